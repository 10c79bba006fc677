// cli/commands.hpp — the subcommands of the aturan command line. Each registers its options
// on the CLI11 app and returns the function that runs it (returning the exit code).
#pragma once

#include <functional>

#include "CLI/CLI.hpp"

namespace aturan::cli {

// Exit codes shared by all subcommands.
inline constexpr int kExitOk = 0;
inline constexpr int kExitRuleErrors = 1;  // a rule file has errors
inline constexpr int kExitBadInput = 2;    // wrong arguments or unreadable input

using Command = std::function<int()>;

// `aturan check RULES.yaml...`: validate rule files and summarise them.
Command AddCheckCommand(CLI::App& app);

// `aturan explain RULES.yaml [--set f=v]... [--record FILE]`: decide one candidate and say why.
Command AddExplainCommand(CLI::App& app);

// `aturan eval RULES.yaml LIST -o decisions.csv`: decide every row of a candidate list.
Command AddEvalCommand(CLI::App& app);

// `aturan allocate RULES.yaml LIST -o allocation.csv`: give the quota's seats over a list.
Command AddAllocateCommand(CLI::App& app);

// `aturan generate RULES.yaml --rows N --seed S -o list.csv`: write a synthetic candidate list.
Command AddGenerateCommand(CLI::App& app);

// `aturan diff OLD.yaml NEW.yaml LIST [--json] [--changes F]`: compare two rule files over a list.
Command AddDiffCommand(CLI::App& app);

// `aturan test RULES.yaml... [--cases FILE]`: run the test cases kept beside rule files.
Command AddTestCommand(CLI::App& app);

}  // namespace aturan::cli
