/*
** A person's rights over their data (issue 21, Ley 21.719), for the
** officer:
**
** GET  /api/members/ID/data        everything held about them (JSON)
** POST /api/members/ID/erase       {"reason"} → 200: erasure
** GET  /admin/integrantes/ID/datos the same on a page, with the JSON and
**                                  PDF downloads (…/datos.json, .pdf), and
**                                  the forms to block (objection) and erase
** POST /admin/integrantes/ID/bloqueo, …/eliminar-datos
**
** Each export and each erasure is an entry of the audit log.
*/
#include <string.h>

#include "export/export.h"
#include "export/privacy_pdf.h"
#include "pages/privacy/privacy_pages.h"
#include "store/privacy/person_store.h"

#define ERASE_REASON_MAX 500

static const char *const azSectionKey[] = {
    "record",   "account",  "attendance", "mail",     "citations",
    "consents", "evidence", "sensitive",  "requests", "changes"};
static const char *const azSectionLabel[] = {
    "Ficha",
    "Cuenta de acceso",
    "Asistencia",
    "Correos enviados",
    "Citaciones y respuestas",
    "Consentimientos",
    "Evidencias donde aparece",
    "Datos sensibles (con su consentimiento expreso)",
    "Solicitudes de derechos",
    "Quién cambió sus datos (registro de auditoría)"};

/* A kind of person record these pages serve, told by the request's path:
** councillors (/admin/integrantes, /api/members) and participants
** (/admin/participantes, /api/participants). */
typedef struct PersonKind {
  const char *zKind;  /* In the audit log and the consents: member, … */
  const char *zAdmin; /* The officer's list: /admin/integrantes */
  const char *zNone;  /* 404 */
  const char *zNav;
  int (*xData)(Db *, Arena *, int64_t, int64_t, json_t **);
  int bBlock; /* Has blocking (objection) */
} PersonKind;

static int member_erase(Db *pDb, int64_t iCouncil, int64_t id,
                        const char *zReason) {
  return person_member_erase(pDb, iCouncil, id, zReason);
}
static int participant_erase(Db *pDb, int64_t iCouncil, int64_t id,
                             const char *zReason) {
  (void)zReason; /* In the audit entry */
  return person_participant_erase(pDb, iCouncil, id);
}

static const PersonKind aPersonKind[2] = {
    {"member", "/admin/integrantes", "No existe ese integrante.", "integrantes",
     person_member_data, 1},
    {"participant", "/admin/participantes", "No existe ese participante.",
     "participantes", person_participant_data, 0}};

static const PersonKind *person_kind(Request *r) {
  const char *z = request_path(r);
  return strstr(z, "/participantes/") || strstr(z, "/participants/")
             ? &aPersonKind[1]
             : &aPersonKind[0];
}

static int person_erase(Request *r, Db *pDb, int64_t id, const char *zReason) {
  return person_kind(r) == &aPersonKind[1]
             ? participant_erase(pDb, page_council_id(r), id, zReason)
             : member_erase(pDb, page_council_id(r), id, zReason);
}

/* The person's data, or 404/500 answered (JSON when bJson). */
static json_t *load_data(Request *r, int64_t iMember, int bJson) {
  json_t *pDoc = NULL;
  const PersonKind *k = person_kind(r);
  int rc = iMember ? k->xData(request_db(r), request_arena(r),
                              page_council_id(r), iMember, &pDoc)
                   : DB_DONE;
  if (rc == DB_DONE) {
    if (bJson) {
      respond_json_error(r, 404, k->zNone, NULL);
    } else {
      respond_error(r, 404, NULL);
    }
    return NULL;
  }
  if (!page_db_ok(r, rc)) return NULL;
  return pDoc;
}

/* The access is itself recorded: who exported whose data. */
static int log_export(Request *r, int64_t iMember, const char *zFormat) {
  return page_audit_event(r, 0, person_kind(r)->zKind,
                          privacy_id(request_arena(r), iMember),
                          "exportacion_datos", zFormat);
}

void page_api_member_data(Request *r) {
  int64_t iMember = request_param_id(r, 0);
  json_t *pDoc = load_data(r, iMember, 1);
  if (!pDoc) return;
  if (!page_db_ok(r, log_export(r, iMember, "json"))) {
    json_decref(pDoc);
    return;
  }
  respond_json(r, 200, pDoc);
}

/* Erases after checking the reason; 0 and the problem when refused. */
static int erase(Request *r, int64_t iMember, const char *zReason,
                 const char **pzProblem, int *piStatus) {
  *piStatus = 422;
  if (!zReason || !*zReason) {
    *pzProblem =
        "Indique el motivo de la supresión (por ejemplo, la "
        "solicitud que la pide).";
    return 0;
  }
  if (strlen(zReason) > ERASE_REASON_MAX) {
    *pzProblem = "El motivo es demasiado largo (máximo 500 caracteres).";
    return 0;
  }
  Db *pDb = request_db(r);
  if (db_begin(pDb) != DB_OK) {
    *piStatus = 503;
    *pzProblem = "No se pudo guardar. Intente de nuevo.";
    return 0;
  }
  int rc = person_erase(r, pDb, iMember, zReason);
  if (rc == DB_OK) {
    rc = page_audit_event(r, 0, person_kind(r)->zKind,
                          privacy_id(request_arena(r), iMember), "supresion",
                          "");
  }
  if (rc == DB_OK) rc = db_commit(pDb);
  if (rc != DB_OK) {
    db_rollback(pDb);
    *piStatus = rc == DB_DONE ? 404 : 500;
    *pzProblem = rc == DB_DONE ? person_kind(r)->zNone
                               : "No se pudo completar la supresión.";
    return 0;
  }
  return 1;
}

void page_api_member_erase(Request *r) {
  int64_t iMember = request_param_id(r, 0);
  json_t *pBody = page_json_object(r);
  if (!pBody) return;
  json_t *v = json_object_get(pBody, "reason");
  const char *zReason =
      json_is_string(v) ? arena_strdup(request_arena(r), json_string_value(v))
                        : NULL;
  json_decref(pBody);
  const char *zProblem = NULL;
  int iStatus = 0;
  if (!iMember || !erase(r, iMember, zReason, &zProblem, &iStatus)) {
    respond_json_error(r, iMember ? iStatus : 404,
                       iMember ? zProblem : person_kind(r)->zNone,
                       iStatus == 422 ? "reason" : NULL);
    return;
  }
  respond_json(r, 200,
               json_pack("{s:I, s:b}", "id", (json_int_t)iMember, "erased", 1));
}

static void send_pdf(Request *r, int64_t iMember, json_t *pDoc) {
  Arena *pArena = request_arena(r);
  const char *zOut = NULL;
  size_t nOut = 0;
  char zErr[200];
  const Council *pCouncil = page_council(r);
  int rc = privacy_data_pdf(
      pArena, "Datos personales que cosoc guarda de una persona",
      pCouncil ? pCouncil->zName : NULL, pDoc, azSectionKey, azSectionLabel,
      (int)(sizeof(azSectionKey) / sizeof(azSectionKey[0])), &zOut, &nOut, zErr,
      sizeof(zErr));
  json_decref(pDoc);
  page_send_export(r, rc, "application/pdf",
                   arena_printf(pArena,
                                "attachment; filename=\"datos-personales-%lld"
                                ".pdf\"",
                                (long long)iMember),
                   zOut, nOut);
}

static void member_data_page(Request *r, int64_t iMember, json_t *pDoc,
                             const char *zProblem) {
  Arena *pArena = request_arena(r);
  const PersonKind *k = person_kind(r);
  const char *zBase = k->zAdmin;
  json_t *pRec = json_object_get(pDoc, "record");
  const char *zName =
      json_object_get(pRec, "name")
          ? json_string_value(json_object_get(pRec, "name"))
          : arena_printf(
                pArena, "%s %s",
                json_string_value(json_object_get(pRec, "first_names")),
                json_string_value(json_object_get(pRec, "last_names")));
  json_t *pErased = json_object_get(pRec, "erased_at");
  int bErased =
      pErased ? !json_is_null(pErased) : strcmp(zName, PERSON_ERASED_NAME) == 0;
  json_t *pBlocked = json_object_get(pRec, "blocked_at");
  int bBlocked = pBlocked && !json_is_null(pBlocked);
  Html h;
  page_begin(r, &h, "Datos personales", k->zNav);
  html_printf(&h,
              "<p><a href=\"%s/%lld\">← Ficha de %s</a></p>\n"
              "<h1>Datos personales de %s</h1>\n",
              zBase, (long long)iMember, zName, zName);
  if (zProblem) {
    html_printf(&h, "<p class=\"notice notice-error\" role=\"alert\">%s</p>\n",
                zProblem);
  }
  if (bErased) {
    html_printf(&h,
                "<p class=\"notice\">Sus datos personales fueron suprimidos. "
                "Las actas aprobadas conservan su nombre tal como se "
                "aprobaron.</p>\n");
  } else if (bBlocked) {
    html_printf(&h,
                "<p class=\"notice\">Bloqueado: no recibe correos de cosoc "
                "y no aparece en las páginas públicas.</p>\n");
  }
  html_printf(&h,
              "<h2>Acceso y portabilidad</h2>\n<p>Todo lo que cosoc guarda "
              "de esta persona: ficha, cuenta, asistencia, correos enviados, "
              "citaciones, consentimientos, evidencias donde aparece, "
              "solicitudes y quién cambió sus datos.</p>\n<p><a "
              "class=\"button\" href=\"%s/%lld/datos.pdf\">"
              "Descargar PDF</a> <a class=\"button\" "
              "href=\"%s/%lld/datos.json\">Descargar JSON</a>"
              "</p>\n",
              zBase, (long long)iMember, zBase, (long long)iMember);
  static const char *const azCount[] = {"attendance", "mail", "citations",
                                        "requests", "changes"};
  html_printf(&h, "<ul>");
  for (size_t i = 0; i < sizeof(azCount) / sizeof(azCount[0]); i++) {
    for (size_t j = 0; j < sizeof(azSectionKey) / sizeof(azSectionKey[0]);
         j++) {
      if (strcmp(azSectionKey[j], azCount[i]) == 0) {
        html_printf(&h, "<li>%s: %d</li>", azSectionLabel[j],
                    (int)json_array_size(json_object_get(pDoc, azCount[i])));
      }
    }
  }
  html_printf(&h, "</ul>\n");
  privacy_consent_section(&h, r, k->zKind, iMember, !bErased);
  if (!bErased) {
    html_printf(&h,
                "<h2>Rectificación</h2>\n<p>Corrija los datos en la <a "
                "href=\"%s/%lld\">ficha</a>: cada cambio "
                "queda en el registro de auditoría.</p>\n",
                zBase, (long long)iMember);
    if (k->bBlock) {
      html_printf(&h, "<h2>Oposición y bloqueo</h2>\n");
      page_post_form(&h, r, NULL, "/admin/integrantes/%lld/bloqueo",
                     (long long)iMember);
      html_printf(
          &h,
          "<input type=\"hidden\" name=\"bloquear\" value=\"%s\">"
          "<button type=\"submit\" class=\"button\">%s</button></form>\n",
          bBlocked ? "0" : "1",
          bBlocked ? "Quitar el bloqueo"
                   : "Bloquear: sin correos ni páginas públicas");
    }
    html_printf(
        &h,
        "<h2>Supresión</h2>\n<p>Borra su RUN, correo y teléfono y reemplaza su "
        "nombre por «Persona eliminada» en todo lo que no es registro público; "
        "su asistencia sigue contando y las actas aprobadas conservan su "
        "nombre. Si debe enviarle la carta de respuesta, hágalo antes: después "
        "no se le puede escribir.</p>\n");
    page_post_form(&h, r, NULL, "%s/%lld/eliminar-datos", zBase,
                   (long long)iMember);
    html_printf(&h,
                "<div class=\"field\"><label for=\"motivo\">Motivo</label>"
                "<input id=\"motivo\" name=\"motivo\" required "
                "maxlength=\"500\"></div><button type=\"submit\" "
                "class=\"button button-danger\">Suprimir sus datos</button>"
                "</form>\n");
  }
  json_decref(pDoc);
  page_finish(r, &h, zProblem ? 422 : 200);
}

void page_admin_member_data(Request *r) {
  int64_t iMember = request_param_id(r, 0);
  json_t *pDoc = load_data(r, iMember, 0);
  if (!pDoc) return;
  const char *zPath = request_path(r);
  size_t n = strlen(zPath);
  int bPdf = n > 4 && strcmp(zPath + n - 4, ".pdf") == 0;
  int bJson = n > 5 && strcmp(zPath + n - 5, ".json") == 0;
  if (bPdf || bJson) {
    if (!page_db_ok(r, log_export(r, iMember, bPdf ? "pdf" : "json"))) {
      json_decref(pDoc);
      return;
    }
    if (bPdf) {
      send_pdf(r, iMember, pDoc);
    } else {
      response_header(
          r, "Content-Disposition",
          arena_printf(request_arena(r),
                       "attachment; filename=\"datos-personales-%lld.json\"",
                       (long long)iMember));
      respond_json(r, 200, pDoc);
    }
    return;
  }
  member_data_page(r, iMember, pDoc, NULL);
}

void page_admin_member_erase(Request *r) {
  int64_t iMember = request_param_id(r, 0);
  const char *zProblem = NULL;
  int iStatus = 0;
  if (!erase(r, iMember, request_field(r, "motivo"), &zProblem, &iStatus)) {
    if (iStatus != 422) {
      respond_error(r, iStatus, zProblem);
      return;
    }
    json_t *pDoc = load_data(r, iMember, 0);
    if (pDoc) member_data_page(r, iMember, pDoc, zProblem);
    return;
  }
  respond_redirect(r, arena_printf(request_arena(r), "%s/%lld/datos",
                                   person_kind(r)->zAdmin, (long long)iMember));
}

void page_admin_member_block(Request *r) {
  int64_t iMember = request_param_id(r, 0);
  const char *zBlock = request_field(r, "bloquear");
  int bBlock = zBlock && strcmp(zBlock, "1") == 0;
  Db *pDb = request_db(r);
  int rc = db_begin(pDb);
  if (rc == DB_OK) {
    rc = person_member_block(pDb, page_council_id(r), iMember, bBlock);
  }
  if (rc == DB_OK) {
    rc = page_audit_event(r, 0, "member", privacy_id(request_arena(r), iMember),
                          bBlock ? "bloqueo" : "fin_bloqueo", "");
  }
  if (rc == DB_OK) rc = db_commit(pDb);
  if (rc != DB_OK) {
    db_rollback(pDb);
    respond_error(r, rc == DB_DONE ? 404 : 500, NULL);
    return;
  }
  respond_redirect(
      r, arena_printf(request_arena(r), "/admin/integrantes/%lld/datos",
                      (long long)iMember));
}
