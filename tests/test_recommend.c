/*
 * test_recommend.c — the recommender's scores, ranking measures and
 * membership on hand-computed cases, and on the bundled keep.eu data the
 * agreement of membership and graph with the network build.
 */
#include <math.h>

#include "analyses/recommend.h"
#include "loaders/loaders.h"

/* 0-1 (2), 0-2, 1-2, 1-3 (3), 2-3, 3-4: weights in brackets, else 1. */
static RnNetwork *small_network(void)
{
    RnNetwork *net = rn_network_new(RN_NETWORK_REGION);
    const char *ids[] = {"A", "B", "C", "D", "E"};
    for (guint i = 0; i < 5; i++) {
        RnNode node = {.id = g_strdup(ids[i]), .label = g_strdup(ids[i]), .country = g_strdup(""),
                       .sector = g_strdup(""), .region = g_strdup("")};
        g_array_append_val(net->nodes, node);
    }
    const guint edges[][3] = {{0, 1, 2}, {0, 2, 1}, {1, 2, 1}, {1, 3, 3}, {2, 3, 1}, {3, 4, 1}};
    for (guint k = 0; k < G_N_ELEMENTS(edges); k++) {
        RnEdge e = {.source = edges[k][0], .target = edges[k][1], .weight = edges[k][2],
                    .projects = edges[k][2]};
        g_array_append_val(net->edges, e);
    }
    return net;
}

static void test_scores_by_hand(void)
{
    g_autoptr(RnNetwork) net = small_network();
    RnLinkGraph g;
    rn_link_graph_from_network(net, &g);
    double s[RN_NEIGHBOURHOOD_SCORES];
    rn_link_scores_pair(&g, 0, 3, s);
    /* Common neighbours of A and D: B (degree 3, strength 6), C (3, 3). */
    g_assert_cmpfloat(s[RN_SCORE_COMMON_NEIGHBOURS], ==, 2);
    g_assert_cmpfloat_with_epsilon(s[RN_SCORE_ADAMIC_ADAR], 2 / log(3), 1e-15);
    g_assert_cmpfloat_with_epsilon(s[RN_SCORE_RESOURCE_ALLOCATION], 2.0 / 3, 1e-15);
    g_assert_cmpfloat_with_epsilon(s[RN_SCORE_JACCARD], 2.0 / 3, 1e-15); /* {B,C} / {B,C,E} */
    g_assert_cmpfloat(s[RN_SCORE_PREFERENTIAL_ATTACHMENT], ==, 6);
    g_assert_cmpfloat(s[RN_SCORE_COMMON_NEIGHBOURS_WEIGHTED], ==, 7); /* (2 + 3) + (1 + 1) */
    g_assert_cmpfloat_with_epsilon(s[RN_SCORE_ADAMIC_ADAR_WEIGHTED], 5 / log(7) + 2 / log(4), 1e-14);
    g_assert_cmpfloat_with_epsilon(s[RN_SCORE_RESOURCE_ALLOCATION_WEIGHTED], 5.0 / 6 + 2.0 / 3, 1e-15);
    g_assert_cmpfloat_with_epsilon(s[RN_SCORE_JACCARD_WEIGHTED], 3.0 / 5, 1e-15); /* min 2+1; max 3+5-3 */
    g_assert_cmpfloat(s[RN_SCORE_PREFERENTIAL_ATTACHMENT_WEIGHTED], ==, 15);
    /* A tie enlarges the Jaccard union (NetworkX): A-B share C; N(A) | N(B) = {A,B,C,D}. */
    rn_link_scores_pair(&g, 0, 1, s);
    g_assert_cmpfloat_with_epsilon(s[RN_SCORE_JACCARD], 1.0 / 4, 1e-15);
    /* The all-candidates pass gives the same bits as the pair pass. */
    double *all[RN_NEIGHBOURHOOD_SCORES];
    g_autofree double *block = g_new(double, RN_NEIGHBOURHOOD_SCORES * 5);
    for (guint k = 0; k < RN_NEIGHBOURHOOD_SCORES; k++)
        all[k] = block + k * 5;
    for (guint u = 0; u < 5; u++) {
        rn_link_scores_all(&g, u, all);
        for (guint v = 0; v < 5; v++) {
            if (v == u)
                continue;
            rn_link_scores_pair(&g, u, v, s);
            for (guint k = 0; k < RN_NEIGHBOURHOOD_SCORES; k++)
                g_assert_cmpfloat(all[k][v], ==, s[k]);
        }
    }
    /* E and A: no common neighbour, nothing but preferential attachment. */
    rn_link_scores_pair(&g, 4, 0, s);
    g_assert_cmpfloat(s[RN_SCORE_ADAMIC_ADAR], ==, 0);
    g_assert_cmpfloat(s[RN_SCORE_PREFERENTIAL_ATTACHMENT], ==, 2);
    rn_link_graph_clear(&g);
}

static void test_auc_and_hits(void)
{
    const double s1[] = {0.1, 0.4, 0.35, 0.8};
    const gboolean l1[] = {FALSE, FALSE, TRUE, TRUE};
    g_assert_cmpfloat_with_epsilon(rn_auc(s1, l1, 4), 0.75, 1e-15);
    const double s2[] = {1, 1, 0, 0};
    const gboolean l2[] = {TRUE, FALSE, TRUE, FALSE};
    g_assert_cmpfloat_with_epsilon(rn_auc(s2, l2, 4), 0.5, 1e-15); /* ties count one half */
    g_assert_true(isnan(rn_auc(s2, l1 + 2, 2)));                   /* one class only */
    const double s3[] = {3, 2, 2, 2, 1};
    const gboolean l3[] = {FALSE, TRUE, FALSE, FALSE, TRUE};
    /* First place: no hit; second: one of three tied, one a hit. */
    g_assert_cmpfloat_with_epsilon(rn_expected_hits(s3, l3, 5, 2), 1.0 / 3, 1e-15);
    g_assert_cmpfloat_with_epsilon(rn_expected_hits(s3, l3, 5, 4), 1, 1e-15);
    g_assert_cmpfloat(rn_expected_hits(s3, l3, 5, 9), ==, 2);
}

static void test_sample_nonties(void)
{
    g_autoptr(GHashTable) excluded = g_hash_table_new(g_int64_hash, g_int64_equal);
    guint64 tie = (guint64)0 << 32 | 1;
    g_hash_table_add(excluded, &tie);
    guint64 state = 7;
    g_autoptr(GArray) all = rn_sample_nonties(4, excluded, 100, &state);
    g_assert_cmpuint(all->len, ==, 5); /* 6 pairs less the tie */
    state = 7;
    g_autoptr(GArray) some = rn_sample_nonties(4, excluded, 3, &state);
    g_assert_cmpuint(some->len, ==, 3);
    for (guint i = 0; i < some->len; i++)
        g_assert_cmpuint(g_array_index(some, guint64, i), !=, tie);
}

/* Membership, its graph and profiles agree with the network build. */
static void test_membership_matches_network(void)
{
    g_autofree char *path = g_build_filename(REGNET_SOURCE_DIR, "data", "keep-2014-2020.json", NULL);
    g_autoptr(RnModel) model = rn_model_new();
    g_autoptr(GError) error = NULL;
    RnLoadOptions options = {0};
    g_autofree char *name = NULL;
    g_assert_true(rn_load_dataset(model, path, &options, &name, &error));
    RnNetworkKind kinds[] = {RN_NETWORK_ORG, RN_NETWORK_REGION, RN_NETWORK_COUNTRY};
    for (guint k = 0; k < G_N_ELEMENTS(kinds); k++) {
        RnNetworkSpec spec = {.kind = kinds[k], .level = 2};
        g_autoptr(RnNetwork) net = rn_network_build(model, &spec, &error);
        g_assert_no_error(error);
        RnMembership m;
        rn_membership_build(model, &spec, net, &m);
        for (guint i = 0; i < net->nodes->len; i++)
            g_assert_cmpuint(m.node_offset[i + 1] - m.node_offset[i], ==,
                             g_array_index(net->nodes, RnNode, i).projects);
        RnLinkGraph a, b;
        rn_link_graph_from_network(net, &a);
        rn_link_graph_from_membership(&m, NULL, &b);
        g_assert_cmpuint(a.offset[a.n], ==, b.offset[b.n]);
        for (guint x = 0; x < a.offset[a.n]; x++) {
            g_assert_cmpuint(a.target[x], ==, b.target[x]);
            g_assert_cmpfloat(a.weight[x], ==, b.weight[x]);
        }
        RnNodeProfiles p;
        rn_node_profiles_build(model, net, &m, NULL, &p);
        g_assert_cmpuint(p.n_themes, >, 0);
        g_assert_cmpfloat(p.activity[0], <=, 1);
        rn_node_profiles_clear(&p);
        rn_link_graph_clear(&a);
        rn_link_graph_clear(&b);
        rn_membership_clear(&m);
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/recommend/scores-by-hand", test_scores_by_hand);
    g_test_add_func("/recommend/auc-and-hits", test_auc_and_hits);
    g_test_add_func("/recommend/sample-nonties", test_sample_nonties);
    g_test_add_func("/recommend/membership-matches-network", test_membership_matches_network);
    return g_test_run();
}
