#!/usr/bin/env bash
# The HTML report of a real comparison, as `aturan diff --html` writes it, opened in headless
# Chromium: Perwal 19 B/2022 against its 2023 revision over a generated city list.
# Usage: diff_report_in_chromium.sh ATURAN RENDER_SCRIPT OUT_DIR  (run from the source tree)
set -euo pipefail
aturan=$1
render=$2
out=$3
mkdir -p "$out"
"$aturan" generate rules/pekalongan-2023-revisi.yaml --rows 3000 --seed 11 -o "$out/kota.csv" > /dev/null
"$aturan" diff rules/pekalongan-2022.yaml rules/pekalongan-2023-revisi.yaml "$out/kota.csv" \
  -o "$out/revisi.md" --html "$out/revisi.html" > /dev/null
bash "$render" "$out/revisi.html" "$out/revisi.png"
