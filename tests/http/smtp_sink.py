"""
A real SMTP server on loopback for the mail tests: Debian's aiosmtpd, run
as a separate process (so a test can kill it and start it again on the same
port), storing every message it accepts as a file in a folder.

    with SmtpSink() as sink:          # free port, temporary folder
        ... cosoc ... --smtp sink.url
        msgs = sink.wait_for(2)       # [email.message.EmailMessage]

A recipient whose address starts with "rechazado" is refused with 550.
"""
import email
import email.policy
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SmtpSink:
    def __init__(self, port=None, folder=None):
        self.port = port or free_port()
        self.own_folder = folder is None
        self.folder = folder or tempfile.mkdtemp(prefix="cosoc-smtp-")
        self.proc = None

    @property
    def url(self):
        return "smtp://127.0.0.1:%d" % self.port

    def start(self):
        self.proc = subprocess.Popen(
            ["/usr/bin/python3", os.path.join(HERE, "smtp_sink.py"),
             str(self.port), self.folder],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.time() + 20
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError("smtp sink exited: %s" % self.proc.stderr.read().decode())
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as s:
                    s.recv(100)  # The 220 greeting: really serving
                    return self
            except OSError:
                time.sleep(0.05)
        raise AssertionError("smtp sink did not start")

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait()
        if self.proc:
            self.proc.stderr.close()
        self.proc = None

    def cleanup(self):
        self.stop()
        if self.own_folder:
            shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.cleanup()

    def raw_messages(self):
        """[(recipients, bytes)] in arrival order."""
        out = []
        for name in sorted(n for n in os.listdir(self.folder) if n.endswith(".eml")):
            with open(os.path.join(self.folder, name), "rb") as f:
                rcpt, _, data = f.read().partition(b"\n")
            out.append((rcpt.decode().split(","), data))
        return out

    def messages(self):
        return [email.message_from_bytes(data, policy=email.policy.default)
                for _, data in self.raw_messages()]

    def wait_for(self, n, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            msgs = self.messages()
            if len(msgs) >= n:
                return msgs
            time.sleep(0.1)
        raise AssertionError("expected %d messages, got %d" % (n, len(self.messages())))


def _serve(port, folder):
    import asyncio
    from aiosmtpd.controller import Controller  # noqa: F401 (import check)
    from aiosmtpd.smtp import SMTP

    counter = [0]

    class Handler:
        async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
            if address.lower().startswith("rechazado"):
                return "550 5.1.1 No existe ese buzón"
            envelope.rcpt_tos.append(address)
            return "250 OK"

        async def handle_DATA(self, server, session, envelope):
            counter[0] += 1
            name = "%06d-%d" % (counter[0], os.getpid())
            tmp = os.path.join(folder, name + ".tmp")
            with open(tmp, "wb") as f:
                f.write(",".join(envelope.rcpt_tos).encode() + b"\n")
                f.write(envelope.original_content or envelope.content)
                f.flush()
                os.fsync(f.fileno())
            os.rename(tmp, os.path.join(folder, name + ".eml"))
            return "250 2.0.0 Aceptado"

    async def main():
        loop = asyncio.get_running_loop()
        server = await loop.create_server(
            lambda: SMTP(Handler(), decode_data=False, enable_SMTPUTF8=True),
            host="127.0.0.1", port=port, reuse_address=True)
        async with server:
            await server.serve_forever()

    asyncio.run(main())


if __name__ == "__main__":
    _serve(int(sys.argv[1]), sys.argv[2])
