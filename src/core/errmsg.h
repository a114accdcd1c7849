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
    /* src/model/actor.c */ \
    X(actor_purpose_missing, 0, \
      "no purpose: every access to citizen data must say why (normally " \
      "the course)", \
      "Formålet mangler: enhver adgang til borgerens oplysninger skal " \
      "have et formål (normalt forløbet)") \
    X(actor_purpose_too_long, 1, \
      "purpose longer than %1 bytes; shorten it", \
      "Formålet er længere end %1 tegn; forkort det") \
    X(actor_role_unknown, 1, \
      "unknown role %1", \
      "Ukendt rolle %1") \
    X(actor_role_unknown_code, 2, \
      "%1: unknown role '%2'; use one of employment_caseworker, " \
      "social_caseworker, cti_worker, company_consultant, leader, " \
      "administrator, national_analyst, citizen, employer", \
      "Ukendt rolle '%2'; vælg en af rollerne på listen") \
    X(actor_user_missing, 0, \
      "no acting user: every access must name who acts", \
      "Det er ikke angivet, hvem der handler; log ind igen") \
    X(actor_user_too_long, 1, \
      "acting user name longer than %1 bytes", \
      "Brugernavnet er længere end %1 tegn") \
    /* src/model/course.c */ \
    X(course_end_already_ended, 0, \
      "end_date: the course has already ended", \
      "Forløbet er allerede afsluttet") \
    X(course_end_before_start, 1, \
      "end_date: before the course started (%1); give a later date", \
      "Slutdatoen ligger før forløbet startede (%1); angiv en senere " \
      "dato") \
    X(course_end_in_future, 0, \
      "end_date: in the future; a course is ended on or after the day it " \
      "ends", \
      "Slutdatoen ligger i fremtiden; afslut forløbet på eller efter " \
      "den dag, det slutter") \
    X(course_end_reason_unknown, 0, \
      "end_reason: unknown reason", \
      "Ukendt afslutningsårsag; vælg en årsag på listen") \
    X(course_end_reason_unknown_code, 1, \
      "end_reason: unknown reason '%1'; use ordinary_job, education, " \
      "other_effort, flex_job, health, moved, withdrew or other", \
      "Ukendt afslutningsårsag '%1'; vælg en årsag på listen") \
    X(course_end_text_needed, 0, \
      "end_text: reason 'other' needs a short description", \
      "Årsagen 'Andet' kræver en kort uddybning") \
    X(course_end_text_too_long, 0, \
      "end_text: longer than 500 bytes; shorten it", \
      "Uddybningen er længere end 500 tegn; forkort den") \
    X(course_stage_backwards, 2, \
      "stage: the course is at '%1'; it moves forward only, not to '%2'", \
      "Forløbet er i fasen '%1'; det kan kun gå frem, ikke tilbage til " \
      "'%2'") \
    X(course_stage_end_by_reason, 0, \
      "stage: end a course with its end reason and date, not by setting " \
      "the stage", \
      "Et forløb afsluttes med årsag og dato under 'Afslut forløb', " \
      "ikke ved at skifte fase") \
    X(course_stage_ended, 0, \
      "stage: the course has ended and cannot change", \
      "Forløbet er afsluttet og kan ikke ændres") \
    X(course_stage_unknown, 0, \
      "stage: unknown stage", \
      "Ukendt fase") \
    X(course_stage_unknown_code, 1, \
      "stage: unknown stage '%1'; use screened, drawn, start, plan, " \
      "match, placement, in_job or ended", \
      "Ukendt fase '%1'") \
    /* src/model/cti.c */ \
    X(cti_caseload_range, 0, \
      "caseload_limit: use 1-200 citizens", \
      "Antal borgere pr. CTI-medarbejder skal være 1-200") \
    X(cti_date_after_end, 1, \
      "date: after the CTI course ended (%1)", \
      "Datoen ligger efter CTI-forløbet sluttede (%1); ret datoen") \
    X(cti_date_before_start, 1, \
      "date: before the CTI course started (%1)", \
      "Datoen ligger før CTI-forløbet startede (%1); ret datoen") \
    X(cti_date_in_future, 0, \
      "date: in the future; log a contact after it took place", \
      "Datoen ligger i fremtiden; registrér kontakten, når den har " \
      "fundet sted") \
    X(cti_early_days_range, 0, \
      "early_days: use 0-90 days", \
      "Dage før tid skal være 0-90") \
    X(cti_first_month_range, 0, \
      "min_first_month: use 0-31 contacts", \
      "Kontakter i første måned skal være 0-31") \
    X(cti_focus_area_length, 2, \
      "focus_areas: area %1 of phase %2 must be 1-200 bytes of text", \
      "Fokusområde %1 i fase %2 skal være 1-200 tegn tekst") \
    X(cti_focus_area_twice, 2, \
      "focus_areas: '%1' is chosen twice in phase %2", \
      "'%1' er valgt to gange i fase %2; vælg det én gang") \
    X(cti_focus_areas_count, 2, \
      "focus_areas: phase %1 needs 1-3 focus areas chosen by the " \
      "citizen; got %2", \
      "Fase %1 skal have 1-3 fokusområder, som borgeren har valgt; der " \
      "er %2") \
    X(cti_focus_too_long, 0, \
      "focus: at most 200 bytes of text", \
      "Fokus må højst være 200 tegn tekst") \
    X(cti_form_choose, 0, \
      "form: use meeting, phone, video, workplace or network", \
      "Vælg kontaktform: møde, telefon, video, på arbejdspladsen eller " \
      "netværksmøde") \
    X(cti_form_unknown, 0, \
      "form: unknown form", \
      "Ukendt kontaktform; vælg en på listen") \
    X(cti_interval_decreasing, 2, \
      "interval_days: phase %1 plans more frequent contact than phase " \
      "%2; CTI intensity must decrease", \
      "Fase %1 har hyppigere kontakt end fase %2; i CTI skal " \
      "intensiteten aftage fra fase til fase") \
    X(cti_interval_range, 1, \
      "interval_days: phase %1: use 1-90 days between contacts", \
      "Fase %1: der skal være 1-90 dage mellem kontakterne") \
    X(cti_legal_basis_choose, 0, \
      "legal_basis: use sel_85, sel_82b, lab_31b or other", \
      "Vælg lovgrundlag: SEL § 85, SEL § 82 b, LAB § 31 b eller andet") \
    X(cti_legal_basis_unknown, 0, \
      "legal_basis: unknown legal basis", \
      "Ukendt lovgrundlag; vælg et på listen") \
    X(cti_length_needed_sel85, 0, \
      "length_months: under SEL § 85 the length is an individual " \
      "decision; give it in months (3-24)", \
      "Under SEL § 85 er længden en individuel afgørelse; angiv den i " \
      "måneder (3-24)") \
    X(cti_length_range, 1, \
      "length_months: use 3-24 months; got %1", \
      "Længden skal være 3-24 måneder; du skrev %1") \
    X(cti_minutes_range, 1, \
      "minutes: use 1-600 minutes; got %1", \
      "Minutter skal være 1-600; du skrev %1") \
    /* src/model/draw.c */ \
    X(draw_count_none, 0, \
      "count: draw at least one person", \
      "Træk mindst én person") \
    X(draw_count_too_many, 3, \
      "count: cannot draw %1 from a pool of %2 eligible candidates; draw " \
      "at most %3", \
      "Der kan ikke trækkes %1 blandt %2 kandidater, der kan " \
      "udtrækkes; træk højst %3") \
    X(draw_pool_twice, 1, \
      "pool: candidate %1 appears twice; each candidate may be in the " \
      "pool once", \
      "Kandidat %1 står to gange; hver kandidat må kun være med én gang") \
    /* src/model/match.c */ \
    X(match_accommodation_unknown, 1, \
      "accommodation: unknown kind '%1'", \
      "Ukendt skånebehov '%1'; vælg et på listen") \
    X(match_ordinary_hours_choose, 0, \
      "ordinary_hours: use now, later or not", \
      "Vælg om ordinære timer er mulige nu, senere eller ikke") \
    X(match_weights_negative, 0, \
      "weights: no weight may be negative", \
      "Ingen vægt må være negativ") \
    X(match_weights_sum, 1, \
      "weights: must sum to 100; they sum to %1", \
      "Vægtene skal give 100 tilsammen; de giver %1") \
    /* src/model/measure.c */ \
    X(measure_instrument_unknown, 0, \
      "instrument: unknown instrument; use who5, gse or readiness", \
      "Ukendt måleredskab; vælg WHO-5, GSE eller parathed") \
    X(measure_item_range, 4, \
      "%1: must be %2-%3, got %4", \
      "Svaret skal være %2-%3; du skrev %4") \
    X(measure_items_count, 4, \
      "items: %1 has %2 item%3; got %4", \
      "%1 har %2 spørgsmål; der er svar på %4. Besvar alle spørgsmål") \
    X(measure_tolerance_range, 3, \
      "measure_tolerance_days: use 0-%1 days (default %2); got %3", \
      "Tolerancen skal være 0-%1 dage (standard %2); du skrev %3") \
    X(measure_unknown_code, 3, \
      "%1: unknown value '%2'; use %3", \
      "Ukendt værdi '%2'; brug %3") \
    /* src/model/meeting.c */ \
    X(meeting_domain_unknown, 3, \
      "%1: unknown life domain '%2'; use one of the configured domains " \
      "(e.g. %3)", \
      "Ukendt livsområde '%2'; brug et af de opsatte livsområder (fx " \
      "%3)") \
    X(meeting_followup_interval_range, 1, \
      "followup_interval_weeks: use 1-26 weeks (default 4); got %1", \
      "Opfølgningsintervallet skal være 1-26 uger (standard 4); du " \
      "skrev %1") \
    X(meeting_rating_range, 2, \
      "%1: the rating is 0-4 (or empty when not rated); got %2", \
      "Vurderingen skal være 0-4 (eller tom, hvis der ikke vurderes); " \
      "du skrev %2") \
    X(text_control_char, 1, \
      "%1: contains a control character; remove it", \
      "Teksten indeholder et kontroltegn; fjern det") \
    X(text_not_utf8, 1, \
      "%1: not valid UTF-8; save the input as UTF-8", \
      "Teksten indeholder ugyldige tegn (ikke UTF-8); gem den som " \
      "UTF-8 og prøv igen") \
    X(text_too_long, 2, \
      "%1: longer than %2 bytes; shorten it", \
      "Teksten er længere end %2 tegn; forkort den") \
    /* src/model/org.c */ \
    X(org_municipality_code, 1, \
      "municipality_code: %1 is not a kommunekode; use the three-digit " \
      "code 101-860 (Halsnæs 250, Tønder 550)", \
      "%1 er ikke en kommunekode; brug den trecifrede kode 101-860 " \
      "(Halsnæs 250, Tønder 550)") \
    X(org_name_empty, 1, \
      "%1: is empty; give a name", \
      "Navnet er tomt; skriv et navn") \
    X(org_team_name_too_long, 1, \
      "team_name: longer than %1 bytes; shorten it", \
      "Teamets navn er længere end %1 tegn; forkort det") \
    X(org_username_chars, 0, \
      "username: use only a-z, 0-9, '.', '_' and '-'", \
      "Brugernavnet må kun indeholde a-z, 0-9, '.', '_' og '-'") \
    X(org_username_first, 0, \
      "username: must start with a lower-case letter a-z", \
      "Brugernavnet skal begynde med et lille bogstav a-z") \
    X(org_username_length, 2, \
      "username: must be %1-%2 characters", \
      "Brugernavnet skal være %1-%2 tegn") \
    /* src/model/placement.c */ \
    X(placement_company_choose, 0, \
      "company_id: choose the company of the placement", \
      "Vælg virksomheden for virksomhedsforløbet") \
    X(placement_end_before_start, 0, \
      "end: before the start date; give a later date", \
      "Slutdatoen ligger før startdatoen; angiv en senere dato") \
    X(placement_goals_none, 0, \
      "goals: give at least one goal for progression toward ordinary " \
      "hours", \
      "Angiv mindst ét mål for progression mod ordinære timer") \
    X(placement_goals_too_many, 1, \
      "goals: at most %1 goals", \
      "Højst %1 mål") \
    X(placement_hours_decimal, 1, \
      "%1: write hours per week as a number with at most one decimal, " \
      "e.g. 12,5", \
      "Skriv timer pr. uge som et tal med højst én decimal, fx 12,5") \
    X(placement_hours_max, 1, \
      "%1: at most 60 hours a week", \
      "Højst 60 timer pr. uge") \
    X(placement_hours_number, 1, \
      "%1: write hours per week as a number, e.g. 12,5", \
      "Skriv timer pr. uge som et tal, fx 12,5") \
    X(placement_hours_sum, 0, \
      "ordinary_hours: internship and ordinary hours together exceed 60 " \
      "a week", \
      "Praktiktimer og ordinære timer er tilsammen over 60 pr. uge") \
    X(placement_internship_hours_range, 0, \
      "internship_hours: use 0-60 hours a week", \
      "Praktiktimer skal være 0-60 pr. uge") \
    X(placement_ordinary_hours_range, 0, \
      "ordinary_hours: use 0-60 hours a week", \
      "Ordinære timer skal være 0-60 pr. uge") \
    X(placement_review_after_end, 0, \
      "review_date: after the placement ends", \
      "Revisionsdatoen ligger efter virksomhedsforløbet slutter; vælg " \
      "en dato i forløbet") \
    X(placement_review_before_start, 0, \
      "review_date: before the placement starts; choose a date in the " \
      "placement", \
      "Revisionsdatoen ligger før virksomhedsforløbet starter; vælg en " \
      "dato i forløbet") \
    X(placement_signer_choose, 0, \
      "signer: use citizen, consultant or employer", \
      "Vælg hvem der underskriver: borgeren, virksomhedskonsulenten " \
      "eller arbejdsgiveren") \
    X(placement_start_before_meeting, 1, \
      "start: the placement cannot start before the start meeting (%1)", \
      "Virksomhedsforløbet kan ikke starte før opstartsmødet (%1); " \
      "angiv en senere dato") \
    X(placement_start_needs_meeting, 0, \
      "start: hold a complete start meeting before the placement", \
      "Hold et fuldt bemandet opstartsmøde, før virksomhedsforløbet " \
      "starter") \
    X(placement_type_choose, 0, \
      "type: unknown placement type; use internship, wage_subsidy, " \
      "flex_job or ordinary_job", \
      "Vælg forløbstype: praktik, løntilskud, fleksjob eller ordinært " \
      "job") \
    X(placement_type_unknown, 0, \
      "type: unknown placement type", \
      "Ukendt forløbstype; vælg en på listen") \
    X(placement_week_hours_range, 0, \
      "hours: use 0-60 hours in the week in total", \
      "Ugens timer skal i alt være 0-60") \
    X(placement_week_not_exist, 1, \
      "week: %1 does not exist; ISO years have 52 or 53 weeks", \
      "Ugen %1 findes ikke; et år har 52 eller 53 uger") \
    X(placement_week_outside, 1, \
      "week: %1 is outside the placement", \
      "Ugen %1 ligger uden for virksomhedsforløbet") \
    X(placement_weekly_hours_range, 0, \
      "weekly_hours: use 0-60 hours a week", \
      "Timer pr. uge skal være 0-60") \
    X(text_not_utf8_short, 1, \
      "%1: not valid UTF-8", \
      "Teksten indeholder ugyldige tegn (ikke UTF-8)") \
    X(text_required, 1, \
      "%1: required; fill it in", \
      "Skal udfyldes") \
    /* src/model/plan.c */ \
    X(plan_changed_meanwhile, 2, \
      "base_version: the plan was changed by someone else (now version " \
      "%1, you edited version %2); reload and apply your change again", \
      "Planen er ændret af en anden imens (nu version %1, du " \
      "redigerede version %2); genindlæs og gentag din ændring") \
    X(plan_goal_invalid, 2, \
      "%1: unknown status or more than %2 sub-goals", \
      "Målet har en ukendt status eller mere end %2 delmål") \
    X(plan_id_positive, 1, \
      "%1.id: must be a positive number", \
      "Nummeret skal være et positivt tal (%1)") \
    X(plan_id_twice, 2, \
      "%1.id: %2 is used twice in the plan", \
      "Nummeret %2 bruges to gange i planen") \
    X(plan_json_array, 1, \
      "%1: expected an array", \
      "Planen er forkert opbygget: %1 skal være en liste") \
    X(plan_json_date, 1, \
      "%1: expected YYYY-MM-DD or null", \
      "Datoen i %1 skal skrives som ÅÅÅÅ-MM-DD eller være tom") \
    X(plan_json_id, 1, \
      "%1.id: expected a positive integer", \
      "Planen er forkert opbygget: %1.id skal være et positivt heltal") \
    X(plan_json_invalid, 3, \
      "plan: not valid JSON at line %1 column %2: %3", \
      "Planen er ikke gyldig JSON (linje %1, kolonne %2): %3") \
    X(plan_json_missing, 1, \
      "%1: missing", \
      "Planen er forkert opbygget: %1 mangler") \
    X(plan_json_object, 1, \
      "%1: expected an object", \
      "Planen er forkert opbygget: %1 skal være et JSON-objekt") \
    X(plan_json_status, 1, \
      "%1.status: use planned, in_progress, done or cancelled", \
      "Status skal være planlagt, i gang, gennemført eller annulleret " \
      "(%1)") \
    X(plan_json_string, 1, \
      "%1: expected a string", \
      "Planen er forkert opbygget: %1 skal være en tekst") \
    X(plan_json_too_big, 0, \
      "plan: larger than 1 MiB; a plan is never that big", \
      "Planen er større end 1 MiB; så stor bliver en plan aldrig") \
    X(plan_json_too_many, 2, \
      "%1: at most %2 entries", \
      "%1 må højst have %2 punkter") \
    X(plan_json_unknown_field, 2, \
      "%1: unknown field '%2'", \
      "Planen er forkert opbygget: ukendt felt '%2' i %1") \
    X(plan_occupation_code, 0, \
      "occupation: a DISCO-08 occupation code has 4 digits, e.g. 9321", \
      "Stillingskoden (DISCO-08) har 4 cifre, fx 9321") \
    X(plan_responsible_choose, 1, \
      "%1: use a caseworker, the CTI worker, the company consultant or " \
      "the citizen", \
      "Ansvarlig skal være en sagsbehandler, CTI-medarbejderen, " \
      "virksomhedskonsulenten eller borgeren") \
    X(plan_status_unknown, 1, \
      "%1: unknown status", \
      "Ukendt status; vælg en på listen") \
    X(plan_subgoal_invalid, 2, \
      "%1: unknown status or more than %2 activities", \
      "Delmålet har en ukendt status eller mere end %2 indsatser") \
    X(plan_text_control_char, 1, \
      "%1: contains a control character", \
      "Teksten indeholder et kontroltegn; fjern det") \
    X(plan_text_required, 1, \
      "%1: required; write a text", \
      "Skal udfyldes; skriv en tekst") \
    /* src/model/screening.c */ \
    X(screening_birth_after_reference, 2, \
      "birth: %1 is after the reference date %2; check the CPR number or " \
      "the reference date", \
      "Fødselsdatoen %1 ligger efter skæringsdatoen %2; tjek " \
      "CPR-nummeret eller skæringsdatoen") \
    X(screening_min_age_range, 1, \
      "min_age: use 18-67 years (default 30); got %1", \
      "Minimumsalderen skal være 18-67 år (standard 30); du skrev %1") \
    X(screening_min_months_range, 1, \
      "min_months_unemployed: use 0-120 months (default 12); got %1", \
      "Mindste ledighedsperiode skal være 0-120 måneder (standard 12); " \
      "du skrev %1") \
    X(screening_months_range, 2, \
      "months_unemployed: use 0-%1 whole months; got %2", \
      "Ledighedsperioden skal være 0-%1 hele måneder; der står %2") \
    X(screening_reason_text_needed, 0, \
      "reason_text: reason 'other' needs a short description of why", \
      "Årsagen 'Andet' kræver en kort begrundelse") \
    X(screening_reason_text_too_long, 2, \
      "reason_text: %1 bytes is longer than %2; shorten it", \
      "Begrundelsen er %1 tegn, mere end de tilladte %2; forkort den") \
    X(screening_reason_text_utf8, 0, \
      "reason_text: not valid UTF-8; retype the text", \
      "Begrundelsen indeholder ugyldige tegn (ikke UTF-8); skriv " \
      "teksten igen") \
    X(screening_reason_unknown, 0, \
      "reason: unknown reason; use company_activity, prison, health, " \
      "declined or other", \
      "Ukendt udelukkelsesårsag; vælg en årsag på listen") \
    X(screening_reason_unknown_code, 1, \
      "reason: unknown reason '%1'; use company_activity, prison, " \
      "health, declined or other", \
      "Ukendt udelukkelsesårsag '%1'; vælg en årsag på listen") \
    /* src/model/settings.c */ \
    X(settings_domain_label, 1, \
      "life_domains: line %1: the label must be 1-63 bytes of text", \
      "Linje %1: navnet skal være 1-63 tegn tekst") \
    X(settings_domain_syntax, 1, \
      "life_domains: line %1: write code=Label with a code of a-z, 0-9 " \
      "and _ (e.g. housing=Bolig)", \
      "Linje %1: skriv kode=Navn med en kode af a-z, 0-9 og _ (fx " \
      "bolig=Bolig)") \
    X(settings_domain_twice, 2, \
      "life_domains: line %1: '%2' appears twice", \
      "Linje %1: '%2' står to gange") \
    X(settings_domains_count, 1, \
      "life_domains: give 1-%1 domains", \
      "Angiv 1-%1 livsområder") \
    X(settings_domains_none, 0, \
      "life_domains: give at least one domain", \
      "Angiv mindst ét livsområde") \
    X(settings_domains_too_many, 1, \
      "life_domains: at most %1 domains", \
      "Højst %1 livsområder") \
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
