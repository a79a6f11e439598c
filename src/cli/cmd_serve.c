/*
** cosoc serve — the web server.
** cosoc migrate — brings a database's schema up to date.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "store/evidence/photo_public.h"
#include "http/server.h"
#include "mail/sender.h"
#include "cli/retention_job.h"
#include "pages/page.h"
#include "pages/routes.h"
#include "store/accounts/accounts.h"
#include "store/council/council.h"

/* The server authenticates through the accounts store; it is handed these
** as it is handed the route table, so that it includes no store. */
static const Authenticator serve_auth = {
    accounts_session_lookup, accounts_token_lookup,    accounts_session_create,
    accounts_session_delete, council_install_csrf_key, accounts_request_mark};

/* A positive whole number from an option, or 0 after printing why not. */
static unsigned option_count(const char *zName, const char *zValue) {
  long long v = 0;
  if (!cli_number(zValue, 1, 1000000, &v)) {
    fprintf(stderr,
            "cosoc serve: --%s debe ser un número entero positivo, "
            "no «%s»\n",
            zName, zValue);
    return 0;
  }
  return (unsigned)v;
}

/* The public base URL from --public-url: "http(s)://host[:port][/path]"
** without a trailing slash, into a static buffer; NULL after a message. */
static const char *public_url_option(const char *zValue) {
  static char zUrl[512];
  size_t n = strlen(zValue);
  while (n > 0 && zValue[n - 1] == '/') n--;
  int bScheme =
      strncmp(zValue, "https://", 8) == 0 || strncmp(zValue, "http://", 7) == 0;
  const char *zHost = bScheme ? strstr(zValue, "://") + 3 : "";
  if (!bScheme || n >= sizeof(zUrl) || (size_t)(zHost - zValue) >= n ||
      zValue[strcspn(zValue, " \t\r\n\"'<>\\`{}|^")] != 0) {
    fprintf(stderr,
            "cosoc serve: --public-url debe ser la dirección del "
            "sitio, como https://cosoc.ejemplo.cl, no «%s»\n",
            zValue);
    return NULL;
  }
  memcpy(zUrl, zValue, n);
  zUrl[n] = 0;
  return zUrl;
}

/* Without --public-url: the address the server listens on, with this
** machine's name for a wildcard address. Right for a server used where it
** runs; behind a proxy or a name, --public-url must be given. */
static const char *public_url_fallback(const char *zListen) {
  static char zUrl[512];
  const char *zColon = strrchr(zListen, ':');
  size_t nHost = zColon ? (size_t)(zColon - zListen) : strlen(zListen);
  const char *zPort = zColon ? zColon + 1 : "8080";
  char zHost[256];
  if (nHost >= sizeof(zHost)) nHost = sizeof(zHost) - 1;
  memcpy(zHost, zListen, nHost);
  zHost[nHost] = 0;
  if (!zHost[0] || strcmp(zHost, "0.0.0.0") == 0 ||
      strcmp(zHost, "[::]") == 0 || strcmp(zHost, "::") == 0) {
    if (gethostname(zHost, sizeof(zHost)) != 0 || !zHost[0]) {
      snprintf(zHost, sizeof(zHost), "localhost");
    }
    zHost[sizeof(zHost) - 1] = 0;
  }
  snprintf(zUrl, sizeof(zUrl), "http://%s:%s", zHost, zPort);
  return zUrl;
}

int cmd_serve(int argc, char **argv) {
  const char *zListen = "127.0.0.1:8080", *zDb = "cosoc.db";
  const char *zSecure = NULL, *zThreads = "0", *zMaxConn = "8192";
  const char *zDbConnections = "0";
  const char *zMaxPerAddr = "2048", *zTimeout = "60", *zTrustProxy = NULL;
  const char *zSmtp = NULL, *zMailAttempts = "8", *zMailRetry = "60";
  const char *zMailPoll = "5";
  const char *zMailLease = "300";
  const char *zImageSeconds = "20";
  const char *zPublicUrl = NULL, *zHeaderTimeout = "30";
  const char *zBodyMinRate = "500";
  const CliOption aOpt[] = {
      {"listen", "COSOC_LISTEN", 0, "dirección y puerto (127.0.0.1:8080)",
       &zListen},
      {"db", "COSOC_DB", 0,
       "archivo SQLite (se crea si no existe) o URL postgresql://", &zDb},
      {"secure-cookies", "COSOC_SECURE_COOKIES", 1,
       "marca las cookies Secure (detrás de HTTPS)", &zSecure},
      {"threads", "COSOC_THREADS", 0, "hilos de atención (0: según núcleos)",
       &zThreads},
      {"db-connections", "COSOC_DB_CONNECTIONS", 0,
       "conexiones con la base de datos como máximo (0: una por hilo); "
       "con PostgreSQL, para no pasar de su max_connections",
       &zDbConnections},
      {"max-connections", "COSOC_MAX_CONNECTIONS", 0,
       "conexiones simultáneas en total (8192)", &zMaxConn},
      {"max-per-address", "COSOC_MAX_PER_ADDRESS", 0,
       "conexiones simultáneas por dirección (2048)", &zMaxPerAddr},
      {"timeout", "COSOC_TIMEOUT", 0,
       "segundos antes de cerrar una conexión inactiva (60)", &zTimeout},
      {"header-timeout", "COSOC_HEADER_TIMEOUT", 0,
       "segundos para recibir los encabezados de una solicitud, desde que "
       "se abre la conexión o sale la respuesta anterior; un cliente que "
       "los envía de a poco se corta al cumplirse (30)",
       &zHeaderTimeout},
      {"body-min-rate", "COSOC_BODY_MIN_RATE", 0,
       "bytes por segundo que debe promediar el cuerpo de una solicitud "
       "(un formulario, una subida) pasados los segundos de "
       "--header-timeout desde sus encabezados; uno que llega más lento se "
       "corta (500; 0: sin límite)",
       &zBodyMinRate},
      {"public-url", "COSOC_PUBLIC_URL", 0,
       "dirección pública del sitio (https://cosoc.ejemplo.cl): base de los "
       "enlaces de correos y calendarios; sin ella, la de --listen",
       &zPublicUrl},
      {"trust-proxy", "COSOC_TRUST_PROXY", 0,
       "dirección del proxy (nginx) cuyo X-Forwarded-For se cree; varias "
       "separadas por comas",
       &zTrustProxy},
      {"smtp", "COSOC_SMTP_URL", 0,
       "servidor de correo (smtp://host:puerto o smtps://...); sin él los "
       "correos esperan en la bandeja de salida",
       &zSmtp},
      {"mail-max-attempts", "COSOC_MAIL_MAX_ATTEMPTS", 0,
       "intentos de envío antes de darlo por fallido (8)", &zMailAttempts},
      {"mail-retry-seconds", "COSOC_MAIL_RETRY_SECONDS", 0,
       "espera antes del segundo intento; se duplica en cada uno (60)",
       &zMailRetry},
      {"mail-poll-seconds", "COSOC_MAIL_POLL_SECONDS", 0,
       "cada cuántos segundos se revisa la bandeja de salida (5)", &zMailPoll},
      {"mail-lease-seconds", "COSOC_MAIL_LEASE_SECONDS", 0,
       "segundos que un servidor reserva los correos que está enviando; si "
       "muere, otro los envía pasado ese plazo (300; al menos 10)",
       &zMailLease},
      {"image-seconds", "COSOC_IMAGE_SECONDS", 0,
       "segundos que puede tardar en procesarse una foto subida; pasado ese "
       "tiempo se detiene y se rechaza (20; de 1 a 600)",
       &zImageSeconds},
  };
  int rc;
  if (!cli_args(argc, argv, 2, "serve",
                "Uso: cosoc serve [--listen HOST:PUERTO] [--db ARCHIVO|URL]\n\n"
                "Atiende el sitio web y la API. Crea y actualiza la base "
                "de datos al iniciar. Se detiene con Ctrl-C o SIGTERM, "
                "terminando las solicitudes en curso.",
                aOpt, (int)(sizeof(aOpt) / sizeof(aOpt[0])), 0, &rc)) {
    return rc;
  }
  ServerConfig cfg = {0};
  cfg.zListen = zListen;
  cfg.zDb = zDb;
  cfg.bSecureCookies = zSecure && zSecure[0] == '1';
  cfg.zTrustProxy = zTrustProxy && *zTrustProxy ? zTrustProxy : NULL;
  cfg.pAuth = &serve_auth;
  cfg.aRoute = routes_table;
  cfg.nRoute = routes_count;
  cfg.xErrorPage = page_error_render;
  cfg.xUploadBodyMax = routes_upload_body_max;
  /* Several councils: /c/SLUG/… is routed as …, the request's council
  ** decides the user's roles, and links keep the prefix (pages/page.h). */
  cfg.xRewritePath = page_rewrite_path;
  cfg.xScope = page_scope;
  cfg.xLinkPath = page_link;
  cfg.xBeforeWrite = routes_before_write;
  if (zPublicUrl && *zPublicUrl) {
    if (!(cfg.zPublicUrl = public_url_option(zPublicUrl))) return CLI_USAGE;
  } else {
    cfg.zPublicUrl = public_url_fallback(zListen);
  }
  unsigned nThreads = 0;
  if (!(zThreads[0] == '0' && zThreads[1] == 0) &&
      !(nThreads = option_count("threads", zThreads))) {
    return CLI_USAGE;
  }
  cfg.nThreads = nThreads;
  if (!(zDbConnections[0] == '0' && zDbConnections[1] == 0) &&
      !(cfg.nDbConnections = option_count("db-connections", zDbConnections))) {
    return CLI_USAGE;
  }
  if (!(cfg.nMaxConnections = option_count("max-connections", zMaxConn)) ||
      !(cfg.nMaxPerAddress = option_count("max-per-address", zMaxPerAddr)) ||
      !(cfg.nTimeoutSeconds = option_count("timeout", zTimeout)) ||
      !(cfg.nHeaderTimeoutSeconds =
            option_count("header-timeout", zHeaderTimeout))) {
    return CLI_USAGE;
  }
  if (!(zBodyMinRate[0] == '0' && zBodyMinRate[1] == 0) &&
      !(cfg.nBodyMinRate = option_count("body-min-rate", zBodyMinRate))) {
    return CLI_USAGE;
  }
  unsigned nImageSeconds = option_count("image-seconds", zImageSeconds);
  if (!nImageSeconds || nImageSeconds > PHOTO_SECONDS_MAX) {
    if (nImageSeconds) {
      fprintf(stderr, "cosoc serve: --image-seconds va de 1 a %d.\n",
              PHOTO_SECONDS_MAX);
    }
    return CLI_USAGE;
  }
  photo_time_limit_set((int)nImageSeconds * 1000);
  /* On SIGTERM a photo being processed stops at once rather than holding
  ** the server open until it is done. */
  cfg.xStopping = photo_stop_all;
  MailSenderConfig mailCfg;
  mail_sender_config_init(&mailCfg, zSmtp);
  if (zSmtp && *zSmtp) {
    const char *zProblem = smtp_url_problem(zSmtp);
    if (zProblem) {
      fprintf(stderr, "cosoc serve: %s\n", zProblem);
      return CLI_USAGE;
    }
    if (mail_options_apply("serve", &mailCfg, zMailAttempts, zMailRetry) ||
        !(mailCfg.nPollSeconds =
              (int)option_count("mail-poll-seconds", zMailPoll)) ||
        !(mailCfg.iLease =
              (int64_t)option_count("mail-lease-seconds", zMailLease))) {
      return CLI_USAGE;
    }
    /* A lease shorter than one batch's sending would let a second server
    ** claim messages the first is still sending: sent twice. */
    if (mailCfg.iLease < 10) {
      fprintf(stderr,
              "cosoc serve: --mail-lease-seconds debe ser al menos "
              "10.\n");
      return CLI_USAGE;
    }
  }
  Db *pDb = cli_open_db(zDb);
  if (!pDb) return CLI_FAIL;
  db_close(pDb);
  if (!(zPublicUrl && *zPublicUrl)) {
    fprintf(stderr,
            "cosoc: aviso: falta --public-url (COSOC_PUBLIC_URL); "
            "los enlaces de correos y calendarios usarán %s\n",
            cfg.zPublicUrl);
  }
  /* The sender runs beside the server, on its own connection, and stops
  ** after it (server_run returns on SIGINT/SIGTERM). */
  MailSender *pSender = NULL;
  if (zSmtp && *zSmtp) {
    if (!(pSender = mail_sender_start(zDb, &mailCfg))) return CLI_FAIL;
    char zShown[256]; /* Never a password in the log */
    smtp_url_for_log(zSmtp, zShown, sizeof(zShown));
    fprintf(stderr, "cosoc: enviando correo por %s como %s\n", zShown,
            mailCfg.smtp.zFrom);
  }
  /* Retention once a day, one server of several at a time (a lease). */
  RetentionJob *pRetention = retention_job_start(zDb);
  if (!pRetention) {
    fprintf(stderr,
            "cosoc: aviso: no se pudo iniciar la conservación "
            "diaria; use cosoc retention run\n");
  }
  rc = server_run(&cfg) == 0 ? CLI_OK : CLI_FAIL;
  retention_job_stop(pRetention);
  mail_sender_stop(pSender);
  return rc;
}

/* cli_open_db() has migrated it: what is left is to say so. */
static int migrate_report(Db *pDb, Arena *pArena) {
  (void)pArena;
  printf("Base de datos al día: versión de esquema %d.\n",
         db_schema_version(pDb));
  return CLI_OK;
}

int cmd_migrate(int argc, char **argv) {
  return cli_db_command(
      argc, argv, 2, "migrate",
      "Uso: cosoc migrate --db ARCHIVO|URL\n\nAplica los cambios "
      "de esquema pendientes, cada uno en una transacción.",
      migrate_report);
}
