"""
One compliance view: /api/compliance and `cosoc compliance-summary` are
computed by the same function with the council's own settings, so they
agree line by line whatever the settings say. Before issue 16 the command
line had its own copy that skipped the at-risk setting: with
compliance_at_risk_days = 365 the API reported 9 lines en_riesgo on the
demo as of 2025-01-15 and the command line 0.
"""
import re
import sqlite3
import unittest

import support
from support import ServerTestCase, run_cli

AS_OF = "2025-01-15"
STATES = ("cumplida", "atrasada", "en_riesgo", "en_curso", "sin_iniciar")


class ComplianceAgrees(ServerTestCase):
    def set_at_risk_days(self, days):
        sql = ("INSERT INTO settings(key, value) VALUES ('compliance_at_risk_days', "
               "'%d') ON CONFLICT (key) DO UPDATE SET value = excluded.value" % days)
        if self.demo.is_postgres:
            support.psql(self.demo.path, sql)
        else:
            with sqlite3.connect(self.demo.path) as db:
                db.execute(sql)

    def api_states(self):
        r = self.client().get("/api/compliance?as_of=" + AS_OF)
        self.assertEqual(r.status, 200, r.text)
        return {line["number"]: line["state"] for line in r.json()["lines"]}

    def cli_states(self):
        out = run_cli("compliance-summary", "--db", self.demo.path, "--as-of", AS_OF,
                      "--lines", check=0).stdout
        lines = {int(n): state for n, state in
                 re.findall(r"^\s+línea (\d+): (\w+) \(", out, re.M)}
        counts = re.search(r"^\s*(\d+)((?:\s+\d+){5})\s+\d+%\s+COSOC", out, re.M)
        self.assertIsNotNone(counts, out)
        return lines, dict(zip(STATES, map(int, counts.group(2).split())))

    def assert_agree(self):
        api = self.api_states()
        cli, counts = self.cli_states()
        self.assertEqual(cli, api)
        for state in STATES:
            self.assertEqual(counts[state], sum(1 for s in api.values() if s == state),
                             state)
        return api

    def test_api_and_command_line_agree_line_by_line_with_any_at_risk_days(self):
        self.set_at_risk_days(30)
        default = self.assert_agree()
        self.set_at_risk_days(365)
        wide = self.assert_agree()
        # The setting is read by both: a year's warning puts more lines at risk.
        at_risk = [n for n, s in wide.items() if s == "en_riesgo"]
        self.assertGreater(len(at_risk), sum(1 for s in default.values() if s == "en_riesgo"))
        self.assertEqual(len(at_risk), 9)


if __name__ == "__main__":
    unittest.main()
