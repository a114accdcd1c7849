/*
 * form.h - one input layer for HTML forms and the JSON API.
 *
 * Every action declares its fields once (name, type, caps, label). A body
 * is parsed into a flat list of (name, value) pairs: a form body
 * (application/x-www-form-urlencoded or multipart/form-data) as sent, a
 * JSON body flattened so that nested objects and arrays of objects become
 * dotted names ("assessment.health.rating", "goals.0.text") and arrays of
 * strings become repeated values. Names are matched against the declared
 * patterns, where a "*" segment matches any key of letters, digits, '_'
 * and '-' (at most 32 bytes). Validation is strict and the same for both:
 * unknown fields, wrong JSON types, oversize values, invalid UTF-8,
 * control characters, malformed numbers and dates are errors that name
 * the field, in the user's language. Nothing is written on any error.
 */
#ifndef OV_WEB_FORM_H
#define OV_WEB_FORM_H

#include <stdbool.h>
#include <stdint.h>

#include "core/date.h"
#include "web/http.h"
#include "web/msg.h"

typedef enum ov_ftype {
    OV_F_TEXT = 0,  /* one line */
    OV_F_TEXTAREA,  /* several lines */
    OV_F_INT,       /* JSON integer; form digits */
    OV_F_DATE,      /* YYYY-MM-DD (a form also takes DD-MM-YYYY) */
    OV_F_BOOL,      /* JSON true/false; form checkbox (absent = false) */
    OV_F_CHOICE,    /* one code of the field's options */
    OV_F_CHOICES,   /* several codes: JSON array of strings, form repeats */
    OV_F_HOURS,     /* "12,5": JSON number or string; tenths of an hour */
    OV_F_HIDDEN,    /* an integer carried by the form (base versions) */
    OV_F_FILE,      /* multipart file part (JSON/API: a string) */
    OV_F_JSON       /* JSON only: a raw object, handed on unflattened */
} ov_ftype;

/* Options of a choice: code i of n (NULL ends early). The label is the
 * catalogue key "<prefix>.<code>". */
typedef const char *(*ov_option_code_fn)(int i);

typedef struct ov_field {
    const char *name;      /* pattern, e.g. "assessment.*.rating" */
    ov_ftype type;
    bool required;
    size_t max;            /* bytes (text), items (choices); 0 = default */
    int64_t min, max_i;    /* integers (both 0 = no range check) */
    const char *label;     /* catalogue key of the label */
    ov_option_code_fn option;
    int noptions;
    const char *option_prefix; /* catalogue prefix of option labels */
    bool occupation; /* OV_F_TEXT: a DISCO-08 occupation chosen by title
                      * (model/occupation.h): a stored code shows as
                      * "title (code)", suggestions in a <datalist> */
} ov_field;

#define OV_FORM_MAX_PAIRS 1024
#define OV_FORM_MAX_ERRORS 16
#define OV_FORM_TEXT_DEFAULT 200
#define OV_FORM_TEXTAREA_DEFAULT 4000

typedef struct ov_form_error {
    char field[OV_ERR_FIELD_MAX];
    char msg[OV_ERR_MSG_MAX];
} ov_form_error;

typedef struct ov_form {
    const ov_field *spec;
    int nspec;
    ov_lang lang;
    ov_arena *arena;  /* decoded values live here (the request's) */
    const char *id_prefix; /* element ids "f-<prefix>-<name>", or NULL */
    bool from_json;
    int n;
    ov_str *names;   /* in the arena, OV_FORM_MAX_PAIRS each */
    ov_str *values;
    int *field_of;   /* index into spec */
    int nerrors;
    ov_form_error errors[OV_FORM_MAX_ERRORS];
} ov_form;

void ov_form_init(ov_form *f, const ov_field *spec, int nspec, ov_lang lang,
                  ov_arena *a);

/* Parse the request body by its Content-Type (form, multipart or JSON).
 * `extra` names a form field that is accepted and ignored (the CSRF
 * token), or NULL. OV_OK, or OV_EINVAL with f->errors filled. */
ov_status ov_form_parse(ov_form *f, const ov_request *req, const char *extra);
/* The same, for one body type (for tests). */
ov_status ov_form_parse_urlencoded(ov_form *f, ov_str body, const char *extra);
ov_status ov_form_parse_json(ov_form *f, ov_str body);
ov_status ov_form_parse_multipart(ov_form *f, ov_str body, ov_str boundary,
                                  const char *extra);

/* Record an error for a field (the first error per field wins); returns
 * OV_EINVAL. The message is already in the user's language. */
ov_status ov_form_fail(ov_form *f, const char *field, const char *msg);
/* Record a store or model error against its field (or the form). */
ov_status ov_form_fail_err(ov_form *f, const ov_err *err);
/* The error of one field, or NULL. */
const char *ov_form_error_of(const ov_form *f, const char *field);
/* The first error as an ov_err (for the JSON API). */
void ov_form_first_error(const ov_form *f, ov_err *err);

/* Values (validated by ov_form_parse). Absent gives the default. */
bool ov_form_has(const ov_form *f, const char *name);
ov_str ov_form_str(const ov_form *f, const char *name);
int64_t ov_form_int(const ov_form *f, const char *name, int64_t dflt);
ov_date ov_form_date(const ov_form *f, const char *name, ov_date dflt);
bool ov_form_bool(const ov_form *f, const char *name);
int ov_form_hours(const ov_form *f, const char *name, int dflt);
/* All values of a repeated field; returns how many (at most cap). */
int ov_form_values(const ov_form *f, const char *name, ov_str *out, int cap);
/* The distinct keys filling the "*" in a pattern with one "*", in order of
 * first appearance; returns how many (at most cap). */
int ov_form_keys(const ov_form *f, const char *pattern, ov_str *out, int cap);

/* Set a value (to pre-fill a form shown for the first time). */
void ov_form_set(ov_form *f, ov_arena *a, const char *name, ov_str value);

/* The raw value of one field of a form body (urlencoded or multipart),
 * without validating the rest; OV_STR_NULL when absent. For the CSRF
 * check, which runs before the handler parses the form. */
ov_str ov_form_peek(const ov_request *req, const char *name);

/* Does a name match a pattern ("*" = one key segment)? */
bool ov_form_name_matches(const char *pattern, ov_str name);

#endif
