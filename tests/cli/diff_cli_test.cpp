// `aturan diff` on the command line: the shipped Pekalongan 19 B/2022 against its 2023
// revision over a generated city list. The JSON must parse, and its totals, transitions,
// areas and target group must agree with two separate `aturan allocate` runs whose output
// files are counted here; the change list has every row once, in order, agreeing with both
// allocations; the Markdown memo and the HTML report are written; bad arguments are refused.
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "base/value_text.hpp"
#include "cli/cli_files.hpp"
#include "cli/run_cli.hpp"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ingest/csv_reader.hpp"
#include "simdjson.h"

namespace aturan {
namespace {

using ::testing::HasSubstr;
using testing::AllocationRow;
using testing::CliResult;
using testing::ReadAll;
using testing::ReadAllocation;
using testing::RunCli;
using testing::TempPath;

constexpr int kRows = 5000;
constexpr int64_t kYear = 16800 * 12;  // one participant's premiums for 12 months, both files
const char* kOld = "rules/pekalongan-2022.yaml";
const char* kNew = "rules/pekalongan-2023-revisi.yaml";

// The generated list (once per process).
const std::string& List() {
  static const std::string list = [] {
    const std::string path = TempPath("diff_list.csv");
    const CliResult r = RunCli(std::string("generate ") + kNew + " --rows " + std::to_string(kRows) + " --seed 7 -o '" +
                               path + "'");
    EXPECT_EQ(r.exit_code, 0) << r.output;
    return path;
  }();
  return list;
}

// The allocation of the list under `rules`, and the JSON summary allocate printed.
std::pair<std::vector<AllocationRow>, std::string> Allocate(const std::string& rules, const std::string& name) {
  const std::string out = TempPath(name);
  const CliResult r = RunCli("allocate " + rules + " '" + List() + "' -o '" + out + "' --json");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  const size_t begin = r.output.find("{\"regulation\"");
  EXPECT_NE(begin, std::string::npos) << r.output;
  std::string summary = begin == std::string::npos ? "{}" : r.output.substr(begin);
  summary = summary.substr(0, summary.find('\n'));
  return {ReadAllocation(out), summary};
}

int64_t Int(simdjson::dom::element e) { return static_cast<int64_t>(e.get_int64().value()); }

std::string Str(simdjson::dom::element e) { return std::string(e.get_string().value()); }

TEST(DiffCli, PekalonganRevisionAgreesWithTwoAllocations) {
  const std::string json_path = TempPath("diff.json");
  const std::string changes_path = TempPath("perubahan.csv");
  const CliResult r = RunCli(std::string("diff ") + kOld + " " + kNew + " '" + List() + "' --json -o '" + json_path +
                             "' --changes '" + changes_path + "' --threads 2");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_THAT(r.output, HasSubstr("change list written to"));

  const auto [old_rows, old_summary] = Allocate(kOld, "alokasi-2022.csv");
  const auto [new_rows, new_summary] = Allocate(kNew, "alokasi-2023.csv");
  ASSERT_EQ(old_rows.size(), static_cast<size_t>(kRows));
  ASSERT_EQ(new_rows.size(), static_cast<size_t>(kRows));

  // Counted from the two allocation files.
  std::map<std::string, int64_t> old_status, new_status;
  std::map<std::pair<std::string, std::string>, int64_t> transitions;
  int64_t gained = 0, lost = 0, stayed_covered = 0, stayed_uncovered = 0;
  std::map<std::string, std::pair<int64_t, int64_t>> area_covered;  // area -> (old, new)
  std::map<std::string, std::pair<int64_t, int64_t>> area_change;   // area -> (gained, lost)
  for (int i = 0; i < kRows; ++i) {
    const AllocationRow& o = old_rows[static_cast<size_t>(i)];
    const AllocationRow& n = new_rows[static_cast<size_t>(i)];
    ASSERT_EQ(o.row, n.row);
    ++old_status[o.status];
    ++new_status[n.status];
    ++transitions[{o.status, n.status}];
    const bool before = o.status == "selected";
    const bool after = n.status == "selected";
    gained += !before && after;
    lost += before && !after;
    stayed_covered += before && after;
    stayed_uncovered += !before && !after;
    if (before) ++area_covered[o.area].first;
    if (after) ++area_covered[n.area].second;
    if (!before && after) ++area_change[n.area].first;
    if (before && !after) ++area_change[o.area].second;
  }

  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  ASSERT_EQ(parser.load(json_path).get(doc), simdjson::SUCCESS) << ReadAll(json_path);
  EXPECT_EQ(Str(doc["format"]), "aturan-diff/1");
  EXPECT_EQ(Str(doc["old"]["regulation"]), "pekalongan-2022");
  EXPECT_EQ(Str(doc["new"]["regulation"]), "pekalongan-2023-revisi");
  EXPECT_EQ(Str(doc["old"]["file"]), kOld);
  EXPECT_EQ(Int(doc["old"]["seats"]), 423);
  EXPECT_EQ(Int(doc["new"]["seats"]), 1000);
  EXPECT_EQ(Int(doc["list"]["rows"]), kRows);
  EXPECT_EQ(Str(doc["covered_means"]["new"]), "selected");

  const simdjson::dom::element totals = doc["totals"];
  for (const auto& [side, counted, summary] :
       {std::tuple{"old", &old_status, &old_summary}, std::tuple{"new", &new_status, &new_summary}}) {
    SCOPED_TRACE(side);
    const simdjson::dom::element t = totals[side];
    EXPECT_EQ(Int(t["covered"]), (*counted)["selected"]);
    EXPECT_EQ(Int(t["selected"]), (*counted)["selected"]);
    EXPECT_EQ(Int(t["waitlisted"]), (*counted)["waitlisted"]);
    EXPECT_EQ(Int(t["eligible"]), (*counted)["selected"] + (*counted)["waitlisted"]);
    EXPECT_EQ(Int(t["ineligible"]), (*counted)["ineligible"]);
    EXPECT_EQ(Int(t["invalid"]), (*counted)["invalid"]);
    EXPECT_EQ(Int(t["cost"]), (*counted)["selected"] * kYear);
    EXPECT_EQ(Int(t["cost"]), testing::JsonNumber(*summary, "total_cost"));
  }
  EXPECT_EQ(Int(totals["gained"]), gained);
  EXPECT_EQ(Int(totals["lost"]), lost);
  EXPECT_EQ(Int(totals["stayed_covered"]), stayed_covered);
  EXPECT_EQ(Int(totals["stayed_uncovered"]), stayed_uncovered);
  EXPECT_GT(gained, 0);
  EXPECT_GT(lost, 0);

  std::map<std::pair<std::string, std::string>, int64_t> reported;
  for (simdjson::dom::element t : doc["transitions"].get_array()) {
    reported[{Str(t["old"]), Str(t["new"])}] = Int(t["count"]);
  }
  EXPECT_EQ(reported, transitions);

  // Areas: covered, gained and lost per kelurahan from the files; quotas from allocate's summary.
  std::map<std::string, int64_t> new_quota;
  simdjson::dom::parser summary_parser;
  simdjson::dom::element new_allocation;
  ASSERT_EQ(summary_parser.parse(new_summary).get(new_allocation), simdjson::SUCCESS) << new_summary;
  for (simdjson::dom::element area : new_allocation["pools"].at(0)["areas"].get_array()) {
    if (!area["area"].is_null()) new_quota[Str(area["area"])] = Int(area["quota"]);
  }
  EXPECT_EQ(Str(doc["areas"]["field"]), "kode_kelurahan");
  int64_t quota_sum = 0, area_items = 0;
  for (simdjson::dom::element item : doc["areas"]["items"].get_array()) {
    const std::string code = Str(item["code"]);
    SCOPED_TRACE(code);
    ++area_items;
    EXPECT_EQ(Int(item["old_covered"]), area_covered[code].first);
    EXPECT_EQ(Int(item["new_covered"]), area_covered[code].second);
    EXPECT_EQ(Int(item["gained"]), area_change[code].first);
    EXPECT_EQ(Int(item["lost"]), area_change[code].second);
    EXPECT_EQ(Int(item["new_cost"]), area_covered[code].second * kYear);
    EXPECT_EQ(Int(item["new_quota"]), new_quota[code]);
    quota_sum += Int(item["new_quota"]);
  }
  EXPECT_EQ(area_items, 27);  // the 27 kelurahan of the city; none outside has a seat
  EXPECT_EQ(quota_sum, 1000);

  // Breadwinners, read from the list itself (record i is allocation row i).
  absl::StatusOr<CsvReader> list = CsvReader::Open(List());
  ASSERT_TRUE(list.ok()) << list.status();
  size_t column = 0;
  while (column < list->header().size() && list->header()[column] != "tulang_punggung") ++column;
  ASSERT_LT(column, list->header().size());
  int64_t breadwinners_old = 0, breadwinners_new = 0;
  CsvRecord record;
  for (size_t i = 0; list->Next(&record) && i < static_cast<size_t>(kRows); ++i) {
    if (record.fields().size() <= column) continue;
    const absl::StatusOr<Value> value = ParseValueText(Type::kBool, record.fields()[column]);
    if (!value.ok() || value->missing() || !value->as_bool()) continue;
    breadwinners_old += old_rows[i].status == "selected";
    breadwinners_new += new_rows[i].status == "selected";
  }
  bool found = false;
  for (simdjson::dom::element group : doc["groups"].get_array()) {
    if (Str(group["field"]) != "tulang_punggung") continue;
    found = true;
    EXPECT_EQ(Int(group["old_covered"]), breadwinners_old);
    EXPECT_EQ(Int(group["new_covered"]), breadwinners_new);
  }
  EXPECT_TRUE(found);
  EXPECT_GT(breadwinners_new, breadwinners_old);  // the revision puts breadwinners first

  // The rule changes name the ten occupations added and the income rule.
  bool buruh_batik = false;
  for (simdjson::dom::element l : doc["rule_changes"]["lists"].get_array()) {
    if (Str(l["name"]) != "pekerjaan_rentan") continue;
    EXPECT_EQ(l["added"].get_array().size(), 10u);
    for (simdjson::dom::element code : l["added"].get_array()) buruh_batik |= Str(code["code"]) == "buruh_batik";
  }
  EXPECT_TRUE(buruh_batik);
  EXPECT_THAT(ReadAll(json_path), HasSubstr("{\"id\":\"penghasilan_di_bawah_umk\",\"change\":\"added\",\"old\":null"));

  // The change list: every row once, in order, as both allocations have it.
  absl::StatusOr<CsvReader> changes = CsvReader::Open(changes_path);
  ASSERT_TRUE(changes.ok()) << changes.status();
  EXPECT_EQ(changes->header(), (std::vector<std::string>{"row", "nik", "old_status", "new_status", "change", "old_pool",
                                                         "new_pool", "area", "old_failed", "old_reasons", "new_failed",
                                                         "new_reasons"}));
  size_t i = 0;
  while (changes->Next(&record)) {
    ASSERT_LT(i, static_cast<size_t>(kRows));
    const auto f = record.fields();
    ASSERT_EQ(f.size(), 12u);
    EXPECT_EQ(f[0], std::to_string(i + 1));
    EXPECT_EQ(f[1], new_rows[i].nik);
    EXPECT_EQ(f[2], old_rows[i].status);
    EXPECT_EQ(f[3], new_rows[i].status);
    EXPECT_EQ(f[8], old_rows[i].failed);
    EXPECT_EQ(f[10], new_rows[i].failed);
    const bool before = old_rows[i].status == "selected";
    const bool after = new_rows[i].status == "selected";
    EXPECT_EQ(f[4], before == after ? (before ? "stayed_covered" : "stayed_uncovered") : after ? "gained" : "lost");
    ++i;
  }
  EXPECT_EQ(i, static_cast<size_t>(kRows));
}

TEST(DiffCli, MarkdownMemoHtmlReportAndSameResultOnOneThread) {
  const std::string memo = TempPath("memo.md");
  const std::string html = TempPath("laporan.html");
  const CliResult r = RunCli(std::string("diff ") + kOld + " " + kNew + " '" + List() + "' -o '" + memo + "' --html '" +
                             html + "' --threads 1");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string text = ReadAll(memo);
  EXPECT_THAT(text, HasSubstr("# Perbandingan aturan: pekalongan-2022 → pekalongan-2023-revisi"));
  EXPECT_THAT(text, HasSubstr("| **Tertanggung** | 423 | 1.000 | +577 |"));
  EXPECT_THAT(text, HasSubstr("## Per kelurahan (`kode_kelurahan`)"));
  EXPECT_THAT(text, HasSubstr("| `batas_penghasilan` | - | Rp2.305.823 |"));
  const std::string page = ReadAll(html);
  EXPECT_THAT(page, HasSubstr("<html"));
  EXPECT_THAT(page, HasSubstr("pekalongan-2023-revisi"));
  EXPECT_THAT(page, ::testing::Not(HasSubstr("<script src=")));

  // Markdown on standard output by default, and the same JSON on 1 and 2 threads.
  const CliResult stdout_run = RunCli(std::string("diff ") + kOld + " " + kNew + " '" + List() + "'");
  ASSERT_EQ(stdout_run.exit_code, 0) << stdout_run.output;
  EXPECT_THAT(stdout_run.output, HasSubstr("## Ringkasan"));
  const std::string one = TempPath("satu.json");
  const std::string two = TempPath("dua.json");
  ASSERT_EQ(RunCli(std::string("diff ") + kOld + " " + kNew + " '" + List() + "' --json --threads 1 -o '" + one + "'")
                .exit_code,
            0);
  ASSERT_EQ(RunCli(std::string("diff ") + kOld + " " + kNew + " '" + List() + "' --json --threads 2 -o '" + two + "'")
                .exit_code,
            0);
  EXPECT_EQ(ReadAll(one), ReadAll(two));
}

TEST(DiffCli, BadArgumentsAreRefused) {
  CliResult r = RunCli(std::string("diff ") + kOld + " " + kNew + " /nonexistent/daftar.csv");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.output, HasSubstr("/nonexistent/daftar.csv"));
  r = RunCli(std::string("diff ") + kOld + " rules/tidak-ada.yaml '" + List() + "'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.output, HasSubstr("rules/tidak-ada.yaml"));
  r = RunCli(std::string("diff ") + kOld + " " + kNew + " - ", "nik\n");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.output, HasSubstr("cannot read standard input"));
  r = RunCli(std::string("diff ") + kOld + " " + kNew + " '" + List() + "' --column 'x=bukan_kolom'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.output, HasSubstr("neither rule file has a field 'bukan_kolom'"));
  r = RunCli(std::string("diff ") + kOld + " " + kNew + " '" + List() + "' --max-invalid 10");
  EXPECT_EQ(r.exit_code, 2);  // the generated list has about a hundred invalid rows
  EXPECT_THAT(r.output, HasSubstr("more than --max-invalid 10 allows"));
  // An HTML report over the list itself would empty the list before it is read.
  const std::string list_before = ReadAll(List());
  r = RunCli(std::string("diff ") + kOld + " " + kNew + " '" + List() + "' --html '" + List() + "'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.output, HasSubstr("--html " + List() + " is " + List() + ", which is read too"));
  EXPECT_EQ(ReadAll(List()), list_before);
  // Two outputs naming one file would write over each other.
  const std::string memo = ::testing::TempDir() + "/diff_same_output.md";
  r = RunCli(std::string("diff ") + kOld + " " + kNew + " '" + List() + "' -o '" + memo + "' --changes '" + memo + "'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.output, HasSubstr("--changes " + memo + " is the file of -o " + memo));
  std::remove(memo.c_str());
}

}  // namespace
}  // namespace aturan
