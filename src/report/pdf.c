/*
 * pdf.c - the document writer of pdf.h: blocks laid out with pango and
 * drawn on cairo's PDF surface into memory.
 *
 * The layout runs twice over the same blocks: the first pass only
 * measures and counts the pages (for "page N of M"), the second draws.
 * Both passes take the same decisions, because drawing changes nothing
 * the measuring depends on.
 */
#include "report/pdf.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <glib.h>
#include <pango/pangocairo.h>

#define PAGE_W 595.276 /* A4 in points */
#define PAGE_H 841.89
#define MARGIN 56.0
#define FOOTER_H 28.0
#define BODY_W (PAGE_W - 2 * MARGIN)
#define BODY_BOTTOM (PAGE_H - MARGIN - FOOTER_H)
#define INDENT 14.0
#define CELL_PAD 3.0
#define FONT "DejaVu Sans"

typedef enum kind { K_HEAD, K_PARA, K_NOTE, K_FIELD, K_SPACE, K_TABLE,
                    K_ROW, K_SIGN } kind;

typedef struct block {
    kind k;
    int level;      /* heading level, paragraph indent */
    double pt;      /* space */
    ov_str text;    /* heading, paragraph, field label, sign caption */
    ov_str value;   /* field value */
    int ncols;      /* table */
    double widths[OV_PDF_COLS_MAX];
    ov_str *cells;  /* table header or row: ncols */
} block;

struct ov_pdf {
    ov_arena *a;
    ov_str title;
    block *b;
    size_t n, cap;
    bool over;      /* more than OV_PDF_BLOCKS_MAX blocks */
    int ncols;      /* the open table's columns, 0 when none */
    const block *table; /* the open table's header block */
    ov_str footer, page_tpl;
};

ov_pdf *ov_pdf_new(ov_arena *a, ov_str title)
{
    ov_pdf *d = ov_arena_zalloc(a, sizeof *d);
    d->a = a;
    d->title = title;
    return d;
}

static block *add(ov_pdf *d, kind k)
{
    if (d->n >= OV_PDF_BLOCKS_MAX) {
        d->over = true;
        return NULL;
    }
    d->b = ov_arena_grow(d->a, d->b, &d->cap, d->n + 1, sizeof *d->b);
    block *b = &d->b[d->n++];
    memset(b, 0, sizeof *b);
    b->k = k;
    if (k != K_ROW)
        d->ncols = 0;
    return b;
}

void ov_pdf_heading(ov_pdf *d, int level, ov_str text)
{
    block *b = add(d, K_HEAD);
    if (b) {
        b->level = level < 1 ? 1 : level > 3 ? 3 : level;
        b->text = text;
    }
}

void ov_pdf_para(ov_pdf *d, int indent, ov_str text)
{
    block *b = add(d, K_PARA);
    if (b) {
        b->level = indent < 0 ? 0 : indent > 4 ? 4 : indent;
        b->text = text;
    }
}

void ov_pdf_note(ov_pdf *d, int indent, ov_str text)
{
    block *b = add(d, K_NOTE);
    if (b) {
        b->level = indent < 0 ? 0 : indent > 4 ? 4 : indent;
        b->text = text;
    }
}

void ov_pdf_field(ov_pdf *d, ov_str label, ov_str value)
{
    block *b = add(d, K_FIELD);
    if (b) {
        b->text = label;
        b->value = value;
    }
}

void ov_pdf_space(ov_pdf *d, double pt)
{
    block *b = add(d, K_SPACE);
    if (b)
        b->pt = pt < 0 ? 0 : pt > 200 ? 200 : pt;
}

static ov_str *copy_cells(ov_pdf *d, const ov_str *cells, int n)
{
    ov_str *c = ov_arena_alloc(d->a, sizeof *c * (size_t)n);
    for (int i = 0; i < n; i++)
        c[i] = cells ? cells[i] : OV_STR_NULL;
    return c;
}

void ov_pdf_table(ov_pdf *d, int ncols, const double *widths,
                  const ov_str *header)
{
    if (ncols < 1 || ncols > OV_PDF_COLS_MAX)
        return;
    block *b = add(d, K_TABLE);
    if (!b)
        return;
    b->ncols = ncols;
    double sum = 0;
    for (int i = 0; i < ncols; i++)
        sum += widths && widths[i] > 0 ? widths[i] : 1.0;
    for (int i = 0; i < ncols; i++)
        b->widths[i] =
            BODY_W * (widths && widths[i] > 0 ? widths[i] : 1.0) / sum;
    b->cells = copy_cells(d, header, ncols);
    d->ncols = ncols;
    d->table = b;
}

void ov_pdf_table_row(ov_pdf *d, const ov_str *cells)
{
    if (d->ncols == 0)
        return; /* no open table: a caller's slip, nothing to draw */
    int ncols = d->ncols;
    block *b = add(d, K_ROW);
    if (!b)
        return;
    b->ncols = ncols;
    b->cells = copy_cells(d, cells, ncols);
}

void ov_pdf_sign_line(ov_pdf *d, ov_str caption)
{
    block *b = add(d, K_SIGN);
    if (b)
        b->text = caption;
}

void ov_pdf_footer(ov_pdf *d, ov_str left, ov_str page_template)
{
    d->footer = left;
    d->page_tpl = page_template;
}

/* ---- layout ---- */

typedef struct pass {
    ov_pdf *d;
    cairo_t *cr;
    PangoContext *pc;
    PangoFontDescription *fonts[5]; /* body, bold, h1, h2/h3, small */
    bool draw;
    int page, pages;  /* current page (1-based); total from the 1st pass */
    double y;
    const block *table; /* the table whose rows are being laid out */
} pass;

enum { F_BODY, F_BOLD, F_H1, F_H2, F_SMALL };

/* Valid UTF-8 for pango (which refuses anything else). */
static const char *text_of(pass *p, ov_str s, int *len)
{
    if (!s.ptr) {
        *len = 0;
        return "";
    }
    if (g_utf8_validate(s.ptr, (gssize)s.len, NULL)) {
        *len = (int)s.len;
        return s.ptr;
    }
    gchar *v = g_utf8_make_valid(s.ptr, (gssize)s.len);
    char *c = ov_arena_strdup(p->d->a, v);
    g_free(v);
    *len = (int)strlen(c);
    return c;
}

static PangoLayout *layout(pass *p, ov_str s, int font, double width,
                           PangoAlignment align)
{
    PangoLayout *l = pango_layout_new(p->pc);
    int len;
    const char *t = text_of(p, s, &len);
    pango_layout_set_font_description(l, p->fonts[font]);
    pango_layout_set_width(l, (int)(width * PANGO_SCALE));
    pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(l, align);
    pango_layout_set_text(l, t, len);
    return l;
}

static double height_of(PangoLayout *l)
{
    int w, h;
    pango_layout_get_size(l, &w, &h);
    return (double)h / PANGO_SCALE;
}

static void footer(pass *p)
{
    if (!p->draw)
        return;
    double y = PAGE_H - MARGIN - FOOTER_H + 10;
    cairo_set_source_rgb(p->cr, 0.6, 0.6, 0.6);
    cairo_set_line_width(p->cr, 0.5);
    cairo_move_to(p->cr, MARGIN, y - 4);
    cairo_line_to(p->cr, PAGE_W - MARGIN, y - 4);
    cairo_stroke(p->cr);
    cairo_set_source_rgb(p->cr, 0.3, 0.3, 0.3);
    PangoLayout *l = layout(p, p->d->footer, F_SMALL, BODY_W * 0.7,
                            PANGO_ALIGN_LEFT);
    cairo_move_to(p->cr, MARGIN, y);
    pango_cairo_show_layout(p->cr, l);
    g_object_unref(l);
    /* "Side %1 af %2" with the numbers put in */
    char num[16], tot[16];
    g_snprintf(num, sizeof num, "%d", p->page);
    g_snprintf(tot, sizeof tot, "%d", p->pages);
    GString *g = g_string_new(NULL);
    ov_str t = p->d->page_tpl.len ? p->d->page_tpl : OV_STR_LIT("%1 / %2");
    for (size_t i = 0; i < t.len; i++) {
        if (t.ptr[i] == '%' && i + 1 < t.len &&
            (t.ptr[i + 1] == '1' || t.ptr[i + 1] == '2')) {
            g_string_append(g, t.ptr[i + 1] == '1' ? num : tot);
            i++;
        } else {
            g_string_append_c(g, t.ptr[i]);
        }
    }
    l = layout(p, (ov_str){g->str, g->len}, F_SMALL, BODY_W * 0.3,
               PANGO_ALIGN_RIGHT);
    cairo_move_to(p->cr, MARGIN + BODY_W * 0.7, y);
    pango_cairo_show_layout(p->cr, l);
    g_object_unref(l);
    g_string_free(g, TRUE);
    cairo_set_source_rgb(p->cr, 0, 0, 0);
}

static void new_page(pass *p)
{
    footer(p);
    if (p->draw)
        cairo_show_page(p->cr);
    p->page++;
    p->y = MARGIN;
}

static double row_height(pass *p, const block *b, const double *widths,
                         int font, PangoLayout **ls)
{
    double h = 0;
    for (int i = 0; i < b->ncols; i++) {
        ls[i] = layout(p, b->cells[i], font, widths[i] - 2 * CELL_PAD,
                       PANGO_ALIGN_LEFT);
        double ch = height_of(ls[i]);
        if (ch > h)
            h = ch;
    }
    return h + 2 * CELL_PAD;
}

static void draw_row(pass *p, const block *b, const double *widths,
                     PangoLayout **ls, double h, bool header)
{
    if (p->draw) {
        double x = MARGIN;
        if (header) {
            cairo_set_source_rgb(p->cr, 0.92, 0.92, 0.92);
            cairo_rectangle(p->cr, MARGIN, p->y, BODY_W, h);
            cairo_fill(p->cr);
            cairo_set_source_rgb(p->cr, 0, 0, 0);
        }
        for (int i = 0; i < b->ncols; i++) {
            cairo_move_to(p->cr, x + CELL_PAD, p->y + CELL_PAD);
            pango_cairo_show_layout(p->cr, ls[i]);
            x += widths[i];
        }
        cairo_set_source_rgb(p->cr, 0.7, 0.7, 0.7);
        cairo_set_line_width(p->cr, 0.5);
        cairo_move_to(p->cr, MARGIN, p->y + h);
        cairo_line_to(p->cr, MARGIN + BODY_W, p->y + h);
        cairo_stroke(p->cr);
        cairo_set_source_rgb(p->cr, 0, 0, 0);
    }
    for (int i = 0; i < b->ncols; i++)
        g_object_unref(ls[i]);
    p->y += h;
}

/* A table row (or its header); a row that does not fit starts a new page,
 * where the header is repeated first. */
static void table_row(pass *p, const block *b, bool header)
{
    const double *widths = p->table->widths;
    PangoLayout *ls[OV_PDF_COLS_MAX];
    double h = row_height(p, b, widths, header ? F_BOLD : F_BODY, ls);
    if (p->y + h > BODY_BOTTOM && p->y > MARGIN) {
        new_page(p);
        if (!header) {
            PangoLayout *hl[OV_PDF_COLS_MAX];
            double hh = row_height(p, p->table, widths, F_BOLD, hl);
            draw_row(p, p->table, widths, hl, hh, true);
        }
    }
    draw_row(p, b, widths, ls, h, header);
}

/* A paragraph line by line, breaking the page between lines. */
static void flow(pass *p, PangoLayout *l, double x)
{
    PangoLayoutIter *it = pango_layout_get_iter(l);
    do {
        PangoRectangle r;
        pango_layout_iter_get_line_extents(it, NULL, &r);
        double lh = (double)r.height / PANGO_SCALE;
        if (p->y + lh > BODY_BOTTOM && p->y > MARGIN)
            new_page(p);
        if (p->draw) {
            int base = pango_layout_iter_get_baseline(it);
            cairo_move_to(p->cr, x, p->y + (double)(base - r.y) / PANGO_SCALE);
            pango_cairo_show_layout_line(
                p->cr, pango_layout_iter_get_line_readonly(it));
        }
        p->y += lh;
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
}

static double line_height(pass *p, int font)
{
    PangoLayout *l = layout(p, OV_STR_LIT("Åg"), font, BODY_W,
                            PANGO_ALIGN_LEFT);
    double h = height_of(l);
    g_object_unref(l);
    return h;
}

static void run(pass *p)
{
    ov_pdf *d = p->d;
    p->page = 1;
    p->y = MARGIN;
    p->table = NULL;
    double body_line = line_height(p, F_BODY);
    for (size_t i = 0; i < d->n; i++) {
        const block *b = &d->b[i];
        switch (b->k) {
        case K_HEAD: {
            int font = b->level == 1 ? F_H1 : F_H2;
            double before = b->level == 1 ? 0 : b->level == 2 ? 12 : 6;
            if (p->y > MARGIN)
                p->y += before;
            PangoLayout *l = layout(p, b->text, font, BODY_W,
                                    PANGO_ALIGN_LEFT);
            double h = height_of(l);
            /* keep the heading with two lines of what follows */
            if (p->y + h + 2 * body_line > BODY_BOTTOM && p->y > MARGIN)
                new_page(p);
            if (p->draw) {
                cairo_move_to(p->cr, MARGIN, p->y);
                pango_cairo_show_layout(p->cr, l);
            }
            g_object_unref(l);
            p->y += h + 4;
            break;
        }
        case K_PARA:
        case K_NOTE: {
            double x = MARGIN + INDENT * b->level;
            if (b->k == K_NOTE && p->draw)
                cairo_set_source_rgb(p->cr, 0.3, 0.3, 0.3);
            PangoLayout *l = layout(p, b->text,
                                    b->k == K_NOTE ? F_SMALL : F_BODY,
                                    BODY_W - INDENT * b->level,
                                    PANGO_ALIGN_LEFT);
            flow(p, l, x);
            g_object_unref(l);
            if (p->draw)
                cairo_set_source_rgb(p->cr, 0, 0, 0);
            p->y += 3;
            break;
        }
        case K_FIELD: {
            double lw = BODY_W * 0.3;
            PangoLayout *ll = layout(p, b->text, F_BOLD, lw - 6,
                                     PANGO_ALIGN_LEFT);
            PangoLayout *vl = layout(p, b->value, F_BODY, BODY_W - lw,
                                     PANGO_ALIGN_LEFT);
            double h = height_of(ll);
            double vh = height_of(vl);
            if (vh > h)
                h = vh;
            if (p->y + h > BODY_BOTTOM && p->y > MARGIN)
                new_page(p);
            if (p->draw) {
                cairo_move_to(p->cr, MARGIN, p->y);
                pango_cairo_show_layout(p->cr, ll);
                cairo_move_to(p->cr, MARGIN + lw, p->y);
                pango_cairo_show_layout(p->cr, vl);
            }
            g_object_unref(ll);
            g_object_unref(vl);
            p->y += h + 2;
            break;
        }
        case K_SPACE:
            p->y += b->pt;
            if (p->y > BODY_BOTTOM)
                new_page(p);
            break;
        case K_TABLE:
            p->table = b;
            p->y += 4;
            table_row(p, b, true);
            break;
        case K_ROW:
            if (p->table)
                table_row(p, b, false);
            if (i + 1 == d->n || d->b[i + 1].k != K_ROW)
                p->y += 6;
            break;
        case K_SIGN: {
            double h = 36 + body_line;
            if (p->y + h > BODY_BOTTOM && p->y > MARGIN)
                new_page(p);
            p->y += 30;
            if (p->draw) {
                cairo_set_line_width(p->cr, 0.7);
                cairo_move_to(p->cr, MARGIN, p->y);
                cairo_line_to(p->cr, MARGIN + BODY_W * 0.6, p->y);
                cairo_stroke(p->cr);
            }
            p->y += 2;
            PangoLayout *l = layout(p, b->text, F_SMALL, BODY_W * 0.6,
                                    PANGO_ALIGN_LEFT);
            if (p->draw) {
                cairo_move_to(p->cr, MARGIN, p->y);
                pango_cairo_show_layout(p->cr, l);
            }
            p->y += height_of(l) + 4;
            g_object_unref(l);
            break;
        }
        }
    }
    footer(p);
    if (p->draw)
        cairo_show_page(p->cr);
}

typedef struct sink {
    ov_buf buf;
} sink;

static cairo_status_t write_out(void *closure, const unsigned char *data,
                                unsigned int length)
{
    sink *s = closure;
    return ov_buf_append(&s->buf, data, length) == OV_OK
               ? CAIRO_STATUS_SUCCESS
               : CAIRO_STATUS_WRITE_ERROR;
}

static void pass_fonts(pass *p)
{
    static const struct {
        PangoWeight w;
        double size;
    } f[] = {{PANGO_WEIGHT_NORMAL, 10}, {PANGO_WEIGHT_BOLD, 10},
             {PANGO_WEIGHT_BOLD, 17}, {PANGO_WEIGHT_BOLD, 12.5},
             {PANGO_WEIGHT_NORMAL, 8}};
    for (int i = 0; i < 5; i++) {
        p->fonts[i] = pango_font_description_new();
        pango_font_description_set_family(p->fonts[i], FONT);
        pango_font_description_set_weight(p->fonts[i], f[i].w);
        pango_font_description_set_absolute_size(p->fonts[i],
                                                 f[i].size * PANGO_SCALE);
    }
}

static void pass_done(pass *p)
{
    for (int i = 0; i < 5; i++)
        pango_font_description_free(p->fonts[i]);
    g_object_unref(p->pc);
}

/* Font hinting and metrics off: the layout in points must not depend on
 * a screen's resolution, so both passes and every machine agree. */
static PangoContext *context_for(cairo_t *cr)
{
    PangoContext *pc = pango_cairo_create_context(cr);
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(pc, fo);
    cairo_font_options_destroy(fo);
    return pc;
}

/* The first PDF of a process registers ov_pdf_shutdown to run at its
 * exit: fontconfig's caches, cairo's static data and the font map then go
 * before a leak checker (ASan's, which checks after every atexit handler
 * registered later than itself) looks, in the server and in every test
 * that renders a PDF through a page. */
static pthread_once_t shutdown_once = PTHREAD_ONCE_INIT;
static void register_shutdown(void)
{
    atexit(ov_pdf_shutdown);
}

ov_status ov_pdf_finish(ov_pdf *d, ov_str *out, int *pages, ov_err *err)
{
    pthread_once(&shutdown_once, register_shutdown);
    if (d->over)
        return ov_err_set(err, OV_ETOOBIG, "pdf",
                          "the document has more than %d blocks",
                          OV_PDF_BLOCKS_MAX);
    sink s;
    ov_buf_init(&s.buf, d->a, OV_PDF_BYTES_MAX);
    cairo_surface_t *surf =
        cairo_pdf_surface_create_for_stream(write_out, &s, PAGE_W, PAGE_H);
    char *title = ov_arena_memdup0(d->a, d->title.ptr ? d->title.ptr : "",
                                   d->title.len);
    if (g_utf8_validate(title, -1, NULL))
        cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_TITLE, title);
    cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_CREATOR,
                                   "overgang");
    cairo_t *cr = cairo_create(surf);

    /* pass 1: count the pages */
    pass p;
    memset(&p, 0, sizeof p);
    p.d = d;
    p.cr = cr;
    p.pc = context_for(cr);
    pass_fonts(&p);
    p.draw = false;
    run(&p);
    int total = p.page;
    /* pass 2: draw */
    p.draw = true;
    p.pages = total;
    run(&p);
    pass_done(&p);

    cairo_destroy(cr);
    cairo_surface_finish(surf);
    cairo_status_t cs = cairo_surface_status(surf);
    cairo_surface_destroy(surf);
    if (s.buf.failed)
        return ov_err_set(err, OV_ETOOBIG, "pdf",
                          "the PDF is larger than %d MiB",
                          OV_PDF_BYTES_MAX / (1024 * 1024));
    if (cs != CAIRO_STATUS_SUCCESS)
        return ov_err_set(err, OV_EIO, "pdf", "cairo: %s",
                          cairo_status_to_string(cs));
    *out = ov_buf_str(&s.buf);
    if (pages)
        *pages = total;
    return OV_OK;
}

void ov_pdf_shutdown(void)
{
    /* once: a test calls it itself, and then the exit handler does */
    static atomic_bool done;
    if (atomic_exchange(&done, true))
        return;
    pango_cairo_font_map_set_default(NULL);
    cairo_debug_reset_static_data();
    FcFini();
}
