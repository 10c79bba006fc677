// What `aturan eval` and `aturan allocate` draw on a terminal: a progress line on standard error
// while the list is read, and for allocate what it does after that, each cleared when done; and
// none of it when standard error is not a terminal. The terminal is `script`'s (bsdutils, part
// of every Debian system).
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "cli/cli_files.hpp"
#include "cli/run_cli.hpp"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace aturan {
namespace {

using ::testing::ContainsRegex;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::CliResult;
using testing::GeneratedList;
using testing::ReadAll;
using testing::RunCli;
using testing::TempPath;

// Clears the line: what every drawing of the progress line starts with.
constexpr char kClearLine[] = "\r\033[K";

// What a terminal shows while the shell command `command` runs in the source directory with
// a terminal for its standard input, output and error; empty when `script` is missing.
std::string RunInTerminal(const std::string& command) {
  const std::string script = TempPath("terminal.sh");
  std::ofstream(script) << "cd '" << ATURAN_SOURCE_DIR << "' && " << command << "\n";
  std::string shown;
  FILE* pipe = popen(("script -qec 'sh " + script + "' /dev/null < /dev/null 2>&1").c_str(), "r");
  if (pipe == nullptr) return shown;
  char buffer[4096];
  for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) shown.append(buffer, n);
  pclose(pipe);
  std::remove(script.c_str());
  return shown;
}

bool HaveScript() { return std::system("script --version > /dev/null 2>&1") == 0; }

TEST(TerminalProgress, EvalDrawsRowsAndRateWhileAListArrivesThenClearsTheLine) {
  if (!HaveScript()) GTEST_SKIP() << "no script(1) to give the run a terminal";
  const std::string list = GeneratedList(60000, 3);
  const std::string out = TempPath("progress_eval.csv");
  // The list arrives on standard input in two parts, 0.6 s apart: the line is redrawn at most
  // every 0.25 s, so chunks decided after the pause redraw it. Standard input has no size, so
  // the line counts rows instead of drawing a bar.
  const std::string shown = RunInTerminal("{ head -n 20001 '" + list + "'; sleep 0.6; tail -n +20002 '" + list +
                                          "'; } | '" + ATURAN_CLI_PATH +
                                          "' eval rules/pekalongan-2023-revisi.yaml - -o '" + out + "'");
  EXPECT_THAT(shown, HasSubstr(std::string(kClearLine)));
  EXPECT_THAT(shown, ContainsRegex(" rows, [0-9]+ rows/s"));
  // The summary follows a cleared line, and every row was decided.
  EXPECT_THAT(shown, ContainsRegex("rows read +60000"));
  const std::string decisions = ReadAll(out);
  EXPECT_EQ(std::count(decisions.begin(), decisions.end(), '\n'), 60001);
  // Without a terminal nothing is drawn.
  const CliResult plain = RunCli("eval rules/pekalongan-2023-revisi.yaml '" + list + "' -o '" + out + "'");
  EXPECT_EQ(plain.exit_code, 0);
  EXPECT_THAT(plain.output, Not(HasSubstr(std::string(kClearLine))));
  std::remove(out.c_str());
}

TEST(TerminalProgress, AllocateSaysWhatItDoesAfterReadingThenClearsTheLine) {
  if (!HaveScript()) GTEST_SKIP() << "no script(1) to give the run a terminal";
  const std::string list = GeneratedList(60000, 3);
  const std::string out = TempPath("progress_allocate.csv");
  const std::string shown = RunInTerminal(std::string("'") + ATURAN_CLI_PATH +
                                          "' allocate rules/pekalongan-2023-revisi.yaml '" + list + "' -o '" + out +
                                          "'");
  const std::string status = "60000 rows read; ranking the eligible, giving out the seats, writing " + out;
  EXPECT_THAT(shown, HasSubstr(kClearLine + status + kClearLine));
  EXPECT_THAT(shown, HasSubstr("allocated in"));
  const CliResult plain = RunCli("allocate rules/pekalongan-2023-revisi.yaml '" + list + "' -o '" + out + "'");
  EXPECT_EQ(plain.exit_code, 0);
  EXPECT_THAT(plain.output, Not(HasSubstr("ranking the eligible")));
  std::remove(out.c_str());
}

}  // namespace
}  // namespace aturan
