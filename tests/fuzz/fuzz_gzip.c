/*
 * fuzz_gzip.c — libFuzzer harness: gzip reading (loaders/read.c) and the
 * CSV reader behind it (loaders/csv.c).
 *
 * Input: the bytes of a .csv.gz file.  rn_read_file decompresses it whole;
 * then rn_csv_open reads the same file as a `;`- or `,`-separated table
 * (bit 0 of the first byte) and every record is walked.  Limits are 8 MiB
 * decompressed (fuzz_common.h) so a gzip bomb is refused quickly.
 */
#include "tests/fuzz/fuzz_common.h"
#include "loaders/csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_init();
    g_autofree char *path = fz_write("input.csv.gz", data, size);
    {
        g_autoptr(GError) error = NULL;
        g_autofree char *text = NULL;
        gsize length = 0;
        gboolean ok = rn_read_file(path, "input.csv.gz", &text, &length, &error);
        fz_check_result(ok, error, data, size);
        if (ok && (text[length] != '\0'))
            abort();
    }
    g_autoptr(GError) error = NULL;
    char delimiter = size > 0 && (data[0] & 1) ? ',' : ';';
    g_autoptr(RnCsv) csv = rn_csv_open(path, "input.csv.gz", delimiter, &error);
    if (!csv) {
        fz_check_result(FALSE, error, data, size);
        return 0;
    }
    RnCsvStatus status;
    while ((status = rn_csv_next(csv, &error)) == RN_CSV_ROW) {
        for (guint i = 0; i < rn_csv_n_columns(csv); i++)
            (void)rn_csv_field_trimmed(csv, (int)i);
    }
    fz_check_result(status != RN_CSV_ERROR, error, data, size);
    return 0;
}
