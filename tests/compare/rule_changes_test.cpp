// CompareRules on small hand-written rule files: an occupation added to a list, a parameter
// changed, rules added and changed (and one only re-laid-out, which is no change), the
// priority, the quota, fields and premiums.
#include <string>

#include "absl/strings/str_replace.h"
#include "aturan/comparison.hpp"
#include "compare_rules.hpp"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace aturan {
namespace {

using testing::CompareRulesYaml;
using testing::LoadCompareRules;

TEST(CompareRules, SameRulesUnderAnotherIdHaveNoChanges) {
  const RuleSet old_rules = LoadCompareRules(CompareRulesYaml("lama", 60, "becak, parkir"));
  const RuleSet new_rules = LoadCompareRules(CompareRulesYaml("baru", 60, "becak, parkir"));
  EXPECT_TRUE(CompareRules(old_rules, new_rules).empty());
}

TEST(CompareRules, OccupationAddedToTheRentanListAndAnotherRemoved) {
  const RuleSet old_rules = LoadCompareRules(CompareRulesYaml("lama", 60, "becak, parkir"));
  const RuleSet new_rules = LoadCompareRules(CompareRulesYaml("baru", 60, "becak, batik"));
  const RuleChanges changes = CompareRules(old_rules, new_rules);
  ASSERT_EQ(changes.lists.size(), 1u);
  EXPECT_EQ(changes.lists[0].name, "pekerjaan_rentan");
  ASSERT_EQ(changes.lists[0].added.size(), 1u);
  EXPECT_EQ(changes.lists[0].added[0].code, "batik");
  EXPECT_EQ(changes.lists[0].added[0].name, "Buruh batik");
  ASSERT_EQ(changes.lists[0].removed.size(), 1u);
  EXPECT_EQ(changes.lists[0].removed[0].code, "parkir");
  EXPECT_EQ(changes.lists[0].removed[0].name, "Tukang parkir");
  EXPECT_TRUE(changes.parameters.empty());
  EXPECT_TRUE(changes.rules.empty());
}

TEST(CompareRules, NewCodeInTheOccupationList) {
  const RuleSet old_rules = LoadCompareRules(CompareRulesYaml("lama", 60, "becak, parkir"));
  const std::string new_yaml = absl::StrReplaceAll(
      CompareRulesYaml("baru", 60, "becak, parkir, ojol"),
      {{"      - {code: pns, name: PNS}\n", "      - {code: pns, name: PNS}\n      - {code: ojol, name: Ojek daring}\n"}});
  const RuleChanges changes = CompareRules(old_rules, LoadCompareRules(new_yaml));
  ASSERT_EQ(changes.lists.size(), 2u);
  EXPECT_EQ(changes.lists[0].name, "pekerjaan");
  ASSERT_EQ(changes.lists[0].added.size(), 1u);
  EXPECT_EQ(changes.lists[0].added[0].code, "ojol");
  EXPECT_EQ(changes.lists[0].added[0].name, "Ojek daring");
  EXPECT_TRUE(changes.lists[0].removed.empty());
  EXPECT_EQ(changes.lists[1].name, "pekerjaan_rentan");
  ASSERT_EQ(changes.lists[1].added.size(), 1u);
  EXPECT_EQ(changes.lists[1].added[0].code, "ojol");
}

TEST(CompareRules, ParameterValueOnEachFilesReferenceDate) {
  const RuleSet old_rules = LoadCompareRules(CompareRulesYaml("lama", 60, "becak, parkir"));
  const RuleSet new_rules = LoadCompareRules(CompareRulesYaml("baru", 65, "becak, parkir"));
  const RuleChanges changes = CompareRules(old_rules, new_rules);
  ASSERT_EQ(changes.parameters.size(), 1u);
  EXPECT_EQ(changes.parameters[0].name, "usia_maksimum");
  EXPECT_EQ(changes.parameters[0].old_value, "60");
  EXPECT_EQ(changes.parameters[0].new_value, "65");
}

TEST(CompareRules, DatedParameterIsReadForTheReferenceDate) {
  const std::string dated = R"(  batas: {type: money, values: {2020-01-01: {value: 2_000_000}, 2024-01-01: {value: 2_500_000}}}
eligibility:)";
  const auto with_limit = [&](const std::string& id, const std::string& date) {
    return absl::StrReplaceAll(CompareRulesYaml(id, 60, "becak, parkir", "  - {id: batas, when: umur < batas, reason: x}"),
                               {{"eligibility:", dated}, {"reference_date: 2024-01-01", "reference_date: " + date}});
  };
  const RuleChanges changes =
      CompareRules(LoadCompareRules(with_limit("lama", "2023-06-01")), LoadCompareRules(with_limit("baru", "2024-06-01")));
  ASSERT_EQ(changes.parameters.size(), 1u);
  EXPECT_EQ(changes.parameters[0].name, "batas");
  EXPECT_EQ(changes.parameters[0].old_value, "Rp2.000.000");
  EXPECT_EQ(changes.parameters[0].new_value, "Rp2.500.000");
}

TEST(CompareRules, RuleAddedChangedAndOnlyReLaidOut) {
  const RuleSet old_rules = LoadCompareRules(
      CompareRulesYaml("lama", 60, "becak, parkir", "  - {id: dewasa, when: umur >= 18, reason: Belum dewasa}"));
  std::string new_yaml = CompareRulesYaml("baru", 60, "becak, parkir",
                                          "  - {id: dewasa, when: umur >= 17, reason: Belum dewasa}\n"
                                          "  - {id: bukan_pns, when: pekerjaan != \"pns\", reason: PNS}");
  // The same `usia` rule written over two lines with a comment: not a change.
  new_yaml = absl::StrReplaceAll(new_yaml, {{"when: umur <= usia_maksimum,", "when: \"umur  # usia\\n   <= usia_maksimum\","}});
  const RuleChanges changes = CompareRules(old_rules, LoadCompareRules(new_yaml));
  ASSERT_EQ(changes.rules.size(), 2u);
  EXPECT_EQ(changes.rules[0].id, "dewasa");
  EXPECT_EQ(changes.rules[0].change, ChangeKind::kChanged);
  EXPECT_EQ(changes.rules[0].old_when, "umur >= 18");
  EXPECT_EQ(changes.rules[0].new_when, "umur >= 17");
  EXPECT_EQ(changes.rules[1].id, "bukan_pns");
  EXPECT_EQ(changes.rules[1].change, ChangeKind::kAdded);
  EXPECT_EQ(changes.rules[1].old_when, std::nullopt);
  EXPECT_EQ(changes.rules[1].new_when, "pekerjaan != \"pns\"");
  // ...and the other way round it is removed.
  const RuleChanges back = CompareRules(LoadCompareRules(new_yaml), old_rules);
  ASSERT_EQ(back.rules.size(), 2u);
  EXPECT_EQ(back.rules[1].id, "bukan_pns");
  EXPECT_EQ(back.rules[1].change, ChangeKind::kRemoved);
}

TEST(CompareRules, PriorityQuotaFieldsAndPremiums) {
  const RuleSet old_rules = LoadCompareRules(CompareRulesYaml("lama", 60, "becak, parkir"));
  std::string new_yaml = CompareRulesYaml("baru", 60, "becak, parkir", "",
                                          "priority:\n  terms:\n    - {id: tp, when: tulang_punggung, points: 50}\n"
                                          "  order: [id]",
                                          "quota:\n  seats: 3\n  by: kelurahan\n  basis: fixed\n"
                                          "  areas: {A: 1, B: 2}");
  new_yaml = absl::StrReplaceAll(new_yaml, {{"  dtks: {type: bool, default: false}\n",
                                             "  miskin_ekstrem: {type: bool}\n  dtks: {type: code, list: kelurahan}\n"},
                                            {"jkm: 6800", "jkm: 7000"}});
  new_yaml = absl::StrReplaceAll(new_yaml, {{"quota:\n  seats: 3\n", "quota:\n"}});
  const RuleChanges changes = CompareRules(old_rules, LoadCompareRules(new_yaml));

  ASSERT_EQ(changes.fields.size(), 2u);
  EXPECT_EQ(changes.fields[0].name, "dtks");
  EXPECT_EQ(changes.fields[0].change, ChangeKind::kChanged);
  EXPECT_EQ(changes.fields[0].old_type, "bool");
  EXPECT_EQ(changes.fields[0].new_type, "code(kelurahan)");
  EXPECT_EQ(changes.fields[1].name, "miskin_ekstrem");
  EXPECT_EQ(changes.fields[1].change, ChangeKind::kAdded);
  EXPECT_EQ(changes.fields[1].old_type, "");

  ASSERT_EQ(changes.priority.size(), 2u);
  EXPECT_EQ(changes.priority[0].what, "score");
  EXPECT_EQ(changes.priority[0].old_text, "(tidak ada)");
  EXPECT_EQ(changes.priority[0].new_text, "tp +50: tulang_punggung");
  EXPECT_EQ(changes.priority[1].what, "order");
  EXPECT_EQ(changes.priority[1].new_text, "id");

  std::vector<std::string> quota_settings;
  for (const SettingChange& s : changes.quota) {
    EXPECT_EQ(s.old_text, "(tidak ada)") << s.what;
    quota_settings.push_back(s.what);
  }
  EXPECT_THAT(quota_settings, ::testing::ElementsAre("seats", "months", "by", "basis", "method", "unfilled", "pools"));
  EXPECT_EQ(changes.quota[0].new_text, "3");
  EXPECT_EQ(changes.quota[2].new_text, "kelurahan");
  EXPECT_EQ(changes.quota[3].new_text, "fixed (angka di berkas aturan)");

  ASSERT_EQ(changes.premiums.size(), 1u);
  EXPECT_EQ(changes.premiums[0].component, "jkm");
  EXPECT_EQ(changes.premiums[0].old_monthly, 6800);
  EXPECT_EQ(changes.premiums[0].new_monthly, 7000);
}

}  // namespace
}  // namespace aturan
