"""
The breach register (issue 21, item 7): the officer records a security
incident — what, when, whose data, the measures, when the Agencia and the
people were told — and finds the people affected from the audit log.
"""
import datetime
import re
import unittest

from support import ServerTestCase, query_one


class Breaches(ServerTestCase):
    def q(self, sql, *params):
        return query_one(self.demo.path, sql, params)

    def test_an_incident_is_recorded_and_its_people_found_in_the_audit_log(self):
        today = datetime.date.today().isoformat()
        mid = int(self.q("SELECT min(id) FROM members"))
        # A change to a member today: the audit log has it.
        self.api("POST", "/api/members/%d/consents" % mid, {
            "purpose": "participacion", "given": True, "method": "correo"})
        c = self.admin()
        token = c.csrf_from("/admin/privacidad/incidentes")
        bad = c.post("/admin/privacidad/incidentes", form={
            "csrf_token": token, "titulo": "", "ocurrio": "ayer"})
        self.assertEqual(bad.status, 422)
        self.assertEqual(self.q("SELECT count(*) FROM breaches"), "0")
        r = c.post("/admin/privacidad/incidentes", form={
            "csrf_token": token, "titulo": "Notebook extraviado",
            "descripcion": "Con una planilla de asistencia.", "ocurrio": today,
            "detectado": today, "datos": "Nombres y correos de consejeros",
            "medidas": "Cambio de contraseñas", "agencia": "", "personas": ""})
        self.assertEqual(r.status, 303, r.text[:600])
        path = r.header("Location")
        token = c.csrf_from(path)
        r = c.post(path, form={"csrf_token": token, "accion": "buscar",
                               "desde": today, "hasta": today})
        self.assertEqual(r.status, 303)
        page = c.get(r.header("Location")).text
        self.assertIn("member:%d" % mid, page)
        bid = int(path.rsplit("/", 1)[1])
        self.assertGreaterEqual(int(self.q("SELECT count(*) FROM breach_objects WHERE "
                                           "breach_id = ?", bid)), 1)
        # The notifications are dated later.
        token = c.csrf_from(path)
        form = {"csrf_token": token, "accion": "guardar", "titulo": "Notebook extraviado",
                "ocurrio": today, "detectado": today, "agencia": today, "personas": today}
        self.assertEqual(c.post(path, form=form).status, 303)
        self.assertEqual(self.q("SELECT agency_notified_on FROM breaches WHERE id = ?", bid),
                         today)
        lst = c.get("/admin/privacidad/incidentes").text
        self.assertIn("Notebook extraviado", lst)
        self.assertNotIn("Sin notificar", re.search(r"Notebook extraviado.*?</tr>", lst,
                                                    re.S).group(0))
        self.assertEqual(self.client().get(path).status in (200,), False)


if __name__ == "__main__":
    unittest.main()
