// The C API's list runs write what the CLI writes: aturan_eval_list the files of `aturan eval`,
// aturan_allocate_list those of `aturan allocate` and its --json summary; and every way a run
// can fail (unreadable list, missing column, unwritable output, no quota, bad options, NULL).
#include <algorithm>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <utility>

#include "aturan/aturan.h"
#include "capi/capi_handles.hpp"
#include "capi/generated_list.hpp"
#include "core/test_rules.hpp"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest/csv_reader.hpp"

namespace aturan::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(CapiEvalList, WritesTheFilesTheCliWritesAndCountsThem) {
  Rules rules = LoadRules(kGeneratedRules);
  for (const std::string format : {"csv", "jsonl"}) {
    SCOPED_TRACE(format);
    const std::string c_out = TempFile("c_decisions." + format);
    const std::string cli_out = TempFile("cli_decisions." + format);
    CString summary;
    CString error;
    ASSERT_EQ(aturan_eval_list(rules.get(), GeneratedList().c_str(), c_out.c_str(), nullptr, summary.out(), error.out()),
              ATURAN_OK)
        << error.str();
    const CliResult cli = RunCli(std::string("eval ") + kGeneratedRules + " '" + GeneratedList() + "' -o '" + cli_out + "'");
    ASSERT_EQ(cli.exit_code, 0) << cli.output;
    EXPECT_EQ(ReadAll(c_out), ReadAll(cli_out));
    const std::string rejects = ReadAll(TempFile("c_decisions.rejects.csv"));
    EXPECT_EQ(rejects, ReadAll(TempFile("cli_decisions.rejects.csv")));
    EXPECT_GT(rejects.size(), 100u);
    if (format != "csv") continue;

    // The summary's counts, recounted from the decisions file.
    absl::StatusOr<CsvReader> reader = CsvReader::Open(c_out);
    ASSERT_TRUE(reader.ok());
    const std::vector<std::string> header = reader->header();
    const size_t status_column = std::find(header.begin(), header.end(), "status") - header.begin();
    const size_t failed_column = std::find(header.begin(), header.end(), "failed") - header.begin();
    ASSERT_LT(failed_column, header.size());
    std::map<std::string, int> by_status;
    std::map<std::string, int> by_rule;
    CsvRecord record;
    int rows = 0;
    while (reader->Next(&record)) {
      ++rows;
      const std::string status(record.fields()[status_column]);
      ++by_status[status];
      if (status != "ineligible") continue;
      std::stringstream failed{std::string(record.fields()[failed_column])};
      for (std::string id; std::getline(failed, id, ';');) ++by_rule[id];
    }
    EXPECT_EQ(rows, 10000);
    EXPECT_THAT(summary.str(), StartsWith("{\"regulation\":\"" + std::string(aturan_rules_regulation_id(rules.get())) +
                                          "\",\"rows\":10000,\"eligible\":" + std::to_string(by_status["eligible"]) +
                                          ",\"ineligible\":" + std::to_string(by_status["ineligible"]) +
                                          ",\"invalid\":" + std::to_string(by_status["invalid"]) + ","));
    ASSERT_FALSE(by_rule.empty());
    for (const auto& [id, count] : by_rule) {
      EXPECT_THAT(summary.str(), HasSubstr("{\"id\":\"" + id + "\",\"failed\":" + std::to_string(count) + ","));
    }
  }
}

TEST(CapiEvalList, OptionsChooseTheFormatRejectsAndThreads) {
  Rules rules = LoadRules(kGeneratedRules);
  const std::string c_out = TempFile("options.out");
  const std::string c_rejects = TempFile("options_rejects.csv");
  const std::string cli_out = TempFile("options_cli.jsonl");
  aturan_list_options options{};
  options.output_format = "jsonl";
  options.rejects_path = c_rejects.c_str();
  options.threads = 3;
  options.group_by = "none";
  CString error;
  ASSERT_EQ(aturan_eval_list(rules.get(), GeneratedList().c_str(), c_out.c_str(), &options, nullptr, error.out()),
            ATURAN_OK)
      << error.str();
  const CliResult cli = RunCli(std::string("eval ") + kGeneratedRules + " '" + GeneratedList() + "' -o '" + cli_out + "'");
  ASSERT_EQ(cli.exit_code, 0) << cli.output;
  EXPECT_EQ(ReadAll(c_out), ReadAll(cli_out));
  EXPECT_EQ(ReadAll(c_rejects), ReadAll(TempFile("options_cli.rejects.csv")));
  options.rejects_path = "";  // none
  const std::string quiet = TempFile("quiet.csv");
  ASSERT_EQ(aturan_eval_list(rules.get(), GeneratedList().c_str(), quiet.c_str(), &options, nullptr, nullptr), ATURAN_OK);
  EXPECT_FALSE(std::ifstream(TempFile("quiet.rejects.csv")).good());
}

TEST(CapiAllocateList, WritesTheFileAndSummaryTheCliWrites) {
  Rules rules = LoadRules(kGeneratedRules);
  const std::string c_out = TempFile("c_alokasi.csv");
  const std::string cli_out = TempFile("cli_alokasi.csv");
  CString summary;
  CString error;
  ASSERT_EQ(
      aturan_allocate_list(rules.get(), GeneratedList().c_str(), c_out.c_str(), nullptr, summary.out(), error.out()),
      ATURAN_OK)
      << error.str();
  const CliResult cli =
      RunCli(std::string("allocate ") + kGeneratedRules + " '" + GeneratedList() + "' -o '" + cli_out + "' --json");
  ASSERT_EQ(cli.exit_code, 0) << cli.output;
  const std::string allocation = ReadAll(c_out);
  EXPECT_EQ(allocation, ReadAll(cli_out));
  EXPECT_THAT(allocation, HasSubstr(",selected,"));
  EXPECT_THAT(allocation, HasSubstr(",waitlisted,"));
  EXPECT_EQ(ReadAll(TempFile("c_alokasi.rejects.csv")), ReadAll(TempFile("cli_alokasi.rejects.csv")));
  // The summary is the CLI's --json line, but for the time taken.
  const std::regex elapsed("\"elapsed_seconds\":[0-9.]+");
  const size_t json_start = cli.output.find("{\"regulation\"");
  ASSERT_NE(json_start, std::string::npos) << cli.output;
  const std::string cli_json = cli.output.substr(json_start, cli.output.find('\n', json_start) + 1 - json_start);
  EXPECT_EQ(std::regex_replace(summary.str(), elapsed, "T"), std::regex_replace(cli_json, elapsed, "T"));
}

TEST(CapiAllocateList, AnAreaTableReplacesTheRuleFilesNumbersAsWithTheCli) {
  Rules rules = LoadRules(kGeneratedRules);
  const std::string areas = TempFile("penduduk.csv");
  std::ofstream(areas) << "kelurahan,penduduk\nMedono,100\nKauman,0\n";
  aturan_list_options options{};
  options.areas_path = areas.c_str();
  const std::string c_out = TempFile("areas_c.csv");
  const std::string cli_out = TempFile("areas_cli.csv");
  CString error;
  ASSERT_EQ(aturan_allocate_list(rules.get(), GeneratedList().c_str(), c_out.c_str(), &options, nullptr, error.out()),
            ATURAN_OK)
      << error.str();
  const CliResult cli = RunCli(std::string("allocate ") + kGeneratedRules + " '" + GeneratedList() + "' -o '" +
                               cli_out + "' --areas '" + areas + "'");
  ASSERT_EQ(cli.exit_code, 0) << cli.output;
  EXPECT_EQ(ReadAll(c_out), ReadAll(cli_out));

  std::ofstream(areas) << "kelurahan,penduduk\nMedono,100\nAtlantis,5\n";
  EXPECT_EQ(aturan_allocate_list(rules.get(), GeneratedList().c_str(), c_out.c_str(), &options, nullptr, error.out()),
            ATURAN_ERROR_LIST);
  EXPECT_THAT(error.str(), HasSubstr("Atlantis"));
}

TEST(CapiListRuns, AnUnreadableListIsAListError) {
  Rules rules = LoadRules(kGeneratedRules);
  const std::string out = TempFile("unread.csv");
  CString error;
  EXPECT_EQ(aturan_eval_list(rules.get(), "/nonexistent/daftar.csv", out.c_str(), nullptr, nullptr, error.out()),
            ATURAN_ERROR_LIST);
  EXPECT_THAT(error.str(), StartsWith("/nonexistent/daftar.csv: "));
  EXPECT_EQ(aturan_allocate_list(rules.get(), "/nonexistent/daftar.csv", out.c_str(), nullptr, nullptr, error.out()),
            ATURAN_ERROR_LIST);

  // A list without the required columns: the reader names what is missing.
  const std::string bad = TempFile("tanpa_kolom.csv");
  std::ofstream(bad) << "nama,umur\nSlamet,40\n";
  EXPECT_EQ(aturan_eval_list(rules.get(), bad.c_str(), out.c_str(), nullptr, nullptr, error.out()), ATURAN_ERROR_LIST);
  EXPECT_THAT(error.str(), StartsWith(bad + ": "));
  EXPECT_THAT(error.str(), HasSubstr("nik"));
}

TEST(CapiListRuns, AnUnwritableOutputIsAnOutputError) {
  Rules rules = LoadRules(kGeneratedRules);
  CString error;
  EXPECT_EQ(aturan_eval_list(rules.get(), GeneratedList().c_str(), "/nonexistent/dir/out.csv", nullptr, nullptr,
                             error.out()),
            ATURAN_ERROR_OUTPUT);
  EXPECT_THAT(error.str(), StartsWith("cannot write /nonexistent/dir/out.csv: "));
  aturan_list_options options{};
  options.rejects_path = "/nonexistent/dir/rejects.csv";
  EXPECT_EQ(aturan_allocate_list(rules.get(), GeneratedList().c_str(), TempFile("w.csv").c_str(), &options, nullptr,
                                 error.out()),
            ATURAN_ERROR_OUTPUT);
  EXPECT_THAT(error.str(), StartsWith("cannot write /nonexistent/dir/rejects.csv: "));
  options.rejects_path = "";
  if (std::ifstream("/dev/full").good()) {  // a device that is always full: the write itself fails
    EXPECT_EQ(aturan_eval_list(rules.get(), GeneratedList().c_str(), "/dev/full", &options, nullptr, error.out()),
              ATURAN_ERROR_OUTPUT);
  }
}

TEST(CapiListRuns, AnOutputThatIsAnInputIsRefusedBeforeItIsOpened) {
  Rules rules = LoadRules(kGeneratedRules);
  CString error;
  const std::string list = TempFile("list-as-output.csv");
  { std::ofstream(list) << ReadAll(GeneratedList()); }
  const std::string before = ReadAll(list);
  ASSERT_FALSE(before.empty());
  EXPECT_EQ(aturan_eval_list(rules.get(), list.c_str(), list.c_str(), nullptr, nullptr, error.out()),
            ATURAN_ERROR_OUTPUT);
  EXPECT_EQ(error.str(), "cannot write " + list + ": it is " + list + ", which is read too; writing it would destroy it");
  aturan_list_options options{};
  options.rejects_path = list.c_str();
  EXPECT_EQ(aturan_eval_list(rules.get(), list.c_str(), TempFile("out.csv").c_str(), &options, nullptr, error.out()),
            ATURAN_ERROR_OUTPUT);
  EXPECT_EQ(ReadAll(list), before);
  const std::string out = TempFile("output-as-rejects.csv");
  options.rejects_path = out.c_str();
  EXPECT_EQ(aturan_eval_list(rules.get(), list.c_str(), out.c_str(), &options, nullptr, error.out()),
            ATURAN_ERROR_OUTPUT);
  EXPECT_EQ(error.str(), "cannot write " + out + ": it is the output file too");
  const std::string areas = TempFile("areas-as-output.csv");
  { std::ofstream(areas) << "kode_kelurahan,population\n"; }
  options.rejects_path = "";
  options.areas_path = areas.c_str();
  EXPECT_EQ(aturan_allocate_list(rules.get(), list.c_str(), areas.c_str(), &options, nullptr, error.out()),
            ATURAN_ERROR_OUTPUT);
  EXPECT_THAT(error.str(), HasSubstr("which is read too"));
  EXPECT_EQ(ReadAll(areas), "kode_kelurahan,population\n");
}

TEST(CapiListRuns, BadOptionsAreInvalidArguments) {
  Rules rules = LoadRules(kGeneratedRules);
  const std::string out = TempFile("opts.csv");
  aturan_list_options options{};
  options.output_format = "xlsx";
  CString error;
  EXPECT_EQ(aturan_eval_list(rules.get(), GeneratedList().c_str(), out.c_str(), &options, nullptr, error.out()),
            ATURAN_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(error.str(), "output format 'xlsx': expected csv or jsonl");
  options = {};
  options.group_by = "nama";
  EXPECT_EQ(aturan_eval_list(rules.get(), GeneratedList().c_str(), out.c_str(), &options, nullptr, error.out()),
            ATURAN_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(error.str(), "group_by 'nama': not a code field of the schema");
  options = {};
  options.threads = -1;
  EXPECT_EQ(aturan_eval_list(rules.get(), GeneratedList().c_str(), out.c_str(), &options, nullptr, error.out()),
            ATURAN_ERROR_INVALID_ARGUMENT);
  options = {};
  const char* const no_field[] = {"Tgl Lahir", nullptr};
  options.columns = no_field;
  EXPECT_EQ(aturan_eval_list(rules.get(), GeneratedList().c_str(), out.c_str(), &options, nullptr, error.out()),
            ATURAN_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(error.str(), "columns 'Tgl Lahir': expected COLUMN=field, e.g. 'Tgl Lahir=tanggal_lahir'");
  options = {};
  const char* const no_colon[] = {"jenis_kelamin=L", nullptr};
  options.values = no_colon;
  EXPECT_EQ(aturan_eval_list(rules.get(), GeneratedList().c_str(), out.c_str(), &options, nullptr, error.out()),
            ATURAN_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(error.str(), "values 'jenis_kelamin=L': expected field:FROM=TO, e.g. 'jenis_kelamin:1=L'");
  options = {};
  options.max_invalid = "banyak";
  EXPECT_EQ(aturan_eval_list(rules.get(), GeneratedList().c_str(), out.c_str(), &options, nullptr, error.out()),
            ATURAN_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(error.str(), "max_invalid 'banyak': expected a count (100) or a share (0.5%)");
  // A well-formed rename of a field the schema does not have: the list cannot be read.
  options = {};
  const char* const unknown_field[] = {"nama=nama_lengkap", nullptr};
  options.columns = unknown_field;
  EXPECT_EQ(aturan_eval_list(rules.get(), GeneratedList().c_str(), out.c_str(), &options, nullptr, error.out()),
            ATURAN_ERROR_LIST);
  EXPECT_THAT(error.str(), HasSubstr("nama_lengkap"));
}

// GeneratedList() with the header's tanggal_lahir and jenis_kelamin columns renamed, as an
// OPD's export names them; written once per process.
const std::string& RenamedList() {
  static const std::string path = [] {
    std::string text = ReadAll(GeneratedList());
    const size_t header_end = text.find('\n');
    std::string header = text.substr(0, header_end);
    for (const auto& [field, column] : {std::pair<std::string, std::string>{"tanggal_lahir", "Tgl Lahir"},
                                        {"jenis_kelamin", "JK"}}) {
      const size_t at = header.find(field);
      EXPECT_NE(at, std::string::npos) << header;
      header.replace(at, field.size(), column);
    }
    const std::string renamed = TempFile("renamed.csv");
    std::ofstream(renamed, std::ios::binary) << header << text.substr(header_end);
    return renamed;
  }();
  return path;
}

TEST(CapiEvalList, ColumnAndValueRenamesReadAsTheCliFlagsRead) {
  Rules rules = LoadRules(kGeneratedRules);
  const char* const columns[] = {"Tgl Lahir=tanggal_lahir", "JK=jenis_kelamin", nullptr};
  const char* const values[] = {"jenis_kelamin:L=P", nullptr};
  aturan_list_options options{};
  options.columns = columns;
  CString error;

  // Renamed columns alone: the same decisions and rejects as the list with the schema's names.
  const std::string plain = TempFile("plain.csv");
  const std::string columns_only = TempFile("columns_only.csv");
  ASSERT_EQ(aturan_eval_list(rules.get(), GeneratedList().c_str(), plain.c_str(), nullptr, nullptr, error.out()),
            ATURAN_OK)
      << error.str();
  ASSERT_EQ(aturan_eval_list(rules.get(), RenamedList().c_str(), columns_only.c_str(), &options, nullptr, error.out()),
            ATURAN_OK)
      << error.str();
  EXPECT_EQ(ReadAll(columns_only), ReadAll(plain));
  EXPECT_EQ(ReadAll(TempFile("columns_only.rejects.csv")), ReadAll(TempFile("plain.rejects.csv")));

  // With a value rename too: what the CLI writes with --column and --value, and not what it
  // writes without (every L read as P makes the NIK's sex disagree for every man).
  options.values = values;
  const std::string c_out = TempFile("renames.csv");
  const std::string cli_out = TempFile("renames_cli.csv");
  ASSERT_EQ(aturan_eval_list(rules.get(), RenamedList().c_str(), c_out.c_str(), &options, nullptr, error.out()),
            ATURAN_OK)
      << error.str();
  const CliResult cli = RunCli(std::string("eval ") + kGeneratedRules + " '" + RenamedList() + "' -o '" + cli_out +
                               "' --column 'Tgl Lahir=tanggal_lahir' --column JK=jenis_kelamin --value jenis_kelamin:L=P");
  ASSERT_EQ(cli.exit_code, 0) << cli.output;
  EXPECT_EQ(ReadAll(c_out), ReadAll(cli_out));
  const std::string rejects = ReadAll(TempFile("renames.rejects.csv"));
  EXPECT_EQ(rejects, ReadAll(TempFile("renames_cli.rejects.csv")));
  EXPECT_GT(rejects.size(), ReadAll(TempFile("plain.rejects.csv")).size() + 100000);
}

// Lines in the file at `path`.
size_t LineCount(const std::string& path) {
  const std::string text = ReadAll(path);
  return static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
}

TEST(CapiListRuns, MoreInvalidRowsThanAllowedIsReportedAfterWritingEverything) {
  Rules rules = LoadRules(kGeneratedRules);
  const CliResult cli = RunCli(std::string("eval ") + kGeneratedRules + " '" + GeneratedList() + "' -o '" +
                               TempFile("limit_cli.csv") + "' --max-invalid 0");
  ASSERT_EQ(cli.exit_code, 2) << cli.output;
  std::smatch count;
  ASSERT_TRUE(std::regex_search(cli.output, count, std::regex("error: ([0-9]+) of 10000 rows are invalid")))
      << cli.output;
  ASSERT_GT(std::stoi(count[1]), 0);
  using ListRun = aturan_status (*)(const aturan_rules*, const char*, const char*, const aturan_list_options*, char**,
                                    char**);
  for (const ListRun run : {ListRun{aturan_eval_list}, ListRun{aturan_allocate_list}}) {
    const std::string out = TempFile(run == aturan_eval_list ? "limit_eval.csv" : "limit_allocate.csv");
    aturan_list_options options{};
    options.max_invalid = "0";
    CString summary;
    CString error;
    EXPECT_EQ(run(rules.get(), GeneratedList().c_str(), out.c_str(), &options, summary.out(), error.out()),
              ATURAN_ERROR_TOO_MANY_INVALID);
    EXPECT_EQ(error.str(), count[1].str() + " of 10000 rows are invalid, more than max_invalid 0 allows");
    EXPECT_THAT(summary.str(), HasSubstr("\"invalid\":" + count[1].str()));
    EXPECT_EQ(LineCount(out), 10001u);  // the header and every row
    // A share the list stays within, and the same count as the limit, pass.
    for (const std::string& limit : {std::string("5%"), count[1].str()}) {
      options.max_invalid = limit.c_str();
      EXPECT_EQ(run(rules.get(), GeneratedList().c_str(), out.c_str(), &options, nullptr, error.out()), ATURAN_OK)
          << limit << ": " << error.str();
    }
  }
}

TEST(CapiListRuns, AllocatingWithoutAQuotaIsRefused) {
  aturan_rules* loaded = nullptr;
  ASSERT_EQ(aturan_rules_load_string(RuleFileWith("b").c_str(), "uji.yaml", nullptr, &loaded, nullptr), ATURAN_OK);
  Rules rules(loaded);
  CString summary;
  CString error;
  EXPECT_EQ(aturan_allocate_list(rules.get(), GeneratedList().c_str(), TempFile("q.csv").c_str(), nullptr, summary.out(),
                                 error.out()),
            ATURAN_ERROR_NO_QUOTA);
  EXPECT_TRUE(summary.null());
  EXPECT_EQ(error.str(), "uji has no quota section, so every eligible candidate is covered; use aturan_eval_list");
}

TEST(CapiListRuns, NullArgumentsAreErrorsNotCrashes) {
  Rules rules = LoadRules(kGeneratedRules);
  const char* list = GeneratedList().c_str();
  const std::string out = TempFile("null.csv");
  CString error;
  EXPECT_EQ(aturan_eval_list(nullptr, list, out.c_str(), nullptr, nullptr, error.out()), ATURAN_ERROR_NULL_ARGUMENT);
  EXPECT_EQ(error.str(), "argument 'rules' is NULL");
  EXPECT_EQ(aturan_eval_list(rules.get(), nullptr, out.c_str(), nullptr, nullptr, nullptr), ATURAN_ERROR_NULL_ARGUMENT);
  EXPECT_EQ(aturan_eval_list(rules.get(), list, nullptr, nullptr, nullptr, nullptr), ATURAN_ERROR_NULL_ARGUMENT);
  EXPECT_EQ(aturan_allocate_list(nullptr, list, out.c_str(), nullptr, nullptr, nullptr), ATURAN_ERROR_NULL_ARGUMENT);
  EXPECT_EQ(aturan_allocate_list(rules.get(), nullptr, out.c_str(), nullptr, nullptr, nullptr),
            ATURAN_ERROR_NULL_ARGUMENT);
  EXPECT_EQ(aturan_allocate_list(rules.get(), list, nullptr, nullptr, nullptr, nullptr), ATURAN_ERROR_NULL_ARGUMENT);
}

}  // namespace
}  // namespace aturan::testing
