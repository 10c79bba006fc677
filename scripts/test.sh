#!/usr/bin/env bash
# Install what is missing, build, and run every test twice: in an optimised build with
# -Werror, and under AddressSanitizer + UndefinedBehaviorSanitizer.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/install-deps.sh --for-tests
mkdir -p build
jobs=$(nproc)
echo "== build (RelWithDebInfo, -Werror)"
bash scripts/build.sh test -DCMAKE_BUILD_TYPE=RelWithDebInfo
echo "== build (ASan + UBSan)"
bash scripts/build.sh asan -DCMAKE_BUILD_TYPE=Debug -DATURAN_SANITIZE=ON -DATURAN_BUILD_BENCH=OFF
echo "== tests under ASan + UBSan"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build/asan --output-on-failure -j "$jobs"
echo "== tests (RelWithDebInfo)"
ctest --test-dir build/test --output-on-failure -j "$jobs"
echo "== a host program linking aturan: installed (find_package, pkg-config) and add_subdirectory"
bash scripts/check-embedding.sh test
echo "== the Debian package: cpack -G DEB, installed with apt, run, purged"
bash scripts/check-package.sh test
