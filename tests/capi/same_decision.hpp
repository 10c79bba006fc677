// same_decision.hpp — comparing a C API decision with the C++ API's.
#pragma once

#include "aturan/aturan.h"
#include "aturan/decision.hpp"
#include "aturan/rule_set.hpp"
#include "gtest/gtest.h"

namespace aturan::testing {

// Expects that `c` says what the C++ decision `d` of the same rules says.
inline void ExpectSameDecision(const aturan_decision& c, const Decision& d, const RuleSet& rules) {
  EXPECT_EQ(c.status, static_cast<int32_t>(d.status));
  EXPECT_EQ(c.score, d.score);
  EXPECT_EQ(c.failed_count, static_cast<int32_t>(d.failed.count()));
  EXPECT_EQ(c.unknown_count, static_cast<int32_t>(d.unknown.count()));
  for (int32_t i = 0; i < c.failed_count && i < 256; ++i) {
    const int32_t rule = c.failed_rules[i];
    ASSERT_TRUE(rule >= 0 && static_cast<size_t>(rule) < rules.rules().size());
    EXPECT_TRUE(d.failed[static_cast<size_t>(rule)]);
    EXPECT_EQ(c.failed_outcomes[i], d.unknown[static_cast<size_t>(rule)] ? ATURAN_RULE_UNKNOWN : ATURAN_RULE_FAILED);
    EXPECT_EQ(c.failed_rule_ids[i], rules.rules()[static_cast<size_t>(rule)].id);
    if (i > 0) {
      EXPECT_LT(c.failed_rules[i - 1], rule);
    }
  }
  EXPECT_EQ(c.invalid_slot, d.invalid_slot);
  if (d.invalid_slot >= 0) {
    EXPECT_EQ(c.invalid_field, rules.fields()[static_cast<size_t>(d.invalid_slot)].name);
  } else {
    EXPECT_EQ(c.invalid_field, nullptr);
  }
}

}  // namespace aturan::testing
