/*
** SMTP with libcurl (see smtp.h).
*/
#include "mail/smtp.h"

#include <curl/curl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SMTP_CONNECT_TIMEOUT 10
#define SMTP_TIMEOUT 60

static pthread_once_t g_once = PTHREAD_ONCE_INIT;
static int g_iInitRc;

static void global_init(void) {
  g_iInitRc = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK ? 0 : -1;
}

int smtp_global_init(void) {
  pthread_once(&g_once, global_init);
  return g_iInitRc;
}

const char *smtp_url_problem(const char *zUrl) {
  if (!zUrl || !*zUrl) return "falta la dirección del servidor de correo";
  if (strncmp(zUrl, "smtp://", 7) != 0 && strncmp(zUrl, "smtps://", 8) != 0) {
    return "la dirección del servidor de correo debe empezar con smtp:// o "
           "smtps://, por ejemplo smtp://correo.ejemplo.cl:587";
  }
  const char *zHost = strstr(zUrl, "://") + 3;
  if (!*zHost || *zHost == ':' || *zHost == '/') {
    return "falta el nombre del servidor en la dirección de correo";
  }
  for (const char *z = zUrl; *z; z++) {
    if ((unsigned char)*z <= ' ') {
      return "la dirección del servidor de correo no puede tener espacios";
    }
  }
  return NULL;
}

void smtp_url_for_log(const char *zUrl, char *z, size_t n) {
  const char *zHost = strstr(zUrl, "://");
  zHost = zHost ? zHost + 3 : zUrl;
  const char *zAt = strchr(zHost, '@');
  const char *zSlash = strchr(zHost, '/');
  if (zAt && (!zSlash || zAt < zSlash)) {
    snprintf(z, n, "%.*s%s", (int)(zHost - zUrl), zUrl, zAt + 1);
  } else {
    snprintf(z, n, "%s", zUrl);
  }
}

void smtp_config_from_env(SmtpConfig *pCfg, const char *zUrl) {
  memset(pCfg, 0, sizeof(*pCfg));
  pCfg->zUrl = zUrl;
  pCfg->zUser = getenv("COSOC_SMTP_USER");
  pCfg->zPassword = getenv("COSOC_SMTP_PASSWORD");
  const char *zFrom = getenv("COSOC_MAIL_FROM");
  pCfg->zFrom = zFrom && *zFrom ? zFrom : SMTP_DEFAULT_FROM;
}

/* The message being uploaded. */
typedef struct Upload {
  const char *z; /* Next byte to send */
  size_t n;      /* Bytes left */
} Upload;

static size_t read_message(char *pBuf, size_t nSize, size_t nItems,
                           void *pArg) {
  Upload *u = pArg;
  size_t n = nSize * nItems;
  if (n > u->n) n = u->n;
  memcpy(pBuf, u->z, n);
  u->z += n;
  u->n -= n;
  return n;
}

/* libcurl calls this about once a second and on progress: a nonzero
** answer abandons the transfer (a server stopping). */
static int check_cancel(void *pArg, curl_off_t a, curl_off_t b, curl_off_t c,
                        curl_off_t d) {
  (void)a;
  (void)b;
  (void)c;
  (void)d;
  const atomic_int *pbCancel = pArg;
  return pbCancel && atomic_load(pbCancel) ? 1 : 0;
}

/* The officer's sentence for a libcurl failure. */
static const char *spanish_reason(CURLcode rc, long iCode) {
  /* An SMTP reply says more than libcurl's code (a refused RCPT comes back
  ** as a receive error). */
  if (iCode >= 500 && rc != CURLE_LOGIN_DENIED) {
    return "El servidor de correo rechazó el mensaje o la dirección del "
           "destinatario.";
  }
  if (iCode >= 400 && rc != CURLE_LOGIN_DENIED) {
    return "El servidor de correo no aceptó el mensaje por ahora; se "
           "reintentará.";
  }
  switch (rc) {
    case CURLE_COULDNT_RESOLVE_HOST:
      return "No se encontró el servidor de correo: revise su nombre.";
    case CURLE_COULDNT_CONNECT:
      return "No se pudo conectar con el servidor de correo: puede estar "
             "detenido o la dirección o el puerto no son correctos.";
    case CURLE_OPERATION_TIMEDOUT:
      return "El servidor de correo no respondió a tiempo.";
    case CURLE_LOGIN_DENIED:
      return "El servidor de correo rechazó el usuario o la contraseña.";
    case CURLE_USE_SSL_FAILED:
      return "El servidor de correo no ofrece conexión cifrada (STARTTLS); "
             "sin ella no se envía la contraseña.";
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
      return "No se pudo establecer la conexión cifrada con el servidor de "
             "correo (certificado o TLS).";
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
      return "Se cortó la conexión con el servidor de correo.";
    default:
      break;
  }
  return "No se pudo enviar el mensaje al servidor de correo.";
}

void smtp_send(const SmtpConfig *pCfg, const char *zFromAddr, const char *zTo,
               const char *zMessage, size_t nMessage,
               const atomic_int *pbCancel, SmtpResult *pRes) {
  memset(pRes, 0, sizeof(*pRes));
  CURL *pCurl = curl_easy_init();
  if (!pCurl) {
    snprintf(pRes->zError, sizeof(pRes->zError),
             "No se pudo preparar el envío de correo.");
    snprintf(pRes->zDetail, sizeof(pRes->zDetail), "curl_easy_init");
    return;
  }
  char zCurlErr[CURL_ERROR_SIZE] = "";
  char zFromArg[320], zToArg[320];
  snprintf(zFromArg, sizeof(zFromArg), "<%s>", zFromAddr);
  snprintf(zToArg, sizeof(zToArg), "<%s>", zTo);
  struct curl_slist *pRcpt = curl_slist_append(NULL, zToArg);
  Upload up = {zMessage, nMessage};
  int bAuth = pCfg->zUser && *pCfg->zUser;
  curl_easy_setopt(pCurl, CURLOPT_URL, pCfg->zUrl);
  curl_easy_setopt(pCurl, CURLOPT_MAIL_FROM, zFromArg);
  curl_easy_setopt(pCurl, CURLOPT_MAIL_RCPT, pRcpt);
  curl_easy_setopt(pCurl, CURLOPT_READFUNCTION, read_message);
  curl_easy_setopt(pCurl, CURLOPT_READDATA, &up);
  curl_easy_setopt(pCurl, CURLOPT_INFILESIZE_LARGE, (curl_off_t)nMessage);
  curl_easy_setopt(pCurl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(pCurl, CURLOPT_ERRORBUFFER, zCurlErr);
  curl_easy_setopt(pCurl, CURLOPT_NOSIGNAL, 1L); /* Threads: no SIGALRM */
  curl_easy_setopt(pCurl, CURLOPT_CONNECTTIMEOUT,
                   pCfg->nConnectTimeout > 0 ? pCfg->nConnectTimeout
                                             : (long)SMTP_CONNECT_TIMEOUT);
  curl_easy_setopt(pCurl, CURLOPT_TIMEOUT,
                   pCfg->nTimeout > 0 ? pCfg->nTimeout : (long)SMTP_TIMEOUT);
  /* Opportunistic STARTTLS, made mandatory when we would send a password. */
  curl_easy_setopt(pCurl, CURLOPT_USE_SSL,
                   bAuth ? (long)CURLUSESSL_ALL : (long)CURLUSESSL_TRY);
  if (bAuth) {
    curl_easy_setopt(pCurl, CURLOPT_USERNAME, pCfg->zUser);
    curl_easy_setopt(pCurl, CURLOPT_PASSWORD,
                     pCfg->zPassword ? pCfg->zPassword : "");
  }
  if (pbCancel) {
    curl_easy_setopt(pCurl, CURLOPT_XFERINFOFUNCTION, check_cancel);
    curl_easy_setopt(pCurl, CURLOPT_XFERINFODATA, (void *)pbCancel);
    curl_easy_setopt(pCurl, CURLOPT_NOPROGRESS, 0L);
  }
  CURLcode rc = curl_easy_perform(pCurl);
  curl_easy_getinfo(pCurl, CURLINFO_RESPONSE_CODE, &pRes->iSmtpCode);
  if (rc == CURLE_OK) {
    pRes->bOk = 1;
  } else if (rc == CURLE_ABORTED_BY_CALLBACK) {
    pRes->bCancelled = 1;
    snprintf(pRes->zError, sizeof(pRes->zError),
             "El envío se interrumpió porque el servidor se detuvo.");
    snprintf(pRes->zDetail, sizeof(pRes->zDetail), "interrumpido");
  } else {
    pRes->bPermanent = pRes->iSmtpCode >= 500 && pRes->iSmtpCode < 600 &&
                       rc != CURLE_LOGIN_DENIED;
    const char *zReason = spanish_reason(rc, pRes->iSmtpCode);
    if (pRes->iSmtpCode > 0) {
      snprintf(pRes->zError, sizeof(pRes->zError), "%s (código SMTP %ld)",
               zReason, pRes->iSmtpCode);
    } else {
      snprintf(pRes->zError, sizeof(pRes->zError), "%s", zReason);
    }
    snprintf(pRes->zDetail, sizeof(pRes->zDetail), "%s: %s",
             curl_easy_strerror(rc), zCurlErr);
  }
  curl_slist_free_all(pRcpt);
  curl_easy_cleanup(pCurl);
}
