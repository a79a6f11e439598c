/*
** Councillors: reading, checking and saving them.
**
** The public list selects no personal column at all (RUN, e-mail, phone),
** so no later change to a page can leak them by accident.
*/
#include <stdlib.h>
#include <string.h>

#include "domain/people.h"
#include "domain/rut.h"
#include "store/people/people_internal.h"
#include "util/text.h"

#define MEMBER_FROM                                         \
  "FROM members m "                                         \
  "JOIN territory_communes c ON c.code = m.commune_code "   \
  "JOIN territory_provinces p ON p.code = c.province_code " \
  "LEFT JOIN organizations o ON o.id = m.organization_id "  \
  "LEFT JOIN members t ON t.id = m.substitute_for "

/* Columns 0-18 shared by both lists; then RUN, e-mail, phone and account,
** which the public list does not even select (empty and 0 in their
** place). */
#define MEMBER_COLUMNS                                                   \
  "m.id, m.first_names, m.last_names, m.commune_code, c.name, p.name, "  \
  "m.gender, coalesce(m.organization_id, 0), coalesce(o.name, ''), "     \
  "m.council_role, m.titular, coalesce(m.substitute_for, 0), "           \
  "coalesce(t.first_names || ' ' || t.last_names, ''), m.term_start, "   \
  "m.term_end, m.status, coalesce(m.status_date, ''), m.status_reason, " \
  "'', "
#define MEMBER_PRIVATE_COLUMNS \
  "m.run, m.email, m.phone, coalesce(m.user_id, 0) "
#define MEMBER_PUBLIC_COLUMNS "'', '', '', 0 "

/* Council roles first by rank, then titulars before their suplentes. */
#define MEMBER_ORDER                                                   \
  " ORDER BY CASE m.council_role WHEN 'presidente' THEN 1 "            \
  "WHEN 'vicepresidente' THEN 2 WHEN 'secretario' THEN 3 ELSE 4 END, " \
  "m.titular DESC, m.last_names, m.first_names, m.id"

#define MEMBER_WHERE                                                   \
  "WHERE m.council_id = ? "                                            \
  "AND (? = '' OR lower(m.first_names || ' ' || m.last_names) LIKE ? " \
  "ESCAPE '\\' OR lower(coalesce(o.name, '')) LIKE ? ESCAPE '\\') "    \
  "AND (? = '' OR p.code = ?) AND (? = '' OR m.commune_code = ?) "     \
  "AND (? = '' OR m.council_role = ?) AND (? = '' OR m.status = ?) "

static const DbMap member_map =
    DB_MAP(Member, "ittttttittnitttttttttti", id, zFirstNames, zLastNames,
           zCommuneCode, zCommuneName, zProvinceName, zGender, iOrganization,
           zOrganization, zRole, bTitular, iSubstituteFor, zSubstituteFor,
           zTermStart, zTermEnd, zStatus, zStatusDate, zStatusReason,
           zSubstituteRun, zRun, zEmail, zPhone, iUserId);

int people_member_list(Db *pDb, Arena *pArena, int64_t iCouncil,
                       const PeopleFilter *pFilter, int bPublic,
                       Member **paMember, int *pnMember) {
  const char *zStatus = pFilter->zStatus ? pFilter->zStatus : "";
  /* Blocked (objection) and erased people are not on public pages
  ** (issue 21); the public sees the council as it is today. */
  return people_list_rows(
      pDb,
      bPublic ? "SELECT " MEMBER_COLUMNS MEMBER_PUBLIC_COLUMNS
                ", count(*) OVER () " MEMBER_FROM MEMBER_WHERE
                "AND m.blocked_at IS NULL AND m.erased_at IS "
                "NULL " MEMBER_ORDER " LIMIT ? OFFSET ?"
              : "SELECT " MEMBER_COLUMNS MEMBER_PRIVATE_COLUMNS
                ", count(*) OVER () " MEMBER_FROM MEMBER_WHERE MEMBER_ORDER
                " LIMIT ? OFFSET ?",
      pArena, iCouncil, pFilter, 3, 2, 1, bPublic ? "vigente" : zStatus,
      &member_map, paMember, pnMember);
}

int people_member_get(Db *pDb, Arena *pArena, int64_t iCouncil, int64_t iId,
                      Member *pMember) {
  return db_get_council_row(
      pDb, pArena, &member_map, pMember,
      "SELECT " MEMBER_COLUMNS MEMBER_PRIVATE_COLUMNS MEMBER_FROM
      "WHERE m.council_id = ? AND m.id = ?",
      iCouncil, iId);
}

int64_t people_member_by_run(Db *pDb, int64_t iCouncil, const char *zRun) {
  return db_int(pDb, 0,
                "SELECT id FROM members WHERE council_id = ? AND run = ?",
                DB_I(iCouncil), DB_T(zRun));
}

/* Another member of the council with this e-mail, 0 when none. */
static int64_t member_by_email(Db *pDb, int64_t iCouncil, const char *zEmail) {
  return db_int(pDb, 0,
                "SELECT id FROM members WHERE council_id = ? AND email = ?",
                DB_I(iCouncil), DB_T(zEmail));
}

const char *people_member_name(Arena *pArena, const Member *pMember) {
  return arena_printf(pArena, "%s %s", pMember->zFirstNames,
                      pMember->zLastNames);
}

/* "#12" → 12; anything else → 0. */
static int64_t hash_id(const char *z) {
  if (z[0] != '#' || !z[1] || strspn(z + 1, "0123456789") != strlen(z + 1)) {
    return 0;
  }
  return strtoll(z + 1, NULL, 10);
}

static void check_names_and_run(Db *pDb, Arena *pArena, int64_t iCouncil,
                                PeopleFieldGetter xGet, void *pCtx,
                                int64_t iSelf, Member *p, PeopleProblems *pP) {
  p->zFirstNames = people_get(pArena, xGet, pCtx, "nombres");
  p->zLastNames = people_get(pArena, xGet, pCtx, "apellidos");
  /* Names go into mail headers and lists: one line of plain text. */
  problem_add(pP, "nombres", text_single_line_problem(p->zFirstNames));
  problem_add(pP, "apellidos", text_single_line_problem(p->zLastNames));
  if (!p->zFirstNames[0]) problem_add(pP, "nombres", "Escriba los nombres.");
  if (!p->zLastNames[0]) problem_add(pP, "apellidos", "Escriba los apellidos.");
  if (strlen(p->zFirstNames) > 120 || strlen(p->zLastNames) > 120) {
    problem_add(pP, "nombres", "El nombre es demasiado largo.");
  }
  const char *zRun = people_get(pArena, xGet, pCtx, "run");
  char zNorm[RUT_NORM_MAX];
  const char *zReason = NULL;
  p->zRun = "";
  if (!zRun[0]) {
    problem_add(pP, "run", "Escriba el RUN.");
  } else if (!rut_parse(zRun, zNorm, &zReason)) {
    problem_add(pP, "run", arena_printf(pArena, "El RUN %s.", zReason));
  } else {
    p->zRun = arena_strdup(pArena, zNorm);
    int64_t iOther = people_member_by_run(pDb, iCouncil, p->zRun);
    if (iOther && iOther != iSelf) {
      problem_add(pP, "run", "Ya hay un consejero o consejera con ese RUN.");
    }
  }
}

static const PeopleChoiceField gender_field = {
    "genero", &people_genders, "no_informa", NULL,
    "El género debe ser femenino, masculino, otro o no_informa."};

static void check_contact(Db *pDb, Arena *pArena, int64_t iCouncil,
                          const TerritoryIndex *pIdx, PeopleFieldGetter xGet,
                          void *pCtx, int64_t iSelf, Member *p,
                          PeopleProblems *pP) {
  p->zEmail = people_check_email(
      pArena, people_get(pArena, xGet, pCtx, "correo"), 0, "correo", pP);
  if (p->zEmail[0]) {
    int64_t iOther = member_by_email(pDb, iCouncil, p->zEmail);
    if (iOther && iOther != iSelf) {
      problem_add(pP, "correo",
                  "Ese correo ya es de otro consejero o consejera.");
    }
  }
  p->zPhone = people_get(pArena, xGet, pCtx, "telefono");
  if (p->zPhone[0])
    problem_add(pP, "telefono", people_phone_problem(p->zPhone));
  p->zCommuneCode = people_check_commune(
      pArena, pIdx, people_get(pArena, xGet, pCtx, "comuna"), pP);
  p->zGender = people_check_choice(pArena, xGet, pCtx, &gender_field, pP);
}

static void check_organization(Db *pDb, Arena *pArena, int64_t iCouncil,
                               PeopleFieldGetter xGet, void *pCtx, Member *p,
                               PeopleProblems *pP) {
  const char *zOrg = people_get(pArena, xGet, pCtx, "organizacion");
  p->iOrganization = 0;
  if (!zOrg[0]) {
    problem_add(pP, "organizacion", "Elija la organización que representa.");
    return;
  }
  int64_t iId = hash_id(zOrg);
  if (iId) {
    Organization org;
    if (people_org_get(pDb, pArena, iCouncil, iId, &org) == DB_OK) {
      p->iOrganization = iId;
    }
  } else {
    char zNorm[RUT_NORM_MAX];
    const char *zRut = rut_parse(zOrg, zNorm, NULL) ? zNorm : "";
    p->iOrganization = people_org_find(pDb, iCouncil, zRut, zOrg);
  }
  if (!p->iOrganization) {
    problem_add(pP, "organizacion",
                arena_printf(pArena,
                             "La organización «%s» no está "
                             "registrada; regístrela primero.",
                             zOrg));
  }
}

static const PeopleChoiceField role_field = {
    "cargo", &people_council_roles, "consejero", NULL,
    "El cargo debe ser presidente, vicepresidente, secretario o consejero."};

static void check_role(Db *pDb, Arena *pArena, int64_t iCouncil,
                       PeopleFieldGetter xGet, void *pCtx, int64_t iSelf,
                       const char *const *azPendingRun, int nPendingRun,
                       Member *p, PeopleProblems *pP) {
  p->zRole = people_check_choice(pArena, xGet, pCtx, &role_field, pP);
  const char *zKind = people_get(pArena, xGet, pCtx, "calidad");
  char zKey[TERRITORY_KEY_MAX];
  territory_fold(zKind, zKey);
  if (!zKey[0] || strcmp(zKey, "titular") == 0) {
    p->bTitular = 1;
  } else if (strcmp(zKey, "suplente") == 0) {
    p->bTitular = 0;
  } else {
    problem_add(pP, "calidad", "Indique «titular» o «suplente».");
  }
  const char *zOf = people_get(pArena, xGet, pCtx, "suplente_de");
  p->iSubstituteFor = 0;
  p->zSubstituteRun = "";
  if (!zOf[0]) return;
  if (p->bTitular) {
    problem_add(pP, "suplente_de",
                "Solo un suplente puede ser suplente de alguien.");
    return;
  }
  int64_t iId = hash_id(zOf);
  if (iId) {
    Member t;
    if (iId != iSelf &&
        people_member_get(pDb, pArena, iCouncil, iId, &t) == DB_OK &&
        t.bTitular) {
      p->iSubstituteFor = iId;
      return;
    }
  } else {
    char zNorm[RUT_NORM_MAX];
    if (rut_parse(zOf, zNorm, NULL)) {
      p->iSubstituteFor = people_member_by_run(pDb, iCouncil, zNorm);
      if (p->iSubstituteFor && p->iSubstituteFor != iSelf) return;
      p->iSubstituteFor = 0;
      for (int i = 0; i < nPendingRun; i++) {
        if (azPendingRun[i] && strcmp(azPendingRun[i], zNorm) == 0) {
          p->zSubstituteRun = arena_strdup(pArena, zNorm);
          return;
        }
      }
    }
  }
  problem_add(pP, "suplente_de",
              "El titular indicado en «suplente de» no está registrado.");
}

static const PeopleChoiceField status_field = {
    "estado", &people_member_statuses, "vigente", NULL,
    "El estado debe ser vigente, renunció, reemplazado o cesado."};

static void check_term_and_status(Db *pDb, Arena *pArena, int64_t iCouncil,
                                  PeopleFieldGetter xGet, void *pCtx, Member *p,
                                  PeopleProblems *pP) {
  p->zTermStart = people_get(pArena, xGet, pCtx, "inicio_periodo");
  const char *zProblem = people_date_problem(p->zTermStart);
  problem_add(pP, "inicio_periodo", zProblem);
  p->zTermEnd = people_get(pArena, xGet, pCtx, "fin_periodo");
  if (!p->zTermEnd[0] && !zProblem) {
    char zEnd[11];
    people_date_add_years(p->zTermStart, council_term_years(pDb, iCouncil),
                          zEnd);
    p->zTermEnd = arena_strdup(pArena, zEnd);
  } else if (p->zTermEnd[0]) {
    const char *zEndProblem = people_date_problem(p->zTermEnd);
    problem_add(pP, "fin_periodo", zEndProblem);
    if (!zProblem && !zEndProblem && strcmp(p->zTermEnd, p->zTermStart) <= 0) {
      problem_add(pP, "fin_periodo",
                  "El fin del periodo debe ser posterior a su inicio.");
    }
  }
  p->zStatus = people_check_choice(pArena, xGet, pCtx, &status_field, pP);
  p->zStatusDate = people_get(pArena, xGet, pCtx, "fecha_estado");
  p->zStatusReason = people_get(pArena, xGet, pCtx, "motivo_estado");
  int bChanged = p->zStatus[0] && strcmp(p->zStatus, "vigente") != 0;
  if (bChanged || p->zStatusDate[0]) {
    const char *zDateProblem = people_date_problem(p->zStatusDate);
    if (zDateProblem && bChanged && !p->zStatusDate[0]) {
      zDateProblem = "Indique desde qué fecha rige el cambio de estado.";
    }
    problem_add(pP, "fecha_estado", zDateProblem);
  }
  if (bChanged && !p->zStatusReason[0]) {
    problem_add(pP, "motivo_estado", "Indique el motivo del cambio de estado.");
  }
}

void people_member_check(Db *pDb, Arena *pArena, int64_t iCouncil,
                         const TerritoryIndex *pIdx, PeopleFieldGetter xGet,
                         void *pCtx, int64_t iSelf,
                         const char *const *azPendingRun, int nPendingRun,
                         Member *pMember, PeopleProblems *pProblems) {
  memset(pMember, 0, sizeof(*pMember));
  pMember->id = iSelf;
  check_names_and_run(pDb, pArena, iCouncil, xGet, pCtx, iSelf, pMember,
                      pProblems);
  check_contact(pDb, pArena, iCouncil, pIdx, xGet, pCtx, iSelf, pMember,
                pProblems);
  check_organization(pDb, pArena, iCouncil, xGet, pCtx, pMember, pProblems);
  check_role(pDb, pArena, iCouncil, xGet, pCtx, iSelf, azPendingRun,
             nPendingRun, pMember, pProblems);
  check_term_and_status(pDb, pArena, iCouncil, xGet, pCtx, pMember, pProblems);
}

int people_member_save(Db *pDb, int64_t iCouncil, Member *p) {
  return people_save(
      pDb, iCouncil, &p->id,
      "INSERT INTO members(first_names, last_names, run, email, phone, "
      "commune_code, gender, organization_id, council_role, titular, "
      "substitute_for, term_start, term_end, status, status_date, "
      "status_reason, updated_at, created_at, council_id) VALUES (?, ?, ?, "
      "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      "UPDATE members SET first_names = ?, last_names = ?, run = ?, email = "
      "?, phone = ?, commune_code = ?, gender = ?, organization_id = ?, "
      "council_role = ?, titular = ?, substitute_for = ?, term_start = ?, "
      "term_end = ?, status = ?, status_date = ?, status_reason = ?, "
      "updated_at = ?, version = version + 1 WHERE id = ? AND council_id = ?",
      DB_T(p->zFirstNames), DB_T(p->zLastNames), DB_T(p->zRun), DB_T(p->zEmail),
      DB_T(p->zPhone), DB_T(p->zCommuneCode), DB_T(p->zGender),
      DB_IN(p->iOrganization), DB_T(p->zRole), DB_I(p->bTitular ? 1 : 0),
      DB_IN(p->iSubstituteFor), DB_T(p->zTermStart), DB_T(p->zTermEnd),
      DB_T(p->zStatus), DB_TN(p->zStatusDate), DB_T(p->zStatusReason));
}

int64_t people_member_council(Db *pDb, int64_t iMember) {
  return db_int(pDb, 0, "SELECT council_id FROM members WHERE id = ?",
                DB_I(iMember));
}
