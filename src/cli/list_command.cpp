#include "cli/list_command.hpp"

#include <iostream>

#include "base/file_identity.hpp"
#include "batch/list_defaults.hpp"
#include "cli/commands.hpp"

namespace aturan::cli {

void AddListCommandArgs(CLI::App& command, const std::string& what, ListCommandArgs* args) {
  command.add_option("rules", args->rules_file, "Rule file (YAML)")->required();
  command.add_option("list", args->list_file, "Candidate list: CSV with a header row, or JSON Lines ('-' reads standard input)")
      ->required();
  command.add_option("-o,--output", args->output, what + " file ('-' for standard output, the default)");
  command.add_option("--format", args->format, what + " format: csv or jsonl (default: from the output's name, else csv)")
      ->check(CLI::IsMember({"csv", "jsonl"}));
  command.add_option("--rejects", args->rejects,
                     "File listing every row problem (default: OUTPUT with .rejects.csv; none for standard output)");
  AddListFlags(command, &args->list);
  AddRuleOptions(command, &args->rule_options);
}

std::ostream& ListCommand::report() const { return output_is_stdout ? std::cerr : std::cout; }

bool ListCommand::CloseOutputs(const ListCommandArgs& args) {
  const bool output_closed = CloseOutput(std::move(output), args.output);
  return CloseOutput(std::move(rejects), rejects_path) && output_closed;
}

std::optional<ListCommand> PrepareListCommand(const ListCommandArgs& args, int* exit_code,
                                              const std::vector<std::string>& other_inputs) {
  *exit_code = kExitBadInput;
  const std::optional<LoadOptions> load = args.rule_options.ToLoadOptions();
  if (!load) return std::nullopt;
  std::optional<ListOptions> list_options = ToListOptions(args.list);
  if (!list_options) return std::nullopt;
  const std::optional<internal::InvalidLimit> limit = ParseInvalidLimit(args.list);
  if (!limit) return std::nullopt;
  LoadResult loaded = RuleSet::LoadFile(args.rules_file, *load);
  std::cerr << FormatDiagnostics(loaded.diagnostics);
  if (loaded.rules == nullptr) {
    *exit_code = kExitRuleErrors;
    return std::nullopt;
  }
  ListCommand command;
  command.rules = std::move(loaded.rules);
  command.list_options = *std::move(list_options);
  command.limit = *limit;
  const std::optional<int> group_slot = GroupSlot(*command.rules, args.list);
  if (!group_slot) return std::nullopt;
  command.group_slot = *group_slot;
  command.format = args.format.empty()   ? internal::DecisionFormatFor(args.output)
                   : args.format == "jsonl" ? internal::DecisionFormat::kJsonLines
                                            : internal::DecisionFormat::kCsv;
  command.output_is_stdout = IsStandardOutput(args.output);
  command.rejects_path = !args.rejects.empty()    ? args.rejects
                         : command.output_is_stdout ? ""
                                                    : internal::DefaultRejectsPath(args.output);
  std::vector<std::string> inputs = {args.list_file, args.rules_file};
  inputs.insert(inputs.end(), other_inputs.begin(), other_inputs.end());
  if (!OutputSparesInputs("-o", args.output, inputs) || !OutputSparesInputs("--rejects", command.rejects_path, inputs)) {
    return std::nullopt;
  }
  command.output = OpenOutput(args.output);
  if (command.output == nullptr) return std::nullopt;
  // Two streams over one file would write over each other.
  if (!command.output_is_stdout && internal::OverwritesInput(command.rejects_path, args.output)) {
    std::cerr << "error: --rejects " << command.rejects_path << " is the output file " << args.output
              << "; give the rejects a file of their own\n";
    return std::nullopt;
  }
  if (!command.rejects_path.empty()) {
    command.rejects = OpenOutput(command.rejects_path);
    if (command.rejects == nullptr) return std::nullopt;
  }
  return command;
}

int CheckInvalidLimit(const ListCommandArgs& args, const ListCommand& command, uint64_t invalid, uint64_t rows) {
  if (!command.limit.Exceeded(invalid, rows)) return kExitOk;
  std::cerr << "error: " << invalid << " of " << rows << " rows are invalid, more than --max-invalid "
            << args.list.max_invalid << " allows\n";
  return kExitBadInput;
}

}  // namespace aturan::cli
