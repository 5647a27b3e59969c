/*
 * betweenness_sample.c — betweenness estimated from a sample of shortest
 * paths with a stated error (Riondato and Kornaropoulos 2016, "Fast
 * approximation of betweenness centrality through sampling", Data Mining and
 * Knowledge Discovery 30(2)); see analysis.h and docs/paths.md.
 *
 * The vertex diameter VD (most nodes on any shortest path) is bounded per
 * connected component by min(component size, floor(2 ecc(v) / l_min) + 1):
 * any shortest path of the component is at most twice the eccentricity of
 * one of its nodes v long, and has at most length / l_min arcs, l_min the
 * shortest arc (with alpha = 0, 2 ecc(v) + 1 as in the paper).
 *
 * Pair k (0 <= k < r) is drawn with a SplitMix64 generator seeded with
 * (seed, k); pairs are cut into a fixed number of blocks whose integer
 * counts are summed in block order, so the result does not depend on the
 * thread count.
 */
#include <math.h>
#include <string.h>

#include "analyses/path_graph.h"
#include "engine/error.h"

#define N_BLOCKS 64

static inline guint64 splitmix64(guint64 *state)
{
    guint64 z = (*state += G_GUINT64_CONSTANT(0x9E3779B97F4A7C15));
    z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

/* Uniform in [0, bound) without modulo bias. */
static guint64 uniform(guint64 *state, guint64 bound)
{
    guint64 limit = G_MAXUINT64 - G_MAXUINT64 % bound;
    guint64 x;
    do
        x = splitmix64(state);
    while (x >= limit);
    return x % bound;
}

/* Uniform in [0, 1). */
static double uniform01(guint64 *state)
{
    return (double)(splitmix64(state) >> 11) * (1.0 / 9007199254740992.0);
}

typedef struct {
    double *dist;
    double *sigma;
    guint *touched;   /* nodes whose dist is set */
    guint n_touched;
    RnHeapItem *heap;
    gboolean *settled;
    guint *pred;      /* as in paths.c: pred[offset[v] ..] */
    guint *n_pred;
} Scratch;

static void scratch_init(const RnPathGraph *g, Scratch *w)
{
    guint n = g->n;
    gsize m2 = g->offset[n];
    *w = (Scratch){
        .dist = g_new(double, n + 1),
        .sigma = g_new0(double, n + 1),
        .touched = g_new(guint, n + 1),
        .heap = g_new(RnHeapItem, m2 + n + 1),
        .settled = g_new0(gboolean, n + 1),
        .pred = g_new(guint, m2 + 1),
        .n_pred = g_new0(guint, n + 1),
    };
    for (guint v = 0; v < n; v++)
        w->dist[v] = INFINITY;
}

static void scratch_clear(Scratch *w)
{
    g_free(w->dist);
    g_free(w->sigma);
    g_free(w->touched);
    g_free(w->heap);
    g_free(w->settled);
    g_free(w->pred);
    g_free(w->n_pred);
}

static void scratch_reset(Scratch *w)
{
    for (guint i = 0; i < w->n_touched; i++) {
        w->dist[w->touched[i]] = INFINITY;
        w->settled[w->touched[i]] = FALSE;
    }
    w->n_touched = 0;
}

static inline void add_predecessor(const RnPathGraph *g, Scratch *w, guint u, guint v,
                                   gboolean reset)
{
    if (reset) {
        w->sigma[v] = 0.0;
        w->n_pred[v] = 0;
    }
    w->sigma[v] += w->sigma[u];
    w->pred[g->offset[v] + w->n_pred[v]++] = u;
}

/* Dijkstra from s with path counts and predecessors (the same tolerance as
 * the exact pass), stopping once t is settled (t = G_MAXUINT: never).
 * Returns TRUE when t was reached; with weighted FALSE, breadth-first. */
static gboolean shortest_paths(const RnPathGraph *g, gboolean weighted, guint s, guint t,
                               Scratch *w)
{
    guint size = 0;
    w->dist[s] = 0.0;
    w->sigma[s] = 1.0;
    w->n_pred[s] = 0;
    w->touched[w->n_touched++] = s;
    if (!weighted) {
        /* Breadth-first: touched doubles as the queue. */
        guint head = 0;
        while (head < w->n_touched) {
            guint u = w->touched[head++];
            if (u == t)
                return TRUE;
            double next = w->dist[u] + 1.0;
            for (guint k = g->offset[u]; k < g->offset[u + 1]; k++) {
                guint v = g->target[k];
                if (isinf(w->dist[v])) {
                    w->dist[v] = next;
                    w->touched[w->n_touched++] = v;
                    add_predecessor(g, w, u, v, TRUE);
                } else if (w->dist[v] == next) {
                    add_predecessor(g, w, u, v, FALSE);
                }
            }
        }
        return FALSE;
    }
    rn_heap_push(w->heap, &size, 0.0, s);
    while (size > 0) {
        RnHeapItem top = rn_heap_pop(w->heap, &size);
        guint u = top.node;
        if (w->settled[u] || top.key != w->dist[u])
            continue;
        w->settled[u] = TRUE;
        if (u == t)
            return TRUE;
        for (guint k = g->offset[u]; k < g->offset[u + 1]; k++) {
            guint v = g->target[k];
            if (w->settled[v])
                continue;
            double nd = w->dist[u] + g->length[k];
            gboolean unseen = isinf(w->dist[v]);
            int c = unseen ? -1 : rn_compare_lengths(nd, w->dist[v]);
            if (c < 0) {
                if (unseen)
                    w->touched[w->n_touched++] = v;
                w->dist[v] = nd;
                rn_heap_push(w->heap, &size, nd, v);
                add_predecessor(g, w, u, v, TRUE);
            } else if (c == 0) {
                add_predecessor(g, w, u, v, FALSE);
            }
        }
    }
    return FALSE;
}

/* An upper bound of the vertex diameter (see the top of the file). */
static guint vertex_diameter_bound(const RnPathGraph *g, gboolean weighted)
{
    guint n = g->n;
    double min_length = INFINITY;
    for (gsize k = 0; k < g->offset[n]; k++)
        min_length = MIN(min_length, g->length[k]);
    g_autofree gboolean *seen = g_new0(gboolean, n + 1);
    Scratch w;
    scratch_init(g, &w);
    guint bound = n > 0 ? 1 : 0;
    for (guint v = 0; v < n; v++) {
        if (seen[v])
            continue;
        shortest_paths(g, weighted, v, G_MAXUINT, &w);
        double ecc = 0.0;
        for (guint i = 0; i < w.n_touched; i++) {
            seen[w.touched[i]] = TRUE;
            ecc = MAX(ecc, w.dist[w.touched[i]]);
        }
        double arcs = w.n_touched > 1 ? floor(2.0 * ecc / min_length * (1.0 + 1e-9)) : 0.0;
        double vd = MIN((double)w.n_touched, arcs + 1.0);
        bound = MAX(bound, (guint)vd);
        scratch_reset(&w);
    }
    scratch_clear(&w);
    return bound;
}

typedef struct {
    const RnPathGraph *g;
    gboolean weighted;
    guint64 samples;
    guint64 seed;
    guint n_blocks;
    gint next_block;     /* atomic */
    gint done;           /* atomic: samples done (r <= RN_SAMPLE_MAX < 2^31) */
    const RnProgress *progress;
    guint32 **counts;    /* per block: times each node was inside a sampled path */
} Sampler;

static void sample_pair(const Sampler *sp, guint64 k, Scratch *w, guint32 *count)
{
    const RnPathGraph *g = sp->g;
    guint64 state = sp->seed ^ (k * G_GUINT64_CONSTANT(0xD1B54A32D192ED03));
    splitmix64(&state);
    guint n = g->n;
    guint s = (guint)uniform(&state, n);
    guint t = (guint)uniform(&state, n - 1);
    if (t >= s)
        t++;
    if (shortest_paths(g, sp->weighted, s, t, w)) {
        /* Walk back from t, choosing each predecessor p with probability
         * sigma(p) / sigma(v): a shortest path drawn uniformly. */
        guint v = t;
        while (v != s) {
            const guint *pred = w->pred + g->offset[v];
            guint chosen = pred[0];
            if (w->n_pred[v] > 1) {
                double x = uniform01(&state) * w->sigma[v], acc = 0.0;
                chosen = pred[w->n_pred[v] - 1];
                for (guint j = 0; j < w->n_pred[v]; j++) {
                    acc += w->sigma[pred[j]];
                    if (x < acc) {
                        chosen = pred[j];
                        break;
                    }
                }
            }
            if (v != t)
                count[v]++;
            v = chosen;
        }
    }
    scratch_reset(w);
}

static void run_blocks(Sampler *sp, gboolean report)
{
    Scratch w;
    scratch_init(sp->g, &w);
    for (;;) {
        gint block = g_atomic_int_add(&sp->next_block, 1);
        if ((guint)block >= sp->n_blocks)
            break;
        guint64 first = sp->samples * (guint)block / sp->n_blocks;
        guint64 last = sp->samples * ((guint)block + 1) / sp->n_blocks;
        for (guint64 k = first; k < last; k++) {
            sample_pair(sp, k, &w, sp->counts[block]);
            gint done = g_atomic_int_add(&sp->done, 1) + 1;
            if (report)
                rn_progress_step(sp->progress, RN_PHASE_SAMPLE, (guint64)done, sp->samples);
        }
    }
    scratch_clear(&w);
}

static gpointer worker(gpointer data)
{
    run_blocks(data, FALSE);
    return NULL;
}

gboolean rn_betweenness_sample(const RnNetwork *net, double alpha, guint threads,
                               double epsilon, double delta, guint64 seed,
                               const RnProgress *progress, double **betweenness,
                               RnBetweennessMethod *method, GError **error)
{
    g_return_val_if_fail(net != NULL && betweenness != NULL && method != NULL, FALSE);
    g_return_val_if_fail(epsilon > 0 && epsilon < 1 && delta > 0 && delta < 1, FALSE);
    g_return_val_if_fail(error == NULL || *error == NULL, FALSE);
    RnPathGraph g;
    rn_path_graph_build(net, alpha, &g);
    guint n = g.n;
    gboolean weighted = alpha != 0.0;
    guint vd = vertex_diameter_bound(&g, weighted);
    /* The bound is on (1/(n(n-1))) sum sigma_st(v)/sigma_st; regnet divides
     * by (n-1)(n-2), n/(n-2) times more. */
    double eps = n > 2 ? epsilon * (n - 2.0) / n : epsilon;
    double log_term = vd > 2 ? floor(log2(vd - 2.0)) + 1.0 : 0.0;
    double r = ceil(0.5 / (eps * eps) * (log_term + log(1.0 / delta)));
    *method = (RnBetweennessMethod){.sampled = TRUE, .epsilon = epsilon, .delta = delta,
                                    .seed = seed, .samples = (guint64)r, .vertex_diameter = vd};
    if (r > RN_SAMPLE_MAX) {
        rn_path_graph_clear(&g);
        g_set_error(error, RN_ERROR, RN_ERROR_USAGE,
                    "--betweenness-sample %g,%g needs %.0f sampled paths, more than %u; "
                    "expected a larger epsilon", epsilon, delta, r, RN_SAMPLE_MAX);
        return FALSE;
    }
    *betweenness = g_new0(double, n + 1);
    if (n < 3) {
        rn_path_graph_clear(&g);
        method->samples = 0;
        return TRUE;
    }
    Sampler sp = {.g = &g, .weighted = weighted, .samples = (guint64)r, .seed = seed,
                  .n_blocks = N_BLOCKS, .progress = progress,
                  .counts = g_new(guint32 *, N_BLOCKS)};
    for (guint b = 0; b < N_BLOCKS; b++)
        sp.counts[b] = g_new0(guint32, n + 1);
    threads = CLAMP(threads, 1, N_BLOCKS);
    GThread *pool[N_BLOCKS];
    for (guint t = 1; t < threads; t++)
        pool[t] = g_thread_new("regnet-sample", worker, &sp);
    run_blocks(&sp, TRUE);
    for (guint t = 1; t < threads; t++)
        g_thread_join(pool[t]);
    rn_progress_end(progress, RN_PHASE_SAMPLE, sp.samples);
    /* Integer counts: the sum is exact in any order. */
    for (guint v = 0; v < n; v++) {
        guint64 total = 0;
        for (guint b = 0; b < N_BLOCKS; b++)
            total += sp.counts[b][v];
        (*betweenness)[v] = (double)total / r * n / (n - 2.0);
    }
    for (guint b = 0; b < N_BLOCKS; b++)
        g_free(sp.counts[b]);
    g_free(sp.counts);
    rn_path_graph_clear(&g);
    return TRUE;
}
