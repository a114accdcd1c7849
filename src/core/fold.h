/*
 * fold.h - names folded for search: case, accents and the Danish letters
 * ignored, so "sorensen" finds "Sørensen" and "aase" finds "Åse".
 *
 * Why two foldings: a Danish user types a name without æ, ø, å in one of
 * two ways, "Sørensen" as "soerensen" (the spelling in transliteration)
 * or as "sorensen" (the base letter), and "Åse" as "aase" or "ase". One
 * folding cannot serve both without making "oe" and "o" the same letter
 * everywhere. So a name and a query are folded twice, and a query word
 * matches when it occurs in the name at either level:
 *
 *   letter      spelled (OV_FOLD_SPELL)   base (OV_FOLD_BASE)
 *   æ Æ         ae                        ae
 *   ø Ø ö Ö     oe                        o
 *   å Å         aa                        a
 *   ä Ä         ae                        a
 *   ü Ü         ue                        u
 *   ß           ss                        ss
 *   þ Þ / ð Ð   th / d                    th / d
 *   é è ê ë á à â ã ç ñ í ó ú ý ... and the letters of Latin Extended-A
 *   (š ž č ł ő ...): the letter without its mark, at both levels.
 *
 * ASCII letters are lower-cased; digits are kept; every other ASCII
 * character (space, hyphen, full stop, apostrophe) separates words, and
 * runs of separators become one space, so "Hans-Peter" and "hans peter"
 * are the same. Other characters (Greek, Cyrillic ...) are kept as they
 * are. The folded text is never longer than the input.
 */
#ifndef OV_CORE_FOLD_H
#define OV_CORE_FOLD_H

#include <stdbool.h>
#include <stddef.h>

#include "core/str.h"

typedef enum ov_fold_level { OV_FOLD_SPELL = 0, OV_FOLD_BASE } ov_fold_level;

/* Fold in into out (cap bytes, NUL-terminated, cut at a character
 * boundary when cap is short); returns the folded length. Invalid UTF-8
 * bytes are dropped. */
size_t ov_fold(ov_str in, ov_fold_level level, char *out, size_t cap);

#define OV_FOLD_QUERY_MAX 100 /* bytes of a search query */
#define OV_FOLD_WORDS_MAX 8

/* A query folded once for many names: its words at both levels. */
typedef struct ov_fold_query {
    int nwords;
    char spell[OV_FOLD_WORDS_MAX][OV_FOLD_QUERY_MAX + 1];
    char base[OV_FOLD_WORDS_MAX][OV_FOLD_QUERY_MAX + 1];
    size_t letters; /* letters and digits in the query */
} ov_fold_query;

/* Prepare a query (at most OV_FOLD_QUERY_MAX bytes; longer is cut; words
 * past OV_FOLD_WORDS_MAX are ignored). */
void ov_fold_query_init(ov_fold_query *q, ov_str query);
/* Every word of the query occurs in the name, at either level. A query
 * without words matches nothing. */
bool ov_fold_match(const ov_fold_query *q, ov_str name);

#endif
