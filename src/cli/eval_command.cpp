// `aturan eval RULES.yaml LIST -o decisions.csv`: decide every row of a candidate list.
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "absl/strings/match.h"
#include "aturan/rule_set.hpp"
#include "base/strings.hpp"
#include "batch/eval_pipeline.hpp"
#include "cli/commands.hpp"
#include "cli/list_flags.hpp"
#include "cli/list_run.hpp"
#include "cli/options.hpp"

namespace aturan::cli {
namespace {

struct EvalOptions {
  std::string rules_file;
  std::string list_file;
  std::string output = "-";
  std::string rejects;
  std::string format;  // csv or jsonl; empty: from the output's name
  ListFlags list;
  RuleOptions rule_options;
};

int RunEval(const EvalOptions& o) {
  std::optional<LoadOptions> load = o.rule_options.ToLoadOptions();
  if (!load) return kExitBadInput;
  std::optional<ListOptions> list_options = ToListOptions(o.list);
  if (!list_options) return kExitBadInput;
  const std::optional<InvalidLimit> limit = ParseInvalidLimit(o.list);
  if (!limit) return kExitBadInput;
  LoadResult loaded = RuleSet::LoadFile(o.rules_file, *load);
  std::cerr << FormatDiagnostics(loaded.diagnostics);
  if (loaded.rules == nullptr) return kExitRuleErrors;
  const RuleSet& rules = *loaded.rules;

  internal::EvalPipelineOptions pipeline;
  pipeline.threads = o.list.threads;
  const bool jsonl = o.format.empty() ? absl::EndsWithIgnoreCase(ToAbsl(o.output), ".jsonl") : o.format == "jsonl";
  pipeline.format = jsonl ? internal::DecisionFormat::kJsonLines : internal::DecisionFormat::kCsv;
  const std::optional<int> group_slot = GroupSlot(rules, o.list);
  if (!group_slot) return kExitBadInput;
  pipeline.group_slot = *group_slot;

  File decisions = OpenOutput(o.output);
  if (decisions == nullptr) return kExitBadInput;
  const std::string rejects_path = !o.rejects.empty() ? o.rejects : o.output == "-" ? "" : DefaultRejectsPath(o.output);
  File rejects = rejects_path.empty() ? nullptr : OpenOutput(rejects_path);
  if (!rejects_path.empty() && rejects == nullptr) return kExitBadInput;

  const std::optional<ListRun> run = RunList(rules, o.list_file, *list_options, pipeline, decisions.get(), rejects.get());
  if (!run) return kExitBadInput;
  std::ostream& report = o.output == "-" ? std::cerr : std::cout;
  report << internal::FormatEvalSummary(rules, run->summary, run->seconds, run->bytes);
  if (!rejects_path.empty()) report << "rejects and warnings written to " << rejects_path << "\n";
  const uint64_t invalid = run->summary.by_status[static_cast<size_t>(Status::kInvalid)];
  if (limit->Exceeded(invalid, run->summary.rows)) {
    std::cerr << "error: " << invalid << " of " << run->summary.rows << " rows are invalid, more than --max-invalid "
              << o.list.max_invalid << " allows\n";
    return kExitBadInput;
  }
  return kExitOk;
}

}  // namespace

Command AddEvalCommand(CLI::App& app) {
  auto o = std::make_shared<EvalOptions>();
  CLI::App* command = app.add_subcommand(
      "eval", "Decide every row of a candidate list (CSV or JSON Lines): one output line per input row, in order");
  command->add_option("rules", o->rules_file, "Rule file (YAML)")->required();
  command->add_option("list", o->list_file, "Candidate list: CSV with a header row, or JSON Lines ('-' reads standard input)")
      ->required();
  command->add_option("-o,--output", o->output, "Decisions file ('-' for standard output, the default)");
  command->add_option("--format", o->format, "Decisions format: csv or jsonl (default: from the output's name, else csv)")
      ->check(CLI::IsMember({"csv", "jsonl"}));
  command->add_option("--rejects", o->rejects,
                      "File listing every row problem (default: OUTPUT with .rejects.csv; none for standard output)");
  AddListFlags(*command, &o->list);
  AddRuleOptions(*command, &o->rule_options);
  return [o] { return RunEval(*o); };
}

}  // namespace aturan::cli
