// The C API's rule sets: loading a rule file and reading its schema and rules.
#include <memory>
#include <new>
#include <string>
#include <vector>

#include "aturan/aturan.h"
#include "aturan/rule_set.hpp"
#include "base/dates.hpp"
#include "base/strings.hpp"
#include "base/suggest.hpp"
#include "capi/errors.hpp"
#include "capi/handles.hpp"

namespace aturan::capi {
namespace {

static_assert(ATURAN_TYPE_BOOL == static_cast<int>(Type::kBool) && ATURAN_TYPE_INT == static_cast<int>(Type::kInt) &&
                  ATURAN_TYPE_MONEY == static_cast<int>(Type::kMoney) &&
                  ATURAN_TYPE_DECIMAL == static_cast<int>(Type::kDecimal) &&
                  ATURAN_TYPE_STRING == static_cast<int>(Type::kString) &&
                  ATURAN_TYPE_DATE == static_cast<int>(Type::kDate) && ATURAN_TYPE_CODE == static_cast<int>(Type::kCode),
              "aturan_field_type mirrors aturan::Type");

// The warnings among `diagnostics`, one per line.
std::string Warnings(const std::vector<Diagnostic>& diagnostics) {
  std::vector<Diagnostic> warnings;
  for (const Diagnostic& d : diagnostics) {
    if (d.severity == Diagnostic::Severity::kWarning) warnings.push_back(d);
  }
  return FormatDiagnostics(warnings);
}

// LoadOptions for `reference_date` (null: the rule file's own), or false after Fail.
bool ToLoadOptions(const char* reference_date, LoadOptions* options, char** error) {
  if (reference_date == nullptr) return true;
  const std::optional<Date> day = ParseIsoDate(reference_date);
  if (!day) {
    Fail(ATURAN_ERROR_INVALID_ARGUMENT,
         StrCat("reference date '", reference_date, "' is not a date; write YYYY-MM-DD, e.g. 2023-01-01"), error);
    return false;
  }
  options->reference_date = day->ToCivil();
  return true;
}

// Hands a load's result to the caller as a new handle, or its diagnostics as the error.
aturan_status Finish(LoadResult loaded, aturan_rules** rules, char** error) {
  if (loaded.rules == nullptr) return Fail(ATURAN_ERROR_RULES, FormatDiagnostics(loaded.diagnostics), error);
  *rules = new aturan_rules{*loaded.rules, Warnings(loaded.diagnostics)};
  return ATURAN_OK;
}

// The field at `slot`, or null.
const FieldInfo* FieldAt(const aturan_rules* rules, int32_t slot) {
  if (rules == nullptr || slot < 0 || static_cast<size_t>(slot) >= rules->rules.fields().size()) return nullptr;
  return &rules->rules.fields()[static_cast<size_t>(slot)];
}

// The rule at `index`, or null.
const RuleInfo* RuleAt(const aturan_rules* rules, int32_t index) {
  if (rules == nullptr || index < 0 || static_cast<size_t>(index) >= rules->rules.rules().size()) return nullptr;
  return &rules->rules.rules()[static_cast<size_t>(index)];
}

}  // namespace
}  // namespace aturan::capi

using aturan::capi::Fail;
using aturan::capi::Guarded;
using aturan::capi::NullArgument;

extern "C" {

aturan_status aturan_rules_load_file(const char* path, const char* reference_date, aturan_rules** rules,
                                     char** error) {
  return Guarded(error, [&] {
    if (rules == nullptr) return NullArgument("rules", error);
    *rules = nullptr;
    if (path == nullptr) return NullArgument("path", error);
    aturan::LoadOptions options;
    if (!aturan::capi::ToLoadOptions(reference_date, &options, error)) return ATURAN_ERROR_INVALID_ARGUMENT;
    return aturan::capi::Finish(aturan::RuleSet::LoadFile(path, options), rules, error);
  });
}

aturan_status aturan_rules_load_string(const char* yaml_text, const char* file_name, const char* reference_date,
                                       aturan_rules** rules, char** error) {
  return Guarded(error, [&] {
    if (rules == nullptr) return NullArgument("rules", error);
    *rules = nullptr;
    if (yaml_text == nullptr) return NullArgument("yaml_text", error);
    aturan::LoadOptions options;
    if (!aturan::capi::ToLoadOptions(reference_date, &options, error)) return ATURAN_ERROR_INVALID_ARGUMENT;
    return aturan::capi::Finish(
        aturan::RuleSet::Load(yaml_text, file_name != nullptr ? file_name : "<string>", options), rules, error);
  });
}

void aturan_rules_free(aturan_rules* rules) { delete rules; }

const char* aturan_rules_warnings(const aturan_rules* rules) {
  return rules != nullptr ? rules->warnings.c_str() : nullptr;
}

const char* aturan_rules_regulation_id(const aturan_rules* rules) {
  return rules != nullptr ? rules->rules.regulation_id().c_str() : nullptr;
}

int32_t aturan_rules_field_count(const aturan_rules* rules) {
  return rules != nullptr ? static_cast<int32_t>(rules->rules.fields().size()) : -1;
}

const char* aturan_rules_field_name(const aturan_rules* rules, int32_t slot) {
  const aturan::FieldInfo* field = aturan::capi::FieldAt(rules, slot);
  return field != nullptr ? field->name.c_str() : nullptr;
}

int32_t aturan_rules_field_type(const aturan_rules* rules, int32_t slot) {
  const aturan::FieldInfo* field = aturan::capi::FieldAt(rules, slot);
  return field != nullptr ? static_cast<int32_t>(field->type) : -1;
}

aturan_status aturan_rules_field_slot(const aturan_rules* rules, const char* name, int32_t* slot, char** error) {
  return Guarded(error, [&] {
    if (slot == nullptr) return NullArgument("slot", error);
    *slot = -1;
    if (rules == nullptr) return NullArgument("rules", error);
    if (name == nullptr) return NullArgument("name", error);
    *slot = rules->rules.FieldSlot(name);
    if (*slot >= 0) return ATURAN_OK;
    std::vector<std::string_view> names;
    for (const aturan::FieldInfo& field : rules->rules.fields()) names.push_back(field.name);
    const std::string best = aturan::ClosestMatch(name, names);
    return Fail(ATURAN_ERROR_NOT_FOUND,
                aturan::StrCat("unknown field '", name, "'",
                               best.empty() ? "" : aturan::StrCat("; did you mean '", best, "'?")),
                error);
  });
}

int32_t aturan_rules_rule_count(const aturan_rules* rules) {
  return rules != nullptr ? static_cast<int32_t>(rules->rules.rules().size()) : -1;
}

const char* aturan_rules_rule_id(const aturan_rules* rules, int32_t index) {
  const aturan::RuleInfo* rule = aturan::capi::RuleAt(rules, index);
  return rule != nullptr ? rule->id.c_str() : nullptr;
}

const char* aturan_rules_rule_reason(const aturan_rules* rules, int32_t index) {
  const aturan::RuleInfo* rule = aturan::capi::RuleAt(rules, index);
  return rule != nullptr ? rule->reason.c_str() : nullptr;
}

}  // extern "C"
