// ReadableExpression: comments and layout go, quoted strings stay as written.
#include "base/readable_expression.hpp"

#include "gtest/gtest.h"

namespace aturan {
namespace {

TEST(ReadableExpression, DropsCommentsAndCollapsesWhitespace) {
  EXPECT_EQ(ReadableExpression("# usia pada tanggal acuan\nage(tanggal_lahir, tanggal_acuan)\n  between 18 and 65\n"),
            "age(tanggal_lahir, tanggal_acuan) between 18 and 65");
  EXPECT_EQ(ReadableExpression("  a   and\tb  # komentar"), "a and b");
  EXPECT_EQ(ReadableExpression(""), "");
  EXPECT_EQ(ReadableExpression("# hanya komentar"), "");
}

TEST(ReadableExpression, KeepsQuotedStringsAsWritten) {
  EXPECT_EQ(ReadableExpression("nama == \"a  # b\"  # komentar"), "nama == \"a  # b\"");
  EXPECT_EQ(ReadableExpression("x == 'it\\'s  # x'"), "x == 'it\\'s  # x'");
  // An unclosed string ends at its line.
  EXPECT_EQ(ReadableExpression("x == \"abc\n  or y"), "x == \"abc or y");
}

}  // namespace
}  // namespace aturan
