/*
** Consents, the people tagged in evidence, sensitive data and the groups
** of a mesa (issue 21, items 1-2), for the officer only:
**
** POST /admin/integrantes/ID/consentimientos  accion=agregar (proposito,
**      otorgado, fecha, medio, evidencia, notas), retirar (consentimiento,
**      fecha), etiquetar / desetiquetar (evidencia), sensible (grupo)
** POST /api/members/ID/consents   {"purpose", "given", "date", "method",
**      "evidence_id", "notes"} → 201 {"id"}
** POST /api/consents/ID/withdraw  {"date"} → 200
** POST /api/evidence/ID/people    {"members": [id], "tag": true} → 200
** POST /api/members/ID/sensitive  {"group_id"} → 200; 409 without a
**      consent for sensitive data in force
** POST /api/activities/ID/groups  {"groups": [id]} → 200
**
** A person's own sensitive category is shown on their data page (the
** officer's) and nowhere else; elsewhere only aggregates.
*/
#include <stdlib.h>
#include <string.h>

#include "domain/chile_time.h"
#include "domain/privacy.h"
#include "pages/privacy/privacy_pages.h"
#include "render/table.h"
#include "store/activities/activity_store.h"
#include "store/privacy/consent_store.h"
#include "util/text.h"

static void slug_options(Html *h, const char *const aList[][2]) {
  for (int i = 0; aList[i][0]; i++) {
    html_printf(h, "<option value=\"%s\">%s</option>", aList[i][0],
                aList[i][1]);
  }
}

void privacy_consent_section(Html *h, Request *r, const char *zKind,
                             int64_t iPerson, int bEdit) {
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  int64_t iCouncil = page_council_id(r);
  Consent *a = NULL;
  int n = 0;
  ProtectionGroup *aMine = NULL, *aAll = NULL;
  int nMine = 0, nAll = 0;
  if (consent_list(pDb, pArena, iCouncil, zKind, iPerson, &a, &n) != DB_OK ||
      sensitive_person(pDb, pArena, iCouncil, zKind, iPerson, &aMine, &nMine) !=
          DB_OK ||
      sensitive_groups(pDb, pArena, iCouncil, &aAll, &nAll) != DB_OK) {
    html_printf(h,
                "<p class=\"notice notice-error\">No se pudieron leer los "
                "consentimientos.</p>");
    return;
  }
  const char *zAction = arena_printf(
      pArena, "/admin/integrantes/%lld/consentimientos", (long long)iPerson);
  html_printf(h, "<h2 id=\"consentimientos\">Consentimientos</h2>\n");
  static const char *const azColumn[] = {"Para qué", "Respuesta", "Fecha",
                                         "Cómo", "Estado"};
  HtmlTable t;
  table_open_grid(&t, h, "table", NULL);
  table_head(&t, azColumn, 5);
  for (int i = 0; i < n; i++) {
    const Consent *c = &a[i];
    table_row_open(&t);
    table_cell(&t, "%s", consent_label(consent_purposes, c->zPurpose));
    table_cell(&t, "%s", c->bGiven ? "Lo dio" : "Lo negó");
    table_cell(&t, "%s", page_date(pArena, c->zGivenOn));
    table_cell(&t, "%s%s", consent_label(consent_methods, c->zMethod),
               c->iEvidence ? arena_printf(pArena, " (evidencia n.º %lld)",
                                           (long long)c->iEvidence)
                            : "");
    table_cell_open(&t);
    if (*c->zWithdrawnOn) {
      html_printf(h, "Retirado el %s", page_date(pArena, c->zWithdrawnOn));
    } else if (c->bGiven && bEdit) {
      html_printf(h,
                  "Vigente <form method=\"post\" action=\"%s\" "
                  "class=\"inline-form\">",
                  zAction);
      form_csrf(h, request_csrf_token(r));
      html_printf(h,
                  "<input type=\"hidden\" name=\"accion\" value=\"retirar\">"
                  "<input type=\"hidden\" name=\"consentimiento\" "
                  "value=\"%lld\"><button type=\"submit\" "
                  "class=\"link-button\">Retirar</button></form>",
                  (long long)c->id);
    } else {
      html_printf(h, c->bGiven ? "Vigente" : "—");
    }
    table_cell_close(&t);
    table_row_close(&t);
  }
  table_close(&t);
  if (bEdit) {
    page_post_action_form(h, r, "form", "agregar", "%s", zAction);
    html_printf(h,
                "<div class=\"field\"><label for=\"proposito\">Para "
                "qué</label><select id=\"proposito\" name=\"proposito\">");
    slug_options(h, consent_purposes);
    html_printf(h,
                "</select></div><div class=\"field\"><label "
                "for=\"otorgado\">Respuesta</label><select id=\"otorgado\" "
                "name=\"otorgado\"><option value=\"1\">Lo dio</option>"
                "<option value=\"0\">Lo negó</option></select></div><div "
                "class=\"field\"><label for=\"fecha\">Fecha</label><input "
                "id=\"fecha\" name=\"fecha\" type=\"date\" value=\"%s\">"
                "</div><div class=\"field\"><label for=\"medio\">Cómo se "
                "dio</label><select id=\"medio\" name=\"medio\">",
                privacy_today());
    slug_options(h, consent_methods);
    html_printf(h,
                "</select></div><div class=\"field\"><label "
                "for=\"evidencia\">N.º de la evidencia con la hoja firmada "
                "(si la hay)</label><input id=\"evidencia\" "
                "name=\"evidencia\" inputmode=\"numeric\"></div><div "
                "class=\"field\"><label for=\"notas\">Notas</label><input "
                "id=\"notas\" name=\"notas\" maxlength=\"500\"></div><div "
                "class=\"actions\"><button type=\"submit\" "
                "class=\"button\">Registrar consentimiento</button></div>"
                "</form>\n");
  }
  /* Evidence they appear in. */
  json_t *pC = NULL, *pE = NULL, *pS = NULL;
  if (consent_person_json(pDb, iCouncil, zKind, iPerson, &pC, &pE, &pS) ==
      DB_OK) {
    html_printf(h, "<h2>Evidencias donde aparece</h2>\n<ul>");
    for (size_t i = 0; i < json_array_size(pE); i++) {
      json_t *e = json_array_get(pE, i);
      html_printf(
          h,
          "<li>Evidencia n.º %lld (%s) de la <a "
          "href=\"/actividades/%lld\">actividad %lld</a></li>",
          (long long)json_integer_value(json_object_get(e, "id")),
          json_string_value(json_object_get(e, "filename")),
          (long long)json_integer_value(json_object_get(e, "activity_id")),
          (long long)json_integer_value(json_object_get(e, "activity_id")));
    }
    html_printf(h, "</ul>\n");
  }
  json_decref(pC);
  json_decref(pE);
  json_decref(pS);
  if (bEdit) {
    page_post_action_form(h, r, "form", "etiquetar", "%s", zAction);
    html_printf(h,
                "<div class=\"field\"><label for=\"etiqueta\">Aparece en la "
                "evidencia n.º</label><input id=\"etiqueta\" "
                "name=\"evidencia\" inputmode=\"numeric\"></div><button "
                "type=\"submit\" class=\"button\">Etiquetar</button></form>\n");
  }
  /* Sensitive data: here, on the officer's page, and nowhere else. */
  html_printf(h,
              "<h2>Datos sensibles</h2>\n<p class=\"hint\">Solo con su "
              "consentimiento expreso para datos sensibles vigente. Solo "
              "usted los ve; en los informes solo hay totales.</p><ul>");
  for (int i = 0; i < nMine; i++) {
    html_printf(h, "<li>%s</li>", aMine[i].zLabel);
  }
  html_printf(h, "</ul>\n");
  if (bEdit) {
    page_post_action_form(h, r, "form", "sensible", "%s", zAction);
    html_printf(
        h,
        "<div class=\"field\"><label for=\"grupo\">Categoría</label><select "
        "id=\"grupo\" name=\"grupo\">");
    for (int i = 0; i < nAll; i++) {
      html_printf(h, "<option value=\"%lld\">%s</option>",
                  (long long)aAll[i].id, aAll[i].zLabel);
    }
    html_printf(h,
                "</select></div><button type=\"submit\" "
                "class=\"button\">Registrar categoría</button></form>\n");
  }
}

/* ---- The changes, shared by the form and the API ---- */

/* The kind of person a path is about: participants' pages and API, or
** councillors'. */
static const char *path_kind(Request *r) {
  const char *z = request_path(r);
  return strstr(z, "/participantes/") || strstr(z, "/participants/")
             ? "participant"
             : "member";
}

/* The id of the path's person of kind zKind in the request's council, or 0
** once it has answered 404 with zMissing (NULL: the default page; on the
** API, JSON). */
static int64_t consent_person_id(Request *r, const char *zKind,
                                 const char *zMissing) {
  int64_t iMember = request_param_id(r, 0);
  if (!consent_person_exists(request_db(r), page_council_id(r), zKind,
                             iMember)) {
    respond_error(r, 404, zMissing);
    return 0;
  }
  return iMember;
}

/* Runs one change and its audit entry in one transaction. */
static int with_audit(Request *r, int rc, const char *zKind, int64_t id,
                      const char *zAction) {
  Db *pDb = request_db(r);
  if (rc == DB_OK) {
    rc = page_audit_event(r, 0, zKind, privacy_id(request_arena(r), id),
                          zAction, "");
  }
  return db_finish(pDb, rc);
}

void page_admin_member_consents(Request *r) {
  const char *zKind = path_kind(r);
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  int64_t iCouncil = page_council_id(r);
  int64_t iMember = consent_person_id(r, zKind, NULL);
  if (!iMember) return;
  const char *zAction = request_field(r, "accion");
  zAction = zAction ? zAction : "";
  FormErrors err;
  form_errors_init(&err);
  int rc = db_begin(pDb);
  const char *zAudit = NULL;
  if (rc == DB_OK && strcmp(zAction, "agregar") == 0) {
    Consent c;
    consent_check(pDb, pArena, iCouncil, request_field(r, "proposito"),
                  request_field(r, "otorgado"), request_field(r, "fecha"),
                  request_field(r, "medio"), request_field(r, "evidencia"),
                  request_field(r, "notas"), &c, &err);
    c.zPersonKind = zKind;
    c.iPerson = iMember;
    int64_t iId = 0;
    if (!err.n) rc = consent_add(pDb, iCouncil, &c, &iId);
    zAudit = "consentimiento";
  } else if (rc == DB_OK && strcmp(zAction, "retirar") == 0) {
    int64_t iId = 0;
    const char *z = request_field(r, "consentimiento");
    if (!z || !text_parse_id(z, &iId)) {
      form_error(&err, NULL, "Falta el consentimiento.");
    } else {
      rc = consent_withdraw(pDb, iCouncil, iId, privacy_today());
      if (rc == DB_DONE) {
        form_error(&err, NULL, "Ese consentimiento no está vigente.");
        rc = DB_OK;
      }
    }
    zAudit = "retiro_consentimiento";
  } else if (rc == DB_OK && (strcmp(zAction, "etiquetar") == 0 ||
                             strcmp(zAction, "desetiquetar") == 0)) {
    int64_t iEv = 0;
    const char *z = request_field(r, "evidencia");
    if (!z || !text_parse_id(z, &iEv)) {
      form_error(&err, "evidencia", "Escriba el número de la evidencia.");
    } else {
      rc = consent_tag_evidence(pDb, iCouncil, iEv, zKind, iMember,
                                zAction[0] == 'e');
      if (rc == DB_DONE) {
        form_error(&err, "evidencia", "No hay una evidencia con ese número.");
        rc = DB_OK;
      }
    }
    zAudit = "etiqueta_evidencia";
  } else if (rc == DB_OK && strcmp(zAction, "sensible") == 0) {
    int64_t iGroup = 0;
    const char *z = request_field(r, "grupo");
    if (!z || !text_parse_id(z, &iGroup)) {
      form_error(&err, "grupo", "Elija la categoría.");
    } else {
      rc = sensitive_record(pDb, iCouncil, zKind, iMember, iGroup);
      if (rc == DB_CONSTRAINT || rc == DB_DONE) {
        form_error(&err, "grupo",
                   rc == DB_DONE ? "Esa categoría no existe."
                                 : "Falta su consentimiento expreso para "
                                   "datos sensibles: regístrelo primero.");
        rc = DB_OK;
      }
    }
    zAudit = "dato_sensible";
  } else if (rc == DB_OK) {
    form_error(&err, NULL, "No se entendió qué guardar.");
  }
  if (rc == DB_OK && err.n) {
    db_rollback(pDb);
    Html h;
    page_begin(r, &h, "Consentimientos", "integrantes");
    html_printf(&h,
                "<h1>No se guardó</h1>\n<p><a "
                "href=\"%s/%lld/datos#consentimientos\">"
                "Volver a los datos personales</a></p>\n",
                zKind[0] == 'p' ? "/admin/participantes" : "/admin/integrantes",
                (long long)iMember);
    form_errors_summary(&h, &err);
    page_finish(r, &h, 422);
    return;
  }
  if (rc != DB_OK) {
    db_rollback(pDb);
    respond_error(r, 500, NULL);
    return;
  }
  if (!page_db_ok(r, with_audit(r, DB_OK, zKind, iMember, zAudit))) return;
  respond_redirect(r, arena_printf(pArena, "%s/%lld/datos#consentimientos",
                                   zKind[0] == 'p' ? "/admin/participantes"
                                                   : "/admin/integrantes",
                                   (long long)iMember));
}

static const char *opt_text(Arena *pArena, json_t *p, const char *zKey) {
  json_t *v = json_object_get(p, zKey);
  if (json_is_string(v)) return arena_strdup(pArena, json_string_value(v));
  if (json_is_integer(v)) {
    return arena_printf(pArena, "%lld", (long long)json_integer_value(v));
  }
  if (json_is_boolean(v)) return json_is_true(v) ? "1" : "0";
  return NULL;
}

void page_api_member_consents(Request *r) {
  const char *zKind = path_kind(r);
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  int64_t iCouncil = page_council_id(r);
  int64_t iMember = consent_person_id(r, zKind, "No existe esa persona.");
  if (!iMember) return;
  json_t *pBody = page_json_object(r);
  if (!pBody) return;
  Consent c;
  Problems err;
  problems_init(&err);
  consent_check(
      pDb, pArena, iCouncil, opt_text(pArena, pBody, "purpose"),
      opt_text(pArena, pBody, "given"), opt_text(pArena, pBody, "date"),
      opt_text(pArena, pBody, "method"), opt_text(pArena, pBody, "evidence_id"),
      opt_text(pArena, pBody, "notes"), &c, &err);
  json_decref(pBody);
  if (err.n) {
    static const char *const azApi[][2] = {{"proposito", "purpose"},
                                           {"otorgado", "given"},
                                           {"fecha", "date"},
                                           {"medio", "method"},
                                           {"evidencia", "evidence_id"},
                                           {"notas", "notes"}};
    const char *zField = err.azField[0];
    for (size_t i = 0; zField && i < sizeof(azApi) / sizeof(azApi[0]); i++) {
      if (strcmp(azApi[i][0], zField) == 0) zField = azApi[i][1];
    }
    respond_json_error(r, 422, err.azMessage[0], zField);
    return;
  }
  c.zPersonKind = zKind;
  c.iPerson = iMember;
  int64_t iId = 0;
  int rc = db_begin(pDb);
  if (rc == DB_OK) rc = consent_add(pDb, iCouncil, &c, &iId);
  if (!page_db_ok(r, with_audit(r, rc, zKind, iMember, "consentimiento"))) {
    return;
  }
  respond_json(r, 201, json_pack("{s:I}", "id", (json_int_t)iId));
}

void page_api_consent_withdraw(Request *r) {
  Db *pDb = request_db(r);
  int64_t iId = request_param_id(r, 0);
  json_t *pBody = page_json_object(r);
  if (!pBody) return;
  const char *zDate = opt_text(request_arena(r), pBody, "date");
  json_decref(pBody);
  char zDue[11];
  if (zDate && *zDate && privacy_due_date(zDate, zDue) != 0) {
    respond_json_error(r, 422, "La fecha no es válida.", "date");
    return;
  }
  int rc = db_begin(pDb);
  if (rc == DB_OK) {
    rc = consent_withdraw(pDb, page_council_id(r), iId,
                          zDate && *zDate ? zDate : privacy_today());
  }
  if (rc == DB_DONE) {
    db_rollback(pDb);
    respond_json_error(r, 404,
                       "No hay un consentimiento vigente con ese "
                       "número.",
                       NULL);
    return;
  }
  if (!page_db_ok(r,
                  with_audit(r, rc, "consent", iId, "retiro_consentimiento"))) {
    return;
  }
  respond_json(r, 200,
               json_pack("{s:I, s:b}", "id", (json_int_t)iId, "withdrawn", 1));
}

/* The ids of an array member; NULL with *pn -1 when it is not an array of
** positive integers. */
static int64_t *id_array(Arena *pArena, json_t *pBody, const char *zKey,
                         int *pn) {
  json_t *a = json_object_get(pBody, zKey);
  *pn = -1;
  if (!json_is_array(a)) return NULL;
  int64_t *ai = arena_alloc(pArena, sizeof(int64_t) * (json_array_size(a) + 1));
  for (size_t i = 0; i < json_array_size(a); i++) {
    json_t *v = json_array_get(a, i);
    if (!json_is_integer(v) || json_integer_value(v) <= 0) return NULL;
    ai[i] = json_integer_value(v);
  }
  *pn = (int)json_array_size(a);
  return ai;
}

void page_api_evidence_people(Request *r) {
  Db *pDb = request_db(r);
  int64_t iCouncil = page_council_id(r);
  int64_t iEv = request_param_id(r, 0);
  /* Another council's item is not found, whatever the body says. */
  if (!consent_evidence_exists(pDb, iCouncil, iEv)) {
    respond_json_error(r, 404, "No existe esa evidencia.", NULL);
    return;
  }
  json_t *pBody = page_json_object(r);
  if (!pBody) return;
  int n = 0;
  int64_t *ai = id_array(request_arena(r), pBody, "members", &n);
  json_t *pTag = json_object_get(pBody, "tag");
  int bTag = !json_is_false(pTag);
  json_decref(pBody);
  if (n < 0) {
    respond_json_error(r, 422,
                       "members debe ser una lista de números de "
                       "integrantes.",
                       "members");
    return;
  }
  for (int i = 0; i < n; i++) {
    if (!consent_person_exists(pDb, iCouncil, "member", ai[i])) {
      respond_json_error(r, 422, "Uno de los integrantes no existe.",
                         "members");
      return;
    }
  }
  int rc = db_begin(pDb);
  for (int i = 0; rc == DB_OK && i < n; i++) {
    rc = consent_tag_evidence(pDb, iCouncil, iEv, "member", ai[i], bTag);
  }
  if (rc == DB_DONE) {
    db_rollback(pDb);
    respond_json_error(r, 404, "No existe esa evidencia.", NULL);
    return;
  }
  if (!page_db_ok(r,
                  with_audit(r, rc, "evidence", iEv,
                             bTag ? "etiqueta_personas" : "quitar_etiqueta"))) {
    return;
  }
  respond_json(r, 200,
               json_pack("{s:I, s:i}", "id", (json_int_t)iEv, "people", n));
}

void page_api_member_sensitive(Request *r) {
  Db *pDb = request_db(r);
  int64_t iCouncil = page_council_id(r);
  int64_t iMember = request_param_id(r, 0);
  if (!consent_person_exists(pDb, iCouncil, "member", iMember)) {
    respond_json_error(r, 404, "No existe ese integrante.", NULL);
    return;
  }
  json_t *pBody = page_json_object(r);
  if (!pBody) return;
  json_t *v = json_object_get(pBody, "group_id");
  int64_t iGroup = json_is_integer(v) ? json_integer_value(v) : 0;
  json_decref(pBody);
  int rc = db_begin(pDb);
  if (rc == DB_OK)
    rc = sensitive_record(pDb, iCouncil, "member", iMember, iGroup);
  if (rc == DB_CONSTRAINT || rc == DB_DONE) {
    db_rollback(pDb);
    respond_json_error(r, rc == DB_DONE ? 422 : 409,
                       rc == DB_DONE
                           ? "Esa categoría no existe."
                           : "Falta su consentimiento expreso para datos "
                             "sensibles: regístrelo primero.",
                       rc == DB_DONE ? "group_id" : NULL);
    return;
  }
  if (!page_db_ok(r, with_audit(r, rc, "member", iMember, "dato_sensible"))) {
    return;
  }
  respond_json(r, 200, json_pack("{s:I}", "id", (json_int_t)iMember));
}

void page_api_activity_groups(Request *r) {
  Db *pDb = request_db(r);
  int64_t iActivity = request_param_id(r, 0);
  /* Another council's activity is not found, whatever the body says. */
  Activity act;
  int rcAct =
      activity_get(pDb, request_arena(r), page_council_id(r), iActivity, &act);
  if (!page_found(r, rcAct, "No existe esa actividad.")) return;
  json_t *pBody = page_json_object(r);
  if (!pBody) return;
  int n = 0;
  int64_t *ai = id_array(request_arena(r), pBody, "groups", &n);
  json_decref(pBody);
  if (n < 0) {
    respond_json_error(r, 422,
                       "groups debe ser una lista de números de "
                       "grupos.",
                       "groups");
    return;
  }
  int rc = sensitive_activity_set(pDb, page_council_id(r), iActivity, ai, n);
  if (rc == DB_DONE) {
    respond_json_error(r, 404, "No existe esa actividad.", NULL);
    return;
  }
  if (!page_db_ok(r, rc)) return;
  ProtectionGroup *aG = NULL;
  int nG = 0;
  if (!page_db_ok(r, sensitive_activity_groups(pDb, request_arena(r), iActivity,
                                               &aG, &nG))) {
    return;
  }
  json_t *pArr = json_array();
  for (int i = 0; i < nG; i++) {
    json_array_append_new(
        pArr, json_pack("{s:I, s:s}", "id", (json_int_t)aG[i].id, "label",
                        aG[i].zLabel));
  }
  respond_json(r, 200, json_pack("{s:o}", "groups", pArr));
}
