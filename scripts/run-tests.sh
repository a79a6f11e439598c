#!/usr/bin/env bash
# Runs cosoc's tests and ends with one line: "N passed, N failed".
#
#   scripts/run-tests.sh unit   cmocka programs under build/check/tests/
#   scripts/run-tests.sh http   tests/http/test_*.py: the real binary over
#                               loopback (Debian's /usr/bin/python3, stdlib)
#   scripts/run-tests.sh e2e    tests/e2e/test_*.mjs: Debian's Chromium
#                               driven by playwright-core
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

run_unit() {
  local t name log p f
  while IFS= read -r t; do
    name=${t#build/check/tests/}
    log="$LOGDIR/unit-${name//\//-}.log"
    "$t" >"$log" 2>&1
    local rc=$?
    p=$(grep -oE '\[  PASSED  \] [0-9]+' "$log" | grep -oE '[0-9]+$' | tail -n1)
    f=$(grep -oE '\[  FAILED  \] [0-9]+ test' "$log" | grep -oE '[0-9]+' | tail -n1)
    p=${p:-0}; f=${f:-0}
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
    passed=$((passed + p)); failed=$((failed + f))
    if [ "$f" -gt 0 ]; then failures+=("unit/$name"); cat "$log"; fi
    echo "unit  $name: $p passed, $f failed"
  done < <(find build/check/tests -type f -perm -u+x -name 'test_*' | sort)
}

run_http() {
  local log="$LOGDIR/http.log"
  /usr/bin/python3 tests/http/run.py 2>&1 | tee "$log"
  count_result "$log" http
}

run_e2e() {
  local log="$LOGDIR/e2e.log"
  node tests/e2e/run.mjs 2>&1 | tee "$log"
  count_result "$log" e2e
}

case "$suite" in
  unit) run_unit ;;
  http) run_http ;;
  e2e) run_e2e ;;
  all) run_unit; run_http; run_e2e ;;
  *) echo "uso: $0 unit|http|e2e|all" >&2; exit 2 ;;
esac

if [ ${#failures[@]} -gt 0 ]; then
  echo "Fallaron: ${failures[*]} (registros en $LOGDIR)"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
