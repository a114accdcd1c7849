/*
 * demo.c - `overgang demo`: a realistic synthetic world, deterministic for
 * a seed and a date (default: today), built through the same store
 * functions the product uses, so every row has its audit row and passes the
 * same validation.
 *
 * Two municipalities (Halsnæs 250, Tønder 550), two teams each, staff in
 * every role, 300 screened candidates per municipality of whom 240 are
 * drawn and followed through every stage of the model, companies with
 * openings, plans with several versions, work agreements with hours logs,
 * CTI contact logs and WHO-5 series. Distributions follow the pilot
 * profile in DOMAIN.md (54 % women, mean age 45, long unemployment; WHO-5
 * rising from about 49 to 57).
 *
 * `--scale N` (1-200, default 1) builds a municipality-scale world for
 * benchmarks: each municipality gets N blocks, each block its own screening
 * batch of 300 candidates, eight cohorts drawn from it and two teams of its
 * own (Team Nord N, Team Syd N), so a team's caseload stays that of the
 * default world while the database grows N times; there are N times as many
 * companies too. Scaled teams have three workers of each frontline role
 * (about 37 open courses each). Scale 1 is exactly the default world: the
 * random numbers are drawn in the same order. The named demo log-ins stay
 * on the first team.
 *
 * All demo users share one Argon2id hash of the demo password, computed
 * once per run (hashing is deliberately slow; the log-in path is the
 * product's own).
 *
 * Fictitious CPR numbers: the first six digits give a birth date that
 * follows the pilot's age profile, but the seventh digit is 5-8, which by
 * the century table puts the birth in 1858-1899 (or, for a few too-young
 * screening candidates, in 2027-2057). Nobody alive can have such a number,
 * so demo data can never be mistaken for a real person's. The price is that
 * ages derived from these numbers read 100 years too old (or negative) in
 * the demo; the screening still shows the age rule at work.
 */
#include <assert.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/cpr.h"
#include "core/crypto.h"
#include "core/log.h"
#include "model/draw.h"
#include "store/citizen.h"
#include "store/citizen_home.h"
#include "store/course.h"
#include "store/cti.h"
#include "store/journal_view.h"
#include "store/match.h"
#include "store/measure.h"
#include "store/meeting.h"
#include "store/org.h"
#include "store/placement.h"
#include "store/plan.h"
#include "store/screening.h"

#define DEMO_PASSWORD "overgang-demo"
#define CANDIDATES 300 /* per block: one screening batch */
#define DRAWN 240
#define SCALE_MAX 200
#define COMPANIES 25 /* per block */
#define OPENINGS 60  /* per block, at most */

static const char *const first_f[] = {
    "Anne", "Mette", "Hanne", "Susanne", "Lene", "Marianne", "Camilla",
    "Louise", "Charlotte", "Pia", "Tina", "Maria", "Helle", "Bente", "Rikke",
    "Julie", "Sofie", "Nadia", "Fatima", "Aisha", "Ida", "Karin", "Lone",
    "Dorthe", "Gitte", "Sanne", "Trine", "Malene", "Jeanette", "Birgitte"};
static const char *const first_m[] = {
    "Peter", "Michael", "Lars", "Thomas", "Jens", "Henrik", "Søren", "Martin",
    "Jan", "Morten", "Anders", "Niels", "Rasmus", "Jesper", "Mads", "Kim",
    "Brian", "Allan", "Ali", "Omar", "Hassan", "Bo", "Torben", "Claus",
    "Kenneth", "Dennis", "Jacob", "Per", "Steen", "Ole"};
static const char *const last[] = {
    "Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen",
    "Larsen", "Sørensen", "Rasmussen", "Jørgensen", "Petersen", "Madsen",
    "Kristensen", "Olsen", "Thomsen", "Christiansen", "Poulsen", "Johansen",
    "Møller", "Mortensen", "Holm", "Lund", "Bach", "Berg", "Dahl", "Skov",
    "Vestergaard", "Kjær", "Friis", "Ahmed"};
static const char *const company_words[] = {
    "Lager", "Gartneri", "Køkken", "Rengøring", "Auto", "Byg", "Pleje",
    "Trælast", "Grønt", "Café", "Genbrug", "Transport", "Maler", "VVS",
    "Dyrepension", "Bageri", "Tømrer", "Vaskeri", "Anlæg", "Fisk"};
static const struct {
    const char *tasks, *occupation;
} jobs[] = {
    {"Pluk og pak af varer på lageret", "9321"},
    {"Pasning af planter og salg i gartneriet", "6113"},
    {"Opvask og klargøring i køkkenet", "9412"},
    {"Rengøring af kontorer og fællesarealer", "9112"},
    {"Klargøring og vask af biler", "9122"},
    {"Hjælp på byggepladsen og oprydning", "9313"},
    {"Praktisk hjælp på plejecenter", "5322"},
    {"Pasning af dyr og rengøring af stalde", "9211"},
    {"Sortering og salg i genbrugsbutik", "5223"},
    {"Kørsel med varer og hjælp ved levering", "8322"},
};
static const char *const wishes[] = {"lager", "dyr", "køkken", "udendørs",
                                     "planter", "biler", "rengøring",
                                     "butik", "byg", "pleje"};
static const char *const focus[] = {
    "Mødestabilitet", "Økonomi", "Søvn og døgnrytme", "Bolig", "Netværk",
    "Helbred", "Transport til arbejde", "Struktur i hverdagen"};

/* A set of non-zero numbers (CPR and CVR numbers read as integers), open
 * addressing, so that uniqueness stays cheap at 100,000 citizens. */
typedef struct num_set {
    uint64_t *slot; /* 0 = empty */
    size_t cap;     /* a power of two */
    size_t n;
} num_set;

static size_t num_slot(const num_set *s, uint64_t key)
{
    uint64_t h = key * UINT64_C(0x9e3779b97f4a7c15);
    size_t i = (size_t)(h >> 32) & (s->cap - 1);
    while (s->slot[i] && s->slot[i] != key)
        i = (i + 1) & (s->cap - 1);
    return i;
}

/* Add key (non-zero); false when it was there already. */
static bool num_set_add(num_set *s, uint64_t key)
{
    assert(key != 0);
    if (2 * (s->n + 1) > s->cap) {
        num_set old = *s;
        s->cap = old.cap ? 2 * old.cap : 1024;
        s->slot = ov_xcalloc(s->cap, sizeof *s->slot);
        for (size_t i = 0; i < old.cap; i++)
            if (old.slot[i])
                s->slot[num_slot(s, old.slot[i])] = old.slot[i];
        free(old.slot);
    }
    size_t i = num_slot(s, key);
    if (s->slot[i])
        return false;
    s->slot[i] = key;
    s->n++;
    return true;
}

static uint64_t digits_value(const char *p, int n)
{
    uint64_t v = 0;
    for (int i = 0; i < n; i++)
        v = v * 10 + (uint64_t)(p[i] - '0');
    return v;
}

typedef struct demo {
    ov_rng rng;
    ov_date today;
    ov_tx *tx;
    ov_err *err;
    int scale;    /* blocks per municipality, 1..SCALE_MAX */
    num_set cprs; /* CPR numbers handed out */
    num_set cvrs; /* CVR numbers handed out */
    char pwhash[OV_PWHASH_MAX]; /* "" until the first user needs it */
    int nended;   /* courses ended so far: the reasons take turns */
    /* the course being built is the one the demo citizen log-in
     * ("borger") gets: its placement is at the demo employer contact's
     * company, and those two sign in their own log-ins (issue 14) */
    bool login_course;
} demo;

static int pick(demo *d, int n) { return (int)ov_rng_below(&d->rng, (uint64_t)n); }
static double unit(demo *d) { return ov_rng_unit(&d->rng); }
static int between(demo *d, int lo, int hi) { return lo + pick(d, hi - lo + 1); }

/* Noon in Copenhagen on day d: the instant the demo stamps an event of
 * that day with (noon is never in a daylight-saving gap). */
static ov_time demo_noon(ov_date d)
{
    ov_time t = 0;
    ov_err e;
    if (ov_cph_to_time(d, 12, 0, 0, &t, &e) != OV_OK)
        t = ov_time_now();
    return t;
}

/* Approximately normal: the sum of three uniforms. */
static double normal(demo *d, double mean, double sd)
{
    double u = unit(d) + unit(d) + unit(d) - 1.5; /* sd 0.5 */
    return mean + u * 2.0 * sd;
}

/* A fictitious CPR number (see the header comment). */
static void make_cpr(demo *d, ov_date birth, bool female, bool future,
                     char out[12])
{
    for (;;) {
        ov_ymd y = ov_date_to_ymd(birth);
        int yy = future ? between(d, 27, 57) : y.year % 100;
        if (!future && yy < 58)
            yy = between(d, 58, 99); /* keep it in the 1800s */
        int d7 = between(d, 5, 8);
        int mid = pick(d, 100);
        int last_digit = pick(d, 5) * 2 + (female ? 0 : 1);
        snprintf(out, 12, "%02d%02d%02d-%d%02d%d", y.day, y.month, yy, d7, mid,
                 last_digit);
        /* ddmmyy and the four digits after the dash */
        uint64_t key = digits_value(out, 6) * 10000 + digits_value(out + 7, 4);
        ov_cpr c;
        if (ov_cpr_parse(ov_str_c(out), "cpr", &c, NULL) == OV_OK &&
            num_set_add(&d->cprs, key))
            return;
    }
}

static void make_cvr(demo *d, char out[9])
{
    static const int w[8] = {2, 7, 6, 5, 4, 3, 2, 1};
    for (;;) {
        int sum = 0;
        out[0] = (char)('1' + pick(d, 9));
        for (int i = 1; i < 7; i++)
            out[i] = (char)('0' + pick(d, 10));
        for (int i = 0; i < 7; i++)
            sum += (out[i] - '0') * w[i];
        int check = (11 - sum % 11) % 11;
        if (check == 10)
            continue;
        out[7] = (char)('0' + check);
        out[8] = '\0';
        if (num_set_add(&d->cvrs, digits_value(out, 8)))
            return;
    }
}

static int64_t user(demo *d, const char *name, const char *full, ov_role role,
                    int muni, int64_t team, int64_t citizen, int64_t company)
{
    int64_t id = 0;
    ov_user_input in = {ov_str_c(name), ov_str_c(full), role, muni, citizen,
                        company};
    if (ov_org_user_create(d->tx, &in, &id, d->err) != OV_OK)
        return 0;
    if (team && ov_org_team_add_member(d->tx, team, id, d->err) != OV_OK)
        return 0;
    if (!d->pwhash[0] &&
        ov_password_hash(DEMO_PASSWORD, d->pwhash, d->err) != OV_OK)
        return 0;
    if (ov_org_user_set_password(d->tx, id, d->pwhash, d->err) != OV_OK)
        return 0;
    return id;
}

/* A team's frontline staff. The default world keeps its small teams (two
 * caseworkers of each kind, three CTI workers, two consultants: about 55
 * open courses per caseworker); a scaled world staffs every team with three
 * of each, about 37 open courses per worker. */
#define TEAM_ROLE_MAX 3
typedef struct team_staff {
    int64_t team;
    int64_t job[TEAM_ROLE_MAX], social[TEAM_ROLE_MAX], cti[TEAM_ROLE_MAX],
        vk[TEAM_ROLE_MAX];
    int njob, nsocial, ncti, nvk;
} team_staff;

/* Arrays sized by the scale are heap-allocated (muni_free). */
typedef struct muni {
    int code;
    const char *name;
    int postcode_lo, postcode_hi;
    const char *suffix; /* "" for Halsnæs, "2" for Tønder */
    team_staff *teams;  /* two per block */
    int nteams;
    int64_t *companies; /* COMPANIES per block */
    int ncompanies;
    int64_t *openings; /* up to OPENINGS per block */
    int nopenings;
    int64_t first_citizen_course; /* for the demo citizen log-in */
    int64_t employer_company;
} muni;

static void muni_alloc(muni *m, int scale)
{
    m->nteams = 2 * scale;
    m->teams = ov_xcalloc((size_t)m->nteams, sizeof *m->teams);
    m->companies = ov_xcalloc((size_t)(COMPANIES * scale),
                              sizeof *m->companies);
    m->openings = ov_xcalloc((size_t)(OPENINGS * scale), sizeof *m->openings);
}

static void muni_free(muni *m)
{
    free(m->teams);
    free(m->companies);
    free(m->openings);
}

/* Two teams per block: "Team Nord" and "Team Syd" in the first block, then
 * "Team Nord 2", "Team Syd 2", ... Users of the first block are "job",
 * "job.n2", "job.s1", ...; of block k (from 2) "job.n<k>.1", "job.s<k>.2". */
static ov_status staff(demo *d, muni *m)
{
    static const char *const team_names[2] = {"Team Nord", "Team Syd"};
    char name[64], full[96], tname[64];
    for (int t = 0; t < m->nteams; t++) {
        team_staff *ts = &m->teams[t];
        bool scaled = d->scale > 1;
        ts->njob = scaled ? 3 : 2;
        ts->nsocial = scaled ? 3 : 2;
        ts->ncti = 3;
        ts->nvk = scaled ? 3 : 2;
        int block = t / 2;
        char side = t % 2 == 0 ? 'n' : 's';
        if (block == 0)
            snprintf(tname, sizeof tname, "%s", team_names[t % 2]);
        else
            snprintf(tname, sizeof tname, "%s %d", team_names[t % 2],
                     block + 1);
        if (ov_org_team_create(d->tx, m->code, ov_str_c(tname), &ts->team,
                               d->err) != OV_OK)
            return d->err->code;
        struct {
            ov_role role;
            const char *base;
            int64_t *ids;
            int n;
        } groups[] = {
            {OV_ROLE_EMPLOYMENT_CASEWORKER, "job", ts->job, ts->njob},
            {OV_ROLE_SOCIAL_CASEWORKER, "social", ts->social, ts->nsocial},
            {OV_ROLE_CTI_WORKER, "cti", ts->cti, ts->ncti},
            {OV_ROLE_COMPANY_CONSULTANT, "vk", ts->vk, ts->nvk},
        };
        for (size_t g = 0; g < sizeof groups / sizeof groups[0]; g++)
            for (int i = 0; i < groups[g].n; i++) {
                /* the named demo log-ins are the first of each role in the
                 * first team */
                if (t == 0 && i == 0)
                    snprintf(name, sizeof name, "%s%s", groups[g].base,
                             m->suffix);
                else if (block == 0)
                    snprintf(name, sizeof name, "%s%s.%c%d", groups[g].base,
                             m->suffix, side, i + 1);
                else
                    snprintf(name, sizeof name, "%s%s.%c%d.%d",
                             groups[g].base, m->suffix, side, block + 1,
                             i + 1);
                snprintf(full, sizeof full, "%s %s",
                         first_f[pick(d, 30)], last[pick(d, 30)]);
                groups[g].ids[i] = user(d, name, full, groups[g].role, m->code,
                                        ts->team, 0, 0);
                if (!groups[g].ids[i])
                    return d->err->code;
                /* contact details the citizen's team page shows: a
                 * number and an address made from the user's id (no
                 * random draw, so the world of the seed stays the same) */
                char phone[24], email[96];
                snprintf(phone, sizeof phone, "+45 %02d %02d %02d %02d",
                         40 + (int)(groups[g].ids[i] / 1000000 % 60),
                         (int)(groups[g].ids[i] / 10000 % 100),
                         (int)(groups[g].ids[i] / 100 % 100),
                         (int)(groups[g].ids[i] % 100));
                snprintf(email, sizeof email, "%s@%s.dk", name,
                         m->suffix[0] ? "toender" : "halsnaes");
                if (ov_org_user_set_contact(d->tx, groups[g].ids[i],
                                            ov_str_c(phone), ov_str_c(email),
                                            d->err) != OV_OK)
                    return d->err->code;
            }
    }
    /* people's names, as every other user has (a name that is the role,
     * "Leder", showed as "Leder (Leder)" in the header); fixed, so the
     * random world of the seed stays the same */
    bool first = m->suffix[0] == '\0';
    snprintf(name, sizeof name, "leder%s", m->suffix);
    if (!user(d, name, first ? "Lone Kristensen" : "Mette Lund",
              OV_ROLE_LEADER, m->code, 0, 0, 0))
        return d->err->code;
    snprintf(name, sizeof name, "admin%s", m->suffix);
    if (!user(d, name, first ? "Jens Mikkelsen" : "Karin Nørgaard",
              OV_ROLE_ADMINISTRATOR, m->code, 0, 0, 0))
        return d->err->code;
    return OV_OK;
}

static ov_status companies(demo *d, muni *m)
{
    m->ncompanies = COMPANIES * d->scale;
    int max_openings = OPENINGS * d->scale;
    for (int i = 0; i < m->ncompanies; i++) {
        char cvr[9], name[96];
        make_cvr(d, cvr);
        snprintf(name, sizeof name, "%s %s ApS", last[pick(d, 30)],
                 company_words[i % 20]);
        int postcode = between(d, m->postcode_lo, m->postcode_hi);
        if (ov_org_company_create(d->tx, ov_str_c(cvr), ov_str_c(name),
                                  m->code, postcode, &m->companies[i],
                                  d->err) != OV_OK)
            return d->err->code;
        int nopen = between(d, 1, 2);
        for (int k = 0; k < nopen && m->nopenings < max_openings; k++) {
            int j = (i + k) % 10;
            ov_opening o = {0};
            o.tasks = ov_str_c(jobs[j].tasks);
            o.occupation = ov_str_c(jobs[j].occupation);
            o.hours_min = between(d, 5, 15);
            o.hours_max = o.hours_min + between(d, 5, 22);
            for (int a = 0; a < OV_ACC_COUNT; a++)
                if (unit(d) < 0.5)
                    o.accommodations |= OV_ACC_BIT(a);
            double r = unit(d);
            o.ordinary = r < 0.5 ? OV_ORD_NOW : r < 0.85 ? OV_ORD_LATER
                                                         : OV_ORD_NOT;
            o.shortage = unit(d) < 0.3;
            if (ov_opening_create(d->tx, m->companies[i], &o, d->err) != OV_OK)
                return d->err->code;
            m->openings[m->nopenings++] = o.id;
        }
    }
    m->employer_company = m->companies[0];
    return OV_OK;
}

/* The candidate list of one block as CSV, screened through the real
 * import. */
static ov_status screening(demo *d, muni *m, int block, ov_arena *a,
                           int64_t *batch)
{
    ov_buf csv;
    ov_buf_init(&csv, a, 1 << 20);
    ov_buf_append_c(&csv, "cpr;name;activity_ready;months_unemployed;"
                          "company_activity;in_prison;health_exemption;"
                          "declined\n");
    for (int i = 0; i < CANDIDATES; i++) {
        bool female = unit(d) < 0.54;
        /* the first 270 are in the target group; the rest show why others
         * are not */
        bool young = i >= 285 && i < 290;
        bool not_ready = i >= 290 && i < 295;
        bool short_unemp = i >= 295;
        int age = (int)normal(d, 45, 9);
        age = age < 31 ? 31 : age > 64 ? 64 : age;
        ov_date birth = ov_date_add_months(d->today, -12 * age) -
                        pick(d, 365);
        char cpr[12];
        make_cpr(d, birth, female, young, cpr);
        int months = short_unemp ? between(d, 3, 11)
                                 : (int)normal(d, 66, 30);
        if (months < 12 && !short_unemp)
            months = 12 + pick(d, 12);
        const char *excl[4] = {"nej", "nej", "nej", "nej"};
        if (i >= 270 && i < 285)
            excl[(i - 270) % 4] = "ja";
        ov_buf_printf(&csv, "%s;%s %s;%s;%d;%s;%s;%s;%s\n", cpr,
                      female ? first_f[pick(d, 30)] : first_m[pick(d, 30)],
                      last[pick(d, 30)], not_ready ? "nej" : "ja", months,
                      excl[0], excl[1], excl[2], excl[3]);
    }
    if (csv.failed)
        return ov_err_set(d->err, OV_EINTERNAL, NULL, "demo CSV too large");
    ov_screening_rules rules = ov_screening_rules_default();
    ov_import_report rep;
    char source[64];
    if (block == 0)
        snprintf(source, sizeof source, "demo-%s.csv", m->name);
    else
        snprintf(source, sizeof source, "demo-%s-%d.csv", m->name, block + 1);
    return ov_screening_import(d->tx, m->code, d->today - 540, &rules,
                               ov_buf_str(&csv), source, a, batch, &rep,
                               d->err);
}

static ov_date add_days(ov_date x, int n) { return x + n; }

/* Take one drawn course to `target`, building its history on the way. */
static ov_status progress(demo *d, muni *m, int64_t course, ov_date start,
                          ov_stage target, const team_staff *ts, int idx)
{
    ov_err *err = d->err;
    ov_tx *tx = d->tx;
    if (ov_course_assign(tx, course, OV_ROLE_EMPLOYMENT_CASEWORKER,
                         ts->job[idx % ts->njob], err) != OV_OK ||
        ov_course_assign(tx, course, OV_ROLE_SOCIAL_CASEWORKER,
                         ts->social[idx % ts->nsocial], err) != OV_OK ||
        ov_course_assign(tx, course, OV_ROLE_CTI_WORKER,
                         ts->cti[idx % ts->ncti], err) != OV_OK ||
        ov_course_assign(tx, course, OV_ROLE_COMPANY_CONSULTANT,
                         ts->vk[idx % ts->nvk], err) != OV_OK)
        return err->code;
    if (target == OV_STAGE_DRAWN)
        return OV_OK;
    bool ended = target == OV_STAGE_ENDED;
    if (ended) /* ended courses went various ways before they ended */
        target = (ov_stage)between(d, OV_STAGE_PLAN, OV_STAGE_IN_JOB);

    /* start meeting (sometimes a first, incomplete one) */
    ov_life_domains domains;
    ov_life_domains_default(&domains);
    ov_date sm = add_days(start, between(d, 7, 21));
    ov_attendees full = OV_ATTEND(OV_ROLE_CITIZEN) |
                        OV_ATTEND(OV_ROLE_EMPLOYMENT_CASEWORKER) |
                        OV_ATTEND(OV_ROLE_SOCIAL_CASEWORKER) |
                        OV_ATTEND(OV_ROLE_CTI_WORKER) |
                        OV_ATTEND(OV_ROLE_COMPANY_CONSULTANT);
    int64_t mid;
    bool complete;
    if (unit(d) < 0.2) {
        ov_meeting_input first = {.kind = OV_MEETING_START, .held_on = sm - 5,
                                  .attendees = full &
                                               ~OV_ATTEND(OV_ROLE_CTI_WORKER),
                                  .notes = OV_STR_LIT("CTI-medarbejderen var "
                                                      "syg; nyt møde aftalt")};
        if (ov_meeting_record(tx, course, &first, &domains, d->today, &mid,
                              &complete, err) != OV_OK)
            return err->code;
    }
    ov_assessment_item items[8];
    static const char *const words[] = {
        "Det går op og ned", "Jeg vil gerne have et arbejde",
        "Jeg sover dårligt", "Min familie støtter mig", "Pengene slår ikke til",
        "Jeg har det fint", "Jeg bliver let stresset", "Jeg mangler struktur"};
    for (int i = 0; i < 8; i++)
        items[i] = (ov_assessment_item){ov_str_c(domains.code[i]),
                                        ov_str_c(words[pick(d, 8)]),
                                        OV_STR_LIT("Motiveret"),
                                        OV_STR_LIT("Usikker på egne evner"),
                                        pick(d, 6) - 1};
    int j = pick(d, 10);
    char wish[64];
    snprintf(wish, sizeof wish, "Arbejde med %s", wishes[j]);
    ov_meeting_input in = {.kind = OV_MEETING_START, .held_on = sm,
                           .attendees = full, .wishes = ov_str_c(wish),
                           .notes = OV_STR_LIT("Borgeren fortalte om sin "
                                               "hverdag; teamet aftalte de "
                                               "første skridt"),
                           .competences = OV_STR_LIT("Mødestabil, god til "
                                                     "praktisk arbejde"),
                           .nitems = 8, .items = items};
    if (ov_meeting_record(tx, course, &in, &domains, d->today, &mid, &complete,
                          err) != OV_OK)
        return err->code;

    /* WHO-5 at the start */
    ov_measurement w5 = {.instrument = OV_INSTR_WHO5, .taken_on = sm,
                         .nitems = 5, .entered_by = OV_BY_CITIZEN};
    /* pilot: mean WHO-5 about 49 at the start */
    int base = between(d, 1, 3);
    for (int i = 0; i < 5; i++)
        w5.items[i] = base + pick(d, 2);
    int64_t id;
    if (ov_measure_record(tx, course, &w5, d->today, &id, err) != OV_OK)
        return err->code;
    /* a journal note after the start meeting (notatpligt); every fifth is
     * corrected by a second note (no random numbers: the world stays as
     * it was) */
    ov_note jn = {sm + 1 <= d->today ? sm + 1 : sm,
                  OV_STR_LIT("Telefonsamtale med borgeren"),
                  OV_STR_LIT("Borgeren ringede og fortalte, at det første "
                             "møde havde givet mod på at komme videre"),
                  0};
    if (ov_note_add(tx, course, &jn, d->today, &id, err) != OV_OK)
        return err->code;
    if (idx % 5 == 0) {
        char subj[64];
        char dk[OV_DATE_BUF];
        ov_date_format_dk(jn.date, dk);
        snprintf(subj, sizeof subj, "Rettelse til notat af %s", dk);
        ov_note fix = {jn.date, ov_str_c(subj),
                       OV_STR_LIT("Det var borgerens søster, der ringede, "
                                  "ikke borgeren selv"),
                       id};
        if (ov_note_add(tx, course, &fix, d->today, &id, err) != OV_OK)
            return err->code;
    }
    if (target == OV_STAGE_START)
        return OV_OK;

    /* plan: a first version, then the job goal, then progress */
    ov_plan_activity acts[2] = {
        {3, OV_STR_LIT("Fast morgenrutine med vækkeur"), OV_ROLE_CITIZEN, true,
         sm + 30, OV_ITEM_PLANNED},
        {4, OV_STR_LIT("Besøg på to arbejdspladser"),
         OV_ROLE_COMPANY_CONSULTANT, true, sm + 45, OV_ITEM_PLANNED}};
    ov_plan_subgoal sub = {2, OV_STR_LIT("Møde stabilt op"), OV_ITEM_PLANNED, 2,
                           acts};
    ov_plan_goal goal = {1, OV_STR_LIT("Komme ud på en arbejdsplads"),
                         OV_ITEM_IN_PROGRESS, 1, &sub};
    ov_plan plan = {OV_STR_NULL, OV_STR_NULL, 1, &goal};
    int v;
    if (ov_plan_save(tx, course, 0, &plan, true, OV_STR_NULL, &v, err) !=
        OV_OK)
        return err->code;
    char goal_text[128];
    snprintf(goal_text, sizeof goal_text, "Jeg vil gerne arbejde med %s",
             wishes[j]);
    plan.job_goal = ov_str_c(goal_text);
    plan.occupation = ov_str_c(jobs[j].occupation);
    if (ov_plan_save(tx, course, v, &plan, true,
                     OV_STR_LIT("Jeg er glad for målet"), &v, err) != OV_OK)
        return err->code;
    acts[0].status = OV_ITEM_DONE;
    /* (every sixth change is made without the citizen, so the indicator
     * of plan changes decided together has something to show; choices by
     * index keep the random numbers in their order) */
    if (ov_plan_save(tx, course, v, &plan, idx % 6 != 0, OV_STR_NULL, &v,
                     err) != OV_OK)
        return err->code;

    /* follow-ups every four weeks */
    ov_date last_fu = sm;
    for (ov_date fu = sm + 28; fu <= d->today - 3 && fu < sm + 400; fu += 28) {
        ov_meeting_input f = {.kind = OV_MEETING_FOLLOWUP, .held_on = fu,
                              .attendees = OV_ATTEND(OV_ROLE_CITIZEN) |
                                           OV_ATTEND(OV_ROLE_CTI_WORKER) |
                                           (unit(d) < 0.6
                                                ? OV_ATTEND(OV_ROLE_COMPANY_CONSULTANT)
                                                : 0) |
                                           OV_ATTEND(OV_ROLE_EMPLOYMENT_CASEWORKER),
                              .notes = OV_STR_LIT("Opfølgning på planen"),
                              .plan_version = v};
        if (ov_meeting_record(tx, course, &f, &domains, d->today, &mid,
                              &complete, err) != OV_OK)
            return err->code;
        last_fu = fu;
    }
    (void)last_fu;
    if (target == OV_STAGE_PLAN)
        goto measure;

    /* company match */
    int64_t opening = m->openings[pick(d, m->nopenings)];
    ov_date mt = sm + between(d, 20, 50);
    int64_t prop;
    if (ov_match_propose(tx, course, opening, 60 + pick(d, 40), mt, &prop,
                         err) != OV_OK ||
        ov_match_answer(tx, prop, true, OV_BY_STAFF,
                        OV_STR_LIT("Det lyder spændende; jeg vil gerne se "
                                   "stedet først"),
                        mt + 2, err) != OV_OK)
        return err->code;
    if (target == OV_STAGE_MATCH)
        goto measure;

    /* CTI shortly before the placement, then the placement */
    ov_date pl = mt + between(d, 14, 30);
    if (pl > d->today)
        pl = d->today;
    ov_date cti_start = pl - between(d, 0, 14);
    /* every ninth placement starts 12 days later, so its CTI started too
     * early (outside the window before the placement). The variations by
     * index below draw the same random numbers as before, so the rest of
     * the world stays as it was. */
    if (idx % 9 == 4 && pl + 12 <= d->today)
        pl += 12;
    ov_cti_rules rules = ov_cti_rules_default();
    if (ov_cti_start(tx, course, idx % 7 == 0 ? OV_BASIS_SEL82B
                                              : OV_BASIS_OTHER,
                     0, cti_start, &rules, err) != OV_OK)
        return err->code;
    ov_str areas[2] = {ov_str_c(focus[pick(d, 4)]),
                       ov_str_c(focus[4 + pick(d, 4)])};
    if (ov_cti_set_focus(tx, course, 1, areas, 2, err) != OV_OK)
        return err->code;
    if (ov_cti_add_network_person(tx, course,
                                  idx % 2 ? OV_STR_LIT("Karin Holm")
                                          : OV_STR_LIT("Jens Dahl"),
                                  idx % 2 ? OV_STR_LIT("Søster")
                                          : OV_STR_LIT("Nabo og ven"),
                                  &id, err) != OV_OK)
        return err->code;
    /* contacts: weekly, then every two weeks, then monthly */
    ov_cti_course cc;
    ov_cti_phases(cti_start, idx % 7 == 0 ? 6 : 9, &cc);
    /* every tenth course has no contact in its first 24 days (too few in
     * the first month); every thirteenth has every other phase 1 contact
     * and an extra one in phase 2 (intensity rising) */
    int nth = 0;
    for (ov_date c = cti_start + 1; c < cc.end && c <= d->today; nth++) {
        int phase = ov_cti_phase_of(&cc, c);
        ov_cti_contact k = {c, (ov_contact_form)pick(d, OV_FORM_COUNT),
                            between(d, 20, 90), ov_str_c(focus[pick(d, 8)]),
                            OV_STR_NULL};
        char knote[128];
        snprintf(knote, sizeof knote, "Vi talte om %.*s; borgeren satte "
                 "selv det næste mål", (int)k.focus.len, k.focus.ptr);
        k.note = ov_str_c(knote);
        bool skip = (idx % 10 == 3 && c < cti_start + 25) ||
                    (idx % 13 == 5 && phase == 1 && nth % 2 == 1);
        if (!skip &&
            ov_cti_log_contact(tx, course, &k, d->today, &id, err) != OV_OK)
            return err->code;
        if (idx % 13 == 5 && phase == 2 && c + 7 < cc.end &&
            c + 7 <= d->today) {
            ov_cti_contact extra = {c + 7, OV_FORM_PHONE, 15,
                                    ov_str_c(focus[0]),
                                    OV_STR_LIT("Kort opringning om "
                                               "mødestabilitet")};
            if (ov_cti_log_contact(tx, course, &extra, d->today, &id, err) !=
                OV_OK)
                return err->code;
        }
        c += phase == 1 ? 7 : phase == 2 ? 14 : 28;
        c += pick(d, 3) - 1;
    }
    ov_placement p = {OV_PLACE_INTERNSHIP, 0, pl, false, 0,
                      10 * between(d, 8, 20)};
    /* the company of the opening */
    p.company_id = m->companies[pick(d, m->ncompanies)];
    bool logins = d->login_course && m->employer_company;
    if (logins)
        p.company_id = m->employer_company;
    int64_t pid;
    if (ov_placement_create(tx, course, &p, &pid, err) != OV_OK)
        return err->code;
    ov_agreement ag = {.internship_hours_x10 = p.weekly_hours_x10,
                       /* ordinary hours from the start for some
                        * (DOMAIN.md: ideally from the start) */
                       .ordinary_hours_x10 = idx % 5 < 3 ? 20 : 0,
                       .tasks = ov_str_c(jobs[j].tasks),
                       .accommodations = OV_STR_LIT("Fast kontaktperson; "
                                                    "rolige opgaver"),
                       .ngoals = 2,
                       .review_date = pl + 42};
    ag.goals[0] = (ov_agreement_goal){OV_STR_LIT("Møde til tiden hver dag"),
                                      false};
    ag.goals[1] = (ov_agreement_goal){OV_STR_LIT("De første ordinære timer "
                                                 "inden for tre måneder"),
                                      false};
    int av;
    unsigned signed_mask;
    /* saved and signed on the day the placement starts, as the
     * indicators read the stamps (store.h ov_tx_now). Each party signs
     * for themselves (issue 14): the consultant named on the course in
     * the system; the citizen and the employer, who have no log-in in the
     * demo, on paper, recorded by the consultant; the demo citizen and
     * the demo employer contact are left to sign in their own log-ins. */
    int64_t consultant = ts->vk[idx % ts->nvk];
    ov_sign_request own = {.party = OV_SIGN_CONSULTANT};
    ov_sign_request paper_c = {.party = OV_SIGN_CITIZEN, .on_paper = true,
                               .paper_date = pl};
    ov_sign_request paper_e = {.party = OV_SIGN_EMPLOYER, .on_paper = true,
                               .paper_date = pl};
    ov_tx_set_now(tx, demo_noon(pl));
    if (ov_agreement_save(tx, pid, 0, &ag, &av, err) != OV_OK)
        return err->code;
    own.version = paper_c.version = paper_e.version = av;
    if ((!logins && ov_agreement_sign_by(tx, pid, &paper_c, consultant,
                                         &signed_mask, err) != OV_OK) ||
        ov_agreement_sign_by(tx, pid, &own, consultant, &signed_mask, err) !=
            OV_OK)
        return err->code;
    if (unit(d) < 0.8 && !logins &&
        ov_agreement_sign_by(tx, pid, &paper_e, consultant, &signed_mask,
                             err) != OV_OK)
        return err->code;
    /* weekly hours: ordinary hours grow with time */
    int weeks = 0;
    for (ov_date wk = pl; wk + 6 <= d->today && weeks < 40; wk += 7, weeks++) {
        ov_hours_week hw;
        ov_date_iso_week(wk, &hw.iso_year, &hw.iso_week);
        int ord = weeks > 6 ? 10 * (weeks - 6) / 2 : 0;
        if (ord > 200)
            ord = 200;
        hw.ordinary_x10 = ord;
        hw.internship_x10 = p.weekly_hours_x10 - ord / 2 > 0
                                ? p.weekly_hours_x10 - ord / 2
                                : 0;
        if (ov_hours_put(tx, pid, &hw, err) != OV_OK)
            return err->code;
    }
    if (weeks > 8 && idx % 4 != 1 && !logins) {
        ag.ordinary_hours_x10 = 50;
        ag.goals[0].reached = true;
        ag.review_date = pl + 84;
        ov_tx_set_now(tx, demo_noon(pl + 62)); /* week 9 logged */
        if (ov_agreement_save(tx, pid, av, &ag, &av, err) != OV_OK)
            return err->code;
        own.version = av;
        if (ov_agreement_sign_by(tx, pid, &own, consultant, &signed_mask,
                                 err) != OV_OK)
            return err->code;
    }
    ov_tx_set_now(tx, 0);
    if (target == OV_STAGE_IN_JOB) {
        ov_date job = pl + between(d, 60, 150);
        if (job > d->today)
            job = d->today;
        if (ov_employment_record(tx, course, job, 10 * between(d, 10, 37),
                                 err) != OV_OK)
            return err->code;
    }

measure:
    /* WHO-5 every three months, rising on average */
    for (int q = 1; q < 8; q++) {
        ov_date t = ov_date_add_months(sm, 3 * q);
        if (t > d->today)
            break;
        /* a slow rise (pilot: 49 to 57), with setbacks for some */
        for (int i = 0; i < 5; i++) {
            double r = unit(d);
            int x = w5.items[i] + (r < 0.16 ? 1 : 0) - (r > 0.93 ? 1 : 0);
            w5.items[i] = x < 0 ? 0 : x > 5 ? 5 : x;
        }
        w5.taken_on = t;
        if (ov_measure_record(tx, course, &w5, d->today, &id, err) != OV_OK)
            return err->code;
    }
    if (ended) {
        /* the reasons take turns, so every reason occurs in a period
         * (the leaders' board shows ends by reason); an ordinary job
         * twice as often as the others */
        static const ov_end_reason reasons[] = {
            OV_END_ORDINARY_JOB, OV_END_EDUCATION,  OV_END_ORDINARY_JOB,
            OV_END_OTHER_EFFORT, OV_END_FLEX_JOB,   OV_END_HEALTH,
            OV_END_MOVED,        OV_END_WITHDREW,   OV_END_OTHER};
        (void)pick(d, 8); /* the draw that chose the reason before */
        ov_end_reason r =
            reasons[d->nended++ % (int)(sizeof reasons / sizeof reasons[0])];
        ov_str why = OV_STR_NULL;
        if (r == OV_END_OTHER) /* "other" needs a text */
            why = OV_STR_LIT("Borgeren fik et tilbud i en anden kommune");
        else /* the others say why in a few words too */
            why = OV_STR_LIT("Afsluttet efter samtale med borgeren og "
                             "teamet");
        if (ov_course_end(tx, course, r, why, d->today - pick(d, 60),
                          d->today, err) != OV_OK)
            return err->code;
    }
    return OV_OK;
}

/* Stage targets by cohort: the oldest cohorts have come furthest. */
static ov_stage target_for(demo *d, int cohort, int ncohorts)
{
    /* 0 oldest .. ncohorts-1 newest; mean stage index from 6 down to 1 */
    double mean = 6.2 - 5.0 * cohort / (ncohorts - 1);
    int s = (int)(normal(d, mean, 1.1) + 0.5);
    if (s < 1)
        s = 1;
    if (s > 7)
        s = 7;
    static const ov_stage map[8] = {
        OV_STAGE_DRAWN, OV_STAGE_DRAWN, OV_STAGE_START, OV_STAGE_PLAN,
        OV_STAGE_MATCH, OV_STAGE_PLACEMENT, OV_STAGE_IN_JOB, OV_STAGE_ENDED};
    return map[s];
}

/* One block: a screening batch, its eight cohorts and the candidates who
 * wait, all on the block's two teams. */
static ov_status build_block(demo *d, muni *m, int block, ov_arena *a)
{
    const team_staff *teams = &m->teams[2 * block];
    int64_t batch;
    if (screening(d, m, block, a, &batch) != OV_OK)
        return d->err->code;
    /* eight quarterly cohorts of 30, alternating between the teams */
    enum { COHORTS = 8, PER = DRAWN / COHORTS };
    for (int c = 0; c < COHORTS; c++) {
        int64_t drawn[PER], courses[PER], draw_id;
        ov_date on = d->today - 540 + c * 60;
        const team_staff *ts = &teams[c % 2];
        if (ov_draw_make(d->tx, batch, PER, ov_rng_next(&d->rng), ts->team, on,
                         &draw_id, drawn, courses, d->err) != OV_OK)
            return d->err->code;
        for (int i = 0; i < PER; i++) {
            ov_stage target = target_for(d, c, COHORTS);
            d->login_course =
                !m->first_citizen_course && target == OV_STAGE_PLACEMENT;
            if (progress(d, m, courses[i], on, target, ts, i) != OV_OK) {
                ov_err_prefix(d->err, "demo course %lld",
                              (long long)courses[i]);
                return d->err->code;
            }
            if (!m->first_citizen_course && target == OV_STAGE_PLACEMENT)
                m->first_citizen_course = courses[i];
        }
    }
    /* some of those not drawn wait, screened, for the next draw */
    int64_t waiting[30];
    int nw = 0;
    if (ov_screening_undrawn(d->tx, batch, waiting, 20, &nw, d->err) != OV_OK)
        return d->err->code;
    for (int i = 0; i < nw; i++) {
        int64_t course;
        if (ov_course_create(d->tx, waiting[i], teams[i % 2].team,
                             OV_STAGE_SCREENED, d->today - 30, &course,
                             d->err) != OV_OK)
            return d->err->code;
    }
    return OV_OK;
}

static ov_status build_muni(demo *d, muni *m)
{
    if (ov_org_municipality_create(d->tx, m->code, ov_str_c(m->name),
                                   d->err) != OV_OK ||
        staff(d, m) != OV_OK || companies(d, m) != OV_OK)
        return d->err->code;
    for (int b = 0; b < d->scale; b++) {
        /* the CSV and the import report of a block are not kept */
        ov_arena *a = ov_arena_new(0);
        ov_status st = build_block(d, m, b, a);
        ov_arena_destroy(a);
        if (st != OV_OK)
            return st;
    }
    return OV_OK;
}

static const cli_opt_def demo_opts[] = {
    {"--seed", true, OV_SET_COUNT, "random seed (default 1)"},
    {"--today", true, OV_SET_COUNT, "the date the world is built around"},
    {"--scale", true, OV_SET_COUNT,
     "N times the citizens, teams and companies (1-200, default 1)"},
};
#define N_DEMO_OPTS ((int)(sizeof demo_opts / sizeof demo_opts[0]))

/* Free what cmd_demo allocated for the world. */
static void demo_free(demo *d, muni *munis, int n)
{
    for (int i = 0; i < n; i++)
        muni_free(&munis[i]);
    free(d->cprs.slot);
    free(d->cvrs.slot);
    free(d);
}

int cmd_demo(int argc, char **argv)
{
    cli_ctx c;
    ov_err err;
    ov_err_clear(&err);
    if (cli_parse(&c, "demo", demo_opts, N_DEMO_OPTS, argc, argv, &err) !=
        OV_OK)
        return cli_fail(&err);
    int scale = 1;
    const char *scale_s = cli_opt(&c, "--scale");
    if (scale_s) {
        int64_t v;
        if (ov_str_to_i64(ov_str_c(scale_s), &v) != OV_OK || v < 1 ||
            v > SCALE_MAX) {
            ov_err_set(&err, OV_EINVAL, "--scale",
                       "demo: --scale must be a whole number from 1 to %d "
                       "(got '%s'); 1 builds 600 citizens, 40 builds 24000",
                       SCALE_MAX, scale_s);
            return cli_fail(&err);
        }
        scale = (int)v;
    }
    demo *d = ov_xcalloc(1, sizeof *d);
    d->scale = scale;
    uint64_t seed = 1;
    const char *seed_s = cli_opt(&c, "--seed");
    if (seed_s) {
        int64_t v;
        if (ov_str_to_i64(ov_str_c(seed_s), &v) != OV_OK || v < 0) {
            free(d);
            ov_err_set(&err, OV_EINVAL, "--seed",
                       "demo: --seed must be a whole number >= 0");
            return cli_fail(&err);
        }
        seed = (uint64_t)v;
    }
    d->today = ov_today_cph();
    const char *today_s = cli_opt(&c, "--today");
    if (today_s &&
        ov_date_parse(ov_str_c(today_s), "--today", &d->today, &err) != OV_OK) {
        free(d);
        return cli_fail(&err);
    }
    ov_rng_seed(&d->rng, seed);
    d->err = &err;
    const char *db = ov_config_get(&c.cfg, OV_SET_DB);
    if (access(db, F_OK) == 0) {
        free(d);
        ov_err_set(&err, OV_ECONFLICT, "--db",
                   "demo: '%s' already exists; the demo builds a new "
                   "database (remove it or give another --db)",
                   db);
        return cli_fail(&err);
    }
    ov_store_options o = {.db_path = db,
                          .key_path = ov_config_get(&c.cfg, OV_SET_KEY_FILE),
                          .mode = OV_OPEN_INIT};
    ov_store *s;
    if (ov_store_open(&o, &s, &err) != OV_OK) {
        free(d);
        return cli_fail(&err);
    }
    ov_arena *a = ov_arena_new(0);
    ov_tx *tx;
    ov_status st = ov_tx_begin(s, cli_actor(&c, "demodata (overgang demo)"),
                               &tx, &err);
    muni munis[2] = {{.code = 250, .name = "Halsnæs", .postcode_lo = 3300,
                      .postcode_hi = 3390, .suffix = ""},
                     {.code = 550, .name = "Tønder", .postcode_lo = 6270,
                      .postcode_hi = 6280, .suffix = "2"}};
    for (int i = 0; i < 2; i++)
        muni_alloc(&munis[i], d->scale);
    if (st == OV_OK) {
        d->tx = tx;
        for (int i = 0; i < 2 && st == OV_OK; i++)
            st = build_muni(d, &munis[i]);
        /* the national analyst, one citizen and one employer contact */
        if (st == OV_OK &&
            !user(d, "national", "Sofie Andersen",
                  OV_ROLE_NATIONAL_ANALYST, 0, 0, 0, 0))
            st = err.code;
        if (st == OV_OK) {
            ov_course course;
            st = ov_course_get(tx, munis[0].first_citizen_course, a, &course,
                               &err);
            /* the citizen's log-in carries the citizen's own name */
            ov_citizen ci;
            if (st == OV_OK)
                st = ov_citizen_get(tx, course.citizen_id, a, &ci, &err);
            if (st == OV_OK &&
                !user(d, "borger",
                      ov_arena_printf(a, "%.*s", (int)ci.full_name.len,
                                      ci.full_name.ptr),
                      OV_ROLE_CITIZEN, 250, 0, course.citizen_id, 0))
                st = err.code;
            /* the citizen's word on their plan (issue 14): the team reads
             * it on the plan page and in the journal */
            int64_t comment;
            if (st == OV_OK)
                st = ov_plan_comment_add(
                    tx, course.id, 2, false,
                    OV_STR_LIT("Jeg vil gerne starte med færre timer om ugen, "
                               "før jeg skal ud på en arbejdsplads"),
                    &comment, &err);
        }
        if (st == OV_OK &&
            !user(d, "arbejdsgiver", "Birgitte Holm", OV_ROLE_EMPLOYER,
                  250, 0, 0, munis[0].employer_company))
            st = err.code;
        if (st == OV_OK)
            st = ov_tx_commit(tx, &err);
        else
            ov_tx_rollback(tx);
    }
    ov_store_stats stats = {0};
    if (st == OV_OK)
        st = ov_store_stats_get(s, &stats, &err);
    ov_store_close(s);
    ov_arena_destroy(a);
    demo_free(d, munis, 2);
    if (st != OV_OK) {
        unlink(db);
        return cli_fail(&err);
    }
    if (scale == 1)
        printf("demo: %s with %lld citizens and %lld audit rows (seed %" PRIu64
               ")\n",
               db, (long long)stats.citizens, (long long)stats.audit_rows,
               seed);
    else
        printf("demo: %s with %lld citizens and %lld audit rows (seed %" PRIu64
               ", scale %d)\n",
               db, (long long)stats.citizens, (long long)stats.audit_rows,
               seed, scale);
    printf("log-ins, all with password '%s':\n"
           "  Halsnæs: job, social, cti, vk, leder, admin, borger, "
           "arbejdsgiver\n"
           "  Tønder:  job2, social2, cti2, vk2, leder2, admin2\n"
           "  national\n",
           DEMO_PASSWORD);
    return 0;
}
