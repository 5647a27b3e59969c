/*
 * export.h — the report in the formats other tools read (docs/exports.md):
 * GEXF (Gephi), GraphML, NetworkX node-link JSON, Cytoscape.js elements,
 * CSV node and edge tables, Pajek .net and UCINET DL.
 *
 * Every format is rendered from one neutral table (RnExportTable) built
 * from the report document: `regnet analyze --format F` builds it from the
 * document it would print, `regnet export` from the document it reads back,
 * so both give the same bytes.  The table flattens each node's members into
 * typed columns, `metrics` without a prefix and nested objects with their
 * name as prefix (`betweenness`, `brokerage_liaison`, `brokerage_z_liaison`,
 * `bridging_org_betweenness_sum`), adds the node `kind` (and `nuts_level`
 * for region and country networks) and carries whatever members nodes have,
 * so attributes added to the report later (coordinates: `lon`, `lat`,
 * `coordinates_from`) reach every format without a change here.
 *
 * Numbers are written as the JSON report prints them (cJSON: %.15g, or
 * %.17g when 15 digits do not give the double back), so every format holds
 * the report's values to the printed precision.  A value the report has as
 * null (or a non-finite number) is missing: no attribute in GEXF and
 * GraphML, null in JSON formats, an empty CSV cell.
 */
#ifndef REGNET_EXPORT_H
#define REGNET_EXPORT_H

#include <cjson/cJSON.h>
#include <glib.h>

#include "output/output.h"

typedef enum {
    RN_EXPORT_JSON,      /* the report itself */
    RN_EXPORT_GEXF,      /* GEXF 1.3 */
    RN_EXPORT_GEXF_1_2,  /* GEXF 1.2draft: what NetworkX's read_gexf reads */
    RN_EXPORT_GRAPHML,
    RN_EXPORT_NODE_LINK,
    RN_EXPORT_CYTOSCAPE,
    RN_EXPORT_CSV,       /* nodes.csv and edges.csv in a folder */
    RN_EXPORT_PAJEK,
    RN_EXPORT_DL,
} RnExportFormat;

/* Names of the formats, in RnExportFormat order, NULL-terminated ("json",
 * "gexf", "gexf-1.2", "graphml", "node-link", "cytoscape", "csv", "pajek",
 * "dl"). */
extern const char *const rn_export_format_names[];

/* The format named name; FALSE when there is none.  Time complexity: O(formats). */
gboolean rn_export_format_parse(const char *name, RnExportFormat *format);

/* Does format write a folder of files rather than one file? (csv) */
gboolean rn_export_format_is_folder(RnExportFormat format);

typedef enum {
    RN_VALUE_STRING,
    RN_VALUE_INTEGER,
    RN_VALUE_DOUBLE,
    RN_VALUE_BOOLEAN,
} RnValueType;

typedef struct {
    char *name;          /* flat attribute name */
    RnValueType type;
} RnExportColumn;

/* A named value of the whole graph (dataset, attribution, network, ...). */
typedef struct {
    const char *name;
    const cJSON *value;  /* string, number or null; borrowed from the document */
} RnExportGraphValue;

typedef struct {
    cJSON *document;             /* owned: the report the cells point into */
    cJSON *synthesized;          /* owned: values the table adds (kind, nuts_level) */
    GArray *graph_values;        /* RnExportGraphValue, in a fixed order */
    const char *attribution;     /* dataset.attribution, NULL when absent */
    const char *dataset_name;    /* dataset.name, NULL when absent */
    guint n_nodes, n_edges;
    GArray *node_columns;        /* RnExportColumn: every node attribute but id */
    GArray *edge_columns;        /* RnExportColumn: weight, projects, ... */
    const char **node_ids;       /* n_nodes, borrowed */
    const char **node_labels;    /* n_nodes, borrowed (the id when a node has no label) */
    const char **edge_ids;       /* n_edges: the report's ids, or "e<k>" (in generated_ids) */
    guint *edge_source;          /* n_edges node indices */
    guint *edge_target;
    double *edge_weight;         /* n_edges (1 when the report has none) */
    const cJSON **node_cells;    /* n_nodes x columns, row-major; NULL = missing */
    const cJSON **edge_cells;    /* n_edges x columns */
    GStringChunk *strings;       /* generated edge ids */
    int lon_column, lat_column;  /* node columns of coordinates, -1 when absent */
} RnExportTable;

/*
 * Builds the table of a report document (a "regnet-report" object, as
 * rn_report_document() makes it or as read back from a file), taking
 * ownership of document (also on failure).  display names the document in
 * messages (a file name, or "report").
 * Errors (RN_ERROR_DATA): "DISPLAY: ..." naming what is missing or of the
 * wrong type and what was expected (nodes[3]: 'id' is not a string; an edge
 * whose end is no node; a node id given twice; an edge id that is also a
 * node id).  Time complexity: O((V + E) * attributes).
 */
RnExportTable *rn_export_table_new(cJSON *document, const char *display, GError **error);

/*
 * Builds a table of a bare node array (and edges, which may be NULL) under
 * a network kind (NULL: no kind column; level: NUTS level or -1), for the
 * per-period tables of a comparison.  Borrows nodes and edges: they must outlive the table.
 * Errors as rn_export_table_new().
 */
RnExportTable *rn_export_table_from_arrays(const cJSON *nodes, const cJSON *edges,
                                           const char *kind, int level, const char *display,
                                           GError **error);
void rn_export_table_free(RnExportTable *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(RnExportTable, rn_export_table_free)

/*
 * Reads a report file written by regnet analyze (path; ".gz" is
 * decompressed) and checks that it is one: JSON, an object whose `schema`
 * is "regnet-report" and whose `schema_version` has a major version this
 * regnet reads (1 or 2).  Caller owns the document.
 * Errors: RN_ERROR_IO when it cannot be read; RN_ERROR_DATA
 * ("PATH:LINE:COL: invalid JSON; expected a regnet report", "PATH: is a
 * regnet comparison report; ...", "PATH: 'schema' is missing; ...").
 * Time complexity: O(file size).
 */
cJSON *rn_report_read(const char *path, GError **error);

/* One output file: data of length bytes, named name within the output
 * folder (NULL for the single file of a one-file format). */
typedef struct {
    char *name;
    char *data;
    gsize length;
} RnExportFile;

/* A GPtrArray of RnExportFile * that frees them. */
GPtrArray *rn_export_files_new(void);
/* Appends a file, taking data (g_free'd); name NULL: the one file of a
 * single-file format (written to --output itself). */
void rn_export_files_add(GPtrArray *files, const char *name, char *data, gsize length);

/*
 * Renders table in format (not RN_EXPORT_JSON: the report is its own
 * rendering) into files.  Errors: RN_ERROR_DATA when the table cannot be
 * written in that format (a Pajek label with a line break cannot happen:
 * labels are cleaned; an XML writer failure is RN_ERROR_INTERNAL).
 * Time complexity: O((V + E) * attributes).
 */
gboolean rn_export_render(const RnExportTable *table, RnExportFormat format, GPtrArray *files,
                          GError **error);

/*
 * Writes files to output: the single file of a one-file format to output,
 * whole or not at all (rn_write_file_atomic); the files of a folder format
 * into the folder output, created with its parents when missing, each file
 * whole or not at all.  Errors: RN_ERROR_OUTPUT ("OUT: is a regular file;
 * expected a folder (--format csv writes nodes.csv and edges.csv into it)").
 */
gboolean rn_export_write(const char *output, const GPtrArray *files, GError **error);

/* The formats, each in its file (output/export_*.c); they append to files. */
gboolean rn_export_gexf(const RnExportTable *table, const char *version, GPtrArray *files,
                        GError **error);
gboolean rn_export_graphml(const RnExportTable *table, GPtrArray *files, GError **error);
void rn_export_node_link(const RnExportTable *table, GPtrArray *files);
void rn_export_cytoscape(const RnExportTable *table, GPtrArray *files);
void rn_export_csv(const RnExportTable *table, GPtrArray *files);
void rn_export_pajek(const RnExportTable *table, GPtrArray *files);
void rn_export_dl(const RnExportTable *table, GPtrArray *files);

/*
 * A CSV table (RFC 4180: CRLF line ends, fields with ',', '"', CR or LF
 * quoted, quotes doubled; UTF-8 with a byte order mark so that Excel reads
 * accents right) of n_rows rows of columns: cells row-major, NULL = empty.
 * header_first: extra leading columns given as text (ids), or NULL.
 * Caller frees.  Time complexity: O(cells).
 */
char *rn_export_csv_table(const GArray *columns, const cJSON *const *cells, guint n_rows,
                          const char *const *lead_names, guint n_lead,
                          const char *const *lead_cells, gsize *length);

/* Writes cell's value as text into out: strings as they are, numbers as the
 * JSON report prints them (integer columns as integers), booleans as
 * "true"/"false".  Returns FALSE (out untouched) for a missing value. */
gboolean rn_export_cell_text(const cJSON *cell, RnValueType type, GString *out);

/* For the JSON formats: the graph values as an object; node i's (edge e's)
 * id, ends and attributes added to object, copies of the report's values,
 * null for missing ones.  Time complexity: O(attributes). */
cJSON *rn_export_json_graph(const RnExportTable *table);
void rn_export_json_node(cJSON *object, const RnExportTable *table, guint i);
void rn_export_json_edge(cJSON *object, const RnExportTable *table, guint e);

/* A finite number's text exactly as cJSON prints it in the report. */
void rn_export_number_text(double value, GString *out);

/*
 * Renders a comparison's CSV tables (regnet compare --format csv): for each
 * period nodes_PERIOD.csv (the node table as analyze --format csv writes it),
 * periods.csv (each period's network counts and summary) and comparison.csv
 * (one row per pair of consecutive periods).  Time complexity:
 * O(sum of V over periods).
 */
gboolean rn_comparison_export_csv(const RnComparisonReport *report, GPtrArray *files,
                                  GError **error);

#endif
