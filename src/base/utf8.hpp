// base/utf8.hpp — measuring UTF-8 text the way people count characters.
#pragma once

#include <cstddef>
#include <string_view>

namespace aturan {

// The number of Unicode code points in `text`. Each byte that does not belong to a
// well-formed UTF-8 sequence (stray continuation bytes, truncated or overlong sequences,
// surrogates, values above U+10FFFF) counts as one. Never allocates.
size_t Utf8Length(std::string_view text);

}  // namespace aturan
