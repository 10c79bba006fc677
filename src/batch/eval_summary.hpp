// batch/eval_summary.hpp — counts over an evaluated list, for the terminal summary of
// `aturan eval`: rows per status, per failing rule, per problem kind, per group (occupation).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "aturan/candidate_table.hpp"
#include "aturan/decision.hpp"
#include "aturan/rule_set.hpp"

namespace aturan::internal {

// Counts that add up chunk by chunk (Add per row, Merge per chunk, in any grouping).
struct EvalSummary {
  uint64_t rows = 0;
  std::array<uint64_t, 3> by_status{};  // indexed by Status
  uint64_t rows_with_warnings = 0;
  std::vector<uint64_t> failed_by_rule;   // rows failing rule i (unknown included)
  std::vector<uint64_t> unknown_by_rule;  // of those, rows where it could not be decided
  std::array<uint64_t, 7> errors_by_kind{};    // invalid rows by their first error's IssueKind
  std::array<uint64_t, 7> warnings_by_kind{};  // warnings by IssueKind
  int group_slot = -1;  // the code field rows are grouped by, or -1
  // Per code id of group_slot, then one entry for rows without a valid code: counts by Status.
  std::vector<std::array<uint64_t, 3>> by_group;

  // Empty counts for `rules`, grouped by code field `group_slot` (-1 for none).
  static EvalSummary For(const RuleSet& rules, int group_slot);
  // Counts row `row` of `table`, decided as `decision`.
  void Add(const CandidateTable& table, size_t row, const Decision& decision);
  // Adds the counts of `other` (made For the same rules and group).
  void Merge(const EvalSummary& other);
};

// The summary as people read it: rows and statuses with shares, problems by kind, failing
// rules with their reasons, the group table, elapsed time and speed.
std::string FormatEvalSummary(const RuleSet& rules, const EvalSummary& summary, double seconds, uint64_t bytes);

}  // namespace aturan::internal
