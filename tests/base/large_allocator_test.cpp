#include "aturan/large_allocator.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <new>
#include <utility>
#include <vector>

#include "gtest/gtest.h"

namespace aturan {
namespace {

constexpr size_t kHugePage = size_t{2} << 20;

// Fills every byte of a block with a pattern from its offset and reads it back.
bool HoldsWhatIsWritten(unsigned char* block, size_t bytes) {
  for (size_t i = 0; i < bytes; ++i) block[i] = static_cast<unsigned char>(i * 7 + 3);
  for (size_t i = 0; i < bytes; ++i) {
    if (block[i] != static_cast<unsigned char>(i * 7 + 3)) return false;
  }
  return true;
}

TEST(AllocateLarge, LargeBlocksStartOnAHugePageBoundaryAndHoldEveryByte) {
  // Sizes around the boundaries: exactly one huge page, one byte more, not a whole 4 KB page.
  for (size_t bytes : {kHugePage, kHugePage + 1, 3 * kHugePage - 1, 5 * kHugePage + 12345}) {
    void* block = AllocateLarge(bytes);
    ASSERT_NE(block, nullptr);
    EXPECT_EQ(reinterpret_cast<uintptr_t>(block) % kHugePage, 0u) << bytes << " bytes";
    EXPECT_TRUE(HoldsWhatIsWritten(static_cast<unsigned char*>(block), bytes)) << bytes << " bytes";
    FreeLarge(block, bytes);
  }
}

TEST(AllocateLarge, SmallBlocksHoldEveryByte) {
  for (size_t bytes : {size_t{1}, size_t{4096}, kHugePage - 1}) {
    void* block = AllocateLarge(bytes);
    ASSERT_NE(block, nullptr);
    EXPECT_TRUE(HoldsWhatIsWritten(static_cast<unsigned char*>(block), bytes)) << bytes << " bytes";
    FreeLarge(block, bytes);
  }
}

TEST(AllocateLarge, BlocksDoNotOverlap) {
  // Several live blocks at once: writing one must not change another.
  std::vector<std::pair<unsigned char*, size_t>> blocks;
  for (size_t i = 0; i < 6; ++i) {
    const size_t bytes = kHugePage + i * 300'001;
    auto* block = static_cast<unsigned char*>(AllocateLarge(bytes));
    std::fill(block, block + bytes, static_cast<unsigned char>(i + 1));
    blocks.emplace_back(block, bytes);
  }
  for (size_t i = 0; i < blocks.size(); ++i) {
    const auto [block, bytes] = blocks[i];
    EXPECT_EQ(std::count(block, block + bytes, static_cast<unsigned char>(i + 1)), static_cast<ptrdiff_t>(bytes));
    FreeLarge(block, bytes);
  }
}

TEST(AllocateLarge, ImpossibleSizesThrowBadAlloc) {
  // Sizes near the top of size_t must fail cleanly, not wrap around when rounded to pages.
  for (size_t bytes : {std::numeric_limits<size_t>::max(), std::numeric_limits<size_t>::max() - 4095,
                       std::numeric_limits<size_t>::max() / 2}) {
    EXPECT_THROW(AllocateLarge(bytes), std::bad_alloc) << bytes << " bytes";
  }
}

TEST(LargeVector, GrowsThroughSmallAndLargeBlocksKeepingItsElements) {
  LargeVector<uint64_t> values;
  for (uint64_t i = 0; i < 1'000'000; ++i) values.push_back(i * i);  // 8 MB: several large blocks
  ASSERT_EQ(values.size(), 1'000'000u);
  for (uint64_t i = 0; i < values.size(); ++i) ASSERT_EQ(values[i], i * i) << i;
}

}  // namespace
}  // namespace aturan
