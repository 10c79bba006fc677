#include "base/suggest.hpp"

#include <algorithm>
#include <cctype>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "gtest/gtest.h"

namespace aturan {
namespace {

const std::vector<std::string_view> kTypes = {"bool",   "int",  "money", "decimal",
                                              "string", "date", "code"};
const std::vector<std::string_view> kTopKeys = {"aturan",     "regulation",  "schema",   "lists",
                                                "parameters", "eligibility", "priority", "program"};

TEST(EditDistance, Basics) {
  EXPECT_EQ(EditDistance("", ""), 0u);
  EXPECT_EQ(EditDistance("abc", ""), 3u);
  EXPECT_EQ(EditDistance("", "abc"), 3u);
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3u);
  EXPECT_EQ(EditDistance("title", "title"), 0u);
}

TEST(EditDistance, TranspositionCountsOnce) {
  EXPECT_EQ(EditDistance("strnig", "string"), 1u);
  EXPECT_EQ(EditDistance("ab", "ba"), 1u);
  // Optimal string alignment: a transposed pair is not edited again.
  EXPECT_EQ(EditDistance("ca", "abc"), 3u);
}

TEST(EditDistance, IgnoresAsciiCase) {
  EXPECT_EQ(EditDistance("Title", "tITLE"), 0u);
  EXPECT_EQ(EditDistance("REFRENCE", "reference"), 1u);
}

TEST(ClosestMatch, TyposFindTheirWord) {
  EXPECT_EQ(ClosestMatch("strnig", kTypes), "string");
  EXPECT_EQ(ClosestMatch("mony", kTypes), "money");
  EXPECT_EQ(ClosestMatch("Date", kTypes), "date");
  EXPECT_EQ(ClosestMatch("eligibilty", kTopKeys), "eligibility");
  EXPECT_EQ(ClosestMatch("paramters", kTopKeys), "parameters");
  EXPECT_EQ(ClosestMatch("refrence", {"id", "when", "reason", "reference"}), "reference");
}

TEST(ClosestMatch, NothingWhenFar) {
  EXPECT_EQ(ClosestMatch("quota", kTopKeys), "");
  EXPECT_EQ(ClosestMatch("float", kTypes), "");
  EXPECT_EQ(ClosestMatch("x", kTypes), "");
}

TEST(ClosestMatch, ShortWordsNeedOneKeptLetter) {
  EXPECT_EQ(ClosestMatch("a", {"b"}), "");  // one edit, but nothing in common
  EXPECT_EQ(ClosestMatch("A", {"b", "a"}), "a");
  EXPECT_EQ(ClosestMatch("typ", {"type"}), "type");
}

TEST(ClosestMatch, AllowedEditsGrowWithLength) {
  EXPECT_EQ(ClosestMatch("kunsi", {"kunci"}), "kunci");                        // 5 bytes: 1 edit
  EXPECT_EQ(ClosestMatch("knsii", {"kunci"}), "");                             // 2 edits: too many
  EXPECT_EQ(ClosestMatch("pekrjan", {"pekerjaan"}), "pekerjaan");              // 7 bytes: 2 edits
  EXPECT_EQ(ClosestMatch("tangal_lahr", {"tanggal_lahir"}), "tanggal_lahir");  // 2 edits
  EXPECT_EQ(ClosestMatch("tngal_lhr", {"tanggal_lahir"}), "");                 // 4 edits
}

TEST(ClosestMatch, TiesPreferTheSameFirstLetterThenTheEarlier) {
  EXPECT_EQ(ClosestMatch("dsc", {"asc", "desc"}), "desc");
  EXPECT_EQ(ClosestMatch("asd", {"asc", "ask"}), "asc");
  EXPECT_EQ(ClosestMatch("asd", {"ask", "asc"}), "ask");
}

TEST(ClosestMatch, PrefersTheCloserCandidate) {
  EXPECT_EQ(EditDistance("pekerjan", "pekerjxx"), 2u);
  EXPECT_EQ(ClosestMatch("pekerjan", {"pekerjxx", "pekerjaan"}), "pekerjaan");
}

TEST(ClosestMatch, EdgeCases) {
  EXPECT_EQ(ClosestMatch("", kTypes), "");
  EXPECT_EQ(ClosestMatch("string", {}), "");
  EXPECT_EQ(ClosestMatch("string", {""}), "");
  const std::string long_word(65, 'a');
  const std::string long_candidate(65, 'a');
  EXPECT_EQ(ClosestMatch(long_word, {long_candidate}), "");
  const std::string sixty_four(64, 'a');
  EXPECT_EQ(ClosestMatch(sixty_four, {sixty_four + "b"}), sixty_four + "b");
}

TEST(ChoiceHint, AsksAndLists) {
  EXPECT_EQ(ChoiceHint("strnig", kTypes, "types"),
            "did you mean 'string'? types: bool, int, money, decimal, string, date, code");
  EXPECT_EQ(ChoiceHint("float", {"int", "decimal"}, "types"), "types: int, decimal");
  EXPECT_EQ(ChoiceHint("", {"a", "b"}, "keys"), "keys: a, b");
  EXPECT_EQ(ChoiceHint("x", {}, "keys"), "");
}

TEST(ChoiceHint, ListsAtMostMaxListed) {
  EXPECT_EQ(ChoiceHint("zzz", {"a", "b", "c", "d"}, "codes", 2), "codes: a, b, ...");
  EXPECT_EQ(ChoiceHint("zzz", {"a", "b"}, "codes", 2), "codes: a, b");
}

// ClosestMatch as its header specifies it, over the full edit distance: the reference the
// fast path (which abandons a candidate once it cannot be close enough) must agree with.
std::string ClosestMatchBySpecification(std::string_view word, const std::vector<std::string_view>& candidates) {
  if (word.empty() || word.size() > 64) return {};
  std::string_view best;
  size_t best_distance = 0;
  const auto same_first = [&](std::string_view c) { return std::tolower(c[0]) == std::tolower(word[0]); };
  for (std::string_view candidate : candidates) {
    if (candidate.empty()) continue;
    const size_t by_word = word.size() <= 5 ? 1 : word.size() <= 8 ? 2 : 3;
    const size_t allowed = std::min({by_word, (candidate.size() + 2) / 3, std::min(word.size(), candidate.size()) - 1});
    const size_t distance = EditDistance(word, candidate);
    if (distance > allowed) continue;
    if (best.empty() || distance < best_distance ||
        (distance == best_distance && same_first(candidate) && !same_first(best))) {
      best = candidate;
      best_distance = distance;
    }
  }
  return std::string(best);
}

TEST(ClosestMatch, AgreesWithItsSpecificationOnRandomMisspellings) {
  // Kelurahan-like names and their random corruptions (edits, swaps, case), many far off.
  const std::vector<std::string_view> names = {"Medono", "Podosugih", "Bendan Kergon", "Kraton Lor",
                                               "Panjang Wetan", "Krapyak", "Degayu", "Banyurip",
                                               "Buaran Kradenan", "Jenggot", "Kuripan Kidul", "Sapuro Kebulen"};
  std::mt19937 random(2026);
  const std::string alphabet = "abcdeknoprsuwAKM -";
  size_t found = 0;
  for (int trial = 0; trial < 4000; ++trial) {
    std::string word(names[random() % names.size()]);
    const int edits = static_cast<int>(random() % 6);
    for (int e = 0; e < edits && !word.empty(); ++e) {
      const size_t at = random() % word.size();
      switch (random() % 4) {
        case 0: word[at] = alphabet[random() % alphabet.size()]; break;
        case 1: word.erase(at, 1); break;
        case 2: word.insert(at, 1, alphabet[random() % alphabet.size()]); break;
        default: if (at + 1 < word.size()) std::swap(word[at], word[at + 1]);
      }
    }
    const std::string expected = ClosestMatchBySpecification(word, names);
    ASSERT_EQ(ClosestMatch(word, names), expected) << "word '" << word << "'";
    found += !expected.empty();
  }
  // Both outcomes occur often, so the comparison covers matches and misses.
  EXPECT_GT(found, 1000u);
  EXPECT_LT(found, 3900u);
}

}  // namespace
}  // namespace aturan
