// aturan — the command line: check rule files, explain decisions, decide and allocate lists.
#include <iostream>
#include <map>
#include <string>

#include "CLI/CLI.hpp"
#include "aturan/version.hpp"
#include "cli/commands.hpp"

int main(int argc, char** argv) {
  CLI::App app{
      "aturan: eligibility rules for regional BPJS Ketenagakerjaan cover of pekerja rentan.\n"
      "Rule files are YAML (docs/rule-format.md); expressions are described in docs/expressions.md."};
  app.set_version_flag("--version", aturan::Version());
  app.require_subcommand(1, 1);
  std::map<std::string, aturan::cli::Command> commands;
  commands["check"] = aturan::cli::AddCheckCommand(app);
  commands["explain"] = aturan::cli::AddExplainCommand(app);
  commands["eval"] = aturan::cli::AddEvalCommand(app);
  commands["allocate"] = aturan::cli::AddAllocateCommand(app);
  commands["generate"] = aturan::cli::AddGenerateCommand(app);
  commands["diff"] = aturan::cli::AddDiffCommand(app);
  commands["test"] = aturan::cli::AddTestCommand(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : aturan::cli::kExitBadInput;
  }
  return commands.at(app.get_subcommands().front()->get_name())();
}
