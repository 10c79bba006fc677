#include "ruletest/run_test_file.hpp"

#include <optional>
#include <utility>

#include "aturan/rule_set.hpp"
#include "ruletest/load_test_file.hpp"
#include "ruletest/rule_sets_by_date.hpp"
#include "ruletest/run_allocation_case.hpp"
#include "ruletest/run_candidate_case.hpp"

namespace aturan::ruletest {
namespace {

// The case's rules for its reference date, or an error result when there are none.
template <typename Case, typename Run>
CaseResult RunOnDate(RuleSetsByDate& rule_sets, const Case& c, Run run) {
  std::string error;
  const RuleSet* rules = rule_sets.For(c.reference_date, &error);
  if (rules != nullptr) return run(*rules, c);
  CaseResult result;
  result.name = c.name;
  result.at = c.at;
  result.outcome = CaseOutcome::kError;
  result.mismatches.push_back(std::move(error));
  return result;
}

}  // namespace

FileReport RunTestFile(const std::string& rules_path, const std::string& test_path) {
  FileReport report;
  report.rules_path = rules_path;
  report.test_path = test_path;
  LoadResult loaded = RuleSet::LoadFile(rules_path);
  if (loaded.rules == nullptr) {
    for (Diagnostic& d : loaded.diagnostics) {
      if (d.severity == Diagnostic::Severity::kError) report.errors.push_back(std::move(d));
    }
    return report;
  }
  const std::optional<TestFile> test = ReadTestFile(test_path, *loaded.rules, rules_path, &report.errors);
  if (!test) return report;
  RuleSetsByDate rule_sets(rules_path, loaded.rules);
  for (const CandidateCase& c : test->candidates) {
    report.results.push_back(RunOnDate(rule_sets, c, RunCandidateCase));
  }
  for (const AllocationCase& c : test->allocations) {
    report.results.push_back(RunOnDate(rule_sets, c, RunAllocationCase));
  }
  return report;
}

}  // namespace aturan::ruletest
