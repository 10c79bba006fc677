#include "base/utf8.hpp"

#include <string_view>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace aturan {
namespace {

using namespace std::string_view_literals;

TEST(Utf8Length, CountsCodePoints) {
  EXPECT_EQ(Utf8Length(""), 0u);
  EXPECT_EQ(Utf8Length("Budi"), 4u);
  EXPECT_EQ(Utf8Length("a\0b"sv), 3u);
  EXPECT_EQ(Utf8Length("\xC3\xA9"), 1u);                  // é, 2 bytes
  EXPECT_EQ(Utf8Length("Ren\xC3\xA9"), 4u);
  EXPECT_EQ(Utf8Length("\xE2\x82\xAC"), 1u);              // €, 3 bytes
  EXPECT_EQ(Utf8Length("\xF0\x9F\x98\x80"), 1u);          // U+1F600, 4 bytes
  EXPECT_EQ(Utf8Length("\xC2\x80\xDF\xBF"), 2u);          // U+0080, U+07FF
  EXPECT_EQ(Utf8Length("\xE0\xA0\x80\xEF\xBF\xBF"), 2u);  // U+0800, U+FFFF
  EXPECT_EQ(Utf8Length("\xED\x9F\xBF\xEE\x80\x80"), 2u);  // U+D7FF, U+E000 around surrogates
  EXPECT_EQ(Utf8Length("\xF0\x90\x80\x80\xF4\x8F\xBF\xBF"), 2u);  // U+10000, U+10FFFF
}

TEST(Utf8Length, EachInvalidByteCountsOne) {
  EXPECT_EQ(Utf8Length("\x80"), 1u);                  // stray continuation byte
  EXPECT_EQ(Utf8Length("a\xFF" "b"), 3u);
  EXPECT_EQ(Utf8Length("\xF5\xF8\xFE"), 3u);          // bytes that never start a sequence
  EXPECT_EQ(Utf8Length("\xE2\x82"), 2u);              // truncated at the end
  EXPECT_EQ(Utf8Length("\xE2\x82" "a"), 3u);          // truncated before ASCII
  EXPECT_EQ(Utf8Length("\xC3"), 1u);
  EXPECT_EQ(Utf8Length("\xC0\xAF"), 2u);              // overlong '/'
  EXPECT_EQ(Utf8Length("\xE0\x80\xAF"), 3u);          // overlong '/'
  EXPECT_EQ(Utf8Length("\xF0\x80\x80\xAF"), 4u);      // overlong '/'
  EXPECT_EQ(Utf8Length("\xED\xA0\x80"), 3u);          // surrogate U+D800
  EXPECT_EQ(Utf8Length("\xF4\x90\x80\x80"), 4u);      // above U+10FFFF
  EXPECT_EQ(Utf8Length("\xC3\xA9\x80\xC3\xA9"), 3u);  // é, stray byte, é
}

}  // namespace
}  // namespace aturan
