/*
** The route table: every URL cosoc answers, who may use it, and what its
** body may be. The server enforces each column before the handler runs
** (src/http/server.c); a path that is not here is a 404, a role that is not
** listed is refused.
*/
#include "http/router.h"
#include "pages/page.h"

#define GET METHOD_GET
#define POST METHOD_POST
#define SMALL ROUTE_BODY_SMALL

const Route routes_table[] = {
    /* pattern              methods     roles            flags       body   handler */
    {"/",                   GET,        ROLES_EVERYONE,  0,          0,     page_home},
    {"/login",              GET | POST, ROLES_EVERYONE,  ROUTE_CSRF, SMALL, page_login},
    {"/logout",             POST,       ROLES_SIGNED_IN, ROUTE_CSRF, SMALL, page_logout},
    {"/cuenta",             GET,        ROLES_SIGNED_IN, 0,          0,     page_account},
    {"/cuenta/clave",       POST,       ROLES_SIGNED_IN, ROUTE_CSRF, SMALL, page_account_password},
    {"/admin/usuarios",     GET | POST, ROLE_ADMIN,      ROUTE_CSRF, SMALL, page_admin_users},
    {"/admin/correo",       GET | POST, ROLE_ADMIN,      ROUTE_CSRF, SMALL, page_admin_mail},
    {"/static/:",           GET,        ROLES_EVERYONE,  0,          0,     page_static},
    {"/api/me",             GET,        ROLES_SIGNED_IN, 0,          0,     page_api_me},
};

const int routes_count = (int)(sizeof(routes_table) / sizeof(routes_table[0]));
