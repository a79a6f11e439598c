"""
The audit log (issue 21, item 6): every write — web, API, command line —
leaves an entry naming who made it, the object and the names of the fields
changed; entries cannot be changed or deleted; the officer reads it on
/admin/auditoria (CSV, XLSX) and GET /api/audit.

The log is written by triggers that cosoc makes on every table after the
migrations (src/db/audit.c), so a write cannot forget it. Two tests fail
when one does: every table but the documented few has the triggers, and a
series of writes through many routes, as different people, each leaves
entries with its own user.
"""
import subprocess
import unittest

from support import ServerTestCase, query_one, run_cli, psql

# The tables left without triggers, each with its reason in src/db/audit.c
# (db_audit_excluded). A new table must not join this list by accident.
EXCLUDED = {"audit_log", "schema_migrations", "data_version", "sessions",
            "login_attempts", "evidence_derivatives", "council_data_version",
            "auth_version"}

ACTIVITY = {
    "kind": "mesa_trabajo",
    "title": "Mesa de trabajo auditada",
    "start": "2031-05-15T10:00:00-04:00",
    "end": "2031-05-15T12:00:00-04:00",
    "commune": "04101",
    "modality": "presencial",
    "status": "programada",
    "plan_lines": [3],
    "public": True,
}


class AuditLog(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.member_password = cls.add_user("consejera.auditoria@example.cl",
                                           "Consejera Auditoría", "consejero")

    def q(self, sql, *params):
        return query_one(self.demo.path, sql, params)

    def last_id(self):
        return int(self.q("SELECT COALESCE(max(id), 0) FROM audit_log"))

    def user_id(self, email):
        return int(self.q("SELECT id FROM users WHERE email = ?", email))

    def tables_without_triggers(self):
        if self.demo.is_postgres:
            sql = ("SELECT string_agg(t.table_name, ',' ORDER BY t.table_name) "
                   "FROM information_schema.tables t WHERE t.table_schema = "
                   "current_schema() AND t.table_type = 'BASE TABLE' AND NOT EXISTS "
                   "(SELECT 1 FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid "
                   "WHERE g.tgname = 'audit_row' AND c.relname = t.table_name)")
        else:
            sql = ("SELECT group_concat(name, ',') FROM (SELECT t.name FROM "
                   "sqlite_schema t WHERE t.type = 'table' AND t.name NOT LIKE "
                   "'sqlite_%' AND (SELECT count(*) FROM sqlite_schema g WHERE "
                   "g.type = 'trigger' AND g.tbl_name = t.name AND g.name LIKE "
                   "'audit^_%' ESCAPE '^') < 3 ORDER BY t.name)")
        return set((self.q(sql) or "").split(",")) - {""}

    def test_every_table_but_the_documented_few_has_the_audit_triggers(self):
        self.assertEqual(self.tables_without_triggers(), EXCLUDED)

    def test_a_table_added_later_gets_its_triggers_on_the_next_migrate(self):
        sql = "CREATE TABLE audit_probe (id INTEGER PRIMARY KEY, council_id BIGINT, note TEXT)"
        if self.demo.is_postgres:
            psql(self.demo.path, sql)
        else:
            import sqlite3
            with sqlite3.connect(self.demo.path) as db:
                db.execute(sql)
        self.assertIn("audit_probe", self.tables_without_triggers())
        run_cli("migrate", "--db", self.demo.path, check=0)
        self.assertEqual(self.tables_without_triggers(), EXCLUDED)

    def assert_entries_by(self, before, user_id, what, kind=None):
        """Every entry after `before` is by user_id (entries of the mail
        sender, which runs beside the server, aside), and there is one."""
        n = int(self.q("SELECT count(*) FROM audit_log WHERE id > ? AND "
                       "actor NOT LIKE 'sistema%'", before))
        self.assertGreater(n, 0, "%s no dejó entrada en el registro" % what)
        wrong = self.q("SELECT count(*) FROM audit_log WHERE id > ? AND "
                       "actor NOT LIKE 'sistema%' AND (user_id IS NULL OR user_id <> ?)",
                       before, user_id)
        if wrong != "0":
            rows = self.q("SELECT group_concat(id || ' ' || actor || ' ' || "
                          "COALESCE(user_id, '-') || ' ' || tbl || ' ' || action || ' ' || stamped, '; ') "
                          "FROM audit_log WHERE id > ? AND actor NOT LIKE 'sistema%' "
                          "AND (user_id IS NULL OR user_id <> ?)", before, user_id)
            self.fail("%s: entradas sin su usuario: %s" % (what, rows))
        if kind:
            self.assertIsNotNone(self.q("SELECT id FROM audit_log WHERE id > ? AND "
                                        "object_kind = ?", before, kind), what)

    def test_writes_through_many_routes_each_leave_entries_with_their_user(self):
        admin_id = self.user_id(self.demo.email)
        member_id = self.user_id("consejera.auditoria@example.cl")
        steps = []

        def step(what, user, kind, fn):
            before = self.last_id()
            r = fn()
            self.assertIn(r.status, (200, 201, 202, 303), "%s: %s" % (what, r.text))
            self.assert_entries_by(before, user, what, kind)
            steps.append(what)
            return r

        a = step("crear actividad (API)", admin_id, "activity",
                 lambda: self.api("POST", "/api/activities", ACTIVITY)).json()
        step("modificar actividad (API)", admin_id, "activity",
             lambda: self.api("POST", "/api/activities/%d" % a["id"],
                              {"title": "Mesa de trabajo auditada (cambio)"}))
        mid = int(self.q("SELECT min(id) FROM members"))
        step("asistencia (API)", admin_id, "activity",
             lambda: self.api("POST", "/api/activities/%d/attendance" % a["id"],
                              [{"member_id": mid, "status": "presente"}]))
        # A row without a council of its own (attendance) is filed under the
        # request's council, so that each council's officer sees its own.
        self.assertEqual(self.q("SELECT council_id FROM audit_log WHERE tbl = 'attendance' "
                                "ORDER BY id DESC LIMIT 1"),
                         self.q("SELECT min(id) FROM councils"))
        step("citar (API)", admin_id, "mail",
             lambda: self.api("POST", "/api/activities/%d/convene" % a["id"],
                              {"recipients": "all"}))
        gid = int(self.q("SELECT min(id) FROM agreements"))
        step("acuerdo (API)", admin_id, "agreement",
             lambda: self.api("POST", "/api/agreements/%d" % gid, {"state": "en_curso"}))
        c = self.admin()
        token = c.csrf_from("/admin/organizaciones/nueva")
        step("organización (formulario)", admin_id, "organization",
             lambda: c.post("/admin/organizaciones/nueva",
                            form={"csrf_token": token, "nombre": "Junta de Vecinos Auditada",
                                  "tipo": "ong", "comuna": "04101"}))
        m = self.client()
        m.login("consejera.auditoria@example.cl", self.member_password)
        mtoken = m.csrf_from("/cuenta")
        step("cambio de clave (consejera)", member_id, "user",
             lambda: m.post("/cuenta/clave",
                            form={"current_password": self.member_password,
                                  "new_password": "otra-clave-segura-9",
                                  "new_password_confirm": "otra-clave-segura-9",
                                  "csrf_token": mtoken}))
        self.assertEqual(len(steps), 7)

    def test_fields_are_named_and_values_never_copied(self):
        before = self.last_id()
        a = self.api("POST", "/api/activities", dict(ACTIVITY, title="Título secreto XYZ")).json()
        self.api("POST", "/api/activities/%d" % a["id"], {"title": "Otro secreto QRS"})
        rows = self.api("GET", "/api/audit?object=activity:%d" % a["id"]).json()
        self.assertGreaterEqual(len(rows), 2)
        self.assertEqual(set(rows[0]), {"at", "user", "action", "object", "fields",
                                        "address", "table"})
        self.assertTrue(all(r["user"] == self.demo.email for r in rows), rows)
        self.assertTrue(all(r["object"] == "activity:%d" % a["id"] for r in rows))
        update = [r for r in rows if r["action"] == "modificar"
                  and r["table"] == "activities"]
        self.assertEqual(update[-1]["fields"], ["title"])
        self.assertNotIn("secreto", str(rows).lower())
        dump = self.q("SELECT count(*) FROM audit_log WHERE id > ? AND "
                      "(fields LIKE '%secreto%' OR object_id LIKE '%secreto%')", before)
        self.assertEqual(dump, "0")
        # since= filters by time; a date in the future leaves nothing.
        self.assertEqual(self.api("GET", "/api/audit?since=2099-01-01").json(), [])
        self.assertEqual(self.api("GET", "/api/audit?since=ayer").status, 400)

    def test_sign_ins_and_failed_sign_ins_are_logged(self):
        before = self.last_id()
        c = self.client()
        token = c.csrf_from("/login")
        self.assertEqual(c.post("/login", form={
            "email": "consejera.auditoria@example.cl", "password": "no-es-la-clave",
            "csrf_token": token}).status, 401)
        uid = self.user_id("consejera.auditoria@example.cl")
        self.assertEqual(self.q("SELECT count(*) FROM audit_log WHERE id > ? AND "
                                "action = 'inicio_sesion_fallido' AND object_id = ?",
                                before, str(uid)), "1")
        self.admin()
        self.assertEqual(self.q("SELECT count(*) FROM audit_log WHERE id > ? AND "
                                "action = 'inicio_sesion' AND user_id = ?",
                                before, self.user_id(self.demo.email)), "1")
        # The address of the request is kept.
        self.assertEqual(self.q("SELECT address FROM audit_log WHERE id > ? AND "
                                "action = 'inicio_sesion'", before), "127.0.0.1")

    def test_the_command_line_is_named_as_such(self):
        before = self.last_id()
        self.add_user("cli.auditoria@example.cl", "Por Consola", "autoridad")
        self.assertEqual(self.q("SELECT actor FROM audit_log WHERE id > ? AND "
                                "object_kind = 'user'", before), "línea de comandos")

    def test_entries_cannot_be_changed_or_deleted(self):
        eid = self.last_id()
        for sql in ("UPDATE audit_log SET fields = 'x' WHERE id = %d" % eid,
                    "DELETE FROM audit_log WHERE id = %d" % eid):
            if self.demo.is_postgres:
                with self.assertRaises(subprocess.CalledProcessError):
                    psql(self.demo.path, sql)
            else:
                import sqlite3
                with self.assertRaises(sqlite3.DatabaseError):
                    with sqlite3.connect(self.demo.path) as db:
                        db.execute(sql)
        self.assertEqual(self.last_id(), eid)

    def test_the_officers_page_filters_and_exports(self):
        c = self.admin()
        page = c.get("/admin/auditoria?persona=%s&objeto=user" % self.demo.email)
        self.assertEqual(page.status, 200)
        self.assertIn("inicio_sesion", page.text)
        csv = c.get("/admin/auditoria.csv?objeto=user")
        self.assertEqual(csv.status, 200)
        self.assertIn("inicio_sesion", csv.text)
        xlsx = c.get("/admin/auditoria.xlsx")
        self.assertEqual(xlsx.status, 200)
        self.assertTrue(xlsx.body.startswith(b"PK"))
        # Nobody but the officer reads it.
        self.assertEqual(self.client().get("/api/audit").status, 401)
        m = self.client()
        m.login("consejera.auditoria@example.cl", self.member_password)
        self.assertEqual(m.get("/admin/auditoria").status, 403)


if __name__ == "__main__":
    unittest.main()
