// tests/allocate/quota_test_list.hpp — a small rule file with areas A, B, C, categories and
// a score, its quota section given by each test, and hand-made lists of people for it.
#pragma once

#include <cstdlib>
#include <string>
#include <vector>

#include "absl/strings/str_replace.h"
#include "aturan/candidate_table.hpp"
#include "aturan/rule_set.hpp"
#include "gtest/gtest.h"

namespace aturan::testing {

// A rule file with areas A, B, C (kel), a category, a score field and the given quota section.
inline std::string RulesYaml(const std::string& quota) {
  std::string yaml = R"(aturan: 1
regulation: {id: uji-kuota, title: Uji kuota, region: "33.75", source: tests/allocate, effective: 2024-01-01}
schema:
  nik: {type: string, required: true, key: true}
  kel: {type: code, list: kel}
  kategori: {type: code, list: kategori, required: true}
  layak: {type: bool, default: true}
  skor: {type: int}
  miskin: {type: bool, default: false}
  dtks: {type: bool, default: false}
  penghasilan: {type: money}
lists:
  kel:
    items:
      - {code: A, name: Kelurahan A}
      - {code: B, name: Kelurahan B}
      - {code: C, name: Kelurahan C}
  kategori:
    items:
      - {code: rt, name: Ketua RT}
      - {code: kader, name: Kader}
      - {code: lain, name: Lainnya}
eligibility:
  - {id: layak, when: layak, reason: tidak layak}
priority:
  score: coalesce(skor, 0)
  order: [nik]
program:
  name: Uji
  reference_date: 2024-01-01
  coverage_months: 12
  premiums: {jkk: 10000, jkm: 6800, jht: 20000}
QUOTA
)";
  return absl::StrReplaceAll(yaml, {{"QUOTA", quota}});
}

inline RuleSet Rules(const std::string& quota) {
  LoadResult loaded = RuleSet::Load(RulesYaml(quota), "uji-kuota.yaml");
  EXPECT_NE(loaded.rules, nullptr) << FormatDiagnostics(loaded.diagnostics);
  if (loaded.rules == nullptr) std::abort();
  return *loaded.rules;
}

// One candidate of a test list.
struct Person {
  std::string nik;
  std::string kel = "A";
  int64_t skor = 0;
  std::string kategori = "lain";
  bool layak = true;
  bool miskin = false;
  bool dtks = false;
  int64_t penghasilan = -1;  // -1: missing
};

inline CandidateTable TableOf(const RuleSet& rules, const std::vector<Person>& people) {
  CandidateTable table(rules);
  const int kel = rules.FieldSlot("kel");
  const int kategori = rules.FieldSlot("kategori");
  for (size_t i = 0; i < people.size(); ++i) {
    const Person& p = people[i];
    const size_t row = table.AddRow(i + 1);
    table.Set(row, rules.FieldSlot("nik"), Value::String(p.nik));
    if (!p.kel.empty()) table.Set(row, kel, Value::Code(rules.CodeId(kel, p.kel)));
    table.Set(row, kategori, Value::Code(rules.CodeId(kategori, p.kategori)));
    table.Set(row, rules.FieldSlot("layak"), Value::Bool(p.layak));
    table.Set(row, rules.FieldSlot("skor"), Value::Int(p.skor));
    table.Set(row, rules.FieldSlot("miskin"), Value::Bool(p.miskin));
    table.Set(row, rules.FieldSlot("dtks"), Value::Bool(p.dtks));
    if (p.penghasilan >= 0) table.Set(row, rules.FieldSlot("penghasilan"), Value::Money(p.penghasilan));
  }
  return table;
}

}  // namespace aturan::testing
