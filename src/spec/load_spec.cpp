#include "spec/load_spec.hpp"

#include <algorithm>
#include <exception>
#include <utility>

#include "absl/strings/numbers.h"
#include "base/column_name.hpp"
#include "base/strings.hpp"
#include "base/suggest.hpp"
#include "spec/quota_reader.hpp"
#include "spec/reporter.hpp"
#include "spec/source_map.hpp"
#include "spec/spec_checks.hpp"
#include "spec/yaml_tree.hpp"
#include "spec/yaml_walk.hpp"

namespace aturan::spec {
namespace {

using Use = KeyRule::Use;

constexpr int64_t kFormatVersion = 1;
constexpr int64_t kMaxCoverageMonths = 120;

constexpr KeyRule kTopKeys[] = {
    {"aturan", Use::kRequired},
    {"regulation", Use::kRequired},
    {"schema", Use::kRequired},
    {"lists"},
    {"parameters"},
    {"eligibility", Use::kRequired},
    {"priority"},
    {"program", Use::kRequired},
    {"input"},
    {"quota"},
};
constexpr KeyRule kRegulationKeys[] = {
    {"id", Use::kRequired},
    {"title", Use::kRequired},
    {"region", Use::kRequired},
    {"region_name"},
    {"legal_basis"},
    {"source", Use::kRequired},
    {"effective", Use::kRequired},
    {"revises"},
};
constexpr KeyRule kFieldKeys[] = {
    {"type", Use::kRequired}, {"list"},        {"required"}, {"key"},
    {"default"},              {"description"}, {"headers"},
};
constexpr KeyRule kListKeys[] = {{"title"}, {"subset_of"}, {"items", Use::kRequired}};
constexpr KeyRule kItemKeys[] = {{"code", Use::kRequired}, {"name", Use::kRequired}, {"aliases"}};
constexpr KeyRule kParameterKeys[] = {
    {"type"}, {"value"}, {"values"}, {"reference"}, {"description"},
};
constexpr KeyRule kDatedValueKeys[] = {{"value", Use::kRequired}, {"reference"}};
constexpr KeyRule kRuleKeys[] = {
    {"id", Use::kRequired},
    {"when", Use::kRequired},
    {"reason", Use::kRequired},
    {"reference"},
};
constexpr KeyRule kPriorityKeys[] = {{"score"}, {"terms"}, {"order"}};
constexpr KeyRule kTermKeys[] = {
    {"id", Use::kRequired},
    {"when", Use::kRequired},
    {"points", Use::kRequired},
};
constexpr KeyRule kOrderKeys[] = {{"field", Use::kRequired}, {"direction"}};
constexpr KeyRule kProgramKeys[] = {
    {"name"},
    {"reference_date", Use::kRequired},
    {"coverage_months"},
    {"premiums", Use::kRequired},
};
constexpr KeyRule kPremiumKeys[] = {{"value"}, {"values"}, {"reference"}, {"per_person"}};
constexpr KeyRule kInputKeys[] = {{"nik"}, {"birth_date"}, {"sex"}, {"nik_mismatch"}};

constexpr Type kFieldTypes[] = {Type::kBool,   Type::kInt,  Type::kMoney, Type::kDecimal,
                                Type::kString, Type::kDate, Type::kCode};
constexpr Type kParameterTypes[] = {Type::kBool,    Type::kInt,    Type::kMoney,
                                    Type::kDecimal, Type::kString, Type::kDate};

// Reads the YAML tree into a Spec, section by section. Each reader takes what it can and
// reports the rest; structural rules that involve one mapping (a code field's list, value
// or values, score or terms) are checked here, rules across sections in CheckSpec.
class SpecReader {
 public:
  SpecReader(Walker& walker, Spec& spec) : w_(walker), spec_(spec) {}

  // False when the file cannot be read as format 1 at all.
  bool Read(const Slot& root) {
    if (!w_.IsMapping(root)) {
      w_.ExpectedError(root, "a mapping of top-level keys", "a rule file starts with 'aturan: 1'");
      return false;
    }
    // The version decides how to read the rest, so it comes first.
    if (const std::optional<Slot> version = w_.Find(root, "aturan")) {
      if (!ReadVersion(*version)) return false;
    }
    const std::optional<KeyValues> keys = w_.ReadKeys(root, kTopKeys);
    if (const Slot* s = keys->Get("regulation")) ReadRegulation(*s);
    if (const Slot* s = keys->Get("schema")) ReadSchema(*s);
    if (const Slot* s = keys->Get("lists")) ReadLists(*s);
    if (const Slot* s = keys->Get("parameters")) ReadParameters(*s);
    if (const Slot* s = keys->Get("eligibility")) ReadEligibility(*s);
    if (const Slot* s = keys->Get("priority")) ReadPriority(*s);
    if (const Slot* s = keys->Get("program")) ReadProgram(*s);
    if (const Slot* s = keys->Get("input")) ReadInput(*s);
    if (const Slot* s = keys->Get("quota")) spec_.quota = ReadQuota(w_, *s);
    return true;
  }

 private:
  void Error(SourceRef at, std::string message, std::string hint) {
    w_.reporter().Error(at, std::move(message), std::move(hint));
  }

  // False for a version other than 1: the rest of the file follows rules we do not know.
  bool ReadVersion(const Slot& slot) {
    int64_t version = 0;
    if (!w_.IsScalar(slot) || !absl::SimpleAtoi(w_.Scalar(slot), &version)) {
      w_.ExpectedError(slot, "the format version 1", "write 'aturan: 1'");
      return true;
    }
    if (version != kFormatVersion) {
      Error(slot.at, StrCat("unsupported format version '", w_.Scalar(slot), "'"),
            "this version of aturan reads format 1 only; write 'aturan: 1' for a file in "
            "that format");
      return false;
    }
    spec_.format_version = version;
    return true;
  }

  // Sets *out to the text at key `name` when the key is there and holds text.
  void ReadText(const KeyValues& keys, std::string_view name, LocatedText* out) {
    if (const Slot* s = keys.Get(name)) {
      if (std::optional<LocatedText> text = w_.Text(*s)) *out = std::move(*text);
    }
  }
  std::string ReadPlainText(const KeyValues& keys, std::string_view name) {
    LocatedText text;
    ReadText(keys, name, &text);
    return std::move(text.text);
  }

  // One of `types`; "code" is reported apart, as only fields may have it.
  std::optional<Type> ReadType(const Slot& slot, absl::Span<const Type> types) {
    const std::optional<LocatedText> text = w_.Text(slot);
    if (!text) return std::nullopt;
    std::vector<std::string_view> names;
    for (Type type : types) {
      if (TypeName(type) == text->text) return type;
      names.push_back(TypeName(type));
    }
    if (text->text == TypeName(Type::kCode)) {
      Error(slot.at, StrCat(slot.path, ": a parameter cannot be of type code"),
            "use type string, or a list for a set of codes");
      return std::nullopt;
    }
    Error(slot.at, StrCat(slot.path, ": unknown type '", text->text, "'"),
          ChoiceHint(text->text, names, "types"));
    return std::nullopt;
  }

  void ReadRegulation(const Slot& slot) {
    Regulation& r = spec_.regulation;
    r.at = slot.key_at;
    const std::optional<KeyValues> keys = w_.ReadKeys(slot, kRegulationKeys);
    if (!keys) return;
    ReadText(*keys, "id", &r.id);
    ReadText(*keys, "title", &r.title);
    ReadText(*keys, "region", &r.region);
    ReadText(*keys, "region_name", &r.region_name);
    if (const Slot* s = keys->Get("legal_basis")) r.legal_basis = w_.TextList(*s);
    ReadText(*keys, "source", &r.source);
    if (const Slot* s = keys->Get("effective")) {
      r.effective = w_.Date(*s);
      r.effective_at = s->at;
    }
    ReadText(*keys, "revises", &r.revises);
  }

  void ReadSchema(const Slot& slot) {
    const std::optional<std::vector<Member>> members =
        w_.Members(slot, "a mapping of field names to fields");
    if (!members) return;
    if (members->empty()) {
      Error(slot.at, "schema declares no fields",
            "add the fields of a candidate, e.g. 'nik: {type: string, required: true, key: true}'");
    }
    std::optional<size_t> key_field;  // index in spec_.schema of the first key field
    for (const Member& m : *members) {
      const size_t errors_before = w_.reporter().errors();
      Field field;
      field.name = m.key;
      if (const std::optional<KeyValues> keys = w_.ReadKeys(m.value, kFieldKeys)) {
        ReadField(*keys, m.value, &field);
        if (field.key && key_field) {
          const LocatedText& first = spec_.schema[*key_field].name;
          Error(keys->Get("key")->at,
                StrCat(m.value.path, ".key: '", first.text, "' (line ", first.at.line,
                       ") is already the key field"),
                "only one field can have 'key: true'");
        } else if (field.key) {
          key_field = spec_.schema.size();
        }
      }
      if (w_.reporter().errors() > errors_before) spec_.broken_names.push_back(field.name.text);
      spec_.schema.push_back(std::move(field));
    }
  }

  void ReadField(const KeyValues& keys, const Slot& slot, Field* field) {
    std::optional<Type> type;
    if (const Slot* s = keys.Get("type")) {
      field->type_at = s->at;
      type = ReadType(*s, kFieldTypes);
      if (type) field->type = *type;
    }
    ReadText(keys, "list", &field->list);
    if (const Slot* s = keys.Get("required")) field->required = w_.Bool(*s).value_or(false);
    if (const Slot* s = keys.Get("key")) field->key = w_.Bool(*s).value_or(false);
    const Slot* default_slot = keys.Get("default");
    if (default_slot != nullptr) field->default_value = w_.Expr(*default_slot, "a value");
    field->description = ReadPlainText(keys, "description");
    if (const Slot* s = keys.Get("headers")) field->headers = ReadHeaders(*s);

    if (type == Type::kCode && keys.Get("list") == nullptr) {
      Error(slot.key_at, StrCat(slot.path, ": a code field needs 'list:'"),
            "name the list that holds its codes, e.g. 'list: pekerjaan'");
    }
    if (type && type != Type::kCode && keys.Get("list") != nullptr) {
      Error(keys.Get("list")->key_at, StrCat(slot.path, ".list: only a code field has a list"),
            "remove 'list:', or write 'type: code'");
    }
    if (default_slot != nullptr && field->required) {
      Error(default_slot->key_at,
            StrCat(slot.path, ".default: a required field cannot have a default"),
            "remove 'default:' or 'required: true'");
    }
  }

  // A field's other column names: each must keep a letter or digit once normalized (the
  // form columns are compared in) and be written once. Spellings that normalize alike may
  // all be listed.
  std::vector<LocatedText> ReadHeaders(const Slot& slot) {
    std::vector<LocatedText> headers;
    if (w_.IsScalar(slot)) {
      w_.ExpectedError(slot, "a list of column names",
                       StrCat("write it as a list, e.g. [", w_.Scalar(slot), "]"));
      return headers;
    }
    const std::optional<std::vector<Slot>> items =
        w_.Items(slot, "a list of column names, e.g. [tgl_lahir, \"tanggal lahir\"]");
    if (!items) return headers;
    for (const Slot& item : *items) {
      if (!w_.IsScalar(item)) {
        w_.ExpectedError(item, "a column name (text)");
        continue;
      }
      LocatedText header{w_.Scalar(item), item.at};
      if (NormalizeColumnName(header.text).empty()) {
        Error(item.at,
              header.text.empty()
                  ? StrCat(item.path, " is empty")
                  : StrCat(item.path, ": '", header.text, "' is empty as a column name"),
              "write a column name with letters or digits; column names are compared "
              "ignoring case, with ' ', '_', '-', '.' and '/' alike and dropped at the ends");
        continue;
      }
      const auto first = std::find_if(headers.begin(), headers.end(), [&](const LocatedText& h) {
        return h.text == header.text;
      });
      if (first != headers.end()) {
        Error(item.at,
              StrCat(item.path, ": '", header.text, "' is listed twice (first on line ",
                     first->at.line, ")"),
              "remove one of them");
        continue;
      }
      headers.push_back(std::move(header));
    }
    return headers;
  }

  void ReadLists(const Slot& slot) {
    const std::optional<std::vector<Member>> members =
        w_.Members(slot, "a mapping of list names to lists");
    if (!members) return;
    for (const Member& m : *members) {
      const size_t errors_before = w_.reporter().errors();
      List list;
      list.name = m.key;
      list.at = m.key.at;
      if (const std::optional<KeyValues> keys = w_.ReadKeys(m.value, kListKeys)) {
        list.title = ReadPlainText(*keys, "title");
        ReadText(*keys, "subset_of", &list.subset_of);
        const bool subset = keys->Get("subset_of") != nullptr;
        if (const Slot* s = keys->Get("items")) ReadItems(*s, subset, &list);
      }
      if (w_.reporter().errors() > errors_before) spec_.broken_names.push_back(list.name.text);
      spec_.lists.push_back(std::move(list));
    }
  }

  void ReadItems(const Slot& slot, bool subset, List* list) {
    const std::optional<std::vector<Slot>> items = w_.Items(slot, "a list of items");
    if (!items) return;
    if (items->empty()) Error(slot.at, StrCat(slot.path, " is empty"), "add at least one item");
    for (const Slot& item : *items) {
      ListItem out;
      if (subset) {
        if (!w_.IsScalar(item)) {
          w_.ExpectedError(item, StrCat("a code of list '", list->subset_of.text, "'"),
                           "the items of a subset list are codes only, e.g. '- pengayuh_becak'");
          continue;
        }
        if (std::optional<LocatedText> code = w_.Text(item)) out.code = std::move(*code);
      } else if (w_.IsScalar(item)) {
        w_.ExpectedError(item, "an item {code: ..., name: ...}",
                         "only the items of a list with 'subset_of:' are plain codes");
        continue;
      } else if (const std::optional<KeyValues> keys = w_.ReadKeys(item, kItemKeys)) {
        ReadText(*keys, "code", &out.code);
        out.name = ReadPlainText(*keys, "name");
        if (const Slot* s = keys->Get("aliases")) out.aliases = ReadAliases(*s);
      }
      if (!out.code.text.empty()) list->items.push_back(std::move(out));
    }
  }

  std::vector<LocatedText> ReadAliases(const Slot& slot) {
    std::vector<LocatedText> aliases;
    const std::optional<std::vector<Slot>> items =
        w_.Items(slot, "a list of aliases, e.g. [tukang becak, becak]");
    if (!items) return aliases;
    for (const Slot& item : *items) {
      if (std::optional<LocatedText> alias = w_.Text(item)) aliases.push_back(std::move(*alias));
    }
    return aliases;
  }

  void ReadParameters(const Slot& slot) {
    const std::optional<std::vector<Member>> members =
        w_.Members(slot, "a mapping of parameter names to parameters");
    if (!members) return;
    for (const Member& m : *members) {
      const size_t errors_before = w_.reporter().errors();
      Parameter parameter;
      parameter.name = m.key;
      if (const std::optional<KeyValues> keys = w_.ReadKeys(m.value, kParameterKeys)) {
        if (const Slot* s = keys->Get("type")) {
          parameter.type_at = s->at;
          parameter.type = ReadType(*s, kParameterTypes);
        }
        parameter.description = ReadPlainText(*keys, "description");
        parameter.reference = ReadPlainText(*keys, "reference");
        parameter.values = ReadValues(*keys, m.value);
      }
      if (w_.reporter().errors() > errors_before) spec_.broken_names.push_back(parameter.name.text);
      spec_.parameters.push_back(std::move(parameter));
    }
  }

  // `value: X` or `values: {date: X, ...}` of a parameter or premium, sorted by date.
  std::vector<DatedValue> ReadValues(const KeyValues& keys, const Slot& owner) {
    const Slot* value = keys.Get("value");
    const Slot* values = keys.Get("values");
    std::vector<DatedValue> out;
    if (value != nullptr && values != nullptr) {
      Error(values->key_at, StrCat(owner.path, ": give either 'value' or 'values', not both"),
            "'value' is one value; 'values' maps the dates from which values hold");
    } else if (value == nullptr && values == nullptr) {
      Error(owner.key_at, StrCat(owner.path, ": missing 'value' or 'values'"),
            "add 'value: ...', or 'values:' with dates (YYYY-MM-DD) as keys");
    }
    if (value != nullptr) {
      if (std::optional<ExprText> expr = w_.Expr(*value, "a value")) {
        out.push_back(DatedValue{std::nullopt, std::move(*expr), "", value->at});
      }
    } else if (values != nullptr) {
      out = ReadDatedValues(*values);
    }
    return out;
  }

  std::vector<DatedValue> ReadDatedValues(const Slot& slot) {
    std::vector<DatedValue> out;
    const std::optional<std::vector<Member>> members =
        w_.Members(slot, "a mapping of dates (YYYY-MM-DD) to values");
    if (!members) return out;
    if (members->empty()) {
      Error(slot.at, StrCat(slot.path, " is empty"), "add 'YYYY-MM-DD: value' lines");
    }
    for (const Member& m : *members) {
      const std::optional<absl::CivilDay> from = w_.KeyDate(m, slot.path);
      std::optional<ExprText> value;
      std::string reference;
      if (w_.IsMapping(m.value)) {
        if (const std::optional<KeyValues> keys = w_.ReadKeys(m.value, kDatedValueKeys)) {
          if (const Slot* s = keys->Get("value")) value = w_.Expr(*s, "a value");
          reference = ReadPlainText(*keys, "reference");
        }
      } else {
        value = w_.Expr(m.value, "a value");
      }
      if (from && value) out.push_back(DatedValue{from, std::move(*value), reference, m.key.at});
    }
    // Duplicate dates cannot remain: equal date texts are duplicate keys, already dropped.
    std::stable_sort(out.begin(), out.end(),
                     [](const DatedValue& a, const DatedValue& b) { return *a.from < *b.from; });
    return out;
  }

  void ReadEligibility(const Slot& slot) {
    const std::optional<std::vector<Slot>> items = w_.Items(slot, "a list of rules");
    if (!items) return;
    if (items->empty()) {
      Error(slot.at, "eligibility is empty",
            "add at least one rule: '- {id: ..., when: ..., reason: ...}'");
    }
    for (const Slot& item : *items) {
      const std::optional<KeyValues> keys = w_.ReadKeys(item, kRuleKeys);
      if (!keys) continue;
      Rule rule;
      rule.at = item.key_at;
      ReadText(*keys, "id", &rule.id);
      if (const Slot* s = keys->Get("when")) {
        if (std::optional<ExprText> when = w_.Expr(*s, "an expression"))
          rule.when = std::move(*when);
      }
      rule.reason = ReadPlainText(*keys, "reason");
      rule.reference = ReadPlainText(*keys, "reference");
      spec_.eligibility.push_back(std::move(rule));
    }
  }

  void ReadPriority(const Slot& slot) {
    Priority& priority = spec_.priority;
    priority.at = slot.key_at;
    const std::optional<KeyValues> keys = w_.ReadKeys(slot, kPriorityKeys);
    if (!keys) return;
    const Slot* score = keys->Get("score");
    if (score != nullptr) priority.score = w_.Expr(*score, "an expression");
    if (const Slot* terms = keys->Get("terms")) {
      if (score != nullptr) {
        Error(terms->key_at, "priority: give either 'score' or 'terms', not both",
              "'score' is one expression; 'terms' adds points for each condition that holds");
      } else {
        ReadTerms(*terms);
      }
    }
    if (const Slot* order = keys->Get("order")) ReadOrder(*order);
  }

  void ReadTerms(const Slot& slot) {
    const std::optional<std::vector<Slot>> items = w_.Items(slot, "a list of terms");
    if (!items) return;
    for (const Slot& item : *items) {
      const std::optional<KeyValues> keys = w_.ReadKeys(item, kTermKeys);
      if (!keys) continue;
      ScoreTerm term;
      term.at = item.key_at;
      ReadText(*keys, "id", &term.id);
      if (const Slot* s = keys->Get("when")) {
        if (std::optional<ExprText> when = w_.Expr(*s, "an expression"))
          term.when = std::move(*when);
      }
      if (const Slot* s = keys->Get("points")) {
        if (std::optional<ExprText> points = w_.Expr(*s, "a value"))
          term.points = std::move(*points);
      }
      spec_.priority.terms.push_back(std::move(term));
    }
  }

  void ReadOrder(const Slot& slot) {
    const std::optional<std::vector<Slot>> items = w_.Items(slot, "a list of fields");
    if (!items) return;
    for (const Slot& item : *items) {
      OrderKey key;
      key.at = item.key_at;
      if (w_.IsScalar(item)) {
        if (std::optional<LocatedText> field = w_.Text(item)) key.field = std::move(*field);
      } else if (!w_.IsMapping(item)) {
        w_.ExpectedError(item, "a field name or {field: ..., direction: asc|desc}");
        continue;
      } else if (const std::optional<KeyValues> keys = w_.ReadKeys(item, kOrderKeys)) {
        ReadText(*keys, "field", &key.field);
        if (const Slot* s = keys->Get("direction")) key.descending = ReadDescending(*s);
      }
      if (!key.field.text.empty()) spec_.priority.order.push_back(std::move(key));
    }
  }

  bool ReadDescending(const Slot& slot) {
    const std::optional<LocatedText> text = w_.Text(slot);
    if (!text) return false;
    if (text->text == "asc") return false;
    if (text->text == "desc") return true;
    Error(slot.at, StrCat(slot.path, ": unknown direction '", text->text, "'"),
          ChoiceHint(text->text, {"asc", "desc"}, "directions (smallest first, largest first)"));
    return false;
  }

  void ReadProgram(const Slot& slot) {
    Program& program = spec_.program;
    program.at = slot.key_at;
    const std::optional<KeyValues> keys = w_.ReadKeys(slot, kProgramKeys);
    if (!keys) return;
    ReadText(*keys, "name", &program.name);
    if (const Slot* s = keys->Get("reference_date")) {
      program.reference_date = w_.Date(*s);
      program.reference_date_at = s->at;
    }
    if (const Slot* s = keys->Get("coverage_months")) {
      program.coverage_months_at = s->at;
      if (const std::optional<int64_t> months = w_.Int(*s)) {
        if (*months < 1 || *months > kMaxCoverageMonths) {
          Error(s->at, StrCat(s->path, ": ", *months, " is out of range"),
                StrCat("give a number of months from 1 to ", kMaxCoverageMonths));
        } else {
          program.coverage_months = *months;
        }
      }
    }
    if (const Slot* s = keys->Get("premiums")) ReadPremiums(*s);
  }

  void ReadPremiums(const Slot& slot) {
    const std::optional<std::vector<Member>> members =
        w_.Members(slot, "a mapping of premium components to amounts");
    if (!members) return;
    if (members->empty()) {
      Error(slot.at, "program.premiums is empty", "add each component, e.g. 'jkk: 10000'");
    }
    for (const Member& m : *members) {
      Premium premium;
      premium.name = m.key;
      if (!w_.IsMapping(m.value)) {
        if (std::optional<ExprText> value = w_.Expr(m.value, "an amount")) {
          premium.values.push_back(DatedValue{std::nullopt, std::move(*value), "", m.value.at});
        }
      } else if (const std::optional<KeyValues> keys = w_.ReadKeys(m.value, kPremiumKeys)) {
        premium.reference = ReadPlainText(*keys, "reference");
        premium.values = ReadValues(*keys, m.value);
        if (const Slot* s = keys->Get("per_person")) premium.per_person = w_.Expr(*s, "an expression");
      }
      spec_.program.premiums.push_back(std::move(premium));
    }
  }

  void ReadInput(const Slot& slot) {
    Input& input = spec_.input;
    input.at = slot.key_at;
    const std::optional<KeyValues> keys = w_.ReadKeys(slot, kInputKeys);
    if (!keys) return;
    ReadText(*keys, "nik", &input.nik);
    ReadText(*keys, "birth_date", &input.birth_date);
    ReadText(*keys, "sex", &input.sex);
    if (const Slot* s = keys->Get("nik_mismatch")) {
      input.nik_mismatch_is_error = ReadMismatchIsError(*s);
    }
  }

  // nik_mismatch: `warning` (false) or `error` (true).
  bool ReadMismatchIsError(const Slot& slot) {
    const std::optional<LocatedText> text = w_.Text(slot);
    if (!text) return false;
    if (text->text == "warning") return false;
    if (text->text == "error") return true;
    Error(slot.at, StrCat(slot.path, ": unknown value '", text->text, "'"),
          ChoiceHint(text->text, {"warning", "error"},
                     "values (warning: the row is still judged; error: the row is invalid)"));
    return false;
  }

  Walker& w_;
  Spec& spec_;
};

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

std::optional<Spec> Load(std::string_view text, std::string_view file_name,
                         const LoadLimits& limits, Reporter& reporter) {
  if (text.size() > limits.max_file_bytes) {
    reporter.Error(SourceRef{},
                   StrCat("the file is too large: ", text.size(), " bytes (the limit is ",
                          limits.max_file_bytes, ")"),
                   "a rule file is a few kilobytes; check that this is the right file");
    return std::nullopt;
  }
  // yaml-cpp skips a byte-order mark without counting it in its marks: so do we.
  if (text.substr(0, kUtf8Bom.size()) == kUtf8Bom) text.remove_prefix(kUtf8Bom.size());
  const SourceMap source(text);
  // NUL bytes would make yaml-cpp guess UTF-16 or UTF-32 and read nonsense.
  if (const size_t nul = text.find('\0'); nul != std::string_view::npos) {
    reporter.Error(source.At(nul), "the file contains a NUL byte", "a rule file is UTF-8 text");
    return std::nullopt;
  }
  const std::optional<YamlTree> tree = BuildYamlTree(source, limits, reporter);
  if (!tree) return std::nullopt;
  Spec spec;
  spec.file = std::string(file_name);
  Walker walker(*tree, source, reporter);
  if (!SpecReader(walker, spec).Read(walker.Root())) return std::nullopt;
  CheckSpec(spec, reporter);
  return spec;
}

}  // namespace

std::optional<Spec> LoadSpec(std::string_view yaml_text, std::string_view file_name,
                             std::vector<Diagnostic>* diagnostics, const LoadLimits& limits) {
  Reporter reporter(file_name, diagnostics);
  try {
    return Load(yaml_text, file_name, limits, reporter);
  } catch (const std::exception& e) {
    // Only resource exhaustion (std::bad_alloc and the like) can get here.
    reporter.Error(SourceRef{}, StrCat("could not read the file: ", e.what()), "");
  } catch (...) {
    reporter.Error(SourceRef{}, "could not read the file", "");
  }
  return std::nullopt;
}

}  // namespace aturan::spec
