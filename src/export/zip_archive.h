/*
** zip_archive.h — a ZIP file built in memory (libzip), for the audit bundle
** of all evidence. Entries are copied in as they are added, so the caller's
** buffers may be request memory that goes away before the archive is done.
** Never writes to disk.
*/
#ifndef COSOC_EXPORT_ZIP_ARCHIVE_H
#define COSOC_EXPORT_ZIP_ARCHIVE_H

#include <stddef.h>

#include "util/arena.h"

typedef struct ZipArchive ZipArchive; /* Opaque; owned by the caller */

/* A new empty archive, or NULL when out of memory. Free it with
** zip_archive_finish() (which also gives the bytes) or zip_archive_free(). */
ZipArchive *zip_archive_new(void);

/* Adds file zName (UTF-8 path with '/' separators) holding nData bytes.
** EXPORT_OK or EXPORT_ERROR. */
int zip_archive_add(ZipArchive *pZip, const char *zName, const void *pData,
                    size_t nData);

/* Closes the archive and copies its bytes into pArena (*ppOut, *pnOut).
** Frees pZip whatever the outcome. EXPORT_OK or EXPORT_ERROR. */
int zip_archive_finish(ZipArchive *pZip, Arena *pArena, const char **ppOut,
                       size_t *pnOut);

/* Discards an archive that will not be finished. NULL is fine. */
void zip_archive_free(ZipArchive *pZip);

#define EXPORT_ZIP_TYPE "application/zip"

#endif
