#!/usr/bin/env bash
# Usage: scripts/with-postgres.sh COMMAND [ARGS...]
# Starts a throw-away PostgreSQL 15 server in a temp directory on a loopback port, creates the
# databases shido_test and shido_api, runs COMMAND with SHIDO_PG_URL / SHIDO_PG_API_URL set,
# then stops the server and removes the directory, whatever COMMAND returned.
set -euo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
[ -x "$PG_BIN/initdb" ] || { echo "PostgreSQL 15 is not installed (run scripts/setup.sh)" >&2; exit 1; }

dir=$(mktemp -d /tmp/shido-pg.XXXXXX)
port=${SHIDO_PG_PORT:-$(( 20000 + RANDOM % 20000 ))}
as_pg=()
if [ "$(id -u)" = 0 ]; then
  chown postgres:postgres "$dir"
  as_pg=(runuser -u postgres --)
fi

stop() {
  "${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT

"${as_pg[@]}" "$PG_BIN/initdb" -D "$dir/data" -U shido --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }
"${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c full_page_writes=off" start >/dev/null \
  || { cat "$dir/server.log" >&2; exit 1; }
for db in shido_test shido_api; do
  "$PG_BIN/psql" -q -h 127.0.0.1 -p "$port" -U shido -d postgres -c "CREATE DATABASE $db" >/dev/null
done

export SHIDO_PG_URL="postgresql://shido@127.0.0.1:$port/shido_test"
export SHIDO_PG_API_URL="postgresql://shido@127.0.0.1:$port/shido_api"
echo "PostgreSQL 15 running on 127.0.0.1:$port (data in $dir)"
"$@"
