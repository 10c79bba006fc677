// allocate/apportion.hpp — sharing a quota of seats (places in the programme) among areas
// (kelurahan, kecamatan, ...) in proportion to a basis such as population or a DTKS count.
//
// All arithmetic is exact: quotas, remainders and averages are compared as fractions by
// cross-multiplication in 128-bit integers, never as floating point, so a tie is a real tie.
//
// Ties are broken the same way by every method: between areas whose remainder (largest
// remainder) or next average (D'Hondt, Sainte-Laguë) is exactly equal, the area with the larger
// weight wins; if the weights are equal too, the area that comes first (lower index) wins.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "absl/status/statusor.h"
#include "aturan/quota.hpp"

namespace aturan::internal {

// Shares `seats` among areas in proportion to `weights` (one per area) by `method`:
//   kLargestRemainder (Hamilton): each area gets the whole part of its quota seats·w/W (W the
//     sum of the weights); the seats left over go one each to the largest remainders
//     seats·w mod W.
//   kDHondt: each seat in turn goes to the area with the largest average w/(s+1), s being the
//     seats it already has. Never below the whole part of the quota.
//   kSainteLague: the same with the average w/(2s+1).
// Ties are broken as described at the top of this file. The result has one entry per area and
// sums to `seats`, except when every weight is 0 (or there are no areas): then every area gets 0
// and the caller reports it. An area with weight 0 never gets a seat.
//
// Any seats and weights from 0 to INT64_MAX are accepted (the sum of the weights may exceed
// int64); InvalidArgument if `seats` or a weight is negative. Time O(n log n) for n areas,
// independent of the number of seats; memory O(n).
absl::StatusOr<std::vector<int64_t>> Apportion(int64_t seats, std::span<const int64_t> weights,
                                               ApportionMethod method);

}  // namespace aturan::internal
