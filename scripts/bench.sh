#!/usr/bin/env bash
# make bench: measures cosoc's pages with wrk at 1, 32 and 256 keep-alive
# connections, next to Debian's nginx serving a saved copy of the same HTML
# (the practical ceiling for those bytes on this machine), and records the
# server's peak memory. Writes bench/results/latest.md and latest.json.
#
# Optimized binary (build/cosoc, no sanitizers); loopback only; every run is
# bounded by BENCH_SECONDS per measurement (default 5).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${BENCH_SECONDS:-5}
CONNS=(1 32 256)
BIN=$PWD/build/cosoc
OUT=bench/results
TMP=$(mktemp -d /tmp/cosoc-bench-XXXXXX)
SERVER_PID=""; NGINX_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null
  rm -rf "$TMP"
}
trap cleanup EXIT

free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 200); do (exec 3<>/dev/tcp/127.0.0.1/$1) 2>/dev/null && return 0; sleep 0.05; done; return 1; }

# The data set: the demo council (the national-scale generator comes with
# the benchmark issue's `cosoc bench-data`).
"$BIN" demo --db "$TMP/bench.db" > "$TMP/demo.txt"
ADMIN=$(sed -n 's/^Administrador: //p' "$TMP/demo.txt")
TOKEN=$("$BIN" token create --db "$TMP/bench.db" --email "$ADMIN")

PORT=$(free_port)
"$BIN" serve --listen 127.0.0.1:$PORT --db "$TMP/bench.db" 2> "$TMP/serve.log" &
SERVER_PID=$!
wait_port "$PORT"

# name | path | extra wrk header ("" for none)
PAGES=(
  "inicio (público)|/|"
  "plan (público)|/plan|"
  "api/plan (JSON)|/api/plan|"
  "ingresar (formulario)|/login|"
  "api/me (token)|/api/me|Authorization: Bearer $TOKEN"
  "hoja de estilo|/static/style.css|"
)

# The ceiling: nginx serving the plan page's bytes as a static file (the
# dashboard, once it exists, takes its place).
mkdir -p "$TMP/www" "$TMP/nginx"
chmod 755 "$TMP" "$TMP/www"   # nginx's workers run as www-data
curl -s "http://127.0.0.1:$PORT/plan" > "$TMP/www/plan.html"
NPORT=$(free_port)
cat > "$TMP/nginx/nginx.conf" <<NGX
worker_processes auto;
pid $TMP/nginx/nginx.pid;
error_log $TMP/nginx/error.log;
daemon off;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  client_body_temp_path $TMP/nginx; proxy_temp_path $TMP/nginx;
  fastcgi_temp_path $TMP/nginx; uwsgi_temp_path $TMP/nginx; scgi_temp_path $TMP/nginx;
  server { listen 127.0.0.1:$NPORT; root $TMP/www; default_type text/html; }
}
NGX
/usr/sbin/nginx -c "$TMP/nginx/nginx.conf" -p "$TMP/nginx" &
NGINX_PID=$!
wait_port "$NPORT"

# Runs wrk; prints "rps p50_ms p99_ms errors".
measure() {
  local url=$1 conns=$2 header=$3 threads=2 out
  [ "$conns" -lt 2 ] && threads=1
  if [ -n "$header" ]; then
    out=$(wrk -t$threads -c$conns -d${SECONDS_EACH}s --latency -H "$header" "$url")
  else
    out=$(wrk -t$threads -c$conns -d${SECONDS_EACH}s --latency "$url")
  fi
  /usr/bin/python3 - "$out" <<'PY'
import re, sys
t = sys.argv[1]
def ms(label):
    m = re.search(r"^\s*%s\s+([\d.]+)(us|ms|s)\s*$" % re.escape(label), t, re.M)
    if not m: return float("nan")
    v, u = float(m.group(1)), m.group(2)
    return v / 1000 if u == "us" else v * 1000 if u == "s" else v
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
err = re.search(r"Non-2xx or 3xx responses: (\d+)", t)
sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", t)
errors = (int(err.group(1)) if err else 0) + (sum(map(int, sock.groups())) if sock else 0)
print("%.1f %.3f %.3f %d" % (rps, ms("50%"), ms("99%"), errors))
PY
}

ROWS="$TMP/rows.txt"; : > "$ROWS"
for c in "${CONNS[@]}"; do
  echo "bench: nginx, $c conexiones" >&2
  echo "nginx (copia estática de /plan)|$c|$(measure "http://127.0.0.1:$NPORT/plan.html" "$c" "")" >> "$ROWS"
  for entry in "${PAGES[@]}"; do
    IFS='|' read -r name path header <<< "$entry"
    echo "bench: $name, $c conexiones" >&2
    echo "$name|$c|$(measure "http://127.0.0.1:$PORT$path" "$c" "$header")" >> "$ROWS"
  done
done
RSS_KB=$(awk '/VmHWM/ {print $2}' /proc/$SERVER_PID/status)

mkdir -p "$OUT"
/usr/bin/python3 - "$ROWS" "$RSS_KB" "$(nproc)" "$(git rev-parse --short HEAD 2>/dev/null || echo ?)" "$SECONDS_EACH" "$OUT" <<'PY'
import json, sys, datetime
rows_path, rss_kb, cores, commit, secs, out = sys.argv[1:]
rows = []
for line in open(rows_path, encoding="utf-8"):
    name, conns, rest = line.rstrip("\n").split("|")
    rps, p50, p99, errors = rest.split()
    rows.append({"page": name, "connections": int(conns), "rps": float(rps),
                 "p50_ms": float(p50), "p99_ms": float(p99), "errors": int(errors)})
ceiling = {r["connections"]: r["rps"] for r in rows if r["page"].startswith("nginx")}
for r in rows:
    r["ratio_to_nginx"] = round(r["rps"] / ceiling[r["connections"]], 3) if ceiling.get(r["connections"]) else None
result = {"date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
          "commit": commit, "cores": int(cores), "seconds_per_measure": int(secs),
          "peak_rss_kb": int(rss_kb), "results": rows}
json.dump(result, open(out + "/latest.json", "w", encoding="utf-8"), indent=2, ensure_ascii=False)
with open(out + "/latest.md", "w", encoding="utf-8") as f:
    f.write("# cosoc — benchmark\n\n")
    f.write("Commit `%s`, %s núcleos, %s s por medición (wrk, keep-alive, loopback). "
            "Memoria máxima del servidor (VmHWM): %.1f MiB.\n\n" % (commit, cores, secs, int(rss_kb) / 1024))
    f.write("| página | conexiones | req/s | p50 ms | p99 ms | errores | vs nginx |\n|---|---:|---:|---:|---:|---:|---:|\n")
    for r in rows:
        f.write("| %s | %d | %.0f | %.3f | %.3f | %d | %s |\n" % (
            r["page"], r["connections"], r["rps"], r["p50_ms"], r["p99_ms"], r["errors"],
            "%.2f" % r["ratio_to_nginx"] if r["ratio_to_nginx"] is not None else "—"))
print(open(out + "/latest.md", encoding="utf-8").read())
PY
