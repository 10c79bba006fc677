// Running test files: passing cases, failing cases reported with their line, expected and
// actual values and the explanation, cases that cannot run, and rule files with errors.
#include "ruletest/run_test_file.hpp"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ruletest/ruletest_fixture.hpp"

namespace aturan::ruletest {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;

FileReport RunCases(const std::string& test_text, const std::string& rules_text = testing::kRulesYaml) {
  const std::string rules = testing::WriteFile("uji.yaml", rules_text);
  const std::string test = testing::WriteFile("uji.test.yaml", test_text);
  return RunTestFile(rules, test);
}

// Base fields of an eligible candidate of the test rules (born 1990, 33 years old).
constexpr char kBase[] = R"(base: {nik: "3375010101900001", kel: A, lahir: 01-01-1990, penghasilan: Rp1.500.000}
)";

TEST(RunTestFileTest, PassingCandidateCases) {
  const FileReport report = RunCases(std::string(kBase) + R"(candidates:
  - name: memenuhi syarat
    expect: {status: eligible, failing: [], score: 0}
  - name: miskin mendapat 30 poin
    fields: {miskin: ya}
    expect: {status: eligible, score: 30}
  - name: luar kota
    fields: {kel: X}
    expect: {status: ineligible, failing: [domisili], reason: "luar kota"}
  - name: penghasilan kosong tidak dapat dinilai
    fields: {penghasilan: ""}
    expect: {status: ineligible, failing: [penghasilan], unknown: [penghasilan]}
  - name: batas 2025 lebih tinggi
    reference_date: 2025-01-01
    fields: {penghasilan: "2400000"}
    expect: {status: eligible}
  - name: kode di luar daftar
    fields: {kel: Z}
    expect: {status: invalid, reason: kel}
  - name: tanggal yang tidak ada
    fields: {lahir: 30-02-1990}
    expect: {status: invalid, reason: lahir}
)");
  EXPECT_THAT(report.errors, IsEmpty()) << FormatDiagnostics(report.errors);
  ASSERT_THAT(report.results, SizeIs(7));
  for (const CaseResult& result : report.results) {
    EXPECT_EQ(result.outcome, CaseOutcome::kPassed) << result.name << ": " << result.mismatches.front();
  }
}

TEST(RunTestFileTest, FailingCandidateCaseIsReportedWithLineExpectedActualAndExplanation) {
  const FileReport report = RunCases(std::string(kBase) + R"(candidates:
  - name: benar
    expect: {status: eligible}
  - name: salah
    fields: {penghasilan: Rp2.000.001, miskin: ya}
    expect: {status: eligible, score: 50}
)");
  ASSERT_THAT(report.results, SizeIs(2));
  EXPECT_EQ(report.results[0].outcome, CaseOutcome::kPassed);
  const CaseResult& failed = report.results[1];
  EXPECT_EQ(failed.outcome, CaseOutcome::kFailed);
  EXPECT_EQ(failed.name, "salah");
  EXPECT_EQ(failed.at.line, 5u);
  EXPECT_THAT(failed.mismatches, ElementsAre("status: diharapkan eligible, didapat ineligible",
                                             "score: diharapkan 50, didapat 30"));
  EXPECT_THAT(failed.details, HasSubstr("tidak terpenuhi: penghasilan"));
  EXPECT_THAT(failed.details, HasSubstr("Penghasilan melebihi batas."));
}

TEST(RunTestFileTest, FailingSetsAndReasonAreCompared) {
  const FileReport report = RunCases(std::string(kBase) + R"(candidates:
  - name: dua gagal
    fields: {kel: X, lahir: 2010-01-01}
    expect: {status: ineligible, failing: [domisili], reason: "kota lain"}
)");
  ASSERT_THAT(report.results, SizeIs(1));
  EXPECT_THAT(report.results[0].mismatches,
              ElementsAre("failing: diharapkan [domisili], didapat [domisili, usia]",
                          "reason: tidak ada alasan yang memuat \"kota lain\""));
}

// Seats 4 shared A 3 : B 1. Three eligible in A, two in B (scores decide), one outside.
constexpr char kRows[] = R"(    rows:
      - {nik: "3375010101900001", kel: A}
      - {nik: "3375010101900002", kel: A}
      - {nik: "3375010101900003", kel: A, miskin: ya}
      - {nik: "3375010101900004", kel: B}
      - {nik: "3375010101900005", kel: B, miskin: ya}
      - {nik: "3375010101900006", kel: X}
      - {nik: "3375010101900007", kel: A, lahir: 31-02-1990}
)";

TEST(RunTestFileTest, AllocationCaseOnInlineRows) {
  // A gets 3 seats for its 3; B 1 seat: the extreme-poor 0005 before 0004, who waits first.
  const FileReport report = RunCases(std::string(kBase) + "allocations:\n  - name: empat kursi\n" + kRows + R"(    expect:
      selected: 4
      waitlisted: 1
      ineligible: 1
      invalid: 1
      cost: 806_400
      pools: {uji-tes: {capacity: 4, candidates: 5, selected: 4, waitlisted: 1, unused: 0}}
      areas:
        A: {basis: 3, quota: 3, eligible: 3, selected: 3}
        B: {basis: 1, quota: 1, eligible: 2, selected: 1, waitlisted: 1}
      people:
        "3375010101900005": {status: selected, area: B}
        "3375010101900004": {status: waitlisted, area: B, rank: 1}
        "3375010101900006": ineligible
        "3375010101900007": invalid
)");
  EXPECT_THAT(report.errors, IsEmpty()) << FormatDiagnostics(report.errors);
  ASSERT_THAT(report.results, SizeIs(1));
  EXPECT_EQ(report.results[0].outcome, CaseOutcome::kPassed)
      << (report.results[0].mismatches.empty() ? "" : report.results[0].mismatches.front());
}

TEST(RunTestFileTest, FailingAllocationCaseNamesNumbersAndPeople) {
  const FileReport report = RunCases(std::string(kBase) + "allocations:\n  - name: salah\n" + kRows + R"(    expect:
      selected: 5
      areas: {B: {quota: 2}}
      people:
        "3375010101900004": selected
        "3375019999999999": selected
)");
  ASSERT_THAT(report.results, SizeIs(1));
  const CaseResult& result = report.results[0];
  EXPECT_EQ(result.outcome, CaseOutcome::kFailed);
  EXPECT_EQ(result.at.line, 3u);
  EXPECT_THAT(result.mismatches,
              ElementsAre("selected: diharapkan 5, didapat 4", "pools.uji-tes.areas.B.quota: diharapkan 2, didapat 1",
                          "orang 3375010101900004: status diharapkan selected, didapat waitlisted",
                          "orang 3375019999999999: NIK ini tidak ada di daftar"));
  EXPECT_THAT(result.details, HasSubstr("Baris 4 (3375010101900004)"));
}

TEST(RunTestFileTest, CaseThatCannotRunIsAnError) {
  // batas has no value before 2024-01-01
  const FileReport report = RunCases(std::string(kBase) + R"(candidates:
  - name: terlalu awal
    reference_date: 2023-06-01
    expect: {status: eligible}
)");
  ASSERT_THAT(report.results, SizeIs(1));
  EXPECT_EQ(report.results[0].outcome, CaseOutcome::kError);
  EXPECT_THAT(report.results[0].mismatches.front(), HasSubstr("reference date 2023-06-01"));
}

TEST(RunTestFileTest, RuleFileWithErrorsRunsNoCase) {
  const FileReport report = RunCases("candidates:\n  - {name: a, expect: {status: eligible}}\n", "aturan: 1\n");
  EXPECT_THAT(report.errors, ::testing::Not(IsEmpty()));
  EXPECT_THAT(report.results, IsEmpty());
}

TEST(RunTestFileTest, MissingTestFileIsAnError) {
  const std::string rules = testing::WriteFile("uji.yaml", testing::kRulesYaml);
  const FileReport report = RunTestFile(rules, rules + ".hilang.yaml");
  ASSERT_THAT(report.errors, SizeIs(1));
  EXPECT_EQ(report.errors[0].message, "cannot read the test file");
}

}  // namespace
}  // namespace aturan::ruletest
