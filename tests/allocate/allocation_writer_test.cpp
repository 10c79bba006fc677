// The AllocationWriter's lines, CSV and JSON Lines, for every kind of row: selected with and
// without an area (one with a 16-digit NIK), waitlisted in an area's line and in a pool without areas, eligible but
// taken by no pool, ineligible and invalid; the same bytes whether chunks are added as
// tables or extracted first (as the pipeline's workers do) and added in order; and input
// row numbers kept when they do not simply count 1, 2, 3, ...
#include "allocate/allocation_writer.hpp"

#include <cstdio>
#include <string>
#include <vector>

#include "allocate/quota_test_list.hpp"
#include "aturan/batch.hpp"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace aturan::internal {
namespace {

using ::testing::ElementsAre;
using testing::Person;
using testing::Rules;
using testing::TableOf;

// Two pools: Ketua RT shared over kelurahan A and B (one seat each), then one kader seat.
const char* const kQuota = R"(quota:
  pools:
    - {id: rt, name: Ketua RT, when: 'kategori == "rt"', by: kel, basis: fixed, areas: {A: 1, B: 1}}
    - {id: kader, when: 'kategori == "kader"', seats: 1})";

std::vector<Person> People() {
  return {
      {.nik = "N1", .kel = "A", .skor = 9, .kategori = "rt"},     // selected in A
      {.nik = "N2", .kel = "A", .skor = 8, .kategori = "rt"},     // waits 1st in A
      {.nik = "N3", .kel = "B", .skor = 7, .kategori = "rt"},     // selected in B
      {.nik = "N4", .kel = "A", .skor = 6, .kategori = "rt"},     // waits 2nd in A
      // The kader seat; a 16-digit id, kept as a number, comes back with its leading zero.
      {.nik = "0375016201860001", .kel = "C", .skor = 5, .kategori = "kader"},
      {.nik = "N6", .kel = "C", .skor = 4, .kategori = "kader"},  // waits 1st for kader
      {.nik = "N7", .kel = "C", .skor = 3, .kategori = "lain"},   // no pool takes them
      {.nik = "N,8", .kel = "B", .skor = 2, .layak = false},      // ineligible
  };
}

// The lines `writer` writes for `allocation`.
std::vector<std::string> Lines(const AllocationWriter& writer, const Allocation& allocation) {
  std::FILE* file = std::tmpfile();
  EXPECT_TRUE(writer.Write(allocation, file).ok());
  std::string text(static_cast<size_t>(std::ftell(file)), '\0');
  std::rewind(file);
  EXPECT_EQ(std::fread(text.data(), 1, text.size(), file), text.size());
  std::fclose(file);
  std::vector<std::string> lines;
  for (size_t begin = 0, end; begin < text.size(); begin = end + 1) {
    end = text.find('\n', begin);
    lines.push_back(text.substr(begin, end - begin));
  }
  return lines;
}

// The list decided and allocated, with a writer that took the rows as one table.
struct Written {
  Written(const RuleSet& rules, DecisionFormat format) : table(TableOf(rules, People())), decisions(table.size()), writer(rules, format) {
    EvaluateTable(table, decisions, 1);
    absl::StatusOr<Allocation> result = Allocate(table, decisions);
    EXPECT_TRUE(result.ok()) << result.status();
    allocation = *std::move(result);
    writer.Add(writer.Extract(table, decisions));
  }
  CandidateTable table;
  std::vector<Decision> decisions;
  AllocationWriter writer;
  Allocation allocation;
};

TEST(AllocationWriter, CsvLinesForEveryKindOfRow) {
  const RuleSet rules = Rules(kQuota);
  const Written run(rules, DecisionFormat::kCsv);
  EXPECT_THAT(
      Lines(run.writer, run.allocation),
      ElementsAre(
          "row,nik,status,pool,area,rank,score,failed,reasons", "1,N1,selected,rt,A,,9,,",
          "2,N2,waitlisted,rt,A,1,8,kuota,\"Anda memenuhi syarat, tetapi kuota Ketua RT untuk Kelurahan A sudah "
          "terisi. Anda berada di urutan tunggu ke-1.\"",
          "3,N3,selected,rt,B,,7,,",
          "4,N4,waitlisted,rt,A,2,6,kuota,\"Anda memenuhi syarat, tetapi kuota Ketua RT untuk Kelurahan A sudah "
          "terisi. Anda berada di urutan tunggu ke-2.\"",
          "5,0375016201860001,selected,kader,,,5,,",
          "6,N6,waitlisted,kader,,1,4,kuota,\"Anda memenuhi syarat, tetapi kuota kader sudah terisi. Anda berada di "
          "urutan tunggu ke-1.\"",
          "7,N7,ineligible,,,,3,kuota,\"Anda memenuhi syarat, tetapi tidak termasuk satu pun kelompok kuota program "
          "ini.\"",
          "8,\"N,8\",ineligible,,,,2,layak,\"tidak layak\""));
}

TEST(AllocationWriter, JsonLinesForEveryKindOfRow) {
  const RuleSet rules = Rules(kQuota);
  const Written run(rules, DecisionFormat::kJsonLines);
  const std::vector<std::string> lines = Lines(run.writer, run.allocation);
  ASSERT_EQ(lines.size(), 8u);
  EXPECT_EQ(lines[0],
            R"({"row":1,"nik":"N1","status":"selected","pool":"rt","area":"A","rank":0,"score":9,"failed":[],"reasons":[]})");
  EXPECT_EQ(lines[3],
            R"({"row":4,"nik":"N4","status":"waitlisted","pool":"rt","area":"A","rank":2,"score":6,"failed":["kuota"],)"
            R"("reasons":["Anda memenuhi syarat, tetapi kuota Ketua RT untuk Kelurahan A sudah terisi. Anda berada di )"
            R"(urutan tunggu ke-2."]})");
  EXPECT_EQ(lines[4],
            R"({"row":5,"nik":"0375016201860001","status":"selected","pool":"kader","area":null,"rank":0,"score":5,)"
            R"("failed":[],"reasons":[]})");
  EXPECT_EQ(run.writer.Id(4), "0375016201860001");
  EXPECT_EQ(run.writer.Id(7), "N,8");
  EXPECT_EQ(lines[5],
            R"({"row":6,"nik":"N6","status":"waitlisted","pool":"kader","area":null,"rank":1,"score":4,"failed":["kuota"],)"
            R"("reasons":["Anda memenuhi syarat, tetapi kuota kader sudah terisi. Anda berada di urutan tunggu ke-1."]})");
  EXPECT_EQ(lines[6],
            R"({"row":7,"nik":"N7","status":"ineligible","pool":null,"area":null,"rank":0,"score":3,"failed":["kuota"],)"
            R"("reasons":["Anda memenuhi syarat, tetapi tidak termasuk satu pun kelompok kuota program ini."]})");
  EXPECT_EQ(lines[7],
            R"({"row":8,"nik":"N,8","status":"ineligible","pool":null,"area":null,"rank":0,"score":2,"failed":["layak"],)"
            R"("reasons":["tidak layak"]})");
}

TEST(AllocationWriter, ChunksExtractedAndAddedInOrderWriteTheSameLines) {
  const RuleSet rules = Rules(kQuota);
  for (const DecisionFormat format : {DecisionFormat::kCsv, DecisionFormat::kJsonLines}) {
    const Written whole(rules, format);
    // The same rows in chunks of 3, 1 and 4 rows, extracted out of order, added in order.
    AllocationWriter chunked(rules, format);
    std::vector<AllocationWriter::Chunk> extracted(3);
    const std::vector<std::pair<size_t, size_t>> ranges = {{0, 3}, {3, 4}, {4, 8}};
    for (const size_t c : {2, 0, 1}) {
      const std::vector<Person> all = People();
      const std::vector<Person> part(all.begin() + static_cast<long>(ranges[c].first),
                                     all.begin() + static_cast<long>(ranges[c].second));
      CandidateTable table = TableOf(rules, part);
      std::vector<Decision> decisions(table.size());
      EvaluateTable(table, decisions, 1);
      extracted[c] = chunked.Extract(table, decisions);
      // Each chunk's table numbers its rows from 1; as parts of the list they follow on.
      EXPECT_TRUE(extracted[c].source_rows.empty());
      EXPECT_EQ(extracted[c].first_source_row, 1u);
      extracted[c].first_source_row = ranges[c].first + 1;
    }
    for (const AllocationWriter::Chunk& chunk : extracted) chunked.Add(chunk);
    EXPECT_EQ(Lines(chunked, whole.allocation), Lines(whole.writer, whole.allocation));
  }
}

// The row column of each line, in order.
std::vector<std::string> RowColumn(const std::vector<std::string>& lines) {
  std::vector<std::string> rows;
  for (size_t i = 1; i < lines.size(); ++i) rows.push_back(lines[i].substr(0, lines[i].find(',')));
  return rows;
}

TEST(AllocationWriter, RowsKeepInputNumbersThatSkip) {
  const RuleSet rules = Rules(kQuota);
  const Written whole(rules, DecisionFormat::kCsv);
  const std::vector<std::string> lines = Lines(whole.writer, whole.allocation);
  EXPECT_THAT(RowColumn(lines), ElementsAre("1", "2", "3", "4", "5", "6", "7", "8"));
  // Chunks of 3, 1 and 4 rows: the first numbered 1-3 as a list's are, the second after a gap
  // (its rows numbered on from its first), the last with numbers of its own. Every other
  // column is unchanged.
  AllocationWriter numbered(rules, DecisionFormat::kCsv);
  const std::vector<std::pair<size_t, size_t>> ranges = {{0, 3}, {3, 4}, {4, 8}};
  const std::vector<Person> all = People();
  for (size_t c = 0; c < ranges.size(); ++c) {
    CandidateTable table = TableOf(rules, std::vector<Person>(all.begin() + static_cast<long>(ranges[c].first),
                                                              all.begin() + static_cast<long>(ranges[c].second)));
    std::vector<Decision> decisions(table.size());
    EvaluateTable(table, decisions, 1);
    AllocationWriter::Chunk chunk = numbered.Extract(table, decisions);
    if (c == 1) chunk.first_source_row = 10;
    if (c == 2) chunk.source_rows = {40, 30, 20, 21};
    numbered.Add(chunk);
  }
  EXPECT_EQ(numbered.size(), 8u);
  EXPECT_EQ(numbered.source_row(2), 3u);
  EXPECT_EQ(numbered.source_row(3), 10u);
  EXPECT_EQ(numbered.source_row(4), 40u);
  const std::vector<std::string> renumbered = Lines(numbered, whole.allocation);
  EXPECT_THAT(RowColumn(renumbered), ElementsAre("1", "2", "3", "10", "40", "30", "20", "21"));
  ASSERT_EQ(renumbered.size(), lines.size());
  for (size_t i = 1; i < lines.size(); ++i) {
    EXPECT_EQ(renumbered[i].substr(renumbered[i].find(',')), lines[i].substr(lines[i].find(','))) << i;
  }
}

TEST(AllocationWriter, ATableWhoseRowsSkipNumbersKeepsThem) {
  const RuleSet rules = Rules(kQuota);
  CandidateTable table = TableOf(rules, People());
  // A host's table numbered its own way: rows 7, 8, then 100 onwards.
  CandidateTable renumbered(rules);
  for (size_t r = 0; r < table.size(); ++r) {
    const size_t row = renumbered.AddRow(r < 2 ? 7 + r : 98 + r);
    for (int slot = 0; slot < static_cast<int>(rules.fields().size()); ++slot) renumbered.Set(row, slot, table.Get(r, slot));
  }
  std::vector<Decision> decisions(renumbered.size());
  EvaluateTable(renumbered, decisions, 1);
  const absl::StatusOr<Allocation> allocation = Allocate(renumbered, decisions);
  ASSERT_TRUE(allocation.ok()) << allocation.status();
  AllocationWriter writer(rules, DecisionFormat::kCsv);
  writer.Add(writer.Extract(renumbered, decisions));
  EXPECT_THAT(RowColumn(Lines(writer, *allocation)), ElementsAre("7", "8", "100", "101", "102", "103", "104", "105"));
}

}  // namespace
}  // namespace aturan::internal
