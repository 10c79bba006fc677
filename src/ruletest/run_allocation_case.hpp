// ruletest/run_allocation_case.hpp — allocating an allocation case's list and comparing the
// outcome with what the case expects.
#pragma once

#include "aturan/rule_set.hpp"
#include "ruletest/case_result.hpp"
#include "ruletest/test_file.hpp"

namespace aturan::ruletest {

// Reads the case's list (its file, or its inline rows) exactly as `aturan allocate` does,
// with the case's area table when it names one, allocates the quota of `rules` and compares
// the totals, each pool's and area's numbers and each named person's status, pool, area and
// rank. A person is named by NIK: the first row with it. A failed case carries, for each
// person whose expectation failed, why they ended as they did. A list or area table that
// cannot be read, or a quota that cannot be computed, is an error of the case.
CaseResult RunAllocationCase(const RuleSet& rules, const AllocationCase& c);

}  // namespace aturan::ruletest
