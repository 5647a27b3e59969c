/*
 * analysis.h — what the analyses compute on a network (docs/metrics.md).
 *
 * Path measures use distance = 1 / weight^alpha for each edge (alpha = 0:
 * every edge has length 1).  Path lengths that differ by no more than a
 * relative 1e-10 are equal, so that float summation of 1/w terms does not
 * split equally long paths (igraph uses the same tolerance).
 */
#ifndef REGNET_ANALYSIS_H
#define REGNET_ANALYSIS_H

#include "engine/network.h"
#include "engine/progress.h"

/* The per-node centralities, as bits of a set (RnAnalysisOptions.metrics). */
typedef enum {
    RN_METRIC_DEGREE = 1u << 0,
    RN_METRIC_STRENGTH = 1u << 1,
    RN_METRIC_BETWEENNESS = 1u << 2,
    RN_METRIC_HARMONIC = 1u << 3,
    RN_METRIC_CLOSENESS = 1u << 4,
    RN_METRIC_EIGENVECTOR = 1u << 5,
    RN_METRIC_PAGERANK = 1u << 6,
} RnMetric;
#define RN_METRIC_COUNT 7
#define RN_METRICS_ALL 0x7fu
/* The centralities that need the shortest-path pass. */
#define RN_METRICS_PATHS (RN_METRIC_BETWEENNESS | RN_METRIC_HARMONIC | RN_METRIC_CLOSENESS)

/* "degree", "strength", ..., "pagerank": bit k of RnMetric; NULL-terminated. */
extern const char *const rn_metric_names[RN_METRIC_COUNT + 1];

/* How betweenness was computed. */
typedef struct {
    gboolean sampled;          /* FALSE: exact (Brandes) */
    double epsilon, delta;     /* sampled: |estimate - exact| <= epsilon for every node
                                * with probability >= 1 - delta */
    guint64 seed;              /* sampled: seed of the draws */
    guint64 samples;           /* sampled: pairs of the estimate (KADABRA's stopping time) */
    guint64 preliminary_samples; /* sampled: pairs drawn first to split delta over the nodes */
    guint64 max_samples;       /* sampled: the cap omega (Riondato-Kornaropoulos at delta/2) */
    guint vertex_diameter;     /* sampled: upper bound of the vertex diameter used for omega */
} RnBetweennessMethod;

/* Per-node centralities; arrays of length n, owned by the struct. */
typedef struct {
    guint n;
    double *degree;       /* distinct neighbours */
    double *strength;     /* sum of edge weights */
    double *betweenness;  /* weighted, normalised by 2/((n-1)(n-2)) */
    double *harmonic;     /* sum over reachable t of 1/d(s,t) */
    double *closeness;    /* Wasserman-Faust: ((r-1)/(n-1)) * (r-1)/sum d */
    double *eigenvector;  /* weighted, scaled to max 1 */
    double *pagerank;     /* damping 0.85, weights as strengths */
    guint metrics;        /* RnMetric bits of the arrays computed; the others are NULL */
    RnBetweennessMethod betweenness_method;
} RnCentrality;

typedef struct {
    guint nodes;
    guint edges;
    guint path_sources;      /* sources the path pass solved (0 when none ran) */
    guint open_twins_merged; /* nodes solved as twins of another (docs/paths.md) */
    guint closed_twins_merged;
    guint path_reductions;   /* RnReduction bits the path pass applied */
    guint degree1_removed;   /* nodes removed as degree 1 (docs/paths.md) */
    guint articulation_points;
    guint biconnected_components;
    guint largest_biconnected_nodes;
    guint largest_biconnected_edges;
    double total_weight;
    double density;          /* 2E / (N (N - 1)) */
    guint components;
    guint largest_component; /* nodes in the largest component */
    double largest_component_share;
    double transitivity;     /* 3 x triangles / connected triples */
    double average_clustering; /* mean local clustering, 0 for degree < 2 */
    guint isolates;
    gboolean has_paths;      /* the path statistics below were computed (a full path pass ran) */
    /* Over the largest component: */
    guint diameter_hops;
    double average_path_length_hops;
    double diameter_weighted;
    double average_path_length_weighted;
    /* Freeman centralization, sum(max - c_i) over the star graph's value. */
    double centralization_degree;
    double centralization_betweenness;
    double centralization_closeness;
    double centralization_eigenvector;
} RnSummary;

typedef struct {
    double alpha;            /* distance = 1 / weight^alpha */
    guint threads;           /* worker threads for the path pass (>= 1) */
    guint metrics;           /* RnMetric bits to compute; 0 = every centrality */
    double sample_epsilon;   /* > 0: sampled betweenness (rn_betweenness_sample); 0: exact */
    double sample_delta;
    guint64 sample_seed;
    const RnProgress *progress; /* NULL: none */
    guint skip_reductions;   /* RnReduction bits the path pass leaves out (--reductions) */
} RnAnalysisOptions;

void rn_centrality_clear(RnCentrality *c);

/* The version text of the igraph library regnet runs on, e.g. "0.10.2". */
const char *rn_igraph_version(void);

/*
 * Computes the per-node centralities options->metrics asks for (every one
 * when 0) and the network summary; the arrays of the others stay NULL, their
 * centralizations NAN.  The shortest-path pass runs when betweenness (exact),
 * harmonic or closeness is asked for; the path statistics of the summary
 * (diameters, average path lengths) come from it (summary->has_paths).  igraph is
 * called from this thread only; the shortest-path pass runs on
 * options->threads threads of its own code.  Results are identical for any
 * thread count.  Time complexity: O(V (E + V log V)) for the path pass.
 */
gboolean rn_analyze_network(const RnNetwork *network, const RnAnalysisOptions *options,
                            RnCentrality *centrality, RnSummary *summary, GError **error);

/* Internal steps, exposed for tests. */

typedef struct {
    double *betweenness;     /* normalised */
    double *harmonic;
    double *closeness;
    guint diameter_hops;     /* over the nodes with in_scope set */
    double average_path_length_hops;
    double diameter_weighted;
    double average_path_length_weighted;
    guint reductions;          /* RnReduction bits applied */
    guint sources;             /* sources solved (n less the reductions) */
    guint degree1_removed;     /* nodes removed as degree 1, repeatedly (pendants.h) */
    guint open_twins_merged;   /* nodes solved as an open twin of a lower node */
    guint closed_twins_merged; /* nodes solved as a closed twin of a lower node */
    guint articulation_points; /* of the whole graph (biconnected.h) */
    guint biconnected_components;
    guint largest_biconnected_nodes;
    guint largest_biconnected_edges;
} RnPathResult;

/*
 * One pass per source computing weighted betweenness (Brandes), harmonic and
 * closeness centrality for every node, and hop and weighted diameter and
 * average path length among the nodes with in_scope[i] (one component).
 * Outputs are allocated here (g_free them).  Never calls igraph.
 * Time complexity: O(V (E + V log V)).
 */
void rn_paths_compute(const RnNetwork *network, double alpha, guint threads,
                      const gboolean *in_scope, RnPathResult *result);

/*
 * Frees the arrays of result (filled by rn_paths_compute) and zeroes it, the
 * *_clear() convention: safe on a zeroed or already cleared result.  Inline
 * here so paths.c keeps one topic.  Time complexity: O(1).
 */
static inline void rn_path_result_clear(RnPathResult *result)
{
    g_return_if_fail(result != NULL);
    g_free(result->betweenness);
    g_free(result->harmonic);
    g_free(result->closeness);
    *result = (RnPathResult){0};
}

/* Exact reductions of the path pass (docs/paths.md). */
typedef enum {
    RN_REDUCTION_TWINS = 1 << 0,   /* structurally equivalent nodes solved once */
    RN_REDUCTION_DEGREE1 = 1 << 1, /* degree-1 nodes removed repeatedly, added in closed form */
    RN_REDUCTIONS_ALL = (1 << 2) - 1
} RnReduction;

typedef struct {
    double alpha;
    guint threads;
    gboolean betweenness;        /* FALSE: no dependency accumulation, result->betweenness NULL */
    gboolean plain;              /* TRUE: no exact reduction, for tests and benchmarks */
    guint skip_reductions;       /* RnReduction bits left out (0: every reduction) */
    const RnProgress *progress;  /* RN_PHASE_PATHS: sources done of n; NULL: none */
} RnPathOptions;

/*
 * rn_paths_compute() with options: betweenness may be left out (about half
 * the work of a weighted pass), progress is reported from the calling thread,
 * and before a pass on 256 nodes or more a few sources spread over the node
 * order are timed and the estimated wall time of the whole pass reported
 * (RN_PROGRESS_ESTIMATE).  Unless options->plain or skip_reductions say
 * otherwise, degree-1 nodes are removed (pendants.h) and twins merged
 * (twins.h), with results equal to the plain pass to 1e-12 relative; the
 * result says what they removed and gives the biconnected structure
 * (biconnected.h).  Time complexity: O(S (E + V log V)), S the sources left.
 */
void rn_paths_run(const RnNetwork *network, const RnPathOptions *options,
                  const gboolean *in_scope, RnPathResult *result);

/* Smallest and largest sample size rn_betweenness_sample() accepts
 * (epsilon, delta within them: see cli/options.c). */
#define RN_SAMPLE_MAX 100000000u

/*
 * Betweenness estimated from sampled shortest paths with KADABRA's adaptive
 * stopping rule (Borassi and Natale 2019, ACM JEA 24; ESA 2016).  A sample
 * is an ordered pair (s, t), s != t, drawn uniformly and one shortest s-t
 * path drawn uniformly among all (balanced bidirectional search); each inner
 * node counts 1.  The cap is omega = ceil((0.5 / eps^2) (floor(log2(VD - 2))
 * + 1 + ln(2 / delta))) samples (Riondato and Kornaropoulos 2016 at delta/2),
 * VD an upper bound of the vertex diameter (the most nodes on a shortest
 * path), eps = epsilon (n - 2) / n so that the bound holds for regnet's
 * normalisation 1/((n-1)(n-2)).  A preliminary omega/100 samples split delta/2
 * over the nodes; the main phase stops at the first multiple of 512 samples
 * where Borassi and Natale's bounds f and g are within eps for every node, or
 * at omega.  With probability at least 1 - delta every node's estimate is
 * within epsilon of its exact normalised betweenness (docs/paths.md).  Sample
 * k is drawn from a generator seeded with (seed, phase, k) and the rule is
 * evaluated in sample order, so the result is identical for any number of
 * threads.  Output allocated here (g_free), method filled.  Errors:
 * RN_ERROR_USAGE when omega would exceed RN_SAMPLE_MAX.  Time complexity:
 * O(omega (E + V log V)) worst case; in practice far fewer samples, each a
 * bidirectional search that meets after a small part of the graph.
 */
gboolean rn_betweenness_sample(const RnNetwork *network, double alpha, guint threads,
                               double epsilon, double delta, guint64 seed,
                               const RnProgress *progress, double **betweenness,
                               RnBetweennessMethod *method, GError **error);

#endif
