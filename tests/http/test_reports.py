"""
The Informe de cumplimiento read back with real readers, for one as_of,
and checked against GET /api/compliance and the dashboard: the PDF with
pdftotext (cover with the plan version, the 10 lines and their states, a
line's section with an activity's date and commune and what is missing)
and pdfimages (the uploaded photo is drawn); the XLSX with openpyxl (three
sheets whose counts are the API's, dates as dates); the ZIP with zipfile
(the report PDF, the approved acta and attendance sheet PDFs, safe unique
names, an index naming every file with its SHA-256).
"""
import csv
import hashlib
import io
import re
import struct
import subprocess
import tempfile
import zipfile
import zlib

from support import ServerTestCase, run_cli
from test_evidence import MP, multipart

AS_OF = "2025-06-30"
# The real plan (version 1) as it stands today, with the photo uploaded by
# this test: looking back to AS_OF would not show it, it was not there yet.
NOW = "?version=1"
MONTHS = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
          "septiembre", "octubre", "noviembre", "diciembre"]


def long_date(iso):
    y, m, d = (int(x) for x in iso.split("-"))
    return "%d de %s de %d" % (d, MONTHS[m - 1], y)
LABELS = {"cumplida": "Cumplida", "en_curso": "En curso", "en_riesgo": "En riesgo",
          "atrasada": "Atrasada", "sin_iniciar": "Sin iniciar"}
# An ended plan's unmet lines read as its final result.
ENDED = dict(LABELS, atrasada="No cumplida")


def photo_png(w=64, h=48):
    """A w x h RGB PNG with a gradient: a photo as far as the report goes."""
    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff))
    raw = b"".join(b"\x00" + b"".join(bytes([x * 4 % 256, y * 5 % 256, 90])
                                      for x in range(w)) for y in range(h))
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def pdf_run(tool, body, *args):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(body)
        f.flush()
        return subprocess.run([tool, *args, f.name] + (["-"] if tool == "pdftotext" else []),
                              check=True, capture_output=True, text=True).stdout


def flat(text):
    """Text with every run of white space as one space: pdftotext wraps."""
    return " ".join(text.split())


class Reports(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        out = run_cli("token", "create", "--db", cls.demo.path, "--email",
                      cls.demo.email, check=0).stdout
        cls.bearer = {"Authorization": "Bearer " + out.strip().split()[-1]}
        c = cls.server.client()
        try:
            # A held pilot plan in Ovalle for line 7 with a photo: its
            # section must show the date, the commune and the picture.
            r = c.post("/api/activities", headers=cls.bearer, json_body={
                "kind": "plan_piloto", "title": "Piloto de reciclaje en Ovalle",
                "start": "2025-03-12T10:00:00-03:00", "end": "2025-03-12T12:00:00-03:00",
                "commune": "04301", "modality": "presencial", "status": "realizada",
                "plan_lines": [7], "public": True})
            assert r.status == 201, r.text
            cls.act = r.json()["id"]
            cls.photo = photo_png()
            body = multipart({"kind": "fotografias"},
                             [("file", "Foto del piloto.png", "image/png", cls.photo)])
            h = dict(MP)
            h.update(cls.bearer)
            r = c.post("/api/activities/%d/evidence" % cls.act, body=body, headers=h)
            assert r.status == 201, r.text
            cls.photo_sha = r.json()["sha256"]
            # The same name twice on one activity: the ZIP keeps both.
            # (An informe is a PDF: the kind is checked against the content.)
            for seed in (1, 2):
                body = multipart({"kind": "informe"},
                                 [("file", "../informe.pdf", "application/pdf",
                                   b"%%PDF-1.4\n%% informe %d\ntrailer<<>>\n%%%%EOF\n"
                                   % seed)])
                r = c.post("/api/activities/%d/evidence" % cls.act, body=body, headers=h)
                assert r.status == 201, r.text
        finally:
            c.close()

    def api(self, query=NOW):
        d = self.client().get("/api/compliance" + query).json()
        self.assertEqual(len(d["lines"]), 10)
        return d

    def get(self, path):
        r = self.admin().get(path)
        self.assertEqual(r.status, 200, r.text[:300])
        return r

    def test_pdf_has_the_cover_every_line_its_sections_and_the_photo(self):
        d = self.api()
        body = self.get("/informe-cumplimiento.pdf" + NOW).body
        self.assertTrue(body.startswith(b"%PDF"))
        info = pdf_run("pdfinfo", body)
        self.assertIn("A4", info)
        pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
        text = flat(pdf_run("pdftotext", body))
        cover = flat(pdf_run("pdftotext", body, "-f", "1", "-l", "1"))
        self.assertIn("Informe de cumplimiento del Plan Anual", cover)
        self.assertIn("Situación al " + long_date(d["as_of"]), cover)
        self.assertIn("Plan terminado", cover)
        self.assertIn("a partir de la versión %d del plan" % d["plan_version"], cover)
        self.assertIn("Página 1 de %d" % pages, cover)
        # Every line's section names its state as the API does.
        labels = ENDED if d["plan"]["state"] == "terminado" else LABELS
        for line in d["lines"]:
            self.assertIn("Línea %d · %s" % (line["number"], labels[line["state"]]), text)
        # Line 7's section: the activity with its date and commune, the
        # photo's caption, and the engine's missing sentences.
        section = text.split("Línea 7 ·")[1].split("Línea 8 ·")[0]
        self.assertIn("12 de marzo de 2025", section)
        self.assertIn("Ovalle, provincia de Limarí", section)
        self.assertIn("Foto del piloto.png", section)
        line7 = [x for x in d["lines"] if x["number"] == 7][0]
        self.assertTrue(line7["missing"], line7)
        for sentence in line7["missing"]:
            self.assertIn(flat(sentence), section)
        # The photo is drawn on the pages of line 7's section.
        first = next(p for p in range(1, pages + 1)
                     if "Línea 7 ·" in pdf_run("pdftotext", body, "-f", str(p), "-l", str(p)))
        last = next(p for p in range(first, pages + 1)
                    if "Línea 8 ·" in pdf_run("pdftotext", body, "-f", str(p), "-l", str(p)))
        images = pdf_run("pdfimages", body, "-list", "-f", str(first), "-l", str(last - 1))
        rows = [l for l in images.splitlines()[2:] if l.split()[2:3] == ["image"]]
        self.assertGreaterEqual(len(rows), 1, images)

    def test_pdf_dashboard_and_api_agree_for_the_same_day(self):
        d = self.api("?as_of=" + AS_OF)
        home = self.admin().get("/?as_of=" + AS_OF).text
        states = dict(re.findall(r'<li id="linea-(\d+)" class="compliance-line" '
                                 r'data-state="([a-z_]+)"', home))
        self.assertEqual(states, {str(x["number"]): x["state"] for x in d["lines"]})
        text = flat(pdf_run("pdftotext", self.get("/informe-cumplimiento.pdf?as_of="
                                                   + AS_OF).body))
        for x in d["lines"]:
            self.assertIn("Realizadas que cuentan: %d de %d. Verificadas que cuentan para la "
                          "meta: %d de %d." % (x["qualifying"], x["target"], x["counted"],
                                               x["target"]), text)

    def test_xlsx_has_three_sheets_that_agree_with_the_api(self):
        import openpyxl
        d = self.api()
        by = {x["number"]: x for x in d["lines"]}
        r = self.get("/informe-cumplimiento.xlsx" + NOW)
        self.assertIn("spreadsheetml", r.header("Content-Type"))
        wb = openpyxl.load_workbook(io.BytesIO(r.body))
        self.assertEqual(wb.sheetnames, ["Resumen", "Actividades", "Verificadores"])

        def table(ws, first):
            rows = list(ws.iter_rows(values_only=True))
            head = next(i for i, row in enumerate(rows) if row[0] == first)
            stamp = " ".join(str(c) for row in rows[:head] for c in row if c)
            self.assertIn("versión %d" % d["plan_version"], stamp)
            self.assertIn("Situación al %s-%s-%s" % tuple(reversed(d["as_of"].split("-"))),
                          stamp)
            self.assertIn("Informe producido el", stamp)
            return rows[head], rows[head + 1:]

        head, rows = table(wb["Resumen"], "N°")
        self.assertEqual(len(rows), 10)
        for row in rows:
            cells = dict(zip(head, row))
            x = by[cells["N°"]]
            self.assertEqual((cells["Meta (cantidad)"], cells["Realizadas"],
                              cells["Verificadas"], cells["Estado"]),
                             (x["target"], x["qualifying"], x["verified"],
                              ENDED[x["state"]]), cells)
        head, rows = table(wb["Actividades"], "Línea")
        acts = [dict(zip(head, row)) for row in rows]
        for n, x in by.items():
            mine = [a for a in acts if a["Línea"] == n]
            self.assertEqual(sum(a["¿Cuenta?"] == "Sí" for a in mine), x["qualifying"], n)
            self.assertEqual(sum(a["Verificada"] == "Sí" for a in mine), x["verified"], n)
        pilot = [a for a in acts if a["Actividad"] == "Piloto de reciclaje en Ovalle"][0]
        self.assertEqual(pilot["Fecha"].date().isoformat(), "2025-03-12")
        self.assertEqual((pilot["Comuna"], pilot["Provincia"], pilot["Estado"]),
                         ("Ovalle", "Limarí", "Realizada"))
        self.assertIn("Fotografías", pilot["Verificadores presentes"])
        head, rows = table(wb["Verificadores"], "Línea")
        ev = [dict(zip(head, row)) for row in rows]
        photo = [e for e in ev if e["SHA-256"] == self.photo_sha][0]
        self.assertEqual((photo["Línea"], photo["Archivo"], photo["Verificador"]),
                         (7, "Foto del piloto.png", "Fotografías"))
        self.assertEqual(photo["Fecha de la actividad"].date().isoformat(), "2025-03-12")
        self.assertIsNotNone(photo["Subido el"].year)

    def test_zip_holds_the_report_the_generated_pdfs_and_an_index_of_every_file(self):
        r = self.get("/informe-cumplimiento.zip" + NOW)
        z = zipfile.ZipFile(io.BytesIO(r.body))
        self.assertIsNone(z.testzip())
        names = z.namelist()
        self.assertEqual(len(names), len(set(names)))
        for name in names:
            self.assertTrue(name.isascii() and ".." not in name and not name.startswith("/"),
                            name)
        report = z.read("informe-cumplimiento.pdf")
        self.assertIn("Informe de cumplimiento del Plan Anual",
                      flat(pdf_run("pdftotext", report)))
        rows = list(csv.reader(io.StringIO(z.read("indice.csv").decode("utf-8-sig"))))
        self.assertEqual(rows[0], ["linea", "actividad", "fecha", "tipo", "archivo",
                                   "sha256", "origen"])
        files = {row[4]: row for row in rows[1:]}
        self.assertEqual(set(files), set(names) - {"indice.csv"})
        for name, row in files.items():
            self.assertEqual(hashlib.sha256(z.read(name)).hexdigest(), row[5], name)
        folder = "linea-07/2025-03-12-piloto-de-reciclaje-en-ovalle/"
        self.assertEqual(z.read(folder + "foto-del-piloto.png"), self.photo)
        self.assertEqual({n for n in names if n.startswith(folder) and "informe" in n},
                         {folder + "informe.pdf", folder + "2-informe.pdf"})
        # The demo's March session has its acta approved and its attendance
        # recorded: both PDFs the system makes travel with its files.
        generated = {name: row for name, row in files.items()
                     if row[6] == "generado por el sistema" and row[0]}
        actas = [n for n in generated if n.endswith("/acta-aprobada.pdf")]
        sheets = [n for n in generated if n.endswith("/hoja-de-asistencia.pdf")]
        self.assertTrue(actas and sheets, sorted(generated))
        self.assertEqual(files[actas[0]][3], "acta")
        self.assertIn("Acta", pdf_run("pdftotext", z.read(actas[0])))
        self.assertIn("Firma", pdf_run("pdftotext", z.read(sheets[0])))
        # Photos and PDFs are stored as they are (deflating them again gains
        # nothing); the index, text, is compressed.
        for info in z.infolist():
            if info.filename.endswith((".png", ".jpg", ".pdf")):
                self.assertEqual(info.compress_type, zipfile.ZIP_STORED, info.filename)
        self.assertEqual(z.getinfo("indice.csv").compress_type, zipfile.ZIP_DEFLATED)
