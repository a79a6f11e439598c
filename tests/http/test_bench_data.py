"""
cosoc bench-data (issue 9): the synthetic national data set has the size
it promises, is the same on every run, and the app serves it. Also cosoc
compliance-summary, the national view `make bench` times.
"""
import hashlib
import re
import shutil
import subprocess
import tempfile
import unittest

from support import (PSQL, Server, drop_database, new_database, query_one, run_cli)

# What the generator decides, without creation instants, random tokens or
# the administrator's password: equal dumps mean equal content.
DUMPS = [
    "SELECT name, short_name, region_code FROM councils ORDER BY id",
    "SELECT council_id, name, kind, rut, commune_code FROM organizations ORDER BY id",
    "SELECT council_id, first_names, last_names, run, commune_code, council_role, "
    "titular, substitute_for FROM members ORDER BY id",
    "SELECT p.council_id, v.number, v.title, v.period_start, v.period_end, v.content_hash, "
    "v.approved FROM plan_versions v JOIN plans p ON p.id = v.plan_id ORDER BY v.id",
    "SELECT council_id, kind, title, starts_at, ends_at, modality, commune_code, status "
    "FROM activities ORDER BY id",
    "SELECT activity_id, line_number FROM activity_plan_lines ORDER BY activity_id, line_number",
    "SELECT activity_id, member_id, status, reason FROM attendance ORDER BY id",
    "SELECT activity_id, body, due_date, state FROM agreements ORDER BY id",
    "SELECT activity_id, state, approved_in FROM actas ORDER BY id",
    "SELECT activity_id, kind, file_sha256, filename, is_public FROM evidence_items ORDER BY id",
]


def rows(target, sql):
    """Every row of a query as text lines (SQLite file or PostgreSQL URL)."""
    if target.startswith("postgresql://"):
        return subprocess.run([PSQL, "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
                               "-d", target, "-c", sql], check=True, capture_output=True,
                              text=True, timeout=60).stdout.splitlines()
    import sqlite3
    with sqlite3.connect(target) as db:
        return ["|".join("" if v is None else str(v) for v in r) for r in db.execute(sql)]


def content_hash(target):
    h = hashlib.sha256()
    for sql in DUMPS:
        for line in rows(target, sql):
            h.update(line.encode() + b"\n")
    return h.hexdigest()


def count(target, table):
    return int(query_one(target, "SELECT count(*) FROM " + table))


class BenchData(unittest.TestCase):
    def setUp(self):
        self.tmpdir = tempfile.mkdtemp(prefix="cosoc-bench-data-")
        self.dbs = []

    def tearDown(self):
        for db in self.dbs:
            drop_database(db)
        shutil.rmtree(self.tmpdir, ignore_errors=True)

    def generate(self, name, *args):
        db = new_database(self.tmpdir, name)
        self.dbs.append(db)
        out = run_cli("bench-data", "--db", db, *args, check=0).stdout
        return db, out

    def test_two_councils_have_the_promised_size_and_print_it(self):
        db, out = self.generate("dos", "--councils", "2")
        self.assertEqual(count(db, "councils"), 2)
        self.assertEqual(rows(db, "SELECT region_code FROM councils ORDER BY id"), ["04", "01"])
        self.assertEqual(count(db, "members"), 60)
        self.assertEqual(count(db, "plan_versions"), 2)
        self.assertEqual(count(db, "activities"), 120)
        held = int(query_one(db, "SELECT count(*) FROM activities WHERE status = 'realizada'"))
        self.assertGreater(held, 90)
        self.assertEqual(count(db, "attendance"), 25 * held)
        self.assertGreater(count(db, "agreements"), 0)
        self.assertGreater(count(db, "actas"), 0)
        # Every image is its own file: content addressing folds nothing.
        self.assertGreater(count(db, "evidence_items"), held)
        self.assertEqual(count(db, "evidence_files"), count(db, "evidence_items"))
        # Communes of each council's own region.
        self.assertEqual(query_one(
            db, "SELECT count(*) FROM activities a JOIN councils c ON c.id = a.council_id "
                "WHERE substr(a.commune_code, 1, 2) <> c.region_code"), "0")
        self.assertIn("Consejos: 2; años: 1", out)
        self.assertRegex(out, r"asistencia\s+%d" % (25 * held))
        self.assertRegex(out, r"Tamaño: [\d.]+ MB")

    def test_two_runs_write_the_same_content(self):
        first, _ = self.generate("uno", "--councils", "2")
        second, _ = self.generate("otro", "--councils", "2")
        self.assertEqual(content_hash(first), content_hash(second))

    def test_years_add_one_approved_plan_per_year_the_latest_the_real_period(self):
        db, _ = self.generate("anos", "--councils", "1", "--years", "2")
        self.assertEqual(rows(db, "SELECT period_start || ' ' || period_end FROM plan_versions "
                                  "ORDER BY number"),
                         ["2023-01-01 2024-12-31", "2024-01-01 2025-12-31"])
        self.assertEqual(count(db, "activities"), 120)
        self.assertEqual(query_one(db, "SELECT count(*) FROM plan_versions WHERE approved = 1"),
                         "2")

    def test_refuses_a_database_with_data_and_bad_counts(self):
        db, _ = self.generate("lleno", "--councils", "1")
        p = run_cli("bench-data", "--db", db, "--councils", "1", check=1)
        self.assertIn("ya tiene datos", p.stderr)
        self.assertEqual(count(db, "councils"), 1)
        p = run_cli("bench-data", "--db", db, "--councils", "65", check=2)
        self.assertIn("entre 1 y 64", p.stderr)
        self.assertIn("--councils", run_cli("bench-data", "--help", check=0).stdout)

    def test_the_app_serves_the_data_set_and_the_national_summary_counts_every_council(self):
        db, out = self.generate("servido", "--councils", "2")
        email = re.search(r"Administrador: (\S+)", out).group(1)
        password = re.search(r"Contraseña: (\S+)", out).group(1)
        with Server(db) as server:
            c = server.client()
            r = c.get("/api/compliance?as_of=2025-06-30")
            self.assertEqual(r.status, 200)
            lines = r.json()["lines"]
            self.assertEqual(len(lines), 10)
            self.assertTrue(any(line["qualifying"] > 0 for line in lines))
            r = c.get("/api/plan?council=2")
            self.assertEqual(r.status, 200)
            self.assertEqual(r.json()["period"], {"start": "2024-01-01", "end": "2025-12-31"})
            self.assertIn("BEGIN:VCALENDAR", c.get("/calendario.ics").text)
            c.login(email, password)
            r = c.get("/")
            self.assertIn('href="/informe-cumplimiento.pdf"', r.text)
            self.assertEqual(c.get("/informe-cumplimiento.pdf").body[:4], b"%PDF")
            c.close()
        out = run_cli("compliance-summary", "--db", db, "--as-of", "2025-06-30", check=0).stdout
        self.assertIn("COSOC Minvu Serviu Coquimbo", out)
        self.assertIn("COSOC Minvu Serviu Tarapacá", out)
        self.assertIn("total nacional (2 consejos)", out)
        total = re.search(r"^\s*(\d+) .*total nacional", out, re.M).group(1)
        self.assertEqual(total, "20")
        run_cli("compliance-summary", "--db", db, "--as-of", "30-06-2025", check=2)


if __name__ == "__main__":
    unittest.main()
