#include "base/huge_page_text.hpp"

#include <string>

#include "gtest/gtest.h"

namespace aturan {
namespace {

TEST(ReserveInHugePages, MakesRoomKeepingTheText) {
  std::string text = "row,nik,status\n1,3375042009990001,eligible\n";
  const std::string before = text;
  ReserveInHugePages(&text, size_t{5} << 20);
  EXPECT_GE(text.capacity(), size_t{5} << 20);
  EXPECT_EQ(text, before);
  // The room is usable without reallocating.
  const char* data = text.data();
  text.append((size_t{5} << 20) - text.size(), 'x');
  EXPECT_EQ(text.data(), data);
  EXPECT_EQ(text.substr(0, before.size()), before);
}

TEST(ReserveInHugePages, LeavesATextWithEnoughRoomAlone) {
  std::string text;
  text.reserve(size_t{3} << 20);
  text = "kept";
  const char* data = text.data();
  const size_t capacity = text.capacity();
  ReserveInHugePages(&text, size_t{1} << 20);
  EXPECT_EQ(text.data(), data);
  EXPECT_EQ(text.capacity(), capacity);
  EXPECT_EQ(text, "kept");
}

TEST(ReserveInHugePages, SmallReservationsWork) {
  std::string text = "a";
  ReserveInHugePages(&text, 100);
  EXPECT_GE(text.capacity(), 100u);
  EXPECT_EQ(text, "a");
}

}  // namespace
}  // namespace aturan
