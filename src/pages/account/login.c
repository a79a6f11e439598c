/*
** Signing in and out.
**
** GET  /login   ?next=PATH  — the form: email, password, csrf_token.
** POST /login   email, password, next, csrf_token — 303 to next with a
**               session cookie; 401 and the form again when the e-mail or
**               password is wrong; 429 with "Espere N segundos" (and
**               Retry-After) while a growing delay after failures runs
**               (per account and address, kept in the database: see
**               accounts/throttle.c); 503 when the failures cannot be
**               counted (throttling fails closed).
** POST /logout  csrf_token — ends the session, 303 to /.
*/
#include <string.h>

#include "store/accounts/accounts.h"
#include "store/council/council.h"
#include "pages/page.h"

static void login_form(Request *r, int iStatus, const char *zEmail,
                       const char *zNext, const FormErrors *pErr) {
  Html h;
  page_begin_titled(r, &h, "Ingresar", NULL);
  form_errors_summary(&h, pErr);
  page_post_form(&h, r, "form", "/login");
  html_printf(&h, "<input type=\"hidden\" name=\"next\" value=\"%s\">\n",
              page_safe_next(zNext));
  form_input(&h, pErr, "email", "Correo electrónico", "email", zEmail, NULL,
             "autocomplete=\"username\" required autofocus");
  form_input(&h, pErr, "password", "Contraseña", "password", NULL, NULL,
             "autocomplete=\"current-password\" required");
  html_printf(&h,
              "<div class=\"actions\"><button type=\"submit\" "
              "class=\"button button-primary\">Ingresar</button></div>\n"
              "</form>\n<p>¿Olvidó su contraseña? Pídale a la encargada "
              "de participación ciudadana que le envíe un enlace para "
              "elegir una nueva.</p>\n");
  page_finish(r, &h, iStatus);
}

void page_login(Request *r) {
  if (!request_is_post(r)) {
    if (request_user(r)) {
      respond_redirect(r, page_safe_next(request_query(r, "next")));
      return;
    }
    login_form(r, 200, NULL, request_query(r, "next"), NULL);
    return;
  }
  const char *zEmail = request_field(r, "email");
  const char *zPassword = request_field(r, "password");
  const char *zNext = request_field(r, "next");
  FormErrors err;
  form_errors_init(&err);
  if (!zEmail || !*zEmail)
    form_error(&err, "email", "Escriba su correo electrónico.");
  if (!zPassword || !*zPassword)
    form_error(&err, "password", "Escriba su contraseña.");
  if (err.n) {
    login_form(r, 422, zEmail, zNext, &err);
    return;
  }
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  const char *zKey = email_normalize(pArena, zEmail);
  const char *zAddress = request_client_address(r);
  int64_t iWait = accounts_login_wait(pDb, zKey, zAddress);
  if (iWait < 0) {
    respond_error(r, 503,
                  "No pudimos comprobar los intentos de ingreso. Por "
                  "seguridad no se ingresa sin esa comprobación: intente de "
                  "nuevo en un momento.");
    return;
  }
  if (iWait > 0) {
    response_header(r, "Retry-After",
                    arena_printf(pArena, "%lld", (long long)iWait));
    form_error(&err, NULL, page_signin_wait_message(pArena, iWait, 0));
    login_form(r, 429, zEmail, zNext, &err);
    return;
  }
  User user;
  const char *zHash = NULL;
  int bFound =
      accounts_user_by_email(pDb, pArena, zKey, &user, &zHash) == DB_OK;
  /* The same argon2 work whether or not the account exists (a dummy hash
  ** when it does not), so timing does not reveal which e-mails have one. */
  int bOk = accounts_password_check(bFound ? zHash : NULL, zPassword) && bFound;
  if (db_begin(pDb) != DB_OK) {
    respond_error(r, 503, NULL);
    return;
  }
  /* The audit log names the account tried (never the e-mail typed: it
  ** may be anyone's, and the log keeps no personal data it could not
  ** erase). */
  if (accounts_login_record(pDb, zKey, zAddress, bOk) != DB_OK ||
      (bOk && request_start_session(r, user.id) != DB_OK) ||
      page_audit_event(
          r, bOk ? user.id : 0, "user",
          bFound ? arena_printf(pArena, "%lld", (long long)user.id) : "",
          bOk ? "inicio_sesion" : "inicio_sesion_fallido", "") != DB_OK) {
    db_rollback(pDb);
    respond_error(r, 503, NULL);
    return;
  }
  if (db_commit(pDb) != DB_OK) {
    respond_error(r, 503, NULL);
    return;
  }
  if (!bOk) {
    form_error(&err, NULL, "El correo o la contraseña no son correctos.");
    /* Say now if the next try must wait, rather than after it. */
    iWait = accounts_login_wait(pDb, zKey, zAddress);
    if (iWait > 0)
      form_error(&err, NULL, page_signin_wait_message(pArena, iWait, 1));
    login_form(r, 401, zEmail, zNext, &err);
    return;
  }
  /* Signed in at a council's address (/c/SLUG/login): that council, when
  ** the person belongs to it; someone in several councils otherwise picks
  ** one first. */
  int64_t iCouncil = request_path_prefix(r) ? page_council_id(r) : 0;
  if (iCouncil && council_member_role(pDb, pArena, user.id, iCouncil)) {
    council_session_choose(pDb, request_session_id(r), iCouncil);
  } else if (council_member_count(pDb, user.id) > 1 &&
             strcmp(page_safe_next(zNext), "/") == 0) {
    respond_redirect(r, "/consejo");
    return;
  }
  respond_redirect(r, page_safe_next(zNext));
}

void page_logout(Request *r) {
  request_end_session(r);
  respond_redirect(r, "/?aviso=salida");
}
