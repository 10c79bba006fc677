#include "cli/json_record.hpp"

#include "base/strings.hpp"
#include "simdjson.h"

namespace aturan::cli {
namespace {

absl::Status SetFromJson(Record* record, std::string_view key, simdjson::dom::element value) {
  using simdjson::dom::element_type;
  switch (value.type()) {
    case element_type::STRING:
      return record->Set(key, std::string_view(value.get_string().value_unsafe()));
    case element_type::INT64:
      return record->SetValue(key, Value::Int(value.get_int64().value_unsafe()));
    case element_type::UINT64:
      return absl::InvalidArgumentError(StrCat(key, ": number too large"));
    case element_type::DOUBLE:
      return record->SetValue(key, Value::Decimal(value.get_double().value_unsafe()));
    case element_type::BOOL:
      return record->SetValue(key, Value::Bool(value.get_bool().value_unsafe()));
    case element_type::NULL_VALUE:
      return record->Clear(key);
    default:
      return absl::InvalidArgumentError(
          StrCat(key, ": expected a string, number, true/false or null, not an object or array"));
  }
}

absl::StatusOr<Record> RecordFromObject(const RuleSet& rules, simdjson::dom::object object,
                                        size_t index, std::vector<std::string>* warnings) {
  Record record(rules);
  std::string errors;
  for (auto [key, value] : object) {
    std::string_view name(key);
    if (rules.FieldSlot(name) < 0) {
      warnings->push_back(StrCat("record ", index + 1, ": '", name, "' is not a field of the rule file; ignored"));
      continue;
    }
    absl::Status status = SetFromJson(&record, name, value);
    if (absl::IsOutOfRange(status)) {  // a code outside its list: kept, the record is invalid
      warnings->push_back(StrCat("record ", index + 1, ": ", status.message()));
      continue;
    }
    if (!status.ok()) StrAppend(&errors, errors.empty() ? "" : "\n", "record ", index + 1, ": ", status.message());
  }
  if (!errors.empty()) return absl::InvalidArgumentError(errors);
  return record;
}

}  // namespace

absl::StatusOr<std::vector<Record>> RecordsFromJson(const RuleSet& rules, std::string_view json,
                                                    std::vector<std::string>* warnings) {
  simdjson::dom::parser parser;
  simdjson::padded_string padded(json.data(), json.size());
  simdjson::dom::element root;
  if (auto error = parser.parse(padded).get(root)) {
    return absl::InvalidArgumentError(StrCat("not valid JSON: ", simdjson::error_message(error)));
  }
  std::vector<Record> records;
  if (root.is_object()) {
    simdjson::dom::object object = root.get_object().value_unsafe();
    absl::StatusOr<Record> record = RecordFromObject(rules, object, 0, warnings);
    if (!record.ok()) return record.status();
    records.push_back(std::move(*record));
    return records;
  }
  if (!root.is_array()) return absl::InvalidArgumentError("expected a JSON object or an array of objects");
  size_t index = 0;
  simdjson::dom::array array = root.get_array().value_unsafe();
  for (simdjson::dom::element item : array) {
    if (!item.is_object()) {
      return absl::InvalidArgumentError(StrCat("record ", index + 1, ": expected a JSON object"));
    }
    simdjson::dom::object object = item.get_object().value_unsafe();
    absl::StatusOr<Record> record = RecordFromObject(rules, object, index, warnings);
    if (!record.ok()) return record.status();
    records.push_back(std::move(*record));
    ++index;
  }
  return records;
}

}  // namespace aturan::cli
