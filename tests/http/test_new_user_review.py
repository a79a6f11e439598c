"""
What a new user met trying issues 19 and 20 on the demo, on a phone (the
review of u1920): each test is a thing that read wrong, was cut off or
could not be reached, as the officer, a councillor or the public saw it.
"""
import datetime
import html.parser
import os
import re
import subprocess
import tempfile
import unittest

from support import ServerTestCase


def text(html):
    """The page's words, tags dropped and spaces folded."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


class FormFields(html.parser.HTMLParser):
    """The fields a browser would send from the form whose action is
    ACTION, as the page draws them (checked radios, selected options)."""

    def __init__(self, action):
        super().__init__()
        self.action, self.inside, self.fields, self.select = action, False, {}, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = a.get("action") == self.action
        if not self.inside:
            return
        if tag == "input" and a.get("name"):
            if a.get("type") in ("radio", "checkbox"):
                if "checked" in a:
                    self.fields[a["name"]] = a.get("value", "on")
            else:
                self.fields[a["name"]] = a.get("value", "")
        elif tag == "select":
            self.select = a.get("name")
        elif tag == "option" and self.select:
            if self.select not in self.fields or "selected" in a:
                self.fields[self.select] = a.get("value", "")
        elif tag == "textarea" and a.get("name"):
            self.fields[a["name"]] = ""

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self.select = None


def form_fields(page, action):
    parser = FormFields(action)
    parser.feed(page)
    return parser.fields


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

    def demo_course(self):
        """The demo's course of line 10 (others are made by the tests)."""
        return [c for c in self.api("GET", "/api/courses").json()
                if c["title"].startswith("Escuela de Dirigentes")][0]

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
        module = self.demo_course()["modules"][0]["activity_id"]
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
        course = self.demo_course()
        html = self.admin().get("/admin/cursos/%d" % course["id"]).text
        rows = re.findall(r'data-label="Módulos">(\d+) de 4</td><td data-label="'
                          r'Aprueba">([^<]*)</td>', html)
        self.assertTrue(rows, "the enrolled are listed")
        by = {}
        for attended, verdict in rows:
            by.setdefault(int(attended), set()).add(verdict)
        self.assertEqual(by.get(2), {"Aún no: le falta 1 módulo de los 2 por realizar"}, by)
        self.assertEqual(by.get(0), {"No"}, by)  # needs 3, only 2 to come

    def new_course(self, title):
        r = self.api("POST", "/api/courses", {
            "title": title, "plan_lines": [10], "completion": {"min_modules": 1},
            "modules": []})
        self.assertEqual(r.status, 201, r.text)
        return r.json()["id"]

    def add_module(self, cid, fields):
        """Sends the course page's «Agregar un módulo» form."""
        admin = self.admin()
        token = admin.csrf_from("/admin/cursos/%d" % cid)
        return admin.post("/admin/cursos/%d/modulos" % cid,
                          form=dict(fields, csrf_token=token))

    def test_the_course_page_has_no_two_fields_with_one_id(self):
        # The module's «Título del módulo» and the course's «Nombre del
        # curso» were both id="titulo": the course's label named the
        # module's field.
        html = self.admin().get("/admin/cursos/%d" % self.new_course("Ids")).text
        ids = re.findall(r' id="([^"]+)"', html)
        self.assertEqual(sorted({i for i in ids if ids.count(i) > 1}), [])

    def test_a_refused_module_is_shown_again_with_what_was_typed(self):
        # It ended on a bare 422 page with «Ir al inicio», the typed lost.
        cid = self.new_course("Módulo rechazado")
        r = self.add_module(cid, {
            "modulo_titulo": "Subsidios para comités", "inicio": "2026-12-20T19:00",
            "fin": "2026-12-20T18:00", "modalidad": "virtual",
            "enlace": "https://zoom.us/j/1", "expositor": "Equipo PAC"})
        self.assertEqual(r.status, 422)
        self.assertNotIn("Ir al inicio", r.text)
        self.assertIn("El término debe ser posterior al inicio", r.text)
        self.assertIn('value="Subsidios para comités"', r.text)
        self.assertIn('value="2026-12-20T18:00"', r.text)
        self.assertIn('value="Equipo PAC"', r.text)
        course = self.api("GET", "/api/courses/%d" % cid).json()
        self.assertEqual(course["modules"], [], "nothing was added")

    def test_a_module_in_a_room_can_be_added_from_the_course_page(self):
        # The form offered «Presencial» with no commune to give: every
        # in-person module was refused («Indique la comuna…»).
        cid = self.new_course("Módulo presencial")
        r = self.add_module(cid, {
            "modulo_titulo": "Jornada en Ovalle", "inicio": "2026-12-21T10:00",
            "fin": "2026-12-21T12:00", "modalidad": "presencial", "comuna": "04301",
            "lugar": "Gobernación de Limarí", "enlace": "", "expositor": ""})
        self.assertEqual(r.status, 303, r.text[-600:])
        course = self.api("GET", "/api/courses/%d" % cid).json()
        self.assertEqual(len(course["modules"]), 1)
        act = self.api("GET", "/api/activities/%d"
                       % course["modules"][0]["activity_id"]).json()
        self.assertEqual((act["modality"], act["commune"]), ("presencial", "04301"))

    def test_a_pasted_list_shows_what_is_wrong_in_each_row(self):
        # The preview left the refused e-mail and commune empty and said
        # «Elija una comuna de la lista» of a list that has none to choose.
        cid = self.new_course("Lista pegada")
        admin = self.admin()
        token = admin.csrf_from("/admin/cursos/%d" % cid)
        r = admin.post("/admin/cursos/%d/inscribir" % cid, form={
            "csrf_token": token, "texto": "\n".join([
                "nombre; run; correo; organizacion; comuna",
                "Ana Tapia; ; ana.tapia@example.cl; Comité Los Aromos; Ovalle",
                "Carla Soto; ; carla.soto@example; JJVV Sur; Coquimbo",
                "Diego Vera; ; diego@example.cl; Club Adulto Mayor; Comuna Inventada"])})
        self.assertEqual(r.status, 422)
        rows = re.findall(r"<tr([^>]*)>(.*?)</tr>", r.text, re.S)
        by_name = {text(cells).split()[1]: (attrs, text(cells)) for attrs, cells in rows
                   if "data-label" in cells}
        self.assertIn("carla.soto@example", by_name["Carla"][1])
        self.assertIn("Comuna Inventada", by_name["Diego"][1])
        self.assertIn("No hay una comuna llamada «Comuna Inventada»", by_name["Diego"][1])
        self.assertNotIn("Elija una comuna de la lista", r.text)
        self.assertIn("row-error", by_name["Diego"][0])
        self.assertNotIn("row-error", by_name["Ana"][0])
        self.assertIn("<caption>0 personas</caption>",
                      admin.get("/admin/cursos/%d" % cid).text, "nobody enrolled")

    def test_the_officer_is_told_before_issuing_that_no_one_signs(self):
        # The demo names no signer: its certificates came out with a bare
        # line where a leader expects a name, and nothing said so.
        cid = self.new_course("Firmas")
        admin = self.admin()
        warning = "Los certificados saldrán sin nombre bajo la línea de la firma"
        page = text(admin.get("/admin/cursos/%d" % cid).text)
        self.assertIn(warning, page)
        settings = admin.get("/admin/cursos").text
        self.assertIn('id="ajustes"', settings, "the link leads to the settings")
        token = admin.csrf_from("/admin/cursos")
        r = admin.post("/admin/cursos/ajustes", form={
            "csrf_token": token, "minutos_minimos": "45",
            "firmante": "Paula Rivera Contreras", "cargo": "Seremi de Vivienda"})
        self.assertIn(r.status, (200, 303), r.text[-400:])
        self.assertNotIn(warning, text(admin.get("/admin/cursos/%d" % cid).text))

    def test_the_officer_sees_the_approved_actas_still_to_publish(self):
        # The demo's recent actas are approved, not published: «Actas»
        # showed the officer one acta of last year and nothing about them.
        admin = self.admin().get("/actas").text
        self.assertIn("Aprobadas, por publicar", admin)
        pending = re.search(r"Aprobadas, por publicar</h2>(.*?)</ul>", admin, re.S).group(1)
        links = re.findall(r'href="/actividades/(\d+)/acta"', pending)
        self.assertTrue(links, "each approved acta is linked")
        for aid in links:
            page = self.admin().get("/actividades/%s/acta" % aid)
            self.assertEqual(page.status, 200)
            self.assertIn("Publicar", page.text)
        self.add_user("consejera.actas@example.cl", "Consejera Actas", "consejero")
        councillor = self.client()
        councillor.login("consejera.actas@example.cl", "clave-de-prueba-1")
        self.assertNotIn("por publicar", councillor.get("/actas").text)
        self.assertNotIn("por publicar", self.client().get("/actas").text)

    def test_the_demo_school_line_follows_its_course(self):
        # A lone «Escuela de Dirigentes: módulo 1» (no course) made line 10
        # «Cumplida, 1 de 1» beside the course at 2 of its 4 modules, and
        # the demo had two «módulo 1».
        line = [x for x in self.client().get("/api/compliance").json()["lines"]
                if x["number"] == 10][0]
        self.assertNotEqual(line["state"], "cumplida", line)
        self.assertTrue(any("2 de 4 módulos" in m for m in line["missing"]), line)
        modules = [a for a in self.api("GET", "/api/activities").json()
                   if a["kind"] == "modulo_escuela"]
        in_course = {m["activity_id"] for c in self.api("GET", "/api/courses").json()
                     for m in c["modules"]}
        self.assertEqual({a["id"] for a in modules} - in_course, set(),
                         "every module of the school is a course's")

    def test_a_suplente_replaces_her_own_titular_unless_told_otherwise(self):
        # «Reemplaza a» started at «—»: the quorum counted the suplente for
        # her absent titular, but the sheet and the acta did not say whom
        # she replaced unless the officer found the select on her phone.
        members = self.api("GET", "/api/members").json()
        sub = next(m for m in members if not m.get("titular", True))
        titular = sub["substitute_for"]
        aid = self.held_session("Sesión con suplente", days_ago=2)
        admin = self.admin()
        page = admin.get("/actividades/%d" % aid).text
        fields = form_fields(page, "/actividades/%d/asistencia" % aid)
        self.assertEqual(fields["sub_%d" % sub["id"]], "0",
                         "her titular is present: she replaces no one")
        fields["status_%d" % titular] = "justificado"
        fields["reason_%d" % titular] = "Viaje"
        r = admin.post("/actividades/%d/asistencia" % aid, form=fields)
        self.assertIn(r.status, (200, 303), r.text[-500:])
        page = admin.get("/actividades/%d" % aid).text
        fields = form_fields(page, "/actividades/%d/asistencia" % aid)
        self.assertEqual(fields["sub_%d" % sub["id"]], str(titular),
                         "with her titular away, she is shown replacing him")
        r = admin.post("/actividades/%d/asistencia" % aid, form=fields)
        self.assertIn(r.status, (200, 303), r.text[-500:])
        pdf = admin.get("/actividades/%d/asistencia.pdf" % aid).body
        with tempfile.NamedTemporaryFile(suffix=".pdf", delete=False) as f:
            f.write(pdf)
        try:
            sheet = subprocess.run(["pdftotext", f.name, "-"], capture_output=True,
                                   text=True, check=True).stdout
        finally:
            os.unlink(f.name)
        tit = next(m for m in members if m["id"] == titular)
        self.assertIn("reemplaza", re.sub(r"\s+", " ", sheet).lower())
        self.assertIn(tit["name"].split()[-2], sheet)

    def test_a_valid_and_a_revoked_certificate_look_different(self):
        # Both verdicts were drawn as the same grey line: «verdict-ok» and
        # «verdict-bad» had no style.
        day = (datetime.date.today() - datetime.timedelta(days=3)).isoformat()
        r = self.api("POST", "/api/courses", {
            "title": "Verificación", "plan_lines": [10], "completion": {"min_modules": 1},
            "modules": [{"title": "Único", "start": day + "T19:00:00-03:00",
                         "end": day + "T21:00:00-03:00", "modality": "virtual",
                         "link": "https://zoom.us/j/1"}]})
        self.assertEqual(r.status, 201, r.text)
        cid, act = r.json()["id"], r.json()["modules"][0]["activity_id"]
        codes = []
        for i, name in enumerate(("Rosa Tapia", "Luis Rojas")):
            e = self.api("POST", "/api/courses/%d/enrolments" % cid, {
                "name": name, "email": "cert%d@example.cl" % i,
                "organization": "JJVV Centro", "commune": "04301", "consent": True})
            self.assertEqual(e.status, 201, e.text)
            codes.append(e.json()["id"])
        r = self.api("POST", "/api/activities/%d" % act, {"status": "realizada"})
        self.assertEqual(r.status, 200, r.text)
        r = self.api("POST", "/api/activities/%d/attendance" % act,
                     [{"enrolment_id": e, "status": "presente"} for e in codes])
        self.assertEqual(r.status, 200, r.text)
        issued = self.api("POST", "/api/courses/%d/certificates" % cid).json()
        self.assertEqual(len(issued), 2, issued)
        r = self.api("POST", "/api/certificates/%s/revoke" % issued[1]["code"],
                     {"reason": "Error de nombre"})
        self.assertEqual(r.status, 200, r.text)
        css = self.client().get("/static/style.css").text
        for code, cls in ((issued[0]["code"], "verdict-ok"), (issued[1]["code"], "verdict-bad")):
            page = self.client().get("/certificados/" + code).text
            self.assertIn('class="verdict %s"' % cls, page)
            self.assertTrue(re.search(r"\.%s\s*\{[^}]*border-color" % cls, css),
                            "the stylesheet draws .%s" % cls)


if __name__ == "__main__":
    unittest.main()
