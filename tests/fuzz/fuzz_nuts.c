/*
 * fuzz_nuts.c — libFuzzer harness: the NUTS table loader (loaders/nuts.c).
 *
 * Input: a NUTS table (NUTS_ID, LEVL_CODE, CNTR_CODE, NAME_LATN, ...).  It
 * is loaded into an empty model as edition 2013; on success every region's
 * ancestors are looked up at every level, as the engine's roll-ups do
 * (the missing-parent NULL dereference of issue 14 was found there).
 */
#include "tests/fuzz/fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_init();
    g_autofree char *path = fz_write("nuts.csv", data, size);
    g_autoptr(RnModel) model = rn_model_new();
    g_autoptr(GError) error = NULL;
    gboolean ok = rn_load_nuts(model, path, "nuts.csv", "2013", &error);
    fz_check_result(ok, error, data, size);
    if (!ok)
        return 0;
    for (guint i = 0; i < model->regions->len; i++) {
        const RnRegion *r = &g_array_index(model->regions, RnRegion, i);
        if (rn_model_region(model, r->code) != r)
            abort();
        for (int level = 0; level <= r->level; level++)
            if (!rn_model_region_ancestor(model, r->code, level))
                abort(); /* every region rolls up to every coarser level */
    }
    return 0;
}
