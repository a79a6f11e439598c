/*
** People and places, stored: the territory, organizations, councillors,
** their account invitations and the directory of authorities.
**
** All SQL about these tables lives in the src/people/ store files, with bound
** parameters, in the dialect SQLite and PostgreSQL share. Pages call these
** functions and never write SQL of their own about people.
**
** Validation is shared by forms and CSV import: a record is read through a
** PeopleFieldGetter (a form's fields or a CSV row's columns, by the same
** Spanish names), checked completely into PeopleProblems, and only then
** saved. Strings in the structs below live in the caller's arena.
**
** Personal data (RUN, e-mail, phone) is read only by functions meant for
** the officer; the public list (people_member_list with bPublic) does not
** even select those columns.
*/
#ifndef COSOC_PEOPLE_PEOPLE_H
#define COSOC_PEOPLE_PEOPLE_H

#include <stdint.h>

#include "db/db.h"
#include "domain/problems.h"
#include "domain/territory.h"
#include "util/arena.h"
#include "util/list_page.h"

/* ---- Problems found while checking a record ---- */
/* One Spanish sentence per field (problems_init, problem_add). */
typedef Problems PeopleProblems;

/* Reads one named field of the record being checked; NULL when absent. */
typedef const char *(*PeopleFieldGetter)(void *pCtx, const char *zName);

/* ---- Territory ---- */
typedef struct TerritoryCommune {
  const char *zCode;         /* "04105" */
  const char *zName;         /* "Paiguano" */
  const char *zProvinceCode; /* "041" */
  const char *zProvinceName; /* The province's official name */
  const char *zRegionCode;   /* "04" */
  const char *zRegionName;   /* The region's official name */
  const char *zKey;          /* territory_fold(zName) */
} TerritoryCommune;

/* Every commune, ordered by code, loaded once per process and shared by
** every thread: read-only (territory_store.c). */
typedef struct TerritoryIndex {
  TerritoryCommune *aCommune;
  int nCommune;
} TerritoryIndex;

int territory_index_load(Db *pDb, Arena *pArena, TerritoryIndex *pIdx);
/* The commune for what a person wrote: its code ("04101", or "4101" as
** spreadsheets shorten it), its name in any case or accents, or a known
** alternative spelling. NULL when nothing matches. */
const TerritoryCommune *territory_index_resolve(const TerritoryIndex *pIdx,
                                                const char *zInput);
const TerritoryCommune *territory_index_code(const TerritoryIndex *pIdx,
                                             const char *zCode);
/* The region's name, or NULL when there is no such region. */
const char *territory_region_name(Db *pDb, Arena *pArena, const char *zCode);

/* ---- Filters for the officer's lists ---- */
typedef struct PeopleFilter {
  const char *zQuery;    /* Words in a name, organization or institution */
  const char *zProvince; /* "041", or NULL/"" for any */
  const char *zCommune;  /* 5-digit CUT code, or NULL/"" for any */
  const char *zRole;     /* council role or directory kind slug */
  const char *zStatus;   /* status slug */
  ListPage *pPage;       /* The page to read (util/list_page.h), its total
                         ** set; NULL: every row (exports, selects) */
} PeopleFilter;

/* ---- Organizations ---- */
typedef struct Organization {
  int64_t id; /* 0 before it is saved */
  const char *zName;
  const char *zKind;        /* people_org_kinds slug */
  const char *zRut;         /* Stored form, or "" when unknown */
  const char *zLegalNumber; /* Personalidad jurídica N° */
  const char *zCommuneCode;
  const char *zCommuneName;  /* Filled when read */
  const char *zProvinceName; /* Filled when read */
  const char *zContactName;
  const char *zEmail;
  const char *zPhone;
  int bMember; /* A member organization of the council */
} Organization;

int people_org_list(Db *pDb, Arena *pArena, int64_t iCouncil,
                    const PeopleFilter *pFilter, Organization **paOrg,
                    int *pnOrg);
/* DB_OK, or DB_DONE when there is no such organization in the council. */
int people_org_get(Db *pDb, Arena *pArena, int64_t iCouncil, int64_t iId,
                   Organization *pOrg);
/* Checks the fields nombre, tipo, rut, personalidad_juridica, comuna,
** contacto, correo, telefono, miembro into *pOrg. iSelf is the id being
** edited (0 for a new one), for the duplicate check. */
void people_org_check(Db *pDb, Arena *pArena, int64_t iCouncil,
                      const TerritoryIndex *pIdx, PeopleFieldGetter xGet,
                      void *pCtx, int64_t iSelf, Organization *pOrg,
                      PeopleProblems *pProblems);
/* Inserts (id 0) or updates; sets pOrg->id. */
int people_org_save(Db *pDb, int64_t iCouncil, Organization *pOrg);
/* The organization with this stored RUT, or with this name (any case);
** 0 when none. */
int64_t people_org_find(Db *pDb, int64_t iCouncil, const char *zRut,
                        const char *zName);

/* ---- Councillors ---- */
typedef struct Member {
  int64_t id;
  const char *zFirstNames;
  const char *zLastNames;
  const char *zRun;   /* Stored form; "" in public lists */
  const char *zEmail; /* "" in public lists */
  const char *zPhone; /* "" in public lists */
  const char *zCommuneCode;
  const char *zCommuneName;
  const char *zProvinceName;
  const char *zGender;       /* people_genders slug */
  int64_t iOrganization;     /* 0 when none */
  const char *zOrganization; /* Its name */
  const char *zRole;         /* people_council_roles slug */
  int bTitular;
  int64_t iSubstituteFor;     /* The titular a suplente covers, 0 if none */
  const char *zSubstituteFor; /* That titular's name */
  const char *zSubstituteRun; /* Import: titular's RUN still to resolve */
  const char *zTermStart;     /* YYYY-MM-DD */
  const char *zTermEnd;
  const char *zStatus;     /* people_member_statuses slug */
  const char *zStatusDate; /* YYYY-MM-DD or "" */
  const char *zStatusReason;
  int64_t iUserId; /* Account, 0 when none yet */
} Member;

/* bPublic: only councillors in office, and without RUN, e-mail or phone. */
int people_member_list(Db *pDb, Arena *pArena, int64_t iCouncil,
                       const PeopleFilter *pFilter, int bPublic,
                       Member **paMember, int *pnMember);
int people_member_get(Db *pDb, Arena *pArena, int64_t iCouncil, int64_t iId,
                      Member *pMember);
/* Checks nombres, apellidos, run, correo, telefono, comuna, genero,
** organizacion ("#ID", a RUT or a name), cargo, calidad, suplente_de ("#ID"
** or the titular's RUN; azPendingRun are RUNs of titulars earlier in the
** same import), inicio_periodo, fin_periodo (default: the term length after
** the start), estado, fecha_estado, motivo_estado. */
void people_member_check(Db *pDb, Arena *pArena, int64_t iCouncil,
                         const TerritoryIndex *pIdx, PeopleFieldGetter xGet,
                         void *pCtx, int64_t iSelf,
                         const char *const *azPendingRun, int nPendingRun,
                         Member *pMember, PeopleProblems *pProblems);
int people_member_save(Db *pDb, int64_t iCouncil, Member *pMember);
/* The member with this stored RUN, 0 when none. */
int64_t people_member_by_run(Db *pDb, int64_t iCouncil, const char *zRun);
/* The council member iMember belongs to, 0 when there is none: for a link
** that names the member by a secret token (an invitation). */
int64_t people_member_council(Db *pDb, int64_t iMember);
/* The display name "Nombres Apellidos". */
const char *people_member_name(Arena *pArena, const Member *pMember);

/* ---- Invitations ---- */
#define PEOPLE_INVITATION_DAYS 14
/* A fresh single-use link token for the member (shown once); older unused
** invitations of the member stop working. */
int people_invitation_create(Db *pDb, int64_t iMember, int64_t iBy,
                             char zToken[44]);
/* The member a live invitation token belongs to, or 0. */
int64_t people_invitation_member(Db *pDb, const char *zToken);
/* Uses the invitation: creates the councillor's account with zPassword,
** links it to the member, marks the invitation used — all or nothing.
** Returns DB_OK or DB_ERROR with a Spanish reason in *pzErr. */
int people_invitation_accept(Db *pDb, Arena *pArena, const char *zToken,
                             const char *zPassword, int64_t *piUser,
                             const char **pzErr);

/* ---- Directory of authorities and services ---- */
typedef struct DirectoryEntry {
  int64_t id;
  const char *zPersonName;
  const char *zPosition;
  const char *zInstitution;
  const char *zKind;         /* people_directory_kinds slug */
  const char *zProvinceCode; /* "" when none */
  const char *zCommuneCode;  /* "" when none */
  const char *zPlaceName;    /* Commune or province name, when read */
  const char *zEmail;
  const char *zPhone;
  const char *zReason;
  const char *zStatus; /* people_directory_statuses slug */
} DirectoryEntry;

int people_directory_list(Db *pDb, Arena *pArena, int64_t iCouncil,
                          const PeopleFilter *pFilter, DirectoryEntry **paEntry,
                          int *pnEntry);
int people_directory_get(Db *pDb, Arena *pArena, int64_t iCouncil, int64_t iId,
                         DirectoryEntry *pEntry);
/* Checks nombre, cargo, institucion, tipo, provincia, comuna, correo,
** telefono, motivo, estado. */
void people_directory_check(Db *pDb, Arena *pArena, const TerritoryIndex *pIdx,
                            PeopleFieldGetter xGet, void *pCtx,
                            DirectoryEntry *pEntry, PeopleProblems *pProblems);
int people_directory_save(Db *pDb, int64_t iCouncil, DirectoryEntry *pEntry);

/* ---- CSV import ---- */
#define PEOPLE_IMPORT_ERRORS_MAX 500

typedef struct PeopleImportError {
  int iLine;            /* Line in the file where the row starts */
  const char *zColumn;  /* Column at fault, or NULL */
  const char *zMessage; /* Spanish */
} PeopleImportError;

typedef struct PeopleImportResult {
  int nRow;      /* Data rows read */
  int nImported; /* Rows written (0 when any was refused) */
  int nError;
  PeopleImportError *aError; /* Every problem of every bad row */
} PeopleImportResult;

/* The columns of each import, in template order, with their Spanish
** explanation for the import page. */
typedef struct PeopleImportColumn {
  const char *zName; /* Header in the file */
  int bRequired;
  const char *zHelp;
} PeopleImportColumn;

extern const PeopleImportColumn people_member_columns[];
extern const int people_member_columns_count;
extern const PeopleImportColumn people_org_columns[];
extern const int people_org_columns_count;

/* Reads a whole CSV file, checks every row, and writes all rows in one
** transaction only when none has a problem. DB_OK when the file was read
** (look at pResult->nError), DB_ERROR on a database failure. */
int people_import_members(Db *pDb, Arena *pArena, int64_t iCouncil,
                          const char *zCsv, size_t nCsv,
                          PeopleImportResult *pResult);
int people_import_orgs(Db *pDb, Arena *pArena, int64_t iCouncil,
                       const char *zCsv, size_t nCsv,
                       PeopleImportResult *pResult);
/* The template file: the header row and one example row, UTF-8 with BOM,
** ';'-separated as Excel-CL expects. */
const char *people_import_template(Arena *pArena, int bMembers);

#endif
