/*
 * json_records.c — see json_records.h.
 */
#include "loaders/json_records.h"

#include <math.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "engine/error.h"
#include "loaders/description.h"
#include "loaders/quote.h"
#include "loaders/read.h"

/* Line and character column (from 1) of at in text. */
static void locate(const char *text, const char *at, guint *line, guint *col)
{
    *line = 1;
    *col = 1;
    for (const char *p = text; p < at; p = g_utf8_next_char(p)) {
        if (*p == '\n') {
            (*line)++;
            *col = 1;
        } else {
            (*col)++;
        }
    }
}

/* A scalar as a field: NULL for null; FALSE for an object or array. */
static gboolean scalar_text(const cJSON *item, char **text)
{
    *text = NULL;
    if (cJSON_IsString(item)) {
        *text = g_strdup(item->valuestring);
    } else if (cJSON_IsNumber(item)) {
        double v = item->valuedouble;
        char buffer[G_ASCII_DTOSTR_BUF_SIZE];
        if (isfinite(v) && v == floor(v) && fabs(v) < 1e15)
            *text = g_strdup_printf("%.0f", v);
        else
            *text = g_strdup(g_ascii_dtostr(buffer, sizeof buffer, v));
    } else if (cJSON_IsBool(item)) {
        *text = g_strdup(cJSON_IsTrue(item) ? "true" : "false");
    } else if (!cJSON_IsNull(item)) {
        return FALSE;
    }
    return TRUE;
}

typedef struct {
    const char *display;
    GPtrArray *header;     /* char * (owned) */
    GHashTable *columns;   /* name (borrowed from header) -> index + 1 */
    GPtrArray *row;        /* char * of the record being flattened, by column */
    guint record;
} Flatten;

static void set_cell(Flatten *f, const char *name, char *text)
{
    guint index = GPOINTER_TO_UINT(g_hash_table_lookup(f->columns, name));
    if (!index) {
        g_ptr_array_add(f->header, g_strdup(name));
        index = f->header->len;
        g_hash_table_insert(f->columns, g_ptr_array_index(f->header, index - 1),
                            GUINT_TO_POINTER(index));
    }
    if (f->row->len < index)
        g_ptr_array_set_size(f->row, index);
    g_free(f->row->pdata[index - 1]);
    f->row->pdata[index - 1] = text;
}

static gboolean flatten(Flatten *f, const cJSON *object, GString *prefix, GError **error)
{
    const cJSON *member;
    cJSON_ArrayForEach(member, object) {
        gsize mark = prefix->len;
        if (prefix->len)
            g_string_append_c(prefix, '.');
        g_string_append(prefix, member->string);
        char *text = NULL;
        if (cJSON_IsObject(member)) {
            if (!flatten(f, member, prefix, error))
                return FALSE;
        } else if (cJSON_IsArray(member)) {
            g_autoptr(GString) joined = g_string_new(NULL);
            const cJSON *value;
            cJSON_ArrayForEach(value, member) {
                g_autofree char *part = NULL;
                if (!scalar_text(value, &part)) {
                    g_autofree char *shown = rn_excerpt(prefix->str);
                    g_set_error(error, RN_ERROR, RN_ERROR_DATA,
                                "%s: records[%u].%s: an array holding objects or arrays; "
                                "expected a value, an object, or an array of values",
                                f->display, f->record, shown);
                    return FALSE;
                }
                if (part && *part)
                    g_string_append_printf(joined, "%s%s", joined->len ? "; " : "", part);
            }
            set_cell(f, prefix->str, g_strdup(joined->str));
        } else {
            scalar_text(member, &text);
            set_cell(f, prefix->str, text);
        }
        g_string_truncate(prefix, mark);
    }
    return TRUE;
}

/* The array at the dotted path records (NULL: the document), else NULL with error. */
static const cJSON *find_records(const cJSON *root, const char *display, const char *records,
                                 GError **error)
{
    const cJSON *at = root;
    if (records) {
        g_auto(GStrv) parts = g_strsplit(records, ".", -1);
        for (guint k = 0; parts[k] && at; k++)
            at = cJSON_IsObject(at) ? cJSON_GetObjectItemCaseSensitive(at, parts[k]) : NULL;
    }
    if (cJSON_IsArray(at))
        return at;
    g_autofree char *shown = records ? rn_quote_cell(records) : NULL;
    g_set_error(error, RN_ERROR, RN_ERROR_DATA,
                "%s: %s%s is not an array; expected an array of records (objects)%s", display,
                records ? "member " : "the document", records ? shown : "",
                records ? "" : ", or 'records' naming the member that holds them");
    return NULL;
}

RnCsv *rn_json_records_open(const char *path, const char *display, const char *records,
                            GError **error)
{
    g_return_val_if_fail(path != NULL, NULL);
    g_return_val_if_fail(error == NULL || *error == NULL, NULL);
    if (!display)
        display = path;
    g_autofree char *text = NULL;
    gsize length = 0;
    if (!rn_read_file(path, display, &text, &length, error))
        return NULL;
    const char *end = NULL;
    g_autoptr(cJSON) root = cJSON_ParseWithLengthOpts(text, length + 1, &end, TRUE);
    if (!root) {
        guint line, col;
        locate(text, end && end <= text + length ? end : text + length, &line, &col);
        g_set_error(error, RN_ERROR, RN_ERROR_DATA,
                    "%s:%u:%u: invalid JSON; expected an array of records", display, line, col);
        return NULL;
    }
    const cJSON *array = find_records(root, display, records, error);
    if (!array)
        return NULL;
    Flatten f = {.display = display,
                 .header = g_ptr_array_new_with_free_func(g_free),
                 .columns = g_hash_table_new(g_str_hash, g_str_equal),
                 .row = NULL};
    g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
    g_autoptr(GString) prefix = g_string_new(NULL);
    gboolean ok = TRUE;
    const cJSON *record;
    cJSON_ArrayForEach(record, array) {
        if (!cJSON_IsObject(record)) {
            g_set_error(error, RN_ERROR, RN_ERROR_DATA,
                        "%s: records[%u]: not an object; expected a record {\"member\": value, ...}",
                        display, f.record);
            ok = FALSE;
            break;
        }
        f.row = g_ptr_array_new_with_free_func(g_free);
        g_ptr_array_add(rows, f.row);
        if (!flatten(&f, record, prefix, error)) {
            ok = FALSE;
            break;
        }
        f.record++;
    }
    g_hash_table_unref(f.columns);
    if (!ok) {
        g_ptr_array_unref(f.header);
        return NULL;
    }
    guint n = f.header->len;
    GPtrArray *cells = g_ptr_array_new_full(rows->len * n, g_free);
    for (guint r = 0; r < rows->len; r++) {
        GPtrArray *row = g_ptr_array_index(rows, r);
        for (guint i = 0; i < n; i++)
            g_ptr_array_add(cells, i < row->len ? g_strdup(row->pdata[i]) : NULL);
    }
    return rn_csv_new_records(display, f.header, cells, rows->len);
}
