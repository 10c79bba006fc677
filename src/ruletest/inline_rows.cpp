#include "ruletest/inline_rows.hpp"

#include <algorithm>
#include <string_view>

namespace aturan::ruletest {
namespace {

// `text` as one quoted CSV field, quotes doubled.
void AppendQuoted(std::string_view text, std::string* out) {
  *out += '"';
  for (char c : text) {
    if (c == '"') *out += '"';
    *out += c;
  }
  *out += '"';
}

}  // namespace

std::string RowsAsCsv(const std::vector<std::vector<FieldText>>& rows) {
  std::vector<std::string> columns;
  for (const std::vector<FieldText>& row : rows) {
    for (const FieldText& field : row) {
      if (std::find(columns.begin(), columns.end(), field.field) == columns.end()) {
        columns.push_back(field.field);
      }
    }
  }
  std::string csv;
  for (size_t c = 0; c < columns.size(); ++c) {
    if (c > 0) csv += ',';
    AppendQuoted(columns[c], &csv);
  }
  csv += '\n';
  for (const std::vector<FieldText>& row : rows) {
    for (size_t c = 0; c < columns.size(); ++c) {
      if (c > 0) csv += ',';
      const auto field = std::find_if(row.begin(), row.end(),
                                      [&](const FieldText& f) { return f.field == columns[c]; });
      if (field != row.end() && !field->missing) AppendQuoted(field->text, &csv);
    }
    csv += '\n';
  }
  return csv;
}

}  // namespace aturan::ruletest
