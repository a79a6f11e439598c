/*
** Slug catalogues (see slug.h).
*/
#include "domain/slug.h"

#include <assert.h>
#include <string.h>

int slug_index(const SlugLabel *a, int n, const char *zSlug) {
  for (int i = 0; zSlug && i < n; i++) {
    if (strcmp(a[i].zSlug, zSlug) == 0) return i;
  }
  return -1;
}

const char *slug_label(const SlugLabel *a, int n, const char *zSlug) {
  int i = slug_index(a, n, zSlug);
  return i < 0 ? NULL : a[i].zLabel;
}

const SlugLabel *slug_at(const SlugLabel *a, int n, int i, int iDefault) {
  assert(iDefault >= 0 && iDefault < n);
  return &a[i >= 0 && i < n ? i : iDefault];
}
