/*
 * test_figures.c — the figures' font and files (output/figure_canvas.h,
 * output/figures.h) on a small hand-made report: every character of
 * Central European names renders in the chosen font; a script the font
 * lacks is detected (the check can fail); every figure kind is written as
 * SVG and PNG, the same bytes twice.
 */
#include <string.h>

#include <cjson/cJSON.h>
#include <glib.h>

#include "output/export.h"
#include "output/figure_canvas.h"
#include "output/figures.h"

static void test_latin_glyphs(void)
{
    g_assert_cmpint(rn_figure_unknown_glyphs("Žilina Győr Łódź Kraków Ústí nad Labem Brașov "
                                             "Šiauliai Pärnu Ελλάδα Београд"), ==, 0);
    /* Tibetan: not in DejaVu Sans; a box or another font, counted either way */
    g_assert_cmpint(rn_figure_unknown_glyphs("\xe0\xbd\x80\xe0\xbd\x81"), >, 0);
}

static const char *report_text =
    "{\"schema\": \"regnet-report\", \"schema_version\": \"2.1.0\","
    " \"dataset\": {\"name\": \"Test Ž ő ł\", \"attribution\": \"Source: test\"},"
    " \"parameters\": {\"network\": \"region\", \"level\": 2},"
    " \"analyses\": {\"grouping\": {\"name\": \"country\"}, \"mixing\": {\"groups\": [\"PL\", \"SK\"],"
    "   \"ties\": [[0, 2], [2, 1]]}},"
    " \"nodes\": ["
    "  {\"id\": \"PL21\", \"label\": \"Małopolskie\", \"country\": \"PL\", \"group\": \"PL\","
    "   \"lon\": 20.2, \"lat\": 49.9, \"metrics\": {\"degree\": 2, \"strength\": 3, \"betweenness\": 1,"
    "   \"harmonic\": 2, \"closeness\": 1, \"eigenvector\": 1, \"pagerank\": 0.4}},"
    "  {\"id\": \"SK02\", \"label\": \"Západné Slovensko\", \"country\": \"SK\", \"group\": \"SK\","
    "   \"lon\": 18.1, \"lat\": 48.3, \"metrics\": {\"degree\": 2, \"strength\": 2, \"betweenness\": 0,"
    "   \"harmonic\": 2, \"closeness\": 1, \"eigenvector\": 0.8, \"pagerank\": 0.3}},"
    "  {\"id\": \"SK04\", \"label\": \"Východné Slovensko\", \"country\": \"SK\", \"group\": \"SK\","
    "   \"lon\": null, \"lat\": null, \"metrics\": {\"degree\": 2, \"strength\": 1, \"betweenness\": 0,"
    "   \"harmonic\": 2, \"closeness\": 1, \"eigenvector\": 0.5, \"pagerank\": 0.3}}],"
    " \"edges\": [{\"source\": \"PL21\", \"target\": \"SK02\", \"weight\": 2},"
    "  {\"source\": \"PL21\", \"target\": \"SK04\", \"weight\": 1},"
    "  {\"source\": \"SK02\", \"target\": \"SK04\", \"weight\": 1}]}";

static GPtrArray *render(void)
{
    cJSON *report = cJSON_Parse(report_text);
    g_assert_nonnull(report);
    static const double layout[] = {0, 0, 1, 0, 0.5, 1};
    RnFigureOptions options = {.metric = "strength", .top = 5, .layout = layout, .seed = 7,
                               .layout_name = "hand-made"};
    GPtrArray *files = rn_export_files_new();
    g_autoptr(GError) error = NULL;
    g_assert_true(rn_figures_render(report, "test", &options, files, &error));
    g_assert_no_error(error);
    cJSON_Delete(report);
    return files;
}

static const RnExportFile *find(const GPtrArray *files, const char *name)
{
    for (guint k = 0; k < files->len; k++) {
        const RnExportFile *f = g_ptr_array_index(files, k);
        if (strcmp(f->name, name) == 0)
            return f;
    }
    return NULL;
}

static void test_every_kind(void)
{
    g_autoptr(GPtrArray) a = render();
    g_autoptr(GPtrArray) b = render();
    const char *names[] = {"bars-degree", "bars-strength", "bars-betweenness", "bars-harmonic",
                           "bars-closeness", "bars-eigenvector", "bars-pagerank", "mixing",
                           "network", "map"};
    for (guint k = 0; k < G_N_ELEMENTS(names); k++) {
        g_autofree char *svg = g_strconcat(names[k], ".svg", NULL);
        g_autofree char *png = g_strconcat(names[k], ".png", NULL);
        const RnExportFile *s = find(a, svg), *p = find(a, png);
        g_assert_nonnull(s);
        g_assert_nonnull(p);
        g_assert_true(s->length > 100 && strstr(s->data, "<svg") != NULL);
        g_assert_true(p->length > 8 && memcmp(p->data, "\x89PNG\r\n\x1a\n", 8) == 0);
        const RnExportFile *s2 = find(b, svg), *p2 = find(b, png);
        /* cairo numbers surfaces process-wide (id="surfaceN"): the same
         * command gives the same bytes, a second rendering in one process
         * differs in that number only */
        g_autoptr(GRegex) surface = g_regex_new("id=\"surface[0-9]+\"", 0, 0, NULL);
        g_autofree char *t1 = g_regex_replace_literal(surface, s->data, (gssize)s->length, 0,
                                                      "id=\"surface\"", 0, NULL);
        g_autofree char *t2 = g_regex_replace_literal(surface, s2->data, (gssize)s2->length, 0,
                                                      "id=\"surface\"", 0, NULL);
        g_assert_cmpstr(t1, ==, t2);
        g_assert_true(p2->length == p->length && memcmp(p2->data, p->data, p->length) == 0);
    }
    const RnExportFile *manifest = find(a, "figures.json");
    g_assert_nonnull(manifest);
    g_assert_nonnull(strstr(manifest->data, "\"seed\":\t7"));
}

static void test_malformed(void)
{
    cJSON *report = cJSON_Parse("{\"nodes\": [{\"id\": \"A\", \"metrics\": {}}], \"edges\": "
                                "[{\"source\": \"A\", \"target\": \"B\"}]}");
    RnFigureOptions options = {.metric = "degree", .top = 5};
    g_autoptr(GPtrArray) files = rn_export_files_new();
    g_autoptr(GError) error = NULL;
    g_assert_false(rn_figures_render(report, "bad.json", &options, files, &error));
    g_assert_cmpstr(error->message, ==, "bad.json: edges[0]: 'source' or 'target' is not a node "
                                        "id; expected the ids of two nodes");
    cJSON_Delete(report);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/figures/latin-glyphs", test_latin_glyphs);
    g_test_add_func("/figures/every-kind", test_every_kind);
    g_test_add_func("/figures/malformed", test_malformed);
    return g_test_run();
}
