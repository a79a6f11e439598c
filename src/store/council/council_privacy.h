/*
** A council's personal-data settings (issue 21, Ley 21.719): the words of
** its privacy notice (/privacidad) and how long each kind of record keeps
** personal data (the retention job). Part of the council module: read
** through these getters only; stored with the council's other settings
** (council_settings.c's table and rules, so that making settings per
** council changes them all together).
*/
#ifndef COSOC_STORE_COUNCIL_COUNCIL_PRIVACY_H
#define COSOC_STORE_COUNCIL_COUNCIL_PRIVACY_H

#include <stdint.h>

#include "db/db.h"
#include "domain/council.h"
#include "util/arena.h"

/* The notice's texts; each has a default written from the council's own
** data when the officer has not written one. */
typedef enum PrivacyText {
  PRIVACY_RESPONSIBLE, /* Who is responsible for the processing */
  PRIVACY_CONTACT,     /* How to reach them about personal data */
  PRIVACY_PURPOSES,    /* What the data is used for */
  PRIVACY_LEGAL_BASIS, /* Why it may be processed */
  PRIVACY_PUBLISHED,   /* What is made public */
  PRIVACY_TEXT_N
} PrivacyText;

/* How long personal data of each kind is kept. */
typedef enum RetentionSetting {
  RETENTION_GUEST_YEARS,   /* Guests' and participants' contact data,
                           ** years after their last activity (2) */
  RETENTION_MAIL_DAYS,     /* The mail log: addresses and contents (365) */
  RETENTION_SIGNIN_DAYS,   /* Failed and successful sign-in records (90) */
  RETENTION_REQUEST_YEARS, /* Answered rights requests' contact data (2) */
  RETENTION_N
} RetentionSetting;

/* The text (the default when none is stored), in pArena. */
const char *council_privacy_text(Db *pDb, Arena *pArena,
                                 const Council *pCouncil, PrivacyText e);
/* Its form field name, its label. */
const char *council_privacy_text_name(PrivacyText e);
const char *council_privacy_text_label(PrivacyText e);
int64_t council_retention(Db *pDb, int64_t iCouncil, RetentionSetting e);
const char *council_retention_name(RetentionSetting e);
const char *council_retention_label(RetentionSetting e);
int64_t council_retention_min(RetentionSetting e);
int64_t council_retention_max(RetentionSetting e);
/* Saves the texts (NULL: leave; "": back to the default) and the
** retention values (< 0: leave) as iUser, in one transaction. */
int council_privacy_save(Db *pDb, int64_t iCouncil,
                         const char *const azText[PRIVACY_TEXT_N],
                         const int64_t aiRetention[RETENTION_N], int64_t iUser);

#endif
