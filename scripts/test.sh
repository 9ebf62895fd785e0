#!/usr/bin/env bash
# Runs every test: the lint of the API document, format check, the C++ suites (SQLite, and a
# PostgreSQL 15 server it starts itself), API tests against the real server on both engines,
# end-to-end tests in Debian's chromium, two servers behind nginx on one PostgreSQL, and the
# fuzz targets for a short while. Everything runs on ONE build, made with the address and
# undefined-behaviour sanitizers, so each suite runs once and every run is checked for memory
# errors (two builds cost more CI time than the whole test run).
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

# Unity batches (several .cpp per compiler run), lld, and no optimisation: -O0 compiles in about
# half the time of -O1 under the sanitizers, and the suites ran as fast (measured: C++ suites
# 37 s vs 41 s, API tests 61 s vs 58 s), since they wait on SQLite, sockets and argon2. Batches
# of 16 files instead of CMake's 8 compile the same templates half as often (measured from a
# clean tree: 347 s against about 400 s for the C++ part, 617 s of CPU against 793 s).
stage "build (sanitized: address, undefined)"
# The micro-benchmarks are not built here (bench/ is run by hand, on an optimised build).
scripts/build.sh build-test -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O0 -g1" \
  -DSHIDO_SANITIZE=ON -DCMAKE_UNITY_BUILD=ON -DCMAKE_UNITY_BUILD_BATCH_SIZE=16 \
  -DCMAKE_EXE_LINKER_FLAGS=-fuse-ld=lld \
  -DSHIDO_BUILD_BENCH=OFF
export SHIDO_BIN=$root/build-test/shido
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS=suppressions=$root/tests/lsan.supp:print_suppressions=0

# Runs the given functions side by side, each writing to its own log, then prints every log in
# turn with how long it took; fails when any of them failed. Only for suites that leave a core
# idle: the C++ suites, vitest and the SQLite API tests together took 132 s against 172 s one
# after the other; the PostgreSQL suites, the browser tests and the fuzz build together took
# 558 s against about 450 s one after the other (both cores were already busy), so those run
# in turn.
together() {
  local names=("$@") pids=() logs=() status=0 i
  for name in "${names[@]}"; do
    logs+=("$(mktemp /tmp/shido-test.XXXXXX.log)")
    ( trap 'echo "(took $((SECONDS - start)) s)"' EXIT; start=$SECONDS; "$name" ) >"${logs[-1]}" 2>&1 &
    pids+=($!)
  done
  running_pids=("${pids[@]}")
  for i in "${!pids[@]}"; do
    local result=passed
    wait "${pids[$i]}" || { result=FAILED; status=1; }
    printf '\n--- %s: %s\n' "${names[$i]}" "$result"
    cat "${logs[$i]}"
    rm -f "${logs[$i]}"
  done
  running_pids=()
  return $status
}
running_pids=()
trap 'kill "${running_pids[@]}" 2>/dev/null || true' EXIT

cpp_suites() {
  for suite in shido_unit_tests shido_storage_tests shido_http_tests exports/shido_exports_tests; do
    "build-test/tests/$suite" --gtest_brief=1
  done
}

frontend_unit_tests() {
  cd web && npm run --silent test
}

# Starts `shido serve` on DB_URL (after loading the demo) with any further serve options, and
# sets base_url.
start_server() {
  local binary=$1 db_url=$2 port log attempt
  shift 2
  log=$(mktemp /tmp/shido-server.XXXXXX.log)
  "$binary" demo --db "$db_url" >/dev/null
  # A random port may be taken (seen once: "bind: Address already in use"): another one then.
  # The answer to /healthz counts only while this server still runs, not another one's.
  for attempt in 1 2 3 4 5; do
    port=$(( 30000 + RANDOM % 20000 ))
    "$binary" serve --db "$db_url" --port "$port" --static "$root/web/dist" --log-level warn "$@" >"$log" 2>&1 &
    server_pid=$!
    for _ in $(seq 1 100); do
      kill -0 "$server_pid" 2>/dev/null || break
      if curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && kill -0 "$server_pid" 2>/dev/null; then
        base_url="http://127.0.0.1:$port"
        return
      fi
      sleep 0.1
    done
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    grep -q "Address already in use" "$log" || break
    echo "port $port taken (attempt $attempt): another one" >&2
  done
  cat "$log" >&2
  return 1
}

# Every API test file starts its own server on its own database, so files may run side by side:
# two at a time keep both cores busy while one waits on its server (node 20+ has the flag; 18
# runs them one by one).
api_test_flags=()
node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)' &&
  api_test_flags=(--test-concurrency=2)

api_tests_sqlite() {
  node --test "${api_test_flags[@]}" tests/api/
}

stage "C++ suites (SQLite), front-end unit tests and API tests (SQLite), side by side"
together cpp_suites frontend_unit_tests api_tests_sqlite

# The PostgreSQL suites use different databases of one server, started here for them.
postgres_suites() {
  SHIDO_TEST_DB_URL=$SHIDO_PG_URL build-test/tests/shido_storage_tests --gtest_brief=1 &
  local storage=$!
  SHIDO_TEST_DB_URL=$SHIDO_PG_API_URL node --test "${api_test_flags[@]}" tests/api/ ||
    { wait "$storage"; return 1; }
  wait "$storage"
}
postgres_stage() {
  scripts/with-postgres.sh bash -c "$(declare -p api_test_flags); $(declare -f postgres_suites); postgres_suites"
}

# The mail server of the API tests (tests/api/smtp_server.py) on loopback: the account specs
# read the invitation and reset links from what it records. Sets smtp_pid and smtp_port.
start_mail_server() {
  local records=$1 mode=$2 log=$3 attempt
  # Like start_server: a taken random port means another one.
  for attempt in 1 2 3 4 5; do
    smtp_port=$(( 30000 + RANDOM % 20000 ))
    /usr/bin/python3 tests/api/smtp_server.py "$smtp_port" "$records" "$mode" >"$log" 2>&1 &
    smtp_pid=$!
    for _ in $(seq 1 100); do
      grep -qx ready "$log" 2>/dev/null && return  # the whole line: "already in use" is not it
      kill -0 "$smtp_pid" 2>/dev/null || break
      sleep 0.1
    done
    kill "$smtp_pid" 2>/dev/null || true
    wait "$smtp_pid" 2>/dev/null || true
    echo "mail server on port $smtp_port did not start (attempt $attempt)" >&2
  done
  cat "$log" >&2
  return 1
}

end_to_end_tests() {
  local e2e_db status=0
  e2e_db=$(mktemp -d /tmp/shido-e2e.XXXXXX)
  start_mail_server "$e2e_db/mails.jsonl" "$e2e_db/smtp-mode" "$e2e_db/smtp.log"
  # As setup.sh serves: the two-factor secrets the browser tests enrol are sealed with a key.
  start_server "$SHIDO_BIN" "sqlite:$e2e_db/shido.db" --smtp-url "smtp://127.0.0.1:$smtp_port" \
    --smtp-from shido-e2e@example.jp --outbox-poll-ms 100 --secret-key-file "$e2e_db/secret.key"
  (cd web && SHIDO_BASE_URL=$base_url SHIDO_MAIL_RECORDS=$e2e_db/mails.jsonl npm run --silent e2e) || status=$?
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
  kill "$smtp_pid"; wait "$smtp_pid" 2>/dev/null || true
  rm -rf "$e2e_db"
  return "$status"
}

# One core: the clang build, then one target at a time from the committed corpora (the long
# runs are by hand: tests/fuzz/README.md).
fuzz_targets() {
  SHIDO_FUZZ_JOBS=1 scripts/fuzz.sh 4
}

stage "storage and API tests (PostgreSQL 15)"
postgres_stage

stage "two servers behind nginx on one PostgreSQL"
tests/cluster/run.sh

# The browser tests use about one core; the fuzz targets take the other.
stage "end-to-end tests (chromium) beside the fuzz targets (4 s each)"
together end_to_end_tests fuzz_targets

stage "all tests passed"
