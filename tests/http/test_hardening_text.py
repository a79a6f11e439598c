"""
Text normalized at the door (issue 15, item 7): invalid UTF-8 in a form
field, a JSON string, a multipart file name or the query is refused with a
Spanish message and nothing written; control characters are refused in
single-line fields (names, titles, file names) and kept in multi-line ones
only as line breaks (CRLF made LF); a line break stored before these rules
no longer makes convening fail, nor reaches a mail header; `cosoc mail
list` escapes control characters for the terminal.
"""
import json
import re
import urllib.parse

from support import ServerTestCase, query_one, run_cli
from test_activities import SESSION
from test_evidence import MP, TINY_PDF, multipart
from test_hardening_accounts import exec_sql


class TextAtTheDoor(ServerTestCase):
    def count(self, table):
        return int(query_one(self.demo.path, "SELECT count(*) FROM %s" % table))

    def json_post(self, path, raw):
        return self.client().post(path, body=raw, headers={
            "Authorization": "Bearer " + self.admin_token,
            "Content-Type": "application/json"})

    def test_invalid_utf8_in_a_form_field_is_refused_and_nothing_written(self):
        c = self.admin()
        token = c.csrf_from("/admin/usuarios")
        before = self.count("users")
        body = urllib.parse.urlencode({
            "name": b"Jos\xe9 P\xe9rez", "email": "latin1@example.cl",
            "role": "consejero", "password": "faro del norte 77",
            "csrf_token": token}).encode()
        r = c.post("/admin/usuarios", body=body,
                   headers={"Content-Type": "application/x-www-form-urlencoded"})
        self.assertEqual(r.status, 400)
        self.assertIn("UTF-8", r.text)
        self.assertIn("name", r.text)
        self.assertEqual(self.count("users"), before)

    def test_invalid_utf8_and_escaped_controls_in_json_are_refused(self):
        before = self.count("activities")
        raw = json.dumps(dict(SESSION, title="TITULO")).encode().replace(
            b"TITULO", b"Sesi\xf3n")
        r = self.json_post("/api/activities", raw)
        self.assertEqual(r.status, 400)
        self.assertIn("UTF-8", r.json()["error"])
        for title in ("Sesión \x1b[2J", "Sesión\x00", "a\x9bb"):
            r = self.json_post("/api/activities", json.dumps(dict(SESSION, title=title)).encode())
            self.assertIn(r.status, (400, 422), title)
            self.assertIn("error", r.json())
        # A line break is a control character for a title: its own rule.
        r = self.json_post("/api/activities",
                           json.dumps(dict(SESSION, title="Sesión\r\nBcc: x@y.cl")).encode())
        self.assertEqual(r.status, 422)
        self.assertEqual(r.json()["field"], "title")
        self.assertEqual(self.count("activities"), before)
        # In a description, line breaks are text and are kept.
        r = self.json_post("/api/activities", json.dumps(
            dict(SESSION, description="Tabla:\n1. Acta\n2. Varios")).encode())
        self.assertEqual(r.status, 201, r.text)
        self.assertEqual(r.json()["description"], "Tabla:\n1. Acta\n2. Varios")

    def test_bad_file_names_are_refused_before_anything_is_stored(self):
        a = self.api("POST", "/api/activities", SESSION).json()
        before = self.count("evidence_items")
        for name, status in ((b"acta-\xff.pdf", 400), (b"acta\t1.pdf", 422),
                             (b"acta\x1b[31m.pdf", 422)):
            body = multipart({"kind": "acta"}, [("file", "NOMBRE", "application/pdf",
                                                 TINY_PDF)]).replace(b"NOMBRE", name)
            h = dict(MP, Authorization="Bearer " + self.admin_token)
            r = self.client().post("/api/activities/%d/evidence" % a["id"], body=body,
                                   headers=h)
            self.assertEqual(r.status, status, name)
            self.assertIn("error", r.json())
        self.assertEqual(self.count("evidence_items"), before)
        # A good Spanish name is kept whole.
        body = multipart({"kind": "acta"}, [("file", "NOMBRE", "application/pdf",
                                             TINY_PDF)]).replace(
            b"NOMBRE", "acta sesión año 2025.pdf".encode())
        h = dict(MP, Authorization="Bearer " + self.admin_token)
        r = self.client().post("/api/activities/%d/evidence" % a["id"], body=body, headers=h)
        self.assertEqual(r.status, 201, r.text)
        self.assertEqual(r.json()["filename"], "acta sesión año 2025.pdf")

    def test_invalid_query_and_path_are_400(self):
        self.assertEqual(self.client().get("/calendario?tipo=%FF").status, 400)
        self.assertEqual(self.client().get("/calendario?tipo=a%0Ab").status, 422)
        self.assertEqual(self.client().get("/actividades/%FF").status, 400)
        self.assertEqual(self.client().get("/calendario?tipo=charla").status, 200)

    def test_single_line_fields_refuse_breaks_and_multi_line_keep_them_as_lf(self):
        c = self.admin()
        token = c.csrf_from("/admin/usuarios")
        r = c.post("/admin/usuarios", form={"name": "Ana\nBcc: x@y.cl",
                                             "email": "ana.salto@example.cl",
                                             "role": "consejero",
                                             "password": "faro del norte 77",
                                             "csrf_token": token})
        self.assertEqual(r.status, 422)
        self.assertIn("una sola línea", r.text)
        token = c.csrf_from("/actividades/nueva")
        form = {"csrf_token": token, "kind": "sesion_ordinaria", "title": "Sesión\r\nde junio",
                "start": "2031-06-10T10:00", "end": "2031-06-10T12:00",
                "modality": "presencial", "commune": "04301", "public": "1",
                "plan_lines": "9", "description": "Uno\r\nDos\rTres"}
        r = c.post("/actividades/nueva", form=form)
        self.assertEqual(r.status, 422)
        self.assertIn("una sola línea", r.text)
        form["title"] = "Sesión de junio con tabla"
        r = c.post("/actividades/nueva", form=form)
        self.assertEqual(r.status, 303, r.text[:500])
        aid = int(r.header("Location").split("?")[0].rsplit("/", 1)[1])
        got = self.api("GET", "/api/activities/%d" % aid).json()
        self.assertEqual(got["description"], "Uno\nDos\nTres")

    def test_a_line_break_stored_before_does_not_break_convening(self):
        a = self.api("POST", "/api/activities", SESSION).json()
        exec_sql(self.demo.path, "UPDATE activities SET title = ? WHERE id = ?",
                 ("Sesión\r\nBcc: espia@example.cl", a["id"]))
        exec_sql(self.demo.path, "UPDATE members SET first_names = ? WHERE id = "
                 "(SELECT min(id) FROM members WHERE status = 'vigente' AND email <> '')",
                 ("Ana\r\nBcc: espia@example.cl",))
        r = self.api("POST", "/api/activities/%d/convene" % a["id"], {"recipients": "all"})
        self.assertEqual(r.status, 202, r.text)
        subject = query_one(self.demo.path, "SELECT subject FROM mail_outbox WHERE "
                            "related_kind = 'actividad' AND related_id = ? ORDER BY id",
                            (a["id"],))
        self.assertIsNotNone(subject)
        self.assertNotIn("\n", subject)
        self.assertNotIn("\r", subject)
        names = query_one(self.demo.path, "SELECT count(*) FROM mail_outbox WHERE "
                          "related_id = ? AND (recipient_name LIKE ? OR recipient_name "
                          "LIKE ?)", (a["id"], "%\n%", "%\r%"))
        self.assertEqual(names, "0")

    def test_mail_list_escapes_control_characters_for_the_terminal(self):
        run_cli("mail", "queue-test", "--db", self.demo.path, "--to",
                "terminal@example.cl", "--key", "prueba-terminal", check=0)
        exec_sql(self.demo.path, "UPDATE mail_outbox SET subject = ? WHERE "
                 "idempotency_key = ?", ("Hola \x1b]0;pwned\x07\x1b[2J fin", "prueba-terminal"))
        out = run_cli("mail", "list", "--db", self.demo.path, check=0).stdout
        line = [x for x in out.splitlines() if "terminal@example.cl" in x][0]
        self.assertNotIn("\x1b", out)
        self.assertNotIn("\x07", out)
        self.assertIn("Hola \\x1b]0;pwned\\x07\\x1b[2J fin", line)
        self.assertEqual(len(line.split("\t")), 6)
