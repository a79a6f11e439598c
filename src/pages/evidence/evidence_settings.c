/*
** The evidence upload limits as settings: the largest file and the largest
** upload (all its files together). The server refuses a larger upload
** before reading it (routes.c hands it the council's
*COUNCIL_EVIDENCE_REQUEST_MAX_BYTES), and the
** upload pages refuse a larger file by name.
**
** GET  /admin/verificadores  admin: the form
** POST /admin/verificadores  admin: file_mb, request_mb (whole MB, 1 to
**      EVIDENCE_LIMIT_MAX_MB; a file no larger than a request) -> 303;
**      anything else -> 422, the form again with the typed values and why
*/
#include <stdlib.h>
#include <string.h>

#include "store/evidence/evidence_store.h"
#include "store/council/council.h"
#include "pages/evidence/evidence_pages.h"

#define MB (1024 * 1024)
#define STRINGIFY_(x) #x
#define STRINGIFY(x) STRINGIFY_(x)
#define LIMIT_ATTRS \
  "min=\"1\" max=\"" STRINGIFY(EVIDENCE_LIMIT_MAX_MB) "\" required"

/* The whole number of MB in field zName, or -1 when it is not one in
** 1..EVIDENCE_LIMIT_MAX_MB. */
static long limit_field(Request *r, const char *zName) {
  const char *z = request_field(r, zName);
  if (!z) return -1;
  z += strspn(z, " ");
  char *zEnd = NULL;
  long v = *z ? strtol(z, &zEnd, 10) : -1;
  if (zEnd) zEnd += strspn(zEnd, " ");
  if (!zEnd || *zEnd || v < 1 || v > EVIDENCE_LIMIT_MAX_MB) return -1;
  return v;
}

/* The form: stored values, or (pErr non-NULL) the typed ones with their
** messages, 422. */
static void limits_form(Request *r, const FormErrors *pErr) {
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  const char *zFile = pErr ? request_field(r, "file_mb") : NULL;
  const char *zRequest = pErr ? request_field(r, "request_mb") : NULL;
  if (!pErr) {
    zFile =
        arena_printf(pArena, "%zu",
                     council_evidence_max_bytes(pDb, page_council_id(r)) / MB);
    zRequest = arena_printf(
        pArena, "%zu",
        council_evidence_request_max_bytes(pDb, page_council_id(r)) / MB);
  }
  Html h;
  page_begin(r, &h, "Límites de los verificadores", "actividades");
  html_printf(&h,
              "<h1>Límites de los verificadores</h1>\n<p>Cuánto puede "
              "pesar lo que se sube a una actividad. Un archivo más grande "
              "se rechaza nombrándolo; un envío más grande se rechaza "
              "entero, sin guardar nada.</p>\n");
  if (pErr) form_errors_summary(&h, pErr);
  html_printf(&h,
              "<form class=\"form\" method=\"post\" action="
              "\"/admin/verificadores\">");
  form_csrf(&h, request_csrf_token(r));
  const char *zMax =
      arena_printf(pArena, "De 1 a %d MB.", EVIDENCE_LIMIT_MAX_MB);
  form_input(
      &h, pErr, "file_mb", "Máximo por archivo (MB)", "number",
      zFile ? zFile : "",
      arena_printf(pArena, "%s Una foto de teléfono pesa de 2 a 8 MB.", zMax),
      LIMIT_ATTRS);
  form_input(&h, pErr, "request_mb", "Máximo por envío (MB)", "number",
             zRequest ? zRequest : "",
             arena_printf(pArena,
                          "%s Todos los archivos de una vez; al menos el "
                          "máximo por archivo.",
                          zMax),
             LIMIT_ATTRS);
  html_printf(&h,
              "<div class=\"actions\"><button type=\"submit\" class=\""
              "button\">Guardar límites</button></div></form>\n");
  page_finish(r, &h, pErr ? 422 : 200);
}

void page_admin_evidence_settings(Request *r) {
  if (!request_is_post(r)) {
    limits_form(r, NULL);
    return;
  }
  FormErrors err;
  form_errors_init(&err);
  long nFile = limit_field(r, "file_mb");
  long nRequest = limit_field(r, "request_mb");
  const char *zRange =
      arena_printf(request_arena(r), "un número entero de MB, de 1 a %d.",
                   EVIDENCE_LIMIT_MAX_MB);
  if (nFile < 0) {
    form_error(&err, "file_mb",
               arena_printf(request_arena(r),
                            "Indique el máximo por archivo: %s", zRange));
  }
  if (nRequest < 0) {
    form_error(&err, "request_mb",
               arena_printf(request_arena(r), "Indique el máximo por envío: %s",
                            zRange));
  }
  if (nFile > 0 && nRequest > 0 && nFile > nRequest) {
    form_error(&err, "request_mb",
               "El máximo por envío no puede ser menor que el máximo por "
               "archivo: un archivo de ese tamaño no se podría subir.");
  }
  if (err.n > 0) {
    limits_form(r, &err);
    return;
  }
  Db *pDb = request_db(r);
  int64_t iCouncil = page_council_id(r), iUser = request_user(r)->id;
  int rc = db_begin(pDb);
  if (rc == DB_OK) {
    rc = council_setting_save(pDb, iCouncil, COUNCIL_EVIDENCE_MAX_BYTES,
                              (int64_t)nFile * MB, -1, iUser);
  }
  if (rc == DB_OK) {
    rc = council_setting_save(pDb, iCouncil, COUNCIL_EVIDENCE_REQUEST_MAX_BYTES,
                              (int64_t)nRequest * MB, -1, iUser);
  }
  if (rc != DB_OK) {
    db_rollback(pDb);
    respond_error(r, 500, NULL);
    return;
  }
  if (db_commit(pDb) != DB_OK) {
    respond_error(r, 500, NULL);
    return;
  }
  respond_redirect(r, "/admin/verificadores");
}
