// The C API's rule sets: loading from a file and a string, errors as file:line:column text,
// the schema and rules read back, field slots, and NULL arguments.
#include <algorithm>
#include <fstream>
#include <set>
#include <string>

#include "aturan/aturan.h"
#include "aturan/rule_set.hpp"
#include "aturan/version.hpp"
#include "capi/capi_handles.hpp"
#include "core/test_rules.hpp"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace aturan::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

constexpr const char* kRevisi = "rules/pekalongan-2023-revisi.yaml";

TEST(CapiLibrary, VersionIsTheCppLibrarys) {
  EXPECT_STREQ(aturan_version(), Version());
}

TEST(CapiLibrary, EveryStatusHasItsOwnName) {
  std::set<std::string> names;
  for (int status = ATURAN_OK; status <= ATURAN_ERROR_TOO_MANY_INVALID; ++status) {
    names.insert(aturan_status_name(static_cast<aturan_status>(status)));
  }
  EXPECT_EQ(names.size(), static_cast<size_t>(ATURAN_ERROR_TOO_MANY_INVALID + 1));
  EXPECT_STREQ(aturan_status_name(static_cast<aturan_status>(ATURAN_ERROR_TOO_MANY_INVALID + 1)), "unknown status");
  EXPECT_STREQ(aturan_status_name(ATURAN_OK), "ok");
  aturan_string_free(nullptr);  // allowed
}

TEST(CapiRules, LoadFileReadsTheSchemaAndRulesAsTheCppApi) {
  Rules rules = LoadRules(kRevisi);
  ASSERT_NE(rules, nullptr);
  const absl::StatusOr<RuleSet> cpp = RuleSet::FromFile(std::string(ATURAN_SOURCE_DIR) + "/" + kRevisi);
  ASSERT_TRUE(cpp.ok()) << cpp.status();
  EXPECT_EQ(aturan_rules_regulation_id(rules.get()), cpp->regulation_id());
  ASSERT_EQ(aturan_rules_field_count(rules.get()), static_cast<int32_t>(cpp->fields().size()));
  for (int32_t slot = 0; slot < aturan_rules_field_count(rules.get()); ++slot) {
    EXPECT_EQ(aturan_rules_field_name(rules.get(), slot), cpp->fields()[slot].name);
    EXPECT_EQ(aturan_rules_field_type(rules.get(), slot), static_cast<int32_t>(cpp->fields()[slot].type));
    EXPECT_EQ(SlotOf(rules.get(), cpp->fields()[slot].name.c_str()), slot);
  }
  ASSERT_EQ(aturan_rules_rule_count(rules.get()), static_cast<int32_t>(cpp->rules().size()));
  for (int32_t i = 0; i < aturan_rules_rule_count(rules.get()); ++i) {
    EXPECT_EQ(aturan_rules_rule_id(rules.get(), i), cpp->rules()[i].id);
    EXPECT_EQ(aturan_rules_rule_reason(rules.get(), i), cpp->rules()[i].reason);
  }
  EXPECT_EQ(aturan_rules_field_type(rules.get(), SlotOf(rules.get(), "tanggal_lahir")), ATURAN_TYPE_DATE);
  EXPECT_EQ(aturan_rules_field_type(rules.get(), SlotOf(rules.get(), "pekerjaan")), ATURAN_TYPE_CODE);
}

TEST(CapiRules, OutOfRangeIndicesGiveNullOrMinusOne) {
  Rules rules = LoadRules(kRevisi);
  const int32_t fields = aturan_rules_field_count(rules.get());
  const int32_t rule_count = aturan_rules_rule_count(rules.get());
  EXPECT_EQ(aturan_rules_field_name(rules.get(), fields), nullptr);
  EXPECT_EQ(aturan_rules_field_name(rules.get(), -1), nullptr);
  EXPECT_EQ(aturan_rules_field_type(rules.get(), fields), -1);
  EXPECT_EQ(aturan_rules_rule_id(rules.get(), rule_count), nullptr);
  EXPECT_EQ(aturan_rules_rule_reason(rules.get(), -1), nullptr);
}

TEST(CapiRules, LoadStringGivesTheSameRulesAsLoadFile) {
  std::ifstream in(std::string(ATURAN_SOURCE_DIR) + "/" + kRevisi);
  const std::string yaml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  aturan_rules* loaded = nullptr;
  CString error;
  ASSERT_EQ(aturan_rules_load_string(yaml.c_str(), "revisi.yaml", nullptr, &loaded, error.out()), ATURAN_OK)
      << error.str();
  Rules rules(loaded);
  EXPECT_TRUE(error.null());
  EXPECT_STREQ(aturan_rules_regulation_id(rules.get()), aturan_rules_regulation_id(LoadRules(kRevisi).get()));
}

TEST(CapiRules, ABadRuleFileGivesEveryErrorWithFileLineAndColumn) {
  // The rule file of the CLI's own test with a misspelt name: its place is found independently.
  const std::string yaml = RuleFileWith("pekerjan in rentan");
  const size_t at = yaml.find("pekerjan in");
  const int line = static_cast<int>(std::count(yaml.begin(), yaml.begin() + static_cast<std::ptrdiff_t>(at), '\n')) + 1;
  const int column = static_cast<int>(at - yaml.rfind('\n', at));
  int garbage = 0;
  aturan_rules* rules = reinterpret_cast<aturan_rules*>(&garbage);  // must be overwritten with NULL
  CString error;
  EXPECT_EQ(aturan_rules_load_string(yaml.c_str(), "rusak.yaml", nullptr, &rules, error.out()), ATURAN_ERROR_RULES);
  EXPECT_EQ(rules, nullptr);
  EXPECT_THAT(error.str(), HasSubstr("rusak.yaml:" + std::to_string(line) + ":" + std::to_string(column) +
                                     ": error: unknown name 'pekerjan'"));
  EXPECT_THAT(error.str(), HasSubstr("did you mean 'pekerjaan'?"));
}

TEST(CapiRules, AnUnreadableRuleFileIsARuleFileError) {
  aturan_rules* rules = nullptr;
  CString error;
  EXPECT_EQ(aturan_rules_load_file("/nonexistent/aturan.yaml", nullptr, &rules, error.out()), ATURAN_ERROR_RULES);
  EXPECT_EQ(rules, nullptr);
  EXPECT_THAT(error.str(), StartsWith("/nonexistent/aturan.yaml: error: cannot open the rule file"));
}

TEST(CapiRules, TheReferenceDateChoosesDatedValuesAndMustBeADate) {
  // batas is 2,000,000 from 2022 and 2,500,000 from 2023: a candidate earning 2,200,000 passes
  // `m <= batas` only under the 2023 value.
  const std::string yaml = RuleFileWith("m <= batas");
  for (const auto& [date, eligible] : {std::pair{"2022-06-01", false}, std::pair{"2023-06-01", true}}) {
    aturan_rules* loaded = nullptr;
    CString error;
    ASSERT_EQ(aturan_rules_load_string(yaml.c_str(), nullptr, date, &loaded, error.out()), ATURAN_OK) << error.str();
    Rules rules(loaded);
    Candidate candidate = NewCandidate(rules.get());
    ASSERT_EQ(aturan_candidate_set_text(candidate.get(), SlotOf(rules.get(), "nik"), "3375014507900001", nullptr),
              ATURAN_OK);
    ASSERT_EQ(aturan_candidate_set_money(candidate.get(), SlotOf(rules.get(), "m"), 2200000, nullptr), ATURAN_OK);
    aturan_decision decision;
    ASSERT_EQ(aturan_evaluate(candidate.get(), &decision, nullptr), ATURAN_OK);
    EXPECT_EQ(decision.status == ATURAN_ELIGIBLE, eligible) << date;
  }
  aturan_rules* rules = nullptr;
  CString error;
  EXPECT_EQ(aturan_rules_load_string(yaml.c_str(), nullptr, "1 Januari 2023", &rules, error.out()),
            ATURAN_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(rules, nullptr);
  EXPECT_THAT(error.str(), HasSubstr("'1 Januari 2023' is not a date"));
}

TEST(CapiRules, WarningsOfALoadedFileAreKept) {
  // cilegon-2024 offers more category seats than its overall limit, and the check warns (README).
  Rules cilegon = LoadRules("rules/cilegon-2024.yaml");
  const LoadResult loaded = RuleSet::LoadFile(std::string(ATURAN_SOURCE_DIR) + "/rules/cilegon-2024.yaml");
  ASSERT_FALSE(loaded.diagnostics.empty());
  EXPECT_EQ(aturan_rules_warnings(cilegon.get()), FormatDiagnostics(loaded.diagnostics));
  EXPECT_THAT(aturan_rules_warnings(cilegon.get()), HasSubstr(": warning: "));
  EXPECT_STREQ(aturan_rules_warnings(LoadRules(kRevisi).get()), "");
}

TEST(CapiRules, AnUnknownFieldNameIsNotFoundWithAHint) {
  Rules rules = LoadRules(kRevisi);
  int32_t slot = 7;
  CString error;
  EXPECT_EQ(aturan_rules_field_slot(rules.get(), "pekerjan", &slot, error.out()), ATURAN_ERROR_NOT_FOUND);
  EXPECT_EQ(slot, -1);
  EXPECT_EQ(error.str(), "unknown field 'pekerjan'; did you mean 'pekerjaan'?");
}

TEST(CapiRules, NullArgumentsAreErrorsNotCrashes) {
  Rules rules = LoadRules(kRevisi);
  aturan_rules* out = nullptr;
  CString error;
  EXPECT_EQ(aturan_rules_load_file(nullptr, nullptr, &out, error.out()), ATURAN_ERROR_NULL_ARGUMENT);
  EXPECT_EQ(error.str(), "argument 'path' is NULL");
  EXPECT_EQ(aturan_rules_load_file("x.yaml", nullptr, nullptr, error.out()), ATURAN_ERROR_NULL_ARGUMENT);
  EXPECT_EQ(aturan_rules_load_string(nullptr, nullptr, nullptr, &out, error.out()), ATURAN_ERROR_NULL_ARGUMENT);
  EXPECT_EQ(aturan_rules_load_string("aturan: 1", nullptr, nullptr, nullptr, nullptr), ATURAN_ERROR_NULL_ARGUMENT);
  int32_t slot = 0;
  EXPECT_EQ(aturan_rules_field_slot(nullptr, "nik", &slot, error.out()), ATURAN_ERROR_NULL_ARGUMENT);
  EXPECT_EQ(error.str(), "argument 'rules' is NULL");
  EXPECT_EQ(aturan_rules_field_slot(rules.get(), nullptr, &slot, nullptr), ATURAN_ERROR_NULL_ARGUMENT);
  EXPECT_EQ(aturan_rules_field_slot(rules.get(), "nik", nullptr, nullptr), ATURAN_ERROR_NULL_ARGUMENT);
  EXPECT_EQ(aturan_rules_warnings(nullptr), nullptr);
  EXPECT_EQ(aturan_rules_regulation_id(nullptr), nullptr);
  EXPECT_EQ(aturan_rules_field_count(nullptr), -1);
  EXPECT_EQ(aturan_rules_field_name(nullptr, 0), nullptr);
  EXPECT_EQ(aturan_rules_field_type(nullptr, 0), -1);
  EXPECT_EQ(aturan_rules_rule_count(nullptr), -1);
  EXPECT_EQ(aturan_rules_rule_id(nullptr, 0), nullptr);
  EXPECT_EQ(aturan_rules_rule_reason(nullptr, 0), nullptr);
  aturan_rules_free(nullptr);
}

TEST(CapiRules, ASuccessClearsTheErrorOutParameter) {
  Rules rules = LoadRules(kRevisi);
  char* error = reinterpret_cast<char*>(&rules);  // garbage the call must overwrite
  int32_t slot = -1;
  EXPECT_EQ(aturan_rules_field_slot(rules.get(), "nik", &slot, &error), ATURAN_OK);
  EXPECT_EQ(error, nullptr);
}

}  // namespace
}  // namespace aturan::testing
