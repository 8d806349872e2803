#ifndef RECON_CLIBXML2_SHIM_H
#define RECON_CLIBXML2_SHIM_H

/* libxml2 is built with ICU, and encoding.h then includes the system's <unicode/ucnv.h>, whose
 * types clash with Foundation's bundled ICU in any Swift module that sees both. recon never uses
 * the ICU converters (only pointers to xmlCharEncodingHandler, never its fields or size), so the
 * ICU part of the headers is left out. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#include <string.h>

/* Swift 6 cannot call xmlFree directly: it is a global function pointer. */
static inline void recon_xml_free(void *p) { xmlFree(p); }

/* A SAX2 handler with nothing set but the magic, so that libxml2 builds no tree. */
static inline void recon_sax_reset(xmlSAXHandler *handler) {
    memset(handler, 0, sizeof(*handler));
    handler->initialized = XML_SAX2_MAGIC;
}

/* The line the parser is on, for error messages from callbacks. */
static inline int recon_parser_line(xmlParserCtxtPtr ctxt) {
    return (ctxt != NULL && ctxt->input != NULL) ? ctxt->input->line : 0;
}

static inline int recon_parser_column(xmlParserCtxtPtr ctxt) {
    return (ctxt != NULL && ctxt->input != NULL) ? ctxt->input->col : 0;
}

/* Whether the parser has consumed all the input it holds (an error there means the input ran out). */
static inline int recon_parser_at_end(xmlParserCtxtPtr ctxt) {
    return (ctxt != NULL && ctxt->input != NULL && ctxt->input->cur >= ctxt->input->end) ? 1 : 0;
}

#endif
