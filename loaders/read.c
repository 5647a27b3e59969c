/*
 * read.c — see read.h.
 *
 * gzip is read with zlib itself rather than GLib's GZlibDecompressor, whose
 * errors all read "Invalid compressed data": zlib tells a bad header from a
 * CRC or length mismatch, and the stream's end from trailing bytes.
 */
#include "loaders/read.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <zlib.h>

#include "engine/error.h"

/* Bytes read or decompressed between two looks at the cancellation flag
 * and the limits. */
#define CHUNK_BYTES ((gsize)4 << 20)

static const RnReadLimits default_limits = {
    .max_file_bytes = RN_READ_MAX_FILE_BYTES,
    .max_text_bytes = RN_READ_MAX_TEXT_BYTES,
    .max_gzip_ratio = RN_READ_MAX_GZIP_RATIO,
    .gzip_ratio_floor = RN_READ_GZIP_RATIO_FLOOR,
};
static RnReadLimits limits = {
    .max_file_bytes = RN_READ_MAX_FILE_BYTES,
    .max_text_bytes = RN_READ_MAX_TEXT_BYTES,
    .max_gzip_ratio = RN_READ_MAX_GZIP_RATIO,
    .gzip_ratio_floor = RN_READ_GZIP_RATIO_FLOOR,
};

void rn_read_limits_get(RnReadLimits *out)
{
    g_return_if_fail(out != NULL);
    *out = limits;
}

void rn_read_limits_set(const RnReadLimits *in)
{
    limits = default_limits;
    if (!in)
        return;
    if (in->max_file_bytes)
        limits.max_file_bytes = in->max_file_bytes;
    if (in->max_text_bytes)
        limits.max_text_bytes = in->max_text_bytes;
    if (in->max_gzip_ratio)
        limits.max_gzip_ratio = in->max_gzip_ratio;
    if (in->gzip_ratio_floor)
        limits.gzip_ratio_floor = in->gzip_ratio_floor;
}

static gboolean cancelled_error(const gint *cancel, const char *name, GError **error)
{
    if (!rn_cancelled(cancel))
        return FALSE;
    g_set_error(error, RN_ERROR, RN_ERROR_IO, "%s: cancelled", name);
    return TRUE;
}

/* What a file that is not a regular one is, for "FILE: is ...; expected". */
static const char *file_kind(mode_t mode)
{
    return S_ISFIFO(mode)   ? "a FIFO (named pipe)"
           : S_ISCHR(mode)  ? "a character device"
           : S_ISBLK(mode)  ? "a block device"
           : S_ISSOCK(mode) ? "a socket"
                            : "not a regular file";
}

static void not_regular_error(const char *name, mode_t mode, GError **error)
{
    if (S_ISDIR(mode))
        g_set_error(error, RN_ERROR, RN_ERROR_IO, "%s: is a directory, expected a file", name);
    else
        g_set_error(error, RN_ERROR, RN_ERROR_IO,
                    "%s: is %s; expected a regular file (regnet reads whole files, not "
                    "streams or devices)", name, file_kind(mode));
}

/* Opens path for reading if it is a regular file.  O_NONBLOCK: opening a
 * FIFO without a writer returns at once instead of waiting for one; it is
 * cleared again for the regular file. */
static int open_regular(const char *path, const char *name, struct stat *st, GError **error)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0) {
        int saved = errno;
        struct stat probe;
        /* A socket cannot be opened (ENXIO): say what it is. */
        if (saved == ENXIO && stat(path, &probe) == 0 && !S_ISREG(probe.st_mode)) {
            not_regular_error(name, probe.st_mode, error);
            return -1;
        }
        g_set_error(error, RN_ERROR, RN_ERROR_IO, "%s: cannot open: %s", name,
                    g_strerror(saved));
        return -1;
    }
    if (fstat(fd, st) != 0) {
        int saved = errno;
        close(fd);
        g_set_error(error, RN_ERROR, RN_ERROR_IO, "%s: cannot open: %s", name,
                    g_strerror(saved));
        return -1;
    }
    if (!S_ISREG(st->st_mode)) {
        close(fd);
        not_regular_error(name, st->st_mode, error);
        return -1;
    }
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) < 0) {
        int saved = errno;
        close(fd);
        g_set_error(error, RN_ERROR, RN_ERROR_IO, "%s: cannot open: %s", name,
                    g_strerror(saved));
        return -1;
    }
    return fd;
}

static void too_large_error(const char *name, guint64 size, guint64 max, GError **error)
{
    g_set_error(error, RN_ERROR, RN_ERROR_IO,
                "%s: %" G_GUINT64_FORMAT " bytes, more than the %" G_GUINT64_FORMAT
                " bytes regnet reads from one file (limits: docs/formats.md)", name, size, max);
}

/* Reads the regular file open on fd whole (at most max bytes), NUL-terminated. */
static gboolean read_all(int fd, const struct stat *st, const char *name, guint64 max,
                         const gint *cancel, char **contents, gsize *length, GError **error)
{
    if ((guint64)st->st_size > max) {
        too_large_error(name, (guint64)st->st_size, max, error);
        return FALSE;
    }
    /* One allocation of the file's size (plus the NUL the parsers rely on),
     * filled by read(): no growing buffer, no copies, unless the file grows
     * while it is read. */
    gsize capacity = (gsize)st->st_size + 1;
    g_autofree char *data = g_malloc(capacity);
    gsize used = 0;
    for (;;) {
        if (cancelled_error(cancel, name, error))
            return FALSE;
        if (used + 1 >= capacity) {
            if (used >= max) { /* one byte more than allowed would not fit */
                char probe;
                ssize_t more = read(fd, &probe, 1);
                if (more > 0) {
                    too_large_error(name, used + 1, max, error);
                    return FALSE;
                }
                if (more < 0 && errno == EINTR)
                    continue;
                break;
            }
            capacity = (gsize)MIN((guint64)capacity * 2, max + 1);
            data = g_realloc(data, capacity);
        }
        ssize_t n = read(fd, data + used, MIN(capacity - 1 - used, CHUNK_BYTES));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            g_set_error(error, RN_ERROR, RN_ERROR_IO, "%s: cannot read: %s", name,
                        g_strerror(errno));
            return FALSE;
        }
        if (n == 0)
            break;
        used += (gsize)n;
    }
    data[used] = '\0';
    *length = used;
    *contents = g_steal_pointer(&data);
    return TRUE;
}

/* "bad header", "corrupt compressed data", "CRC mismatch", "length mismatch":
 * what a zlib error in a gzip member means, for the message. */
static char *gzip_fault(const z_stream *z, const gz_header *header, gsize member_start)
{
    const char *msg = z->msg ? z->msg : "unknown error";
    gsize at = (gsize)z->total_in + member_start;
    if (header->done != 1) /* 0 inside the header, -1 when it is no gzip header */
        return g_strdup_printf("bad gzip header in the member at byte %" G_GSIZE_FORMAT
                               " (zlib: %s); expected a gzip header (1F 8B 08 ...)",
                               member_start, msg);
    if (strcmp(msg, "incorrect data check") == 0)
        return g_strdup_printf("CRC mismatch at the end of the member that starts at byte %"
                               G_GSIZE_FORMAT ": the decompressed data do not match the "
                               "checksum stored with them (corrupt file)", member_start);
    if (strcmp(msg, "incorrect length check") == 0)
        return g_strdup_printf("length mismatch at the end of the member that starts at byte %"
                               G_GSIZE_FORMAT ": the decompressed size differs from the size "
                               "stored with it (corrupt file)", member_start);
    return g_strdup_printf("corrupt compressed data near byte %" G_GSIZE_FORMAT " (zlib: %s)",
                           at, msg);
}

/*
 * Decompresses gzip data whole, NUL-terminated.  Members are decompressed
 * one after another, as gzip(1) does for `cat a.gz b.gz`; anything else
 * after a member is trailing garbage.  The output is first sized from the
 * last member's ISIZE trailer (size modulo 2^32, capped by the limits): for
 * the usual single member, one allocation and no copies.
 */
static gboolean gunzip(const char *name, const guint8 *packed, gsize packed_length,
                       const gint *cancel, char **contents, gsize *length, GError **error)
{
    if (packed_length < 18) { /* header 10 + trailer 8 */
        g_set_error(error, RN_ERROR, RN_ERROR_DATA,
                    "%s: not a valid gzip file: %" G_GSIZE_FORMAT " bytes, shorter than any "
                    "gzip member", name, packed_length);
        return FALSE;
    }
    guint64 max_text = limits.max_text_bytes;
    /* The ratio guard: more than max_gzip_ratio bytes out per byte in, once
     * past the floor, is a gzip bomb, not a table. */
    guint64 ratio_cap = MAX(limits.gzip_ratio_floor, limits.max_gzip_ratio * packed_length);
    guint64 cap = MIN(max_text, ratio_cap);
    const guint8 *trailer = packed + packed_length - 4;
    guint64 isize = (guint64)trailer[0] | (guint64)trailer[1] << 8 | (guint64)trailer[2] << 16 |
                    (guint64)trailer[3] << 24;
    gsize capacity = (gsize)MIN(MAX(isize, 4096), cap) + 2;
    g_autofree char *data = g_malloc(capacity);
    gsize used = 0, member_start = 0;
    z_stream z = {0};
    gz_header header = {0};
    if (inflateInit2(&z, 15 + 16) != Z_OK) { /* 15 + 16: gzip framing only */
        g_set_error(error, RN_ERROR, RN_ERROR_INTERNAL, "%s: cannot start zlib", name);
        return FALSE;
    }
    inflateGetHeader(&z, &header);
    gboolean ok = FALSE;
    for (;;) {
        if (cancelled_error(cancel, name, error))
            break;
        if (used + 1 >= capacity) {
            /* Room for one byte beyond the cap tells an output of exactly cap
             * bytes from a larger one. */
            capacity = (gsize)MIN((guint64)capacity * 2, cap + 2);
            data = g_realloc(data, capacity);
        }
        gsize in_offset = member_start + (gsize)z.total_in;
        z.next_in = (Bytef *)(packed + in_offset);
        z.avail_in = (uInt)MIN(packed_length - in_offset, CHUNK_BYTES);
        z.next_out = (Bytef *)(data + used);
        z.avail_out = (uInt)MIN(capacity - 1 - used, CHUNK_BYTES);
        uInt out_before = z.avail_out;
        int rc = inflate(&z, Z_NO_FLUSH);
        used += out_before - z.avail_out;
        if (used > cap) {
            if (cap == max_text)
                g_set_error(error, RN_ERROR, RN_ERROR_IO,
                            "%s: decompresses to more than the %" G_GUINT64_FORMAT
                            " bytes regnet reads from one file (limits: docs/formats.md)",
                            name, max_text);
            else
                g_set_error(error, RN_ERROR, RN_ERROR_IO,
                            "%s: decompresses to more than %" G_GUINT64_FORMAT " times its %"
                            G_GSIZE_FORMAT " bytes (a gzip bomb?); beyond %" G_GUINT64_FORMAT
                            " bytes regnet reads no more than that ratio (limits: "
                            "docs/formats.md)", name, limits.max_gzip_ratio, packed_length,
                            limits.gzip_ratio_floor);
            break;
        }
        if (rc == Z_STREAM_END) {
            gsize next = member_start + (gsize)z.total_in;
            if (next == packed_length) {
                ok = TRUE;
                break;
            }
            if (packed_length - next < 2 || packed[next] != 0x1F || packed[next + 1] != 0x8B) {
                g_set_error(error, RN_ERROR, RN_ERROR_DATA,
                            "%s: not a valid gzip file: %" G_GSIZE_FORMAT " bytes of trailing "
                            "garbage after the gzip member that ends at byte %" G_GSIZE_FORMAT
                            "; expected the end of the file or another gzip member",
                            name, packed_length - next, next);
                break;
            }
            member_start = next; /* the next member, as gzip -d reads `cat a.gz b.gz` */
            inflateReset(&z);
            memset(&header, 0, sizeof header);
            inflateGetHeader(&z, &header);
            continue;
        }
        if (rc == Z_OK || (rc == Z_BUF_ERROR && z.avail_out == 0))
            continue; /* progress, or room needed */
        if (rc == Z_BUF_ERROR) { /* no input left before the member's end */
            g_set_error(error, RN_ERROR, RN_ERROR_DATA,
                        "%s: not a valid gzip file: it ends inside %s after %" G_GSIZE_FORMAT
                        " bytes; expected the rest of the stream (truncated file?)", name,
                        header.done == 1 ? "compressed data" : "the gzip header", packed_length);
            break;
        }
        g_autofree char *fault = gzip_fault(&z, &header, member_start);
        g_set_error(error, RN_ERROR, RN_ERROR_DATA, "%s: not a valid gzip file: %s", name, fault);
        break;
    }
    inflateEnd(&z);
    if (!ok)
        return FALSE;
    data[used] = '\0';
    *length = used;
    *contents = g_steal_pointer(&data);
    return TRUE;
}

gboolean rn_read_file_full(const char *path, const char *display_name, guint64 max_bytes,
                           const gint *cancel, char **contents, gsize *length, GError **error)
{
    g_return_val_if_fail(path != NULL && contents != NULL && length != NULL, FALSE);
    g_return_val_if_fail(error == NULL || *error == NULL, FALSE);
    const char *name = display_name ? display_name : path;
    guint64 max = max_bytes ? MIN(max_bytes, limits.max_file_bytes) : limits.max_file_bytes;
    struct stat st;
    int fd = open_regular(path, name, &st, error);
    if (fd < 0)
        return FALSE;
    g_autofree char *data = NULL;
    gsize used = 0;
    gboolean ok = read_all(fd, &st, name, max, cancel, &data, &used, error);
    close(fd);
    if (!ok)
        return FALSE;
    if (g_str_has_suffix(path, ".gz"))
        return gunzip(name, (const guint8 *)data, used, cancel, contents, length, error);
    *contents = g_steal_pointer(&data);
    *length = used;
    return TRUE;
}

gboolean rn_read_file(const char *path, const char *display_name,
                      char **contents, gsize *length, GError **error)
{
    g_return_val_if_fail(path != NULL, FALSE);
    g_return_val_if_fail(contents != NULL, FALSE);
    g_return_val_if_fail(length != NULL, FALSE);
    g_return_val_if_fail(error == NULL || *error == NULL, FALSE);
    return rn_read_file_full(path, display_name, 0, NULL, contents, length, error);
}
