/*
 * test_pdf.c - the document writer (report/pdf.h) and the plan and work
 * agreement documents (report/plan_pdf.h), read back the way a reader's
 * tool reads them: pdftotext (poppler-utils) extracts the text, pdfinfo
 * counts the pages.
 *
 * What is proven: a long plan flows over several pages with "Side N af M"
 * on each and the activity table's header repeated; æ, ø and å survive
 * into the extracted text; the plan shows the date of birth and never
 * the CPR number; the texts follow the reader's language; a document past
 * its block cap is refused, not cut.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/cpr.h"
#include "report/pdf.h"
#include "report/plan_pdf.h"
#include "web/msg.h"

static const char *catalogue(int lang, const char *key)
{
    return ov_msg((ov_lang)lang, key);
}

/* Write the PDF to a temporary file and run `tool args file -` on it;
 * the tool's standard output, malloc'ed. */
static char *run_tool(ov_str pdf, const char *tool, const char *args)
{
    char path[] = "/tmp/ov-test-pdf-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, pdf.ptr, pdf.len), (ssize_t)pdf.len);
    close(fd);
    char cmd[512];
    snprintf(cmd, sizeof cmd, "%s %s '%s' %s 2>&1", tool, args, path,
             strcmp(tool, "pdftotext") == 0 ? "-" : "");
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    size_t cap = 1 << 16, n = 0;
    char *out = malloc(cap);
    size_t k;
    while ((k = fread(out + n, 1, cap - n - 1, p)) > 0) {
        n += k;
        if (cap - n < 4096) {
            cap *= 2;
            out = realloc(out, cap);
        }
    }
    out[n] = '\0';
    int rc = pclose(p);
    unlink(path);
    if (rc != 0)
        fail_msg("%s failed (install poppler-utils): %s", tool, out);
    return out;
}

static int count(const char *hay, const char *needle)
{
    int n = 0;
    for (const char *p = hay; (p = strstr(p, needle)) != NULL; p++)
        n++;
    return n;
}

/* A plan of 6 goals x 3 sub-goals x 8 activities, long texts: several
 * pages. */
static ov_plan long_plan(ov_arena *a)
{
    ov_plan p;
    memset(&p, 0, sizeof p);
    p.job_goal = OV_STR_LIT("Jeg vil arbejde i et gartneri med søde "
                            "kolleger og faste rammer på Ærø");
    p.ngoals = 6;
    p.goals = OV_NEW_N(a, ov_plan_goal, 6);
    int id = 1;
    for (int g = 0; g < 6; g++) {
        ov_plan_goal *G = &p.goals[g];
        G->id = id++;
        G->text = ov_str_c(ov_arena_printf(a, "Mål nummer %d om arbejde", g));
        G->nsubgoals = 3;
        G->subgoals = OV_NEW_N(a, ov_plan_subgoal, 3);
        for (int s = 0; s < 3; s++) {
            ov_plan_subgoal *S = &G->subgoals[s];
            S->id = id++;
            S->text = ov_str_c(ov_arena_printf(a, "Delmål %d.%d", g, s));
            S->nactivities = 8;
            S->activities = OV_NEW_N(a, ov_plan_activity, 8);
            for (int k = 0; k < 8; k++) {
                ov_plan_activity *A = &S->activities[k];
                A->id = id++;
                A->text = ov_str_c(ov_arena_printf(
                    a,
                    "Indsats %d-%d-%d: øve at møde til tiden og tale med "
                    "kollegerne om opgaverne i løbet af ugen",
                    g, s, k));
                A->responsible = (ov_role)(k % 4);
                A->has_deadline = true;
                A->deadline = ov_date_from_ymd(2026, 1 + k, 1 + g);
                A->status = (ov_item_status)(k % OV_ITEM_COUNT);
            }
        }
    }
    return p;
}

static ov_str plan_pdf(ov_arena *a, ov_lang lang, const ov_plan *p,
                       const ov_plan_meta *m, int *pages)
{
    ov_cpr cpr;
    ov_err err;
    assert_int_equal(ov_cpr_parse(OV_STR_LIT("1203851234"), "cpr", &cpr,
                                  &err),
                     OV_OK);
    ov_doc_person team[2] = {
        {OV_STR_LIT("Åse Ørsted"), OV_ROLE_EMPLOYMENT_CASEWORKER,
         OV_STR_LIT("+45 12 34 56 78")},
        {OV_STR_LIT("Bjørn Æbelø"), OV_ROLE_CTI_WORKER, OV_STR_NULL}};
    ov_plan_doc d = {.lang = lang,
                     .msg = catalogue,
                     .citizen_name = OV_STR_LIT("Søren Ærø Åberg"),
                     .birth = cpr.birth,
                     .plan = p,
                     .meta = m,
                     .team = team,
                     .nteam = 2,
                     .printed_on = ov_date_from_ymd(2026, 12, 6)};
    ov_str out;
    assert_int_equal(ov_plan_pdf(&d, a, &out, pages, &err), OV_OK);
    return out;
}

static void a_long_plan_breaks_pages_and_numbers_them(void **state)
{
    (void)state;
    ov_arena *a = ov_arena_new(0);
    ov_plan p = long_plan(a);
    ov_plan_meta m = {.version = 4,
                      .summary = OV_STR_LIT("Nyt mål: 'Mål nummer 5'"),
                      .created_at = 1764979200000LL};
    int pages = 0;
    ov_str pdf = plan_pdf(a, OV_LANG_DA, &p, &m, &pages);
    assert_true(pages >= 4);
    char *info = run_tool(pdf, "pdfinfo", "");
    const char *pg = strstr(info, "Pages:");
    assert_non_null(pg);
    assert_int_equal(atoi(pg + 6), pages);
    free(info);
    char want[64];
    char *text = run_tool(pdf, "pdftotext", "-layout");
    /* every page has its number, out of the total */
    for (int i = 1; i <= pages; i++) {
        snprintf(want, sizeof want, "Side %d af %d", i, pages);
        if (!strstr(text, want))
            fail_msg("'%s' missing", want);
    }
    /* every activity is there, the last one too */
    assert_int_equal(count(text, "Indsats 5-2-7:"), 1);
    assert_int_equal(count(text, "øve at møde til tiden"), 6 * 3 * 8);
    /* a table continued on a new page repeats its header row: 18 tables,
     * and more headers than tables */
    assert_true(count(text, "Indsats     ") > 18);
    assert_non_null(strstr(text, "Udskrevet 06-12-2026"));
    assert_non_null(strstr(text, "Ændret siden version 3"));
    free(text);
    ov_arena_destroy(a);
}

static void danish_letters_survive_text_extraction(void **state)
{
    (void)state;
    ov_arena *a = ov_arena_new(0);
    ov_plan p = long_plan(a);
    p.ngoals = 1;
    ov_plan_meta m = {.version = 1, .created_at = 1764979200000LL};
    ov_str pdf = plan_pdf(a, OV_LANG_DA, &p, &m, NULL);
    char *text = run_tool(pdf, "pdftotext", "-layout");
    assert_non_null(strstr(text, "Søren Ærø Åberg"));
    assert_non_null(strstr(text, "Åse Ørsted"));
    assert_non_null(strstr(text, "Bjørn Æbelø"));
    assert_non_null(strstr(text, "+45 12 34 56 78"));
    assert_non_null(strstr(text, "Sagsbehandler (jobcenter)"));
    assert_non_null(strstr(text, "faste rammer på Ærø"));
    assert_non_null(strstr(text, "Dette er planens første version."));
    free(text);
    /* the font travels with the document */
    char *fonts = run_tool(pdf, "pdffonts", "");
    assert_non_null(strstr(fonts, "DejaVuSans"));
    assert_null(strstr(fonts, " no  "));
    free(fonts);
    ov_arena_destroy(a);
}

static void the_plan_shows_the_birth_date_never_the_cpr_number(
    void **state)
{
    (void)state;
    ov_arena *a = ov_arena_new(0);
    ov_plan p = long_plan(a);
    p.ngoals = 1;
    ov_plan_meta m = {.version = 2, .created_at = 1764979200000LL};
    ov_str pdf = plan_pdf(a, OV_LANG_DA, &p, &m, NULL);
    char *text = run_tool(pdf, "pdftotext", "-layout");
    assert_non_null(strstr(text, "12-03-1985"));
    assert_null(strstr(text, "120385"));
    assert_null(strstr(text, "1234"));
    free(text);
    ov_arena_destroy(a);
}

static void the_document_follows_the_readers_language(void **state)
{
    (void)state;
    ov_arena *a = ov_arena_new(0);
    ov_plan p = long_plan(a);
    p.ngoals = 1;
    ov_plan_meta m = {.version = 2, .created_at = 1764979200000LL};
    ov_str pdf = plan_pdf(a, OV_LANG_EN, &p, &m, NULL);
    char *text = run_tool(pdf, "pdftotext", "-layout");
    assert_non_null(strstr(text, "The citizen's plan"));
    assert_non_null(strstr(text, "Date of birth"));
    assert_non_null(strstr(text, "Page 1 of "));
    assert_non_null(strstr(text, "Printed 06-12-2026"));
    assert_non_null(strstr(text, "Changed since version 1"));
    assert_non_null(strstr(text, "Caseworker (jobcentre)"));
    assert_null(strstr(text, "Udskrevet"));
    free(text);
    ov_arena_destroy(a);
}

static void the_agreement_shows_sign_offs_and_lines_to_sign(void **state)
{
    (void)state;
    ov_arena *a = ov_arena_new(0);
    ov_placement_row r;
    memset(&r, 0, sizeof r);
    r.citizen_name = OV_STR_LIT("Søren Ærø Åberg");
    r.company_name = OV_STR_LIT("Gartneriet Løvspring ApS");
    r.p.type = OV_PLACE_INTERNSHIP;
    r.p.start = ov_date_from_ymd(2026, 9, 1);
    r.p.has_end = true;
    r.p.end = ov_date_from_ymd(2026, 12, 1);
    r.p.weekly_hours_x10 = 125;
    r.agreement_version = 2;
    r.agreement.internship_hours_x10 = 100;
    r.agreement.ordinary_hours_x10 = 25;
    r.agreement.tasks = OV_STR_LIT("Pasning af planter");
    r.agreement.accommodations = OV_STR_LIT("Pauser efter behov");
    r.agreement.ngoals = 2;
    r.agreement.goals[0] = (ov_agreement_goal){OV_STR_LIT("Møde kl. 8"), true};
    r.agreement.goals[1] =
        (ov_agreement_goal){OV_STR_LIT("To ordinære timer"), false};
    r.agreement.review_date = ov_date_from_ymd(2026, 10, 15);
    ov_signoff_row so[2] = {
        {OV_SIGN_CONSULTANT, OV_STR_LIT("Åse Ørsted"), 1764979200000LL,
         OV_STR_LIT("system"), OV_STR_NULL, false, 0, true, {0xab, 0xcd}},
        {OV_SIGN_EMPLOYER, OV_STR_LIT("Jens Løvspring"), 1764979200000LL,
         OV_STR_LIT("paper"), OV_STR_LIT("Åse Ørsted"), true,
         ov_date_from_ymd(2026, 12, 4), false, {0}}};
    ov_agreement_doc d = {.lang = OV_LANG_DA, .msg = catalogue, .row = &r,
                          .signoffs = so, .nsignoffs = 2,
                          .printed_on = ov_date_from_ymd(2026, 12, 6)};
    ov_str pdf;
    ov_err err;
    assert_int_equal(ov_agreement_pdf(&d, a, &pdf, NULL, &err), OV_OK);
    char *text = run_tool(pdf, "pdftotext", "-layout");
    assert_non_null(strstr(text, "Gartneriet Løvspring ApS"));
    assert_non_null(strstr(text, "Aftaleversion"));
    assert_non_null(strstr(text, "12,5"));
    assert_non_null(strstr(text, "01-09-2026 – 01-12-2026"));
    assert_non_null(strstr(text, "Underskrevet af Åse Ørsted"));
    assert_non_null(strstr(text, "(i overgang)"));
    /* the version signed and the start of its content's SHA-256 */
    assert_non_null(strstr(text, "Underskrev version 2 (SHA-256 "
                                 "abcd000000000000"));
    assert_non_null(strstr(text, "Underskrevet af Jens Løvspring"));
    assert_non_null(strstr(text, "(på papir)"));
    /* paper: the date on the paper, and who recorded it */
    assert_non_null(strstr(text, "(på papir); dato på"));
    assert_non_null(strstr(text, "papiret 04-12-2026, registreret af Åse "
                                 "Ørsted"));
    assert_non_null(strstr(text, "Ikke underskrevet endnu"));
    assert_non_null(strstr(text, "Borger: navn, dato og underskrift"));
    assert_non_null(strstr(text, "Virksomhedskonsulent: navn, dato og "
                                 "underskrift"));
    assert_non_null(strstr(text, "Arbejdsgiver: navn, dato og underskrift"));
    free(text);
    ov_arena_destroy(a);
}

static void invalid_utf8_is_repaired_not_passed_on(void **state)
{
    (void)state;
    ov_arena *a = ov_arena_new(0);
    ov_pdf *d = ov_pdf_new(a, OV_STR_LIT("t"));
    ov_pdf_para(d, 0, (ov_str){"ok \xff\xfe end", 10});
    ov_str pdf;
    ov_err err;
    assert_int_equal(ov_pdf_finish(d, &pdf, NULL, &err), OV_OK);
    char *text = run_tool(pdf, "pdftotext", "");
    assert_non_null(strstr(text, "ok "));
    assert_non_null(strstr(text, " end"));
    free(text);
    ov_arena_destroy(a);
}

static void a_document_past_its_block_cap_is_refused(void **state)
{
    (void)state;
    ov_arena *a = ov_arena_new(0);
    ov_pdf *d = ov_pdf_new(a, OV_STR_LIT("t"));
    for (int i = 0; i <= OV_PDF_BLOCKS_MAX; i++)
        ov_pdf_space(d, 1);
    ov_str pdf;
    ov_err err;
    assert_int_equal(ov_pdf_finish(d, &pdf, NULL, &err), OV_ETOOBIG);
    ov_arena_destroy(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_long_plan_breaks_pages_and_numbers_them),
        cmocka_unit_test(danish_letters_survive_text_extraction),
        cmocka_unit_test(the_plan_shows_the_birth_date_never_the_cpr_number),
        cmocka_unit_test(the_document_follows_the_readers_language),
        cmocka_unit_test(the_agreement_shows_sign_offs_and_lines_to_sign),
        cmocka_unit_test(invalid_utf8_is_repaired_not_passed_on),
        cmocka_unit_test(a_document_past_its_block_cap_is_refused),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    ov_pdf_shutdown();
    return failed;
}
