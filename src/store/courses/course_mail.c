/*
** What a course sends and hands out (see courses.h): the enrolment's
** confirmation with the course's calendar (an .ics with every module), a
** certificate as a PDF, and the certificate by mail with its PDF — all
** mail queued in the outbox inside the caller's transaction.
*/
#include <stdio.h>
#include <string.h>

#include "store/council/council.h"
#include "domain/chile_time.h"
#include "export/certificate_pdf.h"
#include "export/export.h"
#include "export/ical.h"
#include "mail/invite.h"
#include "mail/outbox.h"
#include "store/activities/convene.h"
#include "store/courses/courses.h"
#include "util/text.h"

const char *course_calendar(Arena *pArena, const Course *pCourse,
                            const CourseModule *aMod, int nMod,
                            const char *zBaseUrl) {
  IcalEvent *aEv = arena_alloc(pArena, sizeof(IcalEvent) * (size_t)(nMod + 1));
  for (int i = 0; i < nMod; i++) {
    const Activity *a = &aMod[i].act;
    IcalEvent *e = &aEv[i];
    convene_event_init(pArena, a, e);
    e->zSummary = arena_printf(pArena, "%s: %s", pCourse->zTitle, a->zTitle);
    e->zDescription = aMod[i].zSpeaker[0]
                          ? arena_printf(pArena, "Expone: %s", aMod[i].zSpeaker)
                          : NULL;
    if (!e->zUrl) {
      e->zUrl = arena_printf(pArena, "%s/actividades/%lld", zBaseUrl,
                             (long long)a->id);
    }
    e->eStatus = strcmp(a->zStatus, ACTIVITY_SUSPENDIDA) == 0
                     ? ICAL_EVENT_CANCELLED
                     : ICAL_EVENT_CONFIRMED;
  }
  IcalCalendar cal = {ICAL_METHOD_PUBLISH_FEED, pCourse->zTitle, aEv, nMod};
  return ical_build(pArena, &cal);
}

int course_mail_enrolment(Db *pDb, Arena *pArena, int64_t iCouncil,
                          int64_t iCourse, int64_t iEnrolment,
                          const Participant *pPart, const char *zBaseUrl) {
  if (!pPart->zEmail || !pPart->zEmail[0]) return DB_OK;
  Course c;
  CourseModule *aMod = NULL;
  int nMod = 0;
  Council k;
  if (course_get(pDb, pArena, iCouncil, iCourse, &c) != DB_OK ||
      course_modules(pDb, pArena, iCouncil, iCourse, &aMod, &nMod) != DB_OK ||
      council_get(pDb, pArena, iCouncil, &k) != DB_OK)
    return DB_ERROR;
  const char *zCouncil = k.zName;
  Buf b;
  buf_init(&b, pArena);
  buf_printf(&b,
             "Hola, %s:\n\nQuedó inscrita o inscrito en el curso «%s» de %s.\n",
             text_one_line(pArena, pPart->zName),
             text_one_line(pArena, c.zTitle), text_one_line(pArena, zCouncil));
  if (nMod) buf_puts(&b, "\nMódulos:\n");
  for (int i = 0; i < nMod; i++) {
    char zWhen[ACTIVITY_WHEN_MAX];
    activity_format_when(aMod[i].act.iStart, aMod[i].act.iEnd, zWhen,
                         sizeof(zWhen));
    buf_printf(&b, "%d. %s — %s (hora de Chile)%s%s\n", i + 1,
               text_one_line(pArena, aMod[i].act.zTitle), zWhen,
               aMod[i].act.zLink[0] ? "\n   Enlace: " : "", aMod[i].act.zLink);
  }
  buf_printf(&b,
             "\nEl calendario adjunto tiene todos los módulos.\nCurso: "
             "%s/cursos/%lld\n\nSus datos se usan solo para este curso, "
             "como usted lo autorizó.\n",
             zBaseUrl, (long long)iCourse);
  const char *zIcs = course_calendar(pArena, &c, aMod, nMod, zBaseUrl);
  OutboxAttachment att = mail_invite_attachment(ICAL_METHOD_PUBLISH_FEED, zIcs);
  att.zFilename = "curso.ics";
  OutboxMessage m;
  memset(&m, 0, sizeof(m));
  m.zIdempotencyKey =
      arena_printf(pArena, "inscripcion:%lld", (long long)iEnrolment);
  m.zTo = pPart->zEmail;
  m.zToName = text_one_line(pArena, pPart->zName);
  m.zSubject =
      arena_printf(pArena, "Inscripción: %s", text_one_line(pArena, c.zTitle));
  m.zText = buf_str(&b);
  m.zRelatedKind = "curso";
  m.iRelatedId = iCourse;
  m.iCouncil = iCouncil;
  m.aAttach = zIcs ? &att : NULL;
  m.nAttach = zIcs ? 1 : 0;
  int64_t iMail = 0;
  int rc = outbox_queue(pDb, &m, &iMail, NULL);
  return rc == OUTBOX_ERROR ? DB_ERROR : DB_OK;
}

const char *course_certificate_url(Arena *pArena, const char *zBaseUrl,
                                   const char *zCode) {
  return arena_printf(pArena, "%s/certificados/%s", zBaseUrl, zCode);
}

int course_certificate_pdf(Db *pDb, Arena *pArena, const Certificate *pCert,
                           const char *zBaseUrl, const char **ppOut,
                           size_t *pnOut) {
  CertificateDoc d;
  memset(&d, 0, sizeof(d));
  Council k;
  if (council_get(pDb, pArena, pCert->iCouncil, &k) != DB_OK) return DB_ERROR;
  d.zCouncil = k.zName;
  d.zInstitution = k.zInstitution;
  d.zSigner = council_text(pDb, pArena, pCert->iCouncil, COUNCIL_SIGNER_NAME);
  d.zSignerTitle =
      council_text(pDb, pArena, pCert->iCouncil, COUNCIL_SIGNER_TITLE);
  d.zParticipant = pCert->zName;
  d.zCourse = pCert->zCourse;
  d.zModules =
      arena_printf(pArena, "%d de %d %s", pCert->nAttended, pCert->nTotal,
                   pCert->nTotal == 1 ? "módulo" : "módulos");
  d.zHours = course_hours_text(pArena, pCert->nMinutes);
  char zLong[ACTIVITY_DATE_LONG_MAX];
  activity_format_date_long(pCert->zIssuedOn, zLong, sizeof(zLong));
  d.zDate = arena_strdup(pArena, zLong);
  d.zCode = pCert->zCode;
  d.zUrl = course_certificate_url(pArena, zBaseUrl, pCert->zCode);
  if (pCert->bRevoked) {
    char zOn[ACTIVITY_DATE_LONG_MAX];
    activity_format_date_long(pCert->zRevokedOn, zOn, sizeof(zOn));
    d.zRevoked =
        arena_printf(pArena, "REVOCADO el %s: %s", zOn, pCert->zReason);
  }
  char zErr[160];
  return certificate_pdf(pArena, &d, ppOut, pnOut, zErr, sizeof(zErr)) ==
                 EXPORT_OK
             ? DB_OK
             : DB_ERROR;
}

int course_mail_certificate(Db *pDb, Arena *pArena, const Certificate *pCert,
                            const char *zBaseUrl) {
  if (!pCert->zEmail[0]) return DB_OK;
  const char *pPdf;
  size_t nPdf;
  if (course_certificate_pdf(pDb, pArena, pCert, zBaseUrl, &pPdf, &nPdf) !=
      DB_OK)
    return DB_ERROR;
  const char *zUrl = course_certificate_url(pArena, zBaseUrl, pCert->zCode);
  OutboxAttachment att;
  memset(&att, 0, sizeof(att));
  att.zFilename = "certificado.pdf";
  att.zContentType = EXPORT_PDF_TYPE;
  att.pData = pPdf;
  att.nData = nPdf;
  OutboxMessage m;
  memset(&m, 0, sizeof(m));
  m.zIdempotencyKey =
      arena_printf(pArena, "certificado:%lld", (long long)pCert->id);
  m.zTo = pCert->zEmail;
  m.zToName = text_one_line(pArena, pCert->zName);
  m.zSubject = arena_printf(pArena, "Su certificado: %s",
                            text_one_line(pArena, pCert->zCourse));
  m.zText = arena_printf(
      pArena,
      "Hola, %s:\n\nAdjuntamos su certificado de participación en el curso "
      "«%s».\n\nCódigo de verificación: %s\nCualquier persona puede "
      "comprobarlo en:\n%s\n",
      text_one_line(pArena, pCert->zName),
      text_one_line(pArena, pCert->zCourse), pCert->zCode, zUrl);
  m.zRelatedKind = "curso";
  m.iRelatedId = pCert->iCourse;
  m.iCouncil = pCert->iCouncil;
  m.aAttach = &att;
  m.nAttach = 1;
  int64_t iMail = 0;
  return outbox_queue(pDb, &m, &iMail, NULL) == OUTBOX_ERROR ? DB_ERROR : DB_OK;
}
