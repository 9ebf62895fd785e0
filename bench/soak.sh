#!/usr/bin/env bash
# Soak benchmark: the server (a copy of build/shido) on a fresh SQLite database with the demo
# data, serving a copy of web/dist when it is built, on loopback only; then bench/soak.mjs drives
# C concurrent keep-alive connections for N minutes: reads (engagement list/detail, rounds,
# analysis, findings, respondents, comparison, companies, audit log, …), respondents answering
# their sheets by link token (25 answer PUTs and a submit each, links issued as needed) and
# exports (the .xlsx workbook, the PDF report and the invitation sheet PDF). Prints per endpoint
# the requests, errors (503 "unavailable" of the heavy-work queue apart), p50/p99/max, the
# server's VmRSS at the start, every minute and at the end, and checks every submission was
# stored. Targets: 0 errors, 0 × 503, no RSS growth after the first minute.
# Usage: bench/soak.sh [--minutes N] [--connections C] [--threads N] [--workers N] [--think-ms MS]
#   defaults: 10 minutes, 256 connections, the server's own threads and workers, no think time.
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=10
connections=256
threads=""
workers=""
think=0
while [ $# -gt 0 ]; do
  case $1 in
    --minutes) minutes=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --workers) workers=$2; shift 2 ;;
    --think-ms) think=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
[[ $minutes =~ ^[0-9]+([.][0-9]+)?$ ]] && [ "$minutes" != 0 ] || { echo "--minutes must be a positive number" >&2; exit 2; }
[[ $connections =~ ^[0-9]+$ ]] && [ "$connections" -ge 3 ] || { echo "--connections must be an integer ≥ 3" >&2; exit 2; }
[[ $think =~ ^[0-9]+$ ]] || { echo "--think-ms must be an integer" >&2; exit 2; }
. bench/lib.sh
bench_require curl node timeout

# Every connection is a file descriptor on both sides.
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt $(( connections * 2 + 256 )) ]; then
  ulimit -n "$(( connections * 2 + 256 ))" 2>/dev/null || ulimit -n "$(ulimit -Hn)"
fi

work=$(mktemp -d /tmp/shido-soak.XXXXXX)
server=""
trap 'bench_stop_server; rm -rf "$work"' EXIT
bin=$(bench_binary)
static=()
if [ -f web/dist/index.html ]; then
  # A copy: web/dist may be rebuilt while the soak runs.
  cp -r web/dist "$work/dist"
  static=(--static "$work/dist")
else
  echo "web/dist is not built: the SPA's index.html is left out of the mix" >&2
  static=(--static "$work")
fi
db_file="$work/soak.db"
"$bin" demo --db "sqlite:$db_file" >/dev/null
port=$(bench_port)
bench_start_server "$bin" "sqlite:$db_file" "$port" "$work/server.log" "${static[@]}" \
  ${threads:+--threads "$threads"} ${workers:+--workers "$workers"}
echo "shido (pid $server) on SQLite, 127.0.0.1:$port, ${threads:-default} request threads, ${workers:-default} workers; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

status=0
# Bounded: the driver stops itself at the deadline (and gives up 2 minutes after it); `timeout`
# is the last resort.
bound=$(awk -v m="$minutes" 'BEGIN { printf "%d", m * 60 + 300 }')
timeout --kill-after=10 "$bound" node bench/soak.mjs --base "http://127.0.0.1:$port" --pid "$server" \
  --minutes "$minutes" --connections "$connections" --think-ms "$think" --db-file "$db_file" || status=$?
kill -0 "$server" 2>/dev/null || { echo "FAIL the server is no longer running" >&2; status=1; }
errors=$(grep -c '"level":"error"' "$work/server.log" || true)
warnings=$(grep -c '"level":"warn"' "$work/server.log" || true)
echo "server log: $errors error lines, $warnings warnings"
if [ "$errors" != 0 ]; then
  grep '"level":"error"' "$work/server.log" | head -20 >&2
  status=1
fi
[ "$warnings" = 0 ] || grep '"level":"warn"' "$work/server.log" | cut -c1-300 | sort | uniq -c | sort -rn | head -10 >&2
exit $status
