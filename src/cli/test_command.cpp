// `aturan test RULES.yaml...`: run the test cases kept beside rule files (docs/rule-tests.md).
#include <iostream>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/strings.hpp"
#include "cli/commands.hpp"
#include "ruletest/load_test_file.hpp"
#include "ruletest/run_test_file.hpp"

namespace aturan::cli {
namespace {

constexpr int kExitTestFailures = 1;  // a case did not give what it expects

struct TestOptions {
  std::vector<std::string> files;  // rule files, or test files standing for their rule files
  std::string cases;               // the test file of the one rule file, instead of RULES.test.yaml
  bool verbose = false;            // also list the cases that pass
};

// A rule file and the test file to run against it.
struct Target {
  std::string rules;
  std::string test;
};

// One target per rule file named (a test file names its rule file, so `rules/*.yaml` works).
std::vector<Target> Targets(const TestOptions& options) {
  std::vector<Target> targets;
  for (const std::string& file : options.files) {
    std::string rules = ruletest::RulesPathOfTestFile(file);
    std::string test = rules.empty() ? std::string() : file;
    if (rules.empty()) rules = file;
    if (!options.cases.empty()) test = options.cases;
    if (test.empty()) test = ruletest::TestFilePathFor(rules);
    bool seen = false;
    for (const Target& t : targets) seen = seen || t.rules == rules;
    if (!seen) targets.push_back(Target{std::move(rules), std::move(test)});
  }
  return targets;
}

std::string Position(const std::string& file, const spec::SourceRef& at) {
  return at.line > 0 ? StrCat(file, ":", at.line, ":", at.column) : file;
}

// `text` with every line indented by `indent`.
std::string Indented(std::string_view text, std::string_view indent) {
  std::string out;
  bool line_start = true;
  for (char c : text) {
    if (line_start) out += c == '\n' ? indent.substr(0, indent.find_last_not_of(' ') + 1) : indent;
    out += c;
    line_start = c == '\n';
  }
  if (!out.empty() && out.back() != '\n') out += '\n';
  return out;
}

// Counts over every file tested.
struct Tally {
  size_t files = 0, cases = 0, passed = 0, failed = 0, errors = 0, unreadable_files = 0;
};

void Report(const ruletest::FileReport& report, bool verbose, Tally* tally) {
  ++tally->files;
  if (!report.errors.empty()) {
    std::cerr << FormatDiagnostics(report.errors);
    ++tally->unreadable_files;
    return;
  }
  for (const ruletest::CaseResult& result : report.results) {
    ++tally->cases;
    const std::string where = Position(report.test_path, result.at);
    switch (result.outcome) {
      case ruletest::CaseOutcome::kPassed:
        ++tally->passed;
        if (verbose) std::cout << where << ": lulus: '" << result.name << "'\n";
        break;
      case ruletest::CaseOutcome::kFailed:
        ++tally->failed;
        std::cout << where << ": gagal: '" << result.name << "'\n";
        for (const std::string& m : result.mismatches) std::cout << "  " << m << "\n";
        if (!result.details.empty()) std::cout << Indented(result.details, "    | ");
        break;
      case ruletest::CaseOutcome::kError:
        ++tally->errors;
        std::cout << where << ": galat: '" << result.name << "'\n";
        for (const std::string& m : result.mismatches) std::cout << Indented(m, "  ");
        break;
    }
  }
}

int RunTests(const TestOptions& options) {
  if (!options.cases.empty() && options.files.size() > 1) {
    std::cerr << "error: --cases names the test file of one rule file, but " << options.files.size()
              << " files were given\n  hint: run 'aturan test RULES.yaml --cases FILE' once per rule file\n";
    return kExitBadInput;
  }
  Tally tally;
  for (const Target& target : Targets(options)) {
    Report(ruletest::RunTestFile(target.rules, target.test), options.verbose, &tally);
  }
  std::string summary = StrCat(tally.files, " berkas, ", tally.cases, " kasus: ", tally.passed, " lulus");
  if (tally.failed > 0) StrAppend(&summary, ", ", tally.failed, " gagal");
  if (tally.errors > 0) StrAppend(&summary, ", ", tally.errors, " galat");
  if (tally.unreadable_files > 0) {
    StrAppend(&summary, "; ", tally.unreadable_files, " berkas tidak dapat diuji");
  }
  std::cout << summary << "\n";
  if (tally.errors > 0 || tally.unreadable_files > 0) return kExitBadInput;
  return tally.failed > 0 ? kExitTestFailures : kExitOk;
}

}  // namespace

Command AddTestCommand(CLI::App& app) {
  auto* command = app.add_subcommand(
      "test", "Run the test cases beside rule files (RULES.test.yaml, docs/rule-tests.md)");
  auto options = std::make_shared<TestOptions>();
  command->add_option("rules", options->files,
                      "Rule files; a RULES.test.yaml given stands for RULES.yaml")
      ->required();
  command->add_option("--cases", options->cases,
                      "The test file to run, instead of RULES.test.yaml (one rule file only)");
  command->add_flag("--verbose", options->verbose, "Also list the cases that pass");
  return [options] { return RunTests(*options); };
}

}  // namespace aturan::cli
