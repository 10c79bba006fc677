#include "compile/quota_compiler.hpp"

#include <algorithm>
#include <filesystem>
#include <string>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "base/strings.hpp"
#include "base/suggest.hpp"
#include "eval/code_lookup.hpp"
#include "spec/quota_settings.hpp"

namespace aturan::internal {
namespace {

// Seats a budget buys at `monthly` rupiah per seat per month for `months` months (monthly
// and months above 0): floor(budget / (monthly × months)); 0 when one seat costs more than
// any budget can hold.
int64_t SeatsBought(int64_t budget, int64_t monthly, int64_t months) {
  int64_t cost = 0;
  if (__builtin_mul_overflow(monthly, months, &cost)) return 0;
  return budget / cost;
}

class QuotaCompiler {
 public:
  QuotaCompiler(const spec::Spec& spec, std::string_view rule_dir,
                const ConditionCompiler& compile_condition, Program* program,
                std::vector<Diagnostic>* diagnostics)
      : spec_(spec), quota_(*spec.quota), rule_dir_(rule_dir),
        compile_condition_(compile_condition), p_(program), diagnostics_(diagnostics) {}

  void Run() {
    CompileReservedGroups();
    for (const spec::PoolSpec& pool : spec::EffectivePools(quota_)) CompilePool(pool);
    const spec::QuotaSettings& top = quota_.settings;
    p_->quota.total_budget = top.budget.value.value_or(-1);
    if (quota_.pools_at.line == 0) return;
    p_->quota.total_capacity =
        Capacity(top.seats.value, top.budget.value, MonthlyPremium(top), Months(top),
                 top.budget.at, "quota");
  }

 private:
  void Error(spec::SourceRef at, std::string message, std::string hint) {
    diagnostics_->push_back(Diagnostic{Diagnostic::Severity::kError, spec_.file, at.line,
                                       at.column, std::move(message), std::move(hint)});
  }

  // Every group declared, top level first; a group named again is the same group.
  void CompileReservedGroups() {
    auto declare = [&](const spec::QuotaSettings& settings) {
      if (!settings.reserved.value) return;
      for (const spec::QuotaReserved& group : *settings.reserved.value) {
        if (group.id.text.empty() || group.when.text.empty()) continue;  // reported
        const int index = static_cast<int>(p_->quota.reserved_groups.size());
        const auto [it, inserted] =
            group_index_.try_emplace(absl::AsciiStrToLower(group.id.text), index);
        if (!inserted) {
          std::string& name = p_->quota.reserved_groups[it->second].name;
          if (name.empty()) name = group.name;
          continue;
        }
        p_->quota.reserved_groups.push_back(
            ReservedGroup{group.id.text, group.name, group.when.text});
        const std::optional<uint32_t> root =
            compile_condition_(group.when, StrCat("reserved group '", group.id.text, "'"));
        p_->reserved_roots.push_back(root.value_or(kNoFilter));
      }
    };
    declare(quota_.settings);
    for (const spec::QuotaPool& pool : quota_.pools) declare(pool.settings);
  }

  int64_t Months(const spec::QuotaSettings& s) const {
    return s.months.value.value_or(p_->coverage_months);
  }

  // The premiums a block pays, as indices into program.premiums: those named, else all.
  std::vector<int> Premiums(const spec::QuotaSettings& s) const {
    std::vector<int> indices;
    for (size_t i = 0; i < p_->premiums.size(); ++i) {
      const std::string& name = p_->premiums[i].name;
      const bool named =
          !s.premiums.value ||
          std::any_of(s.premiums.value->begin(), s.premiums.value->end(),
                      [&](const spec::LocatedText& n) { return n.text == name; });
      if (named) indices.push_back(static_cast<int>(i));
    }
    return indices;
  }

  int64_t MonthlyPremium(const spec::QuotaSettings& s) const {
    int64_t sum = 0;
    for (int i : Premiums(s)) sum += p_->premiums[i].monthly_rupiah;
    return sum;
  }

  // The seats of a stated count and budget (either may be absent): the count, what the
  // budget buys, or the smaller of both; -1 with neither.
  int64_t Capacity(std::optional<int64_t> seats, std::optional<int64_t> budget, int64_t monthly,
                   int64_t months, spec::SourceRef budget_at, std::string_view label) {
    if (!budget) return seats.value_or(-1);
    if (monthly == 0) {
      Error(budget_at, StrCat(label, ": a budget cannot buy seats with no premium"),
            "the premiums this quota pays sum to Rp0 a month: name the premiums it pays, or "
            "give 'seats'");
      return -1;
    }
    const int64_t bought = SeatsBought(*budget, monthly, months);
    return seats ? std::min(*seats, bought) : bought;
  }

  void CompilePool(const spec::PoolSpec& pool) {
    const spec::QuotaSettings& s = pool.settings;
    PoolInfo info;
    uint32_t root = kNoFilter;
    std::string label = "quota";
    if (pool.pool == nullptr) {
      info.id = p_->regulation_id;
      info.name = spec_.program.name.text;
    } else {
      info.id = pool.pool->id.text;
      info.name = pool.pool->name;
      info.funder = pool.pool->funder;
      label = StrCat("quota pool '", info.id, "'");
      if (pool.pool->when) {
        info.when = pool.pool->when->text;
        root = compile_condition_(*pool.pool->when, label).value_or(kNoFilter);
      }
    }
    info.seats = s.seats.value.value_or(-1);
    info.budget = s.budget.value.value_or(-1);
    info.months = Months(s);
    info.premiums = Premiums(s);
    info.monthly_premium = MonthlyPremium(s);
    CompileAreas(s, &info);
    info.unfilled = s.unfilled.value.value_or(Unfilled::kRedistribute);
    if (s.reserved.value) {
      for (const spec::QuotaReserved& group : *s.reserved.value) {
        const auto it = group_index_.find(absl::AsciiStrToLower(group.id.text));
        if (it == group_index_.end() || !group.share.value) continue;  // reported
        info.reserved.push_back(ReservedShare{it->second, *group.share.value});
      }
    }
    if (info.basis == AreaBasis::kFixed) {
      info.capacity = SumOfAreas(info.area_numbers, s.areas.at, label);
    } else {
      info.capacity = std::max<int64_t>(
          0, Capacity(s.seats.value, s.budget.value, info.monthly_premium, info.months,
                      s.budget.at, label));
    }
    p_->quota.pools.push_back(std::move(info));
    p_->pool_roots.push_back(root);
  }

  // The slot of field `name` when it has type `type` (else reported by the loader): -1.
  int FieldSlot(const spec::QuotaSetting<spec::LocatedText>& name, Type type) const {
    if (!name.value) return -1;
    const auto it = p_->slot_by_name.find(name.value->text);
    if (it == p_->slot_by_name.end() || p_->fields[it->second].type != type) return -1;
    return it->second;
  }

  void CompileAreas(const spec::QuotaSettings& s, PoolInfo* info) {
    const int slot = FieldSlot(s.by, Type::kCode);
    if (slot < 0 || p_->field_list[slot] < 0 || !s.basis.value) return;
    info->area_slot = slot;
    info->basis = *s.basis.value;
    info->method = s.method.value.value_or(ApportionMethod::kLargestRemainder);
    info->dtks_slot = FieldSlot(s.dtks_field, Type::kBool);
    if (s.areas_file.value) info->areas_file = AreasFile(s.areas_file.value->text);
    if (!s.areas.value) return;
    const CodeList& list = p_->lists[p_->field_list[slot]];
    info->area_numbers.assign(list.codes.size(), -1);
    std::vector<const spec::AreaNumber*> given(list.codes.size(), nullptr);
    for (const spec::AreaNumber& area : *s.areas.value) {
      const int32_t id = AreaId(list, area.area, s.by.value->text);
      if (id == kUnknownCode) continue;
      if (given[id] != nullptr) {
        Error(area.area.at,
              StrCat("quota.areas: '", area.area.text, "' is area '", list.codes[id],
                     "' again (first as '", given[id]->area.text, "' on line ",
                     given[id]->area.at.line, ")"),
              "give each area once");
        continue;
      }
      given[id] = &area;
      info->area_numbers[id] = area.number;
    }
  }

  // The code id of an area written as a code, an alias or a name of `list`; kUnknownCode
  // after reporting.
  int32_t AreaId(const CodeList& list, const spec::LocatedText& area, std::string_view field) {
    const int32_t id = LookupCode(list, area.text);
    if (id != kUnknownCode) return id;
    const std::string key = CodeKey(area.text);
    std::vector<int32_t> named;
    for (size_t i = 0; i < list.names.size(); ++i) {
      if (CodeKey(list.names[i]) == key) named.push_back(static_cast<int32_t>(i));
    }
    if (named.size() == 1) return named.front();
    if (named.size() > 1) {
      Error(area.at,
            StrCat("quota.areas: '", area.text, "' is the name of several areas of list '",
                   list.name, "' (codes '", list.codes[named[0]], "' and '", list.codes[named[1]],
                   "')"),
            "write the area's code");
      return kUnknownCode;
    }
    std::vector<std::string_view> candidates;
    for (const std::string& code : list.codes) candidates.push_back(code);
    for (const std::string& name : list.names) candidates.push_back(name);
    Error(area.at,
          StrCat("quota.areas: '", area.text, "' is not an area of field '", field, "' (list '",
                 list.name, "')"),
          ChoiceHint(area.text, candidates, StrCat("codes and names of '", list.name, "'")));
    return kUnknownCode;
  }

  // The seats of a fixed basis: the sum of the numbers given (0 without any).
  int64_t SumOfAreas(const std::vector<int64_t>& numbers, spec::SourceRef at,
                     std::string_view label) {
    int64_t sum = 0;
    for (int64_t number : numbers) {
      if (number > 0 && __builtin_add_overflow(sum, number, &sum)) {
        Error(at, StrCat(label, ": the area seats add up to more than 9223372036854775807"),
              "give each area's seats");
        return 0;
      }
    }
    return sum;
  }

  std::string AreasFile(const std::string& path) const {
    const std::filesystem::path file(path);
    if (rule_dir_.empty() || file.is_absolute()) return path;
    return (std::filesystem::path(rule_dir_) / file).string();
  }

  const spec::Spec& spec_;
  const spec::Quota& quota_;
  std::string_view rule_dir_;
  const ConditionCompiler& compile_condition_;
  Program* p_;
  std::vector<Diagnostic>* diagnostics_;
  absl::flat_hash_map<std::string, int> group_index_;  // lower-cased id -> group
};

}  // namespace

void CompileQuota(const spec::Spec& spec, std::string_view rule_dir,
                  const ConditionCompiler& compile_condition, Program* program,
                  std::vector<Diagnostic>* diagnostics) {
  if (!spec.quota) return;
  QuotaCompiler(spec, rule_dir, compile_condition, program, diagnostics).Run();
}

}  // namespace aturan::internal
