// test_rules.hpp — a small rule file with one field of every type, for core tests.
#pragma once

#include <map>
#include <string>

#include "absl/strings/str_replace.h"
#include "aturan/record.hpp"
#include "aturan/rule_set.hpp"
#include "gtest/gtest.h"

namespace aturan::testing {

// A rule file whose single eligibility rule is `when` (and optional extra YAML appended
// after the eligibility section, e.g. a priority section).
inline std::string RuleFileWith(const std::string& when, const std::string& extra = "") {
  std::string yaml = R"(aturan: 1
regulation:
  id: uji
  title: Aturan uji
  region: "33.75"
  source: tests/core
  effective: 2023-01-01
schema:
  nik: {type: string, required: true, key: true}
  n: {type: int}
  m: {type: money}
  d: {type: decimal}
  s: {type: string}
  t: {type: date}
  b: {type: bool}
  k: {type: code, list: pekerjaan}
  g: {type: code, list: jenis_kelamin}
  tp: {type: bool, default: false}
lists:
  pekerjaan:
    items:
      - {code: becak, name: Pengayuh becak, aliases: [tukang becak]}
      - {code: ojek, name: Ojek pangkalan}
      - {code: petani, name: Petani}
  rentan:
    subset_of: pekerjaan
    items: [becak, ojek]
  jenis_kelamin:
    items:
      - {code: L, name: Laki-laki, aliases: ["1"]}
      - {code: P, name: Perempuan, aliases: ["2"]}
parameters:
  usia_min: {type: int, value: 18}
  batas: {type: money, values: {2022-01-01: 2_000_000, 2023-01-01: 2_500_000}}
  rasio: {type: decimal, value: 0.5}
  kota: {type: string, value: Pekalongan}
eligibility:
  - id: r
    when: WHEN
    reason: uji
EXTRA
program:
  reference_date: 2023-06-01
  premiums: {jkk: 10000, jkm: 6800}
)";
  std::string quoted = "'" + absl::StrReplaceAll(when, {{"'", "''"}}) + "'";
  return absl::StrReplaceAll(yaml, {{"WHEN", quoted}, {"EXTRA", extra}});
}

// The rules of RuleFileWith(when, extra); fails the test when they do not load.
inline RuleSet RulesWith(const std::string& when, const std::string& extra = "") {
  LoadResult loaded = RuleSet::Load(RuleFileWith(when, extra), "uji.yaml");
  EXPECT_NE(loaded.rules, nullptr) << FormatDiagnostics(loaded.diagnostics);
  if (loaded.rules == nullptr) std::abort();
  return *loaded.rules;
}

// How the single rule `when` comes out for a candidate with `fields` (nik is filled in).
inline Outcome OutcomeOf(const std::string& when, const std::map<std::string, std::string>& fields = {}) {
  Record record(RulesWith(when));
  EXPECT_TRUE(record.Set("nik", "3375014507900001").ok());
  for (const auto& [name, text] : fields) {
    absl::Status status = record.Set(name, text);
    EXPECT_TRUE(status.ok()) << status;
  }
  Decision d = record.Evaluate();
  EXPECT_NE(d.status, Status::kInvalid);
  return d.outcome(0);
}

// The errors among `diagnostics` (warnings dropped).
inline std::vector<Diagnostic> OnlyErrors(const std::vector<Diagnostic>& diagnostics) {
  std::vector<Diagnostic> errors;
  for (const Diagnostic& d : diagnostics) {
    if (d.severity == Diagnostic::Severity::kError) errors.push_back(d);
  }
  return errors;
}

// The errors of loading RuleFileWith(when, extra).
inline std::vector<Diagnostic> ErrorsOf(const std::string& when, const std::string& extra = "") {
  return OnlyErrors(RuleSet::Load(RuleFileWith(when, extra), "uji.yaml").diagnostics);
}

}  // namespace aturan::testing
