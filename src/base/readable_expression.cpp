#include "base/readable_expression.hpp"

namespace aturan {

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

}  // namespace

std::string ReadableExpression(std::string_view text) {
  std::string out;
  bool pending_space = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '#') {
      while (i + 1 < text.size() && text[i + 1] != '\n') ++i;
      pending_space = true;
      continue;
    }
    if (IsSpace(c)) {
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
    if (c != '"' && c != '\'') {
      out.push_back(c);
      continue;
    }
    // A quoted string, to its closing quote (or the end of its line when unclosed).
    out.push_back(c);
    for (++i; i < text.size() && text[i] != '\n'; ++i) {
      out.push_back(text[i]);
      if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] != '\n') {
        out.push_back(text[++i]);
      } else if (text[i] == c) {
        break;
      }
    }
    if (i < text.size() && text[i] == '\n') pending_space = true;
  }
  return out;
}

}  // namespace aturan
