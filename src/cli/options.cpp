#include "cli/options.hpp"

#include <iostream>

#include "base/dates.hpp"

namespace aturan::cli {

std::optional<LoadOptions> RuleOptions::ToLoadOptions() const {
  LoadOptions options;
  if (reference_date.empty()) return options;
  std::optional<Date> day = ParseIsoDate(reference_date);
  if (!day) {
    std::cerr << "error: --reference-date '" << reference_date
              << "' is not a date\n  hint: write YYYY-MM-DD, e.g. 2023-01-01\n";
    return std::nullopt;
  }
  options.reference_date = day->ToCivil();
  return options;
}

void AddRuleOptions(CLI::App& command, RuleOptions* options) {
  command.add_option("--reference-date", options->reference_date,
                     "Resolve dated parameters and tanggal_acuan for this day (YYYY-MM-DD) "
                     "instead of the rule file's program.reference_date");
}

}  // namespace aturan::cli
