/*
** Evidence (verificadores), stored: content-addressed files (one row per
** distinct SHA-256, however often uploaded) and the evidence items that tie
** a file to an activity with its kind, caption and visibility. Also the
** check of an upload by its content (libmagic) and the feeder that reads
** activities and their evidence into the compliance engine's inputs.
**
** All SQL about evidence lives here; pages and the demo call these. Strings
** returned live in the caller's arena. Never knows HTTP.
*/
#ifndef COSOC_EVIDENCE_EVIDENCE_STORE_H
#define COSOC_EVIDENCE_EVIDENCE_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "db/db.h"
#include "domain/compliance.h"
#include "store/evidence/evidence_derivatives.h"
#include "util/arena.h"

/* The council's settings COUNCIL_EVIDENCE_MAX_BYTES (the largest file),
** COUNCIL_EVIDENCE_REQUEST_MAX_BYTES (the largest upload, all its files
** together; the server refuses a larger body, 413, before reading it),
** COUNCIL_EVIDENCE_MAX_PIXELS and COUNCIL_EVIDENCE_MAX_SIDE default to
** these (store/council/council.h). */
#define EVIDENCE_MAX_BYTES_DEFAULT (20 * 1024 * 1024) /* 20 MB a file */
#define EVIDENCE_REQUEST_MAX_BYTES_DEFAULT (100 * 1024 * 1024) /* A send */
/* The most the officer may set either limit to: a request's body is held
** in memory while it arrives. */
#define EVIDENCE_LIMIT_MAX_MB 500
#define EVIDENCE_FILENAME_MAX 200 /* Bytes of the original name kept */
#define EVIDENCE_CAPTION_MAX 500  /* Bytes of caption accepted */
#define EVIDENCE_KIND_ATTENDANCE "asistencia" /* Made by recording it */
#define EVIDENCE_KIND_ACTA "acta"             /* Made by approving the acta */
#define EVIDENCE_KIND_CITATION           \
  "citacion" /* Made by convening (cosoc \
             ** sends the notice) */

/* One evidence item (not deleted). */
typedef struct EvidenceItem {
  int64_t id;
  int64_t iActivity;
  const char *zKind;     /* Evidence kind slug */
  const char *zSha256;   /* Its file */
  const char *zFilename; /* As uploaded */
  const char *zCaption;
  const char *zMime; /* As libmagic found it */
  int64_t nSize;
  int bPublic;
  const char *zUploader; /* Name, "" when unknown */
  int64_t iUploaded;
  int nThumbWidth; /* Stored thumbnail's pixels; 0 when none is stored yet */
  int nThumbHeight;
} EvidenceItem;

/* The limits an upload is checked against, read once per request. */
typedef struct EvidenceLimits {
  size_t nMaxBytes;  /* One file, bytes */
  PhotoLimits photo; /* A photo's size, as its header states it */
} EvidenceLimits;

#define EVIDENCE_MAX_PIXELS_DEFAULT ((int64_t)50 * 1000 * 1000) /* 50 MP */
#define EVIDENCE_MAX_SIDE_DEFAULT 20000 /* Pixels: a phone's panorama */
#define EVIDENCE_MAX_MEGAPIXELS_MAX 300 /* The most the officer may set */
#define EVIDENCE_MAX_SIDE_MAX 50000

/* Why a file was not made ready (evidence_file_prepare()). */
typedef enum EvidenceRefusal {
  EVIDENCE_READY = 0,   /* Checked and ready to store */
  EVIDENCE_REFUSED = 1, /* Its content: the reason says what to do */
  EVIDENCE_RETRY = 2,   /* The server is stopping: send it again later */
  EVIDENCE_FAILED = 3   /* The database failed */
} EvidenceRefusal;

/* A file checked and made ready to store: everything slow or refusable is
** done before the write transaction. */
typedef struct EvidenceFile {
  const void *pData; /* The bytes as uploaded (not copied) */
  size_t nData;
  const char *zMime; /* As libmagic found it */
  char zSha256[65];  /* Lower-case hex digest */
  EvidenceDerivative aDeriv[EVIDENCE_DERIVATIVES_MAX]; /* A photo's */
  int nDeriv;
} EvidenceFile;

/* Everything an upload to council iCouncil is checked against: its
** settings COUNCIL_EVIDENCE_MAX_BYTES, _MAX_PIXELS and _MAX_SIDE (the
** largest photo decoded, as its header states it: a larger one is refused
** before any of its pixels is decoded), read through the council module. */
void evidence_limits(Db *pDb, int64_t iCouncil, EvidenceLimits *pLim);

/* The MIME type accepted for these bytes — image/jpeg, image/png,
** image/webp or application/pdf, judged by content (libmagic) — or NULL
** with a Spanish reason in *pzErr (empty, too large, another type). */
const char *evidence_check(const void *pData, size_t nData, size_t nMax,
                           const char **pzErr);

/* The name a file of type zMime (one evidence_check() accepts) is saved
** under on someone's disk (a download, the evidence ZIP): zFilename as
** uploaded, with the extension of its content. The uploaded name is the
** uploader's to choose, and a PDF named «acta.html» or «informe.bat» (a
** PDF/HTML or PDF/batch polyglot) would run as that when opened from the
** Downloads folder. An extension of another type is replaced
** («acta.html» -> «acta.pdf»), a matching one kept in its case
** («Foto.JPEG»), a missing one added («escaneo» -> «escaneo.pdf»). */
const char *evidence_download_name(Arena *pArena, const char *zFilename,
                                   const char *zMime);

/* 1 when zSlug is an evidence kind of the catalogue. */
int evidence_kind_valid(const char *zSlug);
const char *evidence_kind_label(const char *zSlug);

/* Checks the bytes (evidence_check), that their content is one kind zKind
** accepts (plan_evidence_kind_content(); zKind NULL: any), hashes them
** and, for a photo not stored yet, checks its header against the limits
** and makes its thumbnail and, when bPublic, its public copy. Bytes
** already stored (same SHA-256) are not decoded again: only a derivative
** still missing is made. EVIDENCE_READY, or another EvidenceRefusal with
** a Spanish reason in *pzErr. pData must outlive pFile. */
EvidenceRefusal evidence_file_prepare(Db *pDb, Arena *pArena, const void *pData,
                                      size_t nData, const EvidenceLimits *pLim,
                                      const char *zKind, int bPublic,
                                      EvidenceFile *pFile, const char **pzErr);

/* Stores the prepared file (once per content, with its derivatives) and an
** item pointing at it, nested in the caller's transaction. *piId gets the
** item's id. */
int evidence_add(Db *pDb, int64_t iActivity, const char *zKind,
                 const EvidenceFile *pFile, const char *zFilename,
                 const char *zCaption, int bPublic, int64_t iUser,
                 int64_t *piId);

/* An activity's items in upload order (bPublicOnly: the public ones). */
int evidence_list(Db *pDb, Arena *pArena, int64_t iActivity, int bPublicOnly,
                  EvidenceItem **paItem, int *pnItem);
/* Every item of the council's activities whose ids lie in iFirst..iLast,
** by activity id then upload order: a page of activities' evidence in one
** statement (the caller picks each activity's run out of it). */
int evidence_list_range(Db *pDb, Arena *pArena, int64_t iCouncil,
                        int64_t iFirst, int64_t iLast, EvidenceItem **paItem,
                        int *pnItem);
/* Item iId of an activity of council iCouncil: DB_OK, DB_DONE when there
** is none there (or it was deleted). */
int evidence_get(Db *pDb, Arena *pArena, int64_t iCouncil, int64_t iId,
                 EvidenceItem *pItem);
/* The item's bytes (arena copy). DB_OK or DB_DONE. */
int evidence_bytes(Db *pDb, Arena *pArena, const char *zSha256,
                   const void **ppData, size_t *pnData);
/* Soft delete of item iId of council iCouncil, logged by who and when.
** DB_OK, DB_DONE when there is none there. */
int evidence_delete(Db *pDb, int64_t iCouncil, int64_t iId, int64_t iUser);

/* Dates the items of an activity as uploaded at t: a demonstration's past
** (cosoc demo), so that looking back shows them when they came. */
int evidence_backdate(Db *pDb, int64_t iActivity, int64_t t);

/* «As of now»: a cut that leaves nothing out (see below). */
#define EVIDENCE_CUT_NONE INT64_MAX

/* The evidence cosoc made itself for an activity, as recorded by tCut
** (UTC seconds; EVIDENCE_CUT_NONE: now). Each is a line's evidence without
** any upload: the notice it sent (the Citación, Convocatoria or
** Invitación: at least one recipient whose mail did not fail), the
** attendance recorded (the Asistencia: the generated sheet) and the acta
** approved or published (the Acta). */
typedef struct EvidenceSystem {
  int bNotice;         /* cosoc sent a notice (activity_notices) */
  int64_t tNotice;     /* When the first one went */
  int nRecipients;     /* People it went to */
  int bAttendance;     /* Attendance recorded */
  int64_t tAttendance; /* When it was first recorded */
  int bActa;           /* Acta approved or published */
  int64_t tActa;       /* When it was approved */
} EvidenceSystem;
int evidence_system(Db *pDb, int64_t iActivity, int64_t tCut,
                    EvidenceSystem *pOut);

/* The evidence kinds a notice sent by cosoc stands for (the plan may ask
** for any of the three words), NULL-terminated. */
extern const char *const evidence_notice_kinds[];

/* The compliance engine's inputs for the council as they stood at tCut
** (UTC seconds; EVIDENCE_CUT_NONE: now): every activity with its Santiago
** local date, commune, plan lines, its status then (a status changed after
** tCut reads as it was, from the activity's history) and the kinds of its
** evidence in force then — uploaded before tCut and not deleted by then,
** or made by the system by then (evidence_system) (arena memory). */
int evidence_compliance_feed(Db *pDb, Arena *pArena, int64_t iCouncil,
                             int64_t tCut, ComplianceActivity **paAct,
                             int *pnAct);

#endif
