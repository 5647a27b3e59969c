/*
 * read.h — reading an input file whole: regular files only, within size
 * limits, gzip decompressed with a message that says what is wrong.
 *
 * Limits (docs/formats.md, "Limits"): a file larger than
 * RN_READ_MAX_FILE_BYTES, gzip data that decompresses to more than
 * RN_READ_MAX_TEXT_BYTES, or to more than RN_READ_MAX_GZIP_RATIO times its
 * compressed size once past RN_READ_GZIP_RATIO_FLOOR bytes (a gzip bomb), is
 * refused before it is held in memory.  A FIFO, device or socket is refused
 * without reading (and without blocking: a FIFO with no writer would block
 * an ordinary open() forever).
 */
#ifndef REGNET_READ_H
#define REGNET_READ_H

#include <glib.h>

#define RN_READ_MAX_FILE_BYTES (G_GUINT64_CONSTANT(1) << 30)  /* 1 GiB as stored */
#define RN_READ_MAX_TEXT_BYTES (G_GUINT64_CONSTANT(1) << 30)  /* 1 GiB decompressed */
#define RN_READ_MAX_GZIP_RATIO 100                            /* output bytes per input byte */
#define RN_READ_GZIP_RATIO_FLOOR (G_GUINT64_CONSTANT(16) << 20) /* 16 MiB */

/* The limits in force (the constants above unless a test changed them). */
typedef struct {
    guint64 max_file_bytes;    /* largest file read, as stored */
    guint64 max_text_bytes;    /* largest decompressed gzip content */
    guint64 max_gzip_ratio;    /* decompressed / compressed bytes allowed ... */
    guint64 gzip_ratio_floor;  /* ... once the output is larger than this */
} RnReadLimits;

/* Copies the limits in force into limits. */
void rn_read_limits_get(RnReadLimits *limits);
/*
 * Replaces the limits in force (NULL: the defaults).  For tests, which
 * lower them to exercise the checks on small files: process-wide, call it
 * while no load runs.  Zero fields are taken as the default.
 */
void rn_read_limits_set(const RnReadLimits *limits);

/*
 * Reads a whole file for a loader, NUL-terminated; a name ending in ".gz" is
 * decompressed (gzip; concatenated members are read one after another).
 * Fails with RN_ERROR_IO naming display_name (NULL: path) when the file is
 * missing, unreadable, not a regular file (directory, FIFO, device, socket)
 * or beyond a limit, and RN_ERROR_DATA when the gzip data is corrupt,
 * saying which fault: bad header, corrupt compressed data, CRC mismatch,
 * length mismatch, truncated, or trailing garbage.  The caller frees
 * *contents.  Time complexity: O(file size + decompressed size).
 */
gboolean rn_read_file(const char *path, const char *display_name,
                      char **contents, gsize *length, GError **error);

/*
 * rn_read_file() with a lower limit on the file's size (max_bytes, at most
 * the limit in force; 0 for that limit) and a cancellation flag: when
 * cancel is not NULL and *cancel becomes non-zero (g_atomic_int_set from
 * another thread), reading and decompressing stop within a few megabytes
 * and fail with RN_ERROR_IO "cancelled".
 */
gboolean rn_read_file_full(const char *path, const char *display_name, guint64 max_bytes,
                           const gint *cancel, char **contents, gsize *length, GError **error);

/* Has *cancel been set (NULL: never)? */
static inline gboolean rn_cancelled(const gint *cancel)
{
    return cancel && g_atomic_int_get(cancel) != 0;
}

#endif
