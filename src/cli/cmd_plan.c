/*
** The plan on the command line:
**
**   cosoc import-plan FILE --db TARGET [--council ID] [--approve]
**       imports a plan document (text/HTML, Word .docx or Excel .xlsx, told
**       apart by content) as a new version of the council's plan, a draft
**       unless --approve. Exit 0 with a one-line summary on stdout (or
**       "Sin cambios" when the latest version is already so); the review of
**       every line as understood — window, target, evidence kinds, and each
**       guess or unknown with its reason — goes to stderr. Exit 1 with the
**       reason (what was expected and where) and nothing written when
**       refused; exit 2 on bad usage.
**   cosoc plan approve N --db TARGET [--council ID]
**   cosoc plan next --db TARGET [--council ID] [--only-unmet] [--as-of D]
**       the next plan from the latest approved one (plan_next.c).
**
** Also the demo's plan: the council's real plan, compiled into the binary
** (build/gen/embedded_seeds.c), imported and approved.
*/
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/chile_time.h"
#include "domain/plan_catalog.h"
#include "domain/plan_import.h"
#include "import/plan_document.h"
#include "store/plan/plan_store.h"
#include "util/embedded.h"
#include "util/text.h"

#define PLAN_CLI_AUTHOR "línea de comandos (cosoc import-plan)"
#define DEMO_PLAN_FILE "plan-anual-cosoc-minvu-serviu-coquimbo-2024-2025.txt"

/* Reads the whole file into arena memory, at most one byte more than a plan
** may weigh (so that the importer can say it is too large); NULL (message
** printed) on failure. */
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

/* "--council ID" as a number (0 when absent); -1 after a usage message. */
static int64_t council_option(const char *zCmd, const char *zCouncil) {
  if (!zCouncil) return 0;
  long long v = 0;
  if (!cli_number(zCouncil, 1, LLONG_MAX, &v)) {
    fprintf(stderr,
            "cosoc %s: --council debe ser un número de consejo, no «%s»\n",
            zCmd, zCouncil);
    return -1;
  }
  return v;
}

/* "; 2 fechas por revisar" when n > 0. */
static const char *count_text(Arena *pArena, int n, const char *zOne,
                              const char *zMany) {
  return n ? arena_printf(pArena, "; %d %s", n, n == 1 ? zOne : zMany) : "";
}

/* The one-line summary's flag counts and the lines that carry them. */
static const char *flags_text(Arena *pArena, const PlanDoc *pDoc) {
  int nWindow = 0, nTarget = 0, nEvidence = 0;
  Buf lines;
  buf_init(&lines, pArena);
  for (int i = 0; i < pDoc->nLine; i++) {
    const PlanLine *pL = &pDoc->aLine[i];
    nWindow += pL->window.bFlagged;
    nTarget += pL->target.bFlagged;
    for (int k = 0; k < pL->nEvidence; k++)
      nEvidence += pL->aEvidence[k].bFlagged;
    if (plan_line_flags(pL)) {
      buf_printf(&lines, "%s%d", lines.n ? ", " : "", pL->iNumber);
    }
  }
  return arena_printf(
      pArena, "%s%s%s%s",
      count_text(pArena, nWindow, "fecha por revisar", "fechas por revisar"),
      count_text(pArena, nTarget, "meta por revisar", "metas por revisar"),
      count_text(pArena, nEvidence, "verificador por revisar",
                 "verificadores por revisar"),
      lines.n ? arena_printf(pArena, "; revise las líneas %s", buf_str(&lines))
              : "");
}

/* z for the terminal (text_for_terminal()): the document's words, and what
** is made of them, may carry control sequences (a C1 CSI in a .docx cell
** or a text line) that the terminal would obey. */
static const char *tty(Arena *pArena, const char *z) {
  return text_for_terminal(pArena, z);
}

/* Every line as understood, with each guess and unknown, to stderr: what
** the officer checks before approving. Each piece of the document goes
** through tty(). */
static void print_review(Arena *pArena, const PlanDoc *pDoc) {
  fprintf(stderr, "Así se entendió el plan «%s» (%s al %s):\n",
          tty(pArena, pDoc->zTitle), tty(pArena, pDoc->zPeriodStart),
          tty(pArena, pDoc->zPeriodEnd));
  for (int i = 0; i < pDoc->nLine; i++) {
    const PlanLine *pL = &pDoc->aLine[i];
    fprintf(stderr, "Línea %d%s%s%s\n", pL->iNumber, pL->zWhere ? " (" : "",
            pL->zWhere ? tty(pArena, pL->zWhere) : "", pL->zWhere ? ")" : "");
    fprintf(stderr, "  Fechas: «%s» → %s al %s%s\n",
            tty(pArena, pL->zWindowPhrase), tty(pArena, pL->window.zStart),
            tty(pArena, pL->window.zEnd),
            pL->window.bAsNeeded ? " (según se vayan agendando)" : "");
    if (pL->window.bFlagged)
      fprintf(stderr, "    POR REVISAR: %s\n", tty(pArena, pL->window.zReason));
    fprintf(stderr, "  Meta: %s\n",
            tty(pArena, plan_target_describe(pArena, &pL->target)));
    if (pL->target.bFlagged)
      fprintf(stderr, "    POR REVISAR: %s\n", tty(pArena, pL->target.zReason));
    for (int k = 0; k < pL->nEvidence; k++) {
      const PlanEvidence *e = &pL->aEvidence[k];
      fprintf(stderr, "  Verificador: «%s» → %s (%s)\n", tty(pArena, e->zLabel),
              tty(pArena, e->zKind),
              plan_evidence_is_standard(e->zKind) ? "habitual"
                                                  : "propio del consejo");
      if (e->bFlagged)
        fprintf(stderr, "    POR REVISAR: %s\n", tty(pArena, e->zReason));
    }
    if (pL->nEvidence == 0)
      fprintf(stderr, "  Verificadores: ninguno (POR REVISAR)\n");
    if (pL->zNotes && *pL->zNotes)
      fprintf(stderr, "  Notas: %s\n", tty(pArena, pL->zNotes));
  }
}

int cmd_import_plan(int argc, char **argv) {
  const char *zDb = NULL, *zCouncil = NULL, *zApprove = NULL;
  const CliOption aOpt[] = {
      {"db", "COSOC_DB", 0, "base de datos", &zDb},
      {"council", NULL, 0, "id del consejo (si hay más de uno)", &zCouncil},
      {"approve", NULL, 1, "aprueba también la versión importada", &zApprove},
  };
  const char *azPos[1];
  int nPos = 0;
  int rc = cli_parse(
      argc, argv, 2, "import-plan",
      "Uso: cosoc import-plan ARCHIVO --db BASE [--council ID] [--approve]\n\n"
      "Importa un plan anual como una nueva versión (borrador) del plan del "
      "consejo. ARCHIVO puede ser texto (con tabulaciones o HTML), un "
      "documento de Word (.docx) o una planilla Excel (.xlsx): el formato se "
      "reconoce por el contenido. El plan trae un título con su periodo, "
      "una introducción, los objetivos generales y una tabla con columnas "
      "como N°, OBJETIVO, ACCIONES, RESPONSABLES, VERIFICADOR, FECHAS y META, "
      "en cualquier orden. Imprime un resumen de una línea; lo entendido en "
      "cada línea del plan, con lo que hay que revisar, sale por la salida de "
      "errores. Importar el mismo documento dos veces no cambia nada.",
      aOpt, 3, azPos, 1, &nPos);
  if (rc != CLI_OK) return rc == CLI_HELP_SHOWN ? 0 : rc;
  if (nPos != 1) {
    fprintf(stderr,
            "cosoc import-plan: falta el ARCHIVO del plan (vea cosoc "
            "import-plan --help)\n");
    return CLI_USAGE;
  }
  int64_t iCouncil = 0;
  if (!cli_require("import-plan", aOpt, 1) ||
      (iCouncil = council_option("import-plan", zCouncil)) < 0) {
    return CLI_USAGE;
  }
  Arena *pArena = arena_new();
  size_t nData = 0;
  char *zData = read_file(pArena, azPos[0], &nData);
  if (!zData) {
    arena_free(pArena);
    return CLI_FAIL;
  }
  /* Read once before the database is opened: a file that is no plan
  ** leaves no trace, not even a new database file. */
  PlanSource src;
  PlanDoc doc;
  const char *zErr = NULL;
  if (plan_document_read(pArena, zData, nData, &src, &zErr) != 0 ||
      plan_import_source(pArena, &src, NULL, &doc, &zErr) != PLAN_IMPORT_OK) {
    fprintf(stderr, "cosoc import-plan: %s no se importó. %s\n",
            tty(pArena, azPos[0]), tty(pArena, zErr));
    arena_free(pArena);
    return CLI_FAIL;
  }
  Db *pDb = cli_open_db(zDb);
  if (!pDb) {
    arena_free(pArena);
    return CLI_FAIL;
  }
  int iExit = CLI_FAIL;
  rc = plan_store_read_document(pDb, pArena, iCouncil, zData, nData, &doc,
                                &zErr);
  int iNumber = 0, nChanges = 0;
  int64_t iUsed = 0;
  if (rc == DB_OK) {
    rc = plan_store_import(
        pDb, pArena, iCouncil, &doc,
        arena_printf(pArena, "Importación de %s", base_name(azPos[0])), 0,
        PLAN_CLI_AUTHOR, &iUsed, &iNumber, &nChanges, &zErr);
  }
  int bApproved = 0;
  if (rc != DB_ERROR && rc != PLAN_REFUSED && zApprove) {
    bApproved = plan_store_approve(pDb, iUsed, iNumber, 0) == DB_OK;
    if (!bApproved) {
      zErr = "se importó, pero no se pudo aprobar la versión";
      rc = DB_ERROR;
    }
  }
  if (rc == DB_ERROR || rc == PLAN_REFUSED) {
    fprintf(stderr, "cosoc import-plan: %s no se importó: %s\n",
            tty(pArena, azPos[0]), tty(pArena, zErr ? zErr : db_errmsg(pDb)));
  } else if (rc == PLAN_UNCHANGED) {
    printf(
        "Sin cambios: el plan «%s» del consejo %lld ya está así en la "
        "versión %d%s.\n",
        tty(pArena, doc.zTitle), (long long)iUsed, iNumber,
        bApproved ? ", que queda aprobada" : "");
    iExit = CLI_OK;
  } else {
    printf(
        "Plan importado%s: «%s», versión %d del consejo %lld (%d objetivos, "
        "%d líneas%s%s)%s\n",
        bApproved ? " y aprobado" : "", tty(pArena, doc.zTitle), iNumber,
        (long long)iUsed, doc.nObjective, doc.nLine,
        iNumber > 1 ? arena_printf(pArena, ", %d cambio%s", nChanges,
                                   nChanges == 1 ? "" : "s")
                    : "",
        flags_text(pArena, &doc),
        bApproved ? "."
                  : arena_printf(pArena,
                                 "; queda como borrador hasta que se "
                                 "apruebe (cosoc plan approve %d).",
                                 iNumber));
    print_review(pArena, &doc);
    iExit = CLI_OK;
  }
  db_close(pDb);
  arena_free(pArena);
  return iExit;
}

/* ---- cosoc plan approve / next ---- */

static int plan_approve(int argc, char **argv) {
  const char *zDb = NULL, *zCouncil = NULL;
  const CliOption aOpt[] = {
      {"db", "COSOC_DB", 0, "base de datos", &zDb},
      {"council", NULL, 0, "id del consejo (si hay más de uno)", &zCouncil},
  };
  const char *azPos[1];
  int nPos = 0;
  int rc = cli_parse(argc, argv, 3, "plan approve",
                     "Uso: cosoc plan approve N --db BASE [--council ID]\n\n"
                     "Aprueba la versión N del plan del consejo: desde ahora "
                     "es la que ve el público.",
                     aOpt, 2, azPos, 1, &nPos);
  if (rc != CLI_OK) return rc == CLI_HELP_SHOWN ? 0 : rc;
  long long iNumber = 0;
  if (nPos != 1 || !cli_number(azPos[0], 1, 1000000, &iNumber)) {
    fprintf(stderr,
            "cosoc plan approve: falta el número N de la versión "
            "(vea cosoc plan approve --help)\n");
    return CLI_USAGE;
  }
  int64_t iCouncil = 0;
  if (!cli_require("plan approve", aOpt, 1) ||
      (iCouncil = council_option("plan approve", zCouncil)) < 0) {
    return CLI_USAGE;
  }
  Db *pDb = cli_open_db(zDb);
  if (!pDb) return CLI_FAIL;
  Arena *pArena = arena_new();
  const char *zErr = NULL;
  int64_t iUsed = 0;
  int iExit = CLI_FAIL;
  if (plan_store_import_council(pDb, pArena, iCouncil, &iUsed, &zErr) !=
      DB_OK) {
    fprintf(stderr, "cosoc plan approve: %s\n", tty(pArena, zErr));
  } else if (!iUsed) {
    fprintf(stderr, "cosoc plan approve: todavía no hay consejos\n");
  } else if ((rc = plan_store_approve(pDb, iUsed, (int)iNumber, 0)) ==
             DB_DONE) {
    fprintf(stderr,
            "cosoc plan approve: el plan del consejo %lld no tiene "
            "una versión %lld\n",
            (long long)iUsed, iNumber);
  } else if (rc != DB_OK) {
    fprintf(stderr, "cosoc plan approve: %s\n", db_errmsg(pDb));
  } else {
    printf("Versión %lld del plan del consejo %lld aprobada.\n", iNumber,
           (long long)iUsed);
    iExit = CLI_OK;
  }
  arena_free(pArena);
  db_close(pDb);
  return iExit;
}

int cmd_plan(int argc, char **argv) {
  /* Each with its own synopsis: no lines of the table in the help. */
  static const CliSubcommand aSub[] = {
      {"approve", plan_approve, NULL},
      {"next", plan_next_cmd, NULL},
  };
  return cli_subcommand_run(
      argc, argv, "plan",
      "approve N --db BASE [--council ID]\n"
      "     cosoc plan next --db BASE [--council ID] [--only-unmet] "
      "[--as-of AAAA-MM-DD]",
      aSub, (int)(sizeof(aSub) / sizeof(aSub[0])),
      "approve: aprueba la versión N del plan.\n"
      "next: crea el plan siguiente a partir del aprobado (borrador).\n",
      "«cosoc plan approve» o «cosoc plan next»");
}

int demo_plan(Db *pDb, Arena *pArena, int64_t iAdminId, const char **pzErr) {
  int64_t iCouncil = council_default_id(pDb);
  const EmbeddedFile *pFile = embedded_find(embedded_seeds, DEMO_PLAN_FILE);
  if (!pFile) {
    *pzErr = "el plan de demostración no está en el programa";
    return DB_ERROR;
  }
  PlanDoc doc;
  if (plan_store_read_document(pDb, pArena, iCouncil, pFile->aData,
                               pFile->nSize, &doc, pzErr) != DB_OK) {
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
  /* The real plan was approved before its period began. */
  LocalTime lt = {2024, 1, 12, 12, 0, 0};
  int64_t tApproved = 0;
  chile_time_to_utc(&lt, &tApproved);
  return plan_store_backdate_approval(pDb, iCouncil, iNumber, tApproved);
}
