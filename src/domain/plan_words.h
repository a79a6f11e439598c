/*
** Words of a plan's text as its readers compare them.
**
** Every phrase reader of the importer (date phrases, targets, column
** headings, evidence wordings) works on the same tokens: the text folded
** (lower case, Spanish accents and ñ removed, ° and º read as "o", en and em
** dashes read as "-"), split into words, numbers and punctuation, each word
** with a stem that makes singular and plural meet ("Actas" and "acta",
** "reuniones" and "reunión", "responsables" and "responsable"). Synonym
** tables are written as plain phrases ("medio de verificacion") and matched
** through the same stems, so a table entry never has to list both numbers.
**
** Pure functions over arena memory: no SQL, no HTTP.
*/
#ifndef COSOC_DOMAIN_PLAN_WORDS_H
#define COSOC_DOMAIN_PLAN_WORDS_H

#include "util/arena.h"

typedef enum PlanTokenKind {
  PLAN_TOK_WORD = 0, /* Letters, or letters and digits ("1er", "q1") */
  PLAN_TOK_NUM,      /* Digits only */
  PLAN_TOK_PUNCT     /* One of - / . , ; : ( ) + & % # */
} PlanTokenKind;

typedef struct PlanToken {
  PlanTokenKind eKind;
  const char *zText; /* Folded text: "reuniones", "2025", "-" */
  const char *zStem; /* Words: the stem ("reunion"); others: zText */
  int bCapital;      /* The original began with an upper-case letter */
  long iValue;       /* PLAN_TOK_NUM: the number (capped at 10^9) */
  int nDigit;        /* PLAN_TOK_NUM: how many digits */
  int bSpaceBefore;  /* White space (or nothing) separated it from the
                     ** token before: "15-04" has none before "-" */
  int iStart, iEnd;  /* Its bytes in the text read: [iStart, iEnd) */
} PlanToken;

/* The tokens of z (arena memory); returns how many. */
int plan_tokens(Arena *pArena, const char *z, PlanToken **paTok);

/* The stem of one folded word: a final "s", then a final "e", dropped when
** at least three letters remain ("acciones" → "accion", "responsables" and
** "responsable" → "responsabl", "meses" and "mes" → "mes"). Words with
** digits are left alone. */
const char *plan_word_stem(Arena *pArena, const char *zWord);

/* When the words of zKey (a phrase of folded words separated by spaces,
** compared by stem) are at aTok[i…], the number of tokens they take; else
** 0. Punctuation in the text never matches. */
int plan_tokens_match(Arena *pArena, const PlanToken *aTok, int nTok, int i,
                      const char *zKey);

/* The first position at or after i where zKey matches, or -1; its length
** goes to *pnLen. */
int plan_tokens_find(Arena *pArena, const PlanToken *aTok, int nTok, int i,
                     const char *zKey, int *pnLen);

/* A number written as a word ("uno", "una", "un", "dos" … "veinte",
** "treinta"), or 0. */
int plan_number_word(const char *zFolded);

/* Tokens i..j-1 of text z as z writes them (accents, case), arena. */
const char *plan_tokens_source(Arena *pArena, const char *z,
                               const PlanToken *aTok, int i, int j);

/* The words of tokens i..j-1 as one string, separated by spaces (arena). */
const char *plan_tokens_text(Arena *pArena, const PlanToken *aTok, int i,
                             int j);

#endif
