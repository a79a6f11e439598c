/*
** User administration (admin only).
**
** GET  /admin/usuarios  — the list of accounts and the form to add one.
** POST /admin/usuarios  email, name, role, password, csrf_token — creates the
**                       account: 303 to the list; 422 with the form, the
**                       typed values and a message per field otherwise.
*/
#include "store/accounts/accounts.h"
#include "pages/page.h"

static const char *const azRole[] = {"consejero", "autoridad", "admin"};
static const char *const azRoleLabel[] = {
    "Consejero/a", "Autoridad", "Encargada/o de Participación Ciudadana"};

static void users_page(Request *r, int iStatus, const FormErrors *pErr) {
  Html h;
  page_begin(r, &h, "Usuarios", "usuarios");
  html_printf(&h, "<h1>Usuarios</h1>\n<div class=\"table-wrap\">"
                  "<table class=\"table table-cards\"><caption>Cuentas de "
                  "acceso</caption><thead><tr><th scope=\"col\">Nombre</th>"
                  "<th scope=\"col\">Correo electrónico</th><th scope=\"col\">"
                  "Rol</th></tr></thead><tbody>\n");
  User *aUser = NULL;
  int nUser = 0;
  accounts_user_list(request_db(r), request_arena(r), &aUser, &nUser);
  for (int i = 0; i < nUser; i++) {
    html_printf(&h,
                "<tr><td data-label=\"Nombre\">%s</td><td data-label=\"Correo "
                "electrónico\">%s</td><td data-label=\"Rol\">%s</td></tr>\n",
                aUser[i].zName, aUser[i].zEmail,
                accounts_role_label(aUser[i].zRole));
  }
  html_printf(&h, "</tbody></table></div>\n<h2>Agregar una cuenta</h2>\n");
  form_errors_summary(&h, pErr);
  html_printf(&h, "<form class=\"form\" method=\"post\" "
                  "action=\"/admin/usuarios\">\n");
  form_csrf(&h, request_csrf_token(r));
  int bRepeat = pErr != NULL; /* Re-showing: keep what was typed */
  form_input(&h, pErr, "name", "Nombre completo", "text",
             bRepeat ? request_field(r, "name") : NULL, NULL,
             "autocomplete=\"off\" required");
  form_input(&h, pErr, "email", "Correo electrónico", "email",
             bRepeat ? request_field(r, "email") : NULL, NULL,
             "autocomplete=\"off\" required");
  form_select(&h, pErr, "role", "Rol", azRole, azRoleLabel, 3,
              bRepeat ? request_field(r, "role") : "consejero");
  form_input(&h, pErr, "password", "Contraseña inicial", "password", NULL,
             "Al menos 8 caracteres. Entréguela en persona; la persona "
             "puede cambiarla en «Mi cuenta».",
             "autocomplete=\"new-password\" required minlength=\"8\"");
  html_printf(&h, "<div class=\"actions\"><button type=\"submit\" "
                  "class=\"button button-primary\">Crear cuenta</button>"
                  "</div>\n</form>\n");
  page_finish(r, &h, iStatus);
}

void page_admin_users(Request *r) {
  if (!request_is_post(r)) {
    users_page(r, 200, NULL);
    return;
  }
  /* Every field is checked before anything is written, so the officer
  ** sees all the problems at once. */
  FormErrors err;
  form_errors_init(&err);
  form_error(&err, "name", accounts_name_problem(request_field(r, "name")));
  form_error(&err, "email", email_problem(request_field(r, "email")));
  if (!accounts_role_bit(request_field(r, "role"))) {
    form_error(&err, "role", "Elija un rol de la lista.");
  }
  form_error(&err, "password",
             accounts_password_problem(request_field(r, "password")));
  if (err.n) {
    users_page(r, 422, &err);
    return;
  }
  const char *zErr = NULL, *zField = NULL;
  int64_t iId = 0;
  int rc = accounts_user_create(request_db(r), request_arena(r),
                                request_field(r, "email"),
                                request_field(r, "name"),
                                request_field(r, "role"),
                                request_field(r, "password"), &iId, &zErr,
                                &zField);
  if (rc != DB_OK) {
    form_error(&err, zField, zErr);
    users_page(r, zField ? 422 : 500, &err);
    return;
  }
  respond_redirect(r, "/admin/usuarios?aviso=usuario");
}
