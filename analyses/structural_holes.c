/*
 * structural_holes.c — Burt's (1992) structural-hole measures, weighted.
 *
 * With s_i the strength of i, p_ij = w_ij / s_i is the share of i's ties
 * invested in j (NetworkX's normalised mutual weight for undirected
 * networks), and m_jq = w_jq / max_k w_jk the strength of j's tie to q
 * relative to j's strongest tie.  For a node i with contacts N(i):
 *   constraint      C_i = sum_j c_ij,  c_ij = (p_ij + sum_{q in N(i)} p_iq p_qj)^2
 *   effective size  sum_j (1 - sum_{q in N(i)} p_iq m_jq)
 *   efficiency      effective size / |N(i)|
 *   hierarchy       sum_j (r_j ln r_j) / (|N(i)| ln |N(i)|),  r_j = c_ij / (C_i / |N(i)|)
 * Isolates have none of them (NAN); hierarchy needs two contacts.
 */
#include <math.h>

#include "analyses/bridging.h"
#include "engine/adjacency.h"

void rn_structural_holes_compute(const RnNetwork *net, RnStructuralHoles *r)
{
    g_return_if_fail(net != NULL);
    g_return_if_fail(r != NULL);
    guint n = net->nodes->len;
    *r = (RnStructuralHoles){.n = n};
    r->constraint = g_new(double, n + 1);
    r->effective_size = g_new(double, n + 1);
    r->efficiency = g_new(double, n + 1);
    r->hierarchy = g_new(double, n + 1);
    RnAdjacency adj;
    rn_adjacency_build(net, &adj);
    g_autofree double *strength = g_new0(double, n + 1);
    g_autofree double *strongest = g_new0(double, n + 1);
    for (guint v = 0; v < n; v++)
        for (guint k = adj.offset[v]; k < adj.offset[v + 1]; k++) {
            double w = g_array_index(net->edges, RnEdge, adj.edge[k]).weight;
            strength[v] += w;
            strongest[v] = MAX(strongest[v], w);
        }
    g_autofree guint *mark = g_new0(guint, n + 1); /* i + 1 on the contacts of i */
    g_autofree double *share = g_new0(double, n + 1); /* p_iq for q in N(i) */
    for (guint i = 0; i < n; i++) {
        guint degree = adj.offset[i + 1] - adj.offset[i];
        if (degree == 0) {
            r->constraint[i] = r->effective_size[i] = r->efficiency[i] = r->hierarchy[i] = NAN;
            continue;
        }
        for (guint k = adj.offset[i]; k < adj.offset[i + 1]; k++) {
            guint q = adj.target[k];
            mark[q] = i + 1;
            share[q] = g_array_index(net->edges, RnEdge, adj.edge[k]).weight / strength[i];
        }
        double constraint = 0, effective = 0;
        g_autofree double *local = g_new(double, degree);
        for (guint k = adj.offset[i]; k < adj.offset[i + 1]; k++) {
            guint j = adj.target[k];
            double indirect = 0, redundancy = 0;
            for (guint l = adj.offset[j]; l < adj.offset[j + 1]; l++) {
                guint q = adj.target[l];
                if (mark[q] != i + 1)
                    continue; /* q is not a contact of i */
                double w = g_array_index(net->edges, RnEdge, adj.edge[l]).weight;
                indirect += share[q] * w / strength[q];
                redundancy += share[q] * w / strongest[j];
            }
            double c = (share[j] + indirect) * (share[j] + indirect);
            local[k - adj.offset[i]] = c;
            constraint += c;
            effective += 1.0 - redundancy;
        }
        r->constraint[i] = constraint;
        r->effective_size[i] = effective;
        r->efficiency[i] = effective / degree;
        if (degree < 2) {
            r->hierarchy[i] = NAN;
            continue;
        }
        double h = 0;
        for (guint k = 0; k < degree; k++) {
            double ratio = local[k] / (constraint / degree);
            if (ratio > 0)
                h += ratio * log(ratio);
        }
        r->hierarchy[i] = h / (degree * log((double)degree));
    }
    rn_adjacency_clear(&adj);
}

void rn_structural_holes_clear(RnStructuralHoles *r)
{
    g_return_if_fail(r != NULL);
    g_clear_pointer(&r->constraint, g_free);
    g_clear_pointer(&r->effective_size, g_free);
    g_clear_pointer(&r->efficiency, g_free);
    g_clear_pointer(&r->hierarchy, g_free);
}
