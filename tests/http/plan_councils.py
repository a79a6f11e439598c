"""
Annual plans of Chilean COSOCs as their officials write them, in three
forms: text (tab-separated with HTML cells, as the seed; Excel's tab export,
in Windows-1252 when the plan says so; Word's «Página web, filtrada»), Word
.docx (hand-written WordprocessingML as Word writes it: styles with Spanish
ids, numbering.xml lists, a section break before a landscape table, vMerge
and gridSpan, tblHeader rows) and Excel .xlsx (openpyxl: title rows merged
across, merged ranges down and across, line breaks in cells, date cells).
Each plan carries what a careful reader understands from each line (E):
test_plan_councils.py compares the importer with it. Only the standard
library and Debian's python3-openpyxl.

Cell text: paragraphs separated by "\n"; a paragraph starting "• " is a
list item (bullet), "#. " a numbered item. MERGE continues the cell above
(vertical merge). Section(text) is a row spanning the whole table.
"""
import io
import zipfile
from xml.sax.saxutils import escape

MERGE = object()


def spans(header):
    """A header's cells as (text, columns it spans)."""
    return [h if isinstance(h, tuple) else (h, 1) for h in header]


def header_rows(header, subheader, restart, cont):
    """The header row and the row under it (subheader, may be None) as
    lists of (text, columns spanned, mark): a cell merged down over the row
    under it gets the mark restart, its continuation cont (None: left out,
    as HTML's rowspan leaves it)."""
    sub = subheader or []
    col = 0
    top = []
    for h, n in spans(header):
        down = n == 1 and col < len(sub) and sub[col] is MERGE
        top.append((h, n, restart if down else ""))
        col += n
    rows = [top]
    if sub:
        rows.append([("", 1, cont) if h is MERGE else (h, 1, "")
                     for h in sub if h is not MERGE or cont is not None])
    return rows


def flat(header):
    out = []
    for t, n in spans(header):
        out += [t] + [""] * (n - 1)
    return out


def disp(c):
    """A date cell ("DATE:2026-06-10") as officials type it elsewhere."""
    if isinstance(c, str) and c.startswith("DATE:"):
        y, m, d = c[5:].split("-")
        return "%s-%s-%s" % (d, m, y)
    if isinstance(c, str) and c.startswith("DATEM:"):
        y, m = c[6:].split("-")
        return "%s %s" % (MONTHS[int(m) - 1].lower(), y)
    return c


MONTHS = ["Enero", "Febrero", "Marzo", "Abril", "Mayo", "Junio", "Julio",
          "Agosto", "Septiembre", "Octubre", "Noviembre", "Diciembre"]


class Section:
    def __init__(self, text):
        self.text = text


class E:
    """What the line means. win: (start, end) or None to skip; wflag: the
    window should be flagged (a guess); n: count; kinds: set of activity
    slugs (None: do not check; set(): any kind); excl: commune names; prov:
    provinces that must each have one; ev: evidence kinds in order, a
    non-standard one written '+' (a new council kind, any slug); alt: other
    acceptable readings as dicts of the same fields."""

    def __init__(self, win=None, wflag=False, n=1, kinds=None, excl=(),
                 prov=0, ev=(), tflag=False, alt=None):
        self.win = win
        self.wflag = wflag
        self.n = n
        self.kinds = kinds
        self.excl = list(excl)
        self.prov = prov
        self.ev = list(ev)
        self.tflag = tflag
        self.alt = alt or {}


class Row:
    def __init__(self, cells, e):
        self.cells = cells
        self.e = e


class Plan:
    """front: list of (kind, text): 'title', 'p', 'h' (a heading), 'obj' (an
    objective, numbered by obj_style), 'blank', 'pagebreak'.
    tables: list of (header, rows); rows are Row or Section."""

    def __init__(self, slug, desc, region, period, front, tables,
                 obj_style="num-dot", nobj=None, txt="html", docx="pydocx",
                 xlsx="openpyxl", bullet="• ", encoding="utf-8",
                 xlsx_objectives="col-a", title=None, repeat_header=True,
                 subheader=None):
        self.slug = slug
        self.desc = desc
        self.region = region
        self.period = period
        self.front = front
        self.tables = tables
        self.obj_style = obj_style
        self.nobj = nobj if nobj is not None else sum(
            1 for k, _ in front if k == "obj")
        self.txt = txt
        self.docx = docx
        self.xlsx = xlsx
        self.bullet = bullet
        self.encoding = encoding
        self.xlsx_objectives = xlsx_objectives
        self.title = title
        self.repeat_header = repeat_header
        self.subheader = subheader  # a second header row (months…)

    # ---- shared ----
    def header(self):
        return flat(self.tables[0][0])

    def ncol(self):
        return len(self.header())

    def data_rows(self):
        out = []
        for _, rows in self.tables:
            out += [r for r in rows if isinstance(r, Row) and r.e is not None]
        return out

    def resolved_tables(self):
        """Each table's rows with MERGE replaced by the text above."""
        out = []
        above = {}
        for header, rows in self.tables:
            res = []
            for r in rows:
                if isinstance(r, Section):
                    res.append(r)
                    continue
                cells = []
                for i, c in enumerate(r.cells):
                    if c is MERGE:
                        cells.append((above.get(i, ""), True))
                    else:
                        above[i] = disp(c)
                        cells.append((disp(c), False))
                res.append(cells)
            out.append((header, res))
        return out

    def obj_mark(self, k):
        s = self.obj_style
        roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
        return {
            "num-dot": "%d. " % k,
            "num-dash": "%d.- " % k,
            "paren": "%d) " % k,
            "alpha": "%s) " % "abcdefghij"[k - 1],
            "roman": "%s. " % roman[k - 1],
            "bullet": self.bullet,
            "dash": "- ",
            "wordlist": "%d. " % k,
            "ol": "",
        }[s]

    def objectives_numbered(self):
        k = 0
        out = []
        for kind, text in self.front:
            if kind == "obj":
                k += 1
                out.append((kind, self.obj_mark(k) + text, text))
            else:
                out.append((kind, text, text))
        return out

    # ---- text ----
    def to_text(self):
        if self.txt == "wordhtml":
            return self.to_word_html().encode(self.encoding, "replace")
        if self.txt == "html":
            s = self._text_seedlike()
        else:
            s = self._text_excel()
        return s.encode(self.encoding, "replace")

    def _para_html(self, paras):
        out = []
        items = []
        for p in paras:
            if p.startswith("• ") or p.startswith("#. "):
                items.append(p.split(" ", 1)[1])
                continue
            if items:
                out.append('<ul style="list-style-type: none">' + "".join(
                    " \u2022 " + escape(i) for i in items) + " </ul>")
                items = []
            out.append("<p>%s</p>" % escape(p))
        if items:
            out.append('<ul style="list-style-type: none">' + "".join(
                " \u2022 " + escape(i) for i in items) + " </ul>")
        return "".join(out)

    def _text_seedlike(self):
        lines = ["", ""]
        fr = self.objectives_numbered()
        i = 0
        while i < len(fr):
            kind, text, bare = fr[i]
            if kind == "obj" and self.obj_style == "ol":
                items = []
                while i < len(fr) and fr[i][0] == "obj":
                    items.append(fr[i][2])
                    i += 1
                lines.append('\t<ol style="list-style-type: none">' + "".join(
                    "%d.- %s" % (k + 1, escape(t)) for k, t in enumerate(items))
                    + "</ol>")
                continue
            if kind in ("blank", "pagebreak"):
                lines.append("")
            elif kind == "h":
                lines.append(text + "\t")
            else:
                lines.append(text)
                lines.append("")
            i += 1
        lines.append("")
        for t, (header, rows) in enumerate(self.resolved_tables()):
            if t == 0 or self.repeat_header:
                lines.append("\t".join(flat(header)))
                if self.subheader:
                    lines.append("\t".join(
                        "" if h is MERGE else h for h in self.subheader))
            for r in rows:
                if isinstance(r, Section):
                    lines.append(r.text + "\t" * (len(flat(header)) - 1))
                    continue
                cells = []
                for c, _ in r:
                    paras = [p for p in c.split("\n") if p] if c else []
                    cells.append(self._para_html(paras) if len(paras) > 1 or any(
                        p.startswith("• ") for p in paras) else (paras[0] if paras else ""))
                lines.append("\t".join(cells))
            lines.append("")
        return "\n".join(lines) + "\n"

    def _plain_cell(self, c):
        c = disp(c)
        paras = [p for p in c.split("\n") if p] if c else []
        out = []
        for p in paras:
            if p.startswith("• "):
                out.append(self.bullet + p[2:])
            elif p.startswith("#. "):
                out.append(p[3:])
            else:
                out.append(p)
        return "\n".join(out)

    def _text_excel(self):
        """Excel's "Texto (delimitado por tabulaciones)": every row has all
        columns, merged ranges only in their first cell, cells with line
        breaks quoted."""
        n = self.ncol()

        def q(s):
            if "\n" in s or '"' in s:
                return '"' + s.replace('"', '""') + '"'
            return s

        lines = []
        for kind, text, bare in self.objectives_numbered():
            if kind in ("blank", "pagebreak"):
                lines.append("\t" * (n - 1))
            else:
                lines.append(q(text) + "\t" * (n - 1))
        for t, (header, rows) in enumerate(self.tables):
            if t == 0 or self.repeat_header:
                lines.append("\t".join(flat(header)))
                if self.subheader:
                    lines.append("\t".join(
                        "" if h is MERGE else h for h in self.subheader))
            for r in rows:
                if isinstance(r, Section):
                    lines.append(q(r.text) + "\t" * (n - 1))
                    continue
                lines.append("\t".join(
                    "" if c is MERGE else q(self._plain_cell(c))
                    for c in r.cells))
        return "\r\n".join(lines) + "\r\n"

    def _rowspans(self, rows):
        spans = {}
        for ri, r in enumerate(rows):
            if isinstance(r, Section):
                continue
            for ci, c in enumerate(r.cells):
                if c is MERGE:
                    continue
                k = ri + 1
                while k < len(rows) and isinstance(rows[k], Row) and \
                        rows[k].cells[ci] is MERGE:
                    k += 1
                spans[(ri, ci)] = k - ri
        return spans

    def _cell_html(self, c):
        c = disp(c)
        paras = [p for p in c.split("\n") if p] if c else []
        out = []
        items = []
        kind = None
        for p in paras + [None]:
            isitem = p is not None and (p.startswith("• ") or p.startswith("#. "))
            if isitem:
                kind = "ul" if p.startswith("• ") else "ol"
                items.append(p.split(" ", 1)[1])
                continue
            if items:
                out.append("<%s>%s</%s>" % (kind, "".join(
                    "<li>%s</li>" % escape(i) for i in items), kind))
                items = []
            if p is not None:
                out.append("<p>%s</p>" % escape(p))
        return "".join(out)

    def to_word_html(self):
        """What Word writes with «Guardar como: Página web, filtrada»."""
        o = ['<html>\n<head>\n<meta http-equiv=Content-Type content="text/html; '
             'charset=%s">\n<meta name=Generator content="Microsoft Word 15 '
             '(filtered)">\n<style>\n<!--\n /* Font Definitions */\n @font-face\n'
             '\t{font-family:"Cambria Math";}\np.MsoNormal, li.MsoNormal\n\t'
             '{margin-top:0cm;margin-bottom:8.0pt;font-size:11.0pt;}\n-->\n'
             '</style>\n\n</head>\n\n<body lang=ES-CL style=\'word-wrap:break-word\'>'
             '\n\n<div class=WordSection1>\n'
             % ("windows-1252" if self.encoding != "utf-8" else "utf-8")]
        k = 0

        def ent(s):
            return escape(s).replace("\u00a0", "&nbsp;")

        for kind, text, bare in self.objectives_numbered():
            if kind == "title":
                o.append("<p class=MsoTitle align=center style='text-align:center'>"
                         "<b><span lang=ES-CL>%s</span></b></p>\n" % ent(text))
            elif kind == "h":
                o.append("<p class=MsoNormal><b><span lang=ES-CL "
                         "style='font-size:12.0pt'>%s</span></b></p>\n" % ent(text))
            elif kind == "obj":
                k += 1
                o.append("<p class=MsoListParagraphCxSpMiddle style='margin-left:36.0pt;"
                         "text-indent:-18.0pt'><span lang=ES-CL>%d.<span "
                         "style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp;"
                         "&nbsp;&nbsp;&nbsp; </span></span><span lang=ES-CL>%s"
                         "</span></p>\n" % (k, ent(bare)))
            elif kind in ("blank", "pagebreak"):
                o.append("<p class=MsoNormal><span lang=ES-CL>&nbsp;</span></p>\n")
            else:
                o.append("<p class=MsoNormal style='text-align:justify'><span "
                         "lang=ES-CL>%s</span></p>\n" % ent(text))
        o.append("</div>\n<span lang=ES-CL style='font-size:11.0pt'><br clear=all "
                 "style='page-break-before:always;mso-break-type:section-break'>\n"
                 "</span>\n<div class=WordSection2>\n")
        for t, (header, rows) in enumerate(self.tables):
            o.append("<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0\n"
                     " style='border-collapse:collapse;border:none'>\n")
            if t == 0 or self.repeat_header:
                for hr in header_rows(header, self.subheader, " rowspan=2", None):
                    o.append(" <tr>\n" + "".join(
                        "  <td width=94 valign=top%s%s style='width:70.85pt;border:solid "
                        "windowtext 1.0pt;background:#D9E2F3;padding:0cm 5.4pt 0cm "
                        "5.4pt'>\n  <p class=MsoNormal align=center style='margin-bottom:"
                        "0cm;text-align:center'><b><span lang=ES-CL>%s</span></b></p>\n"
                        "  </td>\n" % (" colspan=%d" % n if n > 1 else "", rs,
                                        ent(h) if h else "&nbsp;") for h, n, rs in hr)
                        + " </tr>\n")
            rspans = self._rowspans(rows)
            for ri, r in enumerate(rows):
                if isinstance(r, Section):
                    o.append(" <tr>\n  <td width=600 colspan=%d valign=top>\n  <p "
                             "class=MsoNormal><b><span lang=ES-CL>%s</span></b></p>\n"
                             "  </td>\n </tr>\n" % (len(flat(header)), ent(r.text)))
                    continue
                o.append(" <tr>\n")
                for ci, c in enumerate(r.cells):
                    if c is MERGE:
                        continue
                    span = rspans.get((ri, ci), 1)
                    o.append("  <td width=94 valign=top%s style='width:70.85pt;"
                             "border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm "
                             "5.4pt'>\n" % (" rowspan=%d" % span if span > 1 else ""))
                    c = disp(c)
                    paras = [p for p in c.split("\n") if p] if c else [""]
                    for p in paras:
                        if p.startswith("• "):
                            o.append("  <p class=MsoListParagraphCxSpFirst style='margin-"
                                     "left:18.0pt;text-indent:-18.0pt'><span lang=ES-CL "
                                     "style='font-family:Symbol'>\u00b7<span style='font:"
                                     "7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp;&nbsp;"
                                     "&nbsp;&nbsp;&nbsp; </span></span><span lang=ES-CL>"
                                     "%s</span></p>\n" % ent(p[2:]))
                        else:
                            o.append("  <p class=MsoNormal style='margin-bottom:0cm'>"
                                     "<span lang=ES-CL>%s</span></p>\n"
                                     % (ent(p) if p else "&nbsp;"))
                    o.append("  </td>\n")
                o.append(" </tr>\n")
            o.append("</table>\n\n<p class=MsoNormal><span lang=ES-CL>&nbsp;</span></p>\n")
        o.append("</div>\n\n</body>\n\n</html>\n")
        return "".join(o)

    # ---- docx ----
    def to_docx(self):
        return self._docx_hand()

    def _docx_hand(self):
        return hand_docx(self)

    # ---- xlsx ----
    def to_xlsx(self):
        return self._xlsx_openpyxl()

    def _xlsx_openpyxl(self):
        import openpyxl
        from openpyxl.styles import Alignment, Font
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "Plan %s" % self.period
        n = self.ncol()
        row = 1
        fr = self.objectives_numbered()
        for kind, text, bare in fr:
            if kind in ("blank", "pagebreak"):
                row += 1
                continue
            if kind == "obj" and self.xlsx_objectives == "col-b":
                ws.cell(row=row, column=2, value=text)
                row += 1
                continue
            c = ws.cell(row=row, column=1, value=text)
            if kind == "title":
                c.font = Font(bold=True, size=14)
                ws.merge_cells(start_row=row, start_column=1, end_row=row,
                               end_column=n)
                c.alignment = Alignment(horizontal="center")
            elif kind == "p":
                ws.merge_cells(start_row=row, start_column=1, end_row=row,
                               end_column=n)
                c.alignment = Alignment(wrap_text=True)
            row += 1
        row += 1
        for t, (header, rows) in enumerate(self.tables):
            if t == 0 or self.repeat_header:
                col = 1
                for h, nspan in spans(header):
                    c = ws.cell(row=row, column=col, value=h)
                    c.font = Font(bold=True)
                    if nspan > 1:
                        ws.merge_cells(start_row=row, start_column=col,
                                       end_row=row, end_column=col + nspan - 1)
                    col += nspan
                row += 1
                if self.subheader:
                    for i, h in enumerate(self.subheader):
                        if h is MERGE:
                            ws.merge_cells(start_row=row - 1, start_column=i + 1,
                                           end_row=row, end_column=i + 1)
                        elif h:
                            ws.cell(row=row, column=i + 1, value=h).font = Font(bold=True)
                    row += 1
            start = {}
            for r in rows:
                if isinstance(r, Section):
                    ws.cell(row=row, column=1, value=r.text).font = Font(bold=True)
                    ws.merge_cells(start_row=row, start_column=1, end_row=row,
                                   end_column=n)
                    row += 1
                    continue
                for ci, c in enumerate(r.cells):
                    if c is MERGE:
                        continue
                    v = self._plain_cell(c) if c else None
                    if isinstance(c, str) and c.startswith("DATE"):
                        import datetime
                        if c.startswith("DATEM:"):
                            y, m = map(int, c[6:].split("-"))
                            d, fmt = 1, "mmm-yy"
                        else:
                            y, m, d = map(int, c[5:].split("-"))
                            fmt = "DD-MM-YYYY"
                        cell = ws.cell(row=row, column=ci + 1,
                                       value=datetime.datetime(y, m, d))
                        cell.number_format = fmt
                        start[ci] = row
                        continue
                    cell = ws.cell(row=row, column=ci + 1, value=v)
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
                    start[ci] = row
                row += 1
            # vertical merges
            r0 = row - len(rows)
            for (ri, ci), n in self._rowspans(rows).items():
                if n > 1:
                    ws.merge_cells(start_row=r0 + ri, start_column=ci + 1,
                                   end_row=r0 + ri + n - 1, end_column=ci + 1)
            row += 1
        f = io.BytesIO()
        wb.save(f)
        return f.getvalue()


# ---- hand-written WordprocessingML, as Word itself writes it ----
W = ('xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
     'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
     'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
     'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
     'mc:Ignorable="w14"')


def _run(text, bold=False):
    rpr = '<w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial"/>%s' \
          '<w:sz w:val="20"/><w:lang w:val="es-CL"/></w:rPr>' % (
              "<w:b/><w:bCs/>" if bold else "")
    # Word splits runs at spell-check boundaries: split at the first space
    # after 10 characters, as proofErr marks do.
    parts = [text]
    if len(text) > 20:
        cut = text.find(" ", 10)
        if cut > 0:
            parts = [text[:cut], text[cut:]]
    out = ""
    for i, p in enumerate(parts):
        if i:
            out += '<w:proofErr w:type="spellStart"/>'
        out += '<w:r w:rsidRPr="00A1B2C3">%s<w:t xml:space="preserve">%s</w:t></w:r>' % (
            rpr, escape(p))
        if i:
            out += '<w:proofErr w:type="spellEnd"/>'
    return out


def _p(text, style=None, num=None, bold=False, jc=None, sect=None,
       pagebreak=False):
    ppr = ""
    if style:
        ppr += '<w:pStyle w:val="%s"/>' % style
    if num:
        ppr += '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="%d"/></w:numPr>' % num
    ppr += '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
    if jc:
        ppr += '<w:jc w:val="%s"/>' % jc
    if sect:
        ppr += sect
    body = _run(text, bold) if text else ""
    if pagebreak:
        body += '<w:r><w:br w:type="page"/></w:r>'
    return '<w:p w:rsidR="00D12E4F" w:rsidRDefault="00D12E4F"><w:pPr>%s</w:pPr>%s</w:p>' % (
        ppr, body)


SECT_PORTRAIT = ('<w:sectPr w:rsidR="00D12E4F"><w:pgSz w:w="12240" w:h="15840"/>'
                 '<w:pgMar w:top="1417" w:right="1701" w:bottom="1417" w:left="1701" '
                 'w:header="708" w:footer="708" w:gutter="0"/><w:cols w:space="708"/>'
                 '</w:sectPr>')
SECT_LANDSCAPE = ('<w:sectPr w:rsidR="00D12E4F"><w:pgSz w:w="15840" w:h="12240" '
                  'w:orient="landscape"/><w:pgMar w:top="1701" w:right="1417" '
                  'w:bottom="1701" w:left="1417" w:header="708" w:footer="708" '
                  'w:gutter="0"/><w:cols w:space="708"/></w:sectPr>')


def hand_docx(plan):
    body = []
    k = 0
    for kind, text, bare in plan.objectives_numbered():
        if kind == "title":
            body.append(_p(text, style="Ttulo", bold=True, jc="center"))
        elif kind == "h":
            body.append(_p(text, style="Ttulo1", bold=True))
        elif kind == "obj":
            if plan.obj_style in ("wordlist", "ol"):
                body.append(_p(bare, style="Prrafodelista", num=1))
            elif plan.obj_style == "bullet":
                body.append(_p(bare, style="Prrafodelista", num=2))
            else:
                body.append(_p(text))
        elif kind == "blank":
            body.append(_p(""))
        elif kind == "pagebreak":
            body.append(_p("", pagebreak=True))
        else:
            body.append(_p(text, jc="both"))
    body.append(_p("", sect=SECT_PORTRAIT))  # section break: landscape after
    grid = "".join('<w:gridCol w:w="%d"/>' % (13000 // plan.ncol())
                   for _ in range(plan.ncol()))
    for t, (header, rows) in enumerate(plan.tables):
        if t > 0:
            body.append(_p("", pagebreak=True))
            body.append(_p(""))
        tr = []
        if t == 0 or plan.repeat_header:
            for hr in header_rows(header, plan.subheader,
                                  '<w:vMerge w:val="restart"/>', "<w:vMerge/>"):
                tr.append('<w:tr><w:trPr><w:tblHeader/></w:trPr>' + "".join(
                    '<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/>%s%s<w:shd w:val="clear" '
                    'w:color="auto" w:fill="D9E2F3"/></w:tcPr>%s</w:tc>'
                    % ('<w:gridSpan w:val="%d"/>' % n if n > 1 else "", vm,
                       _p(h, bold=True, jc="center")) for h, n, vm in hr) + "</w:tr>")
        for ri, r in enumerate(rows):
            if isinstance(r, Section):
                tr.append('<w:tr><w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/>'
                          '<w:gridSpan w:val="%d"/></w:tcPr>%s</w:tc></w:tr>'
                          % (len(flat(header)), _p(r.text, bold=True)))
                continue
            cells = []
            for ci, c in enumerate(r.cells):
                nxt = rows[ri + 1] if ri + 1 < len(rows) else None
                cont = c is MERGE
                restart = not cont and isinstance(nxt, Row) and nxt.cells[ci] is MERGE
                tcpr = '<w:tcW w:w="0" w:type="auto"/>'
                if cont:
                    tcpr += "<w:vMerge/>"
                elif restart:
                    tcpr += '<w:vMerge w:val="restart"/>'
                paras = []
                if not cont and c:
                    for p in disp(c).split("\n"):
                        if not p:
                            continue
                        if p.startswith("• "):
                            paras.append(_p(p[2:], style="Prrafodelista", num=2))
                        elif p.startswith("#. "):
                            paras.append(_p(p[3:], style="Prrafodelista", num=3))
                        else:
                            paras.append(_p(p))
                if not paras:
                    paras.append(_p(""))
                cells.append("<w:tc><w:tcPr>%s</w:tcPr>%s</w:tc>" % (tcpr, "".join(paras)))
            tr.append('<w:tr w:rsidR="00D12E4F"><w:trPr><w:cantSplit/></w:trPr>%s</w:tr>'
                      % "".join(cells))
        body.append('<w:tbl><w:tblPr><w:tblStyle w:val="Tablaconcuadrcula"/>'
                    '<w:tblW w:w="0" w:type="auto"/><w:tblLook w:val="04A0" '
                    'w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" '
                    'w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>%s</w:tblGrid>%s'
                    '</w:tbl>' % (grid, "".join(tr)))
        body.append(_p(""))
    body.append(SECT_LANDSCAPE)
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
                '<w:document %s><w:body>%s</w:body></w:document>' % (W, "".join(body)))
    styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
              '<w:styles %s><w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="es-CL"/>'
              '</w:rPr></w:rPrDefault></w:docDefaults>'
              '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="Ttulo"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="Ttulo1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="Prrafodelista"><w:name w:val="List Paragraph"/>'
              '<w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="720"/><w:contextualSpacing/></w:pPr></w:style>'
              '<w:style w:type="table" w:styleId="Tablaconcuadrcula"><w:name w:val="Table Grid"/></w:style>'
              '</w:styles>' % W)

    def lvl(fmt, text, font=None):
        rpr = '<w:rPr><w:rFonts w:ascii="%s" w:hAnsi="%s" w:hint="default"/></w:rPr>' % (
            font, font) if font else ""
        return ('<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="%s"/>'
                '<w:lvlText w:val="%s"/><w:lvlJc w:val="left"/><w:pPr><w:ind '
                'w:left="360" w:hanging="360"/></w:pPr>%s</w:lvl>' % (fmt, text, rpr))

    numbering = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
                 '<w:numbering %s>'
                 '<w:abstractNum w:abstractNumId="0">%s</w:abstractNum>'
                 '<w:abstractNum w:abstractNumId="1">%s</w:abstractNum>'
                 '<w:abstractNum w:abstractNumId="2">%s</w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
                 '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
                 '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>'
                 '</w:numbering>' % (W, lvl("decimal", "%1.-"),
                                     lvl("bullet", "\uf0b7", "Symbol"),
                                     lvl("lowerLetter", "%1)")))
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
          '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
          '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
          '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '</Relationships>')
    drels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
             '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
             '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
             '</Relationships>')
    f = io.BytesIO()
    with zipfile.ZipFile(f, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", ct)
        z.writestr("_rels/.rels", rels)
        z.writestr("word/_rels/document.xml.rels", drels)
        z.writestr("word/document.xml", document)
        z.writestr("word/styles.xml", styles)
        z.writestr("word/numbering.xml", numbering)
    return f.getvalue()


# ---- Plans of other councils (what they mean is in each row's E) ----

SES = {"sesion_ordinaria", "sesion_extraordinaria"}
ORD = {"sesion_ordinaria"}
EXT = {"sesion_extraordinaria"}
CAP = {"capacitacion"}
ANY = set()


def y(year, m1, m2=None, d1=1, d2=None):
    import calendar
    m2 = m2 or m1
    y2 = year
    if isinstance(m2, tuple):
        y2, m2 = m2
    d2 = d2 or calendar.monthrange(y2, m2)[1]
    return ("%04d-%02d-%02d" % (year, m1, d1), "%04d-%02d-%02d" % (y2, m2, d2))


PLANS = []

# 3. COSOC MOP Región de Atacama, 2026-2027 — ALL CAPS, a DESCRIPCIÓN column
# beside ACTIVIDAD, PRESUPUESTO and ESTADO, the table split in two with its
# header repeated on the next page; LibreOffice's Word file.
PLANS.append(Plan(
    "p03-mop-atacama-2026-2027", "MOP Atacama 2026-2027", "03", "2026-2027",
    front=[
        ("title", "PLAN DE TRABAJO COSOC MOP REGIÓN DE ATACAMA 2026-2027"),
        ("p", "EL CONSEJO DE LA SOCIEDAD CIVIL DEL MINISTERIO DE OBRAS PÚBLICAS "
              "DE LA REGIÓN DE ATACAMA PRESENTA SU PLAN DE TRABAJO PARA EL "
              "PERIODO 2026-2027, APROBADO EN SESIÓN ORDINARIA N°3."),
        ("h", "OBJETIVOS"),
        ("obj", "CONOCER Y OPINAR SOBRE LA CARTERA DE PROYECTOS MOP EN LA REGIÓN."),
        ("obj", "ACERCAR EL TRABAJO DEL CONSEJO A LAS TRES PROVINCIAS."),
        ("obj", "FORMAR A LOS CONSEJEROS EN MATERIAS DE INFRAESTRUCTURA Y AGUA."),
    ],
    obj_style="paren", docx="lo", txt="html", xlsx="lo",
    tables=[
        (["EJE", "ACTIVIDAD", "DESCRIPCIÓN", "RESPONSABLE(S)", "FECHA ESTIMADA",
          "MEDIO DE VERIFICACIÓN", "PRESUPUESTO", "ESTADO"],
         [
             Row(["EJE 1: FUNCIONAMIENTO", "SESIONES ORDINARIAS",
                  "REALIZAR 6 SESIONES ORDINARIAS EN EL PERIODO, UNA DE ELLAS "
                  "EN LA PROVINCIA DE HUASCO",
                  "SECRETARÍA TÉCNICA COSOC / DIRPLAN",
                  "MARZO 2026 - DICIEMBRE 2027",
                  "ACTA DE SESIÓN, LISTA DE ASISTENCIA", "$ 600.000", "EN CURSO"],
                 E(("2026-03-01", "2027-12-31"), n=6, kinds=ORD,
                   ev=["acta", "asistencia"])),
             Row([MERGE, "SESIÓN EXTRAORDINARIA CUENTA PÚBLICA",
                  "PARTICIPAR EN LA CUENTA PÚBLICA PARTICIPATIVA DEL MOP "
                  "REGIONAL Y EMITIR OBSERVACIONES", "SEREMI MOP",
                  "ABRIL 2026 Y ABRIL 2027",
                  "ACTA, REGISTRO FOTOGRÁFICO, DOCUMENTO CON OBSERVACIONES",
                  "-", "PENDIENTE"],
                 E(("2026-04-01", "2027-04-30"), n=1,
                   ev=["acta", "fotografias", "+"])),
             Row(["EJE 2: TERRITORIO", "VISITAS A OBRAS",
                  "REALIZAR AL MENOS 3 VISITAS A OBRAS EMBLEMÁTICAS, UNA POR "
                  "PROVINCIA (CHAÑARAL, COPIAPÓ Y HUASCO)",
                  "DIRECCIÓN DE VIALIDAD / DOH", "1ER SEMESTRE 2026",
                  "INFORME DE VISITA, FOTOGRAFÍAS", "$ 1.200.000", "PENDIENTE"],
                 E(y(2026, 1, 6), n=3, kinds={"visita_terreno"}, prov=3,
                   ev=["informe", "fotografias"])),
             Row([MERGE, "DIÁLOGO CIUDADANO",
                  "DIÁLOGO PARTICIPATIVO SOBRE EL PLAN REGIONAL DE "
                  "INFRAESTRUCTURA Y GESTIÓN DEL RECURSO HÍDRICO AL 2030, FUERA "
                  "DE COPIAPÓ", "SEREMI MOP / PAC", "SEGUNDO SEMESTRE 2026",
                  "LISTA DE ASISTENCIA, SISTEMATIZACIÓN", "$ 800.000",
                  "PENDIENTE"],
                 E(y(2026, 7, 12), n=1, excl=["Copiapó"],
                   ev=["asistencia", "informe"])),
         ]),
        (["EJE", "ACTIVIDAD", "DESCRIPCIÓN", "RESPONSABLE(S)", "FECHA ESTIMADA",
          "MEDIO DE VERIFICACIÓN", "PRESUPUESTO", "ESTADO"],
         [
             Row(["EJE 3: FORMACIÓN", "CAPACITACIÓN",
                  "DOS (2) TALLERES PARA CONSEJEROS SOBRE SISTEMA DE "
                  "CONCESIONES Y EVALUACIÓN SOCIAL DE PROYECTOS",
                  "CONCESIONES / DIRPLAN", "MAYO - JUNIO 2026",
                  "PROGRAMA, LISTA DE ASISTENCIA, CERTIFICADOS", "$ 400.000",
                  "PENDIENTE"],
                 E(y(2026, 5, 6), n=2, kinds=CAP,
                   ev=["programa_formacion", "asistencia", "+"],
                   alt={"ev": [["+", "asistencia", "+"]]})),
             Row([MERGE, "CAPACITACIÓN", "TALLER DE LEY 20.500 Y LEY DEL LOBBY",
                  "PAC", "MARZO 2027", "LISTA DE ASISTENCIA", "", ""],
                 E(y(2027, 3), n=1, ev=["asistencia"])),
             Row(["EJE 4: EVALUACIÓN", "EVALUACIÓN DEL PLAN",
                  "EVALUAR EL CUMPLIMIENTO DEL PLAN Y ELABORAR EL PLAN 2028",
                  "SECRETARÍA TÉCNICA", "DICIEMBRE 2027",
                  "INFORME FINAL, ACTA DE APROBACIÓN", "", ""],
                 E(y(2027, 12), n=1, ev=["informe", "acta"])),
         ]),
    ],
))


# ----
# 4. SENAMA Región de Valparaíso, 2025 — text as the seed (tabs and HTML
# cells), no accents in headings, "1.-" objectives.
PLANS.append(Plan(
    "p04-senama-valparaiso-2025", "SENAMA Valparaíso 2025", "05", "2025",
    front=[
        ("title", "PLAN ANUAL DE TRABAJO 2025"),
        ("p", "CONSEJO DE LA SOCIEDAD CIVIL SENAMA – REGIÓN DE VALPARAÍSO"),
        ("p", "El Consejo de la Sociedad Civil del Servicio Nacional del Adulto "
              "Mayor está integrado por representantes de organizaciones de "
              "personas mayores de las ocho provincias de la región."),
        ("h", "OBJETIVOS:"),
        ("obj", "Promover el envejecimiento activo y los derechos de las "
                "personas mayores."),
        ("obj", "Levantar las necesidades de las organizaciones de mayores en "
                "cada provincia."),
        ("obj", "Difundir la oferta programática de SENAMA."),
    ],
    obj_style="num-dash", docx="hand", txt="html", xlsx="openpyxl",
    tables=[(
        ["N°", "OBJETIVO", "ACTIVIDADES", "RESPONSABLE",
         "MEDIOS DE VERIFICACION", "FECHA"],
        [
            Row(["1", "Funcionamiento",
                 "Sesiones ordinarias bimensuales del consejo (6 en el año)",
                 "Coordinación regional SENAMA", "Acta; Lista de asistencia",
                 "Todo el año"],
                E(y(2025, 1, 12), n=6, kinds=ORD, ev=["acta", "asistencia"])),
            Row(["2", "Participación",
                 "Una mesa por provincia con organizaciones de personas mayores "
                 "para levantar necesidades", "Encargada de participación",
                 "Nómina de participantes; Registro fotográfico; Informe de "
                 "sistematización", "Abril a agosto"],
                E(y(2025, 4, 8), n=8, kinds={"mesa_trabajo"}, prov=8,
                  ev=["asistencia", "fotografias", "informe"],
                  alt={"kinds": [ANY]})),
            Row(["3", "Difusión",
                 "Conmemoración del Día Mundial de Toma de Conciencia del Abuso "
                 "y Maltrato en la Vejez", "SENAMA / Consejo",
                 "Programa de la jornada; Registro fotográfico",
                 "Junio (15 de junio)"],
                E(("2025-06-15", "2025-06-15"), n=1,
                  ev=["programa_formacion", "fotografias"],
                  alt={"win": [y(2025, 6)], "ev": [["+", "fotografias"]]})),
            Row(["4", "Formación",
                 "Al menos 2 talleres de formación en derechos de las personas "
                 "mayores y buen trato, fuera de Valparaíso", "SENAMA",
                 "Lista de asistencia; Certificados", "II semestre"],
                E(y(2025, 7, 12), n=2, kinds=CAP, excl=["Valparaíso"],
                  ev=["asistencia", "+"])),
            Row(["5", "Encuentros",
                 "3 encuentros provinciales de consejeros mayores en Quillota, "
                 "San Antonio y Los Andes", "Coordinación regional",
                 "• Programa\n• Nómina de participantes\n• Fotografías",
                 "Oct.-Nov."],
                E(y(2025, 10, 11), n=3, kinds=ANY,
                  ev=["programa_formacion", "asistencia", "fotografias"],
                  alt={"ev": [["+", "asistencia", "fotografias"]]})),
            Row(["6", "Día de las personas mayores",
                 "Participación en actividades del Mes del Adulto Mayor",
                 "Consejo", "Registro fotográfico", "1 de octubre"],
                E(("2025-10-01", "2025-10-01"), n=1, ev=["fotografias"])),
            Row(["7", "Evaluación", "Evaluación anual del plan y cuenta pública",
                 "Directiva", "Informe final; Acta", "Diciembre"],
                E(y(2025, 12), n=1, ev=["informe", "acta"])),
        ])],
))


# ----
# 7. SEREMI de Desarrollo Social y Familia, Antofagasta, 2026 — Word as Word
# writes it: Spanish style ids, numbering.xml lists, a section break before
# a landscape table, vMerge, FECHA DE INICIO / FECHA DE TÉRMINO.
PLANS.append(Plan(
    "p07-mds-antofagasta-2026", "Desarrollo Social Antofagasta 2026", "02",
    "2026",
    front=[
        ("title", "Plan Anual de Trabajo 2026"),
        ("title", "Consejo de la Sociedad Civil SEREMI de Desarrollo Social y "
                  "Familia, Región de Antofagasta"),
        ("blank", ""),
        ("p", "De acuerdo con la Norma General de Participación Ciudadana del "
              "Ministerio, el COSOC regional elabora anualmente su plan de "
              "trabajo, que es aprobado en sesión y publicado en el sitio web "
              "institucional."),
        ("blank", ""),
        ("h", "Objetivos generales"),
        ("obj", "Consolidar el funcionamiento del Consejo."),
        ("obj", "Descentralizar la acción del Consejo hacia las provincias de "
                "El Loa y Tocopilla."),
        ("obj", "Formar a los consejeros en políticas sociales."),
        ("obj", "Rendir cuenta a la ciudadanía."),
        ("blank", ""),
    ],
    obj_style="wordlist", docx="hand", txt="wordhtml", xlsx="openpyxl",
    tables=[(
        ["N°", "Objetivo Estratégico", "Actividades", "Meta", "Verificadores",
         "Responsable", "Fecha de inicio", "Fecha de término"],
        [
            Row(["1", "Consolidar el funcionamiento del Consejo",
                 "Sesiones ordinarias del COSOC.\nSe realizarán en la sede de la "
                 "SEREMI o en forma virtual.", "Mínimo 6 reuniones",
                 "• Acta de sesión\n• Lista de asistencia firmada\n• Pantallazos "
                 "de la reunión virtual", "Secretaría Técnica",
                 "01-03-2026", "15-12-2026"],
                E(("2026-03-01", "2026-12-15"), n=6, kinds=SES,
                  ev=["acta", "asistencia", "+"],
                  alt={"ev": [["acta", "asistencia", "fotografias"]]})),
            Row(["2", MERGE,
                 "Sesión de presentación de la Cuenta Pública Participativa",
                 "1 sesión", "• Acta\n• Registro fotográfico", "Seremi",
                 "Mayo", "Junio"],
                E(y(2026, 5, 6), n=1, kinds=SES, ev=["acta", "fotografias"])),
            Row(["3", "Descentralizar la acción del Consejo",
                 "Diálogos ciudadanos sobre el Registro Social de Hogares en "
                 "comunas del interior.",
                 "3 actividades en comunas distintas a la capital regional",
                 "• Nómina de participantes\n• Registro fotográfico\n• Informe "
                 "de sistematización", "Encargada PAC", "II semestre", ""],
                E(y(2026, 7, 12), n=3, kinds=ANY, excl=["Antofagasta"],
                  ev=["asistencia", "fotografias", "informe"])),
            Row(["4", MERGE,
                 "Al menos 1 diálogo ciudadano en Calama y 1 en Tocopilla", "",
                 "• Lista de asistencia", "Encargada PAC", "15/05/2026",
                 "15/06/2026"],
                E(("2026-05-15", "2026-06-15"), n=2, kinds=None,
                  ev=["asistencia"], alt={"n": [1]})),
            Row(["5", "Formar a los consejeros",
                 "Jornada de formación en políticas sociales (Sistema de "
                 "Protección Social, Chile Cuida)", "Al menos dos (2) jornadas",
                 "• Programa de la jornada\n• Certificados", "Depto. Social",
                 "Abril", "Agosto"],
                E(y(2026, 4, 8), n=2, kinds=CAP,
                  ev=["programa_formacion", "+"], alt={"ev": [["+", "+"]]})),
            Row(["6", "Rendir cuenta", "Informe anual del COSOC", "Un informe",
                 "• Informe final", "Presidencia COSOC", "Diciembre", ""],
                E(y(2026, 12), n=1, ev=["informe"])),
        ])],
))


# ----
# 9. COSOC comunal de Rancagua, 2025 — a CRONOGRAMA in capitals, no
# objectives, no N°, a LUGAR column; its text is Excel's tab export in
# Windows-1252, as Excel writes «Texto (delimitado por tabulaciones)».
PLANS.append(Plan(
    "p09-muni-rancagua-2025", "Municipalidad de Rancagua 2025", None, "2025",
    front=[
        ("title", "CONSEJO COMUNAL DE ORGANIZACIONES DE LA SOCIEDAD CIVIL DE "
                  "RANCAGUA"),
        ("title", "CRONOGRAMA DE ACTIVIDADES AÑO 2025"),
        ("blank", ""),
    ],
    obj_style="num-dot", docx="pydocx", txt="excel", xlsx="openpyxl",
    encoding="cp1252",
    tables=[(
        ["ACTIVIDAD", "OBJETIVO", "FECHA", "LUGAR", "RESPONSABLE", "VERIFICADOR"],
        [
            Row(["SESION ORDINARIA N°1", "APROBAR PLAN DE TRABAJO 2025", "MARZO",
                 "SALON AUDITORIO MUNICIPAL", "SECRETARIA MUNICIPAL",
                 "ACTA\nLISTA DE ASISTENCIA"],
                E(y(2025, 3), n=1, ev=["acta", "asistencia"])),
            Row(["SESION ORDINARIA N°2", "CUENTA PUBLICA ALCALDE", "ABRIL",
                 "SALON AUDITORIO MUNICIPAL", "SECRETARIA MUNICIPAL", "ACTA"],
                E(y(2025, 4), n=1, ev=["acta"])),
            Row(["SESION ORDINARIA N°3", "PRONUNCIAMIENTO PLADECO", "JUNIO 2025",
                 "SALON AUDITORIO MUNICIPAL", "SECRETARIA MUNICIPAL",
                 "ACTA, FOTOS"],
                E(y(2025, 6), n=1, ev=["acta", "fotografias"])),
            Row(["CAPACITACION CONSEJEROS", "LEY 20.500", "15/05/2025",
                 "CENTRO CIVICO", "DIDECO", "ASISTENCIA, CERTIFICADO"],
                E(("2025-05-15", "2025-05-15"), n=1, ev=["asistencia", "+"])),
            Row(["SESION ORDINARIA N°4", "PRESUPUESTO MUNICIPAL 2026",
                 "SEPTIEMBRE", "SALON AUDITORIO MUNICIPAL",
                 "SECRETARIA MUNICIPAL", "ACTA"],
                E(y(2025, 9), n=1, ev=["acta"])),
            Row(["ENCUENTRO COMUNAL DE ORGANIZACIONES", "DIFUSION COSOC",
                 "OCTUBRE", "PARQUE COMUNAL", "DIDECO / COSOC",
                 "FOTOS, NOMINA DE PARTICIPANTES"],
                E(y(2025, 10), n=1, ev=["fotografias", "asistencia"])),
            Row(["FERIA DE ORGANIZACIONES", "DIFUSION COSOC", "DATEM:2025-11",
                 "PLAZA DE LOS HEROES", "DIDECO", "FOTOS"],
                E(y(2025, 11), n=1, ev=["fotografias"])),
            Row(["SESION ORDINARIA N°5", "EVALUACION DEL AÑO", "DICIEMBRE",
                 "SALON AUDITORIO MUNICIPAL", "SECRETARIA MUNICIPAL", "ACTA"],
                E(y(2025, 12), n=1, ev=["acta"])),
        ])],
))


# ----
# 12. Servicio de Salud Aysén, 2026-2027 — a two-year plan, rows of EJE
# spanning the table, ACTIVIDAD before OBJETIVO, META last.
PLANS.append(Plan(
    "p12-salud-aysen-2026-2027", "Servicio de Salud Aysén 2026-2027", "11",
    "2026-2027",
    front=[
        ("title", "PLAN BIENAL DE TRABAJO CONSEJO DE LA SOCIEDAD CIVIL SERVICIO "
                  "DE SALUD AYSÉN 2026 – 2027"),
        ("p", "Región de Aysén del General Carlos Ibáñez del Campo."),
        ("p", "El Consejo acordó un plan de dos años para dar continuidad al "
              "trabajo en las localidades aisladas de la región."),
        ("h", "OBJETIVOS"),
        ("obj", "Mantener el funcionamiento regular del Consejo."),
        ("obj", "Acercar el Servicio a los territorios aislados."),
        ("obj", "Formar a los consejeros y rendir cuenta."),
    ],
    obj_style="ol", docx="lo", txt="html", xlsx="openpyxl",
    tables=[(
        ["N°", "ACTIVIDAD", "OBJETIVO", "RESPONSABLE", "PLAZO",
         "VERIFICADORES", "META"],
        [
            Section("EJE 1: PARTICIPACIÓN Y FUNCIONAMIENTO"),
            Row(["1", "Sesiones ordinarias del Consejo",
                 "Dar cumplimiento al reglamento", "Secretaría ejecutiva",
                 "Marzo – Diciembre 2026", "Acta, Registro de asistencia",
                 "Mínimo 6 reuniones anuales"],
                E(y(2026, 3, 12), n=6, kinds=SES, ev=["acta", "asistencia"])),
            Row(["2", "Sesiones ordinarias 2027", "Dar cumplimiento al "
                 "reglamento", "Secretaría ejecutiva", "Enero a marzo de 2027",
                 "Acta", "3 sesiones"],
                E(y(2027, 1, 3), n=3, kinds=SES, ev=["acta"])),
            Section("EJE 2: TERRITORIO"),
            Row(["3", "Mesas territoriales de salud",
                 "Levantar necesidades de salud de los territorios",
                 "Depto. Participación", "II semestre 2026",
                 "Informe, Registro fotográfico", "Una mesa por provincia"],
                E(y(2026, 7, 12), n=4, kinds={"mesa_trabajo"}, prov=4,
                  ev=["informe", "fotografias"])),
            Row(["4", "Actividades en localidades aisladas",
                 "Acercar el Servicio", "Depto. Participación", "Todo el año",
                 "Registro fotográfico, Lista de asistencia",
                 "Al menos 2 actividades fuera de Coyhaique"],
                E(("2026-01-01", "2027-12-31"), n=2, kinds=ANY,
                  excl=["Coyhaique"], ev=["fotografias", "asistencia"])),
            Section("EJE 3: FORMACIÓN Y RENDICIÓN DE CUENTAS"),
            Row(["5", "Capacitación en GES y Ley de Derechos y Deberes",
                 "Formar a los consejeros", "Depto. Participación",
                 "Abril 2027", "Programa de la jornada, Certificados",
                 "2 talleres"],
                E(y(2027, 4), n=2, kinds=CAP, ev=["programa_formacion", "+"],
                  alt={"ev": [["+", "+"]]})),
            Row(["6", "Cuenta pública participativa del Servicio",
                 "Rendir cuenta", "Dirección", "Semestral",
                 "Link de transmisión, Acta", "2 cuentas públicas"],
                E(("2026-01-01", "2027-12-31"), n=2, kinds=ANY,
                  ev=["+", "acta"])),
            Row(["7", "Evaluación del plan bienal", "Rendir cuenta", "COSOC",
                 "Por definir", "Informe final", ""],
                E(("2026-01-01", "2027-12-31"), wflag=True, n=1,
                  ev=["informe"])),
            Row(["8", "Reunión con Director(a) del Servicio",
                 "Presentar propuestas", "Mesa directiva", "Según calendario",
                 "Acta", "Al menos 2 reuniones"],
                E(("2026-01-01", "2027-12-31"), n=2,
                  kinds={"reunion_autoridades"}, ev=["acta"],
                  alt={"kinds": [SES]})),
        ])],
))


# ----
# 15. SERVIU Región de O'Higgins, 2026 — the Gantt chart of an Excel plan:
# «Cronograma 2026» merged over one column per month, an X in each month of
# each activity; a PLAZO date cell typed «marzo 2026» (Excel keeps it as a
# date shown «mar-26»).
X = "X"
MES = ["Mar", "Abr", "May", "Jun", "Jul", "Ago", "Sep", "Oct", "Nov", "Dic"]


def gantt(*months):
    return [X if m in months else "" for m in MES]


PLANS.append(Plan(
    "p15-serviu-ohiggins-2026", "SERVIU O'Higgins 2026 (carta Gantt)", "06",
    "2026",
    front=[
        ("title", "PLAN DE TRABAJO 2026"),
        ("title", "COSOC MINVU SERVIU REGIÓN DEL LIBERTADOR GENERAL BERNARDO "
                  "O'HIGGINS"),
        ("h", "OBJETIVO GENERAL"),
        ("obj", "Fortalecer la participación de la sociedad civil en la "
                "política habitacional regional."),
    ],
    obj_style="num-dot", docx="lo", txt="excel", xlsx="openpyxl",
    subheader=[MERGE] * 5 + MES,
    tables=[(
        ["N°", "Línea de acción", "Actividad", "Responsable",
         "Medio de verificación", ("Cronograma 2026", 10)],
        [
            Row(["1", "Funcionamiento", "Realizar 4 sesiones ordinarias",
                 "Encargada PAC", "Acta\nLista de asistencia"]
                + gantt("Abr", "Jul", "Oct", "Dic"),
                E(y(2026, 4, 12), n=4, kinds=ORD, ev=["acta", "asistencia"])),
            Row(["2", "Formación", "Escuela de dirigentes (3 módulos)",
                 "Depto. Operaciones", "Programa de formación\nAsistencia"]
                + gantt("May", "Jun", "Jul"),
                E(y(2026, 5, 7), n=3, kinds={"modulo_escuela"},
                  ev=["programa_formacion", "asistencia"])),
            Row(["3", "Territorio",
                 "Una sesión en cada provincia (Cachapoal, Colchagua y "
                 "Cardenal Caro)", "Encargada PAC",
                 "Acta\nRegistro fotográfico"] + gantt("Sep", "Oct", "Nov"),
                E(y(2026, 9, 11), n=3, kinds=SES, prov=3,
                  ev=["acta", "fotografias"])),
            Row(["4", "Difusión", "Cuenta pública del COSOC", "Presidencia",
                 "Informe de gestión"] + gantt("Dic"),
                E(y(2026, 12), n=1, ev=["informe"])),
        ])],
))


# ----
# 16. SernamEG Región de Los Ríos, 2026 — TEMA | ACTIVIDAD | RESPONSABLE |
# PRODUCTO and one column per quarter, X in the quarters of each activity;
# hand-written Word.
TRIM = ["I Trim.", "II Trim.", "III Trim.", "IV Trim."]


def quarters(*qs):
    return [X if q in qs else "" for q in (1, 2, 3, 4)]


PLANS.append(Plan(
    "p16-sernameg-losrios-2026", "SernamEG Los Ríos 2026 (trimestres)", "14",
    "2026",
    front=[
        ("title", "Consejo de la Sociedad Civil SernamEG Región de Los Ríos"),
        ("title", "Programa de trabajo año 2026"),
        ("p", "Aprobado en sesión ordinaria del 20 de marzo de 2026."),
    ],
    nobj=0, obj_style="num-dot", docx="hand", txt="html", xlsx="openpyxl",
    tables=[(
        ["Tema", "Actividad", "Responsable", "Producto"] + TRIM,
        [
            Row(["Funcionamiento", "4 sesiones ordinarias del Consejo",
                 "Dirección Regional", "Actas de sesión"] + quarters(1, 2, 3, 4),
                E(y(2026, 1, 12), n=4, kinds=ORD, ev=["acta"])),
            Row(["Autonomía económica", "2 talleres de emprendimiento para "
                 "organizaciones de mujeres fuera de Valdivia",
                 "Programa Mujer Emprende", "Lista de asistencia, fotografías"]
                + quarters(2, 3),
                E(y(2026, 4, 9), n=2, kinds=CAP, excl=["Valdivia"],
                  ev=["asistencia", "fotografias"])),
            Row(["Violencia de género", "Conversatorio 25 de noviembre",
                 "Programa VCM", "Registro fotográfico"] + quarters(4),
                E(y(2026, 10, 12), n=1, ev=["fotografias"])),
            Row(["Rendición de cuentas", "Cuenta pública participativa",
                 "Directora Regional", "Acta"] + quarters(2),
                E(y(2026, 4, 6), n=1, ev=["acta"])),
        ])],
))


PLANS.append(Plan(
    "h02-ssmso-2025", "Servicio de Salud Metropolitano Sur Oriente 2025", "13", "2025",
    front=[
        ("title", "PLAN ANUAL CONSEJO DE LA SOCIEDAD CIVIL SSMSO 2025"),
        ("p", "Servicio de Salud Metropolitano Sur Oriente, Región Metropolitana de Santiago."),
    ],
    nobj=0, docx="hand", txt="excel", xlsx="openpyxl",
    tables=[(
        ["Objetivo Estratégico", "Línea de Trabajo", "Actividad", "Indicador", "Meta",
         "Medio de Verificación", "Responsable", "Plazo"],
        [
            Row(["Participación", "Funcionamiento", "Sesiones ordinarias",
                 "N° sesiones realizadas/programadas", "4",
                 "Actas", "Secretaría", "Marzo"],
                E(y(2025, 3), n=4, kinds=None, ev=["acta"], tflag=False,
                  alt={"tflag": [True]})),
            Row([MERGE, MERGE, "Cuenta pública participativa",
                 "Cuenta pública realizada", "1", "Acta\nListado de asistentes",
                 "Dirección", "30-06-2025"],
                E(("2025-06-30", "2025-06-30"), n=1, ev=["acta", "asistencia"])),
            Row([MERGE, "Formación", "Jornadas de capacitación a consejeros",
                 "N° jornadas", "2 jornadas", "Programa\nAsistencia",
                 "Depto. Participación", "1° Semestre"],
                E(y(2025, 1, 6), n=2, kinds=CAP, ev=["programa_formacion", "asistencia"])),
            Row(["Incidencia", "Consultas", "Participación en consultas ciudadanas",
                 "% consultas respondidas", "100%", "Correo electrónico",
                 "Depto. Participación", "Julio-Diciembre"],
                E(y(2025, 7, 12), n=1, ev=["+"], tflag=True)),
            Row(["TOTAL", "", "", "", "7", "", "", ""], None),
        ])],
))

PLANS.append(Plan(
    "h05-minvu-valparaiso-2025", "SEREMI MINVU Valparaíso 2025 (PLAZO inicio/término)",
    "05", "2025",
    front=[
        ("title", "PLAN ANUAL COSOC SEREMI MINVU REGIÓN DE VALPARAÍSO 2025"),
        ("h", "OBJETIVO PLAN"),
        ("obj", "Acercar la política habitacional a las organizaciones."),
    ],
    obj_style="num-dash", docx="lo", txt="excel", xlsx="openpyxl",
    subheader=[MERGE] * 5 + ["Inicio", "Término"],
    tables=[(
        ["N°", "OBJETIVO", "ACCIÓN", "RESPONSABLE", "MEDIO DE VERIFICACIÓN",
         ("PLAZO", 2)],
        [
            Row(["1", "Funcionamiento", "Realizar 5 sesiones ordinarias", "PAC",
                 "Acta", "Marzo", "Diciembre"],
                E(y(2025, 3, 12), n=5, kinds=ORD, ev=["acta"])),
            Row(["2", "Formación", "Escuela de dirigentes (4 módulos)", "PAC",
                 "Programa de formación", "Mayo", "Agosto"],
                E(y(2025, 5, 8), n=4, kinds={"modulo_escuela"}, ev=["programa_formacion"])),
            Row(["3", "Territorio", "2 sesiones fuera de Valparaíso", "PAC",
                 "Acta", "Julio", "Noviembre"],
                E(y(2025, 7, 11), n=2, kinds=SES, excl=["Valparaíso"], ev=["acta"])),
        ])],
))
