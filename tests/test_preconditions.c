/* test_preconditions.c — the GLib preconditions of the library's public
 * functions (docs/testing.md, "Preconditions"): at least one function of
 * every file of analyses/, engine/, loaders/ and output/ is called with a
 * NULL pointer (or an error already set) and must log a critical
 * ("assertion ... failed") and return its documented failure value.  A
 * precondition removed makes its case fail: the critical is missing, or the
 * NULL pointer is dereferenced.  scripts/check_preconditions.py keeps every
 * public function under the rule; this test shows the rule works. */
#include <math.h>
#include <string.h>

#include <cairo.h>

#include "analyses/analysis.h"
#include "analyses/bridging.h"
#include "analyses/centrality.h"
#include "analyses/compare.h"
#include "analyses/describe.h"
#include "analyses/igraph_adapter.h"
#include "analyses/layout.h"
#include "analyses/link_scores.h"
#include "analyses/path_graph.h"
#include "analyses/period_stats.h"
#include "analyses/recommend.h"
#include "analyses/run.h"
#include "analyses/twins.h"
#include "analyses/pendants.h"
#include "analyses/biconnected.h"
#include "engine/adjacency.h"
#include "engine/countries.h"
#include "engine/error.h"
#include "engine/fold.h"
#include "engine/grouping.h"
#include "engine/label_points.h"
#include "engine/membership.h"
#include "engine/model.h"
#include "engine/network.h"
#include "engine/progress.h"
#include "engine/sector_rules.h"
#include "loaders/cells.h"
#include "loaders/csv.h"
#include "loaders/description.h"
#include "loaders/harmonise.h"
#include "loaders/json_records.h"
#include "loaders/loaders.h"
#include "loaders/mapped.h"
#include "loaders/prefetch.h"
#include "loaders/quote.h"
#include "loaders/read.h"
#include "loaders/region_names.h"
#include "output/describe_report.h"
#include "output/export.h"
#include "output/figure_canvas.h"
#include "output/figure_graph.h"
#include "output/figures.h"
#include "output/output.h"
#include "output/recommend_report.h"
#include "output/xml_writer.h"

/* Runs STMT expecting exactly one failed-assertion critical from it. */
#define EXPECT_CRITICAL(stmt)                                                              \
    do {                                                                                   \
        g_test_expect_message(G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*assertion*failed*");  \
        stmt;                                                                              \
        g_test_assert_expected_messages();                                                 \
    } while (0)

/* An error already set: passing &set_error breaks "error == NULL || *error == NULL". */
static GError *set_error(void)
{
    return g_error_new_literal(RN_ERROR, RN_ERROR_DATA, "already set");
}

/* ---- analyses/ ---------------------------------------------------------------- */

static void test_analyses(void)
{
    gboolean ok = TRUE;
    double x = 0;
    char *text = (char *)"x";
    RnCentrality centrality = {0};
    RnSummary summary = {0};
    RnAnalysisOptions options = {.alpha = 1, .threads = 1};
    RnBridging bridging = {0};
    RnGrouping grouping = {0};
    RnPathResult paths = {0};

    /* analysis.h (inline) */
    EXPECT_CRITICAL(rn_path_result_clear(NULL));
    /* paths.c, betweenness_sample.c, twins.c */
    EXPECT_CRITICAL(rn_paths_compute(NULL, 1, 1, NULL, &paths));
    double *sampled = NULL;
    RnBetweennessMethod method = {0};
    EXPECT_CRITICAL(ok = rn_betweenness_sample(NULL, 1, 1, 0.1, 0.1, 1, NULL, &sampled, &method, NULL));
    g_assert_false(ok);
    g_assert_null(sampled);
    RnTwins twins = {0};
    EXPECT_CRITICAL(rn_twins_find(NULL, &twins));
    EXPECT_CRITICAL(rn_twins_clear(NULL));
    EXPECT_CRITICAL(rn_twins_find_among(NULL, NULL, &twins));
    /* pendants.c, biconnected.c */
    RnPendants pendants = {0};
    EXPECT_CRITICAL(rn_pendants_find(NULL, &pendants));
    EXPECT_CRITICAL(rn_pendants_clear(NULL));
    EXPECT_CRITICAL(rn_pendants_source(NULL, NULL, 0, NULL, 0, NULL, NULL, NULL));
    RnBiconnected blocks = {0};
    EXPECT_CRITICAL(rn_biconnected_find(NULL, &blocks));
    EXPECT_CRITICAL(rn_biconnected_clear(NULL));
    /* summary.c */
    EXPECT_CRITICAL(ok = rn_analyze_network(NULL, &options, &centrality, &summary, NULL));
    g_assert_false(ok);
    /* bridging.c */
    EXPECT_CRITICAL(x = rn_region_bridge_score(&centrality, NULL, 0, 0));
    g_assert_true(isnan(x));
    EXPECT_CRITICAL(rn_bridging_clear(NULL));
    /* brokerage.c, brokerage_pairs.c, ei_index.c, group_mixing.c, structural_holes.c */
    EXPECT_CRITICAL(rn_brokerage_compute(NULL, &grouping, NULL));
    EXPECT_CRITICAL(rn_brokerage_pairs_compute(NULL, &grouping, NULL));
    EXPECT_CRITICAL(rn_ei_index_compute(NULL, &grouping, 10, 1, NULL));
    EXPECT_CRITICAL(rn_group_mixing_compute(NULL, &grouping, NULL));
    EXPECT_CRITICAL(rn_structural_holes_compute(NULL, NULL));
    EXPECT_CRITICAL(x = (double)rn_splitmix64(NULL));
    g_assert_cmpfloat(x, ==, 0);
    /* centrality.c */
    EXPECT_CRITICAL(rn_centrality_clear(NULL));
    guint order[2];
    EXPECT_CRITICAL(rn_top_indices(NULL, 2, 1, order));
    /* cohesion.c, communities.c */
    RnCohesion cohesion = {0};
    EXPECT_CRITICAL(ok = rn_cohesion_compute(NULL, &cohesion, NULL));
    g_assert_false(ok);
    RnCommunities communities = {0};
    EXPECT_CRITICAL(ok = rn_communities_compute(NULL, NULL, &communities, NULL));
    g_assert_false(ok);
    /* compare.c */
    EXPECT_CRITICAL(x = rn_cross_sector_share(NULL));
    g_assert_true(isnan(x));
    EXPECT_CRITICAL(x = rn_spearman(NULL, NULL, 3));
    g_assert_true(isnan(x));
    /* cross_sector.c */
    char cls = 'x';
    EXPECT_CRITICAL(cls = rn_sector_class(NULL));
    g_assert_cmpint(cls, ==, 0);
    /* describe.c */
    EXPECT_CRITICAL(rn_describe(NULL, NULL));
    /* igraph_adapter.c: an error already set */
    GError *error = set_error();
    EXPECT_CRITICAL(ok = rn_igraph_check(IGRAPH_SUCCESS, "x", &error));
    g_assert_false(ok);
    g_assert_cmpstr(error->message, ==, "already set");
    g_clear_error(&error);
    /* layout.c */
    EXPECT_CRITICAL(g_assert_null(rn_layout_network(NULL, 1, NULL)));
    /* link_scores.c */
    EXPECT_CRITICAL(x = rn_link_graph_weight(NULL, 0, 1));
    g_assert_true(isnan(x));
    /* null_model.c */
    guint64 state = 1;
    EXPECT_CRITICAL(g_assert_null(rn_null_network(NULL, &state)));
    /* partition_agreement.c: a NULL array of 3 items (n = 0 takes NULL) */
    EXPECT_CRITICAL(x = rn_adjusted_rand_index(NULL, NULL, 3));
    g_assert_true(isnan(x));
    g_assert_true(isnan(rn_adjusted_rand_index(NULL, NULL, 0))); /* legal: NAN, no critical */
    EXPECT_CRITICAL(x = rn_normalized_mutual_information(order, NULL, 2));
    g_assert_true(isnan(x));
    /* path_graph.c */
    EXPECT_CRITICAL(rn_path_graph_build(NULL, 1, NULL));
    EXPECT_CRITICAL(rn_path_graph_clear(NULL));
    /* period_stats.c */
    double values[RN_STATS];
    EXPECT_CRITICAL(ok = rn_network_statistics(NULL, NULL, values, NULL, NULL));
    g_assert_false(ok);
    /* period_tests.c */
    EXPECT_CRITICAL(x = rn_compare_resampling_work(NULL, NULL));
    g_assert_true(isnan(x));
    /* qap.c */
    EXPECT_CRITICAL(rn_qap_correlation(NULL, NULL, 10, 1, 0, NULL));
    /* recommend.c, recommend_eval.c, recommend_model.c */
    EXPECT_CRITICAL(rn_recommend_result_clear(NULL));
    RnRecommendResult recommend = {0};
    EXPECT_CRITICAL(ok = rn_recommend_evaluate(NULL, NULL, &recommend, NULL));
    g_assert_false(ok);
    EXPECT_CRITICAL(rn_score_features(NULL, values));
    /* regional_bridges.c */
    EXPECT_CRITICAL(rn_regional_bridges_compute(NULL, NULL, NULL, NULL, NULL));
    /* resample.c */
    EXPECT_CRITICAL(rn_project_set_concat(NULL, NULL, NULL));
    /* run.c */
    EXPECT_CRITICAL(g_assert_null(rn_order_by_score(NULL, 3)));
    EXPECT_CRITICAL(rn_analysis_result_clear(NULL));
    /* statistics.c */
    EXPECT_CRITICAL(x = rn_quantile(NULL, 3, 0.5));
    g_assert_true(isnan(x));
    double mean = 0, sd = 0;
    EXPECT_CRITICAL(rn_mean_sd(values, 2, NULL, &sd));
    EXPECT_CRITICAL(rn_mean_sd(values, 2, &mean, NULL));
    (void)text;
    (void)bridging;
    (void)paths;
}

/* ---- engine/ ------------------------------------------------------------------ */

static void test_engine(void)
{
    gboolean ok = TRUE;
    guint index = 0;
    double lon, lat;

    /* adjacency.c */
    EXPECT_CRITICAL(rn_adjacency_build(NULL, NULL));
    EXPECT_CRITICAL(rn_adjacency_clear(NULL));
    /* countries.c */
    EXPECT_CRITICAL(g_assert_null(rn_country_name_en(NULL)));
    /* fold.c */
    EXPECT_CRITICAL(g_assert_null(rn_fold_name(NULL)));
    /* grouping.c */
    RnGrouping grouping = {0};
    EXPECT_CRITICAL(ok = rn_grouping_build(NULL, "country", &grouping, NULL));
    g_assert_false(ok);
    EXPECT_CRITICAL(rn_grouping_clear(NULL));
    EXPECT_CRITICAL(rn_grouping_from_membership(NULL, 2, "x", &grouping));
    /* identity.c */
    EXPECT_CRITICAL(g_assert_cmpuint(rn_model_merge_by_postcode(NULL), ==, 0));
    EXPECT_CRITICAL(g_assert_null(rn_org_loose_key(NULL)));
    /* label_points.c */
    EXPECT_CRITICAL(ok = rn_label_point("2021", NULL, &lon, &lat));
    g_assert_false(ok);
    /* membership.c */
    EXPECT_CRITICAL(index = rn_network_find_node(NULL, "x"));
    g_assert_cmpuint(index, ==, G_MAXUINT);
    EXPECT_CRITICAL(rn_membership_clear(NULL));
    /* model.c */
    g_autoptr(RnModel) model = rn_model_new();
    gboolean merged;
    EXPECT_CRITICAL(index = rn_model_intern_org(model, NULL, "AT", &merged));
    g_assert_cmpuint(index, ==, G_MAXUINT);
    EXPECT_CRITICAL(index = rn_model_intern_project(NULL, "p", "a", &merged));
    g_assert_cmpuint(index, ==, G_MAXUINT);
    EXPECT_CRITICAL(ok = rn_model_find_project(model, "p", "a", NULL));
    g_assert_false(ok);
    EXPECT_CRITICAL(g_assert_null(rn_postcode_normalise(NULL)));
    EXPECT_CRITICAL(g_assert_null(rn_model_periods(NULL)));
    EXPECT_CRITICAL(rn_count_add(NULL, "x", 1));
    /* network.c */
    RnNetworkSpec spec = {.kind = RN_NETWORK_COUNTRY};
    EXPECT_CRITICAL(g_assert_null(rn_network_build(NULL, &spec, NULL)));
    GError *error = set_error();
    EXPECT_CRITICAL(g_assert_null(rn_network_build(model, &spec, &error)));
    g_assert_cmpstr(error->message, ==, "already set");
    g_clear_error(&error);
    /* sector_rules.c */
    EXPECT_CRITICAL(g_assert_cmpuint(rn_sector_rules_count(NULL), ==, 0));
    EXPECT_CRITICAL(g_assert_null(rn_sector_rules_normalise(NULL)));
    /* progress.c: NULL progress is legal (no reporting) */
    rn_progress_end(NULL, RN_PHASE_PATHS, 0);
}

/* ---- loaders/ ----------------------------------------------------------------- */

static void test_loaders(void)
{
    gboolean ok = TRUE;
    g_autoptr(RnModel) model = rn_model_new();
    RnLoadOptions options = {0};
    char *contents = NULL;
    gsize length = 0;

    /* cells.c */
    EXPECT_CRITICAL(g_assert_null(rn_parse_country_cell(NULL)));
    EXPECT_CRITICAL(ok = rn_looks_like_nuts(NULL));
    g_assert_false(ok);
    EXPECT_CRITICAL(rn_tally_flush(NULL));
    /* csv.c */
    EXPECT_CRITICAL(g_assert_cmpuint(rn_csv_n_columns(NULL), ==, 0));
    EXPECT_CRITICAL(g_assert_cmpint(rn_csv_column(NULL, "x"), ==, -1));
    EXPECT_CRITICAL(g_assert_null(rn_csv_name(NULL)));
    GError *error = set_error();
    EXPECT_CRITICAL(g_assert_null(rn_csv_open("x.csv", NULL, ',', &error)));
    g_assert_cmpstr(error->message, ==, "already set");
    g_clear_error(&error);
    /* dataset.c */
    char *name = NULL;
    EXPECT_CRITICAL(ok = rn_load_dataset(model, NULL, &options, &name, NULL));
    g_assert_false(ok);
    /* description.c */
    EXPECT_CRITICAL(g_assert_null(rn_description_parse(NULL, NULL)));
    EXPECT_CRITICAL(g_assert_null(rn_did_you_mean(NULL, NULL)));
    /* harmonise.c */
    EXPECT_CRITICAL(ok = rn_harmonise_nuts(NULL, "2021", "t", NULL, 0, NULL));
    g_assert_false(ok);
    /* json_records.c */
    EXPECT_CRITICAL(g_assert_null(rn_json_records_open(NULL, NULL, NULL, NULL)));
    /* keep.c */
    EXPECT_CRITICAL(ok = rn_load_keep_partners(model, NULL, NULL, &options, NULL));
    g_assert_false(ok);
    /* mapped.c */
    EXPECT_CRITICAL(rn_apply_cluster_registry(NULL));
    EXPECT_CRITICAL(ok = rn_load_mapped(NULL, "csv", "x", NULL, "d", "w", &options, NULL));
    g_assert_false(ok);
    /* nuts.c */
    EXPECT_CRITICAL(ok = rn_load_nuts(model, "x", NULL, NULL, NULL));
    g_assert_false(ok);
    /* prefetch.c */
    EXPECT_CRITICAL(rn_prefetch_add(NULL, "x", NULL, ','));
    error = set_error();
    EXPECT_CRITICAL(g_assert_null(rn_prefetch_open(NULL, "x", NULL, ',', &error)));
    g_clear_error(&error);
    /* quote.c */
    EXPECT_CRITICAL(g_assert_null(rn_excerpt(NULL)));
    /* read.c */
    EXPECT_CRITICAL(ok = rn_read_file(NULL, NULL, &contents, &length, NULL));
    g_assert_false(ok);
    EXPECT_CRITICAL(ok = rn_read_file("x", NULL, NULL, &length, NULL));
    g_assert_false(ok);
    EXPECT_CRITICAL(rn_read_limits_get(NULL));
    /* region_names.c */
    EXPECT_CRITICAL(g_assert_null(rn_region_names_new(NULL)));
}

/* ---- output/ ------------------------------------------------------------------ */

static void test_output(void)
{
    gboolean ok = TRUE;
    g_autoptr(GPtrArray) files = rn_export_files_new();
    double width, height;

    /* atomic_file.c */
    EXPECT_CRITICAL(ok = rn_write_file_atomic(NULL, "x", 1, NULL));
    g_assert_false(ok);
    EXPECT_CRITICAL(ok = rn_sink_write(NULL, "x", 1));
    g_assert_false(ok);
    /* compare_export.c, compare_report.c */
    EXPECT_CRITICAL(ok = rn_comparison_export_csv(NULL, files, NULL));
    g_assert_false(ok);
    EXPECT_CRITICAL(g_assert_null(rn_comparison_render(NULL)));
    /* describe_report.c */
    EXPECT_CRITICAL(g_assert_null(rn_describe_table(NULL)));
    /* export.c */
    EXPECT_CRITICAL(ok = rn_export_write(NULL, files, NULL));
    g_assert_false(ok);
    EXPECT_CRITICAL(rn_export_files_add(NULL, "x", NULL, 0));
    /* export_csv.c, export_cytoscape.c, export_dl.c, export_gexf.c,
     * export_graphml.c, export_node_link.c, export_pajek.c */
    EXPECT_CRITICAL(rn_export_csv(NULL, files));
    EXPECT_CRITICAL(rn_export_cytoscape(NULL, files));
    EXPECT_CRITICAL(rn_export_dl(NULL, files));
    EXPECT_CRITICAL(ok = rn_export_gexf(NULL, "1.3", files, NULL));
    g_assert_false(ok);
    EXPECT_CRITICAL(ok = rn_export_graphml(NULL, files, NULL));
    g_assert_false(ok);
    EXPECT_CRITICAL(rn_export_node_link(NULL, files));
    EXPECT_CRITICAL(rn_export_pajek(NULL, files));
    g_assert_cmpuint(files->len, ==, 0);
    /* export_table.c */
    EXPECT_CRITICAL(g_assert_null(rn_export_json_graph(NULL)));
    EXPECT_CRITICAL(rn_export_number_text(1.5, NULL));
    /* figure_bars.c, figure_mixing.c, figure_network.c, figure_map.c, figure_canvas.c */
    EXPECT_CRITICAL(rn_figure_bars_size(NULL, &width, &height));
    EXPECT_CRITICAL(rn_figure_mixing_size(NULL, &width, &height));
    cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 4, 4);
    cairo_t *cr = cairo_create(surface);
    EXPECT_CRITICAL(rn_figure_map_draw(cr, 4, 4, NULL));
    EXPECT_CRITICAL(rn_figure_network_draw(NULL, 4, 4, NULL));
    RnFigureGraph graph = {.n = 2};
    EXPECT_CRITICAL(rn_figure_edges(cr, &graph, NULL)); /* 2 nodes: xy is needed */
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
    EXPECT_CRITICAL(g_assert_cmpint(rn_figure_unknown_glyphs(NULL), ==, -1));
    /* figures.c */
    EXPECT_CRITICAL(ok = rn_figures_render(NULL, "r", NULL, files, NULL));
    g_assert_false(ok);
    /* recommend_report.c */
    EXPECT_CRITICAL(g_assert_null(rn_recommend_render(NULL)));
    /* report.c (sections.h, which would define cJSON's autoptr a second time
     * beside loaders/description.h, is left out) */
    EXPECT_CRITICAL(g_assert_null(rn_report_render(NULL)));
    /* xml_writer.c */
    EXPECT_CRITICAL(ok = rn_xml_begin(NULL));
    g_assert_false(ok);
    EXPECT_CRITICAL(rn_xml_end(NULL));
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/preconditions/analyses", test_analyses);
    g_test_add_func("/preconditions/engine", test_engine);
    g_test_add_func("/preconditions/loaders", test_loaders);
    g_test_add_func("/preconditions/output", test_output);
    return g_test_run();
}
