// aturan/comparison.hpp — a proposed revision against the rules in force: what changed
// between the two rule files, and what the change does to one candidate list (who gains or
// loses cover, at what cost, per target group, area and occupation). Rendered as a memo in
// Markdown, as JSON for other programs, and as a per-person change list (CSV).
#pragma once

#include <array>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "aturan/allocation.hpp"
#include "aturan/list_reader.hpp"
#include "aturan/rule_set.hpp"

namespace aturan {

// ---------------------------------------------------------------------------------------
// Rule-level changes

// How one named thing differs between the old and the new rule file.
enum class ChangeKind : uint8_t { kAdded, kRemoved, kChanged };

// "added", "removed", "changed".
const char* ChangeKindName(ChangeKind kind);

// A schema field added, removed, or whose type changed. Types are written as TypeName
// gives them, codes with their list: "code(pekerjaan)"; empty on the side that lacks it.
struct FieldChange {
  std::string name;
  ChangeKind change = ChangeKind::kChanged;
  std::string old_type;
  std::string new_type;
};

// One code of a list, with its display name.
struct ListCode {
  std::string code;
  std::string name;
};

// The codes a named list gained and lost (a list only one file has: all of its codes).
struct ListChange {
  std::string name;
  std::vector<ListCode> added;    // in the new file's order
  std::vector<ListCode> removed;  // in the old file's order
};

// A parameter whose value on each file's own reference date differs (ParameterInfo::text),
// or that only one file has.
struct ParameterChange {
  std::string name;
  std::optional<std::string> old_value;
  std::optional<std::string> new_value;
};

// An eligibility rule added, removed, or whose `when` reads differently (compared after
// dropping comments and layout: ReadableExpression).
struct RuleChange {
  std::string id;
  ChangeKind change = ChangeKind::kChanged;
  std::optional<std::string> old_when;  // as ReadableExpression gives it
  std::optional<std::string> new_when;
};

// A priority or quota setting that reads differently, as text for people; "(tidak ada)"
// stands for a setting a file does not have.
struct SettingChange {
  std::string what;  // priority: score, order; quota: seats, budget, months, by, basis, method,
                     // unfilled, pools, reserved
  std::string old_text;
  std::string new_text;
};

// A premium component whose nominal monthly amount or per-person amount differs, or that
// only one file has.
struct PremiumChange {
  std::string component;
  std::optional<int64_t> old_monthly;  // rupiah per person per month on the reference date
  std::optional<int64_t> new_monthly;
  std::string old_per_person;  // the per_person expression, or empty
  std::string new_per_person;
};

// Everything that differs between two rule files, each list in the order the files give
// (old file's order first, then what only the new file has).
struct RuleChanges {
  std::vector<FieldChange> fields;
  std::vector<ListChange> lists;
  std::vector<ParameterChange> parameters;
  std::vector<RuleChange> rules;
  std::vector<SettingChange> priority;
  std::vector<SettingChange> quota;
  std::vector<PremiumChange> premiums;

  // True when the files differ in none of these.
  bool empty() const;
};

// What changed from `old_rules` to `new_rules`. Regulation metadata (id, title, dates) is
// not compared. Never fails.
RuleChanges CompareRules(const RuleSet& old_rules, const RuleSet& new_rules);

// ---------------------------------------------------------------------------------------
// The effect on one candidate list

// Where a row ends under one rule file. Under a rule file with a quota rows are selected,
// waitlisted, ineligible (no pool taking them included) or invalid; without one they are
// eligible, ineligible or invalid.
enum class CoverStatus : uint8_t { kSelected, kWaitlisted, kEligible, kIneligible, kInvalid };
inline constexpr int kCoverStatuses = 5;

// "selected", "waitlisted", "eligible", "ineligible", "invalid".
const char* CoverStatusName(CoverStatus status);

// A row's outcome under one rule file: its status, and for a selected or waitlisted row
// its pool (index into RuleSet::quota().pools), else -1.
struct RowOutcome {
  CoverStatus status = CoverStatus::kInvalid;
  int8_t pool = -1;
};

// A row under the old and under the new rule file.
struct RowChange {
  RowOutcome old_outcome;
  RowOutcome new_outcome;
};

// Covered means selected under a rule file with a quota, eligible under one without.
enum class CoverChange : uint8_t { kGained, kLost, kStayedCovered, kStayedUncovered };

// "gained", "lost", "stayed_covered", "stayed_uncovered".
const char* CoverChangeName(CoverChange change);

// True when `status` is covered (selected, or eligible under a rule file without a quota).
bool IsCovered(CoverStatus status);

// The change between two outcomes.
CoverChange ChangeOf(const RowChange& row);

// One rule file over the list: what it offers and how the rows came out.
struct SideSummary {
  std::string regulation;  // regulation.id
  std::string title;
  absl::CivilDay reference_date;
  bool has_quota = false;
  std::optional<int64_t> seats;   // seats offered (after any overall limit); none without a quota
  std::optional<int64_t> budget;  // the quota's overall budget, or the sum of every pool's when
                                  // all pools have one; else none
  int64_t months = 0;             // the pools' months (the first pool's when they differ), or
                                  // program.coverage_months without a quota
  int64_t monthly_premium = 0;    // nominal rupiah per person per month (the only pool's, or
                                  // every component's)
  int64_t covered = 0, selected = 0, waitlisted = 0, eligible = 0, ineligible = 0, invalid = 0;
  int64_t cost = 0;  // covered rows' premiums × months, in rupiah (as `aturan allocate` costs them)
};

// A target group: the rows where a bool field (e.g. tulang_punggung) is true.
struct GroupEffect {
  std::string field;
  std::string label;  // the field's description, else its name
  int64_t rows = 0;
  int64_t old_covered = 0, new_covered = 0, gained = 0, lost = 0;
};

// One code of a breakdown field (an area, an occupation); code "" gathers rows without one.
struct BreakdownItem {
  std::string code;
  std::string name;
  std::optional<int64_t> old_quota;  // seats apportioned to it; none when that rule file does
  std::optional<int64_t> new_quota;  // not share seats over this field
  int64_t old_covered = 0, new_covered = 0, gained = 0, lost = 0;
  int64_t old_cost = 0, new_cost = 0;
};

// Counts per code of one field, in the new file's list order (then codes only the old has).
struct Breakdown {
  std::string field;
  std::vector<BreakdownItem> items;
};

// What the new rule file does to the list compared with the old one.
struct ListEffect {
  uint64_t rows = 0;
  SideSummary old_side;
  SideSummary new_side;
  int64_t gained = 0, lost = 0, stayed_covered = 0, stayed_uncovered = 0;
  // transitions[old][new]: rows with that (old, new) CoverStatus pair.
  std::array<std::array<int64_t, kCoverStatuses>, kCoverStatuses> transitions{};
  // Every bool field of either schema that some row of the list gives a value for (the
  // new file's fields first, in schema order).
  std::vector<GroupEffect> groups;
  // Per area: the new file's quota `by` field, else the old's, else the first code field
  // whose name holds "kelurahan"; items with seats or covered rows on either side.
  std::optional<Breakdown> areas;
  // Per occupation (ListComparisonOptions::group_field); items with covered rows.
  std::optional<Breakdown> occupations;
  std::vector<RowChange> row_changes;  // one per input row, in input order
  // The list's warnings as each rule file read it, and the allocations' warnings, each
  // starting "lama: " or "baru: ".
  std::vector<std::string> warnings;
};

// How to compare over a list.
struct ListComparisonOptions {
  // How each rule file reads the list (renames must name fields of that file's schema).
  ListOptions old_list;
  ListOptions new_list;
  // Area tables overriding each rule file's area numbers (may be null).
  const AreaTable* old_areas = nullptr;
  const AreaTable* new_areas = nullptr;
  // The occupation field; empty: "pekerjaan". A name neither schema has as a code field
  // (e.g. "none") gives no occupation breakdown.
  std::string group_field;
  int threads = 0;  // worker threads per pass; 0 = one per core. The result does not depend on it.
  // Called on the calling thread as the list is read: which pass (false: old, true: new),
  // rows and input bytes done in that pass.
  std::function<void(bool new_side, uint64_t rows, uint64_t bytes)> progress;
  // When not null, the per-person change list is written here as CSV: a header, then one
  // line per input row, in input order — row, nik, old_status, new_status, change, old_pool,
  // new_pool, area, old_failed, old_reasons, new_failed, new_reasons (failed/reasons as
  // `aturan allocate` writes them, "kuota" for a row the quota left out).
  std::FILE* changes = nullptr;
};

// Reads `list_path` once under each rule file (each with its own schema and column
// mapping), decides and allocates it (or, without a quota, counts the eligible as covered),
// and joins the rows by input row. Memory: besides one allocation at a time, a few bytes per
// row (the outcomes, area, occupation and target-group flags); the change list's NIKs and
// reasons go through a temporary file. Errors: the list cannot be read, an allocation
// cannot be computed, the change list cannot be written.
absl::StatusOr<ListEffect> CompareOnList(const RuleSet& old_rules, const RuleSet& new_rules,
                                         const std::string& list_path,
                                         const ListComparisonOptions& options = {});

// A whole comparison, as the reports show it.
struct Comparison {
  std::string old_file;   // as given, for the reports
  std::string new_file;
  std::string list_file;
  RuleChanges rules;
  ListEffect list;
};

// A memo in Indonesian (Markdown): summary, rule changes, target groups, areas, occupations.
std::string ComparisonMarkdown(const Comparison& comparison);

// One JSON object (format "aturan-diff/1", documented in docs/diff.md), with a line break.
std::string ComparisonJson(const Comparison& comparison);

}  // namespace aturan
