// compile/code_constraints.hpp — which codes of which code fields a compiled condition can
// hold for, read off its shape: `f in LIST`, `f not in LIST`, `f == "code"`, `f != "code"`,
// `not` of one of these, and `and` of any of them. Other shapes restrict nothing. Used to
// find, before any candidate is seen, quota pools that no eligible candidate can enter.
#pragma once

#include <cstdint>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "eval/program.hpp"

namespace aturan::internal {

// Per code field slot, the codes (by id) a condition can be true for. A slot that is not a
// key is not restricted. Sound: whenever the condition is true for a record, each
// restricted field's value (its default when missing) is one of its codes.
using CodeConstraints = absl::flat_hash_map<int32_t, std::vector<bool>>;

// The constraints of the condition rooted at node `root` of `program`.
CodeConstraints ConstraintsOf(const Program& program, uint32_t root);

// Restricts *into by `other` as well (both must hold).
void Intersect(const CodeConstraints& other, CodeConstraints* into);

}  // namespace aturan::internal
