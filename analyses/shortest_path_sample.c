/*
 * shortest_path_sample.c — a uniformly drawn shortest s-t path by balanced
 * bidirectional search (Borassi and Natale 2019, KADABRA); see
 * shortest_path_sample.h and docs/paths.md ("One shortest path, drawn
 * uniformly").
 *
 * Side 0 searches from s, side 1 from t (the graph is undirected, so the
 * search from t follows the arcs backwards).  Each side is exactly the exact
 * pass's search from its root (paths.c: the same relaxations, tolerance and
 * path counts), truncated.
 *
 * Breadth-first (alpha = 0): whole levels are expanded, each time on the
 * side whose frontier has the smaller sum of degrees.  When expanding a
 * level a -> a + 1 of one side labels a node already labelled by the other
 * side (complete up to its level b), d(s,t) = a + b + 1, and every shortest
 * path has exactly one node at distance a + 1 from the expanding side's root;
 * those nodes x (labelled by both sides) carry sigma_side(x) sigma_other(x)
 * paths each.
 *
 * Dijkstra: nodes are settled one at a time on the side that has scanned
 * fewer arcs, keeping mu, the shortest s-t length seen through a scanned arc;
 * once top_0 + top_1 >= mu (the smallest keys left in the two heaps), mu is
 * d(s,t) (Goldberg and Harrelson's rule).  Then with theta = min(top_0, d),
 * S = {u settled from s: dist_0(u) < theta} holds every node with distance
 * below theta from s (and none at theta or beyond); the search from t is
 * continued until its smallest key exceeds d - theta (plus 1e-9 d for
 * rounding), so every node v of a shortest path outside S (dist_0(v) >=
 * theta, so dist_1(v) = d - dist_0(v) <= d - theta) is settled from t.
 * Distances from s increase along a shortest path, so the path leaves S
 * through exactly one arc (u, v), u in S, v not in S, and
 * dist_0(u) + l(u,v) + dist_1(v) = d: the number of shortest paths is the
 * sum of sigma_0(u) sigma_1(v) over such arcs, each path counted once.  The
 * arcs between a node settled from s and one settled from t are recorded
 * when the second of the two is settled.
 *
 * Drawing: a meeting node (or arc) with probability proportional to its
 * paths, then from it back to s choosing each predecessor p with probability
 * sigma_0(p) / sigma_0(current), and on to t likewise with sigma_1: every
 * shortest path has probability 1 / (number of shortest paths).
 */
#include <math.h>
#include <string.h>

#include "analyses/shortest_path_sample.h"

struct RnCrossing {
    guint u, v;      /* u settled from s, v settled from t, arc u-v */
    double length;
    double paths;    /* sigma_0(u) sigma_1(v) when on a shortest path, else 0 */
};
typedef struct RnCrossing Crossing;

void rn_path_sampler_init(const RnPathGraph *g, RnPathSampler *w)
{
    guint n = g->n;
    gsize m2 = g->offset[n];
    *w = (RnPathSampler){.n = n};
    for (int side = 0; side < 2; side++) {
        w->dist[side] = g_new(double, n + 1);
        w->sigma[side] = g_new(double, n + 1);
        w->settled[side] = g_new0(guint8, n + 1);
        w->touched[side] = g_new(guint, n + 1);
        w->heap[side] = g_new(RnHeapItem, m2 + 2);
        for (guint v = 0; v < n; v++)
            w->dist[side][v] = INFINITY;
    }
    w->crossing = g_new(Crossing, m2 + 1);
}

void rn_path_sampler_clear(RnPathSampler *w)
{
    for (int side = 0; side < 2; side++) {
        g_free(w->dist[side]);
        g_free(w->sigma[side]);
        g_free(w->settled[side]);
        g_free(w->touched[side]);
        g_free(w->heap[side]);
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
    }
}

static inline void label_root(RnPathSampler *w, int side, guint root)
{
    w->dist[side][root] = 0.0;
    w->sigma[side][root] = 1.0;
    w->touched[side][w->n_touched[side]++] = root;
}

/* Walks from node from (excluded) to the root of side, each step to a
 * predecessor p (dist(p) + l = dist(current), within the tolerance) chosen
 * with probability sigma(p) / sigma(current); writes the nodes to out and
 * returns how many. */
static guint walk_to_root(const RnPathGraph *g, gboolean weighted, const RnPathSampler *w,
                          int side, guint from, guint64 *state, guint *out)
{
    const double *dist = w->dist[side], *sigma = w->sigma[side];
    const guint8 *settled = weighted ? w->settled[side] : NULL;
    guint k = 0, current = from;
    while (dist[current] != 0.0) {
        double x = rn_uniform01(state) * sigma[current], acc = 0.0;
        guint chosen = G_MAXUINT;
        for (guint a = g->offset[current]; a < g->offset[current + 1]; a++) {
            guint p = g->target[a];
            if (isinf(dist[p]) || (settled && !settled[p]))
                continue;
            double l = weighted ? g->length[a] : 1.0;
            if (rn_compare_lengths(dist[p] + l, dist[current]) != 0)
                continue;
            chosen = p; /* the last predecessor if rounding leaves x beyond the sum */
            acc += sigma[p];
            if (x < acc)
                break;
        }
        if (chosen == G_MAXUINT)
            return G_MAXUINT; /* no predecessor: cannot happen (see rn_path_sampler) */
        current = chosen;
        out[k++] = current;
    }
    return k;
}

static void reverse(guint *a, guint k)
{
    for (guint i = 0, j = k; i + 1 < j; i++, j--) {
        guint x = a[i];
        a[i] = a[j - 1];
        a[j - 1] = x;
    }
}

/* The path s .. a [, b] .. t: a's side-0 chain reversed, then b's side-1 chain. */
static guint assemble(const RnPathGraph *g, gboolean weighted, const RnPathSampler *w, guint a,
                      guint b, guint64 *state, guint *path)
{
    guint k = 0;
    path[k++] = a;
    guint steps = walk_to_root(g, weighted, w, 0, a, state, path + k);
    if (steps == G_MAXUINT)
        return 0;
    k += steps;
    reverse(path, k);
    if (b != a)
        path[k++] = b;
    steps = walk_to_root(g, weighted, w, 1, b, state, path + k);
    return steps == G_MAXUINT ? 0 : k + steps;
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
        w->arcs_scanned += volume[side];
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
    double r = rn_uniform01(state) * total, acc = 0.0;
    guint chosen = G_MAXUINT;
    for (guint i = lo[side]; i < hi[side]; i++) {
        guint x = level[i];
        if (isinf(w->dist[other][x]))
            continue;
        chosen = x;
        acc += w->sigma[side][x] * w->sigma[other][x];
        if (r < acc)
            break;
    }
    *paths = total;
    if (chosen == G_MAXUINT)
        return 0;
    return assemble(g, FALSE, w, chosen, chosen, state, path);
}

/* The smallest valid key of side's heap (stale entries dropped), or
 * INFINITY when it is empty. */
static double top_key(RnPathSampler *w, int side, guint *size)
{
    RnHeapItem *heap = w->heap[side];
    while (*size > 0) {
        guint v = heap[0].node;
        if (!w->settled[side][v] && heap[0].key == w->dist[side][v])
            return heap[0].key;
        rn_heap_pop(heap, size);
    }
    return INFINITY;
}

/* Settles the top node of side (top_key() was called): the exact pass's
 * relaxation, plus mu and the crossing arcs. */
static void settle(const RnPathGraph *g, RnPathSampler *w, int side, guint *size, double *mu,
                   guint *n_crossing, guint64 *work)
{
    int other = 1 - side;
    RnHeapItem top = rn_heap_pop(w->heap[side], &size[side]);
    guint u = top.node;
    double *dist = w->dist[side], *sigma = w->sigma[side];
    const double *odist = w->dist[other];
    guint8 *settled = w->settled[side];
    const guint8 *osettled = w->settled[other];
    settled[u] = 1;
    double du = dist[u];
    guint first = g->offset[u], last = g->offset[u + 1];
    work[side] += last - first;
    w->arcs_scanned += last - first;
    for (guint a = first; a < last; a++) {
        guint v = g->target[a];
        double nd = du + g->length[a];
        if (osettled[v]) {
            Crossing *c = &w->crossing[(*n_crossing)++];
            *c = side == 0 ? (Crossing){.u = u, .v = v, .length = g->length[a]}
                           : (Crossing){.u = v, .v = u, .length = g->length[a]};
        }
        if (!isinf(odist[v]) && nd + odist[v] < *mu)
            *mu = nd + odist[v];
        if (settled[v])
            continue;
        gboolean unseen = isinf(dist[v]);
        int c = unseen ? -1 : rn_compare_lengths(nd, dist[v]);
        if (c < 0) {
            if (unseen)
                w->touched[side][w->n_touched[side]++] = v;
            dist[v] = nd;
            sigma[v] = sigma[u];
            rn_heap_push(w->heap[side], &size[side], nd, v);
        } else if (c == 0) {
            sigma[v] += sigma[u];
        }
    }
}

static guint bidirectional_dijkstra(const RnPathGraph *g, guint s, guint t, guint64 *state,
                                    RnPathSampler *w, guint *path, double *paths)
{
    guint size[2] = {0, 0}, n_crossing = 0;
    guint64 work[2] = {0, 0};
    double mu = INFINITY;
    label_root(w, 0, s);
    label_root(w, 1, t);
    rn_heap_push(w->heap[0], &size[0], 0.0, s);
    rn_heap_push(w->heap[1], &size[1], 0.0, t);
    /* Until mu is the distance. */
    for (;;) {
        double top0 = top_key(w, 0, &size[0]), top1 = top_key(w, 1, &size[1]);
        if (top0 + top1 >= mu)
            break;
        settle(g, w, work[0] <= work[1] ? 0 : 1, size, &mu, &n_crossing, work);
    }
    if (isinf(mu))
        return 0;
    double d = mu, theta;
    /* Until every node at distance <= d - theta from t is settled from t. */
    for (;;) {
        double top0 = top_key(w, 0, &size[0]), top1 = top_key(w, 1, &size[1]);
        theta = MIN(top0, d);
        if (theta <= 0.0) {
            settle(g, w, 0, size, &mu, &n_crossing, work); /* s itself */
            continue;
        }
        if (top1 > d - theta + 1e-9 * d)
            break;
        settle(g, w, 1, size, &mu, &n_crossing, work);
    }
    const double *dist0 = w->dist[0], *dist1 = w->dist[1];
    double total = 0.0;
    for (guint i = 0; i < n_crossing; i++) {
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
    double r = rn_uniform01(state) * total, acc = 0.0;
    const Crossing *chosen = NULL;
    for (guint i = 0; i < n_crossing; i++) {
        if (w->crossing[i].paths == 0.0)
            continue;
        chosen = &w->crossing[i];
        acc += chosen->paths;
        if (r < acc)
            break;
    }
    *paths = total;
    if (chosen == NULL) {
        *paths = 1.0; /* mu is finite, so there is a path: counted as a failure */
        return 0;     /* a shortest path leaves S through one of them: cannot happen */
    }
    return assemble(g, TRUE, w, chosen->u, chosen->v, state, path);
}

guint rn_sample_shortest_path(const RnPathGraph *g, gboolean weighted, guint s, guint t,
                              guint64 *state, RnPathSampler *w, guint *path, double *paths)
{
    g_return_val_if_fail(g != NULL && w != NULL && path != NULL && state != NULL, 0);
    g_return_val_if_fail(s < g->n && t < g->n && s != t, 0);
    double found = 0.0;
    guint k = weighted ? bidirectional_dijkstra(g, s, t, state, w, path, &found)
                       : bidirectional_bfs(g, s, t, state, w, path, &found);
    if (k == 0 && found > 0.0)
        w->failures++;
    if (paths)
        *paths = k > 0 ? found : 0.0;
    reset(w);
    return k;
}
