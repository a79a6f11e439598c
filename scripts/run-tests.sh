#!/usr/bin/env bash
# Runs cosoc's tests and ends with one line: "N passed, N failed".
#
#   scripts/run-tests.sh layers the layer rule of src/ (scripts/check-layers.py)
#                               and the tests that prove the check can fail
#   scripts/run-tests.sh unit   cmocka programs under build/check/tests/
#   scripts/run-tests.sh http   tests/http/test_*.py: the real binary over
#                               loopback (Debian's /usr/bin/python3, stdlib)
#   scripts/run-tests.sh tsan   the HTTP tests that load the server from
#                               many threads at once, against the
#                               ThreadSanitizer build (build/tsan/cosoc)
#   scripts/run-tests.sh e2e    tests/e2e/test_*.mjs: Debian's Chromium
#                               driven by playwright-core
#   scripts/run-tests.sh pg     on a throw-away PostgreSQL (scripts/pg-test.sh):
#                               the unit tests that open their database with
#                               test_db_open() and the whole HTTP suite again,
#                               with COSOC_TEST_PG_URL set
#   scripts/run-tests.sh all    all of the above (make check)
#
# The binary under test is build/check/cosoc (sanitizers on); make check
# builds it first. Exit status 1 when anything failed or nothing ran.
set -uo pipefail
cd "$(dirname "$0")/.."

suite=${1:-all}
passed=0
failed=0
failures=()
export COSOC_BIN=${COSOC_BIN:-$PWD/build/check/cosoc}
# Leaks are reported at exit; a report fails the test that caused it.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:exitcode=86}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
LOGDIR=${COSOC_TEST_LOGS:-build/test-logs}
mkdir -p "$LOGDIR"

# Adds the counts printed on a "RESULT <passed> <failed>" line.
count_result() {
  local log=$1 name=$2 line
  line=$(grep -E '^RESULT [0-9]+ [0-9]+$' "$log" | tail -n 1)
  if [ -z "$line" ]; then
    failed=$((failed + 1)); failures+=("$name (no terminó)")
    return
  fi
  set -- $line
  passed=$((passed + $2)); failed=$((failed + $3))
  [ "$3" -gt 0 ] && failures+=("$name")
  return 0
}

# run_unit [LABEL [BINARY…]]: every unit program, or the ones named.
run_unit() {
  local label=${1:-unit} t name log p f
  shift || true
  while IFS= read -r t; do
    name=${t#build/check/tests/}
    log="$LOGDIR/$label-${name//\//-}.log"
    "$t" >"$log" 2>&1
    local rc=$?
    p=$(grep -oE '\[  PASSED  \] [0-9]+' "$log" | grep -oE '[0-9]+$' | tail -n1)
    f=$(grep -oE '\[  FAILED  \] [0-9]+ test' "$log" | grep -oE '[0-9]+' | tail -n1)
    p=${p:-0}; f=${f:-0}
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
    passed=$((passed + p)); failed=$((failed + f))
    if [ "$f" -gt 0 ]; then failures+=("$label/$name"); cat "$log"; fi
    echo "$label  $name: $p passed, $f failed"
  done < <(if [ $# -gt 0 ]; then printf '%s\n' "$@"; else
             find build/check/tests -type f -perm -u+x -name 'test_*' | sort; fi)
}

run_layers() {
  local log="$LOGDIR/layers.log"
  # The verdict on src/ for the reader; the tests count it (and more).
  /usr/bin/python3 scripts/check-layers.py
  /usr/bin/python3 tests/layers/test_layers.py >"$log" 2>&1 || cat "$log"
  count_result "$log" layers
}

run_http() {
  local label=${1:-http}
  local log="$LOGDIR/$label.log"
  /usr/bin/python3 tests/http/run.py 2>&1 | tee "$log"
  count_result "$log" "$label"
}

# The suites again on PostgreSQL. The cluster is removed however this ends.
run_pg() {
  local url src bins=()
  scripts/pg-test.sh stop
  if ! url=$(scripts/pg-test.sh start 2>"$LOGDIR/pg-start.log"); then
    cat "$LOGDIR/pg-start.log"
    failed=$((failed + 1)); failures+=("postgresql (no arrancó)")
    return
  fi
  trap 'scripts/pg-test.sh stop' EXIT
  echo "PostgreSQL de prueba: $url"
  while IFS= read -r src; do
    src=${src#tests/unit/}
    bins+=("build/check/tests/${src%.c}")
  done < <(grep -rl --include='test_*.c' 'test_db_open' tests/unit | sort)
  [ ${#bins[@]} -gt 0 ] && COSOC_TEST_PG_URL=$url run_unit unit-pg "${bins[@]}"
  COSOC_TEST_PG_URL=$url run_http http-pg
  scripts/pg-test.sh stop
  trap - EXIT
}

# The server built with ThreadSanitizer, under the tests whose load is
# concurrent: a thousand keep-alive connections, eight clients writing and
# reading at once, the render cache shared by the pool threads, a backup
# while serving, photos on libvips' threads and SIGTERM during one, two
# servers behind nginx with the mail sender beside them, and the database
# refusing writes mid-request. A race in cosoc prints "WARNING:
# ThreadSanitizer" and fails the test that caused it; tests/tsan.supp
# names the libraries whose own locks TSan cannot see, and why.
TSAN_TESTS="test_foundation.py test_concurrent_writers.py test_page_cache.py
  test_backup.py test_hardening_evidence.py test_multiserver.py
  test_fault_injection.py test_db_pool.py"
run_tsan() {
  local log="$LOGDIR/tsan.log"
  COSOC_BIN=$PWD/build/tsan/cosoc COSOC_HTTP_TESTS="$TSAN_TESTS" \
    TSAN_OPTIONS="suppressions=$PWD/tests/tsan.supp halt_on_error=0 exitcode=66" \
    /usr/bin/python3 tests/http/run.py 2>&1 | tee "$log"
  count_result "$log" tsan
}

run_e2e() {
  local log="$LOGDIR/e2e.log"
  node tests/e2e/run.mjs 2>&1 | tee "$log"
  count_result "$log" e2e
}

case "$suite" in
  layers) run_layers ;;
  unit) run_unit ;;
  http) run_http ;;
  tsan) run_tsan ;;
  e2e) run_e2e ;;
  pg) run_pg ;;
  all) run_layers; run_unit; run_http; run_tsan; run_e2e; run_pg ;;
  *) echo "uso: $0 layers|unit|http|tsan|e2e|pg|all" >&2; exit 2 ;;
esac

if [ ${#failures[@]} -gt 0 ]; then
  echo "Fallaron: ${failures[*]} (registros en $LOGDIR)"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
