// Apportionment: hand-computed results for each method (arithmetic in the comments), the
// tie-breaks, the edge cases, extreme values, and agreement with a naive seat-by-seat reference
// on many random inputs.
#include "allocate/apportion.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <numeric>
#include <optional>
#include <random>
#include <vector>

namespace aturan::internal {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

__extension__ typedef __int128 Int128;

constexpr ApportionMethod kAllMethods[] = {ApportionMethod::kLargestRemainder, ApportionMethod::kDHondt,
                                           ApportionMethod::kSainteLague};

std::vector<int64_t> Seats(int64_t seats, const std::vector<int64_t>& weights, ApportionMethod method) {
  absl::StatusOr<std::vector<int64_t>> result = Apportion(seats, weights, method);
  EXPECT_TRUE(result.ok()) << result.status();
  return result.ok() ? *result : std::vector<int64_t>();
}

Int128 Sum(const std::vector<int64_t>& values) {
  Int128 sum = 0;
  for (int64_t value : values) sum += value;
  return sum;
}

// The divisor of an area's (s+1)-th seat: s+1 for D'Hondt, 2s+1 for Sainte-Laguë.
Int128 Divisor(ApportionMethod method, int64_t s) {
  return method == ApportionMethod::kDHondt ? Int128{s} + 1 : 2 * Int128{s} + 1;
}

// Whether average weights[a]/Divisor(sa) ranks above weights[b]/Divisor(sb) (average, then the
// larger weight, then the lower index), as the header promises.
bool AverageRanksAbove(ApportionMethod method, const std::vector<int64_t>& weights, size_t a, int64_t sa,
                       size_t b, int64_t sb) {
  const Int128 left = weights[a] * Divisor(method, sb);
  const Int128 right = weights[b] * Divisor(method, sa);
  if (left != right) return left > right;
  if (weights[a] != weights[b]) return weights[a] > weights[b];
  return a < b;
}

// The definition: seats handed out one at a time, each to the area with the highest next
// average. Every weight 0 gives all zeros (the documented convention).
std::vector<int64_t> NaiveHighestAverages(int64_t seats, const std::vector<int64_t>& weights,
                                          ApportionMethod method) {
  std::vector<int64_t> result(weights.size(), 0);
  if (Sum(weights) == 0) return result;
  for (int64_t seat = 0; seat < seats; ++seat) {
    size_t best = 0;
    for (size_t i = 1; i < weights.size(); ++i) {
      if (AverageRanksAbove(method, weights, i, result[i], best, result[best])) best = i;
    }
    ++result[best];
  }
  return result;
}

// The definition: whole parts of the quotas, then the leftover seats by a full sort of the
// remainders (larger remainder, then larger weight, then lower index).
std::vector<int64_t> NaiveLargestRemainder(int64_t seats, const std::vector<int64_t>& weights) {
  std::vector<int64_t> result(weights.size(), 0);
  const Int128 total = Sum(weights);
  if (total == 0) return result;
  std::vector<Int128> remainders(weights.size());
  Int128 assigned = 0;
  for (size_t i = 0; i < weights.size(); ++i) {
    result[i] = static_cast<int64_t>(Int128{seats} * weights[i] / total);
    remainders[i] = Int128{seats} * weights[i] % total;
    assigned += result[i];
  }
  std::vector<size_t> order(weights.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (remainders[a] != remainders[b]) return remainders[a] > remainders[b];
    if (weights[a] != weights[b]) return weights[a] > weights[b];
    return a < b;
  });
  for (Int128 k = 0; k < Int128{seats} - assigned; ++k) ++result[order[static_cast<size_t>(k)]];
  return result;
}

std::vector<int64_t> Naive(int64_t seats, const std::vector<int64_t>& weights, ApportionMethod method) {
  return method == ApportionMethod::kLargestRemainder ? NaiveLargestRemainder(seats, weights)
                                                      : NaiveHighestAverages(seats, weights, method);
}

// For a divisor method: `result` is what the seat-by-seat definition gives iff it sums to
// `seats` and the lowest-ranked average it took ranks above the highest-ranked one it did not
// (areas of weight 0 included, as the definition never gives them a seat). O(n), so usable on
// inputs far too large for the naive reference.
bool IsHighestAveragesResult(int64_t seats, const std::vector<int64_t>& weights, ApportionMethod method,
                             const std::vector<int64_t>& result) {
  if (Sum(result) != seats) return false;
  std::optional<size_t> lowest_taken;
  std::optional<size_t> highest_untaken;
  for (size_t i = 0; i < weights.size(); ++i) {
    if (result[i] > 0 && (!lowest_taken || AverageRanksAbove(method, weights, *lowest_taken,
                                                             result[*lowest_taken] - 1, i, result[i] - 1))) {
      lowest_taken = i;
    }
    if (!highest_untaken ||
        AverageRanksAbove(method, weights, i, result[i], *highest_untaken, result[*highest_untaken])) {
      highest_untaken = i;
    }
  }
  return !lowest_taken || !highest_untaken ||
         AverageRanksAbove(method, weights, *lowest_taken, result[*lowest_taken] - 1, *highest_untaken,
                           result[*highest_untaken]);
}

// Each area's seats within 1 of its exact quota seats·w/W: |s·W − seats·w| < W.
bool WithinQuota(int64_t seats, const std::vector<int64_t>& weights, const std::vector<int64_t>& result) {
  const Int128 total = Sum(weights);
  for (size_t i = 0; i < weights.size(); ++i) {
    const Int128 difference = Int128{result[i]} * total - Int128{seats} * weights[i];
    if (difference >= total || difference <= -total) return false;
  }
  return true;
}

TEST(ApportionTest, RejectsNegativeSeatsAndWeights) {
  const std::vector<int64_t> weights = {3, -1, 2};
  for (ApportionMethod method : kAllMethods) {
    EXPECT_EQ(Apportion(-1, std::vector<int64_t>{1, 2}, method).status().code(),
              absl::StatusCode::kInvalidArgument);
    absl::StatusOr<std::vector<int64_t>> result = Apportion(5, weights, method);
    EXPECT_EQ(result.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(result.status().message(), ::testing::HasSubstr("area 1"));
  }
}

// The textbook example: weights A 100000, B 80000, C 30000, D 20000 (W = 230000).
const std::vector<int64_t> kTextbook = {100000, 80000, 30000, 20000};

TEST(ApportionTest, TextbookLargestRemainder) {
  // 8 seats: quotas 8w/W = 800000/230000 = 3 r 110000, 640000/230000 = 2 r 180000,
  // 240000/230000 = 1 r 10000, 160000/230000 = 0 r 160000; whole parts 6, the 2 left go to
  // the largest remainders B (180000) and D (160000).
  EXPECT_THAT(Seats(8, kTextbook, ApportionMethod::kLargestRemainder), ElementsAre(3, 3, 1, 1));
  // 10 seats: 1000000/230000 = 4 r 80000, 800000/230000 = 3 r 110000, 300000/230000 = 1 r 70000,
  // 200000/230000 = 0 r 200000; whole parts 8, the 2 left go to D (200000) and B (110000).
  EXPECT_THAT(Seats(10, kTextbook, ApportionMethod::kLargestRemainder), ElementsAre(4, 4, 1, 1));
}

TEST(ApportionTest, TextbookDHondt) {
  // Averages w/1, w/2, ...:  A 100000 50000 33333 25000 20000 16667
  //                          B  80000 40000 26667 20000 16000
  //                          C  30000 15000       D 20000 10000
  // Highest 8: 100000A 80000B 50000A 40000B 33333A 30000C 26667B 25000A -> 4, 3, 1, 0.
  EXPECT_THAT(Seats(8, kTextbook, ApportionMethod::kDHondt), ElementsAre(4, 3, 1, 0));
  // Seats 9 and 10 fall in a three-way tie at 20000 (A's 5th, B's 4th, D's 1st): the larger
  // weights A and B win over D.
  EXPECT_THAT(Seats(10, kTextbook, ApportionMethod::kDHondt), ElementsAre(5, 4, 1, 0));
}

TEST(ApportionTest, TextbookSainteLague) {
  // Averages w/1, w/3, w/5, w/7, w/9:  A 100000 33333 20000 14286 11111
  //                                    B  80000 26667 16000 11429
  //                                    C  30000 10000     D 20000 6667
  // Highest: 100000A 80000B 33333A 30000C 26667B, then a tie at 20000 (A's 3rd, D's 1st),
  // then 16000B 14286A 11429B 11111A.
  // 6 seats: the tie decides the 6th seat, and A has the larger weight.
  EXPECT_THAT(Seats(6, kTextbook, ApportionMethod::kSainteLague), ElementsAre(3, 2, 1, 0));
  // 8 seats: both tied averages are in, then 16000B.
  EXPECT_THAT(Seats(8, kTextbook, ApportionMethod::kSainteLague), ElementsAre(3, 3, 1, 1));
  // 10 seats: + 14286A, 11429B.
  EXPECT_THAT(Seats(10, kTextbook, ApportionMethod::kSainteLague), ElementsAre(4, 4, 1, 1));
}

TEST(ApportionTest, TiesGoToTheLargerWeightWhateverTheOrder) {
  // The 6-seat Sainte-Laguë tie above with the areas listed in reverse: D still loses.
  EXPECT_THAT(Seats(6, {20000, 30000, 80000, 100000}, ApportionMethod::kSainteLague), ElementsAre(0, 1, 2, 3));
  EXPECT_THAT(Seats(10, {20000, 30000, 80000, 100000}, ApportionMethod::kDHondt), ElementsAre(0, 1, 4, 5));
  // Largest remainder, 4 seats over {5, 15, 20} (W = 40): quotas 20/40 = 0 r 20, 60/40 = 1 r 20,
  // 80/40 = 2 r 0; the one seat left is tied at remainder 20 and goes to weight 15.
  EXPECT_THAT(Seats(4, {5, 15, 20}, ApportionMethod::kLargestRemainder), ElementsAre(0, 2, 2));
  // D'Hondt, 2 seats over {1, 2}: 2/1 to the second; then 1/1 ties with 2/2 and weight 2 wins.
  EXPECT_THAT(Seats(2, {1, 2}, ApportionMethod::kDHondt), ElementsAre(0, 2));
  // Sainte-Laguë, 2 seats over {1, 3}: 3/1 to the second; then 1/1 ties with 3/3 and weight 3 wins.
  EXPECT_THAT(Seats(2, {1, 3}, ApportionMethod::kSainteLague), ElementsAre(0, 2));
}

TEST(ApportionTest, EqualWeightsTieToTheLowerIndex) {
  // 5 seats over three equal weights: one each, then the 2 left to the first two areas.
  for (ApportionMethod method : kAllMethods) {
    EXPECT_THAT(Seats(5, {10, 10, 10}, method), ElementsAre(2, 2, 1)) << ApportionMethodName(method);
    EXPECT_THAT(Seats(1, {7, 7}, method), ElementsAre(1, 0)) << ApportionMethodName(method);
  }
}

TEST(ApportionTest, ZeroWeightAreasGetNothing) {
  for (ApportionMethod method : kAllMethods) {
    // Quotas 5·3/5 = 3 and 5·2/5 = 2 exactly; every method gives them.
    EXPECT_THAT(Seats(5, {0, 3, 0, 2}, method), ElementsAre(0, 3, 0, 2)) << ApportionMethodName(method);
    EXPECT_THAT(Seats(3, {0, 1}, method), ElementsAre(0, 3)) << ApportionMethodName(method);
  }
}

TEST(ApportionTest, AllWeightsZeroNoSeatsOrNoAreasGiveZeros) {
  for (ApportionMethod method : kAllMethods) {
    EXPECT_THAT(Seats(5, {0, 0, 0}, method), ElementsAre(0, 0, 0)) << ApportionMethodName(method);
    EXPECT_THAT(Seats(0, {4, 1, 0}, method), ElementsAre(0, 0, 0)) << ApportionMethodName(method);
    EXPECT_THAT(Seats(5, {}, method), IsEmpty()) << ApportionMethodName(method);
  }
}

TEST(ApportionTest, OneAreaGetsEverySeat) {
  for (ApportionMethod method : kAllMethods) {
    EXPECT_THAT(Seats(7, {42}, method), ElementsAre(7)) << ApportionMethodName(method);
  }
}

TEST(ApportionTest, MoreSeatsThanTotalWeight) {
  for (ApportionMethod method : kAllMethods) {
    EXPECT_THAT(Seats(10, {1, 1}, method), ElementsAre(5, 5)) << ApportionMethodName(method);
    // Largest remainder: 10/3 = 3 r 1, 20/3 = 6 r 2, the seat left to the second.
    // D'Hondt: the 10 highest of 1/k and 2/k are 1/1..1/3 and 2/1..2/7 (next: 1/4 = 2/8).
    // Sainte-Laguë: 1/1, 1/3, 1/5 and 2/1 .. 2/13 (next: 1/7 > 2/15).
    EXPECT_THAT(Seats(10, {1, 2}, method), ElementsAre(3, 7)) << ApportionMethodName(method);
  }
}

TEST(ApportionTest, LargestRemainderShowsTheAlabamaParadox) {
  // {6, 6, 2}, W = 14. 10 seats: 60/14 = 4 r 4 (twice), 20/14 = 1 r 6 -> the 1 left to C.
  // 11 seats: 66/14 = 4 r 10 (twice), 22/14 = 1 r 8 -> the 2 left to A and B: C loses a seat
  // although there are more seats.
  EXPECT_THAT(Seats(10, {6, 6, 2}, ApportionMethod::kLargestRemainder), ElementsAre(4, 4, 2));
  EXPECT_THAT(Seats(11, {6, 6, 2}, ApportionMethod::kLargestRemainder), ElementsAre(5, 5, 1));
}

TEST(ApportionTest, ExtremeValuesDoNotOverflow) {
  // seats = 2^63 − 1 over {2^63 − 1, 2^63 − 2, 1, 0}; W = 2^64 − 2 = 2·seats, so the quotas are
  // w/2: 2^62 − 1/2, 2^62 − 1, 1/2, 0.
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  constexpr int64_t kHalf = int64_t{1} << 62;
  const std::vector<int64_t> weights = {kMax, kMax - 1, 1, 0};
  // Largest remainder: whole parts 2^62 − 1, 2^62 − 1, 0, 0; the seat left is tied between A
  // and C (remainder W/2 each) and A has the larger weight.
  EXPECT_THAT(Seats(kMax, weights, ApportionMethod::kLargestRemainder), ElementsAre(kHalf, kHalf - 1, 0, 0));
  // D'Hondt: averages above 2 are A's w/1..w/(2^62 − 1) and B's w/1..w/(2^62 − 2), 2^63 − 3 of
  // them; B's w/(2^62 − 1) is exactly 2; the last seat goes to A's w/2^62 = 2 − 2^−62, above
  // B's next w/2^62 = 2 − 2^−61 and C's 1.
  EXPECT_THAT(Seats(kMax, weights, ApportionMethod::kDHondt), ElementsAre(kHalf, kHalf - 1, 0, 0));
  // Sainte-Laguë: averages above 1 are A's w/1..w/(2^63 − 3) (2^62 − 1 of them) and B's
  // w/1..w/(2^63 − 3) (2^62 − 1); A's w/(2^63 − 1) = 1 ties with C's 1/1 for the last seat, and
  // A has the larger weight.
  EXPECT_THAT(Seats(kMax, weights, ApportionMethod::kSainteLague), ElementsAre(kHalf, kHalf - 1, 0, 0));
  // Weights whose sum exceeds int64.
  const std::vector<int64_t> heavy = {kMax, kMax, kMax};
  for (ApportionMethod method : kAllMethods) {
    EXPECT_THAT(Seats(kMax, heavy, method), ElementsAre(kMax / 3 + 1, kMax / 3, kMax / 3))
        << ApportionMethodName(method);
  }
}

// Invented populations of the size of Kota Pekalongan's 27 kelurahan (about 320 000 people).
const std::vector<int64_t> kKelurahan = {19843, 12567, 8934,  15211, 6420,  10987, 14302, 9120,  7765,
                                         21034, 11876, 13450, 5589,  17233, 9876,  12045, 8210,  16478,
                                         10334, 7012,  14890, 11203, 9567,  6890,  13122, 18650, 10045};

TEST(ApportionTest, ThousandSeatsOverTwentySevenKelurahan) {
  const std::vector<int64_t> remainder = Seats(1000, kKelurahan, ApportionMethod::kLargestRemainder);
  EXPECT_EQ(Sum(remainder), 1000);
  EXPECT_TRUE(WithinQuota(1000, kKelurahan, remainder));
  EXPECT_EQ(remainder, NaiveLargestRemainder(1000, kKelurahan));
  for (ApportionMethod method : {ApportionMethod::kDHondt, ApportionMethod::kSainteLague}) {
    const std::vector<int64_t> result = Seats(1000, kKelurahan, method);
    EXPECT_EQ(Sum(result), 1000) << ApportionMethodName(method);
    EXPECT_EQ(result, NaiveHighestAverages(1000, kKelurahan, method)) << ApportionMethodName(method);
  }
  // D'Hondt never gives less than the whole part of the quota: s·W > 1000·w − W.
  const std::vector<int64_t> dhondt = Seats(1000, kKelurahan, ApportionMethod::kDHondt);
  const Int128 total = Sum(kKelurahan);
  for (size_t i = 0; i < kKelurahan.size(); ++i) {
    EXPECT_GT(Int128{dhondt[i]} * total, Int128{1000} * kKelurahan[i] - total) << i;
  }
}

TEST(ApportionTest, MatchesSeatBySeatDefinitionOnSmallRandomInputs) {
  std::mt19937_64 rng(20240611);
  for (int round = 0; round < 20000; ++round) {
    const int64_t seats = static_cast<int64_t>(rng() % 61);
    const size_t areas = 1 + rng() % 12;
    // Weights 0..50 drawn from a small pool (or a pool and its multiples), so that weights,
    // remainders and averages tie often.
    std::vector<int64_t> pool(1 + rng() % 4);
    for (int64_t& value : pool) value = static_cast<int64_t>(rng() % 51);
    std::vector<int64_t> weights(areas);
    for (int64_t& weight : weights) {
      weight = pool[rng() % pool.size()];
      if (rng() % 3 == 0) weight = std::min<int64_t>(50, weight * static_cast<int64_t>(1 + rng() % 3));
    }
    for (ApportionMethod method : kAllMethods) {
      ASSERT_EQ(Seats(seats, weights, method), Naive(seats, weights, method))
          << ApportionMethodName(method) << " seats " << seats << " weights "
          << ::testing::PrintToString(weights);
    }
  }
}

TEST(ApportionTest, MatchesSeatBySeatDefinitionOnLargerRandomInputs) {
  std::mt19937_64 rng(7);
  for (int round = 0; round < 60; ++round) {
    const int64_t seats = static_cast<int64_t>(rng() % 3001);
    const size_t areas = 1 + rng() % 300;
    // Small weights, census-like weights, or weights near the int64 limit.
    const uint64_t limit = round % 3 == 0 ? 20 : round % 3 == 1 ? 1000000 : uint64_t{1} << 62;
    std::vector<int64_t> weights(areas);
    for (int64_t& weight : weights) weight = static_cast<int64_t>(rng() % limit);
    for (ApportionMethod method : kAllMethods) {
      ASSERT_EQ(Seats(seats, weights, method), Naive(seats, weights, method))
          << ApportionMethodName(method) << " round " << round;
    }
  }
}

// Large inputs take the fast path (no seat-by-seat loop); its speed is measured in
// bench/allocate_bench.cpp, here only its result is checked.
TEST(ApportionTest, HundredThousandAreasAndFiftyMillionSeats) {
  constexpr int64_t kSeats = 50000000;
  std::mt19937_64 rng(11);
  std::vector<int64_t> weights(100000);
  for (int64_t& weight : weights) weight = rng() % 10 == 0 ? 0 : static_cast<int64_t>(rng() % 2000000);
  for (ApportionMethod method : kAllMethods) {
    const std::vector<int64_t> result = Seats(kSeats, weights, method);
    if (method == ApportionMethod::kLargestRemainder) {
      EXPECT_EQ(result, NaiveLargestRemainder(kSeats, weights));
      EXPECT_TRUE(WithinQuota(kSeats, weights, result));
    } else {
      EXPECT_TRUE(IsHighestAveragesResult(kSeats, weights, method, result)) << ApportionMethodName(method);
    }
  }
}

TEST(ApportionTest, CertificateCheckerAgreesWithNaiveReference) {
  // The O(n) check used on the large input accepts the definition's result and rejects a
  // neighbouring allocation (one seat moved), so it is not vacuous.
  for (ApportionMethod method : {ApportionMethod::kDHondt, ApportionMethod::kSainteLague}) {
    std::vector<int64_t> result = NaiveHighestAverages(1000, kKelurahan, method);
    EXPECT_TRUE(IsHighestAveragesResult(1000, kKelurahan, method, result));
    --result[0];
    ++result[1];
    EXPECT_FALSE(IsHighestAveragesResult(1000, kKelurahan, method, result));
  }
}

}  // namespace
}  // namespace aturan::internal
