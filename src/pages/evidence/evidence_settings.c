/*
** The evidence upload limits as settings: the largest file, the largest
** upload (all its files together) and the largest photo (megapixels and
** pixels a side, read from its header before any pixel is decoded). The
** server refuses a larger upload before reading it (routes.c hands it the
** council's COUNCIL_EVIDENCE_REQUEST_MAX_BYTES), and the upload pages
** refuse a larger file or photo by name. The four are the council's
** settings (store/council/council.h), saved together as one version.
**
** GET  /admin/verificadores  admin: the form
** POST /admin/verificadores  admin: file_mb, request_mb (whole MB, 1 to
**      EVIDENCE_LIMIT_MAX_MB; a file no larger than a request),
**      max_megapixels (1 to EVIDENCE_MAX_MEGAPIXELS_MAX), max_side (100 to
**      EVIDENCE_MAX_SIDE_MAX), version (the limits' version the form was
**      drawn from) -> 303; anything else -> 422, the form again with the
**      typed values and why; saved meanwhile by someone else -> 409 with
**      both versions, to save again or discard (as every settings form)
*/
#include <stdlib.h>
#include <string.h>

#include "pages/conflict.h"
#include "pages/evidence/evidence_pages.h"
#include "store/council/council.h"
#include "store/evidence/evidence_store.h"

#define MB (1024 * 1024)
#define MEGAPIXEL 1000000
#define SIDE_MIN 100 /* Pixels: below it even a thumbnail is refused */
#define STRINGIFY_(x) #x
#define STRINGIFY(x) STRINGIFY_(x)
#define LIMIT_ATTRS \
  "min=\"1\" max=\"" STRINGIFY(EVIDENCE_LIMIT_MAX_MB) "\" required"
#define MEGAPIXELS_ATTRS \
  "min=\"1\" max=\"" STRINGIFY(EVIDENCE_MAX_MEGAPIXELS_MAX) "\" required"
#define SIDE_ATTRS                                    \
  "min=\"" STRINGIFY(SIDE_MIN) "\" max=\"" STRINGIFY( \
      EVIDENCE_MAX_SIDE_MAX) "\" required"

/* The form's four numbers, as whole units. */
typedef struct LimitsForm {
  long nFileMb;
  long nRequestMb;
  long nMegapixels;
  long nSide;
} LimitsForm;

/* The whole number in field zName, or -1 when it is not one in
** nMin..nMax. */
static long number_field(Request *r, const char *zName, long nMin, long nMax) {
  const char *z = request_field(r, zName);
  if (!z) return -1;
  z += strspn(z, " ");
  char *zEnd = NULL;
  long v = *z ? strtol(z, &zEnd, 10) : -1;
  if (zEnd) zEnd += strspn(zEnd, " ");
  if (!zEnd || *zEnd || v < nMin || v > nMax) return -1;
  return v;
}

/* The settings the form saves together; the first one's version is the
** form's. */
static const CouncilSetting aeLimit[] = {
    COUNCIL_EVIDENCE_MAX_BYTES, COUNCIL_EVIDENCE_REQUEST_MAX_BYTES,
    COUNCIL_EVIDENCE_MAX_PIXELS, COUNCIL_EVIDENCE_MAX_SIDE};

static void limits_stored(Request *r, LimitsForm *f) {
  EvidenceLimits lim;
  evidence_limits(request_db(r), page_council_id(r), &lim);
  f->nFileMb = (long)(lim.nMaxBytes / MB);
  f->nRequestMb = (long)(council_evidence_request_max_bytes(
                             request_db(r), page_council_id(r)) /
                         MB);
  f->nMegapixels = (long)(lim.photo.nMaxPixels / MEGAPIXEL);
  f->nSide = lim.photo.nMaxSide;
}

/* The stored limits' version (0: never saved with this form). */
static int limits_version(Request *r, RecordStamp *pStamp) {
  RecordStamp stamp;
  if (!pStamp) pStamp = &stamp;
  return council_setting_stamp(request_db(r), request_arena(r),
                               page_council_id(r), aeLimit[0], pStamp) == DB_OK
             ? pStamp->iVersion
             : 0;
}

/* The typed value of zName when re-showing (bTyped), else nStored. */
static const char *number_value(Request *r, int bTyped, const char *zName,
                                long nStored) {
  const char *z = bTyped ? request_field(r, zName) : NULL;
  if (bTyped) return z ? z : "";
  return arena_printf(request_arena(r), "%ld", nStored);
}

/* The form: stored values; or (pErr) the typed ones with their messages,
** 422, keeping the version iBase they were drawn from; or (pSaved) the
** typed ones next to those saved meanwhile, 409, drawn from the stored
** version so that "Guardar mi versión" is checked again. */
static void limits_form(Request *r, const FormErrors *pErr, int iBase,
                        const LimitsForm *pMine, const LimitsForm *pSaved) {
  Arena *pArena = request_arena(r);
  LimitsForm stored;
  limits_stored(r, &stored);
  int bTyped = pErr != NULL || pSaved != NULL;
  Html h;
  page_begin_titled(r, &h, "Límites de los verificadores", "actividades");
  html_printf(&h,
              "<p>Cuánto puede "
              "pesar lo que se sube a una actividad, y cuán grande puede "
              "ser una foto. Un archivo más grande se rechaza nombrándolo; "
              "un envío más grande se rechaza entero, sin guardar nada.</p>"
              "\n");
  if (pErr) form_errors_summary(&h, pErr);
  if (pSaved) {
    RecordStamp stamp;
    limits_version(r, &stamp);
    ConflictSaved saved = {"de los límites de los verificadores",
                           stamp.iVersion, stamp.zAuthor, stamp.tUpdated};
    conflict_begin(&h, pArena, &saved);
    static const char *const azLabel[] = {
        "Máximo por archivo (MB)", "Máximo por envío (MB)",
        "Máximo de una foto (megapíxeles)",
        "Máximo de una foto por lado (píxeles)"};
    const long aMine[] = {pMine->nFileMb, pMine->nRequestMb, pMine->nMegapixels,
                          pMine->nSide};
    const long aSaved[] = {pSaved->nFileMb, pSaved->nRequestMb,
                           pSaved->nMegapixels, pSaved->nSide};
    for (int i = 0; i < 4; i++) {
      conflict_row(&h, azLabel[i], arena_printf(pArena, "%ld", aMine[i]),
                   arena_printf(pArena, "%ld", aSaved[i]));
    }
    conflict_end(&h);
  }
  html_printf(&h,
              "<form class=\"form\" method=\"post\" action="
              "\"/admin/verificadores\"><input type=\"hidden\" name=\""
              "version\" value=\"%d\">",
              iBase < 0 ? limits_version(r, NULL) : iBase);
  form_csrf(&h, request_csrf_token(r));
  const char *zMax =
      arena_printf(pArena, "De 1 a %d MB.", EVIDENCE_LIMIT_MAX_MB);
  form_input(
      &h, pErr, "file_mb", "Máximo por archivo (MB)", "number",
      number_value(r, bTyped, "file_mb", stored.nFileMb),
      arena_printf(pArena, "%s Una foto de teléfono pesa de 2 a 8 MB.", zMax),
      LIMIT_ATTRS);
  form_input(&h, pErr, "request_mb", "Máximo por envío (MB)", "number",
             number_value(r, bTyped, "request_mb", stored.nRequestMb),
             arena_printf(pArena,
                          "%s Todos los archivos de una vez; al menos el "
                          "máximo por archivo.",
                          zMax),
             LIMIT_ATTRS);
  form_input(&h, pErr, "max_megapixels", "Máximo de una foto (megapíxeles)",
             "number",
             number_value(r, bTyped, "max_megapixels", stored.nMegapixels),
             arena_printf(pArena,
                          "De 1 a %d. Una foto de teléfono tiene de 12 a 50 "
                          "megapíxeles; una más grande se rechaza sin "
                          "abrirla.",
                          EVIDENCE_MAX_MEGAPIXELS_MAX),
             MEGAPIXELS_ATTRS);
  form_input(&h, pErr, "max_side", "Máximo de una foto por lado (píxeles)",
             "number", number_value(r, bTyped, "max_side", stored.nSide),
             arena_printf(pArena,
                          "De %d a %d. Una panorámica de teléfono mide "
                          "hasta unos 16000 píxeles de ancho.",
                          SIDE_MIN, EVIDENCE_MAX_SIDE_MAX),
             SIDE_ATTRS);
  conflict_submit_or_save(&h, pSaved != NULL, "/admin/verificadores",
                          "Guardar límites");
  page_finish(r, &h, pSaved ? 409 : pErr ? 422 : 200);
}

/* Reads and checks the form into *f; the problems go into pErr. A photo
** field the form does not carry at all (a client older than it) keeps its
** stored value. */
static void limits_read(Request *r, LimitsForm *f, FormErrors *pErr) {
  Arena *pArena = request_arena(r);
  LimitsForm stored;
  limits_stored(r, &stored);
  f->nFileMb = number_field(r, "file_mb", 1, EVIDENCE_LIMIT_MAX_MB);
  f->nRequestMb = number_field(r, "request_mb", 1, EVIDENCE_LIMIT_MAX_MB);
  f->nMegapixels =
      request_field(r, "max_megapixels")
          ? number_field(r, "max_megapixels", 1, EVIDENCE_MAX_MEGAPIXELS_MAX)
          : stored.nMegapixels;
  f->nSide = request_field(r, "max_side")
                 ? number_field(r, "max_side", SIDE_MIN, EVIDENCE_MAX_SIDE_MAX)
                 : stored.nSide;
  const char *zRange = arena_printf(
      pArena, "un número entero de MB, de 1 a %d.", EVIDENCE_LIMIT_MAX_MB);
  if (f->nFileMb < 0) {
    form_error(
        pErr, "file_mb",
        arena_printf(pArena, "Indique el máximo por archivo: %s", zRange));
  }
  if (f->nRequestMb < 0) {
    form_error(pErr, "request_mb",
               arena_printf(pArena, "Indique el máximo por envío: %s", zRange));
  }
  if (f->nFileMb > 0 && f->nRequestMb > 0 && f->nFileMb > f->nRequestMb) {
    form_error(pErr, "request_mb",
               "El máximo por envío no puede ser menor que el máximo por "
               "archivo: un archivo de ese tamaño no se podría subir.");
  }
  if (f->nMegapixels < 0) {
    form_error(pErr, "max_megapixels",
               arena_printf(pArena,
                            "Indique los megapíxeles de la foto más grande: "
                            "un número entero de 1 a %d.",
                            EVIDENCE_MAX_MEGAPIXELS_MAX));
  }
  if (f->nSide < 0) {
    form_error(pErr, "max_side",
               arena_printf(pArena,
                            "Indique los píxeles por lado de la foto más "
                            "grande: un número entero de %d a %d.",
                            SIDE_MIN, EVIDENCE_MAX_SIDE_MAX));
  }
}

/* Saves f if the stored limits are still those the form was drawn from
** (a form without "version", an older client, saves unchecked): DB_OK,
** DB_STALE (saved meanwhile), DB_ERROR. */
static int limits_save(Request *r, const LimitsForm *f) {
  const char *zBase = request_field(r, "version");
  const int64_t aiValue[] = {(int64_t)f->nFileMb * MB,
                             (int64_t)f->nRequestMb * MB,
                             (int64_t)f->nMegapixels * MEGAPIXEL, f->nSide};
  return council_settings_save(request_db(r), page_council_id(r), aeLimit,
                               aiValue, 4, zBase ? atoi(zBase) : -1,
                               request_user(r)->id);
}

void page_admin_evidence_settings(Request *r) {
  if (!request_is_post(r)) {
    limits_form(r, NULL, -1, NULL, NULL);
    return;
  }
  FormErrors err;
  form_errors_init(&err);
  LimitsForm mine;
  limits_read(r, &mine, &err);
  const char *zBase = request_field(r, "version");
  if (err.n > 0) {
    limits_form(r, &err, zBase ? atoi(zBase) : -1, NULL, NULL);
    return;
  }
  int rc = limits_save(r, &mine);
  if (rc == DB_OK) {
    respond_redirect(r, "/admin/verificadores");
    return;
  }
  if (rc != DB_STALE) {
    respond_error(r, 500, NULL);
    return;
  }
  LimitsForm saved;
  limits_stored(r, &saved);
  limits_form(r, NULL, limits_version(r, NULL), &mine, &saved);
}
