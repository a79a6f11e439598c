/*
** cosoc bench-data --db FILE [--councils N] [--years Y] — a synthetic
** national installation for the benchmarks (issue 9): N councils, one per
** region of the real territory (Coquimbo first, then the others by code);
** beyond 16 (up to 64, issue 22's growth runs) the regions come round
** again, each round a further council of the region («Coquimbo 2»),
** each with Y yearly plans imported from the real Coquimbo document, about
** 30 councillors, 60 activities a year across the region's communes with
** about 25 attendance rows each, agreements and actas for the sessions,
** and evidence items carrying tiny distinct PNG images.
**
** Deterministic: a fixed-seed generator drives every choice and the dates
** are fixed (the latest year is the real plan's period, earlier years are
** its copies shifted back), so two runs write the same content; only
** creation instants, random tokens and the administrator's password differ.
** Everything goes through the stores the app itself uses (people, plan
** import, activities, sessions, evidence), one transaction per council.
**
** Never run on a real installation: it refuses a database with data.
*/
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "store/accounts/accounts.h"
#include "store/council/council.h"
#include "store/activities/activity_store.h"
#include "cli/cli.h"
#include "cli/demo/demo_records.h"
#include "domain/chile_time.h"
#include "domain/plan_catalog.h"
#include "domain/plan_import.h"
#include "domain/rut.h"
#include "store/evidence/evidence_store.h"
#include "store/people/people.h"
#include "store/plan/plan_store.h"
#include "store/meetings/meetings.h"
#include "util/embedded.h"

/* Bumped whenever the generated content changes: `make bench` keeps its
** cached data set under a name that carries it. */
#define BENCH_DATA_VERSION 1
#define BENCH_SEED 0x20500c05c0ull /* Ley 20.500, COSOC */
#define BENCH_PLAN_FILE "plan-anual-cosoc-minvu-serviu-coquimbo-2024-2025.txt"
#define BENCH_ADMIN_EMAIL "bench.admin@bench.cosoc.cl"
#define BENCH_ORGS 12      /* Member organizations per council */
#define BENCH_TITULARS 20  /* Titular councillors per council */
#define BENCH_SUPLENTES 10 /* Suplentes per council */
#define BENCH_MEMBERS (BENCH_TITULARS + BENCH_SUPLENTES)
#define BENCH_ACTIVITIES 60 /* Activities per council and year */
#define BENCH_ATTENDANCE 25 /* Attendance rows per held activity */
#define BENCH_SESSIONS 12   /* Of those, ordinary sessions (monthly) */
#define BENCH_MAX_COUNCILS (4 * TERRITORY_REGIONS) /* Four rounds */

/* splitmix64: small, fast and the same on every machine. */
typedef struct BenchRng {
  unsigned long long s;
} BenchRng;

static unsigned long long rng_next(BenchRng *p) {
  unsigned long long z = (p->s += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

/* Uniform in 0..n-1 (n > 0); the tiny modulo bias does not matter here. */
static int rng_below(BenchRng *p, int n) {
  return (int)(rng_next(p) % (unsigned long long)n);
}

static const char *const azFirst[] = {
    "María",  "José",    "Ana",    "Juan",     "Carmen",  "Luis",     "Rosa",
    "Pedro",  "Claudia", "Jorge",  "Patricia", "Manuel",  "Verónica", "Héctor",
    "Gladys", "Ricardo", "Ximena", "Sergio",   "Marcela", "Andrés"};
static const char *const azLast[] = {
    "González", "Muñoz",     "Rojas",  "Díaz",      "Pérez",
    "Soto",     "Contreras", "Silva",  "Martínez",  "Sepúlveda",
    "Morales",  "Rodríguez", "López",  "Fuentes",   "Hernández",
    "Torres",   "Araya",     "Flores", "Espinoza",  "Valenzuela",
    "Castillo", "Tapia",     "Reyes",  "Gutiérrez", "Castro"};
static const char *const azOrgKind[] = {"junta_vecinos",    "comite_vivienda",
                                        "comite_allegados", "cooperativa",
                                        "union_comunal",    "ong",
                                        "fundacion",        "corporacion"};
static const char *const azOrgPrefix[] = {
    "Junta de Vecinos",    "Comité de Vivienda",
    "Comité de Allegados", "Cooperativa de Vivienda",
    "Unión Comunal",       "ONG",
    "Fundación",           "Corporación"};
static const char *const azOtherKind[] = {
    "capacitacion",        "charla",         "mesa_trabajo",
    "reunion_autoridades", "visita_terreno", "entrega_viviendas",
    "inauguracion",        "modulo_escuela"};

/* What one council's generation needs to know as it goes. */
typedef struct BenchCouncil {
  Db *pDb;
  Arena *pArena;
  BenchRng *pRng;
  int64_t iId;             /* councils.id */
  int64_t iAdmin;          /* The one administrator (users.id) */
  const char *zRegionCode; /* "04" */
  const char *zRegionName; /* "Coquimbo" */
  const char *zTag; /* The council's own words: "Coquimbo", "Coquimbo 2" */
  const char *zKey; /* Its part of e-mails and labels: "04", "04-2" */
  const TerritoryCommune **apCommune; /* The region's communes */
  int nCommune;
  int64_t aiMember[BENCH_MEMBERS]; /* members.id */
  int nEvidence;                   /* Images made so far: each one distinct */
} BenchCouncil;

/* ---- Tiny distinct PNG images ---------------------------------------- */

/* CRC-32 of PNG chunks (ISO 3309), bit by bit: a few hundred bytes each. */
static unsigned long png_crc(const unsigned char *p, size_t n) {
  unsigned long c = 0xffffffffUL;
  for (size_t i = 0; i < n; i++) {
    c ^= p[i];
    for (int k = 0; k < 8; k++) c = (c >> 1) ^ (0xedb88320UL & (0UL - (c & 1)));
  }
  return c ^ 0xffffffffUL;
}

/* A 2x2 PNG (the demo's photo) with a tEXt chunk naming the image, so that
** every file has its own bytes and its own SHA-256 (content addressing
** would otherwise fold them into one row). Returns the size written. */
static size_t bench_png(unsigned char *aOut, size_t nOut, const char *zLabel) {
  static const unsigned char aHead[] = {
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00,
      0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00,
      0x00, 0x02, 0x08, 0x02, 0x00, 0x00, 0x00, 0xfd, 0xd4, 0x9a, 0x73};
  static const unsigned char aTail[] = {
      0x00, 0x00, 0x00, 0x17, 0x49, 0x44, 0x41, 0x54, 0x78, 0xda, 0x63, 0x90,
      0xcf, 0xdf, 0xf2, 0xe9, 0xa0, 0x1e, 0x83, 0xde, 0xbc, 0xa8, 0xff, 0xff,
      0xff, 0x03, 0x00, 0x2b, 0xca, 0x07, 0x47, 0x0b, 0x5e, 0x11, 0x43, 0x00,
      0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};
  size_t nLabel = strlen(zLabel), nText = 8 + nLabel; /* "Comment\0" label */
  size_t n = 0;
  if (sizeof(aHead) + 12 + nText + sizeof(aTail) > nOut) return 0;
  memcpy(aOut, aHead, sizeof(aHead));
  n = sizeof(aHead);
  aOut[n++] = (unsigned char)(nText >> 24);
  aOut[n++] = (unsigned char)(nText >> 16);
  aOut[n++] = (unsigned char)(nText >> 8);
  aOut[n++] = (unsigned char)nText;
  size_t iType = n;
  memcpy(aOut + n, "tEXtComment", 12); /* Type, keyword and its NUL */
  n += 12;
  memcpy(aOut + n, zLabel, nLabel);
  n += nLabel;
  unsigned long c = png_crc(aOut + iType, n - iType);
  aOut[n++] = (unsigned char)(c >> 24);
  aOut[n++] = (unsigned char)(c >> 16);
  aOut[n++] = (unsigned char)(c >> 8);
  aOut[n++] = (unsigned char)c;
  memcpy(aOut + n, aTail, sizeof(aTail));
  return n + sizeof(aTail);
}

/* ---- Council, people, plan ------------------------------------------- */

static int bench_council_row(BenchCouncil *c) {
  Council row = {
      .zName = arena_printf(
          c->pArena, "Consejo de la Sociedad Civil MINVU–SERVIU Región de %s",
          c->zTag),
      .zShortName = arena_printf(c->pArena, "COSOC Minvu Serviu %s", c->zTag),
      .zInstitution = arena_printf(c->pArena,
                                   "Ministerio de Vivienda y Urbanismo — "
                                   "SEREMI y SERVIU Región de %s",
                                   c->zTag),
      .zRegion = c->zRegionCode};
  int rc = council_create(c->pDb, &row, &c->iId);
  /* Its administrator is every council's officer */
  if (rc == DB_OK && c->iAdmin) {
    rc = council_member_set(c->pDb, c->iAdmin, c->iId, "admin");
  }
  return rc;
}

static const char *bench_commune(BenchCouncil *c) {
  return c->apCommune[rng_below(c->pRng, c->nCommune)]->zCode;
}

/* RUT/RUN numbers unique within the council: a base per council plus the
** index, so runs never collide and stay the same from run to run. */
static const char *bench_rut(BenchCouncil *c, unsigned long iNumber) {
  return arena_printf(c->pArena, "%lu-%c", iNumber, rut_check_digit(iNumber));
}

static int bench_people(BenchCouncil *c, int iCouncil) {
  int64_t aiOrg[BENCH_ORGS];
  for (int i = 0; i < BENCH_ORGS; i++) {
    Organization o;
    memset(&o, 0, sizeof(o));
    int k = rng_below(c->pRng, (int)(sizeof(azOrgKind) / sizeof(azOrgKind[0])));
    o.zCommuneCode = bench_commune(c);
    o.zKind = azOrgKind[k];
    o.zName = arena_printf(c->pArena, "%s %s %s N° %d", azOrgPrefix[k],
                           azLast[rng_below(c->pRng, 25)], c->zTag, i + 1);
    o.zRut = bench_rut(
        c, 65000000UL + (unsigned long)iCouncil * 1000 + (unsigned long)i);
    o.zLegalNumber = arena_printf(c->pArena, "%d", 1000 + i * 37);
    o.zContactName = azFirst[rng_below(c->pRng, 20)];
    o.zEmail = o.zPhone = "";
    o.bMember = 1;
    if (people_org_save(c->pDb, c->iId, &o) != DB_OK) return DB_ERROR;
    aiOrg[i] = o.id;
  }
  for (int i = 0; i < BENCH_MEMBERS; i++) {
    Member m;
    memset(&m, 0, sizeof(m));
    int bTitular = i < BENCH_TITULARS;
    m.zFirstNames = azFirst[rng_below(c->pRng, 20)];
    m.zLastNames =
        arena_printf(c->pArena, "%s %s", azLast[rng_below(c->pRng, 25)],
                     azLast[rng_below(c->pRng, 25)]);
    m.zRun = bench_rut(
        c, 8000000UL + (unsigned long)iCouncil * 10000 + (unsigned long)i * 7);
    m.zEmail = arena_printf(c->pArena, "consejero%d.%s@bench.cosoc.cl", i + 1,
                            c->zKey);
    m.zPhone = "";
    m.zCommuneCode = bench_commune(c);
    m.zGender = rng_below(c->pRng, 2) ? "femenino" : "masculino";
    m.iOrganization = aiOrg[i % BENCH_ORGS];
    m.zRole = i == 0   ? "presidente"
              : i == 1 ? "vicepresidente"
              : i == 2 ? "secretario"
                       : "consejero";
    m.bTitular = bTitular;
    m.iSubstituteFor = bTitular ? 0 : c->aiMember[i - BENCH_TITULARS];
    m.zTermStart = "2022-03-01";
    m.zTermEnd = "2026-02-28";
    m.zStatus = "vigente";
    m.zStatusDate = m.zStatusReason = "";
    if (people_member_save(c->pDb, c->iId, &m) != DB_OK) return DB_ERROR;
    c->aiMember[i] = m.id;
  }
  return DB_OK;
}

/* The real document with every year shifted by iShift and the region's
** name in place of Coquimbo's: the importer then reads windows and
** targets exactly as it reads the original. */
static char *bench_plan_text(Arena *pArena, const char *zSrc, size_t nSrc,
                             int iShift, const char *zRegion, size_t *pn) {
  size_t nRegion = strlen(zRegion), nOut = 0;
  char *z = arena_alloc(pArena, nSrc * 2 + 64);
  static const char zCoquimbo[] = "Coquimbo";
  for (size_t i = 0; i < nSrc;) {
    int bYear = i + 4 <= nSrc && zSrc[i] == '2' && zSrc[i + 1] == '0' &&
                zSrc[i + 2] >= '0' && zSrc[i + 2] <= '9' &&
                zSrc[i + 3] >= '0' && zSrc[i + 3] <= '9' &&
                (i == 0 || zSrc[i - 1] < '0' || zSrc[i - 1] > '9') &&
                (i + 4 == nSrc || zSrc[i + 4] < '0' || zSrc[i + 4] > '9');
    if (bYear) {
      nOut += (size_t)sprintf(z + nOut, "%d", atoi(zSrc + i) + iShift);
      i += 4;
    } else if (strncmp(zSrc + i, zCoquimbo, sizeof(zCoquimbo) - 1) == 0 &&
               nOut + nRegion < nSrc * 2) {
      memcpy(z + nOut, zRegion, nRegion);
      nOut += nRegion;
      i += sizeof(zCoquimbo) - 1;
    } else {
      z[nOut++] = zSrc[i++];
    }
  }
  z[nOut] = 0;
  *pn = nOut;
  return z;
}

/* Year iShift's plan (0: the real period), imported and approved. */
static int bench_plan(BenchCouncil *c, int iShift, PlanDoc *pDoc) {
  const EmbeddedFile *pFile = embedded_find(embedded_seeds, BENCH_PLAN_FILE);
  if (!pFile) return DB_ERROR;
  size_t nText = 0;
  char *zText = bench_plan_text(c->pArena, (const char *)pFile->aData,
                                pFile->nSize, iShift, c->zRegionName, &nText);
  const char *zErr = NULL;
  PlanContext ctx;
  if (plan_store_context(c->pDb, c->pArena, c->iId, &ctx) != DB_OK) {
    fprintf(stderr, "cosoc bench-data: no se pudo leer el territorio\n");
    return DB_ERROR;
  }
  if (plan_import_parse(c->pArena, zText, nText, &ctx, pDoc, &zErr) !=
      PLAN_IMPORT_OK) {
    fprintf(stderr, "cosoc bench-data: el plan no se pudo leer: %s\n", zErr);
    return DB_ERROR;
  }
  /* Communes the real plan leaves out are Coquimbo's; elsewhere the
  ** region's first commune (its capital) plays that part. */
  for (int i = 0; i < pDoc->nLine; i++) {
    PlanTarget *t = &pDoc->aLine[i].target;
    for (int k = 0; k < t->nExclude; k++) {
      if (strncmp(t->azExclude[k], c->zRegionCode, 2) != 0) {
        t->azExclude[k] = c->apCommune[0]->zCode;
      }
    }
  }
  int iNumber = 0;
  int rc = plan_store_save(c->pDb, c->pArena, c->iId, pDoc, "importacion",
                           arena_printf(c->pArena, "Plan anual %.4s-%.4s",
                                        pDoc->zPeriodStart, pDoc->zPeriodEnd),
                           c->iAdmin, "Generador de datos de prueba", &iNumber,
                           NULL);
  if (rc == DB_ERROR) return DB_ERROR;
  return plan_store_approve(c->pDb, c->iId, iNumber, c->iAdmin);
}

/* ---- Activities, attendance, agreements, actas, evidence ------------- */

/* Day iDay (0-based) after zStart at iHour, Santiago time, as UTC. */
static int64_t bench_instant(const char *zStart, int iDay, int iHour) {
  struct tm tm;
  memset(&tm, 0, sizeof(tm));
  sscanf(zStart, "%d-%d-%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday);
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  tm.tm_hour = 12;
  time_t t = timegm(&tm) + (time_t)iDay * 86400;
  gmtime_r(&t, &tm);
  LocalTime lt = {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, iHour, 0, 0};
  int64_t iUtc = 0;
  chile_time_to_utc(&lt, &iUtc);
  return iUtc;
}

static int bench_days(const char *zStart, const char *zEnd) {
  struct tm a, b;
  memset(&a, 0, sizeof(a));
  memset(&b, 0, sizeof(b));
  sscanf(zStart, "%d-%d-%d", &a.tm_year, &a.tm_mon, &a.tm_mday);
  sscanf(zEnd, "%d-%d-%d", &b.tm_year, &b.tm_mon, &b.tm_mday);
  a.tm_year -= 1900, b.tm_year -= 1900, a.tm_mon -= 1, b.tm_mon -= 1;
  int n = (int)((timegm(&b) - timegm(&a)) / 86400);
  return n > 0 ? n : 1;
}

/* ~25 of the 30 members, mostly present. */
static int bench_attendance(BenchCouncil *c, int64_t iAct) {
  AttendanceEntry a[BENCH_ATTENDANCE];
  int iSkip = rng_below(c->pRng, BENCH_MEMBERS);
  for (int i = 0; i < BENCH_ATTENDANCE; i++) {
    AttendanceEntry *e = &a[i];
    memset(e, 0, sizeof(*e));
    e->iMemberId = c->aiMember[(iSkip + i) % BENCH_MEMBERS];
    int r = rng_below(c->pRng, 10);
    e->eStatus = r < 8   ? ATTENDANCE_PRESENTE
                 : r < 9 ? ATTENDANCE_AUSENTE
                         : ATTENDANCE_JUSTIFICADO;
    e->zStatus = e->eStatus == ATTENDANCE_PRESENTE  ? "presente"
                 : e->eStatus == ATTENDANCE_AUSENTE ? "ausente"
                                                    : "justificado";
    if (e->eStatus == ATTENDANCE_JUSTIFICADO) e->zReason = "Licencia médica";
  }
  return meeting_attendance_replace(c->pDb, iAct, 0, a, BENCH_ATTENDANCE, NULL,
                                    NULL);
}

/* Two agreements per held session: one followed to done, one pending. */
static int bench_agreements(BenchCouncil *c, int64_t iAct, const char *zDue) {
  /* Drawn in this order, so that the data set stays the same. */
  int nFor = 15 + rng_below(c->pRng, 5);
  int nAbstain = rng_below(c->pRng, 3);
  MeetingAgreement g;
  if (demo_agreement_add(
          c->pDb, c->iId, iAct,
          "Solicitar a la SEREMI un informe de avance de los proyectos "
          "habitacionales de la región, por comuna.",
          "autoridad",
          arena_printf(c->pArena, "SEREMI MINVU %s", c->zRegionName), zDue,
          nFor, nAbstain, NULL) != DB_OK ||
      demo_agreement_add(
          c->pDb, c->iId, iAct,
          "Difundir el calendario de actividades entre las organizaciones.",
          "encargado", "Encargada de participación ciudadana", zDue, 0, 0,
          &g) != DB_OK) {
    return DB_ERROR;
  }
  return meeting_agreement_follow(c->pDb, 0, &g, AGREEMENT_CUMPLIDO, zDue,
                                  "Calendario enviado y publicado.");
}

/* The session's acta, approved and published in iNext (0: still sent). */
static int bench_acta(BenchCouncil *c, int64_t iAct, int64_t iNext) {
  static const char *const azTitle[] = {"Lectura del acta anterior",
                                        "Cuenta de la presidencia",
                                        "Avance del plan anual"};
  static const char *const azSummary[] = {
      "Se aprueba el acta anterior sin observaciones.",
      "La presidencia informa de las reuniones con **SEREMI** y **SERVIU**.",
      /* One item in two pieces (parenthesized: not a missing comma). */
      ("Se revisa el avance de las líneas del plan:\n\n- formación\n- "
       "participación\n- seguimiento")};
  return demo_acta_write(c->pDb, c->pArena, iAct, azTitle, azSummary,
                         iNext ? ACTA_PUBLICADA : ACTA_ENVIADA, iNext);
}

/* Most of the evidence the activity's line asks for, as tiny images. */
static int bench_evidence(BenchCouncil *c, int64_t iAct,
                          const PlanLine *pLine) {
  for (int k = 0; k < pLine->nEvidence; k++) {
    if (rng_below(c->pRng, 10) < 2) continue; /* Some missing: honest mix */
    unsigned char aPng[256];
    const char *zLabel =
        arena_printf(c->pArena, "cosoc bench %s %d", c->zKey, ++c->nEvidence);
    const char *zErr = NULL;
    const char *zKind = pLine->aEvidence[k].zKind;
    int bPublic = strcmp(zKind, "fotografias") == 0;
    /* A photo where the kind takes one, else a one-line PDF: the kind is
    ** checked against the content, as for real uploads. */
    int bPhoto = (plan_evidence_kind_content(zKind) & PLAN_CONTENT_PHOTO) != 0;
    const char *zPdf = bPhoto ? NULL
                              : arena_printf(c->pArena,
                                             "%%PDF-1.4\n%% %s\ntrailer<<>>\n"
                                             "%%%%EOF\n",
                                             zLabel);
    const void *pData = zPdf ? (const void *)zPdf : aPng;
    size_t nData = zPdf ? strlen(zPdf) : bench_png(aPng, sizeof(aPng), zLabel);
    EvidenceFile file;
    int64_t iId = 0;
    EvidenceLimits lim;
    evidence_limits(c->pDb, c->iId, &lim);
    /* Through the upload's own preparation: the photos get their stored
    ** thumbnail and public copy, as real uploads do. */
    if (evidence_file_prepare(c->pDb, c->pArena, pData, nData, &lim, zKind,
                              bPublic, &file, &zErr) != EVIDENCE_READY ||
        evidence_add(c->pDb, iAct, zKind, &file,
                     arena_printf(c->pArena, "%s-%d.%s", zKind, c->nEvidence,
                                  zPdf ? "pdf" : "png"),
                     "", bPublic, c->iAdmin, &iId) != DB_OK) {
      return DB_ERROR;
    }
  }
  return DB_OK;
}

/* One activity of the year: the monthly sessions first, then other kinds
** serving a line each. Fills *a (not yet stored). */
static void bench_activity_shape(BenchCouncil *c, const PlanDoc *pDoc, int i,
                                 int nDays, Activity *a) {
  memset(a, 0, sizeof(*a));
  const PlanLine *pLine = &pDoc->aLine[rng_below(c->pRng, pDoc->nLine)];
  int bSession = i < BENCH_SESSIONS;
  int iDay = bSession ? (i * nDays) / BENCH_SESSIONS + rng_below(c->pRng, 7)
                      : rng_below(c->pRng, nDays);
  if (iDay >= nDays) iDay = nDays - 1;
  a->zKind = bSession ? "sesion_ordinaria"
             : pLine->target.nKind
                 ? pLine->target.azKind[rng_below(c->pRng, pLine->target.nKind)]
                 : azOtherKind[rng_below(c->pRng, 8)];
  a->zTitle = bSession
                  ? arena_printf(c->pArena, "Sesión ordinaria N° %d", i + 1)
                  : arena_printf(c->pArena, "Actividad %d de la línea %d",
                                 i + 1, pLine->iNumber);
  a->zDescription = "Actividad generada para las pruebas de rendimiento.";
  a->iStart =
      bench_instant(pDoc->zPeriodStart, iDay, 10 + rng_below(c->pRng, 8));
  a->iEnd = a->iStart + 2 * 3600;
  int r = rng_below(c->pRng, 10);
  a->zModality = r < 7 ? "presencial" : r < 9 ? "mixta" : "virtual";
  a->zLink = r < 7 ? "" : "https://meet.example.cl/cosoc-bench";
  a->zCommune = bench_commune(c);
  a->zAddress = "Oficina regional SERVIU";
  a->zOrganizer = "Secretaría técnica";
  a->zStatus = rng_below(c->pRng, 10) < 9 ? "realizada" : "suspendida";
  a->bPublic = 1;
  /* Line 4 of the real plan is the council's ordinary sessions. */
  a->aLine[a->nLine++] = bSession ? 4 : pLine->iNumber;
}

static int bench_year(BenchCouncil *c, const PlanDoc *pDoc) {
  int nDays = bench_days(pDoc->zPeriodStart, pDoc->zPeriodEnd);
  int64_t aiSession[BENCH_SESSIONS];
  int nSession = 0;
  for (int i = 0; i < BENCH_ACTIVITIES; i++) {
    Activity a;
    bench_activity_shape(c, pDoc, i, nDays, &a);
    if (activity_insert(c->pDb, c->iId, 0, &a) != DB_OK) return DB_ERROR;
    if (strcmp(a.zStatus, "realizada") != 0) continue;
    const PlanLine *pLine = plan_doc_line(pDoc, a.aLine[0]);
    if (bench_attendance(c, a.id) != DB_OK ||
        (pLine && bench_evidence(c, a.id, pLine) != DB_OK)) {
      return DB_ERROR;
    }
    if (i < BENCH_SESSIONS) {
      char zDue[PLAN_DATE_SIZE];
      LocalTime lt;
      chile_time_from_utc(a.iStart + 30 * 86400, &lt, NULL);
      plan_date_format(zDue, lt.iYear, lt.iMonth, lt.iDay);
      if (bench_agreements(c, a.id, zDue) != DB_OK) return DB_ERROR;
      aiSession[nSession++] = a.id;
    }
  }
  for (int i = 0; i < nSession; i++) {
    if (bench_acta(c, aiSession[i], i + 1 < nSession ? aiSession[i + 1] : 0) !=
        DB_OK) {
      return DB_ERROR;
    }
  }
  return DB_OK;
}

/* One council, in one transaction. */
static int bench_council(BenchCouncil *c, int iCouncil, int nYears) {
  if (db_begin(c->pDb) != DB_OK) return DB_ERROR;
  int rc = bench_council_row(c);
  if (rc == DB_OK) rc = bench_people(c, iCouncil);
  for (int y = nYears - 1; rc == DB_OK && y >= 0; y--) {
    PlanDoc doc;
    rc = bench_plan(c, -y, &doc);
    if (rc == DB_OK) rc = bench_year(c, &doc);
  }
  if (rc != DB_OK) {
    db_rollback(c->pDb);
    return DB_ERROR;
  }
  return db_commit(c->pDb);
}

/* ---- The command ------------------------------------------------------ */

/* The regions, Coquimbo (the first real council) first, then by code. */
static int bench_regions(Db *pDb, Arena *pArena, const char **azCode,
                         const char **azName) {
  DbStmt *p = db_prepare(pDb,
                         "SELECT code, name FROM territory_regions "
                         "ORDER BY code <> '04', code");
  int n = 0;
  if (!p) return 0;
  while (n < TERRITORY_REGIONS && db_step(p) == DB_ROW) {
    azCode[n] = arena_strdup(pArena, db_column_text(p, 0));
    azName[n] = arena_strdup(pArena, db_column_text(p, 1));
    n++;
  }
  db_done(p);
  return n;
}

/* Rows per table and, on PostgreSQL, the database's size: what the issue
** asks to print (an SQLite file is measured once closed). */
static void bench_report(Db *pDb, const char *zDb) {
  static const char *const azCount[] = {
      "SELECT 'consejos', count(*) FROM councils",
      "SELECT 'organizaciones', count(*) FROM organizations",
      "SELECT 'integrantes', count(*) FROM members",
      "SELECT 'versiones de plan', count(*) FROM plan_versions",
      "SELECT 'líneas de plan', count(*) FROM plan_lines",
      "SELECT 'actividades', count(*) FROM activities",
      "SELECT 'asistencia', count(*) FROM attendance",
      "SELECT 'acuerdos', count(*) FROM agreements",
      "SELECT 'actas', count(*) FROM actas",
      "SELECT 'evidencias', count(*) FROM evidence_items",
      "SELECT 'archivos', count(*) FROM evidence_files",
  };
  printf("Filas por tabla:\n");
  for (size_t i = 0; i < sizeof(azCount) / sizeof(azCount[0]); i++) {
    DbStmt *p = db_prepare(pDb, azCount[i]);
    if (p && db_step(p) == DB_ROW) {
      printf("  %-18s %lld\n", db_column_text(p, 0),
             (long long)db_column_int64(p, 1));
    }
    if (p) db_done(p);
  }
  if (db_target_is_postgres(zDb)) {
    printf("Tamaño: %.1f MB\n",
           (double)db_query_int64(
               pDb, "SELECT pg_database_size(current_database())", 0) /
               1e6);
  }
}

/* An SQLite file's size, once closed: the last connection folds the WAL
** into the file, so this is what gets copied or cached. */
static void bench_report_file_size(const char *zDb) {
  struct stat st;
  if (stat(zDb, &st) == 0) {
    printf("Tamaño: %.1f MB\n", (double)st.st_size / 1e6);
  }
}

/* A count option: digits only, within 1..nMax. */
static int bench_count(const char *zOpt, const char *z, int nMax, int *pn) {
  long long v = 0;
  if (!cli_number(z, 1, nMax, &v)) {
    fprintf(stderr,
            "cosoc bench-data: --%s debe ser un número entre 1 y %d, "
            "no «%s»\n",
            zOpt, nMax, z);
    return CLI_USAGE;
  }
  *pn = (int)v;
  return CLI_OK;
}

/* Councils 0..nCouncil-1 of the region list, one transaction each, from
** one generator stream: CLI_OK or CLI_FAIL (message printed). */
/* A council's generation state: its region and the region's communes. */
static void bench_council_start(BenchCouncil *c, Db *pDb, Arena *pArena,
                                BenchRng *pRng, int64_t iAdmin,
                                const char *zCode, const char *zName,
                                int iRound, const TerritoryIndex *pIdx) {
  memset(c, 0, sizeof(*c));
  c->pDb = pDb;
  c->pArena = pArena;
  c->pRng = pRng;
  c->iAdmin = iAdmin;
  c->zRegionCode = zCode;
  c->zRegionName = zName;
  /* The first round keeps the names the 16-council set always had */
  c->zTag = iRound ? arena_printf(pArena, "%s %d", zName, iRound + 1) : zName;
  c->zKey = iRound ? arena_printf(pArena, "%s-%d", zCode, iRound + 1) : zCode;
  c->apCommune =
      arena_alloc(pArena, sizeof(*c->apCommune) * (size_t)(pIdx->nCommune + 1));
  for (int k = 0; k < pIdx->nCommune; k++) {
    if (strcmp(pIdx->aCommune[k].zRegionCode, zCode) == 0) {
      c->apCommune[c->nCommune++] = &pIdx->aCommune[k];
    }
  }
}

static int bench_all_councils(Db *pDb, const TerritoryIndex *pIdx,
                              const char *const *azCode,
                              const char *const *azName, int nCouncil,
                              int nYear, int64_t iAdmin) {
  BenchRng rng = {BENCH_SEED};
  int rc = CLI_OK;
  for (int i = 0; i < nCouncil && rc == CLI_OK; i++) {
    /* Each council gets its own arena: 64 councils' strings at once
    ** would be the whole data set in memory. */
    Arena *pCouncilArena = arena_new();
    BenchCouncil c;
    int iRegion = i % TERRITORY_REGIONS;
    bench_council_start(&c, pDb, pCouncilArena, &rng, iAdmin, azCode[iRegion],
                        azName[iRegion], i / TERRITORY_REGIONS, pIdx);
    if (c.nCommune == 0 || bench_council(&c, i, nYear) != DB_OK) {
      fprintf(stderr, "cosoc bench-data: falló el consejo de %s: %s\n", c.zTag,
              db_errmsg(pDb));
      rc = CLI_FAIL;
    }
    arena_free(pCouncilArena);
  }
  return rc;
}

int cmd_bench_data(int argc, char **argv) {
  const char *zDb = NULL, *zCouncils = "16", *zYears = "1";
  const CliOption aOpt[] = {
      {"db", "COSOC_DB", 0, "base de datos a crear (vacía)", &zDb},
      {"councils", NULL, 0,
       "consejos, uno por región y, pasados 16, otra vuelta por las "
       "regiones (1 a 64; 16)",
       &zCouncils},
      {"years", NULL, 0, "años de plan y actividades por consejo (1)", &zYears},
  };
  int rc;
  if (!cli_args(
          argc, argv, 2, "bench-data",
          "Uso: cosoc bench-data --db ARCHIVO|URL [--councils N] [--years "
          "A]\n\n"
          "Crea una instalación nacional sintética para las pruebas de "
          "rendimiento (make bench): N consejos, uno por región (pasados 16, "
          "una vuelta más por las regiones: «Coquimbo 2»…), cada uno con "
          "un plan por año importado del plan real de Coquimbo, unos 30 "
          "integrantes, 60 actividades al año con su asistencia, acuerdos, "
          "actas y evidencias (imágenes diminutas). Siempre el mismo "
          "contenido. "
          "Imprime las filas por tabla y el tamaño. No usar con datos reales: "
          "rechaza una base de datos que ya tiene datos.",
          aOpt, 3, 1, &rc)) {
    return rc;
  }
  int nCouncil = 0, nYear = 0;
  if (bench_count("councils", zCouncils, BENCH_MAX_COUNCILS, &nCouncil) ||
      bench_count("years", zYears, 10, &nYear)) {
    return CLI_USAGE;
  }
  Db *pDb = cli_open_db(zDb);
  if (!pDb) return CLI_FAIL;
  if (db_has_data(pDb)) {
    fprintf(stderr, "cosoc bench-data: %s ya tiene datos; no se tocó.\n", zDb);
    db_close(pDb);
    return CLI_FAIL;
  }
  Arena *pArena = arena_new();
  char zPassword[20];
  cli_password_make(zPassword);
  const char *zErr = NULL;
  int64_t iAdmin = 0;
  const char *azCode[TERRITORY_REGIONS], *azName[TERRITORY_REGIONS];
  TerritoryIndex idx;
  rc = CLI_FAIL;
  if (bench_regions(pDb, pArena, azCode, azName) == TERRITORY_REGIONS &&
      territory_index_load(pDb, pArena, &idx) == DB_OK &&
      accounts_user_create(pDb, pArena, BENCH_ADMIN_EMAIL,
                           "Administración (datos de prueba)", "admin",
                           zPassword, &iAdmin, &zErr, NULL) == DB_OK) {
    rc = bench_all_councils(pDb, &idx, azCode, azName, nCouncil, nYear, iAdmin);
  } else {
    fprintf(stderr, "cosoc bench-data: no se pudo preparar la base%s%s\n",
            zErr ? ": " : "", zErr ? zErr : "");
  }
  if (rc == CLI_OK) {
    printf("Datos de prueba (versión %d) creados: %s\n", BENCH_DATA_VERSION,
           zDb);
    printf("Consejos: %d; años: %d\n", nCouncil, nYear);
    printf("Administrador: %s\n", BENCH_ADMIN_EMAIL);
    printf("Contraseña: %s\n", zPassword);
    bench_report(pDb, zDb);
  }
  sodium_memzero(zPassword, sizeof(zPassword));
  arena_free(pArena);
  db_close(pDb);
  if (rc == CLI_OK && !db_target_is_postgres(zDb)) bench_report_file_size(zDb);
  return rc;
}

/* ---- More councils for the demo (cosoc demo --councils N) ------------- */

int bench_demo_council(Db *pDb, Arena *pArena, int iIndex, int64_t iOfficer,
                       int64_t *piCouncil) {
  const char *azCode[TERRITORY_REGIONS], *azName[TERRITORY_REGIONS];
  TerritoryIndex idx;
  if (iIndex < 1 || iIndex >= TERRITORY_REGIONS ||
      bench_regions(pDb, pArena, azCode, azName) <= iIndex ||
      territory_index_load(pDb, pArena, &idx) != DB_OK) {
    return DB_ERROR;
  }
  /* Its own seed: the same council every time, unlike the others */
  BenchRng rng = {BENCH_SEED + (unsigned long long)iIndex};
  BenchCouncil c;
  bench_council_start(&c, pDb, pArena, &rng, iOfficer, azCode[iIndex],
                      azName[iIndex], 0, &idx);
  if (c.nCommune == 0 || bench_council(&c, iIndex, 1) != DB_OK) {
    return DB_ERROR;
  }
  *piCouncil = c.iId;
  return DB_OK;
}
