// CompareOnList: the list read, decided and allocated once under each rule file (old, then
// new), each pass keeping a few bytes per row; then the rows joined by input row and counted.
#include <algorithm>
#include <memory>
#include <numeric>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/match.h"
#include "aturan/comparison.hpp"
#include "base/strings.hpp"
#include "batch/decision_format.hpp"
#include "batch/eval_pipeline.hpp"
#include "compare/change_list.hpp"
#include "compare/code_dictionary.hpp"
#include "compare/row_spill.hpp"
#include "table/raw_chunk.hpp"

namespace aturan {

namespace {

using internal::CodeColumn;
using internal::CodeDictionary;
using internal::RowSpill;

// A code field's slot in `rules`, or -1 when it has no code field of that name.
int CodeSlot(const RuleSet& rules, const std::string& name) {
  const int slot = name.empty() ? -1 : rules.FieldSlot(name);
  return slot >= 0 && rules.fields()[slot].type == Type::kCode ? slot : -1;
}

// The field areas are counted by: the new file's quota `by`, else the old's, else the
// first code field named like kelurahan (new file first); empty when there is none.
std::string AreaField(const RuleSet& old_rules, const RuleSet& new_rules) {
  for (const RuleSet* rules : {&new_rules, &old_rules}) {
    for (const PoolInfo& pool : rules->quota().pools) {
      if (pool.basis != AreaBasis::kNone) return rules->fields()[pool.area_slot].name;
    }
  }
  for (const RuleSet* rules : {&new_rules, &old_rules}) {
    for (const FieldInfo& field : rules->fields()) {
      if (field.type == Type::kCode && absl::StrContains(ToAbsl(field.name), "kelurahan")) return field.name;
    }
  }
  return "";
}

// What the comparison keeps per row across both passes.
struct Rows {
  std::vector<RowChange> changes;
  std::unique_ptr<CodeDictionary> areas;
  std::unique_ptr<CodeDictionary> occupations;
  CodeColumn area{0};
  CodeColumn occupation{0};
  std::vector<std::string> group_fields;
  std::vector<std::string> group_labels;
  std::vector<uint8_t> group_present;  // per group: some row gave a value
  size_t group_bytes = 0;              // bytes of flags per row
  std::vector<uint8_t> group_flags;    // per row: group_bytes bytes, bit g = group g true

  void Grow(size_t rows) {
    changes.resize(rows);
    area.Grow(rows);
    occupation.Grow(rows);
    group_flags.resize(rows * group_bytes, 0);
  }
  bool Flag(size_t row, size_t group) const { return (group_flags[row * group_bytes + group / 8] >> (group % 8) & 1) != 0; }
  void SetFlag(size_t row, size_t group, bool value) {
    uint8_t& byte = group_flags[row * group_bytes + group / 8];
    const auto bit = static_cast<uint8_t>(1u << (group % 8));
    byte = value ? static_cast<uint8_t>(byte | bit) : static_cast<uint8_t>(byte & ~bit);
  }
};

// One rule file's pass over the list.
struct Side {
  Side(const RuleSet& r, bool is_new_side) : rules(r), is_new(is_new_side) {}

  const RuleSet& rules;
  bool is_new;
  int area_slot = -1;
  int occupation_slot = -1;
  std::vector<int> group_slots;  // per group of Rows, -1 where this schema lacks it
  // Premiums that depend on the person: each covered row's monthly premium is kept.
  bool per_person = false;
  std::vector<uint32_t> premiums;
  std::vector<int> all_components;
  std::vector<int64_t> area_quota;  // per area index; meaningful when apportions
  bool apportions = false;          // shares seats over the area field
  SideSummary summary;
  std::unique_ptr<RowSpill> spill;

  const char* label() const { return is_new ? "baru" : "lama"; }
  RowOutcome& Outcome(Rows& rows, size_t row) const {
    return is_new ? rows.changes[row].new_outcome : rows.changes[row].old_outcome;
  }
  // Row `row`'s cost under this file: its monthly premium × months when covered, else 0.
  int64_t CostOf(const Rows& rows, size_t row) const {
    const RowOutcome& o = is_new ? rows.changes[row].new_outcome : rows.changes[row].old_outcome;
    if (!IsCovered(o.status)) return 0;
    const QuotaInfo& quota = rules.quota();
    if (!quota.present()) {
      return (per_person ? premiums[row] : rules.monthly_premium()) * rules.coverage_months();
    }
    const PoolInfo& pool = quota.pools[static_cast<size_t>(o.pool)];
    return (per_person ? premiums[row] : pool.monthly_premium) * pool.months;
  }
};

absl::Status RunPass(Side& side, const std::string& list_path, const ListOptions& list_options,
                     const AreaTable* areas, const ListComparisonOptions& options, Rows& rows,
                     std::vector<std::string>* warnings) {
  const RuleSet& rules = side.rules;
  absl::StatusOr<std::unique_ptr<internal::RawChunkReader>> reader =
      internal::RawChunkReader::Open(rules, list_path, {}, list_options);
  if (!reader.ok()) {
    return absl::Status(reader.status().code(),
                        StrCat(list_path, " (", side.label(), ", ", rules.regulation_id(), "): ", reader.status().message()));
  }
  for (const ListWarning& warning : (*reader)->warnings()) warnings->push_back(StrCat(side.label(), ": ", warning.message));
  const size_t warnings_before = (*reader)->warnings().size();

  const bool has_quota = rules.quota().present();
  std::optional<Allocator> allocator;
  if (has_quota) allocator.emplace(rules, areas, -1);
  std::optional<internal::DecisionFormatter> formatter;
  absl::flat_hash_map<std::string, uint32_t> outcome_ids;
  uint32_t passed_outcome = 0;
  if (side.spill != nullptr) {
    formatter.emplace(rules, internal::DecisionFormat::kCsv);
    passed_outcome = side.spill->AddOutcome(",");
  }
  std::vector<Value> record(rules.fields().size());
  std::string text;
  size_t next_row = 0;
  bool too_many_rows = false;

  internal::EvalPipelineOptions pipeline;
  pipeline.threads = options.threads;
  if (options.progress) {
    pipeline.progress = [&](uint64_t done, uint64_t bytes) { options.progress(side.is_new, done, bytes); };
  }
  pipeline.on_chunk = [&](const CandidateTable& table, std::span<const Decision> decisions) {
    if (allocator) allocator->Add(table, decisions);
    const size_t base = next_row;
    next_row += table.size();
    if (!side.is_new) {
      rows.Grow(next_row);
      if (side.per_person) side.premiums.resize(next_row, 0);
    } else if (next_row > rows.changes.size()) {
      too_many_rows = true;
      return;
    } else if (side.per_person) {
      side.premiums.resize(rows.changes.size(), 0);
    }
    for (size_t r = 0; r < table.size(); ++r) {
      const size_t i = base + r;
      const Decision& decision = decisions[r];
      const bool invalid = table.invalid(r) || decision.status == Status::kInvalid;
      if (!has_quota) {
        RowOutcome& outcome = side.Outcome(rows, i);
        outcome.status = invalid ? CoverStatus::kInvalid
                         : decision.eligible() ? CoverStatus::kEligible
                                               : CoverStatus::kIneligible;
        if (side.per_person && outcome.status == CoverStatus::kEligible) {
          table.GetRow(r, record);
          side.premiums[i] =
              static_cast<uint32_t>(std::clamp<int64_t>(rules.MonthlyPremium(record, side.all_components), 0, UINT32_MAX));
        }
      }
      // Keys: the new file's value where it has one, else the old file's.
      if (side.area_slot >= 0) {
        const Value v = table.Get(r, side.area_slot);
        const int32_t index = v.missing() ? -1 : rows.areas->IndexOf(side.is_new, v.as_code());
        if (index >= 0) rows.area.Set(i, index);
      }
      if (side.occupation_slot >= 0) {
        const Value v = table.Get(r, side.occupation_slot);
        const int32_t index = v.missing() ? -1 : rows.occupations->IndexOf(side.is_new, v.as_code());
        if (index >= 0) rows.occupation.Set(i, index);
      }
      for (size_t g = 0; g < side.group_slots.size(); ++g) {
        if (side.group_slots[g] < 0) continue;
        const Value v = table.Get(r, side.group_slots[g]);
        if (v.missing()) continue;
        rows.group_present[g] = 1;
        rows.SetFlag(i, g, v.as_bool());
      }
      if (side.spill == nullptr) continue;
      const std::string_view nik = formatter->Id(table, r);
      if (!invalid && decision.failed.none()) {
        side.spill->Add(table.source_row(r), nik, passed_outcome, {});
        continue;
      }
      text.clear();
      formatter->AppendCsvOutcome(table, r, decision, &text);
      if (invalid) {
        side.spill->Add(table.source_row(r), nik, RowSpill::kInline, text);
        continue;
      }
      auto [it, added] = outcome_ids.emplace(internal::RuleOutcomeKey(decision, rules.rules().size()), 0);
      if (added) it->second = side.spill->AddOutcome(text);
      side.spill->Add(table.source_row(r), nik, it->second, {});
    }
  };
  absl::StatusOr<internal::EvalSummary> summary = internal::RunEvalPipeline(**reader, pipeline, nullptr, nullptr);
  if (!summary.ok()) {
    return absl::Status(summary.status().code(),
                        StrCat(list_path, " (", side.label(), ", ", rules.regulation_id(), "): ", summary.status().message()));
  }
  for (size_t w = warnings_before; w < (*reader)->warnings().size(); ++w) {
    warnings->push_back(StrCat(side.label(), ": ", (*reader)->warnings()[w].message));
  }
  if (too_many_rows || next_row != rows.changes.size()) {
    return absl::InternalError(StrCat(list_path, ": the two rule files read a different number of rows (",
                                      rows.changes.size(), " and ", next_row, ")"));
  }
  if (side.spill != nullptr) {
    if (absl::Status spilled = side.spill->Rewind(); !spilled.ok()) return spilled;
  }
  if (!allocator) return absl::OkStatus();

  absl::StatusOr<Allocation> allocation = allocator->Finish();
  allocator.reset();
  if (!allocation.ok()) {
    return absl::Status(allocation.status().code(),
                        StrCat(side.label(), " (", rules.regulation_id(), "): ", allocation.status().message()));
  }
  for (size_t i = 0; i < allocation->rows.size(); ++i) {
    const RowAllocation& a = allocation->rows[i];
    RowOutcome& outcome = side.Outcome(rows, i);
    switch (a.status) {
      case AllocationStatus::kSelected:
        outcome = {CoverStatus::kSelected, a.pool};
        if (side.per_person) side.premiums[i] = a.monthly_premium;
        break;
      case AllocationStatus::kWaitlisted:
        outcome = {CoverStatus::kWaitlisted, a.pool};
        break;
      case AllocationStatus::kIneligible:
        outcome = {CoverStatus::kIneligible, -1};
        break;
      case AllocationStatus::kInvalid:
        outcome = {CoverStatus::kInvalid, -1};
        break;
    }
  }
  int64_t seats = 0;
  for (size_t p = 0; p < allocation->pools.size(); ++p) {
    const PoolInfo& pool = rules.quota().pools[p];
    seats += allocation->pools[p].capacity;
    if (pool.basis == AreaBasis::kNone || pool.area_slot != side.area_slot) continue;
    side.apportions = true;
    for (const AreaOutcome& area : allocation->pools[p].areas) {
      const int32_t index = rows.areas->IndexOf(side.is_new, area.area);
      if (index >= 0) side.area_quota[static_cast<size_t>(index)] += area.quota;
    }
  }
  side.summary.seats = seats;
  for (const std::string& warning : allocation->warnings) warnings->push_back(StrCat(side.label(), ": ", warning));
  return absl::OkStatus();
}

// The parts of a side's summary that come from its rule file alone.
void DescribeSide(Side* side) {
  const RuleSet& rules = side->rules;
  const QuotaInfo& quota = rules.quota();
  SideSummary& s = side->summary;
  s.regulation = rules.regulation_id();
  s.title = rules.regulation_title();
  s.reference_date = rules.reference_date();
  s.has_quota = quota.present();
  side->all_components.resize(rules.premiums().size());
  std::iota(side->all_components.begin(), side->all_components.end(), 0);
  const auto varies = [&](std::span<const int> components) {
    return std::any_of(components.begin(), components.end(),
                       [&](int c) { return !rules.premiums()[static_cast<size_t>(c)].per_person.empty(); });
  };
  if (!s.has_quota) {
    s.months = rules.coverage_months();
    s.monthly_premium = rules.monthly_premium();
    side->per_person = varies(side->all_components);
    return;
  }
  s.months = quota.pools[0].months;
  s.monthly_premium = quota.pools.size() == 1 ? quota.pools[0].monthly_premium : rules.monthly_premium();
  if (quota.total_budget >= 0) {
    s.budget = quota.total_budget;
  } else if (std::all_of(quota.pools.begin(), quota.pools.end(), [](const PoolInfo& p) { return p.budget >= 0; })) {
    int64_t budget = 0;
    for (const PoolInfo& pool : quota.pools) budget += pool.budget;
    s.budget = budget;
  }
  for (const PoolInfo& pool : quota.pools) side->per_person = side->per_person || varies(pool.premiums);
}

// A breakdown's item `index` (the dictionary size: rows without a code).
BreakdownItem& ItemOf(std::vector<BreakdownItem>& items, const CodeDictionary& codes, int32_t index, const char* none) {
  const size_t at = index < 0 ? codes.size() : static_cast<size_t>(index);
  BreakdownItem& item = items[at];
  if (item.name.empty() && item.code.empty()) {
    if (index < 0) {
      item.name = none;
    } else {
      item.code = codes.code(at);
      item.name = codes.name(at).empty() ? codes.code(at) : codes.name(at);
    }
  }
  return item;
}

void Count(BreakdownItem& item, CoverChange change, bool old_covered, bool new_covered, int64_t old_cost,
           int64_t new_cost) {
  item.old_covered += old_covered ? 1 : 0;
  item.new_covered += new_covered ? 1 : 0;
  item.gained += change == CoverChange::kGained ? 1 : 0;
  item.lost += change == CoverChange::kLost ? 1 : 0;
  item.old_cost += old_cost;
  item.new_cost += new_cost;
}

}  // namespace

const char* CoverStatusName(CoverStatus status) {
  switch (status) {
    case CoverStatus::kSelected:
      return "selected";
    case CoverStatus::kWaitlisted:
      return "waitlisted";
    case CoverStatus::kEligible:
      return "eligible";
    case CoverStatus::kIneligible:
      return "ineligible";
    case CoverStatus::kInvalid:
      return "invalid";
  }
  return "invalid";
}

const char* CoverChangeName(CoverChange change) {
  switch (change) {
    case CoverChange::kGained:
      return "gained";
    case CoverChange::kLost:
      return "lost";
    case CoverChange::kStayedCovered:
      return "stayed_covered";
    case CoverChange::kStayedUncovered:
      return "stayed_uncovered";
  }
  return "stayed_uncovered";
}

bool IsCovered(CoverStatus status) { return status == CoverStatus::kSelected || status == CoverStatus::kEligible; }

CoverChange ChangeOf(const RowChange& row) {
  const bool before = IsCovered(row.old_outcome.status);
  const bool after = IsCovered(row.new_outcome.status);
  if (before == after) return before ? CoverChange::kStayedCovered : CoverChange::kStayedUncovered;
  return after ? CoverChange::kGained : CoverChange::kLost;
}

absl::StatusOr<ListEffect> CompareOnList(const RuleSet& old_rules, const RuleSet& new_rules,
                                         const std::string& list_path, const ListComparisonOptions& options) {
  ListEffect effect;
  Side old_side(old_rules, false);
  Side new_side(new_rules, true);
  Rows rows;

  const std::string area_field = AreaField(old_rules, new_rules);
  old_side.area_slot = CodeSlot(old_rules, area_field);
  new_side.area_slot = CodeSlot(new_rules, area_field);
  rows.areas = std::make_unique<CodeDictionary>(old_rules, old_side.area_slot, new_rules, new_side.area_slot);
  rows.area = CodeColumn(rows.areas->size());
  const std::string occupation_field = !options.group_field.empty() ? options.group_field : "pekerjaan";
  old_side.occupation_slot = CodeSlot(old_rules, occupation_field);
  new_side.occupation_slot = CodeSlot(new_rules, occupation_field);
  rows.occupations =
      std::make_unique<CodeDictionary>(old_rules, old_side.occupation_slot, new_rules, new_side.occupation_slot);
  rows.occupation = CodeColumn(rows.occupations->size());
  for (const RuleSet* rules : {&new_rules, &old_rules}) {
    for (const FieldInfo& field : rules->fields()) {
      if (field.type != Type::kBool ||
          std::find(rows.group_fields.begin(), rows.group_fields.end(), field.name) != rows.group_fields.end()) {
        continue;
      }
      rows.group_fields.push_back(field.name);
      rows.group_labels.push_back(field.description.empty() ? field.name : field.description);
    }
  }
  rows.group_present.assign(rows.group_fields.size(), 0);
  rows.group_bytes = (rows.group_fields.size() + 7) / 8;
  for (Side* side : {&old_side, &new_side}) {
    DescribeSide(side);
    for (const std::string& field : rows.group_fields) {
      const int slot = side->rules.FieldSlot(field);
      side->group_slots.push_back(slot >= 0 && side->rules.fields()[slot].type == Type::kBool ? slot : -1);
    }
    side->area_quota.assign(rows.areas->size(), 0);
    if (options.changes != nullptr) {
      absl::StatusOr<std::unique_ptr<RowSpill>> spill = RowSpill::Create();
      if (!spill.ok()) return spill.status();
      side->spill = *std::move(spill);
    }
  }

  if (absl::Status done = RunPass(old_side, list_path, options.old_list, options.old_areas, options, rows, &effect.warnings);
      !done.ok()) {
    return done;
  }
  if (absl::Status done = RunPass(new_side, list_path, options.new_list, options.new_areas, options, rows, &effect.warnings);
      !done.ok()) {
    return done;
  }

  // Join and count.
  effect.rows = rows.changes.size();
  std::vector<BreakdownItem> area_items(rows.areas->size() + 1);
  std::vector<BreakdownItem> occupation_items(rows.occupations->size() + 1);
  std::vector<GroupEffect> groups(rows.group_fields.size());
  for (size_t i = 0; i < rows.changes.size(); ++i) {
    const RowChange& row = rows.changes[i];
    const CoverChange change = ChangeOf(row);
    ++effect.transitions[static_cast<size_t>(row.old_outcome.status)][static_cast<size_t>(row.new_outcome.status)];
    effect.gained += change == CoverChange::kGained ? 1 : 0;
    effect.lost += change == CoverChange::kLost ? 1 : 0;
    effect.stayed_covered += change == CoverChange::kStayedCovered ? 1 : 0;
    effect.stayed_uncovered += change == CoverChange::kStayedUncovered ? 1 : 0;
    const bool old_covered = IsCovered(row.old_outcome.status);
    const bool new_covered = IsCovered(row.new_outcome.status);
    const int64_t old_cost = old_side.CostOf(rows, i);
    const int64_t new_cost = new_side.CostOf(rows, i);
    old_side.summary.cost += old_cost;
    new_side.summary.cost += new_cost;
    Count(ItemOf(area_items, *rows.areas, rows.area.Get(i), "(tanpa wilayah)"), change, old_covered, new_covered,
          old_cost, new_cost);
    Count(ItemOf(occupation_items, *rows.occupations, rows.occupation.Get(i), "(tidak diisi)"), change, old_covered,
          new_covered, old_cost, new_cost);
    for (size_t g = 0; g < groups.size(); ++g) {
      if (!rows.Flag(i, g)) continue;
      GroupEffect& group = groups[g];
      ++group.rows;
      group.old_covered += old_covered ? 1 : 0;
      group.new_covered += new_covered ? 1 : 0;
      group.gained += change == CoverChange::kGained ? 1 : 0;
      group.lost += change == CoverChange::kLost ? 1 : 0;
    }
  }
  for (Side* side : {&old_side, &new_side}) {
    SideSummary& s = side->summary;
    for (int status = 0; status < kCoverStatuses; ++status) {
      int64_t count = 0;
      for (int other = 0; other < kCoverStatuses; ++other) {
        count += side->is_new ? effect.transitions[static_cast<size_t>(other)][static_cast<size_t>(status)]
                              : effect.transitions[static_cast<size_t>(status)][static_cast<size_t>(other)];
      }
      switch (static_cast<CoverStatus>(status)) {
        case CoverStatus::kSelected:
          s.selected = count;
          break;
        case CoverStatus::kWaitlisted:
          s.waitlisted = count;
          break;
        case CoverStatus::kEligible:
          s.eligible = count;
          break;
        case CoverStatus::kIneligible:
          s.ineligible = count;
          break;
        case CoverStatus::kInvalid:
          s.invalid = count;
          break;
      }
    }
    s.covered = s.has_quota ? s.selected : s.eligible;
    if (s.has_quota) s.eligible = s.selected + s.waitlisted;
  }
  effect.old_side = old_side.summary;
  effect.new_side = new_side.summary;
  for (size_t g = 0; g < groups.size(); ++g) {
    if (!rows.group_present[g]) continue;
    groups[g].field = rows.group_fields[g];
    groups[g].label = rows.group_labels[g];
    effect.groups.push_back(std::move(groups[g]));
  }
  if (old_side.area_slot >= 0 || new_side.area_slot >= 0) {
    Breakdown areas{area_field, {}};
    for (size_t a = 0; a < area_items.size(); ++a) {
      BreakdownItem& item = area_items[a];
      const bool real = a < rows.areas->size();
      if (real && old_side.apportions) item.old_quota = old_side.area_quota[a];
      if (real && new_side.apportions) item.new_quota = new_side.area_quota[a];
      const bool seats = item.old_quota.value_or(0) > 0 || item.new_quota.value_or(0) > 0;
      if (!seats && item.old_covered == 0 && item.new_covered == 0) continue;
      if (real) ItemOf(area_items, *rows.areas, static_cast<int32_t>(a), "");
      areas.items.push_back(std::move(item));
    }
    effect.areas = std::move(areas);
  }
  if (old_side.occupation_slot >= 0 || new_side.occupation_slot >= 0) {
    Breakdown occupations{occupation_field, {}};
    for (BreakdownItem& item : occupation_items) {
      if (item.old_covered > 0 || item.new_covered > 0) occupations.items.push_back(std::move(item));
    }
    effect.occupations = std::move(occupations);
  }
  if (options.changes != nullptr) {
    internal::ChangeListSides sides{&old_rules, &new_rules, old_side.spill.get(), new_side.spill.get()};
    if (absl::Status written = internal::WriteChangeList(sides, rows.changes, rows.area, *rows.areas, options.changes);
        !written.ok()) {
      return written;
    }
  }
  effect.row_changes = std::move(rows.changes);
  return effect;
}

}  // namespace aturan
