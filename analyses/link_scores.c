/*
 * link_scores.c — neighbourhood scores of link prediction (see
 * link_scores.h and docs/recommend.md).  Checked against NetworkX's
 * link-prediction functions on the real networks (scripts/
 * reference_recommend.py) and by hand on small graphs (tests/test_recommend.c).
 */
#include "analyses/link_scores.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *const rn_neighbourhood_score_names[RN_NEIGHBOURHOOD_SCORES] = {
    "common_neighbours", "adamic_adar", "resource_allocation", "jaccard",
    "preferential_attachment", "common_neighbours_weighted", "adamic_adar_weighted",
    "resource_allocation_weighted", "jaccard_weighted", "preferential_attachment_weighted"};

static void finish_strengths(RnLinkGraph *g)
{
    g->strength = g_new0(double, g->n + 1);
    for (guint v = 0; v < g->n; v++)
        for (guint a = g->offset[v]; a < g->offset[v + 1]; a++)
            g->strength[v] += g->weight[a];
}

void rn_link_graph_from_network(const RnNetwork *net, RnLinkGraph *g)
{
    g_return_if_fail(net != NULL && g != NULL);
    guint n = net->nodes->len, m = net->edges->len;
    g->n = n;
    g->offset = g_new0(guint, n + 1);
    g->target = g_new(guint, 2 * (gsize)m + 1);
    g->weight = g_new(double, 2 * (gsize)m + 1);
    for (guint i = 0; i < m; i++) {
        const RnEdge *e = &g_array_index(net->edges, RnEdge, i);
        g->offset[e->source + 1]++;
        g->offset[e->target + 1]++;
    }
    for (guint v = 0; v < n; v++)
        g->offset[v + 1] += g->offset[v];
    /* Edges come sorted by (source, target): filling in edge order leaves
     * every row sorted (targets of lower sources first, then higher). */
    g_autofree guint *fill = g_memdup2(g->offset, sizeof(guint) * (n + 1));
    for (guint i = 0; i < m; i++) {
        const RnEdge *e = &g_array_index(net->edges, RnEdge, i);
        guint a = fill[e->source]++, b = fill[e->target]++;
        g->target[a] = e->target;
        g->weight[a] = e->weight;
        g->target[b] = e->source;
        g->weight[b] = e->weight;
    }
    finish_strengths(g);
}

static int compare_uint(const void *a, const void *b)
{
    guint x = *(const guint *)a, y = *(const guint *)b;
    return x < y ? -1 : x > y;
}

void rn_link_graph_from_membership(const RnMembership *mb, const gboolean *hidden,
                                   RnLinkGraph *g)
{
    g_return_if_fail(mb != NULL && g != NULL);
    guint n = mb->n_nodes;
    g->n = n;
    g->offset = g_new0(guint, n + 1);
    g_autoptr(GArray) targets = g_array_new(FALSE, FALSE, sizeof(guint));
    g_autoptr(GArray) weights = g_array_new(FALSE, FALSE, sizeof(double));
    g_autofree double *acc = g_new0(double, n + 1);
    g_autofree guint *seen = g_new0(guint, n + 1);
    g_autofree guint *row = g_new(guint, n + 1);
    /* Row by row: node v's partners over its visible projects, counted,
     * then sorted. */
    for (guint v = 0; v < n; v++) {
        guint len = 0;
        for (guint a = mb->node_offset[v]; a < mb->node_offset[v + 1]; a++) {
            guint q = mb->node_project[a];
            if (hidden && hidden[q])
                continue;
            for (guint k = mb->project_offset[q]; k < mb->project_offset[q + 1]; k++) {
                guint z = mb->project_node[k];
                if (z == v)
                    continue;
                if (seen[z] != v + 1) {
                    seen[z] = v + 1;
                    acc[z] = 0;
                    row[len++] = z;
                }
                acc[z] += 1;
            }
        }
        qsort(row, len, sizeof(guint), compare_uint);
        for (guint k = 0; k < len; k++) {
            g_array_append_val(targets, row[k]);
            g_array_append_val(weights, acc[row[k]]);
        }
        g->offset[v + 1] = targets->len;
    }
    g->target = (guint *)g_array_free(g_steal_pointer(&targets), FALSE);
    g->weight = (double *)g_array_free(g_steal_pointer(&weights), FALSE);
    finish_strengths(g);
}

void rn_link_graph_clear(RnLinkGraph *g)
{
    g_return_if_fail(g != NULL);
    g_clear_pointer(&g->offset, g_free);
    g_clear_pointer(&g->target, g_free);
    g_clear_pointer(&g->weight, g_free);
    g_clear_pointer(&g->strength, g_free);
    g->n = 0;
}

double rn_link_graph_weight(const RnLinkGraph *g, guint u, guint v)
{
    g_return_val_if_fail(g != NULL, NAN);
    guint lo = g->offset[u], hi = g->offset[u + 1];
    while (lo < hi) {
        guint mid = lo + (hi - lo) / 2;
        if (g->target[mid] == v)
            return g->weight[mid];
        if (g->target[mid] < v)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

static guint degree(const RnLinkGraph *g, guint v)
{
    return g->offset[v + 1] - g->offset[v];
}

/* Adds common neighbour z, tied to u with weight wu and to v with wv. */
static void add_common(const RnLinkGraph *g, guint z, double wu, double wv, double *s)
{
    double d = degree(g, z), sz = g->strength[z];
    s[RN_SCORE_COMMON_NEIGHBOURS] += 1;
    s[RN_SCORE_ADAMIC_ADAR] += 1 / log(d);
    s[RN_SCORE_RESOURCE_ALLOCATION] += 1 / d;
    s[RN_SCORE_COMMON_NEIGHBOURS_WEIGHTED] += wu + wv;
    /* Same operations as rn_link_scores_all, so both give the same bits. */
    s[RN_SCORE_ADAMIC_ADAR_WEIGHTED] += (wu + wv) * (1 / log1p(sz));
    s[RN_SCORE_RESOURCE_ALLOCATION_WEIGHTED] += (wu + wv) * (1 / sz);
    s[RN_SCORE_JACCARD_WEIGHTED] += MIN(wu, wv); /* the minimum sum, for now */
}

/* Jaccard and preferential attachment from the sums add_common left. */
static void finish_pair(const RnLinkGraph *g, guint u, guint v, double *s)
{
    double du = degree(g, u), dv = degree(g, v);
    double cn = s[RN_SCORE_COMMON_NEIGHBOURS], min_sum = s[RN_SCORE_JACCARD_WEIGHTED];
    double union_size = du + dv - cn;
    s[RN_SCORE_JACCARD] = union_size > 0 ? cn / union_size : 0;
    s[RN_SCORE_PREFERENTIAL_ATTACHMENT] = du * dv;
    /* sum of max over z = s(u) + s(v) - sum of min over common z (the
     * others contribute their one weight, the tie u-v to both sides). */
    double max_sum = g->strength[u] + g->strength[v] - min_sum;
    s[RN_SCORE_JACCARD_WEIGHTED] = max_sum > 0 ? min_sum / max_sum : 0;
    s[RN_SCORE_PREFERENTIAL_ATTACHMENT_WEIGHTED] = g->strength[u] * g->strength[v];
}

void rn_link_scores_pair(const RnLinkGraph *g, guint u, guint v, double *s)
{
    g_return_if_fail(g != NULL && u < g->n && v < g->n && u != v);
    g_return_if_fail(s != NULL);
    memset(s, 0, sizeof(double) * RN_NEIGHBOURHOOD_SCORES);
    guint a = g->offset[u], ae = g->offset[u + 1], b = g->offset[v], be = g->offset[v + 1];
    while (a < ae && b < be) {
        if (g->target[a] < g->target[b])
            a++;
        else if (g->target[a] > g->target[b])
            b++;
        else {
            add_common(g, g->target[a], g->weight[a], g->weight[b], s);
            a++;
            b++;
        }
    }
    finish_pair(g, u, v, s);
}

void rn_link_scores_all(const RnLinkGraph *g, guint u, double *const *scores)
{
    g_return_if_fail(g != NULL && u < g->n && scores != NULL);
    for (guint k = 0; k < RN_NEIGHBOURHOOD_SCORES; k++)
        memset(scores[k], 0, sizeof(double) * g->n);
    /* Two steps from u: z in N(u), then v in N(z). */
    for (guint a = g->offset[u]; a < g->offset[u + 1]; a++) {
        guint z = g->target[a];
        double wu = g->weight[a], d = degree(g, z), sz = g->strength[z];
        double aa = 1 / log(d), ra = 1 / d, waa = 1 / log1p(sz), wra = 1 / sz;
        for (guint b = g->offset[z]; b < g->offset[z + 1]; b++) {
            guint v = g->target[b];
            if (v == u)
                continue;
            double wv = g->weight[b];
            scores[RN_SCORE_COMMON_NEIGHBOURS][v] += 1;
            scores[RN_SCORE_ADAMIC_ADAR][v] += aa;
            scores[RN_SCORE_RESOURCE_ALLOCATION][v] += ra;
            scores[RN_SCORE_COMMON_NEIGHBOURS_WEIGHTED][v] += wu + wv;
            scores[RN_SCORE_ADAMIC_ADAR_WEIGHTED][v] += (wu + wv) * waa;
            scores[RN_SCORE_RESOURCE_ALLOCATION_WEIGHTED][v] += (wu + wv) * wra;
            scores[RN_SCORE_JACCARD_WEIGHTED][v] += MIN(wu, wv);
        }
    }
    double s[RN_NEIGHBOURHOOD_SCORES];
    for (guint v = 0; v < g->n; v++) {
        if (v == u)
            continue;
        s[RN_SCORE_COMMON_NEIGHBOURS] = scores[RN_SCORE_COMMON_NEIGHBOURS][v];
        s[RN_SCORE_JACCARD_WEIGHTED] = scores[RN_SCORE_JACCARD_WEIGHTED][v];
        finish_pair(g, u, v, s);
        scores[RN_SCORE_JACCARD][v] = s[RN_SCORE_JACCARD];
        scores[RN_SCORE_PREFERENTIAL_ATTACHMENT][v] = s[RN_SCORE_PREFERENTIAL_ATTACHMENT];
        scores[RN_SCORE_JACCARD_WEIGHTED][v] = s[RN_SCORE_JACCARD_WEIGHTED];
        scores[RN_SCORE_PREFERENTIAL_ATTACHMENT_WEIGHTED][v] =
            s[RN_SCORE_PREFERENTIAL_ATTACHMENT_WEIGHTED];
    }
}
