#include "base/direct_output.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace aturan::internal {
namespace {

std::string TempPath(const std::string& name) { return ::testing::TempDir() + "/direct_output_" + name; }

std::string Contents(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// `size` bytes that differ from block to block and within one, so that a misplaced or
// repeated block shows.
std::string Pattern(size_t size, uint32_t seed) {
  std::mt19937 random(seed);
  std::string text(size, '\0');
  for (char& c : text) c = static_cast<char>('a' + random() % 26);
  return text;
}

// Writes `text` to `path` through OpenDirectOutput in pieces of random sizes up to `max_piece`.
void WriteInPieces(const std::string& path, const std::string& text, size_t max_piece) {
  std::FILE* file = OpenDirectOutput(path);
  ASSERT_NE(file, nullptr) << std::strerror(errno);
  std::mt19937 random(7);
  for (size_t at = 0; at < text.size();) {
    const size_t piece = std::min(text.size() - at, 1 + random() % max_piece);
    ASSERT_EQ(std::fwrite(text.data() + at, 1, piece, file), piece);
    at += piece;
  }
  ASSERT_EQ(std::fclose(file), 0) << std::strerror(errno);
}

TEST(OpenDirectOutput, WritesEveryByteWhateverTheSizeAndPieces) {
  const size_t block = kDirectOutputBlock;
  for (const size_t size : {size_t{0}, size_t{1}, size_t{4095}, size_t{4096}, block - 1, block, block + 1,
                            3 * block + 12345}) {
    for (const size_t max_piece : {size_t{1000}, size_t{300000}, 2 * block}) {
      if (size > 2 * block && max_piece == 1000) continue;  // slow, and covered by the others
      SCOPED_TRACE(testing::Message() << "size " << size << ", pieces up to " << max_piece);
      const std::string path = TempPath("pieces");
      const std::string text = Pattern(size, static_cast<uint32_t>(size));
      WriteInPieces(path, text, max_piece);
      EXPECT_EQ(std::filesystem::file_size(path), size);
      EXPECT_TRUE(Contents(path) == text);
    }
  }
}

TEST(OpenDirectOutput, TruncatesALongerFile) {
  const std::string path = TempPath("truncated");
  { std::ofstream(path) << Pattern(2 * kDirectOutputBlock, 1); }
  const std::string text = Pattern(kDirectOutputBlock + 10, 2);
  WriteInPieces(path, text, 1 << 20);
  EXPECT_TRUE(Contents(path) == text);
}

// O_DIRECT among the flags of the descriptor open on `path`, if one is.
std::optional<bool> DescriptorIsDirect(const std::string& path) {
  const std::filesystem::path wanted = std::filesystem::canonical(path);
  for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd")) {
    std::error_code error;
    if (std::filesystem::read_symlink(entry.path(), error) != wanted) continue;
    std::ifstream info("/proc/self/fdinfo/" + entry.path().filename().string());
    for (std::string line; std::getline(info, line);) {
      if (line.rfind("flags:", 0) == 0) return (std::stoul(line.substr(6), nullptr, 8) & O_DIRECT) != 0;
    }
  }
  return std::nullopt;
}

TEST(OpenDirectOutput, WholeBlocksGoAroundThePageCacheWhereTheFileSystemAllows) {
  const std::string probe = TempPath("probe");
  const int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_DIRECT, 0666);
  if (fd < 0) GTEST_SKIP() << "the test directory's file system refuses O_DIRECT: " << std::strerror(errno);
  ::close(fd);

  const std::string path = TempPath("direct");
  std::FILE* file = OpenDirectOutput(path);
  ASSERT_NE(file, nullptr);
  const std::string text = Pattern(2 * kDirectOutputBlock + 100, 3);
  ASSERT_EQ(std::fwrite(text.data(), 1, text.size(), file), text.size());
  // Whole blocks are on disk or on their way; the last 100 bytes wait for the close.
  EXPECT_EQ(std::filesystem::file_size(path) % kDirectOutputBlock, 0u);
  EXPECT_THAT(DescriptorIsDirect(path), testing::Optional(true));
  ASSERT_EQ(std::fclose(file), 0);
  EXPECT_TRUE(Contents(path) == text);
}

TEST(OpenDirectOutput, AFileThatCannotBeCreatedGivesNullAndTheReason) {
  errno = 0;
  EXPECT_EQ(OpenDirectOutput(TempPath("no/such/directory/out.csv")), nullptr);
  EXPECT_EQ(errno, ENOENT);
}

TEST(OpenDirectOutput, AFailedWriteIsReportedByTheWriteOrTheClose) {
  if (!std::filesystem::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
  // Less than a block waits for the close, which must then fail.
  std::FILE* small = OpenDirectOutput("/dev/full");
  ASSERT_NE(small, nullptr) << std::strerror(errno);
  EXPECT_EQ(std::fwrite("row,nik\n", 1, 8, small), 8u);
  errno = 0;
  EXPECT_EQ(std::fclose(small), EOF);
  EXPECT_EQ(errno, ENOSPC);
  // A whole block fails as it is written, which the next block's hand-over finds.
  std::FILE* large = OpenDirectOutput("/dev/full");
  ASSERT_NE(large, nullptr);
  const std::string text = Pattern(2 * kDirectOutputBlock, 4);
  EXPECT_LT(std::fwrite(text.data(), 1, text.size(), large), text.size());
  EXPECT_NE(std::ferror(large), 0);
  // Nothing more is taken after a failure, and the close reports it again.
  EXPECT_EQ(std::fwrite(text.data(), 1, 100, large), 0u);
  errno = 0;
  EXPECT_EQ(std::fclose(large), EOF);
  EXPECT_EQ(errno, ENOSPC);
}

}  // namespace
}  // namespace aturan::internal
