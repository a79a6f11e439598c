"""
Lists in SQL (issue 22, item 4): every list on screen shows how many there
are and which of them ("Mostrando 51–72 de 72"), links to the pages beside
that work without JavaScript and keep the filters, says so on a page past
the end, and has no hidden cap (the public /actas stopped at 64). The API
lists take ?limit=&offset= and give the total in X-Total-Count and the
pages beside in Link, the body still the array the contract names; without
?limit they give every row. Exports keep giving everything.

The data: `cosoc bench-data` with one council and eight years of sessions
(over 64 published actas, hundreds of activities), made by the test.
"""
import html
import re
import shutil
import tempfile
import unittest
import urllib.parse

from support import (Server, ServerTestCase, drop_database, new_database, query_one,
                     run_cli)

PAGE = 50  # LIST_PAGE_SIZE


def count(db, sql):
    return int(query_one(db, sql))


def shown(text):
    """(first, last, total) of the page's «Mostrando a–b de n», or None."""
    m = re.search(r"Mostrando (\d+)–(\d+) de (\d+)", text)
    return tuple(int(x) for x in m.groups()) if m else None


def rel_link(text, rel):
    """The href of the pager's rel="next"/"prev" link, unescaped, or None."""
    m = re.search(r'<a href="([^"]+)" rel="%s">' % rel, text)
    return html.unescape(m.group(1)) if m else None


def acta_ids(text):
    return re.findall(r'<li><a href="/actividades/(\d+)/acta">', text)


def link_header(resp):
    """{rel: url} of a Link header."""
    return {rel: url for url, rel in
            re.findall(r'<([^>]+)>; rel="(\w+)"', resp.header("Link") or "")}


class BenchData:
    """A `cosoc bench-data` database in the shape ServerTestCase reads
    (path, email, password): one council, eight years."""

    def __init__(self, tmpdir):
        self.path = new_database(tmpdir, "paging")
        out = run_cli("bench-data", "--db", self.path, "--councils", "1", "--years", "8",
                      check=0).stdout
        self.email = re.search(r"Administrador: (\S+)", out).group(1)
        self.password = re.search(r"Contraseña: (\S+)", out).group(1)


class ListPaging(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmpdir = tempfile.mkdtemp(prefix="cosoc-paging-")
        cls.demo = BenchData(cls.tmpdir)
        cls.db = cls.demo.path
        cls.server = Server(cls.db).start()
        cls._admin_token = None

    def walk(self, path, total):
        """Every row of an API list, following its Link rel="next" from
        path; each page must say the list's total. (rows, pages)."""
        rows, pages = [], 0
        while path:
            r = self.api(path)
            self.assertEqual(r.header("X-Total-Count"), total)
            rows += r.json()
            path = link_header(r).get("next")
            pages += 1
        return rows, pages

    def api(self, path):
        r = self.client().get(path, headers={"Authorization": "Bearer " + self.admin_token})
        self.assertEqual(r.status, 200, r.text[:300])
        return r

    # ---- The public actas: no cap at 64 ----

    def test_every_published_acta_is_reachable_page_by_page(self):
        total = count(self.db, "SELECT count(*) FROM actas WHERE state = 'publicada'")
        self.assertGreater(total, 64)  # the old cap
        self.assertLessEqual(total, 2 * PAGE)  # two pages, the second the last
        c = self.client()
        first = c.get("/actas")
        self.assertEqual(first.status, 200)
        self.assertEqual(shown(first.text), (1, PAGE, total))
        self.assertEqual(len(acta_ids(first.text)), PAGE)
        self.assertIsNone(rel_link(first.text, "prev"))
        nxt = rel_link(first.text, "next")
        self.assertEqual(nxt, "/actas?pagina=2")
        last = c.get(nxt)
        self.assertEqual(shown(last.text), (PAGE + 1, total, total))
        self.assertIsNone(rel_link(last.text, "next"))
        self.assertEqual(rel_link(last.text, "prev"), "/actas?pagina=1")
        self.assertIn("Página 2 de 2", last.text)
        ids = acta_ids(first.text) + acta_ids(last.text)
        self.assertEqual(len(ids), total)
        self.assertEqual(len(set(ids)), total)
        published = set(str(x) for x in run_ids(
            self.db, "SELECT activity_id FROM actas WHERE state = 'publicada'"))
        self.assertEqual(set(ids), published)
        # The oldest session's acta is on the last page: newest first.
        oldest = query_one(self.db, "SELECT a.id FROM actas t JOIN activities a ON "
                                    "a.id = t.activity_id WHERE t.state = 'publicada' "
                                    "ORDER BY a.starts_at LIMIT 1")
        self.assertEqual(acta_ids(last.text)[-1], oldest)

    def test_a_page_past_the_end_says_so_and_leads_to_the_last(self):
        total = count(self.db, "SELECT count(*) FROM actas WHERE state = 'publicada'")
        r = self.client().get("/actas?pagina=9")
        self.assertEqual(r.status, 200)
        self.assertIn("La página 9 no existe: hay %d actas publicadas en 2 páginas" % total,
                      r.text)
        self.assertIn('href="/actas?pagina=2"', r.text)
        self.assertEqual(acta_ids(r.text), [])
        # Nonsense is the first page, not an error.
        self.assertEqual(shown(self.client().get("/actas?pagina=x").text)[:2], (1, PAGE))

    def test_one_row_or_none_is_said_in_good_spanish(self):
        """«Mostrando 1–1 de 1 actividades» and «hay 0 actividades en 1
        página» were what a filter with one match, or none, showed."""
        c = self.admin()
        name = query_one(self.db, "SELECT name FROM organizations ORDER BY id LIMIT 1")
        self.assertEqual(count(self.db, "SELECT count(*) FROM organizations WHERE name = '%s'"
                               % name.replace("'", "''")), 1)
        q = urllib.parse.quote(name)
        one = c.get("/admin/organizaciones?q=%s" % q)
        self.assertIn("Mostrando 1 de 1 organización</p>", one.text)
        past = c.get("/admin/organizaciones?q=%s&pagina=3" % q)
        self.assertIn("La página 3 no existe: hay 1 organización en 1 página.", past.text)
        c = self.client()
        none = c.get("/calendario?vista=lista&tipo=sin_tal_tipo&pagina=2")
        self.assertIn("La página 2 no existe: no hay actividades.", none.text)
        self.assertNotIn("hay 0 actividades", none.text)
        self.assertIn("Ir a la primera página", none.text)

    # ---- The officer's activities and the calendar ----

    def test_the_officers_activities_count_them_all_and_page_newest_first(self):
        total = count(self.db, "SELECT count(*) FROM activities")
        self.assertGreater(total, 2 * PAGE)
        c = self.admin()
        first = c.get("/actividades")
        self.assertIn("<caption>%d actividades</caption>" % total, first.text)
        self.assertEqual(shown(first.text), (1, PAGE, total))
        pages = -(-total // PAGE)
        last = c.get("/actividades?pagina=%d" % pages)
        self.assertEqual(shown(last.text), ((pages - 1) * PAGE + 1, total, total))
        self.assertIsNone(rel_link(last.text, "next"))
        newest = query_one(self.db, "SELECT id FROM activities ORDER BY starts_at DESC, "
                                    "id DESC LIMIT 1")
        oldest = query_one(self.db, "SELECT id FROM activities ORDER BY starts_at, id "
                                    "LIMIT 1")
        rows = lambda t: re.findall(r'<td data-label="Actividad"><a href="/actividades/(\d+)"',
                                    t)
        self.assertEqual(rows(first.text)[0], newest)
        self.assertEqual(rows(last.text)[-1], oldest)
        self.assertEqual(len(rows(last.text)), total - (pages - 1) * PAGE)

    def test_the_calendar_list_pages_and_its_links_keep_the_filters(self):
        total = count(self.db, "SELECT count(*) FROM activities WHERE kind = "
                               "'sesion_ordinaria' AND is_public = 1")
        self.assertGreater(total, PAGE)
        c = self.client()
        first = c.get("/calendario?vista=lista&tipo=sesion_ordinaria")
        self.assertEqual(shown(first.text), (1, PAGE, total))
        nxt = rel_link(first.text, "next")
        self.assertIn("tipo=sesion_ordinaria", nxt)
        self.assertIn("vista=lista", nxt)
        second = c.get(nxt)
        self.assertEqual(shown(second.text)[:2], (PAGE + 1, min(2 * PAGE, total)))
        self.assertEqual(shown(second.text)[2], total)
        # Only sessions on the second page: the filter went with the link.
        self.assertNotIn("<small>", re.sub(r"<small>[^<]*Sesión ordinaria[^<]*</small>", "",
                                            second.text.split('class="activity-list"')[1]
                                            .split("</ul>")[0]))
        # A month is shown whole, without a pager.
        month = c.get("/calendario?vista=mes&mes=2025-03")
        self.assertNotIn('class="pager"', month.text)

    # ---- The officer's lists of people and places ----

    def test_the_organizations_page_and_keep_their_filters_and_the_download_has_all(self):
        c = self.admin()
        rows = "".join("Organización de prueba %02d,Junta de Vecinos,,La Serena,sí\n" % i
                       for i in range(70))
        token = c.csrf_from("/admin/organizaciones/importar")
        r = c.post("/admin/organizaciones/importar",
                   form={"csrf_token": token, "texto": "nombre,tipo,rut,comuna,miembro\n" + rows})
        self.assertEqual(r.status, 200, r.text[-2000:])
        total = count(self.db, "SELECT count(*) FROM organizations")
        self.assertGreater(total, 70)
        first = c.get("/admin/organizaciones")
        self.assertIn("<caption>%d organizaciones</caption>" % total, first.text)
        self.assertEqual(shown(first.text), (1, PAGE, total))
        names = lambda t: re.findall(r'<a href="/admin/organizaciones/(\d+)">', t)
        last = c.get(rel_link(first.text, "next"))
        self.assertEqual(shown(last.text), (PAGE + 1, total, total))
        self.assertEqual(len(set(names(first.text)) | set(names(last.text))), total)
        # Filtered: the count is the filter's, the links carry it.
        mine = c.get("/admin/organizaciones?q=prueba")
        self.assertEqual(shown(mine.text), (1, PAGE, 70))
        nxt = rel_link(mine.text, "next")
        self.assertIn("q=prueba", nxt)
        self.assertEqual(shown(c.get(nxt).text), (PAGE + 1, 70, 70))
        past = c.get("/admin/organizaciones?q=prueba&pagina=5")
        self.assertIn("La página 5 no existe: hay 70 organizaciones en 2 páginas", past.text)
        # The download is the whole filtered list, not a page.
        csv = c.get("/admin/organizaciones.csv?q=prueba")
        self.assertEqual(csv.text.count("Organización de prueba"), 70)

    # ---- Requests to authorities: their answers read in one statement ----

    def test_each_request_shows_its_own_answers(self):
        c = self.admin()
        token = c.csrf_from("/solicitudes")
        ids = []
        for name, day in (("Seremi Uno", "01"), ("Seremi Dos", "02"), ("Seremi Tres", "03")):
            r = c.post("/solicitudes", form={"csrf_token": token, "authority": name,
                                             "asked_on": "2025-04-%s" % day,
                                             "question": "Pregunta a " + name, "agreement": ""})
            self.assertEqual(r.status, 303, r.text[-500:])
            ids.append(query_one(self.db, "SELECT id FROM authority_requests WHERE "
                                          "authority_name = ?", (name,)))
        answers = ((ids[2], "2025-05-01", "Tres responde primero"),
                   (ids[0], "2025-05-02", "Uno responde"),
                   (ids[2], "2025-05-03", "Tres responde otra vez"))
        for rid, day, body in answers:
            r = c.post("/solicitudes/%s" % rid, form={"csrf_token": token, "answered_on": day,
                                                     "body": body})
            self.assertEqual(r.status, 303, r.text[-500:])
        page = c.get("/solicitudes").text
        self.assertIn("Pendientes: <strong>1</strong>", page)
        articles = {re.search(r"<h2>(Seremi \w+) ", a).group(1): a
                    for a in page.split('<article class="request">')[1:]}
        self.assertEqual(re.findall(r"</strong> ([^<]+)</p></blockquote>", articles["Seremi Tres"]),
                         ["Tres responde primero", "Tres responde otra vez"])
        self.assertEqual(re.findall(r"</strong> ([^<]+)</p></blockquote>", articles["Seremi Uno"]),
                         ["Uno responde"])
        self.assertNotIn("<blockquote>", articles["Seremi Dos"])
        # Pending first, then the answered, newest asked first.
        self.assertEqual(list(articles), ["Seremi Dos", "Seremi Tres", "Seremi Uno"])

    # ---- Courses: every course's plan lines read in one statement ----

    def test_each_course_in_the_list_shows_its_own_plan_lines(self):
        auth = {"Authorization": "Bearer " + self.admin_token}
        made = {}
        for title, lines in (("Curso A", [10]), ("Curso B", [2, 5]), ("Curso C", []),
                             ("Curso D", [3, 4, 7])):
            r = self.client().request("POST", "/api/courses", headers=auth, json_body={
                "title": title, "plan_lines": lines, "completion": {"min_modules": 1},
                "modules": [{"title": "Módulo 1", "start": "2031-05-06T19:00:00-04:00",
                             "end": "2031-05-06T21:00:00-04:00", "modality": "virtual",
                             "link": "https://meet.example.cl/m1"}]})
            self.assertEqual(r.status, 201, r.text)
            made[title] = ", ".join(str(n) for n in lines)
        page = self.admin().get("/admin/cursos").text
        shown_lines = dict(re.findall(r'">(Curso [A-D])</a></td>.*?data-label="Líneas">([^<]*)</td>',
                                      page))
        self.assertEqual(shown_lines, made)

    # ---- The API ----

    def test_the_activities_api_pages_with_limit_and_offset_and_gives_the_total(self):
        total = count(self.db, "SELECT count(*) FROM activities")
        whole = self.api("/api/activities")
        self.assertEqual(whole.header("X-Total-Count"), str(total))
        self.assertIsNone(whole.header("Link"))
        everything = whole.json()
        self.assertEqual(len(everything), total)  # no cap without ?limit
        # Walk it by Link rel="next" and get the same activities, in order,
        # with the same plan lines and evidence.
        walked, pages = self.walk("/api/activities?limit=100", str(total))
        self.assertEqual(pages, -(-total // 100))
        self.assertEqual(walked, everything)
        self.assertTrue(any(a["evidence"] for a in walked))
        self.assertTrue(any(a["plan_lines"] for a in walked))
        # The last page links back; a page past the end is empty, with the total.
        last = self.api("/api/activities?limit=100&offset=%d" % ((pages - 1) * 100))
        self.assertNotIn("next", link_header(last))
        self.assertIn("prev", link_header(last))
        past = self.api("/api/activities?limit=10&offset=%d" % (total + 5))
        self.assertEqual(past.json(), [])
        self.assertEqual(past.header("X-Total-Count"), str(total))
        # Far past the end, its prev is the last page that has rows, not
        # another empty one.
        far = self.api("/api/activities?limit=10&offset=%d" % (total + 50))
        prev = self.api(link_header(far)["prev"])
        self.assertEqual(prev.json(), everything[(total - 1) // 10 * 10:])
        self.assertNotIn("next", link_header(prev))
        # Without ?limit too: an offset past the end is not the total.
        for path in ("/api/activities", "/api/members", "/api/agreements", "/api/audit",
                     "/api/mail"):
            past = self.api("%s?offset=100000" % path)
            self.assertEqual(past.json(), [], path)
            self.assertEqual(past.header("X-Total-Count"),
                             self.api(path).header("X-Total-Count"), path)

    def test_a_page_past_the_end_of_the_api_links_back_to_rows(self):
        """Its rel="prev" gave one more empty page (offset - limit, still past
        the end): it leads to the last rows instead."""
        total = count(self.db, "SELECT count(*) FROM activities")
        past = self.api("/api/activities?limit=10&offset=%d" % (total + 500))
        self.assertEqual(past.json(), [])
        prev = link_header(past)["prev"]
        self.assertEqual(prev, "/api/activities?limit=10&offset=%d" % (total - 10))
        self.assertEqual(len(self.api(prev).json()), 10)

    def test_api_filters_go_with_the_page_links(self):
        total = count(self.db, "SELECT count(*) FROM activities WHERE kind = "
                               "'sesion_ordinaria'")
        r = self.api("/api/activities?kind=sesion_ordinaria&limit=7&offset=7")
        self.assertEqual(r.header("X-Total-Count"), str(total))
        self.assertEqual(len(r.json()), 7)
        self.assertTrue(all(a["kind"] == "sesion_ordinaria" for a in r.json()))
        links = link_header(r)
        self.assertEqual(links["next"], "/api/activities?limit=7&offset=14&kind=sesion_ordinaria")
        self.assertEqual(links["prev"], "/api/activities?limit=7&offset=0&kind=sesion_ordinaria")

    def test_the_agreements_api_pages_and_its_walk_is_the_whole_list(self):
        total = count(self.db, "SELECT count(*) FROM agreements")
        whole = self.api("/api/agreements")
        self.assertEqual(whole.header("X-Total-Count"), str(total))
        self.assertEqual(len(whole.json()), total)
        walked, _ = self.walk("/api/agreements?limit=30", str(total))
        self.assertEqual(walked, whole.json())
        # One session's: its filter goes with the links.
        session = whole.json()[0]["session"]["id"]
        mine = [g for g in whole.json() if g["session"]["id"] == session]
        self.assertGreater(len(mine), 1)
        r = self.api("/api/agreements?session=%d&limit=1" % session)
        self.assertEqual(r.json(), mine[:1])
        self.assertEqual(r.header("X-Total-Count"), str(len(mine)))
        self.assertEqual(link_header(r)["next"],
                         "/api/agreements?limit=1&offset=1&session=%d" % session)

    def test_the_members_api_pages_too(self):
        total = count(self.db, "SELECT count(*) FROM members")
        whole = self.api("/api/members")
        self.assertEqual(whole.header("X-Total-Count"), str(total))
        walked, _ = self.walk("/api/members?limit=7", str(total))
        self.assertEqual(walked, whole.json())

    def test_a_bad_limit_or_offset_is_refused_by_name(self):
        c = self.client()
        auth = {"Authorization": "Bearer " + self.admin_token}
        for query, field in (("limit=0", "limit"), ("limit=abc", "limit"),
                             ("limit=1001", "limit"), ("offset=-1", "offset"),
                             ("limit=5&offset=x", "offset")):
            for path in ("/api/activities", "/api/audit", "/api/mail", "/api/agreements",
                         "/api/members"):
                r = c.get(path + "?" + query, headers=auth)
                self.assertEqual(r.status, 400, path + "?" + query)
                self.assertEqual(r.json()["field"], field, path + "?" + query)

    def test_the_audit_api_gives_every_entry_oldest_first_or_a_page(self):
        whole = self.api("/api/audit")
        everything = whole.json()
        total = int(whole.header("X-Total-Count"))
        self.assertEqual(len(everything), total)
        self.assertGreater(total, 5000)  # the old cap
        page = self.api("/api/audit?limit=40&offset=4000")
        self.assertEqual(page.json(), everything[4000:4040])
        self.assertEqual(page.header("X-Total-Count"), str(total))
        self.assertEqual(link_header(page)["next"], "/api/audit?limit=40&offset=4040")

    def test_the_audit_page_pages_newest_first_and_keeps_its_filters(self):
        c = self.admin()
        r = c.get("/admin/auditoria?objeto=activity")
        total = count(self.db, "SELECT count(*) FROM audit_log WHERE object_kind = 'activity'")
        self.assertEqual(shown(r.text), (1, PAGE, total))
        nxt = rel_link(r.text, "next")
        self.assertIn("objeto=activity", nxt)
        self.assertIn("pagina=2", nxt)
        # The download carries every entry the filters select, not a page.
        csv = c.get("/admin/auditoria.csv?objeto=activity")
        self.assertEqual(csv.status, 200)
        self.assertEqual(len(csv.text.strip().splitlines()) - 1, total)


class PagingUnderACouncilsAddress(unittest.TestCase):
    """A list read under /c/SLUG/ links to the pages of that council's list:
    the national team (who reads every council) walking the second
    council's members by Link got the first council's from page two on."""

    @classmethod
    def setUpClass(cls):
        cls.tmpdir = tempfile.mkdtemp(prefix="cosoc-paging-c-")
        cls.db = new_database(cls.tmpdir)
        out = run_cli("demo", "--db", cls.db, "--councils", "2", check=0).stdout
        cls.national = re.search(r"Equipo nacional: (\S+)\nSu contraseña: (\S+)", out).groups()
        cls.slug = re.search(r"Consejo 2: .*, en /c/([a-z0-9-]+)/", out).group(1)
        cls.council = query_one(cls.db, "SELECT id FROM councils WHERE slug = ?", (cls.slug,))
        cls.server = Server(cls.db).start()

    @classmethod
    def tearDownClass(cls):
        try:
            cls.server.stop()
        finally:
            drop_database(cls.db)
            shutil.rmtree(cls.tmpdir, ignore_errors=True)

    def test_the_link_keeps_the_councils_address_and_the_walk_stays_in_it(self):
        c = self.server.client()
        self.addCleanup(c.close)
        c.login(*self.national)
        for path, table in (("/api/members", "members"), ("/api/activities", "activities"),
                            ("/api/agreements", "agreements")):
            total = query_one(self.db, "SELECT count(*) FROM %s WHERE council_id = ?" % table,
                              (self.council,))
            self.assertGreater(int(total), 2, table)
            url, ids = "/c/%s%s?limit=2" % (self.slug, path), []
            while url:
                r = c.get(url)
                self.assertEqual(r.status, 200, url)
                self.assertEqual(r.header("X-Total-Count"), total, url)
                ids += [row["id"] for row in r.json()]
                url = link_header(r).get("next")
                if url:
                    self.assertTrue(url.startswith("/c/%s/api/" % self.slug), url)
            self.assertEqual(len(ids), int(total), path)
            mine = query_one(self.db, "SELECT count(*) FROM %s WHERE council_id = ? AND id IN "
                                      "(%s)" % (table, ",".join(map(str, ids))), (self.council,))
            self.assertEqual(mine, total, path)


def run_ids(db, sql):
    from test_bench_data import rows
    return [int(x) for x in rows(db, sql)]


if __name__ == "__main__":
    unittest.main()
