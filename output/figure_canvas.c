/*
 * figure_canvas.c — rendering a figure to SVG and PNG, text, colours (see
 * figure_canvas.h).
 *
 * Determinism: cairo writes SVG without dates or random ids and PNG
 * through libpng without time chunks, and the drawing functions draw in a
 * fixed order, so the same report and seed give the same bytes.
 */
#include "output/figure_canvas.h"

#include <math.h>
#include <string.h>

#include <cairo-svg.h>

#include "engine/error.h"
#include "output/export.h"

static cairo_status_t append_bytes(void *closure, const unsigned char *data, unsigned int length)
{
    g_byte_array_append(closure, data, length);
    return CAIRO_STATUS_SUCCESS;
}

/* Draws on surface (scaled by scale) and finishes it; FALSE when cairo failed. */
static gboolean draw_on(cairo_surface_t *surface, double scale, double width, double height,
                        RnDrawFunc draw, gconstpointer data)
{
    cairo_t *cr = cairo_create(surface);
    cairo_scale(cr, scale, scale);
    draw(cr, width, height, data);
    cairo_status_t status = cairo_status(cr);
    cairo_destroy(cr);
    return status == CAIRO_STATUS_SUCCESS;
}

static void add_file(GPtrArray *files, const char *name, const char *extension, GByteArray *bytes)
{
    g_autofree char *file = g_strconcat(name, extension, NULL);
    gsize length = bytes->len;
    g_byte_array_append(bytes, (const guint8 *)"", 1); /* a NUL after the bytes, not written */
    rn_export_files_add(files, file, (char *)g_byte_array_free(bytes, FALSE), length);
}

gboolean rn_figure_render(const char *name, double width, double height, RnDrawFunc draw,
                          gconstpointer data, GPtrArray *files, GError **error)
{
    g_return_val_if_fail(name != NULL && draw != NULL && files != NULL, FALSE);
    g_return_val_if_fail(error == NULL || *error == NULL, FALSE);
    GByteArray *svg = g_byte_array_new();
    cairo_surface_t *surface = cairo_svg_surface_create_for_stream(append_bytes, svg, width, height);
    cairo_svg_surface_restrict_to_version(surface, CAIRO_SVG_VERSION_1_1);
    gboolean ok = draw_on(surface, 1.0, width, height, draw, data);
    cairo_surface_finish(surface);
    ok = ok && cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS;
    cairo_surface_destroy(surface);
    if (!ok) {
        g_byte_array_unref(svg);
        g_set_error(error, RN_ERROR, RN_ERROR_INTERNAL, "%s.svg: cairo could not draw the figure",
                    name);
        return FALSE;
    }
    add_file(files, name, ".svg", svg);

    int w = (int)ceil(width * RN_PNG_SCALE), h = (int)ceil(height * RN_PNG_SCALE);
    surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    ok = draw_on(surface, RN_PNG_SCALE, width, height, draw, data);
    GByteArray *png = g_byte_array_new();
    ok = ok && cairo_surface_write_to_png_stream(surface, append_bytes, png) == CAIRO_STATUS_SUCCESS;
    cairo_surface_destroy(surface);
    if (!ok) {
        g_byte_array_unref(png);
        g_set_error(error, RN_ERROR, RN_ERROR_INTERNAL, "%s.png: cairo could not draw the figure",
                    name);
        return FALSE;
    }
    add_file(files, name, ".png", png);
    return TRUE;
}

/* A layout of text on cr in the figures' font, hinting off. */
static PangoLayout *text_layout(cairo_t *cr, const char *text, double size, gboolean bold)
{
    PangoLayout *layout = pango_cairo_create_layout(cr);
    PangoContext *context = pango_layout_get_context(layout);
    cairo_font_options_t *options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
    pango_cairo_context_set_font_options(context, options);
    cairo_font_options_destroy(options);
    pango_layout_context_changed(layout);
    PangoFontDescription *font = pango_font_description_new();
    pango_font_description_set_family(font, RN_FIGURE_FONT);
    pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
    pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout, font);
    pango_font_description_free(font);
    pango_layout_set_text(layout, text, -1);
    return layout;
}

double rn_figure_text(cairo_t *cr, const char *text, double x, double y, double size,
                      gboolean bold, RnAlign align, double max_width)
{
    g_return_val_if_fail(cr != NULL && text != NULL, 0);
    PangoLayout *layout = text_layout(cr, text, size, bold);
    if (max_width > 0) {
        pango_layout_set_width(layout, (int)(max_width * PANGO_SCALE));
        pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_MIDDLE);
    }
    /* The width of the (possibly ellipsized) first line; its height. */
    PangoRectangle line, logical;
    pango_layout_get_extents(layout, NULL, &logical);
    pango_layout_line_get_extents(pango_layout_get_line_readonly(layout, 0), NULL, &line);
    double w = (double)line.width / PANGO_SCALE, h = (double)logical.height / PANGO_SCALE;
    double left = align == RN_ALIGN_LEFT ? x : align == RN_ALIGN_CENTER ? x - w / 2 : x - w;
    cairo_save(cr);
    cairo_move_to(cr, left, y);
    pango_cairo_show_layout(cr, layout);
    cairo_restore(cr);
    g_object_unref(layout);
    return h;
}

double rn_figure_paragraph(cairo_t *cr, const char *text, double x, double y, double size,
                           double width)
{
    g_return_val_if_fail(cr != NULL && text != NULL, 0);
    PangoLayout *layout = text_layout(cr, text, size, FALSE);
    pango_layout_set_width(layout, (int)(width * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    PangoRectangle logical;
    pango_layout_get_extents(layout, NULL, &logical);
    cairo_save(cr);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, layout);
    cairo_restore(cr);
    g_object_unref(layout);
    return (double)logical.height / PANGO_SCALE;
}

double rn_figure_text_width(cairo_t *cr, const char *text, double size, gboolean bold)
{
    g_return_val_if_fail(cr != NULL && text != NULL, 0);
    PangoLayout *layout = text_layout(cr, text, size, bold);
    PangoRectangle logical;
    pango_layout_get_extents(layout, NULL, &logical);
    g_object_unref(layout);
    return (double)logical.width / PANGO_SCALE;
}

int rn_figure_unknown_glyphs(const char *text)
{
    g_return_val_if_fail(text != NULL, -1);
    cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 10, 10);
    cairo_t *cr = cairo_create(surface);
    PangoLayout *layout = text_layout(cr, text, 10, FALSE);
    int unknown = pango_layout_get_unknown_glyphs_count(layout);
    /* Characters set in another font than DejaVu (fontconfig fallback) count too. */
    PangoLayoutIter *iter = pango_layout_get_iter(layout);
    do {
        PangoLayoutRun *run = pango_layout_iter_get_run_readonly(iter);
        if (!run)
            continue;
        PangoFontDescription *d = pango_font_describe(run->item->analysis.font);
        const char *family = pango_font_description_get_family(d);
        if (!family || strcmp(family, RN_FIGURE_FONT) != 0)
            unknown += run->glyphs->num_glyphs;
        pango_font_description_free(d);
    } while (pango_layout_iter_next_run(iter));
    pango_layout_iter_free(iter);
    g_object_unref(layout);
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
    return unknown;
}

/* Tableau 10, then ten darker or other hues that stay apart from them. */
static const guint32 palette[RN_PALETTE_SIZE] = {
    0x4e79a7, 0xf28e2b, 0xe15759, 0x76b7b2, 0x59a14f, 0xedc948, 0xb07aa1, 0xff9da7,
    0x9c755f, 0xbab0ac, 0x17becf, 0xbcbd22, 0x7570b3, 0xe7298a, 0x1b9e77, 0xd95f02,
    0x393b79, 0x8c6d31, 0x843c39, 0x7b4173};

static void set_rgb(cairo_t *cr, guint32 rgb, double alpha)
{
    cairo_set_source_rgba(cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                          (rgb & 0xff) / 255.0, alpha);
}

void rn_figure_palette(cairo_t *cr, guint k, double alpha)
{
    g_return_if_fail(cr != NULL);
    set_rgb(cr, k < RN_PALETTE_SIZE ? palette[k] : 0xc8c8c8, alpha);
}

void rn_figure_sequential(cairo_t *cr, double t)
{
    g_return_if_fail(cr != NULL);
    /* white -> #08306b (ColorBrewer Blues' ends), through #6baed6 */
    t = fmin(1.0, fmax(0.0, isnan(t) ? 0.0 : t));
    double r, g, b;
    if (t < 0.5) {
        double u = t / 0.5;
        r = 1.0 + (0x6b / 255.0 - 1.0) * u;
        g = 1.0 + (0xae / 255.0 - 1.0) * u;
        b = 1.0 + (0xd6 / 255.0 - 1.0) * u;
    } else {
        double u = (t - 0.5) / 0.5;
        r = 0x6b / 255.0 + (0x08 / 255.0 - 0x6b / 255.0) * u;
        g = 0xae / 255.0 + (0x30 / 255.0 - 0xae / 255.0) * u;
        b = 0xd6 / 255.0 + (0x6b / 255.0 - 0xd6 / 255.0) * u;
    }
    cairo_set_source_rgb(cr, r, g, b);
}

double rn_figure_radius(double value, double max, double min_radius, double max_radius)
{
    if (!(max > 0) || !(value > 0) || !isfinite(value))
        return min_radius;
    return min_radius + (max_radius - min_radius) * sqrt(fmin(value / max, 1.0));
}

void rn_figure_frame(cairo_t *cr, double width, double height, const char *title,
                     const char *subtitle, const char *note)
{
    g_return_if_fail(cr != NULL);
    g_return_if_fail(title != NULL);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    double h = rn_figure_text(cr, title, 16, 10, 14, TRUE, RN_ALIGN_LEFT, width - 32);
    if (subtitle) {
        cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
        rn_figure_text(cr, subtitle, 16, 12 + h, 10, FALSE, RN_ALIGN_LEFT, width - 32);
    }
    if (note) {
        cairo_set_source_rgb(cr, 0.4, 0.4, 0.4);
        rn_figure_text(cr, note, 16, height - 18, 8, FALSE, RN_ALIGN_LEFT, width - 32);
    }
}
