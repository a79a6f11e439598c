/*
** The personal reply link from a citation, no sign-in needed: confirm,
** decline or maybe, and for an in-person activity a transport seat from a
** pickup commune. The link works until the activity ends (and not once it
** is suspended); a wrong or old link gets a clear page and changes nothing.
**
** GET|POST /r/TOKEN   fields: reply (confirma, declina, quizas), transport
**                     (checkbox), pickup (commune code)
**
** The token is a secret: the server logs this path as "/r/…" (server.c).
*/
#include <string.h>

#include "store/accounts/accounts.h"
#include "pages/activities/activities_pages.h"
#include "pages/people/people_widgets.h"

static void dead_link(Request *r, int iStatus, const char *zWhy) {
  Html h;
  page_begin(r, &h, "Enlace de respuesta", NULL);
  html_printf(&h,
              "<h1>Este enlace ya no sirve para responder</h1>\n<p>%s</p>"
              "\n<p>Si necesita avisar algo, responda al correo de la "
              "citación o escriba a la secretaría técnica del consejo."
              "</p>\n",
              zWhy);
  page_finish(r, &h, iStatus);
}

void page_activity_reply(Request *r) {
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  const char *zToken = request_param(r, 0);
  char zHash[65];
  ActivityInvitation inv;
  memset(&inv, 0, sizeof(inv));
  Activity a;
  int rc = DB_DONE;
  if (zToken && strlen(zToken) < ACCOUNTS_TOKEN_MAX) {
    accounts_token_hash(zToken, zHash);
    rc = activity_invitation_by_token(pDb, pArena, zHash, &inv);
  }
  if (rc == DB_OK) {
    page_council_use(r, activity_council(pDb, inv.iActivity));
    rc = activity_get(pDb, pArena, page_council_id(r), inv.iActivity, &a);
  }
  if (rc == DB_DONE) {
    dead_link(r, 404,
              "No reconocemos este enlace. Puede que haya recibido una "
              "citación más reciente: use el enlace del último correo.");
    return;
  }
  if (!page_db_ok(r, rc)) return;
  if (!activity_reply_open(&a, db_now())) {
    dead_link(r, 410,
              strcmp(a.zStatus, ACTIVITY_SUSPENDIDA) == 0
                  ? "La actividad fue suspendida. Si se reprograma, recibirá "
                    "una nueva citación."
                  : "La actividad ya terminó: las respuestas se reciben "
                    "hasta su término.");
    return;
  }
  int bInPerson = activity_is_in_person(a.zModality);
  FormErrors err;
  form_errors_init(&err);
  int iStatus = 200;
  const char *zReply = inv.zReply;
  int bTransport = inv.bTransport;
  const char *zPickup = inv.zPickup;
  if (request_is_post(r)) {
    zReply = request_field(r, "reply");
    bTransport = bInPerson && request_field(r, "transport") != NULL;
    zPickup = request_field(r, "pickup");
    if (!zPickup) zPickup = "";
    if (!activity_slug_label(activity_replies, activity_replies_count,
                             zReply)) {
      form_error(&err, "reply", "Elija si asistirá, no asistirá o quizás.");
      zReply = "";
    }
    TerritoryIndex idx;
    if (bTransport && (territory_index_load(pDb, pArena, &idx) != DB_OK ||
                       !territory_index_code(&idx, zPickup))) {
      form_error(&err, "pickup", "Elija la comuna donde lo pasamos a buscar.");
    }
    if (bTransport && zReply && strcmp(zReply, "declina") == 0) {
      bTransport = 0;
    }
    if (err.n == 0) {
      if (!page_db_ok(r, activity_invitation_reply(pDb, inv.id, zReply,
                                                   bTransport, zPickup))) {
        return;
      }
      respond_redirect(r, arena_printf(pArena, "/r/%s?listo=1",
                                       html_url_arg(pArena, zToken)));
      return;
    }
    iStatus = 422;
  }
  char zWhen[ACTIVITY_WHEN_MAX];
  activity_format_when(a.iStart, a.iEnd, zWhen, sizeof(zWhen));
  Html h;
  page_begin(r, &h, "Responder la citación", NULL);
  html_printf(&h, "<h1>%s</h1>\n", a.zTitle);
  if (request_query(r, "listo") && !request_is_post(r)) {
    html_printf(&h,
                "<p class=\"notice\" role=\"status\">Gracias, %s: quedó "
                "registrada su respuesta (%s)%s.</p>\n",
                *inv.zName ? inv.zName : inv.zEmail, act_reply_label(zReply),
                bTransport ? arena_printf(pArena,
                                          " y su pedido de traslado "
                                          "desde %s",
                                          inv.zPickupName)
                           : "");
  }
  html_printf(&h,
              "<dl class=\"details\"><dt>Fecha</dt><dd>%s (hora de Chile)</dd>"
              "<dt>Lugar</dt><dd>%s</dd><dt>Modalidad</dt><dd>%s</dd></dl>\n",
              zWhen, convene_place(pArena, &a),
              act_modality_label(a.zModality));
  form_errors_summary(&h, &err);
  page_post_form(&h, r, "form", "/r/%s", zToken);
  const char *zErr = form_error_for(&err, "reply");
  html_printf(&h,
              "<fieldset class=\"field%s\" id=\"reply\"><legend>¿Asistirá, "
              "%s?</legend>",
              zErr ? " has-error" : "", *inv.zName ? inv.zName : inv.zEmail);
  if (zErr) html_printf(&h, "<p class=\"field-error\">%s</p>", zErr);
  for (int i = 0; i < activity_replies_count; i++) {
    html_printf(&h,
                "<label class=\"check\"><input type=\"radio\" name=\"reply\" "
                "value=\"%s\"%s> %s</label>\n",
                activity_replies[i].zSlug,
                zReply && strcmp(zReply, activity_replies[i].zSlug) == 0
                    ? " checked"
                    : "",
                activity_replies[i].zLabel);
  }
  html_printf(&h, "</fieldset>\n");
  if (bInPerson) {
    html_printf(&h,
                "<fieldset class=\"field\"><legend>Traslado</legend><label "
                "class=\"check\"><input type=\"checkbox\" name=\"transport\" "
                "value=\"1\"%s> Necesito traslado</label>\n",
                bTransport ? " checked" : "");
    TerritoryIndex idx;
    if (territory_index_load(pDb, pArena, &idx) == DB_OK) {
      people_commune_select(&h, &err, "pickup",
                            "Comuna donde lo pasamos a buscar", &idx,
                            page_council_region(r), zPickup, 1);
    }
    html_printf(&h, "</fieldset>\n");
  }
  html_printf(&h,
              "<div class=\"actions\"><button type=\"submit\" class=\""
              "button button-primary\">Enviar respuesta</button></div>"
              "</form>\n");
  page_finish(r, &h, iStatus);
}
