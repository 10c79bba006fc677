// aturan — the command line: check rule files, explain decisions.
#include <iostream>

#include "CLI/CLI.hpp"
#include "aturan/version.hpp"

int main(int argc, char** argv) {
  CLI::App app{"aturan: rules for regional BPJS Ketenagakerjaan cover of pekerja rentan"};
  app.set_version_flag("--version", aturan::Version());
  app.require_subcommand(0, 1);
  CLI11_PARSE(app, argc, argv);
  if (app.get_subcommands().empty()) {
    std::cout << app.help();
  }
  return 0;
}
