/*
** The people part of `cosoc demo`: a handful of invented organizations and
** councillors spread over the three provinces of the Coquimbo region, and a
** few entries of the directory of authorities. Names are invented; RUNs
** are made valid from invented numbers.
*/
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/rut.h"
#include "store/people/people.h"

typedef struct DemoOrg {
  const char *zName;
  const char *zKind;
  unsigned long iRut;   /* RUT number; its check digit is computed */
  const char *zCommune; /* CUT code */
  const char *zContact;
} DemoOrg;

static const DemoOrg aDemoOrg[] = {
    {"Junta de Vecinos Villa Las Compañías", "junta_vecinos", 65012345, "04101",
     "Rosa Araya"},
    {"Comité de Vivienda Nuevo Amanecer de Vicuña", "comite_vivienda", 65023456,
     "04106", "Luis Castillo"},
    {"Unión Comunal de Juntas de Vecinos de Ovalle", "union_comunal", 65034567,
     "04301", "Carmen Olivares"},
    {"Comité de Allegados Esperanza de Monte Patria", "comite_allegados",
     65045678, "04303", "Juan Cortés"},
    {"Cooperativa de Vivienda Choapa Unido", "cooperativa", 65056789, "04201",
     "Patricia Tapia"},
    {"Fundación Techo Digno Los Vilos", "fundacion", 65067890, "04203",
     "Andrés Rojas"},
};

typedef struct DemoMember {
  const char *zFirst, *zLast;
  unsigned long iRun;
  const char *zEmail, *zPhone, *zCommune, *zGender;
  int iOrg; /* Index in aDemoOrg */
  const char *zRole;
  int iTitularOf; /* -1 titular; else index of the titular in aDemoMember */
} DemoMember;

static const DemoMember aDemoMember[] = {
    {"María Eugenia", "Pizarro Alfaro", 9876543, "maria.pizarro@demo.cosoc.cl",
     "+56 9 8765 4321", "04101", "femenino", 0, "presidente", -1},
    {"Jorge Andrés", "Rivera Muñoz", 11223344, "jorge.rivera@demo.cosoc.cl",
     "+56 9 7654 3210", "04106", "masculino", 1, "vicepresidente", -1},
    {"Ximena", "Cortés Vega", 12334455, "ximena.cortes@demo.cosoc.cl",
     "+56 9 6543 2109", "04301", "femenino", 2, "secretario", -1},
    {"Héctor", "Valdivia Rojas", 8765432, "hector.valdivia@demo.cosoc.cl",
     "+56 9 5432 1098", "04303", "masculino", 3, "consejero", -1},
    {"Gladys del Carmen", "Tapia Barraza", 10987654,
     "gladys.tapia@demo.cosoc.cl", "+56 9 4321 0987", "04201", "femenino", 4,
     "consejero", -1},
    {"Claudio", "Ahumada Flores", 13445566, "claudio.ahumada@demo.cosoc.cl",
     "+56 9 3210 9876", "04203", "masculino", 5, "consejero", -1},
    {"Verónica", "Díaz Contreras", 15556677, "veronica.diaz@demo.cosoc.cl",
     "+56 9 2109 8765", "04102", "femenino", 0, "consejero", 0},
    {"Luis Alberto", "Godoy Carvajal", 14667788, "luis.godoy@demo.cosoc.cl",
     "+56 9 1098 7654", "04301", "masculino", 2, "consejero", 2},
};

typedef struct DemoDirectory {
  const char *zPerson, *zPosition, *zInstitution, *zKind, *zProvince, *zCommune,
      *zReason, *zStatus;
} DemoDirectory;

static const DemoDirectory aDemoDirectory[] = {
    {"", "Seremi de Vivienda y Urbanismo", "Seremi Minvu Región de Coquimbo",
     "seremi", "", "",
     "Presentar el plan anual y acordar reuniones "
     "semestrales.",
     "reunion_agendada"},
    {"", "Director regional", "Serviu Región de Coquimbo", "serviu", "", "",
     "Conocer el avance de los proyectos habitacionales.", "contactado"},
    {"", "Departamento de Vivienda", "Municipalidad de Ovalle", "municipio", "",
     "04301", "Coordinar una sesión del consejo en Ovalle.", "por_contactar"},
    {"Diputada (ejemplo)", "Diputada por el distrito 5",
     "Cámara de Diputadas y Diputados", "parlamentario", "", "",
     "Informar sobre la agenda legislativa de vivienda.", "por_contactar"},
    {"", "Delegado presidencial provincial",
     "Delegación Presidencial "
     "Provincial de Choapa",
     "delegacion_presidencial", "042", "", "Incorporar a dirigentes de Choapa.",
     "por_contactar"},
};

int demo_people(Db *pDb, Arena *pArena) {
  int64_t iCouncil = council_default_id(pDb);
  int64_t aiOrg[sizeof(aDemoOrg) / sizeof(aDemoOrg[0])];
  int64_t aiMember[sizeof(aDemoMember) / sizeof(aDemoMember[0])];
  if (!iCouncil) return DB_ERROR;
  for (size_t i = 0; i < sizeof(aDemoOrg) / sizeof(aDemoOrg[0]); i++) {
    const DemoOrg *d = &aDemoOrg[i];
    Organization o;
    memset(&o, 0, sizeof(o));
    o.zName = d->zName;
    o.zKind = d->zKind;
    o.zRut = arena_printf(pArena, "%lu-%c", d->iRut, rut_check_digit(d->iRut));
    o.zLegalNumber = arena_printf(pArena, "%zu", 1200 + i * 37);
    o.zCommuneCode = d->zCommune;
    o.zContactName = d->zContact;
    o.zEmail = "";
    o.zPhone = "";
    o.bMember = 1;
    if (people_org_save(pDb, iCouncil, &o) != DB_OK) return DB_ERROR;
    aiOrg[i] = o.id;
  }
  for (size_t i = 0; i < sizeof(aDemoMember) / sizeof(aDemoMember[0]); i++) {
    const DemoMember *d = &aDemoMember[i];
    Member m;
    memset(&m, 0, sizeof(m));
    m.zFirstNames = d->zFirst;
    m.zLastNames = d->zLast;
    m.zRun = arena_printf(pArena, "%lu-%c", d->iRun, rut_check_digit(d->iRun));
    m.zEmail = d->zEmail;
    m.zPhone = d->zPhone;
    m.zCommuneCode = d->zCommune;
    m.zGender = d->zGender;
    m.iOrganization = aiOrg[d->iOrg];
    m.zRole = d->zRole;
    m.bTitular = d->iTitularOf < 0;
    m.iSubstituteFor = d->iTitularOf < 0 ? 0 : aiMember[d->iTitularOf];
    m.zTermStart = "2024-03-01";
    m.zTermEnd = "2028-02-29";
    m.zStatus = "vigente";
    m.zStatusDate = "";
    m.zStatusReason = "";
    if (people_member_save(pDb, iCouncil, &m) != DB_OK) return DB_ERROR;
    aiMember[i] = m.id;
  }
  for (size_t i = 0; i < sizeof(aDemoDirectory) / sizeof(aDemoDirectory[0]);
       i++) {
    const DemoDirectory *d = &aDemoDirectory[i];
    DirectoryEntry e;
    memset(&e, 0, sizeof(e));
    e.zPersonName = d->zPerson;
    e.zPosition = d->zPosition;
    e.zInstitution = d->zInstitution;
    e.zKind = d->zKind;
    e.zProvinceCode =
        d->zCommune[0] ? arena_strndup(pArena, d->zCommune, 3) : d->zProvince;
    e.zCommuneCode = d->zCommune;
    e.zEmail = "";
    e.zPhone = "";
    e.zReason = d->zReason;
    e.zStatus = d->zStatus;
    if (people_directory_save(pDb, iCouncil, &e) != DB_OK) return DB_ERROR;
  }
  return DB_OK;
}
