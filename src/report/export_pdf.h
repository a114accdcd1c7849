/*
 * export_pdf.h - "Mine data" (store/export.h) as a readable PDF document
 * (report/pdf.h), the citizen's copy of everything overgang holds about
 * them (issue 14; GDPR art. 15).
 *
 * Why here: the document is laid out from what the store read, like the
 * plan PDF (report/plan_pdf.h); the texts are the web catalogue's, handed
 * in as a look-up function, so it speaks Danish or English as the page
 * does. Each section of the export is a heading and its rows, each row
 * its fields as label and value (codes in words where the catalogue has
 * them); the access log is a table. The plan's canonical JSON is left to
 * the JSON download (the plan PDF shows the plan itself). The CPR number
 * never appears.
 */
#ifndef OV_REPORT_EXPORT_PDF_H
#define OV_REPORT_EXPORT_PDF_H

#include "core/arena.h"
#include "core/date.h"
#include "core/err.h"
#include "core/str.h"
#include "report/plan_pdf.h"
#include "store/export.h"

ov_status ov_export_pdf(const ov_export *x, int lang, ov_doc_msg msg,
                        ov_date printed_on, ov_arena *a, ov_str *out,
                        int *pages, ov_err *err);

#endif
