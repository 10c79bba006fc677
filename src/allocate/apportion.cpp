#include "allocate/apportion.hpp"

#include <algorithm>
#include <cstddef>
#include <numeric>

#include "absl/status/status.h"
#include "absl/strings/str_format.h"

namespace aturan::internal {
namespace {

// Wide enough for every product below: a weight (< 2^63) times a divisor (< 2^64) is < 2^127,
// and a sum of n weights is < n·2^63.
__extension__ typedef __int128 Int128;

// Largest remainder: the whole parts of the quotas seats·w/W, then one more seat for each of
// the areas with the largest remainders seats·w mod W (all over the same W, so compared
// directly). The seats left over are fewer than the areas with a non-zero remainder, so an area
// with weight 0 (remainder 0) never gets one.
std::vector<int64_t> LargestRemainder(int64_t seats, std::span<const int64_t> weights, Int128 total) {
  const size_t n = weights.size();
  std::vector<int64_t> result(n);
  std::vector<Int128> remainders(n);
  int64_t assigned = 0;
  for (size_t i = 0; i < n; ++i) {
    const Int128 product = static_cast<Int128>(seats) * weights[i];
    result[i] = static_cast<int64_t>(product / total);
    remainders[i] = product % total;
    assigned += result[i];
  }
  const auto leftover = static_cast<size_t>(seats - assigned);
  if (leftover == 0) return result;
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), size_t{0});
  auto ranks_above = [&](size_t a, size_t b) {
    if (remainders[a] != remainders[b]) return remainders[a] > remainders[b];
    if (weights[a] != weights[b]) return weights[a] > weights[b];
    return a < b;
  };
  std::nth_element(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(leftover), order.end(),
                   ranks_above);
  for (size_t k = 0; k < leftover; ++k) ++result[order[k]];
  return result;
}

// Highest averages with divisors d(s) = step·s + 1 (step 1: D'Hondt, step 2: Sainte-Laguë).
//
// Handing the seats out one at a time takes, for every area, its averages w/d(0) > w/d(1) > ...
// in turn; with ties ordered by (average, larger weight, lower index) this is a merge of
// per-area descending sequences, so the result is the `seats` highest averages of all areas in
// that order. Phase 1 gives each area, at once, all its averages strictly above a threshold t
// chosen so that they number at most `seats` (they come before every other average, so they
// are all among the highest); phase 2 hands out the remaining seats, no more than there are areas
// of positive weight, one at a time with a heap, exactly as the definition does.
std::vector<int64_t> HighestAverages(int64_t seats, std::span<const int64_t> weights, Int128 total,
                                     int64_t positive_areas, int64_t step) {
  const size_t n = weights.size();
  std::vector<int64_t> result(n, 0);
  int64_t assigned = 0;
  // Averages above t = W/q, with q = step·seats − (step−1)·n' (n' areas of positive weight).
  // An area's count c is the number of s >= 0 with step·s + 1 < w·q/W, so
  //   w·q/(step·W) − 1/step <= c < w·q/(step·W) + 1 − 1/step,
  // which sums to at least seats − n' and less than seats. If q <= 0 the seats are at most
  // n'/2 and every area starts from 0.
  const Int128 q = static_cast<Int128>(step) * seats - static_cast<Int128>(step - 1) * positive_areas;
  if (q > 0) {
    const Int128 denominator = step * total;
    for (size_t i = 0; i < n; ++i) {
      const Int128 numerator = weights[i] * q - total;  // c = ceil(numerator / denominator) if > 0
      if (numerator <= 0) continue;
      result[i] = static_cast<int64_t>((numerator + denominator - 1) / denominator);
      assigned += result[i];
    }
  }
  // Phase 2: a max-heap of the areas of positive weight by their next average w/d(s).
  auto ranks_above = [&](size_t a, size_t b) {
    const Int128 left = weights[a] * (static_cast<Int128>(step) * result[b] + 1);
    const Int128 right = weights[b] * (static_cast<Int128>(step) * result[a] + 1);
    if (left != right) return left > right;
    if (weights[a] != weights[b]) return weights[a] > weights[b];
    return a < b;
  };
  auto heap_less = [&](size_t a, size_t b) { return ranks_above(b, a); };
  std::vector<size_t> heap;
  heap.reserve(static_cast<size_t>(positive_areas));
  for (size_t i = 0; i < n; ++i) {
    if (weights[i] > 0) heap.push_back(i);
  }
  std::make_heap(heap.begin(), heap.end(), heap_less);
  for (int64_t remaining = seats - assigned; remaining > 0; --remaining) {
    std::pop_heap(heap.begin(), heap.end(), heap_less);
    ++result[heap.back()];
    std::push_heap(heap.begin(), heap.end(), heap_less);
  }
  return result;
}

}  // namespace

absl::StatusOr<std::vector<int64_t>> Apportion(int64_t seats, std::span<const int64_t> weights,
                                               ApportionMethod method) {
  if (seats < 0) return absl::InvalidArgumentError(absl::StrFormat("negative number of seats %d", seats));
  Int128 total = 0;
  int64_t positive_areas = 0;
  for (size_t i = 0; i < weights.size(); ++i) {
    if (weights[i] < 0) {
      return absl::InvalidArgumentError(absl::StrFormat("area %d has a negative weight %d", i, weights[i]));
    }
    total += weights[i];
    positive_areas += weights[i] > 0 ? 1 : 0;
  }
  if (seats == 0 || total == 0) return std::vector<int64_t>(weights.size(), 0);
  switch (method) {
    case ApportionMethod::kLargestRemainder: return LargestRemainder(seats, weights, total);
    case ApportionMethod::kDHondt: return HighestAverages(seats, weights, total, positive_areas, 1);
    case ApportionMethod::kSainteLague: return HighestAverages(seats, weights, total, positive_areas, 2);
  }
  return absl::InvalidArgumentError("unknown apportionment method");
}

}  // namespace aturan::internal
