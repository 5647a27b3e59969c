/*
 * compare.h — comparing the networks of two or more periods over one node
 * space (docs/compare.md): the whole pipeline (rn_compare_run) and its
 * parts, so the CLI and the HTTP API only parse, call and render.
 */
#ifndef REGNET_COMPARE_H
#define REGNET_COMPARE_H

#include "analyses/analysis.h"
#include "analyses/period_stats.h"
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
    guint *membership;          /* Leiden community of each node (canonical labels) */
    double *ranks[7];           /* rank of each node by each centrality: 1 = highest,
                                 * average ranks for ties (rn_rank_descending) */
    double statistics[RN_STATS];/* rn_network_statistics of the network */
    guint bootstrap_replicates; /* 0: no bootstrap */
    RnBootstrapValue bootstrap[RN_STATS];
    double *rank_low, *rank_high; /* bootstrap interval of each node's rank by the
                                 * request's rank_centrality, or NULL */
    guint null_networks;        /* 0: no null model */
    RnNullValue null_model[RN_STATS];
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
    double spearman_p[7];       /* two-sided p-values (rn_correlation_p_value) */
    double edge_weight_spearman_p;
    guint edge_weight_pairs;    /* pairs behind edge_weight_spearman */
    double adjusted_rand;       /* communities of the kept nodes in a and in b */
    double normalized_mutual_information;
    RnQap qap;                  /* weighted ties over the kept nodes */
    guint permutations;         /* permutation test size (0: none) */
    gboolean permutation_exact; /* every split enumerated (few projects) */
    RnPermutationValue permutation[RN_STATS];
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
    guint bootstrap;            /* bootstrap replicates per period (0: none) */
    guint permutations;         /* permutation test size per comparison (0: none) */
    guint qap;                  /* QAP permutations per comparison (0: correlation only) */
    guint null_models;          /* degree-preserving null networks per period (0: none) */
    int rank_centrality;        /* 0..6: bootstrap intervals of node ranks by it; -1: none */
    gboolean resample_paths;    /* resamples and null networks also recompute the path
                                 * statistics (betweenness and closeness centralization) */
} RnCompareRequest;

/* Confidence level of the bootstrap's percentile intervals. */
#define RN_BOOTSTRAP_LEVEL 0.95

/*
 * Upper bound on the work of the resampling a request asks for, in
 * node-tie steps (V (E + V) per network with the path statistics, 50 (E +
 * V) without): about an hour on one core.  rn_compare_run refuses more with
 * RN_ERROR_USAGE.
 */
#define RN_RESAMPLING_WORK_MAX 2e11

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

/* Ranks 1..n of values, ascending (1 = lowest), ties (within 1e-9 of the
 * largest |value|) sharing their average rank.  Time complexity: O(n log n). */
void rn_average_ranks(const double *values, guint n, double *ranks);
/* The same, descending: 1 = highest.  Time complexity: O(n log n). */
void rn_rank_descending(const double *values, guint n, double *ranks);

/*
 * The resampling statistics of a comparison (period_tests.c; docs/compare.md):
 * bootstrap intervals of every period's statistics (and node ranks), null-model
 * z-scores, and the permutation test of each consecutive pair.  Each fills
 * the members of its part; periods and comparisons must already hold their
 * observed results.  Errors: RN_ERROR_INTERNAL from igraph.
 * Time complexity: replicates x that of rn_network_statistics.
 */
gboolean rn_compare_bootstrap(const RnCompareRequest *request, RnPeriodResult *period,
                              guint index, GError **error);
gboolean rn_compare_null_model(const RnCompareRequest *request, RnPeriodResult *period,
                               guint index, GError **error);
gboolean rn_compare_permutation_test(const RnCompareRequest *request, const RnPeriodResult *a,
                                     const RnPeriodResult *b, guint index, RnComparison *out,
                                     GError **error);
/*
 * The work (node-tie steps) the request's resampling needs on the periods'
 * networks (built, not yet analysed).  Time complexity: O(periods).
 */
double rn_compare_resampling_work(const RnCompareRequest *request, const RnCompareResult *result);

/* The value of centrality k (0..6) of node i. */
double rn_centrality_value(const RnCentrality *c, guint k, guint i);

#endif
