/*
 * csv.c — see csv.h for the dialect and its limits.
 *
 * The reader keeps the whole file in memory and walks it once, tracking the
 * line and character column of every field so that loaders can point at
 * the exact cell they reject.
 */
#include "loaders/csv.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include <string.h>
#include <sys/stat.h>

#include <gio/gio.h>

#include "engine/error.h"

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
    GArray *fields;      /* FieldStart of each field of the current record */
    guint record_line;   /* line where the current record starts */
    guint records;       /* data records read */
    gboolean preparsed;  /* records come from pre_* (parsed on a prefetch thread) */
    GArray *pre_fields;  /* FieldStart of every record, in order */
    GArray *pre_records; /* PreRecord of every record */
    guint pre_next;      /* next record to hand out */
    GError *pre_error;   /* the error that stopped the pre-parse, or NULL */
};

/* A file being opened and parsed on a thread (rn_csv_prefetch). */
typedef struct Prefetch Prefetch;
struct Prefetch {
    char *path;
    char *display;
    char delimiter;
    GThread *thread;
    RnCsv *csv;          /* result, or NULL with error */
    GError *error;
};
static Prefetch *prefetch_take(const char *path, const char *display, char delimiter);

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

/*
 * Decompresses gzip data whole, NUL-terminated.  Members are decompressed one
 * after another, as gzip(1) does for `cat a.gz b.gz`; a truncated or corrupt
 * stream is an error, never a silent short read (a member that has not ended
 * is asked for more with no input left: zlib's "partial input" error).  The output is sized from
 * the last member's ISIZE trailer (size modulo 2^32): for the usual single
 * member, one allocation and no copies.
 */
static gboolean gunzip(const char *name, const guint8 *packed, gsize packed_length,
                       char **contents, gsize *length, GError **error)
{
    if (packed_length < 18) { /* header 10 + trailer 8 */
        g_set_error(error, RN_ERROR, RN_ERROR_DATA,
                    "%s: not a valid gzip file: %" G_GSIZE_FORMAT " bytes, shorter than any "
                    "gzip member", name, packed_length);
        return FALSE;
    }
    const guint8 *trailer = packed + packed_length - 4;
    gsize capacity = MAX((gsize)trailer[0] | (gsize)trailer[1] << 8 | (gsize)trailer[2] << 16 |
                             (gsize)trailer[3] << 24,
                         (gsize)4096) + 1;
    g_autoptr(GZlibDecompressor) decompressor =
        g_zlib_decompressor_new(G_ZLIB_COMPRESSOR_FORMAT_GZIP);
    g_autofree char *data = g_malloc(capacity);
    gsize used = 0, consumed = 0;
    gboolean in_member = FALSE; /* a member started and not finished */
    while (consumed < packed_length || in_member) {
        if (used + 1 >= capacity) {
            capacity *= 2;
            data = g_realloc(data, capacity);
        }
        gsize read = 0, written = 0;
        g_autoptr(GError) local = NULL;
        GConverterResult result = g_converter_convert(
            G_CONVERTER(decompressor), packed + consumed, packed_length - consumed, data + used,
            capacity - 1 - used, G_CONVERTER_INPUT_AT_END, &read, &written, &local);
        if (result == G_CONVERTER_ERROR) {
            if (g_error_matches(local, G_IO_ERROR, G_IO_ERROR_NO_SPACE)) {
                capacity *= 2; /* output full: grow and go on */
                data = g_realloc(data, capacity);
                continue;
            }
            if (g_error_matches(local, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT))
                g_set_error(error, RN_ERROR, RN_ERROR_DATA,
                            "%s: not a valid gzip file: it ends inside compressed data after "
                            "%" G_GSIZE_FORMAT " bytes; expected the rest of the stream "
                            "(truncated file?)", name, packed_length);
            else
                g_set_error(error, RN_ERROR, RN_ERROR_DATA, "%s: not a valid gzip file: %s", name,
                            local->message);
            return FALSE;
        }
        consumed += read;
        used += written;
        in_member = result != G_CONVERTER_FINISHED;
        if (!in_member)
            g_converter_reset(G_CONVERTER(decompressor)); /* next member, if any */
    }
    data[used] = '\0';
    *length = used;
    *contents = g_steal_pointer(&data);
    return TRUE;
}

gboolean rn_read_file(const char *path, const char *display_name,
                      char **contents, gsize *length, GError **error)
{
    const char *name = display_name ? display_name : path;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        int saved = errno;
        if (fd >= 0)
            close(fd);
        g_set_error(error, RN_ERROR, RN_ERROR_IO, "%s: cannot open: %s", name,
                    g_strerror(saved));
        return FALSE;
    }
    if (S_ISDIR(st.st_mode)) {
        close(fd);
        g_set_error(error, RN_ERROR, RN_ERROR_IO, "%s: is a directory, expected a file", name);
        return FALSE;
    }
    /* One allocation of the file's size (plus the NUL the parsers rely on),
     * filled by read(): no growing buffer, no copies.  Files that are not
     * regular (pipes) grow as they are read. */
    gsize capacity = S_ISREG(st.st_mode) ? (gsize)st.st_size + 1 : 65536;
    char *data = g_malloc(capacity);
    gsize used = 0;
    for (;;) {
        if (used + 1 >= capacity) {
            capacity *= 2;
            data = g_realloc(data, capacity);
        }
        ssize_t n = read(fd, data + used, capacity - 1 - used);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            int saved = errno;
            close(fd);
            g_free(data);
            g_set_error(error, RN_ERROR, RN_ERROR_IO, "%s: cannot read: %s", name,
                        g_strerror(saved));
            return FALSE;
        }
        if (n == 0)
            break;
        used += (gsize)n;
    }
    close(fd);
    data[used] = '\0';
    if (g_str_has_suffix(path, ".gz")) {
        gboolean ok = gunzip(name, (const guint8 *)data, used, contents, length, error);
        g_free(data);
        return ok;
    }
    *contents = data;
    *length = used;
    return TRUE;
}

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

static inline gboolean at_line_end(const RnCsv *csv)
{
    char c = csv->data[csv->pos];
    return c == '\n' || c == '\r';
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

/* Parses one record, in place: each field's text is unescaped where it
 * stands in data and NUL-terminated (over its delimiter, line end or
 * closing quote), so no field is copied.  Returns FALSE with error set on a
 * syntax error.  Precondition: pos < length and not on a blank line. */
static gboolean parse_record(RnCsv *csv, GError **error)
{
    char *data = csv->data;
    g_array_set_size(csv->fields, 0);
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

static RnCsv *open_file(const char *path, const char *display_name, char delimiter,
                        GError **error);

RnCsv *rn_csv_open(const char *path, const char *display_name, char delimiter,
                   GError **error)
{
    Prefetch *prefetched = prefetch_take(path, display_name, delimiter);
    if (prefetched) {
        g_thread_join(prefetched->thread);
        RnCsv *csv = g_steal_pointer(&prefetched->csv);
        if (!csv)
            g_propagate_error(error, g_steal_pointer(&prefetched->error));
        prefetched->thread = NULL;
        g_free(prefetched->path);
        g_free(prefetched->display);
        g_free(prefetched);
        return csv;
    }
    return open_file(path, display_name, delimiter, error);
}

/* rn_csv_open() without looking for a prefetch (the prefetch thread's own). */
static RnCsv *open_file(const char *path, const char *display_name, char delimiter,
                        GError **error)
{
    char *contents = NULL;
    gsize length = 0;
    if (!rn_read_file(path, display_name, &contents, &length, error))
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
    while (csv->pos < csv->length && at_line_end(csv))
        skip_line_end(csv);
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
    if (!parse_record(csv, error)) {
        rn_csv_free(csv);
        return NULL;
    }
    for (guint i = 0; i < csv->fields->len; i++)
        g_ptr_array_add(csv->header, g_strstrip(g_strdup(rn_csv_field(csv, i))));
    return csv;
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

guint rn_csv_n_columns(const RnCsv *csv) { return csv->header->len; }

int rn_csv_column(const RnCsv *csv, const char *name)
{
    for (guint i = 0; i < csv->header->len; i++)
        if (strcmp(g_ptr_array_index(csv->header, i), name) == 0)
            return (int)i;
    return -1;
}

gboolean rn_csv_require_columns(const RnCsv *csv, const char *const *names,
                                int *indices, GError **error)
{
    for (guint k = 0; names[k]; k++) {
        indices[k] = rn_csv_column(csv, names[k]);
        if (indices[k] < 0) {
            g_set_error(error, RN_ERROR, RN_ERROR_DATA,
                        "%s:1:1: header has no column '%s'; expected the "
                        "columns of this source format (see docs/formats.md)",
                        csv->name, names[k]);
            return FALSE;
        }
    }
    return TRUE;
}

static RnCsvStatus next_parsed(RnCsv *csv, GError **error)
{
    while (csv->pos < csv->length && at_line_end(csv))
        skip_line_end(csv);
    if (csv->pos >= csv->length)
        return RN_CSV_EOF;
    if (!parse_record(csv, error))
        return RN_CSV_ERROR;
    csv->records++;
    guint found = csv->fields->len, expected = csv->header->len;
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
    return RN_CSV_EOF;
}

/* Parses every record now, to be handed out later by rn_csv_next(). */
static void preparse(RnCsv *csv)
{
    csv->pre_fields = g_array_new(FALSE, FALSE, sizeof(FieldStart));
    csv->pre_records = g_array_new(FALSE, FALSE, sizeof(PreRecord));
    RnCsvStatus status;
    while ((status = next_parsed(csv, &csv->pre_error)) == RN_CSV_ROW) {
        PreRecord r = {csv->pre_fields->len, csv->fields->len, csv->record_line};
        g_array_append_vals(csv->pre_fields, csv->fields->data, csv->fields->len);
        g_array_append_val(csv->pre_records, r);
    }
    csv->records = 0;
    csv->preparsed = TRUE;
}

/* Prefetches: files opened and parsed on threads of their own, taken over by
 * the rn_csv_open() call with the same path and delimiter. */

static GMutex prefetch_lock;
static GPtrArray *prefetches; /* Prefetch *, guarded by prefetch_lock */

static gpointer prefetch_run(gpointer data)
{
    Prefetch *p = data;
    p->csv = open_file(p->path, p->display, p->delimiter, &p->error);
    if (p->csv)
        preparse(p->csv);
    return NULL;
}

static void prefetch_free(Prefetch *p)
{
    if (p->thread)
        g_thread_join(p->thread);
    rn_csv_free(p->csv);
    g_clear_error(&p->error);
    g_free(p->path);
    g_free(p->display);
    g_free(p);
}

void rn_csv_prefetch(const char *path, const char *display, char delimiter)
{
    Prefetch *p = g_new0(Prefetch, 1);
    p->path = g_strdup(path);
    p->display = g_strdup(display ? display : path);
    p->delimiter = delimiter;
    p->thread = g_thread_new("regnet-prefetch", prefetch_run, p);
    g_mutex_lock(&prefetch_lock);
    if (!prefetches)
        prefetches = g_ptr_array_new();
    g_ptr_array_add(prefetches, p);
    g_mutex_unlock(&prefetch_lock);
}

/* The prefetch of (path, display, delimiter), removed from the list, or NULL. */
static Prefetch *prefetch_take(const char *path, const char *display, char delimiter)
{
    Prefetch *found = NULL;
    g_mutex_lock(&prefetch_lock);
    for (guint i = 0; prefetches && i < prefetches->len && !found; i++) {
        Prefetch *p = g_ptr_array_index(prefetches, i);
        if (p->delimiter == delimiter && strcmp(p->path, path) == 0 &&
            strcmp(p->display, display ? display : path) == 0)
            found = g_ptr_array_steal_index(prefetches, i);
    }
    g_mutex_unlock(&prefetch_lock);
    return found;
}

void rn_csv_prefetch_discard(void)
{
    g_mutex_lock(&prefetch_lock);
    GPtrArray *all = prefetches;
    prefetches = NULL;
    g_mutex_unlock(&prefetch_lock);
    if (all) {
        for (guint i = 0; i < all->len; i++)
            prefetch_free(g_ptr_array_index(all, i));
        g_ptr_array_unref(all);
    }
}

const char *rn_csv_field(const RnCsv *csv, guint i)
{
    return csv->data + g_array_index(csv->fields, FieldStart, i).text;
}

const char *rn_csv_field_trimmed(RnCsv *csv, int i)
{
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

guint rn_csv_field_line(const RnCsv *csv, guint i)
{
    return g_array_index(csv->fields, FieldStart, i).line;
}

guint rn_csv_field_col(const RnCsv *csv, guint i)
{
    const FieldStart *f = &g_array_index(csv->fields, FieldStart, i);
    return column_of(csv->data, f->line_start, f->source);
}

guint rn_csv_record_line(const RnCsv *csv) { return csv->record_line; }
guint rn_csv_records_read(const RnCsv *csv) { return csv->records; }
const char *rn_csv_name(const RnCsv *csv) { return csv->name; }

void rn_csv_set_field_error(const RnCsv *csv, guint i, GError **error,
                            const char *format, ...)
{
    va_list args;
    va_start(args, format);
    g_autofree char *message = g_strdup_vprintf(format, args);
    va_end(args);
    g_set_error(error, RN_ERROR, RN_ERROR_DATA, "%s:%u:%u: %s", csv->name,
                rn_csv_field_line(csv, i), rn_csv_field_col(csv, i), message);
}
