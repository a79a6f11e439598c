/*
** Approving a version and importing a document by upload (admin only).
**
** POST     /admin/plan/aprobar   version, csrf_token — marks that version
**                                approved (by the officer, now)
** GET|POST /admin/plan/importar  multipart: file, reason, csrf_token — the
**                                same importer as cosoc import-plan (text,
**                                Word .docx or Excel .xlsx, told by
**                                content); a refused file comes back (422)
**                                with the reason next to the field, nothing
**                                written; an imported one is a draft shown
**                                in the review (/admin/plan/revision) with
**                                its differences from the version before
*/
#include <stdlib.h>
#include <string.h>

#include "domain/plan_import.h"
#include "pages/plan/plan_pages.h"

/* ---- Approval ---- */

void page_admin_plan_approve(Request *r) {
  const char *zVersion = request_field(r, "version");
  char *zEnd = NULL;
  long iNumber = zVersion ? strtol(zVersion, &zEnd, 10) : 0;
  if (!zVersion || *zEnd || iNumber <= 0) {
    respond_error(r, 422, "Falta el número de la versión a aprobar.");
    return;
  }
  int64_t iCouncil = page_council_id(r);
  int rc = plan_store_approve(request_db(r), iCouncil, (int)iNumber,
                              request_user(r)->id);
  if (!page_found(r, rc, "No existe esa versión del plan.")) return;
  respond_redirect(r, "/plan/historial?aviso=plan-aprobado");
}

/* ---- Import by upload ---- */

static void import_form(Request *r, int iStatus, const FormErrors *pErr) {
  Html h;
  page_begin(r, &h, "Importar plan", "plan");
  html_printf(
      &h,
      "<h1>Importar el plan desde un documento</h1>\n"
      "<p>Suba el plan como documento de Word (.docx), planilla Excel "
      "(.xlsx) o texto: el título con su periodo, la introducción, los "
      "objetivos generales y la tabla con columnas como N°, OBJETIVO, "
      "ACCIONES, RESPONSABLES, VERIFICADOR, FECHAS y META, en cualquier "
      "orden. Queda como borrador: verá cada línea tal como se entendió, "
      "con lo que hay que revisar marcado, y la aprobará cuando esté bien. "
      "Si el documento es igual a la última versión, no cambia nada.</p>\n");
  form_errors_summary(&h, pErr);
  html_printf(
      &h,
      "<form class=\"form\" method=\"post\" action=\"/admin/plan/importar\" "
      "enctype=\"multipart/form-data\">\n");
  form_csrf(&h, request_csrf_token(r));
  form_input(&h, pErr, "file", "Documento del plan", "file", NULL,
             "Un archivo .docx, .xlsx o .txt de hasta 4 MB.",
             "required accept=\".docx,.xlsx,.txt,.htm,.html,text/plain,"
             "application/vnd.openxmlformats-officedocument."
             "wordprocessingml.document,application/"
             "vnd.openxmlformats-officedocument.spreadsheetml.sheet\"");
  form_input(&h, pErr, "reason", "Motivo (opcional)", "text",
             pErr ? request_field(r, "reason") : NULL,
             "Si lo deja en blanco, el historial dirá el nombre del archivo.",
             "maxlength=\"500\"");
  plan_page_submit(&h, "Importar", "/plan");
  page_finish(r, &h, iStatus);
}

void page_admin_plan_import(Request *r) {
  Arena *pArena = request_arena(r);
  if (!request_is_post(r)) {
    import_form(r, 200, NULL);
    return;
  }
  FormErrors err;
  form_errors_init(&err);
  const FormField *pFile = NULL;
  int nField = 0;
  const FormField *aField = request_fields(r, &nField);
  for (int i = 0; i < nField; i++) {
    if (strcmp(aField[i].zName, "file") == 0) pFile = &aField[i];
  }
  if (!pFile || pFile->nValue == 0) {
    form_error(&err, "file", "Elija el archivo del plan.");
    import_form(r, 422, &err);
    return;
  }
  PlanDoc doc;
  const char *zErr = NULL;
  int rcRead = plan_store_read_document(request_db(r), pArena, 0, pFile->zValue,
                                        pFile->nValue, &doc, &zErr);
  if (rcRead == DB_ERROR) {
    respond_error(r, 500, NULL);
    return;
  }
  if (rcRead != DB_OK) {
    form_error(&err, "file",
               arena_printf(pArena, "El archivo no se importó. %s", zErr));
    import_form(r, 422, &err);
    return;
  }
  const char *zReason = plan_page_field_text(r, "reason");
  if (!*zReason) {
    zReason =
        arena_printf(pArena, "Importación de %s",
                     pFile->zFilename && *pFile->zFilename ? pFile->zFilename
                                                           : "un documento");
  }
  const User *pUser = request_user(r);
  int iNumber = 0, nChanges = 0;
  int64_t iCouncil = 0;
  int rc =
      plan_store_import(request_db(r), pArena, 0, &doc, zReason, pUser->id,
                        pUser->zName, &iCouncil, &iNumber, &nChanges, &zErr);
  if (rc == DB_ERROR) {
    form_error(&err, "file",
               arena_printf(pArena, "El archivo no se importó: %s.", zErr));
    import_form(r, 422, &err);
    return;
  }
  if (rc == PLAN_UNCHANGED) {
    respond_redirect(r, "/plan/historial?aviso=plan-sin-cambios");
  } else {
    respond_redirect(r, "/admin/plan/revision?aviso=plan-importado");
  }
}
