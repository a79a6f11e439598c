"""
PostgreSQL restarts (an upgrade, a failover) while cosoc serves: every pool
thread's connection is re-made on its next query, signed-in users stay
signed in, and nothing needs a restart of cosoc.
"""
import os
import subprocess
import unittest

from support import PG_URL, ROOT, ServerTestCase, free_port, run_cli


@unittest.skipUnless(PG_URL, "solo con PostgreSQL")
class PostgresRestart(ServerTestCase):
    def test_server_keeps_working_after_postgresql_restarts(self):
        c = self.admin()
        self.assertEqual(c.get("/cuenta").status, 200)
        subprocess.run([os.path.join(ROOT, "scripts", "pg-test.sh"), "restart"],
                       check=True, timeout=120)
        # Enough new connections that every pool thread meets its broken
        # database connection (libmicrohttpd spreads them over the threads).
        for _ in range(24):
            other = self.client()
            other.cookies = dict(c.cookies)
            self.assertEqual(other.get("/cuenta").status, 200)
            other.close()
        token = c.csrf_from("/admin/usuarios")
        r = c.post("/admin/usuarios", form={"name": "Tras Reinicio", "email": "reinicio@ejemplo.cl",
                                             "role": "consejero", "password": "clave-larga-1",
                                             "csrf_token": token})
        self.assertEqual(r.status, 303)
        self.client().login("reinicio@ejemplo.cl", "clave-larga-1")


class PostgresUnreachable(unittest.TestCase):
    def test_serve_refuses_to_start_with_one_clear_line(self):
        p = run_cli("serve", "--listen", "127.0.0.1:%d" % free_port(),
                    "--db", "postgresql://cosoc:secreto@127.0.0.1:1/cosoc", check=1)
        lines = p.stderr.strip().splitlines()
        self.assertEqual(len(lines), 1, p.stderr)
        self.assertIn("no se pudo conectar con PostgreSQL en 127.0.0.1:1/cosoc", lines[0])
        self.assertNotIn("secreto", p.stderr)
