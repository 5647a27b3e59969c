/*
 * fuzz_keep.c — libFuzzer harness: the keep.eu loaders (loaders/keep.c).
 *
 * Input: one selector byte, then the CSV.  Bit 0 of the selector picks the
 * Partners export (rn_load_keep_partners, `;`-separated) or the Projects
 * sheet (rn_load_keep_projects; a fixed partners file is loaded first so
 * projects have participations to attach to); bit 1 sets
 * skip_invalid_rows.  The model holds a NUTS 2013 slice.
 */
#include "tests/fuzz/fuzz_common.h"

static const char partners_fixture[] =
    "Programme;Acronym;Project Partner;Lead Partner;Street;Postal code;Town;Country;Website;"
    "Department;Legal Status;Country code;NUTS1 (or equivalent);NUTS2 (or equivalent);"
    "NUTS3 (or equivalent)\n"
    "2014 - 2020 INTERREG V-A Germany - Netherlands;P1;Org A;Yes;;;;Germany;;;public;"
    "DE Germany / DEUTSCHLAND;DEA  / NRW;DEA1  / Duesseldorf;DEA11  / Duesseldorf\n"
    "2014 - 2020 INTERREG V-A Germany - Netherlands;P1;Org B;No;;;;Netherlands;;;private;"
    "NL Netherlands / NEDERLAND;NL1  / N;NL11  / Groningen;NL111  / Oost-Groningen\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_init();
    if (size < 1)
        return 0;
    g_autofree char *path = fz_write("keep.csv", data + 1, size - 1);
    g_autoptr(RnModel) model = fz_model_with_nuts("2013");
    RnLoadOptions options = {.skip_invalid_rows = (data[0] & 2) != 0};
    g_autoptr(GError) error = NULL;
    gboolean ok;
    if (data[0] & 1) {
        g_autofree char *partners = fz_write("partners.csv", (const uint8_t *)partners_fixture,
                                             sizeof partners_fixture - 1);
        if (!rn_load_keep_partners(model, partners, "partners.csv", &options, NULL))
            abort();
        ok = rn_load_keep_projects(model, path, "keep.csv", &options, &error);
    } else {
        ok = rn_load_keep_partners(model, path, "keep.csv", &options, &error);
    }
    fz_check_result(ok, error, data, size);
    return 0;
}
