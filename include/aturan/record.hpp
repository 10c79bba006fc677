// aturan/record.hpp — a candidate held as field name -> value, for hosts without a struct
// of their own (values from a form, a JSON object, a CSV row).
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "aturan/rule_set.hpp"

namespace aturan {

// One candidate's values in the slots of a RuleSet's schema. Owns its text, so it can be
// moved and kept; every field starts missing.
class Record {
 public:
  explicit Record(RuleSet rules);

  // Sets field `name` from text as people write it: bools ya/tidak/true/false/1/0, money
  // "2500000" or "Rp2.500.000", dates YYYY-MM-DD or DD-MM-YYYY, a code or one of its aliases.
  // Empty text makes the field missing. An unknown field or unreadable text is an error and
  // (InvalidArgument, NotFound) and leaves the field as it was — except a code outside its
  // list, which is kept so that the record evaluates as invalid, and reported as OutOfRange.
  absl::Status Set(std::string_view name, std::string_view text);
  // Sets a typed value; strings are copied. int is accepted for money and decimal fields.
  absl::Status SetValue(std::string_view name, const Value& value);
  // Makes field `name` missing.
  absl::Status Clear(std::string_view name);

  // The values in slot order, for RuleSet::Evaluate.
  std::span<const Value> values() const { return values_; }
  // The rules this record is shaped for.
  const RuleSet& rules() const { return rules_; }

  // Shorthands for rules().Evaluate(values()) and rules().Explain(values()).
  Decision Evaluate() const { return rules_.Evaluate(values_); }
  Explanation Explain() const { return rules_.Explain(values_); }

 private:
  absl::StatusOr<int> SlotOf(std::string_view name) const;

  RuleSet rules_;
  std::vector<Value> values_;
  std::unique_ptr<std::string[]> text_;  // per slot: the text a string value points into
};

}  // namespace aturan
