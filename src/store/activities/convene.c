/*
** Convening (see convene.h).
*/
#include "store/activities/convene.h"

#include <stdlib.h>
#include <string.h>

#include "store/accounts/accounts.h"
#include "store/council/council.h"
#include "mail/invite.h"
#include "mail/mime.h"
#include "mail/outbox.h"
#include "mail/smtp.h"
#include "util/text.h"

static const DbMap recipient_from_row_map =
    DB_MAP(ConveneRecipient, "itt", iMember, zName, zEmail);

int convene_councillors(Db *pDb, Arena *pArena, int64_t iCouncil,
                        ConveneRecipient **paRec, int *pnRec) {
  return db_list(pDb, pArena, &recipient_from_row_map, paRec, pnRec,
                 "SELECT id, first_names || ' ' || last_names, email "
                 "FROM members WHERE council_id = ? AND status = "
                 "'vigente' AND email <> '' ORDER BY last_names, "
                 "first_names, id",
                 DB_I(iCouncil));
}

const char *convene_place(Arena *pArena, const Activity *a) {
  if (strcmp(a->zModality, "virtual") == 0) return "Videoconferencia";
  const char *zCommune =
      a->zCommuneName && *a->zCommuneName ? a->zCommuneName : a->zCommune;
  if (a->zAddress && *a->zAddress) {
    return arena_printf(pArena, "%s, %s", a->zAddress, zCommune);
  }
  return arena_strdup(pArena, zCommune ? zCommune : "");
}

void convene_event_init(Arena *pArena, const Activity *a, IcalEvent *pEv) {
  memset(pEv, 0, sizeof(*pEv));
  pEv->zUid = a->zIcalUid;
  pEv->iSequence = a->iSequence;
  pEv->iStart = a->iStart;
  pEv->iEnd = a->iEnd;
  pEv->zSummary = a->zTitle;
  pEv->zLocation = convene_place(pArena, a);
  pEv->zUrl = a->zLink[0] ? a->zLink : NULL;
}

static const char *council_short(Db *pDb, Arena *pArena, int64_t iCouncil) {
  Council c;
  return council_get(pDb, pArena, iCouncil, &c) == DB_OK && c.zShortName[0]
             ? c.zShortName
             : "El consejo";
}

static const char *modality_text(Arena *pArena, const Activity *a) {
  if (strcmp(a->zModality, "virtual") == 0) {
    return arena_printf(pArena, "Virtual. Enlace: %s", a->zLink);
  }
  if (strcmp(a->zModality, "mixta") == 0) {
    return *a->zLink ? arena_printf(pArena,
                                    "Mixta: presencial o en línea. "
                                    "Enlace: %s",
                                    a->zLink)
                     : "Mixta: presencial o en línea";
  }
  return "Presencial";
}

static const char *agenda_text(Arena *pArena, const char *const *az, int n) {
  if (n == 0) return "";
  Buf b;
  buf_init(&b, pArena);
  buf_puts(&b, "Tabla:\n");
  for (int i = 0; i < n; i++) buf_printf(&b, "%d. %s\n", i + 1, az[i]);
  return buf_str(&b);
}

/* The calendar event of this version of the activity, for one person. */
static const char *event_ics(Db *pDb, Arena *pArena, const Activity *a,
                             IcalMethod eMethod, const char *zAgenda,
                             const char *zEmail, const char *zName,
                             const char *zUrl) {
  IcalAttendee who = {zEmail, zName && *zName ? zName : NULL};
  IcalEvent ev;
  convene_event_init(pArena, a, &ev);
  ev.zDescription =
      *zAgenda || *a->zDescription
          ? arena_printf(pArena, "%s%s%s", a->zDescription,
                         *a->zDescription && *zAgenda ? "\n\n" : "", zAgenda)
          : NULL;
  if (!ev.zUrl) ev.zUrl = zUrl;
  const char *zFrom = getenv("COSOC_MAIL_FROM");
  ev.zOrganizerEmail =
      mime_address_of(pArena, zFrom && *zFrom ? zFrom : SMTP_DEFAULT_FROM);
  ev.zOrganizerName = council_short(pDb, pArena, a->iCouncil);
  ev.eStatus = eMethod == ICAL_METHOD_CANCEL_EVENT ? ICAL_EVENT_CANCELLED
                                                   : ICAL_EVENT_CONFIRMED;
  ev.aAttendee = &who;
  ev.nAttendee = 1;
  IcalCalendar cal = {eMethod, NULL, &ev, 1};
  return ical_build(pArena, &cal);
}

/* What kind of message: the wording differs, the mechanics do not. */
typedef enum MailKind {
  MAIL_CITATION = 0, /* First citation */
  MAIL_UPDATE,       /* The activity changed */
  MAIL_REMINDER,     /* Before it starts */
  MAIL_CANCEL,       /* Suspended */
} MailKind;

/* What each kind says: the subject (%s: the title), the first line (%s:
** the council's short name), the idempotency key's kind and the calendar
** method. */
typedef struct MailText {
  const char *zSubject, *zLead, *zKey;
  IcalMethod eMethod;
} MailText;
static const MailText aMailText[] = {
    [MAIL_CITATION] = {"Citación: %s", "%s le cita a la siguiente actividad.",
                       "citacion", ICAL_METHOD_INVITE},
    [MAIL_UPDATE] = {"Cambios en la citación: %s",
                     "%s informa cambios en la actividad a la que fue "
                     "citada/o. Estos son los datos vigentes.",
                     "citacion", ICAL_METHOD_INVITE},
    [MAIL_REMINDER] = {"Recordatorio: %s",
                       "%s le recuerda la siguiente actividad.", "recordatorio",
                       ICAL_METHOD_INVITE},
    [MAIL_CANCEL] = {"Suspendida: %s",
                     "%s informa que la siguiente actividad fue "
                     "suspendida. Se avisará si se reprograma.",
                     "cancelacion", ICAL_METHOD_CANCEL_EVENT},
};

/* Queues one message about activity a to one person. zToken is their
** reply link's token (NULL for a cancellation). *piOutbox (may be NULL)
** gets the queued row's id, 0 when it was queued before. */
static int queue_one(Db *pDb, Arena *pArena, const Activity *a, MailKind e,
                     const char *zAgenda, const char *zEmail, const char *zName,
                     const char *zToken, const char *zBaseUrl,
                     int64_t *piOutbox) {
  char zWhen[ACTIVITY_WHEN_MAX];
  activity_format_when(a->iStart, a->iEnd, zWhen, sizeof(zWhen));
  const char *zShort = council_short(pDb, pArena, a->iCouncil);
  const char *zPage =
      arena_printf(pArena, "%s/actividades/%lld", zBaseUrl, (long long)a->id);
  const char *zHello = zName && *zName
                           ? arena_printf(pArena, "Estimada/o %s:", zName)
                           : "Estimada/o:";
  const MailText *t = &aMailText[e];
  const char *zSubject = arena_printf(pArena, t->zSubject, a->zTitle);
  const char *zLead = arena_printf(pArena, t->zLead, zShort);
  const char *zKey = t->zKey;
  IcalMethod eMethod = t->eMethod;
  Buf b;
  buf_init(&b, pArena);
  buf_printf(&b,
             "%s\n\n%s\n\n%s\n\nFecha: %s (hora de Chile)\nLugar: %s\n"
             "Modalidad: %s\n",
             zHello, zLead, a->zTitle, zWhen, convene_place(pArena, a),
             modality_text(pArena, a));
  if (*zAgenda) buf_printf(&b, "\n%s", zAgenda);
  if (*a->zDescription && e != MAIL_CANCEL) {
    buf_printf(&b, "\n%s\n", a->zDescription);
  }
  if (zToken) {
    buf_printf(&b,
               "\nPor favor confirme o excuse su asistencia%s en su enlace "
               "personal (no lo reenvíe):\n%s/r/%s\n",
               activity_is_in_person(a->zModality) ? " y, si lo necesita, "
                                                     "pida traslado"
                                                   : "",
               zBaseUrl, zToken);
  }
  buf_printf(
      &b, "\nEl archivo adjunto %s su calendario.\n\n%s\n",
      e == MAIL_CANCEL ? "quita la actividad de" : "agrega la actividad a",
      zShort);
  const char *zIcs =
      event_ics(pDb, pArena, a, eMethod, zAgenda, zEmail, zName, zPage);
  OutboxAttachment att = mail_invite_attachment(eMethod, zIcs);
  OutboxMessage msg;
  memset(&msg, 0, sizeof(msg));
  msg.zIdempotencyKey = arena_printf(pArena, "%s:%lld:%d:%s", zKey,
                                     (long long)a->id, a->iSequence, zEmail);
  msg.zTo = zEmail;
  /* Names and titles are one line since the forms say so; one stored
  ** before that may still hold a line break, which the outbox would refuse
  ** (and convening answered 500): it goes out flattened. */
  msg.zToName = zName && *zName ? text_one_line(pArena, zName) : NULL;
  msg.zSubject = text_one_line(pArena, zSubject);
  msg.zText = buf_str(&b);
  msg.zRelatedKind = "actividad";
  msg.iRelatedId = a->id;
  if (e == MAIL_REMINDER) {
    msg.iNotBefore =
        a->iStart - (int64_t)council_reminder_hours(pDb, a->iCouncil) * 3600;
  }
  msg.aAttach = zIcs ? &att : NULL;
  msg.nAttach = zIcs ? 1 : 0;
  int64_t iId = 0;
  msg.iCouncil = a->iCouncil;
  int rc = outbox_queue(pDb, &msg, &iId, NULL);
  if (piOutbox) *piOutbox = rc == OUTBOX_QUEUED ? iId : 0;
  /* A person who objected to mail is left out, not a failure. */
  return rc == OUTBOX_QUEUED || rc == OUTBOX_ALREADY_QUEUED ||
                 rc == OUTBOX_SUPPRESSED
             ? DB_OK
         : rc == OUTBOX_INVALID ? DB_CONSTRAINT
                                : DB_ERROR;
}

/* Whether the reminder still makes sense: it would go out before the
** activity starts and after now. */
static int reminder_due(Db *pDb, const Activity *a) {
  int nHours = council_reminder_hours(pDb, a->iCouncil);
  if (nHours == 0) return 0;
  int64_t iAt = a->iStart - (int64_t)nHours * 3600;
  return iAt > db_now();
}

/* A fresh reply link for one person: the invitation row, both messages
** (citation or update, and reminder) and the record of the notice
** (activity_notices: what counts as the line's citación), by iUser. */
static int invite_one(Db *pDb, Arena *pArena, int64_t iUser, const Activity *a,
                      MailKind e, const char *zAgenda,
                      const ConveneRecipient *pRec, const char *zBaseUrl) {
  char zToken[ACCOUNTS_TOKEN_MAX], zHash[65];
  accounts_random_token(zToken);
  accounts_token_hash(zToken, zHash);
  int64_t iInv = 0;
  int rc = activity_invitation_upsert(pDb, a->id, pRec->iMember,
                                      pRec->iDirectory, pRec->zEmail,
                                      pRec->zName, zHash, a->iSequence, &iInv);
  int64_t iOutbox = 0;
  if (rc == DB_OK) {
    rc = queue_one(pDb, pArena, a, e, zAgenda, pRec->zEmail, pRec->zName,
                   zToken, zBaseUrl, &iOutbox);
  }
  if (rc == DB_OK && iOutbox) {
    rc = activity_notice_add(
        pDb, a->id, e == MAIL_CITATION ? "citacion" : "actualizacion",
        a->iSequence, iUser, pRec->zEmail, pRec->zName, iOutbox);
  }
  if (rc == DB_OK && reminder_due(pDb, a)) {
    rc = queue_one(pDb, pArena, a, MAIL_REMINDER, zAgenda, pRec->zEmail,
                   pRec->zName, zToken, zBaseUrl, NULL);
  }
  return rc;
}

static const char *load_agenda_text(Db *pDb, Arena *pArena, int64_t iAct) {
  const char **az = NULL;
  int n = 0;
  if (activity_agenda_get(pDb, pArena, iAct, &az, &n) != DB_OK) return NULL;
  return agenda_text(pArena, az, n);
}

int convene_send(Db *pDb, Arena *pArena, int64_t iUser, Activity *pAct,
                 const ConveneRecipient *aRec, int nRec, const char *zBaseUrl,
                 int *pnQueued) {
  *pnQueued = 0;
  if (db_begin(pDb) != DB_OK) return DB_ERROR;
  int rc = DB_OK;
  if (strcmp(pAct->zStatus, ACTIVITY_PROGRAMADA) == 0) {
    Activity next = *pAct;
    next.zStatus = ACTIVITY_CONVOCADA;
    rc = activity_update(pDb, iUser, pAct, &next, "Citación enviada");
    if (rc == DB_OK) *pAct = next;
  }
  const char *zAgenda = load_agenda_text(pDb, pArena, pAct->id);
  ActivityInvitation *aInv = NULL;
  int nInv = 0;
  if (rc == DB_OK &&
      (!zAgenda || activity_invitations_list(pDb, pArena, pAct->id, &aInv,
                                             &nInv) != DB_OK)) {
    rc = DB_ERROR;
  }
  for (int i = 0; rc == DB_OK && i < nRec; i++) {
    /* Someone already cited to this version keeps the link they have. */
    int bDone = 0;
    for (int k = 0; k < nInv && !bDone; k++) {
      bDone = strcmp(aInv[k].zEmail, aRec[i].zEmail) == 0 &&
              aInv[k].iSentSequence == pAct->iSequence;
    }
    for (int k = 0; k < i && !bDone; k++) {
      bDone = strcmp(aRec[k].zEmail, aRec[i].zEmail) == 0;
    }
    if (bDone) continue;
    rc = invite_one(pDb, pArena, iUser, pAct, MAIL_CITATION, zAgenda, &aRec[i],
                    zBaseUrl);
    if (rc == DB_OK) (*pnQueued)++;
  }
  if (rc != DB_OK) {
    db_rollback(pDb);
    return rc == DB_STALE ? DB_STALE : DB_ERROR;
  }
  return db_commit(pDb);
}

int convene_save_change(Db *pDb, Arena *pArena, int64_t iUser,
                        const Activity *pOld, Activity *pNew, const char *zNote,
                        const char *zBaseUrl) {
  ActivityResend e = activity_resend_for(pOld, pNew);
  if (e != ACTIVITY_RESEND_NONE) pNew->iSequence = pOld->iSequence + 1;
  if (db_begin(pDb) != DB_OK) return DB_ERROR;
  int rc = activity_update(pDb, iUser, pOld, pNew, zNote);
  ActivityInvitation *aInv = NULL;
  int nInv = 0;
  const char *zAgenda = NULL;
  if (rc == DB_OK && e != ACTIVITY_RESEND_NONE) {
    zAgenda = load_agenda_text(pDb, pArena, pNew->id);
    if (!zAgenda || activity_invitations_list(pDb, pArena, pNew->id, &aInv,
                                              &nInv) != DB_OK) {
      rc = DB_ERROR;
    }
  }
  for (int i = 0; rc == DB_OK && i < nInv; i++) {
    const ActivityInvitation *v = &aInv[i];
    /* The reminder for the old time must not go out. */
    rc = outbox_withdraw(
        pDb, arena_printf(pArena, "recordatorio:%lld:%d:%s",
                          (long long)pNew->id, v->iSentSequence, v->zEmail));
    if (rc != DB_OK) break;
    if (e == ACTIVITY_RESEND_CANCEL) {
      rc = queue_one(pDb, pArena, pNew, MAIL_CANCEL, zAgenda, v->zEmail,
                     v->zName, NULL, zBaseUrl, NULL);
    } else {
      ConveneRecipient rec = {v->iMember, v->iDirectory, v->zEmail, v->zName};
      rc = invite_one(pDb, pArena, iUser, pNew, MAIL_UPDATE, zAgenda, &rec,
                      zBaseUrl);
    }
  }
  if (rc != DB_OK) {
    db_rollback(pDb);
    return rc == DB_STALE ? DB_STALE : DB_ERROR;
  }
  return db_commit(pDb);
}

const char *convene_whatsapp_text(Arena *pArena, const char *zCouncil,
                                  const Activity *a,
                                  const char *const *azAgenda, int nAgenda,
                                  const char *zPageUrl) {
  char zWhen[ACTIVITY_WHEN_MAX];
  activity_format_when(a->iStart, a->iEnd, zWhen, sizeof(zWhen));
  Buf b;
  buf_init(&b, pArena);
  buf_printf(&b, "*%s*\n%s cita a: %s\n\n📅 %s\n📍 %s\n%s\n", a->zTitle, zCouncil,
             a->zKindLabel ? a->zKindLabel : a->zKind, zWhen,
             convene_place(pArena, a), modality_text(pArena, a));
  if (nAgenda > 0) {
    buf_printf(&b, "\n%s", agenda_text(pArena, azAgenda, nAgenda));
  }
  buf_printf(&b,
             "\nMás información: %s\nPor favor confirme su asistencia "
             "con el enlace personal que le llegó por correo.\n",
             zPageUrl);
  return buf_str(&b);
}
