/*
** The e-mail address rule (see email.h).
*/
#include "domain/email.h"

#include <ctype.h>
#include <string.h>

const char *email_problem(const char *zEmail) {
  if (!zEmail || !*zEmail) return "Escriba un correo electrónico.";
  size_t n = strlen(zEmail);
  if (n > 254) return "El correo electrónico es demasiado largo.";
  const char *zAt = strchr(zEmail, '@');
  if (!zAt || zAt == zEmail || strchr(zAt + 1, '@')) {
    return "Escriba un correo electrónico válido, como nombre@ejemplo.cl.";
  }
  const char *zDot = strchr(zAt + 1, '.');
  if (!zDot || zDot == zAt + 1 || zDot[1] == 0 || zEmail[n - 1] == '.') {
    return "Escriba un correo electrónico válido, como nombre@ejemplo.cl.";
  }
  for (const char *z = zEmail; *z; z++) {
    unsigned char c = (unsigned char)*z;
    if (c <= ' ' || c == 0x7f || c == '<' || c == '>' || c == '"' || c == ',' ||
        c == ';') {
      return "El correo electrónico no puede tener espacios ni los signos "
             "< > \" , ;";
    }
  }
  return NULL;
}

const char *email_normalize(Arena *pArena, const char *zEmail) {
  char *z = arena_strdup(pArena, zEmail ? zEmail : "");
  for (char *p = z; *p; p++) *p = (char)tolower((unsigned char)*p);
  return z;
}
