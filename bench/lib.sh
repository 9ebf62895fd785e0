# Shared helpers of the HTTP benchmarks (sourced by bench/*.sh, not run on its own).
# The caller sets `work` (a temp directory it removes) before calling these.

# No SHIDO_* settings from the caller's shell: each benchmark states its own.
unset SHIDO_DB SHIDO_PORT SHIDO_LISTEN SHIDO_THREADS SHIDO_WORKERS SHIDO_LOG_LEVEL SHIDO_MAX_BODY \
  SHIDO_SECURE_COOKIES SHIDO_TRUST_PROXY SHIDO_PUBLIC_URL SHIDO_STATIC_DIR SHIDO_DEMO 2>/dev/null || true
export SHIDO_CONTENT_DIR=${SHIDO_CONTENT_DIR:-$PWD/content}

BENCH_PASSWORD=demo-password-2026
BENCH_SECRETARIAT=jimu@demo.shido.jp

# bench_binary: prints the server binary to run. Others rebuild build/shido while a benchmark
# runs, so it is copied into $work first (or SHIDO_BENCH_BIN names a copy made beforehand).
bench_binary() {
  if [ -n "${SHIDO_BENCH_BIN:-}" ]; then
    [ -x "$SHIDO_BENCH_BIN" ] || { echo "SHIDO_BENCH_BIN=$SHIDO_BENCH_BIN is not executable" >&2; return 1; }
    echo "$SHIDO_BENCH_BIN"
    return
  fi
  [ -x build/shido ] || scripts/build.sh build >&2
  [ -x "$work/shido" ] || cp build/shido "$work/shido"
  echo "$work/shido"
}

bench_require() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "$tool is missing: run scripts/install-deps.sh" >&2; return 1; }
  done
}

bench_port() { echo $(( 40000 + RANDOM % 10000 )); }

# bench_start_server BIN DB_URL PORT LOG [serve options...]: starts `shido serve` in the
# background, sets $server (its pid) and waits until /livez answers.
bench_start_server() {
  local bin=$1 db=$2 port=$3 log=$4
  shift 4
  "$bin" serve --db "$db" --port "$port" --listen 127.0.0.1 --log-level warn "$@" >"$log" 2>&1 &
  server=$!
  local _
  for _ in $(seq 1 200); do
    curl -fs "http://127.0.0.1:$port/livez" >/dev/null 2>&1 && return 0
    kill -0 "$server" 2>/dev/null || break
    sleep 0.1
  done
  echo "the server did not start:" >&2
  cat "$log" >&2
  return 1
}

bench_stop_server() {
  [ -n "${server:-}" ] || return 0
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  server=""
}

# bench_login BASE EMAIL: logs in, prints the session token (cookie shido_session).
bench_login() {
  local jar
  jar=$(mktemp "$work/cookies.XXXXXX")
  curl -fsS -o /dev/null -c "$jar" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$2\",\"password\":\"$BENCH_PASSWORD\"}" "$1/api/v1/auth/login" ||
    { echo "login as $2 failed" >&2; return 1; }
  awk '$6 == "shido_session" {print $7}' "$jar"
}

# bench_metrics BASE: "count sum_seconds b1 … b11" of the server's latency histogram (all routes).
bench_metrics() {
  curl -fsS "$1/metrics" | awk '
    /^shido_http_request_duration_seconds_bucket/ && !/Inf/ {b = b " " $2}
    /^shido_http_request_duration_seconds_sum/ {s = $2}
    /^shido_http_request_duration_seconds_count/ {c = $2}
    END {print c, s b}'
}

# bench_server_stats "BEFORE" "AFTER": from two bench_metrics snapshots, prints the server-side
# mean (ms) and the histogram bucket holding the 99th percentile ("<=N" ms) of what happened
# between them (every route, so only meaningful while one route is being hammered).
bench_server_stats() {
  awk -v before="$1" -v after="$2" 'BEGIN {
    split("1 2.5 5 10 25 50 100 250 500 1000 2500", bound, " ")
    nb = split(before, b, " "); split(after, a, " ")
    n = a[1] - b[1]; if (n <= 0) { print "- -"; exit }
    mean = (a[2] - b[2]) / n * 1000
    p = ">2500"
    for (i = 3; i <= nb; i++) if ((a[i] - b[i]) >= 0.99 * n) { p = "<=" bound[i - 2]; break }
    printf "%.2f %s\n", mean, p
  }'
}

# bench_wrk URL DURATION [wrk options...]: `wrk -t1 -c64` with the given extra options (a Cookie
# header); prints "req/s p99_ms errors" where errors counts non-2xx/3xx and socket errors.
# wrk leaves requests slower than its --timeout (default 2 s) out of the latency figures and
# counts them as socket errors: 10 s keeps slow answers in the p99.
bench_wrk() {
  local url=$1 duration=$2 out
  shift 2
  out=$(wrk -t1 -c"${BENCH_CONNECTIONS:-64}" -d"${duration}s" --timeout 10s --latency "$@" "$url")
  echo "$out" >>"$work/wrk.log"
  echo "$out" | awk '
    function ms(v) { if (v ~ /us$/) { sub(/us$/, "", v); return v / 1000 }
                     if (v ~ /ms$/) { sub(/ms$/, "", v); return v }
                     if (v ~ /s$/) { sub(/s$/, "", v); return v * 1000 }
                     return v }
    /Requests\/sec/ {rps = $2}
    $1 == "99%" {p99 = ms($2)}
    /Non-2xx or 3xx responses/ {err += $NF}
    /Socket errors/ {for (i = 3; i <= NF; i++) { v = $i; gsub(/[^0-9]/, "", v); err += v }}
    END {printf "%s %s %d\n", rps, p99, err}'
}

# bench_bytes URL TOKEN: size of one response body in bytes (HTTP status must be 200).
bench_bytes() {
  curl -fsS -o /dev/null -w '%{size_download}' -H "Cookie: shido_session=$2" "$1"
}

# bench_json EXPR: reads JSON on stdin, prints the JavaScript expression EXPR of it (`d` is the
# document), e.g. `bench_json 'd.items.length'`; objects print as JSON, null as "null".
# (node, not jq: scripts/install-deps.sh installs node.)
bench_json() {
  node -e '
    const d = JSON.parse(require("fs").readFileSync(0, "utf8"))
    const v = new Function("d", "return (" + process.argv[1] + ")")(d)
    console.log(v !== null && typeof v === "object" ? JSON.stringify(v) : String(v))' "$1"
}

# bench_uri TEXT: TEXT percent-encoded for a query string ("null" stays "null").
bench_uri() {
  node -e 'const t = process.argv[1]; console.log(t === "null" ? t : encodeURIComponent(t))' "$1"
}
