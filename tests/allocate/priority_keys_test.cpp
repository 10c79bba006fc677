// PriorityKeys: Order sorts exactly as Before says, whatever the key types, directions,
// missing values, negative or equal scores and shared string prefixes; keys gathered per
// chunk and appended order as keys added one by one.
#include "allocate/priority_keys.hpp"

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "gtest/gtest.h"

namespace aturan::internal {
namespace {

// A rule file whose priority.order is `order` over fields of every key type.
RuleSet RulesWithOrder(const std::string& order) {
  const std::string yaml = absl::StrReplaceAll(R"(aturan: 1
regulation: {id: uji-urutan, title: Uji urutan, region: "33.75", source: tests/allocate, effective: 2024-01-01}
schema:
  nik: {type: string, required: true, key: true}
  nama: {type: string}
  lahir: {type: date}
  nilai: {type: decimal}
  anak: {type: int}
eligibility:
  - {id: selalu, when: "true", reason: selalu}
priority:
  score: 0
  order: ORDER
program:
  name: Uji
  reference_date: 2024-01-01
  coverage_months: 12
  premiums: {jkk: 10000}
)", {{"ORDER", order}});
  absl::StatusOr<RuleSet> rules = RuleSet::FromString(yaml, "order.yaml");
  EXPECT_TRUE(rules.ok()) << rules.status();
  return *std::move(rules);
}

// One candidate's score and order values; the strings live here.
struct Candidate {
  double score = 0;
  std::string name;
  bool name_missing = false;
  int32_t born = 0;
  bool born_missing = false;
  double value = 0;
  int64_t children = 0;
  std::string nik;
};

// Candidates with many ties: few scores (negative and -0 among them), names sharing long
// prefixes (longer than the 8 bytes compared up front) or missing, few birth dates.
std::vector<Candidate> RandomCandidates(size_t n, uint32_t seed) {
  std::mt19937 random(seed);
  const std::vector<double> scores = {-5, -0.0, 0, 2.5, 10, 80};
  const std::vector<std::string> prefixes = {"", "Siti", "Siti Aminah", "Siti Aminah binti ", "Budi\xc3\xa9"};
  std::vector<Candidate> out(n);
  for (size_t i = 0; i < n; ++i) {
    Candidate& c = out[i];
    c.score = scores[random() % scores.size()];
    c.name = absl::StrCat(prefixes[random() % prefixes.size()], std::string(random() % 3, 'a' + random() % 3));
    c.name_missing = random() % 10 == 0;
    c.born = static_cast<int32_t>(random() % 7) - 3;
    c.born_missing = random() % 8 == 0;
    c.value = (static_cast<double>(random() % 9) - 4) / 4;
    c.children = static_cast<int64_t>(random() % 5) - 2;
    c.nik = absl::StrCat(3375010000000000 + random() % 1000);
  }
  return out;
}

// Adds `c` (input row `row`) as the evaluator would decide it under `rules`.
void AddCandidate(const RuleSet& rules, const Candidate& c, uint64_t row, PriorityKeys* keys) {
  Decision decision;
  decision.status = Status::kEligible;
  decision.score = c.score;
  std::vector<Value> record(rules.fields().size());
  for (size_t slot = 0; slot < rules.fields().size(); ++slot) {
    const std::string& name = rules.fields()[slot].name;
    record[slot] = name == "nik"     ? Value::String(c.nik)
                   : name == "nama"  ? (c.name_missing ? Value::MissingOf(Type::kString) : Value::String(c.name))
                   : name == "lahir" ? (c.born_missing ? Value::MissingOf(Type::kDate) : Value::FromDate(Date{c.born}))
                   : name == "nilai" ? Value::Decimal(c.value)
                                     : Value::Int(c.children);
  }
  for (const OrderKeyInfo& key : rules.order_keys()) decision.order_key[decision.order_key_size++] = record[key.slot];
  keys->Add(decision, record, row);
}

// Every candidate index ordered by Before alone.
LargeVector<uint32_t> OrderByBefore(const PriorityKeys& keys) {
  LargeVector<uint32_t> order(keys.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return keys.Before(a, b); });
  return order;
}

class PriorityKeysOrder : public ::testing::TestWithParam<std::string> {};

TEST_P(PriorityKeysOrder, OrderIsBeforesOrderOnOneAndTwoThreads) {
  const RuleSet rules = RulesWithOrder(GetParam());
  const std::vector<Candidate> candidates = RandomCandidates(3000, 7);
  PriorityKeys keys(rules);
  for (size_t i = 0; i < candidates.size(); ++i) AddCandidate(rules, candidates[i], i, &keys);
  const LargeVector<uint32_t> expected = OrderByBefore(keys);
  EXPECT_EQ(keys.Order(1), expected);
  EXPECT_EQ(keys.Order(2), expected);
}

INSTANTIATE_TEST_SUITE_P(KeyTypesAndDirections, PriorityKeysOrder,
                         ::testing::Values("[nama, nik]", "[{field: nama, direction: desc}, nik]",
                                           "[{field: lahir, direction: asc}, nik]",
                                           "[{field: lahir, direction: desc}, nama, nik]",
                                           "[{field: nilai, direction: desc}, nik]", "[anak, nik]",
                                           "[{field: anak, direction: desc}, lahir, nik]"));

TEST(PriorityKeys, ParallelSortOfAManyCandidatesListIsBeforesOrder) {
  // Above the size from which Order sorts on several threads and merges.
  const RuleSet rules = RulesWithOrder("[{field: lahir, direction: desc}, nama, nik]");
  const std::vector<Candidate> candidates = RandomCandidates(250'000, 11);
  PriorityKeys keys(rules);
  for (size_t i = 0; i < candidates.size(); ++i) AddCandidate(rules, candidates[i], i, &keys);
  const LargeVector<uint32_t> expected = OrderByBefore(keys);
  EXPECT_EQ(keys.Order(1), expected);
  EXPECT_EQ(keys.Order(2), expected);
  EXPECT_EQ(keys.Order(3), expected);
}

TEST(PriorityKeys, KeysAppendedPerChunkOrderAsKeysAddedOneByOne) {
  const RuleSet rules = RulesWithOrder("[nama, {field: lahir, direction: desc}, nik]");
  const std::vector<Candidate> candidates = RandomCandidates(2000, 3);
  PriorityKeys whole(rules);
  for (size_t i = 0; i < candidates.size(); ++i) AddCandidate(rules, candidates[i], i, &whole);
  // Chunks of uneven sizes, each numbering its rows from 0.
  PriorityKeys appended(rules);
  for (size_t begin = 0, size = 1; begin < candidates.size(); begin += size, size = size * 3 + 1) {
    PriorityKeys chunk(rules);
    const size_t end = std::min(candidates.size(), begin + size);
    for (size_t i = begin; i < end; ++i) AddCandidate(rules, candidates[i], i - begin, &chunk);
    appended.Append(chunk, begin);
  }
  ASSERT_EQ(appended.size(), whole.size());
  for (uint32_t i = 0; i < whole.size(); ++i) {
    EXPECT_EQ(appended.row(i), whole.row(i));
    EXPECT_EQ(appended.score(i), whole.score(i));
  }
  EXPECT_EQ(appended.Order(1), whole.Order(1));
  EXPECT_EQ(appended.Order(1), OrderByBefore(appended));
}

}  // namespace
}  // namespace aturan::internal
