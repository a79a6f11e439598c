/*
** cosoc user add   — creates an account.
** cosoc token create — prints a new API token for an account.
*/
#include <stdio.h>
#include <string.h>

#include "store/accounts/accounts.h"
#include "cli/cli.h"

static int user_add(int argc, char **argv) {
  const char *zDb = NULL, *zEmail = NULL, *zName = NULL, *zRole = NULL;
  const CliOption aOpt[] = {
      {"db", "COSOC_DB", 0, "base de datos", &zDb},
      {"email", NULL, 0, "correo electrónico (con él se ingresa)", &zEmail},
      {"name", NULL, 0, "nombre completo", &zName},
      {"role", NULL, 0, "admin, consejero o autoridad", &zRole},
  };
  int rc;
  if (!cli_args(argc, argv, 3, "user add",
                "Uso: cosoc user add --db ARCHIVO --email CORREO "
                "--name NOMBRE --role ROL\n\nCrea una cuenta. La "
                "contraseña se toma de COSOC_PASSWORD o se pregunta.",
                aOpt, 4, 4, &rc)) {
    return rc;
  }
  if (!accounts_role_bit(zRole)) {
    fprintf(stderr, "cosoc user add: el rol «%s» no existe; use admin, "
                    "consejero o autoridad\n", zRole);
    return CLI_FAIL;
  }
  const char *zProblem = email_problem(zEmail);
  if (!zProblem) zProblem = accounts_name_problem(zName);
  if (zProblem) {
    fprintf(stderr, "cosoc user add: %s\n", zProblem);
    return CLI_FAIL;
  }
  const char *zPassword = cli_read_password(1);
  if (!zPassword) return CLI_FAIL;
  Db *pDb = cli_open_db(zDb);
  if (!pDb) return CLI_FAIL;
  Arena *pArena = arena_new();
  const char *zErr = NULL;
  int64_t iId = 0;
  rc = accounts_user_create(pDb, pArena, zEmail, zName, zRole, zPassword,
                            &iId, &zErr, NULL);
  cli_password_wipe();
  if (rc == DB_OK) {
    printf("Usuario creado: %s (%s), id %lld.\n",
           email_normalize(pArena, zEmail), zRole, (long long)iId);
  } else {
    fprintf(stderr, "cosoc user add: %s\n", zErr);
  }
  arena_free(pArena);
  db_close(pDb);
  return rc == DB_OK ? CLI_OK : CLI_FAIL;
}

int cmd_user(int argc, char **argv) {
  if (argc >= 3 && strcmp(argv[2], "add") == 0) return user_add(argc, argv);
  if (argc >= 3 && (strcmp(argv[2], "--help") == 0 || strcmp(argv[2], "-h") == 0)) {
    printf("Uso: cosoc user add --db ARCHIVO --email CORREO --name NOMBRE "
           "--role ROL\n");
    return CLI_OK;
  }
  fprintf(stderr, "cosoc user: use «cosoc user add» (vea cosoc user --help)\n");
  return CLI_USAGE;
}

static int token_create(int argc, char **argv) {
  const char *zDb = NULL, *zEmail = NULL, *zLabel = "";
  const CliOption aOpt[] = {
      {"db", "COSOC_DB", 0, "base de datos", &zDb},
      {"email", NULL, 0, "correo de la cuenta dueña del token", &zEmail},
      {"label", NULL, 0, "para qué se usará (opcional)", &zLabel},
  };
  int rc;
  if (!cli_args(argc, argv, 3, "token create",
                "Uso: cosoc token create --db ARCHIVO --email CORREO\n\n"
                "Imprime un token nuevo para la API (Authorization: "
                "Bearer TOKEN). Se guarda cifrado: anótelo ahora.",
                aOpt, 3, 2, &rc)) {
    return rc;
  }
  Db *pDb = cli_open_db(zDb);
  if (!pDb) return CLI_FAIL;
  Arena *pArena = arena_new();
  User user;
  rc = CLI_FAIL;
  if (accounts_user_by_email(pDb, pArena, zEmail, &user, NULL) != DB_OK) {
    fprintf(stderr, "cosoc token create: no hay una cuenta activa con el "
                    "correo %s\n", zEmail);
  } else {
    char zToken[ACCOUNTS_TOKEN_MAX];
    if (accounts_token_create(pDb, user.id, zLabel, zToken) == DB_OK) {
      printf("%s\n", zToken);
      rc = CLI_OK;
    } else {
      fprintf(stderr, "cosoc token create: no se pudo guardar el token\n");
    }
  }
  arena_free(pArena);
  db_close(pDb);
  return rc;
}

int cmd_token(int argc, char **argv) {
  if (argc >= 3 && strcmp(argv[2], "create") == 0) return token_create(argc, argv);
  if (argc >= 3 && (strcmp(argv[2], "--help") == 0 || strcmp(argv[2], "-h") == 0)) {
    printf("Uso: cosoc token create --db ARCHIVO --email CORREO\n");
    return CLI_OK;
  }
  fprintf(stderr, "cosoc token: use «cosoc token create» (vea cosoc token --help)\n");
  return CLI_USAGE;
}
