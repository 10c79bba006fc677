// The C API's candidate buffers: one value per schema field, set by slot.
#include <cmath>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/time/civil_time.h"
#include "aturan/aturan.h"
#include "base/strings.hpp"
#include "base/value_text.hpp"
#include "capi/errors.hpp"
#include "capi/handles.hpp"

aturan_candidate::aturan_candidate(const aturan::RuleSet& rule_set)
    : rules(rule_set), values(rule_set.fields().size()), texts(rule_set.fields().size()) {
  for (size_t slot = 0; slot < values.size(); ++slot) values[slot] = aturan::Value::MissingOf(rules.fields()[slot].type);
}

namespace aturan::capi {
namespace {

// What a typed setter accepts.
enum class Setter { kInt, kMoney, kDecimal, kBool, kDate };

const char* SetterName(Setter setter) {
  switch (setter) {
    case Setter::kInt: return "aturan_candidate_set_int";
    case Setter::kMoney: return "aturan_candidate_set_money";
    case Setter::kDecimal: return "aturan_candidate_set_decimal";
    case Setter::kBool: return "aturan_candidate_set_bool";
    case Setter::kDate: return "aturan_candidate_set_date";
  }
  return "";
}

bool Accepts(Setter setter, Type type) {
  switch (setter) {
    case Setter::kInt: return type == Type::kInt || type == Type::kMoney || type == Type::kDecimal;
    case Setter::kMoney: return type == Type::kMoney;
    case Setter::kDecimal: return type == Type::kDecimal;
    case Setter::kBool: return type == Type::kBool;
    case Setter::kDate: return type == Type::kDate;
  }
  return false;
}

// Checks the candidate and slot (and with `setter`, the field's type) before a set; ATURAN_OK
// or the failure, reported.
aturan_status CheckSlot(const aturan_candidate* candidate, int32_t slot, const Setter* setter, char** error) {
  if (candidate == nullptr) return NullArgument("candidate", error);
  const size_t fields = candidate->values.size();
  if (slot < 0 || static_cast<size_t>(slot) >= fields) {
    return Fail(ATURAN_ERROR_INVALID_ARGUMENT,
                StrCat("slot ", slot, " is not a field slot (the schema has slots 0 to ", fields - 1, ")"), error);
  }
  const FieldInfo& field = candidate->rules.fields()[static_cast<size_t>(slot)];
  if (setter != nullptr && !Accepts(*setter, field.type)) {
    return Fail(ATURAN_ERROR_WRONG_TYPE,
                StrCat("field '", field.name, "' is of type ", TypeName(field.type), ": ", SetterName(*setter),
                       " cannot set it (aturan_candidate_set_text reads any type)"),
                error);
  }
  return ATURAN_OK;
}

// Sets field `slot` to make(field type) after the checks of CheckSlot; `make` returns the value
// or why the argument is not one (ATURAN_ERROR_INVALID_ARGUMENT).
template <typename Make>
aturan_status SetTyped(aturan_candidate* candidate, int32_t slot, Setter setter, Make make, char** error) {
  return Guarded(error, [&] {
    if (const aturan_status checked = CheckSlot(candidate, slot, &setter, error); checked != ATURAN_OK) return checked;
    const absl::StatusOr<Value> made = make(candidate->rules.fields()[static_cast<size_t>(slot)].type);
    if (!made.ok()) return Fail(ATURAN_ERROR_INVALID_ARGUMENT, FromAbsl(made.status().message()), error);
    candidate->values[static_cast<size_t>(slot)] = *made;
    return ATURAN_OK;
  });
}

}  // namespace
}  // namespace aturan::capi

using aturan::capi::CheckSlot;
using aturan::capi::Fail;
using aturan::capi::Guarded;
using aturan::capi::NullArgument;
using aturan::capi::Setter;
using aturan::capi::SetTyped;

extern "C" {

aturan_status aturan_candidate_new(const aturan_rules* rules, aturan_candidate** candidate, char** error) {
  return Guarded(error, [&] {
    if (candidate == nullptr) return NullArgument("candidate", error);
    *candidate = nullptr;
    if (rules == nullptr) return NullArgument("rules", error);
    *candidate = new aturan_candidate(rules->rules);
    return ATURAN_OK;
  });
}

void aturan_candidate_free(aturan_candidate* candidate) { delete candidate; }

aturan_status aturan_candidate_clear(aturan_candidate* candidate, char** error) {
  return Guarded(error, [&] {
    if (candidate == nullptr) return NullArgument("candidate", error);
    for (size_t slot = 0; slot < candidate->values.size(); ++slot) {
      candidate->values[slot] = aturan::Value::MissingOf(candidate->rules.fields()[slot].type);
    }
    return ATURAN_OK;
  });
}

aturan_status aturan_candidate_set_text(aturan_candidate* candidate, int32_t slot, const char* text, char** error) {
  return Guarded(error, [&] {
    if (const aturan_status checked = CheckSlot(candidate, slot, nullptr, error); checked != ATURAN_OK) return checked;
    if (text == nullptr) return NullArgument("text", error);
    const size_t index = static_cast<size_t>(slot);
    const aturan::FieldInfo& field = candidate->rules.fields()[index];
    aturan::Value& value = candidate->values[index];
    if (field.type == aturan::Type::kCode) {
      if (absl::StripAsciiWhitespace(text).empty()) {
        value = aturan::Value::MissingOf(aturan::Type::kCode);
        return ATURAN_OK;
      }
      const int32_t id = candidate->rules.CodeId(slot, text);
      value = aturan::Value::Code(id);
      if (id != aturan::kUnknownCode) return ATURAN_OK;
      return Fail(ATURAN_ERROR_NOT_IN_LIST,
                  aturan::StrCat(field.name, ": '", text, "' is not a code of list '", field.list,
                                 "'; the candidate is invalid until it is set to one"),
                  error);
    }
    if (field.type == aturan::Type::kString) {  // the value points into the buffer's own copy
      candidate->texts[index] = text;
      value = *aturan::ParseValueText(aturan::Type::kString, candidate->texts[index]);
      return ATURAN_OK;
    }
    const absl::StatusOr<aturan::Value> parsed = aturan::ParseValueText(field.type, text);
    if (!parsed.ok()) {
      return Fail(ATURAN_ERROR_INVALID_ARGUMENT, aturan::StrCat(field.name, ": ", parsed.status().message()), error);
    }
    value = *parsed;
    return ATURAN_OK;
  });
}

aturan_status aturan_candidate_set_int(aturan_candidate* candidate, int32_t slot, int64_t value, char** error) {
  return SetTyped(candidate, slot, Setter::kInt, [&](aturan::Type type) -> absl::StatusOr<aturan::Value> {
    return type == aturan::Type::kMoney     ? aturan::Value::Money(value)
           : type == aturan::Type::kDecimal ? aturan::Value::Decimal(static_cast<double>(value))
                                            : aturan::Value::Int(value);
  }, error);
}

aturan_status aturan_candidate_set_money(aturan_candidate* candidate, int32_t slot, int64_t rupiah, char** error) {
  return SetTyped(candidate, slot, Setter::kMoney, [&](aturan::Type) -> absl::StatusOr<aturan::Value> {
    return aturan::Value::Money(rupiah);
  }, error);
}

aturan_status aturan_candidate_set_decimal(aturan_candidate* candidate, int32_t slot, double value, char** error) {
  return SetTyped(candidate, slot, Setter::kDecimal, [&](aturan::Type) -> absl::StatusOr<aturan::Value> {
    if (!std::isfinite(value)) return absl::InvalidArgumentError("a decimal value must be a finite number");
    return aturan::Value::Decimal(value);
  }, error);
}

aturan_status aturan_candidate_set_bool(aturan_candidate* candidate, int32_t slot, int32_t value, char** error) {
  return SetTyped(candidate, slot, Setter::kBool, [&](aturan::Type) -> absl::StatusOr<aturan::Value> {
    return aturan::Value::Bool(value != 0);
  }, error);
}

aturan_status aturan_candidate_set_date(aturan_candidate* candidate, int32_t slot, int32_t year, int32_t month,
                                        int32_t day, char** error) {
  return SetTyped(candidate, slot, Setter::kDate, [&](aturan::Type) -> absl::StatusOr<aturan::Value> {
    const absl::CivilDay civil(year, month, day);
    if (year < 1000 || year > 9999 || civil.year() != year || civil.month() != month || civil.day() != day) {
      return absl::InvalidArgumentError(
          aturan::StrCat(year, "-", month, "-", day, " is not a day (years 1000 to 9999)"));
    }
    return aturan::Value::FromDate(aturan::Date::FromCivil(civil));
  }, error);
}

aturan_status aturan_candidate_set_missing(aturan_candidate* candidate, int32_t slot, char** error) {
  return Guarded(error, [&] {
    if (const aturan_status checked = CheckSlot(candidate, slot, nullptr, error); checked != ATURAN_OK) return checked;
    candidate->values[static_cast<size_t>(slot)] =
        aturan::Value::MissingOf(candidate->rules.fields()[static_cast<size_t>(slot)].type);
    return ATURAN_OK;
  });
}

}  // extern "C"
