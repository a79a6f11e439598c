"""
Shared plumbing for the HTTP tests: start the real cosoc binary on a free
loopback port with a database the test makes, talk to it with http.client
(keep-alive, cookies), sign in, read forms, stop it and check that the
sanitizers had nothing to say.

Only the standard library of Debian's /usr/bin/python3 is used.
"""
import datetime
import http.client
import json
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import tempfile
import time
import unittest
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.environ.get("COSOC_BIN", os.path.join(ROOT, "build", "check", "cosoc"))
SANITIZER_MARKS = ("ERROR: AddressSanitizer", "ERROR: LeakSanitizer",
                   "runtime error:", "ERROR: UndefinedBehaviorSanitizer",
                   "WARNING: ThreadSanitizer")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_cli(*args, env=None, input=None, check=None):
    """Runs `cosoc ARGS`; returns CompletedProcess (text). check=N asserts
    the exit code."""
    full_env = dict(os.environ)
    full_env.pop("COSOC_DB", None)
    if env:
        full_env.update(env)
    p = subprocess.run([BIN, *args], env=full_env, input=input,
                       capture_output=True, text=True, timeout=120)
    for mark in SANITIZER_MARKS:
        if mark in p.stderr:
            raise AssertionError("sanitizer report from cosoc %s:\n%s" % (args, p.stderr))
    if check is not None and p.returncode != check:
        raise AssertionError("cosoc %s exited %d, wanted %d\nstdout: %s\nstderr: %s"
                             % (" ".join(args), p.returncode, check, p.stdout, p.stderr))
    return p


# Set by scripts/run-tests.sh for the second pass of the suite: the URL of a
# throw-away PostgreSQL server (scripts/pg-test.sh). Then every database a
# test makes with new_database() is a fresh PostgreSQL database there.
PG_URL = os.environ.get("COSOC_TEST_PG_URL") or None
PSQL = "/usr/bin/psql"


def psql(url, sql):
    """Runs one SQL command with psql on the database at url."""
    subprocess.run([PSQL, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql],
                   check=True, capture_output=True, text=True, timeout=60)


def query_one(target, sql, params=()):
    """The first column of the first row of a read-only query on the
    database at target (SQLite file or PostgreSQL URL), as a string, or None.
    For tests that check what was (not) written. Parameters are `?`; on
    PostgreSQL they are passed to psql as variables, quoted by psql."""
    if target.startswith("postgresql://"):
        args = [PSQL, "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", target]
        for i, value in enumerate(params):
            args += ["-v", "p%d=%s" % (i, value)]
        n = [0]

        def var(_):
            n[0] += 1
            return ":'p%d'" % (n[0] - 1)
        out = subprocess.run(args, input=re.sub(r"\?", var, sql), check=True,
                             capture_output=True, text=True, timeout=60).stdout
        first = out.splitlines()[0] if out.strip() else None
        return first
    with sqlite3.connect(target) as db:
        row = db.execute(sql, params).fetchone()
    return None if row is None or row[0] is None else str(row[0])


def new_database(tmpdir, name="demo"):
    """A --db target for a new, empty database: a file in tmpdir on SQLite,
    a new database cosoc_t_<random> on the PostgreSQL under test."""
    if not PG_URL:
        return os.path.join(tmpdir, name + ".db")
    db = "cosoc_t_%s_%s" % (re.sub(r"\W", "_", name), os.urandom(6).hex())
    psql(PG_URL, "CREATE DATABASE %s" % db)
    return urllib.parse.urlunsplit(urllib.parse.urlsplit(PG_URL)._replace(path="/" + db))


def drop_database(target):
    """Removes a database made by new_database() on PostgreSQL (files go
    with their temporary folder)."""
    if PG_URL and target.startswith("postgresql://"):
        db = urllib.parse.urlsplit(target).path.lstrip("/")
        try:
            psql(PG_URL, "DROP DATABASE IF EXISTS %s WITH (FORCE)" % db)
        except subprocess.CalledProcessError:
            pass


def sqlite_only(reason="prueba propia de SQLite"):
    """Skips a test (or class) in the PostgreSQL pass."""
    return unittest.skipIf(PG_URL is not None, reason)


class Demo:
    """A demo database (new_database()): its --db target as path and the
    admin's credentials as `cosoc demo` printed them."""

    def __init__(self, tmpdir):
        self.path = new_database(tmpdir)
        self.is_postgres = self.path.startswith("postgresql://")
        out = run_cli("demo", "--db", self.path, check=0).stdout
        self.email = re.search(r"Administrador: (\S+)", out).group(1)
        self.password = re.search(r"Contraseña: (\S+)", out).group(1)
        self.output = out


def thread_stacks(pid):
    """Every thread's stack of a hung process (gdb, when installed), to
    tell where it hangs."""
    gdb = shutil.which("gdb")
    if not gdb:
        return ""
    try:
        p = subprocess.run([gdb, "-p", str(pid), "-batch", "-ex", "thread apply all bt"],
                           capture_output=True, text=True, timeout=60)
        return "\n--- pilas de los hilos (gdb) ---\n" + p.stdout[-20000:]
    except (OSError, subprocess.TimeoutExpired):
        return ""


class Server:
    """`cosoc serve` on a free port. Use as a context manager or call
    start()/stop(); stop() fails the test on a sanitizer report or an
    unclean exit."""

    def __init__(self, db, extra_args=(), env=None):
        self.db = db
        self.port = free_port()
        self.extra_args = list(extra_args)
        self.env = env
        self.proc = None
        self.log_path = None

    def start(self):
        fd, self.log_path = tempfile.mkstemp(prefix="cosoc-serve-", suffix=".log")
        self.log = os.fdopen(fd, "w+")
        env = dict(os.environ)
        if self.env:
            env.update(self.env)
        self.proc = subprocess.Popen(
            [BIN, "serve", "--listen", "127.0.0.1:%d" % self.port, "--db", self.db,
             *self.extra_args],
            stdout=self.log, stderr=subprocess.STDOUT, env=env)
        deadline = time.time() + 30
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError("cosoc serve exited early:\n" + self.output())
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return self
            except OSError:
                time.sleep(0.05)
        raise AssertionError("cosoc serve did not start:\n" + self.output())

    def output(self):
        self.log.flush()
        with open(self.log_path, encoding="utf-8", errors="replace") as f:
            return f.read()

    def kill(self):
        """SIGKILL, as a crash: no goodbye, requests cut mid-way, no sanitizer
        leak report. Returns what the server printed and forgets the process
        and its log, so that a later stop() has nothing left to do."""
        if self.proc is None:
            return ""
        self.proc.kill()
        self.proc.wait()
        out = self.output()
        self.proc = None
        self.log.close()
        os.unlink(self.log_path)
        return out

    def stop(self):
        if self.proc is None:
            return ""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                stacks = thread_stacks(self.proc.pid)
                self.proc.kill()
                self.proc.wait()
                raise AssertionError("cosoc serve did not stop on SIGTERM:\n" + self.output()
                                     + stacks)
        rc = self.proc.returncode
        out = self.output()
        self.proc = None
        self.log.close()
        os.unlink(self.log_path)
        for mark in SANITIZER_MARKS:
            if mark in out:
                raise AssertionError("sanitizer report from cosoc serve:\n" + out)
        if rc != 0:
            raise AssertionError("cosoc serve exited %d:\n%s" % (rc, out))
        return out

    def client(self):
        return Client(self.port)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


class Response:
    def __init__(self, resp, body):
        self.status = resp.status
        self.headers = resp.headers
        self.body = body
        self.text = body.decode("utf-8", errors="replace")

    def json(self):
        return json.loads(self.text)

    def header(self, name):
        return self.headers.get(name)


class Client:
    """One keep-alive connection with a cookie jar (enough for cosoc's
    HttpOnly, Path=/ cookies)."""

    def __init__(self, port):
        self.port = port
        self.cookies = {}
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)

    def close(self):
        self.conn.close()

    def request(self, method, path, body=None, headers=None, form=None, json_body=None):
        hdrs = dict(headers or {})
        if form is not None:
            body = urllib.parse.urlencode(form).encode()
            hdrs.setdefault("Content-Type", "application/x-www-form-urlencoded")
        if json_body is not None:
            body = json.dumps(json_body).encode()
            hdrs.setdefault("Content-Type", "application/json")
        if self.cookies:
            hdrs["Cookie"] = "; ".join("%s=%s" % kv for kv in self.cookies.items())
        try:
            self.conn.request(method, path, body=body, headers=hdrs)
            resp = self.conn.getresponse()
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
            # The server may close an idle keep-alive connection: retry once.
            self.conn.close()
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            self.conn.request(method, path, body=body, headers=hdrs)
            resp = self.conn.getresponse()
        data = resp.read()
        for value in resp.headers.get_all("Set-Cookie") or []:
            name, _, rest = value.partition("=")
            val = rest.split(";", 1)[0]
            if "Max-Age=0" in value:
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = val
        return Response(resp, data)

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, **kw):
        return self.request("POST", path, **kw)

    def csrf_from(self, path):
        """Opens a page and returns the csrf_token of its first form."""
        r = self.get(path)
        m = re.search(r'name="csrf_token" value="([^"]+)"', r.text)
        if not m:
            raise AssertionError("no csrf_token on %s (status %d)" % (path, r.status))
        return m.group(1)

    def login(self, email, password):
        token = self.csrf_from("/login")
        r = self.post("/login", form={"email": email, "password": password,
                                      "csrf_token": token, "next": "/"})
        if r.status != 303:
            raise AssertionError("sign-in failed with %d: %s" % (r.status, r.text[:500]))
        return r


class ServerTestCase(unittest.TestCase):
    """One demo database and one server for the whole class; each test
    gets self.server, self.demo and a fresh self.client(). SERVER_ARGS:
    more `cosoc serve` options for the class's server."""

    SERVER_ARGS = ()

    @classmethod
    def setUpClass(cls):
        cls.tmpdir = tempfile.mkdtemp(prefix="cosoc-http-")
        cls.demo = Demo(cls.tmpdir)
        cls.server = Server(cls.demo.path, cls.SERVER_ARGS).start()
        cls._admin_token = None

    @classmethod
    def tearDownClass(cls):
        try:
            cls.server.stop()
        finally:
            drop_database(cls.demo.path)
            shutil.rmtree(cls.tmpdir, ignore_errors=True)

    def client(self):
        c = self.server.client()
        self.addCleanup(c.close)
        return c

    def admin(self):
        c = self.client()
        c.login(self.demo.email, self.demo.password)
        return c

    @classmethod
    def add_user(cls, email, name, role, password="clave-de-prueba-1"):
        run_cli("user", "add", "--db", cls.demo.path, "--email", email,
                "--name", name, "--role", role, env={"COSOC_PASSWORD": password},
                check=0)
        return password

    @classmethod
    def token_for(cls, email):
        out = run_cli("token", "create", "--db", cls.demo.path, "--email", email,
                      check=0).stdout
        return out.strip().split()[-1]

    @property
    def admin_token(self):
        """An API token of the demo's officer, made on first use."""
        cls = type(self)
        if cls._admin_token is None:
            cls._admin_token = cls.token_for(cls.demo.email)
        return cls._admin_token

    def held_session(self, title, days_ago=30, present=True, lines=()):
        """A council session held days_ago (so it may be «realizada»,
        adopt agreements and approve an acta), with every councillor in
        office present (quorum) unless present is False. Its id."""
        day = (datetime.date.today() - datetime.timedelta(days=days_ago)).isoformat()
        r = self.api("POST", "/api/activities", {
            "kind": "sesion_ordinaria", "title": title,
            "start": day + "T10:00:00-03:00", "end": day + "T12:00:00-03:00",
            "commune": "04101", "modality": "presencial", "status": "realizada",
            "plan_lines": list(lines), "public": True})
        if r.status != 201:
            raise AssertionError("held_session: %d %s" % (r.status, r.text))
        aid = r.json()["id"]
        if present:
            members = self.api("GET", "/api/members").json()
            r = self.api("POST", "/api/activities/%d/attendance" % aid,
                         [{"member_id": m["id"], "status": "presente"} for m in members])
            if r.status != 200:
                raise AssertionError("held_session attendance: %d %s" % (r.status, r.text))
        return aid

    def api(self, method, path, body=None, token=None):
        """A JSON request with a bearer token (the officer's unless given)."""
        return self.client().request(
            method, path, json_body=body,
            headers={"Authorization": "Bearer " + (token or self.admin_token)})


class TwoServerTestCase(ServerTestCase):
    """ServerTestCase with a second server, self.other, on the same
    database: what one server keeps in memory must never hide what was
    written through the other."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other = Server(cls.demo.path).start()

    @classmethod
    def tearDownClass(cls):
        try:
            cls.other.stop()
        finally:
            super().tearDownClass()
