/*
** The outbox as the officer sees it (admin only).
**
** GET  /admin/correo                 — counts by state, the messages newest
**                                      first, LIST_PAGE_SIZE a page (pagina),
**                                      with their state, attempts and last
**                                      error, and the test-mail form.
**      ?enviado=1                    — notice after queuing the test mail.
** POST /admin/correo  accion=prueba, to, csrf_token
**                                    — queues the test message (text, HTML
**                                      and an .ics invitation): 303 back;
**                                      422 with the form when `to` is bad.
** POST /admin/correo  accion=reintentar, id, csrf_token
**                                    — a `fallido` message goes back to
**                                      `pendiente` with its attempts reset.
*/
#include <stdlib.h>
#include <string.h>

#include "domain/chile_time.h"
#include "mail/outbox.h"
#include "mail/sample.h"
#include "mail/sender.h"
#include "pages/page.h"
#include "render/pager.h"
#include "render/table.h"

/* Spanish label and badge class of a state. */
static const char *state_label(const char *zState, const char **pzClass) {
  if (strcmp(zState, OUTBOX_STATE_SENT) == 0) {
    *pzClass = "badge badge-ok";
    return "Enviado";
  }
  if (strcmp(zState, OUTBOX_STATE_FAILED) == 0) {
    *pzClass = "badge badge-error";
    return "Fallido";
  }
  *pzClass = "badge badge-warn";
  return "Pendiente";
}

/* "2025-04-15 10:00" in Santiago time. */
static const char *local_time(Arena *pArena, int64_t t) {
  LocalTime lt;
  chile_time_from_utc(t, &lt, NULL);
  return arena_printf(pArena, "%04d-%02d-%02d %02d:%02d", lt.iYear, lt.iMonth,
                      lt.iDay, lt.iHour, lt.iMinute);
}

/* The outbox, LIST_PAGE_SIZE messages a page (?pagina=): 0 when reading
** it failed (the request has been answered). */
static int outbox_table(Request *r, Html *h) {
  Arena *pArena = request_arena(r);
  OutboxRow *aRow = NULL;
  int nRow = 0;
  ListPage pg;
  list_page_numbered(&pg, request_query(r, "pagina"), LIST_PAGE_SIZE);
  if (!page_db_ok(r, outbox_list(request_db(r), pArena, page_council_id(r),
                                 NULL, 0, &pg, &aRow, &nRow))) {
    return 0;
  }
  if (pg.nTotal == 0) {
    html_printf(h, "<p>La bandeja de salida está vacía.</p>\n");
    return 1;
  }
  if (nRow == 0) {
    pager_html(h, "/admin/correo", "", &pg, "mensaje", "mensajes");
    return 1;
  }
  static const char *const azColumn[] = {"Destinatario", "Asunto", "Estado",
                                         "Intentos", "Detalle"};
  HtmlTable t;
  table_open(&t, h, "table table-cards", NULL);
  table_caption(&t, "Mensajes, los más recientes primero");
  table_head(&t, azColumn, 5);
  for (int i = 0; i < nRow; i++) {
    const OutboxRow *p = &aRow[i];
    const char *zClass = "";
    const char *zLabel = state_label(p->zState, &zClass);
    table_row_open_with(&t, "data-mail-id=\"%lld\" data-state=\"%s\"",
                        (long long)p->id, p->zState);
    table_cell(&t, "%s", p->zTo);
    table_cell(&t, "%s", p->zSubject);
    table_cell(&t, "<span class=\"%s\">%s</span>", zClass, zLabel);
    table_cell(&t, "%d", p->nAttempt);
    table_cell_open(&t);
    if (strcmp(p->zState, OUTBOX_STATE_SENT) == 0) {
      html_printf(h, "Aceptado por el servidor el %s.",
                  local_time(pArena, p->iSent));
    } else {
      if (*p->zError)
        html_printf(h, "<span class=\"mail-error\">%s</span> ", p->zError);
      if (strcmp(p->zState, OUTBOX_STATE_PENDING) == 0) {
        if (p->nAttempt == 0) {
          html_printf(h, "En espera desde el %s.",
                      local_time(pArena, p->iCreated));
        } else {
          html_printf(h, "Próximo intento: %s.",
                      local_time(pArena, p->iNextAttempt));
        }
      } else {
        html_printf(h,
                    "<form method=\"post\" action=\"/admin/correo\" "
                    "class=\"inline-form\"><input type=\"hidden\" "
                    "name=\"csrf_token\" value=\"%s\"><input type=\"hidden\" "
                    "name=\"accion\" value=\"reintentar\"><input "
                    "type=\"hidden\" name=\"id\" value=\"%lld\"><button "
                    "type=\"submit\" class=\"link-button\">Reintentar"
                    "</button></form>",
                    request_csrf_token(r), (long long)p->id);
      }
    }
    table_cell_close(&t);
    table_row_close(&t);
  }
  table_close(&t);
  pager_html(h, "/admin/correo", "", &pg, "mensaje", "mensajes");
  return 1;
}

static void mail_page(Request *r, int iStatus, const FormErrors *pErr) {
  Html h;
  page_begin_titled(r, &h, "Correo", "correo");
  if (request_query(r, "enviado")) {
    html_printf(&h,
                "<div class=\"notice notice-ok\" role=\"status\">El "
                "mensaje de prueba quedó en la bandeja de salida.</div>\n");
  }
  if (!mail_sender_running()) {
    html_printf(&h,
                "<div class=\"notice notice-warn\" role=\"status\">Este "
                "servidor no tiene configurado un servidor de correo "
                "(opción --smtp o COSOC_SMTP_URL): los mensajes esperan "
                "en la bandeja de salida hasta que se configure.</div>\n");
  }
  int nPending = 0, nSent = 0, nFailed = 0;
  outbox_counts(request_db(r), page_council_id(r), &nPending, &nSent, &nFailed);
  html_printf(&h,
              "<p class=\"mail-counts\">Pendientes: <strong>%d</strong> · "
              "Enviados: <strong>%d</strong> · Fallidos: <strong>%d"
              "</strong></p>\n",
              nPending, nSent, nFailed);
  html_printf(&h,
              "<h2>Enviar un correo de prueba</h2>\n<p>Llega un mensaje "
              "con una invitación de calendario de ejemplo: sirve para "
              "comprobar que el correo funciona y que el calendario la "
              "acepta.</p>\n");
  form_errors_summary(&h, pErr);
  page_post_action_form(&h, r, "form", "prueba", "/admin/correo");
  form_input(&h, pErr, "to", "Enviar a", "email",
             pErr ? request_field(r, "to") : NULL, NULL,
             "autocomplete=\"email\" required");
  html_printf(&h,
              "<div class=\"actions\"><button type=\"submit\" "
              "class=\"button button-primary\">Enviar prueba</button>"
              "</div>\n</form>\n<h2>Bandeja de salida</h2>\n");
  if (!outbox_table(r, &h)) return; /* Answered 500; the page is dropped */
  page_finish(r, &h, iStatus);
}

void page_admin_mail(Request *r) {
  if (!request_is_post(r)) {
    mail_page(r, 200, NULL);
    return;
  }
  const char *zAction = request_field(r, "accion");
  if (zAction && strcmp(zAction, "reintentar") == 0) {
    int64_t iId = request_field_id(r, "id");
    if (!iId) {
      respond_error(r, 400, "Falta el mensaje que se quiere reintentar.");
      return;
    }
    if (!page_db_ok(r, outbox_retry_now(request_db(r), page_council_id(r), iId,
                                        db_now()))) {
      return;
    }
    mail_sender_wake();
    respond_redirect(r, "/admin/correo");
    return;
  }
  if (!zAction || strcmp(zAction, "prueba") != 0) {
    respond_error(r, 400, "No se reconoce la acción pedida.");
    return;
  }
  FormErrors err;
  form_errors_init(&err);
  const char *zProblem = NULL;
  int64_t iId = 0;
  const Council *c = page_council(r);
  int rc = mail_queue_sample(request_db(r), request_arena(r), c ? c->id : 0,
                             c ? c->zShortName : NULL, request_field(r, "to"),
                             NULL, &iId, &zProblem);
  if (rc == OUTBOX_INVALID) {
    form_error(&err, "to", zProblem);
    mail_page(r, 422, &err);
    return;
  }
  if (rc == OUTBOX_ERROR) {
    respond_error(r, 500, NULL);
    return;
  }
  mail_sender_wake();
  respond_redirect(r, "/admin/correo?enviado=1");
}
