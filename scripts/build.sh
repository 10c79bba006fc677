#!/usr/bin/env bash
# Configures and builds aturan into build/<name>. Usage: scripts/build.sh NAME [cmake options...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
name=$1; shift
cmake -S "$root" -B "$root/build/$name" -G Ninja "$@" > "$root/build/$name.configure.log" 2>&1 \
  || { cat "$root/build/$name.configure.log"; exit 1; }
ninja -C "$root/build/$name" -j "$(nproc)"
