// Binding<T>: a host struct bound to the schema, checked at bind time, evaluated without
// allocating, and safe to evaluate from several threads at once.
#include <atomic>
#include <cstdlib>
#include <new>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_replace.h"
#include "aturan/binding.hpp"
#include "aturan/record.hpp"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "test_rules.hpp"

// Counts heap allocations made while `g_counting` is set, on any thread. GCC cannot see that
// the replaced new and delete below pair up, so its mismatch warning is off for this file.
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
namespace {
std::atomic<bool> g_counting{false};
std::atomic<long> g_allocations{0};
}  // namespace

namespace {
void* CountedAllocate(std::size_t size) {
  if (g_counting.load(std::memory_order_relaxed)) g_allocations.fetch_add(1, std::memory_order_relaxed);
  return std::malloc(size == 0 ? 1 : size);
}
}  // namespace

// Every plain and nothrow form is replaced, so that what one allocates the other frees
// (AddressSanitizer checks that new and delete pair up).
void* operator new(std::size_t size) {
  if (void* p = CountedAllocate(size)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size) { return operator new(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept { return CountedAllocate(size); }
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept { return CountedAllocate(size); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }

namespace aturan {
namespace {

using ::testing::HasSubstr;

struct Worker {
  std::string nik;
  int64_t jumlah = 0;
  int64_t gaji = 0;
  std::optional<double> rasio;
  absl::CivilDay lahir;
  std::string pekerjaan;
  bool tulang_punggung = false;
};

constexpr char kRule[] =
    "k in rentan and age(t, tanggal_acuan) between usia_min and 65 and m <= batas "
    "and coalesce(d, 0) < 1";

absl::StatusOr<Binding<Worker>> Bind(const RuleSet& rules) {
  return Binding<Worker>::Builder(rules)
      .Field("nik", &Worker::nik)
      .Field("n", &Worker::jumlah)
      .Field("m", &Worker::gaji)
      .Field("d", &Worker::rasio)
      .Field("t", &Worker::lahir)
      .Field("k", &Worker::pekerjaan)
      .Field("tp", &Worker::tulang_punggung)
      .Build();
}

// Workers varied enough to hit every branch of kRule.
std::vector<Worker> MakeWorkers(int count) {
  const char* jobs[] = {"becak", "Tukang Becak", "ojek", "petani", "astronot", ""};
  std::vector<Worker> workers;
  for (int i = 0; i < count; ++i) {
    Worker w;
    w.nik = "3375014507900001";
    w.jumlah = i;
    w.gaji = 1'000'000 + (i * 37'813) % 2'000'000;
    if (i % 5 != 0) w.rasio = (i % 7) / 5.0;
    w.lahir = absl::CivilDay(1950 + i % 60, 1 + i % 12, 1 + i % 28);
    w.pekerjaan = jobs[i % 6];
    w.tulang_punggung = i % 2 == 0;
    workers.push_back(w);
  }
  return workers;
}

TEST(Binding, DecidesHostObjects) {
  RuleSet rules = testing::RulesWith(kRule);
  absl::StatusOr<Binding<Worker>> binding = Bind(rules);
  ASSERT_TRUE(binding.ok()) << binding.status();
  Worker w{"3375014507900001", 0, 2'400'000, std::nullopt, absl::CivilDay(1980, 1, 1), "tukang becak", true};
  EXPECT_TRUE(binding->Evaluate(w).eligible());
  w.gaji = 2'600'000;
  Decision d = binding->Evaluate(w);
  EXPECT_EQ(d.status, Status::kIneligible);
  EXPECT_TRUE(d.failed[0]);
  w.pekerjaan = "astronot";
  EXPECT_EQ(binding->Evaluate(w).status, Status::kInvalid);
  w.pekerjaan = "";
  EXPECT_EQ(binding->Evaluate(w).outcome(0), Outcome::kFail);  // missing code: in rentan unknown, m fails
}

TEST(Binding, SameDecisionsAsTheGenericRecord) {
  RuleSet rules = testing::RulesWith(kRule);
  absl::StatusOr<Binding<Worker>> binding = Bind(rules);
  ASSERT_TRUE(binding.ok());
  for (const Worker& w : MakeWorkers(300)) {
    Record r(rules);
    ASSERT_TRUE(r.Set("nik", w.nik).ok());
    ASSERT_TRUE(r.SetValue("n", Value::Int(w.jumlah)).ok());
    ASSERT_TRUE(r.SetValue("m", Value::Money(w.gaji)).ok());
    if (w.rasio) {
      ASSERT_TRUE(r.SetValue("d", Value::Decimal(*w.rasio)).ok());
    }
    ASSERT_TRUE(r.SetValue("t", Value::FromDate(Date::FromCivil(w.lahir))).ok());
    (void)r.Set("k", w.pekerjaan);
    ASSERT_TRUE(r.SetValue("tp", Value::Bool(w.tulang_punggung)).ok());
    Decision a = binding->Evaluate(w), b = r.Evaluate();
    EXPECT_EQ(a.status, b.status);
    EXPECT_EQ(a.failed, b.failed);
    EXPECT_EQ(a.unknown, b.unknown);
  }
}

// A host struct whose values can make a record invalid: code text outside its list or empty
// in a required code field, a required bool left empty.
struct Applicant {
  std::string nik;
  std::string k;  // required code field
  std::string g;  // code field with a default
  std::optional<bool> b;  // required
  int64_t n = 0;
};

// RuleFileWith(when) with k and b required and g defaulting to L.
RuleSet ApplicantRules(const std::string& when) {
  std::string yaml = absl::StrReplaceAll(
      testing::RuleFileWith(when, "priority:\n  terms:\n    - {id: p, when: g == \"P\", points: 5}\n"),
      {{"k: {type: code, list: pekerjaan}", "k: {type: code, list: pekerjaan, required: true}"},
       {"g: {type: code, list: jenis_kelamin}", "g: {type: code, list: jenis_kelamin, default: L}"},
       {"b: {type: bool}", "b: {type: bool, required: true}"}});
  absl::StatusOr<RuleSet> rules = RuleSet::FromString(yaml, "uji.yaml");
  EXPECT_TRUE(rules.ok()) << rules.status();
  if (!rules.ok()) std::abort();
  return *rules;
}

TEST(Binding, ValidatesLikeTheGenericRecord) {
  // Values read inline are vouched for by their C++ type and code lookup, so the rules skip
  // checking them; g is read once inline and once through a computed loader (checked by the
  // rules), and every decision, the invalid field included, must be the generic record's.
  RuleSet rules = ApplicantRules("k in rentan and (b or n > 3)");
  absl::StatusOr<Binding<Applicant>> inline_g = Binding<Applicant>::Builder(rules)
                                                    .Field("nik", &Applicant::nik)
                                                    .Field("k", &Applicant::k)
                                                    .Field("g", &Applicant::g)
                                                    .Field("b", &Applicant::b)
                                                    .Field("n", &Applicant::n)
                                                    .Build();
  absl::StatusOr<Binding<Applicant>> computed_g =
      Binding<Applicant>::Builder(rules)
          .Field("nik", &Applicant::nik)
          .Field("k", &Applicant::k)
          .Computed("g", [](const Applicant& a) { return a.g; })
          .Field("b", &Applicant::b)
          .Field("n", &Applicant::n)
          .Build();
  ASSERT_TRUE(inline_g.ok()) << inline_g.status();
  ASSERT_TRUE(computed_g.ok()) << computed_g.status();
  int invalid = 0, valid = 0;
  for (const char* k : {"", "becak", "Tukang Becak", "astronot", "petani"}) {
    for (const char* g : {"", "L", "2", "X"}) {
      for (std::optional<bool> b : {std::optional<bool>(), std::optional<bool>(true), std::optional<bool>(false)}) {
        for (int64_t n : {0, 5}) {
          Applicant a{"3375014507900001", k, g, b, n};
          Record r(rules);
          ASSERT_TRUE(r.Set("nik", a.nik).ok());
          (void)r.Set("k", a.k);  // a code outside the list is kept, and makes the record invalid
          (void)r.Set("g", a.g);
          if (b) {
            ASSERT_TRUE(r.SetValue("b", Value::Bool(*b)).ok());
          }
          ASSERT_TRUE(r.SetValue("n", Value::Int(n)).ok());
          Decision expected = r.Evaluate();
          for (const Binding<Applicant>* binding : {&*inline_g, &*computed_g}) {
            Decision d = binding->Evaluate(a);
            SCOPED_TRACE(std::string("k='") + k + "' g='" + g + "' b=" + (b ? (*b ? "true" : "false") : "missing") +
                         " n=" + std::to_string(n));
            EXPECT_EQ(d.status, expected.status);
            EXPECT_EQ(d.invalid_slot, expected.invalid_slot);
            EXPECT_EQ(d.failed, expected.failed);
            EXPECT_EQ(d.unknown, expected.unknown);
            EXPECT_EQ(d.score, expected.score);
          }
          (expected.status == Status::kInvalid ? invalid : valid) += 1;
        }
      }
    }
  }
  EXPECT_GT(invalid, 0);  // both paths were exercised
  EXPECT_GT(valid, 0);
}

TEST(Binding, ChecksNamesAndTypesWhenBound) {
  RuleSet rules = testing::RulesWith(kRule);
  absl::StatusOr<Binding<Worker>> bad = Binding<Worker>::Builder(rules)
                                            .Field("nikk", &Worker::nik)
                                            .Field("t", &Worker::pekerjaan)
                                            .Field("m", &Worker::rasio)
                                            .Field("k", &Worker::pekerjaan)
                                            .Field("k", &Worker::pekerjaan)
                                            .Build();
  ASSERT_FALSE(bad.ok());
  std::string message(bad.status().message());
  EXPECT_THAT(message, HasSubstr("unknown field 'nikk'"));
  EXPECT_THAT(message, HasSubstr("field 't' has type date, but is bound to a text type"));
  EXPECT_THAT(message, HasSubstr("field 'm' has type money, but is bound to a floating-point type"));
  EXPECT_THAT(message, HasSubstr("field 'k' is bound twice"));
  EXPECT_THAT(message, HasSubstr("required field 'nik' is not bound"));
}

TEST(Binding, ComputedFields) {
  RuleSet rules = testing::RulesWith("n == 42");
  auto binding = Binding<Worker>::Builder(rules)
                     .Field("nik", &Worker::nik)
                     .Computed("n", [](const Worker& w) { return w.jumlah * 2; })
                     .Build();
  ASSERT_TRUE(binding.ok()) << binding.status();
  Worker w;
  w.nik = "3375014507900001";
  w.jumlah = 21;
  EXPECT_TRUE(binding->Evaluate(w).eligible());
}

TEST(Binding, EvaluatesWithoutAllocating) {
  RuleSet rules = testing::RulesWith(kRule, "priority:\n  terms:\n    - {id: tp, when: tp, points: 10}\n  order: [t, nik]\n");
  absl::StatusOr<Binding<Worker>> binding = Bind(rules);
  ASSERT_TRUE(binding.ok());
  std::vector<Worker> workers = MakeWorkers(500);
  Decision d;
  long eligible = 0;
  g_allocations = 0;
  g_counting = true;
  for (const Worker& w : workers) {
    binding->Evaluate(w, &d);
    eligible += d.eligible();
  }
  g_counting = false;
  EXPECT_EQ(g_allocations.load(), 0);
  EXPECT_GT(eligible, 0);  // the loop did real work
  EXPECT_LT(eligible, 500);
}

TEST(Binding, ThreadsGetIdenticalResults) {
  RuleSet rules = testing::RulesWith(kRule, "priority:\n  score: \"n % 17 + (if tp then 100 else 0)\"\n  order: [nik]\n");
  absl::StatusOr<Binding<Worker>> binding = Bind(rules);
  ASSERT_TRUE(binding.ok());
  std::vector<Worker> workers = MakeWorkers(20'000);
  std::vector<Decision> expected(workers.size());
  for (size_t i = 0; i < workers.size(); ++i) binding->Evaluate(workers[i], &expected[i]);
  constexpr int kThreads = 4;
  std::vector<std::vector<Decision>> got(kThreads, std::vector<Decision>(workers.size()));
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (size_t i = 0; i < workers.size(); ++i) {
        size_t k = (i * 7919 + t * 101) % workers.size();  // a permutation: each thread its own order
        binding->Evaluate(workers[k], &got[t][k]);
      }
    });
  }
  for (std::thread& th : threads) th.join();
  for (int t = 0; t < kThreads; ++t) {
    for (size_t i = 0; i < workers.size(); ++i) {
      ASSERT_EQ(got[t][i].status, expected[i].status) << "thread " << t << " row " << i;
      ASSERT_EQ(got[t][i].failed, expected[i].failed);
      ASSERT_EQ(got[t][i].score, expected[i].score);
    }
  }
}

}  // namespace
}  // namespace aturan
