/*
 * random.h — the one pseudo-random generator of regnet's analyses.
 *
 * SplitMix64 (Steele, Lea and Flood 2014, "Fast splittable pseudorandom
 * number generators", OOPSLA): 64-bit state, one addition and two
 * multiply-xorshift rounds per draw.  Every seeded analysis (permutation
 * tests, null models, resampling, sampled betweenness, recommendation
 * splits) draws from it, so an independent implementation of these three
 * functions reproduces regnet's random choices exactly
 * (scripts/reference_bridging.py does for the E-I permutation test).
 */
#pragma once

#include <glib.h>

/* The next value of *state (advancing it).  Time complexity: O(1). */
guint64 rn_splitmix64(guint64 *state);

/* Uniform integer in [0, bound), bound > 0, by rejection (no modulo bias):
 * draws below 2^64 mod bound are rejected (probability bound / 2^64).
 * Time complexity: O(1) expected. */
guint64 rn_random_below(guint64 *state, guint64 bound);

/* Uniform double in [0, 1) from the top 53 bits of one draw.
 * Time complexity: O(1). */
double rn_random_unit(guint64 *state);
