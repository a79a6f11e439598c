/*
** zip_archive.c — the ZIP writer over libzip, entirely in memory: the
** archive lives in a zip_source buffer (zip_source_buffer_create +
** zip_open_from_source), so no temporary file is left behind on any path.
*/
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "export/export.h"
#include "export/zip_archive.h"

struct ZipArchive {
  zip_source_t *pSrc; /* The buffer the archive is written into (kept) */
  zip_t *pZip;        /* The open archive, NULL once closed */
};

ZipArchive *zip_archive_new(void) {
  ZipArchive *p = calloc(1, sizeof(*p));
  if (!p) return NULL;
  zip_error_t err;
  zip_error_init(&err);
  p->pSrc = zip_source_buffer_create(NULL, 0, 0, &err);
  if (p->pSrc) {
    zip_source_keep(p->pSrc); /* Its bytes are read after zip_close() */
    p->pZip = zip_open_from_source(p->pSrc, ZIP_TRUNCATE, &err);
  }
  zip_error_fini(&err);
  if (!p->pZip) {
    zip_archive_free(p);
    return NULL;
  }
  return p;
}

int zip_archive_add(ZipArchive *pZip, const char *zName, const void *pData,
                    size_t nData) {
  /* libzip reads the data at zip_close(): give it its own copy. */
  void *pCopy = malloc(nData ? nData : 1);
  if (!pCopy) return EXPORT_ERROR;
  if (nData) memcpy(pCopy, pData, nData);
  zip_source_t *s = zip_source_buffer(pZip->pZip, pCopy, nData, 1);
  if (!s) {
    free(pCopy);
    return EXPORT_ERROR;
  }
  if (zip_file_add(pZip->pZip, zName, s, ZIP_FL_ENC_UTF_8) < 0) {
    zip_source_free(s);
    return EXPORT_ERROR;
  }
  return EXPORT_OK;
}

int zip_archive_finish(ZipArchive *pZip, Arena *pArena, const char **ppOut,
                       size_t *pnOut) {
  int rc = EXPORT_ERROR;
  *ppOut = NULL;
  *pnOut = 0;
  if (zip_close(pZip->pZip) != 0) {
    zip_discard(pZip->pZip);
    pZip->pZip = NULL;
    zip_archive_free(pZip);
    return EXPORT_ERROR;
  }
  pZip->pZip = NULL;
  zip_stat_t st;
  if (zip_source_stat(pZip->pSrc, &st) == 0 &&
      zip_source_open(pZip->pSrc) == 0) {
    char *zOut = arena_alloc(pArena, (size_t)st.size + 1);
    zip_int64_t n = zip_source_read(pZip->pSrc, zOut, st.size);
    zip_source_close(pZip->pSrc);
    if (n == (zip_int64_t)st.size) {
      *ppOut = zOut;
      *pnOut = (size_t)n;
      rc = EXPORT_OK;
    }
  }
  zip_archive_free(pZip);
  return rc;
}

void zip_archive_free(ZipArchive *pZip) {
  if (!pZip) return;
  if (pZip->pZip) zip_discard(pZip->pZip);
  if (pZip->pSrc) zip_source_free(pZip->pSrc);
  free(pZip);
}
