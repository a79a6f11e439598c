"""
The annual plan over HTTP and the command line: the demo's real plan in
/plan and /api/plan, import by CLI and by upload (idempotent, a new version
on change, refusals that write nothing), edits that make versions with a
diff, approval, and every new route's role and CSRF checks.
"""
import datetime
import os
import re
import tempfile
import uuid

from support import ROOT, ServerTestCase, drop_database, new_database, query_one, run_cli

SEED = os.path.join(ROOT, "data", "seeds", "plan-anual-cosoc-minvu-serviu-coquimbo-2024-2025.txt")


def seed_text():
    with open(SEED, encoding="utf-8") as f:
        return f.read()


def multipart(fields, files):
    """Encodes fields {name: value} and files {name: (filename, bytes)}."""
    boundary = "cosoc" + uuid.uuid4().hex
    out = []
    for name, value in fields.items():
        out.append(("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n"
                    % (boundary, name, value)).encode())
    for name, (filename, data) in files.items():
        out.append(("--%s\r\nContent-Disposition: form-data; name=\"%s\"; filename=\"%s\"\r\n"
                    "Content-Type: text/plain\r\n\r\n" % (boundary, name, filename)).encode())
        out.append(data + b"\r\n")
    out.append(("--%s--\r\n" % boundary).encode())
    return b"".join(out), "multipart/form-data; boundary=" + boundary


class PlanCase(ServerTestCase):
    def versions(self):
        return int(query_one(self.demo.path, "SELECT count(*) FROM plan_versions"))

    def write_tmp(self, data, suffix=".txt"):
        fd, path = tempfile.mkstemp(suffix=suffix, dir=self.tmpdir)
        with os.fdopen(fd, "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        return path

    def consejero(self):
        email = "consejera.%s@example.cl" % uuid.uuid4().hex[:8]
        password = self.add_user(email, "Consejera Prueba", "consejero")
        c = self.client()
        c.login(email, password)
        return c


class PublicPlan(PlanCase):
    def test_plan_page_shows_the_current_plan_to_the_public(self):
        # The demo's current plan: the real one's next, its period today's.
        current = self.client().get("/api/plan").json()
        r = self.client().get("/plan")
        self.assertEqual(r.status, 200)
        self.assertIn(current["title"], r.text)
        self.assertTrue(current["title"].startswith("PLAN ANUAL COSOC MINVU SERVIU 20"))
        self.assertIn("Vigente", r.text)
        self.assertIn("Objetivos generales", r.text)
        self.assertEqual(len(re.findall(r'<tr id="linea-\d+"', r.text)), 10)
        self.assertIn('class="table table-cards plan-table"', r.text)
        self.assertIn('href="/plan"', r.text)  # the nav entry
        self.assertNotIn("&lt;p&gt;", r.text)
        self.assertNotIn("<p>Se agendarán", r.text.split("<tbody>")[0])
        self.assertIn("Fotografías", r.text)
        self.assertNotIn("Editar plan", r.text)

    def test_home_page_links_to_the_plan(self):
        r = self.client().get("/")
        title = self.client().get("/api/plan").json()["title"]
        self.assertIn("%s: 6 objetivos generales y 10 líneas" % title, r.text)
        self.assertIn('href="/plan">Ver el plan', r.text)

    def test_line_page_shows_evidence_window_and_target(self):
        r = self.client().get("/plan/lineas/9")
        self.assertEqual(r.status, 200)
        self.assertIn("Línea 9 del plan", r.text)
        self.assertIn("comunas distintas a La Serena", r.text)
        self.assertIn("2 actividades de cualquier tipo; no cuentan las de La Serena (04101)", r.text)
        self.assertIn("sugerida a partir del texto de las acciones", r.text)
        self.assertEqual(self.client().get("/plan/lineas/11").status, 404)
        self.assertEqual(self.client().get("/plan/lineas/x").status, 404)

    def test_api_plan_has_the_contract_shape_and_ten_lines(self):
        # The latest approved version is the current plan, whose period
        # holds today; the real 2024-2025 plan is version 1.
        r = self.client().get("/api/plan")
        self.assertEqual(r.status, 200)
        current = r.json()
        today = datetime.date.today().isoformat()
        self.assertLessEqual(current["period"]["start"], today)
        self.assertGreaterEqual(current["period"]["end"], today)
        self.assertGreater(current["version"], 1)
        r = self.client().get("/api/plan/versions/1")
        self.assertEqual(r.status, 200)
        plan = r.json()
        self.assertEqual(plan["title"], "PLAN ANUAL COSOC MINVU SERVIU 2024-2025")
        self.assertEqual(plan["period"], {"start": "2024-01-01", "end": "2025-12-31"})
        self.assertEqual(plan["version"], 1)
        self.assertEqual([o["number"] for o in plan["objectives"]], [1, 2, 3, 4, 5, 6])
        self.assertEqual(len(plan["lines"]), 10)
        for line in plan["lines"]:
            for key in ("number", "objective", "actions", "responsible", "evidence", "window", "target"):
                self.assertIn(key, line)
            for key in ("start", "end", "phrase"):
                self.assertIn(key, line["window"])
            for key in ("count", "kinds", "exclude_communes"):
                self.assertIn(key, line["target"])
        l4 = plan["lines"][3]
        self.assertEqual([e["kind"] for e in l4["evidence"]],
                         ["citacion", "asistencia", "fotografias", "acta"])
        self.assertEqual(l4["evidence"][3]["label"], "Actas")
        self.assertEqual(l4["target"], {"count": 5, "kinds": ["sesion_ordinaria", "sesion_extraordinaria"],
                                        "exclude_communes": []})
        self.assertEqual(plan["lines"][4]["target"]["kinds"], ["reunion_autoridades"])
        self.assertEqual(plan["lines"][8]["target"], {"count": 2, "kinds": [], "exclude_communes": ["04101"]})
        self.assertEqual(plan["lines"][1]["window"],
                         {"start": "2024-07-01", "end": "2024-12-31", "phrase": "Segundo Semestre 2024",
                          "flagged": False})

    def test_api_plan_version_and_council_errors(self):
        c = self.client()
        self.assertEqual(c.get("/api/plan/versions/1").json()["version"], 1)
        self.assertEqual(c.get("/api/plan?council=1").status, 200)
        r = c.get("/api/plan/versions/99")
        self.assertEqual(r.status, 404)
        self.assertIn("error", r.json())
        r = c.get("/api/plan?council=abc")
        self.assertEqual(r.status, 400)
        self.assertEqual(r.json()["field"], "council")
        self.assertEqual(c.get("/api/plan?council=999").status, 404)


class CliImport(PlanCase):
    def test_importing_the_same_document_twice_changes_nothing(self):
        # The demo's latest version is the current plan: the real one read
        # again is a new draft once, then nothing changes.
        run_cli("import-plan", SEED, "--db", self.demo.path, check=0)
        before = self.versions()
        r = run_cli("import-plan", SEED, "--db", self.demo.path, check=0)
        self.assertIn("Sin cambios", r.stdout)
        self.assertEqual(len(r.stdout.strip().splitlines()), 1)
        self.assertEqual(self.versions(), before)

    def test_broken_files_are_refused_and_nothing_is_written(self):
        text = seed_text()
        cases = {
            "vacío": ("", "vacío"),
            "binario": (b"PLAN 2024\n\x00\x01\x02\xff", "no es texto"),
            "columnas": (text.replace("VERIFICADOR", "OBSERVACION"), "Línea 14: las columnas"),
            "cortado": (text[:text.index("\n7\t") + 60], "cortado"),
        }
        before = self.versions()
        for name, (data, message) in cases.items():
            with self.subTest(name):
                path = self.write_tmp(data)
                r = run_cli("import-plan", path, "--db", self.demo.path, check=1)
                self.assertIn(message, r.stderr)
                self.assertEqual(r.stdout, "")
                self.assertEqual(self.versions(), before)

    def test_bad_usage_exits_two(self):
        run_cli("import-plan", "--db", self.demo.path, check=2)
        run_cli("import-plan", SEED, check=2)
        run_cli("import-plan", SEED, "--db", self.demo.path, "--council", "x", check=2)
        r = run_cli("import-plan", SEED, "--db", self.demo.path, "--council", "77", check=1)
        self.assertIn("no existe el consejo 77", r.stderr)
        self.assertIn("ARCHIVO", run_cli("import-plan", "--help", check=0).stdout)

    def test_import_into_an_empty_database_creates_the_council(self):
        path = new_database(self.tmpdir, "vacia")
        self.addCleanup(drop_database, path)
        r = run_cli("import-plan", SEED, "--db", path, check=0)
        self.assertIn("Plan importado", r.stdout)
        self.assertIn("versión 1", r.stdout)
        self.assertEqual(query_one(path, "SELECT count(*) FROM councils"), "1")
        self.assertEqual(query_one(path, "SELECT name FROM councils"),
                         "PLAN ANUAL COSOC MINVU SERVIU 2024-2025")


class Versions(PlanCase):
    """One story, in order: a changed document makes a draft version the
    public does not see, the officer approves it, the public sees it. (The
    demo's latest version is its current plan: the real document goes in
    first as a draft, then the changed one.)"""

    def test_changed_document_makes_a_draft_until_approved(self):
        public_before = self.client().get("/api/plan").json()["version"]
        run_cli("import-plan", SEED, "--db", self.demo.path, check=0)
        base = int(query_one(self.demo.path, "SELECT max(number) FROM plan_versions"))
        new = base + 1
        changed = seed_text().replace("Realizar a los menos 5 reuniones", "Realizar a lo menos 6 reuniones")
        path = self.write_tmp(changed)
        r = run_cli("import-plan", path, "--db", self.demo.path, check=0)
        self.assertIn("versión %d" % new, r.stdout)
        self.assertIn("2 cambios", r.stdout)  # the actions and the target
        public = self.client().get("/api/plan").json()
        self.assertEqual(public["version"], public_before)
        token = self.admin_token
        mine = self.client().get("/api/plan", headers={"Authorization": "Bearer " + token}).json()
        self.assertEqual(mine["version"], new)
        self.assertEqual(mine["status"], "borrador")
        self.assertEqual(mine["lines"][3]["target"]["count"], 6)
        self.assertEqual(self.client().get("/api/plan/versions/%d" % new).status, 404)
        admin = self.admin()
        history = admin.get("/plan/historial")
        self.assertIn("Cambios de la versión %d a la %d" % (base, new), history.text)
        self.assertIn("Línea 4", history.text)
        self.assertIn("Realizar a lo menos 6 reuniones", history.text)
        token_csrf = admin.csrf_from("/plan/historial")
        r = admin.post("/admin/plan/aprobar", form={"version": str(new),
                                                    "csrf_token": token_csrf})
        self.assertEqual(r.status, 303)
        self.assertEqual(self.client().get("/api/plan").json()["version"], new)


class UploadImport(PlanCase):
    def upload(self, c, data, filename="plan.txt"):
        token = c.csrf_from("/admin/plan/importar")
        body, ctype = multipart({"csrf_token": token, "reason": ""}, {"file": (filename, data)})
        return c.post("/admin/plan/importar", body=body, headers={"Content-Type": ctype})

    def test_upload_of_the_same_document_changes_nothing(self):
        c = self.admin()
        self.upload(c, seed_text().encode())  # back to the seed if another test changed it
        before = self.versions()
        r = self.upload(c, seed_text().encode())
        self.assertEqual(r.status, 303)
        self.assertIn("plan-sin-cambios", r.header("Location"))
        self.assertEqual(self.versions(), before)

    def test_upload_of_a_broken_file_is_422_with_the_reason_next_to_the_field(self):
        c = self.admin()
        before = self.versions()
        # «PLAZOS» names the dates column too: a heading nobody knows does not.
        r = self.upload(c, seed_text().replace("FECHAS", "CUÁNDO").encode())
        self.assertEqual(r.status, 422)
        self.assertIn('class="field-error" id="file-error"', r.text)
        self.assertIn("Línea 14: las columnas", r.text)
        self.assertEqual(self.versions(), before)

    def test_upload_of_a_changed_document_makes_a_version_and_shows_the_diff(self):
        c = self.admin()
        before = self.versions()
        r = self.upload(c, seed_text().replace("Tercer", "Tercer").replace(
            "Segundo Semestre 2024", "Tercer trimestre 2024").encode(), "plan-v2.txt")
        self.assertEqual(r.status, 303)
        self.assertEqual(self.versions(), before + 1)
        page = c.get(r.header("Location"))
        self.assertIn("Tercer trimestre 2024 (2024-07-01 a 2024-09-30)", page.text)
        self.assertIn("Importación de plan-v2.txt", page.text)


class Editing(PlanCase):
    def line_form(self, c, n=4, **changes):
        page = c.get("/admin/plan/lineas/%d" % n)
        self.assertEqual(page.status, 200)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        api = c.get("/api/plan").json()["lines"][n - 1]
        form = [("csrf_token", token), ("objective", api["objective"]), ("actions", api["actions"]),
                ("responsible", api["responsible"]), ("window_phrase", api["window"]["phrase"]),
                ("window_start", api["window"]["start"]), ("window_end", api["window"]["end"]),
                ("target_count", str(api["target"]["count"])),
                ("target_exclude", " ".join(api["target"]["exclude_communes"])),
                ("reason", "Prueba")]
        form += [("evidence", e["kind"]) for e in api["evidence"]]
        form += [("target_kinds", k) for k in api["target"]["kinds"]]
        form = [(k, changes.pop(k)) if k in changes else (k, v) for k, v in form]
        form += list(changes.items())
        return form

    def post_form(self, c, path, pairs):
        import urllib.parse
        body = urllib.parse.urlencode(pairs).encode()
        return c.post(path, body=body, headers={"Content-Type": "application/x-www-form-urlencoded"})

    def test_bad_line_edit_is_422_with_messages_and_nothing_written(self):
        c = self.admin()
        before = self.versions()
        cases = {
            "window_start": ("2025-13-01", "Escriba una fecha válida"),
            "target_count": ("0", "entre 1 y 1000"),
            "target_exclude": ("La Serena", "no es un código de comuna"),
            "reason": ("", "Diga por qué cambia la línea."),
            "actions": ("", "Escriba las acciones."),
        }
        for field, (value, message) in cases.items():
            with self.subTest(field):
                r = self.post_form(c, "/admin/plan/lineas/4", self.line_form(c, **{field: value}))
                self.assertEqual(r.status, 422)
                self.assertRegex(r.text, r'id="%s-error">[^<]*%s' % (field, re.escape(message)))
                self.assertEqual(self.versions(), before)

    def test_unchanged_line_form_writes_nothing(self):
        c = self.admin()
        before = self.versions()
        r = self.post_form(c, "/admin/plan/lineas/4", self.line_form(c))
        self.assertEqual(r.status, 303)
        self.assertIn("plan-sin-cambios", r.header("Location"))
        self.assertEqual(self.versions(), before)

    def test_new_window_phrase_recomputes_the_dates_and_target_correction_is_kept(self):
        c = self.admin()
        before = self.versions()
        y = int(c.get("/api/plan").json()["period"]["start"][:4])  # the current plan's
        phrase = "Tercer trimestre %d" % y
        r = self.post_form(c, "/admin/plan/lineas/3", self.line_form(
            c, 3, window_phrase=phrase, target_count="3", reason="Se reprograma"))
        self.assertEqual(r.status, 303)
        self.assertEqual(self.versions(), before + 1)
        line = c.get("/api/plan").json()["lines"][2]
        self.assertEqual(line["window"], {"start": "%d-07-01" % y, "end": "%d-09-30" % y,
                                          "phrase": phrase, "flagged": False})
        self.assertEqual(line["target"]["count"], 3)
        page = c.get("/plan/lineas/3")
        self.assertIn("corregida por la encargada", page.text)
        history = c.get("/plan/historial")
        self.assertIn("Se reprograma", history.text)
        self.assertIn("%s (%d-07-01 a %d-09-30)" % (phrase, y, y), history.text)

    def test_a_save_from_a_stale_form_undoes_nothing(self):
        c = self.admin()
        stale = self.line_form(c, 7)
        base = re.search(r'name="base_version" value="(\d+)"', c.get("/admin/plan/lineas/7").text).group(1)
        stale.append(("base_version", base))
        fresh = self.line_form(c, 8, window_phrase="Marzo 2025", reason="Otra persona")
        fresh.append(("base_version", base))
        self.assertEqual(self.post_form(c, "/admin/plan/lineas/8", fresh).status, 303)
        # Line 7 did not change meanwhile: its save goes on top of line 8's.
        before = self.versions()
        stale = [(k, "Abril 2025" if k == "window_phrase" else v) for k, v in stale]
        self.assertEqual(self.post_form(c, "/admin/plan/lineas/7", stale).status, 303)
        self.assertEqual(self.versions(), before + 1)
        lines = c.get("/api/plan").json()["lines"]
        self.assertEqual(lines[6]["window"]["phrase"], "Abril 2025")
        self.assertEqual(lines[7]["window"]["phrase"], "Marzo 2025")
        # Line 8 did: a save of it from the old version is 409.
        before = self.versions()
        late = self.line_form(c, 8, window_phrase="Mayo 2025", reason="Tarde")
        late.append(("base_version", base))
        r = self.post_form(c, "/admin/plan/lineas/8", late)
        self.assertEqual(r.status, 409)
        self.assertIn("Mientras usted editaba se guardó la versión", r.text)
        self.assertEqual(self.versions(), before)
        self.assertEqual(c.get("/api/plan").json()["lines"][7]["window"]["phrase"], "Marzo 2025")

    def test_bad_plan_edit_and_bad_objectives_are_422(self):
        c = self.admin()
        before = self.versions()
        token = c.csrf_from("/admin/plan")
        r = c.post("/admin/plan", form={"csrf_token": token, "title": "X", "period_start": "2025-01-01",
                                         "period_end": "2024-01-01", "intro": "", "reason": "r"})
        self.assertEqual(r.status, 422)
        self.assertIn("posterior a su inicio", r.text)
        token = c.csrf_from("/admin/plan/objetivos")
        r = c.post("/admin/plan/objetivos", form={"csrf_token": token, "objective_1": "", "reason": "r"})
        self.assertEqual(r.status, 422)
        self.assertIn("Escriba el texto del objetivo.", r.text)
        self.assertEqual(self.versions(), before)


class Guards(PlanCase):
    GETS = ["/admin/plan", "/admin/plan/objetivos", "/admin/plan/lineas/1", "/admin/plan/importar"]
    POSTS = ["/admin/plan", "/admin/plan/objetivos", "/admin/plan/lineas/1", "/admin/plan/aprobar",
             "/admin/plan/importar"]

    def test_anonymous_visitors_are_sent_to_sign_in(self):
        c = self.client()
        for path in self.GETS + ["/plan/historial"]:
            with self.subTest(path):
                r = c.get(path)
                self.assertEqual(r.status, 303)
                self.assertTrue(r.header("Location").startswith("/login?next="))
        for path in self.POSTS:
            with self.subTest(path):
                self.assertEqual(c.post(path, form={"reason": "x"}).status, 401)

    def test_councillors_are_refused_every_admin_route(self):
        c = self.consejero()
        token = c.csrf_from("/cuenta")
        for path in self.GETS:
            with self.subTest(path):
                self.assertEqual(c.get(path).status, 403)
        for path in self.POSTS:
            with self.subTest(path):
                self.assertEqual(c.post(path, form={"csrf_token": token, "version": "1"}).status, 403)
        self.assertEqual(c.get("/plan/historial").status, 200)
        self.assertNotIn("/admin/plan/aprobar", c.get("/plan/historial").text)

    def test_every_plan_post_without_csrf_token_is_403_and_writes_nothing(self):
        c = self.admin()
        before = self.versions()
        for path in self.POSTS:
            with self.subTest(path):
                r = c.post(path, form={"title": "Sin token", "reason": "x", "version": "1",
                                       "period_start": "2024-01-01", "period_end": "2025-12-31"})
                self.assertEqual(r.status, 403)
        self.assertEqual(self.versions(), before)


class Exports(PlanCase):
    """The three files read back by readers no one here wrote: Python's csv,
    Debian's python3-openpyxl and Poppler's pdftotext."""

    def api_lines(self):
        return self.client().get("/api/plan").json()["lines"]

    def test_csv_has_a_bom_and_reads_back_as_the_plan(self):
        import csv
        import io
        r = self.client().get("/plan.csv")
        self.assertEqual(r.status, 200)
        self.assertTrue(r.header("Content-Type").startswith("text/csv"))
        current = self.client().get("/api/plan").json()["version"]
        self.assertIn("plan-anual-v%d.csv" % current, r.header("Content-Disposition"))
        self.assertTrue(r.body.startswith(b"\xef\xbb\xbf"))
        rows = list(csv.reader(io.StringIO(r.body.decode("utf-8-sig"))))
        self.assertEqual(rows[0], ["N°", "Objetivo", "Acciones", "Responsables", "Verificador", "Fechas", "Meta"])
        self.assertEqual(len(rows), 11)
        for row, line in zip(rows[1:], self.api_lines()):
            self.assertEqual(row[0], str(line["number"]))
            self.assertEqual(row[1], line["objective"])
            self.assertEqual(row[2], line["actions"])
            self.assertEqual(row[3], line["responsible"])
            self.assertEqual(row[4].split("\n"), [e["label"] for e in line["evidence"]])
            self.assertTrue(row[5].startswith(line["window"]["phrase"] + "\n"))

    def test_xlsx_reads_back_with_openpyxl(self):
        import io
        try:
            import openpyxl
        except ImportError:
            self.skipTest("python3-openpyxl no está instalado")
        r = self.client().get("/plan.xlsx")
        self.assertEqual(r.status, 200)
        ws = openpyxl.load_workbook(io.BytesIO(r.body)).active
        values = [[c for c in row] for row in ws.iter_rows(values_only=True)]
        header = values.index(next(v for v in values if v[0] == "N°"))
        data = values[header + 1:]
        self.assertEqual(len(data), 10)
        for row, line in zip(data, self.api_lines()):
            self.assertEqual(row[2], line["actions"])
            self.assertEqual(row[1], line["objective"])
        flat = " ".join(str(v) for row in values for v in row if v)
        self.assertIn("Descentralizar representatividad y funcionamiento del Cosoc", flat)

    def test_pdf_holds_every_word_of_every_line_with_accents(self):
        import shutil
        import subprocess
        if not shutil.which("pdftotext"):
            self.skipTest("poppler-utils no está instalado")
        r = self.client().get("/plan.pdf")
        self.assertEqual(r.status, 200)
        self.assertTrue(r.body.startswith(b"%PDF"))
        path = self.write_tmp(r.body, ".pdf")
        text = subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True,
                              text=True, check=True).stdout
        # A cell may wrap after a hyphen ("Seremi-" / "Serviu"): compare the
        # parts between hyphens.
        words = set(text.replace("-", " ").split())
        self.assertIn(self.client().get("/api/plan").json()["title"], text)
        for line in self.api_lines():
            for field in ("objective", "actions", "responsible"):
                for word in line[field].replace("-", " ").split():
                    self.assertIn(word, words, "line %d %s: %s" % (line["number"], field, word))
        self.assertIn("Fotografías", words)
        self.assertIn("N°", words)


class FlaggedDates(PlanCase):
    def test_an_unknown_date_phrase_is_imported_with_the_plan_period_and_flagged(self):
        text = seed_text().replace("Segundo Semestre 2024", "Cuando haya presupuesto")
        r = run_cli("import-plan", self.write_tmp(text), "--db", self.demo.path, check=0)
        self.assertIn("1 fecha por revisar", r.stdout)
        c = self.admin()
        line = c.get("/api/plan").json()["lines"][1]
        self.assertEqual(line["window"], {"start": "2024-01-01", "end": "2025-12-31",
                                          "phrase": "Cuando haya presupuesto", "flagged": True,
                                          "reason": "No se entendió «Cuando haya presupuesto» "
                                                    "como fecha: se usa todo el periodo del plan."})
        page = c.get("/plan")
        self.assertIn("1 línea tiene una fecha que no se entendió", page.text)
        self.assertIn("Fecha por revisar", page.text)
