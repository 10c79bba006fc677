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
// Howard Hinnant's civil_from_days: days since 1970-01-01 to the proleptic Gregorian date,
// by whole 400-year eras (146,097 days) with March as the first month of the year.
YearMonthDay CivilFields(Date date) {
  const int64_t z = static_cast<int64_t>(date.days) + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  // Within an era every quantity is small and non-negative, so the rest is 32-bit unsigned
  // arithmetic, whose divisions by constants are cheaper (ages and NIK checks call this for
  // every row of a list).
  const auto day_of_era = static_cast<uint32_t>(z - era * 146097);  // [0, 146096]
  const uint32_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;  // [0, 399]
  const uint32_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const uint32_t month_from_march = (5 * day_of_year + 2) / 153;  // [0, 11]
  const int day = static_cast<int>(day_of_year - (153 * month_from_march + 2) / 5 + 1);
  const int month = static_cast<int>(month_from_march < 10 ? month_from_march + 3 : month_from_march - 9);
  return YearMonthDay{static_cast<int64_t>(year_of_era) + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

int64_t AgeInYears(Date birth, Date on) {
  const YearMonthDay b = CivilFields(birth);
  const YearMonthDay o = CivilFields(on);
  int64_t years = o.year - b.year;
  if (o.month < b.month || (o.month == b.month && o.day < b.day)) --years;
  return years;
}

}  // namespace aturan
