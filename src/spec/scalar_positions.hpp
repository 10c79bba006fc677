// spec/scalar_positions.hpp — where every byte of a YAML scalar's value stands in the file,
// for plain, quoted ('...' and "...") and block (| and >) scalars, multi-line included.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "spec/source_map.hpp"
#include "spec/spec.hpp"

namespace aturan::spec {

// The file positions of the bytes of `value`, the value yaml-cpp read from the scalar whose
// token (its first character, opening quote or block indicator) is at `token_offset`.
// Returns value.size() + 1 positions; the last one is just after the value's last visible
// character. A visible character gets its own position (an escape sequence such as \u00e9
// gets the position of its backslash). A whitespace byte gets the position of the same
// whitespace byte when the raw text has one at that point, and otherwise (a folded line
// break, say) the position just after the previous visible character, or before any, the
// first visible character's position.
std::vector<SourceRef> ScalarPositions(const SourceMap& source, size_t token_offset,
                                       std::string_view value);

}  // namespace aturan::spec
