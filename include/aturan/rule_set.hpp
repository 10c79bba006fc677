// aturan/rule_set.hpp — a compiled rule file: immutable, cheap to copy, safe to share
// between threads. Load it once, evaluate many candidates.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "aturan/decision.hpp"
#include "aturan/diagnostic.hpp"
#include "aturan/explanation.hpp"
#include "aturan/quota.hpp"
#include "aturan/value.hpp"

namespace aturan {

namespace internal {
struct Program;
}  // namespace internal

// The code id of a value that is not in its field's list (the record is then invalid).
inline constexpr int32_t kUnknownCode = -1;

// How to load a rule file.
struct LoadOptions {
  // Resolve dated parameters and tanggal_acuan for this day instead of program.reference_date.
  std::optional<absl::CivilDay> reference_date;
};

// A schema field as compiled. Its slot is its index in fields().
struct FieldInfo {
  std::string name;
  Type type = Type::kString;
  std::string list;  // type kCode: the list of allowed values
  std::string description;
  bool required = false;
  bool key = false;
  // Other column names under which candidate lists carry this field (schema `headers:`),
  // in file order, as written. The field's own name matches too, listed here or not.
  std::vector<std::string> headers;
};

// Which fields get identity checks when a candidate list is read (rule file `input:`).
struct InputChecks {
  int nik_slot = -1;         // string field holding the NIK, or -1
  int birth_date_slot = -1;  // date field compared with the NIK's birth date, or -1
  int sex_slot = -1;         // code field compared with the NIK's sex, or -1
  int32_t male_code = -1;    // sex_slot's code id for L
  int32_t female_code = -1;  // sex_slot's code id for P
  bool nik_mismatch_is_error = false;  // a disagreeing NIK makes the row invalid (else a warning)
};

// An eligibility rule as written.
struct RuleInfo {
  std::string id;
  std::string when;
  std::string reason;
  std::string reference;
};

// A parameter as resolved for the reference date.
struct ParameterInfo {
  std::string name;
  Type type = Type::kString;
  // The value in force as people read it ("65", "Rp2.305.823", "2023-01-01", "ya"); a code
  // or string value as written in the rule file.
  std::string text;
  std::string reference;  // the legal reference of that value, else of the parameter
};

// The codes of a named list in file order (a subset list: its members, in its own order)
// and their display names; both empty when there is no such list.
struct ListItems {
  std::span<const std::string> codes;
  std::span<const std::string> names;  // same length as codes
};

// A key of priority.order: eligible candidates with equal scores are ordered by it.
struct OrderKeyInfo {
  int32_t slot = -1;        // the field
  bool descending = false;  // larger values first
};

// A premium component resolved for the reference date, e.g. {"jkk", 10000}.
struct PremiumInfo {
  std::string name;
  int64_t monthly_rupiah = 0;  // the nominal amount
  std::string reference;
  std::string per_person;      // the expression giving each candidate's amount, or empty
};

class RuleSet;
template <typename T>
class Binding;

// The outcome of loading: a RuleSet when there were no errors, and every diagnostic
// (errors and warnings) in file order.
struct LoadResult {
  std::shared_ptr<const RuleSet> rules;
  std::vector<Diagnostic> diagnostics;
};

class RuleSet {
 public:
  // Loads and compiles a rule file's text; `file_name` is used in diagnostics.
  static LoadResult Load(std::string_view yaml_text, std::string_view file_name,
                         const LoadOptions& options = {});
  // Reads and compiles a rule file.
  static LoadResult LoadFile(const std::string& path, const LoadOptions& options = {});
  // As Load, but every error joined into one InvalidArgument status.
  static absl::StatusOr<RuleSet> FromString(std::string_view yaml_text,
                                            std::string_view file_name,
                                            const LoadOptions& options = {});
  // As LoadFile, but every error joined into one status (NotFound when unreadable).
  static absl::StatusOr<RuleSet> FromFile(const std::string& path,
                                          const LoadOptions& options = {});

  // regulation.id, title, region code, the id it revises (may be empty).
  const std::string& regulation_id() const;
  const std::string& regulation_title() const;
  const std::string& region() const;
  const std::string& revises() const;
  // The day dated values were resolved for.
  absl::CivilDay reference_date() const;
  // program.coverage_months.
  int64_t coverage_months() const;
  // Premium components resolved for the reference date, and their sum per person per month.
  std::span<const PremiumInfo> premiums() const;
  int64_t monthly_premium() const;
  // The monthly premium of one candidate for premium components `components` (indices into
  // premiums()): per component its per_person amount when the rule file gives one and it is not
  // missing (rounded to whole rupiah, at least 0), else its nominal amount. Never allocates.
  int64_t MonthlyPremium(std::span<const Value> record, std::span<const int> components) const;

  // The schema in file order; a field's slot is its index here.
  std::span<const FieldInfo> fields() const;
  // The slot of a field, or -1.
  int FieldSlot(std::string_view name) const;
  // The eligibility rules in file order; Decision bit i is rules()[i].
  std::span<const RuleInfo> rules() const;
  // priority.order's keys in order (a Decision's order_key holds their values).
  std::span<const OrderKeyInfo> order_keys() const;
  // The fields that get identity checks when a candidate list is read: those named under
  // `input:`, else nik, tanggal_lahir and jenis_kelamin when they exist and fit.
  const InputChecks& input_checks() const;
  // Names of the lists and parameters (for summaries).
  std::vector<std::string> list_names() const;
  std::vector<std::string> parameter_names() const;
  // Every parameter that resolved, in file order, with its value on the reference date.
  std::span<const ParameterInfo> parameters() const;
  // The codes and names of list `name` (e.g. "pekerjaan_rentan").
  ListItems list_items(std::string_view name) const;
  // priority's score as written, for people: the expression (comments and line breaks
  // removed), or its terms as "id +points: when" joined by "; "; empty when there is none.
  const std::string& score_text() const;

  // The id of `text` in the list of code field `slot`: matches a code or an alias, ignoring
  // case and surrounding spaces; kUnknownCode when it is in neither. Never allocates.
  int32_t CodeId(int slot, std::string_view text) const;
  // The canonical code text of id `id` in the list of code field `slot`.
  std::string_view CodeText(int slot, int32_t id) const;
  // The display name of code `id` (e.g. "Tukang becak"), or empty.
  std::string_view CodeName(int slot, int32_t id) const;
  // Every spelling CodeId accepts for code field `slot` (codes and aliases, lower-cased), for
  // did-you-mean hints; in no particular order.
  std::vector<std::string_view> CodeSpellings(int slot) const;
  // How many codes the list of code field `slot` has (ids are 0..count-1); 0 for other fields.
  int32_t CodeCount(int slot) const;

  // The quota section as compiled; present() is false when the rule file has none.
  const QuotaInfo& quota() const;
  // Which quota pools and reserved groups `record` belongs to (eligibility aside): bit i of
  // *pools is set when quota().pools[i]'s filter holds (a pool without one always holds; a
  // missing outcome does not), bit g of *reserved when quota().reserved_groups[g]'s `when`
  // holds. `record` as for Evaluate. Thread-safe; never allocates.
  void QuotaGroups(std::span<const Value> record, uint32_t* pools, uint32_t* reserved) const;

  // Decides one candidate. `record` holds one value per field, in slot order (missing where
  // there is no data). Thread-safe; never allocates.
  void Evaluate(std::span<const Value> record, Decision* out) const;
  Decision Evaluate(std::span<const Value> record) const;
  // Every rule's outcome with the inputs it read, for people. Allocates.
  Explanation Explain(std::span<const Value> record) const;

 private:
  template <typename T>
  friend class Binding;

  explicit RuleSet(std::shared_ptr<const internal::Program> program);
  // Evaluate, for a record whose fields are all valid (present when required, codes in their
  // lists) except perhaps those in `slots_to_check` (ascending), which are checked here. For
  // Binding, whose C++ types and code lookups vouch for the others.
  void EvaluateValidated(std::span<const Value> record, std::span<const int32_t> slots_to_check,
                         Decision* out) const;
  // Load, with the directory of the rule file (empty when it was not read from a file).
  static LoadResult LoadText(std::string_view yaml_text, std::string_view file_name,
                             const LoadOptions& options, std::string_view rule_dir);
  std::shared_ptr<const internal::Program> program_;
};

}  // namespace aturan
