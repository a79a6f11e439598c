/*
** cosoc user add|disable|enable|role|list — accounts from the terminal.
** cosoc token create|revoke|list         — API tokens.
**
** Values read from the database (names, e-mails, labels) go to the
** terminal through text_for_terminal(): a control character in a name must
** not become an escape sequence on the operator's screen.
*/
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <stdlib.h>

#include "store/accounts/accounts.h"
#include "store/council/council.h"
#include "cli/cli.h"
#include "util/text.h"

static int user_add(int argc, char **argv) {
  const char *zDb = NULL, *zEmail = NULL, *zName = NULL, *zRole = NULL;
  const char *zCouncil = NULL;
  const CliOption aOpt[] = {
      {"db", "COSOC_DB", 0, "base de datos", &zDb},
      {"email", NULL, 0, "correo electrónico (con él se ingresa)", &zEmail},
      {"name", NULL, 0, "nombre completo", &zName},
      {"role", NULL, 0, "admin, consejero o autoridad", &zRole},
      {"council", NULL, 0, "id del consejo de la cuenta (cosoc council list)",
       &zCouncil},
  };
  int rc;
  if (!cli_args(argc, argv, 3, "user add",
                "Uso: cosoc user add --db ARCHIVO --email CORREO "
                "--name NOMBRE --role ROL [--council ID]\n\nCrea una "
                "cuenta del consejo ID, con ese rol en él (sin --council: "
                "del único consejo; con varios consejos, un admin sin "
                "--council es el equipo nacional, que ve todos los consejos "
                "y administra consejos y cuentas). La contraseña se toma de "
                "COSOC_PASSWORD o se pregunta; no se aceptan contraseñas "
                "comunes ni hechas con el nombre o el correo.",
                aOpt, 5, 4, &rc)) {
    return rc;
  }
  if (!accounts_role_bit(zRole)) {
    fprintf(stderr,
            "cosoc user add: el rol «%s» no existe; use admin, "
            "consejero o autoridad\n",
            zRole);
    return CLI_FAIL;
  }
  const char *zProblem = email_problem(zEmail);
  if (!zProblem) zProblem = accounts_name_problem(zName);
  if (zProblem) {
    fprintf(stderr, "cosoc user add: %s\n", zProblem);
    return CLI_FAIL;
  }
  long long iCouncil = 0;
  if (zCouncil && !cli_number(zCouncil, 1, LLONG_MAX, &iCouncil)) {
    fprintf(stderr,
            "cosoc user add: --council lleva el id de un consejo "
            "(cosoc council list)\n");
    return CLI_USAGE;
  }
  Db *pDb = cli_open_db(zDb);
  if (!pDb) return CLI_FAIL;
  /* Which council the account belongs to, decided before anything is
  ** written or asked. */
  if (iCouncil && !council_exists(pDb, iCouncil)) {
    fprintf(stderr,
            "cosoc user add: no hay un consejo con id %lld (cosoc "
            "council list)\n",
            (long long)iCouncil);
    db_close(pDb);
    return CLI_FAIL;
  }
  if (!iCouncil) iCouncil = council_only_id(pDb);
  if (!iCouncil && council_count(pDb) > 1 && strcmp(zRole, "admin") != 0) {
    fprintf(stderr,
            "cosoc user add: hay varios consejos: indique el de la "
            "cuenta con --council ID (cosoc council list)\n");
    db_close(pDb);
    return CLI_FAIL;
  }
  const char *zPassword = cli_read_password(1);
  if (!zPassword) {
    db_close(pDb);
    return CLI_FAIL;
  }
  Arena *pArena = arena_new();
  const char *zErr = NULL;
  int64_t iId = 0;
  rc = db_begin(pDb);
  if (rc == DB_OK) {
    rc = accounts_user_create(pDb, pArena, zEmail, zName, zRole, zPassword,
                              &iId, &zErr, NULL);
  }
  if (rc == DB_OK && iCouncil) {
    rc = council_member_set(pDb, iId, iCouncil, zRole);
    if (rc != DB_OK) zErr = "no se pudo guardar el consejo de la cuenta";
  }
  rc = db_finish(pDb, rc);
  cli_password_wipe();
  if (rc == DB_OK) {
    printf("Usuario creado: %s (%s), id %lld%s.\n",
           email_normalize(pArena, zEmail), zRole, (long long)iId,
           iCouncil
               ? arena_printf(pArena, ", consejo %lld", (long long)iCouncil)
           : council_count(pDb) > 1 ? ", equipo nacional"
                                    : "");
  } else {
    fprintf(stderr, "cosoc user add: %s\n",
            zErr ? zErr : "no se pudo crear la cuenta");
  }
  arena_free(pArena);
  db_close(pDb);
  return rc == DB_OK ? CLI_OK : CLI_FAIL;
}

/* What the account subcommands that name one account by e-mail share:
** parsing, opening the database, finding the account (any state). */
typedef struct AccountCmd {
  const char *zCmd; /* "user disable" */
  Db *pDb;
  Arena *pArena;
  UserRow user;
} AccountCmd;

/* Frees what account_cmd_begin() opened; returns rc. */
static int account_cmd_end(AccountCmd *p, int rc) {
  arena_free(p->pArena);
  db_close(p->pDb);
  return rc;
}

/* As cli_args(): 1 with p filled (the caller calls account_cmd_end()), or
** 0 with the exit code in *pRc (0 after --help). aExtra are the options
** beyond --db and --email. */
static int account_cmd_begin(AccountCmd *p, int argc, char **argv,
                             const char *zCmd, const char *zUsage,
                             const CliOption *aExtra, int nExtra, int *pRc) {
  const char *zDb = NULL, *zEmail = NULL;
  CliOption aOpt[4] = {
      {"db", "COSOC_DB", 0, "base de datos", &zDb},
      {"email", NULL, 0, "correo de la cuenta", &zEmail},
  };
  for (int i = 0; i < nExtra && i < 2; i++) aOpt[2 + i] = aExtra[i];
  memset(p, 0, sizeof(*p));
  p->zCmd = zCmd;
  p->pDb = cli_args_db(argc, argv, 3, zCmd, zUsage, aOpt, 2 + nExtra, 2, pRc);
  if (!p->pDb) return 0;
  p->pArena = arena_new();
  int rc = accounts_user_row_by_email(p->pDb, p->pArena, zEmail, &p->user);
  if (rc != DB_OK) {
    fprintf(stderr, "cosoc %s: %s\n", zCmd,
            rc == DB_DONE ? "no hay una cuenta con ese correo"
                          : "no se pudo leer la cuenta");
    *pRc = account_cmd_end(p, CLI_FAIL);
    return 0;
  }
  return 1;
}

static int user_set_active(int argc, char **argv, int bActive) {
  AccountCmd c;
  const char *zCmd = bActive ? "user enable" : "user disable";
  int rc;
  if (!account_cmd_begin(
          &c, argc, argv, zCmd,
          bActive ? "Uso: cosoc user enable --db ARCHIVO --email CORREO\n\n"
                    "Reactiva una cuenta desactivada. Sus tokens anteriores "
                    "siguen revocados: cree uno nuevo si hace falta."
                  : "Uso: cosoc user disable --db ARCHIVO --email CORREO\n\n"
                    "Desactiva una cuenta: no puede ingresar, y sus sesiones, "
                    "tokens y enlaces para restablecer la contraseña dejan de "
                    "servir de inmediato.",
          NULL, 0, &rc)) {
    return rc;
  }
  const char *zEmail = text_for_terminal(c.pArena, c.user.zEmail);
  if (accounts_user_set_active(c.pDb, c.user.id, bActive) != DB_OK) {
    fprintf(stderr, "cosoc %s: no se pudo guardar el cambio\n", zCmd);
    return account_cmd_end(&c, CLI_FAIL);
  }
  if (bActive) {
    printf("Cuenta reactivada: %s.%s\n", zEmail,
           c.user.bLeftOffice ? " Aún no puede ingresar: su integrante "
                                "dejó el cargo."
                              : "");
  } else {
    printf("Cuenta desactivada: %s. Sus sesiones y tokens terminaron.\n",
           zEmail);
  }
  return account_cmd_end(&c, CLI_OK);
}

static int user_role(int argc, char **argv) {
  AccountCmd c;
  const char *zRole = NULL;
  const CliOption aExtra[] = {
      {"role", NULL, 0, "admin, consejero o autoridad", &zRole},
  };
  int rc;
  if (!account_cmd_begin(
          &c, argc, argv, "user role",
          "Uso: cosoc user role --db ARCHIVO --email CORREO --role ROL\n\n"
          "Cambia el rol de una cuenta (admin, consejero o autoridad). Rige "
          "desde la próxima solicitud de la persona.",
          aExtra, 1, &rc)) {
    return rc;
  }
  if (!zRole) {
    fprintf(stderr, "cosoc user role: falta --role\n");
    return account_cmd_end(&c, CLI_USAGE);
  }
  if (!accounts_role_bit(zRole)) {
    fprintf(stderr,
            "cosoc user role: el rol «%s» no existe; use admin, "
            "consejero o autoridad\n",
            text_for_terminal(c.pArena, zRole));
    return account_cmd_end(&c, CLI_FAIL);
  }
  /* The account's own role and its role in every council it belongs to */
  if (accounts_user_set_role(c.pDb, c.user.id, zRole) != DB_OK ||
      council_member_set_all(c.pDb, c.user.id, zRole) != DB_OK) {
    fprintf(stderr, "cosoc user role: no se pudo guardar el cambio\n");
    return account_cmd_end(&c, CLI_FAIL);
  }
  printf("Rol de %s: %s (antes %s).\n",
         text_for_terminal(c.pArena, c.user.zEmail), zRole,
         text_for_terminal(c.pArena, c.user.zRole));
  return account_cmd_end(&c, CLI_OK);
}

/* cosoc user council: the account joins another council (or changes its
** role there). */
static int user_council(int argc, char **argv) {
  AccountCmd c;
  const char *zCouncil = NULL, *zRole = NULL;
  const CliOption aExtra[] = {
      {"council", NULL, 0, "id del consejo (cosoc council list)", &zCouncil},
      {"role", NULL, 0,
       "admin, consejero o autoridad (el de la cuenta si se "
       "omite)",
       &zRole},
  };
  int rc;
  if (!account_cmd_begin(
          &c, argc, argv, "user council",
          "Uso: cosoc user council --db ARCHIVO --email CORREO --council ID "
          "[--role ROL]\n\nHace a la cuenta integrante de otro consejo, con "
          "ese rol en él (o le cambia el rol allí). Quien está en varios "
          "consejos elige uno al ingresar y puede cambiar.",
          aExtra, 2, &rc)) {
    return rc;
  }
  long long iCouncil = 0;
  if (!zRole) zRole = c.user.zRole;
  if (!zCouncil || !cli_number(zCouncil, 1, LLONG_MAX, &iCouncil) ||
      !accounts_role_bit(zRole)) {
    fprintf(stderr,
            "cosoc user council: falta --council ID o el rol no "
            "existe\n");
    return account_cmd_end(&c, CLI_USAGE);
  }
  if (!council_exists(c.pDb, iCouncil)) {
    fprintf(stderr, "cosoc user council: no hay un consejo con id %lld\n",
            (long long)iCouncil);
    return account_cmd_end(&c, CLI_FAIL);
  }
  if (council_member_set(c.pDb, c.user.id, iCouncil, zRole) != DB_OK) {
    fprintf(stderr, "cosoc user council: no se pudo guardar\n");
    return account_cmd_end(&c, CLI_FAIL);
  }
  printf("%s: %s del consejo %lld.\n",
         text_for_terminal(c.pArena, c.user.zEmail), zRole,
         (long long)iCouncil);
  return account_cmd_end(&c, CLI_OK);
}

/* "2025-03-20 14:05" (UTC) or "-" for 0. */
static const char *cli_time(Arena *pArena, int64_t t) {
  if (!t) return "-";
  time_t tt = (time_t)t;
  struct tm tm;
  gmtime_r(&tt, &tm);
  char z[32];
  strftime(z, sizeof(z), "%Y-%m-%d %H:%M", &tm);
  return arena_strdup(pArena, z);
}

static int user_list_print(Db *pDb, Arena *pArena) {
  UserRow *aRow = NULL;
  int nRow = 0;
  int rc = accounts_user_list(pDb, pArena, &aRow, &nRow);
  for (int i = 0; i < nRow; i++) {
    const UserRow *u = &aRow[i];
    printf("%lld\t%s\t%s\t%s\t%s\n", (long long)u->id,
           text_for_terminal(pArena, u->zEmail),
           text_for_terminal(pArena, u->zName),
           text_for_terminal(pArena, u->zRole),
           !u->bActive ? "desactivada"
                       : (u->bLeftOffice ? "dejo_el_cargo" : "activa"));
  }
  return rc == DB_OK ? CLI_OK : CLI_FAIL;
}

static int user_list(int argc, char **argv) {
  return cli_db_command(argc, argv, 3, "user list",
                        "Uso: cosoc user list --db ARCHIVO\n\nUna línea por "
                        "cuenta, separada por tabuladores: id, correo, nombre, "
                        "rol, estado (activa, desactivada, dejo_el_cargo).",
                        user_list_print);
}

static int user_disable(int argc, char **argv) {
  return user_set_active(argc, argv, 0);
}

static int user_enable(int argc, char **argv) {
  return user_set_active(argc, argv, 1);
}

int cmd_user(int argc, char **argv) {
  static const CliSubcommand aSub[] = {
      {"add", user_add,
       "crea una cuenta (--email, --name, --role; contraseña en "
       "COSOC_PASSWORD)"},
      {"disable", user_disable,
       "desactiva una cuenta: terminan sus sesiones y tokens"},
      {"enable", user_enable, "reactiva una cuenta desactivada"},
      {"role", user_role, "cambia el rol (--role admin|consejero|autoridad)"},
      {"council", user_council,
       "la hace integrante de otro consejo (--council ID, --role)"},
      {"list", user_list, "muestra las cuentas"},
  };
  return cli_subcommand_run(argc, argv, "user", "%s [opciones]", aSub,
                            (int)(sizeof(aSub) / sizeof(aSub[0])), NULL, NULL);
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
                "Bearer TOKEN). Se guarda cifrado: anótelo ahora. Sus "
                "primeros 8 caracteres lo nombran en las listas y en "
                "cosoc token revoke --token.",
                aOpt, 3, 2, &rc)) {
    return rc;
  }
  const char *zProblem = text_single_line_problem(zLabel);
  if (zProblem) {
    fprintf(stderr, "cosoc token create: --label: %s\n", zProblem);
    return CLI_FAIL;
  }
  Db *pDb = cli_open_db(zDb);
  if (!pDb) return CLI_FAIL;
  Arena *pArena = arena_new();
  User user;
  rc = CLI_FAIL;
  if (accounts_user_by_email(pDb, pArena, zEmail, &user, NULL) != DB_OK) {
    fprintf(stderr,
            "cosoc token create: no hay una cuenta activa con el "
            "correo %s\n",
            text_for_terminal(pArena, zEmail));
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

static int token_revoke(int argc, char **argv) {
  AccountCmd c;
  const char *zWhich = NULL;
  const CliOption aExtra[] = {
      {"token", NULL, 0,
       "el token, o sus primeros caracteres (al menos 4); sin esta opción "
       "se revocan todos los de la cuenta",
       &zWhich},
  };
  int rc;
  if (!account_cmd_begin(
          &c, argc, argv, "token revoke",
          "Uso: cosoc token revoke --db ARCHIVO --email CORREO [--token "
          "PREFIJO]\n\nRevoca los tokens de la API de una cuenta: todos, o el "
          "que empieza con PREFIJO (como lo muestra cosoc token list). Dejan "
          "de servir de inmediato.",
          aExtra, 1, &rc)) {
    return rc;
  }
  if (zWhich && strlen(zWhich) < 4) {
    fprintf(stderr,
            "cosoc token revoke: --token necesita al menos 4 "
            "caracteres del token\n");
    return account_cmd_end(&c, CLI_USAGE);
  }
  int nRevoked = 0;
  rc = accounts_token_revoke(c.pDb, c.user.id, zWhich, &nRevoked);
  const char *zEmail = text_for_terminal(c.pArena, c.user.zEmail);
  if (rc == DB_CONSTRAINT) {
    fprintf(stderr,
            "cosoc token revoke: «%s» nombra más de un token de %s; "
            "dé más caracteres (cosoc token list los muestra)\n",
            text_for_terminal(c.pArena, zWhich), zEmail);
    return account_cmd_end(&c, CLI_FAIL);
  }
  if (rc != DB_OK) {
    fprintf(stderr, "cosoc token revoke: no se pudo revocar\n");
    return account_cmd_end(&c, CLI_FAIL);
  }
  if (zWhich && nRevoked == 0) {
    fprintf(stderr,
            "cosoc token revoke: %s no tiene un token vigente que "
            "empiece con «%s»\n",
            zEmail, text_for_terminal(c.pArena, zWhich));
    return account_cmd_end(&c, CLI_FAIL);
  }
  printf("Tokens revocados de %s: %d.\n", zEmail, nRevoked);
  return account_cmd_end(&c, CLI_OK);
}

static int token_list(int argc, char **argv) {
  AccountCmd c;
  int rc;
  if (!account_cmd_begin(
          &c, argc, argv, "token list",
          "Uso: cosoc token list --db ARCHIVO --email CORREO\n\nUna línea por "
          "token de la cuenta, separada por tabuladores: primeros caracteres, "
          "creado, último uso, revocado (fechas UTC; - si no hay), etiqueta.",
          NULL, 0, &rc)) {
    return rc;
  }
  TokenRow *aRow = NULL;
  int nRow = 0;
  rc = accounts_token_list(c.pDb, c.pArena, c.user.id, &aRow, &nRow);
  for (int i = 0; i < nRow; i++) {
    const TokenRow *t = &aRow[i];
    printf("%s\t%s\t%s\t%s\t%s\n",
           *t->zPrefix ? text_for_terminal(c.pArena, t->zPrefix) : "?",
           cli_time(c.pArena, t->iCreated), cli_time(c.pArena, t->iLastUsed),
           cli_time(c.pArena, t->iRevoked),
           text_for_terminal(c.pArena, t->zLabel));
  }
  return account_cmd_end(&c, rc == DB_OK ? CLI_OK : CLI_FAIL);
}

int cmd_token(int argc, char **argv) {
  static const CliSubcommand aSub[] = {
      {"create", token_create, "imprime un token nuevo para la API"},
      {"revoke", token_revoke,
       "revoca todos los tokens de la cuenta, o uno (--token PREFIJO)"},
      {"list", token_list, "muestra los tokens de la cuenta"},
  };
  return cli_subcommand_run(argc, argv, "token",
                            "%s --db ARCHIVO --email CORREO", aSub,
                            (int)(sizeof(aSub) / sizeof(aSub[0])), NULL, NULL);
}
