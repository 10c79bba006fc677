// base/suggest.hpp — "did you mean ...?" hints: the known word closest to a misspelling.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "absl/types/span.h"

namespace aturan {

// The optimal-string-alignment distance (Damerau-Levenshtein where a transposed pair of
// neighbouring bytes counts as one edit), ignoring ASCII letter case.
size_t EditDistance(std::string_view a, std::string_view b);

// The candidate closest to `word` when it is close enough to be a plausible misspelling of
// it: at most one edit for words of up to 5 bytes, two up to 8, three beyond, never more
// than a third of the candidate (rounded up), and at least one byte must stay as it is
// (so "a" suggests nothing but "A" suggests "a"). Among equally close candidates one with
// the same first letter wins ("dsc" suggests "desc", not "asc"), then the earlier one.
// Empty when nothing is close, `word` is empty, or `word` is longer than 64 bytes.
std::string ClosestMatch(std::string_view word, absl::Span<const std::string_view> candidates);

// A hint offering the candidates: "did you mean 'title'? <label>: id, title, region" —
// the question only when ClosestMatch finds one, and at most `max_listed` candidates
// listed (then ", ..."). Empty when there are no candidates.
std::string ChoiceHint(std::string_view word, absl::Span<const std::string_view> candidates,
                       std::string_view label, size_t max_listed = 12);

}  // namespace aturan
