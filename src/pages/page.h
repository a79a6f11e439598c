/*
** What every page handler shares: opening and closing the shell from a
** Request, and the handler declarations the route table names.
**
** Pages are handlers only: they read the request, call store/ and domain/
** code, and render. One folder per feature (src/pages/<feature>/).
*/
#ifndef COSOC_PAGES_PAGE_H
#define COSOC_PAGES_PAGE_H

#include "domain/council.h"
#include "http/request.h"
#include "http/router.h"
#include "render/form.h"
#include "render/html.h"
#include "render/shell.h"

/* The council this request is about (page_council.c), computed once and
** kept on the request; the first of: the /c/SLUG/ path prefix; ?council=ID
** on GET or "council": ID in an API POST's JSON body; the signed-in user's
** current council (chosen in this session, else the first the user belongs
** to); the installation's only council. NULL when there is none yet (or,
** with several, none is named: page_scope() has then answered). The one
** place pages learn which council. */
const Council *page_council(Request *r);
/* The server's path-rewrite hook (ServerConfig.xRewritePath): "/c/SLUG/x"
** is routed as "/x" with the prefix "/c/SLUG" kept on the request. */
const char *page_rewrite_path(Arena *pArena, const char *zPath,
                              const char **pzPrefix);
/* The server's scope hook (ServerConfig.xScope), run once the user is
** known (bFinal 0: from the headers, only the roles; 1: with the body):
** 404 for a council that does not exist; with several councils and
** none named, the national page (/consejos) or, on the API, 400; else the
** user's roles become their roles in the request's council (none in a
** council they do not belong to; the national team reads every council
** and writes none). Returns nonzero when it answered. */
int page_scope(Request *r, int bFinal);
/* A route flag of the route table: the national team may POST to it too
** (the accounts). */
#define ROUTE_NATIONAL ROUTE_CALLER

/* 1 for the national team: an admin tied to no council on an installation
** with several. */
int page_is_national(Request *r);
/* A local path as a link of this request: under the request's /c/SLUG/
** prefix when it came with one (not the installation's own paths:
** /static/, /consejos, /c/…). Every link and redirect goes through it
** (page_finish() passes every href="/…" and action="/…" of a page through
** it; respond_redirect() calls it as ServerConfig.xLinkPath). */
const char *page_link(Request *r, const char *zPath);
/* zPath ("/plan") under council c's prefix: "/c/SLUG/plan". */
const char *page_council_link(Request *r, const Council *c, const char *zPath);
/* h with its local links through page_link (h itself without a prefix). */
const Html *page_links(Request *r, const Html *h);
/* The council of a request that reached its object by a secret token (a
** reply link, an invitation, a private calendar): the object's, not what
** the request names. */
void page_council_use(Request *r, int64_t iCouncil);
/* 1 when the request names its council (its prefix, ?council, the user's
** own), 0 when it is the installation's first by default. */
int page_council_named(Request *r);
/* Its id, 0 when there is none. */
int64_t page_council_id(Request *r);
/* Its region's CUT code ("04"), NULL when there is none. */
const char *page_council_region(Request *r);
/* The same for pages that record things: answers 409 with an explanation
** and returns 0 when there is no council yet. */
int64_t page_require_council(Request *r);

/* Adds an event that is no row change to the audit log (a sign-in, a data
** export…: row changes log themselves), as the request's user, from its
** address, in its council. iUser > 0 names who acted when the request has
** no user yet (a sign-in). DB_OK or the failure. */
int page_audit_event(Request *r, int64_t iUser, const char *zKind,
                     const char *zId, const char *zAction, const char *zFields);

/* Whether the request's user holds one of the roles mRole (ROLE_ bits):
** for what a page shows; who may use a route is the route table's. */
int page_user_is(Request *r, int mRole);

/* Starts the page: initializes h and writes the shell's top. */
void page_begin(Request *r, Html *h, const char *zTitle, const char *zNav);

/* page_begin(), then the page's <h1>: for the pages whose heading is the
** same words as their <title>, so the two cannot drift apart. */
void page_begin_titled(Request *r, Html *h, const char *zTitle,
                       const char *zNav);

/* «Guardado» where it was saved: after a form of a page's section saves,
** it redirects to ?guardado=SECTION#SECTION and the section calls this,
** which writes the confirmation when the key is its own ("asistencia",
** "acuerdos", "verificadores", "tabla", "citar", "traslado", "detalles").
** A phone jumps to the section, so a notice atop the page would not be
** seen. */
void page_saved_notice(Html *h, Request *r, const char *zSection);
/* Closes the shell and sends the page with iStatus. */
void page_finish(Request *r, Html *h, int iStatus);
/* page_finish() with status 200 for a page whose body pBody, written after
** what page_begin() put in h, already went through page_links() (a cached
** fragment is kept that way: its key names the prefix): only the shell's
** links are passed through page_link() here, not the 25 KB of the body on
** every request. */
void page_finish_linked(Request *r, Html *h, const Html *pBody);

/* A local path that is safe to redirect to after sign-in ("/" otherwise):
** it must start with one '/', so it cannot send the user to another site. */
const char *page_safe_next(const char *zNext);

/* A JSON integer from iMin to iMax into *piOut: 1; 0 when v is not an
** integer or is out of that range. json_integer_value() is 64 bits: cast
** to int unchecked, 4294967302 was line 6 of the plan and 4294967297
** votes were one. */
int page_json_int(const json_t *v, int iMin, int iMax, int *piOut);

/* A stored ISO date as pages show it, "12-03-2025" (arena memory). */
const char *page_date(Arena *pArena, const char *zIso);
/* The new password of a posted form's "password" and "password_confirm"
** fields, checked (accounts_password_problem() for that name and e-mail,
** and the two equal): NULL on GET or with the problems in pErr (which it
** starts) under those field names. */
const char *page_new_password(Request *r, FormErrors *pErr, const char *zName,
                              const char *zEmail);
/* 404: the link of page_link_token() was used, expired or never was. */
void page_link_gone(Request *r);
/* 1 when a store call's rc is DB_OK; otherwise answers 500 (a failure the
** user cannot fix; the detail is in the log) and returns 0, so that
** `if (!page_db_ok(r, store_call(...))) return;` ends the handler. */
int page_db_ok(Request *r, int rc);

/* The single-use token of a link (a password reset, an invitation): the
** posted form's "t" field, or the query's on GET. */
const char *page_link_token(Request *r);
/* The form such a link opens: the token as "t", the CSRF token, the new
** password twice ("Contraseña nueva" when bNew, else "Contraseña") with
** zHint under it, and the button zButton; it posts to zAction. */
void page_password_form(Html *h, Request *r, const FormErrors *pErr,
                        const char *zAction, const char *zToken, int bNew,
                        const char *zHint, const char *zButton);
/* "Espere N segundos…" (or minutes) after failed passwords, in Spanish.
** bNext: about the next try after a failure just shown. */
const char *page_signin_wait_message(Arena *pArena, int64_t iWait, int bNext);
/* A stored time (seconds) as pages show it in Santiago, "12-03-2025 10:30". */
const char *page_time(Arena *pArena, int64_t t);

/* Handlers (see routes.c for their URLs). */
void page_home(Request *r);
void page_login(Request *r);
void page_logout(Request *r);
void page_account(Request *r);
void page_account_password(Request *r);
void page_admin_users(Request *r);
void page_admin_user(Request *r);
void page_password_reset(Request *r);
void page_admin_mail(Request *r);
void page_api_mail(Request *r);

/* The outbox rows as the API shows them (api_mail.c); for any endpoint that
** lists mail, such as an activity's. Returns a new JSON array. */
typedef struct OutboxRow OutboxRow;
json_t *page_mail_json(const OutboxRow *aRow, int nRow);
/* A stored time (seconds) as the API gives it, ISO 8601 in Santiago
** ("2025-04-15T10:00:00-04:00"); null for 0 (never). */
json_t *page_json_time(int64_t t);
/* The request's body as a JSON object (the caller owns the reference), or
** answers 400 and returns NULL. */
json_t *page_json_object(Request *r);
void page_static(Request *r);
/* Councils (pages/council/). */
void page_councils(Request *r);
void page_councils_xlsx(Request *r);
void page_api_councils(Request *r);
void page_council_choose(Request *r);
void page_admin_councils(Request *r);
void page_admin_council_new(Request *r);
void page_admin_council(Request *r);
/* 1 when the request's user may create and edit councils: the national
** team, or the officer of an installation of one council. */
int page_may_manage_councils(Request *r);
void page_api_me(Request *r);
void page_plan(Request *r);
void page_plan_line(Request *r);
void page_plan_history(Request *r);
void page_admin_plan(Request *r);
void page_admin_plan_objectives(Request *r);
void page_admin_plan_line(Request *r);
void page_admin_plan_approve(Request *r);
void page_admin_plan_import(Request *r);
void page_api_plan(Request *r);
void page_api_plan_version(Request *r);
void page_api_plan_approve(Request *r);
void page_admin_plan_review(Request *r);
void page_admin_plan_kinds(Request *r);
void page_admin_plan_next(Request *r);
void page_plan_csv(Request *r);
void page_plan_xlsx(Request *r);
void page_plan_pdf(Request *r);

/* People and places (members.c, organizations.c, directory.c). */
void page_members_public(Request *r);
void page_admin_members(Request *r);
void page_admin_member_new(Request *r);
void page_admin_member(Request *r);
void page_admin_member_invite(Request *r);
void page_admin_members_import(Request *r);
void page_admin_members_template(Request *r);
void page_invitation(Request *r);
void page_api_members(Request *r);
void page_admin_orgs(Request *r);
void page_admin_org_new(Request *r);
void page_admin_org(Request *r);
void page_admin_orgs_import(Request *r);
void page_admin_orgs_template(Request *r);
void page_admin_directory(Request *r);
void page_admin_directory_new(Request *r);
void page_admin_directory_entry(Request *r);
void page_api_territory_region(Request *r);
void page_admin_members_export(Request *r);
void page_admin_members_term(Request *r);
void page_members_public_export(Request *r);
void page_admin_orgs_export(Request *r);
void page_admin_directory_export(Request *r);

/* A file download: 200 with the bytes as zType and, when zDisposition is
** not NULL, that Content-Disposition ("inline; filename=\"acta.pdf\"",
** "attachment; …"): a PDF to show, a sheet to save. */
void page_send_file(Request *r, const char *zType, const char *zDisposition,
                    const void *p, size_t n);
/* The same for what an exporter made (export/export.h) with outcome rc:
** page_send_file() when rc is EXPORT_OK, otherwise 500 (a failure the user
** cannot fix). The ending of the export handlers whose failure shows no
** reason (the plan downloads and the councils sheet give theirs). */
void page_send_export(Request *r, int rc, const char *zType,
                      const char *zDisposition, const void *p, size_t n);

/* Opens a form that posts to the action zActionFmt (printf-like, through
** the escaping writer as html_printf), of class zClass (none when NULL),
** with the request's CSRF token: every form that posts must carry it, or
** the server refuses the post. The caller writes the fields and closes it. */
void page_post_form(Html *h, Request *r, const char *zClass,
                    const char *zActionFmt, ...)
    __attribute__((format(printf, 4, 5)));

/* page_db_ok() for a store call that looks up one thing: 1 when rc is
** DB_OK; DB_DONE (there is no such thing) answers 404 with zMissing ("No
** existe esa cuenta."; NULL: the default page), any other failure 500;
** then 0, so that `if (!page_found(r, rc, zMissing)) return;` ends the
** handler. */
int page_found(Request *r, int rc, const char *zMissing);

/* page_post_form() for one of the actions of a handler that does several
** on the same path (revoke a token, change a role…): the form carries the
** action's name zDo in its hidden "accion" field, which the handler reads
** to know what was asked. */
void page_post_action_form(Html *h, Request *r, const char *zClass,
                           const char *zDo, const char *zActionFmt, ...)
    __attribute__((format(printf, 5, 6)));

/* Answers the outbox as the API lists it (page_mail_json): the mail about
** zKind iId ("actividad", 12; NULL for all of the council's), paged by the
** request's ?limit=&offset= with the headers of page_list_headers() for
** zPath and zQuery (api_mail.c). */
void page_mail_list_respond(Request *r, const char *zKind, int64_t iId,
                            const char *zPath, const char *zQuery);

/* Opens a section of a page whose forms save into it (the activity's
** agenda, attendance, transport…): <section> labelled by its heading
** zTitle, of id zId (the #fragment a save redirects to), then its
** «Guardado» when the save was zSaved's (page_saved_notice). */
void page_section_begin(Html *h, Request *r, const char *zId,
                        const char *zTitle, const char *zSaved);

#endif
