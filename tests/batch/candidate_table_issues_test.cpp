// CandidateTable's issues: each row gets exactly the issues added for it, whether they are
// added as each row is added or once all the rows are there, and an error makes a row invalid.
#include <string>

#include "aturan/candidate_table.hpp"
#include "aturan/rule_set.hpp"
#include "gtest/gtest.h"

namespace aturan {
namespace {

RuleSet OneFieldRules() {
  absl::StatusOr<RuleSet> rules = RuleSet::FromString(R"(aturan: 1
regulation: {id: uji-isu, title: Uji isu, region: "33.75", source: tests/batch, effective: 2024-01-01}
schema:
  nik: {type: string, required: true, key: true}
eligibility:
  - {id: selalu, when: "true", reason: selalu}
program:
  name: Uji
  reference_date: 2024-01-01
  coverage_months: 12
  premiums: {jkk: 10000}
)", "isu.yaml");
  EXPECT_TRUE(rules.ok()) << rules.status();
  return *std::move(rules);
}

TEST(CandidateTableIssues, IssuesAddedAfterLaterRowsStayWithTheirRow) {
  CandidateTable table(OneFieldRules());
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
