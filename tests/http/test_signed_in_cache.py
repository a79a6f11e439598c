"""
Signed-in pages from memory (issue 22). Each server keeps the sessions and
API tokens it has checked, the councils and who belongs to them in memory,
trusted only while the installation's auth version (migration 0050) is the
one they were read at; every request reads that version once. The
dashboard comes from the page cache keyed by council, role and data
version, with the greeting and the session's CSRF token written per
request.

Two servers on one database (one SQLite file shared by two processes, or
one PostgreSQL database): whatever ends a session or changes an account on
server A, or through the command line, is refused or seen by server B on
the very next request, although B had just served that session from
memory. And no cached signed-in page reaches another user, role or
council.
"""
import os
import re
import unittest

from support import ServerTestCase, TwoServerTestCase, query_one, run_cli
from test_page_cache import run_sql as execute

PASSWORD = "clave-de-prueba-1"


def csrf_of(text):
    m = re.search(r'name="csrf_token" value="([^"]+)"', text)
    return m.group(1) if m else None


class TwoServersOneDatabase(TwoServerTestCase):
    """Server A is the class's server; B (self.other) serves the same
    database."""

    n = 0

    def new_user(self, role="consejero"):
        """A new account (its e-mail) made with the command line."""
        cls = type(self)
        cls.n += 1
        email = "persona%d@ejemplo.cl" % cls.n
        self.add_user(email, "Persona %d" % cls.n, role)
        return email

    def on_b(self, client_a):
        """A client of server B holding client_a's cookies: the same
        session, on the other server."""
        b = self.other.client()
        self.addCleanup(b.close)
        b.cookies = dict(client_a.cookies)
        return b

    def signed_in_pair(self, role="consejero"):
        email = self.new_user(role)
        a = self.client()
        a.login(email, PASSWORD)
        b = self.on_b(a)
        # Twice on B: the second answer comes from B's memory.
        for _ in range(2):
            r = b.get("/api/me")
            self.assertEqual(r.status, 200, r.text)
            self.assertEqual(r.json()["email"], email)
        return email, a, b

    def assert_refused(self, b):
        r = b.get("/api/me")
        self.assertEqual(r.status, 401, r.text)
        page = b.get("/")
        self.assertNotIn('action="/logout"', page.text)

    def test_sign_out_on_a_is_refused_on_b_at_once(self):
        _, a, b = self.signed_in_pair()
        token = csrf_of(a.get("/").text)
        r = a.post("/logout", form={"csrf_token": token})
        self.assertIn(r.status, (200, 303))
        self.assert_refused(b)

    def test_disabling_on_a_ends_the_session_on_b_at_once(self):
        email, _, b = self.signed_in_pair()
        admin = self.admin()
        uid = int(query_one(self.demo.path, "SELECT id FROM users WHERE email = ?",
                            (email,)))
        page = admin.get("/admin/usuarios/%d" % uid)
        r = admin.post("/admin/usuarios/%d" % uid,
                       form={"accion": "desactivar", "csrf_token": csrf_of(page.text)})
        self.assertEqual(r.status, 303, r.text[:300])
        self.assert_refused(b)
        # Enabled again, the old session stays ended.
        run_cli("user", "enable", "--db", self.demo.path, "--email", email, check=0)
        self.assert_refused(b)

    def test_disabling_from_the_command_line_is_seen_at_once(self):
        email, _, b = self.signed_in_pair()
        run_cli("user", "disable", "--db", self.demo.path, "--email", email, check=0)
        self.assert_refused(b)

    def test_a_role_change_counts_on_the_next_request(self):
        email, _, b = self.signed_in_pair("consejero")
        self.assertEqual(b.get("/admin/usuarios").status, 403)
        run_cli("user", "role", "--db", self.demo.path, "--email", email,
                "--role", "admin", check=0)
        self.assertEqual(b.get("/api/me").json()["role"], "admin")
        self.assertEqual(b.get("/admin/usuarios").status, 200)
        run_cli("user", "role", "--db", self.demo.path, "--email", email,
                "--role", "consejero", check=0)
        self.assertEqual(b.get("/admin/usuarios").status, 403)
        self.assertEqual(b.get("/api/me").json()["role"], "consejero")

    def test_a_password_change_on_a_ends_the_other_sessions_on_b(self):
        email, a, b = self.signed_in_pair()
        other = self.other.client()
        self.addCleanup(other.close)
        other.login(email, PASSWORD)
        self.assertEqual(other.get("/api/me").status, 200)
        self.assertEqual(other.get("/api/me").status, 200)
        page = a.get("/cuenta")
        r = a.post("/cuenta/clave", form={
            "csrf_token": csrf_of(page.text), "current_password": PASSWORD,
            "new_password": "otra-clave-larga-9", "new_password_confirm":
            "otra-clave-larga-9"})
        self.assertIn(r.status, (200, 303), r.text[:300])
        self.assertEqual(a.get("/api/me").status, 200)  # The one that changed it
        self.assert_refused(other)

    def test_a_revoked_token_is_refused_on_b_at_once(self):
        email = self.new_user("admin")
        token = self.token_for(email)
        b = self.other.client()
        self.addCleanup(b.close)
        auth = {"Authorization": "Bearer " + token}
        for _ in range(2):
            self.assertEqual(b.get("/api/me", headers=auth).status, 200)
        run_cli("token", "revoke", "--db", self.demo.path, "--email", email, check=0)
        self.assertEqual(b.get("/api/me", headers=auth).status, 401)

    def test_a_name_changed_by_hand_shows_on_the_next_request(self):
        email, _, b = self.signed_in_pair()
        execute(self.demo.path,
                "UPDATE users SET name = 'Nombre Nuevo' WHERE email = '%s'" % email)
        self.assertEqual(b.get("/api/me").json()["name"], "Nombre Nuevo")
        self.assertIn("Hola, Nombre Nuevo", b.get("/").text)

    def test_a_session_deleted_by_hand_is_refused(self):
        email, _, b = self.signed_in_pair()
        execute(self.demo.path,
                "DELETE FROM sessions WHERE user_id = (SELECT id FROM users "
                "WHERE email = '%s')" % email)
        self.assert_refused(b)


class AuthVersionTriggers(ServerTestCase):
    """What bumps the auth version, and what must not (it would empty every
    server's memory of sessions for nothing)."""

    def version(self):
        return int(query_one(self.demo.path, "SELECT n FROM auth_version WHERE id = 1"))

    def assert_bumps(self, sql, bumps=True):
        before = self.version()
        execute(self.demo.path, sql)
        after = self.version()
        if bumps:
            self.assertGreater(after, before, sql)
        else:
            self.assertEqual(after, before, sql)

    def test_writes_that_change_who_may_do_what_bump_it(self):
        email = "triggers@ejemplo.cl"
        self.add_user(email, "Persona de los triggers", "consejero")
        uid = query_one(self.demo.path, "SELECT id FROM users WHERE email = ?", (email,))
        c = self.client()
        c.login(email, PASSWORD)
        token = self.token_for(email)
        self.assertTrue(token)
        council = query_one(self.demo.path, "SELECT min(id) FROM councils")
        member = query_one(self.demo.path, "SELECT min(id) FROM members")
        # A session touched (as every few minutes) or a token used: no bump.
        self.assert_bumps("UPDATE sessions SET last_seen_at = last_seen_at + 1, "
                          "expires_at = expires_at + 1 WHERE user_id = %s" % uid, False)
        self.assert_bumps("UPDATE api_tokens SET last_used_at = 1 WHERE user_id = %s"
                          % uid, False)
        # A member's phone: no; their office, or the account they are: yes.
        self.assert_bumps("UPDATE members SET phone = '+56 9 1234 5678' WHERE id = %s"
                          % member, False)
        self.assert_bumps("UPDATE members SET status = status WHERE id = %s" % member,
                          False)
        self.assert_bumps("UPDATE members SET term_end = '2001-01-01' WHERE id = %s"
                          % member)
        self.assert_bumps("UPDATE members SET user_id = %s WHERE id = %s" % (uid, member))
        self.assert_bumps("UPDATE users SET role = 'autoridad' WHERE id = %s" % uid)
        self.assert_bumps("DELETE FROM council_members WHERE user_id = %s" % uid)
        self.assert_bumps("INSERT INTO council_members(user_id, council_id, role, "
                          "created_at) VALUES (%s, %s, 'consejero', 1)" % (uid, council))
        self.assert_bumps("UPDATE council_members SET role = 'admin' WHERE user_id = %s"
                          % uid)
        self.assert_bumps("UPDATE councils SET short_name = short_name || ' ' "
                          "WHERE id = %s" % council)
        self.assert_bumps("UPDATE sessions SET council_id = %s WHERE user_id = %s"
                          % (council, uid))
        self.assert_bumps("UPDATE api_tokens SET revoked_at = 1 WHERE user_id = %s" % uid)
        self.assert_bumps("DELETE FROM sessions WHERE user_id = %s" % uid)


class CachedDashboardIsolation(ServerTestCase):
    """The cached dashboard never reaches another user, role or council:
    the greeting names the one who asks, the sign-out form carries their
    own session's CSRF token, the officer's cards show to the officer
    only, and another council's page is not theirs."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.add_user("consejera@ejemplo.cl", "Consejera Uno", "consejero")
        cls.add_user("consejero2@ejemplo.cl", "Consejero Dos", "consejero")
        out = run_cli("council", "add", "--db", cls.demo.path, "--name",
                      "Consejo de la Sociedad Civil de Prueba", "--short-name",
                      "COSOC Prueba", "--region", "05", check=0).stdout
        cls.council2 = int(out.strip().splitlines()[-1])
        cls.slug2 = query_one(cls.demo.path, "SELECT slug FROM councils WHERE id = ?",
                              (cls.council2,))
        cls.slug1 = query_one(cls.demo.path, "SELECT slug FROM councils WHERE id <> ? "
                              "ORDER BY id LIMIT 1", (cls.council2,))
        run_cli("user", "add", "--db", cls.demo.path, "--email", "otra@ejemplo.cl",
                "--name", "Encargada Otra", "--role", "admin", "--council",
                str(cls.council2), env={"COSOC_PASSWORD": PASSWORD}, check=0)

    def signed_in(self, email, password=PASSWORD):
        c = self.client()
        c.login(email, password)
        return c

    def test_each_user_gets_their_greeting_and_their_own_csrf_token(self):
        one = self.signed_in("consejera@ejemplo.cl")
        two = self.signed_in("consejero2@ejemplo.cl")
        path = "/c/%s/" % self.slug1
        pages = {}
        for _ in range(2):  # The second round is served from the cache
            pages["one"] = one.get(path).text
            pages["two"] = two.get(path).text
        self.assertIn("Hola, Consejera Uno", pages["one"])
        self.assertNotIn("Consejero Dos", pages["one"])
        self.assertIn("Hola, Consejero Dos", pages["two"])
        self.assertNotIn("Consejera Uno", pages["two"])
        t1, t2 = csrf_of(pages["one"]), csrf_of(pages["two"])
        self.assertTrue(t1 and t2)
        self.assertNotEqual(t1, t2)
        # The other's token does not sign this one out; its own does.
        self.assertEqual(one.post("/logout", form={"csrf_token": t2}).status, 403)
        self.assertEqual(one.get("/api/me").status, 200)
        self.assertIn(one.post("/logout", form={"csrf_token": t1}).status, (200, 303))
        self.assertEqual(one.get("/api/me").status, 401)
        self.assertEqual(two.get("/api/me").status, 200)

    def test_the_officers_cards_show_to_the_officer_only(self):
        path = "/c/%s/" % self.slug1
        admin = self.admin()
        councillor = self.signed_in("consejero2@ejemplo.cl")
        for _ in range(2):
            a = admin.get(path).text
            c = councillor.get(path).text
        self.assertIn('href="%s/admin/usuarios"' % path.rstrip("/"), a)
        self.assertIn("Datos personales", a)
        self.assertNotIn("/admin/usuarios", c)
        self.assertNotIn("Datos personales", c)
        self.assertIn("informe-cumplimiento.pdf", c)

    def test_another_councils_dashboard_is_not_served_to_its_outsiders(self):
        other = self.signed_in("otra@ejemplo.cl")
        mine = other.get("/c/%s/" % self.slug2)
        self.assertEqual(mine.status, 200)
        self.assertIn("Hola, Encargada Otra", mine.text)
        self.assertIn("/admin/usuarios", mine.text)
        # The first council's page, after its officer warmed the cache: the
        # other council's officer is nobody there.
        admin = self.admin()
        admin.get("/c/%s/" % self.slug1)
        theirs = other.get("/c/%s/" % self.slug1)
        self.assertIn("Hola, Encargada Otra", theirs.text)
        self.assertNotIn("/c/%s/admin/usuarios" % self.slug1, theirs.text)
        self.assertNotIn("Datos personales", theirs.text)
        # Signed in with no role there, they have the public's role bits but
        # not the public's page, and the public never gets theirs.
        visitor = self.client()
        public = visitor.get("/c/%s/" % self.slug1).text
        self.assertIn("¿Integra el consejo?", public)
        self.assertNotIn("Hola,", public)
        self.assertNotIn("¿Integra el consejo?", other.get("/c/%s/" % self.slug1).text)
        self.assertIn("¿Integra el consejo?", visitor.get("/c/%s/" % self.slug1).text)



class CachedPlanPageForm(ServerTestCase):
    """The plan page is cached for the officer too: the approve button's
    form carries each session's own CSRF token, put in per request."""

    def test_each_officer_approves_with_their_own_token(self):
        from test_plan import seed_text
        changed = seed_text().replace("Realizar a los menos 5 reuniones",
                                      "Realizar a lo menos 7 reuniones")
        path = os.path.join(self.tmpdir, "plan-cambiado.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(changed)
        run_cli("import-plan", path, "--db", self.demo.path, check=0)
        new = int(query_one(self.demo.path, "SELECT max(number) FROM plan_versions"))
        self.add_user("segunda@ejemplo.cl", "Segunda Encargada", "admin")
        first, second = self.admin(), self.client()
        second.login("segunda@ejemplo.cl", PASSWORD)
        button = "Aprobar versión %d" % new
        tokens = {}
        for _ in range(2):  # The second round from the cache
            for name, c in (("first", first), ("second", second)):
                page = c.get("/plan").text
                self.assertIn(button, page)
                self.assertNotIn("cosoc:csrf", page)
                form = page[page.index('action="/admin/plan/aprobar"'):]
                tokens.setdefault(name, set()).add(csrf_of(form))
        self.assertEqual(len(tokens["first"]), 1)
        self.assertEqual(len(tokens["second"]), 1)
        mine, theirs = tokens["first"].pop(), tokens["second"].pop()
        self.assertNotEqual(mine, theirs)
        # The public never sees the button.
        self.assertNotIn(button, self.client().get("/plan").text)
        r = first.post("/admin/plan/aprobar", form={"version": str(new),
                                                    "csrf_token": theirs})
        self.assertEqual(r.status, 403)
        r = second.post("/admin/plan/aprobar", form={"version": str(new),
                                                     "csrf_token": theirs})
        self.assertEqual(r.status, 303)
        self.assertNotIn(button, first.get("/plan").text)


if __name__ == "__main__":
    unittest.main()
