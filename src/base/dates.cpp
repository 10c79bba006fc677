#include "base/dates.hpp"

#include <string>

#include "absl/strings/str_format.h"

namespace aturan {
namespace {

// The number written by the ASCII digits of `text`, or -1 if any character is not a digit.
int DigitsValue(std::string_view text) {
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace

std::optional<Date> ParseIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const int year = DigitsValue(text.substr(0, 4));
  const int month = DigitsValue(text.substr(5, 2));
  const int day = DigitsValue(text.substr(8, 2));
  if (year < 1000 || month < 1 || day < 1) return std::nullopt;
  // absl::CivilDay normalises impossible fields (2001-02-30 becomes 2001-03-02): a day that
  // comes back changed did not exist.
  const absl::CivilDay civil(year, month, day);
  if (civil.year() != year || civil.month() != month || civil.day() != day) return std::nullopt;
  return Date::FromCivil(civil);
}

// Years outside 0..9999 (far from any real record) print with more digits or a sign.
std::string FormatIsoDate(Date date) {
  const absl::CivilDay civil = date.ToCivil();
  return absl::StrFormat("%04d-%02d-%02d", civil.year(), civil.month(), civil.day());
}

// Counts the anniversaries passed, so the result is negative exactly when `on` < `birth`
// (one day before birth is -1). Comparing (month, day) pairs gives the 29 February rule:
// in a common year (2, 28) < (2, 29) < (3, 1), so the birthday falls on 1 March.
int64_t AgeInYears(Date birth, Date on) {
  const absl::CivilDay b = birth.ToCivil();
  const absl::CivilDay o = on.ToCivil();
  int64_t years = o.year() - b.year();
  if (o.month() < b.month() || (o.month() == b.month() && o.day() < b.day())) --years;
  return years;
}

}  // namespace aturan
