/*
 * settings.h (store) - a municipality's settings (model/settings.h):
 * stored only when changed, the model's defaults otherwise.
 */
#ifndef OV_STORE_SETTINGS_H
#define OV_STORE_SETTINGS_H

#include "model/settings.h"
#include "store/store.h"

ov_status ov_settings_get(ov_tx *tx, int municipality_code, ov_settings *out,
                          ov_err *err);
/* Validate and store; audited. Each value that changed gets a row in
 * the history (old and new value, who, when), and the audit row names
 * the changes ("followup_weeks 4 -> 6"). */
ov_status ov_settings_set(ov_tx *tx, int municipality_code,
                          const ov_settings *s, ov_err *err);

typedef struct ov_settings_change {
    int64_t id;
    ov_str field, old_value, new_value, changed_by, changed_at;
} ov_settings_change;
/* The municipality's setting changes, newest first, at most 200. */
ov_status ov_settings_history(ov_tx *tx, int municipality_code, ov_arena *a,
                              ov_settings_change **out, ov_list_info *li,
                              ov_err *err);

#endif
