/*
** Telling a plan document's format by its content, and the ZIP and XML
** parts the Word and Excel readers share (see plan_document.h).
*/
#include "import/plan_document.h"

#include <libxml/parser.h>
#include <pthread.h>
#include <string.h>

#include "domain/plan_import.h"
#include "import/plan_zip.h"

/* ---- Formats ---- */

static int starts(const void *pData, size_t nData, const char *zMagic,
                  size_t nMagic) {
  return nData >= nMagic && memcmp(pData, zMagic, nMagic) == 0;
}

static int is_zip(const void *pData, size_t nData) {
  return starts(pData, nData, "PK\x03\x04", 4) ||
         starts(pData, nData, "PK\x05\x06", 4);
}

const char *plan_document_format(const void *pData, size_t nData) {
  if (is_zip(pData, nData)) return "ZIP";
  if (starts(pData, nData, "%PDF", 4)) return "un PDF";
  if (starts(pData, nData, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8))
    return "un documento de Word o Excel antiguo (.doc o .xls)";
  if (starts(pData, nData, "{\\rtf", 5)) return "un documento RTF";
  return "texto";
}

/* ---- ZIP entries ---- */

zip_int64_t plan_zip_find(PlanZip *p, const char *zName) {
  return zip_name_locate(p->pZip, zName, ZIP_FL_NOCASE);
}

static void zip_fail(PlanZip *p, const char *zFmt, const char *zName) {
  if (!p->zErr) p->zErr = arena_printf(p->pArena, zFmt, zName);
}

/* The bytes of entry zName (NUL-terminated, arena memory), never more than
** the limits whatever the archive claims. */
static char *zip_entry(PlanZip *p, const char *zName, size_t *pn,
                       int bRequired) {
  zip_int64_t i = plan_zip_find(p, zName);
  if (i < 0) {
    if (bRequired)
      zip_fail(p,
               "Al archivo le falta la parte «%s»: no es un documento "
               "de Word o Excel completo.",
               zName);
    return NULL;
  }
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(p->pZip, (zip_uint64_t)i, 0, &st) != 0) {
    zip_fail(p, "El archivo está dañado: no se puede leer «%s».", zName);
    return NULL;
  }
  if ((st.valid & ZIP_STAT_SIZE) && st.size > PLAN_DOC_XML_MAX) {
    zip_fail(p,
             "El archivo se rechaza: «%s» se expande a más de lo que un "
             "plan puede ocupar (posible bomba de descompresión).",
             zName);
    return NULL;
  }
  if ((st.valid & ZIP_STAT_SIZE) && (st.valid & ZIP_STAT_COMP_SIZE) &&
      st.size > 1024 * 1024 &&
      st.size / (st.comp_size ? st.comp_size : 1) > PLAN_DOC_RATIO_MAX) {
    zip_fail(p,
             "El archivo se rechaza: «%s» está comprimido de forma "
             "anómala (posible bomba de descompresión).",
             zName);
    return NULL;
  }
  zip_file_t *f = zip_fopen_index(p->pZip, (zip_uint64_t)i, 0);
  if (!f) {
    zip_fail(p, "El archivo está dañado: no se puede abrir «%s».", zName);
    return NULL;
  }
  Buf b;
  buf_init(&b, p->pArena);
  char aChunk[16384];
  int bBad = 0;
  for (;;) {
    zip_int64_t n = zip_fread(f, aChunk, sizeof(aChunk));
    if (n < 0) {
      bBad = 1;
      break;
    }
    if (n == 0) break;
    buf_append(&b, aChunk, (size_t)n);
    p->nRead += (size_t)n;
    if (b.n > PLAN_DOC_XML_MAX || p->nRead > PLAN_DOC_TOTAL_MAX) {
      zip_fclose(f);
      zip_fail(p,
               "El archivo se rechaza: «%s» se expande a más de lo que un "
               "plan puede ocupar (posible bomba de descompresión).",
               zName);
      return NULL;
    }
  }
  zip_fclose(f);
  if (bBad) {
    zip_fail(p, "El archivo está dañado: «%s» no se puede descomprimir.",
             zName);
    return NULL;
  }
  *pn = b.n;
  return (char *)buf_str(&b);
}

/* libxml2 keeps process-wide state that must be set up once. */
static pthread_once_t xml_once = PTHREAD_ONCE_INIT;
static void xml_init(void) { xmlInitParser(); }

xmlDocPtr plan_zip_xml(PlanZip *p, const char *zName, int bRequired) {
  size_t n = 0;
  char *z = zip_entry(p, zName, &n, bRequired);
  if (!z) return NULL;
  /* Office XML never declares a DTD or entities: refusing them closes the
  ** door to entity expansion and external fetches altogether. */
  if (memmem(z, n, "<!DOCTYPE", 9) || memmem(z, n, "<!ENTITY", 8)) {
    zip_fail(p,
             "El archivo se rechaza: «%s» trae declaraciones (DOCTYPE o "
             "ENTITY) que un documento de Word o Excel no tiene.",
             zName);
    return NULL;
  }
  pthread_once(&xml_once, xml_init);
  xmlParserCtxtPtr pCtxt = xmlNewParserCtxt();
  if (!pCtxt) {
    zip_fail(p, "No hay memoria para leer «%s».", zName);
    return NULL;
  }
  xmlDocPtr pDoc = xmlCtxtReadMemory(
      pCtxt, z, (int)n, zName, NULL,
      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (!pDoc) {
    const xmlError *e = xmlCtxtGetLastError(pCtxt);
    const char *zMsg = e && e->message ? e->message : "XML mal formado\n";
    size_t m = strlen(zMsg);
    while (m > 0 && (zMsg[m - 1] == '\n' || zMsg[m - 1] == ' ')) m--;
    if (!p->zErr) {
      p->zErr = arena_printf(p->pArena,
                             "El archivo está dañado: «%s», línea %d: %.*s.",
                             zName, e ? e->line : 0, (int)m, zMsg);
    }
  }
  xmlFreeParserCtxt(pCtxt);
  return pDoc;
}

/* ---- XML nodes ---- */

int plan_xml_is(const xmlNode *pNode, const char *zName) {
  return pNode && pNode->type == XML_ELEMENT_NODE &&
         strcmp((const char *)pNode->name, zName) == 0;
}

xmlNode *plan_xml_child(const xmlNode *pNode, const char *zName) {
  for (xmlNode *c = pNode ? pNode->children : NULL; c; c = c->next) {
    if (plan_xml_is(c, zName)) return c;
  }
  return NULL;
}

const char *plan_xml_attr(Arena *pArena, const xmlNode *pNode,
                          const char *zName) {
  for (xmlAttr *a = pNode ? pNode->properties : NULL; a; a = a->next) {
    if (strcmp((const char *)a->name, zName) != 0) continue;
    xmlChar *v = xmlNodeGetContent((const xmlNode *)a);
    const char *z = arena_strdup(pArena, v ? (const char *)v : "");
    xmlFree(v);
    return z;
  }
  return NULL;
}

/* ---- The whole document ---- */

static int read_zip(Arena *pArena, const void *pData, size_t nData,
                    PlanSource *pOut, const char **pzErr) {
  PlanZip z;
  memset(&z, 0, sizeof(z));
  z.pArena = pArena;
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t *pSrc = zip_source_buffer_create(pData, nData, 0, &err);
  if (pSrc)
    z.pZip = zip_open_from_source(pSrc, ZIP_RDONLY | ZIP_CHECKCONS, &err);
  if (!z.pZip) {
    *pzErr = arena_printf(pArena,
                          "El archivo es un ZIP (como un .docx o .xlsx) pero "
                          "está dañado y no se puede abrir: %s.",
                          zip_error_strerror(&err));
    zip_error_fini(&err);
    if (pSrc) zip_source_free(pSrc);
    return 1;
  }
  zip_error_fini(&err);
  zip_int64_t nEntry = zip_get_num_entries(z.pZip, 0);
  int rc = 1;
  if (nEntry > PLAN_DOC_ZIP_ENTRIES_MAX) {
    z.zErr = arena_printf(pArena,
                          "El archivo se rechaza: trae %lld partes y un "
                          "documento de Word o Excel tiene pocas decenas.",
                          (long long)nEntry);
  } else if (plan_zip_find(&z, "word/document.xml") >= 0) {
    rc = plan_docx_read(&z, pOut);
  } else if (plan_zip_find(&z, "xl/workbook.xml") >= 0) {
    rc = plan_xlsx_read(&z, pOut);
  } else {
    z.zErr =
        "El archivo es un ZIP pero no un documento de Word (.docx) ni "
        "una planilla Excel (.xlsx): no trae word/document.xml ni "
        "xl/workbook.xml.";
  }
  zip_discard(z.pZip);
  if (rc != 0) *pzErr = z.zErr ? z.zErr : "El archivo no se pudo leer.";
  return rc;
}

int plan_document_read(Arena *pArena, const void *pData, size_t nData,
                       PlanSource *pOut, const char **pzErr) {
  *pzErr = NULL;
  plan_source_init(pOut, pArena, "texto");
  if (nData > PLAN_IMPORT_MAX_BYTES) {
    *pzErr = arena_printf(pArena,
                          "El archivo pesa %zu bytes; un plan anual cabe en "
                          "menos de %d MB.",
                          nData, PLAN_IMPORT_MAX_BYTES / (1024 * 1024));
    return 1;
  }
  const char *zFormat = plan_document_format(pData, nData);
  if (strcmp(zFormat, "ZIP") == 0) {
    return read_zip(pArena, pData, nData, pOut, pzErr);
  }
  if (strcmp(zFormat, "texto") != 0) {
    *pzErr = arena_printf(pArena,
                          "El archivo es %s: suba el plan como documento de "
                          "Word (.docx), planilla Excel (.xlsx) o texto.",
                          zFormat);
    return 1;
  }
  return plan_source_from_text(pArena, pData, nData, pOut, pzErr);
}
