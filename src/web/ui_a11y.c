/*
 * ui_a11y.c - the accessibility statement ("tilgængelighedserklæring"),
 * GET /tilgaengelighed.
 *
 * Why: webtilgængelighedsloven (the Danish law on the accessibility of
 * public bodies' websites, implementing directive (EU) 2016/2102) makes a
 * municipality publish a statement for every website it uses, linked from
 * every page's footer, and keep it true. overgang is such a website, so
 * it carries its own statement: public (anyone may read it, without a
 * log-in), in Danish, and in English for a reader who chose English.
 *
 * Format: the parts of the model statement of implementing decision (EU)
 * 2018/1523, which Digitaliseringsstyrelsen's statements follow, in its
 * order: what the statement covers; the compliance status (partially
 * compliant: said honestly, with what falls short); the content that is
 * not accessible and why; how the statement was made and the site tested
 * (a self-assessment: axe-core on every page of every role, keyboard-only
 * tests) and when; feedback and contact; the enforcement procedure
 * (Digitaliseringsstyrelsen). The texts are catalogue keys "a11y.*"
 * (msg.c); the contact is the operator's setting a11y_contact (plain text,
 * escaped), never made up here: without it the page tells the reader to
 * contact their municipality.
 *
 * Keep it true: when a test or a fix changes what the page says (a
 * shortcoming fixed, a new kind of content), change the texts and
 * REVIEWED together (docs/accessibility.md).
 */
#include "web/handlers.h"

#include "core/date.h"
#include "web/page.h"
#include "web/ui.h"

/* The day the statement was last reviewed against the tests' results. */
#define REVIEWED_Y 2026
#define REVIEWED_M 12
#define REVIEWED_D 6

/* Digitaliseringsstyrelsen's page for a reader who met content they could
 * not use and got no (good) answer from the authority. */
static const char enforcement_url[] =
    "https://digst.dk/digital-inklusion/webtilgaengelighed/"
    "oplever-du-ikke-tilgaengeligt-indhold/";

static void section(ov_response *res, const char *heading_key)
{
    ov_html_printf(res, "<h2>%t</h2>", heading_key);
}

static void para(ov_response *res, const char *key)
{
    ov_html_printf(res, "<p>%t</p>", key);
}

static void list(ov_response *res, const char *const *keys, int n)
{
    ov_html_lit(res, "<ul>");
    for (int i = 0; i < n; i++)
        ov_html_printf(res, "<li>%t</li>", keys[i]);
    ov_html_lit(res, "</ul>");
}

void ov_h_a11y_statement(ov_web *app, ov_request *req, ov_response *res)
{
    ov_ctx c;
    ov_ctx_init(&c, app, req, res);
    ov_page_begin(res, req, 200, ov_str_c(ov_msg(c.lang, "a11y.title")));

    para(res, "a11y.intro");
    para(res, "a11y.scope");

    section(res, "a11y.status_h");
    para(res, "a11y.status");

    section(res, "a11y.gaps_h");
    static const char *const gaps[] = {"a11y.gap_pdf", "a11y.gap_manual"};
    list(res, gaps, (int)(sizeof gaps / sizeof gaps[0]));
    para(res, "a11y.burden");

    section(res, "a11y.made_h");
    ov_html_printf(res, "<p>%t ", "a11y.made");
    ov_page_date(res, ov_date_from_ymd(REVIEWED_Y, REVIEWED_M, REVIEWED_D));
    ov_html_printf(res, ". %t</p>", "a11y.method");
    static const char *const tests[] = {"a11y.test_axe", "a11y.test_keys",
                                        "a11y.test_every"};
    list(res, tests, (int)(sizeof tests / sizeof tests[0]));

    section(res, "a11y.contact_h");
    para(res, "a11y.contact_why");
    const char *contact = app ? app->a11y_contact : NULL;
    if (contact && *contact)
        ov_html_printf(res, "<p class=\"a11y-contact\">%t: %h</p>",
                       "a11y.contact", ov_str_c(contact));
    else
        para(res, "a11y.contact_none");

    section(res, "a11y.enforce_h");
    para(res, "a11y.enforce");
    ov_html_printf(res, "<p><a href=\"%h\">%t</a></p>",
                   ov_str_c(enforcement_url), "a11y.enforce_link");

    ov_html_printf(res, "<p><a href=\"/\">%t</a></p>", "common.back");
    ov_page_end(res);
}
