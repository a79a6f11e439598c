/*
** Territory rules that need no database (see territory.h).
*/
#include "domain/territory.h"

#include <ctype.h>
#include <string.h>

static int all_digits(const char *z, size_t n) {
  if (!z || strlen(z) != n) return 0;
  for (size_t i = 0; i < n; i++) {
    if (!isdigit((unsigned char)z[i])) return 0;
  }
  return 1;
}

int territory_is_commune_code(const char *z) { return all_digits(z, 5); }
int territory_is_province_code(const char *z) { return all_digits(z, 3); }
int territory_is_region_code(const char *z) { return all_digits(z, 2); }

void territory_province_of(const char *zCommune, char zOut[4]) {
  zOut[0] = 0;
  if (!zCommune || strlen(zCommune) < 3) return;
  memcpy(zOut, zCommune, 3);
  zOut[3] = 0;
}

void territory_region_of(const char *zCode, char zOut[3]) {
  zOut[0] = 0;
  if (!zCode || strlen(zCode) < 2) return;
  memcpy(zOut, zCode, 2);
  zOut[2] = 0;
}

/* UTF-8 two-byte letters of Spanish (0xC3 xx) and their plain forms. */
typedef struct Fold {
  unsigned char cSecond; /* Byte after 0xC3 */
  char cPlain;
} Fold;

static const Fold aFold[] = {
    {0xA1, 'a'}, {0x81, 'a'}, {0xA9, 'e'}, {0x89, 'e'}, {0xAD, 'i'},
    {0x8D, 'i'}, {0xB3, 'o'}, {0x93, 'o'}, {0xBA, 'u'}, {0x9A, 'u'},
    {0xBC, 'u'}, {0x9C, 'u'}, {0xB1, 'n'}, {0x91, 'n'}, {0xA4, 'a'},
    {0xB6, 'o'}, {0xA0, 'a'}, {0xA8, 'e'},
};

void territory_fold(const char *zName, char zOut[TERRITORY_KEY_MAX]) {
  size_t j = 0;
  int bSpace = 0;
  const unsigned char *z = (const unsigned char *)(zName ? zName : "");
  while (*z && j + 1 < TERRITORY_KEY_MAX) {
    char c = 0;
    if (z[0] == 0xC3 && z[1]) {
      for (size_t i = 0; i < sizeof(aFold) / sizeof(aFold[0]); i++) {
        if (aFold[i].cSecond == z[1]) c = aFold[i].cPlain;
      }
      z += 2;
      if (!c) continue; /* A letter we do not fold: dropped */
    } else if (*z >= 0x80) {
      z++; /* Other non-ASCII bytes carry no meaning for matching */
      continue;
    } else {
      c = (char)tolower(*z++);
    }
    if (c == '\'' || c == '.' || c == '`') continue;
    if (c == '-' || c == '_' || isspace((unsigned char)c)) {
      bSpace = j > 0;
      continue;
    }
    if (bSpace) {
      zOut[j++] = ' ';
      bSpace = 0;
      if (j + 1 >= TERRITORY_KEY_MAX) break;
    }
    zOut[j++] = c;
  }
  zOut[j] = 0;
}

/* Spellings in common use that differ from the official name by more than
** accents, case or spacing. Keys are folded. */
typedef struct Alias {
  const char *zKey;
  const char *zCode;
} Alias;

static const Alias aAlias[] = {
    {"paihuano", "04105"},
    {"paiguano", "04105"},
    {"til til", "13303"},
    {"tiltil", "13303"},
    {"llay llay", "05703"},
    {"llayllay", "05703"},
    {"calera", "05502"},
    {"la calera", "05502"},
    {"puerto natales", "12401"},
    {"natales", "12401"},
    {"coihaique", "11101"},
    {"aisen", "11201"},
    {"puerto aysen", "11201"},
    {"puerto aisen", "11201"},
    {"chol chol", "09121"},
    {"alto bio bio", "08314"},
    {"alto biobio", "08314"},
    {"trehuaco", "16207"},
    {"marchigue", "06204"},
    {"rapa nui", "05201"},
    {"san jose de la mariquina", "14106"},
    {"navarino", "12201"},
    {"puerto williams", "12201"},
    {"caleta tortel", "11303"},
    {"santiago centro", "13101"},
    {"quinta tilcoco", "06114"},
    {"san vicente de tagua tagua", "06117"},
    {"juan fernandez", "05104"},
    {"isla juan fernandez", "05104"},
    {"ollague", "02202"},
    {"ranquil", "16206"},
};

const char *territory_alias_code(const char *zKey) {
  for (size_t i = 0; zKey && i < sizeof(aAlias) / sizeof(aAlias[0]); i++) {
    if (strcmp(aAlias[i].zKey, zKey) == 0) return aAlias[i].zCode;
  }
  return NULL;
}
