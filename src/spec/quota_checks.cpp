#include "spec/quota_checks.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "aturan/quota.hpp"
#include "base/strings.hpp"
#include "base/suggest.hpp"
#include "spec/quota_settings.hpp"
#include "spec/spec_checks.hpp"

namespace aturan::spec {
namespace {

// How a pool is named in messages.
std::string PoolLabel(const PoolSpec& pool) {
  if (pool.pool == nullptr) return "quota";
  if (pool.pool->id.text.empty()) return "a quota pool";
  return StrCat("quota pool '", pool.pool->id.text, "'");
}

// A condition's text for comparing two groups: without surrounding white space.
std::string_view ConditionText(const ExprText& when) {
  return TrimAsciiWhitespace(when.text);
}

class QuotaChecker {
 public:
  QuotaChecker(const Spec& spec, Reporter& reporter)
      : spec_(spec), quota_(*spec.quota), reporter_(reporter) {}

  void Run() {
    CheckSettings(quota_.settings, "quota");
    for (size_t i = 0; i < quota_.pools.size(); ++i) {
      CheckSettings(quota_.pools[i].settings, StrCat("quota.pools[", i + 1, "]"));
    }
    CheckPoolIds();
    CheckReservedGroups();
    for (const PoolSpec& pool : EffectivePools(quota_)) CheckPool(pool);
  }

 private:
  // Reported once per position: a top-level setting inherited by several pools is one
  // mistake.
  void Error(SourceRef at, std::string message, std::string hint) {
    if (!reported_.insert({at.line, at.column}).second) return;
    reporter_.Error(at, std::move(message), std::move(hint));
  }

  const Field* FindField(std::string_view name) const {
    for (const Field& field : spec_.schema) {
      if (field.name.text == name) return &field;
    }
    return nullptr;
  }

  bool IsBroken(std::string_view name) const {
    const std::vector<std::string>& broken = spec_.broken_names;
    return std::find(broken.begin(), broken.end(), name) != broken.end();
  }

  // The settings of one block (the top level or a pool), as written.
  void CheckSettings(const QuotaSettings& settings, std::string_view path) {
    if (settings.by.value) {
      CheckField(*settings.by.value, StrCat(path, ".by"), Type::kCode,
                 "name the code field whose codes are the areas, e.g. kode_kelurahan");
    }
    if (settings.dtks_field.value) {
      CheckField(*settings.dtks_field.value, StrCat(path, ".dtks_field"), Type::kBool,
                 "name the bool field that says whether a candidate is in the DTKS");
    }
    if (settings.premiums.value) CheckPremiums(*settings.premiums.value, StrCat(path, ".premiums"));
    if (settings.reserved.value) CheckUniqueReserved(*settings.reserved.value, path);
  }

  void CheckField(const LocatedText& name, std::string_view where, Type type,
                  std::string_view type_hint) {
    const Field* field = FindField(name.text);
    if (field == nullptr) {
      std::vector<std::string_view> names;
      for (const Field& f : spec_.schema) names.push_back(f.name.text);
      Error(name.at, StrCat(where, ": no schema field named '", name.text, "'"),
            ChoiceHint(name.text, names, "fields"));
      return;
    }
    if (IsBroken(name.text) || field->type == type) return;
    Error(name.at,
          StrCat(where, ": '", name.text, "' is a ", TypeName(field->type), " field; expected a ",
                 TypeName(type), " field"),
          std::string(type_hint));
  }

  void CheckPremiums(const std::vector<LocatedText>& names, std::string_view where) {
    std::vector<std::string_view> known;
    for (const Premium& premium : spec_.program.premiums) known.push_back(premium.name.text);
    for (const LocatedText& name : names) {
      if (std::find(known.begin(), known.end(), name.text) != known.end()) continue;
      Error(name.at, StrCat(where, ": no premium named '", name.text, "' in program.premiums"),
            ChoiceHint(name.text, known, "premiums"));
    }
  }

  // Ids: valid, and unique ignoring letter case.
  void CheckIds(const std::vector<const LocatedText*>& ids, std::string_view where,
                std::string_view what) {
    absl::flat_hash_map<std::string, const LocatedText*> seen;
    for (const LocatedText* id : ids) {
      if (id->text.empty()) continue;
      if (!IsId(id->text)) {
        Error(id->at,
              StrCat(where, ": ", what, " id '", id->text,
                     "' may use only letters, digits, '-', '_' and '.'"),
              "e.g. 'dpmd' or 'miskin_ekstrem'");
        continue;
      }
      const auto [it, inserted] = seen.try_emplace(absl::AsciiStrToLower(id->text), id);
      if (inserted) continue;
      Error(id->at,
            StrCat(where, ": duplicate ", what, " id '", id->text, "' (first on line ",
                   it->second->at.line, ")"),
            StrCat("each ", what, " needs its own id (letter case does not count)"));
    }
  }

  void CheckUniqueReserved(const std::vector<QuotaReserved>& groups, std::string_view path) {
    std::vector<const LocatedText*> ids;
    for (const QuotaReserved& group : groups) ids.push_back(&group.id);
    CheckIds(ids, StrCat(path, ".reserved"), "group");
  }

  void CheckPoolIds() {
    std::vector<const LocatedText*> ids;
    for (const QuotaPool& pool : quota_.pools) ids.push_back(&pool.id);
    CheckIds(ids, "quota.pools", "pool");
    if (quota_.pools.size() > static_cast<size_t>(kMaxPools)) {
      Error(quota_.pools[kMaxPools].at,
            StrCat("quota.pools: ", quota_.pools.size(), " pools; at most ", kMaxPools,
                   " are allowed"),
            "merge pools that share a funding line");
    }
  }

  // A group is identified by its id (ignoring case) across the top level and the pools:
  // each use must give the same condition, and there may be at most kMaxReservedGroups.
  void CheckReservedGroups() {
    struct Use {
      const QuotaReserved* group;
      const QuotaSettings* block;
    };
    std::vector<Use> uses;
    auto collect = [&](const QuotaSettings& settings) {
      if (!settings.reserved.value) return;
      for (const QuotaReserved& group : *settings.reserved.value) {
        uses.push_back({&group, &settings});
      }
    };
    collect(quota_.settings);
    for (const QuotaPool& pool : quota_.pools) collect(pool.settings);
    absl::flat_hash_map<std::string, Use> groups;
    for (const Use& use : uses) {
      const QuotaReserved* group = use.group;
      if (group->id.text.empty() || group->when.text.empty()) continue;
      const auto [it, inserted] = groups.try_emplace(absl::AsciiStrToLower(group->id.text), use);
      if (inserted) {
        if (groups.size() == static_cast<size_t>(kMaxReservedGroups) + 1) {
          Error(group->id.at,
                StrCat("quota: more than ", kMaxReservedGroups, " reserved groups"),
                "give groups that mean the same people one id");
        }
        continue;
      }
      // Twice in one list is a duplicate id, reported as such.
      const QuotaReserved& first = *it->second.group;
      const bool same_list = it->second.block == use.block;
      if (same_list || ConditionText(first.when) == ConditionText(group->when)) continue;
      Error(group->when.at,
            StrCat("reserved group '", group->id.text, "' has another 'when' than on line ",
                   first.when.at.line),
            "a group is one set of people: give it the same condition everywhere, or another id");
    }
  }

  // The settings a pool works with: those that need or exclude each other, and a source
  // of seats.
  void CheckPool(const PoolSpec& pool) {
    const QuotaSettings& s = pool.settings;
    const std::string label = PoolLabel(pool);
    if (s.by.given() && !s.basis.given()) {
      Error(s.by.at, StrCat(label, ": 'by' needs 'basis'"),
            "add 'basis: population', 'basis: dtks' or 'basis: fixed' (what the areas' seats "
            "are proportional to)");
    }
    if (!s.by.given()) {
      NeedsBy(s.basis.at, "basis", label);
      NeedsBy(s.areas.at, "areas", label);
      NeedsBy(s.areas_file.at, "areas_file", label);
      NeedsBy(s.dtks_field.at, "dtks_field", label);
    }
    const bool fixed = s.basis.value == AreaBasis::kFixed;
    for (const auto* count : {&s.seats, &s.budget}) {
      if (!fixed || !count->given()) continue;
      const std::string_view key = count == &s.seats ? "seats" : "budget";
      Error(count->at, StrCat(label, ": '", key, "' together with 'basis: fixed'"),
            StrCat("with basis fixed the area numbers are the seats: remove '", key,
                   "', or choose basis population or dtks"));
    }
    if (!fixed && !s.seats.given() && !s.budget.given()) {
      const SourceRef at = pool.pool != nullptr ? pool.pool->at : quota_.at;
      Error(at, StrCat(label, " offers no seats: give 'seats' or 'budget'"),
            "or 'basis: fixed' with the seats of each area");
    }
  }

  void NeedsBy(SourceRef at, std::string_view key, std::string_view label) {
    if (at.line == 0) return;
    Error(at, StrCat(label, ": '", key, "' needs 'by'"),
          "name the code field whose codes are the areas, e.g. 'by: kode_kelurahan'");
  }

  const Spec& spec_;
  const Quota& quota_;
  Reporter& reporter_;
  absl::flat_hash_set<std::pair<uint32_t, uint32_t>> reported_;
};

}  // namespace

void CheckQuota(const Spec& spec, Reporter& reporter) { QuotaChecker(spec, reporter).Run(); }

}  // namespace aturan::spec
