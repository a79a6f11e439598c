/*
** cosoc backup FILE --db TARGET — a consistent copy of the database, made
** while servers keep running.
**
** SQLite: the online backup API (db_backup()), written next to FILE and
** renamed over it only when complete. Restore: stop the servers, put the
** copy in place of the database file (removing its -wal and -shm files),
** start them again.
**
** PostgreSQL: pg_dump is the tool; this runs it (custom format, for
** pg_restore) when it is installed. It never migrates or changes the
** database it copies.
*/
#include <errno.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "cli/cli.h"

extern char **environ;

/* Runs pg_dump for zUrl into zFile; CLI_OK or CLI_FAIL (message printed). */
static int backup_postgres(const char *zUrl, const char *zFile) {
  char *azArg[] = {"pg_dump", "--format=custom", "--file", (char *)zFile, "--dbname", (char *)zUrl, NULL};
  pid_t pid;
  int rc = posix_spawnp(&pid, "pg_dump", NULL, NULL, azArg, environ);
  if (rc != 0) {
    fprintf(stderr, "cosoc backup: una base PostgreSQL se respalda con "
                    "pg_dump, que no está instalado (paquete "
                    "postgresql-client): pg_dump --format=custom --file "
                    "ARCHIVO --dbname URL\n");
    return CLI_FAIL;
  }
  int iStatus = 0;
  while (waitpid(pid, &iStatus, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(iStatus) || WEXITSTATUS(iStatus) != 0) {
    fprintf(stderr, "cosoc backup: pg_dump falló (vea su mensaje arriba); "
                    "no hay respaldo en %s\n", zFile);
    return CLI_FAIL;
  }
  printf("Respaldo creado con pg_dump: %s (se restaura con pg_restore "
         "--clean --if-exists --dbname URL %s)\n", zFile, zFile);
  return CLI_OK;
}

int cmd_backup(int argc, char **argv) {
  const char *zDb = NULL;
  const char *azPos[1] = {NULL};
  int nPos = 0;
  const CliOption aOpt[] = {
      {"db", "COSOC_DB", 0, "base de datos a respaldar", &zDb},
  };
  int rc = cli_parse(argc, argv, 2, "backup",
                     "Uso: cosoc backup ARCHIVO --db ARCHIVO|URL\n\nCopia la "
                     "base de datos completa en ARCHIVO sin detener el "
                     "servidor. SQLite: copia consistente (API de respaldo en "
                     "línea); para restaurar, detenga cosoc y ponga la copia "
                     "en lugar del archivo. PostgreSQL: ejecuta pg_dump "
                     "(formato para pg_restore).",
                     aOpt, 1, azPos, 1, &nPos);
  if (rc != CLI_OK) return rc == CLI_HELP_SHOWN ? 0 : rc;
  if (nPos != 1 || !zDb) {
    fprintf(stderr, "cosoc backup: indique el ARCHIVO del respaldo y --db "
                    "(vea cosoc backup --help)\n");
    return CLI_USAGE;
  }
  const char *zFile = azPos[0];
  if (db_target_is_postgres(zDb)) return backup_postgres(zDb, zFile);
  struct stat st, stOut;
  if (stat(zDb, &st) != 0 || !S_ISREG(st.st_mode)) {
    fprintf(stderr, "cosoc backup: no existe la base de datos %s\n", zDb);
    return CLI_FAIL;
  }
  if (stat(zFile, &stOut) == 0 && stOut.st_dev == st.st_dev &&
      stOut.st_ino == st.st_ino) {
    fprintf(stderr, "cosoc backup: el respaldo no puede ser la misma base "
                    "de datos\n");
    return CLI_USAGE;
  }
  char zErr[512];
  Db *pDb = NULL;
  if (db_open(zDb, &pDb, zErr, sizeof(zErr)) != DB_OK) {
    fprintf(stderr, "cosoc backup: %s\n", zErr);
    return CLI_FAIL;
  }
  rc = db_backup(pDb, zFile, zErr, sizeof(zErr));
  db_close(pDb);
  if (rc != DB_OK) {
    fprintf(stderr, "cosoc backup: %s\n", zErr);
    return CLI_FAIL;
  }
  printf("Respaldo creado: %s\n", zFile);
  return CLI_OK;
}
