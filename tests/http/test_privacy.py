"""
The privacy notice (/privacidad, written from the council's settings) and
requests to exercise a right (issue 21, items 3 and 4): the public form
/privacidad/solicitud (no account, CSRF), the officer's list with each
request's 30-day clock (also on the dashboard), and the answer letter, a
PDF sent through the outbox.
"""
import datetime
import unittest

from support import ServerTestCase, query_one


class Privacy(ServerTestCase):
    def q(self, sql, *params):
        return query_one(self.demo.path, sql, params)

    def test_the_notice_is_public_and_written_from_the_settings(self):
        page = self.client().get("/privacidad")
        self.assertEqual(page.status, 200)
        for words in ("Responsable del tratamiento", "Base legal", "Qué se publica",
                      "Supresión", "Portabilidad", "30 días", "/privacidad/solicitud",
                      "Registro de correos enviados (días): 365"):
            self.assertIn(words, page.text)
        self.assertIn("Consejo de la Sociedad Civil MINVU", page.text)
        c = self.admin()
        token = c.csrf_from("/admin/privacidad")
        bad = c.post("/admin/privacidad", form={"csrf_token": token, "accion": "ajustes",
                                                "correo_dias": "5"})
        self.assertEqual(bad.status, 422)
        ok = c.post("/admin/privacidad", form={
            "csrf_token": token, "accion": "ajustes",
            "contacto": "Escriba a datos@serviu-coquimbo.example.cl",
            "correo_dias": "400"})
        self.assertEqual(ok.status, 303, ok.text[:500])
        page = self.client().get("/privacidad").text
        self.assertIn("datos@serviu-coquimbo.example.cl", page)
        self.assertIn("Registro de correos enviados (días): 400", page)
        self.assertIn('href="/privacidad"', self.client().get("/").text)

    def test_a_request_from_the_public_form_is_answered_with_a_letter(self):
        anon = self.client()
        form = anon.get("/privacidad/solicitud")
        self.assertEqual(form.status, 200)
        token = anon.csrf_from("/privacidad/solicitud")
        before = self.q("SELECT count(*) FROM privacy_requests")
        self.assertEqual(anon.post("/privacidad/solicitud", form={
            "derecho": "acceso", "nombre": "Sin Token"}).status, 403)
        bad = anon.post("/privacidad/solicitud", form={
            "csrf_token": token, "derecho": "otro", "nombre": ""})
        self.assertEqual(bad.status, 422)
        self.assertIn("Elija qué derecho", bad.text)
        self.assertEqual(self.q("SELECT count(*) FROM privacy_requests"), before)
        r = anon.post("/privacidad/solicitud", form={
            "csrf_token": token, "derecho": "acceso", "nombre": "Rosa Araya Tapia",
            "correo": "rosa.araya@example.cl", "run": "",
            "detalle": "Quiero saber qué datos míos tienen."})
        self.assertEqual(r.status, 303, r.text[:800])
        self.assertIn("Le responderemos a más tardar",
                      anon.get(r.header("Location")).text)
        rid = int(self.q("SELECT max(id) FROM privacy_requests"))
        received = self.q("SELECT received_on FROM privacy_requests WHERE id = ?", rid)
        due = self.q("SELECT due_on FROM privacy_requests WHERE id = ?", rid)
        self.assertEqual(datetime.date.fromisoformat(due)
                         - datetime.date.fromisoformat(received),
                         datetime.timedelta(days=30))
        self.assertEqual(self.q("SELECT channel FROM privacy_requests WHERE id = ?", rid),
                         "formulario")
        # The officer sees the clock on the list and on the dashboard.
        c = self.admin()
        lst = c.get("/admin/privacidad").text
        self.assertIn("Rosa Araya Tapia", lst)
        self.assertIn("(en 30 días)", lst)
        self.assertIn("por responder", c.get("/").text)
        # A visitor and a councillor cannot read them.
        self.assertNotEqual(self.client().get("/admin/privacidad").status, 200)
        # The answer: a PDF letter queued to the requester.
        path = "/admin/privacidad/solicitudes/%d" % rid
        self.assertEqual(c.get(path + "/carta.pdf").body[:5], b"%PDF-")
        token = c.csrf_from(path)
        self.assertEqual(c.post(path, form={"csrf_token": token, "accion": "responder",
                                            "respuesta": ""}).status, 422)
        r = c.post(path, form={"csrf_token": token, "accion": "responder",
                               "respuesta": "Le enviamos sus datos adjuntos."})
        self.assertEqual(r.status, 303, r.text[:800])
        self.assertEqual(self.q("SELECT state FROM privacy_requests WHERE id = ?", rid),
                         "respondida")
        mail = self.q("SELECT mail_id FROM privacy_requests WHERE id = ?", rid)
        self.assertEqual(self.q("SELECT recipient FROM mail_outbox WHERE id = ?", int(mail)),
                         "rosa.araya@example.cl")
        self.assertEqual(self.q("SELECT content_type FROM mail_attachments WHERE "
                                "mail_id = ?", int(mail)), "application/pdf")
        self.assertIn("Respondida", c.get(path).text)

    def test_the_officer_registers_a_request_taken_another_way(self):
        c = self.admin()
        token = c.csrf_from("/admin/privacidad")
        r = c.post("/admin/privacidad", form={
            "csrf_token": token, "derecho": "rectificacion", "nombre": "Pedro Soto",
            "telefono": "+56 9 5555 0000", "run": "11.111.111-1"})
        self.assertEqual(r.status, 303, r.text[:800])
        rid = int(r.header("Location").rsplit("/", 1)[1])
        self.assertEqual(self.q("SELECT channel FROM privacy_requests WHERE id = ?", rid),
                         "encargado")
        mid = int(self.q("SELECT min(id) FROM members"))
        path = "/admin/privacidad/solicitudes/%d" % rid
        token = c.csrf_from(path)
        c.post(path, form={"csrf_token": token, "accion": "vincular",
                           "integrante": str(mid)})
        self.assertIn("/admin/integrantes/%d/datos" % mid, c.get(path).text)


if __name__ == "__main__":
    unittest.main()
