/*
** Participants, stored (see participants.h).
*/
#include <ctype.h>
#include <string.h>

#include "domain/participant.h"
#include "domain/people.h"
#include "domain/rut.h"
#include "domain/email.h"
#include "store/people/participants.h"
#include "store/people/people_internal.h"
#include "util/text.h"

#define PART_COLUMNS                                                        \
  "p.id, p.name, coalesce(p.run, ''), p.email, p.phone, "                   \
  "coalesce(p.organization_id, 0), coalesce(o.name, p.organization_name), " \
  "coalesce(p.commune_code, ''), coalesce(c.name, ''), "                    \
  "coalesce(c.province_code, ''), coalesce(v.name, ''), p.version "
#define PART_FROM                                              \
  "FROM participants p "                                       \
  "LEFT JOIN organizations o ON o.id = p.organization_id "     \
  "LEFT JOIN territory_communes c ON c.code = p.commune_code " \
  "LEFT JOIN territory_provinces v ON v.code = c.province_code "

static void part_from_row(Arena *pArena, DbStmt *p, Participant *pPart) {
  pPart->id = db_column_int64(p, 0);
  pPart->zName = people_col(pArena, p, 1);
  pPart->zRun = people_col(pArena, p, 2);
  pPart->zEmail = people_col(pArena, p, 3);
  pPart->zPhone = people_col(pArena, p, 4);
  pPart->iOrganization = db_column_int64(p, 5);
  pPart->zOrganization = people_col(pArena, p, 6);
  pPart->zCommuneCode = people_col(pArena, p, 7);
  pPart->zCommuneName = people_col(pArena, p, 8);
  pPart->zProvinceCode = people_col(pArena, p, 9);
  pPart->zProvinceName = people_col(pArena, p, 10);
  pPart->iVersion = (int)db_column_int64(p, 11);
}

int participant_list(Db *pDb, Arena *pArena, int64_t iCouncil,
                     const PeopleFilter *pFilter, Participant **paPart,
                     int *pnPart) {
  *paPart = NULL;
  *pnPart = 0;
  DbStmt *p = db_prepare(
      pDb, "SELECT " PART_COLUMNS PART_FROM
           "WHERE p.council_id = ? AND (? = '' OR lower(p.name) LIKE ? "
           "ESCAPE '\\' OR lower(p.email) LIKE ? ESCAPE '\\' OR "
           "lower(coalesce(o.name, p.organization_name)) LIKE ? ESCAPE '\\') "
           "AND (? = '' OR c.province_code = ?) AND (? = '' OR "
           "p.commune_code = ?) ORDER BY p.name, p.id");
  if (!p) return DB_ERROR;
  const char *zLike = people_like_pattern(pArena, pFilter->zQuery);
  const char *zProv = pFilter->zProvince ? pFilter->zProvince : "";
  const char *zCom = pFilter->zCommune ? pFilter->zCommune : "";
  db_bind_int64(p, 1, iCouncil);
  for (int i = 2; i <= 5; i++) db_bind_text(p, i, zLike);
  db_bind_text(p, 6, zProv);
  db_bind_text(p, 7, zProv);
  db_bind_text(p, 8, zCom);
  db_bind_text(p, 9, zCom);
  int nAlloc = 0, rc;
  while ((rc = db_step(p)) == DB_ROW) {
    *paPart =
        arena_grow(pArena, *paPart, *pnPart, &nAlloc, sizeof(Participant));
    part_from_row(pArena, p, &(*paPart)[(*pnPart)++]);
  }
  db_done(p);
  return rc == DB_DONE ? DB_OK : DB_ERROR;
}

int participant_get(Db *pDb, Arena *pArena, int64_t iCouncil, int64_t iId,
                    Participant *pPart) {
  memset(pPart, 0, sizeof(*pPart));
  DbStmt *p = db_prepare(pDb, "SELECT " PART_COLUMNS PART_FROM
                              "WHERE p.council_id = ? AND p.id = ?");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, iCouncil);
  db_bind_int64(p, 2, iId);
  int rc = db_step(p);
  if (rc == DB_ROW) part_from_row(pArena, p, pPart);
  db_done(p);
  return rc == DB_ROW ? DB_OK : rc == DB_DONE ? DB_DONE : DB_ERROR;
}

int64_t participant_find_contact(Db *pDb, int64_t iCouncil, const char *zRun,
                                 const char *zEmail) {
  DbStmt *p =
      db_prepare(pDb,
                 "SELECT id FROM participants WHERE council_id = ? AND "
                 "((? <> '' AND run = ?) OR (? <> '' AND email = ?)) ORDER BY "
                 "CASE WHEN run = ? THEN 0 ELSE 1 END, id");
  if (!p) return 0;
  zRun = zRun ? zRun : "";
  zEmail = zEmail ? zEmail : "";
  db_bind_int64(p, 1, iCouncil);
  db_bind_text(p, 2, zRun);
  db_bind_text(p, 3, zRun);
  db_bind_text(p, 4, zEmail);
  db_bind_text(p, 5, zEmail);
  db_bind_text(p, 6, zRun);
  int64_t iId = db_step(p) == DB_ROW ? db_column_int64(p, 0) : 0;
  db_done(p);
  return iId;
}

void participant_check(Db *pDb, Arena *pArena, int64_t iCouncil,
                       const TerritoryIndex *pIdx, PeopleFieldGetter xGet,
                       void *pCtx, int64_t iSelf, int bContact, int bCommune,
                       Participant *pPart, Problems *pProblems) {
  memset(pPart, 0, sizeof(*pPart));
  pPart->id = iSelf;
  pPart->zName = people_get(pArena, xGet, pCtx, "nombre");
  if (!pPart->zName[0]) {
    problem_add(pProblems, "nombre", "Escriba el nombre completo.");
  } else if (strlen(pPart->zName) > PARTICIPANT_NAME_MAX) {
    problem_add(pProblems, "nombre",
                "El nombre es demasiado largo (máximo 200 caracteres).");
  } else {
    problem_add(pProblems, "nombre", text_single_line_problem(pPart->zName));
  }

  const char *zRun = people_get(pArena, xGet, pCtx, "run");
  pPart->zRun = "";
  if (zRun[0]) {
    char zNorm[RUT_NORM_MAX];
    const char *zWhy = NULL;
    if (!rut_parse(zRun, zNorm, &zWhy)) {
      problem_add(pProblems, "run",
                  arena_printf(pArena, "El RUN no es válido: %s.",
                               zWhy ? zWhy : "revíselo"));
    } else {
      pPart->zRun = arena_strdup(pArena, zNorm);
      int64_t iOther = participant_find_contact(pDb, iCouncil, pPart->zRun, "");
      if (iOther && iOther != iSelf) {
        problem_add(pProblems, "run",
                    "Ya hay otra persona registrada con ese RUN.");
      }
    }
  }

  const char *zEmail = people_get(pArena, xGet, pCtx, "correo");
  pPart->zEmail = "";
  if (!zEmail[0]) {
    if (bContact)
      problem_add(pProblems, "correo", "Escriba su correo electrónico.");
  } else if (email_problem(zEmail)) {
    problem_add(pProblems, "correo", email_problem(zEmail));
  } else {
    pPart->zEmail = email_normalize(pArena, zEmail);
  }

  pPart->zPhone = people_get(pArena, xGet, pCtx, "telefono");
  if (pPart->zPhone[0])
    problem_add(pProblems, "telefono", people_phone_problem(pPart->zPhone));

  const char *zOrg = people_get(pArena, xGet, pCtx, "organizacion");
  pPart->zOrganization = "";
  if (zOrg[0] == '#') {
    int64_t iOrg = 0;
    Organization org;
    if (!text_parse_id(zOrg + 1, &iOrg) ||
        people_org_get(pDb, pArena, iCouncil, iOrg, &org) != DB_OK) {
      problem_add(pProblems, "organizacion",
                  "Elija una organización de la lista.");
    } else {
      pPart->iOrganization = iOrg;
      pPart->zOrganization = org.zName;
    }
  } else if (zOrg[0]) {
    if (strlen(zOrg) > PARTICIPANT_ORG_MAX) {
      problem_add(pProblems, "organizacion",
                  "El nombre de la organización es demasiado largo.");
    } else {
      problem_add(pProblems, "organizacion", text_single_line_problem(zOrg));
    }
    pPart->iOrganization = people_org_find(pDb, iCouncil, NULL, zOrg);
    pPart->zOrganization = zOrg;
  }

  const char *zCommune = people_get(pArena, xGet, pCtx, "comuna");
  pPart->zCommuneCode = "";
  if (zCommune[0]) {
    const TerritoryCommune *pC = territory_index_resolve(pIdx, zCommune);
    if (!pC) {
      /* Typed in a pasted list as often as chosen in a form: name it. */
      problem_add(pProblems, "comuna",
                  arena_printf(pArena,
                               "No hay una comuna llamada «%s»: escriba su "
                               "nombre, como «Ovalle», o su código.",
                               zCommune));
    } else {
      pPart->zCommuneCode = pC->zCode;
      pPart->zCommuneName = pC->zName;
      pPart->zProvinceCode = pC->zProvinceCode;
      pPart->zProvinceName = pC->zProvinceName;
    }
  } else if (bCommune) {
    problem_add(pProblems, "comuna", "Elija su comuna.");
  }
}

static void bind_nullable(DbStmt *p, int i, const char *z) {
  if (z && z[0])
    db_bind_text(p, i, z);
  else
    db_bind_null(p, i);
}

static void bind_id(DbStmt *p, int i, int64_t id) {
  if (id > 0)
    db_bind_int64(p, i, id);
  else
    db_bind_null(p, i);
}

int participant_save(Db *pDb, int64_t iCouncil, int64_t iUser,
                     Participant *pPart) {
  int bNew = pPart->id == 0;
  DbStmt *p = db_prepare(
      pDb,
      bNew ? "INSERT INTO participants (name, run, email, phone, "
             "organization_id, organization_name, commune_code, updated_by, "
             "council_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, "
             "?, ?, ?, ?, ?) RETURNING id"
           : "UPDATE participants SET name = ?, run = ?, email = ?, phone = "
             "?, organization_id = ?, organization_name = ?, commune_code = "
             "?, updated_by = ?, version = version + 1, updated_at = ? "
             "WHERE council_id = ? AND id = ? RETURNING id");
  if (!p) return DB_ERROR;
  int64_t now = db_now();
  db_bind_text(p, 1, pPart->zName);
  bind_nullable(p, 2, pPart->zRun);
  db_bind_text(p, 3, pPart->zEmail ? pPart->zEmail : "");
  db_bind_text(p, 4, pPart->zPhone ? pPart->zPhone : "");
  bind_id(p, 5, pPart->iOrganization);
  db_bind_text(p, 6,
               pPart->iOrganization
                   ? ""
                   : (pPart->zOrganization ? pPart->zOrganization : ""));
  bind_nullable(p, 7, pPart->zCommuneCode);
  bind_id(p, 8, iUser);
  if (bNew) {
    db_bind_int64(p, 9, iCouncil);
    db_bind_int64(p, 10, now);
    db_bind_int64(p, 11, now);
  } else {
    db_bind_int64(p, 9, now);
    db_bind_int64(p, 10, iCouncil);
    db_bind_int64(p, 11, pPart->id);
  }
  int rc = db_step(p);
  if (rc == DB_ROW) pPart->id = db_column_int64(p, 0);
  db_done(p);
  return rc == DB_ROW ? DB_OK : rc == DB_DONE ? DB_DONE : rc;
}

/* The key of a participant for matching. */
static ParticipantKey key_of(Arena *pArena, const Participant *p) {
  ParticipantKey k;
  k.zRun = p->zRun ? p->zRun : "";
  k.zEmail = p->zEmail ? p->zEmail : "";
  k.zName = participant_fold(pArena, p->zName);
  k.zOrg = participant_fold(pArena, p->zOrganization);
  return k;
}

/* participant_resolve() with the council's participants read into pArena,
** a scratch arena the caller frees. */
static int resolve_in(Db *pDb, Arena *pArena, int64_t iCouncil, int64_t iUser,
                      const Participant *pPart, int64_t *piId, int *pbNew) {
  /* Every participant of the council is a candidate: names are compared
  ** folded (accents, case, punctuation), which SQL cannot do alike on
  ** both backends. A council has hundreds, a few thousand at most. */
  DbStmt *p = db_prepare(pDb, "SELECT " PART_COLUMNS PART_FROM
                              "WHERE p.council_id = ? ORDER BY p.id");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, iCouncil);
  Participant *aHave = NULL;
  int nHave = 0, nAlloc = 0, rc;
  while ((rc = db_step(p)) == DB_ROW) {
    aHave = arena_grow(pArena, aHave, nHave, &nAlloc, sizeof(Participant));
    part_from_row(pArena, p, &aHave[nHave++]);
  }
  db_done(p);
  if (rc != DB_DONE) return DB_ERROR;
  ParticipantKey want = key_of(pArena, pPart);
  ParticipantKey *aKey =
      arena_alloc(pArena, sizeof(ParticipantKey) * (size_t)(nHave + 1));
  for (int i = 0; i < nHave; i++) aKey[i] = key_of(pArena, &aHave[i]);
  int iFound = participant_find(&want, aKey, nHave);
  if (iFound < 0) {
    Participant neu = *pPart;
    neu.id = 0;
    rc = participant_save(pDb, iCouncil, iUser, &neu);
    if (rc == DB_OK) {
      *piId = neu.id;
      if (pbNew) *pbNew = 1;
    }
    return rc;
  }
  /* Found: it only gains what it lacked, and only from someone signed in.
  ** What a visitor types in the public enrolment form (iUser 0) changes no
  ** record: knowing a leader's RUN, or her name and organization, a
  ** stranger would otherwise attach their own e-mail to her and receive
  ** her course mail and certificate. */
  *piId = aHave[iFound].id;
  if (iUser <= 0) return DB_OK;
  Participant have = aHave[iFound];
  int bChange = 0;
#define GAIN(f)                                \
  if (!have.f[0] && pPart->f && pPart->f[0]) { \
    have.f = pPart->f;                         \
    bChange = 1;                               \
  }
  GAIN(zEmail)
  GAIN(zPhone)
  GAIN(zCommuneCode)
#undef GAIN
  if (!have.zRun[0] && pPart->zRun && pPart->zRun[0] &&
      !participant_find_contact(pDb, iCouncil, pPart->zRun, "")) {
    have.zRun = pPart->zRun;
    bChange = 1;
  }
  if (!have.iOrganization && !have.zOrganization[0] &&
      (pPart->iOrganization ||
       (pPart->zOrganization && pPart->zOrganization[0]))) {
    have.iOrganization = pPart->iOrganization;
    have.zOrganization = pPart->zOrganization;
    bChange = 1;
  }
  return bChange ? participant_save(pDb, iCouncil, iUser, &have) : DB_OK;
}

int participant_resolve(Db *pDb, int64_t iCouncil, int64_t iUser,
                        const Participant *pPart, int64_t *piId, int *pbNew) {
  *piId = 0;
  if (pbNew) *pbNew = 0;
  /* The candidates are read afresh for each person and dropped after: in
  ** the request's arena, a list of 1000 people to enrol in a council of
  ** 2000 kept two million copies (1.3 GB, 17 s under the write lock). */
  Arena *pScratch = arena_new();
  int rc = resolve_in(pDb, pScratch, iCouncil, iUser, pPart, piId, pbNew);
  arena_free(pScratch);
  return rc;
}

int participant_activities(Db *pDb, Arena *pArena, int64_t iCouncil,
                           int64_t iParticipant, ParticipantActivity **paAct,
                           int *pnAct) {
  *paAct = NULL;
  *pnAct = 0;
  DbStmt *p = db_prepare(
      pDb,
      "SELECT a.id, a.title, a.starts_at, t.status FROM attendance t JOIN "
      "activities a ON a.id = t.activity_id WHERE a.council_id = ? AND "
      "t.participant_id = ? ORDER BY a.starts_at DESC, a.id DESC");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, iCouncil);
  db_bind_int64(p, 2, iParticipant);
  int nAlloc = 0, rc;
  while ((rc = db_step(p)) == DB_ROW) {
    *paAct = arena_grow(pArena, *paAct, *pnAct, &nAlloc,
                        sizeof(ParticipantActivity));
    ParticipantActivity *a = &(*paAct)[(*pnAct)++];
    a->iActivity = db_column_int64(p, 0);
    a->zTitle = people_col(pArena, p, 1);
    a->iStart = db_column_int64(p, 2);
    a->zStatus = people_col(pArena, p, 3);
  }
  db_done(p);
  return rc == DB_DONE ? DB_OK : DB_ERROR;
}
