#include "base/huge_pages.hpp"

#include "gtest/gtest.h"

namespace aturan {
namespace {

TEST(HugePages, RoundsAddressesToWholeHugePages) {
  const uintptr_t page = kHugePageBytes;
  EXPECT_EQ(page, uintptr_t{2097152});
  for (const uintptr_t base : {uintptr_t{0}, 7 * page}) {
    EXPECT_EQ(HugePageFloor(base), base);
    EXPECT_EQ(HugePageCeil(base), base);
    EXPECT_EQ(HugePageFloor(base + 1), base);
    EXPECT_EQ(HugePageCeil(base + 1), base + page);
    EXPECT_EQ(HugePageFloor(base + page - 1), base);
    EXPECT_EQ(HugePageCeil(base + page - 1), base + page);
  }
}

}  // namespace
}  // namespace aturan
