/*
** The notice cosoc sent about an activity, as evidence: its record on the
** activity page and as a PDF.
**
** GET /actividades/ID/citacion.pdf  signed in: who was cited, when and
**     how their mail stands (404 when cosoc sent none)
**
** The record is the activity_notices rows (store/activities/notice_store.c)
** written when convening; the compliance feed counts it as the line's
** Citación, Convocatoria or Invitación (evidence_system()).
*/
#include <string.h>

#include "export/notice_record.h"
#include "pages/activities/activities_pages.h"

/* The outbox's state of a recipient's mail, in words. */
static const char *delivery_label(const char *zState) {
  if (!zState || !*zState) return "—";
  if (strcmp(zState, "pendiente") == 0) return "En cola";
  if (strcmp(zState, "enviado") == 0) return "Entregado al servidor";
  if (strcmp(zState, "fallido") == 0) return "Falló";
  return zState;
}

static const char *notice_kind_label(const char *zKind) {
  return strcmp(zKind, "citacion") == 0 ? "Citación" : "Cambios en la citación";
}

int notice_pdf_bytes(Db *pDb, Arena *pArena, const Council *pCouncil,
                     int64_t iActivity, const char **ppOut, size_t *pnOut) {
  Activity a;
  int rc = activity_get(pDb, pArena, pCouncil->id, iActivity, &a);
  if (rc != DB_OK) return rc;
  ActivityNotice *aN = NULL;
  int nN = 0;
  if (activity_notice_list(pDb, pArena, iActivity, &aN, &nN) != DB_OK)
    return DB_ERROR;
  if (nN == 0) return DB_DONE;
  NoticeRecipient *aR = arena_alloc(pArena, sizeof(NoticeRecipient) * nN);
  for (int i = 0; i < nN; i++) {
    aR[i].zName = *aN[i].zName ? aN[i].zName : aN[i].zEmail;
    aR[i].zSent = page_time(pArena, aN[i].tSent);
    aR[i].zKind = notice_kind_label(aN[i].zKind);
    aR[i].zDelivery = delivery_label(aN[i].zDelivery);
  }
  char zWhen[ACTIVITY_WHEN_MAX], zErr[200];
  activity_format_when(a.iStart, a.iEnd, zWhen, sizeof(zWhen));
  NoticeRecordInput in = {
      .zCouncil = pCouncil ? pCouncil->zName : "",
      .zActivity = a.zTitle,
      .zWhen = zWhen,
      .zPlace = convene_place(pArena, &a),
      .zFirst = page_time(pArena, aN[0].tSent),
      .zSentBy = aN[0].zSentBy,
      .nRecipient = nN,
      .aRecipient = aR,
  };
  return notice_record_pdf(pArena, &in, ppOut, pnOut, zErr, sizeof(zErr)) ==
                 EXPORT_OK
             ? DB_OK
             : DB_ERROR;
}

void page_activity_notice_pdf(Request *r) {
  Activity a;
  if (!act_load(r, &a, 0)) return;
  const char *zOut = NULL;
  size_t nOut = 0;
  int rc = notice_pdf_bytes(request_db(r), request_arena(r), page_council(r),
                            a.id, &zOut, &nOut);
  if (!page_found(r, rc,
                  "cosoc aún no ha enviado la citación de esta actividad.")) {
    return;
  }
  page_send_file(r, EXPORT_PDF_TYPE,
                 "inline; filename=\"citacion-enviada.pdf\"", zOut, nOut);
}

void activity_notice_record(Html *h, Request *r, const Activity *pAct,
                            int bAdmin) {
  Arena *pArena = request_arena(r);
  ActivityNotice *aN = NULL;
  int nN = 0;
  if (activity_notice_list(request_db(r), pArena, pAct->id, &aN, &nN) !=
          DB_OK ||
      nN == 0) {
    return;
  }
  int nFailed = 0;
  for (int i = 0; i < nN; i++) {
    nFailed += strcmp(aN[i].zDelivery, "fallido") == 0;
  }
  html_printf(h,
              "<details class=\"notice-record\"><summary>Citación enviada "
              "por cosoc el %s a %d destinatario%s%s</summary><ul>",
              page_time(pArena, aN[0].tSent), nN, nN == 1 ? "" : "s",
              nFailed ? arena_printf(pArena, " (%d con error)", nFailed) : "");
  for (int i = 0; i < nN; i++) {
    const char *zWho = *aN[i].zName ? aN[i].zName : aN[i].zEmail;
    if (bAdmin && *aN[i].zName) {
      html_printf(h, "<li>%s &lt;%s&gt; — %s, %s: %s</li>", zWho, aN[i].zEmail,
                  notice_kind_label(aN[i].zKind),
                  page_time(pArena, aN[i].tSent),
                  delivery_label(aN[i].zDelivery));
    } else {
      html_printf(
          h, "<li>%s — %s, %s: %s</li>", zWho, notice_kind_label(aN[i].zKind),
          page_time(pArena, aN[i].tSent), delivery_label(aN[i].zDelivery));
    }
  }
  html_printf(h, "</ul></details>\n");
}
