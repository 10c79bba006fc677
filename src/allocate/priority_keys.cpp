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

std::vector<uint32_t> PriorityKeys::Order(int threads) const {
  std::vector<uint32_t> order(size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  const auto before = [this](uint32_t a, uint32_t b) { return Before(a, b); };
  const size_t parts = order.size() < kParallelSortMin ? 1 : static_cast<size_t>(std::max(1, threads));
  if (parts == 1) {
    std::sort(order.begin(), order.end(), before);
    return order;
  }
  // Sort equal slices side by side, then merge them pairwise.
  std::vector<size_t> bounds;
  for (size_t p = 0; p <= parts; ++p) bounds.push_back(order.size() * p / parts);
  {
    std::vector<std::jthread> sorters;
    for (size_t p = 0; p < parts; ++p) {
      sorters.emplace_back([&, p] { std::sort(order.begin() + bounds[p], order.begin() + bounds[p + 1], before); });
    }
  }
  for (size_t width = 1; width < parts; width *= 2) {
    for (size_t p = 0; p + width < parts; p += 2 * width) {
      const size_t end = bounds[std::min(parts, p + 2 * width)];
      std::inplace_merge(order.begin() + bounds[p], order.begin() + bounds[p + width], order.begin() + end, before);
    }
  }
  return order;
}

}  // namespace aturan::internal
