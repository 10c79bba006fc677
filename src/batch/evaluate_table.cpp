#include <algorithm>
#include <thread>
#include <vector>

#include "aturan/batch.hpp"
#include "aturan/rule_set.hpp"

namespace aturan {

namespace {
// Rows per thread below which another thread costs more than it saves.
constexpr size_t kMinRowsPerThread = 4096;
}  // namespace

void EvaluateRows(const CandidateTable& table, size_t begin, size_t end, std::span<Decision> out) {
  const RuleSet& rules = table.rules();
  std::vector<Value> values(rules.fields().size());
  for (size_t row = begin; row < end; ++row) {
    if (table.invalid(row)) {
      out[row] = Decision{};
      out[row].status = Status::kInvalid;
      continue;
    }
    table.GetRow(row, values);
    rules.Evaluate(values, &out[row]);
  }
}

void EvaluateTable(const CandidateTable& table, std::span<Decision> out, int threads) {
  const size_t rows = table.size();
  size_t workers = threads > 0 ? static_cast<size_t>(threads) : std::max(1u, std::thread::hardware_concurrency());
  workers = std::clamp<size_t>(rows / kMinRowsPerThread, 1, workers);
  if (workers == 1) {
    EvaluateRows(table, 0, rows, out);
    return;
  }
  std::vector<std::jthread> pool;
  const size_t step = (rows + workers - 1) / workers;
  for (size_t begin = 0; begin < rows; begin += step) {
    pool.emplace_back([&table, out, begin, end = std::min(rows, begin + step)] {
      EvaluateRows(table, begin, end, out);
    });
  }
}

}  // namespace aturan
