"""
Fault injection (issue 15, item 9): the database refuses a write in the
middle of a request, after the request's first statements succeeded.

The refusal is the database's own: a trigger that raises an error on one
table, added from outside while the server runs (SQLite's RAISE(ABORT),
PostgreSQL's RAISE EXCEPTION), as a full disk or a read-only database
would refuse the same statement. Three requests whose transaction writes
several tables are cut this way:

- recording attendance (the list's version and the delete succeed, the
  first insert is refused);
- uploading two photos with the form (the files and their thumbnails are
  stored, the first evidence item is refused);
- approving an acta (its state changes, the frozen snapshot is refused).

Each answers 503 with a Spanish sentence saying nothing was saved and what
to do, with nothing of the database in it (no SQL, no engine message, no
stack), and leaves every table as it was; the log has the detail.
"""
import unittest

import support
from support import ServerTestCase, query_one
from test_evidence import MP, multipart, tiny_png
from test_hardening_actas import acta_in_review
from test_meetings import SESSION

MARK = "falla inyectada por la prueba"
SENTENCE = "La base de datos no aceptó el cambio, así que no se guardó."
LEAKS = ("sqlite", "SQLITE", "postgres", "RAISE", "trigger", "INSERT", "UPDATE", MARK,
         "src/", "#0 ", "constraint")


class DatabaseRefusesMidRequest(ServerTestCase):
    def refuse(self, table, when="INSERT", column=None):
        """Makes the database refuse `when` on `table` (optionally only an
        UPDATE of `column`) until the test ends."""
        name = "cosoc_test_refuse_" + table
        of = " OF " + column if column else ""
        if self.demo.is_postgres:
            support.psql(self.demo.path,
                         "CREATE OR REPLACE FUNCTION cosoc_test_refuse() RETURNS trigger "
                         "LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '%s'; END $$" % MARK)
            support.psql(self.demo.path,
                         "CREATE TRIGGER %s BEFORE %s%s ON %s FOR EACH ROW EXECUTE "
                         "FUNCTION cosoc_test_refuse()" % (name, when, of, table))
            self.addCleanup(support.psql, self.demo.path,
                            "DROP TRIGGER %s ON %s" % (name, table))
        else:
            import sqlite3
            with sqlite3.connect(self.demo.path) as db:
                db.execute("CREATE TRIGGER %s BEFORE %s%s ON %s BEGIN SELECT RAISE(ABORT, "
                           "'%s'); END" % (name, when, of, table, MARK))

            def drop():
                with sqlite3.connect(self.demo.path) as db:
                    db.execute("DROP TRIGGER %s" % name)
            self.addCleanup(drop)

    def assert_refused_cleanly(self, r, json_api):
        self.assertEqual(r.status, 503, r.text[:500])
        text = r.json()["error"] if json_api else r.text
        self.assertIn(SENTENCE, text)
        self.assertIn("Intente de nuevo", text)
        for leak in LEAKS:
            self.assertNotIn(leak, text)
        self.assertIn(MARK, self.server.output(), "the log keeps the detail")

    def new_session(self, title, start):
        r = self.api("POST", "/api/activities", dict(
            SESSION, title=title, start=start, end=start.replace("T10:", "T12:")))
        self.assertEqual(r.status, 201, r.text)
        return r.json()["id"]

    def snapshot(self, sql, params=()):
        return query_one(self.demo.path, sql, params)

    def test_attendance_refused_after_the_delete_leaves_the_list_as_it_was(self):
        aid = self.new_session("Sesión con la base llena", "2033-03-01T10:00:00-03:00")
        members = [m["id"] for m in self.api("GET", "/api/members").json()]
        self.assertEqual(self.api("POST", "/api/activities/%d/attendance" % aid, [
            {"member_id": m, "status": "presente"} for m in members]).status, 200)
        state = "SELECT count(*) || ':' || min(status) || ':' || (SELECT attendance_version " \
                "FROM activities WHERE id = ?) FROM attendance WHERE activity_id = ?"
        before = self.snapshot(state, (aid, aid))
        self.refuse("attendance")
        r = self.api("POST", "/api/activities/%d/attendance" % aid, [
            {"member_id": m, "status": "ausente"} for m in members])
        self.assert_refused_cleanly(r, json_api=True)
        self.assertEqual(self.snapshot(state, (aid, aid)), before)

    def test_two_photos_refused_at_the_item_leave_no_file_behind(self):
        aid = self.new_session("Sesión con fotos rechazadas", "2033-03-08T10:00:00-03:00")
        counts = "SELECT (SELECT count(*) FROM evidence_files) || ':' || (SELECT count(*) " \
                 "FROM evidence_derivatives) || ':' || (SELECT count(*) FROM evidence_items)"
        before = self.snapshot(counts)
        self.refuse("evidence_items")
        c = self.admin()
        token = c.csrf_from("/actividades/%d" % aid)
        body = multipart({"kind": "fotografias", "csrf_token": token, "public": "1"},
                         [("file", "uno.png", "image/png", tiny_png(201)),
                          ("file", "dos.png", "image/png", tiny_png(202))])
        r = c.post("/actividades/%d/evidencias" % aid, body=body, headers=MP)
        self.assert_refused_cleanly(r, json_api=False)
        self.assertEqual(self.snapshot(counts), before)

    def test_an_approval_refused_at_its_snapshot_leaves_the_acta_in_review(self):
        aid = self.held_session("Sesión cuya acta no se aprueba", days_ago=60)
        later = self.held_session("Sesión siguiente", days_ago=30)
        c = self.admin()
        path, token = acta_in_review(self, c, aid)
        state = "SELECT state || ':' || version || ':' || coalesce(frozen, '-') FROM actas " \
                "WHERE activity_id = ?"
        before = self.snapshot(state, (aid,))
        self.refuse("actas", when="UPDATE", column="frozen")
        r = c.post(path, form={"csrf_token": token, "accion": "estado", "estado": "aprobada",
                               "sesion": str(later)})
        self.assert_refused_cleanly(r, json_api=False)
        self.assertEqual(self.snapshot(state, (aid,)), before)
        self.assertTrue(before.startswith("enviada:"), before)


if __name__ == "__main__":
    unittest.main()
