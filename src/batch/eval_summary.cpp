#include "batch/eval_summary.hpp"

#include <algorithm>

#include "absl/strings/str_format.h"
#include "base/strings.hpp"

namespace aturan::internal {

namespace {

std::string Share(uint64_t part, uint64_t whole) {
  return whole == 0 ? std::string("-") : absl::StrFormat("%.1f%%", 100.0 * static_cast<double>(part) / static_cast<double>(whole));
}

}  // namespace

EvalSummary EvalSummary::For(const RuleSet& rules, int group_slot) {
  EvalSummary summary;
  summary.failed_by_rule.assign(rules.rules().size(), 0);
  summary.unknown_by_rule.assign(rules.rules().size(), 0);
  summary.group_slot = group_slot;
  if (group_slot >= 0) summary.by_group.assign(static_cast<size_t>(rules.CodeCount(group_slot)) + 1, {});
  return summary;
}

void EvalSummary::Add(const CandidateTable& table, size_t row, const Decision& decision) {
  ++rows;
  ++by_status[static_cast<size_t>(decision.status)];
  bool warned = false;
  bool first_error = true;
  for (const RowIssue& issue : table.issues(row)) {
    if (issue.error) {
      if (first_error) ++errors_by_kind[static_cast<size_t>(issue.kind)];
      first_error = false;
    } else {
      ++warnings_by_kind[static_cast<size_t>(issue.kind)];
      warned = true;
    }
  }
  if (warned) ++rows_with_warnings;
  if (decision.status == Status::kIneligible) {
    for (size_t i = 0; i < failed_by_rule.size(); ++i) {
      if (decision.failed[i]) ++failed_by_rule[i];
      if (decision.unknown[i]) ++unknown_by_rule[i];
    }
  }
  if (group_slot >= 0) {
    Value group = table.Get(row, group_slot);
    size_t index = group.missing() ? by_group.size() - 1 : static_cast<size_t>(group.as_code());
    ++by_group[std::min(index, by_group.size() - 1)][static_cast<size_t>(decision.status)];
  }
}

void EvalSummary::Merge(const EvalSummary& other) {
  rows += other.rows;
  rows_with_warnings += other.rows_with_warnings;
  for (size_t i = 0; i < by_status.size(); ++i) by_status[i] += other.by_status[i];
  for (size_t i = 0; i < failed_by_rule.size(); ++i) {
    failed_by_rule[i] += other.failed_by_rule[i];
    unknown_by_rule[i] += other.unknown_by_rule[i];
  }
  for (size_t i = 0; i < errors_by_kind.size(); ++i) {
    errors_by_kind[i] += other.errors_by_kind[i];
    warnings_by_kind[i] += other.warnings_by_kind[i];
  }
  for (size_t g = 0; g < by_group.size(); ++g) {
    for (size_t s = 0; s < 3; ++s) by_group[g][s] += other.by_group[g][s];
  }
}

std::string FormatEvalSummary(const RuleSet& rules, const EvalSummary& summary, double seconds, uint64_t bytes) {
  std::string out;
  const uint64_t rows = summary.rows;
  const auto count = [&](Status s) { return summary.by_status[static_cast<size_t>(s)]; };
  absl::StrAppendFormat(&out, "%s (%s)\n", rules.regulation_id(), rules.regulation_title());
  absl::StrAppendFormat(&out, "rows read    %12d\n", rows);
  absl::StrAppendFormat(&out, "  eligible   %12d  %6s\n", count(Status::kEligible), Share(count(Status::kEligible), rows));
  absl::StrAppendFormat(&out, "  ineligible %12d  %6s\n", count(Status::kIneligible), Share(count(Status::kIneligible), rows));
  absl::StrAppendFormat(&out, "  invalid    %12d  %6s\n", count(Status::kInvalid), Share(count(Status::kInvalid), rows));
  if (count(Status::kInvalid) > 0) {
    out.append("invalid rows by first error\n");
    for (size_t k = 0; k < summary.errors_by_kind.size(); ++k) {
      if (summary.errors_by_kind[k] == 0) continue;
      absl::StrAppendFormat(&out, "  %-38s %10d\n", IssueKindName(static_cast<IssueKind>(k)), summary.errors_by_kind[k]);
    }
  }
  if (summary.rows_with_warnings > 0) {
    absl::StrAppendFormat(&out, "rows with warnings %d (still decided)\n", summary.rows_with_warnings);
    for (size_t k = 0; k < summary.warnings_by_kind.size(); ++k) {
      if (summary.warnings_by_kind[k] == 0) continue;
      absl::StrAppendFormat(&out, "  %-38s %10d\n", IssueKindName(static_cast<IssueKind>(k)), summary.warnings_by_kind[k]);
    }
  }
  if (count(Status::kIneligible) > 0) {
    out.append("ineligible rows by failing rule (a row may fail several)\n");
    for (size_t i = 0; i < summary.failed_by_rule.size(); ++i) {
      if (summary.failed_by_rule[i] == 0) continue;
      absl::StrAppendFormat(&out, "  %-28s %10d", rules.rules()[i].id, summary.failed_by_rule[i]);
      if (summary.unknown_by_rule[i] > 0) absl::StrAppendFormat(&out, " (%d undecided: data kurang)", summary.unknown_by_rule[i]);
      absl::StrAppendFormat(&out, "  %s\n", rules.rules()[i].reason);
    }
  }
  if (summary.group_slot >= 0) {
    const int slot = summary.group_slot;
    absl::StrAppendFormat(&out, "%-42s %10s %10s %10s\n", StrCat("by ", rules.fields()[slot].name), "eligible",
                          "ineligible", "invalid");
    for (size_t g = 0; g < summary.by_group.size(); ++g) {
      const auto& c = summary.by_group[g];
      if (c[0] + c[1] + c[2] == 0) continue;
      std::string name = g + 1 == summary.by_group.size()
                             ? std::string("(kosong/tidak sah)")
                             : std::string(rules.CodeText(slot, static_cast<int32_t>(g)));
      absl::StrAppendFormat(&out, "  %-40s %10d %10d %10d\n", name, c[0], c[1], c[2]);
    }
  }
  const double rate = seconds > 0 ? static_cast<double>(rows) / seconds : 0;
  const double mb = static_cast<double>(bytes) / 1e6;
  absl::StrAppendFormat(&out, "elapsed %.2f s, %.0f rows/s, %.1f MB/s (%.1f MB read)\n", seconds, rate,
                        seconds > 0 ? mb / seconds : 0, mb);
  return out;
}

}  // namespace aturan::internal
