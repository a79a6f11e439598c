/*
** The Spanish wording of the compliance engine: what is missing on a line
** ("Falta el Acta de la sesión del 12-03-2025.", "Faltan 2 actividades
** fuera de Ovalle antes del 30-06-2025."), why an activity does not
** count, and the name of the group of lines of no general objective. Kept
** apart from the rules so the wording can be reviewed (and translated) in
** one place. Internal to the engine: pages use compliance.h.
*/
#ifndef COSOC_DOMAIN_COMPLIANCE_TEXT_H
#define COSOC_DOMAIN_COMPLIANCE_TEXT_H

#include "domain/compliance.h"

/* Fills pLine->nMissing / azMissing (arena memory) from its links, counts
** and state: nothing once cumplida; else one sentence per qualifying
** activity that lacks evidence (in date order), then one for the
** activities still to hold when fewer qualify than the target asks. */
void compliance_text_missing(Arena *pArena, ComplianceLine *pLine,
                             const ComplianceActivity *aActivity, int nActivity,
                             const ComplianceOptions *pOpt);

/* The sentence of one verdict (compliance_explain): whether pAct counts
** for pVerdict's line and why, what it still needs. Arena memory. */
const char *compliance_text_verdict(Arena *pArena,
                                    const ComplianceVerdict *pVerdict,
                                    const ComplianceActivity *pAct,
                                    const ComplianceOptions *pOpt);

/* "No cumplida": a line unmet when its plan ended. */
const char *compliance_text_unmet_label(void);

/* "Otros compromisos del plan": the rollup of lines of no objective. */
const char *compliance_text_other_objective(void);

/* The target's activities as a noun phrase for n of them: "sesión",
** "actividades fuera de Ovalle", "reuniones con autoridades". */
const char *compliance_text_target_noun(Arena *pArena, const PlanTarget *pT,
                                        int n,
                                        const ComplianceActivity *aActivity,
                                        int nActivity,
                                        const ComplianceOptions *pOpt);

#endif
