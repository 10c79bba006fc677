// cli_files.hpp — the files a CLI test writes and reads back: temporary paths, whole files,
// generated lists, numbers in a JSON summary, and the rows of an `aturan allocate` output.
#pragma once

#include <unistd.h>

#include <fstream>
#include <iterator>
#include <regex>
#include <string>
#include <vector>

#include "cli/run_cli.hpp"
#include "gtest/gtest.h"
#include "ingest/csv_reader.hpp"

namespace aturan::testing {

// The whole of file `path` ("" when it cannot be read).
inline std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A path in the test's temporary directory, private to this process (ctest runs tests in
// parallel processes).
inline std::string TempPath(const std::string& name) {
  return ::testing::TempDir() + "/aturan_cli_" + std::to_string(getpid()) + "_" + name;
}

// A list of `rows` rows that `aturan generate` writes for rules/pekalongan-2023-revisi.yaml with
// `seed`, made once per process.
inline std::string GeneratedList(int rows, int seed) {
  const std::string list = TempPath("list_" + std::to_string(rows) + "_" + std::to_string(seed) + ".csv");
  if (ReadAll(list).empty()) {
    const CliResult r = RunCli("generate rules/pekalongan-2023-revisi.yaml --rows " + std::to_string(rows) +
                               " --seed " + std::to_string(seed) + " -o '" + list + "'");
    EXPECT_EQ(r.exit_code, 0) << r.output;
  }
  return list;
}

// The first number after "key": in a JSON text, or -1.
inline long long JsonNumber(const std::string& json, const std::string& key) {
  std::smatch match;
  if (!std::regex_search(json, match, std::regex("\"" + key + "\":([0-9]+)"))) return -1;
  return std::stoll(match[1]);
}

// One line of an `aturan allocate` CSV output.
struct AllocationRow {
  std::string row, nik, status, pool, area, rank, score, failed, reasons;
};

// Every line of an `aturan allocate` CSV output, checking its header and field count.
inline std::vector<AllocationRow> ReadAllocation(const std::string& path) {
  absl::StatusOr<CsvReader> reader = CsvReader::Open(path);
  EXPECT_TRUE(reader.ok()) << reader.status();
  if (!reader.ok()) return {};
  EXPECT_EQ(reader->header(), (std::vector<std::string>{"row", "nik", "status", "pool", "area", "rank", "score",
                                                        "failed", "reasons"}));
  std::vector<AllocationRow> rows;
  CsvRecord record;
  while (reader->Next(&record)) {
    auto f = record.fields();
    EXPECT_EQ(f.size(), 9u);
    if (f.size() != 9) continue;
    rows.push_back({std::string(f[0]), std::string(f[1]), std::string(f[2]), std::string(f[3]), std::string(f[4]),
                    std::string(f[5]), std::string(f[6]), std::string(f[7]), std::string(f[8])});
  }
  return rows;
}

}  // namespace aturan::testing
