"""
The server's own defences (issue 15, items 1 and 8):

- every route of the route table, walked again and again on one server
  thread whose statement cache is tiny (so statements are evicted all the
  time), answers exactly what a server with the normal cache answers;
- ids in paths and queries are parsed strictly: /api/agreements/2abc is no
  agreement 2;
- links in mail and calendars come from --public-url, never from the Host
  header; without it the server warns and uses its listen address;
- a client that trickles its request headers is cut off after the
  header-read deadline while ordinary clients are served.
"""
import glob
import os
import random
import re
import shutil
import socket
import tempfile
import time
import unittest

import support
from support import ROOT, Demo, Server, ServerTestCase, query_one, run_cli
from test_activities import SESSION


def route_table():
    """(pattern, methods) of every route, read from the route table."""
    files = glob.glob(os.path.join(ROOT, "src", "**", "routes.c"), recursive=True)
    assert files, "no routes.c under src/"
    text = open(files[0], encoding="utf-8").read()
    # Each row: pattern, who may GET, who may POST (NONE: not that method).
    rows = re.findall(r'\{"(/[^"]*)",\s*(\w+),\s*(\w+),', text)
    return [(p, " | ".join(m for m, who in (("GET", g), ("POST", po)) if who != "NONE"))
            for p, g, po in rows]


def first_id(db, table, where=""):
    v = query_one(db, "SELECT min(id) FROM %s %s" % (table, where))
    return v or "1"


def fill(pattern, ids):
    """A path for pattern with each ':' segment replaced by a real value,
    chosen by the segment before it."""
    parts = pattern.strip("/").split("/")
    out = []
    for i, p in enumerate(parts):
        if p == ":":
            key = "/".join(parts[:i])
            p = ids.get(key, "1")
        out.append(p)
    return "/" + "/".join(out)


def normalized(resp):
    """What must be the same from both servers: the status, the type and,
    for text, the body without what is random per request."""
    ctype = (resp.header("Content-Type") or "").split(";")[0]
    if not (ctype.startswith("text/") or ctype == "application/json"):
        return (resp.status, ctype, None)
    text = resp.text
    text = re.sub(r'name="csrf_token" value="[^"]*"', "CSRF", text)
    text = re.sub(r'name="csrf-token" content="[^"]*"', "CSRF", text)
    text = re.sub(r"(?m)^DTSTAMP:.*$", "DTSTAMP", text)
    return (resp.status, ctype, text)


class RouteWalkWithEvictions(unittest.TestCase):
    """A tiny statement cache on one thread: every request evicts, and
    statements held across other statements (a list and, inside its loop,
    a lookup) must still run their own SQL."""

    def setUp(self):
        self.tmpdir = tempfile.mkdtemp(prefix="cosoc-walk-")
        self.addCleanup(shutil.rmtree, self.tmpdir, True)
        self.demo = Demo(self.tmpdir)
        self.addCleanup(support.drop_database, self.demo.path)

    def serve(self, env):
        srv = Server(self.demo.path, extra_args=["--threads", "1", "--public-url",
                                                 "https://cosoc.example.cl"], env=env)
        srv.start()
        self.addCleanup(lambda: srv.proc and srv.stop())
        return srv

    def test_every_route_answers_the_same_with_a_tiny_statement_cache(self):
        db = self.demo.path
        held = query_one(db, "SELECT min(activity_id) FROM attendance") or first_id(db, "activities")
        ids = {
            "admin/usuarios": first_id(db, "users"),
            "static": "style.css",
            "admin/integrantes": first_id(db, "members"),
            "admin/organizaciones": first_id(db, "organizations"),
            "admin/directorio": first_id(db, "directory_entries"),
            "api/territory/regions": "04",
            "plan/lineas": "1", "admin/plan/lineas": "1", "api/plan/versions": "1",
            "actividades": held, "api/activities": held,
            "evidencias": first_id(db, "evidence_items"),
            "acuerdos": first_id(db, "agreements"), "api/agreements": first_id(db, "agreements"),
            "calendario/privado": "x" * 43, "r": "y" * 43,
        }
        # The audit log and what shows it (a person's data: who changed it,
        # exports included) grow with the walk itself: each export is logged.
        grows = ("/api/audit", "/admin/auditoria", "/datos", "/data")
        gets = [fill(p, ids) for p, m in route_table()
                if "GET" in m and not p.endswith(".zip")
                and not any(g in p for g in grows)]
        self.assertGreater(len(gets), 60)
        # A second activity too, so that lists and pages differ in what they hold.
        other = query_one(db, "SELECT max(id) FROM activities")
        gets += ["/actividades/%s" % other, "/api/activities/%s" % other,
                 "/actividades/%s/acta" % other, "/api/activities?line=9"]
        ref = self.serve({})
        tiny = self.serve({"COSOC_TEST_STMT_CACHE": "3"})
        clients = {}
        for name, srv in (("ref", ref), ("tiny", tiny)):
            anon, admin = srv.client(), srv.client()
            admin.login(self.demo.email, self.demo.password)
            self.addCleanup(anon.close)
            self.addCleanup(admin.close)
            clients[name] = (anon, admin)
        token = run_cli("token", "create", "--db", db, "--email", self.demo.email,
                        check=0).stdout.strip()
        bearer = {"Authorization": "Bearer " + token}
        rng = random.Random(15)
        for round_ in range(3):
            order = gets[:]
            rng.shuffle(order)
            for path in order:
                for who in (0, 1):
                    want = normalized(clients["ref"][who].get(path))
                    got = normalized(clients["tiny"][who].get(path))
                    self.assertEqual(got, want, "%s (%s, round %d)" %
                                     (path, ("anónimo", "admin")[who], round_))
            # Safe POSTs: refused input, nothing written, same answer.
            for path, body in (("/api/activities", {}), ("/api/agreements", {}),
                               ("/api/activities/%s/attendance" % held, [{"member_id": "x"}])):
                want = clients["ref"][1].request("POST", path, json_body=body, headers=bearer)
                got = clients["tiny"][1].request("POST", path, json_body=body, headers=bearer)
                self.assertEqual(normalized(got), normalized(want), path)
        self.assertNotIn("error de base de datos", tiny.output())


class StrictIds(ServerTestCase):
    def test_ids_with_trailing_text_are_not_found(self):
        agreements = self.api("GET", "/api/agreements").json()
        self.assertTrue(agreements, "the demo has agreements")
        aid = agreements[0]["id"]
        self.assertEqual(self.api("GET", "/api/agreements/%d" % aid).status, 200)
        for path in ("/api/agreements/%dabc" % aid, "/api/agreements/0%d" % aid + "x",
                     "/api/agreements/-%d" % aid, "/api/agreements/+%d" % aid,
                     "/api/agreements/%d.0" % aid):
            r = self.api("GET", path)
            self.assertEqual(r.status, 404, path)
            self.assertIn("error", r.json())
        act = self.api("POST", "/api/activities", SESSION).json()["id"]
        c = self.admin()
        for path in ("/actividades/%dabc" % act, "/api/activities/%dx" % act,
                     "/acuerdos/%dz" % aid, "/api/plan/versions/1x", "/plan/lineas/1x",
                     "/evidencias/1x", "/admin/integrantes/1x", "/admin/usuarios/1x"):
            self.assertEqual(c.get(path).status, 404, path)
        self.assertEqual(self.api("GET", "/api/activities?line=9x").status, 400)
        self.assertEqual(self.api("GET", "/api/agreements?session=2abc").status, 400)
        self.assertEqual(self.api("GET", "/api/plan?council=1x").status, 400)


class PublicUrl(unittest.TestCase):
    def setUp(self):
        self.tmpdir = tempfile.mkdtemp(prefix="cosoc-url-")
        self.addCleanup(shutil.rmtree, self.tmpdir, True)
        self.demo = Demo(self.tmpdir)
        self.addCleanup(support.drop_database, self.demo.path)

    def test_links_come_from_the_public_url_never_from_host(self):
        srv = Server(self.demo.path, extra_args=["--public-url", "https://cosoc.example.cl/"])
        srv.start()
        self.addCleanup(lambda: srv.proc and srv.stop())
        c = srv.client()
        self.addCleanup(c.close)
        r = c.get("/calendario.ics", headers={"Host": "atacante.example"})
        self.assertEqual(r.status, 200)
        urls = re.findall(r"(?m)^URL[^:]*:(\S+)", r.text.replace("\r\n ", ""))
        self.assertTrue(urls, r.text[:500])
        for u in urls:
            self.assertTrue(u.startswith("https://cosoc.example.cl/actividades/"), u)
        self.assertNotIn("atacante", r.text)
        self.assertNotIn("aviso: falta --public-url", srv.output())

    def test_without_it_the_listen_address_is_used_and_the_server_warns(self):
        srv = Server(self.demo.path)
        srv.start()
        self.addCleanup(lambda: srv.proc and srv.stop())
        c = srv.client()
        self.addCleanup(c.close)
        r = c.get("/calendario.ics", headers={"Host": "atacante.example"})
        self.assertNotIn("atacante", r.text)
        self.assertIn("http://127.0.0.1:%d/actividades/" % srv.port,
                      r.text.replace("\r\n ", ""))
        self.assertIn("falta --public-url", srv.output())

    def test_help_documents_it_and_a_bad_one_is_refused(self):
        out = run_cli("serve", "--help", check=0).stdout
        self.assertIn("--public-url", out)
        self.assertIn("COSOC_PUBLIC_URL", out)
        self.assertIn("--header-timeout", out)
        p = run_cli("serve", "--db", self.demo.path, "--public-url", "cosoc.example.cl",
                    check=2)
        self.assertIn("--public-url", p.stderr)


class SlowClients(unittest.TestCase):
    def setUp(self):
        self.tmpdir = tempfile.mkdtemp(prefix="cosoc-slow-")
        self.addCleanup(shutil.rmtree, self.tmpdir, True)
        self.demo = Demo(self.tmpdir)
        self.addCleanup(support.drop_database, self.demo.path)

    def test_trickled_headers_are_cut_off_and_others_still_served(self):
        srv = Server(self.demo.path, extra_args=["--header-timeout", "2"])
        srv.start()
        self.addCleanup(lambda: srv.proc and srv.stop())
        slow = []
        for _ in range(30):
            s = socket.create_connection(("127.0.0.1", srv.port), timeout=10)
            s.sendall(b"GET / HTTP/1.1\r\nHost: t\r\n")
            slow.append(s)
        self.addCleanup(lambda: [s.close() for s in slow])
        closed = set()
        t0 = time.time()
        served = 0
        # Each slow client sends a header line every half second: never
        # idle, so an idle timeout alone would never end them.
        while time.time() - t0 < 8 and len(closed) < len(slow):
            for i, s in enumerate(slow):
                if i in closed:
                    continue
                try:
                    s.sendall(b"X-Lento-%d: si\r\n" % i)
                except OSError:
                    closed.add(i)
            c = srv.client()
            r = c.get("/static/favicon.svg")
            c.close()
            served += r.status == 200
            time.sleep(0.5)
        for i, s in enumerate(slow):
            if i in closed:
                continue
            s.settimeout(0.5)
            try:
                if s.recv(100) == b"":
                    closed.add(i)
            except socket.timeout:
                pass
            except OSError:
                closed.add(i)
        elapsed = time.time() - t0
        self.assertEqual(len(closed), len(slow), "slow clients still open after %.1fs"
                         % elapsed)
        self.assertGreater(served, 2)
        # A keep-alive connection that asks in time is never cut: the
        # deadline counts from each previous answer (a raw socket, since
        # the test client would silently reconnect).
        s = socket.create_connection(("127.0.0.1", srv.port), timeout=10)
        self.addCleanup(s.close)
        for _ in range(4):
            s.sendall(b"GET /static/favicon.svg HTTP/1.1\r\nHost: t\r\n\r\n")
            data = b""
            while b"</svg>" not in data:
                chunk = s.recv(65536)
                self.assertTrue(chunk, "keep-alive connection closed")
                data += chunk
            self.assertTrue(data.startswith(b"HTTP/1.1 200"), data[:80])
            time.sleep(1.2)


class HeldStatementsWithEvictions(unittest.TestCase):
    """Accepting an invitation prepares two statements and runs both (link
    the member, spend the invitation): with a tiny cache, the second
    prepare evicts. Each must still run its own SQL."""

    def setUp(self):
        self.tmpdir = tempfile.mkdtemp(prefix="cosoc-held-")
        self.addCleanup(shutil.rmtree, self.tmpdir, True)
        self.demo = Demo(self.tmpdir)
        self.addCleanup(support.drop_database, self.demo.path)

    def test_invitations_accepted_with_a_tiny_cache_link_the_right_records(self):
        from test_people import PeopleCase, rut
        srv = Server(self.demo.path, extra_args=["--threads", "1"],
                     env={"COSOC_TEST_STMT_CACHE": "3"})
        srv.start()
        self.addCleanup(lambda: srv.proc and srv.stop())
        admin = srv.client()
        self.addCleanup(admin.close)
        admin.login(self.demo.email, self.demo.password)
        for i in range(3):
            token = admin.csrf_from("/admin/integrantes/nuevo")
            email = "held%d@example.cl" % i
            form = PeopleCase.member_form(None, run=rut(23456780 + i), correo=email,
                                          nombres="Retenida %d" % i)
            form["csrf_token"] = token
            r = admin.post("/admin/integrantes/nuevo", form=form)
            self.assertEqual(r.status, 303, r.text[:500])
            member_path = r.header("Location").split("?")[0]
            member = member_path.rsplit("/", 1)[1]
            # Other pages between, so the cache holds other statements.
            for path in ("/admin/integrantes", "/plan", member_path):
                admin.get(path)
            inv = admin.post(member_path + "/invitar", form={"csrf_token": token})
            secret = re.search(r"/invitacion\?t=([A-Za-z0-9_-]{43})", inv.text).group(1)
            guest = srv.client()
            gtoken = guest.csrf_from("/invitacion?t=" + secret)
            ok = guest.post("/invitacion", form={"csrf_token": gtoken, "t": secret,
                                                 "password": "faro del norte 77",
                                                 "password_confirm": "faro del norte 77"})
            guest.close()
            self.assertEqual(ok.status, 303, ok.text[:500])
            uid = query_one(self.demo.path, "SELECT id FROM users WHERE email = ?", (email,))
            self.assertEqual(query_one(self.demo.path, "SELECT user_id FROM members "
                                       "WHERE id = ?", (member,)), uid)
            self.assertEqual(query_one(self.demo.path, "SELECT count(*) FROM "
                                       "member_invitations WHERE member_id = ? AND "
                                       "used_at IS NULL", (member,)), "0")
        self.assertNotIn("error de base de datos", srv.output())
