"""
Account lifecycle (issue 15, item 5) as the officer and the operator see it:
tokens revoked and listed with their dates, accounts disabled (sessions and
tokens end at once) and enabled, roles changed, from the terminal and from
the users page; passwords reset by an e-mailed single-use link that
expires; a councillor who leaves office loses access; common passwords and
passwords made of one's own name or e-mail refused.
"""
import datetime
import re
import shutil
import sqlite3
import subprocess
import tempfile
import time
import unittest
import uuid

import support
from smtp_sink import SmtpSink
from support import (PSQL, Demo, Server, ServerTestCase, query_one, run_cli)
from test_people import PeopleCase, rut


def exec_sql(target, sql, params=()):
    """Runs one writing statement on the database at target (SQLite file or
    PostgreSQL URL); parameters are `?`."""
    if target.startswith("postgresql://"):
        args = [PSQL, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", target]
        for i, value in enumerate(params):
            args += ["-v", "p%d=%s" % (i, value)]
        n = [0]

        def var(_):
            n[0] += 1
            return ":'p%d'" % (n[0] - 1)
        subprocess.run(args, input=re.sub(r"\?", var, sql), check=True,
                       capture_output=True, text=True, timeout=60)
        return
    with sqlite3.connect(target) as db:
        db.execute(sql, params)


def user_id(target, email):
    return int(query_one(target, "SELECT id FROM users WHERE email = ?", (email,)))


class CommandLine(ServerTestCase):
    def test_every_new_subcommand_has_help(self):
        for args in (("user", "disable"), ("user", "enable"), ("user", "role"),
                     ("user", "list"), ("token", "revoke"), ("token", "list")):
            out = run_cli(*args, "--help", check=0).stdout
            self.assertIn("Uso: cosoc %s" % " ".join(args), out)
        self.assertIn("disable", run_cli("user", "--help", check=0).stdout)
        self.assertIn("revoke", run_cli("token", "--help", check=0).stdout)

    def test_token_revoke_by_prefix_and_all(self):
        email = "tokens.%s@example.cl" % uuid.uuid4().hex[:6]
        self.add_user(email, "Dueña Tokens", "admin")
        t1, t2, t3 = (self.token_for(email) for _ in range(3))
        for t in (t1, t2, t3):
            self.assertEqual(self.api("GET", "/api/me", token=t).status, 200)
        listed = run_cli("token", "list", "--db", self.demo.path, "--email", email,
                         check=0).stdout
        self.assertEqual(len(listed.strip().splitlines()), 3)
        self.assertIn(t1[:8], listed)
        self.assertNotIn(t1, listed)  # Never the token itself
        out = run_cli("token", "revoke", "--db", self.demo.path, "--email", email,
                      "--token", t1[:8], check=0).stdout
        self.assertIn("1", out)
        self.assertEqual(self.api("GET", "/api/me", token=t1).status, 401)
        self.assertEqual(self.api("GET", "/api/me", token=t2).status, 200)
        # Naming nothing is refused; a prefix too short is bad usage.
        run_cli("token", "revoke", "--db", self.demo.path, "--email", email,
                "--token", "zzzzzzzz", check=1)
        run_cli("token", "revoke", "--db", self.demo.path, "--email", email,
                "--token", "ab", check=2)
        run_cli("token", "revoke", "--db", self.demo.path, "--email", email, check=0)
        self.assertEqual(self.api("GET", "/api/me", token=t2).status, 401)
        self.assertEqual(self.api("GET", "/api/me", token=t3).status, 401)
        run_cli("token", "revoke", "--db", self.demo.path, "--email",
                "nadie@example.cl", check=1)

    def test_disable_ends_sessions_and_tokens_and_enable_restores_sign_in(self):
        email = "baja.%s@example.cl" % uuid.uuid4().hex[:6]
        password = self.add_user(email, "Persona de Baja", "consejero")
        token = self.token_for(email)
        c = self.client()
        c.login(email, password)
        self.assertEqual(c.get("/cuenta").status, 200)
        run_cli("user", "disable", "--db", self.demo.path, "--email", email, check=0)
        self.assertEqual(c.get("/cuenta").status, 303)  # Session gone at once
        self.assertEqual(self.api("GET", "/api/me", token=token).status, 401)
        fresh = self.client()
        tok = fresh.csrf_from("/login")
        r = fresh.post("/login", form={"email": email, "password": password,
                                       "csrf_token": tok})
        self.assertEqual(r.status, 401)
        self.assertIn("desactivada", run_cli("user", "list", "--db", self.demo.path,
                                             check=0).stdout)
        run_cli("user", "enable", "--db", self.demo.path, "--email", email, check=0)
        self.client().login(email, password)
        self.assertEqual(self.api("GET", "/api/me", token=token).status, 401)

    def test_role_change_applies_on_the_next_request(self):
        email = "rol.%s@example.cl" % uuid.uuid4().hex[:6]
        self.add_user(email, "Cambio de Rol", "consejero")
        token = self.token_for(email)
        self.assertEqual(self.api("GET", "/api/me", token=token).json()["role"], "consejero")
        run_cli("user", "role", "--db", self.demo.path, "--email", email,
                "--role", "autoridad", check=0)
        self.assertEqual(self.api("GET", "/api/me", token=token).json()["role"], "autoridad")
        p = run_cli("user", "role", "--db", self.demo.path, "--email", email,
                    "--role", "rey", check=1)
        self.assertIn("no existe", p.stderr)

    def test_common_and_own_passwords_are_refused(self):
        for password in ("12345678", "password", "contraseña", "Mariposa2024!"):
            p = run_cli("user", "add", "--db", self.demo.path, "--email",
                        "comun.%s@example.cl" % uuid.uuid4().hex[:6], "--name", "Clave Comun",
                        "--role", "consejero", env={"COSOC_PASSWORD": password}, check=1)
            self.assertIn("más usadas", p.stderr)
        p = run_cli("user", "add", "--db", self.demo.path, "--email", "rosa.pino@example.cl",
                    "--name", "Rosa Pino", "--role", "consejero",
                    env={"COSOC_PASSWORD": "rosapino1990"}, check=1)
        self.assertIn("nombre", p.stderr)
        c = self.admin()
        token = c.csrf_from("/admin/usuarios")
        r = c.post("/admin/usuarios", form={"name": "Web Comun", "email": "web.comun@example.cl",
                                             "role": "consejero", "password": "password",
                                             "csrf_token": token})
        self.assertEqual(r.status, 422)
        self.assertIn("más usadas", r.text)
        self.assertIsNone(query_one(self.demo.path, "SELECT id FROM users WHERE email = ?",
                                    ("web.comun@example.cl",)))


class UsersPage(ServerTestCase):
    def user_page(self, c, email):
        return "/admin/usuarios/%d" % user_id(self.demo.path, email)

    def test_page_disables_enables_and_changes_role(self):
        email = "pagina.%s@example.cl" % uuid.uuid4().hex[:6]
        password = self.add_user(email, "Desde la Página", "consejero")
        victim = self.client()
        victim.login(email, password)
        c = self.admin()
        path = self.user_page(c, email)
        token = c.csrf_from(path)
        r = c.post(path, form={"csrf_token": token, "accion": "desactivar"})
        self.assertEqual(r.status, 303)
        self.assertEqual(victim.get("/cuenta").status, 303)
        self.assertIn("Desactivada", c.get("/admin/usuarios").text)
        r = c.post(path, form={"csrf_token": token, "accion": "activar"})
        self.assertEqual(r.status, 303)
        r = c.post(path, form={"csrf_token": token, "accion": "rol", "role": "autoridad"})
        self.assertEqual(r.status, 303)
        self.assertIn("Autoridad", c.get(path).text)
        self.assertEqual(c.post(path, form={"csrf_token": token, "accion": "rol",
                                            "role": "rey"}).status, 422)
        # A councillor cannot use the page; nor can anyone without CSRF.
        self.assertEqual(victim.get(path).status, 303)
        self.assertEqual(c.post(path, form={"accion": "desactivar"}).status, 403)
        self.assertEqual(c.get("/admin/usuarios/99999").status, 404)
        self.assertEqual(c.get("/admin/usuarios/2abc").status, 404)

    def test_officer_cannot_disable_or_demote_themself(self):
        c = self.admin()
        path = self.user_page(c, self.demo.email)
        token = c.csrf_from(path)
        r = c.post(path, form={"csrf_token": token, "accion": "desactivar"})
        self.assertEqual(r.status, 422)
        r = c.post(path, form={"csrf_token": token, "accion": "rol", "role": "consejero"})
        self.assertEqual(r.status, 422)
        self.assertEqual(c.get("/cuenta").status, 200)

    def test_tokens_are_listed_with_dates_and_revoked_from_the_page(self):
        email = "tokpag.%s@example.cl" % uuid.uuid4().hex[:6]
        self.add_user(email, "Tokens en Página", "admin")
        used, unused = self.token_for(email), self.token_for(email)
        self.assertEqual(self.api("GET", "/api/me", token=used).status, 200)
        c = self.admin()
        path = self.user_page(c, email)
        page = c.get(path).text
        self.assertIn(used[:8], page)
        self.assertNotIn(used, page)
        row = re.search(re.escape(used[:8]) + r".*?</tr>", page, re.S).group(0)
        self.assertRegex(row, r"\d\d-\d\d-\d{4} \d\d:\d\d.*\d\d-\d\d-\d{4} \d\d:\d\d",
                         "creation and last use dates")
        other = re.search(re.escape(unused[:8]) + r".*?</tr>", page, re.S).group(0)
        self.assertIn("nunca", other)
        tid = re.search(r'name="token" value="(\d+)"', row).group(1)
        token = c.csrf_from(path)
        r = c.post(path, form={"csrf_token": token, "accion": "revocar", "token": tid})
        self.assertEqual(r.status, 303)
        self.assertEqual(self.api("GET", "/api/me", token=used).status, 401)
        self.assertEqual(self.api("GET", "/api/me", token=unused).status, 200)
        self.assertEqual(c.post(path, form={"csrf_token": token, "accion": "revocar",
                                            "token": tid}).status, 422)


class PasswordReset(unittest.TestCase):
    """The e-mailed link, end to end through a real SMTP server."""

    def setUp(self):
        self.tmpdir = tempfile.mkdtemp(prefix="cosoc-reset-")
        self.addCleanup(shutil.rmtree, self.tmpdir, True)
        self.demo = Demo(self.tmpdir)
        self.addCleanup(support.drop_database, self.demo.path)
        self.sink = SmtpSink()
        self.addCleanup(self.sink.cleanup)
        self.sink.start()
        self.srv = Server(self.demo.path, extra_args=[
            "--smtp", self.sink.url, "--mail-poll-seconds", "1",
            "--public-url", "https://cosoc.example.cl/"],
            env={"COSOC_MAIL_FROM": "COSOC <cosoc@example.cl>"})
        self.srv.start()
        self.addCleanup(lambda: self.srv.proc and self.srv.stop())

    def client(self):
        c = self.srv.client()
        self.addCleanup(c.close)
        return c

    def send_link(self, email):
        c = self.client()
        c.login(self.demo.email, self.demo.password)
        path = "/admin/usuarios/%d" % user_id(self.demo.path, email)
        token = c.csrf_from(path)
        # The link must not come from the Host the officer's browser sent.
        r = c.post(path, form={"csrf_token": token, "accion": "restablecer"},
                   headers={"Host": "atacante.example"})
        self.assertEqual(r.status, 303)
        return r

    def link_in(self, msg):
        body = msg.get_body(("plain",)).get_content()
        m = re.search(r"(\S+)/clave/restablecer\?t=([A-Za-z0-9_-]{43})", body)
        self.assertIsNotNone(m, body)
        return m.group(1), "/clave/restablecer?t=" + m.group(2), m.group(2)

    def test_link_sets_a_new_password_once_and_ends_every_session(self):
        email = "olvido@example.cl"
        run_cli("user", "add", "--db", self.demo.path, "--email", email, "--name",
                "Olvido Clave", "--role", "consejero",
                env={"COSOC_PASSWORD": "faro del norte 77"}, check=0)
        old = self.client()
        old.login(email, "faro del norte 77")
        self.send_link(email)
        msg = self.sink.wait_for(1, timeout=20)[0]
        self.assertEqual(msg["To"].addresses[0].addr_spec, email)
        base, link, secret = self.link_in(msg)
        self.assertEqual(base, "https://cosoc.example.cl")
        guest = self.client()
        form = guest.get(link)
        self.assertEqual(form.status, 200)
        self.assertIn("Olvido Clave", form.text)
        tok = re.search(r'name="csrf_token" value="([^"]+)"', form.text).group(1)
        weak = guest.post("/clave/restablecer", form={
            "csrf_token": tok, "t": secret, "password": "12345678",
            "password_confirm": "12345678"})
        self.assertEqual(weak.status, 422)
        self.assertIn("más usadas", weak.text)
        ok = guest.post("/clave/restablecer", form={
            "csrf_token": tok, "t": secret, "password": "brisa marina 2031",
            "password_confirm": "brisa marina 2031"})
        self.assertEqual(ok.status, 303)
        self.assertEqual(old.get("/cuenta").status, 303)  # Old session ended
        self.client().login(email, "brisa marina 2031")
        self.assertEqual(self.client().get(link).status, 404)  # Used once
        self.assertNotIn(secret, self.srv.output())  # Never in the log

    def test_link_expires_and_only_the_newest_works(self):
        email = "vence@example.cl"
        run_cli("user", "add", "--db", self.demo.path, "--email", email, "--name",
                "Vence Enlace", "--role", "autoridad",
                env={"COSOC_PASSWORD": "faro del norte 77"}, check=0)
        self.send_link(email)
        first = self.link_in(self.sink.wait_for(1, timeout=20)[0])[1]
        self.send_link(email)
        msgs = self.sink.wait_for(2, timeout=20)
        links = [self.link_in(m)[1] for m in msgs]
        second = [x for x in links if x != first][0]
        self.assertEqual(self.client().get(first).status, 404)
        self.assertEqual(self.client().get(second).status, 200)
        exec_sql(self.demo.path, "UPDATE password_resets SET expires_at = ? "
                 "WHERE used_at IS NULL", (int(time.time()) - 1,))
        self.assertEqual(self.client().get(second).status, 404)


class LeavingOffice(PeopleCase):
    """A councillor's account follows the member record it was made from."""

    def test_a_councillor_who_leaves_office_cannot_sign_in_nor_use_tokens(self):
        c = self.admin()
        token = c.csrf_from("/admin/integrantes/nuevo")
        email = "sale.%s@example.cl" % uuid.uuid4().hex[:6]
        form = self.member_form(run=rut(21876543), correo=email, nombres="Saliente")
        form["csrf_token"] = token
        r = c.post("/admin/integrantes/nuevo", form=form)
        self.assertEqual(r.status, 303)
        member_path = r.header("Location").split("?")[0]
        inv = c.post(member_path + "/invitar", form={"csrf_token": token})
        secret = re.search(r"/invitacion\?t=([A-Za-z0-9_-]{43})", inv.text).group(1)
        guest = self.client()
        gtoken = guest.csrf_from("/invitacion?t=" + secret)
        ok = guest.post("/invitacion", form={"csrf_token": gtoken, "t": secret,
                                             "password": "faro del norte 77",
                                             "password_confirm": "faro del norte 77"})
        self.assertEqual(ok.status, 303)
        api_token = self.token_for(email)
        self.assertEqual(self.api("GET", "/api/me", token=api_token).status, 200)
        self.assertEqual(guest.get("/cuenta").status, 200)
        # The officer records the resignation on the member's page.
        page = c.get(member_path).text
        form = self.member_form(run=rut(21876543), correo=email, nombres="Saliente",
                                estado="renuncio",
                                fecha_estado=datetime.date.today().isoformat(),
                                motivo_estado="Renuncia voluntaria")
        m = re.search(r'name="version" value="(\d+)"', page)
        if m:
            form["version"] = m.group(1)
        form["csrf_token"] = c.csrf_from(member_path)
        r = c.post(member_path, form=form)
        self.assertEqual(r.status, 303, r.text[:2000])
        self.assertEqual(guest.get("/cuenta").status, 303)  # Session refused
        self.assertEqual(self.api("GET", "/api/me", token=api_token).status, 401)
        again = self.client()
        tok = again.csrf_from("/login")
        r = again.post("/login", form={"email": email, "password": "faro del norte 77",
                                       "csrf_token": tok})
        self.assertEqual(r.status, 401)
        self.assertIn("dejó el cargo", c.get("/admin/usuarios").text)
        # A term that has ended does the same.
        exec_sql(self.demo.path, "UPDATE members SET status = 'vigente', "
                 "term_end = '2020-01-01' WHERE email = ?", (email,))
        self.assertEqual(self.api("GET", "/api/me", token=api_token).status, 401)
        exec_sql(self.demo.path, "UPDATE members SET term_end = '2099-12-31' "
                 "WHERE email = ?", (email,))
        self.assertEqual(self.api("GET", "/api/me", token=api_token).status, 200)
