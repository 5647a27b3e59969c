/*
 * cells.h — parsing of the cells EU exports share: region cells (plain NUTS
 * codes or keep.eu's "DEG01  / Erfurt, Kreisfreie Stadt"), country cells,
 * and the row-problem policy of --skip-invalid-rows.
 */
#ifndef REGNET_CELLS_H
#define REGNET_CELLS_H

#include "engine/model.h"
#include "loaders/loaders.h"
#include "loaders/quote.h"

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
 * Per-row counts kept locally and added to a provenance record once, at
 * rn_tally_flush(): counting into the provenance's table row by row hashes
 * the counter's name every time (a tenth of a large load).  Names are
 * copied; a tally holds RN_TALLY_SLOTS names and sends others straight on.
 */
#define RN_TALLY_SLOTS 8
typedef struct {
    RnProvenance *prov;             /* where the counts go */
    char *name[RN_TALLY_SLOTS];     /* owned copies */
    guint count[RN_TALLY_SLOTS];
    guint used;
} RnTally;

/* Counts one under name.  Time complexity: O(RN_TALLY_SLOTS) comparisons. */
void rn_tally_add(RnTally *tally, const char *name);
/* Adds the counts to the provenance record and empties the tally. */
void rn_tally_flush(RnTally *tally);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(RnTally, rn_tally_flush)

/*
 * A malformed row: with skip_invalid_rows, counts it as rejected under
 * reason, clears *problem and returns TRUE (carry on); otherwise moves
 * *problem into error and returns FALSE (fail the load).
 */
gboolean rn_row_problem(const RnLoadOptions *options, RnProvenance *prov, const char *reason,
                        GError **problem, GError **error);

#endif
