// base/value_text.hpp — a candidate's field value as people write it (CSV cells, the CLI's
// --set) and values as people read them (reports, explanations).
#pragma once

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "aturan/value.hpp"

namespace aturan {

// Reads `text` as a value of `type`. Surrounding ASCII whitespace is ignored, and empty or
// whitespace-only text gives Value::MissingOf(type). Accepted spellings:
//   bool     true/false, ya/tidak, y/n, 1/0, in any letter case
//   int      optional sign, digits, '_' between digits ("-2_500")
//   money    whole rupiah: optional sign, optional "Rp" / "Rp." (any case, spaces may
//            follow), then digits ("2500000"), digits with '_' between them ("2_500_000")
//            or Indonesian thousands dots between groups of exactly three ("2.500.000"),
//            optionally followed by zero sen ",0" / ",00" or ",-"
//   decimal  optional sign, digits ('_' between them), optionally one decimal point or
//            comma and more digits ("0.5", "0,5"; "1.000" is one, not a thousand)
//   date     YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY (day and month may have one digit in the
//            last two); the day must exist and the year be 1000..9999
//   string   the text itself: the Value points INTO `text` (without the surrounding
//            whitespace), so the caller must keep `text` alive as long as the Value
// Anything else, a number out of range, and any non-empty text for Type::kCode (codes are
// looked up in their list by the caller) give absl::InvalidArgumentError with a short
// English reason that quotes the text.
absl::StatusOr<Value> ParseValueText(Type type, std::string_view text);

// Why a text does not read as a value: a short English reason ("not a bool") and a hint of
// what would (may be empty). Static text.
struct ValueTextProblem {
  std::string_view what;
  std::string_view hint;
};

// ParseValueText without building a Status, for loops over many cells: stores the value in
// *out and returns nullptr, or returns the problem (a static object) and leaves *out alone.
const ValueTextProblem* ReadValueText(Type type, std::string_view text, Value* out);

// ParseValueText's error message for `problem`, found reading `text`: the reason, then the
// text quoted, then the hint in parentheses when there is one.
std::string DescribeValueTextProblem(const ValueTextProblem& problem, std::string_view text);

// `value` as people read it: money "Rp2.500.000" ("-Rp5.000" below zero), decimal with at
// most 4 decimals and no trailing zeros ("0.5", "3"), date "YYYY-MM-DD", bool "ya"/"tidak",
// int in plain digits, string as it is, code "#<id>" (callers normally name codes
// themselves), and a missing value of any type "(kosong)".
std::string FormatValue(const Value& value);

}  // namespace aturan
