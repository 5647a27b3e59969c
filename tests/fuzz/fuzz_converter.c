/*
 * fuzz_converter.c — libFuzzer harness: the JRC NUTS converter reader and
 * the harmonisation it drives (loaders/harmonise.c).
 *
 * Input: a converter matrix (code_v2013, code_v2016, pop21, ...).  A model
 * holding a NUTS 2013 slice and a few keep.eu partners (codes DEA11, NL111,
 * DE915, UKN10) is harmonised to the NUTS 2016 slice through that one file,
 * as `--nuts-edition 2016` does.
 */
#include "tests/fuzz/fuzz_common.h"
#include "loaders/harmonise.h"

static const char partners_fixture[] =
    "Programme;Acronym;Project Partner;Lead Partner;Street;Postal code;Town;Country;Website;"
    "Department;Legal Status;Country code;NUTS1 (or equivalent);NUTS2 (or equivalent);"
    "NUTS3 (or equivalent)\n"
    "2014 - 2020 INTERREG V-A Germany - Netherlands;P1;Org A;Yes;;;;Germany;;;public;"
    "DE Germany / DEUTSCHLAND;DEA  / NRW;DEA1  / Duesseldorf;DEA11  / Duesseldorf\n"
    "2014 - 2020 INTERREG V-A Germany - Netherlands;P1;Org B;No;;;;Netherlands;;;private;"
    "NL Netherlands / NEDERLAND;NL1  / N;NL11  / Groningen;NL111  / Oost-Groningen\n"
    "2014 - 2020 INTERREG V-A Germany - Netherlands;P2;Org C;Yes;;;;Germany;;;public;"
    "DE Germany / DEUTSCHLAND;DE9  / N;DE91  / Braunschweig;DE915  / Goettingen\n"
    "2014 - 2020 INTERREG V-A Germany - Netherlands;P2;Org D;No;;;;Germany;;;public;"
    "DE Germany / DEUTSCHLAND;DE9  / N;DE91  / Braunschweig;DE919  / Osterode\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_init();
    g_autofree char *path = fz_write("converter.csv", data, size);
    g_autofree char *partners = fz_write("partners.csv", (const uint8_t *)partners_fixture,
                                         sizeof partners_fixture - 1);
    g_autoptr(RnModel) model = fz_model_with_nuts("2013");
    RnLoadOptions options = {0};
    if (!rn_load_keep_partners(model, partners, "partners.csv", &options, NULL))
        abort();
    g_autoptr(GPtrArray) files = g_ptr_array_new();
    g_ptr_array_add(files, path);
    RnHarmonisationStep step = {.from = "2013", .to = "2016", .files = files};
    g_autofree char *table = fz_path("nuts2016.csv");
    g_autoptr(GError) error = NULL;
    gboolean ok = rn_harmonise_nuts(model, "2016", table, &step, 1, &error);
    fz_check_result(ok, error, data, size);
    if (!ok)
        return 0;
    for (guint i = 0; i < model->participations->len; i++) {
        const RnParticipation *p = &g_array_index(model->participations, RnParticipation, i);
        if (p->nuts && !rn_model_region(model, p->nuts))
            abort(); /* a harmonised code is one the target table knows */
    }
    return 0;
}
