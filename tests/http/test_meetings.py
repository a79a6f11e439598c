"""
Sessions over real sockets: attendance through the API (the contract's
shape, the quorum it answers with, bad input refused with its field and
nothing written), the attendance form on the activity page, agreements
(created, followed up, listed by GET /api/agreements), and roles and CSRF
on every new route.
"""
import os
import re
import subprocess
import tempfile
import unittest

from support import ServerTestCase, query_one

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
        cls.add_user("consejera@example.cl", "Consejera Prueba", "consejero")
        cls.member_token = cls.token_for("consejera@example.cl")

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
        aid = self.held_session("Sesión que adopta acuerdos", days_ago=20)
        body = {"session": aid, "text": "Solicitar informe del Plan de Emergencia Habitacional",
                "votes": {"for": 6, "against": 1, "abstain": 1},
                "responsible": {"kind": "autoridad", "name": "Seremi de Vivienda"},
                "due_date": "2020-01-31"}
        r = self.api("POST", "/api/agreements", body)
        self.assertEqual(r.status, 201, r.text)
        g = r.json()
        self.assertEqual(g["state"], "pendiente")
        self.assertIs(g["overdue"], True)
        self.assertEqual(g["votes"], {"for": 6, "against": 1, "abstain": 1})
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


def pdf_text(body):
    """The text of a PDF as pdftotext reads it, lines joined by spaces (a
    long cell may wrap)."""
    with tempfile.NamedTemporaryFile(suffix=".pdf", delete=False) as f:
        f.write(body)
        path = f.name
    try:
        out = subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True,
                             check=True, timeout=60).stdout
        info = subprocess.run(["pdfinfo", path], capture_output=True, text=True,
                              check=True, timeout=60).stdout
    finally:
        os.unlink(path)
    return re.sub(r"\s+", " ", out), info


class SessionPages(ServerTestCase):
    """The pages: attendance on the activity page, the sheet, actas from
    draft to published, the agreements tracker; roles and CSRF."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.member_password = cls.add_user("consejero@example.cl", "Consejero Prueba",
                                           "consejero")

    def member(self):
        c = self.client()
        c.login("consejero@example.cl", self.member_password)
        return c

    def new_session(self, title, start="2031-05-20T10:00:00-04:00"):
        body = dict(SESSION, title=title, start=start,
                    end=start.replace("T10:", "T12:"))
        r = self.api("POST", "/api/activities", body)
        self.assertEqual(r.status, 201, r.text)
        return r.json()["id"]

    def held_demo_session(self):
        return int(query_one(self.demo.path, "SELECT id FROM activities WHERE title = ?",
                             ("Sesión ordinaria de marzo",)))

    def test_attendance_form_saves_and_shows_the_quorum(self):
        aid = self.new_session("Sesión con asistencia por formulario")
        members = self.api("GET", "/api/members").json()
        c = self.admin()
        page = c.get("/actividades/%d" % aid)
        self.assertEqual(page.status, 200)
        self.assertIn('id="quorum"', page.text)
        self.assertIn('name="status_%d"' % members[0]["id"], page.text)
        token = c.csrf_from("/actividades/%d" % aid)
        form = {"csrf_token": token, "guest_name_0": "Raúl Ñancupil",
                "guest_org_0": "Junta de Vecinos Peñuelas", "guest_status_0": "presente"}
        for m in members:
            form["status_%d" % m["id"]] = "presente"
        form["status_%d" % members[1]["id"]] = "justificado"
        form["reason_%d" % members[1]["id"]] = "Enfermedad"
        r = c.post("/actividades/%d/asistencia" % aid, form=form)
        self.assertEqual(r.status, 303, r.text)
        n = query_one(self.demo.path, "SELECT count(*) FROM attendance WHERE activity_id = ?",
                      (aid,))
        self.assertEqual(int(n), len(members) + 1)
        page = c.get("/actividades/%d" % aid)
        self.assertIn("Hay quórum", page.text)
        self.assertIn("Raúl Ñancupil", page.text)
        # Bad status: 422, nothing changes.
        form["status_%d" % members[0]["id"]] = "tarde"
        self.assertEqual(c.post("/actividades/%d/asistencia" % aid, form=form).status, 422)
        # No CSRF token, or a councillor: refused, nothing changes.
        del form["csrf_token"]
        form["status_%d" % members[0]["id"]] = "ausente"
        self.assertEqual(c.post("/actividades/%d/asistencia" % aid, form=form).status, 403)
        m = self.member()
        form["csrf_token"] = m.csrf_from("/cuenta")
        self.assertEqual(m.post("/actividades/%d/asistencia" % aid, form=form).status, 403)
        status = query_one(self.demo.path, "SELECT status FROM attendance WHERE "
                           "activity_id = ? AND member_id = ?", (aid, members[0]["id"]))
        self.assertEqual(status, "presente")

    def test_bad_attendance_form_is_reshown_with_its_message_and_writes_nothing(self):
        aid = self.new_session("Sesión con asistencia mal escrita")
        members = self.api("GET", "/api/members").json()
        c = self.admin()
        token = c.csrf_from("/actividades/%d" % aid)
        form = {"csrf_token": token,
                "guest_name_0": "Eliana Quispe", "guest_org_0": "Comité Los Aromos",
                "guest_status_0": "presente",
                "guest_name_1": "eliana  QUISPE", "guest_org_1": "Otra junta",
                "guest_status_1": "presente"}
        for m in members:
            form["status_%d" % m["id"]] = "presente"
        form["status_%d" % members[1]["id"]] = "justificado"
        form["reason_%d" % members[1]["id"]] = "Operativo en Ovalle"
        r = c.post("/actividades/%d/asistencia" % aid, form=form)
        self.assertEqual(r.status, 422, r.text)
        self.assertIn("Fila %d" % (len(members) + 2), r.text)
        self.assertIn('id="guest_1"', r.text)
        self.assertIn('value="eliana  QUISPE"', r.text)
        self.assertIn('value="Comité Los Aromos"', r.text)
        self.assertIn('value="Operativo en Ovalle"', r.text)
        form["status_%d" % members[0]["id"]] = "tarde"
        r = c.post("/actividades/%d/asistencia" % aid, form=form)
        self.assertEqual(r.status, 422, r.text)
        self.assertIn("«tarde» no es válido", r.text)
        self.assertIn('id="member_%d"' % members[0]["id"], r.text)
        self.assertEqual(int(query_one(self.demo.path, "SELECT count(*) FROM attendance "
                                       "WHERE activity_id = ?", (aid,))), 0)

    def test_attendance_sheet_pdf_lists_everyone_on_a4_and_letter(self):
        aid = self.held_demo_session()
        members = self.api("GET", "/api/members").json()
        c = self.admin()
        for query, size in (("", "A4"), ("?papel=carta", "letter")):
            r = c.get("/actividades/%d/asistencia.pdf%s" % (aid, query))
            self.assertEqual(r.status, 200)
            self.assertEqual(r.header("Content-Type"), "application/pdf")
            text, info = pdf_text(r.body)
            self.assertIn(size, info)
            for m in members:
                self.assertIn(m["name"], text)
        self.assertNotEqual(self.client().get("/actividades/%d/asistencia.pdf" % aid).status,
                            200)

    def test_acta_from_draft_to_published_and_locked(self):
        aid = self.held_session("Sesión ordinaria de junio", days_ago=60)
        later = self.held_session("Sesión ordinaria de julio", days_ago=30)
        c = self.admin()
        token = c.csrf_from("/actividades/%d" % aid)
        c.post("/actividades/%d/tabla" % aid, form={"csrf_token": token,
                                                     "items": "Cuenta\nVarios"})
        self.api("POST", "/api/activities/%d/attendance" % aid,
                 [{"member_id": m["id"], "status": "presente"}
                  for m in self.api("GET", "/api/members").json()])
        self.api("POST", "/api/agreements", {"session": aid, "text": "Oficiar al Señor "
                                             "Director por la población Añañuca"})
        path = "/actividades/%d/acta" % aid
        self.assertEqual(self.client().get(path).status, 404)  # not public yet
        self.assertEqual(c.post(path, form={"accion": "crear"}).status, 403)  # no CSRF
        self.assertEqual(c.post(path, form={"accion": "crear", "csrf_token": token}).status,
                         303)
        page = c.get(path)
        ids = re.findall(r'name="summary_(\d+)"', page.text)
        self.assertEqual(len(ids), 2)
        version = re.search(r'name="version" value="(\d+)"', page.text).group(1)
        # A summary too long: the editor comes back as typed, 422, nothing saved.
        r = c.post(path, form={"csrf_token": token, "accion": "guardar", "version": version,
                               "summary_" + ids[0]: "x" * 20001,
                               "summary_" + ids[1]: "Borrador de Combarbalá"})
        self.assertEqual(r.status, 422, r.text)
        self.assertIn("demasiado largo", r.text)
        self.assertIn("Borrador de Combarbalá</textarea>", r.text)
        self.assertEqual(query_one(self.demo.path, "SELECT count(*) FROM acta_items WHERE "
                                   "id IN (?, ?) AND summary_md <> ''", tuple(ids)), "0")
        evil = ("Se discutió. <script>alert('x')</script> "
                "[pinche aquí](javascript:alert(1)) **acuerdo** ñandú")
        r = c.post(path, form={"csrf_token": token, "accion": "guardar", "version": version,
                               "summary_" + ids[0]: evil, "summary_" + ids[1]: "Sin temas."})
        self.assertEqual(r.status, 303, r.text)
        page = c.get(path)
        self.assertNotIn("<script>alert", page.text)
        self.assertNotIn('href="javascript:', page.text)
        self.assertIn("<strong>acuerdo</strong>", page.text)
        self.assertIn("ñandú", page.text)
        # A councillor may not edit; may comment once sent to review.
        m = self.member()
        mtoken = m.csrf_from(path)
        self.assertEqual(m.post(path, form={"csrf_token": mtoken, "accion": "estado",
                                            "estado": "enviada"}).status, 403)
        self.assertEqual(c.post(path, form={"csrf_token": token, "accion": "estado",
                                            "estado": "enviada"}).status, 303)
        r = m.post(path, form={"csrf_token": mtoken, "accion": "comentar",
                               "item": ids[1], "texto": "Falta mencionar a Andacollo"})
        self.assertEqual(r.status, 303, r.text)
        self.assertIn("Falta mencionar a Andacollo", c.get(path).text)
        # Approved in a later session (not the same one), then locked.
        self.assertEqual(c.post(path, form={"csrf_token": token, "accion": "estado",
                                            "estado": "aprobada", "sesion": str(aid)}).status,
                         409)
        self.assertEqual(c.post(path, form={"csrf_token": token, "accion": "estado",
                                            "estado": "aprobada",
                                            "sesion": str(later)}).status, 303)
        r = c.post(path, form={"csrf_token": token, "accion": "guardar",
                               "summary_" + ids[1]: "Cambio tardío"})
        self.assertEqual(r.status, 409)
        self.assertIn("no se puede modificar", r.text)
        self.assertEqual(query_one(self.demo.path, "SELECT summary_md FROM acta_items "
                                   "WHERE id = ?", (ids[1],)), "Sin temas.")
        self.assertEqual(m.post(path, form={"csrf_token": mtoken, "accion": "comentar",
                                            "item": ids[1], "texto": "x"}).status, 409)
        r = c.post(path, form={"csrf_token": token, "accion": "corregir",
                               "texto": "Donde dice *Andacollo* debe decir Combarbalá."})
        self.assertEqual(r.status, 303)
        self.assertEqual(c.post(path, form={"csrf_token": token, "accion": "estado",
                                            "estado": "publicada"}).status, 303)
        anon = self.client()
        self.assertIn("Sesión ordinaria de junio", anon.get("/actas").text)
        page = anon.get(path)
        self.assertEqual(page.status, 200)
        self.assertIn("Combarbalá", page.text)
        self.assertNotIn('name="csrf_token"', page.text.split("<main", 1)[1])
        text, _ = pdf_text(anon.get(path + ".pdf").body)
        for m in self.api("GET", "/api/members").json():
            self.assertIn(m["name"], text)
        self.assertIn("Oficiar al Señor Director por la población Añañuca", text)
        self.assertIn("ñandú", text)
        self.assertNotIn("<script>", text)
        self.assertNotIn("javascript:", text)

    def test_demo_acta_pdf_has_every_attendee_and_agreement(self):
        aid = self.held_demo_session()
        r = self.client().get("/actividades/%d/acta.pdf?papel=carta" % aid)
        self.assertEqual(r.status, 200)
        text, info = pdf_text(r.body)
        self.assertIn("letter", info)
        names = self.api("GET", "/api/activities/%d" % aid)  # exists
        self.assertEqual(names.status, 200)
        for g in self.api("GET", "/api/agreements?session=%d" % aid).json():
            self.assertIn(g["text"], text)
        self.assertIn("Marcela Núñez Araya", text)
        self.assertIn("Página 1", text)

    def test_tracker_shows_the_overdue_demo_agreement_and_follows_up(self):
        m = self.member()
        page = m.get("/acuerdos")
        self.assertEqual(page.status, 200)
        self.assertIn("Atrasados", page.text)
        self.assertIn("Plan de Emergencia Habitacional", page.text)
        self.assertNotEqual(self.client().get("/acuerdos").status, 200)
        aid = self.held_session("Sesión que registra un acuerdo por formulario", days_ago=15)
        c = self.admin()
        token = c.csrf_from("/actividades/%d" % aid)
        form = {"csrf_token": token, "text": "Visitar la toma de Alto Hospicio",
                "votes_for": "5", "votes_against": "", "votes_abstain": "1",
                "responsible_kind": "consejero", "responsible": "José Núñez",
                "due_date": "2031-08-01"}
        self.assertEqual(m.post("/actividades/%d/acuerdos" % aid,
                                form=dict(form, csrf_token=m.csrf_from("/cuenta"))).status,
                         403)
        r = c.post("/actividades/%d/acuerdos" % aid, form=form)
        self.assertEqual(r.status, 303, r.text)
        gid = int(query_one(self.demo.path, "SELECT id FROM agreements WHERE activity_id = ?",
                            (aid,)))
        path = "/acuerdos/%d" % gid
        self.assertEqual(c.post(path, form={"state": "cumplido"}).status, 403)
        r = c.post(path, form={"csrf_token": token, "state": "cumplido",
                               "note": "Visita realizada", "date": "2031-07-30"})
        self.assertEqual(r.status, 303, r.text)
        # «Guardado» where it was saved (issue 19), only right after.
        self.assertEqual(r.header("Location"), path + "?guardado=seguimiento")
        self.assertIn("Guardado: el seguimiento", c.get(r.header("Location")).text)
        self.assertNotIn("Guardado:", c.get(path).text)
        page = m.get(path)
        self.assertIn("Cumplido", page.text)
        self.assertIn("Visita realizada", page.text)
        # The next session's page lists the overdue agreements first.
        upcoming = self.new_session("Próxima sesión", "2031-09-09T10:00:00-04:00")
        page = c.get("/actividades/%d" % upcoming)
        self.assertIn("Acuerdos atrasados", page.text)
        self.assertIn("Plan de Emergencia Habitacional", page.text)

    def test_a_new_session_starts_its_agenda_with_the_overdue_agreements(self):
        def agenda(aid):
            n = int(query_one(self.demo.path, "SELECT count(*) FROM activity_agenda "
                              "WHERE activity_id = ?", (aid,)))
            first = query_one(self.demo.path, "SELECT text FROM activity_agenda WHERE "
                              "activity_id = ? ORDER BY position LIMIT 1", (aid,))
            return n, first
        aid = self.new_session("Sesión nueva con atrasados", "2031-11-11T10:00:00-04:00")
        n, first = agenda(aid)
        self.assertEqual(n, 1)
        self.assertTrue(first.startswith("Acuerdos atrasados:"), first)
        self.assertIn("Plan de Emergencia Habitacional", first)
        self.assertRegex(first, r"plazo: \d\d-\d\d-20\d\d\)")
        # A talk is not a session: no agreements to follow up on its agenda.
        body = dict(SESSION, title="Charla sin tabla de acuerdos", kind="charla",
                    start="2031-11-12T10:00:00-04:00", end="2031-11-12T11:00:00-04:00")
        r = self.api("POST", "/api/activities", body)
        self.assertEqual(r.status, 201, r.text)
        self.assertEqual(agenda(r.json()["id"])[0], 0)

    def test_overdue_agreements_go_first_in_the_next_agenda(self):
        aid = self.new_session("Sesión con tabla de atrasados", "2031-10-14T10:00:00-04:00")
        c = self.admin()
        token = c.csrf_from("/actividades/%d" % aid)
        page = c.get("/actividades/%d" % aid)
        self.assertIn("Agregar acuerdos atrasados a la tabla", page.text)
        path = "/actividades/%d/acuerdos-atrasados" % aid
        self.assertEqual(c.post(path, form={}).status, 403)
        m = self.member()
        self.assertEqual(m.post(path, form={"csrf_token": m.csrf_from("/cuenta")}).status, 403)
        self.assertEqual(c.post("/actividades/%d/tabla" % aid,
                                form={"csrf_token": token, "items": "Cuenta\nVarios"}).status,
                         303)

        def agenda():
            n = int(query_one(self.demo.path, "SELECT count(*) FROM activity_agenda "
                              "WHERE activity_id = ?", (aid,)))
            first = query_one(self.demo.path, "SELECT text FROM activity_agenda WHERE "
                              "activity_id = ? ORDER BY position LIMIT 1", (aid,))
            return n, first

        for _ in range(2):  # twice: still one item
            self.assertEqual(c.post(path, form={"csrf_token": token}).status, 303)
            n, first = agenda()
            self.assertEqual(n, 3)
            self.assertTrue(first.startswith("Acuerdos atrasados:"), first)
            self.assertIn("Plan de Emergencia Habitacional", first)
            self.assertRegex(first, r"plazo: \d\d-\d\d-20\d\d\)")
        page = c.get("/actividades/%d" % aid)
        self.assertIn("Acuerdos atrasados:", page.text)
        self.assertIn("Varios", page.text)

    def test_agreement_responsible_is_picked_from_the_people_and_grouped_by_name(self):
        aid = self.held_session("Sesión que asigna responsables", days_ago=14)
        member = self.api("GET", "/api/members").json()[0]
        c = self.admin()
        token = c.csrf_from("/actividades/%d" % aid)
        page = c.get("/actividades/%d" % aid)
        self.assertIn('value="consejero:%d"' % member["id"], page.text)
        self.assertIn('value="encargado"', page.text)
        self.assertIn('value="autoridad:', page.text)
        form = {"csrf_token": token, "votes_for": "", "votes_against": "",
                "votes_abstain": "", "responsible_kind": "ninguno", "responsible": "",
                "due_date": "2031-09-01", "responsible_person": "consejero:%d" % member["id"]}
        for text in ("Revisar el catastro de Peñuelas", "Citar a la Seremi en Illapel"):
            r = c.post("/actividades/%d/acuerdos" % aid, form=dict(form, text=text))
            self.assertEqual(r.status, 303, r.text)
        r = c.post("/actividades/%d/acuerdos" % aid,
                   form=dict(form, text="Pedir informe", responsible_person="encargado"))
        self.assertEqual(r.status, 303, r.text)
        # Not in the list: 422, the typed text kept, nothing written.
        r = c.post("/actividades/%d/acuerdos" % aid,
                   form=dict(form, text="Acuerdo huérfano", responsible_person="consejero:999999"))
        self.assertEqual(r.status, 422, r.text)
        self.assertIn("Elija al responsable de la lista", r.text)
        self.assertIn("Acuerdo huérfano", r.text)
        rows = int(query_one(self.demo.path, "SELECT count(*) FROM agreements WHERE "
                             "activity_id = ? AND responsible_member = ? AND "
                             "responsible_kind = 'consejero' AND responsible_name = ?",
                             (aid, member["id"], member["name"])))
        self.assertEqual(rows, 2)
        self.assertEqual(query_one(self.demo.path, "SELECT responsible_name FROM agreements "
                                   "WHERE activity_id = ? AND body = ?",
                                   (aid, "Pedir informe")), "Encargada PAC")
        self.assertEqual(int(query_one(self.demo.path, "SELECT count(*) FROM agreements "
                                       "WHERE activity_id = ?", (aid,))), 3)
        tracker = c.get("/acuerdos").text
        group = tracker.split("<h3>%s</h3>" % member["name"], 1)
        self.assertEqual(len(group), 2, "no group for %s" % member["name"])
        mine = group[1].split("</ul>", 1)[0]
        self.assertIn("Revisar el catastro de Peñuelas", mine)
        self.assertIn("Citar a la Seremi en Illapel", mine)

    def test_bad_agreement_form_is_reshown_with_its_message_and_writes_nothing(self):
        aid = self.held_session("Sesión con un acuerdo mal escrito", days_ago=13)
        c = self.admin()
        token = c.csrf_from("/actividades/%d" % aid)
        form = {"csrf_token": token, "text": "Oficiar al Serviu por la toma Ñuñoa",
                "votes_for": "5", "votes_against": "muchos", "votes_abstain": "",
                "responsible_kind": "autoridad", "responsible": "Director Serviu",
                "due_date": "2031-08-01"}
        r = c.post("/actividades/%d/acuerdos" % aid, form=form)
        self.assertEqual(r.status, 422, r.text)
        self.assertIn("entre 0 y 1000", r.text)
        self.assertIn("Oficiar al Serviu por la toma Ñuñoa", r.text)
        self.assertIn('value="muchos"', r.text)
        r = c.post("/actividades/%d/acuerdos" % aid,
                   form=dict(form, votes_against="1", due_date="2031-02-30"))
        self.assertEqual(r.status, 422, r.text)
        self.assertIn("AAAA-MM-DD", r.text)
        self.assertIn('value="2031-02-30"', r.text)
        self.assertEqual(int(query_one(self.demo.path, "SELECT count(*) FROM agreements "
                                       "WHERE activity_id = ?", (aid,))), 0)
        r = c.post("/actividades/%d/acuerdos" % aid, form=dict(form, votes_against="1"))
        self.assertEqual(r.status, 303, r.text)
        gid = int(query_one(self.demo.path, "SELECT id FROM agreements WHERE activity_id = ?",
                            (aid,)))
        path = "/acuerdos/%d" % gid
        r = c.post(path, form={"csrf_token": token, "state": "cumplido",
                               "note": "Oficio N° 45 enviado", "date": "2031-13-01"})
        self.assertEqual(r.status, 422, r.text)
        self.assertIn("AAAA-MM-DD", r.text)
        self.assertIn("Oficio N° 45 enviado", r.text)
        self.assertIn('value="2031-13-01"', r.text)
        self.assertEqual(int(query_one(self.demo.path, "SELECT count(*) FROM agreement_log "
                                       "WHERE agreement_id = ?", (gid,))), 0)
        self.assertEqual(query_one(self.demo.path, "SELECT state FROM agreements WHERE id = ?",
                                   (gid,)), "pendiente")

    def test_requests_to_authorities_pending_then_answered(self):
        m = self.member()
        page = m.get("/solicitudes")
        self.assertEqual(page.status, 200)
        self.assertIn("Pendientes: <strong>1</strong>", page.text)
        self.assertIn("oficio N° 312", page.text)
        self.assertNotEqual(self.client().get("/solicitudes").status, 200)
        c = self.admin()
        token = c.csrf_from("/solicitudes")
        form = {"csrf_token": token, "authority": "Delegación Presidencial de Elqui",
                "asked_on": "2031-05-02", "question": "Catastro de campamentos <b>ya</b>",
                "agreement": ""}
        mtoken = m.csrf_from("/solicitudes")
        self.assertEqual(m.post("/solicitudes", form=dict(form, csrf_token=mtoken)).status,
                         403)
        self.assertEqual(c.post("/solicitudes", form=dict(form, csrf_token="x")).status, 403)
        self.assertEqual(c.post("/solicitudes", form=dict(form, asked_on="2031-13-01")).status,
                         422)
        self.assertEqual(c.post("/solicitudes", form=form).status, 303)
        rid = query_one(self.demo.path, "SELECT id FROM authority_requests WHERE "
                        "authority_name = ?", ("Delegación Presidencial de Elqui",))
        page = c.get("/solicitudes")
        self.assertIn("Pendientes: <strong>2</strong>", page.text)
        self.assertIn("Catastro de campamentos &lt;b&gt;ya&lt;/b&gt;", page.text)
        path = "/solicitudes/%s" % rid
        self.assertEqual(m.post(path, form={"csrf_token": mtoken, "body": "x"}).status, 403)
        self.assertEqual(c.post(path, form={"body": "x"}).status, 403)
        r = c.post(path, form={"csrf_token": token, "answered_on": "2031-05-20",
                               "body": "Se enviará el catastro en junio."})
        self.assertEqual(r.status, 303, r.text)
        page = c.get("/solicitudes")
        self.assertIn("Pendientes: <strong>1</strong>", page.text)
        self.assertIn("Se enviará el catastro en junio.", page.text)
        self.assertEqual(c.post("/solicitudes/999999", form={"csrf_token": token,
                                                             "body": "x"}).status, 404)

    def test_bad_request_forms_are_reshown_with_their_message_and_write_nothing(self):
        def n_requests():
            return int(query_one(self.demo.path, "SELECT count(*) FROM authority_requests"))

        def n_answers():
            return int(query_one(self.demo.path, "SELECT count(*) FROM authority_answers"))

        before = (n_requests(), n_answers())
        c = self.admin()
        token = c.csrf_from("/solicitudes")
        form = {"csrf_token": token, "authority": "Seremi de Bienes Nacionales",
                "asked_on": "2031-13-01", "question": "Terrenos fiscales en Tongoy",
                "agreement": ""}
        r = c.post("/solicitudes", form=form)
        self.assertEqual(r.status, 422, r.text)
        self.assertIn("La fecha debe escribirse AAAA-MM-DD y existir.", r.text)
        self.assertIn('value="Seremi de Bienes Nacionales"', r.text)
        self.assertIn('value="2031-13-01"', r.text)
        self.assertIn("Terrenos fiscales en Tongoy</textarea>", r.text)
        r = c.post("/solicitudes", form=dict(form, asked_on="2031-05-02", question=""))
        self.assertEqual(r.status, 422, r.text)
        self.assertIn("Escriba qué se pidió", r.text)
        rid = query_one(self.demo.path, "SELECT min(id) FROM authority_requests")
        r = c.post("/solicitudes/%s" % rid, form={"csrf_token": token,
                                                  "answered_on": "2031-02-30",
                                                  "body": "Respuesta de Vialidad"})
        self.assertEqual(r.status, 422, r.text)
        self.assertIn("AAAA-MM-DD", r.text)
        self.assertIn('value="2031-02-30"', r.text)
        self.assertIn("Respuesta de Vialidad</textarea>", r.text)
        self.assertEqual((n_requests(), n_answers()), before)

    def test_quorum_rules_are_settings(self):
        aid = self.new_session("Sesión con otras reglas de quórum")
        members = [m for m in self.api("GET", "/api/members").json() if m["titular"]]
        body = [{"member_id": members[0]["id"], "status": "presente"},
                {"member_id": members[1]["id"], "status": "presente"}]
        q = self.api("POST", "/api/activities/%d/attendance" % aid, body).json()["quorum"]
        self.assertIs(q["reached"], False)
        c = self.admin()
        token = c.csrf_from("/admin/quorum")
        rules = {"csrf_token": token, "counts": "titulares", "session_kind": "numero",
                 "session_num": "1", "session_den": "2", "session_fixed": "2",
                 "agreement_kind": "mas_de", "agreement_num": "1", "agreement_den": "2",
                 "agreement_fixed": "1", "agreement_base": "presentes", "seats": "0",
                 "vacancies": "1"}
        snapshot = ("SELECT CAST(count(*) AS TEXT) || '/' || coalesce(max(session_kind), "
                    "'') || '/' || coalesce(CAST(max(session_num) AS TEXT), '') "
                    "FROM quorum_settings")
        stored = query_one(self.demo.path, snapshot)
        r = c.post("/admin/quorum", form=dict(rules, session_kind="al_menos",
                                               session_num="3"))
        self.assertEqual(r.status, 422, r.text)
        self.assertIn("Las reglas no son válidas", r.text)
        self.assertIn('name="session_num" value="3"', r.text)
        self.assertEqual(query_one(self.demo.path, snapshot), stored)
        m = self.member()
        self.assertEqual(m.post("/admin/quorum",
                                form=dict(rules, csrf_token=m.csrf_from("/cuenta"))).status,
                         403)
        self.assertEqual(c.post("/admin/quorum", form=dict(rules, csrf_token="x")).status, 403)
        self.assertEqual(c.post("/admin/quorum", form=rules).status, 303)
        q = self.api("POST", "/api/activities/%d/attendance" % aid, body).json()["quorum"]
        self.assertEqual((q["required"], q["present"], q["reached"]), (2, 2, True))
        # Back to the usual rules for the other tests.
        rules.update(session_kind="mas_de", agreement_base="miembros")
        self.assertEqual(c.post("/admin/quorum", form=rules).status, 303)
        q = self.api("POST", "/api/activities/%d/attendance" % aid, body).json()["quorum"]
        self.assertIs(q["reached"], False)


if __name__ == "__main__":
    unittest.main()
