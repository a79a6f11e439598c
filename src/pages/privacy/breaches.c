/*
** The breach register (issue 21, item 7), for the officer:
**
** GET/POST /admin/privacidad/incidentes      the incidents; a new one
** GET/POST /admin/privacidad/incidentes/ID   one: its facts, the dates the
**          Agencia and the people were told (accion=guardar), and the
**          people affected, found from the audit log between two dates
**          (accion=buscar, desde, hasta)
*/
#include <string.h>

#include "domain/chile_time.h"
#include "pages/privacy/privacy_pages.h"
#include "render/table.h"
#include "store/privacy/breach_store.h"

static const char *const azField[8] = {"titulo",    "descripcion", "ocurrio",
                                       "detectado", "datos",       "medidas",
                                       "agencia",   "personas"};
static const char *const azLabel[8] = {
    "Qué pasó (en breve)",
    "Descripción",
    "Fecha del incidente",
    "Fecha en que se detectó",
    "Datos de quiénes, y cuáles",
    "Medidas tomadas",
    "Notificado a la Agencia de Protección de Datos el",
    "Notificado a las personas afectadas el"};

static void breach_form(Html *h, Request *r, const char *zAction,
                        const Breach *p, const FormErrors *pErr) {
  const char *azValue[8] = {p->zTitle,    p->zDescription, p->zOccurred,
                            p->zDetected, p->zData,        p->zMeasures,
                            p->zAgency,   p->zPeople};
  form_errors_summary(h, pErr);
  page_post_action_form(h, r, "form", "guardar", "%s", zAction);
  for (int i = 0; i < 8; i++) {
    int bDate = i == 2 || i == 3 || i == 6 || i == 7;
    if (bDate || i == 0) {
      form_input(h, pErr, azField[i], azLabel[i], bDate ? "date" : "text",
                 azValue[i] ? azValue[i] : "", NULL, NULL);
    } else {
      html_printf(h,
                  "<div class=\"field\"><label for=\"%s\">%s</label><textarea "
                  "id=\"%s\" name=\"%s\" rows=\"3\" maxlength=\"4000\">%s"
                  "</textarea></div>",
                  azField[i], azLabel[i], azField[i], azField[i],
                  azValue[i] ? azValue[i] : "");
    }
  }
  html_printf(h,
              "<div class=\"actions\"><button type=\"submit\" "
              "class=\"button\">Guardar</button></div></form>\n");
}

/* The form as posted, checked. */
static void breach_posted(Request *r, Breach *p, FormErrors *pErr) {
  const char *az[8];
  for (int i = 0; i < 8; i++) az[i] = request_field(r, azField[i]);
  breach_check(request_arena(r), az, p, pErr);
}

/* When the agency or the people were notified: the day, or that nobody
** has been yet (z is "" until then). */
static const char *notified_on(Arena *pArena, const char *z) {
  return *z ? page_date(pArena, z) : "Sin notificar";
}

void page_admin_breaches(Request *r) {
  Arena *pArena = request_arena(r);
  int64_t iCouncil = page_require_council(r);
  if (!iCouncil) return;
  FormErrors err;
  form_errors_init(&err);
  Breach b;
  memset(&b, 0, sizeof(b));
  if (request_is_post(r)) {
    breach_posted(r, &b, &err);
    if (!err.n) {
      if (!page_db_ok(r, breach_save(request_db(r), iCouncil, &b))) return;
      respond_redirect(r,
                       arena_printf(pArena, "/admin/privacidad/incidentes/%lld",
                                    (long long)b.id));
      return;
    }
  }
  Breach *a = NULL;
  int n = 0;
  if (!page_db_ok(r, breach_list(request_db(r), pArena, iCouncil, &a, &n))) {
    return;
  }
  Html h;
  page_begin(r, &h, "Incidentes de seguridad", "privacidad");
  html_printf(&h,
              "<p><a href=\"/admin/privacidad\">← Datos personales</a></p>\n"
              "<h1>Registro de incidentes de seguridad</h1>\n");
  static const char *const azColumn[] = {"Incidente", "Ocurrió", "Agencia",
                                         "Personas", "Registros afectados"};
  HtmlTable t;
  table_open_grid(&t, &h, "table", NULL);
  table_caption_count(&t, n, "incidente", "incidentes");
  table_head(&t, azColumn, 5);
  for (int i = 0; i < n; i++) {
    table_row_open(&t);
    table_cell(&t, "<a href=\"/admin/privacidad/incidentes/%lld\">%s</a>",
               (long long)a[i].id, a[i].zTitle);
    table_cell(&t, "%s", page_date(pArena, a[i].zOccurred));
    table_cell(&t, "%s", notified_on(pArena, a[i].zAgency));
    table_cell(&t, "%s", notified_on(pArena, a[i].zPeople));
    table_cell(&t, "%d", a[i].nObjects);
    table_row_close(&t);
  }
  table_close(&t);
  html_printf(&h, "<h2>Registrar un incidente</h2>\n");
  breach_form(&h, r, "/admin/privacidad/incidentes", &b, &err);
  page_finish(r, &h, err.n ? 422 : 200);
}

/* A date field as the Santiago midnight that starts it (bEnd: the next
** day's); -1 when it is not a date. */
static int64_t day_start(const char *z, int bEnd) {
  char zFull[24];
  int64_t t = 0;
  if (!z || strlen(z) != 10) return -1;
  snprintf(zFull, sizeof(zFull), "%sT00:00", z);
  if (chile_time_parse_iso(zFull, &t) != 0) return -1;
  return bEnd ? t + 86400 : t;
}

void page_admin_breach(Request *r) {
  Arena *pArena = request_arena(r);
  Db *pDb = request_db(r);
  int64_t iCouncil = page_council_id(r);
  Breach b;
  int rc = breach_get(pDb, pArena, iCouncil, request_param_id(r, 0), &b);
  if (rc == DB_DONE) {
    respond_error(r, 404, NULL);
    return;
  }
  if (!page_db_ok(r, rc)) return;
  const char *zPath = arena_printf(pArena, "/admin/privacidad/incidentes/%lld",
                                   (long long)b.id);
  FormErrors err;
  form_errors_init(&err);
  const char *zFound = NULL;
  if (request_is_post(r)) {
    const char *zAction = request_field(r, "accion");
    if (zAction && strcmp(zAction, "buscar") == 0) {
      int64_t t0 = day_start(request_field(r, "desde"), 0);
      int64_t t1 = day_start(request_field(r, "hasta"), 1);
      if (t0 < 0 || t1 < 0 || t1 <= t0) {
        form_error(&err, "desde", "Indique el periodo: desde y hasta.");
      } else {
        int nAdded = 0;
        if (!page_db_ok(r, breach_add_from_audit(pDb, iCouncil, b.id, t0, t1,
                                                 &nAdded))) {
          return;
        }
        respond_redirect(
            r, arena_printf(pArena, "%s?agregados=%d", zPath, nAdded));
        return;
      }
    } else {
      Breach e;
      breach_posted(r, &e, &err);
      if (!err.n) {
        e.id = b.id;
        if (!page_db_ok(r, breach_save(pDb, iCouncil, &e))) return;
        respond_redirect(r, zPath);
        return;
      }
      b = e;
      b.id = request_param_id(r, 0);
    }
  }
  zFound = request_query(r, "agregados");
  BreachObject *aObj = NULL;
  int nObj = 0;
  if (!page_db_ok(r, breach_objects(pDb, pArena, b.id, &aObj, &nObj))) return;
  Html h;
  page_begin(r, &h, "Incidente de seguridad", "privacidad");
  html_printf(&h,
              "<p><a href=\"/admin/privacidad/incidentes\">← Incidentes</a>"
              "</p>\n<h1>%s</h1>\n",
              b.zTitle);
  if (zFound) {
    html_printf(&h,
                "<p class=\"notice notice-success\" role=\"status\">Se "
                "agregaron %s registros del registro de auditoría.</p>\n",
                zFound);
  }
  html_printf(&h,
              "<h2>Personas y registros afectados</h2>\n<p>Búsquelos en el "
              "registro de auditoría: todo registro de personas que se cambió "
              "o consultó en el periodo del incidente.</p>\n");
  page_post_action_form(&h, r, "form", "buscar", "%s", zPath);
  html_printf(
      &h,
      "<div class=\"field\"><label for=\"desde\">Desde</label><input "
      "id=\"desde\" name=\"desde\" type=\"date\" value=\"%s\"></div><div "
      "class=\"field\"><label for=\"hasta\">Hasta</label><input id=\"hasta\" "
      "name=\"hasta\" type=\"date\" value=\"%s\"></div><button type=\"submit\" "
      "class=\"button\">Buscar en el registro de "
      "auditoría</button></form>\n<ul class=\"affected\">",
      b.zOccurred, b.zDetected);
  for (int i = 0; i < nObj; i++) {
    html_printf(&h,
                "<li><a href=\"/admin/auditoria?objeto=%s:%s\">%s:%s</a>"
                "%s%s</li>",
                aObj[i].zKind, aObj[i].zId, aObj[i].zKind, aObj[i].zId,
                *aObj[i].zName ? " — " : "", aObj[i].zName);
  }
  html_printf(&h, "</ul>\n<h2>Datos del incidente</h2>\n");
  breach_form(&h, r, zPath, &b, &err);
  page_finish(r, &h, err.n ? 422 : 200);
}
