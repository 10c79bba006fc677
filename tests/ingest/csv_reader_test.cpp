#include "ingest/csv_reader.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <ostream>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace aturan {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

using Fields = std::vector<std::string>;

// Everything CsvReader says about one record, copied out of the reader's buffers.
struct Row {
  Fields fields;
  uint64_t record_number = 0;
  uint64_t line = 0;
  std::string problem;
  uint64_t problem_line = 0;
  uint64_t problem_column = 0;
  uint64_t problem_field = 0;

  bool operator==(const Row&) const = default;
};

void PrintTo(const Row& row, std::ostream* os) {
  *os << "#" << row.record_number << " line " << row.line << " [";
  for (const std::string& field : row.fields) *os << "<" << field << ">";
  *os << "]";
  if (!row.problem.empty()) {
    *os << " problem '" << row.problem << "' at " << row.problem_line << ":" << row.problem_column
        << " field " << row.problem_field;
  }
}

Row ToRow(const CsvRecord& record) {
  Row row;
  for (std::string_view field : record.fields()) row.fields.emplace_back(field);
  row.record_number = record.record_number();
  row.line = record.line();
  row.problem = std::string(record.problem());
  row.problem_line = record.problem_line();
  row.problem_column = record.problem_column();
  row.problem_field = record.problem_field();
  return row;
}

std::vector<Row> ReadAll(CsvReader& reader) {
  std::vector<Row> rows;
  CsvRecord record;
  while (reader.Next(&record)) rows.push_back(ToRow(record));
  return rows;
}

std::vector<Row> ReadAll(std::string_view text, CsvOptions options = {}) {
  CsvReader reader = CsvReader::FromString(text, options);
  std::vector<Row> rows = ReadAll(reader);
  EXPECT_TRUE(reader.status().ok()) << reader.status();
  return rows;
}

CsvOptions NoHeader() {
  CsvOptions options;
  options.has_header = false;
  return options;
}

std::vector<Fields> FieldsOf(const std::vector<Row>& rows) {
  std::vector<Fields> fields;
  for (const Row& row : rows) fields.push_back(row.fields);
  return fields;
}

std::vector<uint64_t> LinesOf(const std::vector<Row>& rows) {
  std::vector<uint64_t> lines;
  for (const Row& row : rows) lines.push_back(row.line);
  return lines;
}

TEST(CsvReader, ReadsHeaderAndRecords) {
  CsvReader reader = CsvReader::FromString("nik,nama\n3375011203850001,Budi\n3375015507900002,Siti\n");
  EXPECT_THAT(reader.header(), ElementsAre("nik", "nama"));
  const std::vector<Row> rows = ReadAll(reader);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_THAT(rows[0].fields, ElementsAre("3375011203850001", "Budi"));
  EXPECT_THAT(rows[1].fields, ElementsAre("3375015507900002", "Siti"));
  EXPECT_EQ(rows[0].record_number, 1u);
  EXPECT_EQ(rows[1].record_number, 2u);
  EXPECT_EQ(rows[0].line, 2u);
  EXPECT_EQ(rows[1].line, 3u);
  EXPECT_EQ(rows[0].problem, "");
  EXPECT_TRUE(reader.status().ok());
}

TEST(CsvReader, WithoutHeaderTheFirstLineIsARecord) {
  CsvReader reader = CsvReader::FromString("a,b\nc,d\n", NoHeader());
  EXPECT_THAT(reader.header(), IsEmpty());
  const std::vector<Row> rows = ReadAll(reader);
  EXPECT_THAT(FieldsOf(rows), ElementsAre(Fields{"a", "b"}, Fields{"c", "d"}));
  EXPECT_THAT(LinesOf(rows), ElementsAre(1u, 2u));
}

TEST(CsvReader, LineBreaksLfCrlfAndLoneCrAreTheSame) {
  const std::vector<Fields> expected = {{"a", "b"}, {"c", "d"}, {"e", "f"}};
  for (std::string_view text : {"a,b\nc,d\ne,f\n", "a,b\r\nc,d\r\ne,f\r\n", "a,b\rc,d\re,f\r",
                                "a,b\r\nc,d\ne,f\r", "a,b\nc,d\ne,f", "a,b\r\nc,d\r\ne,f"}) {
    const std::vector<Row> rows = ReadAll(text, NoHeader());
    EXPECT_EQ(FieldsOf(rows), expected) << text;
    EXPECT_THAT(LinesOf(rows), ElementsAre(1u, 2u, 3u)) << text;
  }
}

TEST(CsvReader, EmptyFieldsAndTrailingDelimiters) {
  EXPECT_THAT(FieldsOf(ReadAll("a,,c\n,\n,,\nx,\ny,", NoHeader())),
              ElementsAre(Fields{"a", "", "c"}, Fields{"", ""}, Fields{"", "", ""}, Fields{"x", ""},
                          Fields{"y", ""}));
  EXPECT_THAT(FieldsOf(ReadAll("\"\"\n\"\",\"\"\r\n", NoHeader())),
              ElementsAre(Fields{""}, Fields{"", ""}));
}

TEST(CsvReader, QuotedFieldsHoldDelimitersQuotesAndLineBreaks) {
  const std::vector<Row> rows = ReadAll(
      "nama,alamat,catatan\n"
      "\"Ma'ruf, S.Pd.\",\"Jl. \"\"Merdeka\"\" 5\",x\n"
      "\"Siti\nNur\",\"RT 01\r\nRW 02\",\"\"\"\"\n"
      "Budi,\"a\rb\",\"\"\"q\"\"\"\n"
      "last,\"\",\n");
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_THAT(rows[0].fields, ElementsAre("Ma'ruf, S.Pd.", "Jl. \"Merdeka\" 5", "x"));
  EXPECT_THAT(rows[1].fields, ElementsAre("Siti\nNur", "RT 01\r\nRW 02", "\""));
  EXPECT_THAT(rows[2].fields, ElementsAre("Budi", "a\rb", "\"q\""));
  EXPECT_THAT(rows[3].fields, ElementsAre("last", "", ""));
  // Record 2 spans lines 3-5 (an LF and a CRLF inside quotes); record 3 spans lines 6-7.
  EXPECT_THAT(LinesOf(rows), ElementsAre(2u, 3u, 6u, 8u));
  for (const Row& row : rows) EXPECT_EQ(row.problem, "") << row.record_number;
}

TEST(CsvReader, EscapedFieldsStayValidWhenTheRecordHasMany) {
  // Enough unescaped fields that the scratch buffer grows (and moves) several times.
  std::string text;
  Fields expected;
  for (int i = 0; i < 300; ++i) {
    const std::string value = absl::StrCat("v", i, "\"", std::string(static_cast<size_t>(i % 50), 'x'));
    expected.push_back(value);
    absl::StrAppend(&text, i == 0 ? "" : ",", "\"v", i, "\"\"", std::string(static_cast<size_t>(i % 50), 'x'),
                    "\"");
  }
  text += "\nnext\n";
  EXPECT_THAT(FieldsOf(ReadAll(text, NoHeader())), ElementsAre(expected, Fields{"next"}));
}

// Plain fields are scanned many bytes at a time: a delimiter, quote or line break at every
// distance from the field's start, in long fields, must still end it where it is.
TEST(CsvReader, FindsSpecialBytesAtEveryOffsetInLongFields) {
  for (size_t length = 0; length < 70; ++length) {
    const std::string a(length, 'a');
    const std::string b(70 - length, 'b');
    EXPECT_THAT(FieldsOf(ReadAll(a + "," + b + "\n" + b + ";" + a + "\r\n" + a + "z", NoHeader())),
                ElementsAre(Fields{a, b}, Fields{b + ";" + a}, Fields{a + "z"}))
        << length;
    CsvOptions semicolons = NoHeader();
    semicolons.delimiter = ';';
    EXPECT_THAT(FieldsOf(ReadAll(a + ";" + b + "\r" + b + "," + a, semicolons)),
                ElementsAre(Fields{a, b}, Fields{b + "," + a}))
        << length;
    const std::vector<Row> quoted = ReadAll(a + "\"" + b + "\n", NoHeader());
    ASSERT_EQ(quoted.size(), 1u) << length;
    EXPECT_EQ(quoted[0].problem, length == 0 ? "unterminated quoted field" : "quote inside an unquoted field");
  }
}

// raw() is the record's bytes as in the input, line break excluded; plain and simply quoted
// fields are views into it, unescaped ones are not.
TEST(CsvReader, RawIsTheRecordsInputBytes) {
  CsvReader reader = CsvReader::FromString("h1,h2,h3\nab,\"c,d\",\"e\"\"f\"\r\nx,y,z", {});
  CsvRecord record;
  ASSERT_TRUE(reader.Next(&record));
  const std::string_view raw = record.raw();
  EXPECT_EQ(raw, "ab,\"c,d\",\"e\"\"f\"");
  ASSERT_EQ(record.fields().size(), 3u);
  EXPECT_EQ(record.fields()[0].data(), raw.data());
  EXPECT_EQ(record.fields()[1].data(), raw.data() + 4);
  EXPECT_EQ(record.fields()[2], "e\"f");
  EXPECT_FALSE(record.fields()[2].data() >= raw.data() && record.fields()[2].data() < raw.data() + raw.size());
  ASSERT_TRUE(reader.Next(&record));
  EXPECT_EQ(record.raw(), "x,y,z");
  EXPECT_FALSE(reader.Next(&record));
}

TEST(CsvReader, EmptyLinesAreSkippedButCounted) {
  const std::vector<Row> rows = ReadAll("\n\nh1,h2\n\na,b\r\n\r\n\rc,d\n\n");
  EXPECT_THAT(FieldsOf(rows), ElementsAre(Fields{"a", "b"}, Fields{"c", "d"}));
  EXPECT_THAT(LinesOf(rows), ElementsAre(5u, 8u));
  EXPECT_EQ(rows[1].record_number, 2u);
  // A line of blanks is a record.
  EXPECT_THAT(FieldsOf(ReadAll("a\n \n", NoHeader())), ElementsAre(Fields{"a"}, Fields{" "}));
}

TEST(CsvReader, DropsTheByteOrderMarkAndTrimsHeaderNames) {
  CsvReader reader = CsvReader::FromString("\xEF\xBB\xBFnik , nama\t,\" alamat \"\n1,2,3\n");
  EXPECT_THAT(reader.header(), ElementsAre("nik", "nama", "alamat"));
  EXPECT_THAT(FieldsOf(ReadAll(reader)), ElementsAre(Fields{"1", "2", "3"}));
  // Without a header the first field loses the mark; data fields are never trimmed.
  EXPECT_THAT(FieldsOf(ReadAll("\xEF\xBB\xBF a ,b\n", NoHeader())), ElementsAre(Fields{" a ", "b"}));
  // Only at the very start.
  EXPECT_THAT(FieldsOf(ReadAll("a\n\xEF\xBB\xBF" "b\n", NoHeader())),
              ElementsAre(Fields{"a"}, Fields{"\xEF\xBB\xBF" "b"}));
  EXPECT_THAT(ReadAll("\xEF\xBB\xBF", NoHeader()), IsEmpty());
}

TEST(CsvReader, PassesUtf8AndApostrophesThrough) {
  const std::string text =
      "Ma'ruf Amin,Sumanto Al-Qur'an,D'Masiv\n"
      "Nyai Ronggeng \xE2\x80\x99,\xC3\x89tienne,\xF0\x9F\x98\x80\n";
  EXPECT_THAT(FieldsOf(ReadAll(text, NoHeader())),
              ElementsAre(Fields{"Ma'ruf Amin", "Sumanto Al-Qur'an", "D'Masiv"},
                          Fields{"Nyai Ronggeng \xE2\x80\x99", "\xC3\x89tienne", "\xF0\x9F\x98\x80"}));
}

TEST(CsvReader, EmptyInputHasNoHeaderAndNoRecords) {
  for (std::string_view text : {"", "\n", "\r\n\r\n", "\r"}) {
    CsvReader reader = CsvReader::FromString(text);
    EXPECT_THAT(reader.header(), IsEmpty());
    EXPECT_THAT(ReadAll(reader), IsEmpty());
    EXPECT_TRUE(reader.status().ok());
  }
}

TEST(CsvReader, ReadsOtherDelimiters) {
  CsvOptions semicolon;
  semicolon.delimiter = ';';
  CsvReader reader = CsvReader::FromString("nik;nama;gaji\n1;\"Budi; Jr.\";2.500.000,00\n", semicolon);
  EXPECT_THAT(reader.header(), ElementsAre("nik", "nama", "gaji"));
  EXPECT_THAT(FieldsOf(ReadAll(reader)), ElementsAre(Fields{"1", "Budi; Jr.", "2.500.000,00"}));

  CsvOptions tab;
  tab.delimiter = '\t';
  EXPECT_THAT(FieldsOf(ReadAll("h1\th2\na, b\t\"c\td\"\n", tab)), ElementsAre(Fields{"a, b", "c\td"}));
}

TEST(CsvReader, DetectsTheDelimiterFromTheFirstLine) {
  CsvOptions detect;
  detect.detect_delimiter = true;
  {
    CsvReader reader = CsvReader::FromString("\xEF\xBB\xBFnik;nama;\"kota, provinsi\"\n1;a,b;c\n", detect);
    EXPECT_EQ(reader.delimiter(), ';');
    EXPECT_THAT(reader.header(), ElementsAre("nik", "nama", "kota, provinsi"));
    EXPECT_THAT(FieldsOf(ReadAll(reader)), ElementsAre(Fields{"1", "a,b", "c"}));
  }
  {
    CsvReader reader = CsvReader::FromString("\n\r\nnik,nama\n1;2,3\n", detect);
    EXPECT_EQ(reader.delimiter(), ',');
    EXPECT_THAT(FieldsOf(ReadAll(reader)), ElementsAre(Fields{"1;2", "3"}));
  }
  EXPECT_EQ(CsvReader::FromString("a\tb\tc;d\n", detect).delimiter(), '\t');
  EXPECT_EQ(CsvReader::FromString("a;b,c\n", detect).delimiter(), ',');  // a tie: ',' first
  // Nothing to go by: the configured delimiter stays.
  detect.delimiter = ';';
  EXPECT_EQ(CsvReader::FromString("nik\n1\n", detect).delimiter(), ';');
  EXPECT_EQ(CsvReader::FromString("", detect).delimiter(), ';');
  // Detection works when the first line spans many tiny reads.
  detect.buffer_bytes = 3;
  EXPECT_EQ(CsvReader::FromString("nik;nama_lengkap;tanggal_lahir\n", detect).delimiter(), ';');
}

TEST(CsvReader, RejectsADelimiterThatCannotWork) {
  for (char delimiter : {'"', '\n', '\r'}) {
    CsvOptions options;
    options.delimiter = delimiter;
    CsvReader reader = CsvReader::FromString("a\n", options);
    EXPECT_EQ(reader.status().code(), absl::StatusCode::kInvalidArgument);
    CsvRecord record;
    EXPECT_FALSE(reader.Next(&record));
  }
}

TEST(CsvReader, ReportsAnUnterminatedQuotedField) {
  const std::vector<Row> rows = ReadAll("h1,h2\na,b\nc,\"d\ne,f\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].problem, "unterminated quoted field");
  EXPECT_EQ(rows[1].record_number, 2u);
  EXPECT_EQ(rows[1].line, 3u);
  EXPECT_EQ(rows[1].problem_line, 3u);
  EXPECT_EQ(rows[1].problem_column, 3u);
  EXPECT_EQ(rows[1].problem_field, 2u);
  EXPECT_THAT(rows[1].fields, ElementsAre("c", "d\ne,f\n"));  // the rest of the input
}

TEST(CsvReader, ReportsAQuoteInsideAnUnquotedField) {
  const std::vector<Row> rows = ReadAll("a,b\n1,Jl. 5\" x,3\n4,5,6\n", NoHeader());
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1].problem, "quote inside an unquoted field");
  EXPECT_THAT(rows[1].fields, ElementsAre("1", "Jl. 5\" x", "3"));
  EXPECT_EQ(rows[1].record_number, 2u);
  EXPECT_EQ(rows[1].problem_line, 2u);
  EXPECT_EQ(rows[1].problem_column, 8u);
  EXPECT_EQ(rows[1].problem_field, 2u);
  EXPECT_EQ(rows[2].problem, "");
  EXPECT_THAT(rows[2].fields, ElementsAre("4", "5", "6"));
}

TEST(CsvReader, ReportsTextAfterAClosingQuote) {
  const std::vector<Row> rows = ReadAll("x\n\"multi\nline\"tail\"s,2\nok\n", NoHeader());
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1].problem, "text after a closing quote");
  EXPECT_THAT(rows[1].fields, ElementsAre("multi\nlinetail\"s", "2"));
  EXPECT_EQ(rows[1].line, 2u);
  EXPECT_EQ(rows[1].problem_line, 3u);
  EXPECT_EQ(rows[1].problem_column, 6u);
  EXPECT_EQ(rows[1].problem_field, 1u);
  EXPECT_EQ(rows[2].line, 4u);
  EXPECT_THAT(rows[2].fields, ElementsAre("ok"));
}

TEST(CsvReader, KeepsTheWorstProblemOfARecord) {
  const std::vector<Row> rows = ReadAll("a\"b,\"c\"d,\"e", NoHeader());
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].problem, "unterminated quoted field");
  EXPECT_EQ(rows[0].problem_column, 10u);
  EXPECT_EQ(rows[0].problem_field, 3u);
  EXPECT_THAT(rows[0].fields, ElementsAre("a\"b", "cd", "e"));
}

TEST(CsvReader, ReportsAFieldThatIsTooLong) {
  CsvOptions options = NoHeader();
  options.max_field_bytes = 4;
  const std::vector<Row> rows = ReadAll("abcd,\"ab\"\"c\"\nab,abcde,x\n\"a\"\"\"\"\"\"\"\"\"\nok\n", options);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_THAT(rows[0].fields, ElementsAre("abcd", "ab\"c"));  // 4 bytes once unescaped
  EXPECT_EQ(rows[1].problem, "field longer than 4 bytes");
  EXPECT_THAT(rows[1].fields, IsEmpty());
  EXPECT_EQ(rows[1].problem_line, 2u);
  EXPECT_EQ(rows[1].problem_column, 4u);
  EXPECT_EQ(rows[1].problem_field, 2u);
  EXPECT_EQ(rows[2].problem, "field longer than 4 bytes");  // a"""" once unescaped
  EXPECT_THAT(rows[3].fields, ElementsAre("ok"));
  EXPECT_EQ(rows[3].record_number, 4u);
}

TEST(CsvReader, ReportsARecordWithTooManyFields) {
  CsvOptions options = NoHeader();
  options.max_fields = 3;
  const std::vector<Row> rows = ReadAll("a,b,c\na,b,c,d,e\n,,\n,,,\n", options);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_THAT(rows[0].fields, ElementsAre("a", "b", "c"));
  EXPECT_EQ(rows[1].problem, "more than 3 fields");
  EXPECT_THAT(rows[1].fields, IsEmpty());
  EXPECT_EQ(rows[1].problem_column, 7u);
  EXPECT_EQ(rows[1].problem_field, 4u);
  EXPECT_THAT(rows[2].fields, ElementsAre("", "", ""));
  EXPECT_EQ(rows[3].problem, "more than 3 fields");
  EXPECT_EQ(rows[3].problem_column, 4u);
}

TEST(CsvReader, ReportsARecordThatIsTooLongWhateverTheBufferSize) {
  const std::string text = "ok\n0123456789,0123456789\n\"quoted\n0123456789012345\"\r\nnext,\"x\"\n";
  for (size_t buffer_bytes : {1, 2, 7, 1 << 20}) {
    CsvOptions options = NoHeader();
    options.max_record_bytes = 12;
    options.buffer_bytes = buffer_bytes;
    const std::vector<Row> rows = ReadAll(text, options);
    ASSERT_EQ(rows.size(), 4u) << buffer_bytes;
    EXPECT_THAT(rows[0].fields, ElementsAre("ok"));
    EXPECT_EQ(rows[1].problem, "record longer than 12 bytes");
    EXPECT_THAT(rows[1].fields, IsEmpty());
    EXPECT_EQ(rows[1].line, 2u);
    EXPECT_EQ(rows[1].problem_line, 2u);
    EXPECT_EQ(rows[1].problem_column, 1u);
    EXPECT_EQ(rows[2].problem, "record longer than 12 bytes");
    EXPECT_EQ(rows[2].line, 3u);
    EXPECT_THAT(rows[3].fields, ElementsAre("next", "x"));
    EXPECT_EQ(rows[3].line, 5u);
    EXPECT_EQ(rows[3].record_number, 4u);
  }
}

TEST(CsvReader, SkipsAHugeUnterminatedQuoteInBoundedMemory) {
  // 16 MiB inside one quote, read 64 KiB at a time with records limited to 1 MiB: the
  // reader reports one problem record at the quote and never buffers the rest.
  std::string text = "nik,nama\n1,ok\n2,\"Ma'ruf\n";
  const std::string line(63, 'x');
  while (text.size() < (size_t{16} << 20)) text += line + "\n";
  CsvOptions options;
  options.max_record_bytes = size_t{1} << 20;
  options.buffer_bytes = size_t{64} << 10;
  const std::vector<Row> rows = ReadAll(text, options);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_THAT(rows[0].fields, ElementsAre("1", "ok"));
  EXPECT_EQ(rows[1].problem, "unterminated quoted field");
  EXPECT_THAT(rows[1].fields, IsEmpty());
  EXPECT_EQ(rows[1].line, 3u);
  EXPECT_EQ(rows[1].problem_line, 3u);
  EXPECT_EQ(rows[1].problem_column, 3u);
  EXPECT_EQ(rows[1].problem_field, 2u);
}

TEST(CsvReader, AHeaderWithAProblemStopsTheReader) {
  CsvReader reader = CsvReader::FromString("nik,na\"ma\n1,2\n");
  EXPECT_EQ(reader.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(reader.status().message(), ::testing::HasSubstr("quote inside an unquoted field"));
  EXPECT_THAT(reader.status().message(), ::testing::HasSubstr("line 1, column 7"));
  CsvRecord record;
  EXPECT_FALSE(reader.Next(&record));
}

// A temporary file that is removed at the end of the test.
class TempFile {
 public:
  explicit TempFile(std::string_view contents) {
    path_ = (std::filesystem::temp_directory_path() / ("csv_reader_test_XXXXXX")).string();
    const int fd = mkstemp(path_.data());
    EXPECT_GE(fd, 0);
    EXPECT_EQ(write(fd, contents.data(), contents.size()), static_cast<ssize_t>(contents.size()));
    close(fd);
  }
  ~TempFile() { std::filesystem::remove(path_); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

TEST(CsvReader, ReadsAFile) {
  const std::string text = "\xEF\xBB\xBFnik;nama\r\n1;\"Ma'ruf\r\nAmin\"\r\n2;Siti\r\n";
  TempFile file(text);
  CsvOptions options;
  options.detect_delimiter = true;
  options.buffer_bytes = 5;
  absl::StatusOr<CsvReader> reader = CsvReader::Open(file.path(), options);
  ASSERT_TRUE(reader.ok()) << reader.status();
  EXPECT_THAT(reader->header(), ElementsAre("nik", "nama"));
  const std::vector<Row> rows = ReadAll(*reader);
  EXPECT_TRUE(reader->status().ok());
  EXPECT_THAT(FieldsOf(rows), ElementsAre(Fields{"1", "Ma'ruf\r\nAmin"}, Fields{"2", "Siti"}));
  EXPECT_THAT(LinesOf(rows), ElementsAre(2u, 4u));
  options.buffer_bytes = 1 << 20;
  EXPECT_EQ(rows, ReadAll(text, options));
}

TEST(CsvReader, OpenFailsForAFileThatCannotBeRead) {
  const absl::StatusOr<CsvReader> missing = CsvReader::Open("/nonexistent/dir/data.csv");
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(missing.status().message(), ::testing::HasSubstr("/nonexistent/dir/data.csv"));
  const absl::StatusOr<CsvReader> directory =
      CsvReader::Open(std::filesystem::temp_directory_path().string());
  EXPECT_FALSE(directory.ok());
  TempFile bad_header("a,\"b\n");
  EXPECT_EQ(CsvReader::Open(bad_header.path()).status().code(), absl::StatusCode::kInvalidArgument);
}

// Random CSV-ish text: mostly well-formed pieces with line breaks, quotes, delimiters and
// UTF-8 mixed in, so that every problem and every kind of boundary turns up.
std::string RandomText(std::mt19937& random) {
  static constexpr std::string_view kPieces[] = {
      "a", "bc", "Ma'ruf", "\xC3\xA9", ",", ",", ";", "\n", "\r\n", "\r", "\"", "\"\"", "\"x,y\"",
      "\"p\nq\"", " ", "\xEF\xBB\xBF", "12345678901234567890", ",,,,"};
  std::string text;
  const size_t pieces = std::uniform_int_distribution<size_t>(0, 60)(random);
  for (size_t i = 0; i < pieces; ++i) {
    text += kPieces[std::uniform_int_distribution<size_t>(0, std::size(kPieces) - 1)(random)];
  }
  return text;
}

TEST(CsvReader, ResultsDoNotDependOnTheBufferSize) {
  std::mt19937 random(20240611);
  CsvOptions tight;
  tight.max_field_bytes = 6;
  tight.max_fields = 4;
  tight.max_record_bytes = 15;
  CsvOptions detect;
  detect.detect_delimiter = true;
  const CsvOptions option_sets[] = {CsvOptions{}, NoHeader(), tight, detect};
  size_t problems = 0;
  size_t records = 0;
  for (int round = 0; round < 3000; ++round) {
    const std::string text = RandomText(random);
    for (const CsvOptions& base : option_sets) {
      CsvReader expected_reader = CsvReader::FromString(text, base);
      const std::vector<Row> expected = ReadAll(expected_reader);
      records += expected.size();
      for (const Row& row : expected) problems += !row.problem.empty();
      for (size_t buffer_bytes : {1, 2, 3, 7}) {
        CsvOptions options = base;
        options.buffer_bytes = buffer_bytes;
        CsvReader reader = CsvReader::FromString(text, options);
        ASSERT_EQ(reader.status(), expected_reader.status()) << ::testing::PrintToString(text);
        ASSERT_EQ(reader.header(), expected_reader.header()) << ::testing::PrintToString(text);
        ASSERT_EQ(ReadAll(reader), expected)
            << ::testing::PrintToString(text) << " with buffer_bytes " << buffer_bytes;
      }
    }
  }
  // The generator really produces both kinds of record.
  EXPECT_GT(problems, 1000u);
  EXPECT_GT(records, 20000u);
}

// Records without quotes, which the reader splits on a fast path, read as plain splitting
// says: any number of fields (past the 16 the reader first makes room for) of any length
// (across its 16-byte blocks), every line break, a last line with or without one, any buffer
// size; at the field, field-count and record limits exactly, and one past them.
TEST(CsvReader, PlainRecordsReadAsSplittingThemSays) {
  std::mt19937 random(20261130);
  static constexpr std::string_view kBreaks[] = {"\n", "\r\n", "\r"};
  static constexpr std::string_view kBytes = "abc XYZ019'\xC3\xA9-";
  size_t records = 0;
  size_t over_limits = 0;
  for (int round = 0; round < 2000; ++round) {
    std::vector<Fields> lines(std::uniform_int_distribution<size_t>(1, 5)(random));
    std::string text;
    for (size_t l = 0; l < lines.size(); ++l) {
      const size_t count = std::uniform_int_distribution<size_t>(1, 40)(random);
      for (size_t f = 0; f < count; ++f) {
        std::string field;
        const size_t length = std::uniform_int_distribution<size_t>(0, random() % 4 == 0 ? 40 : 9)(random);
        for (size_t b = 0; b < length; ++b) field += kBytes[random() % kBytes.size()];
        if (count == 1 && field.empty()) field = "x";  // an empty line would be skipped
        lines[l].push_back(field);
        text += (f > 0 ? "," : "") + field;
      }
      if (l + 1 < lines.size() || random() % 2 == 0) text += kBreaks[random() % 3];
    }
    CsvOptions options = NoHeader();
    options.max_fields = std::uniform_int_distribution<size_t>(10, 45)(random);
    options.max_field_bytes = std::uniform_int_distribution<size_t>(8, 45)(random);
    options.max_record_bytes = std::uniform_int_distribution<size_t>(100, 700)(random);
    for (size_t buffer_bytes : {size_t{1}, size_t{5}, size_t{16}, size_t{64}, size_t{1} << 20}) {
      options.buffer_bytes = buffer_bytes;
      const std::vector<Row> rows = ReadAll(text, options);
      ASSERT_EQ(rows.size(), lines.size()) << ::testing::PrintToString(text);
      for (size_t l = 0; l < lines.size(); ++l) {
        size_t bytes = lines[l].size() - 1;
        size_t longest = 0;
        for (const std::string& field : lines[l]) {
          bytes += field.size();
          longest = std::max(longest, field.size());
        }
        const bool within = lines[l].size() <= options.max_fields && longest <= options.max_field_bytes &&
                            bytes <= options.max_record_bytes;
        SCOPED_TRACE(::testing::PrintToString(text) + " buffer " + std::to_string(buffer_bytes));
        EXPECT_EQ(rows[l].record_number, l + 1);
        EXPECT_EQ(rows[l].line, l + 1);
        if (within) {
          EXPECT_EQ(rows[l].fields, lines[l]);
          EXPECT_EQ(rows[l].problem, "");
        } else {
          EXPECT_THAT(rows[l].fields, IsEmpty());
          EXPECT_NE(rows[l].problem, "");
        }
        records += within;
        over_limits += !within;
      }
    }
  }
  EXPECT_GT(records, 5000u);
  EXPECT_GT(over_limits, 1000u);
}

// Exactly at each limit a plain record reads; one past it, it is reported.
TEST(CsvReader, PlainRecordsAtTheirLimits) {
  CsvOptions options = NoHeader();
  options.max_fields = 20;
  options.max_field_bytes = 17;
  options.max_record_bytes = 60;
  Fields twenty(20, "a");
  std::string at_fields = "a";
  for (int i = 1; i < 20; ++i) at_fields += ",a";
  const std::string long_field(17, 'b');
  const std::string sixty = long_field + "," + long_field + "," + long_field + "," + std::string(6, 'c');
  const std::vector<Row> rows =
      ReadAll(at_fields + "\n" + at_fields + ",a\n" + long_field + "\n" + long_field + "b\n" + sixty + "\n" +
                  sixty + "c\n",
              options);
  ASSERT_EQ(rows.size(), 6u);
  EXPECT_EQ(rows[0].fields, twenty);
  EXPECT_EQ(rows[1].problem, "more than 20 fields");
  EXPECT_THAT(rows[2].fields, ElementsAre(long_field));
  EXPECT_EQ(rows[3].problem, "field longer than 17 bytes");
  EXPECT_EQ(rows[4].fields.size(), 4u);
  EXPECT_EQ(rows[5].problem, "record longer than 60 bytes");
}

// Quotes `field` when it needs it (or at random), doubling its quotes.
std::string Encode(std::string_view field, std::mt19937& random) {
  const bool needs_quotes = field.empty() || field.find_first_of(",\"\r\n") != std::string_view::npos;
  if (!needs_quotes && random() % 4 != 0) return std::string(field);
  std::string out = "\"";
  for (char c : field) {
    out += c;
    if (c == '"') out += '"';
  }
  return out + "\"";
}

TEST(CsvReader, ReadsBackWhatAWriterWrote) {
  std::mt19937 random(7);
  static constexpr std::string_view kValues[] = {"", "Budi", "Ma'ruf", "a,b", "\"", "say \"hi\"",
                                                 "x\ny", "x\r\ny", "\xC3\xA9t\xC3\xA9", " pad ", "\r"};
  for (int round = 0; round < 500; ++round) {
    std::vector<Fields> records;
    std::string text;
    const size_t count = 1 + random() % 20;
    const size_t width = 1 + random() % 5;
    for (size_t r = 0; r < count; ++r) {
      Fields fields;
      for (size_t f = 0; f < width; ++f) {
        fields.emplace_back(kValues[random() % std::size(kValues)]);
        text += (f == 0 ? "" : ",") + Encode(fields.back(), random);
      }
      records.push_back(fields);
      if (r + 1 < count || random() % 2 == 0) text += random() % 2 == 0 ? "\n" : "\r\n";
    }
    CsvOptions options = NoHeader();
    options.buffer_bytes = 1 + random() % 16;
    const std::vector<Row> rows = ReadAll(text, options);
    ASSERT_EQ(FieldsOf(rows), records) << ::testing::PrintToString(text);
    for (const Row& row : rows) ASSERT_EQ(row.problem, "") << ::testing::PrintToString(text);
  }
}

TEST(CsvReader, IsMovable) {
  CsvReader reader = CsvReader::FromString("h\n1\n2\n", CsvOptions{.buffer_bytes = 2});
  CsvRecord record;
  ASSERT_TRUE(reader.Next(&record));
  CsvReader moved = std::move(reader);
  ASSERT_TRUE(moved.Next(&record));
  EXPECT_THAT(record.fields(), ElementsAre("2"));
  EXPECT_EQ(record.record_number(), 2u);
  EXPECT_FALSE(moved.Next(&record));
}

TEST(CsvReader, CountsTheBytesOfTheRecordsReturned) {
  const std::string text = "\xEF\xBB\xBFnik,nama\n1,Ani\r\n2,\"Bu, di\"\n";
  for (size_t buffer_bytes : {size_t{1}, size_t{4}, size_t{1} << 20}) {
    CsvOptions options;
    options.buffer_bytes = buffer_bytes;
    CsvReader reader = CsvReader::FromString(text, options);
    CsvRecord record;
    ASSERT_TRUE(reader.Next(&record));
    EXPECT_LE(reader.bytes_consumed(), std::string("\xEF\xBB\xBFnik,nama\n1,Ani\r\n").size());
    EXPECT_GE(reader.bytes_consumed(), std::string("\xEF\xBB\xBFnik,nama\n1,Ani").size());
    ASSERT_TRUE(reader.Next(&record));
    EXPECT_FALSE(reader.Next(&record));
    EXPECT_EQ(reader.bytes_consumed(), text.size()) << buffer_bytes;
  }
}

}  // namespace
}  // namespace aturan
