/*
 * nuts.c — loads a Eurostat NUTS table (all levels of one edition).
 *
 * The rOpenSci/GISCO tables carry NUTS_ID, LEVL_CODE (0-3), CNTR_CODE and
 * NAME_LATN.  A level-L code has 2 + L characters: two capital letters, then
 * capitals or digits.
 *
 * A code's parent is the code without its last character.  One real-world
 * quirk breaks that rule: in NUTS 2016 the Northern Ireland level-3 codes
 * UKN10 .. UKN16 belong to UKN0 (there is no UKN1).  When the prefix is not
 * in the table and the grandparent (UKN) has exactly one region one level
 * up (UKN0), that region is the parent, and the provenance counts it.  Any
 * other missing parent is malformed input: regions could not be rolled up
 * to coarser levels.
 */
#include <stdlib.h>
#include <string.h>

#include "engine/error.h"
#include "loaders/cells.h"
#include "loaders/csv.h"
#include "loaders/loaders.h"
#include "loaders/quote.h"

enum { COL_ID, COL_LEVEL, COL_COUNTRY, COL_NAME, N_COLS };
static const char *const nuts_columns[] = {"NUTS_ID", "LEVL_CODE", "CNTR_CODE",
                                           "NAME_LATN", NULL};

/* Where a region's code cell is in the table, for messages. */
typedef struct {
    guint line;
    guint col;
} CellPlace;

/* Counter of the regions whose parent is their grandparent's only child. */
#define ONLY_CHILD_PARENTS "regions whose parent is the only region one level up in " \
                           "their grandparent (the code without its last character is " \
                           "not in the table)"

/*
 * Sets RnRegion.parent of the regions this table added (from index first
 * on; places[i - first] is where region i's code is).  Fails with the first
 * region, in table order, that has no parent.  Time complexity: O(regions).
 */
static gboolean link_parents(RnModel *model, guint first, const char *display,
                             const GArray *places, RnProvenance *prov, GError **error)
{
    /* Code without its last character -> the one region with that prefix
     * (index + 1), or G_MAXUINT when there are several. */
    g_autoptr(GHashTable) only_child = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (guint i = first; i < model->regions->len; i++) {
        const RnRegion *r = &g_array_index(model->regions, RnRegion, i);
        if (r->level == 0)
            continue;
        char *prefix = g_strndup(r->code, strlen(r->code) - 1);
        gboolean seen = g_hash_table_contains(only_child, prefix);
        g_hash_table_insert(only_child, prefix, GUINT_TO_POINTER(seen ? G_MAXUINT : i + 1));
    }
    guint quirks = 0;
    for (guint i = first; i < model->regions->len; i++) {
        RnRegion *r = &g_array_index(model->regions, RnRegion, i);
        if (r->level == 0)
            continue;
        gsize length = strlen(r->code);
        g_autofree char *parent = g_strndup(r->code, length - 1);
        guint hit = GPOINTER_TO_UINT(g_hash_table_lookup(model->region_index, parent));
        if (!hit && r->level >= 2) {
            g_autofree char *grandparent = g_strndup(r->code, length - 2);
            guint child = GPOINTER_TO_UINT(g_hash_table_lookup(only_child, grandparent));
            if (child != 0 && child != G_MAXUINT) {
                hit = child;
                quirks++;
            }
        }
        if (!hit) {
            const CellPlace *at = &g_array_index(places, CellPlace, i - first);
            g_set_error(error, RN_ERROR, RN_ERROR_DATA,
                        "%s:%u:%u: code '%s' has no parent region: '%s' is not in the table; "
                        "expected every level-%d code's parent (the code without its last "
                        "character) as a level-%d row",
                        display, at->line, at->col, r->code, parent, r->level, r->level - 1);
            return FALSE;
        }
        r->parent = hit;
    }
    if (quirks)
        rn_provenance_count(prov, ONLY_CHILD_PARENTS, quirks);
    return TRUE;
}

gboolean rn_load_nuts(RnModel *model, const char *path, const char *display,
                      const char *edition, GError **error)
{
    g_return_val_if_fail(model != NULL && path != NULL && edition != NULL, FALSE);
    g_return_val_if_fail(error == NULL || *error == NULL, FALSE);
    if (!display)
        display = path;
    g_autoptr(RnCsv) csv = rn_csv_open(path, display, 0, error);
    if (!csv)
        return FALSE;
    int col[N_COLS];
    if (!rn_csv_require_columns(csv, nuts_columns, col, error))
        return FALSE;
    RnProvenance *prov = rn_model_add_provenance(model, display, "nuts-table");
    g_free(model->nuts_edition);
    model->nuts_edition = g_strdup(edition);
    g_autoptr(GArray) places = g_array_new(FALSE, FALSE, sizeof(CellPlace));
    guint first = model->regions->len;
    RnCsvStatus status;
    while ((status = rn_csv_next(csv, error)) == RN_CSV_ROW) {
        prov->rows_read++;
        const char *code = rn_csv_field(csv, col[COL_ID]);
        const char *level_text = rn_csv_field(csv, col[COL_LEVEL]);
        char *end = NULL;
        long level = strtol(level_text, &end, 10);
        if (!*level_text || *end || level < 0 || level > 3) {
            g_autofree char *quoted = rn_quote_cell(level_text);
            rn_csv_set_field_error(csv, col[COL_LEVEL], error,
                                   "level %s is not a NUTS level; expected 0, 1, 2 or 3",
                                   quoted);
            return FALSE;
        }
        if (strlen(code) != (size_t)(2 + level) || !rn_looks_like_nuts(code)) {
            g_autofree char *quoted = rn_quote_cell(code);
            rn_csv_set_field_error(csv, col[COL_ID], error,
                                   "code %s is not a level-%ld NUTS code; expected %ld "
                                   "characters: two capital letters, then capitals or digits",
                                   quoted, level, 2 + level);
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
        CellPlace place = {rn_csv_field_line(csv, col[COL_ID]), rn_csv_field_col(csv, col[COL_ID])};
        g_array_append_val(places, place);
        prov->rows_loaded++;
    }
    if (status != RN_CSV_EOF)
        return FALSE;
    if (model->regions->len == first) {
        g_set_error(error, RN_ERROR, RN_ERROR_DATA,
                    "%s: no regions: the table has a header and no rows; expected one row "
                    "per NUTS region of edition %s (all levels)", display, edition);
        return FALSE;
    }
    return link_parents(model, first, display, places, prov, error);
}
