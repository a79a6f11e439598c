/*
** The demo's evidence (cosoc demo), after its activities: enough that the
** dashboard shows honest, mixed states. The training of October 2024 has
** every verificador of line 2 (cumplida); the March session has every one
** of line 4; the May session lacks its acta (qualifying, not verified);
** the meeting with the SERVIU director has all of line 5's. The files are
** a tiny photo and a one-page PDF made here, stored once each however many
** items point at them (content addressing at work).
*/
#include <string.h>

#include "store/activities/activity_store.h"
#include "cli/cli.h"
#include "store/evidence/evidence_store.h"
#include "store/people/people.h"

/* A 2x2 PNG (blue, yellow, green, white), encoded by hand. */
static const unsigned char aDemoPng[] = {
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d,
    0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x02,
    0x08, 0x02, 0x00, 0x00, 0x00, 0xfd, 0xd4, 0x9a, 0x73, 0x00, 0x00, 0x00,
    0x17, 0x49, 0x44, 0x41, 0x54, 0x78, 0xda, 0x63, 0x90, 0xcf, 0xdf, 0xf2,
    0xe9, 0xa0, 0x1e, 0x83, 0xde, 0xbc, 0xa8, 0xff, 0xff, 0xff, 0x03, 0x00,
    0x2b, 0xca, 0x07, 0x47, 0x0b, 0x5e, 0x11, 0x43, 0x00, 0x00, 0x00, 0x00,
    0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};

/* A minimal PDF: enough for libmagic and for a viewer to open. */
static const char zDemoPdf[] =
    "%PDF-1.4\n"
    "1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    "trailer<</Root 1 0 R>>\n%%EOF\n";

typedef struct DemoEvidence {
  const char *zTitle; /* The demo activity's title (demo_activities.c) */
  const char *zKind;  /* Evidence kind */
  int bPdf;           /* 1: the PDF; 0: the photo */
  const char *zFilename;
  const char *zCaption;
  int bPublic;
} DemoEvidence;

#define TRAINING "Jornada de capacitación: Ley 20.500 y participación"
#define MARCH "Sesión ordinaria de marzo"
#define MAY "Sesión ordinaria de mayo (en línea)"
#define DIRECTOR "Reunión con el Director SERVIU"

static const DemoEvidence aDemoEvidence[] = {
    {TRAINING, "convocatoria", 1, "convocatoria-capacitacion.pdf", "", 0},
    {TRAINING, "asistencia", 1, "lista-asistencia.pdf", "Firmada", 0},
    {TRAINING, "fotografias", 0, "capacitacion-1.png", "Participantes", 1},
    {MARCH, "citacion", 1, "citacion-marzo.pdf", "", 0},
    {MARCH, "asistencia", 1, "asistencia-marzo.pdf", "", 0},
    {MARCH, "fotografias", 0, "sesion-marzo.png", "Sesión en La Serena", 1},
    {MARCH, "acta", 1, "acta-marzo.pdf", "Aprobada en abril", 1},
    {MAY, "citacion", 1, "citacion-mayo.pdf", "", 0},
    {MAY, "asistencia", 1, "asistencia-mayo.pdf", "", 0},
    {MAY, "fotografias", 0, "captura-mayo.png", "Captura de pantalla", 0},
    {DIRECTOR, "citacion", 1, "citacion-director.pdf", "", 0},
    {DIRECTOR, "asistencia", 1, "asistencia-director.pdf", "", 0},
    {DIRECTOR, "fotografias", 0, "reunion-director.png", "", 1},
    {DIRECTOR, "acta", 1, "acta-reunion-director.pdf", "", 0},
};

int demo_evidence_file(Db *pDb, Arena *pArena, int64_t iAct, const char *zKind,
                       int bPdf, const char *zFilename, const char *zCaption,
                       int bPublic) {
  const void *pData = bPdf ? (const void *)zDemoPdf : aDemoPng;
  size_t nData = bPdf ? sizeof(zDemoPdf) - 1 : sizeof(aDemoPng);
  const char *zErr = NULL;
  EvidenceFile file;
  int64_t iId = 0;
  EvidenceLimits lim;
  evidence_limits(pDb, council_default_id(pDb), &lim);
  if (evidence_file_prepare(pDb, pArena, pData, nData, &lim, zKind, bPublic,
                            &file, &zErr) != EVIDENCE_READY) {
    return DB_ERROR;
  }
  return evidence_add(pDb, iAct, zKind, &file, zFilename, zCaption, bPublic, 0,
                      &iId);
}

int demo_evidence(Db *pDb, Arena *pArena) {
  Activity *aAct = NULL;
  int nAct = 0;
  ActivityFilter f;
  memset(&f, 0, sizeof(f));
  if (activity_list(pDb, pArena, council_default_id(pDb), &f, &aAct, &nAct) !=
      DB_OK) {
    return DB_ERROR;
  }
  for (size_t i = 0; i < sizeof(aDemoEvidence) / sizeof(aDemoEvidence[0]);
       i++) {
    const DemoEvidence *d = &aDemoEvidence[i];
    int64_t iAct = 0;
    for (int k = 0; k < nAct && !iAct; k++) {
      if (strcmp(aAct[k].zTitle, d->zTitle) == 0) iAct = aAct[k].id;
    }
    if (!iAct) return DB_ERROR;
    if (demo_evidence_file(pDb, pArena, iAct, d->zKind, d->bPdf, d->zFilename,
                           d->zCaption, d->bPublic) != DB_OK) {
      return DB_ERROR;
    }
  }
  /* Uploaded two days after each activity, as the officer would have: a
  ** look back to a day in between shows it without them. */
  for (int k = 0; k < nAct; k++) {
    if (aAct[k].iStart < db_now() &&
        evidence_backdate(pDb, aAct[k].id, aAct[k].iEnd + 2 * 86400) != DB_OK) {
      return DB_ERROR;
    }
  }
  return DB_OK;
}
