/* test_csv.c — the CSV reader on the quirks of real EU exports and on
 * malformed input, with exact messages. */
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "engine/error.h"
#include "loaders/csv.h"
#include "loaders/quote.h"

/* Writes contents (length bytes) to a fresh temporary file; returns its path. */
static char *write_temp(const char *contents, gssize length)
{
    char *path = NULL;
    int fd = g_file_open_tmp("regnet-csv-XXXXXX.csv", &path, NULL);
    g_assert_cmpint(fd, >=, 0);
    close(fd);
    g_assert_true(g_file_set_contents(path, contents, length, NULL));
    return path;
}

static RnCsv *open_text(const char *text, char delimiter, GError **error)
{
    g_autofree char *path = write_temp(text, -1);
    RnCsv *csv = rn_csv_open(path, "t.csv", delimiter, error);
    g_unlink(path);
    return csv;
}

static void test_bom_crlf_mixed(void)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(RnCsv) csv = open_text("\xEF\xBB\xBF" "a;b\r\n1;2\n3;4\r\n", 0, &error);
    g_assert_no_error(error);
    g_assert_cmpint(rn_csv_column(csv, "a"), ==, 0); /* BOM is not part of "a" */
    g_assert_cmpuint(rn_csv_n_columns(csv), ==, 2);
    g_assert_cmpint(rn_csv_next(csv, &error), ==, RN_CSV_ROW);
    g_assert_cmpstr(rn_csv_field(csv, 1), ==, "2");
    g_assert_cmpint(rn_csv_next(csv, &error), ==, RN_CSV_ROW);
    g_assert_cmpstr(rn_csv_field(csv, 0), ==, "3");
    g_assert_cmpstr(rn_csv_field(csv, 1), ==, "4"); /* no trailing CR */
    g_assert_cmpuint(rn_csv_record_line(csv), ==, 3);
    g_assert_cmpint(rn_csv_next(csv, &error), ==, RN_CSV_EOF);
    g_assert_cmpuint(rn_csv_records_read(csv), ==, 2);
}

static void test_quoted_fields(void)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(RnCsv) csv = open_text(
        "name,budget,text\n"
        "\"Ev.-Luth. \"\"St.Johannis\"\"\",\"892,228.58\",\"line one\r\nline two\"\n"
        "next,1,x\n",
        ',', &error);
    g_assert_no_error(error);
    g_assert_cmpint(rn_csv_next(csv, &error), ==, RN_CSV_ROW);
    g_assert_cmpstr(rn_csv_field(csv, 0), ==, "Ev.-Luth. \"St.Johannis\"");
    g_assert_cmpstr(rn_csv_field(csv, 1), ==, "892,228.58");
    g_assert_cmpstr(rn_csv_field(csv, 2), ==, "line one\r\nline two");
    g_assert_cmpint(rn_csv_next(csv, &error), ==, RN_CSV_ROW);
    g_assert_cmpstr(rn_csv_field(csv, 0), ==, "next");
    g_assert_cmpuint(rn_csv_record_line(csv), ==, 4); /* the quoted newline counts */
    g_assert_cmpuint(rn_csv_field_col(csv, 2), ==, 8);
}

static void test_literal_quote_in_unquoted_field(void)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(RnCsv) csv = open_text("a;b\nKirchgemeinde \"St.Johannis\";x\n", ';', &error);
    g_assert_no_error(error);
    g_assert_cmpint(rn_csv_next(csv, &error), ==, RN_CSV_ROW);
    g_assert_cmpstr(rn_csv_field(csv, 0), ==, "Kirchgemeinde \"St.Johannis\"");
}

static void test_lone_cr(void)
{
    /* Old Mac line ends, also inside a quoted field. */
    g_autoptr(GError) error = NULL;
    g_autoptr(RnCsv) csv = open_text("a,b\r1,2\r\"x\ry\",3\rz,4", 0, &error);
    g_assert_no_error(error);
    guint lines[] = {2, 3, 5};
    for (guint i = 0; i < 3; i++) {
        g_assert_cmpint(rn_csv_next(csv, &error), ==, RN_CSV_ROW);
        g_assert_cmpuint(rn_csv_record_line(csv), ==, lines[i]);
    }
    g_assert_cmpstr(rn_csv_field(csv, 1), ==, "4");
    g_assert_cmpint(rn_csv_next(csv, &error), ==, RN_CSV_EOF);
}

static void test_utf8_sequences(void)
{
    /* Valid 2-, 3- and 4-byte sequences pass. */
    g_autoptr(GError) error = NULL;
    g_autoptr(RnCsv) csv = open_text("a\n\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80 long enough ascii\n", 0, &error);
    g_assert_no_error(error);
    g_assert_cmpint(rn_csv_next(csv, &error), ==, RN_CSV_ROW);
    g_assert_cmpstr(rn_csv_field(csv, 0), ==, "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80 long enough ascii");
}

static void test_sniff_and_blank_lines(void)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(RnCsv) csv = open_text("\n\na;b;c\n\n1;2;3\n\n", 0, &error);
    g_assert_no_error(error);
    g_assert_cmpuint(rn_csv_n_columns(csv), ==, 3);
    g_assert_cmpint(rn_csv_next(csv, &error), ==, RN_CSV_ROW);
    g_assert_cmpuint(rn_csv_record_line(csv), ==, 5);
    g_assert_cmpint(rn_csv_next(csv, &error), ==, RN_CSV_EOF);
}

static void expect_error(const char *text, gssize length, int code, const char *message)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *path = write_temp(text, length);
    g_autoptr(RnCsv) csv = rn_csv_open(path, "t.csv", 0, &error);
    while (csv && rn_csv_next(csv, &error) == RN_CSV_ROW)
        ;
    g_unlink(path);
    g_assert_error(error, RN_ERROR, code);
    g_assert_cmpstr(error->message, ==, message);
}

static void test_errors(void)
{
    expect_error("", 0, RN_ERROR_DATA, "t.csv:1:1: empty file; expected a header line");
    expect_error("a,b\n1,2\n\"open,3\n", -1, RN_ERROR_DATA,
                 "t.csv:3:1: unterminated quoted field; expected a closing '\"' before "
                 "the end of the file");
    expect_error("a,b\n\"x\"y,2\n", -1, RN_ERROR_DATA,
                 "t.csv:2:4: unexpected text after a closing quote; expected ',' or the "
                 "end of the line");
    expect_error("a,b\n1,2,3\n", -1, RN_ERROR_DATA,
                 "t.csv:2:5: found 3 fields, expected 2 as in the header");
    expect_error("a,b\n1\n", -1, RN_ERROR_DATA,
                 "t.csv:2:1: found 1 fields, expected 2 as in the header");
    expect_error("a,b\nM\xc3\xbcnchen,K\xf6ln\n", -1, RN_ERROR_DATA,
                 "t.csv:2:10: invalid UTF-8 byte 0xF6; expected UTF-8 text (convert the "
                 "file, e.g. iconv -f LATIN1 -t UTF-8)");
}

static void test_utf8_errors(void)
{
    const char *msg = "t.csv:1:3: invalid UTF-8 byte 0x%02X; expected UTF-8 text (convert "
                      "the file, e.g. iconv -f LATIN1 -t UTF-8)";
    struct {
        const char *text;
        unsigned char byte;
    } cases[] = {
        {"ab\xc0\x80", 0xC0},          /* overlong NUL */
        {"ab\xed\xa0\x80", 0xED},      /* UTF-16 surrogate */
        {"ab\xf4\x90\x80\x80", 0xF4},  /* above U+10FFFF */
        {"ab\xe2\x82", 0xE2},          /* truncated at the end */
        {"ab\x80xxxxxxxxxx", 0x80},     /* stray continuation byte */
    };
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *expected = g_strdup_printf(msg, cases[i].byte);
        expect_error(cases[i].text, -1, RN_ERROR_DATA, expected);
    }
    expect_error("ab\0c\n", 5, RN_ERROR_DATA, "t.csv:1:3: invalid UTF-8 byte 0x00; expected "
                 "UTF-8 text (convert the file, e.g. iconv -f LATIN1 -t UTF-8)");
}

static void test_file_errors(void)
{
    g_autoptr(GError) error = NULL;
    g_assert_null(rn_csv_open("/nonexistent/x.csv", NULL, 0, &error));
    g_assert_error(error, RN_ERROR, RN_ERROR_IO);
    g_assert_cmpstr(error->message, ==, "/nonexistent/x.csv: cannot open: No such file or directory");
    g_clear_error(&error);
    g_assert_null(rn_csv_open("/tmp", NULL, 0, &error));
    g_assert_error(error, RN_ERROR, RN_ERROR_IO);
    g_assert_cmpstr(error->message, ==, "/tmp: is a directory, expected a file");
}

static void test_require_columns(void)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(RnCsv) csv = open_text("a,b\n1,2\n", 0, &error);
    const char *const names[] = {"b", "Programme", NULL};
    int idx[2];
    g_assert_false(rn_csv_require_columns(csv, names, idx, &error));
    g_assert_cmpint(idx[0], ==, 1);
    g_assert_cmpstr(error->message, ==,
                    "t.csv:1:1: header has no column 'Programme'; expected the columns of "
                    "this source format (see docs/formats.md)");
}


/* Lines of spaces and tabs only are blank (docs/formats.md), except that a
 * tab delimiter makes a line of tabs a record of empty fields. */
static void test_whitespace_lines(void)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(RnCsv) csv = open_text("  \t \na;b\n \n1;2\n\t\r\n   \n3;4\n \t", 0, &error);
    g_assert_no_error(error);
    g_assert_cmpint(rn_csv_next(csv, &error), ==, RN_CSV_ROW);
    g_assert_cmpuint(rn_csv_record_line(csv), ==, 4);
    g_assert_cmpint(rn_csv_next(csv, &error), ==, RN_CSV_ROW);
    g_assert_cmpuint(rn_csv_record_line(csv), ==, 7);
    g_assert_cmpstr(rn_csv_field(csv, 1), ==, "4");
    g_assert_cmpint(rn_csv_next(csv, &error), ==, RN_CSV_EOF);
    g_assert_no_error(error);

    g_autoptr(RnCsv) tabs = open_text("a\tb\n\t\n", '\t', &error);
    g_assert_no_error(error);
    g_assert_cmpint(rn_csv_next(tabs, &error), ==, RN_CSV_ROW);
    g_assert_cmpstr(rn_csv_field(tabs, 0), ==, "");
    g_assert_cmpint(rn_csv_next(tabs, &error), ==, RN_CSV_EOF);
    expect_error(" \n\t\n", -1, RN_ERROR_DATA, "t.csv:1:1: empty file; expected a header line");
}

/* Wide input costs no memory per field beyond the header's count. */
static void test_field_limits(void)
{
    GString *text = g_string_new("a,b\n");
    for (guint k = 0; k < 1000000; k++)
        g_string_append_c(text, ',');
    g_string_append_c(text, '\n');
    expect_error(text->str, -1, RN_ERROR_DATA,
                 "t.csv:2:3: found 1000001 fields, expected 2 as in the header");
    g_string_truncate(text, 0);
    for (guint k = 0; k <= RN_CSV_MAX_COLUMNS; k++)
        g_string_append_printf(text, "%sc%u", k ? "," : "", k);
    g_autofree char *expected = g_strdup_printf(
        "t.csv:1:%u: the header has %u columns, more than the %u regnet reads; expected a "
        "table (limits: docs/formats.md)", (guint)(strstr(text->str, ",c10000") - text->str) + 2,
        RN_CSV_MAX_COLUMNS + 1, RN_CSV_MAX_COLUMNS);
    expect_error(text->str, -1, RN_ERROR_DATA, expected);
    g_string_free(text, TRUE);
}

/* Records parsed ahead (rn_csv_open_parsed) come out as rn_csv_open's: also
 * past the memory budget, where the rest is parsed on demand (a file of
 * empty fields takes 64 bytes of field starts per 2 bytes of text), and up
 * to the same error. */
static void test_parsed_ahead(void)
{
    GString *text = g_string_new("a,b\n");
    for (guint k = 0; k < 200000; k++)
        g_string_append(text, k % 1000 == 0 ? "x,\"q\"\n" : ",\n");
    g_string_append(text, "1,2,3\n");
    g_autofree char *path = write_temp(text->str, -1);
    g_autoptr(GError) error_lazy = NULL, error_ahead = NULL;
    g_autoptr(RnCsv) lazy = rn_csv_open(path, "t.csv", 0, &error_lazy);
    g_autoptr(RnCsv) ahead = rn_csv_open_parsed(path, "t.csv", 0, NULL, &error_ahead);
    g_assert_nonnull(lazy);
    g_assert_nonnull(ahead);
    RnCsvStatus a, b;
    guint rows = 0;
    while ((a = rn_csv_next(lazy, &error_lazy)) == RN_CSV_ROW) {
        b = rn_csv_next(ahead, &error_ahead);
        g_assert_cmpint(b, ==, RN_CSV_ROW);
        g_assert_cmpstr(rn_csv_field(lazy, 0), ==, rn_csv_field(ahead, 0));
        g_assert_cmpstr(rn_csv_field(lazy, 1), ==, rn_csv_field(ahead, 1));
        g_assert_cmpuint(rn_csv_record_line(lazy), ==, rn_csv_record_line(ahead));
        g_assert_cmpuint(rn_csv_records_read(lazy), ==, rn_csv_records_read(ahead));
        rows++;
    }
    g_assert_cmpuint(rows, ==, 200000);
    g_assert_cmpint(a, ==, RN_CSV_ERROR);
    g_assert_cmpint(rn_csv_next(ahead, &error_ahead), ==, RN_CSV_ERROR);
    g_assert_cmpstr(error_lazy->message, ==, "t.csv:200002:5: found 3 fields, expected 2 as in the header");
    g_assert_cmpstr(error_ahead->message, ==, error_lazy->message);

    /* Cancelled before it starts: nothing is read. */
    gint cancel = 1;
    g_autoptr(GError) error = NULL;
    g_assert_null(rn_csv_open_parsed(path, "t.csv", 0, &cancel, &error));
    g_assert_error(error, RN_ERROR, RN_ERROR_IO);
    g_assert_cmpstr(error->message, ==, "t.csv: cancelled");
    g_unlink(path);
    g_string_free(text, TRUE);
}

static void test_quote_cell(void)
{
    g_autofree char *plain = rn_quote_cell("DEG01");
    g_assert_cmpstr(plain, ==, "'DEG01'");
    /* 80 characters are shown whole, 81 are cut; é is one character. */
    g_autofree char *eighty = g_strnfill(80, 'x');
    g_autofree char *q80 = rn_quote_cell(eighty);
    g_assert_cmpuint(strlen(q80), ==, 82);
    GString *long_cell = g_string_new(NULL);
    for (guint k = 0; k < 1000000; k++)
        g_string_append(long_cell, "\xC3\xA9");
    g_autofree char *q = rn_quote_cell(long_cell->str);
    GString *expected = g_string_new("'");
    for (guint k = 0; k < RN_QUOTE_MAX_CHARS; k++)
        g_string_append(expected, "\xC3\xA9");
    g_string_append(expected, "\xE2\x80\xA6' (1000000 characters)");
    g_assert_cmpstr(q, ==, expected->str);
    g_string_free(expected, TRUE);
    g_string_free(long_cell, TRUE);
    g_autofree char *invalid = rn_quote_cell("K\xF6ln");
    g_assert_cmpstr(invalid, ==, "'K\xEF\xBF\xBDln'");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/csv/bom-crlf-mixed", test_bom_crlf_mixed);
    g_test_add_func("/csv/quoted-fields", test_quoted_fields);
    g_test_add_func("/csv/literal-quote", test_literal_quote_in_unquoted_field);
    g_test_add_func("/csv/sniff-blank-lines", test_sniff_and_blank_lines);
    g_test_add_func("/csv/lone-cr", test_lone_cr);
    g_test_add_func("/csv/utf8-sequences", test_utf8_sequences);
    g_test_add_func("/csv/utf8-errors", test_utf8_errors);
    g_test_add_func("/csv/errors", test_errors);
    g_test_add_func("/csv/file-errors", test_file_errors);
    g_test_add_func("/csv/require-columns", test_require_columns);
    g_test_add_func("/csv/whitespace-lines", test_whitespace_lines);
    g_test_add_func("/csv/field-limits", test_field_limits);
    g_test_add_func("/csv/parsed-ahead", test_parsed_ahead);
    g_test_add_func("/csv/quote-cell", test_quote_cell);
    return g_test_run();
}
