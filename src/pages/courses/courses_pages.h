/*
** The Escuela de Dirigentes' pages: courses and their modules, the public
** enrolment page, enrolled people and their attendance per module
** (marked on a phone or imported from a videoconference's report),
** certificates and their public verification, the coverage of the region,
** and the participants' records. What they share is here.
*/
#ifndef COSOC_PAGES_COURSES_COURSES_PAGES_H
#define COSOC_PAGES_COURSES_COURSES_PAGES_H

#include "pages/page.h"
#include "store/courses/courses.h"

/* The request's council (page_require_council) and its course named by
** the route's first capture into *pCourse: returns the council's id, or
** answers (409 without a council, 404 — JSON on the API — without the
** course) and returns 0. */
int64_t course_load(Request *r, Course *pCourse);

/* Ends the transaction the handler began: commits when rc is DB_OK,
** otherwise rolls back. 1 when committed; otherwise answers 500 and
** returns 0, so that `if (!courses_commit(r, rc)) return;` ends it. */
int courses_commit(Request *r, int rc);
/* Enrols pPart in the course (enrolment_add, zSource saying how) and, when
** the enrolment is new, queues its confirmation mail, inside the caller's
** transaction: the one enrolment of the public form, the API and the
** officer's list. */
int courses_enrol(Request *r, int64_t iCouncil, int64_t iUser, int64_t iCourse,
                  const Participant *pPart, int bPhotos, const char *zSource,
                  int64_t *piEnrol, int *pbAlready);

/* 303 to the officer's page of the course after a change:
** /admin/cursos/ID?aviso=NOTICE#SECTION, which says what was done. */
void course_done(Request *r, int64_t iCourse, const char *zNotice,
                 const char *zSection);

/* Today in Santiago, YYYY-MM-DD (arena). */
const char *courses_today(Request *r);

/* A PeopleFieldGetter over a JSON object, with the API's English names
** (name, run, email, phone, organization, commune) for the people
** stores' Spanish ones. */
const char *courses_json_get(void *pObj, const char *zName);
/* The API's name of such a field (a problem's field), or zForm itself. */
const char *courses_api_field(const char *zForm);

/* Issues the course's certificates that are due and queues the new ones'
** mail with their PDF: *paCert the certificates in force, *pnNew how many
** were issued now. DB_OK or a failure. */
int courses_issue(Request *r, int64_t iCouncil, int64_t iCourse,
                  Certificate **paCert, int *pnCert, int *pnNew);

/* The course's sections shown on the line page (/plan/lineas/N): its
** courses and their coverage of the region. */
void courses_line_section(Html *h, Request *r, int iLine);
/* The module's section of its activity page: the course it belongs to,
** and for the officer the attendance from the enrolled list and the
** report import. Returns 0, having written nothing, when the activity is
** no module. */
int courses_module_section(Html *h, Request *r, const Activity *pAct);
/* Whether the activity is a module of one of the council's courses. */
int courses_activity_is_module(Request *r, const Activity *pAct);

/* The coverage tables (province, commune, organization). */
void courses_coverage_tables(Html *h, const Coverage *pCov);

/* Handlers (routes.c). */
void page_api_courses(Request *r);
void page_api_course(Request *r);
void page_api_course_enrolments(Request *r);
void page_api_course_certificates(Request *r);
void page_api_certificate_revoke(Request *r);
void page_certificate(Request *r);
void page_courses_public(Request *r);
void page_course_public(Request *r);
void page_admin_courses(Request *r);
void page_admin_course_new(Request *r);
void page_admin_course(Request *r);
void page_admin_course_module(Request *r);
void page_admin_course_enrol(Request *r);
void page_admin_course_certificates(Request *r);
void page_admin_course_revoke(Request *r);
void page_admin_course_coverage_xlsx(Request *r);
void page_admin_course_settings(Request *r);
void page_module_attendance(Request *r);
void page_module_report(Request *r);
void page_admin_participants(Request *r);
void page_admin_participant_new(Request *r);
void page_admin_participant(Request *r);

#endif
