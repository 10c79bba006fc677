// Loading test files: cases with their positions, and every kind of mistake reported at
// test-file:line:column with a hint.
#include "ruletest/load_test_file.hpp"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ruletest/ruletest_fixture.hpp"

namespace aturan::ruletest {
namespace {

using ::testing::HasSubstr;
using ::testing::SizeIs;

class LoadTestFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    rules_path_ = testing::WriteFile("uji.yaml", testing::kRulesYaml);
    LoadResult loaded = RuleSet::LoadFile(rules_path_);
    ASSERT_NE(loaded.rules, nullptr) << FormatDiagnostics(loaded.diagnostics);
    rules_ = loaded.rules;
  }

  std::optional<TestFile> Load(const std::string& text) {
    diagnostics_.clear();
    const std::string path = testing::WriteFile("uji.test.yaml", text);
    return LoadTestFile(text, path, *rules_, rules_path_, &diagnostics_);
  }

  // The only diagnostic, as "line:column: message | hint".
  std::string OnlyError() {
    EXPECT_THAT(diagnostics_, SizeIs(1)) << FormatDiagnostics(diagnostics_);
    if (diagnostics_.empty()) return "";
    const Diagnostic& d = diagnostics_.front();
    return std::to_string(d.line) + ":" + std::to_string(d.column) + ": " + d.message + " | " + d.hint;
  }

  std::string rules_path_;
  std::shared_ptr<const RuleSet> rules_;
  std::vector<Diagnostic> diagnostics_;
};

TEST_F(LoadTestFileTest, TestFileOfRulesIsBesideIt) {
  EXPECT_EQ(TestFilePathFor("rules/kudus-2025.yaml"), "rules/kudus-2025.test.yaml");
  EXPECT_EQ(TestFilePathFor("a/b.yml"), "a/b.test.yml");
  EXPECT_EQ(TestFilePathFor("aturan"), "aturan.test.yaml");
}

TEST_F(LoadTestFileTest, ReadsCasesWithBaseFieldsAndPositions) {
  const std::optional<TestFile> file = Load(R"(rules: uji.yaml
base: {nik: "3375010101900001", kel: A, lahir: 1990-01-01, penghasilan: "1000000"}
candidates:
  - name: dasar
    expect: {status: eligible, failing: [], score: 0}
  - name: luar kota tanpa penghasilan
    reference_date: 2025-06-01
    fields: {kel: X, penghasilan: ~}
    expect:
      status: ineligible
      failing: [domisili, penghasilan]
      unknown: [penghasilan]
      reason: luar kota
allocations:
  - name: dua orang
    rows:
      - {nik: "3375010101900001"}
      - {nik: "3375010101900002", kel: B, miskin: ya}
    expect:
      selected: 2
      areas: {anggrek: {quota: 3}, B: {quota: 1, selected: 1}}
      people: {"3375010101900002": {status: selected, area: Kelurahan B}}
)");
  ASSERT_TRUE(file.has_value()) << FormatDiagnostics(diagnostics_);
  ASSERT_THAT(file->candidates, SizeIs(2));
  const CandidateCase& second = file->candidates[1];
  EXPECT_EQ(second.name, "luar kota tanpa penghasilan");
  EXPECT_EQ(second.at.line, 6u);
  EXPECT_EQ(second.at.column, 5u);
  EXPECT_EQ(second.reference_date, absl::CivilDay(2025, 6, 1));
  // base fields first, the case's own replacing them; ~ is a missing value
  ASSERT_THAT(second.fields, SizeIs(4));
  EXPECT_EQ(second.fields[1].field, "kel");
  EXPECT_EQ(second.fields[1].text, "X");
  EXPECT_TRUE(second.fields[3].missing);
  EXPECT_EQ(second.expect.status, Status::kIneligible);
  EXPECT_EQ(*second.expect.failing, (std::vector<std::string>{"domisili", "penghasilan"}));
  EXPECT_EQ(*second.expect.reason, "luar kota");

  ASSERT_THAT(file->allocations, SizeIs(1));
  const AllocationCase& allocation = file->allocations[0];
  EXPECT_EQ(allocation.inline_csv,
            "\"nik\",\"kel\",\"lahir\",\"penghasilan\",\"miskin\"\n"
            "\"3375010101900001\",\"A\",\"1990-01-01\",\"1000000\",\n"
            "\"3375010101900002\",\"B\",\"1990-01-01\",\"1000000\",\"ya\"\n");
  ASSERT_THAT(allocation.expect.pools, SizeIs(1));
  ASSERT_THAT(allocation.expect.pools[0].areas, SizeIs(2));
  EXPECT_EQ(allocation.expect.pools[0].areas[0].area, rules_->CodeId(rules_->FieldSlot("kel"), "A"));
  ASSERT_THAT(allocation.expect.people, SizeIs(1));
  EXPECT_EQ(allocation.expect.people[0].area, rules_->CodeId(rules_->FieldSlot("kel"), "B"));
}

TEST_F(LoadTestFileTest, UnknownKeyWithSuggestion) {
  EXPECT_FALSE(Load("candidates:\n  - name: a\n    expect: {status: eligible}\n    feilds: {kel: A}\n"));
  EXPECT_THAT(OnlyError(), HasSubstr("4:5: unknown key 'feilds' in candidates[1] | did you mean 'fields'?"));
}

TEST_F(LoadTestFileTest, WrongKindOfValue) {
  EXPECT_FALSE(Load("candidates:\n  - name: a\n    expect: {status: [eligible]}\n"));
  EXPECT_THAT(OnlyError(), HasSubstr("3:22: candidates[1].expect.status: expected text, got a list"));
}

TEST_F(LoadTestFileTest, DuplicateKeyIsAnError) {
  EXPECT_FALSE(Load("candidates:\n  - name: a\n    expect: {status: eligible}\n    name: b\n"));
  EXPECT_THAT(OnlyError(), HasSubstr("4:5: duplicate key 'name' (first on line 2)"));
}

TEST_F(LoadTestFileTest, UnknownFieldWithSuggestion) {
  EXPECT_FALSE(Load("base: {penghasilam: '1'}\ncandidates:\n  - {name: a, expect: {status: eligible}}\n"));
  EXPECT_THAT(OnlyError(), HasSubstr("1:8: unknown field 'penghasilam' in base | did you mean 'penghasilan'?"));
}

TEST_F(LoadTestFileTest, UnknownRuleIdWithSuggestion) {
  EXPECT_FALSE(Load("candidates:\n  - name: a\n    expect: {status: ineligible, failing: [domisili, usai]}\n"));
  EXPECT_THAT(OnlyError(), HasSubstr("3:54: candidates[1].expect.failing: unknown rule id 'usai' | did you mean 'usia'?"));
}

TEST_F(LoadTestFileTest, UnknownStatusWithSuggestion) {
  EXPECT_FALSE(Load("candidates:\n  - name: a\n    expect: {status: eligibel}\n"));
  EXPECT_THAT(OnlyError(), HasSubstr("unknown status 'eligibel' | did you mean 'eligible'?"));
}

TEST_F(LoadTestFileTest, ContradictoryExpectations) {
  EXPECT_FALSE(Load("candidates:\n  - name: a\n    expect: {status: eligible, failing: [usia]}\n"));
  EXPECT_THAT(OnlyError(), HasSubstr("an eligible candidate fails no rule"));
  EXPECT_FALSE(Load("candidates:\n  - name: a\n    expect: {status: invalid, failing: [usia]}\n"));
  EXPECT_THAT(OnlyError(), HasSubstr("an invalid record is not judged"));
  EXPECT_FALSE(Load("candidates:\n  - name: a\n    expect: {status: ineligible, failing: [usia], unknown: [penghasilan]}\n"));
  EXPECT_THAT(OnlyError(), HasSubstr("rule 'penghasilan' is undecided but not in 'failing'"));
}

TEST_F(LoadTestFileTest, CaseNamesAreUnique) {
  EXPECT_FALSE(Load("candidates:\n  - {name: a, expect: {status: eligible}}\n  - {name: a, expect: {status: eligible}}\n"));
  EXPECT_THAT(OnlyError(), HasSubstr("3:12: case name 'a' is already used on line 2"));
}

TEST_F(LoadTestFileTest, AllocationMistakes) {
  EXPECT_FALSE(Load("allocations:\n  - name: a\n    list: hilang.csv\n    expect: {selected: 1}\n"));
  EXPECT_THAT(OnlyError(), HasSubstr("3:11: allocations[1].list: cannot read the list"));
  EXPECT_FALSE(Load("allocations:\n  - name: a\n    rows: []\n    expect: {pools: {uji: {selected: 1}}}\n"));
  EXPECT_THAT(OnlyError(), HasSubstr("4:22: allocations[1].expect.pools: unknown pool 'uji' | the quota's pools: uji-tes"));
  EXPECT_FALSE(Load("allocations:\n  - name: a\n    rows: []\n    expect: {areas: {Z: {quota: 1}}}\n"));
  EXPECT_THAT(OnlyError(), HasSubstr("4:22: allocations[1].expect.areas: 'Z' is not an area of field 'kel'"));
  EXPECT_FALSE(Load("allocations:\n  - name: a\n    rows: []\n    expect: {selected: -1}\n"));
  EXPECT_THAT(OnlyError(), HasSubstr("expected a whole number"));
  EXPECT_FALSE(Load("allocations:\n  - name: a\n    expect: {selected: 1}\n"));
  EXPECT_THAT(OnlyError(), HasSubstr("give exactly one of 'list:' and 'rows:'"));
  EXPECT_FALSE(Load("allocations:\n  - name: a\n    rows: []\n    expect: {}\n"));
  EXPECT_THAT(OnlyError(), HasSubstr("nothing to compare"));
}

TEST_F(LoadTestFileTest, RulesKeyMustNameTheTestedFile) {
  EXPECT_FALSE(Load("rules: lain.yaml\ncandidates:\n  - {name: a, expect: {status: eligible}}\n"));
  EXPECT_THAT(OnlyError(), HasSubstr("1:8: this test file is for"));
}

TEST_F(LoadTestFileTest, EmptyFileAndYamlErrors) {
  EXPECT_FALSE(Load("rules: uji.yaml\n"));
  EXPECT_THAT(OnlyError(), HasSubstr("the test file has no cases"));
  EXPECT_FALSE(Load("candidates:\n  - name: [a\n"));
  ASSERT_FALSE(diagnostics_.empty());
  EXPECT_THAT(diagnostics_[0].message, HasSubstr("invalid YAML"));
}

TEST_F(LoadTestFileTest, EveryMistakeIsReportedAtOnce) {
  EXPECT_FALSE(Load("candidates:\n  - name: a\n    fields: {kota: A}\n    expect: {status: ineligible, failing: [x]}\n"
                    "  - name: b\n    expect: {status: maybe}\n"));
  EXPECT_THAT(diagnostics_, SizeIs(3)) << FormatDiagnostics(diagnostics_);
}

}  // namespace
}  // namespace aturan::ruletest
