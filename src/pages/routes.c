/*
** The route table: every URL cosoc answers, who may use it, and what its
** body may be. The server enforces each column before the handler runs
** (src/http/server.c); a path that is not here is a 404, a role that is not
** listed is refused.
*/
#include "http/router.h"
#include "pages/page.h"
#include "domain/plan_import.h"

#define GET METHOD_GET
#define POST METHOD_POST
#define SMALL ROUTE_BODY_SMALL
#define PLAN_FILE (PLAN_IMPORT_MAX_BYTES + 64 * 1024) /* The plan upload */

const Route routes_table[] = {
    /* pattern              methods     roles            flags       body   handler */
    {"/",                   GET,        ROLES_EVERYONE,  0,          0,     page_home},
    {"/login",              GET | POST, ROLES_EVERYONE,  ROUTE_CSRF, SMALL, page_login},
    {"/logout",             POST,       ROLES_SIGNED_IN, ROUTE_CSRF, SMALL, page_logout},
    {"/cuenta",             GET,        ROLES_SIGNED_IN, 0,          0,     page_account},
    {"/cuenta/clave",       POST,       ROLES_SIGNED_IN, ROUTE_CSRF, SMALL, page_account_password},
    {"/admin/usuarios",     GET | POST, ROLE_ADMIN,      ROUTE_CSRF, SMALL, page_admin_users},
    {"/static/:",           GET,        ROLES_EVERYONE,  0,          0,     page_static},
    {"/api/me",             GET,        ROLES_SIGNED_IN, 0,          0,     page_api_me},
    {"/plan",               GET,        ROLES_EVERYONE,  0,          0,     page_plan},
    {"/plan/lineas/:",      GET,        ROLES_EVERYONE,  0,          0,     page_plan_line},
    {"/plan/historial",     GET,        ROLES_SIGNED_IN, 0,          0,     page_plan_history},
    {"/admin/plan",         GET | POST, ROLE_ADMIN,      ROUTE_CSRF, SMALL, page_admin_plan},
    {"/admin/plan/objetivos", GET | POST, ROLE_ADMIN,    ROUTE_CSRF, SMALL, page_admin_plan_objectives},
    {"/admin/plan/lineas/:", GET | POST, ROLE_ADMIN,     ROUTE_CSRF, SMALL, page_admin_plan_line},
    {"/admin/plan/aprobar", POST,       ROLE_ADMIN,      ROUTE_CSRF, SMALL, page_admin_plan_approve},
    {"/admin/plan/importar", GET | POST, ROLE_ADMIN,     ROUTE_CSRF, PLAN_FILE, page_admin_plan_import},
    {"/api/plan",           GET,        ROLES_EVERYONE,  0,          0,     page_api_plan},
    {"/api/plan/versions/:", GET,       ROLES_EVERYONE,  0,          0,     page_api_plan_version},
    {"/plan.csv",           GET,        ROLES_EVERYONE,  0,          0,     page_plan_csv},
    {"/plan.xlsx",          GET,        ROLES_EVERYONE,  0,          0,     page_plan_xlsx},
    {"/plan.pdf",           GET,        ROLES_EVERYONE,  0,          0,     page_plan_pdf},
};

const int routes_count = (int)(sizeof(routes_table) / sizeof(routes_table[0]));
