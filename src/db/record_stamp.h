/*
** Who saved an editable record last, and when, for the conflict page: the
** version the user's form was drawn from is older than the stored one, and
** the page names the stored version's author and time. Read-only; the
** stores set updated_by when they save.
*/
#ifndef COSOC_DB_RECORD_STAMP_H
#define COSOC_DB_RECORD_STAMP_H

#include <stdint.h>

#include "db/db.h"
#include "util/arena.h"

/* The tables whose rows are edited through a versioned form. (A council's
** settings have their stamps in the council module: council.h.) */
typedef enum RecordKind {
  RECORD_ACTIVITY,
  RECORD_ACTA,
  RECORD_AGREEMENT,
  RECORD_ORGANIZATION,
  RECORD_MEMBER,
  RECORD_DIRECTORY_ENTRY,
  RECORD_QUORUM_SETTINGS, /* Keyed by council id; no row yet: version 0 */
  RECORD_ATTENDANCE,      /* An activity's attendance list, keyed by its id */
  RECORD_COUNCIL,         /* A council (name, region, slug, term…) */
  RECORD_COURSE,          /* A course of the Escuela de Dirigentes */
  RECORD_PARTICIPANT,     /* A person who is not a councillor */
  RECORD_N_KIND
} RecordKind;

/* The stored version of one record. */
typedef struct RecordStamp {
  int iVersion;        /* The row's version number */
  int64_t tUpdated;    /* updated_at, UTC seconds */
  const char *zAuthor; /* Name of who saved it, "" when unknown (arena) */
} RecordStamp;

/* The columns version, updated_at, author's name, in that order, read
** into a RecordStamp (for a record kept elsewhere, a council's setting). */
extern const DbMap record_stamp_map;

/* DB_OK, DB_DONE when there is no such row, DB_ERROR. */
int record_stamp_get(Db *pDb, Arena *pArena, RecordKind eKind, int64_t iId,
                     RecordStamp *pStamp);

/* For stores whose save does not check the version itself: call it inside
** the transaction that then saves the row (and bumps its version). Marks
** the row as saved by iUser (0: nobody known) if it is still at iVersion:
** DB_OK, DB_STALE when it is not (someone saved meanwhile), DB_ERROR.
** iVersion 0 means "not stored yet" (quorum settings before the first
** save): DB_OK only while there is no row. */
int record_stamp_claim(Db *pDb, RecordKind eKind, int64_t iId, int iVersion,
                       int64_t iUser);

/* After a save that inserted the record or bumped its version itself
** (ON CONFLICT DO UPDATE), in the same transaction: marks the version now
** stored as saved by iUser. DB_OK or DB_ERROR. */
int record_stamp_mark(Db *pDb, RecordKind eKind, int64_t iId, int64_t iUser);

#endif
