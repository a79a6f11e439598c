/*
** Enrolling many people at once (officer): a list pasted or a CSV file,
** with the columns nombre, run, correo, telefono, organizacion, comuna,
** fotos (si/no) — by their titles on the first line, in any order.
**
** POST /admin/cursos/ID/inscribir   texto (pasted) or archivo (CSV); the
**      first answer is a preview (200): every row with what will happen
**      (new person, known person, already enrolled) or its errors; with
**      any error, 422 and nothing can be written. The preview's form
**      carries the list again with confirmar=si and the consent box
**      (consentimiento=si: each person agreed to their data being used for
**      the course); then every row is checked again and all are enrolled in
**      one transaction, or none (422).
*/
#include <string.h>

#include "pages/courses/courses_pages.h"
#include "pages/people/people_widgets.h"
#include "render/table.h"
#include "domain/participant.h"
#include "util/csv_read.h"
#include "util/text.h"

#define BULK_ROWS_MAX 1000

/* One row of the list. */
typedef struct BulkRow {
  int iLine;
  const char **azCell;
  int nCell;
  Participant part;
  int bPhotos;
  Problems prob;
  const char *zWhat; /* "nueva", "registrada", "ya inscrita" */
  /* The e-mail and commune as typed: a refused one is not in part, and
  ** the preview must show what is wrong, not an empty cell. */
  const char *zTypedEmail, *zTypedCommune;
} BulkRow;

typedef struct BulkCtx {
  const char *const *azHead;
  int nHead;
  const BulkRow *pRow;
} BulkCtx;

/* A PeopleFieldGetter over a row, by the header's titles. */
static const char *bulk_get(void *p, const char *zName) {
  const BulkCtx *c = p;
  for (int i = 0; i < c->nHead && i < c->pRow->nCell; i++) {
    if (strcmp(c->azHead[i], zName) == 0) return c->pRow->azCell[i];
  }
  return NULL;
}

/* Reads and checks every row: DB_OK with *paRow (the errors in each row's
** prob), or a Spanish reason in *pzErr when the list cannot be read. */
static int bulk_read(Request *r, int64_t iCouncil, int64_t iCourse,
                     const char *z, size_t n, BulkRow **paRow, int *pnRow,
                     const char **pzErr) {
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  *paRow = NULL;
  *pnRow = 0;
  TerritoryIndex idx;
  if (territory_index_load(pDb, pArena, &idx) != DB_OK) return DB_ERROR;
  CsvReader rd;
  csv_read_init(&rd, z, n);
  const char **azHead;
  int nHead, iLine, rc = csv_read_row(&rd, pArena, &azHead, &nHead, &iLine);
  if (rc != CSV_ROW) {
    *pzErr = rc == CSV_ERROR ? arena_strdup(pArena, rd.zErr)
                             : "La lista está vacía.";
    return DB_DONE;
  }
  int bName = 0;
  for (int i = 0; i < nHead; i++) {
    azHead[i] = participant_fold(pArena, azHead[i]);
    bName |= strcmp(azHead[i], "nombre") == 0;
  }
  if (!bName) {
    *pzErr =
        "La primera línea debe tener los títulos de las columnas: "
        "nombre; run; correo; organizacion; comuna.";
    return DB_DONE;
  }
  Enrolment *aEnrol = NULL;
  int nEnrol = 0;
  if (enrolment_list(pDb, pArena, iCouncil, iCourse, &aEnrol, &nEnrol) != DB_OK)
    return DB_ERROR;
  int nAlloc = 0;
  const char **azCell;
  int nCell;
  while ((rc = csv_read_row(&rd, pArena, &azCell, &nCell, &iLine)) == CSV_ROW) {
    if (*pnRow >= BULK_ROWS_MAX) {
      *pzErr = "La lista tiene demasiadas filas (máximo 1000).";
      return DB_DONE;
    }
    *paRow = arena_grow(pArena, *paRow, *pnRow, &nAlloc, sizeof(BulkRow));
    BulkRow *w = &(*paRow)[(*pnRow)++];
    memset(w, 0, sizeof(*w));
    w->iLine = iLine;
    w->azCell = azCell;
    w->nCell = nCell;
    problems_init(&w->prob);
    BulkCtx ctx = {azHead, nHead, w};
    participant_check(pDb, pArena, iCouncil, &idx, bulk_get, &ctx, 0, 0, 0,
                      &w->part, &w->prob);
    w->zTypedEmail = bulk_get(&ctx, "correo");
    w->zTypedCommune = bulk_get(&ctx, "comuna");
    const char *zPhotos = bulk_get(&ctx, "fotos");
    w->bPhotos =
        zPhotos && (strcmp(participant_fold(pArena, zPhotos), "si") == 0);
    int64_t iKnown =
        participant_find_contact(pDb, iCouncil, w->part.zRun, w->part.zEmail);
    /* A RUN already registered is that person, not a mistake. */
    if (iKnown) {
      Problems keep;
      problems_init(&keep);
      for (int i = 0; i < w->prob.n; i++) {
        if (!w->prob.azField[i] || strcmp(w->prob.azField[i], "run") != 0)
          problem_add(&keep, w->prob.azField[i], w->prob.azMessage[i]);
      }
      w->prob = keep;
    }
    int bEnrolled = 0;
    for (int i = 0; i < nEnrol && iKnown; i++)
      bEnrolled |= aEnrol[i].part.id == iKnown;
    for (int k = 0; k + 1 < *pnRow; k++) {
      const Participant *o = &(*paRow)[k].part;
      if ((w->part.zRun[0] && strcmp(o->zRun, w->part.zRun) == 0) ||
          (w->part.zEmail[0] && strcmp(o->zEmail, w->part.zEmail) == 0)) {
        problem_add(&w->prob, NULL,
                    arena_printf(pArena,
                                 "La misma persona ya está en la "
                                 "línea %d de la lista.",
                                 (*paRow)[k].iLine));
      }
    }
    w->zWhat = bEnrolled ? "ya inscrita" : iKnown ? "registrada" : "nueva";
  }
  if (rc == CSV_ERROR) {
    *pzErr = arena_strdup(pArena, rd.zErr);
    return DB_DONE;
  }
  if (!*pnRow) {
    *pzErr = "La lista no tiene personas bajo la línea de títulos.";
    return DB_DONE;
  }
  return DB_OK;
}

void page_admin_course_enrol(Request *r) {
  Course c;
  int64_t iCouncil = course_load(r, &c);
  if (!iCouncil) return;
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  /* The list: pasted, or a file. */
  const char *z = request_field(r, "texto");
  size_t n = z ? strlen(z) : 0;
  int nField = 0;
  const FormField *aField = request_fields(r, &nField);
  for (int i = 0; i < nField; i++) {
    if (strcmp(aField[i].zName, "archivo") == 0 && aField[i].nValue) {
      z = aField[i].zValue;
      n = aField[i].nValue;
    }
  }
  BulkRow *aRow = NULL;
  int nRow = 0, nBad = 0;
  const char *zErr = "Pegue la lista o elija un archivo CSV.";
  int rc = z && n && !memchr(z, 0, n) && text_utf8_valid(z, n)
               ? bulk_read(r, iCouncil, c.id, z, n, &aRow, &nRow, &zErr)
               : DB_DONE;
  if (rc == DB_ERROR) {
    respond_error(r, 500, NULL);
    return;
  }
  for (int i = 0; i < nRow; i++) nBad += aRow[i].prob.n > 0;
  const char *zConfirm = request_field(r, "confirmar");
  const char *zConsent = request_field(r, "consentimiento");
  int bConfirm = zConfirm && strcmp(zConfirm, "si") == 0;
  int bConsent = zConsent && strcmp(zConsent, "si") == 0;
  if (rc == DB_OK && !nBad && bConfirm && bConsent) {
    int rcw = db_begin(pDb);
    for (int i = 0; i < nRow && rcw == DB_OK; i++) {
      int64_t iEnrol = 0;
      int bAlready = 0;
      rcw = courses_enrol(r, iCouncil, request_user(r)->id, c.id, &aRow[i].part,
                          aRow[i].bPhotos, "carga", &iEnrol, &bAlready);
    }
    if (rcw == DB_CONSTRAINT) {
      db_rollback(pDb);
      zErr = arena_printf(pArena,
                          "La lista supera los %d cupos del curso: no se "
                          "inscribió a nadie.",
                          c.nCapacity);
      rc = DB_DONE;
    } else if (!courses_commit(r, rcw)) {
      return;
    } else {
      course_done(r, c.id, "inscritos", "inscritos");
      return;
    }
  }
  Html h;
  page_begin(r, &h, "Inscribir a varias personas", "admin-cursos");
  html_printf(&h,
              "<p><a href=\"/admin/cursos/%lld#inscritos\">← %s</a></p>\n"
              "<h1>Inscribir a varias personas</h1>\n",
              (long long)c.id, c.zTitle);
  int iStatus = 200;
  if (rc != DB_OK) {
    html_printf(&h,
                "<div class=\"error-summary\" role=\"alert\"><p>%s</p></div>\n",
                zErr);
    iStatus = 422;
  } else if (nBad) {
    html_printf(&h,
                "<div class=\"error-summary\" role=\"alert\"><p>%d %s tienen "
                "errores: corríjalas y vuelva a enviar la lista. No se "
                "inscribió a nadie.</p></div>\n",
                nBad, nBad == 1 ? "fila" : "filas");
    iStatus = 422;
  } else if (bConfirm && !bConsent) {
    html_printf(&h,
                "<div class=\"error-summary\" role=\"alert\"><p>Confirme que "
                "cada persona autorizó el tratamiento de sus datos para este "
                "curso. No se inscribió a nadie.</p></div>\n");
    iStatus = 422;
  }
  if (nRow) {
    static const char *const azColumn[] = {
        "Línea", "Nombre", "Correo", "Organización", "Comuna", "Resultado"};
    HtmlTable t;
    table_open(&t, &h, "table table-cards", NULL);
    table_caption(&t, "Vista previa: %d %s", nRow,
                  nRow == 1 ? "persona" : "personas");
    table_head(&t, azColumn, 6);
    for (int i = 0; i < nRow; i++) {
      const BulkRow *w = &aRow[i];
      if (w->prob.n) {
        table_row_open_with(&t, "class=\"row-error\"");
      } else {
        table_row_open(&t);
      }
      table_cell(&t, "%d", w->iLine);
      table_cell(&t, "%s", w->part.zName);
      table_cell(&t, "%s",
                 w->part.zEmail[0] || !w->zTypedEmail ? w->part.zEmail
                                                      : w->zTypedEmail);
      table_cell(&t, "%s", w->part.zOrganization);
      table_cell(&t, "%s",
                 w->part.zCommuneName ? w->part.zCommuneName
                 : w->zTypedCommune   ? w->zTypedCommune
                                      : "");
      table_cell_open(&t);
      if (!w->prob.n) html_printf(&h, "%s", w->zWhat);
      for (int k = 0; k < w->prob.n; k++)
        html_printf(&h, "%s%s", k ? " " : "", w->prob.azMessage[k]);
      table_cell_close(&t);
      table_row_close(&t);
    }
    table_close(&t);
  }
  page_post_form(&h, r, "form", "/admin/cursos/%lld/inscribir",
                 (long long)c.id);
  html_printf(
      &h,
      "<div class=\"field\"><label for=\"texto\">Lista</label>"
      "<textarea id=\"texto\" name=\"texto\" rows=\"8\">%s</textarea>"
      "</div>\n",
      z && n && text_utf8_valid(z, n) ? arena_strndup(pArena, z, n) : "");
  if (rc == DB_OK && !nBad) {
    html_printf(&h,
                "<input type=\"hidden\" name=\"confirmar\" value=\"si\">\n"
                "<div class=\"field field-check\"><label><input "
                "type=\"checkbox\" name=\"consentimiento\" value=\"si\" "
                "required> Cada persona de la lista autorizó el tratamiento "
                "de sus datos para este curso.</label></div>\n<div "
                "class=\"actions\"><button type=\"submit\" class=\"button "
                "button-primary\">Inscribir a %d %s</button></div></form>\n",
                nRow, nRow == 1 ? "persona" : "personas");
  } else {
    html_printf(&h,
                "<div class=\"actions\"><button type=\"submit\" "
                "class=\"button\">Vista previa</button></div></form>\n");
  }
  page_finish(r, &h, iStatus);
}
