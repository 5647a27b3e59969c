/*
 * mapped.h — sources whose columns a dataset description maps
 * (formats csv, csv-organisations, csv-projects; docs/formats.md).
 */
#ifndef REGNET_MAPPED_H
#define REGNET_MAPPED_H

#include <cjson/cJSON.h>

#include "loaders/loaders.h"

/*
 * Loads path as format, with the column mapping and constants of the
 * description's source object (named where, e.g. "sources[2]", in the
 * description file description).  Errors: RN_ERROR_IO, RN_ERROR_DATA with
 * FILE:LINE:COL or the description member at fault.
 * Time complexity: O(rows).
 */
gboolean rn_load_mapped(RnModel *model, const char *format, const char *path,
                        const cJSON *source, const char *description, const char *where,
                        const RnLoadOptions *options, GError **error);

/*
 * Marks the model's organisations found in the cluster registry (sources
 * with "cluster_registry": true, matched on loose keys: country and name
 * without case, accents, punctuation or legal form) as
 * clusters and gives them the registry's sector.  Accounts for it in a
 * provenance entry (format cluster-registry; rows = organisations).
 * Time complexity: O(organisations).
 */
void rn_apply_cluster_registry(RnModel *model);

#endif
