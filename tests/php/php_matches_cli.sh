#!/usr/bin/env bash
# PHP through libaturan's C API (examples/php) decides as the CLI does:
#   php_matches_cli.sh PHP ATURAN_CLI LIBATURAN_SO WORK_DIR     (run from the source directory)
# 1. decide.php on every examples/candidates/*.json equals `aturan explain --format json`,
#    under both Pekalongan rule files;
# 2. allocate.php on examples/lists/pekalongan-sample.csv writes the allocation and rejects
#    files `aturan allocate` writes, byte for byte;
# 3. on 10,000 generated candidates, the C API's list evaluation writes what `aturan eval`
#    writes, and a PHP loop deciding the first 1,000 rows one by one gives the same statuses
#    (rows the list reader refuses for list-only checks are counted and left out; see
#    cli_row_statuses.php);
# 4. the list options (column and value renames, max_invalid) act as the CLI's flags.
set -euo pipefail
php=$1 cli=$2
export ATURAN_LIBRARY=$3
work=$4
here=$(cd "$(dirname "$0")" && pwd)
examples=$here/../../examples
if ! "$php" -m | grep -x FFI > /dev/null; then
  echo "SKIP: $php has no FFI extension (Debian's php-cli has it)"
  exit 77
fi
rm -rf "$work" && mkdir -p "$work"
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

for rules in rules/pekalongan-2022.yaml rules/pekalongan-2023-revisi.yaml; do
  name=$(basename "$rules" .yaml)
  candidates=("$examples"/candidates/*.json)
  "$php" "$examples/php/decide.php" "$rules" "${candidates[@]}" > "$work/$name.php.tsv"
  for file in "${candidates[@]}"; do
    "$cli" explain "$rules" --record "$file" --format json 2>/dev/null |
      "$php" "$here/cli_decision_lines.php" "$(basename "$file" .json)"
  done > "$work/$name.cli.tsv"
  if [ "${#candidates[@]}" -ne "$(wc -l < "$work/$name.php.tsv")" ]; then
    fail "$name: decide.php printed $(wc -l < "$work/$name.php.tsv") lines for ${#candidates[@]} candidates"
  fi
  diff -u "$work/$name.cli.tsv" "$work/$name.php.tsv" || fail "$name: decide.php disagrees with aturan explain"
  echo "$name: ${#candidates[@]} candidates decided alike"

  "$php" "$examples/php/allocate.php" "$rules" examples/lists/pekalongan-sample.csv "$work/$name.alloc.php.csv" > /dev/null
  "$cli" allocate "$rules" examples/lists/pekalongan-sample.csv -o "$work/$name.alloc.cli.csv" > /dev/null
  for suffix in csv rejects.csv; do
    cmp "$work/$name.alloc.cli.$suffix" "$work/$name.alloc.php.$suffix" ||
      fail "$name: allocate.php's $suffix differs from aturan allocate's"
  done
  echo "$name: allocation of pekalongan-sample.csv identical"
done

rules=rules/pekalongan-2023-revisi.yaml
"$cli" generate "$rules" --rows 10000 --seed 3 -o "$work/generated.csv" > /dev/null
"$cli" eval "$rules" "$work/generated.csv" -o "$work/eval.cli.csv" > /dev/null
"$php" "$here/evaluate_list.php" "$rules" "$work/generated.csv" "$work/eval.php.csv"
for suffix in csv rejects.csv; do
  cmp "$work/eval.cli.$suffix" "$work/eval.php.$suffix" || fail "aturan_eval_list's $suffix differs from aturan eval's"
done
if [ "$(wc -l < "$work/eval.cli.csv")" -ne 10001 ]; then
  fail "aturan eval wrote $(wc -l < "$work/eval.cli.csv") lines for 10,000 rows"
fi

# 4. The list options: renamed header columns and a value rename read as --column and --value
#    read them; a limit of 0 invalid rows fails after writing, with the CLI's count.
sed '1s/tanggal_lahir/Tgl Lahir/; 1s/jenis_kelamin/JK/' "$work/generated.csv" > "$work/renamed.csv"
"$cli" eval "$rules" "$work/renamed.csv" -o "$work/renamed.cli.csv" --column 'Tgl Lahir=tanggal_lahir' \
  --column JK=jenis_kelamin --value jenis_kelamin:L=P > /dev/null
"$php" "$here/evaluate_list.php" "$rules" "$work/renamed.csv" "$work/renamed.php.csv" \
  '{"columns": {"Tgl Lahir": "tanggal_lahir", "JK": "jenis_kelamin"}, "values": {"jenis_kelamin": {"L": "P"}}}' > /dev/null
for suffix in csv rejects.csv; do
  cmp "$work/renamed.cli.$suffix" "$work/renamed.php.$suffix" || fail "renamed list: PHP's $suffix differs from aturan eval's"
done
invalid=$({ "$cli" eval "$rules" "$work/generated.csv" -o "$work/limit.cli.csv" --max-invalid 0 2>&1 || true; } |
  sed -n 's/^error: \([0-9]*\) of 10000 rows are invalid.*/\1/p')
if "$php" "$here/evaluate_list.php" "$rules" "$work/generated.csv" "$work/limit.php.csv" '{"max_invalid": "0"}' \
    2> "$work/limit.php.err" > /dev/null; then
  fail "max_invalid 0 did not fail"
fi
grep -qx "error: $invalid of 10000 rows are invalid, more than max_invalid 0 allows" "$work/limit.php.err" ||
  fail "max_invalid 0: PHP said '$(cat "$work/limit.php.err")', the CLI counted '$invalid' invalid rows"
cmp "$work/limit.cli.csv" "$work/limit.php.csv" || fail "max_invalid 0: PHP's output differs from aturan eval's"
echo "list options: renames and the invalid-row limit as the CLI's flags"

rows=1000
"$php" "$here/decide_rows.php" "$rules" "$work/generated.csv" "$rows" > "$work/rows.php.tsv"
"$php" "$here/cli_row_statuses.php" "$work/eval.cli.csv" "$work/eval.cli.rejects.csv" "$rows" > "$work/rows.cli.tsv"
# Every row compared unless the CLI refused it for a list-only reason; at most 2% left out.
summary=$(paste "$work/rows.cli.tsv" "$work/rows.php.tsv" | awk -F'\t' -v rows="$rows" '
  $1 != $3 { print "row numbers out of step at " $1 " / " $3; bad++; next }
  $2 ~ /^list-only: / { skipped++; next }
  $2 != $4 { print "row " $1 ": aturan eval " $2 ", PHP " $4; bad++; next }
  { same++ }
  END {
    if (NR != rows) { print "expected " rows " rows, compared " NR; bad++ }
    if (skipped > rows / 50) { print skipped " rows left out, more than 2%"; bad++ }
    printf "%d rows decided alike, %d left out (list-only checks), %d differences\n", same, skipped, bad
    exit bad > 0
  }') || fail "PHP deciding rows one by one disagrees with aturan eval"
echo "$summary"

if [ "$failures" -gt 0 ]; then
  echo "$failures failure(s)" >&2
  exit 1
fi
echo "PHP decides as the CLI does"
