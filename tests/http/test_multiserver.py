"""
Several app servers on one database behave as one: nginx (Debian's
nginx-light) in front of two `cosoc serve` processes; a session made on one
works on the other; concurrent clients sign in and create accounts, record
attendance and upload evidence (bearer token) through nginx while one server
is killed with SIGKILL and started again. Afterwards every account whose
creation was acknowledged (303) is there, every acknowledged attendance list
(200) is stored, every upload that got 201 is stored whole (its row, and its
blob with the same SHA-256), and no evidence row lacks its blob.

Both servers send mail (--smtp) to a real SMTP server (aiosmtpd,
smtp_sink.py). Clients convene new activities through nginx before the
kill, while one server is down and after it is back; each citation and each
reminder (the background job: reminders come due during the run, and both
servers' senders poll for them) reaches the SMTP server exactly once,
counted by Message-ID and by recipient and subject, and the outbox drains.

Mail is paused around the instant of the kill, with the outbox drained:
SMTP cannot tell a sender that died between the server's "250 accepted"
and recording it as sent from one that died before sending, so a message
in flight at a SIGKILL is sent again when its lease ends (at least once,
by design). Every other message must go out once, and that is checked.

Runs in both passes: on PostgreSQL (the deployment this is for) and on one
SQLite file shared by two processes.
"""
import collections
import email
import email.policy
import hashlib
import http.client
import os
import re
import shutil
import struct
import subprocess
import tempfile
import threading
import time
import unittest
import zlib

from smtp_sink import SmtpSink
from support import Client, Demo, Server, drop_database, free_port, query_one, run_cli
from test_evidence import MP, multipart, tiny_png

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
WORKERS = 4
RUN_SECONDS = 6.0
MAIL_WORKERS = 2
# A short lease: a reminder that comes due in the instant between the quiet
# check and the kill can be claimed by the server about to die; the other
# servers send it once that claim lapses (300 s by default, longer than the
# test waits).
# A retry after a transient SMTP failure (the sink on a loaded machine)
# comes within seconds, not the default minute.
MAIL_ENV = {"COSOC_MAIL_FROM": "COSOC Coquimbo <cosoc@example.cl>",
            "COSOC_MAIL_LEASE_SECONDS": "10", "COSOC_MAIL_RETRY_SECONDS": "2"}
# Reminders go out one hour before: activities start an hour and this much
# after they are convened, so that their reminders come due after the kill
# and while both servers run.
REMINDER_LEAD = RUN_SECONDS + 2


def nginx_config(tmpdir, port, upstream_ports):
    version = subprocess.run([NGINX, "-V"], capture_output=True, text=True).stderr
    temp_paths = "".join(
        "  %s_temp_path %s/%s;\n" % (mod, tmpdir, mod)
        for mod in ("fastcgi", "uwsgi", "scgi")
        if "--without-http_%s_module" % mod not in version)
    servers = "".join("    server 127.0.0.1:%d max_fails=1 fail_timeout=2s;\n" % p
                      for p in upstream_ports)
    return """%(user)s
daemon off;
worker_processes 1;
pid %(tmp)s/nginx.pid;
error_log %(tmp)s/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path %(tmp)s/body;
  proxy_temp_path %(tmp)s/proxy;
%(temp_paths)s  upstream cosoc {
%(servers)s    keepalive 16;
  }
  server {
    listen 127.0.0.1:%(port)d;
    client_max_body_size 64m;
    location / {
      proxy_pass http://cosoc;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_connect_timeout 2s;
      proxy_next_upstream error timeout http_502 http_503;
    }
  }
}
""" % {"user": "user root;" if os.geteuid() == 0 else "", "tmp": tmpdir, "port": port,
       "temp_paths": temp_paths, "servers": servers}


def unique_png(n, i):
    """A valid PNG whose bytes are unique to (n, i): tiny_png with a tEXt
    chunk, so that no two uploads share a blob."""
    png = tiny_png(i)
    text = b"cosoc\0" + ("%d-%d" % (n, i)).encode()
    chunk = (struct.pack(">I", len(text)) + b"tEXt" + text
             + struct.pack(">I", zlib.crc32(b"tEXt" + text) & 0xffffffff))
    return png[:-12] + chunk + png[-12:]  # before IEND


SESSION = {"kind": "sesion_ordinaria", "title": "Sesión con servidor caído",
           "start": "2031-06-10T10:00:00-04:00", "end": "2031-06-10T12:00:00-04:00",
           "commune": "04101", "modality": "presencial", "status": "programada",
           "plan_lines": [], "public": True}


class Nginx:
    def __init__(self, tmpdir, upstream_ports):
        self.tmpdir = tmpdir
        self.port = free_port()
        self.conf = os.path.join(tmpdir, "nginx.conf")
        with open(self.conf, "w") as f:
            f.write(nginx_config(tmpdir, self.port, upstream_ports))
        self.proc = subprocess.Popen([NGINX, "-c", self.conf, "-p", tmpdir,
                                      "-e", os.path.join(tmpdir, "error.log")],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        deadline = time.time() + 10
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError("nginx exited: " + self.log())
            try:
                Client(self.port).get("/")
                return
            except OSError:
                time.sleep(0.05)
        raise AssertionError("nginx did not start: " + self.log())

    def log(self):
        try:
            with open(os.path.join(self.tmpdir, "error.log")) as f:
                return f.read()
        except OSError:
            return ""

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


@unittest.skipUnless(os.path.exists(NGINX), "nginx no está instalado (nginx-light)")
class TwoServersBehindNginx(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmpdir = tempfile.mkdtemp(prefix="cosoc-multi-")
        cls.demo = Demo(cls.tmpdir)
        cls.sink = SmtpSink().start()
        trust = ["--trust-proxy", "127.0.0.1", "--threads", "4", "--smtp", cls.sink.url,
                 "--mail-poll-seconds", "1", "--mail-retry-seconds", "1"]
        cls.a = Server(cls.demo.path, extra_args=trust, env=MAIL_ENV).start()
        cls.b = Server(cls.demo.path, extra_args=trust, env=MAIL_ENV).start()
        cls.nginx = Nginx(cls.tmpdir, [cls.a.port, cls.b.port])
        cls.bearer = {"Authorization": "Bearer " + run_cli(
            "token", "create", "--db", cls.demo.path, "--email", cls.demo.email,
            check=0).stdout.strip().split()[-1]}

    @classmethod
    def tearDownClass(cls):
        try:
            cls.nginx.stop()
            cls.b.stop()
            cls.a.stop()
        finally:
            cls.sink.cleanup()
            drop_database(cls.demo.path)
            shutil.rmtree(cls.tmpdir, ignore_errors=True)

    def test_a_session_made_on_one_server_works_on_the_other(self):
        ca = self.a.client()
        ca.login(self.demo.email, self.demo.password)
        token = ca.csrf_from("/admin/usuarios")
        cb = self.b.client()
        cb.cookies = dict(ca.cookies)
        self.assertEqual(cb.get("/admin/usuarios").status, 200)
        # The CSRF key is shared too: a form from A is accepted by B.
        r = cb.post("/admin/usuarios", form={"name": "Berta Bravo", "email": "berta@ejemplo.cl",
                                              "role": "consejero", "password": "clave-larga-1",
                                              "csrf_token": token})
        self.assertEqual(r.status, 303)
        self.assertIn("berta@ejemplo.cl", ca.get("/admin/usuarios").text)
        ca.close()
        cb.close()

    def worker(self, n, stop, acked, problems):
        """Creates accounts through nginx until told to stop; a 303 is an
        acknowledged write. Errors while a server is down are expected."""
        c = Client(self.nginx.port)
        i = 0
        try:
            c.login(self.demo.email, self.demo.password)
            token = c.csrf_from("/admin/usuarios")
            while not stop.is_set():
                i += 1
                email = "w%d-%d@ejemplo.cl" % (n, i)
                try:
                    r = c.post("/admin/usuarios", form={
                        "name": "Persona %d %d" % (n, i), "email": email,
                        "role": "consejero", "password": "clave-larga-1",
                        "csrf_token": token})
                except (OSError, http.client.HTTPException):
                    c.close()
                    c = _same_jar(c)
                    continue
                if r.status == 303:
                    acked.append(email)
                elif r.status not in (502, 503, 504):
                    problems.append("%s: %d %s" % (email, r.status, r.text[:200]))
        except Exception as e:  # reported by the test
            problems.append(repr(e))
        finally:
            c.close()

    def api_worker(self, n, stop, attended, uploaded, problems):
        """Records attendance and uploads evidence through nginx until told
        to stop. Each acknowledged attendance list goes to its own new
        session (lists are replaced whole), so every one must survive; a
        201 upload is remembered with its bytes' SHA-256."""
        c = Client(self.nginx.port)
        aid, i = None, 0
        evidence_activity = int(query_one(self.demo.path, "SELECT min(id) FROM activities"))

        def call(method, path, **kw):
            nonlocal c
            try:
                return c.request(method, path, **kw)
            except (OSError, http.client.HTTPException):
                c.close()
                c = Client(self.nginx.port)
                return None

        try:
            while not stop.is_set():
                i += 1
                if aid is None:
                    r = call("POST", "/api/activities", json_body=SESSION,
                             headers=self.bearer)
                    if r is not None and r.status == 201:
                        aid = r.json()["id"]
                    elif r is not None and r.status not in (502, 503, 504):
                        problems.append("session: %d %s" % (r.status, r.text[:200]))
                if aid is not None:
                    name = "Invitada %d-%d" % (n, i)
                    r = call("POST", "/api/activities/%d/attendance" % aid,
                             json_body=[{"name": name, "organization": "Junta de Vecinos",
                                         "status": "presente"}], headers=self.bearer)
                    if r is not None and r.status == 200:
                        attended.append((aid, name))
                        aid = None
                    elif r is not None and r.status not in (502, 503, 504):
                        problems.append("attendance: %d %s" % (r.status, r.text[:200]))
                png = unique_png(n, i)
                headers = dict(MP)
                headers.update(self.bearer)
                r = call("POST", "/api/activities/%d/evidence" % evidence_activity,
                         body=multipart({"kind": "fotografias"},
                                        [("file", "foto-%d-%d.png" % (n, i), "image/png", png)]),
                         headers=headers)
                if r is not None and r.status == 201:
                    uploaded.append((r.json()["id"], hashlib.sha256(png).hexdigest()))
                elif r is not None and r.status not in (502, 503, 504):
                    problems.append("evidence: %d %s" % (r.status, r.text[:200]))
        except Exception as e:  # reported by the test
            problems.append(repr(e))
        finally:
            c.close()

    def mail_worker(self, n, stop, pause, idle, convened, problems):
        """Through nginx, creates an activity and convenes one new address
        to it, again and again; a 202 means its citation and reminder are
        queued. While `pause` is set it sends nothing and says so (idle)."""
        c = Client(self.nginx.port)
        i = 0

        def call(method, path, body):
            nonlocal c
            try:
                r = c.request(method, path, json_body=body, headers=self.bearer)
            except (OSError, http.client.HTTPException):
                c.close()
                c = Client(self.nginx.port)
                return None
            if r.status not in (201, 202, 502, 503, 504):
                problems.append("%s: %d %s" % (path, r.status, r.text[:200]))
            return r

        try:
            while not stop.is_set():
                if pause.is_set():
                    idle.set()
                    time.sleep(0.05)
                    continue
                i += 1
                start = time.time() + 3600 + REMINDER_LEAD
                r = call("POST", "/api/activities",
                         dict(SESSION, title="Sesión citada %d-%d" % (n, i),
                              start=iso_utc(start), end=iso_utc(start + 7200)))
                if r is None or r.status != 201:
                    continue
                address = "citada%d-%d@ejemplo.cl" % (n, i)
                r = call("POST", "/api/activities/%d/convene" % r.json()["id"],
                         {"recipients": [address]})
                if r is not None and r.status == 202:
                    convened.append(address)
        except Exception as e:  # reported by the test
            problems.append(repr(e))
        finally:
            c.close()

    def outbox_count(self, where, *params):
        return int(query_one(self.demo.path, "SELECT count(*) FROM mail_outbox WHERE " + where,
                             params))

    def quiet_mail(self, pause, idle):
        """Stops queuing mail and waits until nothing due is left to send,
        so that no message is in flight when a server is killed."""
        for e in idle:
            e.clear()
        pause.set()
        for e in idle:
            self.assertTrue(e.wait(timeout=60))
        wait_until(lambda: self.outbox_count("state = 'pendiente' AND (next_attempt_at <= ? "
                                             "OR claimed_by IS NOT NULL)",
                                             int(time.time())) == 0, 60, "the outbox to drain")

    def test_no_acknowledged_write_is_lost_when_a_server_is_killed(self):
        stop, acked, problems = threading.Event(), [], []
        attended, uploaded = [], []
        pause, convened = threading.Event(), []
        idle = [threading.Event() for _ in range(MAIL_WORKERS)]
        run_cli("user", "add", "--db", self.demo.path, "--email", "ajustes@ejemplo.cl",
                "--name", "Ajustes", "--role", "admin", env={"COSOC_PASSWORD": "clave-larga-1"},
                check=0)
        c = Client(self.nginx.port)
        c.login("ajustes@ejemplo.cl", "clave-larga-1")
        r = c.post("/actividades/ajustes", form={"reminder_hours": "1",
                                                  "csrf_token": c.csrf_from("/actividades")})
        self.assertEqual(r.status, 303, r.text[:300])
        c.close()
        threads = [threading.Thread(target=self.worker, args=(n, stop, acked, problems))
                   for n in range(WORKERS)]
        threads += [threading.Thread(target=self.api_worker,
                                     args=(n, stop, attended, uploaded, problems))
                    for n in range(WORKERS)]
        threads += [threading.Thread(target=self.mail_worker,
                                     args=(n, stop, pause, idle[n], convened, problems))
                    for n in range(MAIL_WORKERS)]
        for t in threads:
            t.start()
        try:
            time.sleep(RUN_SECONDS / 3)
            self.quiet_mail(pause, idle)
            port = self.a.port
            self.a.kill()
            pause.clear()
            time.sleep(RUN_SECONDS / 3)
            restarted = Server(self.demo.path, extra_args=self.a.extra_args, env=self.a.env)
            restarted.port = port
            type(self).a = restarted.start()
            time.sleep(RUN_SECONDS / 3)
        finally:
            stop.set()
            for t in threads:
                t.join(timeout=60)
        self.assertEqual(problems, [])
        print("  %d cuentas confirmadas" % len(acked), end=" ", flush=True)
        self.assertGreater(len(acked), WORKERS)
        # Every acknowledged account is there, on either server.
        for server in (self.a, self.b):
            c = server.client()
            c.login(self.demo.email, self.demo.password)
            listed = set(re.findall(r"w\d+-\d+@ejemplo\.cl", c.get("/admin/usuarios").text))
            self.assertEqual(sorted(set(acked) - listed), [])
            c.close()
        # And complete: a few of them can sign in through nginx.
        for email in acked[:: max(1, len(acked) // 3)]:
            c = Client(self.nginx.port)
            c.login(email, "clave-larga-1")
            c.close()
        self.check_attendance_and_evidence(attended, uploaded)
        self.check_mail_sent_once(convened)

    def check_mail_sent_once(self, convened):
        print("%d citaciones confirmadas" % len(convened), end=" ", flush=True)
        self.assertGreater(len(convened), MAIL_WORKERS)
        # Drained: every citation and reminder sent (none pending, none failed).
        try:
            wait_until(lambda: self.outbox_count("recipient LIKE 'citada%' AND state = "
                                                 "'pendiente'") == 0,
                       RUN_SECONDS + REMINDER_LEAD + 60, "every reminder to be sent")
        except AssertionError as e:  # say why, should it ever happen
            now = int(time.time())
            raise AssertionError("%s: %d pendientes, %d reservados, %d con intentos "
                                 "fallidos, %d aún no vencen" % (
                                     e, self.outbox_count("state = 'pendiente'"),
                                     self.outbox_count("state = 'pendiente' AND "
                                                       "claimed_by IS NOT NULL"),
                                     self.outbox_count("state = 'pendiente' AND attempts > 0"),
                                     self.outbox_count("state = 'pendiente' AND "
                                                       "next_attempt_at > ?", now))) from e
        time.sleep(1.5)  # A duplicate would be sent right after; give it time.
        self.assertEqual(self.outbox_count("recipient LIKE 'citada%' AND state <> 'enviado'"), 0)
        queued = self.outbox_count("recipient LIKE 'citada%'")
        arrived = []
        for rcpts, data in self.sink.raw_messages():
            m = email.message_from_bytes(data, policy=email.policy.default)
            arrived.append((m["Message-ID"], ",".join(rcpts), str(m["Subject"])))
        ours = [a for a in arrived if a[1].startswith("citada")]
        # Every message once: by Message-ID, and by recipient and subject.
        self.assertEqual(len(ours), queued)
        twice = [k for k, n in collections.Counter(a[0] for a in arrived).items() if n > 1]
        self.assertEqual(twice, [])
        self.assertEqual(len({(a[1], a[2]) for a in ours}), len(ours))
        # Each acknowledged citation arrived, and its reminder (the
        # background job) too, once.
        for who in convened:
            subjects = sorted(a[2] for a in ours if a[1] == who)
            self.assertEqual(len(subjects), 2, (who, subjects))
            self.assertTrue(subjects[1].startswith("Recordatorio: "), (who, subjects))

    def check_attendance_and_evidence(self, attended, uploaded):
        db = self.demo.path
        print("%d asistencias, %d evidencias confirmadas" % (len(attended), len(uploaded)),
              end=" ", flush=True)
        self.assertGreater(len(attended), WORKERS)
        self.assertGreater(len(uploaded), WORKERS)
        for aid, name in attended:
            # A guest is a participant (migration 0035): the name is theirs.
            self.assertEqual(query_one(db, "SELECT count(*) FROM attendance a JOIN participants p "
                                           "ON p.id = a.participant_id WHERE a.activity_id = ? "
                                           "AND p.name = ?", (aid, name)), "1", (aid, name))
        for eid, sha in uploaded:
            self.assertEqual(query_one(db, "SELECT file_sha256 FROM evidence_items WHERE id = ?",
                                       (eid,)), sha, eid)
        # No row without its blob, no blob cut short.
        self.assertEqual(query_one(db, "SELECT count(*) FROM evidence_items i LEFT JOIN "
                                       "evidence_files f ON f.sha256 = i.file_sha256 "
                                       "WHERE f.sha256 IS NULL"), "0")
        self.assertEqual(query_one(db, "SELECT count(*) FROM evidence_files "
                                       "WHERE size <> length(bytes)"), "0")
        # The stored bytes are the uploaded bytes (sampled, through nginx).
        c = Client(self.nginx.port)
        c.login(self.demo.email, self.demo.password)
        for eid, sha in uploaded[:: max(1, len(uploaded) // 10)]:
            r = c.get("/evidencias/%d" % eid)
            self.assertEqual(r.status, 200, eid)
            self.assertEqual(hashlib.sha256(r.body).hexdigest(), sha, eid)
        c.close()


def iso_utc(t):
    return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(t))


def wait_until(predicate, timeout, what):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    raise AssertionError("timed out waiting for " + what)


def _same_jar(old):
    """A new connection to the same port that keeps the cookies."""
    c = Client(old.port)
    c.cookies = dict(old.cookies)
    return c
