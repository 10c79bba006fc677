// report/html_report.hpp — the self-contained HTML page of a comparison of two rule files.
#pragma once

#include <string>
#include <string_view>

namespace aturan {

// One HTML page showing `comparison_json` (the `aturan diff --json` object, docs/diff.md) to
// policy staff, in Indonesian: summary, charts and tables, drawn by the page's own script. The
// page needs no network (no external fonts, scripts or images). The JSON is embedded as data
// that cannot end its <script> element whatever its strings hold; if it is not a valid
// comparison, the opened page shows the error instead of the report.
std::string RenderHtmlReport(std::string_view comparison_json);

}  // namespace aturan
