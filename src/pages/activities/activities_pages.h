/*
** What the activity pages share (activities*.c, calendar.c,
** activity_reply.c): reading an activity from a form or JSON, its JSON
** form, the site's base URL for links in e-mail.
*/
#ifndef COSOC_PAGES_ACTIVITIES_PAGES_H
#define COSOC_PAGES_ACTIVITIES_PAGES_H

#include "store/activities/activity_store.h"
#include "store/activities/convene.h"
#include "pages/page.h"

/* The activity named by the route's first capture, or answers 404 (or 500)
** and returns 0. bPublicOnly: a non-public one is a 404 too. */
int act_load(Request *r, Activity *pAct, int bPublicOnly);

/* "https://host" for links in mail and calendars: request_public_url()
** (--public-url / COSOC_PUBLIC_URL), never the request's Host header. */
const char *act_base_url(Request *r);

/* The CONTRACT's JSON of an activity (plus description, link, address,
** organizer, sequence, version). */
json_t *act_json(const Activity *pAct);

/* Applies the fields present in pObj to *pAct (all required fields when
** bCreate). Type errors and rule problems go to pProblems; *pbStatus says
** whether status was given; *piVersion gets "version" or 0. */
void act_from_json(Request *r, json_t *pObj, int bCreate, Activity *pAct,
                   ActivityProblems *pProblems, int *pbStatus, int *piVersion);

/* Reads the activity form (same field names as the API) into *pAct. */
void act_from_form(Request *r, Activity *pAct, ActivityProblems *pProblems,
                   int *piVersion);

/* Checks rules and what only the database knows (kind, commune), and
** that a realizada activity has begun (by the clock). */
void act_check_all(Request *r, const Activity *pAct,
                   ActivityProblems *pProblems);

/* Stores a checked new activity for the council, by the signed-in user, in
** one transaction; a session's agenda starts with the agreements overdue
** today, as the next session's agenda draft must list them. Sets a->id. */
int act_create(Request *r, Activity *pAct);

/* An empty activity with defaults (programada, presencial, public). */
void act_defaults(Activity *pAct);

/* "La actividad ya comenzó (el 03-12-2026 10:00): …": why convening it
** asks for confirmation. */
const char *convene_past_question(Arena *pArena, const Activity *pAct);

/* Labels. */
const char *act_status_label(const char *zSlug);
const char *act_modality_label(const char *zSlug);
const char *act_reply_label(const char *zSlug);

/* The transport section of the officer's activity page (transport.c). */
void activity_transport_section(Html *h, Request *r, const Activity *pAct,
                                const ActivityInvitation *aInv, int nInv);

/* The notice cosoc sent (notice.c): its record as a PDF (DB_OK, DB_DONE
** when none was sent, DB_ERROR), and as a list on the activity page (with
** the addresses for the officer). */
int notice_pdf_bytes(Db *pDb, Arena *pArena, const Council *pCouncil,
                     int64_t iActivity, const char **ppOut, size_t *pnOut);
void activity_notice_record(Html *h, Request *r, const Activity *pAct,
                            int bAdmin);

/* A form of the activity page refused: the page again, that section with
** what was typed (read from the request) and the message where the form
** is, instead of a bare error page. */
typedef struct ActivityReshow {
  const char *zSection; /* "verificadores", "citar" */
  const char *zError;   /* The Spanish reason */
  int bConfirm;         /* "citar": the start has passed, ask to confirm */
} ActivityReshow;
/* The activity page (activity_page.c); pRe NULL: as stored. */
void activity_page_show(Request *r, const Activity *pAct,
                        const ActivityReshow *pRe, int iStatus);
/* pRe when it re-shows section zSection, else NULL. */
const ActivityReshow *activity_reshow_of(const ActivityReshow *pRe,
                                         const char *zSection);

/* The home page's "Próximas actividades" (calendar.c). */
void activities_home_section(Request *r, Html *h);

/* Handlers. */
void page_activities(Request *r);
void page_activity_new(Request *r);
void page_activity_kinds(Request *r);
void page_activity_settings(Request *r);
void page_activity(Request *r);
void page_activity_edit(Request *r);
void page_activity_agenda(Request *r);
void page_activity_convene(Request *r);
void page_activity_transport(Request *r);
void page_activity_passengers_pdf(Request *r);
void page_activity_notice_pdf(Request *r);
void page_calendar(Request *r);
void page_calendar_ics(Request *r);
void page_calendar_private_ics(Request *r);
void page_account_feed(Request *r);
void page_activity_reply(Request *r);
void page_api_activities(Request *r);
void page_api_activity(Request *r);
void page_api_activity_convene(Request *r);
void page_api_activity_mail(Request *r);

#endif
