// spec/reporter.hpp — collects the diagnostics of one rule file.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "aturan/diagnostic.hpp"
#include "spec/spec.hpp"

namespace aturan::spec {

// Appends errors about one file to a caller's list.
class Reporter {
 public:
  Reporter(std::string_view file, std::vector<Diagnostic>* out) : file_(file), out_(out) {}

  void Error(SourceRef at, std::string message, std::string hint = {});
  // How many errors this reporter has added so far.
  size_t errors() const { return errors_; }

 private:
  std::string file_;
  std::vector<Diagnostic>* out_;
  size_t errors_ = 0;
};

}  // namespace aturan::spec
