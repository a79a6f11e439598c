/*
** Activities, the rules (see activity.h).
*/
#include "domain/activity.h"

#include <stdio.h>
#include <string.h>

#include "domain/chile_time.h"
#include "util/text.h"

const ActivitySlug activity_statuses[] = {
    {ACTIVITY_PROGRAMADA, "Programada"},
    {ACTIVITY_CONVOCADA, "Convocada"},
    {ACTIVITY_REALIZADA, "Realizada"},
    {ACTIVITY_SUSPENDIDA, "Suspendida"},
    {ACTIVITY_REPROGRAMADA, "Reprogramada"},
};
const int activity_statuses_count =
    (int)(sizeof(activity_statuses) / sizeof(activity_statuses[0]));

const ActivitySlug activity_modalities[] = {
    {"presencial", "Presencial"},
    {"virtual", "Virtual"},
    {"mixta", "Mixta (presencial y virtual)"},
};
const int activity_modalities_count =
    (int)(sizeof(activity_modalities) / sizeof(activity_modalities[0]));

const ActivitySlug activity_replies[] = {
    {"confirma", "Confirma asistencia"},
    {"declina", "No asistirá"},
    {"quizas", "Quizás asista"},
};
const int activity_replies_count =
    (int)(sizeof(activity_replies) / sizeof(activity_replies[0]));

const char *activity_slug_label(const ActivitySlug *a, int n,
                                const char *zSlug) {
  return slug_label(a, n, zSlug);
}

int activity_slug_wellformed(const char *z) {
  if (!z || !(*z >= 'a' && *z <= 'z')) return 0;
  size_t n = strlen(z);
  if (n > 40) return 0;
  for (size_t i = 0; i < n; i++) {
    char c = z[i];
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
      return 0;
    }
  }
  return 1;
}

/* Why a refused status change needs a reason. */
static const char zCorrectionNeedsReason[] =
    "Ese cambio de estado corrige un estado equivocado: escriba el motivo de "
    "la corrección (queda en el historial).";

static int is_blank(const char *z) {
  if (!z) return 1;
  for (; *z; z++) {
    if (*z != ' ' && *z != '\t' && *z != '\n' && *z != '\r') return 0;
  }
  return 1;
}

static int is_web_link(const char *z) {
  return strncmp(z, "https://", 8) == 0 || strncmp(z, "http://", 7) == 0;
}

void activity_check(const Activity *a, ActivityProblems *p) {
  if (!activity_slug_wellformed(a->zKind)) {
    problem_add(p, "kind", "Elija el tipo de actividad.");
  }
  /* The title is a mail subject and a calendar summary: one line. */
  const char *zLine = text_single_line_problem(a->zTitle);
  if (zLine) {
    problem_add(p, "title", zLine);
  } else if (is_blank(a->zTitle)) {
    problem_add(p, "title", "Escriba el nombre de la actividad.");
  } else if (strlen(a->zTitle) > ACTIVITY_TITLE_MAX) {
    problem_add(p, "title",
                "El nombre es demasiado largo: use a lo más 200 "
                "caracteres.");
  }
  if ((zLine = text_single_line_problem(a->zAddress))) {
    problem_add(p, "address", zLine);
  }
  if ((zLine = text_single_line_problem(a->zOrganizer))) {
    problem_add(p, "organizer", zLine);
  }
  if ((zLine = text_single_line_problem(a->zLink))) {
    problem_add(p, "link", zLine);
  }
  if (a->zDescription && strlen(a->zDescription) > ACTIVITY_TEXT_MAX) {
    problem_add(p, "description",
                "La descripción es demasiado larga: use a lo más 8000 "
                "caracteres.");
  }
  if (a->iStart <= 0) {
    problem_add(p, "start",
                "Indique la fecha y hora de inicio (por ejemplo "
                "2025-04-15 10:00).");
  }
  if (a->iEnd <= 0) {
    problem_add(p, "end",
                "Indique la fecha y hora de término (por ejemplo "
                "2025-04-15 12:00).");
  } else if (a->iStart > 0 && a->iEnd <= a->iStart) {
    problem_add(p, "end", "El término debe ser posterior al inicio.");
  } else if (a->iStart > 0 &&
             a->iEnd - a->iStart > (int64_t)ACTIVITY_MAX_DAYS * 86400) {
    problem_add(p, "end",
                "Una actividad dura a lo más 14 días: revise el "
                "término.");
  }
  if (!activity_slug_label(activity_modalities, activity_modalities_count,
                           a->zModality)) {
    problem_add(p, "modality",
                "Elija la modalidad: presencial, virtual o mixta.");
  } else {
    if (strcmp(a->zModality, "virtual") == 0 && is_blank(a->zLink)) {
      problem_add(p, "link",
                  "Una actividad virtual necesita el enlace de la "
                  "videoconferencia.");
    }
    if (activity_is_in_person(a->zModality) && is_blank(a->zCommune)) {
      problem_add(p, "commune",
                  "Indique la comuna donde se realiza la actividad.");
    }
  }
  if (!is_blank(a->zLink) && !is_web_link(a->zLink)) {
    problem_add(p, "link", "El enlace debe comenzar con https:// (o http://).");
  }
  if (!activity_slug_label(activity_statuses, activity_statuses_count,
                           a->zStatus)) {
    problem_add(p, "status",
                "El estado debe ser programada, convocada, realizada, "
                "suspendida o reprogramada.");
  }
  for (int i = 0; i < a->nLine; i++) {
    if (a->aLine[i] < 1 || a->aLine[i] > 999) {
      problem_add(p, "plan_lines",
                  "Las líneas del plan se indican por su número.");
    }
  }
}

/* Allowed moves, besides staying: a finished activity stays finished. */
static const struct {
  const char *zFrom;
  const char *zTo;
} aMove[] = {
    {ACTIVITY_PROGRAMADA, ACTIVITY_CONVOCADA},
    {ACTIVITY_PROGRAMADA, ACTIVITY_REALIZADA},
    {ACTIVITY_PROGRAMADA, ACTIVITY_SUSPENDIDA},
    {ACTIVITY_PROGRAMADA, ACTIVITY_REPROGRAMADA},
    {ACTIVITY_CONVOCADA, ACTIVITY_REALIZADA},
    {ACTIVITY_CONVOCADA, ACTIVITY_SUSPENDIDA},
    {ACTIVITY_CONVOCADA, ACTIVITY_REPROGRAMADA},
    {ACTIVITY_REPROGRAMADA, ACTIVITY_CONVOCADA},
    {ACTIVITY_REPROGRAMADA, ACTIVITY_REALIZADA},
    {ACTIVITY_REPROGRAMADA, ACTIVITY_SUSPENDIDA},
    {ACTIVITY_SUSPENDIDA, ACTIVITY_REPROGRAMADA},
    {ACTIVITY_SUSPENDIDA, ACTIVITY_PROGRAMADA},
};

const char *activity_transition_problem(const char *zFrom, const char *zTo) {
  if (strcmp(zFrom, zTo) == 0) return NULL;
  for (size_t i = 0; i < sizeof(aMove) / sizeof(aMove[0]); i++) {
    if (strcmp(aMove[i].zFrom, zFrom) == 0 && strcmp(aMove[i].zTo, zTo) == 0) {
      return NULL;
    }
  }
  if (strcmp(zFrom, ACTIVITY_REALIZADA) == 0) {
    return "Una actividad realizada no cambia de estado.";
  }
  if (strcmp(zFrom, ACTIVITY_SUSPENDIDA) == 0) {
    return "Una actividad suspendida solo puede reprogramarse o volver a "
           "programarse.";
  }
  return "Ese cambio de estado no está permitido.";
}

const char *activity_held_problem(const Activity *pAct, int64_t iNow) {
  if (!pAct->zStatus || strcmp(pAct->zStatus, ACTIVITY_REALIZADA) != 0)
    return NULL;
  if (pAct->iStart > 0 && pAct->iStart > iNow) {
    return "Una actividad solo puede quedar «Realizada» después de su "
           "inicio: esta aún no comienza. Déjela programada o corrija la "
           "fecha.";
  }
  return NULL;
}

const char *activity_correction_problem(const char *zFrom, const char *zTo,
                                        const char *zReason) {
  if (!activity_transition_problem(zFrom, zTo)) return NULL;
  if (is_blank(zReason)) {
    return zCorrectionNeedsReason;
  }
  if (strlen(zReason) > ACTIVITY_REASON_MAX) {
    return "El motivo de la corrección es demasiado largo: use a lo más 500 "
           "caracteres.";
  }
  const char *zLine = text_single_line_problem(zReason);
  return zLine;
}

static int differs(const char *a, const char *b) {
  return strcmp(a ? a : "", b ? b : "") != 0;
}

int activity_is_rescheduled(const Activity *pOld, const Activity *pNew) {
  return pOld->iStart != pNew->iStart || pOld->iEnd != pNew->iEnd;
}

static int was_sent(const char *zStatus) {
  return strcmp(zStatus, ACTIVITY_CONVOCADA) == 0 ||
         strcmp(zStatus, ACTIVITY_REPROGRAMADA) == 0;
}

ActivityResend activity_resend_for(const Activity *pOld, const Activity *pNew) {
  if (!was_sent(pOld->zStatus)) return ACTIVITY_RESEND_NONE;
  if (strcmp(pNew->zStatus, ACTIVITY_SUSPENDIDA) == 0) {
    return ACTIVITY_RESEND_CANCEL;
  }
  if (strcmp(pNew->zStatus, ACTIVITY_REALIZADA) == 0) {
    return ACTIVITY_RESEND_NONE;
  }
  if (activity_is_rescheduled(pOld, pNew) ||
      differs(pOld->zTitle, pNew->zTitle) ||
      differs(pOld->zModality, pNew->zModality) ||
      differs(pOld->zLink, pNew->zLink) ||
      differs(pOld->zCommune, pNew->zCommune) ||
      differs(pOld->zAddress, pNew->zAddress) ||
      differs(pOld->zDescription, pNew->zDescription)) {
    return ACTIVITY_RESEND_UPDATE;
  }
  return ACTIVITY_RESEND_NONE;
}

const char *activity_status_after(const Activity *pOld, const Activity *pNew,
                                  int bStatusGiven) {
  if (bStatusGiven && strcmp(pNew->zStatus, pOld->zStatus) != 0) {
    return pNew->zStatus;
  }
  if (was_sent(pOld->zStatus) && activity_is_rescheduled(pOld, pNew)) {
    return ACTIVITY_REPROGRAMADA;
  }
  return pNew->zStatus;
}

int activity_is_in_person(const char *zModality) {
  return zModality && (strcmp(zModality, "presencial") == 0 ||
                       strcmp(zModality, "mixta") == 0);
}

int activity_kind_is_session(const char *zKind) {
  return zKind && (strcmp(zKind, "sesion_ordinaria") == 0 ||
                   strcmp(zKind, "sesion_extraordinaria") == 0);
}

int activity_reply_open(const Activity *pAct, int64_t iNow) {
  return iNow < pAct->iEnd && strcmp(pAct->zStatus, ACTIVITY_SUSPENDIDA) != 0 &&
         strcmp(pAct->zStatus, ACTIVITY_REALIZADA) != 0;
}

static const char *const azWeekday[] = {
    "domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"};
static const char *const azMonth[] = {
    "enero", "febrero", "marzo",      "abril",   "mayo",      "junio",
    "julio", "agosto",  "septiembre", "octubre", "noviembre", "diciembre"};

/* Day of the week of a civil date, 0 = Sunday (Sakamoto's method). */
static int weekday(int y, int m, int d) {
  static const int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  if (m < 3) y -= 1;
  return (y + y / 4 - y / 100 + y / 400 + t[m - 1] + d) % 7;
}

void activity_format_when(int64_t iStart, int64_t iEnd, char *z, size_t n) {
  LocalTime s, e;
  chile_time_from_utc(iStart, &s, NULL);
  chile_time_from_utc(iEnd, &e, NULL);
  int bSameDay = s.iYear == e.iYear && s.iMonth == e.iMonth && s.iDay == e.iDay;
  if (bSameDay) {
    snprintf(z, n, "%s %d de %s de %d, de %02d:%02d a %02d:%02d",
             azWeekday[weekday(s.iYear, s.iMonth, s.iDay)], s.iDay,
             azMonth[s.iMonth - 1], s.iYear, s.iHour, s.iMinute, e.iHour,
             e.iMinute);
  } else {
    snprintf(z, n,
             "desde el %s %d de %s de %d a las %02d:%02d hasta el %s "
             "%d de %s de %d a las %02d:%02d",
             azWeekday[weekday(s.iYear, s.iMonth, s.iDay)], s.iDay,
             azMonth[s.iMonth - 1], s.iYear, s.iHour, s.iMinute,
             azWeekday[weekday(e.iYear, e.iMonth, e.iDay)], e.iDay,
             azMonth[e.iMonth - 1], e.iYear, e.iHour, e.iMinute);
  }
}

void activity_format_short(int64_t iUtc, char *z, size_t n) {
  LocalTime t;
  chile_time_from_utc(iUtc, &t, NULL);
  snprintf(z, n, "%02d-%02d-%04d %02d:%02d", t.iDay, t.iMonth, t.iYear, t.iHour,
           t.iMinute);
}

void activity_format_date_long(const char *zDate, char *z, size_t n) {
  int y = 0, m = 0, d = 0;
  if (zDate && sscanf(zDate, "%4d-%2d-%2d", &y, &m, &d) == 3 && m >= 1 &&
      m <= 12 && d >= 1 && d <= 31) {
    snprintf(z, n, "%d de %s de %d", d, azMonth[m - 1], y);
  } else {
    snprintf(z, n, "%s", zDate ? zDate : "");
  }
}
