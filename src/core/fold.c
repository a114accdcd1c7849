/*
 * fold.c - search folding of names (fold.h says which letters become
 * what and why there are two levels).
 *
 * Format: one pass over the UTF-8 input, a code point at a time; a table
 * gives the base letter of each letter of Latin-1 and Latin Extended-A,
 * and a switch the letters whose folding differs by level or is two
 * letters. The output is never longer than the input (each replacement
 * is at most as long as the character it replaces), so a name of 200
 * bytes folds into 201.
 */
#include "core/fold.h"

#include <string.h>

/* U+00C0..U+00FF, upper and lower case alike ('*': see special(), ' ':
 * a separator, × and ÷). */
static const char LATIN1[64] = "aaaaa**ceeeeiiii*nooooo *uuu*y**"
                               "aaaaa**ceeeeiiii*nooooo *uuu*y*y";
/* U+0100..U+017F ('*': ĳ and œ, two letters). */
static const char LATIN_A[129] =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii**jjkkk"
    "llllllllllnnnnnnnnnoooooo**rrrrrrsssssssstttttt"
    "uuuuuuuuuuuuwwyyyzzzzzzs";

/* The folding of a letter that is not one base letter; NULL otherwise. */
static const char *special(unsigned cp, ov_fold_level lv)
{
    bool spell = lv == OV_FOLD_SPELL;
    switch (cp) {
    case 0xC6: case 0xE6: return "ae";                  /* æ */
    case 0xD8: case 0xF8:                               /* ø */
    case 0xD6: case 0xF6: return spell ? "oe" : "o";    /* ö */
    case 0xC5: case 0xE5: return spell ? "aa" : "a";    /* å */
    case 0xC4: case 0xE4: return spell ? "ae" : "a";    /* ä */
    case 0xDC: case 0xFC: return spell ? "ue" : "u";    /* ü */
    case 0xDF: return "ss";                             /* ß */
    case 0xDE: case 0xFE: return "th";                  /* þ */
    case 0xD0: case 0xF0: return "d";                   /* ð */
    case 0x132: case 0x133: return "ij";
    case 0x152: case 0x153: return "oe";                /* œ */
    default: return NULL;
    }
}

/* Decode one code point at p (n bytes left); 0 bytes used: invalid. */
static size_t decode(const unsigned char *p, size_t n, unsigned *cp)
{
    if (p[0] < 0x80) {
        *cp = p[0];
        return 1;
    }
    size_t len = (p[0] & 0xE0) == 0xC0   ? 2
                 : (p[0] & 0xF0) == 0xE0 ? 3
                 : (p[0] & 0xF8) == 0xF0 ? 4
                                         : 0;
    if (len == 0 || len > n)
        return 0;
    unsigned v = p[0] & (0x7F >> len);
    for (size_t i = 1; i < len; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (p[i] & 0x3F);
    }
    *cp = v;
    return len;
}

size_t ov_fold(ov_str in, ov_fold_level lv, char *out, size_t cap)
{
    if (cap == 0)
        return 0;
    const unsigned char *p = (const unsigned char *)in.ptr;
    size_t i = 0, o = 0;
    bool sep = true; /* at the start: drop leading separators */
    while (p && i < in.len) {
        unsigned cp;
        size_t k = decode(p + i, in.len - i, &cp);
        if (k == 0) {
            i++;
            continue;
        }
        char one[2] = {0, 0};
        const char *rep = NULL;
        size_t rlen = 0;
        if (cp < 0x80) {
            if (cp >= 'A' && cp <= 'Z')
                one[0] = (char)(cp - 'A' + 'a');
            else if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
                one[0] = (char)cp;
            else
                one[0] = ' ';
        } else if (cp >= 0xC0 && cp <= 0x17F) {
            rep = special(cp, lv);
            if (!rep)
                one[0] = cp < 0x100 ? LATIN1[cp - 0xC0] : LATIN_A[cp - 0x100];
        } else {
            rep = (const char *)p + i; /* kept as it is */
            rlen = k;
        }
        if (!rep) {
            rep = one;
            rlen = 1;
        } else if (rlen == 0) {
            rlen = strlen(rep);
        }
        i += k;
        if (rlen == 1 && rep[0] == ' ') {
            if (!sep && o + 1 < cap)
                out[o++] = ' ';
            sep = true;
            continue;
        }
        if (o + rlen >= cap)
            break;
        memcpy(out + o, rep, rlen);
        o += rlen;
        sep = false;
    }
    if (o > 0 && out[o - 1] == ' ')
        o--;
    out[o] = '\0';
    return o;
}

void ov_fold_query_init(ov_fold_query *q, ov_str query)
{
    memset(q, 0, sizeof *q);
    if (query.len > OV_FOLD_QUERY_MAX)
        query.len = OV_FOLD_QUERY_MAX;
    char s[OV_FOLD_QUERY_MAX + 1], b[OV_FOLD_QUERY_MAX + 1];
    ov_fold(query, OV_FOLD_SPELL, s, sizeof s);
    ov_fold(query, OV_FOLD_BASE, b, sizeof b);
    /* both foldings have the same words in the same order: separators
     * come from the same characters */
    char *ps = s, *pb = b;
    while (*ps && *pb && q->nwords < OV_FOLD_WORDS_MAX) {
        size_t ls = strcspn(ps, " "), lb = strcspn(pb, " ");
        memcpy(q->spell[q->nwords], ps, ls);
        memcpy(q->base[q->nwords], pb, lb);
        for (size_t j = 0; j < ls; j++)
            q->letters += ps[j] != ' ';
        q->nwords++;
        ps += ls + (ps[ls] == ' ');
        pb += lb + (pb[lb] == ' ');
    }
}

bool ov_fold_match(const ov_fold_query *q, ov_str name)
{
    if (q->nwords == 0)
        return false;
    char s[2 * OV_FOLD_QUERY_MAX + 512], b[sizeof s];
    ov_fold(name, OV_FOLD_SPELL, s, sizeof s);
    ov_fold(name, OV_FOLD_BASE, b, sizeof b);
    for (int w = 0; w < q->nwords; w++)
        if (!strstr(s, q->spell[w]) && !strstr(b, q->base[w]))
            return false;
    return true;
}
