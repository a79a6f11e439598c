"""
Honest status and real proof (issue 19) over real sockets.

The class imports a plan of its own whose period holds today (two lines: a
line of sessions that asks for the notice, the attendance and photos; a
line of talks whose window is next year), so every date is computed from
today and nothing depends on the demo's lines.

- What cosoc records is proof: convening through the API, taking the
  attendance and uploading one photo verify a session for a line that asks
  for citación, asistencia and fotografías; the notice and the sheet are
  listed as generated evidence with their record.
- The plan's time: /api/compliance names the plan, its period and state;
  an «as of» view counts only what had happened and been recorded then.
- Each activity says whether it counts for each of its lines, and why not.
- The checks a secretary makes, each refused with 422/409 and nothing
  changed: realizada before the start, a correction that keeps its reason,
  convening in the past without confirmation, agreements without quorum or
  with more votes than people present, an acta approved in a session not
  held or without quorum; the quorum sentence names its rule and counts a
  suplente who replaces a titular; one percentage everywhere.
"""
import datetime
import os
import re
import subprocess
import tempfile
import unittest

from support import ServerTestCase, query_one, run_cli
from test_evidence import multipart, tiny_png, BOUNDARY
from test_hardening_actas import acta_in_review

MP = {"Content-Type": "multipart/form-data; boundary=" + BOUNDARY}
TODAY = datetime.date.today()
YEAR = TODAY.year


def iso(day, hour=10):
    """A Santiago time on day as the API takes it (the offset is the
    server's business: -03:00 or -04:00 both read as Chile's)."""
    return "%sT%02d:00:00-03:00" % (day.isoformat(), hour)


def plan_text(year):
    """A plan of two lines for year..year+1."""
    period = "%d-%d" % (year, year + 1)
    return "\n".join([
        "PLAN DE TRABAJO COSOC DE PRUEBA %s" % period, "",
        "Plan escrito por las pruebas.", "",
        "OBJETIVOS GENERALES:",
        "1. Sesionar con regularidad.",
        "2. Informar a la ciudadanía.", "",
        "N°\tOBJETIVO\tACCIONES\tRESPONSABLES\tVERIFICADOR\tFECHAS",
        "1\t<p>Sesionar con regularidad.</p>\t<p>Realizar a lo menos 3 sesiones "
        "ordinarias del consejo</p>\t<p>Secretaría técnica</p>\t<p>Citación, lista de "
        "asistencia y registro fotográfico</p>\t<p>Durante el periodo %s</p>" % period,
        "2\t<p>Informar a la ciudadanía.</p>\t<p>Realizar 1 charla sobre "
        "participación</p>\t<p>Secretaría técnica</p>\t<p>Invitación y registro "
        "fotográfico</p>\t<p>Primer semestre %d</p>" % (year + 1),
    ]) + "\n"


class HonestStatus(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        path = os.path.join(cls.tmpdir, "plan.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(plan_text(YEAR))
        run_cli("import-plan", path, "--db", cls.demo.path, "--approve", check=0)
        cls.version = int(query_one(cls.demo.path,
                                    "SELECT max(number) FROM plan_versions"))

    # ---- helpers ----

    def count(self, sql, params=()):
        return int(query_one(self.demo.path, sql, params))

    def new_activity(self, day, kind="sesion_ordinaria", lines=(1,), status="programada",
                     title=None, commune="04101", hours=(10, 12)):
        r = self.api("POST", "/api/activities", {
            "kind": kind, "title": title or "Actividad %s %s" % (kind, day),
            "start": iso(day, hours[0]), "end": iso(day, hours[1]),
            "commune": commune, "modality": "presencial", "status": status,
            "plan_lines": list(lines), "public": True})
        self.assertEqual(r.status, 201, r.text)
        return r.json()["id"]

    def members(self):
        return self.api("GET", "/api/members").json()

    def titulares(self):
        return [m for m in self.members() if m["titular"]]

    def attend(self, aid, present):
        """present: how many titulares attend (the rest are absent)."""
        tit = self.titulares()
        body = [{"member_id": m["id"], "status": "presente" if i < present else "ausente"}
                for i, m in enumerate(tit)]
        r = self.api("POST", "/api/activities/%d/attendance" % aid, body)
        self.assertEqual(r.status, 200, r.text)
        return r.json()

    def upload(self, aid, kind, seed):
        body = multipart({"kind": kind}, [("file", "foto-%d.png" % seed, "image/png",
                                            tiny_png(seed))])
        return self.client().request(
            "POST", "/api/activities/%d/evidence" % aid, body=body,
            headers=dict(MP, Authorization="Bearer " + self.admin_token))

    def compliance(self, query=""):
        r = self.client().get("/api/compliance" + query)
        self.assertEqual(r.status, 200, r.text)
        return r.json()

    def line(self, number, query=""):
        return [x for x in self.compliance(query)["lines"] if x["number"] == number][0]

    def verdict(self, aid, line):
        a = self.api("GET", "/api/activities/%d" % aid).json()
        return [v for v in a["compliance"] if v["line"] == line][0]

    # ---- 3. What cosoc records is proof ----

    def test_convened_attended_and_photographed_session_is_verified(self):
        day = TODAY - datetime.timedelta(days=2)
        aid = self.new_activity(day, title="Sesión verificada por cosoc")
        before = self.line(1)["verified"]
        # Convening a session whose start has passed asks for confirmation.
        r = self.api("POST", "/api/activities/%d/convene" % aid, {"recipients": "all"})
        self.assertEqual(r.status, 409, r.text)
        self.assertEqual(self.count("SELECT count(*) FROM activity_notices WHERE "
                                    "activity_id = ?", (aid,)), 0)
        r = self.api("POST", "/api/activities/%d/convene" % aid,
                     {"recipients": "all", "confirm": True})
        self.assertEqual(r.status, 202, r.text)
        self.attend(aid, len(self.titulares()))
        r = self.api("POST", "/api/activities/%d" % aid, {"status": "realizada"})
        self.assertEqual(r.status, 200, r.text)
        v = self.verdict(aid, 1)
        self.assertEqual((v["counts"], v["verified"]), (True, False), v)
        self.assertEqual(v["missing"], ["fotografias"], v)
        self.assertEqual(self.upload(aid, "fotografias", 191).status, 201)
        v = self.verdict(aid, 1)
        self.assertEqual((v["counts"], v["verified"], v["missing"]), (True, True, []), v)
        self.assertIn("Cuenta para la Línea 1 y está verificada", v["text"])
        self.assertEqual(self.line(1)["verified"], before + 1)
        # The generated evidence: the notice with its recipients and date,
        # the attendance sheet; both listed on the page with their record.
        a = self.api("GET", "/api/activities/%d" % aid).json()
        kinds = {g["kind"]: g for g in a["generated"]}
        self.assertIn("citacion", kinds)
        self.assertIn("asistencia", kinds)
        self.assertGreaterEqual(kinds["citacion"]["recipients"], 1)
        c = self.admin()
        notice = c.get(kinds["citacion"]["url"])
        self.assertEqual(notice.status, 200)
        m = self.members()[0]
        page = c.get("/actividades/%d" % aid).text
        self.assertIn("Citación enviada por cosoc", page)
        self.assertIn("generado por el sistema", page)

    def test_the_generated_sheet_marks_each_person_guests_and_substitutes(self):
        day = TODAY - datetime.timedelta(days=3)
        aid = self.new_activity(day, title="Sesión con suplente", status="realizada")
        members = self.members()
        tit = [m for m in members if m["titular"]]
        sup = [m for m in members if not m["titular"]]
        self.assertTrue(sup, "the demo has suplentes")
        body = [{"member_id": m["id"], "status": "presente"} for m in tit[1:]]
        body.append({"member_id": tit[0]["id"], "status": "justificado",
                     "reason": "Licencia médica"})
        body.append({"member_id": sup[0]["id"], "status": "presente",
                     "substitute_for": tit[0]["id"]})
        body.append({"name": "Carmen Vega Rojas", "organization": "Junta de Vecinos Tierras "
                     "Blancas", "status": "presente"})
        r = self.api("POST", "/api/activities/%d/attendance" % aid, body)
        self.assertEqual(r.status, 200, r.text)
        pdf = self.admin().get("/actividades/%d/asistencia.pdf" % aid)
        self.assertEqual(pdf.status, 200)
        text = pdf_text(pdf.body)
        flat = " ".join(text.split())
        self.assertIn("Carmen Vega Rojas", flat)
        self.assertIn("Invitado/a", flat)
        self.assertIn("reemplaza a", flat)
        self.assertIn("Presente", flat)
        self.assertIn("justificada", flat)
        self.assertIn("Firma", flat)
        self.assertIn("Asistencia registrada en cosoc", flat)

    # ---- 1. The plan's time ----

    def test_compliance_names_the_plan_its_period_and_state(self):
        d = self.compliance()
        self.assertEqual(d["plan"]["version"], self.version)
        self.assertEqual(d["plan"]["period"], {"start": "%d-01-01" % YEAR,
                                               "end": "%d-12-31" % (YEAR + 1)})
        self.assertEqual(d["plan"]["state"], "vigente")
        self.assertEqual(d["plan_version"], self.version)
        # Looking back before the plan: the plan of that day, or this one
        # por comenzar when none held that day.
        old = self.compliance("?as_of=%d-06-30" % (YEAR - 1))
        self.assertIn(old["plan"]["state"], ("terminado", "vigente", "por_comenzar"))
        self.assertNotEqual(old["plan"]["period"]["start"], "%d-01-01" % YEAR)
        # An ended plan by its number: terminado, with its final result.
        first = self.compliance("?version=1")
        self.assertEqual(first["plan"]["version"], 1)
        self.assertEqual(first["plan"]["state"], "terminado")
        page = self.client().get("/").text
        self.assertIn("Vigente", page)
        self.assertIn("01-01-%d" % YEAR, page)

    def test_as_of_counts_only_what_was_done_and_recorded_then(self):
        held = TODAY - datetime.timedelta(days=20)
        aid = self.new_activity(held, title="Sesión registrada tarde")
        self.api("POST", "/api/activities/%d/convene" % aid,
                 {"recipients": "all", "confirm": True})
        self.attend(aid, len(self.titulares()))
        self.assertEqual(self.api("POST", "/api/activities/%d" % aid,
                                  {"status": "realizada"}).status, 200)
        self.assertEqual(self.upload(aid, "fotografias", 192).status, 201)
        self.assertTrue(self.verdict(aid, 1)["verified"])
        # Ten days after the session nothing of it had been recorded yet.
        then = (held + datetime.timedelta(days=10)).isoformat()
        d = self.compliance("?as_of=" + then)
        self.assertEqual(d["plan"]["version"], self.version)
        mine = self.api("GET", "/api/activities/%d?as_of=%s" % (aid, then)).json()
        v = [x for x in mine["compliance"] if x["line"] == 1][0]
        self.assertFalse(v["counts"], v)
        self.assertFalse(v["verified"], v)
        # A state corrected later shows as it was: held until the correction.
        r = self.api("POST", "/api/activities/%d" % aid,
                     {"status": "programada", "status_reason": "Se marcó por error"})
        self.assertEqual(r.status, 200, r.text)
        self.assertFalse(self.verdict(aid, 1)["counts"])
        today = self.api("GET", "/api/activities/%d?as_of=%s" % (aid, TODAY.isoformat()))
        self.assertEqual(today.status, 200)

    # ---- 2. Each activity says whether it counts ----

    def test_an_activity_says_why_it_does_not_count(self):
        aid = self.new_activity(datetime.date(YEAR, 11, 15), kind="charla",
                                lines=(2, 1), title="Charla fuera de plazo")
        a = self.api("GET", "/api/activities/%d" % aid).json()
        by = {v["line"]: v for v in a["compliance"]}
        self.assertFalse(by[2]["counts"])
        self.assertEqual(by[2]["reason"], "outside_window")
        self.assertIn("fuera del plazo de la línea", by[2]["text"])
        self.assertEqual(by[1]["reason"], "kind_refused")
        self.assertIn("No cuenta para la Línea 1", by[1]["text"])
        c = self.admin()
        page = c.get("/actividades/%d" % aid).text
        self.assertIn("fuera del plazo de la línea", page)
        edit = c.get("/actividades/%d/editar" % aid).text
        self.assertIn("No cuenta para la Línea 2", edit)
        # The form warns before saving: a preview shows what the change
        # would do and writes nothing.
        token = c.csrf_from("/actividades/%d/editar" % aid)
        version = re.search(r'name="version" value="(\d+)"', edit).group(1)
        start = TODAY.replace(year=YEAR + 1, month=3, day=10)
        form = {"csrf_token": token, "version": version, "kind": "charla",
                "title": "Charla fuera de plazo", "start": start.isoformat() + " 10:00",
                "end": start.isoformat() + " 12:00", "modality": "presencial",
                "commune": "04101", "status": "programada", "plan_lines": "2",
                "public": "1", "accion": "revisar"}
        r = c.post("/actividades/%d/editar" % aid, form=form)
        self.assertEqual(r.status, 200, r.text[:300])
        self.assertIn("Contará para la Línea 2 cuando se realice", r.text)
        self.assertEqual(self.api("GET", "/api/activities/%d" % aid).json()["plan_lines"],
                         [1, 2])
        line_page = self.client().get("/plan/lineas/1").text
        self.assertIn("Línea 1", line_page)
        for word in ("Avance", "Vigente", "Actividades que cuentan"):
            self.assertIn(word, line_page)
        self.assertNotIn("Qué falta", line_page)  # it names non-public work
        line_page = c.get("/plan/lineas/1").text
        for word in ("Qué falta", "Vinculadas que no cuentan", "Charla fuera de plazo"):
            self.assertIn(word, line_page)

    # ---- 4. Checks a secretary would make ----

    def test_realizada_only_after_the_start_api_and_form(self):
        before = self.count("SELECT count(*) FROM activities")
        future = TODAY + datetime.timedelta(days=5)
        r = self.api("POST", "/api/activities", {
            "kind": "sesion_ordinaria", "title": "Sesión del futuro",
            "start": iso(future), "end": iso(future, 12), "commune": "04101",
            "modality": "presencial", "status": "realizada", "plan_lines": [1],
            "public": True})
        self.assertEqual(r.status, 422, r.text)
        self.assertEqual(r.json()["field"], "status")
        self.assertEqual(self.count("SELECT count(*) FROM activities"), before)
        aid = self.new_activity(future)
        r = self.api("POST", "/api/activities/%d" % aid, {"status": "realizada"})
        self.assertEqual(r.status, 422, r.text)
        self.assertEqual(query_one(self.demo.path, "SELECT status FROM activities "
                                   "WHERE id = ?", (aid,)), "programada")
        c = self.admin()
        edit = c.get("/actividades/%d/editar" % aid).text
        token = c.csrf_from("/actividades/%d/editar" % aid)
        version = re.search(r'name="version" value="(\d+)"', edit).group(1)
        r = c.post("/actividades/%d/editar" % aid, form={
            "csrf_token": token, "version": version, "kind": "sesion_ordinaria",
            "title": "Sesión del futuro", "start": future.isoformat() + " 10:00",
            "end": future.isoformat() + " 12:00", "modality": "presencial",
            "commune": "04101", "status": "realizada", "plan_lines": "1", "public": "1"})
        self.assertEqual(r.status, 422, r.text[:300])
        self.assertIn("después de su inicio", r.text)
        self.assertEqual(query_one(self.demo.path, "SELECT status FROM activities "
                                   "WHERE id = ?", (aid,)), "programada")

    def test_a_wrong_state_is_corrected_with_a_reason_that_is_kept(self):
        past = TODAY - datetime.timedelta(days=4)
        aid = self.new_activity(past, status="realizada", title="Sesión mal marcada")
        r = self.api("POST", "/api/activities/%d" % aid, {"status": "programada"})
        self.assertIn(r.status, (409, 422), r.text)
        self.assertEqual(r.json()["field"], "status_reason")
        self.assertEqual(query_one(self.demo.path, "SELECT status FROM activities "
                                   "WHERE id = ?", (aid,)), "realizada")
        reason = "La sesión no se realizó: se suspendió por falta de sala"
        r = self.api("POST", "/api/activities/%d" % aid,
                     {"status": "suspendida", "status_reason": reason})
        self.assertEqual(r.status, 200, r.text)
        self.assertEqual(r.json()["status"], "suspendida")
        history = r.json()["history"]
        self.assertTrue(any(reason in h["note"] and h["from"] == "realizada"
                            for h in history), history)
        page = self.admin().get("/actividades/%d" % aid).text
        self.assertIn(reason, page)

    def test_convening_a_past_activity_asks_for_confirmation_on_the_page(self):
        aid = self.new_activity(TODAY - datetime.timedelta(days=1), title="Citación tardía")
        c = self.admin()
        page = c.get("/actividades/%d" % aid).text
        self.assertIn("ya comenzó", page)
        token = c.csrf_from("/actividades/%d" % aid)
        members = re.findall(r'name="member" value="(\d+)"', page)
        self.assertTrue(members)
        form = [("csrf_token", token)] + [("member", m) for m in members]
        r = c.post("/actividades/%d/citar" % aid, form=form)
        self.assertEqual(r.status, 409, r.text[:300])
        self.assertIn("ya comenzó", r.text)
        self.assertIn('name="confirm"', r.text)
        self.assertEqual(self.count("SELECT count(*) FROM activity_notices WHERE "
                                    "activity_id = ?", (aid,)), 0)
        self.assertEqual(self.count("SELECT count(*) FROM mail_outbox WHERE related_id = ? "
                                    "AND related_kind = 'actividad'", (aid,)), 0)
        # Asked again on the page, with the people chosen kept.
        self.assertEqual(len(re.findall(r'name="member" value="\d+" checked', r.text)),
                         len(members))
        r = c.post("/actividades/%d/citar" % aid, form=form + [("confirm", "1")])
        self.assertEqual(r.status, 303, r.text[:300])
        self.assertGreater(self.count("SELECT count(*) FROM activity_notices WHERE "
                                      "activity_id = ?", (aid,)), 0)

    def test_agreements_need_quorum_and_votes_that_fit(self):
        aid = self.new_activity(TODAY - datetime.timedelta(days=6), status="realizada",
                                title="Sesión sin quórum")
        n = len(self.titulares())
        self.attend(aid, n // 2)  # not more than half: no quorum
        before = self.count("SELECT count(*) FROM agreements")
        body = {"session": aid, "text": "Acuerdo sin quórum",
                "votes": {"for": 2, "against": 0, "abstain": 0}}
        r = self.api("POST", "/api/agreements", body)
        self.assertEqual(r.status, 422, r.text)
        self.assertIn("quórum", r.json()["error"])
        out = self.attend(aid, n)  # everyone: quorum
        self.assertTrue(out["quorum"]["reached"])
        body["votes"] = {"for": n + 20, "against": 3, "abstain": 0}
        r = self.api("POST", "/api/agreements", body)
        self.assertEqual(r.status, 422, r.text)
        self.assertEqual(r.json()["field"], "votes")
        self.assertEqual(self.count("SELECT count(*) FROM agreements"), before)
        # The form refuses the same, on the page with what was typed.
        c = self.admin()
        token = c.csrf_from("/actividades/%d" % aid)
        r = c.post("/actividades/%d/acuerdos" % aid, form={
            "csrf_token": token, "text": "Acuerdo con demasiados votos",
            "votes_for": str(n + 20), "votes_against": "3", "votes_abstain": "0",
            "responsible_kind": "ninguno", "responsible": "", "due_date": ""})
        self.assertEqual(r.status, 422, r.text[:300])
        self.assertIn("Acuerdo con demasiados votos", r.text)
        self.assertEqual(self.count("SELECT count(*) FROM agreements"), before)
        body["votes"] = {"for": n - 1, "against": 1, "abstain": 0}
        self.assertEqual(self.api("POST", "/api/agreements", body).status, 201)

    def test_an_acta_is_approved_only_in_a_held_session_with_quorum(self):
        first = self.new_activity(TODAY - datetime.timedelta(days=40), status="realizada",
                                  title="Sesión cuya acta se aprueba")
        self.attend(first, len(self.titulares()))
        future = self.new_activity(TODAY + datetime.timedelta(days=8),
                                   title="Sesión que aún no ocurre")
        no_quorum = self.new_activity(TODAY - datetime.timedelta(days=10),
                                      status="realizada", title="Sesión sin quórum acta")
        self.attend(no_quorum, 0)
        good = self.new_activity(TODAY - datetime.timedelta(days=9), status="realizada",
                                 title="Sesión con quórum acta")
        self.attend(good, len(self.titulares()))
        c = self.admin()
        path, token = acta_in_review(self, c, first)

        def post(form):
            return c.post(path, form=dict(form, csrf_token=token))
        for bad in (future, no_quorum):
            r = post({"accion": "estado", "estado": "aprobada", "sesion": str(bad)})
            self.assertEqual(r.status, 422, r.text[:400])
            self.assertEqual(query_one(self.demo.path, "SELECT state FROM actas WHERE "
                                       "activity_id = ?", (first,)), "enviada")
        r = post({"accion": "estado", "estado": "aprobada", "sesion": str(good)})
        self.assertEqual(r.status, 303, r.text[:400])
        self.assertEqual(query_one(self.demo.path, "SELECT state FROM actas WHERE "
                                   "activity_id = ?", (first,)), "aprobada")

    def test_quorum_names_its_rule_and_counts_the_substitute(self):
        aid = self.new_activity(TODAY - datetime.timedelta(days=7), status="realizada",
                                title="Sesión con reemplazo")
        members = self.members()
        tit = [m for m in members if m["titular"]]
        sup = [m for m in members if not m["titular"]]
        need = len(tit) // 2 + 1
        # need - 1 titulares and a suplente in place of an absent one.
        body = [{"member_id": m["id"], "status": "presente" if i < need - 1 else "ausente"}
                for i, m in enumerate(tit)]
        body.append({"member_id": sup[0]["id"], "status": "presente",
                     "substitute_for": tit[-1]["id"]})
        r = self.api("POST", "/api/activities/%d/attendance" % aid, body)
        self.assertEqual(r.status, 200, r.text)
        q = r.json()["quorum"]
        self.assertTrue(q["reached"], q)
        self.assertEqual(q["present"], need)
        self.assertIn("Regla del consejo", q["explanation"])
        self.assertIn("suplente", q["explanation"])
        # The acta's PDF names the suplente as such, with whom she replaces.
        c = self.admin()
        path = "/actividades/%d/acta" % aid
        token = c.csrf_from(path)
        c.post(path, form={"accion": "crear", "csrf_token": token})
        text = " ".join(pdf_text(c.get(path + ".pdf").body).split())
        self.assertRegex(text, r"Suplente\)?, en reemplazo de " + re.escape(tit[-1]["name"]))
        self.assertNotIn("Consejero/a", text)

    def test_one_percentage_everywhere(self):
        d = self.compliance()
        total = d["total"]
        self.assertEqual(total["percent"], total["verified"] * 100 // total["target"]
                         if total["verified"] < total["target"] else 100)
        for line in d["lines"]:
            counted = min(line["verified"], line["target"])
            self.assertEqual(line["percent"], counted * 100 // line["target"], line)
        pdf = self.admin().get("/informe-cumplimiento.pdf")
        text = " ".join(pdf_text(pdf.body).split())
        m = re.search(r"avance general (\d+) %: (\d+) de (\d+)", text)
        self.assertIsNotNone(m, text[:2000])
        pct, n, of = (int(x) for x in m.groups())
        self.assertEqual((pct, n, of), (total["percent"], total["verified"], total["target"]))
        self.assertIn("truncado", text)
        home = self.admin().get("/").text
        self.assertIn("%d %%" % total["percent"], home)


def pdf_text(data):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(data)
        f.flush()
        return subprocess.run(["pdftotext", "-layout", f.name, "-"], check=True,
                              capture_output=True, text=True).stdout


if __name__ == "__main__":
    unittest.main()
