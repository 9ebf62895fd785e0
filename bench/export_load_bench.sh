#!/usr/bin/env bash
# Reads while exports render (issue "Ready to grow five-fold"). On the demo data plus 1,000
# generated engagements: `wrk -t1 -c64` on GET /api/v1/engagements/{id} (expert1, the demo
# engagement) for S seconds alone; then 8 curl loops (--loops) download the demo round's
# 「自社診断結果報告」 (report.pdf) and 「自社診断結果のまとめ」 (summary.xlsx) over and over as the
# secretariat (odd loops start with the PDF, even ones with the workbook; each alternates), for
# S seconds alone and then for S seconds under the same wrk. Exports run on the server's worker
# pool (--workers threads at nice 10, bounded queue: 503 when full). Prints the read's req/s
# and p99 alone and under the exports; for the exports that ended while wrk ran: how many of
# each kind, per second, their time (p50 of each kind, p99 of all), how many got 503 or any
# other non-200 answer; and the exports per second without reads.
# Target: the read's p99 < 20 ms while exports render.
# Usage: bench/export_load_bench.sh [--workers default,1] [--duration S] [--loops N]
#                                   [--db sqlite|postgres] [--threads N]
#   --workers takes a comma-separated list: one run per value ("default" = the server's own).
#   postgres runs inside scripts/with-postgres.sh (a throw-away PostgreSQL 15).
set -euo pipefail
cd "$(dirname "$0")/.."
workers_list=default
duration=10
loops=8
engine=sqlite
threads=""
while [ $# -gt 0 ]; do
  case $1 in
    --workers) workers_list=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --loops) loops=$2; shift 2 ;;
    --db) engine=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
case $engine in
  sqlite|postgres) ;;
  *) echo "--db must be sqlite or postgres" >&2; exit 2 ;;
esac
. bench/lib.sh
bench_require wrk curl node

if [ "$engine" = postgres ] && [ -z "${SHIDO_EXPORT_BENCH_PG:-}" ]; then
  export SHIDO_EXPORT_BENCH_PG=1
  exec scripts/with-postgres.sh "$0" --db postgres --workers "$workers_list" --duration "$duration" \
    --loops "$loops" ${threads:+--threads "$threads"}
fi

work=$(mktemp -d /tmp/shido-export-load-bench.XXXXXX)
server=""
loop_pids=()
stop_loops() {
  local pid
  for pid in "${loop_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${loop_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  loop_pids=()
}
trap 'stop_loops; bench_stop_server; rm -rf "$work"' EXIT
bin=$(bench_binary)
if [ "$engine" = postgres ]; then
  db=${SHIDO_PG_URL:?with-postgres.sh did not set SHIDO_PG_URL}
else
  db="sqlite:$work/export-bench.db"
fi
"$bin" demo --db "$db" --engagements 1000 >/dev/null

# export_loop N BASE TOKEN ROUND: downloads the exports one after another until killed; one line
# per export: "kind http_code seconds end_time".
export_loop() {
  local n=$1 base=$2 token=$3 round=$4 i=$1 kind out
  while :; do
    if [ $(( i % 2 )) = 1 ]; then kind=report.pdf; else kind=summary.xlsx; fi
    out=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "Cookie: shido_session=$token" \
      "$base/api/v1/diagnosis/rounds/$round/$kind") || out="000 0"
    echo "$kind $out $(date +%s.%N)" >>"$work/exports-$n.log"
    i=$(( i + 1 ))
  done
}

results="$work/results.tsv"
: >"$results"
for workers in ${workers_list//,/ }; do
  port=$(bench_port)
  base="http://127.0.0.1:$port"
  opts=(--static "$work")
  [ "$workers" = default ] || opts+=(--workers "$workers")
  [ -z "$threads" ] || opts+=(--threads "$threads")
  bench_start_server "$bin" "$db" "$port" "$work/server.log" "${opts[@]}"
  jimu=$(bench_login "$base" "$BENCH_SECRETARIAT")
  expert=$(bench_login "$base" expert1@demo.shido.jp)
  engagement=$(curl -fsS -H "Cookie: shido_session=$expert" "$base/api/v1/engagements" | bench_json 'd.items[0].id')
  round=$(curl -fsS -H "Cookie: shido_session=$jimu" "$base/api/v1/engagements/$engagement/diagnosis/rounds" |
    bench_json '(Array.isArray(d) ? d : d.items)[0].id')
  [ "$round" != null ] || { echo "the demo engagement $engagement has no round" >&2; exit 1; }
  pdf_bytes=$(bench_bytes "$base/api/v1/diagnosis/rounds/$round/report.pdf" "$jimu")
  xlsx_bytes=$(bench_bytes "$base/api/v1/diagnosis/rounds/$round/summary.xlsx" "$jimu")
  detail="$base/api/v1/engagements/$engagement"
  echo "== workers: $workers — detail read of engagement $engagement (expert1); exports of round $round (PDF $pdf_bytes bytes, xlsx $xlsx_bytes bytes)" >&2

  read -r alone_rps alone_p99 alone_errs < <(bench_wrk "$detail" "$duration" -H "Cookie: shido_session=$expert")
  echo "  detail alone: $alone_rps req/s, p99 $alone_p99 ms" >&2

  # The exports alone (no reads): their own throughput on this machine.
  rm -f "$work"/exports-*.log
  for n in $(seq 1 "$loops"); do
    export_loop "$n" "$base" "$jimu" "$round" &
    loop_pids+=($!)
  done
  sleep 0.5
  alone_from=$(date +%s.%N)
  sleep "$duration"
  alone_to=$(date +%s.%N)
  stop_loops
  alone_exp=$(cat "$work"/exports-*.log | awk -v from="$alone_from" -v to="$alone_to" \
    '$4 >= from && $4 <= to && $2 == 200 {n++} END {printf "%.1f\n", n / (to - from)}')
  echo "  exports alone: $alone_exp per second" >&2

  rm -f "$work"/exports-*.log
  for n in $(seq 1 "$loops"); do
    export_loop "$n" "$base" "$jimu" "$round" &
    loop_pids+=($!)
  done
  sleep 0.5  # every loop has its first export in flight
  started=$(date +%s.%N)
  read -r load_rps load_p99 load_errs < <(bench_wrk "$detail" "$duration" -H "Cookie: shido_session=$expert")
  ended=$(date +%s.%N)
  stop_loops
  elapsed=$(echo "$ended - $started" | bc -l)
  echo "  detail under exports: $load_rps req/s, p99 $load_p99 ms" >&2
  # Exports answered while wrk ran: count, per second, p50/p99 time, 503s and other failures.
  # (Worker threads run at nice 10: under the read load they get what the request threads leave.)
  cat "$work"/exports-*.log | awk -v from="$started" -v to="$ended" '$4 >= from && $4 <= to' >"$work/exports.log"
  read -r pdf_n xlsx_n ok_n busy_n other_n pdf50 xlsx50 p99 < <(sort -k3 -g "$work/exports.log" | awk '
    function at(a, n, q) { i = int(n * q + 0.999); if (i < 1) i = 1; return a[i] * 1000 }
    {if ($1 == "report.pdf") pdf++; else xlsx++
     if ($2 == 200) { ok++; t[ok] = $3; if ($1 == "report.pdf") tp[++np] = $3; else tx[++nx] = $3 }
     else if ($2 == 503) busy++; else other++}
    END {printf "%d %d %d %d %d %.0f %.0f %.0f\n", pdf, xlsx, ok, busy, other, at(tp, np, 0.5), at(tx, nx, 0.5), at(t, ok, 0.99)}')
  workers_shown=$workers
  [ "$workers" != default ] ||
    workers_shown="default ($("$bin" serve --help | grep -e '--workers' | grep -o 'default: [0-9]*' | cut -d' ' -f2))"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$workers_shown" "$alone_rps" "$alone_p99" \
    "$load_rps" "$load_p99" "$(( alone_errs + load_errs ))" "$pdf_n" "$xlsx_n" "$ok_n" "$busy_n" "$other_n" \
    "$pdf50" "$xlsx50" "$p99" "$elapsed" "$alone_exp" >>"$results"
  grep '"level":"error"' "$work/server.log" | head -5 >&2 || true
  bench_stop_server
done

echo
echo "detail read while $loops exports render at once ($engine, wrk -t1 -c64 -d${duration}s; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%-12s %10s %8s %11s %8s %7s  %6s %6s %6s %5s %6s %9s %9s %9s %10s  %s\n' workers "alone r/s" "p99 ms" "loaded r/s" "p99 ms" "errors" \
  "PDFs" "xlsx" "exp/s" "503s" "other" "PDF p50" "xlsx p50" "exp p99" "exp/s alone" verdict
awk -F'\t' '{
  verdict = ($5 < 20 && $6 == 0) ? "ok" : "MISSED"
  if ($10 > 0) verdict = verdict ", " $10 " exports refused (503)"
  printf "%-12s %10.0f %8.2f %11.0f %8.2f %7d  %6d %6d %6.1f %5d %6d %6d ms %6d ms %6d ms %10.1f  %s\n", $1, $2, $3, $4, $5, $6, $7, $8, $9 / $15, $10, $11, $12, $13, $14, $16, verdict
}' "$results"
echo "target: the detail read's p99 < 20 ms while the exports render; PDFs/xlsx/exp/s = exports answered"
echo "while wrk ran (200s per second, PDF and xlsx together; each loop alternates the two); 503s = refused"
echo "by the full worker queue; exp/s alone = the same loops with no reads (workers run at nice 10, so"
echo "under the read load they get what the request threads leave)"
