"""
Many councils on one installation (issue 18). The demo's council (B, the
one with every kind of record) and two more made with `cosoc council add`
(A and C), each with its own officer made with `cosoc user add --council`.

The isolation walk goes through every route of the route table (`cosoc
routes`) as the officer of A against B's ids and slug: by A's own address
with B's ids (404 or 403), under B's /c/SLUG/ prefix, and naming B with
?council= or "council" in a JSON body (403 on what is not public); and
nothing at all is written (every table compared before and after).
"""
import hashlib
import os
import re
import sqlite3
import subprocess
import unittest

import shutil
import tempfile

from support import (PSQL, Server, ServerTestCase, drop_database, new_database,
                     query_one, run_cli)

SEED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data", "seeds",
                    "plan-anual-cosoc-minvu-serviu-coquimbo-2024-2025.txt")

ANONYMOUS = 0x01
ADMIN = 0x02
UNSCOPED = 0x04  # ROUTE_UNSCOPED: the installation's, not a council's
# Written by any request or sign-in, never by what the walk asks for.
VOLATILE = {"sessions", "login_attempts", "api_tokens", "schema_migrations"}
# Parameters that name no council's record.
INSTALLATION_PARAMS = {"/static/:": "style.css", "/api/territory/regions/:": "04"}
# Numbers within the request's own council (its plan's line 1, version 1):
# they reach A's plan, never B's (what they show is checked for B's data).
COUNCIL_RELATIVE = {"/plan/lineas/:", "/admin/plan/lineas/:", "/api/plan/versions/:",
                    "/api/plan/versions/:/approve"}


def routes():
    out = run_cli("routes", check=0).stdout
    rows = []
    for line in out.splitlines():
        pattern, get, post, flags = line.split("\t")
        rows.append((pattern, int(get), int(post), int(flags)))
    return rows


class ManyCouncils(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        db = cls.demo.path
        cls.b = {"id": 1, "slug": query_one(db, "SELECT slug FROM councils WHERE id = 1"),
                 "short": query_one(db, "SELECT short_name FROM councils WHERE id = 1")}
        cls.a = cls.council("Consejo de la Sociedad Civil SERVIU Valparaíso",
                            "COSOC Serviu Valparaíso", "05", "cosoc-valparaiso")
        cls.c = cls.council("Consejo de la Sociedad Civil SERVIU Ñuble",
                            "COSOC Serviu Ñuble", "16", None)
        for key, council in (("a", cls.a), ("c", cls.c)):
            email = "encargada.%s@example.cl" % key
            run_cli("user", "add", "--db", db, "--email", email, "--name",
                    "Encargada %s" % key.upper(), "--role", "admin", "--council",
                    str(council["id"]), env={"COSOC_PASSWORD": "clave-de-prueba-1"},
                    check=0)
            council["email"] = email
            council["token"] = cls.token_for(email)

    @classmethod
    def council(cls, name, short, region, slug):
        args = ["council", "add", "--db", cls.demo.path, "--name", name,
                "--short-name", short, "--region", region]
        if slug:
            args += ["--slug", slug]
        out = run_cli(*args, check=0).stdout
        cid = int(out.strip().splitlines()[-1])
        return {"id": cid, "short": short,
                "slug": query_one(cls.demo.path, "SELECT slug FROM councils WHERE id = ?",
                                  (cid,))}

    def officer(self, council):
        c = self.client()
        c.login(council["email"], "clave-de-prueba-1")
        return c

    def first(self, sql):
        return query_one(self.demo.path, sql)

    # ---- What the installation holds, table by table ----

    def snapshot(self):
        db = self.demo.path
        if self.demo.is_postgres:
            names = query_one(db, "SELECT string_agg(table_name, ' ') FROM "
                                  "information_schema.tables WHERE table_schema = "
                                  "current_schema() AND table_type = 'BASE TABLE'").split()
            sums = {}
            for t in names:
                if t in VOLATILE:
                    continue
                sums[t] = subprocess.run(
                    [PSQL, "-X", "-q", "-A", "-t", "-d", db, "-c",
                     "SELECT count(*) || ':' || coalesce(md5(string_agg(x::text, '|' "
                     "ORDER BY x::text)), '') FROM %s x" % t],
                    check=True, capture_output=True, text=True).stdout.strip()
            return sums
        sums = {}
        with sqlite3.connect(db) as con:
            names = [r[0] for r in con.execute(
                "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT "
                "LIKE 'sqlite_%'")]
            for t in names:
                if t in VOLATILE:
                    continue
                rows = sorted(repr(r) for r in con.execute("SELECT * FROM %s" % t))
                sums[t] = "%d:%s" % (len(rows), hashlib.md5(
                    "|".join(rows).encode()).hexdigest())
        return sums

    def b_privacy_records(self):
        """B's personal-data records (issue 21), made by B's officer and a
        visitor on B's pages: a consent, a rights request, an incident.
        Their ids (made once for the class)."""
        cls = type(self)
        if getattr(cls, "_b_privacy", None):
            return cls._b_privacy
        mid = int(self.first("SELECT min(id) FROM members WHERE council_id = 1"))
        r = self.api("POST", "/api/members/%d/consents" % mid, {
            "purpose": "participacion", "given": True, "method": "correo"})
        self.assertEqual(r.status, 201, r.text)
        consent = r.json()["id"]
        anon = self.client()
        form = "/c/%s/privacidad/solicitud" % self.b["slug"]
        r = anon.post(form, form={
            "csrf_token": anon.csrf_from(form), "derecho": "acceso",
            "nombre": "Rosa Araya Tapia", "correo": "rosa.araya@example.cl",
            "run": "", "detalle": "Quiero saber qué datos míos tienen."})
        self.assertEqual(r.status, 303, r.text[:600])
        request = self.first("SELECT max(id) FROM privacy_requests WHERE council_id = 1")
        c = self.admin()
        page = "/c/%s/admin/privacidad/incidentes" % self.b["slug"]
        r = c.post(page, form={
            "csrf_token": c.csrf_from(page), "titulo": "Notebook extraviado",
            "descripcion": "Con una planilla de asistencia.", "ocurrio": "2026-12-01",
            "detectado": "2026-12-02", "datos": "Nombres y correos",
            "medidas": "Cambio de contraseñas", "agencia": "", "personas": ""})
        self.assertEqual(r.status, 303, r.text[:600])
        breach = self.first("SELECT max(id) FROM breaches WHERE council_id = 1")
        cls._b_privacy = {"member": mid, "consent": consent, "request": request,
                          "breach": breach}
        return cls._b_privacy

    def b_ids(self):
        """B's record of each kind a route's parameter names."""
        q = self.first
        privacy = self.b_privacy_records()
        act = q("SELECT min(activity_id) FROM evidence_items i JOIN activities a ON "
                "a.id = i.activity_id WHERE a.council_id = 1 AND i.deleted_at IS NULL")
        return {
            "/admin/usuarios/": q("SELECT min(user_id) FROM council_members WHERE "
                                  "council_id = 1"),
            "/admin/integrantes/": q("SELECT min(id) FROM members WHERE council_id = 1"),
            "/admin/organizaciones/": q("SELECT min(id) FROM organizations WHERE "
                                        "council_id = 1"),
            "/admin/directorio/": q("SELECT min(id) FROM directory_entries WHERE "
                                    "council_id = 1"),
            "/admin/consejos/": "1",
            "/actividades/": act,
            "/api/activities/": act,
            "/evidencias/": q("SELECT min(i.id) FROM evidence_items i JOIN activities a "
                              "ON a.id = i.activity_id WHERE a.council_id = 1 AND "
                              "i.deleted_at IS NULL"),
            "/acuerdos/": q("SELECT min(id) FROM agreements WHERE council_id = 1"),
            "/api/agreements/": q("SELECT min(id) FROM agreements WHERE council_id = 1"),
            "/solicitudes/": q("SELECT min(id) FROM authority_requests WHERE "
                               "council_id = 1"),
            "/plan/lineas/": "1",
            "/admin/plan/lineas/": "1",
            "/api/plan/versions/": "1",
            "/cursos/": q("SELECT min(id) FROM courses WHERE council_id = 1"),
            "/api/courses/": q("SELECT min(id) FROM courses WHERE council_id = 1"),
            "/admin/cursos/": q("SELECT min(id) FROM courses WHERE council_id = 1"),
            "/admin/participantes/": q("SELECT min(id) FROM participants WHERE "
                                       "council_id = 1"),
            # A certificate is named by its code (stored only as a hash):
            # one that is nobody's (a code is never read back)
            "/certificados/": "7K2M9-QXD4R-0B8TN-E3W6Z",
            "/api/certificates/": "7K2M9-QXD4R-0B8TN-E3W6Z",
            # Personal data (issue 21)
            "/api/members/": q("SELECT min(id) FROM members WHERE council_id = 1"),
            "/api/participants/": q("SELECT min(id) FROM participants WHERE "
                                    "council_id = 1"),
            "/api/consents/": privacy["consent"],
            "/api/evidence/": q("SELECT min(i.id) FROM evidence_items i JOIN "
                                "activities a ON a.id = i.activity_id WHERE "
                                "a.council_id = 1 AND i.deleted_at IS NULL"),
            "/admin/privacidad/solicitudes/": privacy["request"],
            "/admin/privacidad/incidentes/": privacy["breach"],
            "/calendario/privado/": "x" * 43 + ".ics",
            "/r/": "x" * 43,
        }

    def fill(self, pattern, ids):
        if pattern in INSTALLATION_PARAMS:
            return pattern.replace(":", INSTALLATION_PARAMS[pattern])
        head = pattern.split(":")[0]
        self.assertIn(head, ids, "no id of council B for %s: add its kind to b_ids()"
                      % pattern)
        self.assertTrue(ids[head], "council B has no record for %s" % pattern)
        return pattern.replace(":", str(ids[head]))

    def post(self, client, path, body=None):
        if path.startswith("/api/") or "/api/" in path:
            return client.request("POST", path, json_body=body or {
                "reason": "x", "title": "x", "text": "x", "recipients": "all"},
                                  headers={"Authorization": "Bearer " + self.a["token"]})
        return client.post(path, form={"csrf_token": self.csrf, "accion": "x",
                                       "texto": "x", "title": "x", "nombre": "x"})

    # ---- The walk ----

    def test_the_officer_of_a_council_reaches_nothing_of_another_by_any_route(self):
        table = routes()
        self.assertGreater(len(table), 90)
        ids = self.b_ids()
        a = self.officer(self.a)
        self.csrf = a.csrf_from("/cuenta")
        markers = [self.first("SELECT title FROM activities WHERE council_id = 1 AND "
                              "is_public = 1 ORDER BY id LIMIT 1"),
                   self.first("SELECT first_names || ' ' || last_names FROM members "
                              "WHERE council_id = 1 ORDER BY id LIMIT 1")]
        self.assertTrue(all(markers), markers)
        before = self.snapshot()
        checked = 0
        for pattern, get, post, flags in table:
            if flags & UNSCOPED and pattern not in ("/admin/consejos/:",
                                                     "/calendario/privado/:", "/r/:"):
                continue
            path = self.fill(pattern, ids) if ":" in pattern else pattern
            has_b_id = (":" in pattern and pattern not in INSTALLATION_PARAMS and
                        pattern not in COUNCIL_RELATIVE)
            prefixed = "/c/%s%s" % (self.b["slug"], path)
            internal_get = get and not get & ANONYMOUS
            internal_post = post and not post & ANONYMOUS
            if get:
                # A's own address with B's id: not found (or refused)
                r = a.get(path)
                if has_b_id:
                    self.assertIn(r.status, (403, 404), "GET %s: %d" % (path, r.status))
                elif r.status == 200:
                    for m in markers:
                        self.assertNotIn(m, r.text, "GET %s shows B's data" % path)
                if not flags & UNSCOPED:
                    # B's address, and B named by ?council=
                    r = a.get(prefixed)
                    if internal_get:
                        self.assertEqual(r.status, 403, "GET %s: %d" % (prefixed, r.status))
                    sep = "&" if "?" in path else "?"
                    r = a.get("%s%scouncil=%d" % (path, sep, self.b["id"]))
                    if internal_get:
                        self.assertEqual(r.status, 403, "GET %s?council: %d"
                                         % (path, r.status))
                    if path.startswith("/api/"):
                        r = a.request("GET", "%s%scouncil=%d" % (path, sep, self.b["id"]),
                                      headers={"Authorization": "Bearer " + self.a["token"]})
                        if internal_get:
                            self.assertEqual(r.status, 403, "API GET %s" % path)
                checked += 1
            if post:
                if has_b_id:
                    r = self.post(a, path)
                    self.assertIn(r.status, (403, 404), "POST %s: %d" % (path, r.status))
                if not flags & UNSCOPED:
                    r = self.post(a, prefixed)
                    if internal_post:
                        self.assertEqual(r.status, 403, "POST %s: %d" % (prefixed, r.status))
                    else:
                        self.assertGreaterEqual(r.status, 400, "POST %s" % prefixed)
                    if path.startswith("/api/"):
                        r = self.post(a, path, {"council": self.b["id"]})
                        self.assertEqual(r.status, 403, "POST %s council B: %d"
                                         % (path, r.status))
                checked += 1
        self.assertGreater(checked, 90)
        after = self.snapshot()
        changed = sorted(t for t in before if before[t] != after.get(t))
        self.assertEqual(changed, [], "the walk wrote to these tables")

    def test_the_audit_log_and_the_privacy_records_are_each_councils_own(self):
        ids = self.b_privacy_records()
        ta = self.a["token"]
        # B's officer finds the consent's entry; A's officer finds nothing
        # of B's in the log, by object or in the whole list.
        obj = "consent:%s" % ids["consent"]
        mine = self.api("GET", "/api/audit?object=" + obj)
        self.assertEqual(mine.status, 200, mine.text)
        self.assertTrue(mine.json(), "B's officer sees B's entry")
        self.assertEqual(self.api("GET", "/api/audit?object=" + obj, token=ta).json(), [])
        theirs = {e["object"] for e in self.api("GET", "/api/audit", token=ta).json()}
        for kind, key in (("consent", "consent"), ("member", "member"),
                          ("privacy_request", "request"), ("breach", "breach")):
            self.assertNotIn("%s:%s" % (kind, ids[key]), theirs)
        self.assertEqual(self.api("GET", "/api/audit?council=1", token=ta).status, 403)
        # The requests and incidents are B's: A's officer lists none of them.
        a = self.officer(self.a)
        for path in ("/admin/privacidad", "/admin/privacidad/incidentes",
                     "/admin/auditoria"):
            r = a.get(path)
            self.assertEqual(r.status, 200, path)
            self.assertNotIn("Rosa Araya Tapia", r.text, path)
            self.assertNotIn("Notebook extraviado", r.text, path)
        for path in ("/admin/privacidad/solicitudes/%s" % ids["request"],
                     "/admin/privacidad/incidentes/%s" % ids["breach"],
                     "/api/members/%s/data" % ids["member"]):
            self.assertIn(a.get(path).status, (403, 404), path)
        # A's own privacy settings leave B's notice as it was.
        before = self.client().get("/c/%s/privacidad" % self.b["slug"]).text
        page = "/admin/privacidad"
        r = a.post(page, form={"csrf_token": a.csrf_from(page), "accion": "ajustes",
                               "responsable": "Responsable de Valparaíso",
                               "invitados_anios": "3", "correo_dias": "400",
                               "ingresos_dias": "90", "solicitudes_anios": "2"})
        self.assertEqual(r.status, 303, r.text[:600])
        mail_days = "Registro de correos enviados (días): %d"
        theirs = self.client().get("/c/%s/privacidad" % self.a["slug"]).text
        self.assertIn("Responsable de Valparaíso", theirs)
        self.assertIn(mail_days % 400, theirs)
        after = self.client().get("/c/%s/privacidad" % self.b["slug"]).text
        self.assertNotIn("Responsable de Valparaíso", after)
        self.assertIn(mail_days % 365, after)
        self.assertEqual(before, after)

    def test_what_one_officer_writes_the_other_councils_cannot_reach(self):
        soon = "2031-05-06T10:00:00-04:00"
        act = self.api("POST", "/api/activities",
                       {"kind": "charla", "title": "Charla de Valparaíso", "start": soon,
                        "end": "2031-05-06T12:00:00-04:00", "modality": "virtual",
                        "link": "https://meet.example.cl/a", "status": "programada", "plan_lines": [], "public": True},
                       token=self.a["token"])
        self.assertEqual(act.status, 201, act.text)
        aid = act.json()["id"]
        self.assertEqual(self.first("SELECT council_id FROM activities WHERE id = %d" % aid),
                         str(self.a["id"]))
        me = self.api("GET", "/api/me", token=self.a["token"]).json()
        self.assertEqual(me["council"], self.a["id"])
        self.assertEqual(me["councils"], [{"id": self.a["id"], "slug": self.a["slug"],
                                           "role": "admin"}])
        # Council C's officer: not found by id, refused by name
        tc = self.c["token"]
        for path in ("/api/activities/%d" % aid, "/api/activities/%d/mail" % aid):
            self.assertIn(self.api("GET", path, token=tc).status, (403, 404), path)
        self.assertEqual(self.api("GET", "/api/activities?council=%d" % self.a["id"],
                                  token=tc).status, 403)
        r = self.api("POST", "/api/activities/%d" % aid, {"title": "Cambiada"}, token=tc)
        self.assertIn(r.status, (403, 404))
        r = self.api("POST", "/api/activities", {"council": self.a["id"], "title": "x"},
                     token=tc)
        self.assertEqual(r.status, 403)
        self.assertEqual(self.first("SELECT title FROM activities WHERE id = %d" % aid),
                         "Charla de Valparaíso")
        # A's own list has it; B's (the demo officer's) does not
        titles = [x["title"] for x in self.api("GET", "/api/activities",
                                               token=self.a["token"]).json()]
        self.assertIn("Charla de Valparaíso", titles)
        self.assertTrue(all("Valparaíso" in t for t in titles), titles)
        self.assertNotIn("Charla de Valparaíso",
                         [x["title"] for x in self.api("GET", "/api/activities").json()])
        # The public see it under A's address only
        self.assertIn("Charla de Valparaíso",
                      self.client().get("/c/%s/calendario" % self.a["slug"]).text)
        self.assertNotIn("Charla de Valparaíso", self.client().get(
            "/c/%s/calendario" % self.b["slug"]).text)

    def test_a_write_in_one_council_leaves_the_others_cache_version_alone(self):
        def version(cid):
            return int(self.first("SELECT n FROM council_data_version WHERE council_id = %d"
                                  % cid) or 0)
        b_before, c_before = version(self.b["id"]), version(self.c["id"])
        installation = self.first("SELECT n FROM data_version WHERE id = 1")
        a_before = version(self.a["id"])
        r = self.api("POST", "/api/activities",
                     {"kind": "charla", "title": "Otra de Valparaíso",
                      "start": "2031-06-06T10:00:00-04:00",
                      "end": "2031-06-06T12:00:00-04:00", "modality": "virtual",
                      "link": "https://meet.example.cl/a", "status": "programada", "plan_lines": [], "public": True},
                     token=self.a["token"])
        self.assertEqual(r.status, 201)
        self.assertGreater(version(self.a["id"]), a_before)
        self.assertEqual((version(self.b["id"]), version(self.c["id"])), (b_before, c_before))
        self.assertEqual(self.first("SELECT n FROM data_version WHERE id = 1"), installation)
        # Personal data too (migration 0045): a consent recorded in B moves
        # B's version only.
        a_before, b_before = version(self.a["id"]), version(self.b["id"])
        mid = int(self.first("SELECT max(id) FROM members WHERE council_id = 1"))
        r = self.api("POST", "/api/members/%d/consents" % mid, {
            "purpose": "fotografias", "given": False, "method": "formulario"})
        self.assertEqual(r.status, 201, r.text)
        self.assertGreater(version(self.b["id"]), b_before)
        self.assertEqual((version(self.a["id"]), version(self.c["id"])), (a_before, c_before))
        self.assertEqual(self.first("SELECT n FROM data_version WHERE id = 1"), installation)

    # ---- Pages per council and the national view ----

    def test_each_council_has_its_pages_and_the_national_view_links_them(self):
        c = self.client()
        for council in (self.a, self.b, self.c):
            for page in ("/", "/plan", "/calendario", "/integrantes", "/actas"):
                r = c.get("/c/%s%s" % (council["slug"], page))
                self.assertEqual(r.status, 200, page)
                self.assertIn(council["short"], r.text)
                others = {self.a["short"], self.b["short"], self.c["short"]} - {council["short"]}
                for other in others:
                    self.assertNotIn(">%s<" % other, r.text, page)
                # Every local link stays under the council's address
                for href in re.findall(r'href="(/[^"]*)"', r.text):
                    if not href.startswith(("/static/", "/consejos", "/c/")):
                        self.fail("link %s on /c/%s%s leaves the council"
                                  % (href, council["slug"], page))
            ics = c.get("/c/%s/calendario.ics" % council["slug"])
            self.assertIn("BEGIN:VCALENDAR", ics.text)
        self.assertEqual(self.c["slug"], "cosoc-serviu-nuble")
        self.assertEqual(c.get("/c/no-existe/plan").status, 404)
        r = c.get("/consejos")
        self.assertEqual(r.status, 200)
        for council in (self.a, self.b, self.c):
            self.assertIn('href="/c/%s/"' % council["slug"], r.text)
        self.assertIn("Sin plan aprobado", r.text)
        # The demo's plan: its counts are the dashboard's
        comp = c.get("/api/compliance?council=%d" % self.b["id"]).json()
        row = re.search(r'<tr data-council="%s">(.*?)</tr>' % self.b["slug"], r.text).group(1)
        for state in ("cumplida", "en_curso", "en_riesgo", "atrasada", "sin_iniciar"):
            n = sum(1 for line in comp["lines"] if line["state"] == state)
            self.assertIn('data-state="%s">%d<' % (state, n), row)
        # The national team's table and its spreadsheet are not for the public
        self.assertNotIn("consejos-lineas", r.text)
        self.assertIn(c.get("/consejos.xlsx").status, (302, 303, 401))
        # Several councils: the home page is the national view
        self.assertEqual(c.get("/").status, 303)
        api = c.get("/api/councils").json()
        self.assertEqual([x["slug"] for x in api],
                         [self.b["slug"], self.a["slug"], self.c["slug"]])
        self.assertEqual(set(api[0]), {"id", "slug", "name", "short_name", "region"})
        self.assertEqual(api[1]["region"], "05")

    def test_the_user_command_names_every_subcommand_in_its_usage(self):
        wrong = run_cli("user", "nada", check=2)
        self.assertIn("council", wrong.stderr)
        usage = run_cli("user", "--help", check=0).stdout.splitlines()[0]
        self.assertIn("council", usage)
        # A council id with letters after it is refused, not read as 1.
        bad = run_cli("user", "add", "--db", self.demo.path, "--email",
                      "equis.uno@example.cl", "--name", "Equis Uno", "--role",
                      "consejero", "--council", "1x",
                      env={"COSOC_PASSWORD": "clave-de-prueba-1"}, check=2)
        self.assertIn("--council lleva el id de un consejo", bad.stderr)
        self.assertIsNone(query_one(self.demo.path, "SELECT 1 FROM users WHERE "
                                                    "email = 'equis.uno@example.cl'"))

    def test_the_national_team_reads_every_council_and_writes_none(self):
        db = self.demo.path
        run_cli("user", "add", "--db", db, "--email", "nacional@example.cl", "--name",
                "Equipo Nacional", "--role", "admin",
                env={"COSOC_PASSWORD": "clave-de-prueba-1"}, check=0)
        self.assertIsNone(query_one(db, "SELECT 1 FROM council_members m JOIN users u ON "
                                        "u.id = m.user_id WHERE u.email = "
                                        "'nacional@example.cl'"))
        token = self.token_for("nacional@example.cl")
        for council in (self.a, self.b):
            r = self.api("GET", "/api/activities?council=%d" % council["id"], token=token)
            self.assertEqual(r.status, 200)
        before = self.first("SELECT count(*) FROM activities")
        r = self.api("POST", "/api/activities", {"council": self.b["id"], "title": "x"},
                     token=token)
        self.assertEqual(r.status, 403)
        self.assertEqual(self.first("SELECT count(*) FROM activities"), before)
        n = self.client()
        n.login("nacional@example.cl", "clave-de-prueba-1")
        r = n.get("/consejos")
        self.assertIn('id="consejos-lineas"', r.text)
        x = n.get("/consejos.xlsx")
        self.assertEqual(x.status, 200)
        self.assertEqual(x.body[:2], b"PK")
        # Its «Estado» reads as the page and the council's own report do
        # («En riesgo»), not as the code's slug («en_riesgo»).
        import io
        import openpyxl
        rows = list(openpyxl.load_workbook(io.BytesIO(x.body)).active
                    .iter_rows(values_only=True))
        head = next(i for i, row in enumerate(rows) if row and row[0] == "Consejo")
        col = rows[head].index("Estado")
        states = {row[col] for row in rows[head + 1:] if row[0]}
        labels = {"Cumplida", "Atrasada", "En riesgo", "En curso", "Sin iniciar"}
        self.assertTrue(states, rows)
        self.assertLessEqual(states, labels)
        # The table sorts by state
        r = n.get("/consejos?orden=estado")
        states = re.findall(r'data-state="(\w+)">', r.text.split('id="consejos-lineas"')[1])
        order = ["cumplida", "atrasada", "en_riesgo", "en_curso", "sin_iniciar"]
        self.assertEqual(states, sorted(states, key=order.index))
        # It creates a council through the councils page
        token_csrf = n.csrf_from("/admin/consejos/nuevo")
        r = n.post("/admin/consejos/nuevo", form={
            "csrf_token": token_csrf, "nombre": "Consejo de Los Lagos",
            "nombre_corto": "COSOC Los Lagos", "region": "10", "sede": "", "slug": "",
            "logo": "", "periodo_inicio": "2026-01-01", "periodo_fin": "2029-12-31",
            "anios": "4", "institucion": "SERVIU"})
        self.assertEqual(r.status, 303, r.text[:2000])
        self.assertEqual(query_one(db, "SELECT slug FROM councils WHERE short_name = "
                                       "'COSOC Los Lagos'"), "cosoc-los-lagos")
        # A bad field: 422, nothing written
        token_csrf = n.csrf_from("/admin/consejos/nuevo")
        r = n.post("/admin/consejos/nuevo", form={
            "csrf_token": token_csrf, "nombre": "Otro", "nombre_corto": "Otro",
            "region": "99", "anios": "4", "slug": "Con Espacios"})
        self.assertEqual(r.status, 422)
        self.assertIsNone(query_one(db, "SELECT 1 FROM councils WHERE name = 'Otro'"))
        # A council's officer may not
        a = self.officer(self.a)
        self.assertEqual(a.get("/admin/consejos/nuevo").status, 403)
        # Accounts: a councillor is made at its council's address; with no
        # council named only national (admin) accounts
        form = {"name": "Carla Consejera", "email": "carla@example.cl",
                "role": "consejero", "password": "una frase bastante larga"}
        r = n.post("/admin/usuarios", form=dict(form, csrf_token=n.csrf_from(
            "/admin/usuarios")))
        self.assertEqual(r.status, 422)
        self.assertIsNone(query_one(db, "SELECT 1 FROM users WHERE email = "
                                        "'carla@example.cl'"))
        path = "/c/%s/admin/usuarios" % self.a["slug"]
        r = n.post(path, form=dict(form, csrf_token=n.csrf_from(path)))
        self.assertEqual(r.status, 303)
        self.assertEqual(query_one(db, "SELECT m.council_id || m.role FROM council_members "
                                       "m JOIN users u ON u.id = m.user_id WHERE u.email = "
                                       "'carla@example.cl'"), "%dconsejero" % self.a["id"])
        # A logo from another site would not load (the pages' policy): refused
        token_csrf = n.csrf_from("/admin/consejos/%d" % self.c["id"])
        r = n.post("/admin/consejos/%d" % self.c["id"], form={
            "csrf_token": token_csrf, "nombre": "Consejo de Ñuble", "nombre_corto":
            self.c["short"], "region": "16", "slug": self.c["slug"], "anios": "4",
            "logo": "https://otro.example/logo.png", "version": query_one(
                db, "SELECT version FROM councils WHERE id = ?", (self.c["id"],))})
        self.assertEqual(r.status, 422)

    def test_the_command_line_refuses_what_it_cannot_place(self):
        db = self.demo.path
        r = run_cli("council", "add", "--db", db, "--name", "X", "--short-name", "X",
                    "--region", "99")
        self.assertEqual(r.returncode, 1)
        self.assertIn("región", r.stderr)
        r = run_cli("council", "add", "--db", db, "--name", "Y", "--short-name", "Y",
                    "--region", "05", "--slug", self.a["slug"])
        self.assertEqual(r.returncode, 1)
        r = run_cli("user", "add", "--db", db, "--email", "sin.consejo@example.cl",
                    "--name", "Sin Consejo", "--role", "consejero",
                    env={"COSOC_PASSWORD": "clave-de-prueba-1"})
        self.assertEqual(r.returncode, 1)
        self.assertIn("--council", r.stderr)
        r = run_cli("user", "add", "--db", db, "--email", "sin.consejo@example.cl",
                    "--name", "Sin Consejo", "--role", "consejero", "--council", "999",
                    env={"COSOC_PASSWORD": "clave-de-prueba-1"})
        self.assertEqual(r.returncode, 1)
        self.assertIsNone(query_one(db, "SELECT 1 FROM users WHERE email = "
                                        "'sin.consejo@example.cl'"))
        out = run_cli("council", "list", "--db", db, check=0).stdout
        self.assertIn("%d\t%s\t05" % (self.a["id"], self.a["slug"]), out)


class DemoCouncils(unittest.TestCase):
    """cosoc demo --councils 2: a newcomer sees the national view."""

    def test_the_demo_holds_a_second_council_with_its_officer(self):
        tmp = tempfile.mkdtemp(prefix="cosoc-councils-")
        self.addCleanup(shutil.rmtree, tmp, True)
        db = new_database(tmp)
        self.addCleanup(drop_database, db)
        out = run_cli("demo", "--db", db, "--councils", "2", check=0).stdout
        self.assertIn("Administrador: encargada.pac@demo.cosoc.cl", out)
        second = re.search(r"Encargada del consejo 2: (\S+)\nSu contraseña: (\S+)", out)
        national = re.search(r"Equipo nacional: (\S+)\nSu contraseña: (\S+)", out)
        slug = re.search(r"Consejo 2: .*, en /c/([a-z0-9-]+)/", out).group(1)
        self.assertTrue(second and national, out)
        self.assertEqual(run_cli("demo", "--db", db, "--councils", "9").returncode, 2)
        with Server(db) as server:
            c = server.client()
            r = c.get("/consejos")
            self.assertIn('href="/c/cosoc-minvu-serviu-coquimbo/"', r.text)
            self.assertIn('href="/c/%s/"' % slug, r.text)
            self.assertEqual(r.text.count("Sin plan aprobado"), 0)
            c.login(second.group(1), second.group(2))
            r = c.get("/api/activities")
            self.assertEqual(r.status, 200)
            self.assertGreater(len(r.json()), 0)
            ids = ",".join(str(a["id"]) for a in r.json())
            self.assertEqual(query_one(db, "SELECT count(DISTINCT council_id) FROM "
                                           "activities WHERE id IN (%s)" % ids), "1")
            self.assertEqual(query_one(db, "SELECT council_id FROM activities WHERE id "
                                           "= %s" % r.json()[0]["id"]), "2")
            self.assertIn("Consejeros", c.get("/c/%s/admin/integrantes" % slug).text)
            self.assertEqual(c.get("/c/cosoc-minvu-serviu-coquimbo/admin/integrantes")
                             .status, 403)
            c.close()
            n = server.client()
            n.login(national.group(1), national.group(2))
            self.assertIn('id="consejos-lineas"', n.get("/consejos").text)
            n.close()


    def test_the_api_pages_of_another_council_link_to_that_council(self):
        """The Link of a council's API list, asked by ?council=ID or under
        /c/SLUG/, dropped the council: the national team's next page was
        the first council's."""
        tmp = tempfile.mkdtemp(prefix="cosoc-councils-")
        self.addCleanup(shutil.rmtree, tmp, True)
        db = new_database(tmp)
        self.addCleanup(drop_database, db)
        out = run_cli("demo", "--db", db, "--councils", "2", check=0).stdout
        national = re.search(r"Equipo nacional: (\S+)\nSu contraseña: (\S+)", out)
        slug = re.search(r"Consejo 2: .*, en /c/([a-z0-9-]+)/", out).group(1)
        with Server(db) as server:
            n = server.client()
            n.login(national.group(1), national.group(2))
            for path in ("/api/members", "/api/agreements", "/api/activities"):
                whole = [x["id"] for x in n.get(path + "?council=2").json()]
                self.assertGreater(len(whole), 2, path)
                for first in (path + "?council=2&limit=2", "/c/%s%s?limit=2" % (slug, path)):
                    walked, url = [], first
                    while url:
                        r = n.get(url)
                        self.assertEqual(r.status, 200, url)
                        walked += [x["id"] for x in r.json()]
                        links = dict((rel, u) for u, rel in re.findall(
                            r'<([^>]+)>; rel="(\w+)"', r.header("Link") or ""))
                        url = links.get("next")
                    self.assertEqual(walked, whole, first)
            n.close()


class NationalViewKept(ServerTestCase):
    """The national view computes every council's compliance, so it is kept
    in the render cache (issue 22); yet every write shows at once, from any
    process, and the national team's copy never reaches the public."""

    def test_the_kept_national_view_follows_every_write_at_once(self):
        db = self.demo.path
        c = self.client()
        first = c.get("/consejos").text
        self.assertEqual(c.get("/consejos").text, first)
        # A council added from the command line (the installation's data)
        out = run_cli("council", "add", "--db", db, "--name",
                      "Consejo de la Sociedad Civil SERVIU Aysén", "--short-name",
                      "COSOC Serviu Aysén", "--region", "11", check=0).stdout
        cid = int(out.strip().splitlines()[-1])
        slug = query_one(db, "SELECT slug FROM councils WHERE id = ?", (cid,))

        def row(text):
            m = re.search(r'<tr data-council="%s">(.*?)</tr>' % slug, text)
            self.assertIsNotNone(m, "no row for %s" % slug)
            return m.group(1)

        self.assertIn("Sin plan aprobado", row(c.get("/consejos").text))
        # The national team's copy (every council's lines) is its own: an
        # administrator of no council, once there are several
        run_cli("user", "add", "--db", db, "--email", "nacional@example.cl", "--name",
                "Equipo Nacional", "--role", "admin",
                env={"COSOC_PASSWORD": "clave-de-prueba-1"}, check=0)
        n = self.client()
        n.login("nacional@example.cl", "clave-de-prueba-1")
        self.assertIn('id="consejos-lineas"', n.get("/consejos").text)
        self.assertNotIn('id="consejos-lineas"', c.get("/consejos").text)
        # A write to that council's own data (its plan approved, by another
        # process): its row shows the plan on the very next request
        run_cli("import-plan", SEED, "--db", db, "--council", str(cid), "--approve",
                check=0)
        now = row(c.get("/consejos").text)
        self.assertNotIn("Sin plan aprobado", now)
        self.assertIn('data-state="sin_iniciar">', now)
        self.assertIn('href="/c/%s/"' % slug, n.get("/consejos").text.split(
            'id="consejos-lineas"')[1])


class OneCouncil(ServerTestCase):
    """With one council every address works as before, and under its
    /c/SLUG/ prefix too."""

    def test_the_old_addresses_and_the_prefixed_ones_answer_alike(self):
        slug = query_one(self.demo.path, "SELECT slug FROM councils")
        self.assertEqual(slug, "cosoc-minvu-serviu-coquimbo")
        c = self.client()
        for page in ("/", "/plan", "/calendario", "/integrantes", "/actas"):
            plain, prefixed = c.get(page), c.get("/c/%s%s" % (slug, page))
            self.assertEqual((plain.status, prefixed.status), (200, 200), page)
        self.assertEqual(c.get("/api/plan").json(),
                         c.get("/c/%s/api/plan" % slug).json())
        self.assertIn('href="/plan"', c.get("/").text)
        self.assertIn('href="/c/%s/plan"' % slug, c.get("/c/%s/" % slug).text)
        admin = self.admin()
        r = admin.get("/c/%s/admin/integrantes" % slug)
        self.assertEqual(r.status, 200)
        # A redirect keeps the prefix
        r = self.client().get("/c/%s/admin/integrantes" % slug)
        self.assertEqual(r.status, 303)
        self.assertTrue(r.header("Location").startswith("/c/%s/login" % slug),
                        r.header("Location"))


if __name__ == "__main__":
    unittest.main()
