/*
 * fuzz_common.h — shared set-up of the libFuzzer harnesses (tests/fuzz/).
 *
 * Every harness writes the fuzzer's bytes to a file in a private temporary
 * folder (the loaders read paths) and calls the loader library on it.  A
 * harness never prints and never exits: a GLib critical or warning is made
 * fatal (a failed g_return_val_if_fail is a bug the fuzzer should report),
 * and the error a loader returns is checked for the house rules of
 * messages (non-empty, valid UTF-8, no "(null)", excerpts capped).
 *
 * Slices of the bundled NUTS tables (a few countries, so a table loads in
 * well under a millisecond) are written once, at start-up, from
 * REGNET_SOURCE_DIR/data/nuts.
 */
#ifndef REGNET_FUZZ_COMMON_H
#define REGNET_FUZZ_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include <cjson/cJSON.h>

#include "engine/model.h"
#include "loaders/loaders.h"
#include "loaders/read.h"

/* Longest message a loader may return: file name, place, capped excerpts. */
#define FZ_MAX_MESSAGE 4096

static char *fz_dir;

static inline void fz_remove_dir(void)
{
    if (!fz_dir)
        return;
    GDir *dir = g_dir_open(fz_dir, 0, NULL);
    if (dir) {
        const char *name;
        while ((name = g_dir_read_name(dir))) {
            g_autofree char *path = g_build_filename(fz_dir, name, NULL);
            g_unlink(path);
        }
        g_dir_close(dir);
    }
    g_rmdir(fz_dir);
    g_clear_pointer(&fz_dir, g_free);
}

/* The path of name in the private folder (caller frees). */
static inline char *fz_path(const char *name)
{
    return g_build_filename(fz_dir, name, NULL);
}

/* Writes size bytes to name in the private folder (no fsync: speed);
 * aborts on failure (a full /tmp is no finding of regnet's). */
static inline char *fz_write(const char *name, const uint8_t *data, size_t size)
{
    char *path = fz_path(name);
    FILE *f = fopen(path, "wb");
    if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f) != 0)
        abort();
    return path;
}

/* REGNET_SOURCE_DIR/relative, read whole; aborts when missing. */
static inline char *fz_read_source(const char *relative, gsize *length)
{
    g_autofree char *path = g_build_filename(REGNET_SOURCE_DIR, relative, NULL);
    char *text = NULL;
    if (!g_file_get_contents(path, &text, length, NULL))
        abort();
    return text;
}

/* Countries kept in the NUTS slices (those of the fixtures and seeds). */
static inline gboolean fz_slice_country(const char *line)
{
    static const char *const kept[] = {"AT", "BE", "DE", "DK", "FR", "IE", "IT", "NL", "UK",
                                       "EL", "ES", "PL", NULL};
    for (guint i = 0; kept[i]; i++)
        if (g_str_has_prefix(line, kept[i]))
            return TRUE;
    return FALSE;
}

/* Writes the header and the rows of the kept countries of the bundled NUTS
 * table of edition to nuts<edition>.csv in the private folder. */
static inline void fz_write_nuts_slice(const char *edition)
{
    g_autofree char *relative = g_strdup_printf("data/nuts/nuts%s_all_levels_ropensci.csv",
                                                edition);
    gsize length;
    g_autofree char *text = fz_read_source(relative, &length);
    /* Line by line with strchr: g_strsplit under ASan's strstr interceptor is
     * quadratic (seconds on a 100 KB table). */
    GString *out = g_string_new(NULL);
    gboolean header = TRUE;
    for (const char *line = text; *line;) {
        const char *end = strchr(line, '\n');
        gsize n = end ? (gsize)(end - line) + 1 : strlen(line);
        if (header || fz_slice_country(line))
            g_string_append_len(out, line, (gssize)n);
        header = FALSE;
        line += n;
    }
    g_autofree char *name = g_strdup_printf("nuts%s.csv", edition);
    g_free(fz_write(name, (const uint8_t *)out->str, out->len));
    g_string_free(out, TRUE);
}

/* Once per process: the private folder, fatal criticals, the NUTS slices,
 * limits small enough that no input can take seconds. */
static inline void fz_init(void)
{
    if (fz_dir)
        return;
    fz_dir = g_dir_make_tmp("regnet-fuzz-XXXXXX", NULL);
    if (!fz_dir)
        abort();
    atexit(fz_remove_dir);
    g_log_set_always_fatal(G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
    RnReadLimits limits = {.max_file_bytes = 8 << 20, .max_text_bytes = 8 << 20,
                           .max_gzip_ratio = 0, .gzip_ratio_floor = 1 << 20};
    rn_read_limits_set(&limits);
    fz_write_nuts_slice("2013");
    fz_write_nuts_slice("2016");
    fz_write_nuts_slice("2021");
}

/* The "sources" array of the description REGNET_SOURCE_DIR/relative, whose
 * parsed document is appended to roots (cJSON *, the caller frees them);
 * aborts when the file is missing or not JSON. */
static inline const cJSON *fz_description_sources(GPtrArray *roots, const char *relative)
{
    gsize length;
    g_autofree char *text = fz_read_source(relative, &length);
    cJSON *root = cJSON_Parse(text);
    if (!root)
        abort();
    g_ptr_array_add(roots, root);
    return cJSON_GetObjectItemCaseSensitive(root, "sources");
}

/* The NUTS slice a mapped source loads against: its nuts_edition when 2013
 * or 2016, else 2021. */
static inline const char *fz_source_nuts_edition(const cJSON *source)
{
    const cJSON *edition = cJSON_GetObjectItemCaseSensitive(source, "nuts_edition");
    if (cJSON_IsString(edition) && (strcmp(edition->valuestring, "2013") == 0 ||
                                    strcmp(edition->valuestring, "2016") == 0))
        return edition->valuestring;
    return "2021";
}

/* A model with the NUTS slice of edition loaded (aborts if that fails). */
static inline RnModel *fz_model_with_nuts(const char *edition)
{
    RnModel *model = rn_model_new();
    g_autofree char *name = g_strdup_printf("nuts%s.csv", edition);
    g_autofree char *path = fz_path(name);
    g_autoptr(GError) error = NULL;
    if (!rn_load_nuts(model, path, name, edition, &error))
        abort();
    return model;
}

/* Does data hold "(null)"? */
static inline gboolean fz_has_null_text(const uint8_t *data, size_t size)
{
    for (size_t i = 0; i + 6 <= size; i++)
        if (memcmp(data + i, "(null)", 6) == 0)
            return TRUE;
    return FALSE;
}

/*
 * The house rules of a loader's result: failure sets an error, success
 * none; the message is non-empty, valid UTF-8, has no "(null)" and is
 * short whatever the input (excerpts capped).  data, size: the input.  Aborts otherwise, which
 * libFuzzer reports as a crash with the input.
 */
static inline void fz_check_result(gboolean ok, const GError *error, const uint8_t *data,
                                   size_t size)
{
    if (ok != (error == NULL))
        abort();
    if (!error)
        return;
    const char *m = error->message;
    if (!m || !*m || strlen(m) > FZ_MAX_MESSAGE || !g_utf8_validate(m, -1, NULL) ||
        (strstr(m, "(null)") && !fz_has_null_text(data, size)))
        abort(); /* "(null)" is a NULL given to printf, unless the input has it */
}

#endif
