/*
** Requests to authorities (plan line 5: authorities report on the Plan de
** Emergencia Habitacional): what the council asked, whom, when and by
** which agreement, and the answers, so it sees what is still pending.
**
** GET  /solicitudes          signed in: pending first, then answered
** POST /solicitudes          admin: authority, asked_on, question,
**                            agreement (id or empty) -> 303
** POST /solicitudes/ID       admin: answered_on, body -> 303
*/
#include <stdlib.h>
#include <string.h>

#include "pages/meetings/meetings_pages.h"
#include "store/people/people.h"

#define REQUEST_TEXT_MAX 4000

static const char *date_or_today(Request *r, const char *zField) {
  const char *z = request_field(r, zField);
  return z && *z ? z : meeting_today(request_arena(r));
}

/* What a refused submission re-shows: the messages, and which form they
** belong to (iAnswer: the request whose answer form was sent, 0: the new
** request form). The typed values are read back from the request. */
typedef struct RequestsReshow {
  FormErrors err;  /* Messages for the form that was sent */
  int64_t iAnswer; /* Request answered, 0 for a new request */
} RequestsReshow;

static void requests_show(Request *r, const RequestsReshow *pRe);

/* A <textarea> with its label and, under it, pErr's message for zName. */
static void text_area(Html *h, const FormErrors *pErr, const char *zId,
                      const char *zName, const char *zLabel,
                      const char *zValue) {
  const char *zMsg = pErr ? form_error_for(pErr, zName) : NULL;
  html_printf(h,
              "<div class=\"field%s\"><label for=\"%s\">%s</label><textarea "
              "id=\"%s\" name=\"%s\" rows=\"3\" required "
              "aria-invalid=\"%s\">%s</textarea>",
              zMsg ? " has-error" : "", zId, zLabel, zId, zName,
              zMsg ? "true" : "false", zValue ? zValue : "");
  if (zMsg) html_printf(h, "<p class=\"field-error\">%s</p>", zMsg);
  html_printf(h, "</div>\n");
}

static void requests_post(Request *r) {
  Db *pDb = request_db(r);
  MeetingRequest q;
  memset(&q, 0, sizeof(q));
  q.zAuthority = request_field(r, "authority");
  q.zQuestion = request_field(r, "question");
  q.zAskedOn = date_or_today(r, "asked_on");
  const char *zAgr = request_field(r, "agreement");
  q.iAgreement = request_field_id(r, "agreement");
  MeetingAgreement g;
  RequestsReshow re;
  memset(&re, 0, sizeof(re));
  form_errors_init(&re.err);
  if (!q.zAuthority || !*q.zAuthority || strlen(q.zAuthority) > 200) {
    form_error(&re.err, "authority",
               "Indique a qué autoridad se le pidió (hasta 200 caracteres).");
  }
  if (!q.zQuestion || !*q.zQuestion || strlen(q.zQuestion) > REQUEST_TEXT_MAX) {
    form_error(&re.err, "question",
               "Escriba qué se pidió (hasta 4000 caracteres).");
  }
  if (zAgr && *zAgr && !q.iAgreement) {
    form_error(&re.err, "agreement", "Elija un acuerdo de la lista.");
  }
  if (!agreement_date_valid(q.zAskedOn)) {
    form_error(&re.err, "asked_on",
               "La fecha debe escribirse AAAA-MM-DD y existir.");
  }
  if (q.iAgreement &&
      meeting_agreement_get(pDb, request_arena(r), page_council_id(r),
                            q.iAgreement, &g) != DB_OK) {
    form_error(&re.err, "agreement", "Ese acuerdo no existe.");
  }
  if (re.err.n) {
    requests_show(r, &re);
    return;
  }
  if (!page_db_ok(r, meeting_request_insert(pDb, page_council_id(r), &q)))
    return;
  respond_redirect(r, "/solicitudes");
}

void page_authority_requests(Request *r) {
  if (request_is_post(r)) { /* The officer's only (routes.c) */
    requests_post(r);
    return;
  }
  requests_show(r, NULL);
}

/* The list and its forms; pRe non-NULL re-shows the form that was sent with
** the typed values and its messages, and answers 422. */
static void requests_show(Request *r, const RequestsReshow *pRe) {
  int bAdmin = page_user_is(r, ROLE_ADMIN);
  const FormErrors *pNewErr = pRe && pRe->iAnswer == 0 ? &pRe->err : NULL;
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  int64_t iCouncil = page_council_id(r);
  MeetingRequest *aReq = NULL;
  MeetingAgreement *aAgr = NULL;
  int nReq = 0, nAgr = 0;
  if (!page_db_ok(r,
                  meeting_request_list(pDb, pArena, iCouncil, &aReq, &nReq)) ||
      !page_db_ok(
          r, meeting_agreement_list(pDb, pArena, iCouncil, 0, &aAgr, &nAgr))) {
    return;
  }
  Html h;
  page_begin_titled(r, &h, "Solicitudes a autoridades", "acuerdos");
  if (pRe) form_errors_summary(&h, &pRe->err);
  int nPending = 0;
  for (int i = 0; i < nReq; i++) nPending += aReq[i].nAnswer == 0;
  html_printf(&h,
              "<p class=\"summary\">Pendientes: <strong>%d</strong> · "
              "Respondidas: <strong>%d</strong></p>\n",
              nPending, nReq - nPending);
  if (nReq == 0)
    html_printf(&h, "<p>Aún no hay solicitudes registradas.</p>\n");
  for (int i = 0; i < nReq; i++) {
    const MeetingRequest *q = &aReq[i];
    html_printf(&h,
                "<article class=\"request\"><h2>%s <span class=\"badge %s\">"
                "%s</span></h2><p>Pedido el %s: %s</p>\n",
                q->zAuthority, q->nAnswer ? "badge-ok" : "badge-warn",
                q->nAnswer ? "Respondida" : "Pendiente", q->zAskedOn,
                q->zQuestion);
    if (q->iAgreement) {
      html_printf(&h,
                  "<p>Por el acuerdo: <a href=\"/acuerdos/%lld\">%s</a></p>\n",
                  (long long)q->iAgreement, q->zAgreement);
    }
    for (int k = 0; k < q->nAnswer; k++) {
      html_printf(&h, "<blockquote><p><strong>Respuesta del %s:</strong> ",
                  q->aAnswer[k].zDate);
      html_text_lines(&h, q->aAnswer[k].zBody);
      html_printf(&h, "</p></blockquote>\n");
    }
    if (bAdmin) {
      const FormErrors *pAnsErr =
          pRe && pRe->iAnswer == q->id ? &pRe->err : NULL;
      const char *zDate = pAnsErr ? request_field(r, "answered_on") : NULL;
      const char *zBody = pAnsErr ? request_field(r, "body") : NULL;
      const char *zDateMsg =
          pAnsErr ? form_error_for(pAnsErr, "answered_on") : NULL;
      html_printf(&h, "<details%s><summary>Registrar una respuesta</summary>",
                  pAnsErr ? " open" : "");
      page_post_form(&h, r, "form", "/solicitudes/%lld", (long long)q->id);
      html_printf(&h,
                  "<div class=\"field%s\"><label>Fecha <input type=\"date\" "
                  "name=\"answered_on\" value=\"%s\"></label>",
                  zDateMsg ? " has-error" : "", zDate ? zDate : "");
      if (zDateMsg)
        html_printf(&h, "<p class=\"field-error\">%s</p>", zDateMsg);
      html_printf(&h, "</div>\n");
      text_area(&h, pAnsErr,
                arena_printf(pArena, "body_%lld", (long long)q->id), "body",
                "Respuesta", zBody);
      html_printf(&h,
                  "<div class=\"actions\"><button type=\"submit\" "
                  "class=\"button\">Guardar respuesta</button></div></form>"
                  "</details>\n");
    }
    html_printf(&h, "</article>\n");
  }
  if (bAdmin) {
    html_printf(&h, "<section><h2>Nueva solicitud</h2>");
    page_post_form(&h, r, "form", "/solicitudes");
    const char *zAuth = pNewErr ? request_field(r, "authority") : NULL;
    const char *zAsked = pNewErr ? request_field(r, "asked_on") : NULL;
    const char *zQuestion = pNewErr ? request_field(r, "question") : NULL;
    const char *zAgr = pNewErr ? request_field(r, "agreement") : NULL;
    form_input(&h, pNewErr, "authority", "Autoridad", "text",
               zAuth ? zAuth : "",
               "Por ejemplo: la Seremi, la dirección regional o una jefatura.",
               "required");
    form_input(&h, pNewErr, "asked_on", "Fecha de la solicitud", "date",
               zAsked ? zAsked : meeting_today(pArena), NULL, NULL);
    text_area(&h, pNewErr, "question", "question", "Qué se pidió", zQuestion);
    const char *zAgrMsg = pNewErr ? form_error_for(pNewErr, "agreement") : NULL;
    html_printf(&h,
                "<div class=\"field%s\"><label for=\"agreement\">Acuerdo que "
                "la pide</label><select id=\"agreement\" name=\"agreement\">"
                "<option value=\"\">Ninguno</option>",
                zAgrMsg ? " has-error" : "");
    for (int i = 0; i < nAgr; i++) {
      int bSel = zAgr && request_field_id(r, "agreement") == aAgr[i].id;
      html_printf(&h, "<option value=\"%lld\"%s>%.80s</option>",
                  (long long)aAgr[i].id, bSel ? " selected" : "",
                  aAgr[i].zText);
    }
    html_printf(&h, "</select>");
    if (zAgrMsg) html_printf(&h, "<p class=\"field-error\">%s</p>", zAgrMsg);
    html_printf(&h,
                "</div><div class=\"actions\"><button type=\"submit\" "
                "class=\"button\">Registrar solicitud</button></div></form>"
                "</section>\n");
  }
  page_finish(r, &h, pRe ? 422 : 200);
}

void page_authority_request(Request *r) {
  Db *pDb = request_db(r);
  int64_t iId = request_param_id(r, 0);
  const char *zDate = date_or_today(r, "answered_on");
  const char *zBody = request_field(r, "body");
  RequestsReshow re;
  memset(&re, 0, sizeof(re));
  form_errors_init(&re.err);
  re.iAnswer = iId;
  if (!zBody || !*zBody || strlen(zBody) > REQUEST_TEXT_MAX) {
    form_error(&re.err, "body",
               "Escriba la respuesta (hasta 4000 caracteres).");
  }
  if (!agreement_date_valid(zDate)) {
    form_error(&re.err, "answered_on",
               "La fecha debe escribirse AAAA-MM-DD y existir.");
  }
  if (re.err.n) {
    MeetingRequest *aReq = NULL;
    int nReq = 0, bFound = 0;
    if (!page_db_ok(
            r, meeting_request_list(pDb, request_arena(r), page_council_id(r),
                                    &aReq, &nReq))) {
      return;
    }
    for (int i = 0; i < nReq; i++) bFound |= aReq[i].id == re.iAnswer;
    if (!bFound) {
      respond_error(r, 404, "No existe esa solicitud.");
      return;
    }
    requests_show(r, &re);
    return;
  }
  int rc = meeting_request_answer(pDb, page_council_id(r), iId, zDate, zBody);
  if (rc != DB_OK) {
    respond_error(r, rc == DB_DONE ? 404 : 500, "No existe esa solicitud.");
    return;
  }
  respond_redirect(r, "/solicitudes");
}
