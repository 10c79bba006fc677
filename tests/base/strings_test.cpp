#include "base/strings.hpp"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace aturan {
namespace {

// TrimAsciiWhitespace is absl::StripAsciiWhitespace, shortcut or not, and views into its input.
TEST(TrimAsciiWhitespace, StripsAsAbseilDoes) {
  const std::vector<std::string> texts = {"",        " ",          "\t\r\n\v\f", "ya",        " ya",  "ya ",
                                          "\tya\r\n", "Tukang Becak", " a b ",    "\xC2\xA0x", "x\n",  "\fx"};
  for (const std::string& text : texts) {
    const std::string_view trimmed = TrimAsciiWhitespace(text);
    EXPECT_EQ(trimmed, FromAbsl(absl::StripAsciiWhitespace(text))) << text;
    if (!trimmed.empty()) {
      EXPECT_GE(trimmed.data(), text.data());
      EXPECT_LE(trimmed.data() + trimmed.size(), text.data() + text.size());
    }
  }
}

}  // namespace
}  // namespace aturan
