/*
 * compare.h — comparing the networks of two periods (or any two filters)
 * over one node space (docs/compare.md).
 */
#ifndef REGNET_COMPARE_H
#define REGNET_COMPARE_H

#include "analyses/analysis.h"

/* One period's network and measures. */
typedef struct {
    char *period;
    RnNetwork *network;
    RnCentrality centrality;
    RnSummary summary;
    double modularity;          /* Leiden (seeded) modularity */
    guint communities;
    double cross_sector_share;  /* org networks: ties between sectors / ties of known sectors */
} RnPeriodResult;

typedef struct {
    guint a, b;                 /* indices of the periods compared */
    GPtrArray *entered;         /* node ids in b, not in a (char *, borrowed) */
    GPtrArray *left;            /* in a, not in b */
    guint kept;
    double edge_jaccard;        /* |Ea & Eb| / |Ea | Eb| */
    double weighted_jaccard;    /* sum min(wa, wb) / sum max(wa, wb) over Ea | Eb */
    double edge_weight_spearman;/* over pairs of kept nodes tied in either period (0 if absent) */
    double spearman[7];         /* degree .. pagerank over kept nodes, average ranks */
    guint *kept_a, *kept_b;     /* node index of each kept node in a and in b */
} RnComparison;

extern const char *const rn_centrality_names[7];

/* Spearman's rho of x and y (n values), ties given average ranks; NAN when
 * either has no variance or n < 2.  Time complexity: O(n log n). */
double rn_spearman(const double *x, const double *y, guint n);

/* Compares period a with period b.  Time complexity: O((V + E) log(V + E)). */
void rn_compare_periods(const RnPeriodResult *a, const RnPeriodResult *b, guint ia, guint ib,
                        RnComparison *out);
void rn_comparison_clear(RnComparison *c);

/* The value of centrality k (0..6) of node i. */
double rn_centrality_value(const RnCentrality *c, guint k, guint i);

#endif
