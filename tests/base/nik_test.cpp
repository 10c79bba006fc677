#include "base/nik.hpp"

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace aturan {
namespace {

Date Day(int year, int month, int day) { return Date::FromCivil(absl::CivilDay(year, month, day)); }

// Kota Pekalongan (33.75), kecamatan 01, a woman (day 05 + 40) born 05-07-1990, serial 0001.
constexpr const char* kPekalonganWoman = "3375014507900001";
// Kota Cilegon (36.72), kecamatan 02, a man born 01-01-1985, serial 0123.
constexpr const char* kCilegonMan = "3672020101850123";

TEST(ParseNik, ReadsEveryField) {
  const std::optional<NikParts> parts = ParseNik(kPekalonganWoman);
  ASSERT_TRUE(parts.has_value());
  EXPECT_EQ(parts->province, 33);
  EXPECT_EQ(parts->regency, 75);
  EXPECT_EQ(parts->district, 1);
  EXPECT_EQ(parts->day, 5);
  EXPECT_EQ(parts->month, 7);
  EXPECT_EQ(parts->year_in_century, 90);
  EXPECT_TRUE(parts->female);
  EXPECT_EQ(parts->serial, 1);

  const std::optional<NikParts> man = ParseNik(kCilegonMan);
  ASSERT_TRUE(man.has_value());
  EXPECT_EQ(man->province, 36);
  EXPECT_EQ(man->regency, 72);
  EXPECT_EQ(man->district, 2);
  EXPECT_EQ(man->day, 1);
  EXPECT_EQ(man->month, 1);
  EXPECT_EQ(man->year_in_century, 85);
  EXPECT_FALSE(man->female);
  EXPECT_EQ(man->serial, 123);
}

TEST(ParseNik, NulloptWhenInvalid) {
  EXPECT_EQ(ParseNik("3375014507900000"), std::nullopt);
  EXPECT_EQ(ParseNik("337501450790001"), std::nullopt);
}

TEST(NikValid, AcceptsWellFormedNiks) {
  for (const char* nik : {kPekalonganWoman, kCilegonMan,
                          "3319031212009999",  // Kudus, 12-12-(19|20)00
                          "6402054108010042",  // Kutai Kartanegara, woman born 01-08-01
                          "9601017112990001",  // Papua Barat Daya (2022), woman born 31-12-99
                          "1101010101000001"}) {
    EXPECT_TRUE(NikValid(nik)) << nik << ": " << NikProblem(nik);
    EXPECT_EQ(NikProblem(nik), "") << nik;
  }
}

TEST(NikValid, ProvinceCodesAreTheKemendagriList) {
  const std::set<int> known = {11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33,
                               34, 35, 36, 51, 52, 53, 61, 62, 63, 64, 65, 71, 72,
                               73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96};
  ASSERT_EQ(known.size(), 38u);
  for (int code = 0; code <= 99; ++code) {
    const std::string nik = absl::StrFormat("%02d75014507900001", code);
    EXPECT_EQ(NikValid(nik), known.count(code) == 1) << nik;
    if (known.count(code) == 0) {
      EXPECT_EQ(NikProblem(nik), absl::StrFormat("unknown province code %02d", code));
    }
  }
}

// SixteenDigits reads eight bytes at a time; it agrees with reading digit by digit on texts
// that are digits except for a byte or two, bytes next to the digits ('/' and ':', 0x3A..0x3F,
// and digits with the high bit set) included, at every position.
TEST(SixteenDigits, AgreesWithReadingDigitByDigit) {
  const auto digit_by_digit = [](const std::string& text) -> std::optional<uint64_t> {
    if (text.size() != 16) return std::nullopt;
    uint64_t value = 0;
    for (char c : text) {
      if (c < '0' || c > '9') return std::nullopt;
      value = value * 10 + static_cast<uint64_t>(c - '0');
    }
    return value;
  };
  std::vector<std::string> texts = {"0000000000000000", "9999999999999999", "3375042604030001", "0375016201860001",
                                    "337504260403000", "33750426040300011", ""};
  const std::string base = "3375042604030001";
  for (size_t at = 0; at < 16; ++at) {
    for (const char c : {'/', ':', ';', '?', '@', ' ', '\0', '\x80', '\xB0', '\xB9', '\xF0', 'a'}) {
      std::string text = base;
      text[at] = c;
      texts.push_back(text);
    }
    for (char d = '0'; d <= '9'; ++d) {
      std::string text = base;
      text[at] = d;
      texts.push_back(text);
    }
  }
  for (const std::string& text : texts) EXPECT_EQ(SixteenDigits(text), digit_by_digit(text)) << text;
  EXPECT_EQ(SixteenDigits("3375042604030001"), 3375042604030001u);
  EXPECT_EQ(SixteenDigits("0000000000000042"), 42u);
}

TEST(NikProblem, NotSixteenDigits) {
  for (const char* nik : {"", "337501450790001", "33750145079000011", "33750145079000a1",
                          "3375 14507900001", "-337501450790001", "3375014507900001\n",
                          "3375.01.450790.0001"}) {
    EXPECT_FALSE(NikValid(nik)) << nik;
    EXPECT_EQ(NikProblem(nik), "not 16 digits") << nik;
  }
  // Non-ASCII digits are not digits: U+0663 ARABIC-INDIC DIGIT THREE.
  EXPECT_EQ(NikProblem("\xD9\xA3""37501450790001"), "not 16 digits");
}

TEST(NikProblem, RegencyAndKecamatanCodeZero) {
  EXPECT_EQ(NikProblem("3300014507900001"), "regency code 00");
  EXPECT_EQ(NikProblem("3375004507900001"), "kecamatan code 00");
  EXPECT_FALSE(NikValid("3300014507900001"));
  EXPECT_FALSE(NikValid("3375004507900001"));
}

TEST(NikProblem, SerialZero) {
  EXPECT_EQ(NikProblem("3375014507900000"), "serial 0000");
  EXPECT_FALSE(NikValid("3375014507900000"));
  EXPECT_TRUE(NikValid("3375014507909999"));
}

TEST(NikProblem, ReportsTheFirstProblem) {
  EXPECT_EQ(NikProblem("9900003102990000"), "unknown province code 99");
  EXPECT_EQ(NikProblem("3300003102990000"), "regency code 00");
  EXPECT_EQ(NikProblem("3375013102990000"), "impossible birth date 310299");
}

// The NIK of a man from Kota Pekalongan kecamatan 01 with birth digits DDMMYY.
std::string WithBirthDigits(const char* ddmmyy) { return absl::StrCat("337501", ddmmyy, "0001"); }

TEST(NikValid, BirthDates) {
  struct Case {
    const char* ddmmyy;
    bool valid;
  };
  const Case cases[] = {
      {"310190", true},   // 31 January
      {"410190", true},   // woman born 1 January
      {"710190", true},   // woman born 31 January
      {"700490", true},   // woman born 30 April
      {"300490", true},
      {"290200", true},   // 29 February: 2000 is a leap year
      {"290204", true},
      {"690296", true},   // woman born 29 February 1996
      {"280201", true},
      {"010190", true},
      {"011290", true},
      {"000190", false},  // day 00
      {"320190", false},  // day 32
      {"400190", false},  // 40: neither a man's day nor a woman's (41..71)
      {"720190", false},  // woman's day 32
      {"990190", false},
      {"310490", false},  // 31 April
      {"710490", false},  // woman, 31 April
      {"310299", false},
      {"300200", false},
      {"290201", false},  // 29 February in neither 1901 nor 2001
      {"690297", false},
      {"010090", false},  // month 00
      {"011390", false},  // month 13
      {"019990", false},
  };
  for (const Case& c : cases) {
    const std::string nik = WithBirthDigits(c.ddmmyy);
    EXPECT_EQ(NikValid(nik), c.valid) << nik;
    EXPECT_EQ(NikProblem(nik), c.valid ? "" : absl::StrCat("impossible birth date ", c.ddmmyy))
        << nik;
  }
}

// Every written day (a woman's with 40 added), month and year agrees with absl::CivilDay: the
// date is possible when it exists in 20YY.
TEST(NikValid, BirthDatesAgreeWithAbseil) {
  for (int written_day = 0; written_day <= 75; ++written_day) {
    for (int month = 0; month <= 13; ++month) {
      for (int year = 0; year <= 99; ++year) {
        const int day = written_day > 40 ? written_day - 40 : written_day;
        const absl::CivilDay civil(2000 + year, month, day);
        const bool exists = written_day != 40 && civil.month() == month && civil.day() == day;
        const std::string digits = absl::StrFormat("%02d%02d%02d", written_day, month, year);
        ASSERT_EQ(NikValid(WithBirthDigits(digits.c_str())), exists) << digits;
      }
    }
  }
}

TEST(NikSex, WomenHaveFortyAddedToTheDay) {
  EXPECT_EQ(NikSex(kPekalonganWoman), 'P');
  EXPECT_EQ(NikSex(kCilegonMan), 'L');
  EXPECT_EQ(NikSex(WithBirthDigits("310190")), 'L');
  EXPECT_EQ(NikSex(WithBirthDigits("410190")), 'P');
  EXPECT_EQ(NikSex("3375014007900001"), std::nullopt);
  EXPECT_EQ(NikSex("not a nik"), std::nullopt);
}


TEST(NikBirthDate, LatestDateNotAfterTheReference) {
  const Date reference = Day(2023, 1, 1);
  EXPECT_EQ(NikBirthDate(kPekalonganWoman, reference), Day(1990, 7, 5));
  EXPECT_EQ(NikBirthDate(kCilegonMan, reference), Day(1985, 1, 1));
  EXPECT_EQ(NikBirthDate(WithBirthDigits("010105"), reference), Day(2005, 1, 1));
  EXPECT_EQ(NikBirthDate(WithBirthDigits("010130"), reference), Day(1930, 1, 1));
  // The reference day itself is not after the reference.
  EXPECT_EQ(NikBirthDate(WithBirthDigits("010123"), reference), Day(2023, 1, 1));
  EXPECT_EQ(NikBirthDate(WithBirthDigits("020123"), reference), Day(1923, 1, 2));
  EXPECT_EQ(NikBirthDate(WithBirthDigits("311222"), reference), Day(2022, 12, 31));
  EXPECT_EQ(NikBirthDate(WithBirthDigits("010100"), reference), Day(2000, 1, 1));
  EXPECT_EQ(NikBirthDate(WithBirthDigits("010199"), Day(2100, 1, 1)), Day(2099, 1, 1));
  EXPECT_EQ(NikBirthDate(WithBirthDigits("020100"), Day(2100, 1, 1)), Day(2000, 1, 2));
}

TEST(NikBirthDate, LeapDaySkipsCenturiesWithoutIt) {
  EXPECT_EQ(NikBirthDate(WithBirthDigits("290200"), Day(2023, 1, 1)), Day(2000, 2, 29));
  // 2004-02-29 is after the reference; 1904 is a leap year.
  EXPECT_EQ(NikBirthDate(WithBirthDigits("290204"), Day(2003, 6, 1)), Day(1904, 2, 29));
  // 1900, 1800 and 1700 are common years: the latest 29-02-00 before 1999 is in 1600.
  EXPECT_EQ(NikBirthDate(WithBirthDigits("290200"), Day(1999, 12, 31)), Day(1600, 2, 29));
}

TEST(NikBirthDate, NulloptWhenInvalid) {
  EXPECT_EQ(NikBirthDate("3375014507900000", Day(2023, 1, 1)), std::nullopt);
  EXPECT_EQ(NikBirthDate(WithBirthDigits("310299"), Day(2023, 1, 1)), std::nullopt);
}

}  // namespace
}  // namespace aturan
