/*
** The outbox over the API (admin only).
**
** GET /api/mail                 — every message, newest first; ?limit=N
**                                 (1..LIST_PAGE_LIMIT_MAX) and ?offset=M for
**                                 a page, the count in X-Total-Count and
**                                 the pages beside in Link (page_list.h).
** GET /api/mail?kind=K&id=N     — only those caused by object (K, N), e.g.
**                                 kind=actividad&id=12.
**
** Each: {"id", "to", "subject", "state", "attempts", "error", "created",
** "next_attempt", "sent", "related": {"kind", "id"} or null}; state is
** pendiente, enviado or fallido (CONTRACT); error is "" or a Spanish
** sentence; times are ISO 8601 with the Santiago offset, sent null until
** the server accepted the message.
*/
#include <stdlib.h>

#include "domain/chile_time.h"
#include "mail/outbox.h"
#include "pages/page.h"
#include "pages/page_list.h"

json_t *page_mail_json(const OutboxRow *aRow, int nRow) {
  json_t *pArr = json_array();
  for (int i = 0; i < nRow; i++) {
    const OutboxRow *p = &aRow[i];
    json_t *pObj = json_object();
    json_object_set_new(pObj, "id", json_integer(p->id));
    json_object_set_new(pObj, "to", json_string(p->zTo));
    json_object_set_new(pObj, "subject", json_string(p->zSubject));
    json_object_set_new(pObj, "state", json_string(p->zState));
    json_object_set_new(pObj, "attempts", json_integer(p->nAttempt));
    json_object_set_new(pObj, "error", json_string(p->zError));
    json_object_set_new(pObj, "created", page_json_time(p->iCreated));
    json_object_set_new(
        pObj, "next_attempt",
        page_json_time(p->zState[0] == 'p' ? p->iNextAttempt : 0));
    json_object_set_new(pObj, "sent", page_json_time(p->iSent));
    json_object_set_new(pObj, "related",
                        *p->zRelatedKind
                            ? json_pack("{s:s, s:I}", "kind", p->zRelatedKind,
                                        "id", (json_int_t)p->iRelatedId)
                            : json_null());
    json_array_append_new(pArr, pObj);
  }
  return pArr;
}

void page_api_mail(Request *r) {
  const char *zKind = request_query(r, "kind");
  const char *zId = request_query(r, "id");
  int64_t iId = 0;
  if (zKind || zId) {
    iId = request_query_id(r, "id");
    if (!zKind || !*zKind || !iId) {
      respond_json_error(r, 400,
                         "Para filtrar indique kind y un id numérico, por "
                         "ejemplo kind=actividad&id=12.",
                         zKind ? "id" : "kind");
      return;
    }
  }
  Arena *pArena = request_arena(r);
  page_mail_list_respond(
      r, zKind, iId, "/api/mail",
      zKind ? arena_printf(pArena, "&kind=%s&id=%lld",
                           html_url_arg(pArena, zKind), (long long)iId)
            : "");
}

void page_mail_list_respond(Request *r, const char *zKind, int64_t iId,
                            const char *zPath, const char *zQuery) {
  ListPage pg;
  if (!page_list_from_api(r, &pg)) return;
  OutboxRow *aRow = NULL;
  int nRow = 0;
  if (!page_db_ok(
          r, outbox_list(request_db(r), request_arena(r), page_council_id(r),
                         zKind, iId, &pg, &aRow, &nRow))) {
    return;
  }
  page_list_headers(r, &pg, zPath, zQuery);
  respond_json(r, 200, page_mail_json(aRow, nRow));
}
