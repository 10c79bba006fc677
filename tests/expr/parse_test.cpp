// Tests for aturan::expr::ParseExpression: literals, precedence, node offsets, every error
// kind with its offset, the limits, hostile inputs, a differential test against a random
// expression generator, and a fuzz loop.
#include "expr/parse.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <iterator>
#include <ostream>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/time/civil_time.h"

namespace aturan::expr {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

// ---------------------------------------------------------------------------------------
// Helpers.

// The string literal that parses back to `text`.
std::string Quote(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      default: out += c;
    }
  }
  return out + "\"";
}

// The subtree at `index` as fully parenthesized expression text (itself parseable).
std::string Render(const Ast& ast, uint32_t index) {
  const Node& node = ast.at(index);
  const auto child = [&](size_t i) { return Render(ast, node.children.at(i)); };
  const auto joined = [&] {
    std::string out;
    for (size_t i = 0; i < node.children.size(); ++i) out += (i ? ", " : "") + child(i);
    return out;
  };
  switch (node.kind) {
    case NodeKind::kBool: return node.bool_value ? "true" : "false";
    case NodeKind::kInt: return std::to_string(node.int_value);
    case NodeKind::kDecimal: {
      std::ostringstream out;
      out << node.decimal_value;
      return out.str();
    }
    case NodeKind::kString: return Quote(node.text);
    case NodeKind::kDate:
      return absl::FormatCivilTime(absl::CivilDay(1970, 1, 1) + node.date_days);
    case NodeKind::kList: return "[" + joined() + "]";
    case NodeKind::kName: return node.text;
    case NodeKind::kUnary:
      return node.op == Op::kNot ? "(not " + child(0) + ")" : "(-" + child(0) + ")";
    case NodeKind::kBinary:
      return "(" + child(0) + " " + OpSpelling(node.op) + " " + child(1) + ")";
    case NodeKind::kBetween:
      return "(" + child(0) + " between " + child(1) + " and " + child(2) + ")";
    case NodeKind::kIf:
      return "(if " + child(0) + " then " + child(1) + " else " + child(2) + ")";
    case NodeKind::kCall: return node.text + "(" + joined() + ")";
  }
  return "?";
}

// Checks the invariants every Ast must satisfy: post-order (children before parents, root
// last), every node used exactly once, and byte ranges that nest and follow the text order.
void ExpectWellFormed(const Ast& ast, std::string_view text) {
  ASSERT_FALSE(ast.nodes.empty());
  EXPECT_EQ(ast.root, ast.nodes.size() - 1);
  std::vector<int> uses(ast.nodes.size(), 0);
  for (uint32_t i = 0; i < ast.nodes.size(); ++i) {
    const Node& node = ast.nodes[i];
    EXPECT_LT(node.begin, node.end) << "node " << i;
    EXPECT_LE(node.end, text.size()) << "node " << i;
    uint32_t previous_end = node.begin;
    for (uint32_t c : node.children) {
      ASSERT_LT(c, i) << "child after parent";
      ++uses[c];
      EXPECT_LE(previous_end, ast.nodes[c].begin) << "children out of order in node " << i;
      EXPECT_LE(ast.nodes[c].end, node.end) << "child outside node " << i;
      previous_end = ast.nodes[c].end;
    }
  }
  for (uint32_t i = 0; i < ast.nodes.size(); ++i) {
    EXPECT_EQ(uses[i], i == ast.root ? 0 : 1) << "node " << i;
  }
}

ParseLimits Roomy() {
  ParseLimits limits;
  limits.max_length = 8 << 20;
  return limits;
}

// The parse of `text`, rendered; or "error@OFFSET: message" (the test decides which it wants).
std::string Parsed(std::string_view text, const ParseLimits& limits = {}) {
  const ParseResult result = ParseExpression(text, limits);
  EXPECT_NE(result.ast.has_value(), result.error.has_value());
  if (result.error) {
    return "error@" + std::to_string(result.error->offset) + ": " + result.error->message;
  }
  ExpectWellFormed(*result.ast, text);
  return Render(*result.ast, result.ast->root);
}

// The Ast of `text`, which must parse.
Ast AstOf(std::string_view text, const ParseLimits& limits = {}) {
  ParseResult result = ParseExpression(text, limits);
  if (!result.ast) {
    ADD_FAILURE() << "'" << text << "' failed: @" << result.error->offset << " "
                  << result.error->message;
    return Ast{};
  }
  EXPECT_FALSE(result.error.has_value());
  ExpectWellFormed(*result.ast, text);
  return std::move(*result.ast);
}

// The error for `text`, which must not parse.
ParseError ErrorOf(std::string_view text, const ParseLimits& limits = {}) {
  ParseResult result = ParseExpression(text, limits);
  if (!result.error) {
    ADD_FAILURE() << "'" << text << "' parsed as " << Render(*result.ast, result.ast->root);
    return ParseError{};
  }
  EXPECT_FALSE(result.ast.has_value());
  return *result.error;
}

const Node& Root(const Ast& ast) { return ast.at(ast.root); }

// The first node (in post-order) of `kind` whose text is `text`.
const Node* FindNode(const Ast& ast, NodeKind kind, std::string_view text) {
  for (const Node& node : ast.nodes) {
    if (node.kind == kind && node.text == text) return &node;
  }
  return nullptr;
}

std::string Repeat(std::string_view piece, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += piece;
  return out;
}

// ---------------------------------------------------------------------------------------
// Literals.

TEST(ParseLiterals, Integers) {
  for (const auto& [text, value] : std::vector<std::pair<std::string, int64_t>>{
           {"0", 0},
           {"42", 42},
           {"007", 7},
           {"2_500_000", 2500000},
           {"1_0", 10},
           {"9223372036854775807", INT64_MAX},
           {"9_223_372_036_854_775_807", INT64_MAX}}) {
    const Ast ast = AstOf(text);
    ASSERT_EQ(ast.nodes.size(), 1u) << text;
    EXPECT_EQ(Root(ast).kind, NodeKind::kInt) << text;
    EXPECT_EQ(Root(ast).int_value, value) << text;
    EXPECT_EQ(Root(ast).begin, 0u);
    EXPECT_EQ(Root(ast).end, text.size());
  }
}

TEST(ParseLiterals, Decimals) {
  for (const auto& [text, value] : std::vector<std::pair<std::string, double>>{
           {"0.5", 0.5}, {"1_000.25", 1000.25}, {"3.141_5", 3.1415}, {"00.125", 0.125}}) {
    const Ast ast = AstOf(text);
    ASSERT_EQ(ast.nodes.size(), 1u) << text;
    EXPECT_EQ(Root(ast).kind, NodeKind::kDecimal) << text;
    EXPECT_DOUBLE_EQ(Root(ast).decimal_value, value) << text;
    EXPECT_EQ(Root(ast).end, text.size());
  }
}

TEST(ParseLiterals, Strings) {
  for (const auto& [text, value] : std::vector<std::pair<std::string, std::string>>{
           {R"("text")", "text"},
           {R"('text')", "text"},
           {R"("")", ""},
           {R"('')", ""},
           {R"("it's")", "it's"},
           {R"('say "hi"')", "say \"hi\""},
           {R"("a\"b")", "a\"b"},
           {R"('a\'b')", "a'b"},
           {R"("back\\slash")", "back\\slash"},
           {R"("line\nbreak\ttab")", "line\nbreak\ttab"},
           {R"("# not a comment")", "# not a comment"},
           {"\"Pekalongan — kota batik\"", "Pekalongan — kota batik"}}) {
    const Ast ast = AstOf(text);
    ASSERT_EQ(ast.nodes.size(), 1u) << text;
    EXPECT_EQ(Root(ast).kind, NodeKind::kString) << text;
    EXPECT_EQ(Root(ast).text, value) << text;
    EXPECT_EQ(Root(ast).begin, 0u);
    EXPECT_EQ(Root(ast).end, text.size()) << text;
  }
}

TEST(ParseLiterals, Dates) {
  for (const auto& [text, days] : std::vector<std::pair<std::string, int32_t>>{
           {"1970-01-01", 0},
           {"1969-12-31", -1},
           {"2023-01-01", 19358},
           {"2024-02-29", 19782},
           {"2000-02-29", 11016},
           {"1000-01-01", -354285},
           {"9999-12-31", 2932896}}) {
    const Ast ast = AstOf(text);
    ASSERT_EQ(ast.nodes.size(), 1u) << text;
    EXPECT_EQ(Root(ast).kind, NodeKind::kDate) << text;
    EXPECT_EQ(Root(ast).date_days, days) << text;
    EXPECT_EQ(Root(ast).end, 10u);
  }
}

TEST(ParseLiterals, DateWinsOverSubtractionOnlyForExactShape) {
  EXPECT_EQ(Parsed("2023-01-01"), "2023-01-01");
  EXPECT_EQ(Parsed("d - 2023-01-01 - 1"), "((d - 2023-01-01) - 1)");
  EXPECT_EQ(Parsed("2023 - 01 - 01"), "((2023 - 1) - 1)");
  EXPECT_EQ(Parsed("2023-1-01"), "((2023 - 1) - 1)");
  EXPECT_EQ(Parsed("12-05-2023"), "((12 - 5) - 2023)");
  EXPECT_EQ(Parsed("2023-01-011"), "((2023 - 1) - 11)");
  EXPECT_EQ(Parsed("2023-01-01-5"), "(2023-01-01 - 5)");
}

TEST(ParseLiterals, Booleans) {
  EXPECT_TRUE(Root(AstOf("true")).bool_value);
  EXPECT_EQ(Root(AstOf("true")).kind, NodeKind::kBool);
  EXPECT_FALSE(Root(AstOf("false")).bool_value);
  EXPECT_EQ(Root(AstOf("false")).kind, NodeKind::kBool);
}

TEST(ParseLiterals, Lists) {
  EXPECT_EQ(Parsed("[]"), "[]");
  EXPECT_EQ(Parsed("[ ]"), "[]");
  EXPECT_EQ(Parsed("[1]"), "[1]");
  EXPECT_EQ(Parsed("[1,]"), "[1]");
  EXPECT_EQ(Parsed("[1, 'a', 2023-01-01, x + 1]"), "[1, \"a\", 2023-01-01, (x + 1)]");
  EXPECT_EQ(Parsed("[1, 2,\n 3,\n]"), "[1, 2, 3]");
  EXPECT_EQ(Parsed("[[], [1, [2]]]"), "[[], [1, [2]]]");
  EXPECT_EQ(Parsed("[if a then 1 else 2, not b]"), "[(if a then 1 else 2), (not b)]");
  const Ast ast = AstOf("[a, b, c]");
  EXPECT_EQ(Root(ast).kind, NodeKind::kList);
  EXPECT_EQ(Root(ast).children.size(), 3u);
}

TEST(ParseLiterals, NumberErrors) {
  struct Case {
    std::string text;
    uint32_t offset;
    std::string message;
  };
  const std::string underscore = "'_' in a number must stand between two digits";
  for (const Case& c : std::vector<Case>{
           {"2__5", 1, underscore},
           {"_5", 0, underscore},
           {"5_", 1, underscore},
           {"x + 2_500_", 9, underscore},
           {"1_.5", 1, underscore},
           {"1.5_", 3, underscore},
           {"_1_000", 0, underscore},
           {"1.", 1, "expected digits after the decimal point"},
           {"1._5", 1, "expected digits after the decimal point"},
           {"x == 1..2", 6, "expected digits after the decimal point"},
           {"5abc", 1, "invalid character 'a' in a number"},
           {"0x1F", 1, "invalid character 'x' in a number"},
           {"1.5e3", 3, "invalid character 'e' in a number"},
           {"9223372036854775808", 0, "integer literal is too large"},
           {"x + 99_999_999_999_999_999_999", 4, "integer literal is too large"},
           {std::string(400, '9') + ".0", 0, "decimal literal is too large"}}) {
    const ParseError error = ErrorOf(c.text);
    EXPECT_EQ(error.offset, c.offset) << c.text;
    EXPECT_EQ(error.message, c.message) << c.text;
  }
  EXPECT_EQ(ErrorOf("9223372036854775808").hint, "the largest integer is 9223372036854775807");
}

TEST(ParseLiterals, DateErrors) {
  struct Case {
    std::string text;
    uint32_t offset;
    std::string message;
  };
  for (const Case& c : std::vector<Case>{
           {"2001-02-30", 0, "invalid date '2001-02-30': the day must be 01 to 28 in 2001-02"},
           {"2023-02-29", 0, "invalid date '2023-02-29': the day must be 01 to 28 in 2023-02"},
           {"2024-02-30", 0, "invalid date '2024-02-30': the day must be 01 to 29 in 2024-02"},
           {"1900-02-29", 0, "invalid date '1900-02-29': the day must be 01 to 28 in 1900-02"},
           {"2023-04-31", 0, "invalid date '2023-04-31': the day must be 01 to 30 in 2023-04"},
           {"2023-01-00", 0, "invalid date '2023-01-00': the day must be 01 to 31 in 2023-01"},
           {"2023-13-01", 0, "invalid date '2023-13-01': the month must be 01 to 12"},
           {"2023-00-10", 0, "invalid date '2023-00-10': the month must be 01 to 12"},
           {"0999-01-01", 0, "invalid date '0999-01-01': the year must be 1000 to 9999"},
           {"tanggal_lahir < 2001-02-30", 16,
            "invalid date '2001-02-30': the day must be 01 to 28 in 2001-02"}}) {
    const ParseError error = ErrorOf(c.text);
    EXPECT_EQ(error.offset, c.offset) << c.text;
    EXPECT_EQ(error.message, c.message) << c.text;
  }
}

TEST(ParseLiterals, StringErrors) {
  ParseError error = ErrorOf("nama == \"abc");
  EXPECT_EQ(error.offset, 8u);
  EXPECT_EQ(error.message, "unterminated string");
  EXPECT_EQ(error.hint, "close it with \"");

  error = ErrorOf("nama == 'abc");
  EXPECT_EQ(error.offset, 8u);
  EXPECT_EQ(error.hint, "close it with '");

  error = ErrorOf("nama == 'ab\ncd'");
  EXPECT_EQ(error.offset, 8u);
  EXPECT_EQ(error.message, "unterminated string");
  EXPECT_EQ(error.hint,
            "a string must end on the line where it starts; write \\n for a line break");

  error = ErrorOf(R"("abc\")");  // the quote is escaped
  EXPECT_EQ(error.offset, 0u);
  EXPECT_EQ(error.message, "unterminated string");

  error = ErrorOf(R"(x == "a\qb")");
  EXPECT_EQ(error.offset, 7u);
  EXPECT_EQ(error.message, "unknown escape '\\q' in a string");
  EXPECT_EQ(error.hint, "the escapes are \\\" \\' \\\\ \\n and \\t");

  error = ErrorOf("'\\é'");
  EXPECT_EQ(error.offset, 1u);
  EXPECT_EQ(error.message, "unknown escape '\\é' in a string");
}

// ---------------------------------------------------------------------------------------
// Names, keywords, whitespace and comments.

TEST(ParseNames, NamesAndKeywordBoundaries) {
  for (const std::string name :
       {"usia", "tanggal_acuan", "x1", "a_b_c", "notin", "android", "orange", "iffy", "inside",
        "betweenness", "thence", "elsewhere", "truely", "falsehood", "and_or", "not_", "In", "AND",
        "True"}) {
    const Ast ast = AstOf(name);
    ASSERT_EQ(ast.nodes.size(), 1u) << name;
    EXPECT_EQ(Root(ast).kind, NodeKind::kName) << name;
    EXPECT_EQ(Root(ast).text, name);
  }
  EXPECT_EQ(Parsed("notin or android and not inside"), "(notin or (android and (not inside)))");
  EXPECT_EQ(Parsed("x not in notin"), "(x not in notin)");
  EXPECT_EQ(Parsed("not(a)"), "(not a)");
  EXPECT_EQ(Parsed("if(a)then(b)else(c)"), "(if a then b else c)");
  EXPECT_EQ(Parsed("x in[1,2]"), "(x in [1, 2])");
}

TEST(ParseNames, KeywordsAreReserved) {
  for (const std::string keyword : {"and", "or", "in", "between", "then", "else"}) {
    const ParseError error = ErrorOf(keyword);
    EXPECT_EQ(error.offset, 0u);
    EXPECT_EQ(error.message, "expected an expression, found '" + keyword + "'");
    EXPECT_EQ(error.hint, "'" + keyword + "' is a reserved word and cannot be used as a name");
  }
  EXPECT_EQ(Parsed("x == in"), "error@5: expected an expression after '=='");
  EXPECT_EQ(Parsed("f(then)"), "error@2: expected an argument or ')' after 'f('");
}

TEST(ParseNames, UnderscoreNames) {
  EXPECT_EQ(Parsed("_x"), "error@0: a name must start with a letter");
  EXPECT_EQ(Parsed("a + _"), "error@4: a name must start with a letter");
}

TEST(ParseWhitespace, NewlinesTabsAndComments) {
  EXPECT_EQ(Parsed("  a\t+\r\n b  "), "(a + b)");
  EXPECT_EQ(Parsed("usia >= 18   # dewasa\nand tulang_punggung # kepala keluarga"),
            "((usia >= 18) and tulang_punggung)");
  EXPECT_EQ(Parsed("# heading comment\n\n  a\n"), "a");
  EXPECT_EQ(Parsed("a #"), "a");
  EXPECT_EQ(Parsed("x not # why\n in L"), "(x not in L)");
  EXPECT_EQ(Parsed("f # name\n (1)"), "f(1)");
  EXPECT_EQ(Parsed("[1, # one\n 2]"), "[1, 2]");
}

// ---------------------------------------------------------------------------------------
// Operators.

TEST(ParseOperators, PrecedenceTable) {
  for (const auto& [text, expected] : std::vector<std::pair<std::string, std::string>>{
           // every operator on its own
           {"a + b", "(a + b)"},
           {"a - b", "(a - b)"},
           {"a * b", "(a * b)"},
           {"a / b", "(a / b)"},
           {"a % b", "(a % b)"},
           {"a == b", "(a == b)"},
           {"a != b", "(a != b)"},
           {"a < b", "(a < b)"},
           {"a <= b", "(a <= b)"},
           {"a > b", "(a > b)"},
           {"a >= b", "(a >= b)"},
           {"a in b", "(a in b)"},
           {"a not in b", "(a not in b)"},
           {"a between b and c", "(a between b and c)"},
           {"a and b", "(a and b)"},
           {"a or b", "(a or b)"},
           {"not a", "(not a)"},
           {"-a", "(-a)"},
           {"if a then b else c", "(if a then b else c)"},
           // each level against the next
           {"a or b and c", "(a or (b and c))"},
           {"a and b or c", "((a and b) or c)"},
           {"not a and b", "((not a) and b)"},
           {"a and not b", "(a and (not b))"},
           {"not a == b", "(not (a == b))"},
           {"not a in L", "(not (a in L))"},
           {"not x between 1 and 2", "(not (x between 1 and 2))"},
           {"a + b == c * d", "((a + b) == (c * d))"},
           {"a < b + c", "(a < (b + c))"},
           {"a + b * c", "(a + (b * c))"},
           {"a * b + c", "((a * b) + c)"},
           {"a % b - c / d", "((a % b) - (c / d))"},
           {"-a * b", "((-a) * b)"},
           {"a * -b", "(a * (-b))"},
           {"-a + -b", "((-a) + (-b))"},
           {"- - a", "(-(-a))"},
           {"a - -b", "(a - (-b))"},
           {"a--b", "(a - (-b))"},
           {"a<-1", "(a < (-1))"},
           {"-f(x)", "(-f(x))"},
           {"-(a + b)", "(-(a + b))"},
           {"not not a", "(not (not a))"},
           {"x between a + 1 and b * 2", "(x between (a + 1) and (b * 2))"},
           {"x between 1 and 2 and y", "((x between 1 and 2) and y)"},
           {"x between 1 and 2 or x in [5]", "((x between 1 and 2) or (x in [5]))"},
           {"x + 1 in L", "((x + 1) in L)"},
           {"if a or b then c + 1 else d and e", "(if (a or b) then (c + 1) else (d and e))"},
           {"if a then b else c or d", "(if a then b else (c or d))"},
           {"(if a then b else c) + 1", "((if a then b else c) + 1)"},
           {"a or (if b then c else d)", "(a or (if b then c else d))"},
           {"(a or b) and c", "((a or b) and c)"},
           {"(a + b) * c", "((a + b) * c)"},
           {"((a))", "a"},
           {"a == (b == c)", "(a == (b == c))"},
           {"(a < b) == (c < d)", "((a < b) == (c < d))"},
           {"not (a and b)", "(not (a and b))"},
           {"x in [1, 2] and y not in L", "((x in [1, 2]) and (y not in L))"},
       }) {
    EXPECT_EQ(Parsed(text), expected) << text;
  }
}

TEST(ParseOperators, LeftAssociativity) {
  EXPECT_EQ(Parsed("a - b - c"), "((a - b) - c)");
  EXPECT_EQ(Parsed("a + b - c + d"), "(((a + b) - c) + d)");
  EXPECT_EQ(Parsed("a / b * c % d"), "(((a / b) * c) % d)");
  EXPECT_EQ(Parsed("a and b and c"), "((a and b) and c)");
  EXPECT_EQ(Parsed("a or b or c or d"), "(((a or b) or c) or d)");
}

TEST(ParseOperators, IfElseNesting) {
  EXPECT_EQ(Parsed("if a then b else if c then d else e"),
            "(if a then b else (if c then d else e))");
  EXPECT_EQ(Parsed("if a then if b then c else d else e"),
            "(if a then (if b then c else d) else e)");
  EXPECT_EQ(Parsed("if if a then b else c then d else e"),
            "(if (if a then b else c) then d else e)");
  EXPECT_EQ(Parsed("if x >= 10 then 'tinggi'\nelse if x >= 5 then 'sedang'\nelse 'rendah'"),
            "(if (x >= 10) then \"tinggi\" else (if (x >= 5) then \"sedang\" else \"rendah\"))");
  EXPECT_EQ(Parsed("max(if a then 1 else 2, 3)"), "max((if a then 1 else 2), 3)");
}

TEST(ParseOperators, Calls) {
  EXPECT_EQ(Parsed("f()"), "f()");
  EXPECT_EQ(Parsed("f( )"), "f()");
  EXPECT_EQ(Parsed("age(tanggal_lahir)"), "age(tanggal_lahir)");
  EXPECT_EQ(Parsed("age(tanggal_lahir, tanggal_acuan)"), "age(tanggal_lahir, tanggal_acuan)");
  EXPECT_EQ(Parsed("max(a, b + 1, -c, 'x', [1])"), "max(a, (b + 1), (-c), \"x\", [1])");
  EXPECT_EQ(Parsed("f (a)"), "f(a)");
  EXPECT_EQ(Parsed("round(abs(x) * 1.5) >= min(a, max(b, c))"),
            "(round((abs(x) * 1.5)) >= min(a, max(b, c)))");
  const Ast ast = AstOf("coalesce(x, 0)");
  EXPECT_EQ(Root(ast).kind, NodeKind::kCall);
  EXPECT_EQ(Root(ast).text, "coalesce");
  ASSERT_EQ(Root(ast).children.size(), 2u);
  EXPECT_EQ(ast.at(Root(ast).children[0]).text, "x");
  EXPECT_EQ(ast.at(Root(ast).children[1]).int_value, 0);
}

TEST(ParseOperators, OperatorsRecordedInNodes) {
  const Ast ast = AstOf("a not in b");
  EXPECT_EQ(Root(ast).kind, NodeKind::kBinary);
  EXPECT_EQ(Root(ast).op, Op::kNotIn);
  EXPECT_EQ(Root(AstOf("-a")).op, Op::kNeg);
  EXPECT_EQ(Root(AstOf("not a")).op, Op::kNot);
  EXPECT_EQ(Root(AstOf("a % b")).op, Op::kMod);
  EXPECT_EQ(Root(AstOf("a between b and c")).kind, NodeKind::kBetween);
  EXPECT_EQ(Root(AstOf("a between b and c")).op, Op::kNone);
}

// ---------------------------------------------------------------------------------------
// Node offsets.

struct Range {
  uint32_t begin;
  uint32_t end;
  friend bool operator==(Range a, Range b) { return a.begin == b.begin && a.end == b.end; }
  friend std::ostream& operator<<(std::ostream& out, Range r) {
    return out << "[" << r.begin << ", " << r.end << ")";
  }
};

Range RangeOf(const Node& node) { return Range{node.begin, node.end}; }
Range RangeOf(const Ast& ast, uint32_t index) { return RangeOf(ast.at(index)); }

TEST(ParseOffsets, LeavesAndOperators) {
  Ast ast = AstOf("  a  +  b  ");
  EXPECT_EQ(RangeOf(Root(ast)), (Range{2, 9}));
  EXPECT_EQ(RangeOf(ast, Root(ast).children[0]), (Range{2, 3}));
  EXPECT_EQ(RangeOf(ast, Root(ast).children[1]), (Range{8, 9}));

  ast = AstOf("-x");
  EXPECT_EQ(RangeOf(Root(ast)), (Range{0, 2}));
  ast = AstOf("not  x");
  EXPECT_EQ(RangeOf(Root(ast)), (Range{0, 6}));
  ast = AstOf("x between 1 and 20");
  EXPECT_EQ(RangeOf(Root(ast)), (Range{0, 18}));
  EXPECT_EQ(RangeOf(ast, Root(ast).children[2]), (Range{16, 18}));
  ast = AstOf("if a then b else c");
  EXPECT_EQ(RangeOf(Root(ast)), (Range{0, 18}));
  ast = AstOf("x not in L");
  EXPECT_EQ(RangeOf(Root(ast)), (Range{0, 10}));
  ast = AstOf("a # c\n+ b");
  EXPECT_EQ(RangeOf(Root(ast)), (Range{0, 9}));
}

TEST(ParseOffsets, ParenthesesBelongToTheEnclosingNode) {
  Ast ast = AstOf("(a + b) * c");
  EXPECT_EQ(RangeOf(Root(ast)), (Range{0, 11}));
  EXPECT_EQ(RangeOf(ast, Root(ast).children[0]), (Range{1, 6}));   // a + b, without ( )
  EXPECT_EQ(RangeOf(ast, Root(ast).children[1]), (Range{10, 11}));
  ast = AstOf("-(a)");
  EXPECT_EQ(RangeOf(Root(ast)), (Range{0, 4}));
  EXPECT_EQ(RangeOf(ast, Root(ast).children[0]), (Range{2, 3}));
  ast = AstOf("( (a) )");
  EXPECT_EQ(RangeOf(Root(ast)), (Range{3, 4}));
  ast = AstOf("x == (1)");
  EXPECT_EQ(RangeOf(Root(ast)), (Range{0, 8}));
}

TEST(ParseOffsets, LiteralsCallsAndLists) {
  Ast ast = AstOf("max(a, 1)");
  EXPECT_EQ(RangeOf(Root(ast)), (Range{0, 9}));
  EXPECT_EQ(RangeOf(ast, Root(ast).children[0]), (Range{4, 5}));
  EXPECT_EQ(RangeOf(ast, Root(ast).children[1]), (Range{7, 8}));
  ast = AstOf("f (x)");
  EXPECT_EQ(RangeOf(Root(ast)), (Range{0, 5}));
  ast = AstOf("[1, 'x',]");
  EXPECT_EQ(RangeOf(Root(ast)), (Range{0, 9}));
  EXPECT_EQ(RangeOf(ast, Root(ast).children[1]), (Range{4, 7}));
  ast = AstOf(R"(s == "a\"b")");
  EXPECT_EQ(RangeOf(ast, Root(ast).children[1]), (Range{5, 11}));
  ast = AstOf("d < 2023-01-01");
  EXPECT_EQ(RangeOf(ast, Root(ast).children[1]), (Range{4, 14}));
  ast = AstOf("x + 2_500_000.5");
  EXPECT_EQ(RangeOf(ast, Root(ast).children[1]), (Range{4, 15}));
}

TEST(ParseOffsets, NameInsideALongMultiLineExpression) {
  const std::string text =
      "usia >= 18\n"
      "and pekerjaan in pekerjaan_rentan\n"
      "and (penghasilan < batas_penghasilan or tulang_punggung)";
  const Ast ast = AstOf(text);
  for (const auto& [name, begin] : std::vector<std::pair<std::string, uint32_t>>{
           {"usia", 0},
           {"pekerjaan", 15},
           {"pekerjaan_rentan", 28},
           {"penghasilan", 50},
           {"batas_penghasilan", 64},
           {"tulang_punggung", 85}}) {
    const Node* node = FindNode(ast, NodeKind::kName, name);
    ASSERT_NE(node, nullptr) << name;
    EXPECT_EQ(RangeOf(*node), (Range{begin, begin + static_cast<uint32_t>(name.size())})) << name;
  }
  EXPECT_EQ(RangeOf(Root(ast)), (Range{0, static_cast<uint32_t>(text.size())}));
}

TEST(ParseOffsets, ViewIsNotReadPastItsEnd) {
  const std::string buffer = "x + yEXTRA)";
  EXPECT_EQ(Parsed(std::string_view(buffer.data(), 5)), "(x + y)");
}

// ---------------------------------------------------------------------------------------
// Errors: every kind, with its exact offset, message and hint.

struct ErrorCase {
  std::string text;
  uint32_t offset;
  std::string message;
  std::string hint;
};

TEST(ParseErrors, EveryKind) {
  const std::string missing_operator =
      "an operator such as 'and', 'or', '==' or '+' may be missing before it";
  for (const ErrorCase& c : std::vector<ErrorCase>{
           {"", 0, "empty expression", ""},
           {"  \n\t # only a comment\n", 0, "empty expression", ""},
           {"a and", 5, "expected an expression after 'and'", ""},
           {"a and ", 6, "expected an expression after 'and'", ""},
           {"a or )", 5, "expected an expression after 'or'", ""},
           {"not", 3, "expected an expression after 'not'", ""},
           {"a +", 3, "expected an expression after '+'", ""},
           {"a - ", 4, "expected an expression after '-'", ""},
           {"-", 1, "expected an expression after '-'", ""},
           {"a * ]", 4, "expected an expression after '*'", ""},
           {"a <= ", 5, "expected an expression after '<='", ""},
           {"a in", 4, "expected an expression after 'in'", ""},
           {"a not in", 8, "expected an expression after 'not in'", ""},
           {"x between", 9, "expected an expression after 'between'", ""},
           {"x between 1", 11, "'between' needs 'and': x between lo and hi", ""},
           {"x between 1 or 2", 12, "'between' needs 'and': x between lo and hi", ""},
           {"x between 1 and", 15, "expected an expression after 'and'", ""},
           {"(a", 2, "expected ')' to close '(' at offset 0", ""},
           {"((a)", 4, "expected ')' to close '(' at offset 0", ""},
           {"x * (a\n  + b", 12, "expected ')' to close '(' at offset 4", ""},
           {"(a b)", 3, "expected ')' to close '(' at offset 0", missing_operator},
           {"(a || b)", 3, "expected ')' to close '(' at offset 0",
            "use 'or' to accept either condition"},
           {"()", 1, "expected an expression after '('", ""},
           {"(a))", 3, "unexpected ')' after a complete expression",
            "there is no open '(' for it to close"},
           {"a]", 1, "unexpected ']' after a complete expression",
            "there is no open '[' for it to close"},
           {"[1, 2", 5, "expected ',' or ']' to close '[' at offset 0", ""},
           {"[1 2]", 3, "expected ',' or ']' to close '[' at offset 0", missing_operator},
           {"[,]", 1, "expected an expression or ']' after '['", ""},
           {"[1,,]", 3, "expected an expression or ']' after ','", ""},
           {"f(,)", 2, "expected an argument or ')' after 'f('", ""},
           {"f(", 2, "expected an argument or ')' after 'f('", ""},
           {"f(a,)", 4, "expected an argument after ','",
            "a trailing ',' is allowed only in lists"},
           {"f(a, ", 5, "expected an argument after ','", ""},
           {"max(a b)", 6, "expected ',' or ')' to close 'max(' at offset 0", missing_operator},
           {"x + f(x, (a + b)", 16, "expected ',' or ')' to close 'f(' at offset 4", ""},
           {"if", 2, "expected a condition after 'if'", ""},
           {"if a", 4, "expected 'then' after the condition of 'if' at offset 0",
            "write if condition then a else b"},
           {"if a b", 5, "expected 'then' after the condition of 'if' at offset 0",
            missing_operator},
           {"if a then", 9, "expected an expression after 'then'", ""},
           {"if a then b", 11, "expected 'else' after the 'then' branch of 'if' at offset 0",
            "every 'if' needs both branches: if condition then a else b"},
           {"x + (if a then b)", 16, "expected 'else' after the 'then' branch of 'if' at offset 5",
            "every 'if' needs both branches: if condition then a else b"},
           {"if a then b else", 16, "expected an expression after 'else'", ""},
           {"a < b < c", 6, "comparisons cannot be chained; use 'and'",
            "write 'a < b and b < c' instead of 'a < b < c'"},
           {"a == b != c", 7, "comparisons cannot be chained; use 'and'",
            "write 'a < b and b < c' instead of 'a < b < c'"},
           {"a in b in c", 7, "comparisons cannot be chained; use 'and'",
            "write 'a < b and b < c' instead of 'a < b < c'"},
           {"a in L not in M", 7, "comparisons cannot be chained; use 'and'",
            "write 'a < b and b < c' instead of 'a < b < c'"},
           {"x between 1 and 2 between 3 and 4", 18, "comparisons cannot be chained; use 'and'",
            "write 'a < b and b < c' instead of 'a < b < c'"},
           {"a = b", 2, "'=' alone is not an operator", "use == to compare"},
           {"(x = 1)", 3, "'=' alone is not an operator", "use == to compare"},
           {"a == b = c", 7, "'=' alone is not an operator", "use == to compare"},
           {"a b", 2, "unexpected 'b' after a complete expression", missing_operator},
           {"a 'x'", 2, "unexpected ''x'' after a complete expression", missing_operator},
           {"a && b", 2, "unexpected '&&' after a complete expression",
            "use 'and' to require both conditions"},
           {"a || b", 2, "unexpected '||' after a complete expression",
            "use 'or' to accept either condition"},
           {"a AND b", 2, "unexpected 'AND' after a complete expression",
            "keywords are written in lowercase: 'and'"},
           {"a not b", 2, "unexpected 'not' after a complete expression",
            "to test that a value is not in a list, write 'not in'"},
           {"a then b", 2, "unexpected 'then' after a complete expression",
            "'then' and 'else' belong to 'if c then a else b'"},
           {"x.y", 1, "unexpected '.' after a complete expression", ""},
           {"a é", 2, "unexpected 'é' after a complete expression", ""},
           {"!a", 0, "expected an expression, found '!'", "use 'not' to negate a condition"},
           {"@", 0, "expected an expression, found '@'", ""},
           {".5", 0, "expected an expression, found '.'",
            "write a digit before the decimal point, e.g. 0.5"},
           {"a == not b", 5, "expected an expression after '=='",
            "put 'not ...' in parentheses here: it binds less tightly than comparisons and "
            "arithmetic"},
           {"1 + if a then 1 else 2", 4, "expected an expression after '+'",
            "put 'if ... then ... else ...' in parentheses when it is an operand"},
           {"a or if b then c else d", 5, "expected an expression after 'or'",
            "put 'if ... then ... else ...' in parentheses when it is an operand"},
           {"x == in", 5, "expected an expression after '=='",
            "'in' is a reserved word and cannot be used as a name"},
           {"a and\n  (b or\n   c", 18, "expected ')' to close '(' at offset 8", ""},
       }) {
    const ParseError error = ErrorOf(c.text);
    EXPECT_EQ(error.offset, c.offset) << c.text;
    EXPECT_EQ(error.message, c.message) << c.text;
    EXPECT_EQ(error.hint, c.hint) << c.text;
  }
}

TEST(ParseErrors, LongTokensAreShortenedInMessages) {
  const ParseError error = ErrorOf("a \"" + std::string(100, 'x') + "\"");
  EXPECT_EQ(error.offset, 2u);
  EXPECT_EQ(error.message,
            "unexpected '\"" + std::string(39, 'x') + "...' after a complete expression");
  // A cut never splits a UTF-8 character.
  const ParseError utf8 = ErrorOf("a \"x" + Repeat("é", 50) + "\"");
  EXPECT_EQ(utf8.message,
            "unexpected '\"x" + Repeat("é", 19) + "...' after a complete expression");
}

TEST(ParseErrors, FirstErrorWins) {
  // Two problems: the earlier one is reported.
  EXPECT_EQ(Parsed("(a b) and 2001-02-30"),
            "error@3: expected ')' to close '(' at offset 0");
  EXPECT_EQ(Parsed("2001-02-30 and (a b)"),
            "error@0: invalid date '2001-02-30': the day must be 01 to 28 in 2001-02");
  EXPECT_EQ(Parsed("a = b < c < d"), "error@2: '=' alone is not an operator");
  // A syntax error before a nesting violation is reported, not the violation.
  EXPECT_EQ(Parsed(")" + std::string(100, '('), Roomy()),
            "error@0: expected an expression, found ')'");
  EXPECT_EQ(Parsed("a b" + std::string(100, '('), Roomy()),
            "error@2: unexpected 'b' after a complete expression");
  // ... and a violation before a later syntax error is reported.
  EXPECT_THAT(Parsed(std::string(65, '(') + "a @", Roomy()),
              StartsWith("error@64: expression is nested too deeply"));
}

// ---------------------------------------------------------------------------------------
// Limits.

TEST(ParseLimits, MaxLength) {
  const std::string at_limit = "a" + std::string(8191, ' ');
  EXPECT_EQ(Parsed(at_limit), "a");
  const ParseError error = ErrorOf(at_limit + " ");
  EXPECT_EQ(error.offset, 8192u);
  EXPECT_EQ(error.message, "expression is too long: 8193 bytes (the limit is 8192)");
  ParseLimits limits;
  limits.max_length = 5;
  EXPECT_EQ(Parsed("a + b", limits), "(a + b)");
  EXPECT_EQ(Parsed("a + bc", limits), "error@5: expression is too long: 6 bytes (the limit is 5)");
}

// Text with `levels` nested constructs of one kind around `a`, and the offset of the opener
// of the last level.
struct Nested {
  std::string text;
  uint32_t last_opener;
};

Nested NestedParens(int levels) {
  return {std::string(levels, '(') + "a" + std::string(levels, ')'),
          static_cast<uint32_t>(levels - 1)};
}
Nested NestedLists(int levels) {
  return {std::string(levels, '[') + "a" + std::string(levels, ']'),
          static_cast<uint32_t>(levels - 1)};
}
Nested NestedCalls(int levels) {
  return {Repeat("f(", levels) + "a" + std::string(levels, ')'),
          static_cast<uint32_t>(2 * levels - 1)};
}
Nested NestedNots(int levels) {
  return {Repeat("not ", levels) + "a", static_cast<uint32_t>(4 * (levels - 1))};
}
Nested NestedNegs(int levels) {
  return {std::string(levels, '-') + "a", static_cast<uint32_t>(levels - 1)};
}
Nested ElseIfChain(int levels) {
  return {Repeat("if a then b else ", levels) + "c", static_cast<uint32_t>(17 * (levels - 1))};
}
Nested IfInCondition(int levels) {
  return {Repeat("if ", levels) + "a" + Repeat(" then b else c", levels),
          static_cast<uint32_t>(3 * (levels - 1))};
}
// Cycles through 'not', '-', '(', '[' and a call, in an order that is always valid.
Nested NestedMixed(int levels) {
  static const std::pair<std::string_view, std::string_view> kLevels[] = {
      {"not ", ""}, {"-", ""}, {"(", ")"}, {"[", "]"}, {"g(", ")"}};
  Nested out;
  std::string closers;
  for (int i = 0; i < levels; ++i) {
    const auto& [open, close] = kLevels[i % 5];
    out.last_opener = static_cast<uint32_t>(out.text.size() + (open == "g(" ? 1 : 0));
    out.text += open;
    closers = std::string(close) + closers;
  }
  out.text += "a" + closers;
  return out;
}

TEST(ParseLimits, NestingOfEveryConstructAtAndBeyondTheLimit) {
  const std::string message =
      "expression is nested too deeply: more than 64 levels of parentheses, lists, calls, "
      "'not', '-' and 'if'";
  for (Nested (*make)(int) : {NestedParens, NestedLists, NestedCalls, NestedNots, NestedNegs,
                              ElseIfChain, IfInCondition, NestedMixed}) {
    const Nested at_limit = make(64);
    EXPECT_TRUE(ParseExpression(at_limit.text, Roomy()).ast.has_value()) << at_limit.text;
    const Nested beyond = make(65);
    const ParseError error = ErrorOf(beyond.text, Roomy());
    EXPECT_EQ(error.offset, beyond.last_opener) << beyond.text;
    EXPECT_EQ(error.message, message) << beyond.text;
    EXPECT_EQ(error.hint, "simplify the expression or split it into several rules");
  }
}

TEST(ParseLimits, NestingCountsOnlyOpenConstructs) {
  ParseLimits limits = Roomy();
  limits.max_nesting = 2;
  // Siblings do not add up: each 'not', '-', '(' ends before the next one starts.
  EXPECT_THAT(Parsed("not a and not b or not (c) and -d * -e + (f) + [g] + h(i)", limits),
              Not(StartsWith("error")));
  EXPECT_THAT(Parsed("(a) + ((b)) + f(g(c)) + [[d]] + - -e", limits), Not(StartsWith("error")));
  EXPECT_THAT(Parsed("if a then b else c", limits), Not(StartsWith("error")));
  EXPECT_THAT(Parsed("if not a then not b else not c", limits), Not(StartsWith("error")));
  EXPECT_THAT(Parsed("f(if a then b else c, if a then b else c)", limits),
              Not(StartsWith("error")));
  // Nesting does.
  EXPECT_THAT(Parsed("(((a)))", limits), StartsWith("error@2: expression is nested too deeply"));
  EXPECT_THAT(Parsed("not not -a", limits), StartsWith("error@8: expression is nested too deeply"));
  EXPECT_THAT(Parsed("-(-a)", limits), StartsWith("error@2: expression is nested too deeply"));
  EXPECT_THAT(Parsed("f(g(h(a)))", limits), StartsWith("error@5: expression is nested too deeply"));
  EXPECT_THAT(Parsed("if a then (b) else (if c then d else e)", limits),
              StartsWith("error@20: expression is nested too deeply"));
  // 'not' stays open through 'between ... and', whose 'and' is not a logical 'and'.
  EXPECT_THAT(Parsed("not x between 1 and (2)", limits), Not(StartsWith("error")));
  EXPECT_THAT(Parsed("not x between 1 and ((2))", limits),
              StartsWith("error@21: expression is nested too deeply"));
  // ... but a logical 'and' ends it.
  EXPECT_THAT(Parsed("not x and ((2))", limits), Not(StartsWith("error")));
  // The 'not' of 'not in' is an operator, not a prefix.
  EXPECT_THAT(Parsed("x not in ((L))", limits), Not(StartsWith("error")));
  limits.max_nesting = 0;
  EXPECT_EQ(Parsed("a + 1", limits), "(a + 1)");
  EXPECT_THAT(Parsed("-a", limits), StartsWith("error@0: expression is nested too deeply"));
}

TEST(ParseLimits, TreeDepth) {
  const auto chain = [](int terms) {
    std::string text = "a";
    for (int i = 1; i < terms; ++i) text += " or a";
    return text;
  };
  // 256 terms: 255 'or' nodes above a leaf, depth 256.
  EXPECT_THAT(Parsed(chain(256)), Not(StartsWith("error")));
  const ParseError error = ErrorOf(chain(257));
  EXPECT_EQ(error.offset, 2u + 5u * 255u);  // the 256th 'or'
  EXPECT_EQ(error.message, "expression is too deep: more than 256 levels");
  EXPECT_THAT(error.hint, HasSubstr("x in [a, b, c]"));

  ParseLimits limits;
  limits.max_tree_depth = 3;
  EXPECT_EQ(Parsed("-(a + b)", limits), "(-(a + b))");
  EXPECT_EQ(Parsed("not -(a + b)", limits), "error@0: expression is too deep: more than 3 levels");
  EXPECT_EQ(Parsed("a + b * c - d", limits),
            "error@10: expression is too deep: more than 3 levels");
  EXPECT_EQ(Parsed("f(g(h(x)))", limits), "error@0: expression is too deep: more than 3 levels");
  EXPECT_EQ(Parsed("[[[1]]]", limits), "error@0: expression is too deep: more than 3 levels");
  EXPECT_EQ(Parsed("x between 1 and -(2 + 3)", limits),
            "error@2: expression is too deep: more than 3 levels");
  EXPECT_EQ(Parsed("if a then -(b + c) else d", limits),
            "error@0: expression is too deep: more than 3 levels");
}

// ---------------------------------------------------------------------------------------
// Hostile inputs: each returns an error (or a result) without blowing the stack or the clock.

TEST(ParseHostile, HundredThousandOpenParentheses) {
  const std::string text(100000, '(');
  EXPECT_EQ(ErrorOf(text).message, "expression is too long: 100000 bytes (the limit is 8192)");
  const ParseError error = ErrorOf(text, Roomy());
  EXPECT_EQ(error.offset, 64u);
  EXPECT_THAT(error.message, StartsWith("expression is nested too deeply"));
}

TEST(ParseHostile, TenThousandNots) {
  const std::string text = Repeat("not ", 10000) + "a";
  EXPECT_EQ(ErrorOf(text).offset, 8192u);
  const ParseError error = ErrorOf(text, Roomy());
  EXPECT_EQ(error.offset, 4u * 64u);
  EXPECT_THAT(error.message, StartsWith("expression is nested too deeply"));
}

TEST(ParseHostile, OneMegabyteString) {
  const std::string text = "\"" + std::string(1 << 20, 'x') + "\"";
  EXPECT_EQ(ErrorOf(text).offset, 8192u);
  const Ast ast = AstOf(text, Roomy());
  EXPECT_EQ(Root(ast).text.size(), size_t{1} << 20);
  const ParseError unterminated = ErrorOf(text.substr(0, text.size() - 1), Roomy());
  EXPECT_EQ(unterminated.offset, 0u);
  EXPECT_EQ(unterminated.message, "unterminated string");
}

TEST(ParseHostile, FiveThousandTermOrChain) {
  std::string text = "a";
  for (int i = 1; i < 5000; ++i) text += " or a";
  EXPECT_EQ(ErrorOf(text).offset, 8192u);
  const ParseError error = ErrorOf(text, Roomy());
  EXPECT_EQ(error.offset, 1277u);
  EXPECT_EQ(error.message, "expression is too deep: more than 256 levels");
}

TEST(ParseHostile, OtherDeepShapes) {
  EXPECT_EQ(ErrorOf(std::string(100000, '-') + "a", Roomy()).offset, 64u);
  EXPECT_EQ(ErrorOf(Repeat("if a then b else ", 20000) + "c", Roomy()).offset, 17u * 64u);
  EXPECT_EQ(ErrorOf(Repeat("f(", 30000), Roomy()).offset, 129u);
  EXPECT_EQ(ErrorOf(Repeat("[(", 30000), Roomy()).offset, 64u);
  EXPECT_EQ(ErrorOf("a" + Repeat("+a", 200000), Roomy()).offset, 2u * 255u + 1u);
  EXPECT_EQ(ErrorOf("a" + Repeat("<a", 200000), Roomy()).offset, 3u);
  EXPECT_EQ(ErrorOf("'" + Repeat("\\'", 50000), Roomy()).message, "unterminated string");
  EXPECT_EQ(ErrorOf(Repeat("# c\n", 100000), Roomy()).message, "empty expression");
}

TEST(ParseHostile, LongFlatInputsParse) {
  std::string list = "[";
  for (int i = 0; i < 100000; ++i) list += "1, ";
  list += "]";
  const Ast ast = AstOf(list, Roomy());
  EXPECT_EQ(Root(ast).children.size(), 100000u);
  std::string args = "max(0";
  for (int i = 0; i < 50000; ++i) args += ", x";
  EXPECT_EQ(Root(AstOf(args + ")", Roomy())).children.size(), 50001u);
}

// ---------------------------------------------------------------------------------------
// Differential test: random valid expressions built with a known structure.

// Writes random valid expressions together with their expected rendering, the deepest
// nesting of constructs (paren, list, call, '-', 'not', 'if') and where it first occurs.
class ExpressionGenerator {
 public:
  explicit ExpressionGenerator(uint32_t seed) : rng_(seed) {}

  // A fresh expression: text() and the returned rendering.
  std::string Generate() {
    text_.clear();
    max_depth_ = 0;
    max_depth_offset_ = 0;
    budget_ = 40;
    return Expr(0);
  }

  const std::string& text() const { return text_; }
  int max_depth() const { return max_depth_; }
  uint32_t max_depth_offset() const { return max_depth_offset_; }

 private:
  bool Chance(int percent) { return std::uniform_int_distribution<int>(0, 99)(rng_) < percent; }
  int Pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
  bool Spend() { return budget_-- > 0; }

  void Space() {
    static const char* const kSpaces[] = {" ", " ", " ", "  ", "\n", "\t", " # note\n"};
    text_ += kSpaces[Pick(7)];
  }
  void Word(const char* word) {
    Space();
    text_ += word;
    Space();
  }
  // Records an opener at the current end of the text, `depth` levels deep.
  void Opener(int depth) {
    if (depth > max_depth_) {
      max_depth_ = depth;
      max_depth_offset_ = static_cast<uint32_t>(text_.size());
    }
  }

  std::string Expr(int depth) {
    if (!Chance(15) || !Spend()) return Or(depth);
    Opener(depth + 1);
    text_ += "if";
    Space();
    const std::string c = Expr(depth + 1);
    Word("then");
    const std::string a = Expr(depth + 1);
    Word("else");
    const std::string b = Expr(depth + 1);
    return "(if " + c + " then " + a + " else " + b + ")";
  }
  std::string Or(int depth) { return Chain(depth, "or", &ExpressionGenerator::And); }
  std::string And(int depth) { return Chain(depth, "and", &ExpressionGenerator::Not); }
  std::string Chain(int depth, const char* op, std::string (ExpressionGenerator::*next)(int)) {
    std::string out = (this->*next)(depth);
    while (Chance(25) && Spend()) {
      Word(op);
      out = "(" + out + " " + op + " " + (this->*next)(depth) + ")";
    }
    return out;
  }
  std::string Not(int depth) {
    if (!Chance(15) || !Spend()) return Comparison(depth);
    Opener(depth + 1);
    text_ += "not";
    Space();
    return "(not " + Not(depth + 1) + ")";
  }
  std::string Comparison(int depth) {
    std::string out = Sum(depth);
    if (!Chance(35) || !Spend()) return out;
    static const char* const kOps[] = {"==", "!=", "<", "<=", ">", ">=", "in", "not in"};
    if (Chance(15)) {
      Word("between");
      const std::string low = Sum(depth);
      Word("and");
      return "(" + out + " between " + low + " and " + Sum(depth) + ")";
    }
    const char* op = kOps[Pick(8)];
    Word(op);
    return "(" + out + " " + op + " " + Sum(depth) + ")";
  }
  std::string Sum(int depth) { return Arithmetic(depth, "+-", &ExpressionGenerator::Product); }
  std::string Product(int depth) { return Arithmetic(depth, "*/%", &ExpressionGenerator::Unary); }
  std::string Arithmetic(int depth, std::string_view ops,
                         std::string (ExpressionGenerator::*next)(int)) {
    std::string out = (this->*next)(depth);
    while (Chance(30) && Spend()) {
      const std::string op(1, ops[Pick(static_cast<int>(ops.size()))]);
      Word(op.c_str());
      out = "(" + out + " " + op + " " + (this->*next)(depth) + ")";
    }
    return out;
  }
  std::string Unary(int depth) {
    if (!Chance(15) || !Spend()) return Primary(depth);
    Opener(depth + 1);
    text_ += "-";
    if (Chance(50)) Space();
    return "(-" + Unary(depth + 1) + ")";
  }
  std::string Primary(int depth) {
    static const std::pair<const char*, const char*> kLeaves[] = {
        {"x", "x"},
        {"usia", "usia"},
        {"notin", "notin"},
        {"android", "android"},
        {"42", "42"},
        {"2_500_000", "2500000"},
        {"0.5", "0.5"},
        {"1_000.25", "1000.25"},
        {"\"a\\\"b\"", "\"a\\\"b\""},
        {"'x\\ty'", "\"x\\ty\""},
        {"2023-01-01", "2023-01-01"},
        {"true", "true"},
        {"false", "false"}};
    static const char* const kFunctions[] = {"f", "max", "coalesce"};
    const int kind = Spend() ? Pick(4) : 0;
    if (kind == 0) {
      const auto& [text, rendered] = kLeaves[Pick(static_cast<int>(std::size(kLeaves)))];
      text_ += text;
      return rendered;
    }
    if (kind == 1) {
      Opener(depth + 1);
      text_ += "(";
      const std::string inner = Expr(depth + 1);
      text_ += ")";
      return inner;
    }
    const bool list = kind == 2;
    const std::string name = list ? "" : kFunctions[Pick(3)];
    text_ += name;
    if (!list && Chance(20)) text_ += " ";
    Opener(depth + 1);
    text_ += list ? "[" : "(";
    std::string items;
    const int count = Pick(4);
    for (int i = 0; i < count; ++i) {
      if (i > 0) text_ += Chance(50) ? ", " : ",";
      items += (i ? ", " : "") + Expr(depth + 1);
    }
    if (list && count > 0 && Chance(30)) text_ += ",";
    text_ += list ? "]" : ")";
    return list ? "[" + items + "]" : name + "(" + items + ")";
  }

  std::mt19937 rng_;
  std::string text_;
  int max_depth_ = 0;
  uint32_t max_depth_offset_ = 0;
  int budget_ = 0;
};

TEST(ParseGenerated, MatchesTheGeneratorsStructureAndNestingExactly) {
  ExpressionGenerator generator(20230101);
  int deep = 0;
  for (int i = 0; i < 3000; ++i) {
    const std::string expected = generator.Generate();
    const std::string& text = generator.text();
    ParseLimits limits;
    limits.max_tree_depth = 1000;
    ASSERT_EQ(Parsed(text, limits), expected) << text;
    if (generator.max_depth() == 0) continue;
    ++deep;
    limits.max_nesting = generator.max_depth();
    ASSERT_EQ(Parsed(text, limits), expected) << text;
    limits.max_nesting = generator.max_depth() - 1;
    const ParseError error = ErrorOf(text, limits);
    ASSERT_EQ(error.offset, generator.max_depth_offset()) << text;
    ASSERT_THAT(error.message, StartsWith("expression is nested too deeply")) << text;
  }
  EXPECT_GT(deep, 1000);  // the generator really produced nested expressions
}

// ---------------------------------------------------------------------------------------
// Fuzz: random token soup and random bytes never crash, and every result is consistent.

TEST(ParseFuzz, RandomInputsNeverCrash) {
  static const char* const kPieces[] = {
      "a",   "b1",  "f",    "(",       ")",    "[",     "]",    ",",    "-",      "+",
      "*",   "/",   "%",    "==",      "=",    "!=",    "<",    "<=",   ">",      ">=",
      "not", "in",  "and",  "or",      "between", "if", "then", "else", "true",   "false",
      "1",   "2_0", "0.5",  "2023-01-01", "2023-02-30", "\"s\"", "'x", "\"\\q\"", "#c\n",
      " ",   "\n",  "_",    ".",       "&&",   "é",     "\x80", "\x00", "5_",     "1e5"};
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> piece(0, static_cast<int>(std::size(kPieces)) - 1);
  std::uniform_int_distribution<int> length(0, 24);
  std::uniform_int_distribution<int> byte(0, 255);
  ParseLimits tight;
  tight.max_nesting = 3;
  tight.max_tree_depth = 5;
  tight.max_length = 60;
  int parsed = 0;
  for (int i = 0; i < 6000; ++i) {
    std::string text;
    const int n = length(rng);
    for (int k = 0; k < n; ++k) {
      if (i % 3 == 0) {
        text += static_cast<char>(byte(rng));
      } else {
        const char* p = kPieces[piece(rng)];
        text += (*p == '\0') ? std::string(1, '\0') : std::string(p);  // "\x00" is a NUL byte
        if (k % 2 == 0) text += ' ';
      }
    }
    for (const ParseLimits& limits : {ParseLimits{}, tight}) {
      const ParseResult result = ParseExpression(text, limits);
      ASSERT_NE(result.ast.has_value(), result.error.has_value()) << text;
      if (result.error) {
        EXPECT_LE(result.error->offset, text.size()) << text;
        EXPECT_FALSE(result.error->message.empty()) << text;
        continue;
      }
      ++parsed;
      ExpectWellFormed(*result.ast, text);
      // The rendering is itself an expression with the same tree.
      const std::string rendered = Render(*result.ast, result.ast->root);
      EXPECT_EQ(Parsed(rendered, Roomy()), rendered) << text;
    }
  }
  EXPECT_GT(parsed, 50);  // some soups are valid expressions, exercising the success path
}

}  // namespace
}  // namespace aturan::expr
