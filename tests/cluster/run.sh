#!/usr/bin/env bash
# Usage: [SHIDO_BIN=build/shido] tests/cluster/run.sh
#
# Two `shido serve` processes on one throw-away PostgreSQL, behind nginx (round-robin, passive
# health checks); tests/cluster/cluster.test.mjs then proves through the proxy that sessions,
# CSRF tokens and login throttling are shared, and that killing one server with SIGKILL in the
# middle of 1,000 concurrent writes loses no acknowledged write and duplicates none.
#
#   SHIDO_BIN          the binary (default: build/shido)
#   NGINX_BIN          default: /usr/sbin/nginx
#   CLUSTER_WRITES     concurrent writes of the kill test (default 1000)
#   CLUSTER_SPLIT_DB=1 self-check: server B on a DIFFERENT database; the test must then fail
#
# Everything runs on 127.0.0.1 in a temp directory; the trap stops nginx and both servers,
# scripts/with-postgres.sh stops PostgreSQL.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"

# The outer call only wraps itself in a throw-away PostgreSQL.
if [ -z "${_SHIDO_CLUSTER_INNER:-}" ]; then
  export _SHIDO_CLUSTER_INNER=1
  exec scripts/with-postgres.sh "$root/tests/cluster/run.sh" "$@"
fi

started_at=$(date +%s.%N)
SHIDO_BIN=$(realpath -m "${SHIDO_BIN:-build/shido}")
NGINX_BIN=${NGINX_BIN:-/usr/sbin/nginx}
[ -x "$SHIDO_BIN" ] || { echo "no shido binary at $SHIDO_BIN (set SHIDO_BIN)" >&2; exit 1; }
[ -x "$NGINX_BIN" ] || { echo "no nginx at $NGINX_BIN (apt-get install nginx-light)" >&2; exit 1; }
: "${SHIDO_PG_URL:?run under scripts/with-postgres.sh}"

dir=$(mktemp -d /tmp/shido-cluster.XXXXXX)
server_subshells=()  # the subshells the two servers run under (each waits for its server)
server_pids=()       # the two shido processes
pid_nginx=
# shellcheck disable=SC2317,SC2015  # a trap handler; `a && b || true` is meant
stop_all() {
  local rc=$?
  # A server's pid is signalled only while its subshell still waits for it, so never a reused pid.
  local i
  for i in "${!server_pids[@]}"; do
    kill -0 "${server_subshells[$i]}" 2>/dev/null && kill -TERM "${server_pids[$i]}" 2>/dev/null || true
  done
  [ -n "$pid_nginx" ] && kill -TERM "$pid_nginx" 2>/dev/null || true
  for _ in $(seq 50); do
    local alive=0
    for pid in "${server_subshells[@]}" $pid_nginx; do ! kill -0 "$pid" 2>/dev/null || alive=1; done
    [ "$alive" = 1 ] || break
    sleep 0.1
  done
  for i in "${!server_pids[@]}"; do
    kill -0 "${server_subshells[$i]}" 2>/dev/null && kill -KILL "${server_pids[$i]}" 2>/dev/null || true
  done
  [ -n "$pid_nginx" ] && kill -KILL "$pid_nginx" 2>/dev/null || true
  wait 2>/dev/null || true
  if [ "$rc" != 0 ]; then
    echo "--- cluster test failed (exit $rc); last lines of the logs in $dir:" >&2
    for f in a.log b.log nginx-error.log; do
      [ -f "$dir/$f" ] && { echo "--- $f" >&2; tail -n 15 "$dir/$f" >&2; }
    done
  fi
  rm -rf "$dir"
  exit "$rc"
}
trap stop_all EXIT

# The servers see nothing of the caller's SHIDO_* settings (SHIDO_SECURE_COOKIES, … would change
# what is tested).
clean_env=(env)
for v in $(compgen -e | grep '^SHIDO_' || true); do clean_env+=(-u "$v"); done

# Three free loopback ports (proxy, A, B); the kernel picks them.
read -r port_proxy port_a port_b < <(node -e '
  const net = require("node:net");
  const one = () => new Promise((ok) => { const s = net.createServer().listen(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => ok(p)); }); });
  (async () => { const ps = new Set(); while (ps.size < 3) ps.add(await one()); console.log([...ps].join(" ")); })();')
proxy_url="http://127.0.0.1:$port_proxy"

db_a=$SHIDO_PG_URL
db_b=$SHIDO_PG_URL
if [ "${CLUSTER_SPLIT_DB:-}" = 1 ]; then
  db_b=$SHIDO_PG_API_URL
  echo "CLUSTER_SPLIT_DB=1: server B uses a different database; the test is expected to FAIL"
fi

for db in $(printf '%s\n' "$db_a" "$db_b" | sort -u); do
  "${clean_env[@]}" "$SHIDO_BIN" demo --db "$db" --content "$root/content" >"$dir/demo.log" 2>&1 \
    || { cat "$dir/demo.log" >&2; exit 1; }
done

mkdir -p "$dir/static"
# Both servers are given one key file for the two-factor secrets (the first to start makes it).
# Each server runs under a subshell that waits for it, so that the SIGKILL the test sends to B
# is not reported by this shell as a dead job; $dir/NAME.pid holds the server's own pid.
start_server() {  # NAME PORT DB
  (
    "${clean_env[@]}" "$SHIDO_BIN" serve --db "$3" --listen 127.0.0.1 --port "$2" \
      --static "$dir/static" --content "$root/content" --log-level warn \
      --trust-proxy --public-url "$proxy_url" --threads 4 --workers 2 \
      --secret-key-file "$dir/secret.key" \
      >"$dir/$1.log" 2>&1 &
    echo $! >"$dir/$1.pid"
    wait $!
  ) 2>/dev/null &
  server_subshells+=($!)
  for _ in $(seq 50); do [ -s "$dir/$1.pid" ] && break; sleep 0.02; done
  server_pids+=("$(cat "$dir/$1.pid")")
}
start_server a "$port_a" "$db_a"; pid_a=${server_pids[0]}
start_server b "$port_b" "$db_b"; pid_b=${server_pids[1]}

# nginx as an ordinary process: its own prefix, config, pid, logs and temp paths under $dir.
mkdir -p "$dir/nginx/tmp"
user_line=""
[ "$(id -u)" = 0 ] && user_line="user root;"   # workers would otherwise drop to nobody
cat >"$dir/nginx/nginx.conf" <<EOF
$user_line
worker_processes 2;
pid $dir/nginx/nginx.pid;
error_log $dir/nginx-error.log warn;
events { worker_connections 4096; }
http {
  log_format cluster '\$msec \$request_method \$uri \$status up="\$upstream_addr" ups="\$upstream_status" rt=\$request_time';
  access_log $dir/nginx-access.log cluster;
  client_body_temp_path $dir/nginx/tmp/body;
  proxy_temp_path $dir/nginx/tmp/proxy;
  fastcgi_temp_path $dir/nginx/tmp/fastcgi;
  uwsgi_temp_path $dir/nginx/tmp/uwsgi;
  scgi_temp_path $dir/nginx/tmp/scgi;

  upstream shido {
    zone shido 64k;            # round-robin position and failure counts shared by both workers
    server 127.0.0.1:$port_a max_fails=1 fail_timeout=15s;
    server 127.0.0.1:$port_b max_fails=1 fail_timeout=15s;
    keepalive 16;
  }
  server {
    listen 127.0.0.1:$port_proxy;
    server_name 127.0.0.1;
    client_max_body_size 2m;
    location / {
      proxy_pass http://shido;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
      # Replace, never append: shido --trust-proxy takes the first X-Forwarded-For entry, so an
      # appended list would let the client choose the address that login throttling counts.
      proxy_set_header X-Forwarded-For \$remote_addr;
      # Another server is tried after a refused connection, a timeout or a 502/503 -- but a POST
      # or PATCH only if it was never sent ("non_idempotent" stays off: a write that reached a
      # server which then died may have been committed, and must not be applied twice).
      proxy_next_upstream error timeout http_502 http_503;
      proxy_next_upstream_tries 2;
      proxy_connect_timeout 2s;
      proxy_send_timeout 20s;
      proxy_read_timeout 20s;
      # Which server(s) answered: for the test's bookkeeping only.
      add_header X-Shido-Upstream \$upstream_addr always;
    }
  }
}
EOF
"$NGINX_BIN" -p "$dir/nginx" -e "$dir/nginx-error.log" -c "$dir/nginx/nginx.conf" -t -q
"$NGINX_BIN" -p "$dir/nginx" -e "$dir/nginx-error.log" -c "$dir/nginx/nginx.conf" -g 'daemon off;' &
pid_nginx=$!

wait_up() {  # URL PID NAME
  for _ in $(seq 150); do
    kill -0 "$2" 2>/dev/null || { echo "$3 exited before answering" >&2; exit 1; }
    curl -fsS -o /dev/null "$1/healthz" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "$3 did not answer $1/healthz within 15 s" >&2; exit 1
}
wait_up "http://127.0.0.1:$port_a" "$pid_a" "server A"
wait_up "http://127.0.0.1:$port_b" "$pid_b" "server B"
wait_up "$proxy_url" "$pid_nginx" "nginx"
ready_at=$(date +%s.%N)
echo "cluster: nginx $proxy_url -> A 127.0.0.1:$port_a (pid $pid_a), B 127.0.0.1:$port_b (pid $pid_b)"

rc=0
CLUSTER_PROXY_URL=$proxy_url \
CLUSTER_A_URL="http://127.0.0.1:$port_a" CLUSTER_A_PID=$pid_a \
CLUSTER_B_URL="http://127.0.0.1:$port_b" CLUSTER_B_PID=$pid_b \
CLUSTER_SUMMARY="$dir/summary.json" CLUSTER_ACCESS_LOG="$dir/nginx-access.log" CLUSTER_WRITES=${CLUSTER_WRITES:-1000} \
CLUSTER_DB_URL=$db_a CLUSTER_SHIDO_BIN=$SHIDO_BIN CLUSTER_CONTENT="$root/content" \
  "${clean_env[@]}" node --test --test-reporter=spec "$root/tests/cluster/cluster.test.mjs" || rc=$?

finished_at=$(date +%s.%N)
echo
echo "=== cluster summary ==="
# shellcheck disable=SC2016  # JavaScript, not shell
[ -f "$dir/summary.json" ] && node -e '
  const s = JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8"));
  const w = s.writes;
  if (w) {
    console.log(`writes: ${w.total} concurrent POST /api/v1/companies in ${w.seconds.toFixed(2)} s; ` +
      `server B SIGKILLed when nginx had logged ${w.acked_at_kill} acknowledged (${w.pending_at_kill} answers not yet read by the client)`);
    console.log(`  acknowledged ${w.acked} (A ${w.acked_by.A}, B ${w.acked_by.B}, retried onto A after a refused connection ${w.retried}), ` +
      `failed ${w.failed} (${Object.entries(w.failed_by).map(([k, v]) => `${k}: ${v}`).join(", ") || "none"})`);
    console.log(`  read back: ${w.found_acked}/${w.acked} acknowledged present, ${w.duplicates} duplicated, ` +
      `${w.failed_but_applied} of the failed ones committed anyway (the server died before answering)`);
    console.log(`  after the kill: ${w.after_kill_ok}/${w.after_kill_total} requests succeeded, all from ${w.after_kill_upstreams.join(", ")}`);
  }
  if (s.throttle) console.log(`throttle: ${s.throttle}`);
' "$dir/summary.json"
if [ -f "$dir/nginx-access.log" ]; then
  # Per server: the requests it answered itself, and those it left to nginx to answer with a
  # 5xx (the writes in flight when it died); "retried" went to the other server after a failure.
  awk -v a="127.0.0.1:$port_a" -v b="127.0.0.1:$port_b" '
    { match($0, /up="[^"]*"/); up = substr($0, RSTART + 4, RLENGTH - 5); n = split(up, parts, ", ")
      last = (parts[n] == a) ? "A" : (parts[n] == b) ? "B" : "none"; total++
      if ($4 >= 500) bad[last]++; else ok[last]++
      if (n > 1) retried++ }
    END { printf "proxy: %d requests; A answered %d (+%d 5xx), B answered %d (+%d 5xx); %d retried on the other server\n",
          total, ok["A"], bad["A"], ok["B"], bad["B"], retried }' "$dir/nginx-access.log"
fi
awk -v s="$started_at" -v r="$ready_at" -v f="$finished_at" \
  'BEGIN { printf "time: %.1f s in all (%.1f s to start the cluster, %.1f s of tests; PostgreSQL start not included)\n", f - s, r - s, f - r }'
[ "$rc" = 0 ] && echo "cluster test: PASSED" || echo "cluster test: FAILED"
exit "$rc"
