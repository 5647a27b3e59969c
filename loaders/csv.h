/*
 * csv.h — a strict, location-aware reader for the CSV dialects EU portals
 * publish.
 *
 * Handles on purpose: a UTF-8 byte order mark; ',' or ';' (or any byte) as
 * delimiter; fields quoted with '"', doubled quotes inside them, delimiters
 * and line breaks inside quoted fields; CRLF, LF and mixed line ends (the
 * keep.eu export mixes them).  A '"' inside an unquoted field is kept
 * literally, as Python's csv module and spreadsheet programs do.
 *
 * Rejects with FILE:LINE:COL (COL counts characters from 1): invalid UTF-8,
 * an unterminated quoted field, text after a closing quote, a record whose
 * field count differs from the header's, a header of more than
 * RN_CSV_MAX_COLUMNS columns.  Blank lines, and lines of spaces and tabs
 * only, are skipped.
 *
 * Files are read by rn_read_file() (loaders/read.h): regular files only,
 * within its size limits; files ending in .gz are read through gzip.
 *
 * Limits: the whole file is read into memory and parsed in place (fields
 * are unescaped where they stand); a field stays valid until the reader is
 * freed.  Memory beyond the file itself is a few bytes per field of the
 * record being read, or, for a file parsed ahead (rn_csv_open_parsed), at
 * most about four times the file's size.
 */
#ifndef REGNET_CSV_H
#define REGNET_CSV_H

#include <glib.h>

#include "loaders/read.h"

/* Most columns a header may have. */
#define RN_CSV_MAX_COLUMNS 10000

typedef struct RnCsv RnCsv;

typedef enum {
    RN_CSV_ROW,   /* a record was read */
    RN_CSV_EOF,   /* no more records */
    RN_CSV_ERROR, /* malformed input; error is set */
} RnCsvStatus;

/*
 * Opens path and reads its header record.  display_name is how messages name
 * the file (NULL: path).  Fails with RN_ERROR_IO when the file is missing,
 * unreadable, not a regular file or beyond a size limit (rn_read_file), and
 * RN_ERROR_DATA when it is empty, is not UTF-8 or its header is malformed.
 * The caller owns the result.
 * Time complexity: O(file size).
 */
RnCsv *rn_csv_open(const char *path, const char *display_name, char delimiter,
                   GError **error);
void rn_csv_free(RnCsv *csv);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(RnCsv, rn_csv_free)

/* Number of header columns. */
guint rn_csv_n_columns(const RnCsv *csv);
/* Index of the header column named name (exact match after trimming), or -1. */
int rn_csv_column(const RnCsv *csv, const char *name);
/*
 * Looks up every name in names (NULL-terminated) and stores its index in
 * indices.  Fails with RN_ERROR_DATA naming the first missing column.
 */
gboolean rn_csv_require_columns(const RnCsv *csv, const char *const *names,
                                int *indices, GError **error);

/*
 * Reads the next record.  A record whose field count differs from the
 * header's is an error.  Time complexity: O(record length).
 */
RnCsvStatus rn_csv_next(RnCsv *csv, GError **error);

/* Field i of the current record (NUL-terminated, never NULL; valid until
 * the reader is freed). */
const char *rn_csv_field(const RnCsv *csv, guint i);
/* Field i of the current record without leading and trailing ASCII white
 * space, trimmed in place (no copy; valid as long as the RnCsv); "" when i
 * is negative (an absent optional column).  Time complexity: O(|field|). */
const char *rn_csv_field_trimmed(RnCsv *csv, int i);
/* Line and character column (from 1) where field i of the current record starts. */
guint rn_csv_field_line(const RnCsv *csv, guint i);
guint rn_csv_field_col(const RnCsv *csv, guint i);
/* Line where the current record starts. */
guint rn_csv_record_line(const RnCsv *csv);
/* Data records read so far (the header is not counted). */
guint rn_csv_records_read(const RnCsv *csv);
/* The file name used in messages. */
const char *rn_csv_name(const RnCsv *csv);

/*
 * Sets error to RN_ERROR_DATA with "NAME:LINE:COL: message" pointing at
 * field i of the current record.
 */
void rn_csv_set_field_error(const RnCsv *csv, guint i, GError **error,
                            const char *format, ...) G_GNUC_PRINTF(4, 5);

/*
 * rn_csv_open(), then parses the records at once, as many as about four
 * times the file's size holds (they are handed out by rn_csv_next() later,
 * with the same errors at the same records; the rest are parsed then), for a
 * file read ahead on another thread (loaders/prefetch.h).  When cancel is
 * not NULL and *cancel becomes non-zero, reading and parsing stop soon and
 * the call fails with RN_ERROR_IO "cancelled".  Never calls igraph.
 * Time complexity: O(file size).
 */
RnCsv *rn_csv_open_parsed(const char *path, const char *display_name, char delimiter,
                          const gint *cancel, GError **error);

/*
 * A reader over records already split into fields (the records of a JSON
 * array, loaders/json_records.h), handed out by rn_csv_next() like a file's.
 * header (char *, owned) names the columns; cells holds n_records x
 * header->len strings row by row (NULL or "": an empty field).  Takes
 * ownership of header and cells (whose strings are copied).  Messages about a
 * field read "NAME: records[R].COLUMN: ..." with R counted from 0.
 * Time complexity: O(total size of the cells).
 */
RnCsv *rn_csv_new_records(const char *display_name, GPtrArray *header, GPtrArray *cells,
                          guint n_records);
/* Was csv made by rn_csv_new_records? */
gboolean rn_csv_is_records(const RnCsv *csv);
#endif
