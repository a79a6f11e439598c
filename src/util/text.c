/*
** Text rules (see text.h).
*/
#include "util/text.h"

#include <stdio.h>
#include <string.h>

int text_utf8_next(const unsigned char *z, unsigned *pCp) {
  unsigned c = z[0];
  if (c < 0x80) {
    *pCp = c;
    return 1;
  }
  int n;
  unsigned cp, min;
  if ((c & 0xE0) == 0xC0) {
    n = 2, cp = c & 0x1F, min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    n = 3, cp = c & 0x0F, min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    n = 4, cp = c & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  for (int i = 1; i < n; i++) {
    if ((z[i] & 0xC0) != 0x80) return 0; /* Also stops at the NUL */
    cp = (cp << 6) | (z[i] & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  *pCp = cp;
  return n;
}

int text_utf8_valid(const char *z, size_t n) {
  const unsigned char *p = (const unsigned char *)z;
  size_t i = 0;
  while (i < n) {
    unsigned cp;
    if (p[i] == 0) return 0;
    int nSeq = text_utf8_next(p + i, &cp);
    if (nSeq == 0 || i + (size_t)nSeq > n) return 0;
    i += (size_t)nSeq;
  }
  return 1;
}

int text_is_control(unsigned cp) {
  return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0);
}

/* The first code point of z for which xIs(cp, zArg) holds, or 0. Invalid
** bytes are skipped: they are the UTF-8 check's business. */
static unsigned first_code_point(const char *z,
                                 int (*xIs)(unsigned, const char *),
                                 const char *zArg) {
  const unsigned char *p = (const unsigned char *)(z ? z : "");
  while (*p) {
    unsigned cp;
    int n = text_utf8_next(p, &cp);
    if (n == 0) {
      p++;
      continue;
    }
    if (xIs(cp, zArg)) return cp;
    p += n;
  }
  return 0;
}

/* A control character that the ASCII controls of zAllowed do not allow. */
static int is_refused_control(unsigned cp, const char *zAllowed) {
  return text_is_control(cp) &&
         !(cp < 0x80 && zAllowed && *zAllowed && strchr(zAllowed, (int)cp));
}

unsigned text_first_control(const char *z, const char *zAllowed) {
  return first_code_point(z, is_refused_control, zAllowed);
}

int text_is_bidi_control(unsigned cp) {
  return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

static int is_bidi_control(unsigned cp, const char *zUnused) {
  (void)zUnused;
  return text_is_bidi_control(cp);
}

unsigned text_first_bidi_control(const char *z) {
  return first_code_point(z, is_bidi_control, NULL);
}

const char *text_single_line_problem(const char *z) {
  if (z && !text_utf8_valid(z, strlen(z))) {
    return "Tiene caracteres que no son texto válido (UTF-8); escríbalo de "
           "nuevo.";
  }
  unsigned cp = text_first_control(z, NULL);
  if (!cp && text_first_bidi_control(z)) {
    return "Tiene caracteres invisibles que cambian el orden en que se lee "
           "el texto; escríbalo de nuevo sin ellos.";
  }
  if (!cp) return NULL;
  if (cp == '\n' || cp == '\r' || cp == '\t') {
    return "Escríbalo en una sola línea, sin saltos de línea ni "
           "tabulaciones.";
  }
  return "Tiene caracteres de control que no se pueden guardar; escríbalo "
         "de nuevo sin ellos.";
}

const char *text_one_line(Arena *pArena, const char *z) {
  if (!z) return "";
  if (!text_first_control(z, NULL)) return z;
  char *zOut = arena_strdup(pArena, z);
  unsigned char *p = (unsigned char *)zOut;
  while (*p) {
    unsigned cp;
    int n = text_utf8_next(p, &cp);
    if (n == 0) {
      p++;
      continue;
    }
    if (text_is_control(cp)) memset(p, ' ', (size_t)n);
    p += n;
  }
  return zOut;
}

const char *text_for_terminal(Arena *pArena, const char *z) {
  if (!z) return "";
  const unsigned char *p = (const unsigned char *)z;
  int bClean = 1;
  while (*p && bClean) {
    unsigned cp;
    int n = text_utf8_next(p, &cp);
    bClean = n > 0 && !text_is_control(cp) && !text_is_bidi_control(cp) &&
             cp != '\\';
    p += n > 0 ? n : 1;
  }
  if (bClean) return z;
  Buf b;
  buf_init(&b, pArena);
  for (p = (const unsigned char *)z; *p;) {
    unsigned cp;
    int n = text_utf8_next(p, &cp);
    if (n == 0) {
      buf_printf(&b, "\\x%02x", *p++);
      continue;
    }
    if (cp == '\\') {
      buf_puts(&b, "\\\\");
    } else if (cp == '\t') {
      buf_puts(&b, "\\t");
    } else if (cp == '\n') {
      buf_puts(&b, "\\n");
    } else if (cp == '\r') {
      buf_puts(&b, "\\r");
    } else if (text_is_control(cp)) {
      buf_printf(&b, "\\x%02x", cp);
    } else if (text_is_bidi_control(cp)) {
      buf_printf(&b, "\\u%04x", cp);
    } else {
      buf_append(&b, (const char *)p, (size_t)n);
    }
    p += n;
  }
  return buf_str(&b);
}

int text_parse_count(const char *z, int nMax, int *pn) {
  if (!z) return 0;
  while (*z == ' ') z++;
  int64_t v = 0;
  int nDigit = 0;
  for (; *z >= '0' && *z <= '9'; z++, nDigit++) {
    v = v * 10 + (*z - '0');
    if (v > nMax) return 0;
  }
  while (*z == ' ') z++;
  if (!nDigit || *z) return 0;
  *pn = (int)v;
  return 1;
}

int text_parse_id(const char *z, int64_t *piId) {
  /* One spelling per id: "007" is not 7, so that a record has one URL
  ** (what a proxy's rule or a cache keys on). */
  if (!z || !*z || *z == '0' || strlen(z) > 19) return 0;
  uint64_t v = 0;
  for (const char *p = z; *p; p++) {
    if (*p < '0' || *p > '9') return 0;
    v = v * 10 + (uint64_t)(*p - '0');
  }
  if (v == 0 || v > (uint64_t)INT64_MAX) return 0;
  *piId = (int64_t)v;
  return 1;
}
