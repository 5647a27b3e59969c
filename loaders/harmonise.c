/*
 * harmonise.c — maps every region code of the model to another NUTS edition
 * with the JRC NUTS converter matrices (docs/dataset.md).
 *
 * A converter file lists, for each pair of a code of edition A and a code
 * of edition B that overlap, the population living in the overlap (pop21,
 * 2021 population grid).  A code of A maps to the B code holding the largest
 * share of its population (ties: the smallest code); steps chain (2013 ->
 * 2016 -> 2021).  Level-2 and level-3 codes follow the matrices; codes the
 * matrices do not list (level 0 and 1, countries outside their coverage)
 * pass unchanged.  A result the target table does not know leaves its
 * participation unlocated, counted by code.
 */
#include <math.h>
#include <string.h>

#include "engine/error.h"
#include "loaders/csv.h"
#include "loaders/harmonise.h"
#include "loaders/quote.h"

typedef struct {
    char *to;           /* best target so far */
    double best;        /* its population */
    double total;       /* population of the source code */
    guint targets;      /* targets with population > 0 */
} Candidate;

static void free_candidate(gpointer p)
{
    Candidate *c = p;
    g_free(c->to);
    g_free(c);
}

/* Adds one converter file to map (code of `from` -> Candidate). */
static gboolean read_converter(RnModel *model, const char *path, const char *from, const char *to,
                               GHashTable *map, GError **error)
{
    g_autoptr(RnCsv) csv = rn_csv_open(path, path, ',', error);
    if (!csv)
        return FALSE;
    g_autofree char *from_col = g_strconcat("code_v", from, NULL);
    g_autofree char *to_col = g_strconcat("code_v", to, NULL);
    const char *const names[] = {from_col, to_col, "pop21", NULL};
    int col[3];
    if (!rn_csv_require_columns(csv, names, col, error))
        return FALSE;
    RnProvenance *prov = rn_model_add_provenance(model, path, "nuts-converter");
    RnCsvStatus status;
    while ((status = rn_csv_next(csv, error)) == RN_CSV_ROW) {
        prov->rows_read++;
        const char *a = rn_csv_field(csv, (guint)col[0]), *b = rn_csv_field(csv, (guint)col[1]);
        const char *pop_text = rn_csv_field(csv, (guint)col[2]);
        char *end = NULL;
        double pop = g_ascii_strtod(pop_text, &end);
        if (!*a || !*b) {
            rn_provenance_reject(prov, "missing code");
            continue;
        }
        /* nan and inf parse as numbers: a population is finite and not negative. */
        if (!*pop_text || *end || !isfinite(pop) || pop < 0) {
            g_autofree char *quoted = rn_quote_cell(pop_text);
            rn_csv_set_field_error(csv, (guint)col[2], error,
                                   "population %s is not a number of people; expected a "
                                   "finite number, not negative, such as 251888.0", quoted);
            return FALSE;
        }
        Candidate *c = g_hash_table_lookup(map, a);
        if (!c) {
            c = g_new0(Candidate, 1);
            c->best = -1;
            g_hash_table_insert(map, g_strdup(a), c);
        }
        c->total += pop;
        c->targets += pop > 0;
        if (!c->to || pop > c->best || (pop == c->best && strcmp(b, c->to) < 0)) {
            g_free(c->to);
            c->to = g_strdup(b);
            c->best = pop;
        }
        prov->rows_loaded++;
    }
    return status == RN_CSV_EOF;
}

gboolean rn_harmonise_nuts(RnModel *model, const char *target, const char *table,
                           const RnHarmonisationStep *steps, guint n_steps, GError **error)
{
    g_return_val_if_fail(model != NULL && target != NULL && table != NULL, FALSE);
    g_return_val_if_fail(steps != NULL || n_steps == 0, FALSE);
    g_return_val_if_fail(error == NULL || *error == NULL, FALSE);
    g_autoptr(GPtrArray) maps = g_ptr_array_new_with_free_func((GDestroyNotify)g_hash_table_unref);
    for (guint s = 0; s < n_steps; s++) {
        GHashTable *map = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, free_candidate);
        g_ptr_array_add(maps, map);
        for (guint f = 0; f < steps[s].files->len; f++)
            if (!read_converter(model, g_ptr_array_index(steps[s].files, f), steps[s].from,
                                steps[s].to, map, error))
                return FALSE;
    }
    /* The target table replaces the source table. */
    g_autofree char *source = g_strdup(model->nuts_edition);
    g_array_set_size(model->regions, 0);
    g_hash_table_remove_all(model->region_index);
    if (!rn_load_nuts(model, table, table, target, error))
        return FALSE;

    g_autofree char *label = g_strdup_printf("NUTS %s -> %s", source, target);
    RnProvenance *prov = rn_model_add_provenance(model, label, "nuts-harmonisation");
    g_autofree char *no_counterpart = g_strdup_printf("no NUTS %s counterpart", target);
    g_autoptr(GHashTable) seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (guint i = 0; i < model->participations->len; i++) {
        RnParticipation *p = &g_array_index(model->participations, RnParticipation, i);
        if (!p->nuts)
            continue;
        prov->rows_read++;
        const char *code = p->nuts;
        gboolean split = FALSE;
        for (guint s = 0; s < n_steps && strlen(code) >= 4; s++) {
            /* A code the matrices do not list (outside their coverage, e.g.
             * candidate countries) passes unchanged; the target table decides. */
            const Candidate *c = g_hash_table_lookup(g_ptr_array_index(maps, s), code);
            if (c && c->to) {
                code = c->to;
                split |= c->targets > 1;
            }
        }
        gboolean first = !g_hash_table_contains(seen, p->nuts);
        if (first)
            g_hash_table_add(seen, g_strdup(p->nuts)); /* p->nuts is replaced below */
        if (!rn_model_region(model, code)) {
            g_autofree char *reason = g_strdup_printf("code %s: %s", p->nuts, no_counterpart);
            rn_provenance_reject(prov, reason);
            g_free(p->nuts);
            p->nuts = NULL;
            p->unlocated = rn_model_intern_string(model, no_counterpart);
            continue;
        }
        prov->rows_loaded++;
        if (first)
            rn_provenance_count(prov, strcmp(code, p->nuts) == 0 ? "codes kept as they are"
                                      : split ? "codes split across regions (largest population share taken)"
                                              : "codes renamed or merged", 1);
        if (strcmp(code, p->nuts) != 0) {
            char *mapped = g_strdup(code);
            g_free(p->nuts);
            p->nuts = mapped;
        }
    }
    return TRUE;
}
