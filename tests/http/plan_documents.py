"""
Plan documents written by the tests themselves, in the three forms councils
send them: text (tab-separated rows with HTML fragments in the cells, as the
real plan), Word .docx (a ZIP of hand-written WordprocessingML: numbered
lists, tables with vertically merged cells) and Excel .xlsx (openpyxl:
merged ranges, line breaks in cells). One PlanSpec gives the same plan in
each form, so the tests can check that all three import to the same lines.

Only the standard library and Debian's python3-openpyxl.
"""
import io
import zipfile
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


class Cell:
    """A table cell: paragraphs, some of them list items; merged=True when
    it continues the cell above (vertical merge in Word and Excel, the same
    text repeated in the text form)."""

    def __init__(self, *paras, items=(), merged=False):
        self.paras = list(paras)
        self.items = list(items)
        self.merged = merged


def cell(value):
    return value if isinstance(value, Cell) else Cell(value) if value else Cell()


class PlanSpec:
    def __init__(self, title, intro, heading, objectives, header, rows):
        self.title = title
        self.intro = intro            # paragraphs
        self.heading = heading        # "OBJETIVOS GENERALES:"
        self.objectives = objectives  # texts, numbered 1., 2. … (or a list in Word)
        self.header = header          # column headings
        self.rows = [[cell(c) for c in row] for row in rows]

    def resolved(self):
        """Rows with merged cells replaced by the cell above them."""
        out = []
        for row in self.rows:
            new = []
            for i, c in enumerate(row):
                new.append(out[-1][i] if c.merged else c)
            out.append(new)
        return out

    # ---- text ----
    def text(self):
        lines = [self.title, ""]
        lines += [p for p in self.intro] + [""]
        lines.append(self.heading)
        lines += ["%d. %s" % (i + 1, o) for i, o in enumerate(self.objectives)]
        lines.append("")
        lines.append("\t".join(self.header))
        for row in self.resolved():
            lines.append("\t".join(self.text_cell(c) for c in row))
        return "\n".join(lines) + "\n"

    @staticmethod
    def text_cell(c):
        out = "".join("<p>%s</p>" % escape(p) for p in c.paras)
        if c.items:
            out += '<ul style="list-style-type: none">' + "".join(
                " • %s" % escape(i) for i in c.items) + " </ul>"
        return out

    # ---- docx ----
    def docx(self):
        body = [w_p(self.title)] + [w_p(p) for p in self.intro]
        body.append(w_p(self.heading))
        body += [w_p(o, item=True) for o in self.objectives]
        grid = "".join('<w:gridCol w:w="1500"/>' for _ in self.header)
        rows = [w_tr([Cell(h) for h in self.header])] + [w_tr(r) for r in self.rows]
        body.append('<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
                    '<w:tblGrid>%s</w:tblGrid>%s</w:tbl>' % (grid, "".join(rows)))
        document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                    '<w:document xmlns:w="%s"><w:body>%s<w:sectPr/></w:body>'
                    '</w:document>' % (W_NS, "".join(body)))
        return docx_package(document)

    # ---- xlsx ----
    def xlsx(self):
        import openpyxl
        from openpyxl.styles import Alignment
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "Plan"
        n = len(self.header)
        ws.append([self.title])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=n)
        for p in self.intro:
            ws.append([p])
        ws.append([])
        ws.append([self.heading])
        for i, o in enumerate(self.objectives):
            ws.append(["%d. %s" % (i + 1, o)])
        ws.append(list(self.header))
        first = ws.max_row + 1
        for r, row in enumerate(self.rows):
            values = []
            for c in row:
                if c.merged:
                    values.append(None)
                else:
                    text = "\n".join(c.paras + ["• " + i for i in c.items])
                    values.append(int(text) if text.isdigit() else (text or None))
            ws.append(values)
            for k in range(1, n + 1):
                ws.cell(row=first + r, column=k).alignment = Alignment(wrap_text=True)
        # Merged ranges: a cell and the ones it continues below it.
        for k in range(n):
            r = 0
            while r < len(self.rows):
                end = r
                while end + 1 < len(self.rows) and self.rows[end + 1][k].merged:
                    end += 1
                if end > r:
                    ws.merge_cells(start_row=first + r, start_column=k + 1,
                                   end_row=first + end, end_column=k + 1)
                r = end + 1
        out = io.BytesIO()
        wb.save(out)
        return out.getvalue()


def w_p(text, item=False):
    ppr = ('<w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/>'
           '<w:numId w:val="1"/></w:numPr></w:pPr>' if item else "")
    # Two runs, as Word splits text where formatting or spelling marks change.
    half = len(text) // 2
    runs = "".join('<w:r><w:t xml:space="preserve">%s</w:t></w:r>' % escape(t)
                   for t in (text[:half], text[half:]) if t)
    return "<w:p>%s%s</w:p>" % (ppr, runs)


def w_tr(cells):
    out = []
    for c in cells:
        if c.merged:
            out.append('<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>')
            continue
        paras = [w_p(p) for p in c.paras] + [w_p(i, item=True) for i in c.items]
        merge = '<w:vMerge w:val="restart"/>'
        out.append('<w:tc><w:tcPr><w:tcW w:w="1500" w:type="dxa"/>%s</w:tcPr>%s</w:tc>'
                   % (merge if c is not None else "", "".join(paras) or "<w:p/>"))
    return "<w:tr>%s</w:tr>" % "".join(out)


CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.numbering+xml"/></Types>')
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
NUMBERING = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:numbering xmlns:w="%s"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0">'
    '<w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%%1."/></w:lvl>'
    '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    '</w:numbering>' % W_NS)


def docx_package(document_xml, extra=None):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        z.writestr("word/document.xml", document_xml)
        z.writestr("word/numbering.xml", NUMBERING)
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return out.getvalue()


# ---- The plans of two councils that are not the seed's ----

LOS_LAGOS = PlanSpec(
    "Plan de trabajo COSOC 2026",
    ["Consejo de la Sociedad Civil de la SEREMI de Vivienda, Región de Los Lagos.",
     "Este plan se acordó en la sesión ordinaria de marzo."],
    "OBJETIVOS GENERALES:",
    ["Fortalecer la participación de las organizaciones de la región.",
     "Llevar el trabajo del consejo a todas las provincias."],
    ["Línea de acción", "Actividades", "Meta / Indicador", "Medios de verificación",
     "Plazo de ejecución", "Responsable(s)", "Observaciones"],
    [
        ["Participación", Cell("Sesiones del consejo:", items=["ordinarias", "extraordinarias"]),
         "Al menos 6 sesiones del pleno", Cell(items=["Actas de sesión", "Lista de asistentes"]),
         "Marzo a noviembre 2026", "Secretaría ejecutiva", "Según el reglamento"],
        [Cell(merged=True), "Actividades de difusión en terreno", "2 actividades fuera de Puerto Montt",
         Cell(items=["Registro fotográfico", "Registro audiovisual"]), "Segundo semestre",
         "SEREMI", ""],
        ["Descentralización", "Realizar charlas en cada provincia de la región", "",
         Cell(items=["Correo de invitación", "Bitácora de terreno"]), "Abril–Junio",
         "SEREMI", ""],
        [Cell(merged=True), "Realizar cuatro (4) talleres para dirigentes", "",
         Cell(items=["Planilla de firmas", "Set fotográfico"]), "Entre mayo y agosto de 2026",
         "Encargada PAC", "Con apoyo municipal"],
        ["Formación", "Realizar 1 jornada de cierre", "", "Informe final", "15-12-2026",
         "Encargada PAC", ""],
        ["Formación", "Seguimiento de acuerdos", "", "Copia del acta", "Se agendarán según corresponda",
         "Encargada PAC", ""],
        ["Formación", "Reunión con autoridades regionales", "", "Citación", "Cuando haya presupuesto",
         "SEREMI", ""],
    ])

ARAUCANIA = PlanSpec(
    "PLAN ANUAL 2025-2026",
    ["Consejo de la Sociedad Civil del Servicio de Salud, Región de La Araucanía."],
    "OBJETIVOS",
    ["Acercar la salud a los territorios.", "Formar a los consejeros."],
    ["Nº", "Objetivo específico", "Acción", "Responsable", "Verificadores", "Fecha", "META"],
    [
        ["1", "Territorio", "Realizar mesas de trabajo fuera de la capital regional", "Directora",
         Cell(items=["Invitaciones", "Registro de asistencia"]), "Noviembre a febrero",
         "Al menos 3 mesas de trabajo"],
        ["2", Cell(merged=True), "Visitar los hospitales de la red", "Equipo",
         "Informe de gestión", "Q1 2026", ""],
        ["3", "Formación", "Charla de la Ley 20.500", "Encargada",
         Cell(items=["Fotos", "Acta"]), "15/04/2025", "Una charla"],
        ["4", "Formación", "Curso de liderazgo", "Encargada", "Programa de Formación",
         "15 de abril de 2026", "2 cursos"],
        ["5", "Formación", "Acompañar al consejo", "Encargada", "Minuta de reunión",
         "Todo el año", ""],
        ["6", "Formación", "Presentar la cuenta pública", "Directora", "Informe final",
         "Primer Semestre 2025", ""],
        ["7", "Formación", "Sesiones del consejo", "Directora", "Acta", "Año 2026",
         "a lo menos 5 sesiones"],
    ])
