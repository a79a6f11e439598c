/*
** zip_archive.c — the ZIP writer over libzip, into a temporary file.
**
** zip_open() on a path writes the archive at zip_close() (through a
** temporary name it renames), so the path is kept until then; right after
** closing, the file is opened and unlinked, and only the descriptor
** remains. Entries that are already compressed (photos, PDFs, office
** files) are stored as they are: deflating them again costs CPU and saves
** nothing.
*/
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include "export/export.h"
#include "export/zip_archive.h"

struct ZipArchive {
  zip_t *pZip;     /* The open archive, NULL once closed */
  char zPath[512]; /* Where libzip writes it, "" once removed */
};

/* A file added lazily: loaded at ZIP_SOURCE_OPEN, released at CLOSE. */
typedef struct LazySource {
  ZipLoadFn xLoad;
  void *pCtx;
  int64_t nSize;       /* As the caller knows it */
  Arena *pArena;       /* The loaded bytes, while open */
  const unsigned char *pData;
  size_t nData, iPos;
  zip_error_t err;
} LazySource;

static void lazy_release(LazySource *p) {
  if (p->pArena) arena_free(p->pArena);
  p->pArena = NULL;
  p->pData = NULL;
  p->nData = p->iPos = 0;
}

static zip_int64_t lazy_callback(void *pUser, void *pBuf, zip_uint64_t nLen,
                                 zip_source_cmd_t eCmd) {
  LazySource *p = pUser;
  switch (eCmd) {
    case ZIP_SOURCE_OPEN: {
      lazy_release(p);
      p->pArena = arena_new();
      const void *pData = NULL;
      size_t nData = 0;
      if (!p->pArena || p->xLoad(p->pCtx, p->pArena, &pData, &nData) != 0) {
        lazy_release(p);
        zip_error_set(&p->err, ZIP_ER_READ, EIO);
        return -1;
      }
      p->pData = pData;
      p->nData = nData;
      return 0;
    }
    case ZIP_SOURCE_READ: {
      size_t n = p->nData - p->iPos;
      if (n > nLen) n = (size_t)nLen;
      if (n) memcpy(pBuf, p->pData + p->iPos, n);
      p->iPos += n;
      return (zip_int64_t)n;
    }
    case ZIP_SOURCE_CLOSE:
      lazy_release(p);
      return 0;
    case ZIP_SOURCE_STAT: {
      zip_stat_t *pSt = pBuf;
      zip_stat_init(pSt);
      if (p->nSize >= 0) {
        pSt->size = (zip_uint64_t)p->nSize;
        pSt->valid |= ZIP_STAT_SIZE;
      }
      return sizeof(*pSt);
    }
    case ZIP_SOURCE_ERROR:
      return zip_error_to_data(&p->err, pBuf, nLen);
    case ZIP_SOURCE_FREE:
      lazy_release(p);
      zip_error_fini(&p->err);
      free(p);
      return 0;
    case ZIP_SOURCE_SUPPORTS:
      return ZIP_SOURCE_SUPPORTS_READABLE;
    default:
      zip_error_set(&p->err, ZIP_ER_OPNOTSUPP, 0);
      return -1;
  }
}

/* True when the name's extension is a format that is compressed already. */
static int already_compressed(const char *zName) {
  static const char *const azExt[] = {".jpg",  ".jpeg", ".png", ".webp",
                                      ".gif",  ".pdf",  ".zip", ".xlsx",
                                      ".docx", ".heic", ".mp4"};
  size_t n = strlen(zName);
  for (size_t i = 0; i < sizeof(azExt) / sizeof(azExt[0]); i++) {
    size_t m = strlen(azExt[i]);
    if (n > m && strcasecmp(zName + n - m, azExt[i]) == 0) return 1;
  }
  return 0;
}

/* Adds source s as zName (taking it; freed on failure). */
static int add_source(ZipArchive *pZip, const char *zName, zip_source_t *s) {
  zip_int64_t i = zip_file_add(pZip->pZip, zName, s, ZIP_FL_ENC_UTF_8);
  if (i < 0) {
    zip_source_free(s);
    return EXPORT_ERROR;
  }
  if (already_compressed(zName) &&
      zip_set_file_compression(pZip->pZip, (zip_uint64_t)i, ZIP_CM_STORE, 0) !=
          0) {
    return EXPORT_ERROR;
  }
  return EXPORT_OK;
}

ZipArchive *zip_archive_new(void) {
  ZipArchive *p = calloc(1, sizeof(*p));
  if (!p) return NULL;
  const char *zDir = getenv("TMPDIR");
  if (!zDir || !*zDir) zDir = "/tmp";
  /* mkstemp reserves a unique name; libzip must create the file itself
  ** (ZIP_TRUNCATE on an empty file is refused as "not a zip archive"), so
  ** the placeholder is removed and the name reused. */
  snprintf(p->zPath, sizeof(p->zPath), "%s/cosoc-zip-XXXXXX", zDir);
  int fd = mkstemp(p->zPath);
  if (fd < 0) {
    free(p);
    return NULL;
  }
  close(fd);
  unlink(p->zPath);
  int iErr = 0;
  p->pZip = zip_open(p->zPath, ZIP_CREATE | ZIP_EXCL, &iErr);
  if (!p->pZip) {
    p->zPath[0] = 0;
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
  return add_source(pZip, zName, s);
}

int zip_archive_add_lazy(ZipArchive *pZip, const char *zName, int64_t nSize,
                         ZipLoadFn xLoad, void *pCtx) {
  LazySource *p = calloc(1, sizeof(*p));
  if (!p) return EXPORT_ERROR;
  p->xLoad = xLoad;
  p->pCtx = pCtx;
  p->nSize = nSize;
  zip_error_init(&p->err);
  zip_source_t *s = zip_source_function(pZip->pZip, lazy_callback, p);
  if (!s) {
    zip_error_fini(&p->err);
    free(p);
    return EXPORT_ERROR;
  }
  return add_source(pZip, zName, s); /* The source frees p (SOURCE_FREE) */
}

int zip_archive_finish_fd(ZipArchive *pZip, int *pFd, uint64_t *pnSize) {
  *pFd = -1;
  *pnSize = 0;
  int rc = EXPORT_ERROR;
  if (zip_close(pZip->pZip) != 0) {
    zip_archive_free(pZip); /* discards, and removes any file */
    return EXPORT_ERROR;
  }
  pZip->pZip = NULL;
  int fd = open(pZip->zPath, O_RDONLY | O_CLOEXEC);
  struct stat st;
  if (fd >= 0 && fstat(fd, &st) == 0) {
    *pFd = fd;
    *pnSize = (uint64_t)st.st_size;
    rc = EXPORT_OK;
  } else if (fd >= 0) {
    close(fd);
  }
  zip_archive_free(pZip); /* unlinks the name; the descriptor stays valid */
  return rc;
}

void zip_archive_free(ZipArchive *pZip) {
  if (!pZip) return;
  if (pZip->pZip) zip_discard(pZip->pZip);
  if (pZip->zPath[0]) unlink(pZip->zPath);
  free(pZip);
}
