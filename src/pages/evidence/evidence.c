/*
** Evidence (verificadores): uploading files to an activity, listing and
** serving them, and the activity page's evidence section.
**
**   POST /api/activities/ID/evidence   (admin) multipart `kind`, `file`,
**                                      optional `caption`, `public` -> 201
**                                      {"id","kind","filename","sha256"}
**   POST /actividades/ID/evidencias    (admin, form) `kind`, `caption`,
**                                      `public`, one or more `file` -> 303
**   GET  /evidencias/ID                a file: public items of public
**                                      activities to everyone (a photo
**                                      as its stored copy without
**                                      metadata), the rest to signed-in
**                                      users (the original)
**   GET  /evidencias/ID/miniatura      a photo's thumbnail (JPEG), seen by
**                                      whoever may see the file
**   POST /evidencias/ID/eliminar       (admin) soft delete -> 303
**
** Every file of a request is checked by content, and a photo's thumbnail
** made, before anything is written; then all are written in one
** transaction or none. The request as a whole is capped by the server
** (the council's COUNCIL_EVIDENCE_REQUEST_MAX_BYTES, see routes.c): 413 before
*reading.
*/
#include <stdlib.h>
#include <string.h>

#include "domain/plan_catalog.h"
#include "store/council/council.h"
#include "store/evidence/evidence_store.h"
#include "pages/activities/activities_pages.h"
#include "store/evidence/photo_public.h"
#include "pages/evidence/evidence_pages.h"
#include "store/plan/plan_store.h"

/* A checked file, ready to store. */
typedef struct Upload {
  EvidenceFile file;     /* Checked, hashed, derivatives made */
  const char *zFilename; /* The name to keep */
} Upload;

/* The name to keep: the last path component, shortened; "archivo" if none. */
static const char *upload_filename(Arena *pArena, const char *z) {
  if (!z) return "archivo";
  const char *zSlash = strrchr(z, '/');
  if (zSlash) z = zSlash + 1;
  zSlash = strrchr(z, '\\');
  if (zSlash) z = zSlash + 1;
  size_t n = strlen(z);
  if (n == 0) return "archivo";
  if (n > EVIDENCE_FILENAME_MAX) n = EVIDENCE_FILENAME_MAX;
  /* Never cut a UTF-8 sequence in half. */
  while (n > 0 && ((unsigned char)z[n] & 0xC0) == 0x80) n--;
  return arena_strndup(pArena, z, n);
}

/* Checks every `file` field into aUp as evidence of kind zKind (bPublic:
** the items will be public, so photos get their public copy now); the
** number checked, or -1 with the status to answer (422, 503, 500) in
** *piStatus and a Spanish reason (naming the file) in *pzErr. */
static int uploads_check(Request *r, const char *zKind, int bPublic,
                         Upload *aUp, int nMax, int *piStatus,
                         const char **pzErr) {
  int nField = 0;
  const FormField *aField = request_fields(r, &nField);
  EvidenceLimits lim;
  evidence_limits(request_db(r), page_council_id(r), &lim);
  Arena *pArena = request_arena(r);
  int n = 0;
  *piStatus = 422;
  for (int i = 0; i < nField; i++) {
    const FormField *f = &aField[i];
    if (strcmp(f->zName, "file") != 0) continue;
    /* A file input left empty in a form sends no name and no bytes. */
    if ((!f->zFilename || !*f->zFilename) && f->nValue == 0) continue;
    if (n >= nMax) {
      *pzErr = "Son demasiados archivos para una sola vez: súbalos en partes.";
      return -1;
    }
    const char *zWhy = NULL;
    const char *zName = upload_filename(pArena, f->zFilename);
    EvidenceRefusal e =
        evidence_file_prepare(request_db(r), pArena, f->zValue, f->nValue, &lim,
                              zKind, bPublic, &aUp[n].file, &zWhy);
    if (e != EVIDENCE_READY) {
      *piStatus = e == EVIDENCE_RETRY ? 503 : e == EVIDENCE_FAILED ? 500 : 422;
      *pzErr = zWhy ? arena_printf(pArena, "«%s»: %s", zName, zWhy) : NULL;
      return -1;
    }
    aUp[n].zFilename = zName;
    n++;
  }
  return n;
}

/* The caption field, trimmed to its limit. */
static const char *upload_caption(Request *r) {
  const char *z = request_field(r, "caption");
  if (!z) return "";
  size_t n = strlen(z);
  if (n > EVIDENCE_CAPTION_MAX) n = EVIDENCE_CAPTION_MAX;
  while (n > 0 && ((unsigned char)z[n] & 0xC0) == 0x80) n--;
  return arena_strndup(request_arena(r), z, n);
}

static int upload_public(Request *r) {
  const char *z = request_field(r, "public");
  return z && (strcmp(z, "1") == 0 || strcmp(z, "on") == 0 ||
               strcmp(z, "true") == 0);
}

#define UPLOADS_MAX 50

/* A kind the council's evidence may be filed under: a standard one or one
** of the council's own (issue 17), not merged away. */
static int kind_usable(Request *r, const char *zKind) {
  Db *pDb = request_db(r);
  return zKind && plan_kinds_usable(pDb, page_council_id(r), zKind);
}

void page_api_activity_evidence(Request *r) {
  Activity a;
  if (!act_load(r, &a, 0)) return;
  const char *zKind = request_field(r, "kind");
  if (!kind_usable(r, zKind)) {
    respond_json_error(r, 422,
                       "Indique el tipo de verificador (invitacion, "
                       "convocatoria, citacion, asistencia, fotografias, "
                       "acta, informe, programa_formacion o uno propio del "
                       "consejo).",
                       "kind");
    return;
  }
  Upload aUp[1];
  const char *zErr = NULL;
  int bPublic = upload_public(r);
  int iStatus = 0;
  int n = uploads_check(r, zKind, bPublic, aUp, 1, &iStatus, &zErr);
  if (n < 0) {
    if (zErr) {
      respond_json_error(r, iStatus, zErr, "file");
    } else {
      respond_error(r, iStatus, NULL);
    }
    return;
  }
  if (n == 0) {
    respond_json_error(r, 422, "Adjunte el archivo en el campo «file».",
                       "file");
    return;
  }
  int64_t iId = 0;
  const User *pUser = request_user(r);
  if (!page_db_ok(r, evidence_add(request_db(r), a.id, zKind, &aUp[0].file,
                                  aUp[0].zFilename, upload_caption(r), bPublic,
                                  pUser ? pUser->id : 0, &iId))) {
    return;
  }
  json_t *p = json_object();
  json_object_set_new(p, "id", json_integer(iId));
  json_object_set_new(p, "kind", json_string(zKind));
  json_object_set_new(p, "filename", json_string(aUp[0].zFilename));
  json_object_set_new(p, "sha256", json_string(aUp[0].file.zSha256));
  respond_json(r, 201, p);
}

void page_activity_evidence_upload(Request *r) {
  Activity a;
  if (!act_load(r, &a, 0)) return;
  const char *zKind = request_field(r, "kind");
  ActivityReshow re = {"verificadores", NULL, 0};
  if (!kind_usable(r, zKind)) {
    re.zError = "Elija el tipo de verificador.";
    activity_page_show(r, &a, &re, 422);
    return;
  }
  /* Arena memory: UPLOADS_MAX prepared files are too big for the stack. */
  Upload *aUp = arena_alloc(request_arena(r), sizeof(Upload) * UPLOADS_MAX);
  const char *zErr = NULL;
  int bPublic = upload_public(r);
  int iStatus = 0;
  int n = uploads_check(r, zKind, bPublic, aUp, UPLOADS_MAX, &iStatus, &zErr);
  if (n < 0) {
    if (!zErr || iStatus >= 500) {
      respond_error(r, iStatus, NULL);
      return;
    }
    /* Refused: shown where the form is, with what was chosen kept. */
    re.zError =
        arena_printf(request_arena(r), "%s No se guardó ningún archivo.", zErr);
    activity_page_show(r, &a, &re, iStatus);
    return;
  }
  if (n == 0) {
    re.zError = "Elija al menos un archivo.";
    activity_page_show(r, &a, &re, 422);
    return;
  }
  Db *pDb = request_db(r);
  const char *zCaption = upload_caption(r);
  const User *pUser = request_user(r);
  int rc = db_begin(pDb);
  for (int i = 0; rc == DB_OK && i < n; i++) {
    int64_t iId = 0;
    rc = evidence_add(pDb, a.id, zKind, &aUp[i].file, aUp[i].zFilename,
                      zCaption, bPublic, pUser ? pUser->id : 0, &iId);
  }
  if (rc != DB_OK) {
    db_rollback(pDb);
    respond_error(r, 500, NULL);
    return;
  }
  if (!page_db_ok(r, db_commit(pDb))) return;
  respond_redirect(
      r, arena_printf(request_arena(r),
                      "/actividades/%lld?guardado=verificadores#verificadores",
                      (long long)a.id));
}

/* The item named by the route's first capture that this visitor may see,
** or answers 404 and returns 0. */
static int evidence_load(Request *r, EvidenceItem *pItem, Activity *pAct) {
  int64_t id = request_param_id(r, 0);
  int rc = !id ? DB_DONE
               : evidence_get(request_db(r), request_arena(r),
                              page_council_id(r), id, pItem);
  if (rc == DB_OK) {
    rc = activity_get(request_db(r), request_arena(r), page_council_id(r),
                      pItem->iActivity, pAct);
  }
  if (rc == DB_OK && !request_user(r) && (!pItem->bPublic || !pAct->bPublic)) {
    rc = DB_DONE;
  }
  if (rc != DB_OK) {
    respond_error(r, rc == DB_DONE ? 404 : 500,
                  rc == DB_DONE ? "No existe ese verificador." : NULL);
    return 0;
  }
  return 1;
}

/* Sets the caching and safety headers for item e served with entity tag
** zTag; answers 304 and returns 1 when the client already holds it.
**
** The bytes at a URL never change (an item's file is fixed and its
** derivatives are keyed by the file's digest), but an item can be deleted
** or made private, and then it must disappear at once: so caches may keep
** a copy but must ask again every time (no-cache), and the ETag, the
** file's SHA-256, makes the answer a bodiless 304 while it is unchanged.
** Signed-in visitors may get the original (with its metadata) at the same
** URL as the public copy, so only anonymous answers are shareable.
**
** An uploaded file is never trusted as a page: the sandbox policy keeps a
** PDF's or an image's scripts, forms and plugins from running with this
** site's origin, whoever opens it. */
static int evidence_cached(Request *r, const EvidenceItem *e, const Activity *a,
                           const char *zTag) {
  const char *zEtag = arena_printf(request_arena(r), "\"%s\"", zTag);
  const char *zPolicy = !request_user(r)             ? "public, no-cache"
                        : (e->bPublic && a->bPublic) ? "private, no-cache"
                                                     : "private, no-store";
  response_header(r, "Cache-Control", zPolicy);
  response_header(r, "ETag", zEtag);
  response_header(r, "Content-Security-Policy", "sandbox");
  const char *zHave = request_header(r, "If-None-Match");
  if (zHave && (strstr(zHave, zEtag) || strcmp(zHave, "*") == 0)) {
    respond_bytes(r, 304, "application/octet-stream", "", 0);
    return 1;
  }
  return 0;
}

/* Answers with the bytes of file zSha256 (zKind NULL) or of its
** derivative zKind (stored, or made now for a file from before derivatives
** were stored), held once for every answer sending them
** (util/shared_bytes.h): an answer lives until its last byte is sent, and
** with a copy each, slow readers of one large public file held a copy per
** connection (60 of them, 1 GB). What is read from the database goes into
** a scratch arena freed at once, never the request's. */
static void evidence_shared_respond(Request *r, const char *zSha256,
                                    const char *zKind, const char *zMime) {
  const char *zKey =
      zKind ? arena_printf(request_arena(r), "%s-%s", zSha256, zKind) : zSha256;
  SharedBytes *pBytes = shared_bytes_find(zKey);
  int rc = DB_OK;
  if (!pBytes) {
    Arena *pScratch = arena_new();
    PhotoImage m;
    memset(&m, 0, sizeof(m));
    m.zMime = zMime;
    rc = zKind
             ? evidence_derivative(request_db(r), pScratch, zSha256, zKind, &m)
             : evidence_bytes(request_db(r), pScratch, zSha256, &m.pData,
                              &m.nData);
    if (rc == DB_OK) {
      zMime = m.zMime;
      pBytes = shared_bytes_add(zKey, m.pData, m.nData);
    }
    arena_free(pScratch);
  }
  if (rc != DB_OK) {
    /* DB_DONE of a derivative: a photo libvips cannot open is not shown
    ** rather than shown with its metadata. */
    int bUnshown = rc == DB_DONE && zKind;
    respond_error(r, bUnshown ? 404 : 500,
                  bUnshown ? "No se puede mostrar esa foto." : NULL);
    return;
  }
  if (!pBytes) {
    response_header(r, "Retry-After", "10");
    respond_error(r, 503,
                  "El servidor está entregando muchos archivos grandes a la "
                  "vez. Vuelva a intentarlo en unos segundos.");
    return;
  }
  respond_shared(r, 200, zMime, pBytes);
}

/* Answers with derivative zKind of item e. */
static void evidence_derivative_respond(Request *r, const EvidenceItem *e,
                                        const Activity *a, const char *zKind) {
  if (evidence_cached(
          r, e, a,
          arena_printf(request_arena(r), "%s-%s", e->zSha256, zKind))) {
    return;
  }
  evidence_shared_respond(r, e->zSha256, zKind,
                          strcmp(zKind, EVIDENCE_DERIVATIVE_THUMB) == 0
                              ? PHOTO_THUMB_MIME
                              : e->zMime);
}

void page_evidence_file(Request *r) {
  EvidenceItem e;
  Activity a;
  if (!evidence_load(r, &e, &a)) return;
  /* The name is for the browser's "save as": plain ASCII in filename=,
  ** the real UTF-8 name percent-encoded in filename* (RFC 6266), with the
  ** extension of its checked content, never the uploader's. */
  const char *zName =
      evidence_download_name(request_arena(r), e.zFilename, e.zMime);
  char *zAscii = arena_strdup(request_arena(r), zName);
  for (char *z = zAscii; *z; z++) {
    unsigned char c = (unsigned char)*z;
    if (c == '"' || c == '\\' || c < 0x20 || c >= 0x7f) *z = '_';
  }
  /* Photos are shown; a PDF is downloaded, never opened in the page: an
  ** uploaded PDF may carry JavaScript or forms, and a browser's viewer
  ** would run them for whoever follows the link. */
  response_header(
      r, "Content-Disposition",
      arena_printf(request_arena(r), "%s; filename=\"%s\"; filename*=UTF-8''%s",
                   photo_public_needed(e.zMime) ? "inline" : "attachment",
                   zAscii, html_url_arg(request_arena(r), zName)));
  /* Anonymous visitors get photos without their metadata (GPS position,
  ** device, owner): see store/evidence/photo_public.h. */
  if (!request_user(r) && photo_public_needed(e.zMime)) {
    evidence_derivative_respond(r, &e, &a, EVIDENCE_DERIVATIVE_PUBLIC);
    return;
  }
  if (evidence_cached(r, &e, &a, e.zSha256)) return;
  evidence_shared_respond(r, e.zSha256, NULL, e.zMime);
}

void page_evidence_thumbnail(Request *r) {
  EvidenceItem e;
  Activity a;
  if (!evidence_load(r, &e, &a)) return;
  if (!photo_public_needed(e.zMime)) {
    respond_error(r, 404,
                  "Ese verificador no es una foto: no tiene miniatura.");
    return;
  }
  evidence_derivative_respond(r, &e, &a, EVIDENCE_DERIVATIVE_THUMB);
}

void page_evidence_delete(Request *r) {
  EvidenceItem e;
  Activity a;
  if (!evidence_load(r, &e, &a)) return;
  const User *pUser = request_user(r);
  if (evidence_delete(request_db(r), page_council_id(r), e.id,
                      pUser ? pUser->id : 0) == DB_ERROR) {
    respond_error(r, 500, NULL);
    return;
  }
  respond_redirect(
      r, arena_printf(request_arena(r), "/actividades/%lld#verificadores",
                      (long long)a.id));
}

json_t *evidence_json_items(const EvidenceItem *aItem, int nItem) {
  json_t *pArr = json_array();
  for (int i = 0; i < nItem; i++) {
    json_t *p = json_object();
    json_object_set_new(p, "id", json_integer(aItem[i].id));
    json_object_set_new(p, "kind", json_string(aItem[i].zKind));
    json_object_set_new(p, "filename", json_string(aItem[i].zFilename));
    json_object_set_new(p, "caption", json_string(aItem[i].zCaption));
    json_object_set_new(p, "public", json_boolean(aItem[i].bPublic));
    json_object_set_new(p, "sha256", json_string(aItem[i].zSha256));
    json_array_append_new(pArr, p);
  }
  return pArr;
}

json_t *evidence_json_list(Request *r, int64_t iActivity) {
  EvidenceItem *aItem = NULL;
  int nItem = 0;
  if (evidence_list(request_db(r), request_arena(r), iActivity, 0, &aItem,
                    &nItem) != DB_OK) {
    return json_array();
  }
  return evidence_json_items(aItem, nItem);
}

void evidence_section(Html *h, Request *r, const Activity *a,
                      const ActivityReshow *pRe) {
  pRe = activity_reshow_of(pRe, "verificadores");
  const User *pUser = request_user(r);
  int bAdmin = page_user_is(r, ROLE_ADMIN);
  EvidenceItem *aItem = NULL;
  int nItem = 0;
  evidence_list(request_db(r), request_arena(r), a->id, pUser == NULL, &aItem,
                &nItem);
  EvidenceSystem sys;
  memset(&sys, 0, sizeof(sys));
  if (pUser) evidence_system(request_db(r), a->id, EVIDENCE_CUT_NONE, &sys);
  int bSystem = sys.bNotice || sys.bAttendance || sys.bActa;
  if (!bAdmin && nItem == 0 && !bSystem && !pRe) return;
  page_section_begin(h, r, "verificadores", "Verificadores", "verificadores");
  if (bSystem) {
    /* What cosoc recorded is proof: no one prints and uploads it. */
    Arena *pArena = request_arena(r);
    html_printf(h, "<ul class=\"evidence-list evidence-system\">\n");
    if (sys.bNotice) {
      html_printf(h,
                  "<li><a href=\"/actividades/%lld/citacion.pdf\">"
                  "citacion-enviada.pdf</a> — Citación enviada por cosoc el "
                  "%s a %d destinatario%s (generado por el sistema; cuenta "
                  "como Citación, Convocatoria o Invitación)",
                  (long long)a->id, page_time(pArena, sys.tNotice),
                  sys.nRecipients, sys.nRecipients == 1 ? "" : "s");
      activity_notice_record(h, r, a, bAdmin);
      html_printf(h, "</li>\n");
    }
    if (sys.bAttendance) {
      html_printf(h,
                  "<li><a href=\"/actividades/%lld/asistencia.pdf\">"
                  "asistencia.pdf</a> — %s registrada en cosoc el %s "
                  "(generado por el sistema)</li>\n",
                  (long long)a->id,
                  evidence_kind_label(EVIDENCE_KIND_ATTENDANCE),
                  page_time(pArena, sys.tAttendance));
    }
    if (sys.bActa) {
      html_printf(h,
                  "<li><a href=\"/actividades/%lld/acta.pdf\">acta.pdf</a>"
                  " — %s aprobada el %s (generado por el sistema)</li>\n",
                  (long long)a->id, evidence_kind_label(EVIDENCE_KIND_ACTA),
                  page_time(pArena, sys.tActa));
    }
    html_printf(h, "</ul>\n");
  }
  if (nItem == 0 && !bSystem) {
    html_printf(h, "<p>Aún no hay verificadores.</p>\n");
  } else {
    html_printf(h, "<ul class=\"evidence-list\">\n");
    for (int i = 0; i < nItem; i++) {
      const EvidenceItem *e = &aItem[i];
      const char *zLabel = evidence_kind_label(e->zKind);
      if (photo_public_needed(e->zMime)) {
        /* The thumbnail, not the photo: a list of phone photos would
        ** weigh megabytes. The file name beside it names the link, so the
        ** picture itself is decoration (empty alt). */
        html_printf(h,
                    "<li class=\"evidence-photo\"><a href=\"/evidencias/"
                    "%lld\"><img src=\"/evidencias/%lld/miniatura\" alt=\"\" "
                    "loading=\"lazy\"",
                    (long long)e->id, (long long)e->id);
        if (e->nThumbWidth > 0) {
          html_printf(h, " width=\"%d\" height=\"%d\"", e->nThumbWidth,
                      e->nThumbHeight);
        }
        html_printf(h, "> %s</a> — %s", e->zFilename,
                    zLabel ? zLabel : e->zKind);
      } else {
        html_printf(h, "<li><a href=\"/evidencias/%lld\">%s</a> — %s",
                    (long long)e->id, e->zFilename, zLabel ? zLabel : e->zKind);
      }
      if (*e->zCaption) html_printf(h, ": %s", e->zCaption);
      if (pUser) html_printf(h, " (%s)", e->bPublic ? "público" : "interno");
      if (bAdmin) {
        html_printf(
            h,
            " <form class=\"inline-form\" method=\"post\" action=\""
            "/evidencias/%lld/eliminar\"><input type=\"hidden\" "
            "name=\"csrf_token\" value=\"%s\"><button type=\"submit\" "
            "class=\"button button-secondary\">Eliminar</button></form>",
            (long long)e->id, request_csrf_token(r));
      }
      html_printf(h, "</li>\n");
    }
    html_printf(h, "</ul>\n");
  }
  if (bAdmin) {
    /* A refused upload comes back here with its kind, description and
    ** choice kept; only the files must be chosen again. */
    const char *zKind = pRe ? request_field(r, "kind") : NULL;
    const char *zCaption = pRe ? request_field(r, "caption") : NULL;
    if (!zKind || !*zKind) zKind = "fotografias";
    if (pRe) {
      html_printf(h,
                  "<div class=\"notice notice-error\" role=\"alert\" id=\""
                  "verificadores-error\"><p>%s</p><p>Vuelva a elegir los "
                  "archivos (el navegador no los conserva); el tipo y la "
                  "descripción quedaron como los dejó.</p></div>\n",
                  pRe->zError);
    }
    html_printf(
        h,
        "<form method=\"post\" enctype=\"multipart/form-data\" "
        "action=\"/actividades/%lld/evidencias\" class=\"evidence-form\">"
        "<input type=\"hidden\" name=\"csrf_token\" value=\"%s\">"
        "<label for=\"ev-kind\">Tipo de verificador</label>"
        "<select id=\"ev-kind\" name=\"kind\">",
        (long long)a->id, request_csrf_token(r));
    for (int i = 0; i < plan_evidence_kinds_count; i++) {
      html_printf(
          h, "<option value=\"%s\"%s>%s</option>", plan_evidence_kinds[i].zSlug,
          strcmp(plan_evidence_kinds[i].zSlug, zKind) == 0 ? " selected" : "",
          plan_evidence_kinds[i].zLabel);
    }
    PlanCouncilKind *aOwn = NULL;
    int nOwn = 0;
    plan_kinds_list(request_db(r), request_arena(r), page_council_id(r), &aOwn,
                    &nOwn);
    for (int i = 0; i < nOwn; i++) {
      if (aOwn[i].zMergedInto) continue;
      html_printf(h, "<option value=\"%s\"%s>%s</option>", aOwn[i].zSlug,
                  strcmp(aOwn[i].zSlug, zKind) == 0 ? " selected" : "",
                  aOwn[i].zLabel);
    }
    html_printf(
        h,
        "</select>"
        "<label for=\"ev-file\">Archivos (fotos JPEG, PNG o WebP, o "
        "PDF; puede elegir varios)</label>"
        "<input id=\"ev-file\" type=\"file\" name=\"file\" multiple "
        "accept=\"image/*,application/pdf\">"
        "<label for=\"ev-camera\">O tome una foto con el "
        "teléfono</label>"
        "<input id=\"ev-camera\" type=\"file\" name=\"file\" "
        "accept=\"image/*\" capture=\"environment\">"
        "<label for=\"ev-caption\">Descripción (opcional)</label>"
        "<input id=\"ev-caption\" type=\"text\" name=\"caption\" "
        "maxlength=\"%d\" value=\"%s\">"
        "<label class=\"check\"><input type=\"checkbox\" "
        "name=\"public\" value=\"1\"%s> Mostrar al público</label>"
        "<p class=\"muted\">Se revisa el contenido de cada archivo; "
        "hasta %zu MB por archivo y %zu MB por envío (<a href=\""
        "/admin/verificadores\">cambiar</a>).</p>"
        "<button type=\"submit\" class=\"button button-primary\">"
        "Subir verificadores</button></form>\n",
        EVIDENCE_CAPTION_MAX, zCaption ? zCaption : "",
        pRe && upload_public(r) ? " checked" : "",
        council_evidence_max_bytes(request_db(r), page_council_id(r)) /
            (1024 * 1024),
        council_evidence_request_max_bytes(request_db(r), page_council_id(r)) /
            (1024 * 1024));
  }
  html_printf(h, "</section>\n");
}
