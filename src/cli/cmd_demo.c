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
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/accounts/accounts.h"
#include "store/council/council.h"
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

#define DEMO_COUNCILS_MAX 4 /* The demo's councils, at most */
#define DEMO_COUNCILS_MAX_TEXT "4"
#define DEMO_NATIONAL_EMAIL "equipo.nacional@demo.cosoc.cl"

/* One more council of the demo, as printed. */
typedef struct DemoCouncil {
  const char *zShortName;
  const char *zSlug;
  const char *zEmail; /* Its officer */
  char zPassword[20]; /* Theirs; the last slot's is the national team's */
} DemoCouncil;

/* Councils 2..nCouncils (bench_demo_council), each with its officer, and
** with several councils the national team (an admin of none), into aMore. */
static int demo_more_councils(Db *pDb, Arena *pArena, int nCouncils,
                              DemoCouncil *aMore) {
  for (int i = 1; i < nCouncils; i++) {
    DemoCouncil *d = &aMore[i - 1];
    cli_password_make(d->zPassword);
    d->zEmail = arena_printf(pArena, "encargada.pac.%d@demo.cosoc.cl", i + 1);
    const char *zErr = NULL;
    int64_t iOfficer = 0, iCouncil = 0;
    Council c;
    if (accounts_user_create(
            pDb, pArena, d->zEmail,
            arena_printf(pArena, "Encargada del consejo %d", i + 1), "admin",
            d->zPassword, &iOfficer, &zErr, NULL) != DB_OK ||
        bench_demo_council(pDb, pArena, i, iOfficer, &iCouncil) != DB_OK ||
        council_get(pDb, pArena, iCouncil, &c) != DB_OK) {
      return DB_ERROR;
    }
    d->zShortName = c.zShortName;
    d->zSlug = c.zSlug;
  }
  if (nCouncils > 1) {
    DemoCouncil *d = &aMore[nCouncils - 1];
    cli_password_make(d->zPassword);
    const char *zErr = NULL;
    int64_t iNational = 0;
    return accounts_user_create(pDb, pArena, DEMO_NATIONAL_EMAIL,
                                "Equipo nacional (demo)", "admin", d->zPassword,
                                &iNational, &zErr, NULL);
  }
  return DB_OK;
}

int cmd_demo(int argc, char **argv) {
  const char *zDb = NULL, *zForce = NULL, *zCouncils = "1";
  const CliOption aOpt[] = {
      {"db", "COSOC_DB", 0, "base de datos a crear", &zDb},
      {"force", NULL, 1, "reemplaza una base de datos que ya tiene datos",
       &zForce},
      {"councils", NULL, 0,
       "cuántos consejos (1 a " DEMO_COUNCILS_MAX_TEXT "; 1 si se omite)",
       &zCouncils},
  };
  int rc;
  if (!cli_args(argc, argv, 2, "demo",
                "Uso: cosoc demo --db ARCHIVO|URL [--force] [--councils N]"
                "\n\nCrea una instalación de demostración: el COSOC "
                "MINVU–SERVIU de la Región de Coquimbo y su administradora. "
                "Imprime el correo y la contraseña para ingresar. Con "
                "--councils N, N-1 consejos más (uno por región), cada uno "
                "con su encargada, sus integrantes, su plan y sus "
                "actividades, y una cuenta del equipo nacional, que ve "
                "todos los consejos en /consejos.",
                aOpt, 3, 1, &rc)) {
    return rc;
  }
  long long nCouncils = 0;
  if (!cli_number(zCouncils, 1, DEMO_COUNCILS_MAX, &nCouncils)) {
    fprintf(stderr, "cosoc demo: --councils va de 1 a %d\n", DEMO_COUNCILS_MAX);
    return CLI_USAGE;
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
  DemoCouncil aMore[DEMO_COUNCILS_MAX];
  memset(aMore, 0, sizeof(aMore));
  if (db_begin(pDb) == DB_OK) {
    if (demo_council(pDb) == DB_OK &&
        accounts_user_create(pDb, pArena, DEMO_ADMIN_EMAIL, DEMO_ADMIN_NAME,
                             "admin", zPassword, &iAdmin, &zErr,
                             NULL) == DB_OK &&
        council_member_set(pDb, iAdmin, council_default_id(pDb), "admin") ==
            DB_OK &&
        demo_people(pDb, pArena) == DB_OK &&
        demo_plan(pDb, pArena, iAdmin, &zErr) == DB_OK &&
        demo_activities(pDb, pArena) == DB_OK &&
        demo_sessions(pDb, pArena) == DB_OK &&
        demo_evidence(pDb, pArena) == DB_OK &&
        demo_current(pDb, pArena, iAdmin, &zErr) == DB_OK &&
        demo_courses(pDb, pArena) == DB_OK &&
        demo_more_councils(pDb, pArena, (int)nCouncils, aMore) == DB_OK) {
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
    for (int i = 0; i + 1 < nCouncils; i++) {
      const DemoCouncil *d = &aMore[i];
      printf("Consejo %d: %s, en /c/%s/\n", i + 2, d->zShortName, d->zSlug);
      printf("Encargada del consejo %d: %s\n", i + 2, d->zEmail);
      printf("Su contraseña: %s\n", d->zPassword);
    }
    if (nCouncils > 1) {
      printf("Equipo nacional: %s\n", DEMO_NATIONAL_EMAIL);
      printf("Su contraseña: %s\n", aMore[nCouncils - 1].zPassword);
      printf("Vista nacional: /consejos\n");
    }
  } else {
    fprintf(stderr, "cosoc demo: no se pudo crear la demostración%s%s\n",
            zErr ? ": " : "", zErr ? zErr : "");
  }
  sodium_memzero(zPassword, sizeof(zPassword));
  for (int i = 0; i < DEMO_COUNCILS_MAX; i++) {
    sodium_memzero(aMore[i].zPassword, sizeof(aMore[i].zPassword));
  }
  arena_free(pArena);
  db_close(pDb);
  return rc;
}
