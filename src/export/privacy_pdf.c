/*
** The PDFs of personal data (see privacy_pdf.h).
*/
#include "export/privacy_pdf.h"

#include <stdlib.h>
#include <string.h>

#include "export/export.h"

/* A JSON scalar as text ("" for null). */
static const char *scalar_text(Arena *pArena, json_t *v) {
  if (!v || json_is_null(v)) return "";
  if (json_is_string(v)) return json_string_value(v);
  if (json_is_integer(v)) {
    return arena_printf(pArena, "%lld", (long long)json_integer_value(v));
  }
  if (json_is_boolean(v)) return json_is_true(v) ? "sí" : "no";
  if (json_is_real(v)) return arena_printf(pArena, "%g", json_real_value(v));
  char *z = json_dumps(v, JSON_COMPACT);
  const char *zCopy = arena_strdup(pArena, z ? z : "");
  free(z);
  return zCopy;
}

/* An object as a table of two columns (field, value). */
static ExportTable *object_table(Arena *pArena, json_t *pObj) {
  static const char *const azHead[] = {"Dato", "Valor"};
  static const double aWidth[] = {1, 2};
  size_t n = json_object_size(pObj);
  const char **az = arena_alloc(pArena, sizeof(char *) * (2 * n + 1));
  const char *zKey;
  json_t *v;
  int i = 0;
  json_object_foreach(pObj, zKey, v) {
    az[2 * i] = zKey;
    az[2 * i + 1] = scalar_text(pArena, v);
    i++;
  }
  ExportTable *t = arena_alloc(pArena, sizeof(*t));
  *t = (ExportTable){NULL, NULL, NULL, 2, azHead, aWidth, i, az};
  return t;
}

/* An array of objects as a table, a column per key of the first one. */
static ExportTable *array_table(Arena *pArena, json_t *pArr) {
  json_t *pFirst = json_array_get(pArr, 0);
  int nCol = (int)json_object_size(pFirst);
  const char **azHead =
      arena_alloc(pArena, sizeof(char *) * (size_t)(nCol + 1));
  const char *zKey;
  json_t *v;
  int c = 0;
  json_object_foreach(pFirst, zKey, v) { azHead[c++] = zKey; }
  int nRow = (int)json_array_size(pArr);
  const char **az =
      arena_alloc(pArena, sizeof(char *) * (size_t)(nRow * nCol + 1));
  for (int r = 0; r < nRow; r++) {
    json_t *pRow = json_array_get(pArr, (size_t)r);
    for (int k = 0; k < nCol; k++) {
      az[r * nCol + k] = scalar_text(pArena, json_object_get(pRow, azHead[k]));
    }
  }
  ExportTable *t = arena_alloc(pArena, sizeof(*t));
  *t = (ExportTable){NULL, NULL, NULL, nCol, azHead, NULL, nRow, az};
  return t;
}

int privacy_data_pdf(Arena *pArena, const char *zTitle, const char *zSubtitle,
                     json_t *pDoc, const char *const *azKey,
                     const char *const *azLabel, int nLabel, const char **ppOut,
                     size_t *pnOut, char *zErr, size_t nErr) {
  ExportDoc *d = export_doc_new(pArena);
  export_doc_text(d, EXPORT_TEXT_TITLE, zTitle);
  if (zSubtitle) export_doc_text(d, EXPORT_TEXT_SUBTITLE, zSubtitle);
  const char *zKey;
  json_t *v;
  json_object_foreach(pDoc, zKey, v) {
    const char *zHeading = zKey;
    for (int i = 0; i < nLabel; i++) {
      if (strcmp(azKey[i], zKey) == 0) zHeading = azLabel[i];
    }
    if (json_is_object(v)) {
      export_doc_gap(d, 8);
      export_doc_text(d, EXPORT_TEXT_HEADING, zHeading);
      export_doc_table(d, object_table(pArena, v), 0);
    } else if (json_is_array(v)) {
      export_doc_gap(d, 8);
      export_doc_text(d, EXPORT_TEXT_HEADING, zHeading);
      if (json_array_size(v) == 0) {
        export_doc_text(d, EXPORT_TEXT_BODY, "Nada registrado.");
      } else if (json_is_object(json_array_get(v, 0))) {
        export_doc_table(d, array_table(pArena, v), 0);
      } else {
        for (size_t i = 0; i < json_array_size(v); i++) {
          export_doc_text(d, EXPORT_TEXT_BODY,
                          scalar_text(pArena, json_array_get(v, i)));
        }
      }
    } else {
      export_doc_text(
          d, EXPORT_TEXT_BODY,
          arena_printf(pArena, "%s: %s", zHeading,
                       json_is_null(v) ? "—" : scalar_text(pArena, v)));
    }
  }
  ExportPdfOptions opt = {0};
  opt.bLandscape = 1;
  opt.zFooter = zTitle;
  return export_doc_pdf(pArena, d, zTitle, &opt, ppOut, pnOut, zErr, nErr);
}

int privacy_letter_pdf(Arena *pArena, const char *zCouncil, const char *zDate,
                       const char *zTo, const char *zSubject, const char *zBody,
                       const char *zSignature, const char **ppOut,
                       size_t *pnOut, char *zErr, size_t nErr) {
  ExportDoc *d = export_doc_new(pArena);
  export_doc_text(d, EXPORT_TEXT_SUBTITLE, zCouncil);
  export_doc_text(d, EXPORT_TEXT_BODY, zDate);
  export_doc_gap(d, 18);
  export_doc_text(d, EXPORT_TEXT_BODY, zTo);
  export_doc_gap(d, 12);
  export_doc_text(d, EXPORT_TEXT_HEADING, zSubject);
  export_doc_gap(d, 6);
  /* Paragraphs: blank lines between them. */
  const char *z = zBody;
  while (*z) {
    const char *zEnd = strstr(z, "\n\n");
    size_t n = zEnd ? (size_t)(zEnd - z) : strlen(z);
    export_doc_text(d, EXPORT_TEXT_BODY, arena_strndup(pArena, z, n));
    export_doc_gap(d, 6);
    z += n;
    while (*z == '\n') z++;
  }
  export_doc_gap(d, 24);
  export_doc_text(d, EXPORT_TEXT_BODY, zSignature);
  ExportPdfOptions opt = {0};
  opt.zFooter = zCouncil;
  return export_doc_pdf(pArena, d, zSubject, &opt, ppOut, pnOut, zErr, nErr);
}
