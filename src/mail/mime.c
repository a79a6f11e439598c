/*
** Internet messages (see mime.h).
*/
#include "mail/mime.h"

#include <string.h>

#include "domain/chile_time.h"
#include "util/text.h"

#define MIME_LINE_MAX 76   /* Encoded body lines (RFC 2045) */
#define MIME_WORD_BYTES 45 /* UTF-8 bytes per encoded-word: 60 chars */

static const char azB64[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* Base64 of n bytes into b, no line breaks. */
static void b64_append(Buf *b, const unsigned char *p, size_t n) {
  for (size_t i = 0; i < n; i += 3) {
    unsigned v = (unsigned)p[i] << 16;
    if (i + 1 < n) v |= (unsigned)p[i + 1] << 8;
    if (i + 2 < n) v |= p[i + 2];
    buf_putc(b, azB64[v >> 18 & 63]);
    buf_putc(b, azB64[v >> 12 & 63]);
    buf_putc(b, i + 1 < n ? azB64[v >> 6 & 63] : '=');
    buf_putc(b, i + 2 < n ? azB64[v & 63] : '=');
  }
}

const char *mime_base64(Arena *pArena, const void *pData, size_t nData) {
  Buf b;
  buf_init(&b, pArena);
  const unsigned char *p = pData;
  size_t nPerLine = MIME_LINE_MAX / 4 * 3; /* 57 bytes -> 76 characters */
  for (size_t i = 0; i < nData; i += nPerLine) {
    b64_append(&b, p + i, nData - i < nPerLine ? nData - i : nPerLine);
    buf_puts(&b, "\r\n");
  }
  return buf_str(&b);
}

static int is_plain_ascii(const char *z) {
  for (; *z; z++) {
    unsigned char c = (unsigned char)*z;
    if (c < ' ' || c > '~') return 0;
  }
  return 1;
}

/* Length of the UTF-8 sequence starting with byte c (1 for stray bytes). */
static size_t utf8_len(unsigned char c) {
  return c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

const char *mime_encode_header(Arena *pArena, const char *zText, int nUsed) {
  (void)nUsed;
  if (!zText) return "";
  /* Never a line break (or any control character) inside a header, even
  ** encoded: a value that slipped past the forms becomes spaces. */
  zText = text_one_line(pArena, zText);
  if (is_plain_ascii(zText) && strlen(zText) + (size_t)nUsed <= 900) {
    return zText;
  }
  /* Encoded-words of whole characters, folded one per line. */
  Buf b;
  buf_init(&b, pArena);
  const unsigned char *p = (const unsigned char *)zText;
  size_t n = strlen(zText);
  size_t i = 0;
  while (i < n) {
    size_t nTake = 0;
    while (i + nTake < n) {
      size_t nChar = utf8_len(p[i + nTake]);
      if (i + nTake + nChar > n) nChar = n - i - nTake;
      if (nTake + nChar > MIME_WORD_BYTES) break;
      nTake += nChar;
    }
    if (i > 0) buf_puts(&b, "\r\n ");
    buf_puts(&b, "=?UTF-8?B?");
    b64_append(&b, p + i, nTake);
    buf_puts(&b, "?=");
    i += nTake;
  }
  return buf_str(&b);
}

/* One octet, literal when allowed (bForce: never), with a soft line break
** first when the line would grow past the limit. */
static void qp_char(Buf *b, unsigned char c, int bForce, size_t *pnCol) {
  static const char azHex[] = "0123456789ABCDEF";
  int bLiteral =
      !bForce && ((c >= 33 && c <= 126 && c != '=') || c == ' ' || c == '\t');
  size_t nWidth = bLiteral ? 1 : 3;
  if (*pnCol + nWidth > MIME_LINE_MAX - 1) {
    buf_puts(b, "=\r\n");
    *pnCol = 0;
  }
  if (bLiteral) {
    buf_putc(b, (char)c);
  } else {
    buf_putc(b, '=');
    buf_putc(b, azHex[c >> 4]);
    buf_putc(b, azHex[c & 15]);
  }
  *pnCol += nWidth;
}

const char *mime_quoted_printable(Arena *pArena, const char *zText) {
  Buf b;
  buf_init(&b, pArena);
  const unsigned char *p = (const unsigned char *)zText;
  while (*p) {
    size_t nLine = strcspn((const char *)p, "\n");
    size_t nEnd = nLine;
    if (nEnd > 0 && p[nEnd - 1] == '\r') nEnd--;
    size_t nCol = 0;
    for (size_t i = 0; i < nEnd; i++) {
      /* White space at the end of a line may be stripped in transit. */
      int bLast = i == nEnd - 1 && (p[i] == ' ' || p[i] == '\t');
      qp_char(&b, p[i], bLast, &nCol);
    }
    buf_puts(&b, "\r\n");
    p += nLine;
    if (*p == '\n') p++;
  }
  return buf_str(&b);
}

const char *mime_address_of(Arena *pArena, const char *zFrom) {
  const char *zLt = strrchr(zFrom, '<');
  const char *zGt = zLt ? strchr(zLt, '>') : NULL;
  if (!zLt || !zGt) return zFrom;
  return arena_strndup(pArena, zLt + 1, (size_t)(zGt - zLt - 1));
}

const char *mime_domain_of(const char *zAddress) {
  const char *zAt = strrchr(zAddress, '@');
  return zAt && zAt[1] ? zAt + 1 : "localhost";
}

/* "Name <addr>" with the name encoded or quoted as needed. */
static const char *mailbox(Arena *pArena, const char *zName,
                           const char *zAddr) {
  if (!zName || !*zName) return zAddr;
  zName = text_one_line(pArena, zName);
  if (!is_plain_ascii(zName)) {
    return arena_printf(pArena, "%s <%s>", mime_encode_header(pArena, zName, 6),
                        zAddr);
  }
  Buf b;
  buf_init(&b, pArena);
  buf_putc(&b, '"');
  for (const char *z = zName; *z; z++) {
    if (*z == '"' || *z == '\\') buf_putc(&b, '\\');
    buf_putc(&b, *z);
  }
  buf_printf(&b, "\" <%s>", zAddr);
  return buf_str(&b);
}

/* The From header's value from "Name <addr>" or "addr". */
static const char *from_mailbox(Arena *pArena, const char *zFrom) {
  const char *zLt = strrchr(zFrom, '<');
  if (!zLt) return zFrom;
  size_t nName = (size_t)(zLt - zFrom);
  while (nName > 0 && zFrom[nName - 1] == ' ') nName--;
  const char *zName = arena_strndup(pArena, zFrom, nName);
  if (zName[0] == '"' && nName >= 2 && zName[nName - 1] == '"') {
    zName = arena_strndup(pArena, zName + 1, nName - 2);
  }
  return mailbox(pArena, zName, mime_address_of(pArena, zFrom));
}

static void text_part(Buf *b, const char *zSubtype, const char *zText) {
  buf_printf(b,
             "Content-Type: text/%s; charset=UTF-8\r\n"
             "Content-Transfer-Encoding: quoted-printable\r\n\r\n",
             zSubtype);
  buf_puts(b, mime_quoted_printable(b->pArena, zText));
}

static void calendar_inline_part(Buf *b, const OutboxAttachment *a) {
  buf_printf(b, "Content-Type: %s\r\nContent-Transfer-Encoding: base64\r\n\r\n",
             a->zContentType);
  buf_puts(b, mime_base64(b->pArena, a->pData, a->nData));
}

static void attachment_part(Buf *b, const OutboxAttachment *a) {
  buf_printf(b,
             "Content-Type: %s; name=\"%s\"\r\n"
             "Content-Disposition: attachment; filename=\"%s\"\r\n"
             "Content-Transfer-Encoding: base64\r\n\r\n",
             a->zContentType, a->zFilename, a->zFilename);
  buf_puts(b, mime_base64(b->pArena, a->pData, a->nData));
}

/* The readable body: text alone, or multipart/alternative of text, HTML
** and inline calendars. */
static void body_part(Buf *b, const MimeMessage *m, const char *zToken) {
  int nCal = 0;
  for (int i = 0; i < m->nAttach; i++) nCal += m->aAttach[i].bCalendar;
  if (!m->zHtml && nCal == 0) {
    text_part(b, "plain", m->zText);
    return;
  }
  /* "=_" never occurs in quoted-printable or base64 text, so these
  ** boundaries cannot collide with content. */
  buf_printf(b,
             "Content-Type: multipart/alternative; "
             "boundary=\"=_cosoc_alt_%s\"\r\n\r\n",
             zToken);
  buf_printf(b, "--=_cosoc_alt_%s\r\n", zToken);
  text_part(b, "plain", m->zText);
  if (m->zHtml) {
    buf_printf(b, "--=_cosoc_alt_%s\r\n", zToken);
    text_part(b, "html", m->zHtml);
  }
  for (int i = 0; i < m->nAttach; i++) {
    if (!m->aAttach[i].bCalendar) continue;
    buf_printf(b, "--=_cosoc_alt_%s\r\n", zToken);
    calendar_inline_part(b, &m->aAttach[i]);
  }
  buf_printf(b, "--=_cosoc_alt_%s--\r\n", zToken);
}

const char *mime_build(Arena *pArena, const MimeMessage *m) {
  Buf b;
  buf_init(&b, pArena);
  char zDate[64];
  chile_time_format_rfc5322(m->iDate, zDate, sizeof(zDate));
  /* The boundary token: the Message-ID's left part, made safe. */
  Buf tok;
  buf_init(&tok, pArena);
  for (const char *z = m->zMessageId; *z && *z != '@' && tok.n < 40; z++) {
    char c = *z;
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
        (c >= 'A' && c <= 'Z')) {
      buf_putc(&tok, c);
    }
  }
  const char *zToken = buf_str(&tok);
  buf_printf(&b, "Date: %s\r\n", zDate);
  buf_printf(&b, "From: %s\r\n", from_mailbox(pArena, m->zFrom));
  buf_printf(&b, "To: %s\r\n", mailbox(pArena, m->zToName, m->zTo));
  buf_printf(&b, "Subject: %s\r\n", mime_encode_header(pArena, m->zSubject, 9));
  buf_printf(&b, "Message-ID: <%s>\r\n", m->zMessageId);
  buf_puts(&b,
           "MIME-Version: 1.0\r\nContent-Language: es-CL\r\n"
           "Auto-Submitted: auto-generated\r\n");
  if (m->nAttach == 0) {
    body_part(&b, m, zToken);
    return buf_str(&b);
  }
  buf_printf(&b,
             "Content-Type: multipart/mixed; "
             "boundary=\"=_cosoc_mix_%s\"\r\n\r\n"
             "This is a MIME message (mensaje MIME).\r\n",
             zToken);
  buf_printf(&b, "--=_cosoc_mix_%s\r\n", zToken);
  body_part(&b, m, zToken);
  for (int i = 0; i < m->nAttach; i++) {
    buf_printf(&b, "--=_cosoc_mix_%s\r\n", zToken);
    attachment_part(&b, &m->aAttach[i]);
  }
  buf_printf(&b, "--=_cosoc_mix_%s--\r\n", zToken);
  return buf_str(&b);
}
