/*
 * evaldir.c - an `overgang evaluate` result folder read as measured
 * effects (econ/econ.h; result.json is written by src/report/evaluation.c
 * and described in docs/register-format.md).
 *
 * Why here and not in src/report: the econ layer may not include the
 * report layer, and the economics needs only the outcomes' name, spec,
 * ATT, standard error and bootstrap interval, so it reads result.json as
 * a file format, the way a user's own tool would.
 *
 * An outcome `count:S:A-B` (one status S that is a state of the business
 * case, months A..B) is the change in the number of months in S during
 * months A..B after the start; spread evenly over those months, it
 * becomes a change in the share of each year the months fall in, with
 * its standard error spread the same way (perfectly correlated, as the
 * interval in econ.c treats them); months after the scenario's horizon
 * fall outside the business case. Outcomes of another form, or whose
 * months overlap an outcome of the same state before them, are not used
 * (`used` false) and stay listed; `used` is decided when the file is
 * read, so an outcome whose months all lie after the horizon is listed
 * as used but adds nothing.
 */
#include "econ/econ.h"

#include "core/err.h"
#include "econ/text.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_MONTHS (12 * OV_ECON_MAX_YEARS)

static double numval(json_t *o, const char *key)
{
    json_t *j = json_object_get(o, key);
    return json_is_number(j) ? json_number_value(j) : (double)NAN;
}

/* count:S:A-B with one status S that is a state, 1 <= A <= B <= 360. */
static bool spec_months(const char *spec, ov_econ_state *st, int *from,
                        int *to)
{
    if (strncmp(spec, "count:", 6) != 0)
        return false;
    const char *s = spec + 6, *colon = strchr(s, ':');
    if (!colon || (size_t)(colon - s) >= 64)
        return false;
    char status[64];
    memcpy(status, s, (size_t)(colon - s));
    status[colon - s] = '\0';
    if (!ov_econ_state_parse(status, st))
        return false;
    int a = 0, b = 0, used = 0;
    if (sscanf(colon + 1, "%d-%d%n", &a, &b, &used) != 2 ||
        colon[1 + used] != '\0')
        return false;
    if (a < 1 || b < a || b > MAX_MONTHS)
        return false;
    *from = a;
    *to = b;
    return true;
}

ov_status ov_econ_evaluation_read(const char *dir, ov_econ_evaluation *out,
                                  ov_err *err)
{
    memset(out, 0, sizeof *out);
    char path[4096];
    struct stat sb;
    if (!dir || !dir[0] || stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode))
        return ov_err_msg(err, OV_EINVAL, "evaluation", econ_eval_no_result,
                          dir ? dir : "");
    int n = snprintf(path, sizeof path, "%s/result.json", dir);
    if (n < 0 || (size_t)n >= sizeof path || stat(path, &sb) != 0)
        return ov_err_msg(err, OV_EINVAL, "evaluation", econ_eval_no_result,
                          dir);
    json_error_t je;
    json_t *root = json_load_file(path, JSON_REJECT_DUPLICATES, &je);
    if (!root)
        return ov_err_msg(err, OV_EINVAL, "evaluation", econ_eval_bad, path,
                          je.text);
    json_t *outs = json_object_get(root, "outcomes");
    json_t *nt = json_object_get(root, "n_treated");
    json_t *nc = json_object_get(root, "n_control");
    if (!json_is_object(root) || !json_is_array(outs) ||
        !json_is_integer(nt) || !json_is_integer(nc)) {
        json_decref(root);
        return ov_err_msg(err, OV_EINVAL, "evaluation", econ_eval_bad, path,
                          "it has no n_treated, n_control and outcomes");
    }
    out->n_treated = (int)json_integer_value(nt);
    out->n_control = (int)json_integer_value(nc);
    json_t *b = json_object_get(json_object_get(root, "options"),
                                "bootstrap");
    out->bootstrap = json_is_integer(b) ? (int)json_integer_value(b) : 0;
    static bool covered[OV_ESTATE_N][MAX_MONTHS];
    memset(covered, 0, sizeof covered);
    size_t i;
    json_t *o;
    json_array_foreach(outs, i, o)
    {
        if (out->noutcomes >= OV_ECON_MAX_OUTCOMES)
            break;
        const char *name = json_string_value(json_object_get(o, "name"));
        const char *spec = json_string_value(json_object_get(o, "spec"));
        if (!json_is_object(o) || !name || !spec) {
            json_decref(root);
            char what[64];
            snprintf(what, sizeof what,
                     "outcome %zu has no name and spec", i + 1);
            return ov_err_msg(err, OV_EINVAL, "evaluation", econ_eval_bad,
                              path, what);
        }
        ov_econ_measured *m = &out->outcome[out->noutcomes++];
        snprintf(m->name, sizeof m->name, "%s", name);
        snprintf(m->spec, sizeof m->spec, "%s", spec);
        m->att = numval(o, "att");
        m->se = numval(o, "se");
        m->boot_low = numval(o, "bootstrap_low");
        m->boot_high = numval(o, "bootstrap_high");
        m->used = isfinite(m->att) &&
                  spec_months(spec, &m->state, &m->from, &m->to);
        /* months already measured for the state by an outcome before it
         * would count twice */
        for (int mo = m->from; m->used && mo <= m->to; mo++)
            if (covered[m->state][mo - 1])
                m->used = false;
        for (int mo = m->from; m->used && mo <= m->to; mo++)
            covered[m->state][mo - 1] = true;
    }
    json_decref(root);
    return OV_OK;
}


ov_status ov_econ_apply_evaluation(ov_econ_scenario *s,
                                   const ov_econ_evaluation *ev, ov_err *err)
{
    bool reset[OV_ECON_MAX_YEARS][OV_ESTATE_N] = {{false}};
    int used = 0;
    for (int i = 0; i < ev->noutcomes; i++) {
        const ov_econ_measured *m = &ev->outcome[i];
        if (!m->used || s->horizon < 1 || m->from > 12 * s->horizon)
            continue;
        double se = m->se;
        if (isfinite(m->boot_low) && isfinite(m->boot_high))
            se = (m->boot_high - m->boot_low) / (2 * 1.96);
        double months = m->to - m->from + 1;
        /* months after the horizon fall outside the business case */
        int last = m->to < 12 * s->horizon ? m->to : 12 * s->horizon;
        for (int mo = m->from; mo <= last; mo++) {
            int y = (mo - 1) / 12;
            if (!reset[y][m->state]) {
                reset[y][m->state] = true;
                s->effect[y][m->state] =
                    (ov_econ_value){0, OV_ECON_MEASURED,
                                    ov_econ_en(OV_ETXT_effect_measured)};
                s->effect_se[y][m->state] = isfinite(se) ? 0 : (double)NAN;
            }
            s->effect[y][m->state].v += m->att / months / 12;
            if (isfinite(se))
                s->effect_se[y][m->state] += se / months / 12;
        }
        used++;
    }
    if (used == 0)
        return ov_err_msg(err, OV_EINVAL, "evaluation", econ_eval_no_usable,
                          "months_benefit_1_12=count:benefit:1-12");
    return OV_OK;
}
