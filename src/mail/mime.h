/*
** Internet messages (RFC 5322 + MIME) from a plain description: what the
** SMTP sender hands to the server.
**
** Spanish text is UTF-8 throughout: headers with non-ASCII characters are
** RFC 2047 encoded-words, bodies are quoted-printable (readable in the raw
** source, safe for any line length), attachments base64. A message with an
** invitation is built the way calendar clients expect it:
**
**   multipart/mixed
**     multipart/alternative
**       text/plain
**       text/html                      (when there is HTML)
**       text/calendar; method=REQUEST  (inline: Outlook and Gmail act on it)
**     text/calendar; method=REQUEST; name="invitacion.ics"  (the file)
**
** Pure: no I/O, no clock (the date comes in), output in the arena.
*/
#ifndef COSOC_MAIL_MIME_H
#define COSOC_MAIL_MIME_H

#include <stdint.h>

#include "mail/outbox.h"
#include "util/arena.h"

typedef struct MimeMessage {
  const char *zFrom;      /* "Nombre <dir@dominio>" or "dir@dominio" */
  const char *zTo;        /* Address */
  const char *zToName;    /* Display name or NULL/"" */
  const char *zSubject;   /* UTF-8 */
  const char *zText;      /* UTF-8, LF or CRLF line ends */
  const char *zHtml;      /* NULL: text only */
  const char *zMessageId; /* Without angle brackets: "token@dominio" */
  int64_t iDate;          /* UTC seconds, written in Santiago time */
  const OutboxAttachment *aAttach;
  int nAttach;
} MimeMessage;

/* The whole message, CRLF line ends, every line under 1000 octets. */
const char *mime_build(Arena *pArena, const MimeMessage *pMsg);

/* The bare address of a From value ("a@b" from "Nombre <a@b>"). */
const char *mime_address_of(Arena *pArena, const char *zFrom);
/* The domain after '@' ("localhost" when none): for Message-IDs. */
const char *mime_domain_of(const char *zAddress);

/* Building blocks, exposed for the tests. */
const char *mime_encode_header(Arena *pArena, const char *zText, int nUsed);
const char *mime_quoted_printable(Arena *pArena, const char *zText);
const char *mime_base64(Arena *pArena, const void *pData, size_t nData);

#endif
