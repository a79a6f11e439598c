/*
** One page of a list read with LIMIT/OFFSET: which rows a reader asked for
** and, once the store has read them, how many there are in all. Pages
** parse it from the query string (`?pagina=N` on HTML pages, `?limit=&
** offset=` on the API), stores read exactly that page in SQL and fill in
** nTotal, and the pager (render/pager.h) says "Mostrando 51–100 de 960"
** with links to the pages beside it.
**
** nLimit 0 means the whole list (exports, feeds, the API without
** ?limit=): no list has a hidden cap.
*/
#ifndef COSOC_UTIL_LIST_PAGE_H
#define COSOC_UTIL_LIST_PAGE_H

#include <stdint.h>

#define LIST_PAGE_SIZE 50        /* Rows a list page shows by default */
#define LIST_PAGE_LIMIT_MAX 1000 /* The most one API page may ask for */
#define LIST_PAGE_NUMBER_MAX 10000000

typedef struct ListPage {
  int nLimit;      /* Rows asked for; 0: every row */
  int64_t nOffset; /* Rows skipped before the first one */
  int64_t nTotal;  /* Rows in the whole list (set by the store) */
  int nRow;        /* Rows read into this page (set by the store) */
} ListPage;

/* The page numbered zNumber (1-based text from `?pagina=`; NULL, empty or
** not a number: the first) of nSize rows. */
void list_page_numbered(ListPage *p, const char *zNumber, int nSize);

/* The API's `?limit=` and `?offset=`: 1 with *p filled (no limit given:
** every row), 0 when either is not a whole number in range. */
int list_page_from_api(ListPage *p, const char *zLimit, const char *zOffset);

/* The total once nRow rows were read for page p, when the rows alone tell
** it (a short, non-empty page, or any page of an unlimited list): 1 and
** p->nTotal set; 0 when only a count can tell. */
int list_page_total_known(ListPage *p, int nRow);

/* 1-based number of the page p shows, and of the last page (1 when the
** list is empty). */
int64_t list_page_number(const ListPage *p);
int64_t list_page_last(const ListPage *p);

/* The SQL LIMIT to bind for p (every row when p->nLimit is 0). */
int64_t list_page_sql_limit(const ListPage *p);

#endif
