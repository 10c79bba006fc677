// base/readable_expression.hpp — an expression's text as people read it in one line:
// comments dropped and whitespace collapsed, so that two spellings of the same expression
// that differ only in layout or comments compare equal.
#pragma once

#include <string>
#include <string_view>

namespace aturan {

// `text` with every '#' comment (outside a quoted string, to the end of its line) removed,
// runs of whitespace (line breaks included) outside quoted strings made one space, and
// surrounding whitespace trimmed. Quoted strings ('...' or "...", with backslash escapes)
// are kept as written.
std::string ReadableExpression(std::string_view text);

}  // namespace aturan
