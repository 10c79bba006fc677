// aturan/allocation.hpp — who gets the paid seats: the rule file's quota applied to a
// decided candidate list. Every row ends selected (with pool and area), waitlisted (with
// its place in line), ineligible or invalid; costs and per-area, per-pool counts come with it.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "aturan/candidate_table.hpp"
#include "aturan/decision.hpp"
#include "aturan/large_allocator.hpp"
#include "aturan/quota.hpp"
#include "aturan/rule_set.hpp"

namespace aturan {

// Where a row ends up.
enum class AllocationStatus : uint8_t {
  kSelected,    // given a seat in a pool (and area)
  kWaitlisted,  // eligible, but the seats ran out: next in line by rank
  kIneligible,  // fails an eligibility rule, or no pool takes them
  kInvalid,     // the row's data is unusable (reading or the schema said so)
};

// "selected", "waitlisted", "ineligible", "invalid".
const char* AllocationStatusName(AllocationStatus status);

// Basis numbers per area (population, DTKS count or seats), from an area table; they
// override the rule file's numbers for the pools whose basis they match.
struct AreaTable {
  int area_slot = -1;  // the code field whose codes the areas are
  // Per code id of the area field (RuleSet::CodeCount of it), -1 where the table has none.
  std::vector<int64_t> population;
  std::vector<int64_t> dtks;
  std::vector<int64_t> seats;
  std::string source;  // where it came from, for messages

  // The numbers for `basis` (population, dtks or seats); empty when the table has no such column.
  const std::vector<int64_t>& NumbersFor(AreaBasis basis) const {
    return basis == AreaBasis::kPopulation ? population : basis == AreaBasis::kDtks ? dtks : seats;
  }
};

// Reads an area table: CSV with a header, the first column an area (code, alias or name of
// `area_slot`'s list), and columns named population/penduduk/jumlah_penduduk, dtks/jumlah_dtks,
// and seats/kuota (any of them). Errors name the line and column.
absl::StatusOr<AreaTable> ReadAreaTable(const RuleSet& rules, int area_slot, const std::string& path);

// One row's allocation.
struct RowAllocation {
  AllocationStatus status = AllocationStatus::kInvalid;
  int8_t pool = -1;      // selected: its pool; waitlisted: the first pool whose filter it meets
  bool redistributed = false;  // selected with a seat its own area could not fill
  bool no_pool = false;  // ineligible only because no pool's filter takes them
  int32_t area = -1;     // code id of the pool's area field, or -1 (no areas, or invalid)
  uint32_t rank = 0;     // waitlisted: 1 = next in line in its pool and area; else 0
  // Selected: the monthly premium its pool pays for it (its cost is this × the pool's
  // months), saturated at UINT32_MAX; else 0.
  uint32_t monthly_premium = 0;
  double score = 0;      // priority score (0 for invalid rows)
};
static_assert(sizeof(RowAllocation) == 24, "an allocation keeps 24 bytes per row");

// Counts for one area of one pool.
struct AreaOutcome {
  int32_t area = -1;         // code id
  int64_t basis = 0;         // the number its quota was computed from
  int64_t quota = 0;         // seats apportioned to it
  int64_t eligible = 0;      // candidates of the pool living there (after earlier pools)
  int64_t selected = 0;      // selected there, redistributed seats included
  int64_t redistributed_in = 0;  // of those, seats given from other areas' leftovers
  int64_t unused = 0;        // quota it could not fill
  int64_t cost = 0;          // the selected's monthly premiums × the pool's months
  // The lowest-priority candidate selected on this area's own quota (index into
  // Allocation::rows), or -1: whom a waitlisted candidate stands behind.
  int64_t last_selected = -1;
};

// Counts and cost for one pool.
struct PoolOutcome {
  int64_t capacity = 0;      // seats offered (after the overall limit)
  int64_t candidates = 0;    // eligible candidates meeting its filter, not selected earlier
  int64_t selected = 0;
  int64_t reserved_selected = 0;  // selected on a reserved share
  int64_t unused = 0;        // seats left empty
  int64_t cost = 0;          // the selected's monthly premiums × months, in rupiah
  // Per area in code order; without apportionment one entry with area -1 for the region.
  std::vector<AreaOutcome> areas;
};

// Counts and cost for one code of the group field (e.g. one occupation).
struct GroupOutcome {
  int64_t eligible = 0;
  int64_t selected = 0;
  int64_t cost = 0;
};

// The allocation of a whole list.
struct Allocation {
  LargeVector<RowAllocation> rows;  // in input order
  std::vector<PoolOutcome> pools;   // in RuleSet::quota().pools order
  int64_t selected = 0, waitlisted = 0, ineligible = 0, invalid = 0;
  int64_t total_cost = 0;           // over all pools
  // With a group field: per code id, then one entry for rows without a valid code.
  std::vector<GroupOutcome> groups;
  std::vector<std::string> warnings;  // e.g. an area the list uses that the area table lacks
};

// Why row `row` ended as it did, in Indonesian for the candidate and the lurah: the pool and
// area of a seat; or the place in line, the pool and area, and the score of the last person
// selected there; or that no pool takes them. Ineligible and invalid rows get one sentence
// (RuleSet::Explain tells which rules failed).
std::string ExplainAllocation(const RuleSet& rules, const Allocation& allocation, size_t row);

// Builds an allocation from rows given chunk by chunk (in input order), keeping per row only
// what the allocation and its report need, so a list far larger than memory for its
// CandidateTable can be allocated. One per list; only Extract may be called from several
// threads at once.
class Allocator {
 public:
  // What the allocation keeps of one decided chunk (Extract's result, for Add).
  class Chunk {
   public:
    Chunk();
    ~Chunk();
    Chunk(Chunk&&) noexcept;
    Chunk& operator=(Chunk&&) noexcept;

   private:
    friend class Allocator;
    struct Rows;
    std::unique_ptr<Rows> rows_;
  };

  // `areas` overrides the rule file's area numbers (may be null); `group_slot` is a code
  // field (e.g. pekerjaan) to count and cost the selection by, or -1.
  explicit Allocator(RuleSet rules, const AreaTable* areas = nullptr, int group_slot = -1);
  ~Allocator();
  Allocator(Allocator&&) noexcept;
  Allocator& operator=(Allocator&&) noexcept;

  // Makes room for about `rows` rows in all (a hint: too few only means growing later).
  void Reserve(size_t rows);
  // Takes every row of `table`, decided as `decisions` (EvaluateTable's output):
  // Add(Extract(table, decisions)).
  void Add(const CandidateTable& table, std::span<const Decision> decisions);
  // Reads what the allocation needs from one decided chunk. Thread-safe, so chunks decided
  // on several threads can be extracted there; their results go to Add in input order.
  Chunk Extract(const CandidateTable& table, std::span<const Decision> decisions) const;
  // Takes the rows of a chunk Extract read; chunks in input order.
  void Add(Chunk chunk);
  // Allocates the seats over every row added; call it once. An error when the rules have no
  // quota or it cannot be computed (e.g. seats shared over areas that all have basis 0).
  absl::StatusOr<Allocation> Finish();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// Allocates one table held in memory: Add then Finish.
absl::StatusOr<Allocation> Allocate(const CandidateTable& table, std::span<const Decision> decisions,
                                    const AreaTable* areas = nullptr);

}  // namespace aturan
