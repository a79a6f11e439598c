/*
** Test fixture for the export tests: the council's real plan (the ten
** lines of data/seeds/plan-anual-cosoc-minvu-serviu-coquimbo-2024-2025.txt,
** as clean text) and helpers to hand files to readers no one here wrote
** (pdftotext, pdfinfo, Python's openpyxl) and read their answers.
*/
#ifndef COSOC_TESTS_UNIT_EXPORT_PLAN_FIXTURE_H
#define COSOC_TESTS_UNIT_EXPORT_PLAN_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "export/export.h"

#define PLAN_NCOL 6
#define PLAN_NROW 10

static const char *const azPlanHeader[PLAN_NCOL] = {
    "N°", "OBJETIVO", "ACCIONES", "RESPONSABLES", "VERIFICADOR", "FECHAS"};
static const double aPlanWidth[PLAN_NCOL] = {0.5, 3, 3, 2, 1.7, 1.5};

static const char *const azPlanCell[PLAN_NROW * PLAN_NCOL] = {
    "1",
    "Incorporar a los consejeros/as en las actividades de entrega de "
    "viviendas, inauguración de espacios públicos y otras acciones que "
    "permitan involucrarlos activamente en el quehacer ministerial.",
    "Mantener a Consejeros/as informados sobre fechas de actividades "
    "(entrega de subsidios, inauguración espacios públicos, inicio de "
    "programas en barrios) y tratar en lo posible de coordinar locomoción "
    "para algunas de estas actividades",
    "Encargada PAC en coordinación con equipos de Gabinete y Comunicaciones "
    "Seremi-Serviu",
    "• Invitación\n• Fotografías",
    "Se agendarán según corresponda",

    "2",
    "Ofrecer instancias formativas destinadas al COSOC, que les permita "
    "adquirir el conocimiento necesario para poder participar, en lo que "
    "corresponda, de la implementación del Plan de Emergencia Habitacional y "
    "en la gestión institucional de manera transversal.",
    "Jornadas de Capacitación y Formación dirigidas a los integrantes del "
    "COSOC sobre avances PEH en la región, Política Habitacional y otras "
    "materias ministeriales que los consejeros consideren necesarias.",
    "Encargada PAC en coordinación con jefes de Departamento Serviu, según "
    "corresponda.",
    "• Convocatoria\n• Asistencia\n• Fotografías",
    "Segundo Semestre 2024",

    "3",
    "Formar mesas de trabajo en temáticas de vivienda con distintos grupos "
    "de especial protección (Adulto mayor, personas en situación de "
    "discapacidad, pueblos originarios, diversidades sexo genéricas)",
    "Generar diálogos participativos con representantes de los GEP para "
    "saber sus necesidades y poder entregarles orientación y formación sobre "
    "la Política habitacional y los distintos beneficios a los que puedan "
    "acceder.",
    "Encargada PAC\nDirector Serviu\nCOSOC MINVU - Serviu",
    "• Invitación\n• Asistencia\n• Fotografías",
    "Primer Semestre 2025",

    "4",
    "Acercar la opinión y problemáticas de la ciudadanía en relación con los "
    "objetivos ministeriales a través de los integrantes del COSOC Minvu "
    "Serviu a la institucionalidad y autoridades de la cartera",
    "Realizar a los menos 5 reuniones presenciales o virtuales con los "
    "integrantes del Cosoc, mientras dure su vigencia",
    "Encargada PAC",
    "• Citación\n• Asistencia\n• Fotografías\n• Actas",
    "Durante el Periodo 2024-2025",

    "5",
    "Promocionar y Difundir el Trabajo del Consejo de la Sociedad Civil, "
    "procurando que éste pueda llevar el seguimiento del avance del Plan de "
    "Emergencia Habitacional en la región.",
    "Desarrollar a lo menos 2 reuniones de trabajo citando a las autoridades "
    "regionales Seremi Serviu, para exponer el plan de trabajo y solicitar "
    "que den cuenta del Plan de Emergencia Habitacional",
    "Encargada PAC\nGabinete Seremi y Serviu",
    "• Citación\n• Asistencia\n• Fotografías\n• Actas",
    "Durante el Periodo 2024-2025",

    "6",
    "Generar Instancias de Formación y actualización permanente a los "
    "integrantes del COSOC",
    "Realizar o Coordinar Charla sobre Participación e incidencia en las "
    "Políticas Públicas (Ley 20.500) profundizando en los mecanismos de la "
    "Ley en la gestión del servicio.",
    "Encargada PAC",
    "• Citación\n• Asistencia\n• Fotografías\n• Acta",
    "Primer Semestre 2025",

    "7",
    "Aportar a la comunidad con temáticas como el reciclaje en condominios o "
    "espacios públicos bajo el concepto del Buen Vivir",
    "Realizar un Plan Piloto de reciclaje en alguno de los territorios "
    "propuestos por los integrantes del COSOC",
    "Encargada PAC\nCOSOC MINVU- Serviu",
    "• Asistencia\n• Fotografías\n• Informe de estrategia de Desarrollo o "
    "Plan de Trabajo",
    "Primer Semestre 2025",

    "8",
    "Difundir el Consejo de la Sociedad Civil Minvu Serviu 2024-2026, sus "
    "integrantes y el Plan de Trabajo con las autoridades, parlamentarios y "
    "servicios de la región que se consideren relevantes.",
    "Hacer un catastro con las autoridades y servicios de la región con los "
    "que es de interés reunirse.",
    "COSOC MINVU- Serviu con apoyo de Encargada PAC",
    "• Citación\n• Asistencia\n• Fotografías\n• Acta",
    "Durante el Periodo 2024-2025",

    "9",
    "Descentralizar representatividad y funcionamiento del Cosoc, procurando "
    "tener actividades fuera de la comuna de la serena.",
    "Realizar a lo menos 2 sesiones o actividades propias del Cosoc en "
    "comunas distintas a La Serena",
    "Encargada PAC\nCOSOC MINVU- Serviu",
    "• Citación\n• Asistencia\n• Fotografías\n• Acta",
    "Durante el Periodo 2024-2025",

    "10",
    "Generar procesos de formación de liderazgos de organizaciones de "
    "vivienda, barrio y ciudad.",
    "Realizar Escuela de Dirigentes, con distintos módulos, de manera On "
    "Line para abarcar dirigentes de las 3 provincias",
    "Encargada PAC\nJefes de Departamentos\nEquipo de Comunicaciones PAC "
    "Seremi\nDirector y Seremi",
    "• Programa de Formación\n• Convocatoria\n• Asistencia\n• Fotografías",
    "Primer Semestre 2025",
};

static const char zPlanTitle[] = "PLAN ANUAL COSOC MINVU SERVIU 2024-2025";
static const char zPlanSubtitle[] =
    "Consejo de la Sociedad Civil Minvu Serviu – Región de Coquimbo";
static const char zPlanPreamble[] =
    "El consejo de la sociedad civil, es un mecanismo de participación "
    "ciudadana de carácter consultivo, conformado por organizaciones sin "
    "fines de lucro.\n"
    "\n"
    "Según el Oficio N°1 de fecha 04.01.2023, se presenta el siguiente Plan "
    "Anual de Trabajo 2024 - 2025 para el COSOC Minvu Serviu de la Región de "
    "Coquimbo.\n"
    "\n"
    "Objetivos del plan:\n"
    "1.- Ofrecer instancias formativas destinadas al COSOC.\n"
    "6.- Descentralizar representatividad y funcionamiento del Cosoc.";

static inline ExportTable plan_table(void) {
  ExportTable t = {0};
  t.zTitle = zPlanTitle;
  t.zSubtitle = zPlanSubtitle;
  t.zPreamble = zPlanPreamble;
  t.nCol = PLAN_NCOL;
  t.azHeader = azPlanHeader;
  t.aWidth = aPlanWidth;
  t.nRow = PLAN_NROW;
  t.azCell = azPlanCell;
  return t;
}

/* A fresh private directory for this test program's files. */
static inline const char *fixture_dir(Arena *pArena) {
  const char *zBase = getenv("TMPDIR");
  char *zDir = arena_printf(pArena, "%s/cosoc-export-test-XXXXXX",
                            zBase && *zBase ? zBase : "/tmp");
  if (!mkdtemp(zDir)) return NULL;
  return zDir;
}

static inline void fixture_write(const char *zPath, const char *z, size_t n) {
  FILE *pFile = fopen(zPath, "wb");
  assert_non_null(pFile);
  assert_int_equal(fwrite(z, 1, n, pFile), n);
  assert_int_equal(fclose(pFile), 0);
}

/* Everything zCmd prints on stdout (it must exit 0). */
static inline const char *fixture_run(Arena *pArena, const char *zCmd) {
  FILE *pPipe = popen(zCmd, "r");
  assert_non_null(pPipe);
  Buf b;
  buf_init(&b, pArena);
  char aBuf[4096];
  size_t n;
  while ((n = fread(aBuf, 1, sizeof(aBuf), pPipe)) > 0) buf_append(&b, aBuf, n);
  int rc = pclose(pPipe);
  if (rc != 0) fprintf(stderr, "command failed (%d): %s\n", rc, zCmd);
  assert_int_equal(rc, 0);
  return buf_str(&b);
}

/* Removes the files of fixture_dir() (flat) and the directory. */
static inline void fixture_cleanup(Arena *pArena, const char *zDir) {
  fixture_run(pArena, arena_printf(pArena, "rm -rf '%s'", zDir));
}

#endif
