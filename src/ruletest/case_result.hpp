// ruletest/case_result.hpp — how one test case came out.
#pragma once

#include <string>
#include <vector>

#include "spec/spec.hpp"

namespace aturan::ruletest {

// Whether a case passed.
enum class CaseOutcome : uint8_t {
  kPassed,  // every expectation held
  kFailed,  // at least one expectation did not hold
  kError,   // the case could not be run (an unreadable list, rules not loadable on its date)
};

// The result of one case, for the report.
struct CaseResult {
  std::string name;
  spec::SourceRef at;  // where the case starts in the test file
  CaseOutcome outcome = CaseOutcome::kPassed;
  // Each expectation that did not hold, in Indonesian: "status: diharapkan eligible, didapat
  // ineligible"; or, for kError, what stopped the case.
  std::vector<std::string> mismatches;
  // For a failed case, why the rules decided as they did: the candidate's explanation, or the
  // allocation of each person whose expectation failed. May be empty.
  std::string details;
};

}  // namespace aturan::ruletest
