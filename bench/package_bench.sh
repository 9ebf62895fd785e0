#!/usr/bin/env bash
# Submission package (提出パッケージ) benchmark: the server on a fresh SQLite database with the
# demo data; bench/package_bench.mjs seeds the demo engagement (50 respondents in a closed
# round, the basic policy approved, published and submitted, 様式2 submitted, a 200-row 様式3
# approved and submitted) and prints the time to build
# the ZIP (target < 150 ms) and the p99 of GET /api/v1/engagements/{id} alone and while ten
# ZIPs are built at once.
# Usage: bench/package_bench.sh [--respondents N] [--rows N] [--zips N] [--seconds S] [--threads N]
#   SHIDO_BENCH_BIN names the server binary (default: a copy of build/shido).
set -euo pipefail
cd "$(dirname "$0")/.."
respondents=50
rows=200
zips=20
seconds=10
threads=""
while [ $# -gt 0 ]; do
  case $1 in
    --respondents) respondents=$2; shift 2 ;;
    --rows) rows=$2; shift 2 ;;
    --zips) zips=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
work=$(mktemp -d /tmp/shido-package-bench.XXXXXX)
server=""
. bench/lib.sh
trap 'bench_stop_server; rm -rf "$work"' EXIT
bench_require curl node
bin=$(bench_binary)
db="sqlite:$work/bench.db"
"$bin" demo --db "$db" >/dev/null
port=$(bench_port)
bench_start_server "$bin" "$db" "$port" "$work/server.log" ${threads:+--threads "$threads"}
node bench/package_bench.mjs --base "http://127.0.0.1:$port" --respondents "$respondents" --rows "$rows" \
  --zips "$zips" --seconds "$seconds"
