"""
Concurrent writers and readers on one server (issue 15, item 9): eight
clients, each on its own keep-alive connection, create sessions, record
their attendance, upload a photo (libvips on the pool threads) and read
the pages the render cache keeps, all at once. Every write is answered
and every one is stored, once; the cached pages show them.

Run against the ASan binary in the ordinary suite and against the
ThreadSanitizer build (build/tsan/cosoc) by scripts/run-tests.sh tsan,
where a data race in cosoc fails the run.
"""
import threading
import unittest

from support import ServerTestCase, query_one
from test_evidence import MP, multipart, tiny_png

CLIENTS = 8
ROUNDS = 4


class ConcurrentWriters(ServerTestCase):
    def one_client(self, n, members, errors):
        c = self.server.client()
        auth = {"Authorization": "Bearer " + self.admin_token}
        try:
            for k in range(ROUNDS):
                title = "Sesión concurrente %d-%d" % (n, k)
                day = "2025-%02d-%02d" % (1 + n, 1 + k)  # held: in the past
                r = c.post("/api/activities", headers=auth, json_body={
                    "kind": "sesion_ordinaria", "title": title,
                    "start": day + "T10:00:00-03:00", "end": day + "T12:00:00-03:00",
                    "commune": "04101", "modality": "presencial", "status": "realizada",
                    "plan_lines": [4], "public": True})
                if r.status != 201:
                    errors.append((title, "activity", r.status, r.text[:200]))
                    continue
                aid = r.json()["id"]
                r = c.post("/api/activities/%d/attendance" % aid, headers=auth, json_body=[
                    {"member_id": m, "status": "presente"} for m in members])
                if r.status != 200:
                    errors.append((title, "attendance", r.status, r.text[:200]))
                h = dict(MP)
                h.update(auth)
                r = c.post("/api/activities/%d/evidence" % aid, headers=h, body=multipart(
                    {"kind": "fotografias", "public": "1"},
                    [("file", "f.png", "image/png", tiny_png(n * ROUNDS + k))]))
                if r.status != 201:
                    errors.append((title, "evidence", r.status, r.text[:200]))
                for path in ("/", "/calendario", "/actividades/%d" % aid, "/plan"):
                    r = c.get(path)
                    if r.status != 200:
                        errors.append((title, path, r.status, ""))
                if title not in c.get("/actividades/%d" % aid).text:
                    errors.append((title, "page", "missing", ""))
        except Exception as e:  # noqa: BLE001 - reported below, with the rest
            errors.append(("client %d" % n, "exception", repr(e), ""))
        finally:
            c.close()

    def test_concurrent_writes_are_all_answered_and_all_stored(self):
        members = [m["id"] for m in self.api("GET", "/api/members").json()]
        before = int(query_one(self.demo.path, "SELECT count(*) FROM activities"))
        errors = []
        threads = [threading.Thread(target=self.one_client, args=(n, members, errors))
                   for n in range(CLIENTS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=600)
        self.assertEqual(errors, [])
        self.assertEqual(int(query_one(self.demo.path, "SELECT count(*) FROM activities")),
                         before + CLIENTS * ROUNDS)
        self.assertEqual(query_one(self.demo.path,
                                   "SELECT count(*) FROM activities a WHERE a.title LIKE "
                                   "'Sesión concurrente%' AND (SELECT count(*) FROM "
                                   "attendance t WHERE t.activity_id = a.id) = ?",
                                   (len(members),)), str(CLIENTS * ROUNDS))
        self.assertEqual(query_one(self.demo.path,
                                   "SELECT count(DISTINCT i.file_sha256) FROM evidence_items "
                                   "i JOIN activities a ON a.id = i.activity_id WHERE "
                                   "a.title LIKE 'Sesión concurrente%'"),
                         str(CLIENTS * ROUNDS))
        calendar = self.client().get("/calendario").text
        self.assertIn("Sesión concurrente %d-%d" % (CLIENTS - 1, ROUNDS - 1), calendar)


if __name__ == "__main__":
    unittest.main()
