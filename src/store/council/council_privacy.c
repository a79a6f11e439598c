/*
** A council's personal-data settings (see council_privacy.h). Rows of
** council_settings, as the council's other settings (council_settings.c):
** a key the council has not set reads from the installation's `settings`
** (its defaults), then from the built-in default.
*/
#include "store/council/council_privacy.h"

#include <stdio.h>
#include <stdlib.h>

#include "store/council/council.h"

typedef struct TextSpec {
  const char *zKey, *zName, *zLabel;
} TextSpec;

static const TextSpec aText[PRIVACY_TEXT_N] = {
    [PRIVACY_RESPONSIBLE] = {"privacy_responsible", "responsable",
                             "Responsable del tratamiento"},
    [PRIVACY_CONTACT] = {"privacy_contact", "contacto",
                         "Cómo contactar por datos personales"},
    [PRIVACY_PURPOSES] = {"privacy_purposes", "finalidades",
                          "Para qué se usan los datos"},
    [PRIVACY_LEGAL_BASIS] = {"privacy_legal_basis", "base_legal", "Base legal"},
    [PRIVACY_PUBLISHED] = {"privacy_published", "publicado", "Qué se publica"},
};

typedef struct RetentionSpec {
  const char *zKey, *zName, *zLabel;
  int64_t iDefault, iMin, iMax;
} RetentionSpec;

static const RetentionSpec aRetention[RETENTION_N] = {
    [RETENTION_GUEST_YEARS] = {"retention_guest_years", "invitados_anios",
                               "Datos de contacto de invitados y "
                               "participantes (años después de su última "
                               "actividad)",
                               2, 1, 20},
    [RETENTION_MAIL_DAYS] = {"retention_mail_days", "correo_dias",
                             "Registro de correos enviados (días)", 365, 30,
                             3650},
    [RETENTION_SIGNIN_DAYS] = {"retention_signin_days", "ingresos_dias",
                               "Registro de intentos de ingreso (días)", 90, 7,
                               3650},
    [RETENTION_REQUEST_YEARS] = {"retention_request_years", "solicitudes_anios",
                                 "Datos de contacto de solicitudes ya "
                                 "respondidas (años)",
                                 2, 1, 20},
};

const char *council_privacy_text_name(PrivacyText e) { return aText[e].zName; }
const char *council_privacy_text_label(PrivacyText e) {
  return aText[e].zLabel;
}
const char *council_retention_name(RetentionSetting e) {
  return aRetention[e].zName;
}
const char *council_retention_label(RetentionSetting e) {
  return aRetention[e].zLabel;
}
int64_t council_retention_min(RetentionSetting e) { return aRetention[e].iMin; }
int64_t council_retention_max(RetentionSetting e) { return aRetention[e].iMax; }

/* What the notice says before the officer writes it: from the council. */
static const char *text_default(Arena *pArena, const Council *c,
                                PrivacyText e) {
  const char *zWho = c && c->zInstitution && *c->zInstitution
                         ? c->zInstitution
                         : (c ? c->zName : "el consejo");
  switch (e) {
    case PRIVACY_RESPONSIBLE:
      return arena_printf(pArena,
                          "%s, a través de su encargada o encargado de "
                          "participación ciudadana, que administra cosoc "
                          "para %s.",
                          zWho, c ? c->zName : "el consejo");
    case PRIVACY_CONTACT:
      return "Por el formulario de solicitudes de esta página, o en la "
             "oficina de partes de la institución.";
    case PRIVACY_PURPOSES:
      return "Convocar y registrar las sesiones y actividades del consejo, "
             "su asistencia y sus acuerdos; enviar citaciones y "
             "recordatorios; dar cuenta pública del cumplimiento del plan "
             "de trabajo; y, con consentimiento expreso, publicar "
             "fotografías y registrar datos sensibles para las mesas con "
             "grupos de especial protección.";
    case PRIVACY_LEGAL_BASIS:
      return "El ejercicio de las funciones del órgano público que el "
             "consejo asesora (Ley 20.500 sobre participación ciudadana en "
             "la gestión pública) y, para fotografías y datos sensibles, el "
             "consentimiento expreso de cada persona (Ley 21.719).";
    case PRIVACY_PUBLISHED:
      return "El nombre, la organización y la comuna de los consejeros y "
             "consejeras en ejercicio; las actas aprobadas, con los nombres "
             "tal como se aprobaron; el calendario de actividades públicas; "
             "y las fotografías de personas que consintieron su "
             "publicación. Nunca se publican RUN, correos ni teléfonos.";
    case PRIVACY_TEXT_N:
      break;
  }
  return "";
}

/* The council's value of zKey, else the installation's, else NULL. */
const char *council_privacy_text(Db *pDb, Arena *pArena,
                                 const Council *pCouncil, PrivacyText e) {
  const char *z = council_setting_value(
      pDb, pArena, pCouncil ? pCouncil->id : 0, aText[e].zKey);
  return z && *z ? z : text_default(pArena, pCouncil, e);
}

int64_t council_retention(Db *pDb, int64_t iCouncil, RetentionSetting e) {
  const RetentionSpec *s = &aRetention[e];
  Arena *pArena = arena_new();
  const char *z = council_setting_value(pDb, pArena, iCouncil, s->zKey);
  int64_t v = s->iDefault;
  if (z) {
    char *zEnd = NULL;
    long long n = strtoll(z, &zEnd, 10);
    if (zEnd != z && !*zEnd && n >= s->iMin && n <= s->iMax) v = n;
  }
  arena_free(pArena);
  return v;
}

int council_privacy_save(Db *pDb, int64_t iCouncil,
                         const char *const azText[PRIVACY_TEXT_N],
                         const int64_t aiRetention[RETENTION_N],
                         int64_t iUser) {
  if (db_begin(pDb) != DB_OK) return DB_ERROR;
  int rc = DB_OK;
  for (int i = 0; rc == DB_OK && i < PRIVACY_TEXT_N; i++) {
    if (azText && azText[i]) {
      rc =
          council_setting_write(pDb, iCouncil, aText[i].zKey, azText[i], iUser);
    }
  }
  for (int i = 0; rc == DB_OK && i < RETENTION_N; i++) {
    if (!aiRetention || aiRetention[i] < 0) continue;
    char z[24];
    snprintf(z, sizeof(z), "%lld", (long long)aiRetention[i]);
    rc = council_setting_write(pDb, iCouncil, aRetention[i].zKey, z, iUser);
  }
  if (rc != DB_OK) {
    db_rollback(pDb);
    return DB_ERROR;
  }
  return db_commit(pDb);
}
