"""
The foundation as a user and a script see it: the home page in Spanish,
sign-in, CSRF refusal, role refusal, error pages, keep-alive, the API token.
"""
import re
import resource
import shutil
import signal
import socket
import sqlite3
import tempfile
import time
import unittest

from support import Demo, Server, ServerTestCase, query_one, run_cli, sqlite_only


class HomeAndShell(ServerTestCase):
    def test_home_page_names_the_council_in_spanish(self):
        r = self.client().get("/")
        self.assertEqual(r.status, 200)
        self.assertIn('<html lang="es-CL">', r.text)
        self.assertIn("Consejo de la Sociedad Civil MINVU–SERVIU Región de Coquimbo", r.text)
        self.assertIn('<main id="contenido"', r.text)
        self.assertIn("default-src 'self'", r.header("Content-Security-Policy"))

    def test_static_stylesheet_is_served_with_long_cache(self):
        r = self.client().get("/static/style.css")
        self.assertEqual(r.status, 200)
        self.assertTrue(r.header("Content-Type").startswith("text/css"))
        self.assertIn("immutable", r.header("Cache-Control"))
        self.assertGreater(len(r.body), 500)

    def test_unknown_page_is_a_spanish_404_without_internals(self):
        r = self.client().get("/no-existe")
        self.assertEqual(r.status, 404)
        self.assertIn("Página no encontrada", r.text)
        self.assertNotIn(".c:", r.text)

    def test_unknown_api_path_answers_json_error(self):
        r = self.client().get("/api/no-existe")
        self.assertEqual(r.status, 404)
        self.assertIn("error", r.json())


class SignIn(ServerTestCase):
    def test_sign_in_with_demo_credentials_sets_session_cookie(self):
        c = self.client()
        r = c.login(self.demo.email, self.demo.password)
        self.assertEqual(r.status, 303)
        self.assertIn("cosoc_session", c.cookies)
        cookie = [v for v in r.headers.get_all("Set-Cookie") if v.startswith("cosoc_session")][0]
        self.assertIn("HttpOnly", cookie)
        self.assertIn("SameSite=Lax", cookie)
        home = c.get("/")
        self.assertIn("Administración", home.text)

    def test_wrong_password_is_refused_and_form_shown_again(self):
        c = self.client()
        token = c.csrf_from("/login")
        r = c.post("/login", form={"email": self.demo.email, "password": "no-es-esta",
                                    "csrf_token": token})
        self.assertEqual(r.status, 401)
        self.assertIn("no son correctos", r.text)
        self.assertNotIn("cosoc_session", c.cookies)

    def test_login_form_has_contract_fields(self):
        r = self.client().get("/login")
        for name in ("email", "password", "csrf_token"):
            self.assertRegex(r.text, r'name="%s"' % name)

    def test_post_without_csrf_token_is_403_and_creates_nothing(self):
        c = self.admin()
        r = c.post("/admin/usuarios", form={"name": "Sin Token", "email": "sin.token@example.cl",
                                             "role": "consejero", "password": "clave-larga-1"})
        self.assertEqual(r.status, 403)
        users = c.get("/admin/usuarios")
        self.assertNotIn("sin.token@example.cl", users.text)

    def test_post_with_wrong_csrf_token_is_403(self):
        c = self.admin()
        r = c.post("/admin/usuarios", form={"name": "Token Malo", "email": "token.malo@example.cl",
                                             "role": "consejero", "password": "clave-larga-1",
                                             "csrf_token": "x" * 43})
        self.assertEqual(r.status, 403)
        self.assertNotIn("token.malo@example.cl", c.get("/admin/usuarios").text)

    def test_admin_creates_a_councillor_and_bad_fields_get_422(self):
        c = self.admin()
        token = c.csrf_from("/admin/usuarios")
        bad = c.post("/admin/usuarios", form={"name": "", "email": "no-es-correo",
                                               "role": "consejero", "password": "corta",
                                               "csrf_token": token})
        self.assertEqual(bad.status, 422)
        self.assertIn("no-es-correo", bad.text)  # what was typed comes back
        ok = c.post("/admin/usuarios", form={"name": "Rosa Díaz", "email": "rosa.diaz@example.cl",
                                              "role": "consejero", "password": "clave-larga-1",
                                              "csrf_token": token})
        self.assertEqual(ok.status, 303)
        self.assertIn("rosa.diaz@example.cl", c.get("/admin/usuarios").text)

    def test_councillor_is_refused_admin_pages(self):
        self.add_user("consejera@example.cl", "Consejera Prueba", "consejero")
        c = self.client()
        c.login("consejera@example.cl", "clave-de-prueba-1")
        self.assertEqual(c.get("/admin/usuarios").status, 403)

    def test_anonymous_is_sent_to_login(self):
        r = self.client().get("/admin/usuarios")
        self.assertEqual(r.status, 303)
        self.assertTrue(r.header("Location").startswith("/login"))

    def test_logout_ends_the_session(self):
        c = self.admin()
        token = c.csrf_from("/cuenta")
        r = c.post("/logout", form={"csrf_token": token})
        self.assertEqual(r.status, 303)
        self.assertEqual(c.get("/cuenta").status, 303)

    def test_password_change_requires_current_password(self):
        self.add_user("cambio@example.cl", "Cambio Clave", "autoridad")
        c = self.client()
        c.login("cambio@example.cl", "clave-de-prueba-1")
        token = c.csrf_from("/cuenta")
        bad = c.post("/cuenta/clave", form={"current_password": "otra-cosa-1",
                                             "new_password": "nueva-clave-1",
                                             "new_password_confirm": "nueva-clave-1",
                                             "csrf_token": token})
        self.assertEqual(bad.status, 422)
        ok = c.post("/cuenta/clave", form={"current_password": "clave-de-prueba-1",
                                            "new_password": "nueva-clave-1",
                                            "new_password_confirm": "nueva-clave-1",
                                            "csrf_token": token})
        self.assertEqual(ok.status, 303)
        c2 = self.client()
        c2.login("cambio@example.cl", "nueva-clave-1")

    def test_repeated_failures_are_throttled(self):
        self.add_user("lento@example.cl", "Lento", "consejero")
        c = self.client()
        token = c.csrf_from("/login")
        statuses = [c.post("/login", form={"email": "lento@example.cl", "password": "mala-clave-x",
                                            "csrf_token": token}).status for _ in range(6)]
        self.assertEqual(statuses[:5], [401] * 5)
        self.assertEqual(statuses[5], 429)
        # From the same address even the right password waits out the
        # delay, which the form states in seconds (growing delays, no lock:
        # see test_hardening_signin.py for other addresses).
        r = c.post("/login", form={"email": "lento@example.cl", "password": "clave-de-prueba-1",
                                    "csrf_token": token})
        self.assertEqual(r.status, 429)
        self.assertRegex(r.text, r"Espere \d+ segundos?")
        wait = int(r.header("Retry-After"))
        self.assertTrue(0 < wait <= 5, wait)
        time.sleep(wait + 1)
        r = c.post("/login", form={"email": "lento@example.cl", "password": "clave-de-prueba-1",
                                    "csrf_token": token})
        self.assertEqual(r.status, 303)


class ApiTokens(ServerTestCase):
    def test_bearer_token_authenticates_api_and_bad_token_is_401(self):
        token = self.token_for(self.demo.email)
        c = self.client()
        r = c.get("/api/me", headers={"Authorization": "Bearer " + token})
        self.assertEqual(r.status, 200)
        self.assertEqual(r.json()["role"], "admin")
        bad = c.get("/api/me", headers={"Authorization": "Bearer " + "y" * 43})
        self.assertEqual(bad.status, 401)
        self.assertIn("error", bad.json())


class KeepAlive(ServerTestCase):
    def test_many_requests_share_one_connection(self):
        c = self.client()
        for _ in range(20):
            r = c.get("/")
            self.assertEqual(r.status, 200)
            self.assertNotEqual((r.header("Connection") or "").lower(), "close")

    def test_thousand_concurrent_keep_alive_connections_are_served(self):
        # This process needs a descriptor per connection too.
        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        if soft < 4096:
            resource.setrlimit(resource.RLIMIT_NOFILE, (min(4096, hard), hard))
        socks = []
        try:
            for _ in range(1000):
                s = socket.create_connection(("127.0.0.1", self.server.port), timeout=30)
                socks.append(s)
            req = b"GET /static/favicon.svg HTTP/1.1\r\nHost: t\r\n\r\n"
            for s in socks:
                s.sendall(req)
            ok = 0
            for s in socks:
                data = b""
                while b"\r\n\r\n" not in data:
                    chunk = s.recv(65536)
                    if not chunk:
                        break
                    data += chunk
                head = data.split(b"\r\n\r\n", 1)[0].decode()
                if head.startswith("HTTP/1.1 200") and "close" not in head.lower():
                    ok += 1
            self.assertEqual(ok, 1000)
            # Every connection is still open and answers a second request.
            for s in socks[:50]:
                s.sendall(req)
                self.assertTrue(s.recv(65536).startswith(b"HTTP/1.1 200"))
        finally:
            for s in socks:
                s.close()


class CommandLine(ServerTestCase):
    def test_version_and_help(self):
        self.assertRegex(run_cli("--version", check=0).stdout, r"^cosoc \d+\.\d+\.\d+")
        for sub in ("serve", "migrate", "demo"):
            self.assertIn("Uso:", run_cli(sub, "--help", check=0).stdout)
        self.assertIn("Uso:", run_cli("user", "add", "--help", check=0).stdout)
        self.assertIn("Uso:", run_cli("token", "create", "--help", check=0).stdout)

    def test_bad_flag_is_usage_error(self):
        p = run_cli("serve", "--no-such-flag", check=2)
        self.assertIn("opción desconocida", p.stderr)

    def test_demo_refuses_a_database_with_data(self):
        p = run_cli("demo", "--db", self.demo.path, check=1)
        self.assertIn("--force", p.stderr)

    def test_port_in_use_is_one_clear_line(self):
        p = run_cli("serve", "--listen", "127.0.0.1:%d" % self.server.port,
                    "--db", self.demo.path, check=1)
        self.assertIn("ya está en uso", p.stderr)


class Forms(ServerTestCase):
    def test_multipart_form_is_read_like_an_urlencoded_one(self):
        c = self.client()
        token = c.csrf_from("/login")
        boundary = "----cosocprueba"
        parts = []
        for name, value in (("email", self.demo.email), ("password", self.demo.password),
                            ("csrf_token", token), ("next", "/cuenta")):
            parts.append('--%s\r\nContent-Disposition: form-data; name="%s"\r\n\r\n%s\r\n'
                         % (boundary, name, value))
        body = ("".join(parts) + "--%s--\r\n" % boundary).encode()
        r = c.post("/login", body=body,
                   headers={"Content-Type": "multipart/form-data; boundary=" + boundary})
        self.assertEqual(r.status, 303)
        self.assertEqual(r.header("Location"), "/cuenta")

    def test_accents_and_symbols_survive_url_encoding(self):
        c = self.admin()
        token = c.csrf_from("/admin/usuarios")
        name = "María José Ñúñez & <Cía>"
        r = c.post("/admin/usuarios", form={"name": name, "email": "mjn@example.cl",
                                             "role": "autoridad", "password": "clave-larga-1",
                                             "csrf_token": token})
        self.assertEqual(r.status, 303)
        page = c.get("/admin/usuarios").text
        self.assertIn("María José Ñúñez &amp; &lt;Cía&gt;", page)
        self.assertNotIn("<Cía>", page)

    def test_oversized_body_is_413_before_it_is_read(self):
        c = self.client()
        r = c.post("/login", body=b"x" * (70 * 1024),
                   headers={"Content-Type": "application/x-www-form-urlencoded"})
        self.assertEqual(r.status, 413)
        self.assertIn("demasiado grande", r.text)

    def test_get_only_route_answers_405_to_post(self):
        r = self.client().post("/cuenta", form={"a": "b"})
        self.assertEqual(r.status, 405)


class Logging(ServerTestCase):
    def test_one_log_line_per_request_without_query_string(self):
        self.client().get("/?secreto=no-debe-verse")
        # The line is written once the answer has gone out: wait for it.
        deadline = time.time() + 10
        out = self.server.output()
        while " GET / 200 " not in out and time.time() < deadline:
            time.sleep(0.05)
            out = self.server.output()
        self.assertRegex(out, r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ GET / 200 [0-9.]+ms")
        self.assertNotIn("no-debe-verse", out)

    def test_the_line_names_the_council_the_client_asked_for(self):
        slug = query_one(self.demo.path, "SELECT slug FROM councils ORDER BY id LIMIT 1")
        self.assertEqual(self.client().get("/c/%s/plan" % slug).status, 200)
        want = " GET /c/%s/plan 200 " % slug
        deadline = time.time() + 10
        while want not in self.server.output() and time.time() < deadline:
            time.sleep(0.05)
        self.assertIn(want, self.server.output())


class Shutdown(unittest.TestCase):
    def test_sigterm_finishes_the_request_in_flight_then_exits_cleanly(self):
        tmp = tempfile.mkdtemp(prefix="cosoc-http-")
        self.addCleanup(shutil.rmtree, tmp, True)
        demo = Demo(tmp)
        server = Server(demo.path).start()
        try:
            s = socket.create_connection(("127.0.0.1", server.port), timeout=30)
            body = b"email=a%40b.cl&password=x"
            s.sendall(b"POST /login HTTP/1.1\r\nHost: t\r\nContent-Type: "
                      b"application/x-www-form-urlencoded\r\nContent-Length: "
                      + str(len(body)).encode() + b"\r\n\r\n" + body[:5])
            time.sleep(0.3)
            server.proc.send_signal(signal.SIGTERM)
            time.sleep(0.3)
            self.assertIsNone(server.proc.poll(), "server waits for the request in flight")
            s.sendall(body[5:])
            data = s.recv(65536)
            # No CSRF token was sent: the answer is the 403 page, but an answer.
            self.assertTrue(data.startswith(b"HTTP/1.1 403"), data[:100])
            s.close()
            server.proc.wait(timeout=30)
            self.assertEqual(server.proc.returncode, 0)
            self.assertIn("detenido", server.output())
        finally:
            server.stop()


@sqlite_only("el bloqueo de escritura se toma aquí con el módulo sqlite3")
class StartBesideWriters(unittest.TestCase):
    def test_a_server_starts_while_another_holds_the_write_lock(self):
        # A second server (or a restarted one) beside a busy one: nothing is
        # left to migrate, so starting must not queue for the write lock,
        # which a busy writer may hold past the busy timeout.
        tmp = tempfile.mkdtemp(prefix="cosoc-http-")
        self.addCleanup(shutil.rmtree, tmp, True)
        path = tmp + "/cosoc.db"
        run_cli("migrate", "--db", path, check=0)
        writer = sqlite3.connect(path, isolation_level=None)
        self.addCleanup(writer.close)
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("INSERT INTO settings(key, value) VALUES ('prueba', '1')")
        p = run_cli("migrate", "--db", path, check=0)
        self.assertIn("Base de datos al día", p.stdout)
        server = Server(path).start()
        self.addCleanup(server.stop)
        self.assertEqual(server.client().get("/login").status, 200)
        writer.execute("ROLLBACK")


class DatabaseErrors(unittest.TestCase):
    def test_missing_folder_and_non_database_file_get_one_spanish_line(self):
        tmp = tempfile.mkdtemp(prefix="cosoc-http-")
        self.addCleanup(shutil.rmtree, tmp, True)
        p = run_cli("serve", "--db", tmp + "/no/existe/x.db", "--listen", "127.0.0.1:1", check=1)
        self.assertIn("la carpeta no existe", p.stderr)
        self.assertEqual(len(p.stderr.strip().splitlines()), 1)
        junk = tmp + "/texto.db"
        with open(junk, "w") as f:
            f.write("esto no es una base de datos\n" * 100)
        p = run_cli("migrate", "--db", junk, check=1)
        self.assertIn("no es una base de datos SQLite", p.stderr)
        with open(junk) as f:
            self.assertTrue(f.read().startswith("esto no es"), "the file is left as it was")
