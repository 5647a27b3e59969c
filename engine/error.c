/*
 * error.c — the RN_ERROR domain.
 */
#include "engine/error.h"

G_DEFINE_QUARK(regnet-error-quark, rn_error)
