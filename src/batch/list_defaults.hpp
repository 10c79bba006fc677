// batch/list_defaults.hpp — what a list run (`aturan eval`, `aturan allocate`, and the C API's
// aturan_eval_list / aturan_allocate_list) assumes when not told otherwise: the output's format
// from its name, the rejects file beside it, the code field the summary counts rows by.
#pragma once

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "aturan/rule_set.hpp"
#include "batch/decision_format.hpp"

namespace aturan::internal {

// JSON Lines when `output_path` ends in .jsonl (any case), else CSV.
DecisionFormat DecisionFormatFor(std::string_view output_path);

// The rejects file beside `output_path`: decisions.csv -> decisions.rejects.csv.
std::string DefaultRejectsPath(const std::string& output_path);

// The code field a summary groups rows by: `group_by`, or pekerjaan when it is empty and the
// schema has that field; -1 for none (empty without pekerjaan, or "none"). InvalidArgument when
// `group_by` is not a code field of the schema.
absl::StatusOr<int> SummaryGroupSlot(const RuleSet& rules, std::string_view group_by);

}  // namespace aturan::internal
