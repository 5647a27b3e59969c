/* test_bridging.c — brokerage, structural holes, E-I index, assortativity,
 * cohesion and communities on hand-computed cases. */
#include <math.h>
#include <string.h>

#include "analyses/bridging.h"
#include "analyses/igraph_adapter.h"
#include "engine/error.h"

#define EPS 1e-12

/* A network of n nodes named n0, n1, ... with unit (or given) weights. */
static RnNetwork *make(guint n, const guint (*edges)[2], const double *weights, guint m)
{
    RnNetwork *net = rn_network_new(RN_NETWORK_ORG);
    for (guint i = 0; i < n; i++) {
        RnNode node = {.id = g_strdup_printf("n%u", i), .label = g_strdup(""),
                       .country = g_strdup(""), .sector = g_strdup(""), .region = g_strdup("")};
        g_array_append_val(net->nodes, node);
    }
    for (guint i = 0; i < m; i++) {
        RnEdge e = {.source = edges[i][0], .target = edges[i][1],
                    .weight = weights ? weights[i] : 1.0, .projects = 1};
        g_array_append_val(net->edges, e);
    }
    return net;
}

static void set_groups(RnGrouping *g, const guint *of_node, guint n, guint groups)
{
    g->n_groups = groups;
    g->of_node = g_memdup2(of_node, sizeof(guint) * n);
    g->size = g_new0(guint, groups);
    g->labels = g_new0(char *, groups + 1);
    for (guint k = 0; k < groups; k++)
        g->labels[k] = g_strdup_printf("g%u", k);
    for (guint i = 0; i < n; i++)
        g->size[of_node[i]]++;
}

static void test_brokerage_roles(void)
{
    /* Path n0 - n1 - n2: the one open two-path belongs to n1. */
    const guint path[][2] = {{0, 1}, {1, 2}};
    RnNetwork *net = make(3, path, NULL, 2);
    struct {
        guint groups[3];
        double coordinator, itinerant, gatekeeper_representative, liaison;
    } cases[] = {
        {{0, 0, 0}, 1, 0, 0, 0},
        {{0, 1, 0}, 0, 1, 0, 0},
        {{0, 0, 1}, 0, 0, 1, 0},
        {{0, 1, 2}, 0, 0, 0, 1},
    };
    for (guint c = 0; c < G_N_ELEMENTS(cases); c++) {
        RnGrouping g = {0};
        set_groups(&g, cases[c].groups, 3, 3);
        RnBrokerage b;
        rn_brokerage_compute(net, &g, &b);
        g_assert_cmpfloat(b.observed[1].coordinator, ==, cases[c].coordinator);
        g_assert_cmpfloat(b.observed[1].itinerant, ==, cases[c].itinerant);
        g_assert_cmpfloat(b.observed[1].gatekeeper_representative, ==,
                          cases[c].gatekeeper_representative);
        g_assert_cmpfloat(b.observed[1].liaison, ==, cases[c].liaison);
        g_assert_cmpfloat(b.observed[1].total, ==, 1);
        g_assert_cmpfloat(b.observed[0].total, ==, 0);
        if (c == 2) {
            /* R: sna::brokerage(path, c(1,1,2)) gives node 2 exp b_IO 0.1481481,
             * sd b_IO 0.3552468, exp t 0.2962963, sd t 0.5023948. */
            g_assert_cmpfloat_with_epsilon(b.expected[1].gatekeeper_representative, 4.0 / 27.0, EPS);
            g_assert_cmpfloat_with_epsilon(b.sd[1].gatekeeper_representative, 0.3552468, 1e-7);
            g_assert_cmpfloat_with_epsilon(b.expected[1].total, 0.2962963 / 2, 1e-7);
            g_assert_cmpfloat_with_epsilon(b.sd[1].total, 0.5023948 / 2, 1e-7);
        }
        rn_brokerage_clear(&b);
        rn_grouping_clear(&g);
    }
    rn_network_free(net);

    /* A triangle has no open two-path. */
    const guint triangle[][2] = {{0, 1}, {0, 2}, {1, 2}};
    net = make(3, triangle, NULL, 3);
    RnGrouping g = {0};
    set_groups(&g, (const guint[]){0, 1, 2}, 3, 3);
    RnBrokerage b;
    rn_brokerage_compute(net, &g, &b);
    g_assert_cmpfloat(b.network_observed.total, ==, 0);
    rn_brokerage_clear(&b);
    rn_grouping_clear(&g);
    rn_network_free(net);
}

static void test_structural_holes(void)
{
    /* Star: centre n0 with leaves n1..n3. */
    const guint star[][2] = {{0, 1}, {0, 2}, {0, 3}};
    RnNetwork *net = make(5, star, NULL, 3); /* n4 isolated */
    RnStructuralHoles h;
    rn_structural_holes_compute(net, &h);
    g_assert_cmpfloat_with_epsilon(h.constraint[0], 1.0 / 3.0, EPS);
    g_assert_cmpfloat_with_epsilon(h.effective_size[0], 3.0, EPS);
    g_assert_cmpfloat_with_epsilon(h.efficiency[0], 1.0, EPS);
    g_assert_cmpfloat_with_epsilon(h.hierarchy[0], 0.0, EPS);
    g_assert_cmpfloat_with_epsilon(h.constraint[1], 1.0, EPS);
    g_assert_cmpfloat_with_epsilon(h.effective_size[1], 1.0, EPS);
    g_assert_true(isnan(h.hierarchy[1]));
    g_assert_true(isnan(h.constraint[4]));
    rn_structural_holes_clear(&h);
    rn_network_free(net);

    /* Triangle: c_ij = (1/2 + 1/4)^2, constraint 9/8, effective size 1. */
    const guint triangle[][2] = {{0, 1}, {0, 2}, {1, 2}};
    net = make(3, triangle, NULL, 3);
    rn_structural_holes_compute(net, &h);
    g_assert_cmpfloat_with_epsilon(h.constraint[0], 9.0 / 8.0, EPS);
    g_assert_cmpfloat_with_epsilon(h.effective_size[0], 1.0, EPS);
    rn_structural_holes_clear(&h);
    rn_network_free(net);

    /* Weighted: n0 - n1 weight 3, n0 - n2 weight 1, no tie n1 - n2.
     * p01 = 3/4, p02 = 1/4: constraint 9/16 + 1/16 = 5/8;
     * hierarchy: r = (9/16)/(5/16) = 1.8 and 0.2, (1.8 ln 1.8 + 0.2 ln 0.2) / (2 ln 2). */
    const guint fork[][2] = {{0, 1}, {0, 2}};
    const double w[] = {3, 1};
    net = make(3, fork, w, 2);
    rn_structural_holes_compute(net, &h);
    g_assert_cmpfloat_with_epsilon(h.constraint[0], 5.0 / 8.0, EPS);
    g_assert_cmpfloat_with_epsilon(h.hierarchy[0],
                                   (1.8 * log(1.8) + 0.2 * log(0.2)) / (2 * log(2)), EPS);
    rn_structural_holes_clear(&h);
    rn_network_free(net);
}

static void test_ei_index(void)
{
    /* Groups {n0, n1} and {n2, n3}; ties n0-n1, n2-n3 inside, n0-n2, n1-n3 across. */
    const guint square[][2] = {{0, 1}, {0, 2}, {1, 3}, {2, 3}};
    const double w[] = {1, 2, 2, 1};
    RnNetwork *net = make(4, square, w, 4);
    RnGrouping g = {0};
    set_groups(&g, (const guint[]){0, 0, 1, 1}, 4, 2);
    RnEiIndex ei;
    rn_ei_index_compute(net, &g, 99, 7, &ei);
    g_assert_cmpfloat(ei.network.ei, ==, 0);
    g_assert_cmpfloat_with_epsilon(ei.network_weighted.ei, (4.0 - 2.0) / 6.0, EPS);
    g_assert_cmpfloat(ei.node[0].ei, ==, 0);
    g_assert_cmpfloat_with_epsilon(ei.expected, 1.0 / 3.0, EPS); /* Emax 4, Imax 2 */
    g_assert_cmpfloat(ei.maximum, ==, 1);
    g_assert_cmpfloat(ei.minimum, ==, 0);
    g_assert_cmpfloat(ei.rescaled, ==, -1);
    g_assert_cmpfloat(ei.group[0].external, ==, 2);
    g_assert_cmpfloat(ei.group[0].internal, ==, 1);
    g_assert_cmpfloat(ei.mixing_ties[0 * 2 + 1], ==, 2);
    g_assert_cmpfloat(ei.mixing_ties[0 * 2 + 0], ==, 1);
    g_assert_cmpfloat(ei.mixing_weights[0 * 2 + 1], ==, 4);
    g_assert_cmpfloat_with_epsilon(ei.assortativity, 0.0, EPS);
    g_assert_true(ei.p_greater > 0 && ei.p_greater <= 1 && ei.p_less > 0 && ei.p_less <= 1);
    rn_ei_index_clear(&ei);
    rn_grouping_clear(&g);
    rn_network_free(net);
}

static void test_splitmix64(void)
{
    /* Reference outputs of splitmix64 seeded with 1234567. */
    guint64 state = 1234567;
    g_assert_cmpuint(rn_splitmix64(&state), ==, 6457827717110365317ULL);
    g_assert_cmpuint(rn_splitmix64(&state), ==, 3203168211198807973ULL);
    g_assert_cmpuint(rn_splitmix64(&state), ==, 9817491932198370423ULL);
    for (guint i = 0; i < 1000; i++)
        g_assert_cmpuint(rn_random_below(&state, 7), <, 7);
}

static void test_cohesion_and_communities(void)
{
    /* Two triangles joined by the edge n2 - n3: n2 and n3 are cut points,
     * n2 - n3 the only bridge; Leiden finds the two triangles. */
    const guint two[][2] = {{0, 1}, {0, 2}, {1, 2}, {2, 3}, {3, 4}, {3, 5}, {4, 5}};
    RnNetwork *net = make(6, two, NULL, 7);
    g_autoptr(GError) error = NULL;
    RnCohesion c;
    g_assert_true(rn_cohesion_compute(net, &c, &error));
    g_assert_true(c.cut_point[2] && c.cut_point[3] && !c.cut_point[0]);
    g_assert_cmpuint(c.bridges->len, ==, 1);
    g_assert_cmpuint(g_array_index(c.bridges, guint, 0), ==, 3);
    g_assert_cmpuint(c.coreness[0], ==, 2);
    rn_cohesion_clear(&c);

    RnCommunityOptions o = {.objective = RN_COMMUNITY_MODULARITY, .resolution = 1, .seed = 5, .runs = 4};
    RnCommunities cm;
    g_assert_true(rn_communities_compute(net, &o, &cm, &error));
    g_assert_cmpuint(cm.count, ==, 2);
    guint expected[] = {0, 0, 0, 1, 1, 1}; /* canonical labels */
    for (guint v = 0; v < 6; v++)
        g_assert_cmpuint(cm.membership[v], ==, expected[v]);
    /* Q = sum_c [L_c/m - (d_c/2m)^2] = 2 (3/7 - (7/14)^2) = 5/14. */
    g_assert_cmpfloat_with_epsilon(cm.modularity, 5.0 / 14.0, EPS);
    g_assert_cmpfloat(cm.stability, ==, 1.0);
    g_assert_cmpfloat_with_epsilon(cm.participation[2], 1 - (4.0 / 9 + 1.0 / 9), EPS);
    g_assert_cmpfloat(cm.participation[0], ==, 0);
    rn_communities_clear(&cm);
    rn_network_free(net);
}

/* Leiden must return on networks where no move changes the partition: with
 * igraph 0.10.2's n_iterations = -1 these never returned (issue #2798). */
static void test_communities_terminate(void)
{
    g_autoptr(GError) error = NULL;
    RnNetwork *edgeless = make(4, NULL, NULL, 0);
    RnCommunityOptions o = {.objective = RN_COMMUNITY_MODULARITY, .resolution = 1, .seed = 1, .runs = 3};
    RnCommunities cm;
    g_assert_true(rn_communities_compute(edgeless, &o, &cm, &error));
    g_assert_cmpuint(cm.count, ==, 4);
    g_assert_cmpuint(cm.iterations, ==, 1);
    g_assert_cmpuint(cm.runs_not_converged, ==, 0);
    g_assert_true(isnan(cm.modularity));
    rn_communities_clear(&cm);
    rn_network_free(edgeless);

    /* CPM with a resolution no community can meet: every node alone. */
    const guint two[][2] = {{0, 1}, {0, 2}, {1, 2}, {2, 3}, {3, 4}, {3, 5}, {4, 5}};
    RnNetwork *net = make(6, two, NULL, 7);
    RnCommunityOptions cpm = {.objective = RN_COMMUNITY_CPM, .resolution = 1e6, .seed = 1, .runs = 2};
    g_assert_true(rn_communities_compute(net, &cpm, &cm, &error));
    g_assert_cmpuint(cm.count, ==, 6);
    g_assert_cmpuint(cm.iterations, ==, 1);
    rn_communities_clear(&cm);
    /* Modularity runs to convergence: the last iteration changed nothing. */
    g_assert_true(rn_communities_compute(net, &o, &cm, &error));
    g_assert_cmpuint(cm.runs_not_converged, ==, 0);
    g_assert_cmpuint(cm.iterations, >=, 2);
    rn_communities_clear(&cm);
    rn_network_free(net);
}

/* A failing igraph call reports igraph's own reason, not an empty one. */
static void test_igraph_error_reason(void)
{
    const guint path[][2] = {{0, 1}, {1, 2}};
    RnNetwork *net = make(3, path, NULL, 2);
    g_autoptr(GError) error = NULL;
    igraph_t graph;
    igraph_vector_t weights;
    g_assert_true(rn_igraph_from_network(net, &graph, &weights, &error));
    igraph_vector_int_t membership; /* one label for three nodes */
    igraph_vector_int_init(&membership, 1);
    igraph_real_t q;
    rn_igraph_begin();
    g_assert_false(rn_igraph_check(igraph_modularity(&graph, &membership, &weights, 1.0,
                                                     IGRAPH_UNDIRECTED, &q),
                                   "modularity", &error));
    g_assert_error(error, RN_ERROR, RN_ERROR_INTERNAL);
    g_assert_true(g_str_has_prefix(error->message, "modularity failed: "));
    g_test_message("%s", error->message);
    g_assert_nonnull(strstr(error->message, "embership"));
    igraph_vector_int_destroy(&membership);
    igraph_vector_destroy(&weights);
    igraph_destroy(&graph);
    rn_network_free(net);
}

/* A node without open two-paths before any pair is listed: the pair array
 * is still empty (its data NULL), which once reached qsort(NULL, 0, ...)
 * (UBSan, issue 14; the sanitizer build runs this test). */
static void test_brokerage_pairs_leading_leaf(void)
{
    const guint path[][2] = {{0, 1}, {1, 2}};
    RnNetwork *net = make(3, path, NULL, 2);
    const guint groups[3] = {0, 1, 0};
    RnGrouping g = {0};
    set_groups(&g, groups, 3, 2);
    RnBrokeragePairs pairs;
    rn_brokerage_pairs_compute(net, &g, &pairs);
    g_assert_cmpuint(pairs.n, ==, 3);
    g_assert_cmpuint(pairs.offset[0], ==, 0);
    g_assert_cmpuint(pairs.offset[1], ==, 0); /* n0: a leaf, no pair */
    g_assert_cmpuint(pairs.offset[2], ==, 1); /* n1: one itinerant pair (g0, g0) */
    g_assert_cmpuint(pairs.offset[3], ==, 1);
    g_assert_cmpuint(pairs.pairs[0].role, ==, RN_BROKER_ITINERANT);
    g_assert_cmpuint(pairs.pairs[0].from, ==, 0);
    g_assert_cmpuint(pairs.pairs[0].to, ==, 0);
    g_assert_cmpfloat(pairs.pairs[0].count, ==, 1);
    rn_brokerage_pairs_clear(&pairs);
    rn_grouping_clear(&g);
    rn_network_free(net);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/bridging/brokerage-roles", test_brokerage_roles);
    g_test_add_func("/bridging/brokerage-pairs-leading-leaf", test_brokerage_pairs_leading_leaf);
    g_test_add_func("/bridging/structural-holes", test_structural_holes);
    g_test_add_func("/bridging/ei-index", test_ei_index);
    g_test_add_func("/bridging/splitmix64", test_splitmix64);
    g_test_add_func("/bridging/cohesion-communities", test_cohesion_and_communities);
    g_test_add_func("/bridging/communities-terminate", test_communities_terminate);
    g_test_add_func("/bridging/igraph-error-reason", test_igraph_error_reason);
    return g_test_run();
}
