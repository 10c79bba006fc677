// Premiums that depend on the candidate (program.premiums.*.per_person): compiled, checked,
// and read by RuleSet::MonthlyPremium with the nominal amount as the fallback.
#include <string>
#include <vector>

#include "absl/strings/str_replace.h"
#include "aturan/record.hpp"
#include "aturan/rule_set.hpp"
#include "core/test_rules.hpp"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace aturan {
namespace {

using ::testing::HasSubstr;

// The test rule file with JKK given per person as `per_person`.
LoadResult LoadWithJkk(const std::string& per_person) {
  const std::string yaml = absl::StrReplaceAll(
      testing::RuleFileWith("true"),
      {{"premiums: {jkk: 10000, jkm: 6800}",
        "premiums:\n    jkk: {value: 10000, per_person: '" + per_person + "'}\n    jkm: 6800"}});
  return RuleSet::Load(yaml, "uji.yaml");
}

int64_t PremiumWithIncome(const RuleSet& rules, const char* income) {
  Record record(rules);
  EXPECT_TRUE(record.Set("nik", "3375014507900001").ok());
  if (income != nullptr) {
    EXPECT_TRUE(record.Set("m", income).ok());
  }
  const std::vector<int> both{0, 1};
  return rules.MonthlyPremium(record.values(), both);
}

TEST(PerPersonPremium, IsTheCandidatesAmountOrTheNominalWhenMissing) {
  const LoadResult loaded = LoadWithJkk("max(10000, m * 0.01)");
  ASSERT_NE(loaded.rules, nullptr) << FormatDiagnostics(loaded.diagnostics);
  const RuleSet& rules = *loaded.rules;
  EXPECT_EQ(rules.premiums()[0].per_person, "max(10000, m * 0.01)");
  EXPECT_EQ(rules.monthly_premium(), 16800);  // nominal
  EXPECT_EQ(PremiumWithIncome(rules, "3000000"), 30000 + 6800);
  EXPECT_EQ(PremiumWithIncome(rules, "100"), 10000 + 6800);
  EXPECT_EQ(PremiumWithIncome(rules, "1234567"), 12346 + 6800);  // 12,345.67 rounded
  EXPECT_EQ(PremiumWithIncome(rules, nullptr), 10000 + 6800);     // no income: nominal
  const std::vector<int> jkm_only{1};
  Record record(rules);
  EXPECT_EQ(rules.MonthlyPremium(record.values(), jkm_only), 6800);
}

TEST(PerPersonPremium, ANegativeAmountCountsAsZero) {
  const LoadResult loaded = LoadWithJkk("m - 5000000");
  ASSERT_NE(loaded.rules, nullptr) << FormatDiagnostics(loaded.diagnostics);
  EXPECT_EQ(PremiumWithIncome(*loaded.rules, "1000000"), 6800);
}

TEST(PerPersonPremium, MustBeANumber) {
  const LoadResult loaded = LoadWithJkk("s");
  ASSERT_EQ(loaded.rules, nullptr);
  ASSERT_FALSE(loaded.diagnostics.empty());
  EXPECT_THAT(loaded.diagnostics[0].message, HasSubstr("premium 'jkk': per_person must be an amount (a number), got string"));
  EXPECT_GT(loaded.diagnostics[0].line, 0u);
  const LoadResult unknown = LoadWithJkk("penghasilan * 0.01");
  ASSERT_EQ(unknown.rules, nullptr);
  EXPECT_THAT(FormatDiagnostics(unknown.diagnostics), HasSubstr("unknown name 'penghasilan'"));
}

}  // namespace
}  // namespace aturan
