/*
** Command-line plumbing (see cli.h).
*/
#include "cli/cli.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "store/accounts/accounts.h"
#include "store/council/council.h"

static void print_usage(const char *zUsage, const CliOption *aOpt, int nOpt) {
  printf("%s\n", zUsage);
  if (nOpt > 0) printf("\nOpciones:\n");
  for (int i = 0; i < nOpt; i++) {
    char zLeft[64];
    snprintf(zLeft, sizeof(zLeft), "--%s%s", aOpt[i].zName,
             aOpt[i].bFlag ? "" : " VALOR");
    printf("  %-24s %s", zLeft, aOpt[i].zHelp);
    if (aOpt[i].zEnv) printf(" [%s]", aOpt[i].zEnv);
    printf("\n");
  }
  printf("  %-24s %s\n", "--help", "muestra esta ayuda");
}

int cli_parse(int argc, char **argv, int iFirst, const char *zCommand,
              const char *zUsage, const CliOption *aOpt, int nOpt,
              const char **azPos, int nPosMax, int *pnPos) {
  int nPos = 0;
  /* Environment first, so that flags on the command line win. */
  for (int i = 0; i < nOpt; i++) {
    const char *zEnv = aOpt[i].zEnv ? getenv(aOpt[i].zEnv) : NULL;
    if (zEnv && *zEnv) *aOpt[i].pzValue = zEnv;
  }
  for (int i = iFirst; i < argc; i++) {
    const char *zArg = argv[i];
    if (strcmp(zArg, "--help") == 0 || strcmp(zArg, "-h") == 0) {
      print_usage(zUsage, aOpt, nOpt);
      return CLI_HELP_SHOWN;
    }
    if (strncmp(zArg, "--", 2) != 0 || zArg[2] == 0) {
      if (nPos >= nPosMax) {
        fprintf(stderr,
                "cosoc %s: argumento de más: %s (vea cosoc %s --help)\n",
                zCommand, zArg, zCommand);
        return CLI_USAGE;
      }
      azPos[nPos++] = zArg;
      continue;
    }
    const char *zName = zArg + 2;
    const char *zEq = strchr(zName, '=');
    size_t nName = zEq ? (size_t)(zEq - zName) : strlen(zName);
    const CliOption *pOpt = NULL;
    for (int j = 0; j < nOpt; j++) {
      if (strlen(aOpt[j].zName) == nName &&
          strncmp(aOpt[j].zName, zName, nName) == 0) {
        pOpt = &aOpt[j];
      }
    }
    if (!pOpt) {
      fprintf(stderr,
              "cosoc %s: opción desconocida: %.*s (vea cosoc %s --help)\n",
              zCommand, (int)(nName + 2), zArg, zCommand);
      return CLI_USAGE;
    }
    if (pOpt->bFlag) {
      if (zEq) {
        fprintf(stderr, "cosoc %s: --%s no lleva valor\n", zCommand,
                pOpt->zName);
        return CLI_USAGE;
      }
      *pOpt->pzValue = "1";
    } else if (zEq) {
      *pOpt->pzValue = zEq + 1;
    } else if (i + 1 < argc) {
      *pOpt->pzValue = argv[++i];
    } else {
      fprintf(stderr, "cosoc %s: falta el valor de --%s\n", zCommand,
              pOpt->zName);
      return CLI_USAGE;
    }
  }
  if (pnPos) *pnPos = nPos;
  return CLI_OK;
}

int cli_args(int argc, char **argv, int iFirst, const char *zCommand,
             const char *zUsage, const CliOption *aOpt, int nOpt, int nRequired,
             int *pRc) {
  int rc = cli_parse(argc, argv, iFirst, zCommand, zUsage, aOpt, nOpt, NULL, 0,
                     NULL);
  *pRc = rc == CLI_HELP_SHOWN ? 0 : rc;
  if (rc != CLI_OK) return 0;
  if (!cli_require(zCommand, aOpt, nRequired)) {
    *pRc = CLI_USAGE;
    return 0;
  }
  return 1;
}

int cli_require(const char *zCommand, const CliOption *aOpt, int nRequired) {
  for (int i = 0; i < nRequired; i++) {
    if (*aOpt[i].pzValue) continue;
    fprintf(stderr, "cosoc %s: falta --%s%s%s%s\n", zCommand, aOpt[i].zName,
            aOpt[i].zEnv ? " (o " : "", aOpt[i].zEnv ? aOpt[i].zEnv : "",
            aOpt[i].zEnv ? ")" : "");
    return 0;
  }
  return 1;
}

Db *cli_open_db(const char *zTarget) {
  char zErr[512];
  Db *pDb = NULL;
  if (accounts_init() != 0) {
    fprintf(stderr, "cosoc: no se pudo iniciar libsodium\n");
    return NULL;
  }
  if (db_open(zTarget, &pDb, zErr, sizeof(zErr)) != DB_OK) {
    fprintf(stderr, "cosoc: %s\n", zErr);
    return NULL;
  }
  int nApplied = 0;
  if (db_migrate(pDb, &nApplied, zErr, sizeof(zErr)) != DB_OK) {
    fprintf(stderr, "cosoc: %s\n", zErr);
    db_close(pDb);
    return NULL;
  }
  /* Whatever this command writes is logged as the command line's. */
  db_set_actor(pDb, 0, "línea de comandos", "");
  if (council_install_ensure_secrets(pDb) != DB_OK) {
    fprintf(stderr, "cosoc: no se pudo guardar la clave de seguridad: %s\n",
            db_errmsg(pDb));
    db_close(pDb);
    return NULL;
  }
  return pDb;
}

static char g_zPassword[ACCOUNTS_PASSWORD_MAX + 2];

void cli_password_wipe(void) { memset(g_zPassword, 0, sizeof(g_zPassword)); }

/* Reads one line into z (size n) without the newline; echo off on a tty. */
static int read_line(const char *zPrompt, char *z, size_t n, int bTty) {
  struct termios old, quiet;
  if (bTty) {
    fprintf(stderr, "%s", zPrompt);
    tcgetattr(STDIN_FILENO, &old);
    quiet = old;
    quiet.c_lflag &= ~(tcflag_t)ECHO;
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
  }
  char *zGot = fgets(z, (int)n, stdin);
  if (bTty) {
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
    fprintf(stderr, "\n");
  }
  if (!zGot) return -1;
  z[strcspn(z, "\r\n")] = 0;
  return 0;
}

const char *cli_read_password(int bConfirm) {
  const char *zEnv = getenv("COSOC_PASSWORD");
  if (zEnv && *zEnv) {
    snprintf(g_zPassword, sizeof(g_zPassword), "%s", zEnv);
    return g_zPassword;
  }
  int bTty = isatty(STDIN_FILENO);
  if (read_line("Contraseña: ", g_zPassword, sizeof(g_zPassword), bTty) != 0) {
    fprintf(stderr,
            "cosoc: falta la contraseña (escríbala o use "
            "COSOC_PASSWORD)\n");
    return NULL;
  }
  if (bConfirm && bTty) {
    char zAgain[sizeof(g_zPassword)];
    if (read_line("Repita la contraseña: ", zAgain, sizeof(zAgain), 1) != 0 ||
        strcmp(zAgain, g_zPassword) != 0) {
      memset(zAgain, 0, sizeof(zAgain));
      fprintf(stderr, "cosoc: las contraseñas no coinciden\n");
      return NULL;
    }
    memset(zAgain, 0, sizeof(zAgain));
  }
  return g_zPassword;
}

/* The names of aSub, joined by zSep and, before the last, by zLast:
** "add|list" or "add, disable o list". Written to f. */
static void put_subcommand_names(FILE *f, const CliSubcommand *aSub, int nSub,
                                 const char *zSep, const char *zLast) {
  for (int i = 0; i < nSub; i++) {
    if (i > 0) fputs(i == nSub - 1 ? zLast : zSep, f);
    fputs(aSub[i].zName, f);
  }
}

/* The --help of a command with subcommands (cli_subcommand_run()). */
static void print_subcommands(const char *zCommand, const char *zSynopsis,
                              const CliSubcommand *aSub, int nSub,
                              const char *zNote) {
  int nWidth = 0, nListed = 0;
  for (int i = 0; i < nSub; i++) {
    int n = (int)strlen(aSub[i].zName);
    if (aSub[i].zHelp && n > nWidth) nWidth = n;
  }
  printf("Uso: cosoc %s ", zCommand);
  const char *zNames = strstr(zSynopsis, "%s");
  if (zNames) {
    fwrite(zSynopsis, 1, (size_t)(zNames - zSynopsis), stdout);
    put_subcommand_names(stdout, aSub, nSub, "|", "|");
    zSynopsis = zNames + 2;
  }
  printf("%s\n\n", zSynopsis);
  for (int i = 0; i < nSub; i++) {
    if (!aSub[i].zHelp) continue;
    printf("  %-*s  %s\n", nWidth, aSub[i].zName, aSub[i].zHelp);
    nListed++;
  }
  if (nListed) printf("\n");
  if (zNote) {
    fputs(zNote, stdout);
  } else {
    printf("Cada uno tiene su ayuda: cosoc %s SUBCOMANDO --help\n", zCommand);
  }
}

int cli_subcommand_run(int argc, char **argv, const char *zCommand,
                       const char *zSynopsis, const CliSubcommand *aSub,
                       int nSub, const char *zNote, const char *zChoices) {
  const char *zSub = argc >= 3 ? argv[2] : "";
  for (int i = 0; i < nSub; i++) {
    if (strcmp(zSub, aSub[i].zName) == 0) return aSub[i].xRun(argc, argv);
  }
  if (strcmp(zSub, "--help") == 0 || strcmp(zSub, "-h") == 0) {
    print_subcommands(zCommand, zSynopsis, aSub, nSub, zNote);
    return CLI_OK;
  }
  fprintf(stderr, "cosoc %s: use ", zCommand);
  if (zChoices) {
    fputs(zChoices, stderr);
  } else {
    put_subcommand_names(stderr, aSub, nSub, ", ", " o ");
  }
  fprintf(stderr, " (vea cosoc %s --help)\n", zCommand);
  return CLI_USAGE;
}

Db *cli_args_db(int argc, char **argv, int iFirst, const char *zCommand,
                const char *zUsage, const CliOption *aOpt, int nOpt,
                int nRequired, int *pRc) {
  assert(nOpt > 0 && strcmp(aOpt[0].zName, "db") == 0);
  if (!cli_args(argc, argv, iFirst, zCommand, zUsage, aOpt, nOpt, nRequired,
                pRc)) {
    return NULL;
  }
  Db *pDb = cli_open_db(*aOpt[0].pzValue);
  if (!pDb) *pRc = CLI_FAIL;
  return pDb;
}

int cli_db_command(int argc, char **argv, int iFirst, const char *zCommand,
                   const char *zUsage, int (*xRun)(Db *pDb, Arena *pArena)) {
  const char *zDb = NULL;
  const CliOption aOpt[] = {{"db", "COSOC_DB", 0, "base de datos", &zDb}};
  int rc;
  Db *pDb = cli_args_db(argc, argv, iFirst, zCommand, zUsage, aOpt, 1, 1, &rc);
  if (!pDb) return rc;
  Arena *pArena = arena_new();
  rc = xRun(pDb, pArena);
  arena_free(pArena);
  db_close(pDb);
  return rc;
}

int cli_number(const char *zValue, long long iMin, long long iMax,
               long long *pn) {
  char *zEnd = NULL;
  long long v = strtoll(zValue, &zEnd, 10);
  if (!*zValue || *zEnd || v < iMin || v > iMax) return 0;
  *pn = v;
  return 1;
}
