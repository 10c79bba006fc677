// base/decimal_text.hpp — whole numbers written in decimal two digits at a time, for the row
// numbers, NIKs, ranks and scores on every line of a list's output (absl::StrAppend takes a
// library call, a division per digit and a string resize for each).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

namespace aturan {

namespace decimal_text_detail {
// "00" to "99", each pair at twice its value.
inline constexpr char kPairs[] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";
}  // namespace decimal_text_detail

// Writes the last `width` decimal digits of `value` into out[0, width), zeros in front;
// `width` is even.
inline void WriteDigitPairs(uint64_t value, char* out, size_t width) {
  for (size_t i = width; i > 0; i -= 2, value /= 100) {
    std::memcpy(out + i - 2, decimal_text_detail::kPairs + 2 * (value % 100), 2);
  }
}

// Appends `value` in decimal, without leading zeros.
inline void AppendDecimal(uint64_t value, std::string* out) {
  char buffer[20];
  char* const end = buffer + sizeof buffer;
  char* p = end;
  for (; value >= 100; value /= 100) {
    p -= 2;
    std::memcpy(p, decimal_text_detail::kPairs + 2 * (value % 100), 2);
  }
  if (value >= 10) {
    p -= 2;
    std::memcpy(p, decimal_text_detail::kPairs + 2 * value, 2);
  } else {
    *--p = static_cast<char>('0' + value);
  }
  out->append(p, static_cast<size_t>(end - p));
}

// Appends `value` in decimal, with '-' in front when negative.
inline void AppendSignedDecimal(int64_t value, std::string* out) {
  if (value < 0) {
    out->push_back('-');
    // The magnitude as unsigned, so that INT64_MIN has one too.
    AppendDecimal(uint64_t{0} - static_cast<uint64_t>(value), out);
    return;
  }
  AppendDecimal(static_cast<uint64_t>(value), out);
}

}  // namespace aturan
