/*
** The council's calendar: a month view and a list, filtered by kind,
** province and plan line; the public iCalendar feed; and each user's
** private feed behind a secret URL they can regenerate.
**
** GET  /calendario                 everyone (the public see only public
**                                  activities): ?vista=mes|lista, mes=
**                                  YYYY-MM, tipo, provincia, linea,
**                                  pagina (the list, LIST_PAGE_SIZE a page)
** GET  /calendario.ics             everyone: public activities, PUBLISH
** GET  /calendario/privado/TOKEN   the feed of the user whose secret TOKEN
**                                  is (every activity); the path is never
**                                  logged whole (server.c)
** GET|POST /cuenta/calendario      signed in: shows or regenerates the
**                                  private feed's address
*/
#include <stdlib.h>
#include <string.h>

#include "store/accounts/accounts.h"
#include "domain/chile_time.h"
#include "export/ical.h"
#include "pages/activities/activities_pages.h"
#include "pages/page_cache.h"
#include "pages/people/people_widgets.h"
#include "render/pager.h"
#include "store/plan/plan_store.h"

#define CALENDAR_FEED_DAYS_BACK 400 /* A feed reaches a year and a bit back */

static const char *const azMonthName[] = {
    "Enero", "Febrero", "Marzo",      "Abril",   "Mayo",      "Junio",
    "Julio", "Agosto",  "Septiembre", "Octubre", "Noviembre", "Diciembre"};

static int64_t month_start(int y, int m) {
  LocalTime lt = {y, m, 1, 0, 0, 0};
  int64_t t = 0;
  chile_time_to_utc(&lt, &t);
  return t;
}

static int days_in_month(int y, int m) {
  static const int a[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int bLeap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && bLeap ? 29 : a[m - 1];
}

/* 0 = Monday … 6 = Sunday. */
static int weekday_monday(int y, int m, int d) {
  static const int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  if (m < 3) y -= 1;
  return ((y + y / 4 - y / 100 + y / 400 + t[m - 1] + d) % 7 + 6) % 7;
}

static void filter_form(Html *h, Request *r, const char *zView,
                        const char *zMonth, const ActivityFilter *f) {
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  html_printf(h,
              "<form class=\"filters\" method=\"get\" action=\"/"
              "calendario\"><input type=\"hidden\" name=\"vista\" value=\""
              "%s\">",
              zView);
  if (zMonth) {
    html_printf(h, "<input type=\"hidden\" name=\"mes\" value=\"%s\">", zMonth);
  }
  ActivityKind *aKind = NULL;
  int nKind = 0;
  activity_kinds_list(pDb, pArena, &aKind, &nKind);
  html_printf(h,
              "<div class=\"field\"><label for=\"tipo\">Tipo</label><select"
              " id=\"tipo\" name=\"tipo\"><option value=\"\">Todos</option>");
  for (int i = 0; i < nKind; i++) {
    html_printf(
        h, "<option value=\"%s\"%s>%s</option>", aKind[i].zSlug,
        f->zKind && strcmp(f->zKind, aKind[i].zSlug) == 0 ? " selected" : "",
        aKind[i].zLabel);
  }
  html_printf(h,
              "</select></div><div class=\"field\"><label for=\"provincia\""
              ">Provincia</label><select id=\"provincia\" name=\"provincia\""
              "><option value=\"\">Todas</option>");
  TerritoryIndex idx;
  if (territory_index_load(pDb, pArena, &idx) == DB_OK) {
    people_province_options(h, &idx, page_council_region(r), f->zProvince);
  }
  /* The plan's lines by number and objective, as the activity form shows
  ** them: a councillor looking for "the meetings outside La Serena" knows
  ** the objective, not the line's number. */
  html_printf(h,
              "</select></div><div class=\"field\"><label for=\"linea\">Línea "
              "del plan</label><select id=\"linea\" name=\"linea\"><option "
              "value=\"\">Todas</option>");
  PlanDoc doc;
  if (plan_store_load(pDb, pArena, page_council_id(r), 0, 0, &doc, NULL) ==
      DB_OK) {
    for (int i = 0; i < doc.nLine; i++) {
      const PlanLine *pL = &doc.aLine[i];
      html_printf(h, "<option value=\"%d\"%s>%d. %.70s%s</option>", pL->iNumber,
                  pL->iNumber == f->iLine ? " selected" : "", pL->iNumber,
                  pL->zObjective, strlen(pL->zObjective) > 70 ? "…" : "");
    }
  }
  html_printf(h,
              "</select></div><div class=\"actions\"><button type=\"submit\" "
              "class=\"button\">Filtrar</button></div></form>\n");
}

static const char *filter_query(Arena *pArena, const ActivityFilter *f) {
  return arena_printf(pArena, "&tipo=%s&provincia=%s&linea=%s",
                      html_url_arg(pArena, f->zKind ? f->zKind : ""),
                      html_url_arg(pArena, f->zProvince ? f->zProvince : ""),
                      f->iLine > 0 ? arena_printf(pArena, "%d", f->iLine) : "");
}

static void list_view(Html *h, Arena *pArena, const Activity *aAct, int nAct) {
  if (nAct == 0) {
    html_printf(h, "<p>No hay actividades con esos filtros.</p>\n");
    return;
  }
  html_printf(h, "<ul class=\"activity-list\">\n");
  for (int i = 0; i < nAct; i++) {
    const Activity *a = &aAct[i];
    char zWhen[ACTIVITY_WHEN_MAX];
    activity_format_when(a->iStart, a->iEnd, zWhen, sizeof(zWhen));
    html_printf(h,
                "<li><a href=\"/actividades/%lld\">%s</a><br><small>%s · %s · "
                "%s · %s</small></li>\n",
                (long long)a->id, a->zTitle, zWhen, a->zKindLabel,
                convene_place(pArena, a), act_status_label(a->zStatus));
  }
  html_printf(h, "</ul>\n");
}

static void month_view(Html *h, int y, int m, const Activity *aAct, int nAct) {
  static const char *const azDay[] = {"Lun", "Mar", "Mié", "Jue",
                                      "Vie", "Sáb", "Dom"};
  html_printf(h,
              "<div class=\"table-wrap\"><table class=\"month\"><caption>"
              "%s %d</caption><thead><tr>",
              azMonthName[m - 1], y);
  for (int i = 0; i < 7; i++)
    html_printf(h, "<th scope=\"col\">%s</th>", azDay[i]);
  html_printf(h, "</tr></thead><tbody><tr>");
  int iFirst = weekday_monday(y, m, 1);
  int nDays = days_in_month(y, m);
  for (int i = 0; i < iFirst; i++) html_printf(h, "<td></td>");
  for (int d = 1; d <= nDays; d++) {
    int iCol = (iFirst + d - 1) % 7;
    if (iCol == 0 && d > 1) html_printf(h, "</tr><tr>");
    /* On a phone the month reads as a list of the days that have
    ** something (the stylesheet hides the others), each with its
    ** weekday: a grid of seven narrow columns broke words mid-syllable. */
    int bEvents = 0;
    for (int i = 0; i < nAct && !bEvents; i++) {
      LocalTime lt;
      chile_time_from_utc(aAct[i].iStart, &lt, NULL);
      bEvents = lt.iYear == y && lt.iMonth == m && lt.iDay == d;
    }
    html_printf(h,
                bEvents ? "<td class=\"has-events\"><span class=\"day\">"
                          "<span class=\"weekday\">%s </span>%d</span>"
                        : "<td><span class=\"day\"><span class=\"weekday\">"
                          "%s </span>%d</span>",
                azDay[iCol], d);
    for (int i = 0; i < nAct; i++) {
      LocalTime lt;
      chile_time_from_utc(aAct[i].iStart, &lt, NULL);
      if (lt.iYear == y && lt.iMonth == m && lt.iDay == d) {
        html_printf(h,
                    "<a class=\"event status-%s\" href=\"/actividades/%lld\">"
                    "%02d:%02d %s</a>",
                    aAct[i].zStatus, (long long)aAct[i].id, lt.iHour,
                    lt.iMinute, aAct[i].zTitle);
      }
    }
    html_printf(h, "</td>");
  }
  int iLast = (iFirst + nDays - 1) % 7;
  for (int i = iLast + 1; i < 7; i++) html_printf(h, "<td></td>");
  html_printf(h, "</tr></tbody></table></div>\n");
  if (nAct == 0) html_printf(h, "<p>No hay actividades este mes.</p>\n");
}

void page_calendar(Request *r) {
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  ActivityFilter f;
  memset(&f, 0, sizeof(f));
  f.bPublicOnly = request_user(r) == NULL;
  f.zKind = request_query(r, "tipo");
  f.zProvince = request_query(r, "provincia");
  f.iLine = (int)(request_query_id(r, "linea") % 1000000);
  const char *zView = request_query(r, "vista");
  int bMonth = zView && strcmp(zView, "mes") == 0;
  LocalTime now;
  chile_time_from_utc(db_now(), &now, NULL);
  int y = now.iYear, m = now.iMonth;
  const char *zMonth = request_query(r, "mes");
  if (zMonth) {
    int yy = 0, mm = 0;
    if (sscanf(zMonth, "%d-%d", &yy, &mm) == 2 && yy >= 2000 && yy <= 2100 &&
        mm >= 1 && mm <= 12) {
      y = yy;
      m = mm;
    }
  }
  if (bMonth) {
    f.iFrom = month_start(y, m);
    f.iTo = m == 12 ? month_start(y + 1, 1) : month_start(y, m + 1);
  }
  /* The month shows that month whole; the list LIST_PAGE_SIZE a page. */
  ListPage pg;
  list_page_numbered(&pg, request_query(r, "pagina"), LIST_PAGE_SIZE);
  if (bMonth) pg.nLimit = 0;
  Activity *aAct = NULL;
  int nAct = 0;
  if (!page_db_ok(r, activity_page(pDb, pArena, page_council_id(r), &f, &pg,
                                   &aAct, &nAct))) {
    return;
  }
  Html h;
  page_begin(r, &h, "Calendario", "calendario");
  const char *zQ = filter_query(pArena, &f);
  html_printf(&h,
              "<h1>Calendario del consejo</h1>\n<p class=\"actions\"><a "
              "href=\"/calendario?vista=lista%s\"%s>Lista</a> · <a href=\"/"
              "calendario?vista=mes%s\"%s>Mes</a> · <a href=\"/calendario.ics"
              "\">Suscribirse (iCalendar)</a></p>\n",
              zQ, bMonth ? "" : " aria-current=\"page\"", zQ,
              bMonth ? " aria-current=\"page\"" : "");
  filter_form(&h, r, bMonth ? "mes" : "lista",
              bMonth ? arena_printf(pArena, "%04d-%02d", y, m) : NULL, &f);
  if (bMonth) {
    int py = m == 1 ? y - 1 : y, pm = m == 1 ? 12 : m - 1;
    int ny = m == 12 ? y + 1 : y, nm = m == 12 ? 1 : m + 1;
    html_printf(&h,
                "<p class=\"month-nav\"><a href=\"/calendario?vista=mes&mes="
                "%04d-%02d%s\">← %s</a> · <a href=\"/calendario?vista=mes&"
                "mes=%04d-%02d%s\">%s →</a></p>\n",
                py, pm, zQ, azMonthName[pm - 1], ny, nm, zQ,
                azMonthName[nm - 1]);
    month_view(&h, y, m, aAct, nAct);
  } else {
    if (nAct > 0 || pg.nOffset == 0) list_view(&h, pArena, aAct, nAct);
    pager_html(&h, "/calendario", arena_printf(pArena, "&vista=lista%s", zQ),
               &pg, "actividad", "actividades");
  }
  page_finish(r, &h, 200);
}

/* The feed of the activities pFilter selects. zKey: the render cache's key
** for the public feed (page_calendar_ics), NULL for a private one. */
static void send_feed(Request *r, const ActivityFilter *f, const char *zName,
                      const char *zKey) {
  int64_t iVersion = -1;
  if (page_cache_answer(r, zKey, &iVersion)) return;
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  Activity *aAct = NULL;
  int nAct = 0;
  if (!page_db_ok(
          r, activity_list(pDb, pArena, page_council_id(r), f, &aAct, &nAct))) {
    return;
  }
  IcalEvent *aEv = arena_alloc(pArena, sizeof(*aEv) * (size_t)(nAct + 1));
  const char *zBase = act_base_url(r);
  for (int i = 0; i < nAct; i++) {
    const Activity *a = &aAct[i];
    IcalEvent *e = &aEv[i];
    convene_event_init(pArena, a, e);
    e->zDescription = *a->zDescription ? a->zDescription : NULL;
    /* The feed links each event to its page here, not to its meeting link
    ** as an invitation does. */
    e->zUrl =
        arena_printf(pArena, "%s/actividades/%lld", zBase, (long long)a->id);
    e->eStatus = strcmp(a->zStatus, ACTIVITY_SUSPENDIDA) == 0
                     ? ICAL_EVENT_CANCELLED
                     : ICAL_EVENT_CONFIRMED;
  }
  IcalCalendar cal = {ICAL_METHOD_PUBLISH_FEED, zName, aEv, nAct};
  const char *zIcs = ical_build(pArena, &cal);
  if (!zIcs) {
    respond_error(r, 500, NULL);
    return;
  }
  page_cache_respond_bytes(r, zKey, iVersion, "text/calendar; charset=utf-8",
                           "inline; filename=\"calendario.ics\"", zIcs,
                           strlen(zIcs));
}

static const char *council_name(Request *r) {
  const Council *c = page_council(r);
  return c && c->zShortName[0] ? c->zShortName : "cosoc";
}

void page_calendar_ics(Request *r) {
  ActivityFilter f;
  memset(&f, 0, sizeof(f));
  f.bPublicOnly = 1;
  /* To the minute, so that the feed can be cached for a minute; its links
  ** name the host asked (act_base_url), so the key does too. */
  int64_t iMinute = db_now() / 60;
  f.iFrom = iMinute * 60 - (int64_t)CALENDAR_FEED_DAYS_BACK * 86400;
  const char *zBase = act_base_url(r);
  const char *zKey =
      strlen(zBase) > 200
          ? NULL
          : page_cache_key(r, arena_printf(request_arena(r),
                                           "calendario.ics\x1f%s\x1f%lld",
                                           zBase, (long long)iMinute));
  send_feed(r, &f, council_name(r), zKey);
}

void page_calendar_private_ics(Request *r) {
  const char *zParam = request_param(r, 0);
  char zToken[ACCOUNTS_TOKEN_MAX];
  size_t n = zParam ? strlen(zParam) : 0;
  if (n > 4 && strcmp(zParam + n - 4, ".ics") == 0) n -= 4;
  if (n == 0 || n >= sizeof(zToken)) {
    respond_error(r, 404,
                  "Esa dirección de calendario no existe o fue "
                  "reemplazada por una nueva.");
    return;
  }
  memcpy(zToken, zParam, n);
  zToken[n] = 0;
  int64_t iUser = activity_feed_token_user(request_db(r), zToken);
  if (iUser) {
    /* The feed's council: the one its address names (/c/SLUG/), else its
    ** owner's first */
    if (!page_council(r)) {
      page_council_use(r, council_member_first(request_db(r), iUser));
    }
  }
  if (!iUser) {
    respond_error(r, 404,
                  "Esa dirección de calendario no existe o fue "
                  "reemplazada por una nueva.");
    return;
  }
  ActivityFilter f;
  memset(&f, 0, sizeof(f));
  f.iFrom = db_now() - (int64_t)CALENDAR_FEED_DAYS_BACK * 86400;
  send_feed(r, &f,
            arena_printf(request_arena(r), "%s (personal)", council_name(r)),
            NULL);
}

void page_account_feed(Request *r) {
  const User *pUser = request_user(r);
  Db *pDb = request_db(r);
  Html h;
  char zToken[ACCOUNTS_TOKEN_MAX];
  int bNew = 0;
  if (request_is_post(r)) {
    if (!page_db_ok(r, activity_feed_token_new(pDb, pUser->id, zToken))) return;
    bNew = 1;
  }
  page_begin(r, &h, "Mi calendario", "cuenta");
  html_printf(&h,
              "<h1>Mi calendario personal</h1>\n<p>Una dirección secreta "
              "con todas las actividades del consejo, también las "
              "internas, para suscribirse desde su aplicación de "
              "calendario. No la comparta.</p>\n");
  if (bNew) {
    html_printf(&h,
                "<p>Su dirección (se muestra solo esta vez; cópiela ahora):"
                "</p><p><input type=\"text\" readonly class=\"copy-text\" "
                "aria-label=\"Dirección del calendario\" value=\"%s/"
                "calendario/privado/%s.ics\"></p>\n",
                act_base_url(r), zToken);
  } else if (activity_feed_token_exists(pDb, pUser->id)) {
    html_printf(&h,
                "<p>Ya tiene una dirección. Si la perdió o alguien más "
                "la conoce, genere una nueva: la anterior deja de "
                "funcionar.</p>\n");
  }
  page_post_form(&h, r, NULL, "/cuenta/calendario");
  html_printf(&h,
              "<button type=\"submit\" class=\"button\">Generar una "
              "dirección nueva</button></form>\n");
  page_finish(r, &h, 200);
}

#define HOME_ACTIVITIES_MAX 5

void activities_home_section(Request *r, Html *h) {
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  ActivityFilter f;
  memset(&f, 0, sizeof(f));
  f.bPublicOnly = request_user(r) == NULL;
  f.iFrom = db_now() - 6 * 3600; /* Still on today */
  f.nMax = HOME_ACTIVITIES_MAX;
  Activity *aAct = NULL;
  int nAct = 0;
  if (activity_list(pDb, pArena, page_council_id(r), &f, &aAct, &nAct) !=
      DB_OK) {
    return;
  }
  html_printf(h,
              "<section aria-labelledby=\"proximas\"><h2 id=\"proximas\">"
              "Próximas actividades</h2>\n");
  if (nAct == 0) {
    html_printf(h, "<p>No hay actividades programadas.</p>\n");
  } else {
    list_view(h, pArena, aAct, nAct);
  }
  html_printf(h,
              "<p><a href=\"/calendario\">Ver el calendario</a></p>"
              "</section>\n");
}
