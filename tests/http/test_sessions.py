"""
Sessions over real sockets: attendance through the API (the contract's
shape, the quorum it answers with, bad input refused with its field and
nothing written), the attendance form on the activity page, agreements
(created, followed up, listed by GET /api/agreements), and roles and CSRF
on every new route.
"""
import re
import unittest

from support import ServerTestCase, query_one, run_cli

SESSION = {
    "kind": "sesion_ordinaria",
    "title": "Sesión de prueba de asistencia",
    "start": "2031-05-20T10:00:00-04:00",
    "end": "2031-05-20T12:00:00-04:00",
    "commune": "04101",
    "modality": "presencial",
    "status": "programada",
    "plan_lines": [],
    "public": True,
}


class Sessions(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.admin_token = run_cli("token", "create", "--db", cls.demo.path, "--email",
                                  cls.demo.email, check=0).stdout.strip().split()[-1]
        run_cli("user", "add", "--db", cls.demo.path, "--email", "consejera@example.cl",
                "--name", "Consejera Prueba", "--role", "consejero",
                env={"COSOC_PASSWORD": "clave-de-prueba-1"}, check=0)
        cls.member_token = run_cli("token", "create", "--db", cls.demo.path, "--email",
                                   "consejera@example.cl", check=0).stdout.strip().split()[-1]

    def api(self, method, path, body=None, token=None):
        c = self.client()
        headers = {"Authorization": "Bearer " + (token or self.admin_token)}
        return c.request(method, path, json_body=body, headers=headers)

    def new_session(self, title=None):
        body = dict(SESSION)
        if title:
            body["title"] = title
        r = self.api("POST", "/api/activities", body)
        self.assertEqual(r.status, 201, r.text)
        return r.json()["id"]

    def members(self):
        r = self.api("GET", "/api/members")
        self.assertEqual(r.status, 200, r.text)
        return r.json()

    def count(self, sql, params=()):
        return int(query_one(self.demo.path, sql, params))

    def test_attendance_answers_the_list_and_the_quorum(self):
        aid = self.new_session()
        titulares = [m for m in self.members() if m["titular"]]
        self.assertGreaterEqual(len(titulares), 3)
        body = [{"member_id": m["id"], "status": "presente"} for m in titulares]
        body[-1]["status"] = "justificado"
        body[-1]["reason"] = "Viaje de trabajo"
        body.append({"name": "Ñuñoa Pérez", "organization": "Junta de Vecinos Peñuelas",
                     "status": "presente"})
        r = self.api("POST", "/api/activities/%d/attendance" % aid, body)
        self.assertEqual(r.status, 200, r.text)
        out = r.json()
        self.assertEqual(set(out), {"attendance", "quorum"})
        self.assertEqual(len(out["attendance"]), len(body))
        first = out["attendance"][0]
        self.assertEqual(first["member_id"], titulares[0]["id"])
        self.assertEqual(first["status"], "presente")
        guest = out["attendance"][-1]
        self.assertNotIn("member_id", guest)
        self.assertEqual(guest["name"], "Ñuñoa Pérez")
        q = out["quorum"]
        for key in ("required", "present", "reached"):
            self.assertIn(key, q)
        self.assertEqual(q["present"], len(titulares) - 1)  # guests never count
        self.assertEqual(q["required"], len(titulares) // 2 + 1)
        self.assertIs(q["reached"], len(titulares) - 1 >= len(titulares) // 2 + 1)
        self.assertTrue(q["explanation"])
        # Sending again replaces the list.
        r = self.api("POST", "/api/activities/%d/attendance" % aid,
                     [{"member_id": titulares[0]["id"], "status": "ausente"}])
        self.assertEqual(r.status, 200, r.text)
        self.assertEqual(r.json()["quorum"]["present"], 0)
        self.assertIs(r.json()["quorum"]["reached"], False)
        self.assertEqual(self.count("SELECT count(*) FROM attendance WHERE activity_id = ?",
                                    (aid,)), 1)

    def test_bad_attendance_is_422_with_its_field_and_writes_nothing(self):
        aid = self.new_session()
        m = self.members()[0]
        good = {"member_id": m["id"], "status": "presente"}
        cases = [
            ([good, {"member_id": m["id"], "status": "tarde"}], "status"),
            ([good, {"member_id": 99999999, "status": "presente"}], "member_id"),
            ([good, {"member_id": "x", "status": "presente"}], "member_id"),
            ([good, {"organization": "Sin nombre", "status": "presente"}], "name"),
            ([good, {"member_id": m["id"], "status": "ausente"}], "member_id"),
            ({"member_id": m["id"]}, None),
        ]
        for body, field in cases:
            r = self.api("POST", "/api/activities/%d/attendance" % aid, body)
            self.assertEqual(r.status, 422, (body, r.text))
            self.assertTrue(r.json()["error"])
            if field:
                self.assertEqual(r.json().get("field"), field, body)
        self.assertEqual(self.count("SELECT count(*) FROM attendance WHERE activity_id = ?",
                                    (aid,)), 0)
        r = self.api("POST", "/api/activities/999999/attendance", [good])
        self.assertEqual(r.status, 404)

    def test_roles_and_csrf_on_the_attendance_api(self):
        aid = self.new_session()
        m = self.members()[0]
        body = [{"member_id": m["id"], "status": "presente"}]
        path = "/api/activities/%d/attendance" % aid
        self.assertEqual(self.api("POST", path, body, token=self.member_token).status, 403)
        anon = self.client().request("POST", path, json_body=body)
        self.assertIn(anon.status, (401, 403))
        # A signed-in admin's cookie without a CSRF token changes nothing.
        c = self.admin()
        self.assertEqual(c.request("POST", path, json_body=body).status, 403)
        self.assertEqual(self.count("SELECT count(*) FROM attendance WHERE activity_id = ?",
                                    (aid,)), 0)

    def test_agreements_are_created_followed_and_listed(self):
        aid = self.new_session("Sesión que adopta acuerdos")
        body = {"session": aid, "text": "Solicitar informe del Plan de Emergencia Habitacional",
                "votes": {"for": 7, "against": 1, "abstain": 2},
                "responsible": {"kind": "autoridad", "name": "Seremi de Vivienda"},
                "due_date": "2020-01-31"}
        r = self.api("POST", "/api/agreements", body)
        self.assertEqual(r.status, 201, r.text)
        g = r.json()
        self.assertEqual(g["state"], "pendiente")
        self.assertIs(g["overdue"], True)
        self.assertEqual(g["votes"], {"for": 7, "against": 1, "abstain": 2})
        r = self.api("GET", "/api/agreements", token=self.member_token)
        self.assertEqual(r.status, 200)
        mine = [a for a in r.json() if a["id"] == g["id"]]
        self.assertEqual(len(mine), 1)
        for key in ("state", "responsible", "due_date", "text", "session"):
            self.assertIn(key, mine[0])
        self.assertEqual(mine[0]["responsible"]["name"], "Seremi de Vivienda")
        self.assertEqual(mine[0]["due_date"], "2020-01-31")
        # Followed up, then done.
        path = "/api/agreements/%d" % g["id"]
        r = self.api("POST", path, {"state": "en_curso", "note": "Oficio enviado"})
        self.assertEqual(r.status, 200, r.text)
        r = self.api("POST", path, {"state": "cumplido", "note": "Informe recibido",
                                    "date": "2031-06-01"})
        self.assertEqual(r.status, 200, r.text)
        self.assertEqual(r.json()["state"], "cumplido")
        self.assertIs(r.json()["overdue"], False)
        self.assertEqual([e["to"] for e in r.json()["log"]], ["en_curso", "cumplido"])
        # Refused moves and bad input.
        self.assertEqual(self.api("POST", path, {"state": "pendiente"}).status, 409)
        self.assertEqual(self.api("POST", path, {"state": "hecho"}).json()["field"], "state")
        self.assertEqual(self.api("POST", path, {"state": "en_curso", "version": 1}).status,
                         409)
        self.assertEqual(self.api("POST", path, {"state": "en_curso"},
                                  token=self.member_token).status, 403)
        bad = dict(body, due_date="2031-02-30")
        r = self.api("POST", "/api/agreements", bad)
        self.assertEqual((r.status, r.json()["field"]), (422, "due_date"))
        r = self.api("POST", "/api/agreements", dict(body, text=""))
        self.assertEqual((r.status, r.json()["field"]), (422, "text"))
        r = self.api("POST", "/api/agreements", body, token=self.member_token)
        self.assertEqual(r.status, 403)
        self.assertEqual(self.count("SELECT count(*) FROM agreements WHERE activity_id = ?",
                                    (aid,)), 1)
        anon = self.client().get("/api/agreements")
        self.assertIn(anon.status, (401, 403))


if __name__ == "__main__":
    unittest.main()
