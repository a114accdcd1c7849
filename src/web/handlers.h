/*
 * handlers.h - the page and API handlers and the actions, for the route
 * table (routes.c). An ov_h_ handler gets the request after dispatch
 * checked the operation its route declares; an ov_v_ view gets the
 * context with its record checked and its transaction open
 * (ov_ctx_take_tx). Each ui_*.c file holds one part of the interface.
 */
#ifndef OV_WEB_HANDLERS_H
#define OV_WEB_HANDLERS_H

#include "model/due.h"
#include "model/measure.h"
#include "model/placement.h"
#include "store/course.h"
#include "web/ui.h"

/* app.c: the API's session routes */
void ov_h_api_login(ov_web *app, ov_request *req, ov_response *res);
void ov_h_api_logout(ov_web *app, ov_request *req, ov_response *res);
/* openapi.c */
void ov_h_openapi(ov_web *app, ov_request *req, ov_response *res);
/* A JSON value as compact text in the arena ("{}" when it cannot be
 * dumped); takes the reference. */
struct json_t;
ov_str ov_json_dump(struct json_t *j, ov_arena *a);

/* ui_auth.c: log-in page, log-out, language, static files, home */
void ov_h_login_page(ov_web *app, ov_request *req, ov_response *res);
void ov_h_login_post(ov_web *app, ov_request *req, ov_response *res);
void ov_h_logout_post(ov_web *app, ov_request *req, ov_response *res);
void ov_h_language(ov_web *app, ov_request *req, ov_response *res);
void ov_h_home(ov_web *app, ov_request *req, ov_response *res);
void ov_h_static_css(ov_web *app, ov_request *req, ov_response *res);
/* ui_a11y.c: the accessibility statement, public */
void ov_h_a11y_statement(ov_web *app, ov_request *req, ov_response *res);
void ov_h_static_favicon(ov_web *app, ov_request *req, ov_response *res);
void ov_h_static_js(ov_web *app, ov_request *req, ov_response *res);

/* ui_course.c */
void ov_h_tasks(ov_web *app, ov_request *req, ov_response *res);
void ov_h_course_list(ov_web *app, ov_request *req, ov_response *res);
void ov_v_course(ov_ctx *c);
void ov_ui_course_table(ov_ctx *c, const ov_case_item *items,
                        const ov_list_info *li);
extern const ov_web_action ov_act_team;
extern const ov_web_action ov_act_end;

/* ui_meeting.c */
extern const ov_web_action ov_act_start_meeting;
extern const ov_web_action ov_act_followup;

/* ui_plan.c */
void ov_v_plan(ov_ctx *c);
extern const ov_web_action ov_act_plan;

/* ui_match.c */
void ov_h_companies(ov_web *app, ov_request *req, ov_response *res);
void ov_v_match(ov_ctx *c);
extern const ov_web_action ov_act_company;
extern const ov_web_action ov_act_opening;
extern const ov_web_action ov_act_propose;
extern const ov_web_action ov_act_answer;

/* ui_placement.c */
void ov_v_placement(ov_ctx *c);
void ov_h_my_agreements(ov_web *app, ov_request *req, ov_response *res);
extern const ov_web_action ov_act_placement;
extern const ov_web_action ov_act_agreement;
extern const ov_web_action ov_act_sign;
extern const ov_web_action ov_act_hours;
extern const ov_web_action ov_act_employment;
/* issue 14: the employer contact's hours; the signatures of a work
 * agreement and the caller's own sign button (the citizen's page shares
 * them) */
extern const ov_web_action ov_act_hours_confirm;
struct ov_placement_row;
struct ov_signoff_row;
void ov_ui_signatures(ov_ctx *c, const struct ov_placement_row *r,
                      const struct ov_signoff_row *so, int nso);
void ov_ui_sign_forms(ov_ctx *c, const struct ov_placement_row *r,
                      const char *back);

/* ui_agreement.c: the citizen's own work agreement (issue 14) */
void ov_h_my_agreement(ov_web *app, ov_request *req, ov_response *res);

/* ui_cti.c */
void ov_v_cti(ov_ctx *c);
extern const ov_web_action ov_act_cti_start;
extern const ov_web_action ov_act_cti_contact;

/* ui_journal.c: the course journal and journal notes */
void ov_v_journal(ov_ctx *c);
void ov_v_journal_entry(ov_ctx *c);
extern const ov_web_action ov_act_note;
/* ui_measure.c */
void ov_v_measures(ov_ctx *c);
extern const ov_web_action ov_act_measure;

/* ui_screening.c */
void ov_h_screening(ov_web *app, ov_request *req, ov_response *res);
void ov_h_batch(ov_web *app, ov_request *req, ov_response *res);
extern const ov_web_action ov_act_import;
extern const ov_web_action ov_act_draw;

/* ui_audit.c */
void ov_h_audit(ov_web *app, ov_request *req, ov_response *res);
void ov_h_my_log(ov_web *app, ov_request *req, ov_response *res);
void ov_h_my_log_csv(ov_web *app, ov_request *req, ov_response *res);

/* ui_board.c: the leader's board and its drill-down */
void ov_h_board(ov_web *app, ov_request *req, ov_response *res);
void ov_h_board_list(ov_web *app, ov_request *req, ov_response *res);

/* ui_pdf.c: the plan and the work agreement as PDF */
void ov_v_plan_pdf(ov_ctx *c);
void ov_v_agreement_pdf(ov_ctx *c);
/* The PDF link and print button of a page, and the line print shows in
 * place of the navigation: the citizen's name and the day. */
void ov_ui_paper_bar(ov_ctx *c, const char *pdf_href, ov_str citizen_name);

/* ui_calendar.c: the calendar feed and its subscription address */
void ov_h_calendar_feed(ov_web *app, ov_request *req, ov_response *res);
void ov_h_calendar_page(ov_web *app, ov_request *req, ov_response *res);
void ov_h_calendar_post(ov_web *app, ov_request *req, ov_response *res);

/* api.c: the JSON-only routes */
void ov_h_health(ov_web *app, ov_request *req, ov_response *res);
void ov_v_api_case(ov_ctx *c);
void ov_h_api_access_log(ov_web *app, ov_request *req, ov_response *res);
/* ui_search.c: the citizen search (header box, page, API) */
void ov_h_search(ov_web *app, ov_request *req, ov_response *res);
/* api_occupation.c: the DISCO-08 occupations by title or code prefix */
void ov_h_occupations(ov_web *app, ov_request *req, ov_response *res);
/* api_indicators.c */
void ov_h_indicators(ov_web *app, ov_request *req, ov_response *res);
void ov_h_national_api(ov_web *app, ov_request *req, ov_response *res);
void ov_h_national(ov_web *app, ov_request *req, ov_response *res);

/* api.c: JSON renderings shared with the pages */
struct ov_match_score;
struct ov_placement_row;
struct ov_cti_state;
struct ov_measurement;
void ov_api_tasks(ov_ctx *c, const ov_task *tasks, int n,
                  const ov_str *names, const char *const *hrefs);
void ov_api_cases(ov_ctx *c, const ov_case_item *items,
                  const ov_list_info *li, int page, int per_page);
void ov_api_companies(ov_ctx *c);
void ov_api_suggestions(ov_ctx *c, const struct ov_match_score *s, int n);
/* A placement as JSON, with every signature of its current agreement
 * version (so: who, when, which way, the version's hash), and its hours:
 * the figures that count (src, the municipality's "hours_source"), with
 * the consultant's and the employer's beside them. */
void ov_api_placement(ov_ctx *c, const struct ov_placement_row *r,
                      const struct ov_signoff_row *so, int nso,
                      ov_hours_source src);
void ov_api_cti(ov_ctx *c, const struct ov_cti_state *s);
void ov_api_measurements(ov_ctx *c, struct ov_measurement *const *m,
                         const ov_list_info *li);
struct ov_batch_row;
struct ov_batch_detail;
struct ov_audit_view_row;
void ov_api_batches(ov_ctx *c, const struct ov_batch_row *r,
                    const ov_list_info *li);
void ov_api_batch(ov_ctx *c, const struct ov_batch_detail *d);
void ov_api_audit(ov_ctx *c, const struct ov_audit_view_row *r,
                  const ov_list_info *li);
void ov_api_agreements(ov_ctx *c, const struct ov_placement_row *r,
                       const ov_list_info *li);
struct ov_search_hit;
void ov_api_citizens(ov_ctx *c, const struct ov_search_hit *h,
                     const ov_list_info *li);

/* ui_mine.c: the citizen's own questionnaires, proposals and data */
void ov_h_mine_questionnaires(ov_web *app, ov_request *req,
                              ov_response *res);
void ov_h_mine_measure_post(ov_web *app, ov_request *req, ov_response *res);
void ov_h_mine_proposals(ov_web *app, ov_request *req, ov_response *res);
void ov_h_mine_data(ov_web *app, ov_request *req, ov_response *res);
void ov_h_me_export(ov_web *app, ov_request *req, ov_response *res);
void ov_h_me_export_pdf(ov_web *app, ov_request *req, ov_response *res);
/* The trajectory of one instrument in plain words, in the arena. */
const char *ov_mine_trajectory(ov_arena *a, ov_lang l, ov_instrument in,
                               bool has_before, int before, int after);
struct ov_export;
/* The citizen's export as the JSON of docs/citizen-export.md. */
ov_str ov_mine_export_json(const struct ov_export *x, ov_date today,
                           ov_arena *a);

/* ui_admin.c: the administrator's users and teams; activation */
void ov_h_admin_home(ov_web *app, ov_request *req, ov_response *res);
void ov_h_admin_users(ov_web *app, ov_request *req, ov_response *res);
void ov_h_admin_teams(ov_web *app, ov_request *req, ov_response *res);
void ov_h_activate_page(ov_web *app, ov_request *req, ov_response *res);
void ov_h_activate(ov_web *app, ov_request *req, ov_response *res);
extern const ov_web_action ov_act_user_create;
extern const ov_web_action ov_act_user_update;
extern const ov_web_action ov_act_user_deactivate;
extern const ov_web_action ov_act_user_reactivate;
extern const ov_web_action ov_act_user_reset;
extern const ov_web_action ov_act_team_create;
extern const ov_web_action ov_act_team_rename;
extern const ov_web_action ov_act_team_member;
void ov_h_admin_settings(ov_web *app, ov_request *req, ov_response *res);
extern const ov_web_action ov_act_settings;

/* ui_audit.c: one row of a citizen's own access log in words, for the
 * citizen ("Sagsbehandler (jobcenter) læste din plan i forbindelse med
 * dit forløb"), in the arena: the page, the CSV and the API's "text". */
struct ov_access_entry;
const char *ov_access_text(ov_lang l, ov_arena *a,
                           const struct ov_access_entry *e);

/* ui_citizen.c: the citizen's own home "Mit forløb" and their comment
 * on their plan */
void ov_h_citizen_home(ov_web *app, ov_request *req, ov_response *res);
extern const ov_web_action ov_act_plan_comment;

/* ui_econ.c: the business case for leaders and the national analyst
 * (issue 15), its saved scenarios and its API */
void ov_h_econ_page(ov_web *app, ov_request *req, ov_response *res);
void ov_h_econ_post(ov_web *app, ov_request *req, ov_response *res);
void ov_h_econ_save(ov_web *app, ov_request *req, ov_response *res);
void ov_h_econ_api_compute(ov_web *app, ov_request *req, ov_response *res);
void ov_h_econ_api_list(ov_web *app, ov_request *req, ov_response *res);
void ov_h_econ_api_save(ov_web *app, ov_request *req, ov_response *res);
void ov_h_econ_api_get(ov_web *app, ov_request *req, ov_response *res);

#endif
