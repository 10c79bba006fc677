// CandidateTable's rows: GetRows, which reads a block of rows a column at a time for the batch
// evaluator, gives exactly GetRow's values (every type, missing values, any block); and each
// row gets exactly the issues added for it, whether they are added as each row is added or
// once all the rows are there, an error making the row invalid.
#include <random>
#include <string>
#include <vector>

#include "aturan/candidate_table.hpp"
#include "aturan/rule_set.hpp"
#include "gtest/gtest.h"

namespace aturan {
namespace {

RuleSet EveryTypeRules() {
  absl::StatusOr<RuleSet> rules = RuleSet::FromString(R"(aturan: 1
regulation: {id: uji-kolom, title: Uji kolom, region: "33.75", source: tests/batch, effective: 2024-01-01}
schema:
  nik: {type: string, required: true, key: true}
  aktif: {type: bool}
  anak: {type: int}
  gaji: {type: money}
  nilai: {type: decimal}
  lahir: {type: date}
  kel: {type: code, list: kel}
lists:
  kel:
    items:
      - {code: A, name: Kelurahan A}
      - {code: B, name: Kelurahan B}
eligibility:
  - {id: selalu, when: "true", reason: selalu}
program:
  name: Uji
  reference_date: 2024-01-01
  coverage_months: 12
  premiums: {jkk: 10000}
)", "kolom.yaml");
  EXPECT_TRUE(rules.ok()) << rules.status();
  return *std::move(rules);
}

// Values read row by row and a block at a time agree, field by field.
void ExpectSameValues(const Value& a, const Value& b, size_t row, size_t slot) {
  SCOPED_TRACE(testing::Message() << "row " << row << " slot " << slot);
  ASSERT_EQ(a.type(), b.type());
  ASSERT_EQ(a.missing(), b.missing());
  if (a.missing()) return;
  switch (a.type()) {
    case Type::kString:
      EXPECT_EQ(a.as_string(), b.as_string());
      EXPECT_EQ(a.as_string().data(), b.as_string().data());  // both point into the table
      break;
    case Type::kDecimal:
      EXPECT_EQ(a.as_decimal(), b.as_decimal());
      break;
    default:
      EXPECT_EQ(a.as_int(), b.as_int());
  }
}

TEST(CandidateTableRows, GetRowsGivesGetRowsValuesForAnyBlock) {
  const RuleSet rules = EveryTypeRules();
  CandidateTable table(rules);
  std::mt19937 random(3);
  const size_t fields = rules.fields().size();
  for (size_t i = 0; i < 300; ++i) {
    const size_t row = table.AddRow(i + 1);
    for (size_t slot = 0; slot < fields; ++slot) {
      if (slot != 0 && random() % 4 == 0) continue;  // left missing
      const auto s = static_cast<int>(slot);
      const auto n = static_cast<int64_t>(random() % 2000) - 1000;
      switch (rules.fields()[slot].type) {
        case Type::kString:
          table.Set(row, s, Value::String("337501" + std::to_string(i)));
          break;
        case Type::kBool:
          table.Set(row, s, Value::Bool(n > 0));
          break;
        case Type::kInt:
          table.Set(row, s, Value::Int(n));
          break;
        case Type::kMoney:
          table.Set(row, s, Value::Money(n * 1000));
          break;
        case Type::kDecimal:
          table.Set(row, s, Value::Decimal(static_cast<double>(n) / 8));
          break;
        case Type::kDate:
          table.Set(row, s, Value::FromDate(Date{static_cast<int32_t>(n * 20)}));
          break;
        case Type::kCode:
          table.Set(row, s, Value::Code(static_cast<int32_t>(random() % 2)));
          break;
      }
    }
  }
  EXPECT_EQ(table.rows_per_block(), 4096 / fields);  // 64 KB of values
  std::vector<Value> one(fields);
  for (const auto& [begin, count] : std::vector<std::pair<size_t, size_t>>{{0, 300}, {0, 1}, {17, 128}, {299, 1}, {150, 0}}) {
    std::vector<Value> block(count * fields);
    table.GetRows(begin, count, block);
    for (size_t r = 0; r < count; ++r) {
      table.GetRow(begin + r, one);
      for (size_t slot = 0; slot < fields; ++slot) ExpectSameValues(block[r * fields + slot], one[slot], begin + r, slot);
    }
  }
}

TEST(CandidateTableIssues, IssuesAddedAfterLaterRowsStayWithTheirRow) {
  CandidateTable table(EveryTypeRules());
  for (uint64_t source = 10; source < 15; ++source) table.AddRow(source, source * 2);
  table.AddIssue(1, IssueKind::kBadValue, "nik", "x", "first of row 1", true);
  table.AddIssue(1, IssueKind::kNikMismatch, "nik", "x", "second of row 1", false);
  table.AddIssue(3, IssueKind::kNikMismatch, "nik", "y", "only of row 3", false);

  for (size_t row : {0u, 2u, 4u}) {
    EXPECT_TRUE(table.issues(row).empty()) << row;
    EXPECT_FALSE(table.invalid(row)) << row;
  }
  ASSERT_EQ(table.issues(1).size(), 2u);
  EXPECT_EQ(table.issues(1)[0].reason, "first of row 1");
  EXPECT_EQ(table.issues(1)[1].reason, "second of row 1");
  EXPECT_EQ(table.issues(1)[0].row, 11u);
  EXPECT_EQ(table.issues(1)[0].line, 22u);
  EXPECT_TRUE(table.invalid(1));
  ASSERT_EQ(table.issues(3).size(), 1u);
  EXPECT_EQ(table.issues(3)[0].reason, "only of row 3");
  EXPECT_FALSE(table.invalid(3));  // a warning only
  EXPECT_EQ(table.issues().size(), 3u);

  table.Clear();
  EXPECT_EQ(table.size(), 0u);
  EXPECT_TRUE(table.issues().empty());
  const size_t row = table.AddRow(1);
  EXPECT_TRUE(table.issues(row).empty());
}

}  // namespace
}  // namespace aturan
