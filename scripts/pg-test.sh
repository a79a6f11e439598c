#!/usr/bin/env bash
# A throw-away PostgreSQL server for the tests: a new cluster in a temporary
# folder, on a free loopback port, removed again by "stop".
#
#   scripts/pg-test.sh start   creates and starts it; prints its URL
#   scripts/pg-test.sh url     prints the URL of the running one
#   scripts/pg-test.sh restart restarts it (tests of reconnection)
#   scripts/pg-test.sh stop    stops it and removes its folder
#
# Installs Debian's postgresql when missing. PostgreSQL refuses to run as
# root, so as root the cluster belongs to the "postgres" user (Debian's
# package creates it). The URL names the "postgres" database and its
# superuser without password (trust on loopback only); the tests create a
# database of their own in it for each test class.
set -euo pipefail
cd "$(dirname "$0")/.."

STATE=${COSOC_PG_STATE:-build/pg-test.state}

pg_bin() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && { echo "$d"; return 0; }
  done
  return 1
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

start() {
  if [ -f "$STATE" ]; then
    echo "pg-test: ya hay un servidor de prueba ($STATE); use stop primero" >&2
    exit 1
  fi
  local bin
  if ! bin=$(pg_bin); then
    echo "pg-test: instalando postgresql" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq --no-install-recommends postgresql >/dev/null
    bin=$(pg_bin)
  fi
  local dir port
  dir=$(mktemp -d /tmp/cosoc-pg-XXXXXX)
  chmod 755 "$dir"
  [ "$(id -u)" = 0 ] && chown postgres: "$dir"
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust \
    --encoding=UTF8 --locale=C >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; rm -rf "$dir"; exit 1; }
  port=$(free_port)
  # fsync off: the cluster is thrown away; durability is not under test.
  if ! as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off \
          -c full_page_writes=off \
          -c max_connections=300" start >/dev/null; then
    cat "$dir/server.log" >&2; rm -rf "$dir"; exit 1
  fi
  mkdir -p "$(dirname "$STATE")"
  printf '%s\n%s\n%s\n' "$dir" "$port" "$bin" >"$STATE"
  url
}

url() {
  [ -f "$STATE" ] || { echo "pg-test: no hay servidor de prueba" >&2; exit 1; }
  echo "postgresql://postgres@127.0.0.1:$(sed -n 2p "$STATE")/postgres"
}

stop() {
  [ -f "$STATE" ] || return 0
  local dir bin
  dir=$(sed -n 1p "$STATE")
  bin=$(sed -n 3p "$STATE")
  as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  case "$dir" in /tmp/cosoc-pg-*) rm -rf "$dir" ;; esac
  rm -f "$STATE"
}

restart() {
  [ -f "$STATE" ] || { echo "pg-test: no hay servidor de prueba" >&2; exit 1; }
  local dir bin
  dir=$(sed -n 1p "$STATE")
  bin=$(sed -n 3p "$STATE")
  # "fast" ends every session at once, as a crash or an upgrade would.
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -m fast -w -t 60 \
    restart >/dev/null
}

case "${1:-}" in
  start) start ;;
  restart) restart ;;
  url) url ;;
  stop) stop ;;
  *) echo "uso: $0 start|url|restart|stop" >&2; exit 2 ;;
esac
