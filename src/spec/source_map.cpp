#include "spec/source_map.hpp"

#include <algorithm>

namespace aturan::spec {

SourceMap::SourceMap(std::string_view text) : text_(text) {
  line_starts_.push_back(0);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') line_starts_.push_back(i + 1);
  }
}

SourceRef SourceMap::At(size_t offset) const {
  offset = std::min(offset, text_.size());
  // The last line start not after `offset`.
  const auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const size_t line = static_cast<size_t>(next - line_starts_.begin());
  return SourceRef{static_cast<uint32_t>(line),
                   static_cast<uint32_t>(offset - line_starts_[line - 1] + 1)};
}

}  // namespace aturan::spec
