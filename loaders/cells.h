/*
 * cells.h — parsing of the cells EU exports share: region cells (plain NUTS
 * codes or keep.eu's "DEG01  / Erfurt, Kreisfreie Stadt"), country cells,
 * and the row-problem policy of --skip-invalid-rows.
 */
#ifndef REGNET_CELLS_H
#define REGNET_CELLS_H

#include "engine/model.h"
#include "loaders/loaders.h"

/* Is code shaped like a NUTS code: two capital letters, then up to three
 * capital letters or digits? */
gboolean rn_looks_like_nuts(const char *code);

/*
 * The code of a region cell into *code (caller frees; NULL for an empty
 * cell).  keep_syntax: "CODE  / Name" (the name part optional); otherwise the
 * cell is the code.  Returns FALSE when the code part is not NUTS-shaped.
 */
gboolean rn_parse_region_cell(const char *cell, gboolean keep_syntax, char **code);

/* Country code of a cell: the first word if it is two capital letters
 * ("DE Germany / DEUTSCHLAND" or "DE"); "" otherwise.  Caller frees. */
char *rn_parse_country_cell(const char *cell);

/*
 * Country code in the EU's spelling, the one NUTS codes and CORDIS use:
 * upper-cased and trimmed, with the ISO 3166 codes the EU writes otherwise
 * renamed (GR -> EL, GB -> UK) and FP7's KO for Kosovo written XK.  Each
 * rename is counted in prov as "country code GR written EL" (prov may be
 * NULL).  Caller frees.  Time complexity: O(|code|).
 */
char *rn_country_code(const char *code, RnProvenance *prov);

/*
 * A malformed row: with skip_invalid_rows, counts it as rejected under
 * reason, clears *problem and returns TRUE (carry on); otherwise moves
 * *problem into error and returns FALSE (fail the load).
 */
gboolean rn_row_problem(const RnLoadOptions *options, RnProvenance *prov, const char *reason,
                        GError **problem, GError **error);

#endif
