#!/usr/bin/env bash
# make bench (issue 9): measures cosoc at national scale against the
# machine's practical ceiling. See docs/performance.md for what each number
# means.
#
#   1. the data sets: `cosoc bench-data` with 16 councils (the national
#      installation), 1 and 64 (the growth runs), each cached under
#      var/bench/ by a key of the generator, the migrations and the seed
#      plan, so reruns skip them; each run works on a copy;
#   2. `cosoc serve` on loopback, signed in once as the first council's
#      administrator and once as the national team (session cookies for
#      wrk);
#   3. wrk at 1, 32 and 256 keep-alive connections on the first council's
#      pages under /c/SLUG/ (the public plan, the signed-in dashboard, the
#      iCalendar feed), the compliance JSON, the national view /consejos
#      (public, and as the national team with every council's lines) and
#      a static asset, and Debian's nginx (worker_processes auto: all its
#      workers) serving a saved copy of the same dashboard HTML (the
#      ceiling). Every response is checked (status 200 and a piece of
#      content, scripts/bench/check.lua): a row with a bad response is
#      marked FALLA and the run exits 1 after writing results;
#   4. the compliance PDF and XLSX of one council, the national XLSX
#      (/consejos.xlsx, every council's lines) and the national compliance
#      summary (median of several runs), attendance writes per second
#      (durable commits), peak RSS of the server (VmHWM);
#   5. growth: the same pages, the first PDF and the national XLSX, and the
#      peak RSS, with 1, 16 and 64 councils loaded (a fresh server for each,
#      short wrk runs of BENCH_GROWTH_SECONDS at 32 connections);
#   6. bench/results/latest.md and latest.json, with cores, CPU, commit,
#      date and the load average (the machine may be shared).
#
# Never asserts a time. Optimized binary (build/cosoc, no sanitizers).
# BENCH_SECONDS per wrk measurement (default 5), BENCH_REPEAT for the
# timed documents (default 7), BENCH_GROWTH_SECONDS per wrk measurement of
# the growth runs (default 2; 0 skips them), BENCH_GROWTH="1 16 64" the
# council counts of those runs. BENCH_PG=1 adds the same page rows on
# PostgreSQL: a throw-away cluster (scripts/pg-test.sh) filled by
# `cosoc bench-data`, served by a second `cosoc serve`.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${BENCH_SECONDS:-5}
REPEAT=${BENCH_REPEAT:-7}
GROWTH_SECONDS=${BENCH_GROWTH_SECONDS:-2}
GROWTH=(${BENCH_GROWTH:-1 16 64})
GROWTH_REPEAT=3
CONNS=(1 32 256)
BIN=$PWD/build/cosoc
OUT=bench/results
CACHE=var/bench
TMP=$(mktemp -d /tmp/cosoc-bench-XXXXXX)
SERVER_PID=""; NGINX_PID=""; PG_SERVER_PID=""
export COSOC_PG_STATE="$TMP/pg.state" # BENCH_PG's cluster, not the tests'
stop_server() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  SERVER_PID=""
}
cleanup() {
  stop_server
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

# ---- 1. The data sets (cached) ----------------------------------------
KEY=$(cat src/cli/demo/bench_data.c src/db/migrations/*.sql data/seeds/*.txt | sha256sum | cut -c1-12)
mkdir -p "$CACHE"
# Older generators' sets go
find "$CACHE" -maxdepth 1 -name 'national-*' ! -name "national-$KEY-*" -delete
# The data set of N councils (made once): prints its path.
dataset() {
  local data="$CACHE/national-$KEY-$1.db"
  if [ ! -s "$data" ] || [ ! -s "$data.txt" ]; then
    say "creando el conjunto de datos de $1 consejos ($data)"
    rm -f "$data.tmp" "$data.tmp-wal" "$data.tmp-shm"
    "$BIN" bench-data --db "$data.tmp" --councils "$1" > "$data.txt.tmp" ||
      { say "FALLA: cosoc bench-data --councils $1"; exit 1; }
    mv "$data.tmp" "$data"; mv "$data.txt.tmp" "$data.txt"
    rm -f "$data.tmp-wal" "$data.tmp-shm"
  fi
  echo "$data"
}
DATA=$(dataset 16)
cat "$DATA.txt" >&2
DATA_MB=$(du -m "$DATA" | cut -f1)

# ---- 2. The server, signed in ----------------------------------------
# The national team: an administrator of no council in particular, who
# downloads the national XLSX and sees every council's lines on /consejos.
NATIONAL_EMAIL=nacional@bench.cosoc.cl
NATIONAL_PASSWORD="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"

# A copy of data set FILE, served: sets DB, SERVER_PID, BASE, SLUG (the
# first council's), P (its pages' prefix), CID, COOKIE (its administrator),
# NCOOKIE (the national team), TOKEN (the administrator's API token).
serve_copy() {
  local data=$1 port admin password
  stop_server
  cp "$data" "$TMP/bench.db"; rm -f "$TMP/bench.db-wal" "$TMP/bench.db-shm"
  DB="$TMP/bench.db"
  admin=$(sed -n 's/^Administrador: //p' "$data.txt")
  password=$(sed -n 's/^Contraseña: //p' "$data.txt")
  TOKEN=$("$BIN" token create --db "$DB" --email "$admin")
  COSOC_PASSWORD="$NATIONAL_PASSWORD" "$BIN" user add --db "$DB" --email "$NATIONAL_EMAIL" \
    --name "Equipo nacional (datos de prueba)" --role admin > /dev/null
  read -r CID SLUG < <("$BIN" council list --db "$DB" | head -1 | cut -f1,2)
  P=/c/$SLUG
  port=$(free_port)
  "$BIN" serve --listen 127.0.0.1:$port --db "$DB" 2> "$TMP/serve.log" &
  SERVER_PID=$!
  wait_port "$port"
  BASE=http://127.0.0.1:$port
  COOKIE=$(sign_in "$admin" "$password")
  NCOOKIE=$(sign_in "$NATIONAL_EMAIL" "$NATIONAL_PASSWORD")
}

# Signs in through the form: prints the Cookie header.
sign_in() {
  local jar="$TMP/cookies.txt" csrf status
  rm -f "$jar"
  csrf=$(curl -s -c "$jar" "$BASE/login" | sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' | head -1)
  status=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -c "$jar" \
    --data-urlencode "email=$1" --data-urlencode "password=$2" \
    --data-urlencode "csrf_token=$csrf" --data-urlencode "next=/" "$BASE/login")
  if [ "$status" != 303 ]; then
    say "FALLA: no se pudo ingresar como $1 (estado $status)"; exit 1
  fi
  # curl writes HttpOnly cookies as comment-like "#HttpOnly_host" lines.
  echo "Cookie: $(sed 's/^#HttpOnly_//' "$jar" | awk '!/^#/ && NF >= 7 {printf "%s%s=%s", sep, $6, $7; sep="; "}')"
}

# The pages measured: name | path | content marker | extra header ("" for
# none). A council's pages through /c/SLUG/, as with many councils.
set_pages() {
  DASH_MARK="href=\"$P/informe-cumplimiento.pdf\""
  PAGES=(
    "plan (público)|$P/plan|Plan anual|"
    "panel del consejo (con sesión)|$P/|$DASH_MARK|$COOKIE"
    "api/compliance (JSON)|/api/compliance?council=$CID|\"lines\"|"
    "calendario.ics|$P/calendario.ics|BEGIN:VCALENDAR|"
    "consejos: vista nacional (pública)|/consejos|id=\"consejos\"|"
    "consejos: vista nacional (equipo nacional, todas las líneas)|/consejos|id=\"consejos-lineas\"|$NCOOKIE"
    "hoja de estilo (estática)|/static/style.css|:root|"
  )
}
serve_copy "$DATA"
set_pages

# ---- The ceiling: nginx serving the dashboard's own bytes --------------
mkdir -p "$TMP/www" "$TMP/nginx"
chmod 755 "$TMP" "$TMP/www"   # nginx's workers run as www-data
curl -s -H "$COOKIE" "$BASE$P/" > "$TMP/www/panel.html"
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
  COSOC_PASSWORD="$NATIONAL_PASSWORD" "$BIN" user add --db "$PG_DB" --email "$NATIONAL_EMAIL" \
    --name "Equipo nacional (datos de prueba)" --role admin > /dev/null
  PG_PORT=$(free_port)
  "$BIN" serve --listen 127.0.0.1:$PG_PORT --db "$PG_DB" 2> "$TMP/serve-pg.log" &
  PG_SERVER_PID=$!
  wait_port "$PG_PORT"
  # bench-data is deterministic: the same first council, slug and id, so
  # PAGES' paths hold; only the sessions are this server's own.
  SQLITE_BASE=$BASE; BASE=http://127.0.0.1:$PG_PORT
  PG_COOKIE=$(sign_in "$(sed -n 's/^Administrador: //p' "$TMP/pg-data.txt")" \
    "$(sed -n 's/^Contraseña: //p' "$TMP/pg-data.txt")")
  PG_NCOOKIE=$(sign_in "$NATIONAL_EMAIL" "$NATIONAL_PASSWORD")
  BASE=$SQLITE_BASE
  for c in "${CONNS[@]}"; do
    for entry in "${PAGES[@]}"; do
      IFS='|' read -r name path marker header <<< "$entry"
      if [ "$header" = "$COOKIE" ]; then header=$PG_COOKIE
      elif [ "$header" = "$NCOOKIE" ]; then header=$PG_NCOOKIE; fi
      say "PostgreSQL: $name, $c conexiones"
      echo "PostgreSQL: $name|$c|$(measure "http://127.0.0.1:$PG_PORT$path" "$c" "$marker" "$header")" >> "$ROWS"
    done
  done
  # What one request costs in round trips to PostgreSQL (the log's bd=N,
  # last request of each page: a warm connection, a cached page).
  for entry in "${PAGES[@]}"; do
    IFS='|' read -r name path _ _ <<< "$entry"
    path=${path%%\?*} # the log leaves the query string out
    say "PostgreSQL: $name: $(grep -F " GET $path 200 " "$TMP/serve-pg.log" | tail -1 | grep -o 'bd=[0-9]*' || echo 'bd=?') (idas y vueltas a la base, última solicitud)"
  done
  kill "$PG_SERVER_PID" 2>/dev/null && wait "$PG_SERVER_PID" 2>/dev/null
  PG_SERVER_PID=""
fi

# ---- 4. Documents, national summary, writes ----------------------------
# Times one URL REPEAT times with curl; prints "median_ms bad". With a
# third argument "fresh", each download asks for another as_of day: the
# render cache is keyed by it, so every one is computed and drawn anew (the
# first download after a write); without it, all but the first come from the
# cache.
time_url() { # path magic [fresh [header [repeat]]]
  local path=$1 magic=$2 fresh=${3:-} header=${4:-$COOKIE} times=() bad=0 i=0
  for _ in $(seq "${5:-$REPEAT}"); do
    local t url="$BASE$path"
    i=$((i + 1))
    [ -n "$fresh" ] && url="$url?as_of=$(printf '2025-05-%02d' $(( (i - 1) % 28 + 1 )))"
    t=$(curl -s -o "$TMP/doc" -w '%{http_code} %{time_total}' -H "$header" "$url")
    [ "${t%% *}" = 200 ] && head -c 4 "$TMP/doc" | grep -q "$magic" || bad=$((bad + 1))
    times+=("${t##* }")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v bad=$bad '{a[NR]=$1} END {printf "%.1f %d\n", a[int((NR+1)/2)]*1000, bad}'
}
say "informe de cumplimiento PDF y XLSX"
PDF_FRESH=$(time_url $P/informe-cumplimiento.pdf '%PDF' fresh)
XLSX_FRESH=$(time_url $P/informe-cumplimiento.xlsx 'PK' fresh)
PDF=$(time_url $P/informe-cumplimiento.pdf '%PDF')
XLSX=$(time_url $P/informe-cumplimiento.xlsx 'PK')
# Not kept by the page cache: every download computes all councils
say "Excel nacional (/consejos.xlsx)"
NATIONAL_XLSX=$(time_url /consejos.xlsx 'PK' "" "$NCOOKIE")
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
# Held activities whose acta is not approved: an approved acta freezes its
# session's attendance (409, issue 19), which is a refusal, not a write.
ACTS=$(/usr/bin/python3 - "$DB" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
print(" ".join(str(r[0]) for r in c.execute(
    "SELECT id FROM activities WHERE council_id = (SELECT min(id) FROM councils) "
    "AND status = 'realizada' AND id NOT IN (SELECT activity_id FROM actas "
    "WHERE state IN ('aprobada', 'publicada')) ORDER BY id")))
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

# ---- 5. Growth: 1, 16, 64 councils -------------------------------------
# A fresh server on each data set, the same pages for a short while at 32
# connections, the first PDF and the national XLSX, then its peak RSS: how
# each figure grows with the councils loaded. Rows: kind|name|councils|...
GROWTH_ROWS="$TMP/growth.txt"; : > "$GROWTH_ROWS"
LOAD_GROWTH=""
if [ "$GROWTH_SECONDS" != 0 ]; then
  LOAD_GROWTH=$(cut -d' ' -f1-3 /proc/loadavg)
  for n in "${GROWTH[@]}"; do
    data=$(dataset "$n")
    serve_copy "$data"
    set_pages
    echo "data||$n|$(du -m "$data" | cut -f1)" >> "$GROWTH_ROWS"
    for entry in "${PAGES[@]}"; do
      IFS='|' read -r name path marker header <<< "$entry"
      [ "$path" = /static/style.css ] && continue
      say "crecimiento: $name, $n consejos"
      echo "page|$name|$n|$(SECONDS_EACH=$GROWTH_SECONDS measure "$BASE$path" 32 "$marker" "$header")" >> "$GROWTH_ROWS"
    done
    say "crecimiento: documentos, $n consejos"
    echo "doc|informe de cumplimiento PDF (un consejo, calculado y dibujado)|$n|$(time_url $P/informe-cumplimiento.pdf '%PDF' fresh "$COOKIE" $GROWTH_REPEAT)" >> "$GROWTH_ROWS"
    echo "doc|Excel nacional (/consejos.xlsx, todos los consejos)|$n|$(time_url /consejos.xlsx 'PK' "" "$NCOOKIE" $GROWTH_REPEAT)" >> "$GROWTH_ROWS"
    echo "rss||$n|$(awk '/VmHWM/ {print $2}' /proc/$SERVER_PID/status)" >> "$GROWTH_ROWS"
  done
  stop_server
fi
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- 5. Results --------------------------------------------------------
mkdir -p "$OUT"
CPU=$(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)
COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo "?")
git diff --quiet HEAD 2>/dev/null || COMMIT="$COMMIT+cambios"
/usr/bin/python3 - "$ROWS" "$OUT" "$GROWTH_ROWS" <<PY
import json, sys, datetime
rows_path, out, growth_path = sys.argv[1:]
meta = {"date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "commit": "$COMMIT", "cores": $(nproc), "cpu": """$CPU""",
        "load_average_start": "$LOAD_START", "load_average_end": "$LOAD_END",
        "load_average_growth_start": "$LOAD_GROWTH", "growth_seconds_per_measure": $GROWTH_SECONDS,
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
        timed("$NATIONAL_XLSX", "Excel nacional (/consejos.xlsx: las líneas de los 16 consejos, calculado cada vez)"),
        timed("$NATIONAL", "resumen nacional de cumplimiento (cosoc compliance-summary, 16 consejos, incluye arrancar el proceso)")]
# Growth: councils -> {page: rps...}, documents, peak RSS, data size
growth = {"pages": {}, "documents": {}, "peak_rss_kb": {}, "data_mb": {}}
counts = []
for line in open(growth_path, encoding="utf-8"):
    kind, name, n, rest = line.rstrip("\n").split("|")
    n = int(n)
    if n not in counts: counts.append(n)
    if kind == "page":
        rps, p50, p99, bad, checked, detail = rest.split()
        growth["pages"].setdefault(name, {})[n] = {
            "rps": float(rps), "p99_ms": float(p99), "bad_responses": int(bad),
            "bad_detail": "" if detail == "-" else detail, "checked": int(checked)}
    elif kind == "doc":
        v, bad = rest.split()
        growth["documents"].setdefault(name, {})[n] = {"median_ms": float(v), "bad": int(bad)}
    elif kind == "rss":
        growth["peak_rss_kb"][n] = int(rest)
    elif kind == "data":
        growth["data_mb"][n] = int(rest)
growth["councils"] = counts
result = dict(meta, results=rows, documents=docs, growth=growth)
json.dump(result, open(out + "/latest.json", "w", encoding="utf-8"), indent=2, ensure_ascii=False)
failed = [r for r in rows if r["bad_responses"]] + [d for d in docs if d["bad"]]
failed += [c for p in growth["pages"].values() for c in p.values() if c["bad_responses"]]
failed += [c for p in growth["documents"].values() for c in p.values() if c["bad"]]
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
    if counts:
        last, first = counts[-1], counts[0]
        f.write("\n### Crecimiento por página: %s consejos\n\n" % " → ".join(map(str, counts)))
        f.write("Un servidor nuevo para cada conjunto de datos; wrk %d s por medición a 32 conexiones; "
                "documentos: mediana de %d. Carga media al empezar: %s.\n\n"
                % (meta["growth_seconds_per_measure"], $GROWTH_REPEAT, meta["load_average_growth_start"]))
        f.write("| página (32 conexiones) | " + " | ".join("%d consejo%s" % (n, "" if n == 1 else "s") for n in counts)
                + " | %d ÷ %d |\n|---|" % (last, first) + "---:|" * (len(counts) + 1) + "\n")
        def cell(c):
            if c is None: return "—"
            if c["bad_responses"]:
                return "**FALLA %d** de %d (%s)" % (c["bad_responses"], c["checked"], c["bad_detail"])
            return "%.0f req/s · p99 %.1f ms" % (c["rps"], c["p99_ms"])
        for name, by in growth["pages"].items():
            a, b = by.get(first), by.get(last)
            ratio = "%.2f" % (b["rps"] / a["rps"]) if a and b and a["rps"] else "—"
            f.write("| %s | %s | %s |\n" % (name, " | ".join(cell(by.get(n)) for n in counts), ratio))
        for name, by in growth["documents"].items():
            a, b = by.get(first), by.get(last)
            ratio = "%.2f" % (b["median_ms"] / a["median_ms"]) if a and b and a["median_ms"] else "—"
            f.write("| %s, ms | %s | %s |\n" % (name, " | ".join(
                ("**FALLA %d**" % by[n]["bad"]) if n in by and by[n]["bad"] else
                ("%.1f" % by[n]["median_ms"] if n in by else "—") for n in counts), ratio))
        rss = growth["peak_rss_kb"]
        f.write("| memoria máxima del servidor (VmHWM), MiB | %s | %s |\n" % (
            " | ".join("%.1f" % (rss[n] / 1024) if n in rss else "—" for n in counts),
            "%.2f" % (rss[last] / rss[first]) if first in rss and last in rss else "—"))
        mb = growth["data_mb"]
        f.write("| base de datos, MB | %s | %s |\n" % (
            " | ".join(str(mb.get(n, "—")) for n in counts),
            "%.1f" % (mb[last] / mb[first]) if mb.get(first) and mb.get(last) else "—"))
print(open(out + "/latest.md", encoding="utf-8").read())
if failed:
    print("bench: FALLA: hubo respuestas con error o sin el contenido esperado (ver arriba)", file=sys.stderr)
    sys.exit(1)
PY
