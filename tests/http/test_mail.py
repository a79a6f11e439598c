"""
Mail through a real SMTP server on loopback (aiosmtpd, tests/http/smtp_sink.py):
the outbox is sent once with correct UTF-8 and a calendar invitation that
libical-independent code (python3-icalendar) reads; a stopped server means
retries, then `fallido` with a Spanish reason on /admin/correo; two senders
never send one message twice; a killed server loses nothing and sends
nothing twice.
"""
import os
import re
import shutil
import subprocess
import tempfile
import time
import unittest

from icalendar import Calendar

import support
from smtp_sink import SmtpSink, free_port
from support import BIN, SANITIZER_MARKS, Demo, Server, run_cli

FAST = ["--mail-poll-seconds", "1", "--mail-retry-seconds", "1"]


def outbox(db):
    """[(id, state, attempts, to, subject, error)] from `cosoc mail list`."""
    out = run_cli("mail", "list", "--db", db, check=0).stdout
    rows = []
    for line in out.splitlines():
        f = line.split("\t")
        rows.append((int(f[0]), f[1], int(f[2]), f[3], f[4], f[5]))
    return rows


def wait_until(predicate, timeout=30, what="condition"):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError("timed out waiting for " + what)


def queue_test_via_page(client, to):
    token = client.csrf_from("/admin/correo")
    r = client.post("/admin/correo", form={"accion": "prueba", "to": to,
                                            "csrf_token": token})
    if r.status != 303:
        raise AssertionError("queuing failed with %d: %s" % (r.status, r.text[:400]))


class MailCase(unittest.TestCase):
    def setUp(self):
        self.tmpdir = tempfile.mkdtemp(prefix="cosoc-mail-")
        self.addCleanup(shutil.rmtree, self.tmpdir, True)
        self.demo = Demo(self.tmpdir)
        # On PostgreSQL (once support.py has it) the demo is a database of
        # its own: dropped last, after the servers using it have stopped.
        drop = getattr(support, "drop_database", None)
        if drop:
            self.addCleanup(drop, self.demo.path)

    def sink(self, port=None, start=True):
        s = SmtpSink(port=port)
        self.addCleanup(s.cleanup)
        return s.start() if start else s

    def server(self, smtp_url, *extra):
        args = ["--smtp", smtp_url, *FAST, *extra] if smtp_url else list(extra)
        srv = Server(self.demo.path, extra_args=args,
                     env={"COSOC_MAIL_FROM": "COSOC Coquimbo <cosoc@example.cl>"})
        srv.start()
        self.addCleanup(lambda: srv.proc and srv.stop())
        return srv

    def admin(self, srv):
        c = srv.client()
        self.addCleanup(c.close)
        c.login(self.demo.email, self.demo.password)
        return c


class Delivery(MailCase):
    def test_server_sends_queued_mail_once_with_spanish_text_and_invitation(self):
        sink = self.sink()
        # A long poll: the page wakes the sender, so the mail goes at once.
        srv = self.server(sink.url, "--mail-poll-seconds", "600")
        c = self.admin(srv)
        time.sleep(1)  # Past the sender's first look at the empty outbox
        queue_test_via_page(c, "maria.rojas@example.cl")
        msg = sink.wait_for(1, timeout=10)[0]
        self.assertEqual(msg["To"], "maria.rojas@example.cl")
        self.assertEqual(str(msg["Subject"]), "Prueba de correo de cosoc: citación de ejemplo")
        self.assertIn("cosoc@example.cl", msg["From"])
        self.assertEqual(msg["From"].addresses[0].display_name, "COSOC Coquimbo")
        self.assertRegex(msg["Message-ID"], r"^<[0-9a-f]{32}@example\.cl>$")
        self.assertRegex(msg["Date"], r"[-+]0[34]00$")
        plain = msg.get_body(("plain",)).get_content()
        self.assertIn("acción, reunión, año", plain)
        html = msg.get_body(("html",)).get_content()
        self.assertIn("<strong>COSOC Minvu Serviu Coquimbo</strong>", html)
        files = [p for p in msg.iter_attachments()]
        self.assertEqual([p.get_filename() for p in files], ["invitacion.ics"])
        ics = files[0]
        self.assertEqual(ics.get_content_type(), "text/calendar")
        self.assertEqual(ics.get_param("method"), "REQUEST")
        cal = Calendar.from_ical(ics.get_payload(decode=True))
        self.assertEqual(str(cal["METHOD"]), "REQUEST")
        events = list(cal.walk("VEVENT"))
        self.assertEqual(len(events), 1)
        self.assertIn("Reunión de prueba", str(events[0]["SUMMARY"]))
        self.assertEqual(str(events[0]["ORGANIZER"]), "mailto:cosoc@example.cl")
        self.assertEqual(str(events[0]["ATTENDEE"]), "mailto:maria.rojas@example.cl")
        self.assertLess(events[0].decoded("DTSTART"), events[0].decoded("DTEND"))
        # The same invitation inline, for calendar clients.
        inline = [p for p in msg.walk() if p.get_content_type() == "text/calendar"
                  and p.get_filename() is None]
        self.assertEqual(len(inline), 1)
        # Sent once: later polls find nothing more to send.
        time.sleep(2.5)
        self.assertEqual(len(sink.messages()), 1)
        page = c.get("/admin/correo").text
        self.assertIn('data-state="enviado"', page)
        self.assertIn("Enviado", page)
        self.assertEqual([r[1] for r in outbox(self.demo.path)], ["enviado"])

    def test_the_page_says_when_no_smtp_server_is_configured(self):
        srv = self.server(None)
        c = self.admin(srv)
        queue_test_via_page(c, "ana@example.cl")
        page = c.get("/admin/correo").text
        self.assertIn("no tiene configurado un servidor de correo", page)
        self.assertIn('data-state="pendiente"', page)

    def test_a_bad_address_is_refused_with_the_form_and_nothing_queued(self):
        srv = self.server(None)
        c = self.admin(srv)
        token = c.csrf_from("/admin/correo")
        r = c.post("/admin/correo", form={"accion": "prueba", "to": "no es un correo",
                                           "csrf_token": token})
        self.assertEqual(r.status, 422)
        self.assertIn("correo electrónico", r.text)
        self.assertEqual(outbox(self.demo.path), [])

    def test_the_outbox_page_is_for_the_officer_only(self):
        srv = self.server(None)
        c = srv.client()
        self.addCleanup(c.close)
        r = c.get("/admin/correo")
        self.assertIn(r.status, (303, 401, 403))
        r = c.post("/admin/correo", form={"accion": "prueba", "to": "x@example.cl"})
        self.assertIn(r.status, (401, 403))
        self.assertEqual(outbox(self.demo.path), [])


    def test_the_api_lists_the_outbox_for_the_officer_only(self):
        srv = self.server(None)
        run_cli("mail", "queue-test", "--db", self.demo.path, "--to", "ana@example.cl",
                check=0)
        token = srv.client()
        self.addCleanup(token.close)
        admin_token = support.run_cli("token", "create", "--db", self.demo.path,
                                      "--email", self.demo.email,
                                      check=0).stdout.strip().split()[-1]
        r = token.get("/api/mail", headers={"Authorization": "Bearer " + admin_token})
        self.assertEqual(r.status, 200)
        rows = r.json()
        self.assertEqual(len(rows), 1)
        self.assertEqual(rows[0]["to"], "ana@example.cl")
        self.assertEqual(rows[0]["state"], "pendiente")
        self.assertEqual(rows[0]["attempts"], 0)
        self.assertEqual(rows[0]["error"], "")
        self.assertIsNone(rows[0]["sent"])
        self.assertRegex(rows[0]["created"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d-0[34]:00$")
        self.assertEqual(rows[0]["related"]["kind"], "prueba")
        r = token.get("/api/mail?kind=actividad&id=12",
                      headers={"Authorization": "Bearer " + admin_token})
        self.assertEqual(r.json(), [])
        r = token.get("/api/mail?kind=actividad&id=doce",
                      headers={"Authorization": "Bearer " + admin_token})
        self.assertEqual(r.status, 400)
        self.assertEqual(r.json()["field"], "id")
        self.assertEqual(token.get("/api/mail").status, 401)


class Failures(MailCase):
    def test_smtp_down_means_retries_then_failed_with_a_spanish_reason(self):
        port = free_port()  # Nothing listens there
        srv = self.server("smtp://127.0.0.1:%d" % port, "--mail-max-attempts", "3")
        c = self.admin(srv)
        queue_test_via_page(c, "pedro@example.cl")
        row = wait_until(lambda: [r for r in outbox(self.demo.path) if r[1] == "fallido"],
                         timeout=40, what="fallido")[0]
        self.assertEqual(row[2], 3)
        self.assertIn("No se pudo conectar con el servidor de correo", row[5])
        page = c.get("/admin/correo").text
        self.assertIn('data-state="fallido"', page)
        self.assertIn("No se pudo conectar con el servidor de correo", page)
        self.assertIn("Reintentar", page)
        # The officer retries once the server is back: it arrives.
        sink = self.sink(port=port)
        token = c.csrf_from("/admin/correo")
        r = c.post("/admin/correo", form={"accion": "reintentar", "id": str(row[0]),
                                           "csrf_token": token})
        self.assertEqual(r.status, 303)
        self.assertEqual(len(sink.wait_for(1)), 1)
        wait_until(lambda: outbox(self.demo.path)[0][1] == "enviado", what="enviado")

    def test_a_stopped_smtp_server_leaves_mail_pending_until_it_is_back(self):
        port = free_port()
        srv = self.server("smtp://127.0.0.1:%d" % port, "--mail-max-attempts", "20")
        c = self.admin(srv)
        queue_test_via_page(c, "luisa@example.cl")
        wait_until(lambda: outbox(self.demo.path)[0][2] >= 1, what="a failed attempt")
        page = c.get("/admin/correo").text
        self.assertIn('data-state="pendiente"', page)
        self.assertIn("Próximo intento", page)
        sink = self.sink(port=port)
        msgs = sink.wait_for(1, timeout=40)
        self.assertEqual(msgs[0]["To"], "luisa@example.cl")
        time.sleep(2)
        self.assertEqual(len(sink.messages()), 1)

    def test_a_refused_recipient_fails_at_once_without_retrying(self):
        sink = self.sink()
        run_cli("mail", "queue-test", "--db", self.demo.path, "--to",
                "rechazado@example.cl", check=0)
        p = run_cli("mail", "send-pending", "--db", self.demo.path, "--smtp", sink.url)
        self.assertEqual(p.returncode, 1)
        row = outbox(self.demo.path)[0]
        self.assertEqual(row[1:3], ("fallido", 1))
        self.assertIn("rechazó", row[5])
        self.assertIn("550", row[5])
        self.assertEqual(sink.messages(), [])


    def test_sigterm_stops_at_once_even_with_a_silent_smtp_server(self):
        import socket
        silent = socket.socket()
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)  # Connections complete, but nobody ever answers
        self.addCleanup(silent.close)
        srv = self.server("smtp://127.0.0.1:%d" % silent.getsockname()[1])
        c = self.admin(srv)
        queue_test_via_page(c, "ana@example.cl")
        c.close()
        time.sleep(2.5)  # The sender is now waiting for the greeting
        started = time.time()
        out = srv.stop()
        self.assertLess(time.time() - started, 10)
        self.assertIn("interrumpido", out)
        row = outbox(self.demo.path)[0]
        self.assertEqual(row[1:3], ("pendiente", 0))


class ExactlyOnce(MailCase):
    def test_one_idempotency_key_is_queued_once(self):
        for _ in range(2):
            run_cli("mail", "queue-test", "--db", self.demo.path, "--to",
                    "ana@example.cl", "--key", "citacion:1:0:ana@example.cl", check=0)
        self.assertEqual(len(outbox(self.demo.path)), 1)

    def test_two_senders_at_once_never_send_the_same_message_twice(self):
        n = 24
        for i in range(n):
            run_cli("mail", "queue-test", "--db", self.demo.path, "--to",
                    "persona%02d@example.cl" % i, check=0)
        sink = self.sink()
        env = dict(os.environ)
        env.pop("COSOC_DB", None)
        procs = [subprocess.Popen([BIN, "mail", "send-pending", "--db", self.demo.path,
                                   "--smtp", sink.url], env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for _ in range(2)]
        outs = [p.communicate(timeout=120) for p in procs]
        for p, (out, err) in zip(procs, outs):
            for mark in SANITIZER_MARKS:
                self.assertNotIn(mark, err)
            self.assertEqual(p.returncode, 0, err)
        sent = [int(re.search(r"enviados: (\d+)", o).group(1)) for o, _ in outs]
        self.assertEqual(sum(sent), n)
        msgs = sink.messages()
        self.assertEqual(len(msgs), n)
        self.assertEqual(len({m["Message-ID"] for m in msgs}), n)
        self.assertEqual(sorted(m["To"] for m in msgs),
                         ["persona%02d@example.cl" % i for i in range(n)])
        self.assertEqual({r[1] for r in outbox(self.demo.path)}, {"enviado"})

    def test_a_killed_server_loses_no_mail_and_sends_none_twice(self):
        port = free_port()
        srv = self.server("smtp://127.0.0.1:%d" % port, "--mail-max-attempts", "20")
        c = self.admin(srv)
        for who in ("uno", "dos", "tres"):
            queue_test_via_page(c, "%s@example.cl" % who)
        wait_until(lambda: all(r[2] >= 1 for r in outbox(self.demo.path)),
                   what="every message tried once")
        c.close()
        srv.kill()
        sink = self.sink(port=port)
        self.server(sink.url, "--mail-max-attempts", "20")
        msgs = sink.wait_for(3, timeout=40)
        time.sleep(2.5)
        msgs = sink.messages()
        self.assertEqual(sorted(m["To"] for m in msgs),
                         ["dos@example.cl", "tres@example.cl", "uno@example.cl"])
        self.assertEqual({r[1] for r in outbox(self.demo.path)}, {"enviado"})


class Cli(unittest.TestCase):
    def test_mail_commands_have_help_and_check_their_url(self):
        self.assertEqual(run_cli("mail", "--help").returncode, 0)
        self.assertEqual(run_cli("mail", "send-pending", "--help").returncode, 0)
        p = run_cli("mail", "send-pending", "--db", "/nonexistent/x.db", "--smtp", "http://x")
        self.assertEqual(p.returncode, 2)
        self.assertIn("smtp://", p.stderr)
        p = run_cli("serve", "--smtp", "ftp://x", "--db", "/nonexistent/nada.db")
        self.assertEqual(p.returncode, 2)
