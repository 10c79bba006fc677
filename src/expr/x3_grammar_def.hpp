// expr/x3_grammar_def.hpp — the expression grammar in Boost.Spirit X3. Include it only from
// parse.cpp: the rules are declared, defined (BOOST_SPIRIT_DEFINE) and instantiated in that
// one translation unit.
//
// The grammar builds our Ast directly in semantic actions (no X3 AST): every rule's
// attribute is an Operand (node index + text span), and nodes are appended when their last
// child is complete, which gives the post-order the Ast promises. That is only sound because
// the grammar never backtracks over text that produced a node: each alternative commits on
// its first token, binary chains are loops (flat, left-associative), a comparison is a sum
// followed by an optional suffix, and every later failure throws ParseFailure (via `must`)
// instead of returning false. Each token is tried by a fixed number of alternatives, so the
// parse is linear in the text.
#pragma once

#include <boost/fusion/include/at_c.hpp>
#include <boost/spirit/home/x3.hpp>

#include "expr/x3_support.hpp"

namespace aturan::expr::parser_internal::grammar {

namespace x3 = boost::spirit::x3;
using boost::fusion::at_c;

// The State of the running parse, injected with x3::with<StateTag>.
struct StateTag;

template <typename Context>
State& GetState(const Context& context) {
  return x3::get<StateTag>(context);
}

// ---------------------------------------------------------------------------------------
// Custom parsers.

// Zero-width: yields the byte offset of the next token (after whitespace and comments). The
// `opens_level` variant sits in front of every construct that nests (paren, list, call, '-',
// 'not', 'if') and stops the parse there if the pre-scan found the text nests too deeply.
struct OffsetParser : x3::parser<OffsetParser> {
  using attribute_type = uint32_t;

  constexpr explicit OffsetParser(bool opens_level) : opens_level(opens_level) {}

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, const Iterator& last, const Context& context, RContext&,
             Attribute& attr) const {
    x3::skip_over(first, last, context);
    const State& state = GetState(context);
    const uint32_t offset = state.OffsetOf(first);
    if (opens_level) CheckNesting(state, offset);
    x3::traits::move_to(offset, attr);
    return true;
  }

  bool opens_level;
};

constexpr OffsetParser offset{false};
constexpr OffsetParser opener{true};

// must(expected)[p]: p, or throw ParseFailure for `expected` at the next token. Used at every
// point after which the text can no longer be anything but an error, so the first error is
// reported where it is and nothing is ever re-parsed.
template <typename Subject>
struct MustDirective : x3::unary_parser<Subject, MustDirective<Subject>> {
  using base_type = x3::unary_parser<Subject, MustDirective<Subject>>;
  static const bool is_pass_through_unary = true;
  static const bool handles_container = Subject::handles_container;

  constexpr MustDirective(const Subject& subject, Expected expected, const char* word)
      : base_type(subject), expected(expected), word(word) {}

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, const Iterator& last, const Context& context, RContext& rcontext,
             Attribute& attr) const {
    if (this->subject.parse(first, last, context, rcontext, attr)) return true;
    Iterator where = first;
    x3::skip_over(where, last, context);
    const State& state = GetState(context);
    ThrowExpected(state, expected, word, state.OffsetOf(where));
  }

  Expected expected;
  const char* word;
};

struct MustGenerator {
  template <typename Subject>
  constexpr MustDirective<typename x3::extension::as_parser<Subject>::value_type> operator[](
      const Subject& subject) const {
    return {x3::as_parser(subject), expected, word};
  }

  Expected expected;
  const char* word;
};

constexpr MustGenerator must(Expected expected, const char* word = "") { return {expected, word}; }

// Always throws the error for `expected` at the next token.
inline auto fail(Expected expected) { return must(expected)[x3::eps(false)]; }

// ---------------------------------------------------------------------------------------
// Tokens. Character classes are ASCII ranges and sets (safe for any byte of UTF-8 text).

const auto digit = x3::char_('0', '9');
const auto letter = x3::char_('a', 'z') | x3::char_('A', 'Z');
const auto word_char = letter | digit | x3::char_('_');

// A keyword only when no letter, digit or '_' follows: `notin` and `android` are names.
inline auto keyword(const char* word) { return x3::lexeme[x3::lit(word) >> !word_char]; }

const auto kw_and = keyword("and");
const auto kw_or = keyword("or");
const auto kw_not = keyword("not");
const auto kw_in = keyword("in");
const auto kw_between = keyword("between");
const auto kw_if = keyword("if");
const auto kw_then = keyword("then");
const auto kw_else = keyword("else");

const auto reserved =
    x3::lexeme[(x3::lit("and") | "or" | "not" | "in" | "between" | "if" | "then" | "else" |
                "true" | "false") >>
               !word_char];

// Whitespace (newlines included) and '#' comments to the end of the line.
const auto skipper = x3::char_(" \t\r\n\f\v") | (x3::lit('#') >> *~x3::char_('\n'));

struct ComparisonOps : x3::symbols<Op> {
  ComparisonOps() {
    add("==", Op::kEq)("!=", Op::kNe)("<", Op::kLt)("<=", Op::kLe)(">", Op::kGt)(">=", Op::kGe);
  }
};
struct SumOps : x3::symbols<Op> {
  SumOps() { add("+", Op::kAdd)("-", Op::kSub); }
};
struct ProductOps : x3::symbols<Op> {
  ProductOps() { add("*", Op::kMul)("/", Op::kDiv)("%", Op::kMod); }
};
const ComparisonOps comparison_ops;
const SumOps sum_ops;
const ProductOps product_ops;

const auto membership_op =
    (kw_in >> x3::attr(Op::kIn)) | (kw_not >> kw_in >> x3::attr(Op::kNotIn));
const auto comparison_start = comparison_ops | kw_in | kw_between | (kw_not >> kw_in);
const auto single_equals = x3::lexeme[x3::lit('=') >> !x3::lit('=')];

// The raw text of literals; the actions validate and decode it (MakeNumber, ...). A number
// takes every following letter, digit and '_' so `5abc` and `5_` are one bad number.
const auto date_token = x3::raw[x3::lexeme[x3::repeat(4)[digit] >> '-' >> x3::repeat(2)[digit] >>
                                           '-' >> x3::repeat(2)[digit] >> !word_char]];
const auto number_token = x3::raw[x3::lexeme[digit >> *word_char >> -('.' >> *word_char)]];
const auto string_token = x3::raw[x3::lexeme[
    ('"' >> *(('\\' >> ~x3::char_('\n')) | ~x3::char_("\"\\\n")) >> -x3::lit('"')) |
    ('\'' >> *(('\\' >> ~x3::char_('\n')) | ~x3::char_("'\\\n")) >> -x3::lit('\''))]];
const auto bool_token = x3::raw[x3::lexeme[(x3::lit("true") | "false") >> !word_char]];
const auto name_token = x3::raw[!reserved >> x3::lexeme[letter >> *word_char]];
const auto underscore_token = x3::raw[x3::lexeme['_' >> *word_char]];
const auto close_paren_token = x3::raw[x3::lit(')')];
const auto close_bracket_token = x3::raw[x3::lit(']')];

// ---------------------------------------------------------------------------------------
// Semantic actions: thin wrappers around x3_support.cpp.

const auto assign = [](auto& ctx) { x3::_val(ctx) = x3::_attr(ctx); };

// A literal from its raw text range.
inline auto literal(Operand (*make)(State&, uint32_t, uint32_t)) {
  return [make](auto& ctx) {
    State& state = GetState(ctx);
    const auto& range = x3::_attr(ctx);
    x3::_val(ctx) = make(state, state.OffsetOf(range.begin()), state.OffsetOf(range.end()));
  };
}

const auto reject_underscore = [](auto& ctx) {
  const State& state = GetState(ctx);
  const auto& range = x3::_attr(ctx);
  RejectUnderscoreWord(state, state.OffsetOf(range.begin()), state.OffsetOf(range.end()));
};

const auto note_op = [](auto& ctx) { GetState(ctx).last_op = x3::_attr(ctx); };

// (operator offset, Op, right operand) folded onto the left operand in _val.
const auto fold_binary = [](auto& ctx) {
  const auto& attr = x3::_attr(ctx);
  x3::_val(ctx) = MakeBinary(GetState(ctx), at_c<1>(attr), at_c<0>(attr), x3::_val(ctx),
                             at_c<2>(attr));
};

// (operator offset, operand) of a prefix operator.
inline auto prefix(Op op) {
  return [op](auto& ctx) {
    const auto& attr = x3::_attr(ctx);
    x3::_val(ctx) = MakeUnary(GetState(ctx), op, at_c<0>(attr), at_c<1>(attr));
  };
}

const auto make_between = [](auto& ctx) {
  const auto& attr = x3::_attr(ctx);
  x3::_val(ctx) =
      MakeBetween(GetState(ctx), at_c<0>(attr), x3::_val(ctx), at_c<1>(attr), at_c<2>(attr));
};

const auto open_paren = [](auto& ctx) { OpenParen(GetState(ctx), x3::_attr(ctx)); };
const auto close_paren = [](auto& ctx) {
  State& state = GetState(ctx);
  x3::_val(ctx) = CloseParen(state, x3::_val(ctx), state.OffsetOf(x3::_attr(ctx).end()));
};
const auto open_list = [](auto& ctx) { OpenList(GetState(ctx), x3::_attr(ctx)); };
const auto close_list = [](auto& ctx) {
  State& state = GetState(ctx);
  x3::_val(ctx) = CloseList(state, state.OffsetOf(x3::_attr(ctx).end()));
};
const auto add_item = [](auto& ctx) { AddItem(GetState(ctx), x3::_attr(ctx)); };

// A name is held as a span in _val until we know whether a call's '(' follows.
const auto start_name = [](auto& ctx) {
  const State& state = GetState(ctx);
  const auto& range = x3::_attr(ctx);
  x3::_val(ctx) = Operand{0, state.OffsetOf(range.begin()), state.OffsetOf(range.end())};
};
const auto finish_name = [](auto& ctx) {
  x3::_val(ctx) = MakeName(GetState(ctx), x3::_val(ctx).begin, x3::_val(ctx).end);
};
const auto open_call = [](auto& ctx) {
  OpenCall(GetState(ctx), x3::_val(ctx).begin, x3::_val(ctx).end);
};
const auto close_call = [](auto& ctx) {
  State& state = GetState(ctx);
  x3::_val(ctx) = CloseCall(state, state.OffsetOf(x3::_attr(ctx).end()));
};

const auto open_if = [](auto& ctx) { OpenIf(GetState(ctx), x3::_attr(ctx)); };
const auto close_if = [](auto& ctx) {
  const auto& attr = x3::_attr(ctx);
  x3::_val(ctx) = CloseIf(GetState(ctx), at_c<0>(attr), at_c<1>(attr), at_c<2>(attr));
};

// ---------------------------------------------------------------------------------------
// Rules, lowest precedence first.

x3::rule<class ExprRule, Operand> const expr = "expression";
x3::rule<class IfRule, Operand> const if_expr = "if";
x3::rule<class OrRule, Operand> const or_expr = "or";
x3::rule<class AndRule, Operand> const and_expr = "and";
x3::rule<class NotRule, Operand> const not_expr = "not";
x3::rule<class ComparisonRule, Operand> const comparison = "comparison";
x3::rule<class SumRule, Operand> const sum = "sum";
x3::rule<class ProductRule, Operand> const product = "product";
x3::rule<class UnaryRule, Operand> const unary = "unary";
x3::rule<class PrimaryRule, Operand> const primary = "primary";
x3::rule<class ParenRule, Operand> const paren = "parenthesized";
x3::rule<class ListRule, Operand> const list = "list";
x3::rule<class NameOrCallRule, Operand> const name_or_call = "name or call";
x3::rule<class ComparisonOpRule, Op> const comparison_op = "comparison operator";

const auto expr_def = if_expr | or_expr;

// A rule so that its attribute is one Op rather than a variant of the alternatives' Ops.
const auto comparison_op_def = comparison_ops | membership_op;

const auto if_expr_def =
    (opener >> kw_if)[open_if] >>
    (must(Expected::kCondition)[expr] >> must(Expected::kThen)[kw_then] >>
     must(Expected::kOperandAfter, "then")[expr] >> must(Expected::kElse)[kw_else] >>
     must(Expected::kOperandAfter, "else")[expr])[close_if];

const auto or_expr_def =
    and_expr[assign] >> *((offset >> kw_or >> x3::attr(Op::kOr) >>
                           must(Expected::kOperandAfter, "or")[and_expr])[fold_binary]);

const auto and_expr_def =
    not_expr[assign] >> *((offset >> kw_and >> x3::attr(Op::kAnd) >>
                           must(Expected::kOperandAfter, "and")[not_expr])[fold_binary]);

const auto not_expr_def =
    (opener >> kw_not >> must(Expected::kOperandAfter, "not")[not_expr])[prefix(Op::kNot)] |
    comparison[assign];

// Non-associative: one optional suffix, then anything comparison-like is an error.
const auto comparison_def =
    sum[assign] >>
    -(((offset >> comparison_op[note_op] >>
        must(Expected::kOperandAfterOp)[sum])[fold_binary] |
       (offset >> kw_between >> must(Expected::kOperandAfter, "between")[sum] >>
        must(Expected::kBetweenAnd)[kw_and] >>
        must(Expected::kOperandAfter, "and")[sum])[make_between]) >>
      -(&comparison_start >> fail(Expected::kNoChain))) >>
    -(&single_equals >> fail(Expected::kNoSingleEquals));

const auto sum_def =
    product[assign] >>
    *((offset >> sum_ops[note_op] >> must(Expected::kOperandAfterOp)[product])[fold_binary]);

const auto product_def =
    unary[assign] >>
    *((offset >> product_ops[note_op] >> must(Expected::kOperandAfterOp)[unary])[fold_binary]);

const auto unary_def =
    (opener >> '-' >> must(Expected::kOperandAfter, "-")[unary])[prefix(Op::kNeg)] |
    primary[assign];

const auto primary_def = date_token[literal(MakeDate)] | number_token[literal(MakeNumber)] |
                         string_token[literal(MakeString)] | bool_token[literal(MakeBool)] |
                         list[assign] | paren[assign] | name_or_call[assign] |
                         underscore_token[reject_underscore];

const auto paren_def = (opener >> '(')[open_paren] >>
                       must(Expected::kOperandAfter, "(")[expr][assign] >>
                       must(Expected::kCloseParen)[close_paren_token[close_paren]];

// [] | [a, b] | [a, b,]
const auto list_def =
    (opener >> '[')[open_list] >>
    (close_bracket_token[close_list] |
     (must(Expected::kFirstItem)[expr][add_item] >>
      *(',' >> !x3::lit(']') >> must(Expected::kNextItem)[expr][add_item]) >> -x3::lit(',') >>
      must(Expected::kCloseList)[close_bracket_token[close_list]]));

// name | name() | name(a, b)
const auto name_or_call_def =
    name_token[start_name] >>
    (((opener >> '(')[open_call] >>
      (close_paren_token[close_call] |
       (must(Expected::kFirstArgument)[expr][add_item] >>
        *(',' >> must(Expected::kNextArgument)[expr][add_item]) >>
        must(Expected::kCloseCall)[close_paren_token[close_call]]))) |
     x3::eps[finish_name]);

BOOST_SPIRIT_DEFINE(expr, if_expr, or_expr, and_expr, not_expr, comparison, sum, product, unary,
                    primary, paren, list, name_or_call, comparison_op)

// The whole text: one expression and nothing after it.
const auto top = must(Expected::kExpression)[expr] >> (x3::eoi | fail(Expected::kEnd));

}  // namespace aturan::expr::parser_internal::grammar
