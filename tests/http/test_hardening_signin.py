"""
Sign-in throttling as a weapon (issue 15, item 6): failures slow the
guesser with growing delays, shown in Spanish, but never lock the owner out
from another address; one address cannot lock four accounts; unknown
e-mails cost the same argon2 work as known ones.

Addresses are told apart through a trusted proxy's X-Forwarded-For (the
server trusts 127.0.0.1 here, as behind deploy/nginx).
"""
import shutil
import statistics
import tempfile
import time
import unittest

import support
from support import Demo, Server, run_cli

ATTACKER = "203.0.113.66"
OWNER = "198.51.100.7"


class Throttling(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmpdir = tempfile.mkdtemp(prefix="cosoc-signin-")
        cls.demo = Demo(cls.tmpdir)
        cls.server = Server(cls.demo.path,
                            extra_args=["--trust-proxy", "127.0.0.1"]).start()

    @classmethod
    def tearDownClass(cls):
        try:
            cls.server.stop()
        finally:
            support.drop_database(cls.demo.path)
            shutil.rmtree(cls.tmpdir, ignore_errors=True)

    def add_user(self, email):
        run_cli("user", "add", "--db", self.demo.path, "--email", email, "--name",
                "Dueña de la Cuenta", "--role", "consejero",
                env={"COSOC_PASSWORD": "faro del norte 77"}, check=0)

    def attempt(self, email, password, address):
        c = self.server.client()
        self.addCleanup(c.close)
        token = c.csrf_from("/login")
        return c.post("/login", headers={"X-Forwarded-For": address},
                      form={"email": email, "password": password, "csrf_token": token})

    def test_owner_at_another_address_gets_in_while_the_guesser_waits_longer(self):
        email = "duena@example.cl"
        self.add_user(email)
        statuses = [self.attempt(email, "no-es-la-clave", ATTACKER).status for _ in range(5)]
        self.assertEqual(statuses, [401] * 5)
        r = self.attempt(email, "no-es-la-clave", ATTACKER)
        self.assertEqual(r.status, 429)
        self.assertRegex(r.text, r"Espere \d+ segundos?")
        first = int(r.header("Retry-After"))
        # Even the right password waits at the guesser's address...
        self.assertEqual(self.attempt(email, "faro del norte 77", ATTACKER).status, 429)
        # ...but the owner elsewhere signs in at once.
        r = self.attempt(email, "faro del norte 77", OWNER)
        self.assertEqual(r.status, 303)
        # The delay grows with each further failure at the guesser's address.
        time.sleep(first + 1)
        self.assertEqual(self.attempt(email, "no-es-la-clave", ATTACKER).status, 401)
        r = self.attempt(email, "no-es-la-clave", ATTACKER)
        self.assertEqual(r.status, 429)
        self.assertGreater(int(r.header("Retry-After")), first)

    def test_one_address_cannot_lock_out_four_accounts(self):
        emails = ["cuenta%d@example.cl" % i for i in range(4)]
        for e in emails:
            self.add_user(e)
        for e in emails:
            for _ in range(5):
                self.attempt(e, "no-es-la-clave", "203.0.113.99")
        # The attacking address is slowed for every account...
        self.assertEqual(self.attempt(emails[0], "faro del norte 77",
                                      "203.0.113.99").status, 429)
        # ...and every owner still signs in from their own address.
        for i, e in enumerate(emails):
            r = self.attempt(e, "faro del norte 77", "198.51.100.%d" % (20 + i))
            self.assertEqual(r.status, 303, r.text[:300])

    def test_unknown_and_known_emails_take_the_same_work(self):
        # Interleaved, each from its own address (so no delay applies), on
        # one known account and on e-mails that have none. Before, an unknown
        # e-mail hashed a password and then verified it: twice the work.
        self.add_user("conocida@example.cl")
        known, unknown = [], []
        for i in range(9):
            for bucket, email in ((known, "conocida@example.cl"),
                                  (unknown, "nadie%d@example.cl" % i)):
                t0 = time.perf_counter()
                r = self.attempt(email, "no-es-la-clave", "192.0.2.%d" % (10 + 2 * i +
                                                                           (bucket is unknown)))
                bucket.append(time.perf_counter() - t0)
                self.assertEqual(r.status, 401)
        ratio = statistics.median(unknown) / statistics.median(known)
        self.assertLess(ratio, 1.5, "unknown %.3fs vs known %.3fs" %
                        (statistics.median(unknown), statistics.median(known)))
        # The message is the same either way.
        a = self.attempt("conocida@example.cl", "no-es-la-clave", "192.0.2.200").text
        b = self.attempt("nadie-mas@example.cl", "no-es-la-clave", "192.0.2.201").text
        self.assertIn("El correo o la contraseña no son correctos", a)
        self.assertIn("El correo o la contraseña no son correctos", b)
