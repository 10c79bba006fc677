// base/dates.hpp — calendar helpers: ISO date text and age in whole years.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "aturan/value.hpp"

namespace aturan {

// Parses exactly "YYYY-MM-DD" (years 1000..9999) into a Date; nullopt for anything else,
// including impossible days such as 2001-02-30.
std::optional<Date> ParseIsoDate(std::string_view text);

// "YYYY-MM-DD".
std::string FormatIsoDate(Date date);

// A day's calendar fields.
struct YearMonthDay {
  int64_t year;
  int month;  // 1..12
  int day;    // 1..31
};

// The calendar fields of `date`, in constant time (a few integer operations; the conversion
// through absl::CivilDay normalises in loops and dominated the cost of age()).
YearMonthDay CivilFields(Date date);

// Whole years from `birth` to `on` (negative if `on` is before `birth`). Someone born on
// 29 February becomes a year older on 1 March in a common year.
int64_t AgeInYears(Date birth, Date on);

}  // namespace aturan
