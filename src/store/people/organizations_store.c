/*
** Organizations of the council: reading, checking and saving them.
*/
#include <string.h>

#include "domain/people.h"
#include "domain/rut.h"
#include "store/people/people_internal.h"
#include "util/text.h"

#define ORG_COLUMNS                                                    \
  "o.id, o.name, o.kind, coalesce(o.rut, ''), o.legal_number, "        \
  "o.commune_code, c.name, p.name, o.contact_name, o.email, o.phone, " \
  "o.is_member "
#define ORG_FROM                                          \
  "FROM organizations o "                                 \
  "JOIN territory_communes c ON c.code = o.commune_code " \
  "JOIN territory_provinces p ON p.code = c.province_code "

static const DbMap org_from_row_map =
    DB_MAP(Organization, "ittttttttttn", id, zName, zKind, zRut, zLegalNumber,
           zCommuneCode, zCommuneName, zProvinceName, zContactName, zEmail,
           zPhone, bMember);

int people_org_list(Db *pDb, Arena *pArena, int64_t iCouncil,
                    const PeopleFilter *pFilter, Organization **paOrg,
                    int *pnOrg) {
  return people_list_rows(
      pDb,
      "SELECT " ORG_COLUMNS ", count(*) OVER () " ORG_FROM
      "WHERE o.council_id = ? "
      "AND (? = '' OR lower(o.name) LIKE ? ESCAPE '\\' "
      "OR lower(o.contact_name) LIKE ? ESCAPE '\\') "
      "AND (? = '' OR p.code = ?) AND (? = '' OR o.commune_code = ?) "
      "AND (? = '' OR o.kind = ?) ORDER BY o.name, o.id LIMIT ? OFFSET ?",
      pArena, iCouncil, pFilter, 3, 2, 0, NULL, &org_from_row_map, paOrg,
      pnOrg);
}

int people_org_get(Db *pDb, Arena *pArena, int64_t iCouncil, int64_t iId,
                   Organization *pOrg) {
  return db_get_council_row(pDb, pArena, &org_from_row_map, pOrg,
                            "SELECT " ORG_COLUMNS ORG_FROM
                            "WHERE o.council_id = ? AND o.id = ?",
                            iCouncil, iId);
}

int64_t people_org_find(Db *pDb, int64_t iCouncil, const char *zRut,
                        const char *zName) {
  return db_int(pDb, 0,
                "SELECT id FROM organizations WHERE council_id = ? AND ((? "
                "<> '' AND rut = ?) OR (? <> '' AND lower(name) = lower(?))) "
                "ORDER BY id",
                DB_I(iCouncil), DB_TE(zRut), DB_TE(zRut), DB_TE(zName),
                DB_TE(zName));
}

static const PeopleChoiceField kind_field = {
    "tipo", &people_org_kinds, NULL, "Elija el tipo de organización.",
    "El tipo de organización no es uno de la lista (junta de vecinos, comité "
    "de vivienda, …)."};

void people_org_check(Db *pDb, Arena *pArena, int64_t iCouncil,
                      const TerritoryIndex *pIdx, PeopleFieldGetter xGet,
                      void *pCtx, int64_t iSelf, Organization *pOrg,
                      PeopleProblems *pProblems) {
  memset(pOrg, 0, sizeof(*pOrg));
  pOrg->id = iSelf;
  pOrg->zName = people_get(pArena, xGet, pCtx, "nombre");
  problem_add(pProblems, "nombre", text_single_line_problem(pOrg->zName));
  if (!pOrg->zName[0]) {
    problem_add(pProblems, "nombre", "Escriba el nombre de la organización.");
  } else if (strlen(pOrg->zName) > 200) {
    problem_add(pProblems, "nombre",
                "El nombre es demasiado largo (máximo 200 caracteres).");
  }
  pOrg->zKind = people_check_choice(pArena, xGet, pCtx, &kind_field, pProblems);
  const char *zRut = people_get(pArena, xGet, pCtx, "rut");
  pOrg->zRut = "";
  if (zRut[0]) {
    char zNorm[RUT_NORM_MAX];
    const char *zReason = NULL;
    if (!rut_parse(zRut, zNorm, &zReason)) {
      problem_add(pProblems, "rut",
                  arena_printf(pArena, "El RUT %s.", zReason));
    } else {
      pOrg->zRut = arena_strdup(pArena, zNorm);
      int64_t iOther = people_org_find(pDb, iCouncil, pOrg->zRut, NULL);
      if (iOther && iOther != iSelf) {
        problem_add(pProblems, "rut",
                    "Ya hay una organización registrada con ese RUT.");
      }
    }
  }
  pOrg->zLegalNumber = people_get(pArena, xGet, pCtx, "personalidad_juridica");
  pOrg->zCommuneCode = people_check_commune(
      pArena, pIdx, people_get(pArena, xGet, pCtx, "comuna"), pProblems);
  pOrg->zContactName = people_get(pArena, xGet, pCtx, "contacto");
  pOrg->zEmail = people_check_email(
      pArena, people_get(pArena, xGet, pCtx, "correo"), 0, "correo", pProblems);
  pOrg->zPhone = people_get(pArena, xGet, pCtx, "telefono");
  if (pOrg->zPhone[0]) {
    problem_add(pProblems, "telefono", people_phone_problem(pOrg->zPhone));
  }
  const char *zMember = people_get(pArena, xGet, pCtx, "miembro");
  char zKey[TERRITORY_KEY_MAX];
  territory_fold(zMember, zKey);
  pOrg->bMember = !(strcmp(zKey, "no") == 0 || strcmp(zKey, "0") == 0);
}

int people_org_save(Db *pDb, int64_t iCouncil, Organization *pOrg) {
  return people_save(
      pDb, iCouncil, &pOrg->id,
      "INSERT INTO organizations(name, kind, rut, legal_number, "
      "commune_code, contact_name, email, phone, is_member, updated_at, "
      "created_at, council_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "RETURNING id",
      "UPDATE organizations SET name = ?, kind = ?, rut = ?, legal_number = "
      "?, commune_code = ?, contact_name = ?, email = ?, phone = ?, "
      "is_member = ?, updated_at = ?, version = version + 1 WHERE id = ? "
      "AND council_id = ?",
      DB_T(pOrg->zName), DB_T(pOrg->zKind), DB_TN(pOrg->zRut),
      DB_T(pOrg->zLegalNumber), DB_T(pOrg->zCommuneCode),
      DB_T(pOrg->zContactName), DB_T(pOrg->zEmail), DB_T(pOrg->zPhone),
      DB_I(pOrg->bMember ? 1 : 0));
}
