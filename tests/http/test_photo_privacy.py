"""
A public photo shows its picture, not where it was taken: anonymous
visitors get a copy without metadata; signed-in users get the original.
"""
import struct
import zlib

from support import ServerTestCase
from test_evidence import MP, multipart

SECRET = b"GPS -29.9027 -71.2519 casa de la consejera"


def png_with_metadata():
    """A valid 4x4 PNG carrying a text chunk, as phones and editors write."""
    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff))
    raw = b"".join(b"\x00" + bytes([200, 30, 30]) * 4 for _ in range(4))
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0))
            + chunk(b"tEXt", b"Comment\x00" + SECRET)
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


class PhotoPrivacy(ServerTestCase):
    def test_public_photo_reaches_anonymous_visitors_without_its_metadata(self):
        token = self.token_for(self.demo.email)
        bearer = {"Authorization": "Bearer " + token}
        c = self.client()
        r = c.post("/api/activities", headers=bearer, json_body={
            "kind": "charla", "title": "Charla con foto pública",
            "start": "2025-03-10T10:00:00-03:00", "end": "2025-03-10T12:00:00-03:00",
            "commune": "04102", "modality": "presencial", "status": "realizada",
            "plan_lines": [6], "public": True})
        self.assertEqual(r.status, 201, r.text)
        act = r.json()["id"]
        original = png_with_metadata()
        headers = dict(MP)
        headers.update(bearer)
        r = c.post("/api/activities/%d/evidence" % act, headers=headers,
                   body=multipart({"kind": "fotografias", "public": "1"},
                                  [("file", "foto.png", "image/png", original)]))
        self.assertEqual(r.status, 201, r.text)
        item = r.json()["id"]

        public = self.client().get("/evidencias/%d" % item)
        self.assertEqual(public.status, 200)
        self.assertTrue(public.body.startswith(b"\x89PNG\r\n\x1a\n"), "still a PNG")
        self.assertNotIn(b"-29.9027", public.body)
        self.assertNotIn(b"tEXt", public.body)

        officer = self.admin().get("/evidencias/%d" % item)
        self.assertEqual(officer.status, 200)
        self.assertEqual(officer.body, original, "the officer gets the evidence as uploaded")
