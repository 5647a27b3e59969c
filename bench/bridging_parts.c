/*
 * bridging_parts.c — benchmark: each bridging measure of `regnet analyze --group`
 * timed on its own (CPU time of the process's threads and wall time), so that each
 * can be set beside its fastest peer (bench/bridging.py).  Loads DATASET, builds
 * the region network at LEVEL (or the organisation network with "org"), groups it
 * by GROUP, then runs each measure REPS times and prints the median.
 * Usage: bridging_parts DATASET region|org LEVEL GROUP [REPS]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "analyses/bridging.h"
#include "engine/error.h"
#include "engine/grouping.h"
#include "engine/network.h"
#include "loaders/loaders.h"

static double now(clockid_t clock)
{
    struct timespec t;
    clock_gettime(clock, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static int compare_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

enum { BROKERAGE, BROKERAGE_PAIRS, STRUCTURAL_HOLES, MEASURES };
static const char *const names[MEASURES] = {"brokerage", "brokerage_pairs", "structural_holes"};

static void run(int measure, const RnNetwork *net, const RnGrouping *grouping)
{
    switch (measure) {
    case BROKERAGE: {
        RnBrokerage r = {0};
        rn_brokerage_compute(net, grouping, &r);
        rn_brokerage_clear(&r);
        break;
    }
    case BROKERAGE_PAIRS: {
        RnBrokeragePairs r = {0};
        rn_brokerage_pairs_compute(net, grouping, &r);
        rn_brokerage_pairs_clear(&r);
        break;
    }
    default: {
        RnStructuralHoles r = {0};
        rn_structural_holes_compute(net, &r);
        rn_structural_holes_clear(&r);
        break;
    }
    }
}

int main(int argc, char **argv)
{
    if (argc < 5) {
        fprintf(stderr, "usage: bridging_parts DATASET region|org LEVEL GROUP [REPS]\n");
        return 2;
    }
    int reps = argc > 5 ? atoi(argv[5]) : 5;
    if (reps < 1 || reps > 1000)
        reps = 5;
    g_autoptr(GError) error = NULL;
    g_autoptr(RnModel) model = rn_model_new();
    g_autofree char *name = NULL;
    RnLoadOptions options = {0};
    if (!rn_load_dataset(model, argv[1], &options, &name, &error)) {
        fprintf(stderr, "bridging_parts: %s\n", error->message);
        return error->code;
    }
    RnNetworkSpec spec = {.kind = strcmp(argv[2], "org") == 0 ? RN_NETWORK_ORG : RN_NETWORK_REGION,
                          .level = atoi(argv[3])};
    g_autoptr(RnNetwork) net = rn_network_build(model, &spec, &error);
    if (!net) {
        fprintf(stderr, "bridging_parts: %s\n", error->message);
        return error->code;
    }
    RnGrouping grouping = {0};
    if (!rn_grouping_build(net, argv[4], &grouping, &error)) {
        fprintf(stderr, "bridging_parts: %s\n", error->message);
        return error->code;
    }
    printf("network: %u nodes, %u edges, %u groups\n", net->nodes->len, net->edges->len, grouping.n_groups);
    for (int m = 0; m < MEASURES; m++) {
        double *cpu = g_new(double, reps), *wall = g_new(double, reps);
        for (int r = 0; r < reps; r++) {
            double c0 = now(CLOCK_PROCESS_CPUTIME_ID), w0 = now(CLOCK_MONOTONIC);
            run(m, net, &grouping);
            cpu[r] = now(CLOCK_PROCESS_CPUTIME_ID) - c0;
            wall[r] = now(CLOCK_MONOTONIC) - w0;
        }
        qsort(cpu, (size_t)reps, sizeof *cpu, compare_double);
        qsort(wall, (size_t)reps, sizeof *wall, compare_double);
        printf("%s: cpu %.6f s, wall %.6f s (median of %d)\n", names[m], cpu[reps / 2], wall[reps / 2], reps);
        g_free(cpu);
        g_free(wall);
    }
    rn_grouping_clear(&grouping);
    return 0;
}
