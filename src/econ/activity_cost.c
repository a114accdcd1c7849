/*
 * activity_cost.c - the running cost per citizen derived from the
 * activity a municipality registered (model/activity.h), priced by the
 * scenario's activity_prices (econ/econ.h, docs/economics.md).
 *
 * Every staff-event costs its minutes at its role's hour rate: a meeting
 * the minutes per meeting for each staff member who attended, a CTI
 * contact the minutes recorded on the contacts (their average per
 * contact), a placement week and a proposal the minutes the scenario
 * gives them. The sum over the period, divided by the citizens with an
 * active course in it, is the running cost per citizen for that period.
 * A rate or a minute figure that the activity needs and the scenario
 * lacks is refused by name: no catalogue default exists.
 */
#include "econ/econ.h"

#include "core/err.h"
#include "econ/text.h"

#include <math.h>
#include <stdio.h>


static bool has(ov_econ_value v)
{
    return v.origin != OV_ECON_MISSING && isfinite(v.v);
}

ov_status ov_econ_running_from_activity(const ov_activity_summary *a,
                                        const ov_econ_activity_prices *p,
                                        ov_econ_value *per_citizen,
                                        ov_err *err)
{
    if (a->citizens < 1)
        return ov_err_msg(err, OV_EINVAL, "citizens",
                          econ_activity_citizens, "citizens");
    double total = 0;
    for (int k = 0; k < OV_ACT_N; k++) {
        if (a->events[k] <= 0)
            continue;
        double minutes;
        if (k == OV_ACT_CTI_CONTACT)
            minutes = (double)a->recorded_minutes[k] / (double)a->events[k];
        else {
            char path[64];
            snprintf(path, sizeof path, "activity_prices.minutes.%s",
                     ov_act_kind_key((ov_act_kind)k));
            if (!has(p->minutes[k]))
                return ov_err_msg(err, OV_EINVAL, path,
                                  econ_activity_price_missing, path,
                                  (long long)a->events[k]);
            minutes = p->minutes[k].v;
        }
        for (int r = 0; r < OV_ACT_ROLE_N; r++) {
            if (a->staff[k][r] <= 0)
                continue;
            if (!has(p->hour_rate[r])) {
                char path[64];
                snprintf(path, sizeof path, "activity_prices.hour_rate.%s",
                         ov_act_role_key((ov_act_role)r));
                return ov_err_msg(err, OV_EINVAL, path,
                                  econ_activity_price_missing, path,
                                  (long long)a->staff[k][r]);
            }
            total += (double)a->staff[k][r] * minutes / 60 *
                     p->hour_rate[r].v;
        }
    }
    *per_citizen = (ov_econ_value){total / (double)a->citizens,
                                   OV_ECON_MEASURED,
                                   ov_econ_en(OV_ETXT_activity_measured)};
    return OV_OK;
}
