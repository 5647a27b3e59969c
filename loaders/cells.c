/*
 * cells.c — see cells.h.
 */
#include "loaders/cells.h"

#include <string.h>

gboolean rn_looks_like_nuts(const char *code)
{
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
    while (*cell == ' ')
        cell++;
    if (g_ascii_isupper(cell[0]) && g_ascii_isupper(cell[1]) &&
        (cell[2] == ' ' || cell[2] == '\0'))
        return g_strndup(cell, 2);
    return g_strdup("");
}

gboolean rn_row_problem(const RnLoadOptions *options, RnProvenance *prov, const char *reason,
                        GError **problem, GError **error)
{
    if (options->skip_invalid_rows) {
        rn_provenance_skip(prov, reason, (*problem)->message);
        g_clear_error(problem);
        return TRUE;
    }
    g_propagate_error(error, *problem);
    *problem = NULL;
    return FALSE;
}
