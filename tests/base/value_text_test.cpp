#include "base/value_text.hpp"

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace aturan {
namespace {

using ::testing::HasSubstr;

Date Day(int year, int month, int day) { return Date::FromCivil(absl::CivilDay(year, month, day)); }

// The value parsed from `text`; a failed parse fails the test.
Value Parsed(Type type, std::string_view text) {
  const absl::StatusOr<Value> value = ParseValueText(type, text);
  EXPECT_TRUE(value.ok()) << TypeName(type) << " \"" << text << "\": " << value.status();
  if (!value.ok()) return Value();
  EXPECT_FALSE(value->missing()) << text;
  EXPECT_EQ(value->type(), type) << text;
  return *value;
}

// The error message for `text`; a successful parse fails the test.
std::string ErrorOf(Type type, std::string_view text) {
  const absl::StatusOr<Value> value = ParseValueText(type, text);
  EXPECT_FALSE(value.ok()) << TypeName(type) << " \"" << text << "\" parsed";
  if (value.ok()) return "";
  EXPECT_EQ(value.status().code(), absl::StatusCode::kInvalidArgument) << text;
  return std::string(value.status().message());
}

TEST(ParseValueText, EmptyOrBlankIsMissingOfEveryType) {
  for (Type type : {Type::kBool, Type::kInt, Type::kMoney, Type::kDecimal, Type::kString,
                    Type::kDate, Type::kCode}) {
    for (std::string_view text : {"", " ", " \t\r\n"}) {
      const absl::StatusOr<Value> value = ParseValueText(type, text);
      ASSERT_TRUE(value.ok()) << TypeName(type);
      EXPECT_TRUE(value->missing()) << TypeName(type);
      EXPECT_EQ(value->type(), type);
    }
  }
}

TEST(ParseValueText, BoolSpellings) {
  for (std::string_view text : {"true", "TRUE", "True", "ya", "Ya", "YA", "y", "Y", "1", " ya "}) {
    EXPECT_TRUE(Parsed(Type::kBool, text).as_bool()) << text;
  }
  for (std::string_view text : {"false", "FALSE", "tidak", "Tidak", "TIDAK", "n", "N", "0"}) {
    EXPECT_FALSE(Parsed(Type::kBool, text).as_bool()) << text;
  }
  for (std::string_view text : {"yes", "no", "t", "f", "2", "-1", "01", "benar", "ya tidak",
                                "iya", "tdk"}) {
    EXPECT_THAT(ErrorOf(Type::kBool, text), HasSubstr("not a bool")) << text;
  }
  EXPECT_EQ(ErrorOf(Type::kBool, "maybe"),
            "not a bool: \"maybe\" (expected true/false, ya/tidak, y/n or 1/0)");
}

TEST(ParseValueText, IntSpellings) {
  EXPECT_EQ(Parsed(Type::kInt, "42").as_int(), 42);
  EXPECT_EQ(Parsed(Type::kInt, "-42").as_int(), -42);
  EXPECT_EQ(Parsed(Type::kInt, "+42").as_int(), 42);
  EXPECT_EQ(Parsed(Type::kInt, "0").as_int(), 0);
  EXPECT_EQ(Parsed(Type::kInt, "007").as_int(), 7);
  EXPECT_EQ(Parsed(Type::kInt, "2_500_000").as_int(), 2500000);
  EXPECT_EQ(Parsed(Type::kInt, "1_0").as_int(), 10);
  EXPECT_EQ(Parsed(Type::kInt, " 18\t").as_int(), 18);
  for (std::string_view text : {"1_", "_1", "1__0", "-_1", "1.000", "1,5", "12a", "--1", "+",
                                "-", "1 000", "0x10", "1e3", "- 1", "١٢"}) {
    EXPECT_THAT(ErrorOf(Type::kInt, text), HasSubstr("not an int")) << text;
  }
}

TEST(ParseValueText, IntOverflow) {
  EXPECT_EQ(Parsed(Type::kInt, "9223372036854775807").as_int(),
            std::numeric_limits<int64_t>::max());
  EXPECT_EQ(Parsed(Type::kInt, "-9223372036854775808").as_int(),
            std::numeric_limits<int64_t>::min());
  for (std::string_view text : {"9223372036854775808", "-9223372036854775809",
                                "18446744073709551616", "99999999999999999999999"}) {
    EXPECT_EQ(ErrorOf(Type::kInt, text), "int out of range: \"" + std::string(text) + "\"");
  }
}

TEST(ParseValueText, MoneySpellings) {
  struct Case {
    std::string_view text;
    int64_t rupiah;
  };
  const Case cases[] = {
      {"2500000", 2500000},
      {"2_500_000", 2500000},
      {"2.500.000", 2500000},
      {"Rp2.500.000", 2500000},
      {"Rp 2.500.000", 2500000},
      {"Rp 2.500.000,00", 2500000},
      {"Rp2.500.000,0", 2500000},
      {"Rp. 2.500.000", 2500000},
      {"Rp.2.500.000,-", 2500000},
      {"RP 2500000", 2500000},
      {"rp2_500_000", 2500000},
      {"2500000,00", 2500000},
      {"Rp 16.800", 16800},
      {"2.500", 2500},
      {"999", 999},
      {"0", 0},
      {"Rp0", 0},
      {"-Rp5.000", -5000},
      {"-5000", -5000},
      {"+Rp 1.000", 1000},
      {"1.000.000.000", 1000000000},
      {"9.223.372.036.854.775.807", std::numeric_limits<int64_t>::max()},
      {"-Rp9.223.372.036.854.775.808", std::numeric_limits<int64_t>::min()},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Parsed(Type::kMoney, c.text).as_int(), c.rupiah) << c.text;
  }
}

TEST(ParseValueText, MoneyRejectsBadThousandsDots) {
  for (std::string_view text : {"2.50.000", "25.00.000", "2500.000", "2.500.00", "2.5", "1.5",
                                "0.500", "2500000.00", ".500", "2.500.", "2..500", "2_500.000"}) {
    EXPECT_THAT(ErrorOf(Type::kMoney, text),
                HasSubstr("thousands dots must separate groups of three digits"))
        << text;
  }
}

TEST(ParseValueText, MoneyRejectsCommasOtherThanZeroSen) {
  for (std::string_view text : {"2,500,000", "2.500,000", "2500000,", "2.500.000,0-", "Rp 5,x"}) {
    EXPECT_THAT(ErrorOf(Type::kMoney, text), HasSubstr("a comma starts the sen")) << text;
  }
  for (std::string_view text : {"2.500.000,50", "Rp 2.500.000,05", "2,5", "2500000,10"}) {
    EXPECT_THAT(ErrorOf(Type::kMoney, text), HasSubstr("money with non-zero sen")) << text;
  }
}

TEST(ParseValueText, MoneyRejectsGarbage) {
  for (std::string_view text : {"Rp", "Rp.", "Rp-5.000", "Rp 2 500 000", "2.500.000 Rp",
                                "IDR 2500000", "1e6", "lima ribu", "--5", "Rp Rp 5", "2__500",
                                "5 000"}) {
    EXPECT_FALSE(ParseValueText(Type::kMoney, text).ok()) << text;
  }
  EXPECT_EQ(ErrorOf(Type::kMoney, "lima ribu"),
            "not a money amount: \"lima ribu\" (expected rupiah such as 2500000, 2_500_000, "
            "2.500.000 or Rp 2.500.000,00)");
}

TEST(ParseValueText, MoneyOverflow) {
  for (std::string_view text : {"9.223.372.036.854.775.808", "9223372036854775808",
                                "-Rp9.223.372.036.854.775.809", "99999999999999999999"}) {
    EXPECT_THAT(ErrorOf(Type::kMoney, text), HasSubstr("money out of range")) << text;
  }
}

TEST(ParseValueText, DecimalSpellings) {
  EXPECT_EQ(Parsed(Type::kDecimal, "0.5").as_decimal(), 0.5);
  EXPECT_EQ(Parsed(Type::kDecimal, "0,5").as_decimal(), 0.5);
  EXPECT_EQ(Parsed(Type::kDecimal, "-1.25").as_decimal(), -1.25);
  EXPECT_EQ(Parsed(Type::kDecimal, "+3").as_decimal(), 3.0);
  EXPECT_EQ(Parsed(Type::kDecimal, "3").as_decimal(), 3.0);
  EXPECT_EQ(Parsed(Type::kDecimal, "1_000.5").as_decimal(), 1000.5);
  EXPECT_EQ(Parsed(Type::kDecimal, "0.1").as_decimal(), 0.1);  // correctly rounded
  EXPECT_EQ(Parsed(Type::kDecimal, "0,000_1").as_decimal(), 0.0001);
  for (std::string_view text : {".5", "5.", "5,", "1.000,5", "1,000.5", "1.2.3", "abc", "1e3",
                                "nan", "inf", "0x1p3", "1 000", "1__0", "-", "+.5"}) {
    EXPECT_THAT(ErrorOf(Type::kDecimal, text), HasSubstr("not a decimal")) << text;
  }
}

TEST(ParseValueText, DecimalOverflow) {
  const std::string huge(400, '9');
  EXPECT_EQ(ErrorOf(Type::kDecimal, huge),
            "decimal out of range: \"" + std::string(40, '9') + "...\"");
}

TEST(ParseValueText, DateSpellings) {
  EXPECT_EQ(Parsed(Type::kDate, "2023-01-01").as_date(), Day(2023, 1, 1));
  EXPECT_EQ(Parsed(Type::kDate, "05-07-1990").as_date(), Day(1990, 7, 5));
  EXPECT_EQ(Parsed(Type::kDate, "05/07/1990").as_date(), Day(1990, 7, 5));
  EXPECT_EQ(Parsed(Type::kDate, "5/7/1990").as_date(), Day(1990, 7, 5));
  EXPECT_EQ(Parsed(Type::kDate, "5-07-1990").as_date(), Day(1990, 7, 5));
  EXPECT_EQ(Parsed(Type::kDate, "29/02/2000").as_date(), Day(2000, 2, 29));
  EXPECT_EQ(Parsed(Type::kDate, "31-12-9999").as_date(), Day(9999, 12, 31));
  EXPECT_EQ(Parsed(Type::kDate, "01/01/1000").as_date(), Day(1000, 1, 1));
  for (std::string_view text : {"2023/01/01", "2023-1-1", "1990-07-5", "05.07.1990",
                                "05-07/1990", "05/07/90", "5 Juli 1990", "05/07/1990/1",
                                "005/07/1990", "05/007/1990", "/07/1990", "05//1990",
                                "05/07/19901", "20230101", "2023-01-0x", "a5/07/1990"}) {
    EXPECT_THAT(ErrorOf(Type::kDate, text), HasSubstr("not a date")) << text;
  }
  EXPECT_EQ(ErrorOf(Type::kDate, "2023/01/01"),
            "not a date: \"2023/01/01\" (expected YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY)");
}

TEST(ParseValueText, DateMustExist) {
  for (std::string_view text : {"2001-02-30", "2023-13-01", "2023-00-01", "30/02/2023",
                                "31-04-2023", "29/02/1900", "29/02/2023", "00/01/2023",
                                "01/00/2023", "32/01/2023", "01/13/2023", "01/01/0999"}) {
    EXPECT_EQ(ErrorOf(Type::kDate, text), "impossible date: \"" + std::string(text) + "\"");
  }
}

TEST(ParseValueText, StringPointsIntoTheTextWithoutSurroundingBlanks) {
  const std::string cell = "  Budi Santoso \t";
  const Value value = Parsed(Type::kString, cell);
  EXPECT_EQ(value.as_string(), "Budi Santoso");
  EXPECT_EQ(value.as_string().data(), cell.data() + 2);
  EXPECT_EQ(Parsed(Type::kString, "Sapuro Kebulen").as_string(), "Sapuro Kebulen");
  EXPECT_EQ(Parsed(Type::kString, "0").as_string(), "0");
}

TEST(ParseValueText, CodesAreNotParsed) {
  EXPECT_EQ(ErrorOf(Type::kCode, "ojek"),
            "a code is looked up in its list, not parsed: \"ojek\"");
}

TEST(ParseValueText, ErrorsQuoteSafelyAndShortly) {
  EXPECT_EQ(ErrorOf(Type::kInt, "1\n2"), "not an int: \"1\\n2\" (expected digits with an "
                                         "optional sign and '_' between digits)");
  EXPECT_EQ(ErrorOf(Type::kBool, "\"ya\""),
            "not a bool: \"\\\"ya\\\"\" (expected true/false, ya/tidak, y/n or 1/0)");
  // Cut after 40 bytes, but never inside a character: 'é' takes bytes 40 and 41 here.
  const std::string long_text = std::string(39, 'x') + "\xC3\xA9" + "yyyy";
  EXPECT_EQ(ErrorOf(Type::kDate, long_text),
            "not a date: \"" + std::string(39, 'x') +
                "...\" (expected YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY)");
}

// ReadValueText is ParseValueText without a Status: the same value for every text that reads,
// the same message (through DescribeValueTextProblem) for every text that does not, and an
// untouched output when a text does not read.
// `value` spelled out for comparing: its type, and "(kosong)" or its value.
std::string Spelled(const Value& value) { return absl::StrCat(static_cast<int>(value.type()), ":", FormatValue(value)); }

TEST(ReadValueText, AgreesWithParseValueText) {
  const std::vector<std::string> texts = {
      "",   "  ",   "ya",  " TIDAK ", "y",  "n",  "1",  "0",  "mungkin",   "-12",       "2_500",      "1__0",
      "+7", "9223372036854775808", "Rp2.500.000", "rp. 2.500.000,00", "2.500.000,50", "1.2345", "850000,-",
      "0,5", "3.",  "2023-01-31", "31-01-2023", "1/2/2023", "2001-02-30", "30/02/2001", "31-13-2023",
      "12/13/1975", "Kusnadi Hakim", "ojek"};
  for (Type type : {Type::kBool, Type::kInt, Type::kMoney, Type::kDecimal, Type::kDate, Type::kString,
                    Type::kCode}) {
    for (const std::string& text : texts) {
      const absl::StatusOr<Value> parsed = ParseValueText(type, text);
      Value read = Value::Int(-99);
      const ValueTextProblem* problem = ReadValueText(type, text, &read);
      if (parsed.ok()) {
        ASSERT_EQ(problem, nullptr) << text;
        EXPECT_EQ(Spelled(read), Spelled(*parsed)) << text;
      } else {
        ASSERT_NE(problem, nullptr) << text;
        EXPECT_EQ(DescribeValueTextProblem(*problem, text), parsed.status().message()) << text;
        EXPECT_EQ(Spelled(read), Spelled(Value::Int(-99))) << text;
      }
    }
  }
}

TEST(FormatValue, Money) {
  EXPECT_EQ(FormatValue(Value::Money(2500000)), "Rp2.500.000");
  EXPECT_EQ(FormatValue(Value::Money(16800)), "Rp16.800");
  EXPECT_EQ(FormatValue(Value::Money(1000)), "Rp1.000");
  EXPECT_EQ(FormatValue(Value::Money(999)), "Rp999");
  EXPECT_EQ(FormatValue(Value::Money(0)), "Rp0");
  EXPECT_EQ(FormatValue(Value::Money(42000000)), "Rp42.000.000");
  EXPECT_EQ(FormatValue(Value::Money(-5000)), "-Rp5.000");
  EXPECT_EQ(FormatValue(Value::Money(std::numeric_limits<int64_t>::max())),
            "Rp9.223.372.036.854.775.807");
  EXPECT_EQ(FormatValue(Value::Money(std::numeric_limits<int64_t>::min())),
            "-Rp9.223.372.036.854.775.808");
}

TEST(FormatValue, MoneyRoundTripsThroughParse) {
  constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  for (int64_t rupiah : {int64_t{0}, int64_t{16800}, int64_t{-5000}, int64_t{322170}, kMin, kMax}) {
    const std::string text = FormatValue(Value::Money(rupiah));
    EXPECT_EQ(Parsed(Type::kMoney, text).as_int(), rupiah) << text;
  }
}

TEST(FormatValue, DecimalHasAtMostFourDecimals) {
  EXPECT_EQ(FormatValue(Value::Decimal(0.5)), "0.5");
  EXPECT_EQ(FormatValue(Value::Decimal(3.0)), "3");
  EXPECT_EQ(FormatValue(Value::Decimal(-2.25)), "-2.25");
  EXPECT_EQ(FormatValue(Value::Decimal(1.0 / 3.0)), "0.3333");
  EXPECT_EQ(FormatValue(Value::Decimal(2.0 / 3.0)), "0.6667");
  EXPECT_EQ(FormatValue(Value::Decimal(1234.5)), "1234.5");
  EXPECT_EQ(FormatValue(Value::Decimal(1e6)), "1000000");
  EXPECT_EQ(FormatValue(Value::Decimal(0.0001)), "0.0001");
  EXPECT_EQ(FormatValue(Value::Decimal(0.00001)), "0");
  EXPECT_EQ(FormatValue(Value::Decimal(-0.00001)), "0");
  EXPECT_EQ(FormatValue(Value::Decimal(-0.0)), "0");
  EXPECT_EQ(FormatValue(Value::Decimal(std::numeric_limits<double>::infinity())), "inf");
  EXPECT_EQ(FormatValue(Value::Decimal(-std::numeric_limits<double>::infinity())), "-inf");
  EXPECT_EQ(FormatValue(Value::Decimal(std::numeric_limits<double>::quiet_NaN())), "nan");
}

TEST(FormatValue, OtherTypes) {
  EXPECT_EQ(FormatValue(Value::Bool(true)), "ya");
  EXPECT_EQ(FormatValue(Value::Bool(false)), "tidak");
  EXPECT_EQ(FormatValue(Value::Int(-42)), "-42");
  EXPECT_EQ(FormatValue(Value::Int(2500000)), "2500000");
  EXPECT_EQ(FormatValue(Value::FromDate(Day(1990, 7, 5))), "1990-07-05");
  EXPECT_EQ(FormatValue(Value::String("Pekalongan Barat")), "Pekalongan Barat");
  EXPECT_EQ(FormatValue(Value::String("")), "");
  EXPECT_EQ(FormatValue(Value::Code(7)), "#7");
}

TEST(FormatValue, MissingOfAnyType) {
  EXPECT_EQ(FormatValue(Value()), "(kosong)");
  EXPECT_EQ(FormatValue(Value::MissingOf(Type::kMoney)), "(kosong)");
  EXPECT_EQ(FormatValue(Value::MissingOf(Type::kString)), "(kosong)");
  EXPECT_EQ(FormatValue(Value::MissingOf(Type::kBool)), "(kosong)");
}

}  // namespace
}  // namespace aturan
