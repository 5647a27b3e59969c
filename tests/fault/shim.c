/*
 * shim.c — fault injection for the report writer (output/atomic_file.c),
 * loaded with LD_PRELOAD by tests/fault_test.sh.
 *
 * REGNET_FAULT names the call that fails:
 *   write   write() to regnet's temporary file fails with ENOSPC (full disk)
 *   fsync   fsync() of that file fails with EIO
 *   rename  rename() of that file over the report fails with EACCES
 * Only calls on the temporary file (".regnet-XXXXXX" beside the report)
 * fail; every other call (stderr, the inputs) goes to the C library.
 * Unset or another value: nothing fails.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Is REGNET_FAULT set to call? */
static int fault_is(const char *call)
{
    const char *fault = getenv("REGNET_FAULT");
    return fault && strcmp(fault, call) == 0;
}

/* Does path's last component begin with ".regnet-"? */
static int is_temp_name(const char *path)
{
    const char *base = strrchr(path, '/');
    return strncmp(base ? base + 1 : path, ".regnet-", 8) == 0;
}

/* Is fd open on regnet's temporary file? */
static int is_temp_fd(int fd)
{
    char link[64], target[PATH_MAX];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, target, sizeof target - 1);
    if (n < 0)
        return 0;
    target[n] = '\0';
    return is_temp_name(target);
}

ssize_t write(int fd, const void *buf, size_t count)
{
    static ssize_t (*real)(int, const void *, size_t);
    if (!real)
        *(void **)&real = dlsym(RTLD_NEXT, "write"); /* POSIX dlsym idiom */
    if (fault_is("write") && is_temp_fd(fd)) {
        errno = ENOSPC;
        return -1;
    }
    return real(fd, buf, count);
}

int fsync(int fd)
{
    static int (*real)(int);
    if (!real)
        *(void **)&real = dlsym(RTLD_NEXT, "fsync");
    if (fault_is("fsync") && is_temp_fd(fd)) {
        errno = EIO;
        return -1;
    }
    return real(fd);
}

int rename(const char *from, const char *to)
{
    static int (*real)(const char *, const char *);
    if (!real)
        *(void **)&real = dlsym(RTLD_NEXT, "rename");
    if (fault_is("rename") && is_temp_name(from)) {
        errno = EACCES;
        return -1;
    }
    return real(from, to);
}
