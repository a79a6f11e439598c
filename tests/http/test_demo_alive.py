"""
A demo that is alive (issue 19, item 6), as `cosoc demo` leaves it on the
day the test runs: the council in the middle of a current plan whose
period holds today, made from the real 2024-2025 plan, which stays as the
previous plan, ended, with its final result; recent and upcoming
activities that fit the current plan's lines; a believable mix of states
on the dashboard.

Nothing here names a year: the demo computes its dates from today, so the
test does too.
"""
import datetime
import re
import unittest

from support import ServerTestCase

TODAY = datetime.date.today()


class DemoAlive(ServerTestCase):
    def compliance(self, query=""):
        r = self.client().get("/api/compliance" + query)
        self.assertEqual(r.status, 200, r.text)
        return r.json()

    def test_the_current_plan_holds_today_and_the_real_one_has_ended(self):
        d = self.compliance()
        plan = d["plan"]
        self.assertEqual(plan["state"], "vigente", plan)
        start = datetime.date.fromisoformat(plan["period"]["start"])
        end = datetime.date.fromisoformat(plan["period"]["end"])
        self.assertLessEqual(start, TODAY)
        self.assertLessEqual(TODAY, end)
        self.assertGreater(plan["version"], 1)
        # The real plan is version 1: 2024-2025, ended, its final result.
        real = self.compliance("?version=1")
        self.assertEqual(real["plan"]["period"], {"start": "2024-01-01", "end": "2025-12-31"})
        self.assertEqual(real["plan"]["state"], "terminado")
        self.assertEqual(len(real["lines"]), len(d["lines"]))
        # The current plan was made from it through «Plan siguiente»: the
        # same lines, each the line it continues.
        versions = self.client().get("/api/plan/versions/1").json()
        self.assertEqual([x["number"] for x in versions["lines"]],
                         [x["number"] for x in d["lines"]])

    def test_the_dashboard_shows_a_believable_mix_of_states(self):
        d = self.compliance()
        states = [x["state"] for x in d["lines"]]
        for state in ("cumplida", "en_curso", "en_riesgo", "sin_iniciar"):
            self.assertIn(state, states, states)
        self.assertEqual(states.count("en_riesgo"), 1, states)
        total = d["total"]
        self.assertTrue(0 < total["percent"] < 100, total)
        home = self.admin().get("/").text
        period = "del %s al %s" % tuple(
            datetime.date.fromisoformat(d["plan"]["period"][k]).strftime("%d-%m-%Y")
            for k in ("start", "end"))
        self.assertIn(period, home)
        self.assertIn("Vigente", home)
        self.assertIn("%d %% de avance" % total["percent"], home)
        for label in ("Cumplida", "En curso", "En riesgo", "Sin iniciar"):
            self.assertIn(label, home)
        # The previous plan, ended, with its final result.
        self.assertRegex(home, r"Plan anterior: «[^»]*2024-2025», terminado")

    def test_recent_and_upcoming_activities_fit_the_current_plan(self):
        acts = self.api("GET", "/api/activities").json()
        dates = {a["id"]: datetime.date.fromisoformat(a["start"][:10]) for a in acts}
        recent = [a for a in acts if TODAY - datetime.timedelta(days=120) <= dates[a["id"]]
                  < TODAY and a["plan_lines"]]
        upcoming = [a for a in acts if dates[a["id"]] > TODAY and a["plan_lines"]]
        self.assertGreaterEqual(len(recent), 3, [a["title"] for a in acts])
        self.assertGreaterEqual(len(upcoming), 2, [a["title"] for a in acts])
        version = self.compliance()["plan"]["version"]
        for a in recent + upcoming:
            got = self.api("GET", "/api/activities/%d" % a["id"]).json()["compliance"]
            for v in got:
                self.assertEqual(v["plan_version"], version, (a["title"], v))
                # Each counts, or will once held: none is outside its
                # line's window, of a refused kind or excluded.
                self.assertIn(v["reason"], ("counts", "not_held"), (a["title"], v))
        held = [a for a in recent if a["status"] == "realizada"]
        self.assertTrue(held, "some recent activity was held")
        self.assertTrue(all(a["status"] != "realizada" for a in upcoming))
        # The 2024-2025 activities stay with their plan.
        old = [a for a in acts if dates[a["id"]].year <= 2025]
        self.assertTrue(old)
        for a in old:
            for v in self.api("GET", "/api/activities/%d" % a["id"]).json()["compliance"]:
                self.assertEqual(v["plan_version"], 1, (a["title"], v))

    def test_the_activity_page_of_an_upcoming_session_says_it_will_count(self):
        acts = self.api("GET", "/api/activities").json()
        up = [a for a in acts if a["start"][:10] > TODAY.isoformat() and a["plan_lines"]]
        page = self.admin().get("/actividades/%d" % up[0]["id"]).text
        self.assertTrue(re.search(r"Contará para la Línea \d+ cuando se realice", page),
                        page[:2000])


if __name__ == "__main__":
    unittest.main()
