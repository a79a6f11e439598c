/*
** Matching a request path against the route table (see router.h).
*/
#include "http/router.h"

#include <string.h>

#define ROUTER_MAX_PARAMS 8

int router_pattern_match(Arena *pArena, const char *zPattern,
                         const char *zPath, const char **azParam, int nMax,
                         int *pnParam) {
  int nParam = 0;
  const char *p = zPattern, *z = zPath;
  while (*p && *z) {
    if (*p == ':') {
      /* One segment: at least one byte, up to the next '/'. */
      const char *zEnd = strchr(z, '/');
      size_t n = zEnd ? (size_t)(zEnd - z) : strlen(z);
      if (n == 0 || nParam >= nMax) return 0;
      azParam[nParam++] = arena_strndup(pArena, z, n);
      z += n;
      p++;
      continue;
    }
    if (*p != *z) return 0;
    p++;
    z++;
  }
  if (*p || *z) return 0;
  *pnParam = nParam;
  return 1;
}

int route_roles(const Route *pRoute, int eMethod) {
  return eMethod == METHOD_GET    ? pRoute->mGet
         : eMethod == METHOD_POST ? pRoute->mPost
                                  : 0;
}

const Route *router_match(const Route *aRoute, int nRoute, Arena *pArena,
                          const char *zPath, int eMethod, int *pmAllowed,
                          const char ***pazParam, int *pnParam) {
  *pmAllowed = 0;
  *pnParam = 0;
  *pazParam = NULL;
  const char **azParam = arena_alloc(pArena, sizeof(char *) * ROUTER_MAX_PARAMS);
  for (int i = 0; i < nRoute; i++) {
    const Route *pRoute = &aRoute[i];
    int nParam = 0;
    if (!router_pattern_match(pArena, pRoute->zPattern, zPath, azParam,
                              ROUTER_MAX_PARAMS, &nParam)) {
      continue;
    }
    *pmAllowed |=
        (pRoute->mGet ? METHOD_GET : 0) | (pRoute->mPost ? METHOD_POST : 0);
    if (route_roles(pRoute, eMethod)) {
      *pazParam = azParam;
      *pnParam = nParam;
      return pRoute;
    }
  }
  return NULL;
}
