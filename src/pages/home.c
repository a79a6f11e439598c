/*
** GET /  — the council's home page (public).
**
** Shows the council's name and what it is for; what a visitor may do next
** depends on who they are. Later features (plan, calendar, dashboard) add
** their sections here.
*/
#include "accounts/accounts.h"
#include "pages/page.h"
#include "pages/plan_pages.h"
#include "pages/activities_pages.h"
#include "pages/evidence_pages.h"
#include "pages/page_cache.h"
#include "domain/compliance.h"

#include <string.h>

/* The part of the home page that is the same for everyone with the same
** role: the plan card, the compliance dashboard, the next activities. */
static void home_sections(Request *r, Html *h) {
  plan_page_home_card(r, h);
  compliance_home_section(r, h);
  activities_home_section(r, h);
}

/* The cache key of home_sections(): they change with the data, the role,
** the day (compliance is computed as on today), ?as_of=, and the clock
** (the next activities are those from six hours ago on: the minute is
** close enough). NULL when the request should not be cached (an as_of
** that is not even the shape of a date). */
static const char *home_key(Request *r) {
  const char *zAsOf = request_query(r, "as_of");
  if (zAsOf && strlen(zAsOf) > 10) return NULL;
  char zToday[PLAN_DATE_SIZE];
  compliance_today(zToday);
  return page_cache_key(
      r, arena_printf(request_arena(r), "home\x1f%s\x1f%s\x1f%lld", zToday,
                      zAsOf ? zAsOf : "", (long long)(db_now() / 60)));
}

void page_home(Request *r) {
  const char *zName = NULL, *zShort = NULL;
  accounts_council_names(request_db(r), request_arena(r), &zName, &zShort);
  const User *pUser = request_user(r);
  Html h;
  page_begin(r, &h, "Inicio", "inicio");
  if (zName) {
    html_printf(&h, "<h1>%s</h1>\n", zName);
  } else {
    html_printf(&h, "<h1>cosoc</h1>\n<div class=\"notice notice-info\">"
                    "Esta instalación aún no tiene un consejo configurado. "
                    "Cree uno con <code>cosoc demo</code>.</div>\n");
  }
  html_printf(&h,
              "<p class=\"lead\">El Consejo de la Sociedad Civil es un "
              "mecanismo de participación ciudadana de carácter consultivo, "
              "conformado por organizaciones sin fines de lucro, que da "
              "opiniones y plantea inquietudes para que sean tomadas en "
              "cuenta por las autoridades (Ley 20.500).</p>\n");
  if (pUser) {
    html_printf(&h,
                "<div class=\"cards\"><section class=\"card\">"
                "<h2>Hola, %s</h2><p>Ingresó como %s.</p>"
                "<p><a class=\"button button-secondary\" href=\"/cuenta\">"
                "Mi cuenta</a></p></section>",
                pUser->zName, accounts_role_label(pUser->zRole));
    if (pUser->mRole & ROLE_ADMIN) {
      html_printf(&h,
                  "<section class=\"card\"><h2>Administración</h2>"
                  "<p>Cree cuentas para consejeros, consejeras y "
                  "autoridades.</p><p><a class=\"button button-primary\" "
                  "href=\"/admin/usuarios\">Usuarios</a></p></section>");
    }
    html_printf(&h, "</div>\n");
  } else {
    html_printf(&h,
                "<div class=\"cards\"><section class=\"card\">"
                "<h2>¿Integra el consejo?</h2><p>Ingrese con su correo y "
                "contraseña para ver la información del consejo.</p>"
                "<p><a class=\"button button-primary\" href=\"/login\">"
                "Ingresar</a></p></section></div>\n");
  }
  const char *zKey = home_key(r);
  if (zKey) {
    page_cache_fragment(r, &h, zKey, home_sections);
  } else {
    home_sections(r, &h);
  }
  page_finish(r, &h, 200);
}
