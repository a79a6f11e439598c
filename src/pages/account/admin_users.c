/*
** User administration (admin only): accounts, their roles and states,
** their API tokens, and password reset links sent by mail.
**
** GET  /admin/usuarios       — every account with its role and state, and
**                              the form to add one.
** POST /admin/usuarios       email, name, role, password, csrf_token —
**                              creates the account: 303 to the list; 422
**                              with the form, the typed values and a
**                              message per field otherwise.
** GET  /admin/usuarios/ID    — one account: its facts, role, state, tokens
**                              (first characters, created, last used).
** POST /admin/usuarios/ID    accion, csrf_token and:
**        accion=rol          role — changes the role;
**        accion=desactivar   — disables it: its sessions, tokens and reset
**                              links end in the same transaction;
**        accion=activar      — enables it again;
**        accion=restablecer  — mails a single-use link (24 h) to choose a
**                              new password, through the outbox;
**        accion=revocar      token — revokes that token of the account.
**                              303 back with a notice; 422 when refused
**                              (the officer cannot disable or demote
**                              their own account); 404 for no such account.
*/
#include <string.h>

#include "mail/outbox.h"
#include "store/accounts/accounts.h"
#include "store/council/council.h"
#include "pages/page.h"
#include "render/table.h"
#include "util/text.h"

static const char *const azRole[] = {"consejero", "autoridad", "admin"};
static const char *const azRoleLabel[] = {
    "Consejero/a", "Autoridad", "Encargada/o de Participación Ciudadana"};

/* 1 when the account is one this officer manages: a member of the
** request's council (every account for the national team). */
static int user_in_scope(Request *r, int64_t iUser) {
  return page_is_national(r) ||
         council_member_role(request_db(r), request_arena(r), iUser,
                             page_council_id(r)) != NULL;
}

/* The state of an account in words. */
static const char *user_state(const UserRow *u) {
  if (!u->bActive) return "Desactivada";
  if (u->bLeftOffice) return "Sin acceso: dejó el cargo";
  return "Activa";
}

static void users_page(Request *r, int iStatus, const FormErrors *pErr) {
  Arena *pArena = request_arena(r);
  Html h;
  page_begin_titled(r, &h, "Usuarios", "usuarios");
  static const char *const azColumn[] = {"Nombre", "Correo electrónico", "Rol",
                                         "Estado"};
  HtmlTable t;
  table_open(&t, &h, "table table-cards", NULL);
  table_caption(&t, "Cuentas de acceso");
  table_head(&t, azColumn, 4);
  UserRow *aRow = NULL;
  int nRow = 0;
  accounts_user_list(request_db(r), pArena, &aRow, &nRow);
  for (int i = 0; i < nRow; i++) {
    const UserRow *u = &aRow[i];
    if (!user_in_scope(r, u->id)) continue;
    table_row_open(&t);
    table_cell(&t, "<a href=\"/admin/usuarios/%lld\">%s</a>", (long long)u->id,
               u->zName);
    table_cell(&t, "%s", u->zEmail);
    table_cell(&t, "%s", accounts_role_label(u->zRole));
    table_cell(&t, "%s", user_state(u));
    table_row_close(&t);
  }
  table_close(&t);
  html_printf(&h, "<h2>Agregar una cuenta</h2>\n");
  form_errors_summary(&h, pErr);
  page_post_form(&h, r, "form", "/admin/usuarios");
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
             "Al menos 8 caracteres, que no sea de las más usadas ni tenga "
             "el nombre o el correo. Entréguela en persona; la persona "
             "puede cambiarla en «Mi cuenta».",
             "autocomplete=\"new-password\" required minlength=\"8\"");
  html_printf(&h,
              "<div class=\"actions\"><button type=\"submit\" "
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
  const char *zName = request_field(r, "name");
  const char *zEmail = request_field(r, "email");
  FormErrors err;
  form_errors_init(&err);
  form_error(&err, "name", accounts_name_problem(zName));
  form_error(&err, "email", email_problem(zEmail));
  /* The council the account joins: the request's, when it names one; the
  ** national team at /admin/usuarios with no council named makes national
  ** accounts (admins tied to no council) only. */
  int64_t iCouncil =
      page_is_national(r) && !page_council_named(r) ? 0 : page_council_id(r);
  if (!accounts_role_bit(request_field(r, "role"))) {
    form_error(&err, "role", "Elija un rol de la lista.");
  } else if (!iCouncil && page_is_national(r) &&
             strcmp(request_field(r, "role"), "admin") != 0) {
    form_error(&err, "role",
               "Una cuenta del equipo nacional es de administración; la de "
               "un consejero o una autoridad se crea desde la dirección de "
               "su consejo (/c/SLUG/admin/usuarios).");
  }
  form_error(
      &err, "password",
      accounts_password_problem(request_field(r, "password"), zName, zEmail));
  if (err.n) {
    users_page(r, 422, &err);
    return;
  }
  const char *zErr = NULL, *zField = NULL;
  int64_t iId = 0;
  Db *pDb = request_db(r);
  /* The account belongs to the request's council, with that role there. */
  int rc = db_begin(pDb);
  if (rc == DB_OK) {
    rc = accounts_user_create(
        pDb, request_arena(r), zEmail, zName, request_field(r, "role"),
        request_field(r, "password"), &iId, &zErr, &zField);
  }
  if (rc == DB_OK && iCouncil) {
    rc = council_member_set(pDb, iId, iCouncil, request_field(r, "role"));
  }
  rc = db_finish(pDb, rc);
  if (rc != DB_OK) {
    form_error(&err, zField, zErr);
    users_page(r, zField ? 422 : 500, &err);
    return;
  }
  respond_redirect(r, "/admin/usuarios?aviso=usuario");
}

/* One POST form with a single button (and the account's action). */
static void action_form(Request *r, Html *h, int64_t iId, const char *zAction,
                        const char *zButton, const char *zClass) {
  page_post_action_form(h, r, "form form-inline", zAction,
                        "/admin/usuarios/%lld", (long long)iId);
  html_printf(h,
              "<button type=\"submit\" class=\"button %s\">%s</button>"
              "</form>\n",
              zClass, zButton);
}

static void tokens_table(Request *r, Html *h, const UserRow *u) {
  Arena *pArena = request_arena(r);
  TokenRow *aTok = NULL;
  int nTok = 0;
  accounts_token_list(request_db(r), pArena, u->id, &aTok, &nTok);
  html_printf(h, "<h2>Tokens de la API</h2>\n");
  if (nTok == 0) {
    html_printf(h,
                "<p>Esta cuenta no tiene tokens. Se crean con "
                "<code>cosoc token create</code>.</p>\n");
    return;
  }
  static const char *const azColumn[] = {"Token", "Etiqueta", "Creado",
                                         "Último uso", "Estado"};
  HtmlTable tab;
  table_open(&tab, h, "table table-cards", NULL);
  table_caption(&tab,
                "Tokens (se muestran sus primeros caracteres, nunca el "
                "token)");
  table_head(&tab, azColumn, 5);
  for (int i = 0; i < nTok; i++) {
    const TokenRow *t = &aTok[i];
    table_row_open(&tab);
    table_cell(&tab, "<code>%s…</code>",
               *t->zPrefix ? t->zPrefix : "(antiguo)");
    table_cell(&tab, "%s", t->zLabel);
    table_cell(&tab, "%s", page_time(pArena, t->iCreated));
    table_cell(&tab, "%s",
               t->iLastUsed ? page_time(pArena, t->iLastUsed) : "nunca");
    table_cell_open(&tab);
    if (t->iRevoked) {
      html_printf(h, "Revocado el %s", page_time(pArena, t->iRevoked));
    } else {
      html_printf(h,
                  "Vigente <form class=\"inline-form\" method=\"post\" "
                  "action=\"/admin/usuarios/%lld\">\n",
                  (long long)u->id);
      form_csrf(h, request_csrf_token(r));
      html_printf(h,
                  "<input type=\"hidden\" name=\"accion\" value=\"revocar\">"
                  "<input type=\"hidden\" name=\"token\" value=\"%lld\">"
                  "<button type=\"submit\" class=\"button button-danger\">"
                  "Revocar</button></form>",
                  (long long)t->id);
    }
    table_cell_close(&tab);
    table_row_close(&tab);
  }
  table_close(&tab);
}

static void user_page(Request *r, int iStatus, const UserRow *u,
                      const FormErrors *pErr) {
  Arena *pArena = request_arena(r);
  Html h;
  page_begin(r, &h, u->zName, "usuarios");
  html_printf(&h,
              "<p><a href=\"/admin/usuarios\">Usuarios</a></p>\n<h1>%s</h1>\n"
              "<dl class=\"facts\"><dt>Correo electrónico</dt><dd>%s</dd>"
              "<dt>Rol</dt><dd>%s</dd><dt>Estado</dt><dd>%s</dd>"
              "<dt>Creada</dt><dd>%s</dd></dl>\n",
              u->zName, u->zEmail, accounts_role_label(u->zRole), user_state(u),
              page_time(pArena, u->iCreated));
  if (u->bLeftOffice) {
    html_printf(&h,
                "<p>Esta persona dejó el cargo de consejera o consejero "
                "(renunció, fue reemplazada o cesada, o terminó su "
                "periodo): no puede ingresar ni usar sus tokens "
                "mientras su ficha de integrante diga eso.</p>\n");
  }
  form_errors_summary(&h, pErr);
  html_printf(&h, "<h2>Rol</h2>\n");
  page_post_action_form(&h, r, "form", "rol", "/admin/usuarios/%lld",
                        (long long)u->id);
  form_select(&h, pErr, "role", "Rol", azRole, azRoleLabel, 3, u->zRole);
  html_printf(&h,
              "<div class=\"actions\"><button type=\"submit\" "
              "class=\"button\">Cambiar rol</button></div></form>\n"
              "<h2>Acceso</h2>\n");
  if (u->bActive) {
    html_printf(&h,
                "<p>Desactivar la cuenta cierra de inmediato sus "
                "sesiones y revoca sus tokens.</p>\n");
    action_form(r, &h, u->id, "desactivar", "Desactivar la cuenta",
                "button-danger");
    html_printf(&h,
                "<p>Si la persona olvidó su contraseña, envíele a %s un "
                "enlace para elegir una nueva (sirve una vez, vence en "
                "24 horas; al usarlo se cierran sus sesiones).</p>\n",
                u->zEmail);
    action_form(r, &h, u->id, "restablecer",
                "Enviar enlace para restablecer la contraseña", "");
  } else {
    action_form(r, &h, u->id, "activar", "Reactivar la cuenta",
                "button-primary");
  }
  tokens_table(r, &h, u);
  page_finish(r, &h, iStatus);
}

/* Queues the mail with a new reset link for u, in one transaction with
** the link itself. DB_OK, or DB_ERROR with *pzErr. */
static int send_reset_link(Request *r, const UserRow *u, const char **pzErr) {
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  const Council *c = page_council(r);
  const char *zCouncil = c ? c->zName : NULL;
  const char *zShort = c ? c->zShortName : NULL;
  char zToken[ACCOUNTS_TOKEN_MAX];
  if (db_begin(pDb) != DB_OK) return DB_ERROR;
  if (accounts_reset_create(pDb, u->id, request_user(r)->id, zToken) != DB_OK) {
    db_rollback(pDb);
    return DB_ERROR;
  }
  const char *zLink = arena_printf(pArena, "%s/clave/restablecer?t=%s",
                                   request_public_url(r), zToken);
  OutboxMessage msg;
  memset(&msg, 0, sizeof(msg));
  msg.zIdempotencyKey =
      arena_printf(pArena, "clave:%lld:%.12s", (long long)u->id, zToken);
  msg.zTo = u->zEmail;
  msg.iCouncil = c ? c->id : 0;
  msg.zToName = text_one_line(pArena, u->zName); /* Stored before the rule */
  msg.zSubject = arena_printf(pArena, "Elija una contraseña nueva para %s",
                              zShort && *zShort ? zShort : "cosoc");
  msg.zText = arena_printf(
      pArena,
      "Hola, %s:\n\nSe pidió un enlace para que usted elija una contraseña "
      "nueva en %s.\n\nÁbralo dentro de 24 horas; sirve una sola vez:\n"
      "%s\n\nAl guardar la contraseña nueva se cierran todas sus sesiones "
      "abiertas.\n\nSi usted no lo esperaba, avise a la encargada de "
      "participación ciudadana; mientras no use el enlace, su contraseña "
      "actual sigue sirviendo.\n",
      u->zName, zCouncil && *zCouncil ? zCouncil : "cosoc", zLink);
  msg.zRelatedKind = "usuario";
  msg.iRelatedId = u->id;
  int rc = outbox_queue(pDb, &msg, NULL, pzErr);
  if (rc != OUTBOX_QUEUED) {
    db_rollback(pDb);
    return DB_ERROR;
  }
  return db_commit(pDb);
}

void page_admin_user(Request *r) {
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  int64_t iId = request_param_id(r, 0);
  UserRow u;
  int rc = iId ? accounts_user_row(pDb, pArena, iId, &u) : DB_DONE;
  if (rc == DB_OK && !user_in_scope(r, u.id)) rc = DB_DONE; /* Another's */
  if (!page_found(r, rc, "No existe esa cuenta.")) return;
  if (!request_is_post(r)) {
    user_page(r, 200, &u, NULL);
    return;
  }
  const char *zAction = request_field(r, "accion");
  int bSelf = request_user(r)->id == u.id;
  FormErrors err;
  form_errors_init(&err);
  const char *zNotice = NULL;
  if (!zAction) zAction = "";
  if (strcmp(zAction, "rol") == 0) {
    const char *zRole = request_field(r, "role");
    if (!accounts_role_bit(zRole)) {
      form_error(&err, "role", "Elija un rol de la lista.");
    } else if (bSelf && strcmp(zRole, u.zRole) != 0) {
      form_error(&err, "role",
                 "No puede cambiar su propio rol: pídaselo a otra persona "
                 "de la administración.");
    } else if ((rc = accounts_user_set_role(pDb, u.id, zRole)) == DB_OK &&
               (!page_council_id(r) ||
                !council_member_role(pDb, pArena, u.id, page_council_id(r)) ||
                (rc = council_member_set(pDb, u.id, page_council_id(r),
                                         zRole)) == DB_OK)) {
      zNotice = "rol";
    }
  } else if (strcmp(zAction, "desactivar") == 0 ||
             strcmp(zAction, "activar") == 0) {
    int bActive = zAction[0] == 'a';
    if (bSelf && !bActive) {
      form_error(&err, NULL, "No puede desactivar su propia cuenta.");
    } else if ((rc = accounts_user_set_active(pDb, u.id, bActive)) == DB_OK) {
      zNotice = bActive ? "cuenta-activada" : "cuenta-desactivada";
    }
  } else if (strcmp(zAction, "restablecer") == 0) {
    const char *zErr = NULL;
    if (!u.bActive || u.bLeftOffice) {
      form_error(&err, NULL,
                 "Esta cuenta no puede ingresar: reactívela "
                 "antes de enviarle un enlace.");
    } else if ((rc = send_reset_link(r, &u, &zErr)) == DB_OK) {
      zNotice = "enlace-enviado";
    } else if (zErr) {
      form_error(&err, NULL, zErr);
    }
  } else if (strcmp(zAction, "revocar") == 0) {
    int64_t iToken = 0;
    const char *zTok = request_field(r, "token");
    if (!text_parse_id(zTok, &iToken) ||
        (rc = accounts_token_revoke_id(pDb, u.id, iToken)) == DB_DONE) {
      form_error(&err, NULL, "Ese token no existe o ya estaba revocado.");
    } else if (rc == DB_OK) {
      zNotice = "token-revocado";
    }
  } else {
    form_error(&err, NULL, "Elija qué hacer con la cuenta.");
  }
  if (zNotice) {
    respond_redirect(r, arena_printf(pArena, "/admin/usuarios/%lld?aviso=%s",
                                     (long long)u.id, zNotice));
    return;
  }
  if (!err.n) {
    respond_error(r, 500, NULL);
    return;
  }
  user_page(r, 422, &u, &err);
}
