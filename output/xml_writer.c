/*
 * xml_writer.c — see xml_writer.h.
 */
#include "output/xml_writer.h"

#include "engine/error.h"

gboolean rn_xml_begin(RnXml *xml)
{
    g_return_val_if_fail(xml != NULL, FALSE);
    *xml = (RnXml){.ok = TRUE};
    xml->buffer = xmlBufferCreate();
    if (xml->buffer) /* grow by doubling: an exact fit reallocates on every write */
        xmlBufferSetAllocationScheme(xml->buffer, XML_BUFFER_ALLOC_DOUBLEIT);
    xml->writer = xml->buffer ? xmlNewTextWriterMemory(xml->buffer, 0) : NULL;
    xml->scratch = g_string_new(NULL);
    if (!xml->writer)
        return xml->ok = FALSE;
    xml->ok = xmlTextWriterSetIndent(xml->writer, 1) >= 0 &&
              xmlTextWriterSetIndentString(xml->writer, BAD_CAST "  ") >= 0 &&
              xmlTextWriterStartDocument(xml->writer, NULL, "UTF-8", NULL) >= 0;
    return xml->ok;
}

/* text, or a copy in scratch with the characters XML 1.0 forbids replaced. */
static const xmlChar *clean(RnXml *xml, const char *text)
{
    const char *p = text;
    while (*p && ((unsigned char)*p >= 0x20 || *p == '\t' || *p == '\n' || *p == '\r'))
        p++;
    if (!*p)
        return BAD_CAST text;
    g_string_truncate(xml->scratch, 0);
    for (p = text; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
            g_string_append(xml->scratch, "\xEF\xBF\xBD");
        else
            g_string_append_c(xml->scratch, (char)c);
    }
    return BAD_CAST xml->scratch->str;
}

void rn_xml_start(RnXml *xml, const char *name)
{
    g_return_if_fail(xml != NULL);
    g_return_if_fail(name != NULL);
    if (xml->ok)
        xml->ok = xmlTextWriterStartElement(xml->writer, BAD_CAST name) >= 0;
}

void rn_xml_start_ns(RnXml *xml, const char *prefix, const char *name, const char *uri)
{
    g_return_if_fail(xml != NULL);
    g_return_if_fail(name != NULL);
    if (xml->ok)
        xml->ok = xmlTextWriterStartElementNS(xml->writer, BAD_CAST prefix, BAD_CAST name,
                                              BAD_CAST uri) >= 0;
}

void rn_xml_attr(RnXml *xml, const char *name, const char *value)
{
    g_return_if_fail(xml != NULL);
    g_return_if_fail(name != NULL);
    g_return_if_fail(value != NULL);
    if (xml->ok)
        xml->ok = xmlTextWriterWriteAttribute(xml->writer, BAD_CAST name, clean(xml, value)) >= 0;
}

void rn_xml_text(RnXml *xml, const char *text)
{
    g_return_if_fail(xml != NULL);
    g_return_if_fail(text != NULL);
    if (xml->ok)
        xml->ok = xmlTextWriterWriteString(xml->writer, clean(xml, text)) >= 0;
}

void rn_xml_end(RnXml *xml)
{
    g_return_if_fail(xml != NULL);
    if (xml->ok)
        xml->ok = xmlTextWriterEndElement(xml->writer) >= 0;
}

char *rn_xml_finish(RnXml *xml, const char *format, gsize *length, GError **error)
{
    g_return_val_if_fail(xml != NULL, NULL);
    g_return_val_if_fail(format != NULL, NULL);
    g_return_val_if_fail(length != NULL, NULL);
    g_return_val_if_fail(error == NULL || *error == NULL, NULL);
    if (xml->ok)
        xml->ok = xmlTextWriterEndDocument(xml->writer) >= 0;
    if (xml->writer)
        xmlFreeTextWriter(xml->writer); /* flushes into the buffer */
    char *text = NULL;
    if (xml->ok && xml->buffer) {
        *length = (gsize)xmlBufferLength(xml->buffer);
        text = g_memdup2(xmlBufferContent(xml->buffer), *length + 1);
        text[*length] = '\0';
    } else {
        g_set_error(error, RN_ERROR, RN_ERROR_INTERNAL, "cannot write %s: the XML writer "
                    "(libxml2) failed", format);
    }
    if (xml->buffer)
        xmlBufferFree(xml->buffer);
    g_string_free(xml->scratch, TRUE);
    *xml = (RnXml){0};
    return text;
}
