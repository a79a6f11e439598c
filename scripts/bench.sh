#!/usr/bin/env bash
# make bench (issue 9): measures cosoc at national scale against the
# machine's practical ceiling. See docs/performance.md for what each number
# means.
#
#   1. the data set: `cosoc bench-data` (16 councils, one per region),
#      cached under var/bench/ by a key of the generator, the migrations and
#      the seed plan, so reruns skip it; each run works on a copy;
#   2. `cosoc serve` on loopback, signed in once (session cookie for wrk);
#   3. wrk at 1, 32 and 256 keep-alive connections on the public plan page,
#      the signed-in dashboard, the compliance JSON, the iCalendar feed and
#      a static asset, and Debian's nginx serving a saved copy of the same
#      dashboard HTML (the ceiling). Every response is checked (status 200
#      and a piece of content, scripts/bench/check.lua): a row with a bad
#      response is marked FALLA and the run exits 1 after writing results;
#   4. the compliance PDF and XLSX of one council and the national
#      compliance summary (median of several runs), attendance writes per
#      second (durable commits), peak RSS of the server (VmHWM);
#   5. bench/results/latest.md and latest.json, with cores, CPU, commit,
#      date and the load average (the machine may be shared).
#
# Never asserts a time. Optimized binary (build/cosoc, no sanitizers).
# BENCH_SECONDS per wrk measurement (default 5), BENCH_REPEAT for the
# timed documents (default 7). BENCH_PG=1 adds the same page rows on
# PostgreSQL: a throw-away cluster (scripts/pg-test.sh) filled by
# `cosoc bench-data`, served by a second `cosoc serve`.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${BENCH_SECONDS:-5}
REPEAT=${BENCH_REPEAT:-7}
CONNS=(1 32 256)
BIN=$PWD/build/cosoc
OUT=bench/results
CACHE=var/bench
TMP=$(mktemp -d /tmp/cosoc-bench-XXXXXX)
SERVER_PID=""; NGINX_PID=""; PG_SERVER_PID=""
export COSOC_PG_STATE="$TMP/pg.state" # BENCH_PG's cluster, not the tests'
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  [ -n "$PG_SERVER_PID" ] && kill "$PG_SERVER_PID" 2>/dev/null && wait "$PG_SERVER_PID" 2>/dev/null
  [ -f "$COSOC_PG_STATE" ] && scripts/pg-test.sh stop
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null
  rm -rf "$TMP"
}
trap cleanup EXIT
say() { echo "bench: $*" >&2; }

free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 200); do (exec 3<>/dev/tcp/127.0.0.1/$1) 2>/dev/null && return 0; sleep 0.05; done; return 1; }
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- 1. The data set (cached) ----------------------------------------
KEY=$(cat src/cli/demo/bench_data.c src/db/migrations/*.sql data/seeds/*.txt | sha256sum | cut -c1-12)
DATA="$CACHE/national-$KEY.db"
if [ ! -s "$DATA" ] || [ ! -s "$DATA.txt" ]; then
  say "creando el conjunto de datos nacional ($DATA)"
  mkdir -p "$CACHE"
  rm -f "$CACHE"/national-*.db* # older generators' sets
  "$BIN" bench-data --db "$DATA.tmp" > "$DATA.txt.tmp"
  mv "$DATA.tmp" "$DATA"; mv "$DATA.txt.tmp" "$DATA.txt"
  rm -f "$DATA.tmp-wal" "$DATA.tmp-shm"
fi
cat "$DATA.txt" >&2
cp "$DATA" "$TMP/bench.db"
DB="$TMP/bench.db"
ADMIN=$(sed -n 's/^Administrador: //p' "$DATA.txt")
PASSWORD=$(sed -n 's/^Contraseña: //p' "$DATA.txt")
TOKEN=$("$BIN" token create --db "$DB" --email "$ADMIN")
DATA_MB=$(du -m "$DATA" | cut -f1)

# ---- 2. The server, signed in ----------------------------------------
PORT=$(free_port)
"$BIN" serve --listen 127.0.0.1:$PORT --db "$DB" 2> "$TMP/serve.log" &
SERVER_PID=$!
wait_port "$PORT"
BASE=http://127.0.0.1:$PORT
# Signs in on a server; prints the Cookie header for wrk.
sign_in() { # base email password jar
  local csrf status
  csrf=$(curl -s -c "$4" "$1/login" | sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' | head -1)
  status=$(curl -s -o /dev/null -w '%{http_code}' -b "$4" -c "$4" \
    --data-urlencode "email=$2" --data-urlencode "password=$3" \
    --data-urlencode "csrf_token=$csrf" --data-urlencode "next=/" "$1/login")
  if [ "$status" != 303 ]; then
    say "FALLA: no se pudo ingresar en $1 (estado $status)"; return 1
  fi
  # curl writes HttpOnly cookies as comment-like "#HttpOnly_host" lines.
  echo "Cookie: $(sed 's/^#HttpOnly_//' "$4" | awk '!/^#/ && NF >= 7 {printf "%s%s=%s", sep, $6, $7; sep="; "}')"
}
COOKIE=$(sign_in "$BASE" "$ADMIN" "$PASSWORD" "$TMP/cookies.txt")

# name | path | content marker | extra header ("" for none)
DASH_MARK='href="/informe-cumplimiento.pdf"'
PAGES=(
  "plan (público)|/plan|Plan anual|"
  "panel del consejo (con sesión)|/|$DASH_MARK|$COOKIE"
  "api/compliance (JSON)|/api/compliance|\"lines\"|"
  "calendario.ics|/calendario.ics|BEGIN:VCALENDAR|"
  "hoja de estilo (estática)|/static/style.css|:root|"
)

# ---- The ceiling: nginx serving the dashboard's own bytes --------------
mkdir -p "$TMP/www" "$TMP/nginx"
chmod 755 "$TMP" "$TMP/www"   # nginx's workers run as www-data
curl -s -H "$COOKIE" "$BASE/" > "$TMP/www/panel.html"
grep -q "$DASH_MARK" "$TMP/www/panel.html" || { say "FALLA: el panel no muestra el cumplimiento"; exit 1; }
DASH_BYTES=$(stat -c %s "$TMP/www/panel.html")
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

# ---- 3. wrk ----------------------------------------------------------
# Runs wrk with a checking script; prints "rps p50_ms p99_ms bad checked
# detail". A slow answer is a result, not an error: wrk waits up to 30 s
# for each (its default of 2 s would drop the slowest from the latencies).
parse_wrk() {
  /usr/bin/python3 - "$1" <<'PY'
import re, sys
t = sys.argv[1]
def ms(label):
    m = re.search(r"^\s*%s\s+([\d.]+)(us|ms|s)\s*$" % re.escape(label), t, re.M)
    if not m: return float("nan")
    v, u = float(m.group(1)), m.group(2)
    return v / 1000 if u == "us" else v * 1000 if u == "s" else v
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
chk = re.search(r"CHECK checked=(\d+) bad_status=(\d+) bad_marker=(\d+) first_bad_status=(\d+)", t)
sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", t)
checked, status, marker, first = map(int, chk.groups()) if chk else (0, 0, 0, 0)
nsock = sum(map(int, sock.groups())) if sock else 0
detail = []
if not chk: detail.append("sin-revisión")
if status: detail.append("estado-%d:%d" % (first, status))
if marker: detail.append("sin-contenido:%d" % marker)
if nsock: detail.append("socket:%s" % "/".join(sock.groups()))
bad = status + marker + nsock + (0 if chk else 1)
print("%.1f %.3f %.3f %d %d %s" % (rps, ms("50%"), ms("99%"), bad, checked, ",".join(detail) or "-"))
PY
}
measure() { # url conns marker header [script]
  local url=$1 conns=$2 marker=$3 header=$4 script=${5:-scripts/bench/check.lua} threads=2
  [ "$conns" -lt 2 ] && threads=1
  local args=(-t$threads -c$conns -d${SECONDS_EACH}s --timeout 30s --latency -s "$script")
  [ -n "$header" ] && args+=(-H "$header")
  parse_wrk "$(BENCH_MARKER="$marker" wrk "${args[@]}" "$url")"
}

ROWS="$TMP/rows.txt"; : > "$ROWS"
for c in "${CONNS[@]}"; do
  say "nginx (copia estática del panel), $c conexiones"
  echo "nginx: copia estática del panel|$c|$(measure "http://127.0.0.1:$NPORT/panel.html" "$c" "$DASH_MARK" "")" >> "$ROWS"
  for entry in "${PAGES[@]}"; do
    IFS='|' read -r name path marker header <<< "$entry"
    say "$name, $c conexiones"
    echo "$name|$c|$(measure "$BASE$path" "$c" "$marker" "$header")" >> "$ROWS"
  done
done

# ---- 3b. The same pages on PostgreSQL (BENCH_PG=1) ---------------------
if [ "${BENCH_PG:-0}" = 1 ]; then
  say "PostgreSQL: grupo desechable y cosoc bench-data"
  PG_URL=$(scripts/pg-test.sh start)
  PG_DB="${PG_URL%/*}/bench"
  psql -X -q -d "$PG_URL" -c "CREATE DATABASE bench"
  "$BIN" bench-data --db "$PG_DB" > "$TMP/pg-data.txt"
  PG_PORT=$(free_port)
  "$BIN" serve --listen 127.0.0.1:$PG_PORT --db "$PG_DB" 2> "$TMP/serve-pg.log" &
  PG_SERVER_PID=$!
  wait_port "$PG_PORT"
  PG_COOKIE=$(sign_in "http://127.0.0.1:$PG_PORT" "$(sed -n 's/^Administrador: //p' "$TMP/pg-data.txt")" \
    "$(sed -n 's/^Contraseña: //p' "$TMP/pg-data.txt")" "$TMP/cookies-pg.txt")
  for c in "${CONNS[@]}"; do
    for entry in "${PAGES[@]}"; do
      IFS='|' read -r name path marker header <<< "$entry"
      [ -n "$header" ] && header=$PG_COOKIE # the dashboard's session, there
      say "PostgreSQL: $name, $c conexiones"
      echo "PostgreSQL: $name|$c|$(measure "http://127.0.0.1:$PG_PORT$path" "$c" "$marker" "$header")" >> "$ROWS"
    done
  done
  # What one request costs in round trips to PostgreSQL (the log's bd=N,
  # last request of each page: a warm connection, a cached page).
  for entry in "${PAGES[@]}"; do
    IFS='|' read -r name path _ _ <<< "$entry"
    say "PostgreSQL: $name: $(grep " GET $path 200 " "$TMP/serve-pg.log" | tail -1 | grep -o 'bd=[0-9]*' || echo 'bd=?') (idas y vueltas a la base, última solicitud)"
  done
fi

# ---- 4. Documents, national summary, writes ----------------------------
# Times one URL REPEAT times with curl; prints "median_ms bad". With a
# third argument "fresh", each download asks for another as_of day: the
# render cache is keyed by it, so every one is computed and drawn anew (the
# first download after a write); without it, all but the first come from the
# cache.
time_url() { # path magic [fresh]
  local path=$1 magic=$2 fresh=${3:-} times=() bad=0 i=0
  for _ in $(seq "$REPEAT"); do
    local t url="$BASE$path"
    i=$((i + 1))
    [ -n "$fresh" ] && url="$url?as_of=$(printf '2025-05-%02d' $(( (i - 1) % 28 + 1 )))"
    t=$(curl -s -o "$TMP/doc" -w '%{http_code} %{time_total}' -H "$COOKIE" "$url")
    [ "${t%% *}" = 200 ] && head -c 4 "$TMP/doc" | grep -q "$magic" || bad=$((bad + 1))
    times+=("${t##* }")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v bad=$bad '{a[NR]=$1} END {printf "%.1f %d\n", a[int((NR+1)/2)]*1000, bad}'
}
say "informe de cumplimiento PDF y XLSX"
PDF_FRESH=$(time_url /informe-cumplimiento.pdf '%PDF' fresh)
XLSX_FRESH=$(time_url /informe-cumplimiento.xlsx 'PK' fresh)
PDF=$(time_url /informe-cumplimiento.pdf '%PDF')
XLSX=$(time_url /informe-cumplimiento.xlsx 'PK')
say "resumen nacional de cumplimiento"
NATIONAL_TIMES=(); NATIONAL_BAD=0
for _ in $(seq "$REPEAT"); do
  t0=$(date +%s%N)
  if ! "$BIN" compliance-summary --db "$DB" > "$TMP/national.txt" ||
     ! grep -q "total nacional (16 consejos)" "$TMP/national.txt"; then
    NATIONAL_BAD=$((NATIONAL_BAD + 1))
  fi
  NATIONAL_TIMES+=($(( ($(date +%s%N) - t0) / 1000 )))
done
NATIONAL="$(printf '%s\n' "${NATIONAL_TIMES[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]/1000}') $NATIONAL_BAD"

say "escritura de asistencia (commits durables)"
ACTS=$(/usr/bin/python3 - "$DB" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
print(" ".join(str(r[0]) for r in c.execute(
    "SELECT id FROM activities WHERE council_id = (SELECT min(id) FROM councils) "
    "AND status = 'realizada' "
    # An approved acta fixes its session's attendance (409): not those.
    "AND id NOT IN (SELECT activity_id FROM actas WHERE approved_at IS NOT NULL) "
    "ORDER BY id")))
PY
)
BODY=$(/usr/bin/python3 - "$DB" <<'PY'
import json, sqlite3, sys
c = sqlite3.connect(sys.argv[1])
ids = [r[0] for r in c.execute(
    "SELECT id FROM members WHERE council_id = (SELECT min(id) FROM councils) ORDER BY id LIMIT 25")]
print(json.dumps([{"member_id": i, "status": "presente" if i % 7 else "ausente"} for i in ids]))
PY
)
for c in 1 32; do
  say "asistencia, $c conexiones"
  echo "escritura: POST asistencia (25 filas)|$c|$(BENCH_ACTIVITIES="$ACTS" BENCH_BODY="$BODY" measure "$BASE/api/activities" "$c" '"quorum"' "Authorization: Bearer $TOKEN" scripts/bench/attendance.lua)" >> "$ROWS"
done
RSS_KB=$(awk '/VmHWM/ {print $2}' /proc/$SERVER_PID/status)
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- 5. Results --------------------------------------------------------
mkdir -p "$OUT"
CPU=$(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)
COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo "?")
git diff --quiet HEAD 2>/dev/null || COMMIT="$COMMIT+cambios"
/usr/bin/python3 - "$ROWS" "$OUT" <<PY
import json, sys, datetime
rows_path, out = sys.argv[1:]
meta = {"date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "commit": "$COMMIT", "cores": $(nproc), "cpu": """$CPU""",
        "load_average_start": "$LOAD_START", "load_average_end": "$LOAD_END",
        "seconds_per_measure": $SECONDS_EACH, "repeat": $REPEAT,
        "data_set": {"file_mb": $DATA_MB, "summary": open("$DATA.txt", encoding="utf-8").read()},
        "dashboard_bytes": $DASH_BYTES, "peak_rss_kb": int("$RSS_KB")}
rows = []
for line in open(rows_path, encoding="utf-8"):
    name, conns, rest = line.rstrip("\n").split("|")
    rps, p50, p99, bad, checked, detail = rest.split()
    rows.append({"page": name, "connections": int(conns), "rps": float(rps),
                 "p50_ms": float(p50), "p99_ms": float(p99),
                 "bad_responses": int(bad), "bad_detail": "" if detail == "-" else detail,
                 "checked": int(checked)})
ceiling = {r["connections"]: r["rps"] for r in rows if r["page"].startswith("nginx")}
for r in rows:
    ok = not r["page"].startswith("escritura")
    r["ratio_to_nginx"] = round(r["rps"] / ceiling[r["connections"]], 3) if ok and ceiling.get(r["connections"]) else None
def timed(s, name):
    v, bad = s.split()
    return {"what": name, "median_ms": float(v), "bad": int(bad)}
docs = [timed("$PDF_FRESH", "informe de cumplimiento PDF (un consejo, calculado y dibujado cada vez)"),
        timed("$XLSX_FRESH", "informe de cumplimiento XLSX (un consejo, calculado cada vez)"),
        timed("$PDF", "informe de cumplimiento PDF (un consejo, repetido: desde el caché)"),
        timed("$XLSX", "informe de cumplimiento XLSX (un consejo, repetido: desde el caché)"),
        timed("$NATIONAL", "resumen nacional de cumplimiento (cosoc compliance-summary, 16 consejos, incluye arrancar el proceso)")]
result = dict(meta, results=rows, documents=docs)
json.dump(result, open(out + "/latest.json", "w", encoding="utf-8"), indent=2, ensure_ascii=False)
failed = [r for r in rows if r["bad_responses"]] + [d for d in docs if d["bad"]]
with open(out + "/latest.md", "w", encoding="utf-8") as f:
    f.write("# cosoc — benchmark\n\n")
    f.write("%s, commit \`%s\`, %d núcleos (%s). Carga media al empezar %s, al terminar %s "
            "(una carga alta significa una máquina compartida: los números bajan).\n\n"
            % (meta["date"], meta["commit"], meta["cores"], meta["cpu"], meta["load_average_start"], meta["load_average_end"]))
    f.write("Datos: \`cosoc bench-data\` (16 consejos, %d MB). wrk con keep-alive en loopback, %d s por medición; "
            "cada respuesta revisada (estado 200 y un trozo de su contenido). Panel: %d bytes. "
            "Memoria máxima del servidor (VmHWM): %.1f MiB.\n\n"
            % (meta["data_set"]["file_mb"], meta["seconds_per_measure"], meta["dashboard_bytes"], meta["peak_rss_kb"] / 1024))
    f.write("| página | conexiones | req/s | p50 ms | p99 ms | respuestas malas (de revisadas) | vs nginx |\n|---|---:|---:|---:|---:|---:|---:|\n")
    for r in rows:
        f.write("| %s | %d | %.0f | %.3f | %.3f | %s | %s |\n" % (
            r["page"], r["connections"], r["rps"], r["p50_ms"], r["p99_ms"],
            "**FALLA %d** de %d (%s)" % (r["bad_responses"], r["checked"], r["bad_detail"])
            if r["bad_responses"] else "0 de %d" % r["checked"],
            "%.2f" % r["ratio_to_nginx"] if r["ratio_to_nginx"] is not None else "—"))
    f.write("\n| documento | mediana ms (de %d) | fallas |\n|---|---:|---:|\n" % meta["repeat"])
    for d in docs:
        f.write("| %s | %.1f | %s |\n" % (d["what"], d["median_ms"], "**%d**" % d["bad"] if d["bad"] else "0"))
print(open(out + "/latest.md", encoding="utf-8").read())
if failed:
    print("bench: FALLA: hubo respuestas con error o sin el contenido esperado (ver arriba)", file=sys.stderr)
    sys.exit(1)
PY
