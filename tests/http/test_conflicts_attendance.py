"""
No silent overwrite of a session's attendance (issue 3): two officers open
the same activity page and both record attendance. The second save gets the
conflict page (409) listing, person by person, her status and reason next
to the saved ones (who saved, when); nothing of hers is written; "Guardar
mi versión" (carrying the stored version) saves hers. A save through the
API, which carries no version, keeps saving as the contract says and makes
an open form stale. The same for the activity reminder hours setting.
"""
import html

import test_conflicts_records as records
from support import query_one


class AttendanceConflicts(records.TwoAdminsCase):
    TAG = "asistencia"

    def q(self, sql, *params):
        return query_one(self.demo.path, sql, params)

    def new_session(self, title):
        r = self.api("POST", "/api/activities", dict(records.SESSION, title=title))
        self.assertEqual(r.status, 201, r.text)
        return r.json()["id"]

    def version(self, aid):
        return int(self.q("SELECT attendance_version FROM activities WHERE id = ?", aid))

    def reason(self, aid, member):
        return self.q("SELECT reason FROM attendance WHERE activity_id = ? AND member_id = ?",
                      aid, member)

    def test_second_save_shows_both_per_person_and_saves_mine_on_request(self):
        aid = self.new_session("Sesión con asistencia a dos manos")
        m0, m1 = [m["id"] for m in self.api("GET", "/api/members").json()[:2]]
        own = self.q("SELECT version FROM activities WHERE id = ?", aid)
        page, action = "/actividades/%d" % aid, "/actividades/%d/asistencia" % aid
        a, b = self.two_admins()
        form_a = records.form_fields(a.get(page).text, action, **{
            "status_%d" % m0: "presente", "status_%d" % m1: "justificado",
            "reason_%d" % m1: "Enfermedad, según Ana"})
        form_b = records.form_fields(b.get(page).text, action, **{
            "status_%d" % m1: "justificado", "reason_%d" % m1: "Viaje, según Berta",
            "guest_name_0": "Raúl Ñancupil", "guest_org_0": "Junta Peñuelas",
            "guest_status_0": "presente"})
        self.assertIn(("version", str(self.version(aid))), form_b)
        r = a.post(action, form=form_a)
        self.assertEqual(r.status, 303, r.text[:1500])
        version = self.version(aid)
        r = b.post(action, form=form_b)
        self.assertEqual(r.status, 409, r.text[:2000])
        text = html.unescape(r.text)
        for want in ("Su versión (no guardada)", "Versión guardada (%d, por Ana Primera" % version,
                     "Ausencia justificada: Enfermedad, según Ana",
                     "Ausencia justificada: Viaje, según Berta",
                     "(distinto)", "Raúl Ñancupil (Junta Peñuelas): Presente",
                     "Guardar mi versión", "Descartar mis cambios"):
            self.assertIn(want, text)
        self.assertIn('href="/actividades/%d#asistencia">Descartar mis cambios' % aid, r.text)
        # Nothing of Berta's was written.
        self.assertEqual(self.version(aid), version)
        self.assertEqual(self.reason(aid, m1), "Enfermedad, según Ana")
        self.assertEqual(int(self.q("SELECT count(*) FROM attendance WHERE activity_id = ? "
                                    "AND member_id IS NULL", aid)), 0)
        # Her form comes back as typed, drawn from the stored version.
        mine = records.form_fields(r.text, action, conflict_choice="mine")
        self.assertIn(("reason_%d" % m1, "Viaje, según Berta"), mine)
        self.assertIn(("guest_name_0", "Raúl Ñancupil"), mine)
        self.assertIn(("version", str(version)), mine)
        r = b.post(action, form=mine)
        self.assertEqual(r.status, 303, r.text[:1500])
        self.assertEqual(self.version(aid), version + 1)
        self.assertEqual(self.reason(aid, m1), "Viaje, según Berta")
        self.assertEqual(self.q("SELECT u.name FROM activities a JOIN users u ON "
                                "u.id = a.attendance_updated_by WHERE a.id = ?", aid),
                         "Berta Segunda")
        # The activity's own version (its edit form) is not touched.
        self.assertEqual(self.q("SELECT version FROM activities WHERE id = ?", aid), own)

    def test_api_save_keeps_the_contract_and_makes_an_open_form_stale(self):
        aid = self.new_session("Sesión con asistencia por la API")
        m0 = self.api("GET", "/api/members").json()[0]["id"]
        page, action = "/actividades/%d" % aid, "/actividades/%d/asistencia" % aid
        a, _ = self.two_admins()
        form = records.form_fields(a.get(page).text, action, **{"status_%d" % m0: "ausente"})
        version = self.version(aid)
        r = self.api("POST", "/api/activities/%d/attendance" % aid,
                     [{"member_id": m0, "status": "presente"}])
        self.assertEqual(r.status, 200, r.text)
        self.assertEqual(r.json()["attendance"][0]["status"], "presente")
        self.assertIn("quorum", r.json())
        self.assertEqual(self.version(aid), version + 1)
        r = a.post(action, form=form)
        self.assertEqual(r.status, 409, r.text[:1500])
        self.assertEqual(self.q("SELECT status FROM attendance WHERE activity_id = ? AND "
                                "member_id = ?", aid, m0), "presente")

    def test_refused_input_keeps_the_base_version(self):
        """A 422 must not quietly rebase the form on a newer version."""
        aid = self.new_session("Sesión con asistencia mal escrita a dos manos")
        m0 = self.api("GET", "/api/members").json()[0]["id"]
        page, action = "/actividades/%d" % aid, "/actividades/%d/asistencia" % aid
        a, b = self.two_admins()
        form_b = records.form_fields(b.get(page).text, action, **{"status_%d" % m0: "tarde"})
        form_a = records.form_fields(a.get(page).text, action, **{"status_%d" % m0: "presente"})
        self.assertEqual(a.post(action, form=form_a).status, 303)
        r = b.post(action, form=form_b)
        self.assertEqual(r.status, 422, r.text[:1500])
        fixed = records.form_fields(r.text, action, **{"status_%d" % m0: "ausente"})
        self.assertEqual(b.post(action, form=fixed).status, 409)
        self.assertEqual(self.q("SELECT status FROM attendance WHERE activity_id = ? AND "
                                "member_id = ?", aid, m0), "presente")

    def test_reminder_hours_second_save_shows_both_and_saves_mine_on_request(self):
        page, action = "/actividades", "/actividades/ajustes"
        a, b = self.two_admins()
        form_a = records.form_fields(a.get(page).text, action, reminder_hours="24")
        form_b = records.form_fields(b.get(page).text, action, reminder_hours="72")
        r = a.post(action, form=form_a)
        self.assertEqual(r.status, 303, r.text[:1500])
        stored = "SELECT %s FROM council_settings WHERE key = 'activity_reminder_hours'"
        version = int(self.q(stored % "version"))
        r = b.post(action, form=form_b)
        self.assertEqual(r.status, 409, r.text[:1500])
        text = html.unescape(r.text)
        for want in ("Su versión (no guardada)", "Versión guardada (%d, por Ana Primera" % version,
                     "Horas antes de la actividad (distinto)", "Guardar mi versión"):
            self.assertIn(want, text)
        self.assertIn('href="/actividades#ajustes">Descartar mis cambios', r.text)
        self.assertEqual(self.q(stored % "value"), "24")
        self.assertEqual(int(self.q(stored % "version")), version)
        mine = records.form_fields(r.text, action, conflict_choice="mine")
        self.assertIn(("reminder_hours", "72"), mine)
        self.assertEqual(b.post(action, form=mine).status, 303)
        self.assertEqual(self.q(stored % "value"), "72")
        self.assertEqual(int(self.q(stored % "version")), version + 1)
        self.assertEqual(self.q("SELECT u.name FROM council_settings s JOIN users u ON u.id = "
                                "s.updated_by WHERE s.key = 'activity_reminder_hours'"),
                         "Berta Segunda")
