// CompareOnList on the nine-row list of compare_rules.hpp, every count worked out by hand
// (see the comments), with and without a quota and with per-person premiums; the change list
// has every row once, in order; and a larger list gives the same result on 1 and 2 threads.
#include <cstdio>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "aturan/comparison.hpp"
#include "compare_rules.hpp"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace aturan {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::CompareRulesYaml;
using testing::LoadCompareRules;
using testing::WriteCompareList;

constexpr int64_t kYear = 16800 * 12;  // one participant's premiums over 12 months

// Old: no quota; eligible when umur <= 60 and pekerjaan is becak or parkir:
//   P01 eligible, P02 too old, P03 batik, P04 pns, P05 too old and batik, P06 too old,
//   P07 eligible, P08 invalid (occupation not in the list), P09 eligible.
RuleSet OldRules() { return LoadCompareRules(CompareRulesYaml("lama", 60, "becak, parkir")); }

// New without a quota: umur <= 65, becak or batik: P01, P03, P05, P07 eligible.
RuleSet NewRulesWithoutQuota() { return LoadCompareRules(CompareRulesYaml("baru", 65, "becak, batik")); }

// New with a quota of 1 seat in A and 2 in B, breadwinners first, then by id:
//   A: P01 (50 points) selected, P05 waits; B: P03 (50) and P07 selected.
RuleSet NewRulesWithQuota() {
  return LoadCompareRules(CompareRulesYaml("baru", 65, "becak, batik", "",
                                           "priority:\n  terms:\n    - {id: tp, when: tulang_punggung, points: 50}\n"
                                           "  order: [id]",
                                           "quota:\n  by: kelurahan\n  basis: fixed\n  areas: {A: 1, B: 2}"));
}

// The text of an anonymous temporary file.
std::string ReadBack(std::FILE* file) {
  std::string text;
  std::rewind(file);
  char buffer[4096];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0) text.append(buffer, n);
  return text;
}

// The change list's lines without the header, each split into its fields (no field here
// holds a comma but the reasons, which come last).
std::vector<std::vector<std::string>> ChangeLines(const std::string& csv) {
  std::vector<std::vector<std::string>> lines;
  std::istringstream in(csv);
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line, "row,nik,old_status,new_status,change,old_pool,new_pool,area,old_failed,old_reasons,new_failed,new_reasons");
  while (std::getline(in, line)) lines.push_back(absl::StrSplit(line, ','));
  return lines;
}

const BreakdownItem* Item(const std::optional<Breakdown>& breakdown, const std::string& code) {
  if (!breakdown) return nullptr;
  for (const BreakdownItem& item : breakdown->items) {
    if (item.code == code) return &item;
  }
  return nullptr;
}

TEST(CompareOnList, WithoutQuotasCoveredMeansEligible) {
  const std::string list = WriteCompareList("tanpa_kuota.csv");
  absl::StatusOr<ListEffect> effect = CompareOnList(OldRules(), NewRulesWithoutQuota(), list);
  ASSERT_TRUE(effect.ok()) << effect.status();
  EXPECT_EQ(effect->rows, 9u);
  // Old covered P01 P07 P09; new covered P01 P03 P05 P07.
  EXPECT_EQ(effect->old_side.covered, 3);
  EXPECT_EQ(effect->new_side.covered, 4);
  EXPECT_EQ(effect->gained, 2);           // P03, P05
  EXPECT_EQ(effect->lost, 1);             // P09 (parkir is no longer covered)
  EXPECT_EQ(effect->stayed_covered, 2);   // P01, P07
  EXPECT_EQ(effect->stayed_uncovered, 4); // P02, P04, P06, P08
  EXPECT_EQ(effect->old_side.invalid, 1);
  EXPECT_EQ(effect->new_side.ineligible, 4);
  EXPECT_FALSE(effect->new_side.has_quota);
  EXPECT_EQ(effect->old_side.cost, 3 * kYear);
  EXPECT_EQ(effect->new_side.cost, 4 * kYear);
  const auto& t = effect->transitions;
  const auto at = [&t](CoverStatus o, CoverStatus n) { return t[static_cast<size_t>(o)][static_cast<size_t>(n)]; };
  EXPECT_EQ(at(CoverStatus::kEligible, CoverStatus::kEligible), 2);
  EXPECT_EQ(at(CoverStatus::kIneligible, CoverStatus::kEligible), 2);
  EXPECT_EQ(at(CoverStatus::kEligible, CoverStatus::kIneligible), 1);
  EXPECT_EQ(at(CoverStatus::kIneligible, CoverStatus::kIneligible), 3);
  EXPECT_EQ(at(CoverStatus::kInvalid, CoverStatus::kInvalid), 1);

  // Target groups: tulang_punggung P01 P03 P06; dtks P02 P05 P06 P07.
  ASSERT_EQ(effect->groups.size(), 2u);
  EXPECT_EQ(effect->groups[0].field, "tulang_punggung");
  EXPECT_EQ(effect->groups[0].label, "Pencari nafkah utama");
  EXPECT_EQ(effect->groups[0].rows, 3);
  EXPECT_EQ(effect->groups[0].old_covered, 1);
  EXPECT_EQ(effect->groups[0].new_covered, 2);
  EXPECT_EQ(effect->groups[0].gained, 1);
  EXPECT_EQ(effect->groups[0].lost, 0);
  EXPECT_EQ(effect->groups[1].field, "dtks");
  EXPECT_EQ(effect->groups[1].rows, 4);
  EXPECT_EQ(effect->groups[1].old_covered, 1);
  EXPECT_EQ(effect->groups[1].new_covered, 2);

  // Areas by the first code field named like kelurahan: A has P01 P02 P05 P08, B the rest.
  ASSERT_TRUE(effect->areas.has_value());
  EXPECT_EQ(effect->areas->field, "kelurahan");
  const BreakdownItem* a = Item(effect->areas, "A");
  const BreakdownItem* b = Item(effect->areas, "B");
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(a->name, "Kelurahan A");
  EXPECT_EQ(a->old_quota, std::nullopt);
  EXPECT_EQ(a->old_covered, 1);
  EXPECT_EQ(a->new_covered, 2);
  EXPECT_EQ(a->gained, 1);
  EXPECT_EQ(a->lost, 0);
  EXPECT_EQ(a->new_cost, 2 * kYear);
  EXPECT_EQ(b->old_covered, 2);
  EXPECT_EQ(b->new_covered, 2);
  EXPECT_EQ(b->gained, 1);
  EXPECT_EQ(b->lost, 1);

  // Occupations with someone covered: becak 2 -> 2, parkir 1 -> 0, batik 0 -> 2 (pns left out).
  ASSERT_TRUE(effect->occupations.has_value());
  ASSERT_EQ(effect->occupations->items.size(), 3u);
  EXPECT_EQ(effect->occupations->items[0].code, "becak");
  EXPECT_EQ(effect->occupations->items[1].code, "parkir");
  EXPECT_EQ(effect->occupations->items[1].lost, 1);
  EXPECT_EQ(effect->occupations->items[2].code, "batik");
  EXPECT_EQ(effect->occupations->items[2].gained, 2);
  EXPECT_EQ(effect->occupations->items[2].new_cost, 2 * kYear);
}

TEST(CompareOnList, QuotaOnTheNewSideAndTheChangeList) {
  const std::string list = WriteCompareList("kuota.csv");
  std::FILE* changes = std::tmpfile();
  ASSERT_NE(changes, nullptr);
  ListComparisonOptions options;
  options.changes = changes;
  absl::StatusOr<ListEffect> effect = CompareOnList(OldRules(), NewRulesWithQuota(), list, options);
  ASSERT_TRUE(effect.ok()) << effect.status();
  const std::string csv = ReadBack(changes);
  std::fclose(changes);

  // New: P01 P03 P07 selected, P05 waiting in A.
  EXPECT_TRUE(effect->new_side.has_quota);
  EXPECT_EQ(effect->new_side.seats, 3);
  EXPECT_EQ(effect->new_side.selected, 3);
  EXPECT_EQ(effect->new_side.waitlisted, 1);
  EXPECT_EQ(effect->new_side.eligible, 4);
  EXPECT_EQ(effect->new_side.covered, 3);
  EXPECT_EQ(effect->new_side.cost, 3 * kYear);
  EXPECT_EQ(effect->gained, 1);            // P03
  EXPECT_EQ(effect->lost, 1);              // P09
  EXPECT_EQ(effect->stayed_covered, 2);    // P01, P07
  EXPECT_EQ(effect->stayed_uncovered, 5);  // P02, P04, P05 (waiting), P06, P08
  const auto& t = effect->transitions;
  const auto at = [&t](CoverStatus o, CoverStatus n) { return t[static_cast<size_t>(o)][static_cast<size_t>(n)]; };
  EXPECT_EQ(at(CoverStatus::kEligible, CoverStatus::kSelected), 2);
  EXPECT_EQ(at(CoverStatus::kIneligible, CoverStatus::kSelected), 1);
  EXPECT_EQ(at(CoverStatus::kIneligible, CoverStatus::kWaitlisted), 1);
  EXPECT_EQ(at(CoverStatus::kEligible, CoverStatus::kIneligible), 1);

  const BreakdownItem* a = Item(effect->areas, "A");
  const BreakdownItem* b = Item(effect->areas, "B");
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(a->old_quota, std::nullopt);
  EXPECT_EQ(a->new_quota, 1);
  EXPECT_EQ(b->new_quota, 2);
  EXPECT_EQ(a->new_covered, 1);
  EXPECT_EQ(b->new_covered, 2);
  EXPECT_EQ(b->gained, 1);
  EXPECT_EQ(b->lost, 1);
  EXPECT_EQ(b->new_cost, 2 * kYear);

  // Every row once, in input order.
  ASSERT_EQ(effect->row_changes.size(), 9u);
  const std::vector<std::vector<std::string>> lines = ChangeLines(csv);
  ASSERT_EQ(lines.size(), 9u);
  for (size_t i = 0; i < lines.size(); ++i) {
    ASSERT_GE(lines[i].size(), 10u) << i;
    EXPECT_EQ(lines[i][0], std::to_string(i + 1));
    EXPECT_EQ(lines[i][1], "P0" + std::to_string(i + 1));
  }
  EXPECT_THAT(lines[0], ::testing::IsSupersetOf({"eligible", "selected", "stayed_covered", "A"}));
  EXPECT_EQ(lines[2][2], "ineligible");  // P03: batik was not covered...
  EXPECT_EQ(lines[2][3], "selected");    // ...and now has a seat
  EXPECT_EQ(lines[2][4], "gained");
  EXPECT_EQ(lines[2][6], "baru");        // the one pool carries the regulation's id
  EXPECT_EQ(lines[2][8], "rentan");
  EXPECT_EQ(lines[4][3], "waitlisted");  // P05
  EXPECT_EQ(lines[4][4], "stayed_uncovered");
  EXPECT_EQ(lines[4][10], "kuota");
  EXPECT_EQ(lines[7][2], "invalid");     // P08
  EXPECT_EQ(lines[7][8], "input:pekerjaan");
  EXPECT_EQ(lines[8][4], "lost");        // P09
  EXPECT_EQ(lines[8][7], "B");
  EXPECT_EQ(lines[8][10], "rentan");

  // The Markdown memo shows the same numbers.
  Comparison comparison{"lama.yaml", "baru.yaml", "daftar.csv", CompareRules(OldRules(), NewRulesWithQuota()),
                        *effect};
  const std::string memo = ComparisonMarkdown(comparison);
  EXPECT_THAT(memo, HasSubstr("| **Tertanggung** | 3 | 3 | 0 |"));
  EXPECT_THAT(memo, HasSubstr("| Daftar tunggu | 0 | 1 | +1 |"));
  EXPECT_THAT(memo, HasSubstr("| **Biaya** | Rp604.800 | Rp604.800 | Rp0 |"));
  EXPECT_THAT(memo, HasSubstr("| B | Kelurahan B | - | 2 | 2 | 2 | +1 | -1 | Rp403.200 | Rp403.200 |"));
  EXPECT_THAT(memo, HasSubstr("`usia_maksimum` | 60 | 65 |"));
}

TEST(CompareOnList, PerPersonPremiumsAreCostedPerParticipant) {
  // JKK at 1,000 per year of age: P01 (30) 30,000 + 6,800; P03 (40) 46,800; P07 (50) 56,800.
  const std::string yaml = absl::StrReplaceAll(
      CompareRulesYaml("baru", 65, "becak, batik", "",
                       "priority:\n  terms:\n    - {id: tp, when: tulang_punggung, points: 50}\n  order: [id]",
                       "quota:\n  by: kelurahan\n  basis: fixed\n  areas: {A: 1, B: 2}"),
      {{"premiums: {jkk: 10000, jkm: 6800}",
        "premiums:\n    jkk: {value: 10000, per_person: \"umur * 1000\"}\n    jkm: 6800"}});
  const std::string list = WriteCompareList("per_orang.csv");
  absl::StatusOr<ListEffect> effect = CompareOnList(OldRules(), LoadCompareRules(yaml), list);
  ASSERT_TRUE(effect.ok()) << effect.status();
  EXPECT_EQ(effect->new_side.cost, (36800 + 46800 + 56800) * 12);
  const BreakdownItem* b = Item(effect->areas, "B");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->new_cost, (46800 + 56800) * 12);
  // The old side (no quota, fixed premiums) is costed as before.
  EXPECT_EQ(effect->old_side.cost, 3 * kYear);
}

TEST(CompareOnList, SameResultOnOneAndTwoThreadsOverManyChunks) {
  std::mt19937 random(11);
  std::string text = "id,kelurahan,pekerjaan,umur,tulang_punggung,dtks\n";
  const char* occupations[] = {"becak", "parkir", "batik", "pns", "tidak-ada"};
  const int rows = 3000;
  for (int i = 0; i < rows; ++i) {
    text += "Q" + std::to_string(100000 + i) + "," + (random() % 2 == 0 ? "A" : "B") + "," + occupations[random() % 5] +
            "," + std::to_string(18 + random() % 55) + "," + (random() % 3 == 0 ? "ya" : "tidak") + "," +
            (random() % 2 == 0 ? "ya" : "") + "\n";
  }
  const std::string list = WriteCompareList("banyak.csv", text);
  const std::string new_yaml = absl::StrReplaceAll(
      CompareRulesYaml("baru", 65, "becak, batik", "",
                       "priority:\n  terms:\n    - {id: tp, when: tulang_punggung, points: 50}\n  order: [id]",
                       "quota:\n  seats: 700\n  by: kelurahan\n  basis: fixed\n  areas: {A: 300, B: 400}"),
      {{"  seats: 700\n", ""}});
  const RuleSet old_rules = OldRules();
  const RuleSet new_rules = LoadCompareRules(new_yaml);
  std::vector<std::string> jsons, csvs;
  for (int threads : {1, 2}) {
    ListComparisonOptions options;
    options.threads = threads;
    options.old_list.chunk_rows = 128;
    options.new_list.chunk_rows = 200;  // the passes need not chunk alike
    std::FILE* changes = std::tmpfile();
    ASSERT_NE(changes, nullptr);
    options.changes = changes;
    absl::StatusOr<ListEffect> effect = CompareOnList(old_rules, new_rules, list, options);
    ASSERT_TRUE(effect.ok()) << effect.status();
    csvs.push_back(ReadBack(changes));
    std::fclose(changes);
    EXPECT_EQ(effect->rows, static_cast<uint64_t>(rows));
    EXPECT_EQ(effect->gained + effect->lost + effect->stayed_covered + effect->stayed_uncovered, rows);
    EXPECT_LE(effect->new_side.selected, 700);
    jsons.push_back(ComparisonJson(Comparison{"a", "b", "c", CompareRules(old_rules, new_rules), *effect}));
    // Counted again from the row changes.
    int64_t gained = 0;
    for (const RowChange& row : effect->row_changes) gained += ChangeOf(row) == CoverChange::kGained ? 1 : 0;
    EXPECT_EQ(gained, effect->gained);
  }
  EXPECT_EQ(jsons[0], jsons[1]);
  EXPECT_EQ(csvs[0], csvs[1]);
  const std::vector<std::vector<std::string>> lines = ChangeLines(csvs[0]);
  ASSERT_EQ(lines.size(), static_cast<size_t>(rows));
  for (int i = 0; i < rows; ++i) {
    EXPECT_EQ(lines[static_cast<size_t>(i)][0], std::to_string(i + 1));
    EXPECT_EQ(lines[static_cast<size_t>(i)][1], "Q" + std::to_string(100000 + i));
  }
}

TEST(CompareOnList, UnreadableListIsAnError) {
  absl::StatusOr<ListEffect> effect = CompareOnList(OldRules(), NewRulesWithQuota(), "/nonexistent/daftar.csv");
  EXPECT_FALSE(effect.ok());
  EXPECT_THAT(std::string(effect.status().message()), HasSubstr("/nonexistent/daftar.csv"));
}

}  // namespace
}  // namespace aturan
