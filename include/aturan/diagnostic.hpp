// aturan/diagnostic.hpp — a problem found in a rule file, with its place and a hint.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace aturan {

// One error or warning about a rule file. line and column are 1-based; 0 means unknown.
struct Diagnostic {
  enum class Severity : uint8_t { kError, kWarning };

  Severity severity = Severity::kError;
  std::string file;
  uint32_t line = 0;
  uint32_t column = 0;
  std::string message;  // what is wrong
  std::string hint;     // how to fix it; may be empty

  // "file:line:column: error: message" and, when there is a hint, "\n  hint: ...".
  std::string ToString() const;
};

// All diagnostics, one per line, in the order given.
std::string FormatDiagnostics(const std::vector<Diagnostic>& diagnostics);

// True when any diagnostic is an error.
bool HasErrors(const std::vector<Diagnostic>& diagnostics);

}  // namespace aturan
