/*
** cosoc compliance-summary --db TARGET [--as-of YYYY-MM-DD] — the national
** view of an installation that hosts many councils: for each council, its
** approved plan's lines per compliance state and its progress, computed as
** the dashboard computes them (plan store, evidence feed, compliance
** engine), then the totals. `make bench` times it over the national data
** set.
**
** Read only: it never writes.
*/
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "domain/compliance.h"
#include "store/evidence/evidence_store.h"
#include "store/plan/plan_store.h"
#include "util/text.h"

/* One council's rollup into *pTotal; 0 when it has no approved plan yet,
** 1 when counted, -1 on a database or date error (message printed). */
static int summary_council(Db *pDb, Arena *pArena, int64_t iCouncil,
                           const char *zShort, const char *zAsOf,
                           ComplianceRollup *pTotal) {
  PlanDoc doc;
  PlanVersionInfo info;
  int rc = plan_store_load(pDb, pArena, iCouncil, 0, 1, &doc, &info);
  if (rc == DB_DONE) {
    printf("%6s  sin plan aprobado: %s\n", "-", zShort);
    return 0;
  }
  ComplianceActivity *aAct = NULL;
  int nAct = 0;
  if (rc != DB_OK ||
      evidence_compliance_feed(pDb, pArena, iCouncil, &aAct, &nAct) != DB_OK) {
    fprintf(stderr, "cosoc compliance-summary: %s\n", db_errmsg(pDb));
    return -1;
  }
  ComplianceOptions opt;
  memset(&opt, 0, sizeof(opt));
  opt.zAsOf = zAsOf;
  ComplianceResult res;
  const char *zErr = NULL;
  if (compliance_compute(pArena, &doc, aAct, nAct, &opt, &res, &zErr) !=
      COMPLIANCE_OK) {
    fprintf(stderr, "cosoc compliance-summary: %s\n", zErr);
    return -1;
  }
  const ComplianceRollup *t = &res.total;
  printf("%6d", t->nLine);
  for (int s = 0; s < COMPLIANCE_STATE_COUNT; s++) {
    printf(" %9d", t->anState[s]);
    pTotal->anState[s] += t->anState[s];
  }
  printf(" %6.0f%%  %s\n", t->rProgress * 100, zShort);
  pTotal->nLine += t->nLine;
  pTotal->rProgress += t->rProgress; /* Summed here, averaged by the caller */
  return 1;
}

int cmd_compliance_summary(int argc, char **argv) {
  const char *zDb = NULL, *zAsOf = NULL;
  const CliOption aOpt[] = {
      {"db", "COSOC_DB", 0, "base de datos", &zDb},
      {"as-of", NULL, 0, "fecha de corte AAAA-MM-DD (hoy)", &zAsOf},
  };
  int rc = cli_parse(argc, argv, 2, "compliance-summary",
                     "Uso: cosoc compliance-summary --db BASE [--as-of "
                     "AAAA-MM-DD]\n\nEl cumplimiento de todos los consejos "
                     "de la instalación: líneas del plan aprobado por estado "
                     "y avance de cada consejo, y el total nacional.",
                     aOpt, 2, NULL, 0, NULL);
  if (rc != CLI_OK) return rc == CLI_HELP_SHOWN ? 0 : rc;
  if (!zDb) {
    fprintf(stderr, "cosoc compliance-summary: falta --db (o COSOC_DB)\n");
    return CLI_USAGE;
  }
  char zToday[PLAN_DATE_SIZE];
  if (!zAsOf) {
    compliance_today(zToday);
    zAsOf = zToday;
  } else if (!plan_date_valid(zAsOf)) {
    fprintf(stderr,
            "cosoc compliance-summary: --as-of debe ser una fecha "
            "AAAA-MM-DD, no «%s»\n",
            zAsOf);
    return CLI_USAGE;
  }
  Db *pDb = cli_open_db(zDb);
  if (!pDb) return CLI_FAIL;
  DbStmt *p =
      db_prepare(pDb, "SELECT id, short_name FROM councils ORDER BY id");
  if (!p) {
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
  while (rc == CLI_OK && db_step(p) == DB_ROW) {
    /* One arena per council: the plan and its activities are dropped as
    ** soon as its line is printed. */
    Arena *pArena = arena_new();
    int r = summary_council(pDb, pArena, db_column_int64(p, 0),
                            text_for_terminal(pArena, db_column_text(p, 1)),
                            zAsOf, &total);
    arena_free(pArena);
    if (r < 0) rc = CLI_FAIL;
    nCounted += r > 0;
  }
  db_done(p);
  if (rc == CLI_OK) {
    printf("%6d", total.nLine);
    for (int s = 0; s < COMPLIANCE_STATE_COUNT; s++) {
      printf(" %9d", total.anState[s]);
    }
    printf(" %6.0f%%  total nacional (%d consejos)\n",
           nCounted ? total.rProgress * 100 / nCounted : 0.0, nCounted);
  }
  db_close(pDb);
  return rc;
}
