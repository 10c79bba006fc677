// Mutated and hostile rule files never crash the loader or the compiler: each either loads or
// is refused with located diagnostics.
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "aturan/record.hpp"
#include "aturan/rule_set.hpp"
#include "gtest/gtest.h"

namespace aturan {
namespace {

std::string ReadRuleFile(const std::string& name) {
  std::ifstream in(std::string(ATURAN_SOURCE_DIR) + "/rules/" + name);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// One random edit: delete, duplicate or replace a short span, or insert a YAML/expression token.
std::string Mutate(const std::string& text, std::mt19937& rng) {
  static const char* kTokens[] = {"[", "]", "{", "}", ":", " - ", "\n", "\t", "'", "\"", "(", ")", "and",
                                  "not", " in ", "==", "#", "&a ", "*a", "|", ">", "9999999999999999999999",
                                  "2023-02-30", "if", "between", "\xff", "quota: 1\n"};
  std::string out = text;
  size_t at = rng() % out.size();
  size_t length = 1 + rng() % 12;
  switch (rng() % 4) {
    case 0: out.erase(at, length); break;
    case 1: out.insert(at, out.substr(at, length)); break;
    case 2: out.replace(at, std::min(length, out.size() - at), kTokens[rng() % std::size(kTokens)]); break;
    default: out.insert(at, kTokens[rng() % std::size(kTokens)]); break;
  }
  return out;
}

TEST(HostileRules, RandomEditsNeverCrash) {
  std::mt19937 rng(20231122);
  int loaded = 0, refused = 0;
  for (const char* file : {"pekalongan-2022.yaml", "pekalongan-2023-revisi.yaml"}) {
    const std::string original = ReadRuleFile(file);
    ASSERT_FALSE(original.empty());
    for (int i = 0; i < 400; ++i) {
      std::string text = original;
      for (int edits = 1 + static_cast<int>(rng() % 3); edits > 0; --edits) text = Mutate(text, rng);
      LoadResult result = RuleSet::Load(text, "mutated.yaml");
      if (result.rules != nullptr) {
        ++loaded;
        Record record(*result.rules);  // a loaded rule set must also evaluate an empty record
        (void)record.Evaluate();
        continue;
      }
      ++refused;
      ASSERT_FALSE(result.diagnostics.empty()) << "refused without a reason:\n" << text;
      for (const Diagnostic& d : result.diagnostics) {
        EXPECT_EQ(d.file, "mutated.yaml");
        EXPECT_FALSE(d.message.empty());
      }
    }
  }
  // both outcomes occur, so the edits exercise the loader and the evaluator
  EXPECT_GT(loaded, 0);
  EXPECT_GT(refused, 0);
}

TEST(HostileRules, DeepAndLongExpressionsAreRefused) {
  std::string base = ReadRuleFile("pekalongan-2023-revisi.yaml");
  const std::string target = "when: nik_valid(nik)";
  size_t at = base.find(target);
  ASSERT_NE(at, std::string::npos);
  for (const std::string& when : {std::string(100000, '(') + "true", "'" + std::string(20000, 'x') + "'",
                                  [] {
                                    std::string chain = "tulang_punggung";
                                    for (int i = 0; i < 2000; ++i) chain += " or tulang_punggung";
                                    return chain;
                                  }()}) {
    std::string text = base;
    text.replace(at, target.size(), "when: \"" + when + "\"");
    LoadResult result = RuleSet::Load(text, "hostile.yaml");
    EXPECT_EQ(result.rules, nullptr);
    ASSERT_FALSE(result.diagnostics.empty());
    EXPECT_GT(result.diagnostics[0].line, 0u);
  }
}

}  // namespace
}  // namespace aturan
