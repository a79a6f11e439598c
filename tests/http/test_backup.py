"""
cosoc backup: a copy made while the server is writing holds everything
written before it, and a server started on the restored copy serves it.
SQLite uses the online backup API; PostgreSQL, pg_dump and pg_restore.
"""
import os
import sqlite3
import subprocess
import threading

from support import (Server, ServerTestCase, drop_database, new_database, run_cli,
                     sqlite_only)


class Backup(ServerTestCase):
    def sign_in_loop(self, stop, errors):
        """Keeps the server writing (sessions, sign-in attempts)."""
        c = self.server.client()
        try:
            while not stop.is_set():
                c.cookies.clear()
                c.login(self.demo.email, self.demo.password)
        except Exception as e:  # reported by the test, not lost in a thread
            errors.append(e)
        finally:
            c.close()

    def test_backup_while_serving_restores_to_a_working_installation(self):
        password = self.add_user("respaldo@ejemplo.cl", "Rosa Respaldo", "consejero")
        stop, errors = threading.Event(), []
        writer = threading.Thread(target=self.sign_in_loop, args=(stop, errors))
        writer.start()
        try:
            backup = os.path.join(self.tmpdir, "respaldo.db")
            out = run_cli("backup", backup, "--db", self.demo.path, check=0).stdout
            self.assertIn("Respaldo creado", out)
        finally:
            stop.set()
            writer.join()
        self.assertEqual(errors, [])
        restored = new_database(self.tmpdir, "restaurada")
        try:
            if self.demo.is_postgres:
                subprocess.run(["/usr/bin/pg_restore", "--no-owner", "--dbname",
                                restored, backup], check=True, capture_output=True,
                               timeout=120)
            else:
                with sqlite3.connect(backup) as db:
                    self.assertEqual(db.execute("PRAGMA integrity_check").fetchone()[0], "ok")
                    self.assertEqual(db.execute("SELECT name FROM users WHERE email = ?",
                                                ("respaldo@ejemplo.cl",)).fetchone()[0],
                                     "Rosa Respaldo")
                db.close()
                os.replace(backup, restored)
            with Server(restored) as server:
                c = server.client()
                c.login("respaldo@ejemplo.cl", password)
                self.assertEqual(c.get("/cuenta").status, 200)
                c.close()
        finally:
            drop_database(restored)

    @sqlite_only()
    def test_backup_of_a_missing_database_creates_nothing(self):
        missing = os.path.join(self.tmpdir, "no-existe.db")
        out = os.path.join(self.tmpdir, "copia.db")
        p = run_cli("backup", out, "--db", missing, check=1)
        self.assertIn("no existe", p.stderr)
        self.assertFalse(os.path.exists(missing))
        self.assertFalse(os.path.exists(out))

    def test_backup_needs_a_file_name(self):
        p = run_cli("backup", "--db", self.demo.path, check=2)
        self.assertIn("ARCHIVO", p.stderr)
