/*
 * nuts.c — loads a Eurostat NUTS table (all levels of one edition).
 *
 * The rOpenSci/GISCO tables carry NUTS_ID, LEVL_CODE (0-3), CNTR_CODE and
 * NAME_LATN.  A code's parent is the code without its last character; a
 * level-L code has 2 + L characters.
 */
#include <stdlib.h>
#include <string.h>

#include "engine/error.h"
#include "loaders/csv.h"
#include "loaders/loaders.h"

enum { COL_ID, COL_LEVEL, COL_COUNTRY, COL_NAME, N_COLS };
static const char *const nuts_columns[] = {"NUTS_ID", "LEVL_CODE", "CNTR_CODE",
                                           "NAME_LATN", NULL};

gboolean rn_load_nuts(RnModel *model, const char *path, const char *display,
                      const char *edition, GError **error)
{
    g_autoptr(RnCsv) csv = rn_csv_open(path, display, 0, error);
    if (!csv)
        return FALSE;
    int col[N_COLS];
    if (!rn_csv_require_columns(csv, nuts_columns, col, error))
        return FALSE;
    RnProvenance *prov = rn_model_add_provenance(model, display, "nuts-table");
    g_free(model->nuts_edition);
    model->nuts_edition = g_strdup(edition);
    RnCsvStatus status;
    while ((status = rn_csv_next(csv, error)) == RN_CSV_ROW) {
        prov->rows_read++;
        const char *code = rn_csv_field(csv, col[COL_ID]);
        const char *level_text = rn_csv_field(csv, col[COL_LEVEL]);
        char *end = NULL;
        long level = strtol(level_text, &end, 10);
        if (!*level_text || *end || level < 0 || level > 3) {
            rn_csv_set_field_error(csv, col[COL_LEVEL], error,
                                   "level '%s' is not a NUTS level; expected 0, 1, 2 or 3",
                                   level_text);
            return FALSE;
        }
        if (strlen(code) != (size_t)(2 + level)) {
            rn_csv_set_field_error(csv, col[COL_ID], error,
                                   "code '%s' does not have %ld characters as a level-%ld "
                                   "NUTS code must",
                                   code, 2 + level, level);
            return FALSE;
        }
        if (g_hash_table_contains(model->region_index, code)) {
            prov->rows_merged++;
            continue;
        }
        RnRegion r = {
            .code = g_strdup(code),
            .level = (int)level,
            .name = g_strdup(rn_csv_field(csv, col[COL_NAME])),
            .country = g_strdup(rn_csv_field(csv, col[COL_COUNTRY])),
        };
        g_array_append_val(model->regions, r);
        g_hash_table_insert(model->region_index, g_strdup(code),
                            GUINT_TO_POINTER(model->regions->len));
        prov->rows_loaded++;
    }
    return status == RN_CSV_EOF;
}
