// compare_rules.hpp — the small rule files and list the comparison tests share: an "old"
// regulation (no quota, ages to 60, becak and parkir) and revisions of it, and a nine-row
// list whose outcome under each is worked out by hand in the tests.
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <string>

#include "absl/strings/str_replace.h"
#include "aturan/rule_set.hpp"
#include "gtest/gtest.h"

namespace aturan::testing {

// A rule file: `id`, the maximum age, the codes of pekerjaan_rentan, the extra eligibility
// rules, the priority section and the quota section (each YAML, may be empty).
inline std::string CompareRulesYaml(const std::string& id, int max_age, const std::string& rentan,
                                    const std::string& extra_rules = "", const std::string& priority = "",
                                    const std::string& quota = "") {
  std::string yaml = R"(aturan: 1
regulation: {id: ID, title: "Peraturan ID", region: "33.75", source: tests/compare, effective: 2024-01-01}
schema:
  id: {type: string, required: true, key: true}
  kelurahan: {type: code, list: kelurahan, required: true}
  pekerjaan: {type: code, list: pekerjaan, required: true}
  umur: {type: int, required: true}
  tulang_punggung: {type: bool, default: false, description: Pencari nafkah utama}
  dtks: {type: bool, default: false}
lists:
  kelurahan:
    items:
      - {code: A, name: Kelurahan A}
      - {code: B, name: Kelurahan B}
  pekerjaan:
    items:
      - {code: becak, name: Tukang becak}
      - {code: parkir, name: Tukang parkir}
      - {code: batik, name: Buruh batik}
      - {code: pns, name: PNS}
  pekerjaan_rentan:
    subset_of: pekerjaan
    items: [RENTAN]
parameters:
  usia_maksimum: {type: int, value: MAXAGE}
eligibility:
  - {id: usia, when: umur <= usia_maksimum, reason: Terlalu tua}
  - {id: rentan, when: pekerjaan in pekerjaan_rentan, reason: Bukan pekerjaan rentan}
EXTRA
PRIORITY
program:
  name: Uji
  reference_date: 2024-01-01
  coverage_months: 12
  premiums: {jkk: 10000, jkm: 6800}
QUOTA
)";
  return absl::StrReplaceAll(yaml, {{"ID", id},
                                    {"MAXAGE", std::to_string(max_age)},
                                    {"RENTAN", rentan},
                                    {"EXTRA", extra_rules},
                                    {"PRIORITY", priority},
                                    {"QUOTA", quota}});
}

inline RuleSet LoadCompareRules(const std::string& yaml) {
  LoadResult loaded = RuleSet::Load(yaml, "uji.yaml");
  EXPECT_NE(loaded.rules, nullptr) << FormatDiagnostics(loaded.diagnostics);
  if (loaded.rules == nullptr) std::abort();
  return *loaded.rules;
}

// Nine candidates. Row 8 has an occupation no list knows: invalid under every file.
inline constexpr const char* kCompareList =
    "id,kelurahan,pekerjaan,umur,tulang_punggung,dtks\n"
    "P01,A,becak,30,ya,tidak\n"
    "P02,A,parkir,62,tidak,ya\n"
    "P03,B,batik,40,ya,tidak\n"
    "P04,B,pns,35,tidak,tidak\n"
    "P05,A,batik,64,tidak,ya\n"
    "P06,B,becak,70,ya,ya\n"
    "P07,B,becak,50,tidak,ya\n"
    "P08,A,astronot,30,,tidak\n"
    "P09,B,parkir,25,tidak,tidak\n";

// kCompareList written to a file of the test's temporary directory; its path.
inline std::string WriteCompareList(const std::string& name, const std::string& text = kCompareList) {
  const std::string path = ::testing::TempDir() + "/aturan_compare_" + std::to_string(getpid()) + "_" + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

}  // namespace aturan::testing
