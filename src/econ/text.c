/*
 * text.c - the econ layer's texts for readers in English and Danish
 * (text.h says why and how), and ov_econ_text, which shows a value's
 * note, a catalogue figure's note or source, a preset's title or
 * description, or the interval's method in the reader's language.
 *
 * The lookup compares whole texts: a note read back from a scenario file
 * is an arena copy, not the pointer the econ layer handed out. A text
 * that is none of these (a note a user wrote) is returned as it is.
 */
#include "econ/text.h"

#include "econ/econ.h"

#include <string.h>

static const struct {
    const char *en, *da;
} texts[OV_ETXT_COUNT] = {
#define OV_ECON_TEXT_ROW_(id, en_, da_) [OV_ETXT_##id] = {en_, da_},
    OV_ECON_TEXTS(OV_ECON_TEXT_ROW_)
#undef OV_ECON_TEXT_ROW_
};

const char *ov_econ_en(ov_econ_text_id id)
{
    return (unsigned)id < OV_ETXT_COUNT ? texts[id].en : "";
}

/* The form of a pair in lang when text is either form; NULL otherwise.
 * A pair whose Danish is NULL reads the same in both languages. */
static const char *pick(const char *text, const char *en, const char *da,
                        ov_econ_lang lang)
{
    if (!en || !da)
        return NULL;
    if (strcmp(text, en) != 0 && strcmp(text, da) != 0)
        return NULL;
    return lang == OV_ECON_LANG_DA ? da : en;
}

const char *ov_econ_text(const char *text, ov_econ_lang lang)
{
    if (!text || !text[0])
        return text;
    const char *t;
    for (int i = 0; i < OV_ETXT_COUNT; i++)
        if ((t = pick(text, texts[i].en, texts[i].da, lang)))
            return t;
    size_t n = 0;
    const ov_econ_figure *f = ov_econ_catalogue(&n);
    for (size_t i = 0; i < n; i++) {
        if ((t = pick(text, f[i].note, f[i].note_da, lang)))
            return t;
        if ((t = pick(text, f[i].source, f[i].source_da, lang)))
            return t;
    }
    const ov_econ_preset *p = ov_econ_presets(&n);
    for (size_t i = 0; i < n; i++)
        if ((t = pick(text, p[i].title_en, p[i].title, lang)))
            return t;
    return text;
}
