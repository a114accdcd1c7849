/*
 * errmsg.h - the catalogue of error messages a user can cause, keyed by id.
 *
 * Why here: the model and the store raise these errors and may not include
 * src/web, so the catalogue lives in the lowest layer; web/msg.c renders an
 * error in the reader's language from it (ov_msg_error), the rest of the
 * interface's texts stay in web/msg.c.
 *
 * Format: one X(id, n, english, danish) per message. id is a C name
 * ("<module>_<what>") that the raising code passes to ov_err_msg (err.h);
 * n is the number of arguments; in both texts "%1" ... "%9" stand for the
 * arguments and "%%" for a percent sign. The English text is what the CLI,
 * the logs and the JSON API show (tests compare it); it usually begins
 * with the field ("minutes: ..."). The Danish text is read by a caseworker
 * next to the form field, so it names the field in words, or not at all,
 * and says what is wrong and how to fix it. A Danish text may leave out an
 * argument (the field name); the English text uses every one.
 *
 * Rules that hold by construction: an id used in the code but missing here,
 * an entry without both texts, or a call with the wrong number of
 * arguments does not compile. tests/core/test_errmsg.c checks that no text
 * is empty, that the "%N" fit n, and that every id is used somewhere.
 */
#ifndef OV_CORE_ERRMSG_H
#define OV_CORE_ERRMSG_H

#include <stddef.h>

/* clang-format off */
#define OV_ERRMSGS(X) \
    /* a text web/msg.c has already rendered in the reader's language */ \
    X(web_localized, 1, "%1", "%1") \
    /* end of the catalogue */
/* clang-format on */

typedef enum ov_msgid {
    OV_EM_NONE = 0,
#define OV_ERRMSG_ENUM_(id, n, en, da) OV_EM_##id,
    OV_ERRMSGS(OV_ERRMSG_ENUM_)
#undef OV_ERRMSG_ENUM_
    OV_EM_COUNT
} ov_msgid;

/* The number of arguments of each message, for ov_err_msg's build-time
 * check (OV_EA_<id>). */
enum {
#define OV_ERRMSG_ARITY_(id, n, en, da) OV_EA_##id = n,
    OV_ERRMSGS(OV_ERRMSG_ARITY_)
#undef OV_ERRMSG_ARITY_
    OV_EA_COUNT_
};

/* The id's name ("cti_minutes_range"), its argument count and texts;
 * NULL (or -1) for an id outside 1 .. OV_EM_COUNT-1. */
const char *ov_errmsg_key(int id);
int ov_errmsg_nargs(int id);
const char *ov_errmsg_en(int id);
const char *ov_errmsg_da(int id);

/*
 * Render a catalogue text: "%1".."%9" become args[0..8] (missing ones
 * render as ""), "%%" a percent sign. Writes at most cap bytes with a NUL
 * (cut, never overrun) and returns out.
 */
char *ov_errmsg_render(const char *text, const char *const *args, int nargs,
                       char *out, size_t cap);

#endif
