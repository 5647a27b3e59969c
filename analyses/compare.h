/*
 * compare.h — comparing the networks of two or more periods over one node
 * space (docs/compare.md): the whole pipeline (rn_compare_run) and its
 * parts, so the CLI and the HTTP API only parse, call and render.
 */
#ifndef REGNET_COMPARE_H
#define REGNET_COMPARE_H

#include "analyses/analysis.h"
#include "engine/model.h"

/* One period's network and measures. */
typedef struct {
    char *period;               /* owned */
    RnNetwork *network;
    RnCentrality centrality;
    RnSummary summary;
    double modularity;          /* Leiden (seeded) modularity */
    guint communities;
    double cross_sector_share;  /* org networks: ties between sectors / ties of known sectors */
} RnPeriodResult;

/* A kept node whose rank moved between two periods (risers and fallers). */
typedef struct {
    guint kept;                 /* index into the comparison's kept_a / kept_b */
    double rank_from, rank_to;  /* 1 = highest, ties share the average rank */
    double value_from, value_to;
} RnMover;

/* Centralities whose risers and fallers are listed (indices of rn_centrality_names). */
#define RN_MOVER_CENTRALITIES 2
extern const guint rn_mover_centralities[RN_MOVER_CENTRALITIES];

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
    GArray *risers[RN_MOVER_CENTRALITIES];  /* RnMover, most improved first, at most top */
    GArray *fallers[RN_MOVER_CENTRALITIES]; /* RnMover, most worsened first */
} RnComparison;

/* What to compare: one network spec applied to each period. */
typedef struct {
    RnNetworkSpec spec;         /* its period is replaced by each period in turn */
    RnAnalysisOptions options;  /* alpha, threads */
    const char *const *periods; /* n_periods period names, as the data name them */
    guint n_periods;            /* 2 or more */
    guint64 seed;               /* Leiden seed of each period's communities */
    guint top;                  /* risers and fallers listed per centrality */
} RnCompareRequest;

typedef struct {
    RnPeriodResult *periods;    /* n_periods, in the order asked */
    guint n_periods;
    RnComparison *comparisons;  /* n_periods - 1, consecutive pairs */
    GPtrArray *caveats;         /* char *: the dataset's coverage notes, then per period */
    GPtrArray *warnings;        /* char *: what igraph warned about */
    GPtrArray *near_duplicates; /* GPtrArray * of organisation keys (rn_model_near_duplicates) */
} RnCompareResult;

/*
 * Builds and analyses the network of every period (same node space: one
 * model), computes each period's Leiden communities and cross-sector share,
 * compares consecutive periods (turnover, tie persistence, rank
 * correlations, risers and fallers) and gathers the caveats.  result is
 * filled here; release it with rn_compare_result_clear() (a failure leaves
 * it cleared).  Errors: RN_ERROR_USAGE for a period without projects
 * (naming the periods present) or a period whose network has no node;
 * RN_ERROR_INTERNAL from igraph.
 * Time complexity: that of rn_analysis_run per period, plus
 * O((V + E) log(V + E)) per comparison.
 */
gboolean rn_compare_run(const RnModel *model, const RnCompareRequest *request,
                        RnCompareResult *result, GError **error);
void rn_compare_result_clear(RnCompareResult *result);

/* Share of an organisation network's ties that join two different known
 * sectors, among ties whose ends both have a sector; NAN for other kinds
 * or when no tie qualifies.  Time complexity: O(E). */
double rn_cross_sector_share(const RnNetwork *network);

extern const char *const rn_centrality_names[7];

/* Spearman's rho of x and y (n values), ties given average ranks; NAN when
 * either has no variance or n < 2.  Time complexity: O(n log n). */
double rn_spearman(const double *x, const double *y, guint n);

/* Compares period a with period b (indices ia, ib), listing top risers and
 * fallers.  Time complexity: O((V + E) log(V + E)). */
void rn_compare_periods(const RnPeriodResult *a, const RnPeriodResult *b, guint ia, guint ib,
                        guint top, RnComparison *out);
void rn_comparison_clear(RnComparison *c);

/* The value of centrality k (0..6) of node i. */
double rn_centrality_value(const RnCentrality *c, guint k, guint i);

#endif
