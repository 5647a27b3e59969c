/*
 * figure_canvas.h — what the figures share (output/figure_*.c): one drawing
 * function rendered to an SVG and a PNG file, text set with pango, the
 * colour palettes and node sizes.  Internal to output/.
 *
 * Text: pango with fontconfig's "DejaVu Sans" (full Latin, Greek and
 * Cyrillic: Ž, ő, ł render), hinting off so that both surfaces lay text
 * out alike.  Sizes are in points; a PNG has RN_PNG_SCALE pixels a point.
 */
#ifndef REGNET_FIGURE_CANVAS_H
#define REGNET_FIGURE_CANVAS_H

#include <cairo.h>
#include <glib.h>
#include <pango/pangocairo.h>

/* Pixels per point of the PNG files. */
#define RN_PNG_SCALE 2.0
/* The font family of every text. */
#define RN_FIGURE_FONT "DejaVu Sans"

/* Draws a figure of width x height points on cr; data is the figure's own. */
typedef void (*RnDrawFunc)(cairo_t *cr, double width, double height, gconstpointer data);

/*
 * Renders draw twice, to SVG and to PNG, and appends the two files
 * (NAME.svg, NAME.png) to files (RnExportFile *, output/export.h).
 * Errors: RN_ERROR_INTERNAL when cairo fails (out of memory).
 * Time complexity: two runs of draw, plus O(width * height) for the PNG.
 */
gboolean rn_figure_render(const char *name, double width, double height, RnDrawFunc draw,
                          gconstpointer data, GPtrArray *files, GError **error);

typedef enum {
    RN_ALIGN_LEFT,
    RN_ALIGN_CENTER,
    RN_ALIGN_RIGHT,
} RnAlign;

/*
 * Sets text (UTF-8) at (x, y), its top edge at y, aligned about x, in size
 * points (bold when bold), at most max_width points wide (ellipsized in the
 * middle; <= 0 for no limit), in the current source colour.  Returns the
 * height the text took.  Time complexity: O(|text|).
 */
double rn_figure_text(cairo_t *cr, const char *text, double x, double y, double size,
                      gboolean bold, RnAlign align, double max_width);

/* Sets text wrapped at word boundaries into lines of at most width points;
 * returns the height it took.  Time complexity: O(|text|). */
double rn_figure_paragraph(cairo_t *cr, const char *text, double x, double y, double size,
                           double width);

/* Width in points text would take (size points).  Time complexity: O(|text|). */
double rn_figure_text_width(cairo_t *cr, const char *text, double size, gboolean bold);

/*
 * The number of unknown glyphs (boxes) text has in the figures' font: 0
 * when every character renders.  For tests.  Time complexity: O(|text|).
 */
int rn_figure_unknown_glyphs(const char *text);

/* Sets the source to the k-th colour of the qualitative palette
 * (RN_PALETTE_SIZE colours: Tableau 10, then ten darker or other hues);
 * k beyond it is the grey of "other". */
#define RN_PALETTE_SIZE 20
void rn_figure_palette(cairo_t *cr, guint k, double alpha);

/* Sets the source to a sequential colour (white to dark blue) for t in [0, 1]. */
void rn_figure_sequential(cairo_t *cr, double t);

/* Radius of a node whose value is value in [0, max]: area proportional to
 * the value, between min_radius and max_radius.  Time complexity: O(1). */
double rn_figure_radius(double value, double max, double min_radius, double max_radius);

/* The figures' common frame: white background, title at the top-left, a
 * subtitle (dataset and network; may be NULL) under it and a note (source,
 * attribution) at the bottom-left.  Content starts at RN_FIGURE_TOP. */
#define RN_FIGURE_TOP 58.0
void rn_figure_frame(cairo_t *cr, double width, double height, const char *title,
                     const char *subtitle, const char *note);

#endif
