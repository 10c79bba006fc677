// Type errors in expressions: each kind reported at the rule file's line and column of the
// offending sub-expression, with a hint.
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "test_rules.hpp"

namespace aturan {
namespace {

using ::testing::HasSubstr;
using testing::ErrorsOf;
using testing::RuleFileWith;

struct Where {
  uint32_t line;
  uint32_t column;
};

// Where byte `offset` of `when` lands in RuleFileWith(when): the expression sits in a
// single-quoted scalar after "    when: ".
Where PositionIn(const std::string& when, size_t offset) {
  std::string yaml = RuleFileWith(when);
  size_t at = yaml.find("    when: '");
  uint32_t line = 1;
  for (size_t i = 0; i < at; ++i) line += yaml[i] == '\n';
  return {line, static_cast<uint32_t>(std::string("    when: '").size() + offset + 1)};
}

// The single error of loading `when`, checked to stand at the position of `marker` in it.
Diagnostic SingleErrorAt(const std::string& when, const std::string& marker) {
  std::vector<Diagnostic> errors = ErrorsOf(when);
  EXPECT_EQ(errors.size(), 1u) << FormatDiagnostics(errors);
  if (errors.empty()) return {};
  Where where = PositionIn(when, when.find(marker));
  EXPECT_EQ(errors[0].line, where.line) << errors[0].ToString();
  EXPECT_EQ(errors[0].column, where.column) << errors[0].ToString();
  EXPECT_EQ(errors[0].file, "uji.yaml");
  return errors[0];
}

TEST(TypeCheck, UnknownNameSuggestsTheClosest) {
  Diagnostic d = SingleErrorAt("n > 1 and pekrjaan == 2", "pekrjaan");
  EXPECT_THAT(d.message, HasSubstr("unknown name 'pekrjaan'"));
  EXPECT_THAT(d.hint, HasSubstr("did you mean 'pekerjaan'?"));
}

TEST(TypeCheck, FunctionUsedAsValue) {
  Diagnostic d = SingleErrorAt("age > 3", "age");
  EXPECT_THAT(d.message, HasSubstr("'age' is a function"));
}

TEST(TypeCheck, UnknownFunctionSuggestsTheClosest) {
  Diagnostic d = SingleErrorAt("b or ages(t, t) > 1", "ages");
  EXPECT_THAT(d.message, HasSubstr("unknown function 'ages'"));
  EXPECT_THAT(d.hint, HasSubstr("did you mean 'age'?"));
  // Nothing close: the hint lists the functions.
  Diagnostic far = SingleErrorAt("umur(t, tanggal_acuan) > 3", "umur");
  EXPECT_THAT(far.hint, HasSubstr("functions: age, min, max"));
}

TEST(TypeCheck, WrongArity) {
  Diagnostic d = SingleErrorAt("b and age(t) > 18", "age(t)");
  EXPECT_THAT(d.message, HasSubstr("age() takes 2 arguments, got 1"));
  EXPECT_THAT(d.hint, HasSubstr("age(birth_date: date, on: date)"));
  EXPECT_THAT(SingleErrorAt("min(n) > 1", "min").message, HasSubstr("at least 2"));
}

TEST(TypeCheck, WrongArgumentType) {
  Diagnostic d = SingleErrorAt("age(s, tanggal_acuan) > 18", "s,");
  EXPECT_THAT(d.message, HasSubstr("age() argument 1 must be a date, got string"));
}

TEST(TypeCheck, MismatchedComparison) {
  Diagnostic d = SingleErrorAt("b or n == \"lima\"", "n ==");
  EXPECT_THAT(d.message, HasSubstr("cannot compare int with string"));
  EXPECT_THAT(SingleErrorAt("t < 5", "t").message, HasSubstr("cannot compare date with int"));
  EXPECT_THAT(SingleErrorAt("b < true", "b").message, HasSubstr("cannot order bool"));
  EXPECT_THAT(SingleErrorAt("k < \"ojek\"", "k").message, HasSubstr("cannot order codes"));
  EXPECT_THAT(SingleErrorAt("k == g", "k").message, HasSubstr("cannot compare codes of list 'pekerjaan'"));
}

TEST(TypeCheck, CodeLiteralMustBeInTheList) {
  Diagnostic d = SingleErrorAt("k == \"bechak\"", "\"bechak\"");
  EXPECT_THAT(d.message, HasSubstr("\"bechak\" is not a code of list 'pekerjaan'"));
  EXPECT_THAT(d.hint, HasSubstr("did you mean 'becak'?"));
  EXPECT_THAT(SingleErrorAt("k in [\"ojek\", \"nelayan\"]", "\"nelayan\"").message,
              HasSubstr("\"nelayan\" is not a code"));
}

TEST(TypeCheck, InNeedsAMatchingList) {
  EXPECT_THAT(SingleErrorAt("s in rentan", "s").message, HasSubstr("'in rentan' needs a code of list 'pekerjaan'"));
  EXPECT_THAT(SingleErrorAt("g in rentan", "g").message, HasSubstr("got a code of list 'jenis_kelamin'"));
  EXPECT_THAT(SingleErrorAt("n in 5", "5").message, HasSubstr("must be a list"));
  EXPECT_THAT(SingleErrorAt("n in [\"a\"]", "[").message, HasSubstr("cannot look up int in a list of string"));
  EXPECT_THAT(SingleErrorAt("n in [1, \"a\"]", "\"a\"").message, HasSubstr("list items must have one type"));
  EXPECT_THAT(SingleErrorAt("n in [1, n]", "n]").message, HasSubstr("only constant values"));
}

TEST(TypeCheck, ListOutsideIn) {
  EXPECT_THAT(SingleErrorAt("rentan == 1", "rentan").message, HasSubstr("a list can only be used after 'in'"));
  std::vector<Diagnostic> errors = ErrorsOf("rentan");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_THAT(errors[0].message, HasSubstr("a list can only be used after 'in'"));
}

TEST(TypeCheck, ArithmeticTypes) {
  EXPECT_THAT(SingleErrorAt("m * m > 0", "m * m").message, HasSubstr("cannot multiply money by money"));
  EXPECT_THAT(SingleErrorAt("s + 1 == 2", "s + 1").message, HasSubstr("cannot apply '+' to string and int"));
  EXPECT_THAT(SingleErrorAt("t + t == t", "t + t").message, HasSubstr("cannot apply '+' to date and date"));
  EXPECT_THAT(SingleErrorAt("d % 2 == 0", "d % 2").message, HasSubstr("cannot apply '%'"));
  EXPECT_THAT(SingleErrorAt("-s == s", "-s").message, HasSubstr("unary '-' needs a number"));
  EXPECT_THAT(SingleErrorAt("not n", "not").message, HasSubstr("'not' needs a bool"));
  EXPECT_THAT(SingleErrorAt("n and b", "n").message, HasSubstr("'and' needs bool operands"));
}

TEST(TypeCheck, BetweenAndIf) {
  EXPECT_THAT(SingleErrorAt("n between t and 5", "n between").message, HasSubstr("'between' needs three numbers or three dates"));
  EXPECT_THAT(SingleErrorAt("(if n then 1 else 2) == 1", "n then").message, HasSubstr("condition after 'if' must be bool"));
  EXPECT_THAT(SingleErrorAt("(if b then 1 else \"x\") == 1", "if").message, HasSubstr("'then' and 'else' must give the same type"));
}

TEST(TypeCheck, RuleMustBeACondition) {
  std::vector<Diagnostic> errors = ErrorsOf("n + 1");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_THAT(errors[0].message, HasSubstr("'when' must be a condition (bool), got int"));
}

TEST(TypeCheck, ParseErrorsArePlacedInTheFile) {
  std::vector<Diagnostic> errors = ErrorsOf("n > 1 and and b");
  ASSERT_EQ(errors.size(), 1u);
  Where where = PositionIn("n > 1 and and b", 10);
  EXPECT_EQ(errors[0].line, where.line);
  EXPECT_EQ(errors[0].column, where.column) << errors[0].ToString();
}

TEST(TypeCheck, EveryBrokenExpressionIsReported) {
  std::string extra =
      "  - id: kedua\n    when: umur > 1\n    reason: uji\n"
      "  - id: ketiga\n    when: n == \"x\"\n    reason: uji\n";
  std::vector<Diagnostic> errors = ErrorsOf("pekrjaan == 1", extra);
  ASSERT_EQ(errors.size(), 3u) << FormatDiagnostics(errors);
  EXPECT_LT(errors[0].line, errors[1].line);
  EXPECT_LT(errors[1].line, errors[2].line);
}

TEST(TypeCheck, ParameterValuesAreTyped) {
  std::string yaml = RuleFileWith("true");
  std::string bad = absl::StrReplaceAll(yaml, {{"usia_min: {type: int, value: 18}", "usia_min: {type: int, value: 2023-01-01}"}});
  std::vector<Diagnostic> errors = testing::OnlyErrors(RuleSet::Load(bad, "uji.yaml").diagnostics);
  ASSERT_EQ(errors.size(), 1u) << FormatDiagnostics(errors);
  EXPECT_THAT(errors[0].message, HasSubstr("expected a value of type int, got date"));
  std::string not_constant = absl::StrReplaceAll(yaml, {{"value: 18}", "value: n + 1}"}});
  errors = testing::OnlyErrors(RuleSet::Load(not_constant, "uji.yaml").diagnostics);
  ASSERT_FALSE(errors.empty());
  EXPECT_THAT(errors[0].message, HasSubstr("unknown name 'n'"));
}

}  // namespace
}  // namespace aturan

namespace aturan {
namespace {

// An error inside a YAML block scalar is placed on the file line and column of the name.
TEST(TypeCheck, ErrorsInsideBlockScalarsPointAtTheFile) {
  for (const char* indicator : {"|", ">"}) {
    std::string yaml = RuleFileWith("true");
    // (a folded scalar joins "# ..." with the next line, so only | gets a comment line)
    std::string first = std::string(indicator) == "|" ? "      # usia dan pekerjaan\n" : "      tp or\n";
    std::string block = std::string("    when: ") + indicator + "\n" + first +
                        "      n > 1\n        and k in rentan\n        and umur > 3\n";
    size_t at = yaml.find("    when: 'true'\n");
    ASSERT_NE(at, std::string::npos);
    yaml.replace(at, std::string("    when: 'true'\n").size(), block);
    uint32_t when_line = 1;
    for (size_t i = 0; i < at; ++i) when_line += yaml[i] == '\n';
    std::vector<Diagnostic> errors = testing::OnlyErrors(RuleSet::Load(yaml, "uji.yaml").diagnostics);
    ASSERT_EQ(errors.size(), 1u) << indicator << "\n" << FormatDiagnostics(errors);
    EXPECT_EQ(errors[0].line, when_line + 4) << indicator;
    EXPECT_EQ(errors[0].column, 13u) << indicator;  // "        and umur": u is column 13
    EXPECT_THAT(errors[0].message, ::testing::HasSubstr("unknown name 'umur'"));
  }
}

}  // namespace
}  // namespace aturan

namespace aturan {
namespace {

// Declaration errors and expression errors are reported together, without follow-on errors
// for expressions that use a broken declaration.
TEST(TypeCheck, DeclarationAndExpressionErrorsTogetherWithoutCascades) {
  std::string yaml = RuleFileWith("m < batas and pekrjaan == 1");
  yaml = absl::StrReplaceAll(yaml, {{"  m: {type: money}", "  m: {type: mony}"},
                                    {"usia_min: {type: int, value: 18}", "usia_min: {type: int, valeu: 18}"}});
  std::vector<Diagnostic> errors = RuleSet::Load(yaml, "uji.yaml").diagnostics;
  std::string all = FormatDiagnostics(errors);
  EXPECT_THAT(all, HasSubstr("unknown type 'mony'"));
  EXPECT_THAT(all, HasSubstr("unknown key 'valeu'"));
  // the rule names the broken field m: no "cannot compare" follows from m's unknown type
  EXPECT_THAT(all, ::testing::Not(HasSubstr("cannot compare")));
  // an expression that names no broken declaration is still checked
  std::string second = absl::StrReplaceAll(
      yaml, {{"program:\n", "  - id: kedua\n    when: pekrjaan == 1\n    reason: uji\nprogram:\n"}});
  std::string with_second = FormatDiagnostics(RuleSet::Load(second, "uji.yaml").diagnostics);
  EXPECT_THAT(with_second, HasSubstr("unknown name 'pekrjaan'"));
  EXPECT_THAT(with_second, HasSubstr("unknown type 'mony'"));
}

}  // namespace
}  // namespace aturan

namespace aturan {
namespace {

std::vector<Diagnostic> WarningsOf(const std::string& yaml) {
  LoadResult loaded = RuleSet::Load(yaml, "uji.yaml");
  EXPECT_NE(loaded.rules, nullptr) << FormatDiagnostics(loaded.diagnostics);  // warnings do not refuse a file
  return loaded.diagnostics;
}

TEST(Warnings, UnusedParametersAndLists) {
  std::string all = FormatDiagnostics(WarningsOf(RuleFileWith("k in rentan and m <= batas")));
  EXPECT_THAT(all, HasSubstr("warning: parameter 'usia_min' is never used"));
  EXPECT_THAT(all, HasSubstr("warning: parameter 'rasio' is never used"));
  EXPECT_THAT(all, ::testing::Not(HasSubstr("parameter 'batas'")));
  // pekerjaan and jenis_kelamin are fields' lists, rentan is named in the rule
  EXPECT_THAT(all, ::testing::Not(HasSubstr("list '")));
  std::string unused_list = FormatDiagnostics(WarningsOf(RuleFileWith("k == \"becak\"")));
  EXPECT_THAT(unused_list, HasSubstr("warning: list 'rentan' is never used"));
}

TEST(Warnings, RulesThatDecideNothing) {
  std::vector<Diagnostic> diagnostics = WarningsOf(RuleFileWith("usia_min > 10 or b"));
  EXPECT_THAT(FormatDiagnostics(diagnostics), HasSubstr("warning: rule 'r' is always true whatever the candidate"));
  std::string term = FormatDiagnostics(WarningsOf(
      RuleFileWith("b", "priority:\n  terms:\n    - {id: selalu, when: 1 < 2, points: 5}\n  order: [nik]\n")));
  EXPECT_THAT(term, HasSubstr("warning: score term 'selalu' is always true"));
  EXPECT_THAT(FormatDiagnostics(WarningsOf(RuleFileWith("b or n > usia_min"))), ::testing::Not(HasSubstr("always")));
}

}  // namespace
}  // namespace aturan
