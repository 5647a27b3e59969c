/*
 * path_graph.h — the adjacency the shortest-path kernels run on (the exact
 * pass, paths.c, and the betweenness sample, betweenness_sample.c): arcs
 * with their lengths 1/weight^alpha, the tolerant comparison of path
 * lengths (analysis.h) and a binary heap keyed by distance.
 * Internal to analyses/.
 */
#ifndef REGNET_PATH_GRAPH_H
#define REGNET_PATH_GRAPH_H

#include <math.h>

#include "analyses/analysis.h"
#include "engine/adjacency.h"

#define RN_PATH_EPSILON 1e-10

typedef struct {
    guint n;
    guint *offset;   /* n + 1 */
    guint *target;   /* 2E */
    double *length;  /* 2E: 1 / weight^alpha (1 when alpha = 0) */
    RnAdjacency arcs;/* owns offset and target */
} RnPathGraph;

/* Builds the arcs of network with their lengths.  Time complexity: O(V + E). */
void rn_path_graph_build(const RnNetwork *network, double alpha, RnPathGraph *graph);
void rn_path_graph_clear(RnPathGraph *graph);

/* igraph_cmp_epsilon's rule: equal when |a-b| < eps (|a| + |b|). */
static inline int rn_compare_lengths(double a, double b)
{
    if (a == b)
        return 0;
    double diff = fabs(a - b);
    if (diff < RN_PATH_EPSILON * (fabs(a) + fabs(b)))
        return 0;
    return a < b ? -1 : 1;
}

typedef struct {
    double key;
    guint node;
} RnHeapItem;

static inline gboolean rn_heap_less(const RnHeapItem *a, const RnHeapItem *b)
{
    return a->key < b->key || (a->key == b->key && a->node < b->node);
}

/* Binary min-heap in heap[0 .. *size); the caller sizes heap for every push
 * (at most 2E + 1 without decrease-key). */
static inline void rn_heap_push(RnHeapItem *heap, guint *size, double key, guint node)
{
    guint i = (*size)++;
    RnHeapItem item = {key, node};
    while (i > 0) {
        guint parent = (i - 1) / 2;
        if (!rn_heap_less(&item, &heap[parent]))
            break;
        heap[i] = heap[parent];
        i = parent;
    }
    heap[i] = item;
}

static inline RnHeapItem rn_heap_pop(RnHeapItem *heap, guint *size)
{
    RnHeapItem top = heap[0], last = heap[--(*size)];
    guint i = 0;
    for (;;) {
        guint child = 2 * i + 1;
        if (child >= *size)
            break;
        if (child + 1 < *size && rn_heap_less(&heap[child + 1], &heap[child]))
            child++;
        if (!rn_heap_less(&heap[child], &last))
            break;
        heap[i] = heap[child];
        i = child;
    }
    if (*size > 0)
        heap[i] = last;
    return top;
}

#endif
