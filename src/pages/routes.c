/*
** The route table: every URL cosoc answers, who may GET it and who may
** POST to it, and what its body may be. The server enforces each column
** before the handler runs (src/http/server.c); a path that is not here is a
** 404, a method with no roles a 405, a role that is not listed is refused
** (403 signed in, 401 or the sign-in page otherwise). A handler checks a
** role itself only where the rule is finer than the method (the acta: any
** reader comments, only the officer drafts).
*/
#include "pages/routes.h"
#include "pages/page.h"
#include "domain/plan_import.h"
#include "pages/activities/activities_pages.h"
#include "store/council/council.h"
#include "pages/evidence/evidence_pages.h"
#include "pages/courses/courses_pages.h"
#include "pages/meetings/meetings_pages.h"
#include "pages/privacy/privacy_pages.h"

/* Who may GET and who may POST (0: the path does not answer the method). */
#define NONE 0
#define EVERYONE ROLES_EVERYONE
#define SIGNED_IN ROLES_SIGNED_IN
#define ADMIN ROLE_ADMIN
#define SMALL ROUTE_BODY_SMALL
#define UPLOAD ROUTE_BODY_UPLOAD
#define SETTING ROUTE_BODY_SETTING
#define UNSCOPED ROUTE_UNSCOPED /* The installation's, not a council's */
#define NATIONAL ROUTE_NATIONAL /* The national team may POST too */
#define CSV_UPLOAD (4 * 1024 * 1024) /* A spreadsheet of people */
#define PLAN_FILE (PLAN_IMPORT_MAX_BYTES + 64 * 1024) /* The plan upload */

const Route routes_table[] = {
    /* clang-format off */
    /* pattern                              GET        POST       flags                 body        handler */
    {"/",                                   EVERYONE,  NONE,      0,                    0,          page_home},
    {"/login",                              EVERYONE,  EVERYONE,  ROUTE_CSRF | UNSCOPED, SMALL,      page_login},
    {"/logout",                             NONE,      SIGNED_IN, ROUTE_CSRF | UNSCOPED, SMALL,      page_logout},
    {"/cuenta",                             SIGNED_IN, NONE,      UNSCOPED,             0,          page_account},
    {"/cuenta/clave",                       NONE,      SIGNED_IN, ROUTE_CSRF | UNSCOPED, SMALL,      page_account_password},
    {"/admin/usuarios",                     ADMIN,     ADMIN,     ROUTE_CSRF | NATIONAL, SMALL,      page_admin_users},
    {"/admin/usuarios/:",                   ADMIN,     ADMIN,     ROUTE_CSRF | NATIONAL, SMALL,      page_admin_user},
    {"/clave/restablecer",                  EVERYONE,  EVERYONE,  ROUTE_CSRF | UNSCOPED, SMALL,      page_password_reset},
    {"/admin/correo",                       ADMIN,     ADMIN,     ROUTE_CSRF,           SMALL,      page_admin_mail},
    {"/static/:",                           EVERYONE,  NONE,      UNSCOPED,             0,          page_static},
    /* Councils: the national view, the choice of council, the councils */
    {"/consejos",                           EVERYONE,  NONE,      UNSCOPED,             0,          page_councils},
    {"/consejos.xlsx",                      ADMIN,     NONE,      UNSCOPED,             0,          page_councils_xlsx},
    {"/api/councils",                       EVERYONE,  NONE,      UNSCOPED,             0,          page_api_councils},
    {"/consejo",                            SIGNED_IN, SIGNED_IN, UNSCOPED | ROUTE_CSRF, SMALL,      page_council_choose},
    {"/admin/consejos",                     ADMIN,     NONE,      UNSCOPED,             0,          page_admin_councils},
    {"/admin/consejos/nuevo",               ADMIN,     ADMIN,     UNSCOPED | ROUTE_CSRF, SMALL,      page_admin_council_new},
    {"/admin/consejos/:",                   ADMIN,     ADMIN,     UNSCOPED | ROUTE_CSRF, SMALL,      page_admin_council},
    {"/api/me",                             SIGNED_IN, NONE,      UNSCOPED,             0,          page_api_me},
    {"/api/mail",                           ADMIN,     NONE,      0,                    0,          page_api_mail},
    /* Personal data (issue 21) */
    {"/admin/auditoria",                    ADMIN,     NONE,      0,                    0,          page_admin_audit},
    {"/admin/auditoria.csv",                ADMIN,     NONE,      0,                    0,          page_admin_audit},
    {"/admin/auditoria.xlsx",               ADMIN,     NONE,      0,                    0,          page_admin_audit},
    {"/api/audit",                          ADMIN,     NONE,      0,                    0,          page_api_audit},
    {"/api/members/:/data",                 ADMIN,     NONE,      0,                    0,          page_api_member_data},
    {"/api/members/:/erase",                NONE,      ADMIN,     ROUTE_CSRF,           SMALL,      page_api_member_erase},
    {"/admin/integrantes/:/datos",          ADMIN,     NONE,      0,                    0,          page_admin_member_data},
    {"/admin/integrantes/:/datos.pdf",      ADMIN,     NONE,      0,                    0,          page_admin_member_data},
    {"/admin/integrantes/:/datos.json",     ADMIN,     NONE,      0,                    0,          page_admin_member_data},
    {"/admin/integrantes/:/bloqueo",        NONE,      ADMIN,     ROUTE_CSRF,           SMALL,      page_admin_member_block},
    {"/admin/integrantes/:/eliminar-datos", NONE,      ADMIN,     ROUTE_CSRF,           SMALL,      page_admin_member_erase},
    {"/admin/integrantes/:/consentimientos", NONE,     ADMIN,     ROUTE_CSRF,           SMALL,      page_admin_member_consents},
    {"/api/participants/:/data",            ADMIN,     NONE,      0,                    0,          page_api_member_data},
    {"/api/participants/:/erase",           NONE,      ADMIN,     ROUTE_CSRF,           SMALL,      page_api_member_erase},
    {"/api/participants/:/consents",        NONE,      ADMIN,     ROUTE_CSRF,           SMALL,      page_api_member_consents},
    {"/admin/participantes/:/datos",        ADMIN,     NONE,      0,                    0,          page_admin_member_data},
    {"/admin/participantes/:/datos.pdf",    ADMIN,     NONE,      0,                    0,          page_admin_member_data},
    {"/admin/participantes/:/datos.json",   ADMIN,     NONE,      0,                    0,          page_admin_member_data},
    {"/admin/participantes/:/eliminar-datos", NONE,    ADMIN,     ROUTE_CSRF,           SMALL,      page_admin_member_erase},
    {"/admin/participantes/:/consentimientos", NONE,   ADMIN,     ROUTE_CSRF,           SMALL,      page_admin_member_consents},
    {"/api/members/:/consents",             NONE,      ADMIN,     ROUTE_CSRF,           SMALL,      page_api_member_consents},
    {"/api/consents/:/withdraw",            NONE,      ADMIN,     ROUTE_CSRF,           SMALL,      page_api_consent_withdraw},
    {"/api/evidence/:/people",              NONE,      ADMIN,     ROUTE_CSRF,           SMALL,      page_api_evidence_people},
    {"/api/members/:/sensitive",            NONE,      ADMIN,     ROUTE_CSRF,           SMALL,      page_api_member_sensitive},
    {"/api/activities/:/groups",            NONE,      ADMIN,     ROUTE_CSRF,           SMALL,      page_api_activity_groups},
    {"/privacidad",                         EVERYONE,  NONE,      0,                    0,          page_privacy},
    {"/privacidad/solicitud",               EVERYONE,  EVERYONE,  ROUTE_CSRF,           SMALL,      page_privacy_request},
    {"/admin/privacidad",                   ADMIN,     ADMIN,     ROUTE_CSRF,           SMALL,      page_admin_privacy},
    {"/admin/privacidad/solicitudes/:",     ADMIN,     ADMIN,     ROUTE_CSRF,           SMALL,      page_admin_privacy_request},
    {"/admin/privacidad/incidentes",        ADMIN,     ADMIN,     ROUTE_CSRF,           SMALL,      page_admin_breaches},
    {"/admin/privacidad/incidentes/:",      ADMIN,     ADMIN,     ROUTE_CSRF,           SMALL,      page_admin_breach},
    {"/admin/privacidad/solicitudes/:/carta.pdf", ADMIN, NONE,    0,                    0,          page_admin_privacy_request},
    /* People and places */
    {"/integrantes",                        EVERYONE,  NONE,      0,                    0,          page_members_public},
    {"/integrantes.csv",                    EVERYONE,  NONE,      0,                    0,          page_members_public_export},
    {"/integrantes.xlsx",                   EVERYONE,  NONE,      0,                    0,          page_members_public_export},
    {"/admin/integrantes.csv",              ADMIN,     NONE,      0,                    0,          page_admin_members_export},
    {"/admin/integrantes.xlsx",             ADMIN,     NONE,      0,                    0,          page_admin_members_export},
    {"/admin/organizaciones.csv",           ADMIN,     NONE,      0,                    0,          page_admin_orgs_export},
    {"/admin/organizaciones.xlsx",          ADMIN,     NONE,      0,                    0,          page_admin_orgs_export},
    {"/admin/directorio.csv",               ADMIN,     NONE,      0,                    0,          page_admin_directory_export},
    {"/admin/directorio.xlsx",              ADMIN,     NONE,      0,                    0,          page_admin_directory_export},
    {"/admin/integrantes",                  ADMIN,     NONE,      0,                    0,          page_admin_members},
    {"/admin/integrantes/nuevo",            ADMIN,     ADMIN,     ROUTE_CSRF,           SMALL,      page_admin_member_new},
    {"/admin/integrantes/importar",         ADMIN,     ADMIN,     ROUTE_CSRF,           CSV_UPLOAD, page_admin_members_import},
    {"/admin/integrantes/plantilla.csv",    ADMIN,     NONE,      0,                    0,          page_admin_members_template},
    {"/admin/integrantes/periodo",          NONE,      ADMIN,     ROUTE_CSRF,           SMALL,      page_admin_members_term},
    {"/admin/integrantes/:",                ADMIN,     ADMIN,     ROUTE_CSRF,           SMALL,      page_admin_member},
    {"/admin/integrantes/:/invitar",        NONE,      ADMIN,     ROUTE_CSRF,           SMALL,      page_admin_member_invite},
    {"/invitacion",                         EVERYONE,  EVERYONE,  ROUTE_CSRF | UNSCOPED, SMALL,      page_invitation},
    {"/admin/organizaciones",               ADMIN,     NONE,      0,                    0,          page_admin_orgs},
    {"/admin/organizaciones/nueva",         ADMIN,     ADMIN,     ROUTE_CSRF,           SMALL,      page_admin_org_new},
    {"/admin/organizaciones/importar",      ADMIN,     ADMIN,     ROUTE_CSRF,           CSV_UPLOAD, page_admin_orgs_import},
    {"/admin/organizaciones/plantilla.csv", ADMIN,     NONE,      0,                    0,          page_admin_orgs_template},
    {"/admin/organizaciones/:",             ADMIN,     ADMIN,     ROUTE_CSRF,           SMALL,      page_admin_org},
    {"/admin/directorio",                   ADMIN,     NONE,      0,                    0,          page_admin_directory},
    {"/admin/directorio/nuevo",             ADMIN,     ADMIN,     ROUTE_CSRF,           SMALL,      page_admin_directory_new},
    {"/admin/directorio/:",                 ADMIN,     ADMIN,     ROUTE_CSRF,           SMALL,      page_admin_directory_entry},
    {"/api/members",                        SIGNED_IN, NONE,      0,                    0,          page_api_members},
    {"/api/territory/regions/:",            EVERYONE,  NONE,      0,                    0,          page_api_territory_region},
    {"/plan",                               EVERYONE,  NONE,      0,                    0,          page_plan},
    {"/plan/lineas/:",                      EVERYONE,  NONE,      0,                    0,          page_plan_line},
    {"/plan/historial",                     SIGNED_IN, NONE,      0,                    0,          page_plan_history},
    {"/admin/plan",                         ADMIN,     ADMIN,     ROUTE_CSRF,           SMALL,      page_admin_plan},
    {"/admin/plan/objetivos",               ADMIN,     ADMIN,     ROUTE_CSRF,           SMALL,      page_admin_plan_objectives},
    {"/admin/plan/lineas/:",                ADMIN,     ADMIN,     ROUTE_CSRF,           SMALL,      page_admin_plan_line},
    {"/admin/plan/aprobar",                 NONE,      ADMIN,     ROUTE_CSRF,           SMALL,      page_admin_plan_approve},
    {"/admin/plan/importar",                ADMIN,     ADMIN,     ROUTE_CSRF,           PLAN_FILE,  page_admin_plan_import},
    {"/admin/plan/revision",                ADMIN,     ADMIN,     ROUTE_CSRF,           SMALL,      page_admin_plan_review},
    {"/admin/plan/verificadores",           ADMIN,     ADMIN,     ROUTE_CSRF,           SMALL,      page_admin_plan_kinds},
    {"/admin/plan/siguiente",               ADMIN,     ADMIN,     ROUTE_CSRF,           SMALL,      page_admin_plan_next},
    {"/api/plan",                           EVERYONE,  NONE,      0,                    0,          page_api_plan},
    {"/api/plan/versions/:",                EVERYONE,  NONE,      0,                    0,          page_api_plan_version},
    {"/api/plan/versions/:/approve",        NONE,      ADMIN,     ROUTE_CSRF,           SMALL,      page_api_plan_approve},
    {"/plan.csv",                           EVERYONE,  NONE,      0,                    0,          page_plan_csv},
    {"/plan.xlsx",                          EVERYONE,  NONE,      0,                    0,          page_plan_xlsx},
    {"/plan.pdf",                           EVERYONE,  NONE,      0,                    0,          page_plan_pdf},
    /* Activities, calendar and convening */
    {"/actividades",                        ADMIN,     NONE,      0,                    0,          page_activities},
    {"/actividades/nueva",                  ADMIN,     ADMIN,     ROUTE_CSRF,           SMALL,      page_activity_new},
    {"/actividades/tipos",                  NONE,      ADMIN,     ROUTE_CSRF,           SMALL,      page_activity_kinds},
    {"/actividades/ajustes",                NONE,      ADMIN,     ROUTE_CSRF,           SMALL,      page_activity_settings},
    {"/actividades/:",                      EVERYONE,  NONE,      0,                    0,          page_activity},
    {"/actividades/:/editar",               ADMIN,     ADMIN,     ROUTE_CSRF,           SMALL,      page_activity_edit},
    {"/actividades/:/tabla",                NONE,      ADMIN,     ROUTE_CSRF,           SMALL,      page_activity_agenda},
    {"/actividades/:/citar",                NONE,      ADMIN,     ROUTE_CSRF,           SMALL,      page_activity_convene},
    {"/actividades/:/traslado",             NONE,      ADMIN,     ROUTE_CSRF,           SMALL,      page_activity_transport},
    {"/actividades/:/pasajeros.pdf",        ADMIN,     NONE,      0,                    0,          page_activity_passengers_pdf},
    {"/calendario",                         EVERYONE,  NONE,      0,                    0,          page_calendar},
    {"/calendario.ics",                     EVERYONE,  NONE,      0,                    0,          page_calendar_ics},
    {"/calendario/privado/:",               EVERYONE,  NONE,      UNSCOPED,             0,          page_calendar_private_ics},
    {"/cuenta/calendario",                  SIGNED_IN, SIGNED_IN, ROUTE_CSRF | UNSCOPED, SMALL,      page_account_feed},
    {"/r/:",                                EVERYONE,  EVERYONE,  ROUTE_CSRF | UNSCOPED, SMALL,      page_activity_reply},
    {"/api/activities",                     SIGNED_IN, ADMIN,     ROUTE_CSRF,           SMALL,      page_api_activities},
    {"/api/activities/:",                   SIGNED_IN, ADMIN,     ROUTE_CSRF,           SMALL,      page_api_activity},
    {"/api/activities/:/convene",           NONE,      ADMIN,     ROUTE_CSRF,           SMALL,      page_api_activity_convene},
    {"/api/activities/:/mail",              ADMIN,     NONE,      0,                    0,          page_api_activity_mail},
    /* Evidence and compliance */
    {"/api/activities/:/evidence",          NONE,      ADMIN,     ROUTE_CSRF | SETTING, UPLOAD,     page_api_activity_evidence},
    {"/actividades/:/evidencias",           NONE,      ADMIN,     ROUTE_CSRF | SETTING, UPLOAD,     page_activity_evidence_upload},
    {"/evidencias/:",                       EVERYONE,  NONE,      0,                    0,          page_evidence_file},
    {"/evidencias/:/miniatura",             EVERYONE,  NONE,      0,                    0,          page_evidence_thumbnail},
    {"/admin/verificadores",                ADMIN,     ADMIN,     ROUTE_CSRF,           SMALL,      page_admin_evidence_settings},
    {"/evidencias/:/eliminar",              NONE,      ADMIN,     ROUTE_CSRF,           SMALL,      page_evidence_delete},
    {"/api/compliance",                     EVERYONE,  NONE,      0,                    0,          page_api_compliance},
    {"/informe-cumplimiento.pdf",           SIGNED_IN, NONE,      0,                    0,          page_compliance_pdf},
    {"/informe-cumplimiento.xlsx",          SIGNED_IN, NONE,      0,                    0,          page_compliance_xlsx},
    {"/informe-cumplimiento.zip",           SIGNED_IN, NONE,      0,                    0,          page_compliance_zip},
    /* Sessions: attendance, quorum and agreements */
    {"/api/activities/:/attendance",        NONE,      ADMIN,     ROUTE_CSRF,           SMALL,      page_api_activity_attendance},
    {"/actividades/:/asistencia",           NONE,      ADMIN,     ROUTE_CSRF,           SMALL,      page_activity_attendance},
    {"/actividades/:/asistencia.pdf",       SIGNED_IN, NONE,      0,                    0,          page_activity_attendance_pdf},
    {"/actividades/:/citacion.pdf",         SIGNED_IN, NONE,      0,                    0,          page_activity_notice_pdf},
    {"/actividades/:/acuerdos",             NONE,      ADMIN,     ROUTE_CSRF,           SMALL,      page_activity_agreements},
    {"/actividades/:/acuerdos-atrasados",   NONE,      ADMIN,     ROUTE_CSRF,           SMALL,      page_activity_agenda_overdue},
    {"/acuerdos",                           SIGNED_IN, NONE,      0,                    0,          page_agreements},
    {"/acuerdos/:",                         SIGNED_IN, ADMIN,     ROUTE_CSRF,           SMALL,      page_agreement},
    {"/actividades/:/acta",                 EVERYONE,  EVERYONE,  ROUTE_CSRF,           SMALL,      page_activity_acta},
    {"/actividades/:/acta.pdf",             EVERYONE,  NONE,      0,                    0,          page_activity_acta_pdf},
    {"/actas",                              EVERYONE,  NONE,      0,                    0,          page_actas},
    {"/solicitudes",                        SIGNED_IN, ADMIN,     ROUTE_CSRF,           SMALL,      page_authority_requests},
    {"/solicitudes/:",                      NONE,      ADMIN,     ROUTE_CSRF,           SMALL,      page_authority_request},
    {"/admin/quorum",                       ADMIN,     ADMIN,     ROUTE_CSRF,           SMALL,      page_admin_quorum},
    {"/api/agreements",                     SIGNED_IN, ADMIN,     ROUTE_CSRF,           SMALL,      page_api_agreements},
    {"/api/agreements/:",                   SIGNED_IN, ADMIN,     ROUTE_CSRF,           SMALL,      page_api_agreement},
    /* Escuela de Dirigentes: courses, enrolment, certificates */
    {"/cursos",                             EVERYONE,  NONE,      0,                    0,          page_courses_public},
    {"/cursos/:",                           EVERYONE,  EVERYONE,  ROUTE_CSRF,           SMALL,      page_course_public},
    {"/certificados/:",                     EVERYONE,  NONE,      0,                    0,          page_certificate},
    {"/api/courses",                        ADMIN,     ADMIN,     ROUTE_CSRF,           SMALL,      page_api_courses},
    {"/api/courses/:",                      ADMIN,     NONE,      0,                    0,          page_api_course},
    {"/api/courses/:/enrolments",           ADMIN,     ADMIN,     ROUTE_CSRF,           SMALL,      page_api_course_enrolments},
    {"/api/courses/:/certificates",         NONE,      ADMIN,     ROUTE_CSRF,           SMALL,      page_api_course_certificates},
    {"/api/certificates/:/revoke",          NONE,      ADMIN,     ROUTE_CSRF,           SMALL,      page_api_certificate_revoke},
    {"/admin/cursos",                       ADMIN,     NONE,      0,                    0,          page_admin_courses},
    {"/admin/cursos/ajustes",               NONE,      ADMIN,     ROUTE_CSRF,           SMALL,      page_admin_course_settings},
    {"/admin/cursos/nuevo",                 ADMIN,     ADMIN,     ROUTE_CSRF,           SMALL,      page_admin_course_new},
    {"/admin/cursos/:",                     ADMIN,     ADMIN,     ROUTE_CSRF,           SMALL,      page_admin_course},
    {"/admin/cursos/:/modulos",             NONE,      ADMIN,     ROUTE_CSRF,           SMALL,      page_admin_course_module},
    {"/admin/cursos/:/inscribir",           NONE,      ADMIN,     ROUTE_CSRF,           CSV_UPLOAD, page_admin_course_enrol},
    {"/admin/cursos/:/certificados",        NONE,      ADMIN,     ROUTE_CSRF,           SMALL,      page_admin_course_certificates},
    {"/admin/cursos/:/revocar",             NONE,      ADMIN,     ROUTE_CSRF,           SMALL,      page_admin_course_revoke},
    {"/admin/cursos/:/cobertura.xlsx",      ADMIN,     NONE,      0,                    0,          page_admin_course_coverage_xlsx},
    {"/actividades/:/asistencia-curso",     NONE,      ADMIN,     ROUTE_CSRF,           SMALL,      page_module_attendance},
    {"/actividades/:/asistencia-reporte",   NONE,      ADMIN,     ROUTE_CSRF,           CSV_UPLOAD, page_module_report},
    {"/admin/participantes",                ADMIN,     NONE,      0,                    0,          page_admin_participants},
    {"/admin/participantes/nuevo",          ADMIN,     ADMIN,     ROUTE_CSRF,           SMALL,      page_admin_participant_new},
    {"/admin/participantes/:",              ADMIN,     ADMIN,     ROUTE_CSRF,           SMALL,      page_admin_participant},
    /* clang-format on */
};

const int routes_count = (int)(sizeof(routes_table) / sizeof(routes_table[0]));

void routes_before_write(Request *r) {
  /* Explicitly: the council may have been read (and cached on the
  ** request) before the server set the request's actor, which clears it. */
  db_set_council(request_db(r), page_council_id(r));
}

size_t routes_upload_body_max(Request *r) {
  return council_evidence_request_max_bytes(request_db(r), page_council_id(r));
}
