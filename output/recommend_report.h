/*
 * recommend_report.h — the recommendations report (docs/recommend.md,
 * docs/recommend.schema.json) and the evaluated pairs as CSV.
 */
#ifndef REGNET_RECOMMEND_REPORT_H
#define REGNET_RECOMMEND_REPORT_H

#include "analyses/recommend.h"
#include "engine/model.h"

#define RN_RECOMMEND_SCHEMA_VERSION "1.0.0"

typedef struct {
    const char *dataset_name;
    const char *dataset_file;
    const RnModel *model;
    const RnRecommendRequest *request;
    const RnRecommendResult *result;
} RnRecommendReport;

/*
 * Renders the report as JSON text ending in a newline: parameters,
 * provenance, limits, network counts, the fitted combined score, targets,
 * recommendations (best first per target, with scores and explanation) and
 * the evaluation (null unless evaluated).  Caller frees.
 * Time complexity: O(targets x top x RN_EXPLAIN_ITEMS + provenance).
 */
char *rn_recommend_render(const RnRecommendReport *report);

/*
 * The evaluated pairs (result->evaluation.pairs, kept with keep_pairs) as
 * CSV: source,target,new_tie, every score, combined_logit, random; numbers
 * with 17 significant digits.  Caller frees.  Time complexity: O(pairs).
 */
char *rn_recommend_pairs_csv(const RnRecommendResult *result);

#endif
