// ruletest/rule_sets_by_date.hpp — one rule file compiled for each reference date its test
// cases ask for, each compiled once.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "absl/time/civil_time.h"
#include "aturan/rule_set.hpp"

namespace aturan::ruletest {

// The rule file at `path`, as loaded for its own reference date and for others on demand.
class RuleSetsByDate {
 public:
  RuleSetsByDate(std::string path, std::shared_ptr<const RuleSet> own);

  // The rules read as they stand on `date` (nullopt: the rule file's own reference date), or
  // nullptr with *error saying why they cannot be (e.g. a parameter has no value that day).
  const RuleSet* For(const std::optional<absl::CivilDay>& date, std::string* error);

 private:
  std::string path_;
  std::shared_ptr<const RuleSet> own_;
  std::map<absl::CivilDay, std::shared_ptr<const RuleSet>> dated_;
};

}  // namespace aturan::ruletest
