/*
 * occupation.h - occupations by title: Danmarks Statistik's DISCO-08
 * (Danmarks Statistiks Fagklassifikation, v1:2010), shipped with the
 * program (data/disco08.csv, its source in data/README.md) and compiled
 * into it at build time (scripts/gen-disco08), so the binary needs no file
 * at run time and every server holds the same list.
 *
 * DISCO-08 has five levels: 1 hovedgruppe (1 digit), 2 undergruppe (2),
 * 3 enhed (3), 4 stillingskategori (4 digits) and 5 stilling (6 digits).
 * overgang stores an occupation as a level-4 code (the plan's job goal,
 * the match profile, an opening): the match model compares 4 digits and
 * 2 digits (model/match.h). Users choose it by title: the search below,
 * and ov_occupation_resolve for what a form field holds.
 */
#ifndef OV_MODEL_OCCUPATION_H
#define OV_MODEL_OCCUPATION_H

#include <stddef.h>

#include "core/arena.h"
#include "core/err.h"
#include "core/str.h"

/* The level overgang stores and offers (stillingskategori). */
#define OV_OCCUPATION_LEVEL 4
/* The most suggestions a search answers with. */
#define OV_OCCUPATION_SEARCH_MAX 20

typedef struct ov_occupation {
    const char *code;  /* digits, leading zeros kept ("0110") */
    int level;         /* 1..5 */
    const char *title; /* Danish, UTF-8 */
} ov_occupation;

/* Every category of the list, in Danmarks Statistik's order. */
size_t ov_occupation_count(void);
const ov_occupation *ov_occupation_at(size_t i);
/* How many categories a level has (0 for a level outside 1..5). */
size_t ov_occupation_count_level(int level);

/* The category with this code at any level, or NULL. */
const ov_occupation *ov_occupation_find(ov_str code);
/* The title of a stored (level-4) code, or NULL when the code is not one. */
const char *ov_occupation_title(ov_str code);
/* "title (code)" for display; the code alone when it is not in the list
 * (an older record), "" for an empty code. */
const char *ov_occupation_label(ov_arena *a, ov_str code);

/*
 * Search the level-4 categories: a query of digits matches codes that
 * begin with it; otherwise every word of the query must occur in the
 * title, case and accents ignored (core/fold.h: "rengoring" finds
 * "Rengøringsarbejde"). Best first: a title that begins with the query,
 * then one with a word that begins with it, then the rest; shorter titles
 * first among equals, then the list's order. Writes at most cap (and at
 * most OV_OCCUPATION_SEARCH_MAX) hits to out and returns how many; *total
 * is how many matched in all. A query without a letter or digit matches
 * nothing.
 */
size_t ov_occupation_search(ov_str query, const ov_occupation **out,
                            size_t cap, size_t *total);

/*
 * The level-4 code that a form field means: a code ("9321"), a suggestion
 * as the list shows it ("Pakkeriarbejde (9321)"), or part of a title that
 * exactly one category matches ("pakkeri"). An empty field gives an empty
 * code. Otherwise an error on `field` that says what is wrong: a code
 * that is not a category, no title that matches, or several (the first
 * few named, to pick from).
 */
ov_status ov_occupation_resolve(ov_str input, const char *field,
                                ov_arena *a, ov_str *code, ov_err *err);

#endif
