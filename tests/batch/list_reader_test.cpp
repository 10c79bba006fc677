// Reading candidate lists into CandidateTables: column mapping, values, and every kind of
// row problem, each reported with its row, column, value and reason.
#include "aturan/list_reader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "aturan/batch.hpp"
#include "aturan/record.hpp"
#include "base/dates.hpp"

namespace aturan {
namespace {

using ::testing::HasSubstr;

RuleSet Pekalongan2023() {
  absl::StatusOr<RuleSet> rules = RuleSet::FromFile(ATURAN_SOURCE_DIR "/rules/pekalongan-2023-revisi.yaml");
  EXPECT_TRUE(rules.ok()) << rules.status();
  return *rules;
}

const char kHeader[] =
    "nik,no_kk,nama,jenis_kelamin,tanggal_lahir,kode_kelurahan,pekerjaan,penghasilan_bulanan,"
    "penerima_upah,tulang_punggung,miskin_ekstrem,terdaftar_dtks,disabilitas,penerima_pkh,penerima_bpnt,"
    "status_bpjstk\n";
// A good row: a male becak driver born 12-03-1975 in Kauman.
const char kGoodRow[] =
    "3375021203750001,3375021504100003,Slamet Riyadi,L,1975-03-12,33.75.02.1004,Tukang Becak,1200000,"
    "tidak,ya,ya,ya,tidak,tidak,tidak,belum terdaftar\n";

// The list `rows` under kHeader, read whole into one table.
struct ReadList {
  explicit ReadList(const std::string& text, ListOptions options = {}) : table(Pekalongan2023()) {
    absl::StatusOr<std::unique_ptr<ListReader>> reader = ListReader::FromString(table.rules(), text, options);
    if (!reader.ok()) {
      status = reader.status();
      return;
    }
    CandidateTable chunk(table.rules());
    while ((*reader)->Next(&chunk)) {
      for (size_t row = 0; row < chunk.size(); ++row) {
        size_t to = table.AddRow(chunk.source_row(row), chunk.line(row));
        for (size_t slot = 0; slot < table.rules().fields().size(); ++slot) {
          table.Set(to, static_cast<int>(slot), chunk.Get(row, static_cast<int>(slot)));
        }
        for (const RowIssue& issue : chunk.issues(row)) {
          table.AddIssue(to, issue.kind, issue.column, issue.value, issue.reason, issue.error);
        }
      }
    }
    status = (*reader)->status();
    warnings = (*reader)->warnings();
  }
  // The only issue of row `row` (0-based), failing the test when there is not exactly one.
  RowIssue OnlyIssue(size_t row) const {
    std::span<const RowIssue> issues = table.issues(row);
    EXPECT_EQ(issues.size(), 1u) << "row " << row;
    return issues.empty() ? RowIssue{} : issues.front();
  }
  CandidateTable table;
  std::vector<ListWarning> warnings;
  absl::Status status;
};

std::string ReplaceField(std::string row, int field, const std::string& text) {
  size_t begin = 0;
  for (int i = 0; i < field; ++i) begin = row.find(',', begin) + 1;
  size_t end = row.find_first_of(",\n", begin);
  return row.replace(begin, end - begin, text);
}

TEST(ListReader, ReadsTypedValuesIntoColumns) {
  ReadList list(std::string(kHeader) + kGoodRow);
  ASSERT_TRUE(list.status.ok()) << list.status;
  ASSERT_EQ(list.table.size(), 1u);
  const RuleSet& rules = list.table.rules();
  EXPECT_FALSE(list.table.invalid(0));
  EXPECT_TRUE(list.table.issues(0).empty());
  EXPECT_EQ(list.table.source_row(0), 1u);
  EXPECT_EQ(list.table.line(0), 2u);
  EXPECT_EQ(list.table.Get(0, rules.FieldSlot("nik")).as_string(), "3375021203750001");
  EXPECT_EQ(list.table.Get(0, rules.FieldSlot("nama")).as_string(), "Slamet Riyadi");
  EXPECT_EQ(list.table.Get(0, rules.FieldSlot("tanggal_lahir")).as_date(), *ParseIsoDate("1975-03-12"));
  const int job = rules.FieldSlot("pekerjaan");
  EXPECT_EQ(rules.CodeText(job, list.table.Get(0, job).as_code()), "pengayuh_becak");
  EXPECT_EQ(list.table.Get(0, rules.FieldSlot("penghasilan_bulanan")).as_int(), 1200000);
  EXPECT_TRUE(list.table.Get(0, rules.FieldSlot("tulang_punggung")).as_bool());
  EXPECT_FALSE(list.table.Get(0, rules.FieldSlot("disabilitas")).as_bool());
  EXPECT_FALSE(list.table.Get(0, rules.FieldSlot("disabilitas")).missing());
}

TEST(ListReader, ReadsRfc4180EdgeCases) {
  // BOM, CRLF, quoted names with a comma, an embedded line break and doubled quotes,
  // apostrophes and non-ASCII letters, semicolon delimiter detected.
  std::string header(kHeader);
  std::string text = "\xEF\xBB\xBF" + header;
  text += ReplaceField(kGoodRow, 2, "\"Riyadi, Slamet\"");
  text += ReplaceField(ReplaceField(kGoodRow, 0, "3375021203750002"), 2, "Muh. Ma'ruf Dédé");
  text += ReplaceField(ReplaceField(kGoodRow, 0, "3375021203750003"), 2, "\"Siti \"\"Tini\"\"\nNur'aini\"");
  for (size_t p = text.find('\n'); p != std::string::npos; p = text.find('\n', p + 2)) text.replace(p, 1, "\r\n");
  ReadList list(text);
  ASSERT_TRUE(list.status.ok()) << list.status;
  ASSERT_EQ(list.table.size(), 3u);
  const int name = list.table.rules().FieldSlot("nama");
  EXPECT_EQ(list.table.Get(0, name).as_string(), "Riyadi, Slamet");
  EXPECT_EQ(list.table.Get(1, name).as_string(), "Muh. Ma'ruf Dédé");
  EXPECT_EQ(list.table.Get(2, name).as_string(), "Siti \"Tini\"\r\nNur'aini");
  for (size_t row = 0; row < 3; ++row) EXPECT_FALSE(list.table.invalid(row)) << row;
}

TEST(ListReader, MapsRenamedColumnsAndValues) {
  std::string header = kHeader;
  header.replace(header.find("nama,"), 5, "Nama Lengkap,");       // a `headers:` of the field
  header.replace(header.find("tanggal_lahir"), 13, "Tgl Lhr");   // needs --column
  header.replace(header.find("jenis_kelamin"), 13, "JK");
  std::string row = ReplaceField(kGoodRow, 3, "1");              // sex as 1/2: alias of L
  ListOptions options;
  options.columns.push_back({"Tgl Lhr", "tanggal_lahir"});
  options.values.push_back({"status_bpjstk", "BELUM TERDAFTAR ", "belum"});
  ReadList list(header + row, options);
  ASSERT_TRUE(list.status.ok()) << list.status;
  const RuleSet& rules = list.table.rules();
  EXPECT_FALSE(list.table.invalid(0)) << list.table.issues(0).front().reason;
  EXPECT_EQ(list.table.Get(0, rules.FieldSlot("nama")).as_string(), "Slamet Riyadi");
  EXPECT_EQ(list.table.Get(0, rules.FieldSlot("tanggal_lahir")).as_date(), *ParseIsoDate("1975-03-12"));
  const int sex = rules.FieldSlot("jenis_kelamin");
  EXPECT_EQ(rules.CodeText(sex, list.table.Get(0, sex).as_code()), "L");
}

TEST(ListReader, RefusesListsThatCannotBeMapped) {
  std::string header = kHeader;
  header.replace(header.find("tanggal_lahir"), 13, "lahir");
  absl::StatusOr<std::unique_ptr<ListReader>> reader =
      ListReader::FromString(Pekalongan2023(), header + kGoodRow);
  ASSERT_FALSE(reader.ok());
  EXPECT_THAT(reader.status().message(), HasSubstr("no column for required field 'tanggal_lahir'"));
  EXPECT_THAT(reader.status().message(), HasSubstr("--column"));

  std::string twice = kHeader;
  twice.replace(twice.find("no_kk"), 5, "nama_lengkap");
  reader = ListReader::FromString(Pekalongan2023(), twice + kGoodRow);
  ASSERT_FALSE(reader.ok());
  EXPECT_THAT(reader.status().message(), HasSubstr("both hold field 'nama'"));

  ListOptions unknown_field;
  unknown_field.columns.push_back({"x", "tangal_lahir"});
  reader = ListReader::FromString(Pekalongan2023(), std::string(kHeader) + kGoodRow, unknown_field);
  ASSERT_FALSE(reader.ok());
  EXPECT_THAT(reader.status().message(), HasSubstr("did you mean 'tanggal_lahir'"));

  reader = ListReader::FromString(Pekalongan2023(), "");
  ASSERT_FALSE(reader.ok());
  EXPECT_THAT(reader.status().message(), HasSubstr("header"));
}

TEST(ListReader, WarnsAboutColumnsNoFieldReads) {
  std::string header = kHeader;
  header.replace(header.size() - 1, 1, ",alamat,pekrjaan\n");
  std::string row = kGoodRow;
  row.replace(row.size() - 1, 1, ",\"Jl. Hayam Wuruk, 3\",x\n");
  ReadList list(header + row);
  ASSERT_TRUE(list.status.ok()) << list.status;
  ASSERT_EQ(list.warnings.size(), 2u);
  EXPECT_THAT(list.warnings[0].message, HasSubstr("'alamat' is not a schema field"));
  EXPECT_THAT(list.warnings[1].message, HasSubstr("did you mean 'pekerjaan'"));
  EXPECT_FALSE(list.table.invalid(0));
}

struct BadRow {
  std::string row;
  IssueKind kind;
  std::string column;
  std::string value;
  std::string reason;
};

TEST(ListReader, ReportsEveryKindOfBadRow) {
  const std::vector<BadRow> cases = {
      {"3375021203750001,1,2\n", IssueKind::kMalformedRow, "", "", "expected 16 fields"},
      {ReplaceField(kGoodRow, 2, "\"Slamet\" Riyadi"), IssueKind::kMalformedRow, "nama", "Slamet Riyadi", "text after a closing quote"},
      {ReplaceField(kGoodRow, 7, "sejuta"), IssueKind::kBadValue, "penghasilan_bulanan", "sejuta", "sejuta"},
      {ReplaceField(kGoodRow, 4, "12/13/1975"), IssueKind::kBadValue, "tanggal_lahir", "12/13/1975", ""},
      {ReplaceField(kGoodRow, 4, "2001-02-30"), IssueKind::kBadValue, "tanggal_lahir", "2001-02-30", ""},
      {ReplaceField(kGoodRow, 8, "mungkin"), IssueKind::kBadValue, "penerima_upah", "mungkin", ""},
      {ReplaceField(kGoodRow, 6, "Tukang Becek"), IssueKind::kNotInList, "pekerjaan", "Tukang Becek",
       "did you mean"},
      {ReplaceField(kGoodRow, 2, " "), IssueKind::kMissingRequired, "nama", "", "required value is missing"},
      {ReplaceField(kGoodRow, 0, "33750212037500"), IssueKind::kInvalidNik, "nik", "33750212037500", "not 16 digits"},
      {ReplaceField(kGoodRow, 0, "9975021203750001"), IssueKind::kInvalidNik, "nik", "9975021203750001",
       "province"},
      {ReplaceField(kGoodRow, 0, "3375023102750001"), IssueKind::kInvalidNik, "nik", "3375023102750001",
       "impossible birth date"},
  };
  for (BadRow bad : cases) {
    if (bad.row.starts_with("3375021203750001,")) bad.row = ReplaceField(bad.row, 0, "3375021203750005");
    ReadList list(std::string(kHeader) + kGoodRow + bad.row + ReplaceField(kGoodRow, 0, "3375021203750009"));
    ASSERT_TRUE(list.status.ok()) << list.status;
    ASSERT_EQ(list.table.size(), 3u) << bad.row;  // nothing vanishes
    EXPECT_FALSE(list.table.invalid(0));
    EXPECT_FALSE(list.table.invalid(2)) << bad.row;
    ASSERT_TRUE(list.table.invalid(1)) << bad.row;
    RowIssue issue = list.OnlyIssue(1);
    EXPECT_EQ(issue.kind, bad.kind) << bad.row;
    EXPECT_EQ(issue.row, 2u);
    EXPECT_EQ(issue.line, 3u);
    EXPECT_EQ(issue.column, bad.column) << bad.row;
    EXPECT_EQ(issue.value, bad.value) << bad.row;
    EXPECT_THAT(issue.reason, HasSubstr(bad.reason)) << bad.row;
    EXPECT_TRUE(issue.error);
  }
}

TEST(ListReader, FlagsEveryLaterDuplicateWithTheFirstRow) {
  std::string text = std::string(kHeader) + kGoodRow + ReplaceField(kGoodRow, 0, "3375021203750002") +
                     ReplaceField(kGoodRow, 0, "'3375021203750001") + ReplaceField(kGoodRow, 0, " 3375021203750001 ");
  ListOptions options;
  options.chunk_rows = 1;  // duplicates are found across chunks
  ReadList list(text, options);
  ASSERT_EQ(list.table.size(), 4u);
  EXPECT_FALSE(list.table.invalid(0));
  EXPECT_FALSE(list.table.invalid(1));
  for (size_t row : {2u, 3u}) {
    RowIssue issue = list.OnlyIssue(row);
    EXPECT_EQ(issue.kind, IssueKind::kDuplicateKey);
    EXPECT_EQ(issue.value, "3375021203750001");
    EXPECT_THAT(issue.reason, HasSubstr("first seen in row 1"));
  }
}

TEST(ListReader, NikThatDisagreesIsAWarningByDefault) {
  // Born 12-03-1975 per the NIK, 13-03-1975 per the column; the NIK says male, row says P.
  std::string date = ReplaceField(kGoodRow, 4, "1975-03-13");
  std::string sex = ReplaceField(ReplaceField(kGoodRow, 0, "3375021203750002"), 3, "P");
  ReadList list(std::string(kHeader) + date + sex);
  ASSERT_EQ(list.table.size(), 2u);
  for (size_t row : {0u, 1u}) {
    EXPECT_FALSE(list.table.invalid(row));
    RowIssue issue = list.OnlyIssue(row);
    EXPECT_EQ(issue.kind, IssueKind::kNikMismatch);
    EXPECT_FALSE(issue.error);
  }
  EXPECT_THAT(list.OnlyIssue(0).reason, HasSubstr("birth date 12-03-75 disagrees with tanggal_lahir 1975-03-13"));
  EXPECT_THAT(list.OnlyIssue(1).reason, HasSubstr("sex L disagrees with jenis_kelamin P"));
}

TEST(ListReader, KeepsReportingAfterManyProblemsInOneRow) {
  std::string row = ReplaceField(ReplaceField(ReplaceField(kGoodRow, 4, "kemarin"), 6, "astronot"), 2, "");
  ReadList list(std::string(kHeader) + row);
  ASSERT_EQ(list.table.size(), 1u);
  ASSERT_EQ(list.table.issues(0).size(), 3u);
  EXPECT_EQ(list.table.issues(0)[0].column, "nama");
  EXPECT_EQ(list.table.issues(0)[1].column, "tanggal_lahir");
  EXPECT_EQ(list.table.issues(0)[2].column, "pekerjaan");
}

// A chunk is converted a column at a time; each row still gets exactly its own issues, in
// field order, then a duplicate key, then the NIK checks.
TEST(ListReader, IssuesStayWithTheirRowsInAChunk) {
  const std::string first = ReplaceField(kGoodRow, 6, "astronot");
  const std::string second = ReplaceField(kGoodRow, 0, "3375021203750002");
  const std::string third = ReplaceField(ReplaceField(ReplaceField(kGoodRow, 4, "1975-03-13"), 2, ""), 7, "sejuta");
  const std::string fourth = "3375021203750004,1,2\n";
  const std::string fifth = ReplaceField(ReplaceField(kGoodRow, 0, "3375021203750005"), 3, "X");
  ReadList list(std::string(kHeader) + first + second + third + fourth + fifth);
  ASSERT_TRUE(list.status.ok()) << list.status;
  ASSERT_EQ(list.table.size(), 5u);
  const auto kinds_and_columns = [&](size_t row) {
    std::vector<std::string> found;
    for (const RowIssue& issue : list.table.issues(row)) {
      EXPECT_EQ(issue.row, row + 1);
      found.push_back(std::string(IssueKindName(issue.kind)) + " " + issue.column);
    }
    return found;
  };
  EXPECT_THAT(kinds_and_columns(0), ::testing::ElementsAre("code not in list pekerjaan"));
  EXPECT_THAT(kinds_and_columns(1), ::testing::IsEmpty());
  // The third row repeats the first's NIK, whose birth date disagrees with its column.
  EXPECT_THAT(kinds_and_columns(2),
              ::testing::ElementsAre("missing required value nama", "bad value penghasilan_bulanan",
                                     "duplicate NIK nik", "NIK disagrees with birth date or sex nik"));
  EXPECT_THAT(kinds_and_columns(3), ::testing::ElementsAre("malformed row "));
  EXPECT_THAT(kinds_and_columns(4), ::testing::ElementsAre("code not in list jenis_kelamin"));
  EXPECT_TRUE(list.table.invalid(0));
  EXPECT_FALSE(list.table.invalid(1));
  EXPECT_TRUE(list.table.invalid(2));
  EXPECT_TRUE(list.table.invalid(3));
  EXPECT_TRUE(list.table.invalid(4));
  // Rows around bad ones keep their values.
  EXPECT_EQ(list.table.Get(1, list.table.rules().FieldSlot("nik")).as_string(), "3375021203750002");
  EXPECT_EQ(list.table.Get(4, list.table.rules().FieldSlot("nama")).as_string(), "Slamet Riyadi");
}

// A value renamed to nothing is missing: a required field reports it.
TEST(ListReader, RenamingARequiredValueToBlankMakesItMissing) {
  ListOptions options;
  options.values.push_back({"nama", "-", ""});
  ReadList list(std::string(kHeader) + ReplaceField(kGoodRow, 2, "-"), options);
  ASSERT_TRUE(list.status.ok()) << list.status;
  ASSERT_EQ(list.table.size(), 1u);
  const RowIssue issue = list.OnlyIssue(0);
  EXPECT_EQ(issue.kind, IssueKind::kMissingRequired);
  EXPECT_EQ(issue.column, "nama");
  EXPECT_TRUE(list.table.invalid(0));
}

TEST(ListReader, ReadsJsonLines) {
  std::string text =
      "{\"nik\":\"3375021203750001\",\"nama\":\"Slamet\",\"jenis_kelamin\":\"L\",\"tanggal_lahir\":\"1975-03-12\","
      "\"kode_kelurahan\":\"Kauman\",\"pekerjaan\":\"becak\",\"penghasilan_bulanan\":1200000,"
      "\"tulang_punggung\":true,\"disabilitas\":null,\"alamat\":\"x\"}\n"
      "[1,2]\n"
      "{\"nik\":\"3375021203750002\",\"nama\":\"Ani\",\"nama_lengkap\":\"Ani S\"}\n";
  ListOptions options;
  options.format = ListFormat::kJsonLines;
  ReadList list(text, options);
  ASSERT_TRUE(list.status.ok()) << list.status;
  ASSERT_EQ(list.table.size(), 3u);
  const RuleSet& rules = list.table.rules();
  EXPECT_FALSE(list.table.invalid(0)) << list.table.issues(0).front().reason;
  EXPECT_EQ(list.table.Get(0, rules.FieldSlot("penghasilan_bulanan")).as_int(), 1200000);
  EXPECT_TRUE(list.table.Get(0, rules.FieldSlot("tulang_punggung")).as_bool());
  EXPECT_TRUE(list.table.Get(0, rules.FieldSlot("disabilitas")).missing());
  EXPECT_EQ(list.OnlyIssue(1).kind, IssueKind::kMalformedRow);
  EXPECT_EQ(list.table.issues(2).front().kind, IssueKind::kMalformedRow);
  EXPECT_THAT(list.table.issues(2).front().reason, HasSubstr("both hold field 'nama'"));
  ASSERT_EQ(list.warnings.size(), 1u);
  EXPECT_THAT(list.warnings[0].message, HasSubstr("'alamat'"));
}

}  // namespace
}  // namespace aturan
