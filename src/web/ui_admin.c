/*
 * ui_admin.c - the administrator's work (issue 13 section 4): the staff
 * of their own municipality (create, change role, teams and contact
 * details, deactivate, issue a one-time activation code), the teams
 * (create, rename, members), the home page with what needs attention,
 * and the public page where a new user sets their password with the code.
 *
 * Every rule about who is whose lives below this file: model/user.h
 * (which roles an administrator gives, contact details, passwords) and
 * store/org.h (a user or team of another municipality answers as a
 * missing one). An activation code is shown once, on the answer to the
 * request that issued it (ov_web_action.answer), and is stored only as
 * its hash. The activation itself is throttled like a log-in
 * (web/throttle.h: by user name and address) and its Argon2id hash is
 * computed on the log-in threads (res->later), before its short write.
 */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "core/crypto.h"
#include "core/log.h"
#include "model/user.h"
#include "store/org.h"
#include "store/settings.h"
#include "web/handlers.h"
#include "web/throttle.h"

/* ---- fields ---- */

static const ov_role given_roles[] = {
    OV_ROLE_EMPLOYMENT_CASEWORKER, OV_ROLE_SOCIAL_CASEWORKER,
    OV_ROLE_CTI_WORKER,            OV_ROLE_COMPANY_CONSULTANT,
    OV_ROLE_LEADER,                OV_ROLE_ADMINISTRATOR};
#define NGIVEN ((int)(sizeof given_roles / sizeof given_roles[0]))

static const char *role_opt(int i)
{
    return i >= 0 && i < NGIVEN ? ov_role_code(given_roles[i]) : NULL;
}

static const char *confirm_opt(int i)
{
    return i == 0 ? "yes" : NULL;
}

/* team_ids: a JSON array of ids ("team_ids.0": 3 ...), or one checkbox
 * per team in the form ("team_ids.<id>" = <id>) */
#define USER_FIELDS()                                                      \
    {.name = "full_name", .type = OV_F_TEXT, .required = true,             \
     .max = OV_USER_NAME_MAX, .label = "admin.full_name"},                 \
    {.name = "role", .type = OV_F_CHOICE, .required = true,                \
     .label = "admin.role", .option = role_opt, .noptions = NGIVEN,        \
     .option_prefix = "role"},                                             \
    {.name = "phone", .type = OV_F_TEXT, .max = OV_PHONE_MAX,              \
     .label = "admin.phone"},                                              \
    {.name = "email", .type = OV_F_TEXT, .max = OV_EMAIL_MAX,              \
     .label = "admin.email"},                                              \
    {.name = "team_ids.*", .type = OV_F_INT, .min = 1,                     \
     .max_i = INT64_MAX / 2, .label = "admin.teams"}

static const ov_field create_spec[] = {
    {.name = "username", .type = OV_F_TEXT, .required = true,
     .max = OV_USERNAME_MAX, .label = "admin.username"},
    USER_FIELDS(),
};
#define NCREATE ((int)(sizeof create_spec / sizeof create_spec[0]))

static const ov_field update_spec[] = {USER_FIELDS()};
#define NUPDATE ((int)(sizeof update_spec / sizeof update_spec[0]))

static const ov_field confirm_spec[] = {
    {.name = "confirm", .type = OV_F_CHOICE, .required = true,
     .label = "admin.confirm", .option = confirm_opt, .noptions = 1,
     .option_prefix = "common"},
};

static const ov_field team_spec[] = {
    {.name = "name", .type = OV_F_TEXT, .required = true,
     .max = OV_ORG_NAME_MAX, .label = "admin.team_name"},
};

static const char *member_opt(int i)
{
    static const char *const o[] = {"add", "remove"};
    return i >= 0 && i < 2 ? o[i] : NULL;
}

static const ov_field member_spec[] = {
    {.name = "user_id", .type = OV_F_INT, .required = true, .min = 1,
     .max_i = INT64_MAX / 2, .label = "admin.member"},
    {.name = "change", .type = OV_F_CHOICE, .required = true,
     .label = "admin.change", .option = member_opt, .noptions = 2,
     .option_prefix = "admin.member"},
};

/* The user's input from a form of create_spec or update_spec. */
static ov_status admin_input(const ov_form *f, ov_user_admin_input *in,
                             ov_err *err)
{
    memset(in, 0, sizeof *in);
    in->username = ov_str_trim(ov_form_str(f, "username"));
    in->full_name = ov_str_trim(ov_form_str(f, "full_name"));
    in->phone = ov_str_trim(ov_form_str(f, "phone"));
    in->email = ov_str_trim(ov_form_str(f, "email"));
    if (ov_role_parse(ov_form_str(f, "role"), "role", &in->role, err) !=
        OV_OK)
        return err->code;
    for (int i = 0; i < f->n; i++) {
        if (!ov_form_name_matches("team_ids.*", f->names[i]))
            continue;
        int64_t id;
        if (ov_str_to_i64(ov_str_trim(f->values[i]), &id) != OV_OK)
            continue; /* the form layer refused it already */
        bool dup = false;
        for (int k = 0; k < in->nteams; k++)
            dup = dup || in->team_ids[k] == id;
        if (dup)
            continue;
        if (in->nteams == OV_USER_TEAMS_MAX)
            return ov_err_msg(err, OV_EINVAL, "team_ids", user_team_not_found,
                              (long long)id);
        in->team_ids[in->nteams++] = id;
    }
    return OV_OK;
}

static int muni(ov_ctx *c)
{
    return c->req->viewer.municipality_code;
}

/* ---- the code, shown once ---- */

typedef struct issued {
    char code[OV_ACTIVATION_CODE_BUF];
    ov_str username, full_name;
} issued;

static void code_answer(ov_ctx *c, int64_t id)
{
    const issued *is = c->extra;
    if (c->api) {
        json_t *j = json_pack("{s:I,s:s}", "id", (json_int_t)id,
                              "activation_code", is->code);
        ov_response_json(c->res, 200, ov_json_dump(j, c->req->arena));
        return;
    }
    /* never cached, never sent again: the page is the only copy */
    ov_response_header(c->res, "Cache-Control", "no-store");
    ov_page_begin(c->res, c->req, 200,
                  ov_str_c(ov_msg(c->lang, "admin.code_title")));
    ov_html_printf(c->res,
                   "<p class=\"notice\">%t</p>"
                   "<dl class=\"code\"><dt>%t</dt><dd>%h (%h)</dd>"
                   "<dt>%t</dt><dd><output id=\"activation-code\" "
                   "class=\"activation-code\">%h</output></dd></dl>"
                   "<p>%t</p>",
                   "admin.code_once", "admin.username", is->username,
                   is->full_name, "admin.code", ov_str_c(is->code),
                   "admin.code_how");
    ov_html_printf(c->res,
                   "<p><a href=\"/administration/brugere/%D\">%t</a> · "
                   "<a href=\"/administration/brugere\">%t</a></p>",
                   id, "admin.back_user", "admin.back_users");
    ov_page_end(c->res);
}

/* ---- users ---- */

static void team_boxes(ov_ctx *c, const ov_form *f, const ov_team_row *teams,
                       int nteams, ov_str current)
{
    ov_html_printf(c->res, "<fieldset id=\"f-team_ids\"><legend>%t</legend>",
                   "admin.teams");
    if (nteams == 0)
        ov_html_printf(c->res, "<p class=\"empty\">%t</p>", "admin.no_teams");
    for (int i = 0; i < nteams; i++) {
        char key[48], val[24];
        snprintf(key, sizeof key, "team_ids.%lld", (long long)teams[i].id);
        snprintf(val, sizeof val, "%lld", (long long)teams[i].id);
        bool on = f->n ? ov_form_has(f, key) : false;
        if (!f->n && current.len) {
            /* ",3,5," contains ",3," */
            char hay[512], needle[32];
            snprintf(hay, sizeof hay, ",%.*s,", (int)current.len,
                     current.ptr);
            snprintf(needle, sizeof needle, ",%s,", val);
            on = strstr(hay, needle) != NULL;
        }
        ov_html_printf(c->res,
                       "<label class=\"check\"><input type=\"checkbox\" "
                       "id=\"f-team-%D\" name=\"%h\" value=\"%h\"",
                       teams[i].id, ov_str_c(key), ov_str_c(val));
        if (on)
            ov_html_lit(c->res, " checked");
        ov_html_printf(c->res, "> %h</label>", teams[i].name);
    }
    ov_html_lit(c->res, "</fieldset>");
}

static void role_cell(ov_ctx *c, ov_role r)
{
    char rk[64];
    snprintf(rk, sizeof rk, "role.%s", ov_role_code(r));
    ov_html_printf(c->res, "%t", rk);
}

static void users_table(ov_ctx *c, const ov_user_row *u,
                        const ov_list_info *li)
{
    ov_page_list_cut(c->res, li, "list.first");
    ov_html_printf(c->res,
                   "<div class=\"table-wrap\"><table class=\"users\"><thead>"
                   "<tr><th>%t</th><th>%t</th><th>%t</th><th>%t</th>"
                   "<th>%t</th><th>%t</th></tr></thead><tbody>",
                   "admin.full_name", "admin.username", "admin.role",
                   "admin.teams", "admin.contact", "admin.state");
    for (int i = 0; i < li->n; i++) {
        ov_html_printf(c->res,
                       "<tr><td><a href=\"/administration/brugere/%D\">%h"
                       "</a></td><td>%h</td><td>",
                       u[i].id, u[i].full_name, u[i].username);
        role_cell(c, u[i].role);
        ov_html_printf(c->res, "</td><td>%h</td><td>%h<br>%h</td><td>",
                       u[i].teams, u[i].phone, u[i].email);
        const char *state = !u[i].active               ? "admin.inactive"
                            : u[i].code == OV_CODE_EXPIRED ? "admin.code_expired"
                            : u[i].code == OV_CODE_PENDING ? "admin.code_pending"
                            : u[i].has_password        ? "admin.active"
                                                       : "admin.no_password";
        ov_html_printf(c->res, "%t</td></tr>", state);
    }
    ov_html_lit(c->res, "</tbody></table></div>");
}

static void users_page(ov_ctx *c, ov_form *f, int status)
{
    ov_tx *tx;
    ov_err err;
    ov_err_clear(&err);
    if (ov_ctx_take_tx(c, &tx, &err) != OV_OK) {
        ov_ctx_fail(c, &err);
        return;
    }
    ov_user_row *users = NULL;
    ov_team_row *teams = NULL;
    ov_list_info ul, tl;
    bool ok = ov_user_list(tx, muni(c), ov_time_now(), c->req->arena, &users,
                           &ul, &err) == OV_OK &&
              ov_team_list(tx, muni(c), c->req->arena, &teams, &tl, &err) ==
                  OV_OK;
    if (!ov_ctx_finish(c, tx, ok, &err))
        return;
    if (c->api) {
        json_t *arr = json_array();
        for (int i = 0; i < ul.n; i++) {
            const ov_user_row *u = &users[i];
            json_t *ids = json_array();
            ov_str rest = u->team_ids;
            while (rest.ptr && rest.len) {
                ov_str one;
                int64_t id;
                rest = ov_str_cut(rest, ',', &one);
                if (ov_str_to_i64(one, &id) == OV_OK)
                    json_array_append_new(ids, json_integer(id));
            }
            json_array_append_new(
                arr,
                json_pack("{s:I,s:s%,s:s%,s:s,s:s%,s:s%,s:o,s:b,s:s}", "id",
                          (json_int_t)u->id, "username", u->username.ptr,
                          u->username.len, "full_name", u->full_name.ptr,
                          u->full_name.len, "role", ov_role_code(u->role),
                          "phone", u->phone.ptr ? u->phone.ptr : "",
                          u->phone.len, "email",
                          u->email.ptr ? u->email.ptr : "", u->email.len,
                          "team_ids", ids, "active", u->active,
                          "activation",
                          u->code == OV_CODE_PENDING   ? "pending"
                          : u->code == OV_CODE_EXPIRED ? "expired"
                                                       : "none"));
        }
        json_t *j = json_pack("{s:o,s:i,s:b}", "users", arr, "total",
                              ul.total, "truncated", ul.truncated);
        ov_response_json(c->res, 200, ov_json_dump(j, c->req->arena));
        return;
    }
    ov_page_begin(c->res, c->req, status,
                  ov_str_c(ov_msg(c->lang, "admin.users_title")));
    ov_html_printf(c->res, "<p><a href=\"/administration\">%t</a></p>",
                   "admin.home");
    users_table(c, users, &ul);
    ov_form nf;
    ov_form_init(&nf, create_spec, NCREATE, c->lang, c->req->arena);
    ov_form *use = f && f->spec == create_spec ? f : &nf;
    ov_html_printf(c->res, "<h2 id=\"ny\">%t</h2><p>%t</p>", "admin.new_user",
                   "admin.new_user_help");
    ov_page_form_errors(c->res, use);
    ov_page_form_begin(c->res, c->req, OV_STR_LIT("/administration/brugere"),
                       false);
    for (int i = 0; i < NCREATE - 1; i++)
        ov_page_field(c->res, use, &create_spec[i], NULL, NULL);
    team_boxes(c, use, teams, tl.n, OV_STR_NULL);
    ov_page_form_end(c->res, "admin.create");
    ov_page_end(c->res);
}

void ov_h_admin_users(ov_web *app, ov_request *req, ov_response *res)
{
    ov_ctx c;
    ov_ctx_init(&c, app, req, res);
    users_page(&c, NULL, 200);
}

static ov_status create_run(ov_ctx *c, const ov_form *f, ov_tx *tx,
                            int64_t *out_id, ov_err *err)
{
    ov_user_admin_input in;
    if (admin_input(f, &in, err) != OV_OK)
        return err->code;
    issued *is = OV_NEW(c->req->arena, issued);
    is->username = in.username;
    is->full_name = in.full_name;
    c->extra = is;
    return ov_user_admin_create(tx, muni(c), &in, ov_time_now(), out_id,
                                is->code, err);
}

const ov_web_action ov_act_user_create = {
    "user_create", create_spec, NCREATE, OV_OP_USER_ADMIN,
    OV_SCOPE_MUNICIPALITY, create_run, users_page, NULL, NULL};

/* One user's page: the details to change, a new code, deactivation. */
static void user_page(ov_ctx *c, ov_form *f, int status)
{
    ov_tx *tx;
    ov_err err;
    ov_err_clear(&err);
    if (ov_ctx_take_tx(c, &tx, &err) != OV_OK) {
        ov_ctx_fail(c, &err);
        return;
    }
    ov_user_row u;
    ov_team_row *teams = NULL;
    ov_list_info tl;
    bool ok = ov_user_get(tx, muni(c), c->id, ov_time_now(), c->req->arena,
                          &u, &err) == OV_OK &&
              ov_team_list(tx, muni(c), c->req->arena, &teams, &tl, &err) ==
                  OV_OK;
    if (!ok && err.code == OV_ENOTFOUND)
        err.field[0] = '\0'; /* the page itself is not found: 404 */
    if (!ov_ctx_finish(c, tx, ok, &err))
        return;
    ov_page_begin(c->res, c->req, status, u.full_name);
    ov_html_printf(c->res,
                   "<p><a href=\"/administration/brugere\">%t</a></p>"
                   "<dl class=\"facts\"><dt>%t</dt><dd>%h</dd><dt>%t</dt><dd>",
                   "admin.back_users", "admin.username", u.username,
                   "admin.state");
    ov_html_printf(c->res, "%t</dd></dl>",
                   !u.active                    ? "admin.inactive"
                   : u.code == OV_CODE_EXPIRED  ? "admin.code_expired"
                   : u.code == OV_CODE_PENDING  ? "admin.code_pending"
                   : u.has_password             ? "admin.active"
                                                : "admin.no_password");
    char *base = ov_arena_printf(c->req->arena, "/administration/brugere/%lld",
                                 (long long)u.id);
    if (u.active) {
        ov_form ef;
        ov_form_init(&ef, update_spec, NUPDATE, c->lang, c->req->arena);
        ov_form *use = f && f->spec == update_spec ? f : &ef;
        if (use == &ef) {
            ov_form_set(&ef, c->req->arena, "full_name", u.full_name);
            ov_form_set(&ef, c->req->arena, "role",
                        ov_str_c(ov_role_code(u.role)));
            ov_form_set(&ef, c->req->arena, "phone", u.phone);
            ov_form_set(&ef, c->req->arena, "email", u.email);
        }
        ov_html_printf(c->res, "<h2>%t</h2>", "admin.edit_user");
        ov_page_form_errors(c->res, use);
        ov_page_form_begin(c->res, c->req, ov_str_c(base), false);
        for (int i = 0; i < NUPDATE - 1; i++)
            ov_page_field(c->res, use, &update_spec[i], NULL, NULL);
        team_boxes(c, use == &ef ? &(ov_form){.n = 0} : use, teams, tl.n,
                   use == &ef ? u.team_ids : OV_STR_NULL);
        ov_page_form_end(c->res, "common.save");

        ov_form cf;
        ov_form_init(&cf, confirm_spec, 1, c->lang, c->req->arena);
        ov_html_printf(c->res, "<h2>%t</h2><p>%t</p>", "admin.reset",
                       "admin.reset_help");
        ov_page_form_begin(c->res, c->req,
                           ov_str_c(ov_arena_printf(c->req->arena, "%s/kode",
                                                    base)),
                           false);
        ov_html_lit(c->res, "<input type=\"hidden\" name=\"confirm\" "
                            "value=\"yes\">");
        ov_page_form_end(c->res, "admin.reset_button");

        ov_html_printf(c->res, "<h2>%t</h2><p>%t</p>", "admin.deactivate",
                       "admin.deactivate_help");
        if (f && f->spec == confirm_spec)
            ov_page_form_errors(c->res, f);
        ov_page_form_begin(c->res, c->req,
                           ov_str_c(ov_arena_printf(c->req->arena,
                                                    "%s/deaktiver", base)),
                           false);
        ov_page_field(c->res, f && f->spec == confirm_spec ? f : &cf,
                      &confirm_spec[0], NULL, NULL);
        ov_page_form_end(c->res, "admin.deactivate_button");
    } else {
        /* reactivation: the old password is gone, so the page says that
         * a new activation code follows (the form below it issues one
         * once the user is active) */
        ov_html_printf(c->res, "<p class=\"notice\">%t</p>",
                       "admin.inactive_help");
        ov_html_printf(c->res, "<h2>%t</h2><p>%t</p>", "admin.reactivate",
                       "admin.reactivate_help");
        if (f && f->spec == confirm_spec)
            ov_page_form_errors(c->res, f);
        ov_form cf;
        ov_form_init(&cf, confirm_spec, 1, c->lang, c->req->arena);
        ov_page_form_begin(c->res, c->req,
                           ov_str_c(ov_arena_printf(c->req->arena,
                                                    "%s/genaktiver", base)),
                           false);
        ov_html_lit(c->res, "<input type=\"hidden\" name=\"confirm\" "
                            "value=\"yes\">");
        ov_page_form_end(c->res, "admin.reactivate_button");
    }
    ov_page_end(c->res);
}

static ov_status update_run(ov_ctx *c, const ov_form *f, ov_tx *tx,
                            int64_t *out_id, ov_err *err)
{
    ov_user_admin_input in;
    *out_id = c->id;
    if (admin_input(f, &in, err) != OV_OK)
        return err->code;
    return ov_user_admin_update_by(tx, muni(c), c->id,
                                   c->req->viewer.user_id, &in, err);
}

static ov_status deactivate_run(ov_ctx *c, const ov_form *f, ov_tx *tx,
                                int64_t *out_id, ov_err *err)
{
    (void)f;
    *out_id = c->id;
    return ov_user_deactivate(tx, muni(c), c->id, c->req->viewer.user_id,
                              err);
}

static ov_status reactivate_run(ov_ctx *c, const ov_form *f, ov_tx *tx,
                                int64_t *out_id, ov_err *err)
{
    (void)f;
    *out_id = c->id;
    return ov_user_reactivate(tx, muni(c), c->id, err);
}

static ov_status reset_run(ov_ctx *c, const ov_form *f, ov_tx *tx,
                           int64_t *out_id, ov_err *err)
{
    (void)f;
    *out_id = c->id;
    issued *is = OV_NEW(c->req->arena, issued);
    c->extra = is;
    ov_user_row u;
    if (ov_user_get(tx, muni(c), c->id, ov_time_now(), c->req->arena, &u,
                    err) != OV_OK)
        return err->code;
    is->username = u.username;
    is->full_name = u.full_name;
    return ov_user_issue_code(tx, muni(c), c->id, ov_time_now(), is->code,
                              err);
}

/* A user {id} of the caller's municipality, before the body is read. */
static ov_status user_mine(ov_ctx *c, ov_tx *tx, ov_err *err)
{
    ov_user_row u;
    return ov_user_get(tx, muni(c), c->id, 0, c->req->arena, &u, err);
}

static const char *user_done(ov_ctx *c, int64_t id)
{
    return ov_arena_printf(c->req->arena, "/administration/brugere/%lld",
                           (long long)id);
}

const ov_web_action ov_act_user_update = {
    "user_update", update_spec, NUPDATE, OV_OP_USER_ADMIN,
    OV_SCOPE_MUNICIPALITY, update_run, user_page, user_done, user_mine};
const ov_web_action ov_act_user_deactivate = {
    "user_deactivate", confirm_spec, 1, OV_OP_USER_ADMIN,
    OV_SCOPE_MUNICIPALITY, deactivate_run, user_page, user_done, user_mine};
const ov_web_action ov_act_user_reactivate = {
    "user_reactivate", confirm_spec, 1, OV_OP_USER_ADMIN,
    OV_SCOPE_MUNICIPALITY, reactivate_run, user_page, user_done, user_mine};
const ov_web_action ov_act_user_reset = {
    "user_reset", confirm_spec, 1, OV_OP_USER_ADMIN, OV_SCOPE_MUNICIPALITY,
    reset_run, user_page, user_done, user_mine};

/* the code is shown on the answer to the request that issued it */
const ov_action_answer ov_action_answers[] = {
    {&ov_act_user_create, code_answer},
    {&ov_act_user_reset, code_answer},
    {NULL, NULL}};

/* ---- teams ---- */

static void teams_page(ov_ctx *c, ov_form *f, int status)
{
    ov_tx *tx;
    ov_err err;
    ov_err_clear(&err);
    if (ov_ctx_take_tx(c, &tx, &err) != OV_OK) {
        ov_ctx_fail(c, &err);
        return;
    }
    ov_team_row *teams = NULL;
    ov_user_row *users = NULL;
    ov_list_info tl, ul;
    bool ok = ov_team_list(tx, muni(c), c->req->arena, &teams, &tl, &err) ==
                  OV_OK &&
              ov_user_list(tx, muni(c), ov_time_now(), c->req->arena, &users,
                           &ul, &err) == OV_OK;
    ov_member_row **members = OV_NEW_N(c->req->arena, ov_member_row *,
                                       (size_t)tl.n + 1);
    ov_list_info *ml = OV_NEW_N(c->req->arena, ov_list_info, (size_t)tl.n + 1);
    for (int i = 0; ok && i < tl.n; i++)
        ok = ov_team_members(tx, teams[i].id, c->req->arena, &members[i],
                             &ml[i], &err) == OV_OK;
    if (!ov_ctx_finish(c, tx, ok, &err))
        return;
    if (c->api) {
        json_t *arr = json_array();
        for (int i = 0; i < tl.n; i++) {
            json_t *ids = json_array();
            for (int k = 0; k < ml[i].n; k++)
                json_array_append_new(ids, json_integer(members[i][k].user_id));
            json_array_append_new(
                arr, json_pack("{s:I,s:s%,s:o}", "id", (json_int_t)teams[i].id,
                               "name", teams[i].name.ptr, teams[i].name.len,
                               "member_ids", ids));
        }
        json_t *j = json_pack("{s:o,s:i,s:b}", "teams", arr, "total",
                              tl.total, "truncated", tl.truncated);
        ov_response_json(c->res, 200, ov_json_dump(j, c->req->arena));
        return;
    }
    ov_page_begin(c->res, c->req, status,
                  ov_str_c(ov_msg(c->lang, "admin.teams_title")));
    ov_html_printf(c->res, "<p><a href=\"/administration\">%t</a></p>",
                   "admin.home");
    if (f)
        ov_page_form_errors(c->res, f);
    for (int i = 0; i < tl.n; i++) {
        char *base = ov_arena_printf(c->req->arena, "/administration/teams/%lld",
                                     (long long)teams[i].id);
        ov_html_printf(c->res, "<section class=\"team\" id=\"team-%D\"><h2>%h"
                               "</h2><ul class=\"members\">",
                       teams[i].id, teams[i].name);
        for (int k = 0; k < ml[i].n; k++) {
            const ov_member_row *m = &members[i][k];
            ov_html_printf(c->res, "<li>%h (", m->full_name);
            role_cell(c, m->role);
            ov_html_lit(c->res, ") ");
            ov_page_form_begin(c->res, c->req,
                               ov_str_c(ov_arena_printf(c->req->arena,
                                                        "%s/medlemmer", base)),
                               false);
            ov_html_printf(c->res,
                           "<input type=\"hidden\" name=\"user_id\" "
                           "value=\"%D\"><input type=\"hidden\" "
                           "name=\"change\" value=\"remove\">",
                           m->user_id);
            ov_page_form_end(c->res, "admin.member.remove");
            ov_html_lit(c->res, "</li>");
        }
        ov_html_lit(c->res, "</ul>");
        /* add: a staff member who is not on the team */
        ov_page_form_begin(c->res, c->req,
                           ov_str_c(ov_arena_printf(c->req->arena,
                                                    "%s/medlemmer", base)),
                           false);
        ov_html_printf(c->res,
                       "<div class=\"field\"><label for=\"f-add-%D\">%t"
                       "</label><select id=\"f-add-%D\" name=\"user_id\">",
                       teams[i].id, "admin.member", teams[i].id);
        for (int k = 0; k < ul.n; k++) {
            bool on = false;
            for (int m = 0; m < ml[i].n; m++)
                on = on || members[i][m].user_id == users[k].id;
            if (on || !users[k].active)
                continue;
            ov_html_printf(c->res, "<option value=\"%D\">%h</option>",
                           users[k].id, users[k].full_name);
        }
        ov_html_lit(c->res, "</select></div><input type=\"hidden\" "
                            "name=\"change\" value=\"add\">");
        ov_page_form_end(c->res, "admin.member.add");
        /* rename */
        ov_page_form_begin(c->res, c->req, ov_str_c(base), false);
        ov_html_printf(c->res,
                       "<div class=\"field\"><label for=\"f-name-%D\">%t"
                       "</label><input id=\"f-name-%D\" name=\"name\" "
                       "value=\"%h\" required maxlength=\"100\"></div>",
                       teams[i].id, "admin.team_name", teams[i].id,
                       teams[i].name);
        ov_page_form_end(c->res, "admin.rename");
        ov_html_lit(c->res, "</section>");
    }
    ov_form nf;
    ov_form_init(&nf, team_spec, 1, c->lang, c->req->arena);
    nf.id_prefix = "new";
    ov_html_printf(c->res, "<h2>%t</h2>", "admin.new_team");
    ov_page_form_begin(c->res, c->req, OV_STR_LIT("/administration/teams"),
                       false);
    ov_page_field(c->res, &nf, &team_spec[0], NULL, NULL);
    ov_page_form_end(c->res, "admin.create");
    ov_page_end(c->res);
}

void ov_h_admin_teams(ov_web *app, ov_request *req, ov_response *res)
{
    ov_ctx c;
    ov_ctx_init(&c, app, req, res);
    teams_page(&c, NULL, 200);
}

static ov_status team_create_run(ov_ctx *c, const ov_form *f, ov_tx *tx,
                                 int64_t *out_id, ov_err *err)
{
    return ov_org_team_create(tx, muni(c), ov_str_trim(ov_form_str(f, "name")),
                              out_id, err);
}

static ov_status team_rename_run(ov_ctx *c, const ov_form *f, ov_tx *tx,
                                 int64_t *out_id, ov_err *err)
{
    *out_id = c->id;
    return ov_org_team_rename(tx, muni(c), c->id, ov_form_str(f, "name"),
                              err);
}

static ov_status team_member_run(ov_ctx *c, const ov_form *f, ov_tx *tx,
                                 int64_t *out_id, ov_err *err)
{
    *out_id = c->id;
    return ov_org_team_member(tx, muni(c), c->id,
                              ov_form_int(f, "user_id", 0),
                              ov_str_eq_c(ov_form_str(f, "change"), "add"),
                              err);
}

static ov_status team_mine(ov_ctx *c, ov_tx *tx, ov_err *err)
{
    return ov_team_require(tx, muni(c), c->id, err);
}

static const char *teams_done(ov_ctx *c, int64_t id)
{
    return ov_arena_printf(c->req->arena, "/administration/teams#team-%lld",
                           (long long)id);
}

const ov_web_action ov_act_team_create = {
    "team_create", team_spec, 1, OV_OP_USER_ADMIN, OV_SCOPE_MUNICIPALITY,
    team_create_run, teams_page, teams_done, NULL};
const ov_web_action ov_act_team_rename = {
    "team_rename", team_spec, 1, OV_OP_USER_ADMIN, OV_SCOPE_MUNICIPALITY,
    team_rename_run, teams_page, teams_done, team_mine};
const ov_web_action ov_act_team_member = {
    "team_member", member_spec, 2, OV_OP_USER_ADMIN, OV_SCOPE_MUNICIPALITY,
    team_member_run, teams_page, teams_done, team_mine};

/* ---- the administrator's home ---- */

void ov_h_admin_home(ov_web *app, ov_request *req, ov_response *res)
{
    ov_ctx c;
    ov_ctx_init(&c, app, req, res);
    ov_tx *tx;
    ov_err err;
    ov_err_clear(&err);
    if (ov_ctx_take_tx(&c, &tx, &err) != OV_OK) {
        ov_ctx_fail(&c, &err);
        return;
    }
    ov_user_row *u = NULL;
    ov_team_row *teams = NULL;
    ov_list_info ul, tl;
    ov_settings set;
    bool ok = ov_user_list(tx, muni(&c), ov_time_now(), req->arena, &u, &ul,
                           &err) == OV_OK &&
              ov_team_list(tx, muni(&c), req->arena, &teams, &tl, &err) ==
                  OV_OK &&
              ov_settings_get(tx, muni(&c), &set, &err) == OV_OK;
    if (!ov_ctx_finish(&c, tx, ok, &err))
        return;
    int active = 0;
    for (int i = 0; i < ul.n; i++)
        active += u[i].active;
    ov_page_begin(res, req, 200, ov_str_c(ov_msg(c.lang, "admin.title")));
    ov_html_printf(res,
                   "<ul class=\"cards\"><li><a href=\"/administration/"
                   "brugere\">%t</a> <span>%d %t</span></li>"
                   "<li><a href=\"/administration/teams\">%t</a> <span>%d"
                   "</span></li><li><a href=\"/administration/brugere#ny\">"
                   "%t</a></li><li><a href=\"/administration/"
                   "indstillinger\">%t</a></li></ul>",
                   "admin.users_title", active, "admin.active_users",
                   "admin.teams_title", tl.n, "admin.new_user",
                   "nav.settings");
    ov_html_printf(res, "<h2>%t</h2>", "admin.attention");
    int shown = 0;
    /* the self-efficacy form names its items by number until the
     * municipality enters the texts it holds a licence for */
    int gse = ov_settings_gse_entered(&set);
    if (gse < OV_GSE_ITEMS) {
        shown++;
        ov_html_printf(res,
                       "<ul class=\"attention\"><li id=\"gse-missing\">"
                       "<a href=\"/administration/indstillinger#gse\">%t</a>"
                       ": %h</li>",
                       "admin.gse_title",
                       ov_str_c(ov_msg_fill(req->arena, c.lang,
                                            "admin.gse_missing",
                                            ov_arena_printf(req->arena, "%d",
                                                            OV_GSE_ITEMS -
                                                                gse),
                                            NULL)));
    }
    for (int i = 0; i < ul.n; i++) {
        const char *why = NULL;
        if (u[i].active && u[i].code == OV_CODE_EXPIRED)
            why = "admin.why_expired";
        else if (!u[i].active && u[i].open_courses > 0)
            why = "admin.why_inactive_courses";
        else if (u[i].active && !u[i].has_password &&
                 u[i].code == OV_CODE_NONE)
            why = "admin.why_no_password";
        if (!why)
            continue;
        if (!shown++)
            ov_html_lit(res, "<ul class=\"attention\">");
        ov_html_printf(res,
                       "<li><a href=\"/administration/brugere/%D\">%h</a>: %t",
                       u[i].id, u[i].full_name, why);
        if (!u[i].active)
            ov_html_printf(res, " (%d)", u[i].open_courses);
        ov_html_lit(res, "</li>");
    }
    if (shown)
        ov_html_lit(res, "</ul>");
    else
        ov_html_printf(res, "<p class=\"empty\">%t</p>", "admin.nothing");
    ov_page_end(res);
}

/* ---- activation (public) ---- */

static const ov_field activate_spec[] = {
    {.name = "username", .type = OV_F_TEXT, .required = true,
     .max = OV_USERNAME_MAX, .label = "admin.username"},
    {.name = "activation_code", .type = OV_F_TEXT, .required = true,
     .max = 40, .label = "admin.code"},
    {.name = "password", .type = OV_F_TEXT, .required = true,
     .max = OV_PASSWORD_MAX, .label = "admin.new_password"},
};

static void activate_page(ov_ctx *c, ov_form *f, int status)
{
    ov_page_begin(c->res, c->req, status,
                  ov_str_c(ov_msg(c->lang, "admin.activate_title")));
    ov_html_printf(c->res, "<p>%t</p>", "admin.activate_help");
    ov_page_form_errors(c->res, f);
    ov_html_lit(c->res, "<form method=\"post\" action=\"/aktiver\" "
                        "class=\"login\">");
    ov_page_field(c->res, f, &activate_spec[0], NULL, NULL);
    ov_page_field(c->res, f, &activate_spec[1], NULL, NULL);
    ov_str pw_err = ov_str_c(ov_form_error_of(f, "password"));
    ov_html_printf(c->res,
                   "<div class=\"field\"><label for=\"f-password\">%t</label>"
                   "<input type=\"password\" id=\"f-password\" "
                   "name=\"password\" required minlength=\"10\" "
                   "autocomplete=\"new-password\">",
                   "admin.new_password");
    if (pw_err.len)
        ov_html_printf(c->res, "<p class=\"error\">%h</p>", pw_err);
    ov_html_printf(c->res,
                   "<p class=\"hint\">%t</p></div><div class=\"actions\">"
                   "<button type=\"submit\">%t</button></div></form>",
                   "admin.password_rule", "admin.activate_button");
    ov_page_end(c->res);
}

void ov_h_activate_page(ov_web *app, ov_request *req, ov_response *res)
{
    ov_ctx c;
    ov_ctx_init(&c, app, req, res);
    ov_form f;
    ov_form_init(&f, activate_spec, 3, c.lang, req->arena);
    activate_page(&c, &f, 200);
}

typedef struct activate_job {
    ov_web *app;
    ov_request *req;
    ov_response *res;
    ov_form *f;
    bool api;
} activate_job;

static void activate_answer(activate_job *j, int status, const ov_err *err)
{
    ov_ctx c;
    ov_ctx_init(&c, j->app, j->req, j->res);
    if (status == 200) {
        if (c.api)
            ov_response_json(j->res, 200, OV_STR_LIT("{\"activated\":true}"));
        else
            ov_page_redirect(j->res, "/login?aktiveret=1");
        return;
    }
    if (c.api) {
        /* a wrong code is bad input (400), not a refusal of the role */
        ov_err e = *err;
        e.code = OV_EINVAL;
        ov_response_error(j->res, &e);
        return;
    }
    ov_form_fail_err(j->f, err);
    activate_page(&c, j->f, status);
}

/* On a log-in thread (web/app.h ov_web_login_start explains why): the
 * Argon2id hash, then the short write that checks the code and stores
 * the hash, then the throttle learns the outcome. */
static void activate_run(void *arg)
{
    activate_job *j = arg;
    ov_throttle *t = j->app->throttle ? j->app->throttle
                                      : ov_throttle_default();
    ov_str user = ov_str_trim(ov_form_str(j->f, "username"));
    ov_str addr = ov_str_c(j->req->remote);
    ov_err err;
    ov_err_clear(&err);
    char hash[OV_PWHASH_MAX];
    char *pw = ov_str_dup0(j->req->arena, ov_form_str(j->f, "password"));
    ov_status st = ov_password_hash(pw, hash, &err);
    ov_throttle_inflight_give();
    ov_tx *tx = NULL;
    ov_actor actor = {"web", OV_ROLE_SYSTEM, "aktivering"};
    if (st == OV_OK)
        st = ov_tx_begin(j->app->store, &actor, &tx, &err);
    if (st == OV_OK) {
        st = ov_user_activate(tx, user,
                              ov_form_str(j->f, "activation_code"), hash,
                              ov_time_now(), &err);
        if (st == OV_OK)
            st = ov_tx_commit(tx, &err);
        else
            ov_tx_rollback(tx);
    }
    int64_t now = ov_throttle_now_ms();
    if (st == OV_EPERM) {
        ov_throttle_failed(t, user, addr, now);
        ov_log_warn("failed activation for user '%.*s' from %s",
                    (int)(user.len > 64 ? 64 : user.len), user.ptr,
                    addr.len ? addr.ptr : "-");
        activate_answer(j, 400, &err);
        return;
    }
    if (st != OV_OK) {
        ov_ctx c;
        ov_ctx_init(&c, j->app, j->req, j->res);
        ov_ctx_fail(&c, &err);
        return;
    }
    ov_throttle_succeeded(t, user, addr, now);
    activate_answer(j, 200, &err);
}

void ov_h_activate(ov_web *app, ov_request *req, ov_response *res)
{
    ov_ctx c;
    ov_ctx_init(&c, app, req, res);
    ov_form *f = OV_NEW(req->arena, ov_form);
    ov_form_init(f, activate_spec, 3, c.lang, req->arena);
    activate_job *j = OV_NEW(req->arena, activate_job);
    *j = (activate_job){app, req, res, f, c.api};
    ov_err err;
    ov_err_clear(&err);
    /* the API takes JSON whatever the Content-Type says, as the log-in */
    ov_status parsed = c.api ? ov_form_parse_json(f, req->body)
                             : ov_form_parse(f, req, NULL);
    if (parsed != OV_OK) {
        ov_form_first_error(f, &err);
        err.code = OV_EINVAL;
        if (c.api)
            ov_response_error(res, &err);
        else
            activate_page(&c, f, 400);
        return;
    }
    if (ov_user_validate_password(ov_form_str(f, "password"), &err) !=
        OV_OK) {
        activate_answer(j, 400, &err);
        return;
    }
    ov_throttle *t = app->throttle ? app->throttle : ov_throttle_default();
    ov_str user = ov_str_trim(ov_form_str(f, "username"));
    ov_str addr = ov_str_c(req->remote);
    int64_t now = ov_throttle_now_ms();
    int wait = ov_throttle_check(t, user, addr, now);
    bool busy = false;
    if (wait == 0 && !ov_throttle_inflight_take())
        busy = true;
    if (wait == 0 && !busy) {
        wait = ov_throttle_admit(t, user, addr, now);
        if (wait)
            ov_throttle_inflight_give();
    }
    if (wait || busy) {
        /* refused unchecked, as a log-in would be: say when to try again */
        int secs = busy ? 1 : wait;
        if (c.api) {
            char msg[160];
            snprintf(msg, sizeof msg,
                     "too many attempts for this user name or from this "
                     "address; wait %d seconds (Retry-After) and try again",
                     secs);
            ov_response_error_status(res, busy ? 503 : 429,
                                     busy ? "busy" : "throttled", msg);
        } else {
            ov_form_fail(f, "activation_code",
                         ov_msg(c.lang, busy ? "login.busy"
                                             : "login.throttled"));
            activate_page(&c, f, busy ? 503 : 429);
        }
        ov_web_login_refused(res, busy ? OV_LOGIN_BUSY : OV_LOGIN_THROTTLED,
                             secs);
        return;
    }
    res->later = activate_run;
    res->later_ctx = j;
}

/* ---- the municipality's settings ---- */

static const char *employer_hours_opt(int i)
{
    return i == 0 || i == 1 ? ov_employer_hours_code((ov_employer_hours)i)
                            : NULL;
}

static const char *hours_source_opt(int i)
{
    return i == 0 || i == 1 ? ov_hours_source_code((ov_hours_source)i) : NULL;
}

#define SETTING_INT(c)                                                     \
    {.name = c, .type = OV_F_INT, .label = "setting." c}
/* in the order of ov_setting_ints (model/settings.c; checked at run time
 * by settings_spec_ok), then the two texts */
static const ov_field settings_spec[] = {
    SETTING_INT("min_age"),
    SETTING_INT("min_months_unemployed"),
    SETTING_INT("followup_weeks"),
    SETTING_INT("cti_interval1"),
    SETTING_INT("cti_interval2"),
    SETTING_INT("cti_interval3"),
    SETTING_INT("cti_early_days"),
    SETTING_INT("cti_min_first_month"),
    SETTING_INT("cti_caseload_limit"),
    SETTING_INT("measure_tolerance_days"),
    SETTING_INT("attention_no_placement_months"),
    SETTING_INT("plan_days"),
    SETTING_INT("retention_years"),
    {.name = "life_domains", .type = OV_F_TEXTAREA, .max = 2000,
     .label = "setting.life_domains"},
    {.name = "indicator_rules", .type = OV_F_TEXTAREA, .max = 4000,
     .label = "setting.indicator_rules"},
    {.name = "employer_hours", .type = OV_F_CHOICE,
     .label = "setting.employer_hours", .option = employer_hours_opt,
     .noptions = 2, .option_prefix = "employer_hours"},
    {.name = "hours_source", .type = OV_F_CHOICE,
     .label = "setting.hours_source", .option = hours_source_opt,
     .noptions = 2, .option_prefix = "hours_source"},
    /* the self-efficacy items, in the scale's order */
    {.name = "gse_item1", .type = OV_F_TEXT, .max = OV_GSE_ITEM_MAX,
     .label = "setting.gse_item1"},
    {.name = "gse_item2", .type = OV_F_TEXT, .max = OV_GSE_ITEM_MAX,
     .label = "setting.gse_item2"},
    {.name = "gse_item3", .type = OV_F_TEXT, .max = OV_GSE_ITEM_MAX,
     .label = "setting.gse_item3"},
    {.name = "gse_item4", .type = OV_F_TEXT, .max = OV_GSE_ITEM_MAX,
     .label = "setting.gse_item4"},
    {.name = "gse_item5", .type = OV_F_TEXT, .max = OV_GSE_ITEM_MAX,
     .label = "setting.gse_item5"},
    {.name = "gse_item6", .type = OV_F_TEXT, .max = OV_GSE_ITEM_MAX,
     .label = "setting.gse_item6"},
    {.name = "gse_item7", .type = OV_F_TEXT, .max = OV_GSE_ITEM_MAX,
     .label = "setting.gse_item7"},
    {.name = "gse_item8", .type = OV_F_TEXT, .max = OV_GSE_ITEM_MAX,
     .label = "setting.gse_item8"},
    {.name = "gse_item9", .type = OV_F_TEXT, .max = OV_GSE_ITEM_MAX,
     .label = "setting.gse_item9"},
    {.name = "gse_item10", .type = OV_F_TEXT, .max = OV_GSE_ITEM_MAX,
     .label = "setting.gse_item10"},
};
#define NSETTINGS ((int)(sizeof settings_spec / sizeof settings_spec[0]))

static bool settings_spec_ok(void)
{
    if (NSETTINGS != ov_nsetting_ints + 4 + OV_GSE_ITEMS)
        return false;
    for (int i = 0; i < ov_nsetting_ints; i++)
        if (strcmp(settings_spec[i].name, ov_setting_ints[i].code) != 0)
            return false;
    return true;
}

static void settings_page(ov_ctx *c, ov_form *f, int status)
{
    ov_tx *tx;
    ov_err err;
    ov_err_clear(&err);
    if (ov_ctx_take_tx(c, &tx, &err) != OV_OK) {
        ov_ctx_fail(c, &err);
        return;
    }
    ov_settings cur, def;
    ov_settings_default(&def);
    ov_settings_change *hist = NULL;
    ov_list_info hl;
    bool ok = ov_settings_get(tx, muni(c), &cur, &err) == OV_OK &&
              ov_settings_history(tx, muni(c), c->req->arena, &hist, &hl,
                                  &err) == OV_OK;
    if (!ov_ctx_finish(c, tx, ok, &err))
        return;
    char domains[OV_DOMAINS_MAX * 100], rules[OV_IND_COUNT * 64];
    ov_life_domains_format(&cur.domains, domains, sizeof domains);
    ov_ind_rules_format(&cur.indicators, rules, sizeof rules);
    if (c->api) {
        json_t *vals = json_object();
        for (int i = 0; i < ov_nsetting_ints; i++) {
            int v = ov_setting_int_get(&cur, &ov_setting_ints[i]);
            /* a setting not set (retention_years) is null */
            json_object_set_new(vals, ov_setting_ints[i].code,
                                v == 0 && ov_setting_int_empty_ok(&ov_setting_ints[i])
                                    ? json_null()
                                    : json_integer(v));
        }
        json_object_set_new(vals, "life_domains", json_string(domains));
        json_object_set_new(vals, "indicator_rules", json_string(rules));
        json_object_set_new(vals, "employer_hours",
                            json_string(ov_employer_hours_code(
                                cur.employer_hours)));
        json_object_set_new(vals, "hours_source",
                            json_string(ov_hours_source_code(
                                cur.hours_source)));
        for (int i = 0; i < OV_GSE_ITEMS; i++)
            json_object_set_new(vals, settings_spec[NSETTINGS - OV_GSE_ITEMS +
                                                    i].name,
                                json_string(cur.gse_items[i]));
        json_t *h = json_array();
        for (int i = 0; i < hl.n; i++)
            json_array_append_new(
                h, json_pack("{s:s%,s:s%,s:s%,s:s%,s:s%}", "field",
                             hist[i].field.ptr, hist[i].field.len, "old",
                             hist[i].old_value.ptr, hist[i].old_value.len,
                             "new", hist[i].new_value.ptr,
                             hist[i].new_value.len, "by",
                             hist[i].changed_by.ptr, hist[i].changed_by.len,
                             "at", hist[i].changed_at.ptr,
                             hist[i].changed_at.len));
        json_t *j = json_pack("{s:o,s:o,s:i,s:b}", "settings", vals,
                              "history", h, "total", hl.total, "truncated",
                              hl.truncated);
        ov_response_json(c->res, 200, ov_json_dump(j, c->req->arena));
        return;
    }
    ov_form sf;
    ov_form_init(&sf, settings_spec, NSETTINGS, c->lang, c->req->arena);
    ov_form *use = f && f->spec == settings_spec ? f : &sf;
    if (use == &sf) {
        for (int i = 0; i < ov_nsetting_ints; i++) {
            int v = ov_setting_int_get(&cur, &ov_setting_ints[i]);
            ov_form_set(&sf, c->req->arena, ov_setting_ints[i].code,
                        ov_str_c(v == 0 && ov_setting_int_empty_ok(&ov_setting_ints[i])
                                     ? ""
                                     : ov_arena_printf(c->req->arena, "%d",
                                                       v)));
        }
        ov_form_set(&sf, c->req->arena, "life_domains", ov_str_c(domains));
        ov_form_set(&sf, c->req->arena, "indicator_rules", ov_str_c(rules));
        ov_form_set(&sf, c->req->arena, "employer_hours",
                    ov_str_c(ov_employer_hours_code(cur.employer_hours)));
        ov_form_set(&sf, c->req->arena, "hours_source",
                    ov_str_c(ov_hours_source_code(cur.hours_source)));
        for (int i = 0; i < OV_GSE_ITEMS; i++)
            ov_form_set(&sf, c->req->arena,
                        settings_spec[NSETTINGS - OV_GSE_ITEMS + i].name,
                        ov_str_c(cur.gse_items[i]));
    }
    ov_page_begin(c->res, c->req, status,
                  ov_str_c(ov_msg(c->lang, "admin.settings_title")));
    ov_html_printf(c->res, "<p><a href=\"/administration\">%t</a></p><p>%t"
                           "</p>",
                   "admin.home", "admin.settings_help");
    ov_page_form_errors(c->res, use);
    ov_page_form_begin(c->res, c->req,
                       OV_STR_LIT("/administration/indstillinger"), false);
    for (int i = 0; i < NSETTINGS; i++) {
        if (i == ov_nsetting_ints + 4)
            ov_html_printf(c->res, "<h2 id=\"gse\">%t</h2><p class=\"hint\">"
                                   "%t</p>",
                           "admin.gse_title", "admin.gse_hint");
        ov_page_field(c->res, use, &settings_spec[i], NULL, NULL);
        if (i >= ov_nsetting_ints + 4)
            continue;
        if (i < ov_nsetting_ints) {
            const ov_setting_int *d = &ov_setting_ints[i];
            char uk[48];
            snprintf(uk, sizeof uk, "unit.%s", d->unit);
            if (ov_setting_int_empty_ok(d))
                ov_html_printf(c->res,
                               "<p class=\"hint\" id=\"hint-%h\">%t: %t · "
                               "%t %d-%d · %t</p><p class=\"hint\">%t</p>",
                               ov_str_c(d->code), "admin.unit", uk,
                               "admin.allowed", d->min, d->max,
                               "admin.default_empty", "admin.retention_hint");
            else
                ov_html_printf(c->res,
                               "<p class=\"hint\" id=\"hint-%h\">%t: %t · "
                               "%t %d-%d · %t %d</p>",
                               ov_str_c(d->code), "admin.unit", uk,
                               "admin.allowed", d->min, d->max,
                               "admin.default", ov_setting_int_get(&def, d));
        } else {
            ov_html_printf(c->res, "<p class=\"hint\">%t</p>",
                           i == ov_nsetting_ints ? "admin.domains_hint"
                           : i == ov_nsetting_ints + 1
                               ? "admin.rules_hint"
                           : i == ov_nsetting_ints + 2
                               ? "admin.employer_hours_hint"
                               : "admin.hours_source_hint");
        }
    }
    ov_page_form_end(c->res, "common.save");
    ov_html_printf(c->res, "<h2 id=\"historik\">%t</h2>",
                   "admin.settings_history");
    if (hl.n == 0) {
        ov_html_printf(c->res, "<p class=\"empty\">%t</p>",
                       "admin.no_history");
    } else {
        ov_page_list_cut(c->res, &hl, "list.newest");
        ov_html_printf(c->res,
                       "<div class=\"table-wrap\"><table class=\"history\">"
                       "<thead><tr><th>%t</th><th>%t</th><th>%t</th>"
                       "<th>%t</th><th>%t</th></tr></thead><tbody>",
                       "admin.when", "admin.setting", "admin.old",
                       "admin.new", "admin.by");
        for (int i = 0; i < hl.n; i++) {
            char lk[80];
            snprintf(lk, sizeof lk, "setting.%.*s", (int)hist[i].field.len,
                     hist[i].field.ptr);
            ov_time t = 0;
            char when[OV_TIME_BUF] = "";
            ov_err e2;
            if (ov_time_parse_utc(hist[i].changed_at, "changed_at", &t,
                                  &e2) == OV_OK)
                ov_time_format_dk(t, when);
            ov_html_printf(c->res,
                           "<tr><td>%h</td><td>%t</td><td><pre>%h</pre></td>"
                           "<td><pre>%h</pre></td><td>%h</td></tr>",
                           ov_str_c(when), lk, hist[i].old_value,
                           hist[i].new_value, hist[i].changed_by);
        }
        ov_html_lit(c->res, "</tbody></table></div>");
    }
    ov_page_end(c->res);
}

void ov_h_admin_settings(ov_web *app, ov_request *req, ov_response *res)
{
    ov_ctx c;
    ov_ctx_init(&c, app, req, res);
    settings_page(&c, NULL, 200);
}

/* The values given (a partial update for the API: what is absent stays)
 * over the current settings; the model validates (ov_settings_set) and
 * its error is put next to the page's field. */
static ov_status settings_run(ov_ctx *c, const ov_form *f, ov_tx *tx,
                              int64_t *out_id, ov_err *err)
{
    *out_id = muni(c);
    if (!settings_spec_ok())
        return ov_err_set(err, OV_EINTERNAL, NULL,
                          "the settings form does not match the model's "
                          "settings (a bug)");
    if (f->n == 0)
        return ov_err_msg(err, OV_EINVAL, "settings", settings_none_given);
    ov_settings s;
    if (ov_settings_get(tx, muni(c), &s, err) != OV_OK)
        return err->code;
    for (int i = 0; i < ov_nsetting_ints; i++)
        if (ov_form_has(f, ov_setting_ints[i].code))
            ov_setting_int_set(
                &s, &ov_setting_ints[i],
                (int)ov_form_int(f, ov_setting_ints[i].code, 0));
    if (ov_form_has(f, "life_domains") &&
        ov_life_domains_parse(ov_form_str(f, "life_domains"), &s.domains,
                              err) != OV_OK)
        return err->code;
    if (ov_form_has(f, "indicator_rules")) {
        ov_ind_rules r = ov_ind_rules_default();
        if (ov_ind_rules_parse(ov_form_str(f, "indicator_rules"), &r, err) !=
            OV_OK) {
            snprintf(err->field, sizeof err->field, "indicator_rules");
            return err->code;
        }
        int plan_days = s.indicators.plan_days;
        s.indicators = r;
        if (ov_form_has(f, "plan_days"))
            s.indicators.plan_days = plan_days;
    }
    if (ov_form_has(f, "employer_hours") &&
        ov_employer_hours_parse(ov_form_str(f, "employer_hours"),
                                &s.employer_hours, err) != OV_OK)
        return err->code;
    if (ov_form_has(f, "hours_source") &&
        ov_hours_source_parse(ov_form_str(f, "hours_source"),
                              &s.hours_source, err) != OV_OK)
        return err->code;
    for (int i = 0; i < OV_GSE_ITEMS; i++) {
        const char *nm = settings_spec[NSETTINGS - OV_GSE_ITEMS + i].name;
        if (ov_form_has(f, nm) &&
            ov_settings_gse_set(&s, i, ov_form_str(f, nm), err) != OV_OK)
            return err->code;
    }
    if (ov_settings_set(tx, muni(c), &s, err) != OV_OK) {
        const char *fld = ov_setting_field_of(err->field);
        if (fld != err->field)
            snprintf(err->field, sizeof err->field, "%s", fld);
        return err->code;
    }
    return OV_OK;
}

static const char *settings_done(ov_ctx *c, int64_t id)
{
    (void)c;
    (void)id;
    return "/administration/indstillinger#historik";
}

const ov_web_action ov_act_settings = {
    "settings", settings_spec, NSETTINGS, OV_OP_USER_ADMIN,
    OV_SCOPE_MUNICIPALITY, settings_run, settings_page, settings_done, NULL};
