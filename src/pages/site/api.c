/*
** JSON API handlers of general use.
**
** GET /api/me  — the user the request is authenticated as (session cookie or
** bearer token): {"id", "email", "name", "role", "council", "councils":
** [{"id", "slug", "role"}]} — "council" the id of the council the request
** is about (null: none), "councils" those the account belongs to, with its
** role in each (empty for the national team).
*/
#include "pages/page.h"
#include "store/council/council.h"

void page_api_me(Request *r) {
  const User *pUser = request_user(r);
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  Council *a = NULL;
  int n = 0;
  if (!page_db_ok(r, council_member_councils(pDb, pArena, pUser->id, &a, &n))) {
    return;
  }
  json_t *pObj = json_object();
  json_object_set_new(pObj, "id", json_integer(pUser->id));
  json_object_set_new(pObj, "email", json_string(pUser->zEmail));
  json_object_set_new(pObj, "name", json_string(pUser->zName));
  json_object_set_new(pObj, "role", json_string(pUser->zRole));
  int64_t iCouncil = page_council_id(r);
  json_object_set_new(pObj, "council",
                      iCouncil ? json_integer(iCouncil) : json_null());
  json_t *pArr = json_array();
  for (int i = 0; i < n; i++) {
    const char *zRole = council_member_role(pDb, pArena, pUser->id, a[i].id);
    json_array_append_new(
        pArr, json_pack("{s:I, s:s, s:s}", "id", (json_int_t)a[i].id, "slug",
                        a[i].zSlug, "role", zRole ? zRole : ""));
  }
  json_object_set_new(pObj, "councils", pArr);
  respond_json(r, 200, pObj);
}
