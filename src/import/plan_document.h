/*
** Plan documents in the forms councils write them: text (UTF-8, with HTML
** fragments or tables, or tab-separated), Word (.docx) and Excel (.xlsx),
** told apart by their content — never by the file's name — and read into
** the format-neutral PlanSource the plan importer reads (domain/
** plan_import.h).
**
** Word and Excel files are ZIP archives of XML; they are read with libzip
** and libxml2 under limits a plan never comes near: the file's size, the
** number of entries, the size each entry expands to and its compression
** ratio (so a decompression bomb is refused before it is expanded), and
** XML without DTDs or entities, never fetched from the network. A damaged
** file or one that is not a plan is refused with a Spanish message saying
** what is wrong and where; nothing is written by anyone on a refusal.
**
** Knows no SQL and no HTTP.
*/
#ifndef COSOC_IMPORT_PLAN_DOCUMENT_H
#define COSOC_IMPORT_PLAN_DOCUMENT_H

#include <stddef.h>

#include "domain/plan_source.h"

#define PLAN_DOC_ZIP_ENTRIES_MAX 2000         /* A Word file has dozens */
#define PLAN_DOC_XML_MAX (24 * 1024 * 1024)   /* One XML part, expanded */
#define PLAN_DOC_TOTAL_MAX (48 * 1024 * 1024) /* All parts read, expanded */
#define PLAN_DOC_RATIO_MAX 200 /* Expanded / compressed, for a big part */
#define PLAN_DOC_XLSX_ROWS_MAX 5000
#define PLAN_DOC_XLSX_COLS_MAX 64
#define PLAN_DOC_XLSX_SHEETS_MAX 16 /* Sheets read: a cover, the plan… */

/* Reads nData bytes (any format above) into *pOut (arena memory). Returns
** 0, or 1 with the reason in *pzErr. The size limit is the caller's
** (PLAN_IMPORT_MAX_BYTES); it is checked here again. */
int plan_document_read(Arena *pArena, const void *pData, size_t nData,
                       PlanSource *pOut, const char **pzErr);

/* The format the bytes are in: "texto", "ZIP" (Word, Excel or neither:
** the reader looks inside), or for the formats refused, words for a
** message ("un PDF", "un documento de Word o Excel antiguo …"). */
const char *plan_document_format(const void *pData, size_t nData);

#endif
