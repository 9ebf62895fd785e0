#!/usr/bin/env bash
# Workbook export speed: 「自社診断結果のまとめ」 for a round with 50 respondents, written by
# libxlsxwriter (write_summary_xlsx via tests/exports/export_timing.cpp) and by Python's XlsxWriter
# (bench/export_bench.py with Debian's python3-xlsxwriter: the same sheets, cells, drop-downs and
# radar chart, written in memory). Each side runs several rounds; the best round counts (the
# machine's other load only ever slows a round down). Prints ms per export and the ratio.
# libxlsxwriter stages every part of the file in a temporary file under $TMPDIR (else /tmp), so
# it runs once with the default and once with TMPDIR on tmpfs (/dev/shm) when that exists.
# Target: ratio >= 10.
# Usage: bench/export_bench.sh [--exports N] [--rounds R] [--build DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
exports=300
rounds=5
build_dir=build
while [ $# -gt 0 ]; do
  case $1 in
    --exports) exports=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --build) build_dir=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
python=/usr/bin/python3
[ -x "$python" ] || { echo "$python is missing: apt-get install -y python3" >&2; exit 1; }
"$python" -c 'import xlsxwriter' 2>/dev/null ||
  { echo "Python's XlsxWriter is missing: apt-get install -y python3-xlsxwriter" >&2; exit 1; }
[ -f "$build_dir/CMakeCache.txt" ] || cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build_dir" --target shido_export_timing -j "$(nproc)" >/dev/null
timing=$(find "$build_dir" -name shido_export_timing -type f -perm -u+x | head -1)
[ -n "$timing" ] || { echo "shido_export_timing was not built in $build_dir" >&2; exit 1; }

ms() { awk '/ms per export/ {print $(NF-3)}'; }  # "... 2.345 ms per export" -> 2.345
best() { sort -g | head -1; }

py_runs=() c_runs=() shm_runs=()
py_exports=$(( exports / 6 > 10 ? exports / 6 : 10 ))  # Python is slower: fewer exports per round
use_shm=no
[ -d /dev/shm ] && [ -w /dev/shm ] && use_shm=yes
for _ in $(seq 1 "$rounds"); do
  py_runs+=("$("$python" bench/export_bench.py "$py_exports" 50 | ms)")
  c_runs+=("$("$timing" "$exports" 50 | ms)")
  [ $use_shm = no ] || shm_runs+=("$(TMPDIR=/dev/shm "$timing" "$exports" 50 | ms)")
done
py=$(printf '%s\n' "${py_runs[@]}" | best)
c=$(printf '%s\n' "${c_runs[@]}" | best)
tmp=${TMPDIR:-/tmp}

echo "workbook export, 50 respondents, best of $rounds rounds (ms per export)"
echo "  python xlsxwriter:  ${py_runs[*]}"
echo "  libxlsxwriter:      ${c_runs[*]}"
[ $use_shm = no ] || echo "  libxlsxwriter shm:  ${shm_runs[*]}"
printf '\n%-52s %10s %8s\n' writer ms/export ratio
printf '%-52s %10.3f %8s\n' "python xlsxwriter $("$python" -c 'import xlsxwriter; print(xlsxwriter.__version__)') (in memory)" "$py" "1.0"
printf '%-52s %10.3f %7.1fx\n' "libxlsxwriter, TMPDIR=$tmp ($(stat -f -c %T "$tmp"))" "$c" "$(echo "$py / $c" | bc -l)"
if [ $use_shm = yes ]; then
  shm=$(printf '%s\n' "${shm_runs[@]}" | best)
  printf '%-52s %10.3f %7.1fx\n' "libxlsxwriter, TMPDIR=/dev/shm ($(stat -f -c %T /dev/shm))" "$shm" "$(echo "$py / $shm" | bc -l)"
fi
echo "target: ratio >= 10"
