// allocate/pool_filler.hpp — filling one pool's seats from its candidates in priority order:
// in each area its reserved shares first, then anyone; then, when the rule file says so,
// the seats areas could not fill go region-wide to the best remaining candidates.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "aturan/large_allocator.hpp"

#include "aturan/quota.hpp"

namespace aturan::internal {

// A candidate of the pool.
struct PoolCandidate {
  int32_t area = 0;       // index into the quotas; outside them = no area of its own
  uint32_t reserved = 0;  // bit g: belongs to reserved group g
};

// What happened to each candidate and area.
struct PoolFill {
  enum Seat : uint8_t { kNone, kOpen, kReserved, kRedistributed };
  LargeVector<Seat> seats;             // per candidate
  std::vector<int64_t> selected;       // per area, redistributed seats included
  std::vector<int64_t> redistributed_in;  // per area
  std::vector<int64_t> unused;         // per area: quota it could not fill itself
  std::vector<int64_t> last_selected;  // per area: the last candidate (index) given a seat
                                       // of the area's own quota, or -1
  int64_t left_empty = 0;              // seats nobody got, after redistribution
};

// Fills the pool. `candidates` are in priority order (best first), `quotas` give each area's
// seats, `reserved` the shares filled first in every area, in order: ceil(share × quota)
// seats, or as many members as the area has.
PoolFill FillPool(std::span<const PoolCandidate> candidates, std::span<const int64_t> quotas,
                  std::span<const ReservedShare> reserved, Unfilled unfilled);

}  // namespace aturan::internal
