/*
** The demo's activities (cosoc demo): past sessions held across the plan's
** lines and provinces, a session in Ovalle for line 9 ready to be convened,
** a future session marked convened, and a housing handover with a vehicle
** for transport. No mail is queued: the demo sends nothing by itself.
*/
#include <stdio.h>
#include <string.h>

#include "store/accounts/accounts.h"
#include "store/activities/activity_store.h"
#include "store/activities/convene.h"
#include "cli/cli.h"
#include "cli/demo/demo_records.h"
#include "domain/chile_time.h"
#include "store/people/people.h"

typedef struct DemoActivity {
  const char *zKind, *zTitle, *zDescription;
  const char *zDate; /* "2025-03-20", or NULL: iDaysAhead from today */
  int iDaysAhead;
  int iHour, nHours;
  const char *zModality, *zLink, *zCommune, *zAddress, *zOrganizer, *zStatus;
  int bPublic;
  int aLine[3]; /* 0-terminated */
  const char *azAgenda[4];
} DemoActivity;

static const DemoActivity aDemoActivity[] = {
    {"capacitacion",
     "Jornada de capacitación: Ley 20.500 y participación",
     "Formación para consejeras y consejeros sobre la Ley 20.500.",
     "2024-10-10",
     0,
     10,
     3,
     "presencial",
     "",
     "04102",
     "Salón SEREMI MINVU, Av. Costanera 1234",
     "SEREMI MINVU Coquimbo",
     "realizada",
     1,
     {2, 6, 0},
     {"Bienvenida", "Ley 20.500: derechos y deberes", "Preguntas", NULL}},
    {"sesion_ordinaria",
     "Sesión ordinaria de marzo",
     "Primera sesión ordinaria del año.",
     "2025-03-20",
     0,
     10,
     2,
     "presencial",
     "",
     "04101",
     "Oficina SERVIU, Calle Cirujano Videla 490",
     "Secretaría técnica",
     "realizada",
     1,
     {4, 0, 0},
     {"Lectura del acta anterior", "Cuenta de la presidenta",
      "Plan anual: avance", "Varios"}},
    {"reunion_autoridades",
     "Reunión con el Director SERVIU",
     "Presentación del consejo y sus prioridades.",
     "2025-04-10",
     0,
     11,
     1,
     "presencial",
     "",
     "04101",
     "Dirección SERVIU Región de Coquimbo",
     "Secretaría técnica",
     "realizada",
     1,
     {5, 0, 0},
     {NULL, NULL, NULL, NULL}},
    {"sesion_ordinaria",
     "Sesión ordinaria de mayo (en línea)",
     "Sesión por videoconferencia.",
     "2025-05-15",
     0,
     18,
     2,
     "virtual",
     "https://meet.example.cl/cosoc-mayo",
     "",
     "",
     "Secretaría técnica",
     "realizada",
     1,
     {4, 0, 0},
     {"Lectura del acta anterior", "Mesas de trabajo", NULL, NULL}},
    {"sesion_ordinaria",
     "Sesión ordinaria en Ovalle",
     "Sesión descentralizada del consejo en la provincia de Limarí.",
     NULL,
     14,
     10,
     2,
     "presencial",
     "",
     "04301",
     "Gobernación Provincial de Limarí, Vicuña Mackenna 412",
     "Secretaría técnica",
     "programada",
     1,
     {9, 4, 0},
     {"Lectura del acta anterior", "Vivienda en Limarí: estado de proyectos",
      "Varios", NULL}},
    {"sesion_ordinaria",
     "Sesión ordinaria del mes",
     "Sesión ordinaria en La Serena, también por videoconferencia.",
     NULL,
     7,
     15,
     2,
     "mixta",
     "https://meet.example.cl/cosoc-sesion",
     "04101",
     "Oficina SERVIU, Calle Cirujano Videla 490",
     "Secretaría técnica",
     "convocada",
     1,
     {4, 0, 0},
     {"Lectura del acta anterior", "Cuenta de la secretaría técnica", "Varios",
      NULL}},
    {"entrega_viviendas",
     "Entrega de viviendas Villa Los Aromos, Vicuña",
     "Ceremonia de entrega de 120 viviendas del DS49. Hay traslado desde "
     "La Serena y Coquimbo.",
     NULL,
     21,
     11,
     2,
     "presencial",
     "",
     "04106",
     "Villa Los Aromos, Vicuña",
     "SERVIU Región de Coquimbo",
     "programada",
     1,
     {1, 0, 0},
     {NULL, NULL, NULL, NULL}},
};

/* The UTC instant of hour iHour of zDate, or of today + iDaysAhead. */
static int64_t demo_start(const DemoActivity *d) {
  LocalTime lt;
  memset(&lt, 0, sizeof(lt));
  if (d->zDate) {
    sscanf(d->zDate, "%d-%d-%d", &lt.iYear, &lt.iMonth, &lt.iDay);
  } else {
    chile_time_from_utc(db_now() + (int64_t)d->iDaysAhead * 86400, &lt, NULL);
  }
  lt.iHour = d->iHour;
  lt.iMinute = lt.iSecond = 0;
  int64_t t = 0;
  chile_time_to_utc(&lt, &t);
  return t;
}

/* The convened session's invitations with a few replies, as if the
** citation had gone out: the links are not usable (random hashes) and no
** mail is queued. */
static int demo_replies(Db *pDb, Arena *pArena, int64_t iCouncil,
                        int64_t iAct) {
  static const struct {
    const char *zReply;
    const char *zPickup;
  } aReply[] = {{"confirma", "04301"},
                {"confirma", NULL},
                {"declina", NULL},
                {"quizas", NULL}};
  ConveneRecipient *aRec = NULL;
  int nRec = 0;
  if (convene_councillors(pDb, pArena, iCouncil, &aRec, &nRec) != DB_OK) {
    return DB_ERROR;
  }
  for (int i = 0; i < nRec; i++) {
    char zToken[ACCOUNTS_TOKEN_MAX], zHash[65];
    accounts_random_token(zToken);
    accounts_token_hash(zToken, zHash);
    int64_t iInv = 0;
    if (activity_invitation_upsert(pDb, iAct, aRec[i].iMember, 0,
                                   aRec[i].zEmail, aRec[i].zName, zHash, 0,
                                   &iInv) != DB_OK) {
      return DB_ERROR;
    }
    /* cosoc's record of that citation, sent two days ago. */
    if (activity_notice_add(pDb, iAct, "citacion", 0, 0, aRec[i].zEmail,
                            aRec[i].zName, 0) != DB_OK) {
      return DB_ERROR;
    }
    if (i < (int)(sizeof(aReply) / sizeof(aReply[0])) &&
        activity_invitation_reply(pDb, iInv, aReply[i].zReply,
                                  aReply[i].zPickup != NULL,
                                  aReply[i].zPickup) != DB_OK) {
      return DB_ERROR;
    }
  }
  return activity_notice_backdate(pDb, iAct, db_now() - 2 * 86400);
}

int demo_activities(Db *pDb, Arena *pArena) {
  int64_t iCouncil = council_default_id(pDb);
  if (!iCouncil) return DB_ERROR;
  for (size_t i = 0; i < sizeof(aDemoActivity) / sizeof(aDemoActivity[0]);
       i++) {
    const DemoActivity *d = &aDemoActivity[i];
    Activity a;
    memset(&a, 0, sizeof(a));
    a.zKind = d->zKind;
    a.zTitle = d->zTitle;
    a.zDescription = d->zDescription;
    a.iStart = demo_start(d);
    a.iEnd = a.iStart + (int64_t)d->nHours * 3600;
    a.zModality = d->zModality;
    a.zLink = d->zLink;
    a.zCommune = d->zCommune;
    a.zAddress = d->zAddress;
    a.zOrganizer = d->zOrganizer;
    a.zStatus = d->zStatus;
    a.bPublic = d->bPublic;
    if (demo_activity_add(pDb, iCouncil, &a, d->aLine, d->azAgenda) != DB_OK) {
      return DB_ERROR;
    }
    if (strcmp(d->zStatus, "convocada") == 0 &&
        demo_replies(pDb, pArena, iCouncil, a.id) != DB_OK) {
      return DB_ERROR;
    }
    if (strcmp(d->zKind, "entrega_viviendas") == 0 &&
        activity_vehicle_add(pDb, a.id, "Van SERVIU, patente KZ-TR-21",
                             "Pedro Alvarado", 12) != DB_OK) {
      return DB_ERROR;
    }
  }
  return DB_OK;
}
