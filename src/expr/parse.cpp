// expr/parse.cpp — ParseExpression: limits, the nesting pre-scan, then the X3 grammar.
// This is the one translation unit that instantiates the grammar (x3_grammar_def.hpp).
#include "expr/parse.hpp"

#include <algorithm>
#include <exception>
#include <string>
#include <utility>

#include "expr/x3_grammar_def.hpp"
#include "expr/x3_support.hpp"

namespace aturan::expr {

ParseResult ParseExpression(std::string_view text, const ParseLimits& limits) {
  using namespace parser_internal;
  namespace x3 = boost::spirit::x3;
  ParseResult result;
  try {
    // Offsets are uint32_t, so no text may be longer than that, whatever the limit says.
    const size_t max_length = std::min<size_t>(limits.max_length, kNoOffset - 1);
    if (text.size() > max_length) {
      throw ParseFailure{ParseError{
          static_cast<uint32_t>(max_length),
          "expression is too long: " + std::to_string(text.size()) + " bytes (the limit is " +
              std::to_string(max_length) + ")",
          "split it into several rules or parameters"}};
    }
    State state;
    state.text = text;
    state.limits = limits;
    state.nesting_violation = FindNestingViolation(text, limits.max_nesting);
    Operand top;
    const char* first = text.data();
    const char* const last = first + text.size();
    // `grammar::top` either matches the whole text or throws ParseFailure, so the result
    // of phrase_parse carries no information.
    x3::phrase_parse(first, last, x3::with<grammar::StateTag>(state)[grammar::top],
                     grammar::skipper, top);
    state.ast.root = top.node;
    result.ast = std::move(state.ast);
  } catch (ParseFailure& failure) {
    result.error = std::move(failure.error);
  } catch (const std::exception& e) {  // std::bad_alloc: never let an exception escape
    result.error = ParseError{0, std::string("internal error while parsing: ") + e.what(), ""};
  }
  return result;
}

}  // namespace aturan::expr
