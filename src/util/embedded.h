/*
** Files compiled into the binary by tools/embed.c: static assets served
** under /static/ and the numbered SQL migrations.
*/
#ifndef COSOC_UTIL_EMBEDDED_H
#define COSOC_UTIL_EMBEDDED_H

#include <stddef.h>

typedef struct EmbeddedFile {
  const char *zName;          /* Base file name, e.g. "style.css" */
  const unsigned char *aData; /* Contents, NUL-terminated (not in nSize) */
  size_t nSize;               /* Number of bytes, without the NUL */
} EmbeddedFile;

/* Static assets (src/render/static/), sorted by name. */
extern const EmbeddedFile embedded_static[];
extern const int embedded_static_count;

/* SQL migrations (src/db/migrations/NNNN_name.sql), sorted by name. */
extern const EmbeddedFile embedded_migrations[];
extern const int embedded_migrations_count;

/* Seed documents (data/seeds/): the council's real plan for the demo. */
extern const EmbeddedFile embedded_seeds[];
extern const int embedded_seeds_count;

/* Common passwords refused as passwords (data/passwords/). */
extern const EmbeddedFile embedded_passwords[];
extern const int embedded_passwords_count;

/* The embedded file called zName in aTable, or NULL. */
const EmbeddedFile *embedded_find(const EmbeddedFile *aTable, const char *zName);

#endif
