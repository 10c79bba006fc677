// ComparisonJson: the comparison as one JSON object, format "aturan-diff/1" (docs/diff.md).
#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "aturan/comparison.hpp"
#include "base/dates.hpp"
#include "base/strings.hpp"
#include "batch/decision_format.hpp"

namespace aturan {

namespace {

using internal::AppendJsonString;

void AppendOptional(const std::optional<std::string>& text, std::string* out) {
  if (text) {
    AppendJsonString(*text, out);
  } else {
    out->append("null");
  }
}

void AppendOptional(const std::optional<int64_t>& number, std::string* out) {
  if (number) {
    absl::StrAppend(out, *number);
  } else {
    out->append("null");
  }
}

// "" as null (a field type a file lacks).
std::optional<std::string> NonEmpty(const std::string& text) {
  return text.empty() ? std::nullopt : std::optional<std::string>(text);
}

void AppendSide(const std::string& file, const SideSummary& s, std::string* out) {
  out->append("{\"file\":");
  AppendJsonString(file, out);
  out->append(",\"regulation\":");
  AppendJsonString(s.regulation, out);
  out->append(",\"title\":");
  AppendJsonString(s.title, out);
  out->append(",\"reference_date\":");
  AppendJsonString(FormatIsoDate(Date::FromCivil(s.reference_date)), out);
  absl::StrAppend(out, ",\"has_quota\":", s.has_quota ? "true" : "false", ",\"seats\":");
  AppendOptional(s.seats, out);
  out->append(",\"budget\":");
  AppendOptional(s.budget, out);
  absl::StrAppend(out, ",\"months\":", s.months, ",\"monthly_premium\":", s.monthly_premium, "}");
}

void AppendTotals(const SideSummary& s, std::string* out) {
  absl::StrAppend(out, "{\"covered\":", s.covered, ",\"selected\":", s.selected, ",\"waitlisted\":", s.waitlisted,
                  ",\"eligible\":", s.eligible, ",\"ineligible\":", s.ineligible, ",\"invalid\":", s.invalid,
                  ",\"cost\":", s.cost, ",\"budget\":");
  AppendOptional(s.budget, out);
  out->push_back('}');
}

// [item, item, ...] with `append` writing each.
template <typename T, typename F>
void AppendArray(const std::vector<T>& items, std::string* out, F append) {
  out->push_back('[');
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out->push_back(',');
    append(items[i]);
  }
  out->push_back(']');
}

void AppendCodes(const std::vector<ListCode>& codes, std::string* out) {
  AppendArray(codes, out, [out](const ListCode& code) {
    out->append("{\"code\":");
    AppendJsonString(code.code, out);
    out->append(",\"name\":");
    AppendJsonString(code.name, out);
    out->push_back('}');
  });
}

void AppendSettings(const std::vector<SettingChange>& settings, std::string* out) {
  AppendArray(settings, out, [out](const SettingChange& s) {
    out->append("{\"what\":");
    AppendJsonString(s.what, out);
    out->append(",\"old\":");
    AppendJsonString(s.old_text, out);
    out->append(",\"new\":");
    AppendJsonString(s.new_text, out);
    out->push_back('}');
  });
}

void AppendRuleChanges(const RuleChanges& c, std::string* out) {
  out->append("{\"fields\":");
  AppendArray(c.fields, out, [out](const FieldChange& f) {
    out->append("{\"name\":");
    AppendJsonString(f.name, out);
    absl::StrAppend(out, ",\"change\":\"", ChangeKindName(f.change), "\",\"old\":");
    AppendOptional(NonEmpty(f.old_type), out);
    out->append(",\"new\":");
    AppendOptional(NonEmpty(f.new_type), out);
    out->push_back('}');
  });
  out->append(",\"lists\":");
  AppendArray(c.lists, out, [out](const ListChange& l) {
    out->append("{\"name\":");
    AppendJsonString(l.name, out);
    out->append(",\"added\":");
    AppendCodes(l.added, out);
    out->append(",\"removed\":");
    AppendCodes(l.removed, out);
    out->push_back('}');
  });
  out->append(",\"parameters\":");
  AppendArray(c.parameters, out, [out](const ParameterChange& p) {
    out->append("{\"name\":");
    AppendJsonString(p.name, out);
    out->append(",\"old\":");
    AppendOptional(p.old_value, out);
    out->append(",\"new\":");
    AppendOptional(p.new_value, out);
    out->push_back('}');
  });
  out->append(",\"rules\":");
  AppendArray(c.rules, out, [out](const RuleChange& r) {
    out->append("{\"id\":");
    AppendJsonString(r.id, out);
    absl::StrAppend(out, ",\"change\":\"", ChangeKindName(r.change), "\",\"old\":");
    AppendOptional(r.old_when, out);
    out->append(",\"new\":");
    AppendOptional(r.new_when, out);
    out->push_back('}');
  });
  out->append(",\"priority\":");
  AppendSettings(c.priority, out);
  out->append(",\"quota\":");
  AppendSettings(c.quota, out);
  out->append(",\"premiums\":");
  AppendArray(c.premiums, out, [out](const PremiumChange& p) {
    out->append("{\"component\":");
    AppendJsonString(p.component, out);
    out->append(",\"old\":");
    AppendOptional(p.old_monthly, out);
    out->append(",\"new\":");
    AppendOptional(p.new_monthly, out);
    out->push_back('}');
  });
  out->push_back('}');
}

void AppendBreakdown(const std::optional<Breakdown>& breakdown, bool quotas, std::string* out) {
  if (!breakdown) {
    out->append("null");
    return;
  }
  out->append("{\"field\":");
  AppendJsonString(breakdown->field, out);
  out->append(",\"items\":");
  AppendArray(breakdown->items, out, [out, quotas](const BreakdownItem& item) {
    out->append("{\"code\":");
    AppendJsonString(item.code, out);
    out->append(",\"name\":");
    AppendJsonString(item.name, out);
    if (quotas) {
      out->append(",\"old_quota\":");
      AppendOptional(item.old_quota, out);
      out->append(",\"new_quota\":");
      AppendOptional(item.new_quota, out);
    }
    absl::StrAppend(out, ",\"old_covered\":", item.old_covered, ",\"new_covered\":", item.new_covered,
                    ",\"gained\":", item.gained, ",\"lost\":", item.lost, ",\"old_cost\":", item.old_cost,
                    ",\"new_cost\":", item.new_cost, "}");
  });
  out->push_back('}');
}

}  // namespace

std::string ComparisonJson(const Comparison& c) {
  const ListEffect& e = c.list;
  std::string out = "{\"format\":\"aturan-diff/1\",\n\"old\":";
  AppendSide(c.old_file, e.old_side, &out);
  out.append(",\n\"new\":");
  AppendSide(c.new_file, e.new_side, &out);
  out.append(",\n\"list\":{\"file\":");
  AppendJsonString(c.list_file, &out);
  absl::StrAppend(&out, ",\"rows\":", e.rows, "},\n\"rule_changes\":");
  AppendRuleChanges(c.rules, &out);
  absl::StrAppend(&out, ",\n\"covered_means\":{\"old\":\"", e.old_side.has_quota ? "selected" : "eligible",
                  "\",\"new\":\"", e.new_side.has_quota ? "selected" : "eligible", "\"},\n\"totals\":{\"old\":");
  AppendTotals(e.old_side, &out);
  out.append(",\"new\":");
  AppendTotals(e.new_side, &out);
  absl::StrAppend(&out, ",\"gained\":", e.gained, ",\"lost\":", e.lost, ",\"stayed_covered\":", e.stayed_covered,
                  ",\"stayed_uncovered\":", e.stayed_uncovered, "},\n\"transitions\":[");
  bool first = true;
  for (int o = 0; o < kCoverStatuses; ++o) {
    for (int n = 0; n < kCoverStatuses; ++n) {
      const int64_t count = e.transitions[static_cast<size_t>(o)][static_cast<size_t>(n)];
      if (count == 0) continue;
      if (!first) out.push_back(',');
      first = false;
      absl::StrAppend(&out, "{\"old\":\"", CoverStatusName(static_cast<CoverStatus>(o)), "\",\"new\":\"",
                      CoverStatusName(static_cast<CoverStatus>(n)), "\",\"count\":", count, "}");
    }
  }
  out.append("],\n\"groups\":");
  AppendArray(e.groups, &out, [&out](const GroupEffect& g) {
    out.append("{\"field\":");
    AppendJsonString(g.field, &out);
    out.append(",\"label\":");
    AppendJsonString(g.label, &out);
    absl::StrAppend(&out, ",\"rows\":", g.rows, ",\"old_covered\":", g.old_covered, ",\"new_covered\":", g.new_covered,
                    ",\"gained\":", g.gained, ",\"lost\":", g.lost, "}");
  });
  out.append(",\n\"areas\":");
  AppendBreakdown(e.areas, /*quotas=*/true, &out);
  out.append(",\n\"occupations\":");
  AppendBreakdown(e.occupations, /*quotas=*/false, &out);
  out.append("}\n");
  return out;
}

}  // namespace aturan
