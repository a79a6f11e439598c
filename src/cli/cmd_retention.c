/*
** cosoc retention run --db TARGET: applies every council's retention
** settings now (issue 21, item 5). `cosoc serve` runs the same once a day
** (retention_job.c).
*/
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "store/privacy/retention_store.h"

static int retention_apply(Db *pDb, Arena *pArena) {
  (void)pArena;
  RetentionCounts c;
  memset(&c, 0, sizeof(c));
  if (retention_run_all(pDb, db_now(), "línea de comandos", &c) != DB_OK) {
    fprintf(stderr, "cosoc retention run: no se pudo aplicar: %s\n",
            db_errmsg(pDb));
    return CLI_FAIL;
  }
  printf(
      "Conservación aplicada: %d invitados, %d citaciones, %d correos y "
      "%d solicitudes anonimizados; %d registros de ingreso borrados.\n",
      c.nGuests, c.nInvitations, c.nMail, c.nRequests, c.nSignins);
  return CLI_OK;
}

static int retention_run_cmd(int argc, char **argv) {
  return cli_db_command(
      argc, argv, 3, "retention run",
      "Uso: cosoc retention run --db ARCHIVO|URL\n\n"
      "Anonimiza los datos personales cuyo plazo de conservación "
      "venció (invitados, citaciones de no integrantes, registro "
      "de correos, intentos de ingreso, solicitudes respondidas), "
      "según los plazos de cada consejo. Lo que un acta publicada "
      "o un certificado necesita se conserva. Queda en el "
      "registro de auditoría.",
      retention_apply);
}

int cmd_retention(int argc, char **argv) {
  static const CliSubcommand aSub[] = {
      {"run", retention_run_cmd,
       "aplica ahora los plazos de conservación de datos personales"},
  };
  return cli_subcommand_run(argc, argv, "retention", "%s --db ARCHIVO|URL",
                            aSub, (int)(sizeof(aSub) / sizeof(aSub[0])),
                            "cosoc serve lo hace solo una vez al día.\n", NULL);
}
