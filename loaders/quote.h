/*
 * quote.h — input text quoted in messages, cut short when long.
 *
 * Every loader message that echoes a cell or a description value goes
 * through rn_quote_cell(), so that a 1 MB cell never travels whole into a
 * message, a terminal or a report's skipped_rows.
 */
#ifndef REGNET_QUOTE_H
#define REGNET_QUOTE_H

#include <glib.h>

/* Characters of a cell a message quotes before cutting it short. */
#define RN_QUOTE_MAX_CHARS 80

/*
 * A cell (or any input text) quoted for a message: "'text'", or, when text
 * is longer than RN_QUOTE_MAX_CHARS characters, its first
 * RN_QUOTE_MAX_CHARS characters, an ellipsis and its length in
 * characters: "'AAAA…AAAA…' (1048576 characters)".  Cuts between UTF-8
 * characters; invalid UTF-8 is shown as U+FFFD.  Caller frees.
 * Time complexity: O(|text|).
 */
char *rn_quote_cell(const char *text);
/* The text shown by rn_quote_cell, unquoted and without the length: at most
 * RN_QUOTE_MAX_CHARS characters, then "…" if cut.  Caller frees. */
char *rn_excerpt(const char *text);

#endif
