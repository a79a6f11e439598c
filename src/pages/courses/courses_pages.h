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

/* The course named by the route's first capture for the council, or
** answers 404 (JSON on the API) and returns 0. */
int course_load(Request *r, int64_t iCouncil, Course *pCourse);

/* Today in Santiago, YYYY-MM-DD (arena). */
const char *courses_today(Request *r);

/* A PeopleFieldGetter over a JSON object, with the API's English names
** (name, run, email, phone, organization, commune) for the people
** stores' Spanish ones. */
const char *courses_json_get(void *pObj, const char *zName);

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
