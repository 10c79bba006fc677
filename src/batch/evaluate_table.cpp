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
  const size_t fields = rules.fields().size();
  // Rows are read a block at a time, a column at a time (CandidateTable::GetRows).
  const size_t block_rows = table.rows_per_block();
  std::vector<Value> values(block_rows * fields);
  for (size_t first = begin; first < end; first += block_rows) {
    const size_t count = std::min(block_rows, end - first);
    table.GetRows(first, count, values);
    for (size_t r = 0; r < count; ++r) {
      const size_t row = first + r;
      if (table.invalid(row)) {
        out[row] = Decision{};
        out[row].status = Status::kInvalid;
        continue;
      }
      rules.Evaluate(std::span<const Value>(values).subspan(r * fields, fields), &out[row]);
    }
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
