/*
** What the course pages share (see courses_pages.h).
*/
#include <string.h>

#include "domain/chile_time.h"
#include "pages/courses/courses_pages.h"

int course_load(Request *r, int64_t iCouncil, Course *pCourse) {
  int64_t iId = request_param_id(r, 0);
  int rc =
      iId ? course_get(request_db(r), request_arena(r), iCouncil, iId, pCourse)
          : DB_DONE;
  if (rc == DB_OK) return 1;
  if (rc == DB_DONE) {
    if (request_is_api(r))
      respond_json_error(r, 404, "No existe ese curso.", NULL);
    else
      respond_error(r, 404, "No existe ese curso.");
  } else {
    respond_error(r, 500, NULL);
  }
  return 0;
}

const char *courses_today(Request *r) {
  char z[CHILE_TIME_ISO_MAX];
  chile_time_format_iso(db_now(), z, sizeof(z));
  return arena_strndup(request_arena(r), z, 10);
}

const char *courses_json_get(void *pObj, const char *zName) {
  static const struct {
    const char *zForm, *zJson;
  } a[] = {
      {"nombre", "name"},
      {"run", "run"},
      {"correo", "email"},
      {"telefono", "phone"},
      {"organizacion", "organization"},
      {"comuna", "commune"},
  };
  for (size_t i = 0; i < sizeof(a) / sizeof(a[0]); i++) {
    if (strcmp(a[i].zForm, zName) == 0) {
      json_t *v = json_object_get((json_t *)pObj, a[i].zJson);
      return json_is_string(v) ? json_string_value(v) : NULL;
    }
  }
  return NULL;
}
