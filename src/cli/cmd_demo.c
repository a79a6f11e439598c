/*
** cosoc demo — a demo installation: the MINVU–SERVIU council of the Coquimbo
** region and its administrator (the PAC officer). Later features add the
** council's real plan, people, activities and evidence here.
**
** Refuses a database that already holds data unless --force, which starts
** the file over (or, on PostgreSQL, drops every table of the database): a
** demo must never be mixed into real data.
*/
#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "store/accounts/accounts.h"
#include "cli/cli.h"

#define DEMO_ADMIN_EMAIL "encargada.pac@demo.cosoc.cl"
#define DEMO_ADMIN_NAME "Encargada de Participación Ciudadana (demo)"
#define DEMO_COUNCIL_NAME \
  "Consejo de la Sociedad Civil MINVU–SERVIU Región de Coquimbo"
#define DEMO_COUNCIL_SHORT "COSOC Minvu Serviu Coquimbo"

/* A password that is easy to type from a printout: four groups of four
** lower-case letters and digits, without look-alikes (0/o, 1/l). */
void cli_password_make(char zOut[20]) {
  static const char aAlpha[] = "abcdefghijkmnpqrstuvwxyz23456789";
  int j = 0;
  for (int i = 0; i < 16; i++) {
    if (i > 0 && i % 4 == 0) zOut[j++] = '-';
    zOut[j++] = aAlpha[randombytes_uniform(sizeof(aAlpha) - 1)];
  }
  zOut[j] = 0;
}

/* Removes an SQLite file and its companions; 0 on success. */
static int remove_sqlite_files(const char *zPath) {
  const char *azSuffix[] = {"", "-wal", "-shm", "-journal"};
  for (size_t i = 0; i < sizeof(azSuffix) / sizeof(azSuffix[0]); i++) {
    char zName[4096];
    snprintf(zName, sizeof(zName), "%s%s", zPath, azSuffix[i]);
    if (unlink(zName) != 0 && errno != ENOENT) {
      fprintf(stderr, "cosoc demo: no se pudo borrar %s: %s\n", zName,
              strerror(errno));
      return -1;
    }
  }
  return 0;
}

/* Empties a PostgreSQL database: a database cannot be removed like a file,
** and whoever runs cosoc may not be allowed to create one. 0 on success. */
static int drop_postgres_tables(const char *zTarget) {
  char zErr[512];
  Db *pDb = NULL;
  if (db_open(zTarget, &pDb, zErr, sizeof(zErr)) != DB_OK) {
    fprintf(stderr, "cosoc demo: %s\n", zErr);
    return -1;
  }
  int rc = db_drop_all(pDb);
  if (rc != DB_OK) {
    fprintf(stderr, "cosoc demo: no se pudieron borrar las tablas: %s\n",
            db_errmsg(pDb));
  }
  db_close(pDb);
  return rc == DB_OK ? 0 : -1;
}

static int demo_council(Db *pDb) {
  Council c = {.zName = DEMO_COUNCIL_NAME,
               .zShortName = DEMO_COUNCIL_SHORT,
               .zInstitution =
                   "Ministerio de Vivienda y Urbanismo — SEREMI "
                   "y SERVIU Región de Coquimbo",
               .zRegion = "04"};
  int64_t iCouncil = 0;
  return council_create(pDb, &c, &iCouncil);
}

int cmd_demo(int argc, char **argv) {
  const char *zDb = NULL, *zForce = NULL;
  const CliOption aOpt[] = {
      {"db", "COSOC_DB", 0, "base de datos a crear", &zDb},
      {"force", NULL, 1, "reemplaza una base de datos que ya tiene datos",
       &zForce},
  };
  int rc;
  if (!cli_args(argc, argv, 2, "demo",
                "Uso: cosoc demo --db ARCHIVO|URL [--force]\n\nCrea una "
                "instalación de demostración: el COSOC MINVU–SERVIU de "
                "la Región de Coquimbo y su administradora. Imprime el "
                "correo y la contraseña para ingresar.",
                aOpt, 2, 1, &rc)) {
    return rc;
  }
  Db *pDb = cli_open_db(zDb);
  if (!pDb) return CLI_FAIL;
  if (db_has_data(pDb)) {
    db_close(pDb);
    if (!zForce) {
      fprintf(stderr,
              "cosoc demo: %s ya tiene datos; no se tocó. Use "
              "--force para reemplazarla por la demostración.\n",
              zDb);
      return CLI_FAIL;
    }
    if (db_target_is_postgres(zDb)) {
      if (drop_postgres_tables(zDb) != 0) return CLI_FAIL;
    } else if (remove_sqlite_files(zDb) != 0) {
      return CLI_FAIL;
    }
    pDb = cli_open_db(zDb);
    if (!pDb) return CLI_FAIL;
  }
  Arena *pArena = arena_new();
  char zPassword[20];
  cli_password_make(zPassword);
  const char *zErr = NULL;
  rc = CLI_FAIL;
  int64_t iAdmin = 0;
  if (db_begin(pDb) == DB_OK) {
    if (demo_council(pDb) == DB_OK &&
        accounts_user_create(pDb, pArena, DEMO_ADMIN_EMAIL, DEMO_ADMIN_NAME,
                             "admin", zPassword, &iAdmin, &zErr,
                             NULL) == DB_OK &&
        demo_people(pDb, pArena) == DB_OK &&
        demo_plan(pDb, pArena, iAdmin, &zErr) == DB_OK &&
        demo_activities(pDb, pArena) == DB_OK &&
        demo_sessions(pDb, pArena) == DB_OK &&
        demo_evidence(pDb, pArena) == DB_OK &&
        demo_current(pDb, pArena, iAdmin, &zErr) == DB_OK &&
        demo_courses(pDb, pArena) == DB_OK) {
      rc = db_commit(pDb) == DB_OK ? CLI_OK : CLI_FAIL;
    } else {
      db_rollback(pDb);
    }
  }
  if (rc == CLI_OK) {
    printf("Base de datos de demostración creada: %s\n", zDb);
    printf("Consejo: %s\n", DEMO_COUNCIL_NAME);
    printf("Administrador: %s\n", DEMO_ADMIN_EMAIL);
    printf("Contraseña: %s\n", zPassword);
  } else {
    fprintf(stderr, "cosoc demo: no se pudo crear la demostración%s%s\n",
            zErr ? ": " : "", zErr ? zErr : "");
  }
  sodium_memzero(zPassword, sizeof(zPassword));
  arena_free(pArena);
  db_close(pDb);
  return rc;
}
