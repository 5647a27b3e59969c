/*
 * error.h — regnet's GError domain and the exit codes they map to.
 *
 * The library never prints and never exits: every failure travels up as a
 * GError in RN_ERROR, whose code is the process exit status main() uses.
 * Messages that concern a place in an input file start "FILE:LINE:COL: ".
 */
#ifndef REGNET_ERROR_H
#define REGNET_ERROR_H

#include <glib.h>

#define RN_ERROR (rn_error_quark())
GQuark rn_error_quark(void);

/* Codes double as process exit statuses (documented in README.md). */
typedef enum {
    RN_ERROR_INTERNAL = 1, /* a computation failed (igraph error, out of range) */
    RN_ERROR_USAGE = 2,    /* bad command line: unknown option, kind or level */
    RN_ERROR_IO = 3,       /* an input cannot be read: missing, directory, permission */
    RN_ERROR_DATA = 4,     /* an input is malformed: CSV, UTF-8, column, region code, JSON */
    RN_ERROR_OUTPUT = 5,   /* the report cannot be written */
} RnErrorCode;

#endif
