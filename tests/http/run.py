"""
Runs every tests/http/test_*.py with unittest (or those COSOC_HTTP_TESTS
names: file globs separated by spaces) and prints the closing
"RESULT <passed> <failed>" line that scripts/run-tests.sh adds up.
"""
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

# One file glob, or several separated by spaces.
patterns = os.environ.get("COSOC_HTTP_TESTS", "test_*.py").split()
suite = unittest.TestSuite(
    unittest.defaultTestLoader.discover(HERE, pattern=p, top_level_dir=HERE)
    for p in patterns)
result = unittest.TextTestRunner(verbosity=2, stream=sys.stdout).run(suite)
bad = len(result.failures) + len(result.errors) + len(result.unexpectedSuccesses)
good = result.testsRun - bad - len(result.skipped)
print("RESULT %d %d" % (good, bad))
sys.exit(0 if bad == 0 else 1)
