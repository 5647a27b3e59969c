/*
 * bridging.h — brokerage, structural holes, cohesion, communities, E-I
 * index, mixing and cross-sector measures (docs/bridging.md).
 *
 * All functions read a network (and a grouping of its nodes) and write
 * into caller-owned result structs whose arrays they allocate; free them
 * with the matching *_clear().  Values that are undefined for a node (e.g.
 * constraint of an isolate) are NAN and are written as null.
 */
#ifndef REGNET_BRIDGING_H
#define REGNET_BRIDGING_H

#include "analyses/random.h"
#include "analyses/analysis.h"
#include "engine/grouping.h"
#include "engine/model.h"
#include "engine/network.h"

/* ---- Gould-Fernandez brokerage (brokerage.c) ---------------------------- */

/* Counts of open two-paths i - v - k (i, k not tied), each unordered path
 * once, by the groups of i, v and k. */
typedef struct {
    double coordinator;               /* i, v, k in one group */
    double itinerant;                 /* i and k in one group, v in another */
    double gatekeeper_representative; /* exactly one of i, k in v's group */
    double liaison;                   /* i, v, k in three groups */
    double total;
} RnBrokerageCounts;

typedef struct {
    guint n;
    RnBrokerageCounts *observed; /* per node */
    RnBrokerageCounts *expected; /* per node, under random group assignment */
    RnBrokerageCounts *sd;       /* per node */
    RnBrokerageCounts *z;        /* per node: (observed - expected) / sd, NAN where sd is 0 */
    RnBrokerageCounts network_observed, network_expected, network_sd, network_z;
} RnBrokerage;

/*
 * Brokerage roles of every node for grouping, with the expected values and
 * standard deviations of R sna::brokerage (Gould and Fernandez 1989),
 * scaled to unordered two-paths.  Time complexity: O(sum of degree^2 + G^3).
 */
void rn_brokerage_compute(const RnNetwork *network, const RnGrouping *grouping,
                          RnBrokerage *result);
void rn_brokerage_clear(RnBrokerage *result);

/* ---- brokerage between named groups (brokerage_pairs.c) ------------------ */

typedef enum {
    RN_BROKER_COORDINATOR,
    RN_BROKER_ITINERANT,
    RN_BROKER_GATEKEEPER_REPRESENTATIVE,
    RN_BROKER_LIAISON,
    RN_BROKER_ROLES
} RnBrokerRole;

/* Names of the roles in reports ("coordinator", ...), as RnBrokerageCounts. */
extern const char *const rn_broker_role_names[RN_BROKER_ROLES];

/* Open two-paths i - v - k through a node with endpoints in groups from and to. */
typedef struct {
    guint from, to;          /* group indices (grouping.labels) */
    RnBrokerRole role;
    double count;
} RnBrokeragePair;

typedef struct {
    guint n;
    guint *offset;           /* n + 1: pairs of node v are pairs[offset[v] .. offset[v + 1]) */
    RnBrokeragePair *pairs;  /* per node, sorted by (from, to, role) */
} RnBrokeragePairs;

/*
 * Gould-Fernandez brokerage of every node per pair of endpoint groups
 * (docs/bridging.md "Brokerage between named groups").  Each unordered open
 * two-path i - v - k is counted once, under:
 *   coordinator                from = to = v's group;
 *   itinerant                  from = to = the endpoints' group;
 *   gatekeeper_representative  from = v's group (the endpoint in it),
 *                              to = the other endpoint's group;
 *   liaison                    from, to = the endpoints' groups, from < to in
 *                              label order.
 * Per node and role the counts add up to rn_brokerage_compute's observed
 * counts.  Only pairs with a positive count are listed.
 * Time complexity: O(sum of degree^2) plus the pairs listed.
 */
void rn_brokerage_pairs_compute(const RnNetwork *network, const RnGrouping *grouping,
                                RnBrokeragePairs *result);
void rn_brokerage_pairs_clear(RnBrokeragePairs *result);

/* ---- group-pair tie matrix (group_mixing.c) -------------------------------- */

typedef struct {
    guint n_groups;
    double *tie_ends;        /* G x G: ties between g and h (g != h); 2 x ties inside g */
    double *expected;        /* D_g D_h / 2m, D_g = tie ends of group g (degree sum) */
    double *pearson;         /* (O - E) / sqrt(E), NAN where E = 0 */
    double *adjusted;        /* (O - E) / sqrt(E (1 - D_g / 2m) (1 - D_h / 2m)) (R chisq.test stdres) */
    double ties;             /* m */
} RnGroupMixing;

/*
 * The symmetric table of tie ends between groups and its expectation under
 * independence of the two ends' groups (each end's group drawn from the
 * groups' shares of all tie ends, as chisq.test computes for the table;
 * Newman's e_gh against a_g a_h).  Time complexity: O(E + G^2).
 */
void rn_group_mixing_compute(const RnNetwork *network, const RnGrouping *grouping,
                             RnGroupMixing *result);
void rn_group_mixing_clear(RnGroupMixing *result);

/* ---- Burt's structural holes (structural_holes.c) ------------------------ */

typedef struct {
    guint n;
    double *constraint;     /* sum over contacts j of (p_ij + sum_q p_iq p_qj)^2 */
    double *effective_size; /* sum over contacts j of (1 - sum_q p_iq m_jq) */
    double *efficiency;     /* effective size / degree */
    double *hierarchy;      /* Burt's concentration of constraint on one contact */
} RnStructuralHoles;

/*
 * Weighted structural-hole measures of every node, with p_ij = w_ij / s_i
 * and m_jq = w_jq / max_k w_jk (NetworkX's definitions).  Isolates get NAN;
 * hierarchy is NAN for degree < 2.  Time complexity: O(sum of degree^2).
 */
void rn_structural_holes_compute(const RnNetwork *network, RnStructuralHoles *result);
void rn_structural_holes_clear(RnStructuralHoles *result);

/* ---- cohesion: coreness, cut points, bridges (cohesion.c) ----------------- */

typedef struct {
    guint n;
    guint *coreness;        /* k-core number (unweighted) */
    gboolean *cut_point;    /* articulation point */
    GArray *bridges;        /* guint edge indices whose removal disconnects */
} RnCohesion;

gboolean rn_cohesion_compute(const RnNetwork *network, RnCohesion *result, GError **error);
void rn_cohesion_clear(RnCohesion *result);

/* ---- communities (communities.c) ------------------------------------------ */

typedef enum {
    RN_COMMUNITY_MODULARITY,
    RN_COMMUNITY_CPM,
} RnCommunityObjective;

typedef struct {
    RnCommunityObjective objective;
    double resolution;      /* gamma */
    guint64 seed;           /* seed of the reported run */
    guint runs;             /* runs with seeds seed .. seed + runs - 1, for stability */
} RnCommunityOptions;

/* Bound on the Leiden iterations of one run; a run normally converges in
 * fewer than ten (docs/bridging.md). */
#define RN_LEIDEN_MAX_ITERATIONS 100

typedef struct {
    guint n;
    guint *membership;      /* canonical: community 0 holds node 0, 1 the next new one... */
    guint count;
    guint *sizes;
    double modularity;      /* Newman modularity (weighted, with gamma) of membership */
    double quality;         /* the objective Leiden maximised */
    double stability;       /* pairs together in all runs / pairs together in this run */
    guint iterations;       /* Leiden iterations of the reported run (to convergence) */
    guint runs_not_converged; /* runs stopped by RN_LEIDEN_MAX_ITERATIONS */
    double *participation;  /* participation coefficient across communities */
} RnCommunities;

gboolean rn_communities_compute(const RnNetwork *network, const RnCommunityOptions *options,
                                RnCommunities *result, GError **error);
void rn_communities_clear(RnCommunities *result);

/* ---- E-I index, mixing, assortativity (ei_index.c) ------------------------- */

typedef struct {
    double external, internal; /* tie counts (or weights) */
    double ei;                 /* (E - I) / (E + I), NAN when no tie */
} RnEiValue;

typedef struct {
    guint n_groups;
    RnEiValue network, network_weighted;
    double expected;           /* (Emax - Imax) / (Emax + Imax) from group sizes */
    double rescaled;           /* observed E-I rescaled to [-1, 1] between its bounds */
    double minimum, maximum;   /* bounds of E-I for this many ties and these group sizes */
    guint permutations;
    guint64 seed;
    double p_greater, p_less, p_two_sided;
    RnEiValue *group, *group_weighted;   /* per group */
    RnEiValue *node, *node_weighted;     /* per node */
    double *mixing_ties;       /* n_groups x n_groups, symmetric, diagonal = internal */
    double *mixing_weights;
    double assortativity, assortativity_weighted;
} RnEiIndex;

/*
 * E-I index at network, group and node level (counts and weights), the
 * rescaled index, a permutation test with permutations random relabellings
 * drawn from seed (splitmix64, docs/bridging.md), the mixing matrices and
 * nominal assortativity.  Time complexity: O(permutations x E + G^2).
 */
void rn_ei_index_compute(const RnNetwork *network, const RnGrouping *grouping,
                         guint permutations, guint64 seed, RnEiIndex *result);
void rn_ei_index_clear(RnEiIndex *result);



/* ---- cross-sector links (cross_sector.c) ----------------------------------- */

typedef struct {
    char *region;           /* NUTS code at the roll-up level */
    guint organisations;    /* organisations located there with a known sector */
    guint ties;             /* ties of those organisations to others with a known sector */
    guint cross_sector_ties;/* of which to another sector */
} RnRegionSectorShare;

typedef struct {
    int level;                  /* NUTS level of the regional roll-up */
    GArray *regions;            /* RnRegionSectorShare, by region code */
    GArray *projects_by_span;   /* guint: [k] = projects whose partners span k sectors */
    guint projects_unknown;     /* projects with no partner of known sector */
    gboolean triple_helix_known;/* does the sector scheme tell academia apart? */
    guint triple_helix;         /* projects with industry, academia/research and public */
    GArray *strongest;          /* guint edge indices, strongest cross-sector ties first */
} RnCrossSector;

/*
 * Cross-sector measures of an organisation network: per region at level
 * (the region containing the organisation's, rn_model_region_ancestor) the share of its organisations' ties that cross sectors; per project the
 * number of sectors its partners span and the triple-helix count; the top
 * strongest ties between different sectors.  Organisations of unknown
 * sector are left out.  Time complexity: O(E log E + participations).
 */
void rn_cross_sector_compute(const RnModel *model, const RnNetwork *network, int level,
                             guint top, RnCrossSector *result);
void rn_cross_sector_clear(RnCrossSector *result);
/* Triple-helix class of a sector label: 'i'ndustry, 'a'cademia/research,
 * 'p'ublic, or 0 when the label does not tell. */
char rn_sector_class(const char *sector);

/* ---- regions as bridges (regional_bridges.c) ------------------------------- */

typedef struct {
    guint organisations;        /* located organisations of the region */
    double betweenness_sum;     /* their organisation-network betweenness */
    double betweenness_mean;
    double brokerage_sum;       /* their brokerage (total roles) */
    double liaison_sum;
    double gatekeeper_representative_sum;
    double bridging_paths;      /* observed two-paths s - j - t, j in the region,
                                   s and t in two other regions (organisation level) */
    double bridging_centrality; /* Berge et al. (2017) approximation from region ties */
} RnRegionBridging;

/*
 * Rolls organisation measures up to the regions of region_network
 * (measure-then-aggregate) and counts bridging paths, observed at
 * organisation level and approximated from aggregated ties.  org_network
 * must come from the same model and filters; an organisation belongs to the
 * region containing its region (rn_model_region_ancestor on
 * region_network->model; none for a hand-made network); betweenness and brokerage
 * are per organisation node.  Output: one RnRegionBridging per region node.
 * Time complexity: O(V_org + E_org + sum of organisation degrees).
 */
void rn_regional_bridges_compute(const RnNetwork *region_network, const RnNetwork *org_network,
                                 const double *org_betweenness, const RnBrokerage *org_brokerage,
                                 RnRegionBridging *result);

/* The definitions of "regions as bridges" regions are ranked by (docs/bridging.md). */
typedef enum {
    RN_BRIDGE_AGGREGATE_BETWEENNESS, /* (a) the region network's own betweenness */
    RN_BRIDGE_AGGREGATE_BROKERAGE,   /* (a) its brokerage, all roles */
    RN_BRIDGE_ORG_BETWEENNESS_SUM,   /* (b) summed organisation betweenness */
    RN_BRIDGE_ORG_BROKERAGE_SUM,     /* (b) summed organisation brokerage */
    RN_BRIDGE_PATHS,                 /* (c) observed bridging paths */
    RN_BRIDGE_CENTRALITY,            /* (c) bridging centrality from aggregated ties */
    RN_BRIDGE_DEFINITIONS
} RnBridgeDefinition;

/* Names of the definitions in reports, indexed by RnBridgeDefinition. */
extern const char *const rn_bridge_definition_names[RN_BRIDGE_DEFINITIONS];
/* How many regions the report lists under each definition. */
#define RN_REGION_BRIDGES_LISTED 10

/* ---- the bridging report (bridging.c) --------------------------------------- */

typedef struct {
    const char *group;             /* grouping name (see grouping.h) */
    RnCommunityOptions communities;
    guint permutations;            /* E-I permutation test size */
    guint64 seed;                  /* E-I permutation seed */
    int level;                     /* NUTS level of organisation roll-ups */
    guint top;                     /* strongest cross-sector links to list */
} RnBridgingOptions;

typedef struct {
    RnGrouping grouping;
    RnBrokerage brokerage;
    RnBrokeragePairs brokerage_pairs;
    RnGroupMixing group_mixing;
    RnStructuralHoles holes;
    RnCohesion cohesion;
    RnCommunities communities;
    RnEiIndex ei;
    gboolean has_cross_sector;     /* organisation networks */
    RnCrossSector cross_sector;
    RnRegionBridging *regions;     /* per region node with regions as bridges, or NULL */
    guint *region_order[RN_BRIDGE_DEFINITIONS]; /* with regions: node indices by each RnBridgeDefinition,
                                    * highest first (set by rn_analysis_run) */
    guint org_nodes, org_edges;    /* size of the organisation network behind it */
} RnBridging;

/*
 * Runs every bridging and cross-sector analysis on network for
 * options->group.  Calls igraph from this thread only.
 * Errors: RN_ERROR_USAGE for a grouping that does not apply; igraph errors.
 * Time complexity: dominated by brokerage and structural holes,
 * O(sum of degree^2), and the E-I permutations, O(permutations x E).
 */
gboolean rn_analyze_bridging(const RnModel *model, const RnNetwork *network,
                             const RnBridgingOptions *options, RnBridging *result,
                             GError **error);

/*
 * Regions as bridges for a region network: organisation-level
 * betweenness (path pass with alpha, threads) and brokerage by the same
 * grouping, rolled up to the regions, plus bridging paths.  Fills
 * result->regions.  org_network must be built from the same model and
 * filters.  Time complexity: that of the organisation path pass.
 */
gboolean rn_analyze_regions_as_bridges(const RnNetwork *region_network,
                                       const RnNetwork *org_network, const char *group,
                                       double alpha, guint threads, RnBridging *result,
                                       GError **error);

void rn_bridging_clear(RnBridging *result);

/*
 * The score of region node i under definition d: the region network's
 * betweenness (c) or brokerage, or a roll-up in result->regions (which must
 * be set).  Time complexity: O(1).
 */
double rn_region_bridge_score(const RnCentrality *centrality, const RnBridging *result, guint i,
                              RnBridgeDefinition d);

#endif
