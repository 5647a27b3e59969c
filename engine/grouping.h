/*
 * grouping.h — a partition of a network's nodes into named groups (country,
 * sector, NUTS region, community), the input of brokerage, E-I index,
 * mixing and roll-up analyses.
 */
#ifndef REGNET_GROUPING_H
#define REGNET_GROUPING_H

#include "engine/network.h"

/* Label of the group of nodes whose attribute is unknown. */
#define RN_GROUP_UNKNOWN "(unknown)"

typedef struct {
    char *name;          /* "country", "sector", "nuts0".."nuts3", "community" */
    guint n_groups;
    char **labels;       /* n_groups labels, sorted (byte order) */
    guint *of_node;      /* group index of each node */
    guint *size;         /* nodes in each group */
} RnGrouping;

/*
 * Groups the nodes of network by name:
 *   country          node country code;
 *   sector           organisation sector (org networks only);
 *   nuts0 .. nuts3   the region at that level containing the node's NUTS
 *                    region (rn_model_region_ancestor on network->model,
 *                    which these need; a region network's own level must be
 *                    at least that level);
 * nodes whose attribute is empty fall into RN_GROUP_UNKNOWN.
 * Fails with RN_ERROR_USAGE for an unknown or inapplicable name.
 * Time complexity: O(V log V).
 */
gboolean rn_grouping_build(const RnNetwork *network, const char *name, RnGrouping *grouping,
                           GError **error);

/*
 * Groups nodes by an integer membership vector (communities), labelling
 * group k as its decimal number.  Time complexity: O(V).
 */
void rn_grouping_from_membership(const guint *membership, guint n_nodes, const char *name,
                                 RnGrouping *grouping);

void rn_grouping_clear(RnGrouping *grouping);

#endif
