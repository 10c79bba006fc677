#include "base/column_name.hpp"

namespace aturan {

namespace {
bool IsSeparator(char c) { return c == ' ' || c == '_' || c == '-' || c == '.' || c == '/' || c == '\t'; }
}  // namespace

std::string NormalizeColumnName(std::string_view name) {
  size_t begin = 0;
  size_t end = name.size();
  while (begin < end && IsSeparator(name[begin])) ++begin;
  while (end > begin && IsSeparator(name[end - 1])) --end;
  std::string out;
  out.reserve(end - begin);
  bool pending_separator = false;
  for (size_t i = begin; i < end; ++i) {
    char c = name[i];
    if (IsSeparator(c)) {
      pending_separator = true;
      continue;
    }
    if (pending_separator) out.push_back('_');
    pending_separator = false;
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

}  // namespace aturan
