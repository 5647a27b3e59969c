/*
 * grouping.c — node groups from node attributes.  See grouping.h.
 */
#include "engine/grouping.h"

#include <stdlib.h>
#include <string.h>

#include "engine/error.h"

void rn_grouping_clear(RnGrouping *g)
{
    g_return_if_fail(g != NULL);
    g_clear_pointer(&g->name, g_free);
    if (g->labels)
        g_strfreev(g->labels);
    g->labels = NULL;
    g_clear_pointer(&g->of_node, g_free);
    g_clear_pointer(&g->size, g_free);
    g->n_groups = 0;
}

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Builds the grouping from one label per node (labels[i] owned by caller). */
static void group_by_labels(const char *name, char **labels, guint n, RnGrouping *g)
{
    g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; i < n; i++)
        g_hash_table_add(seen, labels[i]);
    guint k = g_hash_table_size(seen);
    g_autofree gpointer *distinct = g_hash_table_get_keys_as_array(seen, NULL);
    qsort(distinct, k, sizeof(gpointer), compare_strings);
    g->name = g_strdup(name);
    g->n_groups = k;
    g->labels = g_new0(char *, k + 1);
    g->size = g_new0(guint, k + 1);
    g->of_node = g_new0(guint, n + 1);
    g_autoptr(GHashTable) index = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint j = 0; j < k; j++) {
        g->labels[j] = g_strdup(distinct[j]);
        g_hash_table_insert(index, g->labels[j], GUINT_TO_POINTER(j));
    }
    for (guint i = 0; i < n; i++) {
        g->of_node[i] = GPOINTER_TO_UINT(g_hash_table_lookup(index, labels[i]));
        g->size[g->of_node[i]]++;
    }
}

gboolean rn_grouping_build(const RnNetwork *net, const char *name, RnGrouping *g,
                           GError **error)
{
    g_return_val_if_fail(net != NULL && name != NULL && g != NULL, FALSE);
    g_return_val_if_fail(error == NULL || *error == NULL, FALSE);
    guint n = net->nodes->len;
    int level = -1;
    if (strlen(name) == 5 && strncmp(name, "nuts", 4) == 0 && name[4] >= '0' && name[4] <= '3')
        level = name[4] - '0';
    else if (strcmp(name, "country") != 0 && strcmp(name, "sector") != 0) {
        g_set_error(error, RN_ERROR, RN_ERROR_USAGE,
                    "unknown grouping '%s'; expected country, sector, nuts0, nuts1, nuts2, "
                    "nuts3 or community", name);
        return FALSE;
    }
    if (strcmp(name, "sector") == 0 && net->kind != RN_NETWORK_ORG) {
        g_set_error(error, RN_ERROR, RN_ERROR_USAGE,
                    "grouping 'sector' needs an organisation network (--network org)");
        return FALSE;
    }
    if (level > 0 && net->kind == RN_NETWORK_COUNTRY) {
        g_set_error(error, RN_ERROR, RN_ERROR_USAGE,
                    "grouping '%s' is finer than a country network", name);
        return FALSE;
    }
    if (level > 0 && net->kind == RN_NETWORK_REGION && level > net->level) {
        g_set_error(error, RN_ERROR, RN_ERROR_USAGE,
                    "grouping '%s' is finer than the network's NUTS level %d", name, net->level);
        return FALSE;
    }
    if (level >= 0 && !net->model) {
        g_set_error(error, RN_ERROR, RN_ERROR_USAGE,
                    "grouping '%s' needs a network built from a model (its NUTS table)", name);
        return FALSE;
    }
    g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < n; i++) {
        const RnNode *node = &g_array_index(net->nodes, RnNode, i);
        const char *value;
        if (level >= 0) {
            /* A coarser code has no level-L region: unknown. */
            const RnRegion *r = rn_model_region_ancestor(net->model, node->region, level);
            value = r ? r->code : NULL;
        } else {
            value = name[0] == 'c' ? node->country : node->sector;
        }
        g_ptr_array_add(labels, g_strdup(value && *value ? value : RN_GROUP_UNKNOWN));
    }
    group_by_labels(name, (char **)labels->pdata, n, g);
    return TRUE;
}

void rn_grouping_from_membership(const guint *membership, guint n, const char *name,
                                 RnGrouping *g)
{
    g_return_if_fail(name != NULL);
    g_return_if_fail(g != NULL);
    g_return_if_fail(n == 0 || membership != NULL);
    g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < n; i++)
        g_ptr_array_add(labels, g_strdup_printf("%06u", membership[i]));
    group_by_labels(name, (char **)labels->pdata, n, g);
    /* Zero-padded labels sort numerically; show them without the padding. */
    for (guint j = 0; j < g->n_groups; j++) {
        char *plain = g_strdup_printf("%u", (guint)strtoul(g->labels[j], NULL, 10));
        g_free(g->labels[j]);
        g->labels[j] = plain;
    }
}
