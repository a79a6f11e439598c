/*
** The privacy notice and the requests to exercise a right (issue 21):
**
** GET  /privacidad                      the notice, written from the
**                                       council's settings (public)
** GET/POST /privacidad/solicitud        the public request form (no
**                                       account; CSRF)
** GET/POST /admin/privacidad            the officer's requests, each with
**                                       its 30-day clock; a request taken
**                                       by phone or at the office; the
**                                       notice's texts and retention
** GET/POST /admin/privacidad/solicitudes/ID   one request: the person it
**                                       concerns, the answer letter (PDF,
**                                       sent through the outbox)
** GET  /admin/privacidad/solicitudes/ID/carta.pdf
*/
#include <stdlib.h>
#include <string.h>

#include "domain/chile_time.h"
#include "domain/privacy.h"
#include "export/export.h"
#include "export/privacy_pdf.h"
#include "mail/outbox.h"
#include "pages/privacy/privacy_pages.h"
#include "render/table.h"
#include "store/council/council_privacy.h"
#include "store/people/people.h"
#include "store/privacy/audit_store.h"
#include "store/privacy/consent_store.h"
#include "store/privacy/request_store.h"
#include "util/text.h"

const char *privacy_today(void) {
  static __thread char z[CHILE_TIME_DATE_SIZE];
  chile_time_format_date(db_now(), z);
  return z;
}

const char *privacy_id(Arena *pArena, int64_t id) {
  return arena_printf(pArena, "%lld", (long long)id);
}

/* "vence el 02-01-2027 (en 30 días)", "venció hace 3 días". */
static const char *clock_text(Arena *pArena, const char *zDue) {
  int n = privacy_days_left(privacy_today(), zDue);
  const char *zDate = page_date(pArena, zDue);
  if (n > 1) return arena_printf(pArena, "vence el %s (en %d días)", zDate, n);
  if (n == 1) return arena_printf(pArena, "vence mañana, %s", zDate);
  if (n == 0) return arena_printf(pArena, "vence hoy, %s", zDate);
  return arena_printf(pArena, "venció el %s (hace %d %s)", zDate, -n,
                      n == -1 ? "día" : "días");
}

void privacy_home_card(Request *r, Html *h) {
  Arena *pArena = request_arena(r);
  int nOpen = 0;
  const char *zFirst = "";
  if (privacy_request_open(request_db(r), pArena, page_council_id(r), &nOpen,
                           &zFirst) != DB_OK) {
    return;
  }
  html_printf(h,
              "<section class=\"card%s\"><h2>Datos personales</h2><p>%s%s"
              "</p><p><a class=\"button button-secondary\" "
              "href=\"/admin/privacidad\">Solicitudes</a> <a "
              "href=\"/admin/auditoria\">Auditoría</a></p></section>",
              nOpen && privacy_days_left(privacy_today(), zFirst) < 5
                  ? " card-alert"
                  : "",
              nOpen == 0   ? "No hay solicitudes por responder."
              : nOpen == 1 ? "1 solicitud por responder: "
                           : arena_printf(pArena,
                                          "%d solicitudes por responder; la "
                                          "primera ",
                                          nOpen),
              nOpen ? clock_text(pArena, zFirst) : "");
}

/* ---- The notice ---- */

void page_privacy(Request *r) {
  Arena *pArena = request_arena(r);
  Db *pDb = request_db(r);
  const Council *c = page_council(r);
  if (!c) {
    respond_error(r, 404, NULL);
    return;
  }
  Html h;
  page_begin_titled(r, &h, "Privacidad y datos personales", "privacidad");
  html_printf(&h,
              "<p class=\"lead\">"
              "Cómo %s trata los datos personales de consejeros, "
              "participantes e invitados, conforme a la Ley 21.719 de "
              "protección de datos personales.</p>\n",
              c->zName);
  for (int i = 0; i < PRIVACY_TEXT_N; i++) {
    html_printf(&h, "<h2>%s</h2>\n", council_privacy_text_label(i));
    html_text_lines(&h, council_privacy_text(pDb, pArena, c, i));
    html_printf(&h, "\n");
  }
  html_printf(&h,
              "<h2>Datos sensibles</h2>\n<p>Los datos sensibles (por "
              "ejemplo, discapacidad, pertenencia a un pueblo originario, "
              "orientación sexual o identidad de género, salud) solo se "
              "registran con su consentimiento expreso, se guardan aparte, "
              "solo los ve la encargada o encargado y se informan únicamente "
              "como cifras agregadas, sin mostrar grupos de menos de cinco "
              "personas.</p>\n<h2>Cuánto tiempo se guardan</h2>\n<ul>");
  for (int i = 0; i < RETENTION_N; i++) {
    html_printf(&h, "<li>%s: %lld</li>", council_retention_label(i),
                (long long)council_retention(pDb, c->id, i));
  }
  html_printf(&h,
              "</ul>\n<p>Vencidos esos plazos, los datos se anonimizan. Lo "
              "que forma parte de un registro público (un acta aprobada, un "
              "certificado emitido) se conserva tal como se aprobó o "
              "emitió.</p>\n<h2>Sus derechos</h2>\n<ul>");
  for (int i = 0; privacy_rights[i].zSlug; i++) {
    html_printf(&h, "<li><strong>%s</strong>: %s</li>",
                privacy_rights[i].zLabel, privacy_rights[i].zHint);
  }
  html_printf(&h,
              "</ul>\n<p>Puede ejercerlos sin costo con el <a "
              "href=\"/privacidad/solicitud\">formulario de solicitud</a>, "
              "sin necesidad de cuenta. Le responderemos dentro de %d días "
              "corridos. Si no queda conforme, puede reclamar ante la "
              "Agencia de Protección de Datos Personales.</p>\n",
              PRIVACY_ANSWER_DAYS);
  page_finish(r, &h, 200);
}

/* ---- The request form ---- */

static void right_options(Html *h, const FormErrors *pErr,
                          const char *zSelected) {
  form_select_begin(h, pErr, "derecho", "Qué derecho quiere ejercer");
  html_printf(h, "<option value=\"\">Elija uno</option>");
  for (int i = 0; privacy_rights[i].zSlug; i++) {
    html_printf(h, "<option value=\"%s\"%s>%s — %s</option>",
                privacy_rights[i].zSlug,
                zSelected && strcmp(zSelected, privacy_rights[i].zSlug) == 0
                    ? " selected"
                    : "",
                privacy_rights[i].zLabel, privacy_rights[i].zHint);
  }
  form_select_end(h, pErr, "derecho");
}

/* The fields a request form has (public and officer's alike). */
static void privacy_form_fields(Html *h, Request *r, const FormErrors *pErr) {
  right_options(h, pErr, request_field(r, "derecho"));
  form_input(h, pErr, "nombre", "Nombre completo", "text",
             request_field(r, "nombre"), NULL,
             "required autocomplete=\"name\"");
  form_input(h, pErr, "correo", "Correo electrónico (para responderle)",
             "email", request_field(r, "correo"), NULL,
             "autocomplete=\"email\"");
  form_input(h, pErr, "telefono", "Teléfono (si prefiere que lo llamemos)",
             "tel", request_field(r, "telefono"), NULL, "autocomplete=\"tel\"");
  form_input(h, pErr, "run", "RUN (opcional: nos ayuda a encontrar sus datos)",
             "text", request_field(r, "run"), NULL, NULL);
  const char *zDetail = request_field(r, "detalle");
  html_printf(
      h,
      "<div class=\"field\"><label for=\"detalle\">Detalle (qué "
      "datos, qué corregir…)</label><textarea id=\"detalle\" "
      "name=\"detalle\" rows=\"4\" maxlength=\"4000\">%s</textarea>"
      "%s%s%s</div>\n",
      zDetail ? zDetail : "",
      form_error_for(pErr, "detalle") ? "<p class=\"field-error\">" : "",
      form_error_for(pErr, "detalle") ? form_error_for(pErr, "detalle") : "",
      form_error_for(pErr, "detalle") ? "</p>" : "");
}

/* Checks and saves a request from the posted form: its id, or 0 with the
** problems in pErr (nothing written). */
static int64_t request_from_form(Request *r, const char *zChannel,
                                 FormErrors *pErr) {
  PrivacyRequest req;
  form_errors_init(pErr);
  privacy_request_check(request_arena(r), request_field(r, "derecho"),
                        request_field(r, "nombre"), request_field(r, "correo"),
                        request_field(r, "telefono"), request_field(r, "run"),
                        request_field(r, "detalle"), &req, pErr);
  if (pErr->n) return 0;
  req.zChannel = zChannel;
  int64_t iCouncil = page_require_council(r);
  if (!iCouncil) return -1;
  if (!page_db_ok(r, privacy_request_create(request_db(r), iCouncil, &req))) {
    return -1;
  }
  return req.id;
}

void page_privacy_request(Request *r) {
  FormErrors err;
  form_errors_init(&err);
  if (request_is_post(r)) {
    int64_t id = request_from_form(r, "formulario", &err);
    if (id < 0) return;
    if (id > 0) {
      respond_redirect(r, arena_printf(request_arena(r),
                                       "/privacidad/solicitud?recibida=%lld",
                                       (long long)id));
      return;
    }
  }
  Html h;
  page_begin(r, &h, "Solicitud sobre datos personales", "privacidad");
  int64_t iDone = request_query_id(r, "recibida");
  if (iDone) {
    char zDue[11] = "";
    privacy_due_date(privacy_today(), zDue);
    html_printf(&h,
                "<h1>Solicitud recibida</h1>\n<p class=\"notice "
                "notice-success\" role=\"status\">Recibimos su solicitud "
                "n.º %lld. Le responderemos a más tardar el %s.</p>\n<p><a "
                "href=\"/privacidad\">Volver a la política de privacidad</a>"
                "</p>\n",
                (long long)iDone, page_date(request_arena(r), zDue));
    page_finish(r, &h, 200);
    return;
  }
  html_printf(&h,
              "<h1>Solicitud sobre sus datos personales</h1>\n<p>Pida "
              "acceso, rectificación, supresión, oposición, portabilidad o "
              "bloqueo de los datos que el consejo tiene de usted. No "
              "necesita cuenta. Le responderemos dentro de %d días "
              "corridos.</p>\n",
              PRIVACY_ANSWER_DAYS);
  form_errors_summary(&h, &err);
  page_post_form(&h, r, "form", "/privacidad/solicitud");
  privacy_form_fields(&h, r, &err);
  html_printf(&h,
              "<div class=\"actions\"><button type=\"submit\" "
              "class=\"button\">Enviar solicitud</button></div>\n</form>\n");
  page_finish(r, &h, err.n ? 422 : 200);
}

/* ---- The officer's requests ---- */

static void settings_form(Html *h, Request *r, const Council *c) {
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  html_printf(h,
              "<h2 id=\"aviso\">Política de privacidad y plazos de "
              "conservación</h2>\n<p>Lo que dice <a "
              "href=\"/privacidad\">/privacidad</a>. Deje un texto vacío para "
              "volver al texto por omisión.</p>\n");
  page_post_action_form(h, r, "form", "ajustes", "/admin/privacidad");
  for (int i = 0; i < PRIVACY_TEXT_N; i++) {
    html_printf(h,
                "<div class=\"field\"><label for=\"%s\">%s</label><textarea "
                "id=\"%s\" name=\"%s\" rows=\"3\" maxlength=\"4000\">%s"
                "</textarea></div>\n",
                council_privacy_text_name(i), council_privacy_text_label(i),
                council_privacy_text_name(i), council_privacy_text_name(i),
                council_privacy_text(pDb, pArena, c, i));
  }
  for (int i = 0; i < RETENTION_N; i++) {
    html_printf(h,
                "<div class=\"field\"><label for=\"%s\">%s</label><input "
                "id=\"%s\" name=\"%s\" type=\"number\" min=\"%lld\" "
                "max=\"%lld\" value=\"%lld\"></div>\n",
                council_retention_name(i), council_retention_label(i),
                council_retention_name(i), council_retention_name(i),
                (long long)council_retention_min(i),
                (long long)council_retention_max(i),
                (long long)council_retention(pDb, c->id, i));
  }
  html_printf(h,
              "<div class=\"actions\"><button type=\"submit\" "
              "class=\"button\">Guardar</button></div>\n</form>\n");
}

/* Saves the notice and retention form: 1, or 0 with pErr. */
static int save_settings(Request *r, FormErrors *pErr) {
  const char *azText[PRIVACY_TEXT_N];
  int64_t aiRet[RETENTION_N];
  for (int i = 0; i < PRIVACY_TEXT_N; i++) {
    azText[i] = request_field(r, council_privacy_text_name(i));
    if (azText[i] && strlen(azText[i]) > 4000) {
      form_error(pErr, council_privacy_text_name(i),
                 "El texto es demasiado largo (máximo 4000 caracteres).");
    }
  }
  for (int i = 0; i < RETENTION_N; i++) {
    const char *z = request_field(r, council_retention_name(i));
    char *zEnd = NULL;
    long long n = z ? strtoll(z, &zEnd, 10) : -1;
    aiRet[i] = -1;
    if (!z) continue;
    if (!*z || *zEnd || n < council_retention_min(i) ||
        n > council_retention_max(i)) {
      form_error(pErr, council_retention_name(i),
                 arena_printf(request_arena(r),
                              "%s: escriba un número entre %lld y %lld.",
                              council_retention_label(i),
                              (long long)council_retention_min(i),
                              (long long)council_retention_max(i)));
    } else {
      aiRet[i] = n;
    }
  }
  if (pErr->n) return 0;
  const User *u = request_user(r);
  return page_db_ok(r, council_privacy_save(request_db(r), page_council_id(r),
                                            azText, aiRet, u ? u->id : 0))
             ? 1
             : -1;
}

void page_admin_privacy(Request *r) {
  Arena *pArena = request_arena(r);
  FormErrors err;
  form_errors_init(&err);
  int64_t iCouncil = page_require_council(r);
  if (!iCouncil) return;
  if (request_is_post(r)) {
    const char *zAction = request_field(r, "accion");
    if (zAction && strcmp(zAction, "grupo") == 0) {
      /* A special-protection group of the council's own: data, not code. */
      const char *zLabel = request_field(r, "grupo_nombre");
      form_error(&err, "grupo_nombre", text_single_line_problem(zLabel));
      if (!zLabel || !*zLabel || strlen(zLabel) > 120) {
        form_error(&err, "grupo_nombre",
                   "Escriba el nombre del grupo (hasta 120 caracteres).");
      }
      int64_t iGroup = 0;
      if (!err.n) {
        if (!page_db_ok(r, sensitive_group_add(request_db(r), iCouncil, zLabel,
                                               &iGroup))) {
          return;
        }
        respond_redirect(r, "/admin/privacidad?guardado=1#grupos");
        return;
      }
    } else if (zAction && strcmp(zAction, "ajustes") == 0) {
      int rc = save_settings(r, &err);
      if (rc < 0) return;
      if (rc > 0) {
        respond_redirect(r, "/admin/privacidad?guardado=1#aviso");
        return;
      }
    } else {
      int64_t id = request_from_form(r, "encargado", &err);
      if (id < 0) return;
      if (id > 0) {
        respond_redirect(
            r, arena_printf(pArena, "/admin/privacidad/solicitudes/%lld",
                            (long long)id));
        return;
      }
    }
  }
  PrivacyRequest *aReq = NULL;
  int nReq = 0;
  if (!page_db_ok(r, privacy_request_list(request_db(r), pArena, iCouncil,
                                          &aReq, &nReq))) {
    return;
  }
  Html h;
  page_begin_titled(r, &h, "Datos personales", "privacidad");
  html_printf(&h,
              "<p><a "
              "href=\"/admin/auditoria\">Registro de auditoría</a> · <a "
              "href=\"/admin/privacidad/incidentes\">Incidentes de "
              "seguridad</a> · <a "
              "href=\"/privacidad\">Política de privacidad pública</a></p>\n");
  if (request_query(r, "guardado")) {
    html_printf(&h,
                "<p class=\"notice notice-success\" role=\"status\">"
                "Guardado.</p>\n");
  }
  form_errors_summary(&h, &err);
  html_printf(&h, "<h2>Solicitudes de derechos</h2>\n");
  static const char *const azColumn[] = {"N.º",      "Derecho", "Persona",
                                         "Recibida", "Plazo",   "Estado"};
  HtmlTable t;
  table_open(&t, &h, "table table-cards", NULL);
  table_caption_count(&t, nReq, "solicitud", "solicitudes");
  table_head(&t, azColumn, 6);
  for (int i = 0; i < nReq; i++) {
    const PrivacyRequest *p = &aReq[i];
    const PrivacyRight *pRight = privacy_right(p->zKind);
    int bOpen = strcmp(p->zState, "recibida") == 0;
    int nLeft = privacy_days_left(privacy_today(), p->zDue);
    table_row_open(&t);
    table_cell(&t, "<a href=\"/admin/privacidad/solicitudes/%lld\">%lld</a>",
               (long long)p->id, (long long)p->id);
    table_cell(&t, "%s", pRight ? pRight->zLabel : p->zKind);
    table_cell(&t, "%s", p->zName);
    table_cell(&t, "%s", page_date(pArena, p->zReceived));
    table_cell_open_with(&t, "class=\"%s\"",
                         bOpen && nLeft < 5 ? "urgent" : "");
    html_printf(&h, "%s", bOpen ? clock_text(pArena, p->zDue) : "—");
    table_cell_close(&t);
    table_cell(&t, "%s", bOpen ? "Por responder" : "Respondida");
    table_row_close(&t);
  }
  table_close(&t);
  /* Sensitive data only as aggregates, small groups hidden. */
  ProtectionGroup *aG = NULL;
  int nG = 0;
  if (!page_db_ok(
          r, sensitive_aggregate(request_db(r), pArena, iCouncil, &aG, &nG))) {
    return;
  }
  html_printf(&h,
              "<h2 id=\"grupos\">Grupos de especial protección</h2>\n<p>"
              "Personas que "
              "declararon pertenecer a cada grupo, con su consentimiento "
              "expreso. Los grupos de menos de %d personas no se "
              "detallan.</p>\n<div class=\"table-wrap\"><table "
              "class=\"table\"><thead><tr><th scope=\"col\">Grupo</th><th "
              "scope=\"col\">Personas</th></tr></thead><tbody>",
              PRIVACY_SMALL_COUNT);
  for (int i = 0; i < nG; i++) {
    char zCount[16];
    html_printf(&h, "<tr><td>%s</td><td>%s</td></tr>", aG[i].zLabel,
                privacy_count_text(aG[i].nPeople, zCount));
  }
  html_printf(&h,
              "</tbody></table></div>\n<form class=\"form\" "
              "method=\"post\" action=\"/admin/privacidad\">");
  form_csrf(&h, request_csrf_token(r));
  html_printf(&h, "<input type=\"hidden\" name=\"accion\" value=\"grupo\">");
  form_input(&h, &err, "grupo_nombre", "Agregar un grupo", "text", "", NULL,
             "maxlength=\"120\"");
  html_printf(&h,
              "<div class=\"actions\"><button type=\"submit\" "
              "class=\"button\">Agregar</button></div></form>\n");
  html_printf(&h, "<h2>Registrar una solicitud recibida por otra vía</h2>\n");
  page_post_form(&h, r, "form", "/admin/privacidad");
  privacy_form_fields(&h, r, &err);
  html_printf(&h,
              "<div class=\"actions\"><button type=\"submit\" "
              "class=\"button\">Registrar</button></div>\n</form>\n");
  const Council *c = page_council(r);
  settings_form(&h, r, c);
  page_finish(r, &h, err.n ? 422 : 200);
}

/* The letter's text when the officer has written none yet. */
static const char *letter_draft(Arena *pArena, const PrivacyRequest *p) {
  const PrivacyRight *pRight = privacy_right(p->zKind);
  return arena_printf(
      pArena,
      "En respuesta a su solicitud n.º %lld de %s, recibida el %s, le "
      "informamos lo siguiente.\n\n(Escriba aquí la respuesta.)",
      (long long)p->id, pRight ? pRight->zLabel : p->zKind,
      page_date(pArena, p->zReceived));
}

/* The answer letter as PDF bytes. */
static int letter_pdf(Request *r, const PrivacyRequest *p, const char *zAnswer,
                      const char **pzOut, size_t *pnOut) {
  Arena *pArena = request_arena(r);
  const Council *c = page_council(r);
  const PrivacyRight *pRight = privacy_right(p->zKind);
  char zErr[200];
  return privacy_letter_pdf(
      pArena, c ? c->zName : "", page_date(pArena, privacy_today()),
      arena_printf(pArena, "Señor(a) %s", p->zName),
      arena_printf(pArena, "Respuesta a su solicitud de %s (n.º %lld)",
                   pRight ? pRight->zLabel : p->zKind, (long long)p->id),
      zAnswer,
      arena_printf(pArena,
                   "Encargada o encargado de participación "
                   "ciudadana\n%s",
                   c ? c->zName : ""),
      pzOut, pnOut, zErr, sizeof(zErr));
}

/* Records the answer and queues the letter to the requester (when they
** gave an e-mail), in one transaction. */
static int answer(Request *r, const PrivacyRequest *p, const char *zAnswer) {
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  const char *zPdf = NULL;
  size_t nPdf = 0;
  if (letter_pdf(r, p, zAnswer, &zPdf, &nPdf) != EXPORT_OK) return DB_ERROR;
  if (db_begin(pDb) != DB_OK) return DB_ERROR;
  int64_t iMail = 0;
  int rc = DB_OK;
  if (*p->zEmail) {
    const Council *c = page_council(r);
    OutboxAttachment att = {
        .zFilename = arena_printf(pArena, "respuesta-solicitud-%lld.pdf",
                                  (long long)p->id),
        .zContentType = "application/pdf",
        .pData = zPdf,
        .nData = nPdf};
    OutboxMessage msg = {
        .zIdempotencyKey =
            arena_printf(pArena, "privacidad:%lld:%lld", (long long)p->id,
                         (long long)p->iVersion),
        .zTo = p->zEmail,
        .zToName = p->zName,
        .zSubject = arena_printf(pArena, "Respuesta a su solicitud n.º %lld",
                                 (long long)p->id),
        .zText = arena_printf(pArena,
                              "%s\n\nAdjuntamos la carta de respuesta en "
                              "PDF.\n\n%s",
                              zAnswer, c ? c->zName : ""),
        .zRelatedKind = "privacidad",
        .iRelatedId = p->id,
        .aAttach = &att,
        .nAttach = 1};
    int e = outbox_queue(pDb, &msg, &iMail, NULL);
    if (e == OUTBOX_ERROR || e == OUTBOX_INVALID) rc = DB_ERROR;
  }
  const User *u = request_user(r);
  if (rc == DB_OK) {
    rc = privacy_request_answer(pDb, page_council_id(r), p->id, zAnswer, iMail,
                                u ? u->id : 0);
  }
  if (rc == DB_OK) rc = db_commit(pDb);
  if (rc != DB_OK) db_rollback(pDb);
  return rc;
}

void page_admin_privacy_request(Request *r) {
  Arena *pArena = request_arena(r);
  Db *pDb = request_db(r);
  int64_t iCouncil = page_council_id(r);
  PrivacyRequest req;
  int rc =
      privacy_request_get(pDb, pArena, iCouncil, request_param_id(r, 0), &req);
  if (rc == DB_DONE) {
    respond_error(r, 404, NULL);
    return;
  }
  if (!page_db_ok(r, rc)) return;
  const char *zPath = request_path(r);
  if (strstr(zPath, "/carta.pdf")) {
    const char *zPdf = NULL;
    size_t nPdf = 0;
    if (letter_pdf(r, &req,
                   *req.zAnswer ? req.zAnswer : letter_draft(pArena, &req),
                   &zPdf, &nPdf) != EXPORT_OK) {
      respond_error(r, 500, NULL);
      return;
    }
    respond_bytes(r, 200, "application/pdf", zPdf, nPdf);
    return;
  }
  FormErrors err;
  form_errors_init(&err);
  const char *zPosted = NULL;
  if (request_is_post(r)) {
    const char *zAction = request_field(r, "accion");
    if (zAction && strcmp(zAction, "vincular") == 0) {
      int64_t iMember = 0;
      const char *z = request_field(r, "integrante");
      if (z && *z) iMember = strtoll(z, NULL, 10);
      if (!page_db_ok(r,
                      privacy_request_link(pDb, iCouncil, req.id, iMember))) {
        return;
      }
    } else {
      zPosted = request_field(r, "respuesta");
      if (strcmp(req.zState, "recibida") != 0) {
        form_error(&err, "respuesta", "Esta solicitud ya fue respondida.");
      } else if (!zPosted || !*zPosted) {
        form_error(&err, "respuesta", "Escriba la respuesta.");
      } else if (strlen(zPosted) > 8000) {
        form_error(&err, "respuesta", "La respuesta es demasiado larga.");
      } else if (!page_db_ok(r, answer(r, &req, zPosted))) {
        return;
      }
    }
    if (!err.n) {
      respond_redirect(
          r, arena_printf(pArena, "/admin/privacidad/solicitudes/%lld",
                          (long long)req.id));
      return;
    }
  }
  const PrivacyRight *pRight = privacy_right(req.zKind);
  int bOpen = strcmp(req.zState, "recibida") == 0;
  Html h;
  page_begin(r, &h, "Solicitud de datos personales", "privacidad");
  html_printf(&h,
              "<p><a href=\"/admin/privacidad\">← Solicitudes</a></p>\n<h1>"
              "Solicitud n.º %lld: %s</h1>\n<dl class=\"facts\"><dt>Persona"
              "</dt><dd>%s</dd><dt>Correo</dt><dd>%s</dd><dt>Teléfono</dt>"
              "<dd>%s</dd><dt>RUN</dt><dd>%s</dd><dt>Vía</dt><dd>%s</dd><dt>"
              "Recibida</dt><dd>%s</dd><dt>Plazo</dt><dd>%s</dd></dl>\n",
              (long long)req.id, pRight ? pRight->zLabel : req.zKind, req.zName,
              req.zEmail, req.zPhone, req.zRun,
              strcmp(req.zChannel, "formulario") == 0 ? "Formulario web"
                                                      : "Registrada por la "
                                                        "encargada o encargado",
              page_date(pArena, req.zReceived),
              bOpen ? clock_text(pArena, req.zDue) : "Respondida");
  if (*req.zDetails) {
    html_printf(&h, "<h2>Detalle</h2>\n");
    html_text_lines(&h, req.zDetails);
  }
  /* The person it concerns: their data page does the rest (access,
  ** erasure, blocking). */
  Member *aMember = NULL;
  int nMember = 0;
  PeopleFilter filter = {0};
  if (!page_db_ok(r, people_member_list(pDb, pArena, iCouncil, &filter, 0,
                                        &aMember, &nMember))) {
    return;
  }
  html_printf(&h, "<h2>A quién se refiere</h2>\n");
  if (req.iMember) {
    html_printf(&h,
                "<p><a href=\"/admin/integrantes/%lld/datos\">Datos "
                "personales del integrante n.º %lld</a>: exportar, "
                "suprimir, bloquear.</p>\n",
                (long long)req.iMember, (long long)req.iMember);
  }
  page_post_action_form(&h, r, "form", "vincular",
                        "/admin/privacidad/solicitudes/%lld",
                        (long long)req.id);
  html_printf(&h,
              "<div class=\"field\"><label "
              "for=\"integrante\">Integrante</label><select id=\"integrante\" "
              "name=\"integrante\"><option value=\"\">Ninguno</option>");
  for (int i = 0; i < nMember; i++) {
    html_printf(&h, "<option value=\"%lld\"%s>%s %s</option>",
                (long long)aMember[i].id,
                aMember[i].id == req.iMember ? " selected" : "",
                aMember[i].zFirstNames, aMember[i].zLastNames);
  }
  html_printf(&h,
              "</select></div><button type=\"submit\" "
              "class=\"button\">Vincular</button></form>\n");
  html_printf(&h, "<h2>Respuesta</h2>\n");
  form_errors_summary(&h, &err);
  if (!bOpen) {
    html_printf(&h, "<p>Respondida el %s%s.</p>\n",
                page_time(pArena, req.iAnswered),
                req.iMail ? "; la carta se envió por correo" : "");
    html_text_lines(&h, req.zAnswer);
    html_printf(&h,
                "<p><a href=\"/admin/privacidad/solicitudes/%lld/carta.pdf\">"
                "Carta de respuesta (PDF)</a></p>\n",
                (long long)req.id);
  } else {
    page_post_action_form(&h, r, "form", "responder",
                          "/admin/privacidad/solicitudes/%lld",
                          (long long)req.id);
    html_printf(
        &h,
        "<div class=\"field\"><label for=\"respuesta\">Texto de la "
        "carta</label><textarea id=\"respuesta\" name=\"respuesta\" rows=\"8\" "
        "maxlength=\"8000\">%s</textarea></div><p class=\"hint\">La carta se "
        "genera en PDF y se envía %s.</p><div class=\"actions\"><button "
        "type=\"submit\" class=\"button\">Responder</button> <a "
        "href=\"/admin/privacidad/solicitudes/%lld/carta.pdf\">Ver borrador en "
        "PDF</a></div></form>\n",
        zPosted ? zPosted : letter_draft(pArena, &req),
        *req.zEmail ? "por correo a quien la pidió"
                    : "(sin correo: entréguela en persona)",
        (long long)req.id);
  }
  page_finish(r, &h, err.n ? 422 : 200);
}
