/*
** zip_archive.h — a ZIP file (libzip) for the audit bundle of all
** evidence. The archive is written to an unlinked temporary file, not to
** memory: a council's bundle can hold hundreds of megabytes of photos,
** and the server answers it straight from the file. Files whose bytes live
** in the database are added lazily: each is loaded when libzip writes it
** and released right after, so at most one is in memory at a time.
*/
#ifndef COSOC_EXPORT_ZIP_ARCHIVE_H
#define COSOC_EXPORT_ZIP_ARCHIVE_H

#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"

typedef struct ZipArchive ZipArchive; /* Opaque; owned by the caller */

/* Loads one lazily added file into pArena (*ppData, *pnData): 0, or -1
** when it cannot be read (the whole archive then fails). */
typedef int (*ZipLoadFn)(void *pCtx, Arena *pArena, const void **ppData,
                         size_t *pnData);

/* A new empty archive in a temporary file under $TMPDIR (or /tmp), or NULL
** when it cannot be created. Finish it with zip_archive_finish_fd() or
** discard it with zip_archive_free(); either removes the file. */
ZipArchive *zip_archive_new(void);

/* Adds file zName (UTF-8 path with '/' separators) holding nData bytes,
** copied now, so pData may go away before the archive is finished.
** EXPORT_OK or EXPORT_ERROR. */
int zip_archive_add(ZipArchive *pZip, const char *zName, const void *pData,
                    size_t nData);

/* Adds file zName whose nSize bytes xLoad(pCtx, …) gives when the archive
** is written. pCtx must live until zip_archive_finish_fd() or
** zip_archive_free(). EXPORT_OK or EXPORT_ERROR. */
int zip_archive_add_lazy(ZipArchive *pZip, const char *zName, int64_t nSize,
                         ZipLoadFn xLoad, void *pCtx);

/* Writes the archive and gives an open, read-only descriptor of it,
** positioned at the start, with its size; the file has no name left, so it
** disappears when the descriptor is closed (the caller owns it). Frees pZip
** whatever the outcome. EXPORT_OK or EXPORT_ERROR. */
int zip_archive_finish_fd(ZipArchive *pZip, int *pFd, uint64_t *pnSize);

/* Discards an archive that will not be finished. NULL is fine. */
void zip_archive_free(ZipArchive *pZip);

#define EXPORT_ZIP_TYPE "application/zip"

#endif
