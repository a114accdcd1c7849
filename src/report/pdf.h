/*
 * pdf.h - a small document writer: headings, wrapped paragraphs, label and
 * value lines and simple tables laid out on A4 portrait pages as PDF.
 *
 * Why: the citizen's plan and the work agreement leave the system on paper
 * (issue 13 §5, issue 14: the citizen downloads their plan). A page builds
 * an ov_pdf from blocks once; ov_pdf_finish lays them out with pango
 * (line wrapping, UTF-8, æøå) and draws them with cairo's PDF surface,
 * which embeds the subset of the font it uses (DejaVu Sans, Debian
 * fonts-dejavu-core) with a ToUnicode map, so the text can be searched
 * and extracted (pdftotext) and prints the same on every machine.
 *
 * Layout: A4 (595 x 842 pt), 56 pt margins. Blocks flow top to bottom;
 * a paragraph breaks between its lines at the page end; a heading is
 * kept with the two lines after it; a table row is never split, and the
 * table's header row is repeated on every page it continues on. Every page
 * gets the footer: the caller's text on the left, "page N of M" on the
 * right (the template with %1 and %2), for which the document is laid out
 * twice (once to count the pages).
 *
 * Caps: at most OV_PDF_BLOCKS_MAX blocks, table cells and texts as the
 * caller stored them (each is the store's capped text), the PDF at most
 * OV_PDF_BYTES_MAX; beyond a cap ov_pdf_finish fails with OV_ETOOBIG.
 * Text that is not valid UTF-8 is repaired (U+FFFD), never passed on.
 *
 * Threads: one document per thread at a time; pango's font map is the
 * thread's own (pango_cairo_font_map_get_default), so server workers
 * render in parallel.
 */
#ifndef OV_REPORT_PDF_H
#define OV_REPORT_PDF_H

#include <stdbool.h>

#include "core/arena.h"
#include "core/err.h"
#include "core/str.h"

#define OV_PDF_BLOCKS_MAX 20000
#define OV_PDF_BYTES_MAX (8 * 1024 * 1024)
#define OV_PDF_COLS_MAX 6

typedef struct ov_pdf ov_pdf;

/* A document in the arena; title and author go into the PDF's metadata. */
ov_pdf *ov_pdf_new(ov_arena *a, ov_str title);
/* Level 1 (the document's title), 2 (a section) or 3 (a sub-section). */
void ov_pdf_heading(ov_pdf *d, int level, ov_str text);
/* A wrapped paragraph; indent in levels of 14 pt (0-4). Newlines in the
 * text start new lines. */
void ov_pdf_para(ov_pdf *d, int indent, ov_str text);
/* Smaller grey text (notes, the "changed since" list). */
void ov_pdf_note(ov_pdf *d, int indent, ov_str text);
/* A label in bold and its value beside it, wrapped in its column. */
void ov_pdf_field(ov_pdf *d, ov_str label, ov_str value);
/* Vertical space in points. */
void ov_pdf_space(ov_pdf *d, double pt);
/* A table: ncols columns (1..OV_PDF_COLS_MAX) with relative widths (NULL:
 * equal), a header row, then rows added with ov_pdf_table_row, each with
 * ncols cells. The table ends at the next block of another kind. */
void ov_pdf_table(ov_pdf *d, int ncols, const double *widths,
                  const ov_str *header);
void ov_pdf_table_row(ov_pdf *d, const ov_str *cells);
/* A line to sign on, with a caption under it (name, role, date). */
void ov_pdf_sign_line(ov_pdf *d, ov_str caption);
/* The footer: text on the left of every page; the page number template on
 * the right ("Side %1 af %2"). */
void ov_pdf_footer(ov_pdf *d, ov_str left, ov_str page_template);

/* Lay out and write the PDF into the arena. *pages gets the page count
 * (may be NULL). */
ov_status ov_pdf_finish(ov_pdf *d, ov_str *out, int *pages, ov_err *err);

/* At the end of a process that made PDFs, for leak checkers (ASan's): free
 * the calling thread's font map, cairo's static data and fontconfig's
 * caches, which otherwise live until the process ends. No PDF may be made
 * afterwards. The first PDF registers it with atexit; a second call does
 * nothing. */
void ov_pdf_shutdown(void);

#endif
