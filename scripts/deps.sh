#!/usr/bin/env bash
# Installs what cosoc needs on a Debian 12 machine, and nothing that is
# already there: `make run` calls it with "build", `make check` with "test".
#
#   scripts/deps.sh build   libraries and tools to compile and run cosoc
#   scripts/deps.sh test    the above plus what the tests drive: cmocka,
#                           Python (HTTP tests), Chromium and Node.js with
#                           playwright-core (browser tests)
#   scripts/deps.sh bench   the build list plus wrk, nginx and curl
#   scripts/deps.sh ci      the test list plus what .ci/run checks the code
#                           with: cppcheck (make lint) and clang (a second
#                           compiler's warnings)
#
# Packages come from Debian's archive only; playwright-core and axe-core come
# from npm with the committed lock file, and npm never downloads a browser.
set -euo pipefail
cd "$(dirname "$0")/.."

# One list per purpose: add a package where it belongs.
BUILD_PKGS=(
  build-essential pkg-config
  libmicrohttpd-dev libsqlite3-dev libsodium-dev libjansson-dev
  libxlsxwriter-dev libcairo2-dev libpango1.0-dev fonts-dejavu-core
  libpq-dev libvips-dev
  libcurl4-openssl-dev libical-dev tzdata
  libcmark-dev libmagic-dev
  libzip-dev libxml2-dev
  libqrencode-dev
)
TEST_PKGS=(
  libcmocka-dev python3 sqlite3 procps
  chromium nodejs npm fonts-dejavu-core
  poppler-utils python3-openpyxl
  postgresql nginx-light
  python3-aiosmtpd python3-icalendar
  python3-pil
  zbar-tools
)

CI_PKGS=(
  cppcheck clang
)

BENCH_PKGS=(
  wrk nginx-light curl python3
  valgrind linux-perf
)

mode=${1:-build}
want=("${BUILD_PKGS[@]}")
[ "$mode" = test ] && want+=("${TEST_PKGS[@]}")
[ "$mode" = ci ] && want+=("${TEST_PKGS[@]}" "${CI_PKGS[@]}")
[ "$mode" = bench ] && want+=("${BENCH_PKGS[@]}")

# A package whose command is already on PATH from elsewhere (Node.js and
# npm from another source, say) counts as present: asking apt for Debian's
# would conflict with it.
command_for() {
  case "$1" in
    nodejs) echo node ;;
    npm) echo npm ;;
    *) echo "" ;;
  esac
}

missing=()
for p in "${want[@]}"; do
  cmd=$(command_for "$p")
  if [ -n "$cmd" ] && command -v "$cmd" >/dev/null 2>&1; then continue; fi
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' \
    || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "deps: instalando ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null; then SUDO=sudo; else
      echo "deps: faltan paquetes (${missing[*]}) y no soy root; instálelos con apt-get" >&2
      exit 1
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ "$mode" = test ] || [ "$mode" = ci ]; then
  # playwright-core: the browser tests' driver; axe-core: the accessibility
  # checks they run on every page they visit. Both pinned by tests/e2e's lock.
  if [ ! -d tests/e2e/node_modules/playwright-core ] ||
     [ ! -d tests/e2e/node_modules/axe-core ] ||
     [ tests/e2e/package-lock.json -nt tests/e2e/node_modules/.package-lock.json ]; then
    (cd tests/e2e && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
  fi
fi
