#include "aturan/rule_set.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "absl/status/status.h"
#include "base/read_file.hpp"
#include "base/strings.hpp"
#include "compile/compiler.hpp"
#include "eval/code_lookup.hpp"
#include "eval/evaluator.hpp"
#include "spec/load_spec.hpp"

namespace aturan {

using internal::Program;

const char* StatusName(Status status) {
  switch (status) {
    case Status::kEligible: return "eligible";
    case Status::kIneligible: return "ineligible";
    case Status::kInvalid: return "invalid";
  }
  return "?";
}

RuleSet::RuleSet(std::shared_ptr<const Program> program) : program_(std::move(program)) {}

namespace {

// The directory of a rule file's path ("" for a bare file name).
std::string DirectoryOf(const std::string& path) {
  return std::filesystem::path(path).parent_path().string();
}

}  // namespace

LoadResult RuleSet::Load(std::string_view yaml_text, std::string_view file_name,
                         const LoadOptions& options) {
  return LoadText(yaml_text, file_name, options, "");
}

LoadResult RuleSet::LoadText(std::string_view yaml_text, std::string_view file_name,
                             const LoadOptions& options, std::string_view rule_dir) {
  LoadResult result;
  std::optional<spec::Spec> spec = spec::LoadSpec(yaml_text, file_name, &result.diagnostics);
  if (!spec) return result;
  bool spec_complete = !HasErrors(result.diagnostics);
  std::shared_ptr<const Program> program =
      internal::Compile(*spec, options, rule_dir, &result.diagnostics);
  if (program != nullptr && spec_complete) result.rules = std::shared_ptr<const RuleSet>(new RuleSet(program));
  return result;
}

LoadResult RuleSet::LoadFile(const std::string& path, const LoadOptions& options) {
  std::optional<std::string> text = ReadFile(path);
  if (!text) {
    LoadResult result;
    result.diagnostics.push_back(Diagnostic{Diagnostic::Severity::kError, path, 0, 0,
                                            "cannot open the rule file",
                                            "check the path and that the file is readable"});
    return result;
  }
  return LoadText(*text, path, options, DirectoryOf(path));
}

namespace {

absl::StatusOr<RuleSet> ToStatusOr(const LoadResult& result) {
  if (result.rules != nullptr) return *result.rules;
  std::string message = FormatDiagnostics(result.diagnostics);
  if (!message.empty() && message.back() == '\n') message.pop_back();
  return absl::InvalidArgumentError(message);
}

}  // namespace

absl::StatusOr<RuleSet> RuleSet::FromString(std::string_view yaml_text, std::string_view file_name,
                                            const LoadOptions& options) {
  return ToStatusOr(Load(yaml_text, file_name, options));
}

absl::StatusOr<RuleSet> RuleSet::FromFile(const std::string& path, const LoadOptions& options) {
  std::optional<std::string> text = ReadFile(path);
  if (!text) return absl::NotFoundError(aturan::StrCat(path, ": cannot open the rule file"));
  return ToStatusOr(LoadText(*text, path, options, DirectoryOf(path)));
}

const std::string& RuleSet::regulation_id() const { return program_->regulation_id; }
const std::string& RuleSet::regulation_title() const { return program_->regulation_title; }
const std::string& RuleSet::region() const { return program_->region; }
const std::string& RuleSet::revises() const { return program_->revises; }
absl::CivilDay RuleSet::reference_date() const { return program_->reference_date; }
int64_t RuleSet::coverage_months() const { return program_->coverage_months; }
std::span<const PremiumInfo> RuleSet::premiums() const { return program_->premiums; }
int64_t RuleSet::monthly_premium() const { return program_->monthly_premium; }
std::span<const FieldInfo> RuleSet::fields() const { return program_->fields; }
std::span<const RuleInfo> RuleSet::rules() const { return program_->rules; }
const InputChecks& RuleSet::input_checks() const { return program_->input_checks; }
std::span<const OrderKeyInfo> RuleSet::order_keys() const { return program_->order; }

int RuleSet::FieldSlot(std::string_view name) const {
  auto it = program_->slot_by_name.find(ToAbsl(name));
  return it == program_->slot_by_name.end() ? -1 : it->second;
}

std::vector<std::string> RuleSet::list_names() const {
  std::vector<std::string> names;
  for (const internal::CodeList& list : program_->lists) names.push_back(list.name);
  return names;
}

std::vector<std::string> RuleSet::parameter_names() const { return program_->parameter_names; }

std::span<const ParameterInfo> RuleSet::parameters() const { return program_->parameters; }

ListItems RuleSet::list_items(std::string_view name) const {
  for (const internal::CodeList& list : program_->lists) {
    if (list.name == name) return ListItems{list.codes, list.names};
  }
  return {};
}

const std::string& RuleSet::score_text() const { return program_->score_text; }

int32_t RuleSet::CodeId(int slot, std::string_view text) const {
  if (slot < 0 || static_cast<size_t>(slot) >= program_->fields.size()) return kUnknownCode;
  int32_t list = program_->field_list[slot];
  if (list < 0) return kUnknownCode;
  return internal::LookupCode(program_->lists[list], text);
}

std::string_view RuleSet::CodeText(int slot, int32_t id) const {
  if (slot < 0 || static_cast<size_t>(slot) >= program_->fields.size()) return {};
  int32_t list = program_->field_list[slot];
  if (list < 0 || id < 0 || static_cast<size_t>(id) >= program_->lists[list].codes.size()) return {};
  return program_->lists[list].codes[id];
}

std::string_view RuleSet::CodeName(int slot, int32_t id) const {
  if (slot < 0 || static_cast<size_t>(slot) >= program_->fields.size()) return {};
  int32_t list = program_->field_list[slot];
  if (list < 0 || id < 0 || static_cast<size_t>(id) >= program_->lists[list].names.size()) return {};
  return program_->lists[list].names[id];
}

std::vector<std::string_view> RuleSet::CodeSpellings(int slot) const {
  std::vector<std::string_view> spellings;
  if (slot < 0 || static_cast<size_t>(slot) >= program_->fields.size()) return spellings;
  int32_t list = program_->field_list[slot];
  if (list < 0) return spellings;
  for (const auto& [spelling, id] : program_->lists[list].lookup) spellings.push_back(FromAbsl(spelling));
  std::sort(spellings.begin(), spellings.end());
  return spellings;
}

int32_t RuleSet::CodeCount(int slot) const {
  if (slot < 0 || static_cast<size_t>(slot) >= program_->fields.size()) return 0;
  int32_t list = program_->field_list[slot];
  return list < 0 ? 0 : static_cast<int32_t>(program_->lists[list].codes.size());
}

const QuotaInfo& RuleSet::quota() const { return program_->quota; }

int64_t RuleSet::MonthlyPremium(std::span<const Value> record, std::span<const int> components) const {
  int64_t total = 0;
  for (int c : components) {
    int64_t amount = program_->premiums[c].monthly_rupiah;
    if (const uint32_t root = program_->premium_roots[c]; root != internal::kNoFilter) {
      const Value v = internal::EvaluateNode(*program_, root, record);
      if (!v.missing()) {
        const double d = v.type() == Type::kDecimal ? std::round(v.as_decimal()) : static_cast<double>(v.as_int());
        amount = d <= 0 ? 0 : d >= 1e15 ? int64_t{1'000'000'000'000'000} : static_cast<int64_t>(d);
      }
    }
    total += amount;
  }
  return total;
}

void RuleSet::QuotaGroups(std::span<const Value> record, uint32_t* pools,
                          uint32_t* reserved) const {
  // A condition holds when it is true; a missing outcome does not hold.
  auto holds = [&](uint32_t root) {
    if (root == internal::kNoFilter) return true;
    const Value v = internal::EvaluateNode(*program_, root, record);
    return !v.missing() && v.as_bool();
  };
  *pools = 0;
  for (size_t i = 0; i < program_->pool_roots.size(); ++i) {
    if (holds(program_->pool_roots[i])) *pools |= uint32_t{1} << i;
  }
  *reserved = 0;
  for (size_t g = 0; g < program_->reserved_roots.size(); ++g) {
    if (holds(program_->reserved_roots[g])) *reserved |= uint32_t{1} << g;
  }
}

void RuleSet::Evaluate(std::span<const Value> record, Decision* out) const {
  internal::EvaluateRecord(*program_, record, out);
}

void RuleSet::EvaluateValidated(std::span<const Value> record, std::span<const int32_t> slots_to_check,
                                Decision* out) const {
  internal::EvaluateValidatedRecord(*program_, record, slots_to_check, out);
}

Decision RuleSet::Evaluate(std::span<const Value> record) const {
  Decision decision;
  internal::EvaluateRecord(*program_, record, &decision);
  return decision;
}

}  // namespace aturan
