#!/usr/bin/env bash
# Engagement list benchmark (issue "Ready to grow five-fold"). Generates 10,000 engagements
# (`shido demo --engagements 10000`: 500 generated experts with 20 each, plus the demo's 2), starts
# the server and runs `wrk -t1 -c64` for S seconds on each of:
#   GET /livez                                           trivial, no database (the reference)
#   secretariat  GET /api/v1/engagements                 first page (50 of 10,002)
#   secretariat  GET /api/v1/engagements?status=in_progress&q=サンプル製作所
#                                                        filtered, one match: the worst case
#                                                        (the scan reads every in_progress row)
#   secretariat  GET /api/v1/engagements?sort=company&after=<next_after of page 2>   page 3
#   expert       GET /api/v1/engagements                 the 20 engagements of expert-gen1
#   expert       GET /api/v1/engagements/{id}            detail read
# For each: req/s, wrk's p99, the server's own mean and p99 bucket (from /metrics), bytes per
# response and the ratio to /livez. Targets: ratio >= 0.40 and p99 < 20 ms.
# Before pagination the secretariat's list was one 3.9 MB response for 10,002 engagements
# (../shared/guide/stack-notes.md); that figure is printed for comparison, not re-measured.
# PostgreSQL runs inside scripts/with-postgres.sh (a throw-away server on a loopback port).
# --explain also prints the query plans of the list's SQL (EXPLAIN QUERY PLAN on SQLite,
# EXPLAIN ANALYZE on PostgreSQL) on the same data.
# Usage: bench/list_bench.sh [--engines sqlite,postgres] [--duration S] [--engagements N]
#                            [--threads N] [--explain]
set -euo pipefail
cd "$(dirname "$0")/.."
engines=sqlite,postgres
duration=10
engagements=10000
threads=""
explain=no
results=""
while [ $# -gt 0 ]; do
  case $1 in
    --engines) engines=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --engagements) engagements=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --explain) explain=yes; shift ;;
    --results) results=$2; shift 2 ;;  # internal: the PostgreSQL run appends its rows here
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
for engine in ${engines//,/ }; do
  case $engine in
    sqlite|postgres) ;;
    *) echo "--engines takes sqlite and/or postgres, not $engine" >&2; exit 2 ;;
  esac
done
. bench/lib.sh
bench_require wrk curl node bc sqlite3

inner=no
[ -n "$results" ] && inner=yes
work=$(mktemp -d /tmp/shido-list-bench.XXXXXX)
server=""
trap 'bench_stop_server; rm -rf "$work"' EXIT
if [ $inner = no ]; then
  results="$work/results.tsv"
  : >"$results"
  bin=$(bench_binary)
  export SHIDO_BENCH_BIN=$bin  # the PostgreSQL run uses the same copy
else
  bin=$(bench_binary)
fi

# The list's SQL as src/storage/engagements/engagement_repository.cpp builds it (for --explain).
select_sql="SELECT e.id, e.company_id, c.name, e.expert_id, u.name, e.status, e.version, e.created_at, e.updated_at, s1.planned_date, s2.planned_date, s3.planned_date, s4.planned_date FROM engagements e JOIN companies c ON c.id = e.company_id LEFT JOIN users u ON u.id = e.expert_id LEFT JOIN engagement_sessions s1 ON s1.engagement_id = e.id AND s1.session_no = 1 LEFT JOIN engagement_sessions s2 ON s2.engagement_id = e.id AND s2.session_no = 2 LEFT JOIN engagement_sessions s3 ON s3.engagement_id = e.id AND s3.session_no = 3 LEFT JOIN engagement_sessions s4 ON s4.engagement_id = e.id AND s4.session_no = 4"
count_sql="SELECT COUNT(*) FROM engagements e JOIN companies c ON c.id = e.company_id"
subquery_sql="SELECT e.id, e.company_id, c.name, e.expert_id, u.name, e.status, e.version, e.created_at, e.updated_at, $(for n in 1 2 3 4; do printf '(SELECT planned_date FROM engagement_sessions s WHERE s.engagement_id = e.id AND s.session_no = %d), ' $n; done | sed 's/, $//') FROM engagements e JOIN companies c ON c.id = e.company_id LEFT JOIN users u ON u.id = e.expert_id"
filter_sql="WHERE e.status = 'in_progress' AND c.name LIKE '%サンプル製作所%' ESCAPE '\\'"
explain_queries() {  # engine db -> prints the plans
  local engine=$1 db=$2 q name
  local -a names=(
    "first page and sort=company: COUNT(*)" "first page: rows"
    "filtered: COUNT(*)" "filtered: rows"
    "sort=company page 3: rows"
    "for comparison (not the server's SQL): COUNT(*) without the companies join"
    "for comparison (not the server's SQL): first page, sessions as scalar subqueries")
  local -a queries=(
    "$count_sql"
    "$select_sql ORDER BY e.id DESC LIMIT 51"
    "$count_sql $filter_sql"
    "$select_sql $filter_sql ORDER BY e.id DESC LIMIT 51"
    "$select_sql WHERE (c.name > '$sort_name' OR (c.name = '$sort_name' AND e.id > $sort_id)) ORDER BY c.name, e.id LIMIT 51"
    "SELECT COUNT(*) FROM engagements e"
    "$subquery_sql ORDER BY e.id DESC LIMIT 51")
  echo
  echo "query plans ($engine, $(( engagements + 2 )) engagements)"
  for i in "${!queries[@]}"; do
    name=${names[$i]}
    q=${queries[$i]}
    echo "-- $name"
    if [ "$engine" = sqlite ]; then
      sqlite3 "${db#sqlite:}" "EXPLAIN QUERY PLAN $q" | sed 's/^/   /'
      # CPU time of the statement alone (user + sys, best of 10), in the sqlite3 shell.
      { printf '.timer on\n.output /dev/null\n'; for _ in 1 2 3 4 5 6 7 8 9 10; do printf '%s;\n' "$q"; done; } |
        sqlite3 "${db#sqlite:}" 2>&1 | awk '/Run Time/ {v = ($6 + $8) * 1000; if (best == "" || v < best) best = v}
          END {printf "   time: %.3f ms CPU (best of 10, sqlite3 shell)\n", best}'
    else
      # In one session, after running the statement once: planning with warm catalog caches,
      # as on the server's pooled connections.
      psql -X -q "$db" -c '\o /dev/null' -c "$q" -c '\o' -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) $q" | sed 's/^/   /'
    fi
  done
}

run_engine() {  # engine db_url
  local engine=$1 db=$2 base port cookie_jimu cookie_expert page1 page2 cursor detail
  echo "== $engine: generating $engagements engagements" >&2
  "$bin" demo --db "$db" --engagements "$engagements" >/dev/null
  if [ "$engine" = postgres ]; then
    psql -X -q "$db" -c 'ANALYZE' >/dev/null  # what autovacuum would do shortly after the load
  else
    sqlite3 "${db#sqlite:}" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null 2>&1 || true
  fi
  port=$(bench_port)
  base="http://127.0.0.1:$port"
  bench_start_server "$bin" "$db" "$port" "$work/server-$engine.log" --static "$work" \
    ${threads:+--threads "$threads"}
  cookie_jimu=$(bench_login "$base" "$BENCH_SECRETARIAT")
  cookie_expert=$(bench_login "$base" expert-gen1@bench.shido.jp)

  local list="$base/api/v1/engagements"
  curl -fsS -H "Cookie: shido_session=$cookie_jimu" "$list" >"$work/page1.json"
  local total items
  total=$(bench_json d.total <"$work/page1.json")
  items=$(bench_json d.items.length <"$work/page1.json")
  [ "$total" = $(( engagements + 2 )) ] ||
    { echo "$engine: the secretariat's list has total $total, not $(( engagements + 2 )) (database not empty?)" >&2; exit 1; }
  # sort=company: page 3 is what follows page 2's cursor.
  cursor=$(curl -fsS -H "Cookie: shido_session=$cookie_jimu" "$list?sort=company" | bench_json d.next_after)
  cursor=$(bench_uri "$cursor")
  cursor=$(curl -fsS -H "Cookie: shido_session=$cookie_jimu" "$list?sort=company&after=$cursor" | bench_json d.next_after)
  cursor=$(bench_uri "$cursor")
  [ "$cursor" != null ] || { echo "$engine: sort=company has no third page" >&2; exit 1; }
  # The cursor's key (company name, id), for --explain.
  read -r sort_name sort_id < <(node -e 'const [n, i] = Buffer.from(decodeURIComponent(process.argv[1]), "base64url").toString().split("\x1f"); console.log(n, i)' "$cursor")
  local filtered="$list?status=in_progress&q=$(bench_uri サンプル製作所)"
  local sorted="$list?sort=company&after=$cursor"
  detail=$(curl -fsS -H "Cookie: shido_session=$cookie_expert" "$list" | bench_json 'd.items[0].id')
  [ "$detail" != null ] || { echo "$engine: expert-gen1 sees no engagement" >&2; exit 1; }
  echo "$engine: secretariat sees $total engagements ($items on the first page); filtered: $(curl -fsS -H "Cookie: shido_session=$cookie_jimu" "$filtered" | bench_json d.total) match; expert-gen1 detail id $detail" >&2

  measure() {  # label url cookie ref_rps -> appends a row to $results
    local label=$1 url=$2 cookie=$3 before after rps p99 errs mean sp99 bytes count
    bytes=$( [ -z "$cookie" ] && curl -fsS -o /dev/null -w '%{size_download}' "$url" || bench_bytes "$url" "$cookie")
    count=$( [ -z "$cookie" ] && echo - || curl -fsS -H "Cookie: shido_session=$cookie" "$url" |
      bench_json '"items" in d ? `${d.items.length}/${d.total}` : 1')
    before=$(bench_metrics "$base")
    if [ -z "$cookie" ]; then
      read -r rps p99 errs < <(bench_wrk "$url" "$duration")
    else
      read -r rps p99 errs < <(bench_wrk "$url" "$duration" -H "Cookie: shido_session=$cookie")
    fi
    after=$(bench_metrics "$base")
    read -r mean sp99 < <(bench_server_stats "$before" "$after")
    [ "$errs" = 0 ] || echo "$engine $label: $errs failed requests (non-2xx or socket errors)" >&2
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$engine" "$label" "$rps" "$p99" "$errs" "$mean" "$sp99" "$bytes" "$count" >>"$results"
    echo "  $label: $rps req/s, p99 $p99 ms" >&2
  }
  measure "GET /livez (trivial)" "$base/livez" ""
  measure "secretariat: first page" "$list" "$cookie_jimu"
  measure "secretariat: status+q filter" "$filtered" "$cookie_jimu"
  measure "secretariat: sort=company p.3" "$sorted" "$cookie_jimu"
  measure "expert: list (20)" "$list" "$cookie_expert"
  measure "expert: detail" "$list/$detail" "$cookie_expert"
  grep '"level":"error"' "$work/server-$engine.log" | head -5 >&2 || true
  bench_stop_server
  [ $explain = no ] || explain_queries "$engine" "$db" >&2
}

for engine in ${engines//,/ }; do
  if [ "$engine" = sqlite ]; then
    run_engine sqlite "sqlite:$work/list-bench.db"
  elif [ $inner = yes ]; then
    run_engine postgres "${SHIDO_PG_URL:?with-postgres.sh did not set SHIDO_PG_URL}"
  else
    scripts/with-postgres.sh "$0" --engines postgres --duration "$duration" --engagements "$engagements" \
      ${threads:+--threads "$threads"} $( [ $explain = no ] || echo --explain ) --results "$results" >&2
  fi
done
[ $inner = no ] || exit 0

# The table: every row of every engine.
echo
echo "engagement list, $(( engagements + 2 )) engagements; wrk -t1 -c64 -d${duration}s per row; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-8s %-30s %9s %8s %9s %8s %9s %8s %6s %s\n' engine endpoint req/s p99_ms srv_mean srv_p99 bytes items ratio verdict
awk -F'\t' '
  $2 ~ /livez/ {ref[$1] = $3}
  {rows[NR] = $0}
  END {
    for (i = 1; i <= NR; i++) {
      split(rows[i], f, "\t")
      ratio = (ref[f[1]] > 0) ? f[3] / ref[f[1]] : 0
      verdict = ""
      if (f[2] !~ /livez/) verdict = (ratio >= 0.40 && f[4] < 20 && f[5] == 0) ? "ok" : "MISSED"
      if (f[5] != 0) verdict = verdict " (" f[5] " errors)"
      printf "%-8s %-30s %9.0f %8.2f %9s %8s %9s %8s %6.2f %s\n", f[1], f[2], f[3], f[4], f[6], f[7], f[8], f[9], ratio, verdict
    }
  }' "$results"
first=$(awk -F'\t' '$2 == "secretariat: first page" {print $8; exit}' "$results")
echo
echo "before pagination: GET /api/v1/engagements was one response of 3.9 MB for 10,002 engagements (../shared/guide/stack-notes.md)"
[ -z "$first" ] || echo "now: the first page is $first bytes ($(echo "scale=1; 3900000 / $first" | bc -l)x smaller)"
echo "targets: ratio (req/s / /livez req/s) >= 0.40 and wrk p99 < 20 ms; srv_mean/srv_p99 are the server's own"
echo "time per request from /metrics (srv_p99 is the histogram bucket holding the 99th percentile)"
