/*
** The page shell (see shell.h). The navigation is one table: later features
** add their entry here with the roles that may see it.
*/
#include "render/shell.h"

#include <string.h>

#include "domain/user.h"
#include "util/version.h"

#define COSOC_DEFAULT_SITE_NAME "cosoc"

typedef struct NavEntry {
  const char *zKey; /* Matches ShellInfo.zNav */
  const char *zHref;
  const char *zLabel; /* Spanish */
  int mRole;          /* Who sees it */
} NavEntry;

static const NavEntry aNav[] = {
    {"inicio", "/", "Inicio", ROLES_EVERYONE},
    {"plan", "/plan", "Plan", ROLES_EVERYONE},
    {"calendario", "/calendario", "Calendario", ROLES_EVERYONE},
    {"actividades", "/actividades", "Actividades", ROLE_ADMIN},
    {"actas", "/actas", "Actas", ROLES_EVERYONE},
    {"cursos", "/cursos", "Escuela", ROLES_EVERYONE},
    {"admin-cursos", "/admin/cursos", "Cursos", ROLE_ADMIN},
    {"admin-participantes", "/admin/participantes", "Participantes",
     ROLE_ADMIN},
    {"acuerdos", "/acuerdos", "Acuerdos", ROLES_SIGNED_IN},
    {"usuarios", "/admin/usuarios", "Usuarios", ROLE_ADMIN},
    {"integrantes", "/integrantes", "Integrantes", ROLES_EVERYONE},
    {"admin-integrantes", "/admin/integrantes", "Consejeros", ROLE_ADMIN},
    {"admin-organizaciones", "/admin/organizaciones", "Organizaciones",
     ROLE_ADMIN},
    {"admin-directorio", "/admin/directorio", "Directorio", ROLE_ADMIN},
    {"correo", "/admin/correo", "Correo", ROLE_ADMIN},
    {"privacidad", "/admin/privacidad", "Datos personales", ROLE_ADMIN},
};

void shell_begin(Html *h, const ShellInfo *p) {
  const char *zSite =
      p->zCouncil && *p->zCouncil ? p->zCouncil : COSOC_DEFAULT_SITE_NAME;
  html_printf(h,
              "<!DOCTYPE html>\n<html lang=\"es-CL\">\n<head>\n"
              "<meta charset=\"utf-8\">\n"
              "<meta name=\"viewport\" content=\"width=device-width, "
              "initial-scale=1\">\n"
              "<title>%s · %s</title>\n"
              /* Assets change only with a new build: the commit in the
              ** query string lets browsers cache them for long. */
              "<link rel=\"stylesheet\" href=\"/static/style.css?v=%s\">\n"
              "<link rel=\"icon\" href=\"/static/favicon.svg?v=%s\" "
              "type=\"image/svg+xml\">\n"
              "</head>\n<body>\n"
              "<a class=\"skip-link\" href=\"#contenido\">Saltar al "
              "contenido</a>\n"
              "<header class=\"site-header\"><div class=\"wrap header-row\">\n"
              "<a class=\"brand\" href=\"/\"><span class=\"brand-name\">%s"
              "</span><span class=\"brand-sub\">Consejo de la Sociedad Civil"
              "</span></a>\n"
              /* On a phone the menu folds behind one button so that the
              ** page itself comes first: a checkbox and its label, shown
              ** and hidden by CSS alone (no JavaScript). */
              "<input type=\"checkbox\" id=\"menu-abierto\" "
              "class=\"menu-toggle\" aria-controls=\"menu\">"
              "<label for=\"menu-abierto\" class=\"menu-button\">Menú"
              "</label>\n<div class=\"menu\" id=\"menu\">"
              "<nav class=\"site-nav\" aria-label=\"Principal\"><ul>",
              p->zTitle, zSite, cosoc_commit, cosoc_commit, zSite);
  for (size_t i = 0; i < sizeof(aNav) / sizeof(aNav[0]); i++) {
    if (!(aNav[i].mRole & p->mRole)) continue;
    int bCurrent = p->zNav && strcmp(p->zNav, aNav[i].zKey) == 0;
    html_printf(h,
                bCurrent
                    ? "<li><a href=\"%s\" aria-current=\"page\">%s</a></li>"
                    : "<li><a href=\"%s\">%s</a></li>",
                aNav[i].zHref, aNav[i].zLabel);
  }
  html_printf(h, "</ul></nav>\n<div class=\"account\">");
  if (p->zUserName) {
    html_printf(h,
                "<span class=\"account-name\">%s <span class=\"role\">%s"
                "</span></span> ",
                p->zUserName, p->zUserRole ? p->zUserRole : "");
    if (p->bCouncilSwitch) {
      html_printf(h,
                  "<a href=\"/consejo\" id=\"cambiar-consejo\">Cambiar "
                  "de consejo</a> ");
    }
    if (p->bCouncilAdmin) {
      html_printf(h, "<a href=\"/admin/consejos\">Consejos</a> ");
    }
    html_printf(h,
                "<a href=\"/cuenta\">Mi cuenta</a> "
                "<form method=\"post\" action=\"/logout\" "
                "class=\"inline-form\"><input type=\"hidden\" "
                "name=\"csrf_token\" value=\"%s\"><button type=\"submit\" "
                "class=\"link-button\">Salir</button></form>",
                p->zCsrfToken ? p->zCsrfToken : "");
  } else {
    html_printf(h, "<a class=\"button\" href=\"/login\">Ingresar</a>");
  }
  html_printf(h,
              "</div></div>\n</div></header>\n"
              "<main id=\"contenido\" class=\"wrap\" tabindex=\"-1\">\n");
  if (p->zNotice) {
    html_printf(h, "<div class=\"notice notice-ok\" role=\"status\">%s</div>\n",
                p->zNotice);
  }
}

void shell_end(Html *h, const ShellInfo *p) {
  (void)p;
  html_printf(h,
              "</main>\n<footer class=\"site-footer\"><div class=\"wrap\">"
              "<p>Consejo de la Sociedad Civil — participación ciudadana "
              "según la Ley 20.500. <a href=\"/privacidad\">Privacidad "
              "y datos personales</a></p>"
              "<p class=\"version\">cosoc %s</p>"
              "</div></footer>\n</body>\n</html>\n",
              cosoc_version);
}
