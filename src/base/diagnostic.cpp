#include "aturan/diagnostic.hpp"

#include <algorithm>

#include "base/strings.hpp"

namespace aturan {

std::string Diagnostic::ToString() const {
  std::string out = file;
  if (line > 0) {
    aturan::StrAppend(&out, ":", line);
    if (column > 0) aturan::StrAppend(&out, ":", column);
  }
  aturan::StrAppend(&out, ": ", severity == Severity::kError ? "error" : "warning", ": ", message);
  if (!hint.empty()) aturan::StrAppend(&out, "\n  hint: ", hint);
  return out;
}

std::string FormatDiagnostics(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics) aturan::StrAppend(&out, d.ToString(), "\n");
  return out;
}

bool HasErrors(const std::vector<Diagnostic>& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& d) {
    return d.severity == Diagnostic::Severity::kError;
  });
}

}  // namespace aturan
