/*
 * loaders.h — entry points of the source loaders.  Each fills the one
 * model (engine/model.h) and records a provenance entry for its file.
 *
 * Errors: RN_ERROR_IO when a file cannot be read, RN_ERROR_DATA with
 * FILE:LINE:COL when its content is malformed.  With skip_invalid_rows a
 * malformed row is rejected (counted by reason in the provenance) instead
 * of failing the load; file-level errors still fail.
 */
#ifndef REGNET_LOADERS_H
#define REGNET_LOADERS_H

#include "engine/model.h"

/* The NUTS edition regions are mapped to unless a caller asks for another. */
#define RN_DEFAULT_NUTS_EDITION "2021"

typedef struct RnPrefetch RnPrefetch; /* loaders/prefetch.h */

typedef struct {
    gboolean skip_invalid_rows; /* reject bad rows instead of failing */
    const char *nuts_edition;   /* map regions to this edition; NULL: RN_DEFAULT_NUTS_EDITION
                                 * when the dataset declares that mapping, else its own */
    RnPrefetch *prefetch;       /* files read ahead that loaders take over; set by
                                 * rn_load_dataset for its own load, NULL otherwise */
} RnLoadOptions;

/*
 * Loads a Eurostat NUTS table (columns NUTS_ID, LEVL_CODE, CNTR_CODE,
 * NAME_LATN) of the given edition into model->regions.
 * Time complexity: O(rows).
 */
gboolean rn_load_nuts(RnModel *model, const char *path, const char *display,
                      const char *edition, GError **error);

/*
 * Loads the keep.eu "Partners" export (';'-separated; one row per partner of
 * a project).  Region cells "CODE  / Name" are checked against the model's
 * NUTS table, which must be loaded first.  Time complexity: O(rows).
 */
gboolean rn_load_keep_partners(RnModel *model, const char *path, const char *display,
                               const RnLoadOptions *options, GError **error);

/*
 * Loads the keep.eu "Projects" sheet: budget, themes, start and end for
 * projects keyed by programme and acronym.  Time complexity: O(rows).
 */
gboolean rn_load_keep_projects(RnModel *model, const char *path, const char *display,
                               const RnLoadOptions *options, GError **error);

/*
 * Loads a dataset description (docs/dataset.md): a JSON file naming the
 * region table and the sources, with paths relative to the description.
 * Fills model; *name receives the dataset's name (caller frees).
 * Time complexity: that of the loaders it calls.
 */
gboolean rn_load_dataset(RnModel *model, const char *path,
                         const RnLoadOptions *options, char **name, GError **error);

#endif
