#include "web/msg.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/log.h"
#include "model/meeting.h"

typedef struct entry {
    const char *key, *da, *en;
} entry;

/* The catalogue. Keys are sorted at first use; order here follows the
 * pages. "%1" in an error text is the argument (a limit, a list). */
static entry cat[] = {
    /* layout and navigation */
    {"app.name", "overgang", "overgang"},
    {"app.tagline", "Social støtte i overgang til og fastholdelse i job",
     "Social support in the transition to and retention in work"},
    {"nav.tasks", "Mine opgaver", "My tasks"},
    {"nav.courses", "Forløb", "Courses"},
    {"nav.screening", "Screening", "Screening"},
    {"nav.companies", "Virksomheder", "Companies"},
    {"nav.audit", "Revisionslog", "Audit log"},
    {"nav.my_log", "Min adgangslog", "My access log"},
    {"nav.logout", "Log ud", "Log out"},
    {"nav.language", "English", "Dansk"},
    {"nav.logged_in_as", "Logget ind som", "Logged in as"},
    {"nav.skip", "Spring til indhold", "Skip to content"},
    {"common.save", "Gem", "Save"},
    {"common.back", "Tilbage", "Back"},
    {"common.none", "Ingen", "None"},
    {"common.yes", "Ja", "Yes"},
    {"common.no", "Nej", "No"},
    {"common.date", "Dato", "Date"},
    {"common.open", "Åbn", "Open"},
    {"common.show", "Vis", "Show"},
    {"common.filter", "Filtrér", "Filter"},
    {"common.version", "Version", "Version"},
    {"common.by", "af", "by"},
    {"common.required", "skal udfyldes", "required"},
    {"common.errors_title", "Formularen er ikke gemt. Ret venligst:",
     "The form was not saved. Please correct:"},
    {"common.saved", "Gemt.", "Saved."},
    {"common.done", "Udført", "Done"},
    {"common.missing", "Mangler", "Missing"},
    {"common.export_csv", "Hent som CSV", "Download as CSV"},
    {"common.print", "Udskriv", "Print"},
    {"common.total", "I alt", "Total"},
    /* above a list cut at its cap (page.h, ov_page_list_cut) */
    {"list.newest", "Viser de nyeste %1 af %2", "Showing the newest %1 of %2"},
    {"list.first", "Viser de første %1 af %2", "Showing the first %1 of %2"},
    {"list.range", "Viser %1-%2 af %3", "Showing %1-%2 of %3"},

    /* the citizen search (ui_search.c, the header's box in page.c) */
    {"search.title", "Søg borger", "Find a citizen"},
    {"search.q", "Navn eller CPR-nummer", "Name or CPR number"},
    {"search.box", "Søg borger (navn eller CPR-nummer)",
     "Find a citizen (name or CPR number)"},
    {"search.submit", "Søg", "Search"},
    {"search.hint",
     "Skriv en del af navnet (store og små bogstaver, accenter og æ, ø, å "
     "er lige meget: \"sorensen\" finder Sørensen) eller hele CPR-nummeret.",
     "Type part of the name (case, accents and æ, ø, å do not matter: "
     "\"sorensen\" finds Sørensen) or the whole CPR number."},
    {"search.results", "Resultater", "Results"},
    {"search.by_cpr", "Søgt på CPR-nummer.", "Searched by CPR number."},
    {"search.none", "Ingen borgere fundet blandt de forløb, du har adgang til.",
     "No citizens found among the courses you may see."},
    {"search.refine", "Skriv mere af navnet for at finde færre.",
     "Type more of the name to find fewer."},
    {"search.ended", "afsluttet", "ended"},

    /* log-in */
    {"login.title", "Log ind", "Log in"},
    {"login.username", "Brugernavn", "User name"},
    {"login.password", "Adgangskode", "Password"},
    {"login.submit", "Log ind", "Log in"},
    {"login.failed", "Forkert brugernavn eller adgangskode.",
     "Wrong user name or password."},
    {"login.expired", "Din session er udløbet. Log ind igen.",
     "Your session has expired. Log in again."},
    {"login.logged_out", "Du er logget ud.", "You are logged out."},
    {"login.throttled",
     "For mange mislykkede forsøg på at logge ind. Adgangskoden er ikke "
     "kontrolleret. Prøv igen om",
     "Too many failed log-ins. The password was not checked. Try again in"},
    {"login.second", "sekund.", "second."},
    {"login.seconds", "sekunder.", "seconds."},
    {"login.busy",
     "Serveren kontrollerer andre log-ind lige nu. Prøv igen om et "
     "øjeblik.",
     "The server is checking other log-ins right now. Try again in a "
     "moment."},

    /* errors as pages */
    {"error.title", "Der skete en fejl", "Something went wrong"},
    {"error.not_found", "Siden findes ikke, eller du har ikke adgang til den.",
     "The page does not exist, or you do not have access to it."},
    {"error.forbidden", "Du har ikke adgang til at gøre dette.",
     "You are not allowed to do this."},
    {"error.csrf",
     "Formularen var for gammel eller kom ikke fra overgang. Gå tilbage, "
     "genindlæs siden og prøv igen.",
     "The form was too old or did not come from overgang. Go back, reload "
     "the page and try again."},
    {"error.internal",
     "Der skete en fejl på serveren. Intet er gemt. Prøv igen, og kontakt "
     "support hvis det sker igen.",
     "The server failed. Nothing was saved. Try again, and contact support "
     "if it happens again."},
    {"error.too_big", "Indholdet er for stort.", "The content is too large."},
    {"error.conflict", "Konflikt", "Conflict"},

    /* form validation */
    {"err.required", "skal udfyldes", "is required"},
    {"err.too_long", "må højst være %1 tegn (bytes)",
     "must be at most %1 bytes"},
    {"err.utf8", "indeholder ugyldige tegn (ikke UTF-8)",
     "contains invalid characters (not UTF-8)"},
    {"err.control", "indeholder kontroltegn; fjern dem",
     "contains control characters; remove them"},
    {"err.choice", "skal være en af: %1", "must be one of: %1"},
    {"err.int", "skal være et helt tal", "must be a whole number"},
    {"err.range", "skal være mellem %1", "must be between %1"},
    {"err.date", "skal være en dato som ÅÅÅÅ-MM-DD, fx 2026-11-23",
     "must be a date as YYYY-MM-DD, e.g. 2026-11-23"},
    {"err.hours", "skal være timer mellem 0 og 60 med højst én decimal, fx 12,5",
     "must be hours between 0 and 60 with at most one decimal, e.g. 12.5"},
    {"err.bool", "skal være til eller fra", "must be on or off"},
    {"err.unknown_field", "ukendt felt '%1'; fjern det",
     "unknown field '%1'; remove it"},
    {"err.repeated", "feltet '%1' er sendt mere end én gang",
     "the field '%1' was sent more than once"},
    {"err.too_many", "højst %1 værdier", "at most %1 values"},
    {"err.too_many_fields", "for mange felter i formularen",
     "too many fields in the form"},
    {"err.too_deep", "for dybt indlejret", "nested too deeply"},
    {"err.encoding", "formularen er forkert kodet", "the form is badly encoded"},
    {"err.json", "kroppen er ikke gyldig JSON (linje %1)",
     "the body is not valid JSON (line %1)"},
    {"err.json_object", "skal være et JSON-objekt", "must be a JSON object"},
    {"err.json_string", "skal være en tekst (JSON-streng)",
     "must be a JSON string"},
    {"err.json_int", "skal være et helt tal (JSON-heltal)",
     "must be a JSON integer"},
    {"err.json_bool", "skal være true eller false", "must be true or false"},
    {"err.json_list", "skal være en liste af tekster",
     "must be a list of strings"},
    {"err.multipart", "filoverførslen er forkert opbygget",
     "the upload is malformed"},
    {"err.content_type",
     "send application/json, application/x-www-form-urlencoded eller "
     "multipart/form-data",
     "send application/json, application/x-www-form-urlencoded or "
     "multipart/form-data"},

    /* stages */
    {"stage.screened", "Screenet", "Screened"},
    {"stage.drawn", "Udtrukket", "Drawn"},
    {"stage.start", "Opstartsmøde holdt", "Start meeting held"},
    {"stage.plan", "Plan med jobmål", "Plan with job goal"},
    {"stage.match", "Virksomhedsmatch", "Company match"},
    {"stage.placement", "I virksomhedsforløb", "In company placement"},
    {"stage.in_job", "I job", "In a job"},
    {"stage.ended", "Afsluttet", "Ended"},

    /* roles */
    {"role.employment_caseworker", "Sagsbehandler (jobcenter)",
     "Caseworker (jobcentre)"},
    {"role.social_caseworker", "Sagsbehandler (socialområdet)",
     "Caseworker (social services)"},
    {"role.cti_worker", "CTI-medarbejder", "CTI worker"},
    {"role.company_consultant", "Virksomhedskonsulent", "Company consultant"},
    {"role.leader", "Leder", "Leader"},
    {"role.administrator", "Administrator", "Administrator"},
    {"role.national_analyst", "National analytiker", "National analyst"},
    {"role.citizen", "Borger", "Citizen"},
    {"role.employer", "Arbejdsgiver", "Employer"},
    {"role.system", "System", "System"},

    /* tasks ("Mine opgaver") */
    {"tasks.title", "Mine opgaver", "My tasks"},
    {"tasks.due", "Det skal gøres", "What is due"},
    {"tasks.none", "Intet forfalder de næste 14 dage.",
     "Nothing is due in the next 14 days."},
    {"tasks.overdue", "Overskredet", "Overdue"},
    {"tasks.my_courses", "Mine forløb", "My courses"},
    {"tasks.show_mine", "Mine opgaver", "My tasks"},
    {"tasks.show_team", "Teamets opgaver", "The team's tasks"},
    {"tasks.due_team", "Det skal teamet gøre", "What is due for the team"},
    {"tasks.about_mine",
     "Opgaver på de forløb, hvor du er navngivet på borgerens team.",
     "Tasks on the courses where you are named on the citizen's team."},
    {"tasks.about_team", "Opgaver på alle åbne forløb i dine teams.",
     "Tasks on every open course of your teams."},
    {"tasks.all_my_courses", "Alle mine forløb", "All my courses"},
    {"tasks.all_team_courses", "Alle teamets forløb",
     "All the team's courses"},
    {"tasks.kind", "Opgave", "Task"},
    {"tasks.citizen", "Borger", "Citizen"},
    {"tasks.deadline", "Frist", "Due"},
    {"task.start_meeting_incomplete", "Hold opstartsmøde",
     "Hold the start meeting"},
    {"task.plan_without_job_goal", "Skriv jobmål i planen",
     "Write the job goal in the plan"},
    {"task.followup_due", "Opfølgningsmøde", "Follow-up meeting"},
    {"task.measurement_due", "Måling", "Measurement"},
    {"task.cti_phase_change", "Ny CTI-fase", "New CTI phase"},
    {"task.agreement_review", "Revision af arbejdsaftale",
     "Review of the work agreement"},
    {"task.cti_not_aligned", "CTI-start passer ikke med virksomhedsforløbet",
     "CTI start does not fit the placement"},

    /* course list and page */
    {"courses.title", "Forløb", "Courses"},
    {"courses.start", "Start", "Start"},
    {"courses.next_due", "Næste frist", "Next due"},
    {"courses.sort", "Sortér efter", "Sort by"},
    {"courses.sort_start", "Start (nyeste først)", "Start (newest first)"},
    {"courses.sort_name", "Navn", "Name"},
    {"courses.sort_stage", "Fase", "Stage"},
    {"courses.sort_due", "Næste frist", "Next due"},
    {"courses.all_stages", "Alle faser", "All stages"},
    {"courses.show", "Vis", "Show"},
    {"courses.show_team", "Hele teamets", "The whole team's"},
    {"courses.show_mine", "Mine (hvor jeg er på teamet)",
     "Mine (where I am on the team)"},
    {"courses.mine_badge", "min", "mine"},
    {"courses.page", "Side", "Page"},
    {"courses.per_page", "Pr. side", "Per page"},
    {"courses.pages", "Sider", "Pages"},
    {"courses.prev", "\u2190 Forrige", "\u2190 Previous"},
    {"courses.next", "Næste \u2192", "Next \u2192"},
    {"courses.none", "Du har ingen forløb at se.",
     "You have no courses to see."},
    {"courses.stage", "Fase", "Stage"},
    {"courses.citizen", "Borger", "Citizen"},
    {"course.title", "Forløb", "Course"},
    {"course.started", "Startet", "Started"},
    {"course.ended", "Afsluttet", "Ended"},
    {"course.team", "Team", "Team"},
    {"course.staff", "Teamet omkring borgeren", "The team around the citizen"},
    {"course.no_staff", "Ingen medarbejdere er knyttet til forløbet endnu.",
     "No staff are named on the course yet."},
    {"course.elements", "De seks kerneelementer", "The six core elements"},
    {"course.done", "Gjort", "Done"},
    {"course.missing", "Mangler", "Missing"},
    {"course.actions", "Handlinger", "Actions"},
    {"course.history", "Faser", "Stages"},
    {"element.1", "1. Tværfagligt opstartsmøde",
     "1. Cross-disciplinary start meeting"},
    {"element.2", "2. Individuel plan med jobmål",
     "2. Individual plan with a job goal"},
    {"element.3", "3. Tværfaglig opfølgning", "3. Cross-disciplinary follow-up"},
    {"element.4", "4. Individuelt virksomhedsmatch",
     "4. Individual company match"},
    {"element.5", "5. Social støtte efter CTI-metoden",
     "5. Social support by the CTI method"},
    {"element.6", "6. Arbejdsaftale og virksomhedsforløb",
     "6. Work agreement and company placement"},
    {"element.start_done", "Opstartsmøde holdt %1", "Start meeting held %1"},
    {"element.start_incomplete",
     "Opstartsmødet %1 var ikke fuldt bemandet. Mangler: %2",
     "The start meeting on %1 was not complete. Missing: %2"},
    /* the English names of the default life domains (model/meeting.c) */
    {"domain.work_education", "Arbejde og uddannelse", "Work and education"},
    {"domain.physical_health", "Fysisk helbred", "Physical health"},
    {"domain.mental_health", "Psykisk helbred", "Mental health"},
    {"domain.housing", "Bolig", "Housing"},
    {"domain.economy", "Økonomi", "Finances"},
    {"domain.network_family", "Netværk og familie", "Network and family"},
    {"domain.substance_use", "Rusmidler", "Substance use"},
    {"domain.daily_living", "Hverdagsliv", "Daily living"},
    /* what is due (model/due.c), by kind; %1 the instrument, the phase or
     * the CTI start date */
    {"todo.start_meeting_incomplete",
     "Hold et fuldt bemandet tværfagligt opstartsmøde",
     "Hold a fully staffed joint start meeting"},
    {"todo.plan_without_job_goal",
     "Skriv borgerens jobmål i planen (med borgerens egne ord)",
     "Write the citizen's job goal in the plan (in their own words)"},
    {"todo.followup_due", "Tværfagligt opfølgningsmøde på planen",
     "Joint follow-up meeting on the plan"},
    {"todo.measurement_due", "Måling: %1", "Measurement: %1"},
    {"todo.cti_phase_change",
     "CTI fase %1 begynder: aftal lavere intensitet og overdrag opgaver til "
     "borgeren og netværket",
     "CTI phase %1 begins: agree on lower intensity and hand tasks over to "
     "the citizen and their network"},
    {"todo.agreement_review",
     "Opfølgning på arbejdsaftalen: timer og progression mod ordinære timer",
     "Review of the work agreement: hours and progress towards ordinary "
     "hours"},
    {"todo.cti_not_aligned",
     "CTI-start (%1) passer ikke med virksomhedsforløbets start",
     "The CTI start (%1) does not fit the start of the company placement"},
    {"mrole.citizen", "borgeren", "the citizen"},
    {"mrole.employment_caseworker",
     "en sagsbehandler (jobcenter eller socialområdet)",
     "a caseworker (jobcentre or social department)"},
    {"mrole.cti_worker", "CTI-medarbejderen", "the CTI worker"},
    {"mrole.company_consultant", "virksomhedskonsulenten",
     "the company consultant"},
    {"element.start_missing", "Intet fuldt bemandet opstartsmøde endnu",
     "No fully staffed start meeting yet"},
    {"element.plan_done", "Plan version %1 med jobmål",
     "Plan version %1 with a job goal"},
    {"element.plan_no_goal", "Planen har intet jobmål endnu",
     "The plan has no job goal yet"},
    {"element.plan_missing", "Ingen plan endnu", "No plan yet"},
    {"element.followups", "Opfølgningsmøder: %1", "Follow-up meetings: %1"},
    {"element.followup_missing", "Ingen opfølgningsmøder endnu",
     "No follow-up meetings yet"},
    {"element.match_done", "Forslag: %1", "Proposals: %1"},
    {"element.match_missing", "Intet virksomhedsmatch endnu",
     "No company match yet"},
    {"element.cti_done", "CTI startet %1, fase %2", "CTI started %1, phase %2"},
    {"element.cti_ended", "CTI startet %1, afsluttet %2",
     "CTI started %1, ended %2"},
    {"cti.over",
     "CTI-forløbet sluttede %1; der kan ikke registreres flere kontakter.",
     "The CTI course ended %1; no more contacts can be logged."},
    {"element.cti_planned", "CTI starter %1", "CTI starts %1"},
    {"element.cti_missing", "CTI er ikke startet", "CTI has not started"},
    {"element.placement_done", "Virksomhedsforløb: %1",
     "Company placements: %1"},
    {"element.placement_missing", "Intet virksomhedsforløb endnu",
     "No company placement yet"},

    /* actions on a course */
    {"act.start_meeting", "Registrér opstartsmøde", "Record the start meeting"},
    {"act.plan", "Redigér plan", "Edit the plan"},
    {"act.followup", "Registrér opfølgningsmøde", "Record a follow-up meeting"},
    {"act.match", "Find virksomhed (match)", "Find a company (match)"},
    {"act.placement", "Opret virksomhedsforløb", "Create a company placement"},
    {"act.cti", "CTI-forløb", "CTI course"},
    {"act.measure", "Målinger", "Measurements"},
    {"act.end", "Afslut forløb", "End the course"},

    /* start meeting */
    {"meeting.start_title", "Tværfagligt opstartsmøde", "Start meeting"},
    {"meeting.followup_title", "Opfølgningsmøde", "Follow-up meeting"},
    {"meeting.held_on", "Mødedato", "Meeting date"},
    {"meeting.attendees", "Deltagere", "Attendees"},
    {"meeting.notes", "Noter", "Notes"},
    {"meeting.wishes", "Borgerens ønsker", "The citizen's wishes"},
    {"meeting.competences", "Borgerens kompetencer",
     "The citizen's competences"},
    {"meeting.assessment", "Helhedsorienteret udredning",
     "Holistic assessment"},
    {"meeting.own_words", "Med borgerens egne ord", "In the citizen's own words"},
    {"meeting.resources", "Ressourcer", "Resources"},
    {"meeting.challenges", "Udfordringer", "Challenges"},
    {"meeting.rating", "Vurdering 0-4 (valgfri)", "Rating 0-4 (optional)"},
    {"meeting.plan_version", "Planversion fra mødet (valgfri)",
     "Plan version from the meeting (optional)"},
    {"meeting.list", "Møder", "Meetings"},
    {"meeting.complete", "Fuldt bemandet", "Fully staffed"},
    {"meeting.incomplete", "Ikke fuldt bemandet", "Not fully staffed"},
    {"meeting.joint", "Fælles (virksomhedskonsulent og CTI)",
     "Joint (consultant and CTI)"},
    {"meeting.kind.start", "Opstartsmøde", "Start meeting"},
    {"meeting.kind.followup", "Opfølgning", "Follow-up"},
    {"attendee.citizen", "Borgeren", "The citizen"},

    /* plan */
    {"plan.title", "Borgerens plan", "The citizen's plan"},
    {"plan.job_goal", "Jobmål (med borgerens ord)",
     "Job goal (in the citizen's words)"},
    {"plan.occupation", "Stillingsbetegnelse (DISCO-08, 4 cifre)",
     "Occupation (DISCO-08, 4 digits)"},
    {"plan.goals", "Mål, delmål og indsatser", "Goals, sub-goals and activities"},
    {"plan.goal", "Mål", "Goal"},
    {"plan.subgoal", "Delmål", "Sub-goal"},
    {"plan.activity", "Indsats", "Activity"},
    {"plan.new_goal", "Nyt mål", "New goal"},
    {"plan.new_subgoal", "Nyt delmål", "New sub-goal"},
    {"plan.new_activity", "Ny indsats", "New activity"},
    {"plan.status", "Status", "Status"},
    {"plan.responsible", "Ansvarlig", "Responsible"},
    {"plan.deadline", "Frist", "Deadline"},
    {"plan.with_citizen", "Planen er lagt sammen med borgeren",
     "The plan was made with the citizen"},
    {"plan.citizen_comment", "Borgerens kommentar", "The citizen's comment"},
    {"plan.versions", "Versioner", "Versions"},
    {"plan.changes", "Ændringer", "Changes"},
    {"plan.none", "Der er ingen plan endnu.", "There is no plan yet."},
    {"plan.stale",
     "Planen er ændret af en anden, mens du redigerede. Dine ændringer er "
     "ikke gemt; åbn den nyeste version og gentag dem.",
     "The plan was changed by someone else while you edited. Your changes "
     "were not saved; open the latest version and make them again."},
    {"plan.edit", "Redigér", "Edit"},
    {"plan.new_hint", "Tomme felter gemmes ikke.",
     "Empty fields are not saved."},
    {"status.planned", "Planlagt", "Planned"},
    {"status.in_progress", "I gang", "In progress"},
    {"status.done", "Gennemført", "Done"},
    {"status.cancelled", "Annulleret", "Cancelled"},

    /* companies, openings, match */
    {"company.title", "Virksomheder og praktikpladser",
     "Companies and openings"},
    {"company.new", "Ny virksomhed", "New company"},
    {"company.cvr", "CVR-nummer", "CVR number"},
    {"company.name", "Navn", "Name"},
    {"company.postcode", "Postnummer", "Postcode"},
    {"company.openings", "Pladser", "Openings"},
    {"company.none", "Ingen virksomheder endnu.", "No companies yet."},
    {"opening.new", "Ny plads", "New opening"},
    {"opening.tasks", "Arbejdsopgaver", "Tasks"},
    {"opening.occupation", "Stilling (DISCO-08, 4 cifre)",
     "Occupation (DISCO-08, 4 digits)"},
    {"opening.hours_min", "Timer pr. uge, fra", "Hours per week, from"},
    {"opening.hours_max", "Timer pr. uge, til", "Hours per week, to"},
    {"opening.accommodations", "Hensyn arbejdspladsen kan tage",
     "Accommodations the workplace can offer"},
    {"opening.ordinary", "Mulighed for ordinære timer",
     "Possibility of ordinary hours"},
    {"opening.shortage", "Mangelområde", "Labour shortage"},
    {"opening.company", "Virksomhed", "Company"},
    {"ordinary.now", "Nu", "Now"},
    {"ordinary.later", "Senere", "Later"},
    {"ordinary.not", "Ikke", "Not"},
    {"acc.reduced_hours", "Nedsat tid", "Reduced hours"},
    {"acc.flexible_hours", "Fleksible mødetider", "Flexible hours"},
    {"acc.quiet_workplace", "Rolig arbejdsplads", "Quiet workplace"},
    {"acc.mentor", "Fast kontaktperson/mentor", "Mentor"},
    {"acc.physical_limits", "Skånehensyn, fysisk", "Physical accommodation"},
    {"acc.breaks", "Ekstra pauser", "Extra breaks"},
    {"acc.clear_tasks", "Klare og faste opgaver", "Clear, fixed tasks"},
    {"acc.no_customer_contact", "Ingen kundekontakt", "No customer contact"},
    {"match.title", "Virksomhedsmatch", "Company match"},
    {"match.profile", "Borgerens profil", "The citizen's profile"},
    {"match.wishes", "Ønsker (ord adskilt af komma)",
     "Wishes (words separated by commas)"},
    {"match.needs", "Borgerens behov for hensyn",
     "The citizen's accommodation needs"},
    {"match.wanted_hours", "Ønskede timer pr. uge", "Wanted hours per week"},
    {"match.postcode", "Borgerens postnummer", "The citizen's postcode"},
    {"match.travel", "Transport", "Travel"},
    {"travel.same_municipality", "Kun i egen kommune",
     "Own municipality only"},
    {"travel.anywhere", "Gerne uden for kommunen", "Anywhere"},
    {"match.suggest", "Find forslag", "Find suggestions"},
    {"match.suggestions", "Forslag", "Suggestions"},
    {"match.score", "Point", "Score"},
    {"match.why", "Hvorfor", "Why"},
    {"match.propose", "Foreslå for borgeren", "Propose to the citizen"},
    {"match.proposals", "Forslag givet til borgeren",
     "Proposals made to the citizen"},
    {"match.answer", "Borgerens svar", "The citizen's answer"},
    {"match.agreed", "Borgeren siger ja", "The citizen agrees"},
    {"match.declined", "Borgeren siger nej", "The citizen declines"},
    {"match.pending", "Afventer svar", "Awaiting answer"},
    {"match.none", "Ingen pladser passer. Opret pladser under Virksomheder.",
     "No openings fit. Create openings under Companies."},
    {"match.opening", "Plads", "Opening"},
    {"match.proposed_on", "Foreslået", "Proposed"},

    /* placements and work agreements */
    {"placement.title", "Virksomhedsforløb", "Company placement"},
    {"placement.type", "Type", "Type"},
    {"placement.company", "Virksomhed", "Company"},
    {"placement.start", "Startdato", "Start date"},
    {"placement.end", "Slutdato (valgfri)", "End date (optional)"},
    {"placement.weekly_hours", "Timer pr. uge", "Hours per week"},
    {"placement.list", "Virksomhedsforløb", "Company placements"},
    {"ptype.internship", "Virksomhedspraktik", "Company internship"},
    {"ptype.wage_subsidy", "Løntilskud", "Wage subsidy"},
    {"ptype.flex_job", "Fleksjob", "Flex job"},
    {"ptype.ordinary_job", "Ordinært job", "Ordinary job"},
    {"agreement.title", "Arbejdsaftale", "Work agreement"},
    {"agreement.mine", "Arbejdsaftaler", "Work agreements"},
    {"nav.agreements", "Arbejdsaftaler", "Work agreements"},
    {"agreement.none", "Der er ingen arbejdsaftale endnu.",
     "There is no work agreement yet."},
    {"agreement.internship_hours", "Praktiktimer pr. uge",
     "Internship hours per week"},
    {"agreement.ordinary_hours", "Ordinære timer pr. uge",
     "Ordinary hours per week"},
    {"agreement.tasks", "Arbejdsopgaver", "Tasks"},
    {"agreement.accommodations", "Skånehensyn", "Accommodations"},
    {"agreement.goals", "Mål for progression (ét pr. linje)",
     "Progression goals (one per line)"},
    {"agreement.goal", "Mål for progression", "Progression goal"},
    {"agreement.reached", "nået", "reached"},
    {"agreement.review_date", "Revisionsdato", "Review date"},
    {"agreement.sign", "Underskriv", "Sign"},
    {"agreement.signer", "Underskriver", "Signer"},
    {"agreement.signoffs", "Underskrifter", "Sign-offs"},
    {"agreement.save", "Gem ny version", "Save a new version"},
    {"agreement.stale",
     "Arbejdsaftalen er ændret af en anden, mens du redigerede. Dine "
     "ændringer er ikke gemt.",
     "The work agreement was changed by someone else while you edited. "
     "Your changes were not saved."},
    {"signer.citizen", "Borger", "Citizen"},
    {"signer.consultant", "Virksomhedskonsulent", "Company consultant"},
    {"signer.employer", "Arbejdsgiver", "Employer"},
    {"signoff.all", "Underskrevet af alle", "Signed by all"},
    {"signoff.missing", "Mangler underskrift fra", "Not yet signed by"},
    {"signoff.who.citizen", "borgeren", "the citizen"},
    {"signoff.who.consultant", "virksomhedskonsulenten",
     "the company consultant"},
    {"signoff.who.employer", "arbejdsgiveren", "the employer"},
    {"hours.title", "Timer pr. uge", "Hours per week"},
    {"hours.iso_year", "År", "Year"},
    {"hours.iso_week", "Uge", "Week"},
    {"hours.internship", "Praktiktimer", "Internship hours"},
    {"hours.ordinary", "Ordinære timer", "Ordinary hours"},
    {"hours.chart", "Progression mod ordinære timer",
     "Progression toward ordinary hours"},
    {"hours.none", "Ingen timer registreret endnu.",
     "No hours recorded yet."},
    {"hours.save", "Registrér timer", "Record hours"},
    {"employment.title", "Ordinær beskæftigelse", "Ordinary employment"},
    {"employment.from", "Fra dato", "From date"},
    {"employment.hours", "Ordinære timer pr. uge", "Ordinary hours per week"},

    /* CTI */
    {"cti.title", "CTI-forløb", "CTI course"},
    {"cti.not_started", "CTI er ikke startet.", "CTI has not started."},
    {"cti.start", "Start CTI", "Start CTI"},
    {"cti.legal_basis", "Lovgrundlag", "Legal basis"},
    {"cti.months", "Længde i måneder (0 = standard)",
     "Length in months (0 = default)"},
    {"cti.start_date", "Startdato", "Start date"},
    {"cti.phase", "Fase", "Phase"},
    {"cti.months_unit", "måneder", "months"},
    {"cti.planned_every", "planlagt kontakt hver", "planned contact every"},
    {"cti.days", "dage", "days"},
    {"cti.phases", "Faser", "Phases"},
    {"cti.phase_from", "fra", "from"},
    {"cti.end", "Slut", "End"},
    {"cti.contacts", "Kontaktlog", "Contact log"},
    {"cti.contact_new", "Registrér kontakt", "Log a contact"},
    {"cti.form", "Kontaktform", "Form of contact"},
    {"cti.minutes", "Minutter", "Minutes"},
    {"cti.focus", "Fokusområde", "Focus area"},
    {"cti.intensity", "Intensitet: planlagt og faktisk",
     "Intensity: planned and actual"},
    {"cti.planned", "Planlagt", "Planned"},
    {"cti.actual", "Faktisk", "Actual"},
    {"cti.per_week", "pr. uge", "per week"},
    {"cti.warnings", "Advarsler", "Warnings"},
    {"cti.no_contacts", "Ingen kontakter registreret.", "No contacts logged."},
    {"basis.sel_85", "SEL § 85", "SEL § 85"},
    {"basis.sel_82b", "SEL § 82 B", "SEL § 82 B"},
    {"basis.lab_31b", "LAB § 31 B", "LAB § 31 B"},
    {"basis.other", "Andet", "Other"},
    {"cform.meeting", "Møde", "Meeting"},
    {"cform.phone", "Telefon", "Phone"},
    {"cform.video", "Video", "Video"},
    {"cform.workplace", "På arbejdspladsen", "At the workplace"},
    {"cform.network", "Med netværket", "With the network"},

    /* measurements */
    {"measure.title", "Målinger", "Measurements"},
    {"measure.new", "Ny måling", "New measurement"},
    {"measure.instrument", "Måleredskab", "Instrument"},
    {"measure.taken_on", "Dato", "Date"},
    {"measure.score", "Score", "Score"},
    {"measure.rater", "Vurderet af", "Rated by"},
    {"measure.entered_by", "Indtastet af", "Entered by"},
    {"measure.none", "Ingen målinger endnu.", "No measurements yet."},
    {"measure.trajectory", "Udvikling", "Trajectory"},
    {"measure.due", "Næste måling forfalder %1", "Next measurement due %1"},
    {"measure.item", "Spørgsmål", "Question"},
    {"instr.who5", "WHO-5 Trivselsindeks", "WHO-5 Well-Being Index"},
    {"instr.gse", "Tro på egne evner (GSE)", "General self-efficacy (GSE)"},
    {"instr.readiness", "Arbejdsmarkedsparathed", "Labour-market readiness"},
    {"who5.intro",
     "I de sidste to uger ... (0 = på intet tidspunkt, 5 = hele tiden)",
     "Over the last two weeks ... (0 = at no time, 5 = all of the time)"},
    {"who5.1", "... har jeg været glad og i godt humør",
     "... I have felt cheerful and in good spirits"},
    {"who5.2", "... har jeg følt mig rolig og afslappet",
     "... I have felt calm and relaxed"},
    {"who5.3", "... har jeg følt mig aktiv og energisk",
     "... I have felt active and vigorous"},
    {"who5.4", "... er jeg vågnet frisk og udhvilet",
     "... I woke up feeling fresh and rested"},
    {"who5.5", "... har min dagligdag været fyldt med ting, der interesserer mig",
     "... my daily life has been filled with things that interest me"},
    {"gse.intro", "1 = passer slet ikke, 4 = passer helt",
     "1 = not at all true, 4 = exactly true"},
    {"readiness.intro", "1 = langt fra arbejdsmarkedet, 10 = klar til ordinært job",
     "1 = far from the labour market, 10 = ready for an ordinary job"},
    {"readiness.question", "Hvor tæt er du på arbejdsmarkedet lige nu?",
     "How close are you to the labour market right now?"},
    /* the answer labels of the official Danish WHO-5 (a score per label) */
    {"who5.scale.0", "På intet tidspunkt", "At no time"},
    {"who5.scale.1", "Lidt af tiden", "Some of the time"},
    {"who5.scale.2", "Lidt mindre end halvdelen af tiden",
     "Less than half of the time"},
    {"who5.scale.3", "Lidt mere end halvdelen af tiden",
     "More than half of the time"},
    {"who5.scale.4", "Det meste af tiden", "Most of the time"},
    {"who5.scale.5", "Hele tiden", "All of the time"},
    {"gse.scale.1", "Passer slet ikke", "Not at all true"},
    {"gse.scale.2", "Passer næppe", "Hardly true"},
    {"gse.scale.3", "Passer nogenlunde", "Moderately true"},
    {"gse.scale.4", "Passer helt", "Exactly true"},
    {"rater.citizen", "Borger", "Citizen"},
    {"rater.cti_worker", "CTI-medarbejder", "CTI worker"},
    {"by.citizen", "Borger", "Citizen"},
    {"by.staff", "Medarbejder", "Staff"},

    /* ending */
    {"end.title", "Afslut forløb", "End the course"},
    {"end.reason", "Årsag", "Reason"},
    {"end.text", "Uddybning", "Details"},
    {"end.date", "Slutdato", "End date"},
    {"end.confirm", "Afslut forløbet", "End the course"},
    {"endr.ordinary_job", "I ordinært job", "In an ordinary job"},
    {"endr.education", "Påbegyndt uddannelse", "Started education"},
    {"endr.other_effort", "Overgået til anden indsats",
     "Moved to another programme"},
    {"endr.flex_job", "Fleksjob", "Flex job"},
    {"endr.health", "Helbredsmæssige årsager", "Health reasons"},
    {"endr.moved", "Fraflyttet kommunen", "Moved away"},
    {"endr.withdrew", "Borgeren ønskede at stoppe",
     "The citizen wished to stop"},
    {"endr.other", "Andet", "Other"},

    /* screening and draw */
    {"screening.title", "Screening og lodtrækning", "Screening and draw"},
    {"screening.import", "Indlæs kandidatliste (CSV)",
     "Import a candidate list (CSV)"},
    {"screening.file", "CSV-fil", "CSV file"},
    {"screening.reference_date", "Skæringsdato", "Reference date"},
    {"screening.source_name", "Kilde (fx udtræk fra fagsystem)",
     "Source (e.g. an extract from the case system)"},
    {"screening.batches", "Indlæste lister", "Imported lists"},
    {"screening.none", "Ingen lister indlæst endnu.", "No lists imported yet."},
    {"screening.candidates", "Kandidater", "Candidates"},
    {"screening.in_target", "I målgruppen", "In the target group"},
    {"screening.eligible", "Kan udtrækkes", "May be drawn"},
    {"screening.excluded", "Udelukket", "Excluded"},
    {"screening.criteria", "Screening pr. kriterium", "Screening by criterion"},
    {"screening.criterion", "Kriterium", "Criterion"},
    {"screening.passed", "Opfylder", "Meets"},
    {"screening.failed", "Opfylder ikke", "Does not meet"},
    {"screening.line", "Linje", "Line"},
    {"screening.draw", "Lodtrækning", "Random draw"},
    {"screening.count", "Antal der skal udtrækkes", "Number to draw"},
    {"screening.seed",
     "Frø (tal; tomt = tilfældigt, gemmes så lodtrækningen kan efterprøves)",
     "Seed (number; empty = random, stored so the draw can be verified)"},
    {"screening.team", "Team der får forløbene", "Team that gets the courses"},
    {"screening.do_draw", "Træk lod", "Draw"},
    {"screening.draws", "Lodtrækninger", "Draws"},
    {"screening.drawn", "Udtrukket", "Drawn"},
    {"screening.undrawn", "Ikke udtrukket (kontrolgruppe)",
     "Not drawn (control group)"},
    {"screening.imported_by", "Indlæst af", "Imported by"},
    {"screening.errors", "Fejl i filen; intet er indlæst:",
     "Errors in the file; nothing was imported:"},
    {"crit.age", "Alder", "Age"},
    {"crit.activity_ready", "Aktivitetsparat", "Activity-ready"},
    {"crit.unemployment", "Ledighedsperiode", "Unemployment period"},
    {"crit.company_activity", "Ikke i virksomhedsrettet aktivitet",
     "Not in company-directed activity"},
    {"crit.prison", "Afsoning", "Serving a sentence"},
    {"crit.health", "Helbred", "Health"},
    {"crit.declined", "Takket nej", "Declined"},
    {"excl.company_activity", "I virksomhedsrettet aktivitet",
     "In company-directed activity"},
    {"excl.prison", "Afsoner dom", "Serving a sentence"},
    {"excl.health", "Helbredsmæssige årsager", "Health reasons"},
    {"excl.declined", "Takket nej", "Declined"},
    {"excl.other", "Andet", "Other"},
    {"outcome.pass", "Opfyldt", "Met"},
    {"outcome.fail", "Ikke opfyldt", "Not met"},
    {"outcome.not_applicable", "Ikke relevant", "Not applicable"},

    /* audit */
    {"audit.title", "Revisionslog", "Audit log"},
    {"audit.citizen", "Borger-id", "Citizen id"},
    {"audit.user", "Bruger", "User"},
    {"audit.from", "Fra dato", "From date"},
    {"audit.to", "Til dato", "To date"},
    {"audit.when", "Tidspunkt", "When"},
    {"audit.role", "Rolle", "Role"},
    {"audit.action", "Handling", "Action"},
    {"audit.purpose", "Formål", "Purpose"},
    {"audit.none", "Ingen rækker passer til filtret.",
     "No rows match the filter."},
    {"access.title", "Min adgangslog", "My access log"},
    {"access.intro",
     "Her kan du se, hvornår dine oplysninger er set eller ændret, af hvilken "
     "rolle og med hvilket formål (databeskyttelsesforordningens artikel 15).",
     "Here you can see when your data was read or changed, by which role "
     "and why (GDPR article 15)."},
    {"access.none", "Ingen adgang registreret.", "No access recorded."},
    {"access.file_all", "Filen indeholder hele loggen, alle %2 rækker.",
     "The file holds the whole log, all %2 rows."},
    {"access.file_cut",
     "Filen indeholder de nyeste %1 af %2 rækker (filen må højst fylde "
     "16 MB). Bed kommunen om resten.",
     "The file holds the newest %1 of %2 rows (the file may be at most "
     "16 MB). Ask the municipality for the rest."},
    {"action.create", "Oprettet", "Created"},
    {"action.read", "Læst", "Read"},
    {"action.update", "Ændret", "Changed"},
    {"action.delete", "Slettet", "Deleted"},
    {"action.export", "Udleveret", "Exported"},
    {"action.prune", "Slettet efter opbevaringsperiode", "Pruned"},

    /* ids in bodies: another municipality's id answers as a missing one */

    /* the indicators (issue 12; docs/indicators.md) */
    {"ind.from", "Fra", "From"},
    {"ind.to", "Til", "To"},
    {"ind.team", "Team", "Team"},
    {"ind.staff", "Medarbejder", "Staff member"},
    {"ind.start_meeting_complete",
     "Opstartsmøder med borger, sagsbehandler, CTI-medarbejder og "
     "virksomhedskonsulent",
     "Start meetings with citizen, caseworker, CTI worker and company "
     "consultant"},
    {"ind.start_meeting_days", "Dage fra lodtrækning til opstartsmøde (median)",
     "Days from draw to start meeting (median)"},
    {"ind.plan_job_goal", "Plan med jobmål inden for fristen efter opstartsmødet",
     "Plan with a job goal within the deadline after the start meeting"},
    {"ind.plan_changes_with_citizen",
     "Planændringer besluttet sammen med borgeren",
     "Plan changes decided with the citizen"},
    {"ind.followup_on_time", "Aktive forløb fulgt op inden for intervallet",
     "Active courses followed up within the interval"},
    {"ind.followup_joint",
     "Opfølgninger med både virksomhedskonsulent og CTI-medarbejder",
     "Follow-ups with both company consultant and CTI worker"},
    {"ind.match_days",
     "Dage fra opstartsmøde til virksomhedsforløb (median)",
     "Days from start meeting to placement (median)"},
    {"ind.placement_ordinary_possible",
     "Virksomhedsforløb hvor ordinære timer er mulige",
     "Placements where ordinary hours are possible"},
    {"ind.cti_started_in_window", "CTI startet kort før virksomhedsforløbet",
     "CTI started shortly before the placement"},
    {"ind.cti_contacts_phase1", "CTI-kontakter pr. uge i fase 1",
     "CTI contacts per week in phase 1"},
    {"ind.cti_contacts_phase2", "CTI-kontakter pr. uge i fase 2",
     "CTI contacts per week in phase 2"},
    {"ind.cti_contacts_phase3", "CTI-kontakter pr. uge i fase 3",
     "CTI contacts per week in phase 3"},
    {"ind.cti_intensity_decreasing", "CTI-forløb med aftagende intensitet",
     "CTI courses with decreasing intensity"},
    {"ind.cti_first_month_contacts",
     "CTI-forløb med mindst 2 kontakter i første måned",
     "CTI courses with at least 2 contacts in the first month"},
    {"ind.cti_caseload_max", "Flest aktive borgere hos én CTI-medarbejder",
     "Most active citizens with one CTI worker"},
    {"ind.agreement_signed",
     "Virksomhedsforløb med arbejdsaftale underskrevet af alle tre",
     "Placements with a work agreement signed by all three"},
    {"ind.agreement_ordinary_hours", "Arbejdsaftaler med ordinære timer",
     "Work agreements with ordinary hours"},
    {"ind.ordinary_hours_start",
     "Ordinære timer pr. uge ved start (median)",
     "Ordinary hours per week at the start (median)"},
    {"ind.ordinary_hours_now", "Ordinære timer pr. uge nu (median)",
     "Ordinary hours per week now (median)"},
    {"ind.company_directed_share",
     "Borgere der har været i virksomhedsrettet aktivitet",
     "Citizens who have been in a company-directed activity"},
    {"ind.ordinary_employment_12m",
     "I ordinær beskæftigelse 12 måneder efter start",
     "In ordinary employment 12 months after the start"},
    {"ind.who5_change", "Ændring i WHO-5 fra første til seneste måling",
     "WHO-5 change from first to latest measurement"},
    {"ind.ended", "Afsluttede forløb", "Courses ended"},
    {"ind.ends_ordinary_job", "Afsluttet: i ordinært job",
     "Ended: ordinary job"},
    {"ind.ends_education", "Afsluttet: påbegyndt uddannelse",
     "Ended: started education"},
    {"ind.ends_other_effort", "Afsluttet: overgået til anden indsats",
     "Ended: moved to another effort"},
    {"ind.ends_flex_job", "Afsluttet: fleksjob", "Ended: flex job"},
    {"ind.ends_health", "Afsluttet: helbred", "Ended: health"},
    {"ind.ends_moved", "Afsluttet: fraflyttet kommunen",
     "Ended: moved away"},
    {"ind.ends_withdrew", "Afsluttet: borgeren ønskede at stoppe",
     "Ended: the citizen chose to stop"},
    {"ind.ends_other", "Afsluttet: andet", "Ended: other"},
    {"ind.caseload_caseworker", "Aktive forløb pr. sagsbehandler",
     "Active courses per caseworker"},
    {"ind.caseload_cti_worker", "Aktive forløb pr. CTI-medarbejder",
     "Active courses per CTI worker"},
    {"ind.caseload_consultant", "Aktive forløb pr. virksomhedskonsulent",
     "Active courses per company consultant"},

    /* the leader's board (ui_board.c) */
    {"nav.board", "Tavle", "Board"},
    {"board.title", "Tavlemøde", "Board meeting"},
    {"board.ncourses", "%1 forløb", "%1 courses"},
    {"board.format", "Format", "Format"},
    {"board.indicator", "Indikator", "Indicator"},
    {"board.part", "Del", "Part"},
    {"board.list", "Liste", "List"},
    {"board.all_teams", "Hele kommunen", "The whole municipality"},
    {"board.no_team", "Intet team valgt", "No team chosen"},
    {"board.all_staff", "Alle medarbejdere", "All staff"},
    {"board.staff_hint", "Vælg et team for at vælge en medarbejder.",
     "Choose a team to choose a staff member."},
    {"board.me", "Mine egne forløb", "My own courses"},
    {"board.elements", "De seks kerneelementer", "The six core elements"},
    {"board.el1", "1 Opstartsmøde", "1 Start meeting"},
    {"board.el2", "2 Plan", "2 Plan"},
    {"board.el3", "3 Opfølgning", "3 Follow-up"},
    {"board.el4", "4 Virksomhedsmatch", "4 Company match"},
    {"board.el5", "5 CTI-støtte", "5 CTI support"},
    {"board.el6", "6 Arbejdsaftale", "6 Work agreement"},
    {"board.results", "Resultater", "Results"},
    {"board.r_company", "Virksomhedsrettet aktivitet",
     "Company-directed activity"},
    {"board.r_employment", "Ordinær beskæftigelse efter 12 måneder",
     "Ordinary employment after 12 months"},
    {"board.r_who5", "Trivsel (WHO-5)", "Well-being (WHO-5)"},
    {"board.r_ends", "Afslutninger efter årsag", "Ends by reason"},
    {"board.caseloads", "Sagsstammer", "Caseloads"},
    {"board.status.green", "I mål", "On target"},
    {"board.status.yellow", "Tæt på målet", "Near target"},
    {"board.status.red", "Under målet", "Off target"},
    {"board.status.none", "Ingen status", "No status"},
    {"board.target_min", "mål: mindst", "target: at least"},
    {"board.target_max", "mål: højst", "target: at most"},
    {"board.of", "af", "of"},
    {"board.load_max_nd", "%1 forløb hos den travleste af %2",
     "%1 courses with the busiest of %2"},
    {"board.load_nd", "%1 forløb hos %2 medarbejdere",
     "%1 courses with %2 staff"},
    {"board.u.days", "dage", "days"},
    {"board.u.hours", "timer/uge", "hours/week"},
    {"board.u.per_week", "pr. uge", "per week"},
    {"board.u.points", "point", "points"},
    {"board.trend", "udvikling de seneste 12 måneder",
     "trend over the last 12 months"},
    {"board.drill_num", "Forløbene bag tælleren",
     "The courses behind the numerator"},
    {"board.drill_den", "Forløbene bag nævneren",
     "The courses behind the denominator"},
    {"board.ref.cd_final", "Slutevaluering 2021, deltagere:",
     "Final evaluation 2021, participants:"},
    {"board.ref.cd_control", "Slutevaluering 2021, kontrolgruppe:",
     "Final evaluation 2021, control group:"},
    {"board.ref.cd_mid", "Midtvejsevaluering 2019:", "Mid-term evaluation 2019:"},
    {"board.ref.emp_final", "Slutevaluering 2021, deltagere:",
     "Final evaluation 2021, participants:"},
    {"board.ref.emp_control", "Slutevaluering 2021, kontrolgruppe:",
     "Final evaluation 2021, control group:"},
    {"board.ref.who5_pilot", "Pilotprojektet (49 til 57):",
     "The pilot (49 to 57):"},
    {"board.ref.cti_20", "CTI-praksis, højst:", "CTI practice, at most:"},
    {"board.attention", "Kræver opmærksomhed", "Needs attention"},
    {"board.att_on", "Forløb med en årsag pr. %1, den ældste først.",
     "Courses with a reason as of %1, the oldest first."},
    {"board.att_none", "Ingen forløb kræver opmærksomhed.",
     "No course needs attention."},
    {"board.att_shown", "De %1 ældste af %2 vises.",
     "The oldest %1 of %2 are shown."},
    {"board.att_all", "Se hele listen", "See the whole list"},
    {"board.export_xlsx", "Hent som Excel (XLSX)", "Download as Excel (XLSX)"},
    {"board.sheet", "Tavle", "Board"},
    {"board.att_sheet", "Kræver opmærksomhed", "Needs attention"},
    {"board.list_sheet", "Forløb", "Courses"},
    {"board.note",
     "Beregnet fra forløbenes data; se docs/indicators.md for definitionerne.",
     "Computed from the course data; see docs/indicators.md for the "
     "definitions."},
    {"board.col.element", "Element", "Element"},
    {"board.col.id", "Id", "Id"},
    {"board.col.label", "Indikator", "Indicator"},
    {"board.col.numerator", "Tæller", "Numerator"},
    {"board.col.denominator", "Nævner", "Denominator"},
    {"board.col.value", "Værdi", "Value"},
    {"board.col.unit", "Enhed", "Unit"},
    {"board.col.target", "Mål", "Target"},
    {"board.col.status", "Status", "Status"},
    {"board.col.course", "Forløb", "Course"},
    {"board.col.citizen", "Borger", "Citizen"},
    {"board.col.team", "Team", "Team"},
    {"board.col.reason", "Årsag", "Reason"},
    {"board.col.since", "Siden", "Since"},
    {"board.col.staff", "Medarbejder-id", "Staff id"},
    {"board.col.stage", "Fase", "Stage"},
    {"board.col.count", "Antal", "Count"},
    {"board.part_num", "forløbene bag tælleren",
     "the courses behind the numerator"},
    {"board.part_den", "forløbene bag nævneren",
     "the courses behind the denominator"},
    {"board.list_sum", "%1 forløb, i alt %2.", "%1 courses, %2 in all."},
    {"board.list_none", "Ingen forløb.", "No courses."},
    {"board.back", "Tilbage til tavlen", "Back to the board"},
    {"attention.followup_overdue",
     "Ingen opfølgning inden for intervallet",
     "No follow-up within the interval"},
    {"attention.no_placement",
     "Intet virksomhedsforløb %1 måneder efter opstartsmødet",
     "No placement %1 months after the start meeting"},
    {"attention.agreement_unsigned", "Arbejdsaftalen er ikke underskrevet",
     "The work agreement is not signed"},
    {"attention.cti_no_plan_after",
     "CTI er slut uden en plan for tiden efter",
     "CTI ended without a plan for the time after"},
    {"attention.who5_dropped", "WHO-5 faldet 10 point eller mere",
     "WHO-5 dropped by 10 points or more"},
    {"attention.caseload_over", "Sagsstamme over målet: %1",
     "Caseload above target: %1"},

    /* the national analyst's board (ui_national.c) */
    {"nav.national", "National overvågning", "National monitoring"},
    {"nat.title", "National overvågning", "National monitoring"},
    {"nat.munis", "kommuner", "municipalities"},
    {"nat.muni", "Kommune", "Municipality"},
    {"nat.total", "Hele landet", "National total"},
    {"nat.indicators", "Indikatorer pr. kommune",
     "Indicators by municipality"},
    {"nat.imported", "importeret", "imported"},
    {"nat.na", "ikke i udtræk", "not in extracts"},
    {"nat.na_long",
     "Kan ikke beregnes fra et udtræk: udtrækket indeholder ikke "
     "medarbejdere.",
     "Not available from extracts: an extract carries no staff."},
    {"nat.suppressed",
     "Skjult: bygger på for få borgere, eller kunne ellers regnes ud af "
     "totalerne.",
     "Hidden: built on too few citizens, or it could otherwise be worked "
     "out from the totals."},
    {"nat.no_value", "Ingen forløb tæller med", "No course counts"},
    {"nat.none", "Ingen kommuner har forløb i perioden.",
     "No municipality has courses in the period."},
    {"nat.note",
     "Tal, der bygger på færre borgere, vises som %1, og flere tal er "
     "skjult, så et skjult tal ikke kan regnes ud af totalerne. Ingen "
     "personer, navne eller forløb vises.",
     "Figures built on fewer citizens are shown as %1, and further "
     "figures are hidden so that no hidden figure can be worked out from "
     "the totals. No person, name or course is shown."},
    {"nat.rules",
     "Alle kommuner beregnes med de samme standardregler og på måneder, "
     "så levende og importerede data kan sammenlignes.",
     "Every municipality is computed with the same default rules and on "
     "months, so live and imported data compare."},
    {"nat.rollout", "Udrulning måned for måned", "Rollout month by month"},
    {"nat.col.month", "Måned", "Month"},
    {"nat.col.munis", "Kommuner i gang", "Municipalities started"},
    {"nat.col.drawn", "Borgere trukket", "Citizens drawn"},
    {"nat.col.active", "Aktive forløb", "Active courses"},
    {"nat.col.ended", "Afsluttede forløb", "Courses ended"},
    /* administration (ui_admin.c) */
    {"nav.admin", "Administration", "Administration"},
    {"admin.title", "Administration", "Administration"},
    {"admin.home", "Til administration", "Back to administration"},
    {"admin.users_title", "Brugere", "Users"},
    {"admin.teams_title", "Teams", "Teams"},
    {"admin.active_users", "aktive", "active"},
    {"admin.attention", "Kræver opmærksomhed", "Needs attention"},
    {"admin.nothing", "Intet kræver opmærksomhed.",
     "Nothing needs attention."},
    {"admin.why_expired",
     "aktiveringskoden udløb uden at blive brugt; giv en ny kode",
     "the activation code expired unused; issue a new one"},
    {"admin.why_inactive_courses",
     "deaktiveret, men stadig navngivet på åbne forløb",
     "deactivated, but still named on open courses"},
    {"admin.why_no_password",
     "har ingen adgangskode og ingen kode; giv en aktiveringskode",
     "has no password and no code; issue an activation code"},
    {"admin.full_name", "Fulde navn", "Full name"},
    {"admin.username", "Brugernavn", "User name"},
    {"admin.role", "Rolle", "Role"},
    {"admin.phone", "Telefon", "Phone"},
    {"admin.email", "E-mail", "E-mail"},
    {"admin.teams", "Teams", "Teams"},
    {"admin.no_teams", "Kommunen har ingen teams endnu.",
     "The municipality has no teams yet."},
    {"admin.contact", "Kontakt", "Contact"},
    {"admin.state", "Status", "Status"},
    {"admin.active", "Aktiv", "Active"},
    {"admin.inactive", "Deaktiveret", "Deactivated"},
    {"admin.code_pending", "Venter på aktivering", "Waiting for activation"},
    {"admin.code_expired", "Aktiveringskoden er udløbet",
     "Activation code expired"},
    {"admin.no_password", "Ingen adgangskode", "No password"},
    {"admin.new_user", "Opret bruger", "Create a user"},
    {"admin.new_user_help",
     "Brugeren får en engangskode og vælger selv sin adgangskode på "
     "siden Aktivér.",
     "The user gets a one-time code and chooses their own password on the "
     "Activate page."},
    {"admin.create", "Opret", "Create"},
    {"admin.edit_user", "Ret bruger", "Change the user"},
    {"admin.reset", "Ny aktiveringskode", "New activation code"},
    {"admin.reset_help",
     "Hvis brugeren har glemt sin adgangskode: en ny kode erstatter den "
     "gamle; adgangskoden virker, til koden bruges.",
     "If the user forgot their password: a new code replaces the old one; "
     "the password works until the code is used."},
    {"admin.reset_button", "Giv ny kode", "Issue a new code"},
    {"admin.deactivate", "Deaktivér", "Deactivate"},
    {"admin.deactivate_help",
     "Brugeren kan ikke længere logge ind, og alle sessioner slutter med "
     "det samme. Brugeren slettes ikke: revisionsloggen nævner dem.",
     "The user can no longer log in, and all sessions end at once. The user "
     "is not deleted: the audit log names them."},
    {"admin.deactivate_button", "Deaktivér brugeren", "Deactivate the user"},
    {"admin.inactive_help",
     "Brugeren er deaktiveret og kan ikke logge ind.",
     "The user is deactivated and cannot log in."},
    {"admin.confirm", "Bekræft", "Confirm"},
    {"admin.code_title", "Aktiveringskode", "Activation code"},
    {"admin.code", "Aktiveringskode", "Activation code"},
    {"admin.code_once",
     "Koden vises kun denne ene gang. Giv den til brugeren personligt "
     "eller pr. telefon, ikke pr. e-mail.",
     "The code is shown this once only. Give it to the user in person or by "
     "phone, not by e-mail."},
    {"admin.code_how",
     "Brugeren åbner siden /aktiver, skriver brugernavn, kode og en ny "
     "adgangskode. Koden virker i 72 timer og kun én gang.",
     "The user opens the page /aktiver and enters user name, code and a new "
     "password. The code works for 72 hours, once."},
    {"admin.back_user", "Til brugeren", "Back to the user"},
    {"admin.back_users", "Til brugerne", "Back to the users"},
    {"admin.team_name", "Teamets navn", "Team name"},
    {"admin.new_team", "Opret team", "Create a team"},
    {"admin.rename", "Omdøb", "Rename"},
    {"admin.member", "Medarbejder", "Staff member"},
    {"admin.change", "Ændring", "Change"},
    {"admin.member.add", "Tilføj", "Add"},
    {"admin.member.remove", "Fjern", "Remove"},
    {"admin.activate_title", "Aktivér din bruger", "Activate your user"},
    {"admin.activate_help",
     "Skriv dit brugernavn, aktiveringskoden fra din administrator og den "
     "adgangskode, du vil bruge.",
     "Enter your user name, the activation code from your administrator and "
     "the password you want to use."},
    {"admin.new_password", "Ny adgangskode", "New password"},
    {"admin.password_rule", "Mindst 10 tegn.", "At least 10 characters."},
    {"admin.activate_button", "Aktivér", "Activate"},
    {"nav.settings", "Indstillinger", "Settings"},
    {"admin.settings_title", "Kommunens indstillinger",
     "The municipality's settings"},
    {"admin.settings_help",
     "Værdierne styrer screening, opfølgning, CTI, målinger, tavlemødet og "
     "hvad der kræver opmærksomhed. Hver ændring gemmes med den gamle og "
     "den nye værdi.",
     "The values drive screening, follow-up, CTI, measurements, the board "
     "and what needs attention. Each change is kept with its old and new "
     "value."},
    {"admin.unit", "Enhed", "Unit"},
    {"admin.allowed", "tilladt", "allowed"},
    {"admin.default", "standard", "default"},
    {"admin.domains_hint",
     "Én livsdomæne pr. linje: kode=Dansk navn (1-16 domæner; koden med "
     "a-z, 0-9 og _).",
     "One life domain per line: code=Danish label (1-16 domains; the code "
     "of a-z, 0-9 and _)."},
    {"admin.rules_hint",
     "Én indikator pr. linje: kode=grøn,gul (grænserne for status på "
     "tavlemødet; docs/indicators.md).",
     "One indicator per line: code=green,yellow (the limits of the board's "
     "status; docs/indicators.md)."},
    {"admin.settings_history", "Ændringer", "Changes"},
    {"admin.no_history", "Ingen ændringer endnu: standardværdierne gælder.",
     "No changes yet: the defaults apply."},
    {"admin.when", "Tidspunkt", "When"},
    {"admin.setting", "Indstilling", "Setting"},
    {"admin.old", "Før", "Before"},
    {"admin.new", "Efter", "After"},
    {"admin.by", "Ændret af", "Changed by"},
    {"unit.years", "år", "years"},
    {"unit.months", "måneder", "months"},
    {"unit.weeks", "uger", "weeks"},
    {"unit.days", "dage", "days"},
    {"unit.count", "antal", "count"},
    {"setting.min_age", "Screening: mindstealder", "Screening: minimum age"},
    {"setting.min_months_unemployed", "Screening: måneder uden job",
     "Screening: months out of work"},
    {"setting.followup_weeks", "Opfølgning: uger mellem møder",
     "Follow-up: weeks between meetings"},
    {"setting.cti_interval1", "CTI fase 1: dage mellem kontakter",
     "CTI phase 1: days between contacts"},
    {"setting.cti_interval2", "CTI fase 2: dage mellem kontakter",
     "CTI phase 2: days between contacts"},
    {"setting.cti_interval3", "CTI fase 3: dage mellem kontakter",
     "CTI phase 3: days between contacts"},
    {"setting.cti_early_days", "CTI: dage før virksomhedsforløbet",
     "CTI: days before the placement"},
    {"setting.cti_min_first_month", "CTI: kontakter den første måned",
     "CTI: contacts in the first month"},
    {"setting.cti_caseload_limit", "CTI: borgere pr. medarbejder",
     "CTI: citizens per worker"},
    {"setting.measure_tolerance_days", "Målinger: tolerance i dage",
     "Measurements: tolerance in days"},
    {"setting.attention_no_placement_months",
     "Opmærksomhed: måneder uden virksomhedsforløb",
     "Attention: months without a placement"},
    {"setting.plan_days", "Tavlemøde: dage til plan med jobmål",
     "Board: days to a plan with a job goal"},
    {"setting.life_domains", "Livsdomæner", "Life domains"},
    {"setting.indicator_rules", "Tavlemødets grænser",
     "The board's thresholds"},
    {"login.activated",
     "Din bruger er aktiveret. Log ind med din nye adgangskode.",
     "Your user is activated. Log in with your new password."},
    /* the course journal (ui_journal.c) */
    {"journal.title", "Journal", "Journal"},
    {"journal.link", "Journal: alt skrevet i forløbet",
     "Journal: everything written on the course"},
    {"journal.kind", "Type", "Kind"},
    {"journal.all_kinds", "Alle typer", "All kinds"},
    {"journal.from", "Fra", "From"},
    {"journal.to", "Til", "To"},
    {"journal.ref", "Journalpost", "Journal entry"},
    {"journal.filter", "Vis", "Show"},
    {"journal.empty", "Ingen poster i journalen for det valgte.",
     "No journal entries for this selection."},
    {"journal.open", "Læs hele posten", "Read the whole entry"},
    {"journal.correct", "Ret notatet", "Correct the note"},
    {"journal.back", "Tilbage til journalen", "Back to the journal"},
    {"journal.author", "Skrevet af", "Written by"},
    {"journal.summary", "Kort", "In short"},
    {"journal.author_system", "System (indlæsning)", "System (import)"},
    {"journal.author_unknown", "Tidligere bruger", "Former user"},
    {"journal.author_none", "Ikke registreret", "Not recorded"},
    {"journal.incomplete", "Ufuldstændigt møde", "Incomplete meeting"},
    {"journal.version", "Version", "Version"},
    {"journal.score", "match", "match"},
    {"journal.hours_week", "timer om ugen", "hours a week"},
    {"janswer.yes", "Borgeren sagde ja", "The citizen said yes"},
    {"janswer.no", "Borgeren sagde nej", "The citizen said no"},
    {"journal.correction_of", "Rettelse til notat af",
     "Correction of the note of"},
    {"journal.corrected_by", "rettet ved notat af",
     "corrected by the note of"},
    {"journal.note_new", "Nyt journalnotat", "New journal note"},
    {"journal.note_correct", "Ret et journalnotat", "Correct a journal note"},
    {"journal.note_correct_help",
     "Et notat ændres aldrig. Rettelsen gemmes som et nyt notat, der "
     "henviser til det gamle; begge kan læses i journalen.",
     "A note is never changed. The correction is saved as a new note that "
     "refers to the old one; both stay in the journal."},
    {"journal.open_plan", "Åbn planen i denne version",
     "Open the plan in this version"},
    {"journal.open_placement", "Åbn virksomhedsforløbet",
     "Open the company placement"},
    {"journal.open_cti", "Åbn CTI-forløbet", "Open the CTI course"},
    {"journal.open_measures", "Åbn målingerne", "Open the measurements"},
    {"journal.open_course", "Åbn forløbet", "Open the course"},
    {"journal.open_corrected", "Læs notatet, der rettes",
     "Read the note corrected"},
    {"journal.open_correction", "Læs rettelsen", "Read the correction"},
    {"note.subject", "Emne", "Subject"},
    {"note.text", "Tekst", "Text"},
    {"note.corrects", "Retter notat", "Corrects note"},
    {"cti.note", "Notat om kontakten", "Note on the contact"},
    {"jkind.start_meeting", "Opstartsmøde", "Start meeting"},
    {"jkind.followup", "Opfølgning", "Follow-up"},
    {"jkind.plan", "Planversion", "Plan version"},
    {"jkind.proposal", "Matchforslag", "Match proposal"},
    {"jkind.answer", "Svar på forslag", "Answer to a proposal"},
    {"jkind.placement", "Virksomhedsforløb", "Company placement"},
    {"jkind.agreement", "Arbejdsaftale", "Work agreement"},
    {"jkind.signoff", "Underskrift", "Sign-off"},
    {"jkind.cti_start", "CTI startet", "CTI started"},
    {"jkind.cti_contact", "CTI-kontakt", "CTI contact"},
    {"jkind.measurement", "Måling", "Measurement"},
    {"jkind.employment", "Ordinære timer", "Ordinary hours"},
    {"jkind.stage", "Nyt trin", "New stage"},
    {"jkind.end", "Forløbet afsluttet", "Course ended"},
    {"jkind.note", "Journalnotat", "Journal note"},
    {"jfield.attendee", "Deltog", "Attended"},
    {"jfield.notes", "Noter", "Notes"},
    {"jfield.wishes", "Ønsker", "Wishes"},
    {"jfield.competences", "Kompetencer", "Competences"},
    {"jfield.own_words", "Med borgerens egne ord", "In the citizen's own words"},
    {"jfield.resources", "Ressourcer", "Resources"},
    {"jfield.challenges", "Udfordringer", "Challenges"},
    {"jfield.rating", "Vurdering (0-4)", "Rating (0-4)"},
    {"jfield.changes", "Hvad blev ændret", "What changed"},
    {"jfield.citizen_comment", "Borgerens kommentar", "The citizen's comment"},
    {"jfield.company", "Virksomhed", "Company"},
    {"jfield.tasks", "Opgaver", "Tasks"},
    {"jfield.occupation", "Stillingskode (DISCO-08)",
     "Occupation code (DISCO-08)"},
    {"jfield.accommodations", "Hensyn", "Accommodations"},
    {"jfield.goal", "Progressionsmål", "Progression goal"},
    {"jfield.focus_area", "Fokusområde", "Focus area"},
    {"jfield.network_person", "Netværksperson", "Network person"},
    {"jfield.focus", "Fokus", "Focus"},
    {"jfield.note", "Notat", "Note"},
    {"jfield.items", "Svar", "Answers"},
    {"jfield.end_text", "Uddybning", "Details"},
    {"jfield.subject", "Emne", "Subject"},
    {"jfield.text", "Tekst", "Text"},
    /* paper: the plan and the work agreement as PDF, printing */
    {"pdf.plan_title", "Plan for %1", "Plan for %1"},
    {"pdf.printed", "Udskrevet %1", "Printed %1"},
    {"pdf.page", "Side %1 af %2", "Page %1 of %2"},
    {"pdf.citizen", "Borger", "Citizen"},
    {"pdf.birth", "Fødselsdato", "Date of birth"},
    {"pdf.version", "Planversion", "Plan version"},
    {"pdf.version_date", "Versionens dato", "Date of the version"},
    {"pdf.empty", "(ikke udfyldt)", "(not filled in)"},
    {"pdf.name", "Navn", "Name"},
    {"pdf.role", "Rolle", "Role"},
    {"pdf.phone", "Telefon", "Phone"},
    {"pdf.changes", "Ændringer", "Changes"},
    {"pdf.changes_since", "Ændret siden version %1",
     "Changed since version %1"},
    {"pdf.first_version", "Dette er planens første version.",
     "This is the first version of the plan."},
    {"pdf.no_changes", "Ingen ændringer i indholdet.",
     "No changes in the content."},
    {"pdf.period", "Periode", "Period"},
    {"pdf.agreement_version", "Aftaleversion", "Agreement version"},
    {"pdf.progression", "Mål for progression mod ordinære timer",
     "Goals for progression toward ordinary hours"},
    {"pdf.not_reached", "ikke nået", "not reached"},
    {"pdf.signed", "Underskrevet af %1 %2", "Signed by %1 on %2"},
    {"pdf.not_signed", "Ikke underskrevet i systemet endnu",
     "Not signed in the system yet"},
    {"pdf.way.system", "i systemet", "in the system"},
    {"pdf.way.paper", "på papir", "on paper"},
    {"pdf.sign_caption", "%1: navn, dato og underskrift",
     "%1: name, date and signature"},
    {"pdf.download", "Hent som PDF", "Download as PDF"},
    {"pdf.print", "Udskriv", "Print"},
    {"pdf.printed_for", "Udskrevet for %1 den %2", "Printed for %1 on %2"},
    /* the calendar (ui_calendar.c) */
    {"nav.calendar", "Kalender", "Calendar"},
    {"cal.title", "Min kalender", "My calendar"},
    {"cal.intro",
     "Abonnér på dine datoer i den kalender, du allerede bruger (Outlook, "
     "Google Kalender, iPhone). Adressen er hemmelig og personlig: den "
     "giver adgang til din kalender uden log-ind.",
     "Subscribe to your dates in the calendar you already use (Outlook, "
     "Google Calendar, iPhone). The address is secret and personal: it "
     "opens your calendar without a log-in."},
    {"cal.new_address",
     "Din nye kalenderadresse. Kopiér den nu: den vises kun denne ene gang.",
     "Your new calendar address. Copy it now: it is shown only this once."},
    {"cal.address", "Kalenderadresse", "Calendar address"},
    {"cal.subscribe", "Abonnér i kalenderprogrammet",
     "Subscribe in the calendar program"},
    {"cal.revoked",
     "Adressen er tilbagekaldt. Kalendere, der abonnerer på den, får ikke "
     "flere datoer.",
     "The address is revoked. Calendars subscribing to it get no more "
     "dates."},
    {"cal.has_since", "Du har en kalenderadresse, lavet",
     "You have a calendar address, made"},
    {"cal.lost_hint",
     "Har du mistet adressen, så lav en ny; den gamle holder op med at "
     "virke.",
     "If you lost the address, make a new one; the old one stops working."},
    {"cal.none", "Du har ingen kalenderadresse.",
     "You have no calendar address."},
    {"cal.what", "Det viser kalenderen", "What the calendar shows"},
    {"cal.what_meetings",
     "Opstarts- og opfølgningsmøder de seneste 90 dage",
     "Start and follow-up meetings of the last 90 days"},
    {"cal.what_followups", "Opfølgninger, der forfalder",
     "Follow-ups coming due"},
    {"cal.what_reviews", "Revision af arbejdsaftaler",
     "Reviews of work agreements"},
    {"cal.privacy",
     "Kun for de forløb, du er på. Borgeren nævnes kun ved fornavn og "
     "aldrig med CPR-nummer.",
     "Only for the courses you are on. The citizen is named by first name "
     "only and never with a CPR number."},
    {"cal.make", "Lav en kalenderadresse", "Make a calendar address"},
    {"cal.renew", "Lav en ny adresse", "Make a new address"},
    {"cal.revoke", "Tilbagekald adressen", "Revoke the address"},
    {"cal.name", "overgang: %1", "overgang: %1"},
    {"cal.someone", "borger", "citizen"},
    {"cal.start_meeting", "Opstartsmøde: %1", "Start meeting: %1"},
    {"cal.followup_meeting", "Opfølgningsmøde: %1", "Follow-up meeting: %1"},
    {"cal.followup_due", "Opfølgning forfalder: %1", "Follow-up due: %1"},
    {"cal.agreement_review", "Revision af arbejdsaftale: %1",
     "Work agreement review: %1"},
    {"cal.course", "Forløb %1 i overgang", "Course %1 in overgang"},
    {"cal.category", "overgang", "overgang"},
    /* the accessibility statement (ui_a11y.c): the parts of the EU model
     * statement, in its order */
    {"a11y.link", "Tilgængelighedserklæring", "Accessibility statement"},
    {"a11y.title", "Tilgængelighedserklæring for overgang",
     "Accessibility statement for overgang"},
    {"a11y.intro",
     "Kommunen, der bruger overgang, skal gøre det tilgængeligt efter lov om "
     "tilgængelighed af offentlige organers websteder og mobilapplikationer "
     "(webtilgængelighedsloven).",
     "The municipality that uses overgang must make it accessible under the "
     "Danish act on the accessibility of public bodies' websites and mobile "
     "applications (webtilgængelighedsloven)."},
    {"a11y.scope",
     "Erklæringen gælder for hele overgang: log-in, siderne for "
     "sagsbehandlere, ledere, administratorer og den nationale analytiker, "
     "borgerens egne sider og arbejdsgiverens sider, og de filer, overgang "
     "laver (PDF, regneark og kalender).",
     "This statement covers all of overgang: the log-in, the pages for "
     "caseworkers, leaders, administrators and the national analyst, the "
     "citizen's own pages and the employer's pages, and the files overgang "
     "makes (PDF, spreadsheets and calendar)."},
    {"a11y.status_h", "Overensstemmelsesstatus", "Compliance status"},
    {"a11y.status",
     "overgang er delvist i overensstemmelse med webtilgængelighedsloven og "
     "standarden EN 301 549 (WCAG 2.1, niveau AA) på grund af de mangler, "
     "der står nedenfor.",
     "overgang is partially compliant with webtilgængelighedsloven and the "
     "standard EN 301 549 (WCAG 2.1, level AA), due to the shortcomings "
     "listed below."},
    {"a11y.gaps_h", "Indhold, der ikke er tilgængeligt",
     "Content that is not accessible"},
    {"a11y.gap_pdf",
     "PDF-filerne med planen og arbejdsaftalen er ikke opmærkede (tagged "
     "PDF): en skærmlæser kan læse teksten, men ikke overskrifter og "
     "tabeller som struktur (WCAG 1.3.1). Det samme indhold står på siderne "
     "for planen og arbejdsaftalen, som kan bruges med skærmlæser.",
     "The PDF files of the plan and the work agreement are not tagged: a "
     "screen reader can read the text, but not headings and tables as "
     "structure (WCAG 1.3.1). The same content is on the pages for the plan "
     "and the work agreement, which work with a screen reader."},
    {"a11y.gap_spark",
     "Tavlens små kurver over de seneste måneder har kun en titel; "
     "månedernes tal kan ikke læses op (WCAG 1.1.1). Det aktuelle tal, "
     "målet og status står som tekst på samme flise.",
     "The board's small curves over the last months have a title only; the "
     "months' figures cannot be read aloud (WCAG 1.1.1). The current "
     "figure, the target and the status are text on the same tile."},
    {"a11y.gap_manual",
     "overgang er endnu ikke afprøvet med skærmlæsere (fx NVDA, JAWS eller "
     "VoiceOver) eller af brugere med handicap. En automatisk test finder "
     "ikke alle fejl, så der kan være mangler, vi ikke kender.",
     "overgang has not yet been tried with screen readers (such as NVDA, "
     "JAWS or VoiceOver) or by users with disabilities. An automated test "
     "does not find every fault, so there may be shortcomings we do not "
     "know of."},
    {"a11y.burden",
     "Intet indhold er undtaget med henvisning til en uforholdsmæssig stor "
     "byrde.",
     "No content is exempted as a disproportionate burden."},
    {"a11y.made_h", "Sådan er erklæringen udarbejdet",
     "How this statement was prepared"},
    {"a11y.made", "Erklæringen er udarbejdet og senest gennemgået",
     "This statement was prepared and last reviewed on"},
    {"a11y.method",
     "Vurderingen er en selvevaluering, som dem, der udvikler overgang, har "
     "lavet med automatiske test:",
     "The assessment is a self-assessment, made by those who develop "
     "overgang with automated tests:"},
    {"a11y.test_axe",
     "axe-core (et værktøj, der finder brud på WCAG) kontrollerer WCAG 2.0 "
     "og 2.1 niveau A og AA på hver side, som hver rolle når fra sin "
     "forside, på dansk og engelsk, på en computerskærm og en mobiltelefon, "
     "og på formularer med fejl vist. Resultat: ingen fejl.",
     "axe-core (a tool that finds breaches of WCAG) checks WCAG 2.0 and 2.1 "
     "levels A and AA on every page each role reaches from its home page, "
     "in Danish and English, on a computer screen and a mobile phone, and on "
     "forms with errors shown. Result: no faults."},
    {"a11y.test_keys",
     "Log-in, borgerens sider og trivselsskemaet (WHO-5) bruges alene med "
     "tastaturet, og det er kontrolleret, at man altid kan se, hvor "
     "tastaturet er.",
     "The log-in, the citizen's pages and the well-being questionnaire "
     "(WHO-5) are used with the keyboard alone, and it is checked that one "
     "can always see where the keyboard is."},
    {"a11y.test_every",
     "Testene køres ved hver ændring af overgang.",
     "The tests run on every change to overgang."},
    {"a11y.contact_h", "Feedback og kontaktoplysninger",
     "Feedback and contact information"},
    {"a11y.contact_why",
     "Møder du indhold, du ikke kan bruge, så kontakt kommunen. Den kan "
     "rette fejlen eller give dig oplysningerne på en anden måde.",
     "If you meet content you cannot use, contact the municipality. It can "
     "fix the fault or give you the information another way."},
    {"a11y.contact", "Kontakt", "Contact"},
    {"a11y.contact_none",
     "Kontakt den kommune, du har dit forløb hos eller samarbejder med om "
     "en praktik, og skriv, at det gælder overgang. Kommunen har ikke "
     "skrevet en særlig kontakt her.",
     "Contact the municipality you have your course with, or work with on "
     "a placement, and say that it is about overgang. The municipality has "
     "not given a contact of its own here."},
    {"a11y.enforce_h", "Håndhævelsesprocedure", "Enforcement procedure"},
    {"a11y.enforce",
     "Digitaliseringsstyrelsen fører tilsyn med, at offentlige websteder "
     "overholder webtilgængelighedsloven. Kontakt først kommunen. Har du "
     "ikke fået svar inden for 10 arbejdsdage, eller er du ikke tilfreds "
     "med svaret, kan du henvende dig til Digitaliseringsstyrelsen.",
     "Digitaliseringsstyrelsen (the Danish Agency for Digital Government) "
     "supervises that public websites comply with webtilgængelighedsloven. "
     "Contact the municipality first. If you have had no answer within 10 "
     "working days, or are not satisfied with the answer, you can turn to "
     "Digitaliseringsstyrelsen."},
    {"a11y.enforce_link",
     "Digitaliseringsstyrelsen: Oplever du ikke-tilgængeligt indhold?",
     "Digitaliseringsstyrelsen: Have you met content that is not accessible? "
     "(in Danish)"},
};

#define NCAT ((int)(sizeof cat / sizeof cat[0]))

static pthread_once_t g_once = PTHREAD_ONCE_INIT;

static int cmp_entry(const void *a, const void *b)
{
    return strcmp(((const entry *)a)->key, ((const entry *)b)->key);
}

static void sort_cat(void)
{
    qsort(cat, NCAT, sizeof cat[0], cmp_entry);
}

static const entry *lookup(const char *key)
{
    pthread_once(&g_once, sort_cat);
    entry probe = {key, NULL, NULL};
    return bsearch(&probe, cat, NCAT, sizeof cat[0], cmp_entry);
}

const char *ov_lang_code(ov_lang l)
{
    return l == OV_LANG_EN ? "en" : "da";
}

bool ov_lang_parse(ov_str code, ov_lang *out)
{
    if (ov_str_eq_c(code, "da")) {
        *out = OV_LANG_DA;
        return true;
    }
    if (ov_str_eq_c(code, "en")) {
        *out = OV_LANG_EN;
        return true;
    }
    return false;
}

const char *ov_msg_fill(ov_arena *a, ov_lang l, const char *key,
                        const char *a1, const char *a2)
{
    const char *t = ov_msg(l, key);
    const char *out = "";
    const char *run = t;
    for (const char *p = t; *p; p++) {
        if (p[0] != '%' || (p[1] != '1' && p[1] != '2'))
            continue;
        const char *arg = p[1] == '1' ? a1 : a2;
        out = ov_arena_printf(a, "%s%.*s%s", out, (int)(p - run), run,
                              arg ? arg : "");
        run = ++p + 1;
    }
    return ov_arena_printf(a, "%s%s", out, run);
}

const char *ov_domain_label(ov_lang l, const ov_life_domains *d, int i)
{
    if (l == OV_LANG_EN) {
        char k[OV_DOMAIN_CODE_MAX + 8];
        snprintf(k, sizeof k, "domain.%s", d->code[i]);
        if (ov_msg_has(k))
            return ov_msg(l, k);
    }
    return d->label_da[i];
}

bool ov_msg_has(const char *key)
{
    return key && lookup(key) != NULL;
}

/* Unknown keys: a small ring of "[key]" strings (visible, never a crash). */
static _Thread_local char t_missing[4][96];
static _Thread_local int t_next;

const char *ov_msg(ov_lang l, const char *key)
{
    const entry *e = key ? lookup(key) : NULL;
    if (!e) {
        char *m = t_missing[t_next++ & 3];
        snprintf(m, sizeof t_missing[0], "[%s]", key ? key : "?");
        return m;
    }
    if (l == OV_LANG_EN && e->en)
        return e->en;
    return e->da;
}

void ov_msg_signoff(ov_lang l, unsigned m, char *out, size_t cap)
{
    enum { ALL = 7 };
    static const char *const who[3] = {"signoff.who.citizen",
                                       "signoff.who.consultant",
                                       "signoff.who.employer"};
    if (!cap)
        return;
    if ((m & ALL) == ALL) {
        snprintf(out, cap, "%s", ov_msg(l, "signoff.all"));
        return;
    }
    int n = snprintf(out, cap, "%s: ", ov_msg(l, "signoff.missing"));
    size_t o = n < 0 ? 0 : (size_t)n;
    const char *sep = "";
    for (int i = 0; i < 3 && o < cap; i++) {
        if (m & (1u << i)) /* citizen 1, consultant 2, employer 4 */
            continue;
        n = snprintf(out + o, cap - o, "%s%s", sep, ov_msg(l, who[i]));
        if (n < 0)
            break;
        o += (size_t)n;
        sep = ", ";
    }
}

const char *ov_msg2(ov_lang l, const char *prefix, const char *code)
{
    char key[96];
    snprintf(key, sizeof key, "%s.%s", prefix, code ? code : "?");
    return ov_msg(l, key);
}

bool ov_msg_entry(int i, const char **key, const char **da, const char **en)
{
    pthread_once(&g_once, sort_cat);
    if (i < 0 || i >= NCAT)
        return false;
    *key = cat[i].key;
    *da = cat[i].da;
    *en = cat[i].en;
    return true;
}

/* Has this English text been logged as an error without an id? A small
 * set of hashes, so each such bug is logged once, not on every request. */
static bool logged_before(const char *msg)
{
    static _Atomic unsigned long seen[64];
    unsigned long h = 5381;
    for (const char *p = msg; *p; p++)
        h = h * 33 + (unsigned char)*p;
    h |= 1;
    for (int i = 0; i < 64; i++) {
        unsigned long want = 0;
        _Atomic unsigned long *slot = &seen[(h + (unsigned long)i) % 64];
        if (atomic_load(slot) == h)
            return true;
        if (atomic_compare_exchange_strong(slot, &want, h))
            return false;
        if (want == h)
            return true;
    }
    return false; /* full: log again rather than stay silent */
}

const char *ov_msg_error(ov_lang l, const ov_err *err, char *out, size_t cap)
{
    if (!err)
        return "";
    const char *text = l == OV_LANG_EN ? ov_errmsg_en(err->id)
                                       : ov_errmsg_da(err->id);
    if (text)
        return ov_err_render(err, text, out, cap);
    /* no id: a user-facing code here is a bug (check-source refuses it in
     * the layers the web reaches); show the English text */
    bool user = err->code == OV_EINVAL || err->code == OV_ENOTFOUND ||
                err->code == OV_ECONFLICT || err->code == OV_EPERM ||
                err->code == OV_ETOOBIG;
    if (user && l != OV_LANG_EN && !logged_before(err->msg))
        ov_log_error("error without a message id reached a page (add it to "
                     "core/errmsg.h): %s",
                     err->msg);
    return err->msg;
}
