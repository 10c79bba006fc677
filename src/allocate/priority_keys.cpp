#include "allocate/priority_keys.hpp"

#include <algorithm>
#include <cstring>
#include <thread>

namespace aturan::internal {

namespace {

constexpr int64_t kMaxKeyText = (int64_t{1} << 24) - 1;
// Below this many candidates one thread sorts faster than several.
constexpr size_t kParallelSortMin = 200'000;

int Sign(auto a, auto b) { return a < b ? -1 : (b < a ? 1 : 0); }

}  // namespace

PriorityKeys::PriorityKeys(const RuleSet& rules) {
  for (const OrderKeyInfo& key : rules.order_keys()) {
    columns_.push_back(KeyColumn{rules.fields()[key.slot].type, key.descending, {}, {}});
  }
  if (columns_.empty()) {
    for (size_t slot = 0; slot < rules.fields().size(); ++slot) {
      if (!rules.fields()[slot].key) continue;
      extra_key_slot_ = static_cast<int>(slot);
      columns_.push_back(KeyColumn{rules.fields()[slot].type, false, {}, {}});
    }
  }
}

uint32_t PriorityKeys::Add(const Decision& decision, std::span<const Value> record, uint64_t row) {
  const uint32_t index = static_cast<uint32_t>(scores_.size());
  scores_.push_back(decision.score);
  rows_.push_back(row);
  for (size_t k = 0; k < columns_.size(); ++k) {
    KeyColumn& column = columns_[k];
    const Value value = extra_key_slot_ >= 0 ? record[extra_key_slot_] : decision.order_key[k];
    column.present.push_back(value.missing() ? 0 : 1);
    column.values.push_back(value.missing() ? 0 : Payload(column.type, value));
  }
  return index;
}

void PriorityKeys::Reserve(size_t candidates) {
  scores_.reserve(candidates);
  rows_.reserve(candidates);
  for (KeyColumn& column : columns_) {
    column.values.reserve(candidates);
    column.present.reserve(candidates);
  }
}

void PriorityKeys::Append(const PriorityKeys& other, uint64_t row_offset) {
  scores_.insert(scores_.end(), other.scores_.begin(), other.scores_.end());
  const size_t first_row = rows_.size();
  rows_.insert(rows_.end(), other.rows_.begin(), other.rows_.end());
  for (size_t i = first_row; i < rows_.size(); ++i) rows_[i] += row_offset;
  const auto text_offset = static_cast<int64_t>(text_.size());
  text_.append(other.text_);
  for (size_t k = 0; k < columns_.size(); ++k) {
    KeyColumn& column = columns_[k];
    const KeyColumn& from = other.columns_[k];
    column.present.insert(column.present.end(), from.present.begin(), from.present.end());
    const size_t first = column.values.size();
    column.values.insert(column.values.end(), from.values.begin(), from.values.end());
    if (column.type != Type::kString) continue;
    for (size_t i = first; i < column.values.size(); ++i) {
      if (column.present[i]) column.values[i] += text_offset << 24;
    }
  }
}

int64_t PriorityKeys::Payload(Type type, const Value& value) {
  if (type == Type::kString) {
    const std::string_view text = value.as_string().substr(0, kMaxKeyText);
    const int64_t payload = static_cast<int64_t>(text_.size()) << 24 | static_cast<int64_t>(text.size());
    text_.append(text);
    return payload;
  }
  if (type == Type::kDecimal) {
    const double d = value.as_decimal();
    int64_t payload = 0;
    static_assert(sizeof(d) == sizeof(payload));
    std::memcpy(&payload, &d, sizeof(d));
    return payload;
  }
  return value.as_int();
}

std::string_view PriorityKeys::Text(int64_t payload) const {
  return std::string_view(text_).substr(static_cast<size_t>(payload >> 24),
                                        static_cast<size_t>(payload & kMaxKeyText));
}

int PriorityKeys::Compare(const KeyColumn& column, uint32_t a, uint32_t b) const {
  // A missing key sorts after every present one, whatever the direction.
  if (column.present[a] != column.present[b]) return column.present[a] ? -1 : 1;
  if (!column.present[a]) return 0;
  const int64_t x = column.values[a];
  const int64_t y = column.values[b];
  int result = 0;
  if (column.type == Type::kString) {
    result = Sign(Text(x), Text(y));
  } else if (column.type == Type::kDecimal) {
    double dx = 0;
    double dy = 0;
    std::memcpy(&dx, &x, sizeof(dx));
    std::memcpy(&dy, &y, sizeof(dy));
    result = Sign(dx, dy);
  } else {
    result = Sign(x, y);
  }
  return column.descending ? -result : result;
}

bool PriorityKeys::Before(uint32_t a, uint32_t b) const {
  if (scores_[a] != scores_[b]) return scores_[a] > scores_[b];
  for (const KeyColumn& column : columns_) {
    if (const int c = Compare(column, a, b); c != 0) return c < 0;
  }
  return rows_[a] < rows_[b];
}

// Order-preserving unsigned forms of a score (higher first) and of one key column's payload.
uint64_t PriorityKeys::ScoreRank(double score) {
  if (score == 0) score = 0;  // -0 ranks with 0, as it compares
  uint64_t bits = 0;
  static_assert(sizeof(bits) == sizeof(score));
  std::memcpy(&bits, &score, sizeof(bits));
  // IEEE order as unsigned order: flip every bit of negatives, the sign bit of the rest;
  // then invert, since a higher score comes first.
  bits = (bits >> 63) != 0 ? ~bits : bits | (uint64_t{1} << 63);
  return ~bits;
}

uint64_t PriorityKeys::PayloadRank(const KeyColumn& column, int64_t payload) {
  uint64_t rank = 0;
  if (column.type == Type::kDecimal) {
    double d = 0;
    std::memcpy(&d, &payload, sizeof(d));
    rank = ~ScoreRank(d);
  } else {
    rank = static_cast<uint64_t>(payload) ^ (uint64_t{1} << 63);
  }
  return column.descending ? ~rank : rank;
}

void PriorityKeys::FillSortKey(uint32_t candidate, SortKey* key) const {
  // Bytes compared in order: the score's rank, then per key column a byte 0 (present) or 1
  // (missing) and a present value's rank, big-endian; a string's bytes (inverted when
  // descending) fill the rest, padded so that a shorter string sorts first. What does not
  // fit is left out: keys equal on what fits are ordered by Before.
  std::array<uint8_t, 8 * kSortKeyWords> bytes{};
  size_t at = 0;
  const auto put = [&](uint64_t rank) {
    for (int shift = 56; shift >= 0 && at < bytes.size(); shift -= 8) bytes[at++] = static_cast<uint8_t>(rank >> shift);
  };
  put(ScoreRank(scores_[candidate]));
  for (const KeyColumn& column : columns_) {
    if (at == bytes.size()) break;
    const bool present = column.present[candidate] != 0;
    bytes[at++] = present ? 0 : 1;
    if (!present) continue;
    if (column.type != Type::kString) {
      put(PayloadRank(column, column.values[candidate]));
      continue;
    }
    const std::string_view text = Text(column.values[candidate]);
    const uint8_t flip = column.descending ? 0xFF : 0x00;
    for (size_t i = 0; at < bytes.size(); ++i) {
      bytes[at++] = i < text.size() ? static_cast<uint8_t>(static_cast<uint8_t>(text[i]) ^ flip) : flip;
    }
  }
  for (size_t w = 0; w < kSortKeyWords; ++w) {
    uint64_t word = 0;
    for (size_t b = 0; b < 8; ++b) word = word << 8 | bytes[8 * w + b];
    key->words[w] = word;
  }
  key->candidate = candidate;
}

LargeVector<uint32_t> PriorityKeys::Order(int threads) const {
  // Sort compact keys held side by side, which compare most pairs without touching the
  // columns; pairs equal on them are ordered by Before.
  LargeVector<SortKey> keys(size());
  for (uint32_t i = 0; i < keys.size(); ++i) FillSortKey(i, &keys[i]);
  const auto before = [this](const SortKey& a, const SortKey& b) {
    for (size_t w = 0; w < kSortKeyWords; ++w) {
      if (a.words[w] != b.words[w]) return a.words[w] < b.words[w];
    }
    return Before(a.candidate, b.candidate);
  };
  const size_t parts = keys.size() < kParallelSortMin ? 1 : static_cast<size_t>(std::max(1, threads));
  if (parts == 1) {
    std::sort(keys.begin(), keys.end(), before);
  } else {
    // Sort equal slices side by side, then merge them pairwise.
    std::vector<size_t> bounds;
    for (size_t p = 0; p <= parts; ++p) bounds.push_back(keys.size() * p / parts);
    {
      std::vector<std::jthread> sorters;
      for (size_t p = 0; p < parts; ++p) {
        sorters.emplace_back([&, p] { std::sort(keys.begin() + bounds[p], keys.begin() + bounds[p + 1], before); });
      }
    }
    for (size_t width = 1; width < parts; width *= 2) {
      for (size_t p = 0; p + width < parts; p += 2 * width) {
        const size_t end = bounds[std::min(parts, p + 2 * width)];
        std::inplace_merge(keys.begin() + bounds[p], keys.begin() + bounds[p + width], keys.begin() + end, before);
      }
    }
  }
  LargeVector<uint32_t> order(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) order[i] = keys[i].candidate;
  return order;
}

}  // namespace aturan::internal
