// compile/lower.hpp — turn a type-checked expression into Program nodes, folding every
// sub-expression whose inputs are all constant into one constant.
#pragma once

#include <cstdint>

#include "check/type_checker.hpp"
#include "eval/program.hpp"
#include "expr/ast.hpp"

namespace aturan::internal {

// Appends the nodes of `checked` (parsed as `ast`) to *program; returns the root's index.
uint32_t Lower(const expr::Ast& ast, const CheckedExpr& checked, Program* program);

// A copy of `v` whose string text lives in program->string_pool (other values unchanged).
Value Intern(const Value& v, Program* program);

}  // namespace aturan::internal
