/*
** SMTP delivery of one composed message, with libcurl.
**
** Configuration (CONTRACT): --smtp URL / COSOC_SMTP_URL ("smtp://host:port"
** with STARTTLS when offered, required when a user is set, so a password
** never crosses the network in clear; "smtps://host:port" for TLS from the
** first byte), COSOC_SMTP_USER, COSOC_SMTP_PASSWORD, COSOC_MAIL_FROM.
**
** Errors come back as a Spanish sentence for the officer (stored in the
** outbox) and libcurl's detail for the log; an SMTP 5xx answer is
** permanent (retrying will not help), anything else may be retried.
*/
#ifndef COSOC_MAIL_SMTP_H
#define COSOC_MAIL_SMTP_H

#include <stdatomic.h>
#include <stddef.h>

#define SMTP_DEFAULT_FROM "cosoc@localhost"
#define SMTP_ERROR_MAX 300

typedef struct SmtpConfig {
  const char *zUrl;  /* smtp://host:port or smtps://host:port */
  const char *zUser; /* NULL or "": no authentication */
  const char *zPassword;
  const char *zFrom;    /* "Nombre <dir@dominio>" or "dir@dominio" */
  long nConnectTimeout; /* Seconds (0: 10) */
  long nTimeout;        /* Seconds for the whole message (0: 60) */
} SmtpConfig;

typedef struct SmtpResult {
  int bOk;                      /* The server accepted the message */
  int bPermanent;               /* Refused for good (5xx): do not retry */
  int bCancelled;               /* Stopped by *pbCancel before the end */
  long iSmtpCode;               /* Last SMTP reply code, 0 if none */
  char zError[SMTP_ERROR_MAX];  /* Spanish, for the officer */
  char zDetail[SMTP_ERROR_MAX]; /* libcurl's words, for the log */
} SmtpResult;

/* Once per process, before any thread sends (curl_global_init). */
int smtp_global_init(void);

/* NULL when zUrl is a usable smtp:// or smtps:// URL, else the reason. */
const char *smtp_url_problem(const char *zUrl);

/* zUrl for logs, without any "user:password@" part, into z (size n). */
void smtp_url_for_log(const char *zUrl, char *z, size_t n);

/* Fills *pCfg from the environment (COSOC_SMTP_USER, COSOC_SMTP_PASSWORD,
** COSOC_MAIL_FROM); zUrl comes from the caller (--smtp or COSOC_SMTP_URL). */
void smtp_config_from_env(SmtpConfig *pCfg, const char *zUrl);

/* Sends zMessage (CRLF lines) from zFromAddr to zTo. Thread-safe. When
** pbCancel (may be NULL) becomes nonzero the transfer is abandoned within
** a second and bCancelled is set: the server has not accepted it. */
void smtp_send(const SmtpConfig *pCfg, const char *zFromAddr, const char *zTo,
               const char *zMessage, size_t nMessage,
               const atomic_int *pbCancel, SmtpResult *pResult);

#endif
