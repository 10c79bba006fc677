// `aturan eval` on the command line: a generated list round trip with every row accounted
// for, the --max-invalid threshold, column and value mapping, output formats, bad input.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <regex>
#include <sstream>
#include <string>

#include "cli/cli_files.hpp"
#include "cli/run_cli.hpp"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest/csv_reader.hpp"

namespace aturan {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::CliResult;
using testing::RunCli;
using testing::ReadAll;
using testing::TempPath;

// The number after `label` in `text` (e.g. "invalid " in the generator's summary), or -1.
long long NumberAfter(const std::string& text, const std::string& label) {
  std::smatch match;
  if (!std::regex_search(text, match, std::regex(label + "\\s*([0-9]+)"))) return -1;
  return std::stoll(match[1]);
}

const char kHeader[] =
    "nik,no_kk,nama,jenis_kelamin,tanggal_lahir,kode_kelurahan,pekerjaan,penghasilan_bulanan,"
    "penerima_upah,tulang_punggung,miskin_ekstrem,terdaftar_dtks,disabilitas,penerima_pkh,penerima_bpnt,"
    "status_bpjstk\n";
const char kEligibleRow[] =
    "3375021203750001,3375021504100003,Slamet Riyadi,L,1975-03-12,33.75.02.1004,Tukang Becak,1200000,"
    "tidak,ya,ya,ya,tidak,tidak,tidak,belum terdaftar\n";

TEST(EvalCli, GeneratedListRoundTripAccountsForEveryRow) {
  const std::string list = TempPath("list.csv");
  const std::string out = TempPath("decisions.csv");
  CliResult generated = RunCli("generate rules/pekalongan-2023-revisi.yaml --rows 20000 --seed 3 --bad-share 0.2 -o '" +
                               list + "'");
  ASSERT_EQ(generated.exit_code, 0) << generated.output;
  const long long expected_invalid = NumberAfter(generated.output, "; invalid");
  const long long expected_warnings = NumberAfter(generated.output, ", warnings");
  ASSERT_GT(expected_invalid, 3000);
  ASSERT_GT(expected_warnings, 0);

  CliResult r = RunCli("eval rules/pekalongan-2023-revisi.yaml '" + list + "' -o '" + out + "' --threads 2");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(NumberAfter(r.output, "rows read"), 20000);
  EXPECT_EQ(NumberAfter(r.output, "  invalid"), expected_invalid);
  EXPECT_EQ(NumberAfter(r.output, "rows with warnings"), expected_warnings);
  EXPECT_THAT(r.output, HasSubstr("ineligible rows by failing rule"));
  EXPECT_THAT(r.output, HasSubstr("by pekerjaan"));
  EXPECT_THAT(r.output, HasSubstr("rows/s"));

  // Every input row once, in order, with a status; the rejects file lists every invalid row.
  const std::string decisions_text = ReadAll(out);  // the reader views it
  CsvReader decisions = CsvReader::FromString(decisions_text);
  CsvRecord record;
  long long rows = 0;
  long long invalid = 0;
  while (decisions.Next(&record)) {
    ASSERT_EQ(record.fields()[0], std::to_string(++rows));
    if (record.fields()[2] == "invalid") ++invalid;
  }
  EXPECT_EQ(rows, 20000);
  EXPECT_EQ(invalid, expected_invalid);
  const std::string rejects_path = TempPath("decisions.rejects.csv");
  const std::string rejects_text = ReadAll(rejects_path);
  CsvReader rejects = CsvReader::FromString(rejects_text);
  ASSERT_EQ(rejects.header(),
            (std::vector<std::string>{"row", "line", "column", "value", "severity", "kind", "reason"}));
  long long warnings = 0;
  while (rejects.Next(&record)) warnings += record.fields()[4] == "warning";
  EXPECT_EQ(warnings, expected_warnings);

  // Too many bad rows fails the run with the count; a looser limit passes.
  CliResult strict = RunCli("eval rules/pekalongan-2023-revisi.yaml '" + list + "' -o '" + out + "' --max-invalid 10%");
  EXPECT_EQ(strict.exit_code, 2);
  EXPECT_THAT(strict.output, HasSubstr(std::to_string(expected_invalid) + " of 20000 rows are invalid"));
  CliResult count = RunCli("eval rules/pekalongan-2023-revisi.yaml '" + list + "' -o '" + out + "' --max-invalid " +
                           std::to_string(expected_invalid));
  EXPECT_EQ(count.exit_code, 0) << count.output;
  CliResult one_less = RunCli("eval rules/pekalongan-2023-revisi.yaml '" + list + "' -o '" + out +
                              "' --max-invalid " + std::to_string(expected_invalid - 1));
  EXPECT_EQ(one_less.exit_code, 2);
  for (const std::string& path : {list, out, rejects_path}) std::remove(path.c_str());
}

// The shipped sample list decides as examples/README.md documents, under both rule files.
TEST(EvalCli, ShippedSampleListDecidesAsDocumented) {
  struct Expected {
    const char* rules;
    long long eligible, ineligible, invalid;
  };
  for (const Expected& e : {Expected{"rules/pekalongan-2022.yaml", 124, 354, 22},
                            Expected{"rules/pekalongan-2023-revisi.yaml", 134, 344, 22}}) {
    CliResult r = RunCli(std::string("eval ") + e.rules + " examples/lists/pekalongan-sample.csv -o /dev/null "
                         "--rejects /dev/null");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_EQ(NumberAfter(r.output, "rows read"), 500) << e.rules;
    EXPECT_EQ(NumberAfter(r.output, "  eligible"), e.eligible) << e.rules;
    EXPECT_EQ(NumberAfter(r.output, "  ineligible"), e.ineligible) << e.rules;
    EXPECT_EQ(NumberAfter(r.output, "  invalid"), e.invalid) << e.rules;
    EXPECT_EQ(NumberAfter(r.output, "rows with warnings"), 2) << e.rules;
  }
}

TEST(EvalCli, MapsColumnsAndValuesFromTheCommandLine) {
  std::string header = kHeader;
  header.replace(header.find("tanggal_lahir"), 13, "Lahir Tgl");
  std::string row = kEligibleRow;
  row.replace(row.find(",L,"), 3, ",1,");
  row.replace(row.find("belum terdaftar"), 15, "BT");
  CliResult unmapped = RunCli("eval rules/pekalongan-2023-revisi.yaml -", header + row);
  EXPECT_EQ(unmapped.exit_code, 2);
  EXPECT_THAT(unmapped.output, HasSubstr("no column for required field 'tanggal_lahir'"));

  CliResult mapped = RunCli("eval rules/pekalongan-2023-revisi.yaml - --column 'Lahir Tgl=tanggal_lahir' "
                            "--value 'status_bpjstk:bt=belum terdaftar'",
                            header + row);
  EXPECT_EQ(mapped.exit_code, 0) << mapped.output;
  EXPECT_THAT(mapped.output, HasSubstr("row,nik,status,failed,reasons,score\n1,3375021203750001,eligible,,,"));
}

TEST(EvalCli, WritesJsonLinesAndReadsThem) {
  std::string bad = kEligibleRow;
  bad.replace(0, 16, "3375021203750002");
  bad.replace(bad.find("1975-03-12"), 10, "1975-02-30");
  const std::string list = TempPath("in.csv");
  std::ofstream(list, std::ios::binary) << kHeader << kEligibleRow << bad;
  CliResult r = RunCli("eval rules/pekalongan-2023-revisi.yaml '" + list + "' --format jsonl");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_THAT(r.output, HasSubstr("{\"row\":1,\"nik\":\"3375021203750001\",\"status\":\"eligible\",\"failed\":[],"
                                  "\"reasons\":[],\"score\":80}\n"));
  EXPECT_THAT(r.output, HasSubstr("{\"row\":2,\"nik\":\"3375021203750002\",\"status\":\"invalid\",\"failed\":[],"
                                  "\"reasons\":[],\"score\":0,\"errors\":[{\"column\":\"tanggal_lahir\",\"value\":"
                                  "\"1975-02-30\",\"reason\":"));
  // The same candidates as JSON Lines input.
  const std::string jsonl = TempPath("in.jsonl");
  std::ofstream(jsonl, std::ios::binary)
      << "{\"nik\":\"3375021203750001\",\"nama\":\"Slamet\",\"jenis_kelamin\":\"L\",\"tanggal_lahir\":\"1975-03-12\","
         "\"kode_kelurahan\":\"Kauman\",\"pekerjaan\":\"becak\",\"penghasilan_bulanan\":1200000,"
         "\"tulang_punggung\":true,\"miskin_ekstrem\":true,\"disabilitas\":false}\n"
      << "not json\n";
  CliResult from_json = RunCli("eval rules/pekalongan-2023-revisi.yaml '" + jsonl + "'");
  EXPECT_EQ(from_json.exit_code, 0) << from_json.output;
  EXPECT_THAT(from_json.output, HasSubstr("\n1,3375021203750001,eligible,,,80\n"));
  EXPECT_THAT(from_json.output, HasSubstr("\n2,,invalid,input,\"not valid JSON: "));
  // And from standard input, named as JSON Lines.
  std::stringstream lines;
  lines << std::ifstream(jsonl, std::ios::binary).rdbuf();
  CliResult from_stdin = RunCli("eval rules/pekalongan-2023-revisi.yaml - --input-format jsonl", lines.str());
  EXPECT_EQ(from_stdin.exit_code, 0) << from_stdin.output;
  EXPECT_THAT(from_stdin.output, HasSubstr("\n1,3375021203750001,eligible,,,80\n"));
  EXPECT_THAT(from_stdin.output, HasSubstr("\n2,,invalid,input,\"not valid JSON: "));
  std::remove(list.c_str());
  std::remove(jsonl.c_str());
}

TEST(EvalCli, RefusesWhatItCannotRead) {
  CliResult missing = RunCli("eval rules/pekalongan-2023-revisi.yaml /nonexistent/list.csv");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_THAT(missing.output, HasSubstr("/nonexistent/list.csv"));
  CliResult limit = RunCli("eval rules/pekalongan-2023-revisi.yaml - --max-invalid lots", std::string(kHeader));
  EXPECT_EQ(limit.exit_code, 2);
  EXPECT_THAT(limit.output, HasSubstr("--max-invalid 'lots'"));
  CliResult rules = RunCli("eval rules/nonexistent.yaml -", std::string(kHeader));
  EXPECT_EQ(rules.exit_code, 1);
  CliResult empty = RunCli("eval rules/pekalongan-2023-revisi.yaml -", "");
  EXPECT_EQ(empty.exit_code, 2);
  EXPECT_THAT(empty.output, HasSubstr("header"));
  CliResult header_only = RunCli("eval rules/pekalongan-2023-revisi.yaml -", std::string(kHeader));
  EXPECT_EQ(header_only.exit_code, 0) << header_only.output;
  EXPECT_THAT(header_only.output, Not(HasSubstr("\n1,")));
}

TEST(EvalCli, AnOutputNamingStandardOutputIsWrittenThere) {
  // `-o /dev/stdout` with standard output appended to a file: the decisions follow what the
  // file held (it is not reopened and truncated), the summary goes to standard error instead of
  // into the decisions, and no rejects file is made beside /dev/stdout.
  const std::string out = TempPath("eval_to_stdout.csv");
  const std::string err = TempPath("eval_to_stdout.err");
  std::ofstream(out) << "before\n";
  const std::string command = std::string("cd '") + ATURAN_SOURCE_DIR + "' && '" + ATURAN_CLI_PATH +
                              "' eval rules/pekalongan-2023-revisi.yaml examples/lists/pekalongan-sample.csv"
                              " -o /dev/stdout >> '" + out + "' 2> '" + err + "'";
  ASSERT_EQ(std::system(command.c_str()), 0) << ReadAll(err);
  const std::string text = ReadAll(out);
  EXPECT_EQ(text.rfind("before\nrow,nik,status,failed,reasons,score\n", 0), 0u) << text.substr(0, 200);
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 2 + 500);  // "before", the header, 500 rows
  EXPECT_THAT(text, Not(HasSubstr("rows read")));
  EXPECT_THAT(ReadAll(err), HasSubstr("rows read"));
  EXPECT_THAT(ReadAll(err), Not(HasSubstr("rejects and warnings written to")));
  std::remove(out.c_str());
  std::remove(err.c_str());
}

TEST(EvalCli, RefusesToWriteOverWhatItReads) {
  // An output that is the list (given by name, or as standard input) or the rule file would be
  // emptied when opened: refused before anything is opened, and the files stay as they were.
  const std::string list = TempPath("eval_list_as_output.csv");
  { std::ofstream(list) << ReadAll(std::string(ATURAN_SOURCE_DIR) + "/examples/lists/pekalongan-sample.csv"); }
  const std::string before = ReadAll(list);
  ASSERT_FALSE(before.empty());
  const std::string eval = "eval rules/pekalongan-2023-revisi.yaml '" + list + "'";
  CliResult as_output = RunCli(eval + " -o '" + list + "'");
  EXPECT_EQ(as_output.exit_code, 2);
  EXPECT_THAT(as_output.output, HasSubstr("-o " + list + " is " + list + ", which is read too"));
  CliResult as_rejects = RunCli(eval + " -o /dev/null --rejects '" + list + "'");
  EXPECT_EQ(as_rejects.exit_code, 2);
  EXPECT_THAT(as_rejects.output, HasSubstr("--rejects " + list + " is "));
  const std::string out = TempPath("eval_output_as_rejects.csv");
  CliResult rejects_over_output = RunCli(eval + " -o '" + out + "' --rejects '" + out + "'");
  EXPECT_EQ(rejects_over_output.exit_code, 2);
  EXPECT_THAT(rejects_over_output.output, HasSubstr("--rejects " + out + " is the output file " + out));
  std::remove(out.c_str());
  const std::string rules_copy = TempPath("eval_rules_as_output.yaml");
  { std::ofstream(rules_copy) << ReadAll(std::string(ATURAN_SOURCE_DIR) + "/rules/pekalongan-2023-revisi.yaml"); }
  CliResult over_rules = RunCli("eval '" + rules_copy + "' '" + list + "' -o '" + rules_copy + "'");
  EXPECT_EQ(over_rules.exit_code, 2);
  EXPECT_THAT(over_rules.output, HasSubstr("which is read too"));
  EXPECT_EQ(ReadAll(list), before);
  EXPECT_FALSE(ReadAll(rules_copy).empty());
  // Standard input redirected from the list, with the list as output.
  const std::string from_stdin = std::string("cd '") + ATURAN_SOURCE_DIR + "' && '" + ATURAN_CLI_PATH +
                                 "' eval rules/pekalongan-2023-revisi.yaml - -o '" + list + "' < '" + list +
                                 "' > /dev/null 2>&1";
  EXPECT_NE(std::system(from_stdin.c_str()), 0);
  EXPECT_EQ(ReadAll(list), before);
  std::remove(list.c_str());
  std::remove(rules_copy.c_str());
}

TEST(EvalCli, SaysSoWhenTheDecisionsOrRejectsCannotBeWritten) {
  if (!std::ifstream("/dev/full").good()) GTEST_SKIP() << "no /dev/full";
  // The 500 rows' decisions are less than a direct-output block: the write fails at the close.
  const std::string rejects = ::testing::TempDir() + "/eval_full_rejects.csv";
  CliResult decisions = RunCli("eval rules/pekalongan-2023-revisi.yaml examples/lists/pekalongan-sample.csv "
                               "-o /dev/full --rejects '" + rejects + "'");
  EXPECT_EQ(decisions.exit_code, 2) << decisions.output;
  EXPECT_THAT(decisions.output, HasSubstr("cannot write /dev/full: No space left on device"));
  EXPECT_THAT(decisions.output, Not(HasSubstr("rows read")));
  CliResult rejects_full = RunCli("eval rules/pekalongan-2023-revisi.yaml examples/lists/pekalongan-sample.csv "
                                  "-o /dev/null --rejects /dev/full");
  EXPECT_EQ(rejects_full.exit_code, 2) << rejects_full.output;
  EXPECT_THAT(rejects_full.output, HasSubstr("cannot write /dev/full"));
  std::remove(rejects.c_str());
}

}  // namespace
}  // namespace aturan
