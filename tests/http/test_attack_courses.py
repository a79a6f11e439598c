"""
The attack review of issues 19 and 20 over real sockets: what a hostile or
unlucky visitor does to the Escuela de Dirigentes' public enrolment, the
videoconference reports and the certificates, and to the secretary's checks.
"""
import threading
import unittest

from support import ServerTestCase, query_one
from test_hardening_actas import acta_in_review


def new_course(test, title, day="2031-05-01", capacity=0):
    """A course of one online module on day for line 10: (id, activity id)."""
    r = test.api("POST", "/api/courses", {
        "title": title, "plan_lines": [10], "completion": {"min_modules": 1},
        "capacity": capacity,
        "modules": [{"title": "Módulo 1", "start": day + "T19:00:00-04:00",
                     "end": day + "T21:00:00-04:00", "modality": "virtual",
                     "link": "https://meet.example.cl/m1"}]})
    test.assertEqual(r.status, 201, r.text)
    body = r.json()
    return body["id"], body["modules"][0]["activity_id"]


class CourseCapacity(ServerTestCase):
    def q(self, sql, params=()):
        return query_one(self.demo.path, sql, params)

    def new_course(self, title, capacity):
        return new_course(self, title, capacity=capacity)[0]

    def enrol(self, cid, name, email):
        return self.api("POST", "/api/courses/%d/enrolments" % cid, {
            "name": name, "email": email, "organization": "Junta de Vecinos",
            "commune": "04101", "consent": True})

    def count(self, cid):
        return int(self.q("SELECT count(*) FROM enrolments WHERE course_id = ?", (cid,)))

    def test_the_last_place_goes_to_one_of_many_sending_the_form_at_once(self):
        cid = self.new_course("Curso de un cupo", 1)
        n = 16
        clients, tokens, results = [], [], []
        for _ in range(n):
            c = self.client()
            clients.append(c)
            tokens.append(c.csrf_from("/cursos/%d" % cid))
        start = threading.Barrier(n)

        def send(i):
            start.wait()
            r = clients[i].post("/cursos/%d" % cid, form={
                "csrf_token": tokens[i], "nombre": "Dirigente %d" % i,
                "correo": "d%d@example.cl" % i, "organizacion": "Comité",
                "comuna": "04101", "consentimiento": "si"})
            results.append(r.status)

        threads = [threading.Thread(target=send, args=(i,)) for i in range(n)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(self.count(cid), 1)
        self.assertEqual(sorted(results), [303] + [422] * (n - 1))

    def test_someone_known_from_elsewhere_takes_no_place_beyond_capacity(self):
        # Known to the council (enrolled in another course) is not a place
        # in this one: only someone enrolled here already passes a full course.
        other = self.new_course("Otro curso", 0)
        self.assertEqual(self.enrol(other, "Rosa Conocida", "rosa@example.cl").status, 201)
        self.assertEqual(self.enrol(other, "Luis Conocido", "luis@example.cl").status, 201)
        cid = self.new_course("Curso lleno", 1)
        pub = self.client()  # Opened the form while a place was left
        token = pub.csrf_from("/cursos/%d" % cid)
        self.assertEqual(self.enrol(cid, "Primera Persona", "primera@example.cl").status, 201)
        r = self.enrol(cid, "Rosa Conocida", "rosa@example.cl")
        self.assertEqual(r.status, 409, r.text)
        self.assertIn("cupos", r.json()["error"])
        r = pub.post("/cursos/%d" % cid, form={
            "csrf_token": token, "nombre": "Luis Conocido", "correo": "luis@example.cl",
            "organizacion": "Comité", "comuna": "04101", "consentimiento": "si"})
        self.assertEqual(r.status, 422, r.text)
        self.assertIn("cupos", r.text)
        self.assertIn('value="Luis Conocido"', r.text)
        self.assertEqual(self.count(cid), 1)
        # The one enrolled is told kindly, as before.
        r = self.enrol(cid, "Primera Persona", "primera@example.cl")
        self.assertEqual(r.status, 200, r.text)
        self.assertEqual(self.count(cid), 1)


class PublicFormChangesNoRecord(ServerTestCase):
    def test_a_visitor_cannot_attach_contact_data_to_someone_known(self):
        # The officer enrolled a leader without e-mail or phone; a stranger
        # who knows her name and organization (or her RUN) sends the public
        # form with their own e-mail: her record stays as the officer left
        # it, so her course mail and certificate do not go to the stranger.
        first, second = (new_course(self, t)[0] for t in ("Curso del encargado", "Curso abierto"))
        for name, run in (("Gabriela Núñez Olivares", ""), ("Rut Conocido Tapia", "12345678-5")):
            r = self.api("POST", "/api/courses/%d/enrolments" % first, {
                "name": name, "run": run, "email": "", "organization": "Comité Villa Illapel",
                "commune": "04201", "consent": True})
            self.assertEqual(r.status, 201, r.text)
        before = query_one(self.demo.path, "SELECT count(*) FROM participants")
        for name, run, email in (("Gabriela Núñez Olivares", "", "extrano@example.cl"),
                                 ("Otro Nombre", "12.345.678-5", "otro@example.cl")):
            pub = self.client()
            token = pub.csrf_from("/cursos/%d" % second)
            r = pub.post("/cursos/%d" % second, form={
                "csrf_token": token, "nombre": name, "run": run, "correo": email,
                "telefono": "+56 9 1234 5678", "organizacion": "Comité Villa Illapel",
                "comuna": "04101", "consentimiento": "si"})
            self.assertEqual(r.status, 303, r.text)
        self.assertEqual(query_one(self.demo.path, "SELECT count(*) FROM participants"), before)
        for name in ("Gabriela Núñez Olivares", "Rut Conocido Tapia"):
            row = query_one(self.demo.path, "SELECT email || '|' || phone || '|' || "
                            "coalesce(commune_code, '') FROM participants WHERE name = ?",
                            (name,))
            self.assertEqual(row, "||04201", name)


class Certificates(ServerTestCase):
    def q(self, sql, params=()):
        return query_one(self.demo.path, sql, params)

    def course_of_one_module(self, title, day):
        cid, act = new_course(self, title, day)
        r = self.api("POST", "/api/courses/%d/enrolments" % cid, {
            "name": "Dirigenta Anticipada", "email": "anticipada-%d@example.cl" % cid,
            "organization": "Comité", "commune": "04101", "consent": True})
        self.assertEqual(r.status, 201, r.text)
        return cid, act, r.json()["id"]

    def test_no_certificate_for_a_module_not_held(self):
        # Attendance typed ahead of a module that has not happened (it is
        # still «programada») earns no certificate; once held, it does.
        cid, act, enrol = self.course_of_one_module("Curso por venir", "2031-05-01")
        r = self.api("POST", "/api/activities/%d/attendance" % act,
                     [{"enrolment_id": enrol, "status": "presente"}])
        self.assertEqual(r.status, 200, r.text)
        r = self.api("POST", "/api/courses/%d/certificates" % cid, {})
        self.assertEqual(r.status, 200, r.text)
        self.assertEqual(r.json(), [])
        self.assertEqual(self.q("SELECT count(*) FROM certificates WHERE course_id = ?",
                                (cid,)), "0")
        held, act, enrol = self.course_of_one_module("Curso realizado", "2026-03-02")
        self.api("POST", "/api/activities/%d/attendance" % act,
                 [{"enrolment_id": enrol, "status": "presente"}])
        self.assertEqual(self.api("POST", "/api/courses/%d/certificates" % held, {}).json(), [])
        r = self.api("POST", "/api/activities/%d" % act, {"status": "realizada"})
        self.assertEqual(r.status, 200, r.text)
        r = self.api("POST", "/api/courses/%d/certificates" % held, {})
        self.assertEqual([c["enrolment_id"] for c in r.json()], [enrol])

    def test_a_revocation_reason_is_one_plain_line(self):
        cid, act, enrol = self.course_of_one_module("Curso revocable", "2026-03-09")
        self.api("POST", "/api/activities/%d" % act, {"status": "realizada"})
        self.api("POST", "/api/activities/%d/attendance" % act,
                 [{"enrolment_id": enrol, "status": "presente"}])
        code = self.api("POST", "/api/courses/%d/certificates" % cid, {}).json()[0]["code"]
        for reason in ("Error \u202ede nombre", "Primera línea\nsegunda", "a\x07b"):
            r = self.api("POST", "/api/certificates/%s/revoke" % code, {"reason": reason})
            self.assertEqual(r.status, 422, r.text)
        page = self.client().get("/certificados/" + code)
        self.assertIn("Certificado válido", page.text)
        r = self.api("POST", "/api/certificates/%s/revoke" % code,
                     {"reason": "Nombre mal escrito"})
        self.assertEqual(r.status, 200, r.text)
        self.assertIn("revocado", self.client().get("/certificados/" + code).text)


class TypedNumbers(ServerTestCase):
    def test_minutes_and_settings_past_an_int_are_refused_not_wrapped(self):
        # The review of a report sends minutes back as typed numbers: two
        # of 2^31-1 summed overflowed (the sanitizer build stopped the
        # server); 4294967306 read as 10 minutes.
        cid, act = new_course(self, "Curso de minutos", "2026-03-16")
        enrol = self.api("POST", "/api/courses/%d/enrolments" % cid, {
            "name": "Minutos Largos", "email": "minutos@example.cl",
            "organization": "Comité", "commune": "04101", "consent": True}).json()["id"]
        self.assertEqual(self.api("POST", "/api/activities/%d" % act,
                                  {"status": "realizada"}).status, 200)
        c = self.admin()
        token = c.csrf_from("/actividades/%d" % act)
        r = c.post("/actividades/%d/asistencia-curso" % act, form={
            "csrf_token": token, "e_%d" % enrol: "ausente", "min_%d" % enrol: "2147483647",
            "u_0": str(enrol), "um_0": "2147483647"})
        self.assertEqual(r.status, 303, r.text[:300])
        minutes = int(query_one(self.demo.path, "SELECT minutes FROM attendance WHERE "
                                "activity_id = ?", (act,)) or 0)
        self.assertTrue(0 <= minutes <= 7 * 24 * 60, minutes)
        settings = "SELECT count(*) || ':' || coalesce(max(version), 0) FROM settings"
        before = query_one(self.demo.path, settings)
        r = c.post("/admin/cursos/ajustes", form={
            "csrf_token": token, "minutos_minimos": "4294967306",
            "firmante": "Encargada", "cargo": "Encargada PAC"})
        self.assertEqual(r.status, 422, r.text[:300])
        self.assertEqual(query_one(self.demo.path, settings), before)


class AgreementsKeepFitting(ServerTestCase):
    def test_lowering_the_attendance_cannot_leave_an_agreement_beyond_it(self):
        # Six present adopt an agreement 5-1; taking four of them off the
        # list afterwards (or all: no quorum) would leave six votes with two
        # present. The save is refused, the list and the votes stay.
        aid = self.held_session("Sesión con acuerdo votado")
        members = self.api("GET", "/api/members").json()
        r = self.api("POST", "/api/agreements", {
            "session": aid, "text": "Aprobar el plan de visitas",
            "votes": {"for": 5, "against": 1, "abstain": 0}})
        self.assertEqual(r.status, 201, r.text)
        count = "SELECT count(*) FROM attendance WHERE activity_id = ? AND status = 'presente'"
        before = query_one(self.demo.path, count, (aid,))
        for present in (2, 0):
            r = self.api("POST", "/api/activities/%d/attendance" % aid, [
                {"member_id": m["id"], "status": "presente" if i < present else "ausente"}
                for i, m in enumerate(members)])
            self.assertEqual(r.status, 422, r.text)
            self.assertIn("Aprobar el plan de visitas", r.json()["error"])
            self.assertEqual(query_one(self.demo.path, count, (aid,)), before)
        # The form says the same on the page, with the list as typed.
        c = self.admin()
        form = {"csrf_token": c.csrf_from("/actividades/%d" % aid)}
        for i, m in enumerate(members):
            form["status_%d" % m["id"]] = "presente" if i < 2 else "ausente"
        r = c.post("/actividades/%d/asistencia" % aid, form=form)
        self.assertEqual(r.status, 422, r.text[:300])
        self.assertIn("Aprobar el plan de visitas", r.text)
        self.assertIn("no se guardó", r.text)
        self.assertEqual(query_one(self.demo.path, count, (aid,)), before)
        # Nor can the session be corrected to not held while it stands.
        for status in ("suspendida", "programada"):
            r = self.api("POST", "/api/activities/%d" % aid,
                         {"status": status, "status_reason": "Se marcó por error"})
            self.assertEqual(r.status, 422, r.text)
            self.assertEqual(r.json()["field"], "status")
        self.assertEqual(self.api("GET", "/api/activities/%d" % aid).json()["status"],
                         "realizada")
        # A change that still fits is saved.
        r = self.api("POST", "/api/activities/%d/attendance" % aid, [
            {"member_id": m["id"], "status": "presente" if i < 6 else "ausente"}
            for i, m in enumerate(members)])
        self.assertEqual(r.status, 200, r.text)

    def test_lowering_the_attendance_cannot_undo_the_quorum_of_an_acta_approval(self):
        first = self.held_session("Sesión cuya acta se aprobará", days_ago=40)
        later = self.held_session("Sesión que aprueba el acta", days_ago=20)
        c = self.admin()
        path, token = acta_in_review(self, c, first)
        r = c.post(path, form={"csrf_token": token, "accion": "estado",
                               "estado": "aprobada", "sesion": str(later)})
        self.assertEqual(r.status, 303, r.text[:400])
        members = self.api("GET", "/api/members").json()
        r = self.api("POST", "/api/activities/%d/attendance" % later, [
            {"member_id": m["id"], "status": "presente" if i < 1 else "ausente"}
            for i, m in enumerate(members)])
        self.assertEqual(r.status, 422, r.text)
        self.assertIn("acta", r.json()["error"])
        self.assertEqual(query_one(self.demo.path, "SELECT count(*) FROM attendance WHERE "
                                   "activity_id = ? AND status = 'presente'", (later,)),
                         str(len(members)))


if __name__ == "__main__":
    unittest.main()
