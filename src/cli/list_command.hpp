// cli/list_command.hpp — what the subcommands that decide a whole list (eval, allocate) share:
// their arguments (RULES LIST -o OUT --format --rejects, the list flags, --reference-date), and
// the steps before and after the run: load the rules, open the outputs, check --max-invalid.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "CLI/CLI.hpp"
#include "aturan/list_reader.hpp"
#include "aturan/rule_set.hpp"
#include "batch/decision_format.hpp"
#include "cli/list_flags.hpp"
#include "cli/options.hpp"

namespace aturan::cli {

// The arguments of a list command.
struct ListCommandArgs {
  std::string rules_file;
  std::string list_file;
  std::string output = "-";
  std::string rejects;
  std::string format;  // csv or jsonl; empty: from the output's name
  ListFlags list;
  RuleOptions rule_options;
};

// Adds the arguments to `command`; `what` names the output ("Decisions", "Allocation").
void AddListCommandArgs(CLI::App& command, const std::string& what, ListCommandArgs* args);

// Everything ready to run: the rules, the list options, the outputs.
struct ListCommand {
  std::shared_ptr<const RuleSet> rules;
  ListOptions list_options;
  internal::InvalidLimit limit;
  int group_slot = -1;
  internal::DecisionFormat format = internal::DecisionFormat::kCsv;
  File output;
  bool output_is_stdout = false;
  std::string rejects_path;  // empty: no rejects file
  File rejects;
  // Where the summary goes: stderr when the output is standard output, else stdout.
  std::ostream& report() const;
  // Closes the output and the rejects file. False after saying why when the last bytes of
  // either could not be written.
  bool CloseOutputs(const ListCommandArgs& args);
};

// Loads the rules (printing their diagnostics) and opens the outputs, unless one of them is the
// list, the rule file or one of `other_inputs` (files the command reads later). Nullopt with
// *exit_code set after printing what is wrong.
std::optional<ListCommand> PrepareListCommand(const ListCommandArgs& args, int* exit_code,
                                              const std::vector<std::string>& other_inputs = {});

// kExitBadInput after saying so when more rows are invalid than --max-invalid allows, else kExitOk.
int CheckInvalidLimit(const ListCommandArgs& args, const ListCommand& command, uint64_t invalid, uint64_t rows);

}  // namespace aturan::cli
