// cli/options.hpp — options every subcommand that loads rules shares.
#pragma once

#include <optional>
#include <string>

#include "CLI/CLI.hpp"
#include "aturan/rule_set.hpp"

namespace aturan::cli {

struct RuleOptions {
  std::string reference_date;  // YYYY-MM-DD, empty for the rule file's own

  // The LoadOptions, or nullopt after printing why the options are wrong.
  std::optional<LoadOptions> ToLoadOptions() const;
};

// Adds --reference-date to `command`.
void AddRuleOptions(CLI::App& command, RuleOptions* options);

}  // namespace aturan::cli
