// ruletest/run_candidate_case.hpp — deciding a candidate case's record and comparing the
// decision with what the case expects.
#pragma once

#include "aturan/rule_set.hpp"
#include "ruletest/case_result.hpp"
#include "ruletest/test_file.hpp"

namespace aturan::ruletest {

// Builds the case's record from its fields as text (as a list would carry them), decides it
// with `rules` and compares status, failing and undecided rules, score and reason. A value
// that cannot be read (an impossible date, "dua juta" for money) makes the record invalid, as
// it makes a list row invalid. A failed case carries the explanation of the decision.
CaseResult RunCandidateCase(const RuleSet& rules, const CandidateCase& c);

}  // namespace aturan::ruletest
