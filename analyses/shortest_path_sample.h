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
#include "analyses/random.h"

/* The graph a sample runs on: the path graph and, with lengths, each node's
 * arcs in increasing order of neighbour and again of length (ties by
 * neighbour), within offset[v] .. offset[v + 1]. */
typedef struct {
    const RnPathGraph *graph;
    gboolean weighted;       /* FALSE: every arc has length 1 (alpha = 0) */
    const guint *by_node_target; /* the graph's arcs when sorted, else owned_by_node_* */
    const double *by_node;
    guint *by_length_target;
    double *by_length;
    guint *owned_by_node_target;
    double *owned_by_node;
} RnSampleGraph;

/* Prepares graph for sampling (weighted FALSE: breadth-first, lengths 1).
 * graph must outlive sample.  Time complexity: O(E log V) with lengths,
 * O(1) without. */
void rn_sample_graph_build(const RnPathGraph *graph, gboolean weighted, RnSampleGraph *sample);
void rn_sample_graph_clear(RnSampleGraph *sample);

/* Scratch space of one thread (two searches: from s and from t). */
typedef struct {
    guint n;
    double *dist[2];    /* INFINITY when unreached */
    double *sigma[2];   /* shortest paths from the side's root */
    guint8 *settled[2];
    guint *touched[2];  /* reached nodes; the BFS queue */
    guint n_touched[2];
    guint *order[2];    /* settled nodes in settling order (Dijkstra) */
    guint n_order[2];
    guint *cursor[2];   /* next arc of a settled node to relax (by length) */
    RnHeapItem *heap[2];     /* tentative distances */
    RnHeapItem *arc_heap[2]; /* next arc of each settled node, keyed by dist + length */
    struct RnCrossing *crossing; /* arcs between the two settled sets */
    guint64 operations;   /* arcs relaxed or tested, nodes settled (measurements) */
    guint64 failures;     /* draws that found a path but could not draw one: none
                           * unless the tolerance's equalities are not
                           * transitive on this graph (tests check 0) */
} RnPathSampler;

/* Allocates scratch for graph (released by rn_path_sampler_clear()).
 * Time complexity: O(V); memory O(V + E) (mostly untouched). */
void rn_path_sampler_init(const RnPathGraph *graph, RnPathSampler *sampler);
void rn_path_sampler_clear(RnPathSampler *sampler);

/*
 * Draws one shortest path from s to t (s != t, both < n) uniformly among all
 * shortest s-t paths, using random numbers from *state.  On return
 * path[0 .. k) holds the k nodes of the path from s to t (path needs room for
 * n nodes) and *paths (if not NULL) the number of shortest s-t paths;
 * returns k, or 0 when t is not reachable from s (*paths = 0).
 * Time complexity: O(E + V log V) worst case; on social networks the two
 * balanced searches meet after a small part of the graph, and with lengths
 * only the arcs shorter than each search's radius are relaxed.
 */
guint rn_sample_shortest_path(const RnSampleGraph *graph, guint s, guint t, guint64 *state,
                              RnPathSampler *sampler, guint *path, double *paths);

#endif
