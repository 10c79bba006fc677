// aturan/quota.hpp — a rule file's `quota` section as compiled: how many paid seats there
// are, which funding lines (pools) they come from, how each pool's seats are shared over
// areas, and which groups have reserved shares. Read from RuleSet::quota().
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace aturan {

// Most pools and reserved groups a quota may have (a load error beyond it).
inline constexpr int kMaxPools = 32;
inline constexpr int kMaxReservedGroups = 32;

// What a pool's seats are shared over areas in proportion to.
enum class AreaBasis : uint8_t {
  kNone,        // no apportionment: the pool's seats are one region-wide quota
  kPopulation,  // residents per area (an area table)
  kDtks,        // DTKS-registered people per area (an area table, or counted from the list)
  kFixed,       // a stated number of seats per area
};

// How seats are shared in proportion to the basis.
enum class ApportionMethod : uint8_t {
  kLargestRemainder,  // Hamilton: floors of the exact quotas, leftovers to the largest remainders
  kDHondt,            // highest averages, divisors 1, 2, 3, ...
  kSainteLague,       // highest averages, divisors 1, 3, 5, ...
};

// What happens to seats an area cannot fill (fewer eligible candidates than its quota).
enum class Unfilled : uint8_t {
  kRedistribute,  // given region-wide, in priority order, to the pool's remaining candidates
  kLeaveUnused,   // left empty and reported
};

// "none", "population", "dtks", "fixed".
const char* AreaBasisName(AreaBasis basis);
// "largest_remainder", "dhondt", "sainte_lague".
const char* ApportionMethodName(ApportionMethod method);
// "redistribute", "leave_unused".
const char* UnfilledName(Unfilled unfilled);

// A group with a reserved share of a pool's seats (e.g. extreme-poor candidates): in each
// area quota q, the first ceil(share × q) seats go to the group's candidates in priority
// order, before anyone else is considered.
struct ReservedGroup {
  std::string id;
  std::string name;  // display name (may be empty)
  std::string when;  // the condition, as written
};

// A group's reserved share within one pool.
struct ReservedShare {
  int group = 0;       // index into QuotaInfo::reserved_groups
  double share = 0;    // 0 < share <= 1
};

// One funding line or category with its own seats. Without `pools` in the rule file the
// top level is the one pool, with the regulation id as id and program.name as name.
struct PoolInfo {
  std::string id;
  std::string name;          // display name (may be empty)
  std::string when;          // the filter as written; empty = every eligible candidate
  std::string funder;        // the OPD or budget line paying (may be empty)
  int64_t seats = -1;        // stated seat count, or -1
  int64_t budget = -1;       // stated budget in rupiah, or -1
  int64_t months = 0;        // premium months the budget pays for, and the cost period
  std::vector<int> premiums;  // indices into RuleSet::premiums() this pool pays
  int64_t monthly_premium = 0;  // their nominal sum per person per month (what a budget buys with)
  // Seats this pool offers: the stated count, what the budget buys
  // (floor(budget / (monthly_premium × months))), or the smaller of both; with a fixed area
  // basis, the sum of the area numbers given in the rule file — 0 when they come only from
  // an area table (areas_file or --areas): the allocator then sums the table's seats.
  int64_t capacity = 0;

  // Apportionment over areas (basis kNone: none).
  int area_slot = -1;        // the code field whose values are the areas
  AreaBasis basis = AreaBasis::kNone;
  ApportionMethod method = ApportionMethod::kLargestRemainder;
  // Basis numbers given in the rule file, per code id of area_slot (-1 = not given). Empty
  // when the rule file gives none (they then come from an area table or from the list).
  std::vector<int64_t> area_numbers;
  // An area table named by the rule file, or empty: resolved against the rule file's
  // directory when it was loaded from a file (RuleSet::LoadFile/FromFile), else as written.
  std::string areas_file;
  int dtks_slot = -1;        // basis kDtks without numbers: the bool field counted per area
  Unfilled unfilled = Unfilled::kRedistribute;
  std::vector<ReservedShare> reserved;  // in the order they are filled
};

// The whole quota section. An empty `pools` means the rule file has no quota: everyone
// eligible can be covered.
struct QuotaInfo {
  std::vector<PoolInfo> pools;  // in the order they are filled
  // An overall seat limit across pools (the top-level seats/budget when pools are listed),
  // or -1. Pools are filled in order until it is reached.
  int64_t total_capacity = -1;
  int64_t total_budget = -1;    // the top-level budget, or -1
  // Every group declared (top level first, then the pools, in file order); a group named
  // in several places is one group.
  std::vector<ReservedGroup> reserved_groups;

  // True when the rule file has a quota section.
  bool present() const { return !pools.empty(); }
};

}  // namespace aturan
