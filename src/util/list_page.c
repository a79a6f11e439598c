/*
** One page of a list (see list_page.h): the arithmetic every paged list
** shares, kept in one place so that "page 3 of 20" means the same rows on
** every page and in every test.
*/
#include <stdlib.h>
#include <string.h>

#include "util/list_page.h"

/* A whole number 0..nMax from z (digits only), or -1. */
static int64_t whole_number(const char *z, int64_t nMax) {
  if (!z || !*z || strlen(z) > 12) return -1;
  int64_t v = 0;
  for (const char *c = z; *c; c++) {
    if (*c < '0' || *c > '9') return -1;
    v = v * 10 + (*c - '0');
  }
  return v <= nMax ? v : -1;
}

void list_page_numbered(ListPage *p, const char *zNumber, int nSize) {
  memset(p, 0, sizeof(*p));
  int64_t n = whole_number(zNumber, LIST_PAGE_NUMBER_MAX);
  p->nLimit = nSize > 0 ? nSize : LIST_PAGE_SIZE;
  p->nOffset = (n > 1 ? n - 1 : 0) * p->nLimit;
}

int list_page_from_api(ListPage *p, const char *zLimit, const char *zOffset) {
  memset(p, 0, sizeof(*p));
  if (zLimit) {
    int64_t n = whole_number(zLimit, LIST_PAGE_LIMIT_MAX);
    if (n < 1) return 0;
    p->nLimit = (int)n;
  }
  if (zOffset) {
    int64_t n = whole_number(
        zOffset, (int64_t)LIST_PAGE_NUMBER_MAX * LIST_PAGE_LIMIT_MAX);
    if (n < 0) return 0;
    p->nOffset = n;
  }
  return 1;
}

int list_page_total_known(ListPage *p, int nRow) {
  p->nRow = nRow;
  /* A page that is not full ends the list (with no limit, every page
  ** does); an empty one past the start says nothing of how many came
  ** before, limit or not (?offset=1000 alone said there were 1000). */
  if ((p->nLimit == 0 || nRow < p->nLimit) && (nRow > 0 || p->nOffset == 0)) {
    p->nTotal = p->nOffset + nRow;
    return 1;
  }
  return 0;
}

int64_t list_page_number(const ListPage *p) {
  return p->nLimit > 0 ? p->nOffset / p->nLimit + 1 : 1;
}

int64_t list_page_last(const ListPage *p) {
  if (p->nLimit <= 0 || p->nTotal <= 0) return 1;
  return (p->nTotal + p->nLimit - 1) / p->nLimit;
}

int64_t list_page_sql_limit(const ListPage *p) {
  return p->nLimit > 0 ? p->nLimit : INT64_MAX;
}
