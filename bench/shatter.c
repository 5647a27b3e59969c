/*
 * shatter.c — benchmark: how much would solving each biconnected component
 * alone ("shattering", Puzis et al. 2012; Sariyüce et al. 2013) save beyond
 * degree-1 removal and twins?  Loads a dataset, builds its organisation
 * network (weight = shared projects), removes degree-1 nodes, finds the
 * blocks of what remains and prints their sizes; then times the exact pass
 * (every reduction, betweenness, harmonic, closeness) on the largest block
 * alone, the part shattering cannot avoid, and, unless --block-only, on the
 * whole network.  1 - block/whole bounds the share of the pass shattering
 * could save (the other blocks and the cross-component terms cost extra).
 * Usage: shatter DATASET [THREADS] [--block-only | --count]  (--count: the
 * sizes only, no pass)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "analyses/analysis.h"
#include "analyses/biconnected.h"
#include "analyses/pendants.h"
#include "analyses/twins.h"
#include "engine/error.h"
#include "engine/network.h"
#include "loaders/loaders.h"

/* Runs the exact pass and returns its CPU seconds; prints them unless what
 * is NULL (the many small blocks). */
static double timed_pass(const char *what, const RnNetwork *net, guint threads)
{
    guint n = net->nodes->len;
    g_autofree gboolean *scope = g_new(gboolean, n + 1);
    for (guint v = 0; v < n; v++)
        scope[v] = TRUE;
    RnPathOptions options = {.alpha = 1.0, .threads = threads, .betweenness = TRUE};
    RnPathResult result;
    g_autoptr(GTimer) timer = g_timer_new();
    clock_t start = clock();
    rn_paths_run(net, &options, scope, &result);
    double cpu = (double)(clock() - start) / CLOCKS_PER_SEC;
    if (what)
        printf("pass on %s: %u nodes, %u edges, %u sources (%u degree-1 removed, %u twins "
               "merged): CPU %.2f s, wall %.2f s, %u thread(s)\n",
               what, n, net->edges->len, result.sources, result.degree1_removed,
               result.open_twins_merged + result.closed_twins_merged, cpu,
               g_timer_elapsed(timer, NULL), threads);
    rn_path_result_clear(&result);
    return cpu;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: shatter DATASET [THREADS] [--block-only | --count]\n");
        return 2;
    }
    guint threads = argc > 2 ? (guint)atoi(argv[2]) : 2;
    gboolean block_only = argc > 3 && strcmp(argv[3], "--block-only") == 0;
    gboolean count_only = argc > 3 && strcmp(argv[3], "--count") == 0;
    g_autoptr(GError) error = NULL;
    g_autoptr(RnModel) model = rn_model_new();
    g_autofree char *name = NULL;
    RnLoadOptions load = {0};
    if (!rn_load_dataset(model, argv[1], &load, &name, &error)) {
        fprintf(stderr, "shatter: %s\n", error->message);
        return error->code;
    }
    RnNetworkSpec spec = {.kind = RN_NETWORK_ORG};
    g_autoptr(RnNetwork) net = rn_network_build(model, &spec, &error);
    if (!net) {
        fprintf(stderr, "shatter: %s\n", error->message);
        return error->code;
    }
    RnPathGraph graph;
    rn_path_graph_build(net, 1.0, &graph);
    RnPendants pendants;
    rn_pendants_find(&graph, &pendants);
    RnBiconnected whole, core;
    rn_biconnected_find(&graph, &whole);
    rn_biconnected_find(&pendants.core, &core);
    printf("%s: %u nodes, %u edges; %u degree-1 removed, core %u nodes, %u arcs/2; "
           "%u articulation points (%u in the core), %u blocks (%u in the core); "
           "largest block %u nodes, %u edges (%.1f%% of the core's nodes, %.1f%% of its "
           "edges)\n",
           name, graph.n, net->edges->len, pendants.removed, pendants.core.n,
           pendants.core.offset[pendants.core.n] / 2, whole.articulation_points,
           core.articulation_points, whole.blocks, core.blocks, core.largest_nodes,
           core.largest_edges, 100.0 * core.largest_nodes / pendants.core.n,
           200.0 * core.largest_edges / pendants.core.offset[pendants.core.n]);

    /* Sources (twin classes of the core) in the largest block's component,
     * and how many of them lie outside the block: at most what shattering
     * could take off the big pass (each such source costs about as much as
     * one in the block). */
    {
        guint m = pendants.core.n;
        g_autofree gboolean *alone = g_new(gboolean, m + 1);
        for (guint v = 0; v < m; v++)
            alone[v] = pendants.weight[v] == 1.0;
        RnTwins twins;
        rn_twins_find_among(&pendants.core, alone, &twins);
        g_autofree gboolean *in_block = g_new0(gboolean, m + 1);
        for (guint i = 0; i < core.largest_nodes; i++)
            in_block[core.largest[i]] = TRUE;
        guint anchor = pendants.orig_of[core.largest[0]];
        guint sources = 0, outside = 0, nodes = 0;
        for (guint v = 0; v < m; v++) {
            if (pendants.component[pendants.orig_of[v]] != pendants.component[anchor])
                continue; /* sizes equal is not the same component; checked below */
            nodes++;
            if (twins.rep[v] == v) {
                sources++;
                outside += !in_block[v];
            }
        }
        printf("the largest block's component (%u nodes in all, %u in the core, sizes "
               "matched): %u sources after twins, %u of them outside the block (%.1f%%)\n",
               pendants.component[anchor], nodes, sources, outside, 100.0 * outside / sources);
        rn_twins_clear(&twins);
    }
    if (count_only) {
        rn_biconnected_clear(&whole);
        rn_biconnected_clear(&core);
        rn_pendants_clear(&pendants);
        rn_path_graph_clear(&graph);
        return 0;
    }
    /* Every block of the core as a network of its own, the largest first. */
    g_autofree guint *index = g_new(guint, graph.n + 1);
    for (guint v = 0; v < graph.n; v++)
        index[v] = G_MAXUINT;
    guint largest = 0;
    for (guint b = 0; b < core.blocks; b++)
        if (core.block_offset[b + 1] - core.block_offset[b] == core.largest_nodes) {
            largest = b;
            break;
        }
    double t_block = 0.0, t_blocks = 0.0;
    guint timed = 0;
    for (guint k = 0; k < core.blocks; k++) {
        guint b = k == 0 ? largest : k == largest ? 0 : k;
        guint first = core.block_offset[b], size = core.block_offset[b + 1] - first;
        if (size < 3 && k > 0)
            continue; /* a bridge: one pair, nothing to time */
        g_autoptr(RnNetwork) block = rn_network_new(RN_NETWORK_ORG);
        for (guint i = 0; i < size; i++) {
            guint v = pendants.orig_of[core.block_nodes[first + i]];
            index[v] = i;
            const RnNode *from = &g_array_index(net->nodes, RnNode, v);
            RnNode node = {.id = g_strdup(from->id), .label = g_strdup(from->label),
                           .country = g_strdup(from->country), .sector = g_strdup(from->sector),
                           .region = g_strdup(from->region)};
            g_array_append_val(block->nodes, node);
        }
        for (guint e = 0; e < net->edges->len; e++) {
            RnEdge edge = g_array_index(net->edges, RnEdge, e);
            if (index[edge.source] == G_MAXUINT || index[edge.target] == G_MAXUINT)
                continue;
            edge.source = index[edge.source];
            edge.target = index[edge.target];
            g_array_append_val(block->edges, edge);
        }
        for (guint i = 0; i < size; i++)
            index[pendants.orig_of[core.block_nodes[first + i]]] = G_MAXUINT;
        if (k == 0) {
            t_block = timed_pass("the largest block", block, threads);
            t_blocks = t_block;
        } else if (!block_only) {
            t_blocks += timed_pass(NULL, block, threads);
            timed++;
        }
    }
    if (!block_only) {
        printf("passes on every block of 3 nodes or more (%u besides the largest): CPU %.2f s\n",
               timed, t_blocks);
        double t_whole = timed_pass("the whole network", net, threads);
        printf("shattering could save at most %.1f%% of the pass's CPU (largest block alone), "
               "%.1f%% with every block's pass (cross-component terms not counted)\n",
               100.0 * (1.0 - t_block / t_whole), 100.0 * (1.0 - t_blocks / t_whole));
    }
    rn_biconnected_clear(&whole);
    rn_biconnected_clear(&core);
    rn_pendants_clear(&pendants);
    rn_path_graph_clear(&graph);
    return 0;
}
