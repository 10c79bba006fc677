#!/usr/bin/env bash
# Builds and runs examples/embed, a host program, against aturan both ways a host links it:
# installed (`cmake --install` of build/$1, then find_package(aturan), and pkg-config), and
# from the source tree with add_subdirectory. All three must print the same decisions.
# Usage: scripts/check-embedding.sh BUILD_NAME   (an existing build/BUILD_NAME)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$root/build/$1
work=$root/build/embedding
rules=$root/rules/pekalongan-2023-revisi.yaml
rm -rf "$work" && mkdir -p "$work"

cmake --install "$build" --prefix "$work/prefix" > "$work/install.log"
cmake -S "$root/examples/embed" -B "$work/find-package" -G Ninja -DCMAKE_PREFIX_PATH="$work/prefix" \
  > "$work/find-package.log"
ninja -C "$work/find-package" >> "$work/find-package.log"
"$work/find-package/pendaftaran_rentan" "$rules" > "$work/find-package.out"

# shellcheck disable=SC2046  # pkg-config prints several flags
g++ -O1 -o "$work/pkg-config-host" "$root/examples/embed/main.cpp" \
  $(PKG_CONFIG_PATH="$work/prefix/lib/pkgconfig:$work/prefix/lib/x86_64-linux-gnu/pkgconfig" pkg-config --cflags --libs aturan)
"$work/pkg-config-host" "$rules" > "$work/pkg-config.out"

cmake -S "$root/examples/embed" -B "$work/add-subdirectory" -G Ninja -DATURAN_SOURCE_DIR="$root" \
  -DCMAKE_BUILD_TYPE=Release > "$work/add-subdirectory.log"
ninja -C "$work/add-subdirectory" pendaftaran_rentan >> "$work/add-subdirectory.log"
"$work/add-subdirectory/pendaftaran_rentan" "$rules" > "$work/add-subdirectory.out"

cat "$work/find-package.out"
cmp "$work/find-package.out" "$work/pkg-config.out"
cmp "$work/find-package.out" "$work/add-subdirectory.out"
grep -q "^Slamet Riyadi (3375021203750001): layak" "$work/find-package.out"
grep -q "^Siti Aminah (3375014508900002): tidak layak" "$work/find-package.out"
grep -q "^Darto (3375030101600003): data tidak sah" "$work/find-package.out"
echo "embedding: find_package, pkg-config and add_subdirectory builds agree"
