/*
** Personal data (issue 21, Ley 21.719): the audit log, the rights of the
** people cosoc holds data about, the privacy notice and requests.
*/
#ifndef COSOC_PAGES_PRIVACY_PRIVACY_PAGES_H
#define COSOC_PAGES_PRIVACY_PRIVACY_PAGES_H

#include "pages/page.h"

/* audit_pages.c */
void page_admin_audit(Request *r); /* /admin/auditoria[.csv|.xlsx] */
void page_api_audit(Request *r);   /* GET /api/audit */

/* person_data.c */
void page_api_member_data(Request *r);   /* GET /api/members/ID/data */
void page_api_member_erase(Request *r);  /* POST /api/members/ID/erase */
void page_admin_member_data(Request *r); /* /admin/integrantes/ID/datos[.pdf] */
void page_admin_member_erase(Request *r); /* POST …/eliminar-datos */
void page_admin_member_block(Request *r); /* POST …/bloqueo */

/* privacy.c */
void page_privacy(Request *r);         /* GET /privacidad */
void page_privacy_request(Request *r); /* /privacidad/solicitud */
void page_admin_privacy(Request *r);   /* /admin/privacidad */
void page_admin_privacy_request(
    Request *r); /* /admin/privacidad/solicitudes/ID */

/* The officer's dashboard card: open requests and the nearest deadline. */
void privacy_home_card(Request *r, Html *h);

#endif
