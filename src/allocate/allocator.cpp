// The Allocator: rows taken chunk by chunk, then the quota's pools filled in order.

#include <algorithm>
#include <bit>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "allocate/apportion.hpp"
#include "allocate/pool_filler.hpp"
#include "allocate/priority_keys.hpp"
#include "aturan/allocation.hpp"
#include "base/strings.hpp"

namespace aturan {

namespace {

// A pool's seats per area index and what they were computed from. Areas are the codes of
// the pool's area field, 0..codes-1, then one index for candidates without an area; a pool
// without apportionment has one area (index 0).
struct PoolAreas {
  std::vector<int64_t> basis;   // per area, -1 when no number was given
  std::vector<int64_t> quotas;  // per area index (the last, "no area", is 0)
  int64_t capacity = 0;
};

int64_t SaturatingMul(int64_t a, int64_t b) {
  if (a != 0 && b > INT64_MAX / a) return INT64_MAX;
  return a * b;
}

int64_t SaturatingAdd(int64_t a, int64_t b) { return b > INT64_MAX - a ? INT64_MAX : a + b; }

}  // namespace

const char* AllocationStatusName(AllocationStatus status) {
  switch (status) {
    case AllocationStatus::kSelected:
      return "selected";
    case AllocationStatus::kWaitlisted:
      return "waitlisted";
    case AllocationStatus::kIneligible:
      return "ineligible";
    case AllocationStatus::kInvalid:
      return "invalid";
  }
  return "invalid";
}

// One chunk's rows, as Allocator::State keeps them for the whole list; candidates (eligible
// rows) are numbered from 0 within the chunk and their keys name rows of the chunk.
struct Allocator::Chunk::Rows {
  explicit Rows(const RuleSet& rules);
  std::vector<RowAllocation> rows;
  internal::PriorityKeys keys;
  std::vector<uint32_t> pool_bits;
  std::vector<uint32_t> reserved_bits;
  std::vector<int32_t> candidate_areas;
  std::vector<std::vector<int64_t>> dtks_counts;  // in State::dtks_counts order
  std::vector<int32_t> candidate_groups;
  std::vector<int64_t> candidate_premiums;
};

struct Allocator::State {
  State(RuleSet r, const AreaTable* table, int group) : rules(std::move(r)), quota(rules.quota()), keys(rules) {
    if (group >= 0 && static_cast<size_t>(group) < rules.fields().size() &&
        rules.fields()[group].type == Type::kCode) {
      group_slot = group;
    }
    if (table != nullptr) areas = *table;
    for (const PoolInfo& pool : quota.pools) {
      if (pool.basis == AreaBasis::kNone) continue;
      if (std::find(area_slots.begin(), area_slots.end(), pool.area_slot) == area_slots.end()) {
        area_slots.push_back(pool.area_slot);
      }
      if (pool.basis == AreaBasis::kDtks && pool.dtks_slot >= 0) {
        const std::pair<int, int> counted{pool.area_slot, pool.dtks_slot};
        if (!dtks_counts.contains(counted)) {
          dtks_counts[counted].assign(static_cast<size_t>(rules.CodeCount(pool.area_slot)), 0);
        }
      }
    }
    for (const PoolInfo& pool : quota.pools) {
      for (int c : pool.premiums) per_person_premiums |= !rules.premiums()[c].per_person.empty();
    }
  }

  // Candidate c's monthly premium in pool p.
  int64_t PremiumOf(uint32_t c, size_t p) const {
    return per_person_premiums ? candidate_premiums[c * quota.pools.size() + p] : quota.pools[p].monthly_premium;
  }

  // Index into Allocation::groups of group code `code` (-1: the last, for no code).
  size_t GroupIndex(int32_t code) const {
    return code < 0 ? static_cast<size_t>(rules.CodeCount(group_slot)) : static_cast<size_t>(code);
  }

  // Position of `slot` in area_slots.
  size_t AreaSlotIndex(int slot) const {
    return static_cast<size_t>(std::find(area_slots.begin(), area_slots.end(), slot) - area_slots.begin());
  }

  void Reserve(size_t expected_rows);
  Chunk::Rows Extract(const CandidateTable& table, std::span<const Decision> decisions) const;
  void Add(const Chunk::Rows& chunk);
  absl::StatusOr<Allocation> Finish();
  absl::StatusOr<PoolAreas> AreasOf(const PoolInfo& pool, int64_t capacity_limit,
                                    std::span<const uint32_t> members, std::vector<std::string>* warnings);
  absl::StatusOr<std::vector<int64_t>> BasisNumbers(const PoolInfo& pool);

  RuleSet rules;
  const QuotaInfo& quota;
  std::optional<AreaTable> areas;
  std::map<std::string, AreaTable> area_files;  // areas_file tables read so far, by path
  LargeVector<RowAllocation> rows;
  internal::PriorityKeys keys;
  LargeVector<uint32_t> pool_bits;      // per candidate
  LargeVector<uint32_t> reserved_bits;  // per candidate
  std::vector<int> area_slots;          // the distinct area fields of the pools
  LargeVector<int32_t> candidate_areas;  // per candidate × area_slots: code id or -1
  // (area field, dtks field) -> eligible candidates per area code with the dtks field true
  std::map<std::pair<int, int>, std::vector<int64_t>> dtks_counts;
  int group_slot = -1;
  LargeVector<int32_t> candidate_groups;  // per candidate: group code or -1
  // When a pool pays a premium that depends on the candidate: per candidate × pool, the
  // candidate's monthly premium in that pool.
  bool per_person_premiums = false;
  LargeVector<int64_t> candidate_premiums;
};

Allocator::Chunk::Rows::Rows(const RuleSet& rules) : keys(rules) {}

void Allocator::State::Reserve(size_t expected_rows) {
  // Every row may be a candidate. The per-candidate arrays are reserved for that many, not
  // grown as candidates come: their storage is mapped (LargeAllocator), so what is never
  // filled costs address space only, while growing would copy every array and touch fresh
  // memory for each copy (on a list of millions, the largest part of what Add costs).
  rows.reserve(expected_rows);
  keys.Reserve(expected_rows);
  pool_bits.reserve(expected_rows);
  reserved_bits.reserve(expected_rows);
  candidate_areas.reserve(expected_rows * area_slots.size());
  if (group_slot >= 0) candidate_groups.reserve(expected_rows);
  if (per_person_premiums) candidate_premiums.reserve(expected_rows * quota.pools.size());
}

Allocator::Chunk::Rows Allocator::State::Extract(const CandidateTable& table,
                                                 std::span<const Decision> decisions) const {
  Chunk::Rows out(rules);
  out.rows.resize(table.size());
  for (const auto& [fields, counts] : dtks_counts) out.dtks_counts.emplace_back(counts.size(), 0);
  // Candidates' values are read a block of rows at a time (CandidateTable::GetRows).
  const size_t fields = rules.fields().size();
  const size_t block_rows = table.rows_per_block();
  std::vector<Value> block(block_rows * fields);
  size_t block_begin = 0;
  size_t block_end = 0;
  for (size_t r = 0; r < table.size(); ++r) {
    const Decision& decision = decisions[r];
    RowAllocation& row = out.rows[r];
    const bool invalid = table.invalid(r) || decision.status == Status::kInvalid;
    if (invalid) {
      row.status = AllocationStatus::kInvalid;
      continue;
    }
    row.score = decision.score;
    if (decision.status == Status::kIneligible) {
      row.status = AllocationStatus::kIneligible;
      continue;
    }
    row.status = AllocationStatus::kWaitlisted;  // until a seat is found
    if (r >= block_end) {
      block_begin = r;
      block_end = std::min(table.size(), r + block_rows);
      table.GetRows(block_begin, block_end - block_begin, block);
    }
    const std::span<const Value> record = std::span<const Value>(block).subspan((r - block_begin) * fields, fields);
    uint32_t pools = 0;
    uint32_t reserved = 0;
    rules.QuotaGroups(record, &pools, &reserved);
    out.keys.Add(decision, record, r);
    out.pool_bits.push_back(pools);
    out.reserved_bits.push_back(reserved);
    for (int slot : area_slots) {
      const Value area = record[slot];
      out.candidate_areas.push_back(area.missing() ? -1 : area.as_code());
    }
    size_t d = 0;
    for (const auto& [fields, counts] : dtks_counts) {
      const Value area = record[fields.first];
      const Value registered = record[fields.second];
      if (!area.missing() && !registered.missing() && registered.as_bool()) ++out.dtks_counts[d][area.as_code()];
      ++d;
    }
    if (group_slot >= 0) {
      const Value group = record[group_slot];
      out.candidate_groups.push_back(group.missing() ? -1 : group.as_code());
    }
    if (per_person_premiums) {
      for (const PoolInfo& pool : quota.pools) out.candidate_premiums.push_back(rules.MonthlyPremium(record, pool.premiums));
    }
  }
  return out;
}

void Allocator::State::Add(const Chunk::Rows& chunk) {
  const auto append = [](auto& to, const auto& from) { to.insert(to.end(), from.begin(), from.end()); };
  keys.Append(chunk.keys, rows.size());
  append(rows, chunk.rows);
  append(pool_bits, chunk.pool_bits);
  append(reserved_bits, chunk.reserved_bits);
  append(candidate_areas, chunk.candidate_areas);
  append(candidate_groups, chunk.candidate_groups);
  append(candidate_premiums, chunk.candidate_premiums);
  size_t d = 0;
  for (auto& [fields, counts] : dtks_counts) {
    for (size_t a = 0; a < counts.size(); ++a) counts[a] += chunk.dtks_counts[d][a];
    ++d;
  }
}

absl::StatusOr<std::vector<int64_t>> Allocator::State::BasisNumbers(const PoolInfo& pool) {
  const auto from_table = [&](const AreaTable& table) -> const std::vector<int64_t>* {
    if (table.area_slot != pool.area_slot) return nullptr;
    const std::vector<int64_t>& numbers = table.NumbersFor(pool.basis);
    return numbers.empty() ? nullptr : &numbers;
  };
  if (areas) {
    if (const std::vector<int64_t>* numbers = from_table(*areas)) return *numbers;
  }
  if (!pool.area_numbers.empty()) return pool.area_numbers;
  if (!pool.areas_file.empty()) {
    auto it = area_files.find(pool.areas_file);
    if (it == area_files.end()) {
      absl::StatusOr<AreaTable> table = ReadAreaTable(rules, pool.area_slot, pool.areas_file);
      if (!table.ok()) return table.status();
      it = area_files.emplace(pool.areas_file, *std::move(table)).first;
    }
    if (const std::vector<int64_t>* numbers = from_table(it->second)) return *numbers;
    return absl::InvalidArgumentError(StrCat("pool '", pool.id, "': ", pool.areas_file, " has no ",
                                             AreaBasisName(pool.basis), " column"));
  }
  if (pool.basis == AreaBasis::kDtks && pool.dtks_slot >= 0) {
    return dtks_counts.at({pool.area_slot, pool.dtks_slot});
  }
  return absl::InvalidArgumentError(
      StrCat("pool '", pool.id, "': no ", AreaBasisName(pool.basis),
             " numbers per area; give 'areas:' or 'areas_file:' in the rule file, or an area table with --areas"));
}

absl::StatusOr<PoolAreas> Allocator::State::AreasOf(const PoolInfo& pool, int64_t capacity_limit,
                                                     std::span<const uint32_t> members,
                                                     std::vector<std::string>* warnings) {
  PoolAreas out;
  if (pool.basis == AreaBasis::kNone) {
    out.capacity = std::min(pool.capacity, capacity_limit);
    out.basis = {-1};
    out.quotas = {out.capacity, 0};
    return out;
  }
  absl::StatusOr<std::vector<int64_t>> numbers = BasisNumbers(pool);
  if (!numbers.ok()) return numbers.status();
  out.basis = *std::move(numbers);
  const size_t codes = out.basis.size();
  // Areas the pool's candidates live in that have no number get no seats of their own.
  std::vector<int64_t> members_per_area(codes, 0);
  const size_t k = AreaSlotIndex(pool.area_slot);
  for (uint32_t c : members) {
    const int32_t area = candidate_areas[c * area_slots.size() + k];
    if (area >= 0) ++members_per_area[area];
  }
  for (size_t a = 0; a < codes; ++a) {
    if (out.basis[a] < 0 && members_per_area[a] > 0) {
      const auto code = static_cast<int32_t>(a);
      warnings->push_back(StrCat("pool '", pool.id, "': area ", rules.CodeText(pool.area_slot, code),
                                 " (", rules.CodeName(pool.area_slot, code), ") has ", members_per_area[a],
                                 " candidates but no ", AreaBasisName(pool.basis),
                                 " number; it gets no seats of its own"));
    }
  }
  std::vector<int64_t> weights(codes);
  int64_t sum = 0;
  for (size_t a = 0; a < codes; ++a) {
    weights[a] = std::max<int64_t>(0, out.basis[a]);
    sum = weights[a] > INT64_MAX - sum ? INT64_MAX : sum + weights[a];
  }
  const int64_t capacity = pool.basis == AreaBasis::kFixed ? sum : pool.capacity;
  out.capacity = std::min(capacity, capacity_limit);
  if (pool.basis == AreaBasis::kFixed && out.capacity == sum) {
    out.quotas = weights;
  } else {
    if (sum == 0 && out.capacity > 0) {
      return absl::InvalidArgumentError(StrCat("pool '", pool.id, "': every area has ",
                                               AreaBasisName(pool.basis), " 0, so ", out.capacity,
                                               " seats cannot be shared"));
    }
    absl::StatusOr<std::vector<int64_t>> quotas = internal::Apportion(out.capacity, weights, pool.method);
    if (!quotas.ok()) return quotas.status();
    out.quotas = *std::move(quotas);
  }
  out.quotas.push_back(0);  // candidates without an area
  return out;
}

absl::StatusOr<Allocation> Allocator::State::Finish() {
  if (!quota.present()) {
    return absl::FailedPreconditionError(StrCat(
        "rule file '", rules.regulation_id(), "' has no quota section: every eligible candidate is covered"));
  }
  Allocation result;
  if (group_slot >= 0) {
    result.groups.resize(static_cast<size_t>(rules.CodeCount(group_slot)) + 1);
    for (int32_t group : candidate_groups) ++result.groups[GroupIndex(group)].eligible;
  }
  const LargeVector<uint32_t> order =
      keys.Order(static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
  LargeVector<uint8_t> taken(keys.size(), 0);
  int64_t total_left = quota.total_capacity >= 0 ? quota.total_capacity : INT64_MAX;

  for (size_t p = 0; p < quota.pools.size(); ++p) {
    const PoolInfo& pool = quota.pools[p];
    LargeVector<uint32_t> members;  // candidates in priority order
    for (uint32_t c : order) {
      if (!taken[c] && (pool_bits[c] >> p & 1u) != 0) members.push_back(c);
    }
    absl::StatusOr<PoolAreas> areas_or = AreasOf(pool, total_left, members, &result.warnings);
    if (!areas_or.ok()) return areas_or.status();
    const PoolAreas& pool_areas = *areas_or;
    const size_t no_area = pool_areas.quotas.size() - 1;
    const size_t k = AreaSlotIndex(pool.area_slot);
    LargeVector<internal::PoolCandidate> candidates(members.size());
    for (size_t i = 0; i < members.size(); ++i) {
      const uint32_t c = members[i];
      int32_t area = 0;
      if (pool.basis != AreaBasis::kNone) {
        area = candidate_areas[c * area_slots.size() + k];
        if (area < 0) area = static_cast<int32_t>(no_area);
      }
      candidates[i] = {area, reserved_bits[c]};
    }
    const internal::PoolFill fill = internal::FillPool(candidates, pool_areas.quotas, pool.reserved, pool.unfilled);

    PoolOutcome outcome;
    outcome.capacity = pool_areas.capacity;
    outcome.candidates = static_cast<int64_t>(members.size());
    std::vector<int64_t> eligible(pool_areas.quotas.size(), 0);
    std::vector<int64_t> area_cost(pool_areas.quotas.size(), 0);
    for (const internal::PoolCandidate& c : candidates) ++eligible[c.area];
    for (size_t i = 0; i < members.size(); ++i) {
      if (fill.seats[i] == internal::PoolFill::kNone) continue;
      const uint32_t c = members[i];
      taken[c] = 1;
      RowAllocation& row = rows[keys.row(c)];
      row.status = AllocationStatus::kSelected;
      row.pool = static_cast<int8_t>(p);
      row.redistributed = fill.seats[i] == internal::PoolFill::kRedistributed;
      row.area = pool.basis == AreaBasis::kNone || candidates[i].area == static_cast<int32_t>(no_area)
                     ? -1
                     : candidates[i].area;
      ++outcome.selected;
      if (fill.seats[i] == internal::PoolFill::kReserved) ++outcome.reserved_selected;
      const int64_t premium = PremiumOf(c, p);
      row.monthly_premium = static_cast<uint32_t>(std::clamp<int64_t>(premium, 0, UINT32_MAX));
      const int64_t cost = SaturatingMul(premium, pool.months);
      outcome.cost = SaturatingAdd(outcome.cost, cost);
      area_cost[candidates[i].area] = SaturatingAdd(area_cost[candidates[i].area], cost);
      if (group_slot >= 0) {
        GroupOutcome& group = result.groups[GroupIndex(candidate_groups[c])];
        ++group.selected;
        group.cost = SaturatingAdd(group.cost, cost);
      }
    }
    for (size_t a = 0; a < pool_areas.quotas.size(); ++a) {
      // Without apportionment the region is one area; with it, areas with neither seats nor
      // candidates are left out.
      if (pool.basis == AreaBasis::kNone ? a != 0 : pool_areas.quotas[a] == 0 && eligible[a] == 0) continue;
      AreaOutcome area;
      const bool real_area = pool.basis != AreaBasis::kNone && a != no_area;
      area.area = real_area ? static_cast<int32_t>(a) : -1;
      area.basis = real_area ? std::max<int64_t>(0, pool_areas.basis[a]) : 0;
      area.quota = pool_areas.quotas[a];
      area.eligible = eligible[a];
      area.selected = fill.selected[a];
      area.redistributed_in = fill.redistributed_in[a];
      area.unused = fill.unused[a];
      area.cost = area_cost[a];
      area.last_selected =
          fill.last_selected[a] < 0 ? -1 : static_cast<int64_t>(keys.row(members[fill.last_selected[a]]));
      outcome.areas.push_back(area);
    }
    outcome.unused = fill.left_empty;
    result.total_cost = SaturatingAdd(result.total_cost, outcome.cost);
    if (total_left != INT64_MAX) total_left -= outcome.selected;
    result.pools.push_back(std::move(outcome));
  }

  // Everyone eligible without a seat waits in the line of the first pool that takes them,
  // in its area; those no pool takes are not covered.
  std::vector<std::vector<uint32_t>> line_length(quota.pools.size());
  for (size_t p = 0; p < quota.pools.size(); ++p) {
    const PoolInfo& pool = quota.pools[p];
    line_length[p].assign(pool.basis == AreaBasis::kNone ? 1 : static_cast<size_t>(rules.CodeCount(pool.area_slot)) + 1, 0);
  }
  for (uint32_t c : order) {
    if (taken[c]) continue;
    RowAllocation& row = rows[keys.row(c)];
    if (pool_bits[c] == 0) {
      row.status = AllocationStatus::kIneligible;
      row.no_pool = true;
      continue;
    }
    const int p = std::countr_zero(pool_bits[c]);
    const PoolInfo& pool = quota.pools[p];
    size_t line = 0;
    if (pool.basis != AreaBasis::kNone) {
      row.area = candidate_areas[c * area_slots.size() + AreaSlotIndex(pool.area_slot)];
      line = row.area < 0 ? line_length[p].size() - 1 : static_cast<size_t>(row.area);
    }
    row.pool = static_cast<int8_t>(p);
    row.rank = ++line_length[p][line];
  }
  for (const RowAllocation& row : rows) {
    switch (row.status) {
      case AllocationStatus::kSelected:
        ++result.selected;
        break;
      case AllocationStatus::kWaitlisted:
        ++result.waitlisted;
        break;
      case AllocationStatus::kIneligible:
        ++result.ineligible;
        break;
      case AllocationStatus::kInvalid:
        ++result.invalid;
        break;
    }
  }
  result.rows = std::move(rows);
  return result;
}

Allocator::Allocator(RuleSet rules, const AreaTable* areas, int group_slot)
    : state_(std::make_unique<State>(std::move(rules), areas, group_slot)) {}
Allocator::~Allocator() = default;
Allocator::Allocator(Allocator&&) noexcept = default;
Allocator& Allocator::operator=(Allocator&&) noexcept = default;

Allocator::Chunk::Chunk() = default;
Allocator::Chunk::~Chunk() = default;
Allocator::Chunk::Chunk(Chunk&&) noexcept = default;
Allocator::Chunk& Allocator::Chunk::operator=(Chunk&&) noexcept = default;

void Allocator::Add(const CandidateTable& table, std::span<const Decision> decisions) {
  state_->Add(state_->Extract(table, decisions));
}

void Allocator::Reserve(size_t rows) { state_->Reserve(rows); }

Allocator::Chunk Allocator::Extract(const CandidateTable& table, std::span<const Decision> decisions) const {
  Chunk chunk;
  chunk.rows_ = std::make_unique<Chunk::Rows>(state_->Extract(table, decisions));
  return chunk;
}

void Allocator::Add(Chunk chunk) {
  if (chunk.rows_ != nullptr) state_->Add(*chunk.rows_);
}

absl::StatusOr<Allocation> Allocator::Finish() { return state_->Finish(); }

absl::StatusOr<Allocation> Allocate(const CandidateTable& table, std::span<const Decision> decisions,
                                    const AreaTable* areas) {
  Allocator allocator(table.rules(), areas);
  allocator.Add(table, decisions);
  return allocator.Finish();
}

}  // namespace aturan
