/*
** cosoc council add|list — the councils of an installation.
** cosoc routes             — the route table, for the tests that walk it
**                            (not listed in --help).
*/
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "pages/routes.h"
#include "store/council/council.h"
#include "util/text.h"

static int council_add(int argc, char **argv) {
  const char *zDb = NULL, *zName = NULL, *zShort = NULL, *zRegion = NULL;
  const char *zSeat = "", *zSlug = "", *zInstitution = "";
  const CliOption aOpt[] = {
      {"db", "COSOC_DB", 0, "base de datos", &zDb},
      {"name", NULL, 0, "nombre del consejo", &zName},
      {"short-name", NULL, 0, "nombre corto, el que muestran las páginas",
       &zShort},
      {"region", NULL, 0, "código CUT de su región («04»)", &zRegion},
      {"seat", NULL, 0, "código CUT de su comuna sede (opcional)", &zSeat},
      {"slug", NULL, 0,
       "nombre en sus direcciones, /c/SLUG/ (opcional: del nombre corto)",
       &zSlug},
      {"institution", NULL, 0, "institución a la que asesora (opcional)",
       &zInstitution},
  };
  int rc;
  Db *pDb =
      cli_args_db(argc, argv, 3, "council add",
                  "Uso: cosoc council add --db ARCHIVO --name NOMBRE "
                  "--short-name CORTO --region RR [--seat CUT] [--slug SLUG]"
                  "\n\nCrea un consejo; su id queda solo en la última línea. "
                  "Sus páginas son /c/SLUG/.",
                  aOpt, 7, 4, &rc);
  if (!pDb) return rc;
  Arena *pArena = arena_new();
  Council c;
  memset(&c, 0, sizeof(c));
  c.zName = zName;
  c.zShortName = zShort;
  c.zInstitution = zInstitution;
  c.zRegion = zRegion;
  c.zSeatCommune = zSeat;
  c.zSlug = zSlug;
  c.zLogoUrl = c.zTermStart = c.zTermEnd = "";
  c.nTermYears = COUNCIL_TERM_YEARS_DEFAULT;
  Problems err;
  problems_init(&err);
  council_check(pDb, pArena, &c, &err);
  if (err.n > 0) {
    for (int i = 0; i < err.n; i++) {
      fprintf(stderr, "cosoc council add: %s\n", err.azMessage[i]);
    }
    rc = CLI_FAIL;
  } else {
    int64_t iId = 0;
    if (council_create(pDb, &c, &iId) == DB_OK &&
        council_get(pDb, pArena, iId, &c) == DB_OK) {
      printf("Consejo creado: %s, páginas en /c/%s/\n%lld\n",
             text_for_terminal(pArena, c.zShortName), c.zSlug, (long long)iId);
      rc = CLI_OK;
    } else {
      fprintf(stderr, "cosoc council add: no se pudo crear el consejo\n");
      rc = CLI_FAIL;
    }
  }
  arena_free(pArena);
  db_close(pDb);
  return rc;
}

static int council_list_print(Db *pDb, Arena *pArena) {
  Council *a = NULL;
  int n = 0;
  int rc = council_list(pDb, pArena, &a, &n);
  for (int i = 0; i < n; i++) {
    printf("%lld\t%s\t%s\t%s\t%s\n", (long long)a[i].id, a[i].zSlug,
           a[i].zRegion, text_for_terminal(pArena, a[i].zShortName),
           text_for_terminal(pArena, a[i].zName));
  }
  return rc == DB_OK ? CLI_OK : CLI_FAIL;
}

static int council_list_cmd(int argc, char **argv) {
  return cli_db_command(argc, argv, 3, "council list",
                        "Uso: cosoc council list --db ARCHIVO\n\nUna línea por "
                        "consejo, separada por tabuladores: id, slug, región, "
                        "nombre corto, nombre.",
                        council_list_print);
}

int cmd_council(int argc, char **argv) {
  static const CliSubcommand aSub[] = {
      {"add", council_add,
       "crea un consejo (--name, --short-name, --region, [--seat], [--slug])"},
      {"list", council_list_cmd, "muestra los consejos"},
  };
  return cli_subcommand_run(argc, argv, "council", "%s [opciones]", aSub,
                            (int)(sizeof(aSub) / sizeof(aSub[0])), NULL, NULL);
}

/* One line per route: pattern, GET roles, POST roles, flags (numbers). */
int cmd_routes(int argc, char **argv) {
  (void)argc;
  (void)argv;
  for (int i = 0; i < routes_count; i++) {
    printf("%s\t%d\t%d\t%d\n", routes_table[i].zPattern, routes_table[i].mGet,
           routes_table[i].mPost, routes_table[i].mFlag);
  }
  return CLI_OK;
}
