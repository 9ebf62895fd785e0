#!/usr/bin/env bash
# HTTP read benchmark (issue: foundation). Starts the server on a generated SQLite database with
# 1,000 engagements, runs `wrk -t1 -c64 -d10s` against a trivial endpoint (/livez) and, logged in
# as an expert, against the engagement list and an engagement's detail. Prints req/s, p99 and
# the ratio to the trivial endpoint. Target: reads >= 40 % of trivial, p99 < 20 ms.
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
command -v wrk >/dev/null || { echo "wrk is missing: run scripts/install-deps.sh" >&2; exit 1; }
[ -x build/shido ] || scripts/build.sh build

work=$(mktemp -d /tmp/shido-bench.XXXXXX)
[ -n "$db_url" ] || db_url="sqlite:$work/bench.db"
port=$(( 40000 + RANDOM % 10000 ))
base="http://127.0.0.1:$port"
build/shido demo --db "$db_url" --engagements 1000 >/dev/null
build/shido serve --db "$db_url" --port "$port" --log-level warn --static "$work" >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do curl -fs "$base/livez" >/dev/null && break; sleep 0.1; done

login=$(curl -fsS -c "$work/cookies" -H 'Content-Type: application/json' \
  -d '{"email":"expert-gen1@bench.shido.jp","password":"demo-password-2026"}' "$base/api/v1/auth/login")
token=$(awk '$6 == "shido_session" {print $7}' "$work/cookies")
curl -fsS -b "shido_session=$token" "$base/api/v1/engagements" >"$work/list.json"
engagement=$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1])).items[0].id)' "$work/list.json")
count=$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1])).items.length)' "$work/list.json")
echo "expert $(echo "$login" | grep -o '"name":"[^"]*"' | head -1) sees $count engagements; detail id $engagement"

run() {  # name path -> "req/s p99_ms"
  local out rps p99
  out=$(wrk -t1 -c64 -d"${duration}s" --latency -H "Cookie: shido_session=$token" "$base$2")
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}')
  non2xx=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
  [ -z "$non2xx" ] || { echo "$1: $non2xx non-2xx responses" >&2; exit 1; }
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
