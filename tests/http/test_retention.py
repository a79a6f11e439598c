"""
Retention (issue 21, item 5): `cosoc retention run` and the daily run
inside `cosoc serve` anonymize personal data older than the council's
settings — a guest of an activity past the limit loses their name, a
newer one keeps it — and log it; what a published acta needs stays.
"""
import time
import unittest

from support import ServerTestCase, query_one, run_cli


def activity(title, start, end):
    return {"kind": "mesa_trabajo", "title": title, "start": start, "end": end,
            "commune": "04101", "modality": "presencial", "status": "realizada",
            "plan_lines": [3], "public": True}


class Retention(ServerTestCase):
    def q(self, sql, *params):
        return query_one(self.demo.path, sql, params)

    def guest(self, aid, name):
        r = self.api("POST", "/api/activities/%d/attendance" % aid,
                     [{"name": name, "organization": "Junta de Vecinos Las Flores",
                       "status": "presente"}])
        self.assertEqual(r.status, 200, r.text)

    def test_the_daily_run_takes_the_lease_once(self):
        for _ in range(100):
            if int(self.q("SELECT last_run FROM job_leases WHERE name = 'retencion'")) > 0:
                break
            time.sleep(0.1)
        self.assertGreater(int(self.q("SELECT last_run FROM job_leases WHERE "
                                      "name = 'retencion'")), 0)
        self.assertEqual(self.q("SELECT lease_until FROM job_leases WHERE "
                                "name = 'retencion'"), "0")

    def test_a_guest_older_than_the_setting_is_anonymized_and_a_newer_one_not(self):
        c = self.admin()
        token = c.csrf_from("/admin/privacidad")
        self.assertEqual(c.post("/admin/privacidad", form={
            "csrf_token": token, "accion": "ajustes", "invitados_anios": "2"}).status, 303)
        old = self.api("POST", "/api/activities", activity(
            "Mesa de 2022", "2022-05-10T10:00:00-04:00", "2022-05-10T12:00:00-04:00")).json()
        new = self.api("POST", "/api/activities", activity(
            "Mesa reciente", "2026-11-10T10:00:00-03:00", "2026-11-10T12:00:00-03:00")).json()
        self.guest(old["id"], "Invitada Antigua Rojas")
        self.guest(new["id"], "Invitado Reciente Díaz")
        frozen = self.q("SELECT count(*) FROM actas WHERE frozen IS NOT NULL")
        out = run_cli("retention", "run", "--db", self.demo.path, check=0).stdout
        self.assertIn("Conservación aplicada", out)
        # A guest is a participant (issue 20): their record loses who they were.
        for table, col in (("attendance", "guest_name"), ("participants", "name")):
            self.assertEqual(self.q("SELECT count(*) FROM %s WHERE %s = ?" % (table, col),
                                    "Invitada Antigua Rojas"), "0")
        self.assertEqual(self.q("SELECT count(*) FROM participants WHERE name = ?",
                                "Invitado Reciente Díaz"), "1")
        # The row stays: the activity still counts one guest present.
        self.assertEqual(self.q("SELECT count(*) FROM attendance WHERE activity_id = ? "
                                "AND status = 'presente'", old["id"]), "1")
        self.assertEqual(self.q("SELECT count(*) FROM actas WHERE frozen IS NOT NULL"),
                         frozen)
        rows = self.api("GET", "/api/audit?object=council:%s" %
                        self.q("SELECT min(id) FROM councils")).json()
        ret = [r for r in rows if r["action"] == "retencion"]
        self.assertTrue(ret)
        self.assertIn("participants", ret[-1]["fields"])
        self.assertEqual(ret[-1]["user"], "línea de comandos")


if __name__ == "__main__":
    unittest.main()
