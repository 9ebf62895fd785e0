#!/usr/bin/env bash
# Builds the server (build/shido) and the front end (web/dist).
# Usage: scripts/build.sh [build-dir] [extra cmake args...]
#   scripts/build.sh build -DSHIDO_BUILD_TESTS=OFF -DSHIDO_BUILD_BENCH=OFF   (server only)
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build}
shift || true

# ccache keeps rebuilds after a branch switch or a clean checkout short; used when installed.
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
# Ninja schedules the two cores better than make; a tree made earlier keeps its generator.
generator=()
[ -f "$build_dir/CMakeCache.txt" ] || ! command -v ninja >/dev/null || generator=(-G Ninja)
# Tests and benchmarks are built unless the caller turns them off (later -D flags win).
cmake -S . -B "$build_dir" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" \
  -DSHIDO_BUILD_TESTS=ON -DSHIDO_BUILD_BENCH=ON "$@" >/dev/null
cmake --build "$build_dir" -j "$(nproc)"

if [ ! -d web/node_modules ] || [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; then
  (cd web && npm ci --no-audit --no-fund --loglevel=error)
fi
(cd web && npm run --silent build)
