/*
** What the Word and Excel readers share (internal to src/import/): the
** ZIP archive opened from memory under the limits of plan_document.h, its
** XML parts parsed safely, and small helpers over libxml2 nodes.
*/
#ifndef COSOC_IMPORT_PLAN_ZIP_H
#define COSOC_IMPORT_PLAN_ZIP_H

#include <libxml/tree.h>
#include <zip.h>

#include "domain/plan_source.h"

typedef struct PlanZip {
  Arena *pArena;
  zip_t *pZip;
  size_t nRead;     /* Bytes expanded so far (PLAN_DOC_TOTAL_MAX) */
  const char *zErr; /* The reason of the first failure */
} PlanZip;

/* The entry's index, or -1 when the archive has none of that name. */
zip_int64_t plan_zip_find(PlanZip *p, const char *zName);

/* Parses entry zName as XML; NULL (reason in p->zErr) when it is missing
** (bRequired), too large, a bomb, damaged or not well-formed XML. Free with
** xmlFreeDoc(). */
xmlDocPtr plan_zip_xml(PlanZip *p, const char *zName, int bRequired);

/* 1 when node is an element with local name zName. */
int plan_xml_is(const xmlNode *pNode, const char *zName);
/* The first child element with local name zName, or NULL. */
xmlNode *plan_xml_child(const xmlNode *pNode, const char *zName);
/* An attribute by local name (any namespace) as arena text, or NULL. */
const char *plan_xml_attr(Arena *pArena, const xmlNode *pNode,
                          const char *zName);

/* The readers (plan_docx.c, plan_xlsx.c): 0, or 1 with p->zErr set. */
int plan_docx_read(PlanZip *p, PlanSource *pOut);
int plan_xlsx_read(PlanZip *p, PlanSource *pOut);

#endif
