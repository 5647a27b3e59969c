/*
 * brokerage_pairs.c — Gould-Fernandez brokerage per pair of endpoint
 * groups (bridging.h), so "HES -> PRC liaison by a research organisation"
 * is one lookup.  The counting mirrors brokerage.c: for each node v, the
 * pairs of its contacts by group from the group counts of its
 * neighbourhood, less the closed pairs (tied contacts) found by scanning
 * the contacts' own lists.
 */
#include <stdlib.h>
#include <string.h>

#include "analyses/bridging.h"
#include "engine/adjacency.h"

const char *const rn_broker_role_names[RN_BROKER_ROLES] = {
    "coordinator", "itinerant", "gatekeeper_representative", "liaison"};

static gint compare_pairs(gconstpointer a, gconstpointer b)
{
    const RnBrokeragePair *x = a, *y = b;
    if (x->from != y->from)
        return x->from < y->from ? -1 : 1;
    if (x->to != y->to)
        return x->to < y->to ? -1 : 1;
    return (int)x->role - (int)y->role;
}

/* The listed pair of endpoint groups a <= b (contact-group positions
 * resolved to group indices) through a node of group own. */
static RnBrokeragePair classify(guint a, guint b, guint own, double count)
{
    if (a == b)
        return (RnBrokeragePair){a, a, a == own ? RN_BROKER_COORDINATOR : RN_BROKER_ITINERANT,
                                 count};
    if (a == own || b == own)
        return (RnBrokeragePair){own, a == own ? b : a, RN_BROKER_GATEKEEPER_REPRESENTATIVE,
                                 count};
    return (RnBrokeragePair){MIN(a, b), MAX(a, b), RN_BROKER_LIAISON, count};
}

void rn_brokerage_pairs_compute(const RnNetwork *net, const RnGrouping *g,
                                RnBrokeragePairs *r)
{
    g_return_if_fail(net != NULL);
    g_return_if_fail(g != NULL);
    g_return_if_fail(r != NULL);
    guint n = net->nodes->len, G = g->n_groups;
    *r = (RnBrokeragePairs){.n = n};
    r->offset = g_new0(guint, n + 1);
    g_autoptr(GArray) pairs = g_array_new(FALSE, FALSE, sizeof(RnBrokeragePair));
    RnAdjacency adj;
    rn_adjacency_build(net, &adj);
    g_autofree guint *mark = g_new0(guint, n + 1);       /* v + 1 on v's contacts */
    g_autofree guint *position = g_new(guint, G + 1);    /* group -> index in present */
    g_autofree guint *present = g_new(guint, G + 1);     /* groups among v's contacts */
    g_autofree double *count = g_new0(double, G + 1);    /* contacts of v per group */
    for (guint k = 0; k < G; k++)
        position[k] = G_MAXUINT;
    /* Closed pairs of contact groups (positions p <= q), dense while few groups. */
    g_autoptr(GArray) closed = g_array_new(FALSE, TRUE, sizeof(double));
    for (guint v = 0; v < n; v++) {
        guint m = 0;
        for (guint k = adj.offset[v]; k < adj.offset[v + 1]; k++) {
            guint i = adj.target[k], gi = g->of_node[i];
            mark[i] = v + 1;
            if (position[gi] == G_MAXUINT) {
                position[gi] = m;
                present[m++] = gi;
            }
            count[gi] += 1;
        }
        g_array_set_size(closed, 0);
        g_array_set_size(closed, (gsize)m * m);
        double *c = (double *)closed->data;
        for (guint k = adj.offset[v]; k < adj.offset[v + 1]; k++) {
            guint i = adj.target[k];
            guint pi = position[g->of_node[i]];
            for (guint l = adj.offset[i]; l < adj.offset[i + 1]; l++) {
                guint j = adj.target[l];
                if (j > i && mark[j] == v + 1) {
                    guint pj = position[g->of_node[j]];
                    c[(gsize)MIN(pi, pj) * m + MAX(pi, pj)] += 1;
                }
            }
        }
        guint first = pairs->len;
        for (guint p = 0; p < m; p++)
            for (guint q = p; q < m; q++) {
                double a = count[present[p]], b = count[present[q]];
                double open = (p == q ? a * (a - 1) / 2 : a * b) - c[(gsize)p * m + q];
                if (open > 0) {
                    RnBrokeragePair pair = classify(present[p], present[q], g->of_node[v], open);
                    g_array_append_val(pairs, pair);
                }
            }
        if (pairs->len - first > 1) /* the array's data is NULL while empty (UBSan) */
            qsort(&g_array_index(pairs, RnBrokeragePair, first), pairs->len - first,
                  sizeof(RnBrokeragePair), compare_pairs);
        r->offset[v + 1] = pairs->len;
        for (guint p = 0; p < m; p++) {
            position[present[p]] = G_MAXUINT;
            count[present[p]] = 0;
        }
    }
    rn_adjacency_clear(&adj);
    r->pairs = (RnBrokeragePair *)g_array_free(g_steal_pointer(&pairs), FALSE);
}

void rn_brokerage_pairs_clear(RnBrokeragePairs *r)
{
    g_return_if_fail(r != NULL);
    g_clear_pointer(&r->offset, g_free);
    g_clear_pointer(&r->pairs, g_free);
}
