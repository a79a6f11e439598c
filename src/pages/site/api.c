/*
** JSON API handlers of general use.
**
** GET /api/me  — the user the request is authenticated as (session cookie or
** bearer token): {"id", "email", "name", "role"}.
*/
#include "pages/page.h"

void page_api_me(Request *r) {
  const User *pUser = request_user(r);
  json_t *pObj = json_object();
  json_object_set_new(pObj, "id", json_integer(pUser->id));
  json_object_set_new(pObj, "email", json_string(pUser->zEmail));
  json_object_set_new(pObj, "name", json_string(pUser->zName));
  json_object_set_new(pObj, "role", json_string(pUser->zRole));
  respond_json(r, 200, pObj);
}
