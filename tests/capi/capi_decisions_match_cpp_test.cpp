// Decisions through the C API equal the C++ API's on a generated list of 10,000 candidates:
// every cell set by slot from its text (aliases, Rp amounts, DD-MM-YYYY, defects and all), and
// the same cell given to aturan::Record::Set. Also from several threads sharing one rule set.
#include <thread>
#include <vector>

#include "aturan/aturan.h"
#include "aturan/record.hpp"
#include "capi/capi_handles.hpp"
#include "capi/generated_list.hpp"
#include "capi/same_decision.hpp"
#include "gtest/gtest.h"
#include "ingest/csv_reader.hpp"

namespace aturan::testing {
namespace {

// The generated list's rows as text, header first.
std::vector<std::vector<std::string>> ReadRows(std::vector<std::string>* header) {
  absl::StatusOr<CsvReader> reader = CsvReader::Open(GeneratedList());
  EXPECT_TRUE(reader.ok()) << reader.status();
  std::vector<std::vector<std::string>> rows;
  if (!reader.ok()) return rows;
  *header = reader->header();
  CsvRecord record;
  while (reader->Next(&record)) rows.emplace_back(record.fields().begin(), record.fields().end());
  EXPECT_TRUE(reader->status().ok()) << reader->status();
  return rows;
}

// The C API status that the C++ Record's status for the same text corresponds to.
aturan_status Expected(const absl::Status& status) {
  if (status.ok()) return ATURAN_OK;
  if (status.code() == absl::StatusCode::kOutOfRange) return ATURAN_ERROR_NOT_IN_LIST;
  return ATURAN_ERROR_INVALID_ARGUMENT;
}

// Decides `rows` through the C API with one buffer, columns given by `slots`.
std::vector<aturan_decision> DecideRows(const aturan_rules* rules, const std::vector<int32_t>& slots,
                                        const std::vector<std::vector<std::string>>& rows) {
  Candidate candidate = NewCandidate(rules);
  std::vector<aturan_decision> decisions(rows.size());
  for (size_t r = 0; r < rows.size(); ++r) {
    aturan_candidate_clear(candidate.get(), nullptr);
    for (size_t c = 0; c < slots.size() && c < rows[r].size(); ++c) {
      aturan_candidate_set_text(candidate.get(), slots[c], rows[r][c].c_str(), nullptr);
    }
    aturan_evaluate(candidate.get(), &decisions[r], nullptr);
  }
  return decisions;
}

TEST(CapiDecisionsMatchCpp, EveryRowOfAGeneratedListOf10000) {
  std::vector<std::string> header;
  const std::vector<std::vector<std::string>> rows = ReadRows(&header);
  ASSERT_EQ(rows.size(), 10000u);
  Rules rules = LoadRules(kGeneratedRules);
  const absl::StatusOr<RuleSet> cpp = RuleSet::FromFile(std::string(ATURAN_SOURCE_DIR) + "/" + kGeneratedRules);
  ASSERT_TRUE(cpp.ok()) << cpp.status();
  std::vector<int32_t> slots;
  for (const std::string& column : header) slots.push_back(SlotOf(rules.get(), column.c_str()));

  Candidate candidate = NewCandidate(rules.get());
  std::array<int, 3> by_status{};
  int set_errors = 0;
  for (size_t r = 0; r < rows.size(); ++r) {
    ASSERT_EQ(aturan_candidate_clear(candidate.get(), nullptr), ATURAN_OK);
    Record record(*cpp);
    for (size_t c = 0; c < header.size() && c < rows[r].size(); ++c) {  // a malformed row may be short
      const aturan_status set = aturan_candidate_set_text(candidate.get(), slots[c], rows[r][c].c_str(), nullptr);
      const absl::Status cpp_set = record.Set(header[c], rows[r][c]);
      ASSERT_EQ(set, Expected(cpp_set)) << "row " << r + 1 << " " << header[c] << "='" << rows[r][c] << "': " << cpp_set;
      if (set != ATURAN_OK) ++set_errors;
    }
    aturan_decision decision;
    ASSERT_EQ(aturan_evaluate(candidate.get(), &decision, nullptr), ATURAN_OK);
    SCOPED_TRACE("row " + std::to_string(r + 1));
    ExpectSameDecision(decision, record.Evaluate(), *cpp);
    ++by_status[static_cast<size_t>(decision.status)];
    if (r % 500 == 0) {
      CString text;
      ASSERT_EQ(aturan_explain(candidate.get(), text.out(), nullptr), ATURAN_OK);
      EXPECT_EQ(text.str(), record.Explain().ToText());
    }
  }
  // The list exercises every status and some unreadable cells, so the comparison covers them.
  EXPECT_GT(by_status[ATURAN_ELIGIBLE], 0);
  EXPECT_GT(by_status[ATURAN_INELIGIBLE], 0);
  EXPECT_GT(by_status[ATURAN_INVALID], 0);
  EXPECT_GT(set_errors, 0);
}

TEST(CapiDecisionsMatchCpp, ThreadsSharingOneRuleSetDecideAsOneThreadDoes) {
  std::vector<std::string> header;
  const std::vector<std::vector<std::string>> rows = ReadRows(&header);
  Rules rules = LoadRules(kGeneratedRules);
  std::vector<int32_t> slots;
  for (const std::string& column : header) slots.push_back(SlotOf(rules.get(), column.c_str()));
  const std::vector<aturan_decision> alone = DecideRows(rules.get(), slots, rows);

  constexpr size_t kThreads = 4;
  std::vector<std::vector<aturan_decision>> each(kThreads);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] { each[t] = DecideRows(rules.get(), slots, rows); });
  }
  for (std::thread& thread : threads) thread.join();
  for (size_t t = 0; t < kThreads; ++t) {
    ASSERT_EQ(each[t].size(), alone.size());
    for (size_t r = 0; r < alone.size(); ++r) {
      ASSERT_EQ(each[t][r].status, alone[r].status) << "thread " << t << " row " << r + 1;
      ASSERT_EQ(each[t][r].score, alone[r].score);
      ASSERT_EQ(each[t][r].failed_count, alone[r].failed_count);
    }
  }
}

}  // namespace
}  // namespace aturan::testing
