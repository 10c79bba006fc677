#!/usr/bin/env bash
# The main job on shipped data: install what is missing, build, check the shipped rule files
# and explain sample candidates under the 2022 Perwal and its 2023 revision.
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
for candidate in examples/candidates/*.json; do
  for rules in rules/pekalongan-2022.yaml rules/pekalongan-2023-revisi.yaml; do
    echo
    echo "== aturan explain $rules --record $candidate"
    "$aturan" explain "$rules" --record "$candidate"
  done
done
