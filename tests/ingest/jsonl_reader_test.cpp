#include "ingest/jsonl_reader.hpp"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <ostream>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "base/strings.hpp"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace aturan {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// One member, copied out of the reader's buffers.
struct Member {
  std::string key;
  std::string text;
  bool null = false;

  bool operator==(const Member&) const = default;
};

void PrintTo(const Member& member, std::ostream* os) {
  *os << ::testing::PrintToString(member.key) << ": "
      << (member.null ? std::string("null") : ::testing::PrintToString(member.text));
}

Member M(std::string_view key, std::string_view text) { return Member{std::string(key), std::string(text)}; }
Member Null(std::string_view key) { return Member{std::string(key), "", true}; }

using Members = std::vector<Member>;

// Everything JsonLinesReader says about one line.
struct Row {
  Members members;
  uint64_t record_number = 0;
  uint64_t line = 0;
  std::string problem;
  uint64_t problem_column = 0;

  bool operator==(const Row&) const = default;
};

void PrintTo(const Row& row, std::ostream* os) {
  *os << "#" << row.record_number << " line " << row.line << " " << ::testing::PrintToString(row.members);
  if (!row.problem.empty()) *os << " problem '" << row.problem << "' at column " << row.problem_column;
}

Row ToRow(const JsonLine& line) {
  Row row;
  for (const JsonMember& member : line.members()) {
    row.members.push_back(Member{std::string(member.key), std::string(member.text), member.null});
  }
  row.record_number = line.record_number();
  row.line = line.line();
  row.problem = std::string(line.problem());
  row.problem_column = line.problem_column();
  return row;
}

std::vector<Row> ReadAll(JsonLinesReader& reader) {
  std::vector<Row> rows;
  JsonLine line;
  while (reader.Next(&line)) rows.push_back(ToRow(line));
  return rows;
}

std::vector<Row> ReadAll(std::string_view text, JsonLinesOptions options = {}) {
  JsonLinesReader reader = JsonLinesReader::FromString(text, options);
  std::vector<Row> rows = ReadAll(reader);
  EXPECT_TRUE(reader.status().ok()) << reader.status();
  return rows;
}

// The one line `text` holds.
Row ReadOne(std::string_view text) {
  const std::vector<Row> rows = ReadAll(text);
  EXPECT_EQ(rows.size(), 1u) << ::testing::PrintToString(text);
  return rows.empty() ? Row{} : rows[0];
}

std::vector<Members> MembersOf(const std::vector<Row>& rows) {
  std::vector<Members> members;
  for (const Row& row : rows) members.push_back(row.members);
  return members;
}

std::vector<uint64_t> LinesOf(const std::vector<Row>& rows) {
  std::vector<uint64_t> lines;
  for (const Row& row : rows) lines.push_back(row.line);
  return lines;
}

std::vector<uint64_t> RecordNumbersOf(const std::vector<Row>& rows) {
  std::vector<uint64_t> numbers;
  for (const Row& row : rows) numbers.push_back(row.record_number);
  return numbers;
}

TEST(JsonLinesReader, ReadsObjectsOfScalars) {
  const std::vector<Row> rows =
      ReadAll(R"({"nik":"3375011203850001","nama":"Budi","penghasilan":2500000,"tulang_punggung":true})"
              "\n"
              R"({"nik":"3375015507900002","nama":"Siti","penghasilan":null,"tulang_punggung":false})"
              "\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_THAT(rows[0].members, ElementsAre(M("nik", "3375011203850001"), M("nama", "Budi"),
                                           M("penghasilan", "2500000"), M("tulang_punggung", "true")));
  EXPECT_THAT(rows[1].members, ElementsAre(M("nik", "3375015507900002"), M("nama", "Siti"),
                                           Null("penghasilan"), M("tulang_punggung", "false")));
  EXPECT_THAT(RecordNumbersOf(rows), ElementsAre(1u, 2u));
  EXPECT_THAT(LinesOf(rows), ElementsAre(1u, 2u));
  for (const Row& row : rows) {
    EXPECT_EQ(row.problem, "");
    EXPECT_EQ(row.problem_column, 0u);
  }
}

TEST(JsonLinesReader, KeepsNumbersAsWritten) {
  const Row row = ReadOne(
      R"({"a":2500000,"b":-1.5e3,"c":0,"d":-0.0,"e":1E+10,"f":2.50e-07,"g":12345678901234567890123456789})");
  EXPECT_THAT(row.members,
              ElementsAre(M("a", "2500000"), M("b", "-1.5e3"), M("c", "0"), M("d", "-0.0"), M("e", "1E+10"),
                          M("f", "2.50e-07"), M("g", "12345678901234567890123456789")));
  EXPECT_EQ(row.problem, "");
}

TEST(JsonLinesReader, TellsNullFromTheTextNull) {
  const Row row = ReadOne(R"({"a":null,"b":"null","c":"","d":null})");
  EXPECT_THAT(row.members, ElementsAre(Null("a"), M("b", "null"), M("c", ""), Null("d")));
}

TEST(JsonLinesReader, AllowsWhitespaceBetweenTokens) {
  const Row row = ReadOne(" \t{ \"a\" :\t1 , \"b\"\r: \"x y\" ,\"c\":true }\t ");
  EXPECT_THAT(row.members, ElementsAre(M("a", "1"), M("b", "x y"), M("c", "true")));
  EXPECT_EQ(row.problem, "");
  EXPECT_THAT(ReadOne("{ }").members, IsEmpty());
  EXPECT_EQ(ReadOne("{}").problem, "");
}

TEST(JsonLinesReader, UnescapesStrings) {
  const Row row =
      ReadOne(R"({"q":"say \"hi\"","s":"a\\b\/c","c":"\b\f\n\r\t","e":"D\u00e9d\u00E9","euro":"\u20ac",)"
              R"("smile":"x\ud83d\ude00y","nul":"a\u0000b","na\u006da":"Siti Nur\u0027aini"})");
  EXPECT_EQ(row.problem, "");
  EXPECT_THAT(row.members, ElementsAre(M("q", "say \"hi\""), M("s", "a\\b/c"), M("c", "\b\f\n\r\t"),
                                       M("e", "Dédé"), M("euro", "€"), M("smile", "x😀y"),
                                       M("nul", std::string_view("a\0b", 3)), M("nama", "Siti Nur'aini")));
}

TEST(JsonLinesReader, PassesUtf8Through) {
  // Source text is UTF-8: "é" is 2 bytes, "’" and "€" 3, "😀" 4.
  const Row row =
      ReadOne(R"({"nama":"Siti Nur'aini","panggilan":"Dédé","kota":"’Pekalongan","😀":"😀\né\t€"})");
  EXPECT_EQ(row.problem, "");
  EXPECT_THAT(row.members, ElementsAre(M("nama", "Siti Nur'aini"), M("panggilan", "Dédé"),
                                       M("kota", "’Pekalongan"), M("😀", "😀\né\t€")));
}

TEST(JsonLinesReader, ReportsInvalidUtf8) {
  struct Case {
    std::string text;
    uint64_t column;
  };
  const Case cases[] = {
      {"{\"a\":\"D\xE9"
       "d\xE9\"}",
       8},                                  // Latin-1
      {"{\"a\":\"x\x80\"}", 8},             // a stray continuation byte
      {"{\"a\":\"\xC0\xAF\"}", 7},          // overlong
      {"{\"a\":\"\xE0\x80\xAF\"}", 7},      // overlong
      {"{\"a\":\"\xED\xA0\x80\"}", 7},      // a surrogate
      {"{\"a\":\"\xF4\x90\x80\x80\"}", 7},  // above U+10FFFF
      {"{\"a\":\"\xF5\x80\x80\x80\"}", 7},
      {"{\"a\":\"\xC3\"}", 7},       // cut short by the quote
      {"{\"\xE2\x82\":1}", 3},       // in a key
      {"{\"a\":\"\xF0\x9F\x98", 7},  // cut short by the end of the line
  };
  for (const Case& c : cases) {
    const std::vector<Row> rows = ReadAll(c.text + "\n{\"ok\":1}\n");
    ASSERT_EQ(rows.size(), 2u) << ::testing::PrintToString(c.text);
    EXPECT_EQ(rows[0].problem, "invalid UTF-8") << ::testing::PrintToString(c.text);
    EXPECT_EQ(rows[0].problem_column, c.column) << ::testing::PrintToString(c.text);
    EXPECT_THAT(rows[1].members, ElementsAre(M("ok", "1")));
    EXPECT_EQ(rows[1].record_number, 2u);
  }
}

TEST(JsonLinesReader, LineBreaksLfAndCrlfAndAFinalLineWithoutOne) {
  const std::vector<Members> expected = {{M("a", "1")}, {M("b", "2")}, {M("c", "3")}};
  for (std::string_view text :
       {"{\"a\":1}\n{\"b\":2}\n{\"c\":3}\n", "{\"a\":1}\r\n{\"b\":2}\r\n{\"c\":3}\r\n",
        "{\"a\":1}\n{\"b\":2}\r\n{\"c\":3}", "{\"a\":1}\r\n{\"b\":2}\n{\"c\":3}\r"}) {
    const std::vector<Row> rows = ReadAll(text);
    EXPECT_EQ(MembersOf(rows), expected) << ::testing::PrintToString(text);
    EXPECT_THAT(LinesOf(rows), ElementsAre(1u, 2u, 3u)) << ::testing::PrintToString(text);
    for (const Row& row : rows) EXPECT_EQ(row.problem, "") << ::testing::PrintToString(text);
  }
}

TEST(JsonLinesReader, ALoneCrIsNotALineBreak) {
  const std::vector<Row> rows = ReadAll("{\"a\":1}\r{\"b\":2}\n{\"c\":\r3}\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].problem, "not valid JSON: text after the object");
  EXPECT_EQ(rows[0].problem_column, 9u);
  EXPECT_THAT(rows[0].members, ElementsAre(M("a", "1")));
  EXPECT_THAT(rows[1].members, ElementsAre(M("c", "3")));  // inside a line a CR is whitespace
  EXPECT_EQ(rows[1].line, 2u);
}

TEST(JsonLinesReader, SkipsBlankLinesButCountsThem) {
  const std::vector<Row> rows = ReadAll("\n  \n\t\r\n{\"a\":1}\n\r\n \t \n{\"b\":2}\n\n\n");
  EXPECT_EQ(MembersOf(rows), (std::vector<Members>{{M("a", "1")}, {M("b", "2")}}));
  EXPECT_THAT(LinesOf(rows), ElementsAre(4u, 7u));
  EXPECT_THAT(RecordNumbersOf(rows), ElementsAre(1u, 2u));
}

TEST(JsonLinesReader, EmptyInputHasNoRecords) {
  for (std::string_view text : {"", "\n", "\r\n\r\n", " ", "\xEF\xBB\xBF", "\xEF\xBB\xBF\n"}) {
    EXPECT_THAT(ReadAll(text), IsEmpty()) << ::testing::PrintToString(text);
  }
}

TEST(JsonLinesReader, DropsTheByteOrderMarkOnlyAtTheStart) {
  const std::vector<Row> rows = ReadAll("\xEF\xBB\xBF{\"a\":x}\n\xEF\xBB\xBF{\"b\":2}\n{\"c\":3}\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].problem, "not valid JSON: expected a value");
  EXPECT_EQ(rows[0].problem_column, 6u);  // the mark is not counted
  EXPECT_EQ(rows[1].problem, "not valid JSON: expected a value");
  EXPECT_EQ(rows[1].problem_column, 1u);
  EXPECT_THAT(rows[2].members, ElementsAre(M("c", "3")));
  EXPECT_THAT(ReadOne("\xEF\xBB\xBF{\"a\":1}").members, ElementsAre(M("a", "1")));
}

TEST(JsonLinesReader, ReportsALineThatIsNotAnObject) {
  struct Case {
    std::string_view text;
    std::string_view problem;
    uint64_t column;
  };
  const Case cases[] = {
      {"[1,2]", "not a JSON object but an array", 1},
      {"  [{\"a\":1}]", "not a JSON object but an array", 3},
      {"42", "not a JSON object but a number", 1},
      {"-1.5e3 ", "not a JSON object but a number", 1},
      {"\"Budi\"", "not a JSON object but a string", 1},
      {"true", "not a JSON object but true", 1},
      {"false", "not a JSON object but false", 1},
      {"\tnull", "not a JSON object but null", 2},
      {"\"Budi\" 1", "not valid JSON: text after the value", 8},
      {"nik,nama", "not valid JSON: expected a value", 1},
      {"nul", "not valid JSON: expected a value", 1},
  };
  for (const Case& c : cases) {
    const std::vector<Row> rows = ReadAll(StrCat(c.text, "\n{\"ok\":1}\n"));
    ASSERT_EQ(rows.size(), 2u) << c.text;
    EXPECT_EQ(rows[0].problem, c.problem) << c.text;
    EXPECT_EQ(rows[0].problem_column, c.column) << c.text;
    EXPECT_THAT(rows[0].members, IsEmpty()) << c.text;
    EXPECT_THAT(rows[1].members, ElementsAre(M("ok", "1"))) << c.text;
  }
}

TEST(JsonLinesReader, ReportsANestedValue) {
  Row row = ReadOne(R"({"nik":"1","alamat":{"rt":"001"},"nama":"Budi"})");
  EXPECT_EQ(row.problem, "nested value for key \"alamat\"");
  EXPECT_EQ(row.problem_column, 21u);
  EXPECT_THAT(row.members, ElementsAre(M("nik", "1")));  // what came before, to name the candidate
  row = ReadOne(R"({"anak": [1, 2]})");
  EXPECT_EQ(row.problem, "nested value for key \"anak\"");
  EXPECT_EQ(row.problem_column, 10u);
  EXPECT_THAT(row.members, IsEmpty());
  // Long keys are cut in the reason, at a UTF-8 boundary.
  row = ReadOne(absl::StrCat("{\"", std::string(39, 'k'), "\xC3\xA9xyz\":[]}"));
  EXPECT_EQ(row.problem, absl::StrCat("nested value for key \"", std::string(39, 'k'), "...\""));
}

TEST(JsonLinesReader, ReportsADuplicateKey) {
  Row row = ReadOne(R"({"a":1,"b":2,"a":3})");
  EXPECT_EQ(row.problem, "duplicate key \"a\"");
  EXPECT_EQ(row.problem_column, 14u);
  EXPECT_THAT(row.members, ElementsAre(M("a", "1"), M("b", "2")));
  // Keys are compared once unescaped.
  row = ReadOne(R"({"nama":"Budi","na\u006da":"Siti"})");
  EXPECT_EQ(row.problem, "duplicate key \"nama\"");
  EXPECT_EQ(row.problem_column, 16u);
  // The same keys on the next line are fine.
  const std::vector<Row> rows = ReadAll("{\"a\":1,\"b\":2}\n{\"b\":1,\"a\":2}\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].problem, "");
  EXPECT_EQ(rows[1].problem, "");
}

TEST(JsonLinesReader, FindsDuplicatesAmongManyKeys) {
  // Enough keys that the duplicate-key table grows several times within one line.
  std::string text = "{";
  Members expected;
  for (int i = 0; i < 1000; ++i) {
    absl::StrAppend(&text, i == 0 ? "" : ",", "\"k", i, "\":", i);
    expected.push_back(M(absl::StrCat("k", i), absl::StrCat(i)));
  }
  const std::string distinct = text + "}";
  const std::string duplicate = text + ",\"k517\":0}";
  const std::vector<Row> rows = ReadAll(distinct + "\n" + duplicate + "\n" + distinct + "\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].problem, "");
  EXPECT_EQ(rows[0].members, expected);
  EXPECT_EQ(rows[1].problem, "duplicate key \"k517\"");
  EXPECT_EQ(rows[1].problem_column, text.size() + 2);
  EXPECT_EQ(rows[1].members, expected);
  EXPECT_EQ(rows[2].problem, "");
  EXPECT_EQ(rows[2].members, expected);
}

TEST(JsonLinesReader, ReportsInvalidJsonWithItsColumn) {
  struct Case {
    std::string_view text;
    std::string_view problem;
    uint64_t column;
  };
  const Case cases[] = {
      {R"({"a":1)", "not valid JSON: expected ',' or '}', found the end of the line", 7},
      {R"({"a":1 "b":2})", "not valid JSON: expected ',' or '}'", 8},
      {R"({"a" 1})", "not valid JSON: expected ':' after a key", 6},
      {R"({a:1})", "not valid JSON: expected a key in double quotes", 2},
      {R"({'a':1})", "not valid JSON: expected a key in double quotes", 2},
      {R"({"a":1,})", "not valid JSON: expected a key in double quotes", 8},
      {R"({)", "not valid JSON: expected a key in double quotes, found the end of the line", 2},
      {R"({"a":})", "not valid JSON: expected a value", 6},
      {R"({"a":)", "not valid JSON: expected a value, found the end of the line", 6},
      {R"({"a":tru})", "not valid JSON: expected a value", 6},
      {R"({"a":True})", "not valid JSON: expected a value", 6},
      {R"({"a":NaN})", "not valid JSON: expected a value", 6},
      {R"({"a":+1})", "not valid JSON: expected a value", 6},
      {R"({"a":'x'})", "not valid JSON: expected a value", 6},
      {R"({"a":01})", "not valid JSON: a number with a leading zero", 7},
      {R"({"a":1.})", "not valid JSON: expected a digit", 8},
      {R"({"a":.5})", "not valid JSON: expected a value", 6},
      {R"({"a":-})", "not valid JSON: expected a digit", 7},
      {R"({"a":1e})", "not valid JSON: expected a digit", 8},
      {R"({"a":1e+})", "not valid JSON: expected a digit", 9},
      {R"({"a":1.5.2})", "not valid JSON: expected ',' or '}'", 9},
      {R"({"a":truex})", "not valid JSON: expected ',' or '}'", 10},
      {R"({"a":"x\q"})", "not valid JSON: unknown escape sequence", 8},
      {R"({"a":"x\)", "not valid JSON: unknown escape sequence", 8},
      {R"({"a":"\u12"})", "not valid JSON: a \\u escape needs four hex digits", 7},
      {R"({"a":"\u12g4"})", "not valid JSON: a \\u escape needs four hex digits", 7},
      {R"({"a":"\ud83d"})", "not valid JSON: a \\u escape of a high surrogate without its low one", 7},
      {R"({"a":"\ud83d\u0041"})", "not valid JSON: a \\u escape of a high surrogate without its low one", 7},
      {R"({"a":"\ude00\ud83d"})", "not valid JSON: a \\u escape of a lone low surrogate", 7},
      {R"({"a":"x)", "not valid JSON: unterminated string", 8},
      {"{\"a\":\"x\ty\"}", "not valid JSON: control character in a string", 8},
      {std::string_view("{\"a\":\"x\0y\"}", 11), "not valid JSON: control character in a string", 8},
      {std::string_view("{\"a\":1}\0", 8), "not valid JSON: text after the object", 8},
      {R"({"a":1} x)", "not valid JSON: text after the object", 9},
      {R"({"a":1}{"b":2})", "not valid JSON: text after the object", 8},
      {R"({"a":1}})", "not valid JSON: text after the object", 8},
  };
  for (const Case& c : cases) {
    const std::vector<Row> rows = ReadAll(StrCat(c.text, "\n{\"ok\":1}\n"));
    ASSERT_EQ(rows.size(), 2u) << ::testing::PrintToString(c.text);
    EXPECT_EQ(rows[0].problem, c.problem) << ::testing::PrintToString(c.text);
    EXPECT_EQ(rows[0].problem_column, c.column) << ::testing::PrintToString(c.text);
    EXPECT_EQ(rows[0].line, 1u);
    EXPECT_THAT(rows[1].members, ElementsAre(M("ok", "1"))) << ::testing::PrintToString(c.text);
    EXPECT_EQ(rows[1].problem, "");
  }
}

TEST(JsonLinesReader, KeepsTheMembersBeforeAProblem) {
  EXPECT_THAT(ReadOne(R"({"nik":"3375","nama":"Budi","umur":4x})").members,
              ElementsAre(M("nik", "3375"), M("nama", "Budi")));
  EXPECT_THAT(ReadOne(R"({"nik":"3375","nama":"Bu\di"})").members, ElementsAre(M("nik", "3375")));
  EXPECT_THAT(ReadOne(R"({"nik":"3375"} {})").members, ElementsAre(M("nik", "3375")));
}

TEST(JsonLinesReader, ReadsGoodLinesAmongGarbage) {
  const std::vector<Row> rows = ReadAll(
      "{\"nik\":\"1\"}\n"
      "nik,nama\n"
      "\n"
      "{\"nik\":\"2\"}\n"
      "{\"nik\":\"3\",\n"
      "\"nama\":\"Budi\"}\n"
      "[]\n"
      "\xFF\xFE{\n"
      "{\"nik\":\"4\"}");
  ASSERT_EQ(rows.size(), 8u);
  EXPECT_THAT(RecordNumbersOf(rows), ElementsAre(1u, 2u, 3u, 4u, 5u, 6u, 7u, 8u));
  EXPECT_THAT(LinesOf(rows), ElementsAre(1u, 2u, 4u, 5u, 6u, 7u, 8u, 9u));
  std::vector<std::string> problems;
  for (const Row& row : rows) problems.push_back(row.problem);
  EXPECT_THAT(problems,
              ElementsAre("", "not valid JSON: expected a value", "",
                          "not valid JSON: expected a key in double quotes, found the end of the line",
                          "not valid JSON: text after the value", "not a JSON object but an array",
                          "not valid JSON: expected a value", ""));
  EXPECT_THAT(rows[0].members, ElementsAre(M("nik", "1")));
  EXPECT_THAT(rows[2].members, ElementsAre(M("nik", "2")));
  EXPECT_THAT(rows[3].members, ElementsAre(M("nik", "3")));
  EXPECT_THAT(rows[7].members, ElementsAre(M("nik", "4")));
}

TEST(JsonLinesReader, ReportsTooManyMembers) {
  JsonLinesOptions options;
  options.max_members = 3;
  const std::vector<Row> rows =
      ReadAll("{\"a\":1,\"b\":2,\"c\":3}\n{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5}\n{}\n", options);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].problem, "");
  EXPECT_EQ(rows[1].problem, "more than 3 members");
  EXPECT_EQ(rows[1].problem_column, 20u);
  EXPECT_THAT(rows[1].members, ElementsAre(M("a", "1"), M("b", "2"), M("c", "3")));
  EXPECT_EQ(rows[2].problem, "");
  EXPECT_EQ(rows[2].record_number, 3u);
}

TEST(JsonLinesReader, ReportsALineThatIsTooLongWhateverTheBufferSize) {
  const std::string at_limit = R"({"nama":"0123456789"})";  // 21 bytes
  const std::string text = at_limit + "\n" +                // line 1: fine
                           at_limit + "\r\n" +              // line 2: fine, CR not counted
                           R"({"nama":"01234567890"})"
                           "\n" +  // line 3: 22 bytes
                           std::string(30, ' ') +
                           "\n" +  // line 4: too long, though blank
                           "\n" +  // line 5: blank
                           R"({"nik":"1"})"
                           "\n" +                                // line 6: fine
                           R"({"nama":"0123456789012345678"})";  // line 7: too long, at the end
  for (size_t buffer_bytes : {1, 2, 3, 7, 21, 22, 23, 64, 1 << 20}) {
    JsonLinesOptions options;
    options.max_line_bytes = 21;
    options.buffer_bytes = buffer_bytes;
    const std::vector<Row> rows = ReadAll(text, options);
    ASSERT_EQ(rows.size(), 6u) << buffer_bytes;
    EXPECT_THAT(LinesOf(rows), ElementsAre(1u, 2u, 3u, 4u, 6u, 7u)) << buffer_bytes;
    EXPECT_THAT(RecordNumbersOf(rows), ElementsAre(1u, 2u, 3u, 4u, 5u, 6u)) << buffer_bytes;
    EXPECT_THAT(rows[0].members, ElementsAre(M("nama", "0123456789")));
    EXPECT_THAT(rows[1].members, ElementsAre(M("nama", "0123456789")));
    for (size_t i : {2, 3, 5}) {
      EXPECT_EQ(rows[i].problem, "line longer than 21 bytes") << i << " " << buffer_bytes;
      EXPECT_EQ(rows[i].problem_column, 22u);
      EXPECT_THAT(rows[i].members, IsEmpty());
    }
    EXPECT_THAT(rows[4].members, ElementsAre(M("nik", "1")));
    EXPECT_EQ(rows[4].problem, "");
  }
}

TEST(JsonLinesReader, SkipsAHugeLineAndReadsTheNext) {
  // A 16 MiB line, read 64 KiB at a time with lines limited to 1 MiB: reported as one
  // problem line, and the line after it is read as usual.
  std::string text = "{\"nik\":\"1\"}\n{\"catatan\":\"";
  text.append(size_t{16} << 20, 'x');
  text += "\"}\r\n{\"nik\":\"2\"}\n";
  JsonLinesOptions options;
  options.max_line_bytes = size_t{1} << 20;
  options.buffer_bytes = size_t{64} << 10;
  const std::vector<Row> rows = ReadAll(text, options);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_THAT(rows[0].members, ElementsAre(M("nik", "1")));
  EXPECT_EQ(rows[1].problem, absl::StrCat("line longer than ", size_t{1} << 20, " bytes"));
  EXPECT_EQ(rows[1].line, 2u);
  EXPECT_THAT(rows[2].members, ElementsAre(M("nik", "2")));
  EXPECT_EQ(rows[2].line, 3u);
  EXPECT_EQ(rows[2].record_number, 3u);
}

// Random JSON Lines: mostly well-formed objects with escapes, UTF-8 and all kinds of values,
// some lines of random pieces and stray bytes, and all kinds of line breaks, so that every
// problem and every kind of boundary turns up.
std::string RandomText(std::mt19937& random) {
  static constexpr std::string_view kMembers[] = {"\"nik\":\"3375\"",
                                                  "\"nama\":\"Ma'ruf\"",
                                                  "\"a\":1",
                                                  "\"b\":-1.5e3",
                                                  "\"c\":null",
                                                  "\"d\" : true",
                                                  "\"e\":\"D\\u00e9dé\"",
                                                  "\"f\":\"\\ud83d\\ude00\\n\"",
                                                  "\"g\":{}",
                                                  "\"a\":false",
                                                  "\"h\":\"\xC3\""};
  static constexpr std::string_view kPieces[] = {
      "{", "}", "[", "\"", "\\", ",", ":", " ", "\t", "\r", "\xEF\xBB\xBF", "\xC3", "0", "tru", "\"x\":"};
  static constexpr std::string_view kBreaks[] = {"\n", "\n", "\r\n", "\r\n", "\n\n", " \r\n"};
  std::string text;
  const size_t lines = std::uniform_int_distribution<size_t>(0, 8)(random);
  for (size_t line = 0; line < lines; ++line) {
    if (random() % 4 == 0) {
      const size_t pieces = random() % 8;
      for (size_t i = 0; i < pieces; ++i) text += kPieces[random() % std::size(kPieces)];
    } else {
      text += random() % 8 == 0 ? " {" : "{";
      const size_t members = random() % 5;
      for (size_t i = 0; i < members; ++i) {
        StrAppend(&text, i == 0 ? "" : ",", kMembers[random() % std::size(kMembers)]);
      }
      text += "}";
    }
    if (line + 1 < lines || random() % 2 == 0) text += kBreaks[random() % std::size(kBreaks)];
  }
  return text;
}

TEST(JsonLinesReader, ResultsDoNotDependOnTheBufferSize) {
  std::mt19937 random(20240611);
  JsonLinesOptions tight;
  tight.max_members = 2;
  tight.max_line_bytes = 20;
  const JsonLinesOptions option_sets[] = {JsonLinesOptions{}, tight};
  size_t problems = 0;
  size_t records = 0;
  for (int round = 0; round < 3000; ++round) {
    const std::string text = RandomText(random);
    for (const JsonLinesOptions& base : option_sets) {
      const std::vector<Row> expected = ReadAll(text, base);
      records += expected.size();
      for (const Row& row : expected) problems += !row.problem.empty();
      for (size_t buffer_bytes : {1, 2, 3, 7, 13}) {
        JsonLinesOptions options = base;
        options.buffer_bytes = buffer_bytes;
        ASSERT_EQ(ReadAll(text, options), expected)
            << ::testing::PrintToString(text) << " with buffer_bytes " << buffer_bytes;
      }
    }
  }
  // The generator really produces both kinds of line.
  EXPECT_GT(problems, 5000u);
  EXPECT_GT(records - problems, 5000u);
}

// `value` as a JSON string, each character written plainly or escaped at random.
std::string Encode(std::string_view value, std::mt19937& random) {
  std::string out = "\"";
  for (size_t i = 0; i < value.size();) {
    const auto c = static_cast<unsigned char>(value[i]);
    size_t size = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    const std::string_view character = value.substr(i, size);
    i += size;
    const bool must = c == '"' || c == '\\' || c < 0x20;
    if (!must && random() % 3 != 0) {
      out += character;
      continue;
    }
    // Decode the code point and write it as \u escapes (a surrogate pair above U+FFFF).
    uint32_t code_point = size == 1 ? c : c & (0xFF >> (size + 1));
    for (size_t k = 1; k < size; ++k)
      code_point = code_point << 6 | (static_cast<unsigned char>(character[k]) & 0x3F);
    if (code_point >= 0x10000) {
      const uint32_t offset = code_point - 0x10000;
      absl::StrAppend(&out, "\\u", absl::Hex(0xD800 + (offset >> 10), absl::kZeroPad4), "\\u",
                      absl::Hex(0xDC00 + (offset & 0x3FF), absl::kZeroPad4));
    } else if (c == '"' && random() % 2 == 0) {
      out += "\\\"";
    } else if (c == '\n' && random() % 2 == 0) {
      out += "\\n";
    } else {
      absl::StrAppend(&out, "\\u", absl::Hex(code_point, absl::kZeroPad4));
    }
  }
  return out + "\"";
}

TEST(JsonLinesReader, ReadsBackWhatAWriterWrote) {
  std::mt19937 random(7);
  static constexpr std::string_view kValues[] = {"",           "Budi", "Siti Nur'aini", "Dédé",
                                                 "say \"hi\"", "a\\b", "x\ny\r\tz",     "€100",
                                                 "😀",          "\x01", "nama_lengkap"};
  for (int round = 0; round < 500; ++round) {
    std::vector<Members> lines;
    std::string text;
    const size_t count = 1 + random() % 20;
    for (size_t l = 0; l < count; ++l) {
      Members members;
      text += "{";
      const size_t width = random() % 6;
      for (size_t m = 0; m < width; ++m) {
        const std::string key = StrCat(kValues[random() % std::size(kValues)], m);
        const std::string_view value = kValues[random() % std::size(kValues)];
        members.push_back(M(key, value));
        absl::StrAppend(&text, m == 0 ? "" : ",", Encode(key, random), ":", Encode(value, random));
      }
      text += "}";
      lines.push_back(members);
      if (l + 1 < count || random() % 2 == 0) text += random() % 2 == 0 ? "\n" : "\r\n";
    }
    JsonLinesOptions options;
    options.buffer_bytes = 1 + random() % 16;
    const std::vector<Row> rows = ReadAll(text, options);
    ASSERT_EQ(MembersOf(rows), lines) << ::testing::PrintToString(text);
    for (const Row& row : rows) ASSERT_EQ(row.problem, "") << ::testing::PrintToString(text);
  }
}

// A temporary file that is removed at the end of the test.
class TempFile {
 public:
  explicit TempFile(std::string_view contents) {
    path_ = (std::filesystem::temp_directory_path() / ("jsonl_reader_test_XXXXXX")).string();
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

TEST(JsonLinesReader, ReadsAFile) {
  const std::string text =
      "\xEF\xBB\xBF{\"nik\":\"1\",\"nama\":\"Ma'ruf\"}\r\n\r\n[1]\r\n{\"nik\":\"2\",\"nama\":\"Siti\"}";
  TempFile file(text);
  JsonLinesOptions options;
  options.buffer_bytes = 5;
  absl::StatusOr<JsonLinesReader> reader = JsonLinesReader::Open(file.path(), options);
  ASSERT_TRUE(reader.ok()) << reader.status();
  const std::vector<Row> rows = ReadAll(*reader);
  EXPECT_TRUE(reader->status().ok()) << reader->status();
  EXPECT_THAT(MembersOf(rows), ElementsAre(Members{M("nik", "1"), M("nama", "Ma'ruf")}, Members{},
                                           Members{M("nik", "2"), M("nama", "Siti")}));
  EXPECT_THAT(LinesOf(rows), ElementsAre(1u, 3u, 4u));
  EXPECT_EQ(rows[1].problem, "not a JSON object but an array");
  options.buffer_bytes = 1 << 20;
  EXPECT_EQ(rows, ReadAll(text, options));
}

TEST(JsonLinesReader, OpenFailsForAFileThatCannotBeRead) {
  const absl::StatusOr<JsonLinesReader> missing = JsonLinesReader::Open("/nonexistent/dir/data.jsonl");
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(missing.status().message(), ::testing::HasSubstr("/nonexistent/dir/data.jsonl"));
  const absl::StatusOr<JsonLinesReader> directory =
      JsonLinesReader::Open(std::filesystem::temp_directory_path().string());
  EXPECT_FALSE(directory.ok());
  EXPECT_THAT(directory.status().message(), ::testing::HasSubstr("cannot read"));
}

TEST(JsonLinesReader, CountsTheBytesConsumed) {
  const std::string first = "\xEF\xBB\xBF\n{\"a\":1}\r\n";  // 13 bytes
  const std::string second = "\n\n[2]\n";                   // 6 bytes
  const std::string third = std::string(40, 'x');           // too long, no line break
  for (size_t buffer_bytes : {1, 4, 1 << 20}) {
    JsonLinesOptions options;
    options.buffer_bytes = buffer_bytes;
    options.max_line_bytes = 30;
    const std::string text = first + second + third;
    JsonLinesReader reader = JsonLinesReader::FromString(text, options);
    JsonLine line;
    ASSERT_TRUE(reader.Next(&line));
    EXPECT_EQ(reader.bytes_consumed(), first.size()) << buffer_bytes;
    ASSERT_TRUE(reader.Next(&line));
    EXPECT_EQ(reader.bytes_consumed(), first.size() + second.size()) << buffer_bytes;
    ASSERT_TRUE(reader.Next(&line));
    EXPECT_EQ(line.problem(), "line longer than 30 bytes");
    EXPECT_EQ(reader.bytes_consumed(), first.size() + second.size() + third.size()) << buffer_bytes;
    EXPECT_FALSE(reader.Next(&line));
  }
}

TEST(JsonLinesReader, IsMovable) {
  JsonLinesReader reader =
      JsonLinesReader::FromString("{\"a\":1}\n{\"a\":2}\n", JsonLinesOptions{.buffer_bytes = 2});
  JsonLine line;
  ASSERT_TRUE(reader.Next(&line));
  JsonLinesReader moved = std::move(reader);
  ASSERT_TRUE(moved.Next(&line));
  ASSERT_EQ(line.members().size(), 1u);
  EXPECT_EQ(line.members()[0].text, "2");
  EXPECT_EQ(line.record_number(), 2u);
  EXPECT_FALSE(moved.Next(&line));
  EXPECT_TRUE(moved.status().ok());
}

}  // namespace
}  // namespace aturan
