"""
An attacker's review of issue 15's hardening: ways around each fix that
were found open, each reproduced here before it was closed.

- A progressive JPEG is decoded scan by scan over the whole picture before
  its first tile is out, so the per-picture time limit never saw it: 1.6 MB
  of repeated scans kept a server thread busy for almost five minutes. A
  JPEG with more scans than any camera or editor writes is refused from its
  markers, before libvips opens it.
- A download kept the name the uploader gave it: a PDF named «acta.html»
  or «informe.bat» (a PDF/HTML or PDF/batch polyglot) landed with that
  name in the Downloads folder and in the evidence ZIP. Files are named by
  their checked content: the name ends in .pdf, .jpg, .png or .webp.
- Bodies were read into memory before the sender was known: anonymous
  clients could make the server hold 100 MB per connection on the upload
  routes (2 GB with eight connections). A request the route refuses is now
  answered without keeping its body, and at once when it waits for
  «100 Continue»; one that came with a body is admitted again once the
  body is in (an account disabled meanwhile stores nothing).
- An answer holds its bytes until its last byte is sent: sixty readers that
  did not read a 15 MB public PDF held 1 GB (2048 connections per address:
  30 GB). The bytes of an evidence file are now held once for every answer
  sending them, within a budget.
- A body trickled a byte at a time held its connection for ever (the
  header deadline stops at the headers). A body must now keep a minimum
  average rate after a grace period.
- %00 in the path or the query ended the string there: /evidencias/3%00.html
  was /evidencias/3 and ?as_of=2025-01-01%00... a date. Refused at the door.
- Ids with leading zeros (007) named the same record as 7. JSON numbers
  past an int wrapped: plan_lines [4294967302] was line 6, 4294967297
  votes were one; the activity form's atoi() made «6abc» line 6.
- Bidi controls (U+202E) in a file name or a title turned «foto», U+202E,
  «gpj.exe» into «fotoexe.jpg» on screen. Refused in one-line text, escaped for the
  terminal.
- The sign-in throttle counted IPv6 addresses one by one, so rotating
  addresses of one /64 network escaped the address limits; the same
  address written two ways counted twice.
- The password form (/cuenta/clave) checked the current password with no
  throttle, and with an API token (no CSRF): unlimited guesses.
- `cosoc import-plan` wrote the document's text to the terminal as it
  came, C1 control sequences (U+009B, CSI) included.
"""
import html
import io
import os
import re
import shutil
import socket
import struct
import subprocess
import tempfile
import time
import unittest
import zipfile

import support
import test_hardening_signin
from support import BIN, Demo, Server, ServerTestCase, query_one, run_cli
from test_evidence import MP, TINY_PDF, multipart
from test_hardening_evidence import UploadHelpers, plain_jpeg

from PIL import Image


def jpeg_segment(marker, payload):
    return b"\xff" + bytes([marker]) + struct.pack(">H", len(payload) + 2) + payload


class Bits:
    """MSB-first bit writer for JPEG entropy-coded data (0xFF stuffed)."""

    def __init__(self):
        self.out, self.acc, self.n = bytearray(), 0, 0

    def put(self, value, nbits):
        for i in range(nbits - 1, -1, -1):
            self.acc = (self.acc << 1) | ((value >> i) & 1)
            self.n += 1
            if self.n == 8:
                self.out.append(self.acc)
                if self.acc == 0xFF:
                    self.out.append(0)
                self.acc, self.n = 0, 0

    def bytes(self):
        while self.n:
            self.put(1, 1)
        return bytes(self.out)


def progressive_jpeg_bomb(width, height, scans):
    """A valid greyscale progressive JPEG whose first AC scan is repeated
    `scans` times. Each copy is some 60 bytes (runs of end-of-block of up
    to 32767 blocks) but makes the decoder walk every block of the
    picture once: work grows with scans x pixels, not with the file."""
    blocks = ((width + 7) // 8) * ((height + 7) // 8)
    out = bytearray(b"\xff\xd8")
    out += jpeg_segment(0xDB, b"\x00" + bytes([1] * 64))
    out += jpeg_segment(0xC2, struct.pack(">BHHB", 8, height, width, 1) + b"\x01\x11\x00")
    # DC table: one 1-bit code for "no difference"; AC table: one 1-bit
    # code for EOB14 (a run of 16384 + 14 extra bits end-of-blocks).
    out += jpeg_segment(0xC4, b"\x00" + bytes([1] + [0] * 15) + b"\x00")
    out += jpeg_segment(0xC4, b"\x10" + bytes([1] + [0] * 15) + b"\xe0")
    dc = Bits()
    for _ in range(blocks):
        dc.put(0, 1)
    out += jpeg_segment(0xDA, b"\x01\x01\x00\x00\x00\x00") + dc.bytes()
    ac, left = Bits(), blocks
    while left > 0:
        run = max(16384, min(left, 32767))
        ac.put(0, 1)
        ac.put(run - 16384, 14)
        left -= run
    out += (jpeg_segment(0xDA, b"\x01\x01\x00\x01\x3f\x00") + ac.bytes()) * scans
    return bytes(out + b"\xff\xd9")


def progressive_jpeg(size):
    out = io.BytesIO()
    Image.new("RGB", size, (30, 140, 60)).save(out, "JPEG", progressive=True, quality=85)
    return out.getvalue()


class EvidenceFiles(UploadHelpers, ServerTestCase):
    def test_a_progressive_jpeg_with_hundreds_of_scans_is_refused_before_decoding(self):
        act = self.new_activity("Charla con una foto de mil pasadas")
        before = self.counts()
        bomb = progressive_jpeg_bomb(2000, 1500, 1000)
        self.assertLess(len(bomb), 200 * 1024)
        r = self.upload(act, bomb, "pasadas.jpg", public=True, ctype="image/jpeg")
        self.assertEqual(r.status, 422, r.text[:300])
        self.assertEqual(r.json()["field"], "file")
        self.assertIn("«pasadas.jpg»", r.json()["error"])
        # The DC scan and the thousand AC scans.
        self.assertIn("1001 pasadas (se aceptan hasta 100)", r.json()["error"])
        self.assertEqual(self.counts(), before, "nothing stored")

    def test_ordinary_progressive_jpegs_are_still_accepted(self):
        act = self.new_activity("Charla con fotos progresivas")
        r = self.upload(act, progressive_jpeg((800, 600)), "progresiva.jpg", public=True,
                        ctype="image/jpeg")
        self.assertEqual(r.status, 201, r.text[:300])
        # The bomb's own structure with few scans is a valid photo too.
        r = self.upload(act, progressive_jpeg_bomb(400, 300, 20), "pocas.jpg",
                        ctype="image/jpeg")
        self.assertEqual(r.status, 201, r.text[:300])

    def download_name(self, item, c=None):
        r = (c or self.client()).get("/evidencias/%d" % item)
        self.assertEqual(r.status, 200, r.text[:200])
        disposition = r.header("Content-Disposition")
        plain = disposition.split('filename="', 1)[1].split('"', 1)[0]
        encoded = disposition.split("filename*=UTF-8''", 1)[1]
        return plain, encoded

    def test_downloads_and_the_zip_name_files_by_their_content(self):
        act = self.new_activity("Charla con nombres engañosos")
        items = {}
        for name, data, kind, ctype in [
                ("acta.html", TINY_PDF, "informe", "text/html"),
                ("informe.pdf.bat", b"%PDF-1.4\r\ncalc.exe\r\n" + TINY_PDF, "informe",
                 "application/pdf"),
                ("foto.svg", plain_jpeg((40, 30)), "fotografias", "image/svg+xml"),
                ("sin punto", plain_jpeg((41, 30)), "fotografias", "image/jpeg"),
                ("Foto.JPEG", plain_jpeg((42, 30)), "fotografias", "image/jpeg"),
                ("escaneo.PDF", TINY_PDF + b"%", "acta", "application/pdf")]:
            r = self.upload(act, data, name, kind=kind, public=True, ctype=ctype)
            self.assertEqual(r.status, 201, r.text[:300])
            items[name] = r.json()["id"]
            # The record keeps the name as it was uploaded.
            self.assertEqual(r.json()["filename"], name)
        want = {"acta.html": "acta.pdf", "informe.pdf.bat": "informe.pdf",
                "foto.svg": "foto.jpg", "sin punto": "sin punto.jpg",
                "Foto.JPEG": "Foto.JPEG", "escaneo.PDF": "escaneo.PDF"}
        admin = self.admin()
        for name, item in items.items():
            for c in (None, admin):
                plain, encoded = self.download_name(item, c)
                self.assertEqual(plain, want[name])
                self.assertTrue(encoded.endswith(want[name].rsplit(".", 1)[1]), encoded)
        # The activity's date (2025) is in the demo's first plan.
        r = admin.get("/informe-cumplimiento.zip?version=1")
        self.assertEqual(r.status, 200)
        names = zipfile.ZipFile(io.BytesIO(r.body)).namelist()
        mine = [n for n in names if "charla-con-nombres-enganosos" in n]
        self.assertEqual(len(mine), 6, names)
        for n in mine:
            self.assertRegex(n, r"\.(pdf|jpg|jpeg)$")
            self.assertNotRegex(n, r"\.(html|bat|svg)$")

    def rss_mb(self):
        with open("/proc/%d/status" % self.server.proc.pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        raise AssertionError("no VmRSS")

    def test_slow_readers_of_a_large_public_file_share_one_copy(self):
        # An answer lives until its last byte is sent: readers that do not
        # read held a copy each of the file (60 of a 15 MB PDF: 1 GB).
        print_growth = os.environ.get("COSOC_TEST_VERBOSE")
        act = self.new_activity("Charla con un informe grande")
        size = 8 * 1024 * 1024
        pdf = b"%PDF-1.4\n" + os.urandom(size) + b"\n%%EOF\n"
        r = self.upload(act, pdf, "grande.pdf", kind="informe", public=True,
                        ctype="application/pdf")
        self.assertEqual(r.status, 201, r.text[:300])
        item = r.json()["id"]
        readers = []

        def more(n):
            for _ in range(n):
                s = socket.socket()
                s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
                s.settimeout(10)
                s.connect(("127.0.0.1", self.server.port))
                self.addCleanup(s.close)
                s.sendall(b"GET /evidencias/%d HTTP/1.1\r\nHost: t\r\n\r\n" % item)
                readers.append(s)
            time.sleep(1.5)
        # The first readers pay for the database's reading and what the
        # sanitizers keep of it; fifty more must cost no copy each (they
        # cost 400 MB when each answer held its own).
        more(10)
        start = self.rss_mb()
        more(50)
        grown = self.rss_mb() - start
        if print_growth:
            print("RSS grew %.0f MB" % grown)
        self.assertLess(grown, 100, "50 more slow readers of an 8 MB file: %.0f MB"
                        % grown)
        # Each still gets the whole file.
        s = readers[0]
        data = b""
        while len(data) < size:
            chunk = s.recv(1 << 20)
            self.assertTrue(chunk)
            data += chunk
        self.assertIn(b"HTTP/1.1 200", data[:20])
        body = data.split(b"\r\n\r\n", 1)[1]
        while len(body) < len(pdf):
            body += s.recv(1 << 20)
        self.assertEqual(body, pdf)

    def test_bidi_controls_in_a_file_name_are_refused(self):
        act = self.new_activity("Charla con un nombre al revés")
        before = self.counts()
        r = self.upload(act, plain_jpeg((40, 30)), "foto\u202egpj.exe",
                        ctype="image/jpeg")
        self.assertEqual(r.status, 422, r.text[:300])
        self.assertEqual(r.json()["field"], "file")
        self.assertEqual(self.counts(), before)


class TheDoor(ServerTestCase):
    def test_nul_in_the_path_or_the_query_is_refused(self):
        c = self.admin()
        self.assertEqual(c.get("/actividades/2").status, 200)
        r = c.get("/actividades/2%00.html")
        self.assertIn(r.status, (400, 404), r.text[:200])
        r = c.get("/api/activities/2%00", headers={})
        self.assertIn(r.status, (400, 404))
        r = c.get("/?as_of=2025-06-30%00basura")
        self.assertEqual(r.status, 400, r.text[:200])
        self.assertIn("UTF-8", r.text)
        r = self.client().get("/api/compliance?as_of=2025-06-30%00")
        self.assertEqual(r.status, 400)
        self.assertEqual(r.json()["field"], "as_of")
        self.assertEqual(self.client().get("/?as_of=2025-06-30").status, 200)

    def test_ids_with_leading_zeros_name_nothing(self):
        c = self.admin()
        for path in ("/actividades/%s", "/api/activities/%s", "/actividades/%s/acta"):
            self.assertEqual(c.get(path % "2").status, 200, path)
            for bad in ("02", "007", "00"):
                self.assertEqual(c.get(path % bad).status, 404, path % bad)
        r = self.api("GET", "/api/agreements/01")
        self.assertEqual(r.status, 404)

    def test_numbers_past_an_int_are_refused_not_wrapped(self):
        # JSON integers are 64 bits; cast unchecked to int, 2^32 + 6 was
        # plan line 6 and 2^32 + 1 votes were one.
        act = {"kind": "charla", "title": "Charla de números grandes",
               "start": "2025-03-10T10:00:00-03:00", "end": "2025-03-10T12:00:00-03:00",
               "commune": "04102", "modality": "presencial", "status": "realizada"}
        r = self.api("POST", "/api/activities", dict(act, plan_lines=[4294967302]))
        self.assertEqual(r.status, 422, r.text[:300])
        self.assertEqual(r.json()["field"], "plan_lines")
        r = self.api("POST", "/api/activities", dict(act, plan_lines=[6]))
        self.assertEqual(r.status, 201, r.text[:300])
        made = r.json()
        r = self.api("POST", "/api/activities/%d" % made["id"],
                     {"title": "Otro título", "version": 4294967296 + made["version"]})
        self.assertEqual(r.status, 409, r.text[:300])
        # Agreements need a session held with quorum.
        session = self.held_session("Sesión de votos enormes")
        before = query_one(self.demo.path, "SELECT count(*) FROM agreements")
        for votes in ({"for": 4294967297}, {"for": 2, "against": -4294967295},
                      {"for": 1, "abstain": 18446744073709551}):
            r = self.api("POST", "/api/agreements", {
                "session": session, "text": "Acuerdo de votos enormes",
                "due_date": "", "votes": votes})
            self.assertEqual(r.status, 422, r.text[:300])
            self.assertEqual(r.json()["field"], "votes")
        self.assertEqual(query_one(self.demo.path, "SELECT count(*) FROM agreements"),
                         before)
        r = self.api("POST", "/api/agreements", {
            "session": session, "text": "Acuerdo de votos enormes", "due_date": ""})
        self.assertEqual(r.status, 201, r.text[:300])
        r = self.api("POST", "/api/agreements/%d" % r.json()["id"],
                     {"state": "en_curso", "note": "", "version": 4294967297})
        self.assertEqual(r.status, 409, r.text[:300])
        # The edit form: a line number past an int, or with text after it.
        c = self.admin()
        page = c.get("/actividades/%d/editar" % made["id"]).text
        form = {}
        for m in re.finditer(r"<input[^>]*>", page):
            tag = m.group(0)
            name = re.search(r'name="([^"]+)"', tag)
            if not name or re.search(r'type="(checkbox|radio)"', tag):
                continue
            value = re.search(r'value="([^"]*)"', tag)
            form[name.group(1)] = html.unescape(value.group(1)) if value else ""
        for m in re.finditer(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', page, re.S):
            chosen = re.search(r'<option value="([^"]*)"[^>]*selected', m.group(2))
            form[m.group(1)] = chosen.group(1) if chosen else ""
        for m in re.finditer(r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', page, re.S):
            form[m.group(1)] = html.unescape(m.group(2))
        for bad in ("4294967302", "6abc"):
            r = c.post("/actividades/%d/editar" % made["id"], form=dict(form, plan_lines=bad))
            self.assertEqual(r.status, 422, r.text[:300])
        self.assertEqual(self.api("GET", "/api/activities/%d" % made["id"]).json()["plan_lines"],
                         [6])
        r = c.post("/actividades/%d/editar" % made["id"], form=dict(form, plan_lines="6"))
        self.assertEqual(r.status, 303, r.text[:300])

    def test_bidi_controls_in_titles_and_names_are_refused(self):
        r = self.api("POST", "/api/activities", {
            "kind": "charla", "title": "Charla \u202eanulada\u202c",
            "start": "2025-03-10T10:00:00-03:00", "end": "2025-03-10T12:00:00-03:00",
            "commune": "04102", "modality": "presencial", "status": "realizada"})
        self.assertEqual(r.status, 422, r.text)
        self.assertEqual(r.json()["field"], "title")
        # Multi-line text keeps what people write, right-to-left marks
        # included; only the embedding and override controls are refused.
        r = self.api("POST", "/api/activities", {
            "kind": "charla", "title": "Charla con una descripción en hebreo",
            "description": "שלום \u200f(saludo)",
            "start": "2025-03-10T10:00:00-03:00", "end": "2025-03-10T12:00:00-03:00",
            "commune": "04102", "modality": "presencial", "status": "realizada"})
        self.assertEqual(r.status, 201, r.text)

    def rss_kb(self):
        with open("/proc/%d/status" % self.server.proc.pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        raise AssertionError("no VmRSS")

    def upload_head(self, size, extra=b""):
        s = socket.create_connection(("127.0.0.1", self.server.port), timeout=10)
        s.sendall(b"POST /api/activities/2/evidence HTTP/1.1\r\nHost: t\r\n"
                  b"Content-Type: multipart/form-data; boundary=" + b"b0undary" + b"\r\n"
                  b"Content-Length: %d\r\n" % size + extra + b"\r\n")
        return s

    def test_a_body_the_route_refuses_is_never_kept(self):
        mb = 30
        start = self.rss_kb()
        held = []
        head = (b"--b0undary\r\nContent-Disposition: form-data; name=\"file\"; "
                b"filename=\"a.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n")
        for _ in range(4):
            s = self.upload_head(len(head) + mb * 1024 * 1024 + 100)
            self.addCleanup(s.close)
            s.sendall(head)
            block = b"\xff" * (1024 * 1024)
            for _ in range(mb - 1):
                s.sendall(block)
            held.append(s)
        time.sleep(0.5)
        grown_mb = (self.rss_kb() - start) / 1024
        self.assertLess(grown_mb, 40, "anonymous bodies held in memory: %.0f MB" % grown_mb)
        # Finished, each gets the sign-in answer.
        for s in held:
            s.sendall(b"\xff" * (1024 * 1024 + 100))
            self.assertTrue(s.recv(100).startswith(b"HTTP/1.1 401"))

    def test_an_account_disabled_while_its_upload_arrives_stores_nothing(self):
        # The sender is known from the headers now; what happens to the
        # account while the body arrives must still count.
        email = "sube.y.baja@example.cl"
        self.add_user(email, "Sube y Baja", "admin")
        token = self.token_for(email)
        before = query_one(self.demo.path, "SELECT count(*) FROM evidence_items")
        body = multipart({"kind": "fotografias"},
                         [("file", "foto.jpg", "image/jpeg", plain_jpeg((64, 48)))])
        s = socket.create_connection(("127.0.0.1", self.server.port), timeout=10)
        self.addCleanup(s.close)
        s.sendall(b"POST /api/activities/2/evidence HTTP/1.1\r\nHost: t\r\n"
                  b"Authorization: Bearer " + token.encode() + b"\r\n"
                  b"Content-Type: " + MP["Content-Type"].encode() + b"\r\n"
                  b"Content-Length: %d\r\n\r\n" % len(body) + body[:100])
        time.sleep(0.3)
        run_cli("user", "disable", "--db", self.demo.path, "--email", email, check=0)
        s.sendall(body[100:])
        answer = s.recv(200)
        self.assertTrue(answer.startswith(b"HTTP/1.1 401"), answer)
        self.assertEqual(query_one(self.demo.path, "SELECT count(*) FROM evidence_items"),
                         before)

    def test_a_refused_upload_that_waits_for_100_continue_is_answered_at_once(self):
        s = self.upload_head(50 * 1024 * 1024, b"Expect: 100-continue\r\n")
        self.addCleanup(s.close)
        first = s.recv(200)
        self.assertTrue(first.startswith(b"HTTP/1.1 401"), first)
        # The same for one that is too large, signed in.
        s = socket.create_connection(("127.0.0.1", self.server.port), timeout=10)
        self.addCleanup(s.close)
        s.sendall(b"POST /api/activities/2/evidence HTTP/1.1\r\nHost: t\r\n"
                  b"Authorization: Bearer " + self.admin_token.encode() + b"\r\n"
                  b"Content-Type: multipart/form-data; boundary=b0undary\r\n"
                  b"Content-Length: 500000000\r\nExpect: 100-continue\r\n\r\n")
        first = s.recv(200)
        self.assertTrue(first.startswith(b"HTTP/1.1 413"), first)


class SlowBodies(ServerTestCase):
    SERVER_ARGS = ("--header-timeout", "2", "--body-min-rate", "1000")

    def post_head(self, size):
        s = socket.create_connection(("127.0.0.1", self.server.port), timeout=10)
        s.sendall(b"POST /login HTTP/1.1\r\nHost: t\r\n"
                  b"Content-Type: application/x-www-form-urlencoded\r\n"
                  b"Content-Length: %d\r\n\r\n" % size)
        return s

    def test_a_trickled_body_is_cut_and_a_steady_slow_one_is_not(self):
        slow = [self.post_head(100000) for _ in range(10)]
        for s in slow:
            self.addCleanup(s.close)
        cut = set()
        t0 = time.time()
        while time.time() - t0 < 10 and len(cut) < len(slow):
            for i, s in enumerate(slow):
                if i not in cut:
                    try:
                        s.sendall(b"a")
                    except OSError:
                        cut.add(i)
            time.sleep(0.5)
        for i, s in enumerate(slow):
            if i in cut:
                continue
            s.settimeout(0.5)
            try:
                data = s.recv(100)
                if data == b"" or data.startswith(b"HTTP/1.1 408"):
                    cut.add(i)
            except socket.timeout:
                pass
            except OSError:
                cut.add(i)
        self.assertEqual(len(cut), len(slow), "trickled bodies still open")
        # 60 KB at some 15 KB/s: slower than the grace period allows for
        # the whole body, faster than the minimum rate: answered.
        body = b"email=a%40b.cl&password=" + b"x" * (60 * 1024)
        s = self.post_head(len(body))
        self.addCleanup(s.close)
        for i in range(0, len(body), 1500):
            s.sendall(body[i:i + 1500])
            time.sleep(0.1)
        s.settimeout(10)
        answer = s.recv(100)
        self.assertTrue(answer.startswith(b"HTTP/1.1 403"), answer)


class Throttling(ServerTestCase):
    """Addresses told apart through a trusted proxy's X-Forwarded-For, as
    behind deploy/nginx."""
    SERVER_ARGS = ("--trust-proxy", "127.0.0.1")

    attempt = test_hardening_signin.Throttling.attempt  # POST /login via a proxy

    def test_addresses_of_one_ipv6_network_count_as_one(self):
        # One password sprayed over many accounts, each try from another
        # address of the same /64: the address limit (20 free) applies.
        statuses = [self.attempt("persona%d@example.cl" % i, "password1",
                                 "2001:db8:7:1::%x" % (i + 1)).status for i in range(22)]
        self.assertEqual(statuses[:20], [401] * 20)
        self.assertEqual(statuses[20:], [429] * 2)
        # Another network is not slowed by it.
        self.assertEqual(self.attempt("persona0@example.cl", "password1",
                                      "2001:db8:8:1::1").status, 401)

    def test_one_address_written_two_ways_counts_as_one(self):
        email = "dos.formas@example.cl"
        spellings = ["2001:db8:9:2::7", "2001:0db8:0009:0002:0000:0000:0000:0007",
                     "2001:DB8:9:2:0:0:0:7", "2001:db8:9:2::0.0.0.7",
                     "2001:db8:9:2:0::7"]
        statuses = [self.attempt(email, "mala clave %d" % i, spellings[i % 5]).status
                    for i in range(6)]
        # Five free tries for one account from one address, then a wait.
        self.assertEqual(statuses, [401] * 5 + [429])

    def test_the_password_form_is_throttled_and_needs_a_session(self):
        email = "cambia.clave@example.cl"
        run_cli("user", "add", "--db", self.demo.path, "--email", email, "--name",
                "Persona que Cambia", "--role", "consejero",
                env={"COSOC_PASSWORD": "faro del norte 77"}, check=0)
        token = run_cli("token", "create", "--db", self.demo.path, "--email", email,
                        check=0).stdout.strip().split()[-1]
        c = self.server.client()
        self.addCleanup(c.close)
        c.login(email, "faro del norte 77")
        new = {"new_password": "otra frase bien larga", "new_password_confirm":
               "otra frase bien larga"}
        # A token is for the API, not for the password form (no CSRF there).
        r = self.server.client().post("/cuenta/clave", headers={
            "Authorization": "Bearer " + token},
            form=dict(new, current_password="faro del norte 77"))
        self.assertEqual(r.status, 403, r.text[:300])
        statuses = []
        for i in range(7):
            csrf = c.csrf_from("/cuenta")
            r = c.post("/cuenta/clave", form=dict(new, csrf_token=csrf,
                                                  current_password="intento %d" % i))
            statuses.append(r.status)
        self.assertEqual(statuses[:5], [422] * 5)
        self.assertEqual(statuses[5:], [429] * 2)
        self.assertRegex(r.text, r"Espere \d+ segundos?")
        # The right one waits too, and nothing changed.
        csrf = c.csrf_from("/cuenta")
        r = c.post("/cuenta/clave", form=dict(new, csrf_token=csrf,
                                              current_password="faro del norte 77"))
        self.assertEqual(r.status, 429)
        self.assertEqual(self.attempt(email, "faro del norte 77", "198.51.100.20").status, 303)


class TerminalOutput(unittest.TestCase):
    def test_import_plan_escapes_the_documents_text_for_the_terminal(self):
        tmpdir = tempfile.mkdtemp(prefix="cosoc-attack-cli-")
        self.addCleanup(shutil.rmtree, tmpdir, True)
        seed = os.path.join(support.ROOT, "data", "seeds",
                            "plan-anual-cosoc-minvu-serviu-coquimbo-2024-2025.txt")
        with open(seed, encoding="utf-8") as f:
            text = f.read()
        text = text.replace("PLAN ANUAL COSOC MINVU SERVIU 2024-2025",
                            "PLAN ANUAL \u009b2J\u009b31mROJO\u009b0m 2024-2025", 1)
        text = text.replace("Primer Semestre 2025", "Primer \u009b5mSemestre 2025", 1)
        path = os.path.join(tmpdir, "plan.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        db = support.new_database(tmpdir)
        self.addCleanup(support.drop_database, db)
        run_cli("migrate", "--db", db, check=0)
        env = dict(os.environ)
        env.pop("COSOC_DB", None)
        p = subprocess.run([BIN, "import-plan", path, "--db", db], env=env,
                           capture_output=True, timeout=120)
        self.assertEqual(p.returncode, 0, p.stderr[-500:])
        for out in (p.stdout, p.stderr):
            self.assertNotIn("\u009b".encode(), out)
        self.assertIn(b"\\x9b31mROJO", p.stdout)
        self.assertIn(b"\\x9b5mSemestre", p.stderr)


if __name__ == "__main__":
    unittest.main()
