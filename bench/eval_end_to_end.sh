#!/usr/bin/env bash
# End-to-end throughput and peak memory of `aturan eval` and `aturan allocate` on generated lists,
# against the targets of issue 3 §6 (at least 200 MB/s of input end to end; peak memory at most
# 1.5 times the input at 10M rows) and issue 4 §6 (allocation at most 20% slower than `eval`
# writing files, its memory within the same 1.5× bound). Prints a markdown table to paste into
# README.md, then one line per size stating allocation's overhead over `eval`.
#
# Usage: bench/eval_end_to_end.sh [BUILD_DIR] [ROWS...]
#   BUILD_DIR  a build tree holding src/aturan (default build/release; built with
#              scripts/build.sh, as scripts/run-example.sh does, when the binary is missing or
#              older than `aturan eval` and `aturan allocate`)
#   ROWS       list sizes (default: 1000000 10000000)
# Lists and outputs go to a fresh directory under $TMPDIR (default /tmp), removed on exit.
# For each size: `aturan generate` writes the list (timed once); `aturan eval` decides it three
# times writing decisions and rejects files; `aturan allocate` allocates the rule file's quota
# three times writing allocation and rejects files; and `aturan eval` runs three times writing
# both to /dev/null (compute without the output's disk writes). Each row of the table is the run
# with the median wall time; the overhead compares the median walls of "allocate files" and
# "files". The list is read back from the page cache, since it has just been written.
set -euo pipefail
shopt -s inherit_errexit

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
rules=rules/pekalongan-2023-revisi.yaml
build_dir=${1:-build/release}
shift $(( $# > 0 ? 1 : 0 ))
rows_list=("$@")
[ ${#rows_list[@]} -gt 0 ] || rows_list=(1000000 10000000)
repeats=3
# Bytes per row for $rules with seed 1 (measured: list 142, decisions 225, allocation 277, rejects 2),
# rounded up; the output figure is the larger of decisions and allocation, since only one of them
# exists at a time (each is removed before the next command runs).
list_bytes_per_row=150
output_bytes_per_row=290
max_input_rss_ratio=1.5
min_mb_per_s=200
max_allocate_overhead_percent=20

for n in "${rows_list[@]}"; do
  [[ $n =~ ^[1-9][0-9]*$ ]] || { echo "error: ROWS '$n' is not a positive whole number" >&2; exit 2; }
done

aturan=$build_dir/src/aturan
# True when $aturan exists and has the generate and eval commands (an older build has not).
aturan_current() {
  local help
  [ -x "$aturan" ] && help=$("$aturan" --help) || return 1
  grep -q '^ *generate ' <<< "$help" && grep -q '^ *eval ' <<< "$help" && grep -q '^ *allocate ' <<< "$help"
}
if ! aturan_current; then
  # scripts/build.sh builds into build/NAME only.
  if [ "$(dirname "$build_dir")" != build ]; then
    echo "error: $aturan is missing or has no eval or allocate command, and only build/NAME trees can be built here; build it, or pass build/NAME" >&2
    exit 2
  fi
  name=$(basename "$build_dir")
  echo "building $build_dir (log in build/$name.build.log)" >&2
  mkdir -p build
  bash scripts/build.sh "$name" -DCMAKE_BUILD_TYPE=Release -DATURAN_BUILD_TESTS=OFF > "build/$name.build.log" \
    || { tail -50 "build/$name.build.log"; exit 1; }
fi

if [ -x /usr/bin/time ]; then
  have_time=1
else
  have_time=0
  echo "warning: /usr/bin/time is missing (Debian package 'time'): timing with date, no peak memory" >&2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/aturan-eval-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

# Each size's files are removed before the next, so the largest size sets the space needed.
max_rows=0
for n in "${rows_list[@]}"; do (( n > max_rows )) && max_rows=$n; done
need=$(( 3 * max_rows * (list_bytes_per_row + output_bytes_per_row) ))  # list + one output, 3 times
free=$(df -P -B1 "$work" | awk 'NR == 2 { print $4 }')
if (( free < need )); then
  printf 'error: %s has %.1f GB free; %d rows need about %.1f GB of list and output, and this script wants 3 times that (%.1f GB) free. Set TMPDIR to a roomier disk or pass fewer ROWS.\n' \
    "$work" "$(echo "$free" | awk '{ print $1 / 1e9 }')" "$max_rows" \
    "$(echo "$need" | awk '{ print $1 / 3e9 }')" "$(echo "$need" | awk '{ print $1 / 1e9 }')" >&2
  exit 1
fi

# Nanoseconds since the epoch.
now() { date +%s%N; }

# Runs `aturan $1` (eval or allocate) on list $2 with output $3 and rejects $4; prints
# "wall_seconds peak_rss_kib" (peak RSS 0 without /usr/bin/time). Stops the script when it fails.
# Every run starts from the same state, as a single run would: the previous run's output is
# removed (ext4 flushes a file replaced by truncation when it is closed, which the run would
# pay for) and its gigabytes of dirty pages are written out first (`sync`), so that the
# kernel's writeback of one run does not take CPU from the next.
run_aturan() {
  local command=$1 list=$2 output=$3 rejects=$4 start end rss=0
  local -a cmd=("$aturan" "$command" "$rules" "$list" -o "$output" --rejects "$rejects")
  [ "$output" = /dev/null ] || rm -f "$output" "$rejects"
  sync
  start=$(now)
  if (( have_time )); then
    /usr/bin/time -v -o "$work/time.txt" "${cmd[@]}" > "$work/run.log" 2>&1 || { cat "$work/run.log" >&2; exit 1; }
  else
    "${cmd[@]}" > "$work/run.log" 2>&1 || { cat "$work/run.log" >&2; exit 1; }
  fi
  end=$(now)
  (( have_time )) && rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/time.txt")
  echo "$(( end - start ))" "$rss" | awk '{ printf "%.3f %d\n", $1 / 1e9, $2 }'
}

# Prints the line of stdin ("wall rss" lines) with the median wall time.
median() { sort -n -k1,1 | awk '{ line[NR] = $0 } END { print line[int((NR + 1) / 2)] }'; }

# Prints one table row: rows, input bytes, output kind, then the runs' "wall rss" lines; the
# figures are the median run's, and every run's wall time is listed for judging the noise.
table_row() {
  local n=$1 bytes=$2 kind=$3 runs=$4 wall rss all
  read -r wall rss <<< "$(median <<< "$runs")"
  all=$(awk '{ printf "%s%.2f", (NR > 1 ? ", " : ""), $1 }' <<< "$runs")
  awk -v n="$n" -v bytes="$bytes" -v kind="$kind" -v wall="$wall" -v rss="$rss" -v have_time="$have_time" \
      -v all="$all" \
      -v min_mbs="$min_mb_per_s" -v max_ratio="$max_input_rss_ratio" 'BEGIN {
    mb = bytes / 1e6; mbs = mb / wall; rss_mb = rss * 1024 / 1e6; ratio = rss * 1024 / bytes
    speed = mbs >= min_mbs ? "PASS" : "MISS"
    if (have_time) { rss_text = sprintf("%.0f", rss_mb); ratio_text = sprintf("%.3f", ratio)
                     memory = ratio <= max_ratio ? "PASS" : "MISS" }
    else { rss_text = "n/a"; ratio_text = "n/a"; memory = "n/a" }
    printf "| %d | %s | %.1f | %.2f (%s) | %.0f | %.1f | %s | %s | %s | %s |\n",
           n, kind, mb, wall, all, n / wall, mbs, rss_text, ratio_text, speed, memory
  }'
}

rows_out=()
overheads=()
generated=()
for n in "${rows_list[@]}"; do
  list=$work/list-$n.csv
  echo "generating $n rows" >&2
  start=$(now)
  "$aturan" generate "$rules" --rows "$n" --seed 1 -o "$list" 2> "$work/generate.log" || { cat "$work/generate.log" >&2; exit 1; }
  end=$(now)
  bytes=$(stat -c %s "$list")
  generated+=("$(awk -v n="$n" -v b="$bytes" -v ns="$(( end - start ))" \
    'BEGIN { printf "- `aturan generate --rows %d --seed 1`: %.1f MB in %.2f s\n", n, b / 1e6, ns / 1e9 }')")

  runs=""
  for (( i = 1; i <= repeats; i++ )); do
    echo "eval $n rows to files, run $i of $repeats" >&2
    runs+="${runs:+$'\n'}$(run_aturan eval "$list" "$work/decisions-$n.csv" "$work/decisions-$n.rejects.csv")"
  done
  rows_out+=("$(table_row "$n" "$bytes" "files" "$runs")")
  eval_wall=$(median <<< "$runs" | awk '{ print $1 }')
  rm -f "$work/decisions-$n.csv" "$work/decisions-$n.rejects.csv"

  runs=""
  for (( i = 1; i <= repeats; i++ )); do
    echo "allocate $n rows to files, run $i of $repeats" >&2
    runs+="${runs:+$'\n'}$(run_aturan allocate "$list" "$work/allocation-$n.csv" "$work/allocation-$n.rejects.csv")"
  done
  rows_out+=("$(table_row "$n" "$bytes" "allocate files" "$runs")")
  read -r allocate_wall allocate_rss <<< "$(median <<< "$runs")"
  overheads+=("$(awk -v n="$n" -v bytes="$bytes" -v ew="$eval_wall" -v aw="$allocate_wall" -v rss="$allocate_rss" \
      -v have_time="$have_time" -v max_pct="$max_allocate_overhead_percent" -v max_ratio="$max_input_rss_ratio" 'BEGIN {
    pct = (aw / ew - 1) * 100
    time_ok = pct <= max_pct ? "PASS" : "MISS"
    if (have_time) { ratio = rss * 1024 / bytes
                     memory = sprintf("peak RSS %.0f MB = %.3f× the input (target ≤%s×: %s)", rss * 1024 / 1e6, ratio,
                                      max_ratio, ratio <= max_ratio ? "PASS" : "MISS") }
    else memory = "peak RSS not measured"
    printf "- %d rows: `allocate` (files) %.2f s vs `eval` (files) %.2f s, median wall: %+.1f%% (target ≤ +%d%%: %s); %s\n",
           n, aw, ew, pct, max_pct, time_ok, memory
  }')")
  rm -f "$work/allocation-$n.csv" "$work/allocation-$n.rejects.csv"

  runs=""
  for (( i = 1; i <= repeats; i++ )); do
    echo "eval $n rows to /dev/null, run $i of $repeats" >&2
    runs+="${runs:+$'\n'}$(run_aturan eval "$list" /dev/null /dev/null)"
  done
  rows_out+=("$(table_row "$n" "$bytes" "/dev/null" "$runs")")
  rm -f "$list"
done

build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$build_dir/CMakeCache.txt" 2>/dev/null || true)
compiler=$(sed -n 's/^CMAKE_CXX_COMPILER:[A-Z]*=//p' "$build_dir/CMakeCache.txt" 2>/dev/null || true)
compiler_version=$([ -n "$compiler" ] && "$compiler" --version 2>/dev/null | sed -n 1p || echo "unknown compiler")
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)

echo
echo "\`aturan eval $rules LIST -o OUTPUT\` and \`aturan allocate\` likewise, measured $(date -u +%F) on $(nproc) cores ($cpu), ${build_type:-unknown} build,"
echo "$compiler_version, default threads (one per core). Median of $repeats runs by wall time; the list"
echo "is read from the page cache. \"files\" writes decisions and rejects next to the list; \"allocate files\" writes"
echo "the allocation and rejects there; \"/dev/null\" writes neither, leaving reading, checking, deciding and"
echo "formatting. MB = 10^6 bytes; peak RSS from \`/usr/bin/time -v\`."
echo "Targets: at least $min_mb_per_s MB/s of input end to end; peak RSS at most ${max_input_rss_ratio}× the input (stated at 10M rows);"
echo "allocation at most ${max_allocate_overhead_percent}% slower than \`eval\` (files), its memory within the same bound."
echo
echo "| rows | output | input MB | wall s (all runs) | rows/s | input MB/s | peak RSS MB | RSS / input | ≥$min_mb_per_s MB/s | RSS ≤${max_input_rss_ratio}× input |"
echo "|---:|---|---:|---:|---:|---:|---:|---:|---|---|"
printf '%s\n' "${rows_out[@]}"
echo
echo "Allocation's overhead over \`eval\`:"
echo
printf '%s\n' "${overheads[@]}"
echo
printf '%s\n' "${generated[@]}"
