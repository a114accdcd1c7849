/*
 * msg.h - the message catalogue: every text of the user interface, in
 * Danish (the users' language) and English (the second language).
 *
 * Keys are stable dotted names ("nav.tasks", "stage.drawn"). Enum labels
 * use "<kind>.<code>" with the model's codes, so a new code without a text
 * shows up in the catalogue test. A missing key renders as the key itself
 * in brackets (and the catalogue test fails on every key used in src/web
 * that the catalogue does not hold).
 */
#ifndef OV_WEB_MSG_H
#define OV_WEB_MSG_H

#include <stdbool.h>

#include "core/err.h"
#include "core/str.h"

typedef enum ov_lang { OV_LANG_DA = 0, OV_LANG_EN, OV_LANG_COUNT } ov_lang;

const char *ov_lang_code(ov_lang l); /* "da", "en" */
bool ov_lang_parse(ov_str code, ov_lang *out);

/* The text of a key; "[key]" when the catalogue lacks it. */
const char *ov_msg(ov_lang l, const char *key);
/* "<prefix>.<code>", e.g. ov_msg2(l, "stage", "drawn"). */
/* The text of `key` with "%1" and "%2" replaced by a1 and a2 (NULL as
 * ""), in the arena. */
const char *ov_msg_fill(struct ov_arena *a, ov_lang l, const char *key,
                        const char *a1, const char *a2);
/* The label of life domain i: the municipality's Danish label, or in
 * English the catalogue's "domain.<code>" when the code is one of the
 * default domains (a domain a municipality added keeps its own label). */
struct ov_life_domains;
const char *ov_domain_label(ov_lang l, const struct ov_life_domains *d,
                            int i);
const char *ov_msg2(ov_lang l, const char *prefix, const char *code);
/* Who has not signed a work agreement, from the signed mask (ov_signer
 * bits): "Mangler underskrift fra: borgeren, arbejdsgiveren" or
 * "Underskrevet af alle" (English: "Not yet signed by: ..."). */
void ov_msg_signoff(ov_lang l, unsigned signed_mask, char *out, size_t cap);
bool ov_msg_has(const char *key);

/* For the catalogue test: entry i (key, Danish, English); false past the
 * end. */
bool ov_msg_entry(int i, const char **key, const char **da, const char **en);

/* An error in the language: the text of its message id from the error
 * catalogue (core/errmsg.h) with its arguments, rendered into out. An
 * error without an id returns its English message; for a user-facing code
 * that is a bug, logged once per text. */
const char *ov_msg_error(ov_lang l, const ov_err *err, char *out, size_t cap);

#endif
