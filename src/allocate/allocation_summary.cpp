#include "allocate/allocation_summary.hpp"


#include "absl/strings/str_format.h"
#include "base/strings.hpp"
#include "batch/decision_format.hpp"

namespace aturan::internal {

namespace {

std::string PoolTitle(const PoolInfo& pool) {
  std::string title = pool.id;
  if (!pool.name.empty()) StrAppend(&title, " (", pool.name, ")");
  if (!pool.funder.empty()) StrAppend(&title, ", dibiayai ", pool.funder);
  return title;
}

std::string AreaName(const RuleSet& rules, const PoolInfo& pool, int32_t area) {
  if (area < 0) return pool.basis == AreaBasis::kNone ? "(seluruh wilayah)" : "(tanpa wilayah)";
  return std::string(rules.CodeName(pool.area_slot, area));
}

std::string AreaCode(const RuleSet& rules, const PoolInfo& pool, int32_t area) {
  return area < 0 ? std::string("-") : std::string(rules.CodeText(pool.area_slot, area));
}

// A pool's budget: its own, or the whole quota's when it is the only pool.
int64_t PoolBudget(const QuotaInfo& quota, const PoolInfo& pool) {
  if (pool.budget >= 0) return pool.budget;
  return quota.pools.size() == 1 ? quota.total_budget : -1;
}

}  // namespace

std::string FormatRupiah(int64_t rupiah) {
  const uint64_t magnitude = rupiah < 0 ? static_cast<uint64_t>(-(rupiah + 1)) + 1 : static_cast<uint64_t>(rupiah);
  const std::string digits = StrCat(magnitude);
  std::string grouped;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped.push_back('.');
    grouped.push_back(digits[i]);
  }
  return StrCat(rupiah < 0 ? "-Rp" : "Rp", grouped);
}

std::string FormatAllocationSummary(const RuleSet& rules, const Allocation& a, int group_slot) {
  const QuotaInfo& quota = rules.quota();
  std::string out;
  const int64_t rows = a.selected + a.waitlisted + a.ineligible + a.invalid;
  int64_t no_pool = 0;
  for (const RowAllocation& row : a.rows) no_pool += row.no_pool ? 1 : 0;
  absl::StrAppendFormat(&out, "allocation of %d rows\n", rows);
  absl::StrAppendFormat(&out, "  selected   %12d\n", a.selected);
  absl::StrAppendFormat(&out, "  waitlisted %12d\n", a.waitlisted);
  absl::StrAppendFormat(&out, "  ineligible %12d", a.ineligible);
  if (no_pool > 0) absl::StrAppendFormat(&out, "  (%d of them eligible, but in no pool)", no_pool);
  absl::StrAppendFormat(&out, "\n  invalid    %12d\n", a.invalid);
  for (size_t p = 0; p < quota.pools.size() && p < a.pools.size(); ++p) {
    const PoolInfo& pool = quota.pools[p];
    const PoolOutcome& o = a.pools[p];
    absl::StrAppendFormat(&out, "pool %s\n", PoolTitle(pool));
    absl::StrAppendFormat(&out, "  seats %d, candidates %d, selected %d (%d on reserved shares), unused %d\n", o.capacity,
                          o.candidates, o.selected, o.reserved_selected, o.unused);
    bool per_person = false;
    for (int c : pool.premiums) per_person |= !rules.premiums()[c].per_person.empty();
    if (per_person) {
      absl::StrAppendFormat(&out, "  cost %s for %d people x %d months, at each person's premium (nominal %s per month)\n",
                            FormatRupiah(o.cost), o.selected, pool.months, FormatRupiah(pool.monthly_premium));
    } else {
      absl::StrAppendFormat(&out, "  cost %s = %d x %s per month x %d months\n", FormatRupiah(o.cost), o.selected,
                            FormatRupiah(pool.monthly_premium), pool.months);
    }
    if (const int64_t budget = PoolBudget(quota, pool); budget >= 0) {
      absl::StrAppendFormat(&out, "  budget %s, used %s, left %s\n", FormatRupiah(budget), FormatRupiah(o.cost),
                            FormatRupiah(budget - o.cost));
    }
    if (pool.basis == AreaBasis::kNone) continue;
    absl::StrAppendFormat(&out, "  by %s, basis %s, %s, unfilled seats: %s\n", rules.fields()[pool.area_slot].name,
                          AreaBasisName(pool.basis), ApportionMethodName(pool.method), UnfilledName(pool.unfilled));
    absl::StrAppendFormat(&out, "  %-16s %-26s %10s %7s %9s %9s %8s %7s\n", "area", "name", "basis", "quota",
                          "eligible", "selected", "from_oth", "unused");
    for (const AreaOutcome& area : o.areas) {
      absl::StrAppendFormat(&out, "  %-16s %-26s %10d %7d %9d %9d %8d %7d\n", AreaCode(rules, pool, area.area),
                            AreaName(rules, pool, area.area).substr(0, 26), area.basis, area.quota, area.eligible,
                            area.selected, area.redistributed_in, area.unused);
    }
  }
  if (group_slot >= 0 && !a.groups.empty()) {
    absl::StrAppendFormat(&out, "%-42s %10s %10s %18s\n", StrCat("selected by ", rules.fields()[group_slot].name),
                          "eligible", "selected", "cost");
    for (size_t g = 0; g < a.groups.size(); ++g) {
      const GroupOutcome& c = a.groups[g];
      if (c.eligible == 0) continue;
      const std::string name = g + 1 == a.groups.size() ? std::string("(kosong)")
                                                         : std::string(rules.CodeText(group_slot, static_cast<int32_t>(g)));
      absl::StrAppendFormat(&out, "  %-40s %10d %10d %18s\n", name, c.eligible, c.selected, FormatRupiah(c.cost));
    }
  }
  absl::StrAppendFormat(&out, "total cost %s", FormatRupiah(a.total_cost));
  if (quota.total_budget >= 0) {
    absl::StrAppendFormat(&out, " of budget %s (left %s)", FormatRupiah(quota.total_budget),
                          FormatRupiah(quota.total_budget - a.total_cost));
  }
  out.push_back('\n');
  for (const std::string& warning : a.warnings) absl::StrAppendFormat(&out, "warning: %s\n", warning);
  return out;
}

std::string AllocationSummaryJson(const RuleSet& rules, const Allocation& a, int group_slot, uint64_t rows,
                                  double seconds) {
  const QuotaInfo& quota = rules.quota();
  std::string out = "{\"regulation\":";
  AppendJsonString(rules.regulation_id(), &out);
  absl::StrAppend(&out, ",\"rows\":", rows, ",\"selected\":", a.selected, ",\"waitlisted\":", a.waitlisted,
                  ",\"ineligible\":", a.ineligible, ",\"invalid\":", a.invalid, ",\"total_cost\":", a.total_cost,
                  ",\"total_budget\":");
  if (quota.total_budget >= 0) {
    absl::StrAppend(&out, quota.total_budget);
  } else {
    out.append("null");
  }
  out.append(",\"pools\":[");
  for (size_t p = 0; p < quota.pools.size() && p < a.pools.size(); ++p) {
    const PoolInfo& pool = quota.pools[p];
    const PoolOutcome& o = a.pools[p];
    if (p > 0) out.push_back(',');
    out.append("{\"id\":");
    AppendJsonString(pool.id, &out);
    out.append(",\"name\":");
    AppendJsonString(pool.name, &out);
    out.append(",\"funder\":");
    AppendJsonString(pool.funder, &out);
    absl::StrAppend(&out, ",\"capacity\":", o.capacity, ",\"candidates\":", o.candidates, ",\"selected\":", o.selected,
                    ",\"reserved_selected\":", o.reserved_selected, ",\"unused\":", o.unused, ",\"cost\":", o.cost,
                    ",\"monthly_premium\":", pool.monthly_premium, ",\"months\":", pool.months, ",\"budget\":");
    if (const int64_t budget = PoolBudget(quota, pool); budget >= 0) {
      absl::StrAppend(&out, budget);
    } else {
      out.append("null");
    }
    absl::StrAppend(&out, ",\"basis\":\"", AreaBasisName(pool.basis), "\",\"method\":\"",
                    ApportionMethodName(pool.method), "\",\"areas\":[");
    for (size_t i = 0; i < o.areas.size(); ++i) {
      const AreaOutcome& area = o.areas[i];
      if (i > 0) out.push_back(',');
      out.append("{\"area\":");
      if (area.area < 0) {
        out.append("null");
      } else {
        AppendJsonString(rules.CodeText(pool.area_slot, area.area), &out);
      }
      out.append(",\"name\":");
      AppendJsonString(area.area < 0 ? std::string_view() : rules.CodeName(pool.area_slot, area.area), &out);
      absl::StrAppend(&out, ",\"basis\":", area.basis, ",\"quota\":", area.quota, ",\"eligible\":", area.eligible,
                      ",\"selected\":", area.selected, ",\"redistributed_in\":", area.redistributed_in,
                      ",\"unused\":", area.unused, ",\"cost\":", area.cost, "}");
    }
    out.append("]}");
  }
  out.append("],\"groups\":[");
  bool first = true;
  for (size_t g = 0; group_slot >= 0 && g < a.groups.size(); ++g) {
    const GroupOutcome& c = a.groups[g];
    if (c.eligible == 0) continue;
    if (!first) out.push_back(',');
    first = false;
    out.append("{\"code\":");
    if (g + 1 == a.groups.size()) {
      out.append("null");
    } else {
      AppendJsonString(rules.CodeText(group_slot, static_cast<int32_t>(g)), &out);
    }
    absl::StrAppend(&out, ",\"eligible\":", c.eligible, ",\"selected\":", c.selected, ",\"cost\":", c.cost, "}");
  }
  out.append("],\"warnings\":[");
  for (size_t i = 0; i < a.warnings.size(); ++i) {
    if (i > 0) out.push_back(',');
    AppendJsonString(a.warnings[i], &out);
  }
  absl::StrAppendFormat(&out, "],\"elapsed_seconds\":%.3f}\n", seconds);
  return out;
}

}  // namespace aturan::internal
