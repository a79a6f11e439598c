/*
** The demo's Escuela de Dirigentes (cosoc demo): a course in progress for
** the plan's training line — four online modules, two held (with their
** attendance, one of them read from a videoconference's numbers) and two
** to come — with fourteen leaders of the region's three provinces
** enrolled, the enrolment page open, and no certificate yet (nobody has
** completed it). No mail is queued: the demo sends nothing by itself.
*/
#include <string.h>

#include "cli/cli.h"
#include "store/courses/courses.h"
#include "store/meetings/meetings.h"
#include "store/council/council.h"
#include "store/people/people.h"

typedef struct DemoLeader {
  const char *zName, *zRun, *zEmail, *zOrg, *zCommune;
  int bPhotos;
  int aPresent[2]; /* Modules 1 and 2 */
} DemoLeader;

static const DemoLeader aLeader[] = {
    {"Rosa Elena Carvajal Díaz",
     "10234567-8",
     "rosa.carvajal@example.cl",
     "Junta de Vecinos Las Compañías",
     "04101",
     1,
     {1, 1}},
    {"Manuel Ángel Torres Pizarro",
     "",
     "manuel.torres@example.cl",
     "Comité de Vivienda Nueva Esperanza",
     "04102",
     0,
     {1, 1}},
    {"Luisa Fernanda Rivera Castro",
     "",
     "luisa.rivera@example.cl",
     "Junta de Vecinos Villa El Sol",
     "04106",
     1,
     {1, 0}},
    {"Pedro Pablo Gallardo Rojas",
     "",
     "pedro.gallardo@example.cl",
     "Comité de Allegados Andacollo",
     "04103",
     1,
     {1, 1}},
    {"Carolina Andrea Michea Vega",
     "",
     "carolina.michea@example.cl",
     "Unión Comunal de Juntas de Vecinos de Ovalle",
     "04301",
     1,
     {1, 1}},
    {"Juan Esteban Cortés Araya",
     "",
     "juan.cortes@example.cl",
     "Comité de Vivienda Monte Patria",
     "04303",
     0,
     {0, 1}},
    {"Marta Inés Aguilera Rojo",
     "",
     "",
     "Junta de Vecinos Combarbalá Centro",
     "04302",
     1,
     {1, 1}},
    {"Sergio Iván Olivares Tapia",
     "",
     "sergio.olivares@example.cl",
     "Comité de Adelanto Punitaqui",
     "04304",
     1,
     {1, 0}},
    {"Patricia Soledad Ramos Díaz",
     "",
     "patricia.ramos@example.cl",
     "Junta de Vecinos Illapel Oriente",
     "04201",
     1,
     {1, 1}},
    {"Héctor Julio Vergara Muñoz",
     "",
     "hector.vergara@example.cl",
     "Comité de Vivienda Salamanca",
     "04204",
     0,
     {0, 0}},
    {"Ana Luisa Castillo Herrera",
     "",
     "ana.castillo@example.cl",
     "Junta de Vecinos Los Vilos",
     "04203",
     1,
     {1, 1}},
    {"Ricardo Andrés Pinto Leiva",
     "",
     "ricardo.pinto@example.cl",
     "Comité de Allegados Canela",
     "04202",
     1,
     {1, 0}},
    {"Gloria Estela Fuentes Rojas",
     "",
     "gloria.fuentes@example.cl",
     "Junta de Vecinos Las Compañías",
     "04101",
     1,
     {0, 1}},
    {"Nelson Arturo Díaz Campos",
     "",
     "nelson.diaz@example.cl",
     "Comité de Vivienda Río Hurtado",
     "04305",
     0,
     {1, 1}},
};

static const struct {
  const char *zTitle, *zSpeaker;
  int iDays; /* From today */
  int nMinutes[2];
} aModule[] = {
    {"Política habitacional y el Plan de Emergencia Habitacional",
     "Departamento de Operaciones Habitacionales, SERVIU",
     -14,
     {110, 95}},
    {"Participación ciudadana y la Ley 20.500",
     "Encargada de Participación Ciudadana",
     -7,
     {105, 100}},
    {"Liderazgo y organización comunitaria",
     "Equipo PAC SEREMI MINVU",
     7,
     {0, 0}},
    {"Cómo postular a programas de barrio y ciudad",
     "Departamento de Programas Urbanos, SERVIU",
     14,
     {0, 0}},
};

/* The plan line the demo's course serves: the training line of the
** council's seed plan. */
#define DEMO_COURSE_LINE 10

int demo_courses(Db *pDb, Arena *pArena) {
  int64_t iCouncil = council_default_id(pDb);
  if (!iCouncil) return DB_ERROR;
  Course c;
  memset(&c, 0, sizeof(c));
  c.zTitle = "Escuela de Dirigentes: vivienda, barrio y ciudad";
  c.zDescription =
      "Cuatro módulos en línea para dirigentes de organizaciones de vivienda, "
      "barrio y ciudad de las tres provincias de la región.";
  c.zProgramme =
      "1. **Política habitacional** y el Plan de Emergencia Habitacional.\n"
      "2. **Participación ciudadana**: la Ley 20.500 y los COSOC.\n"
      "3. **Liderazgo** y organización comunitaria.\n"
      "4. **Programas de barrio y ciudad**: cómo postular.\n";
  c.rule.eKind = COURSE_RULE_MODULES;
  c.rule.nValue = 3;
  c.nCapacity = 60;
  c.zEnrolOpens = c.zEnrolCloses = "";
  c.nLine = 1;
  c.aLine[0] = DEMO_COURSE_LINE;
  int rc = course_save(pDb, iCouncil, 0, &c);
  int64_t aiAct[4] = {0};
  int64_t now = db_now();
  for (int i = 0; i < 4 && rc == DB_OK; i++) {
    Activity a;
    memset(&a, 0, sizeof(a));
    a.zKind = COURSE_KIND_MODULE;
    a.zTitle = arena_printf(pArena, "Escuela de Dirigentes, módulo %d: %s",
                            i + 1, aModule[i].zTitle);
    a.zDescription = "";
    /* 19:00 in Chile, after work hours, two hours. */
    int64_t day = now - now % 86400 + (int64_t)aModule[i].iDays * 86400;
    a.iStart = day + 23 * 3600;
    a.iEnd = a.iStart + 2 * 3600;
    a.zModality = "virtual";
    a.zLink = arena_printf(pArena, "https://meet.example.cl/escuela-%d", i + 1);
    a.zCommune = a.zAddress = "";
    a.zOrganizer = "Encargada PAC";
    a.zStatus = aModule[i].iDays < 0 ? "realizada" : "programada";
    a.bPublic = 1;
    a.nLine = 1;
    a.aLine[0] = DEMO_COURSE_LINE;
    int64_t iModule;
    rc = course_module_add(pDb, iCouncil, 0, c.id, &a, aModule[i].zSpeaker,
                           &iModule);
    aiAct[i] = a.id;
  }
  int n = (int)(sizeof(aLeader) / sizeof(aLeader[0]));
  int64_t aiPart[sizeof(aLeader) / sizeof(aLeader[0])];
  for (int i = 0; i < n && rc == DB_OK; i++) {
    Participant p;
    memset(&p, 0, sizeof(p));
    p.zName = aLeader[i].zName;
    p.zRun = aLeader[i].zRun;
    p.zEmail = aLeader[i].zEmail;
    p.zPhone = "";
    p.zOrganization = aLeader[i].zOrg;
    p.iOrganization = people_org_find(pDb, iCouncil, NULL, aLeader[i].zOrg);
    p.zCommuneCode = aLeader[i].zCommune;
    int64_t iEnrol;
    int bAlready;
    rc = enrolment_add(pDb, iCouncil, 0, c.id, &p, aLeader[i].bPhotos,
                       "formulario", &iEnrol, &bAlready);
    aiPart[i] =
        rc == DB_OK ? enrolment_participant(pDb, iCouncil, c.id, iEnrol) : 0;
  }
  /* The two modules held: who was there (module 2 from the report's
  ** minutes). */
  for (int m = 0; m < 2 && rc == DB_OK; m++) {
    AttendanceEntry *a =
        arena_alloc(pArena, sizeof(AttendanceEntry) * (size_t)n);
    int *aiMin = arena_alloc(pArena, sizeof(int) * (size_t)n);
    for (int i = 0; i < n; i++) {
      memset(&a[i], 0, sizeof(a[i]));
      a[i].iParticipantId = aiPart[i];
      a[i].eStatus =
          aLeader[i].aPresent[m] ? ATTENDANCE_PRESENTE : ATTENDANCE_AUSENTE;
      aiMin[i] =
          m == 1 ? (aLeader[i].aPresent[m] ? aModule[m].nMinutes[i % 2] : 12)
                 : -1;
    }
    rc = meeting_attendance_replace_timed(pDb, aiAct[m], 0, a, n, NULL, NULL,
                                          aiMin);
  }
  return rc;
}
