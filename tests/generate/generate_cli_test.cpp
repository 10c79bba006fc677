// `aturan generate` on the command line.
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

#include "cli/run_cli.hpp"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace aturan {
namespace {

using ::testing::HasSubstr;
using testing::RunCli;

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

TEST(GenerateCli, WritesTheFileAndSummarises) {
  const std::string path = ::testing::TempDir() + "/aturan_generate_" + std::to_string(getpid()) + ".csv";
  testing::CliResult r = RunCli("generate rules/pekalongan-2023-revisi.yaml --rows 5000 --seed 9 --bad-share 0.1 "
                                "--threads 2 -o '" + path + "'");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_THAT(r.output, HasSubstr(path + ": 5000 rows ("));
  EXPECT_THAT(r.output, HasSubstr("with one defect (field_count "));
  EXPECT_THAT(r.output, HasSubstr("nik_mismatch"));
  const std::string text = ReadAll(path);
  EXPECT_TRUE(text.starts_with("nik,no_kk,nama,jenis_kelamin,tanggal_lahir,kode_kelurahan,pekerjaan,"));

  // The same list on standard output, whatever the number of threads, then the summary (on
  // standard error, which RunCli captures too).
  testing::CliResult piped = RunCli("generate rules/pekalongan-2023-revisi.yaml --rows 5000 --seed 9 "
                                    "--bad-share 0.1 --threads 1 -o -");
  EXPECT_EQ(piped.exit_code, 0);
  EXPECT_TRUE(piped.output.starts_with(text));
  EXPECT_THAT(piped.output.substr(text.size()), ::testing::StartsWith("5000 rows ("));
  std::remove(path.c_str());
}

TEST(GenerateCli, RejectsBadArguments) {
  const std::string rules = "generate rules/pekalongan-2023-revisi.yaml ";
  testing::CliResult r = RunCli(rules + "--rows 2000000000 -o /dev/null");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.output, HasSubstr("--rows 2000000000 is too many: at most 1000000000"));
  r = RunCli(rules + "--rows 600000000 -o /dev/null");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.output, HasSubstr("rows can have distinct NIKs"));
  r = RunCli(rules + "--rows 10 --bad-share 1.5 -o /dev/null");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.output, HasSubstr("--bad-share '1.5' is not a share between 0 and 1"));
  r = RunCli(rules + "--rows 10 --bad-share nan -o /dev/null");
  EXPECT_EQ(r.exit_code, 2);
  r = RunCli(rules + "--rows -5 -o /dev/null");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.output, HasSubstr("--rows '-5' is not a whole number"));
  r = RunCli(rules + "--rows 10 --seed x -o /dev/null");
  EXPECT_EQ(r.exit_code, 2);
  r = RunCli(rules + "--rows 10 --threads -1 -o /dev/null");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(RunCli(rules + "--rows 10").exit_code, 2);  // no -o
  EXPECT_EQ(RunCli("generate no/such.yaml --rows 10 -o /dev/null").exit_code, 2);
  r = RunCli(rules + "--rows 10 -o /no/such/dir/list.csv");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.output, HasSubstr("cannot write /no/such/dir/list.csv"));
  // The rule file as the output would be emptied.
  const std::string rules_copy = ::testing::TempDir() + "/aturan_generate_rules_" + std::to_string(getpid()) + ".yaml";
  const std::string rules_text = ReadAll(std::string(ATURAN_SOURCE_DIR) + "/rules/pekalongan-2023-revisi.yaml");
  { std::ofstream(rules_copy) << rules_text; }
  r = RunCli("generate '" + rules_copy + "' --rows 10 -o '" + rules_copy + "'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.output, HasSubstr("which is read too"));
  EXPECT_EQ(ReadAll(rules_copy), rules_text);
  std::remove(rules_copy.c_str());
}

}  // namespace
}  // namespace aturan
