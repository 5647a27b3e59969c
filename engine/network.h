/*
 * network.h — networks built from the model.
 *
 * region network at NUTS level L: a node per region with at least one
 * located participation; an edge between two regions weighted by the number
 * of projects with partners in both; a project located in one region only
 * adds to that region's internal_projects.
 *
 * org network: a node per organisation taking part in a selected project; an
 * edge between two organisations weighted by the number of shared projects,
 * or by Newman's collaboration weight, the sum over shared projects p of
 * 1/(n_p - 1) where n_p is the number of nodes project p touches.
 *
 * country network: a node per country code as the source spells it (CORDIS
 * and keep.eu write EL for Greece and UK for the United Kingdom; regnet does
 * not rename), edges as in the region network.
 *
 * sector network: a node per organisation sector (keep.eu legal status,
 * CORDIS activity type, cluster registry sector), edges as above.
 *
 * Nodes are sorted by id (byte order), edges by (source, target) with
 * source < target; the network is simple: no self-ties, no multi-edges.
 */
#ifndef REGNET_NETWORK_H
#define REGNET_NETWORK_H

#include "engine/model.h"

typedef enum {
    RN_NETWORK_REGION,
    RN_NETWORK_ORG,
    RN_NETWORK_COUNTRY,
    RN_NETWORK_SECTOR,
} RnNetworkKind;

typedef enum {
    RN_WEIGHT_PROJECTS, /* number of shared projects */
    RN_WEIGHT_NEWMAN,   /* sum of 1/(n_p - 1) over shared projects */
} RnWeighting;

typedef struct {
    RnNetworkKind kind;
    int level;              /* NUTS level 0..3 for region networks */
    RnWeighting weighting;
    const char *programme;  /* keep only this programme, NULL for all */
    const char *period;     /* keep only this period ("2014-2020"), NULL for all */
    const GRegex *programmes; /* keep programmes whose name matches, NULL for all */
    const GRegex *themes;     /* keep projects one of whose themes matches, NULL for all */
} RnNetworkSpec;

typedef struct {
    char *id;               /* NUTS code, or organisation key */
    char *label;            /* region or organisation name */
    char *country;          /* country code */
    char *sector;           /* organisation sector, "" for regions */
    gboolean sector_inferred; /* organisation: sector inferred from its name */
    char *region;           /* organisation: its most frequent NUTS code, "" if none */
    guint participations;   /* participations behind the node */
    guint projects;         /* distinct selected projects the node takes part in */
    guint internal_projects;/* region: projects located in this region only */
    guint organisations;    /* region: distinct organisations located in it */
    gboolean cluster;       /* organisation: listed in a cluster registry */
    double lon, lat;        /* map point (WGS 84 degrees), meaningful when
                             * coordinates_from is not NULL */
    const char *coordinates_from; /* static: "source" (the organisation's own point),
                             * "region" (the label point of the node's region or
                             * country, engine/label_points.h), NULL: no point */
} RnNode;

typedef struct {
    guint source;           /* node index, source < target */
    guint target;
    double weight;          /* shared projects, or Newman weight */
    guint projects;         /* shared projects */
    guint project_offset;   /* its projects: edge_projects[offset .. offset + projects) */
} RnEdge;

typedef struct {
    RnNetworkKind kind;
    int level;
    RnWeighting weighting;
    const RnModel *model;   /* borrowed: the model the network was built from, whose
                             * region table rolls node regions up to coarser levels
                             * (groupings); NULL for a network assembled by hand */
    char *programme;        /* filter or NULL */
    char *period;           /* filter or NULL */
    GArray *nodes;          /* RnNode */
    GArray *edges;          /* RnEdge */
    GArray *edge_projects;  /* guint project indices, grouped by edge */
    guint projects_selected;       /* projects passing the filters */
    guint projects_with_ties;      /* selected projects touching 2+ nodes */
    guint projects_single;         /* selected projects with one participation in the data */
    guint participations_selected; /* participations of selected projects */
    guint participations_unlocated;/* of those, without a region at this level */
    GHashTable *unlocated_by_reason; /* char * -> count */
    GHashTable *projects_by_theme;   /* char * -> selected projects with that theme */
} RnNetwork;

const char *rn_network_kind_name(RnNetworkKind kind);
const char *rn_weighting_name(RnWeighting weighting);

/*
 * Builds the network spec describes.  Fails with RN_ERROR_USAGE when no
 * project passes the filters.  The caller owns the result.
 * Time complexity: O(P + sum over projects of n_p^2) for P participations.
 */
RnNetwork *rn_network_build(const RnModel *model, const RnNetworkSpec *spec,
                            GError **error);
/*
 * Does spec's programme, period, programmes and themes filters keep project?
 * The one selection rule of rn_network_build, for code that must follow it
 * (engine/membership.c).  Time complexity: O(|themes|), a regex match each.
 */
gboolean rn_network_spec_selects(const RnModel *model, const RnProject *project,
                                 const RnNetworkSpec *spec);
/* An empty network of kind (nodes and edges to be appended); caller frees. */
RnNetwork *rn_network_new(RnNetworkKind kind);
void rn_network_free(RnNetwork *network);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(RnNetwork, rn_network_free)

#endif
