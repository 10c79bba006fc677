// check/type_checker.hpp — give every node of a parsed expression a type, resolve its names
// against the Scope and choose the typed operation it compiles to; report what is wrong at
// the rule file's line and column, with a hint.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "aturan/diagnostic.hpp"
#include "check/scope.hpp"
#include "eval/program.hpp"
#include "expr/ast.hpp"
#include "spec/spec.hpp"

namespace aturan::internal {

// The checker's verdict on one Ast node.
struct TypedNode {
  Type type = Type::kBool;
  bool is_list = false;           // a list literal or a list name (only right of `in`)
  int32_t list = -1;              // code type: its list; list name: that list
  OpCode op = OpCode::kConst;     // the operation the node compiles to
  Compare compare = Compare::kEq;
  bool to_decimal[3] = {false, false, false};  // convert argument i to decimal first
  bool round_to_money = false;    // money * decimal: round the decimal product to money
  std::optional<Value> constant;  // literals, parameters, tanggal_acuan, codes named by text
  int32_t slot = -1;              // a field reference
};

// A type-checked expression: one TypedNode per Ast node, and what it reads.
struct CheckedExpr {
  std::vector<TypedNode> nodes;
  std::vector<int32_t> slots;           // fields read, first use first
  std::vector<std::string> parameters;  // parameters read, first use first
  std::vector<int32_t> lists;           // lists named, first use first
  uint32_t root = 0;
  // The expression's type.
  Type type() const { return nodes[root].type; }
  // True when the whole expression is a list (a list name or literal).
  bool is_list() const { return nodes[root].is_list; }
};

class TypeChecker {
 public:
  // `lists` gives the codes that string literals compared with code fields must be.
  TypeChecker(const Scope& scope, const std::vector<CodeList>& lists, std::string file,
              std::vector<Diagnostic>* diagnostics);

  // Checks `ast`, parsed from `source`. Returns nullopt after reporting every error found.
  std::optional<CheckedExpr> Check(const expr::Ast& ast, const spec::ExprText& source);

 private:
  struct Context;
  bool CheckNode(Context& c, uint32_t index);
  bool CheckName(Context& c, uint32_t index);
  bool CheckUnary(Context& c, uint32_t index);
  bool CheckBinary(Context& c, uint32_t index);
  bool CheckArithmetic(Context& c, uint32_t index);
  bool CheckComparison(Context& c, uint32_t index);
  bool CheckIn(Context& c, uint32_t index);
  bool CheckBetween(Context& c, uint32_t index);
  bool CheckIf(Context& c, uint32_t index);
  bool CheckCall(Context& c, uint32_t index);
  bool CheckList(Context& c, uint32_t index);
  // Makes string literal `index` a code of `list`; reports when it is none of its codes.
  bool ToCode(Context& c, uint32_t index, int32_t list);
  void Report(Context& c, uint32_t index, std::string message, std::string hint = "");

  const Scope& scope_;
  const std::vector<CodeList>& lists_;
  std::string file_;
  std::vector<Diagnostic>* diagnostics_;
};

// The type two numeric types combine to (int+money -> money, anything+decimal -> decimal),
// or nullopt when either is not numeric.
std::optional<Type> UnifyNumeric(Type a, Type b);

// True for int, money and decimal.
bool IsNumeric(Type t);

}  // namespace aturan::internal
