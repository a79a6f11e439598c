/*
** Tokens and stems of plan text (see plan_words.h).
*/
#include "domain/plan_words.h"

#include <string.h>

#define PLAN_PUNCT "-/.,;:()+&%#"

/* One character of the input, folded: *pc is the ASCII letter, digit or
** punctuation it reads as (0: a separator); returns the bytes it took.
** *pbUpper says whether it was an upper-case letter. */
static int fold_char(const unsigned char *z, char *pc, int *pbUpper) {
  *pc = 0;
  *pbUpper = 0;
  unsigned char c = z[0];
  if (c < 0x80) {
    if (c >= 'A' && c <= 'Z') {
      *pc = (char)(c + 32);
      *pbUpper = 1;
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
               (c && strchr(PLAN_PUNCT, c))) {
      *pc = (char)c;
    }
    return 1;
  }
  if (c == 0xc3 && z[1]) {
    /* Latin-1 letters: upper case 0x80-0x9e, lower case 0xa0-0xbe. */
    static const char azPlain[] =
        "aaaaaaaceeeeiiii" /* 0x80-0x8f */
        "dnooooo ouuuuy  " /* 0x90-0x9f */;
    unsigned char c2 = z[1];
    int iLow = c2 >= 0xa0 ? c2 - 0xa0 : c2 - 0x80;
    if (iLow >= 0 && iLow < 32 && azPlain[iLow] != ' ') {
      *pc = azPlain[iLow];
      *pbUpper = c2 < 0xa0;
    }
    return 2;
  }
  if (c == 0xc2 && z[1]) {
    if (z[1] == 0xb0 || z[1] == 0xba) *pc = 'o'; /* ° º */
    if (z[1] == 0xaa) *pc = 'a';                 /* ª */
    return 2;
  }
  if (c == 0xe2 && z[1] == 0x80 && z[2] >= 0x90 && z[2] <= 0x95) {
    *pc = '-'; /* Hyphens and dashes */
    return 3;
  }
  int n = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
  for (int i = 1; i < n; i++) {
    if (!z[i]) return i;
  }
  return n;
}

static int is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

const char *plan_word_stem(Arena *pArena, const char *zWord) {
  size_t n = strlen(zWord);
  for (size_t i = 0; i < n; i++) {
    if (zWord[i] < 'a' || zWord[i] > 'z') return zWord;
  }
  if (n >= 4 && zWord[n - 1] == 's') n--;
  if (n >= 4 && zWord[n - 1] == 'e') n--;
  return n == strlen(zWord) ? zWord : arena_strndup(pArena, zWord, n);
}

int plan_tokens(Arena *pArena, const char *z, PlanToken **paTok) {
  const unsigned char *p = (const unsigned char *)(z ? z : "");
  const unsigned char *pBase = p;
  size_t nMax = strlen((const char *)p) + 1;
  PlanToken *aTok = arena_alloc(pArena, sizeof(PlanToken) * nMax);
  char *zBuf = arena_alloc(pArena, nMax + 1);
  int nTok = 0, bSpace = 1;
  while (*p) {
    char c;
    int bUpper;
    int n = fold_char(p, &c, &bUpper);
    if (!c) {
      p += n;
      bSpace = 1;
      continue;
    }
    PlanToken *t = &aTok[nTok++];
    memset(t, 0, sizeof(*t));
    t->bSpaceBefore = bSpace;
    t->iStart = (int)(p - pBase);
    bSpace = 0;
    if (!is_alnum(c)) {
      t->eKind = PLAN_TOK_PUNCT;
      t->zText = t->zStem = arena_strndup(pArena, &c, 1);
      p += n;
      t->iEnd = (int)(p - pBase);
      continue;
    }
    t->bCapital = bUpper;
    size_t k = 0;
    int bDigitsOnly = 1;
    while (*p) {
      n = fold_char(p, &c, &bUpper);
      if (!c || !is_alnum(c)) break;
      zBuf[k++] = c;
      bDigitsOnly &= c >= '0' && c <= '9';
      p += n;
    }
    t->zText = arena_strndup(pArena, zBuf, k);
    t->iEnd = (int)(p - pBase);
    if (bDigitsOnly) {
      t->eKind = PLAN_TOK_NUM;
      t->nDigit = (int)k;
      for (size_t i = 0; i < k && t->iValue < 1000000000L; i++)
        t->iValue = t->iValue * 10 + (zBuf[i] - '0');
      t->zStem = t->zText;
    } else {
      t->eKind = PLAN_TOK_WORD;
      t->zStem = plan_word_stem(pArena, t->zText);
    }
  }
  *paTok = aTok;
  return nTok;
}

int plan_tokens_match(Arena *pArena, const PlanToken *aTok, int nTok, int i,
                      const char *zKey) {
  int j = i;
  const char *z = zKey;
  while (*z) {
    while (*z == ' ') z++;
    if (!*z) break;
    size_t n = strcspn(z, " ");
    if (j >= nTok || aTok[j].eKind == PLAN_TOK_PUNCT) return 0;
    const char *zWord = arena_strndup(pArena, z, n);
    const char *zStem = plan_word_stem(pArena, zWord);
    if (strcmp(aTok[j].zStem, zStem) != 0 && strcmp(aTok[j].zText, zWord) != 0)
      return 0;
    j++;
    z += n;
  }
  return j - i;
}

int plan_tokens_find(Arena *pArena, const PlanToken *aTok, int nTok, int i,
                     const char *zKey, int *pnLen) {
  for (; i < nTok; i++) {
    int n = plan_tokens_match(pArena, aTok, nTok, i, zKey);
    if (n > 0) {
      if (pnLen) *pnLen = n;
      return i;
    }
  }
  return -1;
}

int plan_number_word(const char *z) {
  static const char *const az[] = {
      "uno",       "dos",        "tres",      "cuatro",     "cinco",
      "seis",      "siete",      "ocho",      "nueve",      "diez",
      "once",      "doce",       "trece",     "catorce",    "quince",
      "dieciseis", "diecisiete", "dieciocho", "diecinueve", "veinte"};
  if (!z) return 0;
  if (strcmp(z, "un") == 0 || strcmp(z, "una") == 0) return 1;
  for (size_t i = 0; i < sizeof(az) / sizeof(az[0]); i++) {
    if (strcmp(z, az[i]) == 0) return (int)i + 1;
  }
  if (strcmp(z, "treinta") == 0) return 30;
  return 0;
}

const char *plan_tokens_source(Arena *pArena, const char *z,
                               const PlanToken *aTok, int i, int j) {
  if (!z || i >= j) return "";
  return arena_strndup(pArena, z + aTok[i].iStart,
                       (size_t)(aTok[j - 1].iEnd - aTok[i].iStart));
}

const char *plan_tokens_text(Arena *pArena, const PlanToken *aTok, int i,
                             int j) {
  Buf b;
  buf_init(&b, pArena);
  for (int k = i; k < j; k++) {
    if (k > i && aTok[k].bSpaceBefore) buf_putc(&b, ' ');
    buf_puts(&b, aTok[k].zText);
  }
  return buf_str(&b);
}
