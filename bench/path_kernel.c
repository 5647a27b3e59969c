/*
 * bench/path_kernel.c — times the exact pass's per-source kernel
 * (process_source() of analyses/paths.c, included whole) on K sources of an
 * organisation network dumped once to a binary edge list, so kernel changes
 * can be compared without loading the dataset each time.  Not part of the
 * build; bench/path_kernel.sh builds and runs it.
 *
 *   path_kernel dump DATASET.json EDGES     writes the org network's edges
 *   path_kernel EDGES ALPHA K               K twin-class representatives
 *                                           (spread by a stride of 7919),
 *                                           prints CPU ms per source and a
 *                                           checksum of the results
 * Environment: DAGSTAT=1 (alpha 0) prints the share of arcs between levels;
 * RELABEL=bfs|degree relabels the nodes first (locality experiment).
 */
#include "analyses/paths.c"
#include "loaders/loaders.h"
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double cpu(void) { struct timespec t; clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t); return t.tv_sec + t.tv_nsec * 1e-9; }

int main(int argc, char **argv)
{
    if (argc > 2 && strcmp(argv[1], "dump") == 0) {
        g_autoptr(GError) error = NULL;
        RnModel *model = rn_model_new();
        g_autofree char *name = NULL;
        RnLoadOptions options = {0};
        if (!rn_load_dataset(model, argv[2], &options, &name, &error)) { fprintf(stderr, "load\n"); return 1; }
        RnNetworkSpec spec = {.kind = RN_NETWORK_ORG, .level = 0, .weighting = RN_WEIGHT_PROJECTS};
        RnNetwork *net = rn_network_build(model, &spec, &error);
        FILE *f = fopen(argv[3], "wb");
        guint n = net->nodes->len, m = net->edges->len;
        fwrite(&n, 4, 1, f); fwrite(&m, 4, 1, f);
        for (guint i = 0; i < m; i++) { RnEdge *e = &g_array_index(net->edges, RnEdge, i);
            fwrite(&e->source, 4, 1, f); fwrite(&e->target, 4, 1, f); fwrite(&e->weight, 8, 1, f); }
        fclose(f);
        return 0;
    }
    FILE *f = fopen(argv[1], "rb");
    double alpha = atof(argv[2]);
    guint K = (guint)atoi(argv[3]);
    guint n, m;
    if (fread(&n, 4, 1, f) != 1 || fread(&m, 4, 1, f) != 1) return 1;
    RnNetwork *net = rn_network_new(RN_NETWORK_ORG);
    for (guint i = 0; i < n; i++) { RnNode node = {.id = g_strdup("x"), .label = g_strdup("x"), .country = g_strdup(""), .sector = g_strdup(""), .region = g_strdup("")}; g_array_append_val(net->nodes, node); }
    for (guint i = 0; i < m; i++) { RnEdge e = {0}; if (fread(&e.source, 4, 1, f) != 1 || fread(&e.target, 4, 1, f) != 1 || fread(&e.weight, 8, 1, f) != 1) return 1; e.projects = 1; g_array_append_val(net->edges, e); }
    fclose(f);
    if (getenv("RELABEL")) {
        /* BFS (Cuthill-McKee-like) order from the highest-degree node, or degree order. */
        Adjacency a0; rn_path_graph_build(net, 1.0, &a0);
        guint *perm = g_new(guint, n), *order = g_new(guint, n), *seen = g_new0(guint, n);
        guint tail = 0;
        if (strcmp(getenv("RELABEL"), "degree") == 0) {
            for (guint i = 0; i < n; i++) order[i] = i;
            /* insertion by degree descending via qsort_r-free approach: counting sort */
            guint maxd = 0; for (guint i = 0; i < n; i++) maxd = MAX(maxd, a0.offset[i+1]-a0.offset[i]);
            guint *cnt = g_new0(guint, maxd + 2);
            for (guint i = 0; i < n; i++) cnt[maxd - (a0.offset[i+1]-a0.offset[i])]++;
            guint acc = 0; for (guint d = 0; d <= maxd; d++) { guint c = cnt[d]; cnt[d] = acc; acc += c; }
            for (guint i = 0; i < n; i++) order[cnt[maxd - (a0.offset[i+1]-a0.offset[i])]++] = i;
            tail = n;
        } else {
            for (guint r = 0; r < n; r++) {
                guint best = G_MAXUINT, bd = 0;
                if (seen[r]) continue;
                best = r; (void)bd;
                guint head = tail; order[tail++] = best; seen[best] = 1;
                while (head < tail) { guint u = order[head++];
                    for (guint k = a0.offset[u]; k < a0.offset[u+1]; k++) { guint v = a0.target[k]; if (!seen[v]) { seen[v] = 1; order[tail++] = v; } } }
            }
        }
        for (guint i = 0; i < n; i++) perm[order[i]] = i;
        for (guint i = 0; i < m; i++) { RnEdge *e = &g_array_index(net->edges, RnEdge, i);
            guint a = perm[e->source], b = perm[e->target]; e->source = MIN(a, b); e->target = MAX(a, b); }
        rn_path_graph_clear(&a0);
        printf("relabelled (%s)\n", getenv("RELABEL"));
    }
    Adjacency adj;
    rn_path_graph_build(net, alpha, &adj);
    RnTwins twins = {0};
    rn_twins_find(&adj, &twins);
    gboolean *scope = g_new(gboolean, n);
    for (guint i = 0; i < n; i++) scope[i] = TRUE;
    Pass pass = {.twins = &twins, .adj = &adj, .in_scope = scope, .weighted = alpha != 0.0, .betweenness = TRUE,
        .n_blocks = 1, .harmonic = g_new0(double, n + 1), .closeness = g_new0(double, n + 1),
        .hop_sum = g_new0(double, n + 1), .hop_max = g_new0(guint, n + 1), .dist_sum = g_new0(double, n + 1), .dist_max = g_new0(double, n + 1)};
    double *bc = g_new0(double, n + 1);
    Scratch w; scratch_init(&pass, &w);
    guint done = 0;
    if (getenv("DAGSTAT") && alpha == 0.0) {
        guint64 dag = 0, same = 0, all = 0;
        for (guint k = 0; k < 50; k++) {
            guint s0 = twins.rep[(k * 7919) % n];
            guint r = bfs_sigma(&adj, s0, &w);
            for (guint i = 0; i < r; i++) { guint u = w.order[i];
                for (guint a = adj.offset[u]; a < adj.offset[u + 1]; a++) { all++;
                    if (w.level[adj.target[a]] == w.level[u]) same++; else dag++; } }
            for (guint i = 0; i < r; i++) w.level[w.order[i]] = UNSEEN;
        }
        printf("arcs %lu, dag %.3f, same level %.3f\n", (unsigned long)all, (double)dag / all, (double)same / all);
    }
    double t0 = cpu();
    for (guint k = 0; done < K && k < n; k++) {
        guint s = (guint)(((guint64)k * 7919) % n);
        if (twins.rep[s] != s) continue;
        process_source(&pass, s, &w, bc);
        done++;
    }
    double t = cpu() - t0;
    double cs = 0; for (guint i = 0; i < n; i++) cs += bc[i] * (i % 7 + 1) + pass.harmonic[i] + pass.hop_sum[i];
    printf("alpha %g: %u sources, %.3f ms CPU per source, checksum %.17g\n", alpha, done, 1e3 * t / done, cs);
    return 0;
}
