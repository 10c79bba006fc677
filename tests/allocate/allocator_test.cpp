// The Allocator over small hand-made lists: seats, areas, pools, reserved shares, unfilled
// seats, waiting lines and costs, each checked against numbers worked out by hand; and
// properties over random lists (never more than the seats, every row once, input order
// and room reserved up front do not matter).
#include "aturan/allocation.hpp"

#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_replace.h"
#include "allocate/quota_test_list.hpp"
#include "aturan/batch.hpp"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace aturan {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::Person;
using testing::Rules;
using testing::RulesYaml;
using testing::TableOf;

// The table decided and allocated.
struct Allocated {
  Allocated(const RuleSet& rules, const std::vector<Person>& people, const AreaTable* areas = nullptr)
      : table(TableOf(rules, people)), decisions(table.size()) {
    EvaluateTable(table, decisions, 1);
    absl::StatusOr<Allocation> result = Allocate(table, decisions, areas);
    EXPECT_TRUE(result.ok()) << result.status();
    if (result.ok()) allocation = *std::move(result);
  }
  // Status letters per row: S selected, W waitlisted, I ineligible, X invalid.
  std::string Statuses() const {
    std::string out;
    for (const RowAllocation& row : allocation.rows) out.push_back("SWIX"[static_cast<int>(row.status)]);
    return out;
  }
  std::vector<uint32_t> Ranks() const {
    std::vector<uint32_t> out;
    for (const RowAllocation& row : allocation.rows) out.push_back(row.rank);
    return out;
  }
  CandidateTable table;
  std::vector<Decision> decisions;
  Allocation allocation;
};

std::vector<Person> Scored(std::vector<int64_t> scores) {
  std::vector<Person> people;
  for (size_t i = 0; i < scores.size(); ++i) {
    people.push_back(Person{.nik = "N" + std::to_string(100 + i), .skor = scores[i]});
  }
  return people;
}

TEST(Allocator, FixedSeatsGoToTheHighestScoresThenWaitInLine) {
  const RuleSet rules = Rules("quota: {seats: 3}");
  std::vector<Person> people = Scored({10, 50, 30, 50, 20, 40});
  people[5].layak = false;  // the 40 is not eligible
  const Allocated run(rules, people);
  // Order: 50 (N101), 50 (N103, nik breaks the tie), 30, 20, 10.
  EXPECT_EQ(run.Statuses(), "WSSSWI");
  EXPECT_THAT(run.Ranks(), ElementsAre(2, 0, 0, 0, 1, 0));
  EXPECT_EQ(run.allocation.selected, 3);
  EXPECT_EQ(run.allocation.waitlisted, 2);
  EXPECT_EQ(run.allocation.ineligible, 1);
  ASSERT_EQ(run.allocation.pools.size(), 1u);
  EXPECT_EQ(run.allocation.pools[0].capacity, 3);
  EXPECT_EQ(run.allocation.pools[0].candidates, 5);
  // 3 people × (10,000 + 6,800 + 20,000) × 12 months.
  EXPECT_EQ(run.allocation.pools[0].cost, 3 * 36800 * 12);
  EXPECT_EQ(run.allocation.total_cost, 3 * 36800 * 12);
  // The last selected is the 30 (row 3): whom the waiting line stands behind.
  ASSERT_EQ(run.allocation.pools[0].areas.size(), 1u);
  EXPECT_EQ(run.allocation.pools[0].areas[0].last_selected, 2);
}

TEST(Allocator, PremiumsChosenByTheQuotaSetTheCost) {
  const RuleSet rules = Rules("quota: {seats: 2, premiums: [jkk, jkm]}");
  const Allocated run(rules, Scored({1, 2, 3}));
  EXPECT_EQ(run.allocation.total_cost, 2 * 16800 * 12);
}

TEST(Allocator, SeatsFromABudgetAreWhatItBuys) {
  // Rp1,000,000 / (16,800 × 5) = 11.9 -> 11 seats.
  const RuleSet rules = Rules("quota: {budget: 1_000_000, months: 5, premiums: [jkk, jkm]}");
  const Allocated run(rules, Scored(std::vector<int64_t>(20, 1)));
  EXPECT_EQ(run.allocation.pools[0].capacity, 11);
  EXPECT_EQ(run.allocation.selected, 11);
  EXPECT_EQ(run.allocation.total_cost, 11 * 16800 * 5);
}

std::vector<Person> InAreas(const std::string& areas) {
  std::vector<Person> people;
  for (size_t i = 0; i < areas.size(); ++i) {
    people.push_back(Person{.nik = "N" + std::to_string(100 + i), .kel = std::string(1, areas[i]),
                            .skor = static_cast<int64_t>(100 - i)});
  }
  return people;
}

TEST(Allocator, PerPersonPremiumsAreCostedPerPerson) {
  // JKK as 1% of income, at least Rp10,000 (PP 44/2015 for BPU); missing income: the nominal.
  std::string yaml = RulesYaml("quota: {premiums: [jkk, jkm], by: kel, basis: fixed, areas: {A: 2, B: 1}}");
  yaml = absl::StrReplaceAll(yaml, {{"premiums: {jkk: 10000, jkm: 6800, jht: 20000}",
                                     "premiums:\n    jkk: {value: 10000, per_person: 'max(10000, penghasilan * 0.01)'}\n"
                                     "    jkm: 6800\n    jht: 20000"}});
  const LoadResult loaded = RuleSet::Load(yaml, "uji-kuota.yaml");
  ASSERT_NE(loaded.rules, nullptr) << FormatDiagnostics(loaded.diagnostics);
  std::vector<Person> people = InAreas("AAB");
  people[0].penghasilan = 3'000'000;  // JKK 30,000
  people[1].penghasilan = 500'000;    // JKK 10,000 (the minimum)
  const Allocated run(*loaded.rules, people);  // people[2]: no income, nominal 10,000
  EXPECT_EQ(run.Statuses(), "SSS");
  EXPECT_EQ(run.allocation.pools[0].cost, (30000 + 6800 + 10000 + 6800 + 10000 + 6800) * 12);
  EXPECT_EQ(run.allocation.pools[0].areas[0].cost, (30000 + 6800 + 10000 + 6800) * 12);
  EXPECT_EQ(run.allocation.pools[0].areas[1].cost, (10000 + 6800) * 12);
  // What a budget buys is counted at the nominal premium.
  EXPECT_EQ(loaded.rules->quota().pools[0].monthly_premium, 16800);
}

TEST(Allocator, SeatsAreSharedOverAreasByPopulation) {
  // 10 seats over A 600, B 300, C 100 (largest remainder: 6, 3, 1).
  const RuleSet rules = Rules(R"(quota:
  seats: 10
  by: kel
  basis: population
  areas: {A: 600, B: 300, C: 100}
  unfilled: leave_unused)");
  // Scores fall with the position, so candidates are listed best first.
  const Allocated run(rules, InAreas("AAAAAAAABBBBCCC"));
  EXPECT_EQ(run.Statuses(), "SSSSSSWWSSSWSWW");
  EXPECT_THAT(run.Ranks(), ElementsAre(0, 0, 0, 0, 0, 0, 1, 2, 0, 0, 0, 1, 0, 1, 2));
  const PoolOutcome& pool = run.allocation.pools[0];
  ASSERT_EQ(pool.areas.size(), 3u);
  EXPECT_EQ(pool.areas[0].quota, 6);
  EXPECT_EQ(pool.areas[1].quota, 3);
  EXPECT_EQ(pool.areas[2].quota, 1);
  EXPECT_EQ(pool.areas[1].eligible, 4);
  EXPECT_EQ(run.allocation.rows[0].area, 0);
  EXPECT_EQ(run.allocation.rows[12].area, 2);
}

TEST(Allocator, UnfilledSeatsAreRedistributedRegionWideOrLeftUnused) {
  const std::string quota = R"(quota:
  seats: 10
  by: kel
  basis: population
  areas: {A: 600, B: 300, C: 100}
  unfilled: UNFILLED)";
  // B has one candidate for 3 seats: 2 seats left over.
  const std::vector<Person> people = InAreas("AAAAAAAAABCC");
  const Allocated leave(Rules(absl::StrReplaceAll(quota, {{"UNFILLED", "leave_unused"}})), people);
  EXPECT_EQ(leave.Statuses(), "SSSSSSWWWSSW");
  EXPECT_EQ(leave.allocation.pools[0].unused, 2);
  EXPECT_EQ(leave.allocation.pools[0].areas[1].unused, 2);

  const Allocated spread(Rules(absl::StrReplaceAll(quota, {{"UNFILLED", "redistribute"}})), people);
  // The best two left anywhere: A's 7th and 8th.
  EXPECT_EQ(spread.Statuses(), "SSSSSSSSWSSW");
  EXPECT_TRUE(spread.allocation.rows[6].redistributed);
  EXPECT_FALSE(spread.allocation.rows[5].redistributed);
  EXPECT_EQ(spread.allocation.pools[0].unused, 0);
  EXPECT_EQ(spread.allocation.pools[0].areas[0].redistributed_in, 2);
  EXPECT_EQ(spread.allocation.pools[0].areas[1].unused, 2);
}

TEST(Allocator, AnAreaTableReplacesTheRuleFileNumbers) {
  const RuleSet rules = Rules(R"(quota:
  seats: 4
  by: kel
  basis: population
  areas: {A: 1, B: 1, C: 1})");
  AreaTable areas;
  areas.area_slot = rules.FieldSlot("kel");
  areas.population = {0, 100, 0};  // everything to B
  const Allocated run(rules, InAreas("AABBBBB"), &areas);
  EXPECT_EQ(run.Statuses(), "WWSSSSW");
  // A is listed (it has candidates, no quota); C has neither.
  ASSERT_EQ(run.allocation.pools[0].areas.size(), 2u);
  EXPECT_EQ(run.allocation.pools[0].areas[0].quota, 0);
  EXPECT_EQ(run.allocation.pools[0].areas[1].quota, 4);
}

TEST(Allocator, AreasWithoutANumberAreWarnedAbout) {
  const RuleSet rules = Rules(R"(quota:
  seats: 2
  by: kel
  basis: population
  areas: {A: 10, B: 10})");
  const Allocated run(rules, InAreas("ABCC"));
  ASSERT_EQ(run.allocation.warnings.size(), 1u);
  EXPECT_THAT(run.allocation.warnings[0], HasSubstr("area C (Kelurahan C) has 2 candidates but no population"));
  EXPECT_EQ(run.Statuses(), "SSWW");
}

TEST(Allocator, DtksBasisCountedFromTheList) {
  const RuleSet rules = Rules(R"(quota:
  seats: 4
  by: kel
  basis: dtks
  dtks_field: dtks
  unfilled: leave_unused)");
  std::vector<Person> people = InAreas("AAAABBBB");
  // A has 2 DTKS-registered eligible people (a third is ineligible: not counted), B has 1:
  // 4 seats, Hamilton: A 2 + 2/3, B 1 + 1/3 -> A 3, B 1.
  for (int i : {0, 1, 2, 4}) people[i].dtks = true;
  people[2].layak = false;
  const Allocated run(rules, people);
  EXPECT_EQ(run.allocation.pools[0].areas[0].basis, 2);
  EXPECT_EQ(run.allocation.pools[0].areas[1].basis, 1);
  EXPECT_EQ(run.Statuses(), "SSISSWWW");
}

TEST(Allocator, FixedSeatsPerArea) {
  const RuleSet rules = Rules(R"(quota:
  by: kel
  basis: fixed
  areas: {A: 1, B: 2})");
  const Allocated run(rules, InAreas("AABBBC"));
  EXPECT_EQ(run.allocation.pools[0].capacity, 3);
  // C has no seats; redistribution (the default) has nothing left to give.
  EXPECT_EQ(run.Statuses(), "SWSSWW");
}

TEST(Allocator, PoolsAreFilledInOrderAndAPersonIsSelectedOnce) {
  const RuleSet rules = Rules(R"(quota:
  pools:
    - {id: rt, name: Ketua RT, when: 'kategori == "rt"', seats: 2}
    - {id: umum, seats: 2})");
  std::vector<Person> people = Scored({90, 80, 70, 60, 50});
  people[1].kategori = "rt";
  people[3].kategori = "rt";
  people[4].kategori = "rt";
  const Allocated run(rules, people);
  // rt takes the two best RT heads (80, 60); umum then takes the best two left (90, 70).
  EXPECT_EQ(run.Statuses(), "SSSSW");
  EXPECT_EQ(run.allocation.rows[0].pool, 1);
  EXPECT_EQ(run.allocation.rows[1].pool, 0);
  EXPECT_EQ(run.allocation.rows[3].pool, 0);
  // The 50 waits in the line of the first pool it belongs to.
  EXPECT_EQ(run.allocation.rows[4].pool, 0);
  EXPECT_EQ(run.allocation.rows[4].rank, 1u);
}

TEST(Allocator, AnOverallLimitCutsTheLaterPools) {
  const RuleSet rules = Rules(R"(quota:
  seats: 3
  pools:
    - {id: rt, when: 'kategori == "rt"', seats: 2}
    - {id: kader, when: 'kategori == "kader"', seats: 2})");
  std::vector<Person> people = Scored({9, 8, 7, 6, 5});
  for (Person& p : people) p.kategori = "kader";
  people[0].kategori = "rt";
  people[1].kategori = "rt";
  people[2].kategori = "lain";
  const Allocated run(rules, people);
  EXPECT_EQ(run.allocation.pools[0].capacity, 2);
  EXPECT_EQ(run.allocation.pools[1].capacity, 1);
  // The "lain" candidate is eligible but no pool takes them.
  EXPECT_EQ(run.Statuses(), "SSISW");
  EXPECT_TRUE(run.allocation.rows[2].no_pool);
  EXPECT_THAT(ExplainAllocation(rules, run.allocation, 2), HasSubstr("tidak termasuk satu pun kelompok kuota"));
}

TEST(Allocator, ReservedSharesGoFirstToTheirGroup) {
  const RuleSet rules = Rules(R"(quota:
  seats: 4
  reserved:
    - {id: miskin_ekstrem, when: miskin, share: 0.5})");
  std::vector<Person> people = Scored({90, 80, 70, 60, 50, 40});
  people[4].miskin = true;
  people[5].miskin = true;
  const Allocated run(rules, people);
  EXPECT_EQ(run.Statuses(), "SSWWSS");
  EXPECT_EQ(run.allocation.pools[0].reserved_selected, 2);
}

TEST(Allocator, ExplainsSeatsAndPlacesInLine) {
  const RuleSet rules = Rules(R"(quota:
  by: kel
  basis: fixed
  areas: {A: 1, B: 1})");
  const Allocated run(rules, InAreas("AAB"));
  EXPECT_THAT(ExplainAllocation(rules, run.allocation, 0), HasSubstr("Terpilih dalam kuota"));
  EXPECT_THAT(ExplainAllocation(rules, run.allocation, 0), HasSubstr("Kelurahan A (A)"));
  const std::string waiting = ExplainAllocation(rules, run.allocation, 1);
  EXPECT_THAT(waiting, HasSubstr("Urutan tunggu ke-1"));
  EXPECT_THAT(waiting, HasSubstr("skor prioritas 99"));
  EXPECT_THAT(waiting, HasSubstr("(baris 1) berskor 100"));
}

TEST(Allocator, RefusesRulesWithoutAQuota) {
  const RuleSet rules = Rules("");
  const CandidateTable table = TableOf(rules, Scored({1}));
  std::vector<Decision> decisions(table.size());
  EvaluateTable(table, decisions, 1);
  const absl::StatusOr<Allocation> result = Allocate(table, decisions);
  EXPECT_EQ(result.status().code(), absl::StatusCode::kFailedPrecondition);
}

TEST(Allocator, AllZeroBasisCannotShareSeats) {
  const RuleSet rules = Rules(R"(quota:
  seats: 5
  by: kel
  basis: population
  areas: {A: 0, B: 0, C: 0})");
  const CandidateTable table = TableOf(rules, InAreas("AB"));
  std::vector<Decision> decisions(table.size());
  EvaluateTable(table, decisions, 1);
  const absl::StatusOr<Allocation> result = Allocate(table, decisions);
  EXPECT_FALSE(result.ok());
  EXPECT_THAT(std::string(result.status().message()), HasSubstr("every area has population 0"));
}

// The seed figures: Pekalongan funds 1,000 seats, Kudus 26,000, at Rp16,800 for 12 months.
TEST(Allocator, ReproducesTheSeedsAnnualCosts) {
  for (const auto& [seats, cost] : std::vector<std::pair<int64_t, int64_t>>{{1000, 201'600'000}, {26000, 5'241'600'000}}) {
    const RuleSet rules = Rules("quota: {seats: " + std::to_string(seats) + ", premiums: [jkk, jkm]}");
    const Allocated run(rules, Scored(std::vector<int64_t>(static_cast<size_t>(seats) + 50, 1)));
    EXPECT_EQ(run.allocation.selected, seats);
    EXPECT_EQ(run.allocation.total_cost, cost);
  }
}

// Random lists under random settings: the invariants that must always hold.
TEST(Allocator, PropertiesHoldOnRandomLists) {
  std::mt19937_64 rng(20241130);
  const std::vector<std::string> methods{"largest_remainder", "dhondt", "sainte_lague"};
  for (int trial = 0; trial < 60; ++trial) {
    const int64_t seats = static_cast<int64_t>(rng() % 40);
    const std::string quota = "quota:\n  seats: " + std::to_string(seats) +
                              "\n  by: kel\n  basis: population\n  method: " + methods[trial % 3] +
                              "\n  areas: {A: " + std::to_string(1 + rng() % 500) + ", B: " + std::to_string(rng() % 500) +
                              ", C: " + std::to_string(1 + rng() % 50) + "}\n  unfilled: " +
                              (trial % 2 == 0 ? "redistribute" : "leave_unused") +
                              "\n  reserved:\n    - {id: miskin, when: miskin, share: 0.3}\n";
    const RuleSet rules = Rules(quota);
    std::vector<Person> people;
    const size_t n = rng() % 80;
    for (size_t i = 0; i < n; ++i) {
      people.push_back(Person{.nik = "N" + std::to_string(1000 + i),
                              .kel = std::string(1, "ABC"[rng() % 3]),
                              .skor = static_cast<int64_t>(rng() % 5),
                              .layak = rng() % 5 != 0,
                              .miskin = rng() % 4 == 0});
    }
    const Allocated run(rules, people);
    const Allocation& a = run.allocation;
    ASSERT_EQ(a.rows.size(), n);
    EXPECT_EQ(a.selected + a.waitlisted + a.ineligible + a.invalid, static_cast<int64_t>(n));
    EXPECT_LE(a.selected, seats);
    const PoolOutcome& pool = a.pools[0];
    int64_t quota_sum = 0;
    for (const AreaOutcome& area : pool.areas) {
      quota_sum += area.quota;
      // Phase 1: no area gets more of its own quota than apportioned.
      EXPECT_LE(area.selected - area.redistributed_in, area.quota);
    }
    EXPECT_EQ(quota_sum, seats);
    // Room reserved up front, for more or fewer rows than come, changes nothing.
    for (const size_t room : {n / 2, 3 * n + 1}) {
      Allocator reserved(rules);
      reserved.Reserve(room);
      reserved.Add(run.table, run.decisions);
      const absl::StatusOr<Allocation> same = reserved.Finish();
      ASSERT_TRUE(same.ok()) << same.status();
      ASSERT_EQ(same->rows.size(), n);
      for (size_t i = 0; i < n; ++i) {
        const RowAllocation& x = a.rows[i];
        const RowAllocation& y = same->rows[i];
        EXPECT_TRUE(x.status == y.status && x.pool == y.pool && x.area == y.area && x.rank == y.rank &&
                    x.monthly_premium == y.monthly_premium && x.score == y.score)
            << "trial " << trial << ", room " << room << ", row " << i;
      }
    }
    // Within an area nobody waits while a lower-priority non-reserved candidate got an open seat
    // of that area's own quota.
    for (size_t w = 0; w < n; ++w) {
      if (a.rows[w].status != AllocationStatus::kWaitlisted) continue;
      for (size_t s = 0; s < n; ++s) {
        const RowAllocation& sel = a.rows[s];
        if (sel.status != AllocationStatus::kSelected || sel.redistributed || sel.area != a.rows[w].area) continue;
        if (people[s].miskin) continue;  // may hold a reserved seat
        const bool waiting_is_better =
            people[w].skor > people[s].skor || (people[w].skor == people[s].skor && people[w].nik < people[s].nik);
        EXPECT_FALSE(waiting_is_better) << "trial " << trial << ": row " << w << " waits behind row " << s;
      }
    }
    // Shuffled input, same allocation per person.
    std::vector<size_t> perm(n);
    for (size_t i = 0; i < n; ++i) perm[i] = i;
    std::shuffle(perm.begin(), perm.end(), rng);
    std::vector<Person> shuffled;
    for (size_t i : perm) shuffled.push_back(people[i]);
    const Allocated again(rules, shuffled);
    for (size_t i = 0; i < n; ++i) {
      const RowAllocation& x = a.rows[perm[i]];
      const RowAllocation& y = again.allocation.rows[i];
      EXPECT_EQ(x.status, y.status) << "trial " << trial;
      EXPECT_EQ(x.area, y.area);
      EXPECT_EQ(x.rank, y.rank);
      EXPECT_EQ(x.redistributed, y.redistributed);
    }
  }
}

}  // namespace
}  // namespace aturan
