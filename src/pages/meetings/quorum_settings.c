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

#include "store/council/council.h"

#include "db/record_stamp.h"
#include "pages/conflict.h"
#include "pages/meetings/meetings_pages.h"
#include "store/people/people.h"

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

/* The value a number field shows: as typed when re-showing a refused
** submission (bTyped), else the stored iStored. */
static const char *number_value(Request *r, int bTyped, const char *zName,
                                int iStored) {
  if (bTyped) {
    const char *z = request_field(r, zName);
    return z ? z : "";
  }
  return arena_printf(request_arena(r), "%d", iStored);
}

static void threshold_form(Html *h, Request *r, const FormErrors *pErr,
                           int bTyped, const char *zPrefix, const char *zTitle,
                           const QuorumThreshold *t) {
  Arena *pArena = request_arena(r);
  const char *zNum = arena_printf(pArena, "%s_num", zPrefix);
  const char *zDen = arena_printf(pArena, "%s_den", zPrefix);
  const char *zFixed = arena_printf(pArena, "%s_fixed", zPrefix);
  html_printf(h, "<fieldset><legend>%s</legend>", zTitle);
  form_select(h, pErr, arena_printf(pArena, "%s_kind", zPrefix), "Forma",
              azKind, azKindLabel, 3,
              azKind[t->eKind == QUORUM_AT_LEAST ? 1
                     : t->eKind == QUORUM_FIXED  ? 2
                                                 : 0]);
  html_printf(h,
              "<label>Fracción <input type=\"number\" name=\"%s\" value="
              "\"%s\" min=\"1\" max=\"100\"> / <input type=\"number\" name=\""
              "%s\" value=\"%s\" min=\"1\" max=\"100\"></label>"
              "<label>Número fijo <input type=\"number\" name=\"%s\" "
              "value=\"%s\" min=\"1\" max=\"1000\"></label></fieldset>\n",
              zNum, number_value(r, bTyped, zNum, t->num), zDen,
              number_value(r, bTyped, zDen, t->den), zFixed,
              number_value(r, bTyped, zFixed, t->nFixed > 0 ? t->nFixed : 1));
}

/* A threshold in words: "más de 1/2", "al menos 2/3", "8 personas". */
static const char *threshold_text(Arena *pArena, const QuorumThreshold *t) {
  if (t->eKind == QUORUM_FIXED) {
    return arena_printf(pArena, "%d personas", t->nFixed);
  }
  return arena_printf(pArena, "%s %d/%d",
                      t->eKind == QUORUM_AT_LEAST ? "al menos" : "más de",
                      t->num, t->den);
}

/* The rules typed (pMine) next to those saved meanwhile (pSaved). */
static void quorum_conflict_table(Html *h, Request *r, const QuorumRules *pMine,
                                  const QuorumRules *pSaved) {
  Arena *pArena = request_arena(r);
  RecordStamp stamp;
  record_stamp_get(request_db(r), pArena, RECORD_QUORUM_SETTINGS,
                   page_council_id(r), &stamp);
  ConflictSaved saved = {"de las reglas de quórum", stamp.iVersion,
                         stamp.zAuthor, stamp.tUpdated};
  conflict_begin(h, pArena, &saved);
  conflict_row(
      h, "Quiénes cuentan",
      pMine->eCounts == QUORUM_COUNTS_SUBSTITUTES ? "Titulares y suplentes"
                                                  : "Solo titulares",
      pSaved->eCounts == QUORUM_COUNTS_SUBSTITUTES ? "Titulares y suplentes"
                                                   : "Solo titulares");
  conflict_row(h, "Quórum para sesionar",
               threshold_text(pArena, &pMine->session),
               threshold_text(pArena, &pSaved->session));
  conflict_row(h, "Quórum para adoptar acuerdos",
               threshold_text(pArena, &pMine->agreement),
               threshold_text(pArena, &pSaved->agreement));
  conflict_row(h, "Los acuerdos se cuentan",
               pMine->eAgreementBase == QUORUM_OF_PRESENT ? "De los presentes"
                                                          : "De los consejeros",
               pSaved->eAgreementBase == QUORUM_OF_PRESENT
                   ? "De los presentes"
                   : "De los consejeros");
  conflict_row(h, "Cargos titulares del consejo",
               arena_printf(pArena, "%d", pMine->nSeat),
               arena_printf(pArena, "%d", pSaved->nSeat));
  conflict_row(h, "Los cargos vacantes no cuentan en la base",
               pMine->bVacanciesReduceBase ? "Sí" : "No",
               pSaved->bVacanciesReduceBase ? "Sí" : "No");
  conflict_end(h);
}

/* The form with rules; pErr non-NULL re-shows a refused submission with
** the typed numbers and its message, 422, keeping iBase (the version the
** form was drawn from; -1: the stored one); pSaved non-NULL: the rules were
*saved meanwhile as
** pSaved, compare (409) with the stored version as the new base. */
static void quorum_form(Request *r, const QuorumRules *pRules,
                        const FormErrors *pErr, int iBase,
                        const QuorumRules *pSaved) {
  static const char *const azCounts[] = {"titulares", "suplentes"};
  static const char *const azCountsLabel[] = {
      "Solo los titulares en ejercicio",
      "Titulares, y suplentes que reemplazan a un titular ausente"};
  static const char *const azBase[] = {"miembros", "presentes"};
  static const char *const azBaseLabel[] = {"De los consejeros en ejercicio",
                                            "De los presentes"};
  Html h;
  page_begin_titled(r, &h, "Reglas de quórum", "actividades");
  html_printf(&h,
              "<p>Según el reglamento del "
              "consejo. La página de cada sesión muestra si hay quórum y "
              "por qué.</p>\n");
  if (pErr) form_errors_summary(&h, pErr);
  if (pSaved) quorum_conflict_table(&h, r, pRules, pSaved);
  if (iBase < 0) {
    RecordStamp stamp;
    int rc =
        record_stamp_get(request_db(r), request_arena(r),
                         RECORD_QUORUM_SETTINGS, page_council_id(r), &stamp);
    iBase = rc == DB_OK ? stamp.iVersion : 0;
  }
  int bTyped = pErr != NULL || pSaved != NULL;
  html_printf(&h,
              "<form class=\"form\" method=\"post\" action="
              "\"/admin/quorum\"><input type=\"hidden\" name=\"version\" "
              "value=\"%d\">",
              iBase);
  form_csrf(&h, request_csrf_token(r));
  form_select(&h, pErr, "counts", "Quiénes cuentan", azCounts, azCountsLabel, 2,
              azCounts[pRules->eCounts == QUORUM_COUNTS_SUBSTITUTES]);
  threshold_form(&h, r, pErr, bTyped, "session", "Quórum para sesionar",
                 &pRules->session);
  threshold_form(&h, r, pErr, bTyped, "agreement",
                 "Quórum para adoptar acuerdos", &pRules->agreement);
  form_select(&h, pErr, "agreement_base", "Los acuerdos se cuentan", azBase,
              azBaseLabel, 2,
              azBase[pRules->eAgreementBase == QUORUM_OF_PRESENT]);
  form_input(&h, pErr, "seats", "Cargos titulares del consejo", "number",
             number_value(r, bTyped, "seats", pRules->nSeat),
             "0: los titulares registrados.", "min=\"0\" max=\"1000\"");
  html_printf(&h,
              "<label class=\"check\"><input type=\"checkbox\" name=\"vacancies"
              "\" value=\"1\"%s> Los cargos vacantes no cuentan en la base"
              "</label>",
              pRules->bVacanciesReduceBase ? " checked" : "");
  conflict_submit_or_save(&h, pSaved != NULL, "/admin/quorum",
                          "Guardar reglas");
  page_finish(r, &h, pSaved ? 409 : pErr ? 422 : 200);
}

/* The version the posted form was drawn from (0: none stored then). A form
** without the field (an older client) is taken as drawn from the stored
** version. */
static int posted_version(Request *r) {
  const char *z = request_field(r, "version");
  if (z) return atoi(z);
  RecordStamp stamp;
  return record_stamp_get(request_db(r), request_arena(r),
                          RECORD_QUORUM_SETTINGS, page_council_id(r),
                          &stamp) == DB_OK
             ? stamp.iVersion
             : 0;
}

void page_admin_quorum(Request *r) {
  Db *pDb = request_db(r);
  int64_t iCouncil = page_council_id(r);
  QuorumRules rules;
  if (!page_db_ok(r, council_quorum_rules(pDb, iCouncil, &rules))) return;
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
      /* quorum_compute judges the rules as a whole, so the message is about
      ** the form, not one field. */
      FormErrors err;
      form_errors_init(&err);
      form_error(
          &err, NULL,
          arena_printf(request_arena(r), "Las reglas no son válidas: %s.",
                       zErr ? zErr : "revise los números"));
      quorum_form(r, &rules, &err, posted_version(r), NULL);
      return;
    }
    int rc = council_quorum_rules_save(pDb, iCouncil, &rules, posted_version(r),
                                       request_user(r)->id);
    if (rc == DB_OK) {
      respond_redirect(r, "/admin/quorum");
      return;
    }
    QuorumRules saved;
    if (rc != DB_STALE ||
        council_quorum_rules(pDb, iCouncil, &saved) != DB_OK) {
      respond_error(r, 500, NULL);
      return;
    }
    quorum_form(r, &rules, NULL, -1, &saved);
    return;
  }
  quorum_form(r, &rules, NULL, -1, NULL);
}
