/*
** The inside of a Request, shared by the files of src/http/ only. Pages use
** the accessor functions of request.h.
*/
#ifndef COSOC_HTTP_REQUEST_IMPL_H
#define COSOC_HTTP_REQUEST_IMPL_H

#include <microhttpd.h>

#include "http/request.h"
#include "http/router.h"
#include "http/server.h"

#define COOKIE_SESSION "cosoc_session"
#define COOKIE_CSRF "cosoc_csrf"

typedef struct HeaderLine HeaderLine;
struct HeaderLine {
  const char *zName;
  const char *zValue;
  HeaderLine *pNext;
};

struct Request {
  Arena *pArena;                  /* Owns everything below */
  struct MHD_Connection *pConn;   /* The connection it came on */
  const ServerConfig *pCfg;       /* Server settings */
  Db *pDb;                        /* This thread's database connection */
  int nDbFailedAtStart;           /* db_failures(pDb) when it began */
  const char *zMethod;            /* As sent */
  int eMethod;                    /* METHOD_ bit, 0 if unsupported */
  const char *zPath;              /* Decoded path, no query string, as
                                  ** routed (xRewritePath) */
  const char *zFullPath;          /* The same as it came */
  const char *zPathPrefix;        /* What xRewritePath took off, or NULL */
  const char *zAddress;           /* Client's network address */
  long long tStartUs;             /* When the first call arrived */
  int64_t nRoundTrips;            /* To the database server (PostgreSQL),
                                  ** counted over this request's calls
                                  ** only: the thread serves others
                                  ** between them */

  const Route *pRoute;            /* Matched route, or NULL */
  int mAllowed;                   /* Methods the path answers (405) */
  const char **azParam;           /* Captured path segments */
  int nParam;

  struct MHD_PostProcessor *pPost; /* Form body parser, when a form */
  FormField *aField;              /* Parsed form fields */
  int nField, nFieldAlloc;
  size_t nLastValueAlloc;         /* Bytes reserved for the last field's
                                  ** value: a file arrives in many pieces,
                                  ** and growing by doubling keeps that
                                  ** linear (copying on every piece cost
                                  ** 3 GB of memory for a 10 MB photo) */
  Buf body;                       /* Raw body when not a form */
  size_t nBodySeen;               /* Bytes of body received */
  size_t nBodyMax;                /* Limit from the route */
  int bTooLarge;                  /* Body exceeded nBodyMax */
  int bAdmitted;                  /* Authenticated, from the headers */
  Db *pAdmitDb;                   /* The connection it was admitted on… */
  uint64_t nAdmitSerial;          /* …and its db_request_serial() then */
  int bDenied;                    /* The route refuses this sender: its
                                  ** body is dropped unread */
  int bBadBody;                   /* Body could not be parsed */

  User user;                      /* Valid when bSignedIn */
  int bSignedIn;
  int bBearer;                    /* Authenticated by an API token */
  int64_t iSession;               /* Session row id, when by cookie */
  const char *zSessionToken;      /* Cookie value of that session */
  const char *zCsrfToken;         /* Computed on demand */
  const unsigned char *pCsrfKey;  /* The server's HMAC key (32 bytes) */

  void *pPageState; /* request_page_state(): the pages' */

  int bResponded;                 /* A respond_*() call was made */
  int iStatus;                    /* Response status */
  const char *zContentType;
  const void *pBody;              /* Response body (arena) */
  size_t nBody;
  SharedBytes *pShared;           /* The body is these shared bytes instead
                                  ** (one reference, until handed over) */
  int bBodyFd;                    /* The body is the file iBodyFd instead */
  int iBodyFd;                    /* Owned until handed to libmicrohttpd */
  uint64_t nBodyFd;
  HeaderLine *pHeaders;           /* Extra response headers */
};

/* Closes the file of a respond_fd() answer, and releases the bytes of a
** respond_shared() one, not handed to libmicrohttpd (request.c). */
void request_drop_body_fd(Request *r);

/* Checks the text a request carries (request_check.c): 0 when it may go
** on; 1 with the status (400 or 422), a Spanish message and the field at
** fault (or NULL) when it must be refused. Form values' line breaks are
** made LF as a side effect. */
int request_text_check(Request *r, int *piStatus, const char **pzMessage,
                       const char **pzField);

/* Checks the CSRF token that came with a POST (request.c). */
int csrf_token_valid(Request *r);

#endif
