#include "ruletest/rule_sets_by_date.hpp"

#include <utility>
#include <vector>

#include "base/strings.hpp"

namespace aturan::ruletest {

RuleSetsByDate::RuleSetsByDate(std::string path, std::shared_ptr<const RuleSet> own)
    : path_(std::move(path)), own_(std::move(own)) {}

const RuleSet* RuleSetsByDate::For(const std::optional<absl::CivilDay>& date, std::string* error) {
  if (!date) return own_.get();
  auto found = dated_.find(*date);
  if (found == dated_.end()) {
    LoadOptions options;
    options.reference_date = *date;
    LoadResult loaded = RuleSet::LoadFile(path_, options);
    if (loaded.rules == nullptr) {
      std::vector<Diagnostic> errors;
      for (const Diagnostic& d : loaded.diagnostics) {
        if (d.severity == Diagnostic::Severity::kError) errors.push_back(d);
      }
      *error = StrCat("the rule file cannot be read for reference date ", absl::FormatCivilTime(*date),
                      ":\n", FormatDiagnostics(errors));
      return nullptr;
    }
    found = dated_.emplace(*date, std::move(loaded.rules)).first;
  }
  return found->second.get();
}

}  // namespace aturan::ruletest
