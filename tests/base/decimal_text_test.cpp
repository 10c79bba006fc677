// Decimal text written two digits at a time agrees with absl::StrCat for every digit count,
// both signs and the extremes.
#include "base/decimal_text.hpp"

#include <limits>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace aturan {
namespace {

std::vector<uint64_t> InterestingValues() {
  std::vector<uint64_t> values = {0, 1, 9, 10, 11, 99, 100, 101, 999, 1000, std::numeric_limits<uint64_t>::max()};
  for (uint64_t power = 1; power <= std::numeric_limits<uint64_t>::max() / 10; power *= 10) {
    values.insert(values.end(), {power - 1, power, power + 1, power * 10 - 1});
  }
  std::mt19937_64 random(7);
  for (int i = 0; i < 10000; ++i) values.push_back(random() >> (random() % 64));
  return values;
}

TEST(DecimalText, AppendDecimalWritesWhatStrCatWrites) {
  for (uint64_t value : InterestingValues()) {
    std::string out = "x";
    AppendDecimal(value, &out);
    EXPECT_EQ(out, absl::StrCat("x", value));
  }
}

TEST(DecimalText, AppendSignedDecimalWritesWhatStrCatWrites) {
  std::vector<int64_t> values = {std::numeric_limits<int64_t>::min(), std::numeric_limits<int64_t>::max(), -1, 0};
  for (uint64_t value : InterestingValues()) {
    values.push_back(static_cast<int64_t>(value >> 1));
    values.push_back(-static_cast<int64_t>(value >> 1));
  }
  for (int64_t value : values) {
    std::string out;
    AppendSignedDecimal(value, &out);
    EXPECT_EQ(out, absl::StrCat(value));
  }
}

TEST(DecimalText, WriteDigitPairsKeepsLeadingZeros) {
  char out[16];
  WriteDigitPairs(3375021203750001, out, 16);
  EXPECT_EQ(std::string(out, 16), "3375021203750001");
  WriteDigitPairs(42, out, 16);
  EXPECT_EQ(std::string(out, 16), "0000000000000042");
  WriteDigitPairs(0, out, 4);
  EXPECT_EQ(std::string(out, 4), "0000");
  WriteDigitPairs(123456, out, 4);  // only the last four digits
  EXPECT_EQ(std::string(out, 4), "3456");
}

}  // namespace
}  // namespace aturan
