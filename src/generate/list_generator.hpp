// generate/list_generator.hpp — a synthetic candidate list for a rule file's schema and
// region (`aturan generate`): realistic rows (NIKs that follow their structure and agree with
// birth date and sex, Indonesian names, kelurahan by population, occupations mostly from the
// covered list, incomes of informal workers, values spelled the many ways lists spell them)
// and a chosen share of rows with exactly one defect each, counted by kind, so that reading
// and validating a list can be checked against what was written.
//
// The output is RFC 4180 CSV in UTF-8 with LF line ends: a header of the schema's field names
// in slot order, then one row per candidate. It is the same for the same rule file, rows,
// seed and bad_share on any machine and with any number of threads, and the first N rows do
// not depend on how many rows follow.
#pragma once

#include <array>
#include <cstdint>
#include <cstdio>

#include "absl/status/statusor.h"
#include "aturan/rule_set.hpp"
#include "generate/defect.hpp"

namespace aturan {

// The youngest and oldest age (in whole years on the rule file's reference date) generated.
inline constexpr int kGeneratedMinAge = 14;
inline constexpr int kGeneratedMaxAge = 75;

// What to generate.
struct GenerateOptions {
  uint64_t rows = 1000;    // data rows, header not counted
  uint64_t seed = 1;
  double bad_share = 0.02;  // the probability that a row has a defect, 0..1
  int threads = 0;          // 0: one per hardware thread
};

// What was written.
struct GenerateStats {
  uint64_t rows = 0;        // data rows
  uint64_t good_rows = 0;   // rows without any defect
  // Rows with exactly that one defect, by Defect; rows = good_rows + the sum of these.
  std::array<uint64_t, kDefectCount> defect_rows{};
  uint64_t bytes = 0;       // bytes written, header included

  // Rows with `defect`.
  uint64_t count(Defect defect) const { return defect_rows[static_cast<size_t>(defect)]; }
  // Rows a validator must mark invalid: every defect except the kNikMismatch warning.
  uint64_t invalid_rows() const;
};

// The most rows that can have distinct NIKs for `rules` (every birth date in the age range,
// both sexes, serials 0001..9999): about 450 million.
uint64_t MaxGeneratedRows(const RuleSet& rules);

// Writes a list for `rules` to `out`. Fails with InvalidArgument for bad_share outside [0, 1]
// or more rows than MaxGeneratedRows, and with Unavailable when writing fails.
absl::StatusOr<GenerateStats> GenerateList(const RuleSet& rules, const GenerateOptions& options, std::FILE* out);

}  // namespace aturan
