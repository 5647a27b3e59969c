/*
 * description.c — see description.h.
 *
 * cJSON parses the text; the checks it does not make are made on its tree.
 * Member paths in messages read as in docs/dataset.md: "name",
 * "sources[1].columns", "regions.harmonisation.2021.steps[0].files[1]";
 * the top-level object is "top level".  A name longer than
 * RN_QUOTE_MAX_CHARS characters is cut short in a path.
 */
#include "loaders/description.h"

#include <string.h>

#include "engine/error.h"
#include "loaders/quote.h"
#include "loaders/read.h"

/* Line and character column (from 1) of at in text. */
static void text_position(const char *text, const char *at, guint *line, guint *col)
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

/* Appends a member name to a path, cut short and made valid UTF-8. */
static void append_name(GString *path, const char *name)
{
    g_autofree char *shown = rn_excerpt(name);
    if (path->len)
        g_string_append_c(path, '.');
    g_string_append(path, shown);
}

/* The path of the first string (member name or value) in document order
 * that is not valid UTF-8, into path; *in_name tells which.  FALSE if none.
 * Depth is bounded by cJSON's nesting limit. */
static gboolean find_invalid_string(const cJSON *item, GString *path, gboolean *in_name)
{
    if (cJSON_IsString(item) && !g_utf8_validate(item->valuestring, -1, NULL)) {
        *in_name = FALSE;
        return TRUE;
    }
    gboolean object = cJSON_IsObject(item);
    if (!object && !cJSON_IsArray(item))
        return FALSE;
    gsize mark = path->len;
    int index = 0;
    for (const cJSON *child = item->child; child; child = child->next, index++) {
        if (object) {
            if (!g_utf8_validate(child->string, -1, NULL)) {
                *in_name = TRUE;
                return TRUE; /* path names the object */
            }
            append_name(path, child->string);
        } else {
            g_string_append_printf(path, "[%d]", index);
        }
        if (find_invalid_string(child, path, in_name))
            return TRUE;
        g_string_truncate(path, mark);
    }
    return FALSE;
}

/* The first object in document order holding a member twice: its path and
 * the member (borrowed from the tree).  FALSE if none. */
static gboolean find_duplicate_member(const cJSON *item, GString *path, const char **member)
{
    gboolean object = cJSON_IsObject(item);
    if (!object && !cJSON_IsArray(item))
        return FALSE;
    if (object) {
        /* A set of the names seen: objects may be large. */
        g_autoptr(GHashTable) names = g_hash_table_new(g_str_hash, g_str_equal);
        for (const cJSON *child = item->child; child; child = child->next) {
            if (!g_hash_table_add(names, child->string)) {
                *member = child->string;
                return TRUE;
            }
        }
    }
    gsize mark = path->len;
    int index = 0;
    for (const cJSON *child = item->child; child; child = child->next, index++) {
        if (object)
            append_name(path, child->string);
        else
            g_string_append_printf(path, "[%d]", index);
        if (find_duplicate_member(child, path, member))
            return TRUE;
        g_string_truncate(path, mark);
    }
    return FALSE;
}

cJSON *rn_description_parse(const char *path, GError **error)
{
    g_return_val_if_fail(path != NULL, NULL);
    g_return_val_if_fail(error == NULL || *error == NULL, NULL);
    g_autofree char *text = NULL;
    gsize length = 0;
    if (!rn_read_file_full(path, path, RN_DESCRIPTION_MAX_BYTES, NULL, &text, &length, error))
        return NULL;
    guint line, col;
    const char *nul = memchr(text, '\0', length);
    if (nul) {
        /* cJSON would skip it as white space or end a string there. */
        text_position(text, nul, &line, &col);
        g_set_error(error, RN_ERROR, RN_ERROR_DATA,
                    "%s:%u:%u: NUL byte; expected JSON text (a dataset description, "
                    "docs/dataset.md)", path, line, col);
        return NULL;
    }
    const char *end = NULL;
    /* cJSON counts the terminating NUL in the length. */
    g_autoptr(cJSON) root = cJSON_ParseWithLengthOpts(text, length + 1, &end, TRUE);
    if (!root) {
        text_position(text, end ? end : text + length, &line, &col);
        g_set_error(error, RN_ERROR, RN_ERROR_DATA,
                    "%s:%u:%u: invalid JSON; expected a dataset description object",
                    path, line, col);
        return NULL;
    }
    g_autoptr(GString) where = g_string_new(NULL);
    gboolean in_name = FALSE;
    if (find_invalid_string(root, where, &in_name)) {
        /* Raw bytes outside strings fail the parse, and cJSON refuses escapes
         * that are not characters: the first bad byte of the text is in this
         * string. */
        const char *bad = text;
        g_utf8_validate(text, (gssize)length, &bad);
        text_position(text, bad, &line, &col);
        g_set_error(error, RN_ERROR, RN_ERROR_DATA,
                    "%s:%u:%u: %s: invalid UTF-8 byte 0x%02X in %s; expected UTF-8 text "
                    "(convert the file, e.g. iconv -f LATIN1 -t UTF-8)",
                    path, line, col, where->len ? where->str : "top level",
                    (unsigned char)*bad, in_name ? "a member name" : "the value");
        return NULL;
    }
    const char *member = NULL;
    g_string_truncate(where, 0);
    if (find_duplicate_member(root, where, &member)) {
        g_autofree char *quoted = rn_quote_cell(member);
        g_set_error(error, RN_ERROR, RN_ERROR_DATA,
                    "%s: %s: member %s appears more than once; expected each member once "
                    "(JSON readers disagree on which one counts)",
                    path, where->len ? where->str : "top level", quoted);
        return NULL;
    }
    return g_steal_pointer(&root);
}

/* Edit distance (Levenshtein) of a and b, ASCII case ignored; bytes. */
static guint edit_distance(const char *a, const char *b)
{
    gsize n = strlen(a), k = strlen(b);
    g_autofree guint *row = g_new(guint, k + 1);
    for (gsize j = 0; j <= k; j++)
        row[j] = (guint)j;
    for (gsize i = 1; i <= n; i++) {
        guint diagonal = row[0];
        row[0] = (guint)i;
        for (gsize j = 1; j <= k; j++) {
            guint above = row[j];
            guint cost = g_ascii_tolower(a[i - 1]) == g_ascii_tolower(b[j - 1]) ? 0 : 1;
            row[j] = MIN(MIN(row[j] + 1, row[j - 1] + 1), diagonal + cost);
            diagonal = above;
        }
    }
    return row[k];
}

const char *rn_did_you_mean(const char *name, const char *const *known)
{
    g_return_val_if_fail(name != NULL && known != NULL, NULL);
    if (strlen(name) > 64)
        return NULL;
    guint limit = MAX(1, (guint)strlen(name) / 3), best = G_MAXUINT;
    const char *closest = NULL;
    for (guint k = 0; known[k]; k++) {
        guint d = edit_distance(name, known[k]);
        if (d <= limit && d < best) {
            best = d;
            closest = known[k];
        }
    }
    return closest;
}

gboolean rn_description_check_members(const cJSON *object, const char *const *known,
                                      const char *file, const char *where, GError **error)
{
    g_return_val_if_fail(known != NULL && file != NULL && where != NULL, FALSE);
    g_return_val_if_fail(error == NULL || *error == NULL, FALSE);
    if (!cJSON_IsObject(object))
        return TRUE;
    const cJSON *member;
    cJSON_ArrayForEach(member, object) {
        if (g_strv_contains(known, member->string))
            continue;
        g_autofree char *shown = rn_excerpt(member->string);
        g_autofree char *list = g_strjoinv(", ", (char **)known);
        const char *close = rn_did_you_mean(member->string, known);
        gboolean top = strcmp(where, "top level") == 0;
        g_set_error(error, RN_ERROR, RN_ERROR_DATA,
                    "%s: %s%s%s: unknown member; expected one of: %s%s%s%s", file,
                    top ? "" : where, top ? "" : ".", shown, list,
                    close ? "; did you mean '" : "", close ? close : "", close ? "'?" : "");
        return FALSE;
    }
    return TRUE;
}
