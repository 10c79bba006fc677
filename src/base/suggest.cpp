#include "base/suggest.hpp"

#include <algorithm>
#include <limits>

#include "absl/container/inlined_vector.h"
#include "absl/strings/ascii.h"
#include "base/strings.hpp"

namespace aturan {
namespace {

constexpr size_t kMaxWordBytes = 64;

// The most edits that still read as a misspelling of a candidate of `candidate_size` bytes
// (both sizes are at least 1).
size_t AllowedEdits(size_t word_size, size_t candidate_size) {
  const size_t by_word = word_size <= 5 ? 1 : word_size <= 8 ? 2 : 3;
  return std::min({by_word, (candidate_size + 2) / 3, std::min(word_size, candidate_size) - 1});
}

bool SameFirstLetter(std::string_view a, std::string_view b) {
  return absl::ascii_tolower(static_cast<unsigned char>(a[0])) ==
         absl::ascii_tolower(static_cast<unsigned char>(b[0]));
}

// EditDistance(a, b) when it is at most `limit`, else some number above `limit`, found
// sooner: a row of the programme whose every cell exceeds `limit` ends it, since no later row
// can go below its minimum. Three rolling rows of the classic dynamic programme (the
// transposition looks two back), on the stack for words of usual length: a list's misspelt
// codes each meet every code of their list.
size_t BoundedEditDistance(std::string_view a, std::string_view b, size_t limit) {
  const size_t width = b.size() + 1;
  absl::InlinedVector<size_t, 3 * (kMaxWordBytes + 1)> rows(3 * width);
  size_t* before = rows.data();
  size_t* previous = before + width;
  size_t* current = previous + width;
  for (size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    size_t row_minimum = i;
    const char ai = absl::ascii_tolower(static_cast<unsigned char>(a[i - 1]));
    for (size_t j = 1; j <= b.size(); ++j) {
      const char bj = absl::ascii_tolower(static_cast<unsigned char>(b[j - 1]));
      const size_t cost = ai == bj ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && ai == absl::ascii_tolower(static_cast<unsigned char>(b[j - 2])) &&
          absl::ascii_tolower(static_cast<unsigned char>(a[i - 2])) == bj) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
      row_minimum = std::min(row_minimum, current[j]);
    }
    // A transposition reads two rows back, so both of the last two rows must exceed it.
    if (row_minimum > limit && i > 1 && *std::min_element(previous, previous + width) > limit) {
      return limit + 1;
    }
    // Rotate: this row becomes the previous one, the previous one the one before.
    size_t* const oldest = before;
    before = previous;
    previous = current;
    current = oldest;
  }
  return previous[b.size()];
}

}  // namespace

size_t EditDistance(std::string_view a, std::string_view b) {
  return BoundedEditDistance(a, b, std::numeric_limits<size_t>::max() - 1);
}

std::string ClosestMatch(std::string_view word, absl::Span<const std::string_view> candidates) {
  if (word.empty() || word.size() > kMaxWordBytes) return {};
  std::string_view best;
  size_t best_distance = 0;
  for (std::string_view candidate : candidates) {
    if (candidate.empty()) continue;
    const size_t allowed = AllowedEdits(word.size(), candidate.size());
    // Distance is at least the difference in length: skip hopeless candidates cheaply.
    const size_t gap = word.size() > candidate.size() ? word.size() - candidate.size()
                                                      : candidate.size() - word.size();
    if (gap > allowed) continue;
    const size_t distance = BoundedEditDistance(word, candidate, allowed);
    if (distance > allowed) continue;
    // Among equally close candidates, one with the same first letter reads as likelier.
    const bool better = best.empty() || distance < best_distance ||
                        (distance == best_distance && SameFirstLetter(candidate, word) &&
                         !SameFirstLetter(best, word));
    if (better) {
      best = candidate;
      best_distance = distance;
    }
  }
  return std::string(best);
}

std::string ChoiceHint(std::string_view word, absl::Span<const std::string_view> candidates,
                       std::string_view label, size_t max_listed) {
  if (candidates.empty()) return {};
  std::string hint;
  if (const std::string match = ClosestMatch(word, candidates); !match.empty()) {
    hint = StrCat("did you mean '", match, "'? ");
  }
  StrAppend(&hint, label, ": ");
  for (size_t i = 0; i < candidates.size() && i < max_listed; ++i) {
    StrAppend(&hint, i == 0 ? "" : ", ", candidates[i]);
  }
  if (candidates.size() > max_listed) hint += ", ...";
  return hint;
}

}  // namespace aturan
