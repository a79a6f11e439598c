"""
The layer check (scripts/check-layers.py): src/ keeps the rule, and the
check really fails when a copy of src/ gets an include that goes up, names
a folder with no place in the layers, or keeps an exception nobody uses.

Run alone: python3 tests/layers/test_layers.py (prints the closing
"RESULT <passed> <failed>" line that scripts/run-tests.sh adds up).
"""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SCRIPT = os.path.join(ROOT, "scripts", "check-layers.py")
SRC = os.path.join(ROOT, "src")


def run_check(src):
    p = subprocess.run([sys.executable, SCRIPT, src], capture_output=True,
                       text=True, timeout=60)
    return p.returncode, p.stdout + p.stderr


class LayerCheck(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="cosoc-layers-")
        self.src = os.path.join(self.tmp, "src")
        shutil.copytree(SRC, self.src,
                        ignore=shutil.ignore_patterns("*.sql", "static"))

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def append(self, rel, text):
        path = os.path.join(self.src, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(text)

    def test_the_source_tree_keeps_the_layer_rule(self):
        rc, out = run_check(SRC)
        self.assertEqual(rc, 0, out)
        self.assertIn("ninguna hacia arriba", out)

    def test_the_copy_passes_before_it_is_changed(self):
        rc, out = run_check(self.src)
        self.assertEqual(rc, 0, out)

    def test_an_upward_include_fails_and_names_the_file_and_the_rule(self):
        # render/ may include domain/ and util/ only: a page is two layers up.
        self.append("render/html.c", '\n#include "pages/page.h"\n')
        rc, out = run_check(self.src)
        self.assertEqual(rc, 1, out)
        self.assertRegex(out, r"src/render/html\.c:\d+: render/ no puede "
                              r"incluir pages/page\.h")
        self.assertIn("domain/, util/", out)

    def test_the_old_circle_between_http_and_pages_fails(self):
        self.append("http/router.c", '#include "pages/routes.h"\n')
        rc, out = run_check(self.src)
        self.assertEqual(rc, 1, out)
        self.assertIn("src/http/router.c", out)

    def test_a_store_including_a_page_fails(self):
        self.append("store/plan/plan_store.c",
                    '#include "pages/plan/plan_pages.h"\n')
        rc, out = run_check(self.src)
        self.assertEqual(rc, 1, out)
        self.assertIn("store/ no puede incluir pages/plan/plan_pages.h", out)

    def test_a_downward_include_in_a_new_file_passes(self):
        self.append("pages/site/new_page.c",
                    '#include "pages/page.h"\n#include "store/plan/plan_store.h"\n'
                    '#include "domain/user.h"\n')
        rc, out = run_check(self.src)
        self.assertEqual(rc, 0, out)

    def test_a_folder_with_no_place_in_the_layers_fails(self):
        self.append("council/council.c", '#include "util/arena.h"\n')
        rc, out = run_check(self.src)
        self.assertEqual(rc, 1, out)
        self.assertIn("src/council/", out)

    def load_check(self):
        import importlib.util
        spec = importlib.util.spec_from_file_location("check_layers", SCRIPT)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        return mod

    def test_an_exception_nobody_uses_any_more_fails(self):
        mod = self.load_check()
        mod.EXCEPTIONS = {("mail/sample.c", "store/accounts/accounts.h"):
                          "the council's name (gone with the council module)"}
        _, problems = mod.check(self.src)
        self.assertTrue(any("ya no se usa" in p for p in problems), problems)
        # The include it excused is allowed while it stands.
        self.append("mail/sample.c", '#include "store/accounts/accounts.h"\n')
        _, problems = mod.check(self.src)
        self.assertEqual(problems, [])

    def test_sql_in_a_page_fails_and_says_where_it_goes(self):
        self.append("pages/site/home.c",
                    '\nstatic void x(Db *pDb) { db_prepare(pDb, "SELECT 1"); }\n')
        rc, out = run_check(self.src)
        self.assertEqual(rc, 1, out)
        self.assertRegex(out, r"src/pages/site/home\.c:\d+: pages/ no puede "
                              r"llamar db_prepare\(\)")
        self.assertIn("store/", out)

    def test_a_store_may_run_sql(self):
        self.append("store/plan/plan_store.c",
                    '\nstatic void x2(Db *pDb) { db_prepare(pDb, "SELECT 1"); }\n')
        rc, out = run_check(self.src)
        self.assertEqual(rc, 0, out)

    def test_a_matrix_with_a_circle_is_refused(self):
        mod = self.load_check()
        self.assertIsNone(mod.matrix_problem())
        mod.ALLOWED["util"] = {"render"}  # render already reaches util
        self.assertIn("círculo", mod.matrix_problem())


if __name__ == "__main__":
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(LayerCheck)
    result = unittest.TextTestRunner(verbosity=2, stream=sys.stdout).run(suite)
    bad = len(result.failures) + len(result.errors)
    good = result.testsRun - bad - len(result.skipped)
    print("RESULT %d %d" % (good, bad))
    sys.exit(0 if bad == 0 else 1)
