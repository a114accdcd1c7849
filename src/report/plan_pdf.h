/*
 * plan_pdf.h - the citizen's plan and the work agreement as PDF documents
 * (report/pdf.h), for printing, for the citizen to keep (issue 14) and for
 * the employer.
 *
 * Why here: the documents are built from what the store read (the plan
 * version with its meta, the placement with its agreement and sign-offs)
 * and laid out by report/pdf.c; the web layer only reads, audits and
 * sends. The texts are the web catalogue's (web/msg.c), handed in as a
 * look-up function, so the documents speak Danish or English as the page
 * does without this layer knowing the web.
 *
 * What never appears: the CPR number. The plan shows the date of birth
 * only; the agreement neither.
 */
#ifndef OV_REPORT_PLAN_PDF_H
#define OV_REPORT_PLAN_PDF_H

#include "core/arena.h"
#include "core/date.h"
#include "core/err.h"
#include "core/str.h"
#include "model/actor.h"
#include "model/plan.h"
#include "store/placement.h"
#include "store/plan.h"

/* The catalogue text of a key in a language (web/msg.h ov_msg). */
typedef const char *(*ov_doc_msg)(int lang, const char *key);

typedef struct ov_doc_person {
    ov_str name;
    ov_role role;
    ov_str phone; /* empty when not known */
} ov_doc_person;

typedef struct ov_plan_doc {
    int lang;
    ov_doc_msg msg;
    ov_str citizen_name;
    ov_date birth;            /* from the CPR number; never the number */
    const ov_plan *plan;
    const ov_plan_meta *meta; /* version, date */
    /* what changed since the version before, rendered in the document's
     * language (model/plan.h ov_plan_changes_text); NULL: the stored
     * (Danish) summary */
    const ov_plan_changes *changes;
    const ov_doc_person *team;
    int nteam;
    ov_date printed_on;
} ov_plan_doc;

ov_status ov_plan_pdf(const ov_plan_doc *d, ov_arena *a, ov_str *out,
                      int *pages, ov_err *err);

typedef struct ov_agreement_doc {
    int lang;
    ov_doc_msg msg;
    const ov_placement_row *row;  /* placement, company, agreement */
    const ov_signoff_row *signoffs; /* store/placement.h */
    int nsignoffs;
    ov_date printed_on;
} ov_agreement_doc;

ov_status ov_agreement_pdf(const ov_agreement_doc *d, ov_arena *a,
                           ov_str *out, int *pages, ov_err *err);

#endif
