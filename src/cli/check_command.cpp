#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "aturan/allocation.hpp"
#include "aturan/rule_set.hpp"
#include "base/dates.hpp"
#include "base/strings.hpp"
#include "base/value_text.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "ruletest/load_test_file.hpp"

namespace aturan::cli {
namespace {

// "Rp1.700.000.000".
std::string Rupiah(int64_t amount) { return FormatValue(Value::Money(amount)); }

// How a pool's seats are counted: "1000 seats", "20238 seats from budget ... at ...".
std::string PoolSeats(const PoolInfo& pool) {
  if (pool.basis == AreaBasis::kFixed) {
    return pool.area_numbers.empty() ? std::string("seats from the area table")
                                     : StrCat(pool.capacity, " seats, the sum of the areas' seats");
  }
  std::string text = StrCat(pool.capacity, " seats");
  if (pool.budget >= 0) {
    const std::string stated =
        pool.seats >= 0 ? StrCat("the smaller of ", pool.seats, " stated and ") : "";
    StrAppend(&text, " (", stated, "budget ", Rupiah(pool.budget), " at ",
              Rupiah(pool.monthly_premium), " x ", pool.months, " months)");
  }
  return text;
}

// Where a pool's area numbers come from.
std::string AreaNumbers(const RuleSet& rules, const PoolInfo& pool) {
  if (!pool.area_numbers.empty()) {
    int64_t given = 0;
    for (int64_t number : pool.area_numbers) given += number >= 0;
    return StrCat("from the rule file (", given, " of ", pool.area_numbers.size(), " areas)");
  }
  if (!pool.areas_file.empty()) return StrCat("from areas_file ", pool.areas_file);
  if (pool.dtks_slot >= 0) {
    return StrCat("counted from the list (eligible candidates with ", rules.fields()[pool.dtks_slot].name, ")");
  }
  return "from the command line (--areas)";
}

// The quota: the overall limit, then per pool its seats and how they are counted, its filter,
// its areas and its reserved shares.
void PrintQuota(const RuleSet& rules, std::ostream& out) {
  const QuotaInfo& quota = rules.quota();
  out << "  quota: " << quota.pools.size() << (quota.pools.size() == 1 ? " pool" : " pools");
  if (quota.total_capacity >= 0) out << ", at most " << quota.total_capacity << " seats in all";
  if (quota.total_budget >= 0) out << " (budget " << Rupiah(quota.total_budget) << ")";
  out << "\n";
  for (const PoolInfo& pool : quota.pools) {
    out << "  pool " << pool.id;
    if (!pool.name.empty()) out << " \"" << pool.name << "\"";
    if (!pool.funder.empty()) out << ", paid by " << pool.funder;
    out << ": " << PoolSeats(pool) << "\n";
    if (!pool.when.empty()) out << "    for: " << pool.when << "\n";
    if (pool.basis != AreaBasis::kNone) {
      out << "    areas: " << rules.fields()[pool.area_slot].name;
      if (pool.basis == AreaBasis::kFixed) {
        out << " with fixed seats";
      } else {
        out << " by " << AreaBasisName(pool.basis) << " (" << ApportionMethodName(pool.method)
            << ")";
      }
      out << ", numbers " << AreaNumbers(rules, pool) << "; unfilled seats: "
          << UnfilledName(pool.unfilled) << "\n";
    }
    if (!pool.reserved.empty()) {
      std::string reserved;
      for (const ReservedShare& share : pool.reserved) {
        StrAppend(&reserved, reserved.empty() ? "" : ", ", quota.reserved_groups[share.group].id,
                  " ", FormatValue(Value::Decimal(share.share * 100)), "%");
      }
      out << "    reserved: " << reserved << "\n";
    }
  }
}

// Reads every area table the quota names, so that a missing or broken one is found now rather
// than when a list is allocated. False after printing what is wrong.
bool CheckAreaFiles(const RuleSet& rules, std::ostream& out) {
  bool ok = true;
  for (const PoolInfo& pool : rules.quota().pools) {
    if (pool.areas_file.empty()) continue;
    const absl::StatusOr<AreaTable> table = ReadAreaTable(rules, pool.area_slot, pool.areas_file);
    if (!table.ok()) {
      std::cerr << "error: quota pool '" << pool.id << "': " << table.status().message() << "\n";
      ok = false;
      continue;
    }
    const std::vector<int64_t>& numbers = table->NumbersFor(pool.basis);
    if (numbers.empty()) {
      std::cerr << "error: quota pool '" << pool.id << "': " << pool.areas_file << " has no "
                << AreaBasisName(pool.basis) << " column\n";
      ok = false;
      continue;
    }
    int64_t areas = 0;
    int64_t sum = 0;
    for (int64_t n : numbers) {
      areas += n >= 0;
      sum += n >= 0 ? n : 0;
    }
    out << "    " << pool.areas_file << ": " << areas << " areas, " << AreaBasisName(pool.basis) << " " << sum
        << " in all\n";
  }
  return ok;
}

void PrintSummary(const RuleSet& rules, std::ostream& out) {
  out << "  regulation " << rules.regulation_id() << ": " << rules.regulation_title() << "\n";
  out << "  region " << rules.region();
  if (!rules.revises().empty()) out << ", revises " << rules.revises();
  out << ", reference date " << FormatIsoDate(Date::FromCivil(rules.reference_date())) << "\n";
  std::string premiums;
  for (const PremiumInfo& p : rules.premiums()) {
    StrAppend(&premiums, premiums.empty() ? "" : " + ", p.name, " ",
              FormatValue(Value::Money(p.monthly_rupiah)));
    if (!p.per_person.empty()) StrAppend(&premiums, " (per person: ", p.per_person, ")");
  }
  out << "  premium " << FormatValue(Value::Money(rules.monthly_premium()))
      << " per person per month (" << premiums << "), " << rules.coverage_months()
      << " months\n";
  out << "  " << rules.fields().size() << " fields, " << rules.list_names().size() << " lists, "
      << rules.parameter_names().size() << " parameters, " << rules.rules().size()
      << " eligibility rules\n";
  if (rules.quota().present()) PrintQuota(rules, out);
}

// Prints "FILE: N errors" for a file whose diagnostics hold errors.
void PrintErrorCount(const std::string& file, const std::vector<Diagnostic>& diagnostics) {
  size_t errors = 0;
  for (const Diagnostic& d : diagnostics) errors += d.severity == Diagnostic::Severity::kError;
  std::cout << file << ": " << errors << " error" << (errors == 1 ? "" : "s") << "\n";
}

// Checks test file `file` (RULES.test.yaml) against its rule file `rules_path`, printing its
// errors or how many cases it holds; false when it or its rule file has errors.
bool CheckTestFile(const std::string& file, const std::string& rules_path, const LoadOptions& load) {
  LoadResult rules = RuleSet::LoadFile(rules_path, load);
  if (rules.rules == nullptr) {
    std::cout << file << ": not checked: its rule file " << rules_path << " has errors (aturan check "
              << rules_path << ")\n";
    return false;
  }
  std::vector<Diagnostic> diagnostics;
  const std::optional<ruletest::TestFile> tests = ruletest::ReadTestFile(file, *rules.rules, rules_path, &diagnostics);
  std::cerr << FormatDiagnostics(diagnostics);
  if (!tests) {
    PrintErrorCount(file, diagnostics);
    return false;
  }
  std::cout << file << ": ok, test file of " << rules_path << ": " << tests->candidates.size()
            << " candidate cases, " << tests->allocations.size() << " allocation cases (run them with aturan test)\n";
  return true;
}

}  // namespace

Command AddCheckCommand(CLI::App& app) {
  auto* command = app.add_subcommand(
      "check", "Validate rule files (and test files, RULES.test.yaml, against their rule file); print a summary of each");
  auto files = std::make_shared<std::vector<std::string>>();
  auto options = std::make_shared<RuleOptions>();
  command->add_option("rules", *files, "Rule files (YAML)")->required()->check(CLI::ExistingFile);
  AddRuleOptions(*command, options.get());
  return [files, options] {
    int exit_code = kExitOk;
    for (const std::string& file : *files) {
      std::optional<LoadOptions> load = options->ToLoadOptions();
      if (!load) return kExitBadInput;
      if (const std::string rules_path = ruletest::RulesPathOfTestFile(file); !rules_path.empty()) {
        if (!CheckTestFile(file, rules_path, *load)) exit_code = kExitRuleErrors;
        continue;
      }
      LoadResult result = RuleSet::LoadFile(file, *load);
      std::cerr << FormatDiagnostics(result.diagnostics);
      if (result.rules == nullptr) {
        PrintErrorCount(file, result.diagnostics);
        exit_code = kExitRuleErrors;
        continue;
      }
      std::ostringstream summary;
      PrintSummary(*result.rules, summary);
      if (!CheckAreaFiles(*result.rules, summary)) {
        std::cout << file << ": area table errors\n";
        exit_code = kExitRuleErrors;
        continue;
      }
      std::cout << file << ": ok\n" << summary.str();
    }
    return exit_code;
  };
}

}  // namespace aturan::cli
