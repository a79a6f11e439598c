/*
** The HTML writer (see html.h). The formatter here exists because escaping
** must be the default: it walks the format string, hands every numeric
** conversion to the C library's snprintf unchanged, and escapes string and
** character arguments. The compiler still checks every call's arguments
** through __attribute__((format(printf))) on html_printf().
*/
#include "render/html.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

void html_init(Html *h, Arena *pArena) { buf_init(&h->out, pArena); }

/* Appends n bytes of z escaped for text and double- or single-quoted
** attribute contexts. */
static void escape_n(Buf *pOut, const char *z, size_t n) {
  size_t iStart = 0;
  for (size_t i = 0; i < n; i++) {
    const char *zRep = NULL;
    switch (z[i]) {
      case '&': zRep = "&amp;"; break;
      case '<': zRep = "&lt;"; break;
      case '>': zRep = "&gt;"; break;
      case '"': zRep = "&quot;"; break;
      case '\'': zRep = "&#39;"; break;
      default: continue;
    }
    buf_append(pOut, z + iStart, i - iStart);
    buf_puts(pOut, zRep);
    iStart = i + 1;
  }
  buf_append(pOut, z + iStart, n - iStart);
}

void html_text(Html *h, const char *z) {
  if (z) escape_n(&h->out, z, strlen(z));
}

void html_text_lines(Html *h, const char *z) {
  if (!z) return;
  while (*z) {
    const char *zEnd = strchr(z, '\n');
    size_t n = zEnd ? (size_t)(zEnd - z) : strlen(z);
    escape_n(&h->out, z, n);
    if (!zEnd) break;
    buf_puts(&h->out, "<br>");
    z = zEnd + 1;
  }
}

void html_append(Html *h, const Html *pOther) {
  buf_append(&h->out, pOther->out.z ? pOther->out.z : "", pOther->out.n);
}

void html_raw_trusted(Html *h, const char *zMarkup) {
  if (zMarkup) buf_puts(&h->out, zMarkup);
}

void html_raw_trusted_n(Html *h, const char *zMarkup, size_t n) {
  if (zMarkup && n) buf_append(&h->out, zMarkup, n);
}

const char *html_str(const Html *h) { return buf_str(&h->out); }
size_t html_len(const Html *h) { return h->out.n; }

/* The kinds of argument a conversion takes. */
enum ArgKind { ARG_INT, ARG_UINT, ARG_DOUBLE, ARG_STRING, ARG_CHAR, ARG_NONE };

/* Formats one numeric conversion spec (a copy of it, NUL-terminated, in
** zSpec) with the next argument. va_list is passed by pointer so that the
** caller's position advances. */
static void format_number(Buf *pOut, const char *zSpec, enum ArgKind eKind,
                          const char *zLen, va_list *pAp) {
  char aNum[128];
  int n = 0;
  if (eKind == ARG_DOUBLE) {
    n = snprintf(aNum, sizeof(aNum), zSpec, va_arg(*pAp, double));
  } else if (strcmp(zLen, "ll") == 0) {
    n = eKind == ARG_INT
            ? snprintf(aNum, sizeof(aNum), zSpec, va_arg(*pAp, long long))
            : snprintf(aNum, sizeof(aNum), zSpec,
                       va_arg(*pAp, unsigned long long));
  } else if (strcmp(zLen, "l") == 0) {
    n = eKind == ARG_INT
            ? snprintf(aNum, sizeof(aNum), zSpec, va_arg(*pAp, long))
            : snprintf(aNum, sizeof(aNum), zSpec, va_arg(*pAp, unsigned long));
  } else if (strcmp(zLen, "z") == 0) {
    n = snprintf(aNum, sizeof(aNum), zSpec, va_arg(*pAp, size_t));
  } else if (strcmp(zLen, "j") == 0) {
    n = eKind == ARG_INT
            ? snprintf(aNum, sizeof(aNum), zSpec, va_arg(*pAp, intmax_t))
            : snprintf(aNum, sizeof(aNum), zSpec, va_arg(*pAp, uintmax_t));
  } else if (strcmp(zLen, "t") == 0) {
    n = snprintf(aNum, sizeof(aNum), zSpec, va_arg(*pAp, ptrdiff_t));
  } else {
    /* int, and hh/h, which are promoted to int when passed. */
    n = eKind == ARG_INT
            ? snprintf(aNum, sizeof(aNum), zSpec, va_arg(*pAp, int))
            : snprintf(aNum, sizeof(aNum), zSpec, va_arg(*pAp, unsigned));
  }
  if (n > 0) buf_append(pOut, aNum, (size_t)n < sizeof(aNum) ? (size_t)n : sizeof(aNum) - 1);
}

void html_vprintf(Html *h, const char *zFmt, va_list apIn) {
  va_list ap;
  va_copy(ap, apIn);
  const char *z = zFmt;
  while (*z) {
    const char *zPct = strchr(z, '%');
    if (!zPct) {
      buf_puts(&h->out, z);
      break;
    }
    buf_append(&h->out, z, (size_t)(zPct - z));
    const char *p = zPct + 1;
    if (*p == '%') {
      buf_putc(&h->out, '%');
      z = p + 1;
      continue;
    }
    char zSpec[32];
    size_t nSpec = 0;
    zSpec[nSpec++] = '%';
    int iPrecision = -1;
    while (*p && strchr("-+ #0", *p) && nSpec < 8) zSpec[nSpec++] = *p++;
    while (*p >= '0' && *p <= '9' && nSpec < 16) zSpec[nSpec++] = *p++;
    if (*p == '.') {
      zSpec[nSpec++] = *p++;
      if (*p == '*') {
        p++;
        iPrecision = va_arg(ap, int);
        nSpec += (size_t)snprintf(zSpec + nSpec, sizeof(zSpec) - nSpec, "%d",
                                  iPrecision < 0 ? 0 : iPrecision);
      } else {
        iPrecision = 0;
        while (*p >= '0' && *p <= '9' && nSpec < 24) {
          iPrecision = iPrecision * 10 + (*p - '0');
          zSpec[nSpec++] = *p++;
        }
      }
    }
    char zLen[3] = {0};
    if ((p[0] == 'h' && p[1] == 'h') || (p[0] == 'l' && p[1] == 'l')) {
      zLen[0] = p[0];
      zLen[1] = p[1];
      p += 2;
    } else if (*p && strchr("hlzjt", *p)) {
      zLen[0] = *p++;
    }
    memcpy(zSpec + nSpec, zLen, strlen(zLen));
    nSpec += strlen(zLen);
    char cConv = *p ? *p++ : 0;
    zSpec[nSpec++] = cConv;
    zSpec[nSpec] = 0;
    switch (cConv) {
      case 'd':
      case 'i': format_number(&h->out, zSpec, ARG_INT, zLen, &ap); break;
      case 'u':
      case 'x':
      case 'X':
      case 'o': format_number(&h->out, zSpec, ARG_UINT, zLen, &ap); break;
      case 'f':
      case 'g':
      case 'e': format_number(&h->out, zSpec, ARG_DOUBLE, zLen, &ap); break;
      case 'c': {
        char c = (char)va_arg(ap, int);
        escape_n(&h->out, &c, 1);
        break;
      }
      case 's': {
        const char *zArg = va_arg(ap, const char *);
        if (!zArg) zArg = "";
        size_t n = strlen(zArg);
        if (iPrecision >= 0 && (size_t)iPrecision < n) {
          /* A precision counts bytes; never cut a UTF-8 character in two
          ** ("Participación" cut inside the "ó" would be invalid text). */
          n = (size_t)iPrecision;
          while (n > 0 && ((unsigned char)zArg[n] & 0xC0) == 0x80) n--;
        }
        escape_n(&h->out, zArg, n);
        break;
      }
      default:
        /* An unsupported conversion is a programming error; the format
        ** attribute makes it rare. Print it visibly rather than guess. */
        buf_append(&h->out, zPct, (size_t)(p - zPct));
        break;
    }
    z = p;
  }
  va_end(ap);
}

void html_printf(Html *h, const char *zFmt, ...) {
  va_list ap;
  va_start(ap, zFmt);
  html_vprintf(h, zFmt, ap);
  va_end(ap);
}

const char *html_url_arg(Arena *pArena, const char *z) {
  static const char aHex[] = "0123456789ABCDEF";
  Buf b;
  buf_init(&b, pArena);
  for (; z && *z; z++) {
    unsigned char c = (unsigned char)*z;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
        (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
        c == '~') {
      buf_putc(&b, (char)c);
    } else {
      char aEnc[3] = {'%', aHex[c >> 4], aHex[c & 15]};
      buf_append(&b, aEnc, 3);
    }
  }
  return buf_str(&b);
}

const char *html_safe_href(const char *z) {
  if (!z) return "#";
  if (strncmp(z, "https://", 8) == 0 || strncmp(z, "http://", 7) == 0 ||
      strncmp(z, "mailto:", 7) == 0) {
    return z;
  }
  /* Relative: a path, but not "//host" (another site) nor "/\host". */
  if (z[0] == '/' && z[1] != '/' && z[1] != '\\') return z;
  return "#";
}

const char *html_escape(Arena *pArena, const char *z) {
  Buf b;
  buf_init(&b, pArena);
  if (z) escape_n(&b, z, strlen(z));
  return buf_str(&b);
}
