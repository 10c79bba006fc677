// InputBuffer: text read a few bytes at a time with the unconsumed bytes kept at the front,
// a byte order mark skipped, the end of the input, the zeroed padding after what was read,
// and files that cannot be opened. (The CSV and JSON Lines reader tests read through it with
// every buffer size.)
#include "ingest/input_buffer.hpp"

#include <cstdio>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace aturan {
namespace {

using ::testing::HasSubstr;

TEST(InputBuffer, ReadsTextAFewBytesAtATimeKeepingWhatIsNotConsumed) {
  const std::string text = "abcdefghij";
  InputBuffer input = InputBuffer::FromText(text, "text", 3);
  EXPECT_EQ(input.filled(), 0u);
  EXPECT_FALSE(input.eof());
  ASSERT_TRUE(input.Refill());
  EXPECT_EQ(std::string(input.data(), input.filled()), "abc");
  input.set_pos(2);  // "ab" consumed, "c" kept
  EXPECT_EQ(input.bytes_consumed(), 2u);
  ASSERT_TRUE(input.Refill());
  EXPECT_EQ(input.pos(), 0u);
  EXPECT_EQ(std::string(input.data(), input.filled()), "cdef");
  EXPECT_EQ(input.bytes_consumed(), 2u);
  input.set_pos(input.filled());
  std::string rest;
  while (!input.eof()) {
    ASSERT_TRUE(input.Refill());
    rest.append(input.data() + input.pos(), input.filled() - input.pos());
    input.set_pos(input.filled());
  }
  EXPECT_EQ(rest, "ghij");
  EXPECT_EQ(input.bytes_consumed(), text.size());
  EXPECT_TRUE(input.status().ok());
}

TEST(InputBuffer, SkipsAByteOrderMarkReadOneByteAtATime) {
  InputBuffer marked = InputBuffer::FromText("\xEF\xBB\xBFnik", "text", 1);
  ASSERT_TRUE(marked.SkipByteOrderMark());
  EXPECT_EQ(std::string(marked.data() + marked.pos(), marked.filled() - marked.pos()), "");
  EXPECT_EQ(marked.bytes_consumed(), 3u);
  // Only a whole mark is skipped; its first bytes alone are text.
  InputBuffer partial = InputBuffer::FromText("\xEF\xBB", "text", 1);
  ASSERT_TRUE(partial.SkipByteOrderMark());
  EXPECT_EQ(partial.pos(), 0u);
  EXPECT_EQ(partial.filled(), 2u);
  InputBuffer plain = InputBuffer::FromText("nik", "text", 2);
  ASSERT_TRUE(plain.SkipByteOrderMark());
  EXPECT_EQ(std::string(plain.data() + plain.pos(), plain.filled() - plain.pos()), "nik");
}

TEST(InputBuffer, AnEmptyInputEndsAtOnce) {
  InputBuffer input = InputBuffer::FromText("", "text", 4);
  ASSERT_TRUE(input.Refill());
  EXPECT_TRUE(input.eof());
  EXPECT_EQ(input.filled(), 0u);
}

TEST(InputBuffer, PaddingAfterWhatWasReadIsZero) {
  // The buffer grows as kept bytes and reads need; every byte past what was read stays zero.
  const std::string text(100, 'x');
  InputBuffer input = InputBuffer::FromText(text, "text", 7, /*padding=*/8);
  while (!input.eof()) {
    ASSERT_TRUE(input.Refill());
    for (size_t i = 0; i < 8; ++i) EXPECT_EQ(input.data()[input.filled() + i], '\0') << i;
    input.set_pos(input.pos() + 1);  // consume slowly, so that the kept bytes grow
  }
  EXPECT_EQ(input.filled() - input.pos(), text.size() - input.bytes_consumed());
}

TEST(InputBuffer, AFileThatCannotBeOpenedSaysWhich) {
  const absl::StatusOr<InputBuffer> input = InputBuffer::Open("/nonexistent/list.csv", 64);
  ASSERT_FALSE(input.ok());
  EXPECT_EQ(input.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(std::string(input.status().message()), HasSubstr("cannot open /nonexistent/list.csv"));
}

TEST(InputBuffer, ReadsAFileAsItsText) {
  const std::string path = ::testing::TempDir() + "/input_buffer_test.txt";
  const std::string text = "baris 1\nbaris 2\n";
  std::FILE* file = std::fopen(path.c_str(), "wb");
  ASSERT_NE(file, nullptr);
  std::fwrite(text.data(), 1, text.size(), file);
  std::fclose(file);
  absl::StatusOr<InputBuffer> input = InputBuffer::Open(path, 5);
  ASSERT_TRUE(input.ok()) << input.status();
  EXPECT_EQ(input->name(), path);
  std::string read;
  while (!input->eof()) {
    ASSERT_TRUE(input->Refill());
    read.append(input->data() + input->pos(), input->filled() - input->pos());
    input->set_pos(input->filled());
  }
  EXPECT_EQ(read, text);
  std::remove(path.c_str());
}

}  // namespace
}  // namespace aturan
