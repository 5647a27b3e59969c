/*
 * paths.c — every shortest-path measure in one pass per source.
 *
 * For each source s: Dijkstra (or BFS when alpha = 0) over a compressed
 * adjacency, then Brandes' dependency accumulation for betweenness, the
 * harmonic and closeness sums, and hop/weighted eccentricity and distance
 * sums for the largest component's diameter and average path length.
 *
 * Path lengths within a relative 1e-10 of each other count as equal (see
 * analysis.h); predecessors are recomputed from distances with the same
 * test, so the counts of shortest paths (sigma) are consistent with it.
 *
 * Parallelism: sources are cut into a fixed number of contiguous blocks,
 * independent of the thread count; each block accumulates betweenness into
 * its own row, and rows are summed in block order afterwards.  The result
 * is therefore bit-identical for any number of threads.  No igraph call is
 * made here, so igraph's lack of thread safety does not matter.
 */
#include <math.h>
#include <string.h>

#include "analyses/analysis.h"
#include "analyses/biconnected.h"
#include "analyses/path_graph.h"
#include "analyses/pendants.h"
#include "analyses/twins.h"

#define N_BLOCKS 64
/* Sources timed before a pass for its estimate (on 256 nodes or more). */
#define ESTIMATE_SOURCES 16
#define ESTIMATE_MIN_NODES 256

typedef RnPathGraph Adjacency;

/* The arcs of a node are a few cache lines at a place the search order
 * makes unpredictable; on the Horizon 2020 organisation network (avg.
 * degree 44) waiting for them was most of the time of a breadth-first
 * source.  The searches ask for the arcs of the node PREFETCH_AHEAD places
 * further in their queue (or, for dependencies, in reverse order). */
#define PREFETCH_AHEAD 8
static inline void prefetch_arcs(const guint *arcs)
{
#if defined(__GNUC__) || defined(__clang__)
    __builtin_prefetch(arcs);
    __builtin_prefetch(arcs + 16);
    __builtin_prefetch(arcs + 32);
#else
    (void)arcs;
#endif
}

/* The breadth-first kernel stores levels modulo LEVELS in one byte: a node's
 * neighbours are at most one level away, so modular levels tell the level
 * before, the same and the next apart, and the array stays small (cache). */
#define LEVELS 255
#define UNSEEN 255
static inline guint8 next_level(guint8 l)
{
    return l + 1 == LEVELS ? 0 : (guint8)(l + 1);
}
typedef RnHeapItem HeapItem;
#define compare_lengths rn_compare_lengths
#define heap_push rn_heap_push
#define heap_pop rn_heap_pop

/* Scratch space of one worker. */
typedef struct {
    double *dist;
    double *sigma;
    double *delta;
    guint *order;     /* settled nodes in order of distance */
    guint *hops;      /* BFS hop distance, G_MAXUINT if unreached */
    guint *queue;
    HeapItem *heap;
    gboolean *settled;
    guint *pred;      /* predecessors of v in pred[offset[v] .. offset[v] + n_pred[v]) */
    guint *n_pred;    /* number of predecessors of each node */
    guint8 *level;    /* alpha = 0: hop distance from the source modulo LEVELS, UNSEEN if unreached */
} Scratch;

typedef struct {
    const Adjacency *adj;       /* the graph the sources run on (the core with degree-1 removal) */
    const Adjacency *graph;     /* the whole graph */
    const RnPendants *pendants; /* NULL: adj is the whole graph */
    const guint *orig;          /* adj node -> node of the whole graph */
    const double *weight;       /* adj node -> nodes it stands for (1 without degree-1 removal) */
    const gboolean *in_scope;   /* of the whole graph */
    gboolean weighted;
    gboolean betweenness; /* accumulate dependencies */
    guint n_blocks;
    gint next_block;      /* atomic */
    gint sources_done;    /* atomic, for progress */
    const RnProgress *progress;
    const RnTwins *twins; /* NULL: every node is a source */
    guint sources;        /* nodes solved as sources (class representatives) */
    double **partial;     /* N_BLOCKS rows of adj->n betweenness sums */
    /* per node of the whole graph: */
    double *harmonic;
    double *closeness;
    double *hop_sum;      /* per source, over in-scope targets */
    guint *hop_max;
    double *dist_sum;
    double *dist_max;
} Pass;

/* Records u as a predecessor of v on a new shortest path (reset) or on an
 * equally short one (append), updating the path count sigma[v]. */
static inline void add_predecessor(const Adjacency *adj, Scratch *w, guint u, guint v,
                                   gboolean reset)
{
    if (!w->pred)
        return; /* distances only */
    if (reset) {
        w->sigma[v] = 0.0;
        w->n_pred[v] = 0;
    }
    w->sigma[v] += w->sigma[u];
    w->pred[adj->offset[v] + w->n_pred[v]++] = u;
}

/* Settles nodes from s in distance order, counting shortest paths and
 * recording predecessors (Brandes 2001); returns how many were reached.
 * Lengths within the tolerance count as equal. */
static guint dijkstra(const Adjacency *adj, guint s, Scratch *w)
{
    guint reached = 0, size = 0;
    /* dist and settled are INFINITY/FALSE on entry (reset by the caller). */
    w->dist[s] = 0.0;
    w->sigma[s] = 1.0;
    w->n_pred[s] = 0;
    heap_push(w->heap, &size, 0.0, s);
    while (size > 0) {
        HeapItem top = heap_pop(w->heap, &size);
        guint u = top.node;
        if (w->settled[u] || top.key != w->dist[u])
            continue;
        w->settled[u] = TRUE;
        w->order[reached++] = u;
        for (guint k = adj->offset[u]; k < adj->offset[u + 1]; k++) {
            guint v = adj->target[k];
            if (w->settled[v])
                continue;
            double nd = w->dist[u] + adj->length[k];
            int c = isinf(w->dist[v]) ? -1 : compare_lengths(nd, w->dist[v]);
            if (c < 0) {
                w->dist[v] = nd;
                heap_push(w->heap, &size, nd, v);
                add_predecessor(adj, w, u, v, TRUE);
            } else if (c == 0) {
                add_predecessor(adj, w, u, v, FALSE);
            }
        }
    }
    return reached;
}

/* Unweighted counterpart of dijkstra(): breadth-first, exact, lean.  Byte
 * levels (modulo LEVELS) instead of double distances, path counts
 * accumulated as nodes are reached, predecessor lists only when
 * dependencies are accumulated.  sigma[v] receives sigma[u] in the order u
 * leaves the queue, as in dijkstra(), and the predecessor lists are in the
 * same order, so the results are the same floating-point operations in the
 * same order as before (bit-identical). */
static guint bfs_sigma(const Adjacency *adj, guint s, Scratch *w)
{
    const guint *restrict offset = adj->offset;
    const guint *restrict target = adj->target;
    guint8 *restrict level = w->level;
    double *restrict sigma = w->sigma;
    guint *restrict order = w->order;
    guint *restrict pred = w->pred;
    guint *restrict n_pred = w->n_pred;
    guint head = 0, tail = 0;
    level[s] = 0;
    sigma[s] = 1.0;
    n_pred[s] = 0;
    order[tail++] = s;
    while (head < tail) {
        if (head + PREFETCH_AHEAD < tail)
            prefetch_arcs(target + offset[order[head + PREFETCH_AHEAD]]);
        guint u = order[head++];
        guint8 next = next_level(level[u]);
        double su = sigma[u];
        for (guint k = offset[u], end = offset[u + 1]; k < end; k++) {
            guint v = target[k];
            guint8 lv = level[v];
            if (lv == UNSEEN) {
                level[v] = next;
                sigma[v] = su;
                order[tail++] = v;
                if (pred) {
                    n_pred[v] = 1;
                    pred[offset[v]] = u;
                }
            } else if (lv == next) {
                sigma[v] += su;
                if (pred)
                    pred[offset[v] + n_pred[v]++] = u;
            }
        }
    }
    return tail;
}

/* Breadth-first hop distances from s; returns how many were reached. */
static guint bfs(const Adjacency *adj, guint s, guint *hops, guint *queue)
{
    /* hops is G_MAXUINT everywhere on entry; the caller resets what was reached. */
    guint head = 0, tail = 0;
    hops[s] = 0;
    queue[tail++] = s;
    while (head < tail) {
        if (head + PREFETCH_AHEAD < tail)
            prefetch_arcs(adj->target + adj->offset[queue[head + PREFETCH_AHEAD]]);
        guint u = queue[head++];
        for (guint k = adj->offset[u]; k < adj->offset[u + 1]; k++) {
            guint v = adj->target[k];
            if (hops[v] == G_MAXUINT) {
                hops[v] = hops[u] + 1;
                queue[tail++] = v;
            }
        }
    }
    return tail;
}

static void reset_hops(Scratch *w, guint reached)
{
    for (guint i = 0; i < reached; i++)
        w->hops[w->queue[i]] = G_MAXUINT;
}

/* Harmonic, closeness, distance sums and eccentricities of s and, with
 * degree-1 removal, of the nodes of its tree (pendants.h), from its pass.
 * At alpha 0 the search's levels are the hop distances, so no second
 * search runs; they are written out as distances only for the trees of
 * degree-1 removal, which read them by node. */
static void source_sums(Pass *pass, guint s, Scratch *w, guint reached)
{
    const Adjacency *adj = pass->adj;
    guint o = pass->orig[s];
    gboolean scoped = pass->in_scope[o];
    double harmonic = 0.0, sum = 0.0, max = 0.0, hop_sum = 0.0;
    guint hop_max = 0;

    if (!pass->weighted) {
        /* The order is by level, so the distance grows by one where the
         * (modular) level changes. */
        guint d = 0;
        gboolean write = pass->pendants != NULL;
        if (write) {
            w->dist[s] = 0.0;
            w->hops[s] = 0;
        }
        for (guint i = 1; i < reached; i++) {
            guint v = w->order[i];
            d += w->level[v] != w->level[w->order[i - 1]];
            harmonic += 1.0 / d;
            sum += d;
            if (write) {
                w->dist[v] = d;
                w->hops[v] = d;
            }
        }
        hop_max = d;
        max = hop_max;
        hop_sum = sum;
    }
    if (pass->pendants) {
        guint hop_reached = 0;
        if (pass->weighted && scoped)
            hop_reached = bfs(adj, s, w->hops, w->queue);
        RnPendantSums sums = {pass->harmonic, pass->closeness, pass->dist_sum,
                              pass->dist_max, pass->hop_sum,  pass->hop_max};
        rn_pendants_source(pass->pendants, pass->graph, s, w->order, reached, w->dist,
                           scoped ? w->hops : NULL, &sums);
        if (pass->weighted)
            reset_hops(w, hop_reached);
        else
            for (guint i = 0; i < reached; i++)
                w->hops[w->order[i]] = G_MAXUINT;
    } else {
        if (pass->weighted) {
            for (guint i = 1; i < reached; i++) {
                double d = w->dist[w->order[i]];
                harmonic += 1.0 / d;
                sum += d;
                if (d > max)
                    max = d;
            }
            if (scoped) {
                guint hop_reached = bfs(adj, s, w->hops, w->queue);
                for (guint i = 0; i < hop_reached; i++) {
                    guint h = w->hops[w->queue[i]];
                    hop_sum += h;
                    if (h > hop_max)
                        hop_max = h;
                }
                reset_hops(w, hop_reached);
            }
        }
        guint n = adj->n;
        pass->harmonic[o] = harmonic;
        pass->closeness[o] = reached > 1
                                 ? ((reached - 1.0) / (n - 1.0)) * ((reached - 1.0) / sum)
                                 : 0.0;
        /* The scope is s's component, so everything reached is in scope. */
        pass->dist_sum[o] = sum;
        pass->dist_max[o] = max;
        pass->hop_sum[o] = scoped ? hop_sum : 0.0;
        pass->hop_max[o] = scoped ? hop_max : 0;
    }
    const RnTwins *twins = pass->twins;
    for (guint m = twins && twins->size[s] > 1 ? twins->next[s] : G_MAXUINT; m != G_MAXUINT;
         m = twins->next[m]) {
        /* Twins stand for one node each (pendants.c makes only those eligible). */
        guint mo = pass->orig[m];
        pass->harmonic[mo] = pass->harmonic[o];
        pass->closeness[mo] = pass->closeness[o];
        pass->dist_sum[mo] = pass->dist_sum[o];
        pass->dist_max[mo] = pass->dist_max[o];
        pass->hop_sum[mo] = pass->hop_sum[o];
        pass->hop_max[mo] = pass->hop_max[o];
    }
}

static void process_source(Pass *pass, guint s, Scratch *w, double *bc)
{
    gboolean accumulate = pass->betweenness;
    const Adjacency *adj = pass->adj;
    const double *weight = pass->weight;
    guint reached = pass->weighted ? dijkstra(adj, s, w) : bfs_sigma(adj, s, w);

    /* Dependencies in reverse order of distance (Brandes 2001); with
     * degree-1 removal each target t stands for weight[t] nodes and the
     * source for weight[s] (pendants.h). */
    for (guint i = 0; accumulate && i < reached; i++)
        w->delta[w->order[i]] = 0.0;
    const RnTwins *twins = pass->twins;
    guint members = twins ? twins->size[s] : 1;
    double times = members > 1 ? (double)members : weight[s];
    for (guint i = accumulate ? reached : 0; i-- > 1;) {
        guint t = w->order[i];
        if (i > PREFETCH_AHEAD)
            prefetch_arcs(w->pred + adj->offset[w->order[i - PREFETCH_AHEAD]]);
        double coefficient = (weight[t] + w->delta[t]) / w->sigma[t];
        const guint *pred = w->pred + adj->offset[t];
        for (guint k = 0; k < w->n_pred[t]; k++)
            w->delta[pred[k]] += w->sigma[pred[k]] * coefficient;
        if (members == 1)
            bc[t] += times * w->delta[t];
        else if (twins->rep[t] != s)
            /* The class's other sources give t the same dependency. */
            bc[t] += times * w->delta[t];
    }
    if (accumulate && members > 1) {
        /* Each member receives, from the other members as sources, what s
         * gives one of them. */
        double share = (members - 1.0) * w->delta[twins->next[s]];
        for (guint m = s; m != G_MAXUINT; m = twins->next[m])
            bc[m] += share;
    }
    source_sums(pass, s, w, reached);
    if (pass->weighted) {
        for (guint i = 0; i < reached; i++) {
            w->dist[w->order[i]] = INFINITY;
            w->settled[w->order[i]] = FALSE;
        }
    } else {
        for (guint i = 0; i < reached; i++)
            w->level[w->order[i]] = UNSEEN;
    }
}

static void scratch_init(const Pass *pass, Scratch *w)
{
    guint n = pass->adj->n;
    gsize m2 = pass->adj->offset[n];
    *w = (Scratch){
        .dist = g_new(double, n),
        .sigma = g_new(double, n),
        .delta = g_new(double, n),
        .order = g_new(guint, n),
        .hops = g_new(guint, n),
        .queue = g_new(guint, n),
        .heap = pass->weighted ? g_new(HeapItem, m2 + n + 1) : NULL,
        .settled = g_new0(gboolean, n),
        .pred = pass->betweenness ? g_new(guint, m2 + 1) : NULL,
        .n_pred = g_new0(guint, n + 1),
        .level = g_new(guint8, n + 1),
    };
    for (guint v = 0; v < n; v++) {
        w->dist[v] = INFINITY;
        w->hops[v] = G_MAXUINT;
        w->level[v] = UNSEEN;
    }
}

static void scratch_clear(Scratch *w)
{
    g_free(w->dist);
    g_free(w->sigma);
    g_free(w->delta);
    g_free(w->order);
    g_free(w->hops);
    g_free(w->queue);
    g_free(w->heap);
    g_free(w->settled);
    g_free(w->pred);
    g_free(w->n_pred);
    g_free(w->level);
}

/* Runs blocks of sources until none is left; the calling thread's worker
 * (report TRUE) reports progress. */
static void run_blocks(Pass *pass, gboolean report)
{
    guint n = pass->adj->n;
    Scratch w;
    scratch_init(pass, &w);
    for (;;) {
        gint block = g_atomic_int_add(&pass->next_block, 1);
        if ((guint)block >= pass->n_blocks)
            break;
        guint first = (guint)((guint64)n * (guint)block / pass->n_blocks);
        guint last = (guint)((guint64)n * ((guint)block + 1) / pass->n_blocks);
        double *bc = pass->partial[block];
        for (guint s = first; s < last; s++) {
            if (pass->twins && pass->twins->rep[s] != s)
                continue; /* solved with its class's representative */
            process_source(pass, s, &w, bc);
            gint size = pass->twins ? (gint)pass->twins->size[s] : 1;
            gint done = g_atomic_int_add(&pass->sources_done, size) + size;
            if (report)
                rn_progress_step(pass->progress, RN_PHASE_PATHS, (guint64)done, n);
        }
    }
    scratch_clear(&w);
}

static gpointer worker(gpointer data)
{
    run_blocks(data, FALSE);
    return NULL;
}

/* Times ESTIMATE_SOURCES sources spread over the node order and reports the
 * estimated wall time of the whole pass on threads threads. */
static void estimate(Pass *pass, guint threads)
{
    guint n = pass->adj->n;
    if (!pass->progress || !pass->progress->func || n < ESTIMATE_MIN_NODES)
        return;
    Scratch w;
    scratch_init(pass, &w);
    g_autofree double *bc = g_new0(double, n);
    g_autoptr(GTimer) timer = g_timer_new();
    guint timed = 0;
    for (guint k = 0; k < ESTIMATE_SOURCES; k++) {
        guint s = (guint)((guint64)n * k / ESTIMATE_SOURCES + k) % n;
        if (pass->twins)
            s = pass->twins->rep[s];
        process_source(pass, s, &w, bc);
        timed++;
    }
    double per_source = g_timer_elapsed(timer, NULL) / timed;
    scratch_clear(&w);
    guint cores = MIN(threads, (guint)MAX(g_get_num_processors(), 1));
    rn_progress_estimate(pass->progress, RN_PHASE_PATHS, n, per_source * pass->sources / cores,
                         threads);
}

void rn_paths_compute(const RnNetwork *net, double alpha, guint threads,
                      const gboolean *in_scope, RnPathResult *result)
{
    g_return_if_fail(net != NULL && in_scope != NULL && result != NULL);
    RnPathOptions options = {.alpha = alpha, .threads = threads, .betweenness = TRUE};
    rn_paths_run(net, &options, in_scope, result);
}

void rn_paths_run(const RnNetwork *net, const RnPathOptions *options,
                  const gboolean *in_scope, RnPathResult *result)
{
    g_return_if_fail(net != NULL && options != NULL && in_scope != NULL && result != NULL);
    Adjacency graph;
    rn_path_graph_build(net, options->alpha, &graph);
    guint n = graph.n;
    guint threads = options->threads;
    guint skip = options->plain ? RN_REDUCTIONS_ALL : options->skip_reductions;
    *result = (RnPathResult){.reductions = RN_REDUCTIONS_ALL & ~skip};

    RnBiconnected blocks;
    rn_biconnected_find(&graph, &blocks);
    result->articulation_points = blocks.articulation_points;
    result->biconnected_components = blocks.blocks;
    result->largest_biconnected_nodes = blocks.largest_nodes;
    result->largest_biconnected_edges = blocks.largest_edges;
    rn_biconnected_clear(&blocks);

    /* Degree-1 removal: the sources run on the core (pendants.h). */
    RnPendants pendants = {0};
    gboolean degree1 = !(skip & RN_REDUCTION_DEGREE1);
    if (degree1)
        rn_pendants_find(&graph, &pendants);
    const Adjacency *adj = degree1 ? &pendants.core : &graph;
    guint m = adj->n;
    g_autofree guint *identity = degree1 ? NULL : g_new(guint, n + 1);
    g_autofree double *ones = degree1 ? NULL : g_new(double, n + 1);
    for (guint v = 0; !degree1 && v < n; v++) {
        identity[v] = v;
        ones[v] = 1.0;
    }
    result->degree1_removed = pendants.removed;

    /* Twins among the core nodes that stand for themselves only. */
    RnTwins twins = {0};
    gboolean merge = !(skip & RN_REDUCTION_TWINS);
    if (merge) {
        g_autofree gboolean *alone = g_new(gboolean, m + 1);
        for (guint v = 0; v < m; v++)
            alone[v] = !degree1 || pendants.weight[v] == 1.0;
        rn_twins_find_among(adj, alone, &twins);
    }
    result->sources = m - twins.open_merged - twins.closed_merged;
    result->open_twins_merged = twins.open_merged;
    result->closed_twins_merged = twins.closed_merged;
    Pass pass = {
        .twins = merge ? &twins : NULL,
        .sources = result->sources,
        .adj = adj,
        .graph = &graph,
        .pendants = degree1 ? &pendants : NULL,
        .orig = degree1 ? pendants.orig_of : identity,
        .weight = degree1 ? pendants.weight : ones,
        .in_scope = in_scope,
        .weighted = options->alpha != 0.0,
        .betweenness = options->betweenness,
        .progress = options->progress,
        .n_blocks = m < N_BLOCKS ? MAX(m, 1) : N_BLOCKS,
        .next_block = 0,
        .partial = g_new(double *, N_BLOCKS),
        .harmonic = g_new0(double, n + 1),
        .closeness = g_new0(double, n + 1),
        .hop_sum = g_new0(double, n + 1),
        .hop_max = g_new0(guint, n + 1),
        .dist_sum = g_new0(double, n + 1),
        .dist_max = g_new0(double, n + 1),
    };
    for (guint b = 0; b < pass.n_blocks; b++)
        pass.partial[b] = g_new0(double, m + 1);

    threads = CLAMP(threads, 1, pass.n_blocks);
    estimate(&pass, threads);
    GThread *pool[64];
    for (guint t = 1; t < threads && t < G_N_ELEMENTS(pool); t++)
        pool[t] = g_thread_new("regnet-paths", worker, &pass);
    run_blocks(&pass, TRUE);
    for (guint t = 1; t < threads && t < G_N_ELEMENTS(pool); t++)
        g_thread_join(pool[t]);
    rn_progress_end(pass.progress, RN_PHASE_PATHS, m);

    result->betweenness = pass.betweenness ? g_new0(double, n + 1) : NULL;
    double scale = n > 2 ? 1.0 / ((n - 1.0) * (n - 2.0)) : 0.0;
    for (guint v = 0; pass.betweenness && v < m; v++) {
        double total = 0.0;
        for (guint b = 0; b < pass.n_blocks; b++)
            total += pass.partial[b][v];
        /* Each unordered pair was counted from both ends. */
        result->betweenness[pass.orig[v]] = total;
    }
    for (guint v = 0; pass.betweenness && v < n; v++) {
        if (degree1)
            /* The pairs the removed trees force through v (pendants.h). */
            result->betweenness[v] += pendants.pairs[v];
        result->betweenness[v] *= scale;
    }
    guint scope = 0, hop_max = 0;
    double hop_sum = 0.0, dist_sum = 0.0, dist_max = 0.0;
    for (guint s = 0; s < n; s++) {
        if (!in_scope[s])
            continue;
        scope++;
        hop_sum += pass.hop_sum[s];
        dist_sum += pass.dist_sum[s];
        hop_max = MAX(hop_max, pass.hop_max[s]);
        dist_max = MAX(dist_max, pass.dist_max[s]);
    }
    double pairs = scope > 1 ? (double)scope * (scope - 1.0) : 0.0;
    result->diameter_hops = hop_max;
    result->diameter_weighted = dist_max;
    result->average_path_length_hops = pairs > 0 ? hop_sum / pairs : 0.0;
    result->average_path_length_weighted = pairs > 0 ? dist_sum / pairs : 0.0;
    result->harmonic = pass.harmonic;
    result->closeness = pass.closeness;

    for (guint b = 0; b < pass.n_blocks; b++)
        g_free(pass.partial[b]);
    g_free(pass.partial);
    g_free(pass.hop_sum);
    g_free(pass.hop_max);
    g_free(pass.dist_sum);
    g_free(pass.dist_max);
    rn_twins_clear(&twins);
    rn_pendants_clear(&pendants);
    rn_path_graph_clear(&graph);
}
