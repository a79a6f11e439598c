/*
** Certificates, stored (see courses.h). A code is 100 random bits from
** libsodium; the table keeps the code (printed on the certificate, shown
** to the officer) and its SHA-256, which is what the public page looks
** up: the index compares hashes, never the code itself.
*/
#include <sodium.h>
#include <string.h>

#include "store/accounts/accounts.h"
#include "store/courses/courses.h"

#define CERT_COLUMNS                                                 \
  "k.id, k.council_id, k.course_id, k.enrolment_id, k.code, "        \
  "k.participant_name, k.course_title, k.modules_attended, "         \
  "k.modules_total, k.minutes, k.issued_on, coalesce(p.email, ''), " \
  "CASE WHEN k.revoked_at IS NULL THEN 0 ELSE 1 END, "               \
  "coalesce(k.revoked_on, ''), k.revoke_reason "
#define CERT_FROM                                                   \
  "FROM certificates k JOIN enrolments e ON e.id = k.enrolment_id " \
  "JOIN participants p ON p.id = e.participant_id "

static void cert_from_row(Arena *pArena, DbStmt *p, Certificate *c) {
  memset(c, 0, sizeof(*c));
  c->id = db_column_int64(p, 0);
  c->iCouncil = db_column_int64(p, 1);
  c->iCourse = db_column_int64(p, 2);
  c->iEnrolment = db_column_int64(p, 3);
  c->zCode = arena_strdup(pArena, db_column_text(p, 4));
  c->zName = arena_strdup(pArena, db_column_text(p, 5));
  c->zCourse = arena_strdup(pArena, db_column_text(p, 6));
  c->nAttended = (int)db_column_int64(p, 7);
  c->nTotal = (int)db_column_int64(p, 8);
  c->nMinutes = db_column_int64(p, 9);
  c->zIssuedOn = arena_strdup(pArena, db_column_text(p, 10));
  c->zEmail = arena_strdup(pArena, db_column_text(p, 11));
  c->bRevoked = (int)db_column_int64(p, 12);
  c->zRevokedOn = arena_strdup(pArena, db_column_text(p, 13));
  c->zReason = arena_strdup(pArena, db_column_text(p, 14));
}

/* The hash a code is looked up by. */
static void code_hash(const char *zCanonical, char zHash[65]) {
  accounts_token_hash(zCanonical, zHash);
}

static int cert_rows(Db *pDb, Arena *pArena, DbStmt *p, Certificate **paCert,
                     int *pnCert) {
  int nAlloc = 0, rc;
  while ((rc = db_step(p)) == DB_ROW) {
    *paCert =
        arena_grow(pArena, *paCert, *pnCert, &nAlloc, sizeof(Certificate));
    cert_from_row(pArena, p, &(*paCert)[(*pnCert)++]);
  }
  db_done(p);
  (void)pDb;
  return rc == DB_DONE ? DB_OK : DB_ERROR;
}

int certificate_list(Db *pDb, Arena *pArena, int64_t iCouncil, int64_t iCourse,
                     Certificate **paCert, int *pnCert) {
  *paCert = NULL;
  *pnCert = 0;
  DbStmt *p = db_prepare(pDb, "SELECT " CERT_COLUMNS CERT_FROM
                              "WHERE k.council_id = ? AND k.course_id = ? "
                              "ORDER BY k.participant_name, k.id");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, iCouncil);
  db_bind_int64(p, 2, iCourse);
  return cert_rows(pDb, pArena, p, paCert, pnCert);
}

/* Inserts one certificate for the enrolment e of course c. */
static int cert_insert(Db *pDb, int64_t iCouncil, const Course *c,
                       const Enrolment *e, int nTotal, int64_t iUser,
                       const char *zToday) {
  for (int iTry = 0; iTry < 3; iTry++) {
    unsigned char aRand[COURSE_CODE_BYTES];
    randombytes_buf(aRand, sizeof(aRand));
    char zCode[COURSE_CODE_SIZE], zCanon[COURSE_CODE_CHARS + 1], zHash[65];
    course_code_format(aRand, zCode);
    course_code_canonical(zCode, zCanon);
    code_hash(zCanon, zHash);
    DbStmt *p = db_prepare(
        pDb,
        "INSERT INTO certificates (council_id, course_id, enrolment_id, code, "
        "code_hash, participant_name, course_title, modules_attended, "
        "modules_total, minutes, issued_on, issued_at, issued_by) VALUES (?, "
        "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS BIGINT)) ON CONFLICT DO "
        "NOTHING RETURNING id");
    if (!p) return DB_ERROR;
    db_bind_int64(p, 1, iCouncil);
    db_bind_int64(p, 2, c->id);
    db_bind_int64(p, 3, e->id);
    db_bind_text(p, 4, zCode);
    db_bind_text(p, 5, zHash);
    db_bind_text(p, 6, e->part.zName);
    db_bind_text(p, 7, c->zTitle);
    db_bind_int64(p, 8, e->nAttended);
    db_bind_int64(p, 9, nTotal);
    db_bind_int64(p, 10, e->nMinutes);
    db_bind_text(p, 11, zToday);
    db_bind_int64(p, 12, db_now());
    if (iUser > 0)
      db_bind_int64(p, 13, iUser);
    else
      db_bind_null(p, 13);
    int rc = db_step(p);
    db_done(p);
    if (rc == DB_ROW) return DB_OK;
    if (rc != DB_DONE) return DB_ERROR;
    /* DB_DONE: a code taken already (2^-100 odds) or, more likely, the
    ** enrolment got its certificate meanwhile: either way, look again. */
    p = db_prepare(pDb, "SELECT 1 FROM certificates WHERE enrolment_id = ?");
    if (!p) return DB_ERROR;
    db_bind_int64(p, 1, e->id);
    int bHas = db_step(p) == DB_ROW;
    db_done(p);
    if (bHas) return DB_OK;
  }
  return DB_ERROR;
}

int certificate_issue(Db *pDb, Arena *pArena, int64_t iCouncil, int64_t iCourse,
                      int64_t iUser, const char *zToday, Certificate **paCert,
                      int *pnCert, int **paiNew, int *pnNew) {
  *paCert = NULL;
  *pnCert = 0;
  *paiNew = NULL;
  *pnNew = 0;
  if (db_begin(pDb) != DB_OK) return DB_ERROR;
  Course c;
  Enrolment *aEnrol = NULL;
  CourseModule *aMod = NULL;
  int nEnrol = 0, nMod = 0;
  int rc = course_get(pDb, pArena, iCouncil, iCourse, &c);
  if (rc == DB_OK)
    rc = course_modules(pDb, pArena, iCouncil, iCourse, &aMod, &nMod);
  if (rc == DB_OK)
    rc = enrolment_list(pDb, pArena, iCouncil, iCourse, &aEnrol, &nEnrol);
  /* Who has a certificate, revoked ones too: a revoked certificate is not
  ** issued again by a second press of the button. */
  Certificate *aOld = NULL;
  int nOld = 0;
  if (rc == DB_OK)
    rc = certificate_list(pDb, pArena, iCouncil, iCourse, &aOld, &nOld);
  int64_t *aiIssued =
      arena_alloc(pArena, sizeof(int64_t) * (size_t)(nEnrol + 1));
  int nIssued = 0;
  for (int i = 0; rc == DB_OK && i < nEnrol; i++) {
    if (!aEnrol[i].bComplete) continue;
    int bHas = 0;
    for (int k = 0; k < nOld && !bHas; k++)
      bHas = aOld[k].iEnrolment == aEnrol[i].id;
    if (bHas) continue;
    rc = cert_insert(pDb, iCouncil, &c, &aEnrol[i], nMod, iUser, zToday);
    aiIssued[nIssued++] = aEnrol[i].id;
  }
  if (rc != DB_OK) {
    db_rollback(pDb);
    return rc;
  }
  if ((rc = db_commit(pDb)) != DB_OK) return rc;
  DbStmt *p = db_prepare(pDb, "SELECT " CERT_COLUMNS CERT_FROM
                              "WHERE k.council_id = ? AND k.course_id = ? "
                              "AND k.revoked_at IS NULL ORDER BY "
                              "k.participant_name, k.id");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, iCouncil);
  db_bind_int64(p, 2, iCourse);
  if (cert_rows(pDb, pArena, p, paCert, pnCert) != DB_OK) return DB_ERROR;
  *paiNew = arena_alloc(pArena, sizeof(int) * (size_t)(nIssued + 1));
  for (int i = 0; i < *pnCert; i++) {
    for (int k = 0; k < nIssued; k++) {
      if ((*paCert)[i].iEnrolment == aiIssued[k]) (*paiNew)[(*pnNew)++] = i;
    }
  }
  return DB_OK;
}

int certificate_by_code(Db *pDb, Arena *pArena, const char *zCanonical,
                        Certificate *pCert) {
  memset(pCert, 0, sizeof(*pCert));
  char zHash[65];
  code_hash(zCanonical, zHash);
  DbStmt *p =
      db_prepare(pDb, "SELECT " CERT_COLUMNS CERT_FROM "WHERE k.code_hash = ?");
  if (!p) return DB_ERROR;
  db_bind_text(p, 1, zHash);
  int rc = db_step(p);
  if (rc == DB_ROW) cert_from_row(pArena, p, pCert);
  db_done(p);
  return rc == DB_ROW ? DB_OK : rc == DB_DONE ? DB_DONE : DB_ERROR;
}

int certificate_revoke(Db *pDb, int64_t iCouncil, const char *zCanonical,
                       int64_t iUser, const char *zReason, const char *zToday) {
  char zHash[65];
  code_hash(zCanonical, zHash);
  if (db_begin(pDb) != DB_OK) return DB_ERROR;
  DbStmt *p = db_prepare(pDb,
                         "SELECT CASE WHEN revoked_at IS NULL THEN 0 ELSE 1 "
                         "END FROM certificates WHERE council_id = ? AND "
                         "code_hash = ?");
  int rc = DB_ERROR;
  if (p) {
    db_bind_int64(p, 1, iCouncil);
    db_bind_text(p, 2, zHash);
    int r = db_step(p);
    rc = r == DB_ROW    ? (db_column_int64(p, 0) ? DB_CONSTRAINT : DB_OK)
         : r == DB_DONE ? DB_DONE
                        : DB_ERROR;
    db_done(p);
  }
  if (rc == DB_OK) {
    p = db_prepare(pDb,
                   "UPDATE certificates SET revoked_at = ?, revoked_on = ?, "
                   "revoke_reason = ?, revoked_by = CAST(? AS BIGINT) WHERE "
                   "council_id = ? AND code_hash = ?");
    if (!p) {
      rc = DB_ERROR;
    } else {
      db_bind_int64(p, 1, db_now());
      db_bind_text(p, 2, zToday);
      db_bind_text(p, 3, zReason);
      if (iUser > 0)
        db_bind_int64(p, 4, iUser);
      else
        db_bind_null(p, 4);
      db_bind_int64(p, 5, iCouncil);
      db_bind_text(p, 6, zHash);
      rc = db_step(p) == DB_DONE ? DB_OK : DB_ERROR;
      db_done(p);
    }
  }
  if (rc != DB_OK) {
    db_rollback(pDb);
    return rc;
  }
  return db_commit(pDb);
}
