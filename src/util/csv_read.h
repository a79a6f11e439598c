/*
** Reading CSV as offices produce it (RFC 4180 plus what Excel in Chile
** does): fields in double quotes may hold separators, doubled quotes and
** line breaks; a UTF-8 byte-order mark is skipped; the separator is ';' or
** ',' (Excel with Spanish regional settings writes ';'), guessed from the
** first line; lines end in CRLF or LF; empty lines are skipped.
**
** Reads from memory: the whole upload is already in the request arena.
** Field strings are copied into the caller's arena.
*/
#ifndef COSOC_UTIL_CSV_READ_H
#define COSOC_UTIL_CSV_READ_H

#include <stddef.h>

#include "util/arena.h"

#define CSV_ROW 1    /* A row was read */
#define CSV_DONE 0   /* No more rows */
#define CSV_ERROR -1 /* Malformed input (zErr says where) */

#define CSV_FIELDS_MAX 256 /* More fields in one row is an error */

typedef struct CsvReader {
  const char *z;  /* The input (not owned) */
  size_t n;       /* Bytes in z */
  size_t i;       /* Offset of the next unread byte */
  char cSep;      /* ';' or ',' */
  int iLine;      /* Line (from 1) where the next row starts */
  char zErr[160]; /* Spanish reason after CSV_ERROR */
  /* The row being read: only its nField pointers go to the arena, so a
  ** 4 MB upload of one-letter lines costs a few bytes a row, not the 2 KB
  ** of a CSV_FIELDS_MAX array (gigabytes for the whole file). */
  const char *azScratch[CSV_FIELDS_MAX];
} CsvReader;

/* Prepares to read z[0..n): skips a BOM and guesses the separator. */
void csv_read_init(CsvReader *p, const char *z, size_t n);

/* Reads the next row: *pazField gets nField strings in pArena, *piLine the
** line where the row starts. Returns CSV_ROW, CSV_DONE or CSV_ERROR. */
int csv_read_row(CsvReader *p, Arena *pArena, const char ***pazField,
                 int *pnField, int *piLine);

#endif
