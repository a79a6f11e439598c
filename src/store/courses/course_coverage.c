/*
** What courses reach and what they prove (see courses.h): the coverage
** of the council's region by province, commune and organization, and the
** course's share of the compliance engine's inputs.
*/
#include <stdlib.h>
#include <string.h>

#include "store/courses/courses.h"

/* One person of the courses counted, with what they did. */
typedef struct CovPerson {
  int64_t iPart;
  const char *zCommune, *zCommuneName, *zProvince, *zProvinceName, *zOrg;
  int bAttending, bCertified;
} CovPerson;

static CoverageRow *row_for(Arena *pArena, CoverageRow **pa, int *pn,
                            int *pnAlloc, const char *zCode, const char *zName,
                            const char *zProvince) {
  for (int i = 0; i < *pn; i++) {
    if (strcmp((*pa)[i].zCode, zCode) == 0 &&
        strcmp((*pa)[i].zName, zName) == 0)
      return &(*pa)[i];
  }
  *pa = arena_grow(pArena, *pa, *pn, pnAlloc, sizeof(CoverageRow));
  CoverageRow *r = &(*pa)[(*pn)++];
  memset(r, 0, sizeof(*r));
  r->zCode = zCode;
  r->zName = zName;
  r->zProvince = zProvince;
  return r;
}

static void row_add(CoverageRow *r, const CovPerson *p) {
  r->nEnrolled++;
  r->nAttending += p->bAttending;
  r->nCertified += p->bCertified;
}

static int cmp_commune(const void *pA, const void *pB) {
  const CoverageRow *a = pA, *b = pB;
  int c = strcmp(a->zProvince, b->zProvince);
  return c ? c : strcmp(a->zName, b->zName);
}

static int cmp_org(const void *pA, const void *pB) {
  const CoverageRow *a = pA, *b = pB;
  if (a->nEnrolled != b->nEnrolled) return b->nEnrolled - a->nEnrolled;
  return strcmp(a->zName, b->zName);
}

int course_coverage(Db *pDb, Arena *pArena, int64_t iCouncil, int64_t iCourse,
                    int iLine, Coverage *pCov) {
  memset(pCov, 0, sizeof(*pCov));
  pCov->total.zCode = "";
  pCov->total.zName = "Total";
  pCov->total.zProvince = "";
  DbStmt *p = db_prepare(
      pDb,
      "SELECT p.id, coalesce(p.commune_code, ''), coalesce(c.name, ''), "
      "coalesce(c.province_code, ''), coalesce(v.name, ''), "
      "coalesce(o.name, p.organization_name), "
      "CASE WHEN EXISTS (SELECT 1 FROM attendance t JOIN course_modules m "
      "ON m.activity_id = t.activity_id WHERE m.course_id = e.course_id AND "
      "t.participant_id = p.id AND t.status = 'presente') THEN 1 ELSE 0 END, "
      "CASE WHEN EXISTS (SELECT 1 FROM certificates k WHERE k.enrolment_id = "
      "e.id AND k.revoked_at IS NULL) THEN 1 ELSE 0 END "
      "FROM enrolments e JOIN courses k ON k.id = e.course_id "
      "JOIN participants p ON p.id = e.participant_id "
      "LEFT JOIN organizations o ON o.id = p.organization_id "
      "LEFT JOIN territory_communes c ON c.code = p.commune_code "
      "LEFT JOIN territory_provinces v ON v.code = c.province_code "
      "WHERE k.council_id = ? AND (k.id = ? OR (? > 0 AND EXISTS (SELECT 1 "
      "FROM course_plan_lines l WHERE l.course_id = k.id AND l.line_number "
      "= ?))) ORDER BY p.id");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, iCouncil);
  db_bind_int64(p, 2, iCourse);
  db_bind_int64(p, 3, iCourse ? 0 : iLine);
  db_bind_int64(p, 4, iLine);
  CovPerson *aPers = NULL;
  int nPers = 0, nAlloc = 0, rc;
  while ((rc = db_step(p)) == DB_ROW) {
    int64_t iPart = db_column_int64(p, 0);
    CovPerson *q = nPers ? &aPers[nPers - 1] : NULL;
    if (!q || q->iPart != iPart) {
      /* Several courses of the line: one person once. */
      aPers = arena_grow(pArena, aPers, nPers, &nAlloc, sizeof(CovPerson));
      q = &aPers[nPers++];
      memset(q, 0, sizeof(*q));
      q->iPart = iPart;
      q->zCommune = arena_strdup(pArena, db_column_text(p, 1));
      q->zCommuneName = arena_strdup(pArena, db_column_text(p, 2));
      q->zProvince = arena_strdup(pArena, db_column_text(p, 3));
      q->zProvinceName = arena_strdup(pArena, db_column_text(p, 4));
      q->zOrg = arena_strdup(pArena, db_column_text(p, 5));
    }
    q->bAttending |= (int)db_column_int64(p, 6);
    q->bCertified |= (int)db_column_int64(p, 7);
  }
  db_done(p);
  if (rc != DB_DONE) return DB_ERROR;

  /* Every province of the council's region, with nobody too. */
  int nProvAlloc = 0, nComAlloc = 0, nOrgAlloc = 0;
  p = db_prepare(pDb,
                 "SELECT v.code, v.name FROM territory_provinces v JOIN "
                 "councils k ON k.region_code = v.region_code WHERE k.id = ? "
                 "ORDER BY v.code");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, iCouncil);
  while ((rc = db_step(p)) == DB_ROW) {
    row_for(pArena, &pCov->aProvince, &pCov->nProvince, &nProvAlloc,
            arena_strdup(pArena, db_column_text(p, 0)),
            arena_strdup(pArena, db_column_text(p, 1)), "");
  }
  db_done(p);
  if (rc != DB_DONE) return DB_ERROR;
  for (int i = 0; i < nPers; i++) {
    const CovPerson *q = &aPers[i];
    row_add(&pCov->total, q);
    row_add(row_for(pArena, &pCov->aProvince, &pCov->nProvince, &nProvAlloc,
                    q->zProvince,
                    q->zProvince[0] ? q->zProvinceName : "Sin comuna", ""),
            q);
    if (q->zCommune[0]) {
      row_add(row_for(pArena, &pCov->aCommune, &pCov->nCommune, &nComAlloc,
                      q->zCommune, q->zCommuneName, q->zProvinceName),
              q);
    }
    row_add(row_for(pArena, &pCov->aOrg, &pCov->nOrg, &nOrgAlloc, "",
                    q->zOrg[0] ? q->zOrg : "Sin organización", ""),
            q);
  }
  if (pCov->nCommune)
    qsort(pCov->aCommune, (size_t)pCov->nCommune, sizeof(CoverageRow),
          cmp_commune);
  if (pCov->nOrg)
    qsort(pCov->aOrg, (size_t)pCov->nOrg, sizeof(CoverageRow), cmp_org);
  return DB_OK;
}

/* Adds zKind to an activity's evidence kinds (once). */
static void add_kind(Arena *pArena, ComplianceActivity *a, const char *zKind) {
  for (int i = 0; i < a->nEvidence; i++) {
    if (strcmp(a->azEvidence[i], zKind) == 0) return;
  }
  const char **az =
      arena_alloc(pArena, sizeof(char *) * (size_t)(a->nEvidence + 1));
  if (a->nEvidence)
    memcpy(az, a->azEvidence, sizeof(char *) * (size_t)a->nEvidence);
  az[a->nEvidence++] = zKind;
  a->azEvidence = az;
}

int course_compliance_feed(Db *pDb, Arena *pArena, int64_t iCouncil,
                           ComplianceActivity *aAct, int nAct) {
  DbStmt *p = db_prepare(
      pDb,
      "SELECT m.activity_id, m.course_id, "
      "CASE WHEN EXISTS (SELECT 1 FROM attendance t WHERE t.activity_id = "
      "m.activity_id) THEN 1 ELSE 0 END, "
      "CASE WHEN c.programme <> '' THEN 1 ELSE 0 END, "
      "CASE WHEN EXISTS (SELECT 1 FROM certificates k WHERE k.course_id = "
      "c.id AND k.revoked_at IS NULL) THEN 1 ELSE 0 END, c.title "
      "FROM course_modules m JOIN courses c ON c.id = m.course_id "
      "WHERE c.council_id = ? ORDER BY m.activity_id");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, iCouncil);
  int rc;
  while ((rc = db_step(p)) == DB_ROW) {
    int64_t iAct = db_column_int64(p, 0);
    for (int i = 0; i < nAct; i++) {
      if (aAct[i].iId != iAct) continue;
      aAct[i].iCourse = db_column_int64(p, 1);
      aAct[i].bAttendance = (int)db_column_int64(p, 2);
      aAct[i].zCourse = arena_strdup(pArena, db_column_text(p, 5));
      /* What the course makes itself is each module's evidence: its
      ** programme is the «Programa de formación», its certificates prove
      ** who completed it. */
      if (db_column_int64(p, 3))
        add_kind(pArena, &aAct[i], "programa_formacion");
      if (db_column_int64(p, 4)) add_kind(pArena, &aAct[i], "certificados");
      break;
    }
  }
  db_done(p);
  return rc == DB_DONE ? DB_OK : DB_ERROR;
}
