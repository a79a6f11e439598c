/*
** Evidence and compliance pages (evidence.c, compliance.c): handlers and
** the pieces other pages embed.
*/
#ifndef COSOC_PAGES_EVIDENCE_PAGES_H
#define COSOC_PAGES_EVIDENCE_PAGES_H

#include "domain/activity.h"
#include "pages/activities/activities_pages.h"
#include "pages/page.h"
#include "store/evidence/evidence_store.h"

/* The activity's evidence as the API lists it: [{"id","kind","filename",
** "caption","public","sha256"}] (a new reference). */
json_t *evidence_json_list(Request *r, int64_t iActivity);
/* The same for items already read (a run of evidence_list_range()). */
json_t *evidence_json_items(const EvidenceItem *aItem, int nItem);
/* The activity page's "Verificadores" section (list; upload form for the
** officer). Public visitors see public items only. */
void evidence_section(Html *h, Request *r, const Activity *pAct,
                      const ActivityReshow *pRe);
/* The home page's dashboard: every plan line's progress and state (and,
** for signed-in users, what is missing and the report downloads). */
void compliance_home_section(Request *r, Html *h);

void page_api_activity_evidence(Request *r);
void page_activity_evidence_upload(Request *r);
void page_evidence_file(Request *r);
void page_evidence_thumbnail(Request *r);
void page_admin_evidence_settings(Request *r);
void page_evidence_delete(Request *r);
void page_api_compliance(Request *r);
void page_compliance_pdf(Request *r);
void page_compliance_xlsx(Request *r);
void page_compliance_zip(Request *r);

#endif
