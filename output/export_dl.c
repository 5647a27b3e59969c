/*
 * export_dl.c — UCINET DL, edge list with embedded labels, read by UCINET
 * (Data > Import text file > DL), NetDraw and igraph (read_graph(format =
 * "dl"), Graph.Read_DL).
 *
 * Specification: UCINET 6 help, "DL files" (Borgatti, Everett and Freeman):
 * a header "DL N=n", "FORMAT = EDGELIST1", a "LABELS:" list, "LABELS
 * EMBEDDED:" and "DATA:" followed by one "label label weight" line per tie.
 *
 * Quirks handled on purpose:
 *  - every node is listed under LABELS: so isolates are not lost (an edge
 *    list alone only names nodes with ties);
 *  - a DL label is one token: spaces become '_', commas ';', quotes are
 *    dropped (UCINET and igraph split on blanks and commas), and a label
 *    that reads as a number gets a leading '_' (igraph takes numbers in an
 *    edge list for weights); a label made equal to another by these rules
 *    gets "#k" (the node's position) appended, so labels stay unique;
 *  - each undirected tie is written once; UCINET reads EDGELIST1 as
 *    directed arcs, so symmetrise in UCINET (Transform > Symmetrize,
 *    maximum) or read with igraph as undirected (docs/exports.md);
 *  - CRLF line ends (UCINET is a Windows program); DL has no comments, so
 *    the attribution cannot be carried.
 */
#include <string.h>

#include "output/export.h"

/* A DL label for id; number matches what igraph's DL lexer takes for a
 * number (-?digits(.digits)?(e[+-]digits)?).  Caller frees. */
static char *dl_label(const char *id, const GRegex *number)
{
    GString *out = g_string_new(NULL);
    for (const char *p = id; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r' || c == '\n')
            g_string_append_c(out, '_');
        else if (c == ',')
            g_string_append_c(out, ';');
        else if (c != '"' && c != '\0')
            g_string_append_c(out, (char)c);
    }
    if (out->len == 0 || g_regex_match(number, out->str, 0, NULL))
        g_string_prepend_c(out, '_');
    return g_string_free(out, FALSE);
}

void rn_export_dl(const RnExportTable *t, GPtrArray *files)
{
    g_return_if_fail(t != NULL);
    g_return_if_fail(files != NULL);
    GString *out = g_string_sized_new(64 + (gsize)t->n_nodes * 30 + (gsize)t->n_edges * 50);
    g_string_append_printf(out, "DL N=%u\r\nFORMAT = EDGELIST1\r\nLABELS:\r\n", t->n_nodes);
    g_autofree char **labels = g_new0(char *, t->n_nodes + 1);
    g_autoptr(GHashTable) used = g_hash_table_new(g_str_hash, g_str_equal);
    g_autoptr(GRegex) number = g_regex_new("^-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?$", 0, 0,
                                           NULL);
    for (guint i = 0; i < t->n_nodes; i++) {
        labels[i] = dl_label(t->node_ids[i], number);
        if (g_hash_table_contains(used, labels[i])) {
            char *unique = g_strdup_printf("%s#%u", labels[i], i + 1);
            g_free(labels[i]);
            labels[i] = unique;
        }
        g_hash_table_add(used, labels[i]);
        g_string_append_printf(out, "%s\r\n", labels[i]);
    }
    g_string_append(out, "LABELS EMBEDDED:\r\nDATA:\r\n");
    for (guint e = 0; e < t->n_edges; e++) {
        g_string_append_printf(out, "%s %s ", labels[t->edge_source[e]],
                               labels[t->edge_target[e]]);
        rn_export_number_text(t->edge_weight[e], out);
        g_string_append(out, "\r\n");
    }
    for (guint i = 0; i < t->n_nodes; i++)
        g_free(labels[i]);
    gsize length = out->len;
    rn_export_files_add(files, NULL, g_string_free(out, FALSE), length);
}
