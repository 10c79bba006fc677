// ruletest/load_test_file.hpp — reading a test file (RULES.test.yaml, docs/rule-tests.md)
// against the rule file it tests.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aturan/diagnostic.hpp"
#include "aturan/rule_set.hpp"
#include "ruletest/test_file.hpp"

namespace aturan::ruletest {

// The test file that belongs to a rule file: RULES.yaml → RULES.test.yaml (also for .yml).
std::string TestFilePathFor(const std::string& rules_path);

// The rule file a test file belongs to (RULES.test.yaml → RULES.yaml, also for .yml), or empty
// when `path` is not named like a test file.
std::string RulesPathOfTestFile(const std::string& path);

// Loads the text of test file `path` for rule file `rules` (read from `rules_path`). Reports
// every problem at once, at test-file:line:column with a hint: YAML errors, duplicate keys,
// unknown keys, wrong kinds of value, fields the schema lacks, unknown rule ids, pools and
// areas, lists and area tables that cannot be read, contradictory expectations. Paths in the
// file are relative to its directory. Returns the cases only when there was no error.
std::optional<TestFile> LoadTestFile(std::string_view text, const std::string& path,
                                     const RuleSet& rules, const std::string& rules_path,
                                     std::vector<Diagnostic>* diagnostics);

// Reads test file `path` and loads it as LoadTestFile does; an unreadable file is an error.
std::optional<TestFile> ReadTestFile(const std::string& path, const RuleSet& rules,
                                     const std::string& rules_path,
                                     std::vector<Diagnostic>* diagnostics);

}  // namespace aturan::ruletest
