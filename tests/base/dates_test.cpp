#include "base/dates.hpp"

#include <limits>
#include <optional>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace aturan {
namespace {

Date Day(int year, int month, int day) { return Date::FromCivil(absl::CivilDay(year, month, day)); }

TEST(ParseIsoDate, GivesDaysSince1970) {
  EXPECT_EQ(ParseIsoDate("1970-01-01"), Date{0});
  EXPECT_EQ(ParseIsoDate("1969-12-31"), Date{-1});
  // 30 years of 365 days plus 7 leap days (1972..1996) = 10957; then 31 + 28 days.
  EXPECT_EQ(ParseIsoDate("2000-02-29"), Date{11016});
  EXPECT_EQ(ParseIsoDate("2000-03-01"), Date{11017});
  EXPECT_EQ(ParseIsoDate("2023-01-01"), Date{19358});  // Unix time 1672531200 / 86400
}

TEST(ParseIsoDate, AcceptsTheWholeYearRange) {
  EXPECT_EQ(ParseIsoDate("1000-01-01"), Day(1000, 1, 1));
  EXPECT_EQ(ParseIsoDate("9999-12-31"), Day(9999, 12, 31));
  EXPECT_EQ(ParseIsoDate("2024-02-29"), Day(2024, 2, 29));
  EXPECT_EQ(ParseIsoDate("2023-04-30"), Day(2023, 4, 30));
}

TEST(ParseIsoDate, RejectsImpossibleDays) {
  for (const char* text : {"2001-02-30", "2001-02-29", "1900-02-29", "2023-13-01", "2023-00-10",
                           "2023-01-00", "2023-04-31", "2023-01-32", "0999-12-31", "0000-01-01"}) {
    EXPECT_EQ(ParseIsoDate(text), std::nullopt) << text;
  }
}

TEST(ParseIsoDate, RejectsOtherShapes) {
  for (const char* text : {"2023-1-1", "2023-01-1", "23-01-01", "2023/01/01", "01-01-2023",
                           "20230101", " 2023-01-01", "2023-01-01 ", "2023-01-011", "2023-01-0a",
                           "+023-01-01", "2023-+1-01", "2023--1-01", ""}) {
    EXPECT_EQ(ParseIsoDate(text), std::nullopt) << text;
  }
}

TEST(FormatIsoDate, PadsFields) {
  EXPECT_EQ(FormatIsoDate(Date{0}), "1970-01-01");
  EXPECT_EQ(FormatIsoDate(Date{-1}), "1969-12-31");
  EXPECT_EQ(FormatIsoDate(Date{11016}), "2000-02-29");
  EXPECT_EQ(FormatIsoDate(Day(1000, 1, 9)), "1000-01-09");
}

TEST(FormatIsoDate, RoundTripsWithParse) {
  for (const char* text : {"1945-08-17", "1999-12-31", "2024-02-29", "9999-12-31"}) {
    const std::optional<Date> date = ParseIsoDate(text);
    ASSERT_TRUE(date.has_value()) << text;
    EXPECT_EQ(FormatIsoDate(*date), text);
  }
}

TEST(AgeInYears, LeapDayBirthdayTurnsOnFirstMarchInCommonYears) {
  const Date birth = Day(2000, 2, 29);
  EXPECT_EQ(AgeInYears(birth, Day(2000, 2, 29)), 0);
  EXPECT_EQ(AgeInYears(birth, Day(2001, 2, 28)), 0);
  EXPECT_EQ(AgeInYears(birth, Day(2001, 3, 1)), 1);
  EXPECT_EQ(AgeInYears(birth, Day(2003, 2, 28)), 2);
  EXPECT_EQ(AgeInYears(birth, Day(2003, 3, 1)), 3);
  EXPECT_EQ(AgeInYears(birth, Day(2004, 2, 28)), 3);
  EXPECT_EQ(AgeInYears(birth, Day(2004, 2, 29)), 4);
  EXPECT_EQ(AgeInYears(birth, Day(2100, 2, 28)), 99);  // 2100 is a common year
  EXPECT_EQ(AgeInYears(birth, Day(2100, 3, 1)), 100);
}

TEST(AgeInYears, BirthdayIsTheDayOfTheYearOlder) {
  const Date birth = Day(1958, 6, 15);
  EXPECT_EQ(AgeInYears(birth, Day(2023, 6, 14)), 64);
  EXPECT_EQ(AgeInYears(birth, Day(2023, 6, 15)), 65);
  EXPECT_EQ(AgeInYears(Day(2005, 1, 1), Day(2023, 1, 1)), 18);
  EXPECT_EQ(AgeInYears(Day(2005, 1, 2), Day(2023, 1, 1)), 17);
}

TEST(AgeInYears, AcrossMonthEnds) {
  EXPECT_EQ(AgeInYears(Day(1990, 1, 31), Day(2020, 1, 30)), 29);
  EXPECT_EQ(AgeInYears(Day(1990, 1, 31), Day(2020, 1, 31)), 30);
  EXPECT_EQ(AgeInYears(Day(1990, 1, 31), Day(2020, 2, 1)), 30);
  EXPECT_EQ(AgeInYears(Day(1990, 12, 31), Day(2020, 12, 30)), 29);
  EXPECT_EQ(AgeInYears(Day(1990, 12, 31), Day(2020, 12, 31)), 30);
  EXPECT_EQ(AgeInYears(Day(1990, 12, 31), Day(2021, 1, 1)), 30);
  // Born 1 March: the day before is 28 or 29 February, never the birthday.
  EXPECT_EQ(AgeInYears(Day(2005, 3, 1), Day(2023, 2, 28)), 17);
  EXPECT_EQ(AgeInYears(Day(2005, 3, 1), Day(2024, 2, 29)), 18);
  EXPECT_EQ(AgeInYears(Day(2005, 3, 1), Day(2024, 3, 1)), 19);
  // Born 28 February: 29 February of a leap year is already after the birthday.
  EXPECT_EQ(AgeInYears(Day(2003, 2, 28), Day(2024, 2, 28)), 21);
  EXPECT_EQ(AgeInYears(Day(2003, 2, 28), Day(2024, 2, 27)), 20);
}

TEST(AgeInYears, NegativeBeforeBirth) {
  const Date birth = Day(2000, 1, 1);
  EXPECT_EQ(AgeInYears(birth, Day(1999, 12, 31)), -1);
  EXPECT_EQ(AgeInYears(birth, Day(1999, 1, 1)), -1);
  EXPECT_EQ(AgeInYears(birth, Day(1998, 12, 31)), -2);
  EXPECT_EQ(AgeInYears(birth, Day(1900, 1, 1)), -100);
  EXPECT_EQ(AgeInYears(Day(2000, 2, 29), Day(1999, 3, 1)), -1);
  EXPECT_EQ(AgeInYears(Day(2000, 2, 29), Day(1999, 2, 28)), -2);
}

}  // namespace
}  // namespace aturan

namespace aturan {
namespace {

// CivilFields agrees with absl::CivilDay on every day from 1600 to 2400 and far outside.
TEST(CivilFields, AgreesWithAbseil) {
  const absl::CivilDay first(1600, 1, 1), last(2400, 12, 31);
  for (absl::CivilDay day = first; day <= last; ++day) {
    YearMonthDay f = CivilFields(Date::FromCivil(day));
    ASSERT_EQ(f.year, day.year()) << day;
    ASSERT_EQ(f.month, day.month()) << day;
    ASSERT_EQ(f.day, day.day()) << day;
  }
  const absl::CivilDay epoch(1970, 1, 1);
  for (absl::CivilDay day : {absl::CivilDay(-4000, 2, 29), absl::CivilDay(9999, 12, 31), absl::CivilDay(1969, 12, 31),
                             epoch + std::numeric_limits<int32_t>::max(), epoch + std::numeric_limits<int32_t>::min()}) {
    YearMonthDay f = CivilFields(Date::FromCivil(day));
    EXPECT_EQ(f.year, day.year());
    EXPECT_EQ(f.month, day.month());
    EXPECT_EQ(f.day, day.day());
  }
}

}  // namespace
}  // namespace aturan
