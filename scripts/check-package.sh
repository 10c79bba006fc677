#!/usr/bin/env bash
# Builds the Debian package from build/$1 (cmake/package.cmake), checks its control fields and
# contents, installs it with apt (which resolves its Depends), runs the installed `aturan`, a C
# host of libaturan.so.0, a C++ host of libaturan.a and (where built) the Python module, and
# purges the package again, also when a check fails. Run as root on Debian.
# Usage: scripts/check-package.sh BUILD_NAME   (an existing build/BUILD_NAME; it is reconfigured
# with -DCMAKE_INSTALL_PREFIX=/usr so that the library goes to /usr/lib/<multiarch triplet>)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$root/build/$1
work=$root/build/package
rm -rf "$work" && mkdir -p "$work"

# CPack's Depends computation runs `file` and dpkg-shlibdeps on every packaged file.
for tool in file dpkg-shlibdeps; do
  command -v $tool > /dev/null || { echo "check-package: $tool missing (apt-get install file dpkg-dev)"; exit 1; }
done
cmake -DCMAKE_INSTALL_PREFIX=/usr "$build" > "$work/configure.log"
targets=(aturan_cli aturan_shared aturan_installed)
# The Python module is packaged where the build has it (pybind11 and python3-dev installed).
python_package=usr/lib/python3/dist-packages/aturan
if cmake --build "$build" --target help | grep -q '^aturan_python:'; then
  targets+=(aturan_python)
else
  python_package=
fi
cmake --build "$build" --target "${targets[@]}" > "$work/build.log"
(cd "$build" && cpack -G DEB -B "$work") > "$work/cpack.log" || { cat "$work/cpack.log"; exit 1; }
deb=$(echo "$work"/aturan_*.deb)
multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH)

dpkg-deb --info "$deb" | tee "$work/info.txt"
for dependency in libyaml-cpp0 libabsl libsimdjson libstdc++6 libc6; do
  grep -q "^ Depends:.* $dependency" "$work/info.txt" || { echo "Depends lacks $dependency"; exit 1; }
done
dpkg-deb --contents "$deb" > "$work/contents.txt"
for path in usr/bin/aturan "usr/lib/$multiarch/libaturan.so.0" "usr/lib/$multiarch/libaturan.a" \
            usr/include/aturan/aturan.h "usr/lib/$multiarch/cmake/aturan/aturanConfig.cmake" \
            "usr/lib/$multiarch/pkgconfig/aturan.pc" usr/share/aturan/rules/pekalongan-2023-revisi.yaml \
            usr/share/aturan/examples/lists/pekalongan-golden.csv usr/share/doc/aturan/copyright; do
  grep -q " \./$path\( \|$\)" "$work/contents.txt" || { echo "package lacks /$path"; exit 1; }
done
if [ -n "$python_package" ]; then
  grep -q " \./$python_package/__init__\.py$" "$work/contents.txt" || { echo "package lacks /$python_package/__init__.py"; exit 1; }
  grep -q " \./$python_package/_aturan\..*\.so$" "$work/contents.txt" || { echo "package lacks /$python_package/_aturan*.so"; exit 1; }
fi

if dpkg-query -W -f='${Status}' aturan 2> /dev/null | grep -q "ok installed"; then
  echo "check-package: aturan is already installed; leaving it alone"; exit 1
fi
# Purged, not only removed: the ldconfig postrm would otherwise leave it in state "rc".
purge() {
  if dpkg -s aturan > /dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq aturan > "$work/remove.log"
  fi
}
trap purge EXIT
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb" > "$work/install.log"

cd "$work"   # from here on, only what the package installed
[ "$(/usr/bin/aturan --version)" = "$(sed -n 's/^ Version: //p' info.txt)" ]
/usr/bin/aturan check /usr/share/aturan/rules/pekalongan-2023-revisi.yaml
# Every shipped rule file's tests, which read ../examples/ beside the rules.
/usr/bin/aturan test /usr/share/aturan/rules/*.yaml > test.out
# A C host loading the packaged shared library by its SONAME, as FFIs do.
printf '#include <stdio.h>\n#include <aturan/aturan.h>\nint main(void) { puts(aturan_version()); return 0; }\n' > host.c
gcc -o host host.c -l:libaturan.so.0
[ "$(./host)" = "$(/usr/bin/aturan --version)" ]
# A C++ host built from the packaged headers, libaturan.a and aturan.pc (examples/embed).
# shellcheck disable=SC2046  # pkg-config prints several flags
g++ -O1 -o embed /usr/share/aturan/examples/embed/main.cpp $(pkg-config --cflags --libs aturan)
./embed /usr/share/aturan/rules/pekalongan-2023-revisi.yaml > embed.out
grep -q "^Slamet Riyadi (3375021203750001): layak" embed.out
if [ -n "$python_package" ]; then
  # Debian's python3 imports the installed module (no PYTHONPATH) and decides a list as the
  # installed command does, byte for byte.
  env -u PYTHONPATH -u PYTHONDONTWRITEBYTECODE /usr/bin/python3 -c '
import aturan
rules = aturan.load("/usr/share/aturan/rules/pekalongan-2023-revisi.yaml")
rules.evaluate_list("/usr/share/aturan/examples/lists/pekalongan-golden.csv", "python-decisions.csv")
print(aturan.__file__)' > python.out
  grep -q "^/$python_package/__init__\.py$" python.out || { echo "python3 imported aturan from $(cat python.out)"; exit 1; }
  /usr/bin/aturan eval /usr/share/aturan/rules/pekalongan-2023-revisi.yaml \
    /usr/share/aturan/examples/lists/pekalongan-golden.csv -o cli-decisions.csv > /dev/null
  cmp python-decisions.csv cli-decisions.csv
  # Importing as root wrote __pycache__/ beside the module; purging must leave nothing behind.
  [ -d "/$python_package/__pycache__" ] || { echo "python3 wrote no /$python_package/__pycache__"; exit 1; }
  purge
  [ ! -e "/$python_package" ] || { echo "purging left /$python_package: $(ls -A "/$python_package")"; exit 1; }
fi
echo "package: $(basename "$deb") installs, runs and is removed again"
