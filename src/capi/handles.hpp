// capi/handles.hpp — what the C API's opaque handles hold.
#pragma once

#include <string>
#include <vector>

#include "aturan/aturan.h"
#include "aturan/rule_set.hpp"
#include "aturan/value.hpp"

// A loaded rule set and the warnings its loading gave (aturan_rules_warnings).
struct aturan_rules {
  aturan::RuleSet rules;
  std::string warnings;
};

// One candidate's values in slot order. Keeps a copy of its RuleSet (a shared pointer), so it
// stays valid after aturan_rules_free.
struct aturan_candidate {
  explicit aturan_candidate(const aturan::RuleSet& rule_set);

  aturan::RuleSet rules;
  std::vector<aturan::Value> values;
  // Per slot: the text a string value points into. Never resized, so the pointers hold.
  std::vector<std::string> texts;
};
