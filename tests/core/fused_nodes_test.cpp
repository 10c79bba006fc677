// The compiler fuses common shapes into single nodes (a field read into `f <op> c`, `age(f, c)`,
// `nik_valid(f)`, `coalesce(f, c)`) and the evaluator computes `and`, `or` and `between` over
// such nodes in place. Each shape must decide exactly as an equivalent expression that is not
// fused (an operand wrapped in `coalesce(x, x)`, which the compiler leaves alone), over records
// with present, missing and defaulted values, and over records shorter than the schema.
#include <string>
#include <vector>

#include "aturan/record.hpp"
#include "gtest/gtest.h"
#include "test_rules.hpp"

namespace aturan {
namespace {

struct Shape {
  std::string fused;
  std::string general;
};

const std::vector<Shape>& Shapes() {
  static const std::vector<Shape> shapes = {
      {"m <= batas", "coalesce(m, m) <= batas"},
      {"n == 5", "coalesce(n, n) == 5"},
      {"n != 5", "coalesce(n, n) != 5"},
      {"n < 5", "coalesce(n, n) < 5"},
      {"n > 5", "coalesce(n, n) > 5"},
      {"n >= 5", "coalesce(n, n) >= 5"},
      {"t >= 2000-01-01", "coalesce(t, t) >= 2000-01-01"},
      {"k == \"becak\"", "coalesce(k, k) == \"becak\""},
      {"age(t, tanggal_acuan) between usia_min and 65",
       "age(coalesce(t, t), tanggal_acuan) between usia_min and 65"},
      {"age(t, tanggal_acuan) >= 30", "age(coalesce(t, t), tanggal_acuan) >= 30"},
      {"nik_valid(nik)", "nik_valid(coalesce(nik, nik))"},
      {"coalesce(b, true)", "if is_missing(b) then true else b"},
      {"coalesce(tp, true)", "if is_missing(tp) then true else tp"},
      {"coalesce(n, 7) > 5", "(if is_missing(n) then 7 else n) > 5"},
      {"not b and k in rentan", "not coalesce(b, b) and coalesce(k, k) in rentan"},
      {"b or k not in rentan", "coalesce(b, b) or coalesce(k, k) not in rentan"},
      {"is_missing(k) or n <= 5", "is_missing(coalesce(k, k)) or coalesce(n, n) <= 5"},
      {"n between 1 and 5", "coalesce(n, n) between 1 and 5"},
      {"n between 1 and 5 and not b", "coalesce(n, n) between 1 and 5 and not coalesce(b, b)"},
  };
  return shapes;
}

// Records over every combination of a few values per field, missing ones included.
std::vector<Record> Records(const RuleSet& rules) {
  const std::vector<std::string> niks = {"3375014507900001", "33750145079x0001"};
  const std::vector<std::string> ns = {"", "0", "5", "6", "-3"};
  const std::vector<std::string> ms = {"", "1000", "2500000", "2500001"};
  const std::vector<std::string> ts = {"", "1950-01-01", "2005-06-02", "1993-06-01"};
  const std::vector<std::string> bs = {"", "ya", "tidak"};
  const std::vector<std::string> tps = {"", "ya"};
  const std::vector<std::string> ks = {"", "becak", "petani"};
  std::vector<Record> records;
  size_t i = 0;
  for (const std::string& n : ns) {
    for (const std::string& m : ms) {
      for (const std::string& t : ts) {
        for (const std::string& b : bs) {
          for (const std::string& k : ks) {
            Record r(rules);
            EXPECT_TRUE(r.Set("nik", niks[i % niks.size()]).ok());
            EXPECT_TRUE(r.Set("n", n).ok());
            EXPECT_TRUE(r.Set("m", m).ok());
            EXPECT_TRUE(r.Set("t", t).ok());
            EXPECT_TRUE(r.Set("b", b).ok());
            EXPECT_TRUE(r.Set("tp", tps[i % tps.size()]).ok());
            EXPECT_TRUE(r.Set("k", k).ok());
            records.push_back(std::move(r));
            ++i;
          }
        }
      }
    }
  }
  return records;
}

TEST(FusedNodes, DecideAsTheirGeneralForms) {
  for (const Shape& shape : Shapes()) {
    RuleSet fused = testing::RulesWith(shape.fused);
    RuleSet general = testing::RulesWith(shape.general);
    std::vector<Record> records = Records(fused);
    for (size_t i = 0; i < records.size(); ++i) {
      std::span<const Value> values = records[i].values();
      Decision a = fused.Evaluate(values), b = general.Evaluate(values);
      ASSERT_EQ(a.status, b.status) << shape.fused << ", record " << i;
      ASSERT_EQ(a.outcome(0), b.outcome(0)) << shape.fused << ", record " << i;
    }
  }
}

TEST(FusedNodes, ShortRecordsReadAsMissing) {
  // slots past the end of a record are missing (tp then takes its default, false)
  for (const Shape& shape : Shapes()) {
    RuleSet rules = testing::RulesWith(shape.fused);
    for (const Record& record : Records(rules)) {
      std::span<const Value> values = record.values();
      for (size_t size = 1; size <= values.size(); size += 3) {
        std::vector<Value> padded(values.begin(), values.begin() + size);
        padded.resize(values.size());
        Decision a = rules.Evaluate(values.first(size)), b = rules.Evaluate(padded);
        ASSERT_EQ(a.status, b.status) << shape.fused << ", size " << size;
        ASSERT_EQ(a.invalid_slot, b.invalid_slot);
        ASSERT_EQ(a.outcome(0), b.outcome(0)) << shape.fused << ", size " << size;
      }
    }
  }
}

}  // namespace
}  // namespace aturan
