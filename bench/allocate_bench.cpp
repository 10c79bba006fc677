// Google Benchmark: the two computing stages of `aturan allocate` (issue 4 §6).
//   BM_Apportion/method:M  internal::Apportion of 50,000,000 seats over 100,000 areas with
//                          generated weights, for each method (0 largest remainder, 1 D'Hondt,
//                          2 Sainte-Laguë); areas/s. Its cost must not depend on the seats.
//   BM_Allocator           Allocator::Add over every chunk of a generated list of 1,000,000 rows
//                          for rules/pekalongan-2023-revisi.yaml, then Finish; rows/s. The list is
//                          generated, read into CandidateTables and decided once, before timing.
// Before measuring, the results are checked: every apportionment sums to the seats, and the
// allocation selects exactly the quota's 1,000 seats and accounts for every row.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <numeric>
#include <span>
#include <string>
#include <vector>

#include "allocate/apportion.hpp"
#include "aturan/allocation.hpp"
#include "aturan/batch.hpp"
#include "aturan/candidate_table.hpp"
#include "aturan/list_reader.hpp"
#include "aturan/rule_set.hpp"
#include "benchmark/benchmark.h"
#include "generate/list_generator.hpp"

namespace aturan::bench {
namespace {

constexpr int64_t kAreas = 100'000;
constexpr int64_t kSeats = 50'000'000;
constexpr uint64_t kRows = 1'000'000;
// Seats of rules/pekalongan-2023-revisi.yaml's quota, all given when enough rows are eligible.
constexpr int64_t kQuotaSeats = 1000;

// Prints `message` and ends the program: the benchmark cannot run without its fixture.
[[noreturn]] void Die(const std::string& message) {
  std::fprintf(stderr, "allocate_bench: %s\n", message.c_str());
  std::exit(1);
}

// kAreas weights from 1 to about 2,000,000 (a fixed linear congruential sequence, so every
// run measures the same input), a few zero.
const std::vector<int64_t>& Weights() {
  static const std::vector<int64_t> weights = [] {
    std::vector<int64_t> w(kAreas);
    uint64_t x = 2023;
    for (int64_t& weight : w) {
      x = x * 6364136223846793005u + 1442695040888963407u;
      weight = static_cast<int64_t>((x >> 33) % 2'000'000);
    }
    return w;
  }();
  return weights;
}

void BM_Apportion(benchmark::State& state) {
  const auto method = static_cast<ApportionMethod>(state.range(0));
  const std::vector<int64_t>& weights = Weights();
  {
    absl::StatusOr<std::vector<int64_t>> seats = internal::Apportion(kSeats, weights, method);
    if (!seats.ok()) Die(std::string(seats.status().message()));
    if (std::accumulate(seats->begin(), seats->end(), int64_t{0}) != kSeats) Die("apportionment does not sum to the seats");
  }
  for (auto _ : state) {
    absl::StatusOr<std::vector<int64_t>> seats = internal::Apportion(kSeats, weights, method);
    benchmark::DoNotOptimize(seats->data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * kAreas);
  state.SetLabel("areas");
}
BENCHMARK(BM_Apportion)->ArgName("method")->DenseRange(0, 2)->Unit(benchmark::kMillisecond);

// The generated list, read into chunks and decided, built once.
struct Fixture {
  RuleSet rules;
  std::vector<CandidateTable> tables;
  std::vector<std::vector<Decision>> decisions;  // per table
  size_t rows = 0;
  int group_slot = -1;
};

// The list GenerateList writes for `rules` (fixed seed, 2% bad rows), held in memory.
std::string GenerateText(const RuleSet& rules) {
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
  if (generated->rows != kRows) Die("the generator wrote " + std::to_string(generated->rows) + " rows");
  return std::string(buffer, size);
}

// Allocates every chunk of `f`, as `aturan allocate` does (grouped by occupation).
absl::StatusOr<Allocation> AllocateAll(const Fixture& f) {
  Allocator allocator(f.rules, nullptr, f.group_slot);
  for (size_t i = 0; i < f.tables.size(); ++i) allocator.Add(f.tables[i], f.decisions[i]);
  return allocator.Finish();
}

// Generates, reads and decides the list, then checks one allocation of it: every row
// accounted for, and all 1,000 seats given when at least that many rows are eligible.
Fixture* MakeFixture() {
  absl::StatusOr<RuleSet> rules = RuleSet::FromFile(ATURAN_SOURCE_DIR "/rules/pekalongan-2023-revisi.yaml");
  if (!rules.ok()) Die(std::string(rules.status().message()));
  if (!rules->quota().present()) Die("the rule file has no quota");
  auto* f = new Fixture{*rules, {}, {}, 0, rules->FieldSlot("pekerjaan")};
  const std::string text = GenerateText(f->rules);
  absl::StatusOr<std::unique_ptr<ListReader>> reader = ListReader::FromString(f->rules, text);
  if (!reader.ok()) Die(std::string(reader.status().message()));
  int64_t eligible = 0;
  for (CandidateTable table(f->rules); (*reader)->Next(&table); table = CandidateTable(f->rules)) {
    std::vector<Decision> decisions(table.size());
    EvaluateTable(table, decisions, 0);
    for (const Decision& d : decisions) eligible += d.eligible();
    f->rows += table.size();
    f->tables.push_back(std::move(table));
    f->decisions.push_back(std::move(decisions));
  }
  if (!(*reader)->status().ok()) Die(std::string((*reader)->status().message()));
  if (f->rows != kRows) Die("read " + std::to_string(f->rows) + " rows of " + std::to_string(kRows));
  absl::StatusOr<Allocation> allocation = AllocateAll(*f);
  if (!allocation.ok()) Die(std::string(allocation.status().message()));
  const Allocation& a = *allocation;
  if (a.rows.size() != f->rows || a.selected + a.waitlisted + a.ineligible + a.invalid != static_cast<int64_t>(f->rows)) {
    Die("the allocation does not account for every row");
  }
  if (eligible < kQuotaSeats || a.selected != kQuotaSeats) {
    Die(std::to_string(eligible) + " rows eligible, " + std::to_string(a.selected) + " selected; expected " +
        std::to_string(kQuotaSeats) + " selected");
  }
  std::fprintf(stderr, "allocate_bench: %zu rows, %lld eligible, %lld selected, %lld waitlisted\n", f->rows,
               static_cast<long long>(eligible), static_cast<long long>(a.selected),
               static_cast<long long>(a.waitlisted));
  return f;
}

Fixture& GetFixture() {
  static Fixture* fixture = MakeFixture();
  return *fixture;
}

// Add over every chunk, then Finish (priority order, pools, apportionment, waiting lines).
void BM_Allocator(benchmark::State& state) {
  Fixture& f = GetFixture();
  for (auto _ : state) {
    absl::StatusOr<Allocation> allocation = AllocateAll(f);
    if (!allocation.ok() || allocation->selected != kQuotaSeats) {
      state.SkipWithError("the allocation differs from the first one");
      break;
    }
    benchmark::DoNotOptimize(allocation->rows.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(f.rows));
  state.SetLabel("rows");
}
BENCHMARK(BM_Allocator)->UseRealTime()->MeasureProcessCPUTime()->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace aturan::bench

BENCHMARK_MAIN();
