// The annotated example in docs/rule-format.md must stay a valid rule file.
#include <fstream>
#include <sstream>
#include <string>

#include "aturan/rule_set.hpp"
#include "gtest/gtest.h"

namespace aturan {
namespace {

TEST(DocsExample, AnnotatedExampleLoads) {
  std::ifstream in(std::string(ATURAN_SOURCE_DIR) + "/docs/rule-format.md");
  std::stringstream text;
  text << in.rdbuf();
  std::string doc = text.str();
  size_t section = doc.find("## 19 Annotated example");
  ASSERT_NE(section, std::string::npos);
  size_t begin = doc.find("```yaml\n", section);
  ASSERT_NE(begin, std::string::npos);
  begin += 8;
  size_t end = doc.find("```", begin);
  ASSERT_NE(end, std::string::npos);
  LoadResult loaded = RuleSet::Load(doc.substr(begin, end - begin), "rule-format.md example");
  EXPECT_TRUE(loaded.diagnostics.empty()) << FormatDiagnostics(loaded.diagnostics);
  ASSERT_NE(loaded.rules, nullptr);
  EXPECT_GT(loaded.rules->rules().size(), 2u);
}

}  // namespace
}  // namespace aturan
