/*
 * region_names.h — NUTS regions found by the names people write
 * ("region_names": true, docs/formats.md): case, accents and punctuation
 * ignored (rn_fold_name), against the Latin-script names of the model's
 * region table (the source's edition).
 */
#ifndef REGNET_REGION_NAMES_H
#define REGNET_REGION_NAMES_H

#include "engine/model.h"

typedef struct RnRegionNames RnRegionNames;

/* An index of model's regions by folded name; borrows model, which must
 * outlive it and keep its regions.  Time complexity: O(regions). */
RnRegionNames *rn_region_names_new(const RnModel *model);
void rn_region_names_free(RnRegionNames *names);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(RnRegionNames, rn_region_names_free)

/*
 * The region named name at NUTS level (0-3; -1: any level).  At any level,
 * names shared along one line of descent (Berlin: DE3, DE30, DE300) give
 * the most specific region.  Returns 1 with *found set when one region
 * matches; else 0 (none) or 2 (several) with *found NULL and *candidates
 * (caller frees) listing the regions that match, or those with the closest
 * names when none does: "'DEA23' (Köln), ..." (at most five), or "none"
 * when nothing is close (candidates may be NULL: not listed, and the call
 * is O(|name|) whatever the result).
 * Time complexity: O(|name|) when found, O(regions x |name|^2) otherwise.
 */
guint rn_region_names_find(const RnRegionNames *names, const char *name, int level,
                           const RnRegion **found, char **candidates);

#endif
