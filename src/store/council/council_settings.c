/*
** A council's settings (see council.h): one row of council_settings per
** council and key; a key the council has not set reads from the
** installation-wide `settings` (a default for every council), then from
** its built-in default.
*/
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/compliance.h"
#include "domain/course.h"
#include "store/activities/activity_store.h"
#include "store/council/council.h"
#include "store/evidence/evidence_store.h"

/* What each setting is stored as, and what it may be. */
typedef struct SettingSpec {
  const char *zKey; /* settings.key */
  int64_t iDefault; /* Read when nothing (usable) is stored */
  int64_t iMin, iMax;
} SettingSpec;

static const SettingSpec aSpec[COUNCIL_SETTING_N] = {
    [COUNCIL_AT_RISK_DAYS] = {"compliance_at_risk_days",
                              COMPLIANCE_AT_RISK_DAYS_DEFAULT, 1,
                              COMPLIANCE_AT_RISK_DAYS_MAX},
    [COUNCIL_REMINDER_HOURS] = {"activity_reminder_hours",
                                ACTIVITY_REMINDER_HOURS_DEFAULT, 0,
                                ACTIVITY_REMINDER_HOURS_MAX},
    [COUNCIL_EVIDENCE_MAX_BYTES] = {"evidence_max_bytes",
                                    EVIDENCE_MAX_BYTES_DEFAULT, 1, INT64_MAX},
    [COUNCIL_EVIDENCE_REQUEST_MAX_BYTES] = {"evidence_request_max_bytes",
                                            EVIDENCE_REQUEST_MAX_BYTES_DEFAULT,
                                            1, INT64_MAX},
    [COUNCIL_EVIDENCE_MAX_PIXELS] = {"evidence_max_pixels",
                                     EVIDENCE_MAX_PIXELS_DEFAULT, 1, INT64_MAX},
    [COUNCIL_EVIDENCE_MAX_SIDE] = {"evidence_max_side",
                                   EVIDENCE_MAX_SIDE_DEFAULT, 1, INT32_MAX},
    [COUNCIL_COURSE_MIN_MINUTES] = {"course_min_minutes",
                                    COURSE_MIN_MINUTES_DEFAULT, 1,
                                    COURSE_MIN_MINUTES_MAX},
};

int64_t council_setting(Db *pDb, int64_t iCouncil, CouncilSetting eSetting) {
  const SettingSpec *s = &aSpec[eSetting];
  DbStmt *p = db_query(pDb,
                       "SELECT value FROM council_settings WHERE council_id = "
                       "? AND key = ? UNION ALL SELECT value FROM settings "
                       "WHERE key = ? AND NOT EXISTS (SELECT 1 FROM "
                       "council_settings WHERE council_id = ? AND key = ?)",
                       DB_I(iCouncil), DB_T(s->zKey), DB_T(s->zKey),
                       DB_I(iCouncil), DB_T(s->zKey));
  int64_t v = s->iDefault;
  if (p && db_step(p) == DB_ROW) {
    const char *z = db_column_text(p, 0);
    char *zEnd = NULL;
    long long n = strtoll(z, &zEnd, 10);
    if (zEnd != z && n >= s->iMin && n <= s->iMax) v = n;
  }
  db_done(p);
  return v;
}

int council_setting_stamp(Db *pDb, Arena *pArena, int64_t iCouncil,
                          CouncilSetting eSetting, RecordStamp *pStamp) {
  memset(pStamp, 0, sizeof(*pStamp));
  pStamp->zAuthor = "";
  int rc = db_get(pDb, pArena, &record_stamp_map, pStamp,
                  "SELECT t.version, coalesce(t.updated_at, 0), "
                  "coalesce(u.name, '') FROM council_settings t LEFT JOIN "
                  "users u ON u.id = t.updated_by WHERE t.council_id = ? AND "
                  "t.key = ?",
                  DB_I(iCouncil), DB_T(aSpec[eSetting].zKey));
  return rc == DB_DONE ? DB_OK : rc;
}

int council_setting_save(Db *pDb, int64_t iCouncil, CouncilSetting eSetting,
                         int64_t iValue, int iBase, int64_t iUser) {
  return council_settings_save(pDb, iCouncil, &eSetting, &iValue, 1, iBase,
                               iUser);
}

int council_settings_save(Db *pDb, int64_t iCouncil,
                          const CouncilSetting *aeSetting,
                          const int64_t *aiValue, int n, int iBase,
                          int64_t iUser) {
  /* Read, compare and write under the write lock, so that two saves drawn
  ** from the same version cannot both pass. */
  if (db_begin(pDb) != DB_OK) return DB_ERROR;
  int rc = DB_OK;
  if (iBase >= 0) {
    Arena *pArena = arena_new();
    RecordStamp stamp;
    rc = council_setting_stamp(pDb, pArena, iCouncil, aeSetting[0], &stamp);
    arena_free(pArena);
    if (rc == DB_OK && stamp.iVersion != iBase) rc = DB_STALE;
  }
  for (int i = 0; rc == DB_OK && i < n; i++) {
    char zValue[24];
    snprintf(zValue, sizeof(zValue), "%lld", (long long)aiValue[i]);
    rc = council_setting_write(pDb, iCouncil, aSpec[aeSetting[i]].zKey, zValue,
                               iUser);
  }
  if (rc != DB_OK) {
    db_rollback(pDb);
    return rc == DB_STALE ? DB_STALE : DB_ERROR;
  }
  return db_commit(pDb);
}

int council_at_risk_days(Db *pDb, int64_t iCouncil) {
  return (int)council_setting(pDb, iCouncil, COUNCIL_AT_RISK_DAYS);
}

int council_reminder_hours(Db *pDb, int64_t iCouncil) {
  return (int)council_setting(pDb, iCouncil, COUNCIL_REMINDER_HOURS);
}

size_t council_evidence_max_bytes(Db *pDb, int64_t iCouncil) {
  return (size_t)council_setting(pDb, iCouncil, COUNCIL_EVIDENCE_MAX_BYTES);
}

size_t council_evidence_request_max_bytes(Db *pDb, int64_t iCouncil) {
  return (size_t)council_setting(pDb, iCouncil,
                                 COUNCIL_EVIDENCE_REQUEST_MAX_BYTES);
}

int council_course_min_minutes(Db *pDb, int64_t iCouncil) {
  return (int)council_setting(pDb, iCouncil, COUNCIL_COURSE_MIN_MINUTES);
}

/* ---- Settings that are text ---- */

static const char *const azTextKey[COUNCIL_TEXT_N] = {
    [COUNCIL_SIGNER_NAME] = "certificate_signer_name",
    [COUNCIL_SIGNER_TITLE] = "certificate_signer_title",
};

const char *council_text(Db *pDb, Arena *pArena, int64_t iCouncil,
                         CouncilText eText) {
  /* The council's own, else the installation's default */
  const char *z =
      council_setting_value(pDb, pArena, iCouncil, azTextKey[eText]);
  return z ? z : "";
}

int council_texts_save(Db *pDb, int64_t iCouncil, const CouncilText *aeText,
                       const char *const *azValue, int n, int64_t iUser) {
  if (db_begin(pDb) != DB_OK) return DB_ERROR;
  int rc = DB_OK;
  for (int i = 0; rc == DB_OK && i < n; i++) {
    rc = council_setting_write(pDb, iCouncil, azTextKey[aeText[i]], azValue[i],
                               iUser);
  }
  if (rc != DB_OK) {
    db_rollback(pDb);
    return DB_ERROR;
  }
  return db_commit(pDb);
}

/* ---- Quorum rules (their own table, one row per council) ---- */

static QuorumKind kind_parse(const char *z) {
  if (strcmp(z, "al_menos") == 0) return QUORUM_AT_LEAST;
  if (strcmp(z, "numero") == 0) return QUORUM_FIXED;
  return QUORUM_MORE_THAN;
}

static const char *kind_slug(QuorumKind e) {
  return e == QUORUM_AT_LEAST ? "al_menos"
         : e == QUORUM_FIXED  ? "numero"
                              : "mas_de";
}

/* Columns 0..2 of a threshold (kind, num, den, fixed from i). */
static void threshold_from_row(DbStmt *p, int i, QuorumThreshold *t) {
  t->eKind = kind_parse(db_column_text(p, i));
  t->num = (int)db_column_int64(p, i + 1);
  t->den = (int)db_column_int64(p, i + 2);
  t->nFixed = (int)db_column_int64(p, i + 3);
  /* The names people use for the usual ones */
  t->zLabel =
      t->eKind == QUORUM_MORE_THAN && t->num * 2 == t->den ? "mayoría absoluta"
      : t->eKind == QUORUM_AT_LEAST && t->num * 3 == t->den * 2 ? "dos tercios"
                                                                : NULL;
}

static void rules_from_row(DbStmt *p, Arena *pArena, void *pRow) {
  (void)pArena;
  QuorumRules *r = pRow;
  r->eCounts = strcmp(db_column_text(p, 0), "suplentes") == 0
                   ? QUORUM_COUNTS_SUBSTITUTES
                   : QUORUM_COUNTS_TITULARES;
  threshold_from_row(p, 1, &r->session);
  threshold_from_row(p, 5, &r->agreement);
  r->eAgreementBase = strcmp(db_column_text(p, 9), "presentes") == 0
                          ? QUORUM_OF_PRESENT
                          : QUORUM_OF_MEMBERS;
  r->nSeat = (int)db_column_int64(p, 10);
  r->bVacanciesReduceBase = (int)db_column_int64(p, 11);
}

int council_quorum_rules(Db *pDb, int64_t iCouncil, QuorumRules *pRules) {
  *pRules = quorum_rules_default();
  int rc = db_row(
      db_query(pDb,
               "SELECT counts, session_kind, session_num, session_den, "
               "session_fixed, agreement_kind, agreement_num, agreement_den, "
               "agreement_fixed, agreement_base, seats, "
               "vacancies_reduce_base FROM quorum_settings WHERE "
               "council_id = ?",
               DB_I(iCouncil)),
      NULL, rules_from_row, pRules);
  return rc == DB_ERROR ? DB_ERROR : DB_OK;
}

int council_quorum_rules_save(Db *pDb, int64_t iCouncil,
                              const QuorumRules *pRules, int iBase,
                              int64_t iUser) {
  const QuorumThreshold *s = &pRules->session, *a = &pRules->agreement;
  if (db_begin(pDb) != DB_OK) return DB_ERROR;
  int rc =
      record_stamp_claim(pDb, RECORD_QUORUM_SETTINGS, iCouncil, iBase, iUser);
  if (rc == DB_OK) {
    rc = db_exec(
        pDb,
        "INSERT INTO quorum_settings(council_id, counts, session_kind, "
        "session_num, session_den, session_fixed, agreement_kind, "
        "agreement_num, agreement_den, agreement_fixed, agreement_base, "
        "seats, vacancies_reduce_base, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (council_id) DO UPDATE SET counts = excluded.counts, "
        "session_kind = excluded.session_kind, session_num = "
        "excluded.session_num, session_den = excluded.session_den, "
        "session_fixed = excluded.session_fixed, agreement_kind = "
        "excluded.agreement_kind, agreement_num = excluded.agreement_num, "
        "agreement_den = excluded.agreement_den, agreement_fixed = "
        "excluded.agreement_fixed, agreement_base = excluded.agreement_base, "
        "seats = excluded.seats, vacancies_reduce_base = "
        "excluded.vacancies_reduce_base, updated_at = excluded.updated_at, "
        "version = quorum_settings.version + 1",
        DB_I(iCouncil),
        DB_T(pRules->eCounts == QUORUM_COUNTS_SUBSTITUTES ? "suplentes"
                                                          : "titulares"),
        DB_T(kind_slug(s->eKind)), DB_I(s->num), DB_I(s->den), DB_I(s->nFixed),
        DB_T(kind_slug(a->eKind)), DB_I(a->num), DB_I(a->den), DB_I(a->nFixed),
        DB_T(pRules->eAgreementBase == QUORUM_OF_PRESENT ? "presentes"
                                                         : "miembros"),
        DB_I(pRules->nSeat), DB_I(pRules->bVacanciesReduceBase ? 1 : 0),
        DB_I(db_now()));
  }
  /* A first save inserts the row: mark it as this user's. */
  if (rc == DB_OK && iBase == 0) {
    rc = record_stamp_mark(pDb, RECORD_QUORUM_SETTINGS, iCouncil, iUser);
  }
  if (rc != DB_OK) {
    db_rollback(pDb);
    return rc == DB_STALE ? DB_STALE : DB_ERROR;
  }
  return db_commit(pDb);
}

/* ---- The installation's own ---- */

const char *council_install_csrf_key(Db *pDb, Arena *pArena) {
  return db_text(pDb, pArena, "SELECT value FROM settings WHERE key = ?",
                 DB_T("csrf_key"));
}

int council_install_ensure_secrets(Db *pDb) {
  /* A read first: at every start the key is there already, and a write
  ** would queue behind the other servers' writers for nothing. */
  if (db_int(pDb, 0, "SELECT count(*) FROM settings WHERE key = 'csrf_key'") >
      0) {
    return DB_OK;
  }
  unsigned char aKey[crypto_auth_hmacsha256_KEYBYTES];
  char zHex[sizeof(aKey) * 2 + 1];
  crypto_auth_hmacsha256_keygen(aKey);
  sodium_bin2hex(zHex, sizeof(zHex), aKey, sizeof(aKey));
  sodium_memzero(aKey, sizeof(aKey));
  int rc = db_exec(pDb,
                   "INSERT INTO settings(key, value) VALUES ('csrf_key', ?) "
                   "ON CONFLICT (key) DO NOTHING",
                   DB_T(zHex));
  sodium_memzero(zHex, sizeof(zHex));
  return rc;
}

const char *council_setting_value(Db *pDb, Arena *pArena, int64_t iCouncil,
                                  const char *zKey) {
  return db_text(pDb, pArena,
                 "SELECT coalesce((SELECT value FROM council_settings WHERE "
                 "council_id = ? AND key = ?), (SELECT value FROM settings "
                 "WHERE key = ?))",
                 DB_I(iCouncil), DB_T(zKey), DB_T(zKey));
}

int council_setting_write(Db *pDb, int64_t iCouncil, const char *zKey,
                          const char *zValue, int64_t iUser) {
  return db_exec(pDb,
                 "INSERT INTO council_settings(council_id, key, value, "
                 "updated_at, updated_by) VALUES (?, ?, ?, ?, ?) ON CONFLICT "
                 "(council_id, key) DO UPDATE SET value = excluded.value, "
                 "updated_at = excluded.updated_at, updated_by = "
                 "excluded.updated_by, version = council_settings.version + 1",
                 DB_I(iCouncil), DB_T(zKey), DB_TE(zValue), DB_I(db_now()),
                 DB_IN(iUser));
}
