/*
 * plan_pdf.c - the plan and the work agreement laid out as documents
 * (plan_pdf.h), in the reader's language.
 *
 * The plan: the citizen's name and date of birth, the version and its
 * date, the job goal, each goal with its sub-goals and a table of their
 * activities (responsible role, deadline, status), the team, and what
 * changed since the previous version. The agreement: its version, the
 * placement and company, hours, tasks, accommodations, progression goals,
 * who signed in the system and when (and how, once issue 14 records it),
 * and three lines to sign on paper.
 */
#include "report/plan_pdf.h"

#include <stdio.h>
#include <string.h>

#include "model/occupation.h"
#include "report/pdf.h"

#define T(key) ov_str_c(d->msg(d->lang, key))

/* A catalogue text with %1 (and %2) replaced. */
static ov_str fill(ov_arena *a, const char *tpl, const char *a1,
                   const char *a2)
{
    ov_buf b;
    ov_buf_init(&b, a, 4096);
    for (const char *p = tpl; *p; p++) {
        if (p[0] == '%' && (p[1] == '1' || p[1] == '2')) {
            ov_buf_append_c(&b, p[1] == '1' ? a1 : a2);
            p++;
        } else {
            ov_buf_append_byte(&b, *p);
        }
    }
    return ov_buf_str(&b);
}

static ov_str date_str(ov_arena *a, ov_date dt)
{
    char buf[OV_DATE_BUF];
    ov_date_format_dk(dt, buf);
    return ov_str_c(ov_arena_strdup(a, buf));
}

static ov_str keyed(ov_doc_msg msg, int lang, const char *prefix,
                    const char *code)
{
    char key[96];
    snprintf(key, sizeof key, "%s.%s", prefix, code);
    return ov_str_c(msg(lang, key));
}

static void footer(ov_pdf *p, ov_doc_msg msg, int lang, ov_arena *a,
                   ov_str who, ov_date printed)
{
    char day[OV_DATE_BUF];
    ov_date_format_dk(printed, day);
    ov_str printed_s = fill(a, msg(lang, "pdf.printed"), day, "");
    ov_str left = who.len ? ov_str_c(ov_arena_printf(a, "%.*s \xc2\xb7 %.*s",
                                                     (int)who.len, who.ptr,
                                                     (int)printed_s.len,
                                                     printed_s.ptr))
                          : printed_s;
    ov_pdf_footer(p, left, ov_str_c(msg(lang, "pdf.page")));
}

ov_status ov_plan_pdf(const ov_plan_doc *d, ov_arena *a, ov_str *out,
                      int *pages, ov_err *err)
{
    ov_pdf *p = ov_pdf_new(a, fill(a, d->msg(d->lang, "pdf.plan_title"),
                                   ov_arena_memdup0(a, d->citizen_name.ptr,
                                                    d->citizen_name.len),
                                   ""));
    footer(p, d->msg, d->lang, a, d->citizen_name, d->printed_on);
    ov_pdf_heading(p, 1, T("plan.title"));
    ov_pdf_field(p, T("pdf.citizen"), d->citizen_name);
    ov_pdf_field(p, T("pdf.birth"), date_str(a, d->birth));
    const ov_plan_meta *m = d->meta;
    if (m->version == 0) {
        ov_pdf_space(p, 8);
        ov_pdf_para(p, 0, T("plan.none"));
    } else {
        char v[16];
        snprintf(v, sizeof v, "%d", m->version);
        ov_pdf_field(p, T("pdf.version"), ov_str_c(ov_arena_strdup(a, v)));
        ov_pdf_field(p, T("pdf.version_date"),
                     date_str(a, ov_time_utc_date(m->created_at)));
        if (m->with_citizen)
            ov_pdf_note(p, 0, T("plan.with_citizen"));

        const ov_plan *pl = d->plan;
        ov_pdf_heading(p, 2, T("plan.job_goal"));
        ov_pdf_para(p, 0, pl->job_goal.len ? pl->job_goal : T("pdf.empty"));
        if (pl->occupation.len)
            ov_pdf_field(p, T("plan.occupation"),
                         ov_str_c(ov_occupation_label(a, pl->occupation)));

        ov_pdf_heading(p, 2, T("plan.goals"));
        if (pl->ngoals == 0)
            ov_pdf_para(p, 0, T("pdf.empty"));
        static const double widths[] = {4.4, 2.9, 1.5, 1.5};
        ov_str head[4] = {T("plan.activity"), T("plan.responsible"),
                          T("plan.deadline"), T("plan.status")};
        for (int g = 0; g < pl->ngoals; g++) {
            const ov_plan_goal *G = &pl->goals[g];
            char n[16];
            snprintf(n, sizeof n, "%d", g + 1);
            ov_str gs = keyed(d->msg, d->lang, "status",
                              ov_item_status_code(G->status));
            ov_pdf_heading(p, 3,
                           ov_str_c(ov_arena_printf(
                               a, "%s %s: %.*s (%.*s)",
                               d->msg(d->lang, "plan.goal"), n,
                               (int)G->text.len, G->text.ptr, (int)gs.len,
                               gs.ptr)));
            for (int s = 0; s < G->nsubgoals; s++) {
                const ov_plan_subgoal *S = &G->subgoals[s];
                ov_str ss = keyed(d->msg, d->lang, "status",
                                  ov_item_status_code(S->status));
                ov_pdf_para(p, 1,
                            ov_str_c(ov_arena_printf(
                                a, "%s %s.%d: %.*s (%.*s)",
                                d->msg(d->lang, "plan.subgoal"), n, s + 1,
                                (int)S->text.len, S->text.ptr, (int)ss.len,
                                ss.ptr)));
                if (S->nactivities == 0)
                    continue;
                ov_pdf_table(p, 4, widths, head);
                for (int k = 0; k < S->nactivities; k++) {
                    const ov_plan_activity *A = &S->activities[k];
                    ov_str row[4] = {
                        A->text,
                        keyed(d->msg, d->lang, "role",
                              ov_role_code(A->responsible)),
                        A->has_deadline ? date_str(a, A->deadline)
                                        : OV_STR_LIT("\xe2\x80\x94"),
                        keyed(d->msg, d->lang, "status",
                              ov_item_status_code(A->status))};
                    ov_pdf_table_row(p, row);
                }
            }
        }
        if (m->citizen_comment.len) {
            ov_pdf_heading(p, 2, T("plan.citizen_comment"));
            ov_pdf_para(p, 0, m->citizen_comment);
        }
    }

    ov_pdf_heading(p, 2, T("course.staff"));
    if (d->nteam == 0) {
        ov_pdf_para(p, 0, T("course.no_staff"));
    } else {
        static const double tw[] = {2.5, 2.5, 1.5};
        ov_str th[3] = {T("pdf.name"), T("pdf.role"), T("pdf.phone")};
        ov_pdf_table(p, 3, tw, th);
        for (int i = 0; i < d->nteam; i++) {
            ov_str row[3] = {d->team[i].name,
                             keyed(d->msg, d->lang, "role",
                                   ov_role_code(d->team[i].role)),
                             d->team[i].phone.len ? d->team[i].phone
                                                  : OV_STR_LIT("\xe2\x80\x94")};
            ov_pdf_table_row(p, row);
        }
    }

    if (m->version > 0) {
        char prev[16];
        snprintf(prev, sizeof prev, "%d", m->version - 1);
        if (m->version == 1) {
            ov_pdf_heading(p, 2, T("pdf.changes"));
            ov_pdf_para(p, 0, T("pdf.first_version"));
        } else {
            ov_pdf_heading(p, 2, fill(a, d->msg(d->lang, "pdf.changes_since"),
                                      prev, ""));
            if (d->changes && d->changes->total > 0)
                ov_pdf_para(p, 0,
                            ov_str_c(ov_plan_changes_text(d->changes, d->msg,
                                                          d->lang, a)));
            else if (d->changes)
                ov_pdf_para(p, 0, T("pdf.no_changes"));
            else
                ov_pdf_para(p, 0, m->summary.len ? m->summary
                                                 : T("pdf.no_changes"));
        }
    }
    return ov_pdf_finish(p, out, pages, err);
}

static ov_str hours(ov_arena *a, int x10)
{
    char h[16];
    ov_hours_format(x10, h);
    return ov_str_c(ov_arena_strdup(a, h));
}

ov_status ov_agreement_pdf(const ov_agreement_doc *d, ov_arena *a,
                           ov_str *out, int *pages, ov_err *err)
{
    const ov_placement_row *r = d->row;
    ov_pdf *p = ov_pdf_new(a, T("agreement.title"));
    footer(p, d->msg, d->lang, a, r->citizen_name, d->printed_on);
    ov_pdf_heading(p, 1, T("agreement.title"));
    ov_pdf_field(p, T("pdf.citizen"), r->citizen_name);
    ov_pdf_field(p, T("placement.company"), r->company_name);
    ov_pdf_field(p, T("placement.type"),
                 keyed(d->msg, d->lang, "ptype",
                       ov_placement_type_code(r->p.type)));
    ov_str period = date_str(a, r->p.start);
    if (r->p.has_end) {
        ov_str e = date_str(a, r->p.end);
        period = ov_str_c(ov_arena_printf(a, "%.*s \xe2\x80\x93 %.*s",
                                          (int)period.len, period.ptr,
                                          (int)e.len, e.ptr));
    }
    ov_pdf_field(p, T("pdf.period"), period);
    ov_pdf_field(p, T("placement.weekly_hours"),
                 hours(a, r->p.weekly_hours_x10));
    if (r->agreement_version == 0) {
        ov_pdf_space(p, 8);
        ov_pdf_para(p, 0, T("agreement.none"));
        return ov_pdf_finish(p, out, pages, err);
    }
    const ov_agreement *ag = &r->agreement;
    char v[16];
    snprintf(v, sizeof v, "%d", r->agreement_version);
    ov_pdf_field(p, T("pdf.agreement_version"),
                 ov_str_c(ov_arena_strdup(a, v)));
    ov_pdf_field(p, T("agreement.internship_hours"),
                 hours(a, ag->internship_hours_x10));
    ov_pdf_field(p, T("agreement.ordinary_hours"),
                 hours(a, ag->ordinary_hours_x10));
    ov_pdf_field(p, T("agreement.review_date"),
                 date_str(a, ag->review_date));
    ov_pdf_heading(p, 2, T("agreement.tasks"));
    ov_pdf_para(p, 0, ag->tasks.len ? ag->tasks : T("pdf.empty"));
    ov_pdf_heading(p, 2, T("agreement.accommodations"));
    ov_pdf_para(p, 0,
                ag->accommodations.len ? ag->accommodations : T("pdf.empty"));
    ov_pdf_heading(p, 2, T("pdf.progression"));
    static const double gw[] = {5, 1.2};
    ov_str gh[2] = {T("agreement.goal"), T("plan.status")};
    ov_pdf_table(p, 2, gw, gh);
    for (int i = 0; i < ag->ngoals; i++) {
        ov_str row[2] = {ag->goals[i].text,
                         T(ag->goals[i].reached ? "agreement.reached"
                                                : "pdf.not_reached")};
        ov_pdf_table_row(p, row);
    }

    ov_pdf_heading(p, 2, T("agreement.signoffs"));
    static const ov_signer order[3] = {OV_SIGN_CITIZEN, OV_SIGN_CONSULTANT,
                                       OV_SIGN_EMPLOYER};
    for (int k = 0; k < 3; k++) {
        ov_str role = keyed(d->msg, d->lang, "signer",
                            ov_signer_code(order[k]));
        const ov_signoff_row *so = NULL;
        for (int i = 0; i < d->nsignoffs; i++)
            if (d->signoffs[i].signer == order[k])
                so = &d->signoffs[i];
        ov_str status;
        if (so) {
            char when[OV_TIME_BUF];
            ov_time_format_dk(so->at, when);
            ov_str way = so->way.len
                             ? keyed(d->msg, d->lang, "pdf.way",
                                     ov_arena_memdup0(a, so->way.ptr,
                                                      so->way.len))
                             : T("pdf.way.system");
            char *nm = ov_arena_memdup0(a, so->name.ptr, so->name.len);
            ov_str line = fill(a, d->msg(d->lang, "pdf.signed"), nm, when);
            status = ov_str_c(ov_arena_printf(a, "%.*s (%.*s)",
                                              (int)line.len, line.ptr,
                                              (int)way.len, way.ptr));
            /* paper: the date on the paper and who recorded it */
            if (ov_str_eq_c(so->way, "paper") && so->recorded_by.len) {
                char pd[OV_DATE_BUF] = "";
                if (so->has_paper_date)
                    ov_date_format_dk(so->paper_date, pd);
                ov_str rec = fill(
                    a, d->msg(d->lang, "pdf.paper_recorded"), pd,
                    ov_arena_memdup0(a, so->recorded_by.ptr,
                                     so->recorded_by.len));
                status = ov_str_c(ov_arena_printf(
                    a, "%.*s; %.*s", (int)status.len, status.ptr,
                    (int)rec.len, rec.ptr));
            }
            /* the version signed and its content's SHA-256 */
            if (so->has_hash) {
                char hex[2 * OV_AGREEMENT_HASH_BYTES + 1];
                ov_agreement_hash_hex(so->hash, hex);
                char ver[16];
                snprintf(ver, sizeof ver, "%d", d->row->agreement_version);
                ov_str hl = fill(a, d->msg(d->lang, "pdf.signed_hash"), ver,
                                 ov_arena_printf(a, "%.16s", hex));
                status = ov_str_c(ov_arena_printf(
                    a, "%.*s. %.*s", (int)status.len, status.ptr,
                    (int)hl.len, hl.ptr));
            }
        } else {
            status = T("pdf.not_signed");
        }
        ov_pdf_field(p, role, status);
    }
    for (int k = 0; k < 3; k++) {
        ov_str role = keyed(d->msg, d->lang, "signer",
                            ov_signer_code(order[k]));
        ov_pdf_sign_line(
            p, fill(a, d->msg(d->lang, "pdf.sign_caption"),
                    ov_arena_memdup0(a, role.ptr, role.len), ""));
    }
    return ov_pdf_finish(p, out, pages, err);
}
