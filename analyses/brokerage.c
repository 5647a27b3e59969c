/*
 * brokerage.c — Gould-Fernandez brokerage roles (Gould and Fernandez 1989)
 * on an undirected network, with the expectations of R's sna::brokerage.
 *
 * A brokerage opportunity of v is an open two-path i - v - k: i and k are
 * both tied to v but not to each other.  sna treats an undirected network
 * as a symmetric digraph and counts each such path twice (i->v->k and
 * k->v->i); we count it once.  Hence coordinator, itinerant, liaison and
 * total are sna's w_I, w_O, b_O and t halved, gatekeeper_representative is
 * sna's b_IO (= b_OI in a symmetric network), and expectations and standard
 * deviations scale alike, so z-scores equal sna's.
 *
 * Counting: for each v the pairs of its contacts are counted by group from
 * the group sizes of its neighbourhood, and the closed pairs (tied contacts)
 * found by scanning the contacts' own lists are subtracted.
 */
#include <math.h>
#include <string.h>

#include "analyses/bridging.h"
#include "engine/adjacency.h"

/* Adds one pair (a, b) of contacts of a node in group c to counts. */
static inline void classify(RnBrokerageCounts *counts, guint a, guint b, guint c, double by)
{
    if (a == b)
        *(a == c ? &counts->coordinator : &counts->itinerant) += by;
    else if (a == c || b == c)
        counts->gatekeeper_representative += by;
    else
        counts->liaison += by;
}

static void sum_total(RnBrokerageCounts *c)
{
    c->total = c->coordinator + c->itinerant + c->gatekeeper_representative + c->liaison;
}

static void add_counts(RnBrokerageCounts *to, const RnBrokerageCounts *from)
{
    to->coordinator += from->coordinator;
    to->itinerant += from->itinerant;
    to->gatekeeper_representative += from->gatekeeper_representative;
    to->liaison += from->liaison;
    to->total += from->total;
}

static double choose2(double x)
{
    return x * (x - 1.0) / 2.0;
}

/* Expected values and variances of sna::brokerage for ordered two-paths,
 * per group (exp/var[g]) and for the network; then scaled to our counts. */
static void expectations(const RnGrouping *g, double N, double d, RnBrokerage *r)
{
    guint G = g->n_groups;
    double q = d * d * (1 - d);                       /* P(open two-path at a triple) */
    double a = pow(d, 3) * pow(1 - d, 3), b = pow(d, 4) * pow(1 - d, 2), c = pow(d, 5) * (1 - d);
    double p1 = 0, p2 = 0, p3 = 0, cube = 0;          /* power sums of group sizes */
    for (guint i = 0; i < G; i++) {
        double n = g->size[i];
        p1 += n;
        p2 += n * n;
        p3 += n * n * n;
        cube += n * (n - 1) * (n - 2);
    }
    g_autofree RnBrokerageCounts *ge = g_new0(RnBrokerageCounts, G + 1);
    g_autofree RnBrokerageCounts *gv = g_new0(RnBrokerageCounts, G + 1);
    for (guint i = 0; i < G; i++) {
        double n = g->size[i];
        double e1 = q * (n - 1) * (n - 2);
        double v1 = e1 * (1 - q) + 2 * (n - 1) * (n - 2) * (n - 3) * a;
        double others2 = 0, others3 = 0, pair_rest = 0;
        for (guint j = 0; j < G; j++) {
            if (j == i)
                continue;
            double m = g->size[j];
            others2 += m * (m - 1);
            others3 += m * (m - 1) * (m - 2);
            pair_rest += m * choose2(N - m - n);
        }
        double e2 = q * others2;
        double v2 = e2 * (1 - q) + 2 * others3 * a;
        double e3 = q * (N - n) * (n - 1);
        double v3 = e3 * (1 - q) + 2 * ((n - 1) * choose2(N - n) + (N - n) * choose2(n - 1)) * a;
        double e5 = q * ((p1 - n) * (p1 - n) - (p2 - n * n));
        double v5 = e5 * (1 - q) + 4 * pair_rest * a;
        double e6 = q * (N - 1) * (N - 2);
        double v6 = e6 * (1 - q) + 2 * (N - 1) * (N - 2) * (N - 3) * a;
        ge[i] = (RnBrokerageCounts){e1 / 2, e2 / 2, e3, e5 / 2, e6 / 2};
        gv[i] = (RnBrokerageCounts){sqrt(v1) / 2, sqrt(v2) / 2, sqrt(v3), sqrt(v5) / 2,
                                    sqrt(v6) / 2};
    }
    for (guint v = 0; v < r->n; v++) {
        r->expected[v] = ge[g->of_node[v]];
        r->sd[v] = gv[g->of_node[v]];
    }

    /* Network level. */
    double eg1 = q * cube;
    double vg1 = eg1 * (1 - q);
    double eg2 = 0, vg2_outer = 0, vg2_diag = 0, eg3 = 0, vg3 = 0, eg5_outer = 0, eg5_diag = 0;
    for (guint i = 0; i < G; i++) {
        double x = g->size[i];
        vg1 += x * (x - 1) * (x - 2) * ((4 * x - 10) * a - 4 * (x - 3) * b + (x - 3) * c);
        eg2 += x * (N - x) * (x - 1);
        vg2_diag += x * x * (x - 1) * ((4 * x - 6) * a + (N - x - 1) * c);
        vg3 += x * (N - x) * (x - 1) * ((N - 3) * a + (x - 2) * c);
        eg5_diag += x * x * (N - 2 * x);
        for (guint j = 0; j < G; j++) {
            double y = g->size[j];
            vg2_outer += x * y * (x - 1) * ((2 * x + 2 * y - 6) * a + (N - x - 1) * c);
            eg5_outer += x * y * (N - x - y);
        }
    }
    eg2 *= q;
    double vg2 = eg2 * (1 - q) + vg2_outer - vg2_diag;
    eg3 = eg2;
    vg3 = eg3 * (1 - q) + vg3;
    double eg5 = q * (eg5_outer - eg5_diag);
    /* sna sums over ordered triples of distinct groups; the sum reduces to
     * power sums: T0 = sum n_i n_j n_k, T1 = sum n_i^2 n_j n_k. */
    double t0 = p1 * p1 * p1 - 3 * p1 * p2 + 2 * p3, t1 = 0;
    for (guint i = 0; i < G; i++) {
        double n = g->size[i];
        t1 += n * n * ((p1 - n) * (p1 - n) - (p2 - n * n));
    }
    double vg5 = eg5 * (1 - q) + (a - b) * ((4 * N - 2) * t0 - 8 * t1) + c * ((N - 1) * t0 - 2 * t1);
    double eg6 = q * N * (N - 1) * (N - 2);
    double vg6 = eg6 * (1 - q) +
                 N * (N - 1) * (N - 2) * ((4 * N - 10) * a - 4 * (N - 3) * b + (N - 3) * c);
    r->network_expected = (RnBrokerageCounts){eg1 / 2, eg2 / 2, eg3, eg5 / 2, eg6 / 2};
    r->network_sd = (RnBrokerageCounts){sqrt(vg1) / 2, sqrt(vg2) / 2, sqrt(vg3), sqrt(vg5) / 2,
                                        sqrt(vg6) / 2};
}

/* (observed - expected) / sd for each role; NAN where sd is 0. */
static RnBrokerageCounts z_scores(const RnBrokerageCounts *o, const RnBrokerageCounts *e,
                                  const RnBrokerageCounts *sd)
{
#define Z(role) (sd->role > 0 ? (o->role - e->role) / sd->role : NAN)
    return (RnBrokerageCounts){Z(coordinator), Z(itinerant), Z(gatekeeper_representative),
                               Z(liaison), Z(total)};
#undef Z
}

void rn_brokerage_compute(const RnNetwork *net, const RnGrouping *g, RnBrokerage *r)
{
    g_return_if_fail(net != NULL);
    g_return_if_fail(g != NULL);
    g_return_if_fail(r != NULL);
    guint n = net->nodes->len, G = g->n_groups;
    *r = (RnBrokerage){.n = n};
    r->observed = g_new0(RnBrokerageCounts, n + 1);
    r->expected = g_new0(RnBrokerageCounts, n + 1);
    r->sd = g_new0(RnBrokerageCounts, n + 1);
    RnAdjacency adj;
    rn_adjacency_build(net, &adj);
    g_autofree guint *mark = g_new0(guint, n + 1);   /* v + 1 on v's contacts */
    g_autofree double *count = g_new0(double, G + 1); /* contacts of v per group */
    for (guint v = 0; v < n; v++) {
        guint gv = g->of_node[v];
        double total = 0, own = 0, squares = 0;
        for (guint k = adj.offset[v]; k < adj.offset[v + 1]; k++) {
            mark[adj.target[k]] = v + 1;
            count[g->of_node[adj.target[k]]] += 1;
        }
        RnBrokerageCounts all = {0}, closed = {0};
        for (guint k = adj.offset[v]; k < adj.offset[v + 1]; k++) {
            guint gi = g->of_node[adj.target[k]];
            double c = count[gi];
            if (c == 0)
                continue; /* group already tallied */
            total += c;
            if (gi == gv) {
                own = c;
                all.coordinator += choose2(c);
            } else {
                squares += c * c;
                all.itinerant += choose2(c);
            }
            count[gi] = 0;
        }
        all.gatekeeper_representative = own * (total - own);
        all.liaison = ((total - own) * (total - own) - squares) / 2;
        /* Closed pairs: contacts i < k of v that are tied to each other. */
        for (guint k = adj.offset[v]; k < adj.offset[v + 1]; k++) {
            guint i = adj.target[k];
            for (guint l = adj.offset[i]; l < adj.offset[i + 1]; l++) {
                guint j = adj.target[l];
                if (j > i && mark[j] == v + 1)
                    classify(&closed, g->of_node[i], g->of_node[j], gv, 1.0);
            }
        }
        RnBrokerageCounts *o = &r->observed[v];
        o->coordinator = all.coordinator - closed.coordinator;
        o->itinerant = all.itinerant - closed.itinerant;
        o->gatekeeper_representative = all.gatekeeper_representative - closed.gatekeeper_representative;
        o->liaison = all.liaison - closed.liaison;
        sum_total(o);
        add_counts(&r->network_observed, o);
    }
    rn_adjacency_clear(&adj);
    double N = n, d = n > 1 ? 2.0 * net->edges->len / (N * (N - 1)) : 0.0;
    expectations(g, N, d, r);
    r->z = g_new0(RnBrokerageCounts, n + 1);
    for (guint v = 0; v < n; v++)
        r->z[v] = z_scores(&r->observed[v], &r->expected[v], &r->sd[v]);
    r->network_z = z_scores(&r->network_observed, &r->network_expected, &r->network_sd);
}

void rn_brokerage_clear(RnBrokerage *r)
{
    g_return_if_fail(r != NULL);
    g_clear_pointer(&r->observed, g_free);
    g_clear_pointer(&r->expected, g_free);
    g_clear_pointer(&r->sd, g_free);
    g_clear_pointer(&r->z, g_free);
}
