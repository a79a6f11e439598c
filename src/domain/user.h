/*
** Who is using cosoc: a user as the rest of the program sees it, and the
** role bits that routes and menus are guarded by.
**
** Here, below everything, so that the HTTP server, the page shell and the
** stores can all name a user without depending on the accounts store (which
** includes this and does the storing: store/accounts/accounts.h).
*/
#ifndef COSOC_DOMAIN_USER_H
#define COSOC_DOMAIN_USER_H

#include <stdint.h>

/* Who may use a route or a feature (a bit set). Zero means nobody: the
** default is deny. */
#define ROLE_ANONYMOUS 0x01 /* Not signed in: the public */
#define ROLE_ADMIN 0x02     /* The PAC officer, technical secretary */
#define ROLE_CONSEJERO 0x04 /* A councillor */
#define ROLE_AUTORIDAD 0x08 /* An authority responsible for plan lines */
#define ROLES_SIGNED_IN (ROLE_ADMIN | ROLE_CONSEJERO | ROLE_AUTORIDAD)
#define ROLES_EVERYONE (ROLE_ANONYMOUS | ROLES_SIGNED_IN)

/* A user as the rest of the program sees it. */
typedef struct User {
  int64_t id;
  const char *zEmail;
  const char *zName;
  const char *zRole; /* Slug: admin, consejero, autoridad */
  int mRole;         /* The matching ROLE_ bit */
} User;

#endif
