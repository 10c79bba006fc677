// html_report_test.cpp — the HTML report page: its data is embedded whole and cannot escape its
// <script> element, and the page asks for nothing over the network. What the page's script
// draws (charts, tables, null sections) is checked in headless Chromium by the
// report_html_chromium_* tests (scripts/render-html.sh).
#include "report/html_report.hpp"

#include <fstream>
#include <sstream>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "report/script_data.hpp"

namespace aturan {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr std::string_view kDataOpen = R"(<script type="application/json" id="comparison-data">)";
constexpr std::string_view kLineSeparator = "\xE2\x80\xA8";
constexpr std::string_view kParagraphSeparator = "\xE2\x80\xA9";

std::string ReadTestdata(const std::string& name) {
  std::ifstream in(std::string(ATURAN_SOURCE_DIR) + "/tests/report/testdata/" + name, std::ios::binary);
  EXPECT_TRUE(in) << name;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

size_t Count(std::string_view text, std::string_view what) {
  size_t count = 0;
  for (size_t at = text.find(what); at != std::string_view::npos; at = text.find(what, at + 1)) ++count;
  return count;
}

std::string ReplaceAll(std::string text, std::string_view from, std::string_view to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

// The content of the page's data element, up to the first "</script" after it: what the HTML
// parser hands to the page's script.
std::string EmbeddedData(const std::string& page) {
  size_t open = page.find(kDataOpen);
  if (open == std::string::npos) return "(no data element)";
  size_t start = open + kDataOpen.size();
  return page.substr(start, page.find("</script", start) - start);
}

// Undoes the three escapes by hand (the JSON given to these tests holds none of their results).
std::string Unescape(std::string data) {
  data = ReplaceAll(std::move(data), "\\u003c", "<");
  data = ReplaceAll(std::move(data), "\\u2028", kLineSeparator);
  return ReplaceAll(std::move(data), "\\u2029", kParagraphSeparator);
}

TEST(HtmlReport, EmbedsTheWholeComparisonOnce) {
  for (const char* name : {"comparison.json", "comparison_nulls.json"}) {
    std::string json = ReadTestdata(name);
    ASSERT_THAT(json, HasSubstr("\"format\": \"aturan-diff/1\"")) << name;
    std::string page = RenderHtmlReport(json);
    EXPECT_EQ(Count(page, kDataOpen), 1u) << name;
    EXPECT_EQ(Unescape(EmbeddedData(page)), json) << name;
    EXPECT_EQ(Count(page, "@COMPARISON_JSON@"), 0u) << name;
  }
}

TEST(HtmlReport, IsOneCompletePage) {
  std::string page = RenderHtmlReport(ReadTestdata("comparison.json"));
  EXPECT_TRUE(page.starts_with("<!DOCTYPE html>"));
  EXPECT_THAT(page, HasSubstr(R"(<html lang="id">)"));
  EXPECT_THAT(page, HasSubstr(R"(<meta charset="utf-8">)"));
  EXPECT_THAT(page, HasSubstr("@media print"));
  EXPECT_THAT(page, HasSubstr("dataset.rendered = \"ok\""));
  EXPECT_TRUE(page.ends_with("</html>\n"));
}

TEST(HtmlReport, AsksForNothingOverTheNetwork) {
  for (const std::string& json : {std::string("{}"), ReadTestdata("comparison.json")}) {
    std::string page = RenderHtmlReport(json);
    EXPECT_THAT(page, Not(HasSubstr("http://")));
    EXPECT_THAT(page, Not(HasSubstr("https://")));
    EXPECT_THAT(page, Not(HasSubstr("url(")));
    EXPECT_THAT(page, Not(HasSubstr("@import")));
    EXPECT_THAT(page, Not(HasSubstr("<link")));
    EXPECT_THAT(page, Not(HasSubstr(" src=")));
    EXPECT_THAT(page, Not(HasSubstr(" href=")));
    // and forbids it, should anything slip in
    EXPECT_THAT(page, HasSubstr(R"(content="default-src 'none';)"));
  }
}

TEST(HtmlReport, HostileNamesCannotLeaveTheDataElement) {
  std::string json = R"({"format": "aturan-diff/1", "old": {"title": "</script><script>alert(1)</script>"},)"
                     R"( "new": {"title": "<!--<script>x", "regulation": "a \"kutip\" 'tunggal' & <b>"},)"
                     R"( "areas": {"field": "kelurahan", "items": [{"name": "baris)" +
                     std::string(kLineSeparator) + "baru" + std::string(kParagraphSeparator) +
                     R"(alinea", "code": "</SCRIPT >"}]}})";
  std::string empty_page = RenderHtmlReport("{}");
  std::string page = RenderHtmlReport(json);

  // The data adds no way to end or re-open a script element, and no raw separators.
  EXPECT_EQ(Count(page, "</script"), Count(empty_page, "</script"));
  EXPECT_EQ(Count(page, "</SCRIPT"), 0u);
  EXPECT_EQ(Count(page, "<script"), Count(empty_page, "<script"));
  EXPECT_EQ(Count(page, "<!--"), Count(empty_page, "<!--"));
  EXPECT_EQ(Count(page, kLineSeparator), 0u);
  EXPECT_EQ(Count(page, kParagraphSeparator), 0u);

  // and arrives whole, as JSON escapes the page's JSON.parse turns back into the same strings.
  std::string data = EmbeddedData(page);
  EXPECT_EQ(Unescape(data), json);
  EXPECT_THAT(data, HasSubstr(R"(\u003c/script>\u003cscript>alert(1)\u003c/script>)"));
  EXPECT_THAT(data, HasSubstr(R"(baris\u2028baru\u2029alinea)"));
  EXPECT_THAT(data, HasSubstr(R"("a \"kutip\" 'tunggal' & \u003cb>")"));
}

TEST(HtmlReport, BrokenJsonStillGivesAPage) {
  // The page itself then shows the parse error (checked in Chromium by report_html_chromium_broken).
  for (std::string_view json : {std::string_view(""), std::string_view("{\"format\": \"aturan-diff/1\", \"old\": {")}) {
    std::string page = RenderHtmlReport(json);
    EXPECT_EQ(EmbeddedData(page), json);
    EXPECT_TRUE(page.ends_with("</html>\n"));
  }
}

TEST(EscapeJsonForScript, EscapesOnlyWhatCouldEndTheElement) {
  EXPECT_EQ(EscapeJsonForScript(R"({"a": "x<y", "b": "</script>"})"),
            R"({"a": "x\u003cy", "b": "\u003c/script>"})");
  EXPECT_EQ(EscapeJsonForScript("\"\xE2\x80\xA8\xE2\x80\xA9\""), R"("\u2028\u2029")");
  // other UTF-8, other separators' neighbours and broken sequences pass through unchanged
  EXPECT_EQ(EscapeJsonForScript("\"Kali Baros \xE2\x80\x94 \xE2\x80\xA7 \xE2\x80\""),
            "\"Kali Baros \xE2\x80\x94 \xE2\x80\xA7 \xE2\x80\"");
  EXPECT_EQ(EscapeJsonForScript(R"({"c": "> & ' \" \\ /"})"), R"({"c": "> & ' \" \\ /"})");
  EXPECT_EQ(EscapeJsonForScript(""), "");
}

}  // namespace
}  // namespace aturan
