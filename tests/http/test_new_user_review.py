"""
What a new user met trying issues 19 and 20 on the demo, on a phone (the
review of u1920): each test is a thing that read wrong, was cut off or
could not be reached, as the officer, a councillor or the public saw it.
"""
import datetime
import re
import unittest

from support import ServerTestCase


def text(html):
    """The page's words, tags dropped and spaces folded."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


class NewUserReview(ServerTestCase):
    def test_an_ended_plan_says_its_next_plan_is_current_once_it_began(self):
        # The demo's previous plan (2024-2025) ended; the next one is the
        # current plan. Its page said the next plan «rige cuando comience su
        # periodo», a plan that began months ago.
        current = self.client().get("/api/compliance").json()["plan"]
        self.assertEqual(current["state"], "vigente")
        start = datetime.date.fromisoformat(current["period"]["start"])
        page = text(self.admin().get("/?version=1").text)
        self.assertFalse("rige cuando comience" in page, "the banner says it")
        self.assertIn("El plan siguiente (versión %d) está vigente desde el %s"
                      % (current["version"], start.strftime("%d-%m-%Y")), page)

    def jumps_lead_somewhere(self, client, aid):
        html = client.get("/actividades/%d" % aid).text
        nav = re.search(r'<nav class="jumps"[^>]*>(.*?)</nav>', html, re.S)
        self.assertIsNotNone(nav, "activity %d has its jump links" % aid)
        targets = re.findall(r'href="#([^"]+)"', nav.group(1))
        self.assertTrue(targets)
        for t in targets:
            self.assertTrue('id="%s"' % t in html,
                            "activity %d: the jump to #%s leads nowhere" % (aid, t))
        return targets

    def test_every_jump_link_of_an_activity_page_leads_to_its_section(self):
        # A module of the demo's course has no councillors' attendance, no
        # Traslado (it is online) and no history: its jumps «Asistencia»,
        # «Traslado» and «Historial» led nowhere.
        courses = self.api("GET", "/api/courses").json()
        module = courses[0]["modules"][0]["activity_id"]
        targets = self.jumps_lead_somewhere(self.admin(), module)
        self.assertIn("curso", targets, "the module's own section is reachable")
        session = self.held_session("Sesión con traslado", days_ago=3)
        self.jumps_lead_somewhere(self.admin(), session)
        self.add_user("consejera.saltos@example.cl", "Consejera Saltos", "consejero")
        councillor = self.client()
        councillor.login("consejera.saltos@example.cl", "clave-de-prueba-1")
        for aid in (module, session):
            self.jumps_lead_somewhere(councillor, aid)

    def test_a_leader_who_can_still_complete_the_course_is_not_told_no(self):
        # The demo's course: 2 of 4 modules held, «al menos 3 de 4». A leader
        # at every module so far read «Aprueba: No», as if she had failed.
        course = self.api("GET", "/api/courses").json()[0]
        html = self.admin().get("/admin/cursos/%d" % course["id"]).text
        rows = re.findall(r'data-label="Módulos">(\d+) de 4</td><td data-label="'
                          r'Aprueba">([^<]*)</td>', html)
        self.assertTrue(rows, "the enrolled are listed")
        by = {}
        for attended, verdict in rows:
            by.setdefault(int(attended), set()).add(verdict)
        self.assertEqual(by.get(2), {"Aún no: le falta 1 módulo de los 2 por realizar"}, by)
        self.assertEqual(by.get(0), {"No"}, by)  # needs 3, only 2 to come


if __name__ == "__main__":
    unittest.main()
