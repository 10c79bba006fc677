// run_cli.hpp — run the aturan binary and capture what it prints and its exit code.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <string>

#include "gtest/gtest.h"

namespace aturan::testing {

struct CliResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

// Runs `aturan ARGS` from the source directory (so rules/ and examples/ resolve), with
// `input` on its standard input.
inline CliResult RunCli(const std::string& args, const std::string& input = "") {
  // ctest runs tests in parallel processes: one input file per process and call
  static int calls = 0;
  std::string input_path = ::testing::TempDir() + "/aturan_cli_input_" + std::to_string(getpid()) + "_" +
                           std::to_string(++calls) + ".txt";
  std::ofstream(input_path, std::ios::binary) << input;
  std::string command = std::string("cd '") + ATURAN_SOURCE_DIR + "' && '" + ATURAN_CLI_PATH + "' " + args +
                        " < '" + input_path + "' 2>&1";
  CliResult result;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  std::array<char, 4096> buffer;
  size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.output.append(buffer.data(), n);
  int status = pclose(pipe);
  std::remove(input_path.c_str());
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

}  // namespace aturan::testing
