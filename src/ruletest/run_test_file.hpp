// ruletest/run_test_file.hpp — running every case of a rule file's test file.
#pragma once

#include <string>
#include <vector>

#include "aturan/diagnostic.hpp"
#include "ruletest/case_result.hpp"

namespace aturan::ruletest {

// What testing one rule file gave.
struct FileReport {
  std::string rules_path;
  std::string test_path;
  // Errors that kept the cases from running: the rule file's or the test file's (then
  // `results` is empty).
  std::vector<Diagnostic> errors;
  std::vector<CaseResult> results;  // candidate cases, then allocation cases, in file order
};

// Loads rule file `rules_path` and its test file `test_path`, and runs every case.
FileReport RunTestFile(const std::string& rules_path, const std::string& test_path);

}  // namespace aturan::ruletest
