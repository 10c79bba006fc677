#include "base/suggest.hpp"

#include "gtest/gtest.h"

TEST(Suggest, Placeholder) { EXPECT_EQ(aturan::EditDistance("ab", "ba"), 1u); }
