// batch/decision_format.hpp — the per-row output of `aturan eval`: one line per input row,
// in input order, as CSV or JSON Lines; and the rejects file listing every row problem.
#pragma once

#include <string>
#include <vector>

#include "aturan/candidate_table.hpp"
#include "aturan/decision.hpp"
#include "aturan/rule_set.hpp"

namespace aturan::internal {

// The decisions file's format.
enum class DecisionFormat { kCsv, kJsonLines };

// Writes decision lines for one RuleSet.
//
// CSV columns: row, nik, status (eligible/ineligible/invalid), failed (the failing rule ids
// joined by ';', or for an invalid row "input:" and the field of its first error), reasons
// (the failing rules' Indonesian reasons joined by " | ", "[data kurang]" marking a rule
// that could not be decided; for an invalid row its errors), score.
// JSON Lines: {"row":..,"nik":..,"status":..,"failed":[..],"reasons":[..],"score":..}, with
// "errors":[{"column","value","reason"}] for an invalid row and "warnings" when any.
class DecisionFormatter {
 public:
  DecisionFormatter(const RuleSet& rules, DecisionFormat format);

  // The header line (CSV), or nothing (JSON Lines).
  void AppendHeader(std::string* out) const;
  // The line for row `row` of `table`, decided as `decision`.
  void AppendRow(const CandidateTable& table, size_t row, const Decision& decision, std::string* out) const;

  // The value written as `nik` for row `row` (empty when missing or there is no such field).
  std::string_view Id(const CandidateTable& table, size_t row) const;
  // CSV: the `failed` and `reasons` fields of the line, joined by a comma.
  void AppendCsvOutcome(const CandidateTable& table, size_t row, const Decision& decision, std::string* out) const;
  // JSON Lines: the members "failed":[..],"reasons":[..] (empty lists for an invalid row).
  void AppendJsonOutcome(const Decision& decision, std::string* out) const;
  // JSON Lines: ,"errors":[..] when row `row` has errors and, when `warnings`, ,"warnings":[..]
  // when it has warnings; each {"column","value","reason"}.
  static void AppendJsonIssues(const CandidateTable& table, size_t row, bool warnings, std::string* out);

  // The rejects file's header, and one line per issue of row `row`:
  // row, line, column, value, severity (error/warning), kind, reason.
  static void AppendRejectsHeader(std::string* out);
  static void AppendRejects(const CandidateTable& table, size_t row, std::string* out);

 private:
  const RuleSet& rules_;
  DecisionFormat format_;
  int id_slot_ = -1;  // the field written as `nik`
  // Per rule: its reason with quotes doubled, ready to go inside a quoted CSV field (long
  // texts that nearly always hold a comma: escaping them once saves scanning every row).
  std::vector<std::string> csv_reasons_;
};

// The outcome key of a decided row: one character per rule of the rule file ('0' passed,
// '1' failed, '3' failed for missing data), so rows with the same outcome share one rendering.
// Short, so that for the usual few rules it needs no allocation.
std::string RuleOutcomeKey(const Decision& decision, size_t rules);

// A score as the outputs write it: whole numbers without a decimal point ("80"), others as
// FormatValue writes decimals.
void AppendScore(double score, std::string* out);
// `text` as a JSON string literal, quotes included.
void AppendJsonString(std::string_view text, std::string* out);

}  // namespace aturan::internal
