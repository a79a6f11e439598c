/*
** Shared page plumbing (see page.h).
*/
#include "pages/page.h"
#include "store/privacy/audit_store.h"

#include <stdarg.h>
#include <string.h>

#include "domain/chile_time.h"
#include "domain/date_text.h"
#include "export/export.h"
#include "store/accounts/accounts.h"
#include "store/council/council.h"

int page_user_is(Request *r, int mRole) {
  const User *pUser = request_user(r);
  return pUser && (pUser->mRole & mRole) != 0;
}

/* One-time notices after a redirect are named by a key in the URL
** (?aviso=clave), never carried as text, so a link cannot make the site
** show a message of someone else's choosing. */
typedef struct Notice {
  const char *zKey;
  const char *zText;
} Notice;

static const Notice aNotice[] = {
    {"clave", "Su contraseña fue cambiada."},
    {"usuario", "El usuario fue creado."},
    {"salida", "Usted salió de su cuenta."},
    {"guardado", "Los cambios fueron guardados."},
    {"plan-guardado", "Se guardó una nueva versión del plan."},
    {"plan-sin-cambios",
     "No había cambios: el plan sigue en la misma versión."},
    {"plan-importado",
     "El plan fue importado como una nueva versión, en borrador: revise lo "
     "entendido y apruébelo."},
    {"plan-aprobado", "La versión quedó aprobada."},
    {"plan-siguiente",
     "Se creó el plan siguiente, en borrador: revíselo y apruébelo."},
    {"verificador-guardado", "Se guardó el verificador del consejo."},
    {"cuenta-desactivada",
     "La cuenta quedó desactivada: sus sesiones y tokens terminaron."},
    {"cuenta-activada", "La cuenta quedó activa de nuevo."},
    {"rol", "El rol fue cambiado."},
    {"token-revocado", "El token fue revocado: ya no sirve."},
    {"enlace-enviado",
     "Se envió por correo un enlace para elegir una contraseña nueva. "
     "Vence en 24 horas y sirve una sola vez."},
    {"clave-restablecida",
     "Su contraseña nueva quedó guardada; ingrese con ella."},
    /* One text whether the person was new or enrolled already: the page
    ** must not confirm to whoever typed a RUN that it is enrolled. */
    {"inscripcion",
     "Recibimos su inscripción. Si es la primera vez, le llegará un correo "
     "con el calendario de los módulos; si ya estaba inscrita o inscrito, "
     "no hace falta hacer nada más."},
    {"inscritos", "Las personas quedaron inscritas en el curso."},
    {"certificados",
     "Los certificados quedaron emitidos y se enviaron por "
     "correo a quienes tienen uno."},
    {"revocado", "El certificado quedó revocado."},
    {"asistencia", "La asistencia del módulo quedó guardada."},
};

static const char *notice_text(const char *zKey) {
  for (size_t i = 0; zKey && i < sizeof(aNotice) / sizeof(aNotice[0]); i++) {
    if (strcmp(aNotice[i].zKey, zKey) == 0) return aNotice[i].zText;
  }
  return NULL;
}

static const Notice aSaved[] = {
    {"detalles", "Guardado: la actividad quedó al día."},
    {"tabla", "Guardado: la tabla quedó al día."},
    {"asistencia", "Guardado: la asistencia quedó registrada."},
    {"acuerdos", "Guardado: el acuerdo quedó registrado."},
    {"verificadores", "Guardado: los verificadores quedaron subidos."},
    {"citar",
     "Guardado: la citación quedó en la bandeja de salida y sale "
     "por correo a cada persona."},
    {"traslado", "Guardado: el traslado quedó al día."},
    {"acta", "Guardado: el acta quedó al día."},
    {"seguimiento", "Guardado: el seguimiento del acuerdo quedó registrado."},
};

void page_saved_notice(Html *h, Request *r, const char *zSection) {
  const char *zKey = request_query(r, "guardado");
  if (!zKey || strcmp(zKey, zSection) != 0) return;
  for (size_t i = 0; i < sizeof(aSaved) / sizeof(aSaved[0]); i++) {
    if (strcmp(aSaved[i].zKey, zKey) == 0) {
      html_printf(h,
                  "<p class=\"notice notice-ok saved\" role=\"status\">%s"
                  "</p>\n",
                  aSaved[i].zText);
    }
  }
}

void page_begin(Request *r, Html *h, const char *zTitle, const char *zNav) {
  ShellInfo info;
  memset(&info, 0, sizeof(info));
  const Council *pCouncil = page_council(r);
  const User *pUser = request_user(r);
  info.zTitle = zTitle;
  info.zNav = zNav;
  /* The installation's own pages (the national view, the choice of
  ** council) belong to no council when there are several. */
  int bInstallation = (request_route_flags(r) & ROUTE_UNSCOPED) &&
                      !request_path_prefix(r) &&
                      council_count(request_db(r)) > 1;
  info.zCouncil = pCouncil && !bInstallation ? pCouncil->zShortName : NULL;
  info.mRole = pUser ? pUser->mRole : ROLE_ANONYMOUS;
  if (pUser) {
    info.zUserName = pUser->zName;
    info.zUserRole = accounts_role_label(pUser->zRole);
    info.zCsrfToken = request_csrf_token(r);
    info.bCouncilSwitch = council_member_count(request_db(r), pUser->id) > 1 ||
                          page_is_national(r);
    info.bCouncilAdmin =
        page_may_manage_councils(r) && council_count(request_db(r)) > 1;
  }
  info.zNotice = notice_text(request_query(r, "aviso"));
  html_init(h, request_arena(r));
  shell_begin(h, &info);
}

void page_begin_titled(Request *r, Html *h, const char *zTitle,
                       const char *zNav) {
  page_begin(r, h, zTitle, zNav);
  html_printf(h, "<h1>%s</h1>\n", zTitle);
}

void page_finish(Request *r, Html *h, int iStatus) {
  shell_end(h, NULL);
  respond_html(r, iStatus, page_links(r, h));
}

void page_finish_linked(Request *r, Html *h, const Html *pBody) {
  Html out, end;
  html_init(&out, request_arena(r));
  html_init(&end, request_arena(r));
  html_append(&out, page_links(r, h));
  html_append(&out, pBody);
  shell_end(&end, NULL);
  html_append(&out, page_links(r, &end));
  respond_html(r, 200, &out);
}

const char *page_safe_next(const char *zNext) {
  if (!zNext || zNext[0] != '/' || zNext[1] == '/' || zNext[1] == '\\') {
    return "/";
  }
  for (const char *z = zNext; *z; z++) {
    if ((unsigned char)*z < ' ') return "/";
  }
  return zNext;
}

int page_json_int(const json_t *v, int iMin, int iMax, int *piOut) {
  if (!json_is_integer(v)) return 0;
  json_int_t n = json_integer_value(v);
  if (n < iMin || n > iMax) return 0;
  *piOut = (int)n;
  return 1;
}

const char *page_signin_wait_message(Arena *pArena, int64_t iWait, int bNext) {
  const char *zWhen;
  if (iWait < 60) {
    zWhen = arena_printf(pArena, "%lld %s", (long long)iWait,
                         iWait == 1 ? "segundo" : "segundos");
  } else {
    long long nMin = (long long)((iWait + 59) / 60);
    zWhen =
        arena_printf(pArena, "%lld %s", nMin, nMin == 1 ? "minuto" : "minutos");
  }
  return arena_printf(pArena,
                      bNext ? "Por seguridad, espere %s antes de volver a "
                              "intentarlo."
                            : "Hubo varios intentos fallidos. Espere %s antes "
                              "de volver a intentarlo; la espera crece con "
                              "cada intento fallido.",
                      zWhen);
}

const char *page_new_password(Request *r, FormErrors *pErr, const char *zName,
                              const char *zEmail) {
  form_errors_init(pErr);
  if (!request_is_post(r)) return NULL;
  const char *zPassword = request_field(r, "password");
  const char *zConfirm = request_field(r, "password_confirm");
  const char *zProblem = accounts_password_problem(zPassword, zName, zEmail);
  form_error(pErr, "password", zProblem);
  if (!zProblem && (!zConfirm || strcmp(zPassword, zConfirm) != 0)) {
    form_error(pErr, "password_confirm", "Las contraseñas no coinciden.");
  }
  return pErr->n ? NULL : zPassword;
}

void page_link_gone(Request *r) {
  respond_error(r, 404,
                "El enlace ya fue usado o venció. Pida uno nuevo a la "
                "encargada de participación ciudadana.");
}

json_t *page_json_time(int64_t t) {
  if (!t) return json_null();
  char z[CHILE_TIME_ISO_MAX];
  chile_time_format_iso(t, z, sizeof(z));
  return json_string(z);
}

json_t *page_json_object(Request *r) {
  size_t n = 0;
  const char *z = request_body(r, &n);
  json_error_t err;
  json_t *p = z && n ? json_loadb(z, n, 0, &err) : NULL;
  if (!p || !json_is_object(p)) {
    if (p) json_decref(p);
    respond_json_error(
        r, 400, "El cuerpo de la solicitud debe ser un objeto JSON.", NULL);
    return NULL;
  }
  return p;
}

int page_db_ok(Request *r, int rc) {
  if (rc == DB_OK) return 1;
  respond_error(r, 500, NULL);
  return 0;
}

const char *page_link_token(Request *r) {
  return request_is_post(r) ? request_field(r, "t") : request_query(r, "t");
}

void page_password_form(Html *h, Request *r, const FormErrors *pErr,
                        const char *zAction, const char *zToken, int bNew,
                        const char *zHint, const char *zButton) {
  form_errors_summary(h, pErr);
  html_printf(h,
              "<form class=\"form\" method=\"post\" action=\"%s\">\n"
              "<input type=\"hidden\" name=\"t\" value=\"%s\">\n",
              zAction, zToken);
  form_csrf(h, request_csrf_token(r));
  form_input(h, pErr, "password", bNew ? "Contraseña nueva" : "Contraseña",
             "password", NULL, zHint,
             "autocomplete=\"new-password\" required minlength=\"8\"");
  form_input(h, pErr, "password_confirm",
             bNew ? "Repita la contraseña nueva" : "Repita la contraseña",
             "password", NULL, NULL, "autocomplete=\"new-password\" required");
  html_printf(h,
              "<div class=\"actions\"><button type=\"submit\" class=\""
              "button button-primary\">%s</button></div>\n</form>\n",
              zButton);
}

int page_audit_event(Request *r, int64_t iUser, const char *zKind,
                     const char *zId, const char *zAction,
                     const char *zFields) {
  const User *pUser = request_user(r);
  AuditEvent ev = {.iCouncil = page_council_id(r),
                   .iUser = iUser > 0 ? iUser : (pUser ? pUser->id : 0),
                   .zActor = iUser > 0 || pUser ? "" : "visitante",
                   .zAddress = request_client_address(r),
                   .zKind = zKind,
                   .zId = zId,
                   .zAction = zAction,
                   .zFields = zFields};
  return audit_event(request_db(r), &ev);
}

const char *page_time(Arena *pArena, int64_t t) {
  LocalTime lt;
  chile_time_from_utc(t, &lt, NULL);
  return arena_printf(pArena, "%02d-%02d-%04d %02d:%02d", lt.iDay, lt.iMonth,
                      lt.iYear, lt.iHour, lt.iMinute);
}

const char *page_date(Arena *pArena, const char *zIso) {
  char z[PLAN_DATE_SIZE];
  date_text_dmy(zIso, z);
  return arena_strdup(pArena, z);
}

void page_send_file(Request *r, const char *zType, const char *zDisposition,
                    const void *p, size_t n) {
  if (zDisposition) response_header(r, "Content-Disposition", zDisposition);
  respond_bytes(r, 200, zType, p, n);
}

void page_send_export(Request *r, int rc, const char *zType,
                      const char *zDisposition, const void *p, size_t n) {
  if (rc != EXPORT_OK) {
    respond_error(r, 500, NULL);
    return;
  }
  page_send_file(r, zType, zDisposition, p, n);
}

/* page_post_form() with its action's arguments in ap. */
static void post_form_v(Html *h, Request *r, const char *zClass,
                        const char *zActionFmt, va_list ap)
    __attribute__((format(printf, 4, 0)));
static void post_form_v(Html *h, Request *r, const char *zClass,
                        const char *zActionFmt, va_list ap) {
  if (zClass) {
    html_printf(h, "<form class=\"%s\" method=\"post\" action=\"", zClass);
  } else {
    html_printf(h, "<form method=\"post\" action=\"");
  }
  html_vprintf(h, zActionFmt, ap);
  html_printf(h, "\">");
  form_csrf(h, request_csrf_token(r));
}

void page_post_form(Html *h, Request *r, const char *zClass,
                    const char *zActionFmt, ...) {
  va_list ap;
  va_start(ap, zActionFmt);
  post_form_v(h, r, zClass, zActionFmt, ap);
  va_end(ap);
}

void page_post_action_form(Html *h, Request *r, const char *zClass,
                           const char *zDo, const char *zActionFmt, ...) {
  va_list ap;
  va_start(ap, zActionFmt);
  post_form_v(h, r, zClass, zActionFmt, ap);
  va_end(ap);
  html_printf(h, "<input type=\"hidden\" name=\"accion\" value=\"%s\">", zDo);
}

int page_found(Request *r, int rc, const char *zMissing) {
  if (rc == DB_DONE) {
    respond_error(r, 404, zMissing);
    return 0;
  }
  return page_db_ok(r, rc);
}

void page_section_begin(Html *h, Request *r, const char *zId,
                        const char *zTitle, const char *zSaved) {
  html_printf(h, "<section aria-labelledby=\"%s\"><h2 id=\"%s\">%s</h2>\n", zId,
              zId, zTitle);
  page_saved_notice(h, r, zSaved);
}
