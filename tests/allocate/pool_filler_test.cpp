// FillPool: seats per area in priority order, reserved shares first, leftovers redistributed.
#include "allocate/pool_filler.hpp"

#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace aturan::internal {
namespace {

using ::testing::ElementsAre;
using Seat = PoolFill::Seat;

std::vector<PoolCandidate> InAreas(std::vector<int32_t> areas) {
  std::vector<PoolCandidate> out;
  for (int32_t a : areas) out.push_back({a, 0});
  return out;
}

TEST(FillPool, TakesTheBestUpToTheQuota) {
  const PoolFill fill = FillPool(InAreas({0, 0, 0, 0, 0}), std::vector<int64_t>{3}, {}, Unfilled::kRedistribute);
  EXPECT_THAT(fill.seats, ElementsAre(PoolFill::kOpen, PoolFill::kOpen, PoolFill::kOpen, PoolFill::kNone, PoolFill::kNone));
  EXPECT_THAT(fill.selected, ElementsAre(3));
  EXPECT_THAT(fill.last_selected, ElementsAre(2));
  EXPECT_EQ(fill.left_empty, 0);
}

TEST(FillPool, EachAreaFillsItsOwnQuotaInPriorityOrder) {
  const PoolFill fill = FillPool(InAreas({0, 1, 0, 0, 1}), std::vector<int64_t>{2, 1}, {}, Unfilled::kLeaveUnused);
  EXPECT_THAT(fill.seats, ElementsAre(PoolFill::kOpen, PoolFill::kOpen, PoolFill::kOpen, PoolFill::kNone, PoolFill::kNone));
  EXPECT_THAT(fill.selected, ElementsAre(2, 1));
  EXPECT_THAT(fill.unused, ElementsAre(0, 0));
  EXPECT_THAT(fill.last_selected, ElementsAre(2, 1));
}

TEST(FillPool, RedistributesWhatAnAreaCannotFillToTheBestRemaining) {
  // Area 0 has quota 3 but one candidate; area 1 has quota 1 and two candidates.
  const std::vector<int64_t> quotas{3, 1};
  const PoolFill fill = FillPool(InAreas({1, 1, 0}), quotas, {}, Unfilled::kRedistribute);
  EXPECT_THAT(fill.seats, ElementsAre(PoolFill::kOpen, PoolFill::kRedistributed, PoolFill::kOpen));
  EXPECT_THAT(fill.selected, ElementsAre(1, 2));
  EXPECT_THAT(fill.redistributed_in, ElementsAre(0, 1));
  EXPECT_THAT(fill.unused, ElementsAre(2, 0));
  EXPECT_EQ(fill.left_empty, 1);  // two seats left over, one candidate left to take them

  const PoolFill kept = FillPool(InAreas({1, 1, 0}), quotas, {}, Unfilled::kLeaveUnused);
  EXPECT_THAT(kept.seats, ElementsAre(PoolFill::kOpen, PoolFill::kNone, PoolFill::kOpen));
  EXPECT_EQ(kept.left_empty, 2);
}

TEST(FillPool, CandidatesWithoutAnAreaGetOnlyRedistributedSeats) {
  // Area index 1 is outside the quotas: those candidates have no area of their own.
  const std::vector<int64_t> quotas{2};
  const PoolFill fill = FillPool(InAreas({1, 0, 1}), quotas, {}, Unfilled::kRedistribute);
  EXPECT_THAT(fill.seats, ElementsAre(PoolFill::kRedistributed, PoolFill::kOpen, PoolFill::kNone));
  EXPECT_EQ(fill.left_empty, 0);
}

TEST(FillPool, ReservedShareIsFilledFirstFromTheGroupInPriorityOrder) {
  // Quota 10, share 0.25: ceil(2.5) = 3 seats for the group, whose members rank 9th, 11th, 12th.
  std::vector<PoolCandidate> candidates = InAreas(std::vector<int32_t>(12, 0));
  for (int i : {8, 10, 11}) candidates[i].reserved = 1u << 2;
  const std::vector<ReservedShare> reserved{{2, 0.25}};
  const PoolFill fill = FillPool(candidates, std::vector<int64_t>{10}, reserved, Unfilled::kRedistribute);
  std::vector<int> chosen;
  int reserved_seats = 0;
  for (int i = 0; i < 12; ++i) {
    if (fill.seats[i] != PoolFill::kNone) chosen.push_back(i);
    reserved_seats += fill.seats[i] == PoolFill::kReserved;
  }
  EXPECT_THAT(chosen, ElementsAre(0, 1, 2, 3, 4, 5, 6, 8, 10, 11));
  EXPECT_EQ(reserved_seats, 3);
  EXPECT_EQ(fill.last_selected[0], 11);
}

TEST(FillPool, ReservedShareRoundsUpExactly) {
  // 0.2 × 1000 is 200 seats, not 201 (0.2 is not exact in binary).
  std::vector<PoolCandidate> candidates = InAreas(std::vector<int32_t>(1300, 0));
  for (int i = 1000; i < 1300; ++i) candidates[i].reserved = 1;
  const std::vector<ReservedShare> reserved{{0, 0.2}};
  const PoolFill fill = FillPool(candidates, std::vector<int64_t>{1000}, reserved, Unfilled::kRedistribute);
  int reserved_seats = 0;
  int open_seats = 0;
  for (Seat seat : fill.seats) {
    reserved_seats += seat == PoolFill::kReserved;
    open_seats += seat == PoolFill::kOpen;
  }
  EXPECT_EQ(reserved_seats, 200);
  EXPECT_EQ(open_seats, 800);
  EXPECT_EQ(fill.seats[799], PoolFill::kOpen);
  EXPECT_EQ(fill.seats[800], PoolFill::kNone);
  EXPECT_EQ(fill.seats[1199], PoolFill::kReserved);
  EXPECT_EQ(fill.seats[1200], PoolFill::kNone);
}

TEST(FillPool, AGroupSmallerThanItsShareLeavesTheRestOpen) {
  std::vector<PoolCandidate> candidates = InAreas({0, 0, 0, 0, 0, 0});
  candidates[5].reserved = 1;
  const std::vector<ReservedShare> reserved{{0, 0.5}};
  const PoolFill fill = FillPool(candidates, std::vector<int64_t>{4}, reserved, Unfilled::kRedistribute);
  EXPECT_THAT(fill.seats, ElementsAre(PoolFill::kOpen, PoolFill::kOpen, PoolFill::kOpen, PoolFill::kNone,
                                      PoolFill::kNone, PoolFill::kReserved));
}

TEST(FillPool, TwoReservedGroupsInTheirOrderWithinTheQuota) {
  // Quota 2; group 0 wants ceil(0.5·2) = 1, group 1 wants 1 too; nobody else gets in.
  std::vector<PoolCandidate> candidates = InAreas({0, 0, 0, 0});
  candidates[2].reserved = 1u << 1;
  candidates[3].reserved = 1u << 0;
  const std::vector<ReservedShare> reserved{{0, 0.5}, {1, 0.5}};
  const PoolFill fill = FillPool(candidates, std::vector<int64_t>{2}, reserved, Unfilled::kLeaveUnused);
  EXPECT_THAT(fill.seats, ElementsAre(PoolFill::kNone, PoolFill::kNone, PoolFill::kReserved, PoolFill::kReserved));
}

TEST(FillPool, ZeroQuotaAndNoCandidates) {
  const PoolFill empty = FillPool({}, std::vector<int64_t>{5, 0}, {}, Unfilled::kRedistribute);
  EXPECT_THAT(empty.unused, ElementsAre(5, 0));
  EXPECT_EQ(empty.left_empty, 5);
  const PoolFill none = FillPool(InAreas({1, 1}), std::vector<int64_t>{0, 0}, {}, Unfilled::kRedistribute);
  EXPECT_THAT(none.seats, ElementsAre(PoolFill::kNone, PoolFill::kNone));
  EXPECT_THAT(none.last_selected, ElementsAre(-1, -1));
}

}  // namespace
}  // namespace aturan::internal
