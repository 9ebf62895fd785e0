#!/usr/bin/env bash
# Outbox throughput: N queued e-mails (default 2,000, written straight into the outbox table)
# sent by one `shido serve` to a local SMTP server (aiosmtpd, tests/api/smtp_server.py, which
# parses and records every message). Prints messages/s from the moment the server listens
# until the last row is `sent`, and checks that the mail server received every message exactly
# once (by Message-ID); exit 1 otherwise. Also prints the mail server's own ceiling: the same
# messages from Python's smtplib over one connection (bench/smtp_baseline.py).
# Usage: bench/outbox_bench.sh [--db sqlite|postgres] [--messages N]
set -euo pipefail
cd "$(dirname "$0")/.."
engine=sqlite
messages=2000
while [ $# -gt 0 ]; do
  case $1 in
    --db) engine=$2; shift 2 ;;
    --messages) messages=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
case $engine in sqlite|postgres) ;; *) echo "--db must be sqlite or postgres" >&2; exit 2 ;; esac
if [ "$engine" = postgres ] && [ -z "${SHIDO_OUTBOX_BENCH_PG:-}" ]; then
  export SHIDO_OUTBOX_BENCH_PG=1
  exec scripts/with-postgres.sh "$0" --db postgres --messages "$messages"
fi

work=$(mktemp -d /tmp/shido-outbox-bench.XXXXXX)
server="" smtp=""
cleanup() {
  [ -n "$server" ] && { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }
  [ -n "$smtp" ] && { kill "$smtp" 2>/dev/null || true; wait "$smtp" 2>/dev/null || true; }
  rm -rf "$work"
}
trap cleanup EXIT
source bench/lib.sh
bench_require curl sqlite3 psql /usr/bin/python3
bin=$(bench_binary)

if [ "$engine" = postgres ]; then
  db_url=${SHIDO_PG_API_URL:?with-postgres.sh did not set SHIDO_PG_API_URL}
  sql() { psql -q -t -A "$db_url" -c "$1"; }
  series="SELECT i FROM generate_series(1, $messages) AS g(i)"
  now="EXTRACT(EPOCH FROM now())::BIGINT"
else
  db_url="sqlite:$work/bench.db"
  sql() { sqlite3 "$work/bench.db" "$1"; }
  series="WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $messages) SELECT i FROM n"
  now="CAST(strftime('%s', 'now') AS INTEGER)"
fi
"$bin" demo --db "$db_url" >/dev/null
sql "INSERT INTO outbox (recipient_address, subject, body, link, message_id, status, attempts,
       next_attempt_at, created_at)
     SELECT 'bench' || i || '@example.jp', '明日の指導：ベンチマーク株式会社 第' || (i % 4 + 1) || '回',
       '明日、ベンチマーク株式会社の指導が予定されています。' || chr(10) || '日時：2026年12月2日（水） 10:00〜12:00',
       '/engagements/1', '<bench' || i || '@shido.local>', 'queued', 0, 0, $now FROM ($series) AS s" 2>/dev/null ||
  sql "INSERT INTO outbox (recipient_address, subject, body, link, message_id, status, attempts,
       next_attempt_at, created_at)
     SELECT 'bench' || i || '@example.jp', '明日の指導：ベンチマーク株式会社 第' || (i % 4 + 1) || '回',
       '明日、ベンチマーク株式会社の指導が予定されています。' || char(10) || '日時：2026年12月2日（水） 10:00〜12:00',
       '/engagements/1', '<bench' || i || '@shido.local>', 'queued', 0, 0, $now FROM ($series) AS s"

smtp_port=$(bench_port)
/usr/bin/python3 tests/api/smtp_server.py "$smtp_port" "$work/received.jsonl" "$work/mode" >"$work/smtp.log" 2>&1 &
smtp=$!
for _ in $(seq 1 100); do grep -q ready "$work/smtp.log" && break; sleep 0.1; done

# The receiving server's own ceiling (Python's smtplib, one connection), on a second instance.
base_port=$(bench_port)
/usr/bin/python3 tests/api/smtp_server.py "$base_port" "$work/baseline.jsonl" "$work/mode" >"$work/base.log" 2>&1 &
base_smtp=$!
for _ in $(seq 1 100); do grep -q ready "$work/base.log" && break; sleep 0.1; done
baseline=$(/usr/bin/python3 bench/smtp_baseline.py "$base_port" "$(( messages < 500 ? messages : 500 ))")
kill "$base_smtp"; wait "$base_smtp" 2>/dev/null || true

port=$(bench_port)
bench_start_server "$bin" "$db_url" "$port" "$work/server.log" --static "$work" \
  --smtp-url "smtp://127.0.0.1:$smtp_port" --smtp-from shido@example.jp --outbox-poll-ms 50
start=$(date +%s.%N)
sent_at_start=$(sql "SELECT COUNT(*) FROM outbox WHERE status = 'sent'")
deadline=$(( $(date +%s) + 600 ))
while :; do
  # (Counted each time: the server's 明日の指導 scan may add the demo's mails at start.)
  total=$(sql "SELECT COUNT(*) FROM outbox")
  sent=$(sql "SELECT COUNT(*) FROM outbox WHERE status = 'sent'")
  [ "$sent" -ge "$total" ] && break
  [ "$(date +%s)" -lt "$deadline" ] || { echo "only $sent of $total sent after 10 minutes" >&2; exit 1; }
  sleep 0.1
done
end=$(date +%s.%N)
bench_stop_server

received=$(wc -l <"$work/received.jsonl")
connections=$(grep -o '"peer": \[[^]]*\]' "$work/received.jsonl" | sort -u | wc -l)
unique=$(grep -o '"message_id": "[^"]*"' "$work/received.jsonl" | sort -u | wc -l)
rate=$(echo "($total - $sent_at_start) / ($end - $start)" | bc -l)
printf 'outbox → aiosmtpd on %s: %d messages in %.2f s = %.0f messages/s (received %d, distinct Message-IDs %d, SMTP connections %d)\n' \
  "$engine" "$((total - sent_at_start))" "$(echo "$end - $start" | bc -l)" "$rate" "$received" "$unique" "$connections"
echo "the same aiosmtpd fed by Python's smtplib over one connection (its ceiling): $baseline messages/s"
[ "$received" -eq "$total" ] && [ "$unique" -eq "$total" ] || { echo "FAIL: lost or duplicated messages" >&2; exit 1; }
