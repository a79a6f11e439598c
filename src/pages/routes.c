/*
** The route table: every URL cosoc answers, who may use it, and what its
** body may be. The server enforces each column before the handler runs
** (src/http/server.c); a path that is not here is a 404, a role that is not
** listed is refused.
*/
#include "pages/routes.h"
#include "pages/page.h"
#include "domain/plan_import.h"
#include "pages/activities/activities_pages.h"
#include "store/evidence/evidence_store.h"
#include "pages/evidence/evidence_pages.h"
#include "pages/courses/courses_pages.h"
#include "pages/meetings/meetings_pages.h"

#define GET METHOD_GET
#define POST METHOD_POST
#define SMALL ROUTE_BODY_SMALL
#define UPLOAD ROUTE_BODY_UPLOAD
#define SETTING ROUTE_BODY_SETTING
#define CSV_UPLOAD (4 * 1024 * 1024) /* A spreadsheet of people */
#define PLAN_FILE (PLAN_IMPORT_MAX_BYTES + 64 * 1024) /* The plan upload */

const Route routes_table[] = {
    /* pattern              methods     roles            flags       body   handler */
    {"/",                   GET,        ROLES_EVERYONE,  0,          0,     page_home},
    {"/login",              GET | POST, ROLES_EVERYONE,  ROUTE_CSRF, SMALL, page_login},
    {"/logout",             POST,       ROLES_SIGNED_IN, ROUTE_CSRF, SMALL, page_logout},
    {"/cuenta",             GET,        ROLES_SIGNED_IN, 0,          0,     page_account},
    {"/cuenta/clave",       POST,       ROLES_SIGNED_IN, ROUTE_CSRF, SMALL, page_account_password},
    {"/admin/usuarios",     GET | POST, ROLE_ADMIN,      ROUTE_CSRF, SMALL, page_admin_users},
    {"/admin/usuarios/:",   GET | POST, ROLE_ADMIN,      ROUTE_CSRF, SMALL, page_admin_user},
    {"/clave/restablecer",  GET | POST, ROLES_EVERYONE,  ROUTE_CSRF, SMALL, page_password_reset},
    {"/admin/correo",       GET | POST, ROLE_ADMIN,      ROUTE_CSRF, SMALL, page_admin_mail},
    {"/static/:",           GET,        ROLES_EVERYONE,  0,          0,     page_static},
    {"/api/me",             GET,        ROLES_SIGNED_IN, 0,          0,     page_api_me},
    {"/api/mail",           GET,        ROLE_ADMIN,      0,          0,     page_api_mail},
    /* People and places */
    {"/integrantes",        GET,        ROLES_EVERYONE,  0,          0,     page_members_public},
    {"/integrantes.csv",    GET,        ROLES_EVERYONE,  0,          0,     page_members_public_export},
    {"/integrantes.xlsx",   GET,        ROLES_EVERYONE,  0,          0,     page_members_public_export},
    {"/admin/integrantes.csv", GET,     ROLE_ADMIN,      0,          0,     page_admin_members_export},
    {"/admin/integrantes.xlsx", GET,    ROLE_ADMIN,      0,          0,     page_admin_members_export},
    {"/admin/organizaciones.csv", GET,  ROLE_ADMIN,      0,          0,     page_admin_orgs_export},
    {"/admin/organizaciones.xlsx", GET, ROLE_ADMIN,      0,          0,     page_admin_orgs_export},
    {"/admin/directorio.csv", GET,      ROLE_ADMIN,      0,          0,     page_admin_directory_export},
    {"/admin/directorio.xlsx", GET,     ROLE_ADMIN,      0,          0,     page_admin_directory_export},
    {"/admin/integrantes",  GET,        ROLE_ADMIN,      0,          0,     page_admin_members},
    {"/admin/integrantes/nuevo", GET | POST, ROLE_ADMIN, ROUTE_CSRF, SMALL, page_admin_member_new},
    {"/admin/integrantes/importar", GET | POST, ROLE_ADMIN, ROUTE_CSRF, CSV_UPLOAD, page_admin_members_import},
    {"/admin/integrantes/plantilla.csv", GET, ROLE_ADMIN, 0,     0,     page_admin_members_template},
    {"/admin/integrantes/periodo", POST, ROLE_ADMIN,     ROUTE_CSRF, SMALL, page_admin_members_term},
    {"/admin/integrantes/:", GET | POST, ROLE_ADMIN,     ROUTE_CSRF, SMALL, page_admin_member},
    {"/admin/integrantes/:/invitar", POST, ROLE_ADMIN,   ROUTE_CSRF, SMALL, page_admin_member_invite},
    {"/invitacion",         GET | POST, ROLES_EVERYONE,  ROUTE_CSRF, SMALL, page_invitation},
    {"/admin/organizaciones", GET,      ROLE_ADMIN,      0,          0,     page_admin_orgs},
    {"/admin/organizaciones/nueva", GET | POST, ROLE_ADMIN, ROUTE_CSRF, SMALL, page_admin_org_new},
    {"/admin/organizaciones/importar", GET | POST, ROLE_ADMIN, ROUTE_CSRF, CSV_UPLOAD, page_admin_orgs_import},
    {"/admin/organizaciones/plantilla.csv", GET, ROLE_ADMIN, 0,  0,     page_admin_orgs_template},
    {"/admin/organizaciones/:", GET | POST, ROLE_ADMIN,  ROUTE_CSRF, SMALL, page_admin_org},
    {"/admin/directorio",   GET,        ROLE_ADMIN,      0,          0,     page_admin_directory},
    {"/admin/directorio/nuevo", GET | POST, ROLE_ADMIN,  ROUTE_CSRF, SMALL, page_admin_directory_new},
    {"/admin/directorio/:", GET | POST, ROLE_ADMIN,      ROUTE_CSRF, SMALL, page_admin_directory_entry},
    {"/api/members",        GET,        ROLES_SIGNED_IN, 0,          0,     page_api_members},
    {"/api/territory/regions/:", GET,   ROLES_EVERYONE,  0,          0,     page_api_territory_region},
    {"/plan",               GET,        ROLES_EVERYONE,  0,          0,     page_plan},
    {"/plan/lineas/:",      GET,        ROLES_EVERYONE,  0,          0,     page_plan_line},
    {"/plan/historial",     GET,        ROLES_SIGNED_IN, 0,          0,     page_plan_history},
    {"/admin/plan",         GET | POST, ROLE_ADMIN,      ROUTE_CSRF, SMALL, page_admin_plan},
    {"/admin/plan/objetivos", GET | POST, ROLE_ADMIN,    ROUTE_CSRF, SMALL, page_admin_plan_objectives},
    {"/admin/plan/lineas/:", GET | POST, ROLE_ADMIN,     ROUTE_CSRF, SMALL, page_admin_plan_line},
    {"/admin/plan/aprobar", POST,       ROLE_ADMIN,      ROUTE_CSRF, SMALL, page_admin_plan_approve},
    {"/admin/plan/importar", GET | POST, ROLE_ADMIN,     ROUTE_CSRF, PLAN_FILE, page_admin_plan_import},
    {"/admin/plan/revision", GET | POST, ROLE_ADMIN,     ROUTE_CSRF, SMALL, page_admin_plan_review},
    {"/admin/plan/verificadores", GET | POST, ROLE_ADMIN, ROUTE_CSRF, SMALL, page_admin_plan_kinds},
    {"/admin/plan/siguiente", GET | POST, ROLE_ADMIN,    ROUTE_CSRF, SMALL, page_admin_plan_next},
    {"/api/plan",           GET,        ROLES_EVERYONE,  0,          0,     page_api_plan},
    {"/api/plan/versions/:", GET,       ROLES_EVERYONE,  0,          0,     page_api_plan_version},
    {"/api/plan/versions/:/approve", POST, ROLE_ADMIN,   ROUTE_CSRF, SMALL, page_api_plan_approve},
    {"/plan.csv",           GET,        ROLES_EVERYONE,  0,          0,     page_plan_csv},
    {"/plan.xlsx",          GET,        ROLES_EVERYONE,  0,          0,     page_plan_xlsx},
    {"/plan.pdf",           GET,        ROLES_EVERYONE,  0,          0,     page_plan_pdf},
    /* Activities, calendar and convening */
    {"/actividades",        GET,        ROLE_ADMIN,      0,          0,     page_activities},
    {"/actividades/nueva",  GET | POST, ROLE_ADMIN,      ROUTE_CSRF, SMALL, page_activity_new},
    {"/actividades/tipos",  POST,       ROLE_ADMIN,      ROUTE_CSRF, SMALL, page_activity_kinds},
    {"/actividades/ajustes", POST,      ROLE_ADMIN,      ROUTE_CSRF, SMALL, page_activity_settings},
    {"/actividades/:",      GET,        ROLES_EVERYONE,  0,          0,     page_activity},
    {"/actividades/:/editar", GET | POST, ROLE_ADMIN,    ROUTE_CSRF, SMALL, page_activity_edit},
    {"/actividades/:/tabla", POST,      ROLE_ADMIN,      ROUTE_CSRF, SMALL, page_activity_agenda},
    {"/actividades/:/citar", POST,      ROLE_ADMIN,      ROUTE_CSRF, SMALL, page_activity_convene},
    {"/actividades/:/traslado", POST,   ROLE_ADMIN,      ROUTE_CSRF, SMALL, page_activity_transport},
    {"/actividades/:/pasajeros.pdf", GET, ROLE_ADMIN,    0,          0,     page_activity_passengers_pdf},
    {"/calendario",         GET,        ROLES_EVERYONE,  0,          0,     page_calendar},
    {"/calendario.ics",     GET,        ROLES_EVERYONE,  0,          0,     page_calendar_ics},
    {"/calendario/privado/:", GET,      ROLES_EVERYONE,  0,          0,     page_calendar_private_ics},
    {"/cuenta/calendario",  GET | POST, ROLES_SIGNED_IN, ROUTE_CSRF, SMALL, page_account_feed},
    {"/r/:",                GET | POST, ROLES_EVERYONE,  ROUTE_CSRF, SMALL, page_activity_reply},
    {"/api/activities",     GET | POST, ROLES_SIGNED_IN, ROUTE_CSRF, SMALL, page_api_activities},
    {"/api/activities/:",   GET | POST, ROLES_SIGNED_IN, ROUTE_CSRF, SMALL, page_api_activity},
    {"/api/activities/:/convene", POST, ROLE_ADMIN,      ROUTE_CSRF, SMALL, page_api_activity_convene},
    {"/api/activities/:/mail", GET,     ROLE_ADMIN,      0,          0,     page_api_activity_mail},
    /* Evidence and compliance */
    {"/api/activities/:/evidence", POST, ROLE_ADMIN,     ROUTE_CSRF | SETTING, UPLOAD, page_api_activity_evidence},
    {"/actividades/:/evidencias", POST, ROLE_ADMIN,      ROUTE_CSRF | SETTING, UPLOAD, page_activity_evidence_upload},
    {"/evidencias/:",       GET,        ROLES_EVERYONE,  0,          0,     page_evidence_file},
    {"/evidencias/:/miniatura", GET,    ROLES_EVERYONE,  0,          0,     page_evidence_thumbnail},
    {"/admin/verificadores", GET | POST, ROLE_ADMIN,     ROUTE_CSRF, SMALL, page_admin_evidence_settings},
    {"/evidencias/:/eliminar", POST,    ROLE_ADMIN,      ROUTE_CSRF, SMALL, page_evidence_delete},
    {"/api/compliance",     GET,        ROLES_EVERYONE,  0,          0,     page_api_compliance},
    {"/informe-cumplimiento.pdf", GET,  ROLES_SIGNED_IN, 0,          0,     page_compliance_pdf},
    {"/informe-cumplimiento.xlsx", GET, ROLES_SIGNED_IN, 0,          0,     page_compliance_xlsx},
    {"/informe-cumplimiento.zip", GET,  ROLES_SIGNED_IN, 0,          0,     page_compliance_zip},
    /* Sessions: attendance, quorum and agreements */
    {"/api/activities/:/attendance", POST, ROLE_ADMIN,   ROUTE_CSRF, SMALL, page_api_activity_attendance},
    {"/actividades/:/asistencia", POST, ROLE_ADMIN,      ROUTE_CSRF, SMALL, page_activity_attendance},
    {"/actividades/:/asistencia.pdf", GET, ROLES_SIGNED_IN, 0,        0,     page_activity_attendance_pdf},
    {"/actividades/:/acuerdos", POST,  ROLE_ADMIN,      ROUTE_CSRF, SMALL, page_activity_agreements},
    {"/actividades/:/acuerdos-atrasados", POST, ROLE_ADMIN, ROUTE_CSRF, SMALL, page_activity_agenda_overdue},
    {"/acuerdos",           GET,        ROLES_SIGNED_IN, 0,          0,     page_agreements},
    {"/acuerdos/:",         GET | POST, ROLES_SIGNED_IN, ROUTE_CSRF, SMALL, page_agreement},
    {"/actividades/:/acta", GET | POST, ROLES_EVERYONE,  ROUTE_CSRF, SMALL, page_activity_acta},
    {"/actividades/:/acta.pdf", GET,    ROLES_EVERYONE,  0,          0,     page_activity_acta_pdf},
    {"/actas",              GET,        ROLES_EVERYONE,  0,          0,     page_actas},
    {"/solicitudes",        GET | POST, ROLES_SIGNED_IN, ROUTE_CSRF, SMALL, page_authority_requests},
    {"/solicitudes/:",      POST,       ROLE_ADMIN,      ROUTE_CSRF, SMALL, page_authority_request},
    {"/admin/quorum",       GET | POST, ROLE_ADMIN,      ROUTE_CSRF, SMALL, page_admin_quorum},
    {"/api/agreements",     GET | POST, ROLES_SIGNED_IN, ROUTE_CSRF, SMALL, page_api_agreements},
    {"/api/agreements/:",   GET | POST, ROLES_SIGNED_IN, ROUTE_CSRF, SMALL, page_api_agreement},
    /* Escuela de Dirigentes: courses, enrolment, certificates */
    {"/cursos",             GET,        ROLES_EVERYONE,  0,          0,     page_courses_public},
    {"/cursos/:",           GET | POST, ROLES_EVERYONE,  ROUTE_CSRF, SMALL, page_course_public},
    {"/certificados/:",     GET,        ROLES_EVERYONE,  0,          0,     page_certificate},
    {"/api/courses",        GET | POST, ROLE_ADMIN,      ROUTE_CSRF, SMALL, page_api_courses},
    {"/api/courses/:",      GET,        ROLE_ADMIN,      0,          0,     page_api_course},
    {"/api/courses/:/enrolments", GET | POST, ROLE_ADMIN, ROUTE_CSRF, SMALL, page_api_course_enrolments},
    {"/api/courses/:/certificates", POST, ROLE_ADMIN,    ROUTE_CSRF, SMALL, page_api_course_certificates},
    {"/api/certificates/:/revoke", POST, ROLE_ADMIN,     ROUTE_CSRF, SMALL, page_api_certificate_revoke},
    {"/admin/cursos",       GET,        ROLE_ADMIN,      0,          0,     page_admin_courses},
    {"/admin/cursos/ajustes", POST,     ROLE_ADMIN,      ROUTE_CSRF, SMALL, page_admin_course_settings},
    {"/admin/cursos/nuevo", GET | POST, ROLE_ADMIN,      ROUTE_CSRF, SMALL, page_admin_course_new},
    {"/admin/cursos/:",     GET | POST, ROLE_ADMIN,      ROUTE_CSRF, SMALL, page_admin_course},
    {"/admin/cursos/:/modulos", POST,   ROLE_ADMIN,      ROUTE_CSRF, SMALL, page_admin_course_module},
    {"/admin/cursos/:/inscribir", POST, ROLE_ADMIN,      ROUTE_CSRF, CSV_UPLOAD, page_admin_course_enrol},
    {"/admin/cursos/:/certificados", POST, ROLE_ADMIN,   ROUTE_CSRF, SMALL, page_admin_course_certificates},
    {"/admin/cursos/:/revocar", POST,   ROLE_ADMIN,      ROUTE_CSRF, SMALL, page_admin_course_revoke},
    {"/admin/cursos/:/cobertura.xlsx", GET, ROLE_ADMIN,  0,          0,     page_admin_course_coverage_xlsx},
    {"/actividades/:/asistencia-curso", POST, ROLE_ADMIN, ROUTE_CSRF, SMALL, page_module_attendance},
    {"/actividades/:/asistencia-reporte", POST, ROLE_ADMIN, ROUTE_CSRF, CSV_UPLOAD, page_module_report},
    {"/admin/participantes", GET,       ROLE_ADMIN,      0,          0,     page_admin_participants},
    {"/admin/participantes/nuevo", GET | POST, ROLE_ADMIN, ROUTE_CSRF, SMALL, page_admin_participant_new},
    {"/admin/participantes/:", GET | POST, ROLE_ADMIN,   ROUTE_CSRF, SMALL, page_admin_participant},
};

const int routes_count = (int)(sizeof(routes_table) / sizeof(routes_table[0]));

size_t routes_upload_body_max(Db *pDb) {
  return evidence_request_max_bytes(pDb);
}
