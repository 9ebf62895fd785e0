#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz) with clang and runs each from its committed corpus.
# Usage: scripts/fuzz.sh [seconds per target (default 10)] [target ...]
#   scripts/fuzz.sh            the short run of the test command
#   scripts/fuzz.sh 600        the long run (see tests/fuzz/README.md); new inputs that found
#                              new coverage are kept in build-fuzz/corpus/<target>/
# Prints, per target, the executions, the coverage reached and the crashes (target: none).
# Needs SHIDO_BIN (a built `shido`) to list the routes for the route-matching target.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(utf8 json_body csv routes hearing_key xlsx docx policy_body action_plan_body survey_body)
build=build-fuzz

cmake -S . -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1" -DSHIDO_FUZZ=ON -DSHIDO_BUILD_TESTS=OFF \
  -DSHIDO_BUILD_BENCH=OFF -DSHIDO_PCH=OFF -DCMAKE_UNITY_BUILD=ON >/dev/null
cmake --build "$build" -j "${SHIDO_FUZZ_JOBS:-$(nproc)}" --target "${targets[@]/%/_fuzz}"

"${SHIDO_BIN:-build/shido}" routes >"$build/routes.json"
export SHIDO_FUZZ_ROUTES=$PWD/$build/routes.json
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

failed=0
for target in "${targets[@]}"; do
  work=$build/corpus/$target
  mkdir -p "$work" "$build/crashes/$target"
  log=$build/$target.log
  # A workbook is a ZIP of several parts: its seeds (a real 様式2 export) need more room.
  max_len=4096
  [ "$target" != xlsx ] && [ "$target" != docx ] || max_len=16384
  # The committed seeds are read, the inputs found on the way go to the build's own corpus.
  if "$build/tests/fuzz/${target}_fuzz" "$work" "tests/fuzz/corpus/$target" \
       -dict="tests/fuzz/dictionaries/$target.dict" -max_total_time="$seconds" \
       -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
       -artifact_prefix="$build/crashes/$target/" >"$log" 2>&1; then
    status=ok
  else
    status=CRASH
    failed=1
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1 || true)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 || true)
  printf '%-10s %-6s executions: %-9s %s, crashes: %s\n' "$target" "$status" "${runs:-?}" \
    "${cov:-cov: ?}" "$(find "$build/crashes/$target" -type f | wc -l)"
  [ "$status" = ok ] || tail -40 "$log"
done
exit "$failed"
