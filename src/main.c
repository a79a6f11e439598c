/*
** cosoc: the program of a Consejo de la Sociedad Civil (Ley 20.500).
**
** main() only dispatches to a subcommand (src/cli/); it holds no logic so
** that every other file can be linked into the unit tests.
*/
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "util/version.h"

typedef struct Command {
  const char *zName;
  int (*xRun)(int argc, char **argv);
  const char *zHelp; /* One line, Spanish */
} Command;

static const Command aCommand[] = {
    {"serve", cmd_serve, "atiende el sitio web y la API"},
    {"migrate", cmd_migrate, "crea o actualiza el esquema de la base de datos"},
    {"user", cmd_user, "administra cuentas (add, disable, enable, role, council, list)"},
    {"council", cmd_council, "los consejos de la instalación (add, list)"},
    {"token", cmd_token, "tokens para la API (create, revoke, list)"},
    {"demo", cmd_demo, "crea una instalación de demostración"},
    {"rut", cmd_rut, "valida y normaliza RUT/RUN (cosoc rut 12.345.678-5)"},
    {"backup", cmd_backup, "respalda la base de datos sin detener el servidor"},
    {"mail", cmd_mail, "correo: envía pendientes, prueba, lista (mail --help)"},
    {"retention", cmd_retention,
     "aplica los plazos de conservación de datos personales (retention run)"},
    {"import-plan", cmd_import_plan,
     "importa el plan anual desde un documento"},
    {"plan", cmd_plan, "aprueba una versión del plan o crea el siguiente"},
    {"bench-data", cmd_bench_data,
     "crea datos nacionales sintéticos (make bench)"},
    {"compliance-summary", cmd_compliance_summary,
     "cumplimiento de todos los consejos"},
};

static void usage(FILE *pOut) {
  fprintf(pOut,
          "Uso: cosoc COMANDO [opciones]\n\n"
          "cosoc lleva el trabajo de un Consejo de la Sociedad Civil: "
          "plan anual,\nsesiones, actas, acuerdos y verificadores.\n\n"
          "Comandos:\n");
  for (size_t i = 0; i < sizeof(aCommand) / sizeof(aCommand[0]); i++) {
    fprintf(pOut, "  %-12s %s\n", aCommand[i].zName, aCommand[i].zHelp);
  }
  fprintf(pOut,
          "\nCada comando tiene su ayuda: cosoc COMANDO --help\n"
          "  --version  muestra la versión\n");
}

int main(int argc, char **argv) {
  if (argc < 2) {
    usage(stderr);
    return CLI_USAGE;
  }
  const char *zCmd = argv[1];
  if (strcmp(zCmd, "--help") == 0 || strcmp(zCmd, "-h") == 0 ||
      strcmp(zCmd, "help") == 0) {
    usage(stdout);
    return CLI_OK;
  }
  if (strcmp(zCmd, "--version") == 0 || strcmp(zCmd, "version") == 0) {
    printf("cosoc %s (%s)\n", cosoc_version, cosoc_commit);
    return CLI_OK;
  }
  for (size_t i = 0; i < sizeof(aCommand) / sizeof(aCommand[0]); i++) {
    if (strcmp(zCmd, aCommand[i].zName) == 0)
      return aCommand[i].xRun(argc, argv);
  }
  /* Not in --help: for the tests that walk the route table */
  if (strcmp(zCmd, "routes") == 0) return cmd_routes(argc, argv);
  fprintf(stderr, "cosoc: comando desconocido: %s (vea cosoc --help)\n", zCmd);
  return CLI_USAGE;
}
