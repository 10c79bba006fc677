// eval/evaluator.hpp — evaluate a compiled Program for one record. Reads the program only,
// keeps all state on the stack: safe to call from many threads at once, never allocates.
#pragma once

#include <cstdint>
#include <span>

#include "aturan/decision.hpp"
#include "aturan/value.hpp"
#include "eval/program.hpp"

namespace aturan::internal {

// The value of node `index` for `record` (one value per slot; slots past its end read as
// missing). Recursion depth is bounded by the parser's tree-depth limit.
Value EvaluateNode(const Program& program, uint32_t index, std::span<const Value> record);

// The field at fault when `record` is invalid (a required field missing, or a code outside
// its list), or -1 when it is valid.
int32_t FindInvalidSlot(const Program& program, std::span<const Value> record);

// Decides one candidate: status, every failing rule, score and order key.
void EvaluateRecord(const Program& program, std::span<const Value> record, Decision* out);

// EvaluateRecord for a record whose caller guarantees that every field is valid (FindInvalidSlot)
// except perhaps those in `slots_to_check` (ascending), which are checked here.
void EvaluateValidatedRecord(const Program& program, std::span<const Value> record,
                             std::span<const int32_t> slots_to_check, Decision* out);

// The value of slot `slot`, its default when missing.
Value ReadField(const Program& program, int32_t slot, std::span<const Value> record);

}  // namespace aturan::internal
