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
    /* src/core/cpr.c */ \
    X(cpr_dash_position, 2, \
      "%1: the dash may only come right after the sixth digit " \
      "(DDMMYY-SSSS); character %2 is a dash", \
      "Bindestregen må kun stå efter det sjette ciffer (DDMMÅÅ-LLLL); " \
      "tegn nr. %2 er en bindestreg") \
    X(cpr_day, 3, \
      "%1: day %2 does not exist in %3; the first six digits are the " \
      "birth date DDMMYY", \
      "Dag %2 findes ikke i den måned; de første seks cifre er " \
      "fødselsdatoen DDMMÅÅ") \
    X(cpr_length, 2, \
      "%1: a CPR number has 10 digits (DDMMYY-SSSS); got %2", \
      "Et CPR-nummer har 10 cifre (DDMMÅÅ-LLLL); der er %2") \
    X(cpr_month, 2, \
      "%1: month %2 does not exist; the first six digits are the birth " \
      "date DDMMYY", \
      "Måned %2 findes ikke; de første seks cifre er fødselsdatoen " \
      "DDMMÅÅ") \
    X(cpr_no_leap_day, 2, \
      "%1: 29 February does not exist in %2 (not a leap year; the " \
      "century follows from the seventh digit)", \
      "29. februar findes ikke i %2 (ikke skudår; århundredet følger " \
      "af det syvende ciffer); tjek CPR-nummeret") \
    X(cpr_not_digit, 2, \
      "%1: a CPR number has only digits and an optional dash after the " \
      "sixth digit (DDMMYY-SSSS); character %2 is not a digit", \
      "Et CPR-nummer har kun cifre og evt. en bindestreg efter det " \
      "sjette ciffer (DDMMÅÅ-LLLL); tegn nr. %2 er ikke et ciffer") \
    /* src/core/csv.c */ \
    X(csv_field_too_long, 3, \
      "line %1: field %2 is longer than %3 bytes", \
      "Linje %1: felt %2 er længere end %3 tegn") \
    X(csv_quote_inside, 2, \
      "line %1: a quote inside unquoted field %2; quote the whole field", \
      "Linje %1: et anførselstegn midt i felt %2; sæt anførselstegn om " \
      "hele feltet") \
    X(csv_text_after_quote, 2, \
      "line %1: text after the closing quote of field %2", \
      "Linje %1: der står tekst efter det afsluttende anførselstegn i " \
      "felt %2") \
    X(csv_too_many_fields, 2, \
      "line %1: more than %2 fields; check the separator and the number " \
      "of columns", \
      "Linje %1: mere end %2 felter; tjek skilletegnet og antallet af " \
      "kolonner") \
    X(csv_unterminated_quote, 2, \
      "line %1: unterminated quoted field %2; close it with '\"'", \
      "Linje %1: felt %2 har et anførselstegn, der ikke lukkes; luk " \
      "feltet med \"") \
    /* src/core/cvr.c */ \
    X(cvr_check_digit, 2, \
      "%1: '%2' fails the CVR check digit (modulus 11); check for a " \
      "typing error", \
      "CVR-nummeret '%2' passer ikke med kontrolcifferet (modulus 11); " \
      "tjek for en tastefejl") \
    X(cvr_leading_zero, 1, \
      "%1: a CVR number does not start with 0", \
      "Et CVR-nummer begynder ikke med 0") \
    X(cvr_length, 2, \
      "%1: a CVR number has 8 digits; got %2", \
      "Et CVR-nummer har 8 cifre; der er %2") \
    X(cvr_not_digit, 2, \
      "%1: a CVR number has only digits (8 of them, spaces allowed); " \
      "character %2 is not a digit", \
      "Et CVR-nummer har kun cifre (8, mellemrum er tilladt); tegn nr. " \
      "%2 er ikke et ciffer") \
    /* src/core/date.c */ \
    X(date_day_dk, 5, \
      "%1: %2 has no such day (%3 %4 has %5 days); use DD-MM-YYYY", \
      "Dagen findes ikke (måneden har %5 dage); skriv datoen som " \
      "DD-MM-ÅÅÅÅ") \
    X(date_day_iso, 5, \
      "%1: %2 has no such day (%3 %4 has %5 days); use YYYY-MM-DD", \
      "Dagen findes ikke (måneden har %5 dage); skriv datoen som " \
      "ÅÅÅÅ-MM-DD") \
    X(date_month_dk, 3, \
      "%1: %2 has no such month (%3); use DD-MM-YYYY with a month 01-12", \
      "Måned %3 findes ikke; skriv datoen som DD-MM-ÅÅÅÅ med en måned " \
      "01-12") \
    X(date_month_iso, 3, \
      "%1: %2 has no such month (%3); use YYYY-MM-DD with a month 01-12", \
      "Måned %3 findes ikke; skriv datoen som ÅÅÅÅ-MM-DD med en måned " \
      "01-12") \
    X(date_not_a_date, 2, \
      "%1: %2 is not a date; use YYYY-MM-DD or DD-MM-YYYY, e.g. " \
      "2026-11-22 or 22-11-2026", \
      "Det er ikke en dato; skriv den som DD-MM-ÅÅÅÅ eller ÅÅÅÅ-MM-DD, " \
      "fx 22-11-2026") \
    X(date_not_dk, 2, \
      "%1: %2 is not a date; use DD-MM-YYYY, e.g. 22-11-2026", \
      "Det er ikke en dato; skriv den som DD-MM-ÅÅÅÅ, fx 22-11-2026") \
    X(date_not_iso, 2, \
      "%1: %2 is not a date; use YYYY-MM-DD, e.g. 2026-11-22", \
      "Det er ikke en dato; skriv den som ÅÅÅÅ-MM-DD, fx 2026-11-22") \
    X(date_time_dst_gap, 3, \
      "time: %1 on %2 does not exist in Copenhagen (the clocks jump from " \
      "02:00 to 03:00); use %3", \
      "Klokken %1 den %2 findes ikke i Danmark (uret stilles fra 02:00 " \
      "til 03:00); brug %3") \
    X(date_time_of_day, 1, \
      "time: %1 is not a time of day; use HH:MM between 00:00 and 23:59", \
      "%1 er ikke et klokkeslæt; skriv TT:MM mellem 00:00 og 23:59") \
    X(date_utc_calendar, 2, \
      "%1: %2 is not a date in the calendar; use " \
      "YYYY-MM-DDTHH:MM:SS.mmmZ, e.g. 2026-11-22T21:38:05.123Z", \
      "%2 er ikke en dato i kalenderen; skriv tidspunktet som " \
      "ÅÅÅÅ-MM-DDTTT:MM:SS.mmmZ") \
    X(date_utc_digit, 1, \
      "%1: not a UTC time (a non-digit where a digit belongs); use " \
      "YYYY-MM-DDTHH:MM:SS.mmmZ, e.g. 2026-11-22T21:38:05.123Z", \
      "Tidspunktet har et tegn, der ikke er et ciffer, hvor der skal " \
      "stå et ciffer; skriv det som ÅÅÅÅ-MM-DDTTT:MM:SS.mmmZ") \
    X(date_utc_form, 1, \
      "%1: not a UTC time; use YYYY-MM-DDTHH:MM:SS.mmmZ, e.g. " \
      "2026-11-22T21:38:05.123Z", \
      "Tidspunktet skal være i UTC som ÅÅÅÅ-MM-DDTTT:MM:SS.mmmZ, fx " \
      "2026-11-22T21:38:05.123Z") \
    X(date_utc_time_of_day, 2, \
      "%1: %2 is not a time of day (00:00:00 to 23:59:59); use " \
      "YYYY-MM-DDTHH:MM:SS.mmmZ, e.g. 2026-11-22T21:38:05.123Z", \
      "%2 er ikke et klokkeslæt (00:00:00 til 23:59:59); skriv " \
      "tidspunktet som ÅÅÅÅ-MM-DDTTT:MM:SS.mmmZ") \
    X(date_year_dk, 2, \
      "%1: %2 has no year; use DD-MM-YYYY", \
      "Datoen mangler et år; skriv den som DD-MM-ÅÅÅÅ") \
    X(date_year_iso, 2, \
      "%1: %2 has no year; use YYYY-MM-DD", \
      "Datoen mangler et år; skriv den som ÅÅÅÅ-MM-DD") \
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
    /* src/model/attention.c */ \
    X(attention_caseload_limit, 0, \
      "caseload_limit: use 0 (no target) to 200 courses", \
      "Angiv et måltal for sagsstammen fra 0 (intet mål) til 200 " \
      "forløb") \
    X(attention_followup_weeks, 0, \
      "followup_interval_weeks: use 1-26 weeks", \
      "Angiv opfølgningsintervallet som 1-26 uger") \
    X(attention_no_placement_months, 0, \
      "no_placement_months: use 1-36 months after the start meeting", \
      "Angiv 1-36 måneder efter opstartsmødet") \
    X(attention_reason_unknown, 0, \
      "reason: use followup_overdue, no_placement, " \
      "agreement_unsigned, cti_no_plan_after, who5_dropped or " \
      "caseload_over", \
      "Ukendt årsag til opmærksomhed; vælg en årsag på listen") \
    X(attention_who5_drop, 0, \
      "who5_drop: use 1-100 WHO-5 points", \
      "Angiv faldet i WHO-5 som 1-100 point") \
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
      "CTI må starte højst 0-90 dage før tid; angiv 0-90 dage") \
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
    X(cti_note_too_long, 1, \
      "note: at most %1 bytes of text", \
      "Notatet må højst være %1 tegn; skriv det korteste, der er vigtigt") \
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
    /* src/model/extract.c */ \
    X(extract_file_not_extract, 0, \
      "--file: not a monitoring extract (it does not start with " \
      "\"OVMX\"); give the file 'overgang monitor export' wrote", \
      "Filen er ikke et monitoreringsudtræk (den begynder ikke med " \
      "\"OVMX\"); brug den fil, som 'overgang monitor export' skrev") \
    X(extract_file_version, 2, \
      "--file: format version %1; this overgang reads version %2: " \
      "upgrade overgang", \
      "Filen har formatversion %1; denne udgave af overgang læser " \
      "version %2: opdater overgang") \
    X(extract_key_other_agency, 2, \
      "--key: the file was encrypted for another agency key (id %1); " \
      "this key has id %2. Give the agency.key whose agency.pub the " \
      "municipality used", \
      "Filen er krypteret til en anden styrelsesnøgle (id %1); denne " \
      "nøgle har id %2. Brug den agency.key, hvis agency.pub kommunen " \
      "brugte") \
    X(extract_key_wrong, 0, \
      "--key: the file's key does not open with this agency key; give " \
      "the agency.key that belongs to the agency.pub the municipality " \
      "used", \
      "Filens nøgle kan ikke åbnes med denne styrelsesnøgle; brug den " \
      "agency.key, der hører til den agency.pub, kommunen brugte") \
    X(extract_municipality_code, 1, \
      "--municipality: %1 is not a kommunekode (101-860)", \
      "%1 er ikke en kommunekode; en kommunekode er et tal fra 101 " \
      "til 860") \
    X(extract_period_order, 3, \
      "%1: the period ends (%2) before it starts (%3); give FROM..TO " \
      "with FROM on or before TO", \
      "Perioden slutter (%2), før den begynder (%3); angiv FRA..TIL " \
      "med FRA på eller før TIL") \
    X(extract_period_records, 2, \
      "--period: %1 courses is more than one extract holds (%2); give " \
      "a shorter period", \
      "%1 forløb er flere, end ét udtræk kan rumme (%2); vælg en " \
      "kortere periode") \
    X(extract_period_too_big, 0, \
      "--period: the extract would be larger than 1 GiB; give a " \
      "shorter period", \
      "Udtrækket ville blive større end 1 GiB; vælg en kortere " \
      "periode") \
    X(extract_record_too_big, 1, \
      "a record or the extract is larger than %1 bytes; give a " \
      "shorter period", \
      "En post eller hele udtrækket er større end %1 byte; vælg en " \
      "kortere periode") \
    /* src/model/indicators.c */ \
    X(ind_informational, 2, \
      "%1: line %2: this indicator is informational and has no " \
      "thresholds", \
      "Linje %2: denne indikator er kun til orientering og har ingen " \
      "grænser; slet linjen") \
    X(ind_period_order, 2, \
      "to: the period ends (%1) before it begins (%2); give a 'to' " \
      "date on or after 'from'", \
      "Perioden slutter (%1), før den begynder (%2); vælg en slutdato " \
      "på eller efter startdatoen") \
    X(ind_period_too_long, 2, \
      "from: the period %1 to %2 is longer than 20 years; give a " \
      "shorter one", \
      "Perioden %1 til %2 er længere end 20 år; vælg en kortere " \
      "periode") \
    X(ind_plan_days, 1, \
      "plan_days: use 1-365 days from the start meeting to a plan " \
      "with a job goal; got %1", \
      "Angiv 1-365 dage fra opstartsmødet til en plan med jobmål; fik " \
      "%1") \
    X(ind_plan_days_whole, 1, \
      "plan_days: line %1: give whole days", \
      "Linje %1: angiv antal dage som et helt tal") \
    X(ind_rules_syntax, 1, \
      "indicator_rules: line %1: write id=green,yellow (e.g. " \
      "agreement_signed=90,75) or plan_days=30", \
      "Linje %1: skriv id=grøn,gul (fx agreement_signed=90,75) eller " \
      "plan_days=30") \
    X(ind_threshold_range, 5, \
      "%1: thresholds must be %2-%3; got %4,%5", \
      "Grænserne skal ligge fra %2 til %3; fik %4 og %5") \
    X(ind_threshold_two, 4, \
      "%1: line %2: write two numbers, green and yellow, e.g. " \
      "%1=%3,%4", \
      "Linje %2: skriv to tal, den grønne og den gule grænse, fx " \
      "%1=%3,%4") \
    X(ind_unknown, 1, \
      "indicator: unknown indicator '%1'; see docs/indicators.md for " \
      "the ids", \
      "Indikatoren '%1' findes ikke; vælg en indikator på listen") \
    X(ind_yellow_above_green, 3, \
      "%1: higher is better, so the yellow threshold (%2) may not be " \
      "above the green (%3)", \
      "Her er højere bedre, så den gule grænse (%2) må ikke ligge " \
      "over den grønne (%3)") \
    X(ind_yellow_below_green, 3, \
      "%1: lower is better, so the yellow threshold (%2) may not be " \
      "below the green (%3)", \
      "Her er lavere bedre, så den gule grænse (%2) må ikke ligge " \
      "under den grønne (%3)") \
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
    X(measure_item_range, 5, \
      "%1 (question %5): must be %2-%3, got %4", \
      "Spørgsmål %5: svaret skal være %2-%3; du skrev %4") \
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
    X(meeting_rating_range, 3, \
      "%1: the rating of %3 is 0-4 (or empty when not rated); got %2", \
      "%3: vurderingen skal være 0-4 (eller tom, hvis der ikke " \
      "vurderes); du skrev %2") \
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
    /* src/model/note.c */ \
    X(note_corrects_invalid, 0, \
      "corrects: the id of the note corrected, a whole number, or empty", \
      "Rettelsen skal pege på et notat; vælg notatet igen fra journalen") \
    X(note_date_in_future, 0, \
      "date: in the future; a note records what has happened, dated today " \
      "or earlier", \
      "Datoen ligger i fremtiden; et notat skrives om noget, der er sket, " \
      "med dags dato eller tidligere") \
    X(note_date_missing, 0, \
      "date: missing; give the date it happened (YYYY-MM-DD)", \
      "Skriv datoen for det, notatet handler om") \
    X(note_subject_missing, 0, \
      "subject: missing; say in a few words what the note is about", \
      "Skriv et emne: hvad handler notatet om, med få ord") \
    X(note_subject_too_long, 1, \
      "subject: at most %1 bytes; put the rest in the text", \
      "Emnet må højst være %1 tegn; skriv resten i teksten") \
    X(note_text_missing, 0, \
      "text: missing; write what happened or was said", \
      "Skriv notatets tekst: hvad skete der, eller hvad blev sagt") \
    X(note_text_too_long, 1, \
      "text: at most %1 bytes; split it into two notes", \
      "Teksten må højst være %1 tegn; del den i to notater") \
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
    X(json_field_missing, 1, \
      "%1: missing", \
      "%1 mangler") \
    X(json_field_not_string, 1, \
      "%1: expected a string", \
      "%1 skal være en tekst") \
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
    X(plan_json_object, 1, \
      "%1: expected an object", \
      "Planen er forkert opbygget: %1 skal være et JSON-objekt") \
    X(plan_json_status, 1, \
      "%1.status: use planned, in_progress, done or cancelled", \
      "Status skal være planlagt, i gang, gennemført eller annulleret " \
      "(%1)") \
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
    X(settings_no_placement_months, 1, \
      "attention_no_placement_months: use 1-36 months after the start " \
      "meeting; got %1", \
      "Angiv 1-36 måneder efter opstartsmødet; fik %1") \
    /* src/model/suppress.c */ \
    X(suppress_k_min, 4, \
      "%1: %2 is below the smallest allowed threshold; figures built " \
      "on fewer than %3 citizens are always hidden (default %4): give " \
      "%3 or more", \
      "%2 er under den mindste tilladte grænse; tal, der bygger på " \
      "færre end %3 borgere, skjules altid (standard %4): angiv %3 " \
      "eller mere") \
    X(suppress_negative_count, 3, \
      "table: cell (%1, %2) has a negative count of citizens (%3); " \
      "counts are 0 or more", \
      "Celle (%1, %2) har et negativt antal borgere (%3); et antal er " \
      "0 eller mere") \
    X(suppress_table_too_big, 4, \
      "table: %1 x %2 cells is more than suppression handles (%3 " \
      "lines, %4 cells); split the table", \
      "Tabellen med %1 x %2 celler er større, end diskretioneringen " \
      "kan håndtere (%3 linjer, %4 celler); del tabellen op") \
    /* src/store/activity.c */ \
    X(activity_municipality_unknown, 2, \
      "municipality: no municipality %1 in this database (it has: %2); " \
      "give one of those kommunekoder", \
      "Kommune %1 findes ikke i denne database (den har: %2); vælg en af " \
      "disse kommunekoder") \
    X(activity_period, 2, \
      "from: the period starts on %1, after its end %2; give the first " \
      "day first", \
      "Perioden begynder %1, efter at den slutter (%2); angiv den første " \
      "dag først") \
    /* src/store/anchor.c */ \
    X(anchor_file_exists, 1, \
      "--db: '%1' holds the audit anchors of an earlier database at this " \
      "path; move it away (keep it: it proves that database's audit log) " \
      "before creating a new one", \
      "Databasestien '%1' har allerede revisionsankre fra en tidligere " \
      "database; flyt filen væk (gem den: den beviser den databases " \
      "revisionslog), før en ny database oprettes") \
    /* src/store/audit.c */ \
    X(audit_criterion_too_long, 1, \
      "audit criterion longer than %1 bytes", \
      "Et søgekriterie til revisionsloggen er længere end %1 tegn") \
    /* src/store/audit_log.c */ \
    X(audit_journal_changing, 0, \
      "the read-audit journal kept changing while it was read; run audit " \
      "verify again", \
      "Læseloggen blev ved med at ændre sig, mens den blev læst; kør " \
      "kontrollen af revisionsloggen igen") \
    X(audit_log_limit_range, 0, \
      "limit: show 1-5000 rows", \
      "Vis 1-5000 rækker") \
    X(audit_log_needs_municipality, 0, \
      "municipality_code: the audit log is read per municipality; give " \
      "its code", \
      "Revisionsloggen læses pr. kommune; angiv kommunekoden") \
    X(audit_log_period_reversed, 0, \
      "to: the period ends before it starts; swap the dates", \
      "Perioden slutter, før den begynder; byt om på datoerne") \
    X(audit_retention_too_short, 4, \
      "audit_retention_months: audit rows are kept at least %1 months; " \
      "the cutoff %2 is later than %3; set a retention of %4 months or " \
      "more", \
      "Revisionsrækker gemmes mindst %1 måneder; skæringsdatoen %2 " \
      "ligger efter %3; vælg en opbevaringsperiode på %4 måneder eller " \
      "mere") \
    /* src/store/backup.c */ \
    X(backup_cannot_create, 3, \
      "%1: cannot create '%2': %3", \
      "'%2' kan ikke oprettes: %3") \
    X(backup_path_too_long, 1, \
      "%1: path too long", \
      "Stien er for lang") \
    X(backup_source_not_overgang, 1, \
      "--from: '%1' is not an overgang database (no schema version)", \
      "'%1' er ikke en overgang-database (ingen skemaversion)") \
    X(backup_target_exists, 2, \
      "%1: '%2' already exists; choose a new file name (overgang never " \
      "overwrites a database or backup)", \
      "'%2' findes allerede; vælg et nyt filnavn (overgang overskriver " \
      "aldrig en database eller en sikkerhedskopi)") \
    /* src/store/citizen.c */ \
    X(citizen_cpr_exists, 1, \
      "cpr: a citizen with this CPR number already exists (id %1); open " \
      "that citizen instead", \
      "Der findes allerede en borger med dette CPR-nummer (id %1); åbn " \
      "den borger i stedet") \
    X(citizen_cpr_taken, 1, \
      "cpr: this CPR number belongs to another citizen (id %1)", \
      "CPR-nummeret tilhører en anden borger (id %1)") \
    X(citizen_name_control_char, 1, \
      "%1: the name contains a control character; remove it", \
      "Navnet indeholder et kontroltegn; fjern det") \
    X(citizen_name_empty, 1, \
      "%1: the name is empty; give the citizen's name", \
      "Navnet er tomt; skriv borgerens navn") \
    X(citizen_name_too_long, 2, \
      "%1: the name is longer than %2 bytes; shorten it", \
      "Navnet er længere end %2 tegn; forkort det") \
    X(citizen_name_utf8, 1, \
      "%1: the name is not valid UTF-8; save the input as UTF-8", \
      "Navnet indeholder ugyldige tegn (ikke UTF-8); gem det som UTF-8") \
    X(citizen_not_found, 1, \
      "no citizen with id %1", \
      "Der findes ingen borger med id %1") \
    X(citizen_update_empty, 0, \
      "nothing to update: give a name or a CPR number", \
      "Der er intet at opdatere; angiv et navn eller et CPR-nummer") \
    /* src/store/course.c */ \
    X(course_citizen_has_open, 1, \
      "citizen_id: the citizen already has an open course (%1); end it " \
      "first", \
      "Borgeren har allerede et åbent forløb (%1); afslut det først") \
    X(course_citizen_not_found, 1, \
      "citizen_id: no citizen %1", \
      "Borgeren %1 findes ikke") \
    X(course_date_before_start, 0, \
      "date: before the course started", \
      "Datoen ligger før forløbet startede; ret datoen") \
    X(course_ended, 0, \
      "course_id: the course has ended", \
      "Forløbet er afsluttet") \
    X(course_list_no_persons, 0, \
      "your role sees no person-level courses", \
      "Din rolle ser ikke forløb for enkelte borgere") \
    X(course_not_found, 1, \
      "course_id: no course %1", \
      "Forløbet %1 findes ikke") \
    X(course_not_visible, 1, \
      "no course %1 that you may see", \
      "Forløbet %1 findes ikke, eller du har ikke adgang til det") \
    X(course_record_not_found, 3, \
      "%1: no %2 %3", \
      "Posten %3 findes ikke, eller du har ikke adgang til den") \
    X(course_staff_role, 0, \
      "role: only caseworkers, the CTI worker and the company consultant " \
      "are named on a course", \
      "Kun sagsbehandlere, CTI-medarbejderen og virksomhedskonsulenten " \
      "knyttes til et forløb") \
    X(course_stage_new_open, 0, \
      "stage: a new course starts in an open stage", \
      "Et nyt forløb skal starte i en åben fase") \
    X(course_team_not_found, 1, \
      "team_id: no team %1", \
      "Teamet %1 findes ikke") \
    X(course_user_deactivated, 0, \
      "user_id: the user is deactivated", \
      "Medarbejderen er deaktiveret") \
    X(course_user_not_found, 1, \
      "user_id: no user %1", \
      "Medarbejderen %1 findes ikke") \
    X(course_user_not_on_team, 0, \
      "user_id: the user is not on the course's team; add them to the " \
      "team first", \
      "Medarbejderen er ikke på forløbets team; tilføj vedkommende til " \
      "teamet først") \
    X(course_user_wrong_role, 2, \
      "user_id: the user is a %1, not a %2", \
      "Medarbejderen har rollen %1, ikke %2") \
    /* src/store/cti.c */ \
    X(cti_already_started, 0, \
      "course_id: CTI has already started on this course", \
      "CTI er allerede startet på dette forløb") \
    X(cti_not_started, 0, \
      "course_id: start CTI before logging contacts", \
      "Start CTI, før der registreres kontakter") \
    X(cti_phase_range, 0, \
      "phase: use 1, 2 or 3", \
      "Fasen skal være 1, 2 eller 3") \
    X(cti_start_before_course, 0, \
      "start: before the course started", \
      "CTI kan ikke starte før forløbet; angiv en senere startdato") \
    /* src/store/db.c */ \
    X(db_constraint, 2, \
      "%1: %2", \
      "Ændringen kunne ikke gemmes, fordi den strider mod de " \
      "oplysninger, der allerede er gemt; genindlæs siden og prøv igen") \
    /* src/store/indicators.c */ \
    X(ind_staff_not_found, 2, \
      "staff: no staff member %1 in municipality %2; leave it out for " \
      "every staff member", \
      "Medarbejder %1 findes ikke i kommunen; vælg ingen medarbejder " \
      "for at se alle") \
    X(ind_team_not_found, 2, \
      "team: no team %1 in municipality %2; leave it out for the " \
      "whole municipality", \
      "Team %1 findes ikke i kommunen; vælg intet team for at se hele " \
      "kommunen") \
    X(ind_unknown_id, 0, \
      "indicator: unknown indicator", \
      "Indikatoren findes ikke; vælg en indikator på listen") \
    /* src/store/journal.c */ \
    X(journal_field_too_long, 1, \
      "audit field longer than %1 bytes", \
      "Et felt i revisionsloggen er længere end %1 tegn") \
    X(journal_file_exists, 2, \
      "%1: '%2' is the read-audit journal of an earlier database at this " \
      "path; move it away (or restore that database) before creating a " \
      "new one", \
      "'%2' er læseloggen fra en tidligere database på denne sti; flyt " \
      "den væk (eller genskab den database), før en ny oprettes") \
    X(journal_in_use, 1, \
      "--db: the audit journal %1 is in use by another overgang process", \
      "Læseloggen %1 bruges af en anden overgang-proces") \
    /* src/store/journal_view.c */ \
    X(journal_entry_unknown, 1, \
      "ref: %1 is not an entry of this course's journal; open it from the " \
      "journal", \
      "Posten findes ikke i dette forløbs journal; åbn den fra journalen") \
    X(journal_kind_unknown, 1, \
      "kind: unknown kind %1; choose one of the journal's kinds", \
      "Ukendt type i filteret; vælg en type på listen") \
    X(journal_ref_invalid, 1, \
      "ref: '%1' is not a journal entry's address (kind:id); open the entry " \
      "from the journal", \
      "Adressen på journalposten er forkert; åbn posten fra journalen") \
    X(journal_period_reversed, 0, \
      "from: after to; the period's start must come before its end", \
      "Fra-datoen ligger efter til-datoen; byt om på dem") \
    X(note_corrects_missing, 1, \
      "corrects: no note %1 on this course", \
      "Notatet, der skal rettes, findes ikke på dette forløb") \
    /* src/store/match.c */ \
    X(match_company_not_found, 1, \
      "company_id: no company %1", \
      "Virksomheden %1 findes ikke") \
    X(match_from_before_course, 0, \
      "from: before the course started", \
      "Datoen ligger før forløbet startede; angiv en senere dato") \
    X(match_hours_order, 0, \
      "hours_max: give weekly hours as 0 <= min <= max <= 60", \
      "Angiv ugentlige timer, så 0 ≤ timer fra ≤ timer til ≤ 60") \
    X(match_occupation_code, 0, \
      "occupation: a DISCO-08 code has 4 digits", \
      "Stillingskoden (DISCO-08) har 4 cifre") \
    X(match_opening_not_found, 1, \
      "opening_id: no active opening %1 in your municipality", \
      "Der er ingen aktiv plads %1 i din kommune") \
    X(match_proposal_answered, 0, \
      "proposal_id: the citizen has already answered", \
      "Borgeren har allerede svaret på forslaget") \
    X(match_proposal_not_found, 1, \
      "proposal_id: no proposal %1", \
      "Forslaget %1 findes ikke") \
    X(match_tasks_length, 0, \
      "tasks: describe the tasks (1-2000 bytes)", \
      "Beskriv opgaverne (1-2000 tegn)") \
    /* src/store/measure.c */ \
    X(measure_date_range, 0, \
      "taken_on: between the course start and today", \
      "Datoen skal ligge mellem forløbets start og i dag") \
    X(measure_rater, 0, \
      "rater: readiness is rated by the citizen or the CTI worker; other " \
      "measurements have no rater", \
      "Parathed vurderes af borgeren eller CTI-medarbejderen; angiv " \
      "hvem. Andre målinger har ingen vurderer") \
    /* src/store/meeting.c */ \
    X(meeting_assessment_start_only, 0, \
      "assessment: the holistic assessment belongs to the start meeting", \
      "Den helhedsorienterede udredning hører til opstartsmødet") \
    X(meeting_attendees_none, 0, \
      "attendees: mark who took part", \
      "Markér hvem der deltog") \
    X(meeting_before_course, 0, \
      "held_on: before the course started; check the date", \
      "Mødedatoen ligger før forløbet startede; ret datoen") \
    X(meeting_before_start_meeting, 0, \
      "held_on: before the start meeting", \
      "Mødedatoen ligger før opstartsmødet; ret datoen") \
    X(meeting_domain_twice, 2, \
      "assessment[%1].domain: '%2' appears twice", \
      "Livsområdet '%2' står to gange; vælg det én gang") \
    X(meeting_followup_needs_start, 0, \
      "kind: hold a complete start meeting before follow-ups", \
      "Hold et fuldt bemandet opstartsmøde før opfølgningsmøder") \
    X(meeting_in_future, 0, \
      "held_on: in the future; record a meeting after it is held", \
      "Mødedatoen ligger i fremtiden; registrér mødet, når det er holdt") \
    X(meeting_kind_choose, 0, \
      "kind: use start or followup", \
      "Vælg mødetype: opstartsmøde eller opfølgning") \
    X(meeting_plan_version_missing, 1, \
      "plan_version: the plan has no version %1", \
      "Planen har ingen version %1; vælg en version, der findes") \
    /* src/store/migrations.c */ \
    X(migrations_schema_newer, 3, \
      "--db: '%1' has schema version %2, newer than this overgang knows " \
      "(%3); upgrade overgang", \
      "'%1' har skemaversion %2, som er nyere end denne udgave af " \
      "overgang kender (%3); opgradér overgang") \
    /* src/store/monitor.c */ \
    X(monitor_already_imported, 2, \
      "--file: this file was imported already (extract %1, on %2); " \
      "nothing was loaded twice", \
      "Filen er allerede indlæst (udtræk %1, den %2); intet er " \
      "indlæst to gange") \
    X(monitor_key_registered, 1, \
      "--municipality: %1 already has a registered signing key; a key " \
      "is registered once", \
      "Kommune %1 har allerede en registreret signeringsnøgle; en " \
      "nøgle registreres kun én gang") \
    X(monitor_key_taken, 1, \
      "--signing-key: this key is registered for municipality %1; " \
      "each municipality makes its own (monitor keygen " \
      "--municipality)", \
      "Nøglen er registreret for kommune %1; hver kommune laver sin " \
      "egen nøgle (monitor keygen --municipality)") \
    X(monitor_municipality_unknown, 2, \
      "--municipality: no municipality %1 in this database (it has: " \
      "%2); give one of those kommunekoder", \
      "Kommune %1 findes ikke i denne database (den har: %2); angiv " \
      "en af disse kommunekoder") \
    X(monitor_overlap, 6, \
      "--file: municipality %1's period %2..%3 overlaps extract %4 " \
      "(%5..%6) imported before; a course would be counted twice. Ask " \
      "for an extract of the months not yet imported", \
      "Kommune %1s periode %2..%3 overlapper udtræk %4 (%5..%6), der " \
      "er indlæst før; et forløb ville blive talt to gange. Bed om et " \
      "udtræk af de måneder, der ikke er indlæst endnu") \
    X(monitor_period_records, 1, \
      "--period: more than %1 courses; give a shorter period", \
      "Mere end %1 forløb; vælg en kortere periode") \
    X(monitor_signer_mismatch, 2, \
      "--file: says municipality %1 but is signed by the key of " \
      "municipality %2; refused", \
      "Filen angiver kommune %1, men er signeret med kommune %2s " \
      "nøgle; den er afvist") \
    X(monitor_signer_unknown, 1, \
      "--file: signed by key %1, which is not registered for any " \
      "municipality; register the municipality's public signing key " \
      "first (monitor register)", \
      "Filen er signeret med nøgle %1, som ikke er registreret for " \
      "nogen kommune; registrer først kommunens offentlige " \
      "signeringsnøgle (monitor register)") \
    /* src/store/org.c */ \
    X(org_analyst_no_municipality, 0, \
      "municipality_code: the national analyst belongs to no municipality", \
      "Den nationale analytiker hører ikke til en kommune; lad " \
      "kommunekoden være tom") \
    X(org_citizen_id_role, 0, \
      "citizen_id: required for role citizen and only for it", \
      "Borger-id skal angives for rollen borger og kun for den") \
    X(org_company_id_role, 0, \
      "company_id: required for role employer and only for it", \
      "Virksomheds-id skal angives for rollen arbejdsgiver og kun for " \
      "den") \
    X(org_company_not_found, 1, \
      "company_id: no company %1 in your municipality", \
      "Der er ingen virksomhed %1 i din kommune") \
    X(org_cvr_exists, 2, \
      "cvr: CVR %1 is already registered in your municipality (company " \
      "%2)", \
      "CVR-nummer %1 er allerede registreret i din kommune (virksomhed " \
      "%2)") \
    X(org_municipality_exists, 1, \
      "municipality_code: %1 already exists", \
      "Kommunen %1 findes allerede") \
    X(org_municipality_missing, 1, \
      "municipality_code: %1 is not registered; create the municipality " \
      "first", \
      "Kommunen %1 er ikke oprettet; opret kommunen først") \
    X(org_password_hash_bug, 0, \
      "password: not an Argon2id hash (a bug)", \
      "Adgangskoden er ikke gemt korrekt (en fejl i programmet); " \
      "kontakt support") \
    X(org_postcode, 0, \
      "postcode: a Danish postcode has four digits (1000-9999)", \
      "Et dansk postnummer har fire cifre (1000-9999)") \
    X(org_role_not_user, 0, \
      "role: not a role a user can have", \
      "Rollen kan ikke gives til en bruger") \
    X(org_team_name_taken, 0, \
      "team_name: the municipality already has a team with this name", \
      "Kommunen har allerede et team med dette navn; vælg et andet navn") \
    X(org_user_not_found, 0, \
      "username: no such user", \
      "Brugeren findes ikke") \
    X(org_username_taken, 1, \
      "username: '%1' is taken, or the linked citizen or company does " \
      "not exist; choose another", \
      "Brugernavnet '%1' er optaget, eller den tilknyttede borger " \
      "eller virksomhed findes ikke; vælg et andet") \
    /* src/store/placement.c */ \
    X(agreement_base_missing, 1, \
      "base_version: the work agreement has no version %1", \
      "Arbejdsaftalen har ingen version %1; genindlæs siden") \
    X(agreement_changed_meanwhile, 2, \
      "base_version: the work agreement was changed by someone else (now " \
      "version %1, you edited version %2); reload and apply your change " \
      "again", \
      "Arbejdsaftalen er ændret af en anden imens (nu version %1, du " \
      "redigerede version %2); genindlæs og gentag din ændring") \
    X(agreement_none, 0, \
      "version: the placement has no work agreement yet", \
      "Virksomhedsforløbet har endnu ingen arbejdsaftale") \
    X(agreement_superseded, 2, \
      "version: version %1 is superseded by version %2; read and sign " \
      "the current version", \
      "Version %1 er afløst af version %2; læs og underskriv den " \
      "gældende version") \
    X(agreement_version_missing, 1, \
      "version: the work agreement has no version %1", \
      "Arbejdsaftalen har ingen version %1") \
    X(placement_course_ended, 0, \
      "placement_id: the course has ended", \
      "Forløbet er afsluttet; virksomhedsforløbet kan ikke ændres") \
    X(placement_not_found, 1, \
      "placement_id: no placement %1", \
      "Virksomhedsforløbet %1 findes ikke") \
    /* src/store/plan.c */ \
    X(plan_base_missing, 1, \
      "base_version: the plan has no version %1", \
      "Planen har ingen version %1; genindlæs siden") \
    X(plan_comment_too_long, 0, \
      "citizen_comment: at most 2000 bytes of text", \
      "Borgerens kommentar må højst være 2000 tegn") \
    X(plan_version_missing, 1, \
      "version: the plan has no version %1", \
      "Planen har ingen version %1") \
    /* src/store/screening.c */ \
    X(screening_batch_not_found, 1, \
      "batch_id: no candidate list %1 in your municipality", \
      "Der er ingen kandidatliste %1 i din kommune") \
    X(screening_candidate_not_found, 1, \
      "candidate_id: no candidate %1", \
      "Kandidaten %1 findes ikke") \
    X(screening_column_missing, 1, \
      "line 1: the required column '%1' is missing", \
      "Linje 1: den påkrævede kolonne '%1' mangler") \
    X(screening_column_twice, 1, \
      "line 1: column '%1' appears twice", \
      "Linje 1: kolonnen '%1' står to gange") \
    X(screening_column_unknown, 1, \
      "line 1: unknown column '%1'; the columns are cpr, name, " \
      "activity_ready, months_unemployed, company_activity, in_prison, " \
      "health_exemption, declined", \
      "Linje 1: ukendt kolonne '%1'; kolonnerne er cpr, name, " \
      "activity_ready, months_unemployed, company_activity, in_prison, " \
      "health_exemption, declined") \
    X(screening_draw_count_range, 3, \
      "count: the screening list %1 has %2 eligible candidates not yet " \
      "drawn; draw 1-%3", \
      "Screeningslisten %1 har %2 kandidater, der kan udtrækkes og " \
      "ikke er trukket endnu; træk 1-%3") \
    X(screening_draw_not_found, 1, \
      "draw_id: no draw %1", \
      "Lodtrækningen %1 findes ikke") \
    X(screening_file_empty, 0, \
      "file: empty; the first line must name the columns (cpr, name, " \
      "activity_ready, months_unemployed, ...)", \
      "Filen er tom; første linje skal navngive kolonnerne (cpr, name, " \
      "activity_ready, months_unemployed, ...)") \
    X(screening_file_errors, 2, \
      "%1 line%2 with errors; nothing was imported. Fix them and import " \
      "the whole file again", \
      "Linjer med fejl: %1; intet er indlæst. Ret dem, og indlæs hele " \
      "filen igen") \
    X(screening_line_cpr_repeated, 1, \
      "the same CPR number as line %1", \
      "Samme CPR-nummer som linje %1; en borger må kun stå på listen én " \
      "gang") \
    X(screening_line_fields, 2, \
      "%1 fields, the header has %2", \
      "Linjen har %1 felter, men linjen med kolonnenavne har %2; tjek " \
      "skilletegnene (; eller ,) og anførselstegnene") \
    X(screening_line_months, 0, \
      "months_unemployed: give whole months 0-600", \
      "Måneder uden arbejde: skriv et helt antal måneder, 0-600") \
    X(screening_line_yes_no, 1, \
      "%1: write ja or nej", \
      "Skriv ja eller nej i kolonnen %1") \
    X(screening_no_candidates, 0, \
      "file: no candidates after the header line", \
      "Filen har ingen kandidater efter linjen med kolonnenavne") \
    X(screening_too_many, 1, \
      "file: more than %1 candidates; split the list", \
      "Filen har mere end %1 kandidater; del listen op") \
    /* src/store/session.c */ \
    X(session_not_found, 0, \
      "no such session", \
      "Sessionen findes ikke; log ind igen") \
    X(session_user_not_found, 0, \
      "no such user", \
      "Brugeren findes ikke") \
    /* src/store/store.c */ \
    X(store_audit_key_foreign, 3, \
      "--audit-key: '%1' does not belong to database '%2', or its record " \
      "of where the keyed audit chain starts (row %3) was altered; give " \
      "the audit key created with it", \
      "Revisionsnøglen '%1' hører ikke til databasen '%2', eller " \
      "oplysningen om, hvor den nøglede revisionskæde begynder (række " \
      "%3), er ændret; angiv den revisionsnøgle, der blev oprettet sammen " \
      "med den") \
    X(store_key_file_foreign, 2, \
      "--key-file: '%1' does not belong to database '%2'; give the key " \
      "file that was created with it", \
      "Nøglefilen '%1' hører ikke til databasen '%2'; angiv den " \
      "nøglefil, der blev oprettet sammen med den") \
    X(store_key_file_missing, 2, \
      "--key-file: '%1' is missing but the database holds %2 citizens " \
      "whose CPR numbers need it; restore the key file from backup", \
      "Nøglefilen '%1' mangler, men databasen har %2 borgere, hvis " \
      "CPR-numre kræver den; genskab nøglefilen fra sikkerhedskopien") \
    X(store_no_db_path, 0, \
      "--db: no database path; give --db PATH", \
      "Der er ikke angivet en database; angiv --db STI") \
    X(store_no_key_file, 0, \
      "no key file given; CPR numbers cannot be read or written", \
      "Der er ikke angivet en nøglefil; CPR-numre kan ikke læses eller " \
      "gemmes") \
    X(store_not_overgang, 1, \
      "--db: '%1' is not an overgang database (no schema); create one " \
      "with 'overgang init --db PATH'", \
      "'%1' er ikke en overgang-database (intet skema); opret en med " \
      "'overgang init --db STI'") \
    /* src/store/tx.c */ \
    X(tx_read_only, 0, \
      "the database is open read-only", \
      "Databasen er åbnet skrivebeskyttet; ændringen er ikke gemt") \
    X(tx_read_only_audit, 0, \
      "the database is open read-only, so a read of citizen data could " \
      "not be audited", \
      "Databasen er åbnet skrivebeskyttet, så en læsning af " \
      "borgeroplysninger kunne ikke registreres i revisionsloggen") \
    /* src/web/api_indicators.c */ \
    X(ind_api_scope, 0, \
      "staff see their own figures (staff=your id) and their team's " \
      "(team=a team you are on); the whole municipality is for " \
      "leaders", \
      "Medarbejdere kan se deres egne tal og tallene for de teams, de " \
      "er med i; hele kommunens tal er for ledere") \
    /* src/web/app.c */ \
    X(api_body_not_json, 2, \
      "the body is not valid JSON (line %1: %2)", \
      "Indholdet er ikke gyldig JSON (linje %1: %2)") \
    X(api_body_not_object, 0, \
      "send a JSON object", \
      "Send et JSON-objekt") \
    X(api_body_unknown_field, 1, \
      "unknown field '%1'", \
      "Ukendt felt '%1'; fjern det") \
    X(api_field_too_long, 2, \
      "%1: longer than %2 bytes", \
      "%1 er længere end %2 tegn") \
    X(login_wrong, 0, \
      "wrong user name or password", \
      "Forkert brugernavn eller adgangskode.") \
    /* src/web/dispatch.c */ \
    X(access_refused, 1, \
      "%1", \
      "Du har ikke adgang til at gøre dette.") \
    X(csrf_wrong, 0, \
      "missing or wrong X-CSRF-Token header; send the token from the " \
      "log-in", \
      "Formularen var for gammel eller kom ikke fra overgang. Gå " \
      "tilbage, genindlæs siden og prøv igen.") \
    X(login_first, 0, \
      "log in first", \
      "Log ind først.") \
    X(login_session_expired, 0, \
      "the session has expired; log in again", \
      "Din session er udløbet. Log ind igen.") \
    /* src/web/form.c */ \
    X(form_invalid, 0, \
      "invalid input", \
      "Formularen er ikke udfyldt korrekt; ret felterne og prøv igen") \
    /* src/web/server.c */ \
    X(server_listen_form, 0, \
      "--listen: give HOST:PORT, e.g. 127.0.0.1:8080", \
      "Angiv --listen som VÆRT:PORT, fx 127.0.0.1:8080") \
    X(server_listen_ipv4, 1, \
      "--listen: '%1' is not an IPv4 address; use e.g. 127.0.0.1", \
      "'%1' er ikke en IPv4-adresse; brug fx 127.0.0.1") \
    /* src/web/ui.c */ \
    X(not_found_or_hidden, 0, \
      "not found, or not a record you may see", \
      "Siden findes ikke, eller du har ikke adgang til den.") \
    X(placement_none, 0, \
      "no such placement", \
      "Virksomhedsforløbet findes ikke.") \
    X(role_may_not, 0, \
      "your role may not do this", \
      "Din rolle må ikke gøre dette.") \
    X(role_may_not_on_course, 0, \
      "your role may not do this on the course", \
      "Din rolle må ikke gøre dette på forløbet.") \
    /* src/web/ui_board.c */ \
    X(board_format, 0, \
      "format: use html, csv or xlsx", \
      "Vælg formatet html, csv eller xlsx") \
    X(board_list, 0, \
      "list: use list=attention, or ind=an indicator id", \
      "Vælg listen over forløb, der kræver opmærksomhed, eller en " \
      "indikator") \
    X(board_part, 0, \
      "part: use num (the numerator) or den (the denominator)", \
      "Vælg tælleren (num) eller nævneren (den)") \
    X(board_query_bad, 0, \
      "bad query", \
      "Adressen er ugyldig; gå tilbage til tavlemødet og vælg igen") \
    X(board_scope, 0, \
      "staff see their own figures and their team's; the whole " \
      "municipality is for leaders", \
      "Medarbejdere kan se deres egne tal og tallene for de teams, de " \
      "er med i; hele kommunens tal er for ledere") \
    /* src/web/ui_course.c */ \
    X(course_team_empty, 0, \
      "name at least one person for the team", \
      "Vælg mindst én person til teamet") \
    /* src/web/ui_match.c */ \
    X(match_hours_max_below_min, 1, \
      "hours_max: at least hours_min (%1)", \
      "Timer til skal være mindst timer fra (%1)") \
    X(match_opening_choose, 0, \
      "opening_id: choose an opening", \
      "Vælg en plads") \
    /* src/web/ui_measure.c */ \
    X(measure_answer_all, 1, \
      "%1: answer every question", \
      "Besvar alle spørgsmål") \
    /* src/web/ui_placement.c */ \
    X(agreement_goals_max, 1, \
      "goals: at most %1", \
      "Højst %1 mål") \
    /* src/web/ui_plan.c */ \
    X(plan_activities_too_many, 1, \
      "goals: at most %1 activities per sub-goal", \
      "Højst %1 indsatser pr. delmål") \
    X(plan_subgoals_max, 1, \
      "goals: at most %1 sub-goals per goal", \
      "Højst %1 delmål pr. mål") \
    /* src/web/ui_screening.c */ \
    X(screening_import_failed, 2, \
      "file: %1 errors; nothing was imported:%2", \
      "Filen har %1 fejl; intet er indlæst:%2") \
    X(screening_list_not_found, 1, \
      "no candidate list %1 in your municipality", \
      "Der er ingen kandidatliste %1 i din kommune") \
    X(screening_seed, 1, \
      "seed: a whole number 0-%1, or empty", \
      "Frøet skal være et helt tal fra 0 til %1, eller tomt") \
    /* src/model/user.c, src/store/org.c: user administration */ \
    X(user_role_not_given, 0, \
      "role: an administrator gives a frontline role, leader or " \
      "administrator", \
      "Vælg en af rollerne jobcentersagsbehandler, socialrådgiver, " \
      "CTI-medarbejder, virksomhedskonsulent, leder eller administrator") \
    X(user_phone, 0, \
      "phone: 6-20 characters of digits, spaces and '-', optionally " \
      "starting with '+', or empty", \
      "Telefonnummeret skal være cifre (mindst 6), evt. med mellemrum, " \
      "'-' og '+' foran; eller tomt") \
    X(user_email, 0, \
      "email: an address such as name@kommune.dk (at most 254 " \
      "characters), or empty", \
      "Skriv en e-mailadresse som navn@kommune.dk, eller lad feltet " \
      "stå tomt") \
    X(user_password_length, 2, \
      "password: %1-%2 characters", \
      "Adgangskoden skal være %1-%2 tegn lang") \
    X(user_not_found, 1, \
      "user %1: not found in your municipality", \
      "Brugeren findes ikke i din kommune") \
    X(user_inactive, 0, \
      "user: deactivated; a deactivated user gets no activation code", \
      "Brugeren er deaktiveret og kan ikke få en aktiveringskode") \
    X(user_activation_wrong, 0, \
      "activation_code: wrong or expired code for this user name; ask " \
      "your administrator for a new one", \
      "Koden passer ikke til brugernavnet, eller den er udløbet; bed " \
      "din administrator om en ny kode") \
    X(user_team_not_found, 1, \
      "team_ids: team %1 not found in your municipality", \
      "Teamet findes ikke i din kommune") \
    X(user_self_deactivate, 0, \
      "user: you cannot deactivate yourself; ask another administrator", \
      "Du kan ikke deaktivere dig selv; bed en anden administrator") \
    X(settings_none_given, 0, \
      "settings: give at least one setting to change", \
      "Angiv mindst én indstilling, der skal ændres") \
    /* src/store/calendar.c, src/web/ui_calendar.c */ \
    X(calendar_token_unknown, 0, \
      "no calendar at this address: it was renewed or revoked; copy the " \
      "new address from My calendar", \
      "Der er ingen kalender på denne adresse: den er fornyet eller " \
      "tilbagekaldt; kopiér den nye adresse fra Min kalender") \
    X(calendar_do_invalid, 0, \
      "do: use renew (a new address) or revoke (no address)", \
      "Vælg enten at lave en ny adresse eller at tilbagekalde adressen") \
    X(calendar_throttled, 1, \
      "too many unknown calendar addresses from your address; try again " \
      "in %1 seconds", \
      "For mange ukendte kalenderadresser fra din adresse; prøv igen om " \
      "%1 sekunder") \
    /* src/store/search.c */ \
    X(search_cpr_invalid, 0, \
      "q: ten digits that are no valid CPR number (DDMMYY-SSSS); check " \
      "the number", \
      "De ti cifre er ikke et gyldigt CPR-nummer (DDMMÅÅ-LLLL); tjek " \
      "nummeret") \
    X(search_cpr_whole, 0, \
      "q: a CPR number is searched whole, all ten digits (DDMMYY-SSSS); " \
      "to search by name, type letters", \
      "Et CPR-nummer søges helt, med alle ti cifre (DDMMÅÅ-LLLL); skriv " \
      "bogstaver for at søge på navn") \
    X(search_empty, 0, \
      "q: type a name or a CPR number", \
      "Skriv et navn eller et CPR-nummer") \
    X(search_too_long, 1, \
      "q: at most %1 characters", \
      "Højst %1 tegn i søgningen") \
    X(search_too_short, 0, \
      "q: type at least two letters of the name", \
      "Skriv mindst to bogstaver af navnet") \
    /* src/store/course.c, the course list */ \
    X(courses_sort_unknown, 1, \
      "sort: unknown sort key '%1'; use name, stage, start or due", \
      "Ukendt sortering '%1'; vælg navn, fase, start eller næste frist") \
    X(courses_stage_unknown, 1, \
      "stage: unknown stage '%1'", \
      "Ukendt fase '%1'; vælg en fase fra listen") \
    X(courses_show_unknown, 1, \
      "show: '%1' is neither mine nor team", \
      "Vis skal være 'mine' eller 'team', ikke '%1'") \
    X(courses_page_range, 1, \
      "page: a page number from 1 to %1", \
      "Sidetallet skal være fra 1 til %1") \
    X(courses_due_too_many, 1, \
      "sort: sorting by next due date works on at most %1 courses; " \
      "filter by mine or by stage first", \
      "Sortering efter næste frist kan højst tage %1 forløb; vælg " \
      "'mine' eller en fase først") \
    /* src/model/user.c, administrators (issue 13 section 4) */ \
    X(user_self_demote, 0, \
      "role: you cannot take away your own administrator role; ask " \
      "another administrator", \
      "Du kan ikke fjerne din egen administratorrolle; bed en anden " \
      "administrator om at gøre det") \
    X(user_last_admin_deactivate, 0, \
      "user: the municipality's last active administrator cannot be " \
      "deactivated; make another user administrator first", \
      "Kommunens sidste aktive administrator kan ikke deaktiveres; gør " \
      "først en anden bruger til administrator") \
    X(user_last_admin_demote, 0, \
      "role: the municipality's last active administrator keeps the " \
      "administrator role; make another user administrator first", \
      "Kommunens sidste aktive administrator skal beholde " \
      "administratorrollen; gør først en anden bruger til administrator") \
    X(user_already_active, 0, \
      "user: the user is active already", \
      "Brugeren er allerede aktiv") \
    /* src/model/settings.c, the self-efficacy items */ \
    X(settings_gse_item, 2, \
      "gse_item%1: the text of self-efficacy item %1 is at most %2 " \
      "characters on one line", \
      "Teksten til spørgsmål %1 må højst være %2 tegn på én linje") \
    /* src/store/audit_log.c, the audit viewer's filter */ \
    X(audit_log_citizens_range, 1, \
      "citizen: at most %1 citizens in one filter, and a cursor of 0 or " \
      "more; narrow the name", \
      "Højst %1 borgere i ét filter; skriv mere af navnet") \
    /* src/model/occupation.c, occupations chosen by title (DISCO-08) */ \
    X(occupation_code_unknown, 2, \
      "%1: %2 is not a DISCO-08 occupation category (4 digits); type " \
      "part of the title and pick one from the list", \
      "%2 er ikke en stillingskategori i DISCO-08; skriv en del af " \
      "stillingsbetegnelsen og vælg fra listen") \
    X(occupation_title_none, 2, \
      "%1: no DISCO-08 occupation title contains '%2'; try another or a " \
      "shorter word", \
      "Ingen stillingsbetegnelse i DISCO-08 indeholder '%2'; prøv et " \
      "andet eller et kortere ord") \
    X(occupation_title_many, 4, \
      "%1: %2 occupations match '%3', e.g. %4; pick one from the list " \
      "or type more of the title", \
      "%2 stillinger passer til '%3', fx %4; vælg én fra listen eller " \
      "skriv mere af betegnelsen") \
    X(occupation_query_empty, 0, \
      "q: type part of an occupation title or the first digits of its " \
      "code", \
      "Skriv en del af stillingsbetegnelsen eller de første cifre af " \
      "koden") \
    /* issue 14: sign-off in each party's own log-in (store/placement.c) */ \
    X(sign_not_a_party, 0, \
      "version: you are not a party to this work agreement (the citizen, " \
      "the employer contact of the company or the company consultant " \
      "named on the course sign it, each for themselves)", \
      "Du er ikke part i denne arbejdsaftale; borgeren, virksomhedens " \
      "kontaktperson og forløbets virksomhedskonsulent underskriver hver " \
      "for sig") \
    X(sign_not_your_party, 1, \
      "party: you sign only as yourself; to record that the %1 signed " \
      "on paper, the company consultant named on the course sends " \
      "\"on_paper\": true", \
      "Du kan kun underskrive for dig selv; at parten (%1) har " \
      "underskrevet på papir, registrerer forløbets virksomhedskonsulent") \
    X(sign_paper_consultant_only, 0, \
      "on_paper: only the company consultant named on the course records " \
      "a signature on paper, and only the citizen's or the employer's", \
      "Kun forløbets virksomhedskonsulent kan registrere en underskrift " \
      "på papir, og kun borgerens eller arbejdsgiverens") \
    X(sign_paper_party, 0, \
      "party: name the party who signed on paper: citizen or employer", \
      "Vælg hvem der har underskrevet på papir: borgeren eller " \
      "arbejdsgiveren") \
    X(sign_paper_date, 0, \
      "paper_date: the date on the paper, not after today", \
      "Skriv datoen på papiret; den kan ikke ligge efter i dag") \
    X(sign_already, 3, \
      "version: the %1 signed version %2 already (%3); nothing was " \
      "written", \
      "Parten (%1) har allerede underskrevet version %2 (%3); intet er " \
      "gemt") \
    X(hours_not_recorded, 1, \
      "week: the consultant has not recorded week %1 yet, and the " \
      "municipality lets employers confirm or correct recorded weeks " \
      "only; ask the consultant, or choose a recorded week", \
      "Konsulenten har endnu ikke registreret uge %1, og kommunen lader " \
      "arbejdsgiveren bekræfte eller rette registrerede uger; spørg " \
      "konsulenten eller vælg en registreret uge") \
    X(settings_employer_hours, 0, \
      "employer_hours: use confirm or enter", \
      "Vælg om arbejdsgiveren bekræfter eller selv indtaster timerne") \
    X(settings_hours_source, 0, \
      "hours_source: use consultant or employer_where_present", \
      "Vælg om de timer, der tæller, er konsulentens eller arbejdsgiverens, " \
      "hvor arbejdsgiveren har bekræftet eller rettet dem") \
    /* src/model/settings.c, src/model/retention.c, src/store/retention.c */ \
    X(settings_retention_years, 1, \
      "retention_years: use 1-100 years after a course ends, or leave it " \
      "empty to keep courses without end; got %1", \
      "Angiv 1-100 år efter forløbets afslutning, eller lad feltet stå " \
      "tomt for at gemme forløb uden udløb; fik %1") \
    X(retention_course_unknown, 1, \
      "course %1 does not exist", \
      "Forløb %1 findes ikke") \
    X(retention_course_open, 1, \
      "course %1 is still open: only ended courses are anonymised; end " \
      "the course first", \
      "Forløb %1 er stadig åbent: kun afsluttede forløb anonymiseres; " \
      "afslut forløbet først") \
    X(retention_course_kept, 3, \
      "course %1 ended on %2, within its municipality's retention (%3); " \
      "it is not anonymised yet", \
      "Forløb %1 sluttede %2, inden for kommunens opbevaringsperiode (%3); " \
      "det anonymiseres ikke endnu") \
    X(retention_course_anonymised, 1, \
      "course %1 was anonymised by retention: nothing more can be written " \
      "to it", \
      "Forløb %1 er anonymiseret efter kommunens opbevaringsregel: der kan " \
      "ikke skrives mere på det") \
    X(retention_municipality_unknown, 1, \
      "--municipality: there is no municipality %1; see 'overgang " \
      "municipality add'", \
      "Der er ingen kommune %1") \
    X(retention_schema_unclassified, 2, \
      "retention: column %1 is not classified in the anonymisation table " \
      "(src/store/retention.c, %2 in all); add it there before running " \
      "retention", \
      "Kolonnen %1 mangler i anonymiseringstabellen (%2 i alt); tilføj " \
      "den, før opbevaringsreglen køres") \
    /* the citizen's own questionnaires and proposals (issue 14) */ \
    X(measure_already_answered, 2, \
      "date: %1 was already answered for %2; a questionnaire is answered " \
      "once a day", \
      "Du har allerede besvaret %1 den %2. Et spørgeskema besvares én " \
      "gang pr. dag") \
    X(me_no_course, 0, \
      "you have no course in overgang to answer for", \
      "Du har ikke et forløb i overgang, som du kan svare i") \
    X(me_body_not_json, 0, \
      "body: send a JSON object {\"instrument\", \"date\", \"items\"}", \
      "Svaret skal sendes som et JSON-objekt med instrument, dato og svar") \
    X(me_field_unknown, 1, \
      "%1: unknown field; use instrument, date and items", \
      "Ukendt felt '%1'; brug instrument, date og items") \
    X(me_items_array, 0, \
      "items: expected an array of whole numbers, one answer per question", \
      "Svarene skal være en liste med ét tal pr. spørgsmål") \
    X(me_item_not_integer, 1, \
      "items (question %1): expected a whole number", \
      "Spørgsmål %1: svaret skal være et helt tal") \
    X(me_item_missing, 1, \
      "item%1 (question %1): choose an answer", \
      "Spørgsmål %1: vælg et svar") \
    X(match_comment_length, 1, \
      "comment: at most %1 bytes", \
      "Kommentaren må højst være %1 tegn") \
    /* src/store/citizen_home.c: the citizen's own home */ \
    X(citizen_home_no_course, 0, \
      "you have no course in overgang yet; your caseworker starts it", \
      "Du har ikke et forløb endnu; din sagsbehandler starter det") \
    X(plan_comment_text_missing, 0, \
      "text: missing; write your comment on the plan", \
      "Skriv din kommentar til planen") \
    X(plan_comment_text_too_long, 1, \
      "text: at most %1 bytes; shorten your comment", \
      "Kommentaren må højst være %1 tegn; gør den kortere") \
    X(plan_comment_version_unknown, 1, \
      "version: your plan has no version %1; comment on a version shown " \
      "on your page", \
      "Din plan har ingen version %1; skriv din kommentar til den plan, " \
      "du ser på din side") \
    /* src/store/econ_scenario.c: saved economics scenarios */ \
    X(econ_saved_name_missing, 0, \
      "name: missing; give the scenario a name to save it under", \
      "Giv scenariet et navn, det kan gemmes under") \
    X(econ_saved_name_too_long, 1, \
      "name: at most %1 bytes; shorten the name", \
      "Navnet må højst være %1 tegn; gør det kortere") \
    X(econ_saved_name_chars, 0, \
      "name: no line breaks, control characters or spaces at the ends; " \
      "write the name on one line", \
      "Navnet skal stå på én linje uden mellemrum i enderne") \
    X(econ_saved_scenario_missing, 0, \
      "scenario: missing; send the scenario to save (the format of " \
      "docs/economics-format.md)", \
      "Der er intet scenarie at gemme; vælg et eller udfyld formularen") \
    X(econ_saved_scenario_too_big, 1, \
      "scenario: at most %1 bytes; shorten the description", \
      "Scenariet må højst fylde %1 tegn; gør beskrivelsen kortere") \
    X(econ_saved_not_found, 0, \
      "id: no such saved scenario; choose one from the list of saved " \
      "scenarios", \
      "Det gemte scenarie findes ikke; vælg et fra listen over gemte " \
      "scenarier") \
    /* src/web/ui_econ.c: the economics page and API */ \
    X(econ_web_base_unknown, 0, \
      "base: choose a published scenario (preset) or a saved scenario to " \
      "start from", \
      "Vælg et af de publicerede scenarier eller et gemt scenarie at tage " \
      "udgangspunkt i") \
    X(econ_web_period, 0, \
      "to: the period ends before it begins; give a to date on or after " \
      "the from date", \
      "Perioden slutter, før den begynder; vælg en slutdato efter " \
      "startdatoen") \
    X(econ_web_body, 1, \
      "body: send a JSON object with %1", \
      "Send et JSON-objekt med %1") \
    /* src/econ (the business case, docs/economics-format.md) */ \
    X(econ_activity_citizens, 1, \
      "%1: no active courses in the period, so there is no cost per " \
      "citizen; choose a period in which courses were active", \
      "Der var ingen aktive forløb i perioden, så der er ingen pris pr. " \
      "borger; vælg en periode med aktive forløb") \
    X(econ_activity_price_missing, 2, \
      "%1: missing; the registered activity has %2 events that need it " \
      "(enter it under activity_prices)", \
      "Perioden har %2 registrerede hændelser, der koster " \
      "medarbejdertid og skal gøres op i kroner med denne pris; udfyld " \
      "den under Aktivitetspriser") \
    X(econ_amount_too_big, 2, \
      "%1: %2 is larger than a business case holds (at most 1e12 kr., " \
      "or 1e7 citizens); check the unit", \
      "%2 er for stort til en business case (højst 1.000 mia. kr. eller " \
      "10 mio. borgere); tjek, at tallet er skrevet i kroner eller " \
      "borgere og ikke har for mange cifre") \
    X(econ_amount_negative, 2, \
      "%1: a cost cannot be negative; got %2", \
      "Beløbet kan ikke være negativt; der står %2. Skriv 0 eller et " \
      "positivt beløb") \
    X(econ_citizens_range, 2, \
      "%1: the number of citizens must be a whole number of at least 1; " \
      "got %2", \
      "Antallet af borgere skal være et helt tal på mindst 1; der står %2") \
    X(econ_cost_share_range, 2, \
      "%1: a payer's share of the cost must be between 0 and 1; got %2", \
      "En betalers andel af omkostningen skal være mellem 0 og 1 (0,5 er " \
      "halvdelen); der står %2") \
    X(econ_cost_share_sum, 2, \
      "%1: the payers' shares of the cost must add up to 1; they add up " \
      "to %2", \
      "Kommunens, statens og regionens andele af omkostningen skal " \
      "tilsammen give 1 (hele omkostningen); de giver %2. Ret andelene") \
    X(econ_discount_range, 2, \
      "%1: the discount rate is a share per year between 0 and 0.2 " \
      "(0.035 = 3.5%%); got %2", \
      "Diskonteringsrenten er en andel pr. år mellem 0 og 0,2 (0,035 = " \
      "3,5 %%); der står %2") \
    X(econ_effect_beyond_horizon, 3, \
      "%1: the scenario has %2 years, so there is no year %3; lengthen " \
      "the horizon or remove the year", \
      "Scenariet løber over %2 år, så der er intet år %3; forlæng " \
      "tidshorisonten, eller fjern effekten i år %3") \
    X(econ_eval_bad, 2, \
      "%1: not an evaluation's result.json (%2); give the folder " \
      "`overgang evaluate` wrote", \
      "%1 er ikke en evaluerings result.json (%2); vælg den mappe, " \
      "`overgang evaluate` skrev") \
    X(econ_eval_no_result, 1, \
      "%1: no result.json here; give the folder `overgang evaluate --out` " \
      "wrote", \
      "Der er ingen result.json i %1; vælg den mappe, som `overgang " \
      "evaluate --out` skrev") \
    X(econ_eval_no_usable, 1, \
      "evaluation: no outcome counts months in one state within the " \
      "horizon; run the evaluation with an outcome such as `--outcome %1`", \
      "Evalueringen har intet udfald, der tæller måneder i én tilstand " \
      "inden for horisonten; kør den med fx `--outcome %1`") \
    X(econ_field_type, 2, \
      "%1: must be %2", \
      "Værdien har den forkerte form (fx tekst, hvor der skal stå et " \
      "tal); ret den, eller start forfra fra et af de offentliggjorte " \
      "scenarier") \
    X(econ_field_unknown, 1, \
      "%1: unknown field; check the spelling (docs/economics-format.md " \
      "lists the fields)", \
      "Scenariet har et felt, beregningen ikke kender (%1); tjek " \
      "stavningen, eller fjern feltet") \
    X(econ_horizon_range, 2, \
      "%1: the horizon is a whole number of years from 1 to 30; got %2", \
      "Horisonten er et helt antal år fra 1 til 30; der står %2") \
    X(econ_json_invalid, 2, \
      "scenario: not valid JSON at line %1: %2", \
      "Scenariet er ikke gyldig JSON (linje %1): %2") \
    X(econ_missing, 1, \
      "%1: missing; the calculation needs it (enter it, or start from a " \
      "preset)", \
      "Tallet mangler, og uden det kan beregningen ikke laves; udfyld " \
      "feltet, eller start fra et af de offentliggjorte scenarier, der " \
      "har tallene") \
    X(econ_not_finite, 1, \
      "%1: must be a finite number", \
      "Her skal stå et tal") \
    X(econ_origin_unknown, 2, \
      "%1: unknown origin '%2'; use entered, catalogue, reconstructed, " \
      "measured or derived", \
      "Oprindelsen '%2' findes ikke; brug entered (indtastet), catalogue " \
      "(priskatalog), reconstructed (rekonstrueret), measured (målt) " \
      "eller derived (afledt)") \
    X(econ_preset_unknown, 1, \
      "preset: no preset '%1'; choose rambøll-2021-A, -B, -C or -D", \
      "Der er intet offentliggjort scenarie, der hedder '%1'; vælg " \
      "rambøll-2021-A, -B, -C eller -D") \
    X(econ_price_year_range, 2, \
      "%1: the prices' year must be between 2000 and 2100, or 0 when " \
      "unknown; got %2", \
      "Prisåret skal være mellem 2000 og 2100, eller 0 når det er " \
      "ukendt; der står %2") \
    X(econ_running_years_range, 3, \
      "%1: the running cost is spread over 1 to %2 years (the horizon); " \
      "got %3", \
      "Driftsomkostningen kan fordeles over 1 til %2 år (højst hele " \
      "tidshorisonten); der står %3") \
    X(econ_se_negative, 2, \
      "%1: a standard error cannot be negative; got %2", \
      "En standardfejl kan ikke være negativ; der står %2") \
    X(econ_share_range, 2, \
      "%1: a change in share is between -1 and 1 (a share of the year: " \
      "0.25 = three more months each); got %2", \
      "Effekten er en ændring i, hvor stor en del af året borgerne er i " \
      "tilstanden, og skal ligge mellem -1 og 1 (0,25 betyder tre " \
      "måneder mere pr. borger); der står %2") \
    X(econ_text_too_long, 2, \
      "%1: longer than %2 bytes; shorten it", \
      "Teksten er for lang (højst %2 byte); gør den kortere") \
    X(econ_too_big, 1, \
      "scenario: larger than %1 bytes; a scenario is a small JSON file", \
      "Scenariet fylder mere end %1 byte; et scenarie er en lille " \
      "JSON-fil, så tjek, at det er den rigtige fil") \
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
