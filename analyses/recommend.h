/*
 * recommend.h — partner recommendations from collaboration history, with
 * their explanations, and their validation on a later period
 * (docs/recommend.md).
 *
 * A pair (u, v) of nodes gets the neighbourhood scores of link_scores.h and
 * four node-attribute scores:
 *   theme_similarity        shared themes weighted by rarity: sum of idf over
 *                           themes of both / sum of idf over themes of either,
 *                           idf(t) = ln((1 + N) / (1 + n_t)) + 1
 *   sector_complementarity  total variation distance of the two sector mixes
 *                           (1/2 sum |p_u(s) - p_v(s)|), 0 when either is unknown
 *   cross_border            1 when both countries are known and differ
 *   activity                a(u) a(v), a = recency-weighted project count
 *                           (a project of the k-th latest period weighs 2^-k),
 *                           divided by its largest value
 * The combined score is a logistic model of these, fitted on the same
 * network with a fifth of its projects held out (recommend_model.c): a
 * learned weighting, validated by rn_recommend_evaluate on a later period.
 */
#ifndef REGNET_RECOMMEND_H
#define REGNET_RECOMMEND_H

#include "analyses/link_scores.h"
#include "engine/membership.h"
#include "engine/model.h"

/* Node-attribute scores follow the neighbourhood ones. */
enum {
    RN_SCORE_THEMES = RN_NEIGHBOURHOOD_SCORES,
    RN_SCORE_SECTORS,
    RN_SCORE_CROSS_BORDER,
    RN_SCORE_ACTIVITY,
    RN_SCORES
};

/* JSON names of every score, in order. */
extern const char *const rn_score_names[RN_SCORES];

/* What the network's projects say about each node. */
typedef struct {
    guint n;
    guint n_themes;
    char **theme_names;       /* n_themes, sorted (byte order) */
    double *theme_idf;        /* rarity of each theme */
    guint *theme_offset;      /* n + 1: node i's themes are theme_id[theme_offset[i] ..) */
    guint *theme_id;          /*   increasing */
    guint *theme_projects;    /*   the node's projects with that theme */
    double *theme_weight;     /* n: sum of the idf of node i's themes */
    guint n_sectors;
    char **sector_names;      /* n_sectors, sorted */
    double *sector_share;     /* n x n_sectors: share of the node's participations */
    gboolean *sector_known;   /* the node has participations of a known sector */
    double *activity;         /* a(i) in [0, 1] */
    guint n_periods;
    char **periods;           /* periods of the projects, sorted by name (oldest first) */
    guint *country_id;          /* n: 0 when the country is unknown, else a number per code */
} RnNodeProfiles;

/*
 * Builds the profiles of network's nodes from model and membership, leaving
 * out projects whose slot is set in hidden (NULL: none).
 * Time complexity: O(P + sum over projects of themes x n_p + T log T).
 */
void rn_node_profiles_build(const RnModel *model, const RnNetwork *network,
                            const RnMembership *membership, const gboolean *hidden,
                            RnNodeProfiles *profiles);
void rn_node_profiles_clear(RnNodeProfiles *profiles);

/* Every score of the pair (u, v) into scores[RN_SCORES].
 * Time complexity: O(d(u) + d(v) + themes + sectors). */
void rn_pair_scores(const RnLinkGraph *graph, const RnNodeProfiles *profiles, guint u, guint v,
                    double *scores);
/* The attribute scores (RN_SCORE_THEMES ..) of (u, v) into scores. */
void rn_pair_attribute_scores(const RnNodeProfiles *profiles, guint u, guint v, double *scores);

/* ---- the combined score (recommend_model.c) ---------------------------- */

/* Share of the projects with ties held out to fit the combined score. */
#define RN_HOLDOUT_SHARE 0.2
/* At most this many held-out ties (and as many non-ties) train the model. */
#define RN_TRAINING_PAIRS 20000
/* L2 penalty on the standardised weights. */
#define RN_MODEL_PENALTY 1.0

typedef struct {
    gboolean fitted;          /* FALSE: too few held-out ties; the score is
                               * resource allocation alone (fallback) */
    char *fallback;           /* why not fitted, or NULL */
    double mean[RN_SCORES];   /* of each feature over the training pairs */
    double sd[RN_SCORES];     /* 0: the feature is constant and left out */
    double weight[RN_SCORES]; /* on the standardised features */
    double intercept;
    guint iterations;         /* Newton steps */
    guint64 seed;
    guint projects;           /* projects with ties */
    guint held_out_projects;
    guint positives, negatives;
    double training_auc;      /* AUC of the fitted score on its training pairs */
} RnScoreModel;

/* feature[k]: ln(1 + score) for counts, sums and products (common
 * neighbours, Adamic-Adar, resource allocation, preferential attachment
 * and their weighted forms); the score itself otherwise. */
void rn_score_features(const double *scores, double *features);
/* Logit of the combined score; parts[k] (may be NULL) receives each
 * feature's term weight x standardised value. */
double rn_score_model_logit(const RnScoreModel *model, const double *scores, double *parts);
/* 1 / (1 + e^-logit). */
double rn_score_from_logit(double logit);

/*
 * Fits the combined score on network: holds out RN_HOLDOUT_SHARE of the
 * projects with ties (seeded), computes every score on what is left, and
 * fits an L2-penalised logistic regression separating pairs tied only by
 * held-out projects from a seeded sample of pairs tied by none (both ends
 * present in what is left).  With fewer than 10 of either it falls back to
 * resource allocation (model->fitted FALSE, model->fallback says why).
 * Time complexity: O(sum over projects of n_p^2 + pairs x (degrees + F^3)).
 */
void rn_score_model_fit(const RnModel *model, const RnNetwork *network,
                        const RnMembership *membership, guint64 seed, RnScoreModel *out);
void rn_score_model_clear(RnScoreModel *model);

/*
 * Area under the ROC curve of scores (n values, labels TRUE for positives):
 * the probability that a positive outscores a negative, ties counting one
 * half (Mann-Whitney, average ranks; scores within 1e-12 x the largest
 * |score| of the lowest of a run are tied).  NAN without both classes.
 * Time complexity: O(n log n).
 */
double rn_auc(const double *scores, const gboolean *labels, guint n);

/*
 * Expected number of positives among the first k of n candidates ranked by
 * score (highest first) when tied scores (within 1e-12 x the largest
 * |score|) are ordered at random.
 * Time complexity: O(n log n).
 */
double rn_expected_hits(const double *scores, const gboolean *labels, guint n, guint k);

/*
 * Up to want pairs (a << 32 | b, a < b < n) drawn uniformly without
 * replacement from the pairs of 0..n-1 not in excluded (a set of such
 * packed pairs), with splitmix64 from *state; all of them, in increasing
 * order, when there are at most want.  Returned sorted.  Caller unrefs.
 * Time complexity: O(n^2) when n(n-1)/2 <= 4 want + 100000 or when at most
 * 4 want pairs are not excluded, else O(want) expected draws.
 */
GArray *rn_sample_nonties(guint n, GHashTable *excluded, guint want, guint64 *state);

/* ---- recommendations (recommend.c) ------------------------------------- */

typedef struct {
    RnNetworkSpec spec;         /* the network (its themes filter is not used) */
    const char *for_ids;        /* "ID[,ID...]", or NULL with all or evaluate */
    gboolean all;               /* every node */
    guint top;                  /* recommendations per node; k of the evaluation */
    const GRegex *themes;       /* candidates with a project of a matching theme, or NULL */
    const char *sectors;        /* "S[,S...]": candidates with participations of one, or NULL */
    const char *countries;      /* "CC[,CC...]": candidates in one of them, or NULL */
    gboolean exclude_existing;  /* candidates not yet tied to the node */
    guint64 seed;               /* held-out projects, samples */
    gboolean evaluate;          /* validate instead of recommending */
    const char *train, *test;   /* periods of the evaluation */
    gboolean keep_pairs;        /* keep the evaluated pairs (for --pairs) */
} RnRecommendRequest;

/* How many shared partners, themes and sectors an explanation lists. */
#define RN_EXPLAIN_ITEMS 5

typedef struct {
    guint node;
    double weight_target;       /* projects the target shares with it */
    double weight_candidate;    /* projects the candidate shares with it */
} RnSharedPartner;

typedef struct {
    guint theme;                /* index into profiles.theme_names */
    double idf;
    guint projects_target, projects_candidate;
} RnSharedTheme;

typedef struct {
    guint sector;               /* index into profiles.sector_names */
    double share_target, share_candidate;
} RnSectorGap;

typedef struct {
    guint node;                 /* candidate */
    double score;               /* combined, in (0, 1) */
    double logit;
    double scores[RN_SCORES];
    double parts[RN_SCORES];    /* terms of the logit */
    double existing_weight;     /* projects already shared (0: no tie) */
    GArray *partners;           /* RnSharedPartner, strongest first, at most RN_EXPLAIN_ITEMS */
    GArray *themes;             /* RnSharedTheme, rarest first */
    GArray *sectors;            /* RnSectorGap: sectors the candidate brings, largest gap first */
} RnRecommendation;

typedef struct {
    guint node;                 /* target */
    guint candidates;           /* nodes left after the filters */
    GArray *items;              /* RnRecommendation, best first */
} RnTargetResult;

/* One scorer's results in an evaluation. */
typedef struct {
    double auc;
    double precision_at_k;      /* mean over evaluated nodes */
    double recall_at_k;
} RnEvalMetrics;

/* An evaluated pair (for --pairs). */
typedef struct {
    guint a, b;                 /* nodes of the training network */
    gboolean positive;          /* tied in the test period */
    double scores[RN_SCORES];
    double combined, random;
} RnEvalPair;

/* Validation on a later period (recommend_eval.c). */
typedef struct {
    char *train, *test;
    RnNetwork *test_network;
    guint nodes_train, nodes_test, nodes_both;
    guint matched_by_name;      /* organisations of different id schemes matched by name */
    guint name_ambiguous;       /* name keys held by 2+ unmatched nodes, not matched */
    guint untied_pairs;         /* pairs of nodes in both, untied in the training period */
    guint positives;            /* of them, tied in the test period: new ties */
    guint repeated_ties;        /* tied in both periods (not evaluated) */
    guint negatives;            /* untied in both */
    guint negatives_sampled;    /* used for the AUC */
    guint k;
    guint nodes_with_new_ties;  /* nodes with at least one new tie */
    guint nodes_ranked;         /* of them, ranked for precision and recall */
    RnEvalMetrics combined;
    RnEvalMetrics scores[RN_SCORES];
    RnEvalMetrics random;
    GArray *pairs;              /* RnEvalPair, or NULL */
} RnEvaluation;

/* Negative pairs sampled for the AUC, at most. */
#define RN_EVALUATION_NEGATIVES 100000
/* Nodes ranked for precision and recall at k, at most (a seeded sample). */
#define RN_EVALUATION_RANKED 2000

typedef struct {
    RnNetwork *network;         /* the network recommended from (the training period's) */
    RnMembership membership;
    RnLinkGraph graph;
    RnNodeProfiles profiles;
    RnScoreModel model;
    GArray *targets;            /* RnTargetResult, in the order asked (or node order) */
    GPtrArray *limits;          /* char *: what the data cannot tell */
    GPtrArray *near_duplicates; /* rn_model_near_duplicates */
    gboolean evaluated;
    RnEvaluation evaluation;
    double seconds_build, seconds_fit, seconds_score;
} RnRecommendResult;

/*
 * Resolves "ID[,ID...]" to nodes of network: an id as the report writes it
 * (a NUTS code, an organisation key, a country code), in any letter case;
 * an organisation key with the name spelt as in the data ("DE|Universität
 * X"); or a node's label (organisation or region name), when one node has
 * it.  A name with commas is taken whole when it names a node.  Appends
 * node indices to nodes.  Errors: RN_ERROR_USAGE naming the unknown id and
 * the closest ids and labels, or the nodes an ambiguous name fits.
 * Time complexity: O(V x |ID|^2) for an unknown id, else O(V).
 */
gboolean rn_recommend_resolve(const RnNetwork *network, const char *ids, GArray *nodes,
                              GError **error);

/*
 * Builds the network, fits the combined score, and either recommends
 * (request->for_ids or all) or evaluates (request->evaluate: trains on
 * period train, tests on period test).  result is filled here; release it
 * with rn_recommend_result_clear (a failure leaves it cleared).  Errors:
 * RN_ERROR_USAGE for an unknown id, sector or country, a period without
 * projects, or a sector network; RN_ERROR_INTERNAL when the evaluation has
 * nothing to measure (no node in both periods, no new tie).
 * Time complexity: per target O(V + sum over z in N(u) of d(z)) plus
 * O(V x themes); the fit as rn_score_model_fit.
 */
gboolean rn_recommend_run(const RnModel *model, const RnRecommendRequest *request,
                          RnRecommendResult *result, GError **error);
void rn_recommend_result_clear(RnRecommendResult *result);

/* Internal: shared by recommend.c and recommend_eval.c. */

/* Builds the network of spec (projects weighting; spec->themes ignored),
 * unless network (built so, owned by result from here on) is given, and
 * its membership, graph and profiles into result.  Errors: those of
 * rn_network_build; RN_ERROR_USAGE for a sector network. */
gboolean rn_recommend_prepare(const RnModel *model, const RnNetworkSpec *spec,
                              RnNetwork *network, RnRecommendResult *result, GError **error);
/* Appends to limits the dataset's caveats and what network and profiles
 * cannot tell (single-participant projects, unlocated participations,
 * missing themes and sectors, no coordinates). */
void rn_recommend_add_limits(const RnModel *model, const RnNetwork *network,
                             const RnNodeProfiles *profiles, GPtrArray *limits);
/* Validates on a later period (recommend_eval.c); see rn_recommend_run. */
gboolean rn_recommend_evaluate(const RnModel *model, const RnRecommendRequest *request,
                               RnRecommendResult *result, GError **error);
void rn_evaluation_clear(RnEvaluation *evaluation);

#endif
