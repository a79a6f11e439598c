/*
** The council's quorum rules as settings: who counts (titulares, or
** titulares plus suplentes replacing them), the quorum to hold a session
** and to adopt an agreement (more than / at least a fraction, or a
** number), the seats and whether vacancies reduce the base.
**
** GET  /admin/quorum  admin: the form
** POST /admin/quorum  admin: counts, session_kind, session_num,
**      session_den, session_fixed, agreement_kind, agreement_num,
**      agreement_den, agreement_fixed, agreement_base, seats, vacancies
**      -> 303; rules quorum_compute() refuses -> 422 with its reason
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pages/sessions_pages.h"
#include "people/people.h"

static const char *const azKind[] = {"mas_de", "al_menos", "numero"};
static const char *const azKindLabel[] = {
    "Más de la fracción", "Al menos la fracción", "Un número fijo de personas"};

static int field_int(Request *r, const char *zName, int iDefault) {
  const char *z = request_field(r, zName);
  if (!z || !*z) return iDefault;
  char *zEnd = NULL;
  long v = strtol(z, &zEnd, 10);
  return *zEnd || v < -1 || v > 1000 ? -1 : (int)v;
}

static QuorumKind kind_field(Request *r, const char *zName) {
  const char *z = request_field(r, zName);
  if (z && strcmp(z, "al_menos") == 0) return QUORUM_AT_LEAST;
  if (z && strcmp(z, "numero") == 0) return QUORUM_FIXED;
  return QUORUM_MORE_THAN;
}

static void threshold_form(Html *h, const char *zPrefix, const char *zTitle,
                           const QuorumThreshold *t) {
  char zName[40];
  html_printf(h, "<fieldset><legend>%s</legend>", zTitle);
  snprintf(zName, sizeof(zName), "%s_kind", zPrefix);
  form_select(h, NULL, zName, "Forma", azKind, azKindLabel, 3,
              azKind[t->eKind == QUORUM_AT_LEAST ? 1
                     : t->eKind == QUORUM_FIXED  ? 2
                                                 : 0]);
  html_printf(h,
              "<label>Fracción <input type=\"number\" name=\"%s_num\" value="
              "\"%d\" min=\"1\" max=\"100\"> / <input type=\"number\" name=\""
              "%s_den\" value=\"%d\" min=\"1\" max=\"100\"></label>"
              "<label>Número fijo <input type=\"number\" name=\"%s_fixed\" "
              "value=\"%d\" min=\"1\" max=\"1000\"></label></fieldset>\n",
              zPrefix, t->num, zPrefix, t->den, zPrefix,
              t->nFixed > 0 ? t->nFixed : 1);
}

void page_admin_quorum(Request *r) {
  Db *pDb = request_db(r);
  int64_t iCouncil = people_council_id(pDb);
  QuorumRules rules;
  if (session_quorum_rules(pDb, iCouncil, &rules) != DB_OK) {
    respond_error(r, 500, NULL);
    return;
  }
  if (request_is_post(r)) {
    const char *zCounts = request_field(r, "counts");
    rules.eCounts = zCounts && strcmp(zCounts, "suplentes") == 0
                        ? QUORUM_COUNTS_SUBSTITUTES
                        : QUORUM_COUNTS_TITULARES;
    rules.session.eKind = kind_field(r, "session_kind");
    rules.session.num = field_int(r, "session_num", 1);
    rules.session.den = field_int(r, "session_den", 2);
    rules.session.nFixed = field_int(r, "session_fixed", 1);
    rules.session.zLabel = NULL;
    rules.agreement.eKind = kind_field(r, "agreement_kind");
    rules.agreement.num = field_int(r, "agreement_num", 1);
    rules.agreement.den = field_int(r, "agreement_den", 2);
    rules.agreement.nFixed = field_int(r, "agreement_fixed", 1);
    rules.agreement.zLabel = NULL;
    const char *zBase = request_field(r, "agreement_base");
    rules.eAgreementBase = zBase && strcmp(zBase, "presentes") == 0
                               ? QUORUM_OF_PRESENT
                               : QUORUM_OF_MEMBERS;
    rules.nSeat = field_int(r, "seats", 0);
    rules.bVacanciesReduceBase = request_field(r, "vacancies") != NULL;
    QuorumResult q;
    const char *zErr = NULL;
    if (quorum_compute(&rules, NULL, 0, &q, &zErr) != QUORUM_OK) {
      respond_error(
          r, 422,
          arena_printf(request_arena(r), "Las reglas no son válidas: %s.",
                       zErr ? zErr : "revise los números"));
      return;
    }
    if (session_quorum_rules_save(pDb, iCouncil, &rules) != DB_OK) {
      respond_error(r, 500, NULL);
      return;
    }
    respond_redirect(r, "/admin/quorum");
    return;
  }
  static const char *const azCounts[] = {"titulares", "suplentes"};
  static const char *const azCountsLabel[] = {
      "Solo los titulares en ejercicio",
      "Titulares, y suplentes que reemplazan a un titular ausente"};
  static const char *const azBase[] = {"miembros", "presentes"};
  static const char *const azBaseLabel[] = {"De los consejeros en ejercicio",
                                            "De los presentes"};
  Html h;
  page_begin(r, &h, "Reglas de quórum", "actividades");
  html_printf(&h,
              "<h1>Reglas de quórum</h1>\n<p>Según el reglamento del "
              "consejo. La página de cada sesión muestra si hay quórum y "
              "por qué.</p>\n<form class=\"form\" method=\"post\" action="
              "\"/admin/quorum\">");
  form_csrf(&h, request_csrf_token(r));
  form_select(&h, NULL, "counts", "Quiénes cuentan", azCounts, azCountsLabel, 2,
              azCounts[rules.eCounts == QUORUM_COUNTS_SUBSTITUTES]);
  threshold_form(&h, "session", "Quórum para sesionar", &rules.session);
  threshold_form(&h, "agreement", "Quórum para adoptar acuerdos",
                 &rules.agreement);
  form_select(&h, NULL, "agreement_base", "Los acuerdos se cuentan", azBase,
              azBaseLabel, 2,
              azBase[rules.eAgreementBase == QUORUM_OF_PRESENT]);
  char zSeats[16];
  snprintf(zSeats, sizeof(zSeats), "%d", rules.nSeat);
  form_input(&h, NULL, "seats", "Cargos titulares del consejo", "number",
             zSeats, "0: los titulares registrados.", "min=\"0\" max=\"1000\"");
  html_printf(&h,
              "<label class=\"check\"><input type=\"checkbox\" name=\"vacancies"
              "\" value=\"1\"%s> Los cargos vacantes no cuentan en la base"
              "</label><div class=\"actions\"><button type=\"submit\" class=\""
              "button\">Guardar reglas</button></div></form>\n",
              rules.bVacanciesReduceBase ? " checked" : "");
  page_finish(r, &h, 200);
}
