/*
 * description.h — reading a dataset description (docs/dataset.md) as strict
 * JSON: what cJSON accepts and a description must not contain.
 */
#ifndef REGNET_DESCRIPTION_H
#define REGNET_DESCRIPTION_H

#include <cjson/cJSON.h>
#include <glib.h>

G_DEFINE_AUTOPTR_CLEANUP_FUNC(cJSON, cJSON_Delete)

/* Largest description read (bytes); descriptions are a few kilobytes. */
#define RN_DESCRIPTION_MAX_BYTES (1024 * 1024)

/*
 * Reads and parses the description at path (named so in messages) into a
 * cJSON tree (caller deletes).  Beyond JSON syntax it refuses, with
 * RN_ERROR_DATA:
 *   a NUL byte anywhere (FILE:LINE:COL);
 *   a string, member name or value, that is not valid UTF-8
 *     (FILE:LINE:COL and the member path, e.g. "sources[1].programme"): the
 *     strings reach the report, which must stay JSON;
 *   an object holding a member twice (the object's path and the member):
 *     cJSON keeps both and readers disagree on which one counts.
 * Fails with RN_ERROR_IO when the file cannot be read, is not a regular file
 * or is larger than RN_DESCRIPTION_MAX_BYTES.
 * Time complexity: O(file size).
 */
cJSON *rn_description_parse(const char *path, GError **error);

/*
 * Checks that object (a description object at member path where, e.g.
 * "sources[2].columns"; "top level" for the root) holds only members named
 * in known (NULL-terminated).  Fails with RN_ERROR_DATA naming the first
 * unknown member's path, the known members and, when one is close (edit
 * distance at most a third of the name, case ignored), a did-you-mean:
 *   "d.json: sources[0].contry: unknown member; expected one of: format, file, ...;
 *    did you mean 'country'?"
 * object may be NULL or not an object (nothing to check).
 * Time complexity: O(members x known x name length^2).
 */
gboolean rn_description_check_members(const cJSON *object, const char *const *known,
                                      const char *file, const char *where, GError **error);

/* The known name closest to name (edit distance, case ignored) when it is
 * within a third of name's length (at least 1), else NULL.  Borrowed. */
const char *rn_did_you_mean(const char *name, const char *const *known);

#endif
