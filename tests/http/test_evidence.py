"""
Evidence and compliance over real sockets: uploading verificadores (201
with the SHA-256; the same bytes stored once), every refusal (empty file,
an executable renamed .jpg, a file over the size setting, a truncated
multipart body, a wrong CSRF token) answered with its reason while the row
counts stay the same; the activity JSON listing its evidence; GET
/api/compliance's shape, a line moving from en_curso to cumplida as its
evidence arrives, a bad as_of refused; the Informe de cumplimiento PDF read
back with pdftotext.
"""
import csv
import hashlib
import io
import os
import re
import sqlite3
import struct
import subprocess
import tempfile
import unittest
import zipfile
import zlib

import support
from support import ServerTestCase, query_one, run_cli

BOUNDARY = "----cosoc-test-7f3a9"


def tiny_png(seed=0):
    """A valid 1x1 PNG; seed changes the pixel, hence the bytes."""
    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff))
    raw = bytes([0, seed & 255, 128, 0])
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


TINY_PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


def multipart(fields, files):
    """A multipart/form-data body: fields {name: value}, files
    [(name, filename, content_type, bytes)]."""
    out = b""
    for name, value in fields.items():
        out += ("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n"
                % (BOUNDARY, name, value)).encode()
    for name, filename, ctype, data in files:
        out += ("--%s\r\nContent-Disposition: form-data; name=\"%s\"; filename=\"%s\"\r\n"
                "Content-Type: %s\r\n\r\n" % (BOUNDARY, name, filename, ctype)).encode()
        out += data + b"\r\n"
    return out + ("--%s--\r\n" % BOUNDARY).encode()


MP = {"Content-Type": "multipart/form-data; boundary=" + BOUNDARY}


class Evidence(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.token = run_cli("token", "create", "--db", cls.demo.path, "--email",
                            cls.demo.email, check=0).stdout.strip().split()[-1]
        cls.bearer = {"Authorization": "Bearer " + cls.token}

    def api(self):
        return self.client()

    def upload(self, activity, kind, filename, data, ctype="image/png", c=None, headers=None):
        c = c or self.client()
        body = multipart({"kind": kind}, [("file", filename, ctype, data)])
        h = dict(MP)
        h.update(headers if headers is not None else self.bearer)
        return c.post("/api/activities/%d/evidence" % activity, body=body, headers=h)

    def counts(self):
        return (query_one(self.demo.path, "SELECT count(*) FROM evidence_items"),
                query_one(self.demo.path, "SELECT count(*) FROM evidence_files"))

    def set_setting(self, key, value):
        sql = ("INSERT INTO settings(key, value) VALUES ('%s', '%s') ON CONFLICT (key) "
               "DO UPDATE SET value = excluded.value" % (key, value))
        if self.demo.is_postgres:
            support.psql(self.demo.path, sql)
        else:
            with sqlite3.connect(self.demo.path) as db:
                db.execute(sql)

    def demo_activity(self, kind):
        return int(query_one(self.demo.path,
                             "SELECT id FROM activities WHERE kind = ? ORDER BY id", (kind,)))

    def test_upload_answers_201_with_sha256_and_stores_same_bytes_once(self):
        act = self.demo_activity("sesion_ordinaria")
        png = tiny_png(7)
        before_items, before_files = self.counts()
        r1 = self.upload(act, "fotografias", "foto.png", png)
        self.assertEqual(r1.status, 201, r1.text)
        body = r1.json()
        self.assertEqual(set(body), {"id", "kind", "filename", "sha256"})
        self.assertEqual(body["kind"], "fotografias")
        self.assertEqual(body["filename"], "foto.png")
        self.assertEqual(body["sha256"], hashlib.sha256(png).hexdigest())
        r2 = self.upload(act, "fotografias", "otra-vez.png", png)
        self.assertEqual(r2.status, 201, r2.text)
        after_items, after_files = self.counts()
        self.assertEqual(int(after_items), int(before_items) + 2)
        self.assertEqual(int(after_files), int(before_files) + 1)
        # The file comes back to signed-in users byte for byte; a private
        # item is not shown to the public.
        c = self.client()
        c.login(self.demo.email, self.demo.password)
        got = c.get("/evidencias/%d" % body["id"])
        self.assertEqual(got.status, 200)
        self.assertEqual(got.body, png)
        self.assertEqual(got.header("Content-Type"), "image/png")
        self.assertEqual(self.client().get("/evidencias/%d" % body["id"]).status, 404)
        # The activity JSON lists it.
        a = self.client().get("/api/activities/%d" % act, headers=self.bearer).json()
        listed = [(e["id"], e["kind"], e["filename"]) for e in a["evidence"]]
        self.assertIn((body["id"], "fotografias", "foto.png"), listed)
        every = self.client().get("/api/activities", headers=self.bearer).json()
        mine = [x for x in every if x["id"] == act][0]
        self.assertEqual(mine["evidence"], a["evidence"])

    def test_a_pdf_is_accepted(self):
        act = self.demo_activity("sesion_ordinaria")
        r = self.upload(act, "acta", "acta.pdf", TINY_PDF, "application/pdf")
        self.assertEqual(r.status, 201, r.text)

    def assert_refused(self, response, status, words):
        self.assertEqual(response.status, status, response.text)
        self.assertIn(words, response.text)

    def test_refusals_store_nothing(self):
        act = self.demo_activity("sesion_ordinaria")
        before = self.counts()
        # Empty file.
        r = self.upload(act, "fotografias", "vacia.jpg", b"", "image/jpeg")
        self.assert_refused(r, 422, "está vacío")
        self.assertEqual(r.json()["field"], "file")
        # An executable renamed .jpg.
        with open("/bin/true", "rb") as f:
            exe = f.read()
        r = self.upload(act, "fotografias", "foto.jpg", exe, "image/jpeg")
        self.assert_refused(r, 422, "no es una foto")
        # A file over the size setting.
        self.set_setting("evidence_max_bytes", "100")
        try:
            r = self.upload(act, "fotografias", "grande.png", tiny_png(1) + b"\0" * 200)
            self.assert_refused(r, 422, "demasiado grande")
        finally:
            self.set_setting("evidence_max_bytes", str(20 * 1024 * 1024))
        # An unknown kind.
        r = self.upload(act, "selfie", "foto.png", tiny_png(2))
        self.assert_refused(r, 422, "tipo de verificador")
        # A truncated multipart body: the last boundary never comes.
        body = multipart({"kind": "fotografias"},
                         [("file", "corta.png", "image/png", tiny_png(3))])
        cut = body[:-len(BOUNDARY) - 30]
        h = dict(MP)
        h.update(self.bearer)
        r = self.client().post("/api/activities/%d/evidence" % act, body=cut, headers=h)
        self.assert_refused(r, 400, "incompleto")
        # A wrong CSRF token with the session cookie, API and form.
        c = self.client()
        c.login(self.demo.email, self.demo.password)
        body = multipart({"kind": "fotografias", "csrf_token": "falso"},
                         [("file", "foto.png", "image/png", tiny_png(4))])
        r = c.post("/api/activities/%d/evidence" % act, body=body, headers=MP)
        self.assertEqual(r.status, 403, r.text)
        r = c.post("/actividades/%d/evidencias" % act, body=body, headers=MP)
        self.assertEqual(r.status, 403, r.text)
        self.assertEqual(self.counts(), before)

    def test_the_form_uploads_several_files_at_once_or_none(self):
        act = self.demo_activity("reunion_autoridades")
        c = self.client()
        c.login(self.demo.email, self.demo.password)
        page = c.get("/actividades/%d" % act)
        self.assertIn('enctype="multipart/form-data"', page.text)
        self.assertIn('accept="image/*,application/pdf"', page.text)
        self.assertIn('capture="environment"', page.text)
        token = re.search(r'action="/actividades/%d/evidencias".*?name="csrf_token" value="([^"]+)"'
                          % act, page.text, re.S).group(1)
        before = self.counts()
        bad = multipart({"kind": "fotografias", "csrf_token": token},
                        [("file", "a.png", "image/png", tiny_png(10)),
                         ("file", "b.jpg", "image/jpeg", b"MZ\x90\0 no soy una foto")])
        r = c.post("/actividades/%d/evidencias" % act, body=bad, headers=MP)
        self.assertEqual(r.status, 422)
        self.assertIn("b.jpg", r.text)
        self.assertEqual(self.counts(), before)
        # Refused on the activity page, where the form is, with the kind and
        # the description as they were chosen (issue 19).
        bad = multipart({"kind": "acta", "csrf_token": token, "caption": "Acta firmada"},
                        [("file", "b.jpg", "image/jpeg", b"MZ\x90\0 no soy una foto")])
        r = c.post("/actividades/%d/evidencias" % act, body=bad, headers=MP)
        self.assertEqual(r.status, 422)
        self.assertIn('id="verificadores-error"', r.text)
        self.assertIn('<option value="acta" selected>', r.text)
        self.assertIn('name="caption" maxlength="', r.text)
        self.assertIn('value="Acta firmada"', r.text)
        self.assertIn('action="/actividades/%d/evidencias"' % act, r.text)
        self.assertEqual(self.counts(), before)
        good = multipart({"kind": "fotografias", "csrf_token": token, "public": "1",
                          "caption": "Registro"},
                         [("file", "a.png", "image/png", tiny_png(11)),
                          ("file", "b.png", "image/png", tiny_png(12))])
        r = c.post("/actividades/%d/evidencias" % act, body=good, headers=MP)
        self.assertEqual(r.status, 303, r.text)
        self.assertEqual(int(self.counts()[0]), int(before[0]) + 2)
        page = c.get("/actividades/%d" % act)
        self.assertIn("a.png", page.text)
        self.assertIn("Registro", page.text)

    def test_compliance_shape_and_a_line_that_moves_to_cumplida(self):
        r = self.client().get("/api/compliance")
        self.assertEqual(r.status, 200)
        d = r.json()
        self.assertEqual(set(d) >= {"as_of", "plan_version", "lines"}, True)
        self.assertEqual(len(d["lines"]), 10)
        for line in d["lines"]:
            for key in ("number", "target", "qualifying", "verified", "state", "missing"):
                self.assertIn(key, line)
            self.assertIn(line["state"], ("cumplida", "en_curso", "en_riesgo",
                                           "atrasada", "sin_iniciar"))
        # Line 3 (first half of 2025; invitación, asistencia, fotografías)
        # has no demo activity: a talk held in February makes it en curso,
        # its evidence makes it cumplida.
        r = self.client().post("/api/activities", headers=self.bearer, json_body={
            "kind": "charla", "title": "Charla sobre subsidios en Coquimbo",
            "start": "2025-02-10T10:00:00-03:00", "end": "2025-02-10T12:00:00-03:00",
            "commune": "04102", "modality": "presencial", "status": "realizada",
            "plan_lines": [3], "public": True})
        self.assertEqual(r.status, 201, r.text)
        act = r.json()["id"]

        def line3(query="?as_of=2025-03-01"):
            d = self.client().get("/api/compliance" + query).json()
            return [x for x in d["lines"] if x["number"] == 3][0]
        self.assertEqual(self.client().get("/api/compliance?as_of=2025-03-01").json()
                         ["as_of"], "2025-03-01")
        first = line3()
        self.assertEqual((first["state"], first["qualifying"], first["verified"]),
                         ("en_curso", 1, 0))
        self.assertTrue(any("Invitación" in m for m in first["missing"]), first)
        for i, kind in enumerate(("invitacion", "asistencia")):
            self.assertEqual(self.upload(act, kind, "%s.png" % kind, tiny_png(40 + i)).status, 201)
        # The 2024-2025 plan (version 1) has ended: its final result, today.
        self.assertEqual(line3("?version=1")["state"], "atrasada")
        self.assertEqual(self.upload(act, "fotografias", "f.png", tiny_png(42)).status, 201)
        done = line3("?version=1")
        self.assertEqual((done["state"], done["verified"], done["missing"]),
                         ("cumplida", 1, []))
        # Looking back to March 2025, today's uploads were not there yet.
        self.assertEqual(line3()["verified"], 0)
        # The demo's evidence: line 2's training has all of it; the May
        # session lacks its acta, and line 4's missing list says so.
        d = self.client().get("/api/compliance?as_of=2025-06-30").json()
        by = {x["number"]: x for x in d["lines"]}
        self.assertEqual(by[2]["state"], "cumplida")
        self.assertEqual((by[4]["qualifying"], by[4]["verified"]), (2, 1))
        self.assertTrue(any("Acta" in m and "15-05-2025" in m for m in by[4]["missing"]),
                        by[4]["missing"])

    def test_bad_as_of_is_a_400_in_spanish(self):
        for value in ("2025-13-01", "ayer", "2025-6-1"):
            r = self.client().get("/api/compliance?as_of=" + value)
            self.assertEqual(r.status, 400, value)
            self.assertEqual(r.json()["field"], "as_of")
            self.assertIn("fecha", r.json()["error"])

    def test_report_pdf_lists_the_ten_lines_and_their_states(self):
        c = self.client()
        self.assertNotEqual(c.get("/informe-cumplimiento.pdf").status, 200)
        c.login(self.demo.email, self.demo.password)
        r = c.get("/informe-cumplimiento.pdf?as_of=2025-06-30")
        self.assertEqual(r.status, 200)
        self.assertEqual(r.header("Content-Type"), "application/pdf")
        with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
            f.write(r.body)
            f.flush()
            text = subprocess.run(["pdftotext", "-layout", f.name, "-"], check=True,
                                  capture_output=True, text=True).stdout
        self.assertIn("Informe de cumplimiento", text)
        states = self.client().get("/api/compliance?as_of=2025-06-30").json()["lines"]
        labels = {"cumplida": "Cumplida", "en_curso": "En curso", "en_riesgo": "En riesgo",
                  "atrasada": "Atrasada", "sin_iniciar": "Sin iniciar"}
        rows = [l for l in text.splitlines() if re.match(r"\s*\d{1,2}\s", l)]
        numbers = {int(l.split()[0]) for l in rows}
        self.assertTrue(set(range(1, 11)) <= numbers, text)
        for line in states:
            self.assertIn(labels[line["state"]], text)
        x = c.get("/informe-cumplimiento.xlsx")
        self.assertEqual(x.status, 200)
        self.assertEqual(x.body[:2], b"PK")

    def test_dashboard_shows_every_line_and_missing_only_to_members(self):
        public = self.client().get("/").text
        self.assertEqual(len(re.findall(r'class="compliance-line"', public)), 10)
        self.assertIn("<progress", public)
        self.assertNotIn("Qué falta", public)
        self.assertNotIn("informe-cumplimiento.pdf", public)
        c = self.client()
        c.login(self.demo.email, self.demo.password)
        private = c.get("/").text
        self.assertIn("Qué falta", private)
        self.assertIn("/informe-cumplimiento.pdf", private)


    def test_soft_delete_hides_the_item_keeps_the_row_and_counts_no_more(self):
        c = self.client()
        c.login(self.demo.email, self.demo.password)
        r = c.post("/api/activities", headers=self.bearer, json_body={
            "kind": "charla", "title": "Charla para borrar un verificador",
            "start": "2025-03-10T10:00:00-03:00", "end": "2025-03-10T12:00:00-03:00",
            "commune": "04102", "modality": "presencial", "status": "realizada",
            "plan_lines": [7], "public": True})
        act = r.json()["id"]
        body = multipart({"kind": "fotografias", "public": "1"},
                         [("file", "publica.png", "image/png", tiny_png(60))])
        h = dict(MP)
        h.update(self.bearer)
        item = self.client().post("/api/activities/%d/evidence" % act, body=body,
                                  headers=h).json()["id"]
        # Public: anyone may open it, and the public activity page lists it.
        self.assertEqual(self.client().get("/evidencias/%d" % item).status, 200)
        self.assertIn("publica.png", self.client().get("/actividades/%d" % act).text)
        page = c.get("/actividades/%d" % act)
        token = re.search(r'action="/evidencias/%d/eliminar"><input type="hidden" '
                          r'name="csrf_token" value="([^"]+)"' % item, page.text).group(1)
        r = c.post("/evidencias/%d/eliminar" % item, form={"csrf_token": token})
        self.assertEqual(r.status, 303)
        self.assertEqual(self.client().get("/evidencias/%d" % item).status, 404)
        a = self.client().get("/api/activities/%d" % act, headers=self.bearer).json()
        self.assertEqual(a["evidence"], [])
        self.assertIsNotNone(query_one(self.demo.path,
                                       "SELECT deleted_at FROM evidence_items WHERE id = ?",
                                       (item,)))
        self.assertIsNotNone(query_one(self.demo.path,
                                       "SELECT deleted_by FROM evidence_items WHERE id = ?",
                                       (item,)))

    def test_recorded_attendance_and_an_approved_acta_count_as_evidence(self):
        plan = self.client().get("/api/plan/versions/1").json()  # 2024-2025
        line4 = [x for x in plan["lines"] if x["number"] == 4][0]
        kinds = [e["kind"] for e in line4["evidence"]]
        self.assertIn("asistencia", kinds)
        self.assertIn("acta", kinds)

        def new(title, lines, day):
            r = self.client().post("/api/activities", headers=self.bearer, json_body={
                "kind": "sesion_ordinaria", "title": title,
                "start": day + "T10:00:00-04:00", "end": day + "T12:00:00-04:00",
                "commune": "04101", "modality": "presencial", "status": "realizada",
                "plan_lines": lines, "public": True})
            self.assertEqual(r.status, 201, r.text)
            return r.json()["id"]
        act = new("Sesión con verificadores del sistema", [4], "2025-04-15")
        later = new("Sesión que aprueba el acta", [], "2025-04-29")
        for i, kind in enumerate(k for k in kinds if k not in ("asistencia", "acta")):
            self.assertEqual(self.upload(act, kind, "%s.png" % kind, tiny_png(70 + i)).status,
                             201)

        def verified():
            # That plan's result as of today: what cosoc has recorded now.
            d = self.client().get("/api/compliance?version=1").json()
            self.assertEqual(d["plan"]["state"], "terminado")
            return [x for x in d["lines"] if x["number"] == 4][0]["verified"]
        before = verified()
        members = self.client().get("/api/members", headers=self.bearer).json()
        r = self.client().post("/api/activities/%d/attendance" % act, headers=self.bearer,
                               json_body=[{"member_id": m["id"], "status": "presente"}
                                          for m in members])
        self.assertEqual(r.status, 200, r.text)
        self.assertEqual(verified(), before)  # the acta is still missing
        c = self.admin()
        page = c.get("/actividades/%d" % act).text
        self.assertIn('href="/actividades/%d/asistencia.pdf"' % act, page)
        self.assertIn("generado por el sistema", page)
        token = c.csrf_from("/actividades/%d" % act)
        c.post("/actividades/%d/tabla" % act, form={"csrf_token": token, "items": "Cuenta"})
        path = "/actividades/%d/acta" % act
        form = {"accion": "crear", "csrf_token": token}
        self.assertEqual(c.post(path, form=form).status, 303)
        page = c.get(path).text
        item = re.search(r'name="summary_(\d+)"', page).group(1)
        version = re.search(r'name="version" value="(\d+)"', page).group(1)
        for form in ({"accion": "guardar", "version": version,
                      "summary_" + item: "Se dio cuenta de la correspondencia."},
                     {"accion": "estado", "estado": "enviada"}):
            form["csrf_token"] = token
            r = c.post(path, form=form)
            self.assertEqual(r.status, 303, r.text)
        self.assertEqual(verified(), before)  # an acta under review does not count
        # It is approved in the later session, which had quorum.
        r = self.client().post("/api/activities/%d/attendance" % later, headers=self.bearer,
                               json_body=[{"member_id": m["id"], "status": "presente"}
                                          for m in members])
        self.assertEqual(r.status, 200, r.text)
        r = c.post(path, form={"csrf_token": token, "accion": "estado",
                               "estado": "aprobada", "sesion": str(later)})
        self.assertEqual(r.status, 303, r.text)
        self.assertEqual(verified(), before + 1)
        self.assertIn('href="/actividades/%d/acta.pdf"' % act,
                      c.get("/actividades/%d" % act).text)

    def test_the_zip_holds_every_evidence_file_by_line_and_activity_with_its_index(self):
        r = self.client().post("/api/activities", headers=self.bearer, json_body={
            "kind": "charla", "title": "Charla / ZIP en Ovalle",
            "start": "2025-03-12T10:00:00-03:00", "end": "2025-03-12T12:00:00-03:00",
            "commune": "04301", "modality": "presencial", "status": "realizada",
            "plan_lines": [7], "public": True})
        act = r.json()["id"]
        kept, gone = tiny_png(80), tiny_png(81)
        self.assertEqual(self.upload(act, "fotografias", "foto.png", kept).status, 201)
        item = self.upload(act, "fotografias", "borrar.png", gone).json()["id"]
        c = self.admin()
        page = c.get("/actividades/%d" % act).text
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        self.assertEqual(c.post("/evidencias/%d/eliminar" % item,
                                form={"csrf_token": token}).status, 303)
        self.assertEqual(self.client().get("/informe-cumplimiento.zip").status, 303)
        self.assertIn('href="/informe-cumplimiento.zip"', c.get("/").text)
        # The activity is of March 2025: the real plan's (version 1).
        r = c.get("/informe-cumplimiento.zip?version=1")
        self.assertEqual(r.status, 200, r.text[:300])
        self.assertEqual(r.headers.get("Content-Type"), "application/zip")
        z = zipfile.ZipFile(io.BytesIO(r.body))
        self.assertIsNone(z.testzip())
        names = set(z.namelist())
        self.assertIn("indice.csv", names)
        self.assertIn("informe-cumplimiento.pdf", names)
        self.assertTrue(z.read("informe-cumplimiento.pdf").startswith(b"%PDF"))
        rows = list(csv.reader(io.StringIO(z.read("indice.csv").decode("utf-8-sig"))))
        self.assertEqual(rows[0], ["linea", "actividad", "fecha", "tipo", "archivo",
                                   "sha256", "origen"])
        files = {row[4]: row for row in rows[1:]}
        # Index and archive agree, and every entry is the bytes it claims.
        self.assertEqual(set(files), names - {"indice.csv"})
        for name, row in files.items():
            self.assertEqual(hashlib.sha256(z.read(name)).hexdigest(), row[5], name)
            if name == "informe-cumplimiento.pdf":
                continue
            self.assertTrue(name.startswith("linea-%02d/" % int(row[0])) if row[0]
                            else name.startswith("sin-linea/"), name)
        mine = "linea-07/2025-03-12-charla-zip-en-ovalle/foto.png"
        self.assertIn(mine, files)
        self.assertEqual(files[mine][1:4], ["Charla / ZIP en Ovalle", "2025-03-12",
                                            "fotografias"])
        self.assertEqual(z.read(mine), kept)
        self.assertFalse(any(n.endswith("/borrar.png") for n in names))
        # The demo's evidence is there too, under its lines.
        self.assertTrue(any(n.startswith("linea-02/") for n in names), sorted(names))

    def test_attendance_chart_counts_present_over_expected_sessions(self):
        c = self.admin()

        def rows(as_of="2025-12-31"):
            page = c.get("/?as_of=" + as_of).text
            m = re.search(r'<figure class="chart" id="grafico-asistencia">(.*?)</figure>',
                          page, re.S)
            self.assertIsNotNone(m, "attendance chart")
            self.assertIn('role="img"', m.group(1))
            self.assertIn("<desc", m.group(1))
            out = {}
            for name, p, e, pct in re.findall(
                    r'<th scope="row">(.+?) \((\d+) de (\d+)\)</th><td>(\d+)</td>',
                    m.group(1)):
                p, e, pct = int(p), int(e), int(pct)
                self.assertEqual(pct, (p * 100 + e // 2) // e, name)
                out[name] = (p, e)
            return out
        before = rows()
        self.assertTrue(before)  # the demo's March session has its attendance
        members = self.client().get("/api/members", headers=self.bearer).json()
        here, away = members[0], members[1]
        r = self.client().post("/api/activities", headers=self.bearer, json_body={
            "kind": "sesion_extraordinaria", "title": "Sesión para contar asistencia",
            "start": "2025-09-09T10:00:00-03:00", "end": "2025-09-09T12:00:00-03:00",
            "commune": "04101", "modality": "presencial", "status": "realizada",
            "plan_lines": [], "public": True})
        act = r.json()["id"]
        r = self.client().post("/api/activities/%d/attendance" % act, headers=self.bearer,
                               json_body=[{"member_id": here["id"], "status": "presente"},
                                          {"member_id": away["id"], "status": "ausente"}])
        self.assertEqual(r.status, 200, r.text)
        after = rows()
        p, e = before.get(here["name"], (0, 0))
        self.assertEqual(after[here["name"]], (p + 1, e + 1))
        p, e = before.get(away["name"], (0, 0))
        self.assertEqual(after[away["name"]], (p, e + 1))
        # Looking back to before that session, it is not expected yet.
        p, e = after[here["name"]]
        self.assertEqual(rows("2025-09-08").get(here["name"], (0, 0)), (p - 1, e - 1))

    def test_members_see_charts_with_their_numbers(self):
        c = self.client()
        c.login(self.demo.email, self.demo.password)
        page = c.get("/?as_of=2025-06-30").text
        for chart in ("grafico-provincias", "grafico-meses"):
            m = re.search(r'<figure class="chart" id="%s">(.*?)</figure>' % chart, page, re.S)
            self.assertIsNotNone(m, chart)
            self.assertIn('role="img"', m.group(1))
            self.assertIn("<desc", m.group(1))
            self.assertIn("<table>", m.group(1))
        provinces = re.search(r'id="grafico-provincias">(.*?)</figure>', page, re.S).group(1)
        self.assertRegex(provinces, r'<th scope="row">Elqui</th><td>\d+</td>')
        self.assertIn("Limarí", provinces)
        self.assertNotIn("Iquique", provinces)  # only the council's region
        self.assertNotIn('id="grafico-provincias"', self.client().get("/").text)
        bad = c.get("/?as_of=2025-99-99")
        self.assertEqual(bad.status, 200)
        self.assertIn("no es válida", bad.text)


if __name__ == "__main__":
    unittest.main()
