"""
Hostile evidence files (issue 15, items 2 and 8), each written here:

- a 69-byte PNG whose header claims 1,000,000 x 1,000,000 pixels (valid
  CRC), a JPEG whose header claims 20000 x 20000 with almost no data, and
  a 437 KB 1-bit PNG of 60000 x 60000 made with zlib are refused with a
  Spanish reason and nothing stored, judged from the header before any
  pixel is decoded; the log is not flooded with libvips warnings;
- a phone photo is accepted under the default limits; the limits are the
  officer's settings (a smaller side refuses a photo that passed before);
- bytes already stored are not decoded again (they pass even under limits
  that a new photo of the same size fails);
- a photo that takes longer than `serve --image-seconds` is stopped and
  refused; SIGTERM during a long photo stops the server at once and the
  upload is told to try again;
- the declared kind is checked against the content: a PDF is not a
  photograph, a photo is not a report;
- evidence files are sandboxed, PDFs are downloaded (never opened in the
  page), public photos are revalidated on every view and a deleted one
  answers 404 at once;
- the limits form answers 409 with both versions when someone saved
  meanwhile, as every other settings form.
"""
import io
import re
import signal
import struct
import threading
import time
import unittest
import zlib

from support import Server, ServerTestCase, query_one
from test_evidence import MP, TINY_PDF, multipart, tiny_png
from test_evidence_derivatives import photo

from PIL import Image


def chunk(kind, data):
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff))


def png_claiming(width, height):
    """A PNG whose IHDR (valid CRC) claims width x height RGB pixels and
    whose data holds four bytes: 69 bytes for any size."""
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\x00\x00\x00")) + chunk(b"IEND", b""))


def png_bomb(side):
    """A valid 1-bit greyscale PNG of side x side black pixels: every row
    compresses to almost nothing (60000 a side: 437 KB for 3.6 gigapixels)."""
    row = b"\x00" * (1 + (side + 7) // 8)
    z = zlib.compressobj(9)
    data = b"".join(z.compress(row) for _ in range(side)) + z.flush()
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0))
            + chunk(b"IDAT", data) + chunk(b"IEND", b""))


def jpeg_claiming(width, height):
    """A small JPEG whose frame header (SOF) is rewritten to claim
    width x height: a corrupt photo of that size."""
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 30, 30)).save(out, "JPEG")
    data = bytearray(out.getvalue())
    i = 2
    while data[i + 1] not in (0xC0, 0xC2):
        i += 2 + (data[i + 2] << 8 | data[i + 3])
    data[i + 5:i + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def plain_jpeg(size, colour=(40, 120, 200)):
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "JPEG", quality=80)
    return out.getvalue()


PDF_WITH_SCRIPT = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R/OpenAction 3 0 R>>endobj\n"
                   b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
                   b"3 0 obj<</S/JavaScript/JS(app.alert\\(1\\))>>endobj\n"
                   b"trailer<</Root 1 0 R>>\n%%EOF\n")


class UploadHelpers:
    """Uploads over the API with the officer's token, and row counts."""

    def new_activity(self, title, public=True):
        r = self.api("POST", "/api/activities", {
            "kind": "charla", "title": title,
            "start": "2025-03-10T10:00:00-03:00", "end": "2025-03-10T12:00:00-03:00",
            "commune": "04102", "modality": "presencial", "status": "realizada",
            "plan_lines": [6], "public": public})
        self.assertEqual(r.status, 201, r.text)
        return r.json()["id"]

    def upload(self, act, data, filename="foto.png", kind="fotografias", public=False,
               ctype="image/png"):
        fields = {"kind": kind}
        if public:
            fields["public"] = "1"
        h = dict(MP)
        h["Authorization"] = "Bearer " + self.admin_token
        return self.client().post("/api/activities/%d/evidence" % act,
                                  body=multipart(fields, [("file", filename, ctype, data)]),
                                  headers=h)

    def counts(self):
        return tuple(int(query_one(self.demo.path, "SELECT count(*) FROM " + t))
                     for t in ("evidence_items", "evidence_files", "evidence_derivatives"))

    def set_limits(self, c, megapixels, side, file_mb=20, request_mb=100, version=None):
        token = c.csrf_from("/admin/verificadores")
        form = {"csrf_token": token, "file_mb": str(file_mb), "request_mb": str(request_mb),
                "max_megapixels": str(megapixels), "max_side": str(side)}
        if version is not None:
            form["version"] = str(version)
        return c.post("/admin/verificadores", form=form)


class HostileImages(UploadHelpers, ServerTestCase):
    def refused(self, data, words, filename="foto.png"):
        act = self.new_activity("Charla para fotos dañinas")
        before = self.counts()
        r = self.upload(act, data, filename)
        self.assertEqual(r.status, 422, r.text[:300])
        self.assertEqual(r.json()["field"], "file")
        for w in words:
            self.assertIn(w, r.json()["error"])
        self.assertEqual(self.counts(), before, "nothing stored")
        return r

    def test_a_png_claiming_a_million_pixels_a_side_is_refused_by_its_header(self):
        data = png_claiming(1000000, 1000000)
        self.assertEqual(len(data), 69)
        self.refused(data, ["«foto.png»", "1000000 × 1000000 píxeles", "20000 píxeles por lado",
                            "50 megapíxeles"])
        # No flood of libvips warnings in the log (there were 58,640).
        self.assertLess(self.server.output().count("libvips"), 30)

    def test_a_corrupt_jpeg_claiming_20000_pixels_a_side_is_refused(self):
        self.refused(jpeg_claiming(20000, 20000), ["20000 × 20000 píxeles"], "foto.jpg")

    def test_a_1_bit_png_bomb_of_60000_pixels_a_side_is_refused(self):
        data = png_bomb(60000)
        self.assertLess(len(data), 500 * 1024)
        self.refused(data, ["60000 × 60000 píxeles"])

    def test_a_corrupt_photo_within_the_limits_is_refused_not_guessed(self):
        self.refused(png_claiming(2000, 1500), ["dañada o incompleta"])

    def test_a_phone_photo_passes_the_default_limits(self):
        act = self.new_activity("Charla con una foto de teléfono")
        r = self.upload(act, plain_jpeg((4032, 3024)), "IMG_0001.jpg", public=True,
                        ctype="image/jpeg")
        self.assertEqual(r.status, 201, r.text)
        thumb = self.client().get("/evidencias/%d/miniatura" % r.json()["id"])
        self.assertEqual(Image.open(io.BytesIO(thumb.body)).size, (320, 240))

    def test_the_photo_limits_are_the_officers_settings(self):
        c = self.admin()
        self.addCleanup(self.set_limits, c, 50, 20000)
        page = c.get("/admin/verificadores").text
        self.assertRegex(page, r'name="max_megapixels"[^>]*value="50"')
        self.assertRegex(page, r'name="max_side"[^>]*value="20000"')
        for mp, side, words in (("0", "20000", "megapíxeles de la foto más grande"),
                                ("301", "20000", "de 1 a 300"),
                                ("50", "50", "de 100 a 50000"),
                                ("50", "ancho", "píxeles por lado")):
            r = self.set_limits(c, mp, side)
            self.assertEqual(r.status, 422, (mp, side))
            self.assertIn(words, r.text)
        self.assertEqual(self.set_limits(c, 1, 1000).status, 303)
        act = self.new_activity("Charla con límites estrictos")
        before = self.counts()
        r = self.upload(act, plain_jpeg((1200, 900)), "grande.jpg", ctype="image/jpeg")
        self.assertEqual(r.status, 422, r.text)
        self.assertIn("1200 × 900 píxeles", r.json()["error"])
        self.assertIn("1000 píxeles por lado y 1 megapíxeles", r.json()["error"])
        self.assertEqual(self.counts(), before)
        self.assertEqual(self.upload(act, plain_jpeg((800, 600)), "chica.jpg",
                                     ctype="image/jpeg").status, 201)

    def test_bytes_already_stored_are_not_decoded_again(self):
        c = self.admin()
        act = self.new_activity("Charla con la misma foto dos veces")
        stored = photo(31)  # 1200 x 900
        self.assertEqual(self.upload(act, stored, "a.jpg", ctype="image/jpeg").status, 201)
        self.addCleanup(self.set_limits, c, 50, 20000)
        self.assertEqual(self.set_limits(c, 50, 1000).status, 303)
        # Under limits it would now fail, the same bytes pass: they were
        # checked and their thumbnail made when first stored.
        before = self.counts()
        r = self.upload(act, stored, "a-otra-vez.jpg", ctype="image/jpeg")
        self.assertEqual(r.status, 201, r.text)
        self.assertEqual(self.counts(), (before[0] + 1, before[1], before[2]))
        # A new photo of the same size is decoded, and refused.
        self.assertEqual(self.upload(act, photo(32), "b.jpg", ctype="image/jpeg").status, 422)

    def test_the_declared_kind_is_checked_against_the_content(self):
        act = self.new_activity("Charla con verificadores mal tipificados")
        before = self.counts()
        r = self.upload(act, TINY_PDF, "fotos.pdf", kind="fotografias", ctype="application/pdf")
        self.assertEqual(r.status, 422, r.text)
        self.assertIn("«Fotografías» debe ser una foto", r.json()["error"])
        r = self.upload(act, tiny_png(5), "informe.png", kind="informe")
        self.assertEqual(r.status, 422, r.text)
        self.assertIn("debe ser un PDF", r.json()["error"])
        r = self.upload(act, tiny_png(6), "programa.png", kind="programa_formacion")
        self.assertEqual(r.status, 422, r.text)
        self.assertEqual(self.counts(), before)
        # What is signed on paper may come as a PDF or as photos of its pages.
        for kind, data, ctype in (("acta", tiny_png(7), "image/png"),
                                  ("acta", TINY_PDF, "application/pdf"),
                                  ("asistencia", tiny_png(8), "image/png"),
                                  ("informe", TINY_PDF, "application/pdf")):
            self.assertEqual(self.upload(act, data, "x", kind=kind, ctype=ctype).status, 201,
                             kind)
        # The form says the same, refusing the whole send.
        c = self.admin()
        token = c.csrf_from("/actividades/%d" % act)
        body = multipart({"kind": "fotografias", "csrf_token": token},
                         [("file", "ok.png", "image/png", tiny_png(9)),
                          ("file", "acta.pdf", "application/pdf", TINY_PDF)])
        before = self.counts()
        r = c.post("/actividades/%d/evidencias" % act, body=body, headers=MP)
        self.assertEqual(r.status, 422)
        self.assertIn("«acta.pdf»: Un verificador de tipo «Fotografías» debe ser una foto", r.text)
        self.assertEqual(self.counts(), before)

    def test_evidence_is_sandboxed_and_a_pdf_is_downloaded_not_opened(self):
        act = self.new_activity("Charla con un PDF que trae JavaScript")
        r = self.upload(act, PDF_WITH_SCRIPT, "programa.pdf", kind="informe", public=True,
                        ctype="application/pdf")
        self.assertEqual(r.status, 201, r.text)
        for c in (self.client(), self.admin()):
            f = c.get("/evidencias/%d" % r.json()["id"])
            self.assertEqual(f.status, 200)
            self.assertTrue(f.header("Content-Disposition").startswith("attachment;"),
                            f.header("Content-Disposition"))
            self.assertIn("sandbox", f.headers.get_all("Content-Security-Policy"))
        p = self.upload(act, tiny_png(11), "foto.png", public=True)
        f = self.client().get("/evidencias/%d" % p.json()["id"])
        self.assertTrue(f.header("Content-Disposition").startswith("inline;"))
        self.assertIn("sandbox", f.headers.get_all("Content-Security-Policy"))
        t = self.client().get("/evidencias/%d/miniatura" % p.json()["id"])
        self.assertIn("sandbox", t.headers.get_all("Content-Security-Policy"))

    def test_a_deleted_public_photo_is_gone_at_once(self):
        act = self.new_activity("Charla con una foto que se borra")
        item = self.upload(act, tiny_png(12), "borrar.png", public=True).json()["id"]
        anon = self.client()
        for path in ("/evidencias/%d" % item, "/evidencias/%d/miniatura" % item):
            r = anon.get(path)
            self.assertEqual(r.status, 200)
            # Kept by caches, but asked again every time (was max-age=604800).
            self.assertEqual(r.header("Cache-Control"), "public, no-cache")
            again = anon.get(path, headers={"If-None-Match": r.header("ETag")})
            self.assertEqual(again.status, 304)
        c = self.admin()
        token = c.csrf_from("/actividades/%d" % act)
        self.assertEqual(c.post("/evidencias/%d/eliminar" % item,
                                form={"csrf_token": token}).status, 303)
        for path in ("/evidencias/%d" % item, "/evidencias/%d/miniatura" % item):
            r = anon.get(path, headers={"If-None-Match": '"x"'})
            self.assertEqual(r.status, 404, path)

    def test_the_limits_form_answers_409_when_saved_meanwhile(self):
        first, second = self.admin(), self.admin()
        self.addCleanup(self.set_limits, first, 50, 20000)
        page = second.get("/admin/verificadores").text
        base = int(re.search(r'name="version" value="(\d+)"', page).group(1))
        token = second.csrf_from("/admin/verificadores")
        self.assertEqual(self.set_limits(first, 40, 15000).status, 303)
        r = second.post("/admin/verificadores", form={
            "csrf_token": token, "version": str(base), "file_mb": "20", "request_mb": "100",
            "max_megapixels": "60", "max_side": "20000"})
        self.assertEqual(r.status, 409, r.text[:500])
        self.assertIn("Guardar mi versión", r.text)
        self.assertIn("60", r.text)
        self.assertIn("40", r.text)
        self.assertEqual(query_one(self.demo.path, "SELECT value FROM council_settings WHERE key = ?",
                                   ("evidence_max_pixels",)), str(40 * 1000 * 1000))
        # "Guardar mi versión": the same form on the stored version.
        newer = int(re.search(r'name="version" value="(\d+)"', r.text).group(1))
        self.assertGreater(newer, base)
        r = second.post("/admin/verificadores", form={
            "csrf_token": token, "version": str(newer), "file_mb": "20", "request_mb": "100",
            "max_megapixels": "60", "max_side": "20000", "conflict_choice": "mine"})
        self.assertEqual(r.status, 303)
        self.assertEqual(query_one(self.demo.path, "SELECT value FROM council_settings WHERE key = ?",
                                   ("evidence_max_pixels",)), str(60 * 1000 * 1000))


class SlowImages(UploadHelpers, ServerTestCase):
    """A server whose photos may take one second, with the limits raised
    so that a big valid PNG gets past its header."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.server.stop()
        cls.server = Server(cls.demo.path, ["--image-seconds", "1"]).start()
        cls.bomb = png_bomb(17000)  # 289 megapixels, valid, tens of KB

    def test_a_photo_past_the_time_limit_is_stopped_and_refused(self):
        c = self.admin()
        self.assertEqual(self.set_limits(c, 300, 20000).status, 303)
        act = self.new_activity("Charla con una foto lenta")
        before = self.counts()
        r = self.upload(act, self.bomb, "lenta.png", public=True)
        self.assertEqual(r.status, 422, r.text)
        self.assertIn("tardó demasiado en procesarse (el máximo es de 1 s)", r.json()["error"])
        self.assertEqual(self.counts(), before)

    def test_sigterm_during_a_long_photo_stops_the_server_at_once(self):
        server = Server(self.demo.path, ["--image-seconds", "600"]).start()
        try:
            c = server.client()
            c.login(self.demo.email, self.demo.password)
            self.assertEqual(self.set_limits(c, 300, 20000).status, 303)
            act = self.new_activity("Charla con una foto que no termina")
            h = dict(MP)
            h["Authorization"] = "Bearer " + self.admin_token
            body = multipart({"kind": "fotografias", "public": "1"},
                             [("file", "eterna.png", "image/png", self.bomb)])
            answer = {}

            def send():
                up = server.client()
                try:
                    answer["r"] = up.post("/api/activities/%d/evidence" % act, body=body,
                                          headers=h)
                finally:
                    up.close()
            t = threading.Thread(target=send)
            t.start()
            time.sleep(1.0)  # The photo is being decoded now
            server.proc.send_signal(signal.SIGTERM)
            server.proc.wait(timeout=20)  # Raises if it waits on the photo
            t.join(timeout=20)
            r = answer["r"]
            self.assertEqual(r.status, 503, r.text)
            self.assertIn("se está reiniciando", r.json()["error"])
        finally:
            server.stop()


if __name__ == "__main__":
    unittest.main()
