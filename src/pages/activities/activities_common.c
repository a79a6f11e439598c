/*
** Shared by the activity pages (see activities_pages.h).
*/
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "domain/chile_time.h"
#include "pages/activities/activities_pages.h"
#include "store/people/people.h"
#include "store/plan/plan_store.h"
#include "store/meetings/meetings.h"
#include "util/text.h"

int act_load(Request *r, Activity *pAct, int bPublicOnly) {
  int64_t id = request_param_id(r, 0);
  if (!id) {
    respond_error(r, 404, "No existe esa actividad.");
    return 0;
  }
  int rc = activity_get(request_db(r), request_arena(r), page_council_id(r), id,
                        pAct);
  if (rc == DB_OK && bPublicOnly && !pAct->bPublic) rc = DB_DONE;
  return page_found(r, rc, "No existe esa actividad.");
}

const char *act_base_url(Request *r) { return request_public_url(r); }

json_t *act_json(const Activity *a) {
  json_t *p = json_object();
  json_object_set_new(p, "id", json_integer(a->id));
  json_object_set_new(p, "kind", json_string(a->zKind));
  json_object_set_new(p, "title", json_string(a->zTitle));
  json_object_set_new(p, "description", json_string(a->zDescription));
  json_object_set_new(p, "start", page_json_time(a->iStart));
  json_object_set_new(p, "end", page_json_time(a->iEnd));
  json_object_set_new(p, "commune",
                      *a->zCommune ? json_string(a->zCommune) : json_null());
  json_object_set_new(p, "address", json_string(a->zAddress));
  json_object_set_new(p, "modality", json_string(a->zModality));
  json_object_set_new(p, "link", json_string(a->zLink));
  json_object_set_new(p, "organizer", json_string(a->zOrganizer));
  json_object_set_new(p, "status", json_string(a->zStatus));
  json_t *aLine = json_array();
  for (int i = 0; i < a->nLine; i++) {
    json_array_append_new(aLine, json_integer(a->aLine[i]));
  }
  json_object_set_new(p, "plan_lines", aLine);
  json_object_set_new(p, "public", json_boolean(a->bPublic));
  json_object_set_new(p, "evidence", json_array());
  json_object_set_new(p, "sequence", json_integer(a->iSequence));
  json_object_set_new(p, "version", json_integer(a->iVersion));
  return p;
}

int act_create(Request *r, Activity *a) {
  Db *pDb = request_db(r);
  int64_t iCouncil = page_council_id(r);
  if (db_begin(pDb) != DB_OK) return DB_ERROR;
  if (activity_insert(pDb, iCouncil, request_user(r)->id, a) != DB_OK ||
      (activity_kind_is_session(a->zKind) &&
       meeting_agenda_put_overdue(pDb, request_arena(r), iCouncil, a->id,
                                  meeting_today(request_arena(r))) != DB_OK)) {
    db_rollback(pDb);
    return DB_ERROR;
  }
  return db_commit(pDb);
}

void act_defaults(Activity *a) {
  memset(a, 0, sizeof(*a));
  a->zKind = "";
  a->zKindLabel = "";
  a->zTitle = "";
  a->zDescription = "";
  a->zModality = "presencial";
  a->zLink = "";
  a->zCommune = "";
  a->zCommuneName = "";
  a->zProvince = "";
  a->zAddress = "";
  a->zOrganizer = "";
  a->zStatus = ACTIVITY_PROGRAMADA;
  a->bPublic = 1;
  a->zIcalUid = "";
}

static char *trimmed(Arena *pArena, const char *z) {
  if (!z) return NULL;
  while (*z == ' ' || *z == '\t' || *z == '\n' || *z == '\r') z++;
  size_t n = strlen(z);
  while (n > 0 && (z[n - 1] == ' ' || z[n - 1] == '\t' || z[n - 1] == '\n' ||
                   z[n - 1] == '\r')) {
    n--;
  }
  return arena_strndup(pArena, z, n);
}

/* A text member: absent leaves *pz; a non-string is a problem. */
static void json_text(Arena *pArena, json_t *pObj, const char *zKey,
                      int bNullable, const char **pz, ActivityProblems *p) {
  json_t *v = json_object_get(pObj, zKey);
  if (!v) return;
  if (json_is_null(v) && bNullable) {
    *pz = "";
  } else if (!json_is_string(v)) {
    problem_add(p, zKey, "Este campo debe ser texto.");
  } else {
    *pz = trimmed(pArena, json_string_value(v));
  }
}

static void json_time(json_t *pObj, const char *zKey, int64_t *pi,
                      ActivityProblems *p) {
  json_t *v = json_object_get(pObj, zKey);
  if (!v) return;
  int64_t t = 0;
  if (!json_is_string(v) || chile_time_parse_iso(json_string_value(v), &t)) {
    problem_add(p, zKey,
                "Use fecha y hora ISO 8601, por ejemplo "
                "2025-04-15T10:00:00-04:00.");
    *pi = -1;
    return;
  }
  *pi = t;
}

void act_from_json(Request *r, json_t *pObj, int bCreate, Activity *a,
                   ActivityProblems *p, int *pbStatus, int *piVersion) {
  Arena *pArena = request_arena(r);
  static const char *const azRequired[] = {"kind", "title", "start", "end",
                                           "modality"};
  *pbStatus = json_object_get(pObj, "status") != NULL;
  *piVersion = 0;
  if (bCreate) {
    for (size_t i = 0; i < sizeof(azRequired) / sizeof(azRequired[0]); i++) {
      if (!json_object_get(pObj, azRequired[i])) {
        problem_add(p, azRequired[i], "Falta este campo.");
      }
    }
  }
  json_text(pArena, pObj, "kind", 0, &a->zKind, p);
  json_text(pArena, pObj, "title", 0, &a->zTitle, p);
  json_text(pArena, pObj, "description", 1, &a->zDescription, p);
  json_text(pArena, pObj, "modality", 0, &a->zModality, p);
  json_text(pArena, pObj, "link", 1, &a->zLink, p);
  json_text(pArena, pObj, "commune", 1, &a->zCommune, p);
  json_text(pArena, pObj, "address", 1, &a->zAddress, p);
  json_text(pArena, pObj, "organizer", 1, &a->zOrganizer, p);
  json_text(pArena, pObj, "status", 0, &a->zStatus, p);
  json_time(pObj, "start", &a->iStart, p);
  json_time(pObj, "end", &a->iEnd, p);
  json_t *v = json_object_get(pObj, "public");
  if (v) {
    if (!json_is_boolean(v)) {
      problem_add(p, "public", "Este campo debe ser true o false.");
    } else {
      a->bPublic = json_is_true(v);
    }
  }
  v = json_object_get(pObj, "plan_lines");
  if (v) {
    if (!json_is_array(v) || json_array_size(v) > ACTIVITY_LINES_MAX) {
      problem_add(p, "plan_lines",
                  "Indique las líneas del plan como una lista de "
                  "números.");
    } else {
      a->nLine = 0;
      size_t i;
      json_t *e;
      json_array_foreach(v, i, e) {
        int n = 0;
        if (!page_json_int(e, INT_MIN, INT_MAX, &n)) {
          problem_add(p, "plan_lines",
                      "Indique las líneas del plan como una lista de "
                      "números.");
          break;
        }
        int bDup = 0;
        for (int k = 0; k < a->nLine; k++) bDup |= a->aLine[k] == n;
        if (!bDup) a->aLine[a->nLine++] = n;
      }
    }
  }
  v = json_object_get(pObj, "version");
  /* A version past an int is no version there is: a conflict. */
  if (v && json_is_integer(v) &&
      !page_json_int(v, INT_MIN, INT_MAX, piVersion)) {
    *piVersion = -1;
  }
}

void act_from_form(Request *r, Activity *a, ActivityProblems *p,
                   int *piVersion) {
  Arena *pArena = request_arena(r);
  const char *z;
  if ((z = request_field(r, "kind"))) a->zKind = trimmed(pArena, z);
  if ((z = request_field(r, "title"))) a->zTitle = trimmed(pArena, z);
  if ((z = request_field(r, "description"))) {
    a->zDescription = trimmed(pArena, z);
  }
  if ((z = request_field(r, "modality"))) a->zModality = trimmed(pArena, z);
  if ((z = request_field(r, "link"))) a->zLink = trimmed(pArena, z);
  if ((z = request_field(r, "commune"))) a->zCommune = trimmed(pArena, z);
  if ((z = request_field(r, "address"))) a->zAddress = trimmed(pArena, z);
  if ((z = request_field(r, "organizer"))) a->zOrganizer = trimmed(pArena, z);
  if ((z = request_field(r, "status")) && *z) a->zStatus = trimmed(pArena, z);
  const char *azTime[] = {"start", "end"};
  int64_t *apTime[] = {&a->iStart, &a->iEnd};
  for (int i = 0; i < 2; i++) {
    z = request_field(r, azTime[i]);
    int64_t t = 0;
    if (!z || !*z) {
      *apTime[i] = 0;
    } else if (chile_time_parse_iso(z, &t)) {
      problem_add(p, azTime[i],
                  "Escriba la fecha y hora como 2025-04-15 10:00.");
      *apTime[i] = -1;
    } else {
      *apTime[i] = t;
    }
  }
  a->bPublic = request_field(r, "public") != NULL;
  a->nLine = 0;
  int nField = 0;
  const FormField *aField = request_fields(r, &nField);
  for (int i = 0; i < nField && a->nLine < ACTIVITY_LINES_MAX; i++) {
    if (strcmp(aField[i].zName, "plan_lines") == 0) {
      /* Strictly: atoi() made "4294967302" line 6 and "6abc" line 6. */
      int64_t n = 0;
      if (!text_parse_id(aField[i].zValue, &n) || n > INT_MAX) {
        problem_add(p, "plan_lines", "Elija las líneas del plan de la lista.");
        break;
      }
      a->aLine[a->nLine++] = (int)n;
    }
  }
  z = request_field(r, "version");
  *piVersion = z ? atoi(z) : 0;
}

void act_check_all(Request *r, const Activity *a, ActivityProblems *p) {
  Db *pDb = request_db(r);
  activity_check(a, p);
  /* A session dated tomorrow was not held. */
  problem_add(p, "status", activity_held_problem(a, db_now()));
  /* Nor can a session be corrected to not held while what it decided
  ** stands: its agreements and the actas approved in it need it held. */
  if (a->id > 0 && a->zStatus && strcmp(a->zStatus, "realizada") != 0) {
    MeetingAgreement *aAgr = NULL;
    int nAgr = 0;
    int nActas = meeting_actas_approved_in(pDb, a->id);
    if (meeting_agreement_list(pDb, request_arena(r), page_council_id(r), a->id,
                               &aAgr, &nAgr) != DB_OK ||
        nActas < 0) {
      problem_add(p, "status",
                  "No se pudieron leer los acuerdos de la sesión.");
    } else if (nAgr > 0 || nActas > 0) {
      problem_add(p, "status",
                  arena_printf(request_arena(r),
                               "En esta sesión se %s: debe quedar como "
                               "realizada. Corrija o quite antes %s.",
                               nAgr ? "adoptaron acuerdos"
                                    : "aprobó el acta de otra sesión",
                               nAgr ? "sus acuerdos" : "esa aprobación"));
    }
  }
  if (activity_slug_wellformed(a->zKind) &&
      !activity_kind_exists(pDb, a->zKind)) {
    problem_add(p, "kind", "Ese tipo de actividad no está en el catálogo.");
  }
  if (a->nLine > 0) {
    /* Lines are named by number: they must exist in the council's plan
    ** (its latest version), when there is one. */
    PlanDoc doc;
    if (plan_store_load(pDb, request_arena(r), page_council_id(r), 0, 0, &doc,
                        NULL) == DB_OK) {
      for (int i = 0; i < a->nLine; i++) {
        if (!plan_doc_line(&doc, a->aLine[i])) {
          problem_add(
              p, "plan_lines",
              arena_printf(request_arena(r), "El plan no tiene una línea %d.",
                           a->aLine[i]));
          break;
        }
      }
    }
  }
  if (a->zCommune && *a->zCommune) {
    TerritoryIndex idx;
    if (territory_index_load(pDb, request_arena(r), &idx) == DB_OK &&
        !territory_index_code(&idx, a->zCommune)) {
      problem_add(p, "commune",
                  "Esa comuna no existe: use su código CUT, de cinco "
                  "dígitos.");
    }
  }
}

const char *convene_past_question(Arena *pArena, const Activity *pAct) {
  return arena_printf(pArena,
                      "La actividad ya comenzó (el %s): ¿citar de todos "
                      "modos? La citación llega a cada persona como una "
                      "invitación a algo que ya pasó.",
                      page_time(pArena, pAct->iStart));
}

const char *act_status_label(const char *z) {
  const char *zL =
      activity_slug_label(activity_statuses, activity_statuses_count, z);
  return zL ? zL : z;
}
const char *act_modality_label(const char *z) {
  const char *zL =
      activity_slug_label(activity_modalities, activity_modalities_count, z);
  return zL ? zL : z;
}
const char *act_reply_label(const char *z) {
  if (!z || !*z) return "Sin respuesta";
  const char *zL =
      activity_slug_label(activity_replies, activity_replies_count, z);
  return zL ? zL : z;
}
