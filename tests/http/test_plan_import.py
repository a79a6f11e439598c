"""
Any council's plan (issue 17): plans the tests write themselves for councils
of other regions, with other headings, column orders, META columns, evidence
wordings outside the standard list and every family of date phrases, in
text, Word .docx and Excel .xlsx; all three import to exactly the same
lines. Broken documents are refused with nothing written. The CLI prints
the review with its flags; approval works from the CLI and the API.
"""
import io
import os
import shutil
import sqlite3
import tempfile
import unittest
import zipfile

from plan_documents import ARAUCANIA, LOS_LAGOS, W_NS, docx_package
from support import (Server, drop_database, new_database, psql,
                     query_one, run_cli)


def execute(target, sql):
    """Runs one statement of the test's own (no outside values)."""
    if target.startswith("postgresql://"):
        psql(target, sql)
        return
    with sqlite3.connect(target) as db:
        db.execute(sql)


class Councils(unittest.TestCase):
    """Databases of one council each, of the region the plan is from."""

    @classmethod
    def setUpClass(cls):
        cls.tmpdir = tempfile.mkdtemp(prefix="cosoc-anyplan-")
        cls.dbs = []

    @classmethod
    def tearDownClass(cls):
        for db in cls.dbs:
            drop_database(db)
        shutil.rmtree(cls.tmpdir, ignore_errors=True)

    def council_db(self, name, region):
        path = new_database(self.tmpdir, name)
        type(self).dbs.append(path)
        run_cli("migrate", "--db", path, check=0)
        execute(path, "INSERT INTO councils(name, short_name, institution, region_code, "
                      "created_at) VALUES ('COSOC %s', 'COSOC %s', '', '%s', 0)"
                % (name, name, region))
        return path

    def write(self, name, data):
        path = os.path.join(self.tmpdir, name)
        with open(path, "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        return path

    def versions(self, db):
        return int(query_one(db, "SELECT count(*) FROM plan_versions"))

    def plan_json(self, db):
        with Server(db) as server:
            c = server.client()
            r = c.get("/api/plan")
            c.close()
        self.assertEqual(r.status, 200, r.text)
        return r.json()

    def import_in_three_forms(self, spec, name, region):
        """The plan imported (and approved) from text, .docx and .xlsx into
        three databases: their /api/plan."""
        out = {}
        forms = {"txt": spec.text(), "docx": spec.docx(), "xlsx": spec.xlsx()}
        for form, data in forms.items():
            db = self.council_db("%s_%s" % (name, form), region)
            # The name says nothing: the format is told by the content.
            path = self.write("%s-%s.plan" % (name, form), data)
            r = run_cli("import-plan", path, "--db", db, "--approve", check=0)
            self.assertIn("Plan importado y aprobado", r.stdout)
            self.assertEqual(len(r.stdout.strip().splitlines()), 1, r.stdout)
            out[form] = (self.plan_json(db), r)
        return out


class ThreeForms(Councils):
    def check_same(self, plans):
        text, _ = plans["txt"]
        for form in ("docx", "xlsx"):
            other, _ = plans[form]
            for key in ("title", "period", "objectives", "intro"):
                self.assertEqual(other[key], text[key], "%s: %s" % (form, key))
            self.assertEqual(len(other["lines"]), len(text["lines"]))
            for a, b in zip(text["lines"], other["lines"]):
                self.assertEqual(b, a, "%s, line %d" % (form, a["number"]))

    def test_los_lagos_plan_is_the_same_in_text_word_and_excel(self):
        plans = self.import_in_three_forms(LOS_LAGOS, "loslagos", "10")
        self.check_same(plans)
        plan, cli = plans["docx"]
        self.assertEqual(plan["title"], "Plan de trabajo COSOC 2026")
        self.assertEqual(plan["period"], {"start": "2026-01-01", "end": "2026-12-31"})
        self.assertEqual([o["text"] for o in plan["objectives"]], LOS_LAGOS.objectives)
        lines = plan["lines"]
        self.assertEqual(len(lines), 7)
        l1, l2, l3, l4, l5, l6, l7 = lines
        # No N° column: lines are numbered in order.
        self.assertEqual([l["number"] for l in lines], list(range(1, 8)))
        self.assertEqual(l1["actions"], "Sesiones del consejo:\n- ordinarias\n- extraordinarias")
        self.assertEqual(l1["meta"], "Al menos 6 sesiones del pleno")
        self.assertEqual(l1["notes"], "Observaciones: Según el reglamento")
        self.assertEqual(l1["target"], {"count": 6, "kinds": ["sesion_ordinaria",
                                                              "sesion_extraordinaria"],
                                        "exclude_communes": []})
        self.assertEqual(l1["evidence"], [{"kind": "acta", "label": "Actas de sesión"},
                                          {"kind": "asistencia", "label": "Lista de asistentes"}])
        self.assertEqual(l1["window"], {"start": "2026-03-01", "end": "2026-11-30",
                                        "phrase": "Marzo a noviembre 2026", "flagged": False})
        # A merged objective cell: the row below has the same objective.
        self.assertEqual(l2["objective"], "Participación")
        self.assertEqual(l2["target"], {"count": 2, "kinds": [], "exclude_communes": ["10101"]})
        self.assertEqual(l2["window"]["start"], "2026-07-01")
        self.assertEqual(l2["evidence"][0], {"kind": "fotografias", "label": "Registro fotográfico"})
        own = l2["evidence"][1]
        self.assertEqual((own["kind"], own["label"], own["flagged"]),
                         ("registro_audiovisual", "Registro audiovisual", True))
        self.assertIn("verificador propio del consejo", own["reason"])
        # «en cada provincia»: the four provinces of Los Lagos.
        self.assertEqual(l3["target"]["provinces"], ["101", "102", "103", "104"])
        self.assertEqual(l3["target"]["count"], 4)
        self.assertEqual(l3["window"]["start"], "2026-04-01")
        self.assertEqual(l3["evidence"][0]["kind"], "invitacion")
        self.assertEqual(l3["evidence"][1]["kind"], "bitacora_de_terreno")
        self.assertEqual(l4["objective"], "Descentralización")
        self.assertEqual(l4["target"]["count"], 4)
        self.assertEqual(l4["target"]["kinds"], ["capacitacion"])
        self.assertEqual([e["kind"] for e in l4["evidence"]], ["asistencia", "fotografias"])
        self.assertEqual(l4["window"]["end"], "2026-08-31")
        self.assertEqual(l5["window"]["start"], "2026-12-15")
        self.assertEqual(l5["evidence"], [{"kind": "informe", "label": "Informe final"}])
        self.assertEqual(l6["window"]["as_needed"], True)
        self.assertEqual(l6["evidence"][0]["kind"], "acta")
        self.assertTrue(l7["window"]["flagged"])
        self.assertIn("Cuando haya presupuesto", l7["window"]["reason"])
        # The CLI's summary names the lines to review; the review is on stderr.
        r = cli
        self.assertIn("1 fecha por revisar", r.stdout)
        self.assertIn("revise las líneas 2, 3, 7", r.stdout)
        self.assertIn("Línea 7", r.stderr)
        self.assertIn("POR REVISAR: No se entendió «Cuando haya presupuesto»", r.stderr)
        self.assertIn("«Registro audiovisual» → registro_audiovisual (propio del consejo)",
                      r.stderr)

    def test_araucania_plan_is_the_same_in_text_word_and_excel(self):
        plans = self.import_in_three_forms(ARAUCANIA, "araucania", "09")
        self.check_same(plans)
        plan, _ = plans["xlsx"]
        self.assertEqual(plan["period"], {"start": "2025-01-01", "end": "2026-12-31"})
        lines = plan["lines"]
        self.assertEqual(len(lines), 7)
        # «fuera de la capital regional»: the council's seat, Temuco; the META
        # column says how many and of what.
        self.assertEqual(lines[0]["target"], {"count": 3, "kinds": ["mesa_trabajo"],
                                              "exclude_communes": ["09101"]})
        self.assertEqual(lines[0]["window"]["start"], "2025-11-01")
        self.assertEqual(lines[0]["window"]["end"], "2026-02-28")
        self.assertFalse(lines[0]["window"]["flagged"])
        self.assertEqual(lines[1]["objective"], "Territorio")
        self.assertEqual(lines[1]["window"]["start"], "2026-01-01")
        self.assertEqual(lines[1]["window"]["end"], "2026-03-31")
        self.assertEqual(lines[2]["target"], {"count": 1, "kinds": ["charla"],
                                              "exclude_communes": []})
        self.assertEqual(lines[2]["window"]["start"], "2025-04-15")
        self.assertEqual(lines[3]["window"]["start"], "2026-04-15")
        self.assertEqual(lines[3]["evidence"][0]["kind"], "programa_formacion")
        self.assertEqual(lines[3]["target"]["kinds"], ["capacitacion"])
        self.assertEqual(lines[4]["evidence"][0]["kind"], "acta")
        self.assertEqual(lines[4]["window"]["end"], "2026-12-31")
        self.assertEqual(lines[5]["window"]["end"], "2025-06-30")
        self.assertEqual(lines[6]["window"]["start"], "2026-01-01")
        self.assertEqual(lines[6]["target"]["count"], 5)


class BrokenDocuments(Councils):
    def refused(self, data, message, name="plan"):
        db = self.council_db("broken_" + name, "04")
        path = self.write(name, data)
        r = run_cli("import-plan", path, "--db", db, check=1)
        self.assertIn(message, r.stderr)
        self.assertEqual(r.stdout, "")
        self.assertEqual(self.versions(db), 0)
        self.assertEqual(query_one(db, "SELECT count(*) FROM council_evidence_kinds"), "0")

    def test_damaged_zip_is_refused(self):
        good = LOS_LAGOS.docx()
        self.refused(good[:len(good) // 2], "está dañado", "cortado.docx")
        self.refused(b"PK\x03\x04" + os.urandom(600), "está dañado", "basura.docx")

    def test_a_zip_that_is_no_office_document_is_refused(self):
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as z:
            z.writestr("hola.txt", "hola")
        self.refused(out.getvalue(), "no un documento de Word", "otro.zip")

    def test_a_decompression_bomb_is_refused(self):
        body = "<w:p><w:r><w:t>%s</w:t></w:r></w:p>" % ("0" * (40 * 1024 * 1024))
        doc = '<w:document xmlns:w="%s"><w:body>%s</w:body></w:document>' % (W_NS, body)
        data = docx_package(doc)
        self.assertLess(len(data), 1024 * 1024)
        self.refused(data, "bomba de descompresión", "bomba.docx")

    def test_a_file_over_the_limit_is_refused(self):
        data = LOS_LAGOS.text() + "x" * (5 * 1024 * 1024)
        self.refused(data, "un plan anual cabe en menos de 4 MB", "grande.txt")

    def test_a_docx_whose_table_lacks_a_needed_column_is_refused(self):
        from plan_documents import PlanSpec
        spec = PlanSpec(LOS_LAGOS.title, LOS_LAGOS.intro, LOS_LAGOS.heading,
                        LOS_LAGOS.objectives,
                        ["Línea de acción", "Actividades", "Plazo de ejecución", "Responsable"],
                        [["Participación", "Sesiones", "Marzo 2026", "SEREMI"]])
        self.refused(spec.docx(), "Tabla 1, fila 1: las columnas de la tabla son "
                                  "«Línea de acción / Actividades / Plazo de ejecución / "
                                  "Responsable»; falta la columna VERIFICADOR", "sin.docx")

    def test_an_xlsx_that_is_no_plan_is_refused(self):
        import openpyxl
        wb = openpyxl.Workbook()
        wb.active.append(["Nombre", "RUT", "Firma"])
        wb.active.append(["Ana", "1-9", "x"])
        out = io.BytesIO()
        wb.save(out)
        self.refused(out.getvalue(), "ninguna de sus filas tiene los encabezados de un plan",
                     "asistencia.xlsx")

    def test_xml_with_entities_and_other_formats_are_refused(self):
        doc = ('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]>'
               '<w:document xmlns:w="%s"><w:body><w:p><w:r><w:t>&a;</w:t></w:r></w:p>'
               '</w:body></w:document>' % W_NS)
        self.refused(docx_package(doc), "DOCTYPE o ENTITY", "entidades.docx")
        self.refused(b"%PDF-1.4\n...", "El archivo es un PDF", "plan.pdf")
        self.refused(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "antiguo", "plan.doc")

    def test_a_broken_xml_part_says_where(self):
        doc = '<w:document xmlns:w="%s"><w:body><w:p></w:body></w:document>' % W_NS
        self.refused(docx_package(doc), "«word/document.xml», línea 1", "roto.docx")


class ApproveFromAnywhere(Councils):
    def test_cli_approves_a_version_and_the_public_sees_it(self):
        db = self.council_db("approve", "09")
        path = self.write("araucania.txt", ARAUCANIA.text())
        r = run_cli("import-plan", path, "--db", db, check=0)
        self.assertIn("queda como borrador hasta que se apruebe (cosoc plan approve 1)", r.stdout)
        with Server(db) as server:
            c = server.client()
            self.assertEqual(c.get("/api/plan").status, 404)  # a draft only
            c.close()
        r = run_cli("plan", "approve", "1", "--db", db, check=0)
        self.assertIn("Versión 1 del plan del consejo 1 aprobada.", r.stdout)
        self.assertEqual(self.plan_json(db)["version"], 1)
        r = run_cli("plan", "approve", "9", "--db", db, check=1)
        self.assertIn("no tiene una versión 9", r.stderr)
        run_cli("plan", "approve", "x", "--db", db, check=2)
        run_cli("plan", "approve", "1", check=2)
        self.assertIn("approve", run_cli("plan", "--help", check=0).stdout)

    def test_import_approve_of_an_unchanged_document_approves_it(self):
        db = self.council_db("unchanged", "09")
        path = self.write("araucania2.txt", ARAUCANIA.text())
        run_cli("import-plan", path, "--db", db, check=0)
        r = run_cli("import-plan", path, "--db", db, "--approve", check=0)
        self.assertIn("Sin cambios", r.stdout)
        self.assertIn("que queda aprobada", r.stdout)
        self.assertEqual(query_one(db, "SELECT approved FROM plan_versions"), "1")

    def test_a_council_made_from_its_plan_is_of_the_region_it_names(self):
        db = new_database(self.tmpdir, "nuevo")
        type(self).dbs.append(db)
        path = self.write("loslagos-nuevo.txt", LOS_LAGOS.text())
        run_cli("import-plan", path, "--db", db, check=0)
        self.assertEqual(query_one(db, "SELECT region_code FROM councils"), "10")
        # Its provinces and its capital (Puerto Montt) are Los Lagos'.
        self.assertEqual(query_one(db, "SELECT target_provinces FROM plan_lines "
                                       "WHERE number = 3"), "101 102 103 104")

    def test_several_councils_need_council_and_get_their_own_places(self):
        db = self.council_db("varios", "10")
        execute(db, "INSERT INTO councils(name, short_name, institution, region_code, "
                    "created_at) VALUES ('COSOC Araucanía', 'Araucanía', '', '09', 0)")
        path = self.write("loslagos.txt", LOS_LAGOS.text())
        r = run_cli("import-plan", path, "--db", db, check=1)
        self.assertIn("hay 2 consejos", r.stderr)
        run_cli("import-plan", path, "--db", db, "--council", "2", check=0)
        # Council 2 is in La Araucanía: «en cada provincia» means its two.
        provinces = query_one(db, "SELECT target_provinces FROM plan_lines WHERE number = 3")
        self.assertEqual(provinces, "091 092")
        self.assertEqual(query_one(db, "SELECT count(*) FROM council_evidence_kinds "
                                       "WHERE council_id = 2"), "2")
        self.assertEqual(query_one(db, "SELECT count(*) FROM council_evidence_kinds "
                                       "WHERE council_id = 1"), "0")
