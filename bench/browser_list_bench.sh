#!/usr/bin/env bash
# The engagement list in Chromium: generates 10,000 engagements, serves a copy of web/dist
# (`shido serve --static`) and runs bench/browser_list_bench.mjs: the secretariat logs in through
# the UI, then the time from navigating to /engagements until the first page's rows are visible
# (median of --runs, target < 300 ms), the JS heap in use, and how many rows the page rendered.
# Usage: bench/browser_list_bench.sh [--engine sqlite|postgres] [--runs N] [--engagements N]
#                                    [--width PX]
#   postgres runs inside scripts/with-postgres.sh (a throw-away PostgreSQL 15).
set -euo pipefail
cd "$(dirname "$0")/.."
engine=sqlite
runs=7
engagements=10000
width=1280
while [ $# -gt 0 ]; do
  case $1 in
    --engine) engine=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --engagements) engagements=$2; shift 2 ;;
    --width) width=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
case $engine in
  sqlite|postgres) ;;
  *) echo "--engine must be sqlite or postgres" >&2; exit 2 ;;
esac
. bench/lib.sh
bench_require curl node
[ -x /usr/bin/chromium ] || [ -n "${SHIDO_CHROMIUM:-}" ] || { echo "chromium is missing: run scripts/install-deps.sh" >&2; exit 1; }
[ -d web/node_modules/playwright-core ] || { echo "web/node_modules/playwright-core is missing: (cd web && npm ci)" >&2; exit 1; }
[ -f web/dist/index.html ] || { echo "web/dist is not built: (cd web && npm run build)" >&2; exit 1; }

if [ "$engine" = postgres ] && [ -z "${SHIDO_BROWSER_BENCH_PG:-}" ]; then
  export SHIDO_BROWSER_BENCH_PG=1
  exec scripts/with-postgres.sh "$0" --engine postgres --runs "$runs" --engagements "$engagements" --width "$width"
fi

work=$(mktemp -d /tmp/shido-browser-bench.XXXXXX)
server=""
trap 'bench_stop_server; rm -rf "$work"' EXIT
bin=$(bench_binary)
# A copy of the front end: the build in web/dist may be replaced while the benchmark runs.
cp -r web/dist "$work/dist"
if [ "$engine" = postgres ]; then
  db=${SHIDO_PG_URL:?with-postgres.sh did not set SHIDO_PG_URL}
else
  db="sqlite:$work/browser-bench.db"
fi
"$bin" demo --db "$db" --engagements "$engagements" >/dev/null
[ "$engine" = sqlite ] || psql -X -q "$db" -c 'ANALYZE' >/dev/null
port=$(bench_port)
bench_start_server "$bin" "$db" "$port" "$work/server.log" --static "$work/dist"
echo "shido on $engine with $(( engagements + 2 )) engagements, web/dist built $(date -r web/dist/index.html '+%F %T')"
node bench/browser_list_bench.mjs --base "http://127.0.0.1:$port" --runs "$runs" --label "$engine" --width "$width"
