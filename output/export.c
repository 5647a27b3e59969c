/*
 * export.c — chooses the format's renderer and writes what it rendered:
 * one file whole or not at all, or a folder of files (CSV), each whole or
 * not at all.  A folder write that fails part-way leaves the files already
 * written in place (each complete); the message names the file that failed.
 */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "engine/error.h"
#include "output/export.h"

static void file_free(gpointer data)
{
    RnExportFile *file = data;
    g_free(file->name);
    g_free(file->data);
    g_free(file);
}

GPtrArray *rn_export_files_new(void)
{
    return g_ptr_array_new_with_free_func(file_free);
}

void rn_export_files_add(GPtrArray *files, const char *name, char *data, gsize length)
{
    g_return_if_fail(files != NULL && data != NULL);
    RnExportFile *file = g_new0(RnExportFile, 1);
    file->name = g_strdup(name);
    file->data = data;
    file->length = length;
    g_ptr_array_add(files, file);
}

gboolean rn_export_render(const RnExportTable *table, RnExportFormat format, GPtrArray *files,
                          GError **error)
{
    g_return_val_if_fail(table != NULL && files != NULL, FALSE);
    g_return_val_if_fail(error == NULL || *error == NULL, FALSE);
    switch (format) {
    case RN_EXPORT_GEXF:
        return rn_export_gexf(table, "1.3", files, error);
    case RN_EXPORT_GEXF_1_2:
        return rn_export_gexf(table, "1.2draft", files, error);
    case RN_EXPORT_GRAPHML:
        return rn_export_graphml(table, files, error);
    case RN_EXPORT_NODE_LINK:
        rn_export_node_link(table, files);
        return TRUE;
    case RN_EXPORT_CYTOSCAPE:
        rn_export_cytoscape(table, files);
        return TRUE;
    case RN_EXPORT_CSV:
        rn_export_csv(table, files);
        return TRUE;
    case RN_EXPORT_PAJEK:
        rn_export_pajek(table, files);
        return TRUE;
    case RN_EXPORT_DL:
        rn_export_dl(table, files);
        return TRUE;
    case RN_EXPORT_JSON:
        break;
    }
    g_set_error(error, RN_ERROR, RN_ERROR_INTERNAL, "the JSON report is not an export format");
    return FALSE;
}

gboolean rn_export_write(const char *output, const GPtrArray *files, GError **error)
{
    g_return_val_if_fail(output != NULL && files != NULL, FALSE);
    g_return_val_if_fail(error == NULL || *error == NULL, FALSE);
    if (files->len == 1 && !((const RnExportFile *)g_ptr_array_index(files, 0))->name) {
        const RnExportFile *file = g_ptr_array_index(files, 0);
        return rn_write_file_atomic(output, file->data, file->length, error);
    }
    struct stat st;
    if (stat(output, &st) == 0 && !S_ISDIR(st.st_mode)) {
        g_set_error(error, RN_ERROR, RN_ERROR_OUTPUT,
                    "%s: is not a folder; expected a folder to write %s into (created when "
                    "missing)", output,
                    files->len ? ((const RnExportFile *)g_ptr_array_index(files, 0))->name
                               : "the tables");
        return FALSE;
    }
    if (g_mkdir_with_parents(output, 0777) != 0) {
        int saved = errno;
        g_set_error(error, RN_ERROR, RN_ERROR_OUTPUT, "%s: cannot create the folder: %s", output,
                    g_strerror(saved));
        return FALSE;
    }
    for (guint k = 0; k < files->len; k++) {
        const RnExportFile *file = g_ptr_array_index(files, k);
        g_autofree char *path = g_build_filename(output, file->name, NULL);
        if (!rn_write_file_atomic(path, file->data, file->length, error))
            return FALSE;
    }
    return TRUE;
}
