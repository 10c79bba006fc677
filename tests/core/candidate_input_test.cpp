// What a compiled rule set tells a reader of candidate lists: each field's other column
// names (schema `headers:`) and which fields get identity checks against the NIK (`input:`).
#include <string>
#include <vector>

#include "absl/strings/str_replace.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "test_rules.hpp"

namespace aturan {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using testing::RuleFileWith;

using Changes = std::vector<std::pair<std::string, std::string>>;

// RuleFileWith("b", `extra`) with schema lines replaced as `changes` say.
std::string RuleFileChanged(const Changes& changes, const std::string& extra = "") {
  std::string yaml = RuleFileWith("b", extra);
  for (const auto& [from, to] : changes) {
    EXPECT_NE(yaml.find(from), std::string::npos) << from;
    yaml = absl::StrReplaceAll(yaml, {{from, to}});
  }
  return yaml;
}

// The rules of `yaml`, which must load without errors (the test file has unused parameters).
RuleSet LoadClean(const std::string& yaml) {
  LoadResult loaded = RuleSet::Load(yaml, "uji.yaml");
  EXPECT_TRUE(testing::OnlyErrors(loaded.diagnostics).empty()) << FormatDiagnostics(loaded.diagnostics);
  EXPECT_NE(loaded.rules, nullptr);
  if (loaded.rules == nullptr) std::abort();
  return *loaded.rules;
}

// The single error of loading `yaml` (which must not load).
Diagnostic SingleError(const std::string& yaml) {
  LoadResult loaded = RuleSet::Load(yaml, "uji.yaml");
  EXPECT_EQ(loaded.rules, nullptr);
  std::vector<Diagnostic> errors = testing::OnlyErrors(loaded.diagnostics);
  EXPECT_EQ(errors.size(), 1u) << FormatDiagnostics(loaded.diagnostics);
  return errors.empty() ? Diagnostic{} : errors[0];
}

// The 1-based line of the first line of `yaml` that contains `text`.
uint32_t LineOf(const std::string& yaml, const std::string& text) {
  const size_t at = yaml.find(text);
  EXPECT_NE(at, std::string::npos) << text;
  uint32_t line = 1;
  for (size_t i = 0; i < at && i < yaml.size(); ++i) line += yaml[i] == '\n';
  return line;
}

// The test file's date and sex fields renamed to the names input: defaults to.
const Changes kConventionalNames = {
    {"  t: {type: date}", "  tanggal_lahir: {type: date}"},
    {"  g: {type: code, list: jenis_kelamin}", "  jenis_kelamin: {type: code, list: jenis_kelamin}"},
};

// kConventionalNames, and a second date field t2 and sex field g2.
Changes WithSecondFields() {
  Changes changes = kConventionalNames;
  changes.emplace_back("  tp: {type: bool, default: false}\n",
                       "  tp: {type: bool, default: false}\n"
                       "  t2: {type: date}\n"
                       "  g2: {type: code, list: jenis_kelamin}\n");
  return changes;
}

TEST(InputChecks, DefaultsToTheConventionalFields) {
  RuleSet rules = LoadClean(RuleFileChanged(kConventionalNames));
  const InputChecks& checks = rules.input_checks();
  EXPECT_EQ(checks.nik_slot, rules.FieldSlot("nik"));
  EXPECT_EQ(checks.birth_date_slot, rules.FieldSlot("tanggal_lahir"));
  const int sex = rules.FieldSlot("jenis_kelamin");
  ASSERT_GE(sex, 0);
  EXPECT_EQ(checks.sex_slot, sex);
  EXPECT_EQ(checks.male_code, rules.CodeId(sex, "L"));
  EXPECT_EQ(checks.female_code, rules.CodeId(sex, "P"));
  EXPECT_EQ(rules.CodeText(sex, checks.female_code), "P");
  EXPECT_FALSE(checks.nik_mismatch_is_error);
}

TEST(InputChecks, SexCodesMatchIgnoringCaseWhateverTheirOrder) {
  Changes changes = kConventionalNames;
  changes.emplace_back("      - {code: L, name: Laki-laki, aliases: [\"1\"]}\n"
                       "      - {code: P, name: Perempuan, aliases: [\"2\"]}\n",
                       "      - {code: x, name: Tidak diketahui}\n"
                       "      - {code: p, name: Perempuan}\n"
                       "      - {code: l, name: Laki-laki}\n");
  RuleSet rules = LoadClean(RuleFileChanged(changes));
  const InputChecks& checks = rules.input_checks();
  ASSERT_EQ(checks.sex_slot, rules.FieldSlot("jenis_kelamin"));
  EXPECT_EQ(checks.male_code, 2);
  EXPECT_EQ(checks.female_code, 1);
}

TEST(InputChecks, AbsentFieldsAreLeftOut) {
  // The test file has a string field nik, but no tanggal_lahir or jenis_kelamin.
  RuleSet rules = LoadClean(RuleFileWith("b"));
  const InputChecks& checks = rules.input_checks();
  EXPECT_EQ(checks.nik_slot, rules.FieldSlot("nik"));
  EXPECT_EQ(checks.birth_date_slot, -1);
  EXPECT_EQ(checks.sex_slot, -1);
  EXPECT_EQ(checks.male_code, -1);
  EXPECT_EQ(checks.female_code, -1);
}

TEST(InputChecks, ConventionalFieldsThatDoNotFitAreLeftOutSilently) {
  RuleSet rules = LoadClean(RuleFileChanged({
      {"  nik: {type: string, required: true, key: true}", "  nik: {type: int, required: true, key: true}"},
      {"  t: {type: date}", "  tanggal_lahir: {type: string}"},
      {"  g: {type: code, list: jenis_kelamin}\n", "  g: {type: code, list: jenis_kelamin}\n"
                                                    "  jenis_kelamin: {type: code, list: pekerjaan}\n"},
  }));
  const InputChecks& checks = rules.input_checks();
  EXPECT_GE(rules.FieldSlot("jenis_kelamin"), 0);
  EXPECT_EQ(checks.nik_slot, -1);
  EXPECT_EQ(checks.birth_date_slot, -1);
  EXPECT_EQ(checks.sex_slot, -1);
  EXPECT_EQ(checks.male_code, -1);
  // A list with L but no P does not serve either.
  RuleSet only_l = LoadClean(RuleFileChanged({
      {"  g: {type: code, list: jenis_kelamin}", "  jenis_kelamin: {type: code, list: jenis_kelamin}"},
      {"      - {code: P, name: Perempuan, aliases: [\"2\"]}\n", "      - {code: W, name: Perempuan}\n"},
  }));
  EXPECT_EQ(only_l.input_checks().sex_slot, -1);
  EXPECT_EQ(only_l.input_checks().male_code, -1);
}

TEST(InputChecks, ExplicitFieldsOverrideTheDefaults) {
  RuleSet rules = LoadClean(RuleFileChanged(WithSecondFields(),
                                            "input:\n"
                                            "  nik: s\n"
                                            "  birth_date: t2\n"
                                            "  sex: g2\n"
                                            "  nik_mismatch: error\n"));
  const InputChecks& checks = rules.input_checks();
  EXPECT_EQ(checks.nik_slot, rules.FieldSlot("s"));
  EXPECT_EQ(checks.birth_date_slot, rules.FieldSlot("t2"));
  EXPECT_EQ(checks.sex_slot, rules.FieldSlot("g2"));
  EXPECT_EQ(checks.male_code, rules.CodeId(rules.FieldSlot("g2"), "L"));
  EXPECT_TRUE(checks.nik_mismatch_is_error);
}

TEST(InputChecks, PartialInputKeepsTheOtherDefaults) {
  RuleSet rules = LoadClean(
      RuleFileChanged(WithSecondFields(), "input: {nik_mismatch: warning, birth_date: t2}\n"));
  const InputChecks& checks = rules.input_checks();
  EXPECT_EQ(checks.nik_slot, rules.FieldSlot("nik"));
  EXPECT_EQ(checks.birth_date_slot, rules.FieldSlot("t2"));
  EXPECT_EQ(checks.sex_slot, rules.FieldSlot("jenis_kelamin"));
  EXPECT_FALSE(checks.nik_mismatch_is_error);
}

TEST(InputChecks, WrongExplicitFieldsStopTheLoad) {
  const std::string missing = RuleFileWith("b", "input:\n  birth_date: tanggal_lahir\n");
  Diagnostic d = SingleError(missing);
  EXPECT_EQ(d.line, LineOf(missing, "  birth_date: tanggal_lahir"));
  EXPECT_EQ(d.column, 15u);
  EXPECT_THAT(d.message, HasSubstr("input.birth_date: no schema field named 'tanggal_lahir'"));

  const std::string misspelt = RuleFileWith("b", "input:\n  nik: nikk\n");
  Diagnostic close = SingleError(misspelt);
  EXPECT_EQ(close.line, LineOf(misspelt, "  nik: nikk"));
  EXPECT_EQ(close.column, 8u);
  EXPECT_THAT(close.hint, HasSubstr("did you mean 'nik'?"));

  const std::string wrong_type = RuleFileWith("b", "input:\n  sex: s\n");
  Diagnostic type = SingleError(wrong_type);
  EXPECT_EQ(type.line, LineOf(wrong_type, "  sex: s"));
  EXPECT_EQ(type.column, 8u);
  EXPECT_THAT(type.message, HasSubstr("input.sex: 's' is a string field; expected a code field"));

  const std::string no_codes = RuleFileWith("b", "input:\n  sex: k\n");
  Diagnostic codes = SingleError(no_codes);
  EXPECT_EQ(codes.line, LineOf(no_codes, "  sex: k"));
  EXPECT_THAT(codes.message, HasSubstr("list 'pekerjaan' of field 'k' has neither code L nor code P"));
}

TEST(FieldHeaders, KeptInFileOrderAsWritten) {
  RuleSet rules = LoadClean(RuleFileChanged({
      {"  t: {type: date}", "  t: {type: date, headers: [tgl_lahir, \"Tanggal Lahir\", TGL-LAHIR]}"},
  }));
  EXPECT_THAT(rules.fields()[rules.FieldSlot("t")].headers,
              ElementsAre("tgl_lahir", "Tanggal Lahir", "TGL-LAHIR"));
  EXPECT_THAT(rules.fields()[rules.FieldSlot("nik")].headers, IsEmpty());
}

TEST(FieldHeaders, AmbiguousColumnStopsTheLoad) {
  const std::string yaml = RuleFileChanged({
      {"  t: {type: date}", "  t: {type: date, headers: [tgl_lahir]}"},
      {"  d: {type: decimal}", "  d: {type: decimal, headers: [\"Tgl. Lahir\"]}"},
  });
  // d comes first in the schema, so its header claims the column.
  Diagnostic d = SingleError(yaml);
  EXPECT_EQ(d.line, LineOf(yaml, "  t: {type: date"));
  EXPECT_EQ(d.column, 29u);
  EXPECT_THAT(d.message, HasSubstr("ambiguous column 'tgl_lahir': field 'd' already claims it "
                                   "(header 'Tgl. Lahir', line " +
                                   std::to_string(LineOf(yaml, "  d: {type: decimal")) + ")"));
}

}  // namespace
}  // namespace aturan
