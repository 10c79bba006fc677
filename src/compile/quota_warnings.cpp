#include "compile/quota_warnings.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "base/strings.hpp"
#include "compile/code_constraints.hpp"
#include "spec/quota_settings.hpp"

namespace aturan::internal {
namespace {

constexpr size_t kMaxCodesNamed = 5;

// "'a', 'b' and 3 more" for the codes set in `codes` (display names in parentheses when
// `with_names`).
std::string CodesText(const CodeList& list, const std::vector<bool>& codes, bool with_names) {
  std::string text;
  size_t count = 0;
  for (size_t id = 0; id < codes.size(); ++id) {
    if (!codes[id]) continue;
    if (++count > kMaxCodesNamed) continue;
    StrAppend(&text, count == 1 ? "" : ", ", "'", list.codes[id], "'");
    if (with_names && list.names[id] != list.codes[id]) StrAppend(&text, " (", list.names[id], ")");
  }
  if (count > kMaxCodesNamed) StrAppend(&text, " and ", count - kMaxCodesNamed, " more");
  return text;
}

bool None(const std::vector<bool>& codes) {
  for (bool code : codes) {
    if (code) return false;
  }
  return true;
}

class QuotaWarnings {
 public:
  QuotaWarnings(const spec::Spec& spec, const Program& program,
                std::vector<Diagnostic>* diagnostics)
      : spec_(spec), p_(program), diagnostics_(diagnostics) {}

  void Run() {
    for (size_t r = 0; r < p_.rule_roots.size(); ++r) {
      const CodeConstraints rule = ConstraintsOf(p_, p_.rule_roots[r]);
      for (const auto& [slot, codes] : rule) restricting_rules_[slot].push_back(r);
      Intersect(rule, &eligible_);
    }
    const std::vector<spec::PoolSpec> pools = spec::EffectivePools(*spec_.quota);
    for (size_t i = 0; i < pools.size() && i < p_.quota.pools.size(); ++i) {
      const PoolInfo& pool = p_.quota.pools[i];
      const std::string label =
          pools[i].pool == nullptr ? std::string("quota") : StrCat("quota pool '", pool.id, "'");
      const CodeConstraints filter = p_.pool_roots[i] == kNoFilter
                                         ? CodeConstraints()
                                         : ConstraintsOf(p_, p_.pool_roots[i]);
      WarnIfBudgetShort(pool.seats, pool.capacity, pool.budget, pools[i].settings.budget.at, label);
      if (p_.pool_roots[i] != kNoFilter) WarnIfNobody(filter, label, pools[i].pool->when->at);
      WarnAboutMissingAreas(pool, filter, pools[i].settings.areas.at, label);
    }
    WarnIfPoolsExceedLimit();
  }

 private:
  void Warning(spec::SourceRef at, std::string message, std::string hint) {
    if (!warned_.insert(StrCat(at.line, ":", at.column, " ", message)).second) return;
    diagnostics_->push_back(Diagnostic{Diagnostic::Severity::kWarning, spec_.file, at.line,
                                       at.column, std::move(message), std::move(hint)});
  }

  const CodeList& ListOf(int32_t slot) const { return p_.lists[p_.field_list[slot]]; }

  // Seats and a budget that buys fewer (the smaller number holds).
  void WarnIfBudgetShort(int64_t seats, int64_t capacity, int64_t budget, spec::SourceRef at,
                         std::string_view label) {
    if (seats < 0 || budget < 0 || capacity >= seats) return;
    Warning(at, StrCat(label, ": the budget buys only ", capacity, " of the ", seats, " seats"),
            StrCat(capacity, " seats are offered; raise the budget or lower 'seats'"));
  }

  // With pools, their seats summed beyond the overall limit.
  void WarnIfPoolsExceedLimit() {
    const QuotaInfo& quota = p_.quota;
    const spec::QuotaSettings& top = spec_.quota->settings;
    if (spec_.quota->pools_at.line == 0 || quota.total_capacity < 0) return;
    WarnIfBudgetShort(top.seats.value.value_or(-1), quota.total_capacity, quota.total_budget,
                      top.budget.at, "quota");
    int64_t offered = 0;
    for (const PoolInfo& pool : quota.pools) {
      if (__builtin_add_overflow(offered, pool.capacity, &offered)) offered = INT64_MAX;
    }
    if (offered <= quota.total_capacity) return;
    Warning(top.seats.given() ? top.seats.at : top.budget.at,
            StrCat("pools offer ", offered, " seats but the quota has ", quota.total_capacity,
                   "; later pools get fewer"),
            "pools are filled in the order listed until the overall limit is reached");
  }

  // A filter that holds for no code an eligible candidate can have.
  void WarnIfNobody(const CodeConstraints& filter, std::string_view label, spec::SourceRef at) {
    std::vector<int32_t> slots;  // in schema order, for a stable order of the warnings
    for (const auto& [slot, codes] : filter) slots.push_back(slot);
    std::sort(slots.begin(), slots.end());
    for (int32_t slot : slots) {
      const std::vector<bool>& codes = filter.at(slot);
      std::vector<bool> both = codes;
      const auto eligible = eligible_.find(slot);
      if (eligible != eligible_.end()) {
        for (size_t i = 0; i < both.size() && i < eligible->second.size(); ++i) {
          both[i] = both[i] && eligible->second[i];
        }
      }
      if (!None(both)) continue;
      const std::string& field = p_.fields[slot].name;
      std::string message = StrCat(label, " can select nobody: ");
      if (eligible == eligible_.end()) {
        StrAppend(&message, "its filter holds for no code of '", field, "'");
      } else {
        const std::vector<size_t>& rules = restricting_rules_[slot];
        StrAppend(&message, rules.size() == 1 ? "rule '" : "rules '", p_.rules[rules[0]].id, "'");
        for (size_t k = 1; k < rules.size(); ++k) {
          StrAppend(&message, ", '", p_.rules[rules[k]].id, "'");
        }
        StrAppend(&message, rules.size() == 1 ? " allows" : " allow", " only ", field, " ",
                  None(eligible->second) ? "(none)"
                                         : CodesText(ListOf(slot), eligible->second, false));
      }
      Warning(at, std::move(message),
              StrCat("its filter asks for ", field, " ",
                     None(codes) ? "(none)" : CodesText(ListOf(slot), codes, false),
                     "; check the pool's 'when' against the eligibility rules"));
    }
  }

  // Area numbers in the rule file that leave out areas eligible candidates can live in.
  void WarnAboutMissingAreas(const PoolInfo& pool, const CodeConstraints& filter,
                             spec::SourceRef at, std::string_view label) {
    if (pool.area_numbers.empty()) return;
    std::vector<bool> missing(pool.area_numbers.size());
    for (size_t id = 0; id < missing.size(); ++id) missing[id] = pool.area_numbers[id] < 0;
    CodeConstraints allowed;
    allowed.emplace(pool.area_slot, std::move(missing));
    Intersect(eligible_, &allowed);
    Intersect(filter, &allowed);
    const std::vector<bool>& lacking = allowed[pool.area_slot];
    if (None(lacking)) return;
    Warning(at,
            StrCat(label, ": the areas lack ",
                   CodesText(ListOf(pool.area_slot), lacking, true),
                   ", where eligible candidates can live; they get no seats of their own"),
            "give their numbers under 'areas' (0 when they get no seats on purpose)");
  }

  const spec::Spec& spec_;
  const Program& p_;
  std::vector<Diagnostic>* diagnostics_;
  CodeConstraints eligible_;  // what all eligibility rules together allow
  absl::flat_hash_map<int32_t, std::vector<size_t>> restricting_rules_;  // per slot
  absl::flat_hash_set<std::string> warned_;
};

}  // namespace

void WarnAboutQuota(const spec::Spec& spec, const Program& program,
                    std::vector<Diagnostic>* diagnostics) {
  if (!spec.quota || !program.quota.present()) return;
  QuotaWarnings(spec, program, diagnostics).Run();
}

}  // namespace aturan::internal
