// compile/compiler.hpp — from a loaded Spec to the immutable Program: build the code lists
// and the schema's slots, resolve dated parameters and premiums for the reference date,
// parse, type-check and lower every expression.
#pragma once

#include <memory>
#include <vector>

#include "aturan/diagnostic.hpp"
#include "aturan/rule_set.hpp"
#include "eval/program.hpp"
#include "spec/spec.hpp"

namespace aturan::internal {

// Compiles `spec`. Every problem is appended to *diagnostics; returns nullptr when any of
// them is an error.
std::shared_ptr<const Program> Compile(const spec::Spec& spec, const LoadOptions& options,
                                       std::vector<Diagnostic>* diagnostics);

}  // namespace aturan::internal
