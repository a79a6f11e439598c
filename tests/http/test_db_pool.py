"""
The server's database connections (issue 22, item 3): on PostgreSQL a page
served from the render cache costs one round trip to the database server
(its council and both data versions in one query), which the request log
shows as «bd=N»; a pool smaller than the threads (--db-connections) still
answers every request, reads and writes, when many come at once.
"""
import datetime
import re
import threading
import unittest

from support import PG_URL, ServerTestCase, query_one, run_cli


def log_trips(output, path):
    """The «bd=N» of every logged request for path, in order."""
    return [int(m.group(1)) for m in re.finditer(
        r"^\S+ GET %s 200 \S+ms bd=(\d+)$" % re.escape(path), output, re.M)]


class CachedPagesCostOneRoundTrip(ServerTestCase):
    # One thread, so one connection: its statements are prepared by the
    # first requests, and what is measured is a warm connection's cost.
    SERVER_ARGS = ("--threads", "1")

    def test_a_cached_page_costs_one_round_trip_on_postgresql(self):
        slug = query_one(self.demo.path, "SELECT slug FROM councils ORDER BY id LIMIT 1")
        # The log names the path as asked, /c/SLUG/ prefix included.
        pages = {p: [p] for p in ("/plan", "/c/%s/plan" % slug, "/calendario.ics",
                                  "/c/%s/calendario.ics" % slug, "/api/compliance")}
        c = self.client()
        for _ in range(3):
            for paths in pages.values():
                for path in paths:
                    self.assertEqual(c.get(path).status, 200, path)
        out = self.server.output()
        for logged, paths in pages.items():
            trips = log_trips(out, logged)
            if PG_URL is None:
                # SQLite has no server: no round trips to log.
                self.assertEqual(trips, [], logged)
                self.assertRegex(out, r"GET %s 200 \S+ms\n" % re.escape(logged))
                continue
            self.assertEqual(len(trips), 3 * len(paths), out)
            # The first round drew and stored the pages; the others came
            # from the cache: one query for the council and its versions.
            self.assertEqual(trips[len(paths):], [1] * (2 * len(paths)), logged)

    def test_a_write_is_seen_by_the_next_cached_page(self):
        # The version read with the council's row is forgotten once the
        # connection writes: the feed after a change is drawn anew.
        c = self.client()
        for _ in range(2):
            r = c.get("/calendario.ics")
            self.assertEqual(r.status, 200)
            self.assertNotIn("Vista tras escribir", r.text)
        day = (datetime.date.today() + datetime.timedelta(days=20)).isoformat()
        r = self.api("POST", "/api/activities", {
            "kind": "sesion_ordinaria", "title": "Vista tras escribir",
            "start": day + "T10:00:00-03:00", "end": day + "T12:00:00-03:00",
            "commune": "04101", "modality": "presencial", "status": "programada",
            "plan_lines": [1], "public": True})
        self.assertEqual(r.status, 201, r.text)
        self.assertIn("Vista tras escribir", c.get("/calendario.ics").text)


class FewerConnectionsThanThreads(ServerTestCase):
    SERVER_ARGS = ("--threads", "4", "--db-connections", "1")

    def test_one_connection_serves_many_clients_at_once(self):
        self.assertIn("hasta 1 con la base de datos", self.server.output())
        members = [m["id"] for m in self.api("GET", "/api/members").json()]
        aid = self.held_session("Sesión con una sola conexión", present=False)
        errors = []
        token = self.admin_token

        def one_client(n):
            c = self.server.client()
            try:
                for k in range(6):
                    for path in ("/plan", "/calendario", "/integrantes", "/calendario.ics"):
                        r = c.get(path)
                        if r.status != 200:
                            errors.append((n, path, r.status))
                    r = c.post("/api/activities/%d/attendance" % aid,
                               headers={"Authorization": "Bearer " + token},
                               json_body=[{"member_id": m,
                                           "status": "presente" if (m + n + k) % 2 else "ausente"}
                                          for m in members])
                    if r.status != 200:
                        errors.append((n, "attendance", r.status, r.text[:200]))
            except Exception as e:  # noqa: BLE001 - reported below
                errors.append((n, "exception", repr(e)))
            finally:
                c.close()

        threads = [threading.Thread(target=one_client, args=(n,)) for n in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(errors, [])
        self.assertEqual(int(query_one(
            self.demo.path, "SELECT count(*) FROM attendance WHERE activity_id = ?",
            (aid,))), len(members))

    def test_a_pool_size_that_is_not_a_number_is_refused(self):
        p = run_cli("serve", "--db", self.demo.path, "--db-connections", "muchas")
        self.assertEqual(p.returncode, 2)
        self.assertIn("--db-connections", p.stderr)


if __name__ == "__main__":
    unittest.main()
