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
/* Validate and store; audited. */
ov_status ov_settings_set(ov_tx *tx, int municipality_code,
                          const ov_settings *s, ov_err *err);

#endif
