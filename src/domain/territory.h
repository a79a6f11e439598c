/*
** Chile's territorial division: the rules that need no database.
**
** The data itself (16 regions, 56 provinces, 346 communes with their CUT
** codes) ships in migration 0002 and is read through src/people/territory
** store. Here live the pure parts: the shape of a CUT code, the province and
** region a commune code belongs to, and the matching of names as people
** write them ("vicuna", "PAIHUANO", "Til Til") to the official ones.
*/
#ifndef COSOC_DOMAIN_TERRITORY_H
#define COSOC_DOMAIN_TERRITORY_H

#include <stddef.h>

#define TERRITORY_REGIONS 16
#define TERRITORY_PROVINCES 56
#define TERRITORY_COMMUNES 346
#define TERRITORY_KEY_MAX 96 /* Longest folded name kept, with NUL */

/* 1 when z has the shape of a commune code (five digits), a province code
** (three) or a region code (two). Shape only: whether it exists is the
** store's question. */
int territory_is_commune_code(const char *z);
int territory_is_province_code(const char *z);
int territory_is_region_code(const char *z);

/* The province ("041") or region ("04") code a commune or province code
** belongs to, written into zOut. */
void territory_province_of(const char *zCommune, char zOut[4]);
void territory_region_of(const char *zCode, char zOut[3]);

/* A name folded for comparison: lower case, Spanish accents and ñ removed,
** apostrophes, hyphens and repeated spaces dropped ("Río  Hurtado" →
** "rio hurtado", "O'Higgins" → "ohiggins"). Truncated to fit. */
void territory_fold(const char *zName, char zOut[TERRITORY_KEY_MAX]);

/* The commune code for an alternative spelling that folding alone does not
** catch ("paihuano" → "04105", "til til" → "13303"), or NULL. zKey is
** already folded. */
const char *territory_alias_code(const char *zKey);

#endif
