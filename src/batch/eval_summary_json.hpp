// batch/eval_summary_json.hpp — the counts of an evaluated list as one JSON object, for
// programs (the C API's aturan_eval_list) rather than people (FormatEvalSummary).
#pragma once

#include <string>
#include <vector>

#include "aturan/list_reader.hpp"
#include "aturan/rule_set.hpp"
#include "batch/eval_summary.hpp"

namespace aturan::internal {

// {"regulation","rows","eligible","ineligible","invalid","rows_with_warnings",
//  "errors_by_kind":{kind:count},"warnings_by_kind":{kind:count},
//  "failed_by_rule":[{"id","failed","unknown"}] (every rule, file order),
//  "groups":[{"code","eligible","ineligible","invalid"}] (codes with rows, then code null for
//  rows without a valid code), "warnings":[the list's warnings]} — kinds named by
// IssueKindName, only those that occur.
std::string EvalSummaryJson(const RuleSet& rules, const EvalSummary& summary,
                            const std::vector<ListWarning>& warnings);

}  // namespace aturan::internal
