/* test_network.c — networks and every metric on hand-computed cases:
 * isolated nodes, two components, single-region projects, self-ties,
 * Newman weights, equal-length paths that float summation splits, and
 * thread-count independence on the real data. */
#include <math.h>
#include <string.h>

#include "analyses/analysis.h"
#include "analyses/biconnected.h"
#include "engine/error.h"
#include "loaders/loaders.h"
#include "network_builder.h"

#define TINY REGNET_SOURCE_DIR "/tests/fixtures/tiny/dataset.json"

static RnModel *load(const char *path)
{
    g_autoptr(GError) error = NULL;
    RnModel *model = rn_model_new();
    g_autofree char *name = NULL;
    RnLoadOptions options = {0};
    g_assert_true(rn_load_dataset(model, path, &options, &name, &error));
    g_assert_no_error(error);
    return model;
}

static RnNetwork *build(const RnModel *model, RnNetworkKind kind, int level,
                        RnWeighting weighting, const char *period)
{
    g_autoptr(GError) error = NULL;
    RnNetworkSpec spec = {.kind = kind, .level = level, .weighting = weighting, .period = period};
    RnNetwork *net = rn_network_build(model, &spec, &error);
    g_assert_no_error(error);
    return net;
}

static guint node_index(const RnNetwork *net, const char *id)
{
    for (guint i = 0; i < net->nodes->len; i++)
        if (strcmp(g_array_index(net->nodes, RnNode, i).id, id) == 0)
            return i;
    g_assert_not_reached();
}

static const RnNode *node(const RnNetwork *net, const char *id)
{
    return &g_array_index(net->nodes, RnNode, node_index(net, id));
}

/* Weight of edge a-b, or -1 if absent. */
static double edge_weight(const RnNetwork *net, const char *a, const char *b)
{
    guint u = node_index(net, a), v = node_index(net, b);
    for (guint i = 0; i < net->edges->len; i++) {
        const RnEdge *e = &g_array_index(net->edges, RnEdge, i);
        g_assert_cmpuint(e->source, <, e->target); /* no self-ties, sorted pairs */
        if (e->source == MIN(u, v) && e->target == MAX(u, v))
            return e->weight;
    }
    return -1;
}

static void test_region_level2(void)
{
    g_autoptr(RnModel) model = load(TINY);
    g_autoptr(RnNetwork) net = build(model, RN_NETWORK_REGION, 2, RN_WEIGHT_PROJECTS, NULL);
    g_assert_cmpuint(net->nodes->len, ==, 4);
    g_assert_cmpstr(g_array_index(net->nodes, RnNode, 0).id, ==, "AT13"); /* sorted */
    g_assert_cmpuint(net->edges->len, ==, 2);
    g_assert_cmpfloat(edge_weight(net, "DEA1", "FR10"), ==, 2); /* P1 and P4 */
    g_assert_cmpfloat(edge_weight(net, "AT13", "DEA1"), ==, 1); /* P6 */
    g_assert_cmpfloat(edge_weight(net, "AT13", "ITC1"), ==, -1);
    /* Single-region projects add to internal_projects, never a self-tie. */
    g_assert_cmpuint(node(net, "DEA1")->internal_projects, ==, 1); /* P2 */
    g_assert_cmpuint(node(net, "AT13")->internal_projects, ==, 1); /* P3: F unlocated */
    g_assert_cmpuint(node(net, "ITC1")->internal_projects, ==, 1); /* P5 */
    g_assert_cmpuint(node(net, "FR10")->internal_projects, ==, 0);
    g_assert_cmpuint(node(net, "DEA1")->organisations, ==, 3);   /* A, B, D */
    g_assert_cmpuint(node(net, "DEA1")->projects, ==, 4);        /* P1 P2 P4 P6 */
    g_assert_cmpuint(net->projects_selected, ==, 6);
    g_assert_cmpuint(net->participations_unlocated, ==, 1);
    g_assert_cmpuint(GPOINTER_TO_UINT(g_hash_table_lookup(net->unlocated_by_reason,
                                                          "no region given")), ==, 1);
}

static void test_region_levels_and_filter(void)
{
    g_autoptr(RnModel) model = load(TINY);
    g_autoptr(RnNetwork) l0 = build(model, RN_NETWORK_REGION, 0, RN_WEIGHT_PROJECTS, NULL);
    g_assert_cmpuint(l0->nodes->len, ==, 4);
    g_assert_cmpfloat(edge_weight(l0, "DE", "FR"), ==, 2);
    g_autoptr(RnNetwork) l3 = build(model, RN_NETWORK_REGION, 3, RN_WEIGHT_PROJECTS, NULL);
    g_assert_cmpuint(l3->nodes->len, ==, 6);
    g_assert_cmpfloat(edge_weight(l3, "DEA11", "FR101"), ==, 2);
    g_assert_cmpfloat(edge_weight(l3, "DEA11", "DEA13"), ==, 1);
    g_assert_cmpfloat(edge_weight(l3, "DEA12", "FR101"), ==, 1);
    g_autoptr(RnNetwork) recent = build(model, RN_NETWORK_REGION, 2, RN_WEIGHT_PROJECTS,
                                        "2014-2020");
    g_assert_cmpuint(recent->projects_selected, ==, 5);
    g_assert_cmpfloat(edge_weight(recent, "AT13", "DEA1"), ==, -1);

    g_autoptr(GError) error = NULL;
    RnNetworkSpec spec = {.kind = RN_NETWORK_REGION, .level = 2, .period = "2021-2027"};
    g_assert_null(rn_network_build(model, &spec, &error));
    g_assert_error(error, RN_ERROR, RN_ERROR_USAGE);
    g_assert_cmpstr(error->message, ==,
                    "no project with participants matches the filters --period=2021-2027");
}

static void test_org_weights(void)
{
    g_autoptr(RnModel) model = load(TINY);
    g_autoptr(RnNetwork) count = build(model, RN_NETWORK_ORG, 0, RN_WEIGHT_PROJECTS, NULL);
    g_assert_cmpuint(count->nodes->len, ==, 7);
    g_assert_cmpuint(count->edges->len, ==, 6);
    g_assert_cmpfloat(edge_weight(count, "DE|org a", "FR|org c"), ==, 2);
    g_assert_cmpfloat(edge_weight(count, "DE|org a", "DE|org b"), ==, 1);
    g_assert_cmpstr(node(count, "DE|org a")->region, ==, "DEA11");
    g_assert_cmpstr(node(count, "DE|org d")->sector, ==, ""); /* n/a */
    g_assert_cmpstr(node(count, "FR|org c")->sector, ==, "public"); /* "Public" */
    g_autoptr(RnNetwork) newman = build(model, RN_NETWORK_ORG, 0, RN_WEIGHT_NEWMAN, NULL);
    /* P1 has 3 partners (1/2 per pair), P4 has 2 (1 per pair). */
    g_assert_cmpfloat(edge_weight(newman, "DE|org a", "FR|org c"), ==, 1.5);
    g_assert_cmpfloat(edge_weight(newman, "DE|org b", "FR|org c"), ==, 0.5);
    g_assert_cmpfloat(edge_weight(newman, "AT|org e", "RS|org f"), ==, 1.0);
}

static void analyze(const RnNetwork *net, double alpha, guint threads, RnCentrality *c,
                    RnSummary *s)
{
    g_autoptr(GError) error = NULL;
    RnAnalysisOptions options = {.alpha = alpha, .threads = threads};
    g_assert_true(rn_analyze_network(net, &options, c, s, &error));
    g_assert_no_error(error);
}

#define EPS 1e-12

static void test_org_metrics_by_hand(void)
{
    g_autoptr(RnModel) model = load(TINY);
    g_autoptr(RnNetwork) net = build(model, RN_NETWORK_ORG, 0, RN_WEIGHT_PROJECTS, NULL);
    RnCentrality c;
    RnSummary s;
    analyze(net, 0.0, 2, &c, &s);
    guint a = node_index(net, "DE|org a"), e = node_index(net, "AT|org e");
    guint g = node_index(net, "IT|org g"), b = node_index(net, "DE|org b");
    /* A is the only route between {B, C}, {D} and {E, F}: 8 of 15 pairs. */
    g_assert_cmpfloat_with_epsilon(c.betweenness[a], 8.0 / 15.0, EPS);
    g_assert_cmpfloat_with_epsilon(c.betweenness[e], 4.0 / 15.0, EPS);
    g_assert_cmpfloat_with_epsilon(c.betweenness[b], 0.0, EPS);
    g_assert_cmpfloat_with_epsilon(c.harmonic[a], 4.5, EPS);
    g_assert_cmpfloat_with_epsilon(c.closeness[a], 25.0 / 36.0, EPS); /* (5/6)(5/6) */
    /* The isolated node. */
    g_assert_cmpfloat(c.degree[g], ==, 0);
    g_assert_cmpfloat(c.harmonic[g], ==, 0);
    g_assert_cmpfloat(c.closeness[g], ==, 0);
    g_assert_cmpfloat(c.betweenness[g], ==, 0);
    g_assert_cmpfloat(c.degree[a], ==, 4);
    g_assert_cmpfloat(c.strength[a], ==, 5);
    g_assert_cmpuint(s.components, ==, 2);
    g_assert_cmpuint(s.isolates, ==, 1);
    g_assert_cmpuint(s.largest_component, ==, 6);
    g_assert_cmpfloat_with_epsilon(s.density, 6.0 / 21.0, EPS);
    g_assert_cmpfloat_with_epsilon(s.transitivity, 1.0 / 3.0, EPS);   /* 3 x 1 / 9 */
    g_assert_cmpfloat_with_epsilon(s.average_clustering, 13.0 / 42.0, EPS);
    g_assert_cmpuint(s.diameter_hops, ==, 3);
    g_assert_cmpfloat_with_epsilon(s.average_path_length_hops, 54.0 / 30.0, EPS);
    /* Degree centralization: (4-4)+(4-2)*2+(4-1)*2+(4-2)+(4-0) = 16 over 6 x 5. */
    g_assert_cmpfloat_with_epsilon(s.centralization_degree, 16.0 / 30.0, EPS);
    double pr = 0;
    for (guint i = 0; i < c.n; i++)
        pr += c.pagerank[i];
    g_assert_cmpfloat_with_epsilon(pr, 1.0, 1e-12);
    rn_centrality_clear(&c);

    /* Weighted (alpha 1): A-C has weight 2, so length 1/2. */
    analyze(net, 1.0, 1, &c, &s);
    g_assert_cmpfloat_with_epsilon(c.harmonic[a], 1 + 2 + 1 + 1 + 0.5, EPS);
    g_assert_cmpfloat_with_epsilon(s.diameter_weighted, 3.0, EPS);
    rn_centrality_clear(&c);
}

/* Builds a network by hand: nodes named by ids, edges as (u, v, weight). */
static RnNetwork *hand_network(const char *const *ids, guint n, const double (*edges)[3], guint m)
{
    RnNetwork *net = rn_network_new(RN_NETWORK_ORG);
    for (guint i = 0; i < n; i++) {
        RnNode node = {.id = g_strdup(ids[i]), .label = g_strdup(ids[i]),
                       .country = g_strdup(""), .sector = g_strdup(""), .region = g_strdup("")};
        g_array_append_val(net->nodes, node);
    }
    for (guint i = 0; i < m; i++) {
        RnEdge e = {.source = (guint)edges[i][0], .target = (guint)edges[i][1],
                    .weight = edges[i][2], .projects = 1};
        g_array_append_val(net->edges, e);
    }
    return net;
}

static void test_equal_length_paths(void)
{
    /* X-A-Y has length 1/10 + 1/5 = 0.30000000000000004 in floats; X-Y has
     * length 1/(10/3), 0.3 or 0.29999999999999999.  Exactly, both are 3/10,
     * so A lies on half of the X-Y shortest paths. */
    const char *ids[] = {"A", "X", "Y"};
    const double edges[][3] = {{0, 1, 10.0}, {0, 2, 5.0}, {1, 2, 10.0 / 3.0}};
    RnNetwork *net = hand_network(ids, 3, edges, 3);
    RnCentrality c;
    RnSummary s;
    analyze(net, 1.0, 1, &c, &s);
    g_assert_cmpfloat_with_epsilon(c.betweenness[0], 0.5, EPS);
    g_assert_cmpfloat_with_epsilon(c.betweenness[1], 0.0, EPS);
    rn_centrality_clear(&c);
    rn_network_free(net);
}

static void test_path_star_by_hand(void)
{
    /* Star with centre 0 and 4 leaves: betweenness 1 at the centre,
     * centralization 1 for degree, betweenness and closeness. */
    const char *ids[] = {"c", "l1", "l2", "l3", "l4"};
    const double edges[][3] = {{0, 1, 1}, {0, 2, 1}, {0, 3, 1}, {0, 4, 1}};
    RnNetwork *net = hand_network(ids, 5, edges, 4);
    RnCentrality c;
    RnSummary s;
    analyze(net, 1.0, 2, &c, &s);
    g_assert_cmpfloat_with_epsilon(c.betweenness[0], 1.0, EPS);
    g_assert_cmpfloat_with_epsilon(c.closeness[1], 4.0 / 7.0, EPS);
    g_assert_cmpfloat_with_epsilon(s.centralization_degree, 1.0, EPS);
    g_assert_cmpfloat_with_epsilon(s.centralization_betweenness, 1.0, EPS);
    g_assert_cmpfloat_with_epsilon(s.centralization_closeness, 1.0, EPS);
    g_assert_cmpfloat_with_epsilon(c.eigenvector[0], 1.0, EPS);
    g_assert_cmpfloat_with_epsilon(c.eigenvector[1], 0.5, EPS); /* 1/sqrt(4) */
    rn_centrality_clear(&c);
    rn_network_free(net);
}

static void test_threads_bit_identical(void)
{
    g_autoptr(RnModel) model = load(REGNET_SOURCE_DIR "/data/keep-2014-2020.json");
    g_autoptr(RnNetwork) net = build(model, RN_NETWORK_REGION, 2, RN_WEIGHT_PROJECTS, NULL);
    g_autofree gboolean *scope = g_new(gboolean, net->nodes->len);
    for (guint i = 0; i < net->nodes->len; i++)
        scope[i] = TRUE;
    RnPathResult one, two;
    rn_paths_compute(net, 1.0, 1, scope, &one);
    rn_paths_compute(net, 1.0, 2, scope, &two);
    gsize bytes = sizeof(double) * net->nodes->len;
    g_assert_cmpmem(one.betweenness, bytes, two.betweenness, bytes);
    g_assert_cmpmem(one.harmonic, bytes, two.harmonic, bytes);
    g_assert_cmpmem(one.closeness, bytes, two.closeness, bytes);
    rn_path_result_clear(&one);
    rn_path_result_clear(&two);
    g_assert_null(one.betweenness); /* cleared, and a second clear is harmless */
    rn_path_result_clear(&one);
}

/* --- exact reductions: the same results with and without (docs/paths.md) --- */

/* Projects of random sizes over n organisations (a projection network,
 * full of twins): weight = shared projects. */
static void add_projection(Builder *b, guint first, guint n, guint projects, GRand *rand)
{
    g_autoptr(GHashTable) weight = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
    g_autoptr(GArray) keys = g_array_new(FALSE, FALSE, sizeof(gint64)); /* first-seen order */
    for (guint p = 0; p < projects; p++) {
        guint size = (guint)g_rand_int_range(rand, 2, 7);
        guint members[8];
        for (guint k = 0; k < size; k++)
            members[k] = first + (guint)g_rand_int_range(rand, 0, (gint32)n);
        for (guint i = 0; i < size; i++)
            for (guint j = i + 1; j < size; j++) {
                if (members[i] == members[j])
                    continue;
                gint64 key = (gint64)MIN(members[i], members[j]) << 32 | MAX(members[i], members[j]);
                guint old = GPOINTER_TO_UINT(g_hash_table_lookup(weight, &key));
                if (old == 0)
                    g_array_append_val(keys, key);
                g_hash_table_insert(weight, g_memdup2(&key, sizeof key), GUINT_TO_POINTER(old + 1));
            }
    }
    for (guint k = 0; k < keys->len; k++) {
        gint64 key = g_array_index(keys, gint64, k);
        add_edge(b, (guint)(key >> 32), (guint)(key & 0xffffffff),
                 GPOINTER_TO_UINT(g_hash_table_lookup(weight, &key)));
    }
}

static void assert_close(double a, double b, const char *what, guint i)
{
    double scale = MAX(fabs(a), fabs(b));
    if (a != b && fabs(a - b) > 1e-12 * scale)
        g_error("%s of node %u: %.17g with reductions, %.17g without", what, i, a, b);
}

static void compare_results(const RnPathResult *a, const RnPathResult *b, guint n)
{
    for (guint i = 0; i < n; i++) {
        assert_close(a->betweenness[i], b->betweenness[i], "betweenness", i);
        assert_close(a->harmonic[i], b->harmonic[i], "harmonic", i);
        assert_close(a->closeness[i], b->closeness[i], "closeness", i);
    }
    g_assert_cmpuint(a->diameter_hops, ==, b->diameter_hops);
    assert_close(a->diameter_weighted, b->diameter_weighted, "diameter", 0);
    assert_close(a->average_path_length_hops, b->average_path_length_hops, "apl hops", 0);
    assert_close(a->average_path_length_weighted, b->average_path_length_weighted, "apl", 0);
}

/* Degree-1 nodes removed by the last compare_reductions() (all reductions). */
static guint last_degree1;

/* Runs the pass without reductions and with each set of them (twins alone,
 * degree-1 alone, both); returns how many nodes twins alone merged. */
static guint compare_reductions(const RnNetwork *net, double alpha, guint threads)
{
    guint n = net->nodes->len;
    g_autofree gboolean *scope = g_new(gboolean, n + 1);
    for (guint i = 0; i < n; i++)
        scope[i] = TRUE; /* the pass only sums over the scope */
    const guint skips[] = {RN_REDUCTIONS_ALL, RN_REDUCTION_DEGREE1, RN_REDUCTION_TWINS, 0};
    RnPathResult r[4];
    for (guint k = 0; k < 4; k++) {
        RnPathOptions o = {.alpha = alpha, .threads = threads, .betweenness = TRUE,
                           .skip_reductions = skips[k]};
        rn_paths_run(net, &o, scope, &r[k]);
        g_assert_cmpuint(r[k].reductions, ==, RN_REDUCTIONS_ALL & ~skips[k]);
        if (k > 0)
            compare_results(&r[k], &r[0], n);
    }
    g_assert_cmpuint(r[0].sources, ==, n);
    g_assert_cmpuint(r[0].degree1_removed, ==, 0);
    g_assert_cmpuint(r[1].degree1_removed, ==, 0);
    guint merged = r[1].open_twins_merged + r[1].closed_twins_merged;
    g_assert_cmpuint(r[1].sources, ==, n - merged);
    g_assert_cmpuint(r[2].open_twins_merged + r[2].closed_twins_merged, ==, 0);
    g_assert_cmpuint(r[2].sources, ==, n - r[2].degree1_removed);
    g_assert_cmpuint(r[3].degree1_removed, ==, r[2].degree1_removed);
    g_assert_cmpuint(r[3].sources, ==,
                     n - r[3].degree1_removed - r[3].open_twins_merged - r[3].closed_twins_merged);
    g_assert_cmpuint(r[3].sources, <=, r[2].sources);
    last_degree1 = r[3].degree1_removed;
    for (guint k = 0; k < 4; k++) {
        g_assert_cmpuint(r[k].largest_biconnected_nodes, ==, r[0].largest_biconnected_nodes);
        g_assert_cmpuint(r[k].articulation_points, ==, r[0].articulation_points);
        g_free(r[k].betweenness);
        g_free(r[k].harmonic);
        g_free(r[k].closeness);
    }
    return merged;
}

static guint compare_all(const RnNetwork *net)
{
    guint merged = compare_reductions(net, 1.0, 1);
    g_assert_cmpuint(compare_reductions(net, 0.0, 2), ==, merged);
    g_assert_cmpuint(compare_reductions(net, 0.5, 2), ==, merged);
    return merged;
}

/* compare_reductions() at alpha 1, 0 and 0.5, where weights decide which
 * nodes are twins; returns the degree-1 nodes removed (the same at any alpha). */
static guint compare_alphas(const RnNetwork *net)
{
    compare_reductions(net, 1.0, 1);
    guint removed = last_degree1;
    compare_reductions(net, 0.0, 2);
    g_assert_cmpuint(last_degree1, ==, removed);
    compare_reductions(net, 0.5, 2);
    g_assert_cmpuint(last_degree1, ==, removed);
    return removed;
}

static void test_reductions_synthetic(void)
{
    g_autoptr(GRand) rand = g_rand_new_with_seed(15);
    /* A star: the leaves are open twins. */
    Builder star = {g_array_new(FALSE, FALSE, sizeof(double[3])), 41};
    for (guint v = 1; v < 41; v++)
        add_edge(&star, 0, v, 2.0);
    g_autoptr(RnNetwork) s = builder_network(&star);
    g_assert_cmpuint(compare_all(s), ==, 39);
    /* A chain of 12 cliques of 6 (weights 1, 2 or 3 per clique), joined by one
     * edge between consecutive cliques: each clique's inner nodes are closed twins. */
    Builder chain = {g_array_new(FALSE, FALSE, sizeof(double[3])), 72};
    for (guint c = 0; c < 12; c++) {
        for (guint i = 0; i < 6; i++)
            for (guint j = i + 1; j < 6; j++)
                add_edge(&chain, 6 * c + i, 6 * c + j, 1.0 + c % 3);
        if (c > 0)
            add_edge(&chain, 6 * c - 1, 6 * c, 1.0);
    }
    g_autoptr(RnNetwork) ch = builder_network(&chain);
    g_assert_cmpuint(compare_all(ch), >=, 12 * 3);
    /* A projection of 300 small projects over 400 organisations: many twins,
     * several components, isolated nodes. */
    Builder proj = {g_array_new(FALSE, FALSE, sizeof(double[3])), 420};
    add_projection(&proj, 0, 400, 300, rand);
    g_autoptr(RnNetwork) p = builder_network(&proj);
    g_assert_cmpuint(compare_all(p), >, 0);
    /* Many components: 60 copies of small shapes (pairs, triangles, paths, stars). */
    Builder comps = {g_array_new(FALSE, FALSE, sizeof(double[3])), 300};
    for (guint c = 0; c < 60; c++) {
        guint b = 5 * c;
        switch (c % 4) {
        case 0: add_edge(&comps, b, b + 1, 1); break;
        case 1: add_edge(&comps, b, b + 1, 1); add_edge(&comps, b + 1, b + 2, 1);
                add_edge(&comps, b, b + 2, 1); break;
        case 2: for (guint k = 0; k < 4; k++) add_edge(&comps, b + k, b + k + 1, 1.0 + k); break;
        default: for (guint k = 1; k < 5; k++) add_edge(&comps, b, b + k, 3); break;
        }
    }
    g_autoptr(RnNetwork) m = builder_network(&comps);
    g_assert_cmpuint(compare_all(m), >, 0);
    /* A path of 30 (one tree, peeled to one node) with weights 1..3. */
    Builder path = {g_array_new(FALSE, FALSE, sizeof(double[3])), 30};
    for (guint v = 0; v + 1 < 30; v++)
        add_edge(&path, v, v + 1, 1.0 + v % 3);
    g_autoptr(RnNetwork) pa = builder_network(&path);
    g_assert_cmpuint(compare_alphas(pa), ==, 29);
    /* Trees hanging off cliques: 5 cliques of 5 in a ring, each clique node
     * carrying a tree (a path of 1-3 nodes, a star of pendant twins, a
     * binary tree of 7), weights 1-3 giving tied and untied path lengths. */
    Builder hang = {g_array_new(FALSE, FALSE, sizeof(double[3])), 0};
    for (guint c = 0; c < 5; c++) {
        guint base = hang.n;
        hang.n += 5;
        for (guint i = 0; i < 5; i++)
            for (guint j = i + 1; j < 5; j++)
                add_edge(&hang, base + i, base + j, 1.0 + (i + j + c) % 2);
        add_edge(&hang, base + 4, (base + 5) % 25, 2.0);
    }
    for (guint v = 0; v < 25; v++) {
        guint kind = v % 4, first = hang.n;
        if (kind == 0) {
            hang.n += 1 + v % 3;
            add_edge(&hang, v, first, 1.0);
            for (guint k = first + 1; k < hang.n; k++)
                add_edge(&hang, k - 1, k, 1.0 + k % 2);
        } else if (kind == 1) {
            hang.n += 4; /* pendant twins, two lengths */
            for (guint k = first; k < hang.n; k++)
                add_edge(&hang, v, k, 1.0 + (k - first) % 2);
        } else if (kind == 2) {
            hang.n += 7;
            add_edge(&hang, v, first, 2.0);
            for (guint k = 1; k < 7; k++)
                add_edge(&hang, first + (k - 1) / 2, first + k, 1.0 + k % 3);
        }
    }
    g_autoptr(RnNetwork) hg = builder_network(&hang);
    g_assert_cmpuint(compare_alphas(hg), >, 50);
    /* Many components: trees, single edges, cliques with pendants, isolates. */
    Builder forest = {g_array_new(FALSE, FALSE, sizeof(double[3])), 400};
    for (guint k = 0; k < 360; k++) {
        guint v = (guint)g_rand_int_range(rand, 1, 360);
        if (v % 10 == 0)
            continue; /* a root */
        add_edge(&forest, v, v - 1 - (guint)g_rand_int_range(rand, 0, (gint32)MIN(v, 4)),
                 (double)g_rand_int_range(rand, 1, 4));
    }
    for (guint c = 360; c + 4 < 396; c += 4)
        for (guint i = 0; i < 3; i++)
            for (guint j = i + 1; j < 3; j++)
                add_edge(&forest, c + i, c + j, 1.0);
    g_autoptr(RnNetwork) fo = builder_network(&forest);
    g_assert_cmpuint(compare_alphas(fo), >, 100);
    /* A random graph with distinct weights: no twins, the same pass. */
    Builder random = {g_array_new(FALSE, FALSE, sizeof(double[3])), 150};
    for (guint k = 0; k < 600; k++)
        add_edge(&random, (guint)g_rand_int_range(rand, 0, 150), (guint)g_rand_int_range(rand, 0, 150),
                 g_rand_double_range(rand, 0.5, 4.0));
    g_autoptr(RnNetwork) r = builder_network(&random);
    compare_all(r);
}

/* Runs the pass at alpha 0 (breadth-first kernel) and on the same edges with
 * weight 1 at alpha 1 (Dijkstra kernel); both must agree to 1e-12 relative
 * (the order of the path-count sums among equally distant nodes differs). */
static void compare_kernels(const RnNetwork *net, gboolean plain, RnPathResult *bfs_out)
{
    g_autoptr(RnNetwork) unit = rn_network_new(RN_NETWORK_ORG);
    for (guint i = 0; i < net->nodes->len; i++) {
        RnNode node = {.id = g_strdup_printf("n%u", i), .label = g_strdup(""), .country = g_strdup(""),
                       .sector = g_strdup(""), .region = g_strdup("")};
        g_array_append_val(unit->nodes, node);
    }
    for (guint i = 0; i < net->edges->len; i++) {
        RnEdge e = g_array_index(net->edges, RnEdge, i);
        e.weight = 1.0;
        g_array_append_val(unit->edges, e);
    }
    guint n = net->nodes->len;
    g_autofree gboolean *scope = g_new(gboolean, n + 1);
    for (guint i = 0; i < n; i++)
        scope[i] = TRUE;
    RnPathResult r[2];
    RnPathOptions bfs = {.alpha = 0.0, .threads = 2, .betweenness = TRUE, .plain = plain};
    RnPathOptions dijkstra = {.alpha = 1.0, .threads = 1, .betweenness = TRUE, .plain = plain};
    rn_paths_run(net, &bfs, scope, &r[0]);
    rn_paths_run(unit, &dijkstra, scope, &r[1]);
    for (guint i = 0; i < n; i++) {
        assert_close(r[0].betweenness[i], r[1].betweenness[i], "bfs/dijkstra betweenness", i);
        assert_close(r[0].harmonic[i], r[1].harmonic[i], "bfs/dijkstra harmonic", i);
        assert_close(r[0].closeness[i], r[1].closeness[i], "bfs/dijkstra closeness", i);
    }
    g_assert_cmpuint(r[0].diameter_hops, ==, r[1].diameter_hops);
    g_assert_cmpfloat(r[0].diameter_weighted, ==, r[0].diameter_hops);
    g_assert_cmpfloat(r[1].diameter_weighted, ==, r[1].diameter_hops);
    assert_close(r[0].average_path_length_hops, r[1].average_path_length_hops, "apl hops", 0);
    assert_close(r[0].average_path_length_weighted, r[0].average_path_length_hops, "apl", 0);
    rn_path_result_clear(&r[1]);
    if (bfs_out)
        *bfs_out = r[0];
    else
        rn_path_result_clear(&r[0]);
}

static void test_bfs_kernel(void)
{
    g_autoptr(GRand) rand = g_rand_new_with_seed(16);
    /* A path of 600 nodes: levels beyond the byte the kernel stores them in
     * (modulo 255); exact values in closed form: betweenness of node i is
     * 2 i (n-1-i) / ((n-1)(n-2)), harmonic sum_{d} 1/d over both sides. */
    guint n = 600;
    Builder path = {g_array_new(FALSE, FALSE, sizeof(double[3])), n};
    for (guint v = 1; v < n; v++)
        add_edge(&path, v - 1, v, 1.0 + v % 3);
    RnPathResult r;
    g_autoptr(RnNetwork) path_net = builder_network(&path);
    for (guint plain = 0; plain < 2; plain++) {
        compare_kernels(path_net, plain, &r);
        g_assert_cmpuint(r.diameter_hops, ==, n - 1);
        for (guint i = 0; i < n; i += 37) {
            double bc = 2.0 * i * (n - 1.0 - i) / ((n - 1.0) * (n - 2.0));
            double harmonic = 0.0, sum = 0.0;
            for (guint d = 1; d <= i; d++)
                harmonic += 1.0 / d, sum += d;
            for (guint d = 1; d < n - i; d++)
                harmonic += 1.0 / d, sum += d;
            assert_close(r.betweenness[i], bc, "path betweenness", i);
            assert_close(r.harmonic[i], harmonic, "path harmonic", i);
            assert_close(r.closeness[i], (n - 1.0) / sum, "path closeness", i);
        }
        rn_path_result_clear(&r);
    }
    /* A cycle of 520 (two shortest paths between opposite nodes; levels wrap). */
    Builder cycle = {g_array_new(FALSE, FALSE, sizeof(double[3])), 520};
    for (guint v = 0; v < 520; v++)
        add_edge(&cycle, v, (v + 1) % 520, 1.0);
    g_autoptr(RnNetwork) cycle_net = builder_network(&cycle);
    compare_kernels(cycle_net, FALSE, &r);
    g_assert_cmpuint(r.diameter_hops, ==, 260);
    for (guint i = 1; i < 520; i++)
        assert_close(r.betweenness[i], r.betweenness[0], "cycle betweenness", i);
    rn_path_result_clear(&r);
    /* Projections (many equal-length paths), chains of cliques, a random graph. */
    Builder proj = {g_array_new(FALSE, FALSE, sizeof(double[3])), 700};
    add_projection(&proj, 0, 650, 600, rand);
    g_autoptr(RnNetwork) proj_net = builder_network(&proj);
    compare_kernels(proj_net, FALSE, NULL);
    compare_kernels(proj_net, TRUE, NULL);
    Builder chain = {g_array_new(FALSE, FALSE, sizeof(double[3])), 60 * 5};
    for (guint c = 0; c < 60; c++) {
        for (guint i = 0; i < 5; i++)
            for (guint j = i + 1; j < 5; j++)
                add_edge(&chain, 5 * c + i, 5 * c + j, 2.0);
        if (c > 0)
            add_edge(&chain, 5 * c - 1, 5 * c, 1.0);
    }
    g_autoptr(RnNetwork) chain_net = builder_network(&chain);
    compare_kernels(chain_net, FALSE, &r);
    g_assert_cmpuint(r.diameter_hops, ==, 60 * 2 - 1);
    rn_path_result_clear(&r);
    Builder random = {g_array_new(FALSE, FALSE, sizeof(double[3])), 300};
    for (guint k = 0; k < 900; k++)
        add_edge(&random, (guint)g_rand_int_range(rand, 0, 300), (guint)g_rand_int_range(rand, 0, 300), 1.0);
    g_autoptr(RnNetwork) random_net = builder_network(&random);
    compare_kernels(random_net, TRUE, NULL);
}

static void test_reductions_real(void)
{
    /* keep.eu 2014-2020 organisations: 6847 nodes, thousands of twins. */
    g_autoptr(RnModel) model = load(REGNET_SOURCE_DIR "/data/keep-2014-2020.json");
    g_autoptr(RnNetwork) net = build(model, RN_NETWORK_ORG, 0, RN_WEIGHT_PROJECTS, NULL);
    g_assert_cmpuint(compare_reductions(net, 1.0, 2), >, 1000);
    g_test_message("keep.eu organisations: %u degree-1 nodes removed", last_degree1);
    g_autoptr(RnNetwork) newman = build(model, RN_NETWORK_ORG, 0, RN_WEIGHT_NEWMAN, NULL);
    g_assert_cmpuint(compare_reductions(newman, 0.0, 2), >, 1000);
    g_autoptr(RnNetwork) regions = build(model, RN_NETWORK_REGION, 2, RN_WEIGHT_PROJECTS, NULL);
    compare_reductions(regions, 1.0, 2);
}

/* Blocks and articulation points of small graphs given as arc lists (each
 * undirected edge twice, targets in node order), the empty graph included:
 * an empty network reached qsort with a NULL array (UBSan, compare of a
 * period without ties). */
static void check_blocks(guint n, const guint *offset, const guint *target, guint cuts,
                         guint blocks, guint largest_nodes, guint largest_edges)
{
    RnPathGraph g = {.n = n, .offset = (guint *)offset, .target = (guint *)target};
    RnBiconnected r = {0};
    rn_biconnected_find(&g, &r);
    g_assert_cmpuint(r.articulation_points, ==, cuts);
    g_assert_cmpuint(r.blocks, ==, blocks);
    g_assert_cmpuint(r.largest_nodes, ==, largest_nodes);
    g_assert_cmpuint(r.largest_edges, ==, largest_edges);
    for (guint i = 1; i < r.largest_nodes; i++)
        g_assert_cmpuint(r.largest[i - 1], <, r.largest[i]);
    rn_biconnected_clear(&r);
}

static void test_biconnected_small(void)
{
    static const guint empty_offset[] = {0};
    check_blocks(0, empty_offset, NULL, 0, 0, 0, 0);
    static const guint isolated_offset[] = {0, 0, 0};
    check_blocks(2, isolated_offset, NULL, 0, 0, 0, 0);
    /* path 0-1-2: two bridges, 1 cuts */
    static const guint path_offset[] = {0, 1, 3, 4}, path_target[] = {1, 0, 2, 1};
    check_blocks(3, path_offset, path_target, 1, 2, 2, 1);
    /* bowtie: triangles 0-1-2 and 2-3-4 share 2 */
    static const guint bow_offset[] = {0, 2, 4, 8, 10, 12};
    static const guint bow_target[] = {1, 2, 0, 2, 0, 1, 3, 4, 2, 4, 2, 3};
    check_blocks(5, bow_offset, bow_target, 1, 2, 3, 3);
    /* a 4-cycle with a pendant 4 off node 0: the cycle is one block, 0 cuts */
    static const guint cyc_offset[] = {0, 3, 5, 7, 9, 10};
    static const guint cyc_target[] = {1, 3, 4, 0, 2, 1, 3, 0, 2, 0};
    check_blocks(5, cyc_offset, cyc_target, 1, 2, 4, 4);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/network/region-level2", test_region_level2);
    g_test_add_func("/network/region-levels-filter", test_region_levels_and_filter);
    g_test_add_func("/network/org-weights", test_org_weights);
    g_test_add_func("/metrics/org-by-hand", test_org_metrics_by_hand);
    g_test_add_func("/metrics/equal-length-paths", test_equal_length_paths);
    g_test_add_func("/metrics/star-by-hand", test_path_star_by_hand);
    g_test_add_func("/metrics/threads-bit-identical", test_threads_bit_identical);
    g_test_add_func("/paths/reductions-synthetic", test_reductions_synthetic);
    g_test_add_func("/paths/reductions-real", test_reductions_real);
    g_test_add_func("/paths/bfs-kernel", test_bfs_kernel);
    g_test_add_func("/paths/biconnected-small", test_biconnected_small);
    return g_test_run();
}
