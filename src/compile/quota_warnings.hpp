// compile/quota_warnings.hpp — what is probably wrong with a compiled quota, found before
// any candidate is seen: pools offering more than the overall limit, a budget buying fewer
// seats than stated, a pool whose filter no eligible candidate meets, and areas eligibility
// allows that the rule file's area numbers leave out.
#pragma once

#include <vector>

#include "aturan/diagnostic.hpp"
#include "eval/program.hpp"
#include "spec/spec.hpp"

namespace aturan::internal {

// Appends the warnings about program.quota (compiled from spec.quota without errors).
void WarnAboutQuota(const spec::Spec& spec, const Program& program,
                    std::vector<Diagnostic>* diagnostics);

}  // namespace aturan::internal
