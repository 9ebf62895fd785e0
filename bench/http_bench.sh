#!/usr/bin/env bash
# HTTP read benchmark (issue: foundation). Starts the server on a generated SQLite database with
# 1,000 engagements, runs `wrk -t1 -c64 -d10s` against a trivial endpoint (/livez) and, logged in
# as an expert, against the engagement list (its first page: `{"items":[…],"total":N,
# "next_after":…}`; the expert's 20 engagements fit on it) and an engagement's detail. Prints
# req/s, p99 and the ratio to the trivial endpoint. Target: reads >= 40 % of trivial, p99 < 20 ms.
# The secretariat's list on 10,000 engagements: bench/list_bench.sh.
# Usage: bench/http_bench.sh [--db URL] [--duration SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=10
db_url=""
while [ $# -gt 0 ]; do
  case $1 in
    --db) db_url=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
. bench/lib.sh
bench_require wrk curl node bc

work=$(mktemp -d /tmp/shido-bench.XXXXXX)
server=""
trap 'bench_stop_server; rm -rf "$work"' EXIT
bin=$(bench_binary)
[ -n "$db_url" ] || db_url="sqlite:$work/bench.db"
port=$(bench_port)
base="http://127.0.0.1:$port"
"$bin" demo --db "$db_url" --engagements 1000 >/dev/null
bench_start_server "$bin" "$db_url" "$port" "$work/server.log" --static "$work"

token=$(bench_login "$base" expert-gen1@bench.shido.jp)
curl -fsS -H "Cookie: shido_session=$token" "$base/api/v1/engagements" >"$work/list.json"
engagement=$(bench_json 'd.items[0].id' <"$work/list.json")
count=$(bench_json 'd.items.length' <"$work/list.json")
total=$(bench_json 'd.total' <"$work/list.json")
[ "$engagement" != undefined ] || { echo "the list has no items: $(head -c 300 "$work/list.json")" >&2; exit 1; }
echo "expert-gen1 sees $count of $total engagements on the first page; detail id $engagement"

run() {  # name path -> "req/s p99_ms"
  local rps p99 errs
  read -r rps p99 errs < <(bench_wrk "$base$2" "$duration" -H "Cookie: shido_session=$token")
  [ "$errs" = 0 ] || { echo "$1: $errs failed requests (non-2xx or socket errors)" >&2; exit 1; }
  echo "$rps $p99"
}

read -r base_rps base_p99 < <(run trivial /livez)
read -r list_rps list_p99 < <(run list /api/v1/engagements)
read -r detail_rps detail_p99 < <(run detail "/api/v1/engagements/$engagement")

printf '\n%-34s %10s %9s %9s\n' endpoint req/s p99_ms ratio
printf '%-34s %10.0f %9.2f %9s\n' "GET /livez (trivial)" "$base_rps" "$base_p99" "1.00"
printf '%-34s %10.0f %9.2f %9.2f\n' "GET /api/v1/engagements" "$list_rps" "$list_p99" "$(echo "$list_rps / $base_rps" | bc -l)"
printf '%-34s %10.0f %9.2f %9.2f\n' "GET /api/v1/engagements/{id}" "$detail_rps" "$detail_p99" "$(echo "$detail_rps / $base_rps" | bc -l)"
echo "target: ratio >= 0.40 and p99 < 20 ms for the two reads (database: ${db_url%%:*})"
