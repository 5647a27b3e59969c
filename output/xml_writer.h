/*
 * xml_writer.h — a thin layer over libxml2's xmlTextWriter for the XML
 * exports (GEXF, GraphML): one error flag instead of a check per call, and
 * text cleaned of what XML 1.0 cannot hold (output/ only).
 *
 * libxml2 escapes markup characters (& < > ") itself; C0 control
 * characters other than tab, line feed and carriage return are not allowed
 * in XML 1.0 at all, even escaped, so they are replaced by U+FFFD.
 */
#ifndef REGNET_XML_WRITER_H
#define REGNET_XML_WRITER_H

#include <glib.h>
#include <libxml/xmlwriter.h>

typedef struct {
    xmlBufferPtr buffer;
    xmlTextWriterPtr writer;
    gboolean ok;             /* FALSE once any call failed */
    GString *scratch;        /* cleaned text */
} RnXml;

/* Starts a UTF-8 document, indented by two spaces.  FALSE when libxml2
 * cannot allocate the writer. */
gboolean rn_xml_begin(RnXml *xml);
/* Opens element name (namespace prefix and URI optional: NULL). */
void rn_xml_start(RnXml *xml, const char *name);
void rn_xml_start_ns(RnXml *xml, const char *prefix, const char *name, const char *uri);
/* Adds attribute name="value" to the open element. */
void rn_xml_attr(RnXml *xml, const char *name, const char *value);
/* Writes text inside the open element. */
void rn_xml_text(RnXml *xml, const char *text);
/* Closes the open element. */
void rn_xml_end(RnXml *xml);
/*
 * Ends the document and hands its text over (*length bytes; caller frees),
 * or sets RN_ERROR_INTERNAL naming format when any call failed.  Frees the
 * writer either way.
 */
char *rn_xml_finish(RnXml *xml, const char *format, gsize *length, GError **error);

#endif
