/*
** cosoc import-plan FILE --db TARGET [--council ID] — imports a plan
** document (the format of data/seeds/plan-anual-…txt) as a new version of
** the council's plan. Exit 0 with a one-line summary when imported or when
** nothing changed; exit 1 with the reason (what was expected and where)
** and nothing written when refused; exit 2 on bad usage.
**
** Also the demo's plan: the council's real plan, compiled into the binary
** (build/gen/embedded_seeds.c), imported and approved.
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/plan_import.h"
#include "store/plan/plan_store.h"
#include "util/embedded.h"

#define PLAN_CLI_AUTHOR "línea de comandos (cosoc import-plan)"
#define DEMO_PLAN_FILE "plan-anual-cosoc-minvu-serviu-coquimbo-2024-2025.txt"

/* Reads the whole file into arena memory; NULL (message printed) on failure
** or when it is larger than a plan can be. */
static char *read_file(Arena *pArena, const char *zPath, size_t *pn) {
  FILE *f = fopen(zPath, "rb");
  if (!f) {
    fprintf(stderr, "cosoc import-plan: no se pudo abrir %s: %s\n", zPath,
            strerror(errno));
    return NULL;
  }
  /* Read past the largest plan only far enough to know it is larger. */
  Buf b;
  buf_init(&b, pArena);
  char aChunk[64 * 1024];
  size_t nGot;
  while (b.n <= PLAN_IMPORT_MAX_BYTES &&
         (nGot = fread(aChunk, 1, sizeof(aChunk), f)) > 0) {
    buf_append(&b, aChunk, nGot);
  }
  int bErr = ferror(f);
  fclose(f);
  if (bErr) {
    fprintf(stderr, "cosoc import-plan: no se pudo leer %s\n", zPath);
    return NULL;
  }
  *pn = b.n;
  return (char *)buf_str(&b);
}

static const char *base_name(const char *zPath) {
  const char *z = strrchr(zPath, '/');
  return z ? z + 1 : zPath;
}

int cmd_import_plan(int argc, char **argv) {
  const char *zDb = NULL, *zCouncil = NULL;
  const CliOption aOpt[] = {
      {"db", "COSOC_DB", 0, "base de datos", &zDb},
      {"council", NULL, 0, "id del consejo (si hay más de uno)", &zCouncil},
  };
  const char *azPos[1];
  int nPos = 0;
  int rc =
      cli_parse(argc, argv, 2, "import-plan",
                "Uso: cosoc import-plan ARCHIVO --db BASE [--council ID]\n\n"
                "Importa un plan anual (título, introducción, OBJETIVO PLAN "
                "y la tabla N° / OBJETIVO / ACCIONES / RESPONSABLES / "
                "VERIFICADOR / FECHAS) como una nueva versión del plan del "
                "consejo. Importar el mismo documento dos veces no cambia "
                "nada.",
                aOpt, 2, azPos, 1, &nPos);
  if (rc != CLI_OK) return rc == CLI_HELP_SHOWN ? 0 : rc;
  if (nPos != 1) {
    fprintf(stderr,
            "cosoc import-plan: falta el ARCHIVO del plan (vea cosoc "
            "import-plan --help)\n");
    return CLI_USAGE;
  }
  if (!zDb) {
    fprintf(stderr, "cosoc import-plan: falta --db (o COSOC_DB)\n");
    return CLI_USAGE;
  }
  int64_t iCouncil = 0;
  if (zCouncil) {
    char *zEnd;
    long long v = strtoll(zCouncil, &zEnd, 10);
    if (!*zCouncil || *zEnd || v <= 0) {
      fprintf(stderr,
              "cosoc import-plan: --council debe ser un número de "
              "consejo, no «%s»\n",
              zCouncil);
      return CLI_USAGE;
    }
    iCouncil = v;
  }
  Arena *pArena = arena_new();
  size_t nText = 0;
  char *zText = read_file(pArena, azPos[0], &nText);
  if (!zText) {
    arena_free(pArena);
    return CLI_FAIL;
  }
  /* Parsed before the database is opened: a refused file writes nothing. */
  PlanDoc doc;
  const char *zErr = NULL;
  if (plan_import_parse(pArena, zText, nText, &doc, &zErr) != PLAN_IMPORT_OK) {
    fprintf(stderr, "cosoc import-plan: %s no se importó. %s\n", azPos[0],
            zErr);
    arena_free(pArena);
    return CLI_FAIL;
  }
  Db *pDb = cli_open_db(zDb);
  if (!pDb) {
    arena_free(pArena);
    return CLI_FAIL;
  }
  int iNumber = 0, nChanges = 0;
  int64_t iUsed = 0;
  rc = plan_store_import(
      pDb, pArena, iCouncil, &doc,
      arena_printf(pArena, "Importación de %s", base_name(azPos[0])), 0,
      PLAN_CLI_AUTHOR, &iUsed, &iNumber, &nChanges, &zErr);
  int iExit = CLI_OK;
  if (rc == DB_ERROR) {
    fprintf(stderr, "cosoc import-plan: %s no se importó: %s\n", azPos[0],
            zErr);
    iExit = CLI_FAIL;
  } else if (rc == PLAN_UNCHANGED) {
    printf(
        "Sin cambios: el plan «%s» del consejo %lld ya está así en la "
        "versión %d.\n",
        doc.zTitle, (long long)iUsed, iNumber);
  } else {
    int nFlagged = 0;
    for (int i = 0; i < doc.nLine; i++)
      nFlagged += doc.aLine[i].window.bFlagged;
    printf(
        "Plan importado: «%s», versión %d del consejo %lld (%d objetivos, "
        "%d líneas%s%s).\n",
        doc.zTitle, iNumber, (long long)iUsed, doc.nObjective, doc.nLine,
        iNumber > 1 ? arena_printf(pArena, ", %d cambio%s", nChanges,
                                   nChanges == 1 ? "" : "s")
                    : "",
        nFlagged ? arena_printf(pArena, "; %d fecha%s por revisar", nFlagged,
                                nFlagged == 1 ? "" : "s")
                 : "");
  }
  db_close(pDb);
  arena_free(pArena);
  return iExit;
}

int demo_plan(Db *pDb, Arena *pArena, int64_t iAdminId, const char **pzErr) {
  int64_t iCouncil = council_default_id(pDb);
  const EmbeddedFile *pFile = embedded_find(embedded_seeds, DEMO_PLAN_FILE);
  if (!pFile) {
    *pzErr = "el plan de demostración no está en el programa";
    return DB_ERROR;
  }
  PlanDoc doc;
  if (plan_import_parse(pArena, (const char *)pFile->aData, pFile->nSize, &doc,
                        pzErr) != PLAN_IMPORT_OK) {
    return DB_ERROR;
  }
  int iNumber = 0;
  int rc = plan_store_save(
      pDb, pArena, iCouncil, &doc, "importacion",
      "Plan anual de trabajo 2024-2025 del consejo "
      "(demostración)",
      iAdminId, "Encargada de Participación Ciudadana (demo)", &iNumber, NULL);
  if (rc == DB_ERROR ||
      plan_store_approve(pDb, iCouncil, iNumber, iAdminId) != DB_OK) {
    *pzErr = "no se pudo guardar el plan de demostración";
    return DB_ERROR;
  }
  return DB_OK;
}
