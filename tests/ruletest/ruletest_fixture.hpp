// ruletest_fixture.hpp — a small rule file and test files written to a temporary directory,
// for the ruletest tests.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>

#include "gtest/gtest.h"

namespace aturan::ruletest::testing {

// A rule file with two areas shared by population (A 3, B 1), a dated income ceiling, a score
// and three rules, reference date 2024-01-01, 4 seats.
inline constexpr char kRulesYaml[] = R"(aturan: 1
regulation: {id: uji-tes, title: Uji tes, region: "33.75", source: tests/ruletest, effective: 2024-01-01}
schema:
  nik: {type: string, required: true, key: true}
  kel: {type: code, list: kel, required: true}
  lahir: {type: date, required: true}
  penghasilan: {type: money}
  miskin: {type: bool, default: false}
lists:
  kel:
    items:
      - {code: A, name: Kelurahan A, aliases: [anggrek]}
      - {code: B, name: Kelurahan B}
      - {code: X, name: Luar kota}
  kota:
    subset_of: kel
    items: [A, B]
parameters:
  batas:
    type: money
    values: {2024-01-01: 2_000_000, 2025-01-01: 2_500_000}
eligibility:
  - {id: domisili, when: kel in kota, reason: "Anda tinggal di luar kota."}
  - {id: usia, when: "age(lahir, tanggal_acuan) >= 18", reason: "Usia di bawah 18 tahun."}
  - {id: penghasilan, when: penghasilan <= batas, reason: "Penghasilan melebihi batas."}
priority:
  terms:
    - {id: miskin, when: miskin, points: 30}
  order: [nik]
program:
  name: Uji
  reference_date: 2024-01-01
  premiums: {jkk: 10000, jkm: 6800}
quota:
  seats: 4
  by: kel
  basis: population
  areas: {A: 3, B: 1}
)";

// Writes `text` to `name` in a fresh directory of this test and returns its path.
inline std::string WriteFile(const std::string& name, const std::string& text) {
  const std::string dir = ::testing::TempDir() + "/ruletest_" +
                          ::testing::UnitTest::GetInstance()->current_test_info()->name();
  std::filesystem::create_directories(dir);
  const std::string path = dir + "/" + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

}  // namespace aturan::ruletest::testing
