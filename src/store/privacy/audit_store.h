/*
** The audit log (issue 21) as the pages and commands read and add to it.
** Row changes are logged by the database's triggers (db/audit.c); this adds
** the events that are no row change (sign-in, failed sign-in, token
** creation, role change, data export, erasure) and lists the log for the
** officer's page, its CSV/XLSX and GET /api/audit. There is no function
** that changes or deletes an entry: the database refuses it too.
*/
#ifndef COSOC_STORE_PRIVACY_AUDIT_STORE_H
#define COSOC_STORE_PRIVACY_AUDIT_STORE_H

#include <stdint.h>

#include "db/db.h"
#include "util/arena.h"
#include "util/list_page.h"

/* An event that is no row change. */
typedef struct AuditEvent {
  int64_t iCouncil;     /* 0: none */
  int64_t iUser;        /* Who acted; 0: nobody signed in */
  const char *zActor;   /* Without a user: "línea de comandos", … ("") */
  const char *zAddress; /* The client's address, "" */
  const char *zKind;    /* The object: user, member, … */
  const char *zId;      /* Its id, "" */
  const char *zAction;  /* inicio_sesion, inicio_sesion_fallido,
                        ** token_creado, cambio_rol, exportacion_datos, … */
  const char *zFields;  /* Field names, comma-separated, "" */
} AuditEvent;

int audit_event(Db *pDb, const AuditEvent *pEvent);

/* One entry as it is shown: zUser is the e-mail of the user who acted (as
** the account is now), else the actor's label ("línea de comandos",
** "sistema…", "visitante", or "SQL directo" for writes from outside
** cosoc). */
typedef struct AuditEntry {
  int64_t id;
  int64_t iAt;
  int64_t iUser;
  const char *zUser;
  const char *zAddress;
  const char *zKind;
  const char *zObjectId;
  const char *zAction;
  const char *zTable;
  const char *zFields;
} AuditEntry;

typedef struct AuditFilter {
  int64_t iCouncil;      /* Entries of this council */
  int bNone;             /* Also those of no council (the installation's:
                         ** the command line, accounts): for an
                         ** installation with one council or the national
                         ** team, never for one council among several */
  const char *zKind;     /* Object kind, NULL: any */
  const char *zObjectId; /* With zKind: that object, NULL: any */
  const char *zUser;     /* Who acted: part of their e-mail or label */
  int64_t iSince;        /* At or after (0: any) */
  int64_t iUntil;        /* Before (0: any) */
  int bOldestFirst;      /* Oldest first, as a log is read (else newest) */
} AuditFilter;

/* Page pPage (util/list_page.h; nLimit 0: every entry) of the entries
** pFilter selects, read with LIMIT/OFFSET; pPage->nTotal gets how many. */
int audit_list(Db *pDb, Arena *pArena, const AuditFilter *pFilter,
               ListPage *pPage, AuditEntry **paEntry, int *pnEntry);

/* The objects touched in [iSince, iUntil): for the breach register, who
** may have been affected (people records among them). */
int audit_objects_between(Db *pDb, Arena *pArena, int64_t iCouncil,
                          int64_t iSince, int64_t iUntil, AuditEntry **paEntry,
                          int *pnEntry);

#endif
