// `aturan allocate` on the command line: a generated city list allocated with every row once,
// in order, the same for 1 and 2 threads, with the summary agreeing with the file; JSON Lines;
// an area table from --areas; bad area tables and rule files without a quota refused.
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include "cli/cli_files.hpp"
#include "cli/run_cli.hpp"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest/csv_reader.hpp"

namespace aturan {
namespace {

using ::testing::HasSubstr;
using testing::CliResult;
using testing::RunCli;
using testing::ReadAll;
using testing::TempPath;
using testing::JsonNumber;
using testing::ReadAllocation;
using testing::AllocationRow;

// A city list of `rows` rows from the generator (written once per process and size).
std::string GeneratedList(int rows) { return testing::GeneratedList(rows, 5); }

TEST(AllocateCli, GeneratedCityListIsAllocatedWithEveryRowOnce) {
  const std::string list = GeneratedList(20000);
  const std::string out1 = TempPath("alokasi1.csv");
  const std::string out2 = TempPath("alokasi2.csv");
  const CliResult r1 =
      RunCli("allocate rules/pekalongan-2023-revisi.yaml '" + list + "' -o '" + out1 + "' --threads 1 --json");
  ASSERT_EQ(r1.exit_code, 0) << r1.output;
  const CliResult r2 = RunCli("allocate rules/pekalongan-2023-revisi.yaml '" + list + "' -o '" + out2 + "' --threads 2");
  ASSERT_EQ(r2.exit_code, 0) << r2.output;
  EXPECT_EQ(ReadAll(out1), ReadAll(out2));
  EXPECT_THAT(r2.output, HasSubstr("basis population, largest_remainder"));

  const std::vector<AllocationRow> rows = ReadAllocation(out1);
  ASSERT_EQ(rows.size(), 20000u);
  std::map<std::string, long long> by_status;
  std::map<std::string, std::vector<long long>> ranks_by_area;
  for (size_t i = 0; i < rows.size(); ++i) {
    const AllocationRow& row = rows[i];
    EXPECT_EQ(row.row, std::to_string(i + 1));
    ++by_status[row.status];
    if (row.status == "selected") {
      EXPECT_FALSE(row.area.empty());
      EXPECT_TRUE(row.rank.empty());
      EXPECT_TRUE(row.failed.empty());
    } else if (row.status == "waitlisted") {
      EXPECT_EQ(row.failed, "kuota");
      EXPECT_THAT(row.reasons, HasSubstr("urutan tunggu ke-" + row.rank));
      ranks_by_area[row.area].push_back(std::stoll(row.rank));
    } else {
      EXPECT_TRUE(row.pool.empty());
      EXPECT_FALSE(row.failed.empty()) << "row " << row.row;
    }
  }
  EXPECT_EQ(by_status["selected"], 1000);
  EXPECT_GT(by_status["waitlisted"], 1000);
  // Each kelurahan's waiting line is numbered 1, 2, 3, ... (rows are in input order, not rank order).
  for (auto& [area, ranks] : ranks_by_area) {
    std::sort(ranks.begin(), ranks.end());
    for (size_t i = 0; i < ranks.size(); ++i) ASSERT_EQ(ranks[i], static_cast<long long>(i + 1)) << area;
  }
  // The JSON summary agrees with the file, and costs 1,000 × Rp16,800 × 12.
  EXPECT_EQ(JsonNumber(r1.output, "rows"), 20000);
  EXPECT_EQ(JsonNumber(r1.output, "selected"), by_status["selected"]);
  EXPECT_EQ(JsonNumber(r1.output, "waitlisted"), by_status["waitlisted"]);
  EXPECT_EQ(JsonNumber(r1.output, "ineligible"), by_status["ineligible"]);
  EXPECT_EQ(JsonNumber(r1.output, "invalid"), by_status["invalid"]);
  EXPECT_EQ(JsonNumber(r1.output, "total_cost"), 201600000);
}

TEST(AllocateCli, WritesJsonLines) {
  const std::string out = TempPath("alokasi.jsonl");
  const CliResult r = RunCli("allocate rules/pekalongan-2023-revisi.yaml examples/lists/pekalongan-sample.csv -o '" + out + "'");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string text = ReadAll(out);
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 500);
  EXPECT_THAT(text, HasSubstr("{\"row\":1,\"nik\":"));
  EXPECT_THAT(text, HasSubstr("\"status\":\"selected\",\"pool\":\"" ));
  EXPECT_THAT(text, HasSubstr("\"status\":\"invalid\",\"pool\":null,\"area\":null,\"rank\":0"));
  EXPECT_THAT(text, HasSubstr("\"errors\":[{\"column\":"));
}

TEST(AllocateCli, AnAreaTableFromTheCommandLineReplacesThePopulation) {
  const std::string areas = TempPath("penduduk.csv");
  std::ofstream(areas) << "kelurahan,penduduk\nMedono,100\nKauman,0\n";
  const CliResult r = RunCli("allocate rules/pekalongan-2023-revisi.yaml examples/lists/pekalongan-sample.csv -o '" +
                             TempPath("a.csv") + "' --areas '" + areas + "' --json");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_THAT(r.output, HasSubstr("\"area\":\"33.75.01.1002\",\"name\":\"Medono\",\"basis\":100,\"quota\":1000"));
  // Every other kelurahan with candidates is reported: it has no population in the table.
  EXPECT_THAT(r.output, HasSubstr("area 33.75.01.1003 (Podosugih) has"));
}

TEST(AllocateCli, ABadAreaTableNamesItsLine) {
  const std::string areas = TempPath("rusak.csv");
  std::ofstream(areas) << "kelurahan,penduduk\nMedono,100\nAtlantis,5\n";
  const CliResult r = RunCli("allocate rules/pekalongan-2023-revisi.yaml examples/lists/pekalongan-sample.csv --areas '" +
                             areas + "'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.output, HasSubstr("rusak.csv:3: 'Atlantis' is not in the list 'kelurahan'"));
  std::ofstream(areas) << "kelurahan,penduduk\nMedono,banyak\n";
  const CliResult bad_number = RunCli(
      "allocate rules/pekalongan-2023-revisi.yaml examples/lists/pekalongan-sample.csv --areas '" + areas + "'");
  EXPECT_EQ(bad_number.exit_code, 2);
  EXPECT_THAT(bad_number.output, HasSubstr("rusak.csv:2: column 'penduduk': 'banyak' is not a whole number"));
}

TEST(AllocateCli, ExplainsOnePersonByNik) {
  // The sample list's first row is selected; an unknown NIK is said to be absent.
  const std::string out = TempPath("explain.csv");
  const CliResult r = RunCli("allocate rules/pekalongan-2023-revisi.yaml examples/lists/pekalongan-sample.csv -o '" + out +
                             "' --explain 3375042009990001 --explain 1111111111111111");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_THAT(r.output, HasSubstr("NIK 3375042009990001 (baris 1): selected\n  Terpilih dalam kuota Batik Berlian di "
                                  "Buaran Kradenan (33.75.04.1003)"));
  EXPECT_THAT(r.output, HasSubstr("NIK 1111111111111111: tidak ada dalam daftar"));
}

TEST(AllocateCli, DtksBasedQuotaOfTwentyTwentyTwo) {
  const CliResult r = RunCli("allocate rules/pekalongan-2022.yaml '" + GeneratedList(20000) + "' -o '" +
                             TempPath("2022.csv") + "' --json");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(JsonNumber(r.output, "selected"), 423);
  EXPECT_THAT(r.output, HasSubstr("\"basis\":\"dtks\""));
  EXPECT_EQ(JsonNumber(r.output, "total_cost"), 423LL * 16800 * 12);
}

TEST(AllocateCli, RefusesToWriteOverTheAreaTable) {
  const std::string areas = TempPath("allocate_areas_as_output.csv");
  { std::ofstream(areas) << "kode_kelurahan,population\n33.75.01.1001,100\n"; }
  const CliResult r = RunCli("allocate rules/pekalongan-2023-revisi.yaml examples/lists/pekalongan-sample.csv --areas '" +
                             areas + "' -o '" + areas + "'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.output, HasSubstr("-o " + areas + " is " + areas + ", which is read too"));
  EXPECT_EQ(ReadAll(areas), "kode_kelurahan,population\n33.75.01.1001,100\n");
  std::remove(areas.c_str());
}

TEST(AllocateCli, SaysSoWhenTheAllocationCannotBeWritten) {
  if (!std::ifstream("/dev/full").good()) GTEST_SKIP() << "no /dev/full";
  const std::string rejects = ::testing::TempDir() + "/allocate_full_rejects.csv";
  const CliResult r = RunCli("allocate rules/pekalongan-2023-revisi.yaml examples/lists/pekalongan-sample.csv "
                             "-o /dev/full --rejects '" + rejects + "'");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_THAT(r.output, HasSubstr("/dev/full"));
  EXPECT_THAT(r.output, HasSubstr("No space left on device"));
  EXPECT_THAT(r.output, Not(HasSubstr("allocated in")));
  std::remove(rejects.c_str());
}

TEST(AllocateCli, RulesWithoutAQuotaAreRefused) {
  std::string rules = ReadAll(std::string(ATURAN_SOURCE_DIR) + "/rules/pekalongan-2023-revisi.yaml");
  const size_t quota = rules.find("\nquota:");
  ASSERT_NE(quota, std::string::npos);
  rules.erase(quota + 1, rules.find("\n\n", quota + 1) - quota);
  const std::string path = TempPath("tanpa-kuota.yaml");
  std::ofstream(path) << rules;
  const CliResult r = RunCli("allocate '" + path + "' examples/lists/pekalongan-sample.csv");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.output, HasSubstr("has no quota section"));
}

}  // namespace
}  // namespace aturan
