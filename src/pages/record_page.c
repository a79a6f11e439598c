/*
** The edit page of a record kind and the versioned-save pieces (see
** record_page.h).
*/
#include "pages/record_page.h"

#include <stdlib.h>
#include <string.h>

/* The record's id, at the descriptor's offset. */
static int64_t *record_id(const RecordPage *p, void *pRec) {
  return (int64_t *)(void *)((char *)pRec + p->iIdOffset);
}

/* The form with pRec's values, drawn from version iBase (0: the stored
** one); zDiscard non-NULL closes it with the conflict page's choices. */
static void record_form(Html *h, RecordEdit *e, const RecordPage *p,
                        const char *zAction, void *pRec, const FormErrors *pErr,
                        int iBase, const char *zDiscard) {
  form_errors_summary(h, pErr);
  page_post_form(h, e->r, "form", "%s", zAction);
  record_version_field(h, e->r, p->eKind, *record_id(p, pRec), iBase);
  p->xFields(h, e, pRec, pErr);
  if (zDiscard) {
    conflict_submit(h, zDiscard);
    return;
  }
  html_printf(h,
              "<div class=\"actions\"><button type=\"submit\" class=\""
              "button button-primary\">Guardar</button> <a href=\"%s\">"
              "Cancelar</a></div>\n</form>\n",
              p->zList);
}

void record_edit_page(Request *r, const RecordPage *p, int bNew) {
  RecordEdit e = {r, request_db(r), request_arena(r), 0, 0, NULL};
  if (p->eKind != RECORD_COUNCIL && !(e.iCouncil = page_require_council(r))) {
    return;
  }
  if (!bNew && !(e.iId = request_param_id(r, 0))) {
    respond_error(r, 404, NULL);
    return;
  }
  if (!page_db_ok(r, p->xPrepare && p->xPrepare(&e))) return;
  void *pRec = arena_alloc(e.pArena, p->nRecord);
  p->xDefaults(&e, pRec);
  int rc = e.iId ? p->xLoad(&e, pRec) : DB_OK;
  if (!page_found(r, rc, NULL)) return;
  const char *zRecord =
      arena_printf(e.pArena, "%s/%lld", p->zList, (long long)e.iId);
  const char *zAction =
      e.iId ? zRecord : arena_printf(e.pArena, "%s/%s", p->zList, p->zNew);
  FormErrors err;
  form_errors_init(&err);
  int iStatus = 200, iBase = 0;
  void *pMine = NULL;
  if (request_is_post(r)) {
    void *pChecked = arena_alloc(e.pArena, p->nRecord);
    *record_id(p, pChecked) = e.iId;
    p->xCheck(&e, pChecked, &err);
    if (!err.n) {
      rc = record_save_begin(r, p->eKind, e.iId);
      if (rc == DB_OK) rc = p->xSave(&e, pRec, pChecked);
      int64_t iSaved = *record_id(p, pChecked);
      rc = record_save_end(r, p->eKind, iSaved, !e.iId, rc);
      if (rc == DB_OK) {
        respond_redirect(r, arena_printf(e.pArena, "%s/%lld?aviso=guardado",
                                         p->zList, (long long)iSaved));
        return;
      }
      if (rc != DB_STALE || p->xLoad(&e, pRec) != DB_OK) {
        respond_error(r, 500, NULL);
        return;
      }
      /* Saved by someone else meanwhile: compare; "mine" is based on the
      ** stored version. */
      pMine = pChecked;
      *record_id(p, pMine) = e.iId;
      iStatus = 409;
    } else {
      iBase = record_posted_version(r);
      if (p->xRetyped) {
        p->xRetyped(&e, pChecked, pRec);
      } else {
        memcpy(pRec, pChecked, p->nRecord);
      }
      iStatus = 422;
    }
  }
  Html h;
  const char *zTitle = e.iId ? p->xTitle(&e, pRec) : p->zNewTitle;
  page_begin(r, &h, zTitle, p->zNav);
  html_printf(&h, "<p><a href=\"%s\">← %s</a></p>\n<h1>%s</h1>\n", p->zList,
              p->zBack, zTitle);
  if (e.iId && iStatus == 200 && p->xFacts) p->xFacts(&h, &e, pRec);
  if (iStatus == 409) {
    record_conflict_begin(&h, r, p->eKind, e.iId, p->zOf);
    p->xConflictRows(&h, &e, pMine, pRec);
    conflict_end(&h);
    record_form(&h, &e, p, zAction, pMine, &err, 0, zRecord);
  } else {
    record_form(&h, &e, p, zAction, pRec, &err, iBase, NULL);
  }
  page_finish(r, &h, iStatus);
}

/* ---- Versioned saves ---- */

void record_version_field(Html *h, Request *r, RecordKind eKind, int64_t iId,
                          int iBase) {
  if (!iId) return;
  if (!iBase) {
    RecordStamp stamp;
    if (record_stamp_get(request_db(r), request_arena(r), eKind, iId, &stamp) ==
        DB_OK) {
      iBase = stamp.iVersion;
    }
  }
  html_printf(h, "<input type=\"hidden\" name=\"version\" value=\"%d\">\n",
              iBase);
}

int record_posted_version(Request *r) {
  const char *z = request_field(r, "version");
  return z ? atoi(z) : 0;
}

/* Who saves: the signed-in user's id, 0 when none is known. */
static int64_t saver(Request *r) {
  const User *pUser = request_user(r);
  return pUser ? pUser->id : 0;
}

int record_save_begin(Request *r, RecordKind eKind, int64_t iId) {
  Db *pDb = request_db(r);
  /* A lock that cannot be had is an error, not a conflict. */
  if (db_begin(pDb) != DB_OK) return DB_ERROR;
  if (!iId) return DB_OK;
  return record_stamp_claim(pDb, eKind, iId, record_posted_version(r),
                            saver(r));
}

int record_save_end(Request *r, RecordKind eKind, int64_t iNewId, int bNew,
                    int rc) {
  Db *pDb = request_db(r);
  if (rc == DB_OK && bNew) rc = record_stamp_mark(pDb, eKind, iNewId, saver(r));
  return db_finish(pDb, rc);
}

void record_conflict_begin(Html *h, Request *r, RecordKind eKind, int64_t iId,
                           const char *zOf) {
  RecordStamp stamp;
  record_stamp_get(request_db(r), request_arena(r), eKind, iId, &stamp);
  ConflictSaved saved = {zOf, stamp.iVersion, stamp.zAuthor, stamp.tUpdated};
  conflict_begin(h, request_arena(r), &saved);
}
