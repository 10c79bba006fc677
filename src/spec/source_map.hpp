// spec/source_map.hpp — byte offsets of the rule file to 1-based line:column positions.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "spec/spec.hpp"

namespace aturan::spec {

// The text of a rule file with its line table. Columns count bytes (as yaml-cpp's marks
// do), so a tab or a multi-byte UTF-8 character may count as one or several columns.
// Holds a view: the text must outlive the map.
class SourceMap {
 public:
  explicit SourceMap(std::string_view text);

  std::string_view text() const { return text_; }

  // The position of byte `offset`; offsets past the end give the position just after it.
  SourceRef At(size_t offset) const;

 private:
  std::string_view text_;
  std::vector<size_t> line_starts_;  // offset of the first byte of every line
};

}  // namespace aturan::spec
