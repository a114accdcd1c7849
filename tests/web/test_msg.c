/*
 * The message catalogue: every entry has both languages, every model code
 * that the interface shows has a text, every key the web layer uses exists,
 * and errors render in the reader's language from their message id.
 */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/cvr.h"
#include "core/date.h"
#include "model/attention.h"
#include "model/course.h"
#include "model/cti.h"
#include "model/due.h"
#include "model/extract.h"
#include "model/indicators.h"
#include "model/match.h"
#include "model/measure.h"
#include "model/placement.h"
#include "model/plan.h"
#include "model/screening.h"
#include "model/suppress.h"
#include "web/msg.h"

static void every_entry_has_danish_and_english(void **state)
{
    (void)state;
    const char *k, *da, *en;
    int n = 0;
    for (int i = 0; ov_msg_entry(i, &k, &da, &en); i++, n++) {
        assert_non_null(da);
        assert_true(da[0] != '\0');
        if (!en || !en[0])
            fail_msg("catalogue key '%s' has no English text", k);
        const char *k2, *d2, *e2;
        if (ov_msg_entry(i + 1, &k2, &d2, &e2) && strcmp(k, k2) == 0)
            fail_msg("catalogue key '%s' appears twice", k);
    }
    assert_true(n > 300);
}

static void signoff_names_who_has_not_signed_in_either_language(void **state)
{
    (void)state;
    char t[160];
    ov_msg_signoff(OV_LANG_DA, OV_SIGN_ALL, t, sizeof t);
    assert_string_equal(t, "Underskrevet af alle");
    ov_msg_signoff(OV_LANG_DA, OV_SIGN_CITIZEN | OV_SIGN_CONSULTANT, t,
                   sizeof t);
    assert_string_equal(t, "Mangler underskrift fra: arbejdsgiveren");
    ov_msg_signoff(OV_LANG_DA, 0, t, sizeof t);
    assert_string_equal(t, "Mangler underskrift fra: borgeren, "
                           "virksomhedskonsulenten, arbejdsgiveren");
    ov_msg_signoff(OV_LANG_DA, OV_SIGN_CONSULTANT, t, sizeof t);
    assert_string_equal(t, "Mangler underskrift fra: borgeren, "
                           "arbejdsgiveren");
    ov_msg_signoff(OV_LANG_EN, OV_SIGN_EMPLOYER, t, sizeof t);
    assert_string_equal(t, "Not yet signed by: the citizen, the company "
                           "consultant");
    ov_msg_signoff(OV_LANG_EN, OV_SIGN_ALL, t, sizeof t);
    assert_string_equal(t, "Signed by all");
    /* a small buffer is cut, never overrun */
    char small[12];
    ov_msg_signoff(OV_LANG_DA, 0, small, sizeof small);
    assert_int_equal(strlen(small), sizeof small - 1);
}

static void unknown_key_renders_visibly(void **state)
{
    (void)state;
    assert_string_equal(ov_msg(OV_LANG_DA, "no.such.key"), "[no.such.key]");
    assert_string_equal(ov_msg(OV_LANG_EN, "nav.tasks"), "My tasks");
    assert_string_equal(ov_msg(OV_LANG_DA, "nav.tasks"), "Mine opgaver");
    assert_string_equal(ov_msg2(OV_LANG_DA, "stage", "drawn"), "Udtrukket");
}

static void need(const char *prefix, const char *code)
{
    char key[128];
    snprintf(key, sizeof key, "%s.%s", prefix, code);
    if (!ov_msg_has(key))
        fail_msg("the catalogue has no text for model code '%s'", key);
}

static void every_model_code_shown_has_a_text(void **state)
{
    (void)state;
    for (int i = 0; i < OV_STAGE_COUNT; i++)
        need("stage", ov_stage_code((ov_stage)i));
    for (int i = 0; i < OV_ROLE_COUNT; i++)
        need("role", ov_role_code((ov_role)i));
    for (int i = 0; i < OV_END_COUNT; i++)
        need("endr", ov_end_reason_code((ov_end_reason)i));
    for (int i = 0; i < OV_TASK_COUNT; i++)
        need("task", ov_task_kind_code((ov_task_kind)i));
    for (int i = 0; i < OV_ACC_COUNT; i++)
        need("acc", ov_accommodation_code((ov_accommodation)i));
    for (int i = 0; i < OV_ORD_COUNT; i++)
        need("ordinary", ov_ordinary_hours_code((ov_ordinary_hours)i));
    for (int i = 0; i < OV_PLACE_COUNT; i++)
        need("ptype", ov_placement_type_code((ov_placement_type)i));
    for (int i = 0; i < OV_BASIS_COUNT; i++)
        need("basis", ov_legal_basis_code((ov_legal_basis)i));
    for (int i = 0; i < OV_FORM_COUNT; i++)
        need("cform", ov_contact_form_code((ov_contact_form)i));
    for (int i = 0; i < OV_INSTR_COUNT; i++)
        need("instr", ov_instrument_code((ov_instrument)i));
    for (int i = 0; i < OV_ITEM_COUNT; i++)
        need("status", ov_item_status_code((ov_item_status)i));
    for (int i = 0; i < OV_CRIT_COUNT; i++)
        need("crit", ov_criterion_code((ov_criterion)i));
    for (int i = 0; i < OV_OUTCOME_COUNT; i++)
        need("outcome", ov_outcome_code((ov_outcome)i));
    for (int i = 0; i < OV_EXCL_COUNT; i++)
        need("excl", ov_exclusion_code((ov_exclusion_reason)i));
    for (int i = 0; i < OV_ACT_COUNT; i++)
        need("action", ov_action_code((ov_action)i));
    need("signer", "citizen");
    need("signer", "consultant");
    need("signer", "employer");
    need("rater", "citizen");
    need("rater", "cti_worker");
    need("by", "citizen");
    need("by", "staff");
}

/* Is the literal a catalogue key by shape: a known prefix, a dot, a
 * lower-case rest? */
static bool looks_like_key(const char *s, size_t n)
{
    if (n < 3 || n > 60)
        return false;
    const char *dot = memchr(s, '.', n);
    if (!dot || dot == s || dot == s + n - 1)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
              c == '.'))
            return false;
    }
    /* the prefix must be one the catalogue uses */
    char prefix[64];
    snprintf(prefix, sizeof prefix, "%.*s", (int)(dot - s), s);
    const char *k, *da, *en;
    for (int i = 0; ov_msg_entry(i, &k, &da, &en); i++)
        if (strncmp(k, prefix, strlen(prefix)) == 0 &&
            k[strlen(prefix)] == '.')
            return true;
    return false;
}

static void every_key_used_in_the_web_layer_exists(void **state)
{
    (void)state;
    DIR *d = opendir("src/web");
    if (!d)
        fail_msg("run the tests from the repository root (src/web missing)");
    struct dirent *e;
    int checked = 0;
    while ((e = readdir(d))) {
        size_t L = strlen(e->d_name);
        if (L < 3 || strcmp(e->d_name + L - 2, ".c") != 0 ||
            strcmp(e->d_name, "msg.c") == 0)
            continue;
        char path[512];
        snprintf(path, sizeof path, "src/web/%s", e->d_name);
        FILE *f = fopen(path, "r");
        assert_non_null(f);
        static char buf[1 << 20];
        size_t n = fread(buf, 1, sizeof buf - 1, f);
        fclose(f);
        buf[n] = '\0';
        for (char *p = buf; (p = strchr(p, '"'));) {
            char *q = strchr(p + 1, '"');
            if (!q)
                break;
            size_t len = (size_t)(q - p - 1);
            if (looks_like_key(p + 1, len)) {
                char key[96];
                snprintf(key, sizeof key, "%.*s", (int)len, p + 1);
                if (!ov_msg_has(key))
                    fail_msg("%s uses catalogue key '%s', which the "
                             "catalogue lacks",
                             path, key);
                checked++;
            }
            p = q + 1;
        }
    }
    closedir(d);
    assert_true(checked > 200);
}

static void errors_render_in_the_language_from_their_message_id(void **state)
{
    (void)state;
    char out[512];
    ov_err e;
    ov_err_msg(&e, OV_EINVAL, "seed", web_localized, "skal være et tal");
    assert_string_equal(e.msg, "skal være et tal");
    assert_string_equal(ov_msg_error(OV_LANG_DA, &e, out, sizeof out),
                        "skal være et tal");
    assert_string_equal(ov_msg_error(OV_LANG_EN, &e, out, sizeof out),
                        "skal være et tal");
}

/* Errors raised by the model and the parsers, as a form or page shows
 * them: the Danish text from the id with the arguments, the English one
 * as it always read (the CLI and the API compare it). */
static void model_and_parser_errors_render_in_either_language(void **state)
{
    (void)state;
    char out[512];
    ov_err e;
    int months;
    ov_cti_length(OV_BASIS_SEL85, 30, &months, &e);
    assert_int_equal(e.id, OV_EM_cti_length_range);
    assert_string_equal(ov_msg_error(OV_LANG_DA, &e, out, sizeof out),
                        "Længden skal være 3-24 måneder; du skrev 30");
    assert_string_equal(ov_msg_error(OV_LANG_EN, &e, out, sizeof out),
                        "length_months: use 3-24 months; got 30");
    assert_string_equal(e.msg, "length_months: use 3-24 months; got 30");

    ov_date d;
    ov_date_parse(ov_str_c("31-02-2026"), "held_on", &d, &e);
    assert_string_equal(e.field, "held_on");
    assert_string_equal(e.msg, "held_on: '31-02-2026' has no such day "
                               "(February 2026 has 28 days); use DD-MM-YYYY");
    assert_string_equal(ov_msg_error(OV_LANG_DA, &e, out, sizeof out),
                        "Dagen findes ikke (måneden har 28 dage); skriv "
                        "datoen som DD-MM-ÅÅÅÅ");

    char cvr[OV_CVR_BUF];
    ov_cvr_parse(ov_str_c("1234567"), "cvr", cvr, &e);
    assert_string_equal(e.msg, "cvr: a CVR number has 8 digits; got 7");
    assert_string_equal(ov_msg_error(OV_LANG_DA, &e, out, sizeof out),
                        "Et CVR-nummer har 8 cifre; der er 7");
}

/* The leader's board, attention, suppression and the national extract
 * raise catalogue ids too (they reached a Danish leader in English): the
 * Danish text on the page, the English one unchanged. */
static void board_and_monitoring_errors_render_in_either_language(
    void **state)
{
    (void)state;
    char out[512];
    ov_err e;
    ov_ind_rules r;
    ov_ind_rules_parse(ov_str_c("agreement_signed=70,80"), &r, &e);
    assert_int_equal(e.id, OV_EM_ind_yellow_above_green);
    assert_string_equal(e.msg, "agreement_signed: higher is better, so the "
                               "yellow threshold (80) may not be above the "
                               "green (70)");
    assert_string_equal(ov_msg_error(OV_LANG_DA, &e, out, sizeof out),
                        "Her er højere bedre, så den gule grænse (80) må "
                        "ikke ligge over den grønne (70)");
    ov_ind_rules_parse(ov_str_c("agreement_signed=90"), &r, &e);
    assert_string_equal(e.msg, "agreement_signed: line 1: write two "
                               "numbers, green and yellow, e.g. "
                               "agreement_signed=90,75");

    ov_ind_period_validate(ov_date_from_ymd(2026, 2, 1),
                           ov_date_from_ymd(2026, 1, 1), &e);
    assert_string_equal(e.field, "to");
    assert_string_equal(ov_msg_error(OV_LANG_DA, &e, out, sizeof out),
                        "Perioden slutter (2026-01-01), før den begynder "
                        "(2026-02-01); vælg en slutdato på eller efter "
                        "startdatoen");

    ov_suppress_k_check(2, "suppress_k", &e);
    assert_int_equal(e.id, OV_EM_suppress_k_min);
    assert_non_null(strstr(e.msg, "suppress_k: 2 is below the smallest"));
    assert_non_null(strstr(ov_msg_error(OV_LANG_DA, &e, out, sizeof out),
                           "2 er under den mindste tilladte grænse"));

    ov_att_reason r2;
    ov_att_reason_parse(ov_str_c("late"), &r2, &e);
    assert_int_equal(e.id, OV_EM_attention_reason_unknown);
    assert_string_equal(ov_msg_error(OV_LANG_DA, &e, out, sizeof out),
                        "Ukendt årsag til opmærksomhed; vælg en årsag på "
                        "listen");

    ov_mx_period_check(ov_date_from_ymd(2026, 2, 1),
                       ov_date_from_ymd(2026, 1, 1), "--period", &e);
    assert_int_equal(e.id, OV_EM_extract_period_order);
    assert_string_equal(e.msg, "--period: the period ends (2026-01-01) "
                               "before it starts (2026-02-01); give "
                               "FROM..TO with FROM on or before TO");
}

static void an_error_without_an_id_shows_its_english_text(void **state)
{
    (void)state;
    char out[512];
    ov_err e;
    ov_err_set(&e, OV_EIO, NULL, "disk full");
    assert_int_equal(e.id, 0);
    assert_string_equal(ov_msg_error(OV_LANG_DA, &e, out, sizeof out),
                        "disk full");
    assert_string_equal(ov_msg_error(OV_LANG_EN, &e, out, sizeof out),
                        "disk full");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_entry_has_danish_and_english),
        cmocka_unit_test(unknown_key_renders_visibly),
        cmocka_unit_test(
            signoff_names_who_has_not_signed_in_either_language),
        cmocka_unit_test(every_model_code_shown_has_a_text),
        cmocka_unit_test(every_key_used_in_the_web_layer_exists),
        cmocka_unit_test(
            errors_render_in_the_language_from_their_message_id),
        cmocka_unit_test(model_and_parser_errors_render_in_either_language),
        cmocka_unit_test(
            board_and_monitoring_errors_render_in_either_language),
        cmocka_unit_test(an_error_without_an_id_shows_its_english_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
