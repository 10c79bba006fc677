#!/usr/bin/env bash
# End-to-end throughput and peak memory of `aturan eval` on generated lists, against the
# targets of issue 3 §6 (at least 200 MB/s of input end to end; peak memory at most 1.5 times
# the input at 10M rows). Prints a markdown table to paste into README.md.
#
# Usage: bench/eval_end_to_end.sh [BUILD_DIR] [ROWS...]
#   BUILD_DIR  a build tree holding src/aturan (default build/release; built with
#              scripts/build.sh, as scripts/run-example.sh does, when the binary is missing or
#              older than `aturan eval`)
#   ROWS       list sizes (default: 1000000 10000000)
# Lists and decisions go to a fresh directory under $TMPDIR (default /tmp), removed on exit.
# For each size: `aturan generate` writes the list (timed once); `aturan eval` decides it three
# times writing decisions and rejects files, and three times writing both to /dev/null (compute
# without the output's disk writes); each row of the table is the run with the median wall time.
# The list is read back from the page cache, since it has just been written.
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
# Bytes per row for $rules with seed 1 (measured: list 142, decisions 225, rejects 2), rounded up.
list_bytes_per_row=150
output_bytes_per_row=240
max_input_rss_ratio=1.5
min_mb_per_s=200

for n in "${rows_list[@]}"; do
  [[ $n =~ ^[1-9][0-9]*$ ]] || { echo "error: ROWS '$n' is not a positive whole number" >&2; exit 2; }
done

aturan=$build_dir/src/aturan
# True when $aturan exists and has the generate and eval commands (an older build has not).
aturan_current() {
  local help
  [ -x "$aturan" ] && help=$("$aturan" --help) || return 1
  grep -q '^ *generate ' <<< "$help" && grep -q '^ *eval ' <<< "$help"
}
if ! aturan_current; then
  # scripts/build.sh builds into build/NAME only.
  if [ "$(dirname "$build_dir")" != build ]; then
    echo "error: $aturan is missing or has no eval command, and only build/NAME trees can be built here; build it, or pass build/NAME" >&2
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
need=$(( 3 * max_rows * (list_bytes_per_row + output_bytes_per_row) ))
free=$(df -P -B1 "$work" | awk 'NR == 2 { print $4 }')
if (( free < need )); then
  printf 'error: %s has %.1f GB free; %d rows need about %.1f GB of list and decisions, and this script wants 3 times that (%.1f GB) free. Set TMPDIR to a roomier disk or pass fewer ROWS.\n' \
    "$work" "$(echo "$free" | awk '{ print $1 / 1e9 }')" "$max_rows" \
    "$(echo "$need" | awk '{ print $1 / 3e9 }')" "$(echo "$need" | awk '{ print $1 / 1e9 }')" >&2
  exit 1
fi

# Nanoseconds since the epoch.
now() { date +%s%N; }

# Runs `aturan eval` on list $1 with output $2 and rejects $3; prints "wall_seconds peak_rss_kib"
# (peak RSS 0 without /usr/bin/time). Stops the script when eval fails.
run_eval() {
  local list=$1 output=$2 rejects=$3 start end rss=0
  local -a cmd=("$aturan" eval "$rules" "$list" -o "$output" --rejects "$rejects")
  start=$(now)
  if (( have_time )); then
    /usr/bin/time -v -o "$work/time.txt" "${cmd[@]}" > "$work/eval.log" 2>&1 || { cat "$work/eval.log" >&2; exit 1; }
  else
    "${cmd[@]}" > "$work/eval.log" 2>&1 || { cat "$work/eval.log" >&2; exit 1; }
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
    runs+="${runs:+$'\n'}$(run_eval "$list" "$work/decisions-$n.csv" "$work/decisions-$n.rejects.csv")"
  done
  rows_out+=("$(table_row "$n" "$bytes" "files" "$runs")")
  rm -f "$work/decisions-$n.csv" "$work/decisions-$n.rejects.csv"

  runs=""
  for (( i = 1; i <= repeats; i++ )); do
    echo "eval $n rows to /dev/null, run $i of $repeats" >&2
    runs+="${runs:+$'\n'}$(run_eval "$list" /dev/null /dev/null)"
  done
  rows_out+=("$(table_row "$n" "$bytes" "/dev/null" "$runs")")
  rm -f "$list"
done

build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$build_dir/CMakeCache.txt" 2>/dev/null || true)
compiler=$(sed -n 's/^CMAKE_CXX_COMPILER:[A-Z]*=//p' "$build_dir/CMakeCache.txt" 2>/dev/null || true)
compiler_version=$([ -n "$compiler" ] && "$compiler" --version 2>/dev/null | sed -n 1p || echo "unknown compiler")
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)

echo
echo "\`aturan eval $rules LIST -o OUTPUT\`, measured $(date -u +%F) on $(nproc) cores ($cpu), ${build_type:-unknown} build,"
echo "$compiler_version, default threads (one per core). Median of $repeats runs by wall time; the list"
echo "is read from the page cache. \"files\" writes decisions and rejects next to the list; \"/dev/null\" writes"
echo "neither, leaving reading, checking, deciding and formatting. MB = 10^6 bytes; peak RSS from \`/usr/bin/time -v\`."
echo "Targets: at least $min_mb_per_s MB/s of input end to end; peak RSS at most ${max_input_rss_ratio}× the input (stated at 10M rows)."
echo
echo "| rows | output | input MB | wall s (all runs) | rows/s | input MB/s | peak RSS MB | RSS / input | ≥$min_mb_per_s MB/s | RSS ≤${max_input_rss_ratio}× input |"
echo "|---:|---|---:|---:|---:|---:|---:|---:|---|---|"
printf '%s\n' "${rows_out[@]}"
echo
printf '%s\n' "${generated[@]}"
