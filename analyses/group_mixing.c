/*
 * group_mixing.c — the group-pair tie matrix with its expectation under
 * independence and standardised residuals (bridging.h; docs/bridging.md
 * "Group-pair tie matrix").  The table counts tie ends: a tie between
 * groups g and h adds one to (g, h) and one to (h, g), a tie inside g two
 * to (g, g); so it is symmetric, its row sums are the groups' degree sums
 * D_g and its total is 2m.  Independence of the two ends' groups gives
 * E_gh = D_g D_h / 2m, the expectation R's chisq.test computes for the
 * table; Pearson residuals (O - E) / sqrt(E) and adjusted residuals
 * (O - E) / sqrt(E (1 - D_g / 2m) (1 - D_h / 2m)), chisq.test's stdres,
 * which are standard normal under independence.
 */
#include <math.h>

#include "analyses/bridging.h"

void rn_group_mixing_compute(const RnNetwork *net, const RnGrouping *g, RnGroupMixing *r)
{
    g_return_if_fail(net != NULL);
    g_return_if_fail(g != NULL);
    g_return_if_fail(r != NULL);
    guint G = g->n_groups;
    gsize cells = (gsize)G * G;
    *r = (RnGroupMixing){.n_groups = G, .ties = net->edges->len};
    r->tie_ends = g_new0(double, cells + 1);
    r->expected = g_new0(double, cells + 1);
    r->pearson = g_new0(double, cells + 1);
    r->adjusted = g_new0(double, cells + 1);
    for (guint e = 0; e < net->edges->len; e++) {
        const RnEdge *edge = &g_array_index(net->edges, RnEdge, e);
        guint a = g->of_node[edge->source], b = g->of_node[edge->target];
        r->tie_ends[(gsize)a * G + b] += 1;
        r->tie_ends[(gsize)b * G + a] += 1;
    }
    g_autofree double *ends = g_new0(double, G + 1);
    double total = 2.0 * net->edges->len;
    for (guint a = 0; a < G; a++)
        for (guint b = 0; b < G; b++)
            ends[a] += r->tie_ends[(gsize)a * G + b];
    for (guint a = 0; a < G; a++)
        for (guint b = 0; b < G; b++) {
            gsize k = (gsize)a * G + b;
            double e = total > 0 ? ends[a] * ends[b] / total : 0;
            double o = r->tie_ends[k];
            double shrink = total > 0 ? (1 - ends[a] / total) * (1 - ends[b] / total) : 0;
            r->expected[k] = e;
            r->pearson[k] = e > 0 ? (o - e) / sqrt(e) : NAN;
            r->adjusted[k] = e > 0 && shrink > 0 ? (o - e) / sqrt(e * shrink) : NAN;
        }
}

void rn_group_mixing_clear(RnGroupMixing *r)
{
    g_return_if_fail(r != NULL);
    g_clear_pointer(&r->tie_ends, g_free);
    g_clear_pointer(&r->expected, g_free);
    g_clear_pointer(&r->pearson, g_free);
    g_clear_pointer(&r->adjusted, g_free);
}
