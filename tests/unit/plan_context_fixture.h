/*
** A plan context for unit tests, from the same data the application uses:
** Chile's communes and provinces as migration 0002 inserts them (read from
** the migration file, so no commune is written down here), for a council of
** the region and seat the test names.
*/
#ifndef COSOC_TESTS_UNIT_PLAN_CONTEXT_FIXTURE_H
#define COSOC_TESTS_UNIT_PLAN_CONTEXT_FIXTURE_H

#include <stdio.h>
#include <string.h>

#include "domain/plan_context.h"
#include "util/arena.h"

#ifndef COSOC_SOURCE_DIR
#define COSOC_SOURCE_DIR "."
#endif

/* The quoted fields of one "('a', 'b', 'c')" row ('' is a quote). */
static inline int fixture_fields(Arena *pArena, const char *z, const char **az,
                                 int nMax) {
  int n = 0;
  while (*z && n < nMax) {
    const char *q = strchr(z, '\'');
    if (!q) break;
    Buf b;
    buf_init(&b, pArena);
    for (q++; *q; q++) {
      if (q[0] == '\'' && q[1] == '\'') {
        buf_putc(&b, '\'');
        q++;
      } else if (q[0] == '\'') {
        break;
      } else {
        buf_putc(&b, *q);
      }
    }
    az[n++] = buf_str(&b);
    z = *q ? q + 1 : q;
  }
  return n;
}

/* Fills *pCtx (arena memory) with every commune; zRegion and zSeat may be
** NULL. Returns the number of communes read. */
static inline int fixture_plan_context(Arena *pArena, PlanContext *pCtx,
                                       const char *zRegion, const char *zSeat) {
  memset(pCtx, 0, sizeof(*pCtx));
  FILE *f = fopen(COSOC_SOURCE_DIR "/src/db/migrations/0002_people.sql", "r");
  if (!f) return 0;
  static const int nMax = 400;
  const char **azProvCode = arena_alloc(pArena, sizeof(char *) * 64);
  const char **azProvName = arena_alloc(pArena, sizeof(char *) * 64);
  int nProv = 0;
  PlanPlace *aPlace = arena_alloc(pArena, sizeof(PlanPlace) * (size_t)nMax);
  int nPlace = 0;
  char zLine[512];
  while (fgets(zLine, sizeof(zLine), f)) {
    const char *az[3];
    if (strncmp(zLine, "  ('", 4) != 0) continue;
    if (fixture_fields(pArena, zLine, az, 3) != 3) continue;
    if (strlen(az[0]) == 3 && nProv < 64) {
      azProvCode[nProv] = az[0];
      azProvName[nProv++] = az[2];
    } else if (strlen(az[0]) == 5 && nPlace < nMax) {
      PlanPlace *p = &aPlace[nPlace++];
      p->zCode = az[0];
      p->zName = az[2];
      p->zProvinceCode = az[1];
      for (int i = 0; i < nProv; i++) {
        if (strcmp(azProvCode[i], az[1]) == 0) p->zProvinceName = azProvName[i];
      }
    }
  }
  fclose(f);
  pCtx->aPlace = aPlace;
  pCtx->nPlace = nPlace;
  pCtx->zRegionCode = zRegion;
  pCtx->zSeatCode = zSeat;
  return nPlace;
}

#endif
