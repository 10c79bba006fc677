// spec/quota_checks.hpp — the rules of the `quota` section that look at other sections or
// across its settings: the fields and premiums it names, unique pool and group ids, the
// settings that need each other (by and basis) or exclude each other (basis fixed and
// seats or budget), a source of seats for every pool, and the limits on pools and groups.
#pragma once

#include "spec/reporter.hpp"
#include "spec/spec.hpp"

namespace aturan::spec {

// Reports every violation in spec.quota (which must be set). Area codes and the `when`
// conditions are the compiler's.
void CheckQuota(const Spec& spec, Reporter& reporter);

}  // namespace aturan::spec
