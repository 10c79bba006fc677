// compile/compiler.hpp — from a loaded Spec to the immutable Program: build the code lists
// and the schema's slots, resolve dated parameters and premiums for the reference date,
// parse, type-check and lower every expression, and resolve the quota.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "aturan/diagnostic.hpp"
#include "aturan/rule_set.hpp"
#include "eval/program.hpp"
#include "spec/spec.hpp"

namespace aturan::internal {

// Compiles `spec`. `rule_dir` is the directory of the rule file when it was read from one
// (a relative quota areas_file is taken against it), else empty. Every problem is appended
// to *diagnostics; returns nullptr when any of them is an error.
std::shared_ptr<const Program> Compile(const spec::Spec& spec, const LoadOptions& options,
                                       std::string_view rule_dir,
                                       std::vector<Diagnostic>* diagnostics);

}  // namespace aturan::internal
