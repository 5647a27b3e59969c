/*
 * ei_index.c — Krackhardt and Stern's E-I index, its permutation test, the
 * group mixing matrices and nominal assortativity (Newman 2003).
 *
 * E counts ties between groups, I ties within; E-I = (E - I) / (E + I), from
 * -1 (all ties internal) to +1 (all external).  Weighted variants sum edge
 * weights instead of counting ties.
 *
 * The permutation test relabels nodes at random (group sizes kept) with a
 * Fisher-Yates shuffle driven by splitmix64 from the recorded seed, so an
 * independent implementation of the same generator reproduces the p-values
 * exactly (scripts/reference_bridging.py does).
 */
#include <math.h>
#include <string.h>

#include "analyses/bridging.h"

static RnEiValue ei_value(double external, double internal)
{
    double all = external + internal;
    return (RnEiValue){external, internal, all > 0 ? (external - internal) / all : NAN};
}

/* External tie count of a labelling. */
static double external_ties(const RnNetwork *net, const guint *label)
{
    double e = 0;
    for (guint i = 0; i < net->edges->len; i++) {
        const RnEdge *edge = &g_array_index(net->edges, RnEdge, i);
        e += label[edge->source] != label[edge->target];
    }
    return e;
}

/* Newman's assortativity from a symmetric mixing matrix of edge counts or
 * weights (off-diagonal: between two groups; diagonal: within). */
static double assortativity(const double *mix, guint G)
{
    double total = 0;
    for (guint g = 0; g < G; g++)
        for (guint h = 0; h < G; h++)
            total += mix[g * G + h] * (g == h ? 2 : 1); /* edge ends */
    if (total == 0)
        return NAN;
    double trace = 0, squares = 0;
    for (guint g = 0; g < G; g++) {
        double a = 0;
        for (guint h = 0; h < G; h++)
            a += mix[g * G + h] * (g == h ? 2 : 1) / total;
        trace += 2 * mix[g * G + g] / total;
        squares += a * a;
    }
    return squares < 1 ? (trace - squares) / (1 - squares) : NAN;
}

void rn_ei_index_compute(const RnNetwork *net, const RnGrouping *g, guint permutations,
                         guint64 seed, RnEiIndex *r)
{
    g_return_if_fail(net != NULL);
    g_return_if_fail(g != NULL);
    g_return_if_fail(r != NULL);
    guint n = net->nodes->len, G = g->n_groups, m = net->edges->len;
    *r = (RnEiIndex){.n_groups = G, .permutations = permutations, .seed = seed};
    r->group = g_new0(RnEiValue, G + 1);
    r->group_weighted = g_new0(RnEiValue, G + 1);
    r->node = g_new0(RnEiValue, n + 1);
    r->node_weighted = g_new0(RnEiValue, n + 1);
    r->mixing_ties = g_new0(double, (gsize)G * G + 1);
    r->mixing_weights = g_new0(double, (gsize)G * G + 1);
    double E = 0, I = 0, Ew = 0, Iw = 0;
    for (guint i = 0; i < m; i++) {
        const RnEdge *e = &g_array_index(net->edges, RnEdge, i);
        guint a = g->of_node[e->source], b = g->of_node[e->target];
        double w = e->weight;
        RnEiValue *ns = &r->node[e->source], *nt = &r->node[e->target];
        RnEiValue *ws = &r->node_weighted[e->source], *wt = &r->node_weighted[e->target];
        if (a != b) {
            E += 1;
            Ew += w;
            ns->external += 1, nt->external += 1, ws->external += w, wt->external += w;
            r->group[a].external += 1, r->group[b].external += 1;
            r->group_weighted[a].external += w, r->group_weighted[b].external += w;
            r->mixing_ties[a * G + b] += 1, r->mixing_ties[b * G + a] += 1;
            r->mixing_weights[a * G + b] += w, r->mixing_weights[b * G + a] += w;
        } else {
            I += 1;
            Iw += w;
            ns->internal += 1, nt->internal += 1, ws->internal += w, wt->internal += w;
            r->group[a].internal += 1;
            r->group_weighted[a].internal += w;
            r->mixing_ties[a * G + a] += 1;
            r->mixing_weights[a * G + a] += w;
        }
    }
    r->network = ei_value(E, I);
    r->network_weighted = ei_value(Ew, Iw);
    for (guint k = 0; k < G; k++) {
        r->group[k] = ei_value(r->group[k].external, r->group[k].internal);
        r->group_weighted[k] = ei_value(r->group_weighted[k].external, r->group_weighted[k].internal);
    }
    for (guint v = 0; v < n; v++) {
        r->node[v] = ei_value(r->node[v].external, r->node[v].internal);
        r->node_weighted[v] = ei_value(r->node_weighted[v].external, r->node_weighted[v].internal);
    }

    /* What group sizes allow: all possible external and internal pairs. */
    double N = n, squares = 0, internal_max = 0;
    for (guint k = 0; k < G; k++) {
        double s = g->size[k];
        squares += s * s;
        internal_max += s * (s - 1) / 2;
    }
    double external_max = (N * N - squares) / 2;
    r->expected = external_max + internal_max > 0
                      ? (external_max - internal_max) / (external_max + internal_max)
                      : NAN;
    double ties = m;
    if (m > 0) {
        double e_hi = MIN(ties, external_max), i_lo = ties - e_hi;
        double i_hi = MIN(ties, internal_max), e_lo = ties - i_hi;
        r->maximum = (e_hi - i_lo) / ties;
        r->minimum = (e_lo - i_hi) / ties;
        r->rescaled = r->maximum > r->minimum
                          ? 2 * (r->network.ei - r->minimum) / (r->maximum - r->minimum) - 1
                          : NAN;
    } else {
        r->maximum = r->minimum = r->rescaled = NAN;
    }

    /* Permutation test on the unweighted network E-I. */
    g_autofree guint *label = g_new(guint, n + 1);
    memcpy(label, g->of_node, sizeof(guint) * n);
    guint64 state = seed;
    guint greater = 0, less = 0;
    for (guint p = 0; p < permutations && m > 0; p++) {
        for (guint i = n; i > 1; i--) {
            guint j = (guint)rn_random_below(&state, i);
            guint t = label[i - 1];
            label[i - 1] = label[j];
            label[j] = t;
        }
        /* Compare tie counts, not floats: E-I = (2E - m) / m grows with E. */
        double e = external_ties(net, label);
        greater += e >= E;
        less += e <= E;
    }
    if (permutations > 0 && m > 0) {
        r->p_greater = (1.0 + greater) / (1.0 + permutations);
        r->p_less = (1.0 + less) / (1.0 + permutations);
        r->p_two_sided = MIN(1.0, 2 * MIN(r->p_greater, r->p_less));
    } else {
        r->p_greater = r->p_less = r->p_two_sided = NAN;
    }
    r->assortativity = assortativity(r->mixing_ties, G);
    r->assortativity_weighted = assortativity(r->mixing_weights, G);
}

void rn_ei_index_clear(RnEiIndex *r)
{
    g_return_if_fail(r != NULL);
    g_clear_pointer(&r->group, g_free);
    g_clear_pointer(&r->group_weighted, g_free);
    g_clear_pointer(&r->node, g_free);
    g_clear_pointer(&r->node_weighted, g_free);
    g_clear_pointer(&r->mixing_ties, g_free);
    g_clear_pointer(&r->mixing_weights, g_free);
}
