/*
** Choosing a new password from an e-mailed link (the officer sends it from
** /admin/usuarios/ID).
**
** GET  /clave/restablecer  ?t=TOKEN — the form: password, password_confirm.
** POST /clave/restablecer  t, password, password_confirm, csrf_token — sets
**                          the password, spends the link and ends every
**                          session of the account: 303 to /login with a
**                          notice; 422 with the form and the reason when the
**                          password is refused; 404 when the link is
**                          unknown, used, expired, or its account can no
**                          longer sign in.
**
** The token travels in the query string and the form, never in the path,
** so that the request log never shows it.
*/
#include <string.h>

#include "store/accounts/accounts.h"
#include "pages/page.h"

void page_password_reset(Request *r) {
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  const char *zToken = page_link_token(r);
  int64_t iUser = accounts_reset_user(pDb, zToken);
  User user;
  if (!iUser || accounts_user_by_id(pDb, pArena, iUser, &user, NULL) != DB_OK) {
    page_link_gone(r);
    return;
  }
  FormErrors err;
  const char *zPassword = page_new_password(r, &err, user.zName, user.zEmail);
  if (zPassword) {
    int rc = accounts_reset_use(pDb, pArena, zToken, zPassword, &iUser);
    if (rc == DB_DONE) {
      page_link_gone(r);
      return;
    }
    if (rc == DB_OK) {
      /* Whoever was signed in on this browser is signed out too. */
      request_end_session(r);
      respond_redirect(r, "/login?aviso=clave-restablecida");
      return;
    }
    form_error(&err, NULL,
               "No se pudo guardar la contraseña; intente de nuevo.");
  }
  Html h;
  page_begin_titled(r, &h, "Elegir una contraseña nueva", NULL);
  html_printf(&h,
              "<p>%s, elija la "
              "contraseña con que ingresará con su correo %s. Al guardarla "
              "se cierran todas sus sesiones abiertas.</p>\n",
              user.zName, user.zEmail);
  page_password_form(&h, r, &err, "/clave/restablecer", zToken, 1,
                     "Al menos 8 caracteres, que no sea de las más usadas ni "
                     "tenga su nombre o su correo. Una frase que pueda "
                     "recordar sirve bien.",
                     "Guardar la contraseña");
  page_finish(r, &h, request_is_post(r) ? 422 : 200);
}
