// compare/code_dictionary.hpp — one numbering for the codes of a field that two rule files
// may list differently (e.g. kelurahan, pekerjaan), and a per-row column of such numbers
// that takes two bytes a row when the numbering is small.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "aturan/rule_set.hpp"

namespace aturan::internal {

// The codes of the field named `field` in either rule file: the new file's codes in its
// list order, then the old file's codes the new one lacks. Codes are matched by their text.
class CodeDictionary {
 public:
  // `old_slot` / `new_slot`: the field's slot in each file, -1 where it is absent or not a code.
  CodeDictionary(const RuleSet& old_rules, int old_slot, const RuleSet& new_rules, int new_slot);

  size_t size() const { return codes_.size(); }
  const std::string& code(size_t index) const { return codes_[index]; }
  const std::string& name(size_t index) const { return names_[index]; }
  // The index of code id `id` of one file's field, or -1 (no such code, or no field).
  int32_t IndexOf(bool new_side, int32_t id) const;
  // The index of each file's code id, or -1 when that file lacks the code (id = position).
  const std::vector<int32_t>& Indices(bool new_side) const { return new_side ? new_index_ : old_index_; }

 private:
  std::vector<std::string> codes_;
  std::vector<std::string> names_;
  std::vector<int32_t> old_index_;  // per old code id
  std::vector<int32_t> new_index_;  // per new code id
};

// Per row, an index into a CodeDictionary or none: 2 bytes a row for up to 65,535 codes,
// else 4.
class CodeColumn {
 public:
  static constexpr int32_t kNone = -1;
  explicit CodeColumn(size_t codes) : wide_(codes >= 0xFFFF) {}

  size_t size() const { return wide_ ? wide_values_.size() : narrow_values_.size(); }
  void Grow(size_t rows);  // new rows have none
  void Set(size_t row, int32_t index);
  int32_t Get(size_t row) const {
    return wide_ ? static_cast<int32_t>(wide_values_[row]) - 1 : static_cast<int32_t>(narrow_values_[row]) - 1;
  }

 private:
  bool wide_;
  std::vector<uint16_t> narrow_values_;  // index + 1; 0 = none
  std::vector<uint32_t> wide_values_;
};

}  // namespace aturan::internal
