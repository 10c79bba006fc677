#include "ruletest/load_test_file.hpp"

#include <algorithm>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "base/read_file.hpp"
#include "base/strings.hpp"
#include "base/suggest.hpp"
#include "ruletest/inline_rows.hpp"
#include "spec/load_spec.hpp"
#include "spec/reporter.hpp"
#include "spec/source_map.hpp"
#include "spec/yaml_tree.hpp"
#include "spec/yaml_walk.hpp"

namespace aturan::ruletest {
namespace {

using spec::KeyRule;
using spec::KeyValues;
using spec::Member;
using spec::Slot;
using Use = spec::KeyRule::Use;

constexpr size_t kMaxTestFileBytes = 8u << 20;

constexpr KeyRule kTopKeys[] = {{"rules"}, {"base"}, {"candidates"}, {"allocations"}};
constexpr KeyRule kCandidateKeys[] = {{"name", Use::kRequired}, {"description"},
                                      {"reference_date"}, {"fields"}, {"expect", Use::kRequired}};
constexpr KeyRule kCandidateExpectKeys[] = {
    {"status", Use::kRequired}, {"failing"}, {"unknown"}, {"score"}, {"reason"}};
constexpr KeyRule kAllocationKeys[] = {{"name", Use::kRequired}, {"description"},
                                       {"reference_date"}, {"list"}, {"rows"}, {"areas"},
                                       {"expect", Use::kRequired}};
constexpr KeyRule kAllocationExpectKeys[] = {{"selected"}, {"waitlisted"}, {"ineligible"},
                                             {"invalid"}, {"cost"}, {"pools"}, {"areas"},
                                             {"people"}};
constexpr std::string_view kTotalNumbers[] = {"selected", "waitlisted", "ineligible", "invalid",
                                              "cost"};
constexpr KeyRule kPoolKeys[] = {{"capacity"}, {"candidates"}, {"selected"},
                                 {"reserved_selected"}, {"waitlisted"}, {"unused"}, {"cost"},
                                 {"areas"}};
constexpr KeyRule kAreaKeys[] = {{"basis"}, {"quota"}, {"eligible"}, {"selected"},
                                 {"redistributed_in"}, {"unused"}, {"waitlisted"}, {"cost"}};
constexpr KeyRule kPersonKeys[] = {{"status"}, {"pool"}, {"area"}, {"rank"}};

constexpr std::string_view kCandidateStatuses[] = {"eligible", "ineligible", "invalid"};
constexpr std::string_view kAllocationStatuses[] = {"selected", "waitlisted", "ineligible",
                                                    "invalid"};

std::string Quote(std::string_view text) { return StrCat("'", text, "'"); }

// A path written in the test file, resolved against the test file's directory.
std::string Resolve(const std::string& test_path, const std::string& written) {
  const std::filesystem::path p(written);
  if (p.is_absolute()) return written;
  return (std::filesystem::path(test_path).parent_path() / p).lexically_normal().string();
}

bool SameFile(const std::string& a, const std::string& b) {
  std::error_code error;
  const bool same = std::filesystem::equivalent(a, b, error);
  return !error && same;
}

// Reads one test file's tree into cases, reporting every problem it finds.
class CaseReader {
 public:
  CaseReader(const spec::YamlTree& tree, spec::Walker& walker, const RuleSet& rules,
             std::string path, std::string rules_path)
      : tree_(tree), walker_(walker), rules_(rules), path_(std::move(path)), rules_path_(std::move(rules_path)) {}

  TestFile Read() {
    TestFile file;
    file.path = path_;
    const Slot root = walker_.Root();
    const std::optional<KeyValues> top = walker_.ReadKeys(root, kTopKeys);
    if (!top) return file;
    if (const Slot* rules = top->Get("rules")) CheckRulesFile(*rules);
    if (const Slot* base = top->Get("base")) base_ = ReadFields(*base);
    if (const Slot* candidates = top->Get("candidates")) {
      if (std::optional<std::vector<Slot>> items = walker_.Items(*candidates, "a list of candidate cases")) {
        for (const Slot& item : *items) ReadCandidate(item, &file);
      }
    }
    if (const Slot* allocations = top->Get("allocations")) {
      if (!rules_.quota().present()) {
        Error(allocations->key_at, "allocation cases, but the rule file has no quota",
              "an allocation case tests the rule file's 'quota:'; remove 'allocations:'");
      } else if (std::optional<std::vector<Slot>> items =
                     walker_.Items(*allocations, "a list of allocation cases")) {
        for (const Slot& item : *items) ReadAllocation(item, &file);
      }
    }
    if (file.candidates.empty() && file.allocations.empty() && walker_.reporter().errors() == 0) {
      Error(root.at, "the test file has no cases",
            "add 'candidates:' or 'allocations:' (docs/rule-tests.md)");
    }
    return file;
  }

 private:
  void Error(SourceRef at, std::string message, std::string hint = {}) {
    walker_.reporter().Error(at, std::move(message), std::move(hint));
  }

  void CheckRulesFile(const Slot& slot) {
    const std::optional<spec::LocatedText> written = walker_.Text(slot);
    if (!written) return;
    const std::string resolved = Resolve(path_, written->text);
    if (!SameFile(resolved, rules_path_)) {
      Error(written->at, StrCat("this test file is for ", Quote(resolved), " but tests ", Quote(rules_path_)),
            StrCat("run 'aturan test ", resolved, "', or correct 'rules:'"));
    }
  }

  // A case name, unique in the file.
  std::optional<std::string> ReadName(const KeyValues& keys) {
    const Slot* slot = keys.Get("name");
    if (slot == nullptr) return std::nullopt;
    std::optional<spec::LocatedText> name = walker_.Text(*slot);
    if (!name) return std::nullopt;
    for (const auto& [seen, at] : names_) {
      if (seen == name->text) {
        Error(name->at, StrCat("case name ", Quote(name->text), " is already used on line ", at.line),
              "give every case its own name, so a failure names one case");
        return std::nullopt;
      }
    }
    names_.emplace_back(name->text, name->at);
    return name->text;
  }

  // A mapping of schema field -> value as text; YAML null or empty text is a missing value.
  std::vector<FieldText> ReadFields(const Slot& slot) {
    std::vector<FieldText> fields;
    const std::optional<std::vector<Member>> members = walker_.Members(slot, "a mapping of field: value");
    if (!members) return fields;
    for (const Member& member : *members) {
      if (rules_.FieldSlot(member.key.text) < 0) {
        std::vector<std::string_view> names;
        for (const FieldInfo& field : rules_.fields()) names.push_back(field.name);
        Error(member.key.at, StrCat("unknown field ", Quote(member.key.text), " in ", slot.path),
              ChoiceHint(member.key.text, names, "fields of the rule file's schema"));
        continue;
      }
      FieldText field;
      field.field = member.key.text;
      field.at = member.value.at;
      if (walker_.IsScalar(member.value)) {
        field.text = walker_.Scalar(member.value);
        field.missing = field.text.empty();
      } else if (IsNull(member.value)) {
        field.missing = true;
      } else {
        walker_.ExpectedError(member.value, "a value as a list would carry it",
                              "write the value as text, e.g. 'ya', '12-03-1975', 'Rp1.200.000'");
        continue;
      }
      fields.push_back(std::move(field));
    }
    return fields;
  }

  bool IsNull(const Slot& slot) const {
    return tree_.nodes[slot.node].kind == spec::YamlNode::Kind::kNull;
  }

  // base fields, then the case's own (replacing base ones of the same field).
  std::vector<FieldText> WithBase(std::vector<FieldText> own) const {
    std::vector<FieldText> merged = base_;
    for (FieldText& field : own) {
      const auto same = std::find_if(merged.begin(), merged.end(),
                                     [&](const FieldText& f) { return f.field == field.field; });
      if (same != merged.end()) {
        *same = std::move(field);
      } else {
        merged.push_back(std::move(field));
      }
    }
    return merged;
  }

  std::optional<absl::CivilDay> ReadDate(const KeyValues& keys) {
    const Slot* slot = keys.Get("reference_date");
    return slot != nullptr ? walker_.Date(*slot) : std::nullopt;
  }

  // One of `choices`, with a did-you-mean hint otherwise.
  std::optional<size_t> ReadChoice(const Slot& slot, std::span<const std::string_view> choices,
                                   std::string_view label) {
    const std::optional<spec::LocatedText> text = walker_.Text(slot);
    if (!text) return std::nullopt;
    for (size_t i = 0; i < choices.size(); ++i) {
      if (choices[i] == text->text) return i;
    }
    Error(text->at, StrCat(slot.path, ": unknown ", label, " ", Quote(text->text)),
          ChoiceHint(text->text, {choices.data(), choices.size()}, StrCat(label, "es")));
    return std::nullopt;
  }

  // A list of eligibility rule ids, each known and written once.
  std::optional<std::vector<std::string>> ReadRuleIds(const Slot& slot) {
    std::vector<std::string> ids;
    bool ok = true;
    std::vector<std::string_view> known;
    for (const RuleInfo& rule : rules_.rules()) known.push_back(rule.id);
    if (!walker_.IsScalar(slot) && !walker_.Items(slot, "a list of rule ids")) return std::nullopt;
    for (const spec::LocatedText& id : walker_.TextList(slot)) {
      if (std::find(known.begin(), known.end(), id.text) == known.end()) {
        Error(id.at, StrCat(slot.path, ": unknown rule id ", Quote(id.text)),
              ChoiceHint(id.text, known, "the rule file's eligibility rules"));
        ok = false;
      } else if (std::find(ids.begin(), ids.end(), id.text) != ids.end()) {
        Error(id.at, StrCat(slot.path, ": rule id ", Quote(id.text), " is listed twice"),
              "list every failing rule once");
        ok = false;
      } else {
        ids.push_back(id.text);
      }
    }
    if (!ok) return std::nullopt;
    return ids;
  }

  std::optional<double> ReadScore(const Slot& slot) {
    double score = 0;
    if (walker_.IsScalar(slot)) {
      std::string text = walker_.Scalar(slot);
      text.erase(std::remove(text.begin(), text.end(), '_'), text.end());
      if (absl::SimpleAtod(text, &score)) return score;
    }
    walker_.ExpectedError(slot, "a number", "write the priority score, e.g. 80 or 12.5");
    return std::nullopt;
  }

  void ReadCandidate(const Slot& item, TestFile* file) {
    const size_t errors = walker_.reporter().errors();
    const std::optional<KeyValues> keys = walker_.ReadKeys(item, kCandidateKeys);
    if (!keys) return;
    CandidateCase c;
    c.at = item.at;
    std::optional<std::string> name = ReadName(*keys);
    c.reference_date = ReadDate(*keys);
    std::vector<FieldText> own;
    if (const Slot* fields = keys->Get("fields")) own = ReadFields(*fields);
    c.fields = WithBase(std::move(own));
    if (const Slot* expect = keys->Get("expect")) ReadCandidateExpectation(*expect, &c.expect);
    if (!name || walker_.reporter().errors() != errors) return;
    c.name = std::move(*name);
    file->candidates.push_back(std::move(c));
  }

  void ReadCandidateExpectation(const Slot& slot, CandidateExpectation* out) {
    const std::optional<KeyValues> keys = walker_.ReadKeys(slot, kCandidateExpectKeys);
    if (!keys) return;
    const Slot* status_slot = keys->Get("status");
    if (status_slot == nullptr) return;
    const std::optional<size_t> status = ReadChoice(*status_slot, kCandidateStatuses, "status");
    if (!status) return;
    out->status = *status == 0 ? Status::kEligible : *status == 1 ? Status::kIneligible : Status::kInvalid;
    const Slot* failing = keys->Get("failing");
    const Slot* unknown = keys->Get("unknown");
    if (failing != nullptr) out->failing = ReadRuleIds(*failing);
    if (unknown != nullptr) out->unknown = ReadRuleIds(*unknown);
    if (const Slot* score = keys->Get("score")) out->score = ReadScore(*score);
    if (const Slot* reason = keys->Get("reason")) {
      if (std::optional<spec::LocatedText> text = walker_.Text(*reason)) out->reason = text->text;
    }
    // Expectations that contradict the status.
    if (out->status == Status::kInvalid) {
      for (const Slot* s : {failing, unknown}) {
        if (s != nullptr) {
          Error(s->key_at, StrCat(s->path, ": an invalid record is not judged, so no rule fails"),
                "remove it; 'reason:' can name the faulty value");
        }
      }
    }
    if (out->status == Status::kEligible) {
      for (const auto& [s, ids] : {std::pair{failing, out->failing}, std::pair{unknown, out->unknown}}) {
        if (s != nullptr && ids && !ids->empty()) {
          Error(s->key_at, StrCat(s->path, ": an eligible candidate fails no rule"),
                "write 'status: ineligible', or remove the rule ids");
        }
      }
      if (keys->Get("reason") != nullptr) {
        Error(keys->Get("reason")->key_at, StrCat(slot.path, ".reason: an eligible candidate has no reason"),
              "remove 'reason:', or write 'status: ineligible'");
      }
    }
    if (out->status == Status::kIneligible && failing != nullptr && out->failing &&
        out->failing->empty()) {
      Error(failing->at, StrCat(failing->path, ": an ineligible candidate fails at least one rule"),
            "list the rules that fail");
    }
    if (out->failing && out->unknown) {
      for (const std::string& id : *out->unknown) {
        if (std::find(out->failing->begin(), out->failing->end(), id) == out->failing->end()) {
          Error(unknown->at, StrCat(unknown->path, ": rule ", Quote(id), " is undecided but not in 'failing'"),
                "an undecided rule counts as failing: list it under 'failing' too");
        }
      }
    }
  }

  // A path to a file that must exist, resolved against the test file.
  std::optional<std::string> ReadExistingPath(const Slot& slot, std::string_view what) {
    const std::optional<spec::LocatedText> text = walker_.Text(slot);
    if (!text) return std::nullopt;
    std::string resolved = Resolve(path_, text->text);
    std::error_code error;
    if (!std::filesystem::is_regular_file(resolved, error)) {
      Error(text->at, StrCat(slot.path, ": cannot read ", what, " ", Quote(resolved)),
            "paths are relative to the test file's directory");
      return std::nullopt;
    }
    return resolved;
  }

  void ReadAllocation(const Slot& item, TestFile* file) {
    const size_t errors = walker_.reporter().errors();
    const std::optional<KeyValues> keys = walker_.ReadKeys(item, kAllocationKeys);
    if (!keys) return;
    AllocationCase c;
    c.at = item.at;
    std::optional<std::string> name = ReadName(*keys);
    c.reference_date = ReadDate(*keys);
    const Slot* list = keys->Get("list");
    const Slot* rows = keys->Get("rows");
    if ((list == nullptr) == (rows == nullptr)) {
      Error(item.key_at, StrCat(item.path, ": give exactly one of 'list:' and 'rows:'"),
            "'list:' names a CSV file; 'rows:' writes the candidates inline");
    } else if (list != nullptr) {
      if (std::optional<std::string> path = ReadExistingPath(*list, "the list")) c.list_path = *path;
    } else if (std::optional<std::vector<Slot>> items = walker_.Items(*rows, "a list of rows (field: value)")) {
      std::vector<std::vector<FieldText>> all;
      for (const Slot& row : *items) all.push_back(WithBase(ReadFields(row)));
      c.inline_csv = RowsAsCsv(all);
    }
    if (const Slot* areas = keys->Get("areas")) {
      const bool shares = std::any_of(rules_.quota().pools.begin(), rules_.quota().pools.end(),
                                      [](const PoolInfo& p) { return p.basis != AreaBasis::kNone; });
      if (!shares) {
        Error(areas->key_at, StrCat(areas->path, ": the rule file's quota does not share seats over areas ('by:')"),
              "remove 'areas:'; an area table only gives the numbers seats are shared by");
      } else if (std::optional<std::string> path = ReadExistingPath(*areas, "the area table")) {
        c.areas_path = *path;
      }
    }
    if (const Slot* expect = keys->Get("expect")) ReadAllocationExpectation(*expect, &c.expect);
    if (!name || walker_.reporter().errors() != errors) return;
    c.name = std::move(*name);
    file->allocations.push_back(std::move(c));
  }

  // Whole numbers >= 0 under `rules`' keys present in `keys`.
  void ReadNumbers(const KeyValues& keys, std::span<const KeyRule> rules,
                   std::vector<ExpectedNumber>* out) {
    for (const KeyRule& rule : rules) {
      if (rule.name == "areas" || rule.name == "pools" || rule.name == "people") continue;
      const Slot* slot = keys.Get(rule.name);
      if (slot == nullptr) continue;
      const std::optional<int64_t> value = walker_.Int(*slot);
      if (!value) continue;
      if (*value < 0) {
        walker_.ExpectedError(*slot, "a whole number of at least 0");
        continue;
      }
      out->push_back(ExpectedNumber{std::string(rule.name), *value, slot->at});
    }
  }

  std::optional<int> FindPool(const spec::LocatedText& id, std::string_view path) {
    const std::vector<PoolInfo>& pools = rules_.quota().pools;
    std::vector<std::string_view> ids;
    for (size_t p = 0; p < pools.size(); ++p) {
      if (absl::EqualsIgnoreCase(pools[p].id, id.text)) return static_cast<int>(p);
      ids.push_back(pools[p].id);
    }
    Error(id.at, StrCat(path, ": unknown pool ", Quote(id.text)),
          ChoiceHint(id.text, ids, "the quota's pools"));
    return std::nullopt;
  }

  // The code id of an area written as a code, an alias or a name of `slot`'s list.
  std::optional<int32_t> FindArea(int slot, const spec::LocatedText& area, std::string_view path) {
    const int32_t id = rules_.CodeId(slot, area.text);
    if (id != kUnknownCode) return id;
    for (int32_t i = 0; i < rules_.CodeCount(slot); ++i) {
      if (absl::EqualsIgnoreCase(ToAbsl(rules_.CodeName(slot, i)), area.text)) return i;
    }
    std::vector<std::string_view> spellings = rules_.CodeSpellings(slot);
    Error(area.at, StrCat(path, ": ", Quote(area.text), " is not an area of field '",
                          rules_.fields()[slot].name, "'"),
          ChoiceHint(absl::AsciiStrToLower(area.text), spellings, "some areas"));
    return std::nullopt;
  }

  void ReadAreas(const Slot& slot, PoolExpectation* pool) {
    const PoolInfo& info = rules_.quota().pools[pool->pool];
    if (info.basis == AreaBasis::kNone) {
      Error(slot.key_at, StrCat(slot.path, ": pool '", info.id, "' does not share its seats over areas"),
            "remove 'areas:'; compare the pool's own numbers instead");
      return;
    }
    const std::optional<std::vector<Member>> members = walker_.Members(slot, "a mapping of area: numbers");
    if (!members) return;
    for (const Member& member : *members) {
      const std::optional<int32_t> area = FindArea(info.area_slot, member.key, slot.path);
      const std::optional<KeyValues> keys = walker_.ReadKeys(member.value, kAreaKeys);
      if (!area || !keys) continue;
      AreaExpectation expectation{member.key.text, *area, member.key.at, {}};
      ReadNumbers(*keys, kAreaKeys, &expectation.numbers);
      pool->areas.push_back(std::move(expectation));
    }
  }

  PoolExpectation& PoolEntry(int pool, SourceRef at, AllocationExpectation* out) {
    for (PoolExpectation& entry : out->pools) {
      if (entry.pool == pool) return entry;
    }
    out->pools.push_back(PoolExpectation{rules_.quota().pools[pool].id, pool, at, {}, {}});
    return out->pools.back();
  }

  void ReadPerson(const Member& member, AllocationExpectation* out) {
    PersonExpectation person;
    person.nik = member.key.text;
    person.at = member.key.at;
    if (walker_.IsScalar(member.value)) {
      if (std::optional<size_t> s = ReadChoice(member.value, kAllocationStatuses, "status")) {
        person.status = static_cast<AllocationStatus>(*s);
      }
      out->people.push_back(std::move(person));
      return;
    }
    const std::optional<KeyValues> keys = walker_.ReadKeys(member.value, kPersonKeys);
    if (!keys) return;
    if (const Slot* status = keys->Get("status")) {
      if (std::optional<size_t> s = ReadChoice(*status, kAllocationStatuses, "status")) {
        person.status = static_cast<AllocationStatus>(*s);
      }
    }
    if (const Slot* pool = keys->Get("pool")) {
      if (std::optional<spec::LocatedText> id = walker_.Text(*pool)) {
        person.pool = FindPool(*id, pool->path);
        person.pool_written = id->text;
      }
    }
    if (const Slot* area = keys->Get("area")) {
      const std::vector<PoolInfo>& pools = rules_.quota().pools;
      int pool = person.pool.value_or(-1);
      if (pool < 0) {
        for (size_t p = 0; p < pools.size() && pool < 0; ++p) {
          if (pools[p].basis != AreaBasis::kNone) pool = static_cast<int>(p);
        }
      }
      if (pool < 0 || pools[pool].basis == AreaBasis::kNone) {
        Error(area->key_at, StrCat(area->path, ": the pool does not share its seats over areas"),
              "remove 'area:'");
      } else if (std::optional<spec::LocatedText> text = walker_.Text(*area)) {
        person.area = FindArea(pools[pool].area_slot, *text, area->path);
        person.area_written = text->text;
      }
    }
    if (const Slot* rank = keys->Get("rank")) {
      const std::optional<int64_t> value = walker_.Int(*rank);
      if (value && *value >= 1 && *value <= UINT32_MAX) {
        person.rank = static_cast<uint32_t>(*value);
      } else if (value) {
        walker_.ExpectedError(*rank, "a place in line from 1", "rank 1 is next in line");
      }
    }
    out->people.push_back(std::move(person));
  }

  void ReadAllocationExpectation(const Slot& slot, AllocationExpectation* out) {
    const size_t errors = walker_.reporter().errors();
    const std::optional<KeyValues> keys = walker_.ReadKeys(slot, kAllocationExpectKeys);
    if (!keys) return;
    ReadNumbers(*keys, kAllocationExpectKeys, &out->totals);
    if (const Slot* pools = keys->Get("pools")) {
      if (const std::optional<std::vector<Member>> members = walker_.Members(*pools, "a mapping of pool id: numbers")) {
        for (const Member& member : *members) {
          const std::optional<int> pool = FindPool(member.key, pools->path);
          const std::optional<KeyValues> pool_keys = walker_.ReadKeys(member.value, kPoolKeys);
          if (!pool || !pool_keys) continue;
          PoolExpectation& entry = PoolEntry(*pool, member.key.at, out);
          ReadNumbers(*pool_keys, kPoolKeys, &entry.numbers);
          if (const Slot* areas = pool_keys->Get("areas")) ReadAreas(*areas, &entry);
        }
      }
    }
    if (const Slot* areas = keys->Get("areas")) {
      if (rules_.quota().pools.size() != 1) {
        Error(areas->key_at, StrCat(areas->path, ": the quota has ", rules_.quota().pools.size(), " pools"),
              "write the areas of each pool under 'pools: {<id>: {areas: ...}}'");
      } else {
        ReadAreas(*areas, &PoolEntry(0, areas->key_at, out));
      }
    }
    if (const Slot* people = keys->Get("people")) {
      if (const std::optional<std::vector<Member>> members = walker_.Members(*people, "a mapping of NIK: expected status")) {
        for (const Member& member : *members) ReadPerson(member, out);
      }
    }
    if (out->totals.empty() && out->pools.empty() && out->people.empty() &&
        walker_.reporter().errors() == errors) {
      Error(slot.key_at, StrCat(slot.path, ": nothing to compare"),
            ChoiceHint("", std::vector<std::string_view>(std::begin(kTotalNumbers), std::end(kTotalNumbers)),
                       "give at least one of"));
    }
  }

  const spec::YamlTree& tree_;
  spec::Walker& walker_;
  const RuleSet& rules_;
  std::string path_;
  std::string rules_path_;
  std::vector<FieldText> base_;
  std::vector<std::pair<std::string, SourceRef>> names_;
};

}  // namespace

std::string TestFilePathFor(const std::string& rules_path) {
  for (std::string_view ext : {".yaml", ".yml"}) {
    if (rules_path.size() > ext.size() &&
        std::string_view(rules_path).substr(rules_path.size() - ext.size()) == ext) {
      return StrCat(std::string_view(rules_path).substr(0, rules_path.size() - ext.size()), ".test", ext);
    }
  }
  return rules_path + ".test.yaml";
}

std::string RulesPathOfTestFile(const std::string& path) {
  for (std::string_view ext : {".test.yaml", ".test.yml"}) {
    if (path.size() > ext.size() && std::string_view(path).substr(path.size() - ext.size()) == ext) {
      return StrCat(std::string_view(path).substr(0, path.size() - ext.size()), ext.substr(5));
    }
  }
  return {};
}

std::optional<TestFile> LoadTestFile(std::string_view text, const std::string& path,
                                     const RuleSet& rules, const std::string& rules_path,
                                     std::vector<Diagnostic>* diagnostics) {
  spec::Reporter reporter(path, diagnostics);
  if (text.size() > kMaxTestFileBytes) {
    reporter.Error(SourceRef{1, 1}, StrCat("the test file is larger than ", kMaxTestFileBytes >> 20, " MiB"),
                   "split the cases over smaller lists ('list:' names a CSV file)");
    return std::nullopt;
  }
  const spec::SourceMap source(text);
  const std::optional<spec::YamlTree> tree = spec::BuildYamlTree(source, spec::LoadLimits{}, reporter);
  if (!tree) return std::nullopt;
  spec::Walker walker(*tree, source, reporter);
  CaseReader reader(*tree, walker, rules, path, rules_path);
  TestFile file = reader.Read();
  if (reporter.errors() > 0) return std::nullopt;
  return file;
}

std::optional<TestFile> ReadTestFile(const std::string& path, const RuleSet& rules,
                                     const std::string& rules_path,
                                     std::vector<Diagnostic>* diagnostics) {
  const std::optional<std::string> text = ReadFile(path);
  if (!text) {
    spec::Reporter reporter(path, diagnostics);
    reporter.Error(SourceRef{}, "cannot read the test file",
                   StrCat("write one beside the rule file (docs/rule-tests.md), or name it with --cases"));
    return std::nullopt;
  }
  return LoadTestFile(*text, path, rules, rules_path, diagnostics);
}

}  // namespace aturan::ruletest
