#include "generate/list_plan.hpp"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <optional>
#include <set>
#include <span>
#include <string_view>
#include <tuple>
#include <utility>

#include "absl/strings/ascii.h"
#include "base/csv_field.hpp"
#include "base/nik.hpp"
#include "generate/csv_text.hpp"
#include "generate/kelurahan_population.hpp"

namespace aturan {
namespace {

bool Contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

// True when NIKs issued in `area` can be valid (a known province, regency and kecamatan not 00).
bool ValidArea(const NikArea& area) {
  std::string nik;
  AppendNik(NikFields{area, Date::FromCivil(absl::CivilDay(1990, 1, 1)), false, 1}, &nik);
  return NikValid(nik);
}

bool AllDigits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int TwoDigits(std::string_view text, size_t at) { return (text[at] - '0') * 10 + (text[at + 1] - '0'); }

// The numbers of a region code "PP", "PP.RR" or "PP.RR.KK"; empty for anything else.
std::vector<int> RegionNumbers(std::string_view code) {
  std::vector<int> numbers;
  for (size_t at = 0; at < code.size() + 1; at += 3) {
    if (at + 2 > code.size() || !AllDigits(code.substr(at, 2)) || (at + 2 < code.size() && code[at + 2] != '.')) {
      return {};
    }
    numbers.push_back(TwoDigits(code, at));
    if (at + 2 == code.size()) return numbers;
  }
  return {};
}

// The NIK area of a village code "PP.RR.KK.VVVV" or "PPRRKKVVVV", when NIKs issued there
// can be valid.
std::optional<NikArea> VillageArea(std::string_view code) {
  std::vector<int> numbers;
  if (code.size() == 10 && AllDigits(code)) {
    numbers = {TwoDigits(code, 0), TwoDigits(code, 2), TwoDigits(code, 4)};
  } else if (code.size() == 13 && code[8] == '.' && AllDigits(code.substr(9))) {
    numbers = RegionNumbers(code.substr(0, 8));
  }
  if (numbers.size() != 3) return std::nullopt;
  const NikArea area{numbers[0], numbers[1], numbers[2]};
  if (!ValidArea(area)) return std::nullopt;
  return area;
}

// Adds `text` to *out if it leads back to code `id` and is not there yet.
void AddSpelling(const RuleSet& rules, int slot, int32_t id, std::string text, std::vector<std::string>* out) {
  if (absl::StripAsciiWhitespace(text).empty() || rules.CodeId(slot, text) != id) return;
  if (std::find(out->begin(), out->end(), text) != out->end()) return;
  out->push_back(std::move(text));
}

// The spellings of code `id` of field `slot` as CSV fields, the canonical code first.
std::vector<std::string> Spellings(const RuleSet& rules, int slot, int32_t id) {
  const std::string code(rules.CodeText(slot, id));
  const std::string name(rules.CodeName(slot, id));
  std::string spaced = code;
  std::replace(spaced.begin(), spaced.end(), '_', ' ');
  std::string capitalised = spaced;
  if (!capitalised.empty()) capitalised[0] = absl::ascii_toupper(static_cast<unsigned char>(capitalised[0]));
  std::string undotted = code;
  undotted.erase(std::remove(undotted.begin(), undotted.end(), '.'), undotted.end());
  std::vector<std::string> texts;
  for (std::string text : {code, absl::AsciiStrToUpper(code), absl::AsciiStrToLower(code), spaced, capitalised,
                           name, absl::AsciiStrToLower(name), absl::AsciiStrToUpper(name), undotted}) {
    AddSpelling(rules, slot, id, std::move(text), &texts);
  }
  std::vector<std::string> fields(texts.size());
  for (size_t i = 0; i < texts.size(); ++i) AppendCsvField(texts[i], &fields[i]);
  return fields;
}

// Texts that are not in the list of code field `slot`: typing slips on its codes and names,
// codes one digit off, and `extra` words.
std::vector<std::string> OutsideTexts(const RuleSet& rules, int slot, std::initializer_list<std::string_view> extra) {
  std::set<std::string> texts;
  const int32_t count = rules.CodeCount(slot);
  for (int32_t id = 0; id < count && texts.size() < 24; id += std::max(1, count / 8)) {
    for (std::string_view base : {rules.CodeName(slot, id), rules.CodeText(slot, id)}) {
      if (base.size() < 2) continue;
      std::string dropped(base.substr(0, base.size() - 1));  // the last letter lost
      std::string swapped(base);                              // two letters swapped
      std::swap(swapped[base.size() / 2 - 1], swapped[base.size() / 2]);
      std::string doubled(base);                              // a letter typed twice
      doubled.insert(doubled.begin() + static_cast<long>(base.size() / 2), base[base.size() / 2]);
      std::string next_digit(base);                           // the last digit one more
      char& last = next_digit.back();
      if (absl::ascii_isdigit(static_cast<unsigned char>(last))) last = last == '9' ? '0' : static_cast<char>(last + 1);
      for (std::string* text : {&dropped, &swapped, &doubled, &next_digit}) texts.insert(std::move(*text));
    }
  }
  for (std::string_view word : extra) texts.insert(std::string(word));
  texts.insert("-");
  std::vector<std::string> out;
  for (const std::string& text : texts) {
    if (!absl::StripAsciiWhitespace(text).empty() && rules.CodeId(slot, text) == kUnknownCode) out.push_back(text);
  }
  return out;
}

// A record that the rules accept as complete: every required field present.
std::vector<Value> ProbeRecord(const RuleSet& rules) {
  std::vector<Value> record;
  for (const FieldInfo& field : rules.fields()) {
    switch (field.type) {
      case Type::kBool: record.push_back(Value::Bool(false)); break;
      case Type::kInt: record.push_back(Value::Int(0)); break;
      case Type::kMoney: record.push_back(Value::Money(0)); break;
      case Type::kDecimal: record.push_back(Value::Decimal(0)); break;
      case Type::kString: record.push_back(Value::String("x")); break;
      case Type::kDate: record.push_back(Value::FromDate(Date::FromCivil(rules.reference_date()))); break;
      case Type::kCode: record.push_back(Value::Code(0)); break;
    }
  }
  return record;
}

// Per code id of field `slot`: whether every eligibility rule that reads this field and no
// other passes with it (pekerjaan in pekerjaan_rentan). Empty when no rule reads only it.
std::vector<bool> PassingCodes(const RuleSet& rules, int slot) {
  std::vector<Value> record = ProbeRecord(rules);
  const Explanation explanation = rules.Explain(record);
  const std::string& name = rules.fields()[slot].name;
  std::vector<size_t> own_rules;
  for (size_t i = 0; i < explanation.rules.size(); ++i) {
    bool only_this = false;
    bool other = false;
    for (const InputValue& input : explanation.rules[i].inputs) {
      if (input.is_parameter) continue;
      (input.name == name ? only_this : other) = true;
    }
    if (only_this && !other) own_rules.push_back(i);
  }
  std::vector<bool> passing;
  if (own_rules.empty()) return passing;
  for (int32_t id = 0; id < rules.CodeCount(slot); ++id) {
    record[slot] = Value::Code(id);
    const Decision decision = rules.Evaluate(record);
    passing.push_back(std::all_of(own_rules.begin(), own_rules.end(), [&](size_t i) {
      return decision.outcome(static_cast<int>(i)) == Outcome::kPass;
    }));
  }
  return passing;
}

// How common an occupation is among candidates, by words of its code (first match wins);
// batik work is Pekalongan's largest informal trade.
double OccupationWeight(std::string_view code) {
  static constexpr std::array<std::pair<std::string_view, double>, 25> kWeights = {{
      {"batik", 14},     {"harian", 12},    {"serabutan", 12}, {"keliling", 9},  {"asongan", 9},
      {"ojek", 6},       {"kuli", 6},       {"becak", 5},      {"nelayan", 5},   {"parkir", 4},
      {"pedagang", 4},   {"bengkel", 3},    {"wiraswasta", 3}, {"rumah_tangga", 3}, {"karyawan_swasta", 3},
      {"sampah", 2},     {"pemulung", 2},   {"tambal", 2},     {"marbot", 2},    {"angkot", 2},
      {"tidak_bekerja", 2}, {"tunanetra", 1}, {"tunarungu", 0.5}, {"lebe", 0.5}, {"kubur", 0.5},
  }};
  for (const auto& [word, weight] : kWeights) {
    if (Contains(code, word)) return weight;
  }
  return 1;
}

bool IsDisabilityWork(std::string_view code) {
  return Contains(code, "tunanetra") || Contains(code, "tunarungu") || Contains(code, "disabilitas");
}

// The weights of a code field's ids: `share` of the draws go to the codes that pass the
// field's own rules (when it has any), the rest to the others; within each group earlier
// codes are more common (1 / (1 + position)), or per `occupation` weights.
std::vector<double> CodeWeights(const RuleSet& rules, int slot, double share, bool occupation) {
  const int32_t count = rules.CodeCount(slot);
  const std::vector<bool> passing = PassingCodes(rules, slot);
  std::vector<double> weights(static_cast<size_t>(count));
  double group_total[2] = {0, 0};
  int position[2] = {0, 0};
  for (int32_t id = 0; id < count; ++id) {
    const int group = passing.empty() || passing[id] ? 1 : 0;
    weights[id] = occupation ? OccupationWeight(rules.CodeText(slot, id)) : 1.0 / (1 + position[group]++);
    group_total[group] += weights[id];
  }
  if (group_total[0] == 0 || group_total[1] == 0) return weights;
  for (int32_t id = 0; id < count; ++id) {
    const int group = passing[id] ? 1 : 0;
    weights[id] *= (group == 1 ? share : 1 - share) / group_total[group];
  }
  return weights;
}

// The domicile weights: kelurahan of the rule file's region by (synthetic) population when
// every one is known, else evenly; 3% of people from the codes outside the region.
std::vector<double> DomicileWeights(const RuleSet& rules, int slot, const std::vector<NikArea>& areas,
                                    const std::vector<int>& region) {
  const int32_t count = rules.CodeCount(slot);
  std::vector<bool> inside(static_cast<size_t>(count));
  std::vector<double> population(static_cast<size_t>(count), 1);
  bool all_known = true;
  size_t inside_count = 0;
  for (int32_t id = 0; id < count; ++id) {
    const NikArea& area = areas[id];
    inside[id] = area.province != 0 && !region.empty() && area.province == region[0] &&
                 (region.size() < 2 || area.regency == region[1]) && (region.size() < 3 || area.district == region[2]);
    if (!inside[id]) continue;
    ++inside_count;
    std::optional<int> people = SyntheticKelurahanPopulation(rules.CodeText(slot, id));
    all_known = all_known && people.has_value();
    if (people) population[id] = *people;
  }
  std::vector<double> weights(static_cast<size_t>(count), 1);
  if (inside_count == 0 || inside_count == static_cast<size_t>(count)) {
    if (all_known && inside_count > 0) weights = population;
    return weights;
  }
  double inside_total = 0;
  for (int32_t id = 0; id < count; ++id) {
    if (inside[id]) inside_total += all_known ? population[id] : 1;
  }
  const double outside_each = 0.03 / static_cast<double>(static_cast<size_t>(count) - inside_count);
  for (int32_t id = 0; id < count; ++id) {
    weights[id] = inside[id] ? 0.97 * (all_known ? population[id] : 1) / inside_total : outside_each;
  }
  return weights;
}

// How often a bool is true and how often it is left empty, by words of its name.
std::pair<double, double> BoolRates(std::string_view name) {
  static constexpr std::array<std::tuple<std::string_view, double, double>, 7> kRates = {{
      {"upah", 0.08, 0.03},    {"tulang_punggung", 0.55, 0.03}, {"miskin", 0.12, 0.03}, {"dtks", 0.35, 0.03},
      {"disabilitas", 0.04, 0.12}, {"pkh", 0.12, 0.03},           {"bpnt", 0.15, 0.03},
  }};
  for (const auto& [word, true_rate, empty_rate] : kRates) {
    if (Contains(name, word)) return {true_rate, empty_rate};
  }
  return {0.3, 0.04};
}

// The range of an int field, by words of its name.
std::pair<int, int> IntRange(std::string_view name) {
  if (Contains(name, "desil")) return {1, 10};
  if (name == "rt" || name == "rw") return {1, 20};
  if (Contains(name, "tanggungan") || Contains(name, "anak")) return {0, 6};
  return {0, 100};
}

// How often an optional field of `role` is left empty.
double EmptyRate(FieldRole role) {
  switch (role) {
    case FieldRole::kMoney:
    case FieldRole::kCode: return 0.08;
    case FieldRole::kText:
    case FieldRole::kInt:
    case FieldRole::kDecimal: return 0.1;
    case FieldRole::kFamilyCard:
    case FieldRole::kDate:
    case FieldRole::kAddress: return 0.05;
    default: return 0.01;
  }
}

FieldRole RoleOf(const FieldInfo& field) {
  const std::string& name = field.name;
  switch (field.type) {
    case Type::kString:
      if (name == "no_kk" || name == "nomor_kk" || name == "kk") return FieldRole::kFamilyCard;
      if (name == "nama" || name.starts_with("nama_")) return FieldRole::kName;
      if (Contains(name, "alamat")) return FieldRole::kAddress;
      return FieldRole::kText;
    case Type::kDate:
      return Contains(name, "lahir") ? FieldRole::kBirthDate : FieldRole::kDate;
    case Type::kCode: return FieldRole::kCode;
    case Type::kBool: return FieldRole::kBool;
    case Type::kMoney: return FieldRole::kMoney;
    case Type::kInt: return field.key ? FieldRole::kRowKey : FieldRole::kInt;
    case Type::kDecimal: return FieldRole::kDecimal;
  }
  return FieldRole::kText;
}

// The regency's kecamatan where locals' NIKs were issued: those of the domicile codes inside
// the region, else the region's own code (kecamatan 01..05 when it names none).
std::vector<NikArea> HomeAreas(const std::vector<int>& region, const ListPlan& plan) {
  std::vector<NikArea> homes;
  if (region.size() >= 2 && plan.domicile >= 0) {
    for (const NikArea& area : plan.fields[plan.domicile].codes.areas) {
      const bool inside = area.province == region[0] && area.regency == region[1];
      const auto same = [&](const NikArea& a) { return a.regency == area.regency && a.district == area.district; };
      if (inside && std::none_of(homes.begin(), homes.end(), same)) homes.push_back(area);
    }
  }
  if (!homes.empty() || region.empty()) return homes;
  for (int i = 1; i <= 5; ++i) {
    NikArea area{region[0], region.size() >= 2 ? region[1] : i, region.size() >= 3 ? region[2] : i};
    if (ValidArea(area)) homes.push_back(area);
    if (region.size() >= 3) break;
  }
  return homes;
}

}  // namespace

ListPlan PlanList(const RuleSet& rules) {
  ListPlan plan;
  plan.reference = rules.reference_date();
  const std::span<const FieldInfo> fields = rules.fields();
  const std::vector<int> region_numbers = RegionNumbers(rules.region());

  for (size_t i = 0; i < fields.size(); ++i) {
    const int slot = static_cast<int>(i);
    const FieldInfo& info = fields[i];
    FieldPlan field;
    field.name = info.name;
    field.type = info.type;
    field.required = info.required;
    field.role = RoleOf(info);
    if (info.key) plan.key = slot;
    if (info.type == Type::kString && (info.key || (info.name == "nik" && plan.nik < 0))) {
      field.role = FieldRole::kNik;
      plan.nik = slot;
    }
    if (field.role == FieldRole::kName && plan.name < 0) plan.name = slot;
    if (field.role == FieldRole::kBirthDate) {
      if (plan.birth < 0) {
        plan.birth = slot;
      } else {
        field.role = FieldRole::kDate;
      }
    }
    if (field.role == FieldRole::kInt) std::tie(field.min_value, field.max_value) = IntRange(info.name);
    if (field.role == FieldRole::kBool) std::tie(field.true_rate, field.empty_rate) = BoolRates(info.name);
    field.follows_disability = field.role == FieldRole::kBool && Contains(info.name, "disabilitas");

    if (info.type == Type::kCode) {
      CodePlan& codes = field.codes;
      const int32_t count = rules.CodeCount(slot);
      for (int32_t id = 0; id < count; ++id) codes.spellings.push_back(Spellings(rules, slot, id));
      const int32_t male = rules.CodeId(slot, "L");
      const int32_t female = rules.CodeId(slot, "P");
      size_t village_codes = 0;
      for (int32_t id = 0; id < count; ++id) {
        std::optional<NikArea> area = VillageArea(rules.CodeText(slot, id));
        village_codes += area.has_value();
        codes.areas.push_back(area.value_or(NikArea{}));
      }
      const bool occupation = Contains(info.name, "pekerjaan") || Contains(info.list, "pekerjaan");
      std::vector<double> weights;
      if (plan.sex < 0 && count == 2 && male >= 0 && female >= 0 && male != female) {
        field.role = FieldRole::kSex;
        plan.sex = slot;
        plan.male = male;
        plan.female = female;
        codes.outside = OutsideTexts(rules, slot, {"X", "Laki", "W"});
      } else if (plan.domicile < 0 && village_codes * 2 > static_cast<size_t>(count)) {
        plan.domicile = slot;
        weights = DomicileWeights(rules, slot, codes.areas, region_numbers);
        codes.outside = OutsideTexts(rules, slot, {"Pekalongan", "Kota Pekalongan", "luar kota"});
      } else if (plan.occupation < 0 && occupation) {
        plan.occupation = slot;
        weights = CodeWeights(rules, slot, 0.85, true);
        for (int32_t id = 0; id < count; ++id) {
          codes.disability_work.push_back(IsDisabilityWork(rules.CodeText(slot, id)));
        }
        codes.outside = OutsideTexts(rules, slot, {"guru", "bidan", "satpam", "tukang cukur", "perangkat desa"});
      } else {
        weights = CodeWeights(rules, slot, 0.9, false);
        codes.outside = OutsideTexts(rules, slot, {});
      }
      if (plan.domicile != slot) codes.areas.clear();
      if (!weights.empty()) codes.choice = WeightedChoice(weights);
    }
    if (field.required) {
      field.empty_rate = 0;
    } else if (field.role != FieldRole::kBool) {
      field.empty_rate = EmptyRate(field.role);
    }
    plan.fields.push_back(std::move(field));
  }
  plan.home_areas = HomeAreas(region_numbers, plan);

  const auto any = [&](auto predicate) { return std::any_of(plan.fields.begin(), plan.fields.end(), predicate); };
  const auto has_role = [&](std::initializer_list<FieldRole> roles) {
    return any([&](const FieldPlan& f) { return std::find(roles.begin(), roles.end(), f.role) != roles.end(); });
  };
  for (int i = 0; i < kDefectCount; ++i) {
    const Defect defect = static_cast<Defect>(i);
    bool possible = false;
    switch (defect) {
      case Defect::kFieldCount: possible = !plan.fields.empty(); break;
      case Defect::kStrayQuote: possible = has_role({FieldRole::kName, FieldRole::kAddress, FieldRole::kText}); break;
      case Defect::kBadNumber: possible = has_role({FieldRole::kMoney, FieldRole::kInt, FieldRole::kDecimal}); break;
      case Defect::kBadBool: possible = has_role({FieldRole::kBool}); break;
      case Defect::kBadDate:
      case Defect::kImpossibleDate: possible = has_role({FieldRole::kBirthDate, FieldRole::kDate}); break;
      case Defect::kNotInList:
        possible = any([](const FieldPlan& f) { return f.type == Type::kCode && !f.codes.outside.empty(); });
        break;
      case Defect::kMissingRequired: possible = any([](const FieldPlan& f) { return f.required; }); break;
      case Defect::kNikNot16Digits:
      case Defect::kNikImpossible: possible = plan.nik >= 0; break;
      case Defect::kDuplicateKey:
        possible = plan.key >= 0 && (plan.key == plan.nik || plan.fields[plan.key].role == FieldRole::kRowKey);
        break;
      case Defect::kNikMismatch: possible = plan.nik >= 0 && (plan.birth >= 0 || plan.sex >= 0); break;
    }
    if (possible) plan.defects.push_back(defect);
  }
  return plan;
}

}  // namespace aturan
