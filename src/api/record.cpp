#include "aturan/record.hpp"

#include <vector>

#include "absl/strings/ascii.h"
#include "base/strings.hpp"
#include "base/suggest.hpp"
#include "base/value_text.hpp"

namespace aturan {

Record::Record(RuleSet rules)
    : rules_(std::move(rules)),
      values_(rules_.fields().size()),
      text_(std::make_unique<std::string[]>(rules_.fields().size())) {
  for (size_t slot = 0; slot < values_.size(); ++slot) {
    values_[slot] = Value::MissingOf(rules_.fields()[slot].type);
  }
}

absl::StatusOr<int> Record::SlotOf(std::string_view name) const {
  int slot = rules_.FieldSlot(name);
  if (slot >= 0) return slot;
  std::vector<std::string_view> names;
  for (const FieldInfo& f : rules_.fields()) names.push_back(f.name);
  std::string best = ClosestMatch(name, names);
  return absl::NotFoundError(aturan::StrCat("unknown field '", name, "'",
                                          best.empty() ? "" : aturan::StrCat("; did you mean '", best, "'?")));
}

absl::Status Record::Set(std::string_view name, std::string_view text) {
  absl::StatusOr<int> slot = SlotOf(name);
  if (!slot.ok()) return slot.status();
  const FieldInfo& field = rules_.fields()[*slot];
  if (field.type == Type::kCode) {
    if (absl::StripAsciiWhitespace(ToAbsl(text)).empty()) {
      values_[*slot] = Value::MissingOf(Type::kCode);
      return absl::OkStatus();
    }
    int32_t id = rules_.CodeId(*slot, text);
    values_[*slot] = Value::Code(id);
    if (id == kUnknownCode) {
      return absl::OutOfRangeError(
          aturan::StrCat(name, ": '", text, "' is not a code of list '", field.list, "'"));
    }
    return absl::OkStatus();
  }
  text_[*slot] = std::string(text);
  absl::StatusOr<Value> value = ParseValueText(field.type, text_[*slot]);
  if (!value.ok()) {
    return absl::InvalidArgumentError(aturan::StrCat(name, ": ", value.status().message()));
  }
  values_[*slot] = *value;
  return absl::OkStatus();
}

absl::Status Record::SetValue(std::string_view name, const Value& value) {
  absl::StatusOr<int> slot = SlotOf(name);
  if (!slot.ok()) return slot.status();
  Type type = rules_.fields()[*slot].type;
  if (value.missing()) {
    values_[*slot] = Value::MissingOf(type);
    return absl::OkStatus();
  }
  if (value.type() == type) {
    if (type == Type::kString) {
      text_[*slot] = std::string(value.as_string());
      values_[*slot] = Value::String(text_[*slot]);
    } else {
      values_[*slot] = value;
    }
    return absl::OkStatus();
  }
  if (value.type() == Type::kInt && type == Type::kMoney) {
    values_[*slot] = Value::Money(value.as_int());
    return absl::OkStatus();
  }
  if (value.type() == Type::kInt && type == Type::kDecimal) {
    values_[*slot] = Value::Decimal(static_cast<double>(value.as_int()));
    return absl::OkStatus();
  }
  return absl::InvalidArgumentError(aturan::StrCat(name, ": expected a ", TypeName(type),
                                                 " value, got ", TypeName(value.type())));
}

absl::Status Record::Clear(std::string_view name) {
  absl::StatusOr<int> slot = SlotOf(name);
  if (!slot.ok()) return slot.status();
  values_[*slot] = Value::MissingOf(rules_.fields()[*slot].type);
  return absl::OkStatus();
}

}  // namespace aturan
