"""
No silent overwrites: two people edit the same plan line from the same
version; the second save gets a 409 page with both versions side by side
(what she typed, not saved, and what the other person saved), nothing of
hers is written, and she can deliberately save hers as a new version.
"""
import html
import re
import urllib.parse

from support import ServerTestCase, query_one


class ConcurrentLineEdit(ServerTestCase):
    LINE = 5

    def signed_in_admin(self, email, name):
        password = self.add_user(email, name, "admin")
        c = self.client()
        c.login(email, password)
        return c

    def open_line_form(self, c, **changes):
        """The line form as the browser holds it: hidden fields and the
        stored values, with changes typed in."""
        page = c.get("/admin/plan/lineas/%d" % self.LINE)
        self.assertEqual(page.status, 200)
        return self.form_from(page.text, c, **changes)

    def form_from(self, text, c, **changes):
        token = re.search(r'name="csrf_token" value="([^"]+)"', text).group(1)
        base = re.search(r'name="base_version" value="(\d+)"', text).group(1)
        line = c.get("/api/plan").json()["lines"][self.LINE - 1]
        form = {"csrf_token": token, "base_version": base, "objective": line["objective"],
                "actions": line["actions"], "responsible": line["responsible"],
                "window_phrase": line["window"]["phrase"], "window_start": line["window"]["start"],
                "window_end": line["window"]["end"], "target_count": str(line["target"]["count"]),
                "target_exclude": " ".join(line["target"]["exclude_communes"]), "reason": "Prueba"}
        form.update(changes)
        pairs = list(form.items())
        pairs += [("evidence", e["kind"]) for e in line["evidence"]]
        pairs += [("target_kinds", k) for k in line["target"]["kinds"]]
        return pairs

    def post(self, c, pairs):
        return c.post("/admin/plan/lineas/%d" % self.LINE, body=urllib.parse.urlencode(pairs).encode(),
                      headers={"Content-Type": "application/x-www-form-urlencoded"})

    def versions(self):
        return int(query_one(self.demo.path, "SELECT count(*) FROM plan_versions"))

    def test_second_save_shows_both_versions_writes_nothing_and_can_overwrite_deliberately(self):
        a = self.signed_in_admin("ana.conflicto@example.cl", "Ana Primera")
        b = self.signed_in_admin("berta.conflicto@example.cl", "Berta Segunda")
        a_text = "Acciones escritas por Ana en la primera sesión"
        b_text = "Acciones escritas por Berta en la segunda sesión"
        form_a = self.open_line_form(a, actions=a_text, reason="Cambio de Ana")
        form_b = self.open_line_form(b, actions=b_text, reason="Cambio de Berta")

        self.assertEqual(self.post(a, form_a).status, 303)
        before = self.versions()
        r = self.post(b, form_b)
        self.assertEqual(r.status, 409)
        page = html.unescape(r.text)
        self.assertIn("Su versión (no guardada)", page)
        self.assertIn("Versión guardada (%d, por Ana Primera" % before, page)
        self.assertIn(b_text, page)
        self.assertIn(a_text, page)
        self.assertIn("Guardar mi versión", page)
        self.assertIn('href="/plan/lineas/%d">Descartar mis cambios' % self.LINE, r.text)
        # Nothing of Berta's was written.
        self.assertEqual(self.versions(), before)
        self.assertEqual(query_one(self.demo.path, "SELECT count(*) FROM plan_lines WHERE actions = ?",
                                   (b_text,)), "0")
        self.assertEqual(query_one(self.demo.path, "SELECT count(*) FROM plan_versions WHERE reason = ?",
                                   ("Cambio de Berta",)), "0")
        self.assertEqual(b.get("/api/plan").json()["lines"][self.LINE - 1]["actions"], a_text)

        # The conflict form carries her typed text and the new base version.
        self.assertIn('name="base_version" value="%d"' % before, r.text)
        self.assertIn(">%s</textarea>" % b_text, page)
        mine = self.form_from(r.text, b, actions=b_text, reason="Cambio de Berta",
                              conflict_choice="mine")
        saved = self.post(b, mine)
        self.assertEqual(saved.status, 303)
        self.assertEqual(self.versions(), before + 1)
        self.assertEqual(b.get("/api/plan").json()["lines"][self.LINE - 1]["actions"], b_text)
        history = html.unescape(b.get("/plan/historial").text)
        self.assertIn("Cambio de Ana", history)
        self.assertIn("Cambio de Berta", history)

    def test_edits_of_different_lines_from_the_same_version_both_go_through(self):
        """Conflicts are per line: Berta's line 6, drawn from the version
        before Ana's line 5, is saved onto Ana's version, keeping both."""
        a = self.signed_in_admin("ana.otra.linea@example.cl", "Ana Primera")
        b = self.signed_in_admin("berta.otra.linea@example.cl", "Berta Segunda")
        a_text, b_text = "Línea 5 según Ana", "Línea 6 según Berta"
        form_a = self.open_line_form(a, actions=a_text, reason="Ana, línea 5")
        self.LINE = 6
        form_b = self.open_line_form(b, actions=b_text, reason="Berta, línea 6")
        self.LINE = 5
        self.assertEqual(self.post(a, form_a).status, 303)
        before = self.versions()
        self.LINE = 6
        r = self.post(b, form_b)
        self.LINE = 5
        self.assertEqual(r.status, 303, r.text[:800])
        self.assertEqual(self.versions(), before + 1)
        lines = b.get("/api/plan").json()["lines"]
        self.assertEqual(lines[4]["actions"], a_text)
        self.assertEqual(lines[5]["actions"], b_text)


class ConcurrentPlanAndObjectivesEdit(ServerTestCase):
    """The same conflict page for the plan's title and its objectives."""

    def signed_in_admin(self, email, name):
        password = self.add_user(email, name, "admin")
        c = self.client()
        c.login(email, password)
        return c

    def fields(self, text, **changes):
        """The form's hidden, input and textarea values, with changes."""
        form = {k: html.unescape(v) for k, v in
                re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', text)}
        form.update((k, html.unescape(v)) for k, v in
                    re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)</textarea>', text))
        form.update(changes)
        return form

    def post(self, c, path, form):
        return c.post(path, body=urllib.parse.urlencode(form).encode(),
                      headers={"Content-Type": "application/x-www-form-urlencoded"})

    def conflict(self, path, field, a_text, b_text):
        ana, berta = "Cambio de Ana (%s)" % field, "Cambio de Berta (%s)" % field
        a = self.signed_in_admin("ana.%s@example.cl" % field, "Ana Primera")
        b = self.signed_in_admin("berta.%s@example.cl" % field, "Berta Segunda")
        form_a = self.fields(a.get(path).text, **{field: a_text, "reason": ana})
        form_b = self.fields(b.get(path).text, **{field: b_text, "reason": berta})
        self.assertEqual(self.post(a, path, form_a).status, 303)
        before = query_one(self.demo.path, "SELECT count(*) FROM plan_versions")
        r = self.post(b, path, form_b)
        self.assertEqual(r.status, 409)
        page = html.unescape(r.text)
        for text in ("Su versión (no guardada)", "Versión guardada (", "Guardar mi versión",
                     "Descartar mis cambios", a_text, b_text):
            self.assertIn(text, page)
        self.assertEqual(query_one(self.demo.path, "SELECT count(*) FROM plan_versions"), before)
        self.assertEqual(query_one(self.demo.path, "SELECT count(*) FROM plan_versions WHERE "
                                                   "reason = ?", (berta,)), "0")
        mine = self.fields(r.text, **{field: b_text, "reason": berta})
        self.assertEqual(self.post(b, path, mine).status, 303)
        self.assertEqual(int(query_one(self.demo.path, "SELECT count(*) FROM plan_versions")),
                         int(before) + 1)
        return b

    def test_plan_title_conflict_shows_both_and_saves_mine_on_request(self):
        b = self.conflict("/admin/plan", "title", "Plan de Ana", "Plan de Berta")
        self.assertIn("Plan de Berta", b.get("/plan").text)

    def test_objectives_conflict_shows_both_and_saves_mine_on_request(self):
        b = self.conflict("/admin/plan/objetivos", "objective_1", "Objetivo de Ana",
                          "Objetivo de Berta")
        self.assertIn("Objetivo de Berta", b.get("/plan").text)
