// ns per candidate for rules/pekalongan-2023-revisi.yaml: the compiled rules through
// Binding<T> and through a generic Record, side by side with a hand-written C++ function.
// Before measuring, every path is checked to decide every generated candidate identically.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "aturan/aturan.hpp"
#include "benchmark/benchmark.h"
#include "pekalongan_handwritten.hpp"
#include "pekalongan_worker.hpp"

namespace aturan::bench {
namespace {

constexpr int kCandidates = 4096;

struct Fixture {
  RuleSet rules;
  Binding<Worker> binding;
  HandwrittenPekalongan2023 handwritten;
  std::vector<Worker> workers;
  std::vector<Record> records;
};

[[noreturn]] void Die(const std::string& message) {
  std::fprintf(stderr, "evaluate_bench: %s\n", message.c_str());
  std::exit(1);
}

Fixture* MakeFixture() {
  absl::StatusOr<RuleSet> rules = RuleSet::FromFile(ATURAN_SOURCE_DIR "/rules/pekalongan-2023-revisi.yaml");
  if (!rules.ok()) Die(std::string(rules.status().message()));
  absl::StatusOr<Binding<Worker>> binding = BindWorker(*rules);
  if (!binding.ok()) Die(std::string(binding.status().message()));
  auto* f = new Fixture{*rules, std::move(*binding), HandwrittenPekalongan2023(*rules),
                        GenerateWorkers(kCandidates, 2023), {}};
  for (const Worker& w : f->workers) {
    Record r(f->rules);
    (void)r.Set("nik", w.nik);
    (void)r.Set("nama", w.nama);
    (void)r.Set("jenis_kelamin", w.jenis_kelamin);
    (void)r.SetValue("tanggal_lahir", Value::FromDate(Date::FromCivil(w.tanggal_lahir)));
    (void)r.Set("kode_kelurahan", w.kode_kelurahan);
    (void)r.Set("pekerjaan", w.pekerjaan);
    (void)r.SetValue("penghasilan_bulanan", Value::Money(w.penghasilan_bulanan));
    (void)r.SetValue("penerima_upah", Value::Bool(w.penerima_upah));
    (void)r.SetValue("tulang_punggung", Value::Bool(w.tulang_punggung));
    (void)r.SetValue("miskin_ekstrem", Value::Bool(w.miskin_ekstrem));
    if (w.disabilitas) (void)r.SetValue("disabilitas", Value::Bool(*w.disabilitas));
    (void)r.SetValue("penerima_pkh", Value::Bool(w.penerima_pkh));
    (void)r.SetValue("penerima_bpnt", Value::Bool(w.penerima_bpnt));
    (void)r.Set("status_bpjstk", w.status_bpjstk);
    f->records.push_back(std::move(r));
  }
  int eligible = 0;
  for (size_t i = 0; i < f->workers.size(); ++i) {
    HandDecision hand = f->handwritten.Decide(f->workers[i]);
    Decision bound = f->binding.Evaluate(f->workers[i]);
    Decision generic = f->records[i].Evaluate();
    uint32_t failed = static_cast<uint32_t>(bound.failed.to_ulong());
    if (hand.status != bound.status || generic.status != bound.status ||
        (bound.status != Status::kInvalid &&
         (hand.failed != failed || hand.score != bound.score || generic.failed != bound.failed))) {
      Die("candidate " + std::to_string(i) + ": the hand-written rules and the rule file disagree");
    }
    eligible += bound.eligible();
  }
  if (eligible == 0) Die("no candidate is eligible: the generated list does not exercise the rules");
  return f;
}

Fixture& GetFixture() {
  static Fixture* fixture = MakeFixture();
  return *fixture;
}

void BM_Handwritten(benchmark::State& state) {
  Fixture& f = GetFixture();
  size_t i = 0;
  for (auto _ : state) {
    HandDecision d = f.handwritten.Decide(f.workers[i++ % kCandidates]);
    benchmark::DoNotOptimize(d);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Handwritten);

void BM_Binding(benchmark::State& state) {
  Fixture& f = GetFixture();
  size_t i = 0;
  Decision d;
  for (auto _ : state) {
    f.binding.Evaluate(f.workers[i++ % kCandidates], &d);
    benchmark::DoNotOptimize(d);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Binding);

void BM_GenericRecord(benchmark::State& state) {
  Fixture& f = GetFixture();
  size_t i = 0;
  Decision d;
  for (auto _ : state) {
    f.rules.Evaluate(f.records[i++ % kCandidates].values(), &d);
    benchmark::DoNotOptimize(d);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_GenericRecord);

}  // namespace
}  // namespace aturan::bench

BENCHMARK_MAIN();
