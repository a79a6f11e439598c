"""
The rights of a person over their data (issue 21, item 3): access and
portability (GET /api/members/ID/data, the officer's page with its PDF and
JSON), erasure (POST /api/members/ID/erase) and objection/blocking.

After erasure the person's e-mail, phone and RUN appear nowhere: not in the
API, the pages, the exports, the mail log — nor anywhere in the database,
which the test dumps whole. Attendance counts and the quorum of past
sessions do not change, and the published acta keeps the name as approved.
"""
import re
import sqlite3
import subprocess
import unittest

from support import ServerTestCase, query_one

PG_DUMP = "/usr/lib/postgresql/15/bin/pg_dump"


def rut_display(run):
    body, dv = run.split("-")
    return "{:,}".format(int(body)).replace(",", ".") + "-" + dv


class PersonalData(ServerTestCase):
    def q(self, sql, *params):
        return query_one(self.demo.path, sql, params)

    def member(self, first_names):
        row = {}
        for col in ("id", "run", "email", "phone", "first_names", "last_names"):
            row[col] = self.q("SELECT %s FROM members WHERE first_names = ?" % col,
                              first_names)
        row["id"] = int(row["id"])
        return row

    def database_text(self):
        """Every row of the database as text."""
        if self.demo.is_postgres:
            return subprocess.run([PG_DUMP, "--data-only", "--inserts", "-d",
                                   self.demo.path], check=True, capture_output=True,
                                  text=True, timeout=120).stdout
        with sqlite3.connect(self.demo.path) as db:
            return "\n".join(db.iterdump())

    def session_with(self, member_id):
        return int(self.q("SELECT min(t.activity_id) FROM attendance t JOIN actas a ON "
                          "a.activity_id = t.activity_id WHERE t.member_id = ? AND "
                          "a.state = 'publicada'", member_id))

    def test_the_export_holds_attendance_and_the_mail_sent_to_them(self):
        m = self.member("Jorge Andrés")
        aid = self.session_with(m["id"])
        # A citation to everyone puts mail to them in the outbox.
        act = self.api("POST", "/api/activities", {
            "kind": "sesion_ordinaria", "title": "Sesión para el correo",
            "start": "2031-06-10T10:00:00-04:00", "end": "2031-06-10T12:00:00-04:00",
            "commune": "04101", "modality": "presencial", "status": "programada",
            "plan_lines": [], "public": False}).json()
        self.assertEqual(self.api("POST", "/api/activities/%d/convene" % act["id"],
                                  {"recipients": "all"}).status, 202)
        r = self.api("GET", "/api/members/%d/data" % m["id"])
        self.assertEqual(r.status, 200, r.text)
        data = r.json()
        self.assertEqual(data["record"]["email"], m["email"])
        self.assertEqual(data["record"]["run"], m["run"])
        self.assertIn(aid, [a["activity_id"] for a in data["attendance"]])
        self.assertTrue(any(x["to"] == m["email"] and x["related_id"] == act["id"]
                            for x in data["mail"]), data["mail"])
        for key in ("account", "citations", "requests", "changes"):
            self.assertIn(key, data)
        # The export is itself logged, and the officer's PDF holds the same.
        self.assertEqual(self.q("SELECT count(*) FROM audit_log WHERE action = "
                                "'exportacion_datos' AND object_kind = 'member' AND object_id = ?",
                                str(m["id"])), "1")
        c = self.admin()
        page = c.get("/admin/integrantes/%d/datos" % m["id"])
        self.assertEqual(page.status, 200)
        self.assertIn("Descargar PDF", page.text)
        pdf = c.get("/admin/integrantes/%d/datos.pdf" % m["id"])
        self.assertEqual((pdf.status, pdf.body[:5]), (200, b"%PDF-"))
        js = c.get("/admin/integrantes/%d/datos.json" % m["id"])
        self.assertEqual(js.json()["record"]["email"], m["email"])
        # Nobody but the officer gets it.
        self.assertEqual(self.client().get("/api/members/%d/data" % m["id"]).status, 401)
        self.assertEqual(self.api("GET", "/api/members/999999/data").status, 404)

    def test_rectification_is_logged_with_the_fields_changed(self):
        m = self.member("Héctor")
        c = self.admin()
        page = c.get("/admin/integrantes/%d" % m["id"])
        form = dict(re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', page.text))
        for name, value in re.findall(
                r'<select[^>]*name="([^"]+)".*?<option[^>]*value="([^"]*)"[^>]*selected',
                page.text, re.S):
            form[name] = value
        form["telefono"] = "+56 9 1111 2222"
        form["suplente_de"] = ""
        r = c.post("/admin/integrantes/%d" % m["id"], form=form)
        self.assertEqual(r.status, 303, r.text[:2000])
        rows = self.api("GET", "/api/audit?object=member:%d" % m["id"]).json()
        self.assertIn(["phone"], [x["fields"] for x in rows if x["action"] == "modificar"])
        self.assertNotIn("1111", str(rows))

    def test_erasure_leaves_no_email_phone_or_run_and_keeps_the_record(self):
        m = self.member("Ximena")
        aid = self.session_with(m["id"])
        c = self.admin()
        acta_before = c.get("/actividades/%d/acta" % aid).text
        name = "%s %s" % (m["first_names"], m["last_names"])
        self.assertIn(name, acta_before)
        before = [self.q("SELECT count(*) FROM attendance WHERE activity_id = ? "
                         "AND status = ?", aid, s)
                  for s in ("presente", "ausente", "justificado")]
        frozen = self.q("SELECT frozen FROM actas WHERE activity_id = ?", aid)
        # Mail to them, so the log has something to anonymize.
        act = self.api("POST", "/api/activities", {
            "kind": "sesion_ordinaria", "title": "Sesión antes de la supresión",
            "start": "2031-07-10T10:00:00-04:00", "end": "2031-07-10T12:00:00-04:00",
            "commune": "04101", "modality": "presencial", "status": "programada",
            "plan_lines": [], "public": False}).json()
        self.api("POST", "/api/activities/%d/convene" % act["id"], {"recipients": "all"})
        self.assertIn(m["email"], self.database_text())

        self.assertEqual(self.api("POST", "/api/members/%d/erase" % m["id"], {}).status, 422)
        r = self.api("POST", "/api/members/%d/erase" % m["id"],
                     {"reason": "Solicitud de supresión n.º 1"})
        self.assertEqual(r.status, 200, r.text)

        secrets = [m["email"], m["phone"], m["run"], rut_display(m["run"]),
                   m["phone"].replace(" ", "")]
        pages = ["/admin/integrantes", "/admin/integrantes/%d" % m["id"],
                 "/admin/integrantes.csv", "/integrantes", "/integrantes.csv",
                 "/admin/correo", "/api/members", "/api/mail",
                 "/api/activities/%d/mail" % act["id"],
                 "/admin/integrantes/%d/datos.json" % m["id"],
                 "/actividades/%d" % aid, "/actividades/%d/asistencia" % aid,
                 "/api/audit", "/admin/auditoria.csv"]
        for path in pages:
            r = c.get(path)
            self.assertIn(r.status, (200, 405), path)
            for s in secrets:
                self.assertNotIn(s, r.text, "%s aparece en %s" % (s, path))
        data = self.api("GET", "/api/members/%d/data" % m["id"]).json()
        self.assertEqual(data["record"]["email"], "")
        self.assertIn("Persona eliminada", c.get("/admin/integrantes").text)
        dump = self.database_text()
        for s in secrets:
            self.assertNotIn(s, dump, "%s sigue en la base de datos" % s)
        # The record stays: the same attendance, the same quorum, and the
        # published acta shows the name as it was approved.
        after = [self.q("SELECT count(*) FROM attendance WHERE activity_id = ? "
                        "AND status = ?", aid, s)
                 for s in ("presente", "ausente", "justificado")]
        self.assertEqual(after, before)
        self.assertEqual(self.q("SELECT frozen FROM actas WHERE activity_id = ?", aid),
                         frozen)
        acta_after = c.get("/actividades/%d/acta" % aid).text
        self.assertIn(name, acta_after)
        self.assertEqual(re.findall(r"[Qq]u[oó]rum[^<]*", acta_after),
                         re.findall(r"[Qq]u[oó]rum[^<]*", acta_before))
        # No more mail to them: a new citation to everyone leaves them out.
        self.api("POST", "/api/activities/%d/convene" % act["id"],
                 {"recipients": "all", "confirm": True})
        self.assertNotIn(m["email"], self.database_text())
        # The erasure is in the audit log, without the reason's words.
        rows = self.api("GET", "/api/audit?object=member:%d" % m["id"]).json()
        self.assertIn("supresion", [x["action"] for x in rows])

    def test_blocking_leaves_them_out_of_public_pages_and_mail(self):
        m = self.member("Claudio")
        name = "%s %s" % (m["first_names"], m["last_names"])
        self.assertIn(m["last_names"], self.client().get("/integrantes").text)
        c = self.admin()
        token = c.csrf_from("/admin/integrantes/%d/datos" % m["id"])
        r = c.post("/admin/integrantes/%d/bloqueo" % m["id"],
                   form={"csrf_token": token, "bloquear": "1"})
        self.assertEqual(r.status, 303)
        self.assertNotIn(m["last_names"], self.client().get("/integrantes").text)
        self.assertNotIn(m["last_names"], self.client().get("/integrantes.csv").text)
        # Still on the officer's list, with their data.
        self.assertIn(m["email"], c.get("/admin/integrantes.csv").text)
        act = self.api("POST", "/api/activities", {
            "kind": "sesion_ordinaria", "title": "Sesión sin el bloqueado",
            "start": "2031-08-10T10:00:00-04:00", "end": "2031-08-10T12:00:00-04:00",
            "commune": "04101", "modality": "presencial", "status": "programada",
            "plan_lines": [], "public": False}).json()
        self.assertEqual(self.api("POST", "/api/activities/%d/convene" % act["id"],
                                  {"recipients": "all"}).status, 202)
        to = [x["to"] for x in self.api("GET", "/api/activities/%d/mail" % act["id"]).json()]
        self.assertTrue(to)
        self.assertNotIn(m["email"], to)
        # Unblocked, they are back.
        token = c.csrf_from("/admin/integrantes/%d/datos" % m["id"])
        c.post("/admin/integrantes/%d/bloqueo" % m["id"],
               form={"csrf_token": token, "bloquear": "0"})
        self.assertIn(m["last_names"], self.client().get("/integrantes").text)

    def test_a_participant_has_the_same_rights(self):
        """A person who is not a councillor (issue 20's participants: course
        enrolments, guests): export, consents and erasure."""
        pid = int(self.q("SELECT id FROM participants WHERE run <> '' AND email <> '' "
                         "ORDER BY id LIMIT 1"))
        run = self.q("SELECT run FROM participants WHERE id = ?", pid)
        email = self.q("SELECT email FROM participants WHERE id = ?", pid)
        name = self.q("SELECT name FROM participants WHERE id = ?", pid)
        data = self.api("GET", "/api/participants/%d/data" % pid).json()
        self.assertEqual((data["kind"], data["record"]["email"]), ("participant", email))
        for key in ("attendance", "enrolments", "certificates", "mail", "consents",
                    "changes"):
            self.assertIn(key, data)
        self.assertTrue(data["enrolments"] or data["attendance"])
        r = self.api("POST", "/api/participants/%d/consents" % pid, {
            "purpose": "fotografias", "given": False, "method": "formulario"})
        self.assertEqual(r.status, 201, r.text)
        c = self.admin()
        page = c.get("/admin/participantes/%d/datos" % pid)
        self.assertEqual(page.status, 200)
        self.assertIn(name, page.text)
        self.assertIn("Lo negó", page.text)
        self.assertIn("/admin/participantes/%d/datos" % pid,
                      c.get("/admin/participantes/%d" % pid).text)
        self.assertEqual(self.api("POST", "/api/participants/%d/erase" % pid,
                                  {"reason": "Solicitud n.º 7"}).status, 200)
        dump = self.database_text()
        for s in (email, run, rut_display(run), name):
            self.assertNotIn(s, dump, "%s sigue en la base de datos" % s)
        self.assertIn("Persona eliminada", c.get("/admin/participantes").text)
        self.assertEqual(self.api("GET", "/api/participants/999999/data").status, 404)


if __name__ == "__main__":
    unittest.main()
