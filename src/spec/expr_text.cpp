#include "spec/spec.hpp"

namespace aturan::spec {

SourceRef ExprText::At(size_t offset) const {
  if (positions.empty()) return at;
  if (offset >= positions.size()) offset = positions.size() - 1;
  return positions[offset];
}

}  // namespace aturan::spec
