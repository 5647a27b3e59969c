/*
 * sections.h — JSON sections shared by the analysis and comparison
 * reports (output/ only).
 */
#ifndef REGNET_SECTIONS_H
#define REGNET_SECTIONS_H

#include <cjson/cJSON.h>

#include "analyses/analysis.h"
#include "analyses/bridging.h"
#include "engine/model.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC(cJSON, cJSON_Delete)

/*
 * A new report object: schema, schema_version, generator and dataset (name,
 * description file, attribution: null when NULL) members, in that order.
 * Caller owns it.
 */
cJSON *rn_json_document(const char *schema, const char *version, const char *dataset_name,
                        const char *dataset_file, const char *attribution, cJSON **dataset);
/* The report's nodes[] array of network (centralities c, bridging b or
 * NULL), as docs/schema.md describes it.  Time complexity: O(V). */
cJSON *rn_json_nodes(const RnNetwork *network, const RnCentrality *c, const RnBridging *b);
/* The report's edges[] array: id ("e" and the edge's index), source, target,
 * weight, projects.  Time complexity: O(E). */
cJSON *rn_json_edges(const RnNetwork *network);
/* Prints root (indented) followed by a newline; g_free the result. */
char *rn_json_finish(const cJSON *root);
/* generator: name, version, library versions. */
cJSON *rn_json_generator(void);
/* provenance: files with row accounting, model sizes, identity (postcode
 * joins and the near-duplicate groups of rn_model_near_duplicates). */
cJSON *rn_json_provenance(const RnModel *model, const GPtrArray *near_duplicates);
/* network: selected projects and participations, unlocated by reason. */
cJSON *rn_json_network_counts(const RnNetwork *network);
/* summary: sizes, density, components, paths, centralization. */
cJSON *rn_json_summary(const RnSummary *summary);
/* An object of string -> count, sorted by key. */
cJSON *rn_json_count_map(GHashTable *table);
/* An array of the strings of strings, in their order. */
cJSON *rn_json_string_array(const GPtrArray *strings);
/* Adds name: value as an exact JSON integer (cJSON prints doubles with 15
 * significant digits when that is within one ulp, which loses integers
 * above 2^50). */
void rn_json_add_integer(cJSON *object, const char *name, guint64 value);
/* Adds name: values[i], or name: null when values is NULL or values[i] is
 * not finite (a centrality not computed). */
void rn_json_add_optional_number(cJSON *object, const char *name, const double *values, guint i);
/* parameters.metrics: the names of the centralities computed, in table order. */
cJSON *rn_json_metrics(const RnCentrality *centrality);
/* parameters.betweenness: {method: exact} or the sample's method, epsilon,
 * delta, seed, samples, preliminary and maximum samples and vertex-diameter
 * bound; null when not computed. */
cJSON *rn_json_betweenness_method(const RnCentrality *centrality);
/* Adds name: the pattern of regex, or name: null when regex is NULL. */
void rn_json_add_regex(cJSON *object, const char *name, const GRegex *regex);
/* Adds name: value, or name: null when value is NULL. */
void rn_json_add_optional_string(cJSON *object, const char *name, const char *value);

#endif
