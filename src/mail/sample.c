/*
** The test message (see sample.h).
*/
#include "mail/sample.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "domain/chile_time.h"
#include "export/ical.h"
#include "mail/invite.h"
#include "mail/mime.h"
#include "mail/outbox.h"
#include "mail/smtp.h"
#include "render/html.h"

#define SAMPLE_SUBJECT "Prueba de correo de cosoc: citación de ejemplo"

int mail_queue_sample(Db *pDb, Arena *pArena, int64_t iCouncil,
                      const char *zCouncil,
                      const char *zTo, const char *zKey, int64_t *piId,
                      const char **pzProblem) {
  const char *zShort = zCouncil && *zCouncil ? zCouncil : "cosoc";
  if (!zKey) {
    unsigned char aRand[8];
    char zHex[17];
    randombytes_buf(aRand, sizeof(aRand));
    sodium_bin2hex(zHex, sizeof(zHex), aRand, sizeof(aRand));
    zKey = arena_printf(pArena, "prueba:%s", zHex);
  }
  /* Tomorrow at 10:00-11:00, Santiago time. */
  LocalTime lt;
  chile_time_from_utc(db_now() + 86400, &lt, NULL);
  lt.iHour = 10;
  lt.iMinute = lt.iSecond = 0;
  int64_t iStart = 0;
  chile_time_to_utc(&lt, &iStart);
  char zWhen[CHILE_TIME_ISO_MAX];
  chile_time_format_iso(iStart, zWhen, sizeof(zWhen));

  IcalAttendee who = {zTo, NULL};
  IcalEvent ev;
  memset(&ev, 0, sizeof(ev));
  ev.zUid = arena_printf(pArena, "%s@cosoc", zKey);
  ev.iStart = iStart;
  ev.iEnd = iStart + 3600;
  ev.zSummary = "Reunión de prueba del consejo (puede ignorarla)";
  ev.zDescription =
      "Invitación de ejemplo enviada desde cosoc para comprobar "
      "que su calendario la acepta.";
  ev.zLocation = "Sala de reuniones del consejo";
  /* The organizer is the sending address: replies go back to it. */
  const char *zFrom = getenv("COSOC_MAIL_FROM");
  ev.zOrganizerEmail =
      mime_address_of(pArena, zFrom && *zFrom ? zFrom : SMTP_DEFAULT_FROM);
  ev.zOrganizerName = zShort;
  ev.aAttendee = &who;
  ev.nAttendee = 1;
  IcalCalendar cal = {ICAL_METHOD_INVITE, NULL, &ev, 1};
  const char *zIcs = ical_build(pArena, &cal);

  const char *zText = arena_printf(
      pArena,
      "Hola:\n\nEste es un mensaje de prueba de %s, enviado desde cosoc "
      "para comprobar el correo.\n\nSi lo lee con tildes y eñes correctas "
      "(acción, reunión, año), el envío funciona. Adjunta una invitación de "
      "calendario de ejemplo para el %s.\n\nNo es necesario responder.\n",
      zShort, zWhen);
  const char *zHtml = arena_printf(
      pArena,
      "<!DOCTYPE html><html lang=\"es-CL\"><body><p>Hola:</p><p>Este es un "
      "mensaje de prueba de <strong>%s</strong>, enviado desde cosoc para "
      "comprobar el correo.</p><p>Si lo lee con tildes y eñes correctas "
      "(acción, reunión, año), el envío funciona.</p></body></html>\n",
      html_escape(pArena, zShort));
  OutboxAttachment att = mail_invite_attachment(ICAL_METHOD_INVITE, zIcs);
  OutboxMessage msg;
  memset(&msg, 0, sizeof(msg));
  msg.zIdempotencyKey = zKey;
  msg.zTo = zTo;
  msg.zSubject = SAMPLE_SUBJECT;
  msg.zText = zText;
  msg.zHtml = zHtml;
  msg.zRelatedKind = "prueba";
  msg.iCouncil = iCouncil;
  msg.aAttach = zIcs ? &att : NULL;
  msg.nAttach = zIcs ? 1 : 0;
  return outbox_queue(pDb, &msg, piId, pzProblem);
}
