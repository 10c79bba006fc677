#include "allocate/pool_filler.hpp"

#include <algorithm>
#include <cmath>

namespace aturan::internal {

namespace {

// ceil(share × quota), without 0.2 × 1000 = 200.00000000000003 becoming 201.
int64_t ReservedSeats(double share, int64_t quota) {
  return std::min(quota, static_cast<int64_t>(std::ceil(share * static_cast<double>(quota) - 1e-9)));
}

}  // namespace

PoolFill FillPool(std::span<const PoolCandidate> candidates, std::span<const int64_t> quotas,
                  std::span<const ReservedShare> reserved, Unfilled unfilled) {
  const size_t areas = quotas.size();
  PoolFill fill;
  fill.seats.assign(candidates.size(), PoolFill::kNone);
  fill.selected.assign(areas, 0);
  fill.redistributed_in.assign(areas, 0);
  fill.unused.assign(areas, 0);
  fill.last_selected.assign(areas, -1);

  // Candidates of each area, still in priority order (a counting sort).
  std::vector<size_t> begin(areas + 1, 0);
  for (const PoolCandidate& c : candidates) {
    if (c.area >= 0 && static_cast<size_t>(c.area) < areas) ++begin[c.area + 1];
  }
  for (size_t a = 0; a < areas; ++a) begin[a + 1] += begin[a];
  std::vector<uint32_t> by_area(begin[areas]);
  {
    std::vector<size_t> next(begin.begin(), begin.end() - 1);
    for (uint32_t i = 0; i < candidates.size(); ++i) {
      const int32_t area = candidates[i].area;
      if (area >= 0 && static_cast<size_t>(area) < areas) by_area[next[area]++] = i;
    }
  }

  int64_t leftover = 0;
  for (size_t a = 0; a < areas; ++a) {
    const std::span<const uint32_t> members(by_area.data() + begin[a], begin[a + 1] - begin[a]);
    const int64_t quota = quotas[a];
    int64_t taken = 0;
    const auto take = [&](uint32_t i, PoolFill::Seat seat) {
      fill.seats[i] = seat;
      ++taken;
      fill.last_selected[a] = std::max<int64_t>(fill.last_selected[a], i);
    };
    for (const ReservedShare& share : reserved) {
      const int64_t want = std::min(ReservedSeats(share.share, quota), quota - taken);
      int64_t got = 0;
      for (uint32_t i : members) {
        if (got >= want) break;
        if (fill.seats[i] == PoolFill::kNone && (candidates[i].reserved >> share.group & 1u) != 0) {
          take(i, PoolFill::kReserved);
          ++got;
        }
      }
    }
    for (uint32_t i : members) {
      if (taken >= quota) break;
      if (fill.seats[i] == PoolFill::kNone) take(i, PoolFill::kOpen);
    }
    fill.selected[a] = taken;
    fill.unused[a] = quota - taken;
    leftover += quota - taken;
  }

  if (unfilled == Unfilled::kRedistribute) {
    for (uint32_t i = 0; i < candidates.size() && leftover > 0; ++i) {
      if (fill.seats[i] != PoolFill::kNone) continue;
      fill.seats[i] = PoolFill::kRedistributed;
      --leftover;
      const int32_t area = candidates[i].area;
      if (area >= 0 && static_cast<size_t>(area) < areas) {
        ++fill.selected[area];
        ++fill.redistributed_in[area];
      }
    }
  }
  fill.left_empty = leftover;
  return fill;
}

}  // namespace aturan::internal
