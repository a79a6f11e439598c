"""
After an import, before it counts (issue 17): the officer uploads a Word
plan through the page, sees every line as understood with each guess
marked and its reason, corrects in place and saves a new draft, approves it
through the API; the council's own evidence kinds are renamed and merged
and the plan lines and the evidence already uploaded follow; the next plan
is made from an ended one.
"""
import os
import struct
import tempfile
import urllib.parse
import uuid
import zlib

from plan_documents import LOS_LAGOS
from support import (ROOT, Demo, Server, ServerTestCase, drop_database, new_database,
                     query_one, run_cli)

SEED = os.path.join(ROOT, "data", "seeds", "plan-anual-cosoc-minvu-serviu-coquimbo-2024-2025.txt")


def multipart(fields, files):
    boundary = "cosoc" + uuid.uuid4().hex
    out = b""
    for name, value in fields.items():
        out += ("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n"
                % (boundary, name, value)).encode()
    for name, filename, data in files:
        out += ("--%s\r\nContent-Disposition: form-data; name=\"%s\"; filename=\"%s\"\r\n"
                "Content-Type: application/octet-stream\r\n\r\n"
                % (boundary, name, filename)).encode()
        out += data + b"\r\n"
    out += ("--%s--\r\n" % boundary).encode()
    return out, {"Content-Type": "multipart/form-data; boundary=" + boundary}


def tiny_png(seed=0):
    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(bytes([0, seed & 255, 128, 0])))
            + chunk(b"IEND", b""))


def review_form(token, lines, **changes):
    """The review form as the page would post it, with changes by field."""
    form = [("csrf_token", token), ("reason", "Revisión")]
    for line in lines:
        n = line["number"]
        t = line["target"]
        form += [("window_start_%d" % n, line["window"]["start"]),
                 ("window_end_%d" % n, line["window"]["end"]),
                 ("target_count_%d" % n, str(t["count"])),
                 ("target_exclude_%d" % n, " ".join(t["exclude_communes"]))]
        form += [("target_kinds_%d" % n, k) for k in t["kinds"]]
        if t.get("provinces"):
            form.append(("target_each_%d" % n, "1"))
        form += [("evidence_%d" % n, e["kind"]) for e in line["evidence"]]
    form = [(k, changes.pop(k)) if k in changes else (k, v) for k, v in form]
    return form + list(changes.items())


class Review(ServerTestCase):
    def versions(self):
        return int(query_one(self.demo.path, "SELECT count(*) FROM plan_versions"))

    def upload_docx(self, c):
        token = c.csrf_from("/admin/plan/importar")
        body, headers = multipart({"csrf_token": token, "reason": ""},
                                  [("file", "plan-los-lagos.docx", LOS_LAGOS.docx())])
        return c.post("/admin/plan/importar", body=body, headers=headers)

    def latest(self):
        return self.api("GET", "/api/plan").json()

    def post_form(self, c, path, pairs):
        return c.post(path, body=urllib.parse.urlencode(pairs).encode(),
                      headers={"Content-Type": "application/x-www-form-urlencoded"})

    def test_1_a_word_plan_is_reviewed_corrected_and_approved(self):
        c = self.admin()
        before = self.versions()
        # The demo's versions so far (the real plan, its next plan and the
        # current one): the import is the next number, a draft.
        base = int(query_one(self.demo.path, "SELECT max(number) FROM plan_versions"))
        public = self.client().get("/api/plan").json()["version"]
        draft, fixed = base + 1, base + 2
        r = self.upload_docx(c)
        self.assertEqual(r.status, 303, r.text[:2000])
        self.assertEqual(r.header("Location"), "/admin/plan/revision?aviso=plan-importado")
        self.assertEqual(self.versions(), before + 1)
        # Merely imported: a draft the public does not see.
        self.assertEqual(self.client().get("/api/plan").json()["version"], public)
        page = c.get(r.header("Location"))
        self.assertEqual(page.status, 200)
        self.assertIn("Versión %d · borrador" % draft, page.text)
        self.assertIn("Importación de plan-los-lagos.docx", page.text)
        self.assertIn("3 de 7 líneas tienen algo por revisar", page.text)
        # The mark is markup, not text showing its tags.
        self.assertIn('<legend>Línea 7 <span class="badge badge-warn">Por revisar</span>'
                      '</legend>', page.text)
        self.assertNotIn("&lt;span", page.text)
        self.assertIn("No se entendió «Cuando haya presupuesto» como fecha", page.text)
        self.assertIn("«Registro audiovisual» → Registro audiovisual <small>(propio del "
                      "consejo)</small>", page.text)
        self.assertIn("Cambios de la versión %d a la %d" % (base, draft), page.text)
        # A new document replaces every line: the many changes are folded
        # under their heading, after the review.
        self.assertIn('<details class="plan-diff-fold"><summary><h2 id="cambios">'
                      'Cambios de la versión %d a la %d (' % (base, draft), page.text)
        plan = self.latest()
        self.assertEqual(plan["version"], draft)
        self.assertTrue(plan["lines"][6]["window"]["flagged"])
        # A bad date comes back with the message and writes nothing.
        token = c.csrf_from("/admin/plan/revision")
        bad = review_form(token, plan["lines"], window_start_7="2026-13-40")
        bad.append(("base_version", str(draft)))
        r = self.post_form(c, "/admin/plan/revision", bad)
        self.assertEqual(r.status, 422)
        self.assertIn('id="window_start_7-error"', r.text)
        self.assertEqual(self.versions(), before + 1)
        # Correct line 7's dates and confirm line 2's own evidence kind.
        form = review_form(token, plan["lines"], window_start_7="2026-09-01",
                           window_end_7="2026-09-30", ok_2="1")
        form.append(("base_version", str(draft)))
        r = self.post_form(c, "/admin/plan/revision", form)
        self.assertEqual(r.status, 303, r.text[:3000])
        self.assertEqual(self.versions(), before + 2)
        plan = self.latest()
        self.assertEqual(plan["version"], fixed)
        self.assertEqual(plan["lines"][6]["window"], {
            "start": "2026-09-01", "end": "2026-09-30",
            "phrase": "Cuando haya presupuesto", "flagged": False})
        self.assertNotIn("flagged", plan["lines"][1]["evidence"][1])
        self.assertTrue(plan["lines"][2]["evidence"][1]["flagged"])  # not reviewed
        # A stale review form is refused.
        r = self.post_form(c, "/admin/plan/revision", form)
        self.assertEqual(r.status, 409)
        self.assertEqual(self.versions(), before + 2)
        # Approve from the API.
        r = self.api("POST", "/api/plan/versions/%d/approve" % fixed, {})
        self.assertEqual(r.status, 200, r.text)
        body = r.json()
        self.assertEqual((body["version"], body["status"]), (fixed, "aprobado"))
        self.assertEqual(len(body["lines"]), 7)
        self.assertEqual(self.client().get("/api/plan").json()["version"], fixed)
        public = self.client().get("/plan").text
        self.assertIn('<th scope="col">Fechas</th><th scope="col">Meta</th></tr>', public)
        self.assertNotIn("&lt;th", public)

    def test_2_approval_through_the_api_is_for_the_officer_only(self):
        self.assertEqual(self.api("POST", "/api/plan/versions/999/approve", {}).status, 404)
        self.assertEqual(self.api("POST", "/api/plan/versions/x/approve", {}).status, 404)
        r = self.api("POST", "/api/plan/versions/1/approve", {"council": 77})
        self.assertEqual((r.status, r.json()["field"]), (404, "council"))
        r = self.api("POST", "/api/plan/versions/1/approve", {"council": "uno"})
        self.assertEqual(r.status, 400)
        r = self.client().post("/api/plan/versions/1/approve", json_body={})
        self.assertEqual(r.status, 401)
        email = "consejero.%s@example.cl" % uuid.uuid4().hex[:6]
        self.add_user(email, "Consejero", "consejero")
        r = self.api("POST", "/api/plan/versions/1/approve", {}, token=self.token_for(email))
        self.assertEqual(r.status, 403)
        r = self.api("POST", "/api/plan/versions/1/approve", {"council": 1})
        self.assertEqual(r.status, 200)

    def test_3_council_kinds_are_renamed_and_merged_and_everything_follows(self):
        c = self.admin()
        if "bitacora_de_terreno" not in c.get("/admin/plan/verificadores").text:
            self.upload_docx(c)
        page = c.get("/admin/plan/verificadores")
        self.assertIn("Bitácora de terreno", page.text)
        self.assertIn('<span class="badge badge-warn">Por revisar</span></p>', page.text)
        self.assertNotIn("&lt;span", page.text)
        # Evidence of the council's own kind can be uploaded.
        act = int(query_one(self.demo.path, "SELECT min(id) FROM activities"))
        body, headers = multipart({"kind": "bitacora_de_terreno"},
                                  [("file", "bitacora.png", tiny_png(3))])
        headers["Authorization"] = "Bearer " + self.admin_token
        r = self.client().post("/api/activities/%d/evidence" % act, body=body, headers=headers)
        self.assertEqual(r.status, 201, r.text)
        item = r.json()["id"]
        token = c.csrf_from("/admin/plan/verificadores")
        r = c.post("/admin/plan/verificadores", form={
            "csrf_token": token, "action": "unir", "slug": "bitacora_de_terreno",
            "into": "informe"})
        self.assertEqual(r.status, 303)
        self.assertEqual(query_one(self.demo.path, "SELECT kind FROM evidence_items WHERE id = ?",
                                   (item,)), "informe")
        line3 = self.latest()["lines"][2]
        self.assertEqual(line3["evidence"][1], {"kind": "informe", "label": "Bitácora de terreno"})
        self.assertIn("Unido a Informe / Plan de trabajo", c.get("/admin/plan/verificadores").text)
        # Merged away: no more uploads of it, and it cannot be merged again.
        r = self.client().post("/api/activities/%d/evidence" % act, body=body, headers=headers)
        self.assertEqual(r.status, 422)
        r = c.post("/admin/plan/verificadores", form={
            "csrf_token": token, "action": "unir", "slug": "bitacora_de_terreno",
            "into": "acta"})
        self.assertEqual(r.status, 404)
        # Rename: the label changes, the kind is reviewed, no flag remains.
        r = c.post("/admin/plan/verificadores", form={
            "csrf_token": token, "action": "renombrar", "slug": "registro_audiovisual",
            "label": "Video de la sesión"})
        self.assertEqual(r.status, 303)
        self.assertIn("Video de la sesión", c.get("/admin/plan/verificadores").text)
        for line in self.latest()["lines"]:
            for e in line["evidence"]:
                if e["kind"] == "registro_audiovisual":
                    self.assertNotIn("flagged", e)
        r = c.post("/admin/plan/verificadores", form={
            "csrf_token": token, "action": "unir", "slug": "registro_audiovisual",
            "into": "registro_audiovisual"})
        self.assertEqual(r.status, 422)

    def test_4_line_page_shows_meta_notes_and_the_province_rule(self):
        c = self.admin()
        if self.latest()["title"] != LOS_LAGOS.title:
            self.upload_docx(c)
        page = c.get("/plan/lineas/1")
        self.assertIn("Meta según el plan", page.text)
        self.assertIn("Al menos 6 sesiones del pleno", page.text)
        self.assertIn("Observaciones: Según el reglamento", page.text)
        page = c.get("/plan/lineas/3")
        self.assertIn("al menos una en cada provincia: Elqui, Choapa y Limarí", page.text)
        self.assertIn("No se cumple hasta que cada provincia", page.text)
        self.assertIn('name="target_each"', c.get("/admin/plan/lineas/3").text)


class EndedPlan(Demo):
    """A council whose only approved plan is the real 2024-2025 one, ended:
    the demo's database without its current plan (cosoc migrate, the plan
    imported and approved, the officer's account)."""

    def __init__(self, tmpdir):
        self.path = new_database(tmpdir, "ended")
        self.is_postgres = self.path.startswith("postgresql://")
        run_cli("migrate", "--db", self.path, check=0)
        run_cli("import-plan", SEED, "--db", self.path, "--approve", check=0)
        self.email, self.password = "oficina.pac@example.cl", "mariposa azul de Tongoy 7"
        run_cli("user", "add", "--db", self.path, "--email", self.email, "--name",
                "Encargada", "--role", "admin", env={"COSOC_PASSWORD": self.password},
                check=0)


class NextPlan(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmpdir = tempfile.mkdtemp(prefix="cosoc-http-")
        cls.demo = EndedPlan(cls.tmpdir)
        cls.server = Server(cls.demo.path).start()
        cls._admin_token = None

    def test_an_ended_plan_shows_its_final_result_and_offers_the_next(self):
        # (Runs before the next plan is made below: names sort.)
        d = self.client().get("/api/compliance").json()
        self.assertEqual(d["plan"]["state"], "terminado")
        public = self.client().get("/").text
        self.assertIn("Terminado", public)
        self.assertIn("El plan terminó el 31-12-2025. Resultado final:", public)
        self.assertIn("No cumplida", public)
        self.assertNotIn("Preparar el plan siguiente", public)
        page = self.admin().get("/").text
        self.assertIn('href="/admin/plan/siguiente">Preparar el plan siguiente</a>', page)

    def test_the_next_plan_carries_what_was_not_met_into_the_next_years(self):
        c = self.admin()
        page = c.get("/admin/plan/siguiente")
        self.assertIn("su periodo ya terminó", page.text)
        token = c.csrf_from("/admin/plan/siguiente")
        r = c.post("/admin/plan/siguiente", form={"csrf_token": token})
        self.assertEqual(r.status, 303)
        self.assertEqual(r.header("Location"), "/admin/plan/revision?aviso=plan-siguiente")
        plan = self.api("GET", "/api/plan").json()
        self.assertEqual(plan["version"], 2)
        self.assertEqual(plan["status"], "borrador")
        self.assertEqual(plan["title"], "PLAN ANUAL COSOC MINVU SERVIU 2026-2027")
        self.assertEqual(plan["period"], {"start": "2026-01-01", "end": "2027-12-31"})
        self.assertEqual(len(plan["lines"]), 10)
        l2 = plan["lines"][1]
        self.assertEqual(l2["window"]["phrase"], "Segundo Semestre 2026")
        self.assertEqual((l2["window"]["start"], l2["window"]["end"]),
                         ("2026-07-01", "2026-12-31"))
        self.assertEqual(plan["lines"][8]["target"]["exclude_communes"], ["04101"])
        carried = [l for l in plan["lines"] if "carried_over" in l]
        self.assertGreater(len(carried), 0)
        self.assertIn("No se cumplió en «PLAN ANUAL COSOC MINVU SERVIU 2024-2025»",
                      carried[0]["carried_over"])
        page = c.get("/plan").text
        self.assertIn('<span class="badge badge-warn">Pendiente del plan anterior</span>',
                      page)
        self.assertNotIn("&lt;span", page)
        # The public still sees the approved plan.
        self.assertEqual(self.client().get("/api/plan").json()["version"], 1)
        # The ended plan's dashboard now points the officer to the draft.
        home = c.get("/").text
        self.assertIn("Hay un borrador del plan siguiente (versión 2)", home)
        self.assertNotIn("Preparar el plan siguiente", home)

    def test_the_cli_makes_the_next_plan_of_only_the_lines_not_met(self):
        demo = EndedPlan(tempfile.mkdtemp(dir=self.tmpdir))
        self.addCleanup(drop_database, demo.path)
        r = run_cli("plan", "next", "--db", demo.path, "--only-unmet", check=0)
        self.assertIn("Plan siguiente creado: versión 2", r.stdout)
        n_met = int(query_one(demo.path, "SELECT count(*) FROM plan_lines l JOIN plan_versions v "
                                         "ON v.id = l.version_id WHERE v.number = 2"))
        self.assertGreater(n_met, 0)
        self.assertEqual(query_one(demo.path, "SELECT count(*) FROM plan_lines l JOIN "
                                              "plan_versions v ON v.id = l.version_id WHERE "
                                              "v.number = 2 AND l.carried_over = ''"), "0")
        run_cli("plan", "next", check=2)
        # An id with letters after it is refused, not read as its digits.
        r = run_cli("plan", "next", "--db", demo.path, "--council", "1x", check=2)
        self.assertIn("--council debe ser un número", r.stderr)
