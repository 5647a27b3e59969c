/*
 * atomic_file.c — an output file is written whole or not at all.
 *
 * The report goes to a temporary file beside the target, is flushed to
 * disk, and renamed over the target; on any failure the temporary file is
 * removed and the target is left as it was.
 */
#include <errno.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "engine/error.h"
#include "output/output.h"

gboolean rn_write_file_atomic(const char *path, const char *contents, gsize length,
                              GError **error)
{
    g_autofree char *dir = g_path_get_dirname(path);
    g_autofree char *base = g_path_get_basename(path);
    g_autofree char *template = g_strdup_printf("%s/.%s.XXXXXX", dir, base);
    int fd = g_mkstemp(template);
    if (fd < 0) {
        int saved = errno;
        g_set_error(error, RN_ERROR, RN_ERROR_OUTPUT, "%s: cannot write: %s", path,
                    g_strerror(saved));
        return FALSE;
    }
    gsize done = 0;
    while (done < length) {
        ssize_t w = write(fd, contents + done, length - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            break;
        done += (gsize)w;
    }
    int saved = errno;
    gboolean ok = done == length && fsync(fd) == 0;
    if (!ok && done == length)
        saved = errno;
    if (close(fd) != 0 && ok) {
        ok = FALSE;
        saved = errno;
    }
    /* mkstemp creates 0600; reports are ordinary files. */
    if (ok && g_chmod(template, 0644) != 0) {
        ok = FALSE;
        saved = errno;
    }
    if (ok && g_rename(template, path) != 0) {
        ok = FALSE;
        saved = errno;
    }
    if (!ok) {
        g_unlink(template);
        g_set_error(error, RN_ERROR, RN_ERROR_OUTPUT, "%s: cannot write: %s", path,
                    g_strerror(saved));
    }
    return ok;
}
