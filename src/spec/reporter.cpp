#include "spec/reporter.hpp"

#include <utility>

namespace aturan::spec {

void Reporter::Error(SourceRef at, std::string message, std::string hint) {
  Diagnostic d;
  d.severity = Diagnostic::Severity::kError;
  d.file = file_;
  d.line = at.line;
  d.column = at.column;
  d.message = std::move(message);
  d.hint = std::move(hint);
  out_->push_back(std::move(d));
  ++errors_;
}

}  // namespace aturan::spec
