/*
** The page shell: the frame every HTML page shares (document head, header
** with the council's name and navigation, main landmark, footer).
**
** It takes a plain ShellInfo, not a Request, so that it depends on nothing
** but the HTML writer.
*/
#ifndef COSOC_RENDER_SHELL_H
#define COSOC_RENDER_SHELL_H

#include "render/html.h"

typedef struct ShellInfo {
  const char *zTitle;       /* The page's own title (also its h1 elsewhere) */
  const char *zNav;         /* Key of the navigation entry to mark current */
  const char *zCouncil;     /* Council short name, or NULL before the demo */
  const char *zUserName;    /* Signed-in user's name, or NULL */
  const char *zUserRole;    /* Their role label */
  int mRole;                /* ROLE_ bit of the visitor (ROLE_ANONYMOUS) */
  const char *zCsrfToken;   /* For the sign-out form (signed in only) */
  const char *zNotice;      /* A one-time message shown above the content */
  int bCouncilSwitch;       /* The user works in several councils: a link
                            ** to choose another (/consejo) */
  int bCouncilAdmin;        /* The user manages councils: a link to them */
} ShellInfo;

void shell_begin(Html *h, const ShellInfo *pInfo);
void shell_end(Html *h, const ShellInfo *pInfo);

#endif
