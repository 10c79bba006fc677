// libaturan.so exports the C API and the public C++ API and nothing else: no yaml-cpp, Boost,
// Abseil or standard-library code compiled into it, no aturan::internal or stage helpers.
// Read with `nm -D --defined-only` (and -C to demangle); its SONAME carries the major version.
#include <array>
#include <cstdio>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "aturan/version.hpp"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace {

// The standard output of `command`.
std::string RunCommand(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  std::array<char, 4096> buffer;
  size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) out.append(buffer.data(), n);
  EXPECT_EQ(pclose(pipe), 0) << command;
  return out;
}

// The names of the defined dynamic symbols, demangled or not.
std::vector<std::string> ExportedSymbols(bool demangle) {
  std::stringstream lines(RunCommand(std::string("nm -D --defined-only ") + (demangle ? "-C " : "") + "'" +
                              ATURAN_SHARED_LIBRARY_PATH + "'"));
  std::vector<std::string> names;
  for (std::string line; std::getline(lines, line);) {
    // "ADDRESS TYPE NAME"; the name may contain spaces when demangled.
    const size_t type = line.find(' ');
    if (type == std::string::npos || type + 3 > line.size()) continue;
    names.push_back(line.substr(type + 3));
  }
  return names;
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Every identifier that appears in the public C++ headers.
std::set<std::string> PublicHeaderWords() {
  std::set<std::string> words;
  const std::string dir = std::string(ATURAN_SOURCE_DIR) + "/include/aturan/";
  std::stringstream list(RunCommand("ls '" + dir + "'"));
  const std::regex word("[A-Za-z_][A-Za-z0-9_]*");
  for (std::string file; std::getline(list, file);) {
    if (!file.ends_with(".hpp")) continue;
    const std::string text = ReadAll(dir + file);
    for (auto it = std::sregex_iterator(text.begin(), text.end(), word); it != std::sregex_iterator(); ++it) {
      words.insert(it->str());
    }
  }
  return words;
}

TEST(SharedLibrary, ExportsOnlyCFunctionsAndPublicCppNames) {
  const std::set<std::string> public_words = PublicHeaderWords();
  const std::vector<std::string> symbols = ExportedSymbols(/*demangle=*/true);
  ASSERT_GT(symbols.size(), 40u);
  const std::regex cxx("aturan::([A-Za-z_][A-Za-z0-9_]*).*");
  const std::set<std::string> not_public = {"internal", "spec", "expr", "cli", "ruletest", "StrCat", "StrAppend",
                                            "ParseValueText", "ClosestMatch"};
  for (const std::string& symbol : symbols) {
    if (symbol.starts_with("aturan_")) continue;
    std::smatch match;
    ASSERT_TRUE(std::regex_match(symbol, match, cxx)) << "exported, but not aturan's API: " << symbol;
    EXPECT_TRUE(public_words.contains(match[1].str())) << "not declared in include/aturan: " << symbol;
    EXPECT_FALSE(not_public.contains(match[1].str())) << "internal: " << symbol;
  }
}

TEST(SharedLibrary, ExportsEveryFunctionOfTheCHeader) {
  const std::string header = ReadAll(std::string(ATURAN_SOURCE_DIR) + "/include/aturan/aturan.h");
  const std::regex declaration("(aturan_[a-z_]+)\\(");
  std::set<std::string> declared;
  for (auto it = std::sregex_iterator(header.begin(), header.end(), declaration); it != std::sregex_iterator(); ++it) {
    declared.insert((*it)[1].str());
  }
  ASSERT_GT(declared.size(), 25u);
  const std::vector<std::string> symbols = ExportedSymbols(/*demangle=*/false);
  const std::set<std::string> exported(symbols.begin(), symbols.end());
  for (const std::string& function : declared) EXPECT_TRUE(exported.contains(function)) << function;
}

TEST(SharedLibrary, ExportsThePublicCppApiAHostLinks) {
  const std::vector<std::string> symbols = ExportedSymbols(/*demangle=*/true);
  for (const std::string prefix : {"aturan::RuleSet::LoadFile(", "aturan::RuleSet::Evaluate(", "aturan::Record::Set(",
                                   "aturan::Explanation::ToText[", "aturan::FormatDiagnostics[", "aturan::Version()",
                                   "aturan::ListReader::Open(", "aturan::EvaluateTable(", "aturan::Allocator::Finish(",
                                   "aturan::CompareRules("}) {
    EXPECT_TRUE(std::any_of(symbols.begin(), symbols.end(), [&](const std::string& s) { return s.starts_with(prefix); }))
        << prefix;
  }
}

TEST(SharedLibrary, SonameCarriesTheMajorVersion) {
  const std::string dynamic = RunCommand(std::string("objdump -p '") + ATURAN_SHARED_LIBRARY_PATH + "'");
  const std::string version = aturan::Version();
  EXPECT_THAT(dynamic, ::testing::ContainsRegex("SONAME +libaturan\\.so\\." + version.substr(0, version.find('.')) +
                                                "\n"));
}

}  // namespace
