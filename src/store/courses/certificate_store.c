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

static const DbMap cert_map =
    DB_MAP(Certificate, "iiiitttnnittntt", id, iCouncil, iCourse, iEnrolment,
           zCode, zName, zCourse, nAttended, nTotal, nMinutes, zIssuedOn,
           zEmail, bRevoked, zRevokedOn, zReason);

/* The hash a code is looked up by. */
static void code_hash(const char *zCanonical, char zHash[65]) {
  accounts_token_hash(zCanonical, zHash);
}

int certificate_list(Db *pDb, Arena *pArena, int64_t iCouncil, int64_t iCourse,
                     Certificate **paCert, int *pnCert) {
  return db_list(pDb, pArena, &cert_map, paCert, pnCert,
                 "SELECT " CERT_COLUMNS CERT_FROM
                 "WHERE k.council_id = ? AND k.course_id = ? "
                 "ORDER BY k.participant_name, k.id",
                 DB_I(iCouncil), DB_I(iCourse));
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
    int64_t iId = 0;
    int rc = db_exec_id(
        pDb,
        "INSERT INTO certificates (council_id, course_id, enrolment_id, code, "
        "code_hash, participant_name, course_title, modules_attended, "
        "modules_total, minutes, issued_on, issued_at, issued_by) VALUES (?, "
        "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS BIGINT)) ON CONFLICT DO "
        "NOTHING RETURNING id",
        &iId, DB_I(iCouncil), DB_I(c->id), DB_I(e->id), DB_T(zCode),
        DB_T(zHash), DB_T(e->part.zName), DB_T(c->zTitle), DB_I(e->nAttended),
        DB_I(nTotal), DB_I(e->nMinutes), DB_T(zToday), DB_I(db_now()),
        DB_IN(iUser));
    if (rc == DB_OK) return DB_OK;
    if (rc != DB_DONE) return DB_ERROR;
    /* DB_DONE: a code taken already (2^-100 odds) or, more likely, the
    ** enrolment got its certificate meanwhile: either way, look again. */
    int bHas =
        db_int(pDb, -1, "SELECT 1 FROM certificates WHERE enrolment_id = ?",
               DB_I(e->id));
    if (bHas < 0) return DB_ERROR;
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
  if (db_list(pDb, pArena, &cert_map, paCert, pnCert,
              "SELECT " CERT_COLUMNS CERT_FROM
              "WHERE k.council_id = ? AND k.course_id = ? "
              "AND k.revoked_at IS NULL ORDER BY k.participant_name, k.id",
              DB_I(iCouncil), DB_I(iCourse)) != DB_OK)
    return DB_ERROR;
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
  return db_get(pDb, pArena, &cert_map, pCert,
                "SELECT " CERT_COLUMNS CERT_FROM "WHERE k.code_hash = ?",
                DB_T(zHash));
}

int certificate_revoke(Db *pDb, int64_t iCouncil, const char *zCanonical,
                       int64_t iUser, const char *zReason, const char *zToday) {
  char zHash[65];
  code_hash(zCanonical, zHash);
  if (db_begin(pDb) != DB_OK) return DB_ERROR;
  DbStmt *p = db_query(pDb,
                       "SELECT CASE WHEN revoked_at IS NULL THEN 0 ELSE 1 "
                       "END FROM certificates WHERE council_id = ? AND "
                       "code_hash = ?",
                       DB_I(iCouncil), DB_T(zHash));
  int rc = DB_ERROR;
  if (p) {
    int r = db_step(p);
    rc = r == DB_ROW    ? (db_column_int64(p, 0) ? DB_CONSTRAINT : DB_OK)
         : r == DB_DONE ? DB_DONE
                        : DB_ERROR;
    db_done(p);
  }
  if (rc == DB_OK) {
    rc = db_exec(pDb,
                 "UPDATE certificates SET revoked_at = ?, revoked_on = ?, "
                 "revoke_reason = ?, revoked_by = CAST(? AS BIGINT) WHERE "
                 "council_id = ? AND code_hash = ?",
                 DB_I(db_now()), DB_T(zToday), DB_T(zReason), DB_IN(iUser),
                 DB_I(iCouncil), DB_T(zHash)) == DB_OK
             ? DB_OK
             : DB_ERROR;
  }
  return db_finish(pDb, rc);
}
