/*
** Request accessors and responses (see request.h), cookies and CSRF tokens.
**
** CSRF tokens are HMAC-SHA256(key, binding): the binding is the session
** cookie for a signed-in user, or a random cookie (cosoc_csrf) for an
** anonymous visitor, so a token is useless without the matching cookie.
** The key lives in the database (settings.csrf_key), so every app server
** computes the same tokens and nothing is kept in process memory.
*/
#include <sodium.h>
#include <unistd.h>
#include <stdio.h>
#include <string.h>

#include "http/request_impl.h"
#include "util/text.h"

Arena *request_arena(Request *r) { return r->pArena; }
Db *request_db(Request *r) { return r->pDb; }
const ServerConfig *request_config(Request *r) { return r->pCfg; }
const char *request_method(Request *r) { return r->zMethod; }
const char *request_path(Request *r) { return r->zPath; }
int request_is_post(Request *r) { return r->eMethod == METHOD_POST; }
const User *request_user(Request *r) { return r->bSignedIn ? &r->user : NULL; }
const char *request_client_address(Request *r) { return r->zAddress; }

int request_by_token(Request *r) { return r->bBearer; }
const char *request_public_url(Request *r) {
  return r->pCfg && r->pCfg->zPublicUrl ? r->pCfg->zPublicUrl
                                        : "http://localhost";
}

void *request_page_state(Request *r) { return r->pPageState; }
void request_set_page_state(Request *r, void *pState) {
  r->pPageState = pState;
}

int request_is_api(Request *r) {
  return strncmp(r->zPath, "/api/", 5) == 0 || strcmp(r->zPath, "/api") == 0;
}

const char *request_query(Request *r, const char *zName) {
  return MHD_lookup_connection_value(r->pConn, MHD_GET_ARGUMENT_KIND, zName);
}

const char *request_field(Request *r, const char *zName) {
  for (int i = r->nField - 1; i >= 0; i--) {
    if (strcmp(r->aField[i].zName, zName) == 0) return r->aField[i].zValue;
  }
  return NULL;
}

const FormField *request_fields(Request *r, int *pnField) {
  *pnField = r->nField;
  return r->aField;
}

const char *request_param(Request *r, int i) {
  return i >= 0 && i < r->nParam ? r->azParam[i] : NULL;
}

int64_t request_param_id(Request *r, int i) {
  int64_t iId = 0;
  return text_parse_id(request_param(r, i), &iId) ? iId : 0;
}

int64_t request_query_id(Request *r, const char *zName) {
  int64_t iId = 0;
  return text_parse_id(request_query(r, zName), &iId) ? iId : 0;
}

int64_t request_field_id(Request *r, const char *zName) {
  int64_t iId = 0;
  return text_parse_id(request_field(r, zName), &iId) ? iId : 0;
}

const char *request_header(Request *r, const char *zName) {
  return MHD_lookup_connection_value(r->pConn, MHD_HEADER_KIND, zName);
}

const char *request_body(Request *r, size_t *pnBody) {
  if (pnBody) *pnBody = r->body.n;
  return buf_str(&r->body);
}

/* ---- CSRF ---- */

static const char *csrf_compute(Request *r, const char *zBinding) {
  unsigned char aMac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256(aMac, (const unsigned char *)zBinding,
                         strlen(zBinding), r->pCsrfKey);
  char *zOut = arena_alloc(r->pArena, sodium_base64_ENCODED_LEN(
                                          sizeof(aMac),
                                          sodium_base64_VARIANT_URLSAFE_NO_PADDING));
  sodium_bin2base64(zOut,
                    sodium_base64_ENCODED_LEN(
                        sizeof(aMac), sodium_base64_VARIANT_URLSAFE_NO_PADDING),
                    aMac, sizeof(aMac), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return zOut;
}

/* The value the token is bound to, or NULL when there is none yet. */
static const char *csrf_binding(Request *r) {
  if (r->zSessionToken) {
    return arena_printf(r->pArena, "s:%s", r->zSessionToken);
  }
  const char *zAnon =
      MHD_lookup_connection_value(r->pConn, MHD_COOKIE_KIND, COOKIE_CSRF);
  if (zAnon && strlen(zAnon) == AUTH_TOKEN_CHARS) {
    return arena_printf(r->pArena, "a:%s", zAnon);
  }
  return NULL;
}

const char *request_csrf_token(Request *r) {
  if (r->zCsrfToken) return r->zCsrfToken;
  const char *zBinding = csrf_binding(r);
  if (!zBinding) {
    unsigned char aRand[32];
    char zToken[AUTH_TOKEN_MAX];
    randombytes_buf(aRand, sizeof(aRand));
    sodium_bin2base64(zToken, sizeof(zToken), aRand, sizeof(aRand),
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    response_cookie(r, COOKIE_CSRF, zToken, -1);
    zBinding = arena_printf(r->pArena, "a:%s", zToken);
  }
  r->zCsrfToken = csrf_compute(r, zBinding);
  return r->zCsrfToken;
}

int csrf_token_valid(Request *r) {
  const char *zSent = request_field(r, "csrf_token");
  if (!zSent) zSent = request_header(r, "X-CSRF-Token");
  const char *zBinding = csrf_binding(r);
  if (!zSent || !zBinding) return 0;
  const char *zWant = csrf_compute(r, zBinding);
  size_t n = strlen(zWant);
  return strlen(zSent) == n && sodium_memcmp(zSent, zWant, n) == 0;
}

/* ---- Responses ---- */

void response_header(Request *r, const char *zName, const char *zValue) {
  HeaderLine *p = arena_alloc(r->pArena, sizeof(*p));
  p->zName = arena_strdup(r->pArena, zName);
  p->zValue = arena_strdup(r->pArena, zValue);
  p->pNext = r->pHeaders;
  r->pHeaders = p;
}

void response_cookie(Request *r, const char *zName, const char *zValue,
                     long nMaxAge) {
  Buf b;
  buf_init(&b, r->pArena);
  buf_printf(&b, "%s=%s; Path=/; HttpOnly; SameSite=Lax", zName, zValue);
  if (nMaxAge >= 0) buf_printf(&b, "; Max-Age=%ld", nMaxAge);
  if (r->pCfg->bSecureCookies) buf_puts(&b, "; Secure");
  response_header(r, "Set-Cookie", buf_str(&b));
}

/* Closes a file answer, and releases shared bytes, that are being replaced
** or will not be sent. */
void request_drop_body_fd(Request *r) {
  if (r->bBodyFd) close(r->iBodyFd);
  r->bBodyFd = 0;
  shared_bytes_release(r->pShared);
  r->pShared = NULL;
}

static void respond_set(Request *r, int iStatus, const char *zType,
                        const void *p, size_t n) {
  request_drop_body_fd(r);
  r->bResponded = 1;
  r->iStatus = iStatus;
  r->zContentType = zType;
  r->pBody = p;
  r->nBody = n;
}

void respond_html(Request *r, int iStatus, const Html *h) {
  response_header(r, "Cache-Control", "no-store");
  respond_set(r, iStatus, "text/html; charset=utf-8", html_str(h),
              html_len(h));
}

void respond_json(Request *r, int iStatus, json_t *pJson) {
  char *z = json_dumps(pJson, JSON_COMPACT);
  json_decref(pJson);
  if (!z) {
    respond_set(r, 500, "application/json", "{\"error\":\"Error interno.\"}",
                26);
    return;
  }
  char *zCopy = arena_strdup(r->pArena, z);
  free(z);
  response_header(r, "Cache-Control", "no-store");
  respond_set(r, iStatus, "application/json; charset=utf-8", zCopy,
              strlen(zCopy));
}

void respond_json_error(Request *r, int iStatus, const char *zMessage,
                        const char *zField) {
  json_t *pObj = json_object();
  json_object_set_new(pObj, "error", json_string(zMessage));
  if (zField) json_object_set_new(pObj, "field", json_string(zField));
  respond_json(r, iStatus, pObj);
}

void respond_bytes(Request *r, int iStatus, const char *zContentType,
                   const void *pData, size_t nData) {
  respond_set(r, iStatus, arena_strdup(r->pArena, zContentType), pData, nData);
}

void respond_fd(Request *r, int iStatus, const char *zContentType, int fd,
                uint64_t nSize) {
  respond_set(r, iStatus, arena_strdup(r->pArena, zContentType), "", 0);
  r->bBodyFd = 1;
  r->iBodyFd = fd;
  r->nBodyFd = nSize;
}

void respond_shared(Request *r, int iStatus, const char *zContentType,
                    SharedBytes *pBytes) {
  respond_set(r, iStatus, arena_strdup(r->pArena, zContentType), "", 0);
  r->pShared = pBytes;
}

void respond_redirect(Request *r, const char *zLocation) {
  response_header(r, "Location", zLocation);
  respond_set(r, 303, "text/plain; charset=utf-8", "", 0);
}

/* A failure the database caused while this request wrote: the change was
** refused and rolled back (every write is one transaction), so the page
** says so rather than "something failed", and 503 tells clients to retry.
** The detail (which statement, what the database said) is in the log. */
#define WRITE_REFUSED                                                          \
  "La base de datos no aceptó el cambio, así que no se guardó. Intente de " \
  "nuevo en unos minutos; si vuelve a pasar, avise a quien administra el "     \
  "sistema."

void respond_error(Request *r, int iStatus, const char *zMessage) {
  if (iStatus == 500 && !zMessage && r->eMethod != METHOD_GET && r->pDb &&
      db_failures(r->pDb) > r->nDbFailedAtStart) {
    iStatus = 503;
    zMessage = WRITE_REFUSED;
  }
  r->pCfg->xErrorPage(r, iStatus, zMessage);
}

/* ---- Sessions ---- */

int request_start_session(Request *r, int64_t iUserId) {
  char zToken[AUTH_TOKEN_MAX];
  int64_t iSession = 0;
  if (r->pCfg->pAuth->xSessionStart(r->pDb, iUserId, zToken, &iSession) !=
      DB_OK) {
    return DB_ERROR;
  }
  /* The cookie outlives the idle limit on purpose: the server decides when a
  ** session ends, the browser just keeps the key. */
  response_cookie(r, COOKIE_SESSION, zToken, 30L * 24 * 3600);
  r->zSessionToken = arena_strdup(r->pArena, zToken);
  r->iSession = iSession;
  r->zCsrfToken = NULL;
  return DB_OK;
}

int64_t request_session_id(Request *r) { return r->iSession; }

void request_end_session(Request *r) {
  if (r->iSession) r->pCfg->pAuth->xSessionEnd(r->pDb, r->iSession);
  response_cookie(r, COOKIE_SESSION, "", 0);
  r->iSession = 0;
  r->zSessionToken = NULL;
  r->bSignedIn = 0;
  r->zCsrfToken = NULL;
}
