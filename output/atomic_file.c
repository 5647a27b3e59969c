/*
 * atomic_file.c — a report is written whole or not at all, and writing it
 * never destroys anything but the file it replaces.
 *
 * The report goes to a temporary file beside its target, is flushed to
 * disk, given the target's mode (or 0666 less the umask for a new file), and
 * renamed over the target; on any failure the temporary file is removed and
 * the target is left as it was.  Because rename() replaces whatever the
 * name holds, the target is checked first: devices, FIFOs, sockets and
 * directories are refused (as root, `--output /dev/null` would otherwise
 * replace the device node with a regular file), a symbolic link is
 * followed so its target is written (the link stays), and a file the run
 * reads is refused.  A signal during the write removes the temporary file
 * (rn_output_cleanup_from_signal(), called by main()'s handler).
 *
 * Limits: one write at a time per process (the pending temporary name is
 * process-wide, for the signal handler); symbolic links are followed at
 * most 40 deep.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "engine/error.h"
#include "output/output.h"

#define MAX_LINK_DEPTH 40

/* The temporary file being written, for a signal handler to remove. */
static char pending_temp[PATH_MAX];
static volatile sig_atomic_t pending;

void rn_output_cleanup_from_signal(void)
{
    if (pending)
        unlink(pending_temp); /* async-signal-safe */
    pending = 0;
}

/* What a file type is, for messages. */
static const char *type_name(mode_t mode)
{
    return S_ISDIR(mode)    ? "a directory"
           : S_ISCHR(mode)  ? "a character device"
           : S_ISBLK(mode)  ? "a block device"
           : S_ISFIFO(mode) ? "a FIFO (named pipe)"
           : S_ISSOCK(mode) ? "a socket"
                            : "not a regular file";
}

/* The file path names once symbolic links are followed (the last link's
 * target may not exist yet).  Caller frees. */
static char *resolve_links(const char *path, GError **error)
{
    g_autofree char *current = g_strdup(path);
    for (int depth = 0; depth < MAX_LINK_DEPTH; depth++) {
        struct stat st;
        if (lstat(current, &st) != 0 || !S_ISLNK(st.st_mode))
            return g_steal_pointer(&current);
        g_autoptr(GError) local = NULL;
        g_autofree char *target = g_file_read_link(current, &local);
        if (!target) {
            g_set_error(error, RN_ERROR, RN_ERROR_OUTPUT, "%s: cannot follow the symbolic link: %s",
                        path, local->message);
            return NULL;
        }
        if (!g_path_is_absolute(target)) {
            g_autofree char *dir = g_path_get_dirname(current);
            char *joined = g_build_filename(dir, target, NULL);
            g_free(target);
            target = joined;
        }
        g_free(current);
        current = g_steal_pointer(&target);
    }
    g_set_error(error, RN_ERROR, RN_ERROR_OUTPUT,
                "%s: too many levels of symbolic links; expected a file name", path);
    return NULL;
}

/* Is the file at path the same file as the one at other (both existing)? */
static gboolean same_file(const struct stat *st, const char *other)
{
    struct stat o;
    return stat(other, &o) == 0 && o.st_dev == st->st_dev && o.st_ino == st->st_ino;
}

gboolean rn_output_check(const char *path, const char *dataset, const RnModel *model,
                         GError **error)
{
    g_return_val_if_fail(path != NULL, FALSE);
    g_return_val_if_fail(error == NULL || *error == NULL, FALSE);
    g_autofree char *target = resolve_links(path, error);
    if (!target)
        return FALSE;
    struct stat st;
    if (stat(target, &st) != 0)
        return TRUE; /* a new file: its folder is checked when it is created */
    if (!S_ISREG(st.st_mode)) {
        g_set_error(error, RN_ERROR, RN_ERROR_OUTPUT,
                    "%s: is %s; expected a regular file or a new file name (use '-' for stdout)",
                    path, type_name(st.st_mode));
        return FALSE;
    }
    gboolean input = dataset && same_file(&st, dataset);
    for (guint i = 0; model && !input && i < model->provenance->len; i++)
        input = same_file(&st, ((const RnProvenance *)g_ptr_array_index(model->provenance, i))->file);
    if (input) {
        g_set_error(error, RN_ERROR, RN_ERROR_OUTPUT,
                    "%s: is one of this run's input files; expected another file name", path);
        return FALSE;
    }
    return TRUE;
}

/* Writes length bytes to fd, retrying short writes; errno on failure. */
static gboolean write_all(int fd, const char *contents, gsize length)
{
    gsize done = 0;
    while (done < length) {
        ssize_t w = write(fd, contents + done, length - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0)
            return FALSE;
        if (w == 0) {
            errno = EIO;
            return FALSE;
        }
        done += (gsize)w;
    }
    return TRUE;
}

#define SINK_BUFFER (64 * 1024)

struct RnSink {
    int fd;
    char *buffer;
    gsize used;
    gboolean failed;
    int error_number;
};

static gboolean sink_flush(RnSink *sink)
{
    if (sink->failed)
        return FALSE;
    if (sink->used && !write_all(sink->fd, sink->buffer, sink->used)) {
        sink->failed = TRUE;
        sink->error_number = errno;
        return FALSE;
    }
    sink->used = 0;
    return TRUE;
}

gboolean rn_sink_write(RnSink *sink, const char *text, gsize length)
{
    g_return_val_if_fail(sink != NULL && (text != NULL || length == 0), FALSE);
    if (sink->failed)
        return FALSE;
    if (sink->used + length > SINK_BUFFER && !sink_flush(sink))
        return FALSE;
    if (length > SINK_BUFFER) {
        if (!write_all(sink->fd, text, length)) {
            sink->failed = TRUE;
            sink->error_number = errno;
            return FALSE;
        }
        return TRUE;
    }
    memcpy(sink->buffer + sink->used, text, length);
    sink->used += length;
    return TRUE;
}

/* Produces into fd; errno of the failure in *saved. */
static gboolean produce_into(int fd, RnProduceFunc produce, gpointer data, int *saved)
{
    RnSink sink = {.fd = fd, .buffer = g_malloc(SINK_BUFFER)};
    gboolean ok = produce(&sink, data) && sink_flush(&sink);
    if (!ok)
        *saved = sink.failed ? sink.error_number : EIO;
    g_free(sink.buffer);
    return ok;
}

typedef struct {
    const char *contents;
    gsize length;
} Whole;

static gboolean produce_whole(RnSink *sink, gpointer data)
{
    const Whole *whole = data;
    return rn_sink_write(sink, whole->contents, whole->length);
}

gboolean rn_write_file_atomic(const char *path, const char *contents, gsize length,
                              GError **error)
{
    g_return_val_if_fail(path != NULL && (contents != NULL || length == 0), FALSE);
    g_return_val_if_fail(error == NULL || *error == NULL, FALSE);
    Whole whole = {contents, length};
    return rn_write_file_streamed(path, produce_whole, &whole, error);
}

gboolean rn_write_file_streamed(const char *path, RnProduceFunc produce, gpointer data,
                                GError **error)
{
    g_return_val_if_fail(path != NULL && produce != NULL, FALSE);
    g_return_val_if_fail(error == NULL || *error == NULL, FALSE);
    if (strcmp(path, "-") == 0) {
        int saved = 0;
        if (!produce_into(STDOUT_FILENO, produce, data, &saved)) {
            g_set_error(error, RN_ERROR, RN_ERROR_OUTPUT, "stdout: cannot write");
            return FALSE;
        }
        return TRUE;
    }
    if (!rn_output_check(path, NULL, NULL, error))
        return FALSE;
    g_autofree char *target = resolve_links(path, error);
    if (!target)
        return FALSE;
    g_autofree char *dir = g_path_get_dirname(target);
    /* A short fixed name: "." + a 255-byte file name + a suffix would not fit. */
    g_autofree char *template = g_build_filename(dir, ".regnet-XXXXXX", NULL);
    if (strlen(template) >= sizeof pending_temp) {
        g_set_error(error, RN_ERROR, RN_ERROR_OUTPUT, "%s: cannot write: %s", path,
                    g_strerror(ENAMETOOLONG));
        return FALSE;
    }
    /* Mode: the replaced file's, or what open() would give a new file. */
    struct stat old;
    gboolean exists = stat(target, &old) == 0;
    mode_t mask = umask(0);
    umask(mask);
    mode_t mode = exists ? (old.st_mode & 07777) : (0666 & ~mask);

    int fd = g_mkstemp_full(template, O_RDWR | O_CLOEXEC, 0600);
    if (fd < 0) {
        int saved = errno;
        g_set_error(error, RN_ERROR, RN_ERROR_OUTPUT, "%s: cannot write: %s", path,
                    g_strerror(saved));
        return FALSE;
    }
    g_strlcpy(pending_temp, template, sizeof pending_temp);
    pending = 1;
    int saved = 0;
    gboolean ok = produce_into(fd, produce, data, &saved);
    if (ok && fchmod(fd, mode) != 0) {
        ok = FALSE;
        saved = errno;
    }
    if (ok && exists && (old.st_uid != geteuid() || old.st_gid != getegid()))
        (void)!fchown(fd, old.st_uid, old.st_gid); /* keeps the owner where allowed (root) */
    if (ok && fsync(fd) != 0) {
        ok = FALSE;
        saved = errno;
    }
    if (close(fd) != 0 && ok) {
        ok = FALSE;
        saved = errno;
    }
    if (ok && rename(template, target) != 0) {
        ok = FALSE;
        saved = errno;
    }
    if (!ok)
        unlink(template);
    pending = 0;
    if (!ok) {
        g_set_error(error, RN_ERROR, RN_ERROR_OUTPUT, "%s: cannot write: %s", path,
                    g_strerror(saved));
        return FALSE;
    }
    /* The rename is durable once the folder is on disk too (best effort). */
    int dir_fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir_fd >= 0) {
        (void)fsync(dir_fd);
        close(dir_fd);
    }
    return TRUE;
}
