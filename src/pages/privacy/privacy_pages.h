/*
** Personal data (issue 21, Ley 21.719): the audit log, the rights of the
** people cosoc holds data about, the privacy notice and requests.
*/
#ifndef COSOC_PAGES_PRIVACY_PRIVACY_PAGES_H
#define COSOC_PAGES_PRIVACY_PRIVACY_PAGES_H

#include "pages/page.h"

/* Today's date in Santiago ("2026-12-03", per thread), and an id as text
** (arena): shared by the files of this folder (privacy.c). */
const char *privacy_today(void);
const char *privacy_id(Arena *pArena, int64_t id);

/* audit_pages.c */
void page_admin_audit(Request *r); /* /admin/auditoria[.csv|.xlsx] */
void page_api_audit(Request *r);   /* GET /api/audit */

/* person_data.c */
void page_api_member_data(Request *r);   /* GET /api/members/ID/data */
void page_api_member_erase(Request *r);  /* POST /api/members/ID/erase */
void page_admin_member_data(Request *r); /* /admin/integrantes/ID/datos[.pdf] */
void page_admin_member_erase(Request *r); /* POST …/eliminar-datos */
void page_admin_member_block(Request *r); /* POST …/bloqueo */

/* consents.c: the consents, tags and sensitive data of a person on their
** data page (bEdit: with the forms), and the routes that change them. */
void privacy_consent_section(Html *h, Request *r, const char *zKind,
                             int64_t iPerson, int bEdit);
void page_admin_member_consents(Request *r); /* POST …/consentimientos */
void page_api_member_consents(Request *r);   /* POST /api/members/ID/consents */
void page_api_consent_withdraw(Request *r); /* POST /api/consents/ID/withdraw */
void page_api_evidence_people(Request *r);  /* POST /api/evidence/ID/people */
void page_api_member_sensitive(Request *r); /* POST /api/members/ID/sensitive */
void page_api_activity_groups(Request *r);  /* POST /api/activities/ID/groups */

/* privacy.c */
void page_privacy(Request *r);         /* GET /privacidad */
void page_privacy_request(Request *r); /* /privacidad/solicitud */
void page_admin_privacy(Request *r);   /* /admin/privacidad */
void page_admin_privacy_request(
    Request *r); /* /admin/privacidad/solicitudes/ID */

/* breaches.c */
void page_admin_breaches(Request *r); /* /admin/privacidad/incidentes */
void page_admin_breach(Request *r);   /* /admin/privacidad/incidentes/ID */

/* The officer's dashboard card: open requests and the nearest deadline. */
void privacy_home_card(Request *r, Html *h);

#endif
