/*
** The council module: "which council" and "its settings", answered here
** and nowhere else. Pages ask for the request's council through
** page_council() (src/pages/page.h), commands through council_default_id()
** or an explicit --council; every setting is read through the typed
** getters below, which take the council's id.
**
** Storage today: the councils table, the installation-wide `settings`
** table (key, value, version, updated_at, updated_by) and quorum_settings
** (one row per council). The getters already take a council id so that
** making settings per council (issue «Many councils») changes
** council_settings.c alone: its SQL, and nothing of its callers.
**
** Knows SQL (through db.h) and nothing of HTTP.
*/
#ifndef COSOC_STORE_COUNCIL_COUNCIL_H
#define COSOC_STORE_COUNCIL_COUNCIL_H

#include <stddef.h>
#include <stdint.h>

#include "db/db.h"
#include "db/record_stamp.h"
#include "domain/council.h"
#include "domain/quorum.h"
#include "util/arena.h"

/* ---- Which council (council.c) ---- */

/* The council meant when none is named: the lowest-numbered one; 0 when
** there is none yet. */
int64_t council_default_id(Db *pDb);
/* How many councils the installation hosts. */
int council_count(Db *pDb);
/* 1 when a council with this id exists. */
int council_exists(Db *pDb, int64_t iCouncil);
/* The council iCouncil (strings in pArena): DB_OK, DB_DONE when there is
** no such council, DB_ERROR. */
int council_get(Db *pDb, Arena *pArena, int64_t iCouncil, Council *pCouncil);
/* Every council, by id (arena memory). */
int council_list(Db *pDb, Arena *pArena, Council **paCouncil, int *pnCouncil);
/* Its councillors' term length, years (COUNCIL_TERM_YEARS_DEFAULT when
** unknown). */
int council_term_years(Db *pDb, int64_t iCouncil);
/* A new council with pNew's name, short name, institution and region (""
** or NULL: none); the term length is the default. DB_OK with its id in
** *piCouncil, or DB_ERROR. */
int council_create(Db *pDb, const Council *pNew, int64_t *piCouncil);
/* Sets the councillors' term length (already checked against
** COUNCIL_TERM_YEARS_MIN..MAX). */
int council_set_term_years(Db *pDb, int64_t iCouncil, int nYears);

/* ---- Its settings (council_settings.c) ---- */

/* The settings a council has, each an integer with a default and bounds
** (a stored value out of bounds reads as the default). */
typedef enum CouncilSetting {
  COUNCIL_AT_RISK_DAYS,       /* Days before a window ends that a plan line
                              ** is en_riesgo (30) */
  COUNCIL_REMINDER_HOURS,     /* Hours before an activity its reminder goes
                              ** out; 0: none (48) */
  COUNCIL_EVIDENCE_MAX_BYTES, /* The largest evidence file (20 MB) */
  COUNCIL_EVIDENCE_REQUEST_MAX_BYTES, /* The largest upload, all its files
                                       ** together (100 MB) */
  COUNCIL_EVIDENCE_MAX_PIXELS, /* The largest photo decoded, pixels, as its
                               ** header states it (50 MP) */
  COUNCIL_EVIDENCE_MAX_SIDE,   /* Its longest side, pixels (20000) */
  COUNCIL_COURSE_MIN_MINUTES,  /* Minutes connected to an online module
                               ** that count as present (45) */
  COUNCIL_SETTING_N
} CouncilSetting;

/* The value of a setting (its default when none is stored). */
int64_t council_setting(Db *pDb, int64_t iCouncil, CouncilSetting eSetting);
/* Who saved it last and its version (0, tUpdated 0: never saved). */
int council_setting_stamp(Db *pDb, Arena *pArena, int64_t iCouncil,
                          CouncilSetting eSetting, RecordStamp *pStamp);
/* Saves a setting (already checked against its bounds) as iUser (0:
** nobody known), bumping its version, nested in the caller's transaction.
** iBase is the version the form was drawn from (0: none stored then), or
** -1 to save unchecked: DB_OK, DB_STALE when it changed meanwhile,
** DB_ERROR. */
int council_setting_save(Db *pDb, int64_t iCouncil, CouncilSetting eSetting,
                         int64_t iValue, int iBase, int64_t iUser);
/* The same for the n settings a form saves together, all or none: their
** version is the first one's (aeSetting[0]), which every save of the
** group bumps with the others. */
int council_settings_save(Db *pDb, int64_t iCouncil,
                          const CouncilSetting *aeSetting,
                          const int64_t *aiValue, int n, int iBase,
                          int64_t iUser);

/* The typed getters every reader uses. */
int council_at_risk_days(Db *pDb, int64_t iCouncil);
int council_reminder_hours(Db *pDb, int64_t iCouncil);
size_t council_evidence_max_bytes(Db *pDb, int64_t iCouncil);
size_t council_evidence_request_max_bytes(Db *pDb, int64_t iCouncil);
int council_course_min_minutes(Db *pDb, int64_t iCouncil);

/* The settings that are a line of text. */
typedef enum CouncilText {
  COUNCIL_SIGNER_NAME,  /* Who signs the course certificates */
  COUNCIL_SIGNER_TITLE, /* Their position */
  COUNCIL_TEXT_N
} CouncilText;
/* Its value, "" when none is stored (arena memory). */
const char *council_text(Db *pDb, Arena *pArena, int64_t iCouncil,
                         CouncilText eText);
/* Saves the n texts (already checked: one line each) as iUser (0: nobody
** known), all or none, nested in the caller's transaction: DB_OK or
** DB_ERROR. */
int council_texts_save(Db *pDb, int64_t iCouncil, const CouncilText *aeText,
                       const char *const *azValue, int n, int64_t iUser);

/* The council's quorum rules (quorum_rules_default() when none stored):
** DB_OK or DB_ERROR. */
int council_quorum_rules(Db *pDb, int64_t iCouncil, QuorumRules *pRules);
/* Saves them (already judged by quorum_compute) as iUser, checked against
** the version iBase the form was drawn from (0: none stored then), in one
** transaction: DB_OK, DB_STALE, DB_ERROR. Their stamp is
** record_stamp_get(RECORD_QUORUM_SETTINGS, iCouncil). */
int council_quorum_rules_save(Db *pDb, int64_t iCouncil,
                              const QuorumRules *pRules, int iBase,
                              int64_t iUser);

/* ---- The installation's own settings, not a council's ---- */

/* The key that signs CSRF tokens (64 hex digits), or NULL. */
const char *council_install_csrf_key(Db *pDb, Arena *pArena);
/* Makes sure the installation's secrets exist (the CSRF key). Idempotent. */
int council_install_ensure_secrets(Db *pDb);

#endif
