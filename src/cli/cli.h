/*
** Command-line plumbing shared by the subcommands: option parsing where
** every flag may also come from an environment variable, usage messages,
** opening and migrating the database, reading a password.
**
** Exit codes (CONTRACT): 0 success, 1 refused input or failed operation,
** 2 bad usage.
*/
#ifndef COSOC_CLI_CLI_H
#define COSOC_CLI_CLI_H

#include "db/db.h"
#include "store/council/council.h"
#include "util/arena.h"

#define CLI_OK 0
#define CLI_FAIL 1
#define CLI_USAGE 2
#define CLI_HELP_SHOWN (-1) /* --help was printed: exit 0 */

typedef struct CliOption {
  const char *zName;    /* Long option without dashes: "db" for --db */
  const char *zEnv;     /* Environment variable, or NULL */
  int bFlag;            /* Takes no value (then *pzValue becomes "1") */
  const char *zHelp;    /* One line, Spanish */
  const char **pzValue; /* Where the value goes (keeps its default) */
} CliOption;

/* Parses argv[iFirst..] against aOpt. Positional arguments are collected in
** order into azPos (at most nPosMax). zUsage is printed for --help, with
** the options listed after it. Returns CLI_OK, CLI_USAGE (after a one-line
** message) or CLI_HELP_SHOWN. */
int cli_parse(int argc, char **argv, int iFirst, const char *zCommand,
              const char *zUsage, const CliOption *aOpt, int nOpt,
              const char **azPos, int nPosMax, int *pnPos);

/* The start every command shares: cli_parse() without positional
** arguments, then the first nRequired options of aOpt must have a value
** (else one line, "cosoc CMD: falta --db (o COSOC_DB)", and bad usage).
** 1 to go on; 0 with the exit code in *pRc (0 after --help). */
int cli_args(int argc, char **argv, int iFirst, const char *zCommand,
             const char *zUsage, const CliOption *aOpt, int nOpt, int nRequired,
             int *pRc);

/* Opens the database and applies pending migrations and secrets. Prints a
** one-line reason and returns NULL on failure. */
Db *cli_open_db(const char *zTarget);

/* The password from COSOC_PASSWORD, or asked for on the terminal (twice,
** without echo), or read as one line from a pipe. NULL on failure (message
** printed). The result is static storage, wiped by cli_password_wipe(). */
const char *cli_read_password(int bConfirm);
void cli_password_wipe(void);

/* The subcommands. */
int cmd_serve(int argc, char **argv);
int cmd_migrate(int argc, char **argv);
int cmd_user(int argc, char **argv);
int cmd_council(int argc, char **argv);
int cmd_routes(int argc, char **argv); /* Hidden: the route table */
int cmd_token(int argc, char **argv);
int cmd_demo(int argc, char **argv);
int cmd_backup(int argc, char **argv);
int cmd_rut(int argc, char **argv);
int cmd_mail(int argc, char **argv);
/* cosoc retention run (cmd_retention.c). */
int cmd_retention(int argc, char **argv);

/* Demo data added by `cosoc demo` inside its transaction
** (demo/demo_people.c). */
int demo_people(Db *pDb, Arena *pArena);
int cmd_import_plan(int argc, char **argv);
/* cosoc plan approve|next (cmd_plan.c); next lives in cmd_plan_next.c. */
int cmd_plan(int argc, char **argv);
int plan_next_cmd(int argc, char **argv);
/* Benchmarks: the synthetic national data set (demo/bench_data.c) and the
** compliance of every council (compliance_summary.c). */
int cmd_bench_data(int argc, char **argv);
/* One more council for the demo, the iIndex-th region (1: the first after
** Coquimbo) with the benchmark's people, a plan and a year of activities,
** iOfficer its officer; its id in *piCouncil. DB_OK or DB_ERROR, nested in
** the caller's transaction (demo/bench_data.c). */
int bench_demo_council(Db *pDb, Arena *pArena, int iIndex, int64_t iOfficer,
                       int64_t *piCouncil);
int cmd_compliance_summary(int argc, char **argv);

/* A new password easy to type from a printout ("abcd-efgh-…", 19 chars and
** NUL), for the demo's and the benchmark's administrator (cmd_demo.c). */
void cli_password_make(char zOut[20]);

/* The demo's plan: the council's real plan, imported into the first
** council and approved by iAdminId (src/cli/cmd_plan.c). */
int demo_plan(Db *pDb, Arena *pArena, int64_t iAdminId, const char **pzErr);
/* The demo's activities, after its people and plan (demo/demo_activities.c). */
int demo_activities(Db *pDb, Arena *pArena);
/* The demo's evidence, after its activities (demo/demo_evidence.c). */
int demo_evidence(Db *pDb, Arena *pArena);
/* The demo's held session: attendance and agreements (demo/demo_meetings.c). */
int demo_sessions(Db *pDb, Arena *pArena);
/* The demo's Escuela de Dirigentes: a course in progress for the training
** line, after the activities (demo/demo_courses.c). */
int demo_courses(Db *pDb, Arena *pArena);
/* One evidence file of the demo (a tiny photo, or a one-page PDF when
** bPdf) added to activity iAct (demo/demo_evidence.c). */
int demo_evidence_file(Db *pDb, Arena *pArena, int64_t iAct, const char *zKind,
                       int bPdf, const char *zFilename, const char *zCaption,
                       int bPublic);
/* The current plan, made from the real one with «Plan siguiente», and its
** recent and upcoming activities, all relative to today
** (demo/demo_current.c). */
int demo_current(Db *pDb, Arena *pArena, int64_t iAdmin, const char **pzErr);

/* The mail retry options shared by `serve` and `mail send-pending`
** (--mail-max-attempts, --mail-retry-seconds): applied to the sender's
** configuration, or CLI_USAGE after a message. */
typedef struct MailSenderConfig MailSenderConfig;
int mail_options_apply(const char *zCmd, MailSenderConfig *pCfg,
                       const char *zAttempts, const char *zRetry);

/* One subcommand of a command that has several (cosoc user add|list…):
** main() dispatches on argv[1] from its table, the command on argv[2]
** from a table of these. */
typedef struct CliSubcommand {
  const char *zName;                  /* "add", as typed in argv[2] */
  int (*xRun)(int argc, char **argv); /* Given the whole argv */
  const char *zHelp; /* Its line in the command's --help, or NULL */
} CliSubcommand;

/* Runs the subcommand of aSub that argv[2] names. --help or -h prints
** "Uso: cosoc CMD zSynopsis", a line per subcommand with a zHelp, then
** zNote (NULL: where each subcommand's own help is), and returns 0;
** anything else prints one line, "cosoc CMD: use zChoices (vea cosoc CMD
** --help)", and returns CLI_USAGE. The names come from aSub, so that a
** subcommand added to the table cannot be left out of them (`user council`
** once was): a "%s" in zSynopsis stands for "add|list", and a NULL
** zChoices for "add o list". A caller whose words differ writes its own. */
int cli_subcommand_run(int argc, char **argv, const char *zCommand,
                       const char *zSynopsis, const CliSubcommand *aSub,
                       int nSub, const char *zNote, const char *zChoices);

/* cli_args(), then cli_open_db() of the first option's value: every
** command that works on a database lists its --db first. The open
** database, or NULL with the exit code in *pRc (0 after --help, CLI_FAIL
** when it could not be opened). */
Db *cli_args_db(int argc, char **argv, int iFirst, const char *zCommand,
                const char *zUsage, const CliOption *aOpt, int nOpt,
                int nRequired, int *pRc);

/* A command whose only option is --db (or COSOC_DB): parses argv from
** iFirst (zUsage for --help), opens the database, runs xRun on it with an
** arena of its own, then frees both. xRun prints what the command shows
** and returns the exit code. */
int cli_db_command(int argc, char **argv, int iFirst, const char *zCommand,
                   const char *zUsage, int (*xRun)(Db *pDb, Arena *pArena));

/* Whether zValue, an option's or an argument's text, is a whole number
** within [iMin, iMax] and nothing else: 1 with it in *pn, else 0. Each
** caller says in its own words what it expected. */
int cli_number(const char *zValue, long long iMin, long long iMax,
               long long *pn);

/* Whether the first nRequired options of aOpt have a value; else one line,
** "cosoc CMD: falta --db (o COSOC_DB)", and 0. For the commands that
** check their positional arguments first (cli_args() checks this itself). */
int cli_require(const char *zCommand, const CliOption *aOpt, int nRequired);

#endif
