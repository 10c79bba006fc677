// python/memory_list.hpp — `aturan eval` and `aturan allocate` over a candidate list held in
// memory as JSON Lines text (the Python module's columns), through the same pipeline, defaults
// and output formats as a list file, with every output kept in memory.
#pragma once

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "aturan/rule_set.hpp"

namespace aturan::python {

// What a list run wrote: the decisions as JSON Lines, the rejects as CSV (with its header),
// and the summary as one JSON object.
struct MemoryRun {
  std::string decisions;
  std::string rejects;
  std::string summary_json;
};

// Decides every line of `jsonl` (one candidate object per line) as `aturan eval` decides a
// .jsonl list into a .jsonl output. Errors: a line the reader cannot take in, out of memory.
absl::StatusOr<MemoryRun> EvaluateJsonLines(const RuleSet& rules, std::string_view jsonl);

// As EvaluateJsonLines, then gives out the quota's seats as `aturan allocate` does.
// FailedPrecondition when the rule file has no quota.
absl::StatusOr<MemoryRun> AllocateJsonLines(const RuleSet& rules, std::string_view jsonl);

}  // namespace aturan::python
