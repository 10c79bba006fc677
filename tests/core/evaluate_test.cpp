// Every operator and function of the expression language, evaluated through RuleSet.
#include <map>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "test_rules.hpp"

namespace aturan {
namespace {

using testing::OutcomeOf;
using testing::RulesWith;

constexpr Outcome kPass = Outcome::kPass;
constexpr Outcome kFail = Outcome::kFail;
constexpr Outcome kUnknown = Outcome::kUnknown;

TEST(Evaluate, IntegerArithmetic) {
  EXPECT_EQ(OutcomeOf("n + 2 == 7", {{"n", "5"}}), kPass);
  EXPECT_EQ(OutcomeOf("n - 7 == -2", {{"n", "5"}}), kPass);
  EXPECT_EQ(OutcomeOf("n * 3 == 15", {{"n", "5"}}), kPass);
  EXPECT_EQ(OutcomeOf("n % 3 == 2", {{"n", "5"}}), kPass);
  EXPECT_EQ(OutcomeOf("n % 3 == 1", {{"n", "5"}}), kFail);
  EXPECT_EQ(OutcomeOf("-n == -5", {{"n", "5"}}), kPass);
  EXPECT_EQ(OutcomeOf("2 + 3 * 4 == 14"), kPass);
  EXPECT_EQ(OutcomeOf("(2 + 3) * 4 == 20"), kPass);
  EXPECT_EQ(OutcomeOf("10 - 3 - 2 == 5"), kPass);  // left associative
}

TEST(Evaluate, DivisionGivesDecimal) {
  EXPECT_EQ(OutcomeOf("n / 2 == 2.5", {{"n", "5"}}), kPass);
  EXPECT_EQ(OutcomeOf("m / 4 == 625000", {{"m", "2500000"}}), kPass);
}

TEST(Evaluate, OverflowAndDivisionByZeroAreMissing) {
  EXPECT_EQ(OutcomeOf("n * 9_223_372_036_854_775_807 > 0", {{"n", "2"}}), kUnknown);
  EXPECT_EQ(OutcomeOf("n + 9_223_372_036_854_775_807 > 0", {{"n", "1"}}), kUnknown);
  EXPECT_EQ(OutcomeOf("n - 9_223_372_036_854_775_807 < 0", {{"n", "-2"}}), kUnknown);
  EXPECT_EQ(OutcomeOf("n / 0 > 1", {{"n", "1"}}), kUnknown);
  EXPECT_EQ(OutcomeOf("n % 0 == 1", {{"n", "1"}}), kUnknown);
  EXPECT_EQ(OutcomeOf("n * 9_223_372_036_854_775_807 > 0", {{"n", "1"}}), kPass);
}

TEST(Evaluate, MoneyArithmetic) {
  EXPECT_EQ(OutcomeOf("m + 500 == 2_500_500", {{"m", "2.500.000"}}), kPass);
  EXPECT_EQ(OutcomeOf("m * 2 == 5_000_000", {{"m", "2500000"}}), kPass);
  // money * decimal rounds half away from zero to whole rupiah
  EXPECT_EQ(OutcomeOf("m * 0.5 == 3", {{"m", "5"}}), kPass);
  EXPECT_EQ(OutcomeOf("m * 0.5 == -3", {{"m", "-5"}}), kPass);
  EXPECT_EQ(OutcomeOf("m < batas", {{"m", "2400000"}}), kPass);
}

TEST(Evaluate, DecimalArithmeticAndMixing) {
  EXPECT_EQ(OutcomeOf("d * 2 == 1.5", {{"d", "0.75"}}), kPass);
  EXPECT_EQ(OutcomeOf("d + n == 5.25", {{"d", "0,25"}, {"n", "5"}}), kPass);
  EXPECT_EQ(OutcomeOf("d > rasio", {{"d", "0.6"}}), kPass);
  EXPECT_EQ(OutcomeOf("-d < 0", {{"d", "0.6"}}), kPass);
}

TEST(Evaluate, Comparisons) {
  EXPECT_EQ(OutcomeOf("n < 6 and n <= 5 and n > 4 and n >= 5 and n == 5 and n != 4", {{"n", "5"}}), kPass);
  EXPECT_EQ(OutcomeOf("s == \"abc\"", {{"s", "abc"}}), kPass);
  EXPECT_EQ(OutcomeOf("s < \"abd\"", {{"s", "abc"}}), kPass);
  EXPECT_EQ(OutcomeOf("t < 2000-01-01", {{"t", "1999-12-31"}}), kPass);
  EXPECT_EQ(OutcomeOf("b == true", {{"b", "ya"}}), kPass);
  EXPECT_EQ(OutcomeOf("k == \"becak\"", {{"k", "Tukang Becak"}}), kPass);
  EXPECT_EQ(OutcomeOf("k != \"ojek\"", {{"k", "becak"}}), kPass);
  EXPECT_EQ(OutcomeOf("s == kota", {{"s", "Pekalongan"}}), kPass);
}

TEST(Evaluate, CodeComparedWithComputedString) {
  // nik 3375014507900001: day 45 = woman
  EXPECT_EQ(OutcomeOf("g == nik_sex(nik)", {{"g", "2"}}), kPass);
  EXPECT_EQ(OutcomeOf("g == nik_sex(nik)", {{"g", "L"}}), kFail);
}

TEST(Evaluate, LogicIsKleene) {
  EXPECT_EQ(OutcomeOf("b and true", {{"b", "true"}}), kPass);
  EXPECT_EQ(OutcomeOf("b and true", {{"b", "false"}}), kFail);
  EXPECT_EQ(OutcomeOf("b and true"), kUnknown);
  EXPECT_EQ(OutcomeOf("b and false"), kFail);   // false and missing = false
  EXPECT_EQ(OutcomeOf("false and b"), kFail);
  EXPECT_EQ(OutcomeOf("b or true"), kPass);     // true or missing = true
  EXPECT_EQ(OutcomeOf("b or false"), kUnknown);
  EXPECT_EQ(OutcomeOf("not b"), kUnknown);
  EXPECT_EQ(OutcomeOf("not b", {{"b", "tidak"}}), kPass);
  EXPECT_EQ(OutcomeOf("true or false and false"), kPass);  // and binds tighter
  EXPECT_EQ(OutcomeOf("not false and false"), kFail);      // not binds tighter than and
}

TEST(Evaluate, MissingValuesPropagate) {
  EXPECT_EQ(OutcomeOf("n + 1 > 0"), kUnknown);
  EXPECT_EQ(OutcomeOf("n > 0"), kUnknown);
  EXPECT_EQ(OutcomeOf("is_missing(n)"), kPass);
  EXPECT_EQ(OutcomeOf("is_missing(n)", {{"n", "0"}}), kFail);
  EXPECT_EQ(OutcomeOf("coalesce(n, 7) == 7"), kPass);
  EXPECT_EQ(OutcomeOf("coalesce(n, 7) == 3", {{"n", "3"}}), kPass);
  EXPECT_EQ(OutcomeOf("(if b then 1 else 2) == 1"), kUnknown);
  EXPECT_EQ(OutcomeOf("k in rentan"), kUnknown);
}

TEST(Evaluate, DefaultsFillMissingFields) {
  EXPECT_EQ(OutcomeOf("not tp"), kPass);
  EXPECT_EQ(OutcomeOf("tp", {{"tp", "ya"}}), kPass);
}

TEST(Evaluate, InAndNotIn) {
  EXPECT_EQ(OutcomeOf("k in rentan", {{"k", "ojek"}}), kPass);
  EXPECT_EQ(OutcomeOf("k in rentan", {{"k", "petani"}}), kFail);
  EXPECT_EQ(OutcomeOf("k not in rentan", {{"k", "petani"}}), kPass);
  EXPECT_EQ(OutcomeOf("k in pekerjaan", {{"k", "petani"}}), kPass);
  EXPECT_EQ(OutcomeOf("k in [\"becak\", \"petani\"]", {{"k", "petani"}}), kPass);
  EXPECT_EQ(OutcomeOf("n in [1, 2, 3]", {{"n", "2"}}), kPass);
  EXPECT_EQ(OutcomeOf("n in [1, 2, 3]", {{"n", "4"}}), kFail);
  EXPECT_EQ(OutcomeOf("n in [1, -2]", {{"n", "-2"}}), kPass);
  EXPECT_EQ(OutcomeOf("d in [0.5, 1]", {{"d", "1"}}), kPass);
  EXPECT_EQ(OutcomeOf("n in [0.5, 2]", {{"n", "2"}}), kPass);
  EXPECT_EQ(OutcomeOf("s in [\"a\", \"b\"]", {{"s", "b"}}), kPass);
  EXPECT_EQ(OutcomeOf("s not in [\"a\", \"b\"]", {{"s", "c"}}), kPass);
  EXPECT_EQ(OutcomeOf("t in [2023-01-01]", {{"t", "2023-01-01"}}), kPass);
  EXPECT_EQ(OutcomeOf("n in []", {{"n", "1"}}), kFail);
  EXPECT_EQ(OutcomeOf("n in [usia_min, 65]", {{"n", "18"}}), kPass);
}

TEST(Evaluate, BetweenIsInclusive) {
  EXPECT_EQ(OutcomeOf("n between 18 and 65", {{"n", "18"}}), kPass);
  EXPECT_EQ(OutcomeOf("n between 18 and 65", {{"n", "65"}}), kPass);
  EXPECT_EQ(OutcomeOf("n between 18 and 65", {{"n", "66"}}), kFail);
  EXPECT_EQ(OutcomeOf("d between 0 and 0.5", {{"d", "0.5"}}), kPass);
  EXPECT_EQ(OutcomeOf("t between 2000-01-01 and 2000-12-31", {{"t", "2000-02-29"}}), kPass);
  EXPECT_EQ(OutcomeOf("n between 1 and 2 and true", {{"n", "1"}}), kPass);
}

TEST(Evaluate, IfThenElse) {
  EXPECT_EQ(OutcomeOf("(if b then n else 0) == 5", {{"b", "ya"}, {"n", "5"}}), kPass);
  EXPECT_EQ(OutcomeOf("(if b then n else 0) == 0", {{"b", "tidak"}, {"n", "5"}}), kPass);
  EXPECT_EQ(OutcomeOf("(if b then 1 else 0.5) == 0.5", {{"b", "tidak"}}), kPass);
  // the untaken branch is not evaluated: its missing value does not matter
  EXPECT_EQ(OutcomeOf("(if b then 1 else n) == 1", {{"b", "ya"}}), kPass);
}

TEST(Evaluate, DatesAndAge) {
  EXPECT_EQ(OutcomeOf("t + 1 == 2024-03-01", {{"t", "2024-02-29"}}), kPass);
  EXPECT_EQ(OutcomeOf("t - 1 == 2023-02-28", {{"t", "2023-03-01"}}), kPass);
  EXPECT_EQ(OutcomeOf("2023-03-01 - t == 366", {{"t", "2022-02-28"}}), kPass);
  EXPECT_EQ(OutcomeOf("age(t, tanggal_acuan) == 18", {{"t", "2005-06-01"}}), kPass);
  EXPECT_EQ(OutcomeOf("age(t, tanggal_acuan) == 17", {{"t", "2005-06-02"}}), kPass);
  // born on 29 February: a year older on 1 March in common years
  EXPECT_EQ(OutcomeOf("age(t, 2005-02-28) == 4", {{"t", "2000-02-29"}}), kPass);
  EXPECT_EQ(OutcomeOf("age(t, 2005-03-01) == 5", {{"t", "2000-02-29"}}), kPass);
  EXPECT_EQ(OutcomeOf("age(t, 2004-02-29) == 4", {{"t", "2000-02-29"}}), kPass);
  EXPECT_EQ(OutcomeOf("year(t) == 2000 and month(t) == 2 and day(t) == 29", {{"t", "2000-02-29"}}), kPass);
  EXPECT_EQ(OutcomeOf("tanggal_acuan == 2023-06-01"), kPass);
}

TEST(Evaluate, NumericFunctions) {
  EXPECT_EQ(OutcomeOf("min(n, 3, 7) == 3", {{"n", "5"}}), kPass);
  EXPECT_EQ(OutcomeOf("max(n, 3, 7) == 7", {{"n", "5"}}), kPass);
  EXPECT_EQ(OutcomeOf("max(n, 0.5) == 5", {{"n", "5"}}), kPass);
  EXPECT_EQ(OutcomeOf("min(n, 1) == 1"), kUnknown);
  EXPECT_EQ(OutcomeOf("min(t, 2000-01-01) == 1999-01-01", {{"t", "1999-01-01"}}), kPass);
  EXPECT_EQ(OutcomeOf("abs(n) == 5", {{"n", "-5"}}), kPass);
  EXPECT_EQ(OutcomeOf("abs(d) == 0.5", {{"d", "-0.5"}}), kPass);
  EXPECT_EQ(OutcomeOf("floor(d) == -3", {{"d", "-2.5"}}), kPass);
  EXPECT_EQ(OutcomeOf("ceil(d) == -2", {{"d", "-2.5"}}), kPass);
  EXPECT_EQ(OutcomeOf("round(d) == -3", {{"d", "-2.5"}}), kPass);
  EXPECT_EQ(OutcomeOf("round(d) == 3", {{"d", "2.5"}}), kPass);
  EXPECT_EQ(OutcomeOf("floor(m / 16_800) == 148", {{"m", "2500000"}}), kPass);
}

TEST(Evaluate, TextFunctions) {
  EXPECT_EQ(OutcomeOf("starts_with(s, \"33.75\")", {{"s", "33.75.01.1002"}}), kPass);
  EXPECT_EQ(OutcomeOf("starts_with(s, \"33.76\")", {{"s", "33.75.01.1002"}}), kFail);
  EXPECT_EQ(OutcomeOf("starts_with(k, \"bec\")", {{"k", "tukang becak"}}), kPass);
  EXPECT_EQ(OutcomeOf("contains(s, \"75\")", {{"s", "33.75"}}), kPass);
  EXPECT_EQ(OutcomeOf("len(s) == 5", {{"s", "Ñandú"}}), kPass);  // code points, not bytes
}

TEST(Evaluate, NikFunctions) {
  EXPECT_EQ(OutcomeOf("nik_valid(nik)"), kPass);
  EXPECT_EQ(OutcomeOf("nik_valid(s)", {{"s", "123"}}), kFail);
  EXPECT_EQ(OutcomeOf("nik_sex(nik) == \"P\""), kPass);
  EXPECT_EQ(OutcomeOf("nik_birth_date(nik) == 1990-07-05"), kPass);
  EXPECT_EQ(OutcomeOf("nik_birth_date(s) == 1990-07-05", {{"s", "33750105079"}}), kUnknown);
}

TEST(Evaluate, ScoreExpressionAndTerms) {
  RuleSet expression = RulesWith("true", "priority:\n  score: \"n * 2 + (if tp then 10 else 0)\"\n  order: [nik]\n");
  Record r(expression);
  ASSERT_TRUE(r.Set("nik", "3375014507900001").ok());
  ASSERT_TRUE(r.Set("n", "4").ok());
  ASSERT_TRUE(r.Set("tp", "ya").ok());
  EXPECT_EQ(r.Evaluate().score, 18);
  ASSERT_TRUE(r.Clear("n").ok());
  EXPECT_EQ(r.Evaluate().score, 0);  // a missing score counts as 0

  RuleSet terms = RulesWith("true",
                            "priority:\n  terms:\n"
                            "    - {id: tulang_punggung, when: tp, points: 100}\n"
                            "    - {id: becak, when: k == \"becak\", points: 2.5}\n"
                            "  order: [nik]\n");
  Record t(terms);
  ASSERT_TRUE(t.Set("nik", "3375014507900001").ok());
  ASSERT_TRUE(t.Set("k", "becak").ok());
  EXPECT_EQ(t.Evaluate().score, 2.5);
  ASSERT_TRUE(t.Set("tp", "ya").ok());
  EXPECT_EQ(t.Evaluate().score, 102.5);
}

TEST(Evaluate, InvalidRecords) {
  RuleSet rules = RulesWith("true");
  Record missing_required(rules);
  Decision d = missing_required.Evaluate();
  EXPECT_EQ(d.status, Status::kInvalid);
  EXPECT_EQ(d.invalid_slot, rules.FieldSlot("nik"));

  Record unknown_code(rules);
  ASSERT_TRUE(unknown_code.Set("nik", "3375014507900001").ok());
  EXPECT_FALSE(unknown_code.Set("k", "astronot").ok());
  d = unknown_code.Evaluate();
  EXPECT_EQ(d.status, Status::kInvalid);
  EXPECT_EQ(d.invalid_slot, rules.FieldSlot("k"));
}

TEST(Evaluate, DatedParametersFollowTheReferenceDate) {
  std::string yaml = testing::RuleFileWith("m <= batas");
  LoadOptions in_2022;
  in_2022.reference_date = absl::CivilDay(2022, 6, 1);
  absl::StatusOr<RuleSet> old_rules = RuleSet::FromString(yaml, "uji.yaml", in_2022);
  absl::StatusOr<RuleSet> new_rules = RuleSet::FromString(yaml, "uji.yaml");
  ASSERT_TRUE(old_rules.ok()) << old_rules.status();
  ASSERT_TRUE(new_rules.ok()) << new_rules.status();
  for (const RuleSet* rules : {&*old_rules, &*new_rules}) {
    Record r(*rules);
    ASSERT_TRUE(r.Set("nik", "3375014507900001").ok());
    ASSERT_TRUE(r.Set("m", "2200000").ok());
    EXPECT_EQ(r.Evaluate().eligible(), rules == &*new_rules);
  }
  LoadOptions too_early;
  too_early.reference_date = absl::CivilDay(2021, 1, 1);
  absl::StatusOr<RuleSet> none = RuleSet::FromString(yaml, "uji.yaml", too_early);
  ASSERT_FALSE(none.ok());
  EXPECT_THAT(std::string(none.status().message()), ::testing::HasSubstr("'batas' has no value on the reference date 2021-01-01"));
}

TEST(Evaluate, ConstantsAreFoldedAtLoad) {
  // A constant that overflows folds to missing; the rule is then unknown for everyone.
  EXPECT_EQ(OutcomeOf("9_223_372_036_854_775_807 + 1 > 0"), kUnknown);
  EXPECT_EQ(OutcomeOf("usia_min * 2 == 36"), kPass);
}

}  // namespace
}  // namespace aturan
