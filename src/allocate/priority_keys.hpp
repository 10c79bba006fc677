// allocate/priority_keys.hpp — the priority order of eligible candidates, kept compactly
// across chunks: the score and the order keys of each candidate (strings copied into one
// arena), and a comparison that makes the order total and independent of input order
// (score highest first, then priority.order, then the key field, then the input row).
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "aturan/candidate_table.hpp"
#include "aturan/decision.hpp"
#include "aturan/large_allocator.hpp"
#include "aturan/rule_set.hpp"

namespace aturan::internal {

class PriorityKeys {
 public:
  // Keys for `rules`: priority.order's fields, then the key field when the order does not
  // already end with it.
  explicit PriorityKeys(const RuleSet& rules);

  // Appends a candidate: its score and the order keys of `decision`, plus the key field's
  // value from `record` (the row's values in slot order). Returns its index.
  uint32_t Add(const Decision& decision, std::span<const Value> record, uint64_t row);
  // Makes room for `candidates` candidates in all, so that adding them never moves the keys
  // (a hint; large arrays reserve address space, and only what is filled takes memory).
  void Reserve(size_t candidates);
  // Appends every candidate of `other`, which must have been made for the same rules, with
  // their rows shifted by `row_offset` (for keys gathered per chunk on other threads).
  void Append(const PriorityKeys& other, uint64_t row_offset);
  // Number of candidates added.
  size_t size() const { return scores_.size(); }
  double score(uint32_t candidate) const { return scores_[candidate]; }
  uint64_t row(uint32_t candidate) const { return rows_[candidate]; }

  // True when candidate a comes before candidate b.
  bool Before(uint32_t a, uint32_t b) const;
  // Every candidate index in priority order, sorted on up to `threads` threads.
  LargeVector<uint32_t> Order(int threads) const;

 private:
  // One key column: its type and direction; string payloads are (offset << 24 | length)
  // into text_.
  struct KeyColumn {
    Type type = Type::kString;
    bool descending = false;
    LargeVector<int64_t> values;
    LargeVector<uint8_t> present;
  };

  // A fixed-size prefix of a candidate's place in the order, compared word by word: when
  // two keys differ, their order is the candidates' order.
  static constexpr size_t kSortKeyWords = 5;
  struct SortKey {
    std::array<uint64_t, kSortKeyWords> words;
    uint32_t candidate;
  };

  // Unsigned numbers whose order is the priority order: of a score (higher scores give
  // smaller numbers), and of a present non-string value's payload in `column`.
  static uint64_t ScoreRank(double score);
  static uint64_t PayloadRank(const KeyColumn& column, int64_t payload);
  void FillSortKey(uint32_t candidate, SortKey* key) const;
  // The 8-byte form of a present value (strings are copied into text_).
  int64_t Payload(Type type, const Value& value);
  int Compare(const KeyColumn& column, uint32_t a, uint32_t b) const;
  std::string_view Text(int64_t payload) const;

  std::vector<KeyColumn> columns_;
  int extra_key_slot_ = -1;  // the key field when appended after the order keys
  LargeVector<double> scores_;
  LargeVector<uint64_t> rows_;
  LargeString text_;
};

}  // namespace aturan::internal
