#!/usr/bin/env bash
# The main job on shipped data: install what is missing, build, check the shipped rule files and
# run their test cases, explain sample candidates under the 2022 Perwal and its 2023 revision,
# decide a 500-row candidate list under both with `aturan eval`, give the seats of both quotas to
# a generated list of 30,000 city candidates with `aturan allocate`, and compare the two Perwal
# over that list with `aturan diff` (a memo, the per-person changes and an HTML report).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/install-deps.sh
mkdir -p build
bash scripts/build.sh release -DCMAKE_BUILD_TYPE=Release -DATURAN_BUILD_TESTS=OFF > build/release.build.log \
  || { tail -50 build/release.build.log; exit 1; }
aturan=build/release/src/aturan
echo "== aturan check rules/*.yaml"
"$aturan" check rules/*.yaml
echo
echo "== aturan test rules/*.yaml (the cases kept beside each rule file)"
"$aturan" test rules/*.yaml
for candidate in becak-tulang-punggung serabutan-data-tidak-lengkap; do
  echo
  echo "== aturan explain rules/pekalongan-2023-revisi.yaml --record examples/candidates/$candidate.json"
  "$aturan" explain rules/pekalongan-2023-revisi.yaml --record "examples/candidates/$candidate.json"
done
echo
echo "== every sample candidate under Perwal 19 B/2022 and its 2023 revision (--format brief)"
for candidate in examples/candidates/*.json; do
  name=$(basename "$candidate" .json)
  printf '%-30s 2022: %s\n' "$name" "$("$aturan" explain rules/pekalongan-2022.yaml --format brief --record "$candidate")"
  printf '%-30s 2023: %s\n' "" "$("$aturan" explain rules/pekalongan-2023-revisi.yaml --format brief --record "$candidate")"
done
echo
echo "== aturan eval on a 500-row list (synthetic, 6% bad rows) under both Perwal: summaries"
for rules in rules/pekalongan-2022.yaml rules/pekalongan-2023-revisi.yaml; do
  echo
  "$aturan" eval "$rules" examples/lists/pekalongan-sample.csv -o "build/decisions-$(basename "$rules" .yaml).csv"
done
echo
echo "== first rows of build/decisions-pekalongan-2023-revisi.csv"
head -n 6 build/decisions-pekalongan-2023-revisi.csv
echo
echo "== aturan allocate: 30,000 generated candidates (build/kota-pekalongan.csv) under both Perwal"
"$aturan" generate rules/pekalongan-2023-revisi.yaml --rows 30000 --seed 2023 -o build/kota-pekalongan.csv
for rules in rules/pekalongan-2022.yaml rules/pekalongan-2023-revisi.yaml; do
  echo
  "$aturan" allocate "$rules" build/kota-pekalongan.csv -o "build/alokasi-$(basename "$rules" .yaml).csv"
done
echo
echo "== first rows of build/alokasi-pekalongan-2023-revisi.csv"
head -n 6 build/alokasi-pekalongan-2023-revisi.csv
echo
echo "== aturan diff: what the 2023 revision changes for the same 30,000 candidates"
"$aturan" diff rules/pekalongan-2022.yaml rules/pekalongan-2023-revisi.yaml build/kota-pekalongan.csv \
  -o build/revisi-2023.md --changes build/revisi-2023-perubahan.csv --html build/revisi-2023.html
sed -n '1,/^## Per kelurahan/p' build/revisi-2023.md | head -n -1
echo "(the whole memo: build/revisi-2023.md; per person: build/revisi-2023-perubahan.csv;"
echo " the report with charts, to open in a browser: build/revisi-2023.html)"
