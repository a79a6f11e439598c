/*
** Minutes (actas) of a council session: the states an acta goes through,
** who may move it, when it may still be edited, and the checks its parts
** must pass (agenda items with their discussion, agreements with their
** votes), with Spanish messages.
**
** borrador -> enviada (a revisión, councillors comment per item)
**          -> aprobada (in a later session, recorded with it)
**          -> publicada (visible to the public)
** and enviada -> borrador to take it back for changes. Only an admin moves
** an acta. Once aprobada, an acta is never edited again: a correction is a
** new "nota de corrección" linked to it.
**
** Pure functions over plain structs: no SQL, no HTTP, no allocation. Must
** never decide anything from the clock or the database: the caller passes
** what it knows (the role, the approving session).
*/
#ifndef COSOC_DOMAIN_ACTA_H
#define COSOC_DOMAIN_ACTA_H

#define ACTA_OK 0
#define ACTA_REFUSED 1
#define ACTA_MESSAGE_MAX 200 /* Room for one problem's sentence */

typedef enum ActaState {
  ACTA_BORRADOR = 0,  /* "borrador": being written */
  ACTA_ENVIADA = 1,   /* "enviada": sent to the councillors for review */
  ACTA_APROBADA = 2,  /* "aprobada": approved in a later session */
  ACTA_PUBLICADA = 3, /* "publicada": approved and visible to the public */
} ActaState;

/* Slug <-> enum: acta_state_parse() returns 0 and sets *pe, or -1. */
int acta_state_parse(const char *zSlug, ActaState *pe);
const char *acta_state_slug(ActaState e);  /* "borrador", "enviada", ... */
const char *acta_state_label(ActaState e); /* "Borrador", "Enviada a
                                           ** revisión", "Aprobada", ... */

/* A request to move an acta from eFrom to eTo. */
typedef struct ActaTransition {
  ActaState eFrom, eTo;        /* Current and wanted state */
  const char *zRole;           /* Role of who asks: "admin", "consejero",
                               ** "autoridad" (NULL: not signed in) */
  long long iActaSession;      /* Activity id of the session the acta
                               ** records */
  long long iApprovingSession; /* To aprobada: activity id of the session
                               ** that approved it (> 0, not the same
                               ** session); otherwise ignored */
} ActaTransition;

/* ACTA_OK when the transition is allowed, else ACTA_REFUSED with a Spanish
** sentence in *pzWhy (may be NULL). */
int acta_transition_check(const ActaTransition *pT, const char **pzWhy);

/* 1 when an acta in state e may be edited (borrador, enviada); else 0 with
** the reason in *pzWhy ("El acta ya fue aprobada y no se puede modificar;
** para corregirla, agregue una nota de corrección."). */
int acta_can_edit(ActaState e, const char **pzWhy);
/* 1 when councillors may comment on its items (enviada only). */
int acta_can_comment(ActaState e, const char **pzWhy);
/* 1 when the public may read it (publicada only). */
int acta_is_public(ActaState e);
/* 1 when an acta in state e freezes what it shows of its session: the
** attendance and the agreements with their votes (aprobada, publicada);
** then *pzWhy (may be NULL) gets the Spanish reason a change is refused,
** which points to the nota de corrección. */
int acta_freezes_session(ActaState e, const char **pzWhy);

/* ACTA_OK when a nota de corrección with text zText may be added to an
** acta in state e (aprobada or publicada; text not blank), else
** ACTA_REFUSED and *pzWhy. */
int acta_correction_check(ActaState e, const char *zText, const char **pzWhy);

/* Votes on an agreement, when it was voted. */
typedef struct ActaVote {
  int bVoted;   /* 0: adopted without a vote (the counts are ignored) */
  int nFor;     /* A favor */
  int nAgainst; /* En contra */
  int nAbstain; /* Abstenciones */
} ActaVote;

typedef struct ActaItem {
  const char *zTitle;   /* Agenda item ("Cuenta del Director Serviu") */
  const char *zSummary; /* Discussion summary, Markdown */
} ActaItem;

typedef struct ActaAgreement {
  const char *zText; /* What was agreed */
  ActaVote vote;     /* Its votes, if voted */
} ActaAgreement;

/* The parts of an acta that are checked. Attendance is not here: it is
** taken from the session's attendance, never typed into the acta. */
typedef struct ActaParts {
  int nPresent;                    /* People present at the session */
  int nItem;                       /* Agenda items */
  const ActaItem *aItem;           /* nItem items */
  int nAgreement;                  /* Agreements */
  const ActaAgreement *aAgreement; /* nAgreement agreements */
} ActaParts;

/* One problem found: which part and what to do. */
typedef struct ActaProblem {
  char zField[32];                 /* "item.2.summary", "agreement.1.votes"
                                   ** (1-based), or "items" */
  char zMessage[ACTA_MESSAGE_MAX]; /* Spanish sentence */
} ActaProblem;

/* Checks the parts. bToSend: the acta is about to leave borrador, so every
** item needs a summary and there must be at least one item; a draft may be
** incomplete but never inconsistent (votes are always checked). Writes up
** to nMax problems into aProblem (may be NULL when nMax is 0) and returns
** how many there are in all (0: valid). */
int acta_validate(const ActaParts *pParts, int bToSend, ActaProblem *aProblem,
                  int nMax);

/* The session an acta is to be approved in, as the caller knows it. */
typedef struct ActaApproval {
  long long iActaStart; /* UTC start of the session the acta records */
  long long iStart;     /* UTC start of the approving session */
  int bSession;         /* It is a session of the council */
  int bHeld;            /* Its status is `realizada` */
  long long iNow;       /* The time of the approval */
  int bQuorum;          /* Its attendance gave quorum */
  const char *zQuorum;  /* The quorum sentence (why not), or NULL */
} ActaApproval;

/* ACTA_OK when the acta may be approved in that session: a later session
** of the council, already held (realizada and begun) and with quorum;
** else ACTA_REFUSED and the Spanish reason in zWhy (nWhy bytes). */
int acta_approval_check(const ActaApproval *pA, char *zWhy, int nWhy);

/* ACTA_OK when an agreement may be recorded in a session with these votes:
** the session had quorum to adopt agreements (bQuorum; zQuorum says why
** not) and the votes fit the people present (acta_vote_check); else
** ACTA_REFUSED with the reason in zWhy and in *pzField "votes" or
** "session". */
int acta_agreement_check(const ActaVote *pVote, int nPresent, int bQuorum,
                         const char *zQuorum, const char **pzField, char *zWhy,
                         int nWhy);

/* Checks one vote against the people present: ACTA_OK, or ACTA_REFUSED
** with a sentence in zWhy ("Los votos (5 a favor, 3 en contra, 2
** abstenciones) suman 10, más que los 8 presentes."). */
int acta_vote_check(const ActaVote *pVote, int nPresent, char *zWhy, int nWhy);

#endif
