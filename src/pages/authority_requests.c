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

#include "pages/sessions_pages.h"
#include "people/people.h"

#define REQUEST_TEXT_MAX 4000

static const char *date_or_today(Request *r, const char *zField) {
  const char *z = request_field(r, zField);
  return z && *z ? z : session_today(request_arena(r));
}

static void requests_post(Request *r) {
  Db *pDb = request_db(r);
  SessionRequest q;
  memset(&q, 0, sizeof(q));
  q.zAuthority = request_field(r, "authority");
  q.zQuestion = request_field(r, "question");
  q.zAskedOn = date_or_today(r, "asked_on");
  const char *zAgr = request_field(r, "agreement");
  q.iAgreement = zAgr && *zAgr ? atoll(zAgr) : 0;
  SessionAgreement g;
  const char *zErr = NULL;
  if (!q.zAuthority || !*q.zAuthority || strlen(q.zAuthority) > 200) {
    zErr = "Indique a qué autoridad se le pidió (hasta 200 caracteres).";
  } else if (!q.zQuestion || !*q.zQuestion ||
             strlen(q.zQuestion) > REQUEST_TEXT_MAX) {
    zErr = "Escriba qué se pidió (hasta 4000 caracteres).";
  } else if (!agreement_date_valid(q.zAskedOn)) {
    zErr = "La fecha debe escribirse AAAA-MM-DD y existir.";
  } else if (q.iAgreement && session_agreement_get(pDb, request_arena(r),
                                                   people_council_id(pDb),
                                                   q.iAgreement, &g) != DB_OK) {
    zErr = "Ese acuerdo no existe.";
  }
  if (zErr) {
    respond_error(r, 422, zErr);
    return;
  }
  if (session_request_insert(pDb, people_council_id(pDb), &q) != DB_OK) {
    respond_error(r, 500, NULL);
    return;
  }
  respond_redirect(r, "/solicitudes");
}

void page_authority_requests(Request *r) {
  const User *pUser = request_user(r);
  int bAdmin = (pUser->mRole & ROLE_ADMIN) != 0;
  if (request_is_post(r)) {
    if (!bAdmin) {
      respond_error(r, 403,
                    "Solo la encargada o el encargado registra las "
                    "solicitudes.");
      return;
    }
    requests_post(r);
    return;
  }
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  int64_t iCouncil = people_council_id(pDb);
  SessionRequest *aReq = NULL;
  SessionAgreement *aAgr = NULL;
  int nReq = 0, nAgr = 0;
  if (session_request_list(pDb, pArena, iCouncil, &aReq, &nReq) != DB_OK ||
      session_agreement_list(pDb, pArena, iCouncil, 0, &aAgr, &nAgr) != DB_OK) {
    respond_error(r, 500, NULL);
    return;
  }
  Html h;
  page_begin(r, &h, "Solicitudes a autoridades", "acuerdos");
  html_printf(&h, "<h1>Solicitudes a autoridades</h1>\n");
  int nPending = 0;
  for (int i = 0; i < nReq; i++) nPending += aReq[i].nAnswer == 0;
  html_printf(&h,
              "<p class=\"summary\">Pendientes: <strong>%d</strong> · "
              "Respondidas: <strong>%d</strong></p>\n",
              nPending, nReq - nPending);
  if (nReq == 0)
    html_printf(&h, "<p>Aún no hay solicitudes registradas.</p>\n");
  for (int i = 0; i < nReq; i++) {
    const SessionRequest *q = &aReq[i];
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
      html_printf(
          &h,
          "<details><summary>Registrar una respuesta</summary><form "
          "class=\"form\" method=\"post\" action=\"/solicitudes/%lld\">",
          (long long)q->id);
      form_csrf(&h, request_csrf_token(r));
      html_printf(
          &h,
          "<label>Fecha <input type=\"date\" name=\"answered_on\"></label>"
          "<label>Respuesta <textarea name=\"body\" rows=\"3\" "
          "required></textarea></label><div class=\"actions\"><button "
          "type=\"submit\" class=\"button\">Guardar respuesta</button>"
          "</div></form></details>\n");
    }
    html_printf(&h, "</article>\n");
  }
  if (bAdmin) {
    html_printf(&h,
                "<section><h2>Nueva solicitud</h2><form class=\"form\" "
                "method=\"post\" action=\"/solicitudes\">");
    form_csrf(&h, request_csrf_token(r));
    form_input(&h, NULL, "authority", "Autoridad", "text", "",
               "Por ejemplo: SEREMI MINVU Coquimbo.", "required");
    form_input(&h, NULL, "asked_on", "Fecha de la solicitud", "date",
               session_today(pArena), NULL, NULL);
    html_printf(&h,
                "<label for=\"question\">Qué se pidió</label><textarea "
                "id=\"question\" name=\"question\" rows=\"3\" required>"
                "</textarea>\n<label for=\"agreement\">Acuerdo que la pide"
                "</label><select id=\"agreement\" name=\"agreement\">"
                "<option value=\"\">Ninguno</option>");
    for (int i = 0; i < nAgr; i++) {
      html_printf(&h, "<option value=\"%lld\">%.80s</option>",
                  (long long)aAgr[i].id, aAgr[i].zText);
    }
    html_printf(&h,
                "</select><div class=\"actions\"><button type=\"submit\" "
                "class=\"button\">Registrar solicitud</button></div></form>"
                "</section>\n");
  }
  page_finish(r, &h, 200);
}

void page_authority_request(Request *r) {
  Db *pDb = request_db(r);
  const char *zId = request_param(r, 0);
  const char *zDate = date_or_today(r, "answered_on");
  const char *zBody = request_field(r, "body");
  if (!zBody || !*zBody || strlen(zBody) > REQUEST_TEXT_MAX) {
    respond_error(r, 422, "Escriba la respuesta (hasta 4000 caracteres).");
    return;
  }
  if (!agreement_date_valid(zDate)) {
    respond_error(r, 422, "La fecha debe escribirse AAAA-MM-DD y existir.");
    return;
  }
  int rc = session_request_answer(pDb, people_council_id(pDb),
                                  zId ? atoll(zId) : 0, zDate, zBody);
  if (rc != DB_OK) {
    respond_error(r, rc == DB_DONE ? 404 : 500, "No existe esa solicitud.");
    return;
  }
  respond_redirect(r, "/solicitudes");
}
