"""
Behind a reverse proxy (deploy/nginx): sign-in throttling counts the client
address from X-Forwarded-For only when the connection comes from the
address given with --trust-proxy; anyone else's header is ignored, so a
client cannot escape throttling by inventing addresses.
"""
import shutil
import tempfile
import unittest

from support import Demo, Server, drop_database

PER_ADDRESS = 20  # ACCOUNTS_THROTTLE_PER_ADDRESS


def fail_sign_ins(client, n, forwarded_for, tag):
    """n failed sign-ins, each for another e-mail (so that only the per-address
    limit can apply); returns their statuses."""
    token = client.csrf_from("/login")
    out = []
    for i in range(n):
        r = client.post("/login", headers={"X-Forwarded-For": forwarded_for(i)},
                        form={"email": "nadie-%s-%d@ejemplo.cl" % (tag, i),
                              "password": "no-es-la-clave", "csrf_token": token})
        out.append(r.status)
    return out


class ProxyAddress(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmpdir = tempfile.mkdtemp(prefix="cosoc-http-")
        cls.demo = Demo(cls.tmpdir)

    @classmethod
    def tearDownClass(cls):
        drop_database(cls.demo.path)
        shutil.rmtree(cls.tmpdir, ignore_errors=True)

    def test_trusted_proxy_forwards_the_client_address_it_appended(self):
        with Server(self.demo.path, extra_args=["--trust-proxy", "127.0.0.1"]) as server:
            c = server.client()
            # The client's own entries come first; the proxy appends the real
            # peer last, and that is the one counted.
            statuses = fail_sign_ins(c, PER_ADDRESS,
                                     lambda i: "198.51.100.%d, 203.0.113.7" % i, "a")
            self.assertEqual(statuses, [401] * PER_ADDRESS)
            self.assertEqual(fail_sign_ins(c, 1, lambda i: "203.0.113.7", "b"), [429])
            # Another client behind the same proxy is not locked out.
            self.assertEqual(fail_sign_ins(c, 1, lambda i: "203.0.113.8", "c"), [401])
            c.close()

    def test_header_from_an_untrusted_peer_is_ignored(self):
        with Server(self.demo.path, extra_args=["--trust-proxy", "192.0.2.1"]) as server:
            c = server.client()
            statuses = fail_sign_ins(c, PER_ADDRESS + 1, lambda i: "198.51.100.%d" % i, "d")
            self.assertEqual(statuses, [401] * PER_ADDRESS + [429])
            c.close()
