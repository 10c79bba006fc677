// aturan/batch.hpp — deciding every row of a CandidateTable at once, on several threads.
#pragma once

#include <span>

#include "aturan/candidate_table.hpp"
#include "aturan/decision.hpp"

namespace aturan {

// Decides every row of `table` with its rules: out[i] is row i's decision, exactly what
// RuleSet::Evaluate gives for the row's values. A row that reading found invalid is not
// evaluated: its decision has status kInvalid and invalid_slot -1 (its issues say why).
// Rows are split over up to `threads` threads (0 = one per core); the result does not
// depend on the number. `out` must have table.size() elements. String order keys point
// into `table`.
void EvaluateTable(const CandidateTable& table, std::span<Decision> out, int threads = 0);

// Decides rows [begin, end) of `table` on the calling thread, into out[begin, end).
void EvaluateRows(const CandidateTable& table, size_t begin, size_t end, std::span<Decision> out);

}  // namespace aturan
