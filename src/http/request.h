/*
** A request as page handlers see it, and the ways to answer it.
**
** Handlers are plain functions `void page_x(Request *r)` named in the route
** table (src/pages/routes.c). By the time one runs, the server has already
** read and size-checked the body, identified the user, enforced the route's
** roles and checked the CSRF token: a handler only parses, calls the domain
** and storage code, and answers with exactly one respond_*() call.
**
** Everything reachable from a Request (strings, fields, the answer) lives in
** its arena and is freed after the response has been sent.
*/
#ifndef COSOC_HTTP_REQUEST_H
#define COSOC_HTTP_REQUEST_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "db/db.h"
#include "domain/user.h"
#include "render/html.h"
#include "util/arena.h"
#include "util/shared_bytes.h"

/* Methods a route accepts (a bit set). GET also answers HEAD. */
#define METHOD_GET 0x01
#define METHOD_POST 0x02

/* One field of a form body (URL-encoded or multipart). */
typedef struct FormField {
  const char *zName;
  char *zValue;              /* NUL-terminated (files may hold NULs too) */
  size_t nValue;             /* Bytes in zValue */
  const char *zFilename;     /* Multipart file: the name the client sent */
  const char *zContentType;  /* Multipart file: the type the client sent */
} FormField;

typedef struct ServerConfig ServerConfig;
typedef struct Route Route;
typedef struct Request Request;

/* ---- Reading the request ---- */
Arena *request_arena(Request *r);
Db *request_db(Request *r); /* This thread's connection */
const ServerConfig *request_config(Request *r);
const char *request_method(Request *r);
const char *request_path(Request *r);
int request_is_post(Request *r);
const User *request_user(Request *r); /* NULL when anonymous */
/* 1 when the user came with an API token (Authorization: Bearer), which
** needs no CSRF token, rather than a session cookie. */
int request_by_token(Request *r);
int request_is_api(Request *r);       /* Path under /api/ */
const char *request_client_address(Request *r);
/* The site's public base URL ("https://cosoc.example.cl", no trailing
** slash) for links that leave the browser (mail, calendars): from
** --public-url, never from the request's Host header. */
const char *request_public_url(Request *r);

/* What the pages compute once per request and keep on it (their request
** state: the request's council); NULL until they set it. The server never
** reads it; it lives as long as the request's arena. */
void *request_page_state(Request *r);
void request_set_page_state(Request *r, void *pState);

/* Query-string argument, or NULL. */
const char *request_query(Request *r, const char *zName);
/* Form field (last value if repeated), or NULL when absent. */
const char *request_field(Request *r, const char *zName);
/* All fields, in order (for repeated names such as checkboxes). */
const FormField *request_fields(Request *r, int *pnField);
/* Capture i (from 0) of the route pattern's ':' segments. */
const char *request_param(Request *r, int i);
/* Ids from the path or the query, parsed strictly (text_parse_id(): digits
** only, 1 or more): the id, or 0 when absent or not exactly an id, so that
** "/api/agreements/2abc" is no agreement 2. */
int64_t request_param_id(Request *r, int i);
int64_t request_query_id(Request *r, const char *zName);
/* The same for a form field that names a record (a select's value). */
int64_t request_field_id(Request *r, const char *zName);
/* Request header, or NULL. */
const char *request_header(Request *r, const char *zName);
/* The raw body of a non-form request (JSON), NUL-terminated. */
const char *request_body(Request *r, size_t *pnBody);

/* The CSRF token every form must carry in a hidden `csrf_token` field. For an
** anonymous visitor this may set the binding cookie. */
const char *request_csrf_token(Request *r);

/* ---- Answering ---- */
void response_header(Request *r, const char *zName, const char *zValue);
/* Set-Cookie with HttpOnly, SameSite=Lax, Path=/ (and Secure when the
** server is configured behind TLS). nMaxAge < 0: a session cookie;
** 0: delete it. */
void response_cookie(Request *r, const char *zName, const char *zValue,
                     long nMaxAge);

void respond_html(Request *r, int iStatus, const Html *h);
/* Takes ownership of pJson (decrefs it). */
void respond_json(Request *r, int iStatus, json_t *pJson);
/* `{"error": zMessage, "field": zField}` (field omitted when NULL). */
void respond_json_error(Request *r, int iStatus, const char *zMessage,
                        const char *zField);
void respond_bytes(Request *r, int iStatus, const char *zContentType,
                   const void *pData, size_t nData);
/* Answers with the nSize bytes of the open file fd, read from where it is
** positioned; the server owns fd from here on and closes it when the
** answer is sent or abandoned (for large downloads built in a temporary
** file, such as the evidence ZIP, which then never sit in memory). */
void respond_fd(Request *r, int iStatus, const char *zContentType, int fd,
                uint64_t nSize);
/* Answers with bytes held once for every answer that sends them
** (util/shared_bytes.h: a large file many download at once, or slowly),
** taking over the caller's reference: released when they are sent or the
** answer is replaced or abandoned. */
void respond_shared(Request *r, int iStatus, const char *zContentType,
                    SharedBytes *pBytes);
/* 303 See Other to a local path. */
void respond_redirect(Request *r, const char *zLocation);
/* The Spanish error page for iStatus (or JSON for API paths); zMessage
** replaces the default explanation when not NULL. Never shows internals. */
void respond_error(Request *r, int iStatus, const char *zMessage);

/* The sign-in step: makes a session for user id and sets its cookie. */
int request_start_session(Request *r, int64_t iUserId);
/* The current session's id (0 when signed in by token or not at all). */
int64_t request_session_id(Request *r);
/* Ends the current session (sign-out). */
void request_end_session(Request *r);

#endif
