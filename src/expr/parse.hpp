// expr/parse.hpp — parse expression text into an Ast (Boost.Spirit X3 inside parse.cpp;
// X3 never appears in this header).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "expr/ast.hpp"

namespace aturan::expr {

// Bounds that keep hostile input from exhausting the stack or the clock.
struct ParseLimits {
  size_t max_length = 8192;  // bytes of expression text
  int max_nesting = 64;      // nesting of parentheses, brackets, calls, unary operators, if
                             // (checked before X3 runs, so X3 never recurses deeper)
  int max_tree_depth = 256;  // depth of the resulting Ast (long chains like a or b or c ...)
};

// Why text is not an expression, at a byte offset into that text.
struct ParseError {
  uint32_t offset = 0;
  std::string message;  // e.g. "expected an expression after 'and'"
  std::string hint;     // may be empty
};

// Either an Ast or the first error.
struct ParseResult {
  std::optional<Ast> ast;
  std::optional<ParseError> error;
};

// Parses a whole expression (leading/trailing whitespace and newlines allowed; '#' starts a
// comment to the end of the line). Never throws, never recurses deeper than the limits allow;
// every later stage may walk the Ast recursively because its depth is bounded.
ParseResult ParseExpression(std::string_view text, const ParseLimits& limits = {});

}  // namespace aturan::expr
