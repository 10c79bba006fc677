#include "compare/code_dictionary.hpp"

#include "absl/container/flat_hash_map.h"
#include "base/strings.hpp"

namespace aturan::internal {

CodeDictionary::CodeDictionary(const RuleSet& old_rules, int old_slot, const RuleSet& new_rules, int new_slot) {
  absl::flat_hash_map<std::string, int32_t> index_of;
  const auto take = [&](const RuleSet& rules, int slot, std::vector<int32_t>* indices) {
    const int32_t count = rules.CodeCount(slot);
    indices->assign(static_cast<size_t>(count), -1);
    for (int32_t id = 0; id < count; ++id) {
      const std::string code(rules.CodeText(slot, id));
      auto [it, added] = index_of.emplace(code, static_cast<int32_t>(codes_.size()));
      if (added) {
        codes_.push_back(code);
        names_.emplace_back(rules.CodeName(slot, id));
      }
      (*indices)[static_cast<size_t>(id)] = it->second;
    }
  };
  if (new_slot >= 0) take(new_rules, new_slot, &new_index_);
  if (old_slot >= 0) take(old_rules, old_slot, &old_index_);
}

int32_t CodeDictionary::IndexOf(bool new_side, int32_t id) const {
  const std::vector<int32_t>& indices = Indices(new_side);
  return id < 0 || static_cast<size_t>(id) >= indices.size() ? -1 : indices[static_cast<size_t>(id)];
}

void CodeColumn::Grow(size_t rows) {
  if (wide_) {
    wide_values_.resize(rows, 0);
  } else {
    narrow_values_.resize(rows, 0);
  }
}

void CodeColumn::Set(size_t row, int32_t index) {
  if (wide_) {
    wide_values_[row] = static_cast<uint32_t>(index + 1);
  } else {
    narrow_values_[row] = static_cast<uint16_t>(index + 1);
  }
}

}  // namespace aturan::internal
