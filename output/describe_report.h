/*
 * describe_report.h — rendering of regnet describe (docs/describe.md,
 * docs/describe.schema.json): the JSON document and the printed table.
 */
#ifndef REGNET_DESCRIBE_REPORT_H
#define REGNET_DESCRIBE_REPORT_H

#include "analyses/describe.h"

#define RN_DESCRIPTION_SCHEMA_VERSION "1.0.0"

typedef struct {
    const char *dataset_name;   /* from the description */
    const char *dataset_file;   /* description path as given */
    const RnModel *model;
    const RnDescription *description;
} RnDescribeReport;

/* The description as JSON text ending in a newline; same input, same bytes.
 * Caller frees.  Time complexity: O(size of the description). */
char *rn_describe_render(const RnDescribeReport *report);

/* The description as a table for a terminal (lines ending in '\n'): totals,
 * programmes with periods and counts, periods, NUTS coverage, countries and
 * themes (the first 15 of each), id schemes, caveats.  Caller frees. */
char *rn_describe_table(const RnDescribeReport *report);

#endif
