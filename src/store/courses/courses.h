/*
** The Escuela de Dirigentes, stored: courses, their modules (activities of
** kind modulo_escuela), enrolments of participants, who attended what,
** certificates, and the coverage of the region (migration 0035). The rules
** are domain/course.h and domain/participant.h; people are
** store/people/participants.h.
**
** Every function is scoped by the council's id: a course, a module, an
** enrolment or a certificate of another council is "not found". Strings
** live in the caller's arena; writes nest in the caller's transaction.
*/
#ifndef COSOC_STORE_COURSES_COURSES_H
#define COSOC_STORE_COURSES_COURSES_H

#include <stdint.h>

#include "db/db.h"
#include "domain/activity.h"
#include "domain/compliance.h"
#include "domain/course.h"
#include "domain/participant.h"
#include "store/people/participants.h"
#include "util/arena.h"

#define COURSE_KIND_MODULE "modulo_escuela" /* The activity kind of modules */

/* ---- Courses (course_store.c) ---- */

/* One course as lists show it. */
typedef struct CourseSummary {
  Course course;
  int nModules;   /* Modules it has */
  int nHeld;      /* Of those, realizada */
  int nEnrolled;  /* People enrolled */
  int nCertified; /* Certificates in force */
  int64_t iFirst; /* First module's start, 0 when none */
  int64_t iLast;  /* Last module's start, 0 when none */
} CourseSummary;

/* The council's courses, newest first (iLine > 0: those serving that plan
** line). */
int course_list(Db *pDb, Arena *pArena, int64_t iCouncil, int iLine,
                CourseSummary **paCourse, int *pnCourse);
/* DB_OK, DB_DONE when there is no such course in the council. */
int course_get(Db *pDb, Arena *pArena, int64_t iCouncil, int64_t iId,
               Course *pCourse);
/* Inserts (id 0) or updates a checked course with its plan lines as iUser
** (0: none known), bumping its version; sets pCourse->id. */
int course_save(Db *pDb, int64_t iCouncil, int64_t iUser, Course *pCourse);

/* One module: its activity and its place in the course. */
typedef struct CourseModule {
  int64_t id;
  int iPosition; /* 1, 2, … */
  const char *zSpeaker;
  Activity act;    /* Its activity (title, time, modality, link…) */
  int nPresent;    /* People marked presente */
  int bAttendance; /* Attendance recorded */
} CourseModule;

/* The course's modules in order. */
int course_modules(Db *pDb, Arena *pArena, int64_t iCouncil, int64_t iCourse,
                   CourseModule **paModule, int *pnModule);
/* Adds a module: inserts the checked activity pAct (kind modulo_escuela,
** the course's plan lines) and its row, at the end; sets pAct->id and
** *piModule. In one transaction. */
int course_module_add(Db *pDb, int64_t iCouncil, int64_t iUser, int64_t iCourse,
                      Activity *pAct, const char *zSpeaker, int64_t *piModule);
/* The course activity iActivity is a module of: DB_OK with *piCourse,
** DB_DONE when it is none (or of another council). */
int course_of_activity(Db *pDb, int64_t iCouncil, int64_t iActivity,
                       int64_t *piCourse);
/* The latest start of the course's modules as a Santiago date ("" when
** it has none), which closes enrolment when the course names no date. */
const char *course_last_start(Db *pDb, Arena *pArena, int64_t iCourse);

/* ---- Enrolments (enrolment_store.c) ---- */

typedef struct Enrolment {
  int64_t id;
  int64_t iCourse;
  Participant part;    /* Who (with RUN, e-mail, phone: officer only) */
  int bConsentPhotos;  /* Agreed to appear in photographs */
  const char *zSource; /* formulario, encargado, api, carga */
  int64_t iCreated;
  int nAttended;     /* Modules held (realizada) where marked presente: an
                     ** attendance typed ahead of a module earns nothing */
  int64_t nMinutes;  /* Scheduled minutes of those modules */
  int bComplete;     /* Meets the completion rule */
  const char *zCode; /* Certificate code in force, or "" */
} Enrolment;

/* The course's enrolments by name, with what each attended and whether
** they completed it (the rule against the course's modules). */
int enrolment_list(Db *pDb, Arena *pArena, int64_t iCouncil, int64_t iCourse,
                   Enrolment **paEnrol, int *pnEnrol);
int enrolment_count(Db *pDb, int64_t iCourse);
/* Enrols the participant pPart (found again by participant_resolve(), or
** added) in the course, with the consent to its data (always: the caller
** checked it) and, apart, to photographs: *piId gets the enrolment's id and
** *pbAlready 1 when they were enrolled before (nothing changes then).
** DB_CONSTRAINT, nothing written, when the course's places are all taken
** (checked under the write lock: the last place goes to one person). */
int enrolment_add(Db *pDb, int64_t iCouncil, int64_t iUser, int64_t iCourse,
                  const Participant *pPart, int bPhotos, const char *zSource,
                  int64_t *piId, int *pbAlready);
/* The participant an enrolment of this course is, 0 when it is none. */
int64_t enrolment_participant(Db *pDb, int64_t iCouncil, int64_t iCourse,
                              int64_t iEnrolment);

/* ---- A videoconference's report (course_report.c) ---- */

/* A participants report read and matched to the enrolled people. */
typedef struct CourseReportReview {
  const char *zTool;     /* "Zoom", "Google Meet", "Microsoft Teams", "" */
  int nRow;              /* Data rows of the report */
  int nPerson;           /* People in it (rows of one person summed) */
  ReportPerson *aPerson; /* Them, in the order first seen */
  int *aiMatch;          /* Per person: index into the enrolments, or -1 */
  int nMatched;
} CourseReportReview;

/* Reads the report pData[0..nData) (Zoom, Google Meet or Teams CSV) and
** matches its people to aEnrol by e-mail, then name: DB_OK, or DB_DONE with
** a Spanish reason in *pzErr when it is no report we can read. Writes
** nothing. */
int course_report_review(Arena *pArena, const void *pData, size_t nData,
                         const Enrolment *aEnrol, int nEnrol,
                         CourseReportReview *pOut, const char **pzErr);

/* ---- Certificates (certificate_store.c) ---- */

typedef struct Certificate {
  int64_t id;
  int64_t iCouncil;
  int64_t iCourse;
  int64_t iEnrolment;
  const char *zCode;     /* "7K2M9-QXD4R-0B8TN-E3W6Z" */
  const char *zName;     /* As certified */
  const char *zCourse;   /* As certified */
  int nAttended, nTotal; /* Modules */
  int64_t nMinutes;
  const char *zIssuedOn; /* YYYY-MM-DD */
  const char *zEmail;    /* The participant's, for mailing ("" none) */
  int bRevoked;
  const char *zRevokedOn; /* YYYY-MM-DD or "" */
  const char *zReason;    /* Why revoked, or "" */
} Certificate;

/* Issues a certificate to every enrolment of the course that meets the
** rule and has none, in one transaction (codes from libsodium), then
** lists the course's certificates in force, by name: issuing again returns
** the same codes. *pnNew gets how many were issued now, and *paNew their
** indexes into the list. zToday is the issue date. */
int certificate_issue(Db *pDb, Arena *pArena, int64_t iCouncil, int64_t iCourse,
                      int64_t iUser, const char *zToday, Certificate **paCert,
                      int *pnCert, int **paiNew, int *pnNew);
/* The course's certificates, revoked ones too, by name. */
int certificate_list(Db *pDb, Arena *pArena, int64_t iCouncil, int64_t iCourse,
                     Certificate **paCert, int *pnCert);
/* The certificate whose code is zCanonical (course_code_canonical()),
** found by its hash: DB_OK, DB_DONE. Any council's: the public page. */
int certificate_by_code(Db *pDb, Arena *pArena, const char *zCanonical,
                        Certificate *pCert);
/* Revokes the council's certificate zCanonical with a reason: DB_OK,
** DB_DONE when there is none in the council, DB_CONSTRAINT when it was
** revoked already. */
int certificate_revoke(Db *pDb, int64_t iCouncil, const char *zCanonical,
                       int64_t iUser, const char *zReason, const char *zToday);

/* ---- Coverage (course_coverage.c) ---- */

/* People enrolled, attending (present in at least one module) and
** certified, for one place or organization. */
typedef struct CoverageRow {
  const char *zCode;     /* Province or commune code; "" for an organization
                         ** or for no place */
  const char *zName;     /* Its name ("Sin comuna", "Sin organización") */
  const char *zProvince; /* A commune's province name, else "" */
  int nEnrolled, nAttending, nCertified;
} CoverageRow;

typedef struct Coverage {
  CoverageRow *aProvince; /* Every province of the council's region (zero
                          ** rows too), then people of no known place */
  int nProvince;
  CoverageRow *aCommune; /* Communes with anyone, by province then name */
  int nCommune;
  CoverageRow *aOrg; /* Organizations, most enrolled first */
  int nOrg;
  CoverageRow total;
} Coverage;

/* The coverage of the course iCourse (0: every course serving plan line
** iLine). */
int course_coverage(Db *pDb, Arena *pArena, int64_t iCouncil, int64_t iCourse,
                    int iLine, Coverage *pCov);

/* ---- Compliance ---- */

/* What courses add to the compliance engine's inputs (aAct from
** evidence_compliance_feed()): which course each module belongs to and
** whether its attendance is recorded, and the evidence a course makes
** itself for each of its modules: its programme (programa_formacion) and
** its certificates (certificados). */
int course_compliance_feed(Db *pDb, Arena *pArena, int64_t iCouncil,
                           ComplianceActivity *aAct, int nAct);

/* ---- Mail and documents (course_mail.c) ---- */

/* The course's calendar: one event per module (METHOD:PUBLISH), or NULL. */
const char *course_calendar(Arena *pArena, const Course *pCourse,
                            const CourseModule *aMod, int nMod,
                            const char *zBaseUrl);
/* Queues the confirmation of an enrolment to the participant's e-mail
** (none: nothing to send), with the course's calendar, inside the
** caller's transaction; once per enrolment. zBaseUrl: the configured
** public address. */
int course_mail_enrolment(Db *pDb, Arena *pArena, int64_t iCouncil,
                          int64_t iCourse, int64_t iEnrolment,
                          const Participant *pPart, const char *zBaseUrl);
/* The verification page of a code: zBaseUrl/certificados/CODE. */
const char *course_certificate_url(Arena *pArena, const char *zBaseUrl,
                                   const char *zCode);
/* The certificate's PDF (arena): DB_OK or DB_ERROR. */
int course_certificate_pdf(Db *pDb, Arena *pArena, const Certificate *pCert,
                           const char *zBaseUrl, const char **ppOut,
                           size_t *pnOut);
/* Queues the certificate with its PDF to the participant (none: nothing),
** once per certificate, inside the caller's transaction. */
int course_mail_certificate(Db *pDb, Arena *pArena, const Certificate *pCert,
                            const char *zBaseUrl);

#endif
