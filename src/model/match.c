#include "model/match.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/occupation.h"

static const struct {
    const char *code, *label;
} accs[OV_ACC_COUNT] = {
    [OV_ACC_REDUCED_HOURS] = {"reduced_hours", "Nedsat tid"},
    [OV_ACC_FLEXIBLE_HOURS] = {"flexible_hours", "Fleksible mødetider"},
    [OV_ACC_QUIET_WORKPLACE] = {"quiet_workplace", "Rolig arbejdsplads"},
    [OV_ACC_MENTOR] = {"mentor", "Fast kontaktperson/mentor"},
    [OV_ACC_PHYSICAL] = {"physical_limits", "Fysiske skånehensyn"},
    [OV_ACC_BREAKS] = {"breaks", "Ekstra pauser"},
    [OV_ACC_CLEAR_TASKS] = {"clear_tasks", "Klare og faste opgaver"},
    [OV_ACC_NO_CUSTOMERS] = {"no_customer_contact", "Ingen kundekontakt"},
};

const char *ov_accommodation_code(ov_accommodation a)
{
    return (unsigned)a < OV_ACC_COUNT ? accs[a].code : "unknown";
}

const char *ov_accommodation_label_da(ov_accommodation a)
{
    return (unsigned)a < OV_ACC_COUNT ? accs[a].label : "Ukendt";
}

ov_status ov_accommodation_parse(ov_str code, ov_accommodation *out,
                                 ov_err *err)
{
    for (int i = 0; i < OV_ACC_COUNT; i++)
        if (ov_str_eq_c(code, accs[i].code)) {
            *out = (ov_accommodation)i;
            return OV_OK;
        }
    return ov_err_msg(err, OV_EINVAL, "accommodation",
                      match_accommodation_unknown,
                      ov_arg_strn(code.ptr, code.len > 40 ? 40 : code.len));
}

static const char *const ord_codes[OV_ORD_COUNT] = {"now", "later", "not"};

const char *ov_ordinary_hours_code(ov_ordinary_hours o)
{
    return (unsigned)o < OV_ORD_COUNT ? ord_codes[o] : "unknown";
}

ov_status ov_ordinary_hours_parse(ov_str code, ov_ordinary_hours *out,
                                  ov_err *err)
{
    for (int i = 0; i < OV_ORD_COUNT; i++)
        if (ov_str_eq_c(code, ord_codes[i])) {
            *out = (ov_ordinary_hours)i;
            return OV_OK;
        }
    return ov_err_msg(err, OV_EINVAL, "ordinary_hours",
                      match_ordinary_hours_choose);
}

ov_match_weights ov_match_weights_default(void)
{
    return (ov_match_weights){{35, 20, 20, 10, 10, 5}};
}

ov_status ov_match_weights_validate(const ov_match_weights *w, ov_err *err)
{
    int sum = 0;
    for (int i = 0; i < OV_MC_COUNT; i++) {
        if (w->w[i] < 0)
            return ov_err_msg(err, OV_EINVAL, "weights",
                              match_weights_negative);
        sum += w->w[i];
    }
    if (sum != 100)
        return ov_err_msg(err, OV_EINVAL, "weights", match_weights_sum,
                          sum);
    return OV_OK;
}

/* Lower-case ASCII and the Danish letters Æ Ø Å (UTF-8) into out. */
static size_t fold(ov_str s, char *out, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; i < s.len && o + 2 < cap; i++) {
        unsigned char c = (unsigned char)s.ptr[i];
        if (c >= 'A' && c <= 'Z') {
            out[o++] = (char)(c + 32);
        } else if (c == 0xC3 && i + 1 < s.len &&
                   ((unsigned char)s.ptr[i + 1] == 0x86 ||
                    (unsigned char)s.ptr[i + 1] == 0x98 ||
                    (unsigned char)s.ptr[i + 1] == 0x85)) {
            out[o++] = (char)c;
            out[o++] = (char)((unsigned char)s.ptr[i + 1] + 0x20);
            i++;
        } else {
            out[o++] = (char)c;
        }
    }
    out[o] = '\0';
    return o;
}

static bool contains_word(const char *hay, const char *needle)
{
    return needle[0] && strstr(hay, needle) != NULL;
}

static void part(ov_match_score *s, ov_match_component c, const char *code,
                 double share, int weight, const char *text)
{
    ov_match_part *p = &s->parts[c];
    p->component = c;
    p->code = code;
    p->max = weight;
    p->points = share * weight;
    snprintf(p->text_da, sizeof p->text_da, "%s", text);
}

void ov_match_score_of(const ov_match_weights *w, const ov_match_profile *p,
                       const ov_opening *o, ov_match_score *out)
{
    memset(out, 0, sizeof *out);
    out->opening_id = o->id;
    char t[200];

    /* job goal and wishes */
    double goal = 0;
    if (p->occupation.len == 4 && ov_str_eq(p->occupation, o->occupation)) {
        goal = 1;
        /* the occupation as "title (code)" (model/occupation.h) */
        const char *title = ov_occupation_title(o->occupation);
        snprintf(t, sizeof t, "Samme stilling som jobmålet: %s (%.*s)",
                 title ? title : "", (int)o->occupation.len,
                 o->occupation.ptr);
    } else if (p->occupation.len == 4 && o->occupation.len == 4 &&
               memcmp(p->occupation.ptr, o->occupation.ptr, 2) == 0) {
        goal = 0.5;
        const ov_occupation *g =
            ov_occupation_find((ov_str){o->occupation.ptr, 2});
        snprintf(t, sizeof t, "Beslægtet stilling (samme faggruppe: %s (%.2s))",
                 g ? g->title : "", o->occupation.ptr);
    } else {
        t[0] = '\0';
    }
    if (goal < 0.5 && p->nwishes > 0) {
        char tasks[2048];
        fold(o->tasks, tasks, sizeof tasks);
        int hits = 0;
        char found[120] = "";
        size_t fl = 0;
        for (int i = 0; i < p->nwishes && i < OV_WISHES_MAX; i++) {
            char wbuf[64];
            fold(p->wishes[i], wbuf, sizeof wbuf);
            if (contains_word(tasks, wbuf)) {
                hits++;
                int n = snprintf(found + fl, sizeof found - fl, "%s%s",
                                 fl ? ", " : "", wbuf);
                if (n > 0 && (size_t)n < sizeof found - fl)
                    fl += (size_t)n;
            }
        }
        double share = 0.5 * hits / p->nwishes;
        if (share > goal) {
            goal = share;
            snprintf(t, sizeof t, "%d af %d ønsker passer til opgaverne (%s)",
                     hits, p->nwishes, found);
        }
    }
    if (goal == 0)
        snprintf(t, sizeof t,
                 "Passer hverken til jobmålets stilling eller borgerens "
                 "ønsker");
    part(out, OV_MC_GOAL, "goal", goal, w->w[OV_MC_GOAL], t);

    /* accommodation */
    int needs = 0, met = 0;
    char missing[160] = "";
    size_t ml = 0;
    for (int a = 0; a < OV_ACC_COUNT; a++) {
        if (!(p->needs & OV_ACC_BIT(a)))
            continue;
        needs++;
        if (o->accommodations & OV_ACC_BIT(a)) {
            met++;
        } else {
            int n = snprintf(missing + ml, sizeof missing - ml, "%s%s",
                             ml ? ", " : "", accs[a].label);
            if (n > 0 && (size_t)n < sizeof missing - ml)
                ml += (size_t)n;
        }
    }
    if (needs == 0)
        snprintf(t, sizeof t, "Borgeren har ingen særlige skånebehov");
    else if (met == needs)
        snprintf(t, sizeof t, "Arbejdspladsen kan tilbyde alle %d skånebehov",
                 needs);
    else
        snprintf(t, sizeof t,
                 "Arbejdspladsen kan tilbyde %d af %d skånebehov; mangler: %s",
                 met, needs, missing);
    part(out, OV_MC_ACCOMMODATION, "accommodation",
         needs ? (double)met / needs : 1.0, w->w[OV_MC_ACCOMMODATION], t);

    /* ordinary hours */
    static const char *const ord_text[] = {
        "Ordinære timer er mulige fra start",
        "Ordinære timer er mulige senere i forløbet",
        "Ordinære timer er ikke mulige her"};
    static const double ord_share[] = {1.0, 0.5, 0.0};
    unsigned oi = (unsigned)o->ordinary < OV_ORD_COUNT ? o->ordinary
                                                       : OV_ORD_NOT;
    part(out, OV_MC_ORDINARY, "ordinary_hours", ord_share[oi],
         w->w[OV_MC_ORDINARY], ord_text[oi]);

    /* labour shortage */
    part(out, OV_MC_SHORTAGE, "shortage", o->shortage ? 1.0 : 0.0,
         w->w[OV_MC_SHORTAGE],
         o->shortage ? "Mangel på arbejdskraft i faget"
                     : "Ingen særlig mangel på arbejdskraft");

    /* location */
    double loc;
    if (o->municipality_code != p->municipality_code &&
        p->travel == OV_TRAVEL_SAME_MUNICIPALITY) {
        loc = 0;
        snprintf(t, sizeof t,
                 "Uden for borgerens egen kommune, som borgeren foretrækker");
    } else if (o->postcode && o->postcode == p->postcode) {
        loc = 1;
        snprintf(t, sizeof t, "Samme postnummer som borgeren (%d)",
                 o->postcode);
    } else if (o->municipality_code == p->municipality_code) {
        loc = 0.7;
        snprintf(t, sizeof t, "I borgerens kommune");
    } else {
        loc = 0.3;
        snprintf(t, sizeof t, "I en anden kommune");
    }
    part(out, OV_MC_LOCATION, "location", loc, w->w[OV_MC_LOCATION], t);

    /* hours fit */
    double hours = 1.0;
    int off = 0;
    if (p->wanted_hours < o->hours_min)
        off = o->hours_min - p->wanted_hours;
    else if (p->wanted_hours > o->hours_max)
        off = p->wanted_hours - o->hours_max;
    hours = off >= 5 ? 0.0 : 1.0 - off / 5.0;
    if (off == 0)
        snprintf(t, sizeof t, "Ønsket %d timer om ugen passer (%d-%d)",
                 p->wanted_hours, o->hours_min, o->hours_max);
    else
        snprintf(t, sizeof t,
                 "Ønsket %d timer om ugen; arbejdspladsen tilbyder %d-%d",
                 p->wanted_hours, o->hours_min, o->hours_max);
    part(out, OV_MC_HOURS, "hours", hours, w->w[OV_MC_HOURS], t);

    for (int i = 0; i < OV_MC_COUNT; i++)
        out->total += out->parts[i].points;
}

static int cmp_score(const void *a, const void *b)
{
    const ov_match_score *x = a, *y = b;
    if (x->total != y->total)
        return x->total > y->total ? -1 : 1;
    return (x->opening_id > y->opening_id) - (x->opening_id < y->opening_id);
}

void ov_match_rank(ov_match_score *scores, int n)
{
    if (n > 1)
        qsort(scores, (size_t)n, sizeof *scores, cmp_score);
}
