// expr/ast.hpp — the expression syntax tree aturan works with, independent of Spirit X3.
// Nodes live in one vector and refer to their children by index, so a tree is cheap to
// move and is destroyed without recursion. Every node records the byte range of the
// expression text it came from, for error messages.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace aturan::expr {

enum class NodeKind : uint8_t {
  kBool,     // true / false                       -> bool_value
  kInt,      // 42, 2_500_000                      -> int_value
  kDecimal,  // 0.5, 1_000.25                      -> decimal_value
  kString,   // "text" or 'text' (escapes resolved) -> text
  kDate,     // 2023-01-01                         -> date_days (days since 1970-01-01)
  kList,     // [a, b, c]                          -> children
  kName,     // a field, parameter, list or tanggal_acuan -> text
  kUnary,    // op (kNot, kNeg)                    -> children[0]
  kBinary,   // op (arithmetic, comparison, and/or, in/not in) -> children[0], children[1]
  kBetween,  // x between lo and hi (inclusive)    -> children: x, lo, hi
  kIf,       // if c then a else b                 -> children: c, a, b
  kCall,     // name(args...)                      -> text = function name, children = args
};

enum class Op : uint8_t {
  kNone,
  kAdd, kSub, kMul, kDiv, kMod,
  kEq, kNe, kLt, kLe, kGt, kGe,
  kAnd, kOr,
  kIn, kNotIn,
  kNot, kNeg,
};

// The operator as written in expressions ("+", "and", "not in", ...).
const char* OpSpelling(Op op);

struct Node {
  NodeKind kind = NodeKind::kBool;
  Op op = Op::kNone;
  uint32_t begin = 0;  // byte offset of the first character in the expression text
  uint32_t end = 0;    // byte offset one past the last character
  bool bool_value = false;
  int64_t int_value = 0;
  double decimal_value = 0;
  int32_t date_days = 0;
  std::string text;
  std::vector<uint32_t> children;  // indices into Ast::nodes
};

// A parsed expression: nodes[root] is the top. Children always have smaller indices than
// their parent (nodes are stored in post-order), so a forward loop visits children first.
struct Ast {
  std::vector<Node> nodes;
  uint32_t root = 0;

  const Node& at(uint32_t index) const { return nodes[index]; }
};

}  // namespace aturan::expr
