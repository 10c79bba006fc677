#include "base/value_text.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <system_error>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "base/dates.hpp"
#include "base/strings.hpp"

namespace aturan {
namespace {

// Error messages quote at most this many bytes of the text.
constexpr size_t kMaxQuoted = 40;

// `text` in double quotes with quotes, backslashes and control characters escaped, cut at a
// character boundary after kMaxQuoted bytes.
std::string Quote(std::string_view text) {
  if (text.size() <= kMaxQuoted) {
    return absl::StrCat("\"", absl::Utf8SafeCEscape(ToAbsl(text)), "\"");
  }
  size_t end = kMaxQuoted;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return absl::StrCat("\"", absl::Utf8SafeCEscape(ToAbsl(text.substr(0, end))), "...\"");
}

// Why texts do not read, one constant per kind (ReadValueText points at them).
constexpr ValueTextProblem kNotABool{"not a bool", "expected true/false, ya/tidak, y/n or 1/0"};
constexpr ValueTextProblem kNotAnInt{"not an int", "expected digits with an optional sign and '_' between digits"};
constexpr ValueTextProblem kIntOutOfRange{"int out of range", ""};
constexpr ValueTextProblem kBadThousands{
    "not a money amount",
    "thousands dots must separate groups of three digits, as in 2.500.000; sen follow a comma"};
constexpr ValueTextProblem kNotMoney{"not a money amount",
                                     "expected rupiah such as 2500000, 2_500_000, 2.500.000 or Rp 2.500.000,00"};
constexpr ValueTextProblem kBadSen{"not a money amount",
                                   "a comma starts the sen, as in 2.500.000,00; thousands take dots"};
constexpr ValueTextProblem kNonZeroSen{"money with non-zero sen", "amounts are whole rupiah"};
constexpr ValueTextProblem kMoneyOutOfRange{"money out of range", ""};
constexpr ValueTextProblem kNotADecimal{"not a decimal",
                                        "expected digits with at most one decimal point or comma, as in 0.5 or 0,5"};
constexpr ValueTextProblem kDecimalOutOfRange{"decimal out of range", ""};
constexpr ValueTextProblem kNotADate{"not a date", "expected YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY"};
constexpr ValueTextProblem kImpossibleDate{"impossible date", ""};
constexpr ValueTextProblem kTooLong{"text longer than 4 GiB", ""};
constexpr ValueTextProblem kCodeText{"a code is looked up in its list, not parsed", ""};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool AllDigits(std::string_view text) { return std::all_of(text.begin(), text.end(), IsDigit); }

// True for one or more digits with single '_' between digits ("2_500_000").
bool IsDigitRun(std::string_view text) {
  if (text.empty() || !IsDigit(text.front()) || !IsDigit(text.back())) return false;
  for (size_t i = 1; i + 1 < text.size(); ++i) {
    if (text[i] == '_' ? !IsDigit(text[i + 1]) : !IsDigit(text[i])) return false;
  }
  return true;
}

// True for Indonesian thousands grouping: 1-3 digits, not starting with 0, then one or more
// groups of '.' and exactly three digits ("2.500.000").
bool IsThousandsRun(std::string_view text) {
  const size_t first_dot = text.find('.');
  if (first_dot == 0 || first_dot > 3 /* or npos */ || text.front() == '0' ||
      (text.size() - first_dot) % 4 != 0) {
    return false;
  }
  for (size_t i = 0; i < text.size(); ++i) {
    const bool dot_place = i >= first_dot && (i - first_dot) % 4 == 0;
    if (dot_place ? text[i] != '.' : !IsDigit(text[i])) return false;
  }
  return true;
}

// The number written by the digits of `text`, skipping separators; nullopt when it does not
// fit 64 bits.
std::optional<uint64_t> DigitsValue(std::string_view text) {
  constexpr uint64_t kMax = std::numeric_limits<uint64_t>::max();
  uint64_t value = 0;
  for (char c : text) {
    if (!IsDigit(c)) continue;
    const auto digit = static_cast<uint64_t>(c - '0');
    if (value > (kMax - digit) / 10) return std::nullopt;
    value = value * 10 + digit;
  }
  return value;
}

// Removes a leading '+' or '-' from *text; true when it was '-'.
bool TakeSign(std::string_view* text) {
  if (text->empty() || (text->front() != '+' && text->front() != '-')) return false;
  const bool negative = text->front() == '-';
  text->remove_prefix(1);
  return negative;
}

// The signed value of a sign and a magnitude; nullopt when it does not fit int64_t.
std::optional<int64_t> Signed(bool negative, std::optional<uint64_t> magnitude) {
  constexpr auto kMax = static_cast<uint64_t>(std::numeric_limits<int64_t>::max());
  if (!magnitude || *magnitude > kMax + (negative ? 1 : 0)) return std::nullopt;
  // C++20 converts unsigned to signed modulo 2^64, so 0 - 2^63 becomes INT64_MIN.
  return negative ? static_cast<int64_t>(uint64_t{0} - *magnitude)
                  : static_cast<int64_t>(*magnitude);
}

// The date of year-month-day when that day exists and the year is 1000..9999.
std::optional<Date> ExistingDate(int year, int month, int day) {
  const absl::CivilDay civil(year, month, day);
  if (year < 1000 || year > 9999 || civil.month() != month || civil.day() != day) {
    return std::nullopt;
  }
  return Date::FromCivil(civil);
}

// The value of a few ASCII digits (a day, a month, a year).
int SmallNumber(std::string_view digits) { return static_cast<int>(*DigitsValue(digits)); }

const ValueTextProblem* ReadBool(std::string_view text, Value* out) {
  static constexpr std::array<std::pair<std::string_view, bool>, 8> kSpellings = {{
      {"true", true}, {"false", false}, {"ya", true}, {"tidak", false},
      {"y", true},    {"n", false},     {"1", true},  {"0", false},
  }};
  // Every spelling is at most 5 ASCII bytes: lower-case once, then compare exactly (a list
  // has a bool in most columns of every row, so this runs often).
  constexpr size_t kLongest = 5;
  if (text.size() <= kLongest) {
    char lower[kLongest];
    for (size_t i = 0; i < text.size(); ++i) lower[i] = absl::ascii_tolower(static_cast<unsigned char>(text[i]));
    const std::string_view key(lower, text.size());
    for (const auto& [spelling, value] : kSpellings) {
      if (key == spelling) {
        *out = Value::Bool(value);
        return nullptr;
      }
    }
  }
  return &kNotABool;
}

const ValueTextProblem* ReadInt(std::string_view text, Value* out) {
  std::string_view body = text;
  const bool negative = TakeSign(&body);
  if (!IsDigitRun(body)) return &kNotAnInt;
  const std::optional<int64_t> value = Signed(negative, DigitsValue(body));
  if (!value) return &kIntOutOfRange;
  *out = Value::Int(*value);
  return nullptr;
}

const ValueTextProblem* ReadMoney(std::string_view text, Value* out) {
  std::string_view body = text;
  const bool negative = TakeSign(&body);
  if (absl::StartsWithIgnoreCase(ToAbsl(body), "rp")) {
    body.remove_prefix(2);
    if (body.starts_with('.')) body.remove_prefix(1);
    while (!body.empty() && absl::ascii_isspace(static_cast<unsigned char>(body.front()))) {
      body.remove_prefix(1);
    }
  }
  std::string_view sen;
  const size_t comma = body.find(',');
  const bool has_sen = comma != std::string_view::npos;
  if (has_sen) {
    sen = body.substr(comma + 1);
    body = body.substr(0, comma);
  }
  if (body.find('.') != std::string_view::npos) {
    if (!IsThousandsRun(body)) return &kBadThousands;
  } else if (!IsDigitRun(body)) {
    return &kNotMoney;
  }
  if (has_sen && sen != "-") {
    if (sen.empty() || sen.size() > 2 || !AllDigits(sen)) return &kBadSen;
    if (sen.find_first_not_of('0') != std::string_view::npos) return &kNonZeroSen;
  }
  const std::optional<int64_t> value = Signed(negative, DigitsValue(body));
  if (!value) return &kMoneyOutOfRange;
  *out = Value::Money(*value);
  return nullptr;
}

const ValueTextProblem* ReadDecimal(std::string_view text, Value* out) {
  std::string_view body = text;
  const bool negative = TakeSign(&body);
  const size_t point = body.find_first_of(".,");
  const std::string_view whole = body.substr(0, point);
  const std::string_view fraction =
      point == std::string_view::npos ? std::string_view() : body.substr(point + 1);
  if (!IsDigitRun(whole) || (point != std::string_view::npos && !IsDigitRun(fraction))) return &kNotADecimal;
  std::string normalized = negative ? "-" : "";
  for (char c : whole) {
    if (IsDigit(c)) normalized += c;
  }
  normalized += '.';
  for (char c : fraction) {
    if (IsDigit(c)) normalized += c;
  }
  double value = 0;
  const char* end = normalized.data() + normalized.size();
  const std::from_chars_result result = std::from_chars(normalized.data(), end, value);
  if (result.ec != std::errc()) return &kDecimalOutOfRange;
  *out = Value::Decimal(value);
  return nullptr;
}

const ValueTextProblem* ReadDate(std::string_view text, Value* out) {
  if (text.size() == 10 && text[4] == '-' && text[7] == '-' && AllDigits(text.substr(0, 4)) &&
      AllDigits(text.substr(5, 2)) && AllDigits(text.substr(8, 2))) {
    const std::optional<Date> date = ParseIsoDate(text);
    if (!date) return &kImpossibleDate;
    *out = Value::FromDate(*date);
    return nullptr;
  }
  const size_t first = static_cast<size_t>(
      std::find_if(text.begin(), text.end(), [](char c) { return c == '-' || c == '/'; }) - text.begin());
  if (first == text.size()) return &kNotADate;
  const size_t second = text.find(text[first], first + 1);
  if (second == std::string_view::npos) return &kNotADate;
  const std::string_view day = text.substr(0, first);
  const std::string_view month = text.substr(first + 1, second - first - 1);
  const std::string_view year = text.substr(second + 1);
  const auto one_or_two_digits = [](std::string_view s) {
    return (s.size() == 1 || s.size() == 2) && AllDigits(s);
  };
  if (!one_or_two_digits(day) || !one_or_two_digits(month) || year.size() != 4 ||
      !AllDigits(year)) {
    return &kNotADate;
  }
  const std::optional<Date> date =
      ExistingDate(SmallNumber(year), SmallNumber(month), SmallNumber(day));
  if (!date) return &kImpossibleDate;
  *out = Value::FromDate(*date);
  return nullptr;
}

std::string FormatMoney(int64_t rupiah) {
  // The magnitude as unsigned, so that INT64_MIN has one too.
  const uint64_t magnitude =
      rupiah < 0 ? uint64_t{0} - static_cast<uint64_t>(rupiah) : static_cast<uint64_t>(rupiah);
  const std::string digits = absl::StrCat(magnitude);
  std::string out = rupiah < 0 ? "-Rp" : "Rp";
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
    out += digits[i];
  }
  return out;
}

std::string FormatDecimal(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  std::string out = absl::StrFormat("%.4f", value);
  out.erase(out.find_last_not_of('0') + 1);
  if (out.back() == '.') out.pop_back();
  return out == "-0" ? "0" : out;
}

}  // namespace

const ValueTextProblem* ReadValueText(Type type, std::string_view raw, Value* out) {
  const std::string_view text = TrimAsciiWhitespace(raw);
  if (text.empty()) {
    *out = Value::MissingOf(type);
    return nullptr;
  }
  switch (type) {
    case Type::kBool: return ReadBool(text, out);
    case Type::kInt: return ReadInt(text, out);
    case Type::kMoney: return ReadMoney(text, out);
    case Type::kDecimal: return ReadDecimal(text, out);
    case Type::kDate: return ReadDate(text, out);
    case Type::kString:
      if (text.size() > std::numeric_limits<uint32_t>::max()) return &kTooLong;
      *out = Value::String(text);
      return nullptr;
    case Type::kCode: break;
  }
  return &kCodeText;
}

std::string DescribeValueTextProblem(const ValueTextProblem& problem, std::string_view raw) {
  const std::string quoted = Quote(TrimAsciiWhitespace(raw));
  if (problem.hint.empty()) return aturan::StrCat(problem.what, ": ", quoted);
  return aturan::StrCat(problem.what, ": ", quoted, " (", problem.hint, ")");
}

absl::StatusOr<Value> ParseValueText(Type type, std::string_view text) {
  Value value;
  if (const ValueTextProblem* problem = ReadValueText(type, text, &value)) {
    return absl::InvalidArgumentError(DescribeValueTextProblem(*problem, text));
  }
  return value;
}

std::string FormatValue(const Value& value) {
  if (value.missing()) return "(kosong)";
  switch (value.type()) {
    case Type::kBool: return value.as_bool() ? "ya" : "tidak";
    case Type::kInt: return absl::StrCat(value.as_int());
    case Type::kMoney: return FormatMoney(value.as_int());
    case Type::kDecimal: return FormatDecimal(value.as_decimal());
    case Type::kString: return std::string(value.as_string());
    case Type::kDate: return FormatIsoDate(value.as_date());
    case Type::kCode: break;
  }
  return absl::StrCat("#", value.as_code());
}

}  // namespace aturan
