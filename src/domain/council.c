/*
** The pure council rules (see council.h): slugs and which council a
** request is about.
*/
#include "domain/council.h"

#include <string.h>

/* The ASCII letter a Latin-1 supplement letter (U+00C0..U+00FF, two bytes
** in UTF-8: 0xC3 then b) reads as without its accent; 0 for signs. */
static char latin1_base(unsigned char b) {
  static const char az[] =
      "AAAAAAACEEEEIIII"  /* C3 80..8F */
      "DNOOOOO-OUUUUY--"  /* C3 90..9F */
      "aaaaaaaceeeeiiii"  /* C3 A0..AF */
      "dnooooo-ouuuuy-y"; /* C3 B0..BF */
  if (b < 0x80 || b > 0xBF) return 0;
  char c = az[b - 0x80];
  return c == '-' ? 0 : c;
}

void council_slug_from(const char *zName, char zSlug[COUNCIL_SLUG_SIZE]) {
  size_t n = 0;
  int bDash = 0;
  const unsigned char *z = (const unsigned char *)(zName ? zName : "");
  while (*z && n < COUNCIL_SLUG_MAX) {
    char c = 0;
    if (z[0] == 0xC3 && z[1]) {
      c = latin1_base(z[1]);
      z += 2;
    } else {
      if (*z < 0x80 && ((*z >= 'a' && *z <= 'z') || (*z >= 'A' && *z <= 'Z') ||
                        (*z >= '0' && *z <= '9'))) {
        c = (char)*z;
      }
      z++;
      /* Other multi-byte characters: their continuation bytes too */
      while ((*z & 0xC0) == 0x80) z++;
    }
    if (c) {
      if (bDash && n > 0 && n + 1 < COUNCIL_SLUG_MAX) zSlug[n++] = '-';
      bDash = 0;
      zSlug[n++] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    } else {
      bDash = 1;
    }
  }
  zSlug[n] = 0;
}

int council_slug_valid(const char *zSlug) {
  char z[COUNCIL_SLUG_SIZE];
  if (!zSlug || !*zSlug || strlen(zSlug) > COUNCIL_SLUG_MAX) return 0;
  council_slug_from(zSlug, z);
  return strcmp(z, zSlug) == 0;
}

int64_t council_resolve(const CouncilAsk *pAsk) {
  if (pAsk->iPrefix) return pAsk->iPrefix;
  if (pAsk->iAsked) return pAsk->iAsked;
  if (pAsk->iUser) return pAsk->iUser;
  return pAsk->iOnly;
}
