// Google Benchmark: the two in-memory stages of `aturan eval` on a generated list of 200,000
// rows for rules/pekalongan-2023-revisi.yaml (2% of rows with one defect each):
//   BM_EvaluateTable/threads:N  EvaluateTable over every chunk, rows/s (and rows/s per core);
//   BM_ReadList                 ListReader from memory into chunks (CSV, conversion and
//                               validation), bytes/s and rows/s on one thread.
// Before measuring, the rows read are checked against what the generator says it wrote.
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "aturan/batch.hpp"
#include "aturan/candidate_table.hpp"
#include "aturan/list_reader.hpp"
#include "aturan/rule_set.hpp"
#include "benchmark/benchmark.h"
#include "generate/list_generator.hpp"

namespace aturan::bench {
namespace {

// Rows generated: enough to leave the caches, few enough to keep the whole run short.
constexpr uint64_t kRows = 200'000;

// The generated list, its text and every chunk read from it, built once.
struct Fixture {
  RuleSet rules;
  std::string text;                    // the list as CSV
  GenerateStats stats;                 // what the generator wrote
  std::vector<CandidateTable> tables;  // every chunk, in order
  size_t rows = 0;                     // rows over all tables
};

// Prints `message` and ends the program: the benchmark cannot run without its fixture.
[[noreturn]] void Die(const std::string& message) {
  std::fprintf(stderr, "batch_evaluate_bench: %s\n", message.c_str());
  std::exit(1);
}

// The list GenerateList writes for `rules` (fixed seed, 2% bad rows), held in memory.
std::string GenerateText(const RuleSet& rules, GenerateStats* stats) {
  char* buffer = nullptr;
  size_t size = 0;
  std::FILE* out = open_memstream(&buffer, &size);
  if (out == nullptr) Die("open_memstream failed");
  GenerateOptions options;
  options.rows = kRows;
  options.seed = 2023;
  options.bad_share = 0.02;
  absl::StatusOr<GenerateStats> generated = GenerateList(rules, options, out);
  std::fclose(out);  // sets buffer and size
  std::unique_ptr<char, decltype(&std::free)> owned(buffer, &std::free);
  if (!generated.ok()) Die(std::string(generated.status().message()));
  *stats = *generated;
  return std::string(buffer, size);
}

// Generates the list, reads it into tables and checks that reading found exactly the rows
// and invalid rows the generator wrote, and that some rows are eligible.
Fixture* MakeFixture() {
  absl::StatusOr<RuleSet> rules = RuleSet::FromFile(ATURAN_SOURCE_DIR "/rules/pekalongan-2023-revisi.yaml");
  if (!rules.ok()) Die(std::string(rules.status().message()));
  auto* f = new Fixture{*rules, {}, {}, {}, 0};
  f->text = GenerateText(f->rules, &f->stats);
  absl::StatusOr<std::unique_ptr<ListReader>> reader = ListReader::FromString(f->rules, f->text);
  if (!reader.ok()) Die(std::string(reader.status().message()));
  uint64_t invalid = 0;
  for (CandidateTable table(f->rules); (*reader)->Next(&table); table = CandidateTable(f->rules)) {
    for (size_t row = 0; row < table.size(); ++row) invalid += table.invalid(row);
    f->rows += table.size();
    f->tables.push_back(std::move(table));
  }
  if (!(*reader)->status().ok()) Die(std::string((*reader)->status().message()));
  if (f->rows != f->stats.rows || invalid != f->stats.invalid_rows()) {
    Die("read " + std::to_string(f->rows) + " rows, " + std::to_string(invalid) + " invalid; generated " +
        std::to_string(f->stats.rows) + ", " + std::to_string(f->stats.invalid_rows()) + " invalid");
  }
  uint64_t eligible = 0;
  for (const CandidateTable& table : f->tables) {
    std::vector<Decision> decisions(table.size());
    EvaluateTable(table, decisions, 1);
    for (const Decision& d : decisions) eligible += d.eligible();
  }
  if (eligible == 0) Die("no row is eligible: the generated list does not exercise the rules");
  return f;
}

// The fixture, made on first use.
Fixture& GetFixture() {
  static Fixture* fixture = MakeFixture();
  return *fixture;
}

// Decides every row of every chunk with EvaluateTable on state.range(0) threads. Rates use
// wall time and the CPU column counts every thread of the process (CPU / wall = cores kept
// busy); rows_per_core divides the rate by the thread count (the headline figure).
void BM_EvaluateTable(benchmark::State& state) {
  Fixture& f = GetFixture();
  const int threads = static_cast<int>(state.range(0));
  std::vector<std::vector<Decision>> decisions;
  for (const CandidateTable& table : f.tables) decisions.emplace_back(table.size());
  for (auto _ : state) {
    for (size_t i = 0; i < f.tables.size(); ++i) {
      EvaluateTable(f.tables[i], decisions[i], threads);
      benchmark::DoNotOptimize(decisions[i].data());
    }
    benchmark::ClobberMemory();
  }
  const auto rows = static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(f.rows);
  state.SetItemsProcessed(rows);
  state.counters["rows_per_core"] =
      benchmark::Counter(static_cast<double>(rows) / threads, benchmark::Counter::kIsRate);
  state.SetLabel("rows");
}
BENCHMARK(BM_EvaluateTable)
    ->ArgName("threads")
    ->Arg(1)
    ->Arg(2)
    ->UseRealTime()
    ->MeasureProcessCPUTime()
    ->Unit(benchmark::kMillisecond);

// Reads the whole list from memory into one reused table, chunk by chunk, as `aturan eval`
// does: CSV parsing, conversion to columns and every row check, on one thread.
void BM_ReadList(benchmark::State& state) {
  Fixture& f = GetFixture();
  CandidateTable table(f.rules);
  for (auto _ : state) {
    absl::StatusOr<std::unique_ptr<ListReader>> reader = ListReader::FromString(f.rules, f.text);
    if (!reader.ok()) {
      state.SkipWithError(std::string(reader.status().message()).c_str());
      break;
    }
    size_t rows = 0;
    while ((*reader)->Next(&table)) rows += table.size();
    benchmark::DoNotOptimize(rows);
    if (rows != f.rows) {
      state.SkipWithError("the list did not read as it did the first time");
      break;
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(f.text.size()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(f.rows));
  state.SetLabel("rows");
}
BENCHMARK(BM_ReadList)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace aturan::bench

BENCHMARK_MAIN();
