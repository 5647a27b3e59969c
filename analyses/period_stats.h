/*
 * period_stats.h — statements about period changes that can be tested
 * (docs/compare.md, "Significance"): network statistics recomputed on
 * resampled networks, the bootstrap over projects within a period, the
 * permutation test of a difference between two periods (projects shuffled
 * between them), QAP correlation of two periods' ties, a degree-preserving
 * null model, p-values of Spearman's rho, and partition agreement (adjusted
 * Rand index, normalised mutual information).
 *
 * Randomness: every draw comes from splitmix64 (rn_splitmix64 in
 * ei_index.c) seeded from the request's seed through rn_stream_seed(), one
 * stream per (purpose, period or pair, replicate), so results do not
 * depend on the order of work or the thread count, and an independent
 * implementation of the same steps draws the same samples
 * (scripts/reference_resample.py does).
 *
 * igraph is called from the calling thread only (eigenvector centrality,
 * transitivity, Leiden); the path pass runs on threads of its own code.
 */
#ifndef REGNET_PERIOD_STATS_H
#define REGNET_PERIOD_STATS_H

#include "analyses/analysis.h"
#include "engine/network.h"

/* ---- network statistics (period_stats.c) --------------------------------- */

/* The statistics resamples and null models recompute, in report order. */
typedef enum {
    RN_STAT_DENSITY,
    RN_STAT_MEAN_DEGREE,
    RN_STAT_CENTRALIZATION_DEGREE,
    RN_STAT_CENTRALIZATION_BETWEENNESS, /* needs the path pass */
    RN_STAT_CENTRALIZATION_CLOSENESS,   /* needs the path pass */
    RN_STAT_CENTRALIZATION_EIGENVECTOR,
    RN_STAT_TRANSITIVITY,
    RN_STAT_MODULARITY,
    RN_STATS
} RnStatistic;

/* Names of the statistics in reports, indexed by RnStatistic. */
extern const char *const rn_statistic_names[RN_STATS];

/* Does statistic s need shortest paths (the expensive part of a resample)? */
gboolean rn_statistic_needs_paths(RnStatistic s);

typedef struct {
    double alpha;            /* path length 1 / weight^alpha (analysis.h) */
    guint threads;           /* threads of the path pass */
    guint64 leiden_seed;     /* seed of the one Leiden run behind modularity */
    gboolean paths;          /* compute the path statistics (else NAN) */
    int rank_centrality;     /* 0..6: fill centrality[] with this centrality; -1: none */
} RnStatisticsOptions;

/*
 * Computes every RnStatistic of network into values[RN_STATS], exactly as
 * the period's summary defines them (docs/metrics.md): density 2E/(N(N-1)),
 * mean degree 2E/N, Freeman centralizations, transitivity, and the Newman
 * modularity of one seeded Leiden run iterated to convergence (NAN without
 * ties).  With options->rank_centrality >= 0, centrality (n values, caller
 * allocated) receives that centrality of every node.  A network without
 * nodes gives NAN everywhere.  Errors: RN_ERROR_INTERNAL from igraph.
 * Time complexity: O(V (E + V log V)) with paths, else O(E) per
 * eigenvector iteration and Leiden's O(E) per iteration.
 */
gboolean rn_network_statistics(const RnNetwork *network, const RnStatisticsOptions *options,
                               double *values, double *centrality, GError **error);

/* ---- projects as the unit of resampling (resample.c) ---------------------- */

/*
 * The selected projects of one or more period networks, each as the set of
 * nodes it touches, in a node space shared by the periods (node ids sorted:
 * the union of the periods' node ids).  Projects touching no node of the
 * network are kept (they are drawn like the others and add nothing), so
 * n_projects equals the networks' projects_selected.
 */
typedef struct {
    guint n_space;           /* nodes of the shared node space */
    guint n_projects;
    guint *offset;           /* n_projects + 1 */
    guint *member;           /* node-space indices, increasing within a project */
    guint *node_offset;      /* n_space + 1: projects of each node */
    guint *node_project;     /* project indices, increasing within a node */
} RnProjectSet;

/*
 * Recovers the projects of network (from its edges' project lists and its
 * nodes' internal_projects) as node sets in the node space: node i of
 * network is node space_of[i].  A project of one node is recovered as that
 * node alone (its identity does not matter to a network built from it).
 * Time complexity: O(sum over projects of k^2 log k) for k nodes a project touches.
 */
void rn_project_set_from_network(const RnNetwork *network, const guint *space_of,
                                 guint n_space, RnProjectSet *set);

/* Concatenates sets a and b (same node space): a's projects first. */
void rn_project_set_concat(const RnProjectSet *a, const RnProjectSet *b, RnProjectSet *out);

void rn_project_set_clear(RnProjectSet *set);

/*
 * The network of a multiset of projects: count[q] copies of project q.
 * Nodes are the node-space indices some drawn project touches, in
 * increasing order (so in id order); *space_of (caller frees) receives each
 * node's node-space index.  Tie weights as rn_network_build: the number of
 * shared projects (copies counted), or Newman's sum of 1/(k - 1).  Nodes
 * carry no ids or labels.  Time complexity: O(sum over drawn projects of k^2).
 */
RnNetwork *rn_network_from_projects(const RnProjectSet *set, const guint *count,
                                    RnWeighting weighting, guint **space_of);

/* ---- the generator streams ------------------------------------------------ */

/* Purposes of the random streams (rn_stream_seed). */
typedef enum {
    RN_STREAM_BOOTSTRAP = 1,
    RN_STREAM_PERMUTATION = 2,
    RN_STREAM_QAP = 3,
    RN_STREAM_NULL_MODEL = 4,
} RnStreamPurpose;

/*
 * Initial splitmix64 state of the stream for (purpose, unit, replicate):
 * seed + 0x9E3779B97F4A7C15 x (purpose x 2^48 + unit x 2^32 + replicate),
 * modulo 2^64, then one splitmix64 output.  unit is the period (bootstrap,
 * null model) or the comparison (permutation, QAP).  Time complexity: O(1).
 */
guint64 rn_stream_seed(guint64 seed, RnStreamPurpose purpose, guint unit, guint replicate);

/* ---- summaries of a replicate distribution (statistics.c) ----------------- */

/*
 * The p-quantile (0 <= p <= 1) of values[0..n) by linear interpolation
 * between order statistics (Hyndman and Fan type 7: R's quantile()
 * default, numpy's "linear"); NAN values are left out; NAN when none is
 * left.  values is not changed.  Time complexity: O(n log n).
 */
double rn_quantile(const double *values, guint n, double p);

/*
 * Mean and sample standard deviation (n - 1) of values, NAN values left
 * out; *sd is NAN for fewer than two.  Time complexity: O(n).
 */
void rn_mean_sd(const double *values, guint n, double *mean, double *sd);

/*
 * Two-sided p-value of Spearman's (or Pearson's) rho over n pairs from
 * Student's t with n - 2 degrees of freedom, t = rho sqrt((n - 2) / (1 -
 * rho^2)): R's cor.test(method = "spearman", exact = FALSE) and
 * scipy.stats.spearmanr.  NAN when rho is NAN or n < 3; 0 when |rho| = 1.
 * Time complexity: O(1) (a continued fraction of at most 300 terms).
 */
double rn_correlation_p_value(double rho, guint n);

/* Regularised incomplete beta function I_x(a, b), exposed for tests. */
double rn_incomplete_beta(double a, double b, double x);

/* ---- partitions (partition_agreement.c) ----------------------------------- */

/*
 * Adjusted Rand index (Hubert and Arabie 1985) of two labellings of the
 * same n items; 1 when both put every item in one cluster or each in its
 * own (scikit-learn's convention).  NAN for n = 0.
 * Time complexity: O(n) expected (hash tables).
 */
double rn_adjusted_rand_index(const guint *a, const guint *b, guint n);

/*
 * Normalised mutual information I(a; b) / ((H(a) + H(b)) / 2), natural
 * logarithms (scikit-learn's arithmetic normalisation; igraph's "nmi",
 * Danon et al. 2005); 1 when both entropies are 0.  NAN for n = 0.
 * Time complexity: O(n) expected.
 */
double rn_normalized_mutual_information(const guint *a, const guint *b, guint n);

/* ---- QAP (qap.c) ------------------------------------------------------------ */

typedef struct {
    guint nodes;             /* common nodes */
    double pairs;            /* n (n - 1) / 2 */
    double correlation;      /* Pearson over the upper triangles (sna::gcor, mode "graph") */
    guint permutations;
    guint64 seed;
    double p_greater;        /* (1 + #{r_perm >= r}) / (1 + P) */
    double p_less;
    double p_two_sided;      /* min(1, 2 min(p_greater, p_less)) */
    double permuted_mean, permuted_sd;
} RnQap;

/*
 * QAP correlation of two weighted networks over the nodes they share
 * (matched by id): r is Pearson's correlation of the weights of the pairs
 * i < j of common nodes (0 where untied), as sna::gcor(mode = "graph");
 * its null distribution permutes the common nodes of b (rows and columns
 * together, sna::rmperm) permutations times, each a Fisher-Yates shuffle
 * from the stream (RN_STREAM_QAP, unit, 0).  r is NAN when either side has
 * no variance (then so are the p-values), as are the p-values when
 * permutations is 0.  Time complexity: O(V log V + permutations x E) with
 * E the ties of a among common nodes.
 */
void rn_qap_correlation(const RnNetwork *a, const RnNetwork *b, guint permutations,
                        guint64 seed, guint unit, RnQap *result);

/* ---- degree-preserving null model (null_model.c) ----------------------------- */

/* Attempted double-edge swaps per tie in one null network. */
#define RN_NULL_SWAPS_PER_TIE 10

/*
 * A random network with network's nodes and degrees: RN_NULL_SWAPS_PER_TIE x E
 * attempted double-edge swaps (Maslov and Sneppen 2002) of two ties drawn
 * uniformly, a-b and c-d becoming a-d and c-b or a-c and b-d (a fair coin),
 * refused when a self-tie or a repeated tie would result; each tie keeps
 * its weight as its far end moves (weights follow ties, Opsahl et al.
 * 2008).  state is the splitmix64 state.  Caller frees.
 * Time complexity: O(E) expected (a bit matrix up to 8192 nodes, else a hash set of
 * ties) plus O(E log E) to sort the result.
 */
RnNetwork *rn_null_network(const RnNetwork *network, guint64 *state);

/* ---- the comparison statistics (period_tests.c) -------------------------------- */

/* Bootstrap summary of one statistic. */
typedef struct {
    double estimate;         /* on the observed network */
    double ci_low, ci_high;  /* percentile interval */
    double se;               /* standard deviation of the replicates */
    double bias;             /* mean of the replicates - estimate */
    double basic_low, basic_high; /* basic (reverse percentile) interval:
                                   * 2 estimate - ci_high, 2 estimate - ci_low */
    guint valid;             /* replicates with a value (not NAN) */
} RnBootstrapValue;

/* Null-model summary of one statistic. */
typedef struct {
    double observed, mean, sd;
    double z;                /* (observed - mean) / sd, NAN where sd is 0 */
} RnNullValue;

/* Permutation test of one difference (later minus earlier). */
typedef struct {
    double difference;
    guint valid;             /* permuted splits with a value */
    double p_greater, p_less, p_value;
} RnPermutationValue;

#endif
