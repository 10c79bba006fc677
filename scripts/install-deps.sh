#!/usr/bin/env bash
# Installs the Debian 12 packages aturan builds with, only those missing. Idempotent; run as root.
# --for-tests also installs what only the tests use: chromium, to render the HTML report, and
# php-cli (with its FFI extension), to run examples/php against the C API; dpkg-dev and file, for
# cpack to compute the Debian package's dependencies; pybind11-dev and python3-dev, to build and
# test the Python module (python/).
set -euo pipefail
packages=(g++ cmake ninja-build libboost-dev libyaml-cpp-dev libabsl-dev libgtest-dev libgmock-dev
          libbenchmark-dev libcli11-dev libsimdjson-dev time pkgconf)
if [ "${1:-}" = "--for-tests" ]; then
  packages+=(chromium php-cli dpkg-dev file pybind11-dev python3-dev)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
