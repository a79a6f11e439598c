/*
** RUT/RUN validation and formatting (see rut.h).
*/
#include "domain/rut.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

char rut_check_digit(unsigned long iBody) {
  static const int aFactor[] = {2, 3, 4, 5, 6, 7};
  unsigned long iSum = 0;
  for (int i = 0; iBody > 0; i++, iBody /= 10) {
    iSum += (iBody % 10) * (unsigned long)aFactor[i % 6];
  }
  unsigned long iDigit = 11 - iSum % 11;
  if (iDigit == 11) return '0';
  if (iDigit == 10) return 'K';
  return (char)('0' + iDigit);
}

/* Wrong check digits name the right one: an officer copying from paper
** sees at once whether the number or the digit was mistyped. */
static const char *wrong_digit_reason(char cWant) {
  static const char *const azReason[] = {
      "el dígito verificador no corresponde (debería ser 0)",
      "el dígito verificador no corresponde (debería ser 1)",
      "el dígito verificador no corresponde (debería ser 2)",
      "el dígito verificador no corresponde (debería ser 3)",
      "el dígito verificador no corresponde (debería ser 4)",
      "el dígito verificador no corresponde (debería ser 5)",
      "el dígito verificador no corresponde (debería ser 6)",
      "el dígito verificador no corresponde (debería ser 7)",
      "el dígito verificador no corresponde (debería ser 8)",
      "el dígito verificador no corresponde (debería ser 9)",
      "el dígito verificador no corresponde (debería ser K)",
  };
  return azReason[cWant == 'K' ? 10 : cWant - '0'];
}

/* Why an input is refused, where two checks give the same reason. */
#define RUT_WHY_FOREIGN "contiene caracteres que no son parte de un RUT"
#define RUT_WHY_TOO_LONG "es demasiado largo"

/* rut_parse's answer for an input it refuses: 0, with the reason. */
static int refused(const char **pzReason, const char *zReason) {
  if (pzReason) *pzReason = zReason;
  return 0;
}

int rut_parse(const char *zInput, char zNorm[RUT_NORM_MAX],
              const char **pzReason) {
  char aChar[RUT_INPUT_MAX + 1]; /* Digits and check digit, no separators */
  int nChar = 0, nHyphen = 0;
  zNorm[0] = 0;
  if (!zInput) zInput = "";
  size_t nInput = strlen(zInput);
  while (nInput > 0 && isspace((unsigned char)zInput[nInput - 1])) nInput--;
  while (nInput > 0 && isspace((unsigned char)*zInput)) zInput++, nInput--;
  if (nInput == 0) return refused(pzReason, "está vacío");
  if (nInput > RUT_INPUT_MAX) return refused(pzReason, RUT_WHY_TOO_LONG);
  for (size_t i = 0; i < nInput; i++) {
    unsigned char c = (unsigned char)zInput[i];
    if (c == '.') continue;
    if (c == '-') {
      /* The hyphen may only come right before the check digit. */
      if (++nHyphen > 1 || i + 2 != nInput)
        return refused(pzReason, "tiene el guion fuera de lugar");
      continue;
    }
    int bDigit = isdigit(c);
    int bK = (c == 'k' || c == 'K') && i + 1 == nInput;
    if (!bDigit && !bK) return refused(pzReason, RUT_WHY_FOREIGN);
    aChar[nChar++] = (char)toupper(c);
  }
  if (nChar < 2) return refused(pzReason, "es demasiado corto");
  /* Leading zeros do not count ("05.123.456-K" is 5.123.456-K). */
  int iStart = 0;
  while (iStart < nChar - 1 && aChar[iStart] == '0') iStart++;
  int nBody = nChar - 1 - iStart;
  if (nBody == 0) return refused(pzReason, "no puede ser cero");
  if (nBody > RUT_BODY_DIGITS) return refused(pzReason, RUT_WHY_TOO_LONG);
  unsigned long iBody = 0;
  for (int i = iStart; i < nChar - 1; i++) {
    if (aChar[i] == 'K') return refused(pzReason, RUT_WHY_FOREIGN);
    iBody = iBody * 10 + (unsigned long)(aChar[i] - '0');
  }
  char cWant = rut_check_digit(iBody);
  if (aChar[nChar - 1] != cWant)
    return refused(pzReason, wrong_digit_reason(cWant));
  snprintf(zNorm, RUT_NORM_MAX, "%lu-%c", iBody, cWant);
  if (pzReason) *pzReason = NULL;
  return 1;
}

void rut_format(const char *zRut, char zOut[RUT_DISPLAY_MAX]) {
  char zNorm[RUT_NORM_MAX];
  zOut[0] = 0;
  if (!rut_parse(zRut, zNorm, NULL)) return;
  const char *zHyphen = strchr(zNorm, '-');
  int nBody = (int)(zHyphen - zNorm);
  int j = 0;
  for (int i = 0; i < nBody; i++) {
    if (i > 0 && (nBody - i) % 3 == 0) zOut[j++] = '.';
    zOut[j++] = zNorm[i];
  }
  zOut[j++] = '-';
  zOut[j++] = zHyphen[1];
  zOut[j] = 0;
}
