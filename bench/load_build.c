/*
 * load_build.c — benchmark: load a dataset and build its organisation,
 * country and region networks, printing the time of each step and the peak
 * resident memory.  No analysis.  Usage: load_build DATASET [LEVEL]
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include "engine/error.h"
#include "engine/network.h"
#include "loaders/loaders.h"

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: load_build DATASET [LEVEL]\n");
        return 2;
    }
    int level = argc > 2 ? atoi(argv[2]) : 2;
    g_autoptr(GTimer) timer = g_timer_new();
    g_autoptr(GError) error = NULL;
    g_autoptr(RnModel) model = rn_model_new();
    g_autofree char *name = NULL;
    RnLoadOptions options = {0};
    if (!rn_load_dataset(model, argv[1], &options, &name, &error)) {
        fprintf(stderr, "load_build: %s\n", error->message);
        return error->code;
    }
    double t_load = g_timer_elapsed(timer, NULL);
    double cpu_load = (double)clock() / CLOCKS_PER_SEC; /* every thread of the process */
    printf("load: %.3f s (%u organisations, %u projects, %u participations)\n", t_load,
           model->orgs->len, model->projects->len, model->participations->len);
    printf("load cpu: %.3f s\n", cpu_load);
    RnNetworkKind kinds[] = {RN_NETWORK_ORG, RN_NETWORK_COUNTRY, RN_NETWORK_REGION};
    for (guint k = 0; k < G_N_ELEMENTS(kinds); k++) {
        double start = g_timer_elapsed(timer, NULL);
        RnNetworkSpec spec = {.kind = kinds[k], .level = level};
        g_autoptr(RnNetwork) net = rn_network_build(model, &spec, &error);
        if (!net) {
            fprintf(stderr, "load_build: %s\n", error->message);
            return error->code;
        }
        printf("build %s: %.3f s (%u nodes, %u edges)\n", rn_network_kind_name(kinds[k]),
               g_timer_elapsed(timer, NULL) - start, net->nodes->len, net->edges->len);
    }
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    printf("total: %.3f s, peak memory %.0f MB\n", g_timer_elapsed(timer, NULL),
           usage.ru_maxrss / 1024.0);
    return 0;
}
