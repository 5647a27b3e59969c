/*
 * json_records.h — a JSON file of records (an array of objects, at the top
 * level or at a dotted member path) read as a table, so that the
 * column-mapped loaders (loaders/mapped.h) read programme portals that
 * publish JSON only (format "json", docs/formats.md).
 */
#ifndef REGNET_JSON_RECORDS_H
#define REGNET_JSON_RECORDS_H

#include "loaders/csv.h"

/*
 * Reads path (named display in messages; ".gz" read through gzip, within
 * rn_read_file's limits) and returns its records as a reader
 * (rn_csv_new_records).  records is the dotted path of the array in the
 * document ("data.items"), or NULL when the document is the array.  Each
 * record is flattened: a nested object's members are named with dots
 * ("partner.nuts"); strings are taken as they are, numbers in their
 * shortest exact decimal form, true/false as "true"/"false", null as an
 * empty field, an array of such values as its values joined with "; ".
 * The columns are every name some record has, in the order first met.
 * Errors (RN_ERROR_DATA): invalid JSON (FILE:LINE:COL), no array at the
 * path, a record that is not an object, an array of objects or arrays
 * inside a record (FILE: records[R].NAME); RN_ERROR_IO when the file
 * cannot be read.
 * Time complexity: O(file size).
 */
RnCsv *rn_json_records_open(const char *path, const char *display, const char *records,
                            GError **error);

#endif
