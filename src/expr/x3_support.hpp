// expr/x3_support.hpp — internals of the expression parser; not a public header.
//
// The Spirit X3 grammar (x3_grammar_def.hpp, compiled only into parse.cpp) recognises the
// text; its semantic actions stay thin and call the plain functions declared here
// (x3_support.cpp), which build the Ast, enforce ParseLimits and word every error message.
// No Boost type appears here, so x3_support.cpp compiles quickly.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "expr/ast.hpp"
#include "expr/parse.hpp"

namespace aturan::expr::parser_internal {

// "No such offset" (offsets are uint32_t; texts longer than this are refused first).
inline constexpr uint32_t kNoOffset = UINT32_MAX;

// An operand as the grammar hands it upward: the index of its node and the text it spans.
// The span includes parentheses written around the operand; the node's own begin/end do
// not, so `(a + b) * c` gives the `+` node 1..6 and the `*` node 0..11.
struct Operand {
  uint32_t node = 0;
  uint32_t begin = 0;
  uint32_t end = 0;
};

// What the grammar needed where it failed; ThrowExpected words the message.
enum class Expected : uint8_t {
  kExpression,      // the whole text (empty text, or something that cannot start one)
  kOperandAfter,    // an operand after the keyword or punctuation given as `word`
  kOperandAfterOp,  // an operand after State::last_op (operators from a symbol table)
  kCondition,       // the condition after 'if'
  kThen,            // 'then' of the innermost open 'if'
  kElse,            // 'else' of the innermost open 'if'
  kCloseParen,      // ')' of the innermost open '('
  kFirstItem,       // a list item or ']' after '['
  kNextItem,        // a list item or ']' after ','
  kCloseList,       // ',' or ']' of the innermost open '['
  kFirstArgument,   // an argument or ')' after 'name('
  kNextArgument,    // an argument after ',' in a call
  kCloseCall,       // ',' or ')' of the innermost open call
  kBetweenAnd,      // the 'and' of 'x between lo and hi'
  kNoChain,         // nothing comparison-like after a complete comparison
  kNoSingleEquals,  // no lone '=' after an operand
  kEnd,             // the end of the text after a complete expression
};

// Thrown (from the grammar's actions and directives) on the first error; ParseExpression
// catches it. It never leaves the parser.
struct ParseFailure {
  ParseError error;
};

// A construct that was opened and still waits for its closing token.
struct OpenConstruct {
  enum class Kind : uint8_t { kParen, kList, kCall, kIf };
  Kind kind = Kind::kParen;
  uint32_t offset = 0;      // of '(' / '[' / the function name / 'if'
  std::string_view name;    // the function name of a call
  size_t first_item = 0;    // where this list's or call's items start in State::items
};

// Everything one parse works on; the grammar reaches it through the X3 context.
struct State {
  std::string_view text;
  ParseLimits limits;
  uint32_t nesting_violation = kNoOffset;  // from FindNestingViolation
  Ast ast;
  std::vector<uint32_t> depths;      // tree depth of each node in ast.nodes
  std::vector<OpenConstruct> open;   // innermost last
  std::vector<uint32_t> items;       // node indices of the items of open lists and calls
  Op last_op = Op::kNone;            // the binary operator read last, for error messages

  uint32_t OffsetOf(const char* position) const {
    return static_cast<uint32_t>(position - text.data());
  }
};

// The offset of the first character at or after `offset` that is not whitespace and not in
// a '#' comment (text.size() if there is none).
size_t SkipSpace(std::string_view text, size_t offset);

// The pre-scan: the offset of the first token that opens more than `max_nesting` levels of
// parentheses, lists, call argument lists, prefix 'not' / '-' and 'if', or kNoOffset. It
// follows the grammar's notion of where each construct ends (see x3_support.cpp), so the
// X3 parser, which stops at that token, never recurses deeper than max_nesting levels.
uint32_t FindNestingViolation(std::string_view text, int max_nesting);

// Throws the error for a construct that opens a nesting level at `offset` when the pre-scan
// found that the text nests too deeply at or before it.
void CheckNesting(const State& state, uint32_t offset);

// Throws the error for "expected ... " at `offset` (whitespace already skipped).
[[noreturn]] void ThrowExpected(const State& state, Expected expected, const char* word,
                                uint32_t offset);

// Literal and name nodes from the byte range [begin, end) the grammar delimited; each
// throws for a malformed literal (bad '_', impossible date, overflow, bad escape, ...).
Operand MakeNumber(State& state, uint32_t begin, uint32_t end);
Operand MakeDate(State& state, uint32_t begin, uint32_t end);
Operand MakeString(State& state, uint32_t begin, uint32_t end);
Operand MakeBool(State& state, uint32_t begin, uint32_t end);
Operand MakeName(State& state, uint32_t begin, uint32_t end);
// A word that starts with '_': `_5` (a misplaced digit separator) or `_x` (a bad name).
[[noreturn]] void RejectUnderscoreWord(const State& state, uint32_t begin, uint32_t end);

// Operator nodes; op_offset is where the operator is written (reported if the tree would
// become deeper than limits.max_tree_depth).
Operand MakeUnary(State& state, Op op, uint32_t op_offset, const Operand& operand);
Operand MakeBinary(State& state, Op op, uint32_t op_offset, const Operand& lhs,
                   const Operand& rhs);
Operand MakeBetween(State& state, uint32_t op_offset, const Operand& value, const Operand& low,
                    const Operand& high);

// Bracketing constructs: Open* when the opening token is read, Close* at the closing one.
void OpenParen(State& state, uint32_t offset);
Operand CloseParen(State& state, const Operand& inner, uint32_t end);
void OpenList(State& state, uint32_t offset);
Operand CloseList(State& state, uint32_t end);
void OpenCall(State& state, uint32_t name_begin, uint32_t name_end);
Operand CloseCall(State& state, uint32_t end);
void AddItem(State& state, const Operand& item);
void OpenIf(State& state, uint32_t offset);
Operand CloseIf(State& state, const Operand& condition, const Operand& then_branch,
                const Operand& else_branch);

}  // namespace aturan::expr::parser_internal
