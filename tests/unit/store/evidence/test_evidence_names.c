/*
** The name an evidence file is saved under on someone's disk: the uploaded
** name with the extension of its checked content (evidence_download_name()).
*/
#include "support.h"

#include <string.h>

#include "store/evidence/evidence_store.h"

static void names_end_in_the_extension_of_the_content(void **state) {
  (void)state;
  static const struct {
    const char *zName, *zMime, *zWant;
  } aCase[] = {
      {"acta.pdf", "application/pdf", "acta.pdf"},
      {"acta.html", "application/pdf", "acta.pdf"},
      {"informe.pdf.bat", "application/pdf", "informe.pdf"},
      {"informe.exe.bat", "application/pdf", "informe.exe.pdf"},
      {"escaneo.PDF", "application/pdf", "escaneo.PDF"},
      {"escaneo", "application/pdf", "escaneo.pdf"},
      {"Foto.JPEG", "image/jpeg", "Foto.JPEG"},
      {"foto.jpg", "image/jpeg", "foto.jpg"},
      {"foto.svg", "image/jpeg", "foto.jpg"},
      {"foto.png", "image/jpeg", "foto.jpg"},
      {"logo.jpg", "image/png", "logo.png"},
      {"plano.webp", "image/webp", "plano.webp"},
      {"sesión 2.5", "image/png", "sesión 2.5.png"},
      {"acta final.v2", "application/pdf", "acta final.pdf"},
      {".pdf", "application/pdf", ".pdf.pdf"},
      {"reunión.documento", "application/pdf", "reunión.documento.pdf"},
      {"", "image/jpeg", "archivo.jpg"},
      {NULL, "application/pdf", "archivo.pdf"},
      /* A type that is not evidence is left alone. */
      {"nota.txt", "text/plain", "nota.txt"},
  };
  Arena *pArena = arena_new();
  for (size_t i = 0; i < sizeof(aCase) / sizeof(aCase[0]); i++) {
    const char *z =
        evidence_download_name(pArena, aCase[i].zName, aCase[i].zMime);
    if (strcmp(z, aCase[i].zWant) != 0) {
      fail_msg("«%s» (%s): «%s», not «%s»",
               aCase[i].zName ? aCase[i].zName : "(NULL)", aCase[i].zMime, z,
               aCase[i].zWant);
    }
  }
  arena_free(pArena);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(names_end_in_the_extension_of_the_content),
  };
  return cmocka_run_group_tests_name("evidence/names", tests, NULL, NULL);
}
