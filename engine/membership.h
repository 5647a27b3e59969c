/*
 * membership.h — which selected projects each node of a network takes part
 * in, and which participations lie behind each node: the bipartite
 * node-project structure a network was projected from.
 *
 * The recommender (analyses/recommend.c) needs it for what the one-mode
 * network has lost: a node's themes and sectors, the period of its
 * projects, single-node projects, and networks rebuilt without some
 * projects (held-out validation).  It follows rn_network_build's rules
 * (rn_network_spec_selects; a participation's node as docs/networks.md
 * defines it); tests/test_recommend.c checks that every node's project
 * count equals RnNode.projects.
 */
#ifndef REGNET_MEMBERSHIP_H
#define REGNET_MEMBERSHIP_H

#include "engine/network.h"

typedef struct {
    guint n_nodes;              /* the network's nodes */
    guint n_projects;           /* selected projects with at least one located participation */
    guint *project;             /* n_projects model project indices, increasing */
    guint *project_offset;      /* n_projects + 1: nodes of project k are */
    guint *project_node;        /*   project_node[project_offset[k] .. [k + 1]), increasing */
    guint *node_offset;         /* n_nodes + 1: projects (0..n_projects-1) of node i are */
    guint *node_project;        /*   node_project[node_offset[i] .. [i + 1]), increasing */
    guint *participation_node;  /* per model participation: its node, or G_MAXUINT when
                                 * its project is not selected or it has no node here */
} RnMembership;

/*
 * Fills membership for network, built from model with spec (the same
 * spec).  Time complexity: O(P log V + sum over projects of n_p) for P
 * participations.
 */
void rn_membership_build(const RnModel *model, const RnNetworkSpec *spec,
                         const RnNetwork *network, RnMembership *membership);
void rn_membership_clear(RnMembership *membership);

/* Index of the node whose id is id in network (ids are sorted), or
 * G_MAXUINT.  Time complexity: O(log V). */
guint rn_network_find_node(const RnNetwork *network, const char *id);

#endif
