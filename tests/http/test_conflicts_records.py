"""
No silent overwrites beyond the plan: two people (two signed-in sessions)
edit the same activity, acta, organization, member, directory entry or
agreement from the same version. The second save gets the conflict page
(409) with both values visible, nothing of hers is written, and "Guardar mi
versión" (which carries the stored version, so it is checked again) saves
hers and bumps the version. Also: the acta's state, comment and correction
forms come back with the message by the field (422), text as typed.
"""
import html
import html.parser
import re

from support import ServerTestCase, query_one

SESSION = {
    "kind": "sesion_ordinaria",
    "title": "Sesión para editar a dos manos",
    "start": "2031-09-09T10:00:00-03:00",
    "end": "2031-09-09T12:00:00-03:00",
    "commune": "04101",
    "modality": "presencial",
    "status": "programada",
    "plan_lines": [],
}


class FormReader(html.parser.HTMLParser):
    """The fields of the form posted to `action`, as a browser would send
    them: inputs (checked boxes only), selected options, textareas."""

    def __init__(self, action):
        super().__init__(convert_charrefs=True)
        self.action, self.inside, self.fields = action, False, []
        self.select = self.textarea = None
        self.first_option = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = a.get("action") == self.action and not self.fields
            return
        if not self.inside:
            return
        if tag == "input" and a.get("name"):
            if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                return
            self.fields.append((a["name"], a.get("value", "")))
        elif tag == "select":
            self.select, self.first_option = a.get("name"), None
        elif tag == "option" and self.select:
            if self.first_option is None:
                self.first_option = a.get("value", "")
            if "selected" in a:
                self.fields.append((self.select, a.get("value", "")))
                self.select = "-done-"
        elif tag == "textarea":
            self.textarea = [a.get("name"), ""]

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select" and self.select:
            if self.select != "-done-" and self.first_option is not None:
                self.fields.append((self.select, self.first_option))
            self.select = None
        elif tag == "textarea" and self.textarea:
            self.fields.append(tuple(self.textarea))
            self.textarea = None

    def handle_data(self, data):
        if self.textarea:
            self.textarea[1] += data


def form_fields(text, action, **changes):
    reader = FormReader(action)
    reader.feed(text)
    fields = [(k, v) for k, v in reader.fields if k not in changes]
    assert fields, "no form posting to %s" % action
    return fields + list(changes.items())


class TwoAdminsCase(ServerTestCase):
    """Two officers, Ana and Berta, each signed in on her own client, and an
    API token of the demo's officer: the cast of every conflict test. TAG
    keeps each test module's accounts apart."""
    TAG = "registro"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for who, name in (("ana", "Ana Primera"), ("berta", "Berta Segunda")):
            cls.add_user("%s.%s@example.cl" % (who, cls.TAG), name, "admin")

    def two_admins(self):
        a, b = self.client(), self.client()
        a.login("ana.%s@example.cl" % self.TAG, "clave-de-prueba-1")
        b.login("berta.%s@example.cl" % self.TAG, "clave-de-prueba-1")
        return a, b


class RecordConflicts(TwoAdminsCase):

    def new_activity(self, title):
        r = self.api("POST", "/api/activities", dict(SESSION, title=title))
        self.assertEqual(r.status, 201, r.text)
        return r.json()["id"]

    def q(self, sql, *params):
        return query_one(self.demo.path, sql, params)

    def conflict(self, path, action, field, a_value, b_value, table, row_id,
                 column=None, discard=None, extra=None):
        """Ana and Berta open `path`; Ana saves a_value in `field`, then
        Berta saves b_value: 409 with both, nothing written; then Berta's
        "Guardar mi versión" saves b_value. Returns Berta's client."""
        column = column or field
        a, b = self.two_admins()
        form_a = form_fields(a.get(path).text, action, **{field: a_value}, **(extra or {}))
        form_b = form_fields(b.get(path).text, action, **{field: b_value}, **(extra or {}))
        r = a.post(action, form=form_a)
        self.assertEqual(r.status, 303, r.text[:1500])
        version = int(self.q("SELECT version FROM %s WHERE id = ?" % table, row_id))
        r = b.post(action, form=form_b)
        self.assertEqual(r.status, 409, r.text[:1500])
        page = html.unescape(r.text)
        for text in ("Su versión (no guardada)", "Versión guardada (%d, por Ana Primera"
                     % version, "(distinto)", "Guardar mi versión", "Descartar mis cambios",
                     a_value, b_value):
            self.assertIn(text, page)
        if discard:
            self.assertIn('href="%s">Descartar mis cambios' % discard, r.text)
        # Nothing of Berta's was written.
        self.assertEqual(int(self.q("SELECT version FROM %s WHERE id = ?" % table, row_id)),
                         version)
        self.assertEqual(self.q("SELECT %s FROM %s WHERE id = ?" % (column, table), row_id),
                         a_value)
        # The conflict form carries her value and the stored version.
        mine = form_fields(r.text, action, conflict_choice="mine")
        self.assertIn((field, b_value), mine)
        r = b.post(action, form=mine)
        self.assertEqual(r.status, 303, r.text[:1500])
        self.assertEqual(int(self.q("SELECT version FROM %s WHERE id = ?" % table, row_id)),
                         version + 1)
        self.assertEqual(self.q("SELECT %s FROM %s WHERE id = ?" % (column, table), row_id),
                         b_value)
        return b

    def test_activity_second_save_shows_both_and_saves_mine_on_request(self):
        aid = self.new_activity("Sesión de septiembre")
        path = "/actividades/%d/editar" % aid
        self.conflict(path, path, "title", "Sesión de Ana", "Sesión de Berta", "activities",
                      aid, discard="/actividades/%d" % aid)
        self.assertEqual(self.q("SELECT u.name FROM activities a JOIN users u ON "
                                "u.id = a.updated_by WHERE a.id = ?", aid), "Berta Segunda")

    def test_activity_refused_input_keeps_the_base_version(self):
        """A 422 must not quietly rebase the form on a newer version."""
        aid = self.new_activity("Sesión de la base")
        path = "/actividades/%d/editar" % aid
        a, b = self.two_admins()
        form_b = form_fields(b.get(path).text, path, title="")
        self.assertEqual(a.post(path, form=form_fields(a.get(path).text, path,
                                                        title="Sesión de Ana")).status, 303)
        r = b.post(path, form=form_b)
        self.assertEqual(r.status, 422)
        fixed = form_fields(r.text, path, title="Sesión de Berta")
        self.assertEqual(b.post(path, form=fixed).status, 409)
        self.assertEqual(self.q("SELECT title FROM activities WHERE id = ?", aid),
                         "Sesión de Ana")

    def new_acta(self, title):
        aid = self.held_session(title, days_ago=40)
        c = self.client()
        c.login(self.demo.email, self.demo.password)
        token = c.csrf_from("/actividades/%d" % aid)
        c.post("/actividades/%d/tabla" % aid, form={"csrf_token": token,
                                                     "items": "Cuenta\nVarios"})
        path = "/actividades/%d/acta" % aid
        self.assertEqual(c.post(path, form={"accion": "crear", "csrf_token": token}).status,
                         303)
        return aid, path

    def test_acta_second_save_shows_both_and_saves_mine_on_request(self):
        aid, path = self.new_acta("Sesión con acta a dos manos")
        acta = self.q("SELECT id FROM actas WHERE activity_id = ?", aid)
        item = self.q("SELECT min(id) FROM acta_items WHERE acta_id = ?", acta)
        a, b = self.two_admins()
        field = "summary_" + item
        form_a = form_fields(a.get(path).text, path, **{field: "Resumen de Ana"})
        form_b = form_fields(b.get(path).text, path, **{field: "Resumen de Berta"})
        self.assertEqual(a.post(path, form=form_a).status, 303)
        version = int(self.q("SELECT version FROM actas WHERE id = ?", acta))
        r = b.post(path, form=form_b)
        self.assertEqual(r.status, 409, r.text[:1500])
        page = html.unescape(r.text)
        for text in ("Su versión (no guardada)", "Versión guardada (%d, por Ana Primera"
                     % version, "1. Cuenta (distinto)", "Resumen de Ana", "Resumen de Berta",
                     "Guardar mi versión", "Descartar mis cambios"):
            self.assertIn(text, page)
        self.assertIn('href="%s">Descartar mis cambios' % path, r.text)
        self.assertEqual(self.q("SELECT summary_md FROM acta_items WHERE id = ?", item),
                         "Resumen de Ana")
        self.assertEqual(int(self.q("SELECT version FROM actas WHERE id = ?", acta)), version)
        mine = form_fields(r.text, path, conflict_choice="mine")
        self.assertIn((field, "Resumen de Berta"), mine)
        self.assertIn(("version", str(version)), mine)
        self.assertEqual(b.post(path, form=mine).status, 303)
        self.assertEqual(self.q("SELECT summary_md FROM acta_items WHERE id = ?", item),
                         "Resumen de Berta")
        self.assertEqual(int(self.q("SELECT version FROM actas WHERE id = ?", acta)),
                         version + 1)

    def test_acta_state_comment_and_correction_come_back_with_the_message_by_the_field(self):
        aid, path = self.new_acta("Sesión con formularios del acta")
        a, _ = self.two_admins()
        token = a.csrf_from(path)
        # Sending to review with empty summaries: refused by the state buttons.
        r = a.post(path, form={"csrf_token": token, "accion": "estado", "estado": "enviada"})
        self.assertEqual(r.status, 422, r.text[:800])
        section = r.text.split('<section id="estado" class="has-error">', 1)
        self.assertEqual(len(section), 2, r.text)
        self.assertIn('class="field-error"', section[1].split("</section>", 1)[0])
        r = a.post(path, form={"csrf_token": token, "accion": "estado", "estado": "perdida"})
        self.assertEqual(r.status, 422)
        self.assertIn("Elija un estado válido", r.text)
        self.assertEqual(self.q("SELECT state FROM actas WHERE activity_id = ?", aid),
                         "borrador")
        # Fill in, send, comment (a councillor) with an empty text.
        item = self.q("SELECT min(a.id) FROM acta_items a JOIN actas t ON t.id = a.acta_id "
                      "WHERE t.activity_id = ?", aid)
        items = self.q("SELECT max(a.id) FROM acta_items a JOIN actas t ON t.id = a.acta_id "
                       "WHERE t.activity_id = ?", aid)
        form = form_fields(a.get(path).text, path, **{"summary_" + item: "Se dio cuenta.",
                                                      "summary_" + items: "Sin varios."})
        self.assertEqual(a.post(path, form=form).status, 303)
        self.assertEqual(a.post(path, form={"csrf_token": token, "accion": "estado",
                                            "estado": "enviada"}).status, 303)
        self.add_user("carla.acta@example.cl", "Carla Consejera", "consejero")
        m = self.client()
        m.login("carla.acta@example.cl", "clave-de-prueba-1")
        r = m.post(path, form={"csrf_token": m.csrf_from(path), "accion": "comentar",
                               "item": item, "texto": ""})
        self.assertEqual(r.status, 422)
        self.assertRegex(r.text, r'id="texto_%s"[^>]*aria-invalid="true"' % item)
        self.assertEqual(self.q("SELECT count(*) FROM acta_comments WHERE acta_item_id = ?",
                                item), "0")
        # A correction too long on an approved acta: kept as typed, by its field.
        later = self.held_session("Sesión que aprueba", days_ago=10)
        self.assertEqual(a.post(path, form={"csrf_token": token, "accion": "estado",
                                            "estado": "aprobada",
                                            "sesion": str(later)}).status, 303)
        long_text = "Corrección larguísima de Coquimbo " * 200
        r = a.post(path, form={"csrf_token": token, "accion": "corregir", "texto": long_text})
        self.assertEqual(r.status, 422)
        self.assertRegex(r.text, r'id="correccion"[^>]*aria-invalid="true"[^>]*>Corrección')
        self.assertEqual(self.q("SELECT count(*) FROM acta_corrections c JOIN actas t ON "
                                "t.id = c.acta_id WHERE t.activity_id = ?", aid), "0")

    def first_id(self, table):
        return int(self.q("SELECT min(id) FROM %s" % table))

    def test_organization_second_save_shows_both_and_saves_mine_on_request(self):
        oid = self.first_id("organizations")
        path = "/admin/organizaciones/%d" % oid
        self.conflict(path, path, "nombre", "Junta de Vecinos de Ana",
                      "Junta de Vecinos de Berta", "organizations", oid, column="name",
                      discard=path)

    def test_member_second_save_shows_both_and_saves_mine_on_request(self):
        mid = self.first_id("members")
        path = "/admin/integrantes/%d" % mid
        self.conflict(path, path, "motivo_estado", "Motivo de Ana", "Motivo de Berta",
                      "members", mid, column="status_reason", discard=path)

    def test_directory_entry_second_save_shows_both_and_saves_mine_on_request(self):
        did = self.first_id("directory_entries")
        path = "/admin/directorio/%d" % did
        self.conflict(path, path, "motivo", "Reunión pedida por Ana",
                      "Reunión pedida por Berta", "directory_entries", did, column="reason",
                      discard=path)

    def test_participant_second_save_shows_both_and_saves_mine_on_request(self):
        pid = self.first_id("participants")
        path = "/admin/participantes/%d" % pid
        self.conflict(path, path, "nombre", "Rosa Pizarro de Ana", "Rosa Pizarro de Berta",
                      "participants", pid, column="name", discard=path)

    def new_course(self, title):
        r = self.api("POST", "/api/courses", {
            "title": title, "plan_lines": [10], "completion": {"min_modules": 1},
            "modules": [{"title": "Módulo 1", "start": "2031-04-05T19:00:00-03:00",
                         "end": "2031-04-05T21:00:00-03:00", "modality": "virtual",
                         "link": "https://meet.example.cl/escuela"}]})
        self.assertEqual(r.status, 201, r.text)
        self.course = r.json()
        return self.course["id"]

    def test_course_second_save_shows_both_and_saves_mine_on_request(self):
        cid = self.new_course("Curso a dos manos")
        path = "/admin/cursos/%d" % cid
        self.conflict(path, path, "titulo", "Escuela de Ana", "Escuela de Berta", "courses",
                      cid, column="title", discard=path)

    def test_module_attendance_second_save_shows_both_and_saves_mine_on_request(self):
        cid = self.new_course("Curso con asistencia a dos manos")
        act = self.course["modules"][0]["activity_id"]
        enrol = []
        for name, email in (("Ana Leader Uno", "uno@example.cl"), ("Bruno Leader Dos",
                                                                   "dos@example.cl")):
            r = self.api("POST", "/api/courses/%d/enrolments" % cid,
                         {"name": name, "email": email, "commune": "04101", "consent": True})
            self.assertEqual(r.status, 201, r.text)
            enrol.append(r.json()["id"])
        page, action = "/actividades/%d" % act, "/actividades/%d/asistencia-curso" % act
        a, b = self.two_admins()
        form_a = form_fields(a.get(page).text, action, **{"e_%d" % enrol[0]: "presente"})
        form_b = form_fields(b.get(page).text, action, **{"e_%d" % enrol[1]: "presente"})
        self.assertEqual(a.post(action, form=form_a).status, 303)
        present = lambda: self.q("SELECT count(*) FROM attendance t JOIN enrolments e ON "
                                 "e.participant_id = t.participant_id WHERE t.activity_id = ? "
                                 "AND t.status = 'presente' AND e.id = ?", act, enrol[1])
        r = b.post(action, form=form_b)
        self.assertEqual(r.status, 409, r.text[:1500])
        text = html.unescape(r.text)
        for s in ("Su versión (no guardada)", "por Ana Primera", "Bruno Leader Dos (distinto)",
                  "Guardar mi versión"):
            self.assertIn(s, text)
        self.assertEqual(present(), "0")  # Nothing of Berta's was written
        mine = form_fields(r.text, action, conflict_choice="mine")
        self.assertIn(("e_%d" % enrol[1], "presente"), mine)
        self.assertEqual(b.post(action, form=mine).status, 303)
        self.assertEqual(present(), "1")

    def test_course_and_participant_forms_refuse_input_whole(self):
        """A refused field: 422 with what was typed, nothing written."""
        cid = self.new_course("Curso de la base")
        a, _ = self.two_admins()
        path = "/admin/cursos/%d" % cid
        r = a.post(path, form=form_fields(a.get(path).text, path, titulo="Curso nuevo",
                                          valor="3"))
        self.assertEqual(r.status, 422)  # 3 modules asked of a course of 1
        self.assertIn('value="Curso nuevo"', r.text)
        self.assertEqual(self.q("SELECT title FROM courses WHERE id = ?", cid),
                         "Curso de la base")
        pid = self.first_id("participants")
        path = "/admin/participantes/%d" % pid
        before = self.q("SELECT name FROM participants WHERE id = ?", pid)
        r = a.post(path, form=form_fields(a.get(path).text, path, nombre="Otro Nombre",
                                          run="12.345.678-0"))
        self.assertEqual(r.status, 422)
        self.assertIn('value="12.345.678-0"', r.text)
        self.assertEqual(self.q("SELECT name FROM participants WHERE id = ?", pid), before)

    def test_people_form_refused_input_keeps_the_base_version(self):
        oid = self.first_id("organizations")
        path = "/admin/organizaciones/%d" % oid
        a, b = self.two_admins()
        form_b = form_fields(b.get(path).text, path, nombre="")
        self.assertEqual(a.post(path, form=form_fields(a.get(path).text, path,
                                                        nombre="Nombre de Ana")).status, 303)
        r = b.post(path, form=form_b)
        self.assertEqual(r.status, 422)
        self.assertEqual(b.post(path, form=form_fields(r.text, path,
                                                       nombre="Nombre de Berta")).status, 409)
        self.assertEqual(self.q("SELECT name FROM organizations WHERE id = ?", oid),
                         "Nombre de Ana")

    def test_agreement_second_follow_up_shows_both_and_saves_mine_on_request(self):
        gid = int(self.q("SELECT min(id) FROM agreements WHERE state = 'pendiente'"))
        path = "/acuerdos/%d" % gid
        a, b = self.two_admins()
        form_a = form_fields(a.get(path).text, path, state="en_curso", note="Nota de Ana")
        form_b = form_fields(b.get(path).text, path, state="cumplido", note="Nota de Berta")
        self.assertEqual(a.post(path, form=form_a).status, 303)
        version = int(self.q("SELECT version FROM agreements WHERE id = ?", gid))
        notes = self.q("SELECT count(*) FROM agreement_log WHERE agreement_id = ?", gid)
        r = b.post(path, form=form_b)
        self.assertEqual(r.status, 409, r.text[:1500])
        page = html.unescape(r.text)
        for text in ("Su versión (no guardada)", "Versión guardada (%d, por Ana Primera"
                     % version, "Estado (distinto)", "Cumplido", "En curso", "Nota de Ana",
                     "Guardar mi versión"):
            self.assertIn(text, page)
        self.assertEqual(self.q("SELECT state FROM agreements WHERE id = ?", gid), "en_curso")
        self.assertEqual(self.q("SELECT count(*) FROM agreement_log WHERE agreement_id = ?",
                                gid), notes)
        mine = form_fields(r.text, path, conflict_choice="mine")
        self.assertIn(("note", "Nota de Berta"), mine)
        self.assertIn(("state", "cumplido"), mine)
        self.assertEqual(b.post(path, form=mine).status, 303)
        self.assertEqual(self.q("SELECT state FROM agreements WHERE id = ?", gid), "cumplido")
        self.assertEqual(int(self.q("SELECT version FROM agreements WHERE id = ?", gid)),
                         version + 1)

    def test_agenda_second_save_shows_both_and_saves_mine_on_request(self):
        aid = self.new_activity("Sesión con tabla a dos manos")
        page, action = "/actividades/%d" % aid, "/actividades/%d/tabla" % aid
        a, b = self.two_admins()
        form_a = form_fields(a.get(page).text, action, items="Cuenta de Ana\nVarios")
        form_b = form_fields(b.get(page).text, action, items="Cuenta de Berta")
        self.assertEqual(a.post(action, form=form_a).status, 303)
        version = int(self.q("SELECT version FROM activities WHERE id = ?", aid))
        r = b.post(action, form=form_b)
        self.assertEqual(r.status, 409, r.text[:1500])
        text = html.unescape(r.text)
        for s in ("Su versión (no guardada)", "Versión guardada (%d, por Ana Primera" % version,
                  "Punto 1 (distinto)", "Punto 2 (distinto)", "Cuenta de Ana", "Cuenta de Berta",
                  "Guardar mi versión"):
            self.assertIn(s, text)
        agenda = "SELECT text FROM activity_agenda WHERE activity_id = ? AND position = 1"
        self.assertEqual(self.q(agenda, aid), "Cuenta de Ana")
        mine = form_fields(r.text, action, conflict_choice="mine")
        self.assertIn(("version", str(version)), mine)
        self.assertEqual(b.post(action, form=mine).status, 303)
        self.assertEqual(self.q(agenda, aid), "Cuenta de Berta")
        self.assertEqual(self.q("SELECT count(*) FROM activity_agenda WHERE activity_id = ?",
                                aid), "1")
        self.assertEqual(int(self.q("SELECT version FROM activities WHERE id = ?", aid)),
                         version + 1)

    def test_quorum_rules_second_save_shows_both_and_saves_mine_on_request(self):
        path = "/admin/quorum"
        a, b = self.two_admins()
        form_a = form_fields(a.get(path).text, path, seats="12")
        form_b = form_fields(b.get(path).text, path, seats="10")
        self.assertEqual(a.post(path, form=form_a).status, 303)
        version = int(self.q("SELECT version FROM quorum_settings"))
        r = b.post(path, form=form_b)
        self.assertEqual(r.status, 409, r.text[:1500])
        text = html.unescape(r.text)
        for s in ("Su versión (no guardada)", "Versión guardada (%d, por Ana Primera" % version,
                  "Cargos titulares del consejo (distinto)", "Guardar mi versión"):
            self.assertIn(s, text)
        self.assertEqual(self.q("SELECT seats FROM quorum_settings"), "12")
        mine = form_fields(r.text, path, conflict_choice="mine")
        self.assertIn(("seats", "10"), mine)
        self.assertEqual(b.post(path, form=mine).status, 303)
        self.assertEqual(self.q("SELECT seats FROM quorum_settings"), "10")
        self.assertEqual(int(self.q("SELECT version FROM quorum_settings")), version + 1)
