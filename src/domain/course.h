/*
** Courses of the Escuela de Dirigentes, the rules: what makes a course
** valid, when a leader has completed it (the completion rule), whether
** its enrolment is open and what a certificate's verification code
** looks like.
**
** Pure functions over plain structs: no SQL, no HTTP, no clock (the
** caller passes today), no randomness (the caller passes the random
** bytes). Spanish messages are kept here together.
*/
#ifndef COSOC_DOMAIN_COURSE_H
#define COSOC_DOMAIN_COURSE_H

#include <stddef.h>
#include <stdint.h>

#include "domain/problems.h"
#include "util/arena.h"

#define COURSE_TITLE_MAX 200          /* Bytes in a title */
#define COURSE_TEXT_MAX 20000         /* Description or programme */
#define COURSE_MODULES_MAX 60         /* Modules in one course */
#define COURSE_LINES_MAX 32           /* Plan lines one course serves */
#define COURSE_CAPACITY_MAX 100000    /* Places: more is surely a typo */
#define COURSE_MIN_MINUTES_DEFAULT 45 /* Connected time that counts */
#define COURSE_MIN_MINUTES_MAX 600
#define COURSE_SPEAKER_MAX 200

/* The completion rule: at least nValue modules, or nValue percent of
** them (rounded up: 75 % of 4 modules is 3). */
typedef enum CourseRuleKind {
  COURSE_RULE_MODULES = 0, /* "modulos" */
  COURSE_RULE_PERCENT      /* "porcentaje" */
} CourseRuleKind;

typedef struct CourseRule {
  CourseRuleKind eKind;
  int nValue; /* Modules (1..COURSE_MODULES_MAX) or percent (1..100) */
} CourseRule;

/* The stored slug of a rule kind, and the kind of a slug (-1: none). */
const char *course_rule_slug(CourseRuleKind eKind);
int course_rule_from_slug(const char *zSlug);

/* Modules a leader must attend out of nModules (never more than
** nModules, at least 1 when there is any module). */
int course_modules_required(const CourseRule *pRule, int nModules);
/* 1 when nAttended modules out of nModules meet the rule. A course with no
** module completes no one. */
int course_rule_met(const CourseRule *pRule, int nAttended, int nModules);
/* "al menos 3 de 4 módulos", "75 % de los módulos (3 de 4)" (arena). */
const char *course_rule_text(Arena *pArena, const CourseRule *pRule,
                             int nModules);

/* A course as the rules see it. Strings are never NULL ("" for none). */
typedef struct Course {
  int64_t id;                  /* 0 before it is saved */
  const char *zTitle;          /* One line */
  const char *zDescription;    /* Plain text */
  const char *zProgramme;      /* Markdown: the programa de formación */
  CourseRule rule;             /* Completion */
  const char *zEnrolOpens;     /* YYYY-MM-DD, "" when open from now */
  const char *zEnrolCloses;    /* YYYY-MM-DD, "" until the last module */
  int nCapacity;               /* Places, 0: no limit */
  int nLine;                   /* Plan lines it serves */
  int aLine[COURSE_LINES_MAX]; /* Their numbers, ascending */
  int iVersion;                /* Optimistic concurrency */
} Course;

/* Checks every field of *pCourse into pProblems; field names are the
** form's: title, description, programme, completion, enrol_opens,
** enrol_closes, capacity, plan_lines. nModules is how many modules it has
** (or will have): a rule of more modules than that is refused. */
void course_check(const Course *pCourse, int nModules, Problems *pProblems);

/* Whether a course takes enrolments on zToday (YYYY-MM-DD). */
typedef enum CourseEnrolState {
  COURSE_ENROL_OPEN = 0,
  COURSE_ENROL_NOT_YET, /* Before zEnrolOpens */
  COURSE_ENROL_CLOSED,  /* After zEnrolCloses, or zLastStart has passed */
  COURSE_ENROL_FULL     /* nEnrolled has reached nCapacity */
} CourseEnrolState;

/* zLastStart: the date the last module starts (YYYY-MM-DD, "" when there
** is none), which closes a course with no closing date. */
CourseEnrolState course_enrol_state(const Course *pCourse, const char *zToday,
                                    const char *zLastStart, int nEnrolled);
/* A Spanish sentence for a state other than OPEN (static or arena). */
const char *course_enrol_state_text(Arena *pArena, const Course *pCourse,
                                    CourseEnrolState eState);

/* ---- Verification codes ----
** A certificate's code: COURSE_CODE_BYTES random bytes (100 bits) written
** in Crockford's base 32 (digits and upper-case letters without I, L, O
** and U, which read as other characters), in groups of five joined by
** hyphens: "7K2M9-QXD4R-0B8TN-E3W6Z". Typed back in any case, with or
** without hyphens or spaces, and with O for 0 and I or L for 1, it reads
** as the same code. */
#define COURSE_CODE_BYTES 13 /* 104 bits read, 100 used */
#define COURSE_CODE_CHARS 20 /* Base-32 characters */
#define COURSE_CODE_SIZE 24  /* With three hyphens and the NUL */

/* The code written from aRandom (COURSE_CODE_BYTES bytes). */
void course_code_format(const unsigned char *aRandom,
                        char zCode[COURSE_CODE_SIZE]);
/* The canonical form of what someone typed (COURSE_CODE_CHARS characters,
** no hyphens) into zOut: 1, or 0 when it cannot be a code. */
int course_code_canonical(const char *zInput, char zOut[COURSE_CODE_CHARS + 1]);

/* Hours as certificates say them: "4 horas", "1 hora", "7,5 horas" (to
** the half hour, rounded up), from minutes (arena). */
const char *course_hours_text(Arena *pArena, int64_t nMinutes);

#endif
