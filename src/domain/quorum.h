/*
** Quorum: whether a council session may be held and whether it may adopt
** agreements, computed from the council's rules, the people expected and
** their attendance, with a Spanish sentence that says why.
**
** Pure functions over plain structs: no SQL, no HTTP, no allocation, no
** clock. The caller loads rules and attendance from wherever they live and
** maps the result onto the contract's {"required","present","reached"}
** (QuorumResult.session). Must never guess a missing rule: invalid rules are
** refused with a reason, not silently corrected.
*/
#ifndef COSOC_DOMAIN_QUORUM_H
#define COSOC_DOMAIN_QUORUM_H

#define QUORUM_OK 0
#define QUORUM_ERROR 1
#define QUORUM_EXPLAIN_MAX 640 /* Room for one explanation and its rule */

/* Attendance of one person (contract slugs presente/ausente/justificado).
** A suplente attending in place of an absent titular is a suplente whose
** own attendance is ATTENDANCE_PRESENTE and whose iTitularOf names the
** titular. */
typedef enum Attendance {
  ATTENDANCE_AUSENTE = 0,     /* "ausente": absent (the default) */
  ATTENDANCE_PRESENTE = 1,    /* "presente" */
  ATTENDANCE_JUSTIFICADO = 2, /* "justificado": excused, still absent */
} Attendance;

/* Slug <-> enum. attendance_parse() returns 0 and sets *pe when zSlug is
** one of the three slugs, otherwise returns -1 and leaves *pe alone. */
int attendance_parse(const char *zSlug, Attendance *pe);
const char *attendance_slug(Attendance e);  /* "presente", ... */
const char *attendance_label(Attendance e); /* "Presente", "Ausente",
                                            ** "Ausencia justificada" */

/* Who counts towards quorum. Every sentence says which rule applied and
** what it did with the suplentes present. */
typedef enum QuorumCounts {
  QUORUM_COUNTS_TITULARES = 0,   /* Only titulares in office: a suplente
                                 ** present is named as not counted */
  QUORUM_COUNTS_SUBSTITUTES = 1, /* Titulares, plus a suplente present in
                                 ** place of an absent titular in office
                                 ** (the default: a suplente who «reemplaza
                                 ** a» a titular takes the seat) */
} QuorumCounts;

/* How a threshold is expressed. */
typedef enum QuorumKind {
  QUORUM_MORE_THAN = 0, /* More than num/den of the base: mayoría absoluta
                        ** is 1/2 (12 -> 7, 11 -> 6) */
  QUORUM_AT_LEAST = 1,  /* At least num/den of the base, rounded up:
                        ** dos tercios is 2/3 (12 -> 8) */
  QUORUM_FIXED = 2,     /* At least nFixed people, whatever the base */
} QuorumKind;

typedef struct QuorumThreshold {
  QuorumKind eKind;   /* How to read the fields below */
  int num, den;       /* The fraction (QUORUM_MORE_THAN, QUORUM_AT_LEAST):
                      ** 0 < num <= den */
  int nFixed;         /* QUORUM_FIXED: the number, >= 1 */
  const char *zLabel; /* Name used in sentences ("mayoría absoluta"), or
                      ** NULL to derive one ("más de 1/2", "al menos 8") */
} QuorumThreshold;

/* What the agreement threshold is a share of. */
typedef enum QuorumAgreementBase {
  QUORUM_OF_MEMBERS = 0, /* Of the base, like the session quorum: "los
                         ** acuerdos requieren los dos tercios de los
                         ** consejeros en ejercicio" */
  QUORUM_OF_PRESENT = 1, /* Of the people counted present: "los acuerdos
                         ** se adoptan por mayoría absoluta de los
                         ** presentes" */
} QuorumAgreementBase;

/* The council's rules, as its settings hold them. */
typedef struct QuorumRules {
  QuorumCounts eCounts;               /* Who counts */
  QuorumThreshold session;            /* To hold the session */
  QuorumThreshold agreement;          /* Votes in favour an agreement needs */
  int nSeat;                          /* Titular seats the council has by its
                                      ** rules (e.g. 12); 0: the titulares listed */
  int bVacanciesReduceBase;           /* 1: the base is the titulares in office;
                                      ** 0: the base is nSeat (vacant seats still
                                      ** count in the base) */
  QuorumAgreementBase eAgreementBase; /* What rules.agreement is a share
                                       ** of (QUORUM_OF_MEMBERS by default) */
} QuorumRules;

/* One expected councillor and their attendance. */
typedef struct QuorumPerson {
  long long iId;          /* Councillor id (> 0, unique in the list) */
  int bTitular;           /* 1: titular, 0: suplente */
  long long iTitularOf;   /* Suplente: the id of the titular they replace,
                          ** 0 if not assigned to one */
  int bInOffice;          /* 0: resigned, removed or term ended: does not
                          ** count and, for a titular, leaves a vacancy */
  Attendance eAttendance; /* Their attendance */
} QuorumPerson;

/* The outcome for one threshold. For agreements, nRequired is the votes
** in favour an agreement needs and bReached says whether agreements can be
** adopted at all: the session has quorum and enough people are present
** to give nRequired votes. */
typedef struct QuorumCheck {
  int nRequired; /* People (session) or votes in favour (agreement) needed */
  int nPresent;  /* People counted as present */
  int bReached;  /* nPresent >= nRequired and the base is not empty (and,
                 ** for agreements, the session has quorum) */
  char zExplain[QUORUM_EXPLAIN_MAX]; /* Spanish sentence, e.g. "Hay quórum:
                                      ** 7 de 12 consejeros titulares presentes
                                      *(se requieren
                                      ** 7, mayoría absoluta)." */
} QuorumCheck;

typedef struct QuorumResult {
  int nBase;              /* The number fractions apply to */
  int nTitularInOffice;   /* Titulares in office */
  int nVacant;            /* nSeat minus titulares in office (>= 0) */
  int nTitularPresent;    /* Titulares in office present */
  int nSubstitute;        /* Suplentes counted in place of a titular */
  int nSubstituteIgnored; /* Suplentes present for an absent titular whom
                          ** the rule (QUORUM_COUNTS_TITULARES) leaves out */
  QuorumCheck session;    /* To hold the session */
  QuorumCheck agreement;  /* To adopt agreements */
} QuorumResult;

/* Computes both checks. Returns QUORUM_OK, or QUORUM_ERROR with a Spanish
** reason in *pzErr (may be NULL) when the rules are invalid (a fraction
** outside (0, 1], a fixed number below 1, a negative nSeat). aPerson may be
** NULL when nPerson is 0. A suplente counts at most once and only for a
** titular in office who is not present: when both attend, the titular
** counts and the suplente does not. */
int quorum_compute(const QuorumRules *pRules, const QuorumPerson *aPerson,
                   int nPerson, QuorumResult *pOut, const char **pzErr);

/* Whether an agreement with nFor votes in favour is adopted under the
** agreement check of a QuorumResult: 1 when pAgreement->bReached and nFor
** >= pAgreement->nRequired, else 0; zWhy (nWhy bytes, may be NULL) gets
** the Spanish sentence ("El acuerdo se adopta: 6 votos a favor (se
** requieren 5)." / "El acuerdo no se adopta: ..."). */
int quorum_vote_adopts(const QuorumCheck *pAgreement, int nFor, char *zWhy,
                       int nWhy);

/* People a threshold requires for a base (what quorum_compute() uses). */
int quorum_required(const QuorumThreshold *pThreshold, int nBase);

/* The usual rules: titulares in office and the suplentes present in place
** of an absent one, mayoría absoluta to hold the session and to adopt
** agreements, vacancies reduce the base. */
QuorumRules quorum_rules_default(void);

#endif
