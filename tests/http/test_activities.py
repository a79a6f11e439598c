"""
Activities and convening over real sockets: the API's shapes and error
codes, roles and CSRF on every new route, the public calendar and its
feed, and the citation through a real SMTP server (tests/http/smtp_sink.py):
each recipient's message arrives once, in Spanish, with an .ics REQUEST of
the activity's UID and SEQUENCE; a reschedule sends SEQUENCE+1, a suspension
a CANCEL; a stopped SMTP server leaves the page saying the mail is queued;
reply links that are wrong or expired change nothing.
"""
import re
import shutil
import tempfile
import time
import unittest

from icalendar import Calendar

import support
from smtp_sink import SmtpSink, free_port
from support import Demo, Server, ServerTestCase, query_one, run_cli

FAST = ["--mail-poll-seconds", "1", "--mail-retry-seconds", "1"]
FROM = {"COSOC_MAIL_FROM": "COSOC Coquimbo <cosoc@example.cl>"}

SESSION = {
    "kind": "sesion_ordinaria",
    "title": "Sesión ordinaria en Ovalle",
    "start": "2031-04-15T10:00:00-04:00",
    "end": "2031-04-15T12:00:00-04:00",
    "commune": "04301",
    "modality": "presencial",
    "status": "programada",
    "plan_lines": [9],
    "public": True,
}


def ics_of(msg):
    parts = [p for p in msg.iter_attachments() if p.get_filename() == "invitacion.ics"]
    assert len(parts) == 1, [p.get_filename() for p in msg.iter_attachments()]
    return parts[0], Calendar.from_ical(parts[0].get_payload(decode=True))


def wait_until(predicate, timeout=30, what="condition"):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError("timed out waiting for " + what)


class ApiAndPages(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.add_user("consejera@example.cl", "Consejera Prueba", "consejero")
        cls.member_token = cls.token_for("consejera@example.cl")

    def test_create_returns_201_and_the_contract_shape(self):
        r = self.api("POST", "/api/activities", SESSION)
        self.assertEqual(r.status, 201, r.text)
        a = r.json()
        for key in ("id", "kind", "title", "start", "end", "commune", "modality", "status",
                    "plan_lines", "public", "evidence"):
            self.assertIn(key, a)
        self.assertEqual(a["start"], "2031-04-15T10:00:00-04:00")
        self.assertEqual(a["commune"], "04301")
        self.assertEqual(a["plan_lines"], [9])
        self.assertEqual(a["evidence"], [])
        self.assertIs(a["public"], True)
        got = self.api("GET", "/api/activities/%d" % a["id"]).json()
        self.assertEqual(got["title"], SESSION["title"])
        listed = self.api("GET", "/api/activities", token=self.member_token).json()
        self.assertIn(a["id"], [x["id"] for x in listed])

    def test_times_are_santiago_wall_clock_or_exact_instants(self):
        body = dict(SESSION, start="2031-01-20T18:30", end="2031-01-20T23:00Z")
        a = self.api("POST", "/api/activities", body).json()
        self.assertEqual(a["start"], "2031-01-20T18:30:00-03:00")
        self.assertEqual(a["end"], "2031-01-20T20:00:00-03:00")

    def test_validation_errors_are_422_with_the_field(self):
        cases = [
            (dict(SESSION, end="2031-04-15T09:00:00-04:00"), "end"),
            (dict(SESSION, kind="fiesta"), "kind"),
            (dict(SESSION, kind="no es slug"), "kind"),
            (dict(SESSION, modality="telepatia"), "modality"),
            (dict(SESSION, modality="virtual", commune=None), "link"),
            (dict(SESSION, commune=None), "commune"),
            (dict(SESSION, commune="99999"), "commune"),
            (dict(SESSION, status="cancelada"), "status"),
            (dict(SESSION, start="mañana"), "start"),
            (dict(SESSION, plan_lines="9"), "plan_lines"),
            (dict(SESSION, plan_lines=[9, 99]), "plan_lines"),
            ({k: v for k, v in SESSION.items() if k != "title"}, "title"),
        ]
        for body, field in cases:
            r = self.api("POST", "/api/activities", body)
            self.assertEqual(r.status, 422, (field, r.text))
            self.assertEqual(r.json()["field"], field)
            self.assertTrue(r.json()["error"])
        r = self.client().request("POST", "/api/activities", body=b"{no json",
                                  headers={"Authorization": "Bearer " + self.admin_token,
                                           "Content-Type": "application/json"})
        self.assertEqual(r.status, 400)

    def test_roles_on_the_api(self):
        self.assertEqual(self.client().get("/api/activities").status, 401)
        self.assertEqual(self.client().post("/api/activities", json_body=SESSION).status,
                         401)
        r = self.api("POST", "/api/activities", SESSION, token=self.member_token)
        self.assertEqual(r.status, 403)
        a = self.api("POST", "/api/activities", SESSION).json()
        r = self.api("POST", "/api/activities/%d" % a["id"], {"title": "x"},
                     token=self.member_token)
        self.assertEqual(r.status, 403)
        r = self.api("POST", "/api/activities/%d/convene" % a["id"], {"recipients": "all"},
                     token=self.member_token)
        self.assertEqual(r.status, 403)
        r = self.api("GET", "/api/activities/%d/mail" % a["id"], token=self.member_token)
        self.assertEqual(r.status, 403)
        self.assertEqual(self.api("GET", "/api/activities/999999").status, 404)
        self.assertEqual(self.api("GET", "/api/activities/abc").status, 404)

    def test_update_a_subset_with_version_check_and_transitions(self):
        a = self.api("POST", "/api/activities", SESSION).json()
        r = self.api("POST", "/api/activities/%d" % a["id"], {"title": "Nuevo nombre"})
        self.assertEqual(r.status, 200, r.text)
        b = r.json()
        self.assertEqual(b["title"], "Nuevo nombre")
        self.assertEqual(b["start"], a["start"])
        self.assertEqual(b["version"], a["version"] + 1)
        r = self.api("POST", "/api/activities/%d" % a["id"],
                     {"title": "Tarde", "version": a["version"]})
        self.assertEqual(r.status, 409)
        self.assertEqual(r.json()["field"], "version")
        # Held only once begun: SESSION is in the future.
        r = self.api("POST", "/api/activities/%d" % a["id"], {"status": "realizada"})
        self.assertEqual(r.status, 422)
        self.assertEqual(r.json()["field"], "status")
        r = self.api("POST", "/api/activities/%d" % a["id"],
                     {"status": "realizada", "start": "2025-05-20T10:00:00-04:00",
                      "end": "2025-05-20T12:00:00-04:00"})
        self.assertEqual(r.status, 200, r.text)
        # Undone only as a correction, with its reason.
        r = self.api("POST", "/api/activities/%d" % a["id"], {"status": "programada"})
        self.assertEqual(r.status, 422)
        self.assertEqual(r.json()["field"], "status_reason")
        r = self.api("POST", "/api/activities/%d" % a["id"], {"end": "2020-01-01T00:00Z"})
        self.assertEqual(r.status, 422)

    def test_public_calendar_and_feed_show_only_public_activities(self):
        pub = self.api("POST", "/api/activities",
                       dict(SESSION, title="Charla abierta sobre subsidios", kind="charla",
                            start="2031-05-06T10:00", end="2031-05-06T11:00")).json()
        self.api("POST", "/api/activities",
                 dict(SESSION, title="Reunión interna reservada", public=False,
                      start="2031-05-07T10:00", end="2031-05-07T11:00"))
        anon = self.client()
        page = anon.get("/calendario?vista=lista")
        self.assertEqual(page.status, 200)
        self.assertIn("Charla abierta sobre subsidios", page.text)
        self.assertNotIn("Reunión interna reservada", page.text)
        month = anon.get("/calendario?vista=mes&mes=2031-05")
        self.assertIn("Charla abierta sobre subsidios", month.text)
        self.assertNotIn("Reunión interna reservada", month.text)
        only = anon.get("/calendario?vista=lista&tipo=charla")
        self.assertNotIn("Sesión ordinaria en Ovalle", only.text)
        feed = anon.get("/calendario.ics")
        self.assertEqual(feed.status, 200)
        self.assertTrue(feed.header("Content-Type").startswith("text/calendar"))
        cal = Calendar.from_ical(feed.body)
        summaries = [str(e["SUMMARY"]) for e in cal.walk("VEVENT")]
        self.assertIn("Charla abierta sobre subsidios", summaries)
        self.assertNotIn("Reunión interna reservada", summaries)
        # The internal one is a 404 for the public, visible when signed in.
        hidden = [x for x in self.api("GET", "/api/activities").json()
                  if x["title"] == "Reunión interna reservada"][0]
        self.assertEqual(anon.get("/actividades/%d" % hidden["id"]).status, 404)
        self.assertEqual(anon.get("/actividades/%d" % pub["id"]).status, 200)
        admin = self.admin()
        self.assertIn("Reunión interna reservada",
                      admin.get("/calendario?vista=lista").text)
        # The officer's list marks it as internal, as markup, not as text.
        listing = admin.get("/actividades").text
        row = listing[listing.index("Reunión interna reservada"):]
        self.assertTrue(row.split("</td>")[0].endswith("<small>(interna)</small>"))
        self.assertNotIn("&lt;small&gt;", listing)

    def test_calendar_filters_by_a_plan_line_chosen_from_a_list(self):
        self.api("POST", "/api/activities",
                 dict(SESSION, title="Sesión de la línea nueve", plan_lines=[9],
                      start="2031-06-03T10:00", end="2031-06-03T11:00"))
        self.api("POST", "/api/activities",
                 dict(SESSION, title="Charla de la línea siete", kind="charla",
                      plan_lines=[7], start="2031-06-04T10:00", end="2031-06-04T11:00"))
        anon = self.client()
        page = anon.get("/calendario?vista=lista").text
        select = re.search(r'<select id="linea" name="linea">(.*?)</select>', page, re.S)
        self.assertIsNotNone(select, "the line filter is a list")
        options = re.findall(r'<option value="(\d+)"[^>]*>(\d+)\. ', select.group(1))
        self.assertEqual([int(v) for v, _ in options], list(range(1, 11)))
        self.assertTrue(all(v == n for v, n in options))
        # Text cut to fit stays valid UTF-8 (the page decoded above) and the
        # chosen line is selected when the page comes back.
        only = anon.get("/calendario?vista=lista&linea=9").text
        self.assertIn('<option value="9" selected>', only)
        self.assertIn("Sesión de la línea nueve", only)
        self.assertNotIn("Charla de la línea siete", only)

    def test_officer_pages_need_the_admin_role_and_csrf(self):
        anon = self.client()
        for path in ("/actividades", "/actividades/nueva", "/actividades/1/editar"):
            self.assertIn(anon.get(path).status, (303, 401, 403), path)
        for path in ("/actividades/nueva", "/actividades/1/editar", "/actividades/1/tabla",
                     "/actividades/1/citar", "/actividades/1/traslado"):
            self.assertIn(anon.post(path, form={"x": "1"}).status, (401, 403), path)
        admin = self.admin()
        before = query_one(self.demo.path, "SELECT COUNT(*) FROM activities")
        r = admin.post("/actividades/nueva", form={"kind": "charla", "title": "Sin csrf",
                                                   "start": "2031-06-01T10:00",
                                                   "end": "2031-06-01T11:00",
                                                   "modality": "presencial",
                                                   "commune": "04101"})
        self.assertEqual(r.status, 403)
        self.assertEqual(query_one(self.demo.path, "SELECT COUNT(*) FROM activities"), before)
        r = admin.post("/actividades/1/citar", form={"member": "1"})
        self.assertEqual(r.status, 403)

    def test_the_form_shows_422_then_creates_and_reschedule_keeps_history(self):
        admin = self.admin()
        token = admin.csrf_from("/actividades/nueva")
        form = {"csrf_token": token, "kind": "sesion_ordinaria", "title": "Sesión de junio",
                "start": "2031-06-10T10:00", "end": "2031-06-10T09:00",
                "modality": "presencial", "commune": "04301", "public": "1",
                "plan_lines": "9"}
        r = admin.post("/actividades/nueva", form=form)
        self.assertEqual(r.status, 422)
        self.assertIn("posterior al inicio", r.text)
        # A description too long: its message under it, as markup.
        r = admin.post("/actividades/nueva", form=dict(form, description="x" * 8001))
        self.assertEqual(r.status, 422)
        self.assertIn('<p class="field-error">La descripción es demasiado larga', r.text)
        self.assertNotIn("&lt;p class", r.text)
        form["end"] = "2031-06-10T12:00"
        r = admin.post("/actividades/nueva", form=form)
        self.assertEqual(r.status, 303, r.text[:500])
        path = r.header("Location")
        self.assertTrue(path.endswith("?guardado=detalles"), path)  # «Guardado» there
        path = path.split("?")[0]
        aid = int(path.rsplit("/", 1)[1])
        page = admin.get(path).text
        self.assertIn("Sesión de junio", page)
        self.assertIn("Línea 9", page)
        self.assertIn("copiar para whatsapp", page.lower())
        self.assertIn("<textarea readonly", page)
        edit = admin.get(path + "/editar").text
        token = re.search(r'name="csrf_token" value="([^"]+)"', edit).group(1)
        version = re.search(r'name="version" value="(\d+)"', edit).group(1)
        form.update(csrf_token=token, version=version, start="2031-06-17T10:00",
                    end="2031-06-17T12:00", status="programada")
        r = admin.post(path + "/editar", form=form)
        self.assertEqual(r.status, 303, r.text[:800])
        self.assertEqual(query_one(self.demo.path,
                                   "SELECT COUNT(*) FROM activity_history WHERE "
                                   "activity_id = ?", (aid,)), "1")
        self.assertIn("Historial", admin.get(path).text)
        # A stale version is refused.
        r = admin.post(path + "/editar", form=form)
        self.assertEqual(r.status, 409)

    def test_private_feed_has_internal_activities_and_can_be_regenerated(self):
        self.api("POST", "/api/activities",
                 dict(SESSION, title="Reunión interna del feed", public=False,
                      start="2031-08-07T10:00", end="2031-08-07T11:00"))
        c = self.client()
        c.login("consejera@example.cl", "clave-de-prueba-1")
        self.assertIn("/cuenta/calendario", c.get("/cuenta").text)
        token = c.csrf_from("/cuenta/calendario")
        r = c.post("/cuenta/calendario", form={"csrf_token": token})
        self.assertEqual(r.status, 200)
        url = re.search(r'value="https?://[^/"]+(/calendario/privado/[^"]+\.ics)"', r.text).group(1)
        anon = self.client()
        feed = anon.get(url)
        self.assertEqual(feed.status, 200)
        summaries = [str(e["SUMMARY"]) for e in Calendar.from_ical(feed.body).walk("VEVENT")]
        self.assertIn("Reunión interna del feed", summaries)
        self.assertNotIn("Reunión interna del feed", anon.get("/calendario.ics").text)
        r = c.post("/cuenta/calendario", form={"csrf_token": token})
        self.assertEqual(anon.get(url).status, 404)
        self.assertEqual(anon.get("/calendario/privado/inventado.ics").status, 404)
        self.assertEqual(c.post("/cuenta/calendario", form={}).status, 403)

    def test_the_officer_extends_the_kinds_catalogue(self):
        admin = self.admin()
        token = admin.csrf_from("/actividades")
        r = admin.post("/actividades/tipos", form={"csrf_token": token, "slug": "feria_vivienda",
                                                   "label": "Feria de vivienda"})
        self.assertEqual(r.status, 303)
        self.assertIn("Feria de vivienda", admin.get("/actividades").text)
        r = self.api("POST", "/api/activities", dict(SESSION, kind="feria_vivienda"))
        self.assertEqual(r.status, 201, r.text)
        r = admin.post("/actividades/tipos", form={"csrf_token": token, "slug": "feria_vivienda",
                                                   "label": "Otra"})
        self.assertEqual(r.status, 409)
        r = admin.post("/actividades/tipos", form={"csrf_token": token, "slug": "Mala Clave",
                                                   "label": "X"})
        self.assertEqual(r.status, 422)

    def test_the_officer_sets_the_reminder_lead_time(self):
        admin = self.admin()
        token = admin.csrf_from("/actividades")
        self.assertIn('value="48"', admin.get("/actividades").text)
        for bad in ("-1", "721", "dos"):
            r = admin.post("/actividades/ajustes",
                           form={"csrf_token": token, "reminder_hours": bad})
            self.assertEqual(r.status, 422, bad)
        r = admin.post("/actividades/ajustes", form={"csrf_token": token,
                                                    "reminder_hours": "24"})
        self.assertEqual(r.status, 303)
        self.assertEqual(query_one(self.demo.path, "SELECT value FROM council_settings WHERE "
                                   "key = 'activity_reminder_hours'"), "24")
        self.assertIn(self.client().post("/actividades/ajustes",
                                         form={"reminder_hours": "1"}).status, (401, 403))
        r = admin.post("/actividades/ajustes", form={"reminder_hours": "1"})
        self.assertEqual(r.status, 403)
        admin.post("/actividades/ajustes", form={"csrf_token": token, "reminder_hours": "48"})

    def test_transport_vehicles_assignment_and_passenger_list(self):
        a = self.api("POST", "/api/activities",
                     dict(SESSION, kind="entrega_viviendas", title="Entrega con traslado")).json()
        admin = self.admin()
        path = "/actividades/%d" % a["id"]
        token = admin.csrf_from(path)
        r = admin.post(path + "/traslado", form={"csrf_token": token, "accion": "vehiculo",
                                                 "label": "Van 1", "capacity": "1"})
        self.assertEqual(r.status, 303)
        r = admin.post(path + "/traslado", form={"csrf_token": token, "accion": "vehiculo",
                                                 "label": "", "capacity": "0"})
        self.assertEqual(r.status, 422)
        self.assertIn("Van 1", admin.get(path).text)
        pdf = admin.get(path + "/pasajeros.pdf")
        self.assertEqual(pdf.status, 200)
        self.assertTrue(pdf.body.startswith(b"%PDF"))
        self.assertIn(self.client().get(path + "/pasajeros.pdf").status, (303, 401, 403))

    def test_every_vehicle_is_listed_none_cut_off(self):
        # The list had a silent cap of 64: the 65th vehicle was saved and
        # never shown, so nobody could be seated in it.
        a = self.api("POST", "/api/activities",
                     dict(SESSION, kind="entrega_viviendas", title="Entrega con muchas vans")).json()
        admin = self.admin()
        path = "/actividades/%d" % a["id"]
        token = admin.csrf_from(path)
        for n in range(1, 67):
            r = admin.post(path + "/traslado", form={"csrf_token": token, "accion": "vehiculo",
                                                     "label": "Furgón %02d" % n, "capacity": "2"})
            self.assertEqual(r.status, 303)
        page = admin.get(path).text
        for n in (1, 64, 65, 66):
            self.assertIn("Furgón %02d" % n, page)

    def test_seat_assignment_saves_only_what_changed_all_or_nothing(self):
        a = self.api("POST", "/api/activities",
                     dict(SESSION, kind="entrega_viviendas", title="Entrega con dos vans")).json()
        path = "/actividades/%d" % a["id"]
        admin = self.admin()
        token = admin.csrf_from(path)
        for label in ("Van A", "Van B"):
            r = admin.post(path + "/traslado", form={"csrf_token": token, "accion": "vehiculo",
                                                     "label": label, "capacity": "1"})
            self.assertEqual(r.status, 303)
        van = {label: int(query_one(self.demo.path, "SELECT id FROM activity_vehicles WHERE "
                                    "activity_id = ? AND label = ?", (a["id"], label)))
               for label in ("Van A", "Van B")}
        inv = {}
        for name in ("Ana Traslado", "Beto Traslado"):
            inv[name] = int(query_one(
                self.demo.path,
                "INSERT INTO activity_invitations(activity_id, email, name, token_hash, "
                "reply, transport, pickup_commune, created_at) VALUES (?, ?, ?, ?, "
                "'confirma', 1, '04301', 0) RETURNING id",
                (a["id"], name.split()[0].lower() + "@ejemplo.cl", name, "h-" + name)))

        def seats():
            return {name: query_one(self.demo.path, "SELECT vehicle_id FROM activity_seats "
                                    "WHERE invitation_id = ?", (i,))
                    for name, i in inv.items()}

        def assign(client, **moves):  # name -> (was, new) vehicle ids, 0 for none
            form = {"csrf_token": client.csrf_from(path), "accion": "asignar"}
            for name, (was, new) in moves.items():
                form["seat_%d" % inv[name]] = str(new)
                form["seat_was_%d" % inv[name]] = str(was)
            return client.post(path + "/traslado", form=form)

        ana, beto = "Ana Traslado", "Beto Traslado"
        A, B = van["Van A"], van["Van B"]
        self.assertEqual(assign(admin, **{ana: (0, A), beto: (0, B)}).status, 303)
        self.assertEqual(seats(), {ana: str(A), beto: str(B)})
        # A swap between two full vans goes through: seats are left first.
        self.assertEqual(assign(admin, **{ana: (A, B), beto: (B, A)}).status, 303)
        self.assertEqual(seats(), {ana: str(B), beto: str(A)})
        # A second officer's form drawn now; the first takes Ana off meanwhile.
        other = self.admin()
        self.assertEqual(assign(admin, **{ana: (B, 0), beto: (A, A)}).status, 303)
        # The second saves a change to Beto only: Ana is not put back.
        self.assertEqual(assign(other, **{ana: (B, B), beto: (A, 0)}).status, 303)
        self.assertEqual(seats(), {ana: None, beto: None})
        # Both changed Ana: refused, naming her and where she is now.
        r = assign(other, **{ana: (B, A)})
        self.assertEqual(r.status, 409)
        self.assertIn("Ana Traslado (ahora: sin vehículo)", r.text)
        self.assertEqual(seats(), {ana: None, beto: None})
        # A van found full saves none of the changes.
        r = assign(admin, **{ana: (0, A), beto: (0, A)})
        self.assertEqual(r.status, 409)
        self.assertIn("lleno", r.text)
        self.assertEqual(seats(), {ana: None, beto: None})

    def test_home_shows_upcoming_activities_and_the_nav_the_calendar(self):
        page = self.client().get("/").text
        self.assertIn("Próximas actividades", page)
        self.assertIn('href="/calendario"', page)


class Convening(unittest.TestCase):
    def setUp(self):
        self.tmpdir = tempfile.mkdtemp(prefix="cosoc-act-")
        self.addCleanup(shutil.rmtree, self.tmpdir, True)
        self.demo = Demo(self.tmpdir)
        self.addCleanup(support.drop_database, self.demo.path)
        self.token = run_cli("token", "create", "--db", self.demo.path, "--email",
                             self.demo.email, check=0).stdout.strip().split()[-1]

    def sink(self, port=None):
        s = SmtpSink(port=port)
        self.addCleanup(s.cleanup)
        return s.start()

    def server(self, smtp_url):
        srv = Server(self.demo.path, extra_args=["--smtp", smtp_url, *FAST], env=FROM)
        srv.start()
        self.addCleanup(lambda: srv.proc and srv.stop())
        return srv

    def api(self, srv, method, path, body=None):
        c = srv.client()
        self.addCleanup(c.close)
        return c.request(method, path, json_body=body,
                         headers={"Authorization": "Bearer " + self.token})

    def councillors(self):
        return int(query_one(self.demo.path, "SELECT COUNT(*) FROM members WHERE "
                             "status = 'vigente' AND email <> ''"))

    def test_citation_reaches_each_councillor_once_then_reschedule_and_cancel(self):
        sink = self.sink()
        srv = self.server(sink.url)
        a = self.api(srv, "POST", "/api/activities", SESSION).json()
        self.api(srv, "POST", "/api/activities/%d" % a["id"], {})
        r = self.api(srv, "POST", "/api/activities/%d/convene" % a["id"],
                     {"recipients": "all"})
        self.assertEqual(r.status, 202, r.text)
        self.assertEqual(r.json()["status"], "convocada")
        n = self.councillors()
        self.assertGreaterEqual(n, 2)
        msgs = sink.wait_for(n, timeout=30)
        time.sleep(2)
        msgs = sink.messages()
        self.assertEqual(len(msgs), n)  # Reminders wait for their time
        self.assertEqual(len({m["To"] for m in msgs}), n)
        uid = None
        for m in msgs:
            self.assertTrue(str(m["Subject"]).startswith("Citación: Sesión ordinaria en Ovalle"))
            text = m.get_body(("plain",)).get_content()
            self.assertIn("martes 15 de abril de 2031, de 10:00 a 12:00", text)
            self.assertIn("Ovalle", text)
            self.assertRegex(text, r"/r/[A-Za-z0-9_-]{20,}")
            part, cal = ics_of(m)
            self.assertEqual(part.get_param("method"), "REQUEST")
            ev = list(cal.walk("VEVENT"))[0]
            self.assertEqual(int(ev["SEQUENCE"]), 0)
            uid = uid or str(ev["UID"])
            self.assertEqual(str(ev["UID"]), uid)
            self.assertEqual(str(ev["ATTENDEE"]).lower(), "mailto:" + m["To"].addresses[0].addr_spec.lower())
        # The same call again sends nothing new.
        r = self.api(srv, "POST", "/api/activities/%d/convene" % a["id"],
                     {"recipients": "all"})
        self.assertEqual(r.json()["queued"], 0)
        # A reminder is waiting for 48 h before the start.
        self.assertEqual(query_one(self.demo.path, "SELECT COUNT(*) FROM mail_outbox WHERE "
                                   "idempotency_key LIKE 'recordatorio:%' AND "
                                   "state = 'pendiente'"), str(n))
        mail = self.api(srv, "GET", "/api/activities/%d/mail" % a["id"]).json()
        self.assertEqual(len(mail), 2 * n)
        self.assertEqual({x["state"] for x in mail}, {"enviado", "pendiente"})
        for x in mail:
            self.assertEqual(set(["to", "state", "attempts", "error"]) - set(x), set())
        # Reschedule: every invitee gets SEQUENCE 1, the old reminders go.
        r = self.api(srv, "POST", "/api/activities/%d" % a["id"],
                     {"start": "2031-04-22T10:00:00-04:00", "end": "2031-04-22T12:00:00-04:00"})
        self.assertEqual(r.status, 200, r.text)
        self.assertEqual(r.json()["status"], "reprogramada")
        self.assertEqual(r.json()["sequence"], 1)
        msgs = sink.wait_for(2 * n, timeout=30)
        updates = msgs[n:]
        for m in updates:
            part, cal = ics_of(m)
            ev = list(cal.walk("VEVENT"))[0]
            self.assertEqual(int(ev["SEQUENCE"]), 1)
            self.assertEqual(str(ev["UID"]), uid)
            self.assertIn("22 de abril", m.get_body(("plain",)).get_content())
        self.assertEqual(query_one(self.demo.path, "SELECT COUNT(*) FROM mail_outbox WHERE "
                                   "idempotency_key LIKE 'recordatorio:%:0:%'"), "0")
        # Suspension: a CANCEL with SEQUENCE 2.
        r = self.api(srv, "POST", "/api/activities/%d" % a["id"], {"status": "suspendida"})
        self.assertEqual(r.status, 200, r.text)
        msgs = sink.wait_for(3 * n, timeout=30)
        for m in msgs[2 * n:]:
            part, cal = ics_of(m)
            self.assertEqual(part.get_param("method"), "CANCEL")
            self.assertEqual(str(cal["METHOD"]), "CANCEL")
            ev = list(cal.walk("VEVENT"))[0]
            self.assertEqual(int(ev["SEQUENCE"]), 2)
            self.assertEqual(str(ev["UID"]), uid)
        time.sleep(1.5)
        self.assertEqual(len(sink.messages()), 3 * n)
        # A suspended activity cannot be convened.
        r = self.api(srv, "POST", "/api/activities/%d/convene" % a["id"],
                     {"recipients": "all"})
        self.assertEqual(r.status, 409)

    def test_reply_link_confirms_and_asks_for_transport_wrong_or_expired_change_nothing(self):
        sink = self.sink()
        srv = self.server(sink.url)
        a = self.api(srv, "POST", "/api/activities", SESSION).json()
        r = self.api(srv, "POST", "/api/activities/%d/convene" % a["id"],
                     {"recipients": ["invitada@example.cl"]})
        self.assertEqual(r.status, 202, r.text)
        m = sink.wait_for(1)[0]
        link = re.search(r"https?://[^/\s]+(/r/[A-Za-z0-9_-]+)",
                         m.get_body(("plain",)).get_content()).group(1)
        guest = srv.client()
        self.addCleanup(guest.close)
        page = guest.get(link)
        self.assertEqual(page.status, 200)
        self.assertIn("Necesito traslado", page.text)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        r = guest.post(link, form={"csrf_token": token, "reply": "confirma",
                                   "transport": "1", "pickup": ""})
        self.assertEqual(r.status, 422)
        r = guest.post(link, form={"csrf_token": token, "reply": "confirma",
                                   "transport": "1", "pickup": "04303"})
        self.assertEqual(r.status, 303)
        self.assertIn("quedó registrada", guest.get(r.header("Location")).text)
        self.assertEqual(query_one(self.demo.path, "SELECT reply || ' ' || pickup_commune "
                                   "FROM activity_invitations WHERE email = "
                                   "'invitada@example.cl'"), "confirma 04303")
        admin = srv.client()
        self.addCleanup(admin.close)
        admin.login(self.demo.email, self.demo.password)
        page = admin.get("/actividades/%d" % a["id"]).text
        self.assertIn("Confirma asistencia", page)
        self.assertIn("Desde Monte Patria", page)
        self.assertIn("Enviado", page)
        # Wrong token: a clear page, nothing changes.
        bad = guest.get("/r/esto-no-es-un-token-valido")
        self.assertEqual(bad.status, 404)
        self.assertIn("No reconocemos este enlace", bad.text)
        r = guest.post("/r/esto-no-es-un-token-valido",
                       form={"csrf_token": token, "reply": "declina"})
        self.assertEqual(r.status, 404)
        # Expired: after the activity ended, the link answers 410.
        past = self.api(srv, "POST", "/api/activities",
                        dict(SESSION, start="2024-03-01T10:00", end="2024-03-01T12:00")).json()
        # (Citing after the start asks to confirm it.)
        self.api(srv, "POST", "/api/activities/%d/convene" % past["id"],
                 {"recipients": ["pasada@example.cl"], "confirm": True})
        m = [x for x in sink.wait_for(2) if x["To"] == "pasada@example.cl"][0]
        old = re.search(r"(/r/[A-Za-z0-9_-]+)", m.get_body(("plain",)).get_content()).group(1)
        r = guest.get(old)
        self.assertEqual(r.status, 410)
        self.assertIn("ya terminó", r.text)
        r = guest.post(old, form={"csrf_token": token, "reply": "confirma"})
        self.assertEqual(r.status, 410)
        self.assertIsNone(query_one(self.demo.path, "SELECT reply FROM activity_invitations "
                                    "WHERE email = 'pasada@example.cl'"))
        # The token never reaches the log.
        out = srv.stop()
        self.assertNotIn(link, out)
        self.assertIn("/r/…", out)

    def test_a_stopped_smtp_server_leaves_the_citation_queued_and_a_crash_loses_none(self):
        port = free_port()
        srv = self.server("smtp://127.0.0.1:%d" % port)
        admin = srv.client()
        self.addCleanup(admin.close)
        admin.login(self.demo.email, self.demo.password)
        aid = int(query_one(self.demo.path, "SELECT id FROM activities WHERE "
                            "title = 'Sesión ordinaria en Ovalle'"))
        page = admin.get("/actividades/%d" % aid).text
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        members = re.findall(r'name="member" value="(\d+)"', page)
        self.assertTrue(members)
        form = [("csrf_token", token), ("extra", "visita@example.cl")]
        form += [("member", x) for x in members]
        import urllib.parse
        r = admin.post("/actividades/%d/citar" % aid,
                       body=urllib.parse.urlencode(form).encode(),
                       headers={"Content-Type": "application/x-www-form-urlencoded"})
        self.assertEqual(r.status, 303, r.text[:500])
        page = admin.get("/actividades/%d" % aid).text
        self.assertIn("en cola", page)
        self.assertIn("pendiente", page)
        self.assertIn("visita@example.cl", page)
        # A crash while the mail waits loses nothing: kill the server,
        # start it again with the SMTP server back, and every message
        # arrives exactly once.
        wait_until(lambda: query_one(self.demo.path, "SELECT COUNT(*) FROM mail_outbox "
                                     "WHERE attempts = 0 AND idempotency_key LIKE "
                                     "'citacion:%'") == "0", what="every citation tried")
        srv.kill()
        sink = self.sink(port=port)
        srv = self.server(sink.url)
        msgs = sink.wait_for(len(members) + 1, timeout=60)
        time.sleep(2)
        self.assertEqual(len(sink.messages()), len(members) + 1)
        self.assertEqual(len({m["To"] for m in msgs}), len(members) + 1)


if __name__ == "__main__":
    unittest.main()
