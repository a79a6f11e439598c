/*
** cosoc compliance-summary --db TARGET [--as-of YYYY-MM-DD] [--lines] —
** the national view of an installation that hosts many councils: for each
** council, its approved plan's lines per compliance state and its
** progress, computed by the same compliance view as the dashboard and
** /api/compliance (store/compliance/compliance_view.h, with each
** council's settings), then the totals; --lines adds each line's state. `make
*bench` times it over the national data
** set.
**
** Read only: it never writes.
*/
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "store/compliance/compliance_view.h"
#include "util/text.h"

/* One council's rollup into *pTotal, computed by the compliance view the
** dashboard and /api/compliance use (the council's settings included);
** with bLines, then each line's state. 0 when it has no approved plan yet,
** 1 when counted, -1 on a database or date error (message printed). */
static int summary_council(Db *pDb, Arena *pArena, const Council *pCouncil,
                           const char *zAsOf, int bLines,
                           ComplianceRollup *pTotal) {
  /* The name was typed by someone: no escape sequence reaches the screen. */
  const char *zShort = text_for_terminal(pArena, pCouncil->zShortName);
  ComplianceView v;
  const char *zErr = NULL;
  int rc = compliance_view_load(pDb, pArena, pCouncil->id, zAsOf, 0, &v, &zErr);
  if (rc == COMPLIANCE_VIEW_NO_PLAN) {
    printf("%6s  sin plan aprobado: %s\n", "-", zShort);
    return 0;
  }
  if (rc != COMPLIANCE_VIEW_OK) {
    fprintf(stderr, "cosoc compliance-summary: %s\n",
            rc == COMPLIANCE_VIEW_ERROR ? db_errmsg(pDb) : zErr);
    return -1;
  }
  const ComplianceRollup *t = &v.result.total;
  printf("%6d", t->nLine);
  for (int s = 0; s < COMPLIANCE_STATE_COUNT; s++) {
    printf(" %9d", t->anState[s]);
    pTotal->anState[s] += t->anState[s];
  }
  printf(" %6d%%  %s\n", t->iPercent, zShort);
  for (int i = 0; bLines && i < v.result.nLine; i++) {
    const ComplianceLine *l = &v.result.aLine[i];
    printf("        línea %d: %s (%d de %d verificadas)\n", l->iNumber,
           compliance_state_slug(l->eState), l->nCounted, l->nTarget);
  }
  pTotal->nLine += t->nLine;
  pTotal->nTarget += t->nTarget; /* The national total: the same definition */
  pTotal->nVerified += t->nVerified;
  return 1;
}

int cmd_compliance_summary(int argc, char **argv) {
  const char *zDb = NULL, *zAsOf = NULL, *zLines = NULL;
  const CliOption aOpt[] = {
      {"db", "COSOC_DB", 0, "base de datos", &zDb},
      {"as-of", NULL, 0, "fecha de corte AAAA-MM-DD (hoy)", &zAsOf},
      {"lines", NULL, 1, "también el estado de cada línea del plan", &zLines},
  };
  int rc;
  if (!cli_args(argc, argv, 2, "compliance-summary",
                "Uso: cosoc compliance-summary --db BASE [--as-of "
                "AAAA-MM-DD] [--lines]\n\nEl cumplimiento de todos los "
                "consejos de la instalación: líneas del plan aprobado "
                "por estado y avance de cada consejo, y el total nacional.",
                aOpt, 3, 1, &rc)) {
    return rc;
  }
  char zToday[PLAN_DATE_SIZE];
  if (!zAsOf) {
    compliance_today(zToday);
    zAsOf = zToday;
  } else if (!compliance_view_as_of_valid(zAsOf) || !plan_date_valid(zAsOf)) {
    fprintf(stderr,
            "cosoc compliance-summary: --as-of debe ser una fecha "
            "AAAA-MM-DD, no «%s»\n",
            zAsOf);
    return CLI_USAGE;
  }
  Db *pDb = cli_open_db(zDb);
  if (!pDb) return CLI_FAIL;
  Arena *pList = arena_new();
  Council *aCouncil = NULL;
  int nCouncil = 0;
  if (council_list(pDb, pList, &aCouncil, &nCouncil) != DB_OK) {
    arena_free(pList);
    db_close(pDb);
    return CLI_FAIL;
  }
  printf("Cumplimiento al %s\n%6s", zAsOf, "líneas");
  for (int s = 0; s < COMPLIANCE_STATE_COUNT; s++) {
    printf(" %9s", compliance_state_slug((ComplianceState)s));
  }
  printf(" %7s  %s\n", "avance", "consejo");
  ComplianceRollup total;
  memset(&total, 0, sizeof(total));
  int nCounted = 0;
  rc = CLI_OK;
  for (int i = 0; rc == CLI_OK && i < nCouncil; i++) {
    /* One arena per council: the plan and its activities are dropped as
    ** soon as its line is printed. */
    Arena *pArena = arena_new();
    int r = summary_council(pDb, pArena, &aCouncil[i], zAsOf, zLines != NULL,
                            &total);
    arena_free(pArena);
    if (r < 0) rc = CLI_FAIL;
    nCounted += r > 0;
  }
  if (rc == CLI_OK) {
    printf("%6d", total.nLine);
    for (int s = 0; s < COMPLIANCE_STATE_COUNT; s++) {
      printf(" %9d", total.anState[s]);
    }
    printf(" %6d%%  total nacional (%d consejos)\n",
           compliance_percent(total.nVerified, total.nTarget), nCounted);
  }
  arena_free(pList);
  db_close(pDb);
  return rc;
}
