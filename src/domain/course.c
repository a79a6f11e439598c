/*
** Courses, the rules (see course.h).
*/
#include "domain/course.h"

#include <string.h>

#include "domain/plan_window.h"
#include "util/text.h"

const char *course_rule_slug(CourseRuleKind eKind) {
  return eKind == COURSE_RULE_PERCENT ? "porcentaje" : "modulos";
}

int course_rule_from_slug(const char *zSlug) {
  if (!zSlug) return -1;
  if (strcmp(zSlug, "modulos") == 0) return COURSE_RULE_MODULES;
  if (strcmp(zSlug, "porcentaje") == 0) return COURSE_RULE_PERCENT;
  return -1;
}

int course_modules_required(const CourseRule *pRule, int nModules) {
  if (nModules <= 0) return 0;
  int n = pRule->eKind == COURSE_RULE_PERCENT
              ? (pRule->nValue * nModules + 99) / 100 /* Rounded up */
              : pRule->nValue;
  if (n < 1) n = 1;
  return n > nModules ? nModules : n;
}

int course_rule_met(const CourseRule *pRule, int nAttended, int nModules) {
  if (nModules <= 0) return 0;
  return nAttended >= course_modules_required(pRule, nModules);
}

const char *course_rule_text(Arena *pArena, const CourseRule *pRule,
                             int nModules) {
  int nNeed = course_modules_required(pRule, nModules);
  if (pRule->eKind == COURSE_RULE_PERCENT) {
    return arena_printf(pArena, "%d %% de los módulos (%d de %d)",
                        pRule->nValue, nNeed, nModules);
  }
  if (nModules <= 0) {
    return arena_printf(pArena, "al menos %d %s", pRule->nValue,
                        pRule->nValue == 1 ? "módulo" : "módulos");
  }
  return arena_printf(pArena, "al menos %d de %d %s", nNeed, nModules,
                      nModules == 1 ? "módulo" : "módulos");
}

void course_check(const Course *pCourse, int nModules, Problems *pProblems) {
  const char *zTitle = pCourse->zTitle ? pCourse->zTitle : "";
  if (!zTitle[0]) {
    problem_add(pProblems, "title", "Escriba el nombre del curso.");
  } else if (strlen(zTitle) > COURSE_TITLE_MAX) {
    problem_add(pProblems, "title",
                "El nombre del curso es demasiado largo (máximo 200 "
                "caracteres).");
  } else {
    problem_add(pProblems, "title", text_single_line_problem(zTitle));
  }
  if (pCourse->zDescription && strlen(pCourse->zDescription) > COURSE_TEXT_MAX)
    problem_add(pProblems, "description", "La descripción es demasiado larga.");
  if (pCourse->zProgramme && strlen(pCourse->zProgramme) > COURSE_TEXT_MAX)
    problem_add(pProblems, "programme", "El programa es demasiado largo.");

  const CourseRule *pRule = &pCourse->rule;
  if (pRule->eKind == COURSE_RULE_PERCENT) {
    if (pRule->nValue < 1 || pRule->nValue > 100) {
      problem_add(pProblems, "completion",
                  "El porcentaje de módulos para aprobar debe estar entre 1 "
                  "y 100.");
    }
  } else if (pRule->nValue < 1 || pRule->nValue > COURSE_MODULES_MAX) {
    problem_add(pProblems, "completion",
                "Indique cuántos módulos hay que cursar para aprobar (al "
                "menos 1).");
  } else if (nModules > 0 && pRule->nValue > nModules) {
    problem_add(pProblems, "completion",
                "El curso pide más módulos para aprobar de los que tiene.");
  }

  const char *zOpens = pCourse->zEnrolOpens ? pCourse->zEnrolOpens : "";
  const char *zCloses = pCourse->zEnrolCloses ? pCourse->zEnrolCloses : "";
  if (zOpens[0] && !plan_date_valid(zOpens)) {
    problem_add(pProblems, "enrol_opens",
                "La fecha de apertura de inscripciones debe escribirse "
                "AAAA-MM-DD y existir.");
  }
  if (zCloses[0] && !plan_date_valid(zCloses)) {
    problem_add(pProblems, "enrol_closes",
                "La fecha de cierre de inscripciones debe escribirse "
                "AAAA-MM-DD y existir.");
  } else if (zOpens[0] && zCloses[0] && plan_date_valid(zOpens) &&
             strcmp(zCloses, zOpens) < 0) {
    problem_add(pProblems, "enrol_closes",
                "Las inscripciones no pueden cerrar antes de abrir.");
  }
  if (pCourse->nCapacity < 0 || pCourse->nCapacity > COURSE_CAPACITY_MAX) {
    problem_add(pProblems, "capacity",
                "Los cupos deben ser un número entre 0 (sin límite) y "
                "100000.");
  }
  if (pCourse->nLine < 0 || pCourse->nLine > COURSE_LINES_MAX) {
    problem_add(pProblems, "plan_lines", "Demasiadas líneas del plan.");
  }
  for (int i = 0; i < pCourse->nLine && i < COURSE_LINES_MAX; i++) {
    if (pCourse->aLine[i] < 1 || pCourse->aLine[i] > 999) {
      problem_add(pProblems, "plan_lines",
                  "Las líneas del plan se indican por su número (1 a 999).");
    }
  }
}

CourseEnrolState course_enrol_state(const Course *pCourse, const char *zToday,
                                    const char *zLastStart, int nEnrolled) {
  const char *zOpens = pCourse->zEnrolOpens ? pCourse->zEnrolOpens : "";
  const char *zCloses = pCourse->zEnrolCloses ? pCourse->zEnrolCloses : "";
  if (zOpens[0] && strcmp(zToday, zOpens) < 0) return COURSE_ENROL_NOT_YET;
  if (zCloses[0]) {
    if (strcmp(zToday, zCloses) > 0) return COURSE_ENROL_CLOSED;
  } else if (zLastStart && zLastStart[0] &&
             strncmp(zToday, zLastStart, 10) > 0) {
    return COURSE_ENROL_CLOSED;
  }
  if (pCourse->nCapacity > 0 && nEnrolled >= pCourse->nCapacity)
    return COURSE_ENROL_FULL;
  return COURSE_ENROL_OPEN;
}

const char *course_enrol_state_text(Arena *pArena, const Course *pCourse,
                                    CourseEnrolState eState) {
  switch (eState) {
    case COURSE_ENROL_NOT_YET:
      return arena_printf(pArena,
                          "Las inscripciones se abren el %.2s-%.2s-%.4s.",
                          pCourse->zEnrolOpens + 8, pCourse->zEnrolOpens + 5,
                          pCourse->zEnrolOpens);
    case COURSE_ENROL_CLOSED:
      return "Las inscripciones de este curso están cerradas.";
    case COURSE_ENROL_FULL:
      return "El curso no tiene cupos disponibles.";
    case COURSE_ENROL_OPEN:
      break;
  }
  return "";
}

/* Crockford's base 32. */
static const char azAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

void course_code_format(const unsigned char *aRandom,
                        char zCode[COURSE_CODE_SIZE]) {
  int j = 0;
  for (int i = 0; i < COURSE_CODE_CHARS; i++) {
    int iBit = i * 5; /* Five bits from aRandom, most significant first */
    unsigned v = ((unsigned)aRandom[iBit / 8] << 8) | aRandom[iBit / 8 + 1];
    v = (v >> (11 - iBit % 8)) & 31;
    if (i > 0 && i % 5 == 0) zCode[j++] = '-';
    zCode[j++] = azAlphabet[v];
  }
  zCode[j] = 0;
}

int course_code_canonical(const char *zInput,
                          char zOut[COURSE_CODE_CHARS + 1]) {
  int n = 0;
  for (const char *z = zInput ? zInput : ""; *z; z++) {
    char c = *z;
    if (c == '-' || c == ' ') continue;
    if (c >= 'a' && c <= 'z') c = (char)(c - 32);
    if (c == 'O') c = '0';
    if (c == 'I' || c == 'L') c = '1';
    if (!strchr(azAlphabet, c) || n >= COURSE_CODE_CHARS) return 0;
    zOut[n++] = c;
  }
  zOut[n] = 0;
  return n == COURSE_CODE_CHARS;
}

const char *course_hours_text(Arena *pArena, int64_t nMinutes) {
  if (nMinutes <= 0) return "0 horas";
  int64_t nHalves = (nMinutes + 29) / 30;
  if (nHalves % 2) {
    return arena_printf(pArena, "%lld,5 horas", (long long)(nHalves / 2));
  }
  return arena_printf(pArena, "%lld %s", (long long)(nHalves / 2),
                      nHalves == 2 ? "hora" : "horas");
}
