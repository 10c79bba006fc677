#include "spec/quota_reader.hpp"

#include <charconv>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "base/strings.hpp"
#include "base/suggest.hpp"

namespace aturan::spec {
namespace {

using Use = KeyRule::Use;

constexpr int64_t kMaxMonths = 120;

constexpr KeyRule kQuotaKeys[] = {
    {"seats"},  {"budget"},     {"months"},     {"premiums"}, {"by"},       {"basis"},
    {"method"}, {"areas"},      {"areas_file"}, {"dtks_field"}, {"unfilled"}, {"reserved"},
    {"pools"},
};
constexpr KeyRule kPoolKeys[] = {
    {"id", Use::kRequired}, {"name"},   {"funder"},     {"when"},       {"seats"},
    {"budget"},             {"months"}, {"premiums"},   {"by"},         {"basis"},
    {"method"},             {"areas"},  {"areas_file"}, {"dtks_field"}, {"unfilled"},
    {"reserved"},
};
constexpr KeyRule kReservedKeys[] = {
    {"id", Use::kRequired},
    {"name"},
    {"when", Use::kRequired},
    {"share", Use::kRequired},
};

// A word of the rule file and what it stands for.
template <typename T>
struct Word {
  std::string_view text;
  T value;
};

constexpr Word<AreaBasis> kBases[] = {
    {"population", AreaBasis::kPopulation},
    {"dtks", AreaBasis::kDtks},
    {"fixed", AreaBasis::kFixed},
};
constexpr Word<ApportionMethod> kMethods[] = {
    {"largest_remainder", ApportionMethod::kLargestRemainder},
    {"dhondt", ApportionMethod::kDHondt},
    {"sainte_lague", ApportionMethod::kSainteLague},
};
constexpr Word<Unfilled> kUnfilled[] = {
    {"redistribute", Unfilled::kRedistribute},
    {"leave_unused", Unfilled::kLeaveUnused},
};

// A share written as a decimal (0.2) or a percentage (20%), or nothing when it is neither.
std::optional<double> ParseShare(std::string_view text) {
  double scale = 1;
  if (!text.empty() && text.back() == '%') {
    text.remove_suffix(1);
    scale = 100;
  }
  size_t points = 0;
  for (char c : text) {
    if (c == '.') {
      ++points;
    } else if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) {
      return std::nullopt;
    }
  }
  if (text.empty() || text.front() == '.' || text.back() == '.' || points > 1) return std::nullopt;
  double value = 0;
  const auto [end, error] =
      std::from_chars(text.data(), text.data() + text.size(), value, std::chars_format::fixed);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value / scale;
}

class QuotaReader {
 public:
  explicit QuotaReader(Walker& walker) : w_(walker) {}

  std::optional<Quota> Read(const Slot& slot) {
    const std::optional<KeyValues> keys = w_.ReadKeys(slot, kQuotaKeys);
    if (!keys) return std::nullopt;
    Quota quota;
    quota.at = slot.key_at;
    ReadSettings(*keys, &quota.settings);
    if (const Slot* s = keys->Get("pools")) {
      quota.pools_at = s->key_at;
      ReadPools(*s, &quota.pools);
    }
    return quota;
  }

 private:
  void Error(SourceRef at, std::string message, std::string hint) {
    w_.reporter().Error(at, std::move(message), std::move(hint));
  }

  // The keys a pool shares with the top level.
  void ReadSettings(const KeyValues& keys, QuotaSettings* out) {
    if (const Slot* s = keys.Get("seats")) {
      out->seats = ReadCount(*s, "give the number of seats, 0 or more");
    }
    if (const Slot* s = keys.Get("budget")) {
      out->budget = ReadCount(*s, "give the budget in whole rupiah, e.g. 1_700_000_000");
    }
    if (const Slot* s = keys.Get("months")) out->months = ReadMonths(*s);
    if (const Slot* s = keys.Get("premiums")) out->premiums = ReadPremiums(*s);
    if (const Slot* s = keys.Get("by")) out->by = ReadText(*s);
    if (const Slot* s = keys.Get("basis")) {
      out->basis = ReadWord(*s, kBases, "bases (population: residents per area, dtks: DTKS "
                                        "count per area, fixed: seats per area)");
    }
    if (const Slot* s = keys.Get("method")) {
      out->method = ReadWord(*s, kMethods, "methods (largest_remainder: Hamilton)");
    }
    if (const Slot* s = keys.Get("areas")) out->areas = ReadAreas(*s);
    if (const Slot* s = keys.Get("areas_file")) out->areas_file = ReadText(*s);
    if (const Slot* s = keys.Get("dtks_field")) out->dtks_field = ReadText(*s);
    if (const Slot* s = keys.Get("unfilled")) {
      out->unfilled =
          ReadWord(*s, kUnfilled, "values (redistribute: to other areas in priority order; "
                                  "leave_unused: left empty)");
    }
    if (const Slot* s = keys.Get("reserved")) out->reserved = ReadReserved(*s);
  }

  QuotaSetting<LocatedText> ReadText(const Slot& slot) {
    return QuotaSetting<LocatedText>{w_.Text(slot), slot.at};
  }

  // A whole number, 0 or more.
  QuotaSetting<int64_t> ReadCount(const Slot& slot, std::string_view hint) {
    QuotaSetting<int64_t> out{std::nullopt, slot.at};
    const std::optional<int64_t> value = w_.Int(slot);
    if (!value) return out;
    if (*value < 0) {
      Error(slot.at, StrCat(slot.path, ": ", *value, " is negative"), std::string(hint));
      return out;
    }
    out.value = value;
    return out;
  }

  QuotaSetting<int64_t> ReadMonths(const Slot& slot) {
    QuotaSetting<int64_t> out{std::nullopt, slot.at};
    const std::optional<int64_t> months = w_.Int(slot);
    if (!months) return out;
    if (*months < 1 || *months > kMaxMonths) {
      Error(slot.at, StrCat(slot.path, ": ", *months, " is out of range"),
            StrCat("give a number of months from 1 to ", kMaxMonths));
      return out;
    }
    out.value = months;
    return out;
  }

  // Names of premium components: one, or a non-empty list, each once.
  QuotaSetting<std::vector<LocatedText>> ReadPremiums(const Slot& slot) {
    QuotaSetting<std::vector<LocatedText>> out{std::nullopt, slot.at};
    const size_t errors_before = w_.reporter().errors();
    std::vector<LocatedText> names = w_.TextList(slot);
    if (w_.reporter().errors() > errors_before) return out;
    if (names.empty()) {
      Error(slot.at, StrCat(slot.path, " is empty"),
            "name the premium components this quota pays, e.g. [jkk, jkm]");
      return out;
    }
    for (size_t i = 1; i < names.size(); ++i) {
      for (size_t j = 0; j < i; ++j) {
        if (names[i].text != names[j].text) continue;
        Error(names[i].at,
              StrCat(slot.path, ": '", names[i].text, "' is listed twice (first on line ",
                     names[j].at.line, ")"),
              "remove one of them");
        return out;
      }
    }
    out.value = std::move(names);
    return out;
  }

  template <typename T, size_t N>
  QuotaSetting<T> ReadWord(const Slot& slot, const Word<T> (&words)[N], std::string_view label) {
    QuotaSetting<T> out{std::nullopt, slot.at};
    const std::optional<LocatedText> text = w_.Text(slot);
    if (!text) return out;
    std::vector<std::string_view> names;
    for (const Word<T>& word : words) {
      if (word.text == text->text) {
        out.value = word.value;
        return out;
      }
      names.push_back(word.text);
    }
    Error(slot.at, StrCat(slot.path, ": unknown value '", text->text, "'"),
          ChoiceHint(text->text, names, label));
    return out;
  }

  // area → number, each number 0 or more.
  QuotaSetting<std::vector<AreaNumber>> ReadAreas(const Slot& slot) {
    QuotaSetting<std::vector<AreaNumber>> out{std::nullopt, slot.at};
    const std::optional<std::vector<Member>> members =
        w_.Members(slot, "a mapping of areas to numbers, e.g. {\"33.75.01.1002\": 12500}");
    if (!members) return out;
    if (members->empty()) {
      Error(slot.at, StrCat(slot.path, " is empty"),
            "give each area's number as 'AREA: NUMBER', or leave 'areas' out");
      return out;
    }
    std::vector<AreaNumber> areas;
    bool complete = true;
    for (const Member& m : *members) {
      const QuotaSetting<int64_t> number =
          ReadCount(m.value, "give the area's population, DTKS count or seats, 0 or more");
      if (!number.value) {
        complete = false;
        continue;
      }
      areas.push_back(AreaNumber{m.key, *number.value, m.value.at});
    }
    if (complete) out.value = std::move(areas);
    return out;
  }

  QuotaSetting<std::vector<QuotaReserved>> ReadReserved(const Slot& slot) {
    QuotaSetting<std::vector<QuotaReserved>> out{std::nullopt, slot.at};
    const std::optional<std::vector<Slot>> items = w_.Items(
        slot, "a list of groups, e.g. [{id: miskin_ekstrem, when: miskin_ekstrem, share: 0.2}]");
    if (!items) return out;
    std::vector<QuotaReserved> groups;
    for (const Slot& item : *items) {
      const std::optional<KeyValues> keys = w_.ReadKeys(item, kReservedKeys);
      if (!keys) continue;
      QuotaReserved group;
      group.at = item.key_at;
      if (const Slot* s = keys->Get("id")) group.id = w_.Text(*s).value_or(LocatedText{});
      if (const Slot* s = keys->Get("name")) group.name = w_.Text(*s).value_or(LocatedText{}).text;
      if (const Slot* s = keys->Get("when")) {
        group.when = w_.Expr(*s, "an expression").value_or(ExprText{});
      }
      if (const Slot* s = keys->Get("share")) group.share = ReadShare(*s);
      groups.push_back(std::move(group));
    }
    out.value = std::move(groups);
    return out;
  }

  // 0 < share <= 1, written 0.2 or 20%.
  QuotaSetting<double> ReadShare(const Slot& slot) {
    QuotaSetting<double> out{std::nullopt, slot.at};
    const std::optional<double> share =
        w_.IsScalar(slot) ? ParseShare(w_.Scalar(slot)) : std::nullopt;
    if (!share) {
      w_.ExpectedError(slot, "a share such as 0.2 or 20%");
      return out;
    }
    if (*share <= 0 || *share > 1) {
      Error(slot.at, StrCat(slot.path, ": '", w_.Scalar(slot), "' is out of range"),
            "a share is more than 0 and at most 1 (100%), e.g. 0.2 for a fifth of the seats");
      return out;
    }
    out.value = share;
    return out;
  }

  void ReadPools(const Slot& slot, std::vector<QuotaPool>* pools) {
    const std::optional<std::vector<Slot>> items = w_.Items(slot, "a list of pools");
    if (!items) return;
    if (items->empty()) {
      Error(slot.at, "quota.pools is empty",
            "list the pools ('- {id: ..., seats: ...}'), or leave 'pools' out for one quota");
    }
    for (const Slot& item : *items) {
      const std::optional<KeyValues> keys = w_.ReadKeys(item, kPoolKeys);
      if (!keys) continue;
      QuotaPool pool;
      pool.at = item.key_at;
      if (const Slot* s = keys->Get("id")) pool.id = w_.Text(*s).value_or(LocatedText{});
      if (const Slot* s = keys->Get("name")) pool.name = w_.Text(*s).value_or(LocatedText{}).text;
      if (const Slot* s = keys->Get("funder")) {
        pool.funder = w_.Text(*s).value_or(LocatedText{}).text;
      }
      if (const Slot* s = keys->Get("when")) pool.when = w_.Expr(*s, "an expression");
      ReadSettings(*keys, &pool.settings);
      pools->push_back(std::move(pool));
    }
  }

  Walker& w_;
};

}  // namespace

std::optional<Quota> ReadQuota(Walker& walker, const Slot& slot) {
  return QuotaReader(walker).Read(slot);
}

}  // namespace aturan::spec
