/*
** Catalogues of slugs with their Spanish labels: activity statuses and
** kinds, people's choices, the states of an acta, an agreement or a plan
** line, attendance. The slug is what is stored and what forms and the API
** carry (CONTRACT names, never translated); the label is what people read.
** One type and one lookup serve every catalogue, so a catalogue is data
** only. Pure: no allocation.
*/
#ifndef COSOC_DOMAIN_SLUG_H
#define COSOC_DOMAIN_SLUG_H

typedef struct SlugLabel {
  const char *zSlug;  /* Stored value, as in the API */
  const char *zLabel; /* Spanish, for pages and exports */
} SlugLabel;

/* The index of zSlug in a[0..n-1], or -1 when it is not there (or NULL). */
int slug_index(const SlugLabel *a, int n, const char *zSlug);

/* The label of zSlug in a[0..n-1], or NULL when it is not there. */
const char *slug_label(const SlugLabel *a, int n, const char *zSlug);

/* For a catalogue indexed by an enum: entry i, or entry iDefault when i is
** out of range (a value read from a damaged row reads as the default). */
const SlugLabel *slug_at(const SlugLabel *a, int n, int i, int iDefault);

#endif
