// aturan/value.hpp — the typed values a candidate record holds and expressions compute.
#pragma once

#include <cstdint>
#include <string_view>

#include "absl/time/civil_time.h"

namespace aturan {

// The types a schema field, a parameter or an expression can have.
enum class Type : uint8_t {
  kBool,
  kInt,      // 64-bit signed integer
  kMoney,    // whole rupiah, 64-bit signed
  kDecimal,  // IEEE double
  kString,   // UTF-8 text
  kDate,     // a calendar day
  kCode,     // a value from a closed list, held as its interned id
};

// The rule-file spelling of a type ("bool", "int", "money", ...).
std::string_view TypeName(Type type);

// A calendar day as a count of days since 1970-01-01 (negative before).
struct Date {
  int32_t days = 0;

  // The day of a civil date.
  static Date FromCivil(absl::CivilDay day);
  // The civil date of this day.
  absl::CivilDay ToCivil() const;
  friend bool operator==(Date a, Date b) { return a.days == b.days; }
  friend auto operator<=>(Date a, Date b) { return a.days <=> b.days; }
};

// One value of a record or of a computation: 16 bytes, trivially copyable, never allocates.
// A string value does not own its text: the text must outlive the value (a Record owns
// its strings; a Binding points into the host's object during one call).
class Value {
 public:
  // A missing value: no data. Every type can be missing.
  constexpr Value() = default;

  static constexpr Value Bool(bool b) { Value v(Type::kBool); v.i_ = b ? 1 : 0; return v; }
  static constexpr Value Int(int64_t i) { Value v(Type::kInt); v.i_ = i; return v; }
  static constexpr Value Money(int64_t rupiah) { Value v(Type::kMoney); v.i_ = rupiah; return v; }
  static constexpr Value Decimal(double d) { Value v(Type::kDecimal); v.d_ = d; return v; }
  static constexpr Value String(std::string_view s) {
    Value v(Type::kString); v.s_ = s.data(); v.len_ = static_cast<uint32_t>(s.size()); return v;
  }
  static constexpr Value FromDate(Date d) { Value v(Type::kDate); v.i_ = d.days; return v; }
  static constexpr Value Code(int32_t id) { Value v(Type::kCode); v.i_ = id; return v; }
  // A missing value that still remembers which type it would have had.
  static constexpr Value MissingOf(Type t) { Value v(t); v.missing_ = true; return v; }

  // True when there is no data.
  constexpr bool missing() const { return missing_; }
  // The type (meaningful also when missing, if the value was made with MissingOf).
  constexpr Type type() const { return type_; }

  // Payload accessors: valid only for a present value of the matching type.
  constexpr bool as_bool() const { return i_ != 0; }
  constexpr int64_t as_int() const { return i_; }      // kInt and kMoney
  constexpr double as_decimal() const { return d_; }
  constexpr std::string_view as_string() const { return {s_, len_}; }
  constexpr Date as_date() const { return Date{static_cast<int32_t>(i_)}; }
  constexpr int32_t as_code() const { return static_cast<int32_t>(i_); }

 private:
  constexpr explicit Value(Type t) : type_(t), missing_(false) {}

  union {
    int64_t i_ = 0;
    double d_;
    const char* s_;
  };
  uint32_t len_ = 0;
  Type type_ = Type::kBool;
  bool missing_ = true;
  // Named padding: with all 16 bytes members, a copy is two whole 8-byte moves. With 2 bytes
  // of implicit padding, GCC copies 14 bytes through overlapping moves that defeat
  // store-to-load forwarding, which doubled the cost of filling a record.
  uint16_t unused_ = 0;
};

static_assert(sizeof(Value) == 16, "Value must stay 16 bytes");

}  // namespace aturan
