"""
The Escuela de Dirigentes over real sockets (issue 20): a course of four
online modules for plan line 10 with twelve leaders of the three provinces
of the region; attendance of the first module through the API's
enrolment_id rows and of the other three imported from the participants
report each videoconference tool exports (Zoom, Google Meet, Microsoft
Teams: samples written here in each tool's shape, Teams in UTF-16LE with
tabs and its summary block), reviewed before saving; certificates issued
only to those who met the rule (and the same codes again), verified on the
public page, a guessed code refused, one revoked; the PDF read back with
pdftotext and its QR decoded with zbarimg to the verification URL built
from --public-url; coverage by province; the line's compliance counting
the course once; the public enrolment page (consent, duplicates, capacity,
dates); and participants shared with other activities' guests.
"""
import os
import re
import shutil
import subprocess
import tempfile
import unittest

import support
from support import Demo, Server, query_one
from test_evidence import MP, multipart

PUBLIC_URL = "https://cosoc.example.cl"


def run_check_digit(body):
    s, m = 0, 2
    for d in reversed(str(body)):
        s += int(d) * m
        m = 2 if m == 7 else m + 1
    v = 11 - s % 11
    return "0" if v == 11 else "K" if v == 10 else str(v)


def run_of(body):
    return "%d-%s" % (body, run_check_digit(body))


# Twelve leaders, four per province of Coquimbo (Elqui 041, Limarí 043,
# Choapa 042). Leaders 1-7 will complete the course; 8-12 will not.
LEADERS = [
    ("Ana María Rojas Tapia", run_of(12345678), "ana.rojas@example.cl", "Junta de Vecinos Las Compañías", "04101"),
    ("Bernardo Cortés Díaz", run_of(13456789), "bcortes@example.cl", "Comité de Vivienda Esperanza", "04102"),
    ("Carmen Gloria Araya", "", "carmen.araya@example.cl", "Junta de Vecinos Villa El Sol", "04106"),
    ("Domingo Pérez Soto", run_of(9876543), "dperez@example.cl", "Unión Comunal de Ovalle", "04301"),
    ("Elena Muñoz Vega", "", "elena.munoz@example.cl", "Comité de Allegados Limarí", "04303"),
    ("Fabián Castillo Rivera", run_of(15678901), "fcastillo@example.cl", "Junta de Vecinos Combarbalá", "04302"),
    ("Gabriela Núñez Olivares", "", "", "Comité Villa Illapel", "04201"),
    ("Héctor Álvarez Pinto", run_of(16789012), "halvarez@example.cl", "Junta de Vecinos Salamanca", "04204"),
    ("Isabel Fuentes Rojas", "", "ifuentes@example.cl", "Comité de Vivienda Los Vilos", "04203"),
    ("Jorge Vega Carrasco", run_of(17890123), "jvega@example.cl", "Junta de Vecinos Las Compañías", "04101"),
    ("Karina Tapia Lillo", "", "ktapia@example.cl", "Unión Comunal de Ovalle", "04301"),
    ("Luis Salinas Bravo", run_of(18901234), "lsalinas@example.cl", "Comité Villa Illapel", "04201"),
]

MODULE_DATES = ["2025-04-05", "2025-04-12", "2025-04-19", "2025-04-26"]


def zoom_report(people):
    """Zoom's participants CSV: one row per connection."""
    lines = ["Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest"]
    lines.append("Encargada PAC (Encargada Participación),encargada@example.cl,"
                 "04/12/2025 06:55:00 PM,04/12/2025 09:02:00 PM,127,No")
    for name, email, minutes in people:
        # Rejoined once: two rows that add up.
        first = minutes // 2
        lines.append('"%s",%s,04/12/2025 07:00:00 PM,04/12/2025 07:30:00 PM,%d,Yes'
                     % (name, email, first))
        lines.append('"%s",%s,04/12/2025 07:35:00 PM,04/12/2025 09:00:00 PM,%d,Yes'
                     % (name, email, minutes - first))
    return ("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8")


def meet_report(people):
    """Google Meet's attendance report: first and last names apart."""
    lines = ["First name,Last name,Email,Duration,Time joined,Time exited"]
    for first, last, email, minutes in people:
        h, m = divmod(minutes, 60)
        dur = ("%d hr %d min" % (h, m)) if h else ("%d min" % m)
        lines.append("%s,%s,%s,%s,7:00 PM,9:00 PM" % (first, last, email, dur))
    return ("\n".join(lines) + "\n").encode("utf-8")


def teams_report(people):
    """Microsoft Teams: UTF-16LE, tabs, a summary block on top."""
    lines = ["Meeting Summary",
             "Total Number of Participants\t%d" % len(people),
             "Meeting Title\tEscuela de Dirigentes – Módulo 4",
             "Meeting Start Time\t4/26/2025, 7:00:00 PM",
             "Meeting End Time\t4/26/2025, 9:00:00 PM",
             "",
             "Full Name\tJoin Time\tLeave Time\tDuration\tEmail\tRole"]
    for name, email, minutes in people:
        h, m = divmod(minutes, 60)
        dur = ("%dh %dm" % (h, m)) if h else ("%dm" % m)
        lines.append("%s\t4/26/2025, 7:00:00 PM\t4/26/2025, 9:00:00 PM\t%s\t%s\tAttendee"
                     % (name, dur, email))
    return "\r\n".join(lines + [""]).encode("utf-16")  # BOM + UTF-16LE


class Courses(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmpdir = tempfile.mkdtemp(prefix="cosoc-http-")
        cls.demo = Demo(cls.tmpdir)
        cls.server = Server(cls.demo.path, extra_args=["--public-url", PUBLIC_URL]).start()
        out = support.run_cli("token", "create", "--db", cls.demo.path, "--email",
                              cls.demo.email, check=0).stdout
        cls.token = out.strip().split()[-1]

    @classmethod
    def tearDownClass(cls):
        try:
            cls.server.stop()
        finally:
            support.drop_database(cls.demo.path)
            shutil.rmtree(cls.tmpdir, ignore_errors=True)

    def client(self):
        c = self.server.client()
        self.addCleanup(c.close)
        return c

    def api(self, method, path, body=None, headers=None):
        h = {"Authorization": "Bearer " + self.token}
        h.update(headers or {})
        return self.client().request(method, path, json_body=body, headers=h)

    def admin(self):
        c = self.client()
        c.login(self.demo.email, self.demo.password)
        return c

    def q(self, sql, params=()):
        return query_one(self.demo.path, sql, params)

    def new_course(self, title, dates=MODULE_DATES, **extra):
        body = {"title": title, "plan_lines": [10],
                "completion": {"min_modules": min(3, len(dates))},
                "programme": "1. Política habitacional\n2. Ley 20.500\n3. Liderazgo\n4. Proyectos",
                "modules": [{"title": "Módulo %d" % (i + 1),
                             "start": "%sT19:00:00-04:00" % d,
                             "end": "%sT21:00:00-04:00" % d,
                             "modality": "virtual",
                             "link": "https://meet.example.cl/escuela-%d" % (i + 1),
                             "speaker": "Profesional SERVIU"}
                            for i, d in enumerate(dates)]}
        body.update(extra)
        r = self.api("POST", "/api/courses", body)
        self.assertEqual(r.status, 201, r.text)
        return r.json()

    def enrol_all(self, cid):
        ids = []
        for name, run, email, org, commune in LEADERS:
            r = self.api("POST", "/api/courses/%d/enrolments" % cid,
                         {"name": name, "run": run, "email": email, "organization": org,
                          "commune": commune, "consent": True})
            self.assertEqual(r.status, 201, r.text)
            ids.append(r.json()["id"])
        return ids

    def hold(self, activity):
        r = self.api("POST", "/api/activities/%d" % activity, {"status": "realizada"})
        self.assertEqual(r.status, 200, r.text)

    def import_report(self, c, activity, filename, data):
        """Uploads a report, answers the review page's form as shown (with
        extra choices for unmatched rows), returns the review's text."""
        page = c.get("/actividades/%d" % activity).text
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        body = multipart({"csrf_token": token}, [("archivo", filename, "text/csv", data)])
        r = c.post("/actividades/%d/asistencia-reporte" % activity, body=body, headers=MP)
        self.assertEqual(r.status, 200, r.text)
        return r.text

    def submit_review(self, c, activity, review, assign=None):
        form = {"csrf_token": re.search(r'name="csrf_token" value="([^"]+)"', review).group(1)}
        for sel in re.finditer(r'<select id="(e_\d+)" name="e_\d+">(.*?)</select>', review):
            form[sel.group(1)] = re.search(r'<option value="(\w+)" selected', sel.group(2)).group(1)
        for m in re.finditer(r'name="((?:min|um)_\d+)" value="(\d+)"', review):
            form[m.group(1)] = m.group(2)
        for label_name, enrol_id in (assign or {}).items():
            m = re.search(r'<label for="(u_\d+)">%s' % re.escape(label_name), review)
            self.assertIsNotNone(m, "no unmatched row for " + label_name)
            form[m.group(1)] = str(enrol_id)
        r = c.post("/actividades/%d/asistencia-curso" % activity, form=form)
        self.assertEqual(r.status, 303, r.text)

    def present(self, activity):
        return {int(x) for x in (self.q(
            "SELECT group_concat(participant_id) FROM attendance WHERE activity_id = ? "
            "AND status = 'presente'", (activity,)) or "").split(",") if x} \
            if not self.demo.is_postgres else {int(x) for x in (self.q(
                "SELECT string_agg(participant_id::text, ',') FROM attendance WHERE "
                "activity_id = ? AND status = 'presente'", (activity,)) or "").split(",") if x}

    def test_a_course_from_enrolment_to_verified_certificates(self):
        course = self.new_course("Escuela de Dirigentes 2025")
        cid = course["id"]
        acts = [m["activity_id"] for m in course["modules"]]
        self.assertEqual(len(acts), 4)
        enrol = self.enrol_all(cid)
        part = [int(self.q("SELECT participant_id FROM enrolments WHERE id = ?", (e,)))
                for e in enrol]
        self.assertEqual(len(set(part)), 12)
        for a in acts:
            self.hold(a)
        c = self.admin()

        # Module 1: the API, one row per enrolled person.
        rows = [{"enrolment_id": e, "status": "presente"} for e in enrol[:10]]
        rows += [{"enrolment_id": enrol[10], "status": "ausente"},
                 {"enrolment_id": enrol[11], "status": "justificado", "reason": "Enferma"}]
        r = self.api("POST", "/api/activities/%d/attendance" % acts[0], rows)
        self.assertEqual(r.status, 200, r.text)
        self.assertEqual(self.present(acts[0]), set(part[:10]))
        # Another course's enrolment is refused, nothing written.
        other = self.new_course("Otro curso", dates=["2025-05-03"])
        r = self.api("POST", "/api/activities/%d/attendance" % other["modules"][0]["activity_id"],
                     [{"enrolment_id": enrol[0], "status": "presente"}])
        self.assertEqual(r.status, 422, r.text)
        self.assertEqual(r.json()["field"], "enrolment_id")

        # Module 2: Zoom. Leaders 1-6 by e-mail, 7 by name only (no e-mail),
        # 8 connected 10 minutes (below the 45-minute setting), 9 absent.
        people = [(LEADERS[i][0], LEADERS[i][2], 110) for i in range(6)]
        people.append(("NÚÑEZ OLIVARES GABRIELA", "", 100))
        people.append((LEADERS[7][0], LEADERS[7][2], 10))
        review = self.import_report(c, acts[1], "participants_8321.csv", zoom_report(people))
        self.assertIn("Zoom", review)
        self.assertIn("Encargada PAC", review)  # The host: unmatched, for review
        self.submit_review(c, acts[1], review)
        self.assertEqual(self.present(acts[1]), set(part[:7]))
        minutes = self.q("SELECT minutes FROM attendance WHERE activity_id = ? AND "
                         "participant_id = ?", (acts[1], part[7]))
        self.assertEqual(minutes, "10")

        # Module 3: Google Meet. Leaders 1-5, 7 and 9.
        meet = []
        for i in (0, 1, 2, 3, 4, 6, 8):
            name = LEADERS[i][0].split()
            meet.append((" ".join(name[:-2]), " ".join(name[-2:]), LEADERS[i][2], 95))
        review = self.import_report(c, acts[2], "Escuela - Asistencia.csv", meet_report(meet))
        self.assertIn("Google Meet", review)
        self.submit_review(c, acts[2], review)
        self.assertEqual(self.present(acts[2]), {part[i] for i in (0, 1, 2, 3, 4, 6, 8)})

        # Module 4: Teams. Leaders 1-4, 6, 7 and 10; leader 5 joined from a
        # shared computer: the officer says who that row is.
        teams = [(LEADERS[i][0], LEADERS[i][2], 115) for i in (0, 1, 2, 3, 5, 9)]
        teams.append(("Gabriela Nunez Olivares", "", 112))
        teams.append(("Sala Sede Vecinal", "", 100))
        review = self.import_report(c, acts[3], "meetingAttendanceReport.csv", teams_report(teams))
        self.assertIn("Microsoft Teams", review)
        self.submit_review(c, acts[3], review, assign={"Sala Sede Vecinal": enrol[4]})
        self.assertEqual(self.present(acts[3]), {part[i] for i in (0, 1, 2, 3, 4, 5, 6, 9)})

        # Who completed: leaders 1-7 (at least 3 of 4 modules).
        r = self.api("GET", "/api/courses/%d/enrolments" % cid)
        done = {e["id"]: e["complete"] for e in r.json()}
        self.assertEqual({e for e in enrol if done[e]}, set(enrol[:7]))

        # Certificates for them only; issuing again gives the same codes.
        r = self.api("POST", "/api/courses/%d/certificates" % cid)
        self.assertEqual(r.status, 200, r.text)
        certs = r.json()
        self.assertEqual({x["enrolment_id"] for x in certs}, set(enrol[:7]))
        for x in certs:
            self.assertEqual(x["url"], "%s/certificados/%s" % (PUBLIC_URL, x["code"]))
            self.assertRegex(x["code"], r"^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$")
        again = self.api("POST", "/api/courses/%d/certificates" % cid).json()
        self.assertEqual(sorted((x["enrolment_id"], x["code"]) for x in again),
                         sorted((x["enrolment_id"], x["code"]) for x in certs))
        self.assertEqual(self.q("SELECT count(*) FROM certificates"), "7")
        # Each was mailed once with its PDF.
        self.assertEqual(self.q("SELECT count(*) FROM mail_outbox WHERE idempotency_key "
                                "LIKE 'certificado:%'"), "6")  # Leader 7 has no e-mail

        # The public page: valid, the name and the course, nothing personal.
        first = next(x for x in certs if x["enrolment_id"] == enrol[0])
        pub = self.client()
        page = pub.get("/certificados/" + first["code"])
        self.assertEqual(page.status, 200)
        self.assertIn("Certificado válido", page.text)
        self.assertIn("Ana María Rojas Tapia", page.text)
        self.assertIn("Escuela de Dirigentes 2025", page.text)
        for secret in (LEADERS[0][1], "12.345.678", LEADERS[0][2]):
            self.assertNotIn(secret, page.text)
        # Typed in lower case and without hyphens it is the same code.
        self.assertEqual(pub.get("/certificados/" + first["code"].lower().replace("-", "")).status, 200)
        # A guessed code, a malformed one: 404.
        self.assertEqual(pub.get("/certificados/7K2M9-QXD4R-0B8TN-E3W6Z").status, 404)
        self.assertEqual(pub.get("/certificados/%27%20OR%201%3D1").status, 404)

        # The PDF: the name, the course and the code; the QR is the URL.
        r = pub.get("/certificados/%s.pdf" % first["code"])
        self.assertEqual(r.status, 200)
        self.assertEqual(r.header("Content-Type"), "application/pdf")
        pdf = os.path.join(self.tmpdir, "cert.pdf")
        with open(pdf, "wb") as f:
            f.write(r.body)
        text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True,
                              text=True, check=True).stdout
        self.assertIn("Ana María Rojas Tapia", text)
        self.assertIn("Escuela de Dirigentes 2025", text)
        self.assertIn(first["code"], text)
        self.assertIn("4 de 4 módulos", text)
        subprocess.run(["pdftoppm", "-r", "150", "-png", "-singlefile", pdf,
                        os.path.join(self.tmpdir, "cert")], check=True)
        qr = subprocess.run(["zbarimg", "--raw", "-q", os.path.join(self.tmpdir, "cert.png")],
                            capture_output=True, text=True).stdout.strip()
        self.assertEqual(qr, first["url"])
        # The Host header plays no part in it.
        r = pub.get("/certificados/%s.pdf" % first["code"], headers={"Host": "evil.example"})
        self.assertNotIn(b"evil.example", r.body)

        # Revoked: the page says so, with the reason; revoking twice is 409.
        second = next(x for x in certs if x["enrolment_id"] == enrol[1])
        r = self.api("POST", "/api/certificates/%s/revoke" % second["code"],
                     {"reason": "Asistencia mal registrada"})
        self.assertEqual(r.status, 200, r.text)
        page = pub.get("/certificados/" + second["code"]).text
        self.assertIn("revocado", page)
        self.assertIn("Asistencia mal registrada", page)
        self.assertEqual(self.api("POST", "/api/certificates/%s/revoke" % second["code"],
                                  {"reason": "otra vez"}).status, 409)
        self.assertEqual(self.api("POST", "/api/certificates/%s/revoke" % first["code"],
                                  {"reason": ""}).status, 422)
        self.assertEqual(self.api("POST", "/api/certificates/7K2M9-QXD4R-0B8TN-E3W6Z/revoke",
                                  {"reason": "x"}).status, 404)
        # Issuing again does not give the revoked one back.
        again = self.api("POST", "/api/courses/%d/certificates" % cid).json()
        self.assertEqual({x["enrolment_id"] for x in again}, set(enrol[:7]) - {enrol[1]})

        # Coverage: the three provinces, on the course page and in XLSX.
        page = c.get("/admin/cursos/%d" % cid).text
        for province, enrolled in (("Elqui", 4), ("Limarí", 4), ("Choapa", 4)):
            m = re.search(r'<th scope="row">%s</th><td[^>]*>(\d+)</td><td[^>]*>(\d+)</td><td[^>]*>(\d+)</td>'
                          % province, page)
            self.assertIsNotNone(m, province)
            self.assertEqual(int(m.group(1)), enrolled)
        self.assertIn("Junta de Vecinos Las Compañías", page)
        r = c.get("/admin/cursos/%d/cobertura.xlsx" % cid)
        self.assertEqual(r.status, 200)
        self.assertEqual(r.body[:2], b"PK")
        # The line page shows it too, the provinces to anyone.
        page = pub.get("/plan/lineas/10").text
        self.assertIn("Escuela de Dirigentes 2025", page)
        self.assertIn("Limarí", page)
        self.assertNotIn("Junta de Vecinos Las Compañías", page)

    def test_compliance_counts_the_course_once_when_its_modules_are_held(self):
        course = self.new_course("Escuela para el cumplimiento")
        acts = [m["activity_id"] for m in course["modules"]]
        enrol = self.enrol_all(course["id"])[:3]
        # The 2024-2025 plan the modules' dates belong to, as it stands
        # today: an «as of» view counts only what was recorded by then.
        line = lambda: next(l for l in self.api("GET", "/api/compliance?version=1")
                            .json()["lines"] if l["number"] == 10)
        # Convocatoria and photos on the first module; the programme is the
        # «Programa de formación»; recorded attendance is «Asistencia».
        self.hold(acts[0])
        self.api("POST", "/api/activities/%d/attendance" % acts[0],
                 [{"enrolment_id": e, "status": "presente"} for e in enrol])
        from test_evidence import tiny_png
        for kind in ("convocatoria", "fotografias"):
            body = multipart({"kind": kind}, [("file", "x.png", "image/png", tiny_png(8))])
            h = dict(MP)
            h["Authorization"] = "Bearer " + self.token
            r = self.client().post("/api/activities/%d/evidence" % acts[0], body=body, headers=h)
            self.assertEqual(r.status, 201, r.text)
        one = line()
        # One module of four is no school held.
        self.assertNotEqual(one["state"], "cumplida")
        self.assertEqual(one["verified"], 0)
        self.assertTrue(any("1 de 4 módulos" in m for m in one["missing"]), one["missing"])
        for a in acts[1:]:
            self.hold(a)
            self.api("POST", "/api/activities/%d/attendance" % a,
                     [{"enrolment_id": e, "status": "presente"} for e in enrol])
        done = line()
        self.assertEqual(done["state"], "cumplida", done)
        self.assertEqual(done["verified"], 1)

    def test_contract_refusals(self):
        r = self.api("POST", "/api/courses", {"title": "", "completion": {"min_modules": 3}})
        self.assertEqual(r.status, 422)
        self.assertEqual(r.json()["field"], "title")
        r = self.api("POST", "/api/courses", {"title": "X", "completion": {"min_modules": 5},
                                              "modules": [{"title": "M", "start": "2025-04-05T19:00:00-04:00",
                                                           "end": "2025-04-05T21:00:00-04:00"}]})
        self.assertEqual(r.status, 422)
        self.assertEqual(r.json()["field"], "completion")
        before = self.q("SELECT count(*) FROM courses")
        r = self.api("POST", "/api/courses", {"title": "Y", "modules": [
            {"title": "M", "start": "2025-04-05T21:00:00-04:00", "end": "2025-04-05T19:00:00-04:00"}]})
        self.assertEqual(r.status, 422)
        self.assertEqual(self.q("SELECT count(*) FROM courses"), before)
        cid = self.new_course("Curso de prueba de consentimiento")["id"]
        body = {"name": "Sin Consentimiento", "email": "sin@example.cl", "commune": "04101"}
        r = self.api("POST", "/api/courses/%d/enrolments" % cid, body)
        self.assertEqual(r.status, 422)
        self.assertEqual(r.json()["field"], "consent")
        body["consent"] = True
        body["run"] = "12.345.678-0"
        r = self.api("POST", "/api/courses/%d/enrolments" % cid, body)
        self.assertEqual((r.status, r.json()["field"]), (422, "run"))
        del body["run"]
        first = self.api("POST", "/api/courses/%d/enrolments" % cid, body)
        self.assertEqual(first.status, 201)
        again = self.api("POST", "/api/courses/%d/enrolments" % cid, body)
        self.assertEqual((again.status, again.json()["id"]), (200, first.json()["id"]))
        # A consejero may not: the API is the officer's.
        support.run_cli("user", "add", "--db", self.demo.path, "--email", "c@example.cl",
                        "--name", "Consejera", "--role", "consejero",
                        env={"COSOC_PASSWORD": "clave-de-prueba-1"}, check=0)
        tok = support.run_cli("token", "create", "--db", self.demo.path, "--email",
                              "c@example.cl", check=0).stdout.strip().split()[-1]
        r = self.client().request("POST", "/api/courses/%d/certificates" % cid,
                                  headers={"Authorization": "Bearer " + tok})
        self.assertEqual(r.status, 403)
        self.assertEqual(self.api("GET", "/api/courses/999999").status, 404)

    def test_public_enrolment_page(self):
        cid = self.new_course("Curso abierto", dates=["2031-04-05", "2031-04-12"],
                              capacity=2, enrol_closes="2031-04-01")["id"]
        pub = self.client()
        page = pub.get("/cursos/%d" % cid)
        self.assertEqual(page.status, 200)
        self.assertIn('name="consentimiento"', page.text)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        form = {"csrf_token": token, "nombre": "Marta Olivares Cruz",
                "run": "", "correo": "marta@example.cl", "organizacion": "JJVV Peñuelas",
                "comuna": "04102"}
        before = self.q("SELECT count(*) FROM enrolments")
        r = pub.post("/cursos/%d" % cid, form=form)  # No consent
        self.assertEqual(r.status, 422)
        self.assertIn('value="Marta Olivares Cruz"', r.text)
        self.assertIn('value="JJVV Peñuelas"', r.text)
        self.assertEqual(self.q("SELECT count(*) FROM enrolments"), before)
        r = pub.post("/cursos/%d" % cid, form=dict(form, consentimiento="si", correo="no-es-correo"))
        self.assertEqual(r.status, 422)
        r = pub.post("/cursos/%d" % cid, form=dict(form, consentimiento="si"))
        self.assertEqual(r.status, 303, r.text)
        self.assertIn("aviso=inscripcion", r.header("Location"))
        self.assertEqual(self.q("SELECT consent_photos FROM enrolments e JOIN participants p "
                                "ON p.id = e.participant_id WHERE p.email = 'marta@example.cl'"), "0")
        # The confirmation carries the course's calendar with both modules.
        key = self.q("SELECT m.id FROM mail_outbox m WHERE m.recipient = 'marta@example.cl'")
        ics = self.q("SELECT content FROM mail_attachments WHERE mail_id = ?", (key,))
        if isinstance(ics, bytes):
            ics = ics.decode()
        elif ics.startswith("\\x"):  # bytea as psql prints it
            ics = bytes.fromhex(ics[2:]).decode()
        self.assertEqual(ics.count("BEGIN:VEVENT"), 2)
        first = r.header("Location")
        # The same person again: nothing changes, and the answer is the very
        # one a new person gets, so that whoever types a RUN does not learn
        # whether that person is enrolled.
        r = pub.post("/cursos/%d" % cid, form=dict(form, consentimiento="si", fotos="si",
                                                   nombre="Marta Olivares"))
        self.assertEqual((r.status, r.header("Location")), (303, first))
        self.assertEqual(self.q("SELECT count(*) FROM enrolments WHERE course_id = ?", (cid,)), "1")
        page = pub.get(first).text
        self.assertIn("Recibimos su inscripción", page)
        self.assertNotIn("ya estaba inscrita o inscrito en este curso", page)
        # Full: a third person is told there are no places.
        r = pub.post("/cursos/%d" % cid, form=dict(form, consentimiento="si",
                                                   correo="otra@example.cl", nombre="Otra Persona"))
        self.assertEqual(r.status, 303)
        r = pub.post("/cursos/%d" % cid, form=dict(form, consentimiento="si",
                                                   correo="tercera@example.cl", nombre="Tercera"))
        self.assertEqual(r.status, 422)
        self.assertIn("cupos", r.text)
        # Full is full for everyone who asks on the public form, the enrolled
        # person included (told their place stands): no answer tells them apart.
        again = pub.post("/cursos/%d" % cid, form=dict(form, consentimiento="si"))
        self.assertEqual(again.status, 422)
        self.assertIn("su inscripción sigue vigente", again.text)
        self.assertIn("su inscripción sigue vigente", r.text)
        # Without CSRF: 403, nothing written.
        r = self.client().post("/cursos/%d" % cid, form=dict(form, consentimiento="si",
                                                             csrf_token="x", correo="z@example.cl"))
        self.assertEqual(r.status, 403)
        # A course whose enrolment closed shows no form.
        closed = self.new_course("Curso cerrado", enrol_closes="2025-01-01")["id"]
        page = pub.get("/cursos/%d" % closed).text
        self.assertNotIn('name="consentimiento"', page)
        self.assertIn("cerradas", page)

    def test_bulk_enrolment_previews_and_writes_all_or_nothing(self):
        cid = self.new_course("Curso por carga")["id"]
        c = self.admin()
        page = c.get("/admin/cursos/%d" % cid).text
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        bad = ("nombre;run;correo;organizacion;comuna\n"
               "Pedro Rojas;%s;pedro@example.cl;JJVV Norte;La Serena\n"
               "Rosa Díaz;12.345.678-0;rosa@example.cl;JJVV Sur;Ovalle\n"
               "Tomás Ortiz;;tomas@example.cl;;Comuna Inventada\n" % run_of(19012345))
        body = multipart({"csrf_token": token, "texto": bad}, [])
        r = c.post("/admin/cursos/%d/inscribir" % cid, body=body, headers=MP)
        self.assertEqual(r.status, 422)
        self.assertIn("Pedro Rojas", r.text)
        self.assertIn("RUN", r.text)
        self.assertIn("comuna", r.text.lower())
        self.assertEqual(self.q("SELECT count(*) FROM enrolments WHERE course_id = ?", (cid,)), "0")
        good = bad.replace("12.345.678-0", "").replace("Comuna Inventada", "Illapel")
        r = c.post("/admin/cursos/%d/inscribir" % cid,
                   body=multipart({"csrf_token": token}, [("archivo", "lista.csv", "text/csv",
                                                          good.encode())]), headers=MP)
        self.assertEqual(r.status, 200, r.text)
        self.assertIn("Inscribir a 3 personas", r.text)
        self.assertEqual(self.q("SELECT count(*) FROM enrolments WHERE course_id = ?", (cid,)), "0")
        r = c.post("/admin/cursos/%d/inscribir" % cid,
                   form={"csrf_token": token, "texto": good, "confirmar": "si",
                         "consentimiento": "si"})
        self.assertEqual(r.status, 303, r.text)
        self.assertEqual(self.q("SELECT count(*) FROM enrolments WHERE course_id = ?", (cid,)), "3")

    def test_a_guest_is_one_participant_across_activities(self):
        body = {"kind": "mesa_trabajo", "title": "Mesa de vivienda", "start": "2025-03-10T10:00:00-03:00",
                "end": "2025-03-10T12:00:00-03:00", "commune": "04301", "modality": "presencial",
                "status": "realizada", "plan_lines": [3], "public": True}
        mesas = []
        for i in range(2):
            r = self.api("POST", "/api/activities", dict(body, title="Mesa %d" % i))
            self.assertEqual(r.status, 201, r.text)
            mesas.append(r.json()["id"])
        self.api("POST", "/api/activities/%d/attendance" % mesas[0],
                 [{"name": "Rosa Elena Tapia", "organization": "Comité Adulto Mayor Ovalle",
                   "status": "presente"}])
        self.api("POST", "/api/activities/%d/attendance" % mesas[1],
                 [{"name": "ROSA ELENA  TAPIA", "organization": "Comite Adulto Mayor Ovalle",
                   "status": "presente"}])
        ids = {self.q("SELECT participant_id FROM attendance WHERE activity_id = ?", (m,))
               for m in mesas}
        self.assertEqual(len(ids), 1, ids)
        pid = ids.pop()
        c = self.admin()
        page = c.get("/admin/participantes/%s" % pid).text
        self.assertIn("Mesa 0", page)
        self.assertIn("Mesa 1", page)


if __name__ == "__main__":
    unittest.main()
