/*
** Calendar invitations as mail attachments: the .ics built by
** export/ical.c, labelled so that calendar clients act on it (the
** Content-Type carries the iTIP method, and the part is also shown inline;
** see mime.h for the layout).
*/
#ifndef COSOC_MAIL_INVITE_H
#define COSOC_MAIL_INVITE_H

#include <string.h>

#include "export/ical.h"
#include "mail/outbox.h"

#define MAIL_INVITE_FILENAME "invitacion.ics"

/* The attachment for zIcs, which must stay valid until queued. */
static inline OutboxAttachment mail_invite_attachment(IcalMethod eMethod,
                                                      const char *zIcs) {
  OutboxAttachment a;
  a.zFilename = MAIL_INVITE_FILENAME;
  a.zContentType = eMethod == ICAL_METHOD_CANCEL_EVENT
                       ? "text/calendar; method=CANCEL; charset=UTF-8"
                   : eMethod == ICAL_METHOD_INVITE
                       ? "text/calendar; method=REQUEST; charset=UTF-8"
                       : "text/calendar; method=PUBLISH; charset=UTF-8";
  a.bCalendar = 1;
  a.pData = zIcs;
  a.nData = zIcs ? strlen(zIcs) : 0;
  return a;
}

#endif
