// allocate/allocation_summary.hpp — the summary `aturan allocate` prints: per pool (seats,
// candidates, selected, cost), per area of each pool (basis, quota, eligible, selected,
// unused), per group (occupation), totals and budget use; as text for people or as JSON.
#pragma once

#include <string>

#include "aturan/allocation.hpp"
#include "aturan/rule_set.hpp"

namespace aturan::internal {

// `rupiah` written as Indonesians do: "Rp201.600.000".
std::string FormatRupiah(int64_t rupiah);

// The allocation summary as aligned text. `group_slot` is the field Allocation::groups counts
// (-1 for none).
std::string FormatAllocationSummary(const RuleSet& rules, const Allocation& allocation, int group_slot);

// The same as one JSON object (and a line break); `seconds` is the whole run's time.
std::string AllocationSummaryJson(const RuleSet& rules, const Allocation& allocation, int group_slot,
                                  uint64_t rows, double seconds);

}  // namespace aturan::internal
