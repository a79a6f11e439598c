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

static const DbMap part_map =
    DB_MAP(Participant, "ittttitttttn", id, zName, zRun, zEmail, zPhone,
           iOrganization, zOrganization, zCommuneCode, zCommuneName,
           zProvinceCode, zProvinceName, iVersion);

int participant_list(Db *pDb, Arena *pArena, int64_t iCouncil,
                     const PeopleFilter *pFilter, Participant **paPart,
                     int *pnPart) {
  const char *zLike = people_like_pattern(pArena, pFilter->zQuery);
  const char *zProv = pFilter->zProvince ? pFilter->zProvince : "";
  const char *zCom = pFilter->zCommune ? pFilter->zCommune : "";
  /* The same statement again from the start when the page asked for lies
  ** past the end: its first row tells how many there are. */
  ListPage first = {.nLimit = 1};
  ListPage *pPage = pFilter->pPage;
  int rc = DB_DONE;
  for (int k = 0; k < 2 && rc == DB_DONE; k++, pPage = &first) {
    DbStmt *p = db_query(
        pDb,
        "SELECT " PART_COLUMNS ", count(*) OVER () " PART_FROM
        "WHERE p.council_id = ? AND (? = '' OR lower(p.name) LIKE ? "
        "ESCAPE '\\' OR lower(p.email) LIKE ? ESCAPE '\\' OR "
        "lower(coalesce(o.name, p.organization_name)) LIKE ? ESCAPE '\\') "
        "AND (? = '' OR c.province_code = ?) AND (? = '' OR "
        "p.commune_code = ?) ORDER BY p.name, p.id LIMIT ? OFFSET ?",
        DB_I(iCouncil), DB_T(zLike), DB_T(zLike), DB_T(zLike), DB_T(zLike),
        DB_T(zProv), DB_T(zProv), DB_T(zCom), DB_T(zCom), DB_I(0), DB_I(0));
    if (k == 0) {
      rc = people_page_rows(p, 10, pArena, &part_map, pPage, paPart, pnPart);
    } else {
      Participant *pFirst = NULL;
      int nFirst = 0;
      rc = people_page_rows(p, 10, pArena, &part_map, pPage, &pFirst, &nFirst);
      pFilter->pPage->nTotal = first.nTotal;
    }
  }
  return rc == DB_OK ? DB_OK : DB_ERROR;
}

int participant_get(Db *pDb, Arena *pArena, int64_t iCouncil, int64_t iId,
                    Participant *pPart) {
  return db_get_council_row(pDb, pArena, &part_map, pPart,
                            "SELECT " PART_COLUMNS PART_FROM
                            "WHERE p.council_id = ? AND p.id = ?",
                            iCouncil, iId);
}

int64_t participant_find_contact(Db *pDb, int64_t iCouncil, const char *zRun,
                                 const char *zEmail) {
  return db_int(pDb, 0,
                "SELECT id FROM participants WHERE council_id = ? AND "
                "((? <> '' AND run = ?) OR (? <> '' AND email = ?)) ORDER BY "
                "CASE WHEN run = ? THEN 0 ELSE 1 END, id",
                DB_I(iCouncil), DB_TE(zRun), DB_TE(zRun), DB_TE(zEmail),
                DB_TE(zEmail), DB_TE(zRun));
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
                               "nombre o su código CUT.",
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

int participant_save(Db *pDb, int64_t iCouncil, int64_t iUser,
                     Participant *pPart) {
  int bNew = pPart->id == 0;
  int64_t now = db_now();
  const char *zOrgName = pPart->iOrganization ? "" : pPart->zOrganization;
  return db_exec_id(
      pDb,
      bNew ? "INSERT INTO participants (name, run, email, phone, "
             "organization_id, organization_name, commune_code, updated_by, "
             "updated_at, council_id, created_at) VALUES (?, ?, ?, ?, ?, ?, "
             "?, ?, ?, ?, ?) RETURNING id"
           : "UPDATE participants SET name = ?, run = ?, email = ?, phone = "
             "?, organization_id = ?, organization_name = ?, commune_code = "
             "?, updated_by = ?, version = version + 1, updated_at = ? "
             "WHERE council_id = ? AND id = ? RETURNING id",
      &pPart->id, DB_T(pPart->zName), DB_TN(pPart->zRun), DB_TE(pPart->zEmail),
      DB_TE(pPart->zPhone), DB_IN(pPart->iOrganization), DB_TE(zOrgName),
      DB_TN(pPart->zCommuneCode), DB_IN(iUser), DB_I(now), DB_I(iCouncil),
      DB_I(bNew ? now : pPart->id));
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
  Participant *aHave = NULL;
  int nHave = 0;
  int rc = db_list(pDb, pArena, &part_map, &aHave, &nHave,
                   "SELECT " PART_COLUMNS PART_FROM
                   "WHERE p.council_id = ? ORDER BY p.id",
                   DB_I(iCouncil));
  if (rc != DB_OK) return DB_ERROR;
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

static const DbMap activity_map =
    DB_MAP(ParticipantActivity, "itit", iActivity, zTitle, iStart, zStatus);

int participant_activities(Db *pDb, Arena *pArena, int64_t iCouncil,
                           int64_t iParticipant, ParticipantActivity **paAct,
                           int *pnAct) {
  return db_list(
      pDb, pArena, &activity_map, paAct, pnAct,
      "SELECT a.id, a.title, a.starts_at, t.status FROM attendance t JOIN "
      "activities a ON a.id = t.activity_id WHERE a.council_id = ? AND "
      "t.participant_id = ? ORDER BY a.starts_at DESC, a.id DESC",
      DB_I(iCouncil), DB_I(iParticipant));
}
