#include "table/column_mapping.hpp"

#include "absl/strings/ascii.h"
#include "base/column_name.hpp"
#include "base/strings.hpp"
#include "base/suggest.hpp"

namespace aturan::internal {

namespace {

std::string LowerTrimmed(std::string_view text) {
  return absl::AsciiStrToLower(absl::StripAsciiWhitespace(ToAbsl(text)));
}

std::vector<std::string_view> FieldNames(const RuleSet& rules) {
  std::vector<std::string_view> names;
  for (const FieldInfo& field : rules.fields()) names.push_back(field.name);
  return names;
}

// The slot of field `name`, or NotFound with a did-you-mean hint.
absl::StatusOr<int> FieldSlotOrHint(const RuleSet& rules, std::string_view name, std::string_view option) {
  int slot = rules.FieldSlot(name);
  if (slot >= 0) return slot;
  std::vector<std::string_view> names = FieldNames(rules);
  return absl::NotFoundError(ToAbsl(StrCat(option, ": '", name, "' is not a field of the rule file's schema; ",
                                           ChoiceHint(name, names, "fields"))));
}

}  // namespace

absl::StatusOr<ColumnMapping> ColumnMapping::Create(const RuleSet& rules, const ListOptions& options) {
  ColumnMapping mapping;
  mapping.rules_ = &rules;
  const size_t fields = rules.fields().size();
  mapping.value_renames_.resize(fields);
  mapping.input_names_.resize(fields);
  for (size_t slot = 0; slot < fields; ++slot) {
    const FieldInfo& field = rules.fields()[slot];
    mapping.slot_by_name_.emplace(NormalizeColumnName(field.name), static_cast<int>(slot));
    for (const std::string& header : field.headers) {
      mapping.slot_by_name_.emplace(NormalizeColumnName(header), static_cast<int>(slot));
    }
  }
  for (const ColumnRename& rename : options.columns) {
    absl::StatusOr<int> slot = FieldSlotOrHint(rules, rename.field, "--column");
    if (!slot.ok()) return slot.status();
    std::string column = NormalizeColumnName(rename.column);
    auto [it, inserted] = mapping.renamed_.emplace(column, *slot);
    if (!inserted && it->second != *slot) {
      return absl::InvalidArgumentError(ToAbsl(StrCat("--column: column '", rename.column,
                                                      "' is renamed twice, to '", rules.fields()[it->second].name,
                                                      "' and to '", rename.field, "'")));
    }
  }
  for (const ValueRename& rename : options.values) {
    absl::StatusOr<int> slot = FieldSlotOrHint(rules, rename.field, "--value");
    if (!slot.ok()) return slot.status();
    mapping.value_renames_[*slot][LowerTrimmed(rename.from)] = rename.to;
  }
  return mapping;
}

int ColumnMapping::SlotOfName(std::string_view normalized) const {
  if (auto it = renamed_.find(ToAbsl(normalized)); it != renamed_.end()) return it->second;
  if (auto it = slot_by_name_.find(ToAbsl(normalized)); it != slot_by_name_.end()) return it->second;
  return -1;
}

absl::Status ColumnMapping::BindHeader(std::span<const std::string> header,
                                       std::vector<ListWarning>* warnings) {
  const RuleSet& rules = *rules_;
  column_slots_.assign(header.size(), -1);
  std::vector<int> column_of_slot(rules.fields().size(), -1);
  std::vector<std::string_view> field_names = FieldNames(rules);
  absl::flat_hash_map<std::string, bool> renamed_seen;
  for (const auto& [column, slot] : renamed_) renamed_seen[column] = false;
  for (size_t column = 0; column < header.size(); ++column) {
    std::string normalized = NormalizeColumnName(header[column]);
    if (auto it = renamed_seen.find(normalized); it != renamed_seen.end()) it->second = true;
    int slot = SlotOfName(normalized);
    if (slot < 0) {
      std::string hint = ClosestMatch(normalized, field_names);
      warnings->push_back(ListWarning{StrCat(
          "column ", column + 1, " '", header[column], "' is not a schema field and is ignored",
          hint.empty() ? std::string() : StrCat(" (did you mean '", hint, "'? use --column '", header[column], "=", hint, "')"))});
      continue;
    }
    if (column_of_slot[slot] >= 0) {
      return absl::InvalidArgumentError(ToAbsl(StrCat(
          "columns ", column_of_slot[slot] + 1, " '", header[column_of_slot[slot]], "' and ", column + 1, " '",
          header[column], "' both hold field '", rules.fields()[slot].name,
          "'; rename one of them (e.g. --column '", header[column], "=OTHER_FIELD') or remove it")));
    }
    column_of_slot[slot] = static_cast<int>(column);
    column_slots_[column] = slot;
    input_names_[slot] = header[column];
  }
  for (const auto& [column, seen] : renamed_seen) {
    if (!seen) {
      return absl::NotFoundError(ToAbsl(StrCat("--column: the list has no column '", column, "'")));
    }
  }
  std::vector<std::string_view> header_views(header.begin(), header.end());
  for (size_t slot = 0; slot < column_of_slot.size(); ++slot) {
    if (column_of_slot[slot] >= 0) continue;
    const FieldInfo& field = rules.fields()[slot];
    input_names_[slot] = field.name;
    if (field.required) {
      return absl::InvalidArgumentError(ToAbsl(StrCat(
          "the list has no column for required field '", field.name, "'; ",
          ChoiceHint(field.name, header_views, "its columns"), "; map one with --column 'COLUMN=",
          field.name, "' or add `headers:` to the field in the rule file")));
    }
    warnings->push_back(ListWarning{StrCat("no column for field '", field.name,
                                           "': it is missing in every row")});
  }
  return absl::OkStatus();
}

int ColumnMapping::SlotOfKey(std::string_view key, std::vector<ListWarning>* warnings) {
  if (auto it = key_cache_.find(ToAbsl(key)); it != key_cache_.end()) return it->second;
  int slot = SlotOfName(NormalizeColumnName(key));
  if (slot < 0) {
    warnings->push_back(ListWarning{StrCat("key '", key, "' is not a schema field and is ignored")});
  } else if (input_names_[slot].empty()) {
    input_names_[slot] = std::string(key);
  }
  key_cache_.emplace(std::string(key), slot);
  return slot;
}

std::string_view ColumnMapping::MapValue(int slot, std::string_view text) const {
  const auto& renames = value_renames_[slot];
  if (renames.empty()) return text;
  auto it = renames.find(LowerTrimmed(text));
  return it == renames.end() ? text : std::string_view(it->second);
}

}  // namespace aturan::internal
