/*
 * shortest_path_sample.c — a uniformly drawn shortest s-t path by balanced
 * bidirectional search (Borassi and Natale 2019, KADABRA); see
 * shortest_path_sample.h and docs/paths.md ("One shortest path, drawn
 * uniformly").
 *
 * Side 0 searches from s, side 1 from t (the graph is undirected, so the
 * search from t follows the arcs backwards).  Each side counts shortest paths
 * as the exact pass does (paths.c: the same tolerance, sigma summed over the
 * predecessors whose distance plus arc length equals the node's).
 *
 * Breadth-first (alpha = 0): whole levels are expanded, each time on the
 * side whose frontier has the smaller sum of degrees.  When expanding a
 * level a -> a + 1 of one side labels a node already labelled by the other
 * side (complete up to its level b), d(s,t) = a + b + 1, and every shortest
 * path has exactly one node at distance a + 1 from the expanding side's root;
 * those nodes x (labelled by both sides) carry sigma_side(x) sigma_other(x)
 * paths each.
 *
 * Dijkstra, with lazily relaxed arcs: each settled node's arcs are relaxed
 * in increasing order of length, one at a time, when dist(u) + length is the
 * smallest key of the side (Spira 1973, "A new algorithm for finding all
 * shortest paths in a graph of positive arcs in average time O(n^2 log^2 n)"),
 * an arc before a node of the same key within the tolerance, so a node's
 * predecessors are all relaxed before it is settled.  Most arcs of a
 * projection network are longer than a search's radius (a hub at distance 1
 * with thousands of partners at length 1) and are never relaxed.  The
 * frontier key top_i of side i is the smaller of its two heaps' keys; every
 * node at distance below top_i is settled.  The arcs between a node settled
 * on one side and one settled on the other are recorded when the second is
 * settled (from the smaller of its arc list and the other side's settled
 * list), with mu, the shortest s-t length seen.  Once top_0 + top_1 >= mu,
 * mu is d = d(s,t): a shortest path's nodes at distance below top_0 from s
 * are settled from s, the others (at distance below top_1 from t) from t,
 * and the arc joining the two parts, or a node in both, was recorded.
 *
 * Counting (Dijkstra): with theta = min(top_0, d), S = {u settled from s:
 * dist_0(u) < theta} holds every node at distance below theta from s; the
 * search from t goes on until top_1 > d - theta (plus 1e-9 d for rounding),
 * so every node v of a shortest path outside S (dist_0(v) >= theta, so
 * dist_1(v) = d - dist_0(v) <= d - theta) is settled from t.  Distances from
 * s increase along a shortest path, so it leaves S through exactly one arc
 * (u, v), u in S, v not in S, with dist_0(u) + l(u,v) + dist_1(v) = d: the
 * number of shortest paths is the sum of sigma_0(u) sigma_1(v) over such
 * recorded arcs, each path counted once.
 *
 * Drawing: a meeting node (or arc) with probability proportional to its
 * paths, then from it back to s choosing each predecessor p with probability
 * sigma_0(p) / sigma_0(current), and on to t likewise with sigma_1: every
 * shortest path has probability 1 / (number of shortest paths).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analyses/shortest_path_sample.h"

struct RnCrossing {
    guint u, v;      /* u settled from s, v settled from t, arc u-v */
    double length;
    double paths;    /* sigma_0(u) sigma_1(v) when on a shortest path, else 0 */
};
typedef struct RnCrossing Crossing;

/* ---- the graph ------------------------------------------------------------ */

typedef struct {
    double length;
    guint target;
} Arc;

static int compare_targets(const void *a, const void *b)
{
    const Arc *x = a, *y = b;
    return (x->target > y->target) - (x->target < y->target);
}

static int compare_arcs(const void *a, const void *b)
{
    const Arc *x = a, *y = b;
    if (x->length != y->length)
        return x->length < y->length ? -1 : 1;
    return (x->target > y->target) - (x->target < y->target);
}

void rn_sample_graph_build(const RnPathGraph *g, gboolean weighted, RnSampleGraph *sg)
{
    g_return_if_fail(g != NULL && sg != NULL);
    *sg = (RnSampleGraph){.graph = g, .weighted = weighted, .by_node_target = g->target,
                          .by_node = g->length};
    if (!weighted)
        return;
    gsize m2 = g->offset[g->n];
    sg->by_length_target = g_new(guint, m2 + 1);
    sg->by_length = g_new(double, m2 + 1);
    guint widest = 0;
    gboolean sorted = TRUE;
    for (guint u = 0; u < g->n; u++) {
        widest = MAX(widest, g->offset[u + 1] - g->offset[u]);
        for (guint a = g->offset[u]; a + 1 < g->offset[u + 1]; a++)
            sorted = sorted && g->target[a] < g->target[a + 1];
    }
    if (!sorted) {
        /* A network assembled by hand: neighbour lists sorted here. */
        sg->owned_by_node_target = g_new(guint, m2 + 1);
        sg->owned_by_node = g_new(double, m2 + 1);
        sg->by_node_target = sg->owned_by_node_target;
        sg->by_node = sg->owned_by_node;
    }
    g_autofree Arc *arcs = g_new(Arc, widest + 1);
    for (guint u = 0; u < g->n; u++) {
        guint first = g->offset[u], k = g->offset[u + 1] - first;
        for (guint i = 0; i < k; i++)
            arcs[i] = (Arc){g->length[first + i], g->target[first + i]};
        if (!sorted) {
            qsort(arcs, k, sizeof *arcs, compare_targets);
            for (guint i = 0; i < k; i++) {
                sg->owned_by_node[first + i] = arcs[i].length;
                sg->owned_by_node_target[first + i] = arcs[i].target;
            }
        }
        qsort(arcs, k, sizeof *arcs, compare_arcs);
        for (guint i = 0; i < k; i++) {
            sg->by_length[first + i] = arcs[i].length;
            sg->by_length_target[first + i] = arcs[i].target;
        }
    }
}

void rn_sample_graph_clear(RnSampleGraph *sg)
{
    g_return_if_fail(sg != NULL);
    g_clear_pointer(&sg->by_length_target, g_free);
    g_clear_pointer(&sg->by_length, g_free);
    g_clear_pointer(&sg->owned_by_node_target, g_free);
    g_clear_pointer(&sg->owned_by_node, g_free);
}

/* The arc u -> v (position in the by-node lists), or G_MAXUINT. */
static guint find_arc(const RnSampleGraph *sg, guint u, guint v)
{
    const guint *target = sg->by_node_target;
    guint lo = sg->graph->offset[u], end = sg->graph->offset[u + 1], hi = end;
    while (lo < hi) {
        guint mid = lo + (hi - lo) / 2;
        if (target[mid] < v)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < end && target[lo] == v ? lo : G_MAXUINT;
}

/* ---- scratch -------------------------------------------------------------- */

void rn_path_sampler_init(const RnPathGraph *g, RnPathSampler *w)
{
    g_return_if_fail(g != NULL && w != NULL);
    guint n = g->n;
    gsize m2 = g->offset[n];
    *w = (RnPathSampler){.n = n};
    for (int side = 0; side < 2; side++) {
        w->dist[side] = g_new(double, n + 1);
        w->sigma[side] = g_new(double, n + 1);
        w->settled[side] = g_new0(guint8, n + 1);
        w->touched[side] = g_new(guint, n + 1);
        w->order[side] = g_new(guint, n + 1);
        w->cursor[side] = g_new(guint, n + 1);
        w->heap[side] = g_new(RnHeapItem, m2 + 2);
        w->arc_heap[side] = g_new(RnHeapItem, m2 + n + 2);
        for (guint v = 0; v < n; v++)
            w->dist[side][v] = INFINITY;
    }
    w->crossing = g_new(Crossing, m2 + n + 1);
}

void rn_path_sampler_clear(RnPathSampler *w)
{
    g_return_if_fail(w != NULL);
    for (int side = 0; side < 2; side++) {
        g_free(w->dist[side]);
        g_free(w->sigma[side]);
        g_free(w->settled[side]);
        g_free(w->touched[side]);
        g_free(w->order[side]);
        g_free(w->cursor[side]);
        g_free(w->heap[side]);
        g_free(w->arc_heap[side]);
    }
    g_free(w->crossing);
    memset(w, 0, sizeof *w);
}

static void reset(RnPathSampler *w)
{
    for (int side = 0; side < 2; side++) {
        for (guint i = 0; i < w->n_touched[side]; i++) {
            guint v = w->touched[side][i];
            w->dist[side][v] = INFINITY;
            w->settled[side][v] = 0;
        }
        w->n_touched[side] = 0;
        w->n_order[side] = 0;
    }
}

static inline void label_root(RnPathSampler *w, int side, guint root)
{
    w->dist[side][root] = 0.0;
    w->sigma[side][root] = 1.0;
    w->touched[side][w->n_touched[side]++] = root;
}

static void reverse(guint *a, guint k)
{
    for (guint i = 0, j = k; i + 1 < j; i++, j--) {
        guint x = a[i];
        a[i] = a[j - 1];
        a[j - 1] = x;
    }
}

/* Draws among candidates: keeps the candidate where the running sum of
 * weights passes x (the last one if rounding leaves x beyond the sum). */
typedef struct {
    double x, acc;
    guint chosen;
    gboolean done;
} Draw;

static inline void draw_offer(Draw *d, guint candidate, double weight)
{
    if (d->done)
        return;
    d->chosen = candidate;
    d->acc += weight;
    if (d->x < d->acc)
        d->done = TRUE;
}

/* ---- breadth-first ---------------------------------------------------------- */

/* Walks from node from (excluded) to the root of side over predecessors
 * (dist(p) = dist(current) - 1), each chosen with probability sigma(p) /
 * sigma(current); writes the nodes to out and returns how many, or
 * G_MAXUINT when a node has no predecessor (cannot happen). */
static guint bfs_walk(const RnPathGraph *g, RnPathSampler *w, int side, guint from,
                      guint64 *state, guint *out)
{
    const double *dist = w->dist[side], *sigma = w->sigma[side];
    guint k = 0, current = from;
    while (dist[current] != 0.0) {
        Draw d = {.x = rn_random_unit(state) * sigma[current], .chosen = G_MAXUINT};
        for (guint a = g->offset[current]; a < g->offset[current + 1] && !d.done; a++) {
            guint p = g->target[a];
            if (dist[p] + 1.0 == dist[current])
                draw_offer(&d, p, sigma[p]);
        }
        w->operations += g->offset[current + 1] - g->offset[current];
        if (d.chosen == G_MAXUINT)
            return G_MAXUINT;
        current = d.chosen;
        out[k++] = current;
    }
    return k;
}

static guint bidirectional_bfs(const RnPathGraph *g, guint s, guint t, guint64 *state,
                               RnPathSampler *w, guint *path, double *paths)
{
    guint lo[2] = {0, 0}, hi[2] = {1, 1};
    guint64 volume[2] = {g->offset[s + 1] - g->offset[s], g->offset[t + 1] - g->offset[t]};
    label_root(w, 0, s);
    label_root(w, 1, t);
    int side;
    for (;;) {
        side = volume[0] <= volume[1] ? 0 : 1;
        if (lo[side] == hi[side])
            return 0; /* that side's component is exhausted: t unreachable */
        int other = 1 - side;
        double *dist = w->dist[side], *sigma = w->sigma[side];
        const double *odist = w->dist[other];
        guint *touched = w->touched[side];
        gboolean meet = FALSE;
        guint64 next_volume = 0;
        w->operations += volume[side];
        for (guint i = lo[side]; i < hi[side]; i++) {
            guint u = touched[i];
            double next = dist[u] + 1.0;
            for (guint a = g->offset[u]; a < g->offset[u + 1]; a++) {
                guint v = g->target[a];
                if (isinf(dist[v])) {
                    dist[v] = next;
                    sigma[v] = sigma[u];
                    touched[w->n_touched[side]++] = v;
                    next_volume += g->offset[v + 1] - g->offset[v];
                    if (!isinf(odist[v]))
                        meet = TRUE;
                } else if (dist[v] == next) {
                    sigma[v] += sigma[u];
                }
            }
        }
        lo[side] = hi[side];
        hi[side] = w->n_touched[side];
        volume[side] = next_volume;
        if (meet)
            break;
    }
    /* The new level of side: its nodes labelled by the other side are the
     * meeting nodes (at distance b from the other root). */
    int other = 1 - side;
    const guint *level = w->touched[side];
    double total = 0.0;
    for (guint i = lo[side]; i < hi[side]; i++) {
        guint x = level[i];
        if (!isinf(w->dist[other][x]))
            total += w->sigma[side][x] * w->sigma[other][x];
    }
    *paths = total;
    Draw d = {.x = rn_random_unit(state) * total, .chosen = G_MAXUINT};
    for (guint i = lo[side]; i < hi[side] && !d.done; i++) {
        guint x = level[i];
        if (!isinf(w->dist[other][x]))
            draw_offer(&d, x, w->sigma[side][x] * w->sigma[other][x]);
    }
    guint x = d.chosen, k = 0;
    if (x == G_MAXUINT)
        return 0;
    path[k++] = x;
    guint steps = bfs_walk(g, w, 0, x, state, path + k);
    if (steps == G_MAXUINT)
        return 0;
    k += steps;
    reverse(path, k);
    steps = bfs_walk(g, w, 1, x, state, path + k);
    return steps == G_MAXUINT ? 0 : k + steps;
}

/* ---- Dijkstra with lazily relaxed arcs ------------------------------------ */

typedef struct {
    const RnSampleGraph *sg;
    const RnPathGraph *g;
    RnPathSampler *w;
    guint size[2];      /* node heaps */
    guint arc_size[2];  /* arc heaps */
    double mu;
    guint n_crossing;
    guint64 work[2];
} Search;

/* The smallest valid key of side's node heap (stale entries dropped), or
 * INFINITY when it is empty. */
static double node_top(Search *q, int side)
{
    RnPathSampler *w = q->w;
    RnHeapItem *heap = w->heap[side];
    while (q->size[side] > 0) {
        guint v = heap[0].node;
        if (!w->settled[side][v] && heap[0].key == w->dist[side][v])
            return heap[0].key;
        rn_heap_pop(heap, &q->size[side]);
    }
    return INFINITY;
}

static double arc_top(const Search *q, int side)
{
    return q->arc_size[side] > 0 ? q->w->arc_heap[side][0].key : INFINITY;
}

/* Every node at distance below this from side's root is settled. */
static double frontier(Search *q, int side)
{
    return MIN(node_top(q, side), arc_top(q, side));
}

static void push_next_arc(Search *q, int side, guint u)
{
    guint c = q->w->cursor[side][u];
    if (c < q->g->offset[u + 1])
        rn_heap_push(q->w->arc_heap[side], &q->arc_size[side],
                     q->w->dist[side][u] + q->sg->by_length[c], u);
}

/* The exact pass's relaxation of u -> v on side, and mu. */
static void relax(Search *q, int side, guint u, guint v, double length)
{
    RnPathSampler *w = q->w;
    double *dist = w->dist[side], *sigma = w->sigma[side];
    double nd = dist[u] + length, od = w->dist[1 - side][v];
    if (nd + od < q->mu)
        q->mu = nd + od;
    if (w->settled[side][v])
        return;
    gboolean unseen = isinf(dist[v]);
    int c = unseen ? -1 : rn_compare_lengths(nd, dist[v]);
    if (c < 0) {
        if (unseen)
            w->touched[side][w->n_touched[side]++] = v;
        dist[v] = nd;
        sigma[v] = sigma[u];
        rn_heap_push(w->heap[side], &q->size[side], nd, v);
    } else if (c == 0) {
        sigma[v] += sigma[u];
    }
}

static void record(Search *q, int side, guint u, guint v, double length)
{
    RnPathSampler *w = q->w;
    double via = w->dist[side][u] + length + w->dist[1 - side][v];
    if (via < q->mu)
        q->mu = via;
    w->crossing[q->n_crossing++] = side == 0 ? (Crossing){.u = u, .v = v, .length = length}
                                             : (Crossing){.u = v, .v = u, .length = length};
}

/* Records the arcs from u, just settled on side, to the nodes settled on the
 * other side: from u's neighbours or from the other side's settled nodes,
 * whichever is cheaper. */
static void record_crossings(Search *q, int side, guint u)
{
    RnPathSampler *w = q->w;
    const RnPathGraph *g = q->g;
    int other = 1 - side;
    const guint8 *osettled = w->settled[other];
    if (osettled[u] && w->dist[side][u] + w->dist[other][u] < q->mu)
        q->mu = w->dist[side][u] + w->dist[other][u];
    guint degree = g->offset[u + 1] - g->offset[u], others = w->n_order[other];
    guint log_degree = (guint)g_bit_storage(degree) + 1;
    if (degree <= (guint64)others * log_degree) {
        w->operations += degree;
        for (guint a = g->offset[u]; a < g->offset[u + 1]; a++)
            if (osettled[g->target[a]])
                record(q, side, u, g->target[a], g->length[a]);
    } else {
        w->operations += (guint64)others * log_degree;
        for (guint i = 0; i < others; i++) {
            guint v = w->order[other][i];
            guint a = find_arc(q->sg, u, v);
            if (a != G_MAXUINT)
                record(q, side, u, v, q->sg->by_node[a]);
        }
    }
}

/* One step on side: relax the shortest pending arc when its key is at most
 * (within the tolerance) the smallest tentative distance, else settle the
 * node of that distance.  The caller checks frontier(q, side) is finite. */
static void advance(Search *q, int side)
{
    RnPathSampler *w = q->w;
    double kn = node_top(q, side), ka = arc_top(q, side);
    q->work[side]++;
    w->operations++;
    if (ka < INFINITY && (isinf(kn) || rn_compare_lengths(ka, kn) <= 0)) {
        guint u = rn_heap_pop(w->arc_heap[side], &q->arc_size[side]).node;
        guint c = w->cursor[side][u]++;
        relax(q, side, u, q->sg->by_length_target[c], q->sg->by_length[c]);
        push_next_arc(q, side, u);
        return;
    }
    guint u = rn_heap_pop(w->heap[side], &q->size[side]).node;
    w->settled[side][u] = 1;
    w->order[side][w->n_order[side]++] = u;
    w->cursor[side][u] = q->g->offset[u];
    record_crossings(q, side, u);
    push_next_arc(q, side, u);
}

/* Walks from node from (excluded) to the root of side over settled
 * predecessors (dist(p) + l = dist(current) within the tolerance), each
 * chosen with probability sigma(p) / sigma(current); writes the nodes to out
 * and returns how many, or G_MAXUINT when a node has none (cannot happen). */
static guint dijkstra_walk(const RnSampleGraph *sg, RnPathSampler *w, int side, guint from,
                           guint64 *state, guint *out)
{
    const RnPathGraph *g = sg->graph;
    const double *dist = w->dist[side], *sigma = w->sigma[side];
    const guint8 *settled = w->settled[side];
    guint k = 0, current = from;
    while (dist[current] != 0.0) {
        Draw d = {.x = rn_random_unit(state) * sigma[current], .chosen = G_MAXUINT};
        guint degree = g->offset[current + 1] - g->offset[current];
        guint log_degree = (guint)g_bit_storage(degree) + 1;
        if (degree <= (guint64)w->n_order[side] * log_degree) {
            w->operations += degree;
            for (guint a = g->offset[current]; a < g->offset[current + 1] && !d.done; a++) {
                guint p = g->target[a];
                if (settled[p] && rn_compare_lengths(dist[p] + g->length[a], dist[current]) == 0)
                    draw_offer(&d, p, sigma[p]);
            }
        } else {
            /* Settled nodes come in order of distance. */
            for (guint i = 0; i < w->n_order[side] && !d.done; i++) {
                guint p = w->order[side][i];
                if (dist[p] >= dist[current])
                    break;
                w->operations += log_degree;
                guint a = find_arc(sg, current, p);
                if (a != G_MAXUINT && rn_compare_lengths(dist[p] + sg->by_node[a], dist[current]) == 0)
                    draw_offer(&d, p, sigma[p]);
            }
        }
        if (d.chosen == G_MAXUINT)
            return G_MAXUINT;
        current = d.chosen;
        out[k++] = current;
    }
    return k;
}

static guint bidirectional_dijkstra(const RnSampleGraph *sg, guint s, guint t, guint64 *state,
                                    RnPathSampler *w, guint *path, double *paths)
{
    Search q = {.sg = sg, .g = sg->graph, .w = w, .mu = INFINITY};
    label_root(w, 0, s);
    label_root(w, 1, t);
    rn_heap_push(w->heap[0], &q.size[0], 0.0, s);
    rn_heap_push(w->heap[1], &q.size[1], 0.0, t);
    /* Until mu is the distance (Goldberg's rule on the frontier keys). */
    for (;;) {
        double top0 = frontier(&q, 0), top1 = frontier(&q, 1);
        if (top0 + top1 >= q.mu)
            break;
        advance(&q, q.work[0] <= q.work[1] ? 0 : 1);
    }
    if (isinf(q.mu))
        return 0;
    double d = q.mu, theta;
    /* Until every node at distance <= d - theta from t is settled from t. */
    for (;;) {
        double top0 = frontier(&q, 0), top1 = frontier(&q, 1);
        theta = MIN(top0, d);
        if (theta <= 0.0) {
            advance(&q, 0); /* s itself */
            continue;
        }
        if (top1 > d - theta + 1e-9 * d)
            break;
        advance(&q, 1);
    }
    const double *dist0 = w->dist[0], *dist1 = w->dist[1];
    double total = 0.0;
    for (guint i = 0; i < q.n_crossing; i++) {
        Crossing *c = &w->crossing[i];
        c->paths = 0.0;
        if (!(dist0[c->u] < theta))
            continue; /* u not in S */
        if (w->settled[0][c->v] && dist0[c->v] < theta)
            continue; /* v in S */
        if (rn_compare_lengths(dist0[c->u] + c->length + dist1[c->v], d) != 0)
            continue;
        c->paths = w->sigma[0][c->u] * w->sigma[1][c->v];
        total += c->paths;
    }
    /* mu is finite, so there is a path: found even when none is drawn. */
    *paths = total > 0.0 ? total : 1.0;
    Draw draw = {.x = rn_random_unit(state) * total, .chosen = G_MAXUINT};
    for (guint i = 0; i < q.n_crossing && !draw.done; i++)
        if (w->crossing[i].paths > 0.0)
            draw_offer(&draw, i, w->crossing[i].paths);
    if (draw.chosen == G_MAXUINT)
        return 0; /* a shortest path leaves S through one of them: cannot happen */
    const Crossing *c = &w->crossing[draw.chosen];
    guint k = 0;
    path[k++] = c->u;
    guint steps = dijkstra_walk(sg, w, 0, c->u, state, path + k);
    if (steps == G_MAXUINT)
        return 0;
    k += steps;
    reverse(path, k);
    path[k++] = c->v;
    steps = dijkstra_walk(sg, w, 1, c->v, state, path + k);
    return steps == G_MAXUINT ? 0 : k + steps;
}

guint rn_sample_shortest_path(const RnSampleGraph *sg, guint s, guint t, guint64 *state,
                              RnPathSampler *w, guint *path, double *paths)
{
    g_return_val_if_fail(sg != NULL && w != NULL && path != NULL && state != NULL, 0);
    g_return_val_if_fail(s < sg->graph->n && t < sg->graph->n && s != t, 0);
    double found = 0.0;
    guint k = sg->weighted ? bidirectional_dijkstra(sg, s, t, state, w, path, &found)
                           : bidirectional_bfs(sg->graph, s, t, state, w, path, &found);
    if (k == 0 && found > 0.0)
        w->failures++;
    if (paths)
        *paths = k > 0 ? found : 0.0;
    reset(w);
    return k;
}
