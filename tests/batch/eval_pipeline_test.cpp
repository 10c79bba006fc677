// The batch path on a generated list of 100k rows: the same decisions as the per-candidate
// API, the same output bytes for any number of threads and any chunk size, every row once.
#include "batch/eval_pipeline.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "aturan/batch.hpp"
#include "aturan/list_reader.hpp"
#include "aturan/record.hpp"
#include "ingest/csv_reader.hpp"

namespace aturan::internal {
namespace {

constexpr int kRows = 100000;

RuleSet Pekalongan2023() {
  absl::StatusOr<RuleSet> rules = RuleSet::FromFile(ATURAN_SOURCE_DIR "/rules/pekalongan-2023-revisi.yaml");
  EXPECT_TRUE(rules.ok()) << rules.status();
  return *rules;
}

// A generated list of kRows rows with 5% bad rows, made once per test process.
const std::string& GeneratedList() {
  static const std::string path = [] {
    std::string file = ::testing::TempDir() + "/aturan_batch_list_" + std::to_string(getpid()) + ".csv";
    std::string command = std::string("'") + ATURAN_CLI_PATH + "' generate '" + ATURAN_SOURCE_DIR +
                          "/rules/pekalongan-2023-revisi.yaml' --rows " + std::to_string(kRows) +
                          " --seed 7 --bad-share 0.05 -o '" + file + "' 2>/dev/null";
    EXPECT_EQ(std::system(command.c_str()), 0) << command;
    return file;
  }();
  return path;
}

std::string ReadBack(std::FILE* file) {
  std::string text;
  std::rewind(file);
  char buffer[65536];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0) text.append(buffer, n);
  return text;
}

struct PipelineOutput {
  std::string decisions;
  std::string rejects;
  EvalSummary summary;
};

PipelineOutput RunPipeline(const RuleSet& rules, int threads, size_t chunk_rows, DecisionFormat format) {
  ListOptions list_options;
  list_options.chunk_rows = chunk_rows;
  absl::StatusOr<std::unique_ptr<RawChunkReader>> reader =
      RawChunkReader::Open(rules, GeneratedList(), {}, list_options);
  EXPECT_TRUE(reader.ok()) << reader.status();
  EvalPipelineOptions options;
  options.threads = threads;
  options.format = format;
  options.group_slot = rules.FieldSlot("pekerjaan");
  std::FILE* decisions = std::tmpfile();
  std::FILE* rejects = std::tmpfile();
  absl::StatusOr<EvalSummary> summary = RunEvalPipeline(**reader, options, decisions, rejects);
  EXPECT_TRUE(summary.ok()) << summary.status();
  PipelineOutput out{ReadBack(decisions), ReadBack(rejects), summary.ok() ? *summary : EvalSummary{}};
  std::fclose(decisions);
  std::fclose(rejects);
  return out;
}

TEST(EvalPipeline, OutputDoesNotDependOnThreadsOrChunks) {
  RuleSet rules = Pekalongan2023();
  PipelineOutput one = RunPipeline(rules, 1, 16384, DecisionFormat::kCsv);
  for (auto [threads, chunk] : {std::pair{2, 16384}, std::pair{4, 1000}, std::pair{3, 777}}) {
    PipelineOutput other = RunPipeline(rules, threads, static_cast<size_t>(chunk), DecisionFormat::kCsv);
    EXPECT_TRUE(other.decisions == one.decisions) << threads << " threads, chunks of " << chunk;
    EXPECT_TRUE(other.rejects == one.rejects) << threads << " threads, chunks of " << chunk;
    EXPECT_EQ(other.summary.by_status, one.summary.by_status);
    EXPECT_EQ(other.summary.failed_by_rule, one.summary.failed_by_rule);
  }
  PipelineOutput json_one = RunPipeline(rules, 1, 4096, DecisionFormat::kJsonLines);
  PipelineOutput json_two = RunPipeline(rules, 2, 16384, DecisionFormat::kJsonLines);
  EXPECT_TRUE(json_one.decisions == json_two.decisions);
}

TEST(EvalPipeline, EveryInputRowOnceInOrder) {
  RuleSet rules = Pekalongan2023();
  PipelineOutput out = RunPipeline(rules, 2, 5000, DecisionFormat::kCsv);
  CsvReader lines = CsvReader::FromString(out.decisions);
  ASSERT_EQ(lines.header(), (std::vector<std::string>{"row", "nik", "status", "failed", "reasons", "score"}));
  CsvRecord record;
  uint64_t expected_row = 0;
  std::array<uint64_t, 3> statuses{};
  while (lines.Next(&record)) {
    ASSERT_TRUE(record.problem().empty()) << record.line();
    ASSERT_EQ(record.fields().size(), 6u);
    ASSERT_EQ(record.fields()[0], std::to_string(++expected_row));
    const std::string_view status = record.fields()[2];
    statuses[status == "eligible" ? 0 : status == "ineligible" ? 1 : 2]++;
    if (status == "invalid") {
      EXPECT_TRUE(record.fields()[3].starts_with("input")) << record.line();
    }
  }
  EXPECT_GE(expected_row, static_cast<uint64_t>(kRows));  // rows with line breaks in quotes count once
  EXPECT_EQ(out.summary.rows, expected_row);
  EXPECT_EQ(statuses, out.summary.by_status);
  EXPECT_GT(statuses[0], 0u);
  EXPECT_GT(statuses[1], 0u);
  EXPECT_GT(statuses[2], 0u);
  // Every invalid row has at least one error line in the rejects file.
  CsvReader rejects = CsvReader::FromString(out.rejects);
  uint64_t error_rows = 0;
  std::string last_row;
  while (rejects.Next(&record)) {
    if (record.fields()[4] == "error" && record.fields()[0] != last_row) {
      ++error_rows;
      last_row = std::string(record.fields()[0]);
    }
  }
  EXPECT_EQ(error_rows, statuses[2]);
}

// The batch path (ListReader + EvaluateTable) decides each row exactly as a Record filled
// from the same CSV fields and RuleSet::Evaluate do.
TEST(EvalPipeline, BatchEqualsThePerCandidateApi) {
  RuleSet rules = Pekalongan2023();
  absl::StatusOr<std::unique_ptr<ListReader>> reader = ListReader::Open(rules, GeneratedList());
  ASSERT_TRUE(reader.ok()) << reader.status();
  absl::StatusOr<CsvReader> csv = CsvReader::Open(GeneratedList());
  ASSERT_TRUE(csv.ok());
  const std::vector<std::string> header = csv->header();
  CsvRecord record;
  CandidateTable table(rules);
  std::vector<Decision> decisions;
  uint64_t compared = 0;
  uint64_t invalid = 0;
  while ((*reader)->Next(&table)) {
    decisions.resize(table.size());
    EvaluateTable(table, decisions, 2);
    for (size_t row = 0; row < table.size(); ++row) {
      ASSERT_TRUE(csv->Next(&record));
      ASSERT_EQ(record.record_number(), table.source_row(row));
      if (table.invalid(row)) {
        ++invalid;
        EXPECT_EQ(decisions[row].status, Status::kInvalid);
        continue;
      }
      Record candidate(rules);
      for (size_t column = 0; column < header.size(); ++column) {
        ASSERT_TRUE(candidate.Set(header[column], record.fields()[column]).ok())
            << "row " << table.source_row(row) << " " << header[column];
      }
      Decision expected = candidate.Evaluate();
      ASSERT_EQ(decisions[row].status, expected.status) << "row " << table.source_row(row);
      EXPECT_EQ(decisions[row].failed, expected.failed);
      EXPECT_EQ(decisions[row].unknown, expected.unknown);
      EXPECT_EQ(decisions[row].score, expected.score);
      ++compared;
    }
  }
  EXPECT_FALSE(csv->Next(&record));
  EXPECT_GT(compared, static_cast<uint64_t>(kRows) * 9 / 10);
  EXPECT_GT(invalid, 0u);
}

}  // namespace
}  // namespace aturan::internal
