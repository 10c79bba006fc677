// compare/change_list.hpp — the per-person change list of a comparison as CSV: one line per
// input row, in input order, with its outcome under the old and the new rule file.
#pragma once

#include <cstdio>
#include <span>

#include "absl/status/status.h"
#include "aturan/comparison.hpp"
#include "compare/code_dictionary.hpp"
#include "compare/row_spill.hpp"

namespace aturan::internal {

// The two rule files and what each pass spilled (rewound, one entry per row).
struct ChangeListSides {
  const RuleSet* old_rules;
  const RuleSet* new_rules;
  RowSpill* old_spill;
  RowSpill* new_spill;
};

// Writes the header and one line per row of `rows`: row, nik, old_status, new_status,
// change, old_pool, new_pool, area, old_failed, old_reasons, new_failed, new_reasons.
// `area` holds each row's index into `areas`. An error when a spill cannot be read back or
// the file cannot be written.
absl::Status WriteChangeList(const ChangeListSides& sides, std::span<const RowChange> rows, const CodeColumn& area,
                             const CodeDictionary& areas, std::FILE* out);

}  // namespace aturan::internal
