/*
** cosoc rut VALUE… — checks Chilean RUT/RUN numbers: prints each one in
** its display form (12.345.678-5) or says why it is not valid, one line per
** value in the order given. Exit 1 when any is invalid. Needs no database.
*/
#include <stdio.h>

#include "cli/cli.h"
#include "domain/rut.h"

int cmd_rut(int argc, char **argv) {
  const char *azValue[256];
  int nValue = 0;
  int rc = cli_parse(argc, argv, 2, "rut",
                     "Uso: cosoc rut VALOR…\n\nValida cada RUT o RUN (módulo "
                     "11) y lo muestra normalizado (12.345.678-5), o explica "
                     "por qué no es válido. Acepta 12345678-5, 12.345.678-5 "
                     "y 123456785. Termina con código 1 si alguno no es "
                     "válido.",
                     NULL, 0, azValue, 256, &nValue);
  if (rc != CLI_OK) return rc == CLI_HELP_SHOWN ? 0 : rc;
  if (nValue == 0) {
    fprintf(stderr,
            "cosoc rut: indique al menos un RUT (vea cosoc rut --help)\n");
    return CLI_USAGE;
  }
  int bAllValid = 1;
  for (int i = 0; i < nValue; i++) {
    char zNorm[RUT_NORM_MAX], zDisplay[RUT_DISPLAY_MAX];
    const char *zReason = NULL;
    if (rut_parse(azValue[i], zNorm, &zReason)) {
      rut_format(zNorm, zDisplay);
      printf("%s\n", zDisplay);
    } else {
      printf("%s: no es válido: %s\n", azValue[i], zReason);
      bAllValid = 0;
    }
  }
  return bAllValid ? CLI_OK : CLI_FAIL;
}
