// CompareRules: what differs between two rule files, part by part.
#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "allocate/allocation_summary.hpp"
#include "aturan/comparison.hpp"
#include "base/readable_expression.hpp"
#include "base/strings.hpp"

namespace aturan {

namespace {

constexpr const char* kAbsent = "(tidak ada)";

std::string TypeText(const FieldInfo& field) {
  std::string text(TypeName(field.type));
  if (field.type == Type::kCode) StrAppend(&text, "(", field.list, ")");
  return text;
}

const FieldInfo* FindField(const RuleSet& rules, const std::string& name) {
  const int slot = rules.FieldSlot(name);
  return slot < 0 ? nullptr : &rules.fields()[slot];
}

void CompareFields(const RuleSet& old_rules, const RuleSet& new_rules, RuleChanges* out) {
  for (const FieldInfo& old_field : old_rules.fields()) {
    const FieldInfo* new_field = FindField(new_rules, old_field.name);
    if (new_field == nullptr) {
      out->fields.push_back({old_field.name, ChangeKind::kRemoved, TypeText(old_field), ""});
    } else if (TypeText(old_field) != TypeText(*new_field)) {
      out->fields.push_back({old_field.name, ChangeKind::kChanged, TypeText(old_field), TypeText(*new_field)});
    }
  }
  for (const FieldInfo& new_field : new_rules.fields()) {
    if (FindField(old_rules, new_field.name) == nullptr) {
      out->fields.push_back({new_field.name, ChangeKind::kAdded, "", TypeText(new_field)});
    }
  }
}

// The codes of `from` that `other` lacks, with their names.
std::vector<ListCode> CodesNotIn(const ListItems& from, const ListItems& other) {
  std::vector<ListCode> codes;
  for (size_t i = 0; i < from.codes.size(); ++i) {
    if (std::find(other.codes.begin(), other.codes.end(), from.codes[i]) == other.codes.end()) {
      codes.push_back({from.codes[i], i < from.names.size() ? from.names[i] : std::string()});
    }
  }
  return codes;
}

// Names of `old_names` in order, then those only in `new_names`.
std::vector<std::string> Union(std::vector<std::string> old_names, const std::vector<std::string>& new_names) {
  for (const std::string& name : new_names) {
    if (std::find(old_names.begin(), old_names.end(), name) == old_names.end()) old_names.push_back(name);
  }
  return old_names;
}

void CompareLists(const RuleSet& old_rules, const RuleSet& new_rules, RuleChanges* out) {
  for (const std::string& name : Union(old_rules.list_names(), new_rules.list_names())) {
    const ListItems old_items = old_rules.list_items(name);
    const ListItems new_items = new_rules.list_items(name);
    ListChange change{name, CodesNotIn(new_items, old_items), CodesNotIn(old_items, new_items)};
    if (!change.added.empty() || !change.removed.empty()) out->lists.push_back(std::move(change));
  }
}

const ParameterInfo* FindParameter(const RuleSet& rules, const std::string& name) {
  for (const ParameterInfo& parameter : rules.parameters()) {
    if (parameter.name == name) return &parameter;
  }
  return nullptr;
}

void CompareParameters(const RuleSet& old_rules, const RuleSet& new_rules, RuleChanges* out) {
  for (const std::string& name : Union(old_rules.parameter_names(), new_rules.parameter_names())) {
    const ParameterInfo* old_parameter = FindParameter(old_rules, name);
    const ParameterInfo* new_parameter = FindParameter(new_rules, name);
    if (old_parameter != nullptr && new_parameter != nullptr && old_parameter->text == new_parameter->text) continue;
    ParameterChange change{name, std::nullopt, std::nullopt};
    if (old_parameter != nullptr) change.old_value = old_parameter->text;
    if (new_parameter != nullptr) change.new_value = new_parameter->text;
    out->parameters.push_back(std::move(change));
  }
}

const RuleInfo* FindRule(const RuleSet& rules, const std::string& id) {
  for (const RuleInfo& rule : rules.rules()) {
    if (rule.id == id) return &rule;
  }
  return nullptr;
}

void CompareEligibility(const RuleSet& old_rules, const RuleSet& new_rules, RuleChanges* out) {
  for (const RuleInfo& old_rule : old_rules.rules()) {
    const RuleInfo* new_rule = FindRule(new_rules, old_rule.id);
    const std::string old_when = ReadableExpression(old_rule.when);
    if (new_rule == nullptr) {
      out->rules.push_back({old_rule.id, ChangeKind::kRemoved, old_when, std::nullopt});
    } else if (const std::string new_when = ReadableExpression(new_rule->when); new_when != old_when) {
      out->rules.push_back({old_rule.id, ChangeKind::kChanged, old_when, new_when});
    }
  }
  for (const RuleInfo& new_rule : new_rules.rules()) {
    if (FindRule(old_rules, new_rule.id) == nullptr) {
      out->rules.push_back({new_rule.id, ChangeKind::kAdded, std::nullopt, ReadableExpression(new_rule.when)});
    }
  }
}

std::string OrderText(const RuleSet& rules) {
  std::string text;
  for (const OrderKeyInfo& key : rules.order_keys()) {
    if (!text.empty()) text.append(", ");
    text.append(rules.fields()[key.slot].name);
    if (key.descending) text.append(" desc");
  }
  return text.empty() ? kAbsent : text;
}

void ComparePriority(const RuleSet& old_rules, const RuleSet& new_rules, RuleChanges* out) {
  const auto score = [](const RuleSet& rules) { return rules.score_text().empty() ? kAbsent : rules.score_text(); };
  if (score(old_rules) != score(new_rules)) out->priority.push_back({"score", score(old_rules), score(new_rules)});
  if (OrderText(old_rules) != OrderText(new_rules)) {
    out->priority.push_back({"order", OrderText(old_rules), OrderText(new_rules)});
  }
}

// The quota's one pool when the rule file lists none (it then has the regulation's id).
bool ImplicitPool(const RuleSet& rules) {
  const QuotaInfo& quota = rules.quota();
  return quota.pools.size() == 1 && quota.pools[0].id == rules.regulation_id();
}

// A per-pool setting as text: the value when every pool has the same, else "id: value" per pool.
std::string PerPool(const RuleSet& rules, const std::function<std::string(const PoolInfo&)>& value) {
  const QuotaInfo& quota = rules.quota();
  if (!quota.present()) return kAbsent;
  const std::string first = value(quota.pools[0]);
  if (std::all_of(quota.pools.begin(), quota.pools.end(), [&](const PoolInfo& pool) { return value(pool) == first; })) {
    return first;
  }
  std::string text;
  for (const PoolInfo& pool : quota.pools) {
    if (!text.empty()) text.append("; ");
    StrAppend(&text, pool.id, ": ", value(pool));
  }
  return text;
}

std::string FileName(const std::string& path) {
  const size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string SeatsText(const RuleSet& rules) {
  std::string text = PerPool(rules, [](const PoolInfo& pool) {
    std::string seats = StrCat(pool.capacity);
    if (pool.basis == AreaBasis::kFixed && pool.area_numbers.empty()) {
      seats = "per wilayah dari tabel wilayah";
    } else if (pool.seats < 0 && pool.budget >= 0) {
      seats.append(" (dari anggaran)");
    }
    return seats;
  });
  if (rules.quota().total_capacity >= 0 && rules.quota().pools.size() > 1) {
    text = StrCat("seluruhnya ", rules.quota().total_capacity, "; ", text);
  }
  return text;
}

std::string BudgetText(const RuleSet& rules) {
  const QuotaInfo& quota = rules.quota();
  if (!quota.present()) return kAbsent;
  if (quota.pools.size() == 1) {
    const int64_t budget = quota.pools[0].budget >= 0 ? quota.pools[0].budget : quota.total_budget;
    return budget >= 0 ? internal::FormatRupiah(budget) : kAbsent;
  }
  const std::string pools = PerPool(rules, [](const PoolInfo& pool) {
    return pool.budget >= 0 ? internal::FormatRupiah(pool.budget) : std::string(kAbsent);
  });
  if (quota.total_budget < 0) return pools;
  const std::string total = StrCat("seluruhnya ", internal::FormatRupiah(quota.total_budget));
  return pools == kAbsent ? total : StrCat(total, "; ", pools);
}

std::string BasisText(const RuleSet& rules, const PoolInfo& pool) {
  if (pool.basis == AreaBasis::kNone) return "-";
  std::string text = AreaBasisName(pool.basis);
  if (!pool.areas_file.empty()) {
    StrAppend(&text, " (", FileName(pool.areas_file), ")");
  } else if (!pool.area_numbers.empty()) {
    text.append(" (angka di berkas aturan)");
  } else if (pool.basis == AreaBasis::kDtks && pool.dtks_slot >= 0) {
    StrAppend(&text, " (dihitung dari daftar: ", rules.fields()[pool.dtks_slot].name, ")");
  }
  return text;
}

std::string PoolsText(const RuleSet& rules) {
  const QuotaInfo& quota = rules.quota();
  if (!quota.present()) return kAbsent;
  if (ImplicitPool(rules)) return "satu kuota untuk semua yang memenuhi syarat";
  std::string text;
  for (const PoolInfo& pool : quota.pools) {
    if (!text.empty()) text.append("; ");
    text.append(pool.id);
    if (!pool.name.empty()) StrAppend(&text, " (", pool.name, ")");
    if (!pool.when.empty()) StrAppend(&text, ": ", ReadableExpression(pool.when));
  }
  return text;
}

std::string ReservedText(const RuleSet& rules) {
  const QuotaInfo& quota = rules.quota();
  if (!quota.present()) return kAbsent;
  bool any = false;
  std::string text = PerPool(rules, [&](const PoolInfo& pool) {
    std::string shares;
    for (const ReservedShare& share : pool.reserved) {
      const ReservedGroup& group = quota.reserved_groups[share.group];
      if (!shares.empty()) shares.append(", ");
      StrAppend(&shares, group.id, " ", absl::StrFormat("%g%%", share.share * 100), ": ",
                ReadableExpression(group.when));
      any = true;
    }
    return shares.empty() ? std::string("-") : shares;
  });
  return any ? text : kAbsent;
}

void CompareQuota(const RuleSet& old_rules, const RuleSet& new_rules, RuleChanges* out) {
  const auto per_area = [](const std::function<std::string(const PoolInfo&)>& value) {
    return [value](const PoolInfo& pool) { return pool.basis == AreaBasis::kNone ? std::string("-") : value(pool); };
  };
  const std::vector<std::pair<std::string, std::function<std::string(const RuleSet&)>>> settings = {
      {"seats", SeatsText},
      {"budget", BudgetText},
      {"months", [](const RuleSet& r) { return PerPool(r, [](const PoolInfo& p) { return StrCat(p.months); }); }},
      {"by", [&](const RuleSet& r) {
         return PerPool(r, per_area([&r](const PoolInfo& p) { return r.fields()[p.area_slot].name; }));
       }},
      {"basis", [](const RuleSet& r) { return PerPool(r, [&r](const PoolInfo& p) { return BasisText(r, p); }); }},
      {"method", [&](const RuleSet& r) {
         return PerPool(r, per_area([](const PoolInfo& p) { return std::string(ApportionMethodName(p.method)); }));
       }},
      {"unfilled", [&](const RuleSet& r) {
         return PerPool(r, per_area([](const PoolInfo& p) { return std::string(UnfilledName(p.unfilled)); }));
       }},
      {"pools", PoolsText},
      {"reserved", ReservedText},
  };
  for (const auto& [what, text_of] : settings) {
    const std::string old_text = text_of(old_rules);
    const std::string new_text = text_of(new_rules);
    if (old_text != new_text) out->quota.push_back({what, old_text, new_text});
  }
}

const PremiumInfo* FindPremium(const RuleSet& rules, const std::string& name) {
  for (const PremiumInfo& premium : rules.premiums()) {
    if (premium.name == name) return &premium;
  }
  return nullptr;
}

void ComparePremiums(const RuleSet& old_rules, const RuleSet& new_rules, RuleChanges* out) {
  std::vector<std::string> old_names, new_names;
  for (const PremiumInfo& premium : old_rules.premiums()) old_names.push_back(premium.name);
  for (const PremiumInfo& premium : new_rules.premiums()) new_names.push_back(premium.name);
  for (const std::string& name : Union(old_names, new_names)) {
    const PremiumInfo* old_premium = FindPremium(old_rules, name);
    const PremiumInfo* new_premium = FindPremium(new_rules, name);
    PremiumChange change{name, std::nullopt, std::nullopt, "", ""};
    if (old_premium != nullptr) {
      change.old_monthly = old_premium->monthly_rupiah;
      change.old_per_person = ReadableExpression(old_premium->per_person);
    }
    if (new_premium != nullptr) {
      change.new_monthly = new_premium->monthly_rupiah;
      change.new_per_person = ReadableExpression(new_premium->per_person);
    }
    if (change.old_monthly == change.new_monthly && change.old_per_person == change.new_per_person) continue;
    out->premiums.push_back(std::move(change));
  }
}

}  // namespace

const char* ChangeKindName(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::kAdded:
      return "added";
    case ChangeKind::kRemoved:
      return "removed";
    case ChangeKind::kChanged:
      return "changed";
  }
  return "changed";
}

bool RuleChanges::empty() const {
  return fields.empty() && lists.empty() && parameters.empty() && rules.empty() && priority.empty() &&
         quota.empty() && premiums.empty();
}

RuleChanges CompareRules(const RuleSet& old_rules, const RuleSet& new_rules) {
  RuleChanges changes;
  CompareFields(old_rules, new_rules, &changes);
  CompareLists(old_rules, new_rules, &changes);
  CompareParameters(old_rules, new_rules, &changes);
  CompareEligibility(old_rules, new_rules, &changes);
  ComparePriority(old_rules, new_rules, &changes);
  CompareQuota(old_rules, new_rules, &changes);
  ComparePremiums(old_rules, new_rules, &changes);
  return changes;
}

}  // namespace aturan
