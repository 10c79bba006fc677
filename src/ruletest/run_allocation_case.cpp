#include "ruletest/run_allocation_case.hpp"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aturan/allocation.hpp"
#include "aturan/batch.hpp"
#include "aturan/list_reader.hpp"
#include "base/strings.hpp"

namespace aturan::ruletest {
namespace {

// The allocated list: the allocation and each row's key (NIK) as read.
struct AllocatedList {
  Allocation allocation;
  std::vector<std::string> keys;
};

absl::StatusOr<AllocatedList> AllocateList(const RuleSet& rules, const AllocationCase& c) {
  std::optional<AreaTable> areas;
  if (!c.areas_path.empty()) {
    for (const PoolInfo& pool : rules.quota().pools) {
      if (pool.basis == AreaBasis::kNone) continue;
      absl::StatusOr<AreaTable> table = ReadAreaTable(rules, pool.area_slot, c.areas_path);
      if (!table.ok()) return table.status();
      areas = *std::move(table);
      break;
    }
  }
  absl::StatusOr<std::unique_ptr<ListReader>> reader =
      c.list_path.empty() ? ListReader::FromString(rules, c.inline_csv) : ListReader::Open(rules, c.list_path);
  if (!reader.ok()) return reader.status();
  int key_slot = -1;
  for (size_t slot = 0; slot < rules.fields().size(); ++slot) {
    if (rules.fields()[slot].key) key_slot = static_cast<int>(slot);
  }
  AllocatedList out;
  Allocator allocator(rules, areas ? &*areas : nullptr);
  CandidateTable table(rules);
  std::vector<Decision> decisions;
  while ((*reader)->Next(&table)) {
    decisions.resize(table.size());
    EvaluateTable(table, decisions, 1);
    allocator.Add(table, decisions);
    for (size_t row = 0; row < table.size(); ++row) {
      const Value key = key_slot >= 0 ? table.Get(row, key_slot) : Value();
      out.keys.emplace_back(key.missing() || key.type() != Type::kString ? std::string_view()
                                                                          : key.as_string());
    }
  }
  if (!(*reader)->status().ok()) return (*reader)->status();
  absl::StatusOr<Allocation> allocation = allocator.Finish();
  if (!allocation.ok()) return allocation.status();
  out.allocation = *std::move(allocation);
  return out;
}

int64_t Waitlisted(const Allocation& allocation, int pool, std::optional<int32_t> area) {
  int64_t count = 0;
  for (const RowAllocation& row : allocation.rows) {
    count += row.status == AllocationStatus::kWaitlisted && row.pool == pool && (!area || row.area == *area);
  }
  return count;
}

int64_t TotalNumber(const Allocation& a, std::string_view key) {
  if (key == "selected") return a.selected;
  if (key == "waitlisted") return a.waitlisted;
  if (key == "ineligible") return a.ineligible;
  if (key == "invalid") return a.invalid;
  return a.total_cost;  // "cost"
}

int64_t PoolNumber(const Allocation& a, int pool, std::string_view key) {
  const PoolOutcome& p = a.pools[pool];
  if (key == "capacity") return p.capacity;
  if (key == "candidates") return p.candidates;
  if (key == "selected") return p.selected;
  if (key == "reserved_selected") return p.reserved_selected;
  if (key == "unused") return p.unused;
  if (key == "waitlisted") return Waitlisted(a, pool, std::nullopt);
  return p.cost;  // "cost"
}

int64_t AreaNumber(const Allocation& a, int pool, int32_t area, std::string_view key) {
  if (key == "waitlisted") return Waitlisted(a, pool, area);
  AreaOutcome none;
  const AreaOutcome* o = &none;
  for (const AreaOutcome& candidate : a.pools[pool].areas) {
    if (candidate.area == area) o = &candidate;
  }
  if (key == "basis") return o->basis;
  if (key == "quota") return o->quota;
  if (key == "eligible") return o->eligible;
  if (key == "selected") return o->selected;
  if (key == "redistributed_in") return o->redistributed_in;
  if (key == "unused") return o->unused;
  return o->cost;  // "cost"
}

void CompareNumbers(std::string_view prefix, const std::vector<ExpectedNumber>& expected,
                    const auto& actual, std::vector<std::string>* mismatches) {
  for (const ExpectedNumber& number : expected) {
    const int64_t got = actual(number.key);
    if (got != number.value) {
      mismatches->push_back(StrCat(prefix, number.key, ": diharapkan ", number.value, ", didapat ", got));
    }
  }
}

std::string PoolName(const RuleSet& rules, int pool) {
  return pool < 0 ? "(tidak ada)" : rules.quota().pools[pool].id;
}

std::string AreaName(const RuleSet& rules, int pool, int32_t area) {
  if (area < 0 || pool < 0) return "(tidak ada)";
  const int slot = rules.quota().pools[pool].area_slot;
  const std::string_view name = rules.CodeName(slot, area);
  return name.empty() ? std::string(rules.CodeText(slot, area)) : StrCat(rules.CodeText(slot, area), " (", name, ")");
}

// Compares one person's row; true when every expectation held.
bool ComparePerson(const RuleSet& rules, const PersonExpectation& person, const RowAllocation& row,
                   std::vector<std::string>* mismatches) {
  const std::string who = StrCat("orang ", person.nik, ": ");
  const size_t before = mismatches->size();
  if (person.status && *person.status != row.status) {
    mismatches->push_back(StrCat(who, "status diharapkan ", AllocationStatusName(*person.status), ", didapat ",
                                 AllocationStatusName(row.status)));
  }
  if (person.pool && *person.pool != row.pool) {
    mismatches->push_back(StrCat(who, "pool diharapkan ", PoolName(rules, *person.pool), ", didapat ",
                                 PoolName(rules, row.pool)));
  }
  if (person.area && *person.area != row.area) {
    const int pool = person.pool.value_or(row.pool);
    mismatches->push_back(StrCat(who, "area diharapkan ", person.area_written, ", didapat ",
                                 AreaName(rules, pool, row.area)));
  }
  if (person.rank && *person.rank != row.rank) {
    mismatches->push_back(StrCat(who, "rank diharapkan ", *person.rank, ", didapat ", row.rank));
  }
  return mismatches->size() == before;
}

}  // namespace

CaseResult RunAllocationCase(const RuleSet& rules, const AllocationCase& c) {
  CaseResult result;
  result.name = c.name;
  result.at = c.at;
  const absl::StatusOr<AllocatedList> list = AllocateList(rules, c);
  if (!list.ok()) {
    result.outcome = CaseOutcome::kError;
    result.mismatches.push_back(std::string(list.status().message()));
    return result;
  }
  const Allocation& allocation = list->allocation;
  const AllocationExpectation& expect = c.expect;
  CompareNumbers("", expect.totals, [&](std::string_view key) { return TotalNumber(allocation, key); },
                 &result.mismatches);
  for (const PoolExpectation& pool : expect.pools) {
    CompareNumbers(StrCat("pools.", pool.id, "."), pool.numbers,
                   [&](std::string_view key) { return PoolNumber(allocation, pool.pool, key); },
                   &result.mismatches);
    for (const AreaExpectation& area : pool.areas) {
      CompareNumbers(StrCat("pools.", pool.id, ".areas.", area.written, "."), area.numbers,
                     [&](std::string_view key) { return AreaNumber(allocation, pool.pool, area.area, key); },
                     &result.mismatches);
    }
  }
  for (const PersonExpectation& person : expect.people) {
    size_t row = 0;
    while (row < list->keys.size() && list->keys[row] != person.nik) ++row;
    if (row == list->keys.size()) {
      result.mismatches.push_back(StrCat("orang ", person.nik, ": NIK ini tidak ada di daftar"));
      continue;
    }
    if (!ComparePerson(rules, person, allocation.rows[row], &result.mismatches)) {
      StrAppend(&result.details, "Baris ", row + 1, " (", person.nik, "): ",
                ExplainAllocation(rules, allocation, row), "\n");
    }
  }
  if (!result.mismatches.empty()) result.outcome = CaseOutcome::kFailed;
  return result;
}

}  // namespace aturan::ruletest
