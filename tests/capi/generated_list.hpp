// generated_list.hpp — the synthetic list the C API tests decide: `aturan generate` of the
// 2023 Pekalongan revision, 10,000 rows, seed 3 (valid rows and about 2% with one defect each).
#pragma once

#include <string>

#include "cli/run_cli.hpp"
#include "gtest/gtest.h"

namespace aturan::testing {

inline constexpr const char* kGeneratedRules = "rules/pekalongan-2023-revisi.yaml";

// A path in the test's temporary directory, distinct per process.
inline std::string TempFile(const std::string& name) {
  return ::testing::TempDir() + "/capi_" + std::to_string(getpid()) + "_" + name;
}

// Writes the list once per process and returns its path.
inline const std::string& GeneratedList() {
  static const std::string path = [] {
    const std::string list = TempFile("generated.csv");
    const CliResult r = RunCli(std::string("generate ") + kGeneratedRules + " --rows 10000 --seed 3 -o '" + list + "'");
    EXPECT_EQ(r.exit_code, 0) << r.output;
    return list;
  }();
  return path;
}

}  // namespace aturan::testing
