/*
** The attendance sheet and the acta as PDFs, read back with Poppler: 60
** expected people each once across page breaks, on A4 and on Letter, with
** accents intact; the acta with every attendee, absence, agenda item and
** agreement, Markdown turned into text, and page numbers.
*/
#include "support.h"

#include "plan_fixture.h"

#include "export/acta_pdf.h"
#include "export/attendance_sheet.h"

#define N_PEOPLE 60

static const char *const azFirst[] = {"José",   "María", "Ñusta",
                                      "Álvaro", "Inés",  "Raúl"};
static const char *const azOrg[] = {"Junta de Vecinos Peñuelas",
                                    "Comité de Vivienda El Olivar",
                                    "Unión Comunal de Ovalle"};

static int count_of(const char *zText, const char *zWord) {
  int n = 0;
  for (const char *z = strstr(zText, zWord); z; z = strstr(z + 1, zWord)) n++;
  return n;
}

static const char *pdf_to_text(Arena *pArena, const char *zDir,
                               const char *zName, const char *z, size_t n) {
  const char *zPath = arena_printf(pArena, "%s/%s", zDir, zName);
  fixture_write(zPath, z, n);
  return fixture_run(pArena,
                     arena_printf(pArena, "pdftotext -layout '%s' -", zPath));
}

static const char *pdf_info(Arena *pArena, const char *zDir,
                            const char *zName) {
  return fixture_run(pArena,
                     arena_printf(pArena, "pdfinfo '%s/%s'", zDir, zName));
}

static SheetPerson *people(Arena *pArena) {
  SheetPerson *a = arena_alloc(pArena, sizeof(SheetPerson) * N_PEOPLE);
  for (int i = 0; i < N_PEOPLE; i++) {
    a[i].zName = arena_printf(pArena, "%s Peña %02d", azFirst[i % 6], i + 1);
    a[i].zOrganization = azOrg[i % 3];
    a[i].bTitular = i % 2 == 0;
    a[i].bCouncillor = i < N_PEOPLE - 2;
  }
  return a;
}

static void attendance_sheet_lists_sixty_people_once_on_a4_and_letter(
    void **state) {
  (void)state;
  Arena *pArena = arena_new();
  const char *zDir = fixture_dir(pArena);
  SheetPerson *a = people(pArena);
  const char *const azLine[] = {
      "4. Realizar a lo menos 5 reuniones presenciales o virtuales con los "
      "integrantes del Cosoc"};
  for (int bLetter = 0; bLetter <= 1; bLetter++) {
    SheetInput in = {
        .zCouncil = "COSOC Minvu Serviu Región de Coquimbo",
        .zActivity = "Tercera sesión ordinaria",
        .zWhen = "martes 12 de noviembre de 2024, 10:00 a 12:00 h",
        .zPlace = "Salón Serviu, Avenida Francisco de Aguirre 0240, La Serena",
        .nPlanLine = 1,
        .azPlanLine = azLine,
        .nPerson = N_PEOPLE,
        .aPerson = a,
        .nBlank = 3,
        .bLetter = bLetter,
    };
    const char *z = NULL;
    size_t n = 0;
    char zErr[200] = "";
    assert_int_equal(
        attendance_sheet_pdf(pArena, &in, &z, &n, zErr, sizeof(zErr)),
        EXPORT_OK);
    const char *zName = bLetter ? "sheet-letter.pdf" : "sheet-a4.pdf";
    const char *zText = pdf_to_text(pArena, zDir, zName, z, n);
    for (int i = 0; i < N_PEOPLE; i++) {
      if (count_of(zText, a[i].zName) != 1) {
        fail_msg("%s appears %d times", a[i].zName,
                 count_of(zText, a[i].zName));
      }
    }
    assert_non_null(strstr(zText, "Registro de asistencia"));
    assert_non_null(strstr(zText, "Región de Coquimbo"));
    assert_non_null(strstr(zText, "Tercera sesión ordinaria"));
    assert_non_null(strstr(zText, "Línea del plan: 4. Realizar"));
    assert_non_null(strstr(zText, "Francisco de Aguirre"));
    assert_non_null(strstr(zText, "Organización"));
    assert_non_null(strstr(zText, "Invitado/a"));
    assert_non_null(strstr(zText, "Suplente"));
    /* 60 people and 3 blank rows, numbered. */
    assert_non_null(strstr(zText, "63"));
    const char *zInfo = pdf_info(pArena, zDir, zName);
    int nPage = atoi(strstr(zInfo, "Pages:") + strlen("Pages:"));
    assert_true(nPage >= 3); /* Rows tall enough to sign: several pages */
    /* The header with "Firma" on every page. */
    assert_int_equal(count_of(zText, "Firma"), nPage);
    char zLast[40];
    snprintf(zLast, sizeof(zLast), "Página %d de %d", nPage, nPage);
    assert_non_null(strstr(zText, zLast));
    assert_non_null(
        strstr(zInfo, bLetter ? "612 x 792 pts" : "595.276 x 841.89 pts"));
  }
  fixture_cleanup(pArena, zDir);
  arena_free(pArena);
}

/* Issue 19: the sheet cosoc generates as the «asistencia» evidence marks
** each person present, absent or excused, says whom a suplente replaces,
** lists the guests and keeps the signature column for the printed copy. */
static void a_taken_attendance_sheet_marks_each_person_and_the_guests(
    void **state) {
  (void)state;
  Arena *pArena = arena_new();
  const char *zDir = fixture_dir(pArena);
  SheetPerson a[] = {
      {"Rosa Díaz", "Junta de Vecinos Peñuelas", 1, 1, NULL, "Presente"},
      {"Juan Pérez", "Comité El Olivar", 1, 1, NULL, "Ausencia justificada"},
      {"Ana Rojas", "Comité El Olivar", 0, 1, "Juan Pérez", "Presente"},
      {"Luis Soto", "Unión Comunal", 1, 1, NULL, "Ausente"},
      {"Carmen Vega", "Vecinos de Tierras Blancas", 0, 0, NULL, "Presente"},
  };
  SheetInput in = {
      .zCouncil = "COSOC Minvu Serviu Región de Coquimbo",
      .zActivity = "Sesión ordinaria",
      .zWhen = "jueves 10 de diciembre de 2026, 15:00 a 17:00 h",
      .nPerson = 5,
      .aPerson = a,
      .nBlank = 2,
      .zRecorded = "Asistencia registrada en cosoc el 10-12-2026.",
  };
  const char *z = NULL;
  size_t n = 0;
  char zErr[200] = "";
  assert_int_equal(
      attendance_sheet_pdf(pArena, &in, &z, &n, zErr, sizeof(zErr)), EXPORT_OK);
  const char *zText = pdf_to_text(pArena, zDir, "taken.pdf", z, n);
  assert_non_null(
      strstr(zText, "Asistencia registrada en cosoc el 10-12-2026"));
  assert_non_null(strstr(zText, "reemplaza a Juan"));
  assert_non_null(strstr(zText, "justificada"));
  assert_non_null(strstr(zText, "Ausente"));
  assert_non_null(strstr(zText, "Carmen Vega"));
  assert_non_null(strstr(zText, "Invitado/a"));
  assert_non_null(strstr(zText, "Firma"));
  assert_int_equal(count_of(zText, "Presente"), 3);
  fixture_cleanup(pArena, zDir);
  arena_free(pArena);
}

static void acta_pdf_has_every_attendee_item_and_agreement(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  const char *zDir = fixture_dir(pArena);
  ActaPdfPerson aPerson[N_PEOPLE];
  for (int i = 0; i < N_PEOPLE; i++) {
    ActaPdfPerson p = {
        .zName = arena_printf(pArena, "%s Núñez %02d", azFirst[i % 6], i + 1),
        .zOrganization = azOrg[i % 3],
        .zQuality = i % 2 ? "Suplente" : "Titular",
        .eAttendance = i % 5 == 0   ? ATTENDANCE_AUSENTE
                       : i % 7 == 0 ? ATTENDANCE_JUSTIFICADO
                                    : ATTENDANCE_PRESENTE,
    };
    aPerson[i] = p;
  }
  aPerson[1].zReplaces = "José Núñez 01";
  ActaPdfItem aItem[] = {
      {"Cuenta del Director Serviu",
       "Se informó el **avance** del *Plan de Emergencia Habitacional*:\n\n"
       "- Ovalle: 120 viviendas\n- Illapel: 45 viviendas\n\n"
       "<script>alert('x')</script>\n\n[Ver informe](javascript:alert(1))"},
      {"Mesa de trabajo con grupos de especial protección",
       "Se acordó convocar a organizaciones de personas mayores."},
      {"Varios", NULL},
      {"Texto que parece encabezado",
       "    # no es un encabezado\n\n```\n  # tampoco\n```\n"},
  };
  ActaPdfAgreement aAgree[] = {
      {"Solicitar a la Seremi un informe escrito sobre el avance del Plan de "
       "Emergencia Habitacional en la región.",
       1, 30, 2, 3, "Encargada PAC", "31-01-2025"},
      {"Realizar la próxima sesión en Ovalle.", 0, 0, 0, 0, "Directiva", NULL},
  };
  const char *const azLine[] = {"4. Reuniones con los integrantes del Cosoc"};
  ActaPdfInput in = {
      .zCouncil = "COSOC Minvu Serviu Región de Coquimbo",
      .zTitle = "Acta de la sesión ordinaria N° 3",
      .zWhen = "martes 12 de noviembre de 2024, 10:00 h",
      .zPlace = "La Serena",
      .zState = "Aprobada en la sesión del 10 de diciembre de 2024",
      .zQuorum =
          "Hay quórum: 7 de 12 consejeros titulares presentes (se "
          "requieren 7, mayoría absoluta).",
      .nPlanLine = 1,
      .azPlanLine = azLine,
      .nPerson = N_PEOPLE,
      .aPerson = aPerson,
      .nItem = 4,
      .aItem = aItem,
      .nAgreement = 2,
      .aAgreement = aAgree,
  };
  for (int bLetter = 0; bLetter <= 1; bLetter++) {
    in.bLetter = bLetter;
    const char *z = NULL;
    size_t n = 0;
    char zErr[200] = "";
    assert_int_equal(acta_pdf(pArena, &in, &z, &n, zErr, sizeof(zErr)),
                     EXPORT_OK);
    const char *zText = pdf_to_text(pArena, zDir, "acta.pdf", z, n);
    for (int i = 0; i < N_PEOPLE; i++) {
      if (count_of(zText, aPerson[i].zName) < 1) {
        fail_msg("missing %s", aPerson[i].zName);
      }
    }
    const char *azWant[] = {
        "Acta de la sesión ordinaria N° 3",
        "COSOC Minvu Serviu Región de Coquimbo",
        "Asistentes:",
        "Ausencias justificadas:",
        "Ausentes:",
        "en reemplazo de José Núñez 01",
        "Hay quórum: 7 de 12",
        "3.1 Cuenta del Director Serviu",
        "Se informó el avance del Plan de Emergencia Habitacional:",
        "• Ovalle: 120 viviendas",
        "3.2 Mesa de trabajo con grupos de especial protección",
        "3.3 Varios",
        "Solicitar a la Seremi",
        "30 a favor",
        "3 abstenciones",
        "Realizar la próxima sesión en Ovalle.",
        "Encargada PAC",
        "31-01-2025",
        "Página 1 de",
    };
    for (size_t i = 0; i < sizeof(azWant) / sizeof(azWant[0]); i++) {
      if (!strstr(zText, azWant[i])) fail_msg("missing «%s»", azWant[i]);
    }
    assert_null(strstr(zText, "**"));
    /* Our headings lose their "# "; user text that looks like one keeps
    ** it (pdftotext reads the no-break space as a space). */
    assert_null(strstr(zText, "# 4. Acuerdos"));
    assert_null(strstr(zText, "# 3.1"));
    assert_non_null(strstr(zText, "# no es un encabezado"));
    assert_non_null(strstr(zText, "# tampoco"));
    assert_non_null(strstr(zText, "4. Acuerdos"));
    assert_null(strstr(zText, "<script"));
    assert_null(strstr(zText, "alert"));
  }
  fixture_cleanup(pArena, zDir);
  arena_free(pArena);
}

static void acta_without_agreements_says_so(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  const char *zDir = fixture_dir(pArena);
  ActaPdfInput in = {.zCouncil = "COSOC", .zTitle = "Acta breve"};
  const char *z = NULL;
  size_t n = 0;
  char zErr[200] = "";
  assert_int_equal(acta_pdf(pArena, &in, &z, &n, zErr, sizeof(zErr)),
                   EXPORT_OK);
  const char *zText = pdf_to_text(pArena, zDir, "breve.pdf", z, n);
  assert_non_null(strstr(zText, "No se adoptaron acuerdos."));
  assert_non_null(strstr(zText, "Sin puntos en la tabla."));
  assert_non_null(strstr(zText, "Página 1 de 1"));
  fixture_cleanup(pArena, zDir);
  arena_free(pArena);
}

/* export_pdf()'s opt-in headings: "# " marks a heading only when asked. */
static void preamble_headings_are_opt_in(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  const char *zDir = fixture_dir(pArena);
  static const char *const azHeader[] = {"A"};
  static const char *const azCell[] = {"x"};
  ExportTable t = {.zTitle = "T",
                   .zPreamble = "# Sección uno\n\nTexto.",
                   .nCol = 1,
                   .azHeader = azHeader,
                   .nRow = 1,
                   .azCell = azCell};
  for (int bHeadings = 0; bHeadings <= 1; bHeadings++) {
    ExportPdfOptions opt = {.bPreambleHeadings = bHeadings};
    const char *z = NULL;
    size_t n = 0;
    char zErr[200] = "";
    assert_int_equal(export_pdf(pArena, &t, &opt, &z, &n, zErr, sizeof(zErr)),
                     EXPORT_OK);
    const char *zText = pdf_to_text(pArena, zDir, "h.pdf", z, n);
    assert_non_null(strstr(zText, "Sección uno"));
    assert_int_equal(strstr(zText, "# Sección uno") != NULL, !bHeadings);
  }
  fixture_cleanup(pArena, zDir);
  arena_free(pArena);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(
          attendance_sheet_lists_sixty_people_once_on_a4_and_letter),
      cmocka_unit_test(
          a_taken_attendance_sheet_marks_each_person_and_the_guests),
      cmocka_unit_test(acta_pdf_has_every_attendee_item_and_agreement),
      cmocka_unit_test(acta_without_agreements_says_so),
      cmocka_unit_test(preamble_headings_are_opt_in),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
