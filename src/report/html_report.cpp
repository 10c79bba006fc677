// report/html_report.cpp — see html_report.hpp. The page itself is report_template.html,
// embedded at build time (embed_file.cmake); this file only puts the data into it.
#include "report/html_report.hpp"

#include "report/script_data.hpp"

namespace aturan {
namespace {

// The bytes of src/report/report_template.html.
constexpr unsigned char kTemplateBytes[] = {
#include "report_template.inc"
};

// Where the escaped comparison JSON goes in the template (exactly once).
constexpr std::string_view kDataMarker = "@COMPARISON_JSON@";

// How often kDataMarker occurs in the template, counted at compile time.
constexpr int CountMarkers() {
  int count = 0;
  for (size_t i = 0; i + kDataMarker.size() <= sizeof(kTemplateBytes); ++i) {
    size_t j = 0;
    while (j < kDataMarker.size() && kTemplateBytes[i + j] == static_cast<unsigned char>(kDataMarker[j])) ++j;
    if (j == kDataMarker.size()) ++count;
  }
  return count;
}
static_assert(CountMarkers() == 1, "report_template.html must hold the data marker exactly once");

std::string_view Template() {
  return std::string_view(reinterpret_cast<const char*>(kTemplateBytes), sizeof(kTemplateBytes));
}

}  // namespace

std::string RenderHtmlReport(std::string_view comparison_json) {
  std::string_view page = Template();
  size_t marker = page.find(kDataMarker);
  std::string data = EscapeJsonForScript(comparison_json);
  std::string out;
  out.reserve(page.size() + data.size());
  out.append(page.substr(0, marker));
  out.append(data);
  out.append(page.substr(marker + kDataMarker.size()));
  return out;
}

}  // namespace aturan
