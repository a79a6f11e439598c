/*
** GET /  — the council's home page (public).
**
** Shows the council's name and what it is for; what a visitor may do next
** depends on who they are. Later features (plan, calendar, dashboard) add
** their sections here. Everything but the greeting comes from the render
** cache (page_cache.h); the greeting names the user and is never cached.
*/
#include "store/accounts/accounts.h"
#include "pages/page.h"
#include "pages/privacy/privacy_pages.h"
#include "pages/plan/plan_pages.h"
#include "pages/activities/activities_pages.h"
#include "pages/evidence/evidence_pages.h"
#include "pages/page_cache.h"
#include "domain/compliance.h"

#include <string.h>

/* Where the greeting goes inside the cached part: a comment no escaped
** text can contain ('<' is always escaped), so it cannot be forged. */
#define HOME_PERSONAL_MARK "<!--cosoc:personal-->"

/* The council's title and, for visitors, what a COSOC is for. */
static void home_title(Request *r, Html *h, int bLead) {
  const Council *c = page_council(r);
  if (c) {
    html_printf(h, "<h1>%s</h1>\n", c->zName);
  } else {
    html_printf(h,
                "<h1>cosoc</h1>\n<div class=\"notice notice-info\">"
                "Esta instalación aún no tiene un consejo configurado. "
                "Cree uno con <code>cosoc demo</code>.</div>\n");
  }
  if (!bLead) return;
  html_printf(h,
              "<p class=\"lead\">El Consejo de la Sociedad Civil es un "
              "mecanismo de participación ciudadana de carácter consultivo, "
              "conformado por organizaciones sin fines de lucro, que da "
              "opiniones y plantea inquietudes para que sean tomadas en "
              "cuenta por las autoridades (Ley 20.500).</p>\n");
}

/* The part of the home page that is the same for everyone with the same
** role. A visitor reads the title and what a COSOC is, then (after
** HOME_PERSONAL_MARK, where page_home puts the greeting) the plan card,
** the compliance dashboard and the next activities. Someone signed in
** comes to work: the dashboard (which names the plan) and the next
** activities come first, the greeting last. */
static void home_sections(Request *r, Html *h) {
  if (request_user(r)) {
    home_title(r, h, 0);
    compliance_home_section(r, h);
    activities_home_section(r, h);
    html_raw_trusted(h, HOME_PERSONAL_MARK);
    /* After the greeting, in its row of cards: what the role may do (the
    ** key names the role; the privacy card counts the council's open
    ** requests as of today, which the key names too). */
    if (page_user_is(r, ROLE_ADMIN)) {
      html_printf(h,
                  "<section class=\"card\"><h2>Administración</h2>"
                  "<p>Cree cuentas para consejeros, consejeras y "
                  "autoridades.</p><p><a class=\"button button-primary\" "
                  "href=\"/admin/usuarios\">Usuarios</a></p></section>");
      privacy_home_card(r, h);
    }
    html_printf(h, "</div>\n");
    return;
  }
  home_title(r, h, 1);
  html_raw_trusted(h, HOME_PERSONAL_MARK);
  plan_page_home_card(r, h);
  compliance_home_section(r, h);
  activities_home_section(r, h);
}

/* Who is visiting (the signed-in user's greeting opens the row of cards
** home_sections() closes): never cached. */
static void home_personal(Request *r, Html *h) {
  const User *pUser = request_user(r);
  if (pUser) {
    html_printf(h,
                "<div class=\"cards\"><section class=\"card\">"
                "<h2>Hola, %s</h2><p>Ingresó como %s.</p>"
                "<p><a class=\"button button-secondary\" href=\"/cuenta\">"
                "Mi cuenta</a></p></section>",
                pUser->zName, accounts_role_label(pUser->zRole));
  } else {
    html_printf(h,
                "<div class=\"cards\"><section class=\"card\">"
                "<h2>¿Integra el consejo?</h2><p>Ingrese con su correo y "
                "contraseña para ver la información del consejo.</p>"
                "<p><a class=\"button button-primary\" href=\"/login\">"
                "Ingresar</a></p></section></div>\n");
  }
}

/* The cache key of home_sections(): they change with the data, the role,
** the day (compliance is computed as on today), ?as_of=, ?version=, the
** clock
** (the next activities are those from six hours ago on: the minute is
** close enough). NULL when the request should not be cached (an as_of
** that is not even the shape of a date). */
static const char *home_key(Request *r) {
  return page_cache_compliance_key(
      r, arena_printf(request_arena(r), "home\x1f%lld",
                      (long long)(db_now() / 60)));
}

/* home_sections() with its links through page_link() (see
** page_finish_linked): what the cache keeps. */
static void home_sections_linked(Request *r, Html *h) {
  Html frag;
  html_init(&frag, request_arena(r));
  home_sections(r, &frag);
  html_append(h, page_links(r, &frag));
}

void page_home(Request *r) {
  Html h, shared, body, personal;
  Arena *pArena = request_arena(r);
  page_begin(r, &h, "Inicio", "inicio");
  html_init(&shared, pArena);
  html_init(&body, pArena);
  html_init(&personal, pArena);
  const char *zKey = home_key(r);
  if (zKey) {
    page_cache_fragment(r, &shared, zKey, home_sections_linked);
  } else {
    home_sections_linked(r, &shared);
  }
  home_personal(r, &personal);
  const char *z = html_str(&shared);
  const char *zMark = strstr(z, HOME_PERSONAL_MARK);
  /* Markup this program rendered with the escaping writer (the cached
  ** part and the greeting, each through page_links once). */
  if (zMark) { /* Always: home_sections() writes it */
    html_raw_trusted_n(&body, z, (size_t)(zMark - z));
    html_append(&body, page_links(r, &personal));
    html_raw_trusted(&body, zMark + strlen(HOME_PERSONAL_MARK));
  } else {
    html_append(&body, page_links(r, &personal));
    html_append(&body, &shared);
  }
  page_finish_linked(r, &h, &body);
}
