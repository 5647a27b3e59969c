/* test_results.c — what the pipelines hand the renderers, on hand-computed
 * cases: orderings, brokerage z-scores, risers and fallers, comparison
 * caveats, cross-sector shares, and the whole of rn_compare_run on a small
 * model of two periods. */
#include <math.h>
#include <string.h>

#include "analyses/compare.h"
#include "analyses/run.h"
#include "engine/error.h"
#include "loaders/loaders.h"

#define EPS 1e-12

static void test_order_by_score(void)
{
    const double score[] = {0.5, NAN, 2.0, 0.5, -1.0, 2.0};
    g_autofree guint *order = rn_order_by_score(score, G_N_ELEMENTS(score));
    const guint want[] = {2, 5, 0, 3, 4, 1}; /* highest first, ties by index, NAN last */
    for (guint i = 0; i < G_N_ELEMENTS(want); i++)
        g_assert_cmpuint(order[i], ==, want[i]);
}

/* A network of nodes named by ids[] with the given edges (weights 1). */
static RnNetwork *make(RnNetworkKind kind, const char *const *ids, guint n,
                       const guint (*edges)[2], guint m, const char *const *sectors)
{
    RnNetwork *net = rn_network_new(kind);
    for (guint i = 0; i < n; i++) {
        RnNode node = {.id = g_strdup(ids[i]), .label = g_strdup(ids[i]), .country = g_strdup(""),
                       .sector = g_strdup(sectors ? sectors[i] : ""), .region = g_strdup("")};
        g_array_append_val(net->nodes, node);
    }
    for (guint i = 0; i < m; i++) {
        RnEdge e = {.source = edges[i][0], .target = edges[i][1], .weight = 1, .projects = 1};
        g_array_append_val(net->edges, e);
    }
    return net;
}

static void test_cross_sector_share(void)
{
    const char *const ids[] = {"a", "b", "c", "d"};
    const char *const sectors[] = {"HES", "PRC", "PRC", ""};
    const guint edges[][2] = {{0, 1}, {1, 2}, {2, 3}, {0, 2}};
    RnNetwork *net = make(RN_NETWORK_ORG, ids, 4, edges, 4, sectors);
    /* Known-sector ties: a-b (cross), b-c (same), a-c (cross); c-d has an unknown end. */
    g_assert_cmpfloat_with_epsilon(rn_cross_sector_share(net), 2.0 / 3.0, EPS);
    net->kind = RN_NETWORK_REGION;
    g_assert_true(isnan(rn_cross_sector_share(net)));
    rn_network_free(net);
}

static void test_brokerage_z(void)
{
    /* Star: centre 0 with leaves 1, 2, 3; groups {0, 1} and {2, 3}. */
    const char *const ids[] = {"n0", "n1", "n2", "n3"};
    const guint edges[][2] = {{0, 1}, {0, 2}, {0, 3}};
    RnNetwork *net = make(RN_NETWORK_ORG, ids, 4, edges, 3, NULL);
    RnGrouping g = {.name = g_strdup("test"), .n_groups = 2};
    g.labels = g_new0(char *, 3);
    g.labels[0] = g_strdup("A");
    g.labels[1] = g_strdup("B");
    g.of_node = g_new0(guint, 4);
    g.of_node[2] = g.of_node[3] = 1;
    g.size = g_new0(guint, 2);
    g.size[0] = g.size[1] = 2;
    RnBrokerage b;
    rn_brokerage_compute(net, &g, &b);
    for (guint v = 0; v < 4; v++) {
        const RnBrokerageCounts *o = &b.observed[v], *e = &b.expected[v], *sd = &b.sd[v],
                                *z = &b.z[v];
        double roles[][4] = {{o->coordinator, e->coordinator, sd->coordinator, z->coordinator},
                             {o->liaison, e->liaison, sd->liaison, z->liaison},
                             {o->total, e->total, sd->total, z->total}};
        for (guint r = 0; r < G_N_ELEMENTS(roles); r++) {
            if (roles[r][2] > 0)
                g_assert_cmpfloat_with_epsilon(roles[r][3], (roles[r][0] - roles[r][1]) / roles[r][2], EPS);
            else
                g_assert_true(isnan(roles[r][3]));
        }
    }
    /* The centre's pairs: (1,2) and (1,3) gatekeeper/representative, (2,3) itinerant. */
    g_assert_cmpfloat(b.observed[0].gatekeeper_representative, ==, 2);
    g_assert_cmpfloat(b.observed[0].itinerant, ==, 1);
    rn_brokerage_clear(&b);
    rn_grouping_clear(&g);
    rn_network_free(net);
}

/* Period results with given strengths (other centralities 0). */
static void fill_period(RnPeriodResult *p, RnNetwork *net, const double *strength)
{
    guint n = net->nodes->len;
    p->network = net;
    p->centrality = (RnCentrality){.n = n};
    double **arrays[] = {&p->centrality.degree,   &p->centrality.strength,
                         &p->centrality.betweenness, &p->centrality.harmonic,
                         &p->centrality.closeness, &p->centrality.eigenvector,
                         &p->centrality.pagerank};
    for (guint k = 0; k < G_N_ELEMENTS(arrays); k++)
        *arrays[k] = g_new0(double, n + 1);
    memcpy(p->centrality.strength, strength, n * sizeof(double));
}

static void test_risers_and_fallers(void)
{
    const char *const a_ids[] = {"a", "b", "c", "d"};
    const char *const b_ids[] = {"a", "b", "c", "d", "e"};
    RnPeriodResult pa = {0}, pb = {0};
    fill_period(&pa, make(RN_NETWORK_REGION, a_ids, 4, NULL, 0, NULL),
                (const double[]){4, 3, 2, 1});
    fill_period(&pb, make(RN_NETWORK_REGION, b_ids, 5, NULL, 0, NULL),
                (const double[]){1, 4, 4, 2, 9});
    RnComparison c;
    rn_compare_periods(&pa, &pb, 0, 1, 10, &c);
    g_assert_cmpuint(c.kept, ==, 4);
    g_assert_cmpuint(c.entered->len, ==, 1);
    /* Ranks by strength among kept nodes: before a1 b2 c3 d4; after b and c
     * tie for 1.5, d 3, a 4.  Rises: c +1.5, b +0.5, d +1; falls: a -3. */
    const GArray *rise = c.risers[0], *fall = c.fallers[0];
    g_assert_cmpuint(rise->len, ==, 3);
    g_assert_cmpuint(g_array_index(rise, RnMover, 0).kept, ==, 2); /* c */
    g_assert_cmpfloat(g_array_index(rise, RnMover, 0).rank_from, ==, 3);
    g_assert_cmpfloat(g_array_index(rise, RnMover, 0).rank_to, ==, 1.5);
    g_assert_cmpuint(g_array_index(rise, RnMover, 1).kept, ==, 3); /* d */
    g_assert_cmpuint(g_array_index(rise, RnMover, 2).kept, ==, 1); /* b */
    g_assert_cmpuint(fall->len, ==, 1);
    g_assert_cmpuint(g_array_index(fall, RnMover, 0).kept, ==, 0); /* a */
    g_assert_cmpfloat(g_array_index(fall, RnMover, 0).value_from, ==, 4);
    g_assert_cmpfloat(g_array_index(fall, RnMover, 0).value_to, ==, 1);
    rn_comparison_clear(&c);
    /* top bounds the lists. */
    rn_compare_periods(&pa, &pb, 0, 1, 1, &c);
    g_assert_cmpuint(c.risers[0]->len, ==, 1);
    rn_comparison_clear(&c);
    for (RnPeriodResult *p = &pa; p; p = p == &pa ? &pb : NULL) {
        rn_centrality_clear(&p->centrality);
        rn_network_free(p->network);
    }
}

/* A model of two periods: 2007-2013 with one single-participant project
 * per organisation (no ties), 2014-2020 with one project joining three. */
static RnModel *two_periods(void)
{
    RnModel *m = rn_model_new();
    g_autoptr(GError) error = NULL;
    g_autofree char *nuts = g_build_filename(REGNET_SOURCE_DIR, "data", "nuts",
                                             "nuts2013_all_levels_ropensci.csv", NULL);
    g_assert_true(rn_load_nuts(m, nuts, nuts, "2013", &error));
    rn_model_add_provenance(m, "test", "test");
    const char *regions[] = {"DE111", "FR101", "ITC11"};
    gboolean merged, existed;
    for (guint i = 0; i < 3; i++) {
        g_autofree char *name = g_strdup_printf("Org %u", i);
        guint org = rn_model_intern_org(m, name, "XX", &merged);
        g_autofree char *acronym = g_strdup_printf("P%u", i);
        guint single = rn_model_intern_project(m, "2007 - 2013 Test", acronym, &existed);
        rn_model_add_participation(m, org, single, RN_ROLE_LEAD, regions[i], NULL, "XX");
        guint joint = rn_model_intern_project(m, "2014 - 2020 Test", "JOINT", &existed);
        rn_model_add_participation(m, org, joint, RN_ROLE_PARTNER, regions[i], NULL, "XX");
    }
    return m;
}

static void test_compare_run(void)
{
    g_autoptr(RnModel) m = two_periods();
    const char *periods[] = {"2007-2013", "2014-2020"};
    RnCompareRequest request = {.spec = {.kind = RN_NETWORK_REGION, .level = 2},
                                .options = {.alpha = 1, .threads = 1},
                                .periods = periods, .n_periods = 2, .seed = 1, .top = 5};
    RnCompareResult r;
    g_autoptr(GError) error = NULL;
    g_assert_true(rn_compare_run(m, &request, &r, &error));
    g_assert_cmpuint(r.periods[0].summary.edges, ==, 0);
    g_assert_cmpuint(r.periods[1].summary.edges, ==, 3);
    g_assert_cmpuint(r.periods[0].communities, ==, 3); /* edgeless: every node alone */
    g_assert_true(isnan(r.periods[0].modularity));
    g_assert_cmpuint(r.comparisons[0].kept, ==, 3);
    /* 3 of 3 projects of 2007-2013 have one participant: more than 75%. */
    g_assert_cmpuint(r.caveats->len, ==, 1);
    g_assert_cmpstr(g_ptr_array_index(r.caveats, 0), ==,
                    "period 2007-2013: 3 of 3 projects (100%) have a single participant in the "
                    "data, so most partnerships are missing; do not read differences from this "
                    "period as a policy effect");
    g_assert_cmpuint(r.warnings->len, ==, 0);
    rn_compare_result_clear(&r);
    g_assert_null(r.periods);

    const char *absent[] = {"2014-2020", "2021-2027"};
    request.periods = absent;
    g_assert_false(rn_compare_run(m, &request, &r, &error));
    g_assert_error(error, RN_ERROR, RN_ERROR_USAGE);
    g_assert_cmpstr(error->message, ==,
                    "period '2021-2027' has no projects with participants; periods present: "
                    "2007-2013, 2014-2020");
    g_assert_null(r.periods); /* a failure leaves the result cleared */
}

static void test_analysis_run(void)
{
    g_autoptr(RnModel) m = two_periods();
    RnAnalysisRequest request = {.spec = {.kind = RN_NETWORK_REGION, .level = 2, .period = "2014-2020"},
                                 .options = {.alpha = 1, .threads = 2}};
    RnAnalysisResult r;
    g_autoptr(GError) error = NULL;
    g_assert_true(rn_analysis_run(m, &request, &r, &error));
    g_assert_cmpuint(r.network->nodes->len, ==, 3);
    g_assert_false(r.has_bridging);
    g_assert_nonnull(r.by_betweenness);
    g_assert_cmpuint(r.by_betweenness[0], ==, 0); /* a triangle: all tie, index order */
    rn_analysis_result_clear(&r);
    request.spec.period = "1990-1995";
    g_assert_false(rn_analysis_run(m, &request, &r, &error));
    g_assert_error(error, RN_ERROR, RN_ERROR_USAGE);
    g_assert_null(r.network);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/results/order-by-score", test_order_by_score);
    g_test_add_func("/results/cross-sector-share", test_cross_sector_share);
    g_test_add_func("/results/brokerage-z", test_brokerage_z);
    g_test_add_func("/results/risers-and-fallers", test_risers_and_fallers);
    g_test_add_func("/results/compare-run", test_compare_run);
    g_test_add_func("/results/analysis-run", test_analysis_run);
    return g_test_run();
}
