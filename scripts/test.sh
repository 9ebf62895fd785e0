#!/usr/bin/env bash
# Runs every test: the lint of the API document, format check, unit and storage tests (SQLite
# and a PostgreSQL 15 server it starts itself), API tests against the real server on both
# engines, end-to-end tests in Debian's chromium, and the unit/storage/API tests again under
# ASan+UBSan.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export SHIDO_CONTENT_DIR=$root/content

stage() { printf '\n=== %s (%ss)\n' "$1" "$SECONDS"; }

stage "dependencies"
scripts/install-deps.sh

stage "API test tools (tests/api: Ajv, Redocly CLI)"
if [ ! -d tests/api/node_modules ] || [ tests/api/package-lock.json -nt tests/api/node_modules/.package-lock.json ]; then
  (cd tests/api && npm ci --no-audit --no-fund --loglevel=error)
fi

stage "API document lint (Redocly, recommended-strict rules)"
(cd tests/api && npm run --silent lint:openapi)

stage "format"
mapfile -t sources < <(git ls-files 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp' 'bench/*.cpp')
clang-format --dry-run --Werror "${sources[@]}"

stage "build"
scripts/build.sh build

stage "unit and storage tests (SQLite)"
ctest --test-dir build --output-on-failure -j2

stage "front-end unit tests"
(cd web && npm run --silent test)

# Starts `shido serve` on DB_URL (after loading the demo) and prints its base URL.
start_server() {
  local binary=$1 db_url=$2 port log
  port=$(( 30000 + RANDOM % 20000 ))
  log=$(mktemp /tmp/shido-server.XXXXXX.log)
  "$binary" demo --db "$db_url" >/dev/null
  "$binary" serve --db "$db_url" --port "$port" --static "$root/web/dist" --log-level warn >"$log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 100); do
    curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && { base_url="http://127.0.0.1:$port"; return; }
    sleep 0.1
  done
  cat "$log" >&2
  return 1
}

postgres_suites() {
  SHIDO_TEST_DB_URL=$SHIDO_PG_URL build/tests/shido_storage_tests --gtest_brief=1
  SHIDO_TEST_DB_URL=$SHIDO_PG_API_URL node --test tests/api/
}
stage "storage and API tests (PostgreSQL 15)"
scripts/with-postgres.sh bash -c "$(declare -f postgres_suites); postgres_suites"

stage "end-to-end tests (chromium)"
e2e_db=$(mktemp -d /tmp/shido-e2e.XXXXXX)
start_server build/shido "sqlite:$e2e_db/shido.db"
trap 'kill $server_pid 2>/dev/null || true' EXIT
(cd web && SHIDO_BASE_URL=$base_url npm run --silent e2e)
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
rm -rf "$e2e_db"

# The exports' suite runs once, above; under the sanitizers the server and the suites that
# exercise it. The API tests on SQLite run here only, against the sanitized server.
stage "sanitizer build (address, undefined)"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DSHIDO_SANITIZE=ON -DSHIDO_BUILD_BENCH=OFF >/dev/null
cmake --build build-asan -j "$(nproc)" --target shido shido_unit_tests shido_storage_tests shido_http_tests
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

stage "unit, storage and route tests (sanitized)"
for suite in shido_unit_tests shido_storage_tests shido_http_tests; do
  "build-asan/tests/$suite" --gtest_brief=1
done

stage "API tests (SQLite, sanitized server)"
SHIDO_BIN=$root/build-asan/shido node --test tests/api/

stage "all tests passed"
