/*
 * ui_meeting.c - the cross-disciplinary start meeting with the holistic
 * assessment (core element 1) and follow-up meetings (core element 3).
 */
#include <stdio.h>
#include <string.h>

#include "model/meeting.h"
#include "model/settings.h"
#include "store/meeting.h"
#include "store/settings.h"
#include "web/handlers.h"

static const ov_field start_spec[] = {
    {.name = "held_on", .type = OV_F_DATE, .required = true,
     .label = "meeting.held_on"},
    {.name = "attendees", .type = OV_F_CHOICES, .max = 5,
     .label = "meeting.attendees", .option = ov_opt_attendee, .noptions = 5,
     .option_prefix = "role"},
    {.name = "wishes", .type = OV_F_TEXTAREA, .max = 2000,
     .label = "meeting.wishes"},
    {.name = "competences", .type = OV_F_TEXTAREA, .max = 2000,
     .label = "meeting.competences"},
    {.name = "notes", .type = OV_F_TEXTAREA, .max = 4000,
     .label = "meeting.notes"},
    {.name = "assessment.*.own_words", .type = OV_F_TEXTAREA,
     .max = OV_ASSESS_TEXT_MAX, .label = "meeting.own_words"},
    {.name = "assessment.*.resources", .type = OV_F_TEXTAREA,
     .max = OV_ASSESS_TEXT_MAX, .label = "meeting.resources"},
    {.name = "assessment.*.challenges", .type = OV_F_TEXTAREA,
     .max = OV_ASSESS_TEXT_MAX, .label = "meeting.challenges"},
    {.name = "assessment.*.rating", .type = OV_F_INT, .min = 0, .max_i = 4,
     .label = "meeting.rating"},
};
#define NSTART ((int)(sizeof start_spec / sizeof start_spec[0]))

static const ov_field followup_spec[] = {
    {.name = "held_on", .type = OV_F_DATE, .required = true,
     .label = "meeting.held_on"},
    {.name = "attendees", .type = OV_F_CHOICES, .max = 5,
     .label = "meeting.attendees", .option = ov_opt_attendee, .noptions = 5,
     .option_prefix = "role"},
    {.name = "notes", .type = OV_F_TEXTAREA, .max = 4000,
     .label = "meeting.notes"},
    {.name = "plan_version", .type = OV_F_INT, .min = 1, .max_i = 100000,
     .label = "meeting.plan_version"},
};
#define NFOLLOW ((int)(sizeof followup_spec / sizeof followup_spec[0]))

static ov_attendees attendees_of(const ov_form *f)
{
    ov_str v[8];
    int n = ov_form_values(f, "attendees", v, 8);
    ov_attendees a = 0;
    for (int i = 0; i < n; i++) {
        ov_role r;
        if (ov_role_parse(v[i], "attendees", &r, NULL) == OV_OK)
            a |= OV_ATTEND(r);
    }
    return a;
}

static ov_status municipality_settings(ov_ctx *c, ov_tx *tx, ov_settings *s,
                                       ov_err *err)
{
    return ov_settings_get(tx, c->req->viewer.municipality_code, s, err);
}

static const char *const sub[] = {"own_words", "resources", "challenges",
                                  "rating"};

static ov_status start_run(ov_ctx *c, const ov_form *f, ov_tx *tx,
                           int64_t *out_id, ov_err *err)
{
    ov_settings set;
    if (municipality_settings(c, tx, &set, err) != OV_OK)
        return err->code;
    /* the domains named in the input, each once */
    ov_str keys[OV_DOMAINS_MAX * 4];
    int nkeys = 0;
    for (int k = 0; k < 4; k++) {
        char pat[48];
        snprintf(pat, sizeof pat, "assessment.*.%s", sub[k]);
        ov_str some[OV_DOMAINS_MAX * 2];
        int n = ov_form_keys(f, pat, some, OV_DOMAINS_MAX * 2);
        for (int i = 0; i < n; i++) {
            bool seen = false;
            for (int j = 0; j < nkeys && !seen; j++)
                seen = ov_str_eq(keys[j], some[i]);
            if (!seen && nkeys < OV_DOMAINS_MAX * 4)
                keys[nkeys++] = some[i];
        }
    }
    ov_assessment_item *items =
        OV_NEW_N(c->req->arena, ov_assessment_item, (size_t)nkeys + 1);
    int nitems = 0;
    for (int i = 0; i < nkeys; i++) {
        ov_assessment_item *it = &items[nitems];
        char nm[4][96];
        for (int k = 0; k < 4; k++)
            snprintf(nm[k], sizeof nm[k], "assessment.%.*s.%s",
                     (int)keys[i].len, keys[i].ptr, sub[k]);
        it->domain = keys[i];
        it->own_words = ov_str_trim(ov_form_str(f, nm[0]));
        it->resources = ov_str_trim(ov_form_str(f, nm[1]));
        it->challenges = ov_str_trim(ov_form_str(f, nm[2]));
        it->rating = (int)ov_form_int(f, nm[3], -1);
        /* a domain left empty in the form is not assessed */
        if (!it->own_words.len && !it->resources.len && !it->challenges.len &&
            it->rating < 0)
            continue;
        nitems++;
    }
    ov_meeting_input in = {
        .kind = OV_MEETING_START,
        .held_on = ov_form_date(f, "held_on", c->today),
        .attendees = attendees_of(f),
        .notes = ov_form_str(f, "notes"),
        .wishes = ov_form_str(f, "wishes"),
        .competences = ov_form_str(f, "competences"),
        .nitems = nitems,
        .items = items,
    };
    bool complete = false;
    return ov_meeting_record(tx, c->course_id, &in, &set.domains, c->today,
                             out_id, &complete, err);
}

static void meeting_head(ov_ctx *c, ov_form *f, int status, const char *title,
                         const char *path)
{
    if (f->nerrors == 0)
        ov_ctx_default_today(c, f, "held_on");
    ov_page_begin(c->res, c->req, status,
                  ov_str_c(ov_msg(c->lang, title)));
    ov_page_form_errors(c->res, f);
    ov_page_form_begin(c->res, c->req,
                       ov_str_c(ov_arena_printf(c->req->arena,
                                                "/forloeb/%lld/%s",
                                                (long long)c->id, path)),
                       false);
}

static void start_render(ov_ctx *c, ov_form *f, int status)
{
    ov_settings set;
    ov_err err;
    ov_err_clear(&err);
    ov_tx *tx;
    if (ov_ctx_take_tx(c, &tx, &err) != OV_OK) {
        ov_ctx_fail(c, &err);
        return;
    }
    if (!ov_ctx_finish(c, tx,
                       ov_settings_get(tx, c->req->viewer.municipality_code,
                                       &set, &err) == OV_OK,
                       &err))
        return;
    meeting_head(c, f, status, "meeting.start_title", "opstartsmoede");
    for (int k = 0; k < 5; k++)
        ov_page_field(c->res, f, &start_spec[k], NULL, NULL);
    ov_html_printf(c->res, "<h2>%t</h2>", "meeting.assessment");
    for (int d = 0; d < set.domains.n; d++) {
        ov_html_printf(c->res, "<fieldset class=\"domain\"><legend>%h</legend>",
                       ov_str_c(ov_domain_label(c->lang, &set.domains, d)));
        for (int k = 0; k < 4; k++) {
            char nm[96];
            snprintf(nm, sizeof nm, "assessment.%s.%s", set.domains.code[d],
                     sub[k]);
            ov_page_field(c->res, f, &start_spec[5 + k], nm, NULL);
        }
        ov_html_lit(c->res, "</fieldset>");
    }
    ov_page_form_end(c->res, "common.save");
    ov_page_end(c->res);
}

const ov_web_action ov_act_start_meeting = {
    "start_meeting", start_spec, NSTART, OV_OP_COURSE_WRITE, OV_SCOPE_COURSE,
    start_run, start_render, NULL, NULL};

static ov_status followup_run(ov_ctx *c, const ov_form *f, ov_tx *tx,
                              int64_t *out_id, ov_err *err)
{
    ov_meeting_input in = {
        .kind = OV_MEETING_FOLLOWUP,
        .held_on = ov_form_date(f, "held_on", c->today),
        .attendees = attendees_of(f),
        .notes = ov_form_str(f, "notes"),
        .plan_version = (int)ov_form_int(f, "plan_version", 0),
    };
    ov_settings set;
    if (municipality_settings(c, tx, &set, err) != OV_OK)
        return err->code;
    bool complete = false;
    return ov_meeting_record(tx, c->course_id, &in, &set.domains, c->today,
                             out_id, &complete, err);
}

static void followup_render(ov_ctx *c, ov_form *f, int status)
{
    meeting_head(c, f, status, "meeting.followup_title", "opfoelgning");
    ov_page_fields(c->res, f);
    ov_page_form_end(c->res, "common.save");
    ov_page_end(c->res);
}

const ov_web_action ov_act_followup = {
    "followup", followup_spec, NFOLLOW, OV_OP_COURSE_WRITE, OV_SCOPE_COURSE,
    followup_run, followup_render, NULL, NULL};
