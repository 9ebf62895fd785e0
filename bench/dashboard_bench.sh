#!/usr/bin/env bash
# The secretariat's dashboard at 10,000 engagements (issue 8). Generates them straight into the
# database with `shido demo --engagements N --course-work` (every stage of the course: sessions
# held, 実施報告 in each state, tasks done, open and overdue), serves a copy of web/dist and runs
# bench/dashboard_bench.mjs: server p50/p99 of the first page and of a filtered page with their
# counts (and the experts' workload), then the browser's time from navigation to the table shown.
# Targets: server p99 < 50 ms, browser < 300 ms. On SQLite and on PostgreSQL (a throw-away
# server from scripts/with-postgres.sh, ANALYZEd after loading). --explain prints the plans of
# the state-filtered count and of the summary.
# Usage: bench/dashboard_bench.sh [--engines sqlite,postgres] [--engagements N] [--requests N]
#                                 [--runs N] [--no-browser] [--explain]
# SHIDO_BENCH_BIN names the binary (an optimised build); default build/shido.
set -euo pipefail
cd "$(dirname "$0")/.."
engines=sqlite,postgres
engagements=10000
requests=300
runs=7
browser=yes
explain=no
while [ $# -gt 0 ]; do
  case $1 in
    --engines) engines=$2; shift 2 ;;
    --engagements) engagements=$2; shift 2 ;;
    --requests) requests=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --no-browser) browser=no; shift ;;
    --explain) explain=yes; shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
. bench/lib.sh
bench_require curl node
if [ "$browser" = yes ]; then
  [ -x /usr/bin/chromium ] || [ -n "${SHIDO_CHROMIUM:-}" ] || { echo "chromium is missing: run scripts/install-deps.sh" >&2; exit 1; }
  [ -d web/node_modules/playwright-core ] || { echo "web/node_modules/playwright-core is missing: (cd web && npm ci)" >&2; exit 1; }
  [ -f web/dist/index.html ] || { echo "web/dist is not built: (cd web && npm run build)" >&2; exit 1; }
fi

if [[ ",$engines," == *,postgres,* ]] && [ -z "${SHIDO_PG_URL:-}" ]; then
  # Everything runs inside with-postgres.sh so both engines share one binary and one dist.
  exec scripts/with-postgres.sh "$0" --engines "$engines" --engagements "$engagements" \
    --requests "$requests" --runs "$runs" $([ "$browser" = no ] && echo --no-browser) \
    $([ "$explain" = yes ] && echo --explain)
fi

work=$(mktemp -d /tmp/shido-dashboard-bench.XXXXXX)
server=""
trap 'bench_stop_server; rm -rf "$work"' EXIT
bin=$(bench_binary)
[ "$browser" = yes ] && cp -r web/dist "$work/dist" || mkdir -p "$work/dist"

progress="(CASE WHEN r.state = 'accepted' THEN 5 WHEN r.state = 'returned' THEN 4 WHEN r.state = 'submitted' THEN 3 WHEN s.held_on IS NOT NULL THEN 2 WHEN s.planned_date IS NOT NULL THEN 1 ELSE 0 END)"
state_sql="SELECT COUNT(*) FROM engagements e WHERE e.id IN (SELECT s.engagement_id FROM engagement_sessions s LEFT JOIN session_reports r ON r.engagement_id = s.engagement_id AND r.session_no = s.session_no GROUP BY s.engagement_id HAVING COALESCE(MIN(CASE WHEN $progress < 5 THEN s.session_no * 10 + $progress END) % 10, 5) = 3)"

for engine in ${engines//,/ }; do
  case $engine in
    sqlite) db="sqlite:$work/dashboard.db" ;;
    postgres) db=${SHIDO_PG_URL:?} ;;
    *) echo "--engines takes sqlite and/or postgres, not $engine" >&2; exit 2 ;;
  esac
  started=$SECONDS
  "$bin" demo --db "$db" --engagements "$engagements" --course-work >/dev/null
  echo "$engine: $(( engagements + 2 )) engagements generated in $(( SECONDS - started )) s"
  if [ "$engine" = postgres ]; then
    psql -X -q "$db" -c 'ANALYZE' >/dev/null
    [ "$explain" = yes ] && psql -X "$db" -c "EXPLAIN ANALYZE $state_sql"
  elif [ "$explain" = yes ] && command -v sqlite3 >/dev/null; then
    sqlite3 "$work/dashboard.db" "EXPLAIN QUERY PLAN $state_sql"
  fi
  port=$(bench_port)
  bench_start_server "$bin" "$db" "$port" "$work/server.log" --static "$work/dist"
  node bench/dashboard_bench.mjs --base "http://127.0.0.1:$port" --requests "$requests" --runs "$runs" \
    --label "$engine" $([ "$browser" = no ] && echo --browser no)
  bench_stop_server
done
echo
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
