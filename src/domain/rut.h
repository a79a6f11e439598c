/*
** Chilean RUT/RUN: one validator and formatter (módulo 11) for people and
** organizations alike.
**
** Input is accepted as people type it: "12345678-5", "12.345.678-5",
** "123456785", with a lower-case "k" and surrounding spaces. The stored form
** is digits, a hyphen and the upper-case check digit ("12345678-5"); the
** displayed form adds thousands dots ("12.345.678-5").
**
** Pure functions: no SQL, no HTTP, no allocation.
*/
#ifndef COSOC_DOMAIN_RUT_H
#define COSOC_DOMAIN_RUT_H

#define RUT_INPUT_MAX 20   /* Longer input is refused as overlong */
#define RUT_BODY_DIGITS 9  /* At most this many digits before the check digit \
                            */
#define RUT_NORM_MAX 12    /* "123456789-K" plus NUL */
#define RUT_DISPLAY_MAX 15 /* "123.456.789-K" plus NUL */

/* Parses zInput. On success returns 1 and writes the stored form into zNorm;
** otherwise returns 0 and points *pzReason (may be NULL) at a Spanish
** sentence fragment saying why ("el dígito verificador no corresponde"). */
int rut_parse(const char *zInput, char zNorm[RUT_NORM_MAX],
              const char **pzReason);

/* The check digit ('0'-'9' or 'K') of a RUT number. */
char rut_check_digit(unsigned long iBody);

/* The display form of a stored (or any valid) RUT; "" when zRut is not
** valid. */
void rut_format(const char *zRut, char zOut[RUT_DISPLAY_MAX]);

#endif
