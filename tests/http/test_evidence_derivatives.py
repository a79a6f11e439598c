"""
What is made from an evidence photo to show it, and the upload limits:

- a photo uploaded gets a thumbnail (JPEG, 320 px wide, smaller than the
  photo) and, when public, a copy without metadata; both are stored once
  per content, carry no EXIF or GPS, and are served with an ETag (304 when
  the browser has it) under the original's visibility rules;
- a file stored before thumbnails existed gets its derivatives when first
  asked for, stored once;
- the activity page lists photos as thumbnails, not full images;
- a multi-file upload with one bad file, a request over the per-request
  setting, and a truncated multipart body store nothing (rows counted);
- the officer's limits form validates (422 with the reason) and saves.

Photos are made here with Pillow (python3-pil, scripts/deps.sh test),
which also decodes what the server answers.
"""
import hashlib
import io
import random
import re
import sqlite3

import support
from support import ServerTestCase, query_one, run_cli
from test_evidence import MP, TINY_PDF, multipart

from PIL import Image

MB = 1024 * 1024
SECRET_DEVICE = "TelefonoDeLaConsejera"


def photo(seed, size=(1200, 900)):
    """A JPEG photo with EXIF naming a device and a GPS position (La
    Serena), as a phone writes it; seed changes the pixels, hence the
    bytes. Blocks of colour keep it a few hundred KB."""
    rnd = random.Random(seed)
    small = Image.frombytes("RGB", (size[0] // 8, size[1] // 8),
                            bytes(rnd.randrange(256) for _ in range(size[0] * size[1] * 3 // 64)))
    img = small.resize(size, Image.NEAREST)
    exif = Image.Exif()
    exif[0x010F] = SECRET_DEVICE  # Make
    exif[0x8825] = {1: "S", 2: (29.0, 54.0, 9.72), 3: "W", 4: (71.0, 15.0, 6.84)}
    out = io.BytesIO()
    img.save(out, "JPEG", quality=92, exif=exif.tobytes())
    data = out.getvalue()
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(0x8825), "the test photo has GPS"
    return data


def assert_no_metadata(test, data):
    img = Image.open(io.BytesIO(data))
    test.assertEqual(dict(img.getexif()), {}, "no EXIF at all")
    test.assertNotIn(b"Exif\x00\x00", data)
    test.assertNotIn(SECRET_DEVICE.encode(), data)
    return img


class EvidenceDerivatives(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.bearer = {"Authorization": "Bearer " + run_cli(
            "token", "create", "--db", cls.demo.path, "--email", cls.demo.email,
            check=0).stdout.strip().split()[-1]}

    def new_activity(self, title, public=True):
        r = self.client().post("/api/activities", headers=self.bearer, json_body={
            "kind": "charla", "title": title,
            "start": "2025-03-10T10:00:00-03:00", "end": "2025-03-10T12:00:00-03:00",
            "commune": "04102", "modality": "presencial", "status": "realizada",
            "plan_lines": [6], "public": public})
        self.assertEqual(r.status, 201, r.text)
        return r.json()["id"]

    def upload(self, act, files, public=True, kind="fotografias"):
        """API upload of one file [(filename, bytes, type)]; the response."""
        h = dict(MP)
        h.update(self.bearer)
        fields = {"kind": kind}
        if public:
            fields["public"] = "1"
        body = multipart(fields, [("file", n, t, d) for n, d, t in files])
        return self.client().post("/api/activities/%d/evidence" % act, body=body, headers=h)

    def counts(self):
        return tuple(int(query_one(self.demo.path, "SELECT count(*) FROM " + t))
                     for t in ("evidence_items", "evidence_files", "evidence_derivatives"))

    def execute(self, sql):
        """A write the server would not do, to set up a case (fixed SQL)."""
        if self.demo.is_postgres:
            support.psql(self.demo.path, sql)
        else:
            with sqlite3.connect(self.demo.path) as db:
                db.execute(sql)

    def form_upload(self, c, act, files, token, fields=None):
        body = multipart(dict({"kind": "fotografias", "csrf_token": token}, **(fields or {})),
                         [("file", n, t, d) for n, d, t in files])
        return c.post("/actividades/%d/evidencias" % act, body=body, headers=MP)

    def test_a_photo_gets_a_small_thumbnail_and_a_public_copy_without_gps(self):
        act = self.new_activity("Charla con foto de teléfono")
        original = photo(1)
        before = self.counts()
        r = self.upload(act, [("terreno.jpg", original, "image/jpeg")])
        self.assertEqual(r.status, 201, r.text)
        item, sha = r.json()["id"], r.json()["sha256"]
        self.assertEqual(self.counts(), (before[0] + 1, before[1] + 1, before[2] + 2))

        # The thumbnail, to anyone: a small JPEG, upright size, no metadata.
        anon = self.client()
        t = anon.get("/evidencias/%d/miniatura" % item)
        self.assertEqual(t.status, 200, t.text[:300])
        self.assertEqual(t.header("Content-Type"), "image/jpeg")
        self.assertTrue(t.body.startswith(b"\xff\xd8\xff"), "JPEG magic")
        self.assertLess(len(t.body), len(original) // 4)
        img = assert_no_metadata(self, t.body)
        self.assertEqual(img.size, (320, 240))
        img.load()  # decodes whole, or raises
        etag = t.header("ETag")
        self.assertEqual(etag, '"%s-miniatura"' % sha)
        # Shareable, but asked again every time (a deleted photo must
        # disappear at once): the ETag makes that a bodiless 304.
        self.assertEqual(t.header("Cache-Control"), "public, no-cache")
        again = anon.get("/evidencias/%d/miniatura" % item, headers={"If-None-Match": etag})
        self.assertEqual((again.status, again.body), (304, b""))

        # The public copy: the whole photo, still a JPEG, without GPS.
        p = anon.get("/evidencias/%d" % item)
        self.assertEqual(p.status, 200)
        self.assertEqual(p.header("Content-Type"), "image/jpeg")
        self.assertEqual(assert_no_metadata(self, p.body).size, (1200, 900))
        self.assertIn("public", p.header("Cache-Control"))

        # The officer gets the evidence as uploaded, never cached by proxies
        # (it has the GPS position the public copy lacks, at the same URL).
        o = self.admin().get("/evidencias/%d" % item)
        self.assertEqual(o.body, original)
        self.assertTrue(o.header("Cache-Control").startswith("private"), o.header("Cache-Control"))
        self.assertEqual(o.header("ETag"), '"%s"' % sha)

        # Both stored; the same bytes again reuse them.
        self.assertEqual(query_one(self.demo.path, "SELECT count(*) FROM evidence_derivatives "
                                   "WHERE sha256 = ?", (sha,)), "2")
        self.assertEqual(query_one(self.demo.path, "SELECT width FROM evidence_derivatives "
                                   "WHERE sha256 = ? AND kind = 'miniatura'", (sha,)), "320")
        mid = self.counts()
        self.assertEqual(self.upload(act, [("otra-vez.jpg", original, "image/jpeg")]).status, 201)
        self.assertEqual(self.counts(), (mid[0] + 1, mid[1], mid[2]))

        # The activity page shows the thumbnail, sized, not the photo.
        page = self.client().get("/actividades/%d" % act).text
        self.assertIn('<img src="/evidencias/%d/miniatura" alt="" loading="lazy" '
                      'width="320" height="240">' % item, page)
        self.assertNotIn('<img src="/evidencias/%d"' % item, page)
        self.assertIn("terreno.jpg", page)

    def test_a_thumbnail_is_seen_only_by_who_may_see_the_file(self):
        public_act = self.new_activity("Charla pública con foto interna")
        private_act = self.new_activity("Reunión interna con foto", public=False)
        r = self.upload(public_act, [("interna.jpg", photo(2), "image/jpeg")], public=False)
        internal = r.json()["id"]
        sha = r.json()["sha256"]
        # A private photo gets its thumbnail at upload, not a public copy.
        self.assertEqual(query_one(self.demo.path, "SELECT kind FROM evidence_derivatives "
                                   "WHERE sha256 = ?", (sha,)), "miniatura")
        on_private = self.upload(private_act, [("p.jpg", photo(3), "image/jpeg")]).json()["id"]
        for item in (internal, on_private):
            for path in ("/evidencias/%d/miniatura", "/evidencias/%d"):
                self.assertEqual(self.client().get(path % item).status, 404, path % item)
        officer = self.admin()
        t = officer.get("/evidencias/%d/miniatura" % internal)
        self.assertEqual(t.status, 200)
        self.assertEqual(t.header("Cache-Control"), "private, no-store")
        self.assertNotIn('/evidencias/%d/miniatura' % internal,
                         self.client().get("/actividades/%d" % public_act).text)
        self.assertIn('/evidencias/%d/miniatura' % internal,
                      officer.get("/actividades/%d" % public_act).text)
        # A PDF has no thumbnail, and its listing has no picture.
        pdf = self.upload(public_act, [("acta.pdf", TINY_PDF, "application/pdf")],
                          kind="acta").json()["id"]
        self.assertEqual(officer.get("/evidencias/%d/miniatura" % pdf).status, 404)
        self.assertNotIn('/evidencias/%d/miniatura' % pdf,
                         officer.get("/actividades/%d" % public_act).text)

    def test_a_file_stored_before_thumbnails_gets_them_when_first_asked(self):
        act = self.new_activity("Charla con foto antigua")
        r = self.upload(act, [("antigua.jpg", photo(4), "image/jpeg")])
        item, sha = r.json()["id"], r.json()["sha256"]
        # As if uploaded before migration 0008: no derivatives.
        self.execute("DELETE FROM evidence_derivatives WHERE sha256 = '%s'" % sha)
        page = self.client().get("/actividades/%d" % act).text
        self.assertIn('<img src="/evidencias/%d/miniatura" alt="" loading="lazy">' % item, page)
        first = self.client().get("/evidencias/%d/miniatura" % item)
        self.assertEqual(first.status, 200)
        self.assertEqual(Image.open(io.BytesIO(first.body)).size, (320, 240))
        public = self.client().get("/evidencias/%d" % item)
        assert_no_metadata(self, public.body)
        self.assertEqual(query_one(self.demo.path, "SELECT count(*) FROM evidence_derivatives "
                                   "WHERE sha256 = ?", (sha,)), "2")
        # Served from what was stored: the same bytes every time.
        self.assertEqual(self.client().get("/evidencias/%d/miniatura" % item).body, first.body)
        self.assertEqual(hashlib.sha256(self.client().get("/evidencias/%d" % item).body).digest(),
                         hashlib.sha256(public.body).digest())

    def test_one_bad_file_in_several_stores_none_and_is_named(self):
        act = self.new_activity("Charla con fotos de varias")
        c = self.admin()
        token = c.csrf_from("/actividades/%d" % act)
        damaged = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\0" * 400
        before = self.counts()
        r = self.form_upload(c, act, [("buena.jpg", photo(5), "image/jpeg"),
                                      ("rota.jpg", damaged, "image/jpeg")], token)
        self.assertEqual(r.status, 422, r.text[:500])
        self.assertIn("«rota.jpg»", r.text)
        self.assertIn("dañada", r.text)
        self.assertIn("No se guardó ningún archivo", r.text)
        self.assertEqual(self.counts(), before)
        # Several good ones at once: each listed with its thumbnail.
        r = self.form_upload(c, act, [("uno.jpg", photo(6), "image/jpeg"),
                                      ("dos.jpg", photo(7), "image/jpeg")], token,
                             {"public": "1"})
        self.assertEqual(r.status, 303, r.text[:500])
        self.assertEqual(self.counts(), (before[0] + 2, before[1] + 2, before[2] + 4))
        page = self.client().get("/actividades/%d" % act).text
        self.assertEqual(len(re.findall(r'<img src="/evidencias/\d+/miniatura"', page)), 2)

    def test_an_upload_over_the_request_limit_or_cut_short_stores_nothing(self):
        act = self.new_activity("Charla con envío demasiado grande")
        c = self.admin()
        token = c.csrf_from("/admin/verificadores")
        self.addCleanup(self.set_limits, c, 20, 100)
        self.assertEqual(self.set_limits(c, 1, 1).status, 303)
        a, b, d = (photo(seed, (1600, 1200)) for seed in (8, 9, 12))
        self.assertLess(len(a), MB)
        self.assertGreater(len(a) + len(b) + len(d), MB)
        before = self.counts()
        # Each file is under the per-file limit; together they are over.
        token = c.csrf_from("/actividades/%d" % act)
        r = self.form_upload(c, act, [("a.jpg", a, "image/jpeg"), ("b.jpg", b, "image/jpeg"),
                                      ("d.jpg", d, "image/jpeg")], token)
        self.assertEqual(r.status, 413, r.text[:300])
        self.assertIn("supera el máximo de 1 MB por envío", r.text)
        self.assertIn("no se guardó nada", r.text)
        r = self.upload(act, [("a.jpg", a + b + d, "image/jpeg")])
        self.assertEqual(r.status, 413)
        self.assertIn("1 MB por envío", r.json()["error"])
        self.assertEqual(self.counts(), before)
        # One of them alone goes through.
        r = self.form_upload(c, act, [("a.jpg", a, "image/jpeg")], token)
        self.assertEqual(r.status, 303, r.text[:300])
        self.assertEqual(self.counts()[0], before[0] + 1)
        # Cut inside the second file: the complete first one is not kept.
        before = self.counts()
        body = multipart({"kind": "fotografias", "csrf_token": token},
                         [("file", "c.jpg", "image/jpeg", photo(10)),
                          ("file", "d.jpg", "image/jpeg", photo(11))])
        r = c.post("/actividades/%d/evidencias" % act, body=body[:len(body) * 3 // 4],
                   headers=MP)
        self.assertEqual(r.status, 400, r.text[:300])
        self.assertIn("incompleto", r.text)
        self.assertEqual(self.counts(), before)

    def set_limits(self, c, file_mb, request_mb):
        token = c.csrf_from("/admin/verificadores")
        return c.post("/admin/verificadores", form={
            "csrf_token": token, "file_mb": str(file_mb), "request_mb": str(request_mb)})

    def stored_limits(self):
        return tuple(query_one(self.demo.path, "SELECT value FROM council_settings WHERE key = ?", (k,))
                     for k in ("evidence_max_bytes", "evidence_request_max_bytes"))

    def test_the_limits_form_refuses_bad_numbers_and_saves_good_ones(self):
        self.assertEqual(self.client().get("/admin/verificadores").status, 303)
        c = self.admin()
        self.addCleanup(self.set_limits, c, 20, 100)
        page = c.get("/admin/verificadores")
        self.assertEqual(page.status, 200)
        self.assertRegex(page.text, r'name="file_mb"[^>]*value="20"')
        self.assertRegex(page.text, r'name="request_mb"[^>]*value="100"')
        before = self.stored_limits()
        for file_mb, request_mb, words in (
                ("veinte", "100", "Indique el máximo por archivo"),
                ("0", "100", "de 1 a 500."),
                ("20", "501", "Indique el máximo por envío"),
                ("30", "10", "no puede ser menor")):
            r = self.set_limits(c, file_mb, request_mb)
            self.assertEqual(r.status, 422, (file_mb, request_mb))
            self.assertIn(words, r.text)
            self.assertRegex(r.text, r'name="file_mb"[^>]*value="%s"' % file_mb)
            self.assertEqual(self.stored_limits(), before)
        self.assertEqual(self.set_limits(c, 25, 60).status, 303)
        self.assertEqual(self.stored_limits(), (str(25 * MB), str(60 * MB)))
        act = self.new_activity("Charla para ver los límites")
        self.assertIn("hasta 25 MB por archivo y 60 MB por envío",
                      c.get("/actividades/%d" % act).text)
