/*
 * cells.c — see cells.h.
 */
#include "loaders/cells.h"

#include <string.h>

gboolean rn_looks_like_nuts(const char *code)
{
    g_return_val_if_fail(code != NULL, FALSE);
    size_t n = strlen(code);
    if (n < 2 || n > 5 || !g_ascii_isupper(code[0]) || !g_ascii_isupper(code[1]))
        return FALSE;
    for (size_t i = 2; i < n; i++)
        if (!g_ascii_isupper(code[i]) && !g_ascii_isdigit(code[i]))
            return FALSE;
    return TRUE;
}

gboolean rn_parse_region_cell(const char *cell, gboolean keep_syntax, char **code)
{
    g_return_val_if_fail(cell != NULL, FALSE);
    g_return_val_if_fail(code != NULL, FALSE);
    *code = NULL;
    g_autofree char *text = g_strstrip(g_strdup(cell));
    if (!*text)
        return TRUE;
    const char *slash = keep_syntax ? strstr(text, " / ") : NULL;
    g_autofree char *head =
        g_strstrip(g_strndup(text, slash ? (gsize)(slash - text) : strlen(text)));
    if (!rn_looks_like_nuts(head))
        return FALSE;
    *code = g_steal_pointer(&head);
    return TRUE;
}

char *rn_parse_country_cell(const char *cell)
{
    g_return_val_if_fail(cell != NULL, NULL);
    while (*cell == ' ')
        cell++;
    if (g_ascii_isupper(cell[0]) && g_ascii_isupper(cell[1]) &&
        (cell[2] == ' ' || cell[2] == '\0'))
        return g_strndup(cell, 2);
    return g_strdup("");
}

char *rn_country_code(const char *code, RnProvenance *prov)
{
    g_return_val_if_fail(code != NULL, NULL);
    /* docs/networks.md; the EU's own table is nuts/cordis_country_codes_en.csv. */
    static const char *const renamed[][2] = {{"GR", "EL"}, {"GB", "UK"}, {"KO", "XK"}};
    char *upper = g_strstrip(g_ascii_strup(code, -1));
    for (guint k = 0; k < G_N_ELEMENTS(renamed); k++) {
        if (strcmp(upper, renamed[k][0]) == 0) {
            if (prov) {
                g_autofree char *counter = g_strdup_printf("country code %s written %s",
                                                           renamed[k][0], renamed[k][1]);
                rn_provenance_count(prov, counter, 1);
            }
            g_free(upper);
            return g_strdup(renamed[k][1]);
        }
    }
    return upper;
}

void rn_tally_add(RnTally *t, const char *name)
{
    g_return_if_fail(t != NULL);
    g_return_if_fail(name != NULL);
    for (guint k = 0; k < t->used; k++) {
        if (strcmp(t->name[k], name) == 0) {
            t->count[k]++;
            return;
        }
    }
    if (t->used == RN_TALLY_SLOTS) {
        rn_provenance_count(t->prov, name, 1);
        return;
    }
    t->name[t->used] = g_strdup(name);
    t->count[t->used++] = 1;
}

void rn_tally_flush(RnTally *t)
{
    g_return_if_fail(t != NULL);
    for (guint k = 0; k < t->used; k++) {
        rn_provenance_count(t->prov, t->name[k], t->count[k]);
        g_free(t->name[k]);
    }
    t->used = 0;
}

gboolean rn_row_problem(const RnLoadOptions *options, RnProvenance *prov, const char *reason,
                        GError **problem, GError **error)
{
    g_return_val_if_fail(options != NULL, FALSE);
    g_return_val_if_fail(prov != NULL, FALSE);
    g_return_val_if_fail(reason != NULL, FALSE);
    g_return_val_if_fail(problem != NULL, FALSE);
    g_return_val_if_fail(error == NULL || *error == NULL, FALSE);
    if (options->skip_invalid_rows) {
        rn_provenance_skip(prov, reason, (*problem)->message);
        g_clear_error(problem);
        return TRUE;
    }
    g_propagate_error(error, *problem);
    *problem = NULL;
    return FALSE;
}
