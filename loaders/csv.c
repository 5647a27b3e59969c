/*
 * csv.c — see csv.h for the dialect and its limits.
 *
 * The reader keeps the whole file in memory and walks it once, tracking the
 * line and character column of every field so that loaders can point at
 * the exact cell they reject.
 */
#include "loaders/csv.h"

#include <stdio.h>
#include <string.h>

#include "engine/error.h"
#include "loaders/quote.h"

struct RnCsv {
    char *name;          /* file name used in messages */
    char *data;          /* whole file, NUL-terminated */
    gsize length;        /* bytes in data */
    gsize pos;           /* next byte to read */
    guint line;          /* line of data[pos], from 1 */
    gsize line_start;    /* offset where that line starts */
    char delimiter;      /* field separator */
    char stops[4];       /* delimiter, CR, LF: the bytes that end an unquoted field */
    GPtrArray *header;   /* header names (char *) */
    GArray *fields;      /* FieldStart of each field of the current record (at most
                          * max_fields + 1 of them) */
    guint n_fields;      /* fields the current record has, stored or not */
    guint max_fields;    /* fields stored per record: the header's count */
    guint record_line;   /* line where the current record starts */
    guint records;       /* data records read */
    gboolean preparsed;  /* records come from pre_* (parsed on a prefetch thread) */
    gboolean pre_partial;/* the pre-parse stopped at its memory budget: the records
                          * after pre_records are parsed when asked for */
    GArray *pre_fields;  /* FieldStart of every record, in order */
    GArray *pre_records; /* PreRecord of every record */
    guint pre_next;      /* next record to hand out */
    GError *pre_error;   /* the error that stopped the pre-parse, or NULL */
    gboolean records_mode; /* records of a JSON array (rn_csv_new_records): fields are
                          * named "records[R].COLUMN" in messages, not LINE:COL */
};

/* A record parsed ahead: its fields are pre_fields[first .. first + count). */
typedef struct {
    guint first;
    guint count;
    guint line;
} PreRecord;

/* Where a field starts; its column is computed only when asked for. */
typedef struct {
    gsize text;          /* start of the field's unescaped text in data */
    guint line;          /* line of its first byte */
    gsize source;        /* offset of its first byte in data */
    gsize line_start;    /* offset of the start of that line in data */
} FieldStart;

/* Length of the leading bytes of s that form one valid UTF-8 sequence
 * (RFC 3629: no overlong forms, no surrogates, at most U+10FFFF), or 0. */
static gsize utf8_sequence(const unsigned char *s, gsize available)
{
    unsigned char b = s[0];
    gsize n;
    unsigned char low = 0x80, high = 0xBF; /* bounds of the second byte */
    if (b >= 0xC2 && b <= 0xDF)
        n = 2;
    else if (b >= 0xE0 && b <= 0xEF) {
        n = 3;
        if (b == 0xE0)
            low = 0xA0;
        else if (b == 0xED)
            high = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
        n = 4;
        if (b == 0xF0)
            low = 0x90;
        else if (b == 0xF4)
            high = 0x8F;
    } else
        return 0;
    if (available < n || s[1] < low || s[1] > high)
        return 0;
    for (gsize i = 2; i < n; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    return n;
}

/* Offset of the first byte that is not valid UTF-8 (or NUL), or length.
 * ASCII, most of any EU export, is skipped eight bytes at a time. */
static gsize utf8_invalid_offset(const char *data, gsize length)
{
    const unsigned char *s = (const unsigned char *)data;
    gsize i = 0;
    while (i < length) {
        if (i + 8 <= length) {
            guint64 word;
            memcpy(&word, s + i, 8);
            /* No high bit set and no zero byte: eight ASCII characters. */
            if (!(word & 0x8080808080808080ULL) &&
                !((word - 0x0101010101010101ULL) & ~word & 0x8080808080808080ULL)) {
                i += 8;
                continue;
            }
        }
        if (s[i] == 0)
            return i;
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        gsize n = utf8_sequence(s + i, length - i);
        if (n == 0)
            return i;
        i += n;
    }
    return length;
}

/* Character column (from 1) of byte offset off, on the line starting at
 * line_start: UTF-8 continuation bytes and CR are not characters. */
static guint column_of(const char *data, gsize line_start, gsize off)
{
    guint col = 1;
    for (gsize i = line_start; i < off; i++) {
        unsigned char b = (unsigned char)data[i];
        if (b != '\r' && (b & 0xC0) != 0x80)
            col++;
    }
    return col;
}

/* Line and column of byte offset off, counting from the start of data. */
static void locate_offset(const char *data, gsize off, guint *line, guint *col)
{
    guint l = 1;
    gsize start = 0;
    for (gsize i = 0; i < off; i++)
        if (data[i] == '\n' || (data[i] == '\r' && data[i + 1] != '\n')) {
            l++;
            start = i + 1;
        }
    *line = l;
    *col = column_of(data, start, off);
}

/* Consumes one line end: CRLF, LF or a lone CR. */
static void skip_line_end(RnCsv *csv)
{
    if (csv->data[csv->pos] == '\r')
        csv->pos++;
    if (csv->data[csv->pos] == '\n')
        csv->pos++;
    csv->line++;
    csv->line_start = csv->pos;
}

/* Counts the line ends in data[from, to) (inside a quoted field): every LF,
 * and every CR not followed by LF.  memchr keeps long descriptions fast. */
static void track_lines(RnCsv *csv, gsize from, gsize to)
{
    const char *data = csv->data;
    for (const char *p = data + from; (p = memchr(p, '\n', (gsize)(data + to - p))); p++) {
        csv->line++;
        csv->line_start = (gsize)(p - data) + 1;
    }
    for (const char *p = data + from; (p = memchr(p, '\r', (gsize)(data + to - p))); p++) {
        if (p[1] == '\n')
            continue;
        /* A lone CR ends a line too; recount the start from the later of the two. */
        csv->line++;
        csv->line_start = MAX(csv->line_start, (gsize)(p - data) + 1);
    }
}

static void set_error_at(const RnCsv *csv, guint line, gsize line_start, gsize off,
                         GError **error, const char *message)
{
    g_set_error(error, RN_ERROR, RN_ERROR_DATA, "%s:%u:%u: %s", csv->name, line,
                column_of(csv->data, line_start, off), message);
}

/* Skips blank lines: empty, or spaces and tabs only (a tab that is the
 * delimiter separates empty fields: such a line is a record).  Stops at the
 * start of the next line holding anything else, or at the end. */
static void skip_blank_lines(RnCsv *csv)
{
    const char *data = csv->data;
    for (;;) {
        gsize p = csv->pos;
        while (p < csv->length && (data[p] == ' ' || data[p] == '\t') && data[p] != csv->delimiter)
            p++;
        if (p < csv->length && data[p] != '\n' && data[p] != '\r')
            return; /* a line with content: pos stays at its start */
        csv->pos = p;
        if (p >= csv->length)
            return;
        skip_line_end(csv);
    }
}

/* Parses one record, in place: each field's text is unescaped where it
 * stands in data and NUL-terminated (over its delimiter, line end or
 * closing quote), so no field is copied.  Keeps the first max_fields + 1
 * fields' starts in fields and counts all in n_fields.  Returns FALSE with
 * error set on a syntax error.  Precondition: pos < length and not on a
 * blank line. */
static gboolean parse_record(RnCsv *csv, GError **error)
{
    char *data = csv->data;
    g_array_set_size(csv->fields, 0);
    csv->n_fields = 0;
    csv->record_line = csv->line;
    for (;;) {
        FieldStart field = {csv->pos, csv->line, csv->pos, csv->line_start};
        char terminator;
        if (data[csv->pos] == '"') {
            gsize write = ++csv->pos;
            field.text = write;
            for (;;) {
                const char *quote = memchr(data + csv->pos, '"', csv->length - csv->pos);
                if (!quote) {
                    set_error_at(csv, field.line, field.line_start, field.source, error,
                                 "unterminated quoted field; expected a closing '\"' "
                                 "before the end of the file");
                    return FALSE;
                }
                gsize end = (gsize)(quote - data);
                track_lines(csv, csv->pos, end);
                if (write != csv->pos)
                    memmove(data + write, data + csv->pos, end - csv->pos);
                write += end - csv->pos;
                csv->pos = end + 1;
                if (data[csv->pos] != '"')
                    break; /* closing quote */
                data[write++] = '"'; /* a doubled quote stands for one */
                csv->pos++;
            }
            data[write] = '\0';
            terminator = data[csv->pos];
            if (csv->pos < csv->length && terminator != csv->delimiter &&
                terminator != '\n' && terminator != '\r') {
                g_autofree char *message = g_strdup_printf(
                    "unexpected text after a closing quote; expected '%c' or the end "
                    "of the line", csv->delimiter);
                set_error_at(csv, csv->line, csv->line_start, csv->pos, error, message);
                return FALSE;
            }
        } else {
            /* data is NUL-terminated and holds no other NUL (UTF-8 check). */
            gsize end = csv->pos + strcspn(data + csv->pos, csv->stops);
            csv->pos = end;
            terminator = data[end];
            data[end] = '\0';
        }
        /* Fields beyond the header's count are counted, not kept: a record
         * of a million empty fields costs no memory. */
        if (csv->n_fields++ <= csv->max_fields)
            g_array_append_val(csv->fields, field);
        if (csv->pos >= csv->length)
            return TRUE;
        csv->pos++;
        if (terminator == csv->delimiter)
            continue;
        /* A line end: CRLF, LF or a lone CR. */
        if (terminator == '\r' && data[csv->pos] == '\n')
            csv->pos++;
        csv->line++;
        csv->line_start = csv->pos;
        return TRUE;
    }
}

/* Guesses the delimiter from the first line: the more frequent of ';' and
 * ',' outside quotes (',' on a tie). */
static char sniff_delimiter(const char *data)
{
    guint semicolons = 0, commas = 0;
    gboolean quoted = FALSE;
    for (const char *p = data; *p && (quoted || (*p != '\n' && *p != '\r')); p++) {
        if (*p == '"')
            quoted = !quoted;
        else if (!quoted && *p == ';')
            semicolons++;
        else if (!quoted && *p == ',')
            commas++;
    }
    return semicolons > commas ? ';' : ',';
}

/* Opens and reads the header; cancel (may be NULL) stops the file's read. */
static RnCsv *open_file(const char *path, const char *display_name, char delimiter,
                        const gint *cancel, GError **error)
{
    char *contents = NULL;
    gsize length = 0;
    if (!rn_read_file_full(path, display_name, 0, cancel, &contents, &length, error))
        return NULL;

    RnCsv *csv = g_new0(RnCsv, 1);
    csv->name = g_strdup(display_name ? display_name : path);
    csv->data = contents;
    csv->length = length;
    csv->line = 1;
    csv->fields = g_array_new(FALSE, FALSE, sizeof(FieldStart));
    csv->header = g_ptr_array_new_with_free_func(g_free);

    gsize bad_offset = utf8_invalid_offset(contents, length);
    if (bad_offset < length) {
        const char *bad = contents + bad_offset;
        guint line, col;
        locate_offset(contents, bad_offset, &line, &col);
        g_set_error(error, RN_ERROR, RN_ERROR_DATA,
                    "%s:%u:%u: invalid UTF-8 byte 0x%02X; expected UTF-8 text "
                    "(convert the file, e.g. iconv -f LATIN1 -t UTF-8)",
                    csv->name, line, col, (unsigned char)*bad);
        rn_csv_free(csv);
        return NULL;
    }
    if (length >= 3 && memcmp(contents, "\xEF\xBB\xBF", 3) == 0)
        csv->pos = csv->line_start = 3; /* the BOM is not a character of the first column */
    csv->delimiter = delimiter; /* 0 until sniffed: blank lines come first */
    skip_blank_lines(csv);
    if (csv->pos >= csv->length) {
        g_set_error(error, RN_ERROR, RN_ERROR_DATA,
                    "%s:1:1: empty file; expected a header line", csv->name);
        rn_csv_free(csv);
        return NULL;
    }
    csv->delimiter = delimiter ? delimiter : sniff_delimiter(csv->data + csv->pos);
    csv->stops[0] = csv->delimiter;
    csv->stops[1] = '\r';
    csv->stops[2] = '\n';
    csv->stops[3] = '\0';
    csv->max_fields = RN_CSV_MAX_COLUMNS;
    if (!parse_record(csv, error)) {
        rn_csv_free(csv);
        return NULL;
    }
    if (csv->n_fields > RN_CSV_MAX_COLUMNS) {
        g_set_error(error, RN_ERROR, RN_ERROR_DATA,
                    "%s:%u:%u: the header has %u columns, more than the %u regnet reads; "
                    "expected a table (limits: docs/formats.md)", csv->name,
                    rn_csv_field_line(csv, RN_CSV_MAX_COLUMNS),
                    rn_csv_field_col(csv, RN_CSV_MAX_COLUMNS), csv->n_fields,
                    (guint)RN_CSV_MAX_COLUMNS);
        rn_csv_free(csv);
        return NULL;
    }
    for (guint i = 0; i < csv->fields->len; i++)
        g_ptr_array_add(csv->header, g_strstrip(g_strdup(rn_csv_field(csv, i))));
    csv->max_fields = csv->header->len;
    return csv;
}

RnCsv *rn_csv_open(const char *path, const char *display_name, char delimiter,
                   GError **error)
{
    g_return_val_if_fail(path != NULL, NULL);
    g_return_val_if_fail(error == NULL || *error == NULL, NULL);
    return open_file(path, display_name, delimiter, NULL, error);
}

void rn_csv_free(RnCsv *csv)
{
    if (!csv)
        return;
    g_free(csv->name);
    g_free(csv->data);
    g_array_unref(csv->fields);
    g_ptr_array_unref(csv->header);
    if (csv->pre_fields)
        g_array_unref(csv->pre_fields);
    if (csv->pre_records)
        g_array_unref(csv->pre_records);
    g_clear_error(&csv->pre_error);
    g_free(csv);
}

guint rn_csv_n_columns(const RnCsv *csv)
{
    g_return_val_if_fail(csv != NULL, 0);
    return csv->header->len;
}

int rn_csv_column(const RnCsv *csv, const char *name)
{
    g_return_val_if_fail(csv != NULL, -1);
    g_return_val_if_fail(name != NULL, -1);
    for (guint i = 0; i < csv->header->len; i++)
        if (strcmp(g_ptr_array_index(csv->header, i), name) == 0)
            return (int)i;
    return -1;
}

gboolean rn_csv_require_columns(const RnCsv *csv, const char *const *names,
                                int *indices, GError **error)
{
    g_return_val_if_fail(csv != NULL && names != NULL && indices != NULL, FALSE);
    g_return_val_if_fail(error == NULL || *error == NULL, FALSE);
    for (guint k = 0; names[k]; k++) {
        indices[k] = rn_csv_column(csv, names[k]);
        if (indices[k] < 0) {
            g_autofree char *quoted = rn_quote_cell(names[k]);
            g_set_error(error, RN_ERROR, RN_ERROR_DATA,
                        "%s:1:1: header has no column %s; expected the "
                        "columns of this source format (see docs/formats.md)",
                        csv->name, quoted);
            return FALSE;
        }
    }
    return TRUE;
}

static RnCsvStatus next_parsed(RnCsv *csv, GError **error)
{
    skip_blank_lines(csv);
    if (csv->pos >= csv->length)
        return RN_CSV_EOF;
    if (!parse_record(csv, error))
        return RN_CSV_ERROR;
    csv->records++;
    guint found = csv->n_fields, expected = csv->header->len;
    if (found != expected) {
        guint i = found > expected ? expected : found - 1;
        g_set_error(error, RN_ERROR, RN_ERROR_DATA,
                    "%s:%u:%u: found %u fields, expected %u as in the header",
                    csv->name, rn_csv_field_line(csv, i), rn_csv_field_col(csv, i),
                    found, expected);
        return RN_CSV_ERROR;
    }
    return RN_CSV_ROW;
}

RnCsvStatus rn_csv_next(RnCsv *csv, GError **error)
{
    g_return_val_if_fail(csv != NULL, RN_CSV_ERROR);
    g_return_val_if_fail(error == NULL || *error == NULL, RN_CSV_ERROR);
    if (!csv->preparsed)
        return next_parsed(csv, error);
    if (csv->pre_next < csv->pre_records->len) {
        const PreRecord *r = &g_array_index(csv->pre_records, PreRecord, csv->pre_next++);
        g_array_set_size(csv->fields, 0);
        g_array_append_vals(csv->fields, &g_array_index(csv->pre_fields, FieldStart, r->first),
                            r->count);
        csv->record_line = r->line;
        csv->records++;
        return RN_CSV_ROW;
    }
    if (csv->pre_error) {
        g_propagate_error(error, g_error_copy(csv->pre_error));
        return RN_CSV_ERROR;
    }
    if (csv->pre_partial) {
        csv->preparsed = FALSE; /* the rest, one record at a time */
        return next_parsed(csv, error);
    }
    return RN_CSV_EOF;
}

/* Records parsed between two looks at the cancellation flag. */
#define PREPARSE_CHECK_EVERY 4096

/*
 * Parses the records now, to be handed out later by rn_csv_next(), as long
 * as their field starts take no more than PREPARSE_BUDGET times the file's
 * size (a file of empty fields would take 32 bytes per byte); the rest are
 * parsed when asked for.  Returns FALSE when *cancel was set.
 */
#define PREPARSE_BUDGET 4
static gboolean preparse(RnCsv *csv, const gint *cancel)
{
    csv->pre_fields = g_array_new(FALSE, FALSE, sizeof(FieldStart));
    csv->pre_records = g_array_new(FALSE, FALSE, sizeof(PreRecord));
    guint64 budget = (guint64)PREPARSE_BUDGET * csv->length + ((guint64)1 << 20);
    RnCsvStatus status;
    while ((status = next_parsed(csv, &csv->pre_error)) == RN_CSV_ROW) {
        PreRecord r = {csv->pre_fields->len, csv->fields->len, csv->record_line};
        g_array_append_vals(csv->pre_fields, csv->fields->data, csv->fields->len);
        g_array_append_val(csv->pre_records, r);
        if ((guint64)csv->pre_fields->len * sizeof(FieldStart) > budget) {
            csv->pre_partial = TRUE;
            break;
        }
        if (csv->pre_records->len % PREPARSE_CHECK_EVERY == 0 && rn_cancelled(cancel))
            return FALSE;
    }
    csv->records = 0;
    csv->preparsed = TRUE;
    return TRUE;
}

RnCsv *rn_csv_open_parsed(const char *path, const char *display_name, char delimiter,
                          const gint *cancel, GError **error)
{
    g_return_val_if_fail(path != NULL, NULL);
    g_return_val_if_fail(error == NULL || *error == NULL, NULL);
    RnCsv *csv = open_file(path, display_name, delimiter, cancel, error);
    if (csv && !preparse(csv, cancel)) {
        g_set_error(error, RN_ERROR, RN_ERROR_IO, "%s: cancelled", csv->name);
        g_clear_pointer(&csv, rn_csv_free);
    }
    return csv;
}

const char *rn_csv_field(const RnCsv *csv, guint i)
{
    g_return_val_if_fail(csv != NULL, NULL);
    return csv->data + g_array_index(csv->fields, FieldStart, i).text;
}

const char *rn_csv_field_trimmed(RnCsv *csv, int i)
{
    g_return_val_if_fail(csv != NULL, NULL);
    if (i < 0)
        return "";
    char *text = csv->data + g_array_index(csv->fields, FieldStart, (guint)i).text;
    while (g_ascii_isspace(*text))
        text++;
    char *end = text + strlen(text);
    while (end > text && g_ascii_isspace(end[-1]))
        end--;
    *end = '\0'; /* the buffer is ours; positions for messages are kept apart */
    return text;
}

RnCsv *rn_csv_new_records(const char *display_name, GPtrArray *header, GPtrArray *cells,
                          guint n_records)
{
    g_return_val_if_fail(display_name != NULL && header != NULL && cells != NULL, NULL);
    guint n = header->len;
    g_return_val_if_fail(cells->len == n_records * n, NULL);
    RnCsv *csv = g_new0(RnCsv, 1);
    csv->name = g_strdup(display_name);
    csv->header = header;
    csv->fields = g_array_new(FALSE, FALSE, sizeof(FieldStart));
    csv->max_fields = n;
    csv->pre_fields = g_array_sized_new(FALSE, FALSE, sizeof(FieldStart), cells->len);
    csv->pre_records = g_array_sized_new(FALSE, FALSE, sizeof(PreRecord), n_records);
    GString *data = g_string_new("");
    g_string_append_c(data, '\0'); /* offset 0: the empty string of absent members */
    for (guint r = 0; r < n_records; r++) {
        PreRecord record = {csv->pre_fields->len, n, r + 1};
        g_array_append_val(csv->pre_records, record);
        for (guint i = 0; i < n; i++) {
            const char *text = g_ptr_array_index(cells, r * n + i);
            FieldStart f = {0, r + 1, 0, 0};
            if (text && *text) {
                f.text = data->len;
                g_string_append_len(data, text, (gssize)strlen(text) + 1);
            }
            g_array_append_val(csv->pre_fields, f);
        }
    }
    g_ptr_array_unref(cells);
    csv->length = data->len;
    csv->data = g_string_free(data, FALSE);
    csv->preparsed = TRUE;
    csv->records_mode = TRUE;
    return csv;
}

gboolean rn_csv_is_records(const RnCsv *csv)
{
    g_return_val_if_fail(csv != NULL, FALSE);
    return csv->records_mode;
}

guint rn_csv_field_line(const RnCsv *csv, guint i)
{
    g_return_val_if_fail(csv != NULL, 0);
    return g_array_index(csv->fields, FieldStart, i).line;
}

guint rn_csv_field_col(const RnCsv *csv, guint i)
{
    g_return_val_if_fail(csv != NULL, 0);
    const FieldStart *f = &g_array_index(csv->fields, FieldStart, i);
    return column_of(csv->data, f->line_start, f->source);
}

guint rn_csv_record_line(const RnCsv *csv)
{
    g_return_val_if_fail(csv != NULL, 0);
    return csv->record_line;
}
guint rn_csv_records_read(const RnCsv *csv)
{
    g_return_val_if_fail(csv != NULL, 0);
    return csv->records;
}
const char *rn_csv_name(const RnCsv *csv)
{
    g_return_val_if_fail(csv != NULL, NULL);
    return csv->name;
}

void rn_csv_set_field_error(const RnCsv *csv, guint i, GError **error,
                            const char *format, ...)
{
    g_return_if_fail(csv != NULL);
    g_return_if_fail(format != NULL);
    g_return_if_fail(error == NULL || *error == NULL);
    va_list args;
    va_start(args, format);
    g_autofree char *message = g_strdup_vprintf(format, args);
    va_end(args);
    if (csv->records_mode) {
        g_autofree char *member = rn_excerpt(g_ptr_array_index(csv->header, i));
        g_set_error(error, RN_ERROR, RN_ERROR_DATA, "%s: records[%u].%s: %s", csv->name,
                    csv->record_line - 1, member, message);
        return;
    }
    g_set_error(error, RN_ERROR, RN_ERROR_DATA, "%s:%u:%u: %s", csv->name,
                rn_csv_field_line(csv, i), rn_csv_field_col(csv, i), message);
}
