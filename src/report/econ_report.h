/*
 * econ_report.h - the budget-economic business case as files a person
 * reads (issue 15): the sheets of economics.xlsx as report/table.h tables,
 * economics.html (Danish, self-contained, inline SVG), economics.json
 * (econ.h's ov_econ_result_write with what the report adds), and the
 * output folder of `overgang economics` written all or nothing.
 *
 * Why one module: the CLI writes the three files and the web page offers
 * the same workbook (ov_econ_tables through ov_xlsx_bytes), so the page's
 * download and the command's file cannot disagree.
 *
 * What the report adds to the calculation (ov_econ_report_extra): where
 * the scenario came from (a preset with its published figures, or a
 * file), the evaluation whose measured effects it carries, and the
 * registered activity of a municipality with the running cost per citizen
 * derived from it, shown beside the entered figure (and used in the
 * calculation when the scenario entered none). Every input is listed with
 * its origin in words: målt (measured), antaget (entered), rekonstrueret,
 * katalog, afledt (derived), mangler (missing), and its source.
 */
#ifndef OV_REPORT_ECON_REPORT_H
#define OV_REPORT_ECON_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "core/err.h"
#include "core/str.h"
#include "econ/econ.h"
#include "model/activity.h"
#include "report/table.h"

typedef struct ov_econ_report_extra {
    /* where the scenario came from, in words ("preset rambøll-2021-C",
     * "scenario.json"); NULL: not said */
    const char *source;
    /* the preset, for its published figures beside the result; NULL */
    const ov_econ_preset *preset;
    /* the evaluation whose effects the scenario carries, and its folder;
     * NULL when the effects are assumed */
    const ov_econ_evaluation *evaluation;
    const char *evaluation_dir;
    /* the registered activity (has_activity) of municipality_code */
    bool has_activity;
    int municipality_code;
    ov_activity_summary activity;
    /* the running cost per citizen the scenario entered (origin MISSING
     * when it entered none) and the one derived from the activity (origin
     * MEASURED; MISSING without activity); activity_used: the derived one
     * is the one the calculation used */
    ov_econ_value running_entered;
    ov_econ_value running_activity;
    bool activity_used;
} ov_econ_report_extra;

/* The calculation's keys in words, in Danish or English: "kontanthjælp"
 * / "cash benefit", "kommune" / "municipality", "målt" / "measured",
 * "opfølgningsmøde" / "follow-up meeting", "CTI-medarbejder" / "CTI
 * worker". Never NULL ("?" for a value outside the enum). */
const char *ov_econ_state_word(ov_econ_state st, ov_econ_lang l);
const char *ov_econ_payer_word(ov_payer p, ov_econ_lang l);
const char *ov_econ_origin_word(ov_econ_origin o, ov_econ_lang l);
const char *ov_econ_act_kind_word(ov_act_kind k, ov_econ_lang l);
const char *ov_econ_act_role_word(ov_act_role r, ov_econ_lang l);

/* A sensitivity row's `what` (econ.h, English keys) in words: "effect x
 * 0.5" -> "Effekten gange 0,5" / "The effect times 0.5", "price
 * benefit.kommune -20%" -> "Prisen på kontanthjælp for kommune -20 %" /
 * "The price of cash benefit for municipality -20%"; an unknown form is
 * copied. */
void ov_econ_sens_text(const char *what, ov_econ_lang l, char *out,
                       size_t cap);

/* One input of the calculation as the report lists it: its path in the
 * scenario format ("prices.benefit.kommune"), a label in the reader's
 * language, the value
 * with its origin and note, the unit, and the standard error of a
 * measured effect (NaN otherwise). */
typedef struct ov_econ_input {
    char path[64];
    char label[160];
    ov_econ_value v;
    const char *unit;
    double se;
} ov_econ_input;

#define OV_ECON_MAX_INPUTS 400
/* The scenario's inputs in a fixed order: the counts and costs, the
 * running cost derived from activity beside the entered one, the effects
 * that are not zero, the prices set or needed (a needed one that is
 * missing is listed as missing), the activity prices set (all of them when
 * there is activity); returns how many (at most cap). x may be NULL. */
int ov_econ_inputs(const ov_econ_scenario *s, const ov_econ_report_extra *x,
                   ov_econ_lang l, ov_econ_input *rows, int cap);

/* An extra that says nothing (no source, no evaluation, no activity). */
void ov_econ_report_extra_init(ov_econ_report_extra *x);

/* The workbook's sheets, in order: the result (per citizen and in all,
 * per payer, break-even, interval), the inputs with origin and source,
 * the yearly table per payer, the sensitivity table, the price
 * catalogue. Sheet names, headings, labels, notes and the econ layer's
 * texts are in `lang` (the page's download follows its reader; the CLI's
 * file is Danish); numbers are numbers. x may be NULL. */
#define OV_ECON_SHEETS 5
void ov_econ_tables(const ov_econ_scenario *s, const ov_econ_result *r,
                    const ov_econ_report_extra *x, ov_econ_lang lang,
                    ov_arena *a, ov_table out[OV_ECON_SHEETS]);

/* economics.html appended to out: the result, net result per year and
 * payer (bars), the cumulative curve with the break-even year, the
 * sensitivity (bars), the yearly table, the inputs (measured or assumed,
 * with sources), the registered activity and the evaluation when given,
 * and the method. OV_ETOOBIG when out's cap is too small. x may be
 * NULL. */
ov_status ov_econ_report_html(const ov_econ_scenario *s,
                              const ov_econ_result *r,
                              const ov_econ_report_extra *x, ov_buf *out,
                              ov_err *err);

/* economics.json: ov_econ_result_write's document, with "source", and
 * when given "evaluation" (its folder and the outcomes used) and
 * "activity" (the counts), and under "inputs" the running cost derived
 * from the activity beside the entered one
 * ("running_per_citizen_from_activity"). Caller frees with free(); NULL
 * when the calculation's document does not parse (a bug). */
char *ov_econ_report_json(const ov_econ_scenario *s, const ov_econ_result *r,
                          const ov_econ_report_extra *x);

/* DIR/economics.json, economics.xlsx and economics.html, each written
 * under a temporary name and renamed into place only when all three are
 * complete (owner-only files); on any failure none of them is left and a
 * folder this call created is removed. */
ov_status ov_econ_report_write(const char *dir, const ov_econ_scenario *s,
                               const ov_econ_result *r,
                               const ov_econ_report_extra *x, ov_err *err);

#endif
