"""
Published minutes (issue 15, items 3 and 4):

- once a session's acta is approved, its attendance and agreements are
  fixed with it: POST /api/activities/ID/attendance (even `[]`), the
  attendance form and a new agreement of that session (API and form)
  answer 409 with a Spanish reason and change nothing; the officer's
  activity page shows the list read-only; following up an agreement (its
  state, which the acta does not show) still works;
- the acta shows what was frozen at its approval: renaming a member,
  changing the quorum rules or the session's title afterwards does not
  change the published page or PDF; a correction is a dated nota de
  corrección kept with its author;
- the reason of an excused absence («Licencia médica» in the demo) is the
  officer's only: the public acta page and PDF, and a councillor, see
  «Ausencia justificada»; the officer still sees the reason.
"""
import re
import unittest

import support
from support import ServerTestCase, query_one
from test_meetings import SESSION, pdf_text

REASON = "Licencia médica"


def acta_in_review(test, c, aid):
    """As the officer (client c): writes the acta of session aid, one
    summary per item, and sends it to review. Returns its path and the
    form token."""
    path = "/actividades/%d/acta" % aid
    token = c.csrf_from("/actividades/%d" % aid)
    test.assertEqual(c.post(path, form={"csrf_token": token, "accion": "crear"}).status, 303)
    page = c.get(path).text
    form = {"csrf_token": token, "accion": "guardar",
            "version": re.search(r'name="version" value="(\d+)"', page).group(1)}
    for item in re.findall(r'name="summary_(\d+)"', page):
        form["summary_" + item] = "Se trató."
    test.assertEqual(c.post(path, form=form).status, 303)
    test.assertEqual(c.post(path, form={"csrf_token": token, "accion": "estado",
                                        "estado": "enviada"}).status, 303)
    return path, token


class FrozenActas(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.member_password = cls.add_user("consejera@example.cl", "Consejera Prueba",
                                           "consejero")
        cls.march = int(query_one(cls.demo.path, "SELECT id FROM activities WHERE title = ?",
                                  ("Sesión ordinaria de marzo",)))

    def member(self):
        c = self.client()
        c.login("consejera@example.cl", self.member_password)
        return c

    def execute(self, sql, params=()):
        """A write no page makes (a member renamed by hand, say)."""
        if self.demo.is_postgres:
            for p in params:
                sql = sql.replace("?", "'%s'" % str(p).replace("'", "''"), 1)
            support.psql(self.demo.path, sql)
        else:
            import sqlite3
            with sqlite3.connect(self.demo.path) as db:
                db.execute(sql, params)

    def attendance_rows(self, aid):
        return query_one(self.demo.path, "SELECT count(*) || ':' || coalesce(max(status), '') "
                         "|| ':' || (SELECT attendance_version FROM activities WHERE id = ?) "
                         "FROM attendance WHERE activity_id = ?", (aid, aid))

    def agreements(self, aid):
        return query_one(self.demo.path, "SELECT count(*) FROM agreements WHERE "
                         "activity_id = ?", (aid,))

    def public_sections(self, aid):
        """The public acta page from its attendance to its agreements."""
        page = self.client().get("/actividades/%d/acta" % aid)
        self.assertEqual(page.status, 200)
        return page.text[page.text.index("<h2>Asistentes"):page.text.index("</main>")]

    def test_attendance_of_an_approved_acta_cannot_change(self):
        aid = self.march
        shown = self.public_sections(aid)
        rows = self.attendance_rows(aid)
        for body in ([], [{"member_id": m["id"], "status": "ausente"}
                          for m in self.api("GET", "/api/members").json()]):
            r = self.api("POST", "/api/activities/%d/attendance" % aid, body)
            self.assertEqual(r.status, 409, r.text)
            self.assertIn("ya fue aprobada", r.json()["error"])
            self.assertIn("nota de corrección", r.json()["error"])
        self.assertEqual(self.attendance_rows(aid), rows)
        self.assertEqual(self.public_sections(aid), shown)
        self.assertNotIn("Aún no se registra asistencia", shown)
        # The form: not offered, and refused when posted anyway.
        c = self.admin()
        page = c.get("/actividades/%d" % aid).text
        self.assertNotIn('action="/actividades/%d/asistencia"' % aid, page)
        self.assertIn("ya fue aprobada", page)
        token = c.csrf_from("/actividades/%d" % aid)
        member = self.api("GET", "/api/members").json()[0]["id"]
        r = c.post("/actividades/%d/asistencia" % aid, form={
            "csrf_token": token, "status_%d" % member: "ausente"})
        self.assertEqual(r.status, 409)
        self.assertIn("ya fue aprobada", r.text)
        self.assertIn('href="/actividades/%d/acta"' % aid, r.text)
        self.assertEqual(self.attendance_rows(aid), rows)

    def test_no_agreement_is_added_to_an_approved_session_but_follow_up_goes_on(self):
        aid = self.march
        n = self.agreements(aid)
        shown = self.public_sections(aid)
        r = self.api("POST", "/api/agreements", {"session": aid, "text": "Acuerdo tardío"})
        self.assertEqual(r.status, 409, r.text)
        self.assertIn("ya fue aprobada", r.json()["error"])
        c = self.admin()
        page = c.get("/actividades/%d" % aid).text
        self.assertNotIn('action="/actividades/%d/acuerdos"' % aid, page)
        token = c.csrf_from("/actividades/%d" % aid)
        r = c.post("/actividades/%d/acuerdos" % aid, form={
            "csrf_token": token, "text": "Otro acuerdo tardío", "responsible_kind": "ninguno"})
        self.assertEqual(r.status, 409)
        self.assertEqual(self.agreements(aid), n)
        # Its state is tracked, not part of the acta: still followed.
        g = [x for x in self.api("GET", "/api/agreements?session=%d" % aid).json()
             if x["state"] == "pendiente"][0]
        r = self.api("POST", "/api/agreements/%d" % g["id"], {
            "state": "en_curso", "note": "Se ofició a la SEREMI.", "date": ""})
        self.assertEqual(r.status, 200, r.text)
        self.assertEqual(self.public_sections(aid), shown)

    def test_the_acta_shows_what_was_frozen_at_its_approval(self):
        aid = self.new_approved_session()
        name = self.api("GET", "/api/members").json()[0]
        before_page = self.public_sections(aid)
        before_pdf, _ = pdf_text(self.client().get("/actividades/%d/acta.pdf" % aid).body)
        self.assertIn(name["name"], before_page)
        # Changes elsewhere that the acta would otherwise follow.
        self.execute("UPDATE members SET first_names = ? WHERE id = ?",
                     ("Renombrada", name["id"]))
        self.execute("UPDATE activities SET title = ? WHERE id = ?",
                     ("Título cambiado después", aid))
        self.execute("DELETE FROM quorum_settings")
        self.execute("INSERT INTO quorum_settings (council_id, session_kind, session_fixed, "
                     "updated_at) SELECT id, 'numero', 900, 0 FROM councils")
        self.addCleanup(self.execute, "DELETE FROM quorum_settings")
        self.addCleanup(self.execute, "UPDATE members SET first_names = ? WHERE id = ?",
                        (name["name"].split()[0], name["id"]))
        self.assertEqual(self.public_sections(aid), before_page)
        page = self.client().get("/actividades/%d/acta" % aid).text
        self.assertIn("Sesión ordinaria de agosto", page)
        self.assertNotIn("Título cambiado después", page)
        after_pdf, _ = pdf_text(self.client().get("/actividades/%d/acta.pdf" % aid).body)
        self.assertEqual(after_pdf, before_pdf)
        self.assertNotIn("Renombrada", after_pdf)
        # A correction goes through the nota de corrección, with its author.
        c = self.admin()
        token = c.csrf_from("/actividades/%d/acta" % aid)
        r = c.post("/actividades/%d/acta" % aid, form={
            "csrf_token": token, "accion": "corregir",
            "texto": "Donde dice presente, debe decir justificada."})
        self.assertEqual(r.status, 303)
        self.assertIn("debe decir justificada", self.client().get(
            "/actividades/%d/acta" % aid).text)
        self.assertEqual(query_one(self.demo.path, "SELECT u.email FROM acta_corrections c "
                                   "JOIN actas a ON a.id = c.acta_id JOIN users u ON "
                                   "u.id = c.created_by WHERE a.activity_id = ?", (aid,)),
                         self.demo.email)

    def new_approved_session(self):
        """A session held, with attendance and an agreement, whose acta the
        officer approves in a later session and publishes (the pages)."""
        aid = self.held_session("Sesión ordinaria de agosto", days_ago=60)
        later = self.held_session("Sesión ordinaria de septiembre", days_ago=30)
        self.assertEqual(self.api("POST", "/api/agreements", {
            "session": aid, "text": "Visitar la población Las Compañías"}).status, 201)
        c = self.admin()
        path, token = acta_in_review(self, c, aid)
        for estado, extra in (("aprobada", {"sesion": str(later)}), ("publicada", {})):
            r = c.post(path, form=dict({"csrf_token": token, "accion": "estado",
                                        "estado": estado}, **extra))
            self.assertEqual(r.status, 303, (estado, r.text[:400]))
        self.assertEqual(query_one(self.demo.path, "SELECT count(*) FROM actas WHERE "
                                   "activity_id = ? AND frozen IS NOT NULL", (aid,)), "1")
        return aid

    def test_the_excuse_of_an_absence_is_the_officers_only(self):
        aid = self.march
        path = "/actividades/%d/acta" % aid
        public = self.client().get(path).text
        self.assertIn("Ausencia justificada", public)
        self.assertNotIn(REASON, public)
        text, _ = pdf_text(self.client().get(path + ".pdf").body)
        self.assertIn("justificadas", text)
        self.assertNotIn(REASON, text)
        m = self.member()
        self.assertNotIn(REASON, m.get(path).text)
        self.assertNotIn(REASON, m.get("/actividades/%d" % aid).text)
        # The officer keeps it, on the acta and on the activity page.
        c = self.admin()
        self.assertIn(REASON, c.get(path).text)
        self.assertIn(REASON, c.get("/actividades/%d" % aid).text)


if __name__ == "__main__":
    unittest.main()
