/*
** Which passwords cosoc accepts (see accounts.h): long enough, not on the
** list of common passwords compiled into the binary
** (data/passwords/common-passwords.txt, lower case, one per line, sorted
** here once), not a repeated character or a straight run that no list
** holds every length of, and not made of the account's own name or e-mail.
**
** Comparisons are in lower case (ASCII letters; accented letters are kept
** as typed, and the list holds both "contraseña" and "contrasena").
*/
#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "store/accounts/accounts.h"
#include "util/embedded.h"

#define COMMON_LIST_FILE "common-passwords.txt"
/* Shorter e-mail local parts and names are not looked for inside a
** password (an "ana" or "otra" may be part of any phrase). */
#define EMAIL_PART_MIN 4
#define NAME_WHOLE_MIN 6

static const char **g_azCommon; /* Sorted, pointing into g_zCommonText */
static size_t g_nCommon;
static char *g_zCommonText; /* The list, one string per line */
static pthread_once_t g_commonOnce = PTHREAD_ONCE_INIT;

static int compare_strings(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Splits the embedded list into sorted strings, once per process. Kept
** for the life of the process. */
static void common_list_load(void) {
  const EmbeddedFile *pFile =
      embedded_find(embedded_passwords, COMMON_LIST_FILE);
  if (!pFile) return;
  g_zCommonText = malloc(pFile->nSize + 1);
  size_t nLine = 1;
  for (size_t i = 0; i < pFile->nSize; i++) nLine += pFile->aData[i] == '\n';
  g_azCommon = malloc(sizeof(char *) * nLine);
  if (!g_zCommonText || !g_azCommon) return;
  memcpy(g_zCommonText, pFile->aData, pFile->nSize + 1);
  for (char *z = g_zCommonText; *z;) {
    char *zEnd = z + strcspn(z, "\r\n");
    int bLast = *zEnd == 0;
    *zEnd = 0;
    if (*z) g_azCommon[g_nCommon++] = z;
    if (bLast) break;
    z = zEnd + 1;
  }
  qsort(g_azCommon, g_nCommon, sizeof(char *), compare_strings);
}

static int common_list_has(const char *zLower) {
  pthread_once(&g_commonOnce, common_list_load);
  return g_nCommon > 0 && bsearch(&zLower, g_azCommon, g_nCommon,
                                  sizeof(char *), compare_strings) != NULL;
}

static char *lower_copy(Arena *pArena, const char *z) {
  char *zOut = arena_strdup(pArena, z ? z : "");
  for (char *p = zOut; *p; p++) *p = (char)tolower((unsigned char)*p);
  return zOut;
}

int accounts_password_is_common(const char *zPassword) {
  if (!zPassword || !*zPassword) return 0;
  Arena *pArena = arena_new();
  char *zLower = lower_copy(pArena, zPassword);
  int bCommon = common_list_has(zLower);
  if (!bCommon) {
    /* A common word with digits or signs after it ("mariposa2024!") is as
    ** easy to guess: guessers try those first. */
    size_t n = strlen(zLower);
    while (n > 0 && !isalpha((unsigned char)zLower[n - 1]) &&
           (unsigned char)zLower[n - 1] < 0x80) {
      n--;
    }
    if (n > 0 && n < strlen(zLower)) {
      zLower[n] = 0;
      bCommon = common_list_has(zLower);
    }
  }
  arena_free(pArena);
  return bCommon;
}

/* Whether the password is a pattern that guessers try whatever their
** list: fewer than PATTERN_DISTINCT_MIN different characters («        »,
** «!!!!!!!!», «zzzzzzzz1», «abababab»), or one straight run of letters or
** digits («abcdefgh», «98765432»), digits or signs after it allowed
** («abcdefgh2024»). Counted in bytes: a repeated «ñ» is two. */
#define PATTERN_DISTINCT_MIN 3
static int is_trivial_pattern(const char *zPassword) {
  Arena *pArena = arena_new();
  char *zLower = lower_copy(pArena, zPassword);
  int aSeen[256] = {0}, nDistinct = 0;
  for (const unsigned char *p = (const unsigned char *)zLower; *p; p++) {
    if (!aSeen[*p]++) nDistinct++;
  }
  size_t n = strlen(zLower);
  size_t nCore = n;
  while (nCore > 0 && !isalpha((unsigned char)zLower[nCore - 1]) &&
         (unsigned char)zLower[nCore - 1] < 0x80) {
    nCore--;
  }
  if (nCore == 0) nCore = n; /* Digits and signs only: the whole of it */
  int iStep = nCore > 1 ? zLower[1] - zLower[0] : 0;
  int bRun = nCore >= 4 && (iStep == 1 || iStep == -1);
  for (size_t i = 2; i < nCore && bRun; i++) {
    bRun =
        zLower[i] - zLower[i - 1] == iStep && isalnum((unsigned char)zLower[i]);
  }
  arena_free(pArena);
  return nDistinct < PATTERN_DISTINCT_MIN || bRun;
}

/* The letters of z in lower case, without digits, spaces or signs
** ("Rosa.Díaz-2024" -> "rosadíaz"); bytes above 127 (accented letters)
** are kept. */
static char *letters_only(Arena *pArena, const char *z, size_t n) {
  Buf b;
  buf_init(&b, pArena);
  for (size_t i = 0; i < n && z[i]; i++) {
    unsigned char c = (unsigned char)z[i];
    if (c >= 0x80 || isalpha(c)) buf_putc(&b, (char)tolower(c));
  }
  return (char *)buf_str(&b);
}

/* Whether the password is built on the person's own name or e-mail: its
** letters are one word of the name, or hold the whole name run together,
** or the e-mail's local part, or it holds the e-mail itself. */
static int uses_own_identity(const char *zPassword, const char *zName,
                             const char *zEmail) {
  Arena *pArena = arena_new();
  const char *zCore = letters_only(pArena, zPassword, strlen(zPassword));
  int bUses = 0;
  if (zEmail && *zEmail) {
    const char *zMail = lower_copy(pArena, zEmail);
    const char *zLocal = letters_only(pArena, zMail, strcspn(zMail, "@"));
    bUses = strstr(lower_copy(pArena, zPassword), zMail) != NULL ||
            (strlen(zLocal) >= EMAIL_PART_MIN && strstr(zCore, zLocal));
  }
  if (!bUses && zName && *zName) {
    const char *zWhole = letters_only(pArena, zName, strlen(zName));
    bUses = strlen(zWhole) >= NAME_WHOLE_MIN && strstr(zCore, zWhole);
    for (const char *z = zName; *z && !bUses;) {
      size_t nWord = strcspn(z, " -.'");
      const char *zWord = letters_only(pArena, z, nWord);
      bUses = *zWord && strcmp(zCore, zWord) == 0;
      z += nWord;
      z += strspn(z, " -.'");
    }
  }
  arena_free(pArena);
  return bUses;
}

const char *accounts_password_problem(const char *zPassword, const char *zName,
                                      const char *zEmail) {
  if (!zPassword || !*zPassword) return "Escriba una contraseña.";
  /* Counted in characters, not bytes: "contraseña" has 10. */
  size_t nChar = 0;
  for (const unsigned char *z = (const unsigned char *)zPassword; *z; z++) {
    if ((*z & 0xc0) != 0x80) nChar++;
  }
  if (nChar < ACCOUNTS_PASSWORD_MIN) {
    return "La contraseña debe tener al menos 8 caracteres.";
  }
  if (strlen(zPassword) > ACCOUNTS_PASSWORD_MAX) {
    return "La contraseña es demasiado larga (máximo 256 caracteres).";
  }
  if (accounts_password_is_common(zPassword)) {
    return "Esa contraseña es de las más usadas y se adivina en segundos. "
           "Elija otra: una frase de varias palabras que pueda recordar "
           "sirve bien.";
  }
  if (is_trivial_pattern(zPassword)) {
    return "Esa contraseña es un mismo carácter repetido o una serie "
           "seguida (como «abcdefgh»), y se adivina en segundos. Elija otra: "
           "una frase de varias palabras que pueda recordar sirve bien.";
  }
  if (uses_own_identity(zPassword, zName, zEmail)) {
    return "La contraseña no puede contener su nombre ni su correo "
           "electrónico. Elija otra.";
  }
  return NULL;
}
