#!/usr/bin/env bash
# Self-assessment answering benchmark: the server on a fresh database with the demo data;
# expert1 opens a round and invites 200 staff respondents (2 requests of 100 links); 200
# simulated respondents then answer at the same time, each saving 25 answers one PUT at a time
# and submitting (bench/respondents_bench.mjs). Prints the answer-PUT latency (p50/p99),
# submissions per second, the total time, and checks through the analysis API that all
# 200 × 25 = 5000 answers and 200 submissions were stored (exit 1 otherwise).
# Usage: bench/respondents_bench.sh [--db sqlite|postgres] [--respondents N] [--threads N]
#   postgres runs inside scripts/with-postgres.sh (a throw-away PostgreSQL 15).
set -euo pipefail
cd "$(dirname "$0")/.."
engine=sqlite
respondents=200
threads=""
while [ $# -gt 0 ]; do
  case $1 in
    --db) engine=$2; shift 2 ;;
    --respondents) respondents=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
case $engine in
  sqlite|postgres) ;;
  *) echo "--db must be sqlite or postgres" >&2; exit 2 ;;
esac
[ -x build/shido ] || scripts/build.sh build

if [ "$engine" = postgres ] && [ -z "${SHIDO_RESPONDENTS_BENCH_PG:-}" ]; then
  # Re-run this script inside a throw-away PostgreSQL server.
  export SHIDO_RESPONDENTS_BENCH_PG=1
  exec scripts/with-postgres.sh "$0" --db postgres --respondents "$respondents" ${threads:+--threads "$threads"}
fi

work=$(mktemp -d /tmp/shido-respondents-bench.XXXXXX)
if [ "$engine" = postgres ]; then
  db_url=${SHIDO_PG_API_URL:?with-postgres.sh did not set SHIDO_PG_API_URL}
else
  db_url="sqlite:$work/bench.db"
fi
# No SHIDO_* settings from the caller's shell (the benchmark states its own).
unset SHIDO_DB SHIDO_PORT SHIDO_THREADS SHIDO_LOG_LEVEL SHIDO_MAX_BODY SHIDO_SECURE_COOKIES SHIDO_PUBLIC_URL 2>/dev/null || true
port=$(( 40000 + RANDOM % 10000 ))
base="http://127.0.0.1:$port"
build/shido demo --db "$db_url" --content content >/dev/null
build/shido serve --db "$db_url" --content content --port "$port" --listen 127.0.0.1 --log-level warn \
  --static "$work" ${threads:+--threads "$threads"} >"$work/server.log" 2>&1 &
server=$!
cleanup() {
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
for _ in $(seq 1 150); do curl -fs "$base/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
curl -fs "$base/healthz" >/dev/null || { echo "the server did not start:" >&2; cat "$work/server.log" >&2; exit 1; }

echo "shido on ${engine} (${db_url%%\?*}), ${threads:-default} request threads; $respondents respondents × 25 answers"
status=0
node bench/respondents_bench.mjs --base "$base" --respondents "$respondents" --label "$engine" || status=$?
if grep -q '"level":"error"' "$work/server.log"; then
  echo "server errors during the run:" >&2
  grep '"level":"error"' "$work/server.log" | head -20 >&2
  status=1
fi
exit $status
