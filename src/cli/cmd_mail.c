/*
** cosoc mail send-pending — sends what the outbox holds that is due, once.
** cosoc mail queue-test   — queues the test message (with an invitation).
** cosoc mail list         — prints the outbox, one message per line.
**
** For operators and tests: `cosoc serve --smtp URL` sends by itself.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "mail/outbox.h"
#include "mail/sample.h"
#include "mail/sender.h"
#include "util/text.h"

/* A whole number within [iMin, iMax] from an option, or -1 after a message. */
static long option_long(const char *zCmd, const char *zName, const char *zValue,
                        long iMin, long iMax) {
  long long v = 0;
  if (!cli_number(zValue, iMin, iMax, &v)) {
    fprintf(stderr,
            "cosoc %s: --%s debe ser un número entero entre %ld y "
            "%ld, no «%s»\n",
            zCmd, zName, iMin, iMax, zValue);
    return -1;
  }
  return (long)v;
}

int mail_options_apply(const char *zCmd, MailSenderConfig *pCfg,
                       const char *zAttempts, const char *zRetry) {
  long nAttempts = option_long(zCmd, "mail-max-attempts", zAttempts, 1, 100);
  long nRetry = option_long(zCmd, "mail-retry-seconds", zRetry, 1, 86400);
  if (nAttempts < 0 || nRetry < 0) return CLI_USAGE;
  pCfg->retry.nMaxAttempts = (int)nAttempts;
  pCfg->retry.iBaseDelay = nRetry;
  if (pCfg->retry.iMaxDelay < nRetry) pCfg->retry.iMaxDelay = nRetry;
  return CLI_OK;
}

static int send_pending(int argc, char **argv) {
  const char *zDb = NULL, *zSmtp = NULL, *zAttempts = "8", *zRetry = "60";
  const CliOption aOpt[] = {
      {"db", "COSOC_DB", 0, "base de datos", &zDb},
      {"smtp", "COSOC_SMTP_URL", 0,
       "servidor de correo: smtp://host:puerto "
       "o smtps://host:puerto",
       &zSmtp},
      {"mail-max-attempts", "COSOC_MAIL_MAX_ATTEMPTS", 0,
       "intentos antes de darlo por fallido (8)", &zAttempts},
      {"mail-retry-seconds", "COSOC_MAIL_RETRY_SECONDS", 0,
       "espera antes del segundo intento; se duplica en cada uno (60)",
       &zRetry},
  };
  int rc;
  if (!cli_args(argc, argv, 3, "mail send-pending",
                "Uso: cosoc mail send-pending --db ARCHIVO --smtp URL\n\n"
                "Envía una vez los correos pendientes que ya correspondan "
                "y termina. Usuario, contraseña y remitente se toman de "
                "COSOC_SMTP_USER, COSOC_SMTP_PASSWORD y COSOC_MAIL_FROM.",
                aOpt, (int)(sizeof(aOpt) / sizeof(aOpt[0])), 2, &rc)) {
    return rc;
  }
  const char *zProblem = smtp_url_problem(zSmtp);
  if (zProblem) {
    fprintf(stderr, "cosoc mail send-pending: %s\n", zProblem);
    return CLI_USAGE;
  }
  MailSenderConfig cfg;
  mail_sender_config_init(&cfg, zSmtp);
  if ((rc = mail_options_apply("mail send-pending", &cfg, zAttempts, zRetry))) {
    return rc;
  }
  if (smtp_global_init() != 0) return CLI_FAIL;
  Db *pDb = cli_open_db(zDb);
  if (!pDb) return CLI_FAIL;
  MailSendStats stats;
  rc = mail_send_due(pDb, &cfg, NULL, &stats);
  db_close(pDb);
  printf("Correos enviados: %d; por reintentar: %d; fallidos: %d.\n",
         stats.nSent, stats.nRetry, stats.nFailed);
  return rc == DB_OK && stats.nRetry == 0 && stats.nFailed == 0 ? CLI_OK
                                                                : CLI_FAIL;
}

static int queue_test(int argc, char **argv) {
  const char *zDb = NULL, *zTo = NULL, *zKey = NULL;
  const CliOption aOpt[] = {
      {"db", "COSOC_DB", 0, "base de datos", &zDb},
      {"to", NULL, 0, "dirección de destino", &zTo},
      {"key", NULL, 0,
       "clave del mensaje: con la misma clave se encola "
       "una sola vez (opcional)",
       &zKey},
  };
  int rc;
  Db *pDb =
      cli_args_db(argc, argv, 3, "mail queue-test",
                  "Uso: cosoc mail queue-test --db ARCHIVO --to CORREO\n\n"
                  "Deja en la bandeja de salida un mensaje de prueba con "
                  "una invitación de calendario de ejemplo.",
                  aOpt, 3, 2, &rc);
  if (!pDb) return rc;
  Arena *pArena = arena_new();
  int64_t iId = 0;
  const char *zProblem = NULL;
  Council c;
  int eRc = mail_queue_sample(
      pDb, pArena, council_default_id(pDb),
      council_get(pDb, pArena, council_default_id(pDb), &c) == DB_OK
          ? c.zShortName
          : NULL,
      zTo, zKey, &iId, &zProblem);
  if (eRc == OUTBOX_QUEUED) {
    printf("Mensaje de prueba en la bandeja de salida: id %lld.\n",
           (long long)iId);
  } else if (eRc == OUTBOX_ALREADY_QUEUED) {
    printf("Ese mensaje ya estaba en la bandeja de salida: id %lld.\n",
           (long long)iId);
  } else {
    fprintf(stderr, "cosoc mail queue-test: %s\n",
            zProblem ? zProblem : db_errmsg(pDb));
  }
  arena_free(pArena);
  db_close(pDb);
  return eRc == OUTBOX_QUEUED || eRc == OUTBOX_ALREADY_QUEUED ? CLI_OK
                                                              : CLI_FAIL;
}

static int outbox_print(Db *pDb, Arena *pArena) {
  OutboxRow *aRow = NULL;
  int nRow = 0;
  ListPage all = {0}; /* Every message */
  int rc = outbox_list(pDb, pArena, 0, NULL, 0, &all, &aRow, &nRow);
  /* Subjects and errors come from users and from mail servers: shown
  ** with their control characters escaped, so none reaches the terminal
  ** (an escape sequence in a title could rewrite the operator's screen). */
  for (int i = nRow - 1; i >= 0; i--) {
    printf("%lld\t%s\t%d\t%s\t%s\t%s\n", (long long)aRow[i].id,
           text_for_terminal(pArena, aRow[i].zState), aRow[i].nAttempt,
           text_for_terminal(pArena, aRow[i].zTo),
           text_for_terminal(pArena, aRow[i].zSubject),
           text_for_terminal(pArena, aRow[i].zError));
  }
  return rc == DB_OK ? CLI_OK : CLI_FAIL;
}

static int list_outbox(int argc, char **argv) {
  return cli_db_command(argc, argv, 3, "mail list",
                        "Uso: cosoc mail list --db ARCHIVO\n\nUna línea por "
                        "mensaje, separada por tabuladores: id, estado, "
                        "intentos, destinatario, asunto, error.",
                        outbox_print);
}

int cmd_mail(int argc, char **argv) {
  static const CliSubcommand aSub[] = {
      {"send-pending", send_pending, "envía una vez los correos pendientes"},
      {"queue-test", queue_test, "encola un mensaje de prueba"},
      {"list", list_outbox, "muestra la bandeja de salida"},
  };
  return cli_subcommand_run(argc, argv, "mail", "%s [opciones]", aSub,
                            (int)(sizeof(aSub) / sizeof(aSub[0])), NULL, NULL);
}
