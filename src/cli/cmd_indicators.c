/*
 * cmd_indicators.c - `overgang indicators`: the indicators of one
 * municipality (optionally one team or staff member) for a period, as the
 * API's JSON (web/indicators.h), as CSV or as an XLSX workbook
 * (report/table.h, the board's writer), to stdout or a file; and with
 * --drill ID the courses behind one indicator's numerator and
 * denominator. The read is audited as the system actor with a purpose.
 * A workbook is binary: it goes to --out, or to stdout only when that is
 * no terminal (a pipe or a redirection).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/csv.h"
#include "core/path.h"
#include "report/table.h"
#include "store/indicators.h"
#include "web/indicators.h"

static const cli_opt_def opts[] = {
    {"--municipality", true, OV_SET_COUNT, "the kommunekode, e.g. 250"},
    {"--from", true, OV_SET_COUNT,
     "first day of the period, YYYY-MM-DD (default: 12 months before --to)"},
    {"--to", true, OV_SET_COUNT, "last day of the period (default: today)"},
    {"--team", true, OV_SET_COUNT, "only this team's courses (its id)"},
    {"--staff", true, OV_SET_COUNT,
     "only the courses this staff member is named on (user id)"},
    {"--format", true, OV_SET_COUNT,
     "json (the API's answer), csv or xlsx (a workbook: give --out FILE "
     "or redirect stdout; default json)"},
    {"--out", true, OV_SET_COUNT, "write to FILE (mode 0600), not stdout"},
    {"--lang", true, OV_SET_COUNT, "labels in da or en (default da)"},
    {"--drill", true, OV_SET_COUNT,
     "list the courses behind this indicator's numerator and denominator"},
};
#define NOPTS ((int)(sizeof opts / sizeof opts[0]))

static ov_status id_opt(cli_ctx *c, const char *name, int64_t *out,
                        ov_err *err)
{
    const char *v = cli_opt(c, name);
    uint64_t x = 0;
    *out = 0;
    if (!v)
        return OV_OK;
    if (!cli_parse_count(v, INT64_MAX / 2, &x) || x == 0)
        return ov_err_set(err, OV_EINVAL, name,
                          "%s: give a positive id, e.g. %s 3; got '%s'", name,
                          name, v);
    *out = (int64_t)x;
    return OV_OK;
}

static void number(ov_buf *b, bool has, double v)
{
    if (has)
        ov_buf_printf(b, "%.2f", v);
}

/* The indicators as CSV: one header line, one line per indicator. */
static void write_csv(ov_buf *b, const ov_indicator *ind, ov_lang lang)
{
    ov_buf_append_c(b, "id,element,label,numerator,denominator,value,"
                       "target,status\n");
    for (int i = 0; i < OV_IND_COUNT; i++) {
        const ov_indicator *x = &ind[i];
        ov_buf_printf(b, "%s,%s,", x->code, ov_ind_group_code(x->group));
        ov_csv_write_field(b, ov_str_c(ov_ind_label(lang, x->id)), ',');
        ov_buf_append_byte(b, ',');
        number(b, true, x->numerator);
        ov_buf_append_byte(b, ',');
        number(b, true, x->denominator);
        ov_buf_append_byte(b, ',');
        number(b, x->has_value, x->value);
        ov_buf_append_byte(b, ',');
        number(b, x->has_target, x->target);
        ov_buf_printf(b, ",%s\n", ov_ind_status_code(x->status));
    }
}

/* The indicators as one sheet: the CSV's columns, numbers as numbers
 * (a percentage as a share shown in %), the labels in `lang`. */
static void indicator_table(ov_table *t, ov_arena *a, const ov_ind_query *q,
                            const ov_indicator *ind, ov_lang lang)
{
    static const char *const heads[] = {"id",          "element",
                                        "label",       "numerator",
                                        "denominator", "value",
                                        "unit",        "target",
                                        "status"};
    char f[OV_DATE_BUF], to[OV_DATE_BUF];
    ov_date_format_iso(q->from, f);
    ov_date_format_iso(q->to, to);
    ov_table_init(t, a, lang == OV_LANG_EN ? "indicators" : "indikatorer",
                  ov_arena_printf(a, "%s %d, %s..%s",
                                  lang == OV_LANG_EN
                                      ? "Indicators of municipality"
                                      : "Indikatorer for kommune",
                                  q->municipality_code, f, to),
                  9, heads);
    for (int i = 0; i < OV_IND_COUNT; i++) {
        const ov_indicator *x = &ind[i];
        ov_cell *row = ov_table_row(t);
        bool pct = x->unit == OV_IND_PERCENT;
        row[0] = ov_cell_textc(x->code);
        row[1] = ov_cell_textc(ov_ind_group_code(x->group));
        row[2] = ov_cell_textc(ov_ind_label(lang, x->id));
        row[3] = ov_cell_number(x->numerator, 2);
        row[4] = ov_cell_number(x->denominator, 2);
        if (x->has_value)
            row[5] = pct ? ov_cell_percent(x->value / 100.0)
                         : ov_cell_number(x->value, 2);
        row[6] = ov_cell_textc(ov_ind_unit_code(x->unit));
        if (x->has_target)
            row[7] = pct ? ov_cell_percent(x->target / 100.0)
                         : ov_cell_number(x->target, 2);
        row[8] = ov_cell_textc(ov_ind_status_code(x->status));
    }
}

static ov_status emit(const char *out, ov_str text, ov_err *err)
{
    if (!out) {
        fwrite(text.ptr, 1, text.len, stdout);
        return OV_OK;
    }
    int fd = ov_private_open(out, false);
    if (fd < 0)
        return ov_err_set(err, OV_EIO, "--out",
                          "--out: cannot write '%s': %s", out,
                          strerror(errno));
    size_t done = 0;
    while (done < text.len) {
        ssize_t w = write(fd, text.ptr + done, text.len - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            int e = errno;
            close(fd);
            return ov_err_set(err, OV_EIO, "--out",
                              "--out: writing '%s' failed: %s", out,
                              strerror(e));
        }
        done += (size_t)w;
    }
    if (close(fd) != 0)
        return ov_err_set(err, OV_EIO, "--out", "--out: closing '%s': %s",
                          out, strerror(errno));
    return OV_OK;
}

int cmd_indicators(int argc, char **argv)
{
    cli_ctx c;
    ov_err err;
    ov_err_clear(&err);
    if (cli_parse(&c, "indicators", opts, NOPTS, argc, argv, &err) != OV_OK)
        return cli_fail(&err);
    const char *muni_s = cli_opt(&c, "--municipality");
    uint64_t muni = 0;
    if (!muni_s || !cli_parse_count(muni_s, 999, &muni)) {
        ov_err_set(&err, OV_EINVAL, "--municipality",
                   "indicators: give --municipality CODE, the kommunekode "
                   "(e.g. 250)");
        return cli_fail(&err);
    }
    ov_ind_query q = {.municipality_code = (int)muni};
    q.to = ov_today_cph();
    const char *s;
    if ((s = cli_opt(&c, "--to")) &&
        ov_date_parse_iso(ov_str_c(s), "--to", &q.to, &err) != OV_OK)
        return cli_fail(&err);
    q.from = ov_date_add_months(q.to, -12) + 1;
    if ((s = cli_opt(&c, "--from")) &&
        ov_date_parse_iso(ov_str_c(s), "--from", &q.from, &err) != OV_OK)
        return cli_fail(&err);
    if (id_opt(&c, "--team", &q.team_id, &err) != OV_OK ||
        id_opt(&c, "--staff", &q.staff_id, &err) != OV_OK)
        return cli_fail(&err);
    const char *format = cli_opt(&c, "--format");
    bool csv = format && strcmp(format, "csv") == 0;
    bool xlsx = format && strcmp(format, "xlsx") == 0;
    if (format && !csv && !xlsx && strcmp(format, "json") != 0) {
        ov_err_set(&err, OV_EINVAL, "--format",
                   "--format: use json, csv or xlsx; got '%s'", format);
        return cli_fail(&err);
    }
    if (xlsx && !cli_opt(&c, "--out") && isatty(STDOUT_FILENO)) {
        ov_err_set(&err, OV_EINVAL, "--format",
                   "--format xlsx: a workbook is binary and stdout is a "
                   "terminal; give --out FILE.xlsx or redirect stdout");
        return cli_fail(&err);
    }
    if (xlsx && cli_opt(&c, "--drill")) {
        ov_err_set(&err, OV_EINVAL, "--format",
                   "--format xlsx: --drill lists courses as CSV; leave out "
                   "--format or --drill");
        return cli_fail(&err);
    }
    ov_lang lang = OV_LANG_DA;
    if ((s = cli_opt(&c, "--lang")) && !ov_lang_parse(ov_str_c(s), &lang)) {
        ov_err_set(&err, OV_EINVAL, "--lang", "--lang: use da or en");
        return cli_fail(&err);
    }
    ov_ind_id drill = OV_IND_COUNT;
    if ((s = cli_opt(&c, "--drill")) &&
        ov_ind_parse(ov_str_c(s), &drill, &err) != OV_OK) {
        ov_err_prefix(&err, "--drill");
        return cli_fail(&err);
    }
    if (ov_ind_period_validate(q.from, q.to, &err) != OV_OK) {
        ov_err_prefix(&err, "indicators");
        return cli_fail(&err);
    }

    ov_store_options o = {.db_path = ov_config_get(&c.cfg, OV_SET_DB),
                          .mode = OV_OPEN_MIGRATE};
    ov_store *st_;
    if (ov_store_open(&o, &st_, &err) != OV_OK)
        return cli_fail(&err);
    ov_arena *a = ov_arena_new(0);
    ov_buf out;
    ov_buf_init(&out, a, 64u << 20);
    ov_tx *tx;
    ov_status st = ov_tx_begin_audited(
        st_, cli_actor(&c, "indikatorer (overgang indicators)"), &tx, &err);
    ov_indicator ind[OV_IND_COUNT];
    int ncourses = 0;
    ov_ind_course_ref *num = NULL, *den = NULL;
    int nnum = 0, nden = 0;
    if (st == OV_OK) {
        if (drill == OV_IND_COUNT)
            st = ov_ind_read(tx, &q, ind, &ncourses, &err);
        else if ((st = ov_ind_drill(tx, &q, drill, false, a, &num, &nnum,
                                    &err)) == OV_OK)
            st = ov_ind_drill(tx, &q, drill, true, a, &den, &nden, &err);
        if (st == OV_OK)
            st = ov_tx_commit(tx, &err);
        else
            ov_tx_rollback(tx);
    }
    ov_store_close(st_);
    if (st == OV_OK && drill != OV_IND_COUNT) {
        /* one line per course and side: side,course_id,count */
        ov_buf_append_c(&out, "side,course_id,count\n");
        for (int i = 0; i < nnum; i++)
            ov_buf_printf(&out, "numerator,%lld,%g\n",
                          (long long)num[i].course_id, num[i].count);
        for (int i = 0; i < nden; i++)
            ov_buf_printf(&out, "denominator,%lld,%g\n",
                          (long long)den[i].course_id, den[i].count);
    } else if (st == OV_OK && csv) {
        write_csv(&out, ind, lang);
    } else if (st == OV_OK && xlsx) {
        ov_table t;
        indicator_table(&t, a, &q, ind, lang);
        if (cli_opt(&c, "--out")) {
            st = ov_xlsx_write(cli_opt(&c, "--out"), &t, 1, &err);
            if (st != OV_OK)
                ov_err_prefix(&err, "--out");
        } else {
            ov_str bytes;
            if ((st = ov_xlsx_bytes(&t, 1, NULL, a, &bytes, &err)) == OV_OK)
                ov_buf_append(&out, bytes.ptr, bytes.len);
        }
    } else if (st == OV_OK) {
        json_t *j = ov_ind_json(q.municipality_code, q.from, q.to, ind, lang);
        char *t = json_dumps(j, JSON_INDENT(2));
        json_decref(j);
        ov_buf_append_c(&out, t ? t : "{}");
        ov_buf_append_byte(&out, '\n');
        free(t);
    }
    if (st == OV_OK && out.failed)
        st = ov_err_set(&err, OV_ETOOBIG, "--out",
                        "indicators: the answer is larger than 64 MiB");
    if (st == OV_OK && !(xlsx && cli_opt(&c, "--out")))
        st = emit(cli_opt(&c, "--out"), ov_buf_str(&out), &err);
    ov_arena_destroy(a);
    if (st != OV_OK)
        return cli_fail(&err);
    if (cli_opt(&c, "--out"))
        fprintf(stderr, "indicators: %d courses of municipality %d read\n",
                ncourses, q.municipality_code);
    return 0;
}
