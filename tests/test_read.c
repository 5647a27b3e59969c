/* test_read.c — reading input files: regular files only (a FIFO must not
 * block), size limits, every gzip fault named, the gzip-bomb guard,
 * cancellation, and the per-load read-ahead (loaders/prefetch.h). */
#include <glib/gstdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#include <zlib.h>

#include "engine/error.h"
#include "loaders/prefetch.h"
#include "loaders/read.h"

static char *dir;

static char *temp_path(const char *name)
{
    return g_build_filename(dir, name, NULL);
}

static char *write_file(const char *name, const void *data, gsize length)
{
    char *path = temp_path(name);
    g_assert_true(g_file_set_contents(path, data, (gssize)length, NULL));
    return path;
}

/* data gzip-compressed (one member). */
static GByteArray *gzip_bytes(const void *data, gsize length)
{
    z_stream z = {0};
    g_assert_cmpint(deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), ==, Z_OK);
    GByteArray *out = g_byte_array_sized_new((guint)deflateBound(&z, length));
    g_byte_array_set_size(out, (guint)deflateBound(&z, length));
    z.next_in = (Bytef *)data;
    z.avail_in = (uInt)length;
    z.next_out = out->data;
    z.avail_out = out->len;
    g_assert_cmpint(deflate(&z, Z_FINISH), ==, Z_STREAM_END);
    g_byte_array_set_size(out, (guint)z.total_out);
    deflateEnd(&z);
    return out;
}

/* Reads path and expects failure with code and message. */
static void expect_read_error(const char *path, const char *display, int code, const char *message)
{
    g_autoptr(GError) error = NULL;
    char *text = NULL;
    gsize length = 0;
    g_assert_false(rn_read_file(path, display, &text, &length, &error));
    g_assert_null(text);
    g_assert_error(error, RN_ERROR, code);
    g_assert_cmpstr(error->message, ==, message);
}

static void test_not_regular(void)
{
    /* A FIFO without a writer: an ordinary open() would wait for one forever. */
    g_autofree char *fifo = temp_path("fifo.csv");
    g_assert_cmpint(mkfifo(fifo, 0600), ==, 0);
    expect_read_error(fifo, "fifo.csv", RN_ERROR_IO,
                      "fifo.csv: is a FIFO (named pipe); expected a regular file (regnet reads "
                      "whole files, not streams or devices)");
    g_unlink(fifo);
    /* A device that never ends. */
    expect_read_error("/dev/zero", NULL, RN_ERROR_IO,
                      "/dev/zero: is a character device; expected a regular file (regnet reads "
                      "whole files, not streams or devices)");
    /* A socket cannot even be opened: say what it is all the same. */
    g_autofree char *socket_path = temp_path("s.csv");
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un address = {.sun_family = AF_UNIX};
    g_strlcpy(address.sun_path, socket_path, sizeof address.sun_path);
    g_assert_cmpint(bind(fd, (struct sockaddr *)&address, sizeof address), ==, 0);
    expect_read_error(socket_path, "s.csv", RN_ERROR_IO,
                      "s.csv: is a socket; expected a regular file (regnet reads whole files, "
                      "not streams or devices)");
    close(fd);
    g_unlink(socket_path);
    expect_read_error(dir, "d", RN_ERROR_IO, "d: is a directory, expected a file");
}

static void test_size_limit(void)
{
    RnReadLimits limits = {.max_file_bytes = 100};
    rn_read_limits_set(&limits);
    g_autofree char *text200 = g_strnfill(200, 'x');
    g_autofree char *path = write_file("big.csv", text200, 200);
    expect_read_error(path, "big.csv", RN_ERROR_IO,
                      "big.csv: 200 bytes, more than the 100 bytes regnet reads from one file "
                      "(limits: docs/formats.md)");
    g_autofree char *exact = write_file("exact.csv", text200, 100);
    g_autoptr(GError) error = NULL;
    char *text = NULL;
    gsize length = 0;
    g_assert_true(rn_read_file(exact, NULL, &text, &length, &error));
    g_assert_cmpuint(length, ==, 100);
    g_free(text);
    rn_read_limits_set(NULL);
    RnReadLimits now;
    rn_read_limits_get(&now);
    g_assert_cmpuint(now.max_file_bytes, ==, RN_READ_MAX_FILE_BYTES);
    g_unlink(path);
    g_unlink(exact);
}

static void test_gzip_faults(void)
{
    const char *rows = "a,b\n1,2\n3,4\n5,6\n7,8\n9,10\n11,12\n13,14\n15,16\n17,18\n";
    g_autoptr(GByteArray) good = gzip_bytes(rows, strlen(rows));
    guint n = good->len;

    g_autofree char *plain = write_file("text.csv.gz", "this is not gzip, just text\n", 28);
    expect_read_error(plain, "text.csv.gz", RN_ERROR_DATA,
                      "text.csv.gz: not a valid gzip file: bad gzip header in the member at "
                      "byte 0 (zlib: incorrect header check); expected a gzip header "
                      "(1F 8B 08 ...)");

    g_autofree guint8 *bytes = g_memdup2(good->data, n);
    bytes[n - 8] ^= 0xFF; /* CRC-32 of the data */
    g_autofree char *crc = write_file("crc.csv.gz", bytes, n);
    expect_read_error(crc, "crc.csv.gz", RN_ERROR_DATA,
                      "crc.csv.gz: not a valid gzip file: CRC mismatch at the end of the member "
                      "that starts at byte 0: the decompressed data do not match the checksum "
                      "stored with them (corrupt file)");
    bytes[n - 8] ^= 0xFF;
    bytes[n - 4] ^= 0x01; /* ISIZE */
    g_autofree char *size = write_file("size.csv.gz", bytes, n);
    expect_read_error(size, "size.csv.gz", RN_ERROR_DATA,
                      "size.csv.gz: not a valid gzip file: length mismatch at the end of the "
                      "member that starts at byte 0: the decompressed size differs from the "
                      "size stored with it (corrupt file)");
    bytes[n - 4] ^= 0x01;
    /* An ISIZE of 4 GiB must not size the output: the limits cap it. */
    memset(bytes + n - 4, 0xFF, 4);
    g_autofree char *huge = write_file("huge.csv.gz", bytes, n);
    expect_read_error(huge, "huge.csv.gz", RN_ERROR_DATA,
                      "huge.csv.gz: not a valid gzip file: length mismatch at the end of the "
                      "member that starts at byte 0: the decompressed size differs from the "
                      "size stored with it (corrupt file)");
    memcpy(bytes, good->data, n);

    g_autofree char *cut = write_file("cut.csv.gz", bytes, n - 3);
    g_autofree char *cut_message = g_strdup_printf(
        "cut.csv.gz: not a valid gzip file: it ends inside compressed data after %u bytes; "
        "expected the rest of the stream (truncated file?)", n - 3);
    expect_read_error(cut, "cut.csv.gz", RN_ERROR_DATA, cut_message);

    /* A file name in the header (FNAME) that never ends. */
    GByteArray *header = g_byte_array_new();
    const guint8 start[] = {0x1F, 0x8B, 8, 8, 0, 0, 0, 0, 0, 3};
    g_byte_array_append(header, start, sizeof start);
    for (int k = 0; k < 100; k++)
        g_byte_array_append(header, (const guint8 *)"a", 1);
    g_autofree char *name = write_file("name.csv.gz", header->data, header->len);
    expect_read_error(name, "name.csv.gz", RN_ERROR_DATA,
                      "name.csv.gz: not a valid gzip file: it ends inside the gzip header after "
                      "110 bytes; expected the rest of the stream (truncated file?)");
    g_byte_array_unref(header);

    GByteArray *trailing = g_byte_array_new();
    g_byte_array_append(trailing, good->data, n);
    g_byte_array_append(trailing, (const guint8 *)"garbage!", 8);
    g_autofree char *garbage = write_file("garbage.csv.gz", trailing->data, trailing->len);
    g_autofree char *garbage_message = g_strdup_printf(
        "garbage.csv.gz: not a valid gzip file: 8 bytes of trailing garbage after the gzip "
        "member that ends at byte %u; expected the end of the file or another gzip member", n);
    expect_read_error(garbage, "garbage.csv.gz", RN_ERROR_DATA, garbage_message);
    g_byte_array_unref(trailing);

    bytes[10] = 0x07; /* first deflate block: final, reserved type 3 */
    g_autofree char *block = write_file("block.csv.gz", bytes, n);
    g_autoptr(GError) error = NULL;
    char *text = NULL;
    gsize length = 0;
    g_assert_false(rn_read_file(block, "block.csv.gz", &text, &length, &error));
    g_assert_error(error, RN_ERROR, RN_ERROR_DATA);
    g_assert_true(g_str_has_prefix(error->message, "block.csv.gz: not a valid gzip file: "
                                                   "corrupt compressed data near byte "));
    g_assert_true(g_str_has_suffix(error->message, " (zlib: invalid block type)"));
}

static void test_gzip_limits(void)
{
    /* 20 MB of zeros in 20 KB: past 16 MiB, more than 100 bytes per byte. */
    gsize zeros_length = 20 << 20;
    g_autofree char *zeros = g_malloc0(zeros_length);
    g_autoptr(GByteArray) bomb = gzip_bytes(zeros, zeros_length);
    g_autofree char *path = write_file("bomb.csv.gz", bomb->data, bomb->len);
    g_autofree char *expected = g_strdup_printf(
        "bomb.csv.gz: decompresses to more than 100 times its %u bytes (a gzip bomb?); beyond "
        "16777216 bytes regnet reads no more than that ratio (limits: docs/formats.md)",
        bomb->len);
    expect_read_error(path, "bomb.csv.gz", RN_ERROR_IO, expected);

    /* The decompressed size limit, and content of exactly that size. */
    RnReadLimits limits = {.max_text_bytes = 1000};
    rn_read_limits_set(&limits);
    g_autofree char *text1001 = g_strnfill(1001, 'x');
    g_autoptr(GByteArray) over = gzip_bytes(text1001, 1001);
    g_autofree char *over_path = write_file("over.csv.gz", over->data, over->len);
    expect_read_error(over_path, "over.csv.gz", RN_ERROR_IO,
                      "over.csv.gz: decompresses to more than the 1000 bytes regnet reads from "
                      "one file (limits: docs/formats.md)");
    g_autoptr(GByteArray) exact = gzip_bytes(text1001, 1000);
    g_autofree char *exact_path = write_file("exact.csv.gz", exact->data, exact->len);
    g_autoptr(GError) error = NULL;
    char *text = NULL;
    gsize length = 0;
    g_assert_true(rn_read_file(exact_path, NULL, &text, &length, &error));
    g_assert_cmpuint(length, ==, 1000);
    g_free(text);
    rn_read_limits_set(NULL);
}

static void test_cancel(void)
{
    g_autofree char *path = write_file("c.csv", "a,b\n1,2\n", 8);
    gint cancel = 1;
    g_autoptr(GError) error = NULL;
    char *text = NULL;
    gsize length = 0;
    g_assert_false(rn_read_file_full(path, "c.csv", 0, &cancel, &text, &length, &error));
    g_assert_error(error, RN_ERROR, RN_ERROR_IO);
    g_assert_cmpstr(error->message, ==, "c.csv: cancelled");
    g_unlink(path);
}

/* Reads every record of csv; returns how many. */
static guint drain(RnCsv *csv)
{
    g_autoptr(GError) error = NULL;
    guint n = 0;
    while (rn_csv_next(csv, &error) == RN_CSV_ROW)
        n++;
    g_assert_no_error(error);
    return n;
}

static void test_prefetch(void)
{
    char *paths[4];
    for (guint k = 0; k < 4; k++) {
        g_autofree char *name = g_strdup_printf("p%u.csv", k);
        GString *rows = g_string_new("a,b\n");
        for (guint r = 0; r < 1000 * (k + 1); r++)
            g_string_append_printf(rows, "%u,%u\n", r, k);
        paths[k] = write_file(name, rows->str, rows->len);
        g_string_free(rows, TRUE);
    }
    /* Taken in order, out of order, one never taken, one read directly. */
    RnPrefetch *prefetch = rn_prefetch_new();
    for (guint k = 0; k < 4; k++)
        rn_prefetch_add(prefetch, paths[k], NULL, ',');
    g_autoptr(GError) error = NULL;
    RnCsv *third = rn_prefetch_open(prefetch, paths[2], NULL, ',', &error);
    g_assert_no_error(error);
    g_assert_cmpuint(drain(third), ==, 3000);
    rn_csv_free(third);
    RnCsv *first = rn_prefetch_open(prefetch, paths[0], NULL, ',', &error);
    g_assert_cmpuint(drain(first), ==, 1000);
    rn_csv_free(first);
    /* Another delimiter is another reading: opened here, not taken over. */
    RnCsv *other = rn_prefetch_open(prefetch, paths[3], NULL, ';', &error);
    g_assert_cmpuint(rn_csv_n_columns(other), ==, 1);
    rn_csv_free(other);
    rn_prefetch_free(prefetch); /* p1 and p3 outstanding: cancelled, joined */

    /* A FIFO planned ahead fails at once, with the message of a direct read. */
    g_autofree char *fifo = temp_path("ahead.csv");
    g_assert_cmpint(mkfifo(fifo, 0600), ==, 0);
    g_autoptr(RnPrefetch) again = rn_prefetch_new();
    rn_prefetch_add(again, paths[0], NULL, ',');
    rn_prefetch_add(again, fifo, "ahead.csv", ',');
    g_assert_null(rn_prefetch_open(again, fifo, "ahead.csv", ',', &error));
    g_assert_error(error, RN_ERROR, RN_ERROR_IO);
    g_assert_cmpstr(error->message, ==, "ahead.csv: is a FIFO (named pipe); expected a regular "
                                        "file (regnet reads whole files, not streams or devices)");
    g_unlink(fifo);
    for (guint k = 0; k < 4; k++) {
        g_unlink(paths[k]);
        g_free(paths[k]);
    }
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    dir = g_dir_make_tmp("regnet-read-XXXXXX", NULL);
    g_test_add_func("/read/not-regular", test_not_regular);
    g_test_add_func("/read/size-limit", test_size_limit);
    g_test_add_func("/read/gzip-faults", test_gzip_faults);
    g_test_add_func("/read/gzip-limits", test_gzip_limits);
    g_test_add_func("/read/cancel", test_cancel);
    g_test_add_func("/read/prefetch", test_prefetch);
    int status = g_test_run();
    g_autoptr(GDir) entries = g_dir_open(dir, 0, NULL);
    for (const char *name; entries && (name = g_dir_read_name(entries));) {
        g_autofree char *path = g_build_filename(dir, name, NULL);
        g_unlink(path);
    }
    g_rmdir(dir);
    g_free(dir);
    return status;
}
