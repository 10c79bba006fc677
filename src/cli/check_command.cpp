#include <iostream>
#include <string>
#include <vector>

#include "aturan/rule_set.hpp"
#include "base/dates.hpp"
#include "base/strings.hpp"
#include "base/value_text.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"

namespace aturan::cli {
namespace {

void PrintSummary(const RuleSet& rules, std::ostream& out) {
  out << "  regulation " << rules.regulation_id() << ": " << rules.regulation_title() << "\n";
  out << "  region " << rules.region();
  if (!rules.revises().empty()) out << ", revises " << rules.revises();
  out << ", reference date " << FormatIsoDate(Date::FromCivil(rules.reference_date())) << "\n";
  std::string premiums;
  for (const PremiumInfo& p : rules.premiums()) {
    StrAppend(&premiums, premiums.empty() ? "" : " + ", p.name, " ",
              FormatValue(Value::Money(p.monthly_rupiah)));
  }
  out << "  premium " << FormatValue(Value::Money(rules.monthly_premium()))
      << " per person per month (" << premiums << "), " << rules.coverage_months()
      << " months\n";
  out << "  " << rules.fields().size() << " fields, " << rules.list_names().size() << " lists, "
      << rules.parameter_names().size() << " parameters, " << rules.rules().size()
      << " eligibility rules\n";
}

}  // namespace

Command AddCheckCommand(CLI::App& app) {
  auto* command = app.add_subcommand("check", "Validate rule files; print a summary of each");
  auto files = std::make_shared<std::vector<std::string>>();
  auto options = std::make_shared<RuleOptions>();
  command->add_option("rules", *files, "Rule files (YAML)")->required()->check(CLI::ExistingFile);
  AddRuleOptions(*command, options.get());
  return [files, options] {
    int exit_code = kExitOk;
    for (const std::string& file : *files) {
      std::optional<LoadOptions> load = options->ToLoadOptions();
      if (!load) return kExitBadInput;
      LoadResult result = RuleSet::LoadFile(file, *load);
      std::cerr << FormatDiagnostics(result.diagnostics);
      if (result.rules == nullptr) {
        size_t errors = 0;
        for (const Diagnostic& d : result.diagnostics) errors += d.severity == Diagnostic::Severity::kError;
        std::cout << file << ": " << errors << " error" << (errors == 1 ? "" : "s") << "\n";
        exit_code = kExitRuleErrors;
        continue;
      }
      std::cout << file << ": ok\n";
      PrintSummary(*result.rules, std::cout);
    }
    return exit_code;
  };
}

}  // namespace aturan::cli
