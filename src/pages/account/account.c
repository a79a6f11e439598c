/*
** The signed-in user's own account.
**
** GET  /cuenta        — who you are, and the password change form.
** POST /cuenta/clave  current_password, new_password, new_password_confirm,
**                     csrf_token — 303 to /cuenta?aviso=clave; 422 with the
**                     form and messages when something is wrong. Every other
**                     session of the user ends. The current password is
**                     checked as sign-in checks it, with the same growing
**                     delays after failures (429 with "Espere N segundos"),
**                     or a stolen session could guess it without end; and
**                     only with a session: an API token, which needs no CSRF
**                     token, is refused (403).
*/
#include <string.h>

#include "domain/email.h"
#include "store/accounts/accounts.h"
#include "pages/page.h"

static void account_page(Request *r, int iStatus, const FormErrors *pErr) {
  const User *pUser = request_user(r);
  Html h;
  page_begin_titled(r, &h, "Mi cuenta", NULL);
  html_printf(&h,
              "<dl class=\"facts\"><dt>Nombre</dt>"
              "<dd>%s</dd><dt>Correo electrónico</dt><dd>%s</dd><dt>Rol</dt>"
              "<dd>%s</dd></dl>\n<p><a href=\"/cuenta/calendario\">Mi "
              "calendario personal</a>: suscríbase a las actividades desde su "
              "aplicación de calendario.</p>\n<h2>Cambiar contraseña</h2>\n",
              pUser->zName, pUser->zEmail, accounts_role_label(pUser->zRole));
  form_errors_summary(&h, pErr);
  page_post_form(&h, r, "form", "/cuenta/clave");
  form_input(&h, pErr, "current_password", "Contraseña actual", "password",
             NULL, NULL, "autocomplete=\"current-password\" required");
  form_input(&h, pErr, "new_password", "Contraseña nueva", "password", NULL,
             "Al menos 8 caracteres. Una frase que pueda recordar sirve "
             "bien.",
             "autocomplete=\"new-password\" required minlength=\"8\"");
  form_input(&h, pErr, "new_password_confirm", "Repita la contraseña nueva",
             "password", NULL, NULL,
             "autocomplete=\"new-password\" required minlength=\"8\"");
  html_printf(&h,
              "<div class=\"actions\"><button type=\"submit\" "
              "class=\"button button-primary\">Cambiar contraseña"
              "</button></div>\n</form>\n");
  page_finish(r, &h, iStatus);
}

void page_account(Request *r) { account_page(r, 200, NULL); }

/* Checks the current password as sign-in does (accounts/throttle.c): 1
** when it is right; 0 with its message in pErr when it is wrong; -1 when
** the answer is given here (429 while a delay runs, 503 when the attempts
** cannot be counted). */
static int current_password_check(Request *r, const char *zCurrent,
                                  FormErrors *pErr) {
  const User *pUser = request_user(r);
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  const char *zKey = email_normalize(pArena, pUser->zEmail);
  const char *zAddress = request_client_address(r);
  int64_t iWait = accounts_login_wait(pDb, zKey, zAddress);
  if (iWait > 0) {
    response_header(r, "Retry-After",
                    arena_printf(pArena, "%lld", (long long)iWait));
    form_error(pErr, "current_password",
               page_signin_wait_message(pArena, iWait, 0));
    account_page(r, 429, pErr);
    return -1;
  }
  User me;
  const char *zHash = NULL;
  int bOk = iWait == 0 &&
            accounts_user_by_id(pDb, pArena, pUser->id, &me, &zHash) == DB_OK &&
            accounts_password_verify(zHash, zCurrent ? zCurrent : "");
  if (iWait < 0 || accounts_login_record(pDb, zKey, zAddress, bOk) != DB_OK) {
    respond_error(r, 503,
                  "No pudimos comprobar los intentos con su contraseña. Por "
                  "seguridad no se cambia sin esa comprobación: intente de "
                  "nuevo en un momento.");
    return -1;
  }
  if (!bOk) {
    form_error(pErr, "current_password",
               "La contraseña actual no es correcta.");
  }
  return bOk;
}

void page_account_password(Request *r) {
  const User *pUser = request_user(r);
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  if (request_by_token(r)) {
    respond_error(r, 403,
                  "La contraseña se cambia en la página «Mi cuenta», con su "
                  "sesión abierta: un token de la API no sirve para eso.");
    return;
  }
  const char *zCurrent = request_field(r, "current_password");
  const char *zNew = request_field(r, "new_password");
  const char *zConfirm = request_field(r, "new_password_confirm");
  FormErrors err;
  form_errors_init(&err);
  if (current_password_check(r, zCurrent, &err) < 0) return;
  form_error(&err, "new_password",
             accounts_password_problem(zNew, pUser->zName, pUser->zEmail));
  if (zNew && (!zConfirm || strcmp(zNew, zConfirm) != 0)) {
    form_error(&err, "new_password_confirm",
               "Las dos contraseñas nuevas no coinciden.");
  }
  if (err.n) {
    account_page(r, 422, &err);
    return;
  }
  if (!page_db_ok(r, accounts_set_password(pDb, pArena, pUser->id, zNew,
                                           request_session_id(r)))) {
    return;
  }
  respond_redirect(r, "/cuenta?aviso=clave");
}
