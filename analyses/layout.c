/*
 * layout.c — the network drawing's node positions (see layout.h).
 */
#include "analyses/layout.h"

#include <math.h>
#include <stdlib.h>

#include "analyses/igraph_adapter.h"

/* Union-find root of i, halving paths. */
static guint find(guint *root, guint i)
{
    while (root[i] != i) {
        root[i] = root[root[i]];
        i = root[i];
    }
    return i;
}

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

double *rn_layout_network(const RnNetwork *network, guint64 seed, GError **error)
{
    g_return_val_if_fail(network != NULL, NULL);
    g_return_val_if_fail(error == NULL || *error == NULL, NULL);
    guint n = network->nodes->len;
    if (n == 0)
        return NULL;
    double *xy = rn_igraph_layout_fr(network, seed, RN_LAYOUT_ITERATIONS, error);
    if (!xy)
        return NULL;
    /* Only the largest connected component is drawn (the smallest index
     * wins a tie): Fruchterman-Reingold scatters isolates and small
     * components around it, and they would shrink it to a dot.  The rest
     * get NAN.  Then the component is rescaled by the 1st and 99th
     * percentiles of each axis, the few beyond pinned to the edge. */
    g_autofree guint *root = g_new(guint, n);
    for (guint i = 0; i < n; i++)
        root[i] = i;
    for (guint e = 0; e < network->edges->len; e++) {
        const RnEdge *edge = &g_array_index(network->edges, RnEdge, e);
        guint a = find(root, edge->source), b = find(root, edge->target);
        if (a != b)
            root[MAX(a, b)] = MIN(a, b);
    }
    g_autofree guint *size = g_new0(guint, n);
    guint best = 0;
    for (guint i = 0; i < n; i++) {
        guint r = find(root, i);
        size[r]++;
        if (size[r] > size[best] || (size[r] == size[best] && r < best))
            best = r;
    }
    guint kept = 0;
    for (guint i = 0; i < n; i++)
        if (find(root, i) != best)
            xy[2 * i] = xy[2 * i + 1] = NAN;
        else
            kept++;
    g_autofree double *sorted = g_new(double, kept);
    for (guint axis = 0; axis < 2; axis++) {
        guint k = 0;
        for (guint i = 0; i < n; i++)
            if (!isnan(xy[2 * i + axis]))
                sorted[k++] = xy[2 * i + axis];
        qsort(sorted, kept, sizeof(double), compare_doubles);
        double lo = sorted[(gsize)floor(0.01 * (kept - 1))];
        double hi = sorted[(gsize)ceil(0.99 * (kept - 1))];
        for (guint i = 0; i < n; i++)
            if (!isnan(xy[2 * i + axis]))
                xy[2 * i + axis] = hi > lo ? fmin(1.0, fmax(0.0, (xy[2 * i + axis] - lo) / (hi - lo)))
                                           : 0.5;
    }
    return xy;
}
