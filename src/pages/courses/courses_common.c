/*
** What the course pages share (see courses_pages.h).
*/
#include <string.h>

#include "domain/chile_time.h"
#include "pages/courses/courses_pages.h"

int64_t course_load(Request *r, Course *pCourse) {
  int64_t iCouncil = page_require_council(r);
  if (!iCouncil) return 0;
  int64_t iId = request_param_id(r, 0);
  int rc =
      iId ? course_get(request_db(r), request_arena(r), iCouncil, iId, pCourse)
          : DB_DONE;
  /* respond_error() answers JSON on the API. */
  return page_found(r, rc, "No existe ese curso.") ? iCouncil : 0;
}

int courses_commit(Request *r, int rc) {
  Db *pDb = request_db(r);
  return page_db_ok(r, db_finish(pDb, rc));
}

int courses_enrol(Request *r, int64_t iCouncil, int64_t iUser, int64_t iCourse,
                  const Participant *pPart, int bPhotos, const char *zSource,
                  int64_t *piEnrol, int *pbAlready) {
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  int rc = enrolment_add(pDb, iCouncil, iUser, iCourse, pPart, bPhotos, zSource,
                         piEnrol, pbAlready);
  if (rc == DB_OK && !*pbAlready)
    rc = course_mail_enrolment(pDb, pArena, iCouncil, iCourse, *piEnrol, pPart,
                               request_public_url(r));
  return rc;
}

void course_done(Request *r, int64_t iCourse, const char *zNotice,
                 const char *zSection) {
  respond_redirect(
      r, arena_printf(request_arena(r), "/admin/cursos/%lld?aviso=%s#%s",
                      (long long)iCourse, zNotice, zSection));
}

const char *courses_today(Request *r) {
  char z[CHILE_TIME_ISO_MAX];
  chile_time_format_iso(db_now(), z, sizeof(z));
  return arena_strndup(request_arena(r), z, 10);
}

/* The people stores' field names and the API's. */
static const struct {
  const char *zForm, *zJson;
} aApiName[] = {
    {"nombre", "name"},
    {"run", "run"},
    {"correo", "email"},
    {"telefono", "phone"},
    {"organizacion", "organization"},
    {"comuna", "commune"},
};

const char *courses_api_field(const char *zForm) {
  for (size_t i = 0; zForm && i < sizeof(aApiName) / sizeof(aApiName[0]); i++) {
    if (strcmp(aApiName[i].zForm, zForm) == 0) return aApiName[i].zJson;
  }
  return zForm;
}

const char *courses_json_get(void *pObj, const char *zName) {
  for (size_t i = 0; i < sizeof(aApiName) / sizeof(aApiName[0]); i++) {
    if (strcmp(aApiName[i].zForm, zName) == 0) {
      json_t *v = json_object_get((json_t *)pObj, aApiName[i].zJson);
      return json_is_string(v) ? json_string_value(v) : NULL;
    }
  }
  return NULL;
}
