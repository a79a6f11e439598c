/*
** Shared pieces of the people pages (see people_widgets.h).
*/
#include "pages/people/people_widgets.h"
#include "render/pager.h"
#include "render/table.h"

#include <stdlib.h>
#include <string.h>

static const char *query_or_empty(Request *r, const char *zName) {
  const char *z = request_query(r, zName);
  return z ? z : "";
}

void people_filter_from_request(Request *r, PeopleFilter *pFilter) {
  memset(pFilter, 0, sizeof(*pFilter));
  pFilter->zQuery = query_or_empty(r, "q");
  pFilter->zProvince = query_or_empty(r, "provincia");
  pFilter->zCommune = query_or_empty(r, "comuna");
  pFilter->zRole = request_query(r, "rol") ? query_or_empty(r, "rol")
                                           : query_or_empty(r, "tipo");
  pFilter->zStatus = query_or_empty(r, "estado");
}

/* Options of a choice list, the empty "all" option first. */
static void choice_options(Html *h, const PeopleChoices *p,
                           const char *zSelected, const char *zEmptyLabel) {
  if (zEmptyLabel)
    html_printf(h, "<option value=\"\">%s</option>", zEmptyLabel);
  for (int i = 0; i < p->n; i++) {
    int bSel = zSelected && strcmp(zSelected, p->aChoice[i].zSlug) == 0;
    html_printf(h, "<option value=\"%s\"%s>%s</option>", p->aChoice[i].zSlug,
                bSel ? " selected" : "", p->aChoice[i].zLabel);
  }
}

/* Calls the communes of the council's region first, then the rest, each
** group in code order; bRegion selects which pass. */
static int in_pass(const TerritoryCommune *c, const char *zRegion, int bPass) {
  int bHome = zRegion && strcmp(c->zRegionCode, zRegion) == 0;
  return bPass == 0 ? bHome : !bHome;
}

void people_province_options(Html *h, const TerritoryIndex *pIdx,
                             const char *zRegion, const char *zSelected) {
  for (int bPass = 0; bPass < 2; bPass++) {
    const char *zLast = "";
    for (int i = 0; i < pIdx->nCommune; i++) {
      const TerritoryCommune *c = &pIdx->aCommune[i];
      if (!in_pass(c, zRegion, bPass) || strcmp(c->zProvinceCode, zLast) == 0) {
        continue;
      }
      zLast = c->zProvinceCode;
      int bSel = zSelected && strcmp(zSelected, c->zProvinceCode) == 0;
      html_printf(h, "<option value=\"%s\"%s>%s (%s)</option>",
                  c->zProvinceCode, bSel ? " selected" : "", c->zProvinceName,
                  c->zRegionName);
    }
  }
}

static void commune_options(Html *h, const TerritoryIndex *pIdx,
                            const char *zRegion, const char *zSelected) {
  for (int bPass = 0; bPass < 2; bPass++) {
    const char *zLast = NULL;
    for (int i = 0; i < pIdx->nCommune; i++) {
      const TerritoryCommune *c = &pIdx->aCommune[i];
      if (!in_pass(c, zRegion, bPass)) continue;
      if (!zLast || strcmp(zLast, c->zProvinceCode) != 0) {
        if (zLast) html_printf(h, "</optgroup>");
        html_printf(h, "<optgroup label=\"Provincia de %s (%s)\">",
                    c->zProvinceName, c->zRegionName);
        zLast = c->zProvinceCode;
      }
      int bSel = zSelected && strcmp(zSelected, c->zCode) == 0;
      html_printf(h, "<option value=\"%s\"%s>%s</option>", c->zCode,
                  bSel ? " selected" : "", c->zName);
    }
    if (zLast) html_printf(h, "</optgroup>");
  }
}

void people_filter_form(Html *h, const PeopleFilter *pFilter,
                        const TerritoryIndex *pIdx, const char *zRegion,
                        const char *zAction, const PeopleChoices *pRole,
                        const char *zRoleParam, const char *zRoleLabel,
                        const PeopleChoices *pStatus) {
  html_printf(h,
              "<form class=\"filters\" method=\"get\" action=\"%s\" "
              "role=\"search\">\n<div class=\"field\"><label for=\"q\">"
              "Buscar</label><input id=\"q\" name=\"q\" type=\"search\" "
              "value=\"%s\"></div>\n",
              zAction, pFilter->zQuery);
  html_printf(h,
              "<div class=\"field\"><label for=\"provincia\">Provincia"
              "</label><select id=\"provincia\" name=\"provincia\">"
              "<option value=\"\">Todas</option>");
  people_province_options(h, pIdx, zRegion, pFilter->zProvince);
  html_printf(h,
              "</select></div>\n<div class=\"field\"><label for=\"comuna\">"
              "Comuna</label><select id=\"comuna\" name=\"comuna\">"
              "<option value=\"\">Todas</option>");
  commune_options(h, pIdx, zRegion, pFilter->zCommune);
  html_printf(h, "</select></div>\n");
  if (pRole) {
    html_printf(h,
                "<div class=\"field\"><label for=\"%s\">%s</label>"
                "<select id=\"%s\" name=\"%s\">",
                zRoleParam, zRoleLabel, zRoleParam, zRoleParam);
    choice_options(h, pRole, pFilter->zRole, "Todos");
    html_printf(h, "</select></div>\n");
  }
  if (pStatus) {
    html_printf(h,
                "<div class=\"field\"><label for=\"estado\">Estado</label>"
                "<select id=\"estado\" name=\"estado\">");
    choice_options(h, pStatus, pFilter->zStatus, "Todos");
    html_printf(h, "</select></div>\n");
  }
  html_printf(h,
              "<div class=\"actions\"><button type=\"submit\" "
              "class=\"button\">Filtrar</button> <a href=\"%s\">Quitar "
              "filtros</a></div>\n</form>\n",
              zAction);
}

void people_choice_select(Html *h, const FormErrors *pErr, const char *zName,
                          const char *zLabel, const PeopleChoices *p,
                          const char *zSelected, int bEmpty) {
  form_select_begin(h, pErr, zName, zLabel);
  choice_options(h, p, zSelected, bEmpty ? "—" : NULL);
  form_select_end(h, pErr, zName);
}

void people_commune_select(Html *h, const FormErrors *pErr, const char *zName,
                           const char *zLabel, const TerritoryIndex *pIdx,
                           const char *zRegion, const char *zSelected,
                           int bEmpty) {
  form_select_begin(h, pErr, zName, zLabel);
  if (bEmpty) html_printf(h, "<option value=\"\">—</option>");
  commune_options(h, pIdx, zRegion, zSelected);
  form_select_end(h, pErr, zName);
}

const char *people_request_get(void *pRequest, const char *zName) {
  return request_field((Request *)pRequest, zName);
}

const char *people_field(Request *r, const char *zName) {
  const char *z = request_field(r, zName);
  return z ? z : "";
}

/* The import page; pRes non-NULL: what the upload gave. */
static void import_page(Request *r, const PeopleImport *p,
                        const PeopleImportResult *pRes, int iStatus) {
  const PeopleImportColumn *aCol = p->aCol;
  int nCol = *p->pnCol;
  Arena *pArena = request_arena(r);
  Html h;
  page_begin(r, &h, p->zTitle, p->zNav);
  html_printf(&h,
              "<p><a href=\"%s\">← Volver a la lista</a></p>\n<h1>%s</h1>\n",
              p->zBase, p->zTitle);
  if (pRes && pRes->nError) {
    html_printf(&h,
                "<div class=\"notice notice-error\" role=\"alert\">"
                "<p>No se importó nada: %d %s con problemas. Corrija "
                "el archivo y vuelva a subirlo completo.</p></div>\n",
                pRes->nError, pRes->nError == 1 ? "problema" : "problemas");
    static const char *const azColumn[] = {"Línea", "Columna", "Problema"};
    HtmlTable t;
    table_open(&t, &h, "table table-cards", "errores");
    table_caption(&t, "Problemas encontrados");
    table_head(&t, azColumn, 3);
    for (int i = 0; i < pRes->nError; i++) {
      const PeopleImportError *e = &pRes->aError[i];
      table_row_open(&t);
      table_cell(&t, "%d", e->iLine);
      table_cell(&t, "%s", e->zColumn ? e->zColumn : "—");
      table_cell(&t, "%s", e->zMessage);
      table_row_close(&t);
    }
    table_close(&t);
  } else if (pRes) {
    html_printf(&h,
                "<div class=\"notice notice-ok\" role=\"status\">Se "
                "importaron %d filas.</div>\n",
                pRes->nImported);
  }
  html_printf(&h,
              "<p>Suba un archivo CSV (separado por punto y coma, como lo "
              "guarda Excel, o por comas) con una fila de encabezados y "
              "una fila por registro. Se revisan todas las filas antes de "
              "guardar: si alguna tiene un problema, no se importa "
              "ninguna y se muestran todos los problemas.</p>\n"
              "<p><a class=\"button\" href=\"%s\" download>Descargar la "
              "plantilla</a></p>\n",
              arena_printf(pArena, "%s/plantilla.csv", p->zBase));
  static const char *const azColumn[] = {"Columna", "Obligatoria", "Contenido"};
  HtmlTable t;
  table_open(&t, &h, "table table-cards", NULL);
  table_caption(&t, "Columnas");
  table_head(&t, azColumn, 3);
  for (int i = 0; i < nCol; i++) {
    table_row_open(&t);
    table_cell(&t, "<code>%s</code>", aCol[i].zName);
    table_cell(&t, "%s", aCol[i].bRequired ? "Sí" : "No");
    table_cell(&t, "%s", aCol[i].zHelp);
    table_row_close(&t);
  }
  table_close(&t);
  html_printf(&h,
              "<form class=\"form\" method=\"post\" "
              "action=\"%s/importar\" enctype=\"multipart/form-data\">\n",
              p->zBase);
  form_csrf(&h, request_csrf_token(r));
  html_printf(&h,
              "<div class=\"field\"><label for=\"archivo\">Archivo CSV"
              "</label><input id=\"archivo\" name=\"archivo\" type=\"file\" "
              "accept=\".csv,text/csv\"></div>\n<div class=\"field\">"
              "<label for=\"texto\">O pegue aquí el contenido</label>"
              "<textarea id=\"texto\" name=\"texto\"></textarea></div>\n"
              "<div class=\"actions\"><button type=\"submit\" class=\""
              "button button-primary\">Revisar e importar</button></div>\n"
              "</form>\n");
  page_finish(r, &h, iStatus);
}

/* The uploaded CSV: the file field "archivo", or the text field "texto".
** NULL when neither carries anything. */
static const char *import_upload(Request *r, size_t *pnCsv) {
  int nField = 0;
  const FormField *aField = request_fields(r, &nField);
  for (int i = 0; i < nField; i++) {
    if (strcmp(aField[i].zName, "archivo") == 0 && aField[i].nValue > 0) {
      *pnCsv = aField[i].nValue;
      return aField[i].zValue;
    }
  }
  const char *zText = request_field(r, "texto");
  if (zText && !people_blank(zText)) {
    *pnCsv = strlen(zText);
    return zText;
  }
  *pnCsv = 0;
  return NULL;
}

void people_import_route(Request *r, const PeopleImport *p) {
  int64_t iCouncil = page_require_council(r);
  if (!iCouncil) return;
  if (!request_is_post(r)) {
    import_page(r, p, NULL, 200);
    return;
  }
  PeopleImportResult res;
  memset(&res, 0, sizeof(res));
  PeopleImportError empty = {0, NULL,
                             "Elija un archivo CSV o pegue su contenido."};
  size_t nCsv = 0;
  const char *zCsv = import_upload(r, &nCsv);
  if (!zCsv) {
    res.aError = &empty;
    res.nError = 1;
  } else if (!page_db_ok(r, p->xImport(request_db(r), request_arena(r),
                                       iCouncil, zCsv, nCsv, &res)))
    return;
  import_page(r, p, &res, res.nError ? 422 : 200);
}

void people_template_route(Request *r, int bMembers, const char *zFilename) {
  const char *z = people_import_template(request_arena(r), bMembers);
  page_send_file(
      r, "text/csv; charset=utf-8",
      arena_printf(request_arena(r), "attachment; filename=\"%s\"", zFilename),
      z, strlen(z));
}

/* The heading, the intro, the buttons, the filter bar, the export links. */
static void list_begin(Html *h, Request *r, const PeopleList *p,
                       const PeopleFilter *pFilter,
                       const TerritoryIndex *pIdx) {
  page_begin(r, h, p->zTitle, p->zNav);
  html_printf(h, "<h1>%s</h1>\n", p->zTitle);
  if (p->zIntro) html_printf(h, "<p>%s</p>\n", p->zIntro);
  html_printf(h,
              "<p class=\"actions\"><a class=\"button button-primary\" "
              "href=\"%s/%s\">Agregar</a>",
              p->zBase, p->zNew);
  if (p->bImport) {
    html_printf(h, " <a class=\"button\" href=\"%s/importar\">Importar CSV</a>",
                p->zBase);
  }
  html_printf(h, "</p>\n");
  people_filter_form(h, pFilter, pIdx, page_council_region(r), p->zBase,
                     p->pRole, p->zRoleParam, p->zRoleLabel, p->pStatus);
  people_export_links(h, request_arena(r), p->zBase, pFilter);
}

/* The list's records as the query's filters say, page pPage of them
** (NULL: every one); 0 after answering 500. */
static int list_rows(Request *r, const PeopleList *p, PeopleFilter *pFilter,
                     ListPage *pPage, int64_t *piCouncil, void *ppRow,
                     int *pnRow) {
  if (!(*piCouncil = page_require_council(r))) return 0;
  people_filter_from_request(r, pFilter);
  pFilter->pPage = pPage;
  if (p->xRows(r, *piCouncil, pFilter, ppRow, pnRow) != DB_OK) {
    respond_error(r, 500, NULL);
    return 0;
  }
  return 1;
}

void people_list_page(Request *r, const PeopleList *p) {
  PeopleFilter filter;
  int64_t iCouncil = 0;
  const char *aRow = NULL;
  int nRow = 0;
  TerritoryIndex idx;
  ListPage pg;
  list_page_numbered(&pg, request_query(r, "pagina"), LIST_PAGE_SIZE);
  if (!list_rows(r, p, &filter, &pg, &iCouncil, &aRow, &nRow)) return;
  if (!page_db_ok(
          r, territory_index_load(request_db(r), request_arena(r), &idx))) {
    return;
  }
  Html h;
  list_begin(&h, r, p, &filter, &idx);
  if (p->xAbove) p->xAbove(&h, r, iCouncil);
  HtmlTable t;
  table_open(&t, &h, "table table-cards", NULL);
  table_caption_count(&t, pg.nTotal, p->zOne, p->zMany);
  table_head(&t, p->azHeader, p->nHeader);
  for (int i = 0; i < nRow; i++) {
    table_row_open(&t);
    p->xRow(&t, r, aRow + (size_t)i * p->nRow);
    table_row_close(&t);
  }
  table_close(&t);
  pager_html(&h, p->zBase, people_filter_query(request_arena(r), &filter), &pg,
             p->zOne, p->zMany);
  page_finish(r, &h, 200);
}

void people_list_export(Request *r, const PeopleList *p) {
  PeopleFilter filter;
  int64_t iCouncil = 0;
  const void *aRow = NULL;
  int nRow = 0;
  if (list_rows(r, p, &filter, NULL, &iCouncil, &aRow, &nRow)) {
    people_send_export(r, &p->exp, aRow, p->nRow, nRow);
  }
}

void people_send_export(Request *r, const PeopleExport *pExp, const void *aRow,
                        size_t nElem, int nRow) {
  Arena *pArena = request_arena(r);
  int nCol = pExp->nCol;
  const char **az =
      arena_alloc(pArena, sizeof(char *) * (size_t)nCol * (size_t)(nRow + 1));
  for (int i = 0; i < nRow; i++) {
    pExp->xRow(pArena, (const char *)aRow + (size_t)i * nElem, &az[i * nCol]);
  }
  ExportTable t = {pExp->zTitle,   NULL, NULL, nCol,
                   pExp->azHeader, NULL, nRow, az};
  const ExportTable *pTable = &t;
  const char *zPath = request_path(r);
  size_t nPath = strlen(zPath);
  int bXlsx = nPath > 5 && strcmp(zPath + nPath - 5, ".xlsx") == 0;
  const char *zOut = NULL;
  size_t nOut = 0;
  char zErr[200];
  int rc = bXlsx ? export_xlsx(pArena, pTable, &zOut, &nOut, zErr, sizeof(zErr))
                 : export_csv(pArena, pTable, &zOut, &nOut);
  page_send_export(r, rc, bXlsx ? EXPORT_XLSX_TYPE : EXPORT_CSV_TYPE,
                   arena_printf(pArena, "attachment; filename=\"%s.%s\"",
                                pExp->zFile, bXlsx ? "xlsx" : "csv"),
                   zOut, nOut);
}

const char *people_filter_query(Arena *pArena, const PeopleFilter *pFilter) {
  return arena_printf(pArena, "&q=%s&provincia=%s&comuna=%s&rol=%s&estado=%s",
                      html_url_arg(pArena, pFilter->zQuery),
                      html_url_arg(pArena, pFilter->zProvince),
                      html_url_arg(pArena, pFilter->zCommune),
                      html_url_arg(pArena, pFilter->zRole),
                      html_url_arg(pArena, pFilter->zStatus));
}

void people_export_links(Html *h, Arena *pArena, const char *zBase,
                         const PeopleFilter *pFilter) {
  const char *zQuery = "";
  if (pFilter) {
    zQuery =
        arena_printf(pArena, "?%s", people_filter_query(pArena, pFilter) + 1);
  }
  html_printf(h,
              "<p class=\"downloads\">Descargar: <a href=\"%s.csv%s\">"
              "CSV</a> · <a href=\"%s.xlsx%s\">Excel (XLSX)</a></p>\n",
              zBase, zQuery, zBase, zQuery);
}
