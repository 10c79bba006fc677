#include "batch/eval_summary_json.hpp"

#include <array>

#include "aturan/candidate_table.hpp"
#include "batch/decision_format.hpp"
#include "base/strings.hpp"

namespace aturan::internal {

namespace {

// {"malformed row":3,...} for the kinds counted at least once.
void AppendKindCounts(const std::array<uint64_t, 7>& counts, std::string* out) {
  out->push_back('{');
  bool first = true;
  for (size_t kind = 0; kind < counts.size(); ++kind) {
    if (counts[kind] == 0) continue;
    if (!first) out->push_back(',');
    first = false;
    AppendJsonString(IssueKindName(static_cast<IssueKind>(kind)), out);
    StrAppend(out, ":", counts[kind]);
  }
  out->push_back('}');
}

// "eligible":n,"ineligible":n,"invalid":n
void AppendStatusCounts(const std::array<uint64_t, 3>& counts, std::string* out) {
  StrAppend(out, "\"eligible\":", counts[static_cast<size_t>(Status::kEligible)],
            ",\"ineligible\":", counts[static_cast<size_t>(Status::kIneligible)],
            ",\"invalid\":", counts[static_cast<size_t>(Status::kInvalid)]);
}

}  // namespace

std::string EvalSummaryJson(const RuleSet& rules, const EvalSummary& summary,
                            const std::vector<ListWarning>& warnings) {
  std::string out = "{\"regulation\":";
  AppendJsonString(rules.regulation_id(), &out);
  StrAppend(&out, ",\"rows\":", summary.rows, ",");
  AppendStatusCounts(summary.by_status, &out);
  StrAppend(&out, ",\"rows_with_warnings\":", summary.rows_with_warnings, ",\"errors_by_kind\":");
  AppendKindCounts(summary.errors_by_kind, &out);
  out.append(",\"warnings_by_kind\":");
  AppendKindCounts(summary.warnings_by_kind, &out);
  out.append(",\"failed_by_rule\":[");
  for (size_t i = 0; i < summary.failed_by_rule.size(); ++i) {
    if (i > 0) out.push_back(',');
    out.append("{\"id\":");
    AppendJsonString(rules.rules()[i].id, &out);
    StrAppend(&out, ",\"failed\":", summary.failed_by_rule[i], ",\"unknown\":", summary.unknown_by_rule[i], "}");
  }
  out.append("],\"groups\":[");
  bool first = true;
  for (size_t g = 0; g < summary.by_group.size(); ++g) {
    const std::array<uint64_t, 3>& counts = summary.by_group[g];
    if (counts[0] + counts[1] + counts[2] == 0) continue;
    if (!first) out.push_back(',');
    first = false;
    out.append("{\"code\":");
    if (g + 1 == summary.by_group.size()) {
      out.append("null");
    } else {
      AppendJsonString(rules.CodeText(summary.group_slot, static_cast<int32_t>(g)), &out);
    }
    out.push_back(',');
    AppendStatusCounts(counts, &out);
    out.push_back('}');
  }
  out.append("],\"warnings\":[");
  for (size_t i = 0; i < warnings.size(); ++i) {
    if (i > 0) out.push_back(',');
    AppendJsonString(warnings[i].message, &out);
  }
  out.append("]}\n");
  return out;
}

}  // namespace aturan::internal
