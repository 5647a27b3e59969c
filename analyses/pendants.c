/*
 * pendants.c — degree-1 removal and the closed-form terms of the removed
 * trees (see pendants.h).
 */
#include "analyses/pendants.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    guint parent;
    double length;
    guint node;
} Leaf;

static int compare_leaves(const void *a, const void *b)
{
    const Leaf *x = a, *y = b;
    if (x->parent != y->parent)
        return x->parent < y->parent ? -1 : 1;
    if (x->length != y->length)
        return x->length < y->length ? -1 : 1;
    return x->node < y->node ? -1 : x->node > y->node;
}

/* Component sizes by breadth-first search.  O(V + E). */
static void components(const RnPathGraph *g, guint *size)
{
    guint n = g->n;
    g_autofree guint *queue = g_new(guint, n + 1);
    g_autofree guint *label = g_new(guint, n + 1);
    for (guint v = 0; v < n; v++)
        label[v] = G_MAXUINT;
    for (guint s = 0; s < n; s++) {
        if (label[s] != G_MAXUINT)
            continue;
        guint head = 0, tail = 0;
        label[s] = s;
        queue[tail++] = s;
        while (head < tail) {
            guint u = queue[head++];
            for (guint k = g->offset[u]; k < g->offset[u + 1]; k++)
                if (label[g->target[k]] == G_MAXUINT) {
                    label[g->target[k]] = s;
                    queue[tail++] = g->target[k];
                }
        }
        for (guint i = 0; i < tail; i++)
            size[queue[i]] = tail;
    }
}

void rn_pendants_find(const RnPathGraph *g, RnPendants *p)
{
    g_return_if_fail(g != NULL && p != NULL);
    guint n = g->n;
    *p = (RnPendants){.n = n};
    p->core_of = g_new(guint, n + 1);
    p->anchor = g_new(guint, n + 1);
    p->parent = g_new(guint, n + 1);
    p->height = g_new0(double, n + 1);
    p->height_hops = g_new0(guint, n + 1);
    p->same_as = g_new(guint, n + 1);
    p->component = g_new(guint, n + 1);
    p->pairs = g_new0(double, n + 1);
    components(g, p->component);

    /* Peeling: a FIFO of nodes whose current degree is 1. */
    g_autofree guint *degree = g_new(guint, n + 1);
    g_autofree guint *queue = g_new(guint, n + 1);
    g_autofree guint *removal = g_new(guint, n + 1); /* removed nodes in order */
    g_autofree gboolean *gone = g_new0(gboolean, n + 1);
    g_autofree double *parent_length = g_new0(double, n + 1);
    guint head = 0, tail = 0;
    for (guint v = 0; v < n; v++) {
        guint d = 0;
        for (guint k = g->offset[v]; k < g->offset[v + 1]; k++)
            d += g->target[k] != v;
        degree[v] = d;
        p->parent[v] = G_MAXUINT;
        if (d == 1)
            queue[tail++] = v;
    }
    while (head < tail) {
        guint u = queue[head++];
        if (degree[u] != 1)
            continue; /* its last neighbour went first: u stays, alone */
        guint k = g->offset[u];
        while (gone[g->target[k]] || g->target[k] == u)
            k++;
        guint v = g->target[k];
        gone[u] = TRUE;
        removal[p->removed++] = u;
        p->parent[u] = v;
        parent_length[u] = g->length[k];
        degree[u] = 0;
        if (--degree[v] == 1)
            queue[tail++] = v;
    }

    /* The core, renumbered in increasing order. */
    guint m = 0;
    for (guint v = 0; v < n; v++)
        p->core_of[v] = gone[v] ? G_MAXUINT : m++;
    p->orig_of = g_new(guint, m + 1);
    p->weight = g_new(double, m + 1);
    RnPathGraph *core = &p->core;
    core->n = m;
    core->offset = g_new(guint, m + 2);
    gsize arcs = 0;
    for (guint v = 0; v < n; v++) {
        if (gone[v])
            continue;
        p->orig_of[p->core_of[v]] = v;
        core->offset[p->core_of[v]] = (guint)arcs;
        for (guint k = g->offset[v]; k < g->offset[v + 1]; k++)
            arcs += !gone[g->target[k]];
    }
    core->offset[m] = (guint)arcs;
    core->target = g_new(guint, arcs + 1);
    core->length = g_new(double, arcs + 1);
    arcs = 0;
    for (guint v = 0; v < n; v++) {
        if (gone[v])
            continue;
        /* Targets stay in increasing order: the renumbering is monotone. */
        for (guint k = g->offset[v]; k < g->offset[v + 1]; k++)
            if (!gone[g->target[k]]) {
                core->target[arcs] = p->core_of[g->target[k]];
                core->length[arcs++] = g->length[k];
            }
    }

    /* Anchors and heights from the root down: a parent was removed after
     * its children, or is a core node. */
    for (guint v = 0; v < n; v++)
        if (!gone[v])
            p->anchor[v] = v;
    for (guint i = p->removed; i-- > 0;) {
        guint u = removal[i], v = p->parent[u];
        p->anchor[u] = p->anchor[v];
        p->height[u] = p->height[v] + parent_length[u];
        p->height_hops[u] = p->height_hops[v] + 1;
    }
    /* Subtree sizes from the leaves up, and the sums of their squares at
     * each parent. */
    g_autofree double *size = g_new(double, n + 1);
    g_autofree double *squares = g_new0(double, n + 1);
    for (guint v = 0; v < n; v++)
        size[v] = 1.0;
    for (guint i = 0; i < p->removed; i++) {
        guint u = removal[i];
        size[p->parent[u]] += size[u];
        squares[p->parent[u]] += size[u] * size[u];
    }
    for (guint v = 0; v < n; v++) {
        /* The part beyond v: everything outside its subtree (for an anchor,
         * outside its tree). */
        double total = p->component[v], beyond = total - size[v];
        p->pairs[v] = (total - 1.0) * (total - 1.0) - squares[v] - beyond * beyond;
        if (!gone[v])
            p->weight[p->core_of[v]] = size[v];
    }

    /* Tree members: the anchor, then its removed nodes root first. */
    p->tree_offset = g_new0(guint, m + 2);
    p->tree_member = g_new(guint, n + 1);
    for (guint v = 0; v < n; v++)
        p->tree_offset[p->core_of[p->anchor[v]] + 1]++;
    for (guint c = 0; c < m; c++)
        p->tree_offset[c + 1] += p->tree_offset[c];
    g_autofree guint *fill = g_memdup2(p->tree_offset, (m + 1) * sizeof(guint));
    for (guint c = 0; c < m; c++)
        p->tree_member[fill[c]++] = p->orig_of[c];
    for (guint i = p->removed; i-- > 0;) {
        guint u = removal[i];
        p->tree_member[fill[p->core_of[p->anchor[u]]]++] = u;
    }

    /* Pendant twins: removed leaves of one parent at one length. */
    for (guint v = 0; v < n; v++)
        p->same_as[v] = v;
    g_autofree Leaf *leaves = g_new(Leaf, p->removed + 1);
    guint l = 0;
    for (guint i = 0; i < p->removed; i++) {
        guint u = removal[i];
        if (size[u] == 1.0)
            leaves[l++] = (Leaf){p->parent[u], parent_length[u], u};
    }
    qsort(leaves, l, sizeof *leaves, compare_leaves);
    for (guint i = 1; i < l; i++)
        if (leaves[i].parent == leaves[i - 1].parent && leaves[i].length == leaves[i - 1].length)
            p->same_as[leaves[i].node] = p->same_as[leaves[i - 1].node];
}

void rn_pendants_clear(RnPendants *p)
{
    g_return_if_fail(p != NULL);
    g_free(p->core.offset);
    g_free(p->core.target);
    g_free(p->core.length);
    g_free(p->core_of);
    g_free(p->orig_of);
    g_free(p->weight);
    g_free(p->tree_offset);
    g_free(p->tree_member);
    g_free(p->anchor);
    g_free(p->parent);
    g_free(p->height);
    g_free(p->height_hops);
    g_free(p->same_as);
    g_free(p->component);
    g_free(p->pairs);
    *p = (RnPendants){0};
}

typedef struct {
    guint node, from;
    double dist;
    guint hops;
} Step;

void rn_pendants_source(const RnPendants *p, const RnPathGraph *g, guint s, const guint *order,
                        guint reached, const double *dist, const guint *hops,
                        const RnPendantSums *sums)
{
    g_return_if_fail(p != NULL && g != NULL && order != NULL && dist != NULL && sums != NULL);
    guint c = p->orig_of[s];
    guint first = p->tree_offset[s], last = p->tree_offset[s + 1];
    g_autofree Step *stack = last - first > 1 ? g_new(Step, last - first) : NULL;
    for (guint i = first; i < last; i++) {
        guint x = p->tree_member[i];
        if (p->same_as[x] != x)
            continue; /* copied from its pendant twin below */
        double hx = p->height[x], harmonic = 0.0, sum = 0.0, max = 0.0, hop_sum = 0.0;
        guint hx_hops = p->height_hops[x], hop_max = 0;
        /* Targets outside T(c), through c. */
        for (guint j = 1; j < reached; j++) {
            guint d = order[j];
            double base = hx + dist[d];
            guint base_hops = hops ? hx_hops + hops[d] : 0;
            if (p->weight[d] == 1.0) {
                /* d stands for itself (height 0): most targets, no tree to read */
                harmonic += 1.0 / base;
                sum += base;
                if (base > max)
                    max = base;
                if (hops) {
                    hop_sum += base_hops;
                    if (base_hops > hop_max)
                        hop_max = base_hops;
                }
                continue;
            }
            for (guint k = p->tree_offset[d]; k < p->tree_offset[d + 1]; k++) {
                guint y = p->tree_member[k];
                double e = base + p->height[y];
                harmonic += 1.0 / e;
                sum += e;
                if (e > max)
                    max = e;
                if (hops) {
                    guint h = base_hops + p->height_hops[y];
                    hop_sum += h;
                    if (h > hop_max)
                        hop_max = h;
                }
            }
        }
        /* Targets inside T(c): depth-first along the tree, lengths summed
         * from x as a pass from x would. */
        if (stack) {
            guint top = 0;
            stack[top++] = (Step){x, G_MAXUINT, 0.0, 0};
            while (top > 0) {
                Step at = stack[--top];
                if (at.node != x) {
                    harmonic += 1.0 / at.dist;
                    sum += at.dist;
                    if (at.dist > max)
                        max = at.dist;
                    hop_sum += at.hops;
                    if (at.hops > hop_max)
                        hop_max = at.hops;
                }
                for (guint k = g->offset[at.node]; k < g->offset[at.node + 1]; k++) {
                    guint y = g->target[k];
                    if (y != at.from && p->anchor[y] == c && y != at.node)
                        stack[top++] = (Step){y, at.node, at.dist + g->length[k], at.hops + 1};
                }
            }
        }
        double total = p->component[x];
        sums->harmonic[x] = harmonic;
        sums->closeness[x] = total > 1 ? ((total - 1.0) / (p->n - 1.0)) * ((total - 1.0) / sum)
                                       : 0.0;
        sums->dist_sum[x] = sum;
        sums->dist_max[x] = max;
        if (hops) {
            sums->hop_sum[x] = hop_sum;
            sums->hop_max[x] = hop_max;
        }
    }
    /* Pendant twins take their first twin's figures. */
    for (guint i = first; i < last; i++) {
        guint x = p->tree_member[i], t = p->same_as[x];
        if (t == x)
            continue;
        sums->harmonic[x] = sums->harmonic[t];
        sums->closeness[x] = sums->closeness[t];
        sums->dist_sum[x] = sums->dist_sum[t];
        sums->dist_max[x] = sums->dist_max[t];
        if (hops) {
            sums->hop_sum[x] = sums->hop_sum[t];
            sums->hop_max[x] = sums->hop_max[t];
        }
    }
}
