/* test_stats.c — the period-comparison statistics on cases with exact
 * answers: quantiles, the t-distribution p-value, ARI and NMI (values from
 * scikit-learn and scipy), projects recovered from a network and rebuilt,
 * bootstrap and permutation machinery, the null model, QAP, brokerage per
 * group pair and the sector rules. */
#include <math.h>
#include <string.h>

#include "analyses/bridging.h"
#include "analyses/compare.h"
#include "engine/error.h"
#include "engine/sector_rules.h"
#include "loaders/loaders.h"

#define EPS 1e-12

static void test_quantile(void)
{
    const double v[] = {4, NAN, 1, 3, 2};
    g_assert_cmpfloat_with_epsilon(rn_quantile(v, 5, 0.25), 1.75, EPS); /* type 7 */
    g_assert_cmpfloat_with_epsilon(rn_quantile(v, 5, 0.0), 1.0, EPS);
    g_assert_cmpfloat_with_epsilon(rn_quantile(v, 5, 1.0), 4.0, EPS);
    g_assert_cmpfloat_with_epsilon(rn_quantile(v, 5, 0.5), 2.5, EPS);
    const double none[] = {NAN};
    g_assert_true(isnan(rn_quantile(none, 1, 0.5)));
    double mean, sd;
    rn_mean_sd(v, 5, &mean, &sd);
    g_assert_cmpfloat_with_epsilon(mean, 2.5, EPS);
    g_assert_cmpfloat_with_epsilon(sd, sqrt(5.0 / 3.0), EPS);
}

static void test_p_values(void)
{
    /* I_0.5(2, 3) = P(Binomial(4, 1/2) >= 2) = 11/16. */
    g_assert_cmpfloat_with_epsilon(rn_incomplete_beta(2, 3, 0.5), 11.0 / 16, EPS);
    /* scipy: 2 * t.sf(0.5 * sqrt(8 / 0.75), 8). */
    g_assert_cmpfloat_with_epsilon(rn_correlation_p_value(0.5, 10), 0.14111328125000003, 1e-13);
    g_assert_cmpfloat_with_epsilon(rn_correlation_p_value(-0.5, 10), 0.14111328125000003, 1e-13);
    g_assert_cmpfloat(rn_correlation_p_value(1.0, 10), ==, 0.0);
    g_assert_cmpfloat_with_epsilon(rn_correlation_p_value(0.0, 10), 1.0, EPS);
    g_assert_true(isnan(rn_correlation_p_value(0.3, 2)));
    g_assert_true(isnan(rn_correlation_p_value(NAN, 20)));
}

static void test_partition_agreement(void)
{
    /* scikit-learn 1.2: adjusted_rand_score, normalized_mutual_info_score. */
    const guint a[] = {0, 0, 1, 1}, b[] = {0, 0, 1, 2};
    g_assert_cmpfloat_with_epsilon(rn_adjusted_rand_index(a, b, 4), 0.5714285714285714, EPS);
    g_assert_cmpfloat_with_epsilon(rn_normalized_mutual_information(a, b, 4), 0.7999999999999999, EPS);
    const guint one[] = {0, 0, 0}, each[] = {0, 1, 2}, other[] = {5, 5, 5};
    g_assert_cmpfloat(rn_adjusted_rand_index(one, each, 3), ==, 0.0);
    g_assert_cmpfloat(rn_normalized_mutual_information(one, each, 3), ==, 0.0);
    g_assert_cmpfloat(rn_adjusted_rand_index(one, other, 3), ==, 1.0);
    g_assert_cmpfloat(rn_normalized_mutual_information(one, other, 3), ==, 1.0);
    /* Relabelling changes nothing. */
    const guint c[] = {7, 7, 3, 3};
    g_assert_cmpfloat_with_epsilon(rn_adjusted_rand_index(a, c, 4), 1.0, EPS);
    g_assert_cmpfloat_with_epsilon(rn_normalized_mutual_information(a, c, 4), 1.0, EPS);
}

/* Three periods of a hand-made model (regions DE111, DE112, FR101, ITC11,
 * AT130): 2000-2006 one project of A and B; 2007-2013 one of A, B, C;
 * 2014-2020 P1 {A, B, C}, P2 {A, D}, P3 {E} alone, P4 {B, C}. */
static RnModel *periods_model(void)
{
    RnModel *m = rn_model_new();
    g_autoptr(GError) error = NULL;
    g_autofree char *nuts = g_build_filename(REGNET_SOURCE_DIR, "data", "nuts",
                                             "nuts2013_all_levels_ropensci.csv", NULL);
    g_assert_true(rn_load_nuts(m, nuts, nuts, "2013", &error));
    rn_model_add_provenance(m, "test", "test");
    const char *regions[] = {"DE111", "DE112", "FR101", "ITC11", "AT130"};
    const char *projects[][3] = {{"2000 - 2006 Old", "Q1", "AB"},
                                 {"2007 - 2013 Mid", "R1", "ABC"},
                                 {"2014 - 2020 New", "P1", "ABC"},
                                 {"2014 - 2020 New", "P2", "AD"},
                                 {"2014 - 2020 New", "P3", "E"},
                                 {"2014 - 2020 New", "P4", "BC"}};
    gboolean merged, existed;
    for (guint p = 0; p < G_N_ELEMENTS(projects); p++) {
        guint project = rn_model_intern_project(m, projects[p][0], projects[p][1], &existed);
        for (const char *o = projects[p][2]; *o; o++) {
            char name[8] = {'O', 'r', 'g', ' ', *o, 0};
            guint org = rn_model_intern_org(m, name, "XX", &merged);
            rn_model_add_participation(m, org, project, RN_ROLE_PARTNER, regions[*o - 'A'],
                                       NULL, "XX");
        }
    }
    return m;
}

static void test_projects_roundtrip(void)
{
    g_autoptr(RnModel) m = periods_model();
    g_autoptr(GError) error = NULL;
    RnNetworkSpec spec = {.kind = RN_NETWORK_REGION, .level = 3, .period = "2014-2020"};
    for (int w = 0; w < 2; w++) {
        spec.weighting = w ? RN_WEIGHT_NEWMAN : RN_WEIGHT_PROJECTS;
        g_autoptr(RnNetwork) net = rn_network_build(m, &spec, &error);
        g_assert_no_error(error);
        guint n = net->nodes->len;
        g_autofree guint *space = g_new(guint, n);
        for (guint i = 0; i < n; i++)
            space[i] = i;
        RnProjectSet set;
        rn_project_set_from_network(net, space, n, &set);
        g_assert_cmpuint(set.n_projects, ==, 4); /* P3 is E's alone */
        g_autofree guint *count = g_new(guint, set.n_projects);
        for (guint q = 0; q < set.n_projects; q++)
            count[q] = 1;
        g_autofree guint *space_of = NULL;
        g_autoptr(RnNetwork) again = rn_network_from_projects(&set, count, spec.weighting, &space_of);
        g_assert_cmpuint(again->nodes->len, ==, n);
        g_assert_cmpuint(again->edges->len, ==, net->edges->len);
        for (guint e = 0; e < net->edges->len; e++) {
            const RnEdge *x = &g_array_index(net->edges, RnEdge, e);
            const RnEdge *y = &g_array_index(again->edges, RnEdge, e);
            g_assert_cmpuint(x->source, ==, y->source);
            g_assert_cmpuint(x->target, ==, y->target);
            g_assert_cmpfloat_with_epsilon(x->weight, y->weight, EPS);
        }
        /* Two copies of P1 only: A, B, C tied with weight 2; D and E absent. */
        memset(count, 0, sizeof(guint) * set.n_projects);
        count[0] = 2;
        g_autofree guint *space2 = NULL;
        g_autoptr(RnNetwork) p1 = rn_network_from_projects(&set, count, RN_WEIGHT_PROJECTS, &space2);
        g_assert_cmpuint(p1->nodes->len, ==, 3);
        g_assert_cmpuint(p1->edges->len, ==, 3);
        g_assert_cmpfloat(g_array_index(p1->edges, RnEdge, 0).weight, ==, 2.0);
        rn_project_set_clear(&set);
    }
}

static RnCompareRequest request_of(const char *const *periods)
{
    return (RnCompareRequest){.spec = {.kind = RN_NETWORK_REGION, .level = 3},
                              .options = {.alpha = 1, .threads = 1}, .periods = periods,
                              .n_periods = 2, .seed = 7, .top = 3, .rank_centrality = -1};
}

static void test_permutation_exact(void)
{
    /* 2000-2006 {A, B} against 2007-2013 {A, B, C}: two splits, each period
     * one project.  Mean degree 1 -> 2 (+1); swapped, -1.  So p_greater = 1/2
     * (only the observed split reaches +1), p_less = 1, p_value = 1.
     * Density 1 -> 1: every split ties, all p-values 1. */
    g_autoptr(RnModel) m = periods_model();
    const char *periods[] = {"2000-2006", "2007-2013"};
    RnCompareRequest q = request_of(periods);
    q.permutations = 50;
    q.resample_paths = TRUE;
    RnCompareResult r;
    g_autoptr(GError) error = NULL;
    g_assert_true(rn_compare_run(m, &q, &r, &error));
    const RnComparison *c = &r.comparisons[0];
    g_assert_true(c->permutation_exact);
    const RnPermutationValue *md = &c->permutation[RN_STAT_MEAN_DEGREE];
    g_assert_cmpfloat_with_epsilon(md->difference, 1.0, EPS);
    g_assert_cmpuint(md->valid, ==, 2);
    g_assert_cmpfloat_with_epsilon(md->p_greater, 0.5, EPS);
    g_assert_cmpfloat_with_epsilon(md->p_less, 1.0, EPS);
    g_assert_cmpfloat_with_epsilon(md->p_value, 1.0, EPS);
    const RnPermutationValue *d = &c->permutation[RN_STAT_DENSITY];
    g_assert_cmpfloat_with_epsilon(d->difference, 0.0, EPS);
    g_assert_cmpfloat_with_epsilon(d->p_greater, 1.0, EPS);
    g_assert_cmpfloat_with_epsilon(d->p_less, 1.0, EPS);
    rn_compare_result_clear(&r);
}

static void test_bootstrap(void)
{
    /* 2007-2013 has one project: every replicate draws it, so every interval
     * is the estimate itself and the standard error 0. */
    g_autoptr(RnModel) m = periods_model();
    const char *periods[] = {"2007-2013", "2014-2020"};
    RnCompareRequest q = request_of(periods);
    q.bootstrap = 200;
    q.rank_centrality = 1; /* strength */
    RnCompareResult r;
    g_autoptr(GError) error = NULL;
    g_assert_true(rn_compare_run(m, &q, &r, &error));
    const RnPeriodResult *one = &r.periods[0];
    for (guint s = 0; s < RN_STATS; s++) {
        const RnBootstrapValue *v = &one->bootstrap[s];
        if (rn_statistic_needs_paths(s)) {
            g_assert_cmpuint(v->valid, ==, 0); /* not resampled without resample_paths */
            continue;
        }
        if (isnan(v->estimate))
            continue;
        g_assert_cmpfloat_with_epsilon(v->ci_low, v->estimate, EPS);
        g_assert_cmpfloat_with_epsilon(v->ci_high, v->estimate, EPS);
        g_assert_cmpfloat_with_epsilon(v->se, 0.0, EPS);
    }
    /* 2014-2020: four projects; density lies between its extremes, and a
     * node's rank interval holds ranks 1..5 only. */
    const RnPeriodResult *four = &r.periods[1];
    const RnBootstrapValue *d = &four->bootstrap[RN_STAT_DENSITY];
    g_assert_cmpuint(d->valid, ==, 200);
    g_assert_cmpfloat(d->ci_low, >=, 0.0);
    g_assert_cmpfloat(d->ci_high, <=, 1.0);
    g_assert_cmpfloat(d->ci_low, <=, d->ci_high);
    for (guint i = 0; i < four->network->nodes->len; i++) {
        g_assert_cmpfloat(four->rank_low[i], >=, 1.0);
        g_assert_cmpfloat(four->rank_high[i], <=, 5.0);
        g_assert_cmpfloat(four->rank_low[i], <=, four->rank_high[i]);
    }
    /* Same seed, same numbers. */
    RnCompareResult again;
    g_assert_true(rn_compare_run(m, &q, &again, &error));
    g_assert_cmpmem(four->bootstrap, sizeof four->bootstrap, again.periods[1].bootstrap,
                    sizeof again.periods[1].bootstrap);
    rn_compare_result_clear(&again);
    rn_compare_result_clear(&r);
}

/* A ring of n nodes with chords i - i+3, weights 1 + i. */
static RnNetwork *ring(guint n)
{
    RnNetwork *net = rn_network_new(RN_NETWORK_REGION);
    g_array_set_size(net->nodes, n);
    for (guint i = 0; i < n; i++) {
        guint js[2] = {(i + 1) % n, (i + 3) % n};
        for (guint k = 0; k < 2; k++) {
            RnEdge e = {.source = MIN(i, js[k]), .target = MAX(i, js[k]), .weight = 1.0 + i};
            g_array_append_val(net->edges, e);
        }
    }
    return net;
}

static void test_null_model(void)
{
    g_autoptr(RnNetwork) net = ring(20);
    guint64 state = 99;
    g_autoptr(RnNetwork) null = rn_null_network(net, &state);
    g_assert_cmpuint(null->edges->len, ==, net->edges->len);
    guint n = 20;
    guint deg0[20] = {0}, deg1[20] = {0};
    double w0 = 0, w1 = 0;
    g_autoptr(GHashTable) seen = g_hash_table_new(g_direct_hash, g_direct_equal);
    gboolean changed = FALSE;
    for (guint e = 0; e < net->edges->len; e++) {
        const RnEdge *a = &g_array_index(net->edges, RnEdge, e);
        const RnEdge *b = &g_array_index(null->edges, RnEdge, e);
        deg0[a->source]++, deg0[a->target]++, w0 += a->weight;
        deg1[b->source]++, deg1[b->target]++, w1 += b->weight;
        g_assert_cmpuint(b->source, <, b->target); /* no self-tie */
        guint key = b->source * n + b->target + 1;
        g_assert_false(g_hash_table_contains(seen, GUINT_TO_POINTER(key))); /* simple */
        g_hash_table_add(seen, GUINT_TO_POINTER(key));
        changed |= a->source != b->source || a->target != b->target;
    }
    for (guint i = 0; i < n; i++)
        g_assert_cmpuint(deg0[i], ==, deg1[i]);
    g_assert_cmpfloat_with_epsilon(w0, w1, EPS); /* weights travel with the ties */
    g_assert_true(changed);
}

/* Nodes a..d with the given weighted ties. */
static RnNetwork *small(const char *ties)
{
    RnNetwork *net = rn_network_new(RN_NETWORK_REGION);
    for (char c = 'a'; c <= 'd'; c++) {
        RnNode node = {.id = g_strndup(&c, 1)};
        g_array_append_val(net->nodes, node);
    }
    for (const char *t = ties; *t; t += 3) {
        RnEdge e = {.source = (guint)(t[0] - 'a'), .target = (guint)(t[1] - 'a'), .weight = t[2] - '0'};
        g_array_append_val(net->edges, e);
    }
    return net;
}

static void test_qap(void)
{
    /* Upper triangles (ab ac ad bc bd cd): x = 1 0 0 0 0 2, y = 2 1 0 0 0 1;
     * numpy.corrcoef gives 0.5855400437691197. */
    g_autoptr(RnNetwork) a = small("ab1cd2");
    g_autoptr(RnNetwork) b = small("ab2ac1cd1");
    RnQap q;
    rn_qap_correlation(a, b, 200, 3, 0, &q);
    g_assert_cmpuint(q.nodes, ==, 4);
    g_assert_cmpfloat_with_epsilon(q.correlation, 0.5855400437691197, EPS);
    g_assert_cmpfloat(q.p_greater, >, 0.0);
    g_assert_cmpfloat(q.p_greater, <=, 1.0);
    /* A network with itself: r = 1, and no relabelling does better. */
    rn_qap_correlation(a, a, 100, 3, 0, &q);
    g_assert_cmpfloat_with_epsilon(q.correlation, 1.0, EPS);
    g_assert_cmpfloat(q.p_less, ==, 1.0);
}

static void test_brokerage_pairs(void)
{
    /* Star around 0 with leaves 1..4; groups: 0 -> X, 1 -> X, 2 -> Y, 3 -> Y, 4 -> Z.
     * Open two-paths through 0: all 6 leaf pairs.  {1,2},{1,3}: gatekeeper X->Y (2);
     * {1,4}: gatekeeper X->Z; {2,3}: itinerant Y->Y; {2,4},{3,4}: liaison Y->Z (2). */
    RnNetwork *net = rn_network_new(RN_NETWORK_REGION);
    g_array_set_size(net->nodes, 5);
    for (guint k = 1; k <= 4; k++) {
        RnEdge e = {.source = 0, .target = k, .weight = 1};
        g_array_append_val(net->edges, e);
    }
    guint of_node[] = {0, 0, 1, 1, 2}, size[] = {2, 2, 1};
    char *labels[] = {"X", "Y", "Z"};
    RnGrouping g = {.n_groups = 3, .labels = labels, .of_node = of_node, .size = size};
    RnBrokeragePairs bp;
    rn_brokerage_pairs_compute(net, &g, &bp);
    g_assert_cmpuint(bp.offset[1] - bp.offset[0], ==, 4);
    const RnBrokeragePair want[] = {{0, 1, RN_BROKER_GATEKEEPER_REPRESENTATIVE, 2},
                                    {0, 2, RN_BROKER_GATEKEEPER_REPRESENTATIVE, 1},
                                    {1, 1, RN_BROKER_ITINERANT, 1},
                                    {1, 2, RN_BROKER_LIAISON, 2}};
    for (guint k = 0; k < 4; k++) {
        g_assert_cmpuint(bp.pairs[k].from, ==, want[k].from);
        g_assert_cmpuint(bp.pairs[k].to, ==, want[k].to);
        g_assert_cmpint(bp.pairs[k].role, ==, want[k].role);
        g_assert_cmpfloat(bp.pairs[k].count, ==, want[k].count);
    }
    for (guint v = 1; v <= 4; v++)
        g_assert_cmpuint(bp.offset[v + 1], ==, bp.offset[v]); /* leaves broker nothing */
    RnBrokerage b;
    rn_brokerage_compute(net, &g, &b);
    g_assert_cmpfloat(b.observed[0].gatekeeper_representative, ==, 3);
    g_assert_cmpfloat(b.observed[0].liaison, ==, 2);
    rn_brokerage_clear(&b);
    rn_brokerage_pairs_clear(&bp);
    /* Tie ends: X-X 1 (0-1), X-Y 2, X-Z 1: table X row 2 2 1, E = D_g D_h / 2m. */
    RnGroupMixing mix;
    rn_group_mixing_compute(net, &g, &mix);
    g_assert_cmpfloat(mix.tie_ends[0], ==, 2); /* one tie inside X: two ends */
    g_assert_cmpfloat(mix.tie_ends[1], ==, 2);
    g_assert_cmpfloat(mix.tie_ends[2], ==, 1);
    g_assert_cmpfloat_with_epsilon(mix.expected[0], 5.0 * 5.0 / 8, EPS);
    g_assert_cmpfloat_with_epsilon(mix.pearson[0], (2 - 25.0 / 8) / sqrt(25.0 / 8), EPS);
    rn_group_mixing_clear(&mix);
    rn_network_free(net);
}

static void test_sector_rules(void)
{
    const RnSectorRules *rules = rn_sector_rules_default();
    g_assert_cmpuint(rn_sector_rules_count(rules), >, 300);
    const char *cases[][3] = {
        {"Universität Wien", NULL, "HES"},
        {"UNIVERSIDAD DE VIGO", NULL, "HES"},
        {"Fachhochschule Salzburg GmbH", NULL, "HES"},
        {"Politecnico di Milano", NULL, "HES"},
        {"FRAUNHOFER GESELLSCHAFT ZUR FOERDERUNG DER ANGEWANDTEN FORSCHUNG E.V.", NULL, "REC"},
        {"Forschungszentrum Jülich GmbH", NULL, "REC"},
        {"LAM RESEARCH SRL", NULL, "PRC"},
        {"Stadtwerke München GmbH", NULL, "PRC"},
        {"Finlombarda S.p.A.", NULL, "PRC"},
        {"Nordic Semiconductor ASA", NULL, "PRC"},
        {"Gemeente Helmond", NULL, "PUB"},
        {"Chambre de commerce et d’industrie de Bastia", NULL, "PUB"},
        {"Sunne kommun", NULL, "PUB"},
        {"Stiftung Naturschutz", NULL, "OTH"},
        {"Nordregio", "public", "PUB"},
        {"Nordregio", "private", NULL},
        {"Nordregio", NULL, NULL},
    };
    for (guint k = 0; k < G_N_ELEMENTS(cases); k++) {
        const char *rule = NULL;
        const char *got = rn_sector_rules_classify(rules, cases[k][0], cases[k][1], &rule);
        g_assert_cmpstr(got, ==, cases[k][2]);
        g_assert_true((got == NULL) == (rule == NULL));
    }
    g_autofree char *n = rn_sector_rules_normalise("Ørsted A/S, S.p.A. e.V.");
    g_assert_cmpstr(n, ==, " orsted as spa ev ");
    g_autoptr(GError) error = NULL;
    g_autoptr(RnSectorRules) bad = rn_sector_rules_parse("# x\nXYZ\tfoo\n", "t.tsv", &error);
    g_assert_null(bad);
    g_assert_error(error, RN_ERROR, RN_ERROR_DATA);
    g_assert_cmpstr(error->message, ==,
                    "t.tsv:2:1: class 'XYZ' is not an activity type; expected HES, REC, PRC, PUB or OTH");
    g_clear_error(&error);
    g_autoptr(RnSectorRules) star = rn_sector_rules_parse("HES\tuni*ty\n", "t.tsv", &error);
    g_assert_null(star);
    g_assert_cmpstr(error->message, ==,
                    "t.tsv:1:5: pattern 'uni*ty' is empty or has '*' inside; expected a word, a "
                    "phrase, word*, *word or *text*");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/stats/quantile", test_quantile);
    g_test_add_func("/stats/p-values", test_p_values);
    g_test_add_func("/stats/partition-agreement", test_partition_agreement);
    g_test_add_func("/stats/projects-roundtrip", test_projects_roundtrip);
    g_test_add_func("/stats/permutation-exact", test_permutation_exact);
    g_test_add_func("/stats/bootstrap", test_bootstrap);
    g_test_add_func("/stats/null-model", test_null_model);
    g_test_add_func("/stats/qap", test_qap);
    g_test_add_func("/stats/brokerage-pairs", test_brokerage_pairs);
    g_test_add_func("/stats/sector-rules", test_sector_rules);
    return g_test_run();
}
