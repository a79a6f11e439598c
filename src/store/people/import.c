/*
** CSV import of councillors and organizations.
**
** All or nothing: every row is read and checked first (the same checks as
** the forms, plus duplicates inside the file); the officer gets every
** problem of every row; only a file without any problem is written, in one
** transaction.
*/
#include <string.h>

#include "domain/rut.h"
#include "export/export.h"
#include "store/people/people_internal.h"
#include "util/csv_read.h"

const PeopleImportColumn people_member_columns[] = {
    {"nombres", 1, "Nombres de la persona."},
    {"apellidos", 1, "Apellidos."},
    {"run", 1,
     "RUN con dígito verificador: 12.345.678-5, 12345678-5 o 123456785."},
    {"correo", 0, "Correo electrónico (para invitarle a crear su cuenta)."},
    {"telefono", 0, "Teléfono, por ejemplo +56 9 1234 5678."},
    {"comuna", 1,
     "Comuna donde vive: nombre (Vicuña, Paihuano) o código CUT (04106)."},
    {"genero", 0,
     "femenino, masculino, otro o no_informa (para el informe de paridad)."},
    {"organizacion", 1,
     "RUT o nombre exacto de la organización que representa; debe estar "
     "registrada antes."},
    {"cargo", 0,
     "presidente, vicepresidente, secretario o consejero (por omisión "
     "consejero)."},
    {"calidad", 0, "titular o suplente (por omisión titular)."},
    {"suplente_de", 0,
     "Si es suplente: RUN del titular (registrado o en una fila anterior)."},
    {"inicio_periodo", 1, "Inicio del periodo, AAAA-MM-DD."},
    {"fin_periodo", 0,
     "Fin del periodo, AAAA-MM-DD (por omisión, el largo del periodo del "
     "consejo)."},
    {"estado", 0,
     "vigente, renuncio, reemplazado o cesado (por omisión vigente)."},
    {"fecha_estado", 0, "Si no está vigente: desde cuándo, AAAA-MM-DD."},
    {"motivo_estado", 0, "Si no está vigente: el motivo."},
};
const int people_member_columns_count =
    (int)(sizeof(people_member_columns) / sizeof(people_member_columns[0]));

const PeopleImportColumn people_org_columns[] = {
    {"nombre", 1, "Nombre de la organización."},
    {"tipo", 1,
     "junta de vecinos, comité de vivienda, comité de allegados, cooperativa, "
     "unión comunal, ONG, fundación, corporación u otra."},
    {"rut", 0, "RUT de la organización."},
    {"personalidad_juridica", 0, "Número de personalidad jurídica."},
    {"comuna", 1, "Comuna: nombre o código CUT."},
    {"contacto", 0, "Persona de contacto."},
    {"correo", 0, "Correo electrónico de contacto."},
    {"telefono", 0, "Teléfono de contacto."},
    {"miembro", 0,
     "«sí» si es organización miembro del consejo, «no» si no (por omisión "
     "sí)."},
};
const int people_org_columns_count =
    (int)(sizeof(people_org_columns) / sizeof(people_org_columns[0]));

static const char *const azMemberExample[] = {"Ana María",
                                              "Rojas Pérez",
                                              "12.345.678-5",
                                              "ana.rojas@example.cl",
                                              "+56 9 1234 5678",
                                              "Vicuña",
                                              "femenino",
                                              "Junta de Vecinos Villa El Sol",
                                              "consejero",
                                              "titular",
                                              "",
                                              "2024-03-01",
                                              "2028-02-29",
                                              "vigente",
                                              "",
                                              ""};
static const char *const azOrgExample[] = {"Junta de Vecinos Villa El Sol",
                                           "junta de vecinos",
                                           "65.123.456-5",
                                           "1234",
                                           "Vicuña",
                                           "Pedro González",
                                           "contacto@example.cl",
                                           "+56 51 234 5678",
                                           "sí"};

/* The header row: which column of the file holds each known name. */
typedef struct ImportRow {
  const PeopleImportColumn *aCol; /* Known columns */
  int nCol;
  int aiPos[CSV_FIELDS_MAX]; /* aiPos[known column] = file column, -1 */
  const char **azField;      /* The current row */
  int nField;
} ImportRow;

static const char *row_get(void *pCtx, const char *zName) {
  ImportRow *p = pCtx;
  for (int i = 0; i < p->nCol; i++) {
    if (strcmp(p->aCol[i].zName, zName) == 0) {
      int iPos = p->aiPos[i];
      if (iPos < 0 || iPos >= p->nField) return NULL;
      const char *z = p->azField[iPos];
      /* Our own CSV exports put an apostrophe before cells a spreadsheet
      ** would run as formulas ("+56 9…"): re-importing drops it. */
      if (z[0] == '\'' && export_csv_cell_needs_guard(z + 1)) z++;
      return z;
    }
  }
  return NULL;
}

static void add_error(Arena *pArena, PeopleImportResult *pRes, int iLine,
                      const char *zColumn, const char *zMessage) {
  if (pRes->nError >= PEOPLE_IMPORT_ERRORS_MAX) return;
  if (!pRes->aError) {
    pRes->aError = arena_alloc(
        pArena, sizeof(PeopleImportError) * PEOPLE_IMPORT_ERRORS_MAX);
  }
  PeopleImportError *p = &pRes->aError[pRes->nError++];
  p->iLine = iLine;
  p->zColumn = zColumn;
  p->zMessage = zMessage;
}

/* Reads the header line into pRow; problems go to pRes (line 1). */
static int read_header(CsvReader *pRd, Arena *pArena, ImportRow *pRow,
                       PeopleImportResult *pRes) {
  const char **az;
  int n, iLine;
  int rc = csv_read_row(pRd, pArena, &az, &n, &iLine);
  if (rc == CSV_ERROR) {
    add_error(pArena, pRes, pRd->iLine, NULL, arena_strdup(pArena, pRd->zErr));
    return 0;
  }
  if (rc == CSV_DONE) {
    add_error(pArena, pRes, 1, NULL, "El archivo está vacío.");
    return 0;
  }
  for (int i = 0; i < pRow->nCol; i++) pRow->aiPos[i] = -1;
  for (int j = 0; j < n; j++) {
    char zKey[TERRITORY_KEY_MAX];
    territory_fold(az[j], zKey);
    for (char *s = zKey; *s; s++) {
      if (*s == ' ') *s = '_';
    }
    if (!zKey[0]) continue;
    int bKnown = 0;
    for (int i = 0; i < pRow->nCol; i++) {
      if (strcmp(pRow->aCol[i].zName, zKey) == 0) {
        pRow->aiPos[i] = j;
        bKnown = 1;
      }
    }
    if (!bKnown) {
      add_error(pArena, pRes, iLine, NULL,
                arena_printf(pArena, "La columna «%s» no es de la plantilla.",
                             az[j]));
    }
  }
  for (int i = 0; i < pRow->nCol; i++) {
    if (pRow->aCol[i].bRequired && pRow->aiPos[i] < 0) {
      add_error(
          pArena, pRes, iLine, NULL,
          arena_printf(pArena, "Falta la columna «%s».", pRow->aCol[i].zName));
    }
  }
  return pRes->nError == 0;
}

static void report_problems(Arena *pArena, PeopleImportResult *pRes, int iLine,
                            const PeopleProblems *pP) {
  for (int i = 0; i < pP->n; i++) {
    add_error(pArena, pRes, iLine, pP->azField[i], pP->azMessage[i]);
  }
}

/* After the last row: a reading error or an empty file is one more
** problem. 1 when every row is good, to be saved. */
static int rows_good(Arena *pArena, PeopleImportResult *pRes,
                     const CsvReader *pRd, int rc) {
  if (rc == CSV_ERROR) {
    add_error(pArena, pRes, pRd->iLine, NULL, arena_strdup(pArena, pRd->zErr));
  }
  if (pRes->nRow == 0 && pRes->nError == 0) {
    add_error(pArena, pRes, 2, NULL, "El archivo no tiene filas de datos.");
  }
  return pRes->nError == 0;
}

/* Saves the pRes->nRow checked rows of aRow in one transaction, row i by
** xSave: all or none. */
static int rows_save(Db *pDb, int64_t iCouncil, void *aRow,
                     PeopleImportResult *pRes,
                     int (*xSave)(Db *pDb, int64_t iCouncil, void *aRow,
                                  int i)) {
  if (db_begin(pDb) != DB_OK) return DB_ERROR;
  for (int i = 0; i < pRes->nRow; i++) {
    if (xSave(pDb, iCouncil, aRow, i) != DB_OK) {
      db_rollback(pDb);
      return DB_ERROR;
    }
  }
  if (db_commit(pDb) != DB_OK) return DB_ERROR;
  pRes->nImported = pRes->nRow;
  return DB_OK;
}

/* A member's titular is looked up by RUN once every row is in. */
static int member_save(Db *pDb, int64_t iCouncil, void *aRow, int i) {
  Member *p = &((Member *)aRow)[i];
  if (p->zSubstituteRun[0]) {
    p->iSubstituteFor = people_member_by_run(pDb, iCouncil, p->zSubstituteRun);
  }
  return people_member_save(pDb, iCouncil, p);
}

static int org_save(Db *pDb, int64_t iCouncil, void *aRow, int i) {
  return people_org_save(pDb, iCouncil, &((Organization *)aRow)[i]);
}

/* One import in progress: what the check of each kind's rows needs. */
typedef struct Import {
  Db *pDb;
  Arena *pArena;
  int64_t iCouncil;
  TerritoryIndex idx;       /* The communes, for the forms' checks */
  ImportRow row;            /* The file's columns and its current row */
  PeopleImportResult *pRes; /* pRes->nRow: the rows before the current */
  void *aRow;               /* The checked records (the kind's type) */
  int nAlloc;               /* Slots of aRow */
  /* What must not repeat in the file (a RUN, an e-mail, a name): nKey
  ** keys a row, azKey[iRow * nKey + iKey], NULL or "" when none. */
  int nKey;
  const char **azKey;
  int nKeyAlloc; /* Rows of azKey */
  void *pKind;   /* What else the kind keeps of the rows before */
} Import;

/* Whether key iKey of row iRow (one before the current) is z; a blank z
** never repeats. */
static int import_key_is(const Import *pImp, int iRow, int iKey,
                         const char *z) {
  const char *zKey = pImp->azKey[iRow * pImp->nKey + iKey];
  return z && z[0] && zKey && strcmp(zKey, z) == 0;
}

/* Whether any row before the current one has z as its key iKey. */
static int import_seen(const Import *pImp, int iKey, const char *z) {
  for (int i = 0; i < pImp->pRes->nRow; i++) {
    if (import_key_is(pImp, i, iKey, z)) return 1;
  }
  return 0;
}

/* Keeps z as the current row's key iKey, for the rows after. */
static void import_key_set(Import *pImp, int iKey, const char *z) {
  pImp->azKey[pImp->pRes->nRow * pImp->nKey + iKey] = z;
}

/* The import of one kind of record (nRecord bytes each, nKey keys that
** must not repeat): the file checked row by row, each row by xCheck into
** its record pRow (a new element of aRow), checked against the rows
** before; then, when no row has a problem, every record saved by xSave in
** one transaction. */
static int import_csv(
    Db *pDb, Arena *pArena, int64_t iCouncil, const char *zCsv, size_t nCsv,
    const PeopleImportColumn *aCol, int nCol, size_t nRecord, int nKey,
    void (*xCheck)(Import *pImp, void *pRow, PeopleProblems *pP),
    int (*xSave)(Db *pDb, int64_t iCouncil, void *aRow, int i), void *pKind,
    PeopleImportResult *pRes) {
  memset(pRes, 0, sizeof(*pRes));
  Import imp = {.pDb = pDb,
                .pArena = pArena,
                .iCouncil = iCouncil,
                .row = {aCol, nCol, {0}, NULL, 0},
                .pRes = pRes,
                .nKey = nKey,
                .pKind = pKind};
  if (territory_index_load(pDb, pArena, &imp.idx) != DB_OK) return DB_ERROR;
  CsvReader rd;
  csv_read_init(&rd, zCsv, nCsv);
  if (!read_header(&rd, pArena, &imp.row, pRes)) return DB_OK;
  int iLine, rc;
  while ((rc = csv_read_row(&rd, pArena, &imp.row.azField, &imp.row.nField,
                            &iLine)) == CSV_ROW) {
    PeopleProblems problems;
    problems_init(&problems);
    imp.aRow = arena_grow(pArena, imp.aRow, pRes->nRow, &imp.nAlloc, nRecord);
    imp.azKey = arena_grow(pArena, imp.azKey, pRes->nRow, &imp.nKeyAlloc,
                           (size_t)nKey * sizeof(char *));
    xCheck(&imp, (char *)imp.aRow + (size_t)pRes->nRow * nRecord, &problems);
    report_problems(pArena, pRes, iLine, &problems);
    pRes->nRow++;
  }
  if (!rows_good(pArena, pRes, &rd, rc)) return DB_OK;
  return rows_save(pDb, iCouncil, imp.aRow, pRes, xSave);
}

/* A member's keys; the titulars' RUNs, which the suplentes of later rows
** may name, are kept apart (MemberTitulars). */
enum { MEMBER_KEY_RUN, MEMBER_KEY_EMAIL, MEMBER_N_KEY };
typedef struct MemberTitulars {
  const char **azRun;
  int nRun, nAlloc;
} MemberTitulars;

static void member_check(Import *pImp, void *pRow, PeopleProblems *pP) {
  MemberTitulars *t = pImp->pKind;
  Member *p = pRow;
  people_member_check(pImp->pDb, pImp->pArena, pImp->iCouncil, &pImp->idx,
                      row_get, &pImp->row, 0, t->azRun, t->nRun, p, pP);
  if (import_seen(pImp, MEMBER_KEY_RUN, p->zRun)) {
    problem_add(pP, "run", "El RUN se repite en el archivo.");
  }
  if (import_seen(pImp, MEMBER_KEY_EMAIL, p->zEmail)) {
    problem_add(pP, "correo", "El correo se repite en el archivo.");
  }
  import_key_set(pImp, MEMBER_KEY_RUN, p->zRun);
  import_key_set(pImp, MEMBER_KEY_EMAIL, p->zEmail);
  if (p->bTitular) {
    t->azRun =
        arena_grow(pImp->pArena, t->azRun, t->nRun, &t->nAlloc, sizeof(char *));
    t->azRun[t->nRun++] = p->zRun;
  }
}

int people_import_members(Db *pDb, Arena *pArena, int64_t iCouncil,
                          const char *zCsv, size_t nCsv,
                          PeopleImportResult *pRes) {
  MemberTitulars titulars = {0};
  return import_csv(pDb, pArena, iCouncil, zCsv, nCsv, people_member_columns,
                    people_member_columns_count, sizeof(Member), MEMBER_N_KEY,
                    member_check, member_save, &titulars, pRes);
}

/* An organization's keys: its RUT, and its name folded (case and accents
** aside). */
enum { ORG_KEY_RUT, ORG_KEY_NAME, ORG_N_KEY };

static void org_check(Import *pImp, void *pRow, PeopleProblems *pP) {
  Organization *p = pRow;
  people_org_check(pImp->pDb, pImp->pArena, pImp->iCouncil, &pImp->idx, row_get,
                   &pImp->row, 0, p, pP);
  char zName[TERRITORY_KEY_MAX];
  territory_fold(p->zName, zName);
  const char *zNameKey = arena_strdup(pImp->pArena, zName);
  for (int i = 0; i < pImp->pRes->nRow; i++) {
    if (import_key_is(pImp, i, ORG_KEY_RUT, p->zRut)) {
      problem_add(pP, "rut", "El RUT se repite en el archivo.");
    }
    if (import_key_is(pImp, i, ORG_KEY_NAME, zNameKey)) {
      problem_add(pP, "nombre", "El nombre se repite en el archivo.");
    }
  }
  if (!pP->n && people_org_find(pImp->pDb, pImp->iCouncil, "", p->zName)) {
    problem_add(pP, "nombre",
                "Ya hay una organización registrada con ese nombre.");
  }
  import_key_set(pImp, ORG_KEY_RUT, p->zRut);
  import_key_set(pImp, ORG_KEY_NAME, zNameKey);
}

int people_import_orgs(Db *pDb, Arena *pArena, int64_t iCouncil,
                       const char *zCsv, size_t nCsv,
                       PeopleImportResult *pRes) {
  return import_csv(pDb, pArena, iCouncil, zCsv, nCsv, people_org_columns,
                    people_org_columns_count, sizeof(Organization), ORG_N_KEY,
                    org_check, org_save, NULL, pRes);
}

/* One CSV line of fields, quoted where needed, ';'-separated. */
static void template_line(Buf *pBuf, const char *const *az, int n) {
  for (int i = 0; i < n; i++) {
    if (i) buf_putc(pBuf, ';');
    const char *z = az[i];
    if (strpbrk(z, ";\"\n,")) {
      buf_putc(pBuf, '"');
      for (; *z; z++) {
        if (*z == '"') buf_putc(pBuf, '"');
        buf_putc(pBuf, *z);
      }
      buf_putc(pBuf, '"');
    } else {
      buf_puts(pBuf, z);
    }
  }
  buf_puts(pBuf, "\r\n");
}

const char *people_import_template(Arena *pArena, int bMembers) {
  const PeopleImportColumn *aCol =
      bMembers ? people_member_columns : people_org_columns;
  int nCol = bMembers ? people_member_columns_count : people_org_columns_count;
  const char **azHeader = arena_alloc(pArena, sizeof(char *) * nCol);
  for (int i = 0; i < nCol; i++) azHeader[i] = aCol[i].zName;
  Buf b;
  buf_init(&b, pArena);
  buf_puts(&b, "\xEF\xBB\xBF");
  template_line(&b, azHeader, nCol);
  template_line(&b, bMembers ? azMemberExample : azOrgExample, nCol);
  return buf_str(&b);
}
