# What `cmake --install` puts in place for a host project: the headers, one static library
# libaturan.a (every library stage's objects), the `aturan` command, a CMake package
# (find_package(aturan) → aturan::aturan) and a pkg-config file (aturan.pc).
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(aturan_library_stages base spec expr ingest core batch allocate compare report capi)
add_library(aturan_installed STATIC)
foreach(stage IN LISTS aturan_library_stages)
  if(TARGET aturan_${stage})
    target_sources(aturan_installed PRIVATE $<TARGET_OBJECTS:aturan_${stage}>)
  endif()
endforeach()
set_target_properties(aturan_installed PROPERTIES OUTPUT_NAME aturan EXPORT_NAME aturan
                      LINKER_LANGUAGE CXX)
target_include_directories(aturan_installed INTERFACE $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
target_compile_features(aturan_installed INTERFACE cxx_std_20)
# The public headers use Abseil; yaml-cpp and threads are needed only to link.
set(aturan_abseil_libraries absl::status absl::statusor absl::strings absl::str_format absl::time
    absl::flat_hash_map absl::flat_hash_set)
target_link_libraries(aturan_installed PUBLIC ${aturan_abseil_libraries}
                      PRIVATE yaml-cpp Threads::Threads)

install(TARGETS aturan_installed EXPORT aturanTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
# libaturan.so.0 from the same objects, exporting only the C and public C++ API.
include(${PROJECT_SOURCE_DIR}/cmake/shared_library.cmake)
# Without the libaturan.so namelink, so that -laturan (aturan.pc) still links libaturan.a; C hosts
# and FFIs load libaturan.so.0 by name (docs/c-api.md).
install(TARGETS aturan_shared LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} NAMELINK_SKIP)
install(TARGETS aturan_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/aturan DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

set(aturan_cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/aturan)
install(EXPORT aturanTargets NAMESPACE aturan:: DESTINATION ${aturan_cmake_dir})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/aturanConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/aturanConfig.cmake
                              INSTALL_DESTINATION ${aturan_cmake_dir})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/aturanConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/aturanConfig.cmake ${PROJECT_BINARY_DIR}/aturanConfigVersion.cmake
        DESTINATION ${aturan_cmake_dir})

# Relative to the .pc file, so the tree works wherever `cmake --install --prefix` puts it.
file(RELATIVE_PATH aturan_pc_to_prefix /prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig /prefix)
configure_file(${PROJECT_SOURCE_DIR}/cmake/aturan.pc.in ${PROJECT_BINARY_DIR}/aturan.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/aturan.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
