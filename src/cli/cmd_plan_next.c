/*
** cosoc plan next --db TARGET [--council ID] [--only-unmet] [--as-of D] —
** the next plan from the council's latest approved one: its lines not met
** carried over (marked so), dates moved to the new period, the evidence
** catalogue kept; saved as a draft version to edit, import over or
** approve. Exit 0 with a one-line summary; 1 when there is no approved
** plan; 2 on bad usage.
*/
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "store/plan/plan_store.h"
#include "util/text.h"

int plan_next_cmd(int argc, char **argv) {
  const char *zDb = NULL, *zCouncil = NULL, *zOnly = NULL, *zAsOf = NULL;
  const CliOption aOpt[] = {
      {"db", "COSOC_DB", 0, "base de datos", &zDb},
      {"council", NULL, 0, "id del consejo (si hay más de uno)", &zCouncil},
      {"only-unmet", NULL, 1, "solo las líneas no cumplidas", &zOnly},
      {"as-of", NULL, 0, "fecha de corte AAAA-MM-DD (fin del periodo)", &zAsOf},
  };
  int rc;
  Db *pDb =
      cli_args_db(argc, argv, 3, "plan next",
                  "Uso: cosoc plan next --db BASE [--council ID] "
                  "[--only-unmet] [--as-of AAAA-MM-DD]\n\n"
                  "Crea el plan siguiente a partir del plan aprobado: las "
                  "mismas líneas en los años que siguen, marcando las que "
                  "no se cumplieron. Queda como borrador.",
                  aOpt, 4, 1, &rc);
  if (!pDb) return rc;
  Arena *pArena = arena_new();
  const char *zErr = NULL;
  int64_t iCouncil = 0;
  int iNumber = 0, iExit = CLI_FAIL;
  long long iAsked = 0;
  if (zCouncil && !cli_number(zCouncil, 1, LLONG_MAX, &iAsked)) {
    fprintf(stderr, "cosoc plan next: --council debe ser un número\n");
    iExit = CLI_USAGE;
  } else if (plan_store_import_council(pDb, pArena, iAsked, &iCouncil, &zErr) !=
                 DB_OK ||
             !iCouncil) {
    /* The message may name councils, whose names come from documents. */
    fprintf(stderr, "cosoc plan next: %s\n",
            text_for_terminal(pArena, zErr ? zErr : "todavía no hay consejos"));
  } else if (plan_store_next(pDb, pArena, iCouncil, zAsOf, zOnly != NULL, 0,
                             "línea de comandos (cosoc plan next)", &iNumber,
                             &zErr) != DB_OK) {
    fprintf(stderr, "cosoc plan next: %s\n", text_for_terminal(pArena, zErr));
  } else {
    printf("Plan siguiente creado: versión %d del consejo %lld (borrador).\n",
           iNumber, (long long)iCouncil);
    iExit = CLI_OK;
  }
  arena_free(pArena);
  db_close(pDb);
  return iExit;
}
