/*
 * shortest_path_sample.h — one shortest s-t path drawn uniformly at random
 * among all shortest s-t paths, by a balanced bidirectional search (Borassi
 * and Natale 2019, "KADABRA is an ADaptive Algorithm for Betweenness via
 * Random Approximation", ACM JEA 24; ESA 2016), and the seeded generator the
 * betweenness sample draws with.  Internal to analyses/ (and its tests).
 *
 * The shortest paths are those of the exact pass (paths.c): path lengths
 * within a relative 1e-10 of each other (rn_compare_lengths) count as equal.
 * docs/paths.md gives the stopping rule and why each shortest path is counted
 * exactly once.
 */
#ifndef REGNET_SHORTEST_PATH_SAMPLE_H
#define REGNET_SHORTEST_PATH_SAMPLE_H

#include "analyses/path_graph.h"

/* SplitMix64 (Steele, Lea and Flood 2014): the next value of *state. */
static inline guint64 rn_splitmix64(guint64 *state)
{
    guint64 z = (*state += G_GUINT64_CONSTANT(0x9E3779B97F4A7C15));
    z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

/* Uniform in [0, bound), bound > 0, without modulo bias. */
static inline guint64 rn_uniform_below(guint64 *state, guint64 bound)
{
    guint64 limit = G_MAXUINT64 - G_MAXUINT64 % bound;
    guint64 x;
    do
        x = rn_splitmix64(state);
    while (x >= limit);
    return x % bound;
}

/* Uniform in [0, 1) with 53 random bits. */
static inline double rn_uniform01(guint64 *state)
{
    return (double)(rn_splitmix64(state) >> 11) * (1.0 / 9007199254740992.0);
}

/* Scratch space of one thread (two searches: from s and from t). */
typedef struct {
    guint n;
    double *dist[2];    /* INFINITY when unreached */
    double *sigma[2];   /* shortest paths from the side's root */
    guint8 *settled[2];
    guint *touched[2];  /* reached nodes; the BFS queue */
    guint n_touched[2];
    RnHeapItem *heap[2];
    struct RnCrossing *crossing; /* arcs between the two settled sets */
    guint64 arcs_scanned; /* total over the calls, for measurements */
    guint64 failures;     /* draws that found paths but no path to draw: none
                           * unless the tolerance's equalities are not
                           * transitive on this graph (tests check 0) */
} RnPathSampler;

/* Allocates scratch for graph (released by rn_path_sampler_clear()).
 * Time complexity: O(V); memory O(V + E) (mostly untouched). */
void rn_path_sampler_init(const RnPathGraph *graph, RnPathSampler *sampler);
void rn_path_sampler_clear(RnPathSampler *sampler);

/*
 * Draws one shortest path from s to t (s != t, both < graph->n) uniformly
 * among all shortest s-t paths, using random numbers from *state.
 * weighted FALSE: every arc has length 1 (breadth-first, alpha = 0);
 * TRUE: the arc lengths of graph (Dijkstra).  On return path[0 .. k) holds
 * the k nodes of the path from s to t (path needs room for graph->n nodes)
 * and *paths (if not NULL) the number of shortest s-t paths; returns k, or 0
 * when t is not reachable from s (*paths = 0).
 * Time complexity: O(E + V log V) worst case; on social networks the two
 * balanced searches meet after a small part of the graph.
 */
guint rn_sample_shortest_path(const RnPathGraph *graph, gboolean weighted, guint s, guint t,
                              guint64 *state, RnPathSampler *sampler, guint *path,
                              double *paths);

#endif
