// `aturan eval RULES.yaml LIST -o decisions.csv`: decide every row of a candidate list.
#include <iostream>
#include <memory>
#include <optional>

#include "aturan/rule_set.hpp"
#include "batch/eval_pipeline.hpp"
#include "cli/commands.hpp"
#include "cli/list_command.hpp"
#include "cli/list_run.hpp"

namespace aturan::cli {
namespace {

int RunEval(const ListCommandArgs& args) {
  int exit_code = kExitOk;
  std::optional<ListCommand> command = PrepareListCommand(args, &exit_code);
  if (!command) return exit_code;
  const RuleSet& rules = *command->rules;
  internal::EvalPipelineOptions pipeline;
  pipeline.threads = args.list.threads;
  pipeline.format = command->format;
  pipeline.group_slot = command->group_slot;
  const std::optional<ListRun> run =
      RunList(rules, args.list_file, command->list_options, pipeline, command->output.get(), command->rejects.get());
  if (!run || !command->CloseOutputs(args)) return kExitBadInput;
  std::ostream& report = command->report();
  report << internal::FormatEvalSummary(rules, run->summary, run->seconds, run->bytes);
  if (!command->rejects_path.empty()) report << "rejects and warnings written to " << command->rejects_path << "\n";
  return CheckInvalidLimit(args, *command, run->summary.by_status[static_cast<size_t>(Status::kInvalid)],
                           run->summary.rows);
}

}  // namespace

Command AddEvalCommand(CLI::App& app) {
  auto args = std::make_shared<ListCommandArgs>();
  CLI::App* command = app.add_subcommand(
      "eval", "Decide every row of a candidate list (CSV or JSON Lines): one output line per input row, in order");
  AddListCommandArgs(*command, "Decisions", args.get());
  return [args] { return RunEval(*args); };
}

}  // namespace aturan::cli
