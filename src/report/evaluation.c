#include "report/evaluation.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "core/csv.h"
#include "core/path.h"
#include "report/eval_html.h"

#define OUT_MAX ((size_t)1 << 34) /* 16 GiB: pairs.csv of huge matches */

static json_t *num(double v)
{
    return isfinite(v) ? json_real(v) : json_null();
}

static json_t *count(size_t v) { return json_integer((json_int_t)v); }

static json_t *result_json(const ov_eval_result *r)
{
    const ov_eval_options *o = &r->options;
    json_t *root = json_object();
    json_object_set_new(root, "n_treated", count(r->n_treated));
    json_object_set_new(root, "n_control", count(r->n_control));
    json_object_set_new(root, "n_pairs", count(r->n_pairs));

    json_t *flow = json_object();
    json_object_set_new(flow, "persons", count(r->n_persons));
    json_object_set_new(flow, "dropped_missing", count(r->n_dropped_missing));
    json_object_set_new(flow, "discarded_treated",
                        count(r->n_discarded_treated));
    json_object_set_new(flow, "discarded_control",
                        count(r->n_discarded_control));
    json_object_set_new(flow, "matched_treated", count(r->n_treated_matched));
    json_object_set_new(flow, "matched_control", count(r->n_control_matched));
    json_object_set_new(flow, "month_rows", count(r->month_rows));
    json_object_set_new(flow, "persons_without_months",
                        count(r->persons_without_months));
    json_object_set_new(root, "sample", flow);

    json_t *opt = json_object();
    json_t *cov = json_array();
    for (int k = 0; k < r->reg->ncov; k++)
        json_array_append_new(cov, json_string(r->reg->cov[k].name));
    json_object_set_new(opt, "covariates", cov);
    json_object_set_new(opt, "exact", o->exact ? json_string(o->exact)
                                               : json_null());
    json_object_set_new(opt, "caliper",
                        o->has_caliper ? json_real(o->caliper) : json_null());
    json_object_set_new(opt, "caliper_abs",
                        o->has_caliper ? json_real(r->caliper_abs)
                                       : json_null());
    json_object_set_new(opt, "ratio", json_integer(o->ratio));
    json_object_set_new(opt, "replace", json_boolean(o->replace));
    json_object_set_new(opt, "discard",
                        json_string(o->discard_both ? "both" : "none"));
    json_object_set_new(opt, "drop_missing", json_boolean(o->drop_missing));
    json_object_set_new(opt, "bootstrap", json_integer(o->bootstrap));
    json_object_set_new(opt, "seed", json_integer((json_int_t)o->seed));
    json_object_set_new(root, "options", opt);

    /* how the outcomes' standard errors are clustered (vcovCL's cluster
     * formula: ~subclass, or ~subclass + id with replacement) */
    json_t *se = json_object();
    json_t *by = json_array();
    json_array_append_new(by, json_string("subclass"));
    if (o->replace)
        json_array_append_new(by, json_string("id"));
    json_object_set_new(se, "cluster", by);
    json_object_set_new(se, "type", json_string("HC1"));
    json_object_set_new(root, "standard_error", se);

    json_t *ps = json_object();
    json_t *coefs = json_array();
    for (int j = 0; j < r->ncoef; j++) {
        json_t *c = json_object();
        json_object_set_new(c, "term", json_string(r->coef[j].name));
        json_object_set_new(c, "estimate", num(r->coef[j].estimate));
        json_array_append_new(coefs, c);
    }
    json_object_set_new(ps, "coefficients", coefs);
    json_object_set_new(ps, "iterations", json_integer(r->iterations));
    json_object_set_new(ps, "deviance", num(r->deviance));
    json_object_set_new(ps, "null_deviance", num(r->null_deviance));
    json_object_set_new(root, "propensity_model", ps);

    json_t *outs = json_array();
    for (int s = 0; s < r->noutcomes; s++) {
        const ov_eval_outcome *x = &r->outcomes[s];
        json_t *j = json_object();
        json_object_set_new(j, "name", json_string(x->spec.name));
        json_object_set_new(j, "spec", json_string(x->spec.spec));
        json_object_set_new(j, "treated_mean", num(x->treated_mean));
        json_object_set_new(j, "control_mean", num(x->control_mean));
        json_object_set_new(j, "att", num(x->att));
        json_object_set_new(j, "se", num(x->se));
        json_object_set_new(j, "ci_low", num(x->ci_low));
        json_object_set_new(j, "ci_high", num(x->ci_high));
        json_object_set_new(j, "p_value", num(x->p_value));
        json_object_set_new(j, "t", num(x->t));
        json_object_set_new(j, "df", num(x->df));
        json_object_set_new(j, "bootstrap_low", num(x->boot_low));
        json_object_set_new(j, "bootstrap_high", num(x->boot_high));
        json_object_set_new(j, "n_treated", count(x->n_treated));
        json_object_set_new(j, "n_control", count(x->n_control));
        json_object_set_new(j, "excluded_treated",
                            count(x->n_treated_excluded));
        json_object_set_new(j, "excluded_control",
                            count(x->n_control_excluded));
        json_object_set_new(j, "naive_treated_mean",
                            num(x->naive_treated_mean));
        json_object_set_new(j, "naive_control_mean",
                            num(x->naive_control_mean));
        /* why the nulls above are null (null when nothing is missing) */
        const char *code = ov_eval_reason_code(x->reason);
        char why[256];
        ov_eval_reason_text(x, why, sizeof why);
        json_object_set_new(j, "reason_code",
                            code ? json_string(code) : json_null());
        json_object_set_new(j, "reason",
                            code ? json_string(why) : json_null());
        json_array_append_new(outs, j);
    }
    json_object_set_new(root, "outcomes", outs);

    json_t *bal = json_array();
    for (int q = 0; q < r->nbalance; q++) {
        const ov_eval_balance *b = &r->balance[q];
        json_t *j = json_object();
        json_object_set_new(j, "covariate", json_string(b->covariate));
        json_object_set_new(j, "binary", json_boolean(b->binary));
        json_object_set_new(j, "mean_treated_before", num(b->mean_t_before));
        json_object_set_new(j, "mean_control_before", num(b->mean_c_before));
        json_object_set_new(j, "smd_before", num(b->smd_before));
        json_object_set_new(j, "var_ratio_before", num(b->var_ratio_before));
        json_object_set_new(j, "ecdf_mean_before", num(b->ecdf_mean_before));
        json_object_set_new(j, "ecdf_max_before", num(b->ecdf_max_before));
        json_object_set_new(j, "mean_treated_after", num(b->mean_t_after));
        json_object_set_new(j, "mean_control_after", num(b->mean_c_after));
        json_object_set_new(j, "smd_after", num(b->smd_after));
        json_object_set_new(j, "var_ratio_after", num(b->var_ratio_after));
        json_object_set_new(j, "ecdf_mean_after", num(b->ecdf_mean_after));
        json_object_set_new(j, "ecdf_max_after", num(b->ecdf_max_after));
        json_array_append_new(bal, j);
    }
    json_object_set_new(root, "balance", bal);

    json_t *tim = json_array();
    for (int k = 0; k < r->ntimings; k++) {
        json_t *j = json_object();
        json_object_set_new(j, "stage", json_string(r->timings[k].stage));
        json_object_set_new(j, "seconds", json_real(r->timings[k].seconds));
        json_array_append_new(tim, j);
    }
    json_object_set_new(root, "timings", tim);
    return root;
}

/* A value that does not exist is an empty field (read as NA by R's
 * read.csv and as missing by spreadsheets). */
static void put_num(ov_buf *b, double v)
{
    if (isfinite(v))
        ov_buf_printf(b, "%.17g", v);
}

static void pairs_csv(const ov_eval_result *r, ov_buf *b)
{
    ov_buf_append_c(b, "treated_id,control_id,treated_score,control_score\n");
    for (size_t k = 0; k < r->n_pairs; k++) {
        size_t t = r->pair_treated[k], c = r->pair_control[k];
        ov_csv_write_field(b, r->reg->id[t], ',');
        ov_buf_append_byte(b, ',');
        ov_csv_write_field(b, r->reg->id[c], ',');
        ov_buf_append_byte(b, ',');
        put_num(b, r->score[t]);
        ov_buf_append_byte(b, ',');
        put_num(b, r->score[c]);
        ov_buf_append_byte(b, '\n');
    }
}

static void balance_csv(const ov_eval_result *r, ov_buf *b)
{
    ov_buf_append_c(b, "covariate,binary,mean_treated_before,"
                       "mean_control_before,smd_before,var_ratio_before,"
                       "ecdf_mean_before,ecdf_max_before,mean_treated_after,"
                       "mean_control_after,smd_after,var_ratio_after,"
                       "ecdf_mean_after,ecdf_max_after\n");
    for (int q = 0; q < r->nbalance; q++) {
        const ov_eval_balance *x = &r->balance[q];
        ov_csv_write_field(b, ov_str_c(x->covariate), ',');
        ov_buf_append_c(b, x->binary ? ",1" : ",0");
        const double v[12] = {
            x->mean_t_before,   x->mean_c_before,    x->smd_before,
            x->var_ratio_before, x->ecdf_mean_before, x->ecdf_max_before,
            x->mean_t_after,    x->mean_c_after,     x->smd_after,
            x->var_ratio_after, x->ecdf_mean_after,  x->ecdf_max_after};
        for (int k = 0; k < 12; k++) {
            ov_buf_append_byte(b, ',');
            put_num(b, v[k]);
        }
        ov_buf_append_byte(b, '\n');
    }
}

/* Owner-only (OV_PRIVATE_MODE) whatever the umask: pairs.csv names
 * persons by their register ids, and the rest describes the same
 * persons. */
static ov_status write_all(const char *path, const ov_buf *b, ov_err *err)
{
    int fd = ov_private_open(path, false);
    FILE *f = fd >= 0 ? fdopen(fd, "wb") : NULL;
    if (!f) {
        ov_status st = ov_err_set(err, OV_EIO, "--out",
                                  "cannot create '%s': %s", path,
                                  strerror(errno));
        if (fd >= 0)
            close(fd);
        return st;
    }
    bool bad = fwrite(b->data, 1, b->len, f) != b->len;
    bad |= fflush(f) != 0;
    bad |= fsync(fileno(f)) != 0;
    bad |= fclose(f) != 0;
    if (bad)
        return ov_err_set(err, OV_EIO, "--out",
                          "writing '%s' failed (is the disk full?)", path);
    return OV_OK;
}

enum { NFILES = 4 };
static const char *const file_names[NFILES] = {"result.json", "pairs.csv",
                                               "balance.csv", "report.html"};

ov_status ov_eval_write(const ov_eval_result *r, const char *outdir,
                        ov_err *err)
{
    bool created = false;
    if (ov_mkdir_p(outdir, &created) != 0)
        return ov_err_set(err, OV_EIO, "--out", "--out: cannot create '%s': %s",
                          outdir, strerror(errno));
    char tmp[NFILES][4096], fin[NFILES][4096];
    for (int k = 0; k < NFILES; k++) {
        snprintf(tmp[k], sizeof tmp[k], "%s/.%s.tmp", outdir, file_names[k]);
        snprintf(fin[k], sizeof fin[k], "%s/%s", outdir, file_names[k]);
    }
    ov_status rc = OV_OK;
    int written = 0;
    for (int k = 0; k < NFILES && rc == OV_OK; k++) {
        ov_buf b;
        ov_buf_init(&b, NULL, OUT_MAX);
        if (k == 0) {
            json_t *j = result_json(r);
            char *s = json_dumps(j, JSON_INDENT(2) | JSON_REAL_PRECISION(17));
            json_decref(j);
            if (s) {
                ov_buf_append_c(&b, s);
                ov_buf_append_byte(&b, '\n');
                free(s);
            } else {
                b.failed = true;
            }
        } else if (k == 1) {
            pairs_csv(r, &b);
        } else if (k == 2) {
            balance_csv(r, &b);
        } else {
            rc = ov_eval_report_html(r, &b, err);
        }
        if (rc == OV_OK && b.failed)
            rc = ov_err_set(err, OV_ETOOBIG, "--out",
                            "%s would be too large to write", file_names[k]);
        if (rc == OV_OK)
            rc = write_all(tmp[k], &b, err);
        ov_buf_free(&b);
        written = k + 1;
    }
    if (rc == OV_OK)
        for (int k = 0; k < NFILES; k++)
            if (rename(tmp[k], fin[k]) != 0) {
                rc = ov_err_set(err, OV_EIO, "--out",
                                "cannot rename into '%s': %s", outdir,
                                strerror(errno));
                break;
            }
    if (rc != OV_OK) {
        for (int k = 0; k < written; k++)
            unlink(tmp[k]);
        if (created)
            rmdir(outdir);
    }
    return rc;
}
