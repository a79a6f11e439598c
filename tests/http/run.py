"""
Runs every tests/http/test_*.py with unittest and prints the closing
"RESULT <passed> <failed>" line that scripts/run-tests.sh adds up.
"""
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

pattern = os.environ.get("COSOC_HTTP_TESTS", "test_*.py")
suite = unittest.defaultTestLoader.discover(HERE, pattern=pattern, top_level_dir=HERE)
result = unittest.TextTestRunner(verbosity=2, stream=sys.stdout).run(suite)
bad = len(result.failures) + len(result.errors) + len(result.unexpectedSuccesses)
good = result.testsRun - bad - len(result.skipped)
print("RESULT %d %d" % (good, bad))
sys.exit(0 if bad == 0 else 1)
