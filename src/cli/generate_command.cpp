// `aturan generate RULES.yaml --rows N --seed S -o list.csv`: write a synthetic candidate list.
#include <chrono>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "absl/strings/numbers.h"
#include "absl/strings/str_format.h"
#include "aturan/rule_set.hpp"
#include "base/strings.hpp"
#include "cli/commands.hpp"
#include "cli/list_flags.hpp"
#include "cli/options.hpp"
#include "generate/list_generator.hpp"

namespace aturan::cli {
namespace {

// More rows than anyone needs to test with (and about 150 GB of CSV).
constexpr uint64_t kMaxRows = 1'000'000'000;

struct GenerateCommandOptions {
  std::string rules_file;
  std::string rows;
  std::string seed = "1";
  std::string bad_share = "0.02";
  int threads = 0;
  std::string output;
  RuleOptions rule_options;
};

// The GenerateOptions, or nullopt after printing what is wrong with the arguments.
std::optional<GenerateOptions> ParseOptions(const GenerateCommandOptions& o) {
  GenerateOptions options;
  options.threads = o.threads;
  if (!absl::SimpleAtoi(o.rows, &options.rows)) {
    std::cerr << "error: --rows '" << o.rows << "' is not a whole number\n  hint: e.g. --rows 100000\n";
    return std::nullopt;
  }
  if (options.rows > kMaxRows) {
    std::cerr << "error: --rows " << options.rows << " is too many: at most " << kMaxRows << "\n";
    return std::nullopt;
  }
  if (!absl::SimpleAtoi(o.seed, &options.seed)) {
    std::cerr << "error: --seed '" << o.seed << "' is not a whole number from 0 to 18446744073709551615\n";
    return std::nullopt;
  }
  if (!absl::SimpleAtod(o.bad_share, &options.bad_share) || !(options.bad_share >= 0 && options.bad_share <= 1)) {
    std::cerr << "error: --bad-share '" << o.bad_share
              << "' is not a share between 0 and 1\n  hint: 0.02 makes about 2% of the rows bad\n";
    return std::nullopt;
  }
  if (o.threads < 0) {
    std::cerr << "error: --threads " << o.threads << " is negative\n  hint: 0 uses every hardware thread\n";
    return std::nullopt;
  }
  return options;
}

// "1000000 rows (152.3 MB) in 0.8 s: 980000 good, 20000 with one defect (field_count 1700,
// ...), of which nik_mismatch 1650 only warnings".
std::string Summary(const GenerateStats& stats, double seconds) {
  std::string kinds;
  for (int i = 0; i < kDefectCount; ++i) {
    const Defect defect = static_cast<Defect>(i);
    if (stats.count(defect) == 0) continue;
    StrAppend(&kinds, kinds.empty() ? "" : ", ", DefectName(defect), " ", stats.count(defect));
  }
  const uint64_t bad = stats.rows - stats.good_rows;
  std::string line = absl::StrFormat("%d rows (%.1f MB) in %.2f s: %d good, %d with one defect", stats.rows,
                                     static_cast<double>(stats.bytes) / 1e6, seconds, stats.good_rows, bad);
  if (bad > 0) {
    StrAppend(&line, " (", kinds, "); invalid ", stats.invalid_rows(), ", warnings ", bad - stats.invalid_rows());
  }
  return line;
}

}  // namespace

Command AddGenerateCommand(CLI::App& app) {
  auto o = std::make_shared<GenerateCommandOptions>();
  auto* command = app.add_subcommand(
      "generate",
      "Write a synthetic candidate list (CSV) for a rule file's schema and region, with a share of rows "
      "that have one defect each; the same arguments give the same bytes");
  command->add_option("rules", o->rules_file, "Rule file (YAML)")->required()->check(CLI::ExistingFile);
  command->add_option("--rows", o->rows, "Number of candidate rows (at most 1000000000)")->required();
  command->add_option("--seed", o->seed, "Seed: another seed gives another list (default 1)");
  command->add_option("--bad-share", o->bad_share,
                      "Share of rows with exactly one defect, 0 to 1 (default 0.02)");
  command->add_option("--threads", o->threads, "Threads generating rows (default 0: one per hardware thread)");
  command->add_option("-o,--output", o->output, "The CSV file to write ('-' for standard output)")->required();
  AddRuleOptions(*command, &o->rule_options);
  return [o] {
    const std::optional<GenerateOptions> options = ParseOptions(*o);
    if (!options || !OutputSparesInputs("-o", o->output, {o->rules_file})) return kExitBadInput;
    const std::optional<LoadOptions> load = o->rule_options.ToLoadOptions();
    if (!load) return kExitBadInput;
    const LoadResult loaded = RuleSet::LoadFile(o->rules_file, *load);
    std::cerr << FormatDiagnostics(loaded.diagnostics);
    if (loaded.rules == nullptr) return kExitRuleErrors;

    // The list is usually decided next: it stays in the page cache.
    File out = OpenOutput(o->output, OutputCache::kKeep);
    if (out == nullptr) return kExitBadInput;
    const auto start = std::chrono::steady_clock::now();
    const absl::StatusOr<GenerateStats> stats = GenerateList(*loaded.rules, *options, out.get());
    if (!stats.ok()) {
      std::cerr << "error: " << o->output << ": " << stats.status().message() << "\n";
      return kExitBadInput;
    }
    if (!CloseOutput(std::move(out), o->output)) return kExitBadInput;
    const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;
    std::cerr << (o->output == "-" ? "" : o->output + ": ") << Summary(*stats, seconds.count()) << "\n";
    return kExitOk;
  };
}

}  // namespace aturan::cli
