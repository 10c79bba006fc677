// The C API's candidate buffers and decisions: every setter, the errors of each (unknown slot,
// wrong type, unreadable text, a code outside its list), evaluate and explain against the C++
// Record on the same values, and NULL arguments.
#include <cmath>
#include <limits>
#include <string>

#include "aturan/aturan.h"
#include "aturan/record.hpp"
#include "capi/capi_handles.hpp"
#include "capi/same_decision.hpp"
#include "core/test_rules.hpp"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace aturan::testing {
namespace {

using ::testing::HasSubstr;

// The test rule file (core/test_rules.hpp) with rule `when`, loaded through the C API.
Rules CRulesWith(const std::string& when) {
  aturan_rules* rules = nullptr;
  CString error;
  EXPECT_EQ(aturan_rules_load_string(RuleFileWith(when).c_str(), "uji.yaml", nullptr, &rules, error.out()), ATURAN_OK)
      << error.str();
  return Rules(rules);
}

// Decides `candidate`, failing the test on an error.
aturan_decision Decide(const aturan_candidate* candidate) {
  aturan_decision decision;
  CString error;
  EXPECT_EQ(aturan_evaluate(candidate, &decision, error.out()), ATURAN_OK) << error.str();
  return decision;
}

TEST(CapiCandidate, TextIsReadAsTheCppRecordReadsIt) {
  const std::string when = "n >= 3 and m <= batas and d > rasio and s == kota and t < 2000-01-01 and b and k in rentan";
  Rules rules = CRulesWith(when);
  Candidate candidate = NewCandidate(rules.get());
  Record record(RulesWith(when));
  const std::vector<std::pair<std::string, std::string>> values = {
      {"nik", "3375014507900001"}, {"n", "5"}, {"m", "Rp2.500.000"}, {"d", "0,75"}, {"s", "  Pekalongan "},
      {"t", "12-03-1975"}, {"b", "ya"}, {"k", "Tukang Becak"}, {"g", "2"}};
  for (const auto& [name, text] : values) {
    CString error;
    EXPECT_EQ(aturan_candidate_set_text(candidate.get(), SlotOf(rules.get(), name.c_str()), text.c_str(), error.out()),
              ATURAN_OK) << name << ": " << error.str();
    ASSERT_TRUE(record.Set(name, text).ok()) << name;
  }
  const aturan_decision decision = Decide(candidate.get());
  EXPECT_EQ(decision.status, ATURAN_ELIGIBLE);
  ExpectSameDecision(decision, record.Evaluate(), record.rules());

  // Each value changed to fail the rule fails it in both.
  for (const auto& [name, text] : std::vector<std::pair<std::string, std::string>>{
           {"n", "2"}, {"m", "2.500.001"}, {"d", "0.5"}, {"s", "Batang"}, {"t", "2000-01-01"}, {"b", "tidak"}, {"k", "petani"}}) {
    Candidate changed = NewCandidate(rules.get());
    Record changed_record(RulesWith(when));
    for (const auto& [n, t] : values) {
      ASSERT_EQ(aturan_candidate_set_text(changed.get(), SlotOf(rules.get(), n.c_str()), t.c_str(), nullptr), ATURAN_OK);
      ASSERT_TRUE(changed_record.Set(n, t).ok());
    }
    ASSERT_EQ(aturan_candidate_set_text(changed.get(), SlotOf(rules.get(), name.c_str()), text.c_str(), nullptr), ATURAN_OK);
    ASSERT_TRUE(changed_record.Set(name, text).ok());
    const aturan_decision d = Decide(changed.get());
    EXPECT_EQ(d.status, ATURAN_INELIGIBLE) << name;
    EXPECT_EQ(d.failed_count, 1);
    EXPECT_STREQ(d.failed_rule_ids[0], "r");
    ExpectSameDecision(d, changed_record.Evaluate(), changed_record.rules());
  }
}

TEST(CapiCandidate, TypedSettersGiveTheValuesTheirTextGives) {
  const std::string when = "n == 5 and m == 2500000 and d == 0.75 and t == 1975-03-12 and b";
  Rules rules = CRulesWith(when);
  Candidate typed = NewCandidate(rules.get());
  aturan_rules* r = rules.get();
  ASSERT_EQ(aturan_candidate_set_text(typed.get(), SlotOf(r, "nik"), "3375014507900001", nullptr), ATURAN_OK);
  EXPECT_EQ(aturan_candidate_set_int(typed.get(), SlotOf(r, "n"), 5, nullptr), ATURAN_OK);
  EXPECT_EQ(aturan_candidate_set_money(typed.get(), SlotOf(r, "m"), 2500000, nullptr), ATURAN_OK);
  EXPECT_EQ(aturan_candidate_set_decimal(typed.get(), SlotOf(r, "d"), 0.75, nullptr), ATURAN_OK);
  EXPECT_EQ(aturan_candidate_set_date(typed.get(), SlotOf(r, "t"), 1975, 3, 12, nullptr), ATURAN_OK);
  EXPECT_EQ(aturan_candidate_set_bool(typed.get(), SlotOf(r, "b"), 1, nullptr), ATURAN_OK);
  EXPECT_EQ(Decide(typed.get()).status, ATURAN_ELIGIBLE);
  // set_int also fills money and decimal fields.
  EXPECT_EQ(aturan_candidate_set_int(typed.get(), SlotOf(r, "m"), 2500000, nullptr), ATURAN_OK);
  EXPECT_EQ(aturan_candidate_set_int(typed.get(), SlotOf(r, "d"), 1, nullptr), ATURAN_OK);
  EXPECT_EQ(Decide(typed.get()).status, ATURAN_INELIGIBLE);  // d is 1 now, not 0.75
  EXPECT_EQ(aturan_candidate_set_bool(typed.get(), SlotOf(r, "b"), 0, nullptr), ATURAN_OK);
  EXPECT_EQ(aturan_candidate_set_decimal(typed.get(), SlotOf(r, "d"), 0.75, nullptr), ATURAN_OK);
  EXPECT_EQ(Decide(typed.get()).status, ATURAN_INELIGIBLE);  // b is false now
}

TEST(CapiCandidate, MissingDataMakesARuleUnknownAndARequiredFieldInvalid) {
  Rules rules = CRulesWith("n >= 3");
  Candidate candidate = NewCandidate(rules.get());
  aturan_decision d = Decide(candidate.get());  // nik (required) is missing
  EXPECT_EQ(d.status, ATURAN_INVALID);
  EXPECT_EQ(d.invalid_slot, SlotOf(rules.get(), "nik"));
  EXPECT_STREQ(d.invalid_field, "nik");
  ASSERT_EQ(aturan_candidate_set_text(candidate.get(), SlotOf(rules.get(), "nik"), "3375014507900001", nullptr), ATURAN_OK);
  d = Decide(candidate.get());
  EXPECT_EQ(d.status, ATURAN_INELIGIBLE);
  EXPECT_EQ(d.failed_count, 1);
  EXPECT_EQ(d.unknown_count, 1);
  EXPECT_EQ(d.failed_outcomes[0], ATURAN_RULE_UNKNOWN);
  EXPECT_EQ(d.invalid_slot, -1);
  EXPECT_EQ(d.invalid_field, nullptr);
  ASSERT_EQ(aturan_candidate_set_int(candidate.get(), SlotOf(rules.get(), "n"), 1, nullptr), ATURAN_OK);
  d = Decide(candidate.get());
  EXPECT_EQ(d.unknown_count, 0);
  EXPECT_EQ(d.failed_outcomes[0], ATURAN_RULE_FAILED);
  // set_missing, blank text and clear all make values missing again.
  ASSERT_EQ(aturan_candidate_set_missing(candidate.get(), SlotOf(rules.get(), "n"), nullptr), ATURAN_OK);
  EXPECT_EQ(Decide(candidate.get()).unknown_count, 1);
  ASSERT_EQ(aturan_candidate_set_int(candidate.get(), SlotOf(rules.get(), "n"), 4, nullptr), ATURAN_OK);
  EXPECT_EQ(Decide(candidate.get()).status, ATURAN_ELIGIBLE);
  ASSERT_EQ(aturan_candidate_set_text(candidate.get(), SlotOf(rules.get(), "n"), "  ", nullptr), ATURAN_OK);
  EXPECT_EQ(Decide(candidate.get()).unknown_count, 1);
  ASSERT_EQ(aturan_candidate_clear(candidate.get(), nullptr), ATURAN_OK);
  EXPECT_EQ(Decide(candidate.get()).status, ATURAN_INVALID);
}

TEST(CapiCandidate, ACodeOutsideItsListIsKeptAndMakesTheCandidateInvalid) {
  Rules rules = CRulesWith("k in rentan");
  Candidate candidate = NewCandidate(rules.get());
  ASSERT_EQ(aturan_candidate_set_text(candidate.get(), SlotOf(rules.get(), "nik"), "3375014507900001", nullptr), ATURAN_OK);
  CString error;
  EXPECT_EQ(aturan_candidate_set_text(candidate.get(), SlotOf(rules.get(), "k"), "astronot", error.out()),
            ATURAN_ERROR_NOT_IN_LIST);
  EXPECT_THAT(error.str(), HasSubstr("k: 'astronot' is not a code of list 'pekerjaan'"));
  const aturan_decision d = Decide(candidate.get());
  EXPECT_EQ(d.status, ATURAN_INVALID);
  EXPECT_STREQ(d.invalid_field, "k");
}

TEST(CapiCandidate, UnreadableTextIsAnErrorAndLeavesTheFieldAsItWas) {
  Rules rules = CRulesWith("n == 5 and t == 1975-03-12");
  Candidate candidate = NewCandidate(rules.get());
  aturan_rules* r = rules.get();
  ASSERT_EQ(aturan_candidate_set_text(candidate.get(), SlotOf(r, "nik"), "3375014507900001", nullptr), ATURAN_OK);
  ASSERT_EQ(aturan_candidate_set_text(candidate.get(), SlotOf(r, "n"), "5", nullptr), ATURAN_OK);
  ASSERT_EQ(aturan_candidate_set_text(candidate.get(), SlotOf(r, "t"), "12-03-1975", nullptr), ATURAN_OK);
  CString error;
  EXPECT_EQ(aturan_candidate_set_text(candidate.get(), SlotOf(r, "n"), "lima", error.out()), ATURAN_ERROR_INVALID_ARGUMENT);
  EXPECT_THAT(error.str(), HasSubstr("n: "));
  EXPECT_THAT(error.str(), HasSubstr("lima"));
  EXPECT_EQ(aturan_candidate_set_text(candidate.get(), SlotOf(r, "t"), "31-02-1975", error.out()),
            ATURAN_ERROR_INVALID_ARGUMENT);
  EXPECT_THAT(error.str(), HasSubstr("t: "));
  EXPECT_EQ(aturan_candidate_set_date(candidate.get(), SlotOf(r, "t"), 1975, 2, 31, error.out()),
            ATURAN_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(error.str(), "1975-2-31 is not a day (years 1000 to 9999)");
  EXPECT_EQ(aturan_candidate_set_decimal(candidate.get(), SlotOf(r, "d"), std::nan(""), error.out()),
            ATURAN_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(aturan_candidate_set_decimal(candidate.get(), SlotOf(r, "d"), std::numeric_limits<double>::infinity(),
                                         nullptr),
            ATURAN_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(Decide(candidate.get()).status, ATURAN_ELIGIBLE);  // n and t kept their values
}

TEST(CapiCandidate, ATypedSetterOnAFieldOfAnotherTypeIsAWrongTypeError) {
  Rules rules = CRulesWith("b");
  Candidate candidate = NewCandidate(rules.get());
  aturan_rules* r = rules.get();
  CString error;
  EXPECT_EQ(aturan_candidate_set_int(candidate.get(), SlotOf(r, "t"), 5, error.out()), ATURAN_ERROR_WRONG_TYPE);
  EXPECT_EQ(error.str(), "field 't' is of type date: aturan_candidate_set_int cannot set it "
                         "(aturan_candidate_set_text reads any type)");
  EXPECT_EQ(aturan_candidate_set_money(candidate.get(), SlotOf(r, "n"), 5, nullptr), ATURAN_ERROR_WRONG_TYPE);
  EXPECT_EQ(aturan_candidate_set_decimal(candidate.get(), SlotOf(r, "m"), 5, nullptr), ATURAN_ERROR_WRONG_TYPE);
  EXPECT_EQ(aturan_candidate_set_bool(candidate.get(), SlotOf(r, "s"), 1, nullptr), ATURAN_ERROR_WRONG_TYPE);
  EXPECT_EQ(aturan_candidate_set_date(candidate.get(), SlotOf(r, "k"), 2000, 1, 1, nullptr), ATURAN_ERROR_WRONG_TYPE);
  EXPECT_EQ(aturan_candidate_set_int(candidate.get(), SlotOf(r, "k"), 0, nullptr), ATURAN_ERROR_WRONG_TYPE);
}

TEST(CapiCandidate, ASlotOutsideTheSchemaIsAnError) {
  Rules rules = CRulesWith("b");
  Candidate candidate = NewCandidate(rules.get());
  const int32_t fields = aturan_rules_field_count(rules.get());
  CString error;
  EXPECT_EQ(aturan_candidate_set_text(candidate.get(), fields, "x", error.out()), ATURAN_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(error.str(), "slot " + std::to_string(fields) + " is not a field slot (the schema has slots 0 to " +
                             std::to_string(fields - 1) + ")");
  EXPECT_EQ(aturan_candidate_set_int(candidate.get(), -1, 1, nullptr), ATURAN_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(aturan_candidate_set_missing(candidate.get(), fields, nullptr), ATURAN_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(aturan_candidate_set_date(candidate.get(), -5, 2000, 1, 1, nullptr), ATURAN_ERROR_INVALID_ARGUMENT);
}

TEST(CapiCandidate, ACandidateOutlivesItsRulesHandle) {
  aturan_rules* rules = nullptr;
  ASSERT_EQ(aturan_rules_load_string(RuleFileWith("n >= 3").c_str(), nullptr, nullptr, &rules, nullptr), ATURAN_OK);
  const int32_t nik = SlotOf(rules, "nik");
  const int32_t n = SlotOf(rules, "n");
  Candidate candidate = NewCandidate(rules);
  aturan_rules_free(rules);
  ASSERT_EQ(aturan_candidate_set_text(candidate.get(), nik, "3375014507900001", nullptr), ATURAN_OK);
  ASSERT_EQ(aturan_candidate_set_int(candidate.get(), n, 3, nullptr), ATURAN_OK);
  const aturan_decision d = Decide(candidate.get());
  EXPECT_EQ(d.status, ATURAN_ELIGIBLE);
}

TEST(CapiCandidate, ExplainGivesTheCppExplanationText) {
  const std::string when = "n >= 3 and k in rentan";
  Rules rules = CRulesWith(when);
  Candidate candidate = NewCandidate(rules.get());
  Record record(RulesWith(when));
  for (const auto& [name, text] : {std::pair{"nik", "3375014507900001"}, std::pair{"n", "2"}, std::pair{"k", "ojek"}}) {
    ASSERT_EQ(aturan_candidate_set_text(candidate.get(), SlotOf(rules.get(), name), text, nullptr), ATURAN_OK);
    ASSERT_TRUE(record.Set(name, text).ok());
  }
  CString text;
  CString error;
  ASSERT_EQ(aturan_explain(candidate.get(), text.out(), error.out()), ATURAN_OK) << error.str();
  EXPECT_EQ(text.str(), record.Explain().ToText());
  EXPECT_THAT(text.str(), HasSubstr("n >= 3"));
}

TEST(CapiCandidate, NullArgumentsAreErrorsNotCrashes) {
  Rules rules = CRulesWith("b");
  Candidate candidate = NewCandidate(rules.get());
  aturan_candidate* out = nullptr;
  CString error;
  EXPECT_EQ(aturan_candidate_new(nullptr, &out, error.out()), ATURAN_ERROR_NULL_ARGUMENT);
  EXPECT_EQ(error.str(), "argument 'rules' is NULL");
  EXPECT_EQ(out, nullptr);
  EXPECT_EQ(aturan_candidate_new(rules.get(), nullptr, nullptr), ATURAN_ERROR_NULL_ARGUMENT);
  EXPECT_EQ(aturan_candidate_clear(nullptr, nullptr), ATURAN_ERROR_NULL_ARGUMENT);
  EXPECT_EQ(aturan_candidate_set_text(nullptr, 0, "x", error.out()), ATURAN_ERROR_NULL_ARGUMENT);
  EXPECT_EQ(error.str(), "argument 'candidate' is NULL");
  EXPECT_EQ(aturan_candidate_set_text(candidate.get(), 0, nullptr, error.out()), ATURAN_ERROR_NULL_ARGUMENT);
  EXPECT_EQ(error.str(), "argument 'text' is NULL");
  EXPECT_EQ(aturan_candidate_set_int(nullptr, 0, 1, nullptr), ATURAN_ERROR_NULL_ARGUMENT);
  EXPECT_EQ(aturan_candidate_set_money(nullptr, 0, 1, nullptr), ATURAN_ERROR_NULL_ARGUMENT);
  EXPECT_EQ(aturan_candidate_set_decimal(nullptr, 0, 1, nullptr), ATURAN_ERROR_NULL_ARGUMENT);
  EXPECT_EQ(aturan_candidate_set_bool(nullptr, 0, 1, nullptr), ATURAN_ERROR_NULL_ARGUMENT);
  EXPECT_EQ(aturan_candidate_set_date(nullptr, 0, 2000, 1, 1, nullptr), ATURAN_ERROR_NULL_ARGUMENT);
  EXPECT_EQ(aturan_candidate_set_missing(nullptr, 0, nullptr), ATURAN_ERROR_NULL_ARGUMENT);
  aturan_decision decision;
  EXPECT_EQ(aturan_evaluate(nullptr, &decision, nullptr), ATURAN_ERROR_NULL_ARGUMENT);
  EXPECT_EQ(aturan_evaluate(candidate.get(), nullptr, nullptr), ATURAN_ERROR_NULL_ARGUMENT);
  CString text;
  EXPECT_EQ(aturan_explain(nullptr, text.out(), nullptr), ATURAN_ERROR_NULL_ARGUMENT);
  EXPECT_TRUE(text.null());
  EXPECT_EQ(aturan_explain(candidate.get(), nullptr, nullptr), ATURAN_ERROR_NULL_ARGUMENT);
  aturan_candidate_free(nullptr);
}

}  // namespace
}  // namespace aturan::testing
