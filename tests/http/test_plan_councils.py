"""
Plans of councils nobody wrote the importer for (issue 17, held-out
family): nine plans of other ministries, services and municipalities —
MOP Atacama with a DESCRIPCIÓN column and its table split across pages,
SENAMA Valparaíso as the seed's text, Desarrollo Social Antofagasta as Word
writes it, a municipal CRONOGRAMA in Windows-1252 from Excel, a two-year
plan of Salud Aysén with EJE rows, a Gantt chart of months under
«Cronograma 2026», a plan by quarters, a Salud plan with INDICADOR and META
and a TOTAL row, and «PLAZO» over «Inicio | Término» — each written by the test in
text, .docx and .xlsx (plan_councils.py). Each imports into a council made
from the plan (of the region it names), the three forms give the same
version, and every line reads as its E in plan_councils.py says: dates,
target (count, kinds, excluded communes, provinces), evidence kinds, and a
flag exactly where the importer had to guess.
"""
import io
import os
import unittest

import openpyxl

from plan_councils import PLANS
from support import Server, new_database, query_one, run_cli
from test_plan_import import Councils

STANDARD = {"invitacion", "convocatoria", "citacion", "asistencia",
            "fotografias", "acta", "informe", "programa_formacion"}


def same(field, want, got, alt):
    for c in [want] + list(alt.get(field, [])):
        if field == "kinds" and c is None:
            return True
        if c == got:
            return True
    return False


class HeldOutCouncils(Councils):
    def code(self, db, name):
        return query_one(db, "SELECT code FROM territory_communes WHERE name = ?",
                         (name,))

    def import_plan(self, plan, forms=None, name=None):
        """The plan from text (approved), then .docx and .xlsx: the same
        version each time (or the forms given). Returns the database and
        /api/plan."""
        db = new_database(self.tmpdir, (name or plan.slug).replace("-", "_"))
        type(self).dbs.append(db)
        run_cli("migrate", "--db", db, check=0)
        forms = forms or (("txt", plan.to_text()), ("docx", plan.to_docx()),
                          ("xlsx", plan.to_xlsx()))
        for i, (ext, data) in enumerate(forms):
            path = os.path.join(self.tmpdir, "%s.%s" % (plan.slug, ext))
            with open(path, "wb") as f:
                f.write(data)
            args = ["import-plan", path, "--db", db] + (["--approve"] if i == 0 else [])
            r = run_cli(*args)
            self.assertEqual(r.returncode, 0, "%s.%s: %s" % (plan.slug, ext, r.stderr))
            if i == 0:
                self.assertIn("Plan importado y aprobado", r.stdout)
            else:
                # The same lines, objectives, title and notes as the text.
                self.assertIn("Sin cambios", r.stdout, "%s.%s" % (plan.slug, ext))
        self.assertEqual(query_one(db, "SELECT region_code FROM councils"), plan.region)
        with Server(db) as server:
            c = server.client()
            r = c.get("/api/plan")
            c.close()
        self.assertEqual(r.status, 200, r.text)
        return db, r.json()

    def check_plan(self, plan, forms=None, name=None):
        db, got = self.import_plan(plan, forms, name)
        first, last = plan.period.split("-")[0], plan.period.split("-")[-1]
        self.assertEqual(got["period"], {"start": first + "-01-01", "end": last + "-12-31"})
        self.assertEqual(len(got["objectives"]), plan.nobj)
        rows = plan.data_rows()
        self.assertEqual(len(got["lines"]), len(rows))
        for row, line in zip(rows, got["lines"]):
            e, where = row.e, "%s, line %d" % (plan.slug, line["number"])
            w, t = line["window"], line["target"]
            if e.win:
                self.assertTrue(same("win", e.win, (w["start"], w["end"]), e.alt),
                                "%s: %s" % (where, w))
            self.assertEqual(w["flagged"], e.wflag, "%s: %s" % (where, w))
            self.assertTrue(same("n", e.n, t["count"], e.alt), "%s: %s" % (where, t))
            if e.kinds is not None:
                self.assertTrue(same("kinds", e.kinds, set(t["kinds"]), e.alt),
                                "%s: %s" % (where, t))
            self.assertEqual(sorted(t["exclude_communes"]),
                             sorted(self.code(db, n) for n in e.excl), where)
            self.assertEqual(len(t.get("provinces", [])), e.prov, where)
            self.assertEqual(t.get("flagged", False), e.tflag, "%s: %s" % (where, t))
            kinds = ["+" if ev["kind"] not in STANDARD else ev["kind"]
                     for ev in line["evidence"]]
            self.assertTrue(same("ev", e.ev, kinds, e.alt),
                            "%s: %s" % (where, line["evidence"]))
        return got

    def test_mop_atacama_reads_its_descripcion_column_across_two_tables(self):
        got = self.check_plan(PLANS[0])
        l1 = got["lines"][0]
        self.assertTrue(l1["actions"].startswith("SESIONES ORDINARIAS\nREALIZAR 6"))
        self.assertEqual(l1["notes"], "PRESUPUESTO: $ 600.000\nESTADO: EN CURSO")

    def test_senama_valparaiso_in_the_seeds_form(self):
        self.check_plan(PLANS[1])

    def test_desarrollo_social_antofagasta_as_word_writes_it(self):
        got = self.check_plan(PLANS[2])
        self.assertEqual(got["title"], "Plan Anual de Trabajo 2026")

    def test_a_municipal_cronograma_exported_from_excel_in_windows_1252(self):
        got = self.check_plan(PLANS[3])
        self.assertEqual(got["lines"][7]["objective"], "EVALUACION DEL AÑO")
        # An Excel cell typed «noviembre 2025» keeps being that month.
        self.assertEqual(got["lines"][6]["window"]["phrase"], "noviembre 2025")

    def test_a_two_year_plan_with_eje_rows(self):
        got = self.check_plan(PLANS[4])
        self.assertEqual(got["lines"][2]["objective"],
                         "Levantar necesidades de salud de los territorios")

    def test_a_gantt_chart_of_months_gives_each_line_its_months(self):
        got = self.check_plan(PLANS[5])
        self.assertEqual(got["lines"][0]["window"]["phrase"],
                         "Abr 2026, Jul 2026, Oct 2026, Dic 2026")

    def test_meta_beside_indicador_bare_counts_and_a_total_row(self):
        got = self.check_plan(PLANS[7])
        self.assertEqual(got["lines"][0]["meta"], "4")
        self.assertIn("Indicador: N° sesiones realizadas/programadas",
                      got["lines"][0]["notes"])

    def test_plazo_over_inicio_and_termino(self):
        got = self.check_plan(PLANS[8])
        self.assertEqual(got["lines"][0]["window"]["phrase"], "Marzo a Diciembre")

    def test_an_excel_plan_after_a_cover_sheet_and_before_a_budget(self):
        plan = PLANS[1]
        wb = openpyxl.load_workbook(io.BytesIO(plan.to_xlsx()))
        cover = wb.create_sheet("Portada", 0)
        cover.append(["SERVICIO NACIONAL DEL ADULTO MAYOR"])
        cover.append(["Plan anual de trabajo del COSOC, Región de Valparaíso"])
        hidden = wb.create_sheet("Listas", 1)
        hidden.append(["N°", "ACTIVIDADES", "MEDIOS DE VERIFICACION", "FECHA"])
        hidden.append(["1", "Oculta", "Acta", "Enero"])
        hidden.sheet_state = "hidden"
        budget = wb.create_sheet("Presupuesto")
        budget.append(["Ítem", "Monto", "Fecha"])
        budget.append(["Arriendo de salón", 150000, "Marzo"])
        out = io.BytesIO()
        wb.save(out)
        got = self.check_plan(plan, [("xlsx", out.getvalue())], "senama_sheets")
        self.assertEqual(got["title"], "SERVICIO NACIONAL DEL ADULTO MAYOR")
        self.assertEqual(len(got["lines"]), 7)  # none from «Listas» or «Presupuesto»

    def test_a_plan_by_quarters_with_tema_and_producto(self):
        got = self.check_plan(PLANS[6])
        self.assertEqual(got["lines"][1]["window"]["phrase"], "II Trim., III Trim.")


if __name__ == "__main__":
    unittest.main()
