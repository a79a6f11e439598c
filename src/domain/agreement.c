/*
** Agreement rules (see agreement.h). Pure: no SQL, no HTTP, no clock;
** memory only from the caller's arena.
*/
#include "domain/agreement.h"

#include <stdlib.h>
#include <string.h>

#include "domain/slug.h"

#define AGREEMENT_NO_RESPONSIBLE "Sin responsable"

static const SlugLabel aState[AGREEMENT_N_STATE] = {
    {"pendiente", "Pendiente"},
    {"en_curso", "En curso"},
    {"cumplido", "Cumplido"},
    {"descartado", "Descartado"},
};

int agreement_state_parse(const char *zSlug, AgreementState *pe) {
  int i = slug_index(aState, AGREEMENT_N_STATE, zSlug);
  if (i < 0) return -1;
  *pe = (AgreementState)i;
  return 0;
}

static int state_valid(AgreementState e) {
  return (int)e >= 0 && (int)e < AGREEMENT_N_STATE;
}

const char *agreement_state_slug(AgreementState e) {
  return slug_at(aState, AGREEMENT_N_STATE, (int)e, AGREEMENT_PENDIENTE)->zSlug;
}

const char *agreement_state_label(AgreementState e) {
  return slug_at(aState, AGREEMENT_N_STATE, (int)e, AGREEMENT_PENDIENTE)
      ->zLabel;
}

int agreement_state_is_open(AgreementState e) {
  return e == AGREEMENT_PENDIENTE || e == AGREEMENT_EN_CURSO;
}

int agreement_transition_check(AgreementState eFrom, AgreementState eTo,
                               const char **pzWhy) {
  const char *zWhy = NULL;
  if (!state_valid(eFrom) || !state_valid(eTo)) {
    zWhy = "El estado del acuerdo no es válido.";
  } else if (eFrom == eTo) {
    zWhy = "El acuerdo ya está en ese estado.";
  } else if (agreement_state_is_open(eFrom)) {
    return AGREEMENT_OK; /* Open: any other state */
  } else if (eFrom == AGREEMENT_CUMPLIDO && eTo == AGREEMENT_EN_CURSO) {
    return AGREEMENT_OK; /* Reopened: it was not really done */
  } else if (eFrom == AGREEMENT_DESCARTADO && eTo == AGREEMENT_PENDIENTE) {
    return AGREEMENT_OK; /* Taken up again */
  } else if (eFrom == AGREEMENT_CUMPLIDO) {
    zWhy = "Un acuerdo cumplido solo puede reabrirse como «En curso».";
  } else {
    zWhy = "Un acuerdo descartado solo puede retomarse como «Pendiente».";
  }
  if (pzWhy) *pzWhy = zWhy;
  return AGREEMENT_REFUSED;
}

static int digits(const char *z, int n) {
  int v = 0;
  for (int i = 0; i < n; i++) {
    if (z[i] < '0' || z[i] > '9') return -1;
    v = v * 10 + (z[i] - '0');
  }
  return v;
}

int agreement_date_valid(const char *z) {
  if (!z || strlen(z) != 10 || z[4] != '-' || z[7] != '-') return 0;
  int y = digits(z, 4), m = digits(z + 5, 2), d = digits(z + 8, 2);
  if (y < 1 || m < 1 || m > 12 || d < 1) return 0;
  static const int aDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int nDays = aDays[m - 1];
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) nDays = 29;
  return d <= nDays;
}

int agreement_is_overdue(AgreementState e, const char *zDue,
                         const char *zAsOf) {
  if (!agreement_state_is_open(e)) return 0;
  if (!agreement_date_valid(zDue) || !agreement_date_valid(zAsOf)) return 0;
  /* Same fixed-width format: byte order is date order. */
  return strcmp(zDue, zAsOf) < 0;
}

AgreementBucket agreement_bucket(const AgreementItem *p, const char *zAsOf) {
  if (p->eState == AGREEMENT_CUMPLIDO) return AGREEMENT_BUCKET_DONE;
  if (p->eState == AGREEMENT_DESCARTADO) return AGREEMENT_BUCKET_DISCARDED;
  if (agreement_is_overdue(p->eState, p->zDue, zAsOf)) {
    return AGREEMENT_BUCKET_OVERDUE;
  }
  return AGREEMENT_BUCKET_OPEN;
}

const char *agreement_bucket_label(AgreementBucket e) {
  switch (e) {
    case AGREEMENT_BUCKET_OVERDUE:
      return "Atrasados";
    case AGREEMENT_BUCKET_OPEN:
      return "Abiertos";
    case AGREEMENT_BUCKET_DONE:
      return "Cumplidos";
    case AGREEMENT_BUCKET_DISCARDED:
      return "Descartados";
  }
  return "Abiertos";
}

/* Sort context: qsort has no closure, so each key carries what it needs. */
typedef struct SortKey {
  int i;                   /* Index into the caller's array */
  const char *zWho;        /* Responsible as grouped */
  int bNobody;             /* No responsible: sorts last */
  AgreementBucket eBucket; /* Bucket */
  const char *zDue;        /* Valid due date or NULL */
} SortKey;

static int due_cmp(const char *a, const char *b) {
  if (!a || !b) return (a == NULL) - (b == NULL); /* None last */
  return strcmp(a, b);
}

static int key_cmp(const void *pA, const void *pB) {
  const SortKey *a = pA, *b = pB;
  if (a->bNobody != b->bNobody) return a->bNobody - b->bNobody;
  int c = strcmp(a->zWho, b->zWho);
  if (c) return c;
  if (a->eBucket != b->eBucket) return (int)a->eBucket - (int)b->eBucket;
  if (a->eBucket <= AGREEMENT_BUCKET_OPEN) {
    c = due_cmp(a->zDue, b->zDue);
    if (c) return c;
  }
  return a->i - b->i;
}

static SortKey *sort_keys(Arena *pArena, const AgreementItem *a, int n,
                          const char *zAsOf) {
  SortKey *aKey = arena_alloc(pArena, sizeof(SortKey) * (size_t)(n + 1));
  for (int i = 0; i < n; i++) {
    const char *zWho = a[i].zResponsible;
    aKey[i].i = i;
    aKey[i].bNobody = !zWho || !*zWho;
    aKey[i].zWho = aKey[i].bNobody ? AGREEMENT_NO_RESPONSIBLE : zWho;
    aKey[i].eBucket = agreement_bucket(&a[i], zAsOf);
    aKey[i].zDue = agreement_date_valid(a[i].zDue) ? a[i].zDue : NULL;
  }
  if (n > 0) qsort(aKey, (size_t)n, sizeof(SortKey), key_cmp);
  return aKey;
}

void agreement_tracker_group(Arena *pArena, const AgreementItem *a, int n,
                             const char *zAsOf, AgreementGroup **paGroup,
                             int *pnGroup, int pnBucket[AGREEMENT_N_BUCKET]) {
  SortKey *aKey = sort_keys(pArena, a, n, zAsOf);
  AgreementGroup *aGroup =
      arena_alloc(pArena, sizeof(AgreementGroup) * (size_t)(n + 1));
  int nGroup = 0;
  if (pnBucket) memset(pnBucket, 0, sizeof(int) * AGREEMENT_N_BUCKET);
  int bGroupNobody = 0; /* The last group is the one without a name */
  for (int k = 0; k < n; k++) {
    AgreementGroup *g = nGroup ? &aGroup[nGroup - 1] : NULL;
    /* Keys are sorted, so equal responsibles are adjacent. */
    if (!g || bGroupNobody != aKey[k].bNobody ||
        strcmp(g->zResponsible, aKey[k].zWho) != 0) {
      g = &aGroup[nGroup++];
      g->zResponsible = aKey[k].zWho;
      g->aiItem = arena_alloc(pArena, sizeof(int) * (size_t)(n + 1));
      bGroupNobody = aKey[k].bNobody;
    }
    g->aiItem[g->nItem++] = aKey[k].i;
    g->anBucket[aKey[k].eBucket]++;
    if (pnBucket) pnBucket[aKey[k].eBucket]++;
  }
  *paGroup = aGroup;
  *pnGroup = nGroup;
}

int agreement_overdue_list(const AgreementItem *a, int n, const char *zAsOf,
                           int *aiOut) {
  int nOut = 0;
  for (int i = 0; i < n; i++) {
    if (agreement_is_overdue(a[i].eState, a[i].zDue, zAsOf)) aiOut[nOut++] = i;
  }
  /* Insertion sort by due date, stable: lists are short. */
  for (int i = 1; i < nOut; i++) {
    int v = aiOut[i], j = i;
    while (j > 0 && strcmp(a[aiOut[j - 1]].zDue, a[v].zDue) > 0) {
      aiOut[j] = aiOut[j - 1];
      j--;
    }
    aiOut[j] = v;
  }
  return nOut;
}
