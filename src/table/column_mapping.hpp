// table/column_mapping.hpp — which input column (CSV header, JSON key) feeds which schema
// field, and the caller's value renames, settled once per list.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "aturan/list_reader.hpp"
#include "aturan/rule_set.hpp"

namespace aturan::internal {

// Maps input column names to field slots. Column names are compared after
// NormalizeColumnName; a field answers to its own name, its `headers:` and the caller's
// ColumnRenames (which win).
class ColumnMapping {
 public:
  // A mapping for `rules` and the caller's options. Fails (with a hint) when a rename names
  // an unknown field or a value rename an unknown field.
  static absl::StatusOr<ColumnMapping> Create(const RuleSet& rules, const ListOptions& options);

  // Settles a CSV header: the slot of each column (-1 for columns no field reads), warnings
  // for those ignored columns and for optional fields without a column. Fails when two
  // columns claim one field, a required field has no column, or a rename names a column the
  // header lacks.
  absl::Status BindHeader(std::span<const std::string> header, std::vector<ListWarning>* warnings);
  // The slot read from CSV column `column`, or -1.
  int SlotOfColumn(size_t column) const {
    return column < column_slots_.size() ? column_slots_[column] : -1;
  }
  // Number of columns in the bound header.
  size_t column_count() const { return column_slots_.size(); }
  // SlotOfColumn of every column of the bound header, in order.
  std::span<const int> column_slots() const { return column_slots_; }

  // The slot a JSON key feeds, or -1 (then noted once as an ignored key in `warnings`).
  int SlotOfKey(std::string_view key, std::vector<ListWarning>* warnings);

  // The name the input gave field `slot` (the column or key read for it), for reports.
  std::string_view InputName(int slot) const { return input_names_[slot]; }

  // `text` after the caller's value renames for field `slot` (trimmed text compared
  // ignoring ASCII case); `text` itself when none applies.
  std::string_view MapValue(int slot, std::string_view text) const;
  // True when field `slot` has value renames.
  bool HasValueRenames(int slot) const { return !value_renames_[slot].empty(); }

 private:
  // The slot that normalized column name `name` feeds, or -1.
  int SlotOfName(std::string_view normalized) const;

  const RuleSet* rules_ = nullptr;
  absl::flat_hash_map<std::string, int> slot_by_name_;        // normalized name -> slot
  absl::flat_hash_map<std::string, int> renamed_;             // normalized column -> slot
  std::vector<absl::flat_hash_map<std::string, std::string>> value_renames_;  // per slot
  std::vector<int> column_slots_;
  std::vector<std::string> input_names_;  // per slot
  absl::flat_hash_map<std::string, int> key_cache_;  // JSON key as written -> slot or -1
};

}  // namespace aturan::internal
