// compile/quota_compiler.hpp — the `quota` section as the allocator needs it: each pool's
// settings resolved (its own, the top level's, or the default), its filter and the reserved
// groups' conditions compiled, area codes interned, premiums summed and seats counted.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "aturan/diagnostic.hpp"
#include "eval/program.hpp"
#include "spec/spec.hpp"

namespace aturan::internal {

// Compiles a bool condition into the program: the root of its nodes, or nothing after
// reporting why (not bool, a syntax or type error). `what` names it in messages.
using ConditionCompiler =
    std::function<std::optional<uint32_t>(const spec::ExprText& text, std::string_view what)>;

// Fills program->quota, pool_roots and reserved_roots from spec.quota (nothing without
// one). Needs the program's lists, fields, premiums and metadata compiled. `rule_dir` is the
// directory of the rule file, which a relative areas_file is taken against (empty: the
// path stays as written). Errors are appended to *diagnostics.
void CompileQuota(const spec::Spec& spec, std::string_view rule_dir,
                  const ConditionCompiler& compile_condition, Program* program,
                  std::vector<Diagnostic>* diagnostics);

}  // namespace aturan::internal
