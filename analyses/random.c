/*
 * random.c — SplitMix64 and the uniform draws built on it (random.h).
 */
#include "analyses/random.h"

guint64 rn_splitmix64(guint64 *state)
{
    g_return_val_if_fail(state != NULL, 0);
    guint64 z = (*state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

guint64 rn_random_below(guint64 *state, guint64 bound)
{
    g_return_val_if_fail(state != NULL && bound > 0, 0);
    guint64 threshold = (0 - bound) % bound; /* 2^64 mod bound */
    for (;;) {
        guint64 r = rn_splitmix64(state);
        if (r >= threshold)
            return r % bound;
    }
}

double rn_random_unit(guint64 *state)
{
    g_return_val_if_fail(state != NULL, 0.0);
    return (double)(rn_splitmix64(state) >> 11) * 0x1.0p-53;
}
