#include "base/csv_field.hpp"

#include <algorithm>

namespace aturan {

void AppendCsvField(std::string_view text, std::string* out) {
  // A plain loop: find_first_of calls memchr over the four characters for every byte.
  const bool plain = std::none_of(text.begin(), text.end(),
                                  [](char c) { return c == ',' || c == '"' || c == '\r' || c == '\n'; });
  if (plain) {
    out->append(text);
    return;
  }
  out->push_back('"');
  for (char c : text) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

}  // namespace aturan
