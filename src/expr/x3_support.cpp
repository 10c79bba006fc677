// expr/x3_support.cpp — the plain-C++ half of the expression parser: the nesting pre-scan,
// literal decoding, Ast building with the tree-depth limit, and the error messages.
#include "expr/x3_support.hpp"

#include <algorithm>
#include <charconv>
#include <string>
#include <system_error>
#include <utility>

#include "absl/time/civil_time.h"

namespace aturan::expr::parser_internal {
namespace {

constexpr size_t kMaxShownToken = 40;  // bytes of a token quoted in a message

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsWordChar(char c) { return IsLetter(c) || IsDigit(c) || c == '_'; }
bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

bool IsKeyword(std::string_view word) {
  static constexpr std::string_view kKeywords[] = {"and", "or",   "not",  "in",   "between",
                                                   "if",  "then", "else", "true", "false"};
  return std::find(std::begin(kKeywords), std::end(kKeywords), word) != std::end(kKeywords);
}

// The end of the UTF-8 character that starts at `offset` (a stray continuation byte or an
// invalid lead byte counts as one character).
size_t CharEnd(std::string_view text, size_t offset) {
  size_t i = offset + 1;
  while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
  return i;
}

// The end of the quoted string starting at `offset`: one past its closing quote, or where
// the line or the text ends when it has none. Mirrors the grammar's string token.
size_t StringEnd(std::string_view text, size_t offset) {
  const char quote = text[offset];
  size_t i = offset + 1;
  while (i < text.size() && text[i] != '\n') {
    if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] != '\n') {
      i += 2;
    } else if (text[i] == quote) {
      return i + 1;
    } else {
      ++i;
    }
  }
  return i;
}

// The end of the token that starts at `offset` (< text.size()) as a reader sees it: a word,
// a number, a quoted string, a two-character operator, or one UTF-8 character.
size_t TokenEnd(std::string_view text, size_t offset) {
  const char c = text[offset];
  size_t i = offset + 1;
  if (IsLetter(c) || c == '_') {
    while (i < text.size() && IsWordChar(text[i])) ++i;
    return i;
  }
  if (IsDigit(c)) {
    while (i < text.size() && (IsWordChar(text[i]) || text[i] == '.')) ++i;
    return i;
  }
  if (c == '"' || c == '\'') return StringEnd(text, offset);
  static constexpr std::string_view kPairs[] = {"==", "!=", "<=", ">=", "&&", "||"};
  for (std::string_view pair : kPairs) {
    if (text.substr(offset, 2) == pair) return offset + 2;
  }
  return CharEnd(text, offset);
}

std::string_view TokenAt(std::string_view text, size_t offset) {
  if (offset >= text.size()) return {};
  return text.substr(offset, TokenEnd(text, offset) - offset);
}

// (appended piece by piece: GCC 12 at -O3 warns falsely about "'" + s + "'")
std::string Quoted(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out += '\'';
  out += s;
  out += '\'';
  return out;
}

// The token at `offset` for a message: 'foo', or "the end of the text". Long tokens (a
// string literal, say) are cut at a character boundary and marked with "...".
std::string Describe(std::string_view text, size_t offset) {
  std::string_view token = TokenAt(text, offset);
  if (token.empty()) return "the end of the text";
  if (token.size() <= kMaxShownToken) return Quoted(token);
  size_t cut = kMaxShownToken;
  while (cut > 0 && (static_cast<unsigned char>(token[cut]) & 0xC0) == 0x80) --cut;
  return Quoted(std::string(token.substr(0, cut)) + "...");
}

[[noreturn]] void Fail(uint32_t offset, std::string message, std::string hint = {}) {
  throw ParseFailure{ParseError{offset, std::move(message), std::move(hint)}};
}

std::string OffsetText(uint32_t offset) { return "at offset " + std::to_string(offset); }

// A hint about the token found where the parser expected something else: operators from
// other languages, reserved words, a missing operator. `operand_expected` tells whether the
// parser wanted the start of an operand there (rather than an operator or a closing token).
std::string HintForFound(std::string_view text, size_t offset, bool operand_expected) {
  const std::string_view token = TokenAt(text, offset);
  if (token.empty()) return {};
  if (token == "=") return "use == to compare";
  if (token == "&&" || token == "&") return "use 'and' to require both conditions";
  if (token == "||" || token == "|") return "use 'or' to accept either condition";
  if (token == "!") return "use 'not' to negate a condition";
  if (operand_expected) {
    if (token == "not") {
      return "put 'not ...' in parentheses here: it binds less tightly than comparisons and "
             "arithmetic";
    }
    if (token == "if") return "put 'if ... then ... else ...' in parentheses when it is an operand";
    if (IsKeyword(token)) return Quoted(token) + " is a reserved word and cannot be used as a name";
    if (token == "." && offset + 1 < text.size() && IsDigit(text[offset + 1])) {
      return "write a digit before the decimal point, e.g. 0.5";
    }
    return {};
  }
  std::string lower(token);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (lower != token && IsKeyword(lower)) {
    return "keywords are written in lowercase: " + Quoted(lower);
  }
  if (token == "not") return "to test that a value is not in a list, write 'not in'";
  if (token == "then" || token == "else") return "'then' and 'else' belong to 'if c then a else b'";
  const char c = token[0];
  if ((IsWordChar(c) && !IsKeyword(token)) || token == "true" || token == "false" || c == '"' ||
      c == '\'' || c == '(' || c == '[') {
    return "an operator such as 'and', 'or', '==' or '+' may be missing before it";
  }
  return {};
}

// Appends a node (children first: post-order) and returns its index. Refuses to make the tree
// deeper than limits.max_tree_depth, reporting at `report_offset`.
uint32_t AddNode(State& state, Node node, uint32_t report_offset) {
  uint32_t depth = 1;
  for (uint32_t child : node.children) depth = std::max(depth, state.depths[child] + 1);
  if (static_cast<int64_t>(depth) > state.limits.max_tree_depth) {
    Fail(report_offset,
         "expression is too deep: more than " + std::to_string(state.limits.max_tree_depth) +
             " levels",
         "every operator in a chain such as 'a or b or c' adds a level; split the rule, or write "
         "'x in [a, b, c]' instead of many 'or's");
  }
  state.ast.nodes.push_back(std::move(node));
  state.depths.push_back(depth);
  return static_cast<uint32_t>(state.ast.nodes.size() - 1);
}

Node MakeNode(NodeKind kind, uint32_t begin, uint32_t end) {
  Node node;
  node.kind = kind;
  node.begin = begin;
  node.end = end;
  return node;
}

// Appends a leaf and returns it as an operand spanning exactly its text.
Operand AddLeaf(State& state, Node node) {
  const uint32_t begin = node.begin;
  const uint32_t end = node.end;
  return Operand{AddNode(state, std::move(node), begin), begin, end};
}

// The value of the ASCII digits in `digits` (callers pass only digits, at most 4 of them).
int SmallNumber(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

}  // namespace

size_t SkipSpace(std::string_view text, size_t offset) {
  while (offset < text.size()) {
    if (IsSpace(text[offset])) {
      ++offset;
    } else if (text[offset] == '#') {
      while (offset < text.size() && text[offset] != '\n') ++offset;
    } else {
      break;
    }
  }
  return offset;
}

// Walks the tokens once, keeping a stack of the constructs that are open at each token:
//   bracket  '(' '[' or a call's '(' — until the matching ')' ']';
//   neg      a prefix '-' — until its operand (a primary, with any call) ends;
//   not      a prefix 'not' — until 'and', 'or', 'then', 'else', ',' or a closing bracket;
//   if       'if' — until its else-branch ends: ',', a closing bracket, or the 'then'/'else'
//            of an enclosing 'if';
//   between  'between' — until its 'and' (so that 'and' does not end a 'not'); not counted.
// These are exactly the constructs the X3 grammar recurses into, so on any text that is
// valid up to a token the stack size equals the parser's nesting at that token. On invalid
// text the scan just keeps going; the parser reports the syntax error first.
uint32_t FindNestingViolation(std::string_view text, int max_nesting) {
  enum class Frame : uint8_t { kBracket, kNeg, kNot, kIfCondition, kIfThen, kIfElse, kBetween };
  std::vector<Frame> frames;
  int depth = 0;
  const auto open = [&](Frame frame) {
    frames.push_back(frame);
    return ++depth > max_nesting;
  };
  const auto pop = [&] {
    if (frames.back() != Frame::kBetween) --depth;
    frames.pop_back();
  };
  const auto pop_while = [&](auto predicate) {
    while (!frames.empty() && predicate(frames.back())) pop();
  };
  const auto close_bracket = [&] {
    pop_while([](Frame f) { return f != Frame::kBracket; });
    if (!frames.empty()) pop();
  };
  bool operand_expected = true;
  bool after_name = false;  // the last token was a name, so '(' opens a call
  for (size_t i = SkipSpace(text, 0), end = 0; i < text.size(); i = SkipSpace(text, end)) {
    end = TokenEnd(text, i);
    const std::string_view token = text.substr(i, end - i);
    const char c = token[0];
    const bool word = IsLetter(c) || c == '_';
    if (operand_expected) {
      if (c == '(' || c == '[') {
        if (open(Frame::kBracket)) return static_cast<uint32_t>(i);
      } else if (c == '-') {
        if (open(Frame::kNeg)) return static_cast<uint32_t>(i);
      } else if (token == "not") {
        if (open(Frame::kNot)) return static_cast<uint32_t>(i);
      } else if (token == "if") {
        if (open(Frame::kIfCondition)) return static_cast<uint32_t>(i);
      } else if (c == ')' || c == ']') {  // f(), [] and [a, ]
        close_bracket();
        operand_expected = false;
      } else if (IsDigit(c) || c == '"' || c == '\'' || (word && !IsKeyword(token)) ||
                 token == "true" || token == "false") {
        operand_expected = false;
        after_name = word && !IsKeyword(token);
      }
      continue;
    }
    if (c == '(' && after_name) {  // a call's argument list
      after_name = false;
      operand_expected = true;
      if (open(Frame::kBracket)) return static_cast<uint32_t>(i);
      continue;
    }
    after_name = false;
    operand_expected = true;
    pop_while([](Frame f) { return f == Frame::kNeg; });  // the primary after each '-' ended
    if (c == ')' || c == ']') {
      close_bracket();
      operand_expected = false;
    } else if (c == ',') {
      pop_while([](Frame f) { return f != Frame::kBracket; });
    } else if (token == "and") {
      if (!frames.empty() && frames.back() == Frame::kBetween) {
        pop();
      } else {
        pop_while([](Frame f) { return f == Frame::kNot; });
      }
    } else if (token == "or") {
      pop_while([](Frame f) { return f == Frame::kNot; });
    } else if (token == "then") {
      pop_while([](Frame f) { return f != Frame::kIfCondition && f != Frame::kBracket; });
      if (!frames.empty() && frames.back() == Frame::kIfCondition) frames.back() = Frame::kIfThen;
    } else if (token == "else") {
      pop_while([](Frame f) { return f != Frame::kIfThen && f != Frame::kBracket; });
      if (!frames.empty() && frames.back() == Frame::kIfThen) frames.back() = Frame::kIfElse;
    } else if (token == "between") {
      frames.push_back(Frame::kBetween);
    }
    // Anything else is a binary operator (the 'not' of 'not in' included) or an error.
  }
  return kNoOffset;
}

void CheckNesting(const State& state, uint32_t offset) {
  if (offset < state.nesting_violation) return;
  Fail(offset,
       "expression is nested too deeply: more than " + std::to_string(state.limits.max_nesting) +
           " levels of parentheses, lists, calls, 'not', '-' and 'if'",
       "simplify the expression or split it into several rules");
}

void ThrowExpected(const State& state, Expected expected, const char* word, uint32_t offset) {
  const std::string_view text = state.text;
  const auto open_offset = [&] { return OffsetText(state.open.back().offset); };
  const auto call_name = [&] { return Quoted(std::string(state.open.back().name) + "("); };
  std::string message;
  std::string hint;
  bool operand_expected = true;  // otherwise an operator or a closing token was expected
  switch (expected) {
    case Expected::kExpression:
      if (offset >= text.size()) Fail(0, "empty expression");
      message = "expected an expression, found " + Describe(text, offset);
      break;
    case Expected::kOperandAfter:
      message = "expected an expression after " + Quoted(word);
      break;
    case Expected::kOperandAfterOp:
      message = "expected an expression after " + Quoted(OpSpelling(state.last_op));
      break;
    case Expected::kCondition:
      message = "expected a condition after 'if'";
      break;
    case Expected::kThen:
      message = "expected 'then' after the condition of 'if' " + open_offset();
      hint = "write if condition then a else b";
      operand_expected = false;
      break;
    case Expected::kElse:
      message = "expected 'else' after the 'then' branch of 'if' " + open_offset();
      hint = "every 'if' needs both branches: if condition then a else b";
      operand_expected = false;
      break;
    case Expected::kCloseParen:
      message = "expected ')' to close '(' " + open_offset();
      operand_expected = false;
      break;
    case Expected::kFirstItem:
      message = "expected an expression or ']' after '['";
      break;
    case Expected::kNextItem:
      message = "expected an expression or ']' after ','";
      break;
    case Expected::kCloseList:
      message = "expected ',' or ']' to close '[' " + open_offset();
      operand_expected = false;
      break;
    case Expected::kFirstArgument:
      message = "expected an argument or ')' after " + call_name();
      break;
    case Expected::kNextArgument:
      message = "expected an argument after ','";
      if (TokenAt(text, offset) == ")") hint = "a trailing ',' is allowed only in lists";
      break;
    case Expected::kCloseCall:
      message = "expected ',' or ')' to close " + call_name() + " " + open_offset();
      operand_expected = false;
      break;
    case Expected::kBetweenAnd:
      message = "'between' needs 'and': x between lo and hi";
      operand_expected = false;
      break;
    case Expected::kNoChain:
      message = "comparisons cannot be chained; use 'and'";
      hint = "write 'a < b and b < c' instead of 'a < b < c'";
      break;
    case Expected::kNoSingleEquals:
      message = "'=' alone is not an operator";
      hint = "use == to compare";
      break;
    case Expected::kEnd:
      message = "unexpected " + Describe(text, offset) + " after a complete expression";
      if (TokenAt(text, offset) == ")") hint = "there is no open '(' for it to close";
      if (TokenAt(text, offset) == "]") hint = "there is no open '[' for it to close";
      operand_expected = false;
      break;
  }
  // A hint about the token actually found is more specific than the general one above.
  if (std::string found_hint = HintForFound(text, offset, operand_expected); !found_hint.empty()) {
    if (hint.empty() || expected == Expected::kThen || expected == Expected::kElse) {
      hint = std::move(found_hint);
    }
  }
  Fail(offset, std::move(message), std::move(hint));
}

// Digits with '_' separators, optionally followed by '.' and more digits. The grammar hands
// over everything up to the next character that cannot continue a number, so letters and
// misplaced '_' end up here and are reported at their own offset.
Operand MakeNumber(State& state, uint32_t begin, uint32_t end) {
  const std::string_view text = state.text;
  std::string digits;
  bool decimal = false;
  for (uint32_t i = begin; i < end; ++i) {
    const char c = text[i];
    if (IsDigit(c)) {
      digits += c;
    } else if (c == '_') {
      if (i == begin || !IsDigit(text[i - 1]) || i + 1 >= end || !IsDigit(text[i + 1])) {
        Fail(i, "'_' in a number must stand between two digits");
      }
    } else if (c == '.') {
      if (i + 1 >= end || !IsDigit(text[i + 1])) Fail(i, "expected digits after the decimal point");
      decimal = true;
      digits += c;
    } else {
      Fail(i, "invalid character " + Quoted(text.substr(i, 1)) + " in a number");
    }
  }
  Node node = MakeNode(decimal ? NodeKind::kDecimal : NodeKind::kInt, begin, end);
  const char* const first = digits.data();
  const char* const last = first + digits.size();
  if (decimal) {
    if (std::from_chars(first, last, node.decimal_value).ec != std::errc()) {
      Fail(begin, "decimal literal is too large");
    }
  } else if (std::from_chars(first, last, node.int_value).ec != std::errc()) {
    Fail(begin, "integer literal is too large", "the largest integer is 9223372036854775807");
  }
  return AddLeaf(state, std::move(node));
}

// Exactly YYYY-MM-DD (the grammar checked the shape): a real day in years 1000..9999, as days
// since 1970-01-01. Computed here with absl::CivilDay so the messages can say what is wrong.
Operand MakeDate(State& state, uint32_t begin, uint32_t end) {
  const std::string_view literal = state.text.substr(begin, end - begin);
  const int year = SmallNumber(literal.substr(0, 4));
  const int month = SmallNumber(literal.substr(5, 2));
  const int day = SmallNumber(literal.substr(8, 2));
  const std::string prefix = "invalid date " + Quoted(literal) + ": ";
  if (year < 1000) Fail(begin, prefix + "the year must be 1000 to 9999");
  if (month < 1 || month > 12) Fail(begin, prefix + "the month must be 01 to 12");
  const absl::CivilDay first_of_month(year, month, 1);
  const int month_days =
      static_cast<int>(absl::CivilDay(absl::CivilMonth(year, month) + 1) - first_of_month);
  if (day < 1 || day > month_days) {
    Fail(begin, prefix + "the day must be 01 to " + std::to_string(month_days) + " in " +
                    std::string(literal.substr(0, 7)));
  }
  Node node = MakeNode(NodeKind::kDate, begin, end);
  node.date_days =
      static_cast<int32_t>(absl::CivilDay(year, month, day) - absl::CivilDay(1970, 1, 1));
  return AddLeaf(state, std::move(node));
}

// A quoted string as the grammar delimited it: from the opening quote to the closing one, or
// to where the line or the text ended if there is none.
Operand MakeString(State& state, uint32_t begin, uint32_t end) {
  const std::string_view text = state.text;
  const char quote = text[begin];
  Node node = MakeNode(NodeKind::kString, begin, end);
  for (uint32_t i = begin + 1; i < end; ++i) {
    const char c = text[i];
    if (c == quote) return AddLeaf(state, std::move(node));  // the closing quote ends the range
    if (c != '\\' || i + 1 >= end) {
      node.text += c;
      continue;
    }
    switch (text[++i]) {
      case '"': node.text += '"'; break;
      case '\'': node.text += '\''; break;
      case '\\': node.text += '\\'; break;
      case 'n': node.text += '\n'; break;
      case 't': node.text += '\t'; break;
      default:
        Fail(i - 1,
             "unknown escape " + Quoted(text.substr(i - 1, CharEnd(text, i) - (i - 1))) +
                 " in a string",
             "the escapes are \\\" \\' \\\\ \\n and \\t");
    }
  }
  if (end < text.size() && text[end] == '\n') {
    Fail(begin, "unterminated string",
         "a string must end on the line where it starts; write \\n for a line break");
  }
  Fail(begin, "unterminated string", std::string("close it with ") + quote);
}

Operand MakeBool(State& state, uint32_t begin, uint32_t end) {
  Node node = MakeNode(NodeKind::kBool, begin, end);
  node.bool_value = state.text[begin] == 't';
  return AddLeaf(state, std::move(node));
}

Operand MakeName(State& state, uint32_t begin, uint32_t end) {
  Node node = MakeNode(NodeKind::kName, begin, end);
  node.text = state.text.substr(begin, end - begin);
  return AddLeaf(state, std::move(node));
}

void RejectUnderscoreWord(const State& state, uint32_t begin, uint32_t end) {
  if (end > begin + 1 && IsDigit(state.text[begin + 1])) {
    Fail(begin, "'_' in a number must stand between two digits");
  }
  Fail(begin, "a name must start with a letter");
}

Operand MakeUnary(State& state, Op op, uint32_t op_offset, const Operand& operand) {
  Node node = MakeNode(NodeKind::kUnary, op_offset, operand.end);
  node.op = op;
  node.children = {operand.node};
  return Operand{AddNode(state, std::move(node), op_offset), op_offset, operand.end};
}

Operand MakeBinary(State& state, Op op, uint32_t op_offset, const Operand& lhs,
                   const Operand& rhs) {
  Node node = MakeNode(NodeKind::kBinary, lhs.begin, rhs.end);
  node.op = op;
  node.children = {lhs.node, rhs.node};
  return Operand{AddNode(state, std::move(node), op_offset), lhs.begin, rhs.end};
}

Operand MakeBetween(State& state, uint32_t op_offset, const Operand& value, const Operand& low,
                    const Operand& high) {
  Node node = MakeNode(NodeKind::kBetween, value.begin, high.end);
  node.children = {value.node, low.node, high.node};
  return Operand{AddNode(state, std::move(node), op_offset), value.begin, high.end};
}

void OpenParen(State& state, uint32_t offset) {
  state.open.push_back({OpenConstruct::Kind::kParen, offset, {}, 0});
}

Operand CloseParen(State& state, const Operand& inner, uint32_t end) {
  const uint32_t begin = state.open.back().offset;
  state.open.pop_back();
  return Operand{inner.node, begin, end};
}

void OpenList(State& state, uint32_t offset) {
  state.open.push_back({OpenConstruct::Kind::kList, offset, {}, state.items.size()});
}

Operand CloseList(State& state, uint32_t end) {
  const OpenConstruct list = state.open.back();
  state.open.pop_back();
  Node node = MakeNode(NodeKind::kList, list.offset, end);
  node.children.assign(state.items.begin() + static_cast<std::ptrdiff_t>(list.first_item),
                       state.items.end());
  state.items.resize(list.first_item);
  return Operand{AddNode(state, std::move(node), list.offset), list.offset, end};
}

void OpenCall(State& state, uint32_t name_begin, uint32_t name_end) {
  state.open.push_back({OpenConstruct::Kind::kCall, name_begin,
                        state.text.substr(name_begin, name_end - name_begin),
                        state.items.size()});
}

Operand CloseCall(State& state, uint32_t end) {
  const OpenConstruct call = state.open.back();
  state.open.pop_back();
  Node node = MakeNode(NodeKind::kCall, call.offset, end);
  node.text = call.name;
  node.children.assign(state.items.begin() + static_cast<std::ptrdiff_t>(call.first_item),
                       state.items.end());
  state.items.resize(call.first_item);
  return Operand{AddNode(state, std::move(node), call.offset), call.offset, end};
}

void AddItem(State& state, const Operand& item) { state.items.push_back(item.node); }

void OpenIf(State& state, uint32_t offset) {
  state.open.push_back({OpenConstruct::Kind::kIf, offset, {}, 0});
}

Operand CloseIf(State& state, const Operand& condition, const Operand& then_branch,
                const Operand& else_branch) {
  const uint32_t begin = state.open.back().offset;
  state.open.pop_back();
  Node node = MakeNode(NodeKind::kIf, begin, else_branch.end);
  node.children = {condition.node, then_branch.node, else_branch.node};
  return Operand{AddNode(state, std::move(node), begin), begin, else_branch.end};
}

}  // namespace aturan::expr::parser_internal
