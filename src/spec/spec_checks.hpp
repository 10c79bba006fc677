// spec/spec_checks.hpp — the rules of format 1 that look across a loaded Spec: name and id
// syntax, reserved names, one namespace for fields and parameters, unique ids, codes and
// aliases, and references between sections (a field's list, subset_of, order keys, the
// key field last in the order, the fields named under input: and quota:), and column names
// (headers) that would lead to two fields.
#pragma once

#include <string_view>

#include "spec/reporter.hpp"
#include "spec/spec.hpp"

namespace aturan::spec {

// True for an id (of a regulation, rule, term, pool or group): letters, digits, '-', '_', '.'.
bool IsId(std::string_view text);

// Reports every violation found in `spec`; checks what is there and skips what is missing.
void CheckSpec(const Spec& spec, Reporter& reporter);

}  // namespace aturan::spec
