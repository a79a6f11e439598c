/*
** The council module: "which council" and "its settings", answered here
** and nowhere else. Pages ask for the request's council through
** page_council() (src/pages/page.h), commands through council_default_id()
** or an explicit --council; every setting is read through the typed
** getters below, which take the council's id.
**
** Storage: the councils table, council_members (who belongs to which
** council, with which role), council_settings (one row per council and
** setting; a key a council has not set reads from the installation-wide
** `settings`, then from its built-in default) and quorum_settings (one row
** per council).
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
#include "domain/problems.h"
#include "domain/quorum.h"
#include "util/arena.h"

/* ---- Which council (council.c) ---- */

/* The council meant when none is named: the lowest-numbered one; 0 when
** there is none yet. */
int64_t council_default_id(Db *pDb);
/* That council's row (council_get): DB_OK, DB_DONE when there is none. */
int council_get_first(Db *pDb, Arena *pArena, Council *pCouncil);
/* How many councils the installation hosts. */
int council_count(Db *pDb);
/* The data version of everything the national view (/consejos) shows:
** the installation's (which every council's creation, edit or removal
** bumps) above every council's summed. Each write bumps one of them by
** one, so it only grows: the national pages' render-cache version
** (page_cache.h). -1 when it cannot be read. */
int64_t council_national_data_version(Db *pDb);
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
/* The council whose URLs are /c/zSlug/: DB_OK, DB_DONE, DB_ERROR. */
int council_get_by_slug(Db *pDb, Arena *pArena, const char *zSlug,
                        Council *pCouncil);
/* The only council's id; 0 when there is none or several. */
int64_t council_only_id(Db *pDb);
/* 1 when another council than iExcept has that slug. */
int council_slug_taken(Db *pDb, const char *zSlug, int64_t iExcept);
/* A new council with pNew's name, short name, institution, region and seat
** commune ("" or NULL: none) and slug (NULL or "": derived from the short
** name, made unique with "-2"…); the term length is the default. DB_OK
** with its id in *piCouncil, or DB_ERROR (DB_ERROR also for a slug
** already taken). */
int council_create(Db *pDb, const Council *pNew, int64_t *piCouncil);
/* Saves every field of pCouncil (already checked) as iUser, bumping its
** version: DB_OK, DB_CONSTRAINT (slug taken), DB_ERROR. */
int council_update(Db *pDb, int64_t iUser, const Council *pCouncil);

/* Checks a council as a form or the command line gives it (every string
** set, "" for none; c->id 0 for a new one): each problem into pErr under
** the form's field names (nombre, nombre_corto, region, sede, slug, logo,
** periodo_inicio, periodo_fin, anios). */
void council_check(Db *pDb, Arena *pArena, const Council *c, Problems *pErr);

/* ---- Who belongs to it: accounts and their role in each council ---- */

/* User iUser's role slug in council iCouncil (arena memory), NULL when the
** account is not one of its members. */
const char *council_member_role(Db *pDb, Arena *pArena, int64_t iUser,
                                int64_t iCouncil);
/* How many councils the account belongs to (0: none, the national team
** when it is an admin on an installation with several councils). */
int council_member_count(Db *pDb, int64_t iUser);
/* The lowest-numbered council it belongs to, 0 when none. */
int64_t council_member_first(Db *pDb, int64_t iUser);
/* The councils it belongs to, by id (arena memory). */
int council_member_councils(Db *pDb, Arena *pArena, int64_t iUser,
                            Council **paCouncil, int *pnCouncil);
/* Makes the account a member of iCouncil with role zRole (a role slug),
** or changes its role there. */
int council_member_set(Db *pDb, int64_t iUser, int64_t iCouncil,
                       const char *zRole);
/* Changes its role in every council it belongs to. */
int council_member_set_all(Db *pDb, int64_t iUser, const char *zRole);
/* The council chosen in sign-in session iSession, 0 when none was. */
int64_t council_session_choice(Db *pDb, int64_t iSession);
/* Records that choice (0: none). */
int council_session_choose(Db *pDb, int64_t iSession, int64_t iCouncil);
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

/* ---- A council's settings by key (council_settings rows) ---- */

/* The value council iCouncil stored under zKey, else the installation's
** default (`settings`), copied into pArena; NULL when neither has one. */
const char *council_setting_value(Db *pDb, Arena *pArena, int64_t iCouncil,
                                  const char *zKey);
/* Stores zValue (NULL: "") under zKey for council iCouncil, as iUser, one
** more version of the row (the forms' conflict check counts them). Call
** it inside the save's transaction. DB_OK or the failure. */
int council_setting_write(Db *pDb, int64_t iCouncil, const char *zKey,
                          const char *zValue, int64_t iUser);

#endif
