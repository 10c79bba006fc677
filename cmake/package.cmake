# The Debian package (`cpack -G DEB` in a build directory): one package `aturan` that holds
# everything `cmake --install` puts in place (cmake/install.cmake) under /usr, plus the shipped
# rule files with their tests and example lists, and the documentation. docs/packaging.md says
# how to build and check it, and why it is one package rather than a runtime and a -dev package.
#
# The library directory is GNUInstallDirs': configure with -DCMAKE_INSTALL_PREFIX=/usr to get
# Debian's multiarch /usr/lib/<triplet> (scripts/check-package.sh does).

# Examples a user wants beside the CLI: rules/ (each rule file, its RULES.test.yaml and the
# area table it names) and the lists and area tables the tests read as ../examples/..., so that
# `aturan test /usr/share/aturan/rules/*.yaml` runs as it does in the source tree.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/rules DESTINATION ${CMAKE_INSTALL_DATADIR}/aturan)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/examples/lists ${PROJECT_SOURCE_DIR}/examples/areas
                  ${PROJECT_SOURCE_DIR}/examples/candidates ${PROJECT_SOURCE_DIR}/examples/embed
        DESTINATION ${CMAKE_INSTALL_DATADIR}/aturan/examples)
install(FILES ${PROJECT_SOURCE_DIR}/examples/README.md DESTINATION ${CMAKE_INSTALL_DATADIR}/aturan/examples)
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs DESTINATION ${CMAKE_INSTALL_DOCDIR})   # README links docs/*.md
# Debian policy wants the license as /usr/share/doc/<package>/copyright.
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR} RENAME copyright)

# `cmake --install --strip` and cpack (CPACK_STRIP_FILES) strip executables and shared libraries
# only; this strips libaturan.a's debug sections too, as dh_strip does for -dev packages.
install(CODE "if(CMAKE_INSTALL_DO_STRIP)
  execute_process(COMMAND \"${CMAKE_STRIP}\" --strip-debug
    \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBDIR}/$<TARGET_FILE_NAME:aturan_installed>\"
    COMMAND_ERROR_IS_FATAL ANY)
endif()")

set(ATURAN_PACKAGE_MAINTAINER "The aturan authors <aturan@example.org>"
    CACHE STRING "Maintainer field of the Debian package (Name <email>)")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME aturan)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "The aturan authors")
set(CPACK_PACKAGE_CONTACT ${ATURAN_PACKAGE_MAINTAINER})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)   # RelWithDebInfo builds ship without their debug sections
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "policy-rules engine for BPJS Ketenagakerjaan cover of vulnerable workers")
set(CPACK_PACKAGE_DESCRIPTION
"aturan turns a regional regulation (Perwal or Perbup) on which pekerja rentan (vulnerable
informal workers: becak drivers, parking attendants, batik labourers, marbot) get their BPJS
Ketenagakerjaan premiums paid from the APBD into a tested rule file, and evaluates it per
candidate, over whole candidate lists, allocates the quota and compares two revisions.
This package holds the `aturan` command, the shared library libaturan.so.0 (C API and public
C++ API), the headers, the static library, CMake and pkg-config files, and the shipped rule
files with their tests under /usr/share/aturan.")

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)   # aturan_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Depends: computed by dpkg-shlibdeps from what the CLI and libaturan.so.0 link (needs the
# packages dpkg-dev and file): libyaml-cpp0.7, libabsl20220623, libsimdjson14, libstdc++6,
# libgcc-s1, libc6 on Debian 12.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# A shlibs file, so that packages linking libaturan.so.0 get `Depends: aturan (>= version)`,
# and postinst/postrm scripts that run ldconfig.
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS_POLICY ">=")
# Only to build against the headers and libaturan.a (aturan.pc, find_package(aturan)).
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "g++, cmake | pkgconf, libabsl-dev, libyaml-cpp-dev")
# The Python module, where it was built: only the interpreter version it was built for imports
# it, so that version is suggested. A prerm removes the __pycache__/ Python writes beside it
# when root imports it, as Debian's py3clean does, so that purging leaves no directory behind.
if(ATURAN_PYTHON_PACKAGE_DIR)
  math(EXPR python_next_minor "${ATURAN_PYTHON_VERSION_MINOR} + 1")
  string(APPEND CPACK_DEBIAN_PACKAGE_SUGGESTS
         ", python3 (>= ${ATURAN_PYTHON_VERSION_MAJOR}.${ATURAN_PYTHON_VERSION_MINOR})"
         ", python3 (<< ${ATURAN_PYTHON_VERSION_MAJOR}.${python_next_minor})")
  set(ATURAN_PYTHON_PACKAGE_PATH ${CPACK_PACKAGING_INSTALL_PREFIX}/${ATURAN_PYTHON_PACKAGE_DIR})
  configure_file(${PROJECT_SOURCE_DIR}/cmake/debian-prerm.in ${PROJECT_BINARY_DIR}/debian/prerm @ONLY)
  file(CHMOD ${PROJECT_BINARY_DIR}/debian/prerm PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE
       GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
  set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA ${PROJECT_BINARY_DIR}/debian/prerm)
  set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
endif()

include(CPack)
