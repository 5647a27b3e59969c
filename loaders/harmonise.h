/*
 * harmonise.h — mapping region codes between NUTS editions (JRC converter
 * matrices, population weights).
 */
#ifndef REGNET_HARMONISE_H
#define REGNET_HARMONISE_H

#include "loaders/loaders.h"

typedef struct {
    const char *from;       /* edition, e.g. "2013" */
    const char *to;         /* edition, e.g. "2016" */
    GPtrArray *files;       /* converter CSV paths (char *) */
} RnHarmonisationStep;

/*
 * Maps every participation's NUTS code through the steps (in order) to the
 * target edition, whose table (path table) replaces the model's.  Converter
 * files and the mapping are accounted in the provenance; a code without a
 * counterpart leaves its participation unlocated ("no NUTS E counterpart").
 * Errors: RN_ERROR_IO, RN_ERROR_DATA (FILE:LINE:COL).
 * Time complexity: O(converter rows + participations).
 */
gboolean rn_harmonise_nuts(RnModel *model, const char *target, const char *table,
                           const RnHarmonisationStep *steps, guint n_steps, GError **error);

#endif
