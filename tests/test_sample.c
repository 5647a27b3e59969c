/* test_sample.c — sampled betweenness (docs/paths.md): the drawn shortest
 * path is uniform among all shortest paths (exact enumeration of simple
 * paths against draw frequencies, with and without lengths, with ties that
 * float summation splits); the bidirectional search's path counts equal a
 * plain Dijkstra's on real data; the vertex-diameter bound holds; the
 * estimate is within epsilon of the exact pass and identical for any thread
 * count. */
#include <math.h>
#include <string.h>

#include "analyses/analysis.h"
#include "analyses/shortest_path_sample.h"
#include "engine/error.h"
#include "loaders/loaders.h"
#include "network_builder.h"

/* ---- networks ------------------------------------------------------------ */

/* A rows x cols grid, weight w everywhere: C(rows+cols-2, rows-1) corner paths. */
static RnNetwork *grid(guint rows, guint cols, double w)
{
    Builder b = builder(rows * cols);
    for (guint r = 0; r < rows; r++)
        for (guint c = 0; c < cols; c++) {
            if (c + 1 < cols)
                add_edge(&b, r * cols + c, r * cols + c + 1, w);
            if (r + 1 < rows)
                add_edge(&b, r * cols + c, (r + 1) * cols + c, w);
        }
    return builder_network(&b);
}

/* A chain of k diamonds between a and c whose sides have lengths that are
 * equal but sum differently in floating point: 0.1 + 0.2 (weights 10 and 5)
 * against 0.15 + 0.15, with a third side 0.15 + 0.150001 just longer; then
 * 1/3 + 1/3 + 1/3 against 0.5 + 0.5: 2^k shortest paths end to end. */
static RnNetwork *diamonds(guint k)
{
    Builder b = builder(4 * k + 2);
    guint a = 0, next = 1;
    for (guint i = 0; i < k; i++) {
        guint x = next++, y = next++, z = next++, c = next++;
        if (i % 2 == 0) {
            add_edge(&b, a, x, 10.0);
            add_edge(&b, x, c, 5.0);
            add_edge(&b, a, y, 1.0 / 0.15);
            add_edge(&b, y, c, 1.0 / 0.15);
            add_edge(&b, a, z, 1.0 / 0.15);
            add_edge(&b, z, c, 1.0 / 0.150001);
        } else {
            add_edge(&b, a, x, 3.0);
            add_edge(&b, x, z, 3.0);
            add_edge(&b, z, c, 3.0);
            add_edge(&b, a, y, 2.0);
            add_edge(&b, y, c, 2.0);
        }
        a = c;
    }
    add_edge(&b, a, next, 1.0);
    b.n = next + 1;
    return builder_network(&b);
}

/* Random graph on n nodes, weights from {1, 2, 4} (lengths 1, 0.5, 0.25:
 * exact sums, many ties), or all 1. */
static RnNetwork *random_graph(guint n, guint edges, gboolean unit, GRand *rand)
{
    Builder b = builder(n);
    static const double weights[] = {1.0, 2.0, 4.0};
    for (guint i = 0; i < edges; i++)
        add_edge(&b, (guint)g_rand_int_range(rand, 0, (gint32)n),
                 (guint)g_rand_int_range(rand, 0, (gint32)n),
                 unit ? 1.0 : weights[g_rand_int_range(rand, 0, 3)]);
    return builder_network(&b);
}

/* ---- exact enumeration of shortest paths --------------------------------- */

/* Distances and path counts from s, as the exact pass computes them. */
static void plain_dijkstra(const RnPathGraph *g, gboolean weighted, guint s, double *dist,
                           double *sigma)
{
    g_autofree gboolean *settled = g_new0(gboolean, g->n + 1);
    g_autofree RnHeapItem *heap = g_new(RnHeapItem, g->offset[g->n] + 2);
    guint size = 0;
    for (guint v = 0; v < g->n; v++)
        dist[v] = INFINITY;
    dist[s] = 0.0;
    sigma[s] = 1.0;
    rn_heap_push(heap, &size, 0.0, s);
    while (size > 0) {
        RnHeapItem top = rn_heap_pop(heap, &size);
        guint u = top.node;
        if (settled[u] || top.key != dist[u])
            continue;
        settled[u] = TRUE;
        for (guint a = g->offset[u]; a < g->offset[u + 1]; a++) {
            guint v = g->target[a];
            if (settled[v])
                continue;
            double nd = dist[u] + (weighted ? g->length[a] : 1.0);
            int c = isinf(dist[v]) ? -1 : rn_compare_lengths(nd, dist[v]);
            if (c < 0) {
                dist[v] = nd;
                sigma[v] = sigma[u];
                rn_heap_push(heap, &size, nd, v);
            } else if (c == 0) {
                sigma[v] += sigma[u];
            }
        }
    }
}

typedef struct {
    const RnPathGraph *g;
    gboolean weighted;
    guint t;
    const double *to_t; /* distances to t, for pruning only */
    double d;
    guint *stack;
    guint depth;
    gboolean *on_path;
    GHashTable *paths;  /* "a,b,c" of every simple s-t path of length d (tolerance) */
} Enumeration;

static void enumerate(Enumeration *e, guint u, double length)
{
    if (u == e->t) {
        if (rn_compare_lengths(length, e->d) != 0)
            return;
        GString *key = g_string_new(NULL);
        for (guint i = 0; i < e->depth; i++)
            g_string_append_printf(key, i ? ",%u" : "%u", e->stack[i]);
        g_hash_table_add(e->paths, g_string_free(key, FALSE));
        return;
    }
    for (guint a = e->g->offset[u]; a < e->g->offset[u + 1]; a++) {
        guint v = e->g->target[a];
        double next = length + (e->weighted ? e->g->length[a] : 1.0);
        if (e->on_path[v] || next + e->to_t[v] > e->d * (1.0 + 1e-9))
            continue;
        e->on_path[v] = TRUE;
        e->stack[e->depth++] = v;
        enumerate(e, v, next);
        e->depth--;
        e->on_path[v] = FALSE;
    }
}

/* Every simple s-t path whose length equals d(s,t) within the tolerance,
 * as "a,b,c" keys; d(s,t) in *length (INFINITY and an empty set when t is
 * not reachable). */
static GHashTable *shortest_paths(const RnPathGraph *g, gboolean weighted, guint s, guint t,
                                  double *length)
{
    g_autofree double *to_t = g_new(double, g->n + 1);
    g_autofree double *sigma = g_new(double, g->n + 1);
    g_autofree guint *stack = g_new(guint, g->n + 1);
    g_autofree gboolean *on_path = g_new0(gboolean, g->n + 1);
    plain_dijkstra(g, weighted, t, to_t, sigma);
    Enumeration e = {.g = g, .weighted = weighted, .t = t, .to_t = to_t, .d = to_t[s],
                     .stack = stack, .on_path = on_path,
                     .paths = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL)};
    *length = to_t[s];
    if (isinf(e.d))
        return e.paths;
    on_path[s] = TRUE;
    stack[e.depth++] = s;
    enumerate(&e, s, 0.0);
    return e.paths;
}

/* Draws many paths between s and t and checks every shortest path comes up
 * with frequency 1/k within 5 standard deviations, and nothing else does;
 * returns k. */
static guint check_uniform(const RnPathGraph *g, gboolean weighted, guint s, guint t, guint draws,
                           guint64 seed)
{
    double length;
    g_autoptr(GHashTable) expected = shortest_paths(g, weighted, s, t, &length);
    guint k = g_hash_table_size(expected);
    RnSampleGraph sg;
    rn_sample_graph_build(g, weighted, &sg);
    RnPathSampler w;
    rn_path_sampler_init(g, &w);
    g_autofree guint *path = g_new(guint, g->n + 1);
    g_autoptr(GHashTable) seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    guint64 state = seed;
    for (guint i = 0; i < draws; i++) {
        double paths;
        guint len = rn_sample_shortest_path(&sg, s, t, &state, &w, path, &paths);
        g_assert_cmpuint(len, >=, 2);
        g_assert_cmpfloat(paths, ==, (double)k);
        GString *key = g_string_new(NULL);
        for (guint j = 0; j < len; j++)
            g_string_append_printf(key, j ? ",%u" : "%u", path[j]);
        if (!g_hash_table_contains(expected, key->str))
            g_error("%u -> %u: drew %s, not a shortest path", s, t, key->str);
        guint old = GPOINTER_TO_UINT(g_hash_table_lookup(seen, key->str));
        g_hash_table_insert(seen, g_string_free(key, FALSE), GUINT_TO_POINTER(old + 1));
    }
    double p = 1.0 / k, mean = draws * p, sd = sqrt(draws * p * (1.0 - p));
    GHashTableIter it;
    gpointer key;
    g_hash_table_iter_init(&it, expected);
    while (g_hash_table_iter_next(&it, &key, NULL)) {
        double count = GPOINTER_TO_UINT(g_hash_table_lookup(seen, key));
        if (fabs(count - mean) > 5.0 * sd + 1e-9)
            g_error("%u -> %u: path %s drawn %.0f times of %u, expected %.1f +- %.1f", s, t,
                    (const char *)key, count, draws, mean, sd);
    }
    g_assert_cmpuint(w.failures, ==, 0);
    rn_path_sampler_clear(&w);
    rn_sample_graph_clear(&sg);
    return k;
}

static void test_uniform_grid(void)
{
    for (int weighted = 0; weighted < 2; weighted++) {
        g_autoptr(RnNetwork) net = grid(4, 5, 2.0);
        RnPathGraph g;
        rn_path_graph_build(net, weighted ? 1.0 : 0.0, &g);
        /* Corner to corner: C(7,3) = 35 paths; both directions; a middle pair. */
        g_assert_cmpuint(check_uniform(&g, weighted, 0, 19, 20000, 1), ==, 35);
        g_assert_cmpuint(check_uniform(&g, weighted, 19, 0, 20000, 2), ==, 35);
        g_assert_cmpuint(check_uniform(&g, weighted, 4, 15, 20000, 3), ==, 35);
        g_assert_cmpuint(check_uniform(&g, weighted, 6, 13, 10000, 4), ==, 3);
        rn_path_graph_clear(&g);
    }
}

static void test_uniform_float_ties(void)
{
    g_autoptr(RnNetwork) net = diamonds(5);
    RnPathGraph g;
    rn_path_graph_build(net, 1.0, &g);
    guint last = g.n - 1;
    /* 2^5 paths end to end, in both directions; 2^3 from the middle. */
    g_assert_cmpuint(check_uniform(&g, TRUE, 0, last, 40000, 5), ==, 32);
    g_assert_cmpuint(check_uniform(&g, TRUE, last, 0, 40000, 6), ==, 32);
    g_assert_cmpuint(check_uniform(&g, TRUE, 4, last, 20000, 7), ==, 16);
    rn_path_graph_clear(&g);
}

static void test_uniform_random(void)
{
    g_autoptr(GRand) rand = g_rand_new_with_seed(15);
    guint checked = 0, tied = 0;
    for (int round = 0; round < 6; round++) {
        gboolean weighted = round % 2 == 1;
        g_autoptr(RnNetwork) net = random_graph(11, 24, !weighted, rand);
        RnPathGraph g;
        rn_path_graph_build(net, weighted ? 1.0 : 0.0, &g);
        RnSampleGraph sg;
        rn_sample_graph_build(&g, weighted, &sg);
        RnPathSampler w;
        rn_path_sampler_init(&g, &w);
        g_autofree guint *path = g_new(guint, g.n + 1);
        for (guint s = 0; s < g.n; s++)
            for (guint t = 0; t < g.n; t++) {
                if (s == t)
                    continue;
                double length, paths;
                g_autoptr(GHashTable) expected = shortest_paths(&g, weighted, s, t, &length);
                guint64 state = 99;
                guint len = rn_sample_shortest_path(&sg, s, t, &state, &w, path, &paths);
                if (g_hash_table_size(expected) == 0) {
                    g_assert_cmpuint(len, ==, 0); /* different components */
                    g_assert_cmpfloat(paths, ==, 0.0);
                    continue;
                }
                g_assert_cmpfloat(paths, ==, g_hash_table_size(expected));
                if (g_hash_table_size(expected) > 2 && (s + t) % 3 == 0) {
                    check_uniform(&g, weighted, s, t, 6000, 1000 * round + s * g.n + t);
                    tied++;
                }
                checked++;
            }
        rn_path_sampler_clear(&w);
        rn_sample_graph_clear(&sg);
        rn_path_graph_clear(&g);
    }
    g_assert_cmpuint(checked, >, 300);
    g_assert_cmpuint(tied, >, 10);
}

/* ---- against a plain Dijkstra on real data ------------------------------- */

static RnModel *load(const char *path)
{
    g_autoptr(GError) error = NULL;
    RnModel *model = rn_model_new();
    g_autofree char *name = NULL;
    RnLoadOptions options = {0};
    g_assert_true(rn_load_dataset(model, path, &options, &name, &error));
    return model;
}

static RnNetwork *keep_org(const RnModel *model)
{
    g_autoptr(GError) error = NULL;
    RnNetworkSpec spec = {.kind = RN_NETWORK_ORG, .weighting = RN_WEIGHT_PROJECTS};
    RnNetwork *net = rn_network_build(model, &spec, &error);
    g_assert_no_error(error);
    return net;
}

static void test_real_counts(void)
{
    g_autoptr(RnModel) model = load(REGNET_SOURCE_DIR "/data/keep-2014-2020.json");
    g_autoptr(RnNetwork) net = keep_org(model);
    g_autoptr(GRand) rand = g_rand_new_with_seed(7);
    for (int weighted = 0; weighted < 2; weighted++) {
        RnPathGraph g;
        rn_path_graph_build(net, weighted ? 1.0 : 0.0, &g);
        RnSampleGraph sg;
        rn_sample_graph_build(&g, weighted, &sg);
        RnPathSampler w;
        rn_path_sampler_init(&g, &w);
        g_autofree double *dist = g_new(double, g.n + 1);
        g_autofree double *sigma = g_new(double, g.n + 1);
        g_autofree guint *path = g_new(guint, g.n + 1);
        guint connected = 0, tied = 0;
        for (int k = 0; k < 300; k++) {
            guint s = (guint)g_rand_int_range(rand, 0, (gint32)g.n);
            plain_dijkstra(&g, weighted, s, dist, sigma);
            for (int j = 0; j < 20; j++) {
                guint t = (guint)g_rand_int_range(rand, 0, (gint32)g.n);
                if (t == s)
                    continue;
                guint64 state = (guint64)k * 100 + j;
                double paths;
                guint len = rn_sample_shortest_path(&sg, s, t, &state, &w, path, &paths);
                if (isinf(dist[t])) {
                    g_assert_cmpuint(len, ==, 0);
                    continue;
                }
                connected++;
                tied += sigma[t] > 1;
                if (fabs(paths - sigma[t]) > 1e-9 * sigma[t])
                    g_error("%u -> %u: %.17g shortest paths, the plain Dijkstra counts %.17g",
                            s, t, paths, sigma[t]);
                /* The drawn path is a path of length d(s,t). */
                g_assert_cmpuint(path[0], ==, s);
                g_assert_cmpuint(path[len - 1], ==, t);
                double length = 0.0;
                for (guint i = 0; i + 1 < len; i++) {
                    guint a = g.offset[path[i]];
                    while (a < g.offset[path[i] + 1] && g.target[a] != path[i + 1])
                        a++;
                    g_assert_cmpuint(a, <, g.offset[path[i] + 1]);
                    length += weighted ? g.length[a] : 1.0;
                }
                g_assert_cmpint(rn_compare_lengths(length, dist[t]), ==, 0);
            }
        }
        g_assert_cmpuint(connected, >, 1000);
        g_assert_cmpuint(tied, >, 50);
        g_assert_cmpuint(w.failures, ==, 0);
        rn_path_sampler_clear(&w);
        rn_sample_graph_clear(&sg);
        rn_path_graph_clear(&g);
    }
}

/* ---- the estimate ------------------------------------------------------- */

/* The most nodes on a shortest path (over all ordered pairs), by enumeration. */
static guint vertex_diameter(const RnPathGraph *g, gboolean weighted)
{
    guint most = g->n > 0 ? 1 : 0;
    for (guint s = 0; s < g->n; s++)
        for (guint t = 0; t < g->n; t++) {
            if (s == t)
                continue;
            double length;
            g_autoptr(GHashTable) paths = shortest_paths(g, weighted, s, t, &length);
            GHashTableIter it;
            gpointer key;
            g_hash_table_iter_init(&it, paths);
            while (g_hash_table_iter_next(&it, &key, NULL)) {
                guint nodes = 1;
                for (const char *c = key; *c; c++)
                    nodes += *c == ',';
                most = MAX(most, nodes);
            }
        }
    return most;
}

static double max_error(const RnNetwork *net, double alpha, double epsilon, guint threads,
                        guint64 seed, RnBetweennessMethod *method, double **estimate)
{
    guint n = net->nodes->len;
    g_autofree gboolean *scope = g_new(gboolean, n + 1);
    for (guint i = 0; i < n; i++)
        scope[i] = TRUE;
    RnPathResult exact;
    RnPathOptions o = {.alpha = alpha, .threads = 2, .betweenness = TRUE};
    rn_paths_run(net, &o, scope, &exact);
    g_autoptr(GError) error = NULL;
    g_assert_true(rn_betweenness_sample(net, alpha, threads, epsilon, 0.1, seed, NULL, estimate,
                                        method, &error));
    double worst = 0.0;
    for (guint i = 0; i < n; i++)
        worst = MAX(worst, fabs((*estimate)[i] - exact.betweenness[i]));
    g_free(exact.betweenness);
    g_free(exact.harmonic);
    g_free(exact.closeness);
    return worst;
}

static void test_converges(void)
{
    g_autoptr(GRand) rand = g_rand_new_with_seed(3);
    for (int round = 0; round < 4; round++) {
        double alpha = round % 2 ? 1.0 : 0.0;
        g_autoptr(RnNetwork) net = round < 2 ? diamonds(4) : random_graph(40, 90, FALSE, rand);
        RnPathGraph g;
        rn_path_graph_build(net, alpha, &g);
        guint truth = vertex_diameter(&g, alpha != 0.0);
        rn_path_graph_clear(&g);
        double previous = INFINITY;
        for (double eps = 0.1; eps >= 0.009; eps /= 3.0) {
            RnBetweennessMethod m;
            g_autofree double *estimate = NULL;
            double error = max_error(net, alpha, eps, 2, 11, &m, &estimate);
            g_test_message("round %d alpha %g eps %g: %" G_GUINT64_FORMAT " samples of at most %"
                           G_GUINT64_FORMAT ", VD bound %u (true %u), max error %.5f",
                           round, alpha, eps, m.samples, m.max_samples, m.vertex_diameter, truth,
                           error);
            g_assert_cmpfloat(error, <=, eps);
            g_assert_cmpuint(m.vertex_diameter, >=, truth);
            g_assert_cmpuint(m.samples, <=, m.max_samples);
            g_assert_cmpuint(m.samples, >, 0);
            previous = MIN(previous, error);
        }
        g_assert_cmpfloat(previous, <, 0.02);
    }
}

static void test_threads(void)
{
    g_autoptr(RnModel) model = load(REGNET_SOURCE_DIR "/data/keep-2014-2020.json");
    g_autoptr(RnNetwork) net = keep_org(model);
    for (int weighted = 0; weighted < 2; weighted++) {
        RnBetweennessMethod m[3];
        double *estimate[3];
        for (guint k = 0; k < 3; k++) {
            g_autoptr(GError) error = NULL;
            g_assert_true(rn_betweenness_sample(net, weighted, k + 1, 0.02, 0.1, 42, NULL,
                                                &estimate[k], &m[k], &error));
        }
        for (guint k = 1; k < 3; k++) {
            g_assert_cmpuint(m[k].samples, ==, m[0].samples);
            g_assert_cmpuint(m[k].preliminary_samples, ==, m[0].preliminary_samples);
            g_assert_cmpmem(estimate[k], net->nodes->len * sizeof(double), estimate[0],
                            net->nodes->len * sizeof(double));
        }
        g_assert_cmpuint(m[0].samples, <, m[0].max_samples); /* the rule stopped early */
        /* Another seed, another sample. */
        RnBetweennessMethod other;
        double *again;
        g_assert_true(rn_betweenness_sample(net, weighted, 2, 0.02, 0.1, 43, NULL, &again, &other,
                                            NULL));
        g_assert_true(memcmp(again, estimate[0], net->nodes->len * sizeof(double)) != 0);
        g_free(again);
        for (guint k = 0; k < 3; k++)
            g_free(estimate[k]);
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/sample/uniform-grid", test_uniform_grid);
    g_test_add_func("/sample/uniform-float-ties", test_uniform_float_ties);
    g_test_add_func("/sample/uniform-random", test_uniform_random);
    g_test_add_func("/sample/real-counts", test_real_counts);
    g_test_add_func("/sample/converges", test_converges);
    g_test_add_func("/sample/threads", test_threads);
    return g_test_run();
}
