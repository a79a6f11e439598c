/*
** One pattern for the edit page of a record kind: a descriptor (RecordPage)
** says what differs — how to load, check, save and show one record — and
** record_edit_page() does the rest, the same for every kind:
**
**   load -> form (GET, 200)
**   POST -> check every field -> 422, the form again with what was typed
**           and each message by its field, nothing written
**        -> save in one transaction that first claims the version the form
**           was drawn from (record_stamp_claim) -> 303 to the record
**        -> someone saved meanwhile (DB_STALE) -> 409, the two versions
**           side by side (conflict.h) and "Guardar mi versión"
**
** Members, organizations and the directory are built on it; a new record
** kind is a descriptor and its x-methods (docs/architecture.md, "How to
** add a record page"). The versioned-save pieces below serve forms that
** are not whole record pages too (the attendance list, the activity).
*/
#ifndef COSOC_PAGES_RECORD_PAGE_H
#define COSOC_PAGES_RECORD_PAGE_H

#include <stddef.h>
#include <stdint.h>

#include "db/record_stamp.h"
#include "pages/conflict.h"
#include "pages/page.h"

/* What the x-methods get: the request, its council and the record's id
** (0 for a new one), and what xPrepare left for the others. */
typedef struct RecordEdit {
  Request *r;
  Db *pDb;
  Arena *pArena;
  int64_t iCouncil; /* page_require_council(); 0 for a council itself
                    ** (RECORD_COUNCIL), which is the installation's */
  int64_t iId;      /* 0: a new record */
  void *pCtx;       /* xPrepare's, for the other x-methods */
} RecordEdit;

typedef struct RecordPage {
  RecordKind eKind;  /* Its version stamp (record_stamp.h) */
  size_t nRecord;    /* sizeof the record struct */
  size_t iIdOffset;  /* offsetof its int64_t id */
  const char *zList; /* The list: "/admin/organizaciones"; a record is
                     ** zList/ID, a new one zList/zNew */
  const char *zNew;  /* "nueva" */
  const char *zBack; /* The list's name in the back link: "Organizaciones" */
  const char *zNav;  /* The shell's menu entry */
  const char *zNewTitle; /* The heading of a new one: "Agregar organización" */
  const char *zOf;       /* Whose version, for the conflict page: "de la
                         ** organización" */
  /* Optional: what the other x-methods share (the territory), into
  ** e->pCtx. DB_OK or DB_ERROR (500). */
  int (*xPrepare)(RecordEdit *e);
  /* A new record's values, into the zeroed pRec. */
  void (*xDefaults)(RecordEdit *e, void *pRec);
  /* The stored record e->iId: DB_OK, DB_DONE (404), DB_ERROR. */
  int (*xLoad)(RecordEdit *e, void *pRec);
  /* Reads and checks the posted form into pChecked (id e->iId); every
  ** problem into pErr by its field. */
  void (*xCheck)(RecordEdit *e, void *pChecked, FormErrors *pErr);
  /* Saves pChecked (pStored: the record as loaded) inside the open
  ** transaction, setting its id when new: DB_OK or a failure. */
  int (*xSave)(RecordEdit *e, const void *pStored, void *pChecked);
  /* After a 422: the record to show again, what was typed (pChecked holds
  ** the checked values, the form fields the typed ones). Optional: without
  ** it the page shows the checked record as it is (a kind whose checking
  ** keeps what was typed). */
  void (*xRetyped)(RecordEdit *e, const void *pChecked, void *pRec);
  /* The heading of a stored record (arena memory). */
  const char *(*xTitle)(RecordEdit *e, const void *pRec);
  /* Optional: what a stored record's page shows above its form (200). */
  void (*xFacts)(Html *h, RecordEdit *e, const void *pRec);
  /* The form's fields with pRec's values (the form, its CSRF and version
  ** fields and its buttons are record_edit_page()'s). */
  void (*xFields)(Html *h, RecordEdit *e, const void *pRec,
                  const FormErrors *pErr);
  /* The conflict page's rows (conflict_row), what the user typed against
  ** what is stored. */
  void (*xConflictRows)(Html *h, RecordEdit *e, const void *pMine,
                        const void *pSaved);
} RecordPage;

/* The page: GET and POST of zList/zNew (bNew) or of zList/ID, the id in
** the path's first segment (404 when it is not a positive number). */
void record_edit_page(Request *r, const RecordPage *pPage, int bNew);

/* ---- Versioned saves (for any versioned form) ---- */

/* The hidden "version" field of record iId (nothing for a new record):
** iBase when not 0 (a form re-shown after a 422 keeps the version it was
** drawn from), otherwise the stored version. */
void record_version_field(Html *h, Request *r, RecordKind eKind, int64_t iId,
                          int iBase);
/* The version the posted form was drawn from, 0 when it has none. */
int record_posted_version(Request *r);
/* Opens the save: DB_OK inside a transaction where record iId is still at
** the posted version (and marked as saved by the user), DB_STALE when it
** changed meanwhile, DB_ERROR. iId 0 (a new record): just the transaction.
** Always close it with record_save_end(). */
int record_save_begin(Request *r, RecordKind eKind, int64_t iId);
/* Closes it: commits when rc is DB_OK (marking a new record iNewId as the
** user's), otherwise rolls back; returns the outcome. */
int record_save_end(Request *r, RecordKind eKind, int64_t iNewId, int bNew,
                    int rc);
/* Opens the conflict page's comparison against the stored record iId
** (zOf: "de la organización"). */
void record_conflict_begin(Html *h, Request *r, RecordKind eKind, int64_t iId,
                           const char *zOf);

#endif
